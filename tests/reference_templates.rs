//! Every message template of the reference (tests/data/engine-messages.json, copied from
//! shared/reference: each engine's own source texts), instantiated with varied values, must
//! classify as its kind, with its engine, and with its placeholders read back as facts.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::catalog::{Engine, KindId};
use cors_doctor::parse::{diagnose, Diagnosis};
use serde_json::Value;

fn templates() -> Vec<Value> {
    let text = std::fs::read_to_string("tests/data/engine-messages.json").expect("reference file");
    serde_json::from_str::<Vec<Value>>(&text).expect("reference JSON")
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_default()
}

/// A value for a placeholder, varied by the template's index so that no two look alike.
fn value(ph: &str, i: usize, category: &str) -> String {
    match ph {
        "url" => format!("https://api{i}.example.com/v{i}/items?id={i}"),
        "origin" => format!("http://localhost:{}", 3000 + i),
        "status" => ["500", "404", "401", "403", "502"][i % 5].to_string(),
        "method" => ["PUT", "PATCH", "DELETE"][i % 3].to_string(),
        "header" => ["x-api-key", "authorization", "x-requested-with"][i % 3].to_string(),
        "hint" | "value" | "allow_origin_value" if category.contains("allow-origin") || category == "origin-mismatch" => {
            format!("https://other{i}.example.com")
        }
        "hint" | "value" => "false".to_string(),
        "page_url" => format!("https://shop{i}.example.com/cart/{i}"),
        "target_address_space" | "resource_address_space" | "address_space" => {
            ["private", "local", "loopback"][i % 3].to_string()
        }
        "initial_url" => format!("http://old{i}.example.com/items"),
        "redirect_url" => format!("https://user:pw@cdn{i}.example.com/x"),
        "resource_kind" => "fetch".to_string(),
        "ResourceType" => "Image".to_string(),
        "token" => "Content-Type;".to_string(),
        "scheme" => "https".to_string(),
        "schemes" => "http, data, chrome-extension, chrome, https".to_string(),
        "statusText" => "Internal Server Error".to_string(),
        "frame_url" => format!("https://embed{i}.example.com/"),
        "parent_url" => format!("https://site{i}.example.com/"),
        "target_origin" => format!("https://frame{i}.example.com"),
        "property" => "closed".to_string(),
        "code" => "3".to_string(),
        "resource_origin" => format!("https://api{i}.example.com"),
        "net_error" | "failText" => "net::ERR_FAILED".to_string(),
        "detail" => "Extension".to_string(),
        "mime" => "text/html".to_string(),
        "type" => "Fetch".to_string(),
        "protocol" => "http".to_string(),
        "target_protocol" => "https".to_string(),
        "document_domain_detail" => "The frame requesting access set \"document.domain\" to \"example.com\", but the frame being accessed did not.".to_string(),
        "sandbox_detail" => "The frame being accessed is sandboxed and lacks the \"allow-same-origin\" flag.".to_string(),
        "brand" => "Firefox".to_string(),
        "mdn_url" => "https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy".to_string(),
        "context" => "TypeError: ".to_string(),
        "access_type" => "get".to_string(),
        "directive" => "frame-ancestors 'self'".to_string(),
        "details" => "Failed integrity metadata check.".to_string(),
        "description" => "Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin.".to_string(),
        "request_context" => "resource".to_string(),
        "action" => "display".to_string(),
        other => panic!("no test value for placeholder {other}"),
    }
}

/// The reason a wrapper template is instantiated with, per engine, and the kind it must give.
fn reason_for(engine: &str) -> &'static str {
    match engine {
        "firefox" => "CORS header 'Access-Control-Allow-Origin' missing",
        "webkit" => "Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin.",
        _ => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    }
}

/// A template that wraps a CORS reason (instantiated with a missing-ACAO reason).
fn is_wrapper(t: &Value) -> bool {
    matches!(s(t, "category"), "wrapper" | "redirect")
        && t["placeholders"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "reason")
}

fn instantiate(t: &Value, i: usize) -> String {
    let mut text = s(t, "template").to_string();
    for ph in t["placeholders"].as_array().unwrap() {
        let ph = ph.as_str().unwrap();
        let v = match ph {
            "reason" if is_wrapper(t) => reason_for(s(t, "engine")).to_string(),
            "reason" => "nosniff".to_string(), // Firefox's ORB reason
            _ => value(ph, i, s(t, "category")),
        };
        text = text.replace(&format!("{{{ph}}}"), &v);
    }
    text
}

