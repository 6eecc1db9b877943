//! Every target under several policies: insta snapshots of the generated text, the security
//! invariants checked on the text, and syntax checks with the language tools installed here
//! (node, python3) plus JSON and XML well-formedness. Running the configs in real servers is
//! tests/verify (the verification matrix).
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use cors_doctor::generate::{Policy, PolicySpec, Vary, FRAMEWORKS};

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// The policies every target is rendered with: (name, policy).
fn policies() -> Vec<(&'static str, Policy)> {
    vec![
        (
            "one-origin",
            PolicySpec {
                origins: &s(&["http://localhost:3000"]),
                ..PolicySpec::default()
            }
            .validate()
            .unwrap(),
        ),
        (
            "several-origins",
            PolicySpec {
                origins: &s(&[
                    "https://app.example.com",
                    "https://admin.example.com",
                    "http://localhost:5173",
                ]),
                headers: &s(&["Content-Type"]),
                max_age: Some(600),
                ..PolicySpec::default()
            }
            .validate()
            .unwrap(),
        ),
        (
            "credentials",
            PolicySpec {
                origins: &s(&["https://app.example.com"]),
                methods: &s(&["PUT", "DELETE"]),
                headers: &s(&["Content-Type", "Authorization"]),
                credentials: true,
                max_age: Some(600),
                ..PolicySpec::default()
            }
            .validate()
            .unwrap(),
        ),
        (
            "custom-methods-headers",
            PolicySpec {
                origins: &s(&["https://app.example.com"]),
                methods: &s(&["PATCH", "DELETE"]),
                headers: &s(&["X-Api-Key", "X-Requested-With"]),
                max_age: Some(300),
                ..PolicySpec::default()
            }
            .validate()
            .unwrap(),
        ),
        (
            "pattern",
            PolicySpec {
                origins: &s(&["https://app.example.com"]),
                methods: &s(&["PUT"]),
                headers: &s(&["Authorization"]),
                credentials: true,
                max_age: Some(600),
                patterns: &s(&["https://*.example.com"]),
                ..PolicySpec::default()
            }
            .validate()
            .unwrap(),
        ),
        (
            "exposed-headers",
            PolicySpec {
                origins: &s(&["https://app.example.com", "http://localhost:3000"]),
                methods: &s(&["PUT"]),
                headers: &s(&["Authorization"]),
                expose: &s(&["X-Request-Id", "ETag"]),
                credentials: true,
                max_age: Some(7200),
                ..PolicySpec::default()
            }
            .validate()
            .unwrap(),
        ),
    ]
}

/// Every template renders with every policy: an unknown placeholder or condition in a
/// template is an error that fails here, never a panic in the page.
#[test]
fn every_template_renders_with_every_policy() {
    for f in FRAMEWORKS {
        for (name, policy) in policies() {
            if let Err(e) = f.try_render(&policy) {
                panic!("{} with {name}: {e}", f.id);
            }
        }
    }
}

#[test]
fn every_target_matches_its_snapshots() {
    for f in FRAMEWORKS {
        for (name, policy) in policies() {
            insta::assert_snapshot!(format!("{}__{name}", f.id), f.render(&policy));
        }
    }
}

#[test]
fn every_target_has_a_label_file_placement_and_notes() {
    let mut ids = std::collections::HashSet::new();
    for f in FRAMEWORKS {
        assert!(ids.insert(f.id), "duplicate id {}", f.id);
        assert!(
            !f.label.is_empty() && !f.file.is_empty() && !f.placement.is_empty(),
            "{}",
            f.id
        );
        assert!(!f.notes.is_empty(), "{} lists no pitfalls", f.id);
        assert_eq!(
            cors_doctor::generate::framework(f.id).map(|x| x.id),
            Some(f.id)
        );
    }
    // The ids the issue fixes, all present.
    for id in [
        "express",
        "fastify",
        "koa",
        "nestjs",
        "nextjs",
        "hono",
        "node-http",
        "flask",
        "django",
        "fastapi",
        "rails",
        "laravel",
        "php",
        "spring-boot",
        "tomcat",
        "aspnet-core",
        "go-net-http",
        "gin",
        "axum",
        "actix-web",
        "rocket",
        "nginx",
        "apache",
        "caddy",
        "haproxy",
        "traefik",
        "iis",
        "aws-s3",
        "aws-api-gateway",
        "cloudflare-workers",
        "netlify",
        "vercel",
        "firebase-hosting",
        "gcs",
        "azure-blob",
        "vite-proxy",
        "webpack-dev-server",
    ] {
        assert!(ids.contains(id), "{id} missing");
    }
}

