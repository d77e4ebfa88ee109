//! Backlinks and citations as a reader follows them on the shipped dossier: one
//! "Referenced by" row per referring item; "Cited by" grouped per paragraph, folded past
//! a handful, every row landing on the claim that cites (which cites this source back);
//! claim anchors that stay put when another claim is added; highlights that keep a
//! linked name inside them; and, in Chromium at 360 px, landing on a cited paragraph
//! (tests/browser/landing.mjs).

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{repo_root, sel, stderr, stdout, Site};

fn built() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &BUILT.get_or_init(|| common::build_shipped_copy(|_| {})).1
}

/// Parsed again by each test: parsed pages cannot be shared between test threads.
fn site() -> Site {
    Site::load(built())
}

fn href(a: scraper::ElementRef) -> String {
    a.value().attr("href").unwrap_or_default().to_string()
}

/// The page a link leads to and its fragment, from `page`.
fn target(page: &str, link: &str) -> (String, String) {
    let (file, frag) = link.split_once('#').unwrap_or((link, ""));
    let file = if file.is_empty() { page.to_string() } else { common::resolve(page, file).unwrap_or_default() };
    (file, frag.to_string())
}

#[test]
fn no_backlink_row_repeats_an_item() {
    let s = &site();
    let (row, first) = (sel("section[aria-labelledby=referenced-by] li"), sel("a"));
    let mut rows = 0;
    for (page, html) in &s.pages {
        let items: Vec<String> =
            html.select(&row).filter_map(|li| li.select(&first).next()).map(|a| target(page, &href(a)).0).collect();
        let unique: BTreeSet<&String> = items.iter().collect();
        assert_eq!(unique.len(), items.len(), "{page}: an item is listed twice under Referenced by: {items:?}");
        rows += items.len();
    }
    assert!(rows > 100, "backlink rows seen: {rows}");
    // The rows list every way an item refers: the Reuters report is cited and linked.
    let reuters = s.page("sources/reuters-paris-coalition.html");
    let vias: Vec<String> =
        reuters.select(&sel("section[aria-labelledby=referenced-by] .via")).map(|v| v.text().collect()).collect();
    assert!(vias.iter().any(|v| v.contains("citation, link")), "{vias:?}");
}

