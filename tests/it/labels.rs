//! `labels:` in dossier.yaml: a dossier can rename its sections, and the theme then shows
//! its words everywhere a reader sees a section or kind name, and the old ones nowhere.

use crate::common;

use std::fs;

use common::{dossier, minimal_dossier, sel, set_in_dossier_yaml, stderr, Site};

const LABELS: &str = "labels:
  pillars: Workstreams
  pillar: workstream
  pillars_intro: The strands of work, in order.
  questions: Unknowns
  open_questions: Things we do not know
  question: unknown
  bottom_line: In short";

/// Every text a reader can see or hear on a page: text outside scripts and styles, and
/// the attributes browsers show or read out.
fn visible_text(html: &scraper::Html) -> String {
    let mut out = String::new();
    for node in html.tree.nodes() {
        if let Some(text) = node.value().as_text() {
            let in_code = node
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "script" | "style")));
            if !in_code {
                out.push_str(text);
                out.push(' ');
            }
        }
        if let Some(el) = node.value().as_element() {
            for attr in ["aria-label", "title", "alt", "placeholder"] {
                if let Some(v) = el.attr(attr) {
                    out.push_str(v);
                    out.push(' ');
                }
            }
        }
    }
    out
}

#[test]
fn renamed_sections_show_everywhere_and_the_defaults_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    set_in_dossier_yaml(root, LABELS);
    let r = root.to_str().unwrap();
    let out = dossier(&["build", "--root", r]);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = Site::load(&root.join("site"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());

    // Navigation, on every page.
    let nav: Vec<String> =
        site.page("index.html").select(&sel("header nav a")).map(|a| a.text().collect::<String>()).collect();
    assert!(nav.contains(&"Workstreams".to_string()) && nav.contains(&"Unknowns".to_string()), "{nav:?}");
    // Headings of the home page and the list pages, breadcrumbs of item pages.
    let h2: Vec<String> = site.page("index.html").select(&sel("h2")).map(|h| h.text().collect::<String>()).collect();
    for heading in ["Workstreams", "Things we do not know", "In short"] {
        assert!(h2.contains(&heading.to_string()), "home page heading {heading}: {h2:?}");
    }
    let h1 = |page: &str| site.page(page).select(&sel("h1")).flat_map(|h| h.text()).collect::<String>();
    assert_eq!(h1("pillars/index.html"), "Workstreams");
    assert_eq!(h1("questions/index.html"), "Things we do not know");
    let intro: String = site.page("pillars/index.html").select(&sel(".intro")).flat_map(|e| e.text()).collect();
    assert_eq!(intro, "The strands of work, in order.");
    let crumbs: String = site.page("pillars/force.html").select(&sel(".crumbs")).flat_map(|e| e.text()).collect();
    assert!(crumbs.contains("Workstreams"), "{crumbs}");
    let crumbs: String =
        site.page("questions/who-supplies.html").select(&sel(".crumbs")).flat_map(|e| e.text()).collect();
    assert!(crumbs.contains("Unknowns"), "{crumbs}");
    let meta: String = site.page("pillars/force.html").select(&sel("article .meta")).flat_map(|e| e.text()).collect();
    assert!(meta.starts_with("Workstream 1"), "{meta}");
    // Backlinks name the kind they come from in the dossier's words.
    let back: String =
        site.page("questions/who-supplies.html").select(&sel(".backlinks")).flat_map(|e| e.text()).collect();
    assert!(back.contains("workstream · related unknown"), "{back}");

    // The default words appear on no page, in any case.
    for (path, html) in &site.pages {
        let text = visible_text(html).to_lowercase();
        for old in ["pillar", "question", "bottom line"] {
            assert!(!text.contains(old), "{path} still shows `{old}`:\n{text}");
        }
    }
    // Search results name kinds the same way.
    // The search index is sharded: every document shard, as one text.
    let index: String = fs::read_dir(root.join("site/static/search/d"))
        .unwrap()
        .map(|f| fs::read_to_string(f.unwrap().path()).unwrap())
        .collect();
    assert!(index.contains("\"workstream\"") && index.contains("\"unknown\""), "search labels");
    assert!(!index.contains("\"pillar\"") && !index.contains("\"question\""), "search still says pillar/question");
}

#[test]
fn a_misspelt_label_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    set_in_dossier_yaml(root, "labels:\n  pilars: Workstreams");
    let out = dossier(&["build", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("dossier.yaml:2:"), "path:line of the bad key: {err}");
    assert!(err.contains("pilars") && err.contains("pillars"), "names the key and the right one: {err}");
}
