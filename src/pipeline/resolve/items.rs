//! Resolution of each curated item kind: one function per kind, each turning a loaded
//! file into its resolved record through the shared `Resolver`.

use std::collections::BTreeMap;

use super::{File, Resolver};
use crate::model::base_url::BaseUrl;
use crate::model::dossier::{
    Actor, Claim, Dossier, Event, Figure, FigureRow, Head, Indicator, Link, Mention, Meta, Pillar, Question, Role,
    Stance, Via, WordForm,
};
use crate::model::files::{ActorFile, DossierFile, EventFile, FigureFile, PillarFile, QuestionFile, QuestionStatus};
use crate::model::kind::Kind;
use crate::pipeline::load::Loaded;
use crate::text::truncate::excerpt;

/// `summary_plain` is the rendered field's plain text, so a `[[link]]` reads as its name
/// or label in excerpts (card text, lists, the timeline, descriptions), never as an id;
/// it is cut between words.
fn head(link: Link, summary_plain: &str, reviewed: Option<crate::model::date::PartialDate>) -> Head {
    Head { link, summary_text: excerpt(summary_plain, 200), reviewed, stale: None }
}

pub fn meta(r: &mut Resolver, f: &Loaded<DossierFile>, questions: &[Loaded<QuestionFile>]) -> Meta {
    let d = &f.data;
    let home = Link { id: "dossier".into(), kind: Kind::Dossier, title: d.title.clone(), url: "index.html".into() };
    let mut file = File::new(&f.path, &f.text, home);
    let bottom_line = r.markdown(&mut file, &d.bottom_line);
    // The site's canonical links start with it: only a web address may stand there.
    let base_url = d.base_url.as_deref().and_then(|base| match BaseUrl::parse(base) {
        Ok(url) => Some(url),
        Err(why) => {
            let e = file.error_at(base, false, format!("`base_url` {why}"));
            r.errors.push(e.help("write the address the site is published at, e.g. https://example.org/dossier/"));
            None
        }
    });
    let key_judgments = d
        .key_judgments
        .iter()
        .map(|k| Claim { confidence: k.confidence, ..r.claim(&mut file, &k.text, &k.citations) })
        .collect();
    let indicators = indicators(r, &mut file, &d.indicators, questions);
    Meta {
        title: d.title.clone(),
        subtitle: d.subtitle.clone(),
        as_of: d.as_of,
        language: d.language.clone(),
        base_url,
        theme: d.theme.clone(),
        bottom_line,
        key_judgments,
        indicators,
        labels: d.labels.clone(),
    }
}

/// An error at `id` in the value of the top-level field `key` (its own line or list).
fn at_field(file: &File, key: &str, id: &str, message: String) -> crate::diagnostic::Diagnostic {
    use crate::diagnostic::{find_token, Diagnostic};
    let start = super::checks::top_level_value(file.text, key);
    match start.and_then(|s| find_token(&file.text[s..], id, 0).map(|o| o + s)).or(start) {
        Some(offset) => Diagnostic::at_offset(file.path, file.text, offset, message),
        None => Diagnostic::new(file.path, 1, 1, message),
    }
}

/// `related:` ids: any item but this one (a link to itself would lead nowhere).
fn related(r: &mut Resolver, file: &mut File, ids: &[String]) -> Vec<Link> {
    let me = file.link.id.clone();
    if ids.contains(&me) {
        let e = at_field(file, "related", &me, format!("`{me}` is related to itself"));
        r.errors.push(e.help(format!("remove `{me}` from `related`: list other items only")));
    }
    let others: Vec<String> = ids.iter().filter(|id| **id != me).cloned().collect();
    r.ids(file, &others, &Kind::ALL, Via::Related)
}

/// `indicators:` in `dossier.yaml`. Each must name an open question, if it names one, and
/// say where its reason comes from: an indicator is advice to a reader, so it is sourced
/// like a judgment.
fn indicators(
    r: &mut Resolver,
    file: &mut File,
    list: &[crate::model::files::Indicator],
    questions: &[Loaded<QuestionFile>],
) -> Vec<Indicator> {
    let mut out = Vec::new();
    for (n, ind) in list.iter().enumerate() {
        let claim = r.claim(file, &ind.text, &ind.citations);
        if ind.citations.is_empty() {
            let start: String = ind.text.trim().chars().take(40).collect();
            let e = file.error_at(&start, false, format!("indicator {} has no citations", n + 1));
            r.errors.push(e.help("add `citations:` with the source and words that say why this is worth watching"));
        }
        let question = ind.question.as_deref().and_then(|q| {
            let link = r.id(file, q, &[Kind::Question], Via::Indicator)?;
            let resolved = questions.iter().any(|f| f.id == q && f.data.status == QuestionStatus::Resolved);
            if resolved {
                // Point at this `question:` line, not at an earlier mention of the id.
                let message = format!("indicator {} watches question `{q}`, which is resolved", n + 1);
                let line = format!("question: {q}");
                let e = if file.text.contains(&line) {
                    file.error_at(&line, false, message)
                } else {
                    file.error_at(q, true, message)
                };
                r.errors.push(e.help("point it at an open question, drop `question:`, or reopen the question"));
            }
            Some(link)
        });
        out.push(Indicator { claim, question });
    }
    out
}