#[test]
fn cited_by_rows_land_on_the_claim_that_cites() {
    let s = &site();
    let ids = |page: &str| -> BTreeSet<String> {
        s.page(page).select(&sel("[id]")).filter_map(|e| e.value().attr("id").map(str::to_string)).collect()
    };
    let mut checked = 0;
    for page in s.pages.keys().filter(|p| p.starts_with("sources/") && !p.ends_with("index.html")) {
        let html = s.page(page);
        for group in html.select(&sel(".cited-para")) {
            let rows: Vec<String> = group
                .select(&sel(".citing > li"))
                .filter_map(|li| li.select(&sel("a")).next())
                .map(|a| target(page, &href(a)).0)
                .collect();
            let unique: BTreeSet<&String> = rows.iter().collect();
            assert_eq!(unique.len(), rows.len(), "{page}: an item repeats within one paragraph's Cited by: {rows:?}");
            for a in group.select(&sel(".citing a")) {
                let link = href(a);
                let (file, frag) = target(page, &link);
                assert!(!frag.is_empty(), "{page}: Cited by link {link} goes to the top of {file}, not to its claim");
                assert!(ids(&file).contains(&frag), "{page}: Cited by link {link}: no #{frag} on {file}");
                // The claim there cites this very source back.
                let claim = s.page(&file).select(&sel(&format!("[id=\"{frag}\"]"))).next().unwrap();
                let cites_back = if frag == "sources" {
                    s.page(&file).select(&sel("a.cite")).any(|c| target(&file, &href(c)).0 == *page)
                } else {
                    claim.select(&sel("a")).any(|c| target(&file, &href(c)).0 == *page)
                };
                assert!(cites_back, "{page}: {link} lands on #{frag}, which does not cite {page}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 150, "Cited by links checked: {checked}");
}

#[test]
fn long_lists_fold_past_a_handful() {
    let s = &site();
    let reuters = s.page("sources/reuters-paris-coalition.html");
    let open = reuters.select(&sel("section[aria-labelledby=cited-by] > ol.citedby > li.cited-para")).count();
    let folded: Vec<_> = reuters.select(&sel("section[aria-labelledby=cited-by] > details.more")).collect();
    assert_eq!(open, 5, "five cited paragraphs shown before the fold");
    assert_eq!(folded.len(), 1);
    let hidden = folded[0].select(&sel("li.cited-para")).count();
    let summary: String = folded[0].select(&sel("summary")).next().unwrap().text().collect();
    assert!(hidden >= 2 && summary == format!("{hidden} more cited paragraphs"), "{summary:?} for {hidden} hidden");
    // No list anywhere shows more than a handful of rows before its fold.
    for (page, html) in &s.pages {
        let folded = |e: &scraper::ElementRef| {
            e.ancestors().filter_map(scraper::ElementRef::wrap).any(|a| a.value().name() == "details")
        };
        for list in html.select(&sel(".citing, section.backlinks > ul.links")).filter(|l| !folded(l)) {
            let rows =
                list.children().filter_map(scraper::ElementRef::wrap).filter(|e| e.value().name() == "li").count();
            assert!(rows <= 6, "{page}: a list shows {rows} rows unfolded");
        }
    }
}

#[test]
fn linked_names_stay_inside_one_highlight() {
    let s = &site();
    let mut inside = 0;
    for page in s.pages.keys().filter(|p| p.starts_with("sources/")) {
        let html = s.page(page);
        assert_eq!(html.select(&sel(".article a > mark")).count(), 0, "{page}: a highlight is split around a link");
        assert_eq!(html.select(&sel(".article mark mark")).count(), 0, "{page}: nested highlights");
        inside += html.select(&sel(".article mark > a.mention")).count();
    }
    assert!(inside >= 10, "linked names inside highlights: {inside}");
}

/// The anchors of the claims on `page` (key points, positions, evidence).
fn claim_ids(site: &Site, page: &str) -> Vec<String> {
    site.page(page).select(&sel("li.claim[id]")).map(|e| e.value().attr("id").unwrap().to_string()).collect()
}

#[test]
fn claim_anchors_stay_put_when_a_claim_is_added() {
    let page = "pillars/multinational-force.html";
    let before = claim_ids(&site(), page);
    assert!(before.len() >= 3, "{before:?}");
    let (_dir, out) = common::build_shipped_copy(|root| {
        let path = root.join("content/pillars/multinational-force.yaml");
        let yaml = std::fs::read_to_string(&path).unwrap();
        let added = "key_points:\n  - text: A new first key point, added later.\n    citations:\n      - source: reuters-paris-coalition\n        quote: \"a multinational force led by France and the UK\"\n";
        std::fs::write(&path, yaml.replacen("key_points:\n", added, 1)).unwrap();
    });
    let after = claim_ids(&Site::load(&out), page);
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(&after[1..], &before[..], "a claim added first moved the others' anchors");
    let unique: BTreeSet<&String> = after.iter().collect();
    assert_eq!(unique.len(), after.len(), "anchors are unique on a page");
}

#[test]
fn landing_on_a_citation_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = repo_root().join("tests/browser/node_modules/playwright-core").is_dir()
        && Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ready || !Path::new(&chromium).is_file() {
        return common::skip("landing on a citation", "needs node, tests/browser/node_modules and Chromium");
    }
    let o = Command::new("node").arg(repo_root().join("tests/browser/landing.mjs")).arg(built()).output().unwrap();
    assert!(o.status.success(), "landing on a citation failed:\n{}\n{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("landing checks passed"), "{}", stdout(&o));
}
