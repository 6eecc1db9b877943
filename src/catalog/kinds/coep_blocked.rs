//! `coep-blocked`: Blocked by your page's Cross-Origin-Embedder-Policy.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::CoepBlocked,
    title: "Blocked by your page's Cross-Origin-Embedder-Policy",
    summary: "Your page sends Cross-Origin-Embedder-Policy: require-corp, and the resource did not opt in to being embedded.",
    cause: "This is not a CORS failure of the resource: with COEP require-corp (needed for SharedArrayBuffer), every cross-origin subresource must either be loaded with CORS (crossorigin attribute plus Access-Control-Allow-Origin) or carry Cross-Origin-Resource-Policy: cross-origin.",
    fix: "Have the resource send Cross-Origin-Resource-Policy: cross-origin, or load it in CORS mode (crossorigin attribute) with Access-Control-Allow-Origin, or use COEP credentialless on your page.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Embedder-Policy"),
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
    p(Reason(CoepBlocked), CR, NONE, "net::ERR_BLOCKED_BY_RESPONSE.",
      r"net::ERR_BLOCKED_BY_RESPONSE\.(?:NotSameOriginAfterDefaultedToSameOriginBy[A-Za-z]+|ResponseNeedsCrossOriginEmbedderPolicy)")
        => { yes: ["net::ERR_BLOCKED_BY_RESPONSE.ResponseNeedsCrossOriginEmbedderPolicy"], no: ["net::ERR_BLOCKED_BY_RESPONSE.NotSameSite"] },
    p(Reason(CoepBlocked), WK, NONE, "in a frame because of Cross-Origin-Embedder-Policy",
      r"Refused to display '(?P<url>[^']*)' in a frame because of Cross-Origin-Embedder-Policy")
        => { yes: ["Refused to display 'https://api.example.com/v1/items' in a frame because of Cross-Origin-Embedder-Policy."], no: ["in a frame because of Cross-Origin-Embedder-Policy."] },
    p(Reason(CoepBlocked), WK, NONE, "worker because of Cross-Origin-Embedder-Policy",
      r"Refused to load '(?P<url>[^']*)' worker because of Cross-Origin-Embedder-Policy")
        => { yes: ["Refused to load 'https://api.example.com/v1/items' worker because of Cross-Origin-Embedder-Policy."], no: ["worker because of Cross-Origin-Embedder-Policy."] },
    p(Reason(CoepBlocked), WK, NONE, "Worker load was blocked by Cross-Origin-Embedder-Policy",
      r"Worker load was blocked by Cross-Origin-Embedder-Policy")
        => { yes: ["Worker load was blocked by Cross-Origin-Embedder-Policy"], no: [] },
    p(Reason(CoepBlocked), CR, NONE, "Specify a Cross-Origin ",
      r"Specify a Cross-Origin (?:Resource Policy to stop a resource|Embedder Policy to stop this frame) from being blocked")
        => { yes: ["Specify a Cross-Origin Resource Policy to stop a resource from being blocked"], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "GET https://cdn.example.net/wasm/module.wasm net::ERR_BLOCKED_BY_RESPONSE.NotSameOriginAfterDefaultedToSameOriginByCoep 200 (OK)"),
    (Engine::Webkit, "[Error] Refused to display 'https://maps.example.com/embed' in a frame because of Cross-Origin-Embedder-Policy."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::CorpBlocked), "GET https://cdn.example.net/logo.png net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin 200 (OK)"),
];
