//! Property tests of the Fetch-standard checker (src/check.rs): generated requests and server
//! answers, and what must hold for all of them. The table tests per rule are in src/check.rs;
//! agreement with real browsers is tests/differential (Chromium 1,000 cases a run).
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::catalog::{KindId, Stage};
use cors_doctor::check::{check, Exchange, Header, Request, Response};
use proptest::prelude::*;

const ORIGINS: [&str; 3] = [
    "http://localhost:3000",
    "https://app.example.com",
    "http://127.0.0.1:8080",
];
const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "PURGE"];
/// Request headers a page sets: safelisted ones (by value) and unsafe ones.
const HEADERS: [(&str, &str); 7] = [
    ("Authorization", "Bearer x"),
    ("Content-Type", "application/json"),
    ("X-Api-Key", "k1"),
    ("Accept", "application/json"),
    ("Accept-Language", "en-US"),
    ("Range", "bytes=0-99"),
    ("X-Requested-With", "XMLHttpRequest"),
];

fn request() -> impl Strategy<Value = Request> {
    (
        0..ORIGINS.len(),
        0..METHODS.len(),
        proptest::collection::btree_set(0..HEADERS.len(), 0..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(o, m, hs, credentials, plain)| {
            let mut headers: Vec<Header> = hs
                .into_iter()
                .map(|i| (HEADERS[i].0.to_string(), HEADERS[i].1.to_string()))
                .collect();
            if plain {
                headers.push(("Content-Type".into(), "text/plain;charset=UTF-8".into()));
                headers.retain(|(n, v)| n != "Content-Type" || v.starts_with("text/plain"));
            }
            Request {
                origin: Some(ORIGINS[o].to_string()),
                url: Some("https://api.example.net/v1/items".into()),
                method: METHODS[m].to_string(),
                headers,
                credentials,
            }
        })
}

fn h(name: &str, value: &str) -> Header {
    (name.to_string(), value.to_string())
}

/// What a correctly configured server answers for `req`.
fn good(req: &Request) -> Exchange {
    let origin = req.origin.clone().unwrap_or_default();
    let mut cors = vec![
        h("Access-Control-Allow-Origin", &origin),
        h("Vary", "Origin"),
    ];
    if req.credentials {
        cors.push(h("Access-Control-Allow-Credentials", "true"));
    }
    let mut pre = cors.clone();
    pre.push(h("Access-Control-Allow-Methods", &req.method));
    let names = req.unsafe_header_names();
    if !names.is_empty() {
        pre.push(h("Access-Control-Allow-Headers", &names.join(", ")));
    }
    Exchange {
        request: req.clone(),
        preflight: req.needs_preflight().then_some(Response {
            status: 204,
            headers: pre,
        }),
        actual: Some(Response {
            status: 200,
            headers: cors,
        }),
        ..Exchange::default()
    }
}

/// Any server: each CORS header absent, right, or wrong in one of the usual ways.
fn answer(
    origin: &str,
    method: &str,
    names: &[String],
    preflight: bool,
) -> impl Strategy<Value = Response> {
    let origin = origin.to_string();
    let method = method.to_string();
    let names = names.join(", ");
    (
        prop::sample::select(vec![200u16, 204, 301, 401, 404, 500]),
        0..7usize,
        0..4usize,
        0..5usize,
        0..4usize,
    )
        .prop_map(move |(status, acao, acac, acam, acah)| {
            let mut headers = Vec::new();
            match acao {
                1 | 2 => headers.push(h("Access-Control-Allow-Origin", &origin)),
                3 => headers.push(h("Access-Control-Allow-Origin", "*")),
                4 => headers.push(h("Access-Control-Allow-Origin", "https://other.example")),
                5 => headers.push(h("Access-Control-Allow-Origin", &format!("{origin}/"))),
                6 => {
                    headers.push(h("Access-Control-Allow-Origin", &origin));
                    headers.push(h("Access-Control-Allow-Origin", &origin));
                }
                _ => {}
            }
            match acac {
                1 => headers.push(h("Access-Control-Allow-Credentials", "true")),
                2 => headers.push(h("Access-Control-Allow-Credentials", "TRUE")),
                3 => headers.push(h("Access-Control-Allow-Credentials", "false")),
                _ => {}
            }
            if preflight {
                match acam {
                    1 => headers.push(h("Access-Control-Allow-Methods", &method)),
                    2 => headers.push(h("Access-Control-Allow-Methods", "*")),
                    3 => headers.push(h("Access-Control-Allow-Methods", "GET, POST")),
                    4 => headers.push(h("Access-Control-Allow-Methods", "PUT,,(")),
                    _ => {}
                }
                match acah {
                    1 => headers.push(h("Access-Control-Allow-Headers", &names)),
                    2 => headers.push(h("Access-Control-Allow-Headers", "*")),
                    3 => headers.push(h("Access-Control-Allow-Headers", "x-other")),
                    _ => {}
                }
            }
            Response {
                status: if preflight { status } else { status.min(299) },
                headers,
            }
        })
}

fn exchange() -> impl Strategy<Value = Exchange> {
    request().prop_flat_map(|req| {
        let origin = req.origin.clone().unwrap_or_default();
        let names = req.unsafe_header_names();
        let pre = answer(&origin, &req.method, &names, true);
        let actual = answer(&origin, &req.method, &names, false);
        (Just(req), pre, actual).prop_map(|(request, pre, actual)| {
            let needs = request.needs_preflight();
            Exchange {
                request,
                preflight: needs.then_some(pre),
                actual: Some(actual),
                ..Exchange::default()
            }
        })
    })
}

/// The same headers with names in another case and values with spaces around them.
fn restyled(r: &Response, seed: u64) -> Response {
    let mut s = seed;
    let headers = r
        .headers
        .iter()
        .map(|(n, v)| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let name: String = n
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if (s >> (i % 60)) & 1 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            let pad = if s & 1 == 1 { " " } else { "\t" };
            (name, format!("{pad}{v}{pad}"))
        })
        .collect();
    Response {
        status: r.status,
        headers,
    }
}

