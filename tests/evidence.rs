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
        (
            "curl-v-preflight-redirect",
            KindId::PreflightRedirect,
            Stage::Preflight,
            "http://localhost:5173",
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
