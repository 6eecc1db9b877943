//! Whole realistic pastes, one per file under tests/corpus/ (verbatim, noise included), each
//! with its expected `--json` output beside it (`NAME.json`). Files named `negative-*` must
//! yield no diagnosis. Run with `BLESS=1` to write missing or changed expectations, then
//! review the diff like any other change.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use cors_doctor::cli::to_json;
use cors_doctor::parse::diagnose;

#[test]
fn every_corpus_paste_gives_its_expected_json() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir("tests/corpus")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        seen += 1;
        let input = std::fs::read_to_string(path).unwrap();
        let report = diagnose(&input);
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name.starts_with("negative-") && !report.diagnoses.is_empty() {
            failures.push(format!(
                "{name}: expected no diagnosis, got {:?}\n    input: {input:?}",
                report.diagnoses
            ));
        }
        let got: serde_json::Value = serde_json::from_str(&to_json(&report)).unwrap();
        let expected_path = path.with_extension("json");
        let expected: Option<serde_json::Value> = std::fs::read_to_string(&expected_path)
            .ok()
            .map(|t| serde_json::from_str(&t).expect("expected files are JSON"));
        if expected.as_ref() != Some(&got) {
            if bless {
                write_pretty(&expected_path, &got);
            } else {
                failures.push(format!(
                    "{name}: expected {}\n    got {got}\n    input: {input:?}",
                    expected.map_or("(no .json file; run with BLESS=1)".to_string(), |e| e
                        .to_string())
                ));
            }
        }
    }
    assert!(seen >= 20, "only {seen} corpus files");
    assert!(
        failures.is_empty(),
        "{} corpus files failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn write_pretty(path: &Path, value: &serde_json::Value) {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    std::fs::write(path, text).unwrap();
}

/// The rarer classes captured from the three engines (capture.mjs and webkit.py, the scenarios
/// after `xhr-missing-allow-origin`): each names its kind, as one diagnosis.
#[test]
fn rare_captures_name_their_kind() {
    let kinds: &[(&str, &str)] = &[
        ("csp-connect-src", "csp-blocked"),
        ("csp-img-src", "csp-blocked"),
        ("csp-frame-ancestors", "csp-blocked"),
        ("restricted-port", "network-error"),
        ("fetch-file-scheme", "scheme-not-supported"),
        ("fetch-ftp-scheme", "scheme-not-supported"),
        ("image-file-scheme", "scheme-not-supported"),
        (
            "image-crossorigin-missing-allow-origin",
            "missing-allow-origin",
        ),
        ("null-origin-file-page", "missing-allow-origin"),
        ("canvas-taint", "canvas-tainted"),
        ("cross-origin-redirect-denied", "missing-allow-origin"),
        ("lna-local-network-access", "private-network"),
    ];
    let mut checked = 0;
    for engine in ["chromium", "firefox", "webkit"] {
        for (scenario, kind) in kinds {
            let path = format!("tests/corpus/real-{engine}-{scenario}.txt");
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let r = cors_doctor::parse::diagnose(&text);
            let got: Vec<&str> = r.diagnoses.iter().map(|d| d.kind.id()).collect();
            // Firefox prints only the exception for a restricted port: nothing more to read.
            let kind = if (engine, *scenario) == ("firefox", "restricted-port") {
                "generic-fetch-failure"
            } else {
                kind
            };
            assert_eq!(got, [kind], "{path}");
            checked += 1;
        }
    }
    // Redirects to a scheme a fetch may not follow: Chromium and WebKit say so; Firefox reports
    // the request as not succeeded.
    for (engine, kind) in [
        ("chromium", "redirect-not-allowed"),
        ("webkit", "redirect-not-allowed"),
        ("firefox", "network-error"),
    ] {
        let r = cors_doctor::parse::diagnose(
            &std::fs::read_to_string(format!("tests/corpus/real-{engine}-redirect-to-data.txt"))
                .unwrap(),
        );
        assert_eq!(
            r.diagnoses.iter().map(|d| d.kind.id()).collect::<Vec<_>>(),
            [kind],
            "{engine}"
        );
        checked += 1;
    }
    // WebKit's redirection denial and its "Fetch API cannot load" line: one diagnosis, whose
    // request is the URL the page asked for, not the redirect's target.
    let r = cors_doctor::parse::diagnose(
        &std::fs::read_to_string("tests/corpus/real-webkit-cross-origin-redirect-denied.txt")
            .unwrap(),
    );
    assert_eq!(r.diagnoses.len(), 1);
    assert!(
        r.diagnoses[0]
            .facts
            .request_url
            .as_deref()
            .unwrap()
            .ends_with("/r"),
        "{:?}",
        r.diagnoses[0].facts
    );
    assert!(checked >= 31, "{checked} rare captures checked");
}
