//! The catalog's own checks: the registry is consistent, every kind's file is complete, every
//! pattern's samples hold, and the two files written from the catalog (`examples.txt`, the
//! keyword prefilter) are current. `UPDATE_CATALOG=1 cargo test --lib catalog` rewrites those two.

use super::kinds::SOURCES;
use super::patterns::{self, Pattern, Role, Samples};
use super::*;
use crate::parse::{diagnose, native_regex, normalize};
use std::collections::{BTreeSet, HashMap};

fn update() -> bool {
    std::env::var_os("UPDATE_CATALOG").is_some()
}

/// Compares a file written from the catalog with what the catalog gives now; with
/// `UPDATE_CATALOG` set, writes it instead.
fn check_written(path: &str, want: &str) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if update() {
        std::fs::write(&full, want).expect("write the file");
        return;
    }
    let have = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        have == want,
        "{path} is not what the catalog gives: run `UPDATE_CATALOG=1 cargo test --lib catalog` and commit it"
    );
}

#[test]
fn the_registry_declares_each_kind_once_in_one_order() {
    assert_eq!(KINDS.len(), KindId::ALL.len());
    assert_eq!(SOURCES.len(), KindId::ALL.len());
    for (i, id) in KindId::ALL.iter().enumerate() {
        assert_eq!(
            KINDS[i].id,
            *id,
            "{}: its file's KIND says {}",
            SOURCES[i].file,
            KINDS[i].id.id()
        );
        assert_eq!(*id as usize, i);
        assert_eq!(KindId::from_id(id.id()), Some(*id));
        assert!(
            SOURCES[i]
                .file
                .ends_with(&format!("{}.rs", id.id().replace('-', "_"))),
            "{} lives in {}",
            id.id(),
            SOURCES[i].file
        );
    }
}

#[test]
fn every_kind_has_text_patterns_of_its_own_examples_and_a_near_miss() {
    for s in SOURCES {
        let k = s.kind;
        let file = s.file;
        for (name, text) in [
            ("title", k.title),
            ("summary", k.summary),
            ("cause", k.cause),
            ("fix", k.fix),
            ("example", k.example()),
        ] {
            assert!(
                text.trim().len() > 10,
                "{file}: {name} is empty or too short"
            );
            assert!(
                !text.contains("TODO") && !text.contains('{'),
                "{file}: {name} has a placeholder"
            );
        }
        assert!(!s.patterns.is_empty(), "{file} has no pattern");
        for p in s.patterns {
            assert_eq!(
                p.kind(),
                Some(k.id),
                "{file}: the pattern {:?} names another kind",
                p.needle
            );
        }
        assert!(!s.examples.is_empty(), "{file} has no example");
        assert!(!s.near_misses.is_empty(), "{file} has no near miss");
        assert_eq!(s.samples.len(), s.patterns.len());
    }
    for p in super::wrappers::PATTERNS {
        assert!(
            !matches!(p.role, Role::Reason(_) | Role::Hint(_) | Role::Exception),
            "wrappers.rs holds the pattern {:?}, which names a kind: it belongs in the kind's file",
            p.needle
        );
    }
}

/// Every pattern with its samples, and the file it is in.
fn all_samples() -> Vec<(&'static str, &'static Pattern, &'static Samples)> {
    let mut out: Vec<_> = super::wrappers::PATTERNS
        .iter()
        .zip(super::wrappers::SAMPLES)
        .map(|(p, s)| ("src/catalog/wrappers.rs", p, s))
        .collect();
    for src in SOURCES {
        out.extend(
            src.patterns
                .iter()
                .zip(src.samples)
                .map(|(p, s)| (src.file, p, s)),
        );
    }
    out
}

