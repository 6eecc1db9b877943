//! Pasted text -> diagnoses with facts.
//!
//! Three steps: lines are cleaned (console prefixes, stack frames, curly quotes, whitespace),
//! joined into records (a message wrapped by a terminal or chat app becomes one record again),
//! and each record is matched against the catalog's patterns. Then records are grouped: the
//! reason line of a failed request is its diagnosis, and the wrapper, network line and JS
//! exception printed for the same request add facts to it instead of becoming diagnoses.
//!
//! The decision a reader might not guess: "nothing recognised" is a normal [`Report`] with no
//! diagnoses, never an error, and every loop here is bounded by the input's length.

use std::borrow::Cow;
use std::sync::OnceLock;

// regex-lite in the page (size), the full regex crate natively (speed); same syntax and API.
use re_engine::Regex;
#[cfg(not(target_arch = "wasm32"))]
use regex as re_engine;
#[cfg(target_arch = "wasm32")]
use regex_lite as re_engine;
use serde::Serialize;

use crate::buckets::Buckets;
use crate::catalog::patterns::{cors_error_kind, Pattern, Role, PATTERNS};
use crate::catalog::{Engine, KindId, Stage};
use crate::check::{check, Exchange, Verdict};
use crate::facts::{shorten, Dropped, Fact, Facts};

/// Pastes larger than this are analysed up to this size only.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// No console message is longer than this; longer records are cut before matching.
const MAX_RECORD_BYTES: usize = 2 * 1024;
/// How many unrecognised lines a report lists.
const MAX_UNRECOGNIZED: usize = 20;
/// How far (in events) a wrapper, network line or exception may sit from its reason line.
const MAX_ATTACH_DISTANCE: usize = 3;

/// One failed request, as the paste describes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnosis {
    /// What went wrong.
    pub kind: KindId,
    /// Which browser engine printed it, when the wording tells.
    pub engine: Option<Engine>,
    /// Whether the preflight or the actual request failed, when the wording tells.
    pub stage: Option<Stage>,
    /// How many identical copies of this failure the paste holds.
    pub count: u32,
    /// The facts read from the paste, validated.
    pub facts: Facts,
    /// Whether a browser's own wording matched, or the message was read by its features.
    #[serde(rename = "match")]
    pub matched: Match,
    /// Values read from the paste that failed validation and were dropped.
    #[serde(skip)]
    pub dropped: Vec<Dropped>,
    /// When the paste holds the exchange's headers: the checker's steps (see [`crate::check`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Verdict>,
}

/// One exchange of pasted headers, checked: what it was, and each step's outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Checked {
    /// The request's facts (origin, URL, method, the header at fault, the status).
    pub facts: Facts,
    /// The first failing step's kind, or `None` when the page can read the response.
    pub kind: Option<KindId>,
    /// The steps, up to the first failure, and where engines differ.
    pub verdict: Verdict,
}

/// How a diagnosis was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// A browser's exact wording (a catalog pattern).
    Exact,
    /// No browser wording matched; the message's features point to this kind
    /// (see [`crate::close`]): "looks like ..., not a browser's exact wording".
    Close,
    /// Read from pasted headers or curl output by the Fetch-standard checker.
    Evidence,
}

/// Something about the paste as a whole that the user should know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// Nothing but whitespace.
    Empty,
    /// Mostly control characters or replacement characters: not console text.
    Binary,
    /// Larger than [`MAX_INPUT_BYTES`]; only the beginning was analysed.
    Truncated,
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InputProblem::Empty => "the paste is empty: copy the red error line from the browser console",
            InputProblem::Binary => "this looks like binary data, not console text: copy the error line as text from the browser console",
            InputProblem::Truncated => "the paste is very large: only its first 8 MB were analysed",
        })
    }
}

/// The result of reading one paste.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// One entry per failed request, in paste order.
    pub diagnoses: Vec<Diagnosis>,
    /// Lines that looked like errors but matched nothing.
    pub unrecognized: Vec<String>,
    /// A problem with the paste as a whole.
    #[serde(skip)]
    pub problem: Option<InputProblem>,
    /// Every exchange of pasted headers, checked (failures are diagnoses too).
    #[serde(skip)]
    pub evidence: Vec<Checked>,
}

/// Substrings of which every pattern's needle contains at least one (a test checks it).
/// A record without any of them skips pattern matching entirely.
const KEYWORDS: &[&str] = &[
    "CORS",
    "Access-Control",
    "rigin",
    "net::",
    "NS_ERROR",
    "oad",
    "etch",
    "rame",
    "anvas",
    "olicy",
    "reflight",
    "edirect",
    "Status code",
    "rror",
    "nsecure",
    "ixed",
    "server",
    "onnect",
    "SSL",
    "timed out",
    "equest",
    "cheme",
    "nsure",
    "esponse",
    "ermission",
    "Credential",
    "ainted",
    "://",
    "ccess",
    "wildcard",
    "redential",
    "eader",
    "HTTP",
    "nvalid",
    "URL",
    "Domains",
    "address space",
    "The page at",
    "Blocked",
    "ntegrity",
    "supported",
];

