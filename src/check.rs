//! A Fetch-standard CORS checker: given the request and the responses (preflight and actual),
//! it decides step by step what a browser does, and names the first failing step as one of the
//! catalog's kinds.
//!
//! Steps follow https://fetch.spec.whatwg.org/: whether a CORS-preflight is needed (#cors-safelisted-method,
//! #cors-safelisted-request-header, #cors-unsafe-request-header-names), the preflight
//! (#cors-preflight-fetch: the CORS check and an ok status, then the methods and headers), and
//! the CORS check of the actual response (#cors-check). Where engines differ it says so.
//!
//! The decision a reader would not guess: header values are kept as sent, repeated headers
//! included; a repeated Access-Control-Allow-Origin is combined with ", " as the standard's
//! header-list "get" does, which is why two values fail even when each one alone would pass.

use serde::Serialize;

use crate::catalog::{KindId, Stage};

/// A header as sent: name and value, in order, repeats kept.
pub type Header = (String, String);

/// The request side of an exchange.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    /// The page's serialized origin (the Origin header the browser sends).
    pub origin: Option<String>,
    /// The URL requested.
    pub url: Option<String>,
    /// The method, as the page wrote it.
    pub method: String,
    /// The headers the page set (the browser's own are left out by [`Request::author_headers`]).
    pub headers: Vec<Header>,
    /// True when the request carries credentials (credentials: 'include', withCredentials).
    pub credentials: bool,
}

/// One HTTP response.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The headers, in order, repeats kept.
    pub headers: Vec<Header>,
}

impl Response {
    /// The header-list "get": every value of `name` (case-insensitive) joined with ", ", or
    /// `None` when the header is absent.
    pub fn get(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// How many times `name` appears.
    pub fn count(&self, name: &str) -> usize {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count()
    }
}

/// A request with its preflight response (if one was sent) and its actual response.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exchange {
    /// What the page asked for.
    pub request: Request,
    /// The answer to the OPTIONS preflight, when the evidence holds one.
    pub preflight: Option<Response>,
    /// The answer to the request itself, when the evidence holds one.
    pub actual: Option<Response>,
    /// The Origin the preflight carried, when it is not the request's (Firefox keeps the page's
    /// origin on a preflight after a redirect to another origin, and sends `null` with the
    /// request): each answer is checked against its own request's origin.
    pub preflight_origin: Option<String>,
    /// The preflight carried `Access-Control-Request-Private-Network: true`: Chromium's Private
    /// Network Access (a public page calling a private or local address), which sends it even
    /// before a simple request and wants `Access-Control-Allow-Private-Network: true` back.
    pub private_network: bool,
}

/// One step of the check and its outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// What was checked, in plain words.
    pub what: String,
    /// Whether it passed.
    pub pass: bool,
    /// The Fetch standard's section (an anchor on fetch.spec.whatwg.org).
    pub spec: &'static str,
}

/// The checker's verdict on one exchange.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// Every step checked, in order, up to the first failure.
    pub steps: Vec<Step>,
    /// The first failing step's kind and stage, or `None` when the browser lets the page read
    /// the response.
    #[serde(skip)]
    pub failure: Option<(KindId, Stage)>,
    /// Where Chromium, Firefox and WebKit differ on this exchange.
    pub engines: Vec<&'static str>,
    /// The failing answer as the page shows it: its status line, then its headers, each with
    /// `true` where it is at fault (a header that should be there and is not is listed as
    /// absent). Empty when nothing failed.
    pub shown: Vec<(String, bool)>,
}

const SPEC_PREFLIGHT_NEEDED: &str = "cors-safelisted-request-header";
const SPEC_PREFLIGHT: &str = "cors-preflight-fetch";
const SPEC_CORS_CHECK: &str = "cors-check";

/// Methods every CORS request may use without a preflight (#cors-safelisted-method). The one
/// list the crate has: the generator and the explanations use it too.
pub const SAFELISTED_METHODS: [&str; 3] = ["GET", "HEAD", "POST"];

/// True for a CORS-safelisted method.
pub fn safelisted_method(m: &str) -> bool {
    SAFELISTED_METHODS.contains(&m)
}

/// Headers the browser sets itself (forbidden request-header names, `Sec-`/`Proxy-` prefixes,
/// and User-Agent, which browsers set even where the standard no longer forbids it): a page
/// cannot have sent them, so they never make a preflight needed.
fn browser_set(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("sec-")
        || n.starts_with("proxy-")
        || matches!(
            n.as_str(),
            "accept-charset"
                | "accept-encoding"
                | "access-control-request-headers"
                | "access-control-request-method"
                | "connection"
                | "content-length"
                | "cookie"
                | "cookie2"
                | "date"
                | "dnt"
                | "expect"
                | "host"
                | "keep-alive"
                | "origin"
                | "referer"
                | "set-cookie"
                | "te"
                | "trailer"
                | "transfer-encoding"
                | "upgrade"
                | "via"
                | "user-agent"
                | "priority"
                | "pragma"
                | "cache-control"
        )
}

/// Bytes a safelisted header value may not hold (#cors-unsafe-request-header-byte).
fn unsafe_byte(b: u8) -> bool {
    (b < 0x20 && b != 0x09) || b == 0x7f || b"\"():<>?@[\\]{}".contains(&b)
}

