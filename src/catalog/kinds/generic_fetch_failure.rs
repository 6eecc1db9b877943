//! `generic-fetch-failure`: A request failed, but this message alone does not say why.
//!
//! This kind in one place (the registry, `super`, says what each part is for): the text the
//! page shows, its wordings with their samples, its example-menu pastes and its near misses.

use super::prelude::*;

/// What the page and the CLI say about this kind.
pub static KIND: Kind = Kind {
    id: KindId::GenericFetchFailure,
    title: "A request failed, but this message alone does not say why",
    summary: "\"Failed to fetch\", \"NetworkError when attempting to fetch resource\" and \"Load failed\" are what JavaScript sees for every network or CORS failure.",
    cause: "For security the browser gives scripts no detail about failed cross-origin requests; the reason is printed separately in the console (or only in the Network panel).",
    fix: "Copy the full console output, including the red line above or below this one (it starts with \"Access to fetch at\", \"Cross-Origin Request Blocked\" or \"Origin ... is not allowed\"), and paste it here.",
    lookalike: false,
    mdn: None,
    preflight: false,
    credentialed: false,
    headers_fix: false,
    browser_note: None,
    avoid: &AVOID_COMMON,
    client_side: &[],
    traps: &[],
    spec: SPEC_CORS,
    menu: Engines::of(EXAMPLES),
    facts_summary: None,
    reach_check: false,
    check_method: None,
};

patterns! {
    p(Exception, CR, NONE, "Failed to fetch", r"Failed to fetch\b")
        => { yes: ["TypeError: Failed to fetch"], no: [] },
    p(Exception, FF, NONE, "NetworkError when attempting to fetch resource",
      r"NetworkError when attempting to fetch resource")
        => { yes: ["TypeError: NetworkError when attempting to fetch resource."], no: [] },
    p(Exception, WK, NONE, "Load failed",
      r"(?:^|: )Load failed(?:$|[ .])")
        => { yes: ["Load failed"], no: [] },
    p(Exception, ANY, NONE, "Network Error",
      r"(?:AxiosError|Error): Network Error")
        => { yes: ["AxiosError: Network Error"], no: ["Network Error"] },
    p(Exception, ANY, NONE, "Http failure response for",
      r"Http failure response for (?P<url>\S+?): 0 Unknown Error")
        => { yes: ["Http failure response for https://api.example.com/v1/items: 0 Unknown Error"], no: ["Http failure response for"] },
}

/// The example menu's pastes: how each engine with its own wording prints this error.
pub const EXAMPLES: &[(Engine, &str)] = &[
    (Engine::Chromium, "Uncaught (in promise) TypeError: Failed to fetch"),
    (Engine::Firefox, "TypeError: NetworkError when attempting to fetch resource."),
    (Engine::Webkit, "[Error] Unhandled Promise Rejection: TypeError: Load failed"),
];

/// Messages that look like this kind but are not, and what each must be read as (`None`: no
/// diagnosis at all).
pub const NEAR_MISSES: &[(Option<KindId>, &str)] = &[
    (Some(KindId::NetworkError), "GET http://localhost:8080/api/items net::ERR_CONNECTION_REFUSED"),
];
