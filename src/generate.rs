//! Policy -> server configuration text, one template per framework.
//!
//! Each target's template is a real file in that target's own syntax (`generate/templates/`),
//! pulled in with `include_str!` and filled by a small placeholder language (see [`render`]).
//! All logic (validation, quoting, list formatting, credentials) lives here in Rust. A
//! [`Policy`] can only be built through [`PolicySpec::validate`], which validates every value against a
//! deliberately narrow alphabet, so no template ever sees a character that could end a string,
//! start a comment or inject a directive in any of the target syntaxes.

mod render;
mod targets;

pub use render::{render, TemplateError};
pub use targets::FRAMEWORKS;

use crate::facts::{printable, serialize_origin, OriginError};
use crate::parse::Diagnosis;
use crate::psl::Verdict;

/// What the server should allow. Built by [`PolicySpec::validate`]; every field is validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    origins: Vec<String>,
    patterns: Vec<String>,
    methods: Vec<String>,
    headers: Vec<String>,
    expose: Vec<String>,
    credentials: bool,
    max_age: Option<u32>,
}

/// A policy value that cannot be used, with a message that says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyError {
    /// Not an origin a browser sends (`http(s)://host[:port]`), and why.
    Origin(String, OriginError),
    /// Not an HTTP method made of letters.
    Method(String),
    /// Not a header name made of letters, digits, `-` and `_`.
    Header(String),
    /// The allowlist is empty.
    NoOrigin,
    /// `null` or `*` was given as an origin.
    UnsafeOrigin(String),
    /// Not an origin pattern (`https://*.example.com`).
    Pattern(String),
    /// A pattern whose fixed part is a public suffix (`*.com`, `*.co.uk`, `*.github.io`): it
    /// would allow every site registered under it.
    PublicSuffix(String, String),
    /// The page has not loaded the Public Suffix List yet, so a pattern cannot be checked.
    SuffixListPending,
    /// Max-age above a day (browsers cap it at 2 hours (Chromium) or 24 hours (Firefox)).
    MaxAge(u32),
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Every value is the user's own input: shown with control and bidi characters escaped.
        match self {
            PolicyError::Origin(o, why) => write!(f, "\"{}\" is not an origin a browser sends: {why}", printable(o)),
            PolicyError::Method(m) => write!(f, "\"{}\" is not an HTTP method: use one word of letters, such as PUT", printable(m)),
            PolicyError::Header(h) => write!(f, "\"{}\" is not a header name: use letters, digits and dashes, such as X-Api-Key", printable(h)),
            PolicyError::NoOrigin => write!(f, "add at least one allowed origin, such as http://localhost:3000"),
            PolicyError::UnsafeOrigin(o) => write!(f, "\"{}\" cannot be allowed safely: list the exact origins of your pages instead", printable(o)),
            PolicyError::Pattern(p) => write!(f, "\"{}\" is not an origin pattern: write http(s)://*.domain[:port], such as https://*.example.com", printable(p)),
            PolicyError::PublicSuffix(p, suffix) => write!(f, "\"{}\" would allow every site under the public suffix \"{suffix}\" (anyone can register one): name your own domain, such as https://*.example.com", printable(p)),
            PolicyError::SuffixListPending => write!(f, "checking the pattern against the Public Suffix List…"),
            PolicyError::MaxAge(n) => write!(f, "max-age {n} is too long: browsers cap it (Chromium at 7200 s), use at most 86400"),
        }
    }
}

impl std::error::Error for PolicyError {}

pub use crate::check::SAFELISTED_METHODS;

fn is_method(s: &str) -> bool {
    !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_header_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An origin as a config may allow it: a serialized http(s) origin, never `null` or a
/// wildcard. The one check, used for every origin a config gets.
pub fn config_origin(origin: &str) -> Result<String, PolicyError> {
    let origin = origin.trim();
    if origin == "null" || origin.contains('*') {
        return Err(PolicyError::UnsafeOrigin(origin.to_string()));
    }
    let valid = serialize_origin(origin, true)
        .map_err(|why| PolicyError::Origin(origin.to_string(), why))?;
    // The serializer admits only these bytes; checked again because every template relies on
    // it.
    if !valid
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b".-:/[]".contains(&b))
    {
        return Err(PolicyError::Origin(origin.to_string(), OriginError::Host));
    }
    Ok(valid)
}

