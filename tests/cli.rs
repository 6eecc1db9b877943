//! Black-box tests of the `cors-doctor` binary: real process, real files, real exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cors-doctor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the cors-doctor binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const SAMPLE: &str = "tests/corpus/chrome-missing-allow-origin-500.txt";

#[test]
fn explain_json_reads_a_file() {
    let o = run(&["explain", "--json", SAMPLE], "");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let d = &v["diagnoses"][0];
    assert_eq!(d["kind"], "missing-allow-origin");
    assert_eq!(d["engine"], "chromium");
    assert_eq!(d["stage"], "actual");
    assert_eq!(d["count"], 1);
    assert_eq!(
        d["facts"]["request_url"],
        "https://api.example.com/v1/orders"
    );
    assert_eq!(d["facts"]["page_origin"], "http://localhost:3000");
    assert_eq!(d["facts"]["status"], 500);
    assert_eq!(d["facts"]["method"], "GET");
    assert_eq!(d["facts"]["header"], serde_json::Value::Null);
    assert_eq!(v["diagnoses"].as_array().unwrap().len(), 1);
    assert_eq!(v["unrecognized"], serde_json::json!([]));
}

#[test]
fn explain_reads_stdin_for_people() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let o = run(&["explain"], &text);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("[missing-allow-origin]"), "{out}");
    assert!(out.contains("http://localhost:3000"), "{out}");
    assert!(out.contains("Fix:"), "{out}");
}

