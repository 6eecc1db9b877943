//! `canvas-tainted`: The canvas is tainted by a cross-origin image.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::CanvasTainted,
    title: "The canvas is tainted by a cross-origin image",
    summary: "You drew an image from another origin on a canvas without CORS, so reading its pixels is forbidden.",
    cause: "An image loaded without the crossorigin attribute taints the canvas; getImageData, toDataURL and toBlob then throw.",
    fix: "Load the image with crossorigin=\"anonymous\" (img.crossOrigin = 'anonymous' before setting src) and have the image server send Access-Control-Allow-Origin for your origin.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTML/How_to/CORS_enabled_image"),
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
    p(Reason(CanvasTainted), CR, NONE, "The canvas has been tainted by cross-origin data",
      r"The canvas has been tainted by cross-origin data")
        => { yes: ["Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data."], no: [] },
    p(Reason(CanvasTainted), CR, NONE, "Tainted canvases may not be exported",
      r"Tainted canvases may not be exported")
        => { yes: ["Failed to execute 'PUT' on 'HTMLCanvasElement': Tainted canvases may not be exported."], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Uncaught DOMException: Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::FrameAccess), r#"Uncaught DOMException: Blocked a frame with origin "http://localhost:3000" from accessing a cross-origin frame."#),
];
