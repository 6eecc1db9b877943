//! Stage 3: matching one record against the catalog's patterns, and reading its facts. A record
//! first passes a keyword gate (one pass over its bytes), then only patterns whose needle it
//! holds run their regex.
//!
//! The decision a reader might not guess: the page runs our own small engine ([`crate::re`],
//! for size) and the command line the full regex crate (speed); `ascii_classes` keeps both
//! reading a paste alike, and tests/regex_engine.rs runs both over the same lines.

use super::*;

// crate::re in the page (size), the full regex crate natively (speed); same syntax and API.
use re_engine::Regex;

#[cfg(not(target_arch = "wasm32"))]
use regex as re_engine;

#[cfg(target_arch = "wasm32")]
use crate::re as re_engine;

/// Which [`KEYWORDS`] a line contains, one bit each.
pub(super) fn keyword_mask(line: &str) -> u64 {
    const _: () = assert!(KEYWORDS.len() <= 64, "the keyword mask is a u64");
    const _: () = {
        let mut i = 0;
        while i < KEYWORDS.len() {
            assert!(
                KEYWORDS[i].len() <= 16,
                "Joiner::line rescans 16 bytes before a join"
            );
            i += 1;
        }
    };
    word_mask(line, KEYWORDS, first_bytes(KEYWORDS, &KEYWORD_FIRST), false)
}

pub(super) static KEYWORD_FIRST: OnceLock<[u64; 256]> = OnceLock::new();

pub(super) static ERROR_WORD_FIRST: OnceLock<[u64; 256]> = OnceLock::new();

/// For each byte, which of `words` start with it (ASCII letters in both cases).
pub(super) fn first_bytes(
    words: &[&str],
    cell: &'static OnceLock<[u64; 256]>,
) -> &'static [u64; 256] {
    cell.get_or_init(|| {
        let mut table = [0u64; 256];
        for (i, w) in words.iter().enumerate() {
            let b = w.as_bytes()[0];
            table[b as usize] |= 1 << i;
            table[b.to_ascii_uppercase() as usize] |= 1 << i;
            table[b.to_ascii_lowercase() as usize] |= 1 << i;
        }
        table
    })
}

/// Which of `words` occur in `line`, one bit each, in one pass over the line's bytes (much
/// cheaper than one substring search per word, especially in wasm). With `ignore_case`, ASCII
/// case is ignored (the words must be lower-case).
pub(super) fn word_mask(line: &str, words: &[&str], first: &[u64; 256], ignore_case: bool) -> u64 {
    let bytes = line.as_bytes();
    let all = if words.len() == 64 {
        u64::MAX
    } else {
        (1u64 << words.len()) - 1
    };
    let mut mask = 0u64;
    for i in 0..bytes.len() {
        let mut candidates = first[bytes[i] as usize] & !mask;
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let w = words[k].as_bytes();
            let hit = bytes.len() - i >= w.len()
                && if ignore_case {
                    bytes[i..i + w.len()].eq_ignore_ascii_case(w)
                } else {
                    &bytes[i..i + w.len()] == w
                };
            if hit {
                mask |= 1 << k;
            }
        }
        if mask == all {
            break;
        }
    }
    mask
}

/// True when the line holds one of [`ERROR_WORDS`], in any ASCII case.
pub(super) fn looks_like_error(line: &str) -> bool {
    word_mask(
        line,
        ERROR_WORDS,
        first_bytes(ERROR_WORDS, &ERROR_WORD_FIRST),
        true,
    ) != 0
}

/// Lines that look like errors, for the "unrecognized" list (checked lower-cased).
pub(super) const ERROR_WORDS: &[&str] = &[
    "error",
    "blocked",
    "cors",
    "failed",
    "refused",
    "denied",
    "not allowed",
    "violat",
    "cross-origin",
    "cross origin",
    "exception",
];

/// The compiled catalog: each pattern's regex, and the index of the keyword its needle
/// contains (the longest one), so a record only tries patterns whose keyword it holds.
pub(super) struct Compiled {
    pub(super) regexes: Vec<Option<Regex>>,
    pub(super) keyword_of: Vec<usize>,
    /// Per pattern, the capture group index of each fact its regex names (looked up once, not
    /// by name on every match).
    pub(super) fact_groups: Vec<Vec<(Fact, usize)>>,
}

pub(super) fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        // Every pattern compiles (a test checks it); `ok()` keeps the error's Debug
        // formatting out of the bundle.
        let regexes: Vec<Option<Regex>> = patterns::all()
            .iter()
            .map(|p| Regex::new(&ascii_classes(p.regex)).ok())
            .collect();
        let fact_groups = regexes
            .iter()
            .map(|re| {
                let Some(re) = re else { return Vec::new() };
                let names: Vec<Option<&str>> = re.capture_names().collect();
                Fact::ALL
                    .iter()
                    .filter_map(|&fact| {
                        let i = names.iter().position(|n| *n == Some(fact.group()))?;
                        Some((fact, i))
                    })
                    .collect()
            })
            .collect();
        Compiled {
            regexes,
            fact_groups,
            keyword_of: patterns::all()
                .iter()
                .map(|p| {
                    (0..KEYWORDS.len())
                        .filter(|&k| p.needle.contains(KEYWORDS[k]))
                        .max_by_key(|&k| KEYWORDS[k].len())
                        .expect("every needle contains a keyword (checked by tests)")
                })
                .collect(),
        }
    })
}

