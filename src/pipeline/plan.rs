//! Stage 3, plan: the list of pages the site consists of, each a template and the data
//! it needs. The plan is plain data, built from the resolved `Dossier` alone; adding a
//! page kind means one template and one entry here.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Value};

use crate::hash::hash_of;
use crate::model::base_url::BaseUrl;
use crate::model::date::PartialDate;
use crate::model::dossier::{Actor, Backlink, Dossier, Event, Figure, Head, Pillar, Question, Source};
use crate::model::files::{Labels, QuestionStatus};
use crate::model::kind::Kind;
use crate::outputs::edition::{Changed, Edition};
use crate::outputs::neighbours::{Drawing, Neighbours};

mod paged;
mod print;
mod stands;

pub struct Page<'d> {
    /// Path in the site, e.g. `actors/macron.html`.
    pub path: String,
    /// Template name, e.g. `actor.html`.
    pub template: &'static str,
    pub data: Data<'d>,
    /// When the page's item was last reviewed (for the sitemap).
    pub lastmod: Option<PartialDate>,
}

/// A page's template data. Item pages (nearly all of a large site) keep their inputs
/// and build their context only when rendered, so a rebuild can tell which pages changed
/// (see `fingerprint`) without building every context.
pub enum Data<'d> {
    Ready(Value),
    Item(ItemInputs<'d>),
}

/// Everything an item page shows besides what every page shows (`SiteInfo`): declared
/// once, hashed for its fingerprint and the only thing its context is built from, so the
/// two cannot drift apart.
#[derive(Serialize)]
pub struct ItemInputs<'d> {
    kind: Kind,
    item: ItemRef<'d>,
    backlinks: &'d [Backlink],
    /// What this edition changed about the item, if anything (its page says so).
    updated: Option<&'d Changed>,
    /// The item's neighbours, drawn (pillars, questions, actors and events).
    graph: Option<Box<Drawing>>,
}

/// What every page shows of the dossier as a whole (name, date, words for sections);
/// hashed into every page's fingerprint by `site_fingerprint`.
#[derive(Serialize)]
pub struct SiteInfo<'d> {
    title: &'d str,
    subtitle: Option<&'d str>,
    as_of: PartialDate,
    as_of_human: String,
    language: &'d str,
    /// `base_url` with exactly one trailing slash, or "".
    base_url: String,
    labels: &'d Labels,
}

