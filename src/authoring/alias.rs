//! `dossier alias ID SPELLING`: adds a spelling to an actor's `aliases`, editing the
//! YAML as text so that every comment and the layout stay as the editor wrote them; only
//! the new alias is added. The edited file is parsed again before it replaces the old
//! one (through a temporary file and a rename), so a failed edit leaves nothing broken.

use std::path::{Path, PathBuf};

use crate::diagnostic::suggestion;
use crate::error::Failure;
use crate::model::files::ActorFile;
use crate::pipeline::load::parse_yaml;
use crate::text::first_control;

/// What `dossier alias` did.
#[derive(Debug)]
pub struct Aliased {
    pub path: PathBuf,
    /// The actor's name, for the message.
    pub name: String,
    pub alias: String,
}

/// Adds `spelling` to the aliases of actor `id` in `root/content/actors/ID.yaml`.
pub fn alias(root: &Path, id: &str, spelling: &str) -> Result<Aliased, Failure> {
    let alias = spelling.trim();
    if alias.is_empty() {
        return Err(Failure::Usage("the new spelling is empty: give the name as the article writes it".into()));
    }
    if first_control(alias).is_some() || alias.contains(['\n', '\r', '\t']) {
        return Err(Failure::Usage("the new spelling holds a control character or line break; type it plainly".into()));
    }
    let dir = root.join("content").join("actors");
    let actors = read_actors(&dir)?;
    let valid_id = !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let Some((path, text, actor)) = actors.iter().find(|(p, _, _)| valid_id && stem(p) == id) else {
        let ids: Vec<String> = actors.iter().map(|(p, _, _)| stem(p)).collect();
        let hint = suggestion(id, ids.iter().map(String::as_str), "actor");
        return Err(Failure::Usage(format!("no actor `{id}` in {}: {hint}", dir.display())));
    };
    let actor = actor.as_ref().map_err(|d| Failure::Content(vec![d.clone()]))?;
    if actor.name.trim() == alias || actor.aliases.iter().any(|a| a.trim() == alias) {
        return Err(Failure::Usage(format!("`{alias}` is already a name of `{id}` ({}): nothing to add", actor.name)));
    }
    for (other, _, a) in &actors {
        if let Ok(a) = a {
            if a.name.trim() == alias || a.aliases.iter().any(|n| n.trim() == alias) {
                return Err(Failure::Usage(format!(
                    "`{alias}` already names `{}` ({}, in {}); an alias may belong to one actor only",
                    stem(other),
                    a.name,
                    other.display()
                )));
            }
        }
    }
    let edited = with_alias(text, alias).map_err(|why| {
        Failure::Usage(format!(
            "{}: {why}; the file is unchanged. Add the line `  - {}` under `aliases:` by hand",
            path.display(),
            quoted(alias)
        ))
    })?;
    // Never leave a file that does not load: the edit must parse, with exactly one more alias.
    let check: Result<ActorFile, _> = parse_yaml(path, &edited, 0);
    let mut expected = actor.aliases.clone();
    expected.push(alias.to_string());
    match check {
        Ok(a) if a.aliases == expected && a.name == actor.name => {}
        _ => {
            return Err(Failure::Output(format!(
                "{}: the edited file would not load as expected, so it is unchanged; add `{}` to `aliases:` by hand",
                path.display(),
                quoted(alias)
            )))
        }
    }
    replace(path, &edited).map_err(|e| Failure::Output(format!("cannot write {}: {e}", path.display())))?;
    Ok(Aliased { path: path.clone(), name: actor.name.clone(), alias: alias.to_string() })
}

type ActorRead = (PathBuf, String, Result<ActorFile, crate::diagnostic::Diagnostic>);

