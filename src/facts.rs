//! The facts read out of a pasted message, and the validators every extracted value passes
//! before anything (an explanation, a curl command, a generated config) may use it.
//!
//! The decision a reader might not guess: validation is deliberately strict and hand-written
//! (no `url` crate) to keep the wasm bundle small; a value that fails is dropped, never repaired.

use serde::Serialize;

/// What one diagnosis knows about the failed request. Unknown facts are `None` (JSON `null`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Facts {
    /// The URL whose response was blocked (for a redirect, the last URL).
    pub request_url: Option<String>,
    /// The serialized origin of the page that made the request (`null` is a valid value).
    pub page_origin: Option<String>,
    /// The URL the page originally requested, when the browser says it was redirected.
    pub redirected_from: Option<String>,
    /// The request method, when the message or the network line names it.
    pub method: Option<String>,
    /// The request header the preflight did not allow.
    pub header: Option<String>,
    /// The HTTP status of the failing response.
    pub status: Option<u16>,
    /// The `Access-Control-Allow-Origin` value the server sent, when the message quotes it.
    pub allow_origin: Option<String>,
    /// What made the request: fetch, XMLHttpRequest, font, script, image ...
    pub resource_kind: Option<String>,
    /// The IP address space named by a private/local network access message.
    pub address_space: Option<String>,
}

/// One fact slot, used by the catalog to say which regex group fills which fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fact {
    RequestUrl,
    PageOrigin,
    RedirectedFrom,
    Method,
    Header,
    Status,
    AllowOrigin,
    ResourceKind,
    AddressSpace,
    /// A page URL (mixed content): its origin becomes `page_origin`.
    PageUrl,
}

impl Fact {
    /// The name of the slot it fills, as the page and the CLI say which value was dropped (a
    /// page URL fills the page origin).
    pub const fn name(self) -> &'static str {
        match self {
            Fact::RequestUrl => "request_url",
            Fact::PageOrigin | Fact::PageUrl => "page_origin",
            Fact::RedirectedFrom => "redirected_from",
            Fact::Method => "method",
            Fact::Header => "header",
            Fact::Status => "status",
            Fact::AllowOrigin => "allow_origin",
            Fact::ResourceKind => "resource_kind",
            Fact::AddressSpace => "address_space",
        }
    }

    /// The regex group name that fills this fact.
    pub const fn group(self) -> &'static str {
        match self {
            Fact::RequestUrl => "url",
            Fact::PageOrigin => "origin",
            Fact::RedirectedFrom => "redirected_from",
            Fact::Method => "method",
            Fact::Header => "header",
            Fact::Status => "status",
            Fact::AllowOrigin => "allow_origin",
            Fact::ResourceKind => "resource_kind",
            Fact::AddressSpace => "address_space",
            Fact::PageUrl => "page_url",
        }
    }

    /// Every fact, in the order the regex groups are read.
    pub const ALL: [Fact; 10] = [
        Fact::RequestUrl,
        Fact::PageOrigin,
        Fact::RedirectedFrom,
        Fact::Method,
        Fact::Header,
        Fact::Status,
        Fact::AllowOrigin,
        Fact::ResourceKind,
        Fact::AddressSpace,
        Fact::PageUrl,
    ];
}

/// Why a value read from the paste was not kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// Which fact the value was meant for.
    pub fact: Fact,
    /// The rejected value, shortened for display.
    pub value: String,
}

