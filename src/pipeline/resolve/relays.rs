//! Which outlet a source's reporting comes from (its origin): itself, the outlet its
//! `relays:` names, or, when `relays:` names another source, that source's origin, so a
//! wire copy and its original count as one origin.

use std::collections::HashMap;
use std::sync::Arc;

use super::SourceText;
use crate::pipeline::load::{Loaded, SourceData};

/// The origin key of a source: the outlet it relays, or itself.
pub(super) fn origin(id: &str, relays: Option<&str>) -> String {
    match relays.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => {
            let lower = r.to_lowercase();
            lower.strip_prefix("the ").unwrap_or(&lower).to_string()
        }
        None => format!("source:{id}"),
    }
}

/// A source whose `relays:` names another source's id shares that source's origin: a
/// wire copy and its original count once (followed through a few relays, never round).
pub(super) fn relayed_sources(texts: &mut HashMap<String, Arc<SourceText>>, sources: &[Loaded<SourceData>]) {
    let relays: HashMap<&str, &str> = sources
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.data.front.relays.as_deref()?.trim())))
        .filter(|(id, r)| id != r && texts.contains_key(*r))
        .collect();
    for (id, first) in &relays {
        let mut at = *first;
        for _ in 0..8 {
            match relays.get(at) {
                Some(next) if next != id => at = next,
                _ => break,
            }
        }
        let origin = texts[at].origin.clone();
        if let Some(text) = texts.get_mut(*id) {
            if text.origin != origin {
                *text = Arc::new(SourceText { origin, ..(**text).clone() });
            }
        }
    }
}
