//! Pasted headers, curl output and DevTools' raw headers (tests/evidence/*.txt) read into
//! exchanges and checked against the Fetch standard: the kind, the stage, the facts, and that
//! the console line and the headers of one failure are one diagnosis.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::catalog::{KindId, Stage};
use cors_doctor::parse::{diagnose, Match};

fn paste(name: &str) -> String {
    std::fs::read_to_string(format!("tests/evidence/{name}.txt")).expect("an evidence paste")
}

#[test]
fn each_paste_names_its_failing_step() {
    for (name, kind, stage, origin) in [
        (
            "curl-v-preflight-header-not-allowed",
            KindId::HeaderNotAllowed,
            Stage::Preflight,
            "http://localhost:3000",
        ),
        (
            "curl-i-two-allow-origin",
            KindId::MultipleAllowOrigin,
            Stage::Actual,
            "https://app.example.com",
        ),
        (
            "devtools-raw-wildcard-credentials",
            KindId::WildcardWithCredentials,
            Stage::Actual,
            "https://www.example.com",
        ),
        (
            "curl-v-preflight-401",
            KindId::PreflightBadStatus,
            Stage::Preflight,
            "https://shop.example.com",
        ),
        // DevTools' "Copy as fetch" (the page origin from its referrer) and the answer pasted
        // under it: Allow-Headers lacks authorization.
        (
            "copy-as-fetch-and-response",
            KindId::HeaderNotAllowed,
            Stage::Preflight,
            "http://localhost:5173",
        ),
        (
            "curl-v-preflight-redirect",
            KindId::PreflightRedirect,
            Stage::Preflight,
            "http://localhost:5173",
        ),
        // Chromium's Private Network Access preflight (before GET, which needs none by
        // itself): Access-Control-Allow-Private-Network is missing.
        (
            "curl-v-private-network-preflight",
            KindId::PrivateNetwork,
            Stage::Preflight,
            "https://dashboard.example.com",
        ),
        // A no-cors image (no Origin: the page is the Referer's origin) refused by its CORP.
        (
            "devtools-raw-corp-same-origin",
            KindId::CorpBlocked,
            Stage::Actual,
            "https://www.example.com",
        ),
    ] {
        let text = paste(name);
        let r = diagnose(&text);
        assert_eq!(r.diagnoses.len(), 1, "{name}: {:?}", r.diagnoses);
        let d = &r.diagnoses[0];
        assert_eq!(
            (d.kind, d.stage, d.matched),
            (kind, Some(stage), Match::Evidence),
            "{name}"
        );
        assert_eq!(d.facts.page_origin.as_deref(), Some(origin), "{name}");
        let v = d.evidence.as_ref().expect("the steps");
        assert!(
            !v.steps.last().unwrap().pass && v.steps[..v.steps.len() - 1].iter().all(|s| s.pass),
            "{name}: {:?}",
            v.steps
        );
    }
    let d = &diagnose(&paste("curl-v-preflight-header-not-allowed")).diagnoses[0];
    assert_eq!(d.facts.header.as_deref(), Some("authorization"));
    assert_eq!(d.facts.method.as_deref(), Some("PUT"));
    let d = &diagnose(&paste("curl-v-preflight-401")).diagnoses[0];
    assert_eq!(d.facts.status, Some(401));
    let v = d.evidence.as_ref().unwrap();
    assert!(v
        .steps
        .iter()
        .any(|s| s.what.contains("The preflight passes the CORS check")));
}

#[test]
fn a_passing_exchange_says_so_and_is_no_error() {
    let r = diagnose(&paste("curl-v-passing"));
    assert!(r.diagnoses.is_empty(), "{:?}", r.diagnoses);
    assert_eq!(r.evidence.len(), 1);
    let c = &r.evidence[0];
    assert_eq!(c.kind, None);
    assert!(c.verdict.steps.iter().all(|s| s.pass));
    assert!(
        c.verdict
            .steps
            .iter()
            .any(|s| s.what.contains("X-Request-Id")),
        "exposed headers are named"
    );
}

