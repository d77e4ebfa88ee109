//! What newly added sources touch: the actors they name, the items they make stale,
//! the names that match no actor (and which may be new spellings), the sources whose
//! text they repeat, and the outlets they credit. When the dossier does not resolve
//! (an unrelated error elsewhere), all of it but the review queue is still worked out
//! from the loaded files, so an editor learns what the article touches either way.

use std::collections::{BTreeMap, HashMap};

use crate::model::dossier::{Dossier, Link, NameCount};
use crate::model::files::ActorKind;
use crate::model::kind::Kind;
use crate::pipeline::load::Raw;
use crate::pipeline::resolve::copies::{self, Shingles};
use crate::pipeline::resolve::spelling::Spellings;
use crate::pipeline::resolve::unknown_names::unknown_names;
use crate::pipeline::resolve::{attribution, Mentions};
use crate::text::paragraphs;

pub use crate::pipeline::resolve::attribution::Credit;

/// Another source whose text a new one shares.
#[derive(Debug, Clone)]
pub struct CopyFound {
    pub other: String,
    pub other_title: String,
    /// The share of the new source's text found word for word in the other.
    pub share: f64,
    /// The share of the other's text found word for word in the new source.
    pub share_of_other: f64,
    /// Whether `relays:` already says how the two are related.
    pub declared: bool,
    /// Whether the other was added in the same run.
    pub other_is_new: bool,
}

/// What one new source touches.
#[derive(Debug, Default)]
pub struct Touches {
    /// Actors it names, most named first, and how often.
    pub actors: Vec<(Link, usize)>,
    /// Review-queue entries it made stale: (item page, date reviewed); `None` when the
    /// dossier does not resolve, so the queue is not known.
    pub stale: Option<Vec<(String, String)>>,
    pub unknown_names: Vec<NameCount>,
    pub copies: Vec<CopyFound>,
    /// Outlets it credits with its reporting ("according to ...").
    pub credits: Vec<Credit>,
}

/// What each of `ids` touches, from the resolved dossier where there is one.
pub fn of(raw: &Raw, dossier: Option<&Dossier>, ids: &[String]) -> HashMap<String, Touches> {
    let mut out: HashMap<String, Touches> = ids.iter().map(|id| (id.clone(), Touches::default())).collect();
    match dossier {
        Some(d) => resolved(d, &mut out),
        None => unresolved(raw, &mut out),
    }
    copies_of(raw, &mut out);
    let publishers: Vec<String> = raw.sources.iter().filter_map(|s| s.data.front.publisher.clone()).collect();
    for s in &raw.sources {
        let Some(t) = out.get_mut(&s.id) else { continue };
        let blocks = paragraphs::split(s.body());
        t.credits = attribution::credits(
            blocks.iter().map(|b| b.text.as_str()),
            &publishers,
            s.data.front.publisher.as_deref(),
        );
    }
    out
}

fn resolved(d: &Dossier, out: &mut HashMap<String, Touches>) {
    for source in &d.sources {
        let Some(t) = out.get_mut(&source.head.link.id) else { continue };
        t.actors = source.actors.iter().map(|a| (a.actor.clone(), a.count)).collect();
        t.unknown_names = source.unknown_names.clone();
        let id = &source.head.link.id;
        t.stale = Some(
            d.review_queue
                .iter()
                .filter(|e| e.stale.sources.iter().any(|s| &s.id == id))
                .map(|e| (e.item.url.clone(), e.stale.reviewed.to_string()))
                .collect(),
        );
    }
}

/// The same as `resolved`, from the loaded files (the rules are resolve's own).
fn unresolved(raw: &Raw, out: &mut HashMap<String, Touches>) {
    let links: Vec<(Link, &crate::model::files::ActorFile)> =
        raw.actors.iter().map(|a| (Link::new(Kind::Actor, &a.id, &a.data.name), &a.data)).collect();
    let mentions = Mentions::new(
        links.iter().flat_map(|(l, a)| std::iter::once(&a.name).chain(&a.aliases).map(move |n| (n.as_str(), l))),
    );
    let spellings = Spellings::new(links.iter().map(|(l, a)| {
        let names = std::iter::once(&a.name).chain(&a.aliases).map(String::as_str).collect();
        (l, a.kind == ActorKind::Person, names)
    }));
    let ignore = raw.dossier.as_ref().map_or(&[][..], |d| &d.data.ignore_names[..]);
    for s in &raw.sources {
        let Some(t) = out.get_mut(&s.id) else { continue };
        let blocks = paragraphs::split(s.body());
        let mut counts: BTreeMap<&str, (Link, usize)> = BTreeMap::new();
        for b in &blocks {
            for (_, _, link) in mentions.find(&b.text) {
                counts.entry(link.id.as_str()).or_insert((link.clone(), 0)).1 += 1;
            }
        }
        let mut actors: Vec<(Link, usize)> = counts.into_values().collect();
        actors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.title.cmp(&b.0.title)));
        t.actors = actors;
        t.unknown_names = unknown_names(blocks.iter().map(|b| (b.text.as_str(), b.kind)), &mentions, ignore, 50)
            .into_iter()
            .map(|(name, count)| {
                let spelling_of = spellings.propose(&name).cloned();
                NameCount { name, count, spelling_of }
            })
            .collect();
    }
}

/// Pairs of sources sharing long passages, where one of them is new.
fn copies_of(raw: &Raw, out: &mut HashMap<String, Touches>) {
    let all: Vec<Shingles> = raw.sources.iter().map(|s| Shingles::of(s.body())).collect();
    let texts: Vec<copies::Text> = raw.sources.iter().map(copies::text_of).collect();
    for pair in copies::pairs(&all) {
        for (this, other) in [(pair.a, pair.b), (pair.b, pair.a)] {
            let other_is_new = out.contains_key(texts[other].id);
            let Some(t) = out.get_mut(texts[this].id) else { continue };
            t.copies.push(CopyFound {
                other: texts[other].id.to_string(),
                other_title: raw.sources[other].data.front.title.clone(),
                share: pair.share_of(this, &all),
                share_of_other: pair.share_of(other, &all),
                declared: copies::declared(&texts[this], &texts[other]),
                other_is_new,
            });
        }
    }
    for t in out.values_mut() {
        t.copies.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.other.cmp(&b.other)));
    }
}
