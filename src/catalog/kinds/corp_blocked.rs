//! `corp-blocked`: Blocked by the resource's Cross-Origin-Resource-Policy.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::CorpBlocked,
    title: "Blocked by the resource's Cross-Origin-Resource-Policy",
    summary: "The resource's server sent Cross-Origin-Resource-Policy: same-origin or same-site, so other sites may not embed it.",
    cause: "This is not CORS: the Cross-Origin-Resource-Policy header lets a server forbid no-cors loads (images, scripts, media) by other origins or sites. Adding Access-Control-Allow-Origin does not lift it.",
    fix: "If you own the resource, send Cross-Origin-Resource-Policy: cross-origin (or remove same-origin/same-site). Otherwise host a copy on your own origin.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Resource-Policy"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_CORP,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(CorpBlocked), CR, NONE, "net::ERR_BLOCKED_BY_RESPONSE.NotSame",
      r"net::ERR_BLOCKED_BY_RESPONSE\.NotSame(?:Origin|Site)\b")
        => { yes: ["net::ERR_BLOCKED_BY_RESPONSE.NotSameSite"], no: ["net::ERR_BLOCKED_BY_RESPONSE.NotSameOriginAfterDefaultedToSameOriginByDip"] },
    p(Reason(CorpBlocked), FF, NONE, "was blocked due to its Cross-Origin-Resource-Policy header",
      r#"The resource at "(?P<url>[^"]*)" was blocked due to its Cross-Origin-Resource-Policy header"#)
        => { yes: [r#"The resource at "https://api.example.com/v1/items" was blocked due to its Cross-Origin-Resource-Policy header (or lack thereof). See https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy"#], no: ["was blocked due to its Cross-Origin-Resource-Policy header (or lack thereof). See https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy"] },
    p(Reason(CorpBlocked), WK, NONE, "Cross-Origin-Resource-Policy response header",
      r"Cancelled load to (?P<url>\S+) because it violates the resource's Cross-Origin-Resource-Policy response header")
        => { yes: ["Cancelled load to https://api.example.com/v1/items because it violates the resource's Cross-Origin-Resource-Policy response header."], no: ["Cross-Origin-Resource-Policy response header."] },
    p(Reason(CorpBlocked), CR, NONE, "Specify a more permissive Cross-Origin Resource Policy",
      r"Specify a more permissive Cross-Origin Resource Policy to (?:stop|prevent) a resource from being blocked")
        => { yes: ["Specify a more permissive Cross-Origin Resource Policy to stop a resource from being blocked"], no: ["Specify a more permissive Cross-Origin Resource Policy"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "GET https://cdn.example.net/logo.png net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin 200 (OK)"),
    (Engine::Firefox, "The resource at “https://cdn.example.com/lib.js” was blocked due to its Cross-Origin-Resource-Policy header (or lack thereof). See https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy_(CORP)#"),
    (Engine::Webkit, "[Error] Cancelled load to https://cdn.example.com/img.png because it violates the resource's Cross-Origin-Resource-Policy response header."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::OrbBlocked), "GET https://api.example.com/v1/items net::ERR_BLOCKED_BY_ORB 200 (OK)"),
];
