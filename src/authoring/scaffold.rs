//! `dossier init` and `dossier new`: a new dossier root, and new items, from templates
//! embedded in the binary (the `starter/` folder). Every template names every field,
//! and the starter dossier builds as it is, on a neutral subject.

use std::fs;
use std::path::{Path, PathBuf};

use crate::authoring::schema;
use crate::error::Failure;
use crate::model::date::PartialDate;
use crate::model::kind::{is_valid_id, Kind};

const DOSSIER: &str = include_str!("../../starter/dossier.yaml");
const PILLAR: &str = include_str!("../../starter/pillar.yaml");
const ACTOR: &str = include_str!("../../starter/actor.yaml");
const QUESTION: &str = include_str!("../../starter/question.yaml");
const EVENT: &str = include_str!("../../starter/event.yaml");
const FIGURE: &str = include_str!("../../starter/figure.yaml");
const SOURCE: &str = include_str!("../../starter/source.md");

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
pub fn init(dir: &Path, title: &str) -> Result<Vec<PathBuf>, Failure> {
    let unreadable = |e: std::io::Error| Failure::Output(format!("cannot read {}: {e}", dir.display()));
    if dir.exists() && fs::read_dir(dir).map_err(unreadable)?.next().is_some() {
        return Err(Failure::Usage(format!("{} is not empty; choose a new or empty folder", dir.display())));
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
            fs::create_dir_all(parent)
                .map_err(|e| Failure::Output(format!("cannot create {}: {e}", parent.display())))?;
        }
        fs::write(path, text).map_err(|e| Failure::Output(format!("cannot write {}: {e}", path.display())))?;
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
pub fn new_item(root: &Path, kind: Kind, id: &str) -> Result<PathBuf, Failure> {
    if !is_valid_id(id) {
        return Err(Failure::Usage(format!(
            "`{id}` is not a valid id: use lowercase a-z, 0-9 and -, e.g. `{}`",
            crate::model::kind::suggest_id(id)
        )));
    }
    let ext = if kind == Kind::Source { "md" } else { "yaml" };
    let path = root.join("content").join(kind.dir()).join(format!("{id}.{ext}"));
    // A new item starts with no aliases: the example's would name two actors.
    let text = with_modeline(kind, fill(template(kind), ""))
        .replace(&format!("Example {}", capital(kind.singular())), &format!("New {}", kind.singular()))
        .replace("aliases: [Example Org]", "aliases: []");
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Failure::Output(format!("cannot create {}: {e}", parent.display())))?;
    }
    crate::authoring::import::write_new(&path, &text).map_err(|e| {
        let message = format!("cannot write {}: {e}", path.display());
        // An existing file is the editor's to keep: choose another id (a usage error).
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::Usage(message)
        } else {
            Failure::Output(message)
        }
    })?;
    if kind != Kind::Source && !root.join(schema::DIR).is_dir() {
        schema::write(&root.join(schema::DIR)).map_err(Failure::Output)?;
    }
    Ok(path)
}

fn capital(word: &str) -> String {
    let mut c = word.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
