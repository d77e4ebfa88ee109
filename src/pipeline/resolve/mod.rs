//! Stage 2, resolve and check: turns the loaded files (`load::Raw`) into the resolved
//! `Dossier`. Every id is looked up, every quote located in its source paragraph, every
//! `[[link]]` followed; backlinks, mentions and corroboration are computed here, once,
//! so that every output only reads. All problems are collected, none stops the run.

mod aliases;
pub mod attribution;
mod backlinks;
mod cache;
mod checks;
mod citation;
pub mod copies;
mod items;
mod language;
pub mod mentions;
mod name_words;
mod names;
mod relays;
mod review;
mod rights;
mod sources;
pub mod spelling;
pub mod unknown_names;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::diagnostic::{find_token, suggestion, Diagnostic};
use crate::model::dossier::{Backlink, CitationRef, Claim, Dossier, Link, Via};
use crate::model::files as model;
use crate::model::kind::Kind;
use crate::pipeline::load::Raw;
use crate::text::markdown::{self, Target};

pub use cache::Cache;
pub use mentions::Mentions;
pub use sources::SourceText;

/// Every item's link, by id, and its one-line summary (for link previews).
pub struct Index {
    links: HashMap<String, Link>,
    summaries: HashMap<String, String>,
    names: names::Names,
    by_kind: BTreeMap<Kind, Vec<String>>,
    /// Ids of files that failed to load, with their kind: references to them are
    /// counted, not reported (the file's own error is the one to fix).
    broken: HashMap<String, Kind>,
}

impl Index {
    pub fn get(&self, id: &str) -> Option<&Link> {
        self.links.get(id)
    }

    fn ids<'a>(&'a self, kinds: &'a [Kind]) -> impl Iterator<Item = &'a str> + 'a {
        kinds.iter().flat_map(|k| self.by_kind.get(k).into_iter().flatten()).map(String::as_str)
    }
}

/// One content file being resolved: where errors in it are reported.
struct File<'a> {
    path: &'a Path,
    text: &'a str,
    /// How many times each needle has been located already, to report the n-th use.
    seen: HashMap<String, usize>,
    link: Link,
    /// Claim anchors given out on this file's page (see `backlinks::anchor`).
    anchors: HashSet<String>,
}

impl<'a> File<'a> {
    fn new(path: &'a Path, text: &'a str, link: Link) -> Self {
        File { path, text, seen: HashMap::new(), link, anchors: HashSet::new() }
    }

    /// An error at the next use of `needle` in this file (or at its top).
    fn error_at(&mut self, needle: &str, token: bool, message: String) -> Diagnostic {
        let n = self.seen.entry(needle.to_string()).or_insert(0);
        let found = if token { find_token(self.text, needle, *n) } else { nth_find(self.text, needle, *n) };
        *n += 1;
        match found {
            Some(offset) => Diagnostic::at_offset(self.path, self.text, offset, message),
            None => Diagnostic::new(self.path, 1, 1, message),
        }
    }
}

/// "a pillar", "an actor".
fn a(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {noun}")
}

fn nth_find(text: &str, needle: &str, nth: usize) -> Option<usize> {
    text.match_indices(needle).nth(nth).map(|(i, _)| i)
}

/// The state of a resolution run: lookups in, errors and references out.
pub struct Resolver<'r> {
    index: &'r Index,
    texts: &'r HashMap<String, std::sync::Arc<SourceText>>,
    errors: Vec<Diagnostic>,
    /// (target id, who refers to it)
    refs: Vec<(String, Backlink)>,
    cited_by: HashMap<String, Vec<backlinks::Citing>>,
    /// source id -> (paragraph index, byte range) of every cited quote
    marks: HashMap<String, Vec<(usize, usize, usize)>>,
    /// How many references to each broken file were skipped.
    skipped: BTreeMap<String, usize>,
}

impl<'r> Resolver<'r> {
    fn refer(&mut self, from: &Link, to: &str, via: Via) {
        if from.id == to {
            return;
        }
        let back = Backlink { kind: from.kind, title: from.title.clone(), url: from.url.clone(), via: vec![via] };
        self.refs.push((to.to_string(), back));
    }

