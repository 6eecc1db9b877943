//! The request side of the checker: which methods and headers are CORS-safelisted
//! (#cors-safelisted-method, #cors-safelisted-request-header), which headers the browser sets
//! itself, and so whether a request needs a preflight.

use super::{Header, Request};

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