/// Which [`KEYWORDS`] a line contains, one bit each.
fn keyword_mask(line: &str) -> u64 {
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

static KEYWORD_FIRST: OnceLock<[u64; 256]> = OnceLock::new();
static ERROR_WORD_FIRST: OnceLock<[u64; 256]> = OnceLock::new();

/// For each byte, which of `words` start with it (ASCII letters in both cases).
fn first_bytes(words: &[&str], cell: &'static OnceLock<[u64; 256]>) -> &'static [u64; 256] {
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
fn word_mask(line: &str, words: &[&str], first: &[u64; 256], ignore_case: bool) -> u64 {
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
fn looks_like_error(line: &str) -> bool {
    word_mask(
        line,
        ERROR_WORDS,
        first_bytes(ERROR_WORDS, &ERROR_WORD_FIRST),
        true,
    ) != 0
}

/// Lines that look like errors, for the "unrecognized" list (checked lower-cased).
const ERROR_WORDS: &[&str] = &[
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
struct Compiled {
    regexes: Vec<Option<Regex>>,
    keyword_of: Vec<usize>,
    /// Per pattern, the capture group index of each fact its regex names (looked up once, not
    /// by name on every match).
    fact_groups: Vec<Vec<(Fact, usize)>>,
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        // Every pattern compiles (a test checks it); `ok()` keeps the error's Debug
        // formatting out of the bundle.
        let regexes: Vec<Option<Regex>> = PATTERNS
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
            keyword_of: PATTERNS
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

/// The catalog's patterns mean regex-lite's ASCII `\\d`, `\\s`, `\\S` and `\\b`; natively they
/// run in the full regex crate, whose classes are Unicode-aware, so they are spelled out in ASCII
/// there (the page and the CLI must read a paste alike).
#[cfg(not(target_arch = "wasm32"))]
fn ascii_classes(regex: &str) -> Cow<'_, str> {
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
fn ascii_classes(regex: &str) -> &str {
    regex
}

/// Reads a paste and returns its diagnoses. Never panics, whatever the input.
pub fn diagnose(text: &str) -> Report {
    let mut scan = Scan::new(text);
    scan.step(text, usize::MAX);
    scan.finish()
}

/// A paste read in steps, for callers that give the browser a turn between them so a huge paste
/// never blocks the page for long. Steps of any size give exactly [`diagnose`]'s report: the
/// lines are read in order and joined into records as in one pass, and grouping runs once at the
/// end (tests check it).
pub struct Scan {
    /// The next unread byte of the text.
    pos: usize,
    /// The end of what is read (the text, or its first [`MAX_INPUT_BYTES`]).
    end: usize,
    joiner: Joiner,
    events: Vec<Event>,
    unrecognized: Vec<String>,
    problem: Option<InputProblem>,
    /// The exchanges of pasted headers (read once, at the start: they are small).
    exchanges: Vec<Exchange>,
}

impl Scan {
    /// Starts reading `text`; pass the same text to every [`Scan::step`].
    pub fn new(text: &str) -> Scan {
        let mut end = text.len();
        let mut problem = None;
        if end > MAX_INPUT_BYTES {
            end = MAX_INPUT_BYTES;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            problem = Some(InputProblem::Truncated);
        }
        let text = &text[..end];
        let mut pos = 0;
        if text.trim().is_empty() {
            problem = Some(InputProblem::Empty);
            pos = end;
        } else if looks_binary(text) {
            problem = Some(InputProblem::Binary);
            pos = end;
        }
        let exchanges = if problem.is_none() {
            crate::evidence::exchanges(text)
        } else {
            Vec::new()
        };
        Scan {
            exchanges,
            pos,
            end,
            joiner: Joiner::default(),
            events: Vec::new(),
            unrecognized: Vec::new(),
            problem,
        }
    }

    /// Reads about `budget` more bytes of `text` (whole lines); true when all is read.
    pub fn step(&mut self, text: &str, budget: usize) -> bool {
        let stop = self.pos.saturating_add(budget).min(self.end);
        while self.pos < stop {
            let rest = &text[self.pos..self.end];
            let (line, used) = match rest.find('\n') {
                Some(nl) => (&rest[..nl], nl + 1),
                None => (rest, rest.len()),
            };
            self.pos += used;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if let Some(record) = self.joiner.line(line) {
                self.take(record);
            }
        }
        if self.pos >= self.end {
            if let Some(record) = self.joiner.end() {
                self.take(record);
            }
            return true;
        }
        false
    }

    fn take(&mut self, (record, keywords): (String, u64)) {
        let before = self.events.len();
        classify(&record, keywords, &mut self.events);
        // No browser wording named a reason (nothing matched, or only a CORS wrapper whose
        // reason is worded differently): the message's features may still say which kind.
        let added = self.events.len() - before;
        let bare_frame =
            added == 1 && self.events[before].role == EventRole::Aux(Some(KindId::CorsOther));
        let mentions_cors = keywords != 0
            || record
                .as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"cors"));
        if (added == 0 && mentions_cors) || bare_frame {
            // After a wrapper, only its reason counts: the wrapper's own words ("blocked by
            // CORS policy", "redirected from") say nothing about the cause.
            let reason = if bare_frame {
                ["CORS policy:", "(Reason:", "access control check:"]
                    .iter()
                    .filter_map(|w| record.rfind(w).map(|i| &record[i + w.len()..]))
                    .next()
                    .unwrap_or(&record)
            } else {
                &record
            };
            if let Some(m) = crate::close::close_match(reason) {
                // The wrapper's facts (URL, origin, engine) stay; the close match adds its own.
                let (mut facts, mut dropped, engine, stage) = if bare_frame {
                    let frame = self.events.pop().expect("one event was added");
                    (*frame.facts, frame.dropped, frame.engine, frame.stage)
                } else {
                    (Facts::default(), Vec::new(), None, None)
                };
                for (fact, value) in &m.facts {
                    if let Err(d) = facts.offer(*fact, value) {
                        dropped.push(d);
                    }
                }
                self.events.push(Event {
                    role: EventRole::Primary,
                    kind: m.kind,
                    engine,
                    stage: m.stage.or(stage),
                    facts: Box::new(facts),
                    dropped,
                    matched: Match::Close,
                });
                return;
            }
        }
        if self.events.len() == before
            && self.unrecognized.len() < MAX_UNRECOGNIZED
            && looks_like_error(&record)
        {
            let line = shorten(&record, 300);
            if !self.unrecognized.contains(&line) {
                self.unrecognized.push(line);
            }
        }
    }

    /// The report of what is read so far, while reading goes on (the page shows it after the
    /// first step). Grouping runs on a copy of the events, so [`Scan::finish`] is unchanged.
    pub fn partial(&self) -> Report {
        let mut diagnoses = group(self.events.clone());
        let evidence = apply_evidence(&mut diagnoses, &self.exchanges);
        Report {
            diagnoses,
            unrecognized: self.unrecognized.clone(),
            problem: self.problem,
            evidence,
        }
    }

    /// The report: grouping of everything read.
    pub fn finish(self) -> Report {
        if matches!(
            self.problem,
            Some(InputProblem::Empty | InputProblem::Binary)
        ) {
            return Report {
                diagnoses: vec![],
                unrecognized: vec![],
                problem: self.problem,
                evidence: vec![],
            };
        }
        let mut diagnoses = group(self.events);
        let evidence = apply_evidence(&mut diagnoses, &self.exchanges);
        Report {
            diagnoses,
            unrecognized: self.unrecognized,
            problem: self.problem,
            evidence,
        }
    }
}

/// True when the text is mostly not console text (control or replacement characters).
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(65_536).collect();
    let bad = sample
        .iter()
        .filter(|c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || **c == '\u{FFFD}')
        .count();
    bad * 10 > sample.len()
}

/// Replaces typographic quotes with ASCII ones, drops invisible characters and collapses
/// whitespace runs into one space.
pub fn normalize(line: &str) -> Cow<'_, str> {
    // Fast path: plain printable ASCII with single spaces needs no work.
    let bytes = line.as_bytes();
    if bytes.iter().all(|b| (0x20..0x7f).contains(b))
        && !line.contains("  ")
        && !line.starts_with(' ')
        && !line.ends_with(' ')
    {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            c if crate::facts::is_invisible_control(c) => continue,
            c if c.is_whitespace() => {
                pending_space = true;
                continue;
            }
            c if c.is_control() => continue,
            c => c,
        };
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    Cow::Owned(out)
}

/// Console decorations a line may start with; each marks the start of a new message.
const PREFIXES: &[&str] = &[
    "[Error] ",
    "[Warning] ",
    "[Log] ",
    "[Info] ",
    "[Debug] ",
    "Uncaught (in promise) ",
    "Uncaught ",
    "(in promise) ",
    "❌ ",
    "⚠️ ",
    "Error: ",
];

/// WebKitGTK's console-to-stderr form: `CONSOLE SECURITY ERROR <message>`, `CONSOLE JS ERROR`,
/// `CONSOLE ERROR` (a source word or none, then the level), as captured in tests/corpus.
fn strip_webkit_console(s: &str) -> Option<&str> {
    let mut rest = s.strip_prefix("CONSOLE ")?;
    for _ in 0..2 {
        // The decoration alone on a line (a wrapped paste) leaves an empty message.
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        if !word.bytes().all(|b| b.is_ascii_uppercase() || b == b'-') || word.is_empty() {
            return None;
        }
        rest = after;
        if matches!(word, "LOG" | "WARN" | "ERROR" | "DEBUG" | "INFO") {
            return Some(rest);
        }
    }
    None
}

/// Strips console noise from one normalized line. Returns the message and whether a console
/// decoration (which always starts a new message) was removed.
fn strip_noise(mut s: &str) -> (&str, bool) {
    let mut decorated = false;
    for _ in 0..4 {
        let before = s.len();
        for p in PREFIXES {
            if let Some(rest) = s.strip_prefix(p) {
                // "Error: " is only noise before another message, not before "Network Error".
                if *p == "Error: " && !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
                    continue;
                }
                s = rest;
                decorated = true;
            }
        }
        if let Some(rest) = strip_source_location(s).or_else(|| strip_webkit_console(s)) {
            s = rest;
            decorated = true;
        }
        if s.len() == before {
            break;
        }
    }
    for suffix in ["[Learn More]", "Learn More"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end();
        }
    }
    // Safari's "(file.js, line 0)" source suffix.
    if s.ends_with(')') {
        if let Some(open) = s.rfind(" (") {
            let inner = &s[open + 2..s.len() - 1];
            if let Some((_, line)) = inner.rsplit_once(", line ") {
                if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) {
                    s = s[..open].trim_end();
                }
            }
        }
    }
    (s, decorated)
}

