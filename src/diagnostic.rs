//! Errors are values: every stage collects `Diagnostic`s for the whole run and the
//! command line prints them all at the end, each as `path:line:col: error: cause`
//! followed by a `help:` line that says how to fix it. A warning prints the same way
//! but does not fail the build; a note explains what was left out because of an error.

mod yaml;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::text::terminal_safe;

pub use yaml::yaml_error;

/// How much a diagnostic matters: only errors fail a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// What was skipped because of an error reported elsewhere.
    Note,
}

/// One problem found in the content, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based line and column (in characters); 0 when the problem is the whole file.
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub help: Option<String>,
    pub severity: Severity,
}

impl Diagnostic {
    pub fn new(path: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            col,
            message: message.into(),
            help: None,
            severity: Severity::Error,
        }
    }

    /// The same diagnostic as a warning: printed, but the build goes on.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn note(mut self) -> Self {
        self.severity = Severity::Note;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A problem located at a byte offset of the file's text.
    pub fn at_offset(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, col) = line_col(text, offset);
        Diagnostic::new(path, line, col, message)
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        // File names and messages quote content (ids, quotes, names): printed through
        // `terminal_safe`, so they cannot send escape sequences to the terminal.
        let path = self.path.display().to_string();
        let (line, col) = (self.line.max(1), self.col.max(1));
        write!(f, "{}:{line}:{col}: {severity}: {}", terminal_safe(&path), terminal_safe(&self.message))?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", terminal_safe(help))?;
        }
        Ok(())
    }
}

/// 1-based line and column (counted in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Finds where a value stands in a YAML file, for errors found after parsing (serde
/// keeps no spans). `nth` picks the n-th occurrence, so the second of two identical bad
/// ids is reported where it is. Matches whole tokens, so `uk` is not found inside `ukraine`.
pub fn find_token(text: &str, needle: &str, nth: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let is_token_char = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut seen = 0;
    let mut from = 0;
    while let Some(pos) = text[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before_ok =
            text[..start].chars().next_back().is_none_or(|c| !is_token_char(c)) && !text[..start].ends_with("[[");
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_token_char(c));
        if before_ok && after_ok {
            if seen == nth {
                return Some(start);
            }
            seen += 1;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The valid id closest to a mistyped one, if any is close enough to be a likely typo.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// "did you mean `x`?" or a pointer to where the valid ids are listed.
pub fn suggestion<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>, what: &str) -> String {
    match nearest(wanted, candidates) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("no {what} has an id like `{wanted}`; ids are file names without extension"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a: 1\nbé: xyz\n";
        assert_eq!(line_col(text, 0), (1, 1));
        let off = text.find("xyz").unwrap();
        assert_eq!(line_col(text, off), (2, 5));
    }

    #[test]
    fn find_token_respects_word_edges_and_nth() {
        let text = "actors: [ukraine, uk]\nx: uk";
        assert_eq!(find_token(text, "uk", 0), Some(text.find(", uk").unwrap() + 2));
        assert_eq!(find_token(text, "uk", 1), Some(text.rfind("uk").unwrap()));
        assert_eq!(find_token(text, "uk", 2), None);
        let text = "summary: see [[kyiv]]\nrelated: [kyiv]";
        assert_eq!(find_token(text, "kyiv", 0), Some(text.rfind("kyiv").unwrap()));
    }

    #[test]
    fn nearest_finds_typos_only() {
        let ids = ["macron", "merz", "starmer"];
        assert_eq!(nearest("macrom", ids), Some("macron"));
        assert_eq!(nearest("zzzzzz", ids), None);
    }
}
