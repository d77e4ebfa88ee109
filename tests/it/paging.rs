//! Pages with a budget (issue 15): long lists show their first entries where they stand
//! and continue on numbered list pages, all linked, each entry exactly once. Small page
//! sizes (`DOSSIER_PAGE_SIZES=ITEM,PAGE`) let a dossier of 300 sources exercise it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

use scraper::{Html, Selector};

use crate::common;

const SOURCES: usize = 300;

fn build(root: &Path, out: &Path) {
    common::minimal_dossier(root);
    for i in 0..SOURCES {
        // Source i names Macron (i % 7) + 1 times: the most-mentioning come first.
        let names = "Macron spoke. ".repeat(i % 7 + 1);
        let day = i % 28 + 1;
        let text = format!(
            "---\ntitle: Report {i:03}\npublisher: Wire\npublished: 2025-12-{day:02}\n---\n{names}\n\nMore text {i}.\n"
        );
        common::write(root, &format!("content/sources/r{i:03}.md"), &text);
    }
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()])
        .env("DOSSIER_PAGE_SIZES", "20,50")
        .output()
        .expect("run dossier");
    assert!(o.status.success(), "{}", common::stderr(&o));
}

fn page(out: &Path, rel: &str) -> Html {
    let text = fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Html::parse_document(&text)
}

fn hrefs(doc: &Html, selector: &str) -> Vec<String> {
    let s = Selector::parse(selector).unwrap();
    doc.select(&s).filter_map(|a| a.value().attr("href")).map(str::to_string).collect()
}

/// From `first` (a page in `dir` with a long list), follows its "N more" link `more`,
/// then `rel="next"`, checking each `rel="prev"` leads back; returns the pages in order
/// and the entries (by `selector`) of each.
fn walk(out: &Path, dir: &str, first: &str, more: &str, selector: &str) -> Vec<(String, Vec<String>)> {
    let doc = page(out, first);
    let link = hrefs(&doc, "p.more-pages a").into_iter().find(|h| h.contains(more)).expect("a link to the rest");
    let second = link.strip_prefix("../").unwrap_or(&link).to_string();
    let mut seen = vec![(first.to_string(), hrefs(&doc, selector))];
    let mut at = Some(second);
    let mut before = Some(first.to_string());
    while let Some(rel) = at {
        assert!(seen.len() < 100, "the next links go round");
        let doc = page(out, &rel);
        if let Some(prev) = before {
            let back = hrefs(&doc, "a[rel=prev]");
            assert_eq!(back, vec![format!("../{prev}")], "{rel}: its previous page");
        }
        let entries = hrefs(&doc, selector);
        let next = hrefs(&doc, "a[rel=next]");
        at = next.first().map(|n| format!("{dir}/{}", n.strip_prefix(&format!("../{dir}/")).unwrap_or(n)));
        if let Some(n) = &at {
            assert!(out.join(n).is_file(), "{rel} links {n}, which is missing");
        }
        seen.push((rel.clone(), entries));
        before = Some(rel);
    }
    seen
}

#[test]
fn long_lists_continue_on_linked_pages_each_entry_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out);

    // The actor page: 20 mentions, most mentions first, and what follows.
    let actor = page(&out, "actors/macron.html");
    let shown = hrefs(&actor, "ul.mentions > li > a");
    assert_eq!(shown.len(), 20);
    let more = Selector::parse("p.more-pages a").unwrap();
    let said: Vec<String> = actor.select(&more).map(|a| a.text().collect()).collect();
    // 301 sources name Macron (the minimal dossier's wire too): 281 follow on 6 pages.
    assert!(said.iter().any(|s| s == "281 more in 6 pages"), "{said:?}");
    let counts = Selector::parse("ul.mentions > li > span.via").unwrap();
    let first: String = actor.select(&counts).next().unwrap().text().collect();
    assert_eq!(first, "7 mentions");

    // Walking the list pages from the actor page finds every mention exactly once.
    let pages = walk(&out, "actors", "actors/macron.html", ".mentions-2", "ul.mentions > li > a");
    assert_eq!(pages.len(), 7, "{:?}", pages.iter().map(|p| &p.0).collect::<Vec<_>>());
    assert_eq!(pages[1].0, "actors/macron.mentions-2.html");
    let mut all: BTreeMap<String, usize> = BTreeMap::new();
    for (_, entries) in &pages {
        for e in entries {
            *all.entry(e.split('#').next().unwrap().to_string()).or_default() += 1;
        }
    }
    assert_eq!(all.len(), SOURCES + 1);
    assert!(all.values().all(|&n| n == 1), "an entry shown twice");

    // The sources index: 50 per page, every source once, newest first.
    let pages = walk(&out, "sources", "sources/index.html", ".page-2", "ul.entries > li > a");
    let listed: Vec<&String> = pages.iter().flat_map(|p| &p.1).collect();
    let unique: BTreeSet<&String> = listed.iter().copied().collect();
    assert_eq!(listed.len(), SOURCES + 1);
    assert_eq!(unique.len(), SOURCES + 1);
    assert_eq!(pages[0].1.len(), 50);
    let on_disk = fs::read_dir(out.join("sources"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.contains('.') || n.matches('.').count() == 1)
        .filter(|n| n != "index.html")
        .count();
    assert_eq!(on_disk, SOURCES + 1, "a source page the index misses");

    // No page is anywhere near the budget.
    for e in walkdir::WalkDir::new(&out).into_iter().filter_map(Result::ok) {
        if e.path().extension().is_some_and(|x| x == "html") {
            let size = e.metadata().unwrap().len();
            assert!(size < 100_000, "{} is {size} bytes", e.path().display());
        }
    }
}
