//! Stage 2: joining cleaned lines into records, one console message each, so a message
//! word-wrapped by a terminal or a chat window is matched whole again.
//!
//! The decision a reader might not guess: only a line that looks like console output can be
//! continued, and a line that starts a known message never continues another.

use super::*;

/// Message beginnings that never occur inside another message: a line starting with one always
/// starts a new record.
#[rustfmt::skip]
pub(super) const STRONG_STARTERS: &[&str] = &[
    "Access to ", "Cross-Origin Request Blocked", "Cross-Origin Request Warning", "Mixed Content:",
    "Fetch API cannot load", "XMLHttpRequest cannot load", "EventSource cannot load",
    "Failed to load resource", "TypeError", "Refused to ", "GET http", "POST http", "PUT http",
    "PATCH http", "DELETE http", "HEAD http", "OPTIONS http", "AxiosError", "DOMException",
    "SecurityError", "Content-Security-Policy:", "Content Security Policy:",
];

/// Words that start a console message but also occur mid-sentence: a line starting with one
/// starts a new record only when the previous line ended a sentence.
#[rustfmt::skip]
pub(super) const STARTERS: &[&str] = &[
    "Access blocked", "Cross-Origin Read", "Cross-Origin-Opener-Policy",
    "Cross-Origin Resource Sharing error", "Cross-origin redirection", "Cross-origin script",
    "Cross-origin image", "Cross-origin text", "Cross origin ", "Fetch API ", "XMLHttpRequest ",
    "EventSource ", "Failed to ", "Blocked ", "Origin ", "GET ", "POST ", "PUT ", "PATCH ",
    "DELETE ", "HEAD ", "OPTIONS ", "Redirect ", "Response ", "Request ", "Method ", "Cannot ",
    "The ", "No ", "Invalid ", "Load ", "Loading ", "Permission ", "Ensure ", "Specify ",
    "Http failure", "Preflight ", "CORS error", "CORS-preflight", "CORS Missing", "Unsafe ",
    "Navigation ", "Worker ", "Upgrading ", "Sandbox ", "Credentials ", "Header ", "URL ",
    "Not allowed", "Could not connect", "A server with", "An SSL", "NetworkError", "If an opaque",
    "Have the server", "Status code", "Framing ", "Connecting to ",
];

/// The closing sentences of Chromium's CSP messages: wrapped onto a line of their own, they
/// still end the message before them (they also start with "The ").
pub(super) const TAILS: &[&str] = &[
    "The request has been blocked",
    "The action has been blocked",
];

pub(super) fn starts_with_any(msg: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|s| msg.starts_with(s) || s.strip_suffix(' ') == Some(msg))
}

/// True when `msg` is the start of one of `list` cut by a line wrap ("Cross" of WebKit's
/// "Cross origin requests are only supported for HTTP."): the next line may continue it. Never
/// used to refuse a continuation ("Content Security Policy" wrapped inside a message is not
/// Firefox's "Content Security Policy:").
fn cut_start_of_any(msg: &str, list: &[&str]) -> bool {
    msg.len() >= 3 && list.iter().any(|s| s.starts_with(msg))
}

/// Cleans lines and joins wrapped ones into records, one console message each.
#[derive(Default)]
pub(super) struct Joiner {
    /// May the next line continue the last record?
    pub(super) open: bool,
    /// The record being built.
    pub(super) last: Option<(String, u64)>,
    /// The last line ended inside WebKit's `CONSOLE <SOURCE> <LEVEL>` decoration: the next
    /// line's leading capital words finish it.
    pub(super) in_decoration: bool,
}

