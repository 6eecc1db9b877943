//! Firefox in every language Debian ships (src/l10n/firefox.txt, from the firefox-esr-l10n-*
//! language packs): every key of every language, instantiated with varied values and console
//! noise, must be read as the same kind, engine, stage and facts as Firefox's English wording of
//! the same key with the same values, and name its language.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::l10n;
use cors_doctor::parse::diagnose;

/// What each key means: the kind Firefox's English wording of it is (checked first, so a wrong
/// English pattern cannot make every language agree on a wrong kind).
const KEYS: &[(&str, &str)] = &[
    ("CORSDisabled", "cors-disabled"),
    ("CORSDidNotSucceed2", "network-error"),
    ("CORSOriginHeaderNotAdded", "origin-header-not-added"),
    ("CORSExternalRedirectNotAllowed", "redirect-not-allowed"),
    ("CORSRequestNotHttp", "scheme-not-supported"),
    ("CORSMissingAllowOrigin2", "missing-allow-origin"),
    ("CORSMultipleAllowOriginNotAllowed", "multiple-allow-origin"),
    ("CORSAllowOriginNotMatchingOrigin", "origin-mismatch"),
    ("CORSNotSupportingCredentials", "wildcard-with-credentials"),
    ("CORSMethodNotFound", "method-not-allowed"),
    ("CORSMissingAllowCredentials", "credentials-not-true"),
    ("CORSPreflightDidNotSucceed3", "preflight-bad-status"),
    ("CORSInvalidAllowMethod", "invalid-allow-methods-or-headers"),
    ("CORSInvalidAllowHeader", "invalid-allow-methods-or-headers"),
    ("CORSMissingAllowHeaderFromPreflight2", "header-not-allowed"),
    (
        "CORSAllowHeaderFromPreflightDeprecation",
        "authorization-not-covered-by-wildcard",
    ),
    ("BlockMixedDisplayContent", "mixed-content"),
    ("BlockMixedActiveContent", "mixed-content"),
    ("LoadingMixedActiveContent2", "mixed-content"),
    ("LoadingMixedDisplayContent2", "mixed-content"),
    ("MixedContentBlockedDownload", "mixed-content"),
    ("MixedContentAutoUpgrade", "mixed-content"),
    ("IneligibleResource", "subresource-integrity"),
    ("CORPBlocked", "corp-blocked"),
    ("ResourceBlockedORB", "orb-blocked"),
];

/// The second value of a key, varied by `i`.
fn second(key: &str, i: usize) -> String {
    match key {
        "CORSDidNotSucceed2" | "CORSMissingAllowOrigin2" | "CORSPreflightDidNotSucceed3" => {
            ["404", "500", "401", "403", "502"][i % 5].to_string()
        }
        "CORSAllowOriginNotMatchingOrigin" => format!("https://other{i}.example.com"),
        "CORSInvalidAllowMethod" => ["PUT;", "GET,,"][i % 2].to_string(),
        "CORSInvalidAllowHeader" => ["x-a;", "x(b)"][i % 2].to_string(),
        "CORSMissingAllowHeaderFromPreflight2" => {
            ["x-api-key", "Authorization", "X-Requested-With"][i % 3].to_string()
        }
        "CORPBlocked" => {
            "https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy".to_string()
        }
        "ResourceBlockedORB" => "after sniff: nosniff is true".to_string(),
        "MixedContentAutoUpgrade" => "https".to_string(),
        _ => "unused".to_string(),
    }
}

fn url(i: usize) -> String {
    [
        format!("https://api{i}.example.com/v1/items?id={i}&q=a"),
        format!("http://127.0.0.1:{}/data.json", 8000 + i),
        format!("https://cdn.example.org/assets/app.{i}.js"),
    ][i % 3]
        .clone()
}

fn fill(template: &str, url: &str, second: &str) -> String {
    template
        .replace("%1$S", url)
        .replace("%2$S", second)
        .replace("%S", url)
}