impl<'d> SiteInfo<'d> {
    pub fn of(d: &'d Dossier) -> SiteInfo<'d> {
        let m = &d.meta;
        SiteInfo {
            title: &m.title,
            subtitle: m.subtitle.as_deref(),
            as_of: m.as_of,
            as_of_human: m.as_of.human(),
            language: &m.language,
            base_url: m.base_url.as_ref().map(BaseUrl::with_slash).unwrap_or_default(),
            labels: &m.labels,
        }
    }
}

/// An item of any kind, serialised as the item itself.
#[derive(Serialize, Clone, Copy)]
#[serde(untagged)]
pub enum ItemRef<'d> {
    Pillar(&'d Pillar),
    Question(&'d Question),
    Actor(&'d Actor),
    Event(&'d Event),
    Figure(&'d Figure),
    Source(&'d Source),
}

impl<'d> ItemRef<'d> {
    fn head(self) -> &'d Head {
        match self {
            ItemRef::Pillar(x) => &x.head,
            ItemRef::Question(x) => &x.head,
            ItemRef::Actor(x) => &x.head,
            ItemRef::Event(x) => &x.head,
            ItemRef::Figure(x) => &x.head,
            ItemRef::Source(x) => &x.head,
        }
    }
}

impl Page<'_> {
    /// The data the template sees.
    pub fn context(self, site: &SiteInfo) -> Value {
        match self.data {
            Data::Ready(v) => v,
            Data::Item(inputs) => item_context(site, inputs),
        }
    }

    /// A hash of everything the rendered page depends on besides the templates:
    /// equal fingerprints in two builds with the same theme mean equal pages.
    /// `site` is the fingerprint of what every page shows of the dossier (see `site_fingerprint`).
    pub fn fingerprint(&self, site: u64) -> u64 {
        let at = (self.path.as_str(), self.template, site);
        match &self.data {
            Data::Ready(v) => hash_of(&(at, v)),
            // A source's `key` already hashes everything it was resolved from, so its
            // text (most of a large site's bytes) need not be hashed again.
            Data::Item(ItemInputs { kind, item: ItemRef::Source(s), backlinks, updated, .. }) => {
                hash_of(&(at, kind, s.key, &s.head, backlinks, updated))
            }
            Data::Item(inputs) => hash_of(&(at, inputs)),
        }
    }
}

/// The part of every page's context that comes from the dossier as a whole.
pub fn site_fingerprint(site: &SiteInfo) -> u64 {
    hash_of(site)
}

/// An entry of a list page.
#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    url: &'a str,
    meta: String,
    summary: &'a str,
}

fn entry<'a>(head: &'a Head, meta: String) -> Entry<'a> {
    Entry { title: &head.link.title, url: &head.link.url, meta, summary: &head.summary_text }
}

fn value(v: impl Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn label(v: impl Serialize) -> String {
    value(v).as_str().unwrap_or_default().replace('-', " ")
}

/// What is the same on every page: the dossier's name, navigation, and the way back
/// to the site root (`root`: "" at the top, "../" one folder down).
fn common(site: &SiteInfo, root: &str, path: &str, section: &str) -> Value {
    let base = &site.base_url;
    let canonical = (!base.is_empty()).then(|| format!("{base}{path}"));
    json!({
        "canonical": canonical,
        "site": { "title": site.title, "subtitle": site.subtitle, "as_of": site.as_of, "as_of_human": site.as_of_human, "language": site.language },
        "root": root,
        "path": path,
        "section": section,
        "labels": site.labels,
    })
}

fn with_common(site: &SiteInfo, path: &str, section: &str, extra: Value) -> Value {
    let root = if path.contains('/') { "../" } else { "" };
    let mut data = common(site, root, path, section);
    if let (Value::Object(base), Value::Object(more)) = (&mut data, extra) {
        base.extend(more);
    }
    data
}

fn page<'d>(d: &Dossier, path: String, template: &'static str, section: &str, extra: Value) -> Page<'d> {
    let data = Data::Ready(with_common(&SiteInfo::of(d), &path, section, extra));
    Page { path, template, data, lastmod: None }
}

