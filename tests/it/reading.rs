//! A briefing read aloud: what every built page says in words (its visible text and the
//! attributes a reader or a screen reader meets: title, alt, aria-label, the meta and
//! OpenGraph descriptions) must never show an item's id, double a word across a link
//! ("the The New York Times"), cut a word before an ellipsis, or repeat a list row.
//! Checked on the shipped dossier and on one made by `dossier init` (another subject).

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;

use scraper::{ElementRef, Html, Node};

use crate::common::{self, dossier, repo_root, sel, Site};

const BLOCKS: [&str; 34] = [
    "p",
    "li",
    "div",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "ul",
    "ol",
    "table",
    "tr",
    "header",
    "footer",
    "nav",
    "main",
    "article",
    "aside",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "br",
    "pre",
    "summary",
    "details",
    "title",
    "dl",
    "option",
];

/// The words of an element as read: text nodes joined, blocks on their own lines.
fn words_of(e: ElementRef, out: &mut String) {
    for child in e.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) => {
                if matches!(el.name(), "script" | "style" | "template") {
                    continue;
                }
                let block = BLOCKS.contains(&el.name());
                if block {
                    out.push('\n');
                }
                if let Some(child) = ElementRef::wrap(child) {
                    words_of(child, out);
                }
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// Everything a page says: its visible text, then one line per read-aloud attribute.
fn said(page: &Html) -> String {
    let mut out = String::new();
    words_of(page.root_element(), &mut out);
    for e in page.select(&sel("[title], [alt], [aria-label], meta[name=description], meta[property='og:description']"))
    {
        for attr in ["title", "alt", "aria-label", "content"] {
            if attr == "content" && e.value().name() != "meta" {
                continue;
            }
            if let Some(v) = e.value().attr(attr) {
                out.push('\n');
                out.push_str(v);
            }
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// Where `word` stands as a whole word in `text` (case-sensitive), with some context.
fn whole_word(text: &str, word: &str) -> Option<String> {
    text.match_indices(word).find_map(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let alone = !before.is_some_and(|c| is_word_char(c) || c == '/' || c == '.' || c == '#')
            && !after.is_some_and(|c| is_word_char(c) || c == '/');
        alone.then(|| {
            let start = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
            let end = text[i..].char_indices().nth(word.len() + 30).map_or(text.len(), |(j, _)| i + j);
            text[start..end].replace('\n', " ")
        })
    })
}

/// Every item id of the dossier at `root`, with the path of its page.
fn item_ids(root: &Path) -> Vec<(String, String)> {
    let mut ids = Vec::new();
    for dir in fs::read_dir(root.join("content")).expect("content/").flatten() {
        if !dir.path().is_dir() {
            continue;
        }
        let kind = dir.file_name().to_string_lossy().into_owned();
        for f in fs::read_dir(dir.path()).expect("kind dir").flatten() {
            let path = f.path();
            if let Some(stem) = path.file_stem().filter(|_| path.extension().is_some_and(|e| e == "yaml" || e == "md"))
            {
                let id = stem.to_string_lossy().into_owned();
                ids.push((id.clone(), format!("{kind}/{id}.html")));
            }
        }
    }
    ids
}

/// Every problem a reader would hear in the site built from `root` into `out`.
fn problems(root: &Path, out: &Path) -> Vec<String> {
    let site = Site::load(out);
    let texts: BTreeMap<&String, String> = site.pages.iter().map(|(p, html)| (p, said(html))).collect();
    let mut found = Vec::new();

    // Ids. A hyphenated id is never a word; a one-word id only counts where it is
    // shown in lower case while the item's own name is not (`nato` for "NATO").
    for (id, page) in item_ids(root) {
        let name =
            site.pages.get(&page).and_then(|p| p.select(&sel("h1")).next()).map(|h| h.text().collect::<String>());
        let plain_word = name.as_deref().is_some_and(|n| n.split(|c: char| !is_word_char(c)).any(|w| w == id));
        if !id.contains('-') && plain_word {
            continue;
        }
        for (path, text) in &texts {
            if let Some(at) = whole_word(text, &id) {
                found.push(format!("{path}: id `{id}` shown as text: …{at}…"));
            }
        }
    }

    // A word doubled across a link: the word before an <a> and the link's first word.
    let norm = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    for (path, html) in &site.pages {
        for a in html.select(&sel("a")) {
            let before = a.prev_sibling().and_then(|n| n.value().as_text().map(|t| t.to_string())).unwrap_or_default();
            let first = a.text().collect::<String>();
            let (Some(w1), Some(w2)) = (before.split_whitespace().next_back(), first.split_whitespace().next()) else {
                continue;
            };
            if before.ends_with(char::is_whitespace) && !norm(w1).is_empty() && norm(w1) == norm(w2) {
                found.push(format!("{path}: \"{w1} {first}\": a word doubled across a link"));
            }
        }
    }

    // Words cut before an ellipsis: the word must be whole somewhere in the site.
    let all = texts.values().map(String::as_str).collect::<Vec<_>>().join("\n");
    for (path, text) in &texts {
        for (i, _) in text.match_indices('…') {
            let word: String = text[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if word.is_empty() {
                continue;
            }
            let whole = all.match_indices(word.as_str()).any(|(j, _)| {
                let next = all[j + word.len()..].chars().next();
                let prev = all[..j].chars().next_back();
                !prev.is_some_and(char::is_alphanumeric) && next.is_some_and(|c| !c.is_alphanumeric() && c != '…')
            });
            if !whole {
                let start = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
                found.push(format!("{path}: word cut before an ellipsis: …{}…", text[start..i].replace('\n', " ")));
            }
        }
    }

    // A list row repeated.
    for (path, html) in &site.pages {
        for list in html.select(&sel("ul, ol")) {
            let mut seen = HashSet::new();
            for li in list.children().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "li") {
                let row = li.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
                if !row.is_empty() && !seen.insert(row.clone()) {
                    found.push(format!("{path}: list row repeated: {row}"));
                }
            }
        }
    }
    found
}

fn assert_reads_well(root: &Path, out: &Path) {
    let found = problems(root, out);
    assert!(found.is_empty(), "{} problems a reader would see:\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_shipped_dossier_reads_as_prose() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("site");
    let o = dossier(&["build", "--root", repo_root().to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert_reads_well(&repo_root(), &out);
    let check = dossier(&["check", "--root", repo_root().to_str().unwrap()]);
    let said = common::stderr(&check) + &common::stdout(&check);
    assert!(!said.contains("into this sentence") && !said.contains("across the link"), "{said}");
}

#[test]
fn a_new_dossier_reads_as_prose() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("water");
    let r = root.to_str().unwrap();
    let o = dossier(&["init", r, "--title", "Water supply in Riverton"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let out = tmp.path().join("site");
    let b = dossier(&["build", "--root", r, "--output", out.to_str().unwrap()]);
    assert!(b.status.success(), "{}", common::stderr(&b));
    assert_reads_well(&root, &out);
}

/// The checker itself can fail: a dossier that shows ids, doubles "the" and repeats a
/// row is caught.
#[test]
fn the_reader_check_catches_ids_and_doubled_words() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    common::minimal_dossier(root);
    let out = root.join("site");
    fs::create_dir_all(out.join("actors")).unwrap();
    fs::write(
        out.join("actors/macron.html"),
        "<html><head><meta name=description content=\"see paris-meeting\"></head><body><h1>Emmanuel Macron</h1>\
         <p>He met the <a href=x>The Times</a> and multinati…</p><ul><li>A</li><li>A</li></ul></body></html>",
    )
    .unwrap();
    let found = problems(root, &out).join("\n");
    for expected in
        ["id `paris-meeting`", "\"the The Times\"", "word cut before an ellipsis: …", "list row repeated: A"]
    {
        assert!(found.contains(expected), "missing {expected:?} in:\n{found}");
    }
}

#[test]
fn bare_links_use_short_names_and_warn_on_whole_titles() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    common::minimal_dossier(root);
    common::write(
        root,
        "content/events/paris-meeting.yaml",
        "title: Leaders of the coalition meet in Paris and outline five pillars\ndate: \"~2026-01\"\nplace: Paris\n\
         summary: Leaders met with the [[wire]] and the [[who-supplies]] answer.\nactors: [macron]\n\
         citations:\n  - source: wire\n    quote: \"a multinational force\"\n",
    );
    common::write(
        root,
        "content/actors/macron.yaml",
        "name: Emmanuel Macron\nkind: person\naliases: [Macron]\nsummary: He led [[paris-meeting]] and the [[force|the multinational force]].\nreviewed: 2026-01-07\n",
    );
    let r = root.to_str().unwrap();
    let check = dossier(&["check", "--root", r]);
    assert!(check.status.success(), "warnings do not fail a check: {}", common::stderr(&check));
    let said = common::stderr(&check);
    assert!(
        said.contains("content/actors/macron.yaml:4:17: warning: `[[paris-meeting]]` puts the whole title"),
        "{said}"
    );
    assert!(said.contains("short: ..."), "{said}");
    assert!(said.contains("\"the the multinational force\" repeats \"the\""), "{said}");
    assert!(said.contains("content/events/paris-meeting.yaml"), "{said}");
    assert!(said.contains("who-supplies"), "a question title ending in ? warns too: {said}");
    // A source reads as its publisher and date.
    let out = root.join("site");
    let b = dossier(&["build", "--root", r, "--output", out.to_str().unwrap()]);
    assert!(b.status.success(), "{}", common::stderr(&b));
    let site = Site::load(&out);
    let text = said_in(&site, "events/paris-meeting.html", "main");
    assert!(text.contains("Leaders met with the Wire, 6 January 2026 and"), "{text}");
}

fn said_in(site: &Site, page: &str, selector: &str) -> String {
    site.page(page).select(&sel(selector)).flat_map(|e| e.text()).collect::<String>()
}

/// Search reads the same plain text: names for links, entities decoded, no markup.
#[test]
fn search_snippets_read_names_and_decoded_entities() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    common::minimal_dossier(root);
    let pillar = fs::read_to_string(root.join("content/pillars/force.yaml")).unwrap();
    let pillar = pillar.replace("summary: Led by [[macron]].", "summary: Led by [[macron]]&nbsp;&amp; *others*.");
    common::write(root, "content/pillars/force.yaml", &pillar);
    let out = root.join("site");
    let b = dossier(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(b.status.success(), "{}", common::stderr(&b));
    // The search index is sharded: every document shard, as one text.
    let index: String = fs::read_dir(out.join("static/search/d"))
        .expect("search index")
        .map(|f| fs::read_to_string(f.unwrap().path()).unwrap())
        .collect();
    assert!(index.contains("Led by Emmanuel Macron"), "{index}");
    assert!(!index.contains("&nbsp;") && !index.contains("&amp;") && !index.contains("<em>"), "{index}");
    let page = Site::load(&out);
    let description = page
        .page("pillars/force.html")
        .select(&sel("meta[name=description]"))
        .filter_map(|m| m.value().attr("content").map(str::to_string))
        .collect::<String>();
    assert_eq!(description, "Led by Emmanuel Macron & others.");
}
