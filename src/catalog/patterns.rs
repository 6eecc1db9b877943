//! What a message pattern is, and the order they run in. The patterns themselves live with their
//! kind (`catalog/kinds/*.rs`) or, when no kind owns them, in `catalog/wrappers.rs`; [`all`] puts
//! them in priority order. **Within one role, the first pattern that matches a span wins, so
//! specific wordings come before generic ones.**
//!
//! Patterns run on *normalized* text (see `parse::normalize`): curly quotes are straight,
//! whitespace runs are one space, console prefixes and suffixes are gone. Each pattern has a
//! `needle`, a literal that every match contains, checked with `str::contains` before the regex
//! runs; most lines of a big paste are rejected by the keyword prefilter (`catalog::keywords`,
//! derived from the needles) or by needles alone.
//!
//! Regex group names are fact names (`url`, `origin`, `method`, `header`, `status`,
//! `allow_origin`, `resource_kind`, `address_space`, `redirected_from`, `page_url`), plus
//! `cors_error` for DevTools' CorsError enum names. Texts are from
//! `tests/data/engine-messages.json` (each engine's own source).

use super::{Engine, KindId, Stage};
use crate::facts::Fact;
use std::sync::OnceLock;

/// What a matched pattern contributes to a diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Names the cause: one diagnosis of this kind.
    Reason(KindId),
    /// A hint suffix the browser appends to a reason; names the kind only when pasted alone.
    Hint(KindId),
    /// A CORS wrapper ("... has been blocked by CORS policy:"): carries facts, and proves a
    /// failure of the given fallback kind when no reason is recognised.
    Frame(KindId),
    /// Carries facts only (status tails, old "Fetch API cannot load X." prefixes).
    Fact,
    /// A network log line (`GET url net::ERR_FAILED 500 (...)`): facts for a diagnosis.
    Network,
    /// The JavaScript exception a failed request raises ("TypeError: Failed to fetch").
    Exception,
    /// DevTools' "Cross-Origin Resource Sharing error: <CorsError>"; kind from [`cors_error_kind`].
    CorsErrorName,
}

/// One way a browser words (part of) a message.
#[derive(Debug)]
pub struct Pattern {
    /// What a match means.
    pub role: Role,
    /// The engine whose console prints exactly this wording, if only one does.
    pub engine: Option<Engine>,
    /// The stage this wording implies. `Actual` yields to a preflight marker in the same line.
    pub stage: Option<Stage>,
    /// A literal contained in every match, checked before the regex runs.
    pub needle: &'static str,
    /// The regex, on normalized text.
    pub regex: &'static str,
    /// Facts the wording implies without quoting them (e.g. Firefox's Authorization warning).
    pub preset: &'static [(Fact, &'static str)],
}

impl Pattern {
    /// The kind this pattern names, if it names one.
    pub fn kind(&self) -> Option<KindId> {
        match self.role {
            Role::Reason(k) | Role::Hint(k) | Role::Frame(k) => Some(k),
            Role::Exception => Some(KindId::GenericFetchFailure),
            Role::Fact | Role::Network | Role::CorsErrorName => None,
        }
    }
}

pub(crate) const CR: Option<Engine> = Some(Engine::Chromium);
pub(crate) const FF: Option<Engine> = Some(Engine::Firefox);
pub(crate) const WK: Option<Engine> = Some(Engine::Webkit);
pub(crate) const ANY: Option<Engine> = None;
pub(crate) const PRE: Option<Stage> = Some(Stage::Preflight);
pub(crate) const ACT: Option<Stage> = Some(Stage::Actual);
pub(crate) const NONE: Option<Stage> = None;

pub(crate) const fn p(
    role: Role,
    engine: Option<Engine>,
    stage: Option<Stage>,
    needle: &'static str,
    regex: &'static str,
) -> Pattern {
    Pattern {
        role,
        engine,
        stage,
        needle,
        regex,
        preset: &[],
    }
}

/// A pattern's samples: texts it must match (`yes`) and look-alikes that contain its needle but
/// must not match (`no`). Tests run them; they stay out of the page (nothing there reads them).
#[derive(Debug)]
pub struct Samples {
    /// Texts the pattern matches, as a console prints them.
    pub yes: &'static [&'static str],
    /// Texts with the pattern's needle that it must not match.
    pub no: &'static [&'static str],
}

/// Declares a file's `PATTERNS` and, in the same order, their `SAMPLES`, each pattern written
/// once with its samples right after it: `p(..) => { yes: [..], no: [..] },`.
macro_rules! patterns {
    ($($pattern:expr => { yes: [$($yes:expr),* $(,)?], no: [$($no:expr),* $(,)?] $(,)? },)*) => {
        /// This file's patterns, in priority order.
        #[rustfmt::skip]
        pub static PATTERNS: &[Pattern] = &[$($pattern,)*];
        /// Each pattern's samples, in the same order.
        #[rustfmt::skip]
        pub static SAMPLES: &[Samples] = &[$(Samples { yes: &[$($yes,)*], no: &[$($no,)*] },)*];
    };
}
pub(crate) use patterns;

/// Every pattern in priority order: the wrappers', then each kind's in registry order (see
/// [`super::kinds`]).
pub fn all() -> &'static [&'static Pattern] {
    static ALL: OnceLock<Vec<&'static Pattern>> = OnceLock::new();
    ALL.get_or_init(|| {
        // Plain loops: iterator adapters (chain, flat_map) cost the page about 1 KB of code.
        let mut all: Vec<&'static Pattern> = super::wrappers::PATTERNS.iter().collect();
        for set in super::kinds::PATTERNS {
            all.extend(set.iter());
        }
        all
    })
}

/// Maps DevTools' CorsError enum names (Network panel tooltip, `Audits.issueAdded`) to kinds.
pub fn cors_error_kind(name: &str) -> (KindId, Option<Stage>) {
    use KindId::*;
    let stage = if name.starts_with("Preflight") {
        Some(Stage::Preflight)
    } else {
        None
    };
    let base = name.strip_prefix("Preflight").unwrap_or(name);
    let kind = match base {
        "MissingAllowOriginHeader" => MissingAllowOrigin,
        "AllowOriginMismatch" => OriginMismatch,
        "MultipleAllowOriginValues" => MultipleAllowOrigin,
        "InvalidAllowOriginValue" => InvalidAllowOrigin,
        "WildcardOriginNotAllowed" => WildcardWithCredentials,
        "InvalidAllowCredentials" => CredentialsNotTrue,
        "InvalidStatus" => PreflightBadStatus,
        "DisallowedRedirect" => PreflightRedirect,
        "MethodDisallowedByPreflightResponse" => MethodNotAllowed,
        "HeaderDisallowedByPreflightResponse" => HeaderNotAllowed,
        "InvalidAllowMethodsPreflightResponse" | "InvalidAllowHeadersPreflightResponse" => {
            InvalidAllowMethodsOrHeaders
        }
        "RedirectContainsCredentials" => RedirectNotAllowed,
        "DisallowedByMode" | "NoCorsRedirectModeNotFollow" => RequestMode,
        "CorsDisabledScheme" => SchemeNotSupported,
        n if n.contains("PrivateNetwork")
            || n.contains("LocalNetwork")
            || n.contains("External") =>
        {
            PrivateNetwork
        }
        _ => CorsOther,
    };
    let stage = match kind {
        MethodNotAllowed
        | HeaderNotAllowed
        | InvalidAllowMethodsOrHeaders
        | PreflightBadStatus
        | PreflightRedirect => Some(Stage::Preflight),
        _ => stage,
    };
    (kind, stage)
}
