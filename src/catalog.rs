//! The catalog: every error kind cors-doctor knows, and every way a browser words it.
//!
//! One file per kind under `catalog/kinds/` (its text, explanation data, patterns with their
//! samples, example pastes and near misses) and one registry line per kind in [`kinds`], whose
//! order is match priority; [`wrappers`] holds the patterns no kind owns. Everything is plain
//! `static` data (no parsing at run time). Completeness is checked by tests (`catalog/tests.rs`,
//! and every reference template classifies as its kind), not by memory.

pub mod advice;
pub mod examples;
pub mod keywords;
pub mod kinds;
pub mod patterns;
pub mod wrappers;

use serde::Serialize;

pub use kinds::{KindId, KINDS};

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
    /// The engines whose wording the example menu offers (from the kind's `EXAMPLES`).
    pub menu: Engines,
    /// A summary told with the diagnosis's facts, when the kind has one (else `summary`).
    pub facts_summary: Option<fn(&crate::facts::Facts) -> String>,
    /// The fix is checked by reaching the server at all (there are no CORS headers to check).
    pub reach_check: bool,
    /// The method a preflight check asks about when the paste names only GET, which never needs
    /// one (for a kind about the method itself).
    pub check_method: Option<&'static str>,
}

/// A set of engines, computed at compile time (so a kind's example texts, from which it is
/// computed, stay out of the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Engines(u8);

impl Engines {
    /// The engines of a list of examples.
    pub const fn of(examples: &[(Engine, &str)]) -> Engines {
        let mut bits = 0;
        let mut i = 0;
        while i < examples.len() {
            bits |= 1 << examples[i].0 as u8;
            i += 1;
        }
        Engines(bits)
    }

    /// True when `engine` is in the set.
    pub const fn has(self, engine: Engine) -> bool {
        self.0 & (1 << engine as u8) != 0
    }
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
    // The registry declares the ids and KINDS in one order (a test checks it).
    KINDS[id as usize]
}

#[cfg(test)]
mod tests;
