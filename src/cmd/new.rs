//! `dossier new KIND ID`: one item from a template with every field named.

use std::path::Path;
use std::process::ExitCode;

use dossier::model::kind::Kind;

use super::report;

pub fn run(root: &Path, kind: Kind, id: &str) -> ExitCode {
    match dossier::authoring::scaffold::new_item(root, kind, id) {
        Ok(path) => {
            println!("Wrote {}: fill in its fields (every one is named), then run dossier check", path.display());
            ExitCode::SUCCESS
        }
        Err(f) => report(f, "new"),
    }
}