/// schema.org data for an item page, as the text of a JSON-LD script (`<` escaped so
/// no text can close the script element).
fn json_ld(kind: Kind, item: &Value) -> Option<String> {
    let name = item.get("title")?;
    let data = match kind {
        Kind::Source => json!({ "@context": "https://schema.org", "@type": "NewsArticle", "headline": name,
            "publisher": item.get("publisher").filter(|p| !p.is_null()).map(|p| json!({ "@type": "Organization", "name": p })),
            "url": item.get("external_url"), "datePublished": item.get("published").and_then(Value::as_str).filter(|p| !p.starts_with('~')) }),
        Kind::Actor => {
            let t = match item.get("kind").and_then(Value::as_str) {
                Some("person") => "Person",
                Some("state") => "Country",
                _ => "Organization",
            };
            json!({ "@context": "https://schema.org", "@type": t, "name": name, "alternateName": item.get("aliases"), "description": item.get("summary_text") })
        }
        Kind::Event => {
            json!({ "@context": "https://schema.org", "@type": "Event", "name": name, "description": item.get("summary_text"),
            "startDate": item.get("date").and_then(Value::as_str).map(|s| s.trim_start_matches('~')),
            "endDate": item.get("end").and_then(Value::as_str).map(|s| s.trim_start_matches('~')),
            "location": item.get("place").filter(|p| !p.is_null()).map(|p| json!({ "@type": "Place", "name": p })),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode", "eventStatus": "https://schema.org/EventScheduled" })
        }
        _ => return None,
    };
    let mut data = data;
    if let Value::Object(map) = &mut data {
        map.retain(|_, v| !v.is_null());
    }
    serde_json::to_string(&data).ok().map(|s| s.replace('<', "\\u003c"))
}

fn item_context(site: &SiteInfo, inputs: ItemInputs) -> Value {
    let ItemInputs { kind, item, backlinks, updated, graph } = inputs;
    let head = item.head();
    let (mut value, mut backlinks) = (value(item), value(backlinks));
    let more = paged::trim(kind, &head.link.url, &head.link.title, &mut value, &mut backlinks);
    let jsonld = json_ld(kind, &value);
    let extra = json!({ "item": value, "backlinks": backlinks, "more": more, "kind": kind, "jsonld": jsonld, "description": head.summary_text, "updated": updated, "graph": graph });
    with_common(site, &head.link.url, kind.dir(), extra)
}

/// What the plan needs besides the dossier: this build's edition.
pub struct Extras<'d> {
    pub edition: &'d Edition,
    /// What the edition changed, by item id.
    updated: HashMap<&'d str, &'d Changed>,
}

impl<'d> Extras<'d> {
    pub fn new(edition: &'d Edition) -> Extras<'d> {
        let c = &edition.changes;
        let lists = [&c.new_items, &c.updated, &c.opened_questions, &c.resolved_questions, &c.new_sources];
        let updated = lists.into_iter().flatten().map(|c| (c.id.as_str(), c)).collect();
        Extras { edition, updated }
    }
}

fn item_page<'d>(
    d: &'d Dossier,
    x: &Extras<'d>,
    kind: Kind,
    template: &'static str,
    item: ItemRef<'d>,
    graph: Option<Box<Drawing>>,
) -> Page<'d> {
    let head = item.head();
    let lastmod = head.reviewed;
    let backlinks = d.backlinks.get(&head.link.id).map(Vec::as_slice).unwrap_or_default();
    let updated = x.updated.get(head.link.id.as_str()).copied();
    let inputs = ItemInputs { kind, item, backlinks, updated, graph };
    Page { path: head.link.url.clone(), template, data: Data::Item(inputs), lastmod }
}

/// A list page, and the numbered pages continuing it when it is long (see `paged`).
fn list_page<'d>(d: &'d Dossier, kind: Kind, title: &str, intro: &str, entries: Vec<Entry>) -> Vec<Page<'d>> {
    let extra = json!({ "title": title, "intro": intro, "entries": entries, "kind": kind });
    paged::index(d, kind, title, page(d, format!("{}/index.html", kind.dir()), "list.html", kind.dir(), extra))
}

