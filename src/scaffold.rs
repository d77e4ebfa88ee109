//! `dossier init` and `dossier new`: a new dossier root, and new items, from templates
//! embedded in the binary (the `starter/` folder). Every template names every field,
//! and the starter dossier builds as it is, on a neutral subject.

use std::fs;
use std::path::{Path, PathBuf};

use crate::date::PartialDate;
use crate::load::{is_valid_id, Kind};
use crate::schema;

const DOSSIER: &str = include_str!("../starter/dossier.yaml");
const PILLAR: &str = include_str!("../starter/pillar.yaml");
const ACTOR: &str = include_str!("../starter/actor.yaml");
const QUESTION: &str = include_str!("../starter/question.yaml");
const EVENT: &str = include_str!("../starter/event.yaml");
const FIGURE: &str = include_str!("../starter/figure.yaml");
const SOURCE: &str = include_str!("../starter/source.md");

fn template(kind: Kind) -> &'static str {
    match kind {
        Kind::Pillar => PILLAR,
        Kind::Actor => ACTOR,
        Kind::Question => QUESTION,
        Kind::Event => EVENT,
        Kind::Figure => FIGURE,
        Kind::Source | Kind::Dossier => SOURCE,
    }
}

fn fill(text: &str, title: &str) -> String {
    let today = PartialDate::today().iso();
    // The title goes inside a double-quoted YAML string.
    let title = title.replace('\\', "\\\\").replace('"', "\\\"");
    text.replace("{today}", &today).replace("{title}", &title)
}

/// Creates a dossier root in `dir`: one example of every kind, which builds as it is.
pub fn init(dir: &Path, title: &str) -> Result<Vec<PathBuf>, String> {
    if dir.exists() && fs::read_dir(dir).map_err(|e| e.to_string())?.next().is_some() {
        return Err(format!("{} is not empty; choose a new or empty folder", dir.display()));
    }
    let content = dir.join("content");
    let mut files = vec![
        (content.join("dossier.yaml"), schema::modeline(Kind::Dossier) + &fill(DOSSIER, title)),
        (dir.join(".gitignore"), "/site/\n/.site.*\n".to_string()),
    ];
    for kind in [Kind::Pillar, Kind::Actor, Kind::Question, Kind::Event, Kind::Figure, Kind::Source] {
        let ext = if kind == Kind::Source { "md" } else { "yaml" };
        files.push((
            content.join(kind.dir()).join(format!("example-{}.{ext}", kind.singular())),
            with_modeline(kind, fill(template(kind), title)),
        ));
    }
    for kind in schema::KINDS {
        files.push((dir.join(schema::DIR).join(schema::file_name(kind)), schema::schema_json(kind)));
    }
    for (path, text) in &files {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// A YAML file's text with the line that points editors at its schema first (source
/// articles are Markdown, which the YAML tooling does not read).
fn with_modeline(kind: Kind, text: String) -> String {
    if kind == Kind::Source {
        text
    } else {
        schema::modeline(kind) + &text
    }
}

/// Writes `content/<kind>/<id>.yaml` from the kind's template; never replaces a file.
/// Writes `ROOT/schemas/` too if it is missing, so the new file's modeline resolves.
pub fn new_item(root: &Path, kind: Kind, id: &str) -> Result<PathBuf, String> {
    if !is_valid_id(id) {
        return Err(format!(
            "`{id}` is not a valid id: use lowercase a-z, 0-9 and -, e.g. `{}`",
            crate::load::suggest_id(id)
        ));
    }
    let ext = if kind == Kind::Source { "md" } else { "yaml" };
    let path = root.join("content").join(kind.dir()).join(format!("{id}.{ext}"));
    // A new item starts with no aliases: the example's would name two actors.
    let text = with_modeline(kind, fill(template(kind), ""))
        .replace(&format!("Example {}", capital(kind.singular())), &format!("New {}", kind.singular()))
        .replace("aliases: [Example Org]", "aliases: []");
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    crate::import::write_new(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if kind != Kind::Source && !root.join(schema::DIR).is_dir() {
        schema::write(&root.join(schema::DIR))?;
    }
    Ok(path)
}

fn capital(word: &str) -> String {
    let mut c = word.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
