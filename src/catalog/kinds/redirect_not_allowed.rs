//! `redirect-not-allowed`: A redirect broke the CORS request.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::RedirectNotAllowed,
    title: "A redirect broke the CORS request",
    summary: "The request was redirected in a way CORS does not allow.",
    cause: "CORS requests may follow redirects, but every hop must pass the CORS check again, and a redirect to a URL with a username and password or to a non-http(s) scheme is refused. After a cross-origin redirect the page's origin becomes null, so the final server must allow the null origin (which you should not do); old browsers refused such redirects outright.",
    fix: "Call the final URL directly instead of one that redirects (typical: http -> https, missing trailing slash, an old domain). If the redirect must stay, every server in the chain must send the CORS headers.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSExternalRedirectNotAllowed"),
    preflight: false,
    credentialed: false,
    headers_fix: true,
    browser_note: None,
    avoid: &[AVOID_FOLLOW],
    client_side: &[],
    traps: &[REDIRECTS],
    spec: SPEC_REDIRECT,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(RedirectNotAllowed), CR, NONE, "Redirect location '",
      r"Redirect location '[^']*' contains a username and password, which is disallowed for cross-origin requests")
        => { yes: ["Redirect location 'false' contains a username and password, which is disallowed for cross-origin requests."], no: ["Redirect location 'https://user:pw@cdn.example.com/x' has a disallowed scheme for cross-origin requests."] },
    p(Reason(RedirectNotAllowed), CR, NONE, "has a disallowed scheme for cross-origin requests",
      r"Redirect location '[^']*' has a disallowed scheme for cross-origin requests")
        => { yes: ["Redirect location 'https://user:pw@cdn.example.com/x' has a disallowed scheme for cross-origin requests."], no: ["has a disallowed scheme for cross-origin requests."] },
    p(Reason(RedirectNotAllowed), CR, NONE, "Redirect failed.",
      r"Fetch API cannot load \S+\. Redirect failed\.")
        => { yes: ["Fetch API cannot load https://api.example.com/v1/items. Redirect failed."], no: ["Redirect failed."] },
    // A redirect to a scheme a fetch may not follow (data:, file:, javascript:).
    p(Reason(RedirectNotAllowed), CR, NONE, "net::ERR_UNSAFE_REDIRECT",
      r"net::ERR_UNSAFE_REDIRECT")
        => { yes: ["Failed to load resource: net::ERR_UNSAFE_REDIRECT"], no: [] },
    p(Reason(RedirectNotAllowed), FF, NONE, "CORS request external redirect not allowed",
      r"CORS request external redirect not allowed")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/login. (Reason: CORS request external redirect not allowed)."], no: [] },
    p(Reason(RedirectNotAllowed), WK, NONE, "redirection with non CORS scheme",
      r"not allowed to follow a cross-origin CORS redirection with non CORS scheme")
        => { yes: ["not allowed to follow a cross-origin CORS redirection with non CORS scheme"], no: ["redirection with non CORS scheme"] },
    p(Reason(RedirectNotAllowed), WK, NONE, " has credentials",
      r"redirection URL (?P<url>\S+) has credentials")
        => { yes: ["redirection URL https://api.example.com/v1/items has credentials"], no: [] },
    p(Reason(RedirectNotAllowed), WK, NONE, "URL is either a non-HTTP URL or contains credentials",
      r"URL is either a non-HTTP URL or contains credentials")
        => { yes: ["URL is either a non-HTTP URL or contains credentials."], no: [] },
    p(Reason(RedirectNotAllowed), WK, NONE, "Cross-origin redirection denied by Cross-Origin Resource Sharing policy",
      r"Cross-origin redirection denied by Cross-Origin Resource Sharing policy")
        => { yes: ["Cross-origin redirection denied by Cross-Origin Resource Sharing policy."], no: [] },
    p(Reason(RedirectNotAllowed), WK, NONE, "Redirection to URL with a scheme that is not HTTP(S)",
      r"Redirection to URL with a scheme that is not HTTP\(S\)")
        => { yes: ["Redirection to URL with a scheme that is not HTTP(S)."], no: [] },
    p(Reason(RedirectNotAllowed), WK, NONE, "Not allowed to follow a redirection while loading",
      r"Not allowed to follow a redirection while loading (?P<url>\S+)")
        => { yes: ["Not allowed to follow a redirection while loading https://api.example.com/v1/items"], no: ["Not allowed to follow a redirection while loading"] },
    p(Reason(RedirectNotAllowed), WK, NONE, "Load cannot follow more than 20 redirections",
      r"Load cannot follow more than 20 redirections")
        => { yes: ["Load cannot follow more than 20 redirections"], no: [] },
    p(Reason(RedirectNotAllowed), WK, NONE, "Redirect was not allowed",
      r"^Redirect was not allowed")
        => { yes: ["Redirect was not allowed"], no: [] },
    p(Reason(RedirectNotAllowed), CR, NONE, "aren't redirected to URLs containing credentials",
      r"Ensure CORS requests aren't redirected to URLs containing credentials")
        => { yes: ["Ensure CORS requests aren't redirected to URLs containing credentials"], no: ["aren't redirected to URLs containing credentials"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/login' from origin 'http://localhost:3000' has been blocked by CORS policy: Redirect location 'https://user:secret@sso.example.com/login' contains a username and password, which is disallowed for cross-origin requests."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/login. (Reason: CORS request external redirect not allowed)."),
    (Engine::Webkit, r"[Error] Cross-origin redirection denied by Cross-Origin Resource Sharing policy.
[Error] Fetch API cannot load https://api.example.com/login due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::PreflightRedirect), "Access to XMLHttpRequest at 'http://api.example.com/items' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request."),
];
