//! `indicators:` in dossier.yaml ("What to watch"): shown on the home page after the key
//! judgments, in the print edition and in dossier.json; every indicator's question and
//! quotes are checked, with errors that say where; and the shipped dossier's briefing
//! reads as prose.

use crate::common;

use std::fs;
use std::path::Path;

use common::{dossier, minimal_dossier, repo_root, sel, stderr, write, Site};

const INDICATORS: &str = "indicators:
  - text: National pledges for the [[force|force]].
    question: who-supplies
    citations:
      - source: wire
        quote: \"a multinational force led by France\"
  - text: Where the force would stand.
    citations:
      - source: wire
        quote: \"away from the contact line\"
";

fn with_indicators(root: &Path, indicators: &str) {
    minimal_dossier(root);
    let path = root.join("content/dossier.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}{indicators}")).unwrap();
}

fn text_of(el: scraper::ElementRef) -> String {
    el.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn indicators_show_after_key_judgments_in_print_and_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    with_indicators(root, INDICATORS);
    let out = dossier(&["build", "--root", root.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = Site::load(&root.join("site"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());

    // Home page: the heading comes right after the key judgments, one item per indicator.
    let home = site.page("index.html");
    let headings: Vec<String> = home.select(&sel("main h2")).map(text_of).collect();
    let kj = headings.iter().position(|h| h == "Key judgments").expect("key judgments heading");
    assert_eq!(headings.get(kj + 1).map(String::as_str), Some("What to watch"), "{headings:?}");
    let items: Vec<_> = home.select(&sel("section[aria-labelledby=watch] li.indicator")).collect();
    assert_eq!(items.len(), 2);
    let first = text_of(items[0]);
    assert!(first.starts_with("National pledges for the force"), "{first}");
    assert!(first.contains("Bears on: Who supplies the troops?"), "{first}");
    let hrefs: Vec<&str> = items[0].select(&sel("a")).filter_map(|a| a.value().attr("href")).collect();
    assert!(hrefs.contains(&"questions/who-supplies.html"), "{hrefs:?}");
    assert!(hrefs.iter().any(|h| h.starts_with("sources/wire.html#p")), "{hrefs:?}");
    assert!(!text_of(items[1]).contains("Bears on"), "the second names no question");

    // The question's page says the home page refers to it, as an indicator.
    let back = text_of(site.page("questions/who-supplies.html").select(&sel("section.backlinks")).next().unwrap());
    assert!(back.contains("Test dossier") && back.contains("indicator"), "{back}");

    // Print: listed under the bottom line, each with a numbered reference that exists.
    let print = site.page("print.html");
    let section = print.select(&sel("#bottom-line")).next().expect("bottom line section");
    let watch: Vec<_> = section.select(&sel("li.indicator")).collect();
    assert_eq!(watch.len(), 2);
    for li in &watch {
        let refs: Vec<&str> = li.select(&sel(".refs a")).filter_map(|a| a.value().attr("href")).collect();
        assert_eq!(refs.len(), 1, "{}", text_of(*li));
        let id = refs[0].trim_start_matches('#');
        assert!(print.select(&sel(&format!("li[id='{id}']"))).next().is_some(), "reference {id} listed");
    }

    // dossier.json carries them with the resolved question and located quotes.
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("site/dossier.json")).unwrap()).unwrap();
    let list = json["meta"]["indicators"].as_array().expect("meta.indicators");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["question"]["id"], "who-supplies");
    assert_eq!(list[0]["citations"][0]["paragraph"], 1);
    assert_eq!(list[1]["citations"][0]["paragraph"], 2);
    assert!(list[1]["question"].is_null());
}

#[test]
fn no_indicators_no_section() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let out = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = Site::load(&dir.path().join("site"));
    assert!(site.page("index.html").select(&sel("section[aria-labelledby=watch]")).next().is_none());
    assert!(site.page("print.html").select(&sel("#print-indicators")).next().is_none());
}

