//! The small "Connections" drawing on each pillar, question, actor and event page: the
//! item on the left, its direct neighbours on the right grouped by kind, one curve to
//! each, drawn in the gutter so no curve crosses a box. The adjacency is built once per
//! build (linear in the links); each page's drawing is a stack of boxes, linear in its
//! neighbours.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::dossier::{Dossier, Link};
use crate::model::kind::Kind;
use crate::outputs::concept_map::{wrap, MapNode};

/// At most this many neighbours are drawn; the rest are counted.
const MAX_SHOWN: usize = 40;
// Boxes, labels and gutters measure as on the map, so the two drawings read alike.
use super::concept_map::{BOX_W, GUTTER, LINE_CHARS, LINE_H, PAD};
const GAP: f64 = 6.0;
const HEADING_H: f64 = 22.0;

/// Every item's direct neighbours (of the kinds that have pages with a drawing, plus
/// figures), by id, each once.
pub struct Neighbours<'d> {
    of: BTreeMap<&'d str, BTreeMap<&'d str, &'d Link>>,
}

impl<'d> Neighbours<'d> {
    pub fn new(d: &'d Dossier) -> Neighbours<'d> {
        let mut n = Neighbours { of: BTreeMap::new() };
        for p in &d.pillars {
            let me = &p.head.link;
            p.actors.iter().for_each(|r| n.join(me, &r.actor));
            p.questions.iter().chain(&p.related).for_each(|l| n.join(me, l));
        }
        for q in &d.questions {
            let me = &q.head.link;
            q.positions.iter().for_each(|s| n.join(me, &s.on));
            q.pillars.iter().chain(&q.related).for_each(|l| n.join(me, l));
        }
        for a in &d.actors {
            let me = &a.head.link;
            a.positions.iter().for_each(|s| n.join(me, &s.on));
            a.affiliation.iter().chain(&a.members).chain(&a.related).for_each(|l| n.join(me, l));
        }
        for e in &d.events {
            e.actors.iter().chain(&e.related).for_each(|l| n.join(&e.head.link, l));
        }
        for f in &d.figures {
            f.related.iter().for_each(|l| n.join(&f.head.link, l));
        }
        n
    }

    fn join(&mut self, a: &'d Link, b: &'d Link) {
        let drawn = |l: &Link| !matches!(l.kind, Kind::Source) && !l.id.is_empty();
        if a.id == b.id || !drawn(a) || !drawn(b) {
            return;
        }
        self.of.entry(&a.id).or_default().insert(&b.id, b);
        self.of.entry(&b.id).or_default().insert(&a.id, a);
    }

    /// The drawing for `me`, or None when it has no neighbours.
    pub fn drawing(
        &self,
        me: &Link,
        labels: &crate::model::labels::Labels,
        msg: &crate::model::messages::Messages,
    ) -> Option<Drawing> {
        let around = self.of.get(me.id.as_str())?;
        let order = [Kind::Pillar, Kind::Question, Kind::Actor, Kind::Event, Kind::Figure];
        // Headings and counts in the dossier's own words; the events' section label is
        // "Timeline", so their plural is made from the singular.
        let plural = |k: Kind| match k {
            Kind::Pillar => labels.pillars.clone(),
            Kind::Question => labels.questions.clone(),
            Kind::Actor => labels.actors.clone(),
            Kind::Event => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("plural", capitalise(&format!("{}s", labels.event)));
                msg.text("connections-events", Some(&args))
            }
            _ => labels.figures.clone(),
        };
        let one = |k: Kind| match k {
            Kind::Pillar => &labels.pillar,
            Kind::Question => &labels.question,
            Kind::Actor => &labels.actor,
            Kind::Event => &labels.event,
            _ => &labels.figure,
        };
        let mut groups: Vec<(Kind, Vec<&Link>)> = order
            .iter()
            .map(|&k| {
                let mut list: Vec<&Link> = around.values().copied().filter(|l| l.kind == k).collect();
                list.sort_by(|a, b| a.title.cmp(&b.title));
                (k, list)
            })
            .filter(|(_, list)| !list.is_empty())
            .collect();
        let total: usize = groups.iter().map(|(_, l)| l.len()).sum();
        let mut room = MAX_SHOWN;
        for (_, list) in &mut groups {
            list.truncate(room);
            room -= list.len();
        }
        groups.retain(|(_, l)| !l.is_empty());
        let summary = groups
            .iter()
            .map(|(k, l)| {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("count", l.len());
                args.set("one", one(*k).clone());
                args.set("many", plural(*k).to_lowercase());
                msg.text(&format!("count-{}", k.dir()), Some(&args))
            })
            .collect::<Vec<_>>()
            .join(", ");

        let x = PAD + BOX_W + GUTTER;
        let mut y = PAD;
        let mut headings = Vec::new();
        let mut nodes = Vec::new();
        for (kind, list) in &groups {
            headings.push(Heading { text: plural(*kind), x, y: y + 14.0 });
            y += HEADING_H;
            for l in list {
                nodes.push(node(l, x, y, LINE_CHARS));
                y += nodes.last().map(|n: &MapNode| n.h).unwrap_or(0.0) + GAP;
            }
            y += GAP;
        }
        let height = (y - 2.0 * GAP + PAD).max(PAD * 2.0);
        // The item itself is in bold, a little wider a letter: fewer to a line.
        let mut centre = node(me, PAD, 0.0, LINE_CHARS - 3);
        centre.y = ((height - centre.h) / 2.0).max(PAD).floor();
        let height = height.max(centre.y + centre.h + PAD);
        let r = |v: f64| (v * 10.0).round() / 10.0;
        let edges = nodes
            .iter()
            .enumerate()
            .map(|(k, n)| {
                let y0 = centre.y + centre.h * (k as f64 + 1.0) / (nodes.len() as f64 + 1.0);
                let y1 = n.y + n.h / 2.0;
                let (x0, x1, mid) = (PAD + BOX_W, x, GUTTER / 2.0);
                format!("M{} {} C{} {} {} {} {} {}", r(x0), r(y0), r(x0 + mid), r(y0), r(x1 - mid), r(y1), r(x1), r(y1))
            })
            .collect();
        Some(Drawing {
            width: 2.0 * (PAD + BOX_W) + GUTTER,
            height,
            centre,
            nodes,
            headings,
            edges,
            summary,
            omitted: total - groups.iter().map(|(_, l)| l.len()).sum::<usize>(),
        })
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn node(l: &Link, x: f64, y: f64, chars: usize) -> MapNode {
    let lines = wrap(&l.title, chars);
    let h = lines.len() as f64 * LINE_H + 10.0;
    let kind = serde_json::to_value(l.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    MapNode { url: l.url.clone(), title: l.title.clone(), lines, kind, x, y, w: BOX_W, h }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Heading {
    pub text: String,
    pub x: f64,
    pub y: f64,
}

/// One item's neighbourhood, laid out.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    pub centre: MapNode,
    pub nodes: Vec<MapNode>,
    pub headings: Vec<Heading>,
    pub edges: Vec<String>,
    /// "2 pillars, 5 actors": what the drawing shows, for its accessible name.
    pub summary: String,
    /// Neighbours not drawn (past `MAX_SHOWN`).
    pub omitted: usize,
}
