//! A build session: runs the pipeline (load -> resolve -> plan -> render -> write) into
//! an output folder and remembers what it made, so the next build in the same process
//! (`dossier serve`) re-parses only the files that changed on disk and re-renders only
//! the pages whose data changed. A one-off `dossier build` is a session that keeps nothing.
//!
//! Invariant: `Kept::pages` describes the site at `output` exactly as the last successful
//! build left it; a failed build leaves both unchanged.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::model::dossier::Dossier;
use crate::outputs::search;
use crate::pipeline::load::{self, Raw};
use crate::pipeline::theme::Theme;
use crate::pipeline::write::guard as output;
use crate::pipeline::write::Staging;
use crate::pipeline::{plan, render, resolve};

pub struct Session {
    root: PathBuf,
    output: PathBuf,
    /// What the last build left for the next; `None` in a one-off build.
    kept: Option<Kept>,
    /// Overrides `base_url` in dossier.yaml.
    pub base_url: Option<crate::model::base_url::BaseUrl>,
    /// Also write the site into this zip archive.
    pub zip: Option<PathBuf>,
    /// Replace the output (or the archive) even if it holds files a build did not write.
    pub force: bool,
}

/// What an incremental session keeps from one build for the next.
#[derive(Default)]
struct Kept {
    /// The files of the last load, reused while their size and time are unchanged.
    raw: Raw,
    /// Fingerprint of every page at `output`, by path.
    pages: HashMap<String, u64>,
    /// Per-source work of the last resolution.
    resolved: resolve::Cache,
    /// Source entries of the search index.
    search: search::SearchCache,
    /// Serialised sources of dossier.json.
    export: crate::outputs::export::ExportCache,
    /// The last drawing of the map, and a hash of what it drew.
    map: Option<(u64, crate::outputs::concept_map::Map)>,
    /// Which folder the last build swapped in: if another process has built into the
    /// output since, `pages` no longer describes it.
    swapped_in: Option<(u64, u64)>,
}

/// What a build did.
#[derive(Debug)]
pub struct Built {
    /// HTML pages in the site.
    pub pages: usize,
    /// Pages rendered by this build (the others were unchanged and not rendered).
    pub rendered: usize,
    /// Files written, and files left as they were because their bytes were the same.
    pub written: usize,
    pub unchanged: usize,
    pub elapsed: Duration,
    pub output: PathBuf,
    /// Time spent in each stage, in order.
    pub timings: Vec<(&'static str, Duration)>,
    /// What the editor should look at, though the site was built.
    pub warnings: Vec<Diagnostic>,
    /// What went wrong after the new site was in place (it stays in place).
    pub left_over: Vec<String>,
}

struct Timer {
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
}

impl Timer {
    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }
}

/// Loads the theme named in dossier.yaml and compiles its templates; `check` and every
/// build do this even when the content has errors, so that one run reports both.
pub(crate) fn templates(root: &Path, raw: &Raw) -> Option<Result<(Theme, tera::Tera), Vec<Diagnostic>>> {
    // Without a readable dossier.yaml the theme is unknown; its own error says so.
    let name = &raw.dossier.as_ref()?.data.theme;
    let dossier_yaml = root.join("content").join("dossier.yaml");
    let compile = || {
        let theme = Theme::load(root, name, &dossier_yaml).map_err(|e| vec![e])?;
        let tera = render::templates(&theme)?;
        Ok((theme, tera))
    };
    Some(compile())
}

/// The dossier and its compiled theme, or every error of both.
pub(crate) fn ready(
    dossier: Option<Dossier>,
    mut errors: Vec<Diagnostic>,
    theme: Option<Result<(Theme, tera::Tera), Vec<Diagnostic>>>,
) -> Result<(Dossier, Theme, tera::Tera), Vec<Diagnostic>> {
    let compiled = match theme {
        Some(Ok(compiled)) => Some(compiled),
        Some(Err(theme_errors)) => {
            errors.extend(theme_errors);
            None
        }
        None => None,
    };
    match (dossier, compiled) {
        (Some(d), Some((theme, tera))) if errors.is_empty() => Ok((d, theme, tera)),
        // The warnings still count when other files have errors.
        (d, _) => Err(errors.into_iter().chain(d.into_iter().flat_map(|d| d.warnings)).collect()),
    }
}

