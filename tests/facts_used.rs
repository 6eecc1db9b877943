//! No fact silently lost: for every corpus paste that names a method or a header, the config
//! generated from it for every target allows that method and header, or says why it cannot.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::generate::{Policy, FRAMEWORKS};
use cors_doctor::parse::diagnose;

#[test]
fn every_named_method_and_header_reaches_every_config_or_is_explained() {
    let mut files: Vec<_> = std::fs::read_dir("tests/corpus")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for d in diagnose(&text).diagnoses {
            let (policy, notes) = Policy::from_diagnosis_with_notes(&d);
            let wanted: Vec<String> = d
                .facts
                .method
                .iter()
                .filter(|m| !["GET", "HEAD", "POST"].contains(&m.as_str()))
                .chain(d.facts.header.iter())
                .cloned()
                .collect();
            if wanted.is_empty() {
                continue;
            }
            for f in FRAMEWORKS {
                let config = f.render(&policy).to_ascii_lowercase();
                let target_notes = f.unsupported(&policy);
                for w in &wanted {
                    checked += 1;
                    let lower = w.to_ascii_lowercase();
                    let said = notes
                        .iter()
                        .chain(&target_notes)
                        .any(|n| n.to_ascii_lowercase().contains(&lower));
                    if !config.contains(&lower) && !said {
                        failures.push(format!("{}: {} lost in {}", path.display(), w, f.id));
                    }
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
    assert!(
        failures.is_empty(),
        "{} facts lost:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A target that cannot carry a value says so, and a fact that cannot be used is named.
#[test]
fn what_a_config_cannot_carry_is_said() {
    let d = &diagnose("Access to fetch at 'https://b.example.com/f' from origin 'null' has been blocked by CORS policy: Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response.").diagnoses[0];
    let (policy, notes) = Policy::from_diagnosis_with_notes(d);
    assert!(notes.iter().any(|n| n.contains("null")), "{notes:?}");
    let s3 = FRAMEWORKS.iter().find(|f| f.id == "aws-s3").unwrap();
    assert!(s3.unsupported(&policy).iter().any(|n| n.contains("PATCH")));
    let express = FRAMEWORKS.iter().find(|f| f.id == "express").unwrap();
    assert!(express.unsupported(&policy).is_empty());
}
