//! The offline search as a reader uses it: the index built from the shipped dossier
//! (folded and stemmed terms, actors' aliases, clean snippets), the browser's folding and
//! stemming against the same table as the builder's (node), and search.html opened from
//! file:// in Chromium (tests/browser/search.mjs). The node and Chromium tests pass and
//! say so on stderr where those are not installed, unless DOSSIER_REQUIRE_CHECKERS=1.

use crate::common;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{dossier, repo_root, stderr, stdout};
use serde_json::Value;

/// The shipped content, built once.
fn site() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &BUILT.get_or_init(|| common::build_shipped_copy(|_| {})).1
}

struct Index {
    /// [title, url, kind, summary, sections] per document.
    docs: Vec<Value>,
    /// term -> documents it occurs in.
    terms: HashMap<String, BTreeSet<usize>>,
}

/// The data of a shard script: `DOSSIER_SEARCH.load("NAME",DATA);`.
fn shard_data(js: &str, name: &str) -> Value {
    let start = format!("DOSSIER_SEARCH.load(\"{name}\",");
    let json = js.trim().strip_prefix(&start).and_then(|j| j.strip_suffix(");")).expect("shard script");
    serde_json::from_str(json).unwrap()
}

/// The manifest (static/search-index.js) as JSON.
fn manifest(site: &Path) -> Value {
    let js = std::fs::read_to_string(site.join("static/search-index.js")).unwrap();
    let json =
        js.trim().strip_prefix("window.DOSSIER_SEARCH = ").and_then(|j| j.strip_suffix(';')).expect("index script");
    serde_json::from_str(json).unwrap()
}

