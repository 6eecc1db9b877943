//! `cors-doctor check URL`: a live probe. It sends what a browser would (the preflight when the
//! request needs one, then the request, each with the page's Origin) with a real HTTP client
//! (TLS by rustls), runs the Fetch-standard checker ([`crate::check`]) on the answers, and with
//! `--audit` sends a fixed set of hostile origins and reports every one the server accepts.
//!
//! The decision a reader would not guess: redirects are not followed (a preflight may not be
//! redirected at all, and the redirect itself is what the checker must see); every request has
//! a timeout, and the number of requests is fixed by the options (at most 2 + 8 with --audit).

use std::time::Duration;

use serde::Serialize;

use crate::check::{check, Exchange, Request, Response, Verdict};
use crate::facts::serialize_origin;

/// Per request: connecting, sending and reading the answer.
const TIMEOUT: Duration = Duration::from_secs(10);

/// What `check` found.
#[derive(Debug, Serialize)]
pub struct Probe {
    /// The verdict on the request as the page would make it.
    pub verdict: Verdict,
    /// The failing kind's id, or `None` when the page can read the response.
    pub kind: Option<&'static str>,
    /// Hostile origins the server accepted (only with `--audit`), each with what was wrong.
    pub audit: Vec<Finding>,
}

/// One hostile origin the server accepted.
#[derive(Debug, Serialize)]
pub struct Finding {
    /// The Origin sent.
    pub origin: String,
    /// What the answer did wrong.
    pub problem: String,
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(TIMEOUT)
        .redirects(0)
        .build()
}

/// Sends one request and returns the answer, whatever its status.
fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(String, String)],
) -> Result<Response, String> {
    let mut req = agent.request(method, url);
    for (n, v) in headers {
        req = req.set(n, v);
    }
    // As a browser does: a method that may carry a body is sent with an empty one
    // (Content-Length: 0); some servers refuse the request without it (WEBrick: 411).
    let sent = if matches!(method, "GET" | "HEAD" | "OPTIONS") {
        req.call()
    } else {
        req.send_bytes(&[])
    };
    let resp = match sent {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(ureq::Error::Transport(t)) => return Err(format!("{method} {url}: {t}")),
    };
    let mut out = Response {
        status: resp.status(),
        headers: Vec::new(),
    };
    for name in resp.headers_names() {
        for value in resp.all(&name) {
            out.headers.push((name.clone(), value.to_string()));
        }
    }
    Ok(out)
}

/// The request options of `check`, validated.
pub struct Options {
    /// The URL to probe (http or https).
    pub url: String,
    /// The page's origin.
    pub origin: String,
    /// The method the page uses.
    pub method: String,
    /// Headers the page sets, `Name: value`.
    pub headers: Vec<(String, String)>,
    /// Whether the page sends credentials.
    pub credentials: bool,
    /// Also send hostile origins.
    pub audit: bool,
}

impl Options {
    /// Checks the options; the message says what to fix.
    pub fn new(
        url: &str,
        origin: &str,
        method: Option<&str>,
        headers: &[String],
        credentials: bool,
        audit: bool,
    ) -> Result<Options, String> {
        let url = crate::facts::valid_url(url)
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            .ok_or("the URL must be an http:// or https:// URL")?;
        let origin = serialize_origin(origin, true)
            .map_err(|e| format!("--origin is not an origin a browser sends: {e}"))?;
        let method = method.unwrap_or("GET").to_ascii_uppercase();
        if crate::facts::valid_token(&method).is_none() {
            return Err("--method must be an HTTP method such as PUT".to_string());
        }
        let mut hs = Vec::new();
        for h in headers {
            let (n, v) = h.split_once(':').ok_or("--header takes 'Name: value'")?;
            let n = n.trim();
            if crate::facts::valid_token(n).is_none() || v.chars().any(|c| c.is_control()) {
                return Err(
                    "--header takes 'Name: value' with a token name and no control characters"
                        .to_string(),
                );
            }
            hs.push((n.to_string(), v.trim().to_string()));
        }
        Ok(Options {
            url,
            origin,
            method,
            headers: hs,
            credentials,
            audit,
        })
    }
}