/// The origin a config allows when the paste names none it can use (a common dev server's).
pub const FALLBACK_ORIGIN: &str = "http://localhost:3000";

/// What a policy is made from, each value as the user or the paste gave it; [`PolicySpec::validate`]
/// checks and normalizes them all into a [`Policy`]. Fields left out are empty (no patterns, no
/// exposed headers, no credentials, no max-age).
#[derive(Clone, Copy, Debug, Default)]
pub struct PolicySpec<'a> {
    /// Allowed origins (at least one).
    pub origins: &'a [String],
    /// Origin patterns: `scheme://*.domain[:port]` allows every subdomain (one or more labels)
    /// of `domain` on that scheme and port, and nothing else. Targets that cannot match
    /// patterns leave them out (see [`Framework::patterns`]).
    pub patterns: &'a [String],
    /// Methods beyond GET, HEAD and POST.
    pub methods: &'a [String],
    /// Request headers the page may send.
    pub headers: &'a [String],
    /// Response headers the page may read.
    pub expose: &'a [String],
    /// Whether credentials are allowed.
    pub credentials: bool,
    /// How long a preflight may be cached, in seconds.
    pub max_age: Option<u32>,
}

impl PolicySpec<'_> {
    /// The one check of a policy: validates and normalizes every value. Duplicates are
    /// removed; origins are lower-cased; methods are upper-cased (the CORS method check is
    /// case-sensitive); header names are kept as written. GET, HEAD and POST are always
    /// included; no headers means Content-Type.
    pub fn validate(&self) -> Result<Policy, PolicyError> {
        let PolicySpec {
            origins,
            patterns,
            methods,
            headers,
            expose,
            credentials,
            max_age,
        } = *self;
        let mut o = Vec::new();
        for origin in origins {
            let valid = config_origin(origin)?;
            push_unique(&mut o, valid);
        }
        if o.is_empty() {
            return Err(PolicyError::NoOrigin);
        }
        // The safelisted methods are always allowed: some middleware (rack-cors, gin) only
        // adds CORS headers to requests whose method is listed.
        let mut m: Vec<String> = SAFELISTED_METHODS.iter().map(|s| s.to_string()).collect();
        for method in methods {
            let v = method.trim();
            if !is_method(v) {
                return Err(PolicyError::Method(method.clone()));
            }
            push_unique(&mut m, v.to_ascii_uppercase());
        }
        let names = |list: &[String]| -> Result<Vec<String>, PolicyError> {
            let mut out: Vec<String> = Vec::new();
            for h in list {
                let v = h.trim();
                if !is_header_name(v) {
                    return Err(PolicyError::Header(h.clone()));
                }
                if !out.iter().any(|x| x.eq_ignore_ascii_case(v)) {
                    out.push(v.to_string());
                }
            }
            Ok(out)
        };
        let mut headers = names(headers)?;
        if headers.is_empty() {
            headers.push("Content-Type".to_string());
        }
        if let Some(age) = max_age.filter(|&a| a > 86_400) {
            return Err(PolicyError::MaxAge(age));
        }
        let mut p = Vec::new();
        for pattern in patterns {
            push_unique(&mut p, validate_pattern(pattern)?);
        }
        Ok(Policy {
            origins: o,
            patterns: p,
            methods: m,
            headers,
            expose: names(expose)?,
            credentials,
            max_age,
        })
    }
}

