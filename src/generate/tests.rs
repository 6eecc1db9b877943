//! Unit tests of [`super`] (crate::generate).

use super::render::quote;
use super::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn a_loaded_template_is_found_by_its_target() {
    // Natively every template is compiled in; the page's registry is the fallback.
    let express = framework("express").unwrap();
    assert_eq!(express.template(), Some(express.template));
    install_template("express\nnatively, the compiled-in template wins");
    install_template("no-such-target\nx");
    install_template("no newline");
    assert_eq!(express.template(), Some(express.template));
    let page = Framework {
        template: "",
        ..*framework("nginx").unwrap()
    };
    assert_eq!(page.template(), None);
    let p = PolicySpec {
        origins: &["https://app.example.com".into()],
        ..PolicySpec::default()
    }
    .validate()
    .unwrap();
    assert_eq!(page.try_render(&p), Err(TemplateError::NotLoaded));
    install_template("nginx\nadd_header X {{ORIGINS}};");
    assert_eq!(page.template(), Some("add_header X {{ORIGINS}};"));
    assert_eq!(framework("nginx").unwrap().script, "t/nginx.js");
}

#[test]
fn policy_validates_every_value() {
    assert!(PolicySpec {
        origins: &s(&["http://localhost:3000"]),
        methods: &s(&["put"]),
        headers: &s(&["X-Api-Key"]),
        ..PolicySpec::default()
    }
    .validate()
    .is_ok());
    assert_eq!(
        PolicySpec {
            origins: &s(&["http://a.com/"]),
            ..PolicySpec::default()
        }
        .validate(),
        Err(PolicyError::Origin(
            "http://a.com/".into(),
            OriginError::Shape
        ))
    );
    assert_eq!(
        PolicySpec {
            origins: &s(&["*"]),
            credentials: true,
            ..PolicySpec::default()
        }
        .validate(),
        Err(PolicyError::UnsafeOrigin("*".into()))
    );
    assert_eq!(
        PolicySpec {
            origins: &s(&["https://*.a.com"]),
            credentials: true,
            ..PolicySpec::default()
        }
        .validate(),
        Err(PolicyError::UnsafeOrigin("https://*.a.com".into()))
    );
    assert_eq!(
        PolicySpec {
            origins: &s(&["null"]),
            ..PolicySpec::default()
        }
        .validate(),
        Err(PolicyError::UnsafeOrigin("null".into()))
    );
    assert_eq!(
        PolicySpec {
            origins: &[],
            ..PolicySpec::default()
        }
        .validate(),
        Err(PolicyError::NoOrigin)
    );
    for bad in ["GET\nadd_header", "GE T", "G'ET", "GET;", "$GET", ""] {
        assert!(
            matches!(
                PolicySpec {
                    origins: &s(&["http://a.com"]),
                    methods: &s(&[bad]),
                    ..PolicySpec::default()
                }
                .validate(),
                Err(PolicyError::Method(_))
            ),
            "{bad:?}"
        );
    }
    for bad in [
        "X-A; rm -rf",
        "x'y",
        "x\"y",
        "x$y",
        "x`y",
        "a b",
        "-a",
        "x{y}",
        "x\ny",
    ] {
        assert!(
            matches!(
                PolicySpec {
                    origins: &s(&["http://a.com"]),
                    headers: &s(&[bad]),
                    ..PolicySpec::default()
                }
                .validate(),
                Err(PolicyError::Header(_))
            ),
            "{bad:?}"
        );
        assert!(
            matches!(
                PolicySpec {
                    origins: &s(&["http://a.com"]),
                    expose: &s(&[bad]),
                    ..PolicySpec::default()
                }
                .validate(),
                Err(PolicyError::Header(_))
            ),
            "{bad:?}"
        );
    }
    assert!(matches!(
        PolicySpec {
            origins: &s(&["http://a.com"]),
            max_age: Some(100_000),
            ..PolicySpec::default()
        }
        .validate(),
        Err(PolicyError::MaxAge(_))
    ));
    let p = PolicySpec {
        origins: &s(&["HTTP://A.com", "http://a.com"]),
        methods: &s(&["put", "PUT"]),
        headers: &s(&["x-a", "X-A"]),
        ..PolicySpec::default()
    }
    .validate()
    .unwrap();
    assert_eq!(p.origins(), ["http://a.com"]);
    assert_eq!(p.methods(), ["GET", "HEAD", "POST", "PUT"]);
    assert_eq!(p.headers(), ["x-a"]);
    let d = PolicySpec {
        origins: &s(&["http://a.com"]),
        ..PolicySpec::default()
    }
    .validate()
    .unwrap();
    assert_eq!(d.methods(), ["GET", "HEAD", "POST"]);
    assert_eq!(d.headers(), ["Content-Type"]);
}

