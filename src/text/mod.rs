//! Text algorithms that know nothing of dossiers: curated Markdown to safe HTML,
//! articles split into paragraphs, quotes found in a text.

pub mod collate;
pub mod compare;
pub mod escape;
pub mod markdown;
pub mod nesting;
pub mod paragraphs;
pub mod quote;
pub mod terminal;
pub mod truncate;

pub use terminal::{describe_control, first_control, strip_controls, terminal_safe};