#[test]
fn the_console_line_and_the_headers_are_one_diagnosis() {
    let r = diagnose(&paste("console-and-headers"));
    assert_eq!(r.diagnoses.len(), 1, "{:?}", r.diagnoses);
    let d = &r.diagnoses[0];
    assert_eq!(d.kind, KindId::MissingAllowOrigin);
    assert_eq!(
        d.matched,
        Match::Exact,
        "the browser's wording stays the source"
    );
    assert!(d.evidence.is_some(), "the headers add the steps");
    assert_eq!(d.facts.status, Some(502));
}

#[test]
fn the_json_carries_the_steps() {
    let json = cors_doctor::cli::to_json(&diagnose(&paste("curl-v-passing")));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["evidence"][0]["kind"], serde_json::Value::Null);
    assert!(
        v["evidence"][0]["verdict"]["steps"]
            .as_array()
            .unwrap()
            .len()
            >= 4
    );
}

/// A status line with no Origin and no CORS header says nothing about CORS: no diagnosis.
#[test]
fn a_bare_status_line_is_not_evidence_of_anything() {
    let r = diagnose("HTTP/1.1 204 No Content\nContent-Length: 0\n");
    assert!(
        r.diagnoses.is_empty() && r.evidence.is_empty(),
        "{:?}",
        r.diagnoses
    );
}

/// A HAR file as Chrome's "Save all as HAR" writes it (tests/evidence/chrome-export.har): its
/// cross-origin requests are checked with their preflights (wherever they sit in the file);
/// same-origin entries and the browser's own request headers are left out.
#[test]
fn a_har_file_is_checked_request_by_request() {
    let text = std::fs::read_to_string("tests/evidence/chrome-export.har").unwrap();
    let r = diagnose(&text);
    assert_eq!(r.problem, None);
    let kinds: Vec<_> = r
        .diagnoses
        .iter()
        .map(|d| (d.kind, d.stage, d.matched))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                KindId::PreflightBadStatus,
                Some(Stage::Preflight),
                Match::Evidence
            ),
            (
                KindId::WildcardWithCredentials,
                Some(Stage::Actual),
                Match::Evidence
            ),
        ]
    );
    let put = &r.diagnoses[0].facts;
    assert_eq!(
        put.request_url.as_deref(),
        Some("https://api.example.com/v1/orders/7")
    );
    assert_eq!(put.page_origin.as_deref(), Some("http://localhost:5173"));
    assert_eq!(
        (put.method.as_deref(), put.status),
        (Some("PUT"), Some(401))
    );
    // Three cross-origin requests (the preflighted PUT, /me, /health); /health passes.
    assert_eq!(r.evidence.len(), 3, "{:#?}", r.evidence);
    assert!(r.evidence.iter().any(|c| c.kind.is_none()
        && c.facts.request_url.as_deref() == Some("https://api.example.com/v1/health")));
    // The preflight announced authorization and content-type: the PUT's check names them, and
    // not User-Agent or Referer, which the browser set.
    let steps = &r.diagnoses[0].evidence.as_ref().unwrap().steps;
    assert!(
        steps[0].what.contains("authorization, content-type"),
        "{}",
        steps[0].what
    );
}