impl Policy {
    /// [`Policy::from_diagnosis`], and a sentence for every fact of the diagnosis the policy
    /// could not use (and what it used instead), to show next to the config.
    pub fn from_diagnosis_with_notes(d: &Diagnosis) -> (Policy, Vec<String>) {
        let policy = Policy::from_diagnosis(d);
        let mut notes = Vec::new();
        match d.facts.page_origin.as_deref() {
            None => notes.push("The error names no page origin: the config allows http://localhost:3000; put your page's origin there.".to_string()),
            Some("null") => notes.push("The page origin is null (a sandboxed iframe, a file: page or a redirect across origins): allowing null would let any such page in, so the config allows http://localhost:3000; serve the page from an http(s) origin and put that there.".to_string()),
            Some(o) if !policy.origins.iter().any(|x| x == o) => notes.push(format!("The page origin {} cannot be written into a config (only http and https origins can be allowed): the config allows http://localhost:3000 instead.", printable(o))),
            Some(_) => {}
        }
        if let Some(m) = d.facts.method.as_deref() {
            if !policy.methods.iter().any(|x| x == m) {
                notes.push(format!("The method {} is not a plain method name, so it is not in the config; add it by hand if the server must allow it.", printable(m)));
            }
        }
        if let Some(h) = d.facts.header.as_deref() {
            if !policy.headers.iter().any(|x| x.eq_ignore_ascii_case(h)) {
                notes.push(format!("The header {} cannot be written into a config (only letters, digits, - and _), so it is not in it; check its name.", printable(h)));
            }
        }
        (policy, notes)
    }

    /// The policy a diagnosis implies: its page origin, its method and header, credentials
    /// when the kind is about credentials. Falls back to `http://localhost:3000` when the
    /// paste named no usable origin; values that do not fit a config are left out.
    pub fn from_diagnosis(d: &Diagnosis) -> Policy {
        let origin = d
            .facts
            .page_origin
            .clone()
            .filter(|o| config_origin(o).is_ok())
            .unwrap_or_else(|| FALLBACK_ORIGIN.to_string());
        let mut methods: Vec<String> = SAFELISTED_METHODS.iter().map(|s| s.to_string()).collect();
        if let Some(m) = d.facts.method.as_deref().filter(|m| is_method(m)) {
            methods.push(m.to_string());
        }
        let mut headers = vec!["Content-Type".to_string()];
        if let Some(h) = d.facts.header.as_deref().filter(|h| is_header_name(h)) {
            headers.push(canonical_header(h));
        }
        let credentials = crate::catalog::kind(d.kind).credentialed;
        // Every value was checked with the same rules just above, so this cannot fail; the
        // fallback avoids a panic path (and the Debug formatting it would add to the bundle).
        PolicySpec {
            origins: &[origin],
            methods: &methods,
            headers: &headers,
            credentials,
            max_age: Some(600),
            ..PolicySpec::default()
        }
        .validate()
        .unwrap_or_else(|_| Policy {
            origins: vec![FALLBACK_ORIGIN.to_string()],
            patterns: Vec::new(),
            methods: SAFELISTED_METHODS.iter().map(|s| s.to_string()).collect(),
            headers: vec!["Content-Type".to_string()],
            expose: Vec::new(),
            credentials,
            max_age: Some(600),
        })
    }

    /// The origin patterns (`https://*.example.com`), lower-case.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }
    /// The allowed origins, exact, lower-case.
    pub fn origins(&self) -> &[String] {
        &self.origins
    }
    /// The allowed methods, upper-case.
    pub fn methods(&self) -> &[String] {
        &self.methods
    }
    /// The allowed request headers.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }
    /// The response headers exposed to the page.
    pub fn expose(&self) -> &[String] {
        &self.expose
    }
    /// Whether credentialed requests are allowed.
    pub fn credentials(&self) -> bool {
        self.credentials
    }
    /// The preflight cache lifetime in seconds.
    pub fn max_age(&self) -> Option<u32> {
        self.max_age
    }
}

