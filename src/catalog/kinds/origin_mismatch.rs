//! `origin-mismatch`: Access-Control-Allow-Origin names a different origin.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::OriginMismatch,
    title: "Access-Control-Allow-Origin names a different origin",
    summary: "The server allowed an origin, but not the one your page runs on.",
    cause: "The response carried Access-Control-Allow-Origin, but its value is not byte-for-byte your page's origin. The comparison is exact: http vs https, a different port, localhost vs 127.0.0.1, www vs no www, or a trailing slash all count as different. A hard-coded origin for another environment (production vs staging vs local) is the usual cause; a cache that served a response made for another origin without Vary: Origin is the sneaky one.",
    fix: "Keep an allowlist of exact origins on the server; when the request's Origin is in it, echo that origin in Access-Control-Allow-Origin and add Vary: Origin. Write origins as scheme://host:port with no path and no trailing slash.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin"),
    preflight: false,
    credentialed: false,
    headers_fix: true,
    browser_note: Some(NOTE_MISMATCH),
    avoid: &[],
    client_side: &[DEV_PROXY],
    traps: &[SLASH, LOCALHOST, VARY],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: Some(summary),
    reach_check: false,
    check_method: None,
};

/// "The server allowed 'OTHER', not ORIGIN."
fn summary(f: &Facts) -> String {
    format!(
        "The server allowed {}, not {}.",
        f.allow_origin
            .as_deref()
            .map_or("another origin".to_string(), |a| format!("'{a}'")),
        f.page_origin.as_deref().unwrap_or("your page's origin")
    )
}

patterns! {
    p(Reason(OriginMismatch), CR, ACT, "that is not equal to the supplied origin",
      r"The 'Access-Control-Allow-Origin' header has a value '(?P<allow_origin>[^']*)' that is not equal to the supplied origin")
        => { yes: ["The 'Access-Control-Allow-Origin' header has a value 'https://other.example.com' that is not equal to the supplied origin."], no: ["that is not equal to the supplied origin."] },
    p(Reason(OriginMismatch), CR, ACT, "that is not equal to the supplied suborigin",
      r"The 'Access-Control-Allow-Suborigin' header has a value '[^']*' that is not equal to the supplied suborigin")
        => { yes: ["The 'Access-Control-Allow-Suborigin' header has a value 'https://other.example.com' that is not equal to the supplied suborigin. Origin 'http://localhost:3000' is therefore not allowed access."], no: ["that is not equal to the supplied suborigin. Origin 'http://localhost:3000' is therefore not allowed access."] },
    p(Reason(OriginMismatch), FF, NONE, "'Access-Control-Allow-Origin' does not match",
      r"CORS header 'Access-Control-Allow-Origin' does not match '(?P<allow_origin>[^']*)'")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://api.example.com/feed. (Reason: CORS header 'Access-Control-Allow-Origin' does not match 'http://www.example.com')."], no: ["'Access-Control-Allow-Origin' does not match 'http://www.example.com')."] },
    p(Reason(OriginMismatch), CR, NONE, "matches resource's allowed origin",
      r"Ensure CORS requesting origin matches resource's allowed origin")
        => { yes: ["Ensure CORS requesting origin matches resource's allowed origin"], no: ["matches resource's allowed origin"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/v1/me' from origin 'http://localhost:5173' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com' that is not equal to the supplied origin. Have the server send the header with a valid value."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/me. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://app.example.com’)."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::MissingAllowOrigin), "Access to fetch at 'https://api.example.com/v1/me' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."),
];
