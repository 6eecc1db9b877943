//! Diagnosis -> explanation: what happened step by step with the user's own facts, who must
//! change what, what not to do, the traps that fit, and curl commands that check the fix.
//!
//! The decision a reader might not guess: every sentence that uses a fact has a wording for when
//! the fact is missing, so no placeholder ever reaches the user; and curl commands are built
//! only from validated facts, single-quoted for POSIX shells.

use crate::catalog::{self, Stage};
use crate::check::SAFELISTED_METHODS;
use crate::parse::Diagnosis;

/// Everything the page and the CLI say about one diagnosis. Plain text, never HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The kind's title.
    pub title: &'static str,
    /// One sentence in the user's terms, with their origin when known.
    pub summary: String,
    /// What happened, step by step.
    pub steps: Vec<String>,
    /// Who must change what: the server fix first.
    pub fix: Vec<String>,
    /// Legitimate client-side alternatives.
    pub client_side: Vec<&'static str>,
    /// What not to do, with the reason.
    pub avoid: Vec<&'static str>,
    /// Traps that often cause this kind.
    pub traps: Vec<&'static str>,
    /// Commands that check the fix.
    pub checks: Vec<Check>,
    /// Where to read more: (label, URL).
    pub links: Vec<(&'static str, &'static str)>,
}

/// A command to run, and what its answer must show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// What the command checks.
    pub label: &'static str,
    /// The shell command (POSIX sh quoting).
    pub command: String,
    /// What a correct answer shows.
    pub expect: Vec<String>,
}

/// Quotes `s` for a POSIX shell: single quotes, with `'` written as `'\''`.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Builds the explanation of one diagnosis.
pub fn explain(d: &Diagnosis) -> Explanation {
    let kind = catalog::kind(d.kind);
    let f = &d.facts;
    let url_text = f.request_url.as_deref().unwrap_or("the URL it called");
    let summary = kind
        .facts_summary
        .map_or_else(|| kind.summary.to_string(), |tell| tell(f));

    let mut steps = Vec::new();
    if !kind.lookalike {
        steps.push(match (&f.page_origin, &f.request_url) {
            (Some(o), Some(u)) => format!("Your page on {o} requested {u}{}.", method_phrase(d)),
            (None, Some(u)) => format!(
                "Your page requested {u}{}, on another origin.",
                method_phrase(d)
            ),
            (Some(o), None) => format!(
                "Your page on {o} requested a URL on another origin{}.",
                method_phrase(d)
            ),
            (None, None) => format!(
                "Your page requested a URL on another origin{}.",
                method_phrase(d)
            ),
        });
        if let Some(from) = &f.redirected_from {
            steps.push(format!("It asked for {from} first and was redirected to {url_text}; the browser checks CORS again on every redirect."));
        }
        if d.stage == Some(Stage::Preflight) || catalog::kind(d.kind).preflight {
            steps.push(preflight_step(d));
        }
        if let Some(s) = f.status {
            let which = if d.stage == Some(Stage::Preflight) {
                "the preflight"
            } else {
                "the request"
            };
            steps.push(format!(
                "The server answered {which} with HTTP status {s}{}.",
                status_hint(s)
            ));
        }
        if let Some(a) = &f.allow_origin {
            steps.push(format!("It sent Access-Control-Allow-Origin: {a}."));
        }
    }
    steps.push(kind.cause.to_string());
    if let Some(note) = kind.browser_note {
        steps.push(note.to_string());
    }

    let mut fix = vec![kind.fix.to_string()];
    if catalog::kind(d.kind).headers_fix {
        fix.push("The server configuration below does this for your framework, with your origin, method and headers filled in. Put it before authentication and routing, so the preflight is answered first.".to_string());
    }

    let mut avoid = Vec::new();
    if kind.headers_fix {
        avoid.extend(catalog::advice::AVOID_COMMON);
    }
    avoid.extend(kind.avoid);

    let mut links = Vec::new();
    if let Some(mdn) = kind.mdn {
        links.push(("MDN", mdn));
    }
    links.push(kind.spec);

    Explanation {
        title: kind.title,
        summary,
        steps,
        fix,
        client_side: kind.client_side.to_vec(),
        avoid,
        traps: kind.traps.to_vec(),
        checks: checks(d),
        links,
    }
}

fn method_phrase(d: &Diagnosis) -> String {
    match &d.facts.method {
        Some(m) => format!(" with {m}"),
        None => String::new(),
    }
}