impl Facts {
    /// Validates `raw` for `fact` and stores it if the slot is still empty.
    /// Returns the rejected value when validation fails.
    pub fn offer(&mut self, fact: Fact, raw: &str) -> Result<(), Dropped> {
        let raw = raw.trim();
        let reject = || Dropped {
            fact,
            value: shorten(raw, 80),
        };
        match fact {
            Fact::RequestUrl => fill(&mut self.request_url, valid_url(raw), reject),
            Fact::RedirectedFrom => fill(&mut self.redirected_from, valid_url(raw), reject),
            Fact::PageOrigin => fill(&mut self.page_origin, valid_origin(raw), reject),
            Fact::PageUrl => {
                let origin = valid_url(raw).and_then(|u| origin_of(&u));
                fill(&mut self.page_origin, origin, reject)
            }
            Fact::Method => fill(&mut self.method, valid_token(raw), reject),
            // A name in quotes ('Authorization', "x-api-key") is the name without them
            // (quotes are valid token characters, so they would otherwise stay); the case is
            // kept as written: header names are case-insensitive, and the user's spelling reads
            // best in the config and the curl check.
            Fact::Header => fill(&mut self.header, valid_token(unquote(raw)), reject),
            Fact::Status => fill(&mut self.status, valid_status(raw), reject),
            Fact::AllowOrigin => {
                // The server's value is quoted as-is; it may itself be invalid (that is often the
                // bug), so only control characters and absurd lengths are refused.
                let ok =
                    (!raw.is_empty() && raw.len() <= 200 && !raw.chars().any(char::is_control))
                        .then(|| raw.to_string());
                fill(&mut self.allow_origin, ok, reject)
            }
            Fact::ResourceKind => {
                // Safari and the DevTools log name the initiator differently; use one name.
                let raw = match raw {
                    "Fetch API" | "Fetch" => "fetch",
                    "XHR" => "XMLHttpRequest",
                    other => other,
                };
                let ok = (!raw.is_empty()
                    && raw.len() <= 40
                    && raw.chars().all(|c| c.is_ascii_alphabetic() || c == ' '))
                .then(|| raw.to_string());
                fill(&mut self.resource_kind, ok, reject)
            }
            Fact::AddressSpace => {
                let ok = (!raw.is_empty()
                    && raw.len() <= 20
                    && raw.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                .then(|| raw.to_string());
                fill(&mut self.address_space, ok, reject)
            }
        }
    }

    /// Fills every empty slot of `self` from `other`; never overwrites a known fact.
    pub fn merge_from(&mut self, other: &Facts) {
        fn take<T: Clone>(a: &mut Option<T>, b: &Option<T>) {
            if a.is_none() {
                a.clone_from(b);
            }
        }
        take(&mut self.request_url, &other.request_url);
        take(&mut self.page_origin, &other.page_origin);
        take(&mut self.redirected_from, &other.redirected_from);
        take(&mut self.method, &other.method);
        take(&mut self.header, &other.header);
        take(&mut self.status, &other.status);
        take(&mut self.allow_origin, &other.allow_origin);
        take(&mut self.resource_kind, &other.resource_kind);
        take(&mut self.address_space, &other.address_space);
    }

    /// True when no known fact of `self` contradicts one of `other` (the request URL and the
    /// page origin are what tell two failed requests apart).
    pub fn compatible(&self, other: &Facts) -> bool {
        fn same<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
            match (a, b) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            }
        }
        same(&self.request_url, &other.request_url) && same(&self.page_origin, &other.page_origin)
    }
}

fn fill<T>(
    slot: &mut Option<T>,
    value: Option<T>,
    reject: impl FnOnce() -> Dropped,
) -> Result<(), Dropped> {
    match value {
        Some(v) => {
            if slot.is_none() {
                *slot = Some(v);
            }
            Ok(())
        }
        None => Err(reject()),
    }
}

/// Shortens `s` to at most `max` characters, marking the cut with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// True for characters that change how text around them is shown without being visible: the
/// bidirectional controls (which can make a terminal or page show text in another order than
/// it is, "Trojan Source") and the zero-width and byte-order marks.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}')
}

