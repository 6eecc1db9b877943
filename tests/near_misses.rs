//! One near miss per kind (tests/data/near-misses.tsv): a message that looks like the kind but
//! is another kind, or no CORS error at all, must be read as that and never as the kind. A kind
//! added without a near miss fails here, by name.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::catalog::KINDS;
use cors_doctor::parse::diagnose;

#[test]
fn every_kind_has_a_near_miss_read_as_something_else() {
    let data = std::fs::read_to_string("tests/data/near-misses.tsv").expect("the near misses");
    let rows: Vec<(&str, &str, &str)> = data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.splitn(3, '\t');
            let (not, is, text) = (cols.next(), cols.next(), cols.next());
            (
                not.unwrap_or(""),
                is.unwrap_or(""),
                text.expect("three columns"),
            )
        })
        .collect();
    for k in KINDS {
        assert!(
            rows.iter().any(|(not, _, _)| *not == k.id.id()),
            "the kind {} has no near miss in tests/data/near-misses.tsv",
            k.id.id()
        );
    }
    for (not, is, text) in &rows {
        let got: Vec<&str> = diagnose(text)
            .diagnoses
            .iter()
            .map(|d| d.kind.id())
            .collect();
        assert!(
            !got.contains(not),
            "a near miss of {not} was read as {not}: {text}"
        );
        if *is == "none" {
            assert!(got.is_empty(), "expected no diagnosis, got {got:?}: {text}");
        } else {
            assert_eq!(got, [*is], "near miss of {not}: {text}");
        }
        assert_ne!(not, is, "a near miss must be read as something else");
    }
}
