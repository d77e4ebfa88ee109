//! Source articles: their paragraphs, quote lookup, actor mentions and the segments
//! (plain, highlighted, linked) each paragraph is shown as.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use std::sync::Arc;

use super::cache::{Cache, ResolvedSource};
use super::mentions::Mentions;
use super::rights::{original_url, paragraph_url, Shown};
use super::spelling::Spellings;
use super::unknown_names::unknown_names;
use super::{File, Resolver};
use crate::hash::hash_of;
use crate::model::dossier::{
    ActorCount, CitedParagraph, Head, Link, Mention, NameCount, Paragraph, Segment, Source, WordForm,
};
use crate::model::kind::Kind;
use crate::model::source_file::right_to_left;
use crate::pipeline::load::{Loaded, SourceData};
use crate::text::paragraphs::{self, BlockKind};
use crate::text::quote;

/// A source's text, split into paragraphs once for every quote looked up in it.
#[derive(Clone)]
pub struct SourceText {
    pub paragraphs: Vec<String>,
    pub kinds: Vec<BlockKind>,
    /// Sources with the same origin are not independent of each other.
    pub origin: String,
}

impl SourceText {
    /// (paragraph index, byte range in that paragraph) of a quote.
    pub fn locate(&self, quote: &str) -> Result<(usize, usize, usize), quote::Miss> {
        // Normalised per lookup, not kept: few sources are cited, and a kept copy of
        // every source's text would be one more copy of the whole corpus in memory.
        let normalised: Vec<String> = self.paragraphs.iter().map(|p| quote::normalise(p)).collect();
        quote::locate(quote, &self.paragraphs, &normalised).map(|(i, (s, e))| (i, s, e))
    }
}

/// Splits and normalises every source, reusing cached results for unchanged ones.
pub fn prepare(sources: &[Loaded<SourceData>], cache: &mut Cache) -> HashMap<String, Arc<SourceText>> {
    let earlier = &cache.texts;
    let prepared: Vec<(String, u64, Arc<SourceText>)> = sources
        .par_iter()
        .map(|s| {
            let key = hash_of(&(s.body(), &s.data.front.relays));
            let text = earlier.get(&s.id, key).unwrap_or_else(|| Arc::new(prepare_one(s)));
            (s.id.clone(), key, text)
        })
        .collect();
    cache.texts.keep(prepared.iter().map(|(id, key, text)| (id.clone(), *key, Arc::clone(text))));
    let mut texts: HashMap<String, Arc<SourceText>> = prepared.into_iter().map(|(id, _, text)| (id, text)).collect();
    super::relays::relayed_sources(&mut texts, sources);
    texts
}

fn prepare_one(s: &Loaded<SourceData>) -> SourceText {
    {
        {
            let blocks = paragraphs::split(s.body());
            let kinds = blocks.iter().map(|b| b.kind).collect();
            let paragraphs = blocks.into_iter().map(|b| b.text).collect();
            SourceText { paragraphs, kinds, origin: super::relays::origin(&s.id, s.data.front.relays.as_deref()) }
        }
    }
}