/// `s` made safe to print to a terminal or a page: control, bidi and zero-width characters
/// shown escaped (`\u{202e}`), at most 200 characters.
pub fn printable(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 200 {
            out.push('…');
            break;
        }
        if c.is_control() || is_invisible_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` without one pair of matching quotes around it (`'`, `"` or a backtick).
pub fn unquote(s: &str) -> &str {
    for q in ['\'', '"', '`'] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

/// True for an RFC 9110 `tchar`.
fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// An HTTP token (method or header name), at most 64 characters.
pub fn valid_token(s: &str) -> Option<String> {
    (!s.is_empty() && s.len() <= 64 && s.chars().all(is_tchar)).then(|| s.to_string())
}

/// A three-digit HTTP status from 100 to 599.
pub fn valid_status(s: &str) -> Option<u16> {
    if s.len() != 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u16 = s.parse().ok()?;
    (100..=599).contains(&n).then_some(n)
}

/// A host: a DNS name, an IPv4 address, or a bracketed IPv6 address.
fn valid_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    }
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

fn valid_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

fn valid_port(p: &str) -> bool {
    !p.is_empty()
        && p.len() <= 5
        && p.bytes().all(|b| b.is_ascii_digit())
        && p.parse::<u32>().is_ok_and(|n| n <= 65535)
}

/// Splits `host[:port]` (IPv6 in brackets) and validates both halves.
fn valid_authority(authority: &str) -> bool {
    let (host, port) = match authority.rfind(':') {
        Some(i) if !authority[i..].contains(']') => (&authority[..i], Some(&authority[i + 1..])),
        _ => (authority, None),
    };
    valid_host(host) && port.is_none_or(valid_port)
}

/// Why a text is not an origin a browser sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginError {
    /// Not `scheme://host[:port]` (a path, a trailing slash, a missing scheme ...).
    Shape,
    /// A scheme whose pages have no origin a server could list (file:, data:, javascript: ...).
    Scheme,
    /// `user@` before the host: browsers never send it in an origin.
    Userinfo,
    /// Letters outside ASCII: the browser sends the punycode (`xn--`) form.
    Unicode,
    /// Not a DNS name, an IPv4 address or a bracketed IPv6 address.
    Host,
    /// Not a port number from 0 to 65535.
    Port,
}

impl std::fmt::Display for OriginError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OriginError::Shape => "write scheme://host[:port], without path or trailing slash",
            OriginError::Scheme => "only http:// and https:// pages have an origin a server can allow",
            OriginError::Userinfo => "an origin has no user name or password (user@)",
            OriginError::Unicode => "write an internationalized domain in its punycode form (xn--...), as the browser sends it",
            OriginError::Host => "the host is not a valid domain name, IPv4 address or [IPv6] address",
            OriginError::Port => "the port must be a number from 0 to 65535",
        })
    }
}

/// Schemes whose pages send an origin with a host: the web, and browser extensions.
const ORIGIN_SCHEMES: [&str; 5] = [
    "http",
    "https",
    "chrome-extension",
    "moz-extension",
    "safari-web-extension",
];

/// `s` as a browser serializes an origin (WHATWG URL: ASCII-lowercase scheme and host, the
/// default port dropped, leading zeros of the port dropped, IPv6 compressed), or why no browser
/// sends it. `http_only` refuses the extension schemes (a config allows web pages only).
pub fn serialize_origin(s: &str, http_only: bool) -> Result<String, OriginError> {
    let (scheme, authority) = s.split_once("://").ok_or(OriginError::Shape)?;
    let scheme = scheme.to_ascii_lowercase();
    if !valid_scheme(&scheme) {
        return Err(OriginError::Shape);
    }
    let allowed = if http_only {
        &ORIGIN_SCHEMES[..2]
    } else {
        &ORIGIN_SCHEMES[..]
    };
    if !allowed.contains(&scheme.as_str()) {
        return Err(OriginError::Scheme);
    }
    if authority.is_empty() || authority.contains(['/', '?', '#', '\\']) {
        return Err(OriginError::Shape);
    }
    if authority.contains('@') {
        return Err(OriginError::Userinfo);
    }
    if !authority.is_ascii() {
        return Err(OriginError::Unicode);
    }
    let (host, port) = match authority.rfind(':') {
        Some(i) if !authority[i..].contains(']') => (&authority[..i], Some(&authority[i + 1..])),
        _ => (authority, None),
    };
    let host = serialize_host(&host.to_ascii_lowercase()).ok_or(OriginError::Host)?;
    let port = match port {
        None => None,
        Some("") => None, // `https://a.com:` serializes without a port
        Some(p) => {
            if p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(OriginError::Port);
            }
            let n: u32 = p.parse().map_err(|_| OriginError::Port)?;
            if n > 65535 {
                return Err(OriginError::Port);
            }
            let default = match scheme.as_str() {
                "http" => Some(80),
                "https" => Some(443),
                _ => None,
            };
            (default != Some(n)).then_some(n)
        }
    };
    Ok(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

/// A host as the URL parser serializes it, or `None` when the parser would refuse it (or read
/// it as something else, like `010.0.0.1`, which it reads as octal): a DNS name of LDH labels
/// whose last label is not numeric, a dotted-quad IPv4 address, or a bracketed IPv6 address.
fn serialize_host(host: &str) -> Option<String> {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return Some(format!("[{}]", ipv6_text(&parse_ipv6(inner)?)));
    }
    if !valid_host(host) {
        return None;
    }
    let last = host.rsplit('.').next()?;
    let numeric = last.bytes().all(|b| b.is_ascii_digit())
        || (last.starts_with("0x") && last[2..].bytes().all(|b| b.is_ascii_hexdigit()));
    if numeric {
        // The URL parser reads the host as IPv4: accept only the canonical dotted quad.
        let parts: Vec<&str> = host.split('.').collect();
        let canonical = parts.len() == 4
            && parts.iter().all(|p| {
                p.bytes().all(|b| b.is_ascii_digit())
                    && (*p == "0" || !p.starts_with('0'))
                    && p.len() <= 3
                    && p.parse::<u16>().is_ok_and(|n| n <= 255)
            });
        return canonical.then(|| host.to_string());
    }
    Some(host.to_string())
}

