//! Editions: each build compares the dossier with the edition its previous site was and
//! writes `changes.html` ("What changed since the last edition"), marks the changed items
//! and adds an entry per edition to the feed. Read as a reader reads it: the visible text.

use std::fs;
use std::path::Path;

use crate::common::{self, sel, Site};

fn build(root: &Path) {
    let out = root.join("site");
    let o = common::dossier(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
}

fn text(site: &Site, page: &str, selector: &str) -> Vec<String> {
    site.page(page)
        .select(&sel(selector))
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn replace(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let before = fs::read_to_string(&path).unwrap();
    assert!(before.contains(from), "{rel} has no `{from}`");
    fs::write(&path, before.replacen(from, to, 1)).unwrap();
}

/// The pages that carry the "updated in this edition" mark.
fn marked(site: &Site) -> Vec<String> {
    let mark = sel("p.updated");
    site.pages.iter().filter(|(_, html)| html.select(&mark).next().is_some()).map(|(p, _)| p.clone()).collect()
}

#[test]
fn the_first_build_is_the_first_edition_and_a_rebuild_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_shipped_content(root);
    build(root);
    let site = Site::load(&root.join("site"));
    let intro = text(&site, "changes.html", "main .intro").join(" ");
    assert!(intro.contains("Edition 1"), "{intro}");
    assert!(intro.contains("This is the first edition"), "{intro}");
    assert!(marked(&site).is_empty(), "nothing is new against nothing: {:?}", marked(&site));
    let home = text(&site, "index.html", "a").join("|");
    assert!(home.contains("What changed"), "the home page links the changes");

    let before = common::snapshot(&root.join("site"));
    build(root);
    assert!(before == common::snapshot(&root.join("site")), "a rebuild with nothing changed is the same site");
}

#[test]
fn changes_list_exactly_what_an_edit_changed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_shipped_content(root);
    build(root);

    // A question resolved, an actor's summary revised, a new source, and the first key
    // judgment's confidence moved.
    replace(root, "content/questions/nato-aspiration.yaml", "status: open", "status: resolved");
    replace(
        root,
        "content/actors/australia.yaml",
        "no contribution or position.",
        "no contribution or position since.",
    );
    let first =
        fs::read_dir(root.join("content/sources")).unwrap().filter_map(Result::ok).map(|e| e.path()).min().unwrap();
    let copy = fs::read_to_string(&first).unwrap();
    let title_line = copy.lines().find(|l| l.starts_with("title:")).unwrap().to_string();
    fs::write(root.join("content/sources/zz-new-report.md"), copy.replacen(&title_line, "title: \"A new report\"", 1))
        .unwrap();
    let yaml = fs::read_to_string(root.join("content/dossier.yaml")).unwrap();
    let (moved_from, moved_to) =
        if yaml.contains("confidence: high") { ("high", "moderate") } else { ("moderate", "high") };
    replace(root, "content/dossier.yaml", &format!("confidence: {moved_from}"), &format!("confidence: {moved_to}"));
    build(root);

    let site = Site::load(&root.join("site"));
    let intro = text(&site, "changes.html", "main .intro").join(" ");
    assert!(intro.contains("Edition 2") && intro.contains("Compared with edition 1"), "{intro}");
    let headings = text(&site, "changes.html", "main h2");
    let rows = text(&site, "changes.html", "main ul.changes li");
    assert!(rows.contains(&"A new report".to_string()), "{rows:?}");
    assert!(rows.iter().any(|r| r.starts_with("Will Ukraine") && r.ends_with("status: open → resolved")), "{rows:?}");
    assert!(rows.contains(&"Australia actor: text revised".to_string()), "{rows:?}");
    assert!(rows.contains(&format!("Key judgment 1: confidence {moved_from} → {moved_to}")), "{rows:?}");
    assert_eq!(rows.len(), 4, "exactly what changed, nothing else: {rows:?}");
    assert!(headings.contains(&"Questions resolved".to_string()), "{headings:?}");

    // The changed items carry the mark, and only they.
    assert_eq!(
        marked(&site),
        vec!["actors/australia.html", "questions/nato-aspiration.html", "sources/zz-new-report.html"],
        "the pages marked as changed in this edition"
    );
    let mark = text(&site, "actors/australia.html", "p.updated").join("");
    assert_eq!(mark, "Updated in this edition: text revised.");

    // One feed entry per edition, newest first, before the sources.
    let feed = fs::read_to_string(root.join("site/feed.xml")).unwrap();
    let two =
        feed.find("<title>Edition 2: 1 new source, 1 item updated, 1 question resolved, 1 judgment changed</title>");
    let one = feed.find("<title>Edition 1: first edition</title>");
    assert!(two.is_some() && one.is_some() && two < one, "{feed}");

    // Building again without a change keeps edition 2 and what it changed.
    build(root);
    let again = Site::load(&root.join("site"));
    assert_eq!(text(&again, "changes.html", "main ul.changes li"), rows);
    assert!(again.broken_links().is_empty(), "{:?}", again.broken_links());
}

#[test]
fn a_damaged_edition_record_counts_as_no_edition() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::minimal_dossier(root);
    build(root);
    fs::write(root.join("site/edition.json"), "{ not json").unwrap();
    build(root);
    let site = Site::load(&root.join("site"));
    let intro = text(&site, "changes.html", "main .intro").join(" ");
    assert!(intro.contains("This is the first edition"), "{intro}");
}

#[test]
fn a_build_into_an_empty_folder_follows_the_edition_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::minimal_dossier(root);
    build(root);
    let published = root.join("published-edition.json");
    fs::copy(root.join("site/edition.json"), &published).unwrap();
    replace(root, "content/actors/macron.yaml", "President of France.", "President of the French Republic.");

    // As in CI: a fresh output folder, and the published site's record.
    let fresh = root.join("fresh");
    let args = ["build", "--root", root.to_str().unwrap(), "--output", fresh.to_str().unwrap()];
    let o = common::dossier(&[&args[..], &["--previous-edition", published.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", common::stderr(&o));
    let site = Site::load(&fresh);
    let intro = text(&site, "changes.html", "main .intro").join(" ");
    assert!(intro.contains("Edition 2, as of") && intro.contains("Compared with edition 1"), "{intro}");
    let rows = text(&site, "changes.html", "main ul.changes li");
    assert_eq!(rows, vec!["Emmanuel Macron actor: text revised".to_string()]);

    // A record that is not one is refused, with what to do, and nothing is written.
    fs::write(&published, "not json").unwrap();
    let other = root.join("other");
    let o = common::dossier(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        other.to_str().unwrap(),
        "--previous-edition",
        published.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = common::stderr(&o);
    assert!(err.contains("--previous-edition") && err.contains("help:"), "{err}");
    assert!(!other.exists(), "a refused build writes nothing");
}
