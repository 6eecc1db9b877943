//! `method-not-allowed`: The method is not allowed by the preflight response.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::MethodNotAllowed,
    title: "The method is not allowed by the preflight response",
    summary: "The server's answer to the preflight did not list this request's method in Access-Control-Allow-Methods.",
    cause: "Methods other than GET, HEAD and POST need the server's permission: the preflight response must list them in Access-Control-Allow-Methods (the comparison is case-sensitive, so PATCH must be upper case). Many CORS libraries allow only GET, HEAD and POST by default.",
    fix: "Add the method to the server's allowed methods (Access-Control-Allow-Methods), written in upper case.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMethodNotFound"),
    preflight: true,
    credentialed: false,
    headers_fix: true,
    browser_note: None,
    avoid: &[],
    client_side: &[CLIENT_SIMPLE_REQUEST, DEV_PROXY],
    traps: &[AUTH],
    spec: SPEC_PREFLIGHT,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: Some("PUT"),
};

patterns! {
    p(Reason(MethodNotAllowed), CR, PRE, "is not allowed by Access-Control-Allow-Methods in preflight response",
      r"Method (?P<method>\S+) is not allowed by Access-Control-Allow-Methods in preflight response")
        => { yes: ["Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."], no: ["is not allowed by Access-Control-Allow-Methods in preflight response."] },
    p(Reason(MethodNotAllowed), WK, PRE, "is not allowed by Access-Control-Allow-Methods",
      r"Method (?P<method>\S+) is not allowed by Access-Control-Allow-Methods")
        => { yes: ["Method PUT is not allowed by Access-Control-Allow-Methods."], no: ["is not allowed by Access-Control-Allow-Methods."] },
    p(Reason(MethodNotAllowed), FF, PRE, "Did not find method in CORS header",
      r"Did not find method in CORS header 'Access-Control-Allow-Methods'")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: Did not find method in CORS header 'Access-Control-Allow-Methods')."], no: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: Did not find method in CORS header"] },
    p(Reason(MethodNotAllowed), CR, PRE, "Ensure CORS request uses allowed method",
      r"Ensure CORS request uses allowed method")
        => { yes: ["Ensure CORS request uses allowed method"], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/v1/orders/42' from origin 'http://localhost:3000' has been blocked by CORS policy: Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/orders/7. (Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’)."),
    (Engine::Webkit, r"[Error] Method PATCH is not allowed by Access-Control-Allow-Methods.
[Error] Fetch API cannot load https://api.example.com/v1/orders/7 due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::HeaderNotAllowed), "Access to fetch at 'https://api.example.com/v1/orders' from origin 'http://localhost:3000' has been blocked by CORS policy: Request header field x-method-override is not allowed by Access-Control-Allow-Headers in preflight response."),
];
