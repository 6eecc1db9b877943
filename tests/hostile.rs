//! The hostile-value campaign as a test: hundreds of values a hostile link, paste or user could
//! put into each option, over every target. Each value is either refused (with a message that
//! prints no control or bidi character) or normalized into the option's narrow alphabet, and
//! then no generated config carries anything but that alphabet in its place.
//! Also the origin serialization and the public-suffix rules, as tables.
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::facts::{is_invisible_control, serialize_origin, OriginError};
use cors_doctor::generate::{validate_pattern, Policy, PolicyError, PolicySpec, FRAMEWORKS};

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Fragments that end a string, start a comment, add a directive or a header, drive a
/// terminal, or reorder text on screen, in the syntaxes of the targets.
const PAYLOADS: &[&str] = &[
    "'",
    "\"",
    "`",
    "\\",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    ";",
    "#",
    "//",
    "/*",
    "*/",
    "<!--",
    "-->",
    "${x}",
    "$(id)",
    "{{ORIGINS}}",
    "}",
    "{",
    "]",
    "[",
    ")",
    "(",
    ",",
    "|",
    "&",
    "<",
    ">",
    "%0d%0a",
    "\u{0}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{feff}",
    "\u{85}",
    "\u{2028}",
    "\nadd_header X evil;",
    "\nHeader set X evil",
    "';alert(1);'",
    "\"; evil=\"",
    "\n    - evil",
    "</script>",
    "?#",
    "@evil.com",
    "ｅvil",
    "*",
    "%",
    "=",
];

/// Plausible values each payload is put before, inside and after.
fn hostile(bases: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for base in bases {
        for p in PAYLOADS {
            out.push(format!("{base}{p}"));
            out.push(format!("{p}{base}"));
            let mid = base.len() / 2;
            if base.is_char_boundary(mid) {
                out.push(format!("{}{p}{}", &base[..mid], &base[mid..]));
            }
        }
    }
    out.push("x".repeat(5000));
    out.push(String::new());
    out
}

/// True when `v` holds only bytes in `alphabet` (plus ASCII letters and digits).
fn within(v: &str, alphabet: &[u8]) -> bool {
    v.bytes()
        .all(|b| b.is_ascii_alphanumeric() || alphabet.contains(&b))
}

fn assert_printable(msg: &str, value: &str) {
    assert!(
        !msg.chars()
            .any(|c| c.is_control() || is_invisible_control(c)),
        "the message for {value:?} prints a control or bidi character: {msg:?}"
    );
}

/// Renders every target with the policy and checks that each listed value appears only in its
/// normalized, narrow form (the templates add the rest).
fn render_everywhere(policy: &Policy, value: &str) {
    for f in FRAMEWORKS {
        let text = f.render(policy);
        assert!(
            !text
                .chars()
                .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_invisible_control(c)),
            "{}: a control character from {value:?} reached the config",
            f.id
        );
    }
}

#[test]
fn hostile_origins_are_refused_or_normalized() {
    let values = hostile(&[
        "https://app.example.com",
        "http://localhost:3000",
        "http://[::1]:8080",
    ]);
    assert!(values.len() >= 200, "{} values", values.len());
    let (mut refused, mut accepted) = (0, 0);
    for v in &values {
        match (PolicySpec {
            origins: std::slice::from_ref(v),
            credentials: true,
            ..PolicySpec::default()
        })
        .validate()
        {
            Err(e) => {
                assert_printable(&e.to_string(), v);
                refused += 1;
            }
            Ok(p) => {
                for o in p.origins() {
                    assert!(within(o, b".-:/[]"), "accepted {v:?} as {o:?}");
                    assert!(o.starts_with("http://") || o.starts_with("https://"), "{o}");
                }
                render_everywhere(&p, v);
                accepted += 1;
            }
        }
    }
    println!("origins: {refused} refused, {accepted} normalized");
    assert!(refused > accepted, "most hostile origins must be refused");
}

#[test]
fn hostile_patterns_are_refused_or_normalized() {
    let values = hostile(&["https://*.example.com", "http://*.localhost:5173"]);
    assert!(values.len() >= 200, "{} values", values.len());
    let origins = s(&["https://app.example.com"]);
    let base = PolicySpec {
        origins: &origins,
        credentials: true,
        ..PolicySpec::default()
    };
    for v in &values {
        match (PolicySpec {
            patterns: std::slice::from_ref(v),
            ..base
        })
        .validate()
        {
            Err(e) => assert_printable(&e.to_string(), v),
            Ok(p) => {
                for pat in p.patterns() {
                    assert!(within(pat, b".-:/*"), "accepted {v:?} as {pat:?}");
                    assert_eq!(pat.matches('*').count(), 1, "{pat}");
                }
                render_everywhere(&p, v);
            }
        }
    }
}