/// Every page of the site.
pub fn plan<'d>(d: &'d Dossier, x: Extras<'d>) -> Vec<Page<'d>> {
    let mut pages = Vec::new();
    let near = Neighbours::new(d);
    let graph = |h: &Head| near.drawing(&h.link, &d.meta.labels).map(Box::new);
    let mut reviewed: Vec<&Head> = d
        .pillars
        .iter()
        .map(|x| &x.head)
        .chain(d.questions.iter().map(|x| &x.head))
        .chain(d.actors.iter().map(|x| &x.head))
        .chain(d.figures.iter().map(|x| &x.head))
        .filter(|h| h.reviewed.is_some())
        .collect();
    reviewed.sort_by(|a, b| b.reviewed.cmp(&a.reviewed).then_with(|| a.link.title.cmp(&b.link.title)));
    reviewed.truncate(6);
    let open: Vec<_> = d.questions.iter().filter(|q| q.status == QuestionStatus::Open).map(|q| &q.head.link).collect();
    let latest: Vec<_> = d.sources.iter().take(5).collect();
    pages.push(page(
        d,
        "index.html".into(),
        "index.html",
        "home",
        json!({ "meta": d.meta, "pillars": d.pillars, "recently_reviewed": reviewed, "open_questions": open, "latest_sources": latest, "events": d.events,
                "counts": { "pillars": d.pillars.len(), "questions": d.questions.len(), "actors": d.actors.len(), "events": d.events.len(), "figures": d.figures.len(), "sources": d.sources.len() } }),
    ));

    let entries = d.pillars.iter().map(|p| entry(&p.head, label(p.status))).collect();
    let labels = &d.meta.labels;
    pages.extend(list_page(d, Kind::Pillar, &labels.pillars, &labels.pillars_intro, entries));
    pages.extend(
        d.pillars.iter().map(|p| item_page(d, &x, Kind::Pillar, "pillar.html", ItemRef::Pillar(p), graph(&p.head))),
    );

    let entries = d.questions.iter().map(|q| entry(&q.head, label(q.status))).collect();
    pages.extend(list_page(d, Kind::Question, &labels.open_questions, &labels.questions_intro, entries));
    pages.extend(
        d.questions
            .iter()
            .map(|q| item_page(d, &x, Kind::Question, "question.html", ItemRef::Question(q), graph(&q.head))),
    );

    let entries = d
        .actors
        .iter()
        .map(|a| {
            entry(
                &a.head,
                format!("{}{}", label(a.kind), a.role.as_ref().map(|r| format!(" · {r}")).unwrap_or_default()),
            )
        })
        .collect();
    pages.extend(list_page(d, Kind::Actor, &labels.actors, &labels.actors_intro, entries));
    pages.extend(
        d.actors.iter().map(|a| item_page(d, &x, Kind::Actor, "actor.html", ItemRef::Actor(a), graph(&a.head))),
    );

    pages.push(page(
        d,
        "events/index.html".into(),
        "timeline.html",
        "events",
        json!({ "title": labels.events, "intro": labels.events_intro, "events": d.events }),
    ));
    pages.extend(
        d.events.iter().map(|e| item_page(d, &x, Kind::Event, "event.html", ItemRef::Event(e), graph(&e.head))),
    );

    let entries = d.figures.iter().map(|f| entry(&f.head, f.reading())).collect();
    pages.extend(list_page(d, Kind::Figure, &labels.figures, &labels.figures_intro, entries));
    pages.extend(d.figures.iter().map(|f| item_page(d, &x, Kind::Figure, "figure.html", ItemRef::Figure(f), None)));

    let entries = d
        .sources
        .iter()
        .map(|s| {
            let date = s.published_human.clone().unwrap_or_else(|| "date unknown".into());
            let by = s.publisher.clone().unwrap_or_else(|| "publisher unknown".into());
            let relays = s.relays.as_ref().map(|r| format!(" · relays {r}")).unwrap_or_default();
            entry(&s.head, format!("{by} · {date}{relays}"))
        })
        .collect();
    pages.extend(list_page(d, Kind::Source, &labels.sources, &labels.sources_intro, entries));
    pages.extend(d.sources.iter().map(|s| item_page(d, &x, Kind::Source, "source.html", ItemRef::Source(s), None)));

    pages.extend(paged::item_lists(d));
    pages.push(page(
        d,
        "review.html".into(),
        "review.html",
        "review",
        json!({ "title": "Review queue", "queue": d.review_queue, "names": d.unknown_names }),
    ));
    pages.push(page(d, "search.html".into(), "search.html", "search", json!({})));
    pages.push(print::print_page(d));
    pages.push(page(
        d,
        "changes.html".into(),
        "changes.html",
        "changes",
        json!({ "edition": x.edition, "first": x.edition.is_first(), "summary": x.edition.changes.summary() }),
    ));
    pages.push(page(d, "map.html".into(), "map.html", "map", json!({ "map": crate::outputs::concept_map::layout(d) })));
    pages.push(stands::stands_page(d));
    pages.push(not_found(d));
    pages.push(feed(d, x.edition));
    publishing_files(d, &mut pages);
    pages
}

