//! `scheme-not-supported`: CORS only works for http and https URLs.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::SchemeNotSupported,
    title: "CORS only works for http and https URLs",
    summary: "The page requested a URL whose scheme (file:, chrome-extension:, a custom scheme) cannot be fetched cross-origin.",
    cause: "CORS requests are only defined for http: and https:. Opening your page from file:// (double-clicking index.html) gives it the origin null and makes every fetch of a local file fail.",
    fix: "Serve the page over http during development (for example python3 -m http.server, npx serve, or your dev server) and request http(s) URLs.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSRequestNotHttp"),
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
    p(Reason(SchemeNotSupported), CR, NONE, "Cross origin requests are only supported for protocol schemes",
      r"Cross origin requests are only supported for protocol schemes")
        => { yes: ["Cross origin requests are only supported for protocol schemes: http, data, chrome-extension, chrome, https."], no: [] },
    p(Reason(SchemeNotSupported), CR, NONE, " is not supported.",
      r#"URL scheme "[^"]*" is not supported\."#)
        => { yes: [r#"Fetch API cannot load ftp://127.0.0.1/file.txt. URL scheme "ftp" is not supported."#], no: [] },
    p(Reason(SchemeNotSupported), CR, NONE, "URL scheme must be",
      r#"URL scheme must be "http" or "https" for CORS request"#)
        => { yes: [r#"Fetch API cannot load https://api.example.com/v1/items. URL scheme must be "http" or "https" for CORS request."#], no: ["Fetch API cannot load https://api.example.com/v1/items. URL scheme must be"] },
    // A web page linking a local file (file:): Chromium and Firefox refuse to load it.
    p(Reason(SchemeNotSupported), ANY, NONE, "Not allowed to load local resource: ",
      r"Not allowed to load local resource: (?P<url>[a-z][a-z0-9+.-]*:\S+)")
        => { yes: ["Not allowed to load local resource: file:///etc/hostname"], no: [] },
    p(Reason(SchemeNotSupported), FF, NONE, " may not load or link to ",
      r"Security Error: Content at (?P<page_url>\S+) may not load or link to (?P<url>[a-z][a-z0-9+.-]*:\S+?)\.?$")
        => { yes: ["Uncaught Security Error: Content at http://127.0.0.1:32925/ may not load or link to file:///etc/hostname."], no: [] },
    p(Reason(SchemeNotSupported), FF, NONE, "CORS request not http",
      r"CORS request not http")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at file:///home/me/data.json. (Reason: CORS request not http)."], no: [] },
    p(Reason(SchemeNotSupported), WK, NONE, "Cross origin requests are only supported for HTTP",
      r"Cross origin requests are only supported for HTTP")
        => { yes: ["Cross origin requests are only supported for HTTP."], no: [] },
    p(Reason(SchemeNotSupported), CR, NONE, "Ensure CORS requests are made on supported schemes",
      r"Ensure CORS requests are made on supported schemes")
        => { yes: ["Ensure CORS requests are made on supported schemes"], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'file:///C:/Users/me/site/data.json' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at file:///home/me/data.json. (Reason: CORS request not http)."),
    (Engine::Webkit, r"[Error] Cross origin requests are only supported for HTTP.
[Error] XMLHttpRequest cannot load file:///Users/me/data.json due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::MissingAllowOrigin), "Access to fetch at 'https://api.example.com/v1/items' from origin 'null' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."),
];
