//! `print.html`: the whole dossier in reading order, as one document to print or hand
//! over. On paper a link cannot be followed, so every citation becomes a bracketed
//! reference number, and the references at the end say what each number is: source,
//! publisher, date, paragraph and address.
//!
//! Numbers are given in the order the citations are printed (the walk below follows
//! print.html section by section), one number per source paragraph however often it
//! is cited; each bracket lists its numbers once, in ascending order.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Value};

use super::context::page;
use super::{value, Page};
use crate::model::dossier::{CitationRef, Claim, Dossier, Source};

/// `print.html`'s context: the items serialised, each claim with `refs`, its reference
/// numbers (added to the serialised claims, which have no such field of their own).
#[derive(Serialize)]
struct Print {
    meta: Value,
    pillars: Vec<Value>,
    questions: Vec<Value>,
    actors: Vec<Value>,
    events: Vec<Value>,
    figures: Vec<Value>,
    /// The cited sources printed in full, or none when `excerpts` (past the budget).
    sources: Vec<Value>,
    /// The cited text is past the page's budget: references quote their words instead.
    excerpts: bool,
    other_sources: Vec<Value>,
    /// Sources neither cited nor listed.
    other_more: usize,
    references: Vec<Value>,
}

/// Reference numbers, handed out in order of first use.
struct Numbers<'d> {
    by_url: HashMap<&'d str, usize>,
    sources: HashMap<&'d str, &'d Source>,
    references: Vec<Value>,
}

impl<'d> Numbers<'d> {
    fn number(&mut self, c: &'d CitationRef) -> usize {
        if let Some(&n) = self.by_url.get(c.url.as_str()) {
            return n;
        }
        let n = self.references.len() + 1;
        self.by_url.insert(&c.url, n);
        let s = self.sources.get(c.source.id.as_str());
        self.references.push(json!({
            "n": n, "source": c.source.title, "paragraph": c.paragraph,
            "anchor": format!("src-{}-p{}", c.source.id, c.paragraph),
            "publisher": s.and_then(|s| s.publisher.as_deref()),
            "date": s.and_then(|s| s.published_human.as_deref()),
            "relays": s.and_then(|s| s.relays.as_deref()),
            "url": s.and_then(|s| s.external_url.as_deref()),
            "quote": c.quote, "page": c.url,
        }));
        n
    }

    /// The numbers of one citation group: given in order, then sorted and deduplicated
    /// ("[3, 6]", never "[6, 6]" or "[7, 3]").
    fn group(&mut self, cites: impl IntoIterator<Item = &'d CitationRef>) -> Vec<usize> {
        let mut ns: Vec<usize> = cites.into_iter().map(|c| self.number(c)).collect();
        ns.sort_unstable();
        ns.dedup();
        ns
    }

    /// `item` serialised, with `refs` (the group's numbers) added to each claim of its
    /// list `key`.
    fn claims<'c>(&mut self, item: &mut Value, key: &str, claims: impl IntoIterator<Item = &'d Claim>) {
        let Some(Value::Array(list)) = item.get_mut(key) else { return };
        for (v, c) in list.iter_mut().zip(claims) {
            let refs = self.group(&c.citations);
            if let Value::Object(map) = v {
                map.insert("refs".into(), json!(refs));
            }
        }
    }
}

pub(super) fn print_page(d: &Dossier) -> Page<'_> {
    let mut n = Numbers {
        by_url: HashMap::new(),
        sources: d.sources.iter().map(|s| (s.head.link.id.as_str(), s)).collect(),
        references: Vec::new(),
    };
    // Walked in print.html's order: bottom line, pillars, questions, actors, timeline,
    // figures (the printed sources carry paragraph numbers, not references).
    let mut meta = value(&d.meta);
    n.claims(&mut meta, "key_judgments", &d.meta.key_judgments);
    n.claims(&mut meta, "indicators", d.meta.indicators.iter().map(|i| &i.claim));
    let pillars: Vec<Value> = d
        .pillars
        .iter()
        .map(|p| {
            let mut v = value(p);
            n.claims(&mut v, "key_points", &p.key_points);
            v
        })
        .collect();
    let questions: Vec<Value> = d
        .questions
        .iter()
        .map(|q| {
            let mut v = value(q);
            n.claims(&mut v, "evidence", &q.evidence);
            n.claims(&mut v, "positions", q.positions.iter().map(|p| &p.claim));
            v
        })
        .collect();
    let actors: Vec<Value> = d
        .actors
        .iter()
        .map(|a| {
            let mut v = value(a);
            n.claims(&mut v, "positions", a.positions.iter().map(|p| &p.claim));
            v
        })
        .collect();
    let events: Vec<Value> = d
        .events
        .iter()
        .map(|e| {
            let mut v = value(e);
            let refs = n.group(&e.citations);
            n.claims(&mut v, "key_points", &e.key_points);
            if let Value::Object(map) = &mut v {
                map.insert("refs".into(), json!(refs));
            }
            v
        })
        .collect();
    let figures: Vec<Value> = d
        .figures
        .iter()
        .map(|f| {
            let mut v = value(f);
            if let Some(Value::Array(rows)) = v.get_mut("values") {
                for (row, fv) in rows.iter_mut().zip(&f.values) {
                    let refs = n.group([&fv.citation]);
                    if let Value::Object(map) = row {
                        map.insert("refs".into(), json!(refs));
                    }
                }
            }
            v
        })
        .collect();
    // On paper the evidence matters: cited sources are printed in full, the others listed.
    let (cited, other): (Vec<&Source>, Vec<&Source>) = d.sources.iter().partition(|s| !s.cited_by.is_empty());
    let other_count = other.len();
    let other: Vec<Value> = other
        .iter()
        .take(OTHER_SOURCES)
        .map(|s| json!({ "title": s.head.link.title, "publisher": s.publisher, "published_human": s.published_human, "external_url": s.external_url }))
        .collect();
    let (cited, excerpts) = evidence(&cited);
    let print = Print {
        meta,
        pillars,
        questions,
        actors,
        events,
        figures,
        sources: cited,
        excerpts,
        other_more: other_count - other.len(),
        other_sources: other,
        references: n.references,
    };
    page(d, "print.html", "print.html", "print", print)
}

/// How much cited source text print.html prints in full. Past it (a dossier citing
/// hundreds of articles, whose texts alone would pass the 512 KB page budget), the
/// sources are not printed: each reference quotes the words its claim relies on and
/// links the paragraph on the source's page, so print.html stays the brief's size
/// rather than the archive's and still says, on paper, what every number rests on.
const FULL_TEXT_BUDGET: usize = 200_000;

/// Uncited sources are listed by title up to this many (newest first); the sources
/// index lists them all.
const OTHER_SOURCES: usize = 100;

/// The cited sources as printed (none past the budget), and whether the references
/// carry the evidence instead.
fn evidence(cited: &[&Source]) -> (Vec<Value>, bool) {
    let text: usize = cited.iter().flat_map(|s| &s.paragraphs).flat_map(|p| &p.segments).map(|g| g.text.len()).sum();
    let excerpts = text > FULL_TEXT_BUDGET;
    let printed = if excerpts { Vec::new() } else { cited.iter().map(value).collect() };
    (printed, excerpts)
}
