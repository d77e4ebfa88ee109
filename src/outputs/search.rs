//! The offline search index: every page's title, summary and text (source articles
//! paragraph by paragraph, so a hit can link to its paragraph), with an inverted index
//! of terms. It ships as a script (`search-index.js`) rather than a JSON file because
//! browsers refuse to fetch files from `file://`, and the site must search offline.
//!
//! Terms are folded and stemmed (`terms`), so "Turkiye" finds "Türkiye" and "ratified"
//! finds "ratification"; a source is also indexed under every name and alias of the
//! actors it mentions, so any spelling of an actor finds the same articles.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use serde::Serialize;

use crate::hash::hash_of;
use crate::model::dossier::{Actor, Claim, Dossier, Head, Link};
use crate::text::markdown::plain_text_of_html;

mod terms;
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

/// One document's part of the index: its record as JSON (with `<` escaped) and how
/// often each term occurs in it.
pub struct DocEntry {
    json: String,
    terms: Vec<(String, u32)>,
}

/// The entry of a document; `extra` is indexed but not shown (a source's actor names).
fn entry(d: &Doc, extra: &str) -> DocEntry {
    let Doc(title, _, _, summary, sections) = d;
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
    DocEntry { json, terms: counts.into_iter().collect() }
}

/// Source entries kept between the builds of a session, by source id with the hash of
/// what the source was resolved from (`Source::key`) and of its actors' names: most of
/// the index's cost is reading the sources' text, which rarely changes.
#[derive(Default)]
pub struct SearchCache {
    sources: HashMap<String, ((u64, u64), Arc<DocEntry>)>,
}

/// Writes `search-index.js` to `out`; with a `cache` (a build session), reuses and keeps
/// the entries of unchanged sources.
pub fn write_index_js(
    d: &Dossier,
    out: &mut dyn std::io::Write,
    cache: Option<&mut SearchCache>,
) -> std::io::Result<()> {
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

    let mut terms: HashMap<&str, Vec<u32>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        for (t, n) in &e.terms {
            terms.entry(t.as_str()).or_default().extend([i as u32, *n]);
        }
    }
    let mut terms: Vec<(&str, Vec<u32>)> = terms.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
    out.write_all(b"window.DOSSIER_SEARCH = {\"docs\":[")?;
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(e.json.as_bytes())?;
    }
    out.write_all(b"],\"terms\":{")?;
    for (i, (term, postings)) in terms.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(EscapeLt(&mut *out), term)?;
        out.write_all(b":")?;
        serde_json::to_writer(&mut *out, postings)?;
    }
    out.write_all(b"}};\n")
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
