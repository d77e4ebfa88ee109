//! What one resolution can lend the next, in a build session (`dossier serve`): the
//! per-source work (paragraph splitting, quote normalisation, mention matching, unknown
//! names), which is most of the cost of resolving a large dossier and depends only on
//! the source itself, its citations and the actors' names.
//!
//! Invariant: an entry is used only when the hash of every input it was made from is
//! equal, so a cached result is always the result a fresh resolution would compute.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::Arc;

use serde::Serialize;

use super::SourceText;
use crate::dossier::{Mention, Source};

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

/// Feeds serialised values into a hasher without building them in memory.
struct HashWriter(std::hash::DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A hash of `value`'s serialisation.
pub fn hash_of(value: &impl Serialize) -> u64 {
    let mut h = HashWriter(std::hash::DefaultHasher::new());
    // Writing to a hasher does no I/O, and every map here has string keys, so
    // serialisation cannot fail part-way (which would leave a weaker key).
    let _ = serde_json::to_writer(&mut h, value);
    h.0.finish()
}
