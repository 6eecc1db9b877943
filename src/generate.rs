//! Policy -> server configuration text, one template per framework.
//!
//! Each target's template is a real file in that target's own syntax (`generate/templates/`),
//! pulled in with `include_str!` and filled by a small placeholder language (see [`render`]).
//! All logic (validation, quoting, list formatting, credentials) lives here in Rust. A
//! [`Policy`] can only be built through [`Policy::new`], which validates every value against a
//! deliberately narrow alphabet, so no template ever sees a character that could end a string,
//! start a comment or inject a directive in any of the target syntaxes.

mod targets;

pub use targets::FRAMEWORKS;

use crate::facts::{printable, serialize_origin, OriginError};
use crate::parse::Diagnosis;
use crate::psl::Verdict;

/// What the server should allow. Construct with [`Policy::new`]; every field is validated.
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

impl Policy {
    /// Validates and normalizes every value. Duplicates are removed; origins are lower-cased;
    /// methods are upper-cased (the CORS method check is case-sensitive); header names are
    /// kept as written. GET, HEAD and POST are always included; no headers means Content-Type.
    pub fn new(
        origins: &[String],
        methods: &[String],
        headers: &[String],
        expose: &[String],
        credentials: bool,
        max_age: Option<u32>,
    ) -> Result<Policy, PolicyError> {
        let mut o = Vec::new();
        for origin in origins {
            let origin = origin.trim();
            if origin == "null" || origin.contains('*') {
                return Err(PolicyError::UnsafeOrigin(origin.to_string()));
            }
            let valid = serialize_origin(origin, true)
                .map_err(|why| PolicyError::Origin(origin.to_string(), why))?;
            // The serializer admits only these bytes; checked again because every template
            // relies on it.
            if !valid
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:/[]".contains(&b))
            {
                return Err(PolicyError::Origin(origin.to_string(), OriginError::Host));
            }
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
        Ok(Policy {
            origins: o,
            patterns: Vec::new(),
            methods: m,
            headers,
            expose: names(expose)?,
            credentials,
            max_age,
        })
    }

    /// Adds origin patterns: `scheme://*.domain[:port]` allows every subdomain (one or more
    /// labels) of `domain` on that scheme and port, and nothing else. Targets that cannot match
    /// patterns ignore them (see [`Framework::patterns`]).
    pub fn with_patterns(mut self, patterns: &[String]) -> Result<Policy, PolicyError> {
        for pattern in patterns {
            push_unique(&mut self.patterns, validate_pattern(pattern)?);
        }
        Ok(self)
    }

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
            .filter(|o| Policy::new(std::slice::from_ref(o), &[], &[], &[], false, None).is_ok())
            .unwrap_or_else(|| "http://localhost:3000".to_string());
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
        Policy::new(&[origin], &methods, &headers, &[], credentials, Some(600)).unwrap_or_else(
            |_| Policy {
                origins: vec!["http://localhost:3000".to_string()],
                patterns: Vec::new(),
                methods: SAFELISTED_METHODS.iter().map(|s| s.to_string()).collect(),
                headers: vec!["Content-Type".to_string()],
                expose: Vec::new(),
                credentials,
                max_age: Some(600),
            },
        )
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
}

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
            render(template, self.syntax, policy)
        } else {
            let mut exact = policy.clone();
            exact.patterns.clear();
            render(template, self.syntax, &exact)
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

fn quote(syntax: Syntax, s: &str) -> String {
    // Policy values contain only [A-Za-z0-9.:/[]_-], so escaping never triggers; it is kept so
    // that the function is safe on its own.
    match syntax {
        Syntax::SingleQuoted => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Syntax::DoubleQuoted | Syntax::Python => {
            format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
        }
    }
}

/// An origin as an anchored-regex fragment: dots escaped.
fn origin_regex(origin: &str) -> String {
    origin
        .replace('.', "\\.")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// A pattern `https://*.example.com` as an unanchored regex fragment: one or more subdomain
/// labels, then the domain with its dots escaped.
fn pattern_regex(pattern: &str) -> String {
    let (scheme, rest) = pattern.split_once("://*.").unwrap_or(("https", pattern));
    format!("{scheme}://([a-z0-9-]+\\.)+{}", origin_regex(rest))
}

const STANDARD_METHODS: [&str; 9] = [
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE",
];

/// The named lists a template can format.
fn list<'a>(p: &'a Policy, name: &str) -> Option<Vec<String>> {
    let lower = |v: &'a [String]| v.iter().map(|s| s.to_ascii_lowercase()).collect();
    Some(match name {
        "ORIGINS" => p.origins.clone(),
        "ORIGINS_RE" => p.origins.iter().map(|o| origin_regex(o)).collect(),
        "PATTERNS" => p.patterns.clone(),
        // Anchors that match the whole string only, per regex engine: `$` does in Go's RE2 (no
        // multi-line flag) and in JavaScript, but matches before a final newline in Python
        // (`\Z` does not) and in PCRE (`\z` does not).
        "PATTERNS_RE" => p
            .patterns
            .iter()
            .map(|x| format!("^{}$", pattern_regex(x)))
            .collect(),
        "PATTERNS_RE_PY" => p
            .patterns
            .iter()
            .map(|x| format!("^{}\\Z", pattern_regex(x)))
            .collect(),
        "PATTERNS_RE_PCRE" => p
            .patterns
            .iter()
            .map(|x| format!("^{}\\z", pattern_regex(x)))
            .collect(),
        "PATTERNS_JS" => p
            .patterns
            .iter()
            .map(|x| format!("/^{}$/", pattern_regex(x).replace('/', "\\/")))
            .collect(),
        "PATTERNS_RUBY" => p
            .patterns
            .iter()
            .map(|x| format!("/\\A{}\\z/", pattern_regex(x).replace('/', "\\/")))
            .collect(),
        "METHODS" => p.methods.clone(),
        "METHODS_LOWER" => lower(&p.methods),
        // S3 accepts only these five in AllowedMethods.
        "METHODS_S3" => p
            .methods
            .iter()
            .filter(|m| ["GET", "PUT", "POST", "DELETE", "HEAD"].contains(&m.as_str()))
            .cloned()
            .collect(),
        // Methods the preflight must list (the safelisted ones never need it).
        "METHODS_WITH_OPTIONS" => {
            let mut m = p.methods.clone();
            push_unique(&mut m, "OPTIONS".to_string());
            m
        }
        "METHODS_RUST" => p
            .methods
            .iter()
            .map(|m| {
                if STANDARD_METHODS.contains(&m.as_str()) {
                    format!("Method::{m}")
                } else {
                    format!("Method::from_bytes(b\"{m}\").expect(\"valid method\")")
                }
            })
            .collect(),
        // rocket::http::Method has a variant for the standard methods only.
        "METHODS_ROCKET" => p
            .methods
            .iter()
            .filter(|m| STANDARD_METHODS.contains(&m.as_str()))
            .map(|m| {
                let mut c = m.chars();
                let first = c.next().map(|f| f.to_string()).unwrap_or_default();
                format!("Method::{first}{}", c.as_str().to_ascii_lowercase())
            })
            .collect(),
        "HEADERS" => p.headers.clone(),
        "HEADERS_LOWER" => lower(&p.headers),
        "EXPOSE" => p.expose.clone(),
        "EXPOSE_LOWER" => lower(&p.expose),
        // GCS uses one list for allowed request headers and exposed response headers.
        "HEADERS_AND_EXPOSE" => {
            let mut all = p.headers.clone();
            for e in &p.expose {
                if !all.iter().any(|h| h.eq_ignore_ascii_case(e)) {
                    all.push(e.clone());
                }
            }
            all
        }
        _ => return None,
    })
}

/// Every exact origin and pattern as regex alternatives.
fn origin_alternatives(p: &Policy) -> String {
    p.origins
        .iter()
        .map(|o| origin_regex(o))
        .chain(p.patterns.iter().map(|x| pattern_regex(x)))
        .collect::<Vec<_>>()
        .join("|")
}

fn scalar(p: &Policy, syntax: Syntax, name: &str) -> Option<String> {
    Some(match name {
        "CREDENTIALS" => match (syntax, p.credentials) {
            (Syntax::Python, true) => "True".into(),
            (Syntax::Python, false) => "False".into(),
            (_, c) => c.to_string(),
        },
        "MAX_AGE" => p.max_age.unwrap_or(600).to_string(),
        // Go's RE2 (Caddy): `$` is the end of the text.
        "ORIGIN_REGEX" => format!("^({})$", origin_alternatives(p)),
        // PCRE (nginx, Apache, HAProxy): `\z`, since `$` also matches before a final newline.
        "ORIGIN_REGEX_PCRE" => format!("^({})\\z", origin_alternatives(p)),
        // Python: `\Z`, for the same reason.
        "PATTERN_REGEX_PY" => format!(
            "^({})\\Z",
            p.patterns
                .iter()
                .map(|x| pattern_regex(x))
                .collect::<Vec<_>>()
                .join("|")
        ),
        "FIRST_ORIGIN" => p.origins[0].clone(),
        "ORIGIN_LIST" => p.origins.join(", "),
        _ => return None,
    })
}

fn condition(p: &Policy, name: &str) -> Option<bool> {
    let (negate, name) = match name.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, name),
    };
    let value = match name {
        "EXPOSE" => !p.expose.is_empty(),
        "CREDENTIALS" => p.credentials,
        "MAX_AGE" => p.max_age.is_some(),
        "MULTI" => p.origins.len() > 1,
        "PATTERNS" => !p.patterns.is_empty(),
        _ => return None,
    };
    Some(value != negate)
}

