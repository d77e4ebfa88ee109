//! `rights: excerpts` hides an article's uncited paragraphs everywhere: the shipped
//! dossier is built with three sources excerpted, and the text of every uncited
//! paragraph is looked for in every file of the site (pages, previews, search index,
//! `dossier.json`, print, feed), raw, with HTML entities and JSON escapes decoded and
//! with tags stripped. The same search over the unchanged build must find each of them,
//! so the search itself is known to work.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{assert_inert, dossier, repo_root, sel, snapshot, Site};

/// Excerpted sources and the original address each is given ("" for none).
const EXCERPTED: [(&str, &str); 3] = [
    ("blog-article5-explainer", ""),
    ("nyt-relay-berlin-documents", ""),
    ("us-backed-assurances-terms", "https://example.org/assurances"),
];

struct Builds {
    _dir: tempfile::TempDir,
    full: PathBuf,
    excerpts: PathBuf,
    content: PathBuf,
}

fn build(root: &Path, out: &Path) {
    let o = dossier(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "build must succeed: {}", common::stderr(&o));
}

/// The shipped dossier built as it is, and a copy built with `EXCERPTED` set to excerpts.
fn builds() -> &'static Builds {
    static BUILT: OnceLock<Builds> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("copy");
        common::copy_shipped_content(&root);
        for (id, url) in EXCERPTED {
            let path = root.join(format!("content/sources/{id}.md"));
            let text = std::fs::read_to_string(&path).unwrap();
            let url = if url.is_empty() { String::new() } else { format!("\nurl: {url}") };
            let changed = text.replacen("\nrights: full\n", &format!("\nrights: excerpts{url}\n"), 1);
            assert_ne!(changed, text, "{id} has no `rights: full` line to change");
            std::fs::write(&path, changed).unwrap();
        }
        let full = dir.path().join("full");
        let excerpts = dir.path().join("excerpts");
        build(&repo_root(), &full);
        build(&root, &excerpts);
        Builds { content: root.join("content"), _dir: dir, full, excerpts }
    })
}

/// Lowercase, whitespace collapsed: how texts are compared.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// `&amp;`, `&#8217;`, `&#x2019;`, ... decoded.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.char_indices().take(12).find(|(_, c)| *c == ';').map(|(i, _)| i) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// JSON string escapes (`\"`, `\u2019`, `\n`, ...) decoded wherever they are.
fn decode_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Markup removed, so text split by `<a>` or `<mark>` reads as one run again.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every file of a site as the readings a reader or a tool could get from it.
fn readings(dir: &Path) -> Vec<(String, Vec<String>)> {
    snapshot(dir)
        .into_iter()
        .map(|(rel, bytes)| {
            let raw = String::from_utf8_lossy(&bytes).into_owned();
            // A term shard's values are encoded postings, in which any short word can occur
            // by chance ("FAq"); what it says of the text is its terms, the keys.
            let raw = if rel.starts_with("static/search/t/") { shard_terms(&raw) } else { raw };
            let json = decode_json(&raw);
            let views = [
                raw.clone(),
                decode_entities(&raw),
                decode_entities(&strip_tags(&raw)),
                json.clone(),
                decode_entities(&strip_tags(&json)),
            ];
            (rel, views.iter().map(|v| norm(v)).collect())
        })
        .collect()
}

/// The terms of a search shard (`DOSSIER_SEARCH.load("t/x",{"term":"postings",...})`).
fn shard_terms(js: &str) -> String {
    let object = js.find('{').zip(js.rfind('}')).map(|(a, b)| &js[a..=b]).unwrap_or_default();
    let terms: serde_json::Map<String, serde_json::Value> = serde_json::from_str(object).expect("a shard is JSON");
    terms.keys().cloned().collect::<Vec<_>>().join(" ")
}

fn found_in<'a>(site: &'a [(String, Vec<String>)], needle: &str) -> Vec<&'a str> {
    site.iter().filter(|(_, views)| views.iter().any(|v| v.contains(needle))).map(|(f, _)| f.as_str()).collect()
}

/// Paragraph number -> (text, cited) on a source page.
fn paragraphs(site: &Site, id: &str) -> BTreeMap<usize, (String, bool)> {
    let page = site.page(&format!("sources/{id}.html"));
    let pn = sel("a.pn");
    page.select(&sel(".article p.para"))
        .map(|p| {
            let n: usize = p.value().attr("id").and_then(|i| i.strip_prefix('p')).unwrap().parse().unwrap();
            let label: String = p.select(&pn).flat_map(|a| a.text()).collect();
            let all: String = p.text().collect();
            let text = all.trim_start().strip_prefix(label.as_str()).unwrap_or(&all).to_string();
            let cited = p.value().classes().any(|c| c == "cited");
            (n, (norm(&text), cited))
        })
        .collect()
}