/// Every actor file: its path, text and what it parses as.
fn read_actors(dir: &Path) -> Result<Vec<ActorRead>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", dir.display())))?;
    let mut actors = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "yaml") && path.is_file() {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Failure::Output(format!("cannot read {}: {e}", path.display())))?;
            let parsed = parse_yaml::<ActorFile>(&path, &text, 0);
            actors.push((path, text, parsed));
        }
    }
    actors.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(actors)
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A YAML double-quoted string.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`.
fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.dossier-alias.tmp"));
    // `create_new`: a file of that name that is not ours is never overwritten (nor removed).
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
    let written = std::io::Write::write_all(&mut file, text.as_bytes()).and_then(|()| {
        drop(file);
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// `text` with `alias` added to its top-level `aliases:` (a flow list `[A, B]` or a
/// block list of `- A` lines), or with an `aliases:` line after `name:` if it has none.
pub fn with_alias(text: &str, alias: &str) -> Result<String, String> {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let item = quoted(alias);
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1).filter(|&i| i < text.len()));
    let line_at = |i: usize| {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        &text[starts[i]..end]
    };
    let key_line = (0..starts.len()).find(|&i| line_at(i).starts_with("aliases:"));
    let Some(k) = key_line else {
        let n = (0..starts.len())
            .find(|&i| line_at(i).starts_with("name:"))
            .ok_or("it has no `name:` line at the start of a line")?;
        // After the name's value, which may go on over more-indented lines.
        let mut after = n + 1;
        while after < starts.len() && (line_at(after).starts_with([' ', '\t']) || line_at(after).trim().is_empty()) {
            after += 1;
        }
        while after > n + 1 && line_at(after - 1).trim().is_empty() {
            after -= 1;
        }
        return Ok(insert_line(text, &starts, after, &format!("aliases: [{item}]"), eol));
    };
    let value_at = starts[k] + "aliases:".len();
    let value = text[value_at..].trim_start_matches([' ', '\t']);
    let value_start = text.len() - value.len();
    if value.starts_with('[') {
        let close = flow_end(text, value_start).ok_or("its `aliases: [` list is not closed")?;
        let before = text[value_start + 1..close].trim_end();
        let at = value_start + 1 + before.len();
        let insert = if before.is_empty() {
            item
        } else if before.ends_with(',') {
            format!(" {item}")
        } else {
            format!(", {item}")
        };
        return Ok(format!("{}{insert}{}", &text[..at], &text[at..]));
    }
    if !(value.starts_with(['\r', '\n', '#']) || value.is_empty()) {
        return Err("its `aliases:` holds a single value, not a list".into());
    }
    // A block list: the item lines after the key, and lines more indented than their dash.
    let mut last = k;
    let mut indent: Option<String> = None;
    for i in k + 1..starts.len() {
        let line = line_at(i);
        let body = line.trim_start_matches([' ', '\t']);
        let pad = &line[..line.len() - body.len()];
        if body.trim().is_empty() || body.starts_with('#') {
            continue;
        }
        let is_item = body.starts_with("- ") || body.trim_end() == "-";
        match &indent {
            None if is_item => indent = Some(pad.to_string()),
            Some(dash) if is_item && pad == dash => {}
            Some(dash) if pad.len() > dash.len() => {}
            _ => break,
        }
        last = i;
    }
    let pad = indent.unwrap_or_else(|| "  ".into());
    Ok(insert_line(text, &starts, last + 1, &format!("{pad}- {item}"), eol))
}

/// `text` with `line` inserted as line number `at` (0-based), ending the line before
/// with a line break if it had none.
fn insert_line(text: &str, starts: &[usize], at: usize, line: &str, eol: &str) -> String {
    let offset = starts.get(at).copied().unwrap_or(text.len());
    let (head, tail) = text.split_at(offset);
    let joint = if head.is_empty() || head.ends_with('\n') { "" } else { eol };
    format!("{head}{joint}{line}{eol}{tail}")
}

/// The offset of the `]` closing the flow list that opens at `open`, skipping quoted
/// text, comments and nested brackets.
fn flow_end(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, open);
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return (bytes[i] == b']').then_some(i);
                }
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if i > 0 && matches!(bytes[i - 1], b'[' | b',' | b' ' | b'\t' | b'\n') => {
                i += 1;
                while i < bytes.len() && !(bytes[i] == b'\'' && bytes.get(i + 1) != Some(&b'\'')) {
                    i += if bytes[i] == b'\'' { 2 } else { 1 };
                }
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_to_flow_block_and_missing_lists_keeping_everything_else() {
        let flow = "name: A # the name\naliases: [B, 'C, D'] # spellings\nkind: person\n";
        assert_eq!(
            with_alias(flow, "E \"F\"").unwrap(),
            "name: A # the name\naliases: [B, 'C, D', \"E \\\"F\\\"\"] # spellings\nkind: person\n"
        );
        assert_eq!(with_alias("name: A\naliases: []\n", "E").unwrap(), "name: A\naliases: [\"E\"]\n");
        let block = "name: A\naliases:\n    # old\n    - B\n    - >\n      C\n\n# next\nkind: person\n";
        assert_eq!(
            with_alias(block, "E").unwrap(),
            "name: A\naliases:\n    # old\n    - B\n    - >\n      C\n    - \"E\"\n\n# next\nkind: person\n"
        );
        let none = "# top\nname: >\n  A B\n\nkind: person\r\n";
        assert_eq!(with_alias(none, "E").unwrap(), "# top\nname: >\n  A B\naliases: [\"E\"]\r\n\nkind: person\r\n");
        assert!(with_alias("name: A\naliases: B\n", "E").is_err());
    }
}
