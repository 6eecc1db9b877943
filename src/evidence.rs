//! The evidence a user has, read into exchanges for the checker ([`crate::check`]): raw request
//! and response headers copied from DevTools, `curl -i` and `curl -v` output (one or several
//! exchanges, the OPTIONS and the actual request), and DevTools' "Copy as cURL" command, which
//! fills in the request side. Told apart from a console paste by their content: a status line
//! (`HTTP/1.1 204 No Content`, `< HTTP/2 200`) or a curl command.
//!
//! The decision a reader would not guess: an OPTIONS request with Access-Control-Request-Method
//! is read as the preflight of the request it announces, so a `curl -v` of the preflight alone
//! is checked as that request's preflight, with its method and headers.

use crate::check::{Exchange, Header, Request, Response};
use crate::facts::origin_of;

/// Evidence is read from pastes up to this size; larger ones are console output, not headers.
pub const MAX_EVIDENCE_BYTES: usize = 1 << 20;

/// One HTTP message of the paste.
#[derive(Debug)]
enum Message {
    Request {
        method: String,
        target: String,
        headers: Vec<Header>,
        credentials: bool,
    },
    Response(Response),
}

/// A line's text without curl -v's direction marks and DevTools' indentation.
fn strip_marks(line: &str) -> &str {
    let l = line.trim_end_matches('\r');
    let l = l
        .strip_prefix("> ")
        .or_else(|| l.strip_prefix("< "))
        .unwrap_or(l);
    l.trim()
}

fn status_line(l: &str) -> Option<u16> {
    let rest = l.strip_prefix("HTTP/")?;
    let (version, rest) = rest.split_once(' ')?;
    if !version.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let code = rest.get(..3)?;
    crate::facts::valid_status(code).filter(|_| rest.len() == 3 || rest.as_bytes()[3] == b' ')
}

fn request_line(l: &str) -> Option<(String, String)> {
    let mut parts = l.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    (parts.next().is_none()
        && version.starts_with("HTTP/")
        && !method.is_empty()
        && method.bytes().all(|b| b.is_ascii_uppercase()))
    .then(|| (method.to_string(), target.to_string()))
}

fn header_line(l: &str) -> Option<Header> {
    // HTTP/2 pseudo-headers (`:method: PUT`) as DevTools shows them.
    let (name, value) = match l.strip_prefix(':') {
        Some(rest) => {
            let (n, v) = rest.split_once(':')?;
            (format!(":{n}"), v)
        }
        None => {
            let (n, v) = l.split_once(':')?;
            (n.to_string(), v)
        }
    };
    let bare = name.trim_start_matches(':');
    (!bare.is_empty()
        && bare
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)))
    .then(|| (name, value.trim().to_string()))
}

/// True when the paste holds headers or a curl command, not only console lines.
pub fn looks_like_evidence(text: &str) -> bool {
    text.len() <= MAX_EVIDENCE_BYTES
        && text.lines().any(|l| {
            let l = strip_marks(l);
            status_line(l).is_some()
                || l.starts_with("curl ")
                || l.starts_with("$ curl ")
                || fetch_call(l).is_some()
        })
}

/// The arguments of DevTools' "Copy as fetch" call (Chrome: `fetch("url", {...});`, Firefox:
/// `await fetch("url", {...});`), if the line starts one.
fn fetch_call(l: &str) -> Option<&str> {
    let call = l.strip_prefix("await ").unwrap_or(l);
    call.strip_prefix("fetch(")
        .filter(|args| args.starts_with('"'))
}

/// DevTools' "Copy as fetch" as a request message: the URL, then an options object written as
/// JSON (`headers`, `method`, `credentials`, and `referrer`, which names the page and so its
/// origin: the browser's own Origin header is not in the copy).
fn fetch_request(args: &str) -> Option<Message> {
    let values = crate::har::values(args, 2).ok()?;
    let url = values.first()?.str()?.to_string();
    let options = values.get(1);
    let field = |k: &str| {
        options
            .and_then(|o| o.get(k))
            .and_then(crate::har::Value::str)
    };
    let mut headers: Vec<Header> = match options.and_then(|o| o.get("headers")) {
        Some(crate::har::Value::Object(members)) => members
            .iter()
            .filter_map(|(n, v)| Some((n.clone(), v.str()?.to_string())))
            .collect(),
        _ => Vec::new(),
    };
    if let Some(origin) = field("referrer").and_then(origin_of) {
        if header(&headers, "origin").is_none() {
            headers.push(("Origin".to_string(), origin));
        }
    }
    Some(Message::Request {
        method: field("method").unwrap_or("GET").to_ascii_uppercase(),
        target: url,
        credentials: field("credentials") == Some("include"),
        headers,
    })
}

