//! Editions: what changed since the last one. Each build compares the dossier with the
//! edition the site it replaces was (its `edition.json`, a compact digest of every item)
//! and says, in words, what is new, what was revised and what moved.
//!
//! Rebuilding with nothing changed is the same edition (same number, same changes), so a
//! rebuild never wipes out what the last edition changed, and the output stays the same
//! for the same input and the same previous site. Editions are numbered from 1, dated by
//! the dossier's `as_of` (never the clock).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::hash::hash_of;
use crate::model::dossier::{Claim, Dossier, Head, Link};
use crate::model::messages::Messages;

/// The file in the site that records its edition.
pub const FILE: &str = "edition.json";
/// Bumped whenever `Edition`'s layout changes: an older file is then ignored (the build
/// counts as a first edition) rather than misread.
const FORMAT: u32 = 1;
/// Editions remembered for the feed.
const HISTORY: usize = 20;

/// What an edition records of one item: enough to say what changed, not the text itself.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct ItemDigest {
    kind: String,
    title: String,
    url: String,
    /// Hash of the item's prose (summary and other text fields, not its claims).
    text: u64,
    /// Hash of each claim's text, in order.
    claims: Vec<u64>,
    /// A pillar's or question's status, in words.
    status: Option<String>,
}

/// The whole dossier, digested: items by id, and key judgments with their confidence.
#[derive(Serialize, Deserialize, Clone, PartialEq, Default, Debug)]
pub struct Digest {
    items: BTreeMap<String, ItemDigest>,
    judgments: Vec<(u64, Option<String>)>,
}

/// One line of what changed about an item.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Changed {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub url: String,
    /// What changed, in words ("text revised", "status: open → resolved").
    pub what: Vec<String>,
}

/// What this edition changed, against the last one.
#[derive(Serialize, Deserialize, Clone, PartialEq, Default, Debug)]
pub struct Changes {
    pub new_sources: Vec<Changed>,
    pub new_items: Vec<Changed>,
    pub updated: Vec<Changed>,
    pub opened_questions: Vec<Changed>,
    pub resolved_questions: Vec<Changed>,
    pub removed: Vec<Changed>,
    /// "Key judgment 2: confidence moderate → high".
    pub judgments: Vec<String>,
}

impl Changes {
    /// One line for the feed and the page's summary: "2 new sources, 3 items updated".
    pub fn summary(&self, msg: &Messages) -> String {
        let parts: Vec<String> = [
            (self.new_sources.len(), "changes-new-sources"),
            (self.new_items.len(), "changes-new-items"),
            (self.updated.len(), "changes-items-updated"),
            (self.resolved_questions.len(), "changes-questions-resolved"),
            (self.removed.len(), "changes-items-removed"),
            (self.judgments.len(), "changes-judgments-changed"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| msg.count(key, n))
        .collect();
        if parts.is_empty() {
            msg.get("changes-none")
        } else {
            parts.join(&msg.get("list-separator"))
        }
    }

    /// Whether nothing a reader sees changed.
    pub fn is_empty(&self) -> bool {
        [&self.new_sources, &self.new_items, &self.updated, &self.resolved_questions, &self.removed]
            .iter()
            .all(|l| l.is_empty())
            && self.judgments.is_empty()
    }
}

/// An earlier edition, as the feed lists it.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Past {
    pub number: u32,
    pub as_of: String,
    pub as_of_human: String,
    pub summary: String,
}

/// What `edition.json` holds.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Edition {
    format: u32,
    pub number: u32,
    pub as_of: String,
    /// The dossier this edition shows.
    digest: Digest,
    /// The dossier of the edition before, which `changes` compares against.
    before: Option<Digest>,
    pub changes: Changes,
    /// This edition and those before it, newest first.
    pub history: Vec<Past>,
}

impl Edition {
    pub fn is_first(&self) -> bool {
        self.before.is_none()
    }
}

/// The edition recorded in the site at `site`, if there is one this build can read.
/// Anything else (no file, an older format, a damaged file) counts as no edition.
pub fn read(site: &Path) -> Option<Edition> {
    read_file(&site.join(FILE)).ok()
}

