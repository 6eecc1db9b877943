//! cors-doctor: paste a browser console CORS error, get the cause, the fix and a server config.
//!
//! The data flows one way: [`catalog`] (what error kinds exist and how each browser words them)
//! -> [`parse`] (pasted text -> diagnoses with facts) -> [`generate`] (policy -> config text)
//! -> [`ui`] (Leptos components); [`explain`] turns a diagnosis into the cause, the fix and the
//! checks. Everything except `ui` is plain Rust with no browser APIs, so it compiles and is
//! tested natively; `cli` is the native command-line front end.

pub mod buckets;
pub mod cards;
pub mod catalog;
pub mod check;
pub mod close;
pub mod evidence;
pub mod explain;
pub mod facts;
pub mod generate;
pub mod har;
pub mod l10n;
pub mod parse;
pub mod psl;
pub mod re;
pub mod share;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod probe;
