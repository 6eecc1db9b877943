//! The Leptos page after the static header and paste box of index.html (which it wires up): the
//! example menu, the share and theme buttons, a status live region, and one card per diagnosis.
//!
//! Views only; parsing and config generation come from the core. Pasted text is only ever
//! rendered as text nodes (Leptos escapes `{value}`), never through `inner_html`.

use leptos::prelude::*;

use crate::cards;
use crate::catalog::{self, examples::MenuEntry};
use crate::explain;
use crate::generate::Policy;
use crate::parse::{self, Diagnosis, Report};

mod browser;
mod config;

use crate::share;
use config::{ConfigPanel, FrameworkChoice};

/// Pastes at least this large are read in steps of [`STEP_BYTES`], after the browser has
/// painted them, with a browser turn between steps.
const LARGE_PASTE: usize = 200_000;
/// About 35 ms of reading per step in the wasm build (measured in Chromium).
const STEP_BYTES: usize = 256 * 1024;

/// Diagnoses `value` into `report`: at once when small, else in steps (see [`LARGE_PASTE`]).
/// `job` numbers the pastes: a newer paste stops the steps of an older one.
fn analyse(
    value: String,
    job: std::rc::Rc<std::cell::Cell<u32>>,
    report: RwSignal<Report>,
    analysing: RwSignal<bool>,
) {
    let id = job.get().wrapping_add(1);
    job.set(id);
    if value.len() < LARGE_PASTE {
        analysing.set(false);
        let r = parse::diagnose(&value);
        let again = needs_languages(&value, &r);
        report.set(r);
        if again {
            read_again_in_every_language(value, job, id, report, analysing);
        }
        return;
    }
    analysing.set(true);
    report.set(parse::diagnose(""));
    let scan = parse::Scan::new(&value);
    step(value, scan, job, id, report, analysing, true);
}

/// One step of a large paste, then the next after a browser turn. After the first step the
/// page shows what that step found, so the first cards appear at once.
fn step(
    value: String,
    mut scan: parse::Scan,
    job: std::rc::Rc<std::cell::Cell<u32>>,
    id: u32,
    report: RwSignal<Report>,
    analysing: RwSignal<bool>,
    first: bool,
) {
    set_timeout(
        move || {
            if job.get() != id {
                return; // a newer paste took over
            }
            if scan.step(&value, STEP_BYTES) {
                let r = scan.finish();
                let again = needs_languages(&value, &r);
                report.set(r);
                analysing.set(false);
                if again {
                    read_again_in_every_language(value, job, id, report, analysing);
                }
            } else {
                // Only the first step updates the page: each update while a huge textarea is
                // on it costs a relayout (measured: updating on every step doubled the time).
                if first {
                    report.set(scan.partial());
                }
                step(value, scan, job, id, report, analysing, false);
            }
        },
        std::time::Duration::from_millis(0),
    );
}

/// True when a paste may hold a localized Firefox message and the languages are not loaded:
/// text beyond ASCII, nothing recognised, or a close match (a wrapper read, its reason not).
fn needs_languages(value: &str, r: &Report) -> bool {
    !crate::l10n::is_loaded()
        && r.problem.is_none()
        && (!value.is_ascii()
            || r.diagnoses.is_empty()
            || r.diagnoses.iter().any(|d| d.matched == parse::Match::Close))
}

/// Loads Firefox's messages in every language (once), then reads the paste again, unless a
/// newer paste took over meanwhile.
fn read_again_in_every_language(
    value: String,
    job: std::rc::Rc<std::cell::Cell<u32>>,
    id: u32,
    report: RwSignal<Report>,
    analysing: RwSignal<bool>,
) {
    browser::load(browser::FIREFOX_LANGUAGES, move || {
        if job.get() == id && crate::l10n::is_loaded() {
            analyse(value, job, report, analysing);
        }
    });
}

