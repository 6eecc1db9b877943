//! The placeholder language that fills a template from a [`Policy`] (see [`render`]): the
//! shared list formats (regex dialects, lower-case lists ...), scalars and conditions. A format
//! only one target uses is that target's (`OwnList`, beside its entry in `targets.rs`).

use super::{push_unique, OwnList, Policy, Syntax};

pub(super) fn quote(syntax: Syntax, s: &str) -> String {
    // Policy values contain only [A-Za-z0-9.:/[]_-], so escaping never triggers; it is kept so
    // that the function is safe on its own.
    match syntax {
        Syntax::SingleQuoted => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Syntax::DoubleQuoted | Syntax::Python => {
            format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
        }
    }
}

/// An origin as an anchored-regex fragment: dots escaped.
fn origin_regex(origin: &str) -> String {
    origin
        .replace('.', "\\.")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// A pattern `https://*.example.com` as an unanchored regex fragment: one or more subdomain
/// labels, then the domain with its dots escaped.
fn pattern_regex(pattern: &str) -> String {
    let (scheme, rest) = pattern.split_once("://*.").unwrap_or(("https", pattern));
    format!("{scheme}://([a-z0-9-]+\\.)+{}", origin_regex(rest))
}

/// The named lists a template can format: the target's own (`own`), then the shared ones.
fn list<'a>(p: &'a Policy, own: &[OwnList], name: &str) -> Option<Vec<String>> {
    if let Some((_, format)) = own.iter().find(|(n, _)| *n == name) {
        return Some(format(p));
    }
    let lower = |v: &'a [String]| v.iter().map(|s| s.to_ascii_lowercase()).collect();
    Some(match name {
        "ORIGINS" => p.origins.clone(),
        "ORIGINS_RE" => p.origins.iter().map(|o| origin_regex(o)).collect(),
        "PATTERNS" => p.patterns.clone(),
        // Anchors that match the whole string only, per regex engine: `$` does in Go's RE2 (no
        // multi-line flag) and in JavaScript, but matches before a final newline in Python
        // (`\Z` does not) and in PCRE (`\z` does not).
        "PATTERNS_RE" => p
            .patterns
            .iter()
            .map(|x| format!("^{}$", pattern_regex(x)))
            .collect(),
        "PATTERNS_RE_PY" => p
            .patterns
            .iter()
            .map(|x| format!("^{}\\Z", pattern_regex(x)))
            .collect(),
        "PATTERNS_RE_PCRE" => p
            .patterns
            .iter()
            .map(|x| format!("^{}\\z", pattern_regex(x)))
            .collect(),
        "PATTERNS_JS" => p
            .patterns
            .iter()
            .map(|x| format!("/^{}$/", pattern_regex(x).replace('/', "\\/")))
            .collect(),
        "PATTERNS_RUBY" => p
            .patterns
            .iter()
            .map(|x| format!("/\\A{}\\z/", pattern_regex(x).replace('/', "\\/")))
            .collect(),
        "METHODS" => p.methods.clone(),
        "METHODS_LOWER" => lower(&p.methods),
        // Methods the preflight must list (the safelisted ones never need it).
        "METHODS_WITH_OPTIONS" => {
            let mut m = p.methods.clone();
            push_unique(&mut m, "OPTIONS".to_string());
            m
        }
        "HEADERS" => p.headers.clone(),
        "HEADERS_LOWER" => lower(&p.headers),
        "EXPOSE" => p.expose.clone(),
        "EXPOSE_LOWER" => lower(&p.expose),
        _ => return None,
    })
}

/// Every exact origin and pattern as regex alternatives.
fn origin_alternatives(p: &Policy) -> String {
    p.origins
        .iter()
        .map(|o| origin_regex(o))
        .chain(p.patterns.iter().map(|x| pattern_regex(x)))
        .collect::<Vec<_>>()
        .join("|")
}

fn scalar(p: &Policy, syntax: Syntax, name: &str) -> Option<String> {
    Some(match name {
        "CREDENTIALS" => match (syntax, p.credentials) {
            (Syntax::Python, true) => "True".into(),
            (Syntax::Python, false) => "False".into(),
            (_, c) => c.to_string(),
        },
        "MAX_AGE" => p.max_age.unwrap_or(600).to_string(),
        // Go's RE2 (Caddy): `$` is the end of the text.
        "ORIGIN_REGEX" => format!("^({})$", origin_alternatives(p)),
        // PCRE (nginx, Apache, HAProxy): `\z`, since `$` also matches before a final newline.
        "ORIGIN_REGEX_PCRE" => format!("^({})\\z", origin_alternatives(p)),
        // Python: `\Z`, for the same reason.
        "PATTERN_REGEX_PY" => format!(
            "^({})\\Z",
            p.patterns
                .iter()
                .map(|x| pattern_regex(x))
                .collect::<Vec<_>>()
                .join("|")
        ),
        "FIRST_ORIGIN" => p.origins[0].clone(),
        "ORIGIN_LIST" => p.origins.join(", "),
        _ => return None,
    })
}

