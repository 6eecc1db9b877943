//! `csp-blocked`: Your page's Content-Security-Policy blocked the request.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::CspBlocked,
    title: "Your page's Content-Security-Policy blocked the request",
    summary: "The request was stopped by your own page's Content-Security-Policy, not by the server you called.",
    cause: "This is not CORS: a CSP directive (connect-src for fetch/XHR/WebSocket, script-src, img-src ...) does not list the URL, so the browser never sent the request.",
    fix: "Add the API's origin to the matching directive of your page's Content-Security-Policy (for fetch: connect-src https://api.example.com). CORS headers on the API change nothing.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CSP"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_CSP,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(CspBlocked), CR, NONE, "because it violates the following Content Security Policy directive",
      r"Refused to [a-z ]+ '(?P<url>[^']*)' because it violates the following Content Security Policy directive")
        => { yes: [r#"Refused to connect to 'https://api.example.com/v1/items' because it violates the following Content Security Policy directive: "connect-src 'self'"."#], no: [r#"because it violates the following Content Security Policy directive: "connect-src 'self'"."#] },
    // Chromium since about 2024 names the action first ("Connecting to", "Loading the image",
    // "Framing"), and the fetch that failed "Refused to connect because ...".
    p(Reason(CspBlocked), CR, NONE, "violates the following Content Security Policy directive",
      r"(?:Connecting to|Loading the [a-z -]{1,30}?|Loading|Framing|Evaluating a string as JavaScript) '(?P<url>[^']*)' violates the following Content Security Policy directive")
        => { yes: [r#"Framing 'http://localhost:46441/' violates the following Content Security Policy directive: "frame-ancestors 'none'". The request has been blocked."#], no: [r#"Refused to connect to 'https://api.example.com/v1/items' because it violates the following Content Security Policy directive: "connect-src 'self'"."#] },
    p(Hint(CspBlocked), CR, NONE, "because it violates the document's Content Security Policy",
      r"Refused to [a-z ]{1,30}? because it violates the document's Content Security Policy")
        => { yes: ["Fetch API cannot load http://localhost:46441/data. Refused to connect because it violates the document's Content Security Policy."], no: ["because it violates the document's Content Security Policy."] },
    p(Reason(CspBlocked), FF, NONE, "settings blocked the loading of a resource",
      r"Content[- ]Security[- ]Policy: The page's settings blocked the loading of a resource(?: \([a-z-]+\))? at (?:(?P<url>[a-z][a-z0-9+.-]*:[^\s(]+?)|<unknown>)(?:\.? |\.?$)")
        => { yes: [r#"Uncaught Content-Security-Policy: The page's settings blocked the loading of a resource (frame-ancestors) at <unknown> because it violates the following directive: "frame-ancestors 'none'""#], no: [r#"settings blocked the loading of a resource (frame-ancestors) at <unknown> because it violates the following directive: "frame-ancestors 'none'""#] },
    p(Reason(CspBlocked), WK, NONE, "directive of the Content Security Policy",
      r"Refused to [a-z ]+ (?P<url>\S+) because it does not appear in the [a-z-]+ directive of the Content Security Policy")
        => { yes: ["[Error] Refused to connect to https://api.example.com/v1/orders because it does not appear in the connect-src directive of the Content Security Policy."], no: ["directive of the Content Security Policy."] },
    p(Reason(CspBlocked), WK, NONE, "Blocked by Content Security Policy",
      r"Blocked by Content Security Policy")
        => { yes: ["Blocked by Content Security Policy."], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, r#"Refused to connect to 'https://api.example.com/v1/items' because it violates the following Content Security Policy directive: "connect-src 'self'"."#),
    (Engine::Firefox, "Content-Security-Policy: The page’s settings blocked the loading of a resource (connect-src) at https://api.example.com/v1/orders because it violates the following directive: “connect-src 'self'”"),
    (Engine::Webkit, "[Error] Refused to connect to https://api.example.com/v1/orders because it does not appear in the connect-src directive of the Content Security Policy."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::BlockedByClient), "GET https://api.example.com/analytics/track net::ERR_BLOCKED_BY_CLIENT"),
];
