//! The theme: templates and static files. The default theme is embedded in the binary
//! by build.rs; a folder `ROOT/themes/<name>/` overrides it file by file, so changing one
//! template means copying just that one file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/theme.rs"));
}

/// syntect's stylesheet for highlighted code, generated at compile time.
pub const HIGHLIGHT_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/highlight.css"));

pub struct Theme {
    /// Path within the theme (`templates/base.html`, `static/style.css`) -> bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// `ROOT/themes/<name>`: where errors in its files are reported (for the built-in
    /// theme, where `themes/default/` would be if copied out to change it).
    pub dir: PathBuf,
}

impl Theme {
    pub fn load(root: &Path, name: &str, dossier_yaml: &Path) -> Result<Theme, Diagnostic> {
        let mut files: BTreeMap<String, Vec<u8>> =
            embedded::EMBEDDED.iter().map(|(path, bytes)| (path.to_string(), bytes.to_vec())).collect();
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.map_err(|e| Diagnostic::new(&dir, 0, 0, format!("cannot read theme: {e}")))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path()).to_string_lossy().replace('\\', "/");
                let bytes = fs::read(entry.path())
                    .map_err(|e| Diagnostic::new(entry.path(), 0, 0, format!("cannot read theme file: {e}")))?;
                files.insert(rel, bytes);
            }
        } else if name != "default" {
            return Err(Diagnostic::new(dossier_yaml, 1, 1, format!("theme `{name}` not found at {}", dir.display()))
                .help("create that folder, or remove `theme:` to use the built-in theme"));
        }
        Ok(Theme { files, dir })
    }

    /// Templates as (name, text); names are relative to `templates/`. A template that
    /// is not UTF-8 is an error naming the file (and where its text stops being UTF-8).
    pub fn templates(&self) -> (Vec<(String, String)>, Vec<Diagnostic>) {
        let mut templates = Vec::new();
        let mut errors = Vec::new();
        for (path, bytes) in &self.files {
            let Some(name) = path.strip_prefix("templates/") else { continue };
            match std::str::from_utf8(bytes) {
                Ok(text) => templates.push((name.to_string(), text.to_string())),
                Err(e) => {
                    let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
                    let at = valid.len();
                    errors.push(
                        Diagnostic::at_offset(&self.template_path(name), &valid, at, "the template is not valid UTF-8")
                            .help("save the template as UTF-8 (the bytes at this position are in another encoding)"),
                    );
                }
            }
        }
        (templates, errors)
    }

    /// Where the template `name` (relative to `templates/`) is, for messages.
    pub fn template_path(&self, name: &str) -> PathBuf {
        self.dir.join("templates").join(name)
    }

    /// The text of the template `name`, if it is one.
    pub fn template_text(&self, name: &str) -> Option<&str> {
        std::str::from_utf8(self.files.get(&format!("templates/{name}"))?).ok()
    }

    /// Static files as (path in the site, bytes).
    pub fn statics(&self) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = self
            .files
            .iter()
            .filter_map(|(path, bytes)| Some((format!("static/{}", path.strip_prefix("static/")?), bytes.clone())))
            .collect();
        out.push(("static/highlight.css".into(), HIGHLIGHT_CSS.as_bytes().to_vec()));
        out
    }
}
