//! HAR files ("Save all as HAR" in Chrome, Firefox and Safari): their entries, read one at a
//! time so the page can read a large file in steps (see [`Reader`]).
//!
//! A small JSON reader of our own, not a JSON crate: the page needs only this (a JSON crate
//! costs its size in the wasm; the browser's JSON.parse would read a 20 MB file in one go,
//! freezing the page, and its objects would still have to be walked from Rust). It reads
//! RFC 8259 JSON, keeps numbers as text, nests at most [`MAX_DEPTH`] deep and runs in time
//! linear in the input.

use crate::check::Header;

/// HAR files are read up to this size (a bigger file is refused with a message).
pub const MAX_HAR_BYTES: usize = 64 << 20;

/// JSON nesting deeper than this is refused (HAR nests about 6 deep).
const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number, as written.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in order (HAR never repeats a key; the first one wins on lookup).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    /// The text of a string value.
    pub fn str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// The elements of an array (none for other values).
    pub fn items(&self) -> &[Value] {
        match self {
            Value::Array(items) => items,
            _ => &[],
        }
    }
}

/// Why a file is not a HAR file we can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// What is wrong.
    pub what: &'static str,
    /// The byte offset where it was found.
    pub at: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not a HAR file we can read: {} (at byte {})",
            self.what, self.at
        )
    }
}

struct Json<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Json<'_> {
    fn fail<T>(&self, what: &'static str) -> Result<T, Error> {
        Err(Error { what, at: self.pos })
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.text.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), Error> {
        self.space();
        if self.text.get(self.pos) == Some(&b) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail(match b {
                b':' => "expected ':'",
                b'{' => "expected '{'",
                b'[' => "expected '['",
                _ => "unexpected character",
            })
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deep");
        }
        self.space();
        match self.text.get(self.pos) {
            Some(b'{') => {
                self.pos += 1;
                let mut members = Vec::new();
                self.space();
                if self.text.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    self.eat(b':')?;
                    let v = self.value(depth + 1)?;
                    members.push((key, v));
                    if self.more(b'}')? {
                        continue;
                    }
                    return Ok(Value::Object(members));
                }
            }
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                self.space();
                if self.text.get(self.pos) == Some(&b']') {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.more(b']')? {
                        continue;
                    }
                    return Ok(Value::Array(items));
                }
            }
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.pos;
                while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') =
                    self.text.get(self.pos)
                {
                    self.pos += 1;
                }
                let n = std::str::from_utf8(&self.text[start..self.pos]).unwrap_or("0");
                Ok(Value::Number(n.to_string()))
            }
            None => self.fail("unexpected end"),
            _ => self.fail("unexpected character"),
        }
    }

    /// After a member or element: true for `,` (another follows), false for `close`.
    fn more(&mut self, close: u8) -> Result<bool, Error> {
        self.space();
        match self.text.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(&b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            None => self.fail("unexpected end"),
            _ => self.fail("expected ',' or a closing bracket"),
        }
    }

    fn word(&mut self, w: &str, v: Value) -> Result<Value, Error> {
        if self.text[self.pos..].starts_with(w.as_bytes()) {
            self.pos += w.len();
            Ok(v)
        } else {
            self.fail("unexpected character")
        }
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or(Error {
            what: "unexpected end",
            at: self.pos,
        })?;
        let s = std::str::from_utf8(digits).unwrap_or("x");
        let n = u32::from_str_radix(s, 16).or_else(|_| self.fail("bad \\u escape"))?;
        self.pos += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, Error> {
        if self.text.get(self.pos) != Some(&b'"') {
            return self.fail("expected a string");
        }
        self.pos += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            // Copy the run up to the next quote or backslash at once.
            let run = self.text[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .ok_or(Error {
                    what: "unclosed string",
                    at: self.pos,
                })?;
            out.extend_from_slice(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.text[self.pos] {
                b'"' => {
                    self.pos += 1;
                    return String::from_utf8(out).or_else(|_| self.fail("not UTF-8"));
                }
                b'\\' => {
                    self.pos += 1;
                    let e = *self.text.get(self.pos).ok_or(Error {
                        what: "unexpected end",
                        at: self.pos,
                    })?;
                    self.pos += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.text[self.pos..].starts_with(b"\\u")
                            {
                                self.pos += 2;
                                let lo = self.hex4()?;
                                0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
                            } else {
                                hi
                            };
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => return self.fail("bad escape"),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                _ => return self.fail("control character in a string"),
            }
        }
    }

    /// Skips one value without keeping it (the parts of a HAR we do not read).
    fn skip(&mut self) -> Result<(), Error> {
        self.value(1).map(drop)
    }
}

/// The JSON values at the start of `text` (after spaces), separated by commas, as many as there
/// are: `"https://x", {"method": "PUT"}` gives two. Used for DevTools' "Copy as fetch" call.
pub fn values(text: &str, max: usize) -> Result<Vec<Value>, Error> {
    let mut j = Json {
        text: text.as_bytes(),
        pos: 0,
    };
    let mut out = vec![j.value(1)?];
    while out.len() < max {
        j.space();
        if j.text.get(j.pos) != Some(&b',') {
            break;
        }
        j.pos += 1;
        out.push(j.value(1)?);
    }
    Ok(out)
}

/// One entry of a HAR file: the request and what came back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    /// The request method.
    pub method: String,
    /// The request URL.
    pub url: String,
    /// The request headers, in order.
    pub request_headers: Vec<Header>,
    /// True when the request carried cookies.
    pub cookies: bool,
    /// The response status (0 when no response was received, or the browser blocked it).
    pub status: u16,
    /// The response headers, in order.
    pub response_headers: Vec<Header>,
    /// Chrome's error text for a failed request (`net::ERR_FAILED`), when the file has one.
    pub error: Option<String>,
}

fn headers(v: Option<&Value>) -> Vec<Header> {
    v.map_or(&[][..], Value::items)
        .iter()
        .filter_map(|h| {
            Some((
                h.get("name")?.str()?.to_string(),
                h.get("value")?.str()?.to_string(),
            ))
        })
        .collect()
}

fn entry(v: &Value) -> Option<Entry> {
    let request = v.get("request")?;
    let response = v.get("response");
    let status = match response.and_then(|r| r.get("status")) {
        Some(Value::Number(n)) => n.parse::<u16>().unwrap_or(0),
        _ => 0,
    };
    let request_headers = headers(request.get("headers"));
    let cookies = !request
        .get("cookies")
        .map_or(&[][..], Value::items)
        .is_empty()
        || request_headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("cookie"));
    Some(Entry {
        method: request.get("method")?.str()?.to_string(),
        url: request.get("url")?.str()?.to_string(),
        request_headers,
        cookies,
        status,
        response_headers: headers(response.and_then(|r| r.get("headers"))),
        error: response
            .and_then(|r| r.get("_error"))
            .and_then(Value::str)
            .filter(|e| !e.is_empty())
            .map(str::to_string),
    })
}

