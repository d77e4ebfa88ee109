//! What one resolution can lend the next, in a build session (`dossier serve`): the
//! per-source work (paragraph splitting, quote normalisation, mention matching, unknown
//! names), which is most of the cost of resolving a large dossier and depends only on
//! the source itself, its citations and the actors' names.
//!
//! Invariant: an entry is used only when the hash of every input it was made from is
//! equal, so a cached result is always the result a fresh resolution would compute.

use super::SourceText;
use crate::memo::Table;
use crate::model::dossier::{Mention, Source};

/// Off (`Cache::default()`) in a one-off build or a check.
#[derive(Default)]
pub struct Cache {
    /// By source id, keyed by the hash of its body and relays: the prepared text.
    pub(super) texts: Table<SourceText>,
    /// By source id, keyed by the hash of every input: the resolved source and its
    /// mentions by actor id.
    pub(super) sources: Table<ResolvedSource>,
}

impl Cache {
    /// A cache that remembers (a build session).
    pub fn on() -> Cache {
        Cache { texts: Table::on(), sources: Table::on() }
    }
}

pub struct ResolvedSource {
    pub source: Source,
    pub mentions: Vec<(String, Mention)>,
}
