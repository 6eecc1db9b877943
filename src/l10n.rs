//! Firefox in every language it ships: its CORS, mixed-content, CORP, ORB and SRI console
//! messages, recognised by translating them back into Firefox's English wording, which the
//! catalog's patterns then read as usual (same kind, same facts).
//!
//! The data is `l10n/firefox.txt`, written by `scripts/update-firefox-l10n.py` from Debian's
//! `firefox-esr-l10n-*` language packs (the file's header names the Firefox version). Each
//! language's template for a key (`%1$S` for the URL, `%2$S` for the status, header, method or
//! origin) is matched whole: its literal text in order, each value a run without spaces. The
//! values are put into the English template of the same key. Only a match of the whole template
//! counts, so nothing is guessed from a few words.
//!
//! The decisions a reader would not guess:
//! - The page does not carry the data in its wasm (about 52 KB brotli for 96 translated
//!   languages, more than the page's budget has left): it loads `firefox-l10n.js` (written by the
//!   post-build hook from the same file) when a paste is not all read in English, and reads the
//!   paste again. The command line has the data compiled in.
//! - Finding the template is linear in the paste: every template has an *anchor*, its rarest
//!   whole word, and a line is only tried against the templates whose anchor is one of its
//!   words (a hash lookup per word, at most [`MAX_TRIES`] full matches per line).

use std::sync::OnceLock;

use crate::buckets::Buckets;

/// The data, as `scripts/update-firefox-l10n.py` writes it (the native build compiles it in).
#[cfg(not(target_arch = "wasm32"))]
pub const FIREFOX: &str = include_str!("l10n/firefox.txt");

/// Full template matches tried per line at most (a line naming many anchors stays cheap).
const MAX_TRIES: u32 = 24;

/// Lines longer than this are not translated (no console message is this long).
const MAX_LINE: usize = 4096;

/// A piece of a template: literal text, or the n-th value (`%n$S`; `%S` is the first).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Part {
    Text(String),
    Value(usize),
}

/// One language's wording of one key.
struct Template {
    language: usize,
    key: usize,
    parts: Vec<Part>,
    anchor: String,
    /// The names of every language with this very wording of the key ("Español (CL) /
    /// Español (ES)"): the text alone cannot tell them apart.
    label: String,
}

/// A language pack: its code (`de`) and its name in its own language (`Deutsch`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// The language pack's code, as Firefox names it (`de`, `pt-BR`, `zh-CN`).
    pub code: String,
    /// The language's own name for itself.
    pub name: String,
}

/// Every language's templates, with the English ones to translate into.
pub struct Catalog {
    /// The languages, en-US first.
    pub languages: Vec<Language>,
    /// Key names, in the order of the data.
    pub keys: Vec<String>,
    /// en-US's template of each key (by key index).
    english: Vec<Option<Vec<Part>>>,
    templates: Vec<Template>,
    anchors: Buckets,
    /// The first three words of every template that starts with text, filed by the first: a
    /// line starting with them starts a new message (the joiner asks, see [`starts_message`]).
    heads: Vec<String>,
    head_index: Buckets,
}

/// A translated line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The line with the localized message replaced by Firefox's English wording.
    pub english: String,
    /// The language the message was in: its own name, or the names of every language with this
    /// very wording ("Español (CL) / Español (ES)").
    pub language: &'static str,
    /// The key of the message (`CORSMissingAllowOrigin2` ...).
    pub key: &'static str,
}

/// True for characters that separate words: whitespace and punctuation, in the scripts Firefox
/// is translated into (ASCII, general and CJK punctuation, fullwidth forms, guillemets, Arabic and
/// Devanagari marks).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
            | '\u{AB}' | '\u{BB}' | '\u{A1}' | '\u{BF}' | '\u{B7}' | '\u{60C}' | '\u{61B}' | '\u{61F}'
            | '\u{6D4}' | '\u{964}' | '\u{965}' | '\u{589}' | '\u{55D}' | '\u{5BE}')
}

/// The words of a text: maximal runs of non-separators, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = text.as_ptr() as usize;
    text.split(is_separator)
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - base, w))
}

/// Splits a template into text and values. Whitespace and quotes are normalized as pasted lines
/// are (`parse::normalize`), so both sides compare alike.
fn parts(template: &str) -> Vec<Part> {
    let template = crate::parse::normalize(template);
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = template.as_ref();
    while let Some(at) = rest.find('%') {
        text.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let b = after.as_bytes();
        let (value, used) = match b {
            [b'%', ..] => {
                text.push('%');
                rest = &after[1..];
                continue;
            }
            [b'S', ..] => (Some(1), 1),
            [d @ b'1'..=b'9', b'$', b'S', ..] => (Some(usize::from(d - b'0')), 3),
            _ => (None, 0),
        };
        match value {
            Some(n) => {
                if !text.is_empty() {
                    out.push(Part::Text(std::mem::take(&mut text)));
                }
                out.push(Part::Value(n));
                rest = &after[used..];
            }
            None => {
                text.push('%');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Part::Text(text));
    }
    out
}

/// A template's text, values written `%n$S`.
fn text_of(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Text(s) => s.clone(),
            Part::Value(n) => format!("%{n}$S"),
        })
        .collect()
}