fn claims(r: &mut Resolver, file: &mut File, list: &[crate::model::files::Claim]) -> Vec<Claim> {
    list.iter().map(|c| r.claim(file, &c.text, &c.citations)).collect()
}

pub fn pillar(r: &mut Resolver, f: &Loaded<PillarFile>) -> Pillar {
    let d = &f.data;
    let me = Link::new(Kind::Pillar, &f.id, &d.title);
    let mut file = File::new(&f.path, &f.text, me.clone());
    let summary = r.rendered(&mut file, &d.summary);
    let key_points = claims(r, &mut file, &d.key_points);
    let actors = d
        .actors
        .iter()
        .filter_map(|a| {
            r.id(&mut file, &a.actor, &[Kind::Actor], Via::Actor).map(|actor| Role { actor, role: a.role.clone() })
        })
        .collect();
    let questions = r.ids(&mut file, &d.questions, &[Kind::Question], Via::RelatedQuestion);
    let related = related(r, &mut file, &d.related);
    Pillar {
        head: head(me, &summary.plain, Some(d.reviewed)),
        order: d.order,
        status: d.status,
        summary: summary.html,
        key_points,
        actors,
        questions,
        related,
    }
}

pub fn question(r: &mut Resolver, f: &Loaded<QuestionFile>) -> Question {
    let d = &f.data;
    let me = Link::new(Kind::Question, &f.id, &d.title);
    let mut file = File::new(&f.path, &f.text, me.clone());
    let why_it_matters = r.rendered(&mut file, &d.why_it_matters);
    let would_resolve = d.would_resolve.as_ref().map(|w| r.markdown(&mut file, w));
    let evidence = claims(r, &mut file, &d.evidence);
    let positions = d
        .positions
        .iter()
        .filter_map(|p| {
            let on = r.id(&mut file, &p.actor, &[Kind::Actor], Via::Position)?;
            Some(Stance { on, claim: r.claim(&mut file, &p.text, &p.citations) })
        })
        .collect();
    let pillars = r.ids(&mut file, &d.pillars, &[Kind::Pillar], Via::RelatedQuestion);
    let related = related(r, &mut file, &d.related);
    Question {
        head: head(me, &why_it_matters.plain, Some(d.reviewed)),
        status: d.status,
        why_it_matters: why_it_matters.html,
        would_resolve,
        evidence,
        positions,
        pillars,
        related,
    }
}

pub fn actor(r: &mut Resolver, f: &Loaded<ActorFile>) -> Actor {
    let d = &f.data;
    let me = Link::new(Kind::Actor, &f.id, &d.name);
    let mut file = File::new(&f.path, &f.text, me.clone());
    let summary = r.rendered(&mut file, &d.summary);
    let affiliation = match d.affiliation.as_ref() {
        Some(a) if *a == f.id => {
            let e = at_field(&file, "affiliation", a, format!("`{a}` is affiliated with itself"));
            r.errors.push(
                e.help("write the id of the organisation or state this actor belongs to, or remove `affiliation`"),
            );
            None
        }
        Some(a) => r.id(&mut file, a, &[Kind::Actor], Via::Member),
        None => None,
    };
    let positions = d
        .positions
        .iter()
        .filter_map(|p| {
            let on = r.id(&mut file, &p.on, &[Kind::Pillar, Kind::Question], Via::Position)?;
            Some(Stance { on, claim: r.claim(&mut file, &p.text, &p.citations) })
        })
        .collect();
    let related = related(r, &mut file, &d.related);
    Actor {
        head: head(me, &summary.plain, Some(d.reviewed)),
        kind: d.kind,
        aliases: d.aliases.clone(),
        role: d.role.clone(),
        affiliation,
        members: Vec::new(),
        summary: summary.html,
        positions,
        related,
        mentions: Vec::new(),
        word_forms: Vec::new(),
    }
}

