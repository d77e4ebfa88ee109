//! Stage 1, load: find the content files, read and parse each one into its typed record
//! (`model`). Every problem becomes a `Diagnostic` with `path:line:col`; loading goes on
//! past errors so one run reports them all. Nothing here knows about other files.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
use crate::model::files::{ActorFile, DossierFile, EventFile, FigureFile, PillarFile, QuestionFile, SourceFrontMatter};
use crate::model::kind::{is_valid_id, suggest_id, Kind};
use crate::model::messages::Messages;

/// A parsed file: its id, where it is, its text (for locating later errors) and data.
#[derive(Debug)]
pub struct Loaded<T> {
    pub id: String,
    pub path: PathBuf,
    pub text: String,
    pub data: T,
    /// The file's size and modification time when read: a later load reuses this parse
    /// while they are unchanged (`dossier serve` rebuilds only what changed).
    pub stamp: Option<Stamp>,
}

/// Size and modification time of a file.
pub type Stamp = (u64, std::time::SystemTime);

fn stamp_of(path: &Path) -> Option<Stamp> {
    let m = fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// Parses kept from an earlier load, by path.
struct Earlier<T>(HashMap<PathBuf, Loaded<T>>);

impl<T> Earlier<T> {
    fn new(list: Vec<Loaded<T>>) -> Self {
        Earlier(list.into_iter().map(|l| (l.path.clone(), l)).collect())
    }

    /// The earlier parse of `path`, if the file has not changed since.
    fn take(&mut self, path: &Path, stamp: Option<Stamp>) -> Option<Loaded<T>> {
        let earlier = self.0.remove(path)?;
        (stamp.is_some() && earlier.stamp == stamp).then_some(earlier)
    }
}

/// A source article: front matter plus where the article body starts. The body is not
/// copied: it is the rest of the file's text (`Loaded::body`), held once.
#[derive(Debug)]
pub struct SourceData {
    pub front: SourceFrontMatter,
    /// Byte offset of the body in the file's text.
    pub body_offset: usize,
}

impl Loaded<SourceData> {
    /// The article: the file's text after its front matter.
    pub fn body(&self) -> &str {
        self.text.get(self.data.body_offset..).unwrap_or_default()
    }
}

/// Everything read from `content/`, before any cross-file check.
#[derive(Debug, Default)]
pub struct Raw {
    pub dossier: Option<Loaded<DossierFile>>,
    pub pillars: Vec<Loaded<PillarFile>>,
    pub questions: Vec<Loaded<QuestionFile>>,
    pub actors: Vec<Loaded<ActorFile>>,
    pub events: Vec<Loaded<EventFile>>,
    pub figures: Vec<Loaded<FigureFile>>,
    pub sources: Vec<Loaded<SourceData>>,
    /// Files that have an id (their name) but could not be read or parsed: references
    /// to them are not reported again, the file's own error says what to fix.
    pub broken: Vec<Broken>,
    /// The interface's words in the dossier's language, with `i18n/<language>.ftl`.
    pub messages: std::sync::Arc<Messages>,
}

/// A content file that failed to load, under its id.
#[derive(Debug, Clone)]
pub struct Broken {
    pub kind: Kind,
    pub id: String,
    pub path: PathBuf,
}

/// Reads the dossier under `root/content`. Returns what parsed, and every problem met.
/// The parse of every file of `earlier` (the last load of a build session; empty in a
/// one-off build) is reused while the file's size and modification time are unchanged.
pub fn load(root: &Path, earlier: Raw) -> (Raw, Vec<Diagnostic>) {
    let content = root.join("content");
    let mut raw = Raw::default();
    let mut errors = Vec::new();
    if !content.is_dir() {
        errors.push(
            Diagnostic::new(&content, 0, 0, "no content folder here")
                .help("run dossier in a dossier root (the folder holding content/), or pass --root DIR"),
        );
        return (raw, errors);
    }
    let dossier_path = content.join("dossier.yaml");
    let stamp = stamp_of(&dossier_path);
    match earlier.dossier.filter(|d| d.path == dossier_path && stamp.is_some() && d.stamp == stamp) {
        Some(kept) => raw.dossier = Some(kept),
        None => match read_text(&dossier_path) {
            Ok(text) => match parse_yaml::<DossierFile>(&dossier_path, &text, 0) {
                Ok(data) => raw.dossier = Some(Loaded { id: "dossier".into(), path: dossier_path, text, data, stamp }),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(e),
        },
    }
    raw.messages = std::sync::Arc::new(messages(root, raw.dossier.as_ref(), &mut errors));
    let mut failed = Failed { errors: &mut errors, broken: &mut raw.broken };
    raw.pillars = load_kind(&content, Kind::Pillar, &mut failed, earlier.pillars, parse_item);
    raw.questions = load_kind(&content, Kind::Question, &mut failed, earlier.questions, parse_item);
    raw.actors = load_kind(&content, Kind::Actor, &mut failed, earlier.actors, parse_item);
    raw.events = load_kind(&content, Kind::Event, &mut failed, earlier.events, parse_item);
    raw.figures = load_kind(&content, Kind::Figure, &mut failed, earlier.figures, parse_item);
    raw.sources = load_kind(&content, Kind::Source, &mut failed, earlier.sources, parse_source);
    (raw, errors)
}

/// The catalogue of the dossier's language, with the dossier's own `i18n/<language>.ftl`
/// (if there is one) on top; a broken file is an error at its line.
fn messages(root: &Path, dossier: Option<&Loaded<DossierFile>>, errors: &mut Vec<Diagnostic>) -> Messages {
    let language = dossier.map_or("en", |d| d.data.language.trim());
    let path = root.join("i18n").join(format!("{language}.ftl"));
    // A language tag is letters, digits and `-`: nothing that could leave i18n/.
    let safe = !language.is_empty() && language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let text = match safe && path.is_file() {
        true => match read_text(&path) {
            Ok(text) => Some(text),
            Err(e) => {
                errors.push(e);
                None
            }
        },
        false => None,
    };
    let (messages, broken) = Messages::new(language, text.as_deref().map(|t| (path.as_path(), t)));
    errors.extend(broken);
    messages
}

/// Where `load_kind` reports what failed.
struct Failed<'a> {
    errors: &'a mut Vec<Diagnostic>,
    broken: &'a mut Vec<Broken>,
}

fn parse_item<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    parse_yaml(path, text, 0)
}

