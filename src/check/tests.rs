//! Unit tests of [`super`] (crate::check).

use super::*;

fn resp(status: u16, headers: &[(&str, &str)]) -> Response {
    Response {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
    }
}

fn req(method: &str, headers: &[(&str, &str)], credentials: bool) -> Request {
    Request {
        origin: Some("http://localhost:3000".into()),
        url: Some("https://api.example.com/x".into()),
        method: method.into(),
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        credentials,
    }
}

/// The verdict on a request answered without a preflight.
fn after(r: Request, actual: Response) -> Verdict {
    check(&Exchange {
        request: r,
        actual: Some(actual),
        ..Exchange::default()
    })
}

fn kind(r: Request, pre: Option<Response>, actual: Option<Response>) -> Option<(KindId, Stage)> {
    check(&Exchange {
        request: r,
        preflight: pre,
        actual,
        ..Exchange::default()
    })
    .failure
}

const O: &str = "http://localhost:3000";

#[test]
fn a_no_cors_load_is_decided_by_cross_origin_resource_policy() {
    let load = |origin: &str, url: &str, policy: Option<&str>| {
        let mut r = req("GET", &[("Sec-Fetch-Mode", "no-cors")], false);
        r.origin = Some(origin.into());
        r.url = Some(url.into());
        let headers: Vec<(&str, &str)> = policy
            .map(|p| ("Cross-Origin-Resource-Policy", p))
            .into_iter()
            .collect();
        after(r, resp(200, &headers))
    };
    let corp = Some((KindId::CorpBlocked, Stage::Actual));
    let img = "https://cdn.example.com/a.png";
    // #cross-origin-resource-policy-internal-check, rule by rule.
    assert_eq!(load(O, img, None).failure, None);
    assert_eq!(load(O, img, Some("cross-origin")).failure, None);
    assert_eq!(load(O, img, Some("nonsense")).failure, None);
    assert_eq!(load(O, img, Some("same-origin")).failure, corp);
    assert_eq!(
        load("https://cdn.example.com", img, Some("same-origin")).failure,
        None
    );
    assert_eq!(
        load(O, img, Some("Same-Site")).failure,
        None,
        "case-sensitive"
    );
    assert_eq!(load(O, img, Some("same-site")).failure, corp);
    // An IP address is never the same site as another origin (Chromium).
    assert_eq!(
        load(
            "http://127.0.0.1:3000",
            "http://127.0.0.1:8080/a",
            Some("same-site")
        )
        .failure,
        corp
    );
    assert_eq!(
        load(
            "http://127.0.0.1:3000",
            "http://127.0.0.1:3000/a",
            Some("same-origin")
        )
        .failure,
        None
    );
    assert_eq!(
        load("https://www.example.com", img, Some("same-site")).failure,
        None
    );
    assert_eq!(
        load(
            "https://www.example.co.uk",
            "https://cdn.other.co.uk/a",
            Some("same-site")
        )
        .failure,
        corp
    );
    // An http page may not load a same-site https resource; the other way round it may.
    assert_eq!(
        load("http://www.example.com", img, Some("same-site")).failure,
        corp
    );
    assert_eq!(
        load(
            "https://www.example.com",
            "http://cdn.example.com/a",
            Some("same-site")
        )
        .failure,
        None
    );
    // The failing answer marks the policy; a CORS-mode request ignores CORP.
    let v = load(O, img, Some("same-origin"));
    assert!(v.shown.contains(&(
        "Cross-Origin-Resource-Policy: same-origin".to_string(),
        true
    )));
    assert_eq!(
        after(
            req("GET", &[], false),
            resp(
                200,
                &[
                    ("Access-Control-Allow-Origin", "*"),
                    ("Cross-Origin-Resource-Policy", "same-origin")
                ]
            )
        )
        .failure,
        None
    );
}

#[test]
fn a_private_network_preflight_wants_its_header() {
    let pna = |answer: &[(&str, &str)]| {
        check(&Exchange {
            request: req("GET", &[], false),
            preflight: Some(resp(204, answer)),
            private_network: true,
            ..Exchange::default()
        })
    };
    let v = pna(&[("Access-Control-Allow-Origin", O)]);
    assert_eq!(v.failure, Some((KindId::PrivateNetwork, Stage::Preflight)));
    assert!(v.engines[0].contains("Only Chromium"));
    assert!(v.shown.contains(&(
        "access-control-allow-private-network: (absent)".to_string(),
        true
    )));
    let ok = [
        ("Access-Control-Allow-Origin", O),
        ("Access-Control-Allow-Private-Network", "true"),
    ];
    assert_eq!(pna(&ok).failure, None);
    // The CORS check of the preflight comes first.
    assert_eq!(
        pna(&[("Access-Control-Allow-Private-Network", "true")]).failure,
        Some((KindId::MissingAllowOrigin, Stage::Preflight))
    );
}

