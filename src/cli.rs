//! The command-line front end (`cors-doctor`), over the same core as the web page.
//!
//! Exit codes are part of the interface: 0 when something was recognised (or a config was
//! printed), 1 when nothing was recognised, 2 on a usage error (clap's own code) or bad input.

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::cards;
use crate::catalog;
use crate::explain;
use crate::facts::printable;
use crate::generate::{self, Policy, PolicySpec};
use crate::parse::{self, Diagnosis, Report};

/// Paste a browser CORS error, get the cause, the fix and a server config.
#[derive(Parser, Debug)]
#[command(name = "cors-doctor", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Explain the CORS errors in FILE (or standard input).
    Explain {
        /// A file holding the pasted console text; standard input when absent or "-".
        file: Option<PathBuf>,
        /// Print JSON for programs instead of text for people.
        #[arg(long)]
        json: bool,
    },
    /// Print a server configuration that fixes the error.
    Config {
        /// The target framework or platform (see `cors-doctor frameworks`).
        #[arg(long)]
        framework: String,
        /// An allowed origin (repeatable), e.g. http://localhost:3000.
        #[arg(long = "origin")]
        origins: Vec<String>,
        /// An origin pattern allowing every subdomain, e.g. https://*.example.com (repeatable).
        #[arg(long = "pattern")]
        patterns: Vec<String>,
        /// An allowed method (repeatable).
        #[arg(long = "method")]
        methods: Vec<String>,
        /// An allowed request header (repeatable).
        #[arg(long = "header")]
        headers: Vec<String>,
        /// A response header the page may read (repeatable).
        #[arg(long = "expose")]
        expose: Vec<String>,
        /// Allow credentials (cookies, HTTP auth).
        #[arg(long)]
        credentials: bool,
        /// Preflight cache lifetime in seconds.
        #[arg(long)]
        max_age: Option<u32>,
        /// Pre-fill the policy from a pasted error in this file ("-" for standard input).
        #[arg(long)]
        from: Option<PathBuf>,
    },
    /// Probe a live URL as a browser would (preflight, then the request) and check the answers
    /// against the Fetch standard. Exit codes: 0 the page can read it, 1 a CORS failure (or an
    /// audit finding), 2 usage error, 3 the server could not be reached.
    Check {
        /// The URL the page requests (http:// or https://).
        url: String,
        /// The page's origin, e.g. http://localhost:3000.
        #[arg(long)]
        origin: String,
        /// The method the page uses (default GET).
        #[arg(long)]
        method: Option<String>,
        /// A header the page sets, 'Name: value' (repeatable).
        #[arg(long = "header")]
        headers: Vec<String>,
        /// The page sends credentials (cookies, HTTP auth).
        #[arg(long)]
        credentials: bool,
        /// Also send hostile origins and report every one the server accepts.
        #[arg(long)]
        audit: bool,
        /// Print JSON for programs.
        #[arg(long)]
        json: bool,
    },
    /// List the framework ids with their names.
    Frameworks {
        /// Print JSON (id, label, file, patterns supported, verification result).
        #[arg(long)]
        json: bool,
    },
}

/// Runs the CLI with the process's arguments and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
            } else {
                // Clap quotes the offending argument: escape what could drive the terminal.
                let text = e.render().to_string();
                let safe: String = text.lines().map(|l| printable_line(l) + "\n").collect();
                let _ = std::io::stderr().write_all(safe.as_bytes());
            }
            return e.exit_code();
        }
    };
    match run(cli.command) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("cors-doctor: {}", printable_line(&msg));
            2
        }
    }
}

/// One line of a message for the terminal, its control and bidi characters escaped.
fn printable_line(line: &str) -> String {
    if line.chars().count() <= 200 {
        printable(line)
    } else {
        // printable() shortens; a long usage line is not the user's input, keep it whole.
        line.chars()
            .map(|c| printable(c.encode_utf8(&mut [0; 4])))
            .collect()
    }
}

