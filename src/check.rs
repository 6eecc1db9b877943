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

mod request;
pub use request::{safelisted_header, safelisted_method, SAFELISTED_METHODS};

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

/// #cors-check on one response; the failure's kind when it fails.
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
    let same_origin = crate::facts::origin_of(url).as_deref() == Some(origin);
    let allowed = match policy.as_str() {
        _ if same_origin => Some(true),
        "same-origin" => Some(false),
        "same-site" if crate::psl::is_ip(a) || crate::psl::is_ip(b) => Some(false),
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
        engines: if policy == "same-site" && a == b && crate::psl::is_ip(a) {
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
mod tests;
