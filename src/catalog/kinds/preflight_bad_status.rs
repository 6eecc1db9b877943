//! `preflight-bad-status`: The preflight (OPTIONS) request did not get a 2xx answer.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::PreflightBadStatus,
    title: "The preflight (OPTIONS) request did not get a 2xx answer",
    summary: "Before the real request the browser asked permission with an OPTIONS request, and the server answered it with an error status.",
    cause: "Requests with a method other than GET/HEAD/POST, with custom headers (Authorization, X-Api-Key ...) or with a Content-Type other than form, multipart or text/plain (application/json included) are preceded by a CORS preflight: an OPTIONS request without cookies or Authorization. The server answered it with a non-2xx status (commonly 401/403 from auth middleware that runs before CORS, 404/405 because no route handles OPTIONS, or 500), so the real request was never sent.",
    fix: "Make the server answer OPTIONS for this path with 204 (or 200) and the CORS headers, before any authentication, routing or redirect: mount the CORS middleware first. Auth must let OPTIONS through, since preflights never carry credentials.",
    lookalike: false,
    mdn: Some("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSPreflightDidNotSucceed"),
    preflight: true,
    credentialed: false,
    headers_fix: true,
    browser_note: Some(NOTE_BAD_STATUS),
    avoid: &[AVOID_JSON_MYTH],
    client_side: &[CLIENT_SIMPLE_REQUEST, DEV_PROXY],
    traps: &[AUTH, ERRORS, REDIRECTS],
    spec: SPEC_PREFLIGHT,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Reason(PreflightBadStatus), CR, PRE, "It does not have HTTP ok status",
      r"It does not have HTTP ok status")
        => { yes: ["Response to preflight request doesn't pass access control check: It does not have HTTP ok status."], no: [] },
    p(Reason(PreflightBadStatus), CR, PRE, "Response for preflight has invalid HTTP status code",
      r"Response for preflight has invalid HTTP status code (?P<status>\d{3})")
        => { yes: ["Response for preflight has invalid HTTP status code 500"], no: ["Response for preflight has invalid HTTP status code"] },
    p(Reason(PreflightBadStatus), CR, PRE, "Response for preflight does not have HTTP ok status",
      r"Response for preflight does not have HTTP ok status")
        => { yes: ["Response for preflight does not have HTTP ok status."], no: [] },
    p(Reason(PreflightBadStatus), FF, PRE, "CORS preflight",
      r"CORS preflight (?:response|channel) did not succeed")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: CORS preflight channel did not succeed)."], no: ["Uncaught Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удалённого ресурса на http://localhost:33907/items. (Причина: неудача ответа CORS preflight). Код состояния: 301."] },
    p(Reason(PreflightBadStatus), WK, PRE, "Preflight response is not successful",
      r"Preflight response is not successful")
        => { yes: ["Preflight response is not successful"], no: [] },
    p(Reason(PreflightBadStatus), WK, PRE, "CORS-preflight request was blocked",
      r"CORS-preflight request was blocked")
        => { yes: ["CORS-preflight request was blocked"], no: [] },
    p(Reason(PreflightBadStatus), WK, PRE, "Preflight response was blocked",
      r"Preflight response was blocked")
        => { yes: ["Preflight response was blocked"], no: [] },
    p(Reason(PreflightBadStatus), CR, PRE, "Ensure preflight responses are valid",
      r"Ensure preflight responses are valid")
        => { yes: ["Ensure preflight responses are valid"], no: [] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Access to fetch at 'https://api.example.com/v1/orders/42' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."),
    (Engine::Firefox, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/orders/7. (Reason: CORS preflight response did not succeed). Status code: 401."),
    (Engine::Webkit, r"[Error] Preflight response is not successful. Status code: 401
[Error] Fetch API cannot load https://api.example.com/v1/orders/7 due to access control checks."),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::PreflightRedirect), "Access to XMLHttpRequest at 'http://api.example.com/items' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request."),
];