    /// Resolves an id that must be one of `kinds`; records the reference.
    fn id(&mut self, file: &mut File, id: &str, kinds: &[Kind], via: Via) -> Option<Link> {
        let what = if kinds.len() >= Kind::ALL.len() {
            "item".to_string()
        } else {
            kinds.iter().map(|k| k.singular()).collect::<Vec<_>>().join(" or ")
        };
        match self.index.get(id) {
            Some(link) if kinds.contains(&link.kind) => {
                let link = link.clone();
                self.refer(&file.link.clone(), id, via);
                Some(link)
            }
            Some(link) => {
                let e = file.error_at(id, true, format!("`{id}` is {}, not {}", a(link.kind.singular()), a(&what)));
                self.errors.push(e.help(format!("use the id of {} here", a(&what))));
                None
            }
            None => match self.index.broken.get(id) {
                Some(kind) if kinds.contains(kind) => {
                    *self.skipped.entry(id.to_string()).or_default() += 1;
                    None
                }
                Some(kind) => {
                    let e = file.error_at(id, true, format!("`{id}` is {}, not {}", a(kind.singular()), a(&what)));
                    self.errors.push(e.help(format!("use the id of {} here", a(&what))));
                    None
                }
                None if !crate::model::kind::is_valid_id(id) => {
                    let e = file.error_at(id, true, format!("`{id}` is not an id"));
                    let fix = crate::model::kind::suggest_id(id);
                    self.errors.push(
                        e.help(format!("ids are file names without extension: lowercase a-z, 0-9 and -, e.g. `{fix}`")),
                    );
                    None
                }
                None => {
                    let help = suggestion(id, self.index.ids(kinds), &what);
                    let e = file.error_at(id, true, format!("unknown {what} `{id}`"));
                    self.errors.push(e.help(help));
                    None
                }
            },
        }
    }

    fn ids(&mut self, file: &mut File, ids: &[String], kinds: &[Kind], via: Via) -> Vec<Link> {
        ids.iter().filter_map(|id| self.id(file, id, kinds, via)).collect()
    }

    /// Renders a Markdown field; broken `[[links]]` become errors, good ones references.
    fn markdown(&mut self, file: &mut File, text: &str) -> String {
        self.rendered(file, text).html
    }

    /// Renders a Markdown field to HTML and its plain text (see `markdown`).
    fn rendered(&mut self, file: &mut File, text: &str) -> markdown::Rendered {
        let index = self.index;
        let resolve = |id: &str| {
            index.get(id).map(|l| Target {
                title: index.names.names.get(id).unwrap_or(&l.title).clone(),
                url: l.url.clone(),
                summary: index.summaries.get(id).cloned().unwrap_or_default(),
            })
        };
        let rendered = markdown::render(text, &resolve);
        self.check_names(file, text);
        for link in &rendered.links {
            self.refer(&file.link.clone(), link, Via::Link);
        }
        for bad in &rendered.broken {
            if self.index.broken.contains_key(&bad.id) {
                *self.skipped.entry(bad.id.clone()).or_default() += 1;
                continue;
            }
            let help = suggestion(&bad.id, self.index.ids(&Kind::ALL), "item");
            let e = file.error_at(&format!("[[{}", bad.id), false, format!("link to unknown item `[[{}]]`", bad.id));
            self.errors.push(e.help(help));
        }
        if let Some(depth) = rendered.too_deep {
            let first_line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
            let needle: String = first_line.chars().take(40).collect();
            let message =
                format!("this text nests elements {depth} deep; the limit is {}", crate::text::nesting::LIMIT);
            self.errors.push(file.error_at(&needle, false, message).help(
                "quotes, lists and HTML tags here are nested inside each other too deeply for a page: \
                 close the tags or flatten the quotes and lists",
            ));
        }
        rendered
    }

    /// Warns where a link would make its sentence read badly (see `names`).
    fn check_names(&mut self, file: &mut File, text: &str) {
        for w in names::wikilinks(text) {
            let Some(name) = self.index.names.names.get(w.id) else { continue };
            let needle = format!("[[{}]]", w.inner);
            if w.label.is_none() && self.index.names.sentence_like.contains(w.id) {
                let kind = self.index.get(w.id).map_or("item", |l| l.kind.singular());
                let file_name = self.index.get(w.id).map_or(String::new(), |l| l.url.replace(".html", ""));
                let ext = if file_name.starts_with("sources/") { "md" } else { "yaml" };
                let message = format!("`{needle}` puts the whole title \"{name}\" into this sentence");
                let e = file.error_at(&needle, false, message);
                self.errors.push(
                    e.help(format!(
                        "give the {kind} a short name for running text (`short: ...` in \
                         content/{file_name}.{ext}), or write the words to show here: `[[{}|...]]`",
                        w.id
                    ))
                    .warning(),
                );
            }
            let shown = w.label.unwrap_or(name);
            if let Some(before) = w.word_before.filter(|b| names::doubled(b, shown)) {
                let message = format!("\"{before} {shown}\" repeats \"{before}\" across the link `{needle}`");
                let e = file.error_at(&needle, false, message);
                let rest = shown.split_once(char::is_whitespace).map_or("", |(_, r)| r.trim());
                let fix = if rest.is_empty() {
                    format!("delete the \"{before}\" before the link")
                } else {
                    format!("delete the \"{before}\" before the link, or write `[[{}|{rest}]]`", w.id)
                };
                self.errors.push(e.help(fix).warning());
            }
        }
    }

