//! `header-not-allowed`: A request header is not allowed by the preflight response.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::HeaderNotAllowed,
    title: "A request header is not allowed by the preflight response",
    summary: "Your request sends a header the server did not list in Access-Control-Allow-Headers.",
    cause: "Headers outside the CORS-safelisted set (Accept, Accept-Language, Content-Language, and Content-Type with a form, multipart or text/plain value) trigger a preflight, and the preflight response must list each of them in Access-Control-Allow-Headers. Content-Type: application/json is not safelisted, so it must be listed too.",
    fix: "Add the header to the server's allowed request headers. List Authorization explicitly: the wildcard * does not cover it. Or, if the header is not needed, stop sending it from the client.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowHeaderFromPreflight"),
    preflight: true,
    credentialed: false,
    headers_fix: true,
    browser_note: None,
    avoid: &[AVOID_JSON_MYTH],
    client_side: &[CLIENT_DROP_HEADER, DEV_PROXY],
    traps: &[STAR_AUTH],
    spec: SPEC_PREFLIGHT,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(HeaderNotAllowed), CR, PRE, "is not allowed by Access-Control-Allow-Headers in preflight response",
      r"Request header field (?P<header>\S+) is not allowed by Access-Control-Allow-Headers in preflight response")
        => { yes: ["Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response."], no: ["is not allowed by Access-Control-Allow-Headers in preflight response."] },
    p(Reason(HeaderNotAllowed), WK, PRE, "is not allowed by Access-Control-Allow-Headers",
      r"Request header field (?P<header>\S+) is not allowed by Access-Control-Allow-Headers")
        => { yes: ["Request header field x-api-key is not allowed by Access-Control-Allow-Headers."], no: ["is not allowed by Access-Control-Allow-Headers."] },
    p(Reason(HeaderNotAllowed), FF, PRE, "is not allowed according to header 'Access-Control-Allow-Headers'",
      r"header '(?P<header>[^']*)' is not allowed according to header 'Access-Control-Allow-Headers'")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/me. (Reason: header 'x-api-key' is not allowed according to header 'Access-Control-Allow-Headers' from CORS preflight response)."], no: ["is not allowed according to header 'Access-Control-Allow-Headers' from CORS preflight response)."] },
    p(Reason(HeaderNotAllowed), FF, PRE, "in CORS header 'Access-Control-Allow-Headers' from CORS preflight channel",
      r"missing token '(?P<header>[^']*)' in CORS header 'Access-Control-Allow-Headers' from CORS preflight channel")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: missing token 'x-api-key' in CORS header 'Access-Control-Allow-Headers' from CORS preflight channel)."], no: ["in CORS header 'Access-Control-Allow-Headers' from CORS preflight channel)."] },
    p(Reason(HeaderNotAllowed), CR, PRE, "Ensure CORS request includes only allowed headers",
      r"Ensure CORS request includes only allowed headers")
        => { yes: ["Ensure CORS request includes only allowed headers"], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/v1/orders' from origin 'http://localhost:3000' has been blocked by CORS policy: Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/graphql. (Reason: header ‘x-api-key’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)."),
    (Engine::Webkit, r"[Error] Request header field x-api-key is not allowed by Access-Control-Allow-Headers.
[Error] Fetch API cannot load https://api.example.com/graphql due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::MethodNotAllowed), "Access to fetch at 'https://api.example.com/v1/orders/42' from origin 'http://localhost:3000' has been blocked by CORS policy: Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response."),
];
