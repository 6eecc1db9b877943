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