/// Errors from pages rendered in parallel: content errors win over output errors, and
/// one template error met on many pages is reported once.
#[derive(Default)]
struct Errors {
    content: Vec<Diagnostic>,
    output: Option<String>,
}

impl Errors {
    fn into_failure(self) -> Option<Failure> {
        if !self.content.is_empty() {
            let mut unique: Vec<Diagnostic> = Vec::new();
            for e in self.content {
                if !unique.contains(&e) {
                    unique.push(e);
                }
            }
            Some(Failure::Content(unique))
        } else {
            self.output.map(Failure::Output)
        }
    }
}

impl Session {
    pub fn new(root: &Path, output: &Path) -> Session {
        Session {
            root: root.to_path_buf(),
            output: output.to_path_buf(),
            kept: None,
            base_url: None,
            zip: None,
            force: false,
        }
    }

    /// A session that keeps what each build computed, so the next one redoes only what
    /// changed (at the price of the memory it keeps): what `dossier serve` uses.
    pub fn incremental(root: &Path, output: &Path) -> Session {
        Session { kept: Some(Kept::default()), ..Session::new(root, output) }
    }

    /// Builds the site and swaps it in; on any error the output is left as it was.
    /// Refuses (`Failure::Usage`) an output or archive that is not the tool's to replace,
    /// and holds the output's lock throughout, so builds of one output take turns.
    pub fn build(&mut self) -> Result<Built, Failure> {
        let target = output::check_output(&self.root, &self.output, self.force).map_err(Failure::Usage)?;
        let zip = match &self.zip {
            Some(zip) => Some(output::check_zip(&self.root, &target, zip, self.force).map_err(Failure::Usage)?),
            None => None,
        };
        let cannot = |e: io::Error| Failure::Output(format!("cannot write {}: {e}", self.output.display()));
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(cannot)?;
        }
        let _lock = crate::pipeline::write::lock::acquire(&target, || {
            eprintln!("waiting for another build of {}/ to finish…", self.output.display());
        })
        .map_err(cannot)?;
        // Whatever ran before us may have changed the folder: check it again, now it is ours.
        output::check_contents(&self.output, &target, self.force).map_err(Failure::Usage)?;
        if let Some(kept) = &mut self.kept {
            if kept.swapped_in != output::identity(&target) {
                kept.pages.clear();
            }
        }
        let start = Instant::now();
        let mut t = Timer { last: start, laps: Vec::new() };
        let earlier = self.kept.as_mut().map(|k| std::mem::take(&mut k.raw)).unwrap_or_default();
        let (raw, mut errors) = load::load_reusing(&self.root, earlier);
        t.lap("load");
        let (dossier, resolve_errors) = resolve::resolve_cached(&raw, self.kept.as_mut().map(|k| &mut k.resolved));
        let compiled = templates(&self.root, &raw);
        // The files' text is kept only for a session's next load; a one-off build frees it
        // before rendering, which is when memory peaks.
        match &mut self.kept {
            Some(kept) => kept.raw = raw,
            None => drop(raw),
        }
        errors.extend(resolve_errors);
        let (mut dossier, theme, tera) = ready(dossier, errors, compiled).map_err(Failure::Content)?;
        if self.base_url.is_some() {
            dossier.meta.base_url = self.base_url.clone();
        }
        t.lap("resolve");
        let map = match &mut self.kept {
            Some(kept) => crate::outputs::concept_map::layout_cached(&dossier, &mut kept.map),
            None => crate::outputs::concept_map::layout(&dossier),
        };
        let pages = plan::plan_with_map(&dossier, map);
        // Every page depends on the theme and on what all pages show of the dossier.
        let mut h = std::hash::DefaultHasher::new();
        (plan::site_fingerprint(&dossier), &theme.files).hash(&mut h);
        let site = h.finish();
        // Fingerprints serve only a session's next build; a one-off build skips them.
        let remember = self.kept.is_some();
        let fingerprints: Vec<Option<u64>> =
            pages.par_iter().map(|p| remember.then(|| p.fingerprint(&dossier, site))).collect();
        let html = pages.iter().filter(|p| p.path.ends_with(".html")).count();
        t.lap("plan");