/// The kind a template must classify as: by category, with the documented exceptions.
fn expected_kind(t: &Value) -> KindId {
    use KindId::*;
    let template = s(t, "template");
    if is_wrapper(t) {
        return MissingAllowOrigin; // wrappers are instantiated with a missing-ACAO reason
    }
    let by_text: &[(&str, KindId)] = &[
        (
            "Have the server send the header with a valid value",
            InvalidAllowOrigin,
        ),
        (
            "If an opaque response serves your needs",
            MissingAllowOrigin,
        ),
        (
            "`Authorization` header is not covered",
            AuthorizationNotCoveredByWildcard,
        ),
        ("(Reason: CORS disabled)", CorsDisabled),
        ("CORS request did not succeed", NetworkError),
        ("cannot be added", OriginHeaderNotAdded),
        ("ERR_BLOCKED_BY_CLIENT", BlockedByClient),
        ("Blocked by content extension", BlockedByClient),
        ("Blocked by Content Security Policy", CspBlocked),
        ("integrity", SubresourceIntegrity),
        (
            "Have the server send the header with a valid value",
            InvalidAllowOrigin,
        ),
        (
            "If an opaque response serves your needs",
            MissingAllowOrigin,
        ),
    ];
    if let Some((_, k)) = by_text.iter().find(|(needle, _)| template.contains(needle)) {
        return *k;
    }
    match s(t, "category") {
        "missing-allow-origin" => MissingAllowOrigin,
        "origin-mismatch" => OriginMismatch,
        "multiple-allow-origin" => MultipleAllowOrigin,
        "invalid-allow-origin" => InvalidAllowOrigin,
        "wildcard-with-credentials" => WildcardWithCredentials,
        "credentials-flag" => CredentialsNotTrue,
        "preflight-status" => PreflightBadStatus,
        "preflight-redirect" => PreflightRedirect,
        "preflight-header-parse" => InvalidAllowMethodsOrHeaders,
        "header-not-allowed" => HeaderNotAllowed,
        "method-not-allowed" => MethodNotAllowed,
        "redirect" => RedirectNotAllowed,
        "scheme" => SchemeNotSupported,
        "request-mode" => RequestMode,
        "private-network" => PrivateNetwork,
        "mixed-content" => MixedContent,
        "corp" => CorpBlocked,
        "coep" => CoepBlocked,
        "coop" => CoopBlocked,
        "corb-orb" => OrbBlocked,
        "x-frame-options" => XFrameOptions,
        "frame-access" => FrameAccess,
        "canvas-taint" => CanvasTainted,
        "other" | "wrapper" => CorsOther,
        c => panic!("unmapped category {c}"),
    }
}

fn engine_of(name: &str) -> Engine {
    match name {
        "chromium" => Engine::Chromium,
        "firefox" => Engine::Firefox,
        _ => Engine::Webkit,
    }
}

/// Checks the facts a template's placeholders must yield; returns what is wrong.
fn fact_errors(t: &Value, i: usize, d: &Diagnosis) -> Vec<String> {
    let mut errors = Vec::new();
    let category = s(t, "category");
    let mut want = |fact: &str, got: Option<String>, expected: String| {
        if got.as_deref() != Some(expected.as_str()) {
            errors.push(format!("{fact}: expected {expected:?}, got {got:?}"));
        }
    };
    for ph in t["placeholders"].as_array().unwrap() {
        let ph = ph.as_str().unwrap();
        if ph == "reason" {
            continue;
        }
        let v = value(ph, i, category);
        let redirect_pair = t["placeholders"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "redirect_url")
            && s(t, "template").starts_with("Redirect from");
        match ph {
            // "Redirect from A to B": the page asked for A; B is the URL that failed.
            "url" if redirect_pair => want("redirected_from", d.facts.redirected_from.clone(), v),
            "redirect_url" if redirect_pair => want("request_url", d.facts.request_url.clone(), v),
            "url" => want("request_url", d.facts.request_url.clone(), v),
            "origin" if category != "frame-access" => {
                want("page_origin", d.facts.page_origin.clone(), v)
            }
            "status" => want("status", d.facts.status.map(|s| s.to_string()), v),
            "method" if category != "canvas-taint" => want("method", d.facts.method.clone(), v),
            "header" => want("header", d.facts.header.clone(), v.to_ascii_lowercase()),
            "initial_url" => want("redirected_from", d.facts.redirected_from.clone(), v),
            "page_url" => want(
                "page_origin",
                d.facts.page_origin.clone(),
                format!("https://shop{i}.example.com"),
            ),
            // The Suborigin variant quotes a suborigin, not an Allow-Origin value.
            "hint" | "value" | "allow_origin_value"
                if (category.contains("allow-origin") || category == "origin-mismatch")
                    && !s(t, "template").contains("Suborigin") =>
            {
                want("allow_origin", d.facts.allow_origin.clone(), v)
            }
            "resource_address_space" | "address_space" => {
                want("address_space", d.facts.address_space.clone(), v)
            }
            "target_address_space"
                if !t["placeholders"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p == "resource_address_space") =>
            {
                want("address_space", d.facts.address_space.clone(), v)
            }
            _ => {}
        }
    }
    errors
}

