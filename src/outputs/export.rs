//! `dossier.json`: the whole resolved dossier, for other tools. It is written straight to
//! the file, and in a build session the sources (nearly all of its bytes) are serialised
//! once and reused while unchanged (`Source::key`).

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::value::RawValue;

use crate::hash::hash_of;
use crate::model::dossier::Dossier;
use crate::model::dossier::{Actor, Backlink, Event, Figure, Meta, NameCount, Pillar, Question, ReviewEntry, Source};

/// The same fields, in the same order, as `Dossier`, with sources already serialised.
/// (A one-off build serialises `Dossier` itself; `tests/incremental.rs` compares the two
/// outputs byte for byte, so a field added to one and not the other fails there.)
#[derive(Serialize)]
struct Export<'a> {
    meta: &'a Meta,
    pillars: &'a [Pillar],
    questions: &'a [Question],
    actors: &'a [Actor],
    events: &'a [Event],
    figures: &'a [Figure],
    sources: Vec<&'a RawValue>,
    backlinks: &'a std::collections::BTreeMap<String, Vec<Backlink>>,
    review_queue: &'a [ReviewEntry],
    unknown_names: &'a [NameCount],
}

/// Serialised sources kept between the builds of a session.
#[derive(Default)]
pub struct ExportCache {
    sources: HashMap<String, (u64, Box<RawValue>)>,
}

fn key(s: &Source) -> u64 {
    // `stale` is set after resolution, so it is not part of `key`.
    hash_of(&(s.key, &s.head.stale))
}

/// Writes `dossier.json` to `out`; with a `cache` (a build session), reuses and keeps
/// the serialised sources that are unchanged.
pub fn write_json(d: &Dossier, out: &mut dyn Write, cache: Option<&mut ExportCache>) -> io::Result<()> {
    use rayon::prelude::*;
    let Some(cache) = cache else {
        // A one-off build streams the dossier straight out, never holding it serialised.
        return Ok(serde_json::to_writer(out, d)?);
    };
    let earlier = &cache.sources;
    let fresh: Vec<Option<(u64, Box<RawValue>)>> = d
        .sources
        .par_iter()
        .map(|s| {
            let k = key(s);
            match earlier.get(&s.head.link.id) {
                Some((old, _)) if *old == k => Ok(None),
                _ => Ok(Some((k, serde_json::value::to_raw_value(s)?))),
            }
        })
        .collect::<Result<_, serde_json::Error>>()?;
    let mut sources: Vec<&RawValue> = Vec::with_capacity(d.sources.len());
    for (s, f) in d.sources.iter().zip(&fresh) {
        match f {
            Some((_, raw)) => sources.push(raw),
            None => match earlier.get(&s.head.link.id) {
                Some((_, raw)) => sources.push(raw),
                None => return Err(io::Error::other("export cache lost a source")),
            },
        }
    }
    let export = Export {
        meta: &d.meta,
        pillars: &d.pillars,
        questions: &d.questions,
        actors: &d.actors,
        events: &d.events,
        figures: &d.figures,
        sources,
        backlinks: &d.backlinks,
        review_queue: &d.review_queue,
        unknown_names: &d.unknown_names,
    };
    serde_json::to_writer(&mut *out, &export)?;
    drop(export);
    let mut kept = std::mem::take(&mut cache.sources);
    cache.sources = d
        .sources
        .iter()
        .zip(fresh)
        .filter_map(|(s, f)| {
            let id = &s.head.link.id;
            let entry = match f {
                Some(entry) => entry,
                None => kept.remove(id)?,
            };
            Some((id.clone(), entry))
        })
        .collect();
    Ok(())
}
