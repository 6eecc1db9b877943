//! `orb-blocked`: Opaque Response Blocking stopped a no-cors response.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::OrbBlocked,
    title: "Opaque Response Blocking stopped a no-cors response",
    summary: "A no-cors load (an img, script or fetch with mode: 'no-cors') received something like JSON or HTML, which the browser withholds.",
    cause: "Opaque Response Blocking (formerly CORB) protects cross-origin data: a response to a no-cors request that looks like data (JSON, HTML, XML) or has a wrong Content-Type is dropped.",
    fix: "Fetch data with a normal CORS request (not mode: 'no-cors') and allow your origin on the server; serve images, scripts and styles with their correct Content-Type and nosniff.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_ORB,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(OrbBlocked), CR, NONE, "net::ERR_BLOCKED_BY_ORB",
      r"net::ERR_BLOCKED_BY_ORB")
        => { yes: ["net::ERR_BLOCKED_BY_ORB"], no: [] },
    p(Reason(OrbBlocked), CR, NONE, "Cross-Origin Read Blocking (CORB) blocked",
      r"Cross-Origin Read Blocking \(CORB\) blocked cross-origin response (?P<url>\S+) with MIME type")
        => { yes: ["Cross-Origin Read Blocking (CORB) blocked cross-origin response https://api.example.com/v1/items with MIME type text/html. See https://www.chromestatus.com/feature/5629709824032768 for more details."], no: ["Cross-Origin Read Blocking (CORB) blocked"] },
    p(Reason(OrbBlocked), FF, NONE, "was blocked by OpaqueResponseBlocking",
      r#"The resource at "(?P<url>[^"]*)" was blocked by OpaqueResponseBlocking"#)
        => { yes: [r#"The resource at "https://api.example.com/v1/items" was blocked by OpaqueResponseBlocking. Reason: "nosniff"."#], no: [r#"was blocked by OpaqueResponseBlocking. Reason: "nosniff"."#] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "GET https://api.example.com/v1/items net::ERR_BLOCKED_BY_ORB 200 (OK)"),
    (Engine::Firefox, "The resource at “https://api.example.com/data.json” was blocked by OpaqueResponseBlocking. Reason: “nosniff is true and mimeType is an opaque-blocklisted MIME type or its essence is ‘text/plain’”."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::CorpBlocked), "GET https://cdn.example.net/logo.png net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin 200 (OK)"),
];