/// Every shard script under static/search/ as (name, data), name as in `load(name, ..)`.
fn shards(site: &Path, folder: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for f in std::fs::read_dir(site.join("static/search").join(folder)).unwrap() {
        let path = f.unwrap().path();
        let name = format!("{folder}/{}", path.file_stem().unwrap().to_str().unwrap());
        out.push((name.clone(), shard_data(&std::fs::read_to_string(&path).unwrap(), &name)));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The whole index, put back together from the manifest and every shard.
fn index(site: &Path) -> Index {
    let m = manifest(site);
    let mut docs = Vec::new();
    let mut by_id = HashMap::new();
    for (_, data) in shards(site, "d") {
        for (id, doc) in data.as_object().unwrap() {
            by_id.insert(id.parse::<u32>().unwrap(), docs.len());
            docs.push(doc.clone());
        }
    }
    assert_eq!(m["docs"].as_u64(), Some(docs.len() as u64), "the manifest counts every document");
    let mut terms = HashMap::new();
    let listed: BTreeSet<String> =
        m["shards"].as_object().unwrap().values().map(|v| v[0].as_str().unwrap().to_string()).collect();
    let found: BTreeSet<String> = shards(site, "t").into_iter().map(|(n, _)| n).collect();
    assert_eq!(listed, found, "the manifest names exactly the term shards written");
    for (_, data) in shards(site, "t") {
        for (t, p) in data.as_object().unwrap() {
            let postings = ::dossier::outputs::search::decode_postings(p.as_str().unwrap());
            terms.insert(t.clone(), postings.iter().map(|(id, _)| by_id[id]).collect());
        }
    }
    Index { docs, terms }
}

impl Index {
    /// Documents holding every word of `query`, as search.js finds them (stems, no prefix).
    fn find(&self, query: &str) -> BTreeSet<String> {
        let mut found: Option<BTreeSet<usize>> = None;
        for t in ::dossier::outputs::search::terms(query) {
            let docs = self.terms.get(&t).cloned().unwrap_or_default();
            found = Some(match found {
                None => docs,
                Some(f) => f.intersection(&docs).copied().collect(),
            });
        }
        found.unwrap_or_default().into_iter().map(|d| self.docs[d][1].as_str().unwrap().to_string()).collect()
    }

    fn text_of(&self, url: &str) -> String {
        let d = self.docs.iter().find(|d| d[1] == url).unwrap();
        serde_json::to_string(d).unwrap()
    }
}

#[test]
fn accents_and_case_are_forgiven() {
    let ix = index(site());
    let with = ix.find("Türkiye");
    assert!(with.len() >= 3, "{with:?}");
    assert!(with.contains("actors/turkiye.html"), "{with:?}");
    assert_eq!(ix.find("Turkiye"), with);
    assert_eq!(ix.find("TURKIYE"), with);
    assert!(ix.terms.contains_key("turkiy") && !ix.terms.keys().any(|t| t.contains('ü')));
}

#[test]
fn word_forms_meet() {
    let ix = index(site());
    let ratified = ix.find("ratified");
    assert_eq!(ratified, ix.find("ratification"));
    // Pages that never write "ratified" are found by it, through another form.
    let other: Vec<&String> = ratified.iter().filter(|u| !ix.text_of(u).to_lowercase().contains("ratified")).collect();
    assert!(!other.is_empty() && other.iter().any(|u| ix.text_of(u).contains("ratification")), "{ratified:?}");
    let guarantee = ix.find("guarantee");
    assert_eq!(guarantee, ix.find("guarantees"));
    assert!(guarantee.iter().any(|u| !ix.text_of(u).contains("guarantee\"") && !ix.text_of(u).contains("guarantee ")));
}

#[test]
fn every_name_of_an_actor_finds_the_same_actor_and_articles() {
    let ix = index(site());
    let names = ["Volodymyr Zelenskyy", "Zelenskyy", "Vladimir Zelenskiy", "Zelenskiy"];
    let found: Vec<BTreeSet<String>> = names.iter().map(|n| ix.find(n)).collect();
    assert!(found[0].contains("actors/zelenskyy.html"), "{:?}", found[0]);
    assert!(found[0].iter().filter(|u| u.starts_with("sources/")).count() >= 2, "{:?}", found[0]);
    for (name, f) in names.iter().zip(&found) {
        let sources =
            |s: &BTreeSet<String>| s.iter().filter(|u| u.starts_with("sources/")).cloned().collect::<Vec<_>>();
        assert_eq!(sources(f), sources(&found[0]), "{name} finds other articles than {}", names[0]);
        assert!(f.contains("actors/zelenskyy.html"), "{name}: {f:?}");
    }
}

#[test]
fn snippets_are_clean_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::minimal_dossier(root);
    common::write(
        root,
        "content/pillars/spaced.yaml",
        "title: Spaced   out\norder: 2\nstatus: proposed\nreviewed: 2026-01-07\nsummary: |\n  Kyiv\u{a0}and&nbsp;Paris   met   [twice](https://example.org/).\n",
    );
    let out = root.join("site");
    let o = dossier(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ix = index(&out);
    let doc = ix.docs.iter().find(|d| d[1] == "pillars/spaced.html").expect("the pillar is indexed");
    let text = serde_json::to_string(doc).unwrap();
    assert!(!text.contains("&nbsp;") && !text.contains("  ") && !text.contains('\u{a0}'), "{text}");
    assert!(text.contains("Kyiv and Paris met twice."), "{text}");
    assert!(!text.contains("example.org"), "{text}");
}

fn node_ready() -> bool {
    repo_root().join("tests/browser/node_modules/playwright-core").is_dir()
        && Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_browser_folds_and_stems_as_the_builder_does() {
    if Command::new("node").arg("--version").output().is_err() {
        return common::skip("terms table in JavaScript", "needs node");
    }
    let o = Command::new("node").arg(repo_root().join("tests/browser/terms.mjs")).output().unwrap();
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("terms table passed"), "{}", stdout(&o));
}

#[test]
fn search_page_forgives_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !node_ready() || !Path::new(&chromium).is_file() {
        return common::skip("search in Chromium", "needs node, tests/browser/node_modules and Chromium");
    }
    let o = Command::new("node").arg(repo_root().join("tests/browser/search.mjs")).arg(site()).output().unwrap();
    assert!(o.status.success(), "search in Chromium failed:\n{}\n{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("search checks passed"), "{}", stdout(&o));
}

#[test]
fn the_page_finds_every_term_in_the_shard_it_looks_in() {
    let m = manifest(site());
    let keys = m["shards"].as_object().unwrap();
    assert!(std::fs::metadata(site().join("static/search-index.js")).unwrap().len() < 4096, "the manifest is small");
    for (name, data) in shards(site(), "t") {
        for term in data.as_object().unwrap().keys() {
            // search.js: the longest shard key the term begins with.
            let key = (0..=term.len())
                .rev()
                .filter(|&i| term.is_char_boundary(i))
                .map(|i| &term[..i])
                .find(|k| keys.contains_key(*k));
            let file = key.map(|k| keys[k][0].as_str().unwrap());
            assert_eq!(file, Some(name.as_str()), "{term} is in {name} but the page would look in {key:?}");
        }
    }
}

#[test]
fn a_new_article_leaves_other_documents_where_they_were() {
    let (dir, before) = common::build_shipped_copy(|_| {});
    let docs_before: HashMap<String, Value> = shards(&before, "d").into_iter().collect();
    let ids = |docs: &HashMap<String, Value>| -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for data in docs.values() {
            for (id, doc) in data.as_object().unwrap() {
                out.insert((doc[1].as_str().unwrap().to_string(), id.clone()));
            }
        }
        out
    };
    let root = dir.path();
    common::write(
        root,
        "content/sources/zz-new-article.md",
        "---\ntitle: A new article\npublisher: Wire\npublished: 2026-01-09\n---\nQuixotic umbrella talks.\n",
    );
    let o = dossier(&["build", "--root", root.to_str().unwrap(), "--output", before.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = &before;
    let docs_after: HashMap<String, Value> = shards(after, "d").into_iter().collect();
    let (old, new) = (ids(&docs_before), ids(&docs_after));
    assert_eq!(new.len(), old.len() + 1);
    assert!(old.is_subset(&new), "a document's id changed: {:?}", old.difference(&new).collect::<Vec<_>>());
    let changed: Vec<&String> = docs_after.keys().filter(|k| docs_before.get(*k) != docs_after.get(*k)).collect();
    assert_eq!(changed.len(), 1, "only the new article's document shard changes: {changed:?}");
    assert!(index(after).find("quixotic umbrella").contains("sources/zz-new-article.html"));
}