/// The catalog's patterns mean [`crate::re`]'s ASCII `\\d`, `\\s`, `\\S` and `\\b`; natively they
/// run in the full regex crate, whose classes are Unicode-aware, so they are spelled out in ASCII
/// there (the page and the CLI must read a paste alike).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn ascii_classes(regex: &str) -> Cow<'_, str> {
    const SPACE: &str = "\\t\\n\\x0B\\x0C\\r ";
    if !regex.contains('\\') {
        return Cow::Borrowed(regex);
    }
    let mut out = String::with_capacity(regex.len() + 32);
    let mut in_class = false;
    let mut chars = regex.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('d') if in_class => out.push_str("0-9"),
                Some('d') => out.push_str("[0-9]"),
                Some('s') if in_class => out.push_str(SPACE),
                Some('s') => out.push_str(&format!("[{SPACE}]")),
                Some('S') if !in_class => out.push_str(&format!("[^{SPACE}]")),
                Some('b') if !in_class => out.push_str("(?-u:\\b)"),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` right after the opening bracket is literal.
                let rest = chars.as_str();
                let skip = if rest.starts_with("^]") {
                    2
                } else {
                    usize::from(rest.starts_with(']'))
                };
                out.push_str(&rest[..skip]);
                chars = rest[skip..].chars();
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(target_arch = "wasm32")]
pub(super) fn ascii_classes(regex: &str) -> &str {
    regex
}

/// What a record contributes to grouping.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum EventRole {
    /// A reason: one diagnosis.
    Primary,
    /// A reason repeated inside a network line (Safari's "Failed to load resource: <reason>").
    Echo,
    /// Facts for a nearby diagnosis; with a fallback kind, a diagnosis of its own if alone.
    Aux(Option<KindId>),
    /// The JS exception; a generic diagnosis only when the paste holds nothing else.
    Exception,
}

#[derive(Clone, Debug)]
pub(super) struct Event {
    pub(super) role: EventRole,
    pub(super) kind: KindId,
    pub(super) engine: Option<Engine>,
    pub(super) stage: Option<Stage>,
    /// Boxed: a paste can hold hundreds of thousands of events, and moving them (the vector
    /// growing) dominated the time when the facts were inline.
    pub(super) facts: Box<Facts>,
    pub(super) dropped: Vec<Dropped>,
    pub(super) matched: Match,
    /// The language of a localized message (set by `Scan::take` after translating it).
    pub(super) language: Option<&'static str>,
}

/// Reads every fact group of a match into `facts`, collecting rejected values.
pub(super) fn read_facts(
    groups: &[(Fact, usize)],
    caps: &re_engine::Captures<'_>,
    facts: &mut Facts,
    dropped: &mut Vec<Dropped>,
) {
    for &(fact, group) in groups {
        if let Some(m) = caps.get(group) {
            if let Err(d) = facts.offer(fact, m.as_str()) {
                if !dropped.contains(&d) {
                    dropped.push(d);
                }
            }
        }
    }
}

/// One reason matched in a record.
pub(super) struct ReasonHit {
    /// Where the match starts in the record.
    start: usize,
    /// Where it ends.
    end: usize,
    /// The pattern that matched.
    pattern: &'static Pattern,
    /// The facts its own groups (and presets) gave.
    facts: Facts,
    /// The kind it names.
    kind: KindId,
    /// The stage it implies.
    stage: Option<Stage>,
}

/// Matches one record against the catalog and appends its events.
pub(super) fn classify(record: &str, keywords: u64, events: &mut Vec<Event>) {
    let mut cut = record.len().min(MAX_RECORD_BYTES);
    while !record.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &record[..cut];
    let compiled = compiled();
    if keywords == 0 {
        return;
    }

    let mut facts = Facts::default();
    let mut dropped = Vec::new();
    let mut frame_engine = None;
    let mut frame_kind = None;
    let mut hint = None;
    let mut preflight_marker = false;
    let mut network = false;
    let mut exception = None;
    let mut reasons: Vec<ReasonHit> = Vec::new();

    for (((pattern, re), &keyword), groups) in patterns::all()
        .iter()
        .zip(&compiled.regexes)
        .zip(&compiled.keyword_of)
        .zip(&compiled.fact_groups)
    {
        if keywords & (1 << keyword) == 0 || !text.contains(pattern.needle) {
            continue;
        }
        let Some(re) = re else { continue };
        match pattern.role {
            Role::Reason(kind) => {
                for caps in re.captures_iter(text) {
                    let m = caps.get(0).expect("group 0 always participates");
                    if reasons
                        .iter()
                        .any(|r| m.start() < r.end && r.start < m.end())
                    {
                        continue;
                    }
                    let mut own = Facts::default();
                    read_facts(groups, &caps, &mut own, &mut dropped);
                    for (fact, value) in pattern.preset {
                        let _ = own.offer(*fact, value);
                    }
                    reasons.push(ReasonHit {
                        start: m.start(),
                        end: m.end(),
                        pattern,
                        facts: own,
                        kind,
                        stage: pattern.stage,
                    });
                }
            }
            Role::CorsErrorName => {
                if let Some(caps) = re.captures(text) {
                    let m = caps.get(0).expect("group 0 always participates");
                    let name = caps.name("cors_error").map_or("", |n| n.as_str());
                    let (kind, stage) = cors_error_kind(name);
                    reasons.push(ReasonHit {
                        start: m.start(),
                        end: m.end(),
                        pattern,
                        facts: Facts::default(),
                        kind,
                        stage,
                    });
                }
            }
            _ => {
                // is_match first: most candidate lines do not match, and it skips captures.
                if !re.is_match(text) {
                    continue;
                }
                let Some(caps) = re.captures(text) else {
                    continue;
                };
                read_facts(groups, &caps, &mut facts, &mut dropped);
                match pattern.role {
                    Role::Frame(kind) => {
                        preflight_marker |= pattern.stage == Some(Stage::Preflight);
                        frame_kind.get_or_insert(kind);
                        frame_engine = frame_engine.or(pattern.engine);
                    }
                    Role::Fact => {
                        preflight_marker |= pattern.stage == Some(Stage::Preflight);
                        frame_engine = frame_engine.or(pattern.engine);
                    }
                    Role::Network => network = true,
                    Role::Exception => {
                        exception.get_or_insert(pattern.engine);
                    }
                    Role::Hint(kind) => {
                        hint.get_or_insert(kind);
                        frame_engine = frame_engine.or(pattern.engine);
                    }
                    Role::Reason(_) | Role::CorsErrorName => {}
                }
            }
        }
    }

    if !reasons.is_empty() {
        // Insertion sort by position: a record holds one or two reasons, and the standard
        // sort would add several kilobytes to the wasm bundle.
        for i in 1..reasons.len() {
            let mut j = i;
            while j > 0 && reasons[j - 1].start > reasons[j].start {
                reasons.swap(j - 1, j);
                j -= 1;
            }
        }
        for hit in reasons {
            let mut f = hit.facts;
            f.merge_from(&facts);
            let stage = if preflight_marker {
                Some(Stage::Preflight)
            } else {
                hit.stage
            };
            events.push(Event {
                role: if network {
                    EventRole::Echo
                } else {
                    EventRole::Primary
                },
                kind: hit.kind,
                engine: hit.pattern.engine.or(frame_engine),
                stage,
                facts: Box::new(f),
                dropped: dropped.clone(),
                matched: Match::Exact,
                language: None,
            });
        }
        return;
    }
    // A generic wrapper yields to a hint that names the kind ("Fetch API cannot load X.
    // Refused to connect because it violates the document's Content Security Policy").
    let fallback = match (frame_kind, hint) {
        (Some(KindId::CorsOther), Some(h)) => Some(h),
        (f, h) => f.or(h),
    };
    let (role, kind, engine) = if let Some(kind) = fallback {
        (EventRole::Aux(Some(kind)), kind, frame_engine)
    } else if let Some(engine) = exception {
        (EventRole::Exception, KindId::GenericFetchFailure, engine)
    } else if network || facts != Facts::default() || preflight_marker {
        (EventRole::Aux(None), KindId::CorsOther, frame_engine)
    } else {
        return;
    };
    events.push(Event {
        role,
        kind,
        engine,
        stage: preflight_marker.then_some(Stage::Preflight),
        facts: Box::new(facts),
        dropped,
        matched: Match::Exact,
        language: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_is_gated_by_a_keyword_of_its_needle() {
        // That the keyword list covers every needle is the catalog's test (keywords.rs is
        // derived from the needles); here, that each pattern is gated by one its needle holds.
        let c = compiled();
        assert_eq!(c.regexes.iter().flatten().count(), patterns::all().len());
        for (p, &k) in patterns::all().iter().zip(&c.keyword_of) {
            assert!(
                p.needle.contains(KEYWORDS[k]),
                "needle {:?} is gated by {:?}, which it does not hold",
                p.needle,
                KEYWORDS[k]
            );
        }
    }

    #[test]
    fn word_mask_agrees_with_substring_search() {
        for line in [
            "Access to fetch at 'x' from origin 'y' has been blocked by CORS policy:",
            "",
            "net::ERR_FAILED Status code: 500",
            "random noise",
            "ccessccess",
        ] {
            let expected = KEYWORDS
                .iter()
                .enumerate()
                .filter(|(_, k)| line.contains(*k))
                .fold(0u64, |m, (i, _)| m | 1 << i);
            assert_eq!(keyword_mask(line), expected, "{line}");
        }
        assert!(looks_like_error("Uncaught ReferenceError: x"));
        assert!(looks_like_error("REQUEST BLOCKED"));
        assert!(!looks_like_error("all good here"));
    }
}