/// The page after the static header and paste box of index.html (shown before the wasm
/// loads), mounted inside its `<main>`.
#[component]
pub fn App() -> impl IntoView {
    // A share link (#p=...&f=...) restores the paste and the framework.
    let shared = share::decode(&browser::location_hash());
    let choice = RwSignal::new(
        shared
            .as_ref()
            .and_then(|(_, f)| f.as_deref())
            .and_then(crate::generate::framework)
            .map_or_else(config::remembered_framework, |f| f.id),
    );
    provide_context(FrameworkChoice(choice));
    // The paste box is static (index.html): a share link fills it, else it may already hold a
    // paste made before the app loaded.
    let (first, from_link) = match shared {
        Some((p, _)) => (p, true),
        None => (browser::paste_box_value(), false),
    };
    let text = RwSignal::new(first);
    // What the paste box shows when the app (not the user) changes it: an example, a share
    // link. Typing only updates `text`, so a large paste is never copied back into the box.
    let shown = RwSignal::new(text.get_untracked());
    browser::wire_paste_box(text, shown, from_link);
    // A large paste is read in steps with a browser turn between them, so the page never
    // freezes; `analysing` says so meanwhile.
    let analysing = RwSignal::new(false);
    let initial = text.get_untracked();
    let report = RwSignal::new(parse::diagnose(&initial));
    let job = std::rc::Rc::new(std::cell::Cell::new(0u32));
    if report.with_untracked(|r| needs_languages(&initial, r)) {
        read_again_in_every_language(initial.clone(), job.clone(), 0, report, analysing);
    }
    Effect::new(move |previous: Option<()>| {
        let value = text.get();
        // The first run only subscribes, unless the text changed before it ran.
        if previous.is_some() || value != initial {
            analyse(value, job.clone(), report, analysing);
        }
    });
    let share_note = RwSignal::new(String::new());
    let file_note = RwSignal::new(String::new());
    let theme = RwSignal::new(browser::saved_theme());
    browser::apply_theme(theme.get_untracked());
    Effect::new(move |_| browser::lock_down_network());
    let status = move || {
        report.with(|r| match r.diagnoses.len() {
            0 if r.problem.is_some() || !r.unrecognized.is_empty() => {
                "No CORS error recognised.".to_string()
            }
            0 => String::new(),
            1 => format!(
                "1 error recognised: {}.",
                catalog::kind(r.diagnoses[0].kind).title
            ),
            n => format!("{n} errors recognised."),
        })
    };
    let on_share = move |_| {
        let note = match share::encode(&text.get_untracked(), choice.get_untracked()) {
            Ok(fragment) => {
                browser::replace_hash(&fragment);
                let link = format!("{}#{fragment}", browser::page_url());
                copy_to_clipboard(&link, move |ok| {
                    share_note.set(if ok {
                        "Link copied. It holds your paste in the part after #, which browsers never send to a server.".to_string()
                    } else {
                        "The link is in the address bar; copy it from there.".to_string()
                    });
                });
                return;
            }
            Err(e) => e.to_string(),
        };
        share_note.set(note);
    };
    let toggle_theme = move |_| {
        let next = theme.get_untracked().next();
        browser::apply_theme(next);
        theme.set(next);
    };
    view! {
            <div class="toolbar">
                <Examples text=text shown=shown />
                <label class="button button--quiet open-file">
                    "Open a HAR file"
                    <input type="file" class="visually-hidden" accept=".har,.json,.txt,application/json" data-testid="open-file"
                        on:change=move |ev| {
                            let Some(target) = ev.target() else { return };
                            browser::read_chosen_file(&target, move |name, read| {
                                let name = crate::facts::printable(&name);
                                match read {
                                    Ok(content) => {
                                        file_note.set(format!("Read {name} in your browser ({} KB); nothing was uploaded.", content.len() / 1024));
                                        shown.set(String::new());
                                        text.set(content);
                                    }
                                    Err(why) => file_note.set(format!("{name} was not read: {why}.")),
                                }
                            });
                        }
                    />
                </label>
                <span class="toolbar__buttons">
                    <button type="button" class="button button--quiet" data-testid="share" on:click=on_share>"Copy share link"</button>
                    <button type="button" class="button button--quiet" data-testid="theme" on:click=toggle_theme>
                        {move || theme.get().label()}
                    </button>
                </span>
            </div>
            <p class="share-note" data-testid="share-note">{move || share_note.get()}</p>
            <p class="share-note" data-testid="file-note">{move || file_note.get()}</p>
            <p class="visually-hidden" role="status" data-testid="status">{status}</p>
            {move || analysing.get().then(|| view! { <p class="notice" data-testid="analysing">"Analysing a large paste… the first results are below."</p> })}
            <section class="results" data-testid="results">
                {move || {
                    let r = report.get();
                    if analysing.get() && r.diagnoses.is_empty() { ().into_any() } else { results(r) }
                }}
            </section>
    }
}