/// DevTools prints the caller's location before a message: `index.html:1 `, `main.js:42:7 `,
/// `api.example.com/p:1  `, `VM123:1 `. Returns the rest when such a prefix is present.
fn strip_source_location(s: &str) -> Option<&str> {
    let (token, rest) = s.split_once(' ')?;
    // WebKitGTK ends the location with a colon: `http://host/page:1:156: CONSOLE ERROR ...`.
    let token = token.strip_suffix(':').unwrap_or(token);
    let (head, tail) = token.rsplit_once(':')?;
    if tail.is_empty() || !tail.bytes().all(|b| b.is_ascii_digit()) || head.is_empty() {
        return None;
    }
    // `main.js:42:7` has a second number; a URL's port (`http://x:8080`) is not a location.
    let head = match head.rsplit_once(':') {
        Some((h, t)) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => head,
    };
    if head.ends_with("//")
        || head
            .split_once("://")
            .is_some_and(|(_, after)| !after.contains('/'))
    {
        return None;
    }
    let rest = rest.trim_start();
    (rest.starts_with(|c: char| c.is_ascii_uppercase() || c == '[')
        || strip_source_location(rest).is_some())
    .then_some(rest)
}

/// Stack frames and DevTools grouping lines carry nothing for a diagnosis.
fn is_stack_frame(s: &str) -> bool {
    if let Some(frame) = s.strip_prefix("at ") {
        // `at fn (file.js:1:2)`, `at file.js:1:2`, `at new Promise (<anonymous>)`; not a
        // wrapped sentence that happens to begin with "at https://...".
        let tail = frame.trim_end_matches(')');
        let ends_with_position = tail
            .rsplit(':')
            .next()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        return ends_with_position
            || frame.ends_with("<anonymous>)")
            || frame.ends_with("(native)");
    }
    if s == "(anonymous)" || s.ends_with("(async)") || s.starts_with('@') {
        return true;
    }
    // Firefox/Safari frames: `fn@https://x/app.js:10:5`, `https://x/app.js:10:5`.
    let mut parts = s.rsplitn(3, ':');
    let (col, line) = (parts.next(), parts.next());
    !s.contains(' ')
        && matches!((col, line), (Some(c), Some(l)) if !c.is_empty() && !l.is_empty()
            && c.bytes().all(|b| b.is_ascii_digit()) && l.bytes().all(|b| b.is_ascii_digit()))
}

