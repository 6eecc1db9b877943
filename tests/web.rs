//! Mounts the app in headless Chromium (wasm-bindgen-test + chromedriver) and checks that a
//! pasted error renders its diagnosis. Run: cargo test --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    // index.html's static paste box, which the app wires up; an earlier test's box gives up
    // the id.
    if let Some(old) = doc.get_element_by_id("paste") {
        old.remove_attribute("id").unwrap();
    }
    root.set_inner_html(r#"<textarea id="paste" data-testid="paste"></textarea>"#);
    leptos::mount::mount_to(root.clone(), cors_doctor::ui::App).forget();
    root
}

// Query inside the mounted root: the test runner's own page has elements with common ids.
fn find(root: &HtmlElement, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).unwrap()
}

async fn paste(root: &HtmlElement, text: &str) {
    let area: HtmlTextAreaElement = find(root, "[data-testid=paste]").unwrap().unchecked_into();
    area.set_value(text);
    area.dispatch_event(&Event::new("input").unwrap()).unwrap();
    // The input updates the text; an effect diagnoses it; the view renders the report: give
    // the browser a few turns (bounded).
    for _ in 0..5 {
        sleep(10).await;
    }
}

async fn sleep(ms: i32) {
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn pasted_chrome_error_renders_kind_facts_and_config() {
    // The page's wasm carries no template: it loads `t/express.js`, which this test server does
    // not serve, so the test installs what that file holds (e2e loads the real file).
    cors_doctor::generate::install_template(concat!(
        "express\n",
        include_str!("../src/generate/templates/express.js")
    ));
    let root = mount();
    paste(&root, "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.").await;
    let kind = find(&root, "[data-testid=kind-id]")
        .expect("a diagnosis card")
        .text_content()
        .unwrap();
    assert_eq!(kind, "missing-allow-origin");
    let facts = find(&root, "[data-testid=facts]")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(facts.contains("https://api.example.com/data"), "{facts}");
    assert!(facts.contains("http://localhost:3000"), "{facts}");
    let config = find(&root, "[data-testid=config]")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        config.contains("origin: ['http://localhost:3000']"),
        "{config}"
    );
    assert!(find(&root, "[data-testid=copy-config]").is_some());
}

#[wasm_bindgen_test]
async fn unrecognised_text_says_so_and_is_not_rendered_as_html() {
    let root = mount();
    paste(
        &root,
        "<b id=injected>bold</b> TypeError: x is not a function",
    )
    .await;
    assert!(find(&root, "[data-testid=unrecognized]").is_some());
    assert!(
        find(&root, "#injected").is_none(),
        "pasted HTML must stay text"
    );
    assert!(find(&root, "[data-testid=diagnosis]").is_none());
}
