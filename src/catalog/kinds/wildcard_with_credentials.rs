//! `wildcard-with-credentials`: Access-Control-Allow-Origin: * cannot be used with credentials.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::WildcardWithCredentials,
    title: "Access-Control-Allow-Origin: * cannot be used with credentials",
    summary: "The request carries cookies or HTTP auth, and the server answered with the wildcard *, which the browser refuses for credentialed requests.",
    cause: "Your code asked the browser to include credentials (fetch with credentials: 'include', XMLHttpRequest.withCredentials = true, axios withCredentials). For such requests the Fetch standard does not accept * in Access-Control-Allow-Origin: the server must name the origin explicitly and also send Access-Control-Allow-Credentials: true.",
    fix: "On the server, replace * with the request's origin taken from an exact allowlist, add Access-Control-Allow-Credentials: true and Vary: Origin. Never reflect every origin while allowing credentials: any site could then read your users' data. If the request does not need cookies, remove credentials: 'include' on the client instead.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSNotSupportingCredentials"),
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
    p(Reason(WildcardWithCredentials), CR, ACT, "must not be the wildcard",
      r"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '\*' when the request's credentials mode is 'include'")
        => { yes: ["The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."], no: ["must not be the wildcard '*' when the request's credentials mode is 'include'."] },
    p(Reason(WildcardWithCredentials), FF, NONE, "Credential is not supported",
      r"Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '\*'")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/session. (Reason: Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*')."], no: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/session. (Reason: Credential is not supported"] },
    p(Reason(WildcardWithCredentials), WK, NONE, "Cannot use wildcard in Access-Control-Allow-Origin",
      r"Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true")
        => { yes: ["Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."], no: ["Cannot use wildcard in Access-Control-Allow-Origin"] },
    p(Reason(WildcardWithCredentials), CR, NONE, "origin wildcards",
      r"Ensure credentialed requests aren't sent to CORS resources with origin wildcards")
        => { yes: ["Ensure credentialed requests aren't sent to CORS resources with origin wildcards"], no: ["origin wildcards"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/session' from origin 'http://localhost:3000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/session. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)."),
    (Engine::Webkit, r"[Error] Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.
[Error] Fetch API cannot load https://api.example.com/session due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::CredentialsNotTrue), "Access to fetch at 'https://api.example.com/cart' from origin 'https://shop.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."),
];