/// The results area for one report.
fn results(report: Report) -> AnyView {
    if let Some(problem) = report.problem.clone() {
        if report.diagnoses.is_empty() {
            return view! { <p class="notice" data-testid="problem">{problem.to_string()}</p> }
                .into_any();
        }
    }
    if report.diagnoses.is_empty() && report.evidence.is_empty() {
        let lines = report.unrecognized.clone();
        return view! {
            <div class="notice" data-testid="unrecognized">
                <p>"No CORS error recognised in this text. Paste the whole red line from the console: it usually starts with \"Access to fetch at\", \"Cross-Origin Request Blocked\" or \"Origin … is not allowed\". Or try one of the examples above."</p>
                <ul class="notice__lines">
                    {lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}
                </ul>
            </div>
        }
        .into_any();
    }
    let passing: Vec<crate::check::Verdict> = report
        .evidence
        .iter()
        .filter(|c| c.kind.is_none())
        .map(|c| c.verdict.clone())
        .collect();
    let more_passing = passing.len().saturating_sub(cards::MAX_PASSING_SHOWN);
    let passing_view = passing
        .into_iter()
        .take(cards::MAX_PASSING_SHOWN)
        .map(|v| {
            view! {
                <div class="notice" data-testid="headers-pass">
                    <p>"The pasted headers pass every CORS step: a browser lets the page read this response."</p>
                    {steps_view(v)}
                </div>
            }
        })
        .collect_view();
    let all = cards::cards(&report);
    let (full, rest) = all.split_at(all.len().min(MAX_PAGE_CARDS));
    let more = rest.len().saturating_sub(MAX_PAGE_LINES);
    let lines: Vec<String> = rest
        .iter()
        .take(MAX_PAGE_LINES)
        .map(|c| {
            let d = &report.diagnoses[c.first];
            let times = if c.requests > 1 {
                format!(" ×{}", c.requests)
            } else {
                String::new()
            };
            let url = c.urls.first().map_or("", String::as_str);
            format!("{}{times} {url}", catalog::kind(d.kind).title)
        })
        .collect();
    let cards_view = full
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let d = report.diagnoses[c.first].clone();
            view! { <DiagnosisCard diagnosis=d card=c.clone() index=i /> }
        })
        .collect_view();
    view! {
        {passing_view}
        {(more_passing > 0).then(|| view! {
            <p class="notice" data-testid="more-passing">{format!("And {more_passing} more requests whose headers pass every CORS step.")}</p>
        })}
        {cards_view}
        {(!lines.is_empty()).then(|| view! {
            <div class="notice" data-testid="more-cards">
                <p>{format!("{} more failures of other shapes, in short:", rest.len())}</p>
                <ul class="notice__lines">
                    {lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p>{format!("and {more} more (the command line lists them all)")}</p> })}
            </div>
        })}
    }
    .into_any()
}

/// How many cards the page shows in full (a card holds a config panel: each costs layout).
const MAX_PAGE_CARDS: usize = 20;
/// How many of the remaining cards are listed one line each.
const MAX_PAGE_LINES: usize = 200;

/// The example menu: one realistic paste per kind.
#[component]
fn Examples(
    /// The text being analysed, replaced by the chosen example.
    text: RwSignal<String>,
    /// What the paste box shows, replaced too.
    shown: RwSignal<String>,
) -> impl IntoView {
    // Values: `MenuEntry::value`, read back by `MenuEntry::from_value`.
    let group = |engine: catalog::Engine| {
        view! {
            <optgroup label=engine.label()>
                {MenuEntry::of_engine(engine)
                    .map(|e| view! { <option value=e.value()>{catalog::kind(e.kind).title}</option> })
                    .collect_view()}
            </optgroup>
        }
    };
    view! {
        <label class="examples">
            "Try an example: "
            <select
                data-testid="examples"
                on:change=move |ev| {
                    let Some(entry) = MenuEntry::from_value(&event_target_value(&ev)) else { return };
                    // The texts load with the first choice (examples.js, see catalog::examples).
                    browser::load(browser::EXAMPLES, move || {
                        let t = entry.text();
                        if !t.is_empty() {
                            text.set(t.to_string());
                            shown.set(t.to_string());
                        }
                    });
                }
            >
                <option value="">"choose an error…"</option>
                {group(catalog::Engine::Chromium)}
                {group(catalog::Engine::Firefox)}
                {group(catalog::Engine::Webkit)}
            </select>
        </label>
    }
}

