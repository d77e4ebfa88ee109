//! Relationships a reader can read (issue 13.5): the "who stands where" page, the
//! Connections drawing on each item page and the map, checked on the built shipped
//! dossier as a reader meets them: links that land, labels that name what they link to
//! in full, and curves that never run through a box.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use scraper::{ElementRef, Html};

use crate::common::{self, sel, Site};

/// The shipped dossier, built once for this module and parsed by each test (parsed
/// pages cannot be shared between test threads).
fn site() -> Site {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = BUILT.get_or_init(|| common::build_shipped_copy(|_| {}));
    Site::load(out)
}

fn text(e: ElementRef) -> String {
    e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title of the page a link from `page` opens (its `h1`).
fn title_of(site: &Site, page: &str, href: &str) -> String {
    let path = common::resolve(page, href.split('#').next().unwrap_or_default()).expect("inside the site");
    let h1 = site.page(&path).select(&sel("h1")).next().unwrap_or_else(|| panic!("{path} has no h1"));
    text(h1)
}

/// A box's label: its lines joined as a reader reads them.
fn label(node: ElementRef) -> String {
    node.select(&sel("tspan")).map(text).collect::<Vec<_>>().join(" ")
}

/// Ids of every item of the shipped content, by kind folder.
fn ids(kind: &str) -> BTreeSet<String> {
    std::fs::read_dir(common::repo_root().join("content").join(kind))
        .expect("content folder")
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(str::to_string))
        .collect()
}

