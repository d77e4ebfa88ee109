//! What one resolution can lend the next, in a build session (`dossier serve`): the
//! per-source work (paragraph splitting, quote normalisation, mention matching, unknown
//! names), which is most of the cost of resolving a large dossier and depends only on
//! the source itself, its citations and the actors' names.
//!
//! Invariant: an entry is used only when the hash of every input it was made from is
//! equal, so a cached result is always the result a fresh resolution would compute.

use std::collections::HashMap;
use std::sync::Arc;

use super::SourceText;
use crate::model::dossier::{Mention, Source};

#[derive(Default)]
pub struct Cache {
    /// source id -> (hash of its body and relays, prepared text)
    pub(super) texts: HashMap<String, (u64, Arc<SourceText>)>,
    /// source id -> (hash of every input, resolved source, its mentions by actor id)
    pub(super) sources: HashMap<String, (u64, Arc<ResolvedSource>)>,
}

pub struct ResolvedSource {
    pub source: Source,
    pub mentions: Vec<(String, Mention)>,
}