/// One failed request: what it is, the facts, the cause, the fix and a config.
#[component]
fn DiagnosisCard(
    /// The diagnosis to show.
    diagnosis: Diagnosis,
    /// The requests it stands for: their count and URLs.
    card: cards::Card,
    /// Its position in the results, for unique element ids.
    index: usize,
) -> impl IntoView {
    let k = catalog::kind(diagnosis.kind);
    let (policy, notes) = Policy::from_diagnosis_with_notes(&diagnosis);
    let rows = card.fact_rows(&diagnosis);
    let engine = diagnosis.printed_by();
    let e = explain::explain(&diagnosis);
    let dropped: Vec<String> = diagnosis
        .dropped
        .iter()
        .map(|d| format!("{} \"{}\"", d.fact.name(), d.value))
        .collect();
    let count = card.requests;
    let close = diagnosis.matched == parse::Match::Close;
    let from_headers = diagnosis.matched == parse::Match::Evidence;
    let evidence = diagnosis.evidence.clone();
    view! {
        <article class="card" data-testid="diagnosis">
            <p class="card__meta">
                <code class="card__kind" data-testid="kind-id">{k.id.id()}</code>
                {engine.map(|e| view! { <span class="badge" data-testid="engine">{e}</span> })}
                {(count > 1).then(|| view! { <span class="badge">{format!("×{count}")}</span> })}
                {close.then(|| view! { <span class="badge" data-testid="close-match">"close match"</span> })}
                {from_headers.then(|| view! { <span class="badge" data-testid="from-headers">"from the headers"</span> })}
            </p>
            <h2 class="card__title" data-testid="kind-title">{k.title}</h2>
            {close.then(|| view! {
                <p class="card__close">"Looks like this error, from the words of your message; not a browser's exact wording, so check the facts below."</p>
            })}
            <p class="card__summary" data-testid="summary">{e.summary.clone()}</p>
            {facts_table(rows)}
            {dropped_note(dropped)}
            {evidence.map(steps_view)}
            {section("What happened", e.steps)}
            {section("How to fix it", e.fix)}
            {section("Or, on the client", e.client_side.iter().map(|s| s.to_string()).collect())}
            {(!k.lookalike).then(|| view! {
                <ConfigPanel initial=policy id_prefix=format!("card{index}") notes=notes />
            }.into_any())}
            {checks(e.checks)}
            {section("Don't", e.avoid.iter().map(|s| s.to_string()).collect())}
            {section("Watch out for", e.traps.iter().map(|s| s.to_string()).collect())}
            <p class="card__links">
                {e.links.into_iter().map(|(label, url)| view! {
                    <a href=url rel="noopener noreferrer" target="_blank">{label}</a>" "
                }).collect_view()}
            </p>
        </article>
    }
}