/// #cors-safelisted-request-header: the name and its value rules.
pub fn safelisted_header(name: &str, value: &str) -> bool {
    if value.len() > 128 {
        return false;
    }
    match name.to_ascii_lowercase().as_str() {
        "accept" => !value.bytes().any(unsafe_byte),
        "accept-language" | "content-language" => value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" *,-.;=".contains(&b)),
        "content-type" => {
            if value.bytes().any(unsafe_byte) {
                return false;
            }
            let essence = value
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            matches!(
                essence.as_str(),
                "application/x-www-form-urlencoded" | "multipart/form-data" | "text/plain"
            )
        }
        "range" => {
            let Some(r) = value.strip_prefix("bytes=") else {
                return false;
            };
            let (a, b) = r.split_once('-').unwrap_or(("x", ""));
            !a.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

impl Request {
    /// The headers the page itself set.
    pub fn author_headers(&self) -> impl Iterator<Item = &Header> {
        self.headers.iter().filter(|(n, _)| !browser_set(n))
    }

    /// #cors-unsafe-request-header-names, lower-cased, in order, without repeats.
    pub fn unsafe_header_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut safelisted_total = 0;
        for (n, v) in self.author_headers() {
            if safelisted_header(n, v) {
                safelisted_total += v.len();
            } else {
                let lower = n.to_ascii_lowercase();
                if !out.contains(&lower) {
                    out.push(lower);
                }
            }
        }
        if safelisted_total > 1024 {
            // Every safelisted header becomes unsafe when their values total over 1024 bytes.
            for (n, _) in self.author_headers() {
                let lower = n.to_ascii_lowercase();
                if !out.contains(&lower) {
                    out.push(lower);
                }
            }
        }
        out
    }

    /// True for a `no-cors` request (an image, a script, a style: `Sec-Fetch-Mode: no-cors`):
    /// no CORS check, an opaque response, and the resource's Cross-Origin-Resource-Policy rules.
    pub fn no_cors(&self) -> bool {
        self.headers
            .iter()
            .any(|(n, v)| n.eq_ignore_ascii_case("sec-fetch-mode") && v.trim() == "no-cors")
    }

    /// True when the browser sends a CORS-preflight before this request.
    pub fn needs_preflight(&self) -> bool {
        !safelisted_method(&self.method) || !self.unsafe_header_names().is_empty()
    }
}

/// Splits a header-list value (`a, b ,c`) into its tokens; `None` when one is not a token.
fn token_list(value: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for item in value.split(',') {
        let t = item.trim();
        if t.is_empty() {
            continue;
        }
        if !t
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        {
            return None;
        }
        out.push(t.to_string());
    }
    Some(out)
}

/// #cors-check on one response; the failure's kind when it fails.
/// A CORS request answered with a redirect that passed the CORS check (#http-redirect-fetch):
/// the browser follows it unless the target is not HTTP(S) or carries a user name or password;
/// to another origin, the next request carries `Origin: null` (the tainted origin), which that
/// server must allow.
fn redirect(
    req: &Request,
    location: &str,
    mut steps: Vec<Step>,
    engines: Vec<&'static str>,
) -> Verdict {
    let lower = location.to_ascii_lowercase();
    let to = crate::facts::origin_of(location);
    let refused =
        !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with('/'))
            || location
                .split('/')
                .nth(2)
                .is_some_and(|authority| authority.contains('@'));
    let cross = to.is_some()
        && to != req.url.as_deref().and_then(crate::facts::origin_of)
        && req.origin != to;
    steps.push(Step {
        what: if refused {
            format!("A CORS request does not follow this redirect to {location}: only http(s), without a password.")
        } else if cross {
            format!("The redirect to {location} is followed, to another origin: the next request carries Origin: null, which that server must allow{}.", if req.credentials { ", with credentials" } else { " (or *)" })
        } else {
            format!("The redirect to {location} is followed.")
        },
        pass: !refused,
        spec: "http-redirect-fetch",
    });
    Verdict {
        steps,
        failure: refused.then_some((KindId::RedirectNotAllowed, Stage::Actual)),
        engines,
        shown: vec![],
    }
}

/// The header showing that a cache served this response (an age over 0, or a hit), if any.
fn cached(resp: &Response) -> Option<String> {
    let age = resp
        .get("Age")
        .filter(|a| a.parse::<u64>().is_ok_and(|a| a > 0));
    let hit = || {
        resp.headers.iter().find(|(n, v)| {
            n.len() > 7
                && n[n.len() - 7..].eq_ignore_ascii_case("-status")
                && v.to_ascii_lowercase().contains("hit")
                || n.eq_ignore_ascii_case("x-cache") && v.to_ascii_lowercase().contains("hit")
        })
    };
    match age {
        Some(a) => Some(format!("Age: {a}")),
        None => hit().map(|(n, v)| format!("{n}: {v}")),
    }
}

