//! The keyword prefilter: substrings of which every pattern's needle contains one, so a
//! line with none of them skips pattern matching. Written from the needles by
//! `UPDATE_CATALOG=1 cargo test --lib catalog` (`catalog::tests::derive_keywords`, a greedy
//! set cover); a test checks it is current. Do not edit by hand.

/// The keywords, at most 64 (one bit each) and at most 16 bytes long.
#[rustfmt::skip]
pub const KEYWORDS: &[&str] = &[
    "rigin",
    "esponse",
    "equest",
    "ccess",
    "ailed",
    "ontent",
    "edirect",
    "net::",
    "redential",
    "header",
    "resource",
    "etwork",
    "error",
    "because",
    "invalid",
    "server",
    "tatus",
    " may not load or",
    "X-Frame-Options",
    "The page at ",
    "more-private",
    "NS_ERROR_",
    "integrity",
    "preflight",
    "protocols",
    "supported",
    "canvases",
    "disabled",
    "wildcard",
    "blocked",
    "cannot",
    "scheme",
    "mixed",
    "://",
];