/// Fills a template. The placeholder language, all inside `{{ }}`:
/// - `{{NAME}}`: a scalar (`CREDENTIALS`, `MAX_AGE`, `ORIGIN_REGEX`, `FIRST_ORIGIN`, `ORIGIN_LIST`)
///   or a list quoted for the syntax and joined with `, ` (`ORIGINS`, `METHODS`, `HEADERS` ...);
/// - `{{NAME|item|sep}}`: a list with each value put into `item` at `$`, joined by `sep`
///   (`\n` in `sep` is a newline); `{{NAME|item}}` joins with `, `;
/// - `{{?COND}}` anywhere on a line keeps the line only if the condition holds (`EXPOSE`,
///   `CREDENTIALS`, `MAX_AGE`, `MULTI`, each negatable as `!COND`);
/// - lines between `{{#ORIGINS}}` and `{{/ORIGINS}}` repeat once per origin, with `{{ORIGIN}}`,
///   `{{ORIGIN_RE}}` (dots escaped), `{{ORIGIN_RE_JSON}}` (escaped for a JSON string) and `{{,}}`
///   (a comma except after the last origin).
///
/// An unknown placeholder or condition is a bug in a template: an error, never a panic (the
/// tests render every template with every policy, so it fails a test, not a user).
pub fn render(template: &str, syntax: Syntax, p: &Policy) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len() + 256);
    let mut block: Option<Vec<&str>> = None;
    for line in template.lines() {
        if line.trim() == "{{#ORIGINS}}" {
            block = Some(Vec::new());
            continue;
        }
        if line.trim() == "{{/ORIGINS}}" {
            let lines = block.take().unwrap_or_default();
            for (i, origin) in p.origins.iter().enumerate() {
                let last = i + 1 == p.origins.len();
                for l in &lines {
                    let l = l
                        .replace("{{ORIGIN}}", origin)
                        .replace("{{ORIGIN_RE}}", &origin_regex(origin))
                        .replace(
                            "{{ORIGIN_RE_JSON}}",
                            &origin_regex(origin).replace('\\', "\\\\"),
                        )
                        .replace("{{,}}", if last { "" } else { "," });
                    render_line(&l, syntax, p, &mut out)?;
                }
            }
            continue;
        }
        match block.as_mut() {
            Some(lines) => lines.push(line),
            None => render_line(line, syntax, p, &mut out)?,
        }
    }
    Ok(out)
}