#[test]
fn firefox_names_a_missing_method_before_invalid_allow_headers() {
    // Allow-Methods listed without the method, or absent: Firefox names the method.
    for methods in [Some("GET"), None] {
        let mut answer = vec![
            ("Access-Control-Allow-Origin", O),
            ("Access-Control-Allow-Headers", "x-token, (bad)"),
        ];
        answer.extend(methods.map(|m| ("Access-Control-Allow-Methods", m)));
        let v = check(&Exchange {
            request: req("PUT", &[("X-Token", "1")], false),
            preflight: Some(resp(204, &answer)),
            ..Exchange::default()
        });
        assert_eq!(
            v.failure,
            Some((KindId::InvalidAllowMethodsOrHeaders, Stage::Preflight))
        );
        assert!(
            v.engines
                .iter()
                .any(|e| e.starts_with("Firefox reports the method")),
            "{methods:?}"
        );
    }
    // Allowed by `*`: nothing to say.
    let v = check(&Exchange {
        request: req("PUT", &[("X-Token", "1")], false),
        preflight: Some(resp(
            204,
            &[
                ("Access-Control-Allow-Origin", O),
                ("Access-Control-Allow-Methods", "*"),
                ("Access-Control-Allow-Headers", "(bad)"),
            ],
        )),
        ..Exchange::default()
    });
    assert!(v.engines.is_empty());
}

#[test]
fn when_a_preflight_is_needed() {
    assert!(!req("GET", &[], false).needs_preflight());
    assert!(!req(
        "POST",
        &[("Content-Type", "text/plain;charset=UTF-8")],
        false
    )
    .needs_preflight());
    assert!(req("POST", &[("Content-Type", "application/json")], false).needs_preflight());
    assert!(req("PUT", &[], false).needs_preflight());
    assert!(req("GET", &[("Authorization", "Bearer x")], false).needs_preflight());
    assert!(
        req("GET", &[("Accept", "a\"b")], false).needs_preflight(),
        "an unsafe byte"
    );
    assert!(
        req("GET", &[("Accept", &"a".repeat(129))], false).needs_preflight(),
        "over 128 bytes"
    );
    assert!(
        !req(
            "GET",
            &[
                ("User-Agent", "x"),
                ("Sec-Fetch-Mode", "cors"),
                ("Origin", O)
            ],
            false
        )
        .needs_preflight(),
        "the browser's own"
    );
    assert!(!req("GET", &[("Range", "bytes=0-99")], false).needs_preflight());
    assert!(req("GET", &[("Range", "bytes=0-1,5-9")], false).needs_preflight());
}

#[test]
fn the_cors_check_rule_by_rule() {
    let get = || req("GET", &[], false);
    let cred = || req("GET", &[], true);
    assert_eq!(
        kind(get(), None, Some(resp(200, &[]))),
        Some((KindId::MissingAllowOrigin, Stage::Actual))
    );
    assert_eq!(
        kind(
            get(),
            None,
            Some(resp(200, &[("Access-Control-Allow-Origin", "*")]))
        ),
        None
    );
    assert_eq!(
        kind(
            cred(),
            None,
            Some(resp(200, &[("Access-Control-Allow-Origin", "*")]))
        ),
        Some((KindId::WildcardWithCredentials, Stage::Actual))
    );
    assert_eq!(
        kind(
            get(),
            None,
            Some(resp(
                200,
                &[("Access-Control-Allow-Origin", "http://localhost:3001")]
            ))
        ),
        Some((KindId::OriginMismatch, Stage::Actual))
    );
    assert_eq!(
        kind(
            get(),
            None,
            Some(resp(
                200,
                &[("Access-Control-Allow-Origin", "http://localhost:3000/")]
            ))
        ),
        Some((KindId::OriginMismatch, Stage::Actual)),
        "a trailing slash is a mismatch, as Chromium reports it"
    );
    assert_eq!(
        kind(
            get(),
            None,
            Some(resp(
                200,
                &[("Access-Control-Allow-Origin", "localhost:3000")]
            ))
        ),
        Some((KindId::InvalidAllowOrigin, Stage::Actual))
    );
    assert_eq!(
        kind(
            get(),
            None,
            Some(resp(
                200,
                &[
                    ("Access-Control-Allow-Origin", O),
                    ("Access-Control-Allow-Origin", O)
                ]
            ))
        ),
        Some((KindId::MultipleAllowOrigin, Stage::Actual))
    );
    assert_eq!(
        kind(
            get(),
            None,
            Some(resp(500, &[("access-control-allow-origin", O)]))
        ),
        None,
        "any status, names in any case"
    );
    assert_eq!(
        kind(
            cred(),
            None,
            Some(resp(200, &[("Access-Control-Allow-Origin", O)]))
        ),
        Some((KindId::CredentialsNotTrue, Stage::Actual))
    );
    assert_eq!(
        kind(
            cred(),
            None,
            Some(resp(
                200,
                &[
                    ("Access-Control-Allow-Origin", O),
                    ("Access-Control-Allow-Credentials", "True")
                ]
            ))
        ),
        Some((KindId::CredentialsNotTrue, Stage::Actual)),
        "exactly true"
    );
    assert_eq!(
        kind(
            cred(),
            None,
            Some(resp(
                200,
                &[
                    ("Access-Control-Allow-Origin", O),
                    ("Access-Control-Allow-Credentials", "true")
                ]
            ))
        ),
        None
    );
}

