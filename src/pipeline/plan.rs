//! Stage 3, plan: the list of pages the site consists of, each a template and the data
//! it needs. The plan is plain data, built from the resolved `Dossier` alone; adding a
//! page kind means one template and one entry here.

use serde::Serialize;
use serde_json::{json, Value};

use crate::hash::hash_of;
use crate::model::base_url::BaseUrl;
use crate::model::date::PartialDate;
use crate::model::dossier::{Actor, Dossier, Event, Figure, Head, Pillar, Question, Source};
use crate::model::files::QuestionStatus;
use crate::model::kind::Kind;

mod print;

pub struct Page<'d> {
    /// Path in the site, e.g. `actors/macron.html`.
    pub path: String,
    /// Template name, e.g. `actor.html`.
    pub template: &'static str,
    pub data: Data<'d>,
    /// When the page's item was last reviewed (for the sitemap).
    pub lastmod: Option<PartialDate>,
}

/// A page's template data. Item pages (nearly all of a large site) keep a reference to
/// their item and build their context only when rendered, so a rebuild can tell which
/// pages changed (see `fingerprint`) without building every context.
pub enum Data<'d> {
    Ready(Value),
    Item { kind: Kind, item: ItemRef<'d> },
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
    pub fn context(self, d: &Dossier) -> Value {
        match self.data {
            Data::Ready(v) => v,
            Data::Item { kind, item } => item_context(d, kind, item),
        }
    }

    /// A hash of everything the rendered page depends on besides the templates:
    /// equal fingerprints in two builds with the same theme mean equal pages.
    /// `site` is the fingerprint of what every page shows of the dossier (see `site_fingerprint`).
    pub fn fingerprint(&self, d: &Dossier, site: u64) -> u64 {
        let at = (self.path.as_str(), self.template, site);
        match &self.data {
            Data::Ready(v) => hash_of(&(at, v)),
            // A source's `key` already hashes everything it was resolved from, so its
            // text (most of a large site's bytes) need not be hashed again.
            Data::Item { kind, item: ItemRef::Source(s) } => {
                hash_of(&(at, kind, s.key, &s.head, d.backlinks.get(&s.head.link.id)))
            }
            Data::Item { kind, item } => hash_of(&(at, kind, item, d.backlinks.get(&item.head().link.id))),
        }
    }
}

/// The part of every page's context that comes from the dossier as a whole.
pub fn site_fingerprint(d: &Dossier) -> u64 {
    let m = &d.meta;
    hash_of(&(&m.title, &m.subtitle, m.as_of, &m.language, &m.base_url, &m.labels))
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
fn common(d: &Dossier, root: &str, path: &str, section: &str) -> Value {
    let base = base_url(d);
    let canonical = (!base.is_empty()).then(|| format!("{base}{path}"));
    json!({
        "canonical": canonical,
        "site": { "title": d.meta.title, "subtitle": d.meta.subtitle, "as_of": d.meta.as_of, "as_of_human": d.meta.as_of.human(), "language": d.meta.language },
        "root": root,
        "path": path,
        "section": section,
        "labels": d.meta.labels,
    })
}

fn with_common(d: &Dossier, path: &str, section: &str, extra: Value) -> Value {
    let root = if path.contains('/') { "../" } else { "" };
    let mut data = common(d, root, path, section);
    if let (Value::Object(base), Value::Object(more)) = (&mut data, extra) {
        base.extend(more);
    }
    data
}

fn page<'d>(d: &Dossier, path: String, template: &'static str, section: &str, extra: Value) -> Page<'d> {
    let data = Data::Ready(with_common(d, &path, section, extra));
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

fn item_context(d: &Dossier, kind: Kind, item: ItemRef) -> Value {
    let head = item.head();
    let backlinks = d.backlinks.get(&head.link.id);
    let item = value(item);
    let jsonld = json_ld(kind, &item);
    let extra = json!({ "item": item, "backlinks": backlinks.map(Vec::as_slice).unwrap_or_default(), "kind": kind, "jsonld": jsonld, "description": head.summary_text });
    with_common(d, &head.link.url, kind.dir(), extra)
}

fn item_page<'d>(kind: Kind, template: &'static str, item: ItemRef<'d>) -> Page<'d> {
    let head = item.head();
    let lastmod = head.reviewed;
    Page { path: head.link.url.clone(), template, data: Data::Item { kind, item }, lastmod }
}

fn list_page<'d>(d: &Dossier, kind: Kind, title: &str, intro: &str, entries: Vec<Entry>) -> Page<'d> {
    let extra = json!({ "title": title, "intro": intro, "entries": entries, "kind": kind });
    page(d, format!("{}/index.html", kind.dir()), "list.html", kind.dir(), extra)
}

