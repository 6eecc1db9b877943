//! Every message pattern, as data. **Order is priority: within one role, the first pattern that
//! matches a span wins, so specific wordings come before generic ones.**
//!
//! Patterns run on *normalized* text (see `parse::normalize`): curly quotes are straight,
//! whitespace runs are one space, console prefixes and suffixes are gone. Each pattern has a
//! `needle`, a literal that every match contains, checked with `str::contains` before the regex
//! runs; most lines of a big paste are rejected by needles alone.
//!
//! Regex group names are fact names (`url`, `origin`, `method`, `header`, `status`,
//! `allow_origin`, `resource_kind`, `address_space`, `redirected_from`, `page_url`), plus
//! `cors_error` for DevTools' CorsError enum names. Texts are from
//! `shared/reference/engine-messages.json` (each engine's own source).

use super::{Engine, KindId, Stage};
use crate::facts::Fact;

/// What a matched pattern contributes to a diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Names the cause: one diagnosis of this kind.
    Reason(KindId),
    /// A hint suffix the browser appends to a reason; names the kind only when pasted alone.
    Hint(KindId),
    /// A CORS wrapper ("... has been blocked by CORS policy:"): carries facts, and proves a
    /// failure of the given fallback kind when no reason is recognised.
    Frame(KindId),
    /// Carries facts only (status tails, old "Fetch API cannot load X." prefixes).
    Fact,
    /// A network log line (`GET url net::ERR_FAILED 500 (...)`): facts for a diagnosis.
    Network,
    /// The JavaScript exception a failed request raises ("TypeError: Failed to fetch").
    Exception,
    /// DevTools' "Cross-Origin Resource Sharing error: <CorsError>"; kind from [`cors_error_kind`].
    CorsErrorName,
}

/// One way a browser words (part of) a message.
#[derive(Debug)]
pub struct Pattern {
    /// What a match means.
    pub role: Role,
    /// The engine whose console prints exactly this wording, if only one does.
    pub engine: Option<Engine>,
    /// The stage this wording implies. `Actual` yields to a preflight marker in the same line.
    pub stage: Option<Stage>,
    /// A literal contained in every match, checked before the regex runs.
    pub needle: &'static str,
    /// The regex, on normalized text.
    pub regex: &'static str,
    /// Facts the wording implies without quoting them (e.g. Firefox's Authorization warning).
    pub preset: &'static [(Fact, &'static str)],
}

impl Pattern {
    /// The kind this pattern names, if it names one.
    pub fn kind(&self) -> Option<KindId> {
        match self.role {
            Role::Reason(k) | Role::Hint(k) | Role::Frame(k) => Some(k),
            Role::Exception => Some(KindId::GenericFetchFailure),
            Role::Fact | Role::Network | Role::CorsErrorName => None,
        }
    }
}

const CR: Option<Engine> = Some(Engine::Chromium);
const FF: Option<Engine> = Some(Engine::Firefox);
const WK: Option<Engine> = Some(Engine::Webkit);
const ANY: Option<Engine> = None;
const PRE: Option<Stage> = Some(Stage::Preflight);
const ACT: Option<Stage> = Some(Stage::Actual);
const NONE: Option<Stage> = None;

const fn p(
    role: Role,
    engine: Option<Engine>,
    stage: Option<Stage>,
    needle: &'static str,
    regex: &'static str,
) -> Pattern {
    Pattern {
        role,
        engine,
        stage,
        needle,
        regex,
        preset: &[],
    }
}

use KindId::*;
use Role::{Exception, Fact as FactOnly, Frame, Hint, Network, Reason};

