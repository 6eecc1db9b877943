//! Pasted text -> diagnoses with facts.
//!
//! By stage, one module each: lines are cleaned (`parse::clean`: console prefixes, stack frames,
//! curly quotes, whitespace), joined into records (`parse::join`: a message wrapped by a terminal or
//! chat app becomes one record again), each record is matched against the catalog's patterns
//! (`parse::classify`; a close match when no wording fits, see [`crate::close`]), and records are
//! grouped (`parse::group`): the reason line of a failed request is its diagnosis, and the wrapper,
//! network line and JS exception printed for the same request add facts to it. Pasted headers
//! are read by [`crate::evidence`] and checked by [`crate::check`]. This file holds the report
//! types and [`Scan`], which drives the stages.
//!
//! The decision a reader might not guess: "nothing recognised" is a normal [`Report`] with no
//! diagnoses, never an error, and every loop here is bounded by the input's length.

use crate::buckets::Buckets;
use crate::catalog::keywords::KEYWORDS;
use crate::catalog::patterns::{self, cors_error_kind, Pattern, Role};
use crate::catalog::{Engine, KindId, Stage};
use crate::check::{check, Exchange, Verdict};
use crate::facts::{shorten, Dropped, Fact, Facts};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::OnceLock;

mod classify;
mod clean;
mod group;
mod join;

use classify::*;
pub use clean::normalize;
use clean::*;
use group::*;
use join::*;

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
    /// The language of a localized Firefox message (its own name: "Deutsch"), see [`crate::l10n`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
    /// Values read from the paste that failed validation and were dropped.
    #[serde(skip)]
    pub dropped: Vec<Dropped>,
    /// When the paste holds the exchange's headers: the checker's steps (see [`crate::check`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Verdict>,
}

impl Diagnosis {
    /// The browser that printed the message, with its language when not English
    /// ("Firefox, Deutsch").
    pub fn printed_by(&self) -> Option<String> {
        let engine = self.engine?.label();
        Some(match self.language {
            Some(language) => format!("{engine}, {language}"),
            None => engine.to_string(),
        })
    }
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// Nothing but whitespace.
    Empty,
    /// Mostly control characters or replacement characters: not console text.
    Binary,
    /// Larger than [`MAX_INPUT_BYTES`]; only the beginning was analysed.
    Truncated,
    /// It starts like a HAR file but cannot be read as one (what, and the byte offset).
    Har(crate::har::Error),
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InputProblem::Empty => "the paste is empty: copy the red error line from the browser console",
            InputProblem::Binary => "this looks like binary data, not console text: copy the error line as text from the browser console",
            InputProblem::Truncated => "the paste is very large: only its first 8 MB were analysed",
            InputProblem::Har(e) => return write!(f, "{e}: save it again with \"Save all as HAR\" in the browser's Network panel"),
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

/// A catalog pattern as the full regex crate runs it natively (ASCII classes, as the page's
/// [`crate::re`] reads them); for the test that runs both engines alike.
#[cfg(not(target_arch = "wasm32"))]
pub fn native_regex(pattern: &str) -> String {
    ascii_classes(pattern).into_owned()
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
    /// The exchanges of pasted headers (read once, at the start: they are small), or of a HAR
    /// file (read when its last entry is).
    exchanges: Vec<Exchange>,
    /// A HAR file's reader: the text is read entry by entry instead of line by line.
    har: Option<crate::har::Reader>,
}

impl Scan {
    /// Starts reading `text`; pass the same text to every [`Scan::step`].
    pub fn new(text: &str) -> Scan {
        let mut end = text.len();
        let mut problem = None;
        if crate::har::looks_like_har(text) {
            let (har, problem, pos) = match crate::har::Reader::new(text) {
                Ok(r) => (Some(r), None, 0),
                Err(e) => (None, Some(InputProblem::Har(e)), end),
            };
            return Scan::start(pos, end, problem, Vec::new(), har);
        }
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
        Scan::start(pos, end, problem, exchanges, None)
    }