/// Lists the files of one kind in a stable order, then reads and parses them in parallel.
fn load_kind<T: Send>(
    content: &Path,
    kind: Kind,
    failed: &mut Failed,
    earlier: Vec<Loaded<T>>,
    parse: fn(&Path, &str) -> Result<T, Diagnostic>,
) -> Vec<Loaded<T>> {
    let dir = content.join(kind.dir());
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut paths = Vec::new();
    // Symbolic links are followed (to files or folders, anywhere): editors link shared
    // material in. A link loop is reported, not walked forever.
    for entry in walkdir::WalkDir::new(&dir).follow_links(true).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                failed.errors.push(walk_error(&dir, &e));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        // Hidden files and editor backups are not content.
        if entry.file_type().is_dir() || name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        if !entry.file_type().is_file() {
            // A pipe or a device (/dev/zero) would block or never end.
            failed.errors.push(
                Diagnostic::new(entry.path(), 0, 0, "not a regular file")
                    .help("content files must be plain files (or links to them); remove this one"),
            );
            continue;
        }
        paths.push(entry.into_path());
    }
    let mut earlier = Earlier::new(earlier);
    let work: Vec<(PathBuf, Option<Stamp>, Option<Loaded<T>>)> = paths
        .into_iter()
        .map(|path| {
            let stamp = stamp_of(&path);
            let kept = earlier.take(&path, stamp);
            (path, stamp, kept)
        })
        .collect();
    // A failure carries the file's id when it has one: the file is then known as broken.
    type Outcome<T> = Result<Loaded<T>, Box<(Diagnostic, Option<Broken>)>>;
    let results: Vec<Outcome<T>> = work
        .into_par_iter()
        .map(|(path, stamp, kept)| {
            if let Some(kept) = kept {
                return Ok(kept);
            }
            let id = file_id(&path, kind).map_err(|e| Box::new((e, None)))?;
            let broken = |e| Box::new((e, Some(Broken { kind, id: id.clone(), path: path.clone() })));
            let text = read_text(&path).map_err(broken)?;
            let data = parse(&path, &text).map_err(broken)?;
            Ok(Loaded { id, path, text, data, stamp })
        })
        .collect();
    let mut loaded = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(item) => loaded.push(item),
            Err(failure) => {
                let (e, broken) = *failure;
                failed.errors.push(e);
                failed.broken.extend(broken);
            }
        }
    }
    loaded
}

