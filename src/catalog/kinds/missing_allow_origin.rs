//! `missing-allow-origin`: The response has no Access-Control-Allow-Origin header.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::MissingAllowOrigin,
    title: "The response has no Access-Control-Allow-Origin header",
    summary: "The server answered, but without permission for your page's origin to read the response.",
    cause: "Your page and the URL it called have different origins, so the browser made a CORS request: it sent an Origin header and required the response to carry Access-Control-Allow-Origin with that exact origin (or *). The response carried no such header, so the browser withheld it from your code. The server usually did handle the request; only reading the answer was blocked. Safari prints one message for both a missing and a mismatched header, so check the actual value too.",
    fix: "Have the server send Access-Control-Allow-Origin with your page's exact origin (scheme, host and port, no trailing slash) on every response to this URL, error responses included, and Vary: Origin when the value depends on the request. Do not switch the request to mode: 'no-cors': the response becomes opaque and your code still cannot read it.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin"),
    preflight: false,
    credentialed: false,
    headers_fix: true,
    browser_note: Some(NOTE_MISSING),
    avoid: &[],
    client_side: &[DEV_PROXY],
    traps: &[ERRORS, AUTH, DUPLICATES, VARY],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: Some(summary),
    reach_check: false,
    check_method: None,
};

/// "The server at URL answered with status N, but without permission for ORIGIN to read the
/// response."
fn summary(f: &Facts) -> String {
    format!(
        "{} answered{}, but without permission for {} to read the response.",
        f.request_url
            .as_deref()
            .map_or("The server".to_string(), |u| format!("The server at {u}")),
        f.status
            .map_or(String::new(), |s| format!(" with status {s}")),
        f.page_origin.as_deref().unwrap_or("your page's origin")
    )
}

patterns! {
    p(Hint(MissingAllowOrigin), CR, NONE, "The response had HTTP status code",
      r"The response had HTTP status code (?P<status>\d{3})")
        => { yes: ["The response had HTTP status code 500."], no: ["The response had HTTP status code"] },
    p(Reason(MissingAllowOrigin), CR, ACT, "No 'Access-Control-Allow-Origin' header is present",
      r"No 'Access-Control-Allow-Origin' header is present on the requested resource")
        => { yes: ["No 'Access-Control-Allow-Origin' header is present on the requested resource."], no: ["No 'Access-Control-Allow-Origin' header is present"] },
    p(Reason(MissingAllowOrigin), FF, NONE, "'Access-Control-Allow-Origin' missing",
      r"CORS header 'Access-Control-Allow-Origin' missing")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: CORS header 'Access-Control-Allow-Origin' missing)."], no: ["'Access-Control-Allow-Origin' missing)."] },
    p(Reason(MissingAllowOrigin), FF, NONE, "CORS Missing Allow Origin",
      r"CORS Missing Allow Origin")
        => { yes: ["CORS Missing Allow Origin"], no: [] },
    p(Reason(MissingAllowOrigin), WK, NONE, "is not allowed by Access-Control-Allow-Origin",
      r"Origin (?P<origin>\S+) is not allowed by Access-Control-Allow-Origin")
        => { yes: ["Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin."], no: ["is not allowed by Access-Control-Allow-Origin."] },
    p(Reason(MissingAllowOrigin), WK, NONE, "load denied by Cross-Origin Resource Sharing policy",
      r"Cross-origin (?P<resource_kind>script|image|text track) load denied by Cross-Origin Resource Sharing policy")
        => { yes: ["Cross-origin image load denied by Cross-Origin Resource Sharing policy."], no: ["load denied by Cross-Origin Resource Sharing policy."] },
    p(Reason(MissingAllowOrigin), CR, NONE, "Ensure CORS response header values are valid",
      r"Ensure CORS response header values are valid")
        => { yes: ["Ensure CORS response header values are valid"], no: [] },
    p(Hint(MissingAllowOrigin), CR, NONE, "If an opaque response serves your needs",
      r"If an opaque response serves your needs, set the request's mode to 'no-cors'")
        => { yes: ["If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."], no: ["If an opaque response serves your needs"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/v1/orders' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/orders. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200."),
    (Engine::Webkit, r"[Error] Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 200
[Error] Fetch API cannot load https://api.example.com/v1/orders due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::OriginMismatch), "Access to fetch at 'https://api.example.com/v1/me' from origin 'http://localhost:5173' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com' that is not equal to the supplied origin. Have the server send the header with a valid value."),
];