fn cors_check(req: &Request, resp: &Response, origin: &str) -> Result<(), (KindId, String)> {
    let Some(allow) = resp.get("Access-Control-Allow-Origin") else {
        return Err((
            KindId::MissingAllowOrigin,
            "the response has no Access-Control-Allow-Origin header".to_string(),
        ));
    };
    if resp.count("Access-Control-Allow-Origin") > 1 || allow.contains(',') {
        // Which layers the response names: the usual cause is two of them adding the header.
        let layers: Vec<String> = ["Server", "X-Powered-By", "Via"]
            .iter()
            .filter_map(|n| resp.get(n).map(|v| format!("{n}: {v}")))
            .collect();
        return Err((
            KindId::MultipleAllowOrigin,
            format!(
                "Access-Control-Allow-Origin holds several values ({allow}); exactly one is allowed{}",
                if layers.is_empty() {
                    String::new()
                } else {
                    format!(". It passed through {}: let one add it", layers.join("; "))
                }
            ),
        ));
    }
    if allow == "*" && !req.credentials {
        return Ok(());
    }
    if allow == "*" {
        return Err((
            KindId::WildcardWithCredentials,
            "Access-Control-Allow-Origin is * but the request carries credentials".to_string(),
        ));
    }
    if allow != origin {
        // Chromium reports a mismatch for any value that parses as a URL (a trailing slash, an
        // upper-case scheme: measured by tests/differential) and "invalid" for the rest.
        let valid = crate::facts::valid_origin(&allow).is_some_and(|v| v == allow)
            || allow.split_once("://").is_some_and(|(scheme, rest)| {
                !scheme.is_empty()
                    && scheme
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
                    && !rest.is_empty()
                    && !rest.contains(char::is_whitespace)
            });
        return Err(if valid {
            (
                KindId::OriginMismatch,
                format!(
                    "Access-Control-Allow-Origin is {allow}, not the page's origin {origin}{}",
                    cached(resp).map_or(String::new(), |c| format!(
                        ". It came from a cache ({c}), made for another origin: send Vary: Origin"
                    ))
                ),
            )
        } else {
            (
                KindId::InvalidAllowOrigin,
                format!(
                    "Access-Control-Allow-Origin is \"{allow}\", which is not a serialized origin"
                ),
            )
        });
    }
    if !req.credentials {
        return Ok(());
    }
    match resp.get("Access-Control-Allow-Credentials").as_deref() {
        Some("true") => Ok(()),
        other => Err((
            KindId::CredentialsNotTrue,
            format!(
                "the request carries credentials but Access-Control-Allow-Credentials is {}",
                other.map_or("absent".to_string(), |v| format!("\"{v}\""))
            ),
        )),
    }
}

/// The host of a URL or serialized origin (`[::1]` keeps its brackets).
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    match authority.rfind([':', ']']) {
        Some(i) if authority.as_bytes()[i] == b':' => &authority[..i],
        _ => authority,
    }
}

/// #cross-origin-resource-policy-internal-check for a no-cors request: `same-origin` allows only
/// the resource's own origin; `same-site` its site, and not from an http page to an https
/// resource; anything else (absent, `cross-origin`, an unknown value) allows every page.
fn corp(req: &Request, resp: &Response, mut steps: Vec<Step>) -> Verdict {
    let origin = req.origin.as_deref().unwrap_or("");
    let url = req.url.as_deref().unwrap_or("");
    // The value is case-sensitive: `Same-Origin` is no policy at all.
    let policy = resp.get("Cross-Origin-Resource-Policy").unwrap_or_default();
    let (a, b) = (host_of(origin), host_of(url));
    // Chromium never counts an IP address as the same site as another origin (measured by
    // tests/differential; the URL standard's "host same site" would for equal hosts).
    let ip = |h: &str| h.starts_with('[') || h.bytes().all(|c| c.is_ascii_digit() || c == b'.');
    let same_origin = crate::facts::origin_of(url).as_deref() == Some(origin);
    let allowed = match policy.as_str() {
        _ if same_origin => Some(true),
        "same-origin" => Some(false),
        "same-site" if ip(a) || ip(b) => Some(false),
        "same-site" => crate::psl::site(a)
            .zip(crate::psl::site(b))
            .map(|(x, y)| x == y && (origin.starts_with("https:") || !url.starts_with("https:"))),
        _ => Some(true),
    };
    let verb = match allowed {
        Some(false) => "forbids",
        Some(true) => "allows",
        None => "allows, if same-site,",
    };
    steps.push(Step {
        what: format!("A no-cors request: no CORS check, the page cannot read the response, and Cross-Origin-Resource-Policy: {} {verb} this load from {origin}. (A page with Cross-Origin-Embedder-Policy: require-corp needs cross-origin.)", if policy.is_empty() { "(absent)" } else { &policy }),
        pass: allowed != Some(false),
        spec: "cross-origin-resource-policy-internal-check",
    });
    Verdict {
        steps,
        failure: (allowed == Some(false)).then_some((KindId::CorpBlocked, Stage::Actual)),
        engines: if policy == "same-site" && a == b && ip(a) {
            vec!["Firefox allows this load: equal hosts are the same site to it, as the URL standard says; Chromium never counts an IP address so."]
        } else {
            vec![]
        },
        shown: vec![],
    }
}

