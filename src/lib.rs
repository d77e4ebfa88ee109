//! `dossier`: a static site generator for briefing dossiers.
//!
//! The folders show the architecture, from the bottom up; nothing imports from a
//! folder above it:
//!
//! - `text/`: text algorithms (Markdown, paragraphs, quotes) that know nothing of dossiers;
//! - `model/`: the vocabulary every stage shares (kinds and ids, dates, the files as
//!   written, the resolved `Dossier`);
//! - `outputs/`: what a build writes besides pages (search index, `dossier.json`, map, zip);
//! - `pipeline/`: the build, one module per stage (load -> resolve -> plan -> render -> write),
//!   driven by a `Session`;
//! - `serve/`: the local server that rebuilds on every change;
//! - `authoring/`: the editor's tools (`add`, `init`, `new`, `schema`).
//!
//! Errors are collected as `Diagnostic`s across a whole run; a command's outcome is a
//! `Failure` with its exit code. The binary's `cmd/` folder prints what these return.

pub mod authoring;
pub mod diagnostic;
pub mod error;
pub mod hash;
pub mod memo;
pub mod model;
pub mod outputs;
pub mod pipeline;
pub mod serve;
pub mod text;

pub use authoring::add::{add, AddOptions, Added, Batch};
pub use diagnostic::Diagnostic;
pub use error::Failure;
pub use model::dossier::Dossier;
pub use pipeline::session::{Built, Session};
pub use pipeline::{build, build_with, check, open, BuildOptions};