/// Splits a shell command line into words: single and double quotes, backslash escapes,
/// backslash-newline continuations (what DevTools' "Copy as cURL" writes).
fn shell_words(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = cmd.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    cur.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            if let Some(n) = chars.next() {
                                cur.push(n);
                            }
                        }
                        c => cur.push(c),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') | Some('\r') | None => {}
                Some(n) => {
                    in_word = true;
                    cur.push(n);
                }
            },
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '$' if !in_word && chars.peek() == Some(&'\'') => {} // bash's $'...' quoting
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    out
}

/// A curl command as a request message.
fn curl_request(cmd: &str) -> Option<Message> {
    let words = shell_words(cmd);
    let mut it = words.iter().skip_while(|w| *w != "curl").skip(1);
    let (mut method, mut url, mut headers, mut credentials, mut data) =
        (None, None, Vec::new(), false, false);
    while let Some(w) = it.next() {
        match w.as_str() {
            "-X" | "--request" => method = it.next().cloned(),
            "-H" | "--header" => {
                if let Some(h) = it.next().and_then(|h| header_line(h.trim())) {
                    if h.0.eq_ignore_ascii_case("cookie") {
                        credentials = true;
                    }
                    headers.push(h);
                }
            }
            "-b" | "--cookie" => {
                credentials = true;
                it.next();
            }
            "-d" | "--data" | "--data-raw" | "--data-binary" | "--data-urlencode" | "--json" => {
                data = true;
                it.next();
            }
            "-u" | "--user" | "-o" | "--output" | "-w" | "--write-out" | "-A" | "--user-agent"
            | "-e" | "--referer" | "--max-time" | "-m" | "--connect-timeout" => {
                it.next();
            }
            w if w.starts_with("http://") || w.starts_with("https://") => {
                url.get_or_insert_with(|| w.to_string());
            }
            _ => {}
        }
    }
    let method = method.unwrap_or_else(|| if data { "POST" } else { "GET" }.to_string());
    Some(Message::Request {
        method: method.to_ascii_uppercase(),
        target: url?,
        headers,
        credentials,
    })
}

/// Every HTTP message of the paste, in order.
fn messages(text: &str) -> Vec<Message> {
    let mut out: Vec<Message> = Vec::new();
    let mut in_headers = false;
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        i += 1;
        // As for console lines: no control, bidi or zero-width character goes any further.
        let norm = crate::parse::normalize(raw);
        let l = strip_marks(&norm);
        if fetch_call(l).is_some() {
            // The call runs until its closing `});` (at most 64 KB of it).
            let mut call = l.to_string();
            while !call.trim_end().ends_with(");") && i < lines.len() && call.len() < 64 * 1024 {
                call.push('\n');
                call.push_str(&crate::parse::normalize(lines[i]));
                i += 1;
            }
            if let Some(m) = fetch_call(&call).and_then(fetch_request) {
                out.push(m);
            }
            in_headers = false;
            continue;
        }
        if l.starts_with("curl ") || l.starts_with("$ curl ") {
            let mut cmd = l.trim_start_matches("$ ").to_string();
            while cmd.ends_with('\\') && i < lines.len() {
                cmd.pop();
                cmd.push(' ');
                cmd.push_str(crate::parse::normalize(lines[i]).trim());
                i += 1;
            }
            if let Some(m) = curl_request(&cmd) {
                out.push(m);
            }
            in_headers = false;
            continue;
        }
        if let Some(status) = status_line(l) {
            out.push(Message::Response(Response {
                status,
                headers: Vec::new(),
            }));
            in_headers = true;
            continue;
        }
        if let Some((method, target)) = request_line(l) {
            out.push(Message::Request {
                method,
                target,
                headers: Vec::new(),
                credentials: false,
            });
            in_headers = true;
            continue;
        }
        if l.is_empty() || raw.starts_with('*') {
            in_headers = !l.is_empty() && in_headers;
            continue;
        }
        if !in_headers {
            continue;
        }
        let Some(h) = header_line(l) else {
            in_headers = false;
            continue;
        };
        match out.last_mut() {
            Some(Message::Response(r)) => {
                if h.0 == ":status" {
                    r.status = crate::facts::valid_status(&h.1).unwrap_or(r.status);
                } else {
                    r.headers.push(h);
                }
            }
            Some(Message::Request {
                method,
                target,
                headers,
                credentials,
            }) => match h.0.as_str() {
                ":method" => *method = h.1,
                ":path" => *target = h.1,
                n if n.starts_with(':') => {}
                _ => {
                    if h.0.eq_ignore_ascii_case("cookie") {
                        *credentials = true;
                    }
                    headers.push(h);
                }
            },
            None => {}
        }
    }
    out
}