/// Decides one exchange as a browser would. Steps the evidence cannot decide (no response for
/// them) are left out; the verdict then covers what the evidence shows.
fn decide(ex: &Exchange) -> Verdict {
    let req = &ex.request;
    let mut steps = Vec::new();
    let mut engines = Vec::new();
    let origin = req.origin.clone().unwrap_or_default();
    let needs = req.needs_preflight();
    let unsafe_names = req.unsafe_header_names();
    if let (true, Some(actual)) = (req.no_cors(), &ex.actual) {
        return corp(req, actual, steps);
    }
    steps.push(Step {
        what: if needs {
            let mut why = Vec::new();
            if !safelisted_method(&req.method) {
                why.push(format!(
                    "the method {} is not GET, HEAD or POST",
                    req.method
                ));
            }
            if !unsafe_names.is_empty() {
                why.push(format!("the request sets {}", unsafe_names.join(", ")));
            }
            format!("A preflight is needed: {}.", why.join(" and "))
        } else if ex.private_network {
            "Only Chromium's private network preflight is needed: a safelisted method and headers."
                .to_string()
        } else {
            "No preflight is needed: a safelisted method and only safelisted headers.".to_string()
        },
        pass: true,
        spec: SPEC_PREFLIGHT_NEEDED,
    });
    let fail = |steps: &mut Vec<Step>, what: String, spec, kind, stage, engines: Vec<_>| Verdict {
        steps: {
            steps.push(Step {
                what,
                pass: false,
                spec,
            });
            std::mem::take(steps)
        },
        failure: Some((kind, stage)),
        engines,
        shown: vec![],
    };
    if needs || ex.private_network {
        if let Some(pre) = &ex.preflight {
            if (300..400).contains(&pre.status) {
                return fail(&mut steps, format!("The preflight was answered with a redirect ({}): a preflight may not be redirected.", pre.status), SPEC_PREFLIGHT, KindId::PreflightRedirect, Stage::Preflight, engines);
            }
            let ok = (200..300).contains(&pre.status);
            let cors = cors_check(req, pre, ex.preflight_origin.as_deref().unwrap_or(&origin));
            if !ok && cors.is_err() {
                engines.push("Chromium and Firefox report the missing or wrong Access-Control-Allow-Origin of this preflight; WebKit (Safari) checks its status first and reports that it was not successful.");
            }
            if let Err((kind, why)) = cors {
                return fail(
                    &mut steps,
                    format!("The preflight fails the CORS check: {why}."),
                    SPEC_PREFLIGHT,
                    kind,
                    Stage::Preflight,
                    engines,
                );
            }
            steps.push(Step {
                what: "The preflight passes the CORS check.".to_string(),
                pass: true,
                spec: SPEC_CORS_CHECK,
            });
            if !ok {
                return fail(&mut steps, format!("The preflight's status is {}, not 2xx: answer OPTIONS before authentication and routing, with 204 or 200.", pre.status), SPEC_PREFLIGHT, KindId::PreflightBadStatus, Stage::Preflight, engines);
            }
            steps.push(Step {
                what: format!("The preflight's status {} is ok.", pre.status),
                pass: true,
                spec: SPEC_PREFLIGHT,
            });
            if ex.private_network
                && pre.get("Access-Control-Allow-Private-Network").as_deref() != Some("true")
            {
                engines.push("Only Chromium asked this (Private Network Access, before Chrome 142's Local Network Access permission); Firefox and WebKit do not.");
                return fail(&mut steps, "The preflight asked for private network access and lacks Access-Control-Allow-Private-Network: true.".to_string(), SPEC_PREFLIGHT, KindId::PrivateNetwork, Stage::Preflight, engines);
            }
            let methods = pre
                .get("Access-Control-Allow-Methods")
                .map(|v| token_list(&v));
            let headers = pre
                .get("Access-Control-Allow-Headers")
                .map(|v| token_list(&v));
            // Absent or listed without the method (`*` covers it without credentials).
            let method_missing = !safelisted_method(&req.method)
                && match &methods {
                    None => true,
                    Some(Some(m)) => {
                        !m.contains(&req.method) && (req.credentials || !m.iter().any(|x| x == "*"))
                    }
                    Some(None) => false,
                };
            if method_missing && matches!(headers, Some(None)) {
                engines.push(
                    "Firefox reports the method missing from Access-Control-Allow-Methods first.",
                );
            }
            if matches!(methods, Some(None)) || matches!(headers, Some(None)) {
                return fail(&mut steps, "Access-Control-Allow-Methods or -Headers holds something that is not a token list.".to_string(), SPEC_PREFLIGHT, KindId::InvalidAllowMethodsOrHeaders, Stage::Preflight, engines);
            }
            let methods = methods.flatten().unwrap_or_default();
            let headers = headers.flatten().unwrap_or_default();
            let star = |list: &[String]| list.iter().any(|x| x == "*") && !req.credentials;
            if !safelisted_method(&req.method)
                && !methods.iter().any(|m| m == &req.method)
                && !star(&methods)
            {
                return fail(
                    &mut steps,
                    format!(
                        "The method {} is not in Access-Control-Allow-Methods ({}).",
                        req.method,
                        if methods.is_empty() {
                            "absent".to_string()
                        } else {
                            methods.join(", ")
                        }
                    ),
                    SPEC_PREFLIGHT,
                    KindId::MethodNotAllowed,
                    Stage::Preflight,
                    engines,
                );
            }
            steps.push(Step {
                what: format!("The method {} is allowed.", req.method),
                pass: true,
                spec: SPEC_PREFLIGHT,
            });
            for name in &unsafe_names {
                let listed = headers.iter().any(|h| h.eq_ignore_ascii_case(name));
                if listed {
                    continue;
                }
                if name == "authorization" && star(&headers) {
                    // Measured (tests/differential): Chromium 156 and Firefox 153 still let it
                    // through; the standard does not, and Firefox warns that it will stop.
                    steps.push(Step {
                        what: "Chromium and Firefox still let Authorization pass Allow-Headers: *, but the standard does not: list it by name.".to_string(),
                        pass: true,
                        spec: SPEC_PREFLIGHT,
                    });
                    continue;
                }
                if !star(&headers) {
                    return fail(
                        &mut steps,
                        format!(
                            "The header {name} is not in Access-Control-Allow-Headers ({}).",
                            if headers.is_empty() {
                                "absent".to_string()
                            } else {
                                headers.join(", ")
                            }
                        ),
                        SPEC_PREFLIGHT,
                        KindId::HeaderNotAllowed,
                        Stage::Preflight,
                        engines,
                    );
                }
            }
            if !unsafe_names.is_empty() {
                steps.push(Step {
                    what: format!("The headers {} are allowed.", unsafe_names.join(", ")),
                    pass: true,
                    spec: SPEC_PREFLIGHT,
                });
            }
        }
    }
    if let Some(actual) = &ex.actual {
        if let Err((kind, why)) = cors_check(req, actual, &origin) {
            return fail(
                &mut steps,
                format!("The response fails the CORS check: {why}."),
                SPEC_CORS_CHECK,
                kind,
                Stage::Actual,
                engines,
            );
        }
        if let (true, Some(location)) = (
            (300..400).contains(&actual.status) && actual.status != 304,
            actual.get("Location"),
        ) {
            return redirect(req, &location, steps, engines);
        }
        steps.push(Step {
            what: "The response passes the CORS check: the page can read it.".to_string(),
            pass: true,
            spec: SPEC_CORS_CHECK,
        });
        let varies = actual
            .get("Vary")
            .is_some_and(|v| v == "*" || v.to_ascii_lowercase().contains("origin"));
        if let (Some(c), false) = (
            cached(actual),
            varies || actual.get("Access-Control-Allow-Origin").as_deref() == Some("*"),
        ) {
            steps.push(Step {
                what: format!("But a cache served it ({c}) without Vary: Origin: other origins may get this answer. Send Vary: Origin."),
                pass: true,
                spec: SPEC_CORS_CHECK,
            });
        }
        if let Some(expose) = actual.get("Access-Control-Expose-Headers") {
            steps.push(Step {
                what: format!("Script can also read the exposed headers: {expose}."),
                pass: true,
                spec: "cors-exposed-header-name-list",
            });
        }
    }
    Verdict {
        steps,
        failure: None,
        engines,
        shown: vec![],
    }
}

