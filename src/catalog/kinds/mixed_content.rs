//! `mixed-content`: Mixed content: an https page requested an http URL.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::MixedContent,
    title: "Mixed content: an https page requested an http URL",
    summary: "Your page was loaded over https and tried to load something over plain http, which the browser blocks.",
    cause: "This is not CORS: secure pages may not load active content (fetch, XHR, scripts, iframes, WebSockets) over http. No CORS header changes this.",
    fix: "Request the https:// (or wss://) URL. If the server has no https, put it behind TLS. During development, serve both over http or both over https.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_MIXED,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(MixedContent), CR, NONE, "Mixed Content: The page at",
      r"Mixed Content: The page at '(?P<page_url>[^']*)' was loaded over (?:HTTPS|a secure connection), but (?:requested an insecure (?P<resource_kind>[A-Za-z ]+?)|attempted to connect to the insecure WebSocket endpoint|contains a form that targets an insecure endpoint) '(?P<url>[^']*)'")
        => { yes: ["Mixed Content: The page at 'https://shop.example.com/cart' was loaded over HTTPS, but requested an insecure resource 'https://api.example.com/v1/items'. This content should also be served over HTTPS."], no: ["Mixed Content: The page at"] },
    p(Reason(MixedContent), FF, NONE, "mixed ",
      r#"(?:Blocked loading|Loading) mixed (?:\(insecure\) )?(?:active |display )?content "(?P<url>[^"]*)""#)
        => { yes: [r#"Blocked loading mixed active content "http://api.example.com/v1/orders""#], no: [r#"mixed active content "http://api.example.com/v1/orders""#] },
    p(Reason(MixedContent), FF, NONE, "Blocked downloading insecure content",
      r#"Blocked downloading insecure content "(?P<url>[^"]*)""#)
        => { yes: [r#"Blocked downloading insecure content "https://api.example.com/v1/items"."#], no: ["Blocked downloading insecure content"] },
    p(Reason(MixedContent), FF, NONE, "insecure display request",
      r"[Uu]pgrading (?:an )?insecure display request '(?P<url>[^']*)' to use '")
        => { yes: ["Upgrading insecure display request 'https://api.example.com/v1/items' to use 'https'"], no: ["insecure display request 'https://api.example.com/v1/items' to use 'https'"] },
    p(Reason(MixedContent), WK, NONE, "The page at ",
      r"The page at (?P<page_url>\S+) (?:was (?:not )?allowed to [a-z]+ insecure content from|requested insecure content from|contains a form which targets an insecure URL|was blocked from connecting insecurely to) (?P<url>\S+?)(?:\.(?: |$)| either|$)")
        => { yes: ["The page at https://shop.example.com/cart was allowed to display insecure content from https://api.example.com/v1/items."], no: ["Mixed Content: The page at 'https://shop.example.com/cart' was loaded over HTTPS, but requested an insecure resource 'https://api.example.com/v1/items'. This content should also be served over HTTPS."] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Mixed Content: The page at 'https://app.example.com/' was loaded over HTTPS, but requested an insecure resource 'http://api.example.com/v1/items'. This request has been blocked; the content must be served over HTTPS."),
    (Engine::Firefox, "Blocked loading mixed active content “http://api.example.com/v1/orders”"),
    (Engine::Webkit, "[blocked] The page at https://shop.example.com/cart requested insecure content from http://api.example.com/v1/orders. This content was blocked and must be served over HTTPS."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::MissingAllowOrigin), "Access to fetch at 'http://api.example.com/v1/items' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."),
];