/// The eight pieces of an IPv6 address in hex groups with at most one `::` (an embedded IPv4
/// tail is refused: no page origin is written that way). Smaller in the page than std's parser.
fn parse_ipv6(s: &str) -> Option<[u16; 8]> {
    let group = |g: &str| -> Option<u16> {
        (!g.is_empty() && g.len() <= 4 && g.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u16::from_str_radix(g, 16).ok())
            .flatten()
    };
    let side = |part: &str| -> Option<Vec<u16>> {
        if part.is_empty() {
            return Some(Vec::new());
        }
        part.split(':').map(group).collect()
    };
    let mut out = [0u16; 8];
    match s.split_once("::") {
        Some((head, tail)) => {
            let (h, t) = (side(head)?, side(tail)?);
            if h.len() + t.len() > 7 || tail.contains("::") {
                return None;
            }
            out[..h.len()].copy_from_slice(&h);
            out[8 - t.len()..].copy_from_slice(&t);
        }
        None => {
            let all = side(s)?;
            if all.len() != 8 {
                return None;
            }
            out.copy_from_slice(&all);
        }
    }
    Some(out)
}

/// An IPv6 address in the URL standard's serialization: lower-case hex without leading zeros,
/// the first longest run of two or more zero pieces written `::`.
fn ipv6_text(pieces: &[u16; 8]) -> String {
    let (mut best, mut best_len) = (usize::MAX, 1);
    let mut i = 0;
    while i < 8 {
        if pieces[i] == 0 {
            let start = i;
            while i < 8 && pieces[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                (best, best_len) = (start, i - start);
            }
        } else {
            i += 1;
        }
    }
    let mut out = String::new();
    let mut i = 0;
    while i < 8 {
        if i == best {
            out.push_str(if i == 0 { "::" } else { ":" });
            i += best_len;
            continue;
        }
        out.push_str(&format!("{:x}", pieces[i]));
        if i < 7 {
            out.push(':');
        }
        i += 1;
    }
    out
}

/// A serialized origin as a browser prints it in a message: `null`, or `scheme://host[:port]`
/// for a web or extension page, normalized by [`serialize_origin`].
pub fn valid_origin(s: &str) -> Option<String> {
    if s == "null" {
        return Some(s.to_string());
    }
    serialize_origin(s, false).ok()
}

/// An absolute URL with an authority (`https://host/path?q`), `file:` URL, or `data:`/`blob:`
/// URL, with no whitespace, quotes, angle brackets or backslashes.
pub fn valid_url(s: &str) -> Option<String> {
    if s.is_empty()
        || s.len() > 2048
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || "'\"<>\\`".contains(c))
    {
        return None;
    }
    let (scheme, rest) = s.split_once(':')?;
    if !valid_scheme(scheme) {
        return None;
    }
    let Some(after) = rest.strip_prefix("//") else {
        // data:, blob:, about: and friends carry no authority.
        return matches!(
            scheme,
            "data" | "blob" | "about" | "chrome-extension" | "javascript"
        )
        .then(|| s.to_string());
    };
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..end];
    if scheme == "file" && authority.is_empty() {
        return Some(s.to_string());
    }
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    valid_authority(host_port).then(|| s.to_string())
}

/// The serialized origin of an already-validated URL with an authority.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    serialize_origin(&format!("{scheme}://{host_port}"), false).ok()
}

#[cfg(test)]
mod tests;
