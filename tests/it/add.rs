//! A new article arrives: `dossier add` imports it, and the built site links it to every
//! actor it names under any spelling, flags what it makes stale, and lists it in the feed,
//! with its markup inert.

use crate::common;

use std::fs;

use common::{assert_inert, dossier, minimal_dossier, sel, stderr, stdout, write, Site};

const ARTICLE: &str = r#"<!DOCTYPE html><html><head><title>Macron and Starmer meet again</title>
<style>p { color: red }</style><script>document.cookie</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Macron and Starmer meet again</h1>
<p onclick="alert(1)">President Emmanuel Macron hosted Keir Starmer in Paris.<script>alert(2)</script></p>
<p>Macron said the force would deploy <img src=x onerror="alert(3)"> after a ceasefire; Keir Starmer agreed.</p>
<p>&lt;script&gt;alert(4)&lt;/script&gt; is how the page spelled its own markup.</p>
<footer>Subscribe to our newsletter</footer></body></html>"#;

#[test]
fn an_added_article_is_linked_flagged_and_in_the_feed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    write(root, "incoming/article.html", ARTICLE);
    let r = root.to_str().unwrap();
    let file = root.join("incoming/article.html");
    let o = dossier(&[
        "add",
        file.to_str().unwrap(),
        "--root",
        r,
        "--publisher",
        "Hostile Times",
        "--published",
        "2026-02-01",
    ]);
    let out = stdout(&o);
    assert!(o.status.success(), "{}\n{out}", stderr(&o));
    let path = root.join("content/sources/2026-02-01-macron-and-starmer-meet-again.md");
    assert!(
        out.contains("Added ") && out.contains("2026-02-01-macron-and-starmer-meet-again.md (3 paragraphs)"),
        "{out}"
    );
    assert!(out.contains("Mentions: Emmanuel Macron (2)"), "both spellings count: {out}");
    assert!(out.contains("Now needs review: actors/macron.html (reviewed 2026-01-07)"), "{out}");
    assert!(out.contains("Names matching no actor: Keir Starmer (2)"), "{out}");
    let stored = fs::read_to_string(&path).unwrap();
    assert!(
        !stored.contains("Subscribe") && !stored.contains("document.cookie") && !stored.contains("World"),
        "{stored}"
    );

    // Adding the same article again is refused, and never overwrites the first.
    let again = dossier(&["add", file.to_str().unwrap(), "--root", r, "--published", "2026-02-01"]);
    assert_eq!(again.status.code(), Some(1), "{}", stdout(&again));
    assert!(
        stderr(&again).contains("already in the dossier as `2026-02-01-macron-and-starmer-meet-again`"),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), stored);
    assert!(!root.join("content/sources/2026-02-01-macron-and-starmer-meet-again-2.md").exists());

    let b = dossier(&["build", "--root", r]);
    assert!(b.status.success(), "{}", stderr(&b));
    let site = Site::load(&root.join("site"));
    assert_inert(&site);
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());

    let src = site.page("sources/2026-02-01-macron-and-starmer-meet-again.html");
    let mention_links: Vec<String> =
        src.select(&sel("a.mention")).map(|a| a.value().attr("href").unwrap().to_string()).collect();
    assert_eq!(
        mention_links,
        ["../actors/macron.html", "../actors/macron.html"],
        "first mention in each paragraph is linked"
    );
    let text: String = src.root_element().text().collect();
    assert!(text.contains("<script>alert(4)</script> is how"), "escaped markup is shown as text");

    let actor = site.page("actors/macron.html");
    let mentioned: Vec<String> = actor.select(&sel("ul.mentions > li")).map(|li| li.text().collect()).collect();
    assert!(
        mentioned.iter().any(|m| m.contains("Macron and Starmer meet again") && m.contains("2 mentions")),
        "{mentioned:?}"
    );
    let stale: String = actor.select(&sel(".stale")).flat_map(|e| e.text()).collect();
    assert!(stale.contains("1 newer source mentions this since it was reviewed on 2026-01-07"), "{stale}");
    let queue: String = site.page("review.html").select(&sel("table.queue")).flat_map(|e| e.text()).collect();
    assert!(queue.contains("Emmanuel Macron") && queue.contains("Macron and Starmer meet again"), "{queue}");
    let names: Vec<String> =
        site.page("review.html").select(&sel("#new-names ~ ul.chips li")).map(|li| li.text().collect()).collect();
    assert!(names.iter().any(|n| n.starts_with("Keir Starmer")), "new names on the review page: {names:?}");

    let feed = fs::read_to_string(root.join("site/feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is well-formed XML");
    let atom = "http://www.w3.org/2005/Atom";
    assert!(doc.root_element().has_tag_name((atom, "feed")));
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .filter_map(|e| e.children().find(|c| c.has_tag_name((atom, "title"))).and_then(|t| t.text()))
        .collect();
    // The edition entries come first (see editions.rs); then the sources, newest first.
    assert_eq!(titles, ["Edition 1: first edition", "Macron and Starmer meet again", "Wire report"], "newest first");

    // `check` lists the stale item and the new name.
    let c = dossier(&["check", "--root", r]);
    assert!(c.status.success());
    assert!(
        stdout(&c).contains("actors/macron.html (reviewed 2026-01-07): newer 2026-02-01-macron-and-starmer-meet-again"),
        "{}",
        stdout(&c)
    );
    assert!(stdout(&c).contains("Keir Starmer (2)"), "{}", stdout(&c));
}

#[test]
fn feed_links_are_absolute_with_a_base_url() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    common::set_in_dossier_yaml(dir.path(), "base_url: https://example.org/dossier");
    assert!(dossier(&["build", "--root", dir.path().to_str().unwrap()]).status.success());
    let feed = fs::read_to_string(dir.path().join("site/feed.xml")).unwrap();
    roxmltree::Document::parse(&feed).expect("well-formed");
    assert!(feed.contains(r#"href="https://example.org/dossier/sources/wire.html""#), "{feed}");
}

#[test]
fn plain_text_article_title_from_first_line() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    write(dir.path(), "in.txt", "Talks resume in Geneva\nEmmanuel Macron spoke.\nThe talks went on.\n");
    let o = dossier(&["add", dir.path().join("in.txt").to_str().unwrap(), "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("-talks-resume-in-geneva.md (2 paragraphs)"), "{}", stdout(&o));
}

#[test]
fn bad_published_date_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    write(dir.path(), "in.txt", "Title\n\nText.\n");
    let o = dossier(&[
        "add",
        dir.path().join("in.txt").to_str().unwrap(),
        "--root",
        dir.path().to_str().unwrap(),
        "--published",
        "yesterday",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--published"), "{}", stderr(&o));
    assert_eq!(fs::read_dir(dir.path().join("content/sources")).unwrap().count(), 1, "nothing written");
}
