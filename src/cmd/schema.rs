//! `dossier schema`: JSON Schemas for editors that complete fields.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::Failure;

use super::report;

pub fn run(root: &Path, out: Option<PathBuf>) -> ExitCode {
    let dir = out.unwrap_or_else(|| root.join(dossier::authoring::schema::DIR));
    match dossier::authoring::schema::write(&dir) {
        Ok(files) => {
            println!("Wrote {} schemas to {}/", files.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(message) => report(Failure::Output(message), "schema"),
    }
}
