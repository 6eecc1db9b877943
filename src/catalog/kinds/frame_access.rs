//! `frame-access`: Script tried to reach into a cross-origin frame.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::FrameAccess,
    title: "Script tried to reach into a cross-origin frame",
    summary: "Your script accessed a window or iframe of another origin, which the same-origin policy forbids.",
    cause: "This is not CORS: pages of different origins cannot read each other's DOM or properties, whatever headers are sent.",
    fix: "Communicate with window.postMessage (and check event.origin on the receiving side), or serve both pages from the same origin.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/API/Window/postMessage"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_FRAMES,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(FrameAccess), WK, NONE, "from accessing a cross-origin frame. Protocols",
      r#"Blocked a frame with origin "(?P<origin>[^"]*)" from accessing a cross-origin frame\. Protocols, domains, and ports must match"#)
        => { yes: [r#"Blocked a frame with origin "http://localhost:3000" from accessing a cross-origin frame. Protocols, domains, and ports must match."#], no: ["from accessing a cross-origin frame. Protocols, domains, and ports must match."] },
    p(Reason(FrameAccess), ANY, NONE, "from accessing a frame with origin",
      r#"Blocked a frame with origin "(?P<origin>[^"]*)" from accessing a frame with origin "[^"]*"\. Protocols, domains, and ports must match"#)
        => { yes: [r#"Blocked a frame with origin "http://localhost:3000" from accessing a frame with origin "https://frame.example.com". Protocols, domains, and ports must match."#], no: [r#"Blocked a frame with origin "http://localhost:3000" from accessing a frame with origin "https://frame.example.com"."#] },
    p(Reason(FrameAccess), CR, NONE, "from accessing ",
      r#"Blocked a (?:restricted )?frame (?:with origin|at) "(?P<origin>[^"]*)" from accessing"#)
        => { yes: [r#"Blocked a frame with origin "http://localhost:3000" from accessing a cross-origin frame."#], no: ["from accessing a cross-origin frame."] },
    p(Reason(FrameAccess), FF, NONE, "on cross-origin object",
      r"Permission denied to [a-z]+ property \S+ on cross-origin object")
        => { yes: ["Permission denied to get property closed on cross-origin object"], no: ["on cross-origin object"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, r#"Uncaught DOMException: Blocked a frame with origin "http://localhost:3000" from accessing a cross-origin frame."#),
    (Engine::Firefox, r#"Uncaught DOMException: Permission denied to access property "document" on cross-origin object"#),
    (Engine::Webkit, r#"[Error] SecurityError: Blocked a frame with origin "https://shop.example.com" from accessing a cross-origin frame. Protocols, domains, and ports must match."#),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::CanvasTainted), "Uncaught DOMException: Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data."),
];
