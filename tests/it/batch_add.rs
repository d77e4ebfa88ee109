//! Articles arrive in batches: `dossier add FOLDER` imports each file, reads a saved
//! page's own metadata, reports per file (copies, new spellings, unknown names) and in
//! total, and one bad file neither stops the others nor leaves anything behind.

use crate::common;

use std::fs;
use std::path::Path;

use common::{dossier, minimal_dossier, sel, stderr, stdout, write, Site};

/// The three test articles (tests/fixtures/newsroom/batch) copied to `root/incoming`.
fn incoming(root: &Path) -> String {
    common::copy_tree(&common::repo_root().join("tests/fixtures/newsroom/batch"), &root.join("incoming"));
    root.join("incoming").to_str().unwrap().to_string()
}

fn sources(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root.join("content/sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_folder_of_three_is_added_reported_accepted_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_shipped_content(root);
    let folder = incoming(root);
    let r = root.to_str().unwrap();
    let before = sources(root);
    // The edition readers last saw.
    assert!(dossier(&["build", "--root", r]).status.success());
    let o = dossier(&["add", &folder, "--root", r]);
    let out = stdout(&o);
    assert!(o.status.success(), "{}\n{out}", stderr(&o));
    assert_eq!(sources(root).len(), before.len() + 3, "{out}");
    assert_eq!(out.matches("\nAdded ").count() + usize::from(out.starts_with("Added ")), 3, "{out}");
    assert!(out.trim_end().ends_with("3 added, 0 skipped"), "{out}");

    // The saved page's own metadata is in the front matter, no flag needed.
    let page =
        fs::read_to_string(root.join("content/sources/2026-01-09-black-sea-grain-corridor-to-get-naval-escorts.md"))
            .expect("named from the page's date and og:title");
    let front = page.split("---\n").nth(1).unwrap();
    for line in [
        "title: Black Sea grain corridor to get naval escorts\n",
        "publisher: Riverton Gazette\n",
        "url: https://gazette.example/world/grain-escorts\n",
        "published: 2026-01-09\n",
    ] {
        assert!(front.contains(line), "{line:?} in\n{front}");
    }
    assert!(!page.contains("analytics") && !page.contains("Subscribe") && !page.contains("Sport"), "{page}");
    assert!(out.contains("Read from the page: title, publisher: Riverton Gazette"), "{out}");
    assert!(out.contains("Byline: Ana Lind"), "{out}");

    // The wire copy names the shipped source it repeats, and how much.
    let copy_line = out.lines().find(|l| l.starts_with("Copy: ")).expect("the copy is flagged");
    assert!(copy_line.contains("of its text repeats source `reuters-paris-coalition`"), "{copy_line}");
    let share: u32 = copy_line["Copy: ".len()..].split('%').next().unwrap().parse().unwrap();
    assert!((70..=90).contains(&share), "{copy_line}");
    assert!(out.contains("add `relays: reuters-paris-coalition` to "), "{out}");
    assert!(out.contains("Credits Reuters (1x"), "the credited outlet is suggested too: {out}");
    assert_eq!(out.matches("Copy: ").count(), 1, "nothing else is a copy: {out}");

    // The new spelling is proposed with the command that accepts it.
    assert!(out.contains("\"Volodymyr Zelensky\" (2): possible spelling of `zelenskyy`"), "{out}");
    let args = common::accept_command(&out);
    assert_eq!(args[..4], ["dossier", "alias", "zelenskyy", "Volodymyr Zelensky"], "{out}");
    let arg_refs: Vec<&str> = args[1..].iter().map(String::as_str).collect();
    let a = dossier(&arg_refs);
    assert!(a.status.success(), "{}", stderr(&a));

    let b = dossier(&["build", "--root", r]);
    assert!(b.status.success(), "{}", stderr(&b));
    let site = Site::load(&root.join("site"));
    let zelensky = sources(root).into_iter().find(|s| s.contains("zelensky-asks")).unwrap().replace(".md", ".html");
    let links: Vec<(String, String)> = site
        .page(&format!("sources/{zelensky}"))
        .select(&sel("a.mention"))
        .map(|a| (a.text().collect(), a.value().attr("href").unwrap_or_default().to_string()))
        .collect();
    assert!(links.contains(&("Volodymyr Zelensky".into(), "../actors/zelenskyy.html".into())), "{links:?}");
    common::assert_inert(&site);

    // changes.html says exactly what the three articles changed: three new sources, and
    // the actor who gained a spelling.
    let rows: Vec<String> = site
        .page("changes.html")
        .select(&sel("main ul.changes li"))
        .map(|li| li.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut new_sources: Vec<String> = sources(root).into_iter().filter(|s| !before.contains(s)).collect();
    new_sources.sort();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows.iter().any(|r| r.starts_with("Volodymyr Zelenskyy actor: text revised")), "{rows:?}");
    for s in &new_sources {
        let page = s.replace(".md", ".html");
        let title = site.page(&format!("sources/{page}")).select(&sel("h1")).next().unwrap().text().collect::<String>();
        assert!(rows.contains(&title.split_whitespace().collect::<Vec<_>>().join(" ")), "{title} among {rows:?}");
    }

    // Adding the folder again adds nothing twice.
    let again = dossier(&["add", &folder, "--root", r]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stdout(&again).contains("0 added, 3 skipped"), "{}", stdout(&again));
    assert!(stdout(&again).contains("already in the dossier as `"), "{}", stdout(&again));
    assert_eq!(sources(root).len(), before.len() + 3);
}

#[test]
fn one_bad_file_does_not_stop_the_others_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    write(root, "in/a-good.txt", "Talks resume in Geneva\n\nEmmanuel Macron spoke in Geneva.\n");
    fs::write(root.join("in/b-latin1.txt"), b"Caf\xe9 talks\n\nText.\n").unwrap();
    write(root, "in/c-empty.md", "# Only a title\n");
    write(root, "in/notes.pdf", "not an article");
    write(root, "in/.hidden/x.txt", "Hidden\n\nNever read.\n");
    write(root, "in/sub/d-more.md", "# More talks\n\nMacron spoke again.\n");
    let r = root.to_str().unwrap();
    let o = dossier(&["add", root.join("in").to_str().unwrap(), "--root", r, "--published", "2026-01-05"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{}", stderr(&o));
    assert!(out.contains("--published applied to all 4 files"), "{out}");
    assert!(
        out.contains(
            "2 added, 2 skipped: b-latin1.txt (the article is not valid UTF-8), c-empty.md (no article text found)"
        ),
        "{out}"
    );
    assert!(stderr(&o).contains("b-latin1.txt:1:4: error: the article is not valid UTF-8"), "{}", stderr(&o));
    assert_eq!(
        sources(root),
        ["2026-01-05-more-talks.md", "2026-01-05-talks-resume-in-geneva.md", "wire.md"],
        "the good files, nothing of the bad, the hidden or the PDF"
    );
}

#[test]
fn flags_win_over_the_page_and_per_file_flags_are_refused_for_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    let folder = incoming(root);
    let r = root.to_str().unwrap();
    let o = dossier(&["add", &folder, "--root", r, "--title", "One title for three"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--title names one article, but 3 files are given"), "{}", stderr(&o));
    assert_eq!(sources(root), ["wire.md"], "nothing written");

    let page = format!("{folder}/c-saved-page.html");
    let o = dossier(&["add", &page, "--root", r, "--publisher", "Gazette syndication", "--date", "2026-01-10"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text =
        fs::read_to_string(root.join("content/sources/2026-01-10-black-sea-grain-corridor-to-get-naval-escorts.md"))
            .unwrap();
    assert!(text.contains("publisher: Gazette syndication\n") && text.contains("published: 2026-01-10\n"), "{text}");
    assert!(text.contains("url: https://gazette.example/world/grain-escorts\n"), "the page fills the rest: {text}");
}

#[test]
fn what_articles_touch_is_reported_when_the_dossier_has_unrelated_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_shipped_content(root);
    // An unrelated mistake elsewhere in the dossier.
    let pillar = root.join("content/pillars/military-support.yaml");
    let text = fs::read_to_string(&pillar).unwrap();
    fs::write(&pillar, text.replacen("[[", "[[no-such-item]] [[", 1)).unwrap();
    let folder = incoming(root);
    let o = dossier(&["add", &folder, "--root", root.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "the dossier has an error: {out}");
    assert!(out.contains("3 added, 0 skipped"), "{out}");
    assert!(out.contains("Mentions: Emmanuel Macron (1), Türkiye (1)"), "{out}");
    assert!(out.contains("possible spelling of `zelenskyy`"), "{out}");
    assert!(out.contains("Copy: ") && out.contains("reuters-paris-coalition"), "{out}");
    assert!(out.contains("Now needs review: not known until the dossier's errors (below) are fixed"), "{out}");
    let err = stderr(&o);
    assert!(err.contains("military-support.yaml") && err.contains("no-such-item"), "{err}");
    assert!(err.contains("the articles were added"), "{err}");
}

#[test]
fn hostile_page_metadata_is_inert_and_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    let huge = format!("{{\"@type\":\"NewsArticle\",\"headline\":\"{}\"}}", "h".repeat(3 << 20));
    let deep = "[".repeat(200_000);
    let page = format!(
        "<html><head><meta property=\"og:title\" content=\"<script>alert(1)</script>&#x1b;[2J&#x202e;Evil\">\
         <meta property=\"og:site_name\" content=\"&#x1b;]0;owned&#x7;Gazette\">\
         <meta property=\"og:url\" content=\"javascript:alert(1)\">\
         <meta property=\"article:published_time\" content=\"not a date\">\
         <script type=\"application/ld+json\">{huge}</script>\
         <script type=\"application/ld+json\">{deep}</script>\
         <script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"publisher\": </script>\
         </head><body><p>Macron spoke in Paris.</p></body></html>"
    );
    write(root, "in/evil.html", &page);
    let r = root.to_str().unwrap();
    let started = std::time::Instant::now();
    let o = dossier(&["add", root.join("in/evil.html").to_str().unwrap(), "--root", r]);
    assert!(started.elapsed().as_secs() < 30, "bounded time");
    let out = stdout(&o);
    assert!(o.status.success(), "{}\n{out}", stderr(&o));
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("\\u{202e}Evil"), "bidi control shown as an escape: {out}");
    assert!(out.contains("is not a date dossier reads"), "{out}");
    let name = sources(root).into_iter().find(|s| s != "wire.md").unwrap();
    let text = fs::read_to_string(root.join("content/sources").join(&name)).unwrap();
    assert!(!text.contains("javascript:") && !text.contains('\u{1b}'), "{text}");
    let b = dossier(&["build", "--root", r]);
    assert!(b.status.success(), "{}", stderr(&b));
    let site = Site::load(&root.join("site"));
    common::assert_inert(&site);
    let h1: String = site
        .page(&format!("sources/{}", name.replace(".md", ".html")))
        .select(&sel("h1"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(h1.contains("<script>alert(1)</script>"), "the title is shown as text: {h1}");
}