fn is_dev_proxy(id: &str) -> bool {
    id.ends_with("-proxy") || id == "webpack-dev-server"
}

#[test]
fn generated_configs_keep_the_security_invariants() {
    for f in FRAMEWORKS {
        for (name, p) in policies() {
            let out = f.render(&p);
            let at = format!("{} / {name}:\n{out}", f.id);
            // Never a wildcard origin (and so never a wildcard with credentials).
            assert!(
                !out.contains("'*'") && !out.contains("\"*\""),
                "wildcard in {at}"
            );
            assert!(
                !out.contains("Allow-Origin: *") && !out.contains("Allow-Origin *"),
                "wildcard in {at}"
            );
            // The allowlist is the policy's, exactly.
            match f.vary {
                Vary::Static if matches!(f.id, "netlify" | "firebase-hosting") => {
                    assert!(
                        out.contains(&p.origins()[0]),
                        "first origin missing in {at}"
                    );
                }
                _ => {
                    for o in p.origins() {
                        assert!(
                            out.contains(o.as_str()) || out.contains(&o.replace('.', "\\.")),
                            "{o} missing in {at}"
                        );
                    }
                }
            }
            // Patterns: anchored and dot-escaped where supported, absent where not.
            if !p.patterns().is_empty() {
                let has_pattern = out.contains(r"([a-z0-9-]+\.)+example\.com")
                    || out.contains(r"([a-z0-9-]+\\.)+example\\.com") // inside a quoted string
                    || out.contains("https://*.example.com");
                assert_eq!(has_pattern, f.patterns, "pattern support in {at}");
                if out.contains("([a-z0-9-]+") {
                    assert!(
                        out.contains("^https:")
                            || out.contains("\\Ahttps:")
                            || out.contains("^(https:"),
                        "unanchored pattern in {at}"
                    );
                }
            }
            if is_dev_proxy(f.id) {
                continue;
            }
            // The origin-dependent answer carries Vary: Origin where the config writes headers.
            if matches!(f.vary, Vary::Config | Vary::Static) {
                assert!(out.contains("Vary"), "no Vary in {at}");
            }
            // Every header is listed by name: Authorization is never left to a wildcard.
            for h in p.headers() {
                assert!(
                    out.to_ascii_lowercase().contains(&h.to_ascii_lowercase()),
                    "{h} missing in {at}"
                );
            }
            for h in p.expose() {
                assert!(
                    out.to_ascii_lowercase().contains(&h.to_ascii_lowercase()),
                    "exposed {h} missing in {at}"
                );
            }
            for m in p.methods() {
                let s3_unsupported = matches!(f.id, "aws-s3" | "cloudflare-r2") && m == "PATCH";
                if !s3_unsupported {
                    assert!(
                        out.to_ascii_lowercase().contains(&m.to_ascii_lowercase()),
                        "{m} missing in {at}"
                    );
                }
            }
            // Credentials only when asked for.
            if matches!(f.vary, Vary::Config | Vary::Static) {
                // (Lines that hide a backend's duplicate header are not sending it.)
                let sends = out.lines().any(|l| {
                    l.contains("Access-Control-Allow-Credentials")
                        && !l.contains("hide_header")
                        && !l.contains("header_down")
                });
                assert_eq!(sends, p.credentials(), "credentials in {at}");
            }
            // A config that answers preflights itself answers with 2xx.
            if f.vary == Vary::Config {
                assert!(
                    out.contains("204") || out.contains("StatusNoContent"),
                    "no 2xx preflight in {at}"
                );
            }
        }
    }
    // Credentials are wired into every target that has a knob for them.
    for f in FRAMEWORKS.iter().filter(|f| {
        !is_dev_proxy(f.id) && !matches!(f.id, "aws-s3" | "gcs" | "azure-blob" | "cloudflare-r2")
    }) {
        let on = PolicySpec {
            origins: &s(&["https://a.example.com"]),
            credentials: true,
            ..PolicySpec::default()
        }
        .validate()
        .unwrap();
        let off = PolicySpec {
            origins: &s(&["https://a.example.com"]),
            ..PolicySpec::default()
        }
        .validate()
        .unwrap();
        assert_ne!(
            f.render(&on),
            f.render(&off),
            "{}: credentials change nothing",
            f.id
        );
    }
}

