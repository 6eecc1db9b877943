//! `invalid-allow-origin`: Access-Control-Allow-Origin has an invalid value.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::InvalidAllowOrigin,
    title: "Access-Control-Allow-Origin has an invalid value",
    summary: "The server sent Access-Control-Allow-Origin, but its value is not an origin.",
    cause: "The header must hold a single serialized origin (scheme://host[:port]), the word null, or *. A value with a path, a trailing slash, a comma-separated list, a pattern like *.example.com, or stray characters is invalid, so the browser blocks the response.",
    fix: "Send the request's exact origin, taken from an allowlist, without path or trailing slash. Patterns such as subdomains must be matched on the server, and the concrete origin echoed back.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin"),
    preflight: false,
    credentialed: false,
    headers_fix: true,
    browser_note: None,
    avoid: &[],
    client_side: &[DEV_PROXY],
    traps: &[SLASH, DUPLICATES],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(InvalidAllowOrigin), CR, ACT, "header contains the invalid value",
      r"The 'Access-Control-Allow-Origin' header contains the invalid value '(?P<allow_origin>[^']*)'")
        => { yes: ["The 'Access-Control-Allow-Origin' header contains the invalid value 'https://other.example.com'."], no: ["header contains the invalid value 'https://other.example.com'."] },
    p(Hint(InvalidAllowOrigin), CR, NONE, "Have the server send the header with a valid value",
      r"Have the server send the header with a valid value")
        => { yes: ["Have the server send the header with a valid value."], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/data' from origin 'https://app.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value 'https://app.example.com/'. Have the server send the header with a valid value."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::MultipleAllowOrigin), "Access to XMLHttpRequest at 'https://api.example.com/items' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'https://shop.example.com, *', but only one is allowed."),
];
