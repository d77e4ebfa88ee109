//! `dossier init DIR`: a new dossier that builds as it is.

use std::path::Path;
use std::process::ExitCode;

use super::report;

pub fn run(dir: &Path, title: &str) -> ExitCode {
    match dossier::authoring::scaffold::init(dir, title) {
        Ok(files) => {
            println!("Created a dossier in {} ({} files). Next:", dir.display(), files.len());
            println!("  cd {} && dossier build      then open site/index.html", dir.display());
            println!("  dossier new actor ID        add an item; dossier add FILE imports an article");
            ExitCode::SUCCESS
        }
        Err(f) => report(f, "init"),
    }
}
