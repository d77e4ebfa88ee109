//! A dossier in another language: a Ukrainian dossier reads Ukrainian on every page
//! (no English word of the interface left), with Ukrainian plurals and dates; a
//! dossier's own catalogue overrides a message; a broken one is a content error at its
//! line; a language without a catalogue builds in English with a note; and no template
//! holds English prose outside `t(...)`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use scraper::{ElementRef, Node};

use crate::common::{self, sel, Site};

/// A small Ukrainian dossier: `actors` actors, one source, a pillar, a question, an
/// event and a figure, all written in Ukrainian.
fn ukrainian(root: &Path, actors: usize) {
    let w = |rel: &str, text: &str| common::write(root, rel, text);
    w("content/dossier.yaml", "title: Мирний процес\nlanguage: uk\nas_of: 2026-01-07\nbottom_line: |\n  [[syly]] важлива.\nkey_judgments:\n  - text: Сили заплановано.\n    confidence: high\n    citations:\n      - source: povidomlennia\n        quote: \"багатонаціональні сили\"\n");
    w("content/pillars/syly.yaml", "title: Багатонаціональні сили\norder: 1\nstatus: under-negotiation\nsummary: Очолює [[uchasnyk-1]].\nkey_points:\n  - text: Вони стоять позаду.\n    citations:\n      - source: povidomlennia\n        quote: \"далеко від лінії зіткнення\"\nactors:\n  - actor: uchasnyk-1\n    role: Очолює\nquestions: [khto]\nreviewed: 2026-01-07\n");
    for i in 1..=actors {
        w(
            &format!("content/actors/uchasnyk-{i}.yaml"),
            &format!("name: Учасник Номер{i}\nkind: person\nsummary: Посадовець.\nreviewed: 2026-01-07\npositions:\n  - on: syly\n    text: Підтримує.\n    citations:\n      - source: povidomlennia\n        quote: \"багатонаціональні сили\"\n"),
        );
    }
    w("content/questions/khto.yaml", "title: Хто надасть війська?\nstatus: open\nwhy_it_matters: Кількість вирішує довіру.\npillars: [syly]\nreviewed: 2026-01-07\n");
    w("content/events/zustrich.yaml", "title: Зустріч у Києві\ndate: 2026-01-06\nplace: Київ\nsummary: Лідери зустрілися.\nactors: [uchasnyk-1]\ncitations:\n  - source: povidomlennia\n    quote: \"багатонаціональні сили\"\n");
    w("content/figures/rozmir.yaml", "title: Розмір сил\nsummary: Скільки.\nreviewed: 2026-01-07\nvalues:\n  - source: povidomlennia\n    value: дві країни\n    number: 2\n    quote: \"які очолять дві країни\"\n");
    w("content/sources/povidomlennia.md", "---\ntitle: Повідомлення агенції\npublisher: Укрінформ\npublished: 2026-01-07\n---\nПакет містить багатонаціональні сили, які очолять дві країни.\n\nУчасник Номер1 сказав, що сили діятимуть «далеко від лінії зіткнення».\n");
}

fn build(root: &Path) -> (std::process::Output, PathBuf) {
    let out = root.join("site");
    let o =
        common::dossier(&["build", "--root", root.to_str().expect("utf-8"), "--output", out.to_str().expect("utf-8")]);
    (o, out)
}

fn built(root: &Path) -> PathBuf {
    let (o, out) = build(root);
    assert!(o.status.success(), "{}", common::stderr(&o));
    out
}

/// The words of every English message (its text without arguments and markup), less
/// the words the Ukrainian catalogue uses too (names such as "Atom").
fn english_interface_words() -> BTreeSet<String> {
    let catalogue = |lang: &str| {
        fs::read_to_string(common::repo_root().join(format!("themes/default/i18n/{lang}.ftl"))).expect("catalogue")
    };
    let values = |text: &str| -> String {
        let mut out = String::new();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            // The value of `id = value`, or a variant `[one] value`, or a continuation.
            let value = line.split_once(" = ").map_or(line, |(_, v)| v);
            let value = value.trim_start().strip_prefix('*').unwrap_or(value.trim_start());
            let value = if value.starts_with('[') { value.split_once(']').map_or("", |(_, v)| v) } else { value };
            out.push_str(&strip(value, '{', '}'));
            out.push(' ');
        }
        strip(&out, '<', '>')
    };
    let uk = words(&values(&catalogue("uk")));
    words(&values(&catalogue("en"))).into_iter().filter(|w| w.len() > 2 && !uk.contains(w)).collect()
}

