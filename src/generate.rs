//! Policy -> server configuration text, one template per framework.
//!
//! Each target's template is a real file in that target's own syntax (`generate/templates/`),
//! pulled in with `include_str!` and filled through a few named `{{PLACEHOLDERS}}`. All logic
//! (validation, quoting, list formatting, credentials) lives in Rust. A [`Policy`] can only be
//! built through [`Policy::new`], which validates every value, so no template ever sees an
//! unchecked string from a paste.

mod express;

use crate::catalog::KindId;
use crate::facts::{valid_origin, valid_token};
use crate::parse::Diagnosis;

/// What the server should allow. Construct with [`Policy::new`]; fields are validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    origins: Vec<String>,
    methods: Vec<String>,
    headers: Vec<String>,
    expose: Vec<String>,
    credentials: bool,
    max_age: Option<u32>,
}

/// A policy value that cannot be used, with a message that says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyError {
    /// Not a serialized origin (`scheme://host[:port]`).
    Origin(String),
    /// Not an HTTP method token.
    Method(String),
    /// Not an HTTP header name.
    Header(String),
    /// The allowlist is empty.
    NoOrigin,
    /// `null` or `*` was given as an origin.
    UnsafeOrigin(String),
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PolicyError::Origin(o) => write!(f, "{o:?} is not an origin: write scheme://host[:port], without path or trailing slash"),
            PolicyError::Method(m) => write!(f, "{m:?} is not an HTTP method: use a single word such as PUT"),
            PolicyError::Header(h) => write!(f, "{h:?} is not a header name: use letters, digits and dashes, such as X-Api-Key"),
            PolicyError::NoOrigin => write!(f, "add at least one allowed origin, such as http://localhost:3000"),
            PolicyError::UnsafeOrigin(o) => write!(f, "{o:?} cannot be allowed safely: list the exact origins of your pages instead"),
        }
    }
}

impl std::error::Error for PolicyError {}

/// Methods every CORS request may use without being listed (Fetch: CORS-safelisted methods).
const SAFELISTED_METHODS: [&str; 3] = ["GET", "HEAD", "POST"];

impl Policy {
    /// Validates and normalizes every value. Duplicates are removed; methods are upper-cased
    /// (the CORS method check is case-sensitive); header names are kept as written.
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
            if origin == "null" || origin == "*" {
                return Err(PolicyError::UnsafeOrigin(origin.to_string()));
            }
            let v = valid_origin(origin).ok_or_else(|| PolicyError::Origin(origin.to_string()))?;
            push_unique(&mut o, v.to_ascii_lowercase());
        }
        if o.is_empty() {
            return Err(PolicyError::NoOrigin);
        }
        let mut m = Vec::new();
        for method in methods {
            let v =
                valid_token(method.trim()).ok_or_else(|| PolicyError::Method(method.clone()))?;
            push_unique(&mut m, v.to_ascii_uppercase());
        }
        if m.is_empty() {
            m = SAFELISTED_METHODS.iter().map(|s| s.to_string()).collect();
        }
        let tokens = |list: &[String]| -> Result<Vec<String>, PolicyError> {
            let mut out: Vec<String> = Vec::new();
            for h in list {
                let v = valid_token(h.trim()).ok_or_else(|| PolicyError::Header(h.clone()))?;
                if !out.iter().any(|x| x.eq_ignore_ascii_case(&v)) {
                    out.push(v);
                }
            }
            Ok(out)
        };
        Ok(Policy {
            origins: o,
            methods: m,
            headers: tokens(headers)?,
            expose: tokens(expose)?,
            credentials,
            max_age,
        })
    }

    /// The policy a diagnosis implies: its page origin, its method and header, credentials
    /// when the kind is about credentials. Falls back to `http://localhost:3000` when the
    /// paste named no usable origin.
    pub fn from_diagnosis(d: &Diagnosis) -> Policy {
        let origin = d
            .facts
            .page_origin
            .clone()
            .filter(|o| o != "null")
            .unwrap_or_else(|| "http://localhost:3000".to_string());
        let mut methods: Vec<String> = SAFELISTED_METHODS.iter().map(|s| s.to_string()).collect();
        if let Some(m) = &d.facts.method {
            methods.push(m.clone());
        }
        let mut headers = vec!["Content-Type".to_string()];
        if let Some(h) = &d.facts.header {
            headers.push(canonical_header(h));
        }
        let credentials = matches!(
            d.kind,
            KindId::WildcardWithCredentials | KindId::CredentialsNotTrue
        );
        Policy::new(&[origin], &methods, &headers, &[], credentials, Some(600))
            .expect("facts are validated tokens and origins before they reach a diagnosis")
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

/// One target a config can be generated for.
#[derive(Debug)]
pub struct Framework {
    /// Stable id (`--framework ID`).
    pub id: &'static str,
    /// Human name.
    pub label: &'static str,
    /// The file the snippet goes into.
    pub file: &'static str,
    /// Turns a policy into the config text.
    pub render: fn(&Policy) -> String,
    /// Pitfalls worth knowing for this target.
    pub notes: &'static [&'static str],
}