/// Read in steps (as the page reads a large file) or at once, a HAR gives the same report; a
/// broken or truncated one says what is wrong and where, never panics.
#[test]
fn a_har_file_reads_alike_in_steps_and_broken_ones_say_why() {
    let text = std::fs::read_to_string("tests/evidence/chrome-export.har").unwrap();
    let whole = diagnose(&text);
    let mut scan = cors_doctor::parse::Scan::new(&text);
    let mut steps = 0;
    while !scan.step(&text, 200) {
        steps += 1;
    }
    assert!(steps >= 4, "{steps} steps");
    assert_eq!(scan.finish(), whole);
    let entries = text.find("\"entries\"").unwrap() + 12;
    for cut in [
        entries,
        entries + 100,
        text.len() / 2,
        text.rfind("\"timings\"").unwrap(),
    ] {
        let mut end = cut;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let r = diagnose(&text[..end]);
        let problem = r.problem.map(|p| p.to_string()).unwrap_or_default();
        assert!(
            problem.starts_with("not a HAR file we can read"),
            "cut at {cut}: {problem}"
        );
        assert!(r.diagnoses.is_empty());
    }
    let r = diagnose(r#"{"log": {"version": "1.2", "creator": {}}, "entries": []}"#);
    assert!(r
        .problem
        .unwrap()
        .to_string()
        .contains("no \"entries\" array"));
}

/// Firefox writes "Copy as Fetch" with `await`, credentials first; with a response that sends the
/// wildcard, the credentialed request fails.
#[test]
fn firefox_copy_as_fetch_fills_the_request() {
    let text = "await fetch(\"https://api.example.com/me\", {\n    \"credentials\": \"include\",\n    \"headers\": {\n        \"Accept\": \"*/*\"\n    },\n    \"referrer\": \"https://shop.example.com/cart\",\n    \"method\": \"GET\",\n    \"mode\": \"cors\"\n});\nHTTP/2 200\naccess-control-allow-origin: *\n";
    let r = diagnose(text);
    assert_eq!(r.diagnoses.len(), 1, "{r:#?}");
    let d = &r.diagnoses[0];
    assert_eq!(d.kind, KindId::WildcardWithCredentials);
    assert_eq!(
        d.facts.page_origin.as_deref(),
        Some("https://shop.example.com")
    );
    assert_eq!(
        d.facts.request_url.as_deref(),
        Some("https://api.example.com/me")
    );
}

/// A redirect to another origin, as Firefox ESR 153 sent it (tests/differential, seed
/// 20261202, case 33): the redirect passes and taints the origin; the preflight to the new URL
/// still carried the page's origin and the request Origin: null, and each answer matched its
/// own request's origin, so the page read the answer. Every exchange passes, and the redirect
/// step says that the next request carries Origin: null.
#[test]
fn a_redirect_to_another_origin_taints_the_origin() {
    let r = diagnose(&paste("firefox-tainted-origin-redirect"));
    assert!(
        r.diagnoses.is_empty(),
        "{:?}",
        r.diagnoses.iter().map(|d| d.kind).collect::<Vec<_>>()
    );
    assert_eq!(r.evidence.len(), 2);
    let steps: Vec<&str> = r
        .evidence
        .iter()
        .flat_map(|c| c.verdict.steps.iter().map(|s| s.what.as_str()))
        .collect();
    assert!(
        steps
            .iter()
            .any(|s| s.contains("the next request carries Origin: null")),
        "{steps:?}"
    );
}

/// Chrome's HAR export (DevTools' `Log.ts`: `response._error` is the request's
/// `localizedFailDescription`): each `_error` is read as the Network panel's line for that
/// request, and the headers are checked alongside: a no-cors image refused by its
/// Cross-Origin-Resource-Policy (the page from its Referer), a script an extension blocked, a
/// Private Network Access preflight without its header, a refused connection. A plain
/// `net::ERR_FAILED` says nothing the headers do not.
#[test]
fn a_chrome_har_s_error_fields_are_read() {
    let text = std::fs::read_to_string("tests/evidence/chrome-blocked.har").unwrap();
    let r = diagnose(&text);
    assert_eq!(r.problem, None);
    let got: Vec<_> = r
        .diagnoses
        .iter()
        .map(|d| {
            (
                d.kind,
                d.matched,
                d.facts.request_url.clone().unwrap_or_default(),
            )
        })
        .collect();
    let want = [
        (
            KindId::CorpBlocked,
            Match::Exact,
            "https://cdn.example.net/logo.png",
        ),
        (
            KindId::BlockedByClient,
            Match::Exact,
            "https://ads.example.org/tag.js",
        ),
        (
            KindId::NetworkError,
            Match::Exact,
            "https://api.example.com/v1/health",
        ),
        (
            KindId::PrivateNetwork,
            Match::Evidence,
            "http://192.168.1.20:8080/api/status",
        ),
    ];
    assert_eq!(
        got,
        want.map(|(k, m, u)| (k, m, u.to_string())),
        "{:#?}",
        r.diagnoses
    );
    // The CORP failure is one diagnosis: the `_error` says what, the headers say why.
    let corp = &r.diagnoses[0];
    assert_eq!(
        corp.facts.page_origin.as_deref(),
        Some("https://dashboard.example.com")
    );
    let steps = &corp.evidence.as_ref().expect("the headers' steps").steps;
    assert!(steps[0].what.contains("same-origin forbids"), "{steps:?}");
    assert!(r.unrecognized.is_empty(), "{:?}", r.unrecognized);
}