#[test]
fn every_pattern_matches_its_samples_and_not_its_look_alikes() {
    let mut wrong = Vec::new();
    for (file, p, samples) in all_samples() {
        let re = regex::Regex::new(&native_regex(p.regex)).expect("every pattern compiles");
        if samples.yes.is_empty() {
            wrong.push(format!("{file}: {:?} has no sample", p.needle));
        }
        for yes in samples.yes {
            let text = normalize(yes);
            if !text.contains(p.needle) || !re.is_match(&text) {
                wrong.push(format!(
                    "{file}: {:?} does not match its sample {yes:?}",
                    p.needle
                ));
            }
            // A reason's sample reads as its kind: no earlier pattern hides it.
            if let Role::Reason(kind) = p.role {
                let got: Vec<KindId> = diagnose(yes).diagnoses.iter().map(|d| d.kind).collect();
                if !got.contains(&kind) {
                    wrong.push(format!(
                        "{file}: the sample of {:?} reads as {got:?}, not {}: {yes:?}",
                        p.needle,
                        kind.id()
                    ));
                }
            }
        }
        for no in samples.no {
            if re.is_match(&normalize(no)) {
                wrong.push(format!(
                    "{file}: {:?} matches its look-alike {no:?}",
                    p.needle
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// `examples.txt` as the kinds' `EXAMPLES` give it.
fn examples_txt() -> String {
    let mut out = String::from(
        "# The pastes of the page's example menu, written from each kind's EXAMPLES
# (src/catalog/kinds/*.rs) by `UPDATE_CATALOG=1 cargo test --lib catalog`: edit those, not this.
# Each entry starts with a line `@ ENGINE KIND-ID` and runs to the next such line. The native
# build compiles this file in; the page loads it as examples.js (scripts/post-build.py) when an
# example is chosen.
",
    );
    for s in SOURCES {
        for (engine, text) in s.examples {
            let label = examples::label(*engine);
            out.push_str(&format!("@ {label} {}\n{text}\n", s.kind.id.id()));
        }
    }
    out
}

#[test]
fn examples_txt_is_written_from_the_kinds() {
    check_written("src/catalog/examples.txt", &examples_txt());
}

#[test]
fn each_menu_entry_reads_back_and_lists_each_example_once() {
    use examples::MenuEntry;
    let mut listed = 0;
    for engine in MenuEntry::GROUPS {
        for e in MenuEntry::of_engine(engine) {
            assert_eq!(MenuEntry::from_value(&e.value()), Some(e));
            assert!(!e.text().is_empty(), "{e:?} has no text");
            listed += 1;
        }
    }
    let examples: usize = SOURCES.iter().map(|s| s.examples.len()).sum();
    assert_eq!(listed, examples, "a kind lists two examples for one engine");
    for bad in [
        "",
        "chrome",
        "chrome/",
        "/missing-allow-origin",
        "edge/missing-allow-origin",
        "0",
    ] {
        assert_eq!(MenuEntry::from_value(bad), None, "{bad:?}");
    }
    // A kind Chrome does not print has no Chrome entry.
    assert_eq!(
        MenuEntry::from_value("chrome/authorization-not-covered-by-wildcard"),
        None
    );
}

/// The longest a keyword may be: `Joiner::line` rescans this many bytes before a join.
const MAX_KEYWORD: usize = 16;
/// The shortest a keyword may be, unless a needle has no longer word.
const MIN_KEYWORD: usize = 5;

/// A needle's candidate keywords: its words (runs of letters, digits, `:`, `_` and `-`), each also
/// without its first letter so that one keyword covers "Origin" and "origin".
fn candidates(needle: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-');
    for word in needle.split(|c: char| !is_word(c)) {
        let stem = word
            .get(1..)
            .filter(|_| word.starts_with(|c: char| c.is_ascii_alphabetic()));
        for w in [Some(word), stem].into_iter().flatten() {
            if (MIN_KEYWORD..=MAX_KEYWORD).contains(&w.len()) {
                out.insert(w);
            }
        }
    }
    if out.is_empty() {
        // "://": no word at all; the needle itself.
        out.insert(&needle[..MAX_KEYWORD.min(needle.len())]);
    }
    out
}

/// The keyword prefilter derived from the needles: a greedy set cover over the needles' words.
/// Each round takes the candidate (see [`candidates`]) that the most uncovered needles contain,
/// the longer one on a tie, then the smaller in byte order; until every needle contains a
/// keyword. Words rather than any substring: a wrapped line holds whole words, and the joiner
/// keeps a record open only while its lines hold a keyword.
fn derive_keywords(needles: &[&str]) -> Vec<String> {
    let mut uncovered: Vec<&str> = needles.to_vec();
    let mut chosen = Vec::new();
    // Bounded: each round covers at least one more needle.
    while !uncovered.is_empty() {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for n in &uncovered {
            for c in candidates(n) {
                count.entry(c).or_default();
            }
        }
        for (c, k) in count.iter_mut() {
            *k = uncovered.iter().filter(|n| n.contains(c)).count();
        }
        let best = count
            .into_iter()
            .max_by(|a, b| {
                (a.1, a.0.len())
                    .cmp(&(b.1, b.0.len()))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map(|(s, _)| s.to_string())
            .expect("an uncovered needle has candidates");
        uncovered.retain(|n| !n.contains(best.as_str()));
        chosen.push(best);
    }
    chosen
}

#[test]
fn the_keyword_prefilter_is_derived_from_the_needles() {
    let needles: BTreeSet<&str> = patterns::all().iter().map(|p| p.needle).collect();
    let needles: Vec<&str> = needles.into_iter().collect();
    let keywords = derive_keywords(&needles);
    assert!(
        keywords.len() <= 64,
        "{} keywords: the mask is a u64; raise MIN_KEYWORD",
        keywords.len()
    );
    let mut file = String::from(
        "//! The keyword prefilter: substrings of which every pattern's needle contains one, so a
//! line with none of them skips pattern matching. Written from the needles by
//! `UPDATE_CATALOG=1 cargo test --lib catalog` (`catalog::tests::derive_keywords`, a greedy
//! set cover); a test checks it is current. Do not edit by hand.

/// The keywords, at most 64 (one bit each) and at most 16 bytes long.
#[rustfmt::skip]
pub const KEYWORDS: &[&str] = &[
",
    );
    for k in &keywords {
        file.push_str(&format!("    {k:?},\n"));
    }
    file.push_str("];\n");
    check_written("src/catalog/keywords.rs", &file);
    for n in &needles {
        assert!(keywords.iter().any(|k| n.contains(k.as_str())), "{n}");
    }
}