/// `text` without what stands between `open` and `close`.
fn strip(text: &str, open: char, close: char) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| {
            if c == open {
                depth += 1;
            } else if c == close {
                depth = depth.saturating_sub(1);
                return false;
            }
            depth == 0
        })
        .collect()
}

/// Lowercased runs of letters.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// What a reader meets on a page: its text (not scripts) and the attributes read aloud
/// or shown (aria-label, title, alt, placeholder, data-label).
fn reader_text(page: &scraper::Html) -> String {
    let mut out = String::new();
    for node in page.tree.nodes() {
        match node.value() {
            Node::Text(t) => {
                let parent = node.parent().and_then(ElementRef::wrap).map(|e| e.value().name().to_string());
                match parent.as_deref() {
                    Some("script" | "style") => {}
                    // Parsed as raw text (scripting on): its markup is not read.
                    Some("noscript") => out.push_str(&strip(t, '<', '>')),
                    _ => out.push_str(t),
                }
                out.push(' ');
            }
            Node::Element(e) => {
                for attr in ["aria-label", "title", "alt", "placeholder", "data-label"] {
                    if let Some(v) = e.attr(attr) {
                        out.push_str(v);
                        out.push(' ');
                    }
                }
                if e.name() == "meta" && e.attr("name") == Some("description") {
                    out.push_str(e.attr("content").unwrap_or_default());
                }
            }
            _ => {}
        }
    }
    // A file name, not a word of the interface.
    out.replace("dossier.json", "")
}

#[test]
fn a_ukrainian_dossier_has_no_english_interface_word_on_any_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    ukrainian(dir.path(), 2);
    let site = Site::load(&built(dir.path()));
    let english = english_interface_words();
    assert!(english.contains("referenced") && english.contains("skip") && english.contains("january"), "{english:?}");
    let mut found = Vec::new();
    for (path, page) in &site.pages {
        let on_page = words(&reader_text(page));
        let bad: Vec<&String> = on_page.iter().filter(|w| english.contains(*w)).collect();
        if !bad.is_empty() {
            found.push(format!("{path}: {bad:?}"));
        }
    }
    assert!(found.is_empty(), "English words on Ukrainian pages:\n{}", found.join("\n"));
    // And the pages do speak Ukrainian.
    let home = site.page("index.html");
    let skip = home.select(&sel("a.skip")).next().expect("skip link").text().collect::<String>();
    assert_eq!(skip, "Перейти до змісту");
    assert_eq!(home.root_element().value().attr("lang"), Some("uk"));
}

#[test]
fn ukrainian_plurals_follow_cldr() {
    for (n, word) in [(1, "1 учасник"), (2, "2 учасники"), (5, "5 учасників"), (21, "21 учасник")]
    {
        let dir = tempfile::tempdir().expect("tempdir");
        ukrainian(dir.path(), n);
        let site = Site::load(&built(dir.path()));
        let asof = site.page("index.html").select(&sel("p.asof")).next().expect("as of").text().collect::<String>();
        let counted: Vec<&str> = asof.split(" · ").collect();
        assert!(counted.contains(&word), "{n} actors: {asof}");
    }
}

#[test]
fn dates_are_written_in_ukrainian() {
    let dir = tempfile::tempdir().expect("tempdir");
    ukrainian(dir.path(), 1);
    let site = Site::load(&built(dir.path()));
    let source = site.page("sources/povidomlennia.html");
    let facts = source.select(&sel("dl.facts")).next().expect("facts").text().collect::<String>();
    assert!(facts.contains("7 січня 2026"), "{facts}");
    let event = site.page("events/zustrich.html");
    let when = event.select(&sel("p.meta time")).next().expect("date").text().collect::<String>();
    assert_eq!(when, "6 січня 2026");
    let foot = site.page("index.html").select(&sel("footer time")).next().expect("as of").text().collect::<String>();
    assert_eq!(foot, "7 січня 2026");
}