fn preflight_step(d: &Diagnosis) -> String {
    let f = &d.facts;
    let mut why = Vec::new();
    if let Some(m) = f
        .method
        .as_deref()
        .filter(|m| !SAFELISTED_METHODS.contains(m))
    {
        why.push(format!("uses the method {m}"));
    }
    if let Some(h) = &f.header {
        why.push(format!("sends the header {h}"));
    }
    let why = if why.is_empty() {
        "uses a method other than GET, HEAD or POST, a header such as Authorization, or a Content-Type such as application/json".to_string()
    } else {
        why.join(" and ")
    };
    let mut asked = format!(
        "Because the request {why}, the browser first sent a preflight: OPTIONS {} with Origin and Access-Control-Request-Method",
        f.request_url.as_deref().unwrap_or("to the same URL")
    );
    if let Some(h) = &f.header {
        asked.push_str(&format!(", and Access-Control-Request-Headers: {h}"));
    }
    asked.push_str(". Preflights never carry cookies or an Authorization header, and the real request is only sent if the preflight passes.");
    asked
}

fn status_hint(status: u16) -> &'static str {
    match status {
        200..=299 => "",
        300..=399 => " (a redirect)",
        401 | 403 => " (often authentication middleware running before CORS)",
        404 | 405 => " (no route answers this method or path)",
        500..=599 => " (an error response, which frameworks often send without CORS headers)",
        _ => "",
    }
}

