//! Express 5 with the `cors` 2.x middleware.
//!
//! `origin` is always an array: `cors` then checks the request's Origin against it exactly,
//! echoes the match and adds `Vary: Origin`. Never `origin: true`, which reflects any origin.

use super::{fill, js_list, Framework, Policy};

pub(super) const FRAMEWORK: Framework = Framework {
    id: "express",
    label: "Express (cors middleware)",
    file: "server.js",
    render,
    notes: &[
        "Mount cors() before authentication and routers, or the preflight gets a 401.",
        "Express 5 rejects app.options('*', ...): app.use(cors(...)) already answers every preflight.",
        "If nginx or another proxy also adds Access-Control-* headers, remove them there: two Access-Control-Allow-Origin headers fail.",
    ],
};

const TEMPLATE: &str = include_str!("templates/express.js");

fn render(p: &Policy) -> String {
    let mut optional = String::new();
    if !p.expose().is_empty() {
        optional.push_str(&format!("  exposedHeaders: [{}],\n", js_list(p.expose())));
    }
    if p.credentials() {
        optional.push_str(
            "  credentials: true, // cookies / Authorization; needs the exact origins above\n",
        );
    }
    if let Some(age) = p.max_age() {
        optional.push_str(&format!(
            "  maxAge: {age}, // seconds the browser may cache the preflight\n"
        ));
    }
    fill(
        TEMPLATE,
        &[
            ("ORIGIN_LIST", &p.origins().join(", ")),
            ("ORIGINS", &js_list(p.origins())),
            ("METHODS", &js_list(p.methods())),
            ("HEADERS", &js_list(p.headers())),
            ("OPTIONAL", &optional),
        ],
    )
}