/// The words of a template that a pasted line shows whole: inside one text part and not
/// touching a value (a value's characters would run into them).
fn whole_words(parts: &[Part]) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let Part::Text(text) = part else { continue };
        let value_before = i > 0;
        let value_after = i + 1 < parts.len();
        for (at, w) in words(text) {
            let touches_start = at == 0 && value_before;
            let touches_end = at + w.len() == text.len() && value_after;
            if !touches_start && !touches_end {
                out.push(w);
            }
        }
    }
    out
}

impl Catalog {
    /// Reads the data (see `scripts/update-firefox-l10n.py` for the format; the script picks
    /// each template's anchor and first word, so the page does no counting).
    pub fn parse(data: &str) -> Catalog {
        let mut c = Catalog {
            languages: Vec::new(),
            keys: Vec::new(),
            english: Vec::new(),
            templates: Vec::new(),
            anchors: Buckets::default(),
            heads: Vec::new(),
            head_index: Buckets::default(),
        };
        let mut frame = "";
        for line in data.lines() {
            if let Some(head) = line.strip_prefix('=') {
                let (code, name) = head.split_once(' ').unwrap_or((head, head));
                c.languages.push(Language {
                    code: code.to_string(),
                    name: name.to_string(),
                });
                frame = "";
                continue;
            }
            let mut fields = line.splitn(4, '\t');
            let (Some(key), Some(anchor), Some(label), Some(text)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                if let Some(text) = line.strip_prefix("@frame\t") {
                    frame = text;
                }
                continue;
            };
            let Some(language) = c.languages.len().checked_sub(1) else {
                continue;
            };
            let parts = parts(&match text.strip_prefix('\t') {
                Some(rest) => format!("{frame}{rest}"),
                None => text.to_string(),
            });
            let key = match c.keys.iter().position(|k| k == key) {
                Some(k) => k,
                None => {
                    c.keys.push(key.to_string());
                    c.english.push(None);
                    c.keys.len() - 1
                }
            };
            if language == 0 {
                c.english[key] = Some(parts);
                continue;
            }
            let (index, head) = match anchor.strip_suffix('^') {
                Some(i) => (i, true),
                None => (anchor, false),
            };
            let i = c.templates.len();
            let whole = whole_words(&parts);
            let anchor = index
                .parse::<usize>()
                .ok()
                .and_then(|n| whole.get(n))
                .map_or(String::new(), |w| w.to_string());
            c.anchors.insert(&anchor.as_str(), i);
            // The head: the template's first three words (a line wrapped at a space may start
            // with one common word of a message, never with its first three).
            if let (true, Some(Part::Text(t))) = (head, parts.first()) {
                let first: Vec<(usize, &str)> = words(t).take(3).collect();
                if let (Some((_, w)), Some((at, last))) = (first.first(), first.last()) {
                    let text = &t[..at + last.len()];
                    if !c.heads.iter().any(|h| h == text) {
                        c.head_index.insert(w, c.heads.len());
                        c.heads.push(text.to_string());
                    }
                }
            }
            let label = if label.is_empty() {
                c.languages[language].name.clone()
            } else {
                label.to_string()
            };
            c.templates.push(Template {
                language,
                key,
                parts,
                anchor,
                label,
            });
        }
        c
    }

    /// How many localized templates the catalog holds (en-US's not counted).
    pub fn len(&self) -> usize {
        self.templates.len()
    }

    /// True when the catalog holds no localized template.
    pub fn is_empty(&self) -> bool {
        self.templates.is_empty()
    }

