//! The content files as written: one typed record per file kind, read with serde.
//! Every record denies unknown fields, so a misspelt field is an error, not a silent
//! omission. Nothing here is resolved: ids are still plain strings (see `resolve`).

use serde::Deserialize;

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