    /// `claim` is what "Cited by" shows; `anchor` where on this file's page it stands.
    fn citations(&mut self, file: &mut File, cites: &[model::Citation], claim: &str, anchor: &str) -> Vec<CitationRef> {
        cites.iter().filter_map(|c| self.citation(file, &c.source, &c.quote, c.short, claim, anchor)).collect()
    }

    fn claim(&mut self, file: &mut File, text: &str, cites: &[model::Citation]) -> Claim {
        let rendered = self.rendered(file, text);
        let anchor = file.anchor(&rendered.plain);
        // What "cited by" lists show: links read as their names, not as ids.
        let citations = self.citations(file, cites, &rendered.plain, &anchor);
        claim_with(anchor, rendered.html, rendered.plain, citations)
    }
}

/// A claim with its corroboration counted.
fn claim_with(anchor: String, text: String, plain: String, citations: Vec<CitationRef>) -> Claim {
    let mut sources: Vec<&str> = citations.iter().map(|c| c.source.id.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    let mut origins: Vec<&str> = citations.iter().map(|c| c.origin.as_str()).collect();
    origins.sort_unstable();
    origins.dedup();
    let (sources, origins) = (sources.len(), origins.len());
    Claim { anchor, text, plain, citations, sources, origins, confidence: None }
}

/// Builds the index of every item, reporting duplicate ids across collections.
fn index(raw: &Raw, errors: &mut Vec<Diagnostic>) -> Index {
    let mut links: HashMap<String, Link> = HashMap::new();
    let mut paths: HashMap<&str, &Path> = HashMap::new();
    let mut by_kind: BTreeMap<Kind, Vec<String>> = BTreeMap::new();
    let names = names::names(raw);
    let name = |id: &str| names.names.get(id).cloned();
    let short = |md: &str| crate::text::truncate::excerpt(&markdown::plain_text(md, &name), 160);
    let mut summaries: HashMap<String, String> = HashMap::new();
    summaries.extend(raw.pillars.iter().map(|f| (f.id.clone(), short(&f.data.summary))));
    summaries.extend(raw.questions.iter().map(|f| (f.id.clone(), short(&f.data.why_it_matters))));
    summaries.extend(raw.actors.iter().map(|f| (f.id.clone(), short(&f.data.summary))));
    summaries.extend(
        raw.events
            .iter()
            .map(|f| (f.id.clone(), format!("{}: {}", raw.messages.date(&f.data.date), short(&f.data.summary)))),
    );
    summaries.extend(raw.figures.iter().map(|f| (f.id.clone(), short(&f.data.summary))));
    summaries.extend(raw.sources.iter().map(|f| {
        let by = f.data.front.publisher.clone().unwrap_or_else(|| raw.messages.get("source-capital"));
        let date = f.data.front.published.map_or_else(|| raw.messages.get("date-unknown"), |d| raw.messages.date(&d));
        (f.id.clone(), format!("{by}, {date}"))
    }));
    let mut all: Vec<(Kind, &str, &str, &Path)> = Vec::new();
    all.extend(raw.pillars.iter().map(|f| (Kind::Pillar, f.id.as_str(), f.data.title.as_str(), f.path.as_path())));
    all.extend(raw.questions.iter().map(|f| (Kind::Question, f.id.as_str(), f.data.title.as_str(), f.path.as_path())));
    all.extend(raw.actors.iter().map(|f| (Kind::Actor, f.id.as_str(), f.data.name.as_str(), f.path.as_path())));
    all.extend(raw.events.iter().map(|f| (Kind::Event, f.id.as_str(), f.data.title.as_str(), f.path.as_path())));
    all.extend(raw.figures.iter().map(|f| (Kind::Figure, f.id.as_str(), f.data.title.as_str(), f.path.as_path())));
    all.extend(
        raw.sources.iter().map(|f| (Kind::Source, f.id.as_str(), f.data.front.title.as_str(), f.path.as_path())),
    );
    for (kind, id, title, path) in all {
        if let Some(first) = paths.get(id) {
            errors.push(
                Diagnostic::new(path, 0, 0, format!("duplicate id `{id}`: {} already uses it", first.display()))
                    .help("ids are unique across the whole dossier; rename one of the two files"),
            );
            continue;
        }
        paths.insert(id, path);
        links.insert(id.to_string(), Link::new(kind, id, title));
        by_kind.entry(kind).or_default().push(id.to_string());
    }
    let broken = raw.broken.iter().filter(|b| !links.contains_key(&b.id)).map(|b| (b.id.clone(), b.kind)).collect();
    Index { links, summaries, names, by_kind, broken }
}

/// Resolves the whole dossier. Returns it only if there were no errors at all.
/// Reuses the per-source work of earlier resolutions kept in `cache` where a source's
/// inputs are unchanged, and refreshes it (a one-off build passes a cache that is off).
pub fn resolve(raw: &Raw, cache: &mut Cache) -> (Option<Dossier>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let index = index(raw, &mut errors);
    let texts = sources::prepare(&raw.sources, cache);
    let mut r = Resolver {
        index: &index,
        texts: &texts,
        errors: Vec::new(),
        refs: Vec::new(),
        cited_by: HashMap::new(),
        marks: HashMap::new(),
        skipped: BTreeMap::new(),
    };
    let meta = raw.dossier.as_ref().map(|d| items::meta(&mut r, d, &raw.questions));
    let pillars = raw.pillars.iter().map(|f| items::pillar(&mut r, f)).collect();
    let questions = raw.questions.iter().map(|f| items::question(&mut r, f)).collect();
    let mut actors: Vec<_> = raw.actors.iter().map(|f| items::actor(&mut r, f)).collect();
    let events = raw.events.iter().map(|f| items::event(&mut r, f)).collect();
    let figures = raw.figures.iter().map(|f| items::figure(&mut r, f)).collect();
    items::link_members(&mut actors);
    let alias_errors = aliases::check_aliases(&raw.actors);
    let names = raw.actors.iter().filter_map(|a| {
        let link = index.get(&a.id)?;
        Some(std::iter::once(&a.data.name).chain(&a.data.aliases).map(move |n| (n.as_str(), link)))
    });
    let mentions = Mentions::new(names.flatten());
    let spellings = spelling::Spellings::new(raw.actors.iter().filter_map(|a| {
        let link = index.get(&a.id)?;
        let names = std::iter::once(&a.data.name).chain(&a.data.aliases).map(String::as_str).collect();
        Some((link, a.data.kind == model::ActorKind::Person, names))
    }));
    let ignore = raw.dossier.as_ref().map_or(&[][..], |d| &d.data.ignore_names[..]);
    let name_rules = sources::NameRules { spellings, ignore };
    let (sources, mention_refs) = sources::resolve_sources(&mut r, &raw.sources, &mentions, &name_rules, cache);
    items::attach_mentions(&mut actors, mention_refs);
    errors.extend(r.errors);
    errors.extend(alias_errors);
    errors.extend(copies::undeclared(&raw.sources));
    errors.extend(checks::skipped(&raw.broken, &r.skipped));
    if let Some(d) = &raw.dossier {
        errors.extend(checks::after_as_of(raw, d.data.as_of));
    }
    // Warnings do not stop the build: they travel with the dossier.
    let (warnings, errors): (Vec<Diagnostic>, Vec<Diagnostic>) =
        errors.into_iter().partition(|e| e.severity == crate::diagnostic::Severity::Warning);
    let backlinks = backlinks::backlinks(r.refs);
    let Some(meta) = meta else {
        return (None, [errors, warnings].concat());
    };
    if !errors.is_empty() {
        return (None, [errors, warnings].concat());
    }
    let mut dossier = Dossier {
        meta,
        pillars,
        questions,
        actors,
        events,
        figures,
        sources,
        backlinks,
        review_queue: Vec::new(),
        unknown_names: Vec::new(),
        caseless_sources: Vec::new(),
        warnings,
        messages: Default::default(),
    };
    language::localise(&mut dossier, raw);
    review::flag_stale(&mut dossier);
    items::sort(&mut dossier);
    (Some(dossier), errors)
}
