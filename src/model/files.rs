//! The content files as written: one typed record per file kind, read with serde.
//! Every record denies unknown fields, so a misspelt field is an error, not a silent
//! omission. Nothing here is resolved: ids are still plain strings (see `resolve`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::PartialDate;

use crate::model::fields;

pub use crate::model::labels::Labels;
pub use crate::model::source_file::{Rights, SourceFrontMatter};

/// `{source: <id>, quote: "exact words"}`: where a claim comes from.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The id of a file in `content/sources/` (its file name without `.md`).
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::id_schema")]
    pub source: String,
    /// Whole words copied exactly from one paragraph of that source; checked at every
    /// build (case, whitespace, typographic quotes and dashes do not matter). At least
    /// three words or twenty characters, unless `short` is true.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub quote: String,
    /// True when a quote under three words and twenty characters is short on purpose.
    #[serde(default)]
    pub short: bool,
}

/// A statement (Markdown) and the citations that support it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The statement, in Markdown; `[[id]]` links to any item.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub text: String,
    /// The sources behind it: `{source: <id>, quote: "exact words"}`.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
/// How sure the dossier is of a key judgment.
pub enum Confidence {
    Low,
    Moderate,
    High,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// A key judgment: a statement, how sure the dossier is of it, and its sources.
pub struct KeyJudgment {
    /// The judgment, in Markdown.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub text: String,
    /// low | moderate | high.
    pub confidence: Option<Confidence>,
    /// The sources behind it: `{source: <id>, quote: "exact words"}`.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// An indicator to watch: a development that would move an open question, and the
/// source that says why it matters.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What to watch for, in Markdown; `[[id]]` links to any item.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub text: String,
    /// The id of the open question this would help settle.
    pub question: Option<String>,
    /// The sources that say why it matters: `{source: <id>, quote: "exact words"}`.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// `content/dossier.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DossierFile {
    /// The dossier's title, shown on every page.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// The date the dossier speaks for: YYYY-MM-DD, YYYY-MM or YYYY, ~ for approximate.
    pub as_of: PartialDate,
    /// The language of the pages (an HTML `lang` code), default `en`.
    #[serde(default = "default_language", deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub language: String,
    /// Where the site will be published, e.g. `https://example.org/dossier/`; only for the
    /// feed, sitemap and canonical links. `dossier build --base-url` overrides it.
    #[schemars(regex(pattern = fields::WEB_ADDRESS))]
    pub base_url: Option<String>,
    /// The theme: `default` (built in) or the name of a folder under `themes/`.
    #[serde(default = "default_theme", deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub theme: String,
    /// The bottom line up front, in Markdown, shown first on the home page.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub bottom_line: String,
    /// Judgments with their confidence and sources, shown under the bottom line.
    #[serde(default)]
    pub key_judgments: Vec<KeyJudgment>,
    /// What to watch: developments that would settle open questions, shown after the key
    /// judgments.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// The words the theme shows for sections and kinds of item, e.g. `pillars: Workstreams`.
    #[serde(default)]
    pub labels: Labels,
    /// Names `dossier add` and `dossier check` never list as matching no actor, e.g.
    /// `[Reuters Staff, Editors]` (compared ignoring letter case).
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::NOT_BLANK)))]
    pub ignore_names: Vec<String>,
}

fn default_language() -> String {
    "en".into()
}

