//! The vocabulary every stage shares, importing nothing above it: the kinds of item and
//! their ids, dates, the content files as written (`files`) and the resolved dossier
//! every output reads (`dossier`).

pub mod base_url;
pub mod date;
pub mod dossier;
pub mod fields;
mod figure_reading;
pub mod files;
pub mod kind;
pub mod labels;
pub mod messages;
pub mod source_file;
