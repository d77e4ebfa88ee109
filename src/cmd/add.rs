//! `dossier add FILE`: imports an article, then says what it touches.

use std::path::Path;
use std::process::ExitCode;

use dossier::{AddOptions, Failure};

use super::{list, print_names, report, safe};

pub fn run(root: &Path, file: &Path, opts: &AddOptions) -> ExitCode {
    let added = match dossier::add(root, file, opts) {
        Ok(added) => added,
        Err(f) => return report(f, "add"),
    };
    println!(
        "Added {} ({} paragraphs): \"{}\"",
        safe(&added.path.display().to_string()),
        added.paragraphs,
        safe(&added.title)
    );
    let d = match &added.dossier {
        Ok(d) => d,
        Err(errors) => {
            return report(Failure::Content(errors.clone()), "the article was added, but the dossier check");
        }
    };
    let Some(t) = added.touches(d) else { return ExitCode::SUCCESS };
    let actors = list(t.source.actors.iter().map(|a| format!("{} ({})", a.actor.title, a.count)));
    println!("Mentions: {}", if actors.is_empty() { "no known actor".into() } else { actors });
    let stale = list(t.stale.iter().map(|(url, reviewed)| format!("{url} (reviewed {reviewed})")));
    println!("Now needs review: {}", if stale.is_empty() { "nothing".into() } else { stale });
    print_names("Names matching no actor: ", t.unknown_names, 15, root);
    ExitCode::SUCCESS
}
