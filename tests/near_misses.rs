//! Near misses (each kind's NEAR_MISSES, in its file under src/catalog/kinds/): a message that
//! looks like the kind but is another kind, or no CORS error at all, must be read as that and
//! never as the kind. A kind without one fails the catalog's own tests, by name.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::catalog::kinds::SOURCES;
use cors_doctor::parse::diagnose;

#[test]
fn every_near_miss_is_read_as_what_it_is() {
    let mut wrong = Vec::new();
    for s in SOURCES {
        let not = s.kind.id;
        assert!(!s.near_misses.is_empty(), "{} has no near miss", s.file);
        for (is, text) in s.near_misses {
            assert_ne!(
                Some(not),
                *is,
                "{}: a near miss must be read as something else",
                s.file
            );
            let got: Vec<_> = diagnose(text).diagnoses.iter().map(|d| d.kind).collect();
            let want: Vec<_> = is.iter().copied().collect();
            if got != want {
                wrong.push(format!(
                    "{}: near miss read as {:?}, not {:?}: {text}",
                    s.file,
                    got.iter().map(|k| k.id()).collect::<Vec<_>>(),
                    is.map(|k| k.id())
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
