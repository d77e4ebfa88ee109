//! serde_yaml's messages in an editor's words, in one place. serde speaks of `f64`,
//! `unit value`, `unknown variant` and `struct Citation`; an editor needs to read which
//! field is wrong, what was written, what is allowed and an example of the fix.

use std::path::Path;

use super::{nearest, Diagnostic};

/// The diagnostic for a YAML error at its place in the file (`line_offset` is the line
/// the YAML starts on, for front matter).
pub fn yaml_error(path: &Path, text: &str, line_offset: usize, e: &serde_yaml::Error) -> Diagnostic {
    let (mut line, mut col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let at = e.location().map(|l| l.index());
    let mut raw = e.to_string();
    // serde_yaml appends the position (and for syntax errors, the enclosing construct).
    if let Some(cut) = raw.find(" at line ") {
        raw.truncate(cut);
    }
    let (field_path, message) = split_path(&raw);
    let written = at.map(|i| value_at(text, i)).unwrap_or_default();
    let (message, help) = explain(field_path, message, &written);
    // serde puts a duplicate at the start of its mapping: point at the second one.
    if let Some(name) = message.strip_prefix("`").and_then(|m| m.split_once("` is written twice")).map(|(n, _)| n) {
        if let Some(offset) = nth_key(text, name, 1) {
            (line, col) = super::line_col(text, offset);
        }
    }
    Diagnostic::new(path, line + line_offset, col, message).help(help)
}

/// `values[0].number: invalid type ...` -> (`values[0].number`, `invalid type ...`).
fn split_path(raw: &str) -> (&str, &str) {
    if let Some((head, tail)) = raw.split_once(": ") {
        let is_path = !head.is_empty()
            && head.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'));
        if is_path {
            return (head, tail);
        }
    }
    ("", raw)
}

/// The text written at a byte offset, up to the end of its line (shortened).
fn value_at(text: &str, index: usize) -> String {
    let Some(rest) = text.get(index..) else { return String::new() };
    let line = rest.lines().next().unwrap_or_default().trim();
    let line = line.split(" #").next().unwrap_or_default().trim_end();
    if line.chars().count() > 40 {
        line.chars().take(39).collect::<String>() + "…"
    } else {
        line.to_string()
    }
}

/// Byte offset of the `nth` line that sets `key:` (at any indentation, or after `- `).
fn nth_key(text: &str, key: &str, nth: usize) -> Option<usize> {
    let mut seen = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start().trim_start_matches("- ").trim_start();
        if body.strip_prefix(key).is_some_and(|r| r.starts_with(':')) {
            if seen == nth {
                return Some(offset + line.len() - line.trim_start().len());
            }
            seen += 1;
        }
        offset += line.len();
    }
    None
}

/// The field a path names: `key_points[0].citations[1].quote` -> `quote`,
/// `aliases[2]` -> `aliases`.
fn field_of(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// The backquoted words of a serde message: the expected values or fields.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// What the field must hold, in plain words, and an example value.
fn wanted(expected: &str, field: &str) -> (String, String) {
    let expected = expected.trim();
    let (what, example) = match expected {
        "f64" | "f32" | "a finite number" => ("a number", "800"),
        "u32" | "u64" | "u16" | "u8" | "usize" => ("a whole number from 0 to 4294967295", "1"),
        "i64" | "i32" => ("a whole number", "1"),
        "a string" | "text" => ("text", "..."),
        "a sequence" => ("a list", "[first, second]"),
        "a boolean" => ("true or false", "true"),
        "struct Citation" => ("a citation", "{source: <source id>, quote: \"exact words\"}"),
        "struct Claim" => ("a statement with its sources", "{text: ..., citations: [...]}"),
        "struct KeyJudgment" => ("a key judgment", "{text: ..., confidence: moderate, citations: [...]}"),
        "struct ActorRole" => ("an actor and their role", "{actor: <actor id>, role: ...}"),
        "struct Position" => ("a position", "{\"on\": <pillar or question id>, text: ...}"),
        "struct ActorPosition" => ("an actor's position", "{actor: <actor id>, text: ...}"),
        "struct FigureValue" => ("a value with its source", "{source: <source id>, value: ..., quote: \"...\"}"),
        "struct Labels" => ("the labels, one per line", "{pillars: Workstreams}"),
        e if e.starts_with("a date") => ("a date", "2026-01-07"),
        e if e.starts_with("struct ") => ("`field: value` lines", "..."),
        _ => ("another kind of value", "..."),
    };
    let example = if field.is_empty() { example.to_string() } else { format!("{field}: {example}") };
    (what.to_string(), example)
}

/// What the value written is, for `invalid type: <found>`.
fn found_kind(found: &str) -> Option<&'static str> {
    let found = found.trim();
    if found.starts_with("sequence") {
        Some("a list")
    } else if found.starts_with("map") {
        Some("a mapping of `field: value` lines")
    } else {
        None
    }
}