fn failure(ex: &Exchange) -> Option<(KindId, Stage)> {
    check(ex).failure
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// A server that answers as the standard asks lets every request through, with every step
    /// passing.
    #[test]
    fn a_correct_server_passes_every_request(req in request()) {
        let v = check(&good(&req));
        prop_assert_eq!(v.failure, None, "{:?}", v.steps);
        prop_assert!(v.steps.iter().all(|s| s.pass));
    }

    /// The verdict is one story: it fails exactly when its last step fails, and no step before
    /// the last one failed.
    #[test]
    fn the_first_failing_step_is_the_last_step(ex in exchange()) {
        let v = check(&ex);
        let failed: Vec<usize> = v.steps.iter().enumerate().filter(|(_, s)| !s.pass).map(|(i, _)| i).collect();
        match v.failure {
            Some(_) => prop_assert_eq!(failed, vec![v.steps.len() - 1]),
            None => prop_assert!(failed.is_empty()),
        }
    }

    /// Header names are case-insensitive and values are trimmed: restyling them changes
    /// nothing.
    #[test]
    fn case_and_spacing_of_headers_do_not_matter(ex in exchange(), seed in any::<u64>()) {
        let mut other = ex.clone();
        other.preflight = ex.preflight.as_ref().map(|r| restyled(r, seed));
        other.actual = ex.actual.as_ref().map(|r| restyled(r, seed ^ 0x9e37));
        prop_assert_eq!(failure(&ex), failure(&other));
    }

    /// The order of distinct response headers does not matter.
    #[test]
    fn order_of_headers_does_not_matter(ex in exchange()) {
        let mut other = ex.clone();
        if let Some(r) = other.actual.as_mut() { r.headers.reverse(); }
        if let Some(r) = other.preflight.as_mut() { r.headers.reverse(); }
        prop_assert_eq!(failure(&ex), failure(&other));
    }

    /// Without Access-Control-Allow-Origin the response is never readable: removing it from a
    /// correct answer fails at the preflight when there is one, else at the response.
    #[test]
    fn no_allow_origin_never_passes(req in request()) {
        let mut ex = good(&req);
        let strip = |r: &mut Response| r.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("access-control-allow-origin"));
        if let Some(a) = ex.actual.as_mut() { strip(a); }
        prop_assert_eq!(failure(&ex), Some((KindId::MissingAllowOrigin, Stage::Actual)));
        if let Some(p) = ex.preflight.as_mut() {
            strip(p);
            prop_assert_eq!(failure(&ex), Some((KindId::MissingAllowOrigin, Stage::Preflight)));
        }
    }

    /// Two layers adding Allow-Origin fail even when each value alone is right.
    #[test]
    fn a_doubled_allow_origin_fails(req in request()) {
        let mut ex = good(&req);
        let origin = req.origin.clone().unwrap_or_default();
        if let Some(a) = ex.actual.as_mut() { a.headers.push(h("Access-Control-Allow-Origin", &origin)); }
        prop_assert_eq!(failure(&ex), Some((KindId::MultipleAllowOrigin, Stage::Actual)));
    }

    /// `*` is never accepted with credentials, and accepted without them.
    #[test]
    fn the_wildcard_depends_on_credentials(req in request()) {
        let mut ex = good(&req);
        if let Some(a) = ex.actual.as_mut() {
            for (n, v) in a.headers.iter_mut() {
                if n == "Access-Control-Allow-Origin" { *v = "*".into(); }
            }
        }
        let want = req.credentials.then_some((KindId::WildcardWithCredentials, Stage::Actual));
        prop_assert_eq!(failure(&ex), want);
    }

    /// When no preflight is needed, whatever a preflight answer says is irrelevant.
    #[test]
    fn a_preflight_that_is_not_needed_is_ignored(ex in exchange(), junk in answer(ORIGINS[0], "PUT", &[], true)) {
        let mut ex = ex;
        ex.request.method = "GET".into();
        ex.request.headers.retain(|(n, v)| cors_doctor::check::safelisted_header(n, v));
        ex.preflight = None;
        prop_assert!(!ex.request.needs_preflight());
        let mut other = ex.clone();
        other.preflight = Some(junk);
        prop_assert_eq!(failure(&ex), failure(&other));
    }

    /// Anything at all: no panic, and a verdict with at least the first step.
    #[test]
    fn arbitrary_text_never_panics(
        method in ".{0,12}",
        origin in ".{0,40}",
        names in proptest::collection::vec((".{0,20}", ".{0,60}"), 0..6),
        status in any::<u16>(),
        credentials in any::<bool>(),
    ) {
        let headers: Vec<Header> = names.clone();
        let ex = Exchange {
            request: Request { origin: Some(origin), url: None, method, headers: headers.clone(), credentials },
            preflight: Some(Response { status, headers: headers.clone() }),
            actual: Some(Response { status, headers }),
            ..Exchange::default()
        };
        prop_assert!(!check(&ex).steps.is_empty());
    }
}
