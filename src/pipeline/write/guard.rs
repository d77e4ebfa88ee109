//! Which folder a build may replace, and which file `--zip` may overwrite.
//!
//! A build replaces its output folder whole, so the folder must be the tool's: a site it
//! wrote earlier (marked by the stamp file [`STAMP`]), an empty folder, or a new one. A
//! folder of the user's own files is refused unless `--force`; the dossier root, a
//! folder holding it, and anything in or around `content/` or `themes/` are refused
//! always. Paths are compared canonicalised, so `..`, `~`, symlinks and different
//! spellings of the same folder cannot slip past.

use std::io;
use std::path::{Component, Path, PathBuf};

/// The file a build puts in every site it writes: the proof that the folder is the
/// tool's to replace next time. It is left out of the zip archive.
pub const STAMP: &str = ".dossier-site";

/// What the stamp says to someone who opens it.
pub const STAMP_TEXT: &str = "This folder was written by `dossier build`, which replaces all of it on every build.\nKeep your own files elsewhere: anything added here is deleted by the next build.\n";

/// A refusal, worded for the terminal: the cause, then a `help:` line with the fix.
fn refuse(cause: String, help: &str) -> String {
    format!("{cause}\n  help: {help}")
}

/// The canonical form of `path`, which need not exist yet: its nearest existing
/// ancestor canonicalised, then the missing part appended (`..` there is taken
/// lexically, as nothing missing can be a symlink). A symlink that points nowhere is an
/// error, not something to write through or replace.
pub fn resolve(path: &Path) -> Result<PathBuf, String> {
    let absolute = std::path::absolute(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(real) => {
                let mut out = real;
                for part in missing.iter().rev() {
                    match part {
                        Component::ParentDir => {
                            out.pop();
                        }
                        Component::Normal(name) => out.push(name),
                        _ => {}
                    }
                }
                return Ok(out);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if existing.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
                    return Err(refuse(
                        format!("{} is a symbolic link to something that does not exist", existing.display()),
                        "create what it points to, or remove the link",
                    ));
                }
                let (Some(parent), Some(last)) = (existing.parent(), existing.components().next_back()) else {
                    return Err(format!("{}: no part of this path exists", path.display()));
                };
                missing.push(last);
                existing = parent;
            }
            Err(e) => return Err(format!("{}: {e}", existing.display())),
        }
    }
}

/// The places no output may be, in or around: the root, `content/` and `themes/`.
struct Protected {
    root: PathBuf,
    inner: Vec<PathBuf>,
}

impl Protected {
    fn of(root: &Path) -> Result<Protected, String> {
        let root = resolve(root)?;
        // content/ or themes/ may themselves be links elsewhere: what they point to counts.
        let inner = ["content", "themes"].iter().map(|d| resolve(&root.join(d))).collect::<Result<_, _>>()?;
        Ok(Protected { root, inner })
    }

    /// Why `path` (canonical) may not be written, if it may not.
    fn conflict(&self, path: &Path) -> Option<String> {
        if self.root.starts_with(path) {
            let what = if self.root == path { "is the dossier root" } else { "holds the dossier root" };
            return Some(format!("{what} ({})", self.root.display()));
        }
        for dir in &self.inner {
            if path == dir {
                return Some(format!("is the dossier's {}", dir.display()));
            }
            if path.starts_with(dir) {
                return Some(format!("is inside {}", dir.display()));
            }
            if dir.starts_with(path) {
                return Some(format!("holds {}", dir.display()));
            }
        }
        None
    }
}

/// Checks `output` may be replaced by a build of `root`, and returns its canonical path
/// (where the site is really written: a symlinked output is written through, the link
/// kept). Errors are usage errors, worded for the terminal.
pub fn check_output(root: &Path, output: &Path, force: bool) -> Result<PathBuf, String> {
    let target = resolve(output)?;
    if let Some(why) = Protected::of(root)?.conflict(&target) {
        return Err(refuse(
            format!(
                "--output {} {why}: a build replaces its output folder whole, which would delete your dossier",
                output.display()
            ),
            "give the site a folder of its own, such as ROOT/site (the default); --force does not override this",
        ));
    }
    check_contents(output, &target, force)?;
    Ok(target)
}

