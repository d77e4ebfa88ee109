//! The commands, one file each: call the library, print the outcome, choose the exit
//! code. Nothing here decides anything about a dossier.

pub mod add;
pub mod args;
pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod schema;
pub mod serve;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use dossier::text::terminal_safe as safe;
use dossier::Failure;

/// Prints a failure and returns its exit code: every diagnostic, then one line naming
/// what failed.
pub fn report(failure: Failure, what: &str) -> ExitCode {
    match &failure {
        Failure::Content(errors) => {
            eprintln!("{failure}");
            // Notes and warnings are printed but not counted: only errors failed the run.
            let n = errors.iter().filter(|e| e.is_error()).count();
            eprintln!("{what} failed: {n} error{}", if n == 1 { "" } else { "s" });
        }
        Failure::Output(_) => eprintln!("{}\n{what} failed", safe(&failure.to_string())),
        Failure::Usage(_) => eprintln!("{}", safe(&failure.to_string())),
    }
    ExitCode::from(failure.exit_code())
}

/// `--output` when it is not given: `site/` in the dossier root.
pub fn default_output(root: &Path, output: Option<PathBuf>) -> PathBuf {
    output.unwrap_or_else(|| root.join("site"))
}

/// Items joined for one line of output, each escaped: names come from articles.
pub fn list(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().map(|s| safe(&s).into_owned()).collect::<Vec<_>>().join(", ")
}

/// The one line a build ends with.
pub fn summary(b: &dossier::Built) -> String {
    format!(
        "Built {} pages in {} ms -> {}/ ({} files written, {} unchanged)",
        b.pages,
        b.elapsed.as_millis(),
        b.output.display(),
        b.written,
        b.unchanged
    )
}

/// Warnings of a build that succeeded: the content's (printed like errors, on stderr),
/// then what went wrong after the new site was swapped in (it is in place, but something
/// is left over, or the archive was not moved into place).
pub fn warn(b: &dossier::Built) {
    for w in &b.warnings {
        eprintln!("{w}");
    }
    for w in &b.left_over {
        eprintln!("warning: {}", safe(w));
    }
}
