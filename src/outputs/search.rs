//! The offline search index: every page's title, summary and text (source articles
//! paragraph by paragraph, so a hit can link to its paragraph), with an inverted index
//! of terms. It ships as scripts rather than JSON files because browsers refuse to fetch
//! files from `file://`, and the site must search offline: a small manifest
//! (`static/search-index.js`) that the search page loads, and shards under
//! `static/search/` that it adds as `<script>` elements when a search needs them (how
//! they are cut: `shards`).
//!
//! Terms are folded and stemmed (`terms`), so "Turkiye" finds "Türkiye" and "ratified"
//! finds "ratification"; a source is also indexed under every name and alias of the
//! actors it mentions, so any spelling of an actor finds the same articles.

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::sync::Arc;

use rayon::prelude::*;

use serde::Serialize;

use crate::hash::hash_of;
use crate::model::dossier::{Actor, Claim, Dossier, Head, Link};
use crate::text::markdown::plain_text_of_html;

mod shards;
mod terms;
pub use shards::decode as decode_postings;
pub use terms::{fold, stem, terms};

/// One searchable page: [title, url, kind label, summary, [section texts]].
#[derive(Serialize)]
struct Doc<'a>(String, &'a str, &'a str, String, Vec<String>);

/// Plain text with one space between words (titles as typed may hold runs of spaces).
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn claims_text(claims: &[Claim]) -> impl Iterator<Item = String> + '_ {
    claims.iter().map(|c| c.plain.clone())
}

/// Every name of the actors a source mentions (under any of them), or an event or pillar
/// lists: extra terms of the page, never shown.
fn actor_names<'a>(ids: impl Iterator<Item = &'a Link>, actors: &HashMap<&str, &Actor>) -> String {
    let mut names = String::new();
    for a in ids.filter_map(|l| actors.get(l.id.as_str())) {
        for name in std::iter::once(&a.head.link.title).chain(&a.aliases) {
            names.push_str(name);
            names.push('\n');
        }
    }
    names
}

fn doc<'a>(head: &'a Head, kind: &'a str, sections: Vec<String>) -> Doc<'a> {
    Doc(tidy(&head.link.title), &head.link.url, kind, tidy(&head.summary_text), sections)
}

/// One document's part of the index: its URL, its record as JSON (with `<` escaped) and
/// each term's weight in it (occurrences times two, plus one if the title uses it).
pub struct DocEntry {
    url: String,
    json: String,
    terms: Vec<(String, u32)>,
}

/// The entry of a document; `extra` is indexed but not shown (a source's actor names).
fn entry(d: &Doc, extra: &str) -> DocEntry {
    let Doc(title, url, _, summary, sections) = d;
    let in_title: std::collections::HashSet<String> = self::terms(title).collect();
    let mut counts: HashMap<String, u32> = HashMap::new();
    let all = std::iter::once(title.as_str())
        .chain(std::iter::once(summary.as_str()))
        .chain(sections.iter().map(String::as_str));
    for text in all {
        for t in self::terms(text) {
            *counts.entry(t).or_default() += 1;
        }
    }
    // Once each: a name the text also uses is counted there already.
    for t in self::terms(extra) {
        counts.entry(t).or_insert(1);
    }
    let json = serde_json::to_string(d).unwrap_or_else(|_| "[]".into()).replace('<', "\\u003c");
    let terms = counts.into_iter().map(|(t, n)| (n.min(100_000) * 2 + u32::from(in_title.contains(&t)), t));
    DocEntry { url: url.to_string(), json, terms: terms.map(|(w, t)| (t, w)).collect() }
}

/// Source entries kept between the builds of a session, by source id with the hash of
/// what the source was resolved from (`Source::key`) and of its actors' names: most of
/// the index's cost is reading the sources' text, which rarely changes.
#[derive(Default)]
pub struct SearchCache {
    sources: HashMap<String, ((u64, u64), Arc<DocEntry>)>,
}

/// Where the index is written: `put(path under the output, bytes)`, called from several
/// threads at once.
pub type Put<'a> = &'a (dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync);

