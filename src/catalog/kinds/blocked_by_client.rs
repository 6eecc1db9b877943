//! `blocked-by-client`: Blocked by an extension or content blocker.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::BlockedByClient,
    title: "Blocked by an extension or content blocker",
    summary: "A browser extension or content blocker cancelled the request before it was sent.",
    cause: "This is not CORS: ad blockers, privacy extensions and Safari content blockers stop requests whose URL looks like tracking or ads.",
    fix: "Test with extensions disabled; rename endpoints that look like ads or analytics (/ads, /track, /analytics) if your users will have blockers.",
    lookalike: true,
    mdn: None,
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(BlockedByClient), CR, NONE, "net::ERR_BLOCKED_BY_CLIENT",
      r"net::ERR_BLOCKED_BY_CLIENT")
        => { yes: ["net::ERR_BLOCKED_BY_CLIENT.Extension"], no: [] },
    p(Reason(BlockedByClient), WK, NONE, "Blocked by content extension",
      r"Blocked by content extension")
        => { yes: ["Blocked by content extension"], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "GET https://api.example.com/analytics/track net::ERR_BLOCKED_BY_CLIENT"),
    (Engine::Webkit, r"[Error] Blocked by content extension
[Error] Fetch API cannot load https://ads.example.com/pixel.gif due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::CspBlocked), r#"Refused to connect to 'https://api.example.com/v1/items' because it violates the following Content Security Policy directive: "connect-src 'self'"."#),
];