/// Splits a paragraph into runs: highlighted where `marks` cover it, linked where
/// `links` say. A link is never split, so a name stays one link.
pub fn segments(text: &str, marks: &[(usize, usize)], links: &[(usize, usize, String)]) -> Vec<Segment> {
    let inside_link = |at: usize| links.iter().any(|(s, e, _)| *s < at && at < *e);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (s, e) in marks {
        cuts.extend([*s, *e]);
    }
    for (s, e, _) in links {
        cuts.extend([*s, *e]);
    }
    cuts.retain(|c| *c <= text.len() && text.is_char_boundary(*c) && !inside_link(*c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mark = marks.iter().any(|(s, e)| *s < b && *e > a);
        let href = links.iter().find(|(s, e, _)| *s <= a && b <= *e).map(|(_, _, h)| h.clone());
        match out.last_mut() {
            Some(last) if last.mark == mark && last.href.is_none() && href.is_none() => last.text.push_str(&text[a..b]),
            _ => out.push(Segment { text: text[a..b].to_string(), mark, href, mark_open: false, mark_close: false }),
        }
    }
    let marked: Vec<bool> = out.iter().map(|s| s.mark).collect();
    for (i, seg) in out.iter_mut().enumerate() {
        let before = i.checked_sub(1).is_some_and(|j| marked[j]);
        let after = marked.get(i + 1).copied().unwrap_or(false);
        seg.mark_open = seg.mark && !before;
        seg.mark_close = seg.mark && !after;
    }
    out
}

fn snippet(text: &str, at: usize) -> String {
    let start = text[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let end = text[at..].char_indices().nth(120).map_or(text.len(), |(i, _)| at + i);
    // Whole words only: the window shrinks to the nearest spaces inside it.
    let start = if start == 0 || text[..start].ends_with(char::is_whitespace) {
        start
    } else {
        text[start..at].find(char::is_whitespace).map_or(at, |i| start + i + 1)
    };
    let end = if end == text.len() || text[end..].starts_with(char::is_whitespace) {
        end
    } else {
        text[at..end].rfind(char::is_whitespace).map_or(end, |i| at + i)
    };
    format!("{}{}{}", if start > 0 { "…" } else { "" }, &text[start..end], if end < text.len() { "…" } else { "" })
}

type ActorMentions = BTreeMap<String, Vec<Mention>>;

/// How one source names one actor: how often, and first where the site shows it.
struct Named {
    actor: Link,
    count: usize,
    /// (paragraph number, snippet) of the first mention in a shown paragraph.
    first: Option<(usize, String)>,
    /// Word forms a stem alias (`Коваленк*`) matched, with how often.
    forms: BTreeMap<String, usize>,
}

/// What decides which names in a source are reported, and as whose new spelling.
pub struct NameRules<'a> {
    pub spellings: Spellings,
    /// `ignore_names` in dossier.yaml.
    pub ignore: &'a [String],
}

/// Builds every source page's record, and each actor's mentions across sources.
pub fn resolve_sources(
    r: &mut Resolver,
    raw: &[Loaded<SourceData>],
    mentions: &Mentions,
    names: &NameRules,
    cache: &mut Cache,
) -> (Vec<Source>, ActorMentions) {
    struct Input<'a> {
        loaded: &'a Loaded<SourceData>,
        link: Link,
        reliability: Option<String>,
        /// The reliability note as plain text (the source's one-line summary).
        reliability_plain: String,
        marks: Vec<(usize, usize, usize)>,
        cited_by: Vec<CitedParagraph>,
    }
    let mut inputs = Vec::with_capacity(raw.len());
    for s in raw {
        let link = Link::new(Kind::Source, &s.id, &s.data.front.title);
        let mut file = File::new(&s.path, &s.text, link.clone());
        let rendered = s.data.front.reliability.as_ref().map(|t| r.rendered(&mut file, t));
        let (reliability, reliability_plain) = match rendered {
            Some(note) => (Some(note.html), note.plain),
            None => (None, String::new()),
        };
        let marks = r.marks.remove(&s.id).unwrap_or_default();
        let cited_by = super::backlinks::group(r.cited_by.remove(&s.id).unwrap_or_default());
        inputs.push(Input { loaded: s, link, reliability, reliability_plain, marks, cited_by });
    }
    let texts = r.texts;
    let index = r.index;
    let earlier = &cache.sources;
    let built: Vec<(u64, Arc<ResolvedSource>)> = inputs
        .into_par_iter()
        .map(|input| {
            let s = input.loaded;
            // A source relaying another source by id shows that source's headline.
            let relays_shown = s.data.front.relays.as_deref().map(|rel| match index.get(rel.trim()) {
                Some(l) if l.kind == Kind::Source => format!("\u{201c}{}\u{201d}", l.title),
                _ => rel.to_string(),
            });
            let key = hash_of(&(
                s.body(),
                &s.data.front,
                &input.link,
                &input.reliability,
                &input.marks,
                &input.cited_by,
                (&texts[&s.id].origin, &relays_shown),
                mentions.fingerprint,
                names.spellings.fingerprint,
                names.ignore,
            ));
            if let Some(done) = earlier.get(&s.id, key) {
                return (key, done);
            }
            let text = &texts[&s.id];
            let link = input.link;
            let front = &s.data.front;
            // Everything below takes source text only through `shown` (see `rights`).
            let shown = Shown::new(&text.paragraphs, front.rights, |i| input.marks.iter().any(|m| m.0 == i));
            let original = original_url(front.url.as_deref());
            let mut counts: BTreeMap<String, Named> = BTreeMap::new();
            let mut paragraphs = Vec::with_capacity(text.paragraphs.len());
            for (i, full) in text.paragraphs.iter().enumerate() {
                let para = shown.get(i);
                let mut links = Vec::new();
                // Matched in the full text so counts say how often the article names an
                // actor; positions, not words, are all that is taken from a hidden paragraph.
                for found in mentions.find_forms(full) {
                    let (start, end, actor) = (found.start, found.end, found.actor);
                    let named = counts.entry(actor.id.clone()).or_insert_with(|| Named {
                        actor: actor.clone(),
                        count: 0,
                        first: None,
                        forms: BTreeMap::new(),
                    });
                    named.count += 1;
                    if found.by_stem {
                        *named.forms.entry(crate::text::compare::compared(&full[start..end])).or_default() += 1;
                    }
                    let Some(para) = para else { continue };
                    named.first.get_or_insert_with(|| (i + 1, snippet(para, start)));
                    // Link only an actor's first mention in each paragraph.
                    if !links.iter().any(|(_, _, h): &(usize, usize, String)| *h == actor.url) {
                        links.push((start, end, actor.url.clone()));
                    }
                }
                let Some(para) = para else { continue };
                let marks: Vec<(usize, usize)> = input.marks.iter().filter(|m| m.0 == i).map(|m| (m.1, m.2)).collect();
                paragraphs.push(Paragraph {
                    n: i + 1,
                    kind: text.kinds[i],
                    segments: segments(para, &marks, &links),
                    cited: !marks.is_empty(),
                });
            }
            let mut actors: Vec<ActorCount> =
                counts.values().map(|n| ActorCount { actor: n.actor.clone(), count: n.count }).collect();
            actors.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.actor.title.cmp(&b.actor.title)));
            let found: Vec<(String, Mention)> = counts
                .into_iter()
                .map(|(id, Named { count, first, forms, .. })| {
                    let (paragraph, snippet) = first.map_or((None, String::new()), |(n, s)| (Some(n), s));
                    let url = paragraph_url(&link, paragraph, original.as_deref());
                    let forms = forms.into_iter().map(|(form, count)| WordForm { form, count }).collect();
                    (id, Mention { source: link.clone(), count, paragraph, snippet, url, forms })
                })
                .collect();
            let shown_blocks = (0..text.paragraphs.len()).filter_map(|i| shown.get(i).map(|p| (p, text.kinds[i])));
            let caseless = super::unknown_names::caseless(text.paragraphs.iter().map(String::as_str));
            let unknown_names =
                if caseless { Vec::new() } else { unknown_names(shown_blocks, mentions, names.ignore, 50) }
                    .into_iter()
                    .map(|(name, count)| {
                        let spelling_of = names.spellings.propose(&name).cloned();
                        NameCount { name, count, spelling_of }
                    })
                    .collect();
            // From the same Markdown events as the note, so its `[[links]]` read as names.
            let summary = input.reliability_plain;
            let summary = crate::text::truncate::excerpt(&summary, 200);
            let source = Source {
                head: Head { link, summary_text: summary, reviewed: None, stale: None },
                publisher: front.publisher.clone(),
                external_url: front.url.clone(),
                published: front.published,
                published_human: front.published.map(|d| d.human()),
                retrieved: front.retrieved,
                // A source relaying another source by id shows that source's headline.
                relays: relays_shown,
                origin: text.origin.clone(),
                reliability: input.reliability,
                rights: front.rights,
                paragraphs,
                paragraph_count: text.paragraphs.len(),
                cited_by: input.cited_by,
                actors,
                unknown_names,
                caseless,
                language: front.language.as_ref().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()),
                dir: front.language.as_deref().map(|l| if right_to_left(l.trim()) { "rtl" } else { "ltr" }),
                key,
            };
            (key, Arc::new(ResolvedSource { source, mentions: found }))
        })
        .collect();
    let mut by_actor: ActorMentions = BTreeMap::new();
    let mut sources = Vec::with_capacity(built.len());
    for (_, done) in &built {
        for (actor, m) in &done.mentions {
            by_actor.entry(actor.clone()).or_default().push(m.clone());
        }
    }
    if cache.sources.is_on() {
        cache.sources.keep(raw.iter().zip(&built).map(|(s, (key, done))| (s.id.clone(), *key, Arc::clone(done))));
        sources.extend(built.iter().map(|(_, done)| done.source.clone()));
    } else {
        // Nothing is kept: take the sources out instead of copying them.
        sources.extend(built.into_iter().map(|(_, done)| match Arc::try_unwrap(done) {
            Ok(done) => done.source,
            Err(shared) => shared.source.clone(),
        }));
    }
    (sources, by_actor)
}