/// Message beginnings that never occur inside another message: a line starting with one always
/// starts a new record.
#[rustfmt::skip]
const STRONG_STARTERS: &[&str] = &[
    "Access to ", "Cross-Origin Request Blocked", "Cross-Origin Request Warning", "Mixed Content:",
    "Fetch API cannot load", "XMLHttpRequest cannot load", "EventSource cannot load",
    "Failed to load resource", "TypeError", "Refused to ", "GET http", "POST http", "PUT http",
    "PATCH http", "DELETE http", "HEAD http", "OPTIONS http", "AxiosError", "DOMException",
    "SecurityError", "Content-Security-Policy:", "Content Security Policy:",
];

/// Words that start a console message but also occur mid-sentence: a line starting with one
/// starts a new record only when the previous line ended a sentence.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "Access blocked", "Cross-Origin Read", "Cross-Origin-Opener-Policy",
    "Cross-Origin Resource Sharing error", "Cross-origin redirection", "Cross-origin script",
    "Cross-origin image", "Cross-origin text", "Cross origin ", "Fetch API ", "XMLHttpRequest ",
    "EventSource ", "Failed to ", "Blocked ", "Origin ", "GET ", "POST ", "PUT ", "PATCH ",
    "DELETE ", "HEAD ", "OPTIONS ", "Redirect ", "Response ", "Request ", "Method ", "Cannot ",
    "The ", "No ", "Invalid ", "Load ", "Loading ", "Permission ", "Ensure ", "Specify ",
    "Http failure", "Preflight ", "CORS error", "CORS-preflight", "CORS Missing", "Unsafe ",
    "Navigation ", "Worker ", "Upgrading ", "Sandbox ", "Credentials ", "Header ", "URL ",
    "Not allowed", "Could not connect", "A server with", "An SSL", "NetworkError", "If an opaque",
    "Have the server", "Status code",
];

