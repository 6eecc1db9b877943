//! The web app's entry point: mount the app. Everything else lives in the library.
//!
//! No panic hook: the release profile aborts on panic, the parser is property-tested never to
//! panic, and console_error_panic_hook costs about 1 KB of the 150 KB budget.

fn main() {
    // Inside index.html's <main>, after its static paste box (painted before the wasm
    // arrives). One call site only: each would instantiate the whole view code again.
    use leptos::wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let Some(parent) = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        .or_else(|| document.body())
    else {
        return;
    };
    leptos::mount::mount_to(parent, cors_doctor::ui::App).forget();
}

// Talc instead of Rust's default dlmalloc: a smaller module and faster allocation
// (measured in DEVELOPERS.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