fn header<'a>(headers: &'a [Header], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The request's URL: absolute already (curl), or the Host header plus the target.
fn url_of(target: &str, headers: &[Header]) -> Option<String> {
    if target.starts_with("http://") || target.starts_with("https://") {
        return Some(target.to_string());
    }
    let host = header(headers, "host").or_else(|| header(headers, ":authority"))?;
    Some(format!("https://{host}{target}"))
}

/// The exchanges the paste shows: each request with the responses that follow it. An OPTIONS
/// request that announces a method is the preflight of that request; the next request to the
/// same URL (or the announced one, when none follows) is the actual request.
pub fn exchanges(text: &str) -> Vec<Exchange> {
    if !looks_like_evidence(text) {
        return Vec::new();
    }
    let mut out: Vec<Exchange> = Vec::new();
    let mut current: Option<Exchange> = None;
    let mut awaiting: Option<bool> = None; // Some(true): the next response is a preflight's
    for m in messages(text) {
        match m {
            Message::Request {
                method,
                target,
                headers,
                credentials,
            } => {
                let url = url_of(&target, &headers);
                let origin = header(&headers, "origin")
                    .map(str::to_string)
                    .or_else(|| no_cors_origin(&headers));
                let announced = header(&headers, "access-control-request-method");
                if method == "OPTIONS" {
                    if let Some(actual_method) = announced {
                        if let Some(done) = current.take() {
                            out.push(done);
                        }
                        // The preflight names the headers the actual request sets.
                        let names = announced_headers(
                            header(&headers, "access-control-request-headers").unwrap_or(""),
                        );
                        current = Some(Exchange {
                            request: Request {
                                origin,
                                url,
                                method: actual_method.trim().to_string(),
                                headers: names,
                                credentials,
                            },
                            private_network: asks_private_network(&headers),
                            ..Exchange::default()
                        });
                        awaiting = Some(true);
                        continue;
                    }
                }
                // The actual request after its preflight: keep the preflight, take its headers.
                let continues = current.as_ref().is_some_and(|c| {
                    c.actual.is_none() && c.request.url == url && c.request.method == method
                });
                if continues {
                    if let Some(c) = current.as_mut() {
                        c.request.headers = headers;
                        c.request.credentials |= credentials;
                        // The request's own Origin; the preflight's is kept when it differs.
                        let pre = c.request.origin.take();
                        c.request.origin = origin.or(pre.clone());
                        if pre != c.request.origin {
                            c.preflight_origin = pre;
                        }
                    }
                } else {
                    if let Some(done) = current.take() {
                        out.push(done);
                    }
                    current = Some(Exchange {
                        request: Request {
                            origin,
                            url,
                            method,
                            headers,
                            credentials,
                        },
                        ..Exchange::default()
                    });
                }
                awaiting = Some(false);
            }
            Message::Response(r) => {
                let c = current.get_or_insert_with(Exchange::default);
                // An answer with Allow-Methods or -Headers to a request that needs a preflight,
                // before any preflight: it is the preflight's (pasted under "Copy as fetch").
                let preflight_answer = c.preflight.is_none()
                    && c.actual.is_none()
                    && c.request.needs_preflight()
                    && (r.get("access-control-allow-methods").is_some()
                        || r.get("access-control-allow-headers").is_some());
                match awaiting {
                    Some(true) if c.preflight.is_none() => c.preflight = Some(r),
                    _ if preflight_answer => c.preflight = Some(r),
                    _ if c.actual.is_none() => c.actual = Some(r),
                    _ => {
                        // A second answer without a request of its own: another exchange.
                        let request = c.request.clone();
                        if let Some(done) = current.take() {
                            out.push(done);
                        }
                        current = Some(Exchange {
                            request,
                            actual: Some(r),
                            ..Exchange::default()
                        });
                    }
                }
                awaiting = None;
            }
        }
    }
    out.extend(current);
    out.retain(|e| e.preflight.is_some() || e.actual.is_some());
    out
}

/// True when a preflight's headers ask for private network access (Chromium's
/// `Access-Control-Request-Private-Network: true`).
fn asks_private_network(headers: &[Header]) -> bool {
    header(headers, "access-control-request-private-network").is_some_and(|v| v.trim() == "true")
}

