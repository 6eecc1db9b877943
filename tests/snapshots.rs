//! Snapshots of the text cors-doctor shows people for a few real pastes, so that every change of
//! wording is reviewed in a diff. Run with `BLESS=1` to accept a change.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::cli::human;
use cors_doctor::parse::diagnose;

const PASTES: &[&str] = &[
    "chrome-missing-allow-origin-500",
    "chrome-header-not-allowed-authorization",
    "chrome-wildcard-credentials-xhr",
    "chrome-redirected",
    "firefox-missing-allow-origin",
    "safari-preflight",
    "chrome-mixed-content",
    "real-chromium-network-error",
    "generic-failed-to-fetch",
    "negative-js-error",
];

#[test]
fn explanations_match_their_snapshots() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for name in PASTES {
        let input = std::fs::read_to_string(format!("tests/corpus/{name}.txt")).unwrap();
        let got = human(&diagnose(&input));
        let path = format!("tests/snapshots/{name}.txt");
        let expected = std::fs::read_to_string(&path).ok();
        if expected.as_deref() != Some(got.as_str()) {
            if bless {
                std::fs::create_dir_all("tests/snapshots").unwrap();
                std::fs::write(&path, &got).unwrap();
            } else {
                failures.push(format!(
                    "{name}: the explanation changed; review and run with BLESS=1\n--- got:\n{got}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
