//! `dossier alias ID SPELLING`: accepts a new spelling of an actor, as `dossier add` and
//! `dossier check` propose.

use std::path::Path;
use std::process::ExitCode;

use super::{report, safe};

pub fn run(root: &Path, id: &str, spelling: &str) -> ExitCode {
    match dossier::authoring::alias::alias(root, id, spelling) {
        Ok(done) => {
            println!(
                "Added \"{}\" to the aliases of `{}` ({}) in {}",
                safe(&done.alias),
                safe(id),
                safe(&done.name),
                safe(&done.path.display().to_string())
            );
            println!("The next build links every source that writes it to the actor's page.");
            ExitCode::SUCCESS
        }
        Err(f) => report(f, "alias"),
    }
}
