//! `dossier serve`: prints each rebuild's outcome as the server reports it.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use dossier::serve::Report;

use super::{default_output, report, safe, summary, warn};

pub fn run(root: PathBuf, output: Option<PathBuf>, port: u16, bind: IpAddr, force: bool) -> ExitCode {
    let output = default_output(&root, output);
    let options = dossier::serve::Options { root, output, bind, port, force };
    let result = dossier::serve::serve(&options, &mut |report| match report {
        Report::Listening(address) => {
            println!("Serving http://{address}/ (Ctrl-C stops); rebuilding when content/ or themes/ change");
        }
        Report::Built(b) => {
            println!("{} [{} re-rendered]", summary(b), b.rendered);
            warn(b);
        }
        Report::Failed(f) => {
            eprintln!("{}\nbuild failed: the page shows the error until it is fixed", safe(&f.to_string()))
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => report(f, "serve"),
    }
}