/// Everything an editor wrote or the site shows anyway, besides `id`'s own article:
/// text found here may rightly appear in the site.
fn elsewhere(content: &Path, id: &str, shown: &[&str]) -> String {
    let mut all = String::new();
    for (rel, bytes) in snapshot(content) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if rel == format!("sources/{id}.md") {
            // Its front matter only (title, reliability note): the body is the article.
            all.push_str(text.split("\n---").next().unwrap_or_default());
        } else {
            all.push_str(&text);
        }
        all.push('\n');
    }
    all.extend(shown.iter().map(|s| format!("{s}\n")));
    // Markdown emphasis does not survive rendering.
    norm(&all.replace(['*', '`'], ""))
}

/// A ~40-character run of `text` found nowhere in `elsewhere`, preferring the middle.
fn distinctive(text: &str, elsewhere: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 40 {
        return (!elsewhere.contains(text)).then(|| text.to_string());
    }
    let middle = (chars.len() - 40) / 2;
    let starts = (0..=middle).rev().chain(middle + 1..=chars.len() - 40);
    starts.map(|s| chars[s..s + 40].iter().collect::<String>()).find(|w| !elsewhere.contains(w.as_str()))
}

#[test]
fn every_link_and_anchor_resolves_with_excerpted_sources() {
    let site = Site::load(&builds().excerpts);
    let problems = site.broken_links();
    assert!(problems.is_empty(), "{} broken links:\n{}", problems.len(), problems.join("\n"));
    assert_inert(&site);
}

#[test]
fn uncited_paragraphs_appear_in_no_file_and_cited_ones_are_shown() {
    let b = builds();
    let (full_site, excerpt_site) = (Site::load(&b.full), Site::load(&b.excerpts));
    let (full_files, excerpt_files) = (readings(&b.full), readings(&b.excerpts));
    let mut checked = 0;
    for (id, _) in EXCERPTED {
        let all = paragraphs(&full_site, id);
        let shown = paragraphs(&excerpt_site, id);
        let cited: BTreeSet<usize> = all.iter().filter(|(_, (_, c))| *c).map(|(n, _)| *n).collect();
        assert!(!cited.is_empty() && cited.len() < all.len(), "{id}: needs cited and uncited paragraphs");
        // Exactly the cited paragraphs are on the page, numbered and worded as in full.
        assert_eq!(shown.keys().copied().collect::<BTreeSet<_>>(), cited, "{id}: shown paragraphs");
        for (n, (text, _)) in &shown {
            assert_eq!(text, &all[n].0, "{id} paragraph {n} is shown whole");
        }
        let shown_texts: Vec<&str> = shown.values().map(|(t, _)| t.as_str()).collect();
        let known = elsewhere(&b.content, id, &shown_texts);
        let mut mine = 0;
        for (n, (text, _)) in all.iter().filter(|(n, _)| !cited.contains(n)) {
            let Some(needle) = distinctive(text, &known) else { continue };
            assert!(!found_in(&full_files, &needle).is_empty(), "{id} p{n}: the search misses {needle:?}");
            let leaks = found_in(&excerpt_files, &needle);
            assert!(leaks.is_empty(), "{id} p{n}: hidden text {needle:?} is in {leaks:?}");
            mine += 1;
        }
        assert!(mine >= 5, "{id}: only {mine} uncited paragraphs could be checked");
        checked += mine;
    }
    assert!(checked >= 30, "only {checked} uncited paragraphs checked");
}

#[test]
fn mentions_only_in_hidden_paragraphs_link_to_the_original_or_the_source_page() {
    let site = Site::load(&builds().excerpts);
    let (item, link, snippet) = (sel("ul.mentions li"), sel("a"), sel("p.snippet"));
    let (mut to_original, mut to_page) = (0, 0);
    for (page, html) in site.pages.iter().filter(|(p, _)| p.starts_with("actors/")) {
        for li in html.select(&item) {
            let href = li.select(&link).next().and_then(|a| a.value().attr("href")).unwrap_or_default();
            let Some((id, url)) =
                EXCERPTED.iter().find(|(id, url)| href == *url || href == format!("../sources/{id}.html"))
            else {
                continue;
            };
            if href == *url {
                to_original += 1
            } else {
                to_page += 1
            }
            // No paragraph to quote: the snippet says so instead of showing article text.
            let note: Vec<String> = li.select(&snippet).map(|p| p.text().collect()).collect();
            assert!(
                note.len() == 1 && note[0].starts_with("Only in paragraphs this site does not show"),
                "{page}: mention of {id}: {note:?}"
            );
        }
    }
    assert!(to_original > 0, "a mention only in hidden paragraphs links to the original article");
    assert!(to_page > 0, "with no original address, it links to the source page's top");
}
