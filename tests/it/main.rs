//! The integration tests: one binary (one link of the library), one module per thing a
//! user does. Each test runs the real `dossier` binary and reads what a user would:
//! exit codes, messages, and the built pages parsed as a browser would.
//!
//! Where a test goes:
//! - `site`: the shipped dossier as a reader gets it; `labels`, `publish`, `incremental`:
//!   other ways of building it; `rights`: the shipped dossier with sources excerpted;
//! - `cli`, `errors`: the command line, and every class of bad input;
//! - `add`, `init_new`, `schema`, `serve`: the editor's other commands;
//! - `hardening/`: hostile content, hostile file systems, killed builds, property tests;
//! - `external_checkers`: the W3C checker, axe-core and Chromium (skipped when absent,
//!   mandatory in CI through `DOSSIER_REQUIRE_CHECKERS=1`).

mod common;

mod add;
mod batch_add;
mod citations;
mod cli;
mod copies;
mod corpus_cli;
mod editions;
mod editor_errors;
mod errors;
mod external_checkers;
mod golden;
mod hardening;
mod incremental;
mod indicators;
mod init_new;
mod labels;
mod languages;
mod newsroom;
mod output_safety;
mod paging;
mod previews;
mod print_pdf;
mod publish;
mod quotes;
mod reading;
mod relations;
mod rights;
mod schema;
mod schema_agreement;
mod scripts;
mod search;
mod serve;
mod serve_slow;
mod serve_support;
mod site;
mod untrusted_input;