fn starts_with_any(msg: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|s| msg.starts_with(s) || s.strip_suffix(' ') == Some(msg))
}

/// Cleans lines and joins wrapped ones into records, one console message each.
#[derive(Default)]
struct Joiner {
    /// May the next line continue the last record?
    open: bool,
    /// The record being built.
    last: Option<(String, u64)>,
}

impl Joiner {
    /// Reads one line; returns the record it completed, if it started a new one.
    fn line(&mut self, raw: &str) -> Option<(String, u64)> {
        let line = normalize(raw);
        if line.is_empty() {
            self.open = false;
            return None;
        }
        let (msg, decorated) = strip_noise(&line);
        if msg.is_empty() || is_stack_frame(msg) {
            self.open = false;
            return None;
        }
        let continues = self.open
            && !decorated
            && !starts_with_any(msg, STRONG_STARTERS)
            && self.last.as_ref().is_some_and(|(last, _)| {
                last.len() < MAX_RECORD_BYTES
                    && (!last.ends_with(['.', ')', '!', '"']) || !starts_with_any(msg, STARTERS))
            });
        let keywords = keyword_mask(msg);
        let mut completed = None;
        match self.last.as_mut() {
            Some((last, mask)) if continues => {
                // A keyword may span the join ("Status" / "code: 500"): rescan from a little
                // before it (no keyword is longer than 16 bytes).
                let mut from = last.len().saturating_sub(16);
                while !last.is_char_boundary(from) {
                    from -= 1;
                }
                if !last.ends_with('-') {
                    last.push(' ');
                }
                last.push_str(msg);
                *mask |= keyword_mask(&last[from..]);
            }
            _ => completed = self.last.replace((msg.to_string(), keywords)),
        }
        // Only a console-like record can be continued by the next line; plain log noise
        // stays one line per record.
        let console_like = keywords != 0;
        self.open = if continues {
            self.open || console_like
        } else {
            console_like || starts_with_any(msg, STRONG_STARTERS) || starts_with_any(msg, STARTERS)
        };
        completed
    }

    /// The last record, once the text has ended.
    fn end(&mut self) -> Option<(String, u64)> {
        self.open = false;
        self.last.take()
    }
}

/// What a record contributes to grouping.
#[derive(Clone, Copy, Debug, PartialEq)]
enum EventRole {
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
struct Event {
    role: EventRole,
    kind: KindId,
    engine: Option<Engine>,
    stage: Option<Stage>,
    /// Boxed: a paste can hold hundreds of thousands of events, and moving them (the vector
    /// growing) dominated the time when the facts were inline.
    facts: Box<Facts>,
    dropped: Vec<Dropped>,
    matched: Match,
}

/// Reads every fact group of a match into `facts`, collecting rejected values.
fn read_facts(
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

/// One reason matched in a record: its span, pattern, own facts, kind and stage.
type ReasonHit = (
    usize,
    usize,
    &'static Pattern,
    Facts,
    Option<KindId>,
    Option<Stage>,
);

/// Matches one record against the catalog and appends its events.
fn classify(record: &str, keywords: u64, events: &mut Vec<Event>) {
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

    for (((pattern, re), &keyword), groups) in PATTERNS
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
                    if reasons.iter().any(|r| m.start() < r.1 && r.0 < m.end()) {
                        continue;
                    }
                    let mut own = Facts::default();
                    read_facts(groups, &caps, &mut own, &mut dropped);
                    for (fact, value) in pattern.preset {
                        let _ = own.offer(*fact, value);
                    }
                    reasons.push((m.start(), m.end(), pattern, own, Some(kind), pattern.stage));
                }
            }
            Role::CorsErrorName => {
                if let Some(caps) = re.captures(text) {
                    let m = caps.get(0).expect("group 0 always participates");
                    let name = caps.name("cors_error").map_or("", |n| n.as_str());
                    let (kind, stage) = cors_error_kind(name);
                    reasons.push((
                        m.start(),
                        m.end(),
                        pattern,
                        Facts::default(),
                        Some(kind),
                        stage,
                    ));
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
            while j > 0 && reasons[j - 1].0 > reasons[j].0 {
                reasons.swap(j - 1, j);
                j -= 1;
            }
        }
        for (_, _, pattern, own, kind, stage) in reasons {
            let mut f = own;
            f.merge_from(&facts);
            let stage = if preflight_marker {
                Some(Stage::Preflight)
            } else {
                stage
            };
            events.push(Event {
                role: if network {
                    EventRole::Echo
                } else {
                    EventRole::Primary
                },
                kind: kind.unwrap_or(KindId::CorsOther),
                engine: pattern.engine.or(frame_engine),
                stage,
                facts: Box::new(f),
                dropped: dropped.clone(),
                matched: Match::Exact,
            });
        }
        return;
    }
    let (role, kind, engine) = if let Some(kind) = frame_kind.or(hint) {
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
    });
}

