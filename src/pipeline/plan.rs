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
use crate::model::messages::Messages;
use crate::outputs::edition::{Changed, Edition};
use crate::outputs::neighbours::{Drawing, Neighbours};

mod context;
mod paged;
mod print;
mod publishing;
mod stands;

use context::{page, Common, Entry, WithCommon};

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
            as_of_human: d.messages.date(&m.as_of),
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

fn value(v: impl Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// A value of a closed list (a status, a kind of actor) in the dossier's language: the
/// message `key` with the value as `$value` (`status = { $value -> [agreed] agreed ... }`).
fn said(msg: &Messages, key: &str, v: impl Serialize) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("value", value(v).as_str().unwrap_or_default().to_string());
    msg.text(key, Some(&args))
}

/// "relays Reuters" in the dossier's language.
fn relays(msg: &Messages, outlet: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("outlet", outlet.to_string());
    msg.text("relays", Some(&args))
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
    let page =
        context::Item { item: value, backlinks, more, kind, jsonld, description: &head.summary_text, updated, graph };
    serde_json::to_value(WithCommon { common: Common::new(site, &head.link.url, kind.dir()), page }).unwrap_or_default()
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
    let path = format!("{}/index.html", kind.dir());
    paged::index(d, kind, title, page(d, &path, "list.html", kind.dir(), context::List { title, intro, entries, kind }))
}

/// Every page of the site.
pub fn plan<'d>(d: &'d Dossier, x: Extras<'d>) -> Vec<Page<'d>> {
    let mut pages = Vec::new();
    let near = Neighbours::new(d);
    let graph = |h: &Head| near.drawing(&h.link, &d.meta.labels, &d.messages).map(Box::new);
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
    let counts = context::Counts {
        pillars: d.pillars.len(),
        questions: d.questions.len(),
        actors: d.actors.len(),
        events: d.events.len(),
        figures: d.figures.len(),
        sources: d.sources.len(),
    };
    let home = context::Home {
        meta: &d.meta,
        pillars: &d.pillars,
        recently_reviewed: reviewed,
        open_questions: open,
        latest_sources: latest,
        events: &d.events,
        counts,
    };
    pages.push(page(d, "index.html", "index.html", "home", home));

    let msg = &*d.messages;
    let entries = d.pillars.iter().map(|p| Entry::of(&p.head, said(msg, "status", p.status))).collect();
    let labels = &d.meta.labels;
    pages.extend(list_page(d, Kind::Pillar, &labels.pillars, &labels.pillars_intro, entries));
    pages.extend(
        d.pillars.iter().map(|p| item_page(d, &x, Kind::Pillar, "pillar.html", ItemRef::Pillar(p), graph(&p.head))),
    );

    let entries = d.questions.iter().map(|q| Entry::of(&q.head, said(msg, "status", q.status))).collect();
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
            Entry::of(
                &a.head,
                format!(
                    "{}{}",
                    said(msg, "actor-kind", a.kind),
                    a.role.as_ref().map(|r| format!(" · {r}")).unwrap_or_default()
                ),
            )
        })
        .collect();
    pages.extend(list_page(d, Kind::Actor, &labels.actors, &labels.actors_intro, entries));
    pages.extend(
        d.actors.iter().map(|a| item_page(d, &x, Kind::Actor, "actor.html", ItemRef::Actor(a), graph(&a.head))),
    );

    let timeline = context::Timeline { title: &labels.events, intro: &labels.events_intro, events: &d.events };
    pages.push(page(d, "events/index.html", "timeline.html", "events", timeline));
    pages.extend(
        d.events.iter().map(|e| item_page(d, &x, Kind::Event, "event.html", ItemRef::Event(e), graph(&e.head))),
    );

    let entries = d.figures.iter().map(|f| Entry::of(&f.head, f.reading(msg))).collect();
    pages.extend(list_page(d, Kind::Figure, &labels.figures, &labels.figures_intro, entries));
    pages.extend(d.figures.iter().map(|f| item_page(d, &x, Kind::Figure, "figure.html", ItemRef::Figure(f), None)));

    let entries = d
        .sources
        .iter()
        .map(|s| {
            let date = s.published_human.clone().unwrap_or_else(|| msg.get("date-unknown"));
            let by = s.publisher.clone().unwrap_or_else(|| msg.get("publisher-unknown"));
            let relays = s.relays.as_ref().map(|r| format!(" · {}", relays(msg, r))).unwrap_or_default();
            Entry::of(&s.head, format!("{by} · {date}{relays}"))
        })
        .collect();
    pages.extend(list_page(d, Kind::Source, &labels.sources, &labels.sources_intro, entries));
    pages.extend(d.sources.iter().map(|s| item_page(d, &x, Kind::Source, "source.html", ItemRef::Source(s), None)));

    pages.extend(paged::item_lists(d));
    let review_title = msg.get("review-queue");
    let review = context::Review { title: &review_title, queue: &d.review_queue, names: &d.unknown_names };
    pages.push(page(d, "review.html", "review.html", "review", review));
    pages.push(page(d, "search.html", "search.html", "search", context::Search {}));
    pages.push(print::print_page(d));
    let changes = context::Changes {
        edition: x.edition,
        first: x.edition.is_first(),
        unchanged: x.edition.changes.is_empty(),
        summary: x.edition.changes.summary(msg),
    };
    pages.push(page(d, "changes.html", "changes.html", "changes", changes));
    let map = context::MapPage { map: crate::outputs::concept_map::layout(d) };
    pages.push(page(d, "map.html", "map.html", "map", map));
    pages.push(stands::stands_page(d));
    pages.push(publishing::not_found(d));
    pages.push(publishing::feed(d, x.edition));
    publishing::publishing_files(d, &mut pages);
    pages
}
