//! The config panel of a diagnosis card: a searchable framework picker (the choice is shared by
//! every card and remembered in localStorage), the options form pre-filled from the diagnosis
//! with inline validation, and the snippet with its file name, copy button and pitfalls.

use leptos::prelude::*;

use super::CopyButton;
use crate::generate::{self, Policy, PolicyError, PolicySpec, FRAMEWORKS};

/// The framework the user picked, shared by every card through context.
#[derive(Clone, Copy)]
pub struct FrameworkChoice(pub RwSignal<&'static str>);

const STORAGE_KEY: &str = "cors-doctor.framework";

/// The framework remembered from the last visit, or Express.
pub fn remembered_framework() -> &'static str {
    #[cfg(target_arch = "wasm32")]
    {
        // The raw Storage API: the typed one would pull serde_json into the bundle.
        use gloo_storage::Storage;
        if let Ok(Some(id)) = gloo_storage::LocalStorage::raw().get_item(STORAGE_KEY) {
            if let Some(f) = generate::framework(&id) {
                return f.id;
            }
        }
    }
    "express"
}

/// Saves the choice for the next visit (ignored where storage is unavailable).
pub fn remember_framework(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        let _ = gloo_storage::LocalStorage::raw().set_item(STORAGE_KEY, id);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (id, STORAGE_KEY);
}

fn split_list(s: &str) -> Vec<String> {
    s.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// The options form's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Origins,
    Patterns,
    Methods,
    Headers,
    Expose,
    MaxAge,
}

impl Field {
    /// The name in the field's element id and test id (`opt-origins`).
    fn id(self) -> &'static str {
        match self {
            Field::Origins => "origins",
            Field::Patterns => "patterns",
            Field::Methods => "methods",
            Field::Headers => "headers",
            Field::Expose => "expose",
            Field::MaxAge => "max-age",
        }
    }
}

/// Which form field an error belongs to.
fn field_of(e: &PolicyError) -> Field {
    match e {
        PolicyError::Origin(..) | PolicyError::NoOrigin | PolicyError::UnsafeOrigin(_) => {
            Field::Origins
        }
        PolicyError::Pattern(_)
        | PolicyError::PublicSuffix(..)
        | PolicyError::SuffixListPending => Field::Patterns,
        PolicyError::Method(_) => Field::Methods,
        PolicyError::Header(_) => Field::Headers,
        PolicyError::MaxAge(_) => Field::MaxAge,
    }
}

/// The inline error under an option, announced to screen readers.
fn field_error(msg: String) -> impl IntoView {
    view! { <p class="field__error" role="alert">{msg}</p> }
}

/// The policy as the form describes it, or the field in error and the message.
type FormPolicy = Memo<Result<Policy, (Field, String)>>;

/// One labelled text input of the options form, with its inline error.
fn field(
    id: String,
    name: Field,
    label: &'static str,
    value: RwSignal<String>,
    policy: FormPolicy,
) -> AnyView {
    let error = move || match policy.get() {
        Err((f, msg)) if f == name => Some(field_error(msg)),
        _ => None,
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                data-testid=format!("opt-{}", name.id())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {error}
        </div>
    }
    .into_any()
}

