//! Share links: the paste and the chosen framework travel in the URL fragment (`#p=...&f=...`),
//! which browsers never send to a server.
//!
//! Plain percent-encoding, no compression library: the bundle stays small and the link stays
//! readable. Links are capped at [`MAX_FRAGMENT`] characters; decoding never fails loudly, it
//! returns `None` for anything malformed.

/// The longest fragment a share link may carry (browsers and chat apps handle this safely).
pub const MAX_FRAGMENT: usize = 16_000;

/// Why a paste cannot be shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The encoded link would be this many characters, over [`MAX_FRAGMENT`].
    TooLarge(usize),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLarge(n) => write!(
                f,
                "this paste is too large for a link ({} KB encoded, the limit is {} KB): share only the error lines",
                n.div_ceil(1000),
                MAX_FRAGMENT / 1000
            ),
        }
    }
}

fn encode_component(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

fn decode_component(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The fragment (without `#`) for a paste and a framework id.
pub fn encode(paste: &str, framework: &str) -> Result<String, ShareError> {
    let mut out = String::from("p=");
    encode_component(paste, &mut out);
    out.push_str("&f=");
    encode_component(framework, &mut out);
    if out.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLarge(out.len()));
    }
    Ok(out)
}

/// What a fragment carries: the paste and, if present, a framework id. `None` when the
/// fragment is not a share link or is malformed or oversized.
pub fn decode(fragment: &str) -> Option<(String, Option<String>)> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return None;
    }
    let mut paste = None;
    let mut framework = None;
    for pair in fragment.split('&') {
        let (key, value) = pair.split_once('=')?;
        match key {
            "p" => paste = Some(decode_component(value)?),
            "f" => framework = Some(decode_component(value)?).filter(|f| !f.is_empty()),
            _ => {}
        }
    }
    paste.map(|p| (p, framework))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for text in [
            "",
            "Access to fetch at 'https://a/x?y=1&z=2#h' from origin 'http://l:3000'",
            "ü ✓ 漢字\r\n\t%&=#+",
            "<script>alert(1)</script>",
        ] {
            let f = encode(text, "nginx").unwrap();
            assert!(f.bytes().all(|b| b.is_ascii_graphic()), "{f}");
            assert_eq!(
                decode(&f),
                Some((text.to_string(), Some("nginx".to_string())))
            );
            assert_eq!(
                decode(&format!("#{f}")),
                Some((text.to_string(), Some("nginx".to_string())))
            );
        }
    }

    #[test]
    fn malformed_or_huge_fragments_are_ignored() {
        for bad in ["p=%ZZ", "p=%E2%82", "p=%", "nothing", "x=1", "p"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
        assert_eq!(decode(&format!("p={}", "a".repeat(MAX_FRAGMENT))), None);
        assert!(matches!(
            encode(&"x".repeat(MAX_FRAGMENT), "express"),
            Err(ShareError::TooLarge(_))
        ));
        assert!(encode(&"x".repeat(MAX_FRAGMENT), "express")
            .unwrap_err()
            .to_string()
            .contains("too large"));
    }
}