    /// Each localized template as (language code, key, template text with `%n$S`, the label a
    /// card shows), for tests. A wording several languages share is listed once, under the
    /// first of them.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &str, String, &str)> + '_ {
        self.templates.iter().map(|t| {
            (
                self.languages[t.language].code.as_str(),
                self.keys[t.key].as_str(),
                text_of(&t.parts),
                t.label.as_str(),
            )
        })
    }

    /// en-US's template of a key (text with `%n$S`), for tests.
    pub fn english_template(&self, key: &str) -> Option<String> {
        let k = self.keys.iter().position(|k| k == key)?;
        self.english[k].as_deref().map(text_of)
    }

    /// Templates without an anchor word (never recognised); a test wants none.
    pub fn unanchored(&self) -> Vec<(&str, &str)> {
        self.templates
            .iter()
            .filter(|t| t.anchor.is_empty())
            .map(|t| {
                (
                    self.languages[t.language].code.as_str(),
                    self.keys[t.key].as_str(),
                )
            })
            .collect()
    }

    /// The line with a localized message replaced by the English one, or `None`.
    fn translate(&self, line: &str) -> Option<(String, usize)> {
        if line.len() > MAX_LINE {
            return None;
        }
        // The longest match wins: a key's wording may start with another key's whole wording
        // (Serbian words "CORS request did not succeed" as "CORS disabled" plus the status).
        let tries = std::cell::Cell::new(0u32);
        let best: std::cell::Cell<Option<(usize, usize)>> = std::cell::Cell::new(None);
        for (_, w) in words(line) {
            if tries.get() >= MAX_TRIES {
                break;
            }
            self.anchors.find(&w, |i| {
                let t = &self.templates[i];
                if t.anchor != w || tries.get() >= MAX_TRIES {
                    return false;
                }
                tries.set(tries.get() + 1);
                if let Some((start, end, _)) = find(&t.parts, line) {
                    if best.get().is_none_or(|(_, len)| end - start > len) {
                        best.set(Some((i, end - start)));
                    }
                }
                false
            });
        }
        let (i, _) = best.get()?;
        let t = &self.templates[i];
        let (start, end, values) = find(&t.parts, line)?;
        let english = self.english.get(t.key)?.as_ref()?;
        let mut out = String::with_capacity(line.len() + 64);
        out.push_str(&line[..start]);
        for p in english {
            match p {
                Part::Text(s) => out.push_str(s),
                Part::Value(n) => out.push_str(values.get(*n).copied().unwrap_or("")),
            }
        }
        out.push_str(&line[end..]);
        Some((out, i))
    }
}

/// Values of a match, by number (index 0 unused).
type Values<'a> = [&'a str; 4];

/// Finds a template in a line: its first text part's first few occurrences are tried as the
/// start. Returns the span matched and the values.
fn find<'a>(parts: &[Part], line: &'a str) -> Option<(usize, usize, Values<'a>)> {
    let first = parts.iter().position(|p| matches!(p, Part::Text(_)))?;
    let Part::Text(head) = &parts[first] else {
        return None;
    };
    let mut from = 0;
    for _ in 0..4 {
        let at = from + line[from..].find(head.as_str())?;
        if let Some(m) = find_at(parts, first, line, at) {
            return Some(m);
        }
        from = at + head.len();
    }
    None
}

/// Matches the template with its part `first` (text) at byte `at` of the line.
fn find_at<'a>(
    parts: &[Part],
    first: usize,
    line: &'a str,
    at: usize,
) -> Option<(usize, usize, Values<'a>)> {
    let mut values: Values<'a> = [""; 4];
    let mut start = at;
    if first > 0 {
        // A template that starts with a value (`"%1$S" is not eligible...`): the word before.
        let Part::Value(n) = parts[first - 1] else {
            return None;
        };
        let before = &line[..at];
        let from = before.rfind(' ').map_or(0, |i| i + 1);
        put(&mut values, n, &before[from..])?;
        start = from;
    }
    let mut cur = at;
    let mut i = first;
    while i < parts.len() {
        match &parts[i] {
            Part::Text(t) => {
                if !line[cur..].starts_with(t.as_str()) {
                    return None;
                }
                cur += t.len();
            }
            Part::Value(n) => {
                let rest = &line[cur..];
                let end = match parts.get(i + 1) {
                    Some(Part::Text(next)) => match rest.find(next.as_str()) {
                        Some(j) => j,
                        // The last text is only closing punctuation and the paste lacks it.
                        None if i + 2 == parts.len() && next.trim().chars().count() <= 1 => {
                            i += 1;
                            rest.find(' ').unwrap_or(rest.len())
                        }
                        None => return None,
                    },
                    _ => rest.find(' ').unwrap_or(rest.len()),
                };
                put(&mut values, *n, &rest[..end])?;
                cur += end;
            }
        }
        i += 1;
    }
    Some((start, cur, values))
}

/// Records a value: never empty; the URL (`%1$S`) one run of non-space characters (the others
/// may be free text, as ORB's reason is).
fn put<'a>(values: &mut Values<'a>, n: usize, value: &'a str) -> Option<()> {
    if value.is_empty() || (n == 1 && value.contains(' ')) {
        return None;
    }
    if let Some(slot) = values.get_mut(n) {
        *slot = value;
    }
    Some(())
}

static CATALOG: OnceLock<Catalog> = OnceLock::new();

/// Makes the data available (the page calls it once `firefox-l10n.js` has loaded). Later calls
/// are ignored.
pub fn install(data: &str) {
    let _ = CATALOG.set(Catalog::parse(data));
}