/// A HAR file's preflight not yet claimed by its request.
struct Pending {
    url: String,
    /// The method it announced.
    method: String,
    /// The headers it announced, lower-cased, as sent (`a, b`).
    names: String,
    answer: Option<Response>,
    origin: String,
    cookies: bool,
    private_network: bool,
}

/// The page's origin for a no-cors load (an image, a script), which sends no Origin: the
/// origin of its Referer (browsers send at least the origin to another site by default).
fn no_cors_origin(headers: &[Header]) -> Option<String> {
    if header(headers, "sec-fetch-mode") != Some("no-cors") {
        return None;
    }
    header(headers, "referer").and_then(origin_of)
}

/// The exchanges of a HAR file's cross-origin requests: every request whose Origin header names
/// another origin than its URL's, each with its preflight (the OPTIONS entry announcing its
/// method for the same URL, wherever it sits in the file). The request headers checked are the
/// ones the page set: those its preflight announced, or else only the CORS-safelisted ones (a
/// HAR also lists the browser's own, User-Agent and the like). A request the browser never got
/// an answer to (status 0, no headers: blocked, or failed before) is checked by its preflight
/// alone, or not at all.
pub fn har_exchanges(entries: &[crate::har::Entry]) -> Vec<Exchange> {
    let cross = |e: &crate::har::Entry| {
        // Of no-cors loads, only an answer with Cross-Origin-Resource-Policy has something to
        // check.
        let origin = header(&e.request_headers, "origin")
            .map(str::to_string)
            .or_else(|| {
                header(&e.response_headers, "cross-origin-resource-policy")?;
                no_cors_origin(&e.request_headers)
            })?;
        (origin_of(&e.url).as_deref() != Some(&origin.to_ascii_lowercase())).then_some(origin)
    };
    let answer = |e: &crate::har::Entry| {
        (e.status != 0 || !e.response_headers.is_empty()).then(|| Response {
            status: e.status,
            headers: e
                .response_headers
                .iter()
                .filter(|(n, _)| !n.starts_with(':'))
                .cloned()
                .collect(),
        })
    };
    let mut preflights: Vec<Pending> = Vec::new();
    let mut out = Vec::new();
    for e in entries {
        let Some(origin) = cross(e) else { continue };
        if e.method == "OPTIONS" {
            if let Some(m) = header(&e.request_headers, "access-control-request-method") {
                let names =
                    header(&e.request_headers, "access-control-request-headers").unwrap_or("");
                preflights.push(Pending {
                    url: e.url.clone(),
                    method: m.trim().to_string(),
                    names: names.to_ascii_lowercase(),
                    answer: answer(e),
                    origin,
                    cookies: e.cookies,
                    private_network: asks_private_network(&e.request_headers),
                });
                continue;
            }
        }
        let claimed = preflights
            .iter()
            .position(|p| p.url == e.url && p.method == e.method)
            .map(|i| preflights.remove(i));
        let announced = claimed.as_ref().map_or("", |p| p.names.as_str());
        let headers: Vec<Header> = e
            .request_headers
            .iter()
            .filter(|(n, v)| {
                let lower = n.to_ascii_lowercase();
                announced.split(',').any(|a| a.trim() == lower)
                    || lower == "sec-fetch-mode"
                    || (crate::check::safelisted_header(n, v) && !lower.starts_with(':'))
            })
            .cloned()
            .collect();
        let mut ex = Exchange {
            request: Request {
                origin: Some(origin.clone()),
                url: Some(e.url.clone()),
                method: e.method.clone(),
                headers,
                credentials: e.cookies,
            },
            actual: answer(e),
            ..Exchange::default()
        };
        if let Some(p) = claimed {
            ex.preflight = p.answer;
            ex.preflight_origin = Some(p.origin).filter(|o| *o != origin);
            ex.private_network = p.private_network;
        }
        out.push(ex);
    }
    // Preflights whose request the file does not hold (it was never sent: the preflight failed).
    for p in preflights {
        out.push(Exchange {
            request: Request {
                origin: Some(p.origin),
                url: Some(p.url),
                method: p.method,
                headers: announced_headers(&p.names),
                credentials: p.cookies,
            },
            preflight: p.answer,
            private_network: p.private_network,
            ..Exchange::default()
        });
    }
    out.retain(|e| e.preflight.is_some() || e.actual.is_some());
    out
}

/// The headers a preflight announced (`Access-Control-Request-Headers: a, b`), as the request's:
/// names without their values.
fn announced_headers(names: &str) -> Vec<Header> {
    names
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| (n.to_string(), "(set by the page)".to_string()))
        .collect()
}

#[cfg(test)]
mod tests;
