//! The editor's tools: `add` (import an article), `init` and `new` (scaffolds), and
//! `schema` (JSON Schemas for editors that complete fields).

pub mod add;
pub mod alias;
pub mod import;
pub mod metadata;
pub mod scaffold;
pub mod schema;
pub mod touches;