#[test]
fn hostile_methods_headers_and_exposed_headers_are_refused_or_kept_narrow() {
    let origin = s(&["https://app.example.com"]);
    let methods = hostile(&["PUT", "PATCH", "PROPFIND"]);
    let headers = hostile(&["Authorization", "X-Api-Key", "Content-Type"]);
    assert!(methods.len() >= 200 && headers.len() >= 200);
    for v in &methods {
        match (PolicySpec {
            origins: &origin,
            methods: std::slice::from_ref(v),
            ..PolicySpec::default()
        })
        .validate()
        {
            Err(e) => assert_printable(&e.to_string(), v),
            Ok(p) => {
                assert!(
                    p.methods()
                        .iter()
                        .all(|m| within(m, b"") && m.bytes().all(|b| b.is_ascii_uppercase())),
                    "{v:?}"
                );
                render_everywhere(&p, v);
            }
        }
    }
    for v in &headers {
        for (h, e) in [
            (std::slice::from_ref(v), &[][..]),
            (&[][..], std::slice::from_ref(v)),
        ] {
            match (PolicySpec {
                origins: &origin,
                headers: h,
                expose: e,
                ..PolicySpec::default()
            })
            .validate()
            {
                Err(err) => assert_printable(&err.to_string(), v),
                Ok(p) => {
                    for name in p.headers().iter().chain(p.expose()) {
                        assert!(within(name, b"-_"), "accepted {v:?} as {name:?}");
                    }
                    render_everywhere(&p, v);
                }
            }
        }
    }
}

#[test]
fn max_age_and_credentials_never_make_an_unsafe_policy() {
    for age in [0, 1, 600, 7200, 86_400, 86_401, u32::MAX] {
        let r = PolicySpec {
            origins: &s(&["https://a.example"]),
            credentials: true,
            max_age: Some(age),
            ..PolicySpec::default()
        }
        .validate();
        assert_eq!(r.is_ok(), age <= 86_400, "{age}");
    }
    for bad in ["*", "null", "https://*.a.com", " * "] {
        assert!(
            matches!(
                PolicySpec {
                    origins: &s(&[bad]),
                    credentials: true,
                    ..PolicySpec::default()
                }
                .validate(),
                Err(PolicyError::UnsafeOrigin(_))
            ),
            "{bad:?} with credentials must be refused"
        );
    }
}

#[test]
fn origins_are_serialized_as_browsers_do() {
    for (given, serialized) in [
        ("https://a.com:443", "https://a.com"),
        ("http://a.com:80", "http://a.com"),
        ("https://a.com:08080", "https://a.com:8080"),
        ("HTTPS://App.Example.COM", "https://app.example.com"),
        ("http://a.com:", "http://a.com"),
        ("http://[0:0:0:0:0:0:0:1]:8080", "http://[::1]:8080"),
        (
            "http://[2001:DB8:0:0:1:0:0:1]",
            "http://[2001:db8::1:0:0:1]",
        ),
        ("http://127.0.0.1:3000", "http://127.0.0.1:3000"),
        (
            "https://xn--bcher-kva.example",
            "https://xn--bcher-kva.example",
        ),
    ] {
        assert_eq!(
            serialize_origin(given, true).as_deref(),
            Ok(serialized),
            "{given}"
        );
    }
    for (given, why) in [
        ("javascript://a.com", OriginError::Scheme),
        ("file://a.com", OriginError::Scheme),
        ("a+b.c-d://evil.com:1", OriginError::Scheme),
        ("https://999.999.999.999", OriginError::Host),
        ("https://[:::]", OriginError::Host),
        ("https://010.0.0.1", OriginError::Host),
        ("https://a.1", OriginError::Host),
        ("https://user@a.com", OriginError::Userinfo),
        ("https://bücher.example", OriginError::Unicode),
        ("https://a.com:65536", OriginError::Port),
        ("https://a.com/", OriginError::Shape),
        ("a.com", OriginError::Shape),
    ] {
        assert_eq!(serialize_origin(given, true), Err(why), "{given}");
    }
    // Extension pages have origins a message may name, but a config allows web pages only.
    assert!(serialize_origin("chrome-extension://abcdef", false).is_ok());
    assert_eq!(
        serialize_origin("chrome-extension://abcdef", true),
        Err(OriginError::Scheme)
    );
}

#[test]
fn patterns_never_cover_a_public_suffix() {
    for p in [
        "https://*.com",
        "https://*.co.uk",
        "https://*.github.io",
        "https://*.vercel.app",
        "https://*.x",
        "https://*.1",
        "https://*.10.0.0.1",
        "https://*.[::1]",
        "https://*.COM",
        "https://*.com:443",
        "https://*.s3.amazonaws.com",
    ] {
        let err = validate_pattern(p).expect_err(p);
        assert!(
            matches!(err, PolicyError::PublicSuffix(..) | PolicyError::Pattern(_)),
            "{p}: {err:?}"
        );
    }
    assert!(matches!(
        validate_pattern("https://*.github.io"),
        Err(PolicyError::PublicSuffix(_, ref s)) if s == "github.io"
    ));
    for (p, normalized) in [
        ("https://*.example.com", "https://*.example.com"),
        ("https://*.Example.COM:443", "https://*.example.com"),
        ("https://*.me.github.io", "https://*.me.github.io"),
        ("https://*.example.co.uk", "https://*.example.co.uk"),
        ("http://*.localhost:5173", "http://*.localhost:5173"),
    ] {
        assert_eq!(validate_pattern(p).as_deref().ok(), Some(normalized), "{p}");
    }
}
