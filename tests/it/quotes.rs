//! Quotes match whole words: a quote that cuts a word of its source, or is too short to
//! stand as evidence without saying so (`short: true`), fails the build with the
//! quote's `path:line:col`, the word it cut and the fix. What the matcher forgives is one
//! list, and docs/content.md shows that same list.

use crate::common;

use std::fs;
use std::path::Path;

use common::{dossier, minimal_dossier, repo_root, sel, stderr, write, Site};

const SOURCE: &str = "---\ntitle: Rome report\npublisher: Wire\npublished: 2026-01-06\n---\nLeaders met in Rome.\n\nItaly says it is unwilling to contribute troops, Meloni said.\n\nThe Kremlin’s line on Article 5 has not changed.\n";

/// A minimal dossier plus source `rome` and an event citing it with `citation` (YAML
/// lines under `- source: rome`); returns the build's output and the event file's text.
fn build_with(root: &Path, citation: &str) -> (std::process::Output, String) {
    minimal_dossier(root);
    write(root, "content/sources/rome.md", SOURCE);
    let event = format!("title: Rome\ndate: 2026-01-05\nsummary: x\ncitations:\n  - source: rome\n{citation}");
    write(root, "content/events/rome-meeting.yaml", &event);
    (dossier(&["build", "--root", root.to_str().unwrap()]), event)
}

/// `path:line:col` of the first `needle` in the event file, as errors print it.
fn position(root: &Path, event: &str, needle: &str) -> String {
    let offset = event.find(needle).expect("needle in the file");
    let line = event[..offset].matches('\n').count() + 1;
    let col = event[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{}:{line}:{col}: error: ", root.join("content/events/rome-meeting.yaml").display())
}

#[test]
fn a_quote_starting_inside_a_word_is_refused_naming_the_word() {
    let dir = tempfile::tempdir().unwrap();
    let (out, event) = build_with(dir.path(), "    quote: \"willing to contribute troops\"\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let want = format!(
        "{}quote \"willing to contribute troops\" starts inside the word \"unwilling\" in source `rome`, paragraph 2",
        position(dir.path(), &event, "willing to")
    );
    assert!(err.contains(&want), "want {want}\nin:\n{err}");
    assert!(err.contains("help: quote whole words"), "{err}");
    assert!(!dir.path().join("site/events/rome-meeting.html").exists(), "no page shows the quote as verified");
}

#[test]
fn a_quote_ending_inside_a_word_is_refused_naming_the_word() {
    let dir = tempfile::tempdir().unwrap();
    let (out, event) = build_with(dir.path(), "    quote: \"it is unwilling to contribute tro\"\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let want = format!(
        "{}quote \"it is unwilling to contribute tro\" ends inside the word \"troops\" in source `rome`, paragraph 2",
        position(dir.path(), &event, "it is")
    );
    assert!(err.contains(&want), "want {want}\nin:\n{err}");
}

#[test]
fn an_apostrophe_keeps_a_possessive_in_its_word() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = build_with(dir.path(), "    quote: \"The Kremlin\"\n    short: true\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("ends inside the word \"Kremlin’s\""), "{err}");
    let (out, _) = build_with(dir.path(), "    quote: \"The Kremlin's line\"\n");
    assert!(out.status.success(), "a straight apostrophe matches the curly one: {}", stderr(&out));
}

#[test]
fn a_one_letter_quote_is_too_short_and_the_fix_is_short_true() {
    let dir = tempfile::tempdir().unwrap();
    let (out, event) = build_with(dir.path(), "    quote: \"a\"\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let want = format!("{}quote \"a\" is too short", position(dir.path(), &event, "a\"\n"));
    assert!(err.contains(&want), "want {want}\nin:\n{err}");
    assert!(err.contains("short: true"), "the help names the flag: {err}");
}

#[test]
fn short_true_accepts_a_short_whole_word_quote_and_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = build_with(dir.path(), "    quote: \"Article 5\"\n    short: true\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let site = Site::load(&dir.path().join("site"));
    let quotes: Vec<String> =
        site.page("events/rome-meeting.html").select(&sel("q")).map(|q| q.text().collect::<String>()).collect();
    assert_eq!(quotes, ["Article 5"]);
    let marks: Vec<String> =
        site.page("sources/rome.html").select(&sel("mark")).map(|m| m.text().collect::<String>()).collect();
    assert_eq!(marks, ["Article 5"]);
}

#[test]
fn short_true_still_needs_whole_words_and_works_on_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = build_with(dir.path(), "    quote: \"willing\"\n    short: true\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("starts inside the word \"unwilling\""), "{err}");
    let figure = "title: Rome\nsummary: x\nvalues:\n  - source: rome\n    value: five\n    quote: \"Article 5\"\n    short: true\nreviewed: 2026-01-07\n";
    write(dir.path(), "content/figures/rome-size.yaml", figure);
    write(
        dir.path(),
        "content/events/rome-meeting.yaml",
        "title: Rome\ndate: 2026-01-05\nsummary: x\ncitations:\n  - source: rome\n    quote: \"Leaders met in Rome\"\n",
    );
    let out = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn letter_case_is_forgiven_as_the_spec_says() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = build_with(dir.path(), "    quote: \"leaders met in rome\"\n");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn forgiven_characters_match_their_plain_forms() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    let source = "---\ntitle: Typography\n---\n“Fundamentally,\u{a0} we rule nothing out” — he said… in the un\u{AD}limited cafe\u{301} on\u{200B}line.\n";
    write(root, "content/sources/typo.md", source);
    write(root, "content/events/typography.yaml", "title: T\ndate: 2026-01-05\nsummary: x\ncitations:\n  - source: typo\n    quote: '\"Fundamentally, we rule nothing out\" - he said...'\n  - source: typo\n    quote: \"in the unlimited café online\"\n");
    let out = dossier(&["build", "--root", root.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_docs_list_what_is_forgiven_exactly_as_the_code_does() {
    let docs = fs::read_to_string(repo_root().join("docs/content.md")).unwrap();
    let list = dossier::text::quote::rules_markdown();
    assert!(
        docs.contains(&list),
        "docs/content.md must contain, verbatim, the list from quote::rules_markdown():\n{list}"
    );
}

#[test]
fn the_starter_dossier_builds_with_whole_word_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("d");
    let r = root.to_str().unwrap();
    let init = dossier(&["init", r, "--title", "Harbour dredging"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let out = dossier(&["build", "--root", r]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_quote_cutting_a_word_a_hundred_thousand_times_fails_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    let body = "unwilling to go, ".repeat(100_000);
    write(root, "content/sources/many.md", &format!("---\ntitle: Many\n---\n{body}\n"));
    write(root, "content/events/many-cuts.yaml", "title: M\ndate: 2026-01-05\nsummary: x\ncitations:\n  - source: many\n    quote: \"willing to go\"\n  - source: many\n    quote: \"unwilling to g\"\n");
    let started = std::time::Instant::now();
    let out = dossier(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("starts inside the word \"unwilling\""), "{err}");
    assert!(err.contains("ends inside the word \"go"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(60), "took {:?}", started.elapsed());
}