/// Actors the shipped content gives a position (under the actor or under a question) or
/// a pillar role.
fn actors_with_a_stand() -> BTreeSet<String> {
    let root = common::repo_root().join("content");
    let mut found = BTreeSet::new();
    for id in ids("actors") {
        let yaml = std::fs::read_to_string(root.join(format!("actors/{id}.yaml"))).expect("read");
        if yaml.lines().any(|l| l.starts_with("positions:")) {
            found.insert(id);
        }
    }
    for folder in ["questions", "pillars"] {
        for id in ids(folder) {
            let yaml = std::fs::read_to_string(root.join(format!("{folder}/{id}.yaml"))).expect("read");
            for line in yaml.lines() {
                if let Some(actor) = line.trim_start().strip_prefix("- actor:") {
                    found.insert(actor.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    found
}

#[test]
fn stands_page_lists_every_actor_with_a_position_and_every_cell_lands() {
    let site = &site();
    let page = site.page("stands.html");
    let rows: BTreeMap<String, ElementRef> = page
        .select(&sel("table.stands tbody tr"))
        .map(|tr| {
            let a = tr.select(&sel("th a")).next().expect("row heading links to its actor");
            let href = a.value().attr("href").expect("href");
            let id = href.trim_start_matches("actors/").trim_end_matches(".html").to_string();
            (id, tr)
        })
        .collect();
    let expected = actors_with_a_stand();
    assert!(expected.len() > 10, "the shipped dossier gives many actors a stand: {expected:?}");
    let listed: BTreeSet<String> = rows.keys().cloned().collect();
    assert_eq!(listed, expected, "rows of stands.html against the actors the content gives a stand");

    let columns = page.select(&sel("table.stands thead th")).count() - 1;
    let mut filled = 0;
    for (id, tr) in &rows {
        let cells: Vec<ElementRef> = tr.select(&sel("td")).collect();
        assert_eq!(cells.len(), columns, "{id}: one cell per column");
        for cell in cells {
            let words = text(cell);
            if words.is_empty() {
                continue;
            }
            filled += 1;
            assert!(cell.value().attr("data-col").is_some_and(|c| !c.is_empty()), "{id}: a cell names its column");
        }
    }
    assert!(filled >= rows.len(), "every row says something ({filled} cells)");
    // Every link on the page (actor, column, citation) opens an existing page and anchor.
    let broken: Vec<String> = site.broken_links().into_iter().filter(|p| p.starts_with("stands.html")).collect();
    assert!(broken.is_empty(), "{broken:?}");
    let cites = page.select(&sel("table.stands td a[href*='#']")).count();
    assert!(cites > 10, "positions link to the paragraphs that report them ({cites})");

    // No id is shown as text: neither a hyphenated id anywhere, nor any id as a whole label.
    let shown = text(page.select(&sel("main")).next().expect("main"));
    let labels: BTreeSet<String> = page.select(&sel("main a, main th, main td p")).map(text).collect();
    for kind in ["actors", "pillars", "questions", "sources", "events"] {
        for id in ids(kind) {
            assert!(!(id.contains('-') && shown.contains(&id)), "stands.html shows the id {id}");
            assert!(!labels.contains(&id), "stands.html shows the id {id} as a label");
        }
    }
}

#[test]
fn every_item_page_draws_its_actual_neighbours() {
    let site = &site();
    let mut drawn = BTreeMap::new();
    let mut undrawn = BTreeSet::new();
    for kind in ["pillars", "questions", "actors", "events"] {
        for id in ids(kind) {
            let path = format!("{kind}/{id}.html");
            let page = site.page(&path);
            // An item linked to no other (a publisher only mentioned, say) has no drawing.
            let Some(svg) = page.select(&sel("section.nbr svg")).next() else {
                undrawn.insert(path);
                continue;
            };
            let name = svg.value().attr("aria-label").unwrap_or_default();
            let h1 = text(page.select(&sel("h1")).next().expect("h1"));
            assert!(name.starts_with(&h1) && name.len() > h1.len() + 10, "{path}: aria-label {name:?}");
            let centre = svg.select(&sel("g.self")).next().expect("the item itself in the middle");
            assert_eq!(label(centre), h1, "{path}: the centre box names the item in full");
            // What the page itself links to in its text (not the drawing): every neighbour
            // drawn must be one of those, and labelled with its title in full.
            let linked: BTreeSet<String> = page
                .select(&sel("main a[href]"))
                .filter(|a| !a.ancestors().any(|p| p.value().as_element().is_some_and(|e| e.name() == "svg")))
                .filter_map(|a| common::resolve(&path, a.value().attr("href")?.split('#').next()?))
                .collect();
            let mut neighbours = BTreeSet::new();
            for a in svg.select(&sel("a.node")) {
                let href = a.value().attr("href").expect("href");
                let target = common::resolve(&path, href).expect("inside");
                assert!(linked.contains(&target), "{path}: draws {target}, which the page does not link to");
                assert_eq!(label(a), title_of(site, &path, href), "{path}: the box for {target} is labelled in full");
                neighbours.insert(target);
            }
            assert!(!neighbours.is_empty(), "{path}: no neighbour drawn");
            drawn.insert(path, neighbours);
        }
    }
    assert!(drawn.len() > 3 * undrawn.len(), "most items have neighbours; without a drawing: {undrawn:?}");
    // Links go both ways: an item drawn next to another is drawn on the other's page too.
    for (page, neighbours) in &drawn {
        for n in neighbours {
            assert!(!undrawn.contains(n), "{page} draws {n}, which draws nothing");
            if let Some(back) = drawn.get(n) {
                assert!(back.contains(page), "{n} does not draw {page}, though {page} draws it");
            }
        }
    }
    let macron = &drawn["actors/macron.html"];
    for want in ["pillars/multinational-force.html", "questions/binding-strength.html", "actors/france.html"] {
        assert!(macron.contains(want), "macron's drawing lacks {want}: {macron:?}");
    }
}

/// (x, y, w, h) of every box, and the path data of every curve, of one SVG.
fn geometry(svg: ElementRef) -> (Vec<[f64; 4]>, Vec<Vec<f64>>) {
    let num = |e: &ElementRef, a: &str| e.value().attr(a).and_then(|v| v.parse::<f64>().ok()).expect("number");
    let boxes =
        svg.select(&sel("rect")).map(|r| [num(&r, "x"), num(&r, "y"), num(&r, "width"), num(&r, "height")]).collect();
    let curves = svg
        .select(&sel(".edges path"))
        .map(|p| {
            let d = p.value().attr("d").expect("d");
            d.split(|c: char| c.is_whitespace() || c.is_ascii_alphabetic())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<f64>().expect("path number"))
                .collect()
        })
        .collect();
    (boxes, curves)
}

/// A curve "M x0 y0 C x1 y1 x2 y2 x3 y3" passes through no box: sampled finely, no point
/// is inside any box (its own end boxes included, as it only touches their sides).
fn crossings(boxes: &[[f64; 4]], curve: &[f64]) -> Option<String> {
    assert_eq!(curve.len(), 8, "one cubic curve per edge: {curve:?}");
    let p = |i: usize| (curve[2 * i], curve[2 * i + 1]);
    for step in 1..200 {
        let t = step as f64 / 200.0;
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        let x = a * p(0).0 + b * p(1).0 + c * p(2).0 + d * p(3).0;
        let y = a * p(0).1 + b * p(1).1 + c * p(2).1 + d * p(3).1;
        for [bx, by, bw, bh] in boxes {
            if x > bx + 0.5 && x < bx + bw - 0.5 && y > by + 0.5 && y < by + bh - 0.5 {
                return Some(format!("curve {curve:?} enters box at ({bx}, {by}) at t={t}"));
            }
        }
    }
    None
}

#[test]
fn the_map_routes_no_edge_through_a_box_and_labels_in_full() {
    let site = &site();
    let map: &Html = site.page("map.html");
    let panels: Vec<ElementRef> = map.select(&sel("section.map svg")).collect();
    assert_eq!(panels.len(), 3, "pillars–questions, pillars–actors, questions–actors");
    let mut edges = 0;
    for svg in &panels {
        let (boxes, curves) = geometry(*svg);
        assert!(boxes.len() > 5 && !curves.is_empty());
        for curve in &curves {
            if let Some(problem) = crossings(&boxes, curve) {
                panic!("map.html: {problem}");
            }
        }
        edges += curves.len();
        for a in svg.select(&sel("a.node")) {
            let href = a.value().attr("href").expect("href");
            let shown = label(a);
            assert!(!shown.contains('…') && !shown.ends_with("..."), "cut label {shown:?}");
            assert_eq!(shown, title_of(site, "map.html", href), "a map box is labelled with its item's full title");
        }
    }
    assert!(edges > 50, "the shipped map has many links ({edges})");
    // Same for every item page's drawing.
    for (path, page) in &site.pages {
        for svg in page.select(&sel("section.nbr svg")) {
            let (boxes, curves) = geometry(svg);
            for curve in &curves {
                if let Some(problem) = crossings(&boxes, curve) {
                    panic!("{path}: {problem}");
                }
            }
        }
    }
}
