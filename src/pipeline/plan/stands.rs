//! `stands.html`, "who stands where": actors (rows) against pillars and questions
//! (columns), each cell what the content says of that actor there, a pillar role or a
//! cited position, with its citations. Both ways an editor can write a position (under
//! the actor, `on: <question>`, or under the question, `actor: <id>`) land in one cell,
//! each said once. Only actors with something to show get a row, and only pillars and
//! questions someone stands on get a column.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::context::page;
use super::Page;
use crate::model::dossier::{Claim, Dossier, Link};

#[derive(Serialize, Default)]
struct Cell<'d> {
    /// The actor's role in a pillar, as the pillar states it.
    roles: Vec<&'d str>,
    positions: Vec<&'d Claim>,
}

/// `stands.html`'s context.
#[derive(Serialize)]
struct Stands<'d> {
    title: &'d str,
    columns: Vec<&'d Link>,
    /// The first columns are pillars, the rest questions.
    pillar_columns: usize,
    rows: Vec<Row<'d>>,
}

#[derive(Serialize)]
struct Row<'d> {
    actor: &'d Link,
    cells: Vec<Cell<'d>>,
    /// How many cells say something, for the phone view's summary line.
    filled: usize,
}

pub(super) fn stands_page(d: &Dossier) -> Page<'_> {
    // (actor id, column id) -> cell.
    let mut cells: BTreeMap<(&str, &str), Cell> = BTreeMap::new();
    for p in &d.pillars {
        for r in &p.actors {
            cells.entry((&r.actor.id, &p.head.link.id)).or_default().roles.push(&r.role);
        }
    }
    let mut stated: Vec<(&Link, &Link, &Claim)> = Vec::new();
    for a in &d.actors {
        stated.extend(a.positions.iter().map(|s| (&a.head.link, &s.on, &s.claim)));
    }
    for q in &d.questions {
        stated.extend(q.positions.iter().map(|s| (&s.on, &q.head.link, &s.claim)));
    }
    for (actor, on, claim) in stated {
        let cell = cells.entry((&actor.id, &on.id)).or_default();
        // The same position written under the actor and under the question is shown once.
        if !cell.positions.iter().any(|c| c.plain == claim.plain) {
            cell.positions.push(claim);
        }
    }

    let used: BTreeSet<&str> = cells.keys().map(|(_, on)| *on).collect();
    let columns: Vec<&Link> = d
        .pillars
        .iter()
        .map(|p| &p.head.link)
        .chain(d.questions.iter().map(|q| &q.head.link))
        .filter(|l| used.contains(l.id.as_str()))
        .collect();
    let rows: Vec<Row> = d
        .actors
        .iter()
        .map(|a| &a.head.link)
        .filter_map(|actor| {
            let row: Vec<Cell> =
                columns.iter().map(|c| cells.remove(&(actor.id.as_str(), c.id.as_str())).unwrap_or_default()).collect();
            let filled = row.iter().filter(|c| !c.roles.is_empty() || !c.positions.is_empty()).count();
            (filled > 0).then_some(Row { actor, cells: row, filled })
        })
        .collect();
    let pillars = d.pillars.iter().filter(|p| used.contains(p.head.link.id.as_str())).count();
    let stands = Stands { title: &d.meta.labels.stands, columns, pillar_columns: pillars, rows };
    page(d, "stands.html", "stands.html", "stands", stands)
}