#[test]
fn nginx_and_apache_send_headers_on_errors_and_merge_vary() {
    let p = &policies()[4].1;
    let nginx = cors_doctor::generate::framework("nginx").unwrap().render(p);
    for line in nginx
        .lines()
        .filter(|l| l.trim_start().starts_with("add_header"))
    {
        assert!(
            line.trim_end()
                .split('#')
                .next()
                .unwrap()
                .trim_end()
                .ends_with("always;"),
            "{line}"
        );
    }
    let apache = cors_doctor::generate::framework("apache")
        .unwrap()
        .render(p);
    for line in apache.lines().filter(|l| l.starts_with("Header ")) {
        assert!(line.starts_with("Header always "), "{line}");
    }
    assert!(apache.contains("Header always merge Vary \"Origin\""));
}

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Writes every rendering of the targets with `ext` to a temp dir and runs `check` on each.
fn check_files(ext: &str, ids: &[&str], check: impl Fn(&std::path::Path) -> Result<(), String>) {
    let dir = std::env::temp_dir().join(format!("cors-doctor-syntax-{}-{ext}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for id in ids {
        let f = cors_doctor::generate::framework(id).unwrap();
        for (name, p) in policies() {
            let path = dir.join(format!("{id}-{name}.{ext}"));
            std::fs::write(&path, f.render(&p)).unwrap();
            if let Err(e) = check(&path) {
                failures.push(format!("{id} / {name}: {e}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn javascript_targets_parse_with_node() {
    assert!(tool("node"), "node is required for the syntax checks");
    check_files(
        "js",
        &[
            "express",
            "koa",
            "node-http",
            "webpack-dev-server",
            "firebase-functions",
            "socket-io",
        ],
        |p| run(Command::new("node").arg("--check").arg(p)),
    );
    check_files("mjs", &["fastify", "cloudflare-workers"], |p| {
        run(Command::new("node").arg("--check").arg(p))
    });
}

#[test]
fn python_targets_compile() {
    assert!(tool("python3"), "python3 is required for the syntax checks");
    check_files("py", &["flask", "django", "fastapi"], |p| {
        run(Command::new("python3")
            .args(["-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())"])
            .arg(p))
    });
}

#[test]
fn json_targets_are_well_formed() {
    check_files(
        "json",
        &[
            "aws-s3",
            "vercel",
            "firebase-hosting",
            "gcs",
            "aws-lambda-url",
            "cloudflare-r2",
        ],
        |p| {
            serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(p).unwrap())
                .map(|_| ())
                .map_err(|e| e.to_string())
        },
    );
}

#[test]
fn xml_targets_are_well_formed() {
    assert!(tool("python3"), "python3 is required for the syntax checks");
    // Tomcat's snippet is a fragment of web.xml: check it inside a root element.
    check_files("xml", &["tomcat", "iis", "azure-blob"], |p| {
        let text = std::fs::read_to_string(p).unwrap();
        let doc = if text.starts_with("<?xml") {
            text
        } else {
            format!("<web-app>{text}</web-app>")
        };
        std::fs::write(p, doc).unwrap();
        run(Command::new("python3")
            .args([
                "-c",
                "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])",
            ])
            .arg(p))
    });
}

/// The matrix's record (src/generate/verified.tsv, shown on the page and in `frameworks
/// --json`): every row is a real target, run in all three engines, every applicable scenario
/// passing; a run that failed anywhere cannot be committed as verified.
#[test]
fn verified_rows_name_a_target_and_pass_in_every_engine() {
    let text = include_str!("../src/generate/verified.tsv");
    let mut rows = 0;
    for line in text.lines() {
        let id = line.split('\t').next().unwrap_or("");
        assert!(
            cors_doctor::generate::framework(id).is_some(),
            "{id} is not a target"
        );
        let (server, passed) = cors_doctor::generate::verified(id).expect("row");
        assert!(!server.is_empty(), "{id}: no server named");
        let engines: Vec<&str> = passed.split(", ").collect();
        assert_eq!(engines.len(), 3, "{id}: {passed}");
        for (engine, want) in engines.iter().zip(["Chromium ", "Firefox ", "WebKit "]) {
            let counts = engine
                .strip_prefix(want)
                .unwrap_or_else(|| panic!("{id}: {passed}"));
            let (n, m) = counts
                .split_once('/')
                .unwrap_or_else(|| panic!("{id}: {passed}"));
            assert!(m.parse::<u32>().unwrap_or(0) >= 8, "{id}: {passed}");
            assert_eq!(n, m, "{id}: not every scenario passed in {engine}");
        }
        rows += 1;
    }
    assert!(rows >= 30, "only {rows} targets verified");
}
