//! The commands, one file each: call the library, print the outcome, choose the exit
//! code. Nothing here decides anything about a dossier.

pub mod add;
pub mod alias;
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

/// `text` as one shell word: plain words as they are, others in quotes.
fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "/._-+,:@".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else if !text.contains(['"', '\\', '$', '`', '!']) {
        format!("\"{text}\"")
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Names no actor matches, then each that may be a known actor's new spelling, with the
/// command that accepts it. Everything from articles is escaped.
pub fn print_names(heading: &str, names: &[dossier::model::dossier::NameCount], limit: usize, root: &Path) {
    let (proposed, unknown): (Vec<_>, Vec<_>) = names.iter().partition(|n| n.spelling_of.is_some());
    let plain = list(unknown.iter().take(limit).map(|n| format!("{} ({})", n.name, n.count)));
    println!("{heading}{}", if plain.is_empty() { "none".into() } else { plain });
    let root_arg =
        if root == Path::new(".") { String::new() } else { format!(" --root {}", shell_word(&root.to_string_lossy())) };
    for n in proposed {
        let Some(actor) = &n.spelling_of else { continue };
        let name = format!("\"{}\"", n.name);
        let command = format!("dossier alias {} {}{root_arg}", actor.id, shell_word(&n.name));
        println!(
            "  {} ({}): possible spelling of `{}` ({})\n    to accept: {}",
            safe(&name),
            n.count,
            actor.id,
            safe(&actor.title),
            safe(&command)
        );
    }
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
