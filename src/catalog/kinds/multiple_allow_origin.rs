//! `multiple-allow-origin`: Access-Control-Allow-Origin was sent more than once.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::MultipleAllowOrigin,
    title: "Access-Control-Allow-Origin was sent more than once",
    summary: "The response carried several Access-Control-Allow-Origin values, and only one is allowed.",
    cause: "Access-Control-Allow-Origin must hold exactly one origin or *. The response had two headers (or one header with a list), which the browser treats as a failure. This almost always means two layers add CORS headers: for example nginx or a CDN and the application, or two middlewares in the app. A list of origins in one header never works.",
    fix: "Let exactly one layer handle CORS. Remove the header from the other (in nginx, proxy_hide_header Access-Control-Allow-Origin; in the app, drop the second middleware). To allow several origins, check the request's Origin against the allowlist and echo only the one that matched, with Vary: Origin.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMultipleAllowOriginNotAllowed"),
    preflight: false,
    credentialed: false,
    headers_fix: true,
    browser_note: None,
    avoid: &[],
    client_side: &[DEV_PROXY],
    traps: &[DUPLICATES],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(MultipleAllowOrigin), CR, ACT, "header contains multiple values",
      r"The 'Access-Control-Allow-Origin' header contains multiple values '(?P<allow_origin>[^']*)', but only one is allowed")
        => { yes: ["The 'Access-Control-Allow-Origin' header contains multiple values 'https://other.example.com', but only one is allowed."], no: ["header contains multiple values 'https://other.example.com', but only one is allowed."] },
    p(Reason(MultipleAllowOrigin), FF, NONE, "'Access-Control-Allow-Origin' not allowed",
      r"Multiple CORS headers? 'Access-Control-Allow-Origin' not allowed")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: Multiple CORS header 'Access-Control-Allow-Origin' not allowed)."], no: ["'Access-Control-Allow-Origin' not allowed)."] },
    p(Reason(MultipleAllowOrigin), WK, NONE, "cannot contain more than one origin",
      r"Access-Control-Allow-Origin cannot contain more than one origin")
        => { yes: ["Access-Control-Allow-Origin cannot contain more than one origin."], no: ["cannot contain more than one origin."] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to XMLHttpRequest at 'https://api.example.com/items' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'https://shop.example.com, *', but only one is allowed."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."),
    (Engine::Webkit, r"[Error] Access-Control-Allow-Origin cannot contain more than one origin.
[Error] Fetch API cannot load https://api.example.com/items due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::InvalidAllowOrigin), "Access to fetch at 'https://api.example.com/data' from origin 'https://app.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value 'https://app.example.com/'. Have the server send the header with a valid value."),
];
