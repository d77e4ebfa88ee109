//! `dossier add FILE...`: imports articles as `content/sources/<id>.md`, never replacing
//! a file, then resolves the dossier again so the caller can report what each touches.
//! One file that cannot be imported does not stop the others, and leaves nothing behind.

use std::path::{Path, PathBuf};

use crate::authoring::import;
use crate::authoring::touches::{self, Touches};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::model::date;
use crate::model::dossier::Dossier;
use crate::model::files as model;
use crate::pipeline::{load, resolve};
use crate::text::{nesting, paragraphs, strip_controls};

pub use crate::authoring::touches::{CopyFound, Credit};

/// What `dossier add` is told about the articles, beyond their files. Given on the
/// command line, each wins over what a page says about itself.
#[derive(Debug, Default)]
pub struct AddOptions {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub relays: Option<String>,
}

/// One article imported, and what it touches.
pub struct Added {
    pub id: String,
    /// The headline stored (given, read from the page, or guessed from the article).
    pub title: String,
    pub path: PathBuf,
    pub paragraphs: usize,
    /// The front matter written.
    pub front: model::SourceFrontMatter,
    /// Which fields came from the page's own metadata ("title", "publisher", ...).
    pub from_page: Vec<&'static str>,
    /// The byline the page gives (sources have no author field; the editor may cite it).
    pub author: Option<String>,
    /// A date the page gives that could not be read as one.
    pub unread_date: Option<String>,
    /// What it touches; filled once every file of the batch is in.
    pub touches: Touches,
}

/// What `dossier add` did with every file, and the dossier as it now is.
pub struct Batch {
    /// Each file given (folders expanded), with what it became or why it was skipped.
    pub files: Vec<(PathBuf, Result<Added, Failure>)>,
    /// The resolved dossier with the new sources, or the problems that stop it resolving.
    pub dossier: Result<Dossier, Vec<Diagnostic>>,
    /// Flags given once that apply to every file ("--publisher", ...).
    pub shared_flags: Vec<&'static str>,
}

impl Batch {
    pub fn failed(&self) -> usize {
        self.files.iter().filter(|(_, r)| r.is_err()).count()
    }
}

/// The extensions `add` takes from a folder.
const ARTICLE_EXTENSIONS: &[&str] = &["html", "htm", "md", "txt"];