/// Writes to standard output; a closed pipe (`| head`) ends the output quietly, never a panic.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Reads the paste from a file or standard input: at most [`parse::MAX_INPUT_BYTES`] (and one
/// byte more, so the parser knows to say it stopped there), the same limit as the page's.
fn read_input(file: Option<&PathBuf>) -> Result<String, String> {
    // A HAR file may be larger than a paste (the parser reads 8 MB of anything else).
    let limit = crate::har::MAX_HAR_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    match file {
        Some(path) if path.as_os_str() != "-" => {
            let shown = printable(&path.display().to_string());
            std::fs::File::open(path)
                .and_then(|f| f.take(limit).read_to_end(&mut bytes))
                .map_err(|e| format!("cannot read {shown}: {e}"))?;
        }
        _ => {
            std::io::stdin()
                .take(limit)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn run(command: Command) -> Result<i32, String> {
    match command {
        Command::Explain { file, json } => {
            let report = parse::diagnose(&read_input(file.as_ref())?);
            if json {
                emit(&(to_json(&report) + "\n"));
            } else {
                emit(&human(&report));
            }
            Ok(
                if report.diagnoses.is_empty() && report.evidence.is_empty() {
                    1
                } else {
                    0
                },
            )
        }
        Command::Config {
            framework,
            origins,
            patterns,
            methods,
            headers,
            expose,
            credentials,
            max_age,
            from,
        } => {
            let target = generate::framework(&framework).ok_or_else(|| {
                let ids: Vec<&str> = generate::FRAMEWORKS.iter().map(|f| f.id).collect();
                format!(
                    "unknown framework {framework:?}; choose one of: {}",
                    ids.join(", ")
                )
            })?;
            let mut policy_from_paste = None;
            let mut paste_notes = Vec::new();
            if let Some(path) = &from {
                let report = parse::diagnose(&read_input(Some(path))?);
                let d = report
                    .diagnoses
                    .first()
                    .ok_or("--from: no CORS error recognised in that paste")?;
                let (policy, notes) = Policy::from_diagnosis_with_notes(d);
                // Only what the options do not override: a given --origin replaces the origin.
                paste_notes = notes
                    .into_iter()
                    .filter(|n| !n.contains("origin") || origins.is_empty())
                    .collect();
                policy_from_paste = Some(policy);
            }
            let base = policy_from_paste.as_ref();
            let pick = |given: Vec<String>, from: Option<&[String]>| -> Vec<String> {
                if given.is_empty() {
                    from.map(<[String]>::to_vec).unwrap_or_default()
                } else {
                    given
                }
            };
            let policy = PolicySpec {
                origins: &pick(origins, base.map(Policy::origins)),
                methods: &pick(methods, base.map(Policy::methods)),
                headers: &pick(headers, base.map(Policy::headers)),
                expose: &pick(expose, base.map(Policy::expose)),
                credentials: credentials || base.is_some_and(Policy::credentials),
                max_age: max_age.or(base.and_then(Policy::max_age)),
                patterns: &patterns,
            }
            .validate()
            .map_err(|e| e.to_string())?;
            if !target.patterns && !policy.patterns().is_empty() {
                eprintln!(
                    "cors-doctor: {} cannot match origin patterns; only the exact origins are in this config",
                    target.label
                );
            }
            for note in paste_notes.iter().chain(&target.unsupported(&policy)) {
                eprintln!("cors-doctor: note: {note}");
            }
            eprintln!(
                "cors-doctor: {} -> {} ({})",
                target.label, target.file, target.placement
            );
            emit(&target.try_render(&policy).map_err(|e| e.to_string())?);
            Ok(0)
        }
        Command::Check {
            url,
            origin,
            method,
            headers,
            credentials,
            audit,
            json,
        } => {
            let options = crate::probe::Options::new(
                &url,
                &origin,
                method.as_deref(),
                &headers,
                credentials,
                audit,
            )?;
            let probe = match crate::probe::run(&options) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("cors-doctor: {}", printable_line(&e));
                    return Ok(3);
                }
            };
            if json {
                emit(&(serde_json::to_string(&probe).map_err(|e| e.to_string())? + "\n"));
            } else {
                let mut out = String::new();
                match probe.kind {
                    Some(k) => out.push_str(&format!(
                        "FAIL {} [{k}]\n",
                        catalog::kind(
                            catalog::KindId::from_id(k).unwrap_or(catalog::KindId::CorsOther)
                        )
                        .title
                    )),
                    None => out.push_str("PASS: a page on that origin can read the response.\n"),
                }
                steps_text(&mut out, &probe.verdict);
                for f in &probe.audit {
                    out.push_str(&format!("AUDIT {}: {}\n", f.origin, f.problem));
                }
                if probe.kind.is_some() {
                    out.push_str(&format!(
                        "Fix: cors-doctor config --framework <yours> --origin {}{}{}\n",
                        options.origin,
                        if options.method == "GET" {
                            String::new()
                        } else {
                            format!(" --method {}", options.method)
                        },
                        if options.credentials {
                            " --credentials"
                        } else {
                            ""
                        }
                    ));
                }
                emit(&out);
            }
            Ok(if probe.kind.is_none() && probe.audit.is_empty() {
                0
            } else {
                1
            })
        }
        Command::Frameworks { json } => {
            if json {
                let list: Vec<serde_json::Value> = generate::FRAMEWORKS
                    .iter()
                    .map(|f| {
                        serde_json::json!({
                            "id": f.id,
                            "label": f.label,
                            "file": f.file,
                            "patterns": f.patterns,
                            "verified": generate::verified(f.id).map(|(server, passed)| serde_json::json!({"server": server, "passed": passed})),
                        })
                    })
                    .collect();
                emit(&(serde_json::Value::Array(list).to_string() + "\n"));
            } else {
                let lines: String = generate::FRAMEWORKS
                    .iter()
                    .map(|f| format!("{:<20} {}\n", f.id, f.label))
                    .collect();
                emit(&lines);
            }
            Ok(0)
        }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    diagnoses: &'a [Diagnosis],
    unrecognized: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [parse::Checked],
}

/// The `--json` output: `{"diagnoses":[...],"unrecognized":[...]}`.
pub fn to_json(report: &Report) -> String {
    serde_json::to_string(&JsonReport {
        diagnoses: &report.diagnoses,
        unrecognized: &report.unrecognized,
        evidence: &report.evidence,
    })
    .expect("the report holds only strings, numbers and options")
}

fn section<'a>(out: &mut String, title: &str, items: impl Iterator<Item = &'a str>) {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return;
    }
    out.push_str(&format!("   {title}:\n"));
    for item in items {
        out.push_str(&format!("    - {item}\n"));
    }
}

