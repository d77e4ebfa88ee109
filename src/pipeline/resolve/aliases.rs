//! Checks on actors' names and aliases as written: each names one actor only, and a
//! word-form stem (`Коваленк*`) is well formed.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::files::ActorFile;
use crate::pipeline::load::Loaded;

/// What is wrong with a name's `*`, if anything: (cause, fix). A `*` may only end the
/// name, after a stem of at least three letters (`Коваленк*`).
fn bad_stem(name: &str) -> Option<(String, String)> {
    let star = name.find('*')?;
    let stem = name[..star].split_whitespace().next_back().unwrap_or("");
    if star + 1 != name.len() {
        return Some((
            "a `*` may only end a name, where it stands for the rest of the last word".into(),
            format!("keep the `*` at the end (`{}*`), or write each form as its own alias", name.replace('*', "")),
        ));
    }
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || name[..star].ends_with(char::is_whitespace) {
        return Some((
            "the stem before `*` is shorter than three letters, so it would match unrelated words".into(),
            "write at least three letters of the name before the `*` (`Коваленк*`)".into(),
        ));
    }
    None
}

/// An alias may name only one actor, or mentions would be ambiguous.
pub fn check_aliases(actors: &[Loaded<ActorFile>]) -> Vec<Diagnostic> {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    let mut errors = Vec::new();
    for a in actors {
        let mut mine: Vec<&str> = Vec::new();
        for name in std::iter::once(&a.data.name).chain(&a.data.aliases) {
            let name = name.trim();
            if name.is_empty() {
                errors
                    .push(Diagnostic::new(&a.path, 1, 1, "empty alias").help("remove the empty entry from `aliases`"));
                continue;
            }
            if mine.contains(&name) {
                continue;
            }
            mine.push(name);
            if let Some((why, fix)) = bad_stem(name) {
                let offset = a.text.find(name).unwrap_or(0);
                errors.push(Diagnostic::at_offset(&a.path, &a.text, offset, format!("`{name}`: {why}")).help(fix));
                continue;
            }
            if let Some(other) = owner.insert(name, &a.id) {
                let offset = a.text.find(name).unwrap_or(0);
                errors.push(
                    Diagnostic::at_offset(
                        &a.path,
                        &a.text,
                        offset,
                        format!("`{name}` names both `{other}` and `{}`", a.id),
                    )
                    .help("an alias may belong to one actor only; remove it from one of them"),
                );
            }
        }
    }
    errors
}
