//! `dossier build`: builds the site and prints one summary line.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{default_output, report, summary, warn};

pub fn run(root: PathBuf, output: Option<PathBuf>, timings: bool, opts: dossier::BuildOptions) -> ExitCode {
    let output = default_output(&root, output);
    match dossier::build_with(&root, &output, &opts) {
        Ok(b) => {
            if timings {
                for (stage, t) in &b.timings {
                    eprintln!("{stage:>14}: {:>6} ms", t.as_millis());
                }
            }
            println!("{}", summary(&b));
            warn(&b);
            // A zip that could not be moved into place after the swap is named in a warning.
            if let Some(zip) = opts.zip.as_ref().filter(|_| !b.left_over.iter().any(|w| w.starts_with("the archive"))) {
                println!("Archive: {}", zip.display());
            }
            ExitCode::SUCCESS
        }
        Err(f) => report(f, &format!("build (the previous {} is unchanged)", output.display())),
    }
}
