//! `dossier serve`: builds the site, serves it on loopback, watches `content/` and
//! `themes/`, rebuilds incrementally on every change, and makes open pages reload.
//!
//! The site on disk is exactly what `dossier build` writes; the reload script is added
//! to pages as they are served, never to the files. While the content has an error,
//! every page shows that error instead of a stale site, and reloads once it is fixed.
//! The builder thread owns the build `Session`; the HTTP threads only read `Status`.

mod conn;
mod http;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::error::Failure;
use crate::pipeline::session::{Built, Session};

pub use conn::MAX_HEAD;
pub use http::safe_relative;

/// What the HTTP threads need to know about the latest build.
pub struct Status {
    site: PathBuf,
    state: Mutex<State>,
}

struct State {
    /// Goes up after every build, good or bad: pages reload when it changes.
    version: u64,
    /// The last build's errors, while it failed.
    error: Option<String>,
}

impl Status {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn version(&self) -> u64 {
        self.state().version
    }

    pub fn error(&self) -> Option<String> {
        self.state().error.clone()
    }

    pub fn site(&self) -> PathBuf {
        self.site.clone()
    }

    fn finished(&self, outcome: &Result<Built, Failure>) {
        let mut state = self.state();
        state.version += 1;
        state.error = outcome.as_ref().err().map(describe);
    }
}

/// A failure as the text shown in the terminal and in the page.
pub fn describe(failure: &Failure) -> String {
    match failure {
        Failure::Content(errors) => errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"),
        Failure::Output(message) | Failure::Usage(message) => format!("error: {message}"),
    }
}

pub struct Options {
    pub root: PathBuf,
    pub output: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    /// Replace an output folder that holds files a build did not write.
    pub force: bool,
}

/// What `serve` tells its caller as it goes.
pub enum Report<'a> {
    Listening(SocketAddr),
    Built(&'a Built),
    Failed(&'a Failure),
}

/// Serves until the process is stopped; returns only if it cannot start.
pub fn serve(options: &Options, report: &mut dyn FnMut(Report)) -> Result<(), Failure> {
    let content = options.root.join("content");
    if !content.is_dir() {
        return Err(Failure::Usage(format!(
            "no content folder at {}: run dossier serve in a dossier root, or pass --root DIR",
            content.display()
        )));
    }
    let limits = conn::Limits::from_env().map_err(Failure::Usage)?;
    let listener = TcpListener::bind((options.bind, options.port)).map_err(|e| {
        Failure::Usage(format!("cannot listen on {}:{}: {e} (choose another --port)", options.bind, options.port))
    })?;
    let address = listener.local_addr().map_err(|e| Failure::Output(e.to_string()))?;

    let mut session = Session::incremental(&options.root, &options.output);
    session.force = options.force;
    let status =
        Arc::new(Status { site: options.output.clone(), state: Mutex::new(State { version: 0, error: None }) });
    let outcome = session.build();
    // An output that is not the tool's to replace will not become so: stop at once.
    if let Err(Failure::Usage(message)) = outcome {
        return Err(Failure::Usage(message));
    }
    status.finished(&outcome);
    tell(report, &outcome);

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| Failure::Output(format!("cannot watch for changes: {e}")))?;
    // The root itself is watched too, not recursively, so that a themes/ (or content/)
    // folder made or remade after the start is seen and watched in turn.
    let folders = [content, options.root.join("themes")];
    watcher
        .watch(&options.root, RecursiveMode::NonRecursive)
        .map_err(|e| Failure::Output(format!("cannot watch {}: {e}", options.root.display())))?;
    for dir in folders.iter().filter(|dir| dir.is_dir()) {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| Failure::Output(format!("cannot watch {}: {e}", dir.display())))?;
    }
    let http_status = Arc::clone(&status);
    std::thread::spawn(move || http::run(listener, http_status, limits));
    report(Report::Listening(address));

    while let Ok(first) = rx.recv() {
        if !relevant(&first, &folders, &options.output) {
            continue;
        }
        let events = settle(&rx, first);
        // A watched folder made, removed or renamed is watched afresh, before the build
        // reads it: an edit made meanwhile is either read by this build or seen by the
        // new watch.
        for dir in folders.iter().filter(|dir| names(&events, dir)) {
            let _ = watcher.unwatch(dir);
            if dir.is_dir() {
                let _ = watcher.watch(dir, RecursiveMode::Recursive);
            }
        }
        let outcome = session.build();
        status.finished(&outcome);
        tell(report, &outcome);
    }
    Ok(())
}

fn tell(report: &mut dyn FnMut(Report), outcome: &Result<Built, Failure>) {
    match outcome {
        Ok(built) => report(Report::Built(built)),
        Err(failure) => report(Report::Failed(failure)),
    }
}

/// Whether an event is an edit inside a watched folder. Reading files (which every build
/// does) and changes of access time or permissions are not; nor are changes to the output
/// itself, or to anything else in the root.
fn relevant(event: &notify::Result<notify::Event>, folders: &[PathBuf], output: &Path) -> bool {
    use notify::event::{EventKind, ModifyKind};
    match event {
        Ok(e) => {
            let edit = match e.kind {
                EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
                EventKind::Modify(kind) => !matches!(kind, ModifyKind::Metadata(_)),
                EventKind::Access(_) | EventKind::Other => false,
            };
            let inside = |p: &PathBuf| folders.iter().any(|f| p.starts_with(f)) && !p.starts_with(output);
            edit && (e.paths.is_empty() || e.paths.iter().any(inside))
        }
        Err(_) => true,
    }
}

/// Whether any of `events` is about the folder `dir` itself (made, removed, renamed).
fn names(events: &[notify::Result<notify::Event>], dir: &Path) -> bool {
    events.iter().any(|e| e.as_ref().map_or(true, |e| e.paths.iter().any(|p| p == dir)))
}

/// Waits until edits stop for a moment (an editor's save is several events), so one
/// save means one rebuild; never waits more than half a second in all. Returns every
/// event seen, `first` included.
fn settle(
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    first: notify::Result<notify::Event>,
) -> Vec<notify::Result<notify::Event>> {
    let start = Instant::now();
    let mut events = vec![first];
    while start.elapsed() < Duration::from_millis(500) {
        match rx.recv_timeout(Duration::from_millis(40)) {
            Ok(event) => events.push(event),
            Err(_) => break,
        }
    }
    events
}
