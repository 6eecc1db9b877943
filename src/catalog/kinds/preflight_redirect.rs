//! `preflight-redirect`: The preflight (OPTIONS) request was redirected.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::PreflightRedirect,
    title: "The preflight (OPTIONS) request was redirected",
    summary: "The server answered the browser's OPTIONS preflight with a redirect, which the browser never follows.",
    cause: "A CORS preflight must be answered directly with a 2xx status. Redirects are typical of http->https upgrades, trailing-slash normalisation (/api/items -> /api/items/), login redirects and load balancers. The browser treats any 3xx answer to a preflight as a failure.",
    fix: "Call the final URL directly (https, and the exact path with or without the trailing slash the server wants), and make sure OPTIONS is answered before any redirect rule or auth redirect.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSExternalRedirectNotAllowed"),
    preflight: true,
    credentialed: false,
    headers_fix: true,
    browser_note: None,
    avoid: &[AVOID_FOLLOW],
    client_side: &[CLIENT_SIMPLE_REQUEST, DEV_PROXY],
    traps: &[REDIRECTS],
    spec: SPEC_PREFLIGHT,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(PreflightRedirect), CR, PRE, "Redirect is not allowed for a preflight request",
      r"Redirect is not allowed for a preflight request")
        => { yes: ["Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request."], no: [] },
    p(Reason(PreflightRedirect), CR, PRE, "Response for preflight is invalid (redirect)",
      r"Response for preflight is invalid \(redirect\)")
        => { yes: ["Response for preflight is invalid (redirect)"], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to XMLHttpRequest at 'http://api.example.com/items' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://api.example.com/v1/orders. (Reason: CORS preflight response did not succeed). Status code: 301."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::PreflightBadStatus), "Access to fetch at 'https://api.example.com/v1/orders/42' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."),
];
