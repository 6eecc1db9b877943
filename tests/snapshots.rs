//! Snapshots of the text cors-doctor shows people for a few real pastes, so that every change of
//! wording is reviewed in a diff: insta snapshots (`tests/snapshots/snapshots__NAME.snap`), as
//! for the generated configs. `INSTA_UPDATE=always cargo test --test snapshots` (or `cargo insta
//! review`) accepts a change.
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
    for name in PASTES {
        let input = std::fs::read_to_string(format!("tests/corpus/{name}.txt")).unwrap();
        insta::assert_snapshot!(*name, human(&diagnose(&input)));
    }
}
