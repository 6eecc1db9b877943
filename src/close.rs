//! Close matches: a message that no browser's wording matches, read by its features.
//!
//! People paste what they have: a line from a tutorial or a Q&A title, a chat message, an AI
//! answer, an error typed from memory ("CORS error: Access-Control-Allow-Origin missing"). When
//! no catalog pattern matches a record, this reads which CORS header it names, which problem
//! words it uses (missing, not allowed, does not match, multiple, wildcard, credentials,
//! preflight, redirect, a status) and the method, header, URL and origin tokens, and names the
//! most likely kind. The result is marked as a close match everywhere it is shown.
//!
//! The decision a reader would not guess: a close match needs a *specific* signal (a CORS
//! header name or "preflight" together with a problem word that fits one kind). Text that only
//! says "CORS" (prose about CORS, a log line that configures it) gives nothing: a wrong card is
//! worse than the "not recognised" notice. Rules are tried in order, specific before generic.

use crate::catalog::{KindId, Stage};
use crate::facts::Fact;

/// What a close match found: the kind, the stage if the text says, and raw fact values (the
/// caller validates them as it does for exact matches).
#[derive(Debug, PartialEq)]
pub struct CloseMatch {
    /// The most likely kind.
    pub kind: KindId,
    /// Preflight when the text says so.
    pub stage: Option<Stage>,
    /// Values read from the text, not yet validated.
    pub facts: Vec<(Fact, String)>,
}

/// Words that say something is absent.
const ABSENT: &[&str] = &[
    "missing",
    "not present",
    "isn't present",
    "is not set",
    "not set",
    "absent",
    "no 'access-control-allow-origin",
    "no \"access-control-allow-origin",
    "no access-control-allow-origin",
    "without",
    "does not have",
    "doesn't have",
    "not found",
    "lacks",
    "not included",
    "not being sent",
    "not sent",
    "isn't sent",
    "not returned",
    "not there",
    "not sending",
    "isn't sending",
    "doesn't send",
    "does not send",
    "no header",
];

/// Words that say a value is refused.
const NOT_ALLOWED: &[&str] = &[
    "not allowed",
    "isn't allowed",
    "is not permitted",
    "not permitted",
    "not listed",
    "not in the list",
    "not in access-control",
    "not included in",
    "missing from",
    "disallowed",
    "rejected",
    "not accepted",
];

/// Words that say two values differ: strong ones win over words of absence ...
const MISMATCH: &[&str] = &[
    "does not match",
    "doesn't match",
    "do not match",
    "not match",
    "mismatch",
    "not equal",
    "wrong origin",
];

/// ... weak ones only where nothing says the header is absent.
const MISMATCH_WEAK: &[&str] = &["different", "differs from", "instead of", "another origin"];

const MULTIPLE: &[&str] = &[
    "multiple",
    "more than one",
    "two values",
    "several values",
    "duplicate",
    "twice",
    "only one is allowed",
    "comma-separated",
];

fn any(t: &str, words: &[&str]) -> bool {
    words.iter().any(|w| t.contains(w))
}

/// True when the text names one of the CORS response headers or the preflight.
fn cors_context(t: &str) -> bool {
    t.contains("access-control-") || t.contains("preflight") || t.contains("cors")
}

