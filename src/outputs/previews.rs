//! `static/preview-data.js`: what a link preview shows for every item page, keyed by the
//! page's address from the site root. One shared file rather than data in every page:
//! a page links to dozens of items and the site has as many pages as items, so per-page
//! data would repeat each summary on every page that links to it. The theme's
//! `preview.js` loads it the first time a reader points at or focuses a link, so a page
//! nobody previews costs nothing. Plain text only: the script shows it with
//! `textContent`, never as HTML.

use serde::Serialize;
use serde_json::Value;

use crate::model::dossier::{Dossier, Head};
use crate::text::truncate::excerpt;

/// Characters of summary a preview shows: a few lines at 360 px.
const SUMMARY_CHARS: usize = 220;

/// One preview: `[title, kind, meta, summary]` (an array keeps the file small).
#[derive(Serialize)]
struct Preview<'a>(&'a str, &'a str, String, String);

/// A status or kind of actor in the dossier's language (`key` selects on `$value`).
fn word(msg: &crate::model::messages::Messages, key: &str, v: impl Serialize) -> String {
    let value = serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("value", value);
    msg.text(key, Some(&args))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn joined(parts: impl IntoIterator<Item = Option<String>>) -> String {
    parts.into_iter().flatten().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(" · ")
}

/// Every item's preview, by address.
fn previews(d: &Dossier) -> serde_json::Map<String, Value> {
    let l = &d.meta.labels;
    let mut all: Vec<(&Head, String, String)> = Vec::new();
    for p in &d.pillars {
        all.push((
            &p.head,
            capitalised(&l.pillar),
            joined([Some(format!("{} {}", l.pillar, p.order)), Some(word(&d.messages, "status", p.status))]),
        ));
    }
    for q in &d.questions {
        all.push((&q.head, capitalised(&l.question), word(&d.messages, "status", q.status)));
    }
    for a in &d.actors {
        all.push((
            &a.head,
            capitalised(&l.actor),
            joined([Some(word(&d.messages, "actor-kind", a.kind)), a.role.clone()]),
        ));
    }
    for e in &d.events {
        let when = match &e.end_human {
            Some(end) => format!("{} – {end}", e.date_human),
            None => e.date_human.clone(),
        };
        all.push((&e.head, capitalised(&l.event), joined([Some(when), e.place.clone()])));
    }
    for f in &d.figures {
        all.push((&f.head, capitalised(&l.figure), f.reading(&d.messages)));
    }
    for s in &d.sources {
        all.push((&s.head, capitalised(&l.source), joined([s.publisher.clone(), s.published_human.clone()])));
    }
    all.into_iter()
        .map(|(head, kind, meta)| {
            let preview = Preview(&head.link.title, &kind, meta, excerpt(&head.summary_text, SUMMARY_CHARS));
            (head.link.url.clone(), serde_json::to_value(preview).unwrap_or(Value::Null))
        })
        .collect()
}

/// Writes `preview-data.js` to `out`: one statement setting `window.DossierPreviews`.
pub fn write_js(d: &Dossier, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let json = serde_json::to_string(&previews(d)).map_err(std::io::Error::other)?;
    // No text can end a script or start a comment if the file is ever inlined.
    let json = json.replace('<', "\\u003c");
    writeln!(out, "window.DossierPreviews = {json};")
}