pub fn plan(d: &Dossier) -> Vec<Page<'_>> {
    plan_with_map(d, crate::outputs::concept_map::layout(d))
}

/// `plan`, given the map's drawing (which a build session may have kept).
pub fn plan_with_map(d: &Dossier, map: crate::outputs::concept_map::Map) -> Vec<Page<'_>> {
    let mut pages = Vec::new();
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
    pages.push(list_page(d, Kind::Pillar, &labels.pillars, &labels.pillars_intro, entries));
    pages.extend(d.pillars.iter().map(|p| item_page(Kind::Pillar, "pillar.html", ItemRef::Pillar(p))));

    let entries = d.questions.iter().map(|q| entry(&q.head, label(q.status))).collect();
    pages.push(list_page(d, Kind::Question, &labels.open_questions, &labels.questions_intro, entries));
    pages.extend(d.questions.iter().map(|q| item_page(Kind::Question, "question.html", ItemRef::Question(q))));

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
    pages.push(list_page(d, Kind::Actor, &labels.actors, &labels.actors_intro, entries));
    pages.extend(d.actors.iter().map(|a| item_page(Kind::Actor, "actor.html", ItemRef::Actor(a))));

    pages.push(page(
        d,
        "events/index.html".into(),
        "timeline.html",
        "events",
        json!({ "title": labels.events, "intro": labels.events_intro, "events": d.events }),
    ));
    pages.extend(d.events.iter().map(|e| item_page(Kind::Event, "event.html", ItemRef::Event(e))));

    let entries = d.figures.iter().map(|f| entry(&f.head, f.reading())).collect();
    pages.push(list_page(d, Kind::Figure, &labels.figures, &labels.figures_intro, entries));
    pages.extend(d.figures.iter().map(|f| item_page(Kind::Figure, "figure.html", ItemRef::Figure(f))));

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
    pages.push(list_page(d, Kind::Source, &labels.sources, &labels.sources_intro, entries));
    pages.extend(d.sources.iter().map(|s| item_page(Kind::Source, "source.html", ItemRef::Source(s))));

    pages.push(page(
        d,
        "review.html".into(),
        "review.html",
        "review",
        json!({ "title": "Review queue", "queue": d.review_queue, "names": d.unknown_names }),
    ));
    pages.push(page(d, "search.html".into(), "search.html", "search", json!({})));
    pages.push(print::print_page(d));
    pages.push(page(d, "map.html".into(), "map.html", "map", json!({ "map": map })));
    pages.push(not_found(d));
    pages.push(feed(d));
    publishing_files(d, &mut pages);
    pages
}

/// `404.html`, which a host serves at any depth: with a `base_url`, its links, styles and
/// scripts are absolute (`root` is the base URL); without, 404.html finds the root itself.
fn not_found<'d>(d: &Dossier) -> Page<'d> {
    let base = base_url(d);
    let mut data = with_common(d, "404.html", "home", json!({ "base_url": base }));
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
fn feed(d: &Dossier) -> Page<'_> {
    let base = d.meta.base_url.as_ref().map(BaseUrl::with_slash);
    let base = base.unwrap_or_default();
    let id_base = if base.is_empty() {
        format!("urn:dossier:{}:", crate::model::kind::suggest_id(&d.meta.title))
    } else {
        base.clone()
    };
    let date_of = |s: &crate::model::dossier::Source| s.published.or(s.retrieved).unwrap_or(d.meta.as_of);
    let updated = d.sources.iter().map(date_of).max().unwrap_or(d.meta.as_of).max(d.meta.as_of);
    // Sources are sorted newest first; a feed carries the latest, as feeds do.
    let entries: Vec<Value> = d
        .sources
        .iter()
        .take(FEED_ENTRIES)
        .map(|s| {
            json!({ "title": s.head.link.title, "link": format!("{base}{}", s.head.link.url), "id": format!("{id_base}{}", s.head.link.url),
                    "updated": date_of(s).rfc3339(), "publisher": s.publisher, "summary": s.head.summary_text })
        })
        .collect();
    let data = json!({ "title": d.meta.title, "subtitle": d.meta.subtitle, "home": format!("{base}index.html"), "self_link": format!("{base}feed.xml"),
                       "id": format!("{id_base}index.html"), "updated": updated.rfc3339(), "entries": entries });
    Page { path: "feed.xml".into(), template: "feed.xml", data: Data::Ready(data), lastmod: None }
}