/// Why a config could not be rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// The template names a placeholder or condition the renderer does not know.
    Unknown(String),
    /// The page has not loaded this target's template yet.
    NotLoaded,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Unknown(name) => write!(f, "the template names an unknown placeholder {{{{{name}}}}} (a bug in cors-doctor: please report it)"),
            TemplateError::NotLoaded => f.write_str("the template is not loaded yet"),
        }
    }
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

fn render_line(
    line: &str,
    syntax: Syntax,
    p: &Policy,
    out: &mut String,
) -> Result<(), TemplateError> {
    let mut rest = line;
    let mut text = String::with_capacity(line.len());
    let mut keep = true;
    while let Some(mut start) = rest.find("{{") {
        // `[]string{{{ORIGINS}}}`: the first brace belongs to the target language.
        while rest[start + 2..].starts_with('{') {
            start += 1;
        }
        text.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            text.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let inner = &after[..end];
        rest = &after[end + 2..];
        if let Some(cond) = inner.strip_prefix('?') {
            keep &= condition(p, cond).ok_or_else(|| TemplateError::Unknown(format!("?{cond}")))?;
            // Drop the marker and the spaces before it.
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
            continue;
        }
        let mut parts = inner.splitn(3, '|');
        let name = parts.next().unwrap_or_default();
        let item = parts.next();
        let sep = parts
            .next()
            .map(|s| s.replace("\\n", "\n"))
            .unwrap_or_else(|| ", ".to_string());
        if let Some(values) = list(p, name) {
            let formatted: Vec<String> = values
                .iter()
                .map(|v| match item {
                    Some(t) => t.replace('$', v),
                    None => quote(syntax, v),
                })
                .collect();
            text.push_str(&formatted.join(&sep));
        } else if let Some(v) = scalar(p, syntax, name) {
            text.push_str(&v);
        } else {
            return Err(TemplateError::Unknown(name.to_string()));
        }
    }
    text.push_str(rest);
    if keep {
        out.push_str(text.trim_end());
        out.push('\n');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_loaded_template_is_found_by_its_target() {
        // Natively every template is compiled in; the page's registry is the fallback.
        let express = framework("express").unwrap();
        assert_eq!(express.template(), Some(express.template));
        install_template("express\nnatively, the compiled-in template wins");
        install_template("no-such-target\nx");
        install_template("no newline");
        assert_eq!(express.template(), Some(express.template));
        let page = Framework {
            template: "",
            ..*framework("nginx").unwrap()
        };
        assert_eq!(page.template(), None);
        let p = Policy::new(
            &["https://app.example.com".into()],
            &[],
            &[],
            &[],
            false,
            None,
        )
        .unwrap();
        assert_eq!(page.try_render(&p), Err(TemplateError::NotLoaded));
        install_template("nginx\nadd_header X {{ORIGINS}};");
        assert_eq!(page.template(), Some("add_header X {{ORIGINS}};"));
        assert_eq!(framework("nginx").unwrap().script, "t/nginx.js");
    }

    #[test]
    fn policy_validates_every_value() {
        assert!(Policy::new(
            &s(&["http://localhost:3000"]),
            &s(&["put"]),
            &s(&["X-Api-Key"]),
            &[],
            false,
            None
        )
        .is_ok());
        assert_eq!(
            Policy::new(&s(&["http://a.com/"]), &[], &[], &[], false, None),
            Err(PolicyError::Origin(
                "http://a.com/".into(),
                OriginError::Shape
            ))
        );
        assert_eq!(
            Policy::new(&s(&["*"]), &[], &[], &[], true, None),
            Err(PolicyError::UnsafeOrigin("*".into()))
        );
        assert_eq!(
            Policy::new(&s(&["https://*.a.com"]), &[], &[], &[], true, None),
            Err(PolicyError::UnsafeOrigin("https://*.a.com".into()))
        );
        assert_eq!(
            Policy::new(&s(&["null"]), &[], &[], &[], false, None),
            Err(PolicyError::UnsafeOrigin("null".into()))
        );
        assert_eq!(
            Policy::new(&[], &[], &[], &[], false, None),
            Err(PolicyError::NoOrigin)
        );
        for bad in ["GET\nadd_header", "GE T", "G'ET", "GET;", "$GET", ""] {
            assert!(
                matches!(
                    Policy::new(&s(&["http://a.com"]), &s(&[bad]), &[], &[], false, None),
                    Err(PolicyError::Method(_))
                ),
                "{bad:?}"
            );
        }
        for bad in [
            "X-A; rm -rf",
            "x'y",
            "x\"y",
            "x$y",
            "x`y",
            "a b",
            "-a",
            "x{y}",
            "x\ny",
        ] {
            assert!(
                matches!(
                    Policy::new(&s(&["http://a.com"]), &[], &s(&[bad]), &[], false, None),
                    Err(PolicyError::Header(_))
                ),
                "{bad:?}"
            );
            assert!(
                matches!(
                    Policy::new(&s(&["http://a.com"]), &[], &[], &s(&[bad]), false, None),
                    Err(PolicyError::Header(_))
                ),
                "{bad:?}"
            );
        }
        assert!(matches!(
            Policy::new(&s(&["http://a.com"]), &[], &[], &[], false, Some(100_000)),
            Err(PolicyError::MaxAge(_))
        ));
        let p = Policy::new(
            &s(&["HTTP://A.com", "http://a.com"]),
            &s(&["put", "PUT"]),
            &s(&["x-a", "X-A"]),
            &[],
            false,
            None,
        )
        .unwrap();
        assert_eq!(p.origins(), ["http://a.com"]);
        assert_eq!(p.methods(), ["GET", "HEAD", "POST", "PUT"]);
        assert_eq!(p.headers(), ["x-a"]);
        let d = Policy::new(&s(&["http://a.com"]), &[], &[], &[], false, None).unwrap();
        assert_eq!(d.methods(), ["GET", "HEAD", "POST"]);
        assert_eq!(d.headers(), ["Content-Type"]);
    }

    #[test]
    fn patterns_are_validated_and_anchored() {
        let base =
            Policy::new(&s(&["https://app.example.com"]), &[], &[], &[], true, None).unwrap();
        let p = base
            .clone()
            .with_patterns(&s(&["https://*.Example.com", "http://*.localhost:5173"]))
            .unwrap();
        assert_eq!(
            p.patterns(),
            ["https://*.example.com", "http://*.localhost:5173"]
        );
        assert_eq!(
            render("{{ORIGIN_REGEX}}", Syntax::DoubleQuoted, &p).as_deref(),
            Ok("^(https://app\\.example\\.com|https://([a-z0-9-]+\\.)+example\\.com|http://([a-z0-9-]+\\.)+localhost:5173)$\n")
        );
        assert_eq!(render("{{PATTERNS_JS|$| }}", Syntax::SingleQuoted, &p).as_deref(), Ok("/^https:\\/\\/([a-z0-9-]+\\.)+example\\.com$/ /^http:\\/\\/([a-z0-9-]+\\.)+localhost:5173$/\n"));
        for bad in [
            "*.example.com",
            "https://*",
            "https://*.com*",
            "https://a.*.example.com",
            "ftp://*.example.com",
            "https://*.example.com/",
            "https://*.exa mple.com",
            "https://*.example.com:99999",
        ] {
            assert!(
                matches!(
                    base.clone().with_patterns(&s(&[bad])),
                    Err(PolicyError::Pattern(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_template_language_does_what_it_says() {
        let p = Policy::new(
            &s(&["https://a.example.com", "http://localhost:3000"]),
            &s(&["PUT"]),
            &s(&["Authorization"]),
            &[],
            true,
            None,
        )
        .unwrap();
        let t = "o: [{{ORIGINS}}]\nm: {{METHODS|$|,}}\nc: {{CREDENTIALS}} {{?CREDENTIALS}}\ne: x {{?EXPOSE}}\nr: {{ORIGIN_REGEX}}\n{{#ORIGINS}}\n- {{ORIGIN_RE}}{{,}}\n{{/ORIGINS}}\n";
        assert_eq!(
            render(t, Syntax::SingleQuoted, &p).as_deref(),
            Ok("o: ['https://a.example.com', 'http://localhost:3000']\nm: GET,HEAD,POST,PUT\nc: true\nr: ^(https://a\\.example\\.com|http://localhost:3000)$\n- https://a\\.example\\.com,\n- http://localhost:3000\n")
        );
        assert_eq!(
            render("c: {{CREDENTIALS}}", Syntax::Python, &p).as_deref(),
            Ok("c: True\n")
        );
        // A placeholder or condition the renderer does not know is an error, not a panic.
        assert_eq!(
            render("x {{NOPE}}", Syntax::Python, &p),
            Err(TemplateError::Unknown("NOPE".to_string()))
        );
        assert!(render("x {{?NOPE}}", Syntax::Python, &p).is_err());
        assert_eq!(quote(Syntax::SingleQuoted, "a'b"), "'a\\'b'");
        assert_eq!(canonical_header("x-api-key"), "X-Api-Key");
    }
}
