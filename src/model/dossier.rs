//! The resolved dossier: the one model every output reads (pages, `dossier.json`,
//! `check`). Every id here has been resolved to a `Link`, every quote located in its
//! source paragraph, and backlinks computed. Markdown fields hold sanitised HTML whose
//! links are relative to an item page (see `markdown`). Nothing here is re-parsed later.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::base_url::BaseUrl;
use crate::model::date::PartialDate;
use crate::model::files::{ActorKind, Confidence, PillarStatus, QuestionStatus, Rights};
use crate::model::kind::Kind;
use crate::text::paragraphs::BlockKind;

/// A reference to an item, ready to print as a link. `url` is relative to the site root.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub url: String,
}

impl Link {
    /// The link to item `id` of `kind`: `<kind dir>/<id>.html`.
    pub fn new(kind: Kind, id: &str, title: &str) -> Link {
        Link { id: id.to_string(), kind, title: title.to_string(), url: format!("{}/{id}.html", kind.dir()) }
    }
}

/// What every item has: its link, a one-line plain summary, and its review date.
#[derive(Debug, Clone, Serialize)]
pub struct Head {
    #[serde(flatten)]
    pub link: Link,
    pub summary_text: String,
    pub reviewed: Option<PartialDate>,
    /// Set when sources newer than `reviewed` cite or mention the item.
    pub stale: Option<Stale>,
}

/// Sources dated after an item's last review that cite or mention it.
#[derive(Debug, Clone, Serialize)]
pub struct Stale {
    pub reviewed: PartialDate,
    pub sources: Vec<Link>,
}

/// One line of the editors' review queue.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewEntry {
    pub item: Link,
    #[serde(flatten)]
    pub stale: Stale,
}

/// A verified citation: the quote was found in paragraph `paragraph` of `source`.
#[derive(Debug, Clone, Serialize)]
pub struct CitationRef {
    pub source: Link,
    pub quote: String,
    pub paragraph: usize,
    /// `sources/<id>.html#pN`, relative to the site root.
    pub url: String,
    /// Independent origin: the outlet the source relays, or the source itself.
    pub origin: String,
    /// The cited paragraph's text (shortened), for previews and print.
    pub context: String,
}

/// A statement with its citations and how well it is corroborated.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// The claim's id on its page: a hash of its words, so it stays put when other
    /// claims are added or reordered (see `resolve::anchor`).
    pub anchor: String,
    pub text: String,
    /// `text` without markup (links read as names), for search and plain-text uses.
    pub plain: String,
    pub citations: Vec<CitationRef>,
    /// Distinct sources, and distinct origins among them (relays of one outlet count once).
    pub sources: usize,
    pub origins: usize,
    pub confidence: Option<Confidence>,
}

/// An indicator to watch: its text and sources (as a claim) and the question it bears on.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    #[serde(flatten)]
    pub claim: Claim,
    pub question: Option<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub title: String,
    pub subtitle: Option<String>,
    pub as_of: PartialDate,
    pub language: String,
    pub base_url: Option<BaseUrl>,
    pub theme: String,
    pub bottom_line: String,
    pub key_judgments: Vec<Claim>,
    /// What to watch, in order.
    pub indicators: Vec<Indicator>,
    /// The theme's words for sections and kinds; passed to every page, not part of
    /// `dossier.json` (they describe the site, not the dossier).
    #[serde(skip)]
    pub labels: crate::model::files::Labels,
}

#[derive(Debug, Clone, Serialize)]
pub struct Role {
    pub actor: Link,
    pub role: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pillar {
    #[serde(flatten)]
    pub head: Head,
    pub order: u32,
    pub status: PillarStatus,
    pub summary: String,
    pub key_points: Vec<Claim>,
    pub actors: Vec<Role>,
    pub questions: Vec<Link>,
    pub related: Vec<Link>,
}

/// A claim attached to another item: an actor's position on a pillar or question.
#[derive(Debug, Clone, Serialize)]
pub struct Stance {
    pub on: Link,
    #[serde(flatten)]
    pub claim: Claim,
}

/// How often an actor is named in one source, with the first shown paragraph that
/// names it.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub source: Link,
    /// Every mention in the article, shown paragraphs or not.
    pub count: usize,
    /// None when every mention is in paragraphs that `rights: excerpts` hides.
    pub paragraph: Option<usize>,
    /// The words around the first shown mention ("" when `paragraph` is None).
    pub snippet: String,
    /// Where the mention links: `sources/<id>.html#pN`; with no shown mention, the
    /// original article's absolute `http(s)` address, else `sources/<id>.html`.
    pub url: String,
    /// The word forms a stem alias (`Коваленк*`) matched here, with how often.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<WordForm>,
}

