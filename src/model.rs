//! The content files as written: one typed record per file kind, read with serde.
//! Every record denies unknown fields, so a misspelt field is an error, not a silent
//! omission. Nothing here is resolved: ids are still plain strings (see `resolve`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// `{source: <id>, quote: "exact words"}`: where a claim comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: String,
    pub quote: String,
}

/// A statement (Markdown) and the citations that support it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub text: String,
    #[serde(default)]
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Moderate,
    High,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyJudgment {
    pub text: String,
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// `content/dossier.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierFile {
    pub title: String,
    pub subtitle: Option<String>,
    pub as_of: PartialDate,
    #[serde(default = "default_language")]
    pub language: String,
    pub base_url: Option<String>,
    #[serde(default = "default_theme")]
    pub theme: String,
    pub bottom_line: String,
    #[serde(default)]
    pub key_judgments: Vec<KeyJudgment>,
    #[serde(default)]
    pub labels: Labels,
}

/// `labels:` in `dossier.yaml`: the words the theme shows for each kind of item and
/// section, so a dossier on another subject can call its pillars "Workstreams". Every
/// key is optional; a key not listed is an error, like any misspelt field.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Labels {
    /// Pillars as a section: navigation, breadcrumbs, headings.
    pub pillars: String,
    /// One pillar, lowercase: "pillar 2", "a pillar".
    pub pillar: String,
    /// The line under the heading of the list of pillars.
    pub pillars_intro: String,
    /// Questions in navigation and breadcrumbs.
    pub questions: String,
    /// The heading of the list of questions (home page, list page, print edition).
    pub open_questions: String,
    /// One question, lowercase.
    pub question: String,
    /// The line under the heading of the list of questions.
    pub questions_intro: String,
    /// Actors as a section.
    pub actors: String,
    /// One actor, lowercase.
    pub actor: String,
    /// The line under the heading of the list of actors.
    pub actors_intro: String,
    /// Events as a section (the timeline).
    pub events: String,
    /// One event, lowercase.
    pub event: String,
    /// The line under the heading of the timeline.
    pub events_intro: String,
    /// Figures as a section.
    pub figures: String,
    /// One figure, lowercase.
    pub figure: String,
    /// The line under the heading of the list of figures.
    pub figures_intro: String,
    /// Sources as a section.
    pub sources: String,
    /// One source, lowercase.
    pub source: String,
    /// The line under the heading of the list of sources.
    pub sources_intro: String,
    /// The dossier itself, lowercase, where a backlink comes from its home page.
    pub dossier: String,
    /// The heading of `bottom_line`.
    pub bottom_line: String,
    /// The heading of `key_judgments`.
    pub key_judgments: String,
}

impl Default for Labels {
    fn default() -> Labels {
        let s = |t: &str| t.to_string();
        Labels {
            pillars: s("Pillars"),
            pillar: s("pillar"),
            pillars_intro: s("The parts of the subject, in order."),
            questions: s("Questions"),
            open_questions: s("Open questions"),
            question: s("question"),
            questions_intro: s("What is not settled, and what would settle it."),
            actors: s("Actors"),
            actor: s("actor"),
            actors_intro: s("People, states and organisations, and where they stand."),
            events: s("Timeline"),
            event: s("event"),
            events_intro: s("Dated events, oldest first."),
            figures: s("Figures"),
            figure: s("figure"),
            figures_intro: s("Quantities the sources report, side by side."),
            sources: s("Sources"),
            source: s("source"),
            sources_intro: s("The articles this dossier is drawn from."),
            dossier: s("dossier"),
            bottom_line: s("Bottom line"),
            key_judgments: s("Key judgments"),
        }
    }
}

fn default_language() -> String {
    "en".into()
}

fn default_theme() -> String {
    "default".into()
}

#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PillarStatus {
    Agreed,
    Proposed,
    UnderNegotiation,
    Disputed,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRole {
    pub actor: String,
    pub role: String,
}

/// `content/pillars/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PillarFile {
    pub title: String,
    pub order: u32,
    pub status: PillarStatus,
    pub summary: String,
    #[serde(default)]
    pub key_points: Vec<Claim>,
    #[serde(default)]
    pub actors: Vec<ActorRole>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    pub reviewed: PartialDate,
}

#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    State,
    Organisation,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub on: String,
    pub text: String,
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// `content/actors/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorFile {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(default)]
    pub related: Vec<String>,
    pub reviewed: PartialDate,
}

#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum QuestionStatus {
    Open,
    Resolved,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorPosition {
    pub actor: String,
    pub text: String,
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// `content/questions/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub title: String,
    pub status: QuestionStatus,
    pub why_it_matters: String,
    pub would_resolve: Option<String>,
    #[serde(default)]
    pub evidence: Vec<Claim>,
    #[serde(default)]
    pub positions: Vec<ActorPosition>,
    #[serde(default)]
    pub pillars: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    pub reviewed: PartialDate,
}

/// `content/events/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFile {
    pub title: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub place: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub key_points: Vec<Claim>,
    #[serde(default)]
    pub citations: Vec<Citation>,
    #[serde(default)]
    pub related: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureValue {
    pub source: String,
    pub value: String,
    pub number: Option<f64>,
    pub quote: String,
    pub note: Option<String>,
}

/// `content/figures/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureFile {
    pub title: String,
    pub unit: Option<String>,
    pub summary: String,
    pub values: Vec<FigureValue>,
    #[serde(default)]
    pub related: Vec<String>,
    pub reviewed: PartialDate,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Rights {
    #[default]
    Full,
    Excerpts,
}

/// The front matter of `content/sources/<id>.md`; the article text follows it.
/// (Serialize is for `dossier add`, which writes it.)
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFrontMatter {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relays: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliability: Option<String>,
    #[serde(default)]
    pub rights: Rights,
}
