//! The review queue: an item whose `reviewed` date is older than a source that it cites
//! or that mentions it (by an actor's name or alias) may no longer say what the sources
//! say. Such items are flagged on their own page and listed for editors.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::date::PartialDate;
use crate::model::dossier::{Dossier, Head, Link, NameCount, ReviewEntry, Stale};

/// Flags every stale item and fills `review_queue`.
pub fn flag_stale(d: &mut Dossier) {
    // When each source appeared: its publication date, else when it was retrieved.
    let dates: BTreeMap<&str, (PartialDate, &Link)> = d
        .sources
        .iter()
        .filter_map(|s| s.published.or(s.retrieved).map(|date| (s.head.link.id.as_str(), (date, &s.head.link))))
        .collect();
    // Which sources touch each item: those its claims cite, and for actors those naming them.
    let mut touching: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in &d.sources {
        for row in s.cited_by.iter().flat_map(|g| &g.rows) {
            touching.entry(row.item.id.clone()).or_default().insert(s.head.link.id.clone());
        }
    }
    for a in &d.actors {
        for m in &a.mentions {
            touching.entry(a.head.link.id.clone()).or_default().insert(m.source.id.clone());
        }
    }
    let stale_of = |head: &Head| -> Option<Stale> {
        let reviewed = head.reviewed?;
        let ids = touching.get(&head.link.id)?;
        let mut newer: Vec<(PartialDate, &Link)> =
            ids.iter().filter_map(|id| dates.get(id.as_str())).filter(|(date, _)| *date > reviewed).copied().collect();
        newer.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        (!newer.is_empty()).then(|| Stale { reviewed, sources: newer.into_iter().map(|(_, l)| l.clone()).collect() })
    };
    let mut queue = Vec::new();
    let heads = d
        .pillars
        .iter_mut()
        .map(|x| &mut x.head)
        .chain(d.questions.iter_mut().map(|x| &mut x.head))
        .chain(d.actors.iter_mut().map(|x| &mut x.head))
        .chain(d.figures.iter_mut().map(|x| &mut x.head));
    for head in heads {
        head.stale = stale_of(head);
        if let Some(stale) = &head.stale {
            queue.push(ReviewEntry { item: head.link.clone(), stale: stale.clone() });
        }
    }
    queue.sort_by(|a, b| a.stale.reviewed.cmp(&b.stale.reviewed).then_with(|| a.item.id.cmp(&b.item.id)));
    d.review_queue = queue;

    // New names across all sources, for the editor's review page and `dossier check`.
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut spelling_of: HashMap<&str, &Link> = HashMap::new();
    for s in &d.sources {
        for n in &s.unknown_names {
            *names.entry(n.name.clone()).or_default() += n.count;
            if let Some(link) = &n.spelling_of {
                spelling_of.insert(&n.name, link);
            }
        }
    }
    // "Tusk" in one article and "Donald Tusk" in another are one candidate.
    super::unknown_names::merge_surnames(&mut names);
    let mut ranked: Vec<NameCount> = names
        .into_iter()
        .map(|(name, count)| {
            let spelling_of = spelling_of.get(name.as_str()).map(|l| (*l).clone());
            NameCount { name, count, spelling_of }
        })
        .collect();
    ranked.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    ranked.truncate(50);
    d.unknown_names = ranked;
    d.caseless_sources = d.sources.iter().filter(|s| s.caseless).map(|s| s.head.link.id.clone()).collect();
}
