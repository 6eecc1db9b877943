//! The web app's entry point: mount the app. Everything else lives in the library.
//!
//! No panic hook: the release profile aborts on panic, the parser is property-tested never to
//! panic, and console_error_panic_hook costs about 1 KB of the 150 KB budget.

fn main() {
    // Appended after the static header of index.html, which is painted before the wasm arrives.
    leptos::mount::mount_to_body(cors_doctor::ui::App);
}

// Talc instead of Rust's default dlmalloc: a smaller module and faster allocation
// (measured in DEVELOPERS.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