fn default_theme() -> String {
    "default".into()
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "kebab-case")]
/// Where a pillar stands.
pub enum PillarStatus {
    Agreed,
    Proposed,
    UnderNegotiation,
    Disputed,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// An actor's part in a pillar.
pub struct ActorRole {
    /// An actor id.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::id_schema")]
    pub actor: String,
    /// What the actor does in this pillar, plain text.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub role: String,
}

/// `content/pillars/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PillarFile {
    /// The pillar's title.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub title: String,
    /// A short name for running text, shown where a bare `[[id]]` stands in a sentence
    /// (default: the title). A few words, e.g. "the monitoring mechanism".
    pub short: Option<String>,
    /// Its position in lists, ascending.
    #[schemars(range(max = u32::MAX))]
    pub order: u32,
    /// agreed | proposed | under-negotiation | disputed.
    pub status: PillarStatus,
    /// What the pillar is, in Markdown.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub summary: String,
    /// Statements with their sources.
    #[serde(default)]
    pub key_points: Vec<Claim>,
    /// Who is involved, and how: `{actor: <id>, role: ...}`.
    #[serde(default)]
    pub actors: Vec<ActorRole>,
    /// Ids of related questions.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::ID_PATTERN)))]
    pub questions: Vec<String>,
    /// Ids of any other related items.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::ID_PATTERN)))]
    pub related: Vec<String>,
    /// When an editor last checked this item against its sources (YYYY-MM-DD).
    pub reviewed: PartialDate,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
/// What sort of actor.
pub enum ActorKind {
    Person,
    State,
    Organisation,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// Where an actor stands on a pillar or question.
pub struct Position {
    /// A pillar or question id. Quote the key in YAML: `"on":`.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::id_schema")]
    pub on: String,
    /// The position, in Markdown.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub text: String,
    /// The sources behind it.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// `content/actors/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActorFile {
    /// The actor's name; found in every source and linked to this page.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub name: String,
    /// person | state | organisation.
    pub kind: ActorKind,
    /// Every other spelling the sources use; each is found and linked like the name.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::NOT_BLANK)))]
    pub aliases: Vec<String>,
    /// What the actor is, plain text.
    pub role: Option<String>,
    /// Another actor's id: the organisation or state this one belongs to.
    #[schemars(regex(pattern = fields::ID_PATTERN))]
    pub affiliation: Option<String>,
    /// Who this is and why they matter, in Markdown.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub summary: String,
    /// Where the actor stands, each on a pillar or question.
    #[serde(default)]
    pub positions: Vec<Position>,
    /// Ids of any related items.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::ID_PATTERN)))]
    pub related: Vec<String>,
    /// When an editor last checked this item against its sources (YYYY-MM-DD).
    pub reviewed: PartialDate,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
/// Whether a question is still open.
pub enum QuestionStatus {
    Open,
    Resolved,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// An actor's position on a question.
pub struct ActorPosition {
    /// An actor id.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::id_schema")]
    pub actor: String,
    /// The position, in Markdown.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub text: String,
    /// The sources behind it.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// `content/questions/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    /// The question itself.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub title: String,
    /// A short name for running text, shown where a bare `[[id]]` stands in a sentence
    /// (default: the title). A few words, e.g. "the ratification question".
    pub short: Option<String>,
    /// open | resolved.
    pub status: QuestionStatus,
    /// Why the answer matters, in Markdown.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub why_it_matters: String,
    /// What would settle it, in Markdown.
    pub would_resolve: Option<String>,
    /// Statements with their sources.
    #[serde(default)]
    pub evidence: Vec<Claim>,
    /// Each actor's position: `{actor: <id>, text: ..., citations: [...]}`.
    #[serde(default)]
    pub positions: Vec<ActorPosition>,
    /// Ids of related pillars.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::ID_PATTERN)))]
    pub pillars: Vec<String>,
    /// Ids of any other related items.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::ID_PATTERN)))]
    pub related: Vec<String>,
    /// When an editor last checked this item against its sources (YYYY-MM-DD).
    pub reviewed: PartialDate,
}

/// `content/events/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventFile {
    /// What happened.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub title: String,
    /// A short name for running text, shown where a bare `[[id]]` stands in a sentence
    /// (default: the title). A few words, e.g. "the Paris meeting".
    pub short: Option<String>,
    /// When: YYYY-MM-DD, YYYY-MM or YYYY, with a leading ~ if approximate (then quote it).
    pub date: PartialDate,
    /// The last day, for an event that spans several.
    pub end: Option<PartialDate>,
    /// Where.
    pub place: Option<String>,
    /// What happened, in Markdown.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub summary: String,
    /// Ids of the actors involved.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::ID_PATTERN)))]
    pub actors: Vec<String>,
    /// Statements with their sources.
    #[serde(default)]
    pub key_points: Vec<Claim>,
    /// The sources that report the event: at least one.
    #[schemars(length(min = 1))]
    pub citations: Vec<Citation>,
    /// Ids of any related items.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::ID_PATTERN)))]
    pub related: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// One source's report of a figure.
pub struct FigureValue {
    /// A source id.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::id_schema")]
    pub source: String,
    /// The value as the source puts it, e.g. "about 800".
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub value: String,
    /// The value as a number, so that rows can be compared (a finite number: not .nan or .inf).
    #[serde(default, deserialize_with = "fields::finite")]
    pub number: Option<f64>,
    /// The source's exact words, checked like a citation.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub quote: String,
    /// True when a quote under three words and twenty characters is short on purpose.
    #[serde(default)]
    pub short: bool,
    /// A remark on this row.
    pub note: Option<String>,
}

/// `content/figures/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureFile {
    /// What is measured.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub title: String,
    /// A short name for running text, shown where a bare `[[id]]` stands in a sentence
    /// (default: the title). A few words, e.g. "the force's size".
    pub short: Option<String>,
    /// The unit of `number`, e.g. "people".
    pub unit: Option<String>,
    /// What the figure is, in Markdown.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub summary: String,
    /// One row per source report.
    pub values: Vec<FigureValue>,
    /// Ids of any related items.
    #[serde(default)]
    #[schemars(inner(regex(pattern = fields::ID_PATTERN)))]
    pub related: Vec<String>,
    /// When an editor last checked this item against its sources (YYYY-MM-DD).
    pub reviewed: PartialDate,
}