/// The checker's steps for people: one line each, the failing one marked.
fn steps_text(out: &mut String, v: &crate::check::Verdict) {
    out.push_str("   What the headers show (Fetch standard):\n");
    for s in &v.steps {
        out.push_str(&format!(
            "    {} {} [https://fetch.spec.whatwg.org/#{}]\n",
            if s.pass { "ok  " } else { "FAIL" },
            s.what,
            s.spec
        ));
    }
    for e in &v.engines {
        out.push_str(&format!("    note: {e}\n"));
    }
    if !v.shown.is_empty() {
        out.push_str("   The failing answer (>> the header at fault):\n");
        for (line, bad) in &v.shown {
            out.push_str(&format!("    {} {line}\n", if *bad { ">>" } else { "  " }));
        }
    }
}

/// How many cards the text output shows in full; the others get one line each.
pub const MAX_FULL_CARDS: usize = 20;

/// The text output for people: one card per distinct problem (see [`cards`]).
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    if let Some(p) = &report.problem {
        out.push_str(&format!("note: {p}\n"));
    }
    if report.diagnoses.is_empty()
        && report.evidence.is_empty()
        && report.problem != Some(parse::InputProblem::Empty)
    {
        out.push_str("No CORS error recognised. Paste the whole red line from the browser console (it usually starts with \"Access to fetch at\", \"Cross-Origin Request Blocked\" or \"Origin ... is not allowed\").\n");
    }
    let cards = cards::cards(report);
    for (i, card) in cards.iter().enumerate() {
        let d = &report.diagnoses[card.first];
        out.push_str(&format!(
            "{}. {} [{}]",
            i + 1,
            catalog::kind(d.kind).title,
            d.kind.id()
        ));
        if let Some(e) = d.printed_by() {
            out.push_str(&format!(" ({e})"));
        }
        if card.requests > 1 {
            out.push_str(&format!(" x{}", card.requests));
        }
        match d.matched {
            parse::Match::Close => out.push_str(" (close match: not a browser's exact wording)"),
            parse::Match::Evidence => out.push_str(" (from the pasted headers)"),
            parse::Match::Exact => {}
        }
        if i >= MAX_FULL_CARDS {
            // Past the first cards, one line each keeps the output in proportion to the paste.
            let url = card.urls.first().map_or("", String::as_str);
            out.push_str(&format!(" {url}\n"));
            continue;
        }
        out.push('\n');
        for (label, value) in card.fact_rows(d) {
            let label = label.to_ascii_lowercase().replace("url", "URL");
            out.push_str(&format!("   {label:<18} {value}\n"));
        }
        for dropped in &d.dropped {
            out.push_str(&format!(
                "   (ignored an invalid {}: {:?})\n",
                dropped.fact.name(),
                dropped.value
            ));
        }
        let e = explain::explain(d);
        out.push_str(&format!("   {}\n", e.summary));
        if let Some(v) = &d.evidence {
            steps_text(&mut out, v);
        }
        section(
            &mut out,
            "What happened",
            e.steps.iter().map(String::as_str),
        );
        section(&mut out, "Fix", e.fix.iter().map(String::as_str));
        section(&mut out, "Or, on the client", e.client_side.iter().copied());
        section(&mut out, "Don't", e.avoid.iter().copied());
        section(&mut out, "Watch out for", e.traps.iter().copied());
        for c in &e.checks {
            out.push_str(&format!("   Check - {}:\n      {}\n", c.label, c.command));
            for x in &c.expect {
                out.push_str(&format!("      expect: {x}\n"));
            }
        }
        for (label, url) in &e.links {
            out.push_str(&format!("   {label}: {url}\n"));
        }
    }
    let passing: Vec<_> = report
        .evidence
        .iter()
        .filter(|c| c.kind.is_none())
        .collect();
    for c in passing.iter().take(crate::cards::MAX_PASSING_SHOWN) {
        out.push_str(&format!(
            "The pasted headers pass every CORS step{}:\n",
            c.facts
                .request_url
                .as_deref()
                .map_or(String::new(), |u| format!(" for {u}"))
        ));
        steps_text(&mut out, &c.verdict);
    }
    if let Some(more) = passing
        .len()
        .checked_sub(crate::cards::MAX_PASSING_SHOWN)
        .filter(|n| *n > 0)
    {
        out.push_str(&format!(
            "... and {more} more requests whose headers pass every CORS step.\n"
        ));
    }
    if !report.unrecognized.is_empty() {
        out.push_str("Lines that look like errors but were not recognised:\n");
        for line in &report.unrecognized {
            out.push_str(&format!("   {line}\n"));
        }
    }
    out
}