    /// A scan about to read from `pos` to `end`, nothing read yet.
    fn start(
        pos: usize,
        end: usize,
        problem: Option<InputProblem>,
        exchanges: Vec<Exchange>,
        har: Option<crate::har::Reader>,
    ) -> Scan {
        Scan {
            exchanges,
            pos,
            end,
            joiner: Joiner::default(),
            events: Vec::new(),
            unrecognized: Vec::new(),
            problem,
            har,
        }
    }

    /// Reads about `budget` more bytes of `text` (whole lines); true when all is read.
    pub fn step(&mut self, text: &str, budget: usize) -> bool {
        if let Some(har) = self.har.as_mut() {
            match har.step(text, budget) {
                Ok(false) => {
                    self.pos = har.position();
                    return false;
                }
                Ok(true) => self.exchanges = crate::evidence::har_exchanges(&har.entries),
                Err(e) => self.problem = Some(InputProblem::Har(e)),
            }
            // Chrome's `_error` (`net::ERR_BLOCKED_BY_CLIENT`) is read as the Network panel's
            // line for that request: blocked by a client, CORP, ORB, a failed connection.
            let har = self.har.take().map(|h| h.entries).unwrap_or_default();
            for e in har {
                if let Some(error) = e.error {
                    let mut line = e.method;
                    for part in [" ", &e.url, " ", &error] {
                        line.push_str(part);
                    }
                    let mask = keyword_mask(&line);
                    self.take((line, mask));
                }
            }
            self.pos = self.end;
            return true;
        }
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
        // A localized Firefox message is read in Firefox's English wording (crate::l10n):
        // tried first when the line is not ASCII, else only when English found nothing.
        let mut translated = None;
        if record.is_ascii() {
            classify(&record, keywords, &mut self.events);
            // No reason read: nothing, or only a wrapper (en-CA quotes header names "so"). A
            // network line or an exception is English already: not tried.
            if self.events[before..]
                .iter()
                .all(|e| matches!(e.role, EventRole::Aux(Some(_))))
            {
                if let Some(t) = crate::l10n::translate(&record) {
                    self.events.truncate(before);
                    translated = Some(t);
                }
            }
        } else {
            translated = crate::l10n::translate(&record);
            if translated.is_none() {
                classify(&record, keywords, &mut self.events);
            }
        }
        let (record, keywords) = match translated {
            Some(t) => {
                let keywords = keyword_mask(&t.english);
                classify(&t.english, keywords, &mut self.events);
                for ev in &mut self.events[before..] {
                    ev.language = Some(t.language);
                }
                (t.english, keywords)
            }
            None => (record, keywords),
        };
        // No browser wording named a reason (nothing matched, or only a CORS wrapper whose
        // reason is worded differently): the message's features may still say which kind.
        let added = self.events.len() - before;
        // A DevTools network line (`GET url CORS error`) names no reason to read.
        let bare_frame = added == 1
            && self.events[before].role == EventRole::Aux(Some(KindId::CorsOther))
            && !record.ends_with("CORS error");
        let mentions_cors = keywords != 0
            || record
                .as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"cors"));
        // A header line of pasted evidence (`Access-Control-Allow-Origin: *`) is read by the
        // checker, not as a message in someone's words.
        let header_line = !self.exchanges.is_empty()
            && record.split_once(':').is_some_and(|(name, _)| {
                !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            });
        if ((added == 0 && mentions_cors) || bare_frame) && !header_line {
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
                    language: None,
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
            problem: self.problem.clone(),
            evidence,
        }
    }

    /// The report: grouping of everything read.
    pub fn finish(self) -> Report {
        if matches!(
            self.problem,
            Some(InputProblem::Empty | InputProblem::Binary | InputProblem::Har(_))
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(d.dropped[0].fact.name(), "page_origin");
    }
}
