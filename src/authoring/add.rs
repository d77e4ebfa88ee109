//! `dossier add FILE`: imports an article as `content/sources/<id>.md`, never replacing
//! a file, then resolves the dossier again so the caller can report what it touches.

use std::path::{Path, PathBuf};

use crate::authoring::import;
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::model::date;
use crate::model::dossier::{Dossier, NameCount, Source};
use crate::model::files as model;
use crate::pipeline::open;
use crate::text::{nesting, paragraphs, strip_controls};

/// What `dossier add` is told about the article, beyond its file.
#[derive(Debug, Default)]
pub struct AddOptions {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub relays: Option<String>,
}

/// What `dossier add` did, and what the new article touches.
pub struct Added {
    pub id: String,
    /// The headline stored (given, or guessed from the article).
    pub title: String,
    pub path: PathBuf,
    pub paragraphs: usize,
    /// The resolved dossier with the new source, or the problems that stop it resolving.
    pub dossier: Result<Dossier, Vec<Diagnostic>>,
}

/// `dossier add FILE`: imports an article as `content/sources/<id>.md`, never replacing
/// a file, then resolves the dossier again so the caller can report what it touches.
pub fn add(root: &Path, file: &Path, opts: &AddOptions) -> Result<Added, Failure> {
    let bytes = std::fs::read(file).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", file.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        Failure::Content(vec![Diagnostic::at_offset(file, &prefix, valid, "the article is not valid UTF-8")
            .help("convert it to UTF-8 first (e.g. iconv -f WINDOWS-1252 -t UTF-8)")])
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let published = match opts.published.as_deref() {
        Some(p) => Some(date::PartialDate::parse(p).map_err(|e| Failure::Usage(format!("--published: {e}")))?),
        None => None,
    };
    let article = import::read(text, import::Format::detect(file, text)).map_err(|e| {
        let message = format!("the article nests elements {} deep; the limit is {}", e.depth, nesting::LIMIT);
        Failure::Content(vec![Diagnostic::at_offset(file, text, e.offset, message).help(
            "no readable page nests this deep (browsers flatten it): save the article's text from the \
             browser's reader view as a .txt file and add that",
        )])
    })?;
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "article".into());
    // What the command line (or the file's name) gives goes into the file too: the
    // article's own text has lost its control characters in `import::read`.
    let clean = |s: &str| strip_controls(s).split_whitespace().collect::<Vec<_>>().join(" ");
    let clean_opt = |s: &Option<String>| s.as_deref().map(clean);
    let blank = |t: &String| t.trim().is_empty();
    let title = clean_opt(&opts.title)
        .filter(|t| !blank(t))
        .or(article.title.clone().filter(|t| !blank(t)))
        .unwrap_or_else(|| clean(&stem));
    let title = if blank(&title) { "Untitled article".to_string() } else { title };
    // A headline guessed from the first line is not also the first paragraph.
    let mut blocks = paragraphs::split(&article.body);
    let mut body = article.body.clone();
    if opts.title.is_none() && blocks.first().is_some_and(|b| b.text == title) {
        blocks.remove(0);
        body = body.split_once("\n\n").map(|(_, rest)| rest.to_string()).unwrap_or_default();
    }
    if blocks.is_empty() {
        return Err(Failure::Content(vec![Diagnostic::new(file, 1, 1, "no article text found")
            .help("the file needs at least one paragraph of text besides its title")]));
    }
    let today = date::PartialDate::today();
    let front = model::SourceFrontMatter {
        title: title.clone(),
        short: None,
        publisher: clean_opt(&opts.publisher),
        url: clean_opt(&opts.url),
        published,
        retrieved: Some(today),
        relays: clean_opt(&opts.relays),
        reliability: None,
        rights: model::Rights::Full,
    };
    let sources = root.join("content").join("sources");
    let (id, path) = import::new_id(&sources, published.unwrap_or(today), &title);
    let file_text = import::source_file(&front, &body).map_err(Failure::Output)?;
    import::write_new(&path, &file_text)
        .map_err(|e| Failure::Output(format!("cannot write {}: {e}", path.display())))?;
    Ok(Added { id, title, path, paragraphs: blocks.len(), dossier: open(root) })
}

/// What a new source touches in the dossier: who it mentions, which items it puts in
/// the review queue, which names it holds that match no actor.
pub struct Touches<'d> {
    pub source: &'d Source,
    /// Review-queue entries the new source made stale: (item page, date it was reviewed).
    pub stale: Vec<(&'d str, String)>,
    pub unknown_names: &'d [NameCount],
}

impl Added {
    /// What the new article touches, when the dossier resolved with it.
    pub fn touches<'d>(&self, d: &'d Dossier) -> Option<Touches<'d>> {
        let source = d.sources.iter().find(|s| s.head.link.id == self.id)?;
        let stale = d
            .review_queue
            .iter()
            .filter(|e| e.stale.sources.iter().any(|s| s.id == self.id))
            .map(|e| (e.item.url.as_str(), e.stale.reviewed.to_string()))
            .collect();
        Some(Touches { source, stale, unknown_names: &source.unknown_names })
    }
}