pub fn event(r: &mut Resolver, f: &Loaded<EventFile>) -> Event {
    let d = &f.data;
    let me = Link::new(Kind::Event, &f.id, &d.title);
    let mut file = File::new(&f.path, &f.text, me.clone());
    let summary = r.rendered(&mut file, &d.summary);
    let actors = r.ids(&mut file, &d.actors, &[Kind::Actor], Via::Actor);
    let key_points = claims(r, &mut file, &d.key_points);
    // An event's own citations report the event as a whole: they land on its list.
    let citations = r.citations(&mut file, &d.citations, &summary.plain, "sources");
    let related = related(r, &mut file, &d.related);
    if d.citations.is_empty() {
        let e = file.error_at("citations", false, format!("event `{}` has no citations", f.id));
        r.errors.push(e.help("add `citations:` with at least one {source, quote} that reports the event"));
    }
    if let Some(end) = d.end.filter(|end| *end < d.date) {
        let e = file.error_at("end", false, format!("the event ends ({end}) before it starts ({})", d.date));
        r.errors.push(e.help("swap `date` and `end`, or fix one of them"));
    }
    Event {
        head: head(me, &summary.plain, None),
        date: d.date,
        date_human: d.date.human(),
        end: d.end,
        end_human: d.end.map(|e| e.human()),
        place: d.place.clone(),
        summary: summary.html,
        actors,
        key_points,
        citations,
        related,
    }
}

pub fn figure(r: &mut Resolver, f: &Loaded<FigureFile>) -> Figure {
    let d = &f.data;
    let me = Link::new(Kind::Figure, &f.id, &d.title);
    let mut file = File::new(&f.path, &f.text, me.clone());
    let summary = r.rendered(&mut file, &d.summary);
    let values: Vec<FigureRow> = d
        .values
        .iter()
        .filter_map(|v| {
            // "Cited by" shows the figure's title beside this, as the row's item.
            let claim = v.value.clone();
            let anchor = file.anchor(&format!("{} {}", v.value, v.quote));
            let citation = r.citation(&mut file, &v.source, &v.quote, v.short, &claim, &anchor)?;
            Some(FigureRow { anchor, value: v.value.clone(), number: v.number, note: v.note.clone(), citation })
        })
        .collect();
    let mut numbers: Vec<f64> = values.iter().filter_map(|v| v.number).collect();
    numbers.sort_by(f64::total_cmp);
    numbers.dedup();
    let related = related(r, &mut file, &d.related);
    Figure {
        head: head(me, &summary.plain, Some(d.reviewed)),
        unit: d.unit.clone(),
        summary: summary.html,
        disagree: numbers.len() > 1,
        values,
        related,
    }
}

/// Fills each actor's `members`: the actors whose affiliation it is.
pub fn link_members(actors: &mut [Actor]) {
    let mut members: BTreeMap<String, Vec<Link>> = BTreeMap::new();
    for a in actors.iter() {
        if let Some(aff) = &a.affiliation {
            members.entry(aff.id.clone()).or_default().push(a.head.link.clone());
        }
    }
    for a in actors.iter_mut() {
        if let Some(mut list) = members.remove(&a.head.link.id) {
            list.sort_by(|x, y| x.title.cmp(&y.title));
            a.members = list;
        }
    }
}

pub fn attach_mentions(actors: &mut [Actor], mut mentions: BTreeMap<String, Vec<Mention>>) {
    for a in actors.iter_mut() {
        if let Some(mut list) = mentions.remove(&a.head.link.id) {
            list.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.source.title.cmp(&y.source.title)));
            let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
            for f in list.iter().flat_map(|m| &m.forms) {
                *forms.entry(&f.form).or_default() += f.count;
            }
            let mut forms: Vec<WordForm> =
                forms.into_iter().map(|(form, count)| WordForm { form: form.to_string(), count }).collect();
            forms.sort_by_key(|f| std::cmp::Reverse(f.count));
            a.word_forms = forms;
            a.mentions = list;
        }
    }
}

/// The order the site lists items in: pillars by `order`, events by date, sources by
/// date (newest first), everything else by title. Ties break on id, so output is stable.
pub fn sort(d: &mut Dossier) {
    // Titles in the language's alphabetical order (Ukrainian: ... Е Є Ж З И І Ї Й ...).
    let c = crate::text::collate::Collation::new(&d.meta.language);
    let by_title = |a: &Head, b: &Head| c.compare(&a.link.title, &b.link.title).then_with(|| a.link.id.cmp(&b.link.id));
    d.pillars.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.head.link.id.cmp(&b.head.link.id)));
    d.questions.sort_by(|a, b| by_title(&a.head, &b.head));
    d.actors.sort_by(|a, b| by_title(&a.head, &b.head));
    d.events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.head.link.id.cmp(&b.head.link.id)));
    d.figures.sort_by(|a, b| by_title(&a.head, &b.head));
    d.sources.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.head.link.id.cmp(&b.head.link.id)));
}