/// The noun for an enumerated field's values.
fn noun(field: &str) -> &'static str {
    match field {
        "rights" => "a rights setting",
        "status" => "a status",
        "kind" => "a kind of actor",
        "confidence" => "a confidence level",
        _ => "an allowed value",
    }
}

/// (message, help) for one serde or libyaml message about `path`, where `written` is the
/// text found at the error's position.
fn explain(path: &str, message: &str, written: &str) -> (String, String) {
    let field = field_of(path);
    let shown = |value: &str| if field.is_empty() { format!("`{value}`") } else { format!("`{field}: {value}`") };
    let docs = "every field is described in docs/content.md";
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let values = quoted(rest);
        let (bad, allowed) = values.split_first().map_or(("", &[][..]), |(b, a)| (*b, a));
        let example = nearest(bad, allowed.iter().copied()).or(allowed.first().copied()).unwrap_or_default();
        return (
            format!("{} is not {}", shown(bad), noun(field)),
            format!("write one of: {} (e.g. `{field}: {example}`)", allowed.join(", ")),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = quoted(rest);
        let (bad, fields) = names.split_first().map_or(("", &[][..]), |(b, a)| (*b, a));
        let help = match nearest(bad, fields.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? The fields here are: {}", fields.join(", ")),
            None if fields.is_empty() => "remove it: nothing else is allowed here".to_string(),
            None => format!("remove it or fix its spelling; the fields here are: {}", fields.join(", ")),
        };
        return (format!("unknown field `{bad}`"), help);
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = quoted(rest).first().copied().unwrap_or_default();
        return (
            format!("the required field `{name}` is missing"),
            format!("add a line `{name}: ...` to this {}; {docs}", if path.is_empty() { "file" } else { "entry" }),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        let name = quoted(rest).first().copied().unwrap_or_default();
        return (format!("`{name}` is written twice"), format!("keep one `{name}:` line and delete the other"));
    }
    let root_type = message.starts_with("invalid type: ") && path.is_empty();
    if root_type {
        return (
            "this file is not a list of `field: value` lines".into(),
            format!("write one field per line, `name: value`; {docs}"),
        );
    }
    if message == "is empty" || message.contains("unit value") {
        let (what, example) =
            message.split_once("expected ").map_or(("text".into(), format!("{field}: ...")), |(_, e)| wanted(e, field));
        return (format!("`{field}` is empty"), format!("write {what} here (e.g. `{example}`)"));
    }
    if message == "is not a finite number" {
        return (
            format!("{} is not a number", shown(written)),
            format!("write a number such as 800 or 1.5 (`.nan` and `.inf` are not quantities), or remove `{field}:`"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: ")) {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (what, example) = wanted(expected, field);
        let message = match found_kind(found) {
            Some(kind) => format!("`{field}` holds {kind}, but must be {what}"),
            None => format!("{} is not {what}", shown(written)),
        };
        let help = if what == "a list" {
            format!("write a list (e.g. `{example}`, or one `- item` per line)")
        } else {
            format!("write {what} (e.g. `{example}`)")
        };
        return (message, help);
    }
    // Custom messages of the date parser: "`x` is not a date; write ...".
    if message.starts_with('`') {
        let (cause, fix) = message.split_once("; ").unwrap_or((message, ""));
        let value = quoted(cause).first().copied().unwrap_or_default();
        let cause = cause.replacen(&format!("`{value}`"), &shown(value), 1);
        let fix = if fix.is_empty() {
            format!("check the day and month (e.g. `{field}: 2026-02-28`)")
        } else {
            format!("{fix} (e.g. `{field}: 2026-01-07`, or `{field}: \"~2026-01\"` if approximate)")
        };
        return (cause, fix);
    }
    syntax(message)
}

/// libyaml's syntax errors.
fn syntax(message: &str) -> (String, String) {
    let quote = "put the value in double quotes, e.g. `summary: \"Talks: what was agreed\"`";
    let (cause, help) = if message.contains("mapping values are not allowed") {
        ("a value contains `: `, which YAML reads as a new field", quote.to_string())
    } else if message.contains("did not find expected key") {
        (
            "this line does not fit the lines above it",
            format!("indent it like the other fields of the same entry, or {quote}"),
        )
    } else if message.contains("cannot start any token") {
        ("a value starts with a character YAML reserves (such as @, ` or %)", quote.to_string())
    } else if message.contains("did not find expected ',' or ']'") {
        ("a list in `[ ]` is not closed", "close it with `]`, and quote items that contain commas".to_string())
    } else if message.contains("did not find expected ',' or '}'") {
        ("a mapping in `{ }` is not closed", "close it with `}`, and quote values that contain commas".to_string())
    } else if message.contains("unexpected end of stream") {
        ("the file ends inside a quoted text or a bracket", "close the quote or the bracket".to_string())
    } else if message.contains("tab") {
        ("a tab indents this line", "indent YAML with spaces only".to_string())
    } else if message.contains("more than one document") {
        (
            "the file holds a second YAML document (a line `---`)",
            "remove the `---` line, or quote it if it is part of a text".to_string(),
        )
    } else if message.contains("recursion limit") {
        ("the YAML is nested too deeply", "no field nests more than a few levels: close the brackets".to_string())
    } else if message.contains("did not find expected node content") || message.contains("block") {
        ("a value is missing or cannot be read here", format!("check the indentation, or {quote}"))
    } else {
        return (format!("the YAML cannot be read here ({message})"), format!("check the indentation, or {quote}"));
    };
    (cause.to_string(), help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(yaml: &str, parse: fn(&str) -> Result<(), serde_yaml::Error>) -> Diagnostic {
        let e = parse(yaml).unwrap_err();
        yaml_error(Path::new("x.yaml"), yaml, 0, &e)
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Row {
        number: Option<f64>,
        order: Option<u32>,
        rights: Option<crate::model::files::Rights>,
        aliases: Option<Vec<String>>,
    }

    fn row(yaml: &str) -> Result<(), serde_yaml::Error> {
        serde_yaml::from_str::<Row>(yaml).map(|_| ())
    }

    #[test]
    fn serde_words_become_editor_words() {
        let d = explained("rights: partial\n", row);
        assert_eq!(d.message, "`rights: partial` is not a rights setting");
        assert_eq!(d.help.as_deref(), Some("write one of: full, excerpts (e.g. `rights: full`)"));
        assert_eq!((d.line, d.col), (1, 9));
        let d = explained("number: about 800\n", row);
        assert_eq!(d.message, "`number: about 800` is not a number");
        let d = explained("order: -1\n", row);
        assert!(d.message.starts_with("`order: -1` is not a whole number"), "{d}");
        let d = explained("aliases: Macron\n", row);
        assert_eq!(d.message, "`aliases: Macron` is not a list");
        let d = explained("numbr: 1\n", row);
        assert!(d.help.as_deref().unwrap_or_default().starts_with("did you mean `number`?"), "{d}");
        let d = explained("order: 1\norder: 2\n", row);
        assert_eq!((d.message.as_str(), d.line), ("`order` is written twice", 2));
    }

    #[test]
    fn paths_and_values() {
        assert_eq!(split_path("values[0].number: invalid type"), ("values[0].number", "invalid type"));
        assert_eq!(split_path("invalid type: unit value"), ("", "invalid type: unit value"));
        assert_eq!(field_of("key_points[0].citations[1].quote"), "quote");
        assert_eq!(field_of("aliases[2]"), "aliases");
        assert_eq!(value_at("a: b # note\n", 3), "b");
    }
}
