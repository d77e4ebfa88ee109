//! Why a command failed, and the exit code that says so: 1 for problems in the content,
//! the theme or the output, 2 for a wrong command line.

use std::fmt;

use crate::diagnostic::Diagnostic;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the content or theme: fix them and run again.
    Content(Vec<Diagnostic>),
    /// The output could not be written (or a file could not be read).
    Output(String),
    /// A command-line value is wrong (exit 2).
    Usage(String),
}

impl Failure {
    /// The process exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Content(_) | Failure::Output(_) => 1,
            Failure::Usage(_) => 2,
        }
    }
}

/// The text shown in the terminal (and on `serve`'s error page): every diagnostic, one
/// per block, or the one message.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Content(errors) => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            Failure::Output(message) | Failure::Usage(message) => write!(f, "error: {message}"),
        }
    }
}

impl std::error::Error for Failure {}