#[test]
fn explain_exits_1_when_nothing_is_recognised() {
    let o = run(
        &["explain", "--json"],
        "hello\nReferenceError: x is not defined\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["diagnoses"], serde_json::json!([]));
    assert_eq!(v["unrecognized"][0], "ReferenceError: x is not defined");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["explain", "--bogus"], "").status.code(), Some(2));
    assert_eq!(run(&[], "").status.code(), Some(2));
    let o = run(&["explain", "/nonexistent/file.txt"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read"));
    let o = run(
        &["config", "--framework", "nope", "--origin", "http://a.com"],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    let o = run(
        &[
            "config",
            "--framework",
            "express",
            "--origin",
            "http://a.com/'; evil",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not an origin"));
}

#[test]
fn config_from_a_paste_uses_its_origin() {
    let o = run(&["config", "--framework", "express", "--from", SAMPLE], "");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(stdout(&o).contains("origin: ['http://localhost:3000']"));
    let o = run(
        &[
            "config",
            "--framework",
            "express",
            "--origin",
            "https://app.example.com",
            "--credentials",
            "--header",
            "Authorization",
        ],
        "",
    );
    let out = stdout(&o);
    assert!(
        out.contains("credentials: true") && out.contains("'Authorization'"),
        "{out}"
    );
    let o = run(&["frameworks"], "");
    assert!(stdout(&o).contains("express"));
}

/// `config --from` fills the policy from a real paste: the origin, the method and header the
/// error named, credentials when the kind implies them; options given on the command line win or
/// add what the paste lacks (Firefox does not print the page origin). Snapshots of the printed
/// config for pastes captured from real browsers, and the facts each must carry.
#[test]
fn config_from_real_pastes() {
    let cases: [(&str, &str, &[&str], &[&str]); 4] = [
        ("real-chromium-method-not-allowed", "nginx", &[], &["PATCH"]),
        (
            "real-chromium-header-not-allowed",
            "express",
            &[],
            &["'authorization'", "'Authorization'"],
        ),
        (
            "real-chromium-credentials-not-true",
            "flask",
            &[],
            &["supports_credentials=True"],
        ),
        (
            "firefox-header-not-allowed",
            "caddy",
            &["--origin", "https://app.example.com"],
            &["X-Apollo-Operation-Name"],
        ),
    ];
    for (paste, framework, extra, must) in cases {
        let file = format!("tests/corpus/{paste}.txt");
        let mut args = vec!["config", "--framework", framework, "--from", &file];
        args.extend_from_slice(extra);
        let o = run(&args, "");
        assert_eq!(o.status.code(), Some(0), "{paste}: {o:?}");
        let out = stdout(&o);
        let text = std::fs::read_to_string(&file).unwrap();
        let report = cors_doctor::parse::diagnose(&text);
        let origin = report.diagnoses[0]
            .facts
            .page_origin
            .clone()
            .unwrap_or_else(|| extra[1].to_string());
        // nginx writes the allowlist as an anchored regex, dots escaped.
        assert!(
            out.contains(&origin) || out.contains(&origin.replace('.', "\\.")),
            "{paste}: origin {origin} missing"
        );
        assert!(
            must.iter().any(|m| out.contains(m)),
            "{paste}: none of {must:?} in\n{out}"
        );
        insta::assert_snapshot!(format!("from-{paste}-{framework}"), out);
    }
    // A paste with nothing recognised cannot fill a policy: exit 2 with the reason.
    let o = run(
        &[
            "config",
            "--framework",
            "nginx",
            "--from",
            "tests/corpus/negative-js-error.txt",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no CORS error recognised"));
}

/// A file larger than the limit is read up to the limit only (memory stays bounded), with the
/// same message as the page; the same paste through --from too.
#[test]
fn files_are_read_up_to_the_documented_limit() {
    let dir = std::env::temp_dir().join(format!("cors-doctor-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.txt");
    let line = std::fs::read_to_string(SAMPLE).unwrap();
    let mut text = String::new();
    while text.len() <= cors_doctor::parse::MAX_INPUT_BYTES + 4096 {
        text.push_str(&line);
        text.push('\n');
    }
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let o = run(&["explain", p], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("note: the paste is very large: only its first 8 MB were analysed"),
        "{}",
        &stdout(&o)[..200]
    );
    let o = run(&["config", "--framework", "express", "--from", p], "");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Error messages never echo control or bidi characters from the user's own arguments.
#[test]
fn error_messages_escape_control_and_bidi_characters() {
    for args in [
        vec![
            "config",
            "--framework",
            "nginx",
            "--origin",
            "https://a.com\u{1b}[2J\u{202e}",
        ],
        vec!["config", "--framework", "x\u{1b}]0;pwned\u{7}"],
        vec![
            "config",
            "--framework",
            "nginx",
            "--origin",
            "https://a.com",
            "--max-age",
            "1\u{1b}[31m",
        ],
        vec![
            "config",
            "--framework",
            "nginx",
            "--origin",
            "https://a.com",
            "--pattern",
            "https://*.com\u{2066}",
        ],
        vec!["explain", "/nonexistent/\u{1b}[2Jfile"],
    ] {
        let o = run(&args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !err.chars()
                .any(|c| (c.is_control() && c != '\n')
                    || cors_doctor::facts::is_invisible_control(c)),
            "{args:?} printed {err:?}"
        );
        // Our own messages show the character escaped; clap drops terminal escape sequences.
        if !args.contains(&"--max-age") {
            assert!(
                err.contains("\\u{"),
                "{args:?}: the character is shown escaped: {err:?}"
            );
        }
    }
}

/// Public suffixes and origins no browser sends are refused with the reason; origins are
/// written as browsers serialize them.
#[test]
fn patterns_over_public_suffixes_and_unsendable_origins_are_refused() {
    let o = run(
        &[
            "config",
            "--framework",
            "nginx",
            "--origin",
            "https://app.example.com",
            "--pattern",
            "https://*.com",
            "--credentials",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("public suffix \"com\""));
    for bad in [
        "javascript://a.com",
        "https://999.999.999.999",
        "https://[:::]",
        "file://a.com",
    ] {
        let o = run(&["config", "--framework", "nginx", "--origin", bad], "");
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
    let o = run(
        &[
            "config",
            "--framework",
            "express",
            "--origin",
            "HTTPS://A.com:443",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("'https://a.com'"), "{}", stdout(&o));
}

/// `| head` closes the pipe early: the CLI stops quietly, no panic message.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cors-doctor"))
        .args(["explain", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let line = std::fs::read_to_string(SAMPLE).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..3000 {
            let _ = stdin.write_all(line.replace("orders", &format!("orders{i}")).as_bytes());
        }
    });
    drop(child.stdout.take()); // the reader goes away before the output is written
    writer.join().unwrap();
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

/// `config --from` says which facts of the error it could not use, and what the target cannot
/// carry, on standard error next to the config.
#[test]
fn config_from_says_what_it_could_not_use() {
    let dir = std::env::temp_dir().join(format!("cors-doctor-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("patch.txt");
    std::fs::write(&path, "Access to fetch at 'https://b.example.com/f' from origin 'null' has been blocked by CORS policy: Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response.").unwrap();
    let o = run(
        &[
            "config",
            "--framework",
            "aws-s3",
            "--from",
            path.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("note: The page origin is null"), "{err}");
    assert!(err.contains("PATCH cannot be allowed on a bucket"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A loopback server for `check`: answers each request with `answer(method, origin)`, for at
/// most `max` connections (each read bounded by a timeout); returns its base URL. Like WEBrick,
/// it refuses a request of a method with a body that has no Content-Length (411), as a browser
/// never sends one.
fn loopback(max: usize, answer: fn(&str, &str) -> String) -> String {
    use std::io::{BufRead, BufReader};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max) {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            let method = first.split(' ').next().unwrap_or("").to_string();
            let mut origin = String::new();
            let mut length = false;
            for _ in 0..100 {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                length |= line.to_ascii_lowercase().starts_with("content-length:");
                if let Some(v) = line
                    .strip_prefix("Origin: ")
                    .or_else(|| line.strip_prefix("origin: "))
                {
                    origin = v.trim().to_string();
                }
            }
            let head = if matches!(method.as_str(), "GET" | "HEAD" | "OPTIONS") || length {
                answer(&method, &origin)
            } else {
                "HTTP/1.1 411 Length Required\r\n".to_string()
            };
            let _ = stream.write_all(
                format!("{head}Content-Length: 2\r\nConnection: close\r\n\r\n{{}}").as_bytes(),
            );
        }
    });
    base
}

#[test]
fn check_passes_a_correct_server_and_names_the_failing_step_of_a_wrong_one() {
    // Allows http://localhost:3000 with PUT and Authorization, on every answer.
    let good = loopback(4, |method, origin| {
        let allow = if origin == "http://localhost:3000" {
            "Access-Control-Allow-Origin: http://localhost:3000\r\nVary: Origin\r\n"
        } else {
            "Vary: Origin\r\n"
        };
        let status = if method == "OPTIONS" {
            "204 No Content"
        } else {
            "200 OK"
        };
        format!("HTTP/1.1 {status}\r\n{allow}Access-Control-Allow-Methods: GET, PUT\r\nAccess-Control-Allow-Headers: Authorization\r\n")
    });
    let url = format!("{good}/api/items");
    let o = run(
        &[
            "check",
            &url,
            "--origin",
            "http://localhost:3000",
            "--method",
            "PUT",
            "--header",
            "Authorization: Bearer t",
        ],
        "",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout(&o).starts_with("PASS"));
    // No Allow-Headers for Authorization: the preflight fails there.
    let narrow = loopback(2, |_, origin| {
        format!("HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: {origin}\r\nAccess-Control-Allow-Methods: PUT\r\n")
    });
    let url = format!("{narrow}/api/items");
    let o = run(
        &[
            "check",
            &url,
            "--origin",
            "http://localhost:3000",
            "--method",
            "PUT",
            "--header",
            "Authorization: Bearer t",
            "--json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["kind"], "header-not-allowed");
}

#[test]
fn check_audit_flags_a_server_that_reflects_any_origin() {
    let reflecting = loopback(12, |_, origin| {
        format!("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: {origin}\r\nAccess-Control-Allow-Credentials: true\r\n")
    });
    let o = run(
        &[
            "check",
            &format!("{reflecting}/api"),
            "--origin",
            "https://app.example.com",
            "--audit",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("AUDIT null")
            && out.contains("AUDIT https://evilexample.com")
            && out.contains("with credentials"),
        "{out}"
    );
    // Nothing listens: a network error is exit 3, not a verdict.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let o = run(
        &[
            "check",
            &format!("http://{closed}/x"),
            "--origin",
            "https://a.example",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    let o = run(&["check", "ftp://a/x", "--origin", "https://a.example"], "");
    assert_eq!(o.status.code(), Some(2));
}
