//! `subresource-integrity`: Integrity check on a non-CORS resource.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::SubresourceIntegrity,
    title: "Integrity check on a non-CORS resource",
    summary: "A script or stylesheet with an integrity attribute was loaded without CORS, so the browser could not check it.",
    cause: "Subresource Integrity on a cross-origin resource requires a CORS load: the element needs crossorigin=\"anonymous\" and the server must send Access-Control-Allow-Origin.",
    fix: "Add crossorigin=\"anonymous\" to the script or link tag and make sure the CDN sends Access-Control-Allow-Origin (most public CDNs send *).",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity"),
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
    p(Reason(SubresourceIntegrity), FF, NONE, "is not eligible for integrity checks",
      r#""(?P<url>[^"]*)" is not eligible for integrity checks since it's neither CORS-enabled nor same-origin"#)
        => { yes: [r#""https://cdn.example.net/lib.js" is not eligible for integrity checks since it's neither CORS-enabled nor same-origin."#], no: ["is not eligible for integrity checks since it's neither CORS-enabled nor same-origin."] },
    p(Reason(SubresourceIntegrity), WK, NONE, "Failed integrity metadata check",
      r"Failed integrity metadata check")
        => { yes: ["Failed integrity metadata check. Failed integrity metadata check."], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Firefox, "“https://cdn.example.net/lib.js” is not eligible for integrity checks since it’s neither CORS-enabled nor same-origin."),
    (Engine::Webkit, "[Error] Failed integrity metadata check. Content length: 10240, Expected content length: 10240, Expected metadata: sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (None, "Refused to execute script from 'https://cdn.example.net/app.js' because its MIME type ('text/html') is not executable, and strict MIME type checking is enabled."),
];
