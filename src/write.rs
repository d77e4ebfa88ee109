//! Stage 5, write: the new site is written into a temporary folder beside the output
//! and swapped in only when complete, so a failed or interrupted build never leaves a
//! half-written site: readers see the complete old site or the complete new one.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

fn sibling(output: &Path, tag: &str) -> PathBuf {
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    output.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

/// Leftovers of an interrupted earlier run: temporary folders are removed, and if the
/// output is missing because a run stopped between its two renames, the old site is
/// put back.
fn clean_leftovers(output: &Path) -> io::Result<()> {
    let Some(parent) = output.parent() else { return Ok(()) };
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let Ok(entries) = fs::read_dir(if parent.as_os_str().is_empty() { Path::new(".") } else { parent }) else {
        return Ok(());
    };
    let mut olds = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&format!(".{name}.tmp-")) {
            fs::remove_dir_all(entry.path())?;
        } else if file.starts_with(&format!(".{name}.old-")) {
            olds.push(entry.path());
        }
    }
    for old in olds {
        if output.exists() {
            fs::remove_dir_all(&old)?;
        } else {
            fs::rename(&old, output)?;
        }
    }
    Ok(())
}

/// Writes `files` (site path, bytes) as the complete new content of `output`.
pub fn write_site(output: &Path, files: &[(String, Vec<u8>)]) -> io::Result<()> {
    if output.exists() && !output.is_dir() {
        return Err(io::Error::other(format!("{} exists and is not a folder", output.display())));
    }
    if output.join("content").is_dir() {
        return Err(io::Error::other(format!(
            "{} holds a content/ folder: refusing to replace a dossier root with a site",
            output.display()
        )));
    }
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    clean_leftovers(output)?;
    let tmp = sibling(output, "tmp");
    let result = write_all(&tmp, files).and_then(|()| swap(&tmp, output));
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

/// Writes every file, folders first, then the files in parallel (a site is thousands of
/// small files: the system calls, not the bytes, are the cost).
fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> io::Result<()> {
    let folders: BTreeSet<PathBuf> =
        files.iter().filter_map(|(path, _)| dir.join(path).parent().map(Path::to_path_buf)).collect();
    fs::create_dir_all(dir)?;
    for folder in folders {
        fs::create_dir_all(folder)?;
    }
    files.par_iter().try_for_each(|(path, bytes)| fs::write(dir.join(path), bytes))
}

/// Removes a folder tree, its files in parallel.
fn remove_tree(dir: &Path) -> io::Result<()> {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.par_iter().try_for_each(fs::remove_file)?;
    fs::remove_dir_all(dir)
}

fn swap(new: &Path, output: &Path) -> io::Result<()> {
    if !output.exists() {
        return fs::rename(new, output);
    }
    // Where the system can, the two folders trade places in one step, so neither a
    // reader nor a crash ever meets a moment with no site; the old site is then at `new`
    // (a crash before it is removed leaves a `.tmp-` folder, cleaned by the next run).
    if exchange(new, output).is_ok() {
        return remove_tree(new);
    }
    // Elsewhere, two renames: between them `output` is missing for an instant, and a
    // crash there leaves the old site at `.old-`, which the next run puts back.
    let old = sibling(output, "old");
    fs::rename(output, &old)?;
    fs::rename(new, output)?;
    remove_tree(&old)
}

/// Atomically exchanges two paths (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are NUL-terminated strings that live until the call returns.
    let rc = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_site_and_cleans_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&out, &[("a.html".into(), b"1".to_vec()), ("x/b.html".into(), b"2".to_vec())]).unwrap();
        fs::create_dir_all(dir.path().join(".site.tmp-999999")).unwrap();
        write_site(&out, &[("c.html".into(), b"3".to_vec())]).unwrap();
        assert!(!out.join("a.html").exists(), "old files must go");
        assert_eq!(fs::read(out.join("c.html")).unwrap(), b"3");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("site")], "no leftovers");
    }

    #[test]
    fn restores_the_old_site_after_a_crash_between_renames() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let old = dir.path().join(".site.old-12345");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "old").unwrap();
        clean_leftovers(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn swap_exchanges_in_one_step_and_the_old_site_goes() {
        let dir = tempfile::tempdir().unwrap();
        let (new, out) = (dir.path().join("new"), dir.path().join("site"));
        fs::create_dir_all(&new).unwrap();
        fs::create_dir_all(&out).unwrap();
        fs::write(new.join("n"), "new").unwrap();
        fs::write(out.join("o"), "old").unwrap();
        exchange(&new, &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("n")).unwrap(), "new");
        assert_eq!(fs::read_to_string(new.join("o")).unwrap(), "old", "the old site is where the new one was");
    }
}