/// The most likely kind of a CORS message in no browser's exact wording, or `None`.
pub fn close_match(text: &str) -> Option<CloseMatch> {
    if text.len() > 2048 {
        return None;
    }
    // Retyped header names: "access control allow origin" is Access-Control-Allow-Origin.
    let t = text
        .to_ascii_lowercase()
        .replace("access control allow ", "access-control-allow-")
        .replace("access-control-allow origin", "access-control-allow-origin");
    if !cors_context(&t) {
        return None;
    }
    let allow_origin = t.contains("allow-origin");
    let allow_headers = t.contains("allow-headers");
    let allow_methods = t.contains("allow-methods");
    let allow_credentials = t.contains("allow-credentials");
    let preflight = t.contains("preflight") || t.contains("options request");
    let wildcard = t.contains("wildcard")
        || t.contains("'*'")
        || t.contains("\"*\"")
        || t.contains(" * ")
        || t.contains("`*`");
    let credentials =
        t.contains("credential") || t.contains("withcredentials") || t.contains("cookies");
    let redirect = t.contains("redirect");
    let status = status_of(&t);
    // A 2xx answer to a preflight is not a failure by itself.
    let bad_status = status.as_deref().is_some_and(|s| !s.starts_with('2'));
    let failed = t.contains("not successful")
        || t.contains("did not succeed")
        || t.contains("failed")
        || t.contains("fails")
        || t.contains("ok status");
    let header_named = allow_headers
        || t.contains("request header")
        || t.contains("header field")
        || (t.contains("header") && !allow_methods && !t.contains("method") && !allow_origin);

    let kind = if allow_headers && t.contains("authorization") && wildcard {
        KindId::AuthorizationNotCoveredByWildcard
    } else if wildcard && credentials && (allow_origin || t.contains("cors")) {
        KindId::WildcardWithCredentials
    } else if allow_origin && any(&t, MULTIPLE) {
        KindId::MultipleAllowOrigin
    } else if allow_credentials
        && (any(&t, ABSENT)
            || t.contains("must be 'true'")
            || t.contains("must be true")
            || t.contains("is ''")
            || t.contains("not 'true'")
            || t.contains("not true")
            || t.contains("is false")
            || t.contains("empty"))
    {
        KindId::CredentialsNotTrue
    } else if header_named && any(&t, NOT_ALLOWED) {
        KindId::HeaderNotAllowed
    } else if (allow_methods || t.contains("method")) && any(&t, NOT_ALLOWED) {
        KindId::MethodNotAllowed
    } else if preflight && redirect {
        KindId::PreflightRedirect
    } else if preflight && (bad_status || failed) {
        KindId::PreflightBadStatus
    } else if allow_origin && any(&t, MISMATCH) {
        KindId::OriginMismatch
    } else if allow_origin && (t.contains("invalid") || t.contains("malformed")) {
        KindId::InvalidAllowOrigin
    } else if allow_origin && any(&t, ABSENT) {
        KindId::MissingAllowOrigin
    } else if allow_origin && any(&t, MISMATCH_WEAK) {
        KindId::OriginMismatch
    } else if redirect
        && (t.contains("not allowed") || t.contains("disallowed") || t.contains("blocked"))
        && t.contains("cors")
    {
        KindId::RedirectNotAllowed
    } else {
        return None;
    };
    let stage = (preflight || crate::catalog::kind(kind).preflight).then_some(Stage::Preflight);
    Some(CloseMatch {
        kind,
        stage,
        facts: facts_of(text, &t, kind, status),
    })
}

/// A status code the text gives: after "status", "status code", "HTTP" or as `NNN (`.
fn status_of(t: &str) -> Option<String> {
    let b = t.as_bytes();
    for i in 0..b.len().saturating_sub(2) {
        let three = &b[i..i + 3];
        let digits = three.iter().all(u8::is_ascii_digit) && (b'1'..=b'5').contains(&three[0]);
        let alone = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 3)
                .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'.');
        if digits && alone {
            let before = t[..i].trim_end_matches([' ', ':', '=']);
            let cue = [
                "status",
                "code",
                "http",
                "returned",
                "returns",
                "returning",
                "got",
                "got a",
                "with a",
                "with an",
                "returns a",
                "returned a",
                "fails with",
                "failed with",
                "responded",
                "responds with",
                "gives",
                "answered",
                "answers",
            ];
            if cue.iter().any(|c| before.ends_with(c)) || t[i + 3..].starts_with(" (") {
                return Some(t[i..i + 3].to_string());
            }
        }
    }
    None
}

/// Strips quotes and trailing punctuation around a token.
fn bare(s: &str) -> &str {
    s.trim_matches(|c: char| "'\"`‘’“”()[]<>,;".contains(c))
        .trim_end_matches(['.', ':', '!', '?'])
        .trim_matches(|c: char| "'\"`‘’“”".contains(c))
}

const METHODS: &[&str] = &[
    "PUT", "PATCH", "DELETE", "POST", "GET", "HEAD", "CONNECT", "TRACE", "PROPFIND", "MKCOL",
    "COPY", "MOVE", "LOCK", "UNLOCK", "PURGE", "SEARCH", "REPORT",
];

