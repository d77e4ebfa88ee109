//! Untrusted input is bounded: articles from the open web and the content around them
//! cannot crash, stall or blow up a command, and what they say reaches the terminal
//! only escaped.
#![cfg(target_os = "linux")]

use crate::common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::bounded::{run, Run};
use common::{minimal_dossier, write};

/// Generous: each of these finishes in well under a second in a release build.
const QUICK: Duration = Duration::from_secs(5);
/// The hang guard: a run this long is killed and fails the test.
const KILL: Duration = Duration::from_secs(60);

fn nested(tag: &str, n: usize) -> String {
    format!(
        "<html><head><title>Deep</title></head><body><p>First words.</p>{}<p>Deep words.</p>{}</body></html>",
        format!("<{tag}>").repeat(n),
        format!("</{tag}>").repeat(n)
    )
}

fn add(root: &Path, article: &Path) -> Run {
    run(&["add", article.to_str().unwrap(), "--root", root.to_str().unwrap()], KILL)
}

fn build(root: &Path) -> Run {
    let out = root.join("site");
    run(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()], KILL)
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
fn a_200000_deep_article_is_refused_quickly_where_it_goes_too_deep() {
    for tag in ["div", "b", "span"] {
        let dir = tempfile::tempdir().unwrap();
        minimal_dossier(dir.path());
        let article = dir.path().join("deep.html");
        let html = nested(tag, 200_000);
        fs::write(&article, &html).unwrap();
        let r = add(dir.path(), &article);
        eprintln!("{tag} x 200,000: {:?}", r.elapsed);
        assert_eq!(r.code, Some(1), "{tag}: the process must exit, not abort: {}", r.stderr);
        // The 513th level: html, body, then 511 of the nested tags; the column is that tag's.
        let col = html.find(&format!("<{tag}>")).unwrap() + 510 * (tag.len() + 2) + 1;
        let at = format!("deep.html:1:{col}: error: the article nests elements 513 deep; the limit is 512");
        assert!(r.stderr.contains(&at), "{tag}: want {at}\n{}", r.stderr);
        assert!(r.stderr.contains("help:"), "{}", r.stderr);
        assert!(r.elapsed < QUICK, "{tag}: took {:?}", r.elapsed);
        assert_eq!(sources(dir.path()), ["wire.md"], "nothing is written");
    }
}

#[test]
fn nesting_time_grows_linearly_and_ordinary_depth_imports() {
    // Before the bound, 40,000 nested divs took 17 s (quadratic) and 200,000 over two
    // minutes; now every size is refused within the same fraction of a second.
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    for n in [10_000, 40_000] {
        let article = dir.path().join(format!("divs{n}.html"));
        fs::write(&article, nested("div", n)).unwrap();
        let r = add(dir.path(), &article);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(r.elapsed < QUICK, "{n}: took {:?}", r.elapsed);
    }
    // 500 levels: deeper than any real page, still within the limit, imported in full.
    let article = dir.path().join("nested.html");
    fs::write(&article, nested("div", 500)).unwrap();
    let r = add(dir.path(), &article);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let added =
        dir.path().join("content/sources").join(sources(dir.path()).into_iter().find(|s| s != "wire.md").unwrap());
    let text = fs::read_to_string(added).unwrap();
    assert!(text.contains("First words.") && text.contains("Deep words."), "{text}");
}

#[test]
fn deep_nesting_in_markdown_fields_is_a_located_error_and_in_sources_is_text() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let deep_html = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let deep_quotes = format!("{} x", ">".repeat(100_000));
    write(
        dir.path(),
        "content/actors/deep.yaml",
        &format!(
            "name: Deep\nkind: person\nreviewed: 2026-01-07\nsummary: |\n  Start {deep_html}\nrole: ok\npositions:\n  - \"on\": who-supplies\n    text: \"{deep_quotes}\"\n"
        ),
    );
    // In a source, HTML and quote markers are the article's text, never markup.
    write(
        dir.path(),
        "content/sources/deep-source.md",
        &format!("---\ntitle: Deep\n---\n{deep_html}\n\n{deep_quotes}\n"),
    );
    let r = build(dir.path());
    eprintln!("build: {:?}", r.elapsed);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("deep.yaml:5:3: error: this text nests elements"), "{}", r.stderr);
    assert!(r.stderr.contains("deep.yaml:9:12: error: this text nests elements"), "{}", r.stderr);
    assert!(!r.stderr.contains("deep-source.md"), "the source builds: {}", r.stderr);
    assert!(r.elapsed < QUICK, "took {:?}", r.elapsed);

    fs::remove_file(dir.path().join("content/actors/deep.yaml")).unwrap();
    let r = build(dir.path());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.elapsed < QUICK, "took {:?}", r.elapsed);
}

#[test]
fn a_hostile_title_prints_escaped_and_is_stored_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let article = dir.path().join("evil.html");
    fs::write(
        &article,
        "<html><head><title>\u{1b}[31mRed \u{202e}txt.exe\u{1b}[0m</title></head><body>\
         <p>Emmanuel Macron met Olaf\u{202e} Scholz\u{7} in \u{1b}]0;pwned\u{7}Paris.</p></body></html>",
    )
    .unwrap();
    let r = add(dir.path(), &article);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = r.stdout;
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains(r#""[31mRed \u{202e}txt.exe [0m""#), "the headline, escaped: {out}");
    assert!(out.contains("Mentions: Emmanuel Macron"), "{out}");
    let stored = sources(dir.path()).into_iter().find(|s| s != "wire.md").unwrap();
    let text = fs::read_to_string(dir.path().join("content/sources").join(stored)).unwrap();
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    // The file loads back: `check` accepts it and prints names from it escaped.
    let r = run(&["check", "--root", dir.path().to_str().unwrap()], KILL);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stdout.contains('\u{202e}'), "{:?}", r.stdout);
}

#[test]
fn control_characters_in_content_files_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    write(
        dir.path(),
        "content/actors/macron.yaml",
        "name: Emmanuel Macron\nkind: person\naliases: [Macron]\nsummary: President \u{1b}[2J of France.\u{7}\nreviewed: 2026-01-07\n",
    );
    write(dir.path(), "content/sources/paged.md", "---\ntitle: Paged\n---\nPage one.\n\u{c}\nPage two.\n");
    let r = build(dir.path());
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let yaml = "macron.yaml:4:20: error: invisible control character U+001B (escape) (and 1 more)";
    assert!(r.stderr.contains(yaml), "{}", r.stderr);
    assert!(r.stderr.contains("paged.md:5:1: error: invisible control character U+000C (form feed)"), "{}", r.stderr);
    assert!(!r.stderr.contains('\u{1b}'), "{:?}", r.stderr);
}

#[test]
fn content_quoted_in_errors_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    // A YAML escape puts the control character in the value, not the file's bytes; the
    // quote is not in the source, and the error that quotes it must not colour the terminal.
    let pillar = fs::read_to_string(dir.path().join("content/pillars/force.yaml")).unwrap();
    let pillar = pillar.replace("\"away from the contact line\"", "\"away \\u202e from \\e[31m the line\"");
    write(dir.path(), "content/pillars/force.yaml", &pillar);
    let r = build(dir.path());
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(!r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{202e}'), "{:?}", r.stderr);
    assert!(r.stderr.contains("force.yaml:"), "{}", r.stderr);
}
