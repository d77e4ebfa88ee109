//! Stage 2, resolve and check: turns the loaded files (`load::Raw`) into the resolved
//! `Dossier`. Every id is looked up, every quote located in its source paragraph, every
//! `[[link]]` followed; backlinks, mentions and corroboration are computed here, once,
//! so that every output only reads. All problems are collected, none stops the run.

mod cache;
mod items;
mod review;
mod sources;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::diagnostic::{find_token, suggestion, Diagnostic};
use crate::dossier::{Backlink, CitationRef, CitedBy, Claim, Dossier, Link};
use crate::load::{Kind, Raw};
use crate::markdown::{self, Target};
use crate::model;

pub use cache::{hash_of, Cache};
pub use sources::{Mentions, SourceText};

/// Every item's link, by id, and its one-line summary (for link previews).
pub struct Index {
    links: HashMap<String, Link>,
    summaries: HashMap<String, String>,
    by_kind: BTreeMap<Kind, Vec<String>>,
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
}

impl<'a> File<'a> {
    fn new(path: &'a Path, text: &'a str, link: Link) -> Self {
        File { path, text, seen: HashMap::new(), link }
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
    cited_by: HashMap<String, Vec<CitedBy>>,
    /// source id -> (paragraph index, byte range) of every cited quote
    marks: HashMap<String, Vec<(usize, usize, usize)>>,
}

impl<'r> Resolver<'r> {
    fn refer(&mut self, from: &Link, to: &str, via: &str) {
        if from.id == to {
            return;
        }
        let back = Backlink { kind: from.kind, title: from.title.clone(), url: from.url.clone(), via: via.to_string() };
        self.refs.push((to.to_string(), back));
    }

    /// Resolves an id that must be one of `kinds`; records the reference.
    fn id(&mut self, file: &mut File, id: &str, kinds: &[Kind], via: &str) -> Option<Link> {
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
                let e = file.error_at(id, true, format!("`{id}` is a {}, not a {what}", link.kind.singular()));
                self.errors.push(e.help(format!("use the id of a {what} here")));
                None
            }
            None => {
                let help = suggestion(id, self.index.ids(kinds), &what);
                let e = file.error_at(id, true, format!("unknown {what} `{id}`"));
                self.errors.push(e.help(help));
                None
            }
        }
    }

    fn ids(&mut self, file: &mut File, ids: &[String], kinds: &[Kind], via: &str) -> Vec<Link> {
        ids.iter().filter_map(|id| self.id(file, id, kinds, via)).collect()
    }

    /// Renders a Markdown field; broken `[[links]]` become errors, good ones references.
    fn markdown(&mut self, file: &mut File, text: &str) -> String {
        let index = self.index;
        let resolve = |id: &str| {
            index.get(id).map(|l| Target {
                title: l.title.clone(),
                url: l.url.clone(),
                summary: index.summaries.get(id).cloned().unwrap_or_default(),
            })
        };
        let rendered = markdown::render(text, &resolve);
        for link in &rendered.links {
            self.refer(&file.link.clone(), link, "link");
        }
        for bad in rendered.broken {
            let help = suggestion(&bad.id, self.index.ids(&Kind::ALL), "item");
            let e = file.error_at(&format!("[[{}", bad.id), false, format!("link to unknown item `[[{}]]`", bad.id));
            self.errors.push(e.help(help));
        }
        rendered.html
    }

    /// Verifies one citation and records it on its source.
    fn citation(&mut self, file: &mut File, source: &str, quote: &str, claim: &str) -> Option<CitationRef> {
        let link = self.id(file, source, &[Kind::Source], "citation")?;
        let text = self.texts.get(source)?;
        match text.locate(quote) {
            Some((index, start, end)) => {
                self.marks.entry(source.to_string()).or_default().push((index, start, end));
                let paragraph = index + 1;
                self.cited_by.entry(source.to_string()).or_default().push(CitedBy {
                    item: file.link.clone(),
                    text: claim.to_string(),
                    quote: quote.to_string(),
                    paragraph,
                });
                let para = &text.paragraphs[index];
                let context = if para.chars().count() > 420 {
                    para.chars().take(419).collect::<String>() + "…"
                } else {
                    para.clone()
                };
                Some(CitationRef {
                    context,
                    url: format!("{}#p{paragraph}", link.url),
                    source: link,
                    quote: quote.to_string(),
                    paragraph,
                    origin: text.origin.clone(),
                })
            }
            None => {
                let needle = quote.chars().take(40).collect::<String>();
                let message = if quote.trim().is_empty() {
                    "empty quote".to_string()
                } else {
                    format!(
                        "quote not found in source `{source}`: \"{needle}{}\"",
                        if quote.len() > needle.len() { "..." } else { "" }
                    )
                };
                // Sources in file-name order, so the suggestion is the same on every run.
                let texts = self.texts;
                let elsewhere = self.index.ids(&[Kind::Source]).filter(|id| *id != source).find_map(|id| {
                    let (i, _, _) = texts.get(id)?.locate(quote)?;
                    Some(format!("these words are in `{id}`, paragraph {}: cite that source", i + 1))
                });
                let help = elsewhere.unwrap_or_else(|| {
                    "copy the words exactly from one paragraph of the source (case, spaces, quote marks and dashes may differ)".into()
                });
                let e = file.error_at(&needle, false, message);
                self.errors.push(e.help(help));
                None
            }
        }
    }

    fn citations(&mut self, file: &mut File, cites: &[model::Citation], claim: &str) -> Vec<CitationRef> {
        cites.iter().filter_map(|c| self.citation(file, &c.source, &c.quote, claim)).collect()
    }

    fn claim(&mut self, file: &mut File, text: &str, cites: &[model::Citation]) -> Claim {
        let html = self.markdown(file, text);
        // What "cited by" lists show: links read as their labels, not as ids.
        let plain = markdown::plain_text_of_html(&html);
        let citations = self.citations(file, cites, &plain);
        claim_with(html, citations)
    }
}