fn engines_agree(a: Option<Engine>, b: Option<Engine>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Finds the diagnosis an auxiliary event belongs to: the nearest preceding compatible one
/// within [`MAX_ATTACH_DISTANCE`] events, else the nearest following one. `slots` holds the
/// diagnosis started by each event, by event index, so this looks at a fixed window only.
fn attach_target(slots: &[Option<Box<Diagnosis>>], at: usize, ev: &Event) -> Option<usize> {
    let fits = |i: usize| {
        slots[i]
            .as_ref()
            .is_some_and(|d| d.facts.compatible(&ev.facts) && engines_agree(d.engine, ev.engine))
    };
    let before = (at.saturating_sub(MAX_ATTACH_DISTANCE)..at)
        .rev()
        .find(|&i| fits(i));
    let after = (at + 1..slots.len().min(at + MAX_ATTACH_DISTANCE + 1)).find(|&i| fits(i));
    before.or(after)
}

fn absorb(d: &mut Diagnosis, ev: &Event) {
    d.facts.merge_from(&ev.facts);
    d.engine = d.engine.or(ev.engine);
    d.stage = d.stage.or(ev.stage);
    for x in &ev.dropped {
        if !d.dropped.contains(x) {
            d.dropped.push(x.clone());
        }
    }
}

/// A diagnosis started by `ev`, taking its facts (each event is read by one grouping pass
/// only, so nothing needs them afterwards).
fn new_diagnosis(ev: &mut Event, kind: KindId) -> Diagnosis {
    Diagnosis {
        kind,
        engine: ev.engine,
        stage: ev.stage,
        count: 1,
        facts: std::mem::take(&mut *ev.facts),
        dropped: std::mem::take(&mut ev.dropped),
        matched: ev.matched,
        evidence: None,
    }
}

/// Checks every exchange of pasted headers. The console lines fill in what the headers leave
/// out (the page origin, the URL); a failure becomes a diagnosis, or adds its steps to the
/// console diagnosis of the same kind ("the console line says what failed, the headers say
/// why").
fn apply_evidence(diagnoses: &mut Vec<Diagnosis>, exchanges: &[Exchange]) -> Vec<Checked> {
    let context = diagnoses
        .first()
        .map(|d| d.facts.clone())
        .unwrap_or_default();
    let mut out = Vec::new();
    // The headers go with a console diagnosis of their kind among the first 64 (a bit each
    // once taken): each exchange looks at a bounded number of candidates, so this stays linear
    // however large the paste.
    let console = diagnoses.len().min(64);
    let mut taken = 0u64;
    for ex in exchanges {
        let mut ex = ex.clone();
        let r = &mut ex.request;
        r.origin = r.origin.take().or_else(|| context.page_origin.clone());
        r.url = r.url.take().or_else(|| context.request_url.clone());
        if r.method.is_empty() {
            r.method = context.method.clone().unwrap_or_else(|| "GET".to_string());
        }
        let verdict = check(&ex);
        let mut facts = Facts::default();
        let req = &ex.request;
        for (fact, value) in [
            (Fact::PageOrigin, req.origin.clone()),
            (Fact::RequestUrl, req.url.clone()),
            (Fact::Method, Some(req.method.clone())),
        ] {
            if let Some(v) = value {
                let _ = facts.offer(fact, &v);
            }
        }
        let (kind, stage) = match verdict.failure {
            Some((k, s)) => (Some(k), Some(s)),
            None => (None, None),
        };
        let failing = match stage {
            Some(Stage::Preflight) => ex.preflight.as_ref(),
            _ => ex.actual.as_ref(),
        };
        if let Some(resp) = failing {
            let _ = facts.offer(Fact::Status, &resp.status.to_string());
            if let Some(a) = resp.get("Access-Control-Allow-Origin") {
                let _ = facts.offer(Fact::AllowOrigin, &a);
            }
        }
        if matches!(
            kind,
            Some(KindId::HeaderNotAllowed | KindId::AuthorizationNotCoveredByWildcard)
        ) {
            if let Some(h) = req.unsafe_header_names().first() {
                let _ = facts.offer(Fact::Header, h);
            }
        }
        if let (Some(kind), Some(stage)) = (kind, stage) {
            let same = (0..console).find(|&i| {
                taken & (1 << i) == 0
                    && diagnoses[i].kind == kind
                    && diagnoses[i].facts.compatible(&facts)
            });
            if let Some(i) = same {
                taken |= 1 << i;
            }
            match same {
                Some(i) => {
                    let d = &mut diagnoses[i];
                    d.facts.merge_from(&facts);
                    d.evidence = Some(verdict.clone());
                }
                None => diagnoses.push(Diagnosis {
                    kind,
                    engine: None,
                    stage: Some(stage),
                    count: 1,
                    facts: facts.clone(),
                    matched: Match::Evidence,
                    dropped: Vec::new(),
                    evidence: Some(verdict.clone()),
                }),
            }
        }
        out.push(Checked {
            facts,
            kind,
            verdict,
        });
    }
    out
}

/// Turns events into diagnoses: reasons first, then echoes, wrappers, network lines and
/// exceptions attach to them; identical diagnoses collapse into one with a count.
///
/// Linear in the number of events (plus hashing): each event looks at a window of
/// [`MAX_ATTACH_DISTANCE`] slots on each side, and duplicates are found through a hash map.
fn group(mut events: Vec<Event>) -> Vec<Diagnosis> {
    // Boxed diagnoses: the slots, one per event, stay small to move.
    let mut slots: Vec<Option<Box<Diagnosis>>> = events
        .iter_mut()
        .map(|e| (e.role == EventRole::Primary).then(|| Box::new(new_diagnosis(e, e.kind))))
        .collect();
    for i in 0..events.len() {
        let ev = &mut events[i];
        if ev.role != EventRole::Echo {
            continue;
        }
        let same = attach_target(&slots, i, ev)
            .filter(|&t| slots[t].as_ref().is_some_and(|d| d.kind == ev.kind));
        match same.and_then(|t| slots[t].as_mut()) {
            Some(d) => absorb(d, ev),
            None => slots[i] = Some(Box::new(new_diagnosis(ev, ev.kind))),
        }
    }
    for (i, ev) in events.iter_mut().enumerate() {
        let EventRole::Aux(fallback) = ev.role else {
            continue;
        };
        match (attach_target(&slots, i, ev), fallback) {
            (Some(t), _) => {
                if let Some(d) = slots[t].as_mut() {
                    absorb(d, ev);
                }
            }
            (None, Some(kind)) => slots[i] = Some(Box::new(new_diagnosis(ev, kind))),
            (None, None) => {}
        }
    }
    let had_failures = slots.iter().any(Option::is_some);
    for (i, ev) in events.iter_mut().enumerate() {
        if ev.role != EventRole::Exception {
            continue;
        }
        match attach_target(&slots, i, ev) {
            Some(t) => {
                if let Some(d) = slots[t].as_mut() {
                    absorb(d, ev);
                }
            }
            None if !had_failures => {
                slots[i] = Some(Box::new(new_diagnosis(ev, KindId::GenericFetchFailure)));
            }
            None => {}
        }
    }
    drop(events);
    // Firefox reports one failed request on several lines: a redirected preflight prints
    // "external redirect not allowed" and "preflight response did not succeed ... 3xx", and any
    // failure is followed by "CORS request did not succeed" for the same URL. Those lines are
    // one failure: fold them into the most specific diagnosis.
    let mut kept: Vec<(usize, Box<Diagnosis>)> = Vec::new();
    for (pos, mut d) in slots
        .into_iter()
        .enumerate()
        .filter_map(|(i, d)| d.map(|d| (i, d)))
    {
        if d.kind == KindId::PreflightBadStatus
            && d.facts.status.is_some_and(|s| (300..400).contains(&s))
        {
            d.kind = KindId::PreflightRedirect;
        }
        let same_request = |p: usize, prev: &Diagnosis| {
            pos - p <= MAX_ATTACH_DISTANCE
                && prev.engine == Some(Engine::Firefox)
                && d.engine == Some(Engine::Firefox)
                && prev.facts.request_url.is_some()
                && prev.facts.request_url == d.facts.request_url
        };
        match kept.last_mut() {
            // The trailing "did not succeed" line of a failure already diagnosed.
            Some((p, prev))
                if same_request(*p, prev)
                    && d.kind == KindId::NetworkError
                    && prev.kind != KindId::NetworkError =>
            {
                prev.facts.merge_from(&d.facts);
            }
            // "external redirect not allowed" followed by the preflight's 3xx.
            Some((p, prev))
                if same_request(*p, prev)
                    && prev.kind == KindId::RedirectNotAllowed
                    && d.kind == KindId::PreflightRedirect =>
            {
                d.facts.merge_from(&prev.facts);
                *prev = d;
                *p = pos;
            }
            _ => kept.push((pos, d)),
        }
    }
    // Identical diagnoses (same kind, engine, stage and facts) become one with a count.
    let mut out: Vec<Diagnosis> = Vec::new();
    // Buckets by a hash of what makes two diagnoses the same failure; equal hashes are
    // confirmed field by field.
    let mut seen = Buckets::default();
    for (_, d) in kept {
        let key = (d.kind, d.engine, d.stage, d.matched, &d.facts);
        let same = seen.find(&key, |i| {
            let o: &Diagnosis = &out[i];
            o.kind == d.kind
                && o.engine == d.engine
                && o.stage == d.stage
                && o.matched == d.matched
                && o.facts == d.facts
        });
        match same {
            Some(i) => out[i].count += d.count,
            None => {
                seen.insert(&key, out.len());
                out.push(*d);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_its_needle_passes_the_keyword_gate() {
        assert_eq!(compiled().regexes.iter().flatten().count(), PATTERNS.len());
        for p in PATTERNS {
            assert!(
                KEYWORDS.iter().any(|k| p.needle.contains(k)),
                "needle {:?} contains no keyword, so the gate would hide it",
                p.needle
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

    #[test]
    fn cleans_console_noise() {
        assert_eq!(strip_noise("index.html:1 Access to x").0, "Access to x");
        assert_eq!(strip_noise("main.js:42:7 Access to x").0, "Access to x");
        assert_eq!(strip_noise("[Error] Origin x is").0, "Origin x is");
        assert_eq!(
            strip_noise("Failed to load resource: x (data, line 0)").0,
            "Failed to load resource: x"
        );
        assert_eq!(
            strip_noise("Uncaught (in promise) TypeError: Failed to fetch").0,
            "TypeError: Failed to fetch"
        );
        assert_eq!(
            strip_noise("http://localhost:3000 Access").0,
            "http://localhost:3000 Access"
        );
        assert!(is_stack_frame("at async loadOrders (app.js:12:5)"));
        assert!(is_stack_frame(
            "loadOrders@http://localhost:3000/app.js:12:5"
        ));
        assert!(!is_stack_frame("Failed to load resource: net::ERR_FAILED"));
        assert_eq!(normalize("a\u{2018}b\u{2019}  c\u{00A0}d\t"), "a'b' c d");
        assert_eq!(normalize("  plain  ascii "), "plain ascii");
        assert!(matches!(normalize("plain ascii"), Cow::Borrowed(_)));
    }

    #[test]
    fn chromium_missing_allow_origin_has_its_facts() {
        let r = diagnose("Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
        assert_eq!(r.diagnoses.len(), 1);
        let d = &r.diagnoses[0];
        assert_eq!(d.kind, KindId::MissingAllowOrigin);
        assert_eq!(d.engine, Some(Engine::Chromium));
        assert_eq!(d.stage, Some(Stage::Actual));
        assert_eq!(
            d.facts.request_url.as_deref(),
            Some("https://api.example.com/data")
        );
        assert_eq!(
            d.facts.page_origin.as_deref(),
            Some("http://localhost:3000")
        );
        assert_eq!(d.facts.resource_kind.as_deref(), Some("fetch"));
    }

    #[test]
    fn empty_binary_and_unrelated_input() {
        assert_eq!(diagnose("  \n\t").problem, Some(InputProblem::Empty));
        assert_eq!(
            diagnose("\u{0}\u{1}\u{2}\u{3}abc").problem,
            Some(InputProblem::Binary)
        );
        let r = diagnose("hello world\nUncaught ReferenceError: foo is not defined");
        assert!(r.diagnoses.is_empty());
        assert_eq!(
            r.unrecognized,
            vec!["ReferenceError: foo is not defined".to_string()]
        );
    }

    #[test]
    fn invalid_facts_are_dropped_and_reported() {
        let r = diagnose("Access to fetch at 'https://api.example.com/x' from origin 'http://evil.com/<b>' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
        let d = &r.diagnoses[0];
        assert_eq!(d.facts.page_origin, None);
        assert_eq!(d.dropped[0].fact, "page_origin");
    }
}