/// True once localized messages can be read.
pub fn is_loaded() -> bool {
    catalog().is_some()
}

/// The catalog, once loaded (natively: always).
pub fn catalog() -> Option<&'static Catalog> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(CATALOG.get_or_init(|| Catalog::parse(FIREFOX)));
    #[cfg(target_arch = "wasm32")]
    return CATALOG.get();
}

/// How a cleaned line starts, as far as localized messages go: `(first, whole)`, where `first`
/// says it starts with a template's first word (it may be the start of a message, wrapped after
/// that word) and `whole` that it starts with a template's first three words (it starts a
/// message, never continuing the line before it).
pub fn starts_message(line: &str) -> (bool, bool) {
    let Some(catalog) = catalog() else {
        return (false, false);
    };
    let Some((0, w)) = words(line).next() else {
        return (false, false);
    };
    // One pass over the heads filed under `w`.
    let (first, whole) = (std::cell::Cell::new(false), std::cell::Cell::new(false));
    catalog.head_index.find(&w, |i| {
        let head = catalog.heads[i].as_str();
        first.set(first.get() || head.starts_with(w));
        whole.set(whole.get() || line.starts_with(head));
        false
    });
    (first.get(), whole.get())
}

/// The line with a localized Firefox message replaced by Firefox's English wording of it, or
/// `None` (no localized message, or the data is not loaded yet).
pub fn translate(line: &str) -> Option<Translation> {
    let catalog = catalog()?;
    let (english, i) = catalog.translate(line)?;
    let t = &catalog.templates[i];
    Some(Translation {
        english,
        language: &t.label,
        key: &catalog.keys[t.key],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Anchors: "fehlt" is whole word 4 of the German frame-plus-reason (Blockiert, Lesen, von,
    // Grund, Kopfzeile, fehlt...: index 5), "geeignet" word 2 of the second template.
    const DATA: &str = "=en-US English\n\
        @frame\tBlocked: reading %1$S. (Reason: \n\
        Missing\t\t\t\theader missing). Status code: %2$S.\n\
        Ineligible\t\t\t\u{201C}%1$S\u{201D} is not eligible.\n\
        =de Deutsch\n\
        @frame\tBlockiert: Lesen von %1$S. (Grund: \n\
        Missing\t5^\t\t\tKopfzeile fehlt). Statuscode: %2$S.\n\
        Ineligible\t2\tDeutsch / Schweizerdeutsch\t\u{201E}%1$S\u{201C} ist nicht geeignet.\n";

    #[test]
    fn splits_templates_into_text_and_values() {
        assert_eq!(
            parts("a %1$S b %S%% c %2$S"),
            vec![
                Part::Text("a ".into()),
                Part::Value(1),
                Part::Text(" b ".into()),
                Part::Value(1),
                Part::Text("% c ".into()),
                Part::Value(2),
            ]
        );
    }

    #[test]
    fn translates_a_framed_message_with_its_values() {
        let c = Catalog::parse(DATA);
        assert_eq!(c.len(), 2);
        assert!(c.unanchored().is_empty());
        assert_eq!(c.templates[0].anchor, "fehlt");
        assert_eq!(c.templates[1].anchor, "geeignet");
        assert_eq!(c.templates[1].label, "Deutsch / Schweizerdeutsch");
        assert_eq!(c.heads, ["Blockiert: Lesen von"]);
        let (en, _) = c
            .translate("x Blockiert: Lesen von https://a.test/x. (Grund: Kopfzeile fehlt). Statuscode: 404. y")
            .unwrap();
        assert_eq!(
            en,
            "x Blocked: reading https://a.test/x. (Reason: header missing). Status code: 404. y"
        );
        // The closing period left out by the paste.
        let (en, _) = c
            .translate(
                "Blockiert: Lesen von https://a.test/x. (Grund: Kopfzeile fehlt). Statuscode: 404",
            )
            .unwrap();
        assert!(en.ends_with("Status code: 404."), "{en}");
    }

    #[test]
    fn translates_a_message_that_starts_with_its_value() {
        let c = Catalog::parse(DATA);
        let (en, _) = c
            .translate("\"https://cdn.test/a.js\" ist nicht geeignet.")
            .unwrap();
        assert_eq!(en, "\"https://cdn.test/a.js\" is not eligible.");
    }

    #[test]
    fn a_partial_or_spaced_value_is_no_match() {
        let c = Catalog::parse(DATA);
        assert!(c.translate("Kopfzeile fehlt").is_none());
        assert!(c
            .translate("Blockiert: Lesen von a b. (Grund: Kopfzeile fehlt). Statuscode: 404.")
            .is_none());
        assert!(c.translate("").is_none());
    }
}