/// The framework picker, the options form and the generated snippet.
#[component]
pub fn ConfigPanel(
    /// The policy the diagnosis implies; the form starts from it.
    initial: Policy,
    /// A prefix for element ids, unique per card.
    id_prefix: String,
    /// Facts of the error the policy could not use, said next to the config.
    #[prop(optional)]
    notes: Vec<String>,
) -> impl IntoView {
    // use_context, not expect_context: its panic message would add Debug formatting to the bundle.
    let choice = use_context::<FrameworkChoice>().map_or_else(|| RwSignal::new("express"), |c| c.0);
    let search = RwSignal::new(String::new());
    let origins = RwSignal::new(initial.origins().join("\n"));
    let patterns = RwSignal::new(initial.patterns().join(" "));
    let methods = RwSignal::new(initial.methods().join(", "));
    let headers = RwSignal::new(initial.headers().join(", "));
    let expose = RwSignal::new(initial.expose().join(", "));
    let credentials = RwSignal::new(initial.credentials());
    let max_age = RwSignal::new(initial.max_age().map(|a| a.to_string()).unwrap_or_default());

    // The Public Suffix List is loaded on first use: once a pattern is typed.
    let psl_ready = RwSignal::new(crate::psl::is_loaded());
    Effect::new(move |_| {
        if !psl_ready.get() && patterns.with(|p| !p.trim().is_empty()) {
            crate::ui::browser::load(crate::ui::browser::SUFFIX_LIST, move || psl_ready.set(true));
        }
    });
    let policy = Memo::new(move |_| -> Result<Policy, (Field, String)> {
        psl_ready.track();
        let age = max_age.with(|a| a.trim().to_string());
        let age = if age.is_empty() {
            None
        } else {
            Some(age.parse::<u32>().map_err(|_| {
                (
                    Field::MaxAge,
                    format!("\"{age}\" is not a number of seconds"),
                )
            })?)
        };
        PolicySpec {
            origins: &origins.with(|o| split_list(o)),
            methods: &methods.with(|m| split_list(m)),
            headers: &headers.with(|h| split_list(h)),
            expose: &expose.with(|e| split_list(e)),
            credentials: credentials.get(),
            max_age: age,
            patterns: &patterns.with(|x| split_list(x)),
        }
        .validate()
        .map_err(|e| (field_of(&e), e.to_string()))
    });
    let error_for = move |field: Field| {
        move || match policy.get() {
            Err((f, msg)) if f == field => Some(field_error(msg)),
            _ => None,
        }
    };
    let framework = move || generate::framework(choice.get()).unwrap_or(&FRAMEWORKS[0]);
    // The page loads a target's template when it is first shown (generate::Framework::script);
    // `loaded` names the last target whose file finished loading, or failed to.
    let loaded = RwSignal::new("");
    Effect::new(move |_| {
        let f = framework();
        if f.template().is_none() {
            let file = crate::ui::browser::LazyData {
                file: f.script,
                global: f.script,
                install: generate::install_template,
                is_loaded: || false,
            };
            crate::ui::browser::load(file, move || loaded.set(f.id));
        }
    });
    let matches = move || {
        let q = search.get().to_ascii_lowercase();
        FRAMEWORKS
            .iter()
            .filter(|f| {
                q.is_empty()
                    || f.id.contains(&q)
                    || f.label.to_ascii_lowercase().contains(&q)
                    || f.keywords.contains(&q)
            })
            .collect::<Vec<_>>()
    };
    let id = move |name: &str| format!("{id_prefix}-{name}");

    view! {
        <div class="config">
            <h3>"Server configuration"</h3>
            <div class="picker">
                <label for=id("search")>"Find your framework"</label>
                <input
                    id=id("search")
                    type="search"
                    data-testid="framework-search"
                    placeholder="express, django, nginx, s3…"
                    prop:value=move || search.get()
                    on:input=move |ev| {
                        search.set(event_target_value(&ev));
                        if let Some(first) = matches().first() {
                            if !matches().iter().any(|f| f.id == choice.get_untracked()) {
                                choice.set(first.id);
                                remember_framework(first.id);
                            }
                        }
                    }
                />
                <label for=id("framework")>"Framework or platform"</label>
                <select
                    id=id("framework")
                    data-testid="framework"
                    on:change=move |ev| {
                        if let Some(f) = generate::framework(&event_target_value(&ev)) {
                            choice.set(f.id);
                            remember_framework(f.id);
                        }
                    }
                >
                    {move || matches().into_iter().map(|f| view! {
                        <option value=f.id selected=move || choice.get() == f.id>{f.label}</option>
                    }).collect_view()}
                </select>
            </div>
            <details class="options" open>
                <summary>"Options (filled in from your error)"</summary>
                <div class="field">
                    <label for=id("origins")>"Allowed origins, one per line"</label>
                    <textarea id=id("origins") rows="2" data-testid="opt-origins" spellcheck="false"
                        prop:value=move || origins.get()
                        on:input=move |ev| origins.set(event_target_value(&ev))></textarea>
                    {error_for(Field::Origins)}
                </div>
                {field(id(Field::Patterns.id()), Field::Patterns, "Origin patterns, e.g. https://*.example.com (optional)", patterns, policy)}
                {field(id(Field::Methods.id()), Field::Methods, "Methods", methods, policy)}
                {field(id(Field::Headers.id()), Field::Headers, "Request headers", headers, policy)}
                {field(id(Field::Expose.id()), Field::Expose, "Response headers the page may read", expose, policy)}
                <div class="field field--inline">
                    <input id=id("credentials") type="checkbox" data-testid="opt-credentials"
                        prop:checked=move || credentials.get()
                        on:change=move |ev| credentials.set(event_target_checked(&ev)) />
                    <label for=id("credentials")>"Allow credentials (cookies, HTTP auth)"</label>
                </div>
                {field(id(Field::MaxAge.id()), Field::MaxAge, "Preflight cache (seconds)", max_age, policy)}
            </details>
            {move || {
                let f = framework();
                let tried = loaded.get() == f.id;
                match policy.get() {
                    Ok(_) if f.template().is_none() => view! {
                        <p class="notice" data-testid="config-loading">
                            {if tried { "This configuration could not be loaded: reload the page." } else { "Loading the configuration…" }}
                        </p>
                    }
                    .into_any(),
                    Ok(p) => {
                        let text = f.render(&p);
                        let said: Vec<String> = notes.iter().cloned().chain(f.unsupported(&p)).collect();
                        view! {
                            <p class="snippet__file" data-testid="config-file">{format!("{} — {}", f.file, f.placement)}</p>
                            <p class="snippet__verified" data-testid="verified">
                                {match generate::verified(f.id) {
                                    Some((server, passed)) => format!("Verified against {server}: {passed} scenarios pass."),
                                    None => "Checked for syntax and shape only; not run in a real server here.".to_string(),
                                }}
                            </p>
                            {(!f.patterns && !p.patterns().is_empty()).then(|| view! {
                                <p class="notice" data-testid="patterns-unsupported">
                                    {format!("{} cannot match origin patterns: only the exact origins are in this config.", f.label)}
                                </p>
                            })}
                            {(!said.is_empty()).then(|| view! {
                                <ul class="notice" data-testid="config-notes">
                                    {said.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                                </ul>
                            })}
                            <pre class="snippet" data-testid="config" tabindex="0" aria-label="Generated configuration"><code>{text.clone()}</code></pre>
                            <CopyButton text=text testid="copy-config" />
                            <ul class="snippet__notes">
                                {f.notes.iter().map(|n| view! { <li>{*n}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                    Err(_) => view! {
                        <p class="notice" data-testid="config-invalid">"Fix the highlighted option to see the configuration."</p>
                    }
                    .into_any(),
                }
            }}
        </div>
    }
}
