//! The few browser facts the page needs (URL fragment, theme, network lock-down, the static
//! paste box of index.html), behind plain
//! functions so views stay free of web_sys calls. Outside wasm they are inert.

/// The page's URL fragment, with `#`.
pub fn location_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        return w.location().hash().unwrap_or_default();
    }
    String::new()
}

/// The page's URL without its fragment.
pub fn page_url() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let href = w.location().href().unwrap_or_default();
        return href.split('#').next().unwrap_or_default().to_string();
    }
    String::new()
}

/// Replaces the fragment without a navigation or history entry.
pub fn replace_hash(fragment: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let url = format!("#{fragment}");
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = fragment;
}

/// After the app has loaded, forbid every further network connection with a second
/// Content-Security-Policy (policies combine: the strictest wins). The first policy, in
/// index.html, had to allow fetching the app's own .wasm file.
pub fn lock_down_network() {
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let (Ok(meta), Some(head)) = (doc.create_element("meta"), doc.head()) {
            let _ = meta.set_attribute("http-equiv", "Content-Security-Policy");
            let _ = meta.set_attribute("content", "connect-src 'none'");
            let _ = head.append_child(&meta);
        }
    }
}

/// Data the page loads only when it needs it: a script beside the app (written by the post-build
/// hook) that sets one global string, and the core's function that installs it.
#[derive(Clone, Copy)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub struct LazyData {
    /// The script's file name (`psl.js`).
    pub file: &'static str,
    /// The global it sets (`corsDoctorPsl`).
    pub global: &'static str,
    /// Installs the text into the core.
    pub install: fn(&str),
    /// True once installed.
    pub is_loaded: fn() -> bool,
}

/// The Public Suffix List (see [`crate::psl`]): loaded when an origin pattern is typed.
pub const SUFFIX_LIST: LazyData = LazyData {
    file: "psl.js",
    global: "corsDoctorPsl",
    install: crate::psl::install,
    is_loaded: crate::psl::is_loaded,
};

/// Firefox's messages in every language (see [`crate::l10n`]): loaded when a paste is not all
/// read in English.
pub const FIREFOX_LANGUAGES: LazyData = LazyData {
    file: "firefox-l10n.js",
    global: "corsDoctorL10n",
    install: crate::l10n::install,
    is_loaded: crate::l10n::is_loaded,
};

/// The example menu's pastes (see [`crate::catalog::examples`]): loaded when one is chosen.
pub const EXAMPLES: LazyData = LazyData {
    file: "examples.js",
    global: "corsDoctorExamples",
    install: crate::catalog::examples::install,
    is_loaded: crate::catalog::examples::is_loaded,
};

/// Loads `data` once, installs it, then calls `done`, also when the file could not be loaded
/// (a pattern then stays unchecked and refused; a paste stays read in English only). A script
/// element, not `fetch`: the page forbids every connection after load, and this is the page's
/// own file, nothing leaves it.
pub fn load(data: LazyData, done: impl FnOnce() + 'static) {
    load_boxed(data, Box::new(done));
}

/// [`load`], one copy in the wasm whatever its callers.
fn load_boxed(data: LazyData, done: Box<dyn FnOnce()>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if (data.is_loaded)() {
            return done();
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let script = match doc.get_element_by_id(data.file) {
            Some(existing) => existing,
            None => {
                let Ok(el) = doc.create_element("script") else {
                    return;
                };
                let _ = el.set_attribute("id", data.file);
                let _ = el.set_attribute("src", data.file);
                if let Some(head) = doc.head() {
                    let _ = head.append_child(&el);
                }
                el
            }
        };
        let finish = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                if let Ok(text) = js_sys::Reflect::get(&w, &data.global.into()) {
                    if let Some(text) = text.as_string() {
                        (data.install)(&text);
                    }
                }
            }
            done();
        });
        let f = finish.unchecked_ref();
        let _ = script.add_event_listener_with_callback("load", f);
        let _ = script.add_event_listener_with_callback("error", f);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = data;
        done();
    }
}

