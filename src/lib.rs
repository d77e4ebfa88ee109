//! `dossier`: a static site generator for briefing dossiers.
//!
//! The pipeline runs one way, one module per stage, with typed data in between:
//!
//! ```text
//! content/ --load--> Raw --resolve--> Dossier --plan--> [Page] --render--> bytes --write--> site/
//! ```
//!
//! `load` parses files, `resolve` checks every reference and quote and computes
//! backlinks and mentions, `plan` lists the pages, `render` fills templates in
//! parallel, and `write` swaps the finished site in. Errors are collected as
//! `Diagnostic`s across a whole run.

pub mod archive;
pub mod date;
pub mod diagnostic;
pub mod dossier;
pub mod export;
pub mod import;
pub mod load;
pub mod map;
pub mod markdown;
pub mod model;
pub mod names;
pub mod paragraphs;
pub mod plan;
pub mod quote;
pub mod render;
pub mod resolve;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod session;
pub mod theme;
pub mod write;

use std::path::{Path, PathBuf};

pub use diagnostic::Diagnostic;
pub use dossier::Dossier;
pub use session::{Built, Session};

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the content or theme: fix them and run again.
    Content(Vec<Diagnostic>),
    /// The output could not be written.
    Output(String),
    /// A command-line value is wrong (exit 2).
    Usage(String),
}

/// Loads and resolves the dossier under `root`: every check a build makes.
pub fn open(root: &Path) -> Result<Dossier, Vec<Diagnostic>> {
    let (raw, mut errors) = load::load(root);
    let (dossier, resolve_errors) = resolve::resolve(&raw);
    errors.extend(resolve_errors);
    match dossier {
        Some(d) if errors.is_empty() => Ok(d),
        d => Err(errors.into_iter().chain(d.into_iter().flat_map(|d| d.warnings)).collect()),
    }
}

/// `dossier build`: everything, then swap the new site into `output`.
pub fn build(root: &Path, output: &Path) -> Result<Built, Failure> {
    build_with(root, output, &BuildOptions::default())
}

/// What `dossier build` may be told besides its root and output.
#[derive(Debug, Default)]
pub struct BuildOptions {
    /// Overrides `base_url` in dossier.yaml (an absolute http(s) URL).
    pub base_url: Option<String>,
    /// Also write the site into this zip archive.
    pub zip: Option<PathBuf>,
}

/// `dossier build` with options: the archive is only moved into place once the site is.
pub fn build_with(root: &Path, output: &Path, opts: &BuildOptions) -> Result<Built, Failure> {
    if let Some(url) = &opts.base_url {
        check_base_url(url).map_err(Failure::Usage)?;
    }
    if let Some(zip) = &opts.zip {
        let inside = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        if inside(zip).starts_with(inside(output)) {
            return Err(Failure::Usage(format!("--zip {}: put the archive outside the site folder", zip.display())));
        }
    }
    let mut session = Session::new(root, output);
    session.base_url = opts.base_url.clone();
    session.zip = opts.zip.clone();
    session.build()
}

/// A base URL must be absolute (`https://host/path/`): feeds, sitemaps and canonical
/// links built on anything else point nowhere.
pub fn check_base_url(url: &str) -> Result<(), String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split('/').next().unwrap_or_default()).unwrap_or_default();
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c == '?' || c == '#') {
        return Err(format!(
            "--base-url `{url}` is not an absolute web address: write it like https://example.org/my-dossier/"
        ));
    }
    Ok(())
}

/// `dossier check`: every check a build makes, writing nothing. Content and theme are
/// both checked, so one run reports the errors of both.
pub fn check(root: &Path) -> Result<Dossier, Failure> {
    use rayon::prelude::*;
    let (raw, mut errors) = load::load(root);
    let (dossier, resolve_errors) = resolve::resolve(&raw);
    errors.extend(resolve_errors);
    let compiled = session::templates(root, &raw);
    drop(raw);
    let (dossier, theme, tera) = session::ready(dossier, errors, compiled).map_err(Failure::Content)?;
    let mut errors: Vec<Diagnostic> = plan::plan(&dossier)
        .into_par_iter()
        .filter_map(|page| render::render_page(&tera, page.template, page.context(&dossier), &theme).err())
        .collect();
    errors.dedup();
    if errors.is_empty() {
        Ok(dossier)
    } else {
        Err(Failure::Content(errors))
    }
}

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
    let article = import::read(text, import::Format::detect(file, text));
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "article".into());
    let title = opts.title.clone().or(article.title.clone()).unwrap_or(stem);
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
        publisher: opts.publisher.clone(),
        url: opts.url.clone(),
        published,
        retrieved: Some(today),
        relays: opts.relays.clone(),
        reliability: None,
        rights: model::Rights::Full,
    };
    let sources = root.join("content").join("sources");
    let (id, path) = import::new_id(&sources, published.unwrap_or(today), &title);
    let file_text = import::source_file(&front, &body).map_err(Failure::Output)?;
    import::write_new(&path, &file_text)
        .map_err(|e| Failure::Output(format!("cannot write {}: {e}", path.display())))?;
    Ok(Added { id, path, paragraphs: blocks.len(), dossier: open(root) })
}