/// Checks one origin pattern and returns it normalized (`https://*.example.com[:port]`, the
/// fixed part serialized as a browser serializes an origin).
///
/// The fixed part must be a domain someone owns: not an IP address, not a public suffix (the
/// Public Suffix List: `com`, `co.uk`, `github.io`, `vercel.app` ...; an unknown top-level name
/// like `x` counts as one too), since `*.com` would allow every site registered under it. The one
/// exception is `localhost`: every `*.localhost` name is the user's own machine (RFC 6761).
pub fn validate_pattern(pattern: &str) -> Result<String, PolicyError> {
    let bad = || PolicyError::Pattern(pattern.to_string());
    let trimmed = pattern.trim();
    let (scheme, rest) = trimmed.split_once("://*.").ok_or_else(bad)?;
    if rest.contains('*') {
        return Err(bad());
    }
    let fixed = serialize_origin(&format!("{scheme}://{rest}"), true).map_err(|_| bad())?;
    let (scheme, host_port) = fixed.split_once("://").ok_or_else(bad)?;
    let host = match host_port.rsplit_once(':') {
        Some((h, p)) if !p.contains(']') => h,
        _ => host_port,
    };
    let is_ip = host.starts_with('[') || host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if is_ip {
        return Err(bad());
    }
    if host != "localhost" {
        match crate::psl::check(host) {
            Verdict::Owned => {}
            Verdict::PublicSuffix(suffix) => {
                return Err(PolicyError::PublicSuffix(pattern.to_string(), suffix))
            }
            Verdict::Pending => return Err(PolicyError::SuffixListPending),
        }
    }
    Ok(format!("{scheme}://*.{host_port}"))
}

fn push_unique(list: &mut Vec<String>, v: String) {
    if !list.contains(&v) {
        list.push(v);
    }
}

/// `x-api-key` -> `X-Api-Key`, for readable configs (header names are case-insensitive).
pub fn canonical_header(h: &str) -> String {
    h.split('-')
        .map(|part| {
            let mut c = part.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// How a target's language writes strings and booleans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// JavaScript / TypeScript / PHP / Ruby: single-quoted strings, `true`.
    SingleQuoted,
    /// JSON, YAML flow lists, Go, Java, C#, Rust, Caddyfile: double-quoted strings, `true`.
    DoubleQuoted,
    /// Python: double-quoted strings, `True`.
    Python,
}

/// Who sends `Vary: Origin` for this target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vary {
    /// The generated config itself sends it (a test checks the text).
    Config,
    /// The middleware sends it whenever it echoes an origin.
    Library,
    /// A static header platform: the snippet sends it, but cannot vary the origin.
    Static,
}

/// One target a config can be generated for.
#[derive(Debug)]
pub struct Framework {
    /// Stable id (`--framework ID`).
    pub id: &'static str,
    /// Human name.
    pub label: &'static str,
    /// The file the snippet goes into.
    pub file: &'static str,
    /// Where in the file / middleware order it goes, and why.
    pub placement: &'static str,
    /// How the template writes strings and booleans.
    pub syntax: Syntax,
    /// The template text (see [`render`]); in the page, empty: read [`Framework::template`].
    pub template: &'static str,
    /// The page's file with this template (`t/express.js`, written by scripts/post-build.py),
    /// loaded when the target is shown: a visit loads the one template it shows, not all.
    pub script: &'static str,
    /// Who sends `Vary: Origin`.
    pub vary: Vary,
    /// Whether the target can match origin patterns; if not, patterns are left out.
    pub patterns: bool,
    /// Pitfalls worth knowing for this target.
    pub notes: &'static [&'static str],
    /// Words the picker's search also matches (language, runtime, product names).
    pub keywords: &'static str,
    /// The list formats only this target's template uses (`METHODS_ROCKET` ...), beside its
    /// entry in `targets.rs`; the shared ones are `render`'s.
    pub lists: &'static [OwnList],
}

