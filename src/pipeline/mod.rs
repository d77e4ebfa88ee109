//! The build pipeline, one module per stage, in the order data flows through them:
//!
//! ```text
//! content/ --load--> Raw --resolve--> Dossier --plan--> [Page] --render--> bytes --write--> site/
//! ```
//!
//! `session` drives the stages and keeps what one build can lend the next. This module
//! holds the entry points the commands call: `open`, `build_with` and `check`.

pub mod load;
pub mod memo;
pub mod plan;
pub mod render;
pub mod resolve;
pub mod session;
pub mod theme;
pub mod write;

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::model::base_url::BaseUrl;
use crate::model::dossier::Dossier;
use load::Raw;
use session::{Built, Session};

/// Loads and resolves the dossier under `root`: every check a build makes.
pub fn open(root: &Path) -> Result<Dossier, Vec<Diagnostic>> {
    let (raw, mut errors) = load::load(root, Raw::default());
    let (dossier, resolve_errors) = resolve::resolve(&raw, &mut resolve::Cache::default());
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
    /// Replace the output folder (or the archive) even if it holds files a build did not
    /// write. Never the dossier root, content/ or themes/.
    pub force: bool,
}

/// `dossier build` with options: the archive is only moved into place once the site is.
pub fn build_with(root: &Path, output: &Path, opts: &BuildOptions) -> Result<Built, Failure> {
    let base_url = match &opts.base_url {
        Some(url) => Some(BaseUrl::parse(url).map_err(|why| Failure::Usage(format!("--base-url {why}")))?),
        None => None,
    };
    let mut session = Session::new(root, output);
    session.base_url = base_url;
    session.zip = opts.zip.clone();
    session.force = opts.force;
    session.build()
}

/// `dossier check`: every check a build makes, writing nothing. Content and theme are
/// both checked, so one run reports the errors of both.
pub fn check(root: &Path) -> Result<Dossier, Failure> {
    let (raw, mut errors) = load::load(root, Raw::default());
    let (dossier, resolve_errors) = resolve::resolve(&raw, &mut resolve::Cache::default());
    errors.extend(resolve_errors);
    let compiled = session::templates(root, &raw);
    drop(raw);
    let (dossier, theme, tera) = session::ready(dossier, errors, compiled).map_err(Failure::Content)?;
    let pages = plan::plan(&dossier, crate::outputs::concept_map::layout(&dossier, &mut None));
    let pages = pages.into_iter().map(|page| (page, None)).collect();
    render::render_all(pages, &plan::SiteInfo::of(&dossier), &tera, &theme, &render::Discard)?;
    Ok(dossier)
}