fn condition(p: &Policy, name: &str) -> Option<bool> {
    let (negate, name) = match name.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, name),
    };
    let value = match name {
        "EXPOSE" => !p.expose.is_empty(),
        "CREDENTIALS" => p.credentials,
        "MAX_AGE" => p.max_age.is_some(),
        "MULTI" => p.origins.len() > 1,
        "PATTERNS" => !p.patterns.is_empty(),
        _ => return None,
    };
    Some(value != negate)
}

/// Fills a template. The placeholder language, all inside `{{ }}`:
/// - `{{NAME}}`: a scalar (`CREDENTIALS`, `MAX_AGE`, `ORIGIN_REGEX`, `FIRST_ORIGIN`, `ORIGIN_LIST`)
///   or a list quoted for the syntax and joined with `, ` (`ORIGINS`, `METHODS`, `HEADERS` ...,
///   or one of the target's own lists, `own`);
/// - `{{NAME|item|sep}}`: a list with each value put into `item` at `$`, joined by `sep`
///   (`\n` in `sep` is a newline); `{{NAME|item}}` joins with `, `;
/// - `{{?COND}}` anywhere on a line keeps the line only if the condition holds (`EXPOSE`,
///   `CREDENTIALS`, `MAX_AGE`, `MULTI`, each negatable as `!COND`);
/// - lines between `{{#ORIGINS}}` and `{{/ORIGINS}}` repeat once per origin, with `{{ORIGIN}}`,
///   `{{ORIGIN_RE}}` (dots escaped), `{{ORIGIN_RE_JSON}}` (escaped for a JSON string) and `{{,}}`
///   (a comma except after the last origin).
///
/// An unknown placeholder or condition is a bug in a template: an error, never a panic (the
/// tests render every template with every policy, so it fails a test, not a user).
pub fn render(
    template: &str,
    syntax: Syntax,
    own: &[OwnList],
    p: &Policy,
) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len() + 256);
    let mut block: Option<Vec<&str>> = None;
    for line in template.lines() {
        if line.trim() == "{{#ORIGINS}}" {
            block = Some(Vec::new());
            continue;
        }
        if line.trim() == "{{/ORIGINS}}" {
            let lines = block.take().unwrap_or_default();
            for (i, origin) in p.origins.iter().enumerate() {
                let last = i + 1 == p.origins.len();
                for l in &lines {
                    let l = l
                        .replace("{{ORIGIN}}", origin)
                        .replace("{{ORIGIN_RE}}", &origin_regex(origin))
                        .replace(
                            "{{ORIGIN_RE_JSON}}",
                            &origin_regex(origin).replace('\\', "\\\\"),
                        )
                        .replace("{{,}}", if last { "" } else { "," });
                    render_line(&l, syntax, own, p, &mut out)?;
                }
            }
            continue;
        }
        match block.as_mut() {
            Some(lines) => lines.push(line),
            None => render_line(line, syntax, own, p, &mut out)?,
        }
    }
    Ok(out)
}

/// Why a config could not be rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// The template names a placeholder or condition the renderer does not know.
    Unknown(String),
    /// The page has not loaded this target's template yet.
    NotLoaded,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Unknown(name) => write!(f, "the template names an unknown placeholder {{{{{name}}}}} (a bug in cors-doctor: please report it)"),
            TemplateError::NotLoaded => f.write_str("the template is not loaded yet"),
        }
    }
}

fn render_line(
    line: &str,
    syntax: Syntax,
    own: &[OwnList],
    p: &Policy,
    out: &mut String,
) -> Result<(), TemplateError> {
    let mut rest = line;
    let mut text = String::with_capacity(line.len());
    let mut keep = true;
    while let Some(mut start) = rest.find("{{") {
        // `[]string{{{ORIGINS}}}`: the first brace belongs to the target language.
        while rest[start + 2..].starts_with('{') {
            start += 1;
        }
        text.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            text.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let inner = &after[..end];
        rest = &after[end + 2..];
        if let Some(cond) = inner.strip_prefix('?') {
            keep &= condition(p, cond).ok_or_else(|| TemplateError::Unknown(format!("?{cond}")))?;
            // Drop the marker and the spaces before it.
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
            continue;
        }
        let mut parts = inner.splitn(3, '|');
        let name = parts.next().unwrap_or_default();
        let item = parts.next();
        let sep = parts
            .next()
            .map(|s| s.replace("\\n", "\n"))
            .unwrap_or_else(|| ", ".to_string());
        if let Some(values) = list(p, own, name) {
            let formatted: Vec<String> = values
                .iter()
                .map(|v| match item {
                    Some(t) => t.replace('$', v),
                    None => quote(syntax, v),
                })
                .collect();
            text.push_str(&formatted.join(&sep));
        } else if let Some(v) = scalar(p, syntax, name) {
            text.push_str(&v);
        } else {
            return Err(TemplateError::Unknown(name.to_string()));
        }
    }
    text.push_str(rest);
    if keep {
        out.push_str(text.trim_end());
        out.push('\n');
    }
    Ok(())
}
