//! Sentences several kinds share (their traps, what not to do, client-side options, browser
//! notes, spec links), named once; `kinds.rs` says which kind gets which.

/// A spec section: its label and URL.
pub type Spec = (&'static str, &'static str);

pub const NOTE_MISSING: &str = "Chrome and Firefox check Access-Control-Allow-Origin before the preflight's status, so an OPTIONS answer of 404 or 401 without CORS headers also shows up as this error (Chrome puts \"Response to preflight request\" in front); Safari reports the status instead.";
pub const NOTE_BAD_STATUS: &str = "Safari checks this status first; Chrome and Firefox report a preflight without Access-Control-Allow-Origin as that header missing, whatever its status.";
pub const NOTE_MISMATCH: &str = "Firefox quotes the value the server sent; Chrome also calls a trailing slash ('https://app.example.com/') a mismatch.";
pub const NOTE_AUTH_STAR: &str = "Firefox only warns for now; the Fetch standard, Chrome and Safari already exclude Authorization from *.";
pub const NOTE_NETWORK: &str = "Firefox prints \"CORS request did not succeed\" for any request that got no response; Chrome prints the net::ERR_ code; Safari prints \"Could not connect to the server\".";
pub const NOTE_PNA: &str = "Only Chromium browsers enforce this; the wording changed from Access-Control-Allow-Private-Network preflights (2022-2024) to a Local Network Access permission prompt (2025).";

pub const AVOID_STAR_CREDENTIALS: &str = "The common advice \"add Access-Control-Allow-Origin: * everywhere\" does not work here: the wildcard is never accepted with credentials.";
pub const AVOID_JSON_MYTH: &str = "The common claim that Content-Type: application/json needs no preflight is wrong: only form, multipart and text/plain bodies are safelisted.";
pub const AVOID_FOLLOW: &str = "Setting redirect: 'follow' changes nothing: it is already fetch()'s default, and preflights never follow redirects.";
pub const AVOID_NOT_CORS: &str = "Adding Access-Control-Allow-Origin or other CORS headers will not fix this: it is not a CORS failure.";

pub const DEV_PROXY: &str = "While developing, call the API through your dev server's proxy (Vite server.proxy, webpack devServer.proxy): the browser then sees one origin and sends no CORS request. Production still needs the server fix, unless you serve the API under the same origin there too.";
pub const CLIENT_NO_CREDENTIALS: &str = "If this request does not need cookies or HTTP authentication, stop sending them (remove credentials: 'include' / withCredentials): a wildcard then works.";
pub const CLIENT_DROP_HEADER: &str = "If the header is not needed (a leftover X-Requested-With, a custom tracing header), stop sending it.";
pub const CLIENT_SIMPLE_REQUEST: &str = "A GET, HEAD or POST with only safelisted headers and a form or text/plain body needs no preflight, but change the API shape only if that is right for it anyway.";

pub const ERRORS: &str = "A 500 or 401 answered by code that adds no CORS headers looks like a CORS error: make error handlers and auth failures send the CORS headers too (nginx: add_header ... always).";
pub const AUTH: &str = "Auth middleware that runs before CORS rejects the preflight, because preflights never carry credentials: let OPTIONS through before authentication.";
pub const DUPLICATES: &str = "A proxy (nginx, a CDN, an API gateway) and the app both adding CORS headers produce two Access-Control-Allow-Origin values: configure exactly one layer.";
pub const SLASH: &str = "An allowed origin written with a path or trailing slash (https://app.example.com/) never matches: origins are scheme://host[:port] only.";
pub const LOCALHOST: &str = "http://localhost:3000 and http://127.0.0.1:3000 are different origins; so are http and https, and every port.";
pub const VARY: &str = "When the Allow-Origin value depends on the request, send Vary: Origin, or a cache or CDN may serve one origin's answer to another.";
pub const STAR_AUTH: &str =
    "Access-Control-Allow-Headers: * does not cover Authorization; list it explicitly.";
pub const REDIRECTS: &str = "Redirects on the preflight (http -> https, /items -> /items/, a login page) fail it: call the final URL.";
pub const PNA: &str = "Chrome now asks the user before a public page may reach a private or local address; a denied prompt cannot be fixed by headers.";

pub const SPEC_MIXED: Spec = (
    "Mixed Content spec",
    "https://w3c.github.io/webappsec-mixed-content/",
);
pub const SPEC_CSP: Spec = (
    "Content Security Policy spec",
    "https://w3c.github.io/webappsec-csp/",
);
pub const SPEC_CORP: Spec = (
    "Fetch: Cross-Origin-Resource-Policy",
    "https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header",
);
pub const SPEC_COOP: Spec = (
    "HTML: Cross-Origin-Opener-Policy",
    "https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies",
);
pub const SPEC_XFO: Spec = (
    "HTML: X-Frame-Options",
    "https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header",
);
pub const SPEC_FRAMES: Spec = (
    "HTML: cross-origin objects",
    "https://html.spec.whatwg.org/multipage/nav-history-apis.html#cross-origin-objects",
);
pub const SPEC_ORB: Spec = (
    "Fetch: Opaque Response Blocking",
    "https://fetch.spec.whatwg.org/#orb",
);
pub const SPEC_LNA: Spec = (
    "Local Network Access",
    "https://wicg.github.io/local-network-access/",
);
pub const SPEC_REDIRECT: Spec = (
    "Fetch: HTTP-redirect fetch",
    "https://fetch.spec.whatwg.org/#http-redirect-fetch",
);
pub const SPEC_PREFLIGHT: Spec = (
    "Fetch: CORS-preflight fetch",
    "https://fetch.spec.whatwg.org/#cors-preflight-fetch",
);
pub const SPEC_CORS: Spec = (
    "Fetch: the CORS protocol",
    "https://fetch.spec.whatwg.org/#http-cors-protocol",
);

pub const AVOID_NO_CORS: &str = "Don't switch to mode: 'no-cors': the response becomes opaque, so your code still cannot read the status or body.";
pub const AVOID_EXTENSION: &str = "Don't rely on a browser extension or a flag that disables CORS: it only hides the problem on your machine; your users still get the error.";
pub const AVOID_PUBLIC_PROXY: &str = "Don't route requests through a public CORS proxy: it sees every request and response, including tokens and personal data, and can go away at any time.";
pub const AVOID_REFLECT: &str = "Don't reflect whatever Origin arrives while allowing credentials: any website could then read your users' data. Allow an exact list of origins.";

/// What not to do, for every kind where the server's CORS headers are the fix (`headers_fix`).
pub const AVOID_COMMON: [&str; 4] = [
    AVOID_NO_CORS,
    AVOID_EXTENSION,
    AVOID_PUBLIC_PROXY,
    AVOID_REFLECT,
];