/// The curl commands that check the fix, from validated facts only.
fn checks(d: &Diagnosis) -> Vec<Check> {
    let f = &d.facts;
    if !catalog::kind(d.kind).headers_fix {
        return match &f.request_url {
            Some(url) if catalog::kind(d.kind).reach_check => vec![Check {
                label: "Is the server reachable at this URL?",
                command: format!("curl -sS -g -o /dev/null -w '%{{http_code}}\\n' {}", sh_quote(url)),
                expect: vec!["An HTTP status code. \"Connection refused\", \"Could not resolve host\" or a certificate error is the real problem to fix.".to_string()],
            }],
            _ => vec![],
        };
    }
    let url = f
        .request_url
        .clone()
        .unwrap_or_else(|| "https://api.example.com/your/endpoint".to_string());
    let origin = f
        .page_origin
        .clone()
        .filter(|o| o != "null")
        .unwrap_or_else(|| crate::generate::FALLBACK_ORIGIN.to_string());
    let method = f.method.clone().unwrap_or_else(|| "GET".to_string());
    let needs_preflight = d.stage == Some(Stage::Preflight)
        || catalog::kind(d.kind).preflight
        || !SAFELISTED_METHODS.contains(&method.as_str())
        || f.header.is_some();
    let mut out = Vec::new();
    if needs_preflight {
        let mut cmd = format!(
            "curl -i -g -X OPTIONS {} -H {} -H {}",
            sh_quote(&url),
            sh_quote(&format!("Origin: {origin}")),
            sh_quote(&format!(
                "Access-Control-Request-Method: {}",
                match catalog::kind(d.kind).check_method {
                    Some(instead) if method == "GET" => instead,
                    _ => &method,
                }
            )),
        );
        let mut expect = vec![
            "A 204 or 200 status, not a redirect, 401/403 or 404/405.".to_string(),
            format!("Access-Control-Allow-Origin: {origin} (exactly once)."),
        ];
        if !SAFELISTED_METHODS.contains(&method.as_str()) {
            expect.push(format!("Access-Control-Allow-Methods listing {method}."));
        }
        if let Some(h) = &f.header {
            cmd.push_str(&format!(
                " -H {}",
                sh_quote(&format!("Access-Control-Request-Headers: {h}"))
            ));
            expect.push(format!("Access-Control-Allow-Headers listing {h}."));
        }
        if catalog::kind(d.kind).credentialed {
            expect.push("Access-Control-Allow-Credentials: true.".to_string());
        }
        out.push(Check {
            label: "The preflight the browser sends",
            command: cmd,
            expect,
        });
    }
    let mut cmd = String::from("curl -i -g");
    if method != "GET" {
        cmd.push_str(&format!(" -X {}", sh_quote(&method)));
    }
    cmd.push_str(&format!(
        " {} -H {}",
        sh_quote(&url),
        sh_quote(&format!("Origin: {origin}"))
    ));
    let mut expect = vec![
        format!("Access-Control-Allow-Origin: {origin} (exactly once, on error responses too)."),
        "Vary: Origin, when the value depends on the request's origin.".to_string(),
    ];
    if catalog::kind(d.kind).credentialed {
        expect.push(
            "Access-Control-Allow-Credentials: true, and no * in Access-Control-Allow-Origin."
                .to_string(),
        );
    }
    expect.push("No Access-Control-Allow-Origin at all means the CORS layer did not run for this path or status; two lines mean two layers add it.".to_string());
    out.push(Check {
        label: "The request itself",
        command: cmd,
        expect,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{KindId, KINDS};
    use crate::facts::Facts;

    fn diagnosis(kind: KindId, facts: Facts, stage: Option<Stage>) -> Diagnosis {
        Diagnosis {
            kind,
            engine: None,
            stage,
            count: 1,
            facts,
            dropped: vec![],
            matched: crate::parse::Match::Exact,
            language: None,
            evidence: None,
        }
    }

    fn all_text(e: &Explanation) -> String {
        let mut s = format!("{}\n{}\n", e.title, e.summary);
        for part in [&e.steps, &e.fix] {
            s.push_str(&part.join("\n"));
        }
        for part in [&e.client_side, &e.avoid, &e.traps] {
            s.push_str(&part.join("\n"));
        }
        for c in &e.checks {
            s.push_str(&format!(
                "{}\n{}\n{}\n",
                c.label,
                c.command,
                c.expect.join("\n")
            ));
        }
        s
    }

    #[test]
    fn every_kind_reads_well_with_and_without_facts() {
        let full = Facts {
            request_url: Some("https://api.example.com/v1/items".into()),
            page_origin: Some("http://localhost:3000".into()),
            redirected_from: Some("http://api.example.com/v1/items".into()),
            method: Some("PUT".into()),
            header: Some("x-api-key".into()),
            status: Some(401),
            allow_origin: Some("https://other.example".into()),
            resource_kind: Some("fetch".into()),
            address_space: Some("local".into()),
        };
        for k in KINDS {
            for (facts, stage) in [
                (Facts::default(), None),
                (full.clone(), Some(Stage::Preflight)),
                (full.clone(), Some(Stage::Actual)),
            ] {
                let e = explain(&diagnosis(k.id, facts, stage));
                let text = all_text(&e);
                assert!(
                    !e.summary.is_empty() && !e.steps.is_empty() && !e.fix.is_empty(),
                    "{}",
                    k.id.id()
                );
                assert!(!e.links.is_empty(), "{}: no link", k.id.id());
                for bad in ["{", "}", "None", "Some(", "  "] {
                    let without_curl_format = text.replace("%{http_code}", "");
                    assert!(
                        !without_curl_format.contains(bad),
                        "{}: {bad:?} in\n{text}",
                        k.id.id()
                    );
                }
                if k.headers_fix {
                    assert!(!e.checks.is_empty(), "{}: no curl check", k.id.id());
                    assert!(!e.avoid.is_empty(), "{}: nothing to avoid", k.id.id());
                }
            }
        }
    }

    #[test]
    fn curl_commands_are_quoted_for_the_shell() {
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(sh_quote("$(rm -rf /)"), "'$(rm -rf /)'");
        // Even if an unvalidated value reached it, a real shell reads the quoted word back
        // unchanged: nothing is expanded or executed.
        for hostile in [
            "a'; touch /tmp/pwned; '",
            "$(id)",
            "`id`",
            "x\ny",
            "\\'",
            "'",
            "''",
        ] {
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("printf %s {}", sh_quote(hostile)))
                .output()
                .expect("sh runs");
            assert_eq!(String::from_utf8_lossy(&out.stdout), hostile);
        }
    }

    #[test]
    fn hostile_paste_values_never_reach_a_curl_command() {
        let r = crate::parse::diagnose("Access to fetch at 'https://api.example.com/x$(id)' from origin 'http://a.com;rm' has been blocked by CORS policy: Method PUT;rm is not allowed by Access-Control-Allow-Methods in preflight response.");
        let d = &r.diagnoses[0];
        let e = explain(d);
        for c in &e.checks {
            assert!(!c.command.contains(";rm"), "{}", c.command);
            assert!(
                c.command.contains("'https://api.example.com/x$(id)'"),
                "{}",
                c.command
            );
        }
    }

    #[test]
    fn preflight_check_names_the_method_and_header() {
        let facts = Facts {
            request_url: Some("https://api.example.com/v1/items".into()),
            page_origin: Some("http://localhost:5173".into()),
            method: Some("DELETE".into()),
            header: Some("authorization".into()),
            ..Facts::default()
        };
        let e = explain(&diagnosis(
            KindId::HeaderNotAllowed,
            facts,
            Some(Stage::Preflight),
        ));
        assert_eq!(
            e.checks[0].command,
            "curl -i -g -X OPTIONS 'https://api.example.com/v1/items' -H 'Origin: http://localhost:5173' -H 'Access-Control-Request-Method: DELETE' -H 'Access-Control-Request-Headers: authorization'"
        );
        assert_eq!(e.checks[1].command, "curl -i -g -X 'DELETE' 'https://api.example.com/v1/items' -H 'Origin: http://localhost:5173'");
        assert!(e
            .steps
            .iter()
            .any(|s| s.contains("uses the method DELETE and sends the header authorization")));
    }
}
