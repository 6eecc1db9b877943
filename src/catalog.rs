//! The catalog: every error kind cors-doctor knows, and every way a browser words it.
//!
//! Two registries, both plain `static` data (no parsing at run time):
//! - [`KINDS`]: one entry per kind, in the order the UI lists them; ids are stable (`--json`).
//! - [`patterns::PATTERNS`]: message patterns. **Order is match priority: first match wins,
//!   specific before generic.** A pattern belongs to one kind and, where the wording is unique to
//!   one engine, to that engine.
//!
//! Completeness is checked by tests (every kind has a pattern and an example; every reference
//! template classifies as its kind), not by memory.

pub mod advice;
pub mod examples;
pub mod kinds;
pub mod patterns;

use serde::Serialize;

pub use kinds::{ENGINE_EXAMPLES, KINDS, NO_CHROME_EXAMPLE};

/// The browser engine whose console printed a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// Chrome, Edge, Opera, Brave and other Chromium browsers.
    Chromium,
    /// Firefox.
    Firefox,
    /// Safari and every iOS browser.
    Webkit,
}

impl Engine {
    /// The lowercase id used in JSON.
    pub const fn id(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    /// The browsers a person would recognise.
    pub const fn label(self) -> &'static str {
        match self {
            Engine::Chromium => "Chrome / Edge",
            Engine::Firefox => "Firefox",
            Engine::Webkit => "Safari",
        }
    }
}

/// Which request of a CORS exchange failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// The browser's `OPTIONS` preflight request.
    Preflight,
    /// The request the page made.
    Actual,
}

impl Stage {
    /// The lowercase id used in JSON.
    pub const fn id(self) -> &'static str {
        match self {
            Stage::Preflight => "preflight",
            Stage::Actual => "actual",
        }
    }
}

macro_rules! kind_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// The stable identity of an error kind.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum KindId { $($variant,)* }

        impl KindId {
            /// Every kind id, in declaration order.
            pub const ALL: &'static [KindId] = &[$(KindId::$variant,)*];

            /// The stable string id (`missing-allow-origin` ...).
            pub const fn id(self) -> &'static str {
                match self { $(KindId::$variant => $id,)* }
            }

            /// Looks a kind up by its string id.
            pub fn from_id(id: &str) -> Option<KindId> {
                match id { $($id => Some(KindId::$variant),)* _ => None }
            }
        }
    };
}

kind_ids! {
    MissingAllowOrigin = "missing-allow-origin",
    OriginMismatch = "origin-mismatch",
    MultipleAllowOrigin = "multiple-allow-origin",
    InvalidAllowOrigin = "invalid-allow-origin",
    WildcardWithCredentials = "wildcard-with-credentials",
    CredentialsNotTrue = "credentials-not-true",
    PreflightBadStatus = "preflight-bad-status",
    PreflightRedirect = "preflight-redirect",
    MethodNotAllowed = "method-not-allowed",
    HeaderNotAllowed = "header-not-allowed",
    AuthorizationNotCoveredByWildcard = "authorization-not-covered-by-wildcard",
    InvalidAllowMethodsOrHeaders = "invalid-allow-methods-or-headers",
    RedirectNotAllowed = "redirect-not-allowed",
    SchemeNotSupported = "scheme-not-supported",
    RequestMode = "request-mode",
    CorsDisabled = "cors-disabled",
    OriginHeaderNotAdded = "origin-header-not-added",
    PrivateNetwork = "private-network",
    MixedContent = "mixed-content",
    CorpBlocked = "corp-blocked",
    CoepBlocked = "coep-blocked",
    CoopBlocked = "coop-blocked",
    OrbBlocked = "orb-blocked",
    XFrameOptions = "x-frame-options",
    FrameAccess = "frame-access",
    CanvasTainted = "canvas-tainted",
    CspBlocked = "csp-blocked",
    BlockedByClient = "blocked-by-client",
    SubresourceIntegrity = "subresource-integrity",
    NetworkError = "network-error",
    GenericFetchFailure = "generic-fetch-failure",
    CorsOther = "cors-other",
}

impl serde::Serialize for KindId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// Everything the app says about one kind. Texts are plain text, never HTML.
#[derive(Debug)]
pub struct Kind {
    /// Which kind this is.
    pub id: KindId,
    /// A short title in the user's terms.
    pub title: &'static str,
    /// One sentence: what went wrong.
    pub summary: &'static str,
    /// What happened, per the Fetch standard, in plain words.
    pub cause: &'static str,
    /// What to change, server side first.
    pub fix: &'static str,
    /// True when CORS response headers cannot fix this (mixed content, CSP, network errors ...).
    pub lookalike: bool,
    /// The MDN page for this error, when one exists.
    pub mdn: Option<&'static str>,
    /// A preflight is part of this kind (it fails at, or because of, the preflight).
    pub preflight: bool,
    /// The request carried credentials (the kind's message says so).
    pub credentialed: bool,
    /// The server's CORS headers are what must change (not a look-alike, nor a failure the
    /// page causes itself): the explanation adds the common don'ts and the header checks.
    pub headers_fix: bool,
    /// Where browsers differ on this error, when they do.
    pub browser_note: Option<&'static str>,
    /// What not to do, beyond the common don'ts.
    pub avoid: &'static [&'static str],
    /// What the page's own code can change instead.
    pub client_side: &'static [&'static str],
    /// Pitfalls that produce or hide this error.
    pub traps: &'static [&'static str],
    /// The spec section it comes from: label and URL.
    pub spec: advice::Spec,
}

impl Kind {
    /// A realistic paste used by the UI's example menu; must classify as this kind (see
    /// [`examples`]: "" in the page until the texts are loaded).
    pub fn example(&self) -> &'static str {
        examples::of_kind(self.id)
    }
}

/// Looks a kind's entry up. Every [`KindId`] has exactly one (a test checks it).
pub fn kind(id: KindId) -> &'static Kind {
    KINDS
        .iter()
        .find(|k| k.id == id)
        .expect("every KindId has an entry in KINDS (checked by catalog tests)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_id_has_exactly_one_entry() {
        for id in KindId::ALL {
            let n = KINDS.iter().filter(|k| k.id == *id).count();
            assert_eq!(n, 1, "{} has {n} entries in KINDS", id.id());
            assert_eq!(KindId::from_id(id.id()), Some(*id));
        }
        assert_eq!(KINDS.len(), KindId::ALL.len());
    }

    #[test]
    fn every_kind_has_text_and_a_pattern() {
        for k in KINDS {
            let id = k.id.id();
            for (name, text) in [
                ("title", k.title),
                ("summary", k.summary),
                ("cause", k.cause),
                ("fix", k.fix),
                ("example", k.example()),
            ] {
                assert!(text.trim().len() > 10, "{id}: {name} is empty or too short");
                assert!(
                    !text.contains("TODO") && !text.contains('{'),
                    "{id}: {name} has a placeholder"
                );
            }
            if k.id != KindId::GenericFetchFailure && k.id != KindId::CorsOther {
                assert!(
                    patterns::PATTERNS.iter().any(|p| p.kind() == Some(k.id)),
                    "{id} has no pattern"
                );
            }
        }
    }
}
