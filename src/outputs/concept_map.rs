//! `map.html`: pillars, questions and actors and the links between them, laid out at
//! build time by layout-rs (a layered, graphviz-style layout), then drawn as an SVG by
//! the theme's template, every node a link. The layout crate computes positions only:
//! we capture them through its `RenderBackend` trait and keep all markup in templates.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use serde::Serialize;

use crate::model::dossier::{Dossier, Link};

/// At most this many nodes are drawn (the best-connected ones), so the map stays legible
/// and its layout time bounded on very large dossiers.
const MAX_NODES: usize = 150;

#[derive(Debug, Clone, Serialize)]
pub struct MapNode {
    pub url: String,
    pub title: String,
    pub label: String,
    pub kind: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Map {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<MapNode>,
    /// SVG path data, one per link.
    pub edges: Vec<String>,
    /// Nodes left out to keep the map legible.
    pub omitted: usize,
}

/// Collects what layout-rs would draw: boxes (tagged with our node index) and edges.
#[derive(Default)]
struct Capture {
    boxes: BTreeMap<usize, (Point, Point)>,
    edges: Vec<Vec<(Point, Point)>>,
}

impl RenderBackend for Capture {
    fn draw_rect(&mut self, xy: Point, size: Point, _: &StyleAttr, properties: Option<String>, _: Option<ClipHandle>) {
        if let Some(i) = properties.and_then(|p| p.parse().ok()) {
            self.boxes.insert(i, (xy, size));
        }
    }
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _: bool,
        _: (bool, bool),
        _: &StyleAttr,
        _: Option<String>,
        _: &str,
    ) {
        if path.len() >= 2 {
            self.edges.push(path.to_vec());
        }
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

fn label(title: &str) -> String {
    crate::text::truncate::excerpt(title, 30)
}

/// The links the map shows, undirected and deduplicated: pillar–actor, pillar–question,
/// question–actor (positions), actor–pillar/question (positions).
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

/// The map's drawing. Reuses `earlier` (the last drawing and a hash of what it drew; `None`
/// in a one-off build) when the nodes and edges are the same: drawing is the slow part,
/// and most edits (a new source, say) do not change the map.
pub fn layout(d: &Dossier, earlier: &mut Option<(u64, Map)>) -> Map {
    let edges = links(d);
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for (a, b) in &edges {
        *degree.entry(a).or_default() += 1;
        *degree.entry(b).or_default() += 1;
    }
    // Layers top to bottom: pillars, questions, actors.
    let mut nodes: Vec<(usize, &Link)> = Vec::new();
    nodes.extend(d.pillars.iter().map(|p| (0, &p.head.link)));
    nodes.extend(d.questions.iter().map(|q| (1, &q.head.link)));
    nodes.extend(d.actors.iter().map(|a| (2, &a.head.link)));
    nodes.retain(|(_, l)| degree.contains_key(l.id.as_str()));
    let total = nodes.len();
    if nodes.len() > MAX_NODES {
        nodes.sort_by(|a, b| degree[b.1.id.as_str()].cmp(&degree[a.1.id.as_str()]).then_with(|| a.1.id.cmp(&b.1.id)));
        nodes.truncate(MAX_NODES);
        nodes.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.title.cmp(&b.1.title)));
    }
    let key = crate::hash::hash_of(&(&nodes, &edges, total));
    if let Some((k, map)) = earlier {
        if *k == key {
            return map.clone();
        }
    }
    // The layout crate is third-party code: if it ever panics, the site is built without
    // a drawing rather than not at all.
    // Nothing to draw: layout-rs panics on an empty graph (and prints that to stderr).
    let drawn =
        if nodes.is_empty() { Ok(Map::default()) } else { catch_unwind(AssertUnwindSafe(|| place(&nodes, &edges))) };
    let mut map = drawn.unwrap_or_default();
    map.omitted = total - map.nodes.len().min(total);
    *earlier = Some((key, map.clone()));
    map
}

fn place(nodes: &[(usize, &Link)], edges: &BTreeSet<(String, String)>) -> Map {
    let mut graph = VisualGraph::new(Orientation::LeftToRight);
    let look = StyleAttr::simple();
    let mut handles = BTreeMap::new();
    for (i, (_, link)) in nodes.iter().enumerate() {
        let text = label(&link.title);
        let size = Point::new(text.chars().count() as f64 * 7.2 + 20.0, 30.0);
        let element = Element::create_with_properties(
            ShapeKind::new_box(&text),
            look.clone(),
            Orientation::TopToBottom,
            size,
            i.to_string(),
        );
        handles.insert(link.id.as_str(), (graph.add_node(element), nodes[i].0));
    }
    for (a, b) in edges {
        let (Some(&(ha, la)), Some(&(hb, lb))) = (handles.get(a.as_str()), handles.get(b.as_str())) else { continue };
        let arrow = Arrow::new(LineEndKind::None, LineEndKind::None, LineStyleKind::Normal, "", &look, &None, &None);
        // Point edges down the layers so pillars stay on top.
        if la <= lb {
            graph.add_edge(arrow, ha, hb);
        } else {
            graph.add_edge(arrow, hb, ha);
        }
    }
    let mut capture = Capture::default();
    graph.do_it(false, false, false, &mut capture);

    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let mut grow = |p: Point, s: Point| {
        min_x = min_x.min(p.x);
        min_y = min_y.min(p.y);
        max_x = max_x.max(p.x + s.x);
        max_y = max_y.max(p.y + s.y);
    };
    capture.boxes.values().for_each(|(p, s)| grow(*p, *s));
    capture.edges.iter().flatten().for_each(|(a, b)| {
        grow(*a, Point::zero());
        grow(*b, Point::zero());
    });
    if capture.boxes.is_empty() {
        return Map::default();
    }
    let pad = 10.0;
    let (dx, dy) = (pad - min_x, pad - min_y);
    let r = |v: f64| (v * 10.0).round() / 10.0;
    let drawn_nodes = capture
        .boxes
        .iter()
        .filter_map(|(i, (p, s))| {
            let (layer, link) = nodes.get(*i)?;
            Some(MapNode {
                url: link.url.clone(),
                title: link.title.clone(),
                label: label(&link.title),
                kind: ["pillar", "question", "actor"][(*layer).min(2)].to_string(),
                x: r(p.x + dx),
                y: r(p.y + dy),
                w: r(s.x),
                h: r(s.y),
            })
        })
        .collect();
    let edges = capture
        .edges
        .iter()
        .map(|path| {
            let mut d = format!(
                "M{} {} C{} {} {} {} {} {}",
                r(path[0].0.x + dx),
                r(path[0].0.y + dy),
                r(path[0].1.x + dx),
                r(path[0].1.y + dy),
                r(path[1].0.x + dx),
                r(path[1].0.y + dy),
                r(path[1].1.x + dx),
                r(path[1].1.y + dy)
            );
            for (a, b) in path.iter().skip(2) {
                d.push_str(&format!(" S{} {} {} {}", r(a.x + dx), r(a.y + dy), r(b.x + dx), r(b.y + dy)));
            }
            d
        })
        .collect();
    Map {
        width: r(max_x - min_x + 2.0 * pad),
        height: r(max_y - min_y + 2.0 * pad),
        nodes: drawn_nodes,
        edges,
        omitted: 0,
    }
}
