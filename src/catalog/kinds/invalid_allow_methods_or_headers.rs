//! `invalid-allow-methods-or-headers`: Access-Control-Allow-Methods or -Headers could not be parsed.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::InvalidAllowMethodsOrHeaders,
    title: "Access-Control-Allow-Methods or -Headers could not be parsed",
    summary: "The preflight response carried an Access-Control-Allow-Methods or Access-Control-Allow-Headers value the browser could not parse.",
    cause: "Both headers must be comma-separated lists of HTTP tokens (or *). Quotes, semicolons, slashes, brackets or a stray character make the whole list invalid.",
    fix: "Send plain comma-separated lists, e.g. Access-Control-Allow-Methods: GET, POST, PUT and Access-Control-Allow-Headers: Content-Type, Authorization.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSInvalidAllowHeader"),
    preflight: true,
    credentialed: false,
    headers_fix: true,
    browser_note: None,
    avoid: &[],
    client_side: &[],
    traps: &[],
    spec: SPEC_PREFLIGHT,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(InvalidAllowMethodsOrHeaders), CR, PRE, "response header field in preflight response",
      r"Cannot parse Access-Control-Allow-(?:Methods|Headers) response header field in preflight response")
        => { yes: ["Cannot parse Access-Control-Allow-Methods response header field in preflight response."], no: ["response header field in preflight response."] },
    p(Reason(InvalidAllowMethodsOrHeaders), WK, PRE, "response header field",
      r"Cannot parse Access-Control-Allow-(?:Methods|Headers) response header field")
        => { yes: ["Cannot parse Access-Control-Allow-Methods response header field."], no: ["response header field."] },
    p(Reason(InvalidAllowMethodsOrHeaders), WK, PRE, "has an invalid value: ",
      r"Header Access-Control-Allow-(?:Methods|Headers) has an invalid value: ")
        => { yes: ["Header Access-Control-Allow-Methods has an invalid value: false"], no: ["has an invalid value: false"] },
    p(Reason(InvalidAllowMethodsOrHeaders), FF, PRE, "invalid token '",
      r"invalid token '[^']*' in CORS header 'Access-Control-Allow-(?:Methods|Headers)'")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: invalid token 'Content-Type;' in CORS header 'Access-Control-Allow-Methods')."], no: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: invalid token '"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/v1/orders' from origin 'http://localhost:3000' has been blocked by CORS policy: Cannot parse Access-Control-Allow-Headers response header field in preflight response."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/orders. (Reason: invalid token ‘Content-Type;’ in CORS header ‘Access-Control-Allow-Headers’)."),
    (Engine::Webkit, r"[Error] Header Access-Control-Allow-Headers has an invalid value: Content-Type;
[Error] Fetch API cannot load https://api.example.com/v1/orders due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::MethodNotAllowed), "Access to fetch at 'https://api.example.com/v1/orders' from origin 'http://localhost:3000' has been blocked by CORS policy: Method DELETE is not allowed by Access-Control-Allow-Methods in preflight response."),
];
