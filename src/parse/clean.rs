//! Stage 1: cleaning one pasted line. Typographic quotes become ASCII, invisible and bidi
//! characters go, whitespace runs collapse; console decorations (source locations, `[Error]`,
//! `Uncaught`, WebKitGTK's `CONSOLE ... ERROR`) and stack frames are recognised as noise.
//!
//! The decision a reader might not guess: a removed decoration is reported, because it always
//! starts a new message (the joiner uses that).

use super::*;

/// True when the text is mostly not console text (control or replacement characters).
pub(super) fn looks_binary(text: &str) -> bool {
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
pub(super) const PREFIXES: &[&str] = &[
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
/// A decoration cut by a line wrap before its level word (`CONSOLE`, `CONSOLE SECURITY`) leaves
/// an empty message; the joiner then reads the next line's leading words with
/// [`strip_webkit_level`].
pub(super) fn strip_webkit_console(s: &str) -> Option<&str> {
    if s == "CONSOLE" {
        return Some("");
    }
    strip_webkit_level(s.strip_prefix("CONSOLE ")?)
}

/// The rest of WebKit's decoration after `CONSOLE `: a source word or none, then the level.
pub(super) fn strip_webkit_level(mut rest: &str) -> Option<&str> {
    for _ in 0..2 {
        // The decoration alone on a line (a wrapped paste) leaves an empty message.
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        if word.is_empty() && after.is_empty() {
            return Some("");
        }
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
pub(super) fn strip_noise(mut s: &str) -> (&str, bool) {
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
pub(super) fn strip_source_location(s: &str) -> Option<&str> {
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
pub(super) fn is_stack_frame(s: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
