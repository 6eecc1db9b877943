//! `private-network`: Private or local network access was blocked.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::PrivateNetwork,
    title: "Private or local network access was blocked",
    summary: "A public page tried to reach a private or loopback address (localhost, 192.168.x.x, a router or an intranet host).",
    cause: "Chrome restricts requests from public or insecure pages to more private address spaces. Older versions required a preflight answered with Access-Control-Allow-Private-Network: true; since 2025 Chrome asks the user for Local Network Access permission instead and blocks when it is denied or cannot be asked.",
    fix: "Serve the page over https; in current Chrome, let the user grant the local network permission (and declare it in iframes with allow=\"local-network-access\"); for older Chrome versions, answer the preflight with Access-Control-Allow-Private-Network: true in addition to the CORS headers.",
    lookalike: false,
    mdn: None,
    preflight: false,
    credentialed: false,
    headers_fix: true,
    browser_note: Some(NOTE_PNA),
    avoid: &[],
    client_side: &[],
    traps: &[PNA],
    spec: SPEC_LNA,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(PrivateNetwork), CR, PRE, "Access-Control-Allow-Private-Network",
      r"'Access-Control-Allow-Private-Network' header (?:was present )?in the preflight response for this private network request targeting the `(?P<address_space>[a-z-]+)` address space")
        => { yes: ["Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `private` address space."], no: ["Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `private` address space."] },
    p(Reason(PrivateNetwork), CR, PRE, "'Access-Control-Allow-External'",
      r"'Access-Control-Allow-External' header")
        => { yes: ["Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-External' header was present in the preflight response for this external request (This is an experimental header which is defined in 'https://wicg.github.io/cors-rfc1918/')."], no: ["Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-External'"] },
    p(Reason(PrivateNetwork), CR, NONE, "more-private address space",
      r"The request client is not a secure context and the resource is in more-private address space `(?P<address_space>[a-z-]+)`")
        => { yes: ["The request client is not a secure context and the resource is in more-private address space `private`."], no: ["more-private address space `private`."] },
    p(Reason(PrivateNetwork), CR, NONE, "yet the resource is in address space",
      r"Request had (?:a target IP address space of `[a-z-]+`|no target IP address space),? yet the resource is in address space `(?P<address_space>[a-z-]+)`")
        => { yes: ["Request had no target IP address space, yet the resource is in address space `private`."], no: ["yet the resource is in address space `private`."] },
    p(Reason(PrivateNetwork), CR, PRE, "header was present in the preflight response for this private network request",
      r"No 'Private-Network-Access-(?:Id|Name)' header was present in the preflight response for this private network request targeting the `(?P<address_space>[a-z-]+)` address space")
        => { yes: ["No 'Private-Network-Access-Id' header was present in the preflight response for this private network request targeting the `private` address space."], no: ["Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `private` address space."] },
    p(Reason(PrivateNetwork), CR, NONE, "Unable to ask for permission to access the",
      r"Unable to ask for permission to access the `(?P<address_space>[a-z-]+)` IP address space")
        => { yes: ["Unable to ask for permission to access the `private` IP address space."], no: ["Unable to ask for permission to access the"] },
    p(Reason(PrivateNetwork), CR, NONE, "Permission was denied for this request to access the",
      r"Permission was denied for this request to access the `(?P<address_space>[a-z-]+)` address space")
        => { yes: ["Permission was denied for this request to access the `local` address space."], no: ["Permission was denied for this request to access the"] },
    p(Reason(PrivateNetwork), CR, NONE, "Requests to internal network resources are not allowed from non-secure contexts",
      r"Requests to internal network resources are not allowed from non-secure contexts")
        => { yes: ["Requests to internal network resources are not allowed from non-secure contexts (see https://goo.gl/Y0ZkNV). This is an experimental restriction which is part of 'https://mikewest.github.io/cors-rfc1918/'."], no: [] },
    p(Reason(PrivateNetwork), CR, NONE, "local network requests are compatible with restrictions",
      r"Ensure that local network requests are compatible with restrictions")
        => { yes: ["Ensure that local network requests are compatible with restrictions"], no: ["local network requests are compatible with restrictions"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'http://192.168.1.20/api/status' from origin 'https://dashboard.example.com' has been blocked by CORS policy: Permission was denied for this request to access the `local` address space."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::NetworkError), "GET http://192.168.1.20/api/status net::ERR_CONNECTION_REFUSED"),
];