/// Every pattern, in priority order within each role.
#[rustfmt::skip]
pub static PATTERNS: &[Pattern] = &[
    // ---- Frames: wrappers that carry facts and prove a CORS failure -------------------------
    p(Frame(CorsOther), CR, NONE, "has been blocked by CORS policy",
      r"Access to (?P<resource_kind>[A-Za-z][A-Za-z ]{0,40}?) at '(?P<url>[^']*)'(?: \(redirected from '(?P<redirected_from>[^']*)'\))? from origin '(?P<origin>[^']*)' has been blocked by CORS policy:"),
    p(Frame(RedirectNotAllowed), CR, NONE, "has been blocked by CORS policy",
      r"Redirect from '(?P<redirected_from>[^']*)' to '(?P<url>[^']*)' has been blocked by CORS policy:"),
    p(Frame(RedirectNotAllowed), CR, NONE, "has been blocked by CORS policy",
      r"Redirect from '(?P<url>[^']*)' has been blocked by CORS policy:"),
    p(Frame(CorsOther), CR, NONE, "Access blocked by CORS policy:",
      r"Access blocked by CORS policy:"),
    p(Frame(CorsOther), CR, NONE, "has been blocked from loading by Cross-Origin Resource Sharing policy",
      r"(?P<resource_kind>[A-Z][A-Za-z ]{0,40}?) from origin '[^']*' has been blocked from loading by Cross-Origin Resource Sharing policy:"),
    p(Frame(CorsOther), FF, NONE, "Cross-Origin Request Blocked:",
      r"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at '?(?P<url>\S+?)'?\.(?: |$)"),
    p(Frame(CorsOther), FF, NONE, "Cross-Origin Request Warning:",
      r"Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at (?P<url>\S+) soon"),
    p(Frame(CorsOther), WK, NONE, "due to access control checks",
      r"(?P<resource_kind>Fetch API|XMLHttpRequest|EventSource) cannot load (?P<url>\S+) due to access control checks"),
    p(Frame(CorsOther), WK, NONE, "due to access control checks",
      r"Cannot load (?:(?P<resource_kind>image|script|stylesheet|font|media|text track) )?(?P<url>\S+) due to access control checks"),
    // The redirect's target is not the request: the "Fetch API cannot load" line WebKit prints
    // next names the URL the page requested, and both lines are one diagnosis with it.
    p(Frame(RedirectNotAllowed), WK, NONE, "Cross-origin redirection to",
      r"Cross-origin redirection to \S+ denied by Cross-Origin Resource Sharing policy"),
    p(Frame(CorsOther), CR, NONE, "Failed to load ",
      r"^Failed to load (?P<url>[a-z][a-z0-9+.-]*:[^\s']*?): "),
    p(Frame(CorsOther), ANY, NONE, "is therefore not allowed access",
      r"Origin '(?P<origin>[^']*)' is therefore not allowed access"),
    // ---- Facts only ---------------------------------------------------------------------------
    p(Frame(CorsOther), CR, PRE, "Response to preflight request doesn't pass access control check",
      r"Response to preflight request doesn't pass access control check"),
    p(Frame(CorsOther), ANY, NONE, "cannot load ",
      r"(?P<resource_kind>Fetch API|XMLHttpRequest) cannot load (?P<url>[a-z][a-z0-9+.-]*:\S*?)(?:\. |\.$)"),
    p(FactOnly, CR, NONE, "Failed to load '",
      r"Failed to load '(?P<url>[^']*)': "),
    p(Hint(MissingAllowOrigin), CR, NONE, "The response had HTTP status code",
      r"The response had HTTP status code (?P<status>\d{3})"),
    p(FactOnly, ANY, NONE, "Status code: ",
      r"Status code: (?P<status>\d{3})"),
    // ---- Network log lines --------------------------------------------------------------------
    p(Network, CR, NONE, "net::",
      r"(?P<method>[A-Z]{3,10}) (?P<url>[a-z][a-z0-9+.-]*://\S+) net::[A-Z_]+(?:\.[A-Za-z]+)?(?: (?P<status>\d{3}))?"),
    p(Network, CR, NONE, "://",
      r"^(?P<method>GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (?P<url>[a-z][a-z0-9+.-]*://\S+) (?P<status>[45]\d\d) \("),
    p(Network, CR, NONE, " failed loading: ",
      r#"(?P<resource_kind>Fetch|XHR) failed loading: (?P<method>[A-Z]+) "(?P<url>[^"]*)""#),
    p(Network, ANY, NONE, "Failed to load resource: the server responded with a status of",
      r"Failed to load resource: the server responded with a status of (?P<status>\d{3})"),
    p(Network, ANY, NONE, "Failed to load resource:",
      r"Failed to load resource:"),
    p(Frame(CorsOther), CR, NONE, "CORS error",
      r"^(?:(?P<method>[A-Z]{3,10}) )?(?:(?P<url>[a-z][a-z0-9+.-]*://\S+) )?CORS error$"),
    // ---- JavaScript exceptions ----------------------------------------------------------------
    p(Exception, CR, NONE, "Failed to fetch", r"Failed to fetch\b"),
    p(Exception, FF, NONE, "NetworkError when attempting to fetch resource",
      r"NetworkError when attempting to fetch resource"),
    p(Exception, WK, NONE, "Load failed",
      r"(?:^|: )Load failed(?:$|[ .])"),
    p(Exception, ANY, NONE, "Network Error",
      r"(?:AxiosError|Error): Network Error"),
    p(Exception, ANY, NONE, "Http failure response for",
      r"Http failure response for (?P<url>\S+?): 0 Unknown Error"),
    // ---- DevTools Network panel tooltip -------------------------------------------------------
    p(Role::CorsErrorName, CR, NONE, "Cross-Origin Resource Sharing error: ",
      r"Cross-Origin Resource Sharing error: (?P<cors_error>[A-Za-z]+)"),
    // ---- Reasons: credentials and wildcard (before the generic Allow-Origin ones) -------------
    p(Reason(WildcardWithCredentials), CR, ACT, "must not be the wildcard",
      r"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '\*' when the request's credentials mode is 'include'"),
    p(Reason(WildcardWithCredentials), FF, NONE, "Credential is not supported",
      r"Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '\*'"),
    p(Reason(WildcardWithCredentials), WK, NONE, "Cannot use wildcard in Access-Control-Allow-Origin",
      r"Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true"),
    p(Reason(WildcardWithCredentials), CR, NONE, "origin wildcards",
      r"Ensure credentialed requests aren't sent to CORS resources with origin wildcards"),
    p(Reason(CredentialsNotTrue), CR, ACT, "which must be 'true' when the request's credentials mode",
      r"The value of the 'Access-Control-Allow-Credentials' header in the response is '[^']*' which must be 'true' when the request's credentials mode is 'include'"),
    p(Reason(CredentialsNotTrue), FF, NONE, "in CORS header 'Access-Control-Allow-Credentials'",
      r"expected 'true' in CORS header 'Access-Control-Allow-Credentials'"),
    p(Reason(CredentialsNotTrue), WK, NONE, "Credentials flag is true",
      r#"Credentials flag is true, but Access-Control-Allow-Credentials is not "true""#),
    p(Reason(CredentialsNotTrue), CR, NONE, "include credentials only when allowed",
      r"Ensure CORS requests include credentials only when allowed"),
    // ---- Reasons: Access-Control-Allow-Origin -------------------------------------------------
    p(Reason(MissingAllowOrigin), CR, ACT, "No 'Access-Control-Allow-Origin' header is present",
      r"No 'Access-Control-Allow-Origin' header is present on the requested resource"),
    p(Reason(MissingAllowOrigin), FF, NONE, "'Access-Control-Allow-Origin' missing",
      r"CORS header 'Access-Control-Allow-Origin' missing"),
    p(Reason(MissingAllowOrigin), FF, NONE, "CORS Missing Allow Origin",
      r"CORS Missing Allow Origin"),
    p(Reason(MissingAllowOrigin), WK, NONE, "is not allowed by Access-Control-Allow-Origin",
      r"Origin (?P<origin>\S+) is not allowed by Access-Control-Allow-Origin"),
    p(Reason(MissingAllowOrigin), WK, NONE, "load denied by Cross-Origin Resource Sharing policy",
      r"Cross-origin (?P<resource_kind>script|image|text track) load denied by Cross-Origin Resource Sharing policy"),
    p(Reason(MissingAllowOrigin), CR, NONE, "Ensure CORS response header values are valid",
      r"Ensure CORS response header values are valid"),
    p(Reason(OriginMismatch), CR, ACT, "that is not equal to the supplied origin",
      r"The 'Access-Control-Allow-Origin' header has a value '(?P<allow_origin>[^']*)' that is not equal to the supplied origin"),
    p(Reason(OriginMismatch), CR, ACT, "that is not equal to the supplied suborigin",
      r"The 'Access-Control-Allow-Suborigin' header has a value '[^']*' that is not equal to the supplied suborigin"),
    p(Reason(OriginMismatch), FF, NONE, "'Access-Control-Allow-Origin' does not match",
      r"CORS header 'Access-Control-Allow-Origin' does not match '(?P<allow_origin>[^']*)'"),
    p(Reason(OriginMismatch), CR, NONE, "matches resource's allowed origin",
      r"Ensure CORS requesting origin matches resource's allowed origin"),
    p(Reason(MultipleAllowOrigin), CR, ACT, "header contains multiple values",
      r"The 'Access-Control-Allow-Origin' header contains multiple values '(?P<allow_origin>[^']*)', but only one is allowed"),
    p(Reason(MultipleAllowOrigin), FF, NONE, "'Access-Control-Allow-Origin' not allowed",
      r"Multiple CORS headers? 'Access-Control-Allow-Origin' not allowed"),
    p(Reason(MultipleAllowOrigin), WK, NONE, "cannot contain more than one origin",
      r"Access-Control-Allow-Origin cannot contain more than one origin"),
    p(Reason(InvalidAllowOrigin), CR, ACT, "header contains the invalid value",
      r"The 'Access-Control-Allow-Origin' header contains the invalid value '(?P<allow_origin>[^']*)'"),
    // ---- Reasons: preflight -------------------------------------------------------------------
    p(Reason(PreflightBadStatus), CR, PRE, "It does not have HTTP ok status",
      r"It does not have HTTP ok status"),
    p(Reason(PreflightBadStatus), CR, PRE, "Response for preflight has invalid HTTP status code",
      r"Response for preflight has invalid HTTP status code (?P<status>\d{3})"),
    p(Reason(PreflightBadStatus), CR, PRE, "Response for preflight does not have HTTP ok status",
      r"Response for preflight does not have HTTP ok status"),
    p(Reason(PreflightBadStatus), FF, PRE, "CORS preflight",
      r"CORS preflight (?:response|channel) did not succeed"),
    p(Reason(PreflightBadStatus), WK, PRE, "Preflight response is not successful",
      r"Preflight response is not successful"),
    p(Reason(PreflightBadStatus), WK, PRE, "CORS-preflight request was blocked",
      r"CORS-preflight request was blocked"),
    p(Reason(PreflightBadStatus), WK, PRE, "Preflight response was blocked",
      r"Preflight response was blocked"),
    p(Reason(PreflightBadStatus), CR, PRE, "Ensure preflight responses are valid",
      r"Ensure preflight responses are valid"),
    p(Reason(PreflightRedirect), CR, PRE, "Redirect is not allowed for a preflight request",
      r"Redirect is not allowed for a preflight request"),
    p(Reason(PreflightRedirect), CR, PRE, "Response for preflight is invalid (redirect)",
      r"Response for preflight is invalid \(redirect\)"),
    p(Reason(MethodNotAllowed), CR, PRE, "is not allowed by Access-Control-Allow-Methods in preflight response",
      r"Method (?P<method>\S+) is not allowed by Access-Control-Allow-Methods in preflight response"),
    p(Reason(MethodNotAllowed), WK, PRE, "is not allowed by Access-Control-Allow-Methods",
      r"Method (?P<method>\S+) is not allowed by Access-Control-Allow-Methods"),
    p(Reason(MethodNotAllowed), FF, PRE, "Did not find method in CORS header",
      r"Did not find method in CORS header 'Access-Control-Allow-Methods'"),
    p(Reason(MethodNotAllowed), CR, PRE, "Ensure CORS request uses allowed method",
      r"Ensure CORS request uses allowed method"),
    p(Reason(HeaderNotAllowed), CR, PRE, "is not allowed by Access-Control-Allow-Headers in preflight response",
      r"Request header field (?P<header>\S+) is not allowed by Access-Control-Allow-Headers in preflight response"),
    p(Reason(HeaderNotAllowed), WK, PRE, "is not allowed by Access-Control-Allow-Headers",
      r"Request header field (?P<header>\S+) is not allowed by Access-Control-Allow-Headers"),
    p(Reason(HeaderNotAllowed), FF, PRE, "is not allowed according to header 'Access-Control-Allow-Headers'",
      r"header '(?P<header>[^']*)' is not allowed according to header 'Access-Control-Allow-Headers'"),
    p(Reason(HeaderNotAllowed), FF, PRE, "in CORS header 'Access-Control-Allow-Headers' from CORS preflight channel",
      r"missing token '(?P<header>[^']*)' in CORS header 'Access-Control-Allow-Headers' from CORS preflight channel"),
    p(Reason(HeaderNotAllowed), CR, PRE, "Ensure CORS request includes only allowed headers",
      r"Ensure CORS request includes only allowed headers"),
    Pattern {
        role: Reason(AuthorizationNotCoveredByWildcard),
        engine: FF,
        stage: PRE,
        needle: "the `Authorization` header is not covered",
        regex: r"When the `Access-Control-Allow-Headers` is `\*`, the `Authorization` header is not covered",
        preset: &[(Fact::Header, "authorization")],
    },
    p(Reason(InvalidAllowMethodsOrHeaders), CR, PRE, "response header field in preflight response",
      r"Cannot parse Access-Control-Allow-(?:Methods|Headers) response header field in preflight response"),
    p(Reason(InvalidAllowMethodsOrHeaders), WK, PRE, "response header field",
      r"Cannot parse Access-Control-Allow-(?:Methods|Headers) response header field"),
    p(Reason(InvalidAllowMethodsOrHeaders), WK, PRE, "has an invalid value: ",
      r"Header Access-Control-Allow-(?:Methods|Headers) has an invalid value: "),
    p(Reason(InvalidAllowMethodsOrHeaders), FF, PRE, "invalid token '",
      r"invalid token '[^']*' in CORS header 'Access-Control-Allow-(?:Methods|Headers)'"),
    // ---- Reasons: redirects, schemes, modes ---------------------------------------------------
    p(Reason(RedirectNotAllowed), CR, NONE, "Redirect location '",
      r"Redirect location '[^']*' contains a username and password, which is disallowed for cross-origin requests"),
    p(Reason(RedirectNotAllowed), CR, NONE, "has a disallowed scheme for cross-origin requests",
      r"Redirect location '[^']*' has a disallowed scheme for cross-origin requests"),
    p(Reason(RedirectNotAllowed), CR, NONE, "Redirect failed.",
      r"Fetch API cannot load \S+\. Redirect failed\."),
    // A redirect to a scheme a fetch may not follow (data:, file:, javascript:).
    p(Reason(RedirectNotAllowed), CR, NONE, "net::ERR_UNSAFE_REDIRECT",
      r"net::ERR_UNSAFE_REDIRECT"),
    p(Reason(RedirectNotAllowed), FF, NONE, "CORS request external redirect not allowed",
      r"CORS request external redirect not allowed"),
    p(Reason(RedirectNotAllowed), WK, NONE, "redirection with non CORS scheme",
      r"not allowed to follow a cross-origin CORS redirection with non CORS scheme"),
    p(Reason(RedirectNotAllowed), WK, NONE, " has credentials",
      r"redirection URL (?P<url>\S+) has credentials"),
    p(Reason(RedirectNotAllowed), WK, NONE, "URL is either a non-HTTP URL or contains credentials",
      r"URL is either a non-HTTP URL or contains credentials"),
    p(Reason(RedirectNotAllowed), WK, NONE, "Cross-origin redirection denied by Cross-Origin Resource Sharing policy",
      r"Cross-origin redirection denied by Cross-Origin Resource Sharing policy"),
    p(Reason(RedirectNotAllowed), WK, NONE, "Redirection to URL with a scheme that is not HTTP(S)",
      r"Redirection to URL with a scheme that is not HTTP\(S\)"),
    p(Reason(RedirectNotAllowed), WK, NONE, "Not allowed to follow a redirection while loading",
      r"Not allowed to follow a redirection while loading (?P<url>\S+)"),
    p(Reason(RedirectNotAllowed), WK, NONE, "Load cannot follow more than 20 redirections",
      r"Load cannot follow more than 20 redirections"),
    p(Reason(RedirectNotAllowed), WK, NONE, "Redirect was not allowed",
      r"^Redirect was not allowed"),
    p(Reason(RedirectNotAllowed), CR, NONE, "aren't redirected to URLs containing credentials",
      r"Ensure CORS requests aren't redirected to URLs containing credentials"),
    p(Reason(SchemeNotSupported), CR, NONE, "Cross origin requests are only supported for protocol schemes",
      r"Cross origin requests are only supported for protocol schemes"),
    p(Reason(SchemeNotSupported), CR, NONE, " is not supported.",
      r#"URL scheme "[^"]*" is not supported\."#),
    p(Reason(SchemeNotSupported), CR, NONE, "URL scheme must be",
      r#"URL scheme must be "http" or "https" for CORS request"#),
    // A web page linking a local file (file:): Chromium and Firefox refuse to load it.
    p(Reason(SchemeNotSupported), ANY, NONE, "Not allowed to load local resource: ",
      r"Not allowed to load local resource: (?P<url>[a-z][a-z0-9+.-]*:\S+)"),
    p(Reason(SchemeNotSupported), FF, NONE, " may not load or link to ",
      r"Security Error: Content at (?P<page_url>\S+) may not load or link to (?P<url>[a-z][a-z0-9+.-]*:\S+?)\.?$"),
    p(Reason(SchemeNotSupported), FF, NONE, "CORS request not http",
      r"CORS request not http"),
    p(Reason(SchemeNotSupported), WK, NONE, "Cross origin requests are only supported for HTTP",
      r"Cross origin requests are only supported for HTTP"),
    p(Reason(SchemeNotSupported), CR, NONE, "Ensure CORS requests are made on supported schemes",
      r"Ensure CORS requests are made on supported schemes"),
    p(Reason(RequestMode), CR, NONE, "Cross origin requests are not allowed by request mode",
      r"Cross origin requests are not allowed by request mode"),
    p(Reason(RequestMode), CR, NONE, r#"Request mode is "same-origin""#,
      r#"Request mode is "same-origin" but the URL's origin is not same as the request origin (?P<origin>\S+?)\.?$"#),
    p(Reason(RequestMode), CR, NONE, r#"Request mode is "no-cors" but the redirect mode"#,
      r#"Request mode is "no-cors" but the redirect mode is not "follow""#),
    p(Reason(RequestMode), WK, NONE, "same-origin fetch mode",
      r"Cross origin requests are not allowed when using same-origin fetch mode"),
    p(Reason(RequestMode), WK, NONE, "Domains, protocols and ports must match",
      r"Unsafe attempt to load URL (?P<url>\S+) from origin (?P<origin>\S+?)\. Domains, protocols and ports must match"),
    p(Reason(RequestMode), CR, NONE, "fetched with same-origin request mode",
      r"Ensure only same-origin resources are fetched with same-origin request mode"),
    p(Reason(RequestMode), CR, NONE, "configure redirect mode follow",
      r"Ensure no-cors requests configure redirect mode follow"),
    p(Reason(CorsDisabled), FF, NONE, "(Reason: CORS disabled)",
      r"\(Reason: CORS disabled\)"),
    p(Reason(OriginHeaderNotAdded), FF, NONE, "CORS header 'Origin' cannot be added",
      r"CORS header 'Origin' cannot be added"),
    // ---- Reasons: private / local network access ---------------------------------------------
    p(Reason(PrivateNetwork), CR, PRE, "Access-Control-Allow-Private-Network",
      r"'Access-Control-Allow-Private-Network' header (?:was present )?in the preflight response for this private network request targeting the `(?P<address_space>[a-z-]+)` address space"),
    p(Reason(PrivateNetwork), CR, PRE, "'Access-Control-Allow-External'",
      r"'Access-Control-Allow-External' header"),
    p(Reason(PrivateNetwork), CR, NONE, "more-private address space",
      r"The request client is not a secure context and the resource is in more-private address space `(?P<address_space>[a-z-]+)`"),
    p(Reason(PrivateNetwork), CR, NONE, "yet the resource is in address space",
      r"Request had (?:a target IP address space of `[a-z-]+`|no target IP address space),? yet the resource is in address space `(?P<address_space>[a-z-]+)`"),
    p(Reason(PrivateNetwork), CR, PRE, "header was present in the preflight response for this private network request",
      r"No 'Private-Network-Access-(?:Id|Name)' header was present in the preflight response for this private network request targeting the `(?P<address_space>[a-z-]+)` address space"),
    p(Reason(PrivateNetwork), CR, NONE, "Unable to ask for permission to access the",
      r"Unable to ask for permission to access the `(?P<address_space>[a-z-]+)` IP address space"),
    p(Reason(PrivateNetwork), CR, NONE, "Permission was denied for this request to access the",
      r"Permission was denied for this request to access the `(?P<address_space>[a-z-]+)` address space"),
    p(Reason(PrivateNetwork), CR, NONE, "Requests to internal network resources are not allowed from non-secure contexts",
      r"Requests to internal network resources are not allowed from non-secure contexts"),
    p(Reason(PrivateNetwork), CR, NONE, "local network requests are compatible with restrictions",
      r"Ensure that local network requests are compatible with restrictions"),
    // ---- Look-alikes: mixed content -----------------------------------------------------------
    p(Reason(MixedContent), CR, NONE, "Mixed Content: The page at",
      r"Mixed Content: The page at '(?P<page_url>[^']*)' was loaded over (?:HTTPS|a secure connection), but (?:requested an insecure (?P<resource_kind>[A-Za-z ]+?)|attempted to connect to the insecure WebSocket endpoint|contains a form that targets an insecure endpoint) '(?P<url>[^']*)'"),
    p(Reason(MixedContent), FF, NONE, "mixed ",
      r#"(?:Blocked loading|Loading) mixed (?:\(insecure\) )?(?:active |display )?content "(?P<url>[^"]*)""#),
    p(Reason(MixedContent), FF, NONE, "Blocked downloading insecure content",
      r#"Blocked downloading insecure content "(?P<url>[^"]*)""#),
    p(Reason(MixedContent), FF, NONE, "insecure display request",
      r"[Uu]pgrading (?:an )?insecure display request '(?P<url>[^']*)' to use '"),
    p(Reason(MixedContent), WK, NONE, "The page at ",
      r"The page at (?P<page_url>\S+) (?:was (?:not )?allowed to [a-z]+ insecure content from|requested insecure content from|contains a form which targets an insecure URL|was blocked from connecting insecurely to) (?P<url>\S+?)(?:\.(?: |$)| either|$)"),
    // ---- Look-alikes: COEP before CORP (NotSameOrigin is a prefix of the COEP names) ---------
    p(Reason(CoepBlocked), CR, NONE, "net::ERR_BLOCKED_BY_RESPONSE.",
      r"net::ERR_BLOCKED_BY_RESPONSE\.(?:NotSameOriginAfterDefaultedToSameOriginBy[A-Za-z]+|ResponseNeedsCrossOriginEmbedderPolicy)"),
    p(Reason(CoepBlocked), WK, NONE, "in a frame because of Cross-Origin-Embedder-Policy",
      r"Refused to display '(?P<url>[^']*)' in a frame because of Cross-Origin-Embedder-Policy"),
    p(Reason(CoepBlocked), WK, NONE, "worker because of Cross-Origin-Embedder-Policy",
      r"Refused to load '(?P<url>[^']*)' worker because of Cross-Origin-Embedder-Policy"),
    p(Reason(CoepBlocked), WK, NONE, "Worker load was blocked by Cross-Origin-Embedder-Policy",
      r"Worker load was blocked by Cross-Origin-Embedder-Policy"),
    p(Reason(CoepBlocked), CR, NONE, "Specify a Cross-Origin ",
      r"Specify a Cross-Origin (?:Resource Policy to stop a resource|Embedder Policy to stop this frame) from being blocked"),
    p(Reason(CoopBlocked), CR, NONE, "net::ERR_BLOCKED_BY_RESPONSE.SandboxedIFrameCannotNavigateToOriginIsolatedPage",
      r"net::ERR_BLOCKED_BY_RESPONSE\.SandboxedIFrameCannotNavigateToOriginIsolatedPage"),
    p(Reason(CorpBlocked), CR, NONE, "net::ERR_BLOCKED_BY_RESPONSE.NotSame",
      r"net::ERR_BLOCKED_BY_RESPONSE\.NotSame(?:Origin|Site)\b"),
    p(Reason(CorpBlocked), FF, NONE, "was blocked due to its Cross-Origin-Resource-Policy header",
      r#"The resource at "(?P<url>[^"]*)" was blocked due to its Cross-Origin-Resource-Policy header"#),
    p(Reason(CorpBlocked), WK, NONE, "Cross-Origin-Resource-Policy response header",
      r"Cancelled load to (?P<url>\S+) because it violates the resource's Cross-Origin-Resource-Policy response header"),
    p(Reason(CorpBlocked), CR, NONE, "Specify a more permissive Cross-Origin Resource Policy",
      r"Specify a more permissive Cross-Origin Resource Policy to (?:stop|prevent) a resource from being blocked"),
    p(Reason(CoopBlocked), CR, NONE, "The Cross-Origin-Opener-Policy header has been ignored",
      r"The Cross-Origin-Opener-Policy header has been ignored"),
    p(Reason(CoopBlocked), CR, NONE, "Cross-Origin-Opener-Policy policy would block the window.",
      r"Cross-Origin-Opener-Policy policy would block the window\."),
    p(Reason(CoopBlocked), WK, NONE, "Navigation was blocked by Cross-Origin-Opener-Policy",
      r"Navigation was blocked by Cross-Origin-Opener-Policy"),
    p(Reason(CoopBlocked), CR, NONE, "An iframe navigation to a document with a Cross-Origin Opener Policy was blocked",
      r"An iframe navigation to a document with a Cross-Origin Opener Policy was blocked"),
    p(Reason(OrbBlocked), CR, NONE, "net::ERR_BLOCKED_BY_ORB",
      r"net::ERR_BLOCKED_BY_ORB"),
    p(Reason(OrbBlocked), CR, NONE, "Cross-Origin Read Blocking (CORB) blocked",
      r"Cross-Origin Read Blocking \(CORB\) blocked cross-origin response (?P<url>\S+) with MIME type"),
    p(Reason(OrbBlocked), FF, NONE, "was blocked by OpaqueResponseBlocking",
      r#"The resource at "(?P<url>[^"]*)" was blocked by OpaqueResponseBlocking"#),
    // ---- Look-alikes: framing, frames, canvas -------------------------------------------------
    p(Reason(XFrameOptions), CR, NONE, "in a frame because it set multiple",
      r"Refused to display '(?P<url>[^']*)' in a frame because it set multiple 'X-Frame-Options' headers"),
    p(Reason(XFrameOptions), ANY, NONE, "in a frame because it set ",
      r"Refused to display '(?P<url>[^']*)' in a frame because it set 'X-Frame-Options' to"),
    // Blink's CSP frame-ancestors violation, printed in the framing page's console.
    p(Reason(XFrameOptions), CR, NONE, "ancestor violates the following Content Security Policy",
      r"Refused to frame '(?P<url>[^']*)' because an ancestor violates the following Content Security Policy directive"),
    p(Reason(XFrameOptions), CR, NONE, "Invalid 'X-Frame-Options' header encountered",
      r"Invalid 'X-Frame-Options' header encountered when loading '(?P<url>[^']*)'"),
    p(Reason(XFrameOptions), CR, NONE, "It did not opt-into cross-origin embedding",
      r"Refused to display '(?P<url>[^']*)' in a frame: It did not opt-into cross-origin embedding"),
    p(Reason(XFrameOptions), FF, NONE, "X-Frame-Options",
      r#"(?:The loading of "(?P<url>[^"]*)" in a frame is denied by "X-Frame-Options"|Invalid X-Frame-Options header was found when loading "[^"]*"|Load denied by X-Frame-Options: |Invalid X-Frame-Options: ")"#),
    p(Reason(FrameAccess), WK, NONE, "from accessing a cross-origin frame. Protocols",
      r#"Blocked a frame with origin "(?P<origin>[^"]*)" from accessing a cross-origin frame\. Protocols, domains, and ports must match"#),
    p(Reason(FrameAccess), ANY, NONE, "from accessing a frame with origin",
      r#"Blocked a frame with origin "(?P<origin>[^"]*)" from accessing a frame with origin "[^"]*"\. Protocols, domains, and ports must match"#),
    p(Reason(FrameAccess), CR, NONE, "from accessing ",
      r#"Blocked a (?:restricted )?frame (?:with origin|at) "(?P<origin>[^"]*)" from accessing"#),
    p(Reason(FrameAccess), FF, NONE, "on cross-origin object",
      r"Permission denied to [a-z]+ property \S+ on cross-origin object"),
    p(Reason(CanvasTainted), CR, NONE, "The canvas has been tainted by cross-origin data",
      r"The canvas has been tainted by cross-origin data"),
    p(Reason(CanvasTainted), CR, NONE, "Tainted canvases may not be exported",
      r"Tainted canvases may not be exported"),
    // ---- Look-alikes: CSP, blockers, SRI ------------------------------------------------------
    p(Reason(CspBlocked), CR, NONE, "because it violates the following Content Security Policy directive",
      r"Refused to [a-z ]+ '(?P<url>[^']*)' because it violates the following Content Security Policy directive"),
    // Chromium since about 2024 names the action first ("Connecting to", "Loading the image",
    // "Framing"), and the fetch that failed "Refused to connect because ...".
    p(Reason(CspBlocked), CR, NONE, "violates the following Content Security Policy directive",
      r"(?:Connecting to|Loading the [a-z -]{1,30}?|Loading|Framing|Evaluating a string as JavaScript) '(?P<url>[^']*)' violates the following Content Security Policy directive"),
    p(Hint(CspBlocked), CR, NONE, "because it violates the document's Content Security Policy",
      r"Refused to [a-z ]{1,30}? because it violates the document's Content Security Policy"),
    p(Reason(CspBlocked), FF, NONE, "settings blocked the loading of a resource",
      r"Content[- ]Security[- ]Policy: The page's settings blocked the loading of a resource(?: \([a-z-]+\))? at (?:(?P<url>[a-z][a-z0-9+.-]*:[^\s(]+?)|<unknown>)(?:\.? |\.?$)"),
    p(Reason(CspBlocked), WK, NONE, "directive of the Content Security Policy",
      r"Refused to [a-z ]+ (?P<url>\S+) because it does not appear in the [a-z-]+ directive of the Content Security Policy"),
    p(Reason(CspBlocked), WK, NONE, "Blocked by Content Security Policy",
      r"Blocked by Content Security Policy"),
    p(Reason(BlockedByClient), CR, NONE, "net::ERR_BLOCKED_BY_CLIENT",
      r"net::ERR_BLOCKED_BY_CLIENT"),
    p(Reason(BlockedByClient), WK, NONE, "Blocked by content extension",
      r"Blocked by content extension"),
    p(Reason(SubresourceIntegrity), FF, NONE, "is not eligible for integrity checks",
      r#""(?P<url>[^"]*)" is not eligible for integrity checks since it's neither CORS-enabled nor same-origin"#),
    p(Reason(SubresourceIntegrity), WK, NONE, "Failed integrity metadata check",
      r"Failed integrity metadata check"),
    // ---- Network errors: no response at all ---------------------------------------------------
    p(Reason(NetworkError), FF, NONE, "CORS request did not succeed",
      r"CORS request did not succeed"),
    p(Reason(NetworkError), CR, NONE, "net::ERR_",
      r"net::ERR_(?:CONNECTION_[A-Z_]+|TIMED_OUT|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|ADDRESS_UNREACHABLE|ADDRESS_INVALID|INTERNET_DISCONNECTED|EMPTY_RESPONSE|CERT_[A-Z_]+|SSL_[A-Z_]+|NETWORK_CHANGED|NETWORK_ACCESS_DENIED|TUNNEL_CONNECTION_FAILED|PROXY_CONNECTION_FAILED|HTTP2_PROTOCOL_ERROR|QUIC_PROTOCOL_ERROR|INCOMPLETE_CHUNKED_ENCODING|INVALID_HTTP_RESPONSE|UNSAFE_PORT|SOCKET_NOT_CONNECTED|BAD_SSL_CLIENT_AUTH_CERT)\b"),
    p(Reason(NetworkError), FF, NONE, "NS_ERROR_",
      r"NS_ERROR_(?:CONNECTION_REFUSED|UNKNOWN_HOST|NET_TIMEOUT|NET_RESET|NET_INTERRUPT|OFFLINE|PROXY_CONNECTION_REFUSED|NET_PARTIAL_TRANSFER)\b"),
    p(Reason(NetworkError), WK, NONE, "Not allowed to use restricted network port",
      r"Not allowed to use restricted network port \d+: (?P<url>\S+)"),
    p(Reason(NetworkError), WK, NONE, "Could not connect to the server",
      r"Could not connect to the server"),
    p(Reason(NetworkError), WK, NONE, "A server with the specified hostname could not be found",
      r"A server with the specified hostname could not be found"),
    p(Reason(NetworkError), WK, NONE, "The network connection was lost",
      r"The network connection was lost"),
    p(Reason(NetworkError), WK, NONE, "The request timed out",
      r"The request timed out"),
    p(Reason(NetworkError), WK, NONE, "An SSL error has occurred",
      r"An SSL error has occurred"),
    // ---- Rare CORS reasons (the wrapper's fallback covers the rest) ---------------------------
    p(Reason(CorsOther), CR, NONE, "The response is invalid.",
      r"(?:^|: )The response is invalid\."),
    p(Reason(CorsOther), CR, NONE, "nvalid response. Origin",
      r"(?:Received an i|I)nvalid response\. Origin '(?P<origin>[^']*)' is therefore not allowed access"),
    p(Reason(CorsOther), CR, NONE, "CORS error, code ",
      r"CORS error, code \d+"),
    p(Reason(CorsOther), CR, NONE, "Failed to start loading ",
      r"^Failed to start loading (?P<url>\S+)"),
    p(Reason(CorsOther), WK, NONE, "requests from ",
      r"Cannot make any (?:cross origin )?requests from (?P<origin>\S+?)\.?$"),
    // ---- Hints appended to reasons (a kind only when pasted alone) ----------------------------
    p(Hint(MissingAllowOrigin), CR, NONE, "If an opaque response serves your needs",
      r"If an opaque response serves your needs, set the request's mode to 'no-cors'"),
    p(Hint(InvalidAllowOrigin), CR, NONE, "Have the server send the header with a valid value",
      r"Have the server send the header with a valid value"),
    p(Hint(CredentialsNotTrue), CR, NONE, "controlled by the withCredentials attribute",
      r"The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute"),
];

/// Maps DevTools' CorsError enum names (Network panel tooltip, `Audits.issueAdded`) to kinds.
pub fn cors_error_kind(name: &str) -> (KindId, Option<Stage>) {
    let stage = if name.starts_with("Preflight") {
        Some(Stage::Preflight)
    } else {
        None
    };
    let base = name.strip_prefix("Preflight").unwrap_or(name);
    let kind = match base {
        "MissingAllowOriginHeader" => MissingAllowOrigin,
        "AllowOriginMismatch" => OriginMismatch,
        "MultipleAllowOriginValues" => MultipleAllowOrigin,
        "InvalidAllowOriginValue" => InvalidAllowOrigin,
        "WildcardOriginNotAllowed" => WildcardWithCredentials,
        "InvalidAllowCredentials" => CredentialsNotTrue,
        "InvalidStatus" => PreflightBadStatus,
        "DisallowedRedirect" => PreflightRedirect,
        "MethodDisallowedByPreflightResponse" => MethodNotAllowed,
        "HeaderDisallowedByPreflightResponse" => HeaderNotAllowed,
        "InvalidAllowMethodsPreflightResponse" | "InvalidAllowHeadersPreflightResponse" => {
            InvalidAllowMethodsOrHeaders
        }
        "RedirectContainsCredentials" => RedirectNotAllowed,
        "DisallowedByMode" | "NoCorsRedirectModeNotFollow" => RequestMode,
        "CorsDisabledScheme" => SchemeNotSupported,
        n if n.contains("PrivateNetwork")
            || n.contains("LocalNetwork")
            || n.contains("External") =>
        {
            PrivateNetwork
        }
        _ => CorsOther,
    };
    let stage = match kind {
        MethodNotAllowed
        | HeaderNotAllowed
        | InvalidAllowMethodsOrHeaders
        | PreflightBadStatus
        | PreflightRedirect => Some(Stage::Preflight),
        _ => stage,
    };
    (kind, stage)
}