/// Checks the folder at `target` (canonical) is the tool's to replace: missing, empty,
/// or a site a build wrote. Called again once the build holds the lock.
pub fn check_contents(output: &Path, target: &Path, force: bool) -> Result<(), String> {
    let meta = match target.metadata() {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", output.display())),
    };
    if !meta.is_dir() {
        return Err(refuse(
            format!("--output {} is a file, not a folder", output.display()),
            "give a folder for the site (a new one is created)",
        ));
    }
    if force || is_site(target) {
        return Ok(());
    }
    let mut names: Vec<String> = std::fs::read_dir(target)
        .map_err(|e| format!("{}: {e}", output.display()))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let shown: Vec<String> = names.iter().take(3).map(|n| format!("`{}`", n.escape_debug())).collect();
    let more = if names.len() > 3 { format!(" and {} more", names.len() - 3) } else { String::new() };
    Err(refuse(
        format!(
            "--output {} is a folder with files a build did not write ({}{more}); a build replaces the whole folder and would delete them",
            output.display(),
            shown.join(", ")
        ),
        "choose a new or empty folder; or, if everything in it may be deleted, add --force",
    ))
}

/// Whether the folder holds a site a build wrote: it has the stamp, or (a site built
/// before the stamp existed) the home page and dossier.json every build writes.
pub fn is_site(dir: &Path) -> bool {
    let file = |name: &str| dir.join(name).symlink_metadata().is_ok_and(|m| m.is_file());
    file(STAMP) || (file("index.html") && file("dossier.json"))
}

/// Checks the archive at `zip` may be written, and returns its canonical path (a
/// symlinked archive is written through). `site` is the output's canonical path.
pub fn check_zip(root: &Path, site: &Path, zip: &Path, force: bool) -> Result<PathBuf, String> {
    let target = resolve(zip)?;
    if target.starts_with(site) {
        return Err(refuse(
            format!("--zip {}: the archive would be inside the site folder", zip.display()),
            "put the archive outside the site folder, such as next to it",
        ));
    }
    let protected = Protected::of(root)?;
    if protected.inner.iter().any(|d| target.starts_with(d)) || protected.root.starts_with(&target) {
        return Err(refuse(
            format!("--zip {} is in the dossier's content or themes", zip.display()),
            "put the archive outside content/ and themes/; --force does not override this",
        ));
    }
    if target.is_dir() {
        return Err(refuse(format!("--zip {} is a folder", zip.display()), "give a file name, such as site.zip"));
    }
    if target.exists() && !force && !crate::outputs::archive::is_ours(&target) {
        return Err(refuse(
            format!("--zip {} exists and is not an archive dossier wrote", zip.display()),
            "choose another file name; or, if that file may be replaced, add --force",
        ));
    }
    Ok(target)
}

/// Which folder is at `dir` now: every build swaps in a new folder, so this changes
/// with each build, whichever process made it.
#[cfg(unix)]
pub fn identity(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    dir.symlink_metadata().ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub fn identity(dir: &Path) -> Option<(u64, u64)> {
    // Without inode numbers, the modification time of the folder is the next best clue.
    let modified = dir.symlink_metadata().ok()?.modified().ok()?;
    let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some((since.as_secs(), u64::from(since.subsec_nanos())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_paths_that_do_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        assert_eq!(resolve(&dir.path().join("a/b/../c")).unwrap(), real.join("a/c"));
        assert_eq!(resolve(&dir.path().join("a/../..")).unwrap(), real.parent().unwrap());
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("dangling")).unwrap();
        assert!(resolve(&dir.path().join("dangling/x")).unwrap_err().contains("does not exist"));
    }

    #[test]
    fn protects_root_content_and_themes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir_all(root.join("content")).unwrap();
        let p = Protected::of(&root).unwrap();
        let real = root.canonicalize().unwrap();
        assert!(p.conflict(&real).is_some());
        assert!(p.conflict(real.parent().unwrap()).is_some());
        assert!(p.conflict(&real.join("content/x")).is_some());
        assert!(p.conflict(&real.join("themes")).is_some(), "themes/ is protected before it exists");
        assert!(p.conflict(&real.join("site")).is_none());
    }
}
