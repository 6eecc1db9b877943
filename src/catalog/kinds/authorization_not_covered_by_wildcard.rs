//! `authorization-not-covered-by-wildcard`: Access-Control-Allow-Headers: * does not cover Authorization.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::AuthorizationNotCoveredByWildcard,
    title: "Access-Control-Allow-Headers: * does not cover Authorization",
    summary: "The server allows all request headers with *, but the Fetch standard excludes Authorization from that wildcard.",
    cause: "In Access-Control-Allow-Headers the value * means any header except Authorization, and only for requests without credentials. Firefox warns before blocking; Chrome and Safari already block.",
    fix: "List Authorization explicitly in Access-Control-Allow-Headers (for example: Authorization, Content-Type).",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Headers"),
    preflight: true,
    credentialed: false,
    headers_fix: true,
    browser_note: Some(NOTE_AUTH_STAR),
    avoid: &[],
    client_side: &[CLIENT_DROP_HEADER, DEV_PROXY],
    traps: &[STAR_AUTH],
    spec: SPEC_PREFLIGHT,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    Pattern {
        role: Reason(AuthorizationNotCoveredByWildcard),
        engine: FF,
        stage: PRE,
        needle: "the `Authorization` header is not covered",
        regex: r"When the `Access-Control-Allow-Headers` is `\*`, the `Authorization` header is not covered",
        preset: &[(Fact::Header, "authorization")],
    }
        => { yes: ["Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at https://api.example.com/v1/me soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`)."], no: ["the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`)."] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Firefox, "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at https://api.example.com/v1/me soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`)."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::HeaderNotAllowed), "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/me. (Reason: header ‘x-api-key’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)."),
];
