//! The dossier in its language: dates as its readers write them, the section names of
//! `labels:` the editor left out from the catalogue, and a note when the language has
//! no catalogue of its own (its pages are then in English, message by message).

use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::model::dossier::Dossier;
use crate::model::messages::Messages;
use crate::pipeline::load::Raw;

pub(super) fn localise(d: &mut Dossier, raw: &Raw) {
    let m: &Arc<Messages> = &raw.messages;
    d.messages = m.clone();
    d.meta.labels = crate::model::labels::localised(&d.meta.labels, m);
    for s in &mut d.sources {
        s.published_human = s.published.map(|p| m.date(&p));
    }
    for e in &mut d.events {
        e.date_human = m.date(&e.date);
        e.end_human = e.end.map(|p| m.date(&p));
    }
    if m.is_built_in() {
        return;
    }
    let missing = m.untranslated();
    let Some(file) = &raw.dossier else { return };
    if missing.is_empty() {
        return;
    }
    let at = file.text.find("language:").unwrap_or(0);
    let language = m.language();
    let shown: Vec<&str> = missing.iter().take(8).map(String::as_str).collect();
    let more =
        if missing.len() > shown.len() { format!(" and {} more", missing.len() - shown.len()) } else { String::new() };
    d.warnings.push(
        Diagnostic::at_offset(
            &file.path,
            &file.text,
            at,
            format!(
                "{} messages of the interface have no translation into `{language}` and are shown in English: {}{more}",
                missing.len(),
                shown.join(", ")
            ),
        )
        .help(format!(
            "translate them in i18n/{language}.ftl in the dossier's root (start from a copy of themes/default/i18n/en.ftl); see docs/content.md, Languages"
        ))
        .note(),
    );
}
