//! `dossier build`: builds the site and prints one summary line.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{default_output, report, summary};

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
            if let Some(zip) = &opts.zip {
                println!("Archive: {}", zip.display());
            }
            ExitCode::SUCCESS
        }
        Err(f) => report(f, &format!("build (the previous {} is unchanged)", output.display())),
    }
}