#[test]
fn a_catalogue_in_the_dossier_overrides_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    ukrainian(dir.path(), 1);
    common::write(dir.path(), "i18n/uk.ftl", "# Our own words\ncited-by = Хто цитує\n");
    let site = Site::load(&built(dir.path()));
    let h = site.page("sources/povidomlennia.html").select(&sel("h2#cited-by")).next().expect("heading");
    assert_eq!(h.text().collect::<String>(), "Хто цитує");
    // Other messages still come from the built-in catalogue.
    let h = site.page("sources/povidomlennia.html").select(&sel("h2#referenced-by")).next().expect("heading");
    assert_eq!(h.text().collect::<String>(), "Посилаються");
}

#[test]
fn a_broken_catalogue_is_a_content_error_at_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    ukrainian(dir.path(), 1);
    common::write(dir.path(), "i18n/uk.ftl", "cited-by = Хто цитує\nце не повідомлення\n");
    let (o, out) = build(dir.path());
    let err = common::stderr(&o);
    // Content errors exit with 1 (see docs/guide.md), and nothing is written.
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("{}:2:1: error", Path::new("i18n").join("uk.ftl").display())), "{err}");
    assert!(err.contains("help:"), "{err}");
    assert!(!out.exists());
    let check = common::dossier(&["check", "--root", dir.path().to_str().expect("utf-8")]);
    assert_eq!(check.status.code(), Some(1), "{}", common::stderr(&check));
}

#[test]
fn a_language_without_a_catalogue_builds_in_english_with_a_note() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::minimal_dossier(dir.path());
    common::set_in_dossier_yaml(dir.path(), "language: pt");
    let (o, out) = build(dir.path());
    assert!(o.status.success(), "{}", common::stderr(&o));
    let site = Site::load(&out);
    let home = site.page("index.html");
    assert_eq!(home.root_element().value().attr("lang"), Some("pt"));
    let skip = home.select(&sel("a.skip")).next().expect("skip link").text().collect::<String>();
    assert_eq!(skip, "Skip to content");
    let check = common::dossier(&["check", "--root", dir.path().to_str().expect("utf-8")]);
    assert!(check.status.success());
    let err = common::stderr(&check);
    assert!(err.contains("note:") && err.contains("no translation into `pt`") && err.contains("i18n/pt.ftl"), "{err}");
    // A catalogue of its own for some messages: those are used, the rest stay English.
    common::write(dir.path(), "i18n/pt.ftl", "skip-to-content = Saltar para o conteúdo\n");
    let site = Site::load(&built(dir.path()));
    let skip = site.page("index.html").select(&sel("a.skip")).next().expect("skip").text().collect::<String>();
    assert_eq!(skip, "Saltar para o conteúdo");
}

#[test]
fn no_template_holds_english_prose_outside_messages() {
    let dir = common::repo_root().join("themes/default/templates");
    let mut found = Vec::new();
    for entry in fs::read_dir(&dir).expect("templates") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        let mut rest = text.clone();
        for (open, close) in [
            ("{#", "#}"),
            ("{%", "%}"),
            ("{{", "}}"),
            ("<script", "</script>"),
            ("<style", "</style>"),
            ("'sha256-", "'"),
        ] {
            rest = cut(&rest, open, close);
        }
        // Attributes a reader meets keep their text; the rest of a tag goes.
        let mut kept = String::new();
        for attr in ["aria-label=\"", "title=\"", "alt=\"", "placeholder=\"", "data-label=\""] {
            for piece in rest.split(attr).skip(1) {
                kept.push_str(piece.split('"').next().unwrap_or_default());
                kept.push(' ');
            }
        }
        let prose = format!("{} {kept}", cut(&rest, "<", ">")).replace("dossier.json", "");
        let letters: Vec<&str> = prose.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 1).collect();
        if !letters.is_empty() {
            found.push(format!("{}: {letters:?}", path.file_name().unwrap_or_default().to_string_lossy()));
        }
    }
    assert!(found.is_empty(), "words outside t(...) in templates:\n{}", found.join("\n"));
}

/// `text` without every span from `open` to the next `close`.
fn cut(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        let after = start + open.len();
        match rest[after..].find(close) {
            Some(end) => rest = &rest[after + end + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}