impl Joiner {
    /// Reads one line; returns the record it completed, if it started a new one.
    pub(super) fn line(&mut self, raw: &str) -> Option<(String, u64)> {
        let line = normalize(raw);
        if line.is_empty() {
            self.open = false;
            return None;
        }
        // Firefox's "Security Error: Content at ..." wrapped after "Security": the next line's
        // "Error: " is the message's second word, not a console decoration.
        let security = self.open
            && line.starts_with("Error: ")
            && self
                .last
                .as_ref()
                .is_some_and(|(l, _)| l == "Security" || l.ends_with(" Security"));
        let (mut msg, mut decorated) = if security {
            (&line[..], false)
        } else {
            strip_noise(&line)
        };
        if std::mem::take(&mut self.in_decoration) {
            if let Some(rest) = strip_webkit_level(msg) {
                msg = rest;
                decorated = true;
            }
        }
        if msg.is_empty() || is_stack_frame(msg) {
            self.open = false;
            self.in_decoration = decorated && msg.is_empty() && line.contains("CONSOLE");
            return None;
        }
        // A localized Firefox message starts a record, and may be continued like English ones.
        let (maybe_localized, localized) = crate::l10n::starts_message(msg);
        let continues = self.open
            && !decorated
            && !starts_with_any(msg, STRONG_STARTERS)
            && !localized
            && self.last.as_ref().is_some_and(|(last, _)| {
                last.len() < MAX_RECORD_BYTES
                    && (!last.ends_with(['.', ')', '!', '"'])
                        || !starts_with_any(msg, STARTERS)
                        || starts_with_any(msg, TAILS))
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
        // Only a console-like record can be continued by the next line: one holding a keyword
        // or an error word ("Security Error:" wrapped before "Content at ..."); plain log noise
        // stays one line per record.
        let console_like = keywords != 0 || looks_like_error(msg);
        self.open = if continues {
            self.open || console_like
        } else {
            console_like
                || maybe_localized
                || starts_with_any(msg, STRONG_STARTERS)
                || starts_with_any(msg, STARTERS)
                || cut_start_of_any(msg, STRONG_STARTERS)
                || cut_start_of_any(msg, STARTERS)
        };
        completed
    }

    /// The last record, once the text has ended.
    pub(super) fn end(&mut self) -> Option<(String, u64)> {
        self.open = false;
        self.last.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record the joiner makes of `text`, one per console message.
    fn records(text: &str) -> Vec<String> {
        let mut j = Joiner::default();
        let mut out: Vec<String> = text
            .lines()
            .filter_map(|l| j.line(l))
            .map(|r| r.0)
            .collect();
        out.extend(j.end().map(|r| r.0));
        out
    }

    #[test]
    fn a_wrapped_message_is_one_record_again() {
        let wrapped = "Access to fetch at 'https://api.example.com/x' from origin\n\
            'http://localhost:3000' has been blocked by CORS policy: No\n\
            'Access-Control-Allow-Origin' header is present on the requested resource.";
        assert_eq!(
            records(wrapped),
            ["Access to fetch at 'https://api.example.com/x' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."]
        );
    }

    #[test]
    fn a_known_start_begins_a_new_record_and_noise_is_never_continued() {
        let two = "GET https://api.example.com/x net::ERR_FAILED 200 (OK)\n\
            Access to fetch at 'https://api.example.com/x' from origin 'http://a.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
        assert_eq!(records(two).len(), 2);
        // Plain log lines hold no keyword and no error word: one record each.
        assert_eq!(records("build finished\nwatching for changes").len(), 2);
        // An error line may be continued ("Security Error:" wrapped before its text).
        assert_eq!(
            records("Security Error:\nContent at http://a.com/ may not load or link to file:///x."),
            ["Security Error: Content at http://a.com/ may not load or link to file:///x."]
        );
    }

    #[test]
    fn stack_frames_and_blank_lines_end_a_record() {
        let text = "TypeError: Failed to fetch\n    at load (app.js:1:2)\nAccess to fetch at 'x'";
        assert_eq!(
            records(text),
            ["TypeError: Failed to fetch", "Access to fetch at 'x'"]
        );
        assert_eq!(records("Failed to\n\nfetch").len(), 2);
    }
}
