//! `network-error`: The request never got a response.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::NetworkError,
    title: "The request never got a response",
    summary: "The connection failed (refused, reset, DNS, TLS or timeout), so there was no response to check for CORS.",
    cause: "The browser got no HTTP response at all, so there was nothing to check for CORS: the server was not reached or did not answer. Typical causes: the server is not running or listens on another port or interface, a wrong host name, a certificate error, a firewall, or the server crashed mid-request.",
    fix: "Check that the server is up and reachable at exactly this URL (curl it), that the port and scheme are right, and that the certificate is valid. CORS headers cannot fix this.",
    lookalike: true,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSDidNotSucceed"),
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: Some(NOTE_NETWORK),
    avoid: &[AVOID_NOT_CORS],
    client_side: &[],
    traps: &[],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: true,
    check_method: None,
};

patterns! {
    p(Reason(NetworkError), FF, NONE, "CORS request did not succeed",
      r"CORS request did not succeed")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: CORS request did not succeed)."], no: [] },
    p(Reason(NetworkError), CR, NONE, "net::ERR_",
      r"net::ERR_(?:CONNECTION_[A-Z_]+|TIMED_OUT|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|ADDRESS_UNREACHABLE|ADDRESS_INVALID|INTERNET_DISCONNECTED|EMPTY_RESPONSE|CERT_[A-Z_]+|SSL_[A-Z_]+|NETWORK_CHANGED|NETWORK_ACCESS_DENIED|TUNNEL_CONNECTION_FAILED|PROXY_CONNECTION_FAILED|HTTP2_PROTOCOL_ERROR|QUIC_PROTOCOL_ERROR|INCOMPLETE_CHUNKED_ENCODING|INVALID_HTTP_RESPONSE|UNSAFE_PORT|SOCKET_NOT_CONNECTED|BAD_SSL_CLIENT_AUTH_CERT)\b")
        => { yes: ["Failed to load resource: net::ERR_UNSAFE_PORT"], no: ["net::ERR_BLOCKED_BY_ORB"] },
    p(Reason(NetworkError), FF, NONE, "NS_ERROR_",
      r"NS_ERROR_(?:CONNECTION_REFUSED|UNKNOWN_HOST|NET_TIMEOUT|NET_RESET|NET_INTERRUPT|OFFLINE|PROXY_CONNECTION_REFUSED|NET_PARTIAL_TRANSFER)\b")
        => { yes: ["NS_ERROR_CONNECTION_REFUSED"], no: ["NS_ERROR_"] },
    p(Reason(NetworkError), WK, NONE, "Not allowed to use restricted network port",
      r"Not allowed to use restricted network port \d+: (?P<url>\S+)")
        => { yes: ["http://localhost:35325/:1:112: CONSOLE SECURITY ERROR Not allowed to use restricted network port 6000: http://127.0.0.1:6000/data"], no: ["http://localhost:35325/:1:112: CONSOLE SECURITY ERROR Not allowed to use restricted network port"] },
    p(Reason(NetworkError), WK, NONE, "Could not connect to the server",
      r"Could not connect to the server")
        => { yes: ["[Error] Could not connect to the server."], no: [] },
    p(Reason(NetworkError), WK, NONE, "A server with the specified hostname could not be found",
      r"A server with the specified hostname could not be found")
        => { yes: ["A server with the specified hostname could not be found."], no: [] },
    p(Reason(NetworkError), WK, NONE, "The network connection was lost",
      r"The network connection was lost")
        => { yes: ["The network connection was lost."], no: [] },
    p(Reason(NetworkError), WK, NONE, "The request timed out",
      r"The request timed out")
        => { yes: ["The request timed out."], no: [] },
    p(Reason(NetworkError), WK, NONE, "An SSL error has occurred",
      r"An SSL error has occurred")
        => { yes: ["An SSL error has occurred and a secure connection to the server cannot be made."], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "GET http://localhost:8080/api/items net::ERR_CONNECTION_REFUSED"),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/orders. (Reason: CORS request did not succeed). Status code: (null)."),
    (Engine::Webkit, r"[Error] Could not connect to the server.
[Error] Fetch API cannot load http://localhost:8080/api/orders due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::GenericFetchFailure), "Uncaught (in promise) TypeError: Failed to fetch"),
];