#[cfg(test)]
mod tests {
    use super::super::relays::origin;
    use super::*;

    #[test]
    fn segments_mark_and_link_without_splitting_links() {
        let text = "Macron said the force would stay away.";
        let segs = segments(text, &[(3, 21)], &[(0, 6, "actors/macron.html".into())]);
        let shown: Vec<(&str, bool, bool)> = segs.iter().map(|s| (s.text.as_str(), s.mark, s.href.is_some())).collect();
        assert_eq!(
            shown,
            [("Macron", true, true), (" said the force", true, false), (" would stay away.", false, false)]
        );
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, text);
        // One highlight across the link: opened before "Macron", closed after "force".
        let edges: Vec<(bool, bool)> = segs.iter().map(|s| (s.mark_open, s.mark_close)).collect();
        assert_eq!(edges, [(true, false), (false, true), (false, false)]);
    }

    #[test]
    fn mentions_respect_word_edges_longest_match_and_case() {
        let m =
            Mentions::from_names(&[("eu", "EU"), ("trump", "Trump"), ("donald-trump", "Donald Trump"), ("us", "US")]);
        fn found<'t>(m: &Mentions, text: &'t str) -> Vec<(&'t str, String)> {
            m.find(text).into_iter().map(|(s, e, l)| (&text[s..e], l.id.clone())).collect()
        }
        assert!(found(&m, "Europe and the EUR zone").is_empty(), "no match inside other words");
        assert_eq!(
            found(&m, "the EU, said Donald Trump."),
            [("EU", "eu".to_string()), ("Donald Trump", "donald-trump".into())]
        );
        assert_eq!(found(&m, "Trump told us."), [("Trump", "trump".to_string())], "\"us\" is not the US");
    }

    #[test]
    fn empty_names_never_match() {
        // Found by the fuzz target `mentions` (names `""`, text `"`).
        assert!(Mentions::from_names(&[("a", ""), ("b", "  ")]).find("\"").is_empty());
    }

    #[test]
    fn a_copy_relaying_a_source_by_id_shares_its_origin() {
        let source = |id: &str, relays: Option<&str>| Loaded {
            id: id.to_string(),
            path: format!("{id}.md").into(),
            text: String::new(),
            data: SourceData {
                front: serde_yaml::from_str(&format!(
                    "title: T\npublished: null\n{}",
                    relays.map(|r| format!("relays: {r}\n")).unwrap_or_default()
                ))
                .unwrap(),
                body_offset: 0,
            },
            stamp: None,
        };
        let all = [
            source("orig", Some("Reuters")),
            source("copy", Some("orig")),
            source("copy-of-copy", Some("copy")),
            source("loop-a", Some("loop-b")),
            source("loop-b", Some("loop-a")),
        ];
        let texts = prepare(&all, &mut Cache::default());
        assert_eq!(texts["copy"].origin, "reuters");
        assert_eq!(texts["copy-of-copy"].origin, "reuters");
        assert_eq!(texts["loop-a"].origin, texts["loop-a"].origin, "a loop ends");
    }

    #[test]
    fn origins_merge_relays_of_one_outlet() {
        assert_eq!(origin("a", Some("The New York Times")), origin("b", Some("New York Times ")));
        assert_ne!(origin("a", None), origin("b", None));
    }
}