/// A folder walk that failed at one entry: a link loop, a broken link, a file that
/// vanished while the folder was read, or one that cannot be read.
fn walk_error(dir: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e.path().map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
    match (e.loop_ancestor(), e.io_error()) {
        (Some(ancestor), _) => {
            Diagnostic::new(&path, 0, 0, format!("symbolic link loop: this leads back to {}", ancestor.display()))
                .help("remove the link, or point it at a folder that does not contain it")
        }
        (None, Some(io)) => Diagnostic::new(&path, 0, 0, format!("cannot read: {io}"))
            .help("the file is a broken or looping symbolic link, vanished during the build, or is not readable"),
        (None, None) => Diagnostic::new(&path, 0, 0, format!("cannot read: {e}")),
    }
}

/// The id of a content file: its stem, which must be a valid id.
fn file_id(path: &Path, kind: Kind) -> Result<String, Diagnostic> {
    let ext = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    if !kind.extensions().contains(&ext.as_str()) {
        return Err(Diagnostic::new(path, 0, 0, format!("unexpected file in {}/", kind.dir())).help(format!(
            "{}/ holds only .{} files; move this file elsewhere",
            kind.dir(),
            kind.extensions()[0]
        )));
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if is_valid_id(&stem) {
        Ok(stem)
    } else {
        Err(Diagnostic::new(path, 0, 0, format!("`{stem}` is not a valid id")).help(format!(
            "ids are lowercase a-z, 0-9 and -, starting with a letter or digit: rename the file to `{}.{ext}`",
            suggest_id(&stem)
        )))
    }
}

/// Longer than any article (a long book is 5 MiB): a bigger file is a mistake, and
/// reading it would cost memory for nothing.
const MAX_FILE_BYTES: u64 = 128 << 20;

/// Reads a file as UTF-8 text, without a byte-order mark and with `\n` line ends.
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let cannot = |e: std::io::Error| {
        Diagnostic::new(path, 0, 0, format!("cannot read file: {e}"))
            .help("check that the file exists and is readable (it may have been moved or deleted during the build)")
    };
    let size = fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            path,
            0,
            0,
            format!("file is too large: {} MiB (the limit is {} MiB)", size >> 20, MAX_FILE_BYTES >> 20),
        )
        .help("split the article into several sources, or keep only the part the dossier cites"));
    }
    let bytes = fs::read(path).map_err(cannot)?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            return Err(Diagnostic::at_offset(path, &prefix, valid, "file is not valid UTF-8")
                .help("save the file as UTF-8 (the bytes at this position are in another encoding)"));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // A lone carriage return (old Mac files) is a line break, as YAML and Markdown read it.
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() };
    if let Some((at, c, count)) = crate::text::first_control(&text) {
        let more = if count > 1 { format!(" (and {} more)", count - 1) } else { String::new() };
        let message = format!("invisible control character {}{more}", crate::text::describe_control(c));
        return Err(Diagnostic::at_offset(path, &text, at, message).help(
            "delete it: content holds no control characters but tab and line breaks (an escape sequence \
                   pasted from a terminal, or a page break from a PDF, are the usual cause)",
        ));
    }
    if text.trim().is_empty() {
        return Err(Diagnostic::new(path, 1, 1, "file is empty")
            .help("write the item's fields (see docs/content.md), or delete the file"));
    }
    Ok(text)
}