/// True when a text looks like a HAR file: a JSON object that names `log` and `entries`.
pub fn looks_like_har(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(4096)];
    text.trim_start().starts_with('{')
        && head.windows(5).any(|w| w == b"\"log\"")
        && text.contains("\"entries\"")
}

/// Reads a HAR file's entries in steps: [`Reader::new`] finds the entries array, each
/// [`Reader::step`] reads entries until it has read about `budget` more bytes.
pub struct Reader {
    pos: usize,
    done: bool,
    /// The entries read so far.
    pub entries: Vec<Entry>,
}

impl Reader {
    /// Finds `log.entries` in `text` (skipping everything before it).
    pub fn new(text: &str) -> Result<Reader, Error> {
        if text.len() > MAX_HAR_BYTES {
            return Err(Error {
                what: "larger than 64 MB",
                at: MAX_HAR_BYTES,
            });
        }
        let mut j = Json {
            text: text.as_bytes(),
            pos: 0,
        };
        // A BOM is allowed by the HAR spec.
        if text.starts_with('\u{FEFF}') {
            j.pos = 3;
        }
        j.eat(b'{')?;
        Self::find_key(&mut j, "log")?;
        j.eat(b'{')?;
        Self::find_key(&mut j, "entries")?;
        j.eat(b'[')?;
        j.space();
        let done = if j.text.get(j.pos) == Some(&b']') {
            j.pos += 1;
            true
        } else {
            false
        };
        Ok(Reader {
            pos: j.pos,
            done,
            entries: Vec::new(),
        })
    }