#[test]
fn every_reference_template_classifies_as_its_kind_with_engine_and_facts() {
    let all = templates();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, t) in all.iter().enumerate() {
        let category = s(t, "category");
        if matches!(category, "network-log" | "js-exception") {
            continue;
        }
        let text = instantiate(t, i);
        let report = diagnose(&text);
        let expected = expected_kind(t);
        let engine = s(t, "engine");
        let shared = all
            .iter()
            .any(|o| s(o, "template") == s(t, "template") && s(o, "engine") != engine);
        checked += 1;
        let Some(d) = report.diagnoses.first() else {
            failures.push(format!(
                "#{i} {engine} {category}: nothing recognised in {text:?}"
            ));
            continue;
        };
        let mut problems = Vec::new();
        if report.diagnoses.len() != 1 {
            problems.push(format!("{} diagnoses", report.diagnoses.len()));
        }
        if d.kind != expected {
            problems.push(format!("kind {} instead of {}", d.kind.id(), expected.id()));
        }
        let engine_ok = d.engine == Some(engine_of(engine)) || (shared && d.engine.is_none());
        if !engine_ok {
            problems.push(format!("engine {:?} instead of {engine}", d.engine));
        }
        problems.extend(fact_errors(t, i, d));
        if !problems.is_empty() {
            failures.push(format!(
                "#{i} {engine} {category}: {}\n    input: {text:?}",
                problems.join("; ")
            ));
        }
    }
    assert!(checked > 200, "only {checked} templates checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} templates failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn wrappers_with_an_unknown_reason_are_cors_other_with_facts() {
    for (i, t) in templates().iter().enumerate() {
        if s(t, "category") != "wrapper"
            || !t["placeholders"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == "reason")
        {
            continue;
        }
        let text =
            instantiate(t, i).replace(reason_for(s(t, "engine")), "The moon is in the wrong phase");
        let report = diagnose(&text);
        assert_eq!(report.diagnoses.len(), 1, "#{i}: {text:?}");
        let d = &report.diagnoses[0];
        assert_eq!(d.kind, KindId::CorsOther, "#{i}: {text:?}");
        if t["placeholders"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "url")
        {
            assert_eq!(
                d.facts.request_url.as_deref(),
                Some(value("url", i, "wrapper").as_str()),
                "#{i}: {text:?}"
            );
        }
    }
}

#[test]
fn network_lines_and_exceptions_add_facts_to_the_reason() {
    let reason = "Access to fetch at 'https://api.example.com/x' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.";
    let paste = format!("{reason}\nPUT https://api.example.com/x net::ERR_FAILED 405 (Method Not Allowed)\nUncaught (in promise) TypeError: Failed to fetch");
    let r = diagnose(&paste);
    assert_eq!(r.diagnoses.len(), 1, "{:?}", r.diagnoses);
    let d = &r.diagnoses[0];
    assert_eq!(d.kind, KindId::PreflightBadStatus);
    assert_eq!(d.facts.method.as_deref(), Some("PUT"));
    assert_eq!(d.facts.status, Some(405));
    for t in templates()
        .iter()
        .filter(|t| s(t, "category") == "js-exception")
    {
        let text = instantiate(t, 1);
        let r = diagnose(&text);
        assert_eq!(r.diagnoses.len(), 1, "{text:?}");
        assert_eq!(r.diagnoses[0].kind, KindId::GenericFetchFailure, "{text:?}");
        assert_eq!(
            r.diagnoses[0].engine,
            Some(engine_of(s(t, "engine"))),
            "{text:?}"
        );
    }
}