/// A word form of a name (`Коваленка`) and how often it occurs.
#[derive(Debug, Clone, Serialize)]
pub struct WordForm {
    pub form: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    #[serde(flatten)]
    pub head: Head,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub affiliation: Option<Link>,
    pub members: Vec<Link>,
    pub summary: String,
    pub positions: Vec<Stance>,
    pub related: Vec<Link>,
    pub mentions: Vec<Mention>,
    /// Every word form stem aliases matched across sources, most frequent first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub word_forms: Vec<WordForm>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    #[serde(flatten)]
    pub head: Head,
    pub status: QuestionStatus,
    pub why_it_matters: String,
    pub would_resolve: Option<String>,
    pub evidence: Vec<Claim>,
    /// Each actor's position: `on` is the actor.
    pub positions: Vec<Stance>,
    pub pillars: Vec<Link>,
    pub related: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    #[serde(flatten)]
    pub head: Head,
    pub date: PartialDate,
    pub date_human: String,
    pub end: Option<PartialDate>,
    pub end_human: Option<String>,
    pub place: Option<String>,
    pub summary: String,
    pub actors: Vec<Link>,
    pub key_points: Vec<Claim>,
    pub citations: Vec<CitationRef>,
    pub related: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    /// The row's id on the figure's page (see `Claim::anchor`).
    pub anchor: String,
    pub value: String,
    pub number: Option<f64>,
    pub note: Option<String>,
    pub citation: CitationRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    #[serde(flatten)]
    pub head: Head,
    pub unit: Option<String>,
    pub summary: String,
    pub values: Vec<FigureRow>,
    /// True when rows give different numbers.
    pub disagree: bool,
    pub related: Vec<Link>,
}

/// A run of paragraph text: highlighted if cited, linked if it names an actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
    pub href: Option<String>,
    /// Where one highlight starts and ends: the page opens `<mark>` before the first
    /// marked segment of a run and closes it after the last, so a linked name inside
    /// cited words stays inside one highlight (no seams or gaps around the link).
    pub mark_open: bool,
    pub mark_close: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    pub n: usize,
    pub kind: BlockKind,
    pub segments: Vec<Segment>,
    pub cited: bool,
}

/// One claim that cites a source: its words and where it stands on the citing page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CitingClaim {
    pub text: String,
    pub quote: String,
    /// `<item url>#<claim anchor>`, relative to the site root.
    pub url: String,
}

/// An item whose claims cite one paragraph of a source: one row, however many claims.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CitedBy {
    pub item: Link,
    pub claims: Vec<CitingClaim>,
}

/// The items citing one paragraph of a source, as "Cited by" lists them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CitedParagraph {
    pub paragraph: usize,
    pub rows: Vec<CitedBy>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorCount {
    pub actor: Link,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    #[serde(flatten)]
    pub head: Head,
    pub publisher: Option<String>,
    pub external_url: Option<String>,
    pub published: Option<PartialDate>,
    pub published_human: Option<String>,
    pub retrieved: Option<PartialDate>,
    pub relays: Option<String>,
    pub origin: String,
    pub reliability: Option<String>,
    pub rights: Rights,
    /// With `rights: excerpts`, only cited paragraphs are kept (see `resolve::rights`).
    pub paragraphs: Vec<Paragraph>,
    pub paragraph_count: usize,
    /// Per cited paragraph, in paragraph order.
    pub cited_by: Vec<CitedParagraph>,
    pub actors: Vec<ActorCount>,
    /// Capitalised names in the shown text that match no actor, most frequent first.
    pub unknown_names: Vec<NameCount>,
    /// Written in a script without capitals (Arabic, Hebrew, CJK): names were not looked for.
    #[serde(skip)]
    pub caseless: bool,
    /// The article's own `language:`, and its direction (`rtl` or `ltr`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dir: Option<&'static str>,
    /// A hash of everything this record was resolved from: equal keys, equal records
    /// (build sessions use it to skip unchanged sources).
    #[serde(skip)]
    pub key: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct NameCount {
    pub name: String,
    pub count: usize,
    /// The actor this may be a new spelling of (see `resolve::spelling`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spelling_of: Option<Link>,
}

/// How one item refers to another. Declared in the alphabetical order of their names,
/// so lists of them sort as their names do.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// Names it as one of its actors.
    Actor,
    /// Cites it (a source).
    Citation,
    /// Watches it as an indicator's question.
    Indicator,
    /// Links it in running text (`[[id]]`).
    Link,
    /// Names it as an organisation's member.
    Member,
    /// States a position on it.
    Position,
    /// Lists it under `related:`.
    Related,
    /// Lists it as a related question or pillar.
    #[serde(rename = "related question")]
    RelatedQuestion,
}

/// An item that refers to another, and every way it does: one per referring item.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Backlink {
    pub kind: Kind,
    pub title: String,
    pub url: String,
    /// Sorted, each once.
    pub via: Vec<Via>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dossier {
    pub meta: Meta,
    pub pillars: Vec<Pillar>,
    pub questions: Vec<Question>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    pub sources: Vec<Source>,
    /// For every item id: what refers to it, sorted, one entry per referring item.
    pub backlinks: BTreeMap<String, Vec<Backlink>>,
    /// Items whose review predates sources that cite or mention them, oldest review first.
    pub review_queue: Vec<ReviewEntry>,
    /// Names in all sources that match no actor, most frequent first (at most 50).
    pub unknown_names: Vec<NameCount>,
    /// Sources in a script without capitals, where names were not looked for.
    #[serde(skip)]
    pub caseless_sources: Vec<String>,
    /// What the editor should look at, though the dossier builds (`warning:` lines).
    #[serde(skip)]
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
    /// The interface's words in the dossier's language.
    #[serde(skip)]
    pub messages: std::sync::Arc<crate::model::messages::Messages>,
}

impl Dossier {
    /// Pillars, questions, actors, events and figures: every item but the sources.
    pub fn item_count(&self) -> usize {
        self.pillars.len() + self.questions.len() + self.actors.len() + self.events.len() + self.figures.len()
    }
}