/// Origins an attacker can own that a careless allowlist lets in, for the page origin `origin`.
pub fn hostile_origins(origin: &str) -> Vec<String> {
    let (scheme, host_port) = origin.split_once("://").unwrap_or(("https", origin));
    let (host, port) = match host_port.rsplit_once(':') {
        Some((h, p)) if !p.contains(']') => (h, format!(":{p}")),
        _ => (host_port, String::new()),
    };
    let registrable = host.split('.').rev().take(2).collect::<Vec<_>>();
    let base = registrable.into_iter().rev().collect::<Vec<_>>().join(".");
    let other_scheme = if scheme == "https" { "http" } else { "https" };
    vec![
        "https://cors-doctor-audit.example".to_string(),
        "null".to_string(),
        format!("{scheme}://evil{base}{port}"),
        format!("{scheme}://{host}.evil.example{port}"),
        format!("{scheme}://evil-{host}{port}"),
        format!("{other_scheme}://{host}{port}"),
        format!("{scheme}://cors-doctor-audit.{base}{port}"),
    ]
    .into_iter()
    .filter(|o| o != origin)
    .collect()
}

/// Runs the probe.
pub fn run(o: &Options) -> Result<Probe, String> {
    let agent = agent();
    let request = Request {
        origin: Some(o.origin.clone()),
        url: Some(o.url.clone()),
        method: o.method.clone(),
        headers: o.headers.clone(),
        credentials: o.credentials,
    };
    let mut ex = Exchange {
        request: request.clone(),
        ..Exchange::default()
    };
    if request.needs_preflight() {
        let mut h = vec![
            ("Origin".to_string(), o.origin.clone()),
            (
                "Access-Control-Request-Method".to_string(),
                o.method.clone(),
            ),
        ];
        let names = request.unsafe_header_names();
        if !names.is_empty() {
            h.push((
                "Access-Control-Request-Headers".to_string(),
                names.join(","),
            ));
        }
        ex.preflight = Some(send(&agent, "OPTIONS", &o.url, &h)?);
    }
    let preflight_failed = ex.preflight.is_some() && check(&ex).failure.is_some();
    if !preflight_failed {
        let mut h = vec![("Origin".to_string(), o.origin.clone())];
        h.extend(o.headers.iter().cloned());
        ex.actual = Some(send(&agent, &o.method, &o.url, &h)?);
    }
    let verdict = check(&ex);
    let mut audit = Vec::new();
    if o.audit {
        for bad in hostile_origins(&o.origin) {
            let resp = send(
                &agent,
                "GET",
                &o.url,
                &[("Origin".to_string(), bad.clone())],
            )?;
            let acao = resp.get("Access-Control-Allow-Origin");
            let creds = resp.get("Access-Control-Allow-Credentials").as_deref() == Some("true");
            let vary = resp.get("Vary").is_some_and(|v| {
                v.split(',')
                    .any(|x| x.trim().eq_ignore_ascii_case("origin") || x.trim() == "*")
            });
            if acao.as_deref() == Some(bad.as_str()) {
                let mut problem = "the server allows this origin".to_string();
                if creds {
                    problem.push_str(", with credentials: any page there can read the user's data");
                }
                if !vary {
                    problem.push_str("; and without Vary: Origin, a cache can serve this answer to other origins");
                }
                audit.push(Finding {
                    origin: bad,
                    problem,
                });
            } else if acao.as_deref() == Some("*") && creds {
                audit.push(Finding {
                    origin: bad,
                    problem: "Access-Control-Allow-Origin: * together with Allow-Credentials: true"
                        .to_string(),
                });
            }
        }
    }
    Ok(Probe {
        kind: verdict.failure.map(|(k, _)| k.id()),
        verdict,
        audit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_origins_are_near_misses_of_the_page_origin() {
        let list = hostile_origins("https://app.example.com");
        for o in [
            "null",
            "https://evilexample.com",
            "https://app.example.com.evil.example",
            "http://app.example.com",
            "https://cors-doctor-audit.example.com",
        ] {
            assert!(list.iter().any(|x| x == o), "{o} in {list:?}");
        }
        assert!(!list.iter().any(|x| x == "https://app.example.com"));
        assert!(Options::new("ftp://a.com/x", "https://a.com", None, &[], false, false).is_err());
        assert!(
            Options::new("https://a.com/x", "https://a.com/", None, &[], false, false).is_err()
        );
        assert!(Options::new(
            "https://a.com/x",
            "https://a.com",
            None,
            &["X-Key 1".into()],
            false,
            false
        )
        .is_err());
    }
}