        let output_error = |e: io::Error| Failure::Output(format!("cannot write {}: {e}", self.output.display()));
        let staging = Staging::begin(&target).map_err(output_error)?;
        let none = HashMap::new();
        let previous = self.kept.as_ref().map_or(&none, |k| &k.pages);
        let paths: Vec<String> = pages.iter().map(|p| p.path.clone()).collect();
        let (theme_ref, dossier_ref, tera_ref, staging_ref) = (&theme, &dossier, &tera, &staging);
        let outcomes: Vec<Result<bool, Failure>> = pages
            .into_par_iter()
            .zip(fingerprints.par_iter())
            .map(|(page, fp)| {
                let path = page.path.clone();
                let write = |e: io::Error| Failure::Output(format!("cannot write {path}: {e}"));
                if fp.is_some() && previous.get(&path) == fp.as_ref() && staging_ref.keep(&path).map_err(write)? {
                    return Ok(false);
                }
                let template = page.template;
                let bytes = render::render_page(tera_ref, template, page.context(dossier_ref), theme_ref)
                    .map_err(|e| Failure::Content(vec![e]))?;
                staging_ref.put(&path, &bytes).map_err(write)?;
                Ok(true)
            })
            .collect();
        let mut failed = Errors::default();
        let mut rendered = 0;
        for outcome in outcomes {
            match outcome {
                Ok(r) => rendered += usize::from(r),
                Err(Failure::Content(e)) => failed.content.extend(e),
                Err(Failure::Output(e) | Failure::Usage(e)) => failed.output = failed.output.or(Some(e)),
            }
        }
        if let Some(failure) = failed.into_failure() {
            return Err(failure);
        }
        for (path, bytes) in theme.statics() {
            staging.put(&path, &bytes).map_err(output_error)?;
        }
        t.lap("render");
        search::write_index(&dossier, self.kept.as_mut().map(|k| &mut k.search), &|path, bytes| {
            staging.put(path, bytes).map(drop)
        })
        .map_err(output_error)?;
        t.lap("search index");
        staging
            .put_with("dossier.json", |w| {
                crate::outputs::export::write_json(&dossier, w, self.kept.as_mut().map(|k| &mut k.export))
            })
            .map_err(output_error)?;
        t.lap("dossier.json");
        // The archive is made from the finished folder and moved into place only once
        // the site is: a failed build leaves both as they were.
        let archive = match &zip {
            Some(zip) => {
                Some(crate::outputs::archive::prepare(zip, staging.dir(), &[output::STAMP]).map_err(Failure::Output)?)
            }
            None => None,
        };
        let stats = match staging.commit() {
            Ok(stats) => stats,
            Err(e) => {
                archive.into_iter().for_each(crate::outputs::archive::Pending::discard);
                return Err(output_error(e));
            }
        };
        // The new site is in place: from here on, what fails is a warning, not a failure.
        let mut warnings: Vec<String> = stats.leftover.into_iter().collect();
        if let Some(Err(e)) = archive.map(crate::outputs::archive::Pending::commit) {
            warnings.push(e);
        }
        t.lap("swap");
        if let Some(kept) = &mut self.kept {
            kept.pages = paths.into_iter().zip(fingerprints).filter_map(|(path, fp)| Some((path, fp?))).collect();
            kept.swapped_in = output::identity(&target);
        }
        Ok(Built {
            pages: html,
            rendered,
            written: stats.written,
            unchanged: stats.unchanged,
            elapsed: start.elapsed(),
            output: self.output.clone(),
            timings: t.laps,
            warnings: dossier.warnings,
            left_over: warnings,
        })
    }
}