/// A list format a target's template names: its placeholder and what it gives.
pub type OwnList = (&'static str, fn(&Policy) -> Vec<String>);

impl Framework {
    /// True for development proxies: they make the request same-origin, so no CORS header
    /// lists anything.
    pub fn is_dev_proxy(&self) -> bool {
        self.id.ends_with("-proxy") || self.id == "webpack-dev-server"
    }

    /// What of `policy` this target's config cannot carry, one sentence each (a method its
    /// CORS settings cannot name, a header it cannot list), to show next to the config.
    pub fn unsupported(&self, policy: &Policy) -> Vec<String> {
        let extra_methods: Vec<&String> = policy
            .methods
            .iter()
            .filter(|m| !SAFELISTED_METHODS.contains(&m.as_str()))
            .collect();
        if self.is_dev_proxy() {
            let names: Vec<&str> = extra_methods
                .iter()
                .map(|m| m.as_str())
                .chain(policy.headers.iter().map(String::as_str))
                .collect();
            return vec![format!(
                "{} makes the request same-origin, so no CORS header needs to list {}.",
                self.label,
                names.join(", ")
            )];
        }
        let text = self.render(policy).to_ascii_lowercase();
        let mut out = Vec::new();
        for m in extra_methods {
            if !text.contains(&m.to_ascii_lowercase()) {
                out.push(match self.id {
                    "aws-s3" => format!("S3's AllowedMethods accepts only GET, PUT, POST, DELETE and HEAD: {m} cannot be allowed on a bucket."),
                    "rocket" => format!("rocket_cors names methods by rocket::http::Method, which has no {m}: allow it in the layer in front."),
                    _ => format!("{} cannot list the method {m}: allow it in the layer in front.", self.label),
                });
            }
        }
        for h in policy.headers.iter().chain(&policy.expose) {
            if !text.contains(&h.to_ascii_lowercase()) {
                out.push(format!(
                    "{} cannot list the header {h}: allow it in the layer in front.",
                    self.label
                ));
            }
        }
        out
    }

    /// The template text: compiled in natively; in the page, once [`install_template`] has it.
    pub fn template(&self) -> Option<&'static str> {
        if !self.template.is_empty() {
            return Some(self.template);
        }
        let loaded = LOADED_TEMPLATES.lock().ok()?;
        loaded
            .iter()
            .find(|(id, _)| *id == self.id)
            .map(|(_, t)| *t)
    }

    /// The config text for `policy`, or the template's error.
    pub fn try_render(&self, policy: &Policy) -> Result<String, TemplateError> {
        let template = self.template().ok_or(TemplateError::NotLoaded)?;
        if self.patterns || policy.patterns.is_empty() {
            render(template, self.syntax, self.lists, policy)
        } else {
            let mut exact = policy.clone();
            exact.patterns.clear();
            render(template, self.syntax, self.lists, &exact)
        }
    }

    /// The config text for `policy`; a template error becomes its message (never a panic).
    pub fn render(&self, policy: &Policy) -> String {
        self.try_render(policy).unwrap_or_else(|e| e.to_string())
    }
}

/// What the verification matrix last measured for a target: (server and version, scenarios
/// passed per engine as "Chromium n/m, Firefox n/m, WebKit n/m"). Written by
/// tests/verify/verify.mjs.
pub fn verified(id: &str) -> Option<(&'static str, &'static str)> {
    include_str!("generate/verified.tsv")
        .lines()
        .find_map(|line| {
            let mut cols = line.split('\t');
            (cols.next() == Some(id))
                .then(|| (cols.next().unwrap_or(""), cols.next().unwrap_or("")))
        })
}

/// Looks a target up by id.
pub fn framework(id: &str) -> Option<&'static Framework> {
    FRAMEWORKS.iter().find(|f| f.id == id)
}

/// Templates the page has loaded: (target id, text).
static LOADED_TEMPLATES: std::sync::Mutex<Vec<(&'static str, &'static str)>> =
    std::sync::Mutex::new(Vec::new());

/// Installs a target's template from its page file's text (`ID`, a newline, the template).
/// Text for no known target, or a second copy, is ignored.
pub fn install_template(text: &str) {
    let Some((id, template)) = text.split_once('\n') else {
        return;
    };
    let (Some(f), Ok(mut loaded)) = (framework(id), LOADED_TEMPLATES.lock()) else {
        return;
    };
    if !loaded.iter().any(|(id, _)| *id == f.id) {
        loaded.push((f.id, Box::leak(template.to_string().into_boxed_str())));
    }
}

#[cfg(test)]
mod tests;