/// Console noise around a message: none, a source location, a whole line before it.
fn noisy(message: &str, i: usize) -> String {
    match i % 3 {
        0 => message.to_string(),
        1 => format!("{message} app.js:{}:5", 10 + i),
        _ => format!("Navigated to http://localhost:3000/\n{message}"),
    }
}

#[test]
fn english_keys_are_their_kinds() {
    let c = l10n::catalog().expect("compiled in");
    for (n, (key, kind)) in KEYS.iter().enumerate() {
        let t = c
            .english_template(key)
            .unwrap_or_else(|| panic!("en-US lacks {key}"));
        let text = fill(&t, &url(n), &second(key, n));
        let r = diagnose(&text);
        assert_eq!(r.diagnoses.len(), 1, "{key}: {text}\n{r:#?}");
        let d = &r.diagnoses[0];
        assert_eq!(d.kind.id(), *kind, "{key}: {text}");
        assert_eq!(d.language, None, "{key}");
    }
    assert_eq!(
        c.keys.len(),
        KEYS.len(),
        "a key without an expected kind: {:?}",
        c.keys
    );
}

#[test]
fn every_key_of_every_language_reads_as_its_english_wording() {
    let c = l10n::catalog().expect("compiled in");
    assert!(
        c.unanchored().is_empty(),
        "templates without an anchor word: {:?}",
        c.unanchored()
    );
    let all: Vec<_> = c.templates().collect();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (i, (code, key, template, label)) in all.iter().enumerate() {
        // A translation may word two keys alike (Xhosa's invalid-token messages read as the
        // Allow-Origin mismatch); then the text cannot tell them apart, and either is right.
        let keys: Vec<&str> = all
            .iter()
            .filter(|(c2, _, t2, _)| c2 == code && t2 == template)
            .map(|(_, k, _, _)| *k)
            .collect();
        for variant in 0..2 {
            let n = i * 2 + variant;
            let u = url(n);
            let pasted = noisy(&fill(template, &u, &second(key, n)), n);
            let got = diagnose(&pasted);
            checked += 1;
            if got.diagnoses.len() != 1 {
                failures.push(format!(
                    "{code} {key}: {} diagnoses for {pasted}",
                    got.diagnoses.len()
                ));
                continue;
            }
            let d = &got.diagnoses[0];
            let agrees = keys.iter().any(|k| {
                let english = c
                    .english_template(k)
                    .expect("every key has an English template");
                let e = diagnose(&fill(&english, &u, &second(key, n)));
                e.diagnoses.first().is_some_and(|e| {
                    (d.kind, d.engine, d.stage, &d.facts) == (e.kind, e.engine, e.stage, &e.facts)
                })
            });
            if !agrees || d.language != Some(*label) {
                failures.push(format!(
                    "{code} {key}: {pasted}\n  got {:?} {:?} {:?} {:?}",
                    d.kind, d.engine, d.language, d.facts
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "{checked} localized messages checked in {} languages",
        c.languages.len() - 1
    );
}

#[test]
fn every_language_debian_ships_is_covered() {
    let data = std::fs::read_to_string("src/l10n/firefox.txt").unwrap();
    let header = data.lines().nth(1).unwrap();
    let c = l10n::catalog().unwrap();
    // The header names how many language packs were read; the others left every key English.
    let read: usize = header
        .split_whitespace()
        .skip_while(|w| *w != "its")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("the header names the number of language packs read");
    assert!(read >= 100, "{header}");
    assert!(
        c.languages.len() > 90,
        "{} translated languages",
        c.languages.len() - 1
    );
    for code in ["de", "fr", "es-ES", "ja", "zh-CN", "ru", "pt-BR", "ko"] {
        let l = c
            .languages
            .iter()
            .find(|l| l.code == code)
            .unwrap_or_else(|| panic!("{code}"));
        let keys = c
            .templates()
            .filter(|(_, _, _, label)| label.split(" / ").any(|n| n == l.name))
            .count();
        assert!(keys >= 20, "{code} ({}) has {keys} translated keys", l.name);
    }
}

#[test]
fn several_languages_in_one_paste_are_one_diagnosis_each() {
    let c = l10n::catalog().unwrap();
    let mut paste = String::new();
    let mut codes = Vec::new();
    for (code, key, t, _) in c
        .templates()
        .filter(|(_, k, _, _)| *k == "CORSMissingAllowOrigin2")
    {
        if codes.len() == 6
            || (code != "de"
                && code != "ja"
                && code != "ru"
                && code != "fr"
                && code != "zh-CN"
                && code != "ko")
        {
            continue;
        }
        codes.push(code.to_string());
        paste.push_str(&fill(&t, &format!("https://{code}.example.com/x"), "404"));
        paste.push('\n');
        let _ = key;
    }
    let r = diagnose(&paste);
    assert_eq!(r.diagnoses.len(), codes.len(), "{paste}\n{r:#?}");
    for (d, code) in r.diagnoses.iter().zip(&codes) {
        assert_eq!(d.kind.id(), "missing-allow-origin");
        assert_eq!(
            d.facts.request_url.as_deref(),
            Some(format!("https://{code}.example.com/x").as_str())
        );
    }
}

#[test]
fn localized_first_words_start_a_message_and_english_ones_do_not() {
    let c = l10n::catalog().unwrap();
    for (_, key, t, _) in c
        .templates()
        .filter(|(code, _, _, _)| ["de", "ja", "ru"].contains(code))
    {
        if key.starts_with("CORS") && !key.contains("Deprecation") {
            assert_eq!(l10n::starts_message(&t), (true, true), "{t}");
        }
    }
    // A wrapped English message goes on with words English uses: they never start a new one.
    for english in [
        "CORS policy: Response to preflight",
        "Cross-Origin Request",
        "Access to",
        "The resource",
    ] {
        assert_eq!(l10n::starts_message(english), (false, false), "{english}");
    }
}

/// Real captures (tests/capture/capture.mjs firefox:<lang>, Firefox ESR with Debian's language
/// pack) read like the English capture of the same scenario: same kinds, stages and facts (the
/// URLs differ only by the test server's port), and the card names the language.
#[test]
fn real_localized_captures_read_like_the_english_ones() {
    let mut checked = 0;
    let mut languages = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir("tests/corpus").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(rest) = name
            .strip_prefix("real-firefox-")
            .and_then(|r| r.strip_suffix(".txt"))
        else {
            continue;
        };
        let Some((code, scenario)) = [
            "de-", "fr-", "es-ES-", "ja-", "zh-CN-", "ru-", "pt-BR-", "ko-",
        ]
        .iter()
        .find_map(|p| rest.strip_prefix(p).map(|s| (p.trim_end_matches('-'), s))) else {
            continue;
        };
        let read = |file: &str| {
            diagnose(&std::fs::read_to_string(format!("tests/corpus/{file}")).unwrap())
        };
        let (local, english) = (read(&name), read(&format!("real-firefox-{scenario}.txt")));
        let shape = |r: &cors_doctor::parse::Report| -> Vec<_> {
            r.diagnoses
                .iter()
                .map(|d| {
                    (
                        d.kind,
                        d.stage,
                        d.facts.status,
                        d.facts.header.clone(),
                        d.facts.method.clone(),
                        d.facts.request_url.is_some(),
                    )
                })
                .collect()
        };
        assert_eq!(shape(&local), shape(&english), "{name}");
        assert!(
            local.unrecognized.is_empty(),
            "{name}: {:?}",
            local.unrecognized
        );
        let c = l10n::catalog().unwrap();
        let own = &c.languages.iter().find(|l| l.code == code).unwrap().name;
        for d in &local.diagnoses {
            if d.kind.id() != "generic-fetch-failure" {
                let label = d.language.unwrap_or_else(|| panic!("{name}: no language"));
                assert!(label.split(" / ").any(|n| n == own), "{name}: {label}");
            }
        }
        languages.insert(code);
        checked += 1;
    }
    assert_eq!(languages.len(), 8, "{languages:?}");
    assert!(checked >= 8 * 15, "{checked} captures");
}