/// `404.html`, which a host serves at any depth: with a `base_url`, its links, styles and
/// scripts are absolute (`root` is the base URL); without, 404.html finds the root itself.
fn not_found<'d>(d: &Dossier) -> Page<'d> {
    let base = base_url(d);
    let mut data = with_common(&SiteInfo::of(d), "404.html", "home", json!({ "base_url": base }));
    if let Value::Object(map) = &mut data {
        if !base.is_empty() {
            map.insert("root".into(), Value::String(base));
        }
        // Not a page to point search engines at.
        map.insert("canonical".into(), Value::Null);
    }
    Page { path: "404.html".into(), template: "404.html", data: Data::Ready(data), lastmod: None }
}

/// `sitemap.xml` (only with a `base_url`: sitemaps need absolute addresses) and
/// `robots.txt`, pointing at the sitemap when there is one.
fn publishing_files(d: &Dossier, pages: &mut Vec<Page<'_>>) {
    let base = base_url(d);
    if !base.is_empty() {
        let urls: Vec<Value> = pages
            .iter()
            .filter(|p| p.path.ends_with(".html") && p.path != "404.html" && p.path != "review.html")
            .map(|p| {
                json!({ "loc": format!("{base}{}", p.path), "lastmod": p.lastmod.filter(|r| r.day.is_some() && !r.approximate).map(|r| r.iso()) })
            })
            .collect();
        pages.push(Page {
            path: "sitemap.xml".into(),
            template: "sitemap.xml",
            data: Data::Ready(json!({ "urls": urls })),
            lastmod: None,
        });
    }
    let sitemap = (!base.is_empty()).then(|| format!("{base}sitemap.xml"));
    pages.push(Page {
        path: "robots.txt".into(),
        template: "robots.txt",
        data: Data::Ready(json!({ "sitemap": sitemap })),
        lastmod: None,
    });
}

/// `base_url` with exactly one trailing slash, or "".
fn base_url(d: &Dossier) -> String {
    d.meta.base_url.as_ref().map(BaseUrl::with_slash).unwrap_or_default()
}

const FEED_ENTRIES: usize = 50;

/// `feed.xml`: an Atom feed of the sources, newest first. Links are absolute when
/// `base_url` is set and relative (valid Atom either way) when it is not.
fn feed<'d>(d: &'d Dossier, edition: &Edition) -> Page<'d> {
    let base = d.meta.base_url.as_ref().map(BaseUrl::with_slash);
    let base = base.unwrap_or_default();
    let id_base = if base.is_empty() {
        format!("urn:dossier:{}:", crate::model::kind::suggest_id(&d.meta.title))
    } else {
        base.clone()
    };
    let date_of = |s: &crate::model::dossier::Source| s.published.or(s.retrieved).unwrap_or(d.meta.as_of);
    let updated = d.sources.iter().map(date_of).max().unwrap_or(d.meta.as_of).max(d.meta.as_of);
    // One entry per edition, saying what it changed, then the sources: sorted newest
    // first, a feed carries the latest, as feeds do.
    let editions = edition.history.iter().map(|e| {
        let date = PartialDate::parse(&e.as_of).unwrap_or(d.meta.as_of);
        json!({ "title": format!("Edition {}: {}", e.number, e.summary), "link": format!("{base}changes.html"), "id": format!("{id_base}changes.html#edition-{}", e.number),
                "updated": date.rfc3339(), "publisher": None::<String>, "summary": format!("What changed in edition {} of {}: {}.", e.number, d.meta.title, e.summary) })
    });
    let entries: Vec<Value> = editions.chain(d
        .sources
        .iter()
        .take(FEED_ENTRIES)
        .map(|s| {
            json!({ "title": s.head.link.title, "link": format!("{base}{}", s.head.link.url), "id": format!("{id_base}{}", s.head.link.url),
                    "updated": date_of(s).rfc3339(), "publisher": s.publisher, "summary": s.head.summary_text })
        }))
        .collect();
    let data = json!({ "title": d.meta.title, "subtitle": d.meta.subtitle, "home": format!("{base}index.html"), "self_link": format!("{base}feed.xml"),
                       "id": format!("{id_base}index.html"), "updated": updated.rfc3339(), "entries": entries });
    Page { path: "feed.xml".into(), template: "feed.xml", data: Data::Ready(data), lastmod: None }
}