/// Every target, in the order the picker lists them.
pub static FRAMEWORKS: &[Framework] = &[express::FRAMEWORK];

/// Looks a target up by id.
pub fn framework(id: &str) -> Option<&'static Framework> {
    FRAMEWORKS.iter().find(|f| f.id == id)
}

/// Replaces each `{{NAME}}` in `template` by its value. Values are inserted verbatim, so
/// callers quote them for the target's syntax first.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{{{name}}}}}"), value);
    }
    debug_assert!(!out.contains("{{"), "unfilled placeholder in template");
    out
}

/// A JavaScript single-quoted string literal. Values are validated tokens or origins, which
/// contain no quote or backslash, but escaping keeps this function safe on its own.
pub(crate) fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// `'a', 'b'` for a list of values.
pub(crate) fn js_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| js_string(s))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
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
            Err(PolicyError::Origin("http://a.com/".into()))
        );
        assert_eq!(
            Policy::new(&s(&["*"]), &[], &[], &[], true, None),
            Err(PolicyError::UnsafeOrigin("*".into()))
        );
        assert_eq!(
            Policy::new(&s(&["null"]), &[], &[], &[], false, None),
            Err(PolicyError::UnsafeOrigin("null".into()))
        );
        assert_eq!(
            Policy::new(&[], &[], &[], &[], false, None),
            Err(PolicyError::NoOrigin)
        );
        assert!(matches!(
            Policy::new(
                &s(&["http://a.com"]),
                &s(&["GET\nadd_header"]),
                &[],
                &[],
                false,
                None
            ),
            Err(PolicyError::Method(_))
        ));
        assert!(matches!(
            Policy::new(
                &s(&["http://a.com"]),
                &[],
                &s(&["X-A; rm -rf"]),
                &[],
                false,
                None
            ),
            Err(PolicyError::Header(_))
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
        assert_eq!(p.methods(), ["PUT"]);
        assert_eq!(p.headers(), ["x-a"]);
    }

    #[test]
    fn js_strings_escape_quotes() {
        assert_eq!(js_string("a'b\\c\n"), "'a\\'b\\\\c\\n'");
        assert_eq!(canonical_header("x-api-key"), "X-Api-Key");
    }

    #[test]
    fn every_framework_has_a_label_file_and_output() {
        let p = Policy::new(
            &s(&["https://app.example.com"]),
            &s(&["PUT"]),
            &s(&["Authorization"]),
            &s(&["X-Request-Id"]),
            true,
            Some(600),
        )
        .unwrap();
        for f in FRAMEWORKS {
            assert!(!f.label.is_empty() && !f.file.is_empty(), "{}", f.id);
            let out = (f.render)(&p);
            assert!(
                out.contains("https://app.example.com"),
                "{}: origin missing",
                f.id
            );
            assert!(!out.contains("{{"), "{}: unfilled placeholder", f.id);
            assert_eq!(framework(f.id).map(|x| x.id), Some(f.id));
        }
    }
}
