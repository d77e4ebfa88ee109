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

pub mod date;
pub mod diagnostic;
pub mod dossier;
pub mod import;
pub mod load;
pub mod markdown;
pub mod model;
pub mod names;
pub mod paragraphs;
pub mod plan;
pub mod quote;
pub mod render;
pub mod resolve;
pub mod theme;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use diagnostic::Diagnostic;
pub use dossier::Dossier;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the content or theme: fix them and run again.
    Content(Vec<Diagnostic>),
    /// The output could not be written.
    Output(String),
}

/// The finished site in memory: every file's path and bytes.
pub struct Site {
    pub files: Vec<(String, Vec<u8>)>,
    pub pages: usize,
}

pub struct Built {
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    pub output: PathBuf,
}

/// Loads and resolves the dossier under `root`: every check a build makes.
pub fn open(root: &Path) -> Result<Dossier, Vec<Diagnostic>> {
    let (raw, mut errors) = load::load(root);
    let (dossier, resolve_errors) = resolve::resolve(&raw);
    errors.extend(resolve_errors);
    match dossier {
        Some(d) if errors.is_empty() => Ok(d),
        _ => Err(errors),
    }
}

/// Plans and renders the whole site from a resolved dossier, without writing it.
pub fn assemble(root: &Path, dossier: &Dossier) -> Result<Site, Vec<Diagnostic>> {
    let dossier_yaml = root.join("content").join("dossier.yaml");
    let theme = theme::Theme::load(root, &dossier.meta.theme, &dossier_yaml).map_err(|e| vec![e])?;
    let tera = render::templates(&theme, root).map_err(|e| vec![e])?;
    let pages = plan::plan(dossier);
    let mut files = render::render(&tera, &pages, root)?;
    let count = files.iter().filter(|(path, _)| path.ends_with(".html")).count();
    files.extend(theme.statics());
    let json = serde_json::to_vec_pretty(dossier).map_err(|e| vec![Diagnostic::new(root, 0, 0, e.to_string())])?;
    files.push(("dossier.json".into(), json));
    Ok(Site { files, pages: count })
}

/// `dossier build`: everything, then swap the new site into `output`.
pub fn build(root: &Path, output: &Path) -> Result<Built, Failure> {
    let start = Instant::now();
    let dossier = open(root).map_err(Failure::Content)?;
    let site = assemble(root, &dossier).map_err(Failure::Content)?;
    write::write_site(output, &site.files)
        .map_err(|e| Failure::Output(format!("cannot write {}: {e}", output.display())))?;
    Ok(Built { pages: site.pages, files: site.files.len(), elapsed: start.elapsed(), output: output.to_path_buf() })
}

/// `dossier check`: every check a build makes, writing nothing.
pub fn check(root: &Path) -> Result<Dossier, Failure> {
    let dossier = open(root).map_err(Failure::Content)?;
    assemble(root, &dossier).map_err(Failure::Content)?;
    Ok(dossier)
}