/// A claim with its corroboration counted.
fn claim_with(text: String, citations: Vec<CitationRef>) -> Claim {
    let mut sources: Vec<&str> = citations.iter().map(|c| c.source.id.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    let mut origins: Vec<&str> = citations.iter().map(|c| c.origin.as_str()).collect();
    origins.sort_unstable();
    origins.dedup();
    let (sources, origins) = (sources.len(), origins.len());
    Claim { text, citations, sources, origins, confidence: None }
}

/// Builds the index of every item, reporting duplicate ids across collections.
fn index(raw: &Raw, errors: &mut Vec<Diagnostic>) -> Index {
    let mut links: HashMap<String, Link> = HashMap::new();
    let mut paths: HashMap<&str, &Path> = HashMap::new();
    let mut by_kind: BTreeMap<Kind, Vec<String>> = BTreeMap::new();
    let short = |md: &str| {
        let text = markdown::plain_text(md);
        if text.chars().count() > 160 {
            text.chars().take(159).collect::<String>() + "…"
        } else {
            text
        }
    };
    let mut summaries: HashMap<String, String> = HashMap::new();
    summaries.extend(raw.pillars.iter().map(|f| (f.id.clone(), short(&f.data.summary))));
    summaries.extend(raw.questions.iter().map(|f| (f.id.clone(), short(&f.data.why_it_matters))));
    summaries.extend(raw.actors.iter().map(|f| (f.id.clone(), short(&f.data.summary))));
    summaries.extend(
        raw.events.iter().map(|f| (f.id.clone(), format!("{}: {}", f.data.date.human(), short(&f.data.summary)))),
    );
    summaries.extend(raw.figures.iter().map(|f| (f.id.clone(), short(&f.data.summary))));
    summaries.extend(raw.sources.iter().map(|f| {
        let by = f.data.front.publisher.clone().unwrap_or_else(|| "Source".into());
        let date = f.data.front.published.map_or_else(|| "date unknown".into(), |d| d.human());
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
    Index { links, summaries, by_kind }
}

/// Resolves the whole dossier. Returns it only if there were no errors at all.
pub fn resolve(raw: &Raw) -> (Option<Dossier>, Vec<Diagnostic>) {
    resolve_cached(raw, None)
}

/// Like `resolve`, reusing the per-source work of earlier resolutions kept in `cache`
/// where a source's inputs are unchanged (and refreshing the cache).
pub fn resolve_cached(raw: &Raw, mut cache: Option<&mut Cache>) -> (Option<Dossier>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let index = index(raw, &mut errors);
    let texts = sources::prepare(&raw.sources, cache.as_deref_mut());
    let mut r = Resolver {
        index: &index,
        texts: &texts,
        errors: Vec::new(),
        refs: Vec::new(),
        cited_by: HashMap::new(),
        marks: HashMap::new(),
    };
    let meta = raw.dossier.as_ref().map(|d| items::meta(&mut r, d, &raw.questions));
    let pillars = raw.pillars.iter().map(|f| items::pillar(&mut r, f)).collect();
    let questions = raw.questions.iter().map(|f| items::question(&mut r, f)).collect();
    let mut actors: Vec<_> = raw.actors.iter().map(|f| items::actor(&mut r, f)).collect();
    let events = raw.events.iter().map(|f| items::event(&mut r, f)).collect();
    let figures = raw.figures.iter().map(|f| items::figure(&mut r, f)).collect();
    items::link_members(&mut actors);
    let alias_errors = sources::check_aliases(&raw.actors);
    let mentions = sources::Mentions::new(&raw.actors, &index);
    let (sources, mention_refs) = sources::resolve_sources(&mut r, &raw.sources, &mentions, cache);
    items::attach_mentions(&mut actors, mention_refs);
    errors.extend(r.errors);
    errors.extend(alias_errors);
    let backlinks = backlinks(r.refs);
    let Some(meta) = meta else {
        return (None, errors);
    };
    if !errors.is_empty() {
        return (None, errors);
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
    };
    review::flag_stale(&mut dossier);
    items::sort(&mut dossier);
    (Some(dossier), errors)
}

fn backlinks(refs: Vec<(String, Backlink)>) -> BTreeMap<String, Vec<Backlink>> {
    let mut map: BTreeMap<String, Vec<Backlink>> = BTreeMap::new();
    for (to, back) in refs {
        map.entry(to).or_default().push(back);
    }
    for list in map.values_mut() {
        list.sort();
        list.dedup();
    }
    map
}