/// An edition record, or why it cannot be used.
pub fn read_file(path: &Path) -> Result<Edition, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let edition: Edition =
        serde_json::from_slice(&bytes).map_err(|e| format!("not an edition record written by dossier ({e})"))?;
    if edition.format != FORMAT {
        return Err(format!(
            "written by another version of dossier (format {}, this one reads {FORMAT})",
            edition.format
        ));
    }
    Ok(edition)
}

/// This build's edition, given the last one.
pub fn next(d: &Dossier, last: Option<&Edition>) -> Edition {
    let digest = digest(d);
    let as_of = d.meta.as_of.iso();
    let msg = &*d.messages;
    let as_of_human = msg.date(&d.meta.as_of);
    match last {
        // Nothing changed: the same edition, whose changes still stand.
        Some(last) if last.digest == digest => Edition { as_of, ..last.clone() },
        Some(last) => {
            let changes = compare(&last.digest, &digest, d);
            let number = last.number.saturating_add(1);
            let mut history = vec![Past { number, as_of: as_of.clone(), as_of_human, summary: changes.summary(msg) }];
            history.extend(last.history.iter().take(HISTORY - 1).cloned());
            Edition { format: FORMAT, number, as_of, digest, before: Some(last.digest.clone()), changes, history }
        }
        None => {
            let history =
                vec![Past { number: 1, as_of: as_of.clone(), as_of_human, summary: msg.get("changes-first-edition") }];
            Edition { format: FORMAT, number: 1, as_of, digest, before: None, changes: Changes::default(), history }
        }
    }
}

fn claims<'a>(list: impl IntoIterator<Item = &'a Claim>) -> Vec<u64> {
    list.into_iter().map(|c| hash_of(&(&c.plain, c.confidence))).collect()
}

/// What a reader reads of rendered Markdown: its links' tooltips carry the linked item's
/// summary, which changes with that item, not with this one.
fn plain(html: &str) -> String {
    crate::text::markdown::plain_text_of_html(html)
}

/// Linked items by id only: a link also carries the item's title and summary, which
/// change with that item, not with this one.
fn ids(links: &[Link]) -> Vec<&str> {
    links.iter().map(|l| l.id.as_str()).collect()
}

fn words(v: impl Serialize) -> Option<String> {
    serde_json::to_value(v).ok()?.as_str().map(|s| s.replace('-', " "))
}

fn digest(d: &Dossier) -> Digest {
    let mut items = BTreeMap::new();
    let mut put = |head: &Head, text: u64, claims: Vec<u64>, status: Option<String>| {
        let l = &head.link;
        let kind = words(l.kind).unwrap_or_default();
        items.insert(
            l.id.clone(),
            ItemDigest { kind, title: l.title.clone(), url: l.url.clone(), text, claims, status },
        );
    };
    for p in &d.pillars {
        let roles: Vec<_> = p.actors.iter().map(|r| (&r.actor.id, &r.role)).collect();
        let text = hash_of(&(plain(&p.summary), roles, ids(&p.questions)));
        put(&p.head, text, claims(&p.key_points), words(p.status));
    }
    for q in &d.questions {
        let text = hash_of(&(plain(&q.why_it_matters), q.would_resolve.as_deref().map(plain), ids(&q.pillars)));
        put(&q.head, text, claims(q.evidence.iter().chain(q.positions.iter().map(|s| &s.claim))), words(q.status));
    }
    for a in &d.actors {
        let text = hash_of(&(plain(&a.summary), &a.role, &a.aliases, a.affiliation.as_ref().map(|l| &l.id)));
        put(&a.head, text, claims(a.positions.iter().map(|s| &s.claim)), None);
    }
    for e in &d.events {
        let text = hash_of(&(plain(&e.summary), &e.date, &e.end, &e.place, ids(&e.actors)));
        put(&e.head, text, claims(&e.key_points), None);
    }
    for f in &d.figures {
        let values: Vec<_> = f.values.iter().map(|v| (&v.value, &v.citation.quote, &v.citation.source.id)).collect();
        put(&f.head, hash_of(&(plain(&f.summary), &f.unit)), vec![hash_of(&values)], None);
    }
    for s in &d.sources {
        // The article's own words and facts: not `Source::key`, which also moves when an
        // actor gains an alias (the article did not change).
        let words: Vec<&str> = s.paragraphs.iter().flat_map(|p| &p.segments).map(|g| g.text.as_str()).collect();
        let text = hash_of(&(&s.publisher, &s.published, &s.external_url, &s.relays, &s.reliability, words));
        put(&s.head, text, Vec::new(), None);
    }
    let judgments = d.meta.key_judgments.iter().map(|j| (hash_of(&j.plain), words(j.confidence))).collect();
    Digest { items, judgments }
}