/// Builds with `indicators` appended and returns stderr, which must be a located error.
fn fails(indicators: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    with_indicators(dir.path(), indicators);
    let out = dossier(&["check", "--root", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("help:"), "{err}");
    err
}

/// Line (1-based) of the first line of the minimal dossier.yaml plus the appended text
/// that contains `needle`.
fn line_of(indicators: &str, needle: &str) -> usize {
    let dir = tempfile::tempdir().unwrap();
    with_indicators(dir.path(), indicators);
    let text = fs::read_to_string(dir.path().join("content/dossier.yaml")).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn unknown_question_is_located_and_suggests_the_nearest() {
    let bad = INDICATORS.replace("question: who-supplies", "question: who-suplies");
    let err = fails(&bad);
    let line = line_of(&bad, "who-suplies");
    assert!(err.contains(&format!("dossier.yaml:{line}:15: error: unknown question `who-suplies`")), "{err}");
    assert!(err.contains("who-supplies"), "suggests the nearest id: {err}");
}

#[test]
fn a_question_id_that_is_another_kind_is_an_error() {
    let bad = INDICATORS.replace("question: who-supplies", "question: macron");
    let err = fails(&bad);
    assert!(err.contains("`macron` is a") && err.contains("not a question"), "{err}");
}

#[test]
fn a_resolved_question_has_nothing_to_watch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    with_indicators(root, INDICATORS);
    let q = root.join("content/questions/who-supplies.yaml");
    let text = fs::read_to_string(&q).unwrap().replace("status: open", "status: resolved");
    write(root, "content/questions/who-supplies.yaml", &text);
    let out = dossier(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = line_of(INDICATORS, "question: who-supplies");
    assert!(err.contains(&format!("dossier.yaml:{line}:")), "{err}");
    assert!(err.contains("indicator 1 watches question `who-supplies`, which is resolved"), "{err}");
}

#[test]
fn an_indicator_quote_is_checked_like_any_citation() {
    let bad = INDICATORS.replace("away from the contact line", "close to the contact line");
    let err = fails(&bad);
    let line = line_of(&bad, "close to the contact line");
    assert!(err.contains(&format!("dossier.yaml:{line}:")), "{err}");
    assert!(err.contains("quote not found in source `wire`"), "{err}");
}

#[test]
fn an_indicator_needs_a_source() {
    let bad = "indicators:\n  - text: Something to watch.\n    question: who-supplies\n";
    let err = fails(bad);
    let line = line_of(bad, "Something to watch");
    assert!(err.contains(&format!("dossier.yaml:{line}:")), "{err}");
    assert!(err.contains("indicator 1 has no citations"), "{err}");
}

#[test]
fn an_unknown_field_in_an_indicator_is_an_error() {
    let bad = INDICATORS.replace("question: who-supplies", "questoin: who-supplies");
    let err = fails(&bad);
    assert!(err.contains("questoin"), "{err}");
}

/// The shipped dossier: its briefing reads as prose and it says what to watch.
#[test]
fn shipped_briefing_reads_as_prose_and_says_what_to_watch() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("site");
    let o = dossier(&["build", "--root", repo_root().to_str().unwrap(), "--output", out_dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = Site::load(&out_dir);
    let home = site.page("index.html");

    // No link in the bottom line shows a whole headline or event title mid-sentence.
    let titles: Vec<String> = ["sources", "events", "questions"]
        .iter()
        .flat_map(|dir| fs::read_dir(out_dir.join(dir)).unwrap().filter_map(Result::ok))
        .filter(|e| e.file_name() != "index.html")
        .filter_map(|e| {
            let page = site.page(&format!(
                "{}/{}",
                e.path().parent().unwrap().file_name().unwrap().to_string_lossy(),
                e.file_name().to_string_lossy()
            ));
            page.select(&sel("main h1")).next().map(text_of)
        })
        .collect();
    assert!(titles.len() > 20, "{titles:?}");
    let bluf = home.select(&sel(".bluf")).next().expect("bottom line");
    for a in bluf.select(&sel("a")) {
        let shown = text_of(a);
        assert!(!titles.contains(&shown), "a whole title in the bottom line: {shown}");
        assert!(shown.split_whitespace().count() <= 8, "a long link in the bottom line: {shown}");
    }
    let text = text_of(bluf);
    assert!(!text.contains("the The"), "{text}");
    assert!(text.contains("ceasefire"), "the bottom line leads with the ceasefire condition: {text}");

    // Excerpts (pillar cards) read links as their labels, not as ids.
    let cards = home.select(&sel("ol.cards")).next().map(text_of).unwrap_or_default();
    assert!(cards.contains("the Paris meeting:"), "{cards}");
    assert!(!cards.contains("paris-coalition-meeting") && !cards.contains(" :"), "{cards}");

    // Four to six indicators, each with a source and an open question.
    let items: Vec<_> = home.select(&sel("section[aria-labelledby=watch] li.indicator")).collect();
    assert!((4..=6).contains(&items.len()), "{} indicators", items.len());
    for li in items {
        assert!(li.select(&sel(".evidence a.cite")).next().is_some(), "cited: {}", text_of(li));
        assert!(li.select(&sel(".resolves a")).next().is_some(), "names its question: {}", text_of(li));
    }
}
