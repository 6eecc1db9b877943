//! `request-mode`: The request's mode forbids this cross-origin request.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::RequestMode,
    title: "The request's mode forbids this cross-origin request",
    summary: "The request was made with mode: 'same-origin' (or a no-cors request with a non-follow redirect mode), which cannot reach another origin.",
    cause: "fetch() with mode: 'same-origin' refuses any cross-origin URL before sending anything; no server change can help. A no-cors request must use redirect: 'follow'.",
    fix: "Use the default mode ('cors') for cross-origin requests and let the server allow your origin, or request a same-origin URL (for example through your own backend or a dev-server proxy).",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/API/Request/mode"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[],
    client_side: &[],
    traps: &[],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(RequestMode), CR, NONE, "Cross origin requests are not allowed by request mode",
      r"Cross origin requests are not allowed by request mode")
        => { yes: ["Cross origin requests are not allowed by request mode."], no: [] },
    p(Reason(RequestMode), CR, NONE, r#"Request mode is "same-origin""#,
      r#"Request mode is "same-origin" but the URL's origin is not same as the request origin (?P<origin>\S+?)\.?$"#)
        => { yes: [r#"Fetch API cannot load https://api.example.com/v1/items. Request mode is "same-origin" but the URL's origin is not same as the request origin http://localhost:3000."#], no: [r#"Fetch API cannot load https://api.example.com/v1/items. Request mode is "same-origin""#] },
    p(Reason(RequestMode), CR, NONE, r#"Request mode is "no-cors" but the redirect mode"#,
      r#"Request mode is "no-cors" but the redirect mode is not "follow""#)
        => { yes: [r#"Fetch API cannot load https://api.example.com/v1/items. Request mode is "no-cors" but the redirect mode is not "follow"."#], no: [r#"Fetch API cannot load https://api.example.com/v1/items. Request mode is "no-cors" but the redirect mode"#] },
    p(Reason(RequestMode), WK, NONE, "same-origin fetch mode",
      r"Cross origin requests are not allowed when using same-origin fetch mode")
        => { yes: ["Cross origin requests are not allowed when using same-origin fetch mode."], no: ["same-origin fetch mode."] },
    p(Reason(RequestMode), WK, NONE, "Domains, protocols and ports must match",
      r"Unsafe attempt to load URL (?P<url>\S+) from origin (?P<origin>\S+?)\. Domains, protocols and ports must match")
        => { yes: ["Unsafe attempt to load URL https://api.example.com/v1/items from origin http://localhost:3000. Domains, protocols and ports must match."], no: ["Domains, protocols and ports must match."] },
    p(Reason(RequestMode), CR, NONE, "fetched with same-origin request mode",
      r"Ensure only same-origin resources are fetched with same-origin request mode")
        => { yes: ["Ensure only same-origin resources are fetched with same-origin request mode"], no: ["fetched with same-origin request mode"] },
    p(Reason(RequestMode), CR, NONE, "configure redirect mode follow",
      r"Ensure no-cors requests configure redirect mode follow")
        => { yes: ["Ensure no-cors requests configure redirect mode follow"], no: ["configure redirect mode follow"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/v1/items' from origin 'http://localhost:3000' has been blocked by CORS policy: Cross origin requests are not allowed by request mode."),
    (Engine::Webkit, r"[Error] Cross origin requests are not allowed when using same-origin fetch mode.
[Error] Fetch API cannot load https://api.example.com/v1/orders due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::MissingAllowOrigin), "Access to fetch at 'https://api.example.com/v1/items' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."),
];
