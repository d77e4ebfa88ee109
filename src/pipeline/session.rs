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
use crate::pipeline::memo::Memo;
use crate::pipeline::theme::Theme;
use crate::pipeline::write::guard as output;
use crate::pipeline::write::Staging;
use crate::pipeline::{plan, render, resolve};

pub struct Session {
    root: PathBuf,
    output: PathBuf,
    /// What the last build left for the next; off in a one-off build.
    memo: Memo,
    /// Overrides `base_url` in dossier.yaml.
    pub base_url: Option<crate::model::base_url::BaseUrl>,
    /// Also write the site into this zip archive.
    pub zip: Option<PathBuf>,
    /// Replace the output (or the archive) even if it holds files a build did not write.
    pub force: bool,
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
        let tera = render::templates(&theme, raw.messages.clone())?;
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

/// The new site being staged, and the fingerprints of the pages of the one it replaces:
/// a page whose fingerprint is unchanged is taken over from it, not rendered again.
struct Site<'a> {
    staging: &'a Staging,
    previous: &'a HashMap<String, u64>,
}

impl render::Sink for Site<'_> {
    fn unchanged(&self, path: &str, fingerprint: Option<u64>) -> io::Result<bool> {
        Ok(fingerprint.is_some() && self.previous.get(path) == fingerprint.as_ref() && self.staging.keep(path)?)
    }

    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.staging.put(path, bytes).map(drop)
    }
}

impl Session {
    pub fn new(root: &Path, output: &Path) -> Session {
        Session {
            root: root.to_path_buf(),
            output: output.to_path_buf(),
            memo: Memo::off(),
            base_url: None,
            zip: None,
            force: false,
        }
    }

    /// A session that keeps what each build computed, so the next one redoes only what
    /// changed (at the price of the memory it keeps): what `dossier serve` uses.
    pub fn incremental(root: &Path, output: &Path) -> Session {
        Session { memo: Memo::on(), ..Session::new(root, output) }
    }

    /// Compare with `edition` rather than the edition the output holds.
    pub fn previous_edition(&mut self, edition: crate::outputs::edition::Edition) {
        self.memo.edition_before = Some(Some(edition));
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
        if self.memo.swapped_in != output::identity(&target) {
            self.memo.pages.clear();
        }
        let start = Instant::now();
        let mut t = Timer { last: start, laps: Vec::new() };
        let (raw, mut errors) = load::load(&self.root, self.memo.take_files());
        t.lap("load");
        let (dossier, resolve_errors) = resolve::resolve(&raw, &mut self.memo.resolved);
        let compiled = templates(&self.root, &raw);
        self.memo.keep_files(raw);
        errors.extend(resolve_errors);
        let (mut dossier, theme, tera) = ready(dossier, errors, compiled).map_err(Failure::Content)?;
        if self.base_url.is_some() {
            dossier.meta.base_url = self.base_url.clone();
        }
        t.lap("resolve");
        let edition = crate::outputs::edition::next(&dossier, self.memo.edition_before(&target));
        let pages = plan::plan(&dossier, plan::Extras::new(&edition));
        // Every page depends on the theme and on what all pages show of the dossier.
        let mut h = std::hash::DefaultHasher::new();
        let site_info = plan::SiteInfo::of(&dossier);
        (plan::site_fingerprint(&site_info), &theme.files).hash(&mut h);
        let site = h.finish();
        // Fingerprints serve only a session's next build; a one-off build skips them.
        let remember = self.memo.is_on();
        let fingerprints: Vec<Option<u64>> = pages.par_iter().map(|p| remember.then(|| p.fingerprint(site))).collect();
        let html = pages.iter().filter(|p| p.path.ends_with(".html")).count();
        t.lap("plan");

        let output_error = |e: io::Error| Failure::Output(format!("cannot write {}: {e}", self.output.display()));
        let staging = Staging::begin(&target).map_err(output_error)?;
        let paths: Vec<String> = pages.iter().map(|p| p.path.clone()).collect();
        let sink = Site { staging: &staging, previous: &self.memo.pages };
        let pages = pages.into_iter().zip(fingerprints.iter().copied()).collect();
        let rendered = render::render_all(pages, &site_info, &tera, &theme, &sink)?;
        for (path, bytes) in theme.statics() {
            staging.put(&path, &bytes).map_err(output_error)?;
        }
        t.lap("render");
        search::write_index(&dossier, self.memo.search(), &|path, bytes| staging.put(path, bytes).map(drop))
            .map_err(output_error)?;
        t.lap("search index");
        staging
            .put_with("static/preview-data.js", |w| crate::outputs::previews::write_js(&dossier, w))
            .map_err(output_error)?;
        staging
            .put_with("dossier.json", |w| crate::outputs::export::write_json(&dossier, w, &mut self.memo.export))
            .map_err(output_error)?;
        t.lap("dossier.json");
        let record = serde_json::to_vec(&edition).map_err(|e| Failure::Output(e.to_string()))?;
        staging.put(crate::outputs::edition::FILE, &record).map_err(output_error)?;
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
        if self.memo.is_on() {
            self.memo.pages = paths.into_iter().zip(fingerprints).filter_map(|(path, fp)| Some((path, fp?))).collect();
            self.memo.swapped_in = output::identity(&target);
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