/// The raw facts of a paraphrased message: URLs, the origin, the method, the header, status.
fn facts_of(text: &str, lower: &str, kind: KindId, status: Option<String>) -> Vec<(Fact, String)> {
    let mut out = Vec::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    let lwords: Vec<&str> = lower.split_whitespace().collect();
    // The origin: the URL after the word "origin" (or "from"), else none.
    let mut origin_at = None;
    for (i, w) in lwords.iter().enumerate() {
        let w = bare(w);
        if matches!(w, "origin" | "origin:" | "from") || w.ends_with("origin") {
            if let Some(next) = words.get(i + 1).map(|n| bare(n)) {
                if next.starts_with("http://") || next.starts_with("https://") || next == "null" {
                    out.push((Fact::PageOrigin, next.to_string()));
                    origin_at = Some(i + 1);
                    break;
                }
            }
        }
    }
    // The request URL: the first other URL.
    for (i, w) in words.iter().enumerate() {
        let w = bare(w);
        if Some(i) != origin_at && (w.starts_with("http://") || w.starts_with("https://")) {
            out.push((Fact::RequestUrl, w.to_string()));
            break;
        }
    }
    if let Some(m) = words.iter().map(|w| bare(w)).find(|w| METHODS.contains(w)) {
        out.push((Fact::Method, m.to_string()));
    }
    if kind == KindId::HeaderNotAllowed {
        if let Some(h) = header_of(&words, &lwords) {
            out.push((Fact::Header, h.to_string()));
        }
    }
    if let Some(s) = status {
        out.push((Fact::Status, s));
    }
    out
}

/// The request header a header-not-allowed message names: a quoted name, or the word after
/// "field" / "header" that is not a CORS header itself.
fn header_of<'a>(words: &[&'a str], lwords: &[&str]) -> Option<&'a str> {
    let is_name = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !w.to_ascii_lowercase().starts_with("access-control")
    };
    for (i, lw) in lwords.iter().enumerate() {
        let lw = bare(lw);
        if matches!(lw, "field" | "header" | "headers") {
            if let Some(next) = words.get(i + 1).map(|n| bare(n)) {
                if is_name(next)
                    && !matches!(
                        next.to_ascii_lowercase().as_str(),
                        "is" | "not" | "in" | "field" | "the" | "was" | "isn't"
                    )
                {
                    return Some(next);
                }
            }
        }
    }
    words
        .iter()
        .filter(|w| w.starts_with(['\'', '"', '`', '‘', '“']))
        .map(|w| bare(w))
        .find(|w| is_name(w) && w.contains(|c: char| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paraphrases_and_their_facts() {
        let m = close_match("CORS error: Request header field 'X-Api-Key' is not allowed by Access-Control-Allow-Headers").unwrap();
        assert_eq!(m.kind, KindId::HeaderNotAllowed);
        assert!(
            m.facts.contains(&(Fact::Header, "X-Api-Key".to_string())),
            "{:?}",
            m.facts
        );
        let m = close_match("fetch to https://api.example.com/x from origin http://localhost:3000 blocked: Access-Control-Allow-Origin missing").unwrap();
        assert_eq!(m.kind, KindId::MissingAllowOrigin);
        assert!(m
            .facts
            .contains(&(Fact::PageOrigin, "http://localhost:3000".to_string())));
        assert!(m
            .facts
            .contains(&(Fact::RequestUrl, "https://api.example.com/x".to_string())));
        let m = close_match("preflight fails with status 401").unwrap();
        assert_eq!(
            (m.kind, m.stage),
            (KindId::PreflightBadStatus, Some(Stage::Preflight))
        );
        assert!(m.facts.contains(&(Fact::Status, "401".to_string())));
    }

    #[test]
    fn stays_silent_without_a_specific_signal() {
        for text in [
            "CORS is a browser security feature",
            "app.use(cors({ origin: 'https://a.com' }))",
            "INFO cors: allowed origin https://app.example.com",
            "Access-Control-Allow-Origin: https://app.example.com",
            "TypeError: Cannot read properties of undefined (reading 'map')",
        ] {
            assert_eq!(close_match(text), None, "{text}");
        }
    }
}