#[test]
fn the_preflight_rule_by_rule() {
    let put = |h: &[(&str, &str)]| req("PUT", h, false);
    let ok = |extra: &[(&str, &str)]| {
        let mut h = vec![("Access-Control-Allow-Origin", O)];
        h.extend_from_slice(extra);
        resp(204, &h)
    };
    assert_eq!(
        kind(
            put(&[]),
            Some(resp(301, &[("Location", "https://x")])),
            None
        ),
        Some((KindId::PreflightRedirect, Stage::Preflight))
    );
    assert_eq!(
        kind(put(&[]), Some(resp(404, &[])), None),
        Some((KindId::MissingAllowOrigin, Stage::Preflight))
    );
    assert_eq!(
        kind(
            put(&[]),
            Some(resp(401, &[("Access-Control-Allow-Origin", O)])),
            None
        ),
        Some((KindId::PreflightBadStatus, Stage::Preflight))
    );
    assert_eq!(
        kind(put(&[]), Some(ok(&[])), None),
        Some((KindId::MethodNotAllowed, Stage::Preflight))
    );
    assert_eq!(
        kind(
            put(&[]),
            Some(ok(&[("Access-Control-Allow-Methods", "GET, PUT")])),
            None
        ),
        None
    );
    assert_eq!(
        kind(
            put(&[]),
            Some(ok(&[("Access-Control-Allow-Methods", "put")])),
            None
        ),
        Some((KindId::MethodNotAllowed, Stage::Preflight)),
        "methods compare case-sensitively"
    );
    assert_eq!(
        kind(
            put(&[]),
            Some(ok(&[("Access-Control-Allow-Methods", "*")])),
            None
        ),
        None
    );
    assert_eq!(
        kind(
            req("PUT", &[], true),
            Some(ok(&[
                ("Access-Control-Allow-Methods", "*"),
                ("Access-Control-Allow-Credentials", "true")
            ])),
            None
        ),
        Some((KindId::MethodNotAllowed, Stage::Preflight)),
        "* is literal with credentials"
    );
    assert_eq!(
        kind(
            put(&[]),
            Some(ok(&[("Access-Control-Allow-Methods", "PUT DELETE")])),
            None
        ),
        Some((KindId::InvalidAllowMethodsOrHeaders, Stage::Preflight))
    );
    let auth = [("Authorization", "Bearer t")];
    assert_eq!(
        kind(
            put(&auth),
            Some(ok(&[("Access-Control-Allow-Methods", "PUT")])),
            None
        ),
        Some((KindId::HeaderNotAllowed, Stage::Preflight))
    );
    assert_eq!(
        kind(
            put(&auth),
            Some(ok(&[
                ("Access-Control-Allow-Methods", "PUT"),
                ("Access-Control-Allow-Headers", "*")
            ])),
            None
        ),
        None,
        "browsers still let Authorization through *: a passing step with a warning"
    );
    assert_eq!(
        kind(
            put(&auth),
            Some(ok(&[
                ("Access-Control-Allow-Methods", "PUT"),
                ("Access-Control-Allow-Headers", "authorization")
            ])),
            None
        ),
        None,
        "header names compare case-insensitively"
    );
    assert_eq!(
        kind(
            put(&[("X-Key", "1")]),
            Some(ok(&[
                ("Access-Control-Allow-Methods", "PUT"),
                ("Access-Control-Allow-Headers", "*")
            ])),
            None
        ),
        None
    );
    // A passing preflight, then the actual response decides.
    assert_eq!(
        kind(
            put(&[]),
            Some(ok(&[("Access-Control-Allow-Methods", "PUT")])),
            Some(resp(200, &[]))
        ),
        Some((KindId::MissingAllowOrigin, Stage::Actual))
    );
    let v = check(&Exchange {
        request: put(&[]),
        preflight: Some(resp(404, &[])),
        actual: None,
        ..Exchange::default()
    });
    assert!(
        !v.engines.is_empty(),
        "WebKit reports a failed preflight by its status"
    );
}