/// Writes the search index (its manifest `static/search-index.js` and its shards under
/// `static/search/`) through `put`; with a `cache` (a build session), reuses and keeps
/// the entries of unchanged sources.
pub fn write_index(d: &Dossier, cache: Option<&mut SearchCache>, put: Put) -> std::io::Result<()> {
    // Results show each page's kind in the dossier's own words.
    let labels = &d.meta.labels;
    let actors: HashMap<&str, &Actor> = d.actors.iter().map(|a| (a.head.link.id.as_str(), a)).collect();
    let mut docs = Vec::new();
    for p in &d.pillars {
        let mut s = vec![plain_text_of_html(&p.summary)];
        s.extend(claims_text(&p.key_points));
        docs.push((doc(&p.head, &labels.pillar, s), actor_names(p.actors.iter().map(|r| &r.actor), &actors)));
    }
    for q in &d.questions {
        let mut s = vec![plain_text_of_html(&q.why_it_matters)];
        s.extend(q.would_resolve.as_deref().map(plain_text_of_html));
        s.extend(claims_text(&q.evidence));
        s.extend(q.positions.iter().map(|p| p.claim.plain.clone()));
        docs.push((doc(&q.head, &labels.question, s), String::new()));
    }
    for a in &d.actors {
        let mut s = vec![a.aliases.join(", "), plain_text_of_html(&a.summary)];
        s.extend(a.role.clone());
        s.extend(a.positions.iter().map(|p| p.claim.plain.clone()));
        docs.push((doc(&a.head, &labels.actor, s), String::new()));
    }
    for e in &d.events {
        let mut s = vec![plain_text_of_html(&e.summary)];
        s.extend(e.place.clone());
        s.extend(claims_text(&e.key_points));
        docs.push((doc(&e.head, &labels.event, s), actor_names(e.actors.iter(), &actors)));
    }
    for f in &d.figures {
        let mut s = vec![plain_text_of_html(&f.summary)];
        s.extend(f.values.iter().map(|v| format!("{}: {}", v.value, v.citation.quote)));
        docs.push((doc(&f.head, &labels.figure, s), String::new()));
    }
    let mut entries: Vec<Arc<DocEntry>> = docs.par_iter().map(|(d, names)| Arc::new(entry(d, names))).collect();
    let earlier = cache.as_deref().map(|c| &c.sources);
    let sources: Vec<((u64, u64), Arc<DocEntry>)> = d
        .sources
        .par_iter()
        .map(|src| {
            let names = actor_names(src.actors.iter().map(|c| &c.actor), &actors);
            let key = (src.key, hash_of(&names));
            if let Some((k, done)) = earlier.and_then(|e| e.get(&src.head.link.id)) {
                if *k == key {
                    return (key, Arc::clone(done));
                }
            }
            // Sections are the paragraphs, in order: section i is paragraph `n` of the page.
            let s = src
                .paragraphs
                .iter()
                .map(|p| {
                    let text: String = p.segments.iter().map(|g| g.text.as_str()).collect();
                    format!("{}\u{1}{}", p.n, tidy(&text))
                })
                .collect();
            (key, Arc::new(entry(&doc(&src.head, &labels.source, s), &names)))
        })
        .collect();
    if let Some(cache) = cache {
        cache.sources = d
            .sources
            .iter()
            .zip(&sources)
            .map(|(src, (key, e))| (src.head.link.id.clone(), (*key, Arc::clone(e))))
            .collect();
    }
    let sources = sources.into_iter().map(|(_, e)| e);
    entries.extend(sources);

    write_shards(&entries, put)
}

