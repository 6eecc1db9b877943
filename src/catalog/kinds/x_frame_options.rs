//! `x-frame-options`: The page refuses to be shown in a frame.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::XFrameOptions,
    title: "The page refuses to be shown in a frame",
    summary: "The framed page sends X-Frame-Options (or CSP frame-ancestors), which forbids your page from embedding it.",
    cause: "This is not CORS: X-Frame-Options: DENY or SAMEORIGIN, or Content-Security-Policy: frame-ancestors, tells the browser where a page may be framed.",
    fix: "If you own the framed page, replace X-Frame-Options with Content-Security-Policy: frame-ancestors 'self' https://your-site.example. Otherwise link to it instead of framing it.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Frame-Options"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_XFO,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(XFrameOptions), CR, NONE, "in a frame because it set multiple",
      r"Refused to display '(?P<url>[^']*)' in a frame because it set multiple 'X-Frame-Options' headers")
        => { yes: ["Refused to display 'https://api.example.com/v1/items' in a frame because it set multiple 'X-Frame-Options' headers with conflicting values ('false'). Falling back to 'deny'."], no: ["in a frame because it set multiple 'X-Frame-Options' headers with conflicting values ('false'). Falling back to 'deny'."] },
    p(Reason(XFrameOptions), ANY, NONE, "in a frame because it set ",
      r"Refused to display '(?P<url>[^']*)' in a frame because it set 'X-Frame-Options' to")
        => { yes: ["Refused to display 'https://api.example.com/v1/items' in a frame because it set 'X-Frame-Options' to 'false'."], no: ["Refused to display 'https://api.example.com/v1/items' in a frame because it set multiple 'X-Frame-Options' headers with conflicting values ('false'). Falling back to 'deny'."] },
    // Blink's CSP frame-ancestors violation, printed in the framing page's console.
    p(Reason(XFrameOptions), CR, NONE, "ancestor violates the following Content Security Policy",
      r"Refused to frame '(?P<url>[^']*)' because an ancestor violates the following Content Security Policy directive")
        => { yes: [r#"Refused to frame 'https://api.example.com/v1/items' because an ancestor violates the following Content Security Policy directive: "frame-ancestors 'self'"."#], no: [r#"ancestor violates the following Content Security Policy directive: "frame-ancestors 'self'"."#] },
    p(Reason(XFrameOptions), CR, NONE, "Invalid 'X-Frame-Options' header encountered",
      r"Invalid 'X-Frame-Options' header encountered when loading '(?P<url>[^']*)'")
        => { yes: ["Invalid 'X-Frame-Options' header encountered when loading 'https://api.example.com/v1/items': 'false' is not a recognized directive. The header will be ignored."], no: ["Invalid 'X-Frame-Options' header encountered"] },
    p(Reason(XFrameOptions), CR, NONE, "It did not opt-into cross-origin embedding",
      r"Refused to display '(?P<url>[^']*)' in a frame: It did not opt-into cross-origin embedding")
        => { yes: ["Refused to display 'https://api.example.com/v1/items' in a frame: It did not opt-into cross-origin embedding by setting either an 'X-Frame-Options' header, or a 'Content-Security-Policy' header containing a 'frame-ancestors' directive."], no: ["It did not opt-into cross-origin embedding by setting either an 'X-Frame-Options' header, or a 'Content-Security-Policy' header containing a 'frame-ancestors' directive."] },
    p(Reason(XFrameOptions), FF, NONE, "X-Frame-Options",
      r#"(?:The loading of "(?P<url>[^"]*)" in a frame is denied by "X-Frame-Options"|Invalid X-Frame-Options header was found when loading "[^"]*"|Load denied by X-Frame-Options: |Invalid X-Frame-Options: ")"#)
        => { yes: [r#"The loading of "https://bank.example.com/" in a frame is denied by "X-Frame-Options" directive set to "DENY"."#], no: ["Refused to display 'https://api.example.com/v1/items' in a frame because it set 'X-Frame-Options' to 'false'."] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Refused to display 'https://accounts.example.com/' in a frame because it set 'X-Frame-Options' to 'sameorigin'."),
    (Engine::Firefox, "The loading of “https://bank.example.com/” in a frame is denied by “X-Frame-Options“ directive set to “DENY“."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::CoopBlocked), "Cross-Origin-Opener-Policy policy would block the window.closed call."),
];