/// Reads the file chosen in a file input, in the browser (nothing leaves the page), then calls
/// `done` with its name and its text, or with why it was not read (too large, not text).
pub fn read_chosen_file(
    input: &leptos::web_sys::EventTarget,
    done: impl FnOnce(String, Result<String, String>) + 'static,
) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(file) = input
            .dyn_ref::<web_sys::HtmlInputElement>()
            .and_then(|i| i.files())
            .and_then(|l| l.get(0))
        else {
            return;
        };
        let name = file.name();
        if file.size() > crate::har::MAX_HAR_BYTES as f64 {
            return done(name, Err("it is larger than 64 MB".to_string()));
        }
        // Promise callbacks, not an async block: no future executor in the bundle for this.
        // One callback for both outcomes: a rejection's value is an error, not a string.
        let settled = wasm_bindgen::closure::Closure::once(move |v: wasm_bindgen::JsValue| {
            done(
                name,
                v.as_string()
                    .ok_or_else(|| "the browser could not read it as text".to_string()),
            )
        });
        let _ = file.text().then2(&settled, &settled);
        settled.forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (input, done);
}

const THEME_KEY: &str = "cors-doctor.theme";

/// The page's colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    Dark,
    Light,
}

impl Theme {
    /// The value of `data-theme` and of the saved setting ("" for the system's).
    pub fn id(self) -> &'static str {
        match self {
            Theme::System => "",
            Theme::Dark => "dark",
            Theme::Light => "light",
        }
    }

    /// What the theme button says.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Dark => "Theme: dark",
            Theme::Light => "Theme: light",
        }
    }

    /// The theme the button switches to: system, dark, light, and round again.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }
}

/// The saved theme (the system's when none is saved).
pub fn saved_theme() -> Theme {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        if let Ok(Some(t)) = gloo_storage::LocalStorage::raw().get_item(THEME_KEY) {
            return [Theme::Dark, Theme::Light]
                .into_iter()
                .find(|x| x.id() == t)
                .unwrap_or_default();
        }
    }
    let _ = THEME_KEY;
    Theme::System
}

/// Applies and saves a theme.
pub fn apply_theme(theme: Theme) {
    let theme = theme.id();
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = if theme.is_empty() {
                root.remove_attribute("data-theme")
            } else {
                root.set_attribute("data-theme", theme)
            };
        }
        let _ = gloo_storage::LocalStorage::raw().set_item(THEME_KEY, theme);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = theme;
}

/// What the static paste box of index.html holds now: text pasted before the app loaded.
pub fn paste_box_value() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(area) = paste_box() {
        return area.value();
    }
    String::new()
}

#[cfg(target_arch = "wasm32")]
fn paste_box() -> Option<web_sys::HtmlTextAreaElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .get_element_by_id("paste")?
        .dyn_into()
        .ok()
}

/// Connects the static paste box: every input goes to `text`; every later change of `shown`
/// (an example, a restored share link) goes into the box, and `shown`'s first value too when
/// `write_now` (a share link; otherwise the box already holds what the user pasted).
pub fn wire_paste_box(
    text: leptos::prelude::RwSignal<String>,
    shown: leptos::prelude::RwSignal<String>,
    write_now: bool,
) {
    #[cfg(target_arch = "wasm32")]
    if let Some(area) = paste_box() {
        use leptos::prelude::{Effect, Get, Set};
        use wasm_bindgen::{closure::Closure, JsCast};
        let source = area.clone();
        let on_input = Closure::<dyn Fn()>::new(move || text.set(source.value()));
        let _ = area.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        on_input.forget(); // lives as long as the page
        Effect::new(move |previous: Option<()>| {
            let value = shown.get();
            if previous.is_some() || write_now {
                area.set_value(&value);
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text, shown, write_now);
}