#[test]
fn patterns_are_validated_and_anchored() {
    let origins = s(&["https://app.example.com"]);
    let base = PolicySpec {
        origins: &origins,
        credentials: true,
        ..PolicySpec::default()
    };
    let p = PolicySpec {
        patterns: &s(&["https://*.Example.com", "http://*.localhost:5173"]),
        ..base
    }
    .validate()
    .unwrap();
    assert_eq!(
        p.patterns(),
        ["https://*.example.com", "http://*.localhost:5173"]
    );
    assert_eq!(
        render("{{ORIGIN_REGEX}}", Syntax::DoubleQuoted, &[], &p).as_deref(),
        Ok("^(https://app\\.example\\.com|https://([a-z0-9-]+\\.)+example\\.com|http://([a-z0-9-]+\\.)+localhost:5173)$\n")
    );
    assert_eq!(render("{{PATTERNS_JS|$| }}", Syntax::SingleQuoted, &[], &p).as_deref(), Ok("/^https:\\/\\/([a-z0-9-]+\\.)+example\\.com$/ /^http:\\/\\/([a-z0-9-]+\\.)+localhost:5173$/\n"));
    for bad in [
        "*.example.com",
        "https://*",
        "https://*.com*",
        "https://a.*.example.com",
        "ftp://*.example.com",
        "https://*.example.com/",
        "https://*.exa mple.com",
        "https://*.example.com:99999",
    ] {
        assert!(
            matches!(
                PolicySpec {
                    patterns: &s(&[bad]),
                    ..base
                }
                .validate(),
                Err(PolicyError::Pattern(_))
            ),
            "{bad}"
        );
    }
}

#[test]
fn the_template_language_does_what_it_says() {
    let p = PolicySpec {
        origins: &s(&["https://a.example.com", "http://localhost:3000"]),
        methods: &s(&["PUT"]),
        headers: &s(&["Authorization"]),
        credentials: true,
        ..PolicySpec::default()
    }
    .validate()
    .unwrap();
    let t = "o: [{{ORIGINS}}]\nm: {{METHODS|$|,}}\nc: {{CREDENTIALS}} {{?CREDENTIALS}}\ne: x {{?EXPOSE}}\nr: {{ORIGIN_REGEX}}\n{{#ORIGINS}}\n- {{ORIGIN_RE}}{{,}}\n{{/ORIGINS}}\n";
    assert_eq!(
        render(t, Syntax::SingleQuoted, &[], &p).as_deref(),
        Ok("o: ['https://a.example.com', 'http://localhost:3000']\nm: GET,HEAD,POST,PUT\nc: true\nr: ^(https://a\\.example\\.com|http://localhost:3000)$\n- https://a\\.example\\.com,\n- http://localhost:3000\n")
    );
    assert_eq!(
        render("c: {{CREDENTIALS}}", Syntax::Python, &[], &p).as_deref(),
        Ok("c: True\n")
    );
    // A placeholder or condition the renderer does not know is an error, not a panic.
    assert_eq!(
        render("x {{NOPE}}", Syntax::Python, &[], &p),
        Err(TemplateError::Unknown("NOPE".to_string()))
    );
    assert!(render("x {{?NOPE}}", Syntax::Python, &[], &p).is_err());
    assert_eq!(quote(Syntax::SingleQuoted, "a'b"), "'a\\'b'");
    assert_eq!(canonical_header("x-api-key"), "X-Api-Key");
}