/// The checker's steps over pasted headers: each with its outcome and its section of the
/// Fetch standard.
fn steps_view(v: crate::check::Verdict) -> AnyView {
    view! {
        <section class="card__section" data-testid="evidence">
            <h3>"What the headers show, by the "<a href="https://fetch.spec.whatwg.org/" rel="noopener noreferrer" target="_blank">"Fetch standard"</a></h3>
            <ol class="steps">
                {v.steps.into_iter().map(|s| {
                    let mark = if s.pass { "✓ " } else { "✗ " };
                    view! {
                        <li class=if s.pass { "steps__pass" } else { "steps__fail" }>
                            {mark}{s.what}" (#"{s.spec}")"
                        </li>
                    }
                }).collect_view()}
            </ol>
            <ul>{v.engines.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            {(!v.shown.is_empty()).then(|| {
                let text: String = v.shown.into_iter().map(|(line, bad)| format!("{}{line}\n", if bad { "✗ " } else { "  " })).collect();
                view! { <pre class="answer" data-testid="answer">{text}</pre> }
            })}
        </section>
    }
    .into_any()
}

/// The facts read from the paste, as a two-column table; nothing when there are none.
fn facts_table(rows: Vec<(&'static str, String)>) -> AnyView {
    if rows.is_empty() {
        return ().into_any();
    }
    view! {
        <table class="facts" data-testid="facts">
            <tbody>
                {rows.into_iter().map(|(label, v)| view! {
                    <tr><th scope="row">{label}</th><td><code>{v}</code></td></tr>
                }.into_any()).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Says which values of the paste were dropped as invalid; nothing when none were.
fn dropped_note(dropped: Vec<String>) -> AnyView {
    if dropped.is_empty() {
        return ().into_any();
    }
    let text = format!(
        "Ignored {} value(s) from the paste that are not valid: {}",
        dropped.len(),
        dropped.join(", ")
    );
    view! { <p class="card__dropped" data-testid="dropped">{text}</p> }.into_any()
}

/// The curl commands that check the fix, each with a copy button and what it must show.
fn checks(checks: Vec<explain::Check>) -> AnyView {
    if checks.is_empty() {
        return ().into_any();
    }
    view! {
        <h3>"Check the fix"</h3>
        {checks.into_iter().enumerate().map(|(i, c)| view! {
            <p class="check__label">{c.label}</p>
            <pre class="snippet" data-testid="check" tabindex="0" aria-label="Command"><code>{c.command.clone()}</code></pre>
            <CopyButton text=c.command testid=if i == 0 { "copy-check-1" } else { "copy-check-2" } />
            {section("", c.expect)}
        }.into_any()).collect_view()}
    }
    .into_any()
}

/// A titled bullet list of text items; nothing when there are no items.
fn section(title: &'static str, items: Vec<String>) -> AnyView {
    if items.is_empty() {
        return ().into_any();
    }
    view! {
        {(!title.is_empty()).then(|| view! { <h3>{title}</h3> })}
        <ul>{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
    }
    .into_any()
}

/// A button that copies `text` and says so.
#[component]
pub(crate) fn CopyButton(
    /// What to put on the clipboard.
    text: String,
    /// The `data-testid` of the button.
    testid: &'static str,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let on_click = move |_| {
        copy_to_clipboard(&text, move |ok| copied.set(Some(ok)));
    };
    view! {
        <button type="button" class="button" data-testid=testid on:click=on_click>
            {move || match copied.get() {
                None => "Copy",
                Some(true) => "Copied ✓",
                Some(false) => "Copy failed: select the text",
            }}
        </button>
    }
}

/// Writes to the system clipboard, then calls `done` with false when the browser refused.
/// A callback on the promise rather than an async task: no futures executor in the bundle.
fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{closure::Closure, JsCast, JsValue};
        let Some(window) = web_sys::window() else {
            return done(false);
        };
        let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
        let finish = move |ok: bool| {
            if let Some(f) = done.take() {
                f(ok);
            }
        };
        let on_fail = finish.clone();
        // promise.then(ok, fail), called through JS: only one of the two callbacks runs (the
        // other is a few bytes left to the page's lifetime).
        let promise: JsValue = window.navigator().clipboard().write_text(text).into();
        let ok = Closure::once_into_js(move |_: JsValue| finish(true));
        let fail = Closure::once_into_js(move |_: JsValue| on_fail(false));
        let called = web_sys::js_sys::Reflect::get(&promise, &JsValue::from_str("then"))
            .ok()
            .and_then(|then| then.dyn_into::<web_sys::js_sys::Function>().ok())
            .map(|then| then.call2(&promise, &ok, &fail).is_ok());
        if called != Some(true) {
            // No promise: the API is missing or threw; say so.
            let _ = fail
                .unchecked_into::<web_sys::js_sys::Function>()
                .call1(&JsValue::NULL, &JsValue::NULL);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        done(false);
    }
}