/// How many header lines of a failing answer the card lists.
const MAX_SHOWN: usize = 40;

/// Checks one exchange as a browser would (see [`decide`]) and, when it fails, lists the failing answer with the header at
/// fault marked.
pub fn check(ex: &Exchange) -> Verdict {
    let mut v = decide(ex);
    let Some((kind, stage)) = v.failure else {
        return v;
    };
    let Some(resp) = (if stage == Stage::Preflight {
        &ex.preflight
    } else {
        &ex.actual
    }) else {
        return v;
    };
    let at_fault: &[&str] = match kind {
        KindId::CredentialsNotTrue => &["access-control-allow-credentials"],
        KindId::MethodNotAllowed => &["access-control-allow-methods"],
        KindId::HeaderNotAllowed | KindId::AuthorizationNotCoveredByWildcard => {
            &["access-control-allow-headers"]
        }
        KindId::InvalidAllowMethodsOrHeaders => &[
            "access-control-allow-methods",
            "access-control-allow-headers",
        ],
        KindId::RedirectNotAllowed => &["location"],
        KindId::CorpBlocked => &["cross-origin-resource-policy"],
        KindId::PrivateNetwork => &["access-control-allow-private-network"],
        KindId::PreflightBadStatus | KindId::PreflightRedirect => &[],
        _ => &["access-control-allow-origin"],
    };
    v.shown.push((
        format!("HTTP {}", resp.status),
        matches!(kind, KindId::PreflightBadStatus | KindId::PreflightRedirect),
    ));
    for (n, value) in resp.headers.iter().take(MAX_SHOWN) {
        let lower = n.to_ascii_lowercase();
        v.shown
            .push((format!("{n}: {value}"), at_fault.contains(&lower.as_str())));
    }
    for name in at_fault {
        if resp.count(name) == 0 {
            v.shown.push((format!("{name}: (absent)"), true));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, headers: &[(&str, &str)]) -> Response {
        Response {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        }
    }

    fn req(method: &str, headers: &[(&str, &str)], credentials: bool) -> Request {
        Request {
            origin: Some("http://localhost:3000".into()),
            url: Some("https://api.example.com/x".into()),
            method: method.into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            credentials,
        }
    }

    /// The verdict on a request answered without a preflight.
    fn after(r: Request, actual: Response) -> Verdict {
        check(&Exchange {
            request: r,
            actual: Some(actual),
            ..Exchange::default()
        })
    }

    fn kind(
        r: Request,
        pre: Option<Response>,
        actual: Option<Response>,
    ) -> Option<(KindId, Stage)> {
        check(&Exchange {
            request: r,
            preflight: pre,
            actual,
            ..Exchange::default()
        })
        .failure
    }

    const O: &str = "http://localhost:3000";

    #[test]
    fn a_no_cors_load_is_decided_by_cross_origin_resource_policy() {
        let load = |origin: &str, url: &str, policy: Option<&str>| {
            let mut r = req("GET", &[("Sec-Fetch-Mode", "no-cors")], false);
            r.origin = Some(origin.into());
            r.url = Some(url.into());
            let headers: Vec<(&str, &str)> = policy
                .map(|p| ("Cross-Origin-Resource-Policy", p))
                .into_iter()
                .collect();
            after(r, resp(200, &headers))
        };
        let corp = Some((KindId::CorpBlocked, Stage::Actual));
        let img = "https://cdn.example.com/a.png";
        // #cross-origin-resource-policy-internal-check, rule by rule.
        assert_eq!(load(O, img, None).failure, None);
        assert_eq!(load(O, img, Some("cross-origin")).failure, None);
        assert_eq!(load(O, img, Some("nonsense")).failure, None);
        assert_eq!(load(O, img, Some("same-origin")).failure, corp);
        assert_eq!(
            load("https://cdn.example.com", img, Some("same-origin")).failure,
            None
        );
        assert_eq!(
            load(O, img, Some("Same-Site")).failure,
            None,
            "case-sensitive"
        );
        assert_eq!(load(O, img, Some("same-site")).failure, corp);
        // An IP address is never the same site as another origin (Chromium).
        assert_eq!(
            load(
                "http://127.0.0.1:3000",
                "http://127.0.0.1:8080/a",
                Some("same-site")
            )
            .failure,
            corp
        );
        assert_eq!(
            load(
                "http://127.0.0.1:3000",
                "http://127.0.0.1:3000/a",
                Some("same-origin")
            )
            .failure,
            None
        );
        assert_eq!(
            load("https://www.example.com", img, Some("same-site")).failure,
            None
        );
        assert_eq!(
            load(
                "https://www.example.co.uk",
                "https://cdn.other.co.uk/a",
                Some("same-site")
            )
            .failure,
            corp
        );
        // An http page may not load a same-site https resource; the other way round it may.
        assert_eq!(
            load("http://www.example.com", img, Some("same-site")).failure,
            corp
        );
        assert_eq!(
            load(
                "https://www.example.com",
                "http://cdn.example.com/a",
                Some("same-site")
            )
            .failure,
            None
        );
        // The failing answer marks the policy; a CORS-mode request ignores CORP.
        let v = load(O, img, Some("same-origin"));
        assert!(v.shown.contains(&(
            "Cross-Origin-Resource-Policy: same-origin".to_string(),
            true
        )));
        assert_eq!(
            after(
                req("GET", &[], false),
                resp(
                    200,
                    &[
                        ("Access-Control-Allow-Origin", "*"),
                        ("Cross-Origin-Resource-Policy", "same-origin")
                    ]
                )
            )
            .failure,
            None
        );
    }

    #[test]
    fn a_private_network_preflight_wants_its_header() {
        let pna = |answer: &[(&str, &str)]| {
            check(&Exchange {
                request: req("GET", &[], false),
                preflight: Some(resp(204, answer)),
                private_network: true,
                ..Exchange::default()
            })
        };
        let v = pna(&[("Access-Control-Allow-Origin", O)]);
        assert_eq!(v.failure, Some((KindId::PrivateNetwork, Stage::Preflight)));
        assert!(v.engines[0].contains("Only Chromium"));
        assert!(v.shown.contains(&(
            "access-control-allow-private-network: (absent)".to_string(),
            true
        )));
        let ok = [
            ("Access-Control-Allow-Origin", O),
            ("Access-Control-Allow-Private-Network", "true"),
        ];
        assert_eq!(pna(&ok).failure, None);
        // The CORS check of the preflight comes first.
        assert_eq!(
            pna(&[("Access-Control-Allow-Private-Network", "true")]).failure,
            Some((KindId::MissingAllowOrigin, Stage::Preflight))
        );
    }

    #[test]
    fn firefox_names_a_missing_method_before_invalid_allow_headers() {
        // Allow-Methods listed without the method, or absent: Firefox names the method.
        for methods in [Some("GET"), None] {
            let mut answer = vec![
                ("Access-Control-Allow-Origin", O),
                ("Access-Control-Allow-Headers", "x-token, (bad)"),
            ];
            answer.extend(methods.map(|m| ("Access-Control-Allow-Methods", m)));
            let v = check(&Exchange {
                request: req("PUT", &[("X-Token", "1")], false),
                preflight: Some(resp(204, &answer)),
                ..Exchange::default()
            });
            assert_eq!(
                v.failure,
                Some((KindId::InvalidAllowMethodsOrHeaders, Stage::Preflight))
            );
            assert!(
                v.engines
                    .iter()
                    .any(|e| e.starts_with("Firefox reports the method")),
                "{methods:?}"
            );
        }
        // Allowed by `*`: nothing to say.
        let v = check(&Exchange {
            request: req("PUT", &[("X-Token", "1")], false),
            preflight: Some(resp(
                204,
                &[
                    ("Access-Control-Allow-Origin", O),
                    ("Access-Control-Allow-Methods", "*"),
                    ("Access-Control-Allow-Headers", "(bad)"),
                ],
            )),
            ..Exchange::default()
        });
        assert!(v.engines.is_empty());
    }

    #[test]
    fn when_a_preflight_is_needed() {
        assert!(!req("GET", &[], false).needs_preflight());
        assert!(!req(
            "POST",
            &[("Content-Type", "text/plain;charset=UTF-8")],
            false
        )
        .needs_preflight());
        assert!(req("POST", &[("Content-Type", "application/json")], false).needs_preflight());
        assert!(req("PUT", &[], false).needs_preflight());
        assert!(req("GET", &[("Authorization", "Bearer x")], false).needs_preflight());
        assert!(
            req("GET", &[("Accept", "a\"b")], false).needs_preflight(),
            "an unsafe byte"
        );
        assert!(
            req("GET", &[("Accept", &"a".repeat(129))], false).needs_preflight(),
            "over 128 bytes"
        );
        assert!(
            !req(
                "GET",
                &[
                    ("User-Agent", "x"),
                    ("Sec-Fetch-Mode", "cors"),
                    ("Origin", O)
                ],
                false
            )
            .needs_preflight(),
            "the browser's own"
        );
        assert!(!req("GET", &[("Range", "bytes=0-99")], false).needs_preflight());
        assert!(req("GET", &[("Range", "bytes=0-1,5-9")], false).needs_preflight());
    }

    #[test]
    fn the_cors_check_rule_by_rule() {
        let get = || req("GET", &[], false);
        let cred = || req("GET", &[], true);
        assert_eq!(
            kind(get(), None, Some(resp(200, &[]))),
            Some((KindId::MissingAllowOrigin, Stage::Actual))
        );
        assert_eq!(
            kind(
                get(),
                None,
                Some(resp(200, &[("Access-Control-Allow-Origin", "*")]))
            ),
            None
        );
        assert_eq!(
            kind(
                cred(),
                None,
                Some(resp(200, &[("Access-Control-Allow-Origin", "*")]))
            ),
            Some((KindId::WildcardWithCredentials, Stage::Actual))
        );
        assert_eq!(
            kind(
                get(),
                None,
                Some(resp(
                    200,
                    &[("Access-Control-Allow-Origin", "http://localhost:3001")]
                ))
            ),
            Some((KindId::OriginMismatch, Stage::Actual))
        );
        assert_eq!(
            kind(
                get(),
                None,
                Some(resp(
                    200,
                    &[("Access-Control-Allow-Origin", "http://localhost:3000/")]
                ))
            ),
            Some((KindId::OriginMismatch, Stage::Actual)),
            "a trailing slash is a mismatch, as Chromium reports it"
        );
        assert_eq!(
            kind(
                get(),
                None,
                Some(resp(
                    200,
                    &[("Access-Control-Allow-Origin", "localhost:3000")]
                ))
            ),
            Some((KindId::InvalidAllowOrigin, Stage::Actual))
        );
        assert_eq!(
            kind(
                get(),
                None,
                Some(resp(
                    200,
                    &[
                        ("Access-Control-Allow-Origin", O),
                        ("Access-Control-Allow-Origin", O)
                    ]
                ))
            ),
            Some((KindId::MultipleAllowOrigin, Stage::Actual))
        );
        assert_eq!(
            kind(
                get(),
                None,
                Some(resp(500, &[("access-control-allow-origin", O)]))
            ),
            None,
            "any status, names in any case"
        );
        assert_eq!(
            kind(
                cred(),
                None,
                Some(resp(200, &[("Access-Control-Allow-Origin", O)]))
            ),
            Some((KindId::CredentialsNotTrue, Stage::Actual))
        );
        assert_eq!(
            kind(
                cred(),
                None,
                Some(resp(
                    200,
                    &[
                        ("Access-Control-Allow-Origin", O),
                        ("Access-Control-Allow-Credentials", "True")
                    ]
                ))
            ),
            Some((KindId::CredentialsNotTrue, Stage::Actual)),
            "exactly true"
        );
        assert_eq!(
            kind(
                cred(),
                None,
                Some(resp(
                    200,
                    &[
                        ("Access-Control-Allow-Origin", O),
                        ("Access-Control-Allow-Credentials", "true")
                    ]
                ))
            ),
            None
        );
    }

    #[test]
    fn the_preflight_rule_by_rule() {
        let put = |h: &[(&str, &str)]| req("PUT", h, false);
        let ok = |extra: &[(&str, &str)]| {
            let mut h = vec![("Access-Control-Allow-Origin", O)];
            h.extend_from_slice(extra);
            resp(204, &h)
        };
        assert_eq!(
            kind(
                put(&[]),
                Some(resp(301, &[("Location", "https://x")])),
                None
            ),
            Some((KindId::PreflightRedirect, Stage::Preflight))
        );
        assert_eq!(
            kind(put(&[]), Some(resp(404, &[])), None),
            Some((KindId::MissingAllowOrigin, Stage::Preflight))
        );
        assert_eq!(
            kind(
                put(&[]),
                Some(resp(401, &[("Access-Control-Allow-Origin", O)])),
                None
            ),
            Some((KindId::PreflightBadStatus, Stage::Preflight))
        );
        assert_eq!(
            kind(put(&[]), Some(ok(&[])), None),
            Some((KindId::MethodNotAllowed, Stage::Preflight))
        );
        assert_eq!(
            kind(
                put(&[]),
                Some(ok(&[("Access-Control-Allow-Methods", "GET, PUT")])),
                None
            ),
            None
        );
        assert_eq!(
            kind(
                put(&[]),
                Some(ok(&[("Access-Control-Allow-Methods", "put")])),
                None
            ),
            Some((KindId::MethodNotAllowed, Stage::Preflight)),
            "methods compare case-sensitively"
        );
        assert_eq!(
            kind(
                put(&[]),
                Some(ok(&[("Access-Control-Allow-Methods", "*")])),
                None
            ),
            None
        );
        assert_eq!(
            kind(
                req("PUT", &[], true),
                Some(ok(&[
                    ("Access-Control-Allow-Methods", "*"),
                    ("Access-Control-Allow-Credentials", "true")
                ])),
                None
            ),
            Some((KindId::MethodNotAllowed, Stage::Preflight)),
            "* is literal with credentials"
        );
        assert_eq!(
            kind(
                put(&[]),
                Some(ok(&[("Access-Control-Allow-Methods", "PUT DELETE")])),
                None
            ),
            Some((KindId::InvalidAllowMethodsOrHeaders, Stage::Preflight))
        );
        let auth = [("Authorization", "Bearer t")];
        assert_eq!(
            kind(
                put(&auth),
                Some(ok(&[("Access-Control-Allow-Methods", "PUT")])),
                None
            ),
            Some((KindId::HeaderNotAllowed, Stage::Preflight))
        );
        assert_eq!(
            kind(
                put(&auth),
                Some(ok(&[
                    ("Access-Control-Allow-Methods", "PUT"),
                    ("Access-Control-Allow-Headers", "*")
                ])),
                None
            ),
            None,
            "browsers still let Authorization through *: a passing step with a warning"
        );
        assert_eq!(
            kind(
                put(&auth),
                Some(ok(&[
                    ("Access-Control-Allow-Methods", "PUT"),
                    ("Access-Control-Allow-Headers", "authorization")
                ])),
                None
            ),
            None,
            "header names compare case-insensitively"
        );
        assert_eq!(
            kind(
                put(&[("X-Key", "1")]),
                Some(ok(&[
                    ("Access-Control-Allow-Methods", "PUT"),
                    ("Access-Control-Allow-Headers", "*")
                ])),
                None
            ),
            None
        );
        // A passing preflight, then the actual response decides.
        assert_eq!(
            kind(
                put(&[]),
                Some(ok(&[("Access-Control-Allow-Methods", "PUT")])),
                Some(resp(200, &[]))
            ),
            Some((KindId::MissingAllowOrigin, Stage::Actual))
        );
        let v = check(&Exchange {
            request: put(&[]),
            preflight: Some(resp(404, &[])),
            actual: None,
            ..Exchange::default()
        });
        assert!(
            !v.engines.is_empty(),
            "WebKit reports a failed preflight by its status"
        );
    }

    #[test]
    fn layers_and_caches_are_named() {
        let steps = |r: Request, actual: Response| after(r, actual).steps;
        // Two layers: the failing step names the ones the response shows.
        let s = steps(
            req("GET", &[], false),
            resp(
                200,
                &[
                    ("Server", "nginx/1.22.1"),
                    ("X-Powered-By", "Express"),
                    ("Access-Control-Allow-Origin", O),
                    ("Access-Control-Allow-Origin", O),
                ],
            ),
        );
        let last = &s.last().unwrap().what;
        assert!(
            last.contains("Server: nginx/1.22.1; X-Powered-By: Express")
                && last.contains("let one add it"),
            "{last}"
        );
        // A cached answer for another origin: the mismatch says where it came from.
        let s = steps(
            req("GET", &[], false),
            resp(
                200,
                &[
                    ("Access-Control-Allow-Origin", "https://app.example.com"),
                    ("Age", "120"),
                ],
            ),
        );
        assert!(
            s.last().unwrap().what.contains("from a cache (Age: 120)"),
            "{s:?}"
        );
        // A passing answer from a cache without Vary: Origin: a warning, still readable.
        let cached = |vary: Option<&str>, age: &str| {
            let mut h = vec![("Access-Control-Allow-Origin", O), ("X-Cache", age)];
            h.extend(vary.map(|v| ("Vary", v)));
            steps(req("GET", &[], false), resp(200, &h))
        };
        let s = cached(None, "Hit from cloudfront");
        assert!(
            s.iter().all(|x| x.pass) && s.last().unwrap().what.contains("without Vary: Origin"),
            "{s:?}"
        );
        assert!(
            !cached(Some("Accept-Encoding, Origin"), "Hit from cloudfront")
                .iter()
                .any(|x| x.what.contains("Vary"))
        );
        assert!(!cached(None, "Miss from cloudfront")
            .iter()
            .any(|x| x.what.contains("Vary")));
        assert!(!steps(
            req("GET", &[], false),
            resp(200, &[("Access-Control-Allow-Origin", "*"), ("Age", "5")])
        )
        .iter()
        .any(|x| x.what.contains("Vary")));
    }

    #[test]
    fn the_failing_answer_is_shown_with_the_header_at_fault_marked() {
        let shown = |r: Request, pre: Option<Response>, actual: Option<Response>| {
            check(&Exchange {
                request: r,
                preflight: pre,
                actual,
                ..Exchange::default()
            })
            .shown
        };
        let marked = |v: &[(String, bool)]| -> Vec<String> {
            v.iter()
                .filter(|(_, m)| *m)
                .map(|(l, _)| l.clone())
                .collect()
        };
        // The method missing from a preflight's list.
        let v = shown(
            req("PUT", &[], false),
            Some(resp(
                204,
                &[
                    ("Access-Control-Allow-Origin", O),
                    ("access-control-allow-methods", "GET"),
                ],
            )),
            None,
        );
        assert_eq!(v[0], ("HTTP 204".to_string(), false));
        assert_eq!(marked(&v), ["access-control-allow-methods: GET"]);
        // A header that is absent is listed as such.
        let v = shown(
            req("GET", &[], false),
            None,
            Some(resp(200, &[("Content-Type", "text/plain")])),
        );
        assert_eq!(marked(&v), ["access-control-allow-origin: (absent)"]);
        // A bad status marks the status line; a passing exchange shows nothing.
        let v = shown(
            req("PUT", &[], false),
            Some(resp(401, &[("Access-Control-Allow-Origin", O)])),
            None,
        );
        assert_eq!(marked(&v), ["HTTP 401"]);
        assert!(shown(
            req("GET", &[], false),
            None,
            Some(resp(200, &[("Access-Control-Allow-Origin", "*")]))
        )
        .is_empty());
        // Redirects (with Allow-Origin, so the redirect itself passes the CORS check): a data:
        // target or a password fails; another origin taints the origin; a path is followed.
        for (location, failure, says) in [
            (
                "data:text/plain,hi",
                Some((KindId::RedirectNotAllowed, Stage::Actual)),
                "does not follow",
            ),
            (
                "https://u:p@api.example.com/x",
                Some((KindId::RedirectNotAllowed, Stage::Actual)),
                "does not follow",
            ),
            ("https://other.example.org/x", None, "Origin: null"),
            ("/elsewhere", None, "/elsewhere is followed."),
        ] {
            let v = after(
                req("GET", &[], false),
                resp(
                    302,
                    &[("Access-Control-Allow-Origin", O), ("Location", location)],
                ),
            );
            assert_eq!(v.failure, failure, "{location}");
            assert!(
                v.steps.last().unwrap().what.contains(says),
                "{location}: {:?}",
                v.steps
            );
            if failure.is_some() {
                assert_eq!(marked(&v.shown), [format!("Location: {location}")]);
            }
        }
    }
}
