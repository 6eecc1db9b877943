//! Property tests: no input makes the parser panic, and console noise (source prefixes,
//! `[Error]`, CRLF, indentation, stack frames, lines wrapped at spaces) never changes the result.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::catalog::KINDS;
use cors_doctor::cli::to_json;
use cors_doctor::parse::{diagnose, Scan};
use proptest::prelude::*;

fn samples() -> Vec<String> {
    let mut out: Vec<String> = KINDS.iter().map(|k| k.example().to_string()).collect();
    let mut files: Vec<_> = std::fs::read_dir("tests/corpus")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        if path.extension().is_some_and(|e| e == "txt")
            && !path.to_string_lossy().contains("negative-")
        {
            out.push(std::fs::read_to_string(path).unwrap());
        }
    }
    out
}

const MESSAGE_STARTS: &[&str] = &[
    "Access to",
    "Cross-Origin Request",
    "GET ",
    "POST ",
    "PUT ",
    "DELETE ",
    "Uncaught",
    "TypeError",
    "Failed to load",
    "Origin ",
    "Fetch API",
    "XMLHttpRequest cannot",
    "Mixed Content",
    "Refused",
];

const PREFIXES: &[&str] = &[
    "",
    "index.html:1 ",
    "main.js:42:7 ",
    "[Error] ",
    "VM123:1 ",
    "  ",
    "\t",
];

/// Adds noise to a paste: a console prefix per line, an indented stack frame after it, CRLF
/// line ends, surrounding blank space, and lines word-wrapped at `width` columns (breaking at
/// spaces, as a terminal or chat window does; 0 = no wrapping).
fn noisy(text: &str, prefix: usize, crlf: bool, frames: bool, width: usize) -> String {
    let mut lines = Vec::new();
    for line in text.lines() {
        // Consoles prefix each message (not continuation lines or stack frames).
        let starts_message = MESSAGE_STARTS.iter().any(|s| line.starts_with(s));
        let line = if starts_message {
            format!("{}{line}", PREFIXES[prefix % PREFIXES.len()])
        } else {
            line.to_string()
        };
        lines.extend(wrap(&line, width));
    }
    if frames {
        lines.push("    at fetchData (app.js:10:5)".to_string());
        lines.push("    at async main (app.js:3:1)".to_string());
    }
    let nl = if crlf { "\r\n" } else { "\n" };
    format!("\n  {}{nl}\n", lines.join(nl))
}

/// Greedy word wrap at `width` columns; words longer than the width stay whole.
fn wrap(line: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return vec![line.to_string()];
    }
    let mut out = vec![String::new()];
    for word in line.split(' ') {
        let last = out.last_mut().unwrap();
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            out.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,2000}") {
        let report = diagnose(&text);
        prop_assert!(report.unrecognized.len() <= 20);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4000)) {
        let _ = diagnose(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn cors_words_in_random_order_never_panic(words in proptest::collection::vec(
        prop::sample::select(vec!["Access to", "fetch", "at", "'", "from origin", "has been blocked by CORS policy:",
            "No 'Access-Control-Allow-Origin'", "header", "GET", "https://a.example/x", "net::ERR_FAILED", "500", "(",
            ")", "\n", "Status code:", "Origin", "is not allowed by Access-Control-Allow-Origin.", "[Error]",
            "Cross-Origin Request Blocked:", "(Reason:", "TypeError: Failed to fetch", "Method", "PUT"]), 0..60)) {
        let _ = diagnose(&words.join(" "));
    }

    #[test]
    fn console_noise_does_not_change_the_result(
        index in 0usize..1000,
        prefix in 0usize..100,
        crlf: bool,
        frames: bool,
        width in prop_oneof![Just(0usize), 30usize..160],
    ) {
        let all = samples();
        let clean = &all[index % all.len()];
        let expected = to_json(&diagnose(clean));
        let text = noisy(clean, prefix, crlf, frames, width);
        prop_assert_eq!(to_json(&diagnose(&text)), expected, "noisy input: {:?}", text);
    }

    /// Reading a paste in steps (as the page does for large pastes) gives the same report as
    /// one pass, whatever the step size: several samples and noise, cut at arbitrary points.
    #[test]
    fn reading_in_steps_gives_the_same_report(
        picks in proptest::collection::vec(0usize..1000, 1..6),
        noise in ".{0,300}",
        step in 1usize..400,
    ) {
        let all = samples();
        let mut text = String::new();
        for i in picks {
            text.push_str(&all[i % all.len()]);
            text.push('\n');
            text.push_str(&noise);
            text.push('\n');
        }
        let mut scan = Scan::new(&text);
        let mut steps = 0;
        while !scan.step(&text, step) {
            steps += 1;
            prop_assert!(steps <= text.len(), "the scan does not advance");
        }
        let report = scan.finish();
        prop_assert_eq!(&report, &diagnose(&text));
    }
}

/// The wrapped-paste property, exhaustively over the narrow widths where its misses were found
/// (a WebKit decoration cut before its level word, Firefox's "Security Error:" cut after
/// "Security", a first word alone on a line, Chromium's CSP closing sentence on its own line):
/// every sample, wrapped at every width from 30 to 60, reads as the unwrapped sample.
#[test]
fn every_sample_wrapped_at_narrow_widths_reads_the_same() {
    let mut wrong = Vec::new();
    for clean in samples() {
        let expected = to_json(&diagnose(&clean));
        for width in 30..=60 {
            let text = noisy(&clean, 0, false, false, width);
            if to_json(&diagnose(&text)) != expected {
                wrong.push(format!("width {width}: {text:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} misses, first: {:?}",
        wrong.len(),
        wrong.first()
    );
}