/// What changed from `old` to `new`, in words.
fn compare(old: &Digest, new: &Digest, d: &Dossier) -> Changes {
    let mut c = Changes::default();
    let msg = &*d.messages;
    let words = |key: &str, pairs: &[(&str, String)]| {
        let mut args = fluent_bundle::FluentArgs::new();
        for (k, v) in pairs {
            args.set(*k, v.clone());
        }
        msg.text(key, Some(&args))
    };
    let line = |id: &str, i: &ItemDigest, what: Vec<String>| Changed {
        id: id.to_string(),
        kind: i.kind.clone(),
        title: i.title.clone(),
        url: i.url.clone(),
        what,
    };
    for (id, n) in &new.items {
        let Some(o) = old.items.get(id) else {
            if n.kind == "source" {
                c.new_sources.push(line(id, n, Vec::new()));
            } else if n.kind == "question" {
                c.opened_questions.push(line(id, n, Vec::new()));
            } else {
                c.new_items.push(line(id, n, Vec::new()));
            }
            continue;
        };
        let mut what = Vec::new();
        if o.title != n.title {
            what.push(words("changed-renamed", &[("title", o.title.clone())]));
        }
        if o.text != n.text {
            what.push(msg.get(if n.kind == "source" { "changed-article" } else { "changed-text" }));
        }
        let added = n.claims.iter().filter(|h| !o.claims.contains(h)).count();
        let dropped = o.claims.iter().filter(|h| !n.claims.contains(h)).count();
        match (added, dropped, n.kind.as_str()) {
            (0, 0, _) => {}
            (_, _, "figure") => what.push(msg.get("changed-values")),
            (a, r, _) => what.push(claim_words(msg, a, r)),
        }
        if o.status != n.status {
            if let (Some(from), Some(to)) = (&o.status, &n.status) {
                what.push(words("changed-status", &[("from", from.clone()), ("to", to.clone())]));
            }
        }
        if what.is_empty() {
            continue;
        }
        let resolved =
            n.kind == "question" && o.status.as_deref() == Some("open") && n.status.as_deref() == Some("resolved");
        if resolved {
            c.resolved_questions.push(line(id, n, what));
        } else {
            c.updated.push(line(id, n, what));
        }
    }
    for (id, o) in &old.items {
        if !new.items.contains_key(id) {
            c.removed.push(line(id, o, Vec::new()));
        }
    }
    // Judgments are matched by their text: one kept word for word whose confidence
    // moved says so; a reworded one is new.
    for (i, (text, confidence)) in new.judgments.iter().enumerate() {
        let n = i + 1;
        match old.judgments.iter().find(|(t, _)| t == text) {
            Some((_, before)) if before != confidence => c.judgments.push(words(
                "changed-judgment-confidence",
                &[
                    ("n", n.to_string()),
                    ("from", before.clone().unwrap_or_default()),
                    ("to", confidence.clone().unwrap_or_default()),
                ],
            )),
            Some(_) => {}
            None => {
                c.judgments.push(words("changed-judgment-new", &[("n", n.to_string()), ("text", judgment_plain(d, i))]))
            }
        }
    }
    let kept = new.judgments.iter().filter(|(t, _)| old.judgments.iter().any(|(o, _)| o == t)).count();
    let gone = old.judgments.len().saturating_sub(kept).saturating_sub(new.judgments.len() - kept);
    if gone > 0 {
        c.judgments.push(msg.count("changed-judgments-withdrawn", gone));
    }
    c
}

fn judgment_plain(d: &Dossier, i: usize) -> String {
    d.meta.key_judgments.get(i).map(|j| crate::text::truncate::excerpt(&j.plain, 160)).unwrap_or_default()
}

fn claim_words(msg: &Messages, added: usize, dropped: usize) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("added", added);
    args.set("removed", dropped);
    let key = match (added, dropped) {
        (_, 0) => "changed-claims-added",
        (0, _) => "changed-claims-removed",
        (a, r) if a == r => "changed-claims-revised",
        _ => "changed-claims-added-removed",
    };
    msg.text(key, Some(&args))
}
