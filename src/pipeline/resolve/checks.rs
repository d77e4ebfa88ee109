//! Checks across files that are not references: dates that lie after the date the
//! dossier speaks for (a warning: likely a typo, but the build goes on), and the one
//! line that says how many references to a broken file were not reported again.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::date::PartialDate;
use crate::pipeline::load::{Broken, Raw};

/// Byte offset of the value of a top-level `key:` line, if the file has one.
pub fn top_level_value(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
            let value = rest.trim_start_matches([' ', '\t']);
            return Some(offset + line.len() - value.len());
        }
        offset += line.len();
    }
    None
}

fn after(path: &Path, text: &str, key: &str, date: PartialDate, as_of: PartialDate) -> Option<Diagnostic> {
    if date <= as_of {
        return None;
    }
    let message = format!("`{key}: {date}` is after the dossier's `as_of` date ({as_of})");
    let e = match top_level_value(text, key) {
        Some(offset) => Diagnostic::at_offset(path, text, offset, message),
        None => Diagnostic::new(path, 1, 1, message),
    };
    Some(
        e.help("fix the date if it is a typo, or move `as_of` in content/dossier.yaml forward to the date the dossier now speaks for")
            .warning(),
    )
}

/// Warnings for `reviewed` and `published` dates later than `as_of`.
pub fn after_as_of(raw: &Raw, as_of: PartialDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut reviewed = |path: &Path, text: &str, date: PartialDate| {
        out.extend(after(path, text, "reviewed", date, as_of));
    };
    raw.pillars.iter().for_each(|f| reviewed(&f.path, &f.text, f.data.reviewed));
    raw.questions.iter().for_each(|f| reviewed(&f.path, &f.text, f.data.reviewed));
    raw.actors.iter().for_each(|f| reviewed(&f.path, &f.text, f.data.reviewed));
    raw.figures.iter().for_each(|f| reviewed(&f.path, &f.text, f.data.reviewed));
    for s in &raw.sources {
        if let Some(published) = s.data.front.published {
            out.extend(after(&s.path, &s.text, "published", published, as_of));
        }
    }
    out
}

/// One note per broken file that others refer to: "N references to `x` skipped".
pub fn skipped(broken: &[Broken], counts: &BTreeMap<String, usize>) -> Vec<Diagnostic> {
    counts
        .iter()
        .filter_map(|(id, n)| {
            let file = broken.iter().find(|b| &b.id == id)?;
            let s = if *n == 1 { "" } else { "s" };
            Some(
                Diagnostic::new(&file.path, 0, 0, format!("{n} reference{s} to `{id}` skipped: `{id}` has errors"))
                    .note(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_top_level_values_only() {
        let text = "title: T\n  reviewed: no\nreviewed:  2026-01-07\n";
        assert_eq!(top_level_value(text, "reviewed"), text.find("2026"));
        assert_eq!(top_level_value(text, "review"), None);
    }
}
