//! `credentials-not-true`: Access-Control-Allow-Credentials is not true.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::CredentialsNotTrue,
    title: "Access-Control-Allow-Credentials is not true",
    summary: "The request carries credentials, but the server did not answer with Access-Control-Allow-Credentials: true.",
    cause: "For a credentialed request (cookies, HTTP auth, client certificates), the response must carry Access-Control-Allow-Credentials with exactly the value true, in addition to the page's exact origin in Access-Control-Allow-Origin. The header was missing or had another value.",
    fix: "Enable credentials in the server's CORS configuration (it sends Access-Control-Allow-Credentials: true), together with an explicit origin allowlist and Vary: Origin. If cookies are not needed for this call, stop sending them (credentials: 'same-origin', the default).",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMIssingAllowCredentials"),
    preflight: false,
    credentialed: true,
    headers_fix: true,
    browser_note: None,
    avoid: &[AVOID_STAR_CREDENTIALS],
    client_side: &[CLIENT_NO_CREDENTIALS, DEV_PROXY],
    traps: &[VARY, LOCALHOST],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(CredentialsNotTrue), CR, ACT, "which must be 'true' when the request's credentials mode",
      r"The value of the 'Access-Control-Allow-Credentials' header in the response is '[^']*' which must be 'true' when the request's credentials mode is 'include'")
        => { yes: ["The value of the 'Access-Control-Allow-Credentials' header in the response is 'false' which must be 'true' when the request's credentials mode is 'include'."], no: ["which must be 'true' when the request's credentials mode is 'include'."] },
    p(Reason(CredentialsNotTrue), FF, NONE, "in CORS header 'Access-Control-Allow-Credentials'",
      r"expected 'true' in CORS header 'Access-Control-Allow-Credentials'")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/session. (Reason: expected 'true' in CORS header 'Access-Control-Allow-Credentials')."], no: ["in CORS header 'Access-Control-Allow-Credentials')."] },
    p(Reason(CredentialsNotTrue), WK, NONE, "Credentials flag is true",
      r#"Credentials flag is true, but Access-Control-Allow-Credentials is not "true""#)
        => { yes: [r#"Credentials flag is true, but Access-Control-Allow-Credentials is not "true"."#], no: ["Credentials flag is true"] },
    p(Reason(CredentialsNotTrue), CR, NONE, "include credentials only when allowed",
      r"Ensure CORS requests include credentials only when allowed")
        => { yes: ["Ensure CORS requests include credentials only when allowed"], no: ["include credentials only when allowed"] },
    p(Hint(CredentialsNotTrue), CR, NONE, "controlled by the withCredentials attribute",
      r"The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute")
        => { yes: ["The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."], no: ["controlled by the withCredentials attribute."] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/cart' from origin 'https://shop.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/session. (Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)."),
    (Engine::Webkit, r#"[Error] Credentials flag is true, but Access-Control-Allow-Credentials is not "true".
[Error] Fetch API cannot load https://api.example.com/session due to access control checks."#),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::WildcardWithCredentials), "Access to fetch at 'https://api.example.com/session' from origin 'http://localhost:3000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."),
];