/// Parses YAML into `T`; `line_offset` is the line the YAML starts on in its file.
pub fn parse_yaml<T: DeserializeOwned>(path: &Path, text: &str, line_offset: usize) -> Result<T, Diagnostic> {
    if let Some(at) = too_deep(text) {
        let (line, col) = crate::diagnostic::line_col(text, at);
        return Err(Diagnostic::new(path, line + line_offset, col, "the YAML is nested too deeply")
            .help("no field nests more than a few levels: close the brackets, or quote the text"));
    }
    serde_yaml::from_str(text).map_err(|e| crate::diagnostic::yaml_error(path, text, line_offset, &e))
}

/// Where flow brackets (`[`, `{`) first nest deeper than any content file can: the YAML
/// parser slows quadratically on deep nesting (100,000 `[` take half a minute) before
/// serde's own limit (128 levels) refuses it, so such a file is refused at once.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > 1000 {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A source file: front matter between `---` lines, then the article.
pub fn parse_source(path: &Path, text: &str) -> Result<SourceData, Diagnostic> {
    let missing = || {
        Diagnostic::new(path, 1, 1, "a source must start with front matter between `---` lines")
            .help("begin the file with `---`, a line `title: ...`, and `---`, then the article text")
    };
    let after_open = text.strip_prefix("---\n").ok_or_else(missing)?;
    let close = if after_open.starts_with("---\n") || after_open == "---" {
        Some(0)
    } else {
        after_open
            .find("\n---\n")
            .map(|i| i + 1)
            .or_else(|| after_open.ends_with("\n---").then(|| after_open.len() - 3))
    }
    .ok_or_else(|| {
        Diagnostic::new(path, 1, 1, "the front matter is not closed")
            .help("add a line `---` after the last front matter field")
    })?;
    let yaml = &after_open[..close];
    let front: SourceFrontMatter = parse_yaml(path, yaml, 1)?;
    let body_offset = (4 + close + 4).min(text.len());
    Ok(SourceData { front, body_offset })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("zelenskyy"));
        assert!(is_valid_id("2025-berlin-talks"));
        assert!(!is_valid_id("Bad Name"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id(""));
        assert_eq!(suggest_id("Bad Name!"), "bad-name");
        assert_eq!(suggest_id("../etc"), "etc");
    }

    #[test]
    fn front_matter_split() {
        let text = "---\ntitle: T\n---\nFirst.\n\nSecond.\n";
        let s = parse_source(Path::new("x.md"), text).unwrap();
        assert_eq!(s.front.title, "T");
        assert_eq!(&text[s.body_offset..], "First.\n\nSecond.\n");
        assert!(parse_source(Path::new("x.md"), "title: T\n").is_err());
        assert!(parse_source(Path::new("x.md"), "---\ntitle: T\nbody").is_err());
    }

    #[test]
    fn yaml_errors_point_into_the_file_after_front_matter() {
        let e = parse_source(Path::new("x.md"), "---\ntitle: T\nbogus: 1\n---\nText\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("unknown field `bogus`"), "{}", e.message);
    }

    #[test]
    fn deep_flow_nesting_is_refused_at_once() {
        let text = format!("---\ntitle: T\naliases: {}\n---\nText\n", "[".repeat(100_000));
        let e = parse_source(Path::new("x.md"), &text).unwrap_err();
        assert_eq!((e.line, e.col), (3, 1010), "{e}");
        assert!(e.message.contains("nested too deeply"), "{e}");
    }
}