#[test]
fn layers_and_caches_are_named() {
    let steps = |r: Request, actual: Response| after(r, actual).steps;
    // Two layers: the failing step names the ones the response shows.
    let s = steps(
        req("GET", &[], false),
        resp(
            200,
            &[
                ("Server", "nginx/1.22.1"),
                ("X-Powered-By", "Express"),
                ("Access-Control-Allow-Origin", O),
                ("Access-Control-Allow-Origin", O),
            ],
        ),
    );
    let last = &s.last().unwrap().what;
    assert!(
        last.contains("Server: nginx/1.22.1; X-Powered-By: Express")
            && last.contains("let one add it"),
        "{last}"
    );
    // A cached answer for another origin: the mismatch says where it came from.
    let s = steps(
        req("GET", &[], false),
        resp(
            200,
            &[
                ("Access-Control-Allow-Origin", "https://app.example.com"),
                ("Age", "120"),
            ],
        ),
    );
    assert!(
        s.last().unwrap().what.contains("from a cache (Age: 120)"),
        "{s:?}"
    );
    // A passing answer from a cache without Vary: Origin: a warning, still readable.
    let cached = |vary: Option<&str>, age: &str| {
        let mut h = vec![("Access-Control-Allow-Origin", O), ("X-Cache", age)];
        h.extend(vary.map(|v| ("Vary", v)));
        steps(req("GET", &[], false), resp(200, &h))
    };
    let s = cached(None, "Hit from cloudfront");
    assert!(
        s.iter().all(|x| x.pass) && s.last().unwrap().what.contains("without Vary: Origin"),
        "{s:?}"
    );
    assert!(
        !cached(Some("Accept-Encoding, Origin"), "Hit from cloudfront")
            .iter()
            .any(|x| x.what.contains("Vary"))
    );
    assert!(!cached(None, "Miss from cloudfront")
        .iter()
        .any(|x| x.what.contains("Vary")));
    assert!(!steps(
        req("GET", &[], false),
        resp(200, &[("Access-Control-Allow-Origin", "*"), ("Age", "5")])
    )
    .iter()
    .any(|x| x.what.contains("Vary")));
}

#[test]
fn the_failing_answer_is_shown_with_the_header_at_fault_marked() {
    let shown = |r: Request, pre: Option<Response>, actual: Option<Response>| {
        check(&Exchange {
            request: r,
            preflight: pre,
            actual,
            ..Exchange::default()
        })
        .shown
    };
    let marked = |v: &[(String, bool)]| -> Vec<String> {
        v.iter()
            .filter(|(_, m)| *m)
            .map(|(l, _)| l.clone())
            .collect()
    };
    // The method missing from a preflight's list.
    let v = shown(
        req("PUT", &[], false),
        Some(resp(
            204,
            &[
                ("Access-Control-Allow-Origin", O),
                ("access-control-allow-methods", "GET"),
            ],
        )),
        None,
    );
    assert_eq!(v[0], ("HTTP 204".to_string(), false));
    assert_eq!(marked(&v), ["access-control-allow-methods: GET"]);
    // A header that is absent is listed as such.
    let v = shown(
        req("GET", &[], false),
        None,
        Some(resp(200, &[("Content-Type", "text/plain")])),
    );
    assert_eq!(marked(&v), ["access-control-allow-origin: (absent)"]);
    // A bad status marks the status line; a passing exchange shows nothing.
    let v = shown(
        req("PUT", &[], false),
        Some(resp(401, &[("Access-Control-Allow-Origin", O)])),
        None,
    );
    assert_eq!(marked(&v), ["HTTP 401"]);
    assert!(shown(
        req("GET", &[], false),
        None,
        Some(resp(200, &[("Access-Control-Allow-Origin", "*")]))
    )
    .is_empty());
    // Redirects (with Allow-Origin, so the redirect itself passes the CORS check): a data:
    // target or a password fails; another origin taints the origin; a path is followed.
    for (location, failure, says) in [
        (
            "data:text/plain,hi",
            Some((KindId::RedirectNotAllowed, Stage::Actual)),
            "does not follow",
        ),
        (
            "https://u:p@api.example.com/x",
            Some((KindId::RedirectNotAllowed, Stage::Actual)),
            "does not follow",
        ),
        ("https://other.example.org/x", None, "Origin: null"),
        ("/elsewhere", None, "/elsewhere is followed."),
    ] {
        let v = after(
            req("GET", &[], false),
            resp(
                302,
                &[("Access-Control-Allow-Origin", O), ("Location", location)],
            ),
        );
        assert_eq!(v.failure, failure, "{location}");
        assert!(
            v.steps.last().unwrap().what.contains(says),
            "{location}: {:?}",
            v.steps
        );
        if failure.is_some() {
            assert_eq!(marked(&v.shown), [format!("Location: {location}")]);
        }
    }
}
