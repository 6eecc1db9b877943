//! The example menu's pastes: one per kind in its Chrome/Edge wording, and the same errors as
//! Firefox and Safari print them (`examples.txt`, see its header for the format).
//!
//! The decision a reader would not guess: the page does not carry these texts in its wasm (about
//! 2.4 KB brotli that most visits never use). It loads them as `examples.js` when an example is
//! chosen, and [`install`] hands them over; the native build (CLI, tests) compiles the file in.
//! Every lookup borrows from that one text, so nothing is copied.

use super::{Engine, KindId, KINDS};

#[cfg(not(target_arch = "wasm32"))]
fn data() -> &'static str {
    include_str!("examples.txt")
}

#[cfg(target_arch = "wasm32")]
static LOADED: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

#[cfg(target_arch = "wasm32")]
fn data() -> &'static str {
    LOADED.get().copied().unwrap_or("")
}

/// Makes the texts available (the page calls it once `examples.js` has loaded); later calls
/// change nothing.
pub fn install(text: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = LOADED.set(Box::leak(text.to_owned().into_boxed_str()));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = text;
}

/// True when the texts can be looked up (always, natively).
pub fn is_loaded() -> bool {
    !data().is_empty()
}

/// The engine's name in `examples.txt`.
pub(crate) const fn label(engine: Engine) -> &'static str {
    match engine {
        Engine::Chromium => "chrome",
        Engine::Firefox => "firefox",
        Engine::Webkit => "webkit",
    }
}

/// The example of `kind` as `engine` prints it, when there is one (and the texts are loaded).
pub fn example(kind: KindId, engine: Engine) -> Option<&'static str> {
    // Entries: "@ ENGINE KIND-ID\nTEXT", separated by "\n@ " (the file starts with comments).
    data().split("\n@ ").skip(1).find_map(|entry| {
        let (head, text) = entry.split_once('\n')?;
        let (e, k) = head.split_once(' ')?;
        (e == label(engine) && k == kind.id()).then(|| text.trim_end_matches('\n'))
    })
}

/// The kind's example: its Chrome/Edge wording, or for a kind Chrome does not print, the first
/// other engine's ("" until the page has loaded the texts).
pub fn of_kind(kind: KindId) -> &'static str {
    [Engine::Chromium, Engine::Firefox, Engine::Webkit]
        .into_iter()
        .find_map(|e| example(kind, e))
        .unwrap_or("")
}

/// One entry of the example menu: a kind as one engine prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MenuEntry {
    /// The kind.
    pub kind: KindId,
    /// The engine whose wording it is.
    pub engine: Engine,
}

impl MenuEntry {
    /// The menu's groups, in order, one per engine (labelled by `Engine::label`).
    pub const GROUPS: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    /// The entries of one engine's group, in registry order (the kinds whose file has an
    /// example in that engine's wording).
    pub fn of_engine(engine: Engine) -> impl Iterator<Item = MenuEntry> {
        KINDS
            .iter()
            .filter(move |k| k.menu.has(engine))
            .map(move |k| MenuEntry { kind: k.id, engine })
    }

    /// The option's value in the page: `ENGINE/KIND-ID` (`firefox/missing-allow-origin`).
    pub fn value(self) -> String {
        format!("{}/{}", label(self.engine), self.kind.id())
    }

    /// Reads an option's value back; `None` for anything [`MenuEntry::value`] does not write.
    pub fn from_value(value: &str) -> Option<MenuEntry> {
        let (engine, kind) = value.split_once('/')?;
        let engine = Self::GROUPS.into_iter().find(|e| label(*e) == engine)?;
        let kind = KindId::from_id(kind)?;
        crate::catalog::kind(kind)
            .menu
            .has(engine)
            .then_some(MenuEntry { kind, engine })
    }

    /// The paste ("" until the page has loaded the texts).
    pub fn text(self) -> &'static str {
        example(self.kind, self.engine).unwrap_or("")
    }
}