/// Cuts the entries into shards (see `shards`) and writes them with the manifest.
fn write_shards(entries: &[Arc<DocEntry>], put: Put) -> std::io::Result<()> {
    let urls: Vec<&str> = entries.iter().map(|e| e.url.as_str()).collect();
    let ids = shards::ids(&urls);
    let bits = shards::bucket_bits(entries.len());

    let mut postings: HashMap<&str, Vec<(u32, u32)>> = HashMap::new();
    for (e, &id) in entries.iter().zip(&ids) {
        for (t, w) in &e.terms {
            postings.entry(t.as_str()).or_default().push((id, *w));
        }
    }
    let mut terms: Vec<(String, String)> =
        postings.into_par_iter().map(|(t, mut p)| (t.to_string(), shards::encode(&mut p))).collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let plan = shards::plan(&terms);
    let mut manifest = Vec::with_capacity(plan.len() * 24);
    manifest.extend_from_slice(b"window.DOSSIER_SEARCH = {\"version\":2,\"docs\":");
    manifest.extend_from_slice(format!("{},\"bucketBits\":{bits},\"shards\":{{", entries.len()).as_bytes());
    let written: Vec<std::io::Result<(String, usize)>> = plan
        .par_iter()
        .map(|(key, held)| {
            let name = format!("t/{}", shards::term_file(key));
            let mut js = Vec::with_capacity(held.iter().map(|t| t.0.len() + t.1.len() + 6).sum::<usize>() + 64);
            write!(js, "DOSSIER_SEARCH.load(\"{name}\",{{")?;
            for (i, (term, post)) in held.iter().enumerate() {
                if i > 0 {
                    js.push(b',');
                }
                serde_json::to_writer(EscapeLt(&mut js), term)?;
                write!(js, ":\"{post}\"")?;
            }
            js.extend_from_slice(b"});\n");
            put(&format!("static/search/{name}.js"), &js)?;
            Ok((name, js.len()))
        })
        .collect();
    for (i, ((key, _), w)) in plan.iter().zip(written).enumerate() {
        let (name, len) = w?;
        if i > 0 {
            manifest.push(b',');
        }
        serde_json::to_writer(EscapeLt(&mut manifest), key)?;
        write!(manifest, ":[\"{name}\",{len}]")?;
    }
    manifest.extend_from_slice(b"}};\n");

    // Documents by bucket, each bucket's in id order.
    let mut buckets: BTreeMap<u32, Vec<(u32, &str)>> = BTreeMap::new();
    for (e, &id) in entries.iter().zip(&ids) {
        buckets.entry(shards::bucket(id, bits)).or_default().push((id, e.json.as_str()));
    }
    buckets.into_par_iter().try_for_each(|(b, mut docs)| {
        docs.sort_unstable_by_key(|d| d.0);
        let mut js = Vec::with_capacity(docs.iter().map(|d| d.1.len() + 16).sum::<usize>() + 40);
        write!(js, "DOSSIER_SEARCH.load(\"d/{b}\",{{")?;
        for (i, (id, json)) in docs.iter().enumerate() {
            if i > 0 {
                js.push(b',');
            }
            write!(js, "\"{id}\":{json}")?;
        }
        js.extend_from_slice(b"});\n");
        put(&format!("static/search/d/{b}.js"), &js)
    })?;
    put("static/search-index.js", &manifest)
}

/// Inside a script, `</script>` or `<!--` in text must not end or confuse it, so every
/// `<` is written as `\u003c`. In JSON a `<` can only occur inside a string, where this
/// escape means the same character.
struct EscapeLt<W>(W);

impl<W: std::io::Write> std::io::Write for EscapeLt<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for (i, part) in buf.split(|b| *b == b'<').enumerate() {
            if i > 0 {
                self.0.write_all(b"\\u003c")?;
            }
            self.0.write_all(part)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_can_close_the_script() {
        let mut out = Vec::new();
        serde_json::to_writer(EscapeLt(&mut out), &["</script><!--", "a<b"]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), r#"["\u003c/script>\u003c!--","a\u003cb"]"#);
    }

    #[test]
    fn snippets_are_clean_text() {
        assert_eq!(
            plain_text_of_html("<p>Kyiv&nbsp;and <a href=\"x.html\">Paris</a>:\n  talks &amp;  more</p>"),
            "Kyiv and Paris: talks & more"
        );
    }
}
