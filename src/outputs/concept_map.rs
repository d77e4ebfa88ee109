//! `map.html`: pillars, questions and actors and the links between them, split by kind
//! into three panels (pillars–questions, pillars–actors, questions–actors), each two
//! columns joined by curves drawn in the gutter between them. A two-column drawing
//! cannot route an edge through a box: each curve's control points lie between the two
//! columns, so the whole curve does (a Bézier curve stays inside the hull of its
//! points). Laying it out is a sort and a sum, linear in nodes and edges, so the map is
//! no fixed cost of a build. Labels are wrapped at words, never cut.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::dossier::{Dossier, Link};

/// At most this many nodes are drawn (the best-connected ones), so the map stays legible
/// on very large dossiers.
const MAX_NODES: usize = 150;
/// Box width, gutter between the columns and outer margin, in SVG units (px at 1:1).
pub(crate) const BOX_W: f64 = 130.0;
pub(crate) const GUTTER: f64 = 52.0;
pub(crate) const PAD: f64 = 4.0;
/// Characters per label line at the theme's 12 px font in a `BOX_W` box.
pub(crate) const LINE_CHARS: usize = 17;
pub(crate) const LINE_H: f64 = 15.0;
const GAP: f64 = 8.0;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MapNode {
    pub url: String,
    pub title: String,
    /// The title wrapped at words into lines that fit the box.
    pub lines: Vec<String>,
    pub kind: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// One drawing: two kinds of item side by side and the links between them.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Panel {
    pub title: String,
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<MapNode>,
    /// SVG path data, one cubic curve per link.
    pub edges: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Map {
    pub panels: Vec<Panel>,
    /// Nodes left out to keep the map legible.
    pub omitted: usize,
}

/// `text` split at spaces into lines of at most `width` characters (a longer word gets
/// a line of its own, whole).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The links the map shows, undirected and deduplicated, by id.
fn links(d: &Dossier) -> BTreeSet<(String, String)> {
    let mut edges = BTreeSet::new();
    let mut add = |a: &Link, b: &Link| {
        let (x, y) = if a.id < b.id { (a, b) } else { (b, a) };
        edges.insert((x.id.clone(), y.id.clone()));
    };
    for p in &d.pillars {
        p.actors.iter().for_each(|r| add(&p.head.link, &r.actor));
        p.questions.iter().for_each(|q| add(&p.head.link, q));
    }
    for q in &d.questions {
        q.pillars.iter().for_each(|p| add(&q.head.link, p));
        q.positions.iter().for_each(|s| add(&q.head.link, &s.on));
    }
    for a in &d.actors {
        a.positions.iter().for_each(|s| add(&a.head.link, &s.on));
    }
    edges
}

pub fn layout(d: &Dossier) -> Map {
    let edges = links(d);
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for (a, b) in &edges {
        *degree.entry(a).or_default() += 1;
        *degree.entry(b).or_default() += 1;
    }
    // Columns: 0 pillars, 1 questions, 2 actors; the content's order within each.
    let mut nodes: Vec<(usize, &Link)> = Vec::new();
    nodes.extend(d.pillars.iter().map(|p| (0, &p.head.link)));
    nodes.extend(d.questions.iter().map(|q| (1, &q.head.link)));
    nodes.extend(d.actors.iter().map(|a| (2, &a.head.link)));
    nodes.retain(|(_, l)| degree.contains_key(l.id.as_str()));
    let total = nodes.len();
    if nodes.len() > MAX_NODES {
        let mut by_degree: Vec<&str> = nodes.iter().map(|(_, l)| l.id.as_str()).collect();
        by_degree.sort_by(|a, b| degree[b].cmp(&degree[a]).then_with(|| a.cmp(b)));
        let kept: BTreeSet<&str> = by_degree.into_iter().take(MAX_NODES).collect();
        nodes.retain(|(_, l)| kept.contains(l.id.as_str()));
    }
    let column: BTreeMap<&str, (usize, &Link)> = nodes.iter().map(|&(c, l)| (l.id.as_str(), (c, l))).collect();
    let l = &d.meta.labels;
    let names = [l.pillars.as_str(), l.questions.as_str(), l.actors.as_str()];
    let mut panels = Vec::new();
    for (left, right) in [(0, 1), (0, 2), (1, 2)] {
        let pairs: Vec<(&Link, &Link)> = edges
            .iter()
            .filter_map(|(a, b)| {
                let (&(ca, la), &(cb, lb)) = (column.get(a.as_str())?, column.get(b.as_str())?);
                match (ca, cb) {
                    _ if (ca, cb) == (left, right) => Some((la, lb)),
                    _ if (cb, ca) == (left, right) => Some((lb, la)),
                    _ => None,
                }
            })
            .collect();
        if pairs.is_empty() {
            continue;
        }
        let left_nodes: Vec<&Link> = nodes.iter().filter(|(c, _)| *c == left).map(|(_, l)| *l).collect();
        let right_nodes: Vec<&Link> = nodes.iter().filter(|(c, _)| *c == right).map(|(_, l)| *l).collect();
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("left", names[left].to_string());
        args.set("right", names[right].to_lowercase());
        let title = d.messages.text("map-panel", Some(&args));
        panels.push(panel(title, [left, right], &left_nodes, &right_nodes, &pairs));
    }
    Map { panels, omitted: total - nodes.len() }
}

const KINDS: [&str; 3] = ["pillar", "question", "actor"];

fn panel(title: String, kinds: [usize; 2], left: &[&Link], right: &[&Link], pairs: &[(&Link, &Link)]) -> Panel {
    // Only the items linked in this panel, each column ordered so links cross little:
    // the right column by the mean place of its neighbours on the left, then the left
    // by its neighbours on the right (one barycentre sweep each way).
    let used: BTreeSet<&str> = pairs.iter().flat_map(|(a, b)| [a.id.as_str(), b.id.as_str()]).collect();
    let mut cols: [Vec<&Link>; 2] = [
        left.iter().copied().filter(|l| used.contains(l.id.as_str())).collect(),
        right.iter().copied().filter(|l| used.contains(l.id.as_str())).collect(),
    ];
    for moving in [1, 0] {
        let fixed: BTreeMap<&str, usize> =
            cols[1 - moving].iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
        let mut sum: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
        for (a, b) in pairs {
            let (mine, other) = if moving == 1 { (b, a) } else { (a, b) };
            let e = sum.entry(mine.id.as_str()).or_default();
            e.0 += fixed.get(other.id.as_str()).copied().unwrap_or(0) as f64;
            e.1 += 1.0;
        }
        let key = |l: &Link| sum.get(l.id.as_str()).map(|(s, n)| s / n).unwrap_or(0.0);
        cols[moving].sort_by(|a, b| key(a).total_cmp(&key(b)));
    }
    // Stack each column; centre the shorter one against the longer.
    let mut placed: Vec<Vec<MapNode>> = Vec::new();
    for (side, col) in cols.iter().enumerate() {
        let x = PAD + side as f64 * (BOX_W + GUTTER);
        let mut y = PAD;
        let mut column = Vec::new();
        for link in col {
            let lines = wrap(&link.title, LINE_CHARS);
            let h = lines.len() as f64 * LINE_H + 10.0;
            column.push(MapNode {
                url: link.url.clone(),
                title: link.title.clone(),
                lines,
                kind: KINDS[kinds[side]].to_string(),
                x,
                y,
                w: BOX_W,
                h,
            });
            y += h + GAP;
        }
        placed.push(column);
    }
    let bottom = |c: &[MapNode]| c.last().map(|n| n.y + n.h).unwrap_or(0.0);
    let height = bottom(&placed[0]).max(bottom(&placed[1])) + PAD;
    // The shorter column's boxes move next to their neighbours in the taller one.
    let short = usize::from(bottom(&placed[1]) < bottom(&placed[0]));
    let index: BTreeMap<&str, usize> = cols[1 - short].iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let mut want: Vec<(f64, f64)> = vec![(0.0, 0.0); cols[short].len()];
    let mine: BTreeMap<&str, usize> = cols[short].iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    for (a, b) in pairs {
        let (m, o) = if short == 0 { (a, b) } else { (b, a) };
        if let (Some(&i), Some(&j)) = (mine.get(m.id.as_str()), index.get(o.id.as_str())) {
            let other = &placed[1 - short][j];
            want[i].0 += other.y + other.h / 2.0;
            want[i].1 += 1.0;
        }
    }
    let wanted: Vec<f64> = want.iter().zip(&placed[short]).map(|((s, n), b)| s / n.max(1.0) - b.h / 2.0).collect();
    spread(&mut placed[short], &wanted, PAD, height - PAD);
    let edges = curves(&placed, &cols, pairs);
    let nodes = placed.into_iter().flatten().collect();
    Panel { title, width: 2.0 * (PAD + BOX_W) + GUTTER, height, nodes, edges }
}

/// Puts each box as near its wanted top as it can, in order, without overlaps and
/// inside `top..bottom`: down the column pushing overlaps down, then up from the bottom.
fn spread(column: &mut [MapNode], wanted: &[f64], top: f64, bottom: f64) {
    let mut next = top;
    for (n, &w) in column.iter_mut().zip(wanted) {
        n.y = w.max(next).floor();
        next = n.y + n.h + GAP;
    }
    let mut limit = bottom;
    for n in column.iter_mut().rev() {
        if n.y + n.h > limit {
            n.y = (limit - n.h).floor();
        }
        limit = n.y - GAP;
    }
}

/// One curve per link, from the right side of its left box to the left side of its
/// right box. A box's links leave it at evenly spaced points, in the order of their
/// other ends, so curves from one box do not cross each other there.
fn curves(placed: &[Vec<MapNode>], cols: &[Vec<&Link>; 2], pairs: &[(&Link, &Link)]) -> Vec<String> {
    let index: [BTreeMap<&str, usize>; 2] =
        [0, 1].map(|s| cols[s].iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect());
    let ends: Vec<(usize, usize)> = pairs
        .iter()
        .filter_map(|(a, b)| Some((*index[0].get(a.id.as_str())?, *index[1].get(b.id.as_str())?)))
        .collect();
    // For each box, its links sorted by the other end: the port of each link.
    let mut ports: [BTreeMap<usize, Vec<usize>>; 2] = Default::default();
    for (e, &(i, j)) in ends.iter().enumerate() {
        ports[0].entry(i).or_default().push(e);
        ports[1].entry(j).or_default().push(e);
    }
    let mut port_y = vec![[0.0f64; 2]; ends.len()];
    for side in 0..2 {
        for (&box_i, list) in ports[side].iter_mut() {
            list.sort_by_key(|&e| if side == 0 { ends[e].1 } else { ends[e].0 });
            let n = &placed[side][box_i];
            for (k, &e) in list.iter().enumerate() {
                port_y[e][side] = n.y + n.h * (k as f64 + 1.0) / (list.len() as f64 + 1.0);
            }
        }
    }
    let r = |v: f64| (v * 10.0).round() / 10.0;
    let (x0, x1) = (PAD + BOX_W, PAD + BOX_W + GUTTER);
    let mid = GUTTER / 2.0;
    port_y
        .iter()
        .map(|[y0, y1]| {
            format!("M{} {} C{} {} {} {} {} {}", r(x0), r(*y0), r(x0 + mid), r(*y0), r(x1 - mid), r(*y1), r(x1), r(*y1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(
            wrap("How binding, and how close to Article 5", 12),
            ["How binding,", "and how", "close to", "Article 5"]
        );
        assert_eq!(wrap("Internationalisation now", 5), ["Internationalisation", "now"]);
        assert!(wrap("  ", 5).is_empty());
    }
}