    /// Skips members of the object being read until `key`, and stands at its value.
    fn find_key(j: &mut Json<'_>, key: &'static str) -> Result<(), Error> {
        loop {
            j.space();
            if j.text.get(j.pos) == Some(&b'}') {
                return j.fail(if key == "log" {
                    "no \"log\" object"
                } else {
                    "no \"entries\" array"
                });
            }
            let k = j.string()?;
            j.eat(b':')?;
            if k == key {
                return Ok(());
            }
            j.skip()?;
            if !j.more(b'}')? {
                return j.fail(if key == "log" {
                    "no \"log\" object"
                } else {
                    "no \"entries\" array"
                });
            }
        }
    }

    /// Reads entries until about `budget` more bytes are read; true when all are read.
    pub fn step(&mut self, text: &str, budget: usize) -> Result<bool, Error> {
        let mut j = Json {
            text: text.as_bytes(),
            pos: self.pos,
        };
        let stop = self.pos.saturating_add(budget);
        while !self.done && j.pos < stop {
            let v = j.value(2)?;
            if let Some(e) = entry(&v) {
                self.entries.push(e);
            }
            self.done = !j.more(b']')?;
        }
        self.pos = j.pos;
        Ok(self.done)
    }

    /// The byte offset read up to.
    pub fn position(&self) -> usize {
        self.pos
    }
}

/// Every entry of a HAR file, read at once.
pub fn entries(text: &str) -> Result<Vec<Entry>, Error> {
    let mut r = Reader::new(text)?;
    r.step(text, usize::MAX)?;
    Ok(r.entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_values() {
        let mut j = Json {
            text: br#" {"a": [1, -2.5e3, true, false, null, "x\"\u00e9\ud83d\ude00\n"], "b": {}} "#,
            pos: 0,
        };
        let v = j.value(0).unwrap();
        let a = v.get("a").unwrap().items();
        assert_eq!(a[0], Value::Number("1".into()));
        assert_eq!(a[1], Value::Number("-2.5e3".into()));
        assert_eq!(a[5].str(), Some("x\"é😀\n"));
        assert_eq!(v.get("b"), Some(&Value::Object(vec![])));
    }

    #[test]
    fn refuses_broken_json_with_a_position() {
        for bad in [
            r#"{"log": "#,
            r#"{"log": {"entries": [}"#,
            "[",
            r#"{"a" 1}"#,
            "{\"a\": \"\u{1}\"}",
        ] {
            let mut j = Json {
                text: bad.as_bytes(),
                pos: 0,
            };
            assert!(j.value(0).is_err(), "{bad}");
        }
        let deep = "[".repeat(100_000);
        assert!(Json {
            text: deep.as_bytes(),
            pos: 0
        }
        .value(0)
        .is_err());
    }

    #[test]
    fn reads_entries_in_steps_as_at_once() {
        let one = r#"{"request": {"method": "GET", "url": "https://a.test/x", "headers": [{"name": "Origin", "value": "https://b.test"}], "cookies": []}, "response": {"status": 200, "headers": [{"name": "Vary", "value": "Origin"}], "_error": ""}}"#;
        let text = format!(
            r#"{{"log": {{"version": "1.2", "pages": [{{"id": "p"}}], "entries": [{}]}}}}"#,
            vec![one; 50].join(",")
        );
        let all = entries(&text).unwrap();
        assert_eq!(all.len(), 50);
        assert_eq!(
            all[0].request_headers,
            [("Origin".to_string(), "https://b.test".to_string())]
        );
        assert_eq!(all[0].status, 200);
        assert_eq!(all[0].error, None);
        let mut r = Reader::new(&text).unwrap();
        let mut steps = 0;
        while !r.step(&text, 100).unwrap() {
            steps += 1;
        }
        assert!(steps > 10);
        assert_eq!(r.entries, all);
        assert!(entries(r#"{"log": {"entries": []}}"#).unwrap().is_empty());
        assert!(entries(r#"{"log": {"version": "1.2"}}"#).is_err());
    }
}
