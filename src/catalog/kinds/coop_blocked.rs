//! `coop-blocked`: Cross-Origin-Opener-Policy blocked a window interaction.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::CoopBlocked,
    title: "Cross-Origin-Opener-Policy blocked a window interaction",
    summary: "A Cross-Origin-Opener-Policy separated the windows, so the call or navigation was blocked.",
    cause: "This is not CORS: Cross-Origin-Opener-Policy puts a page in its own browsing context group, which cuts window.opener and related access, and it is ignored on non-https origins.",
    fix: "Use same-origin-allow-popups when your page opens OAuth or payment popups, use postMessage for communication, and serve the page over https.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Opener-Policy"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_COOP,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(CoopBlocked), CR, NONE, "net::ERR_BLOCKED_BY_RESPONSE.SandboxedIFrameCannotNavigateToOriginIsolatedPage",
      r"net::ERR_BLOCKED_BY_RESPONSE\.SandboxedIFrameCannotNavigateToOriginIsolatedPage")
        => { yes: ["net::ERR_BLOCKED_BY_RESPONSE.SandboxedIFrameCannotNavigateToOriginIsolatedPage"], no: [] },
    p(Reason(CoopBlocked), CR, NONE, "The Cross-Origin-Opener-Policy header has been ignored",
      r"The Cross-Origin-Opener-Policy header has been ignored")
        => { yes: ["The Cross-Origin-Opener-Policy header has been ignored, because the URL's origin was untrustworthy. It was defined either in the final response or a redirect. Please deliver the response using the HTTPS protocol. You can also use the 'localhost' origin instead. See https://www.w3.org/TR/powerful-features/#potentially-trustworthy-origin and https://html.spec.whatwg.org/#the-cross-origin-opener-policy-header."], no: [] },
    p(Reason(CoopBlocked), CR, NONE, "Cross-Origin-Opener-Policy policy would block the window.",
      r"Cross-Origin-Opener-Policy policy would block the window\.")
        => { yes: ["Cross-Origin-Opener-Policy policy would block the window.closed call."], no: [] },
    p(Reason(CoopBlocked), WK, NONE, "Navigation was blocked by Cross-Origin-Opener-Policy",
      r"Navigation was blocked by Cross-Origin-Opener-Policy")
        => { yes: ["Navigation was blocked by Cross-Origin-Opener-Policy"], no: [] },
    p(Reason(CoopBlocked), CR, NONE, "An iframe navigation to a document with a Cross-Origin Opener Policy was blocked",
      r"An iframe navigation to a document with a Cross-Origin Opener Policy was blocked")
        => { yes: ["An iframe navigation to a document with a Cross-Origin Opener Policy was blocked"], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Cross-Origin-Opener-Policy policy would block the window.closed call."),
    (Engine::Webkit, "[Error] Navigation was blocked by Cross-Origin-Opener-Policy"),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::XFrameOptions), "Refused to display 'https://accounts.example.com/' in a frame because it set 'X-Frame-Options' to 'sameorigin'."),
];