/// The files to import: each file as given, and of each folder every article file in it
/// (and in its subfolders, but not hidden ones), in name order.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        let mut pending = vec![path.clone()];
        while let Some(dir) = pending.pop() {
            let entries = std::fs::read_dir(&dir)
                .map_err(|e| Failure::Usage(format!("cannot read the folder {}: {e}", dir.display())))?;
            for entry in entries.flatten() {
                let p = entry.path();
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                let Ok(kind) = entry.file_type() else { continue };
                if kind.is_dir() {
                    pending.push(p);
                } else if p
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
                {
                    found.push(p);
                }
            }
        }
        if found.is_empty() {
            return Err(Failure::Usage(format!(
                "the folder {} holds no article (.html, .htm, .md or .txt file)",
                path.display()
            )));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// `dossier add FILE...`: imports every file (folders expanded), then resolves once.
pub fn add(root: &Path, paths: &[PathBuf], opts: &AddOptions) -> Result<Batch, Failure> {
    let files = expand(paths)?;
    if files.len() > 1 {
        for (flag, given) in [("--title", opts.title.is_some()), ("--url", opts.url.is_some())] {
            if given {
                return Err(Failure::Usage(format!(
                    "{flag} names one article, but {} files are given: add that article on its own to give \
                     it {flag} (a saved page that carries its own metadata needs none)",
                    files.len()
                )));
            }
        }
    }
    let published = match opts.published.as_deref() {
        Some(p) => Some(date::PartialDate::parse(p).map_err(|e| Failure::Usage(format!("--published: {e}")))?),
        None => None,
    };
    let (raw, _) = load::load(root, Default::default());
    let existing: Vec<(String, String, String, Option<String>)> = raw
        .sources
        .iter()
        .map(|s| (s.id.clone(), s.data.front.title.clone(), s.body().trim().to_string(), s.data.front.url.clone()))
        .collect();
    drop(raw);
    let mut done: Vec<(PathBuf, Result<Added, Failure>)> = Vec::new();
    for file in files {
        let result = import_one(root, &file, opts, published, &existing, &done);
        done.push((file, result));
    }
    // Every file is in: resolve once, and say what each touches.
    let (raw, mut errors) = load::load(root, Default::default());
    let (dossier, resolve_errors) = resolve::resolve(&raw, &mut Default::default());
    errors.extend(resolve_errors);
    let dossier = match dossier {
        Some(d) if errors.is_empty() => Ok(d),
        d => Err(errors.into_iter().chain(d.into_iter().flat_map(|d| d.warnings)).collect()),
    };
    let ids: Vec<String> = done.iter().filter_map(|(_, r)| r.as_ref().ok().map(|a| a.id.clone())).collect();
    let mut found = touches::of(&raw, dossier.as_ref().ok(), &ids);
    for (_, r) in &mut done {
        if let Ok(added) = r {
            if let Some(t) = found.remove(&added.id) {
                added.touches = t;
            }
        }
    }
    let shared_flags = if done.len() > 1 {
        [
            ("--publisher", opts.publisher.is_some()),
            ("--published", published.is_some()),
            ("--relays", opts.relays.is_some()),
        ]
        .into_iter()
        .filter_map(|(f, given)| given.then_some(f))
        .collect()
    } else {
        Vec::new()
    };
    Ok(Batch { files: done, dossier, shared_flags })
}

fn content_error(file: &Path, message: &str, help: &str) -> Failure {
    Failure::Content(vec![Diagnostic::new(file, 1, 1, message).help(help)])
}

/// Imports one article; nothing is written unless it is imported whole.
fn import_one(
    root: &Path,
    file: &Path,
    opts: &AddOptions,
    published: Option<date::PartialDate>,
    existing: &[(String, String, String, Option<String>)],
    done: &[(PathBuf, Result<Added, Failure>)],
) -> Result<Added, Failure> {
    let bytes = std::fs::read(file).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", file.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        Failure::Content(vec![Diagnostic::at_offset(file, &prefix, valid, "the article is not valid UTF-8")
            .help("convert it to UTF-8 first (e.g. iconv -f WINDOWS-1252 -t UTF-8)")])
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let article = import::read(text, import::Format::detect(file, text)).map_err(|e| {
        let message = format!("the article nests elements {} deep; the limit is {}", e.depth, nesting::LIMIT);
        Failure::Content(vec![Diagnostic::at_offset(file, text, e.offset, message).help(
            "no readable page nests this deep (browsers flatten it): save the article's text from the \
             browser's reader view as a .txt file and add that",
        )])
    })?;
    let meta = &article.meta;
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "article".into());
    // What the command line (or the file's name) gives goes into the file too: the
    // article's own text has lost its control characters in `import::read`.
    let clean = |s: &str| strip_controls(s).split_whitespace().collect::<Vec<_>>().join(" ");
    let clean_opt = |s: &Option<String>| s.as_deref().map(clean).filter(|s| !s.is_empty());
    let mut from_page = Vec::new();
    let mut pick = |given: Option<String>, page: &Option<String>, field: &'static str| {
        given.or_else(|| {
            let v = page.clone().filter(|v| !v.trim().is_empty())?;
            from_page.push(field);
            Some(v)
        })
    };
    let title = pick(clean_opt(&opts.title), &meta.title, "title")
        .or(article.title.clone().filter(|t| !t.trim().is_empty()))
        .unwrap_or_else(|| clean(&stem));
    let title = if title.trim().is_empty() { "Untitled article".to_string() } else { title };
    let publisher = pick(clean_opt(&opts.publisher), &meta.publisher, "publisher");
    let url = pick(clean_opt(&opts.url), &meta.url, "url");
    let published = published.or_else(|| {
        from_page.push("published");
        meta.published
    });
    if meta.published.is_none() {
        from_page.retain(|f| *f != "published");
    }
    // A headline that is also the first line or heading is not also the first paragraph.
    let mut blocks = paragraphs::split(&article.body);
    let mut body = article.body.clone();
    let first_is_title =
        blocks.first().is_some_and(|b| b.text == title || article.title.as_deref() == Some(b.text.as_str()));
    if opts.title.is_none() && first_is_title {
        blocks.remove(0);
        body = body.split_once("\n\n").map(|(_, rest)| rest.to_string()).unwrap_or_default();
    }
    if blocks.is_empty() {
        return Err(content_error(
            file,
            "no article text found",
            "the file needs at least one paragraph of text besides its title",
        ));
    }
    // Added before, or twice in this batch: the same headline and text, or the same address.
    let trimmed = body.trim();
    let same = |(id, t, b, u): &(String, String, String, Option<String>)| {
        ((t == &title && b == trimmed) || (url.is_some() && u == &url)).then(|| id.clone())
    };
    let earlier = done
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .map(|a| (a.id.clone(), a.title.clone(), body_of(&a.path), a.front.url.clone()));
    if let Some(id) = existing.iter().find_map(same).or_else(|| earlier.into_iter().find_map(|e| same(&e))) {
        return Err(content_error(
            file,
            &format!(
                "already in the dossier as `{id}` (same {})",
                if url.is_some() { "address or text" } else { "headline and text" }
            ),
            &format!("nothing was written; edit content/sources/{id}.md to change that source"),
        ));
    }
    let today = date::PartialDate::today();
    let front = model::SourceFrontMatter {
        title: title.clone(),
        short: None,
        publisher,
        url,
        published,
        retrieved: Some(today),
        relays: clean_opt(&opts.relays),
        reliability: None,
        rights: model::Rights::Full,
        language: None,
    };
    let sources = root.join("content").join("sources");
    let (id, path) = import::new_id(&sources, published.unwrap_or(today), &title);
    let file_text = import::source_file(&front, &body).map_err(Failure::Output)?;
    import::write_new(&path, &file_text)
        .map_err(|e| Failure::Output(format!("cannot write {}: {e}", path.display())))?;
    Ok(Added {
        id,
        title,
        path,
        paragraphs: blocks.len(),
        front,
        from_page,
        author: meta.author.clone(),
        unread_date: meta.unread_date.clone(),
        touches: Touches::default(),
    })
}

/// The body of a source file just written (for spotting a file given twice).
fn body_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.splitn(3, "---\n").nth(2).unwrap_or_default().trim().to_string()
}
