//! The data each template sees: one typed context per template, and `Common`, what every
//! page has. A template's variables are the fields below (plus `Common`'s); adding a
//! page kind means one template, one struct here and one `page(...)` call in the plan.

use serde::Serialize;

use super::{Data, Page, SiteInfo};
use crate::model::date::PartialDate;
use crate::model::dossier::{Dossier, Event, Head, Link, Meta, NameCount, Pillar, ReviewEntry, Source};
use crate::model::files::Labels;
use crate::model::kind::Kind;
use crate::outputs::concept_map::Map;
use crate::outputs::edition::{Changed, Edition};
use crate::outputs::neighbours::Drawing;

/// What every page has: the dossier's name, the way back to the site root (`root`: ""
/// at the top, "../" one folder down), where the page is, and the words for sections.
#[derive(Serialize)]
pub struct Common<'a> {
    /// The page's absolute address, when `base_url` is set.
    pub canonical: Option<String>,
    pub site: SiteFacts<'a>,
    pub root: String,
    pub path: String,
    /// Which navigation entry is current.
    pub section: &'a str,
    pub labels: &'a Labels,
}

/// `site.*` in templates.
#[derive(Serialize)]
pub struct SiteFacts<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    as_of: PartialDate,
    as_of_human: &'a str,
    language: &'a str,
}

impl<'a> Common<'a> {
    pub fn new(site: &'a SiteInfo, path: &str, section: &'a str) -> Common<'a> {
        let base = &site.base_url;
        Common {
            canonical: (!base.is_empty()).then(|| format!("{base}{path}")),
            site: SiteFacts {
                title: site.title,
                subtitle: site.subtitle,
                as_of: site.as_of,
                as_of_human: &site.as_of_human,
                language: site.language,
            },
            root: if path.contains('/') { "../" } else { "" }.to_string(),
            path: path.to_string(),
            section,
            labels: site.labels,
        }
    }
}

/// A page's context: `Common` and the template's own fields side by side.
#[derive(Serialize)]
pub struct WithCommon<'a, T> {
    #[serde(flatten)]
    pub common: Common<'a>,
    #[serde(flatten)]
    pub page: T,
}

/// A page whose context is built now (everything but item pages).
pub fn page<'d>(d: &Dossier, path: &str, template: &'static str, section: &str, ctx: impl Serialize) -> Page<'d> {
    let site = SiteInfo::of(d);
    ready(path, template, WithCommon { common: Common::new(&site, path, section), page: ctx })
}

/// A page given its whole context (feeds and other files without `Common`).
pub fn ready<'d>(path: &str, template: &'static str, ctx: impl Serialize) -> Page<'d> {
    let data = Data::Ready(serde_json::to_value(ctx).unwrap_or_default());
    Page { path: path.to_string(), template, data, lastmod: None }
}

/// `index.html`.
#[derive(Serialize)]
pub struct Home<'d> {
    pub meta: &'d Meta,
    pub pillars: &'d [Pillar],
    pub recently_reviewed: Vec<&'d Head>,
    pub open_questions: Vec<&'d Link>,
    pub latest_sources: Vec<&'d Source>,
    pub events: &'d [Event],
    pub counts: Counts,
}

#[derive(Serialize)]
pub struct Counts {
    pub pillars: usize,
    pub questions: usize,
    pub actors: usize,
    pub events: usize,
    pub figures: usize,
    pub sources: usize,
}

/// `list.html`: the index of one kind.
#[derive(Serialize)]
pub struct List<'a> {
    pub title: &'a str,
    pub intro: &'a str,
    pub entries: Vec<Entry<'a>>,
    pub kind: Kind,
}

/// An entry of a list page.
#[derive(Serialize)]
pub struct Entry<'a> {
    pub title: &'a str,
    pub url: &'a str,
    /// One line of facts ("Reuters · 6 January 2026").
    pub meta: String,
    pub summary: &'a str,
}

impl<'a> Entry<'a> {
    pub fn of(head: &'a Head, meta: String) -> Entry<'a> {
        Entry { title: &head.link.title, url: &head.link.url, meta, summary: &head.summary_text }
    }
}

/// `timeline.html`: the events in order.
#[derive(Serialize)]
pub struct Timeline<'d> {
    pub title: &'d str,
    pub intro: &'d str,
    pub events: &'d [Event],
}

/// `review.html`: the editors' queue.
#[derive(Serialize)]
pub struct Review<'d> {
    pub title: &'d str,
    pub queue: &'d [ReviewEntry],
    pub names: &'d [NameCount],
}

/// `search.html`: everything it shows comes from the search index, at run time.
#[derive(Serialize)]
pub struct Search {}

/// `changes.html`: what this edition changed.
#[derive(Serialize)]
pub struct Changes<'d> {
    pub edition: &'d Edition,
    pub first: bool,
    /// Nothing a reader sees changed.
    pub unchanged: bool,
    pub summary: String,
}

/// `map.html`.
#[derive(Serialize)]
pub struct MapPage {
    pub map: Map,
}

/// `404.html`.
#[derive(Serialize)]
pub struct NotFound {
    pub base_url: String,
}

/// Every item page (`pillar.html`, `actor.html`, ...): the item itself and what points
/// at it. Built from `ItemInputs` alone, when the page is rendered.
#[derive(Serialize)]
pub struct Item<'d> {
    pub item: serde_json::Value,
    /// Cut to what the page shows when long (see `paged`).
    pub backlinks: serde_json::Value,
    /// How many entries of a long list continue where (`more.mentions`, `more.backlinks`).
    pub more: serde_json::Value,
    pub kind: Kind,
    /// schema.org data, as the text of a JSON-LD script.
    pub jsonld: Option<String>,
    pub description: &'d str,
    /// What this edition changed about the item.
    pub updated: Option<&'d Changed>,
    /// The item's neighbours, drawn.
    pub graph: Option<Box<Drawing>>,
}
