//! `dossier.json`: the whole resolved dossier, for other tools. It is written straight to
//! the file, and in a build session the sources (nearly all of its bytes) are serialised
//! once and reused while unchanged (`Source::key`).

use std::io::{self, Write};
use std::sync::Arc;

use serde::Serialize;
use serde_json::value::RawValue;

use crate::hash::hash_of;
use crate::memo::Table;
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

fn key(s: &Source) -> u64 {
    // `stale` is set after resolution, so it is not part of `key`.
    hash_of(&(s.key, &s.head.stale))
}

/// Writes `dossier.json` to `out`. With a memo that is on (a build session), the
/// serialised sources are reused while unchanged, and kept for the next build.
pub fn write_json(d: &Dossier, out: &mut dyn Write, memo: &mut Table<RawValue>) -> io::Result<()> {
    use rayon::prelude::*;
    if !memo.is_on() {
        // A one-off build streams the dossier straight out, never holding it serialised.
        return Ok(serde_json::to_writer(out, d)?);
    }
    let earlier = &*memo;
    let serialised: Vec<(u64, Arc<RawValue>)> = d
        .sources
        .par_iter()
        .map(|s| {
            let k = key(s);
            match earlier.get(&s.head.link.id, k) {
                Some(done) => Ok((k, done)),
                None => Ok((k, Arc::from(serde_json::value::to_raw_value(s)?))),
            }
        })
        .collect::<Result<_, serde_json::Error>>()?;
    let sources: Vec<&RawValue> = serialised.iter().map(|(_, raw)| &**raw).collect();
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
    memo.keep(d.sources.iter().zip(serialised).map(|(s, (k, raw))| (s.head.link.id.clone(), k, raw)));
    Ok(())
}
