//! `cors-other`: A CORS failure with an unusual reason.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::CorsOther,
    title: "A CORS failure with an unusual reason",
    summary: "The browser blocked the request under CORS, with a reason cors-doctor does not know yet.",
    cause: "The message has the shape of a CORS failure, so the response was missing or had invalid CORS headers, but the specific reason is new or rare.",
    fix: "Check the response headers of the failing request (and of its OPTIONS preflight) with the curl commands below, and compare them with your page's origin, method and headers.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors"),
    preflight: false,
    credentialed: false,
    headers_fix: true,
    browser_note: None,
    avoid: &[],
    client_side: &[DEV_PROXY],
    traps: &[ERRORS, DUPLICATES, SLASH],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(CorsOther), CR, NONE, "The response is invalid.",
      r"(?:^|: )The response is invalid\.")
        => { yes: ["The response is invalid."], no: [] },
    p(Reason(CorsOther), CR, NONE, "nvalid response. Origin",
      r"(?:Received an i|I)nvalid response\. Origin '(?P<origin>[^']*)' is therefore not allowed access")
        => { yes: ["Invalid response. Origin 'http://localhost:3000' is therefore not allowed access."], no: ["nvalid response. Origin 'http://localhost:3000' is therefore not allowed access."] },
    p(Reason(CorsOther), CR, NONE, "CORS error, code ",
      r"CORS error, code \d+")
        => { yes: ["CORS error, code 3"], no: [] },
    p(Reason(CorsOther), CR, NONE, "Failed to start loading ",
      r"^Failed to start loading (?P<url>\S+)")
        => { yes: ["Failed to start loading https://api.example.com/v1/items"], no: [] },
    p(Reason(CorsOther), WK, NONE, "requests from ",
      r"Cannot make any (?:cross origin )?requests from (?P<origin>\S+?)\.?$")
        => { yes: ["Cannot make any requests from http://localhost:3000."], no: ["requests from http://localhost:3000."] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/v1/items' from origin 'http://localhost:3000' has been blocked by CORS policy: The response is invalid."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::PreflightBadStatus), "Access to fetch at 'https://api.example.com/v1/orders/42' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."),
];
