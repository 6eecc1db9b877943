//! The registry: every kind cors-doctor knows, one line each, and the file that holds it.
//!
//! A kind is one file, `kinds/<id>.rs`, with everything about it: `KIND` (the text the page and
//! the CLI show, and the data the explanation is built from: preflight, credentials, traps, what
//! to avoid, client-side options, the spec section, browser notes), `patterns!` (each wording it
//! is printed in, per engine, with a sample it must match and, where one exists, a look-alike it
//! must not), `EXAMPLES` (the example menu's pastes, per engine) and `NEAR_MISSES` (messages that
//! look like it but are another kind or none). A kind without one of them does not compile.
//!
//! **The order below is match priority and the UI's order.** The wrappers' patterns
//! ([`super::wrappers`]) come first, then each kind's, in this order, and within a kind in its
//! file's order: where two reasons match the same words, the first one wins, so a specific
//! wording comes before a generic one. The ids are stable (`--json`, links).
//!
//! Two files are written from this data and checked by tests (`UPDATE_CATALOG=1 cargo test
//! --lib catalog` writes them): `examples.txt` (the page loads the example texts only when one
//! is chosen) and the keyword prefilter (`super::keywords`), derived from the needles.

use super::patterns::{Pattern, Samples};
use super::{Engine, Kind};

/// What a kind's file brings in: the catalog's types and the constructors its data uses.
pub(crate) mod prelude {
    pub(crate) use super::super::advice::*;
    pub(crate) use super::super::patterns::{
        p, patterns, Pattern, Role, Samples, ACT, ANY, CR, FF, NONE, PRE, WK,
    };
    pub(crate) use super::super::{Engine, Engines, Kind, KindId};
    pub(crate) use super::KindId::*;
    pub(crate) use crate::facts::{Fact, Facts};
    pub(crate) use Role::{Exception, Fact as FactOnly, Frame, Hint, Network, Reason};
}

/// One kind's data for tests and for the files written from it (not linked into the page).
pub struct Source {
    /// The kind.
    pub kind: &'static Kind,
    /// Its file, for messages.
    pub file: &'static str,
    /// Its patterns, in priority order.
    pub patterns: &'static [Pattern],
    /// Each pattern's samples (same order).
    pub samples: &'static [Samples],
    /// The example menu's pastes.
    pub examples: &'static [(Engine, &'static str)],
    /// Look-alikes and what each must be read as.
    pub near_misses: &'static [(Option<KindId>, &'static str)],
}

macro_rules! registry {
    ($($variant:ident = $id:literal => $module:ident,)*) => {
        $(pub mod $module;)*

        /// The stable identity of an error kind.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum KindId { $($variant,)* }

        impl KindId {
            /// Every kind id, in registry order.
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

        /// Every kind's text, in registry order (`KINDS[id as usize]` is `id`'s).
        pub static KINDS: &[&Kind] = &[$(&$module::KIND,)*];

        /// Every kind's patterns, in registry order.
        pub static PATTERNS: &[&[Pattern]] = &[$($module::PATTERNS,)*];

        /// Every kind's data, for tests and the files written from it.
        pub static SOURCES: &[Source] = &[$(Source {
            kind: &$module::KIND,
            file: concat!("src/catalog/kinds/", stringify!($module), ".rs"),
            patterns: $module::PATTERNS,
            samples: $module::SAMPLES,
            examples: $module::EXAMPLES,
            near_misses: $module::NEAR_MISSES,
        },)*];
    };
}

#[rustfmt::skip]
registry! {
    MissingAllowOrigin = "missing-allow-origin" => missing_allow_origin,
    OriginMismatch = "origin-mismatch" => origin_mismatch,
    MultipleAllowOrigin = "multiple-allow-origin" => multiple_allow_origin,
    InvalidAllowOrigin = "invalid-allow-origin" => invalid_allow_origin,
    WildcardWithCredentials = "wildcard-with-credentials" => wildcard_with_credentials,
    CredentialsNotTrue = "credentials-not-true" => credentials_not_true,
    PreflightBadStatus = "preflight-bad-status" => preflight_bad_status,
    PreflightRedirect = "preflight-redirect" => preflight_redirect,
    MethodNotAllowed = "method-not-allowed" => method_not_allowed,
    HeaderNotAllowed = "header-not-allowed" => header_not_allowed,
    AuthorizationNotCoveredByWildcard = "authorization-not-covered-by-wildcard" => authorization_not_covered_by_wildcard,
    InvalidAllowMethodsOrHeaders = "invalid-allow-methods-or-headers" => invalid_allow_methods_or_headers,
    RedirectNotAllowed = "redirect-not-allowed" => redirect_not_allowed,
    SchemeNotSupported = "scheme-not-supported" => scheme_not_supported,
    RequestMode = "request-mode" => request_mode,
    CorsDisabled = "cors-disabled" => cors_disabled,
    OriginHeaderNotAdded = "origin-header-not-added" => origin_header_not_added,
    PrivateNetwork = "private-network" => private_network,
    MixedContent = "mixed-content" => mixed_content,
    CorpBlocked = "corp-blocked" => corp_blocked,
    CoepBlocked = "coep-blocked" => coep_blocked,
    CoopBlocked = "coop-blocked" => coop_blocked,
    OrbBlocked = "orb-blocked" => orb_blocked,
    XFrameOptions = "x-frame-options" => x_frame_options,
    FrameAccess = "frame-access" => frame_access,
    CanvasTainted = "canvas-tainted" => canvas_tainted,
    CspBlocked = "csp-blocked" => csp_blocked,
    BlockedByClient = "blocked-by-client" => blocked_by_client,
    SubresourceIntegrity = "subresource-integrity" => subresource_integrity,
    NetworkError = "network-error" => network_error,
    GenericFetchFailure = "generic-fetch-failure" => generic_fetch_failure,
    CorsOther = "cors-other" => cors_other,
}