/// Wordings outside the reference file (look-alikes the reference does not cover), verbatim
/// from the engines' consoles.
const EXTRA_SAMPLES: &[&str] = &[
    "Content-Security-Policy: The page’s settings blocked the loading of a resource (connect-src) at https://api.example.com/v1 because it violates the following directive: “default-src 'self'”",
    "Content Security Policy: The page’s settings blocked the loading of a resource at https://api.example.com/v1 (“connect-src”).",
    "Refused to connect to https://api.example.com/v1 because it does not appear in the connect-src directive of the Content Security Policy.",
    "Refused to load the script 'https://cdn.example.com/lib.js' because it violates the following Content Security Policy directive: \"script-src 'self'\".",
    "[Error] Could not connect to the server.",
    "[Error] A server with the specified hostname could not be found.",
    "NS_ERROR_CONNECTION_REFUSED",
    "GET https://ads.example.com/pixel.gif net::ERR_BLOCKED_BY_CLIENT",
    "Cross-Origin Resource Sharing error: PreflightMissingAllowOriginHeader",
];

#[test]
fn every_kind_has_a_sample_per_engine_and_an_example_that_classifies_as_itself() {
    use cors_doctor::catalog::{patterns, KINDS};
    let all = templates();
    let mut samples: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(_, t)| !matches!(s(t, "category"), "network-log" | "js-exception"))
        .map(|(i, t)| instantiate(t, i))
        .collect();
    samples.extend(EXTRA_SAMPLES.iter().map(|x| x.to_string()));
    for entry in std::fs::read_dir("tests/corpus").unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "txt") {
            samples.push(std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    let diagnosed: Vec<Diagnosis> = samples.iter().flat_map(|x| diagnose(x).diagnoses).collect();
    let mut missing = Vec::new();
    for k in KINDS {
        let example = diagnose(k.example());
        let first = example.diagnoses.first().map(|d| d.kind);
        if first != Some(k.id) || example.diagnoses.len() != 1 {
            missing.push(format!(
                "{}: its UI example gives {:?}",
                k.id.id(),
                first.map(|f| f.id())
            ));
        }
        let mut engines: Vec<Engine> = patterns::all()
            .iter()
            .filter(|p| p.kind() == Some(k.id))
            .filter_map(|p| p.engine)
            .collect();
        engines.dedup();
        for e in engines {
            if !diagnosed
                .iter()
                .any(|d| d.kind == k.id && d.engine == Some(e))
            {
                missing.push(format!("{}: no sample printed by {}", k.id.id(), e.id()));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The example menu (each kind's EXAMPLES, written to src/catalog/examples.txt, listed under its
/// engine): every entry classifies as exactly its kind, in the browser it is listed under (or no
/// engine where the wording is shared); every engine that has its own wording for a kind has an
/// entry.
#[test]
fn the_example_menu_gives_each_kind_in_each_browsers_wording() {
    use cors_doctor::catalog::examples::MenuEntry;
    use cors_doctor::catalog::patterns;
    let mut wrong = Vec::new();
    for engine in MenuEntry::GROUPS {
        for entry in MenuEntry::of_engine(engine) {
            let r = diagnose(entry.text());
            let ok = r.diagnoses.len() == 1
                && r.diagnoses[0].kind == entry.kind
                && r.diagnoses[0].engine.is_none_or(|e| e == engine);
            if !ok {
                let got: Vec<_> = r
                    .diagnoses
                    .iter()
                    .map(|d| (d.kind.id(), d.engine))
                    .collect();
                wrong.push(format!(
                    "{} as {}: got {got:?}",
                    entry.kind.id(),
                    engine.id()
                ));
            }
        }
    }
    for p in patterns::all() {
        let (Some(kind), Some(engine)) = (p.kind(), p.engine) else {
            continue;
        };
        let listed = cors_doctor::catalog::kind(kind).menu.has(engine);
        // Safari's X-Frame-Options text is Chrome's word for word: listed once, under Chrome.
        // cors-other is the catch-all for a reason no pattern knows: one example is enough.
        let shared = (kind == KindId::XFrameOptions && engine == Engine::Webkit)
            || kind == KindId::CorsOther;
        if !listed && !shared {
            wrong.push(format!(
                "{} has a {} wording but no menu entry",
                kind.id(),
                engine.id()
            ));
        }
    }
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
