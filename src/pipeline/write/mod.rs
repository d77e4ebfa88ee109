//! Stage 5, write: the new site is written into a temporary folder beside the output
//! and swapped in only when complete, so a failed or interrupted build never leaves a
//! half-written site: readers see the complete old site or the complete new one.
//!
//! Files are written as they are rendered (nothing holds the whole site in memory), and
//! a file whose bytes equal the old site's is not written again: the old file is
//! hard-linked into the new folder, so it keeps its inode and modification time and a
//! sync to a static host (`rsync -a`) uploads only what changed.

pub mod guard;
pub mod leftovers;
pub mod lock;

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

pub(crate) fn sibling(output: &Path, tag: &str) -> PathBuf {
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    output.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

/// What became of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// Identical to the old site's file, which was linked in instead.
    Unchanged,
}

/// A new site being written beside the output. Dropped without `commit`, it removes
/// itself and the output stays as it was.
pub struct Staging {
    output: PathBuf,
    tmp: PathBuf,
    /// The current site, if there is one: where unchanged files are linked from.
    old: Option<PathBuf>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    committed: bool,
}

/// How many files a build wrote, and how many it left as they were.
#[derive(Debug, Clone, Default)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    /// Set when the new site is in place but the old copy could not be removed: what is
    /// left over, and why.
    pub leftover: Option<String>,
}

impl Staging {
    /// Cleans earlier leftovers and creates the temporary folder, stamped as a site.
    /// `output` is a canonical path the caller has checked is the tool's to replace
    /// (`guard::check_output`), and the caller holds its lock.
    pub fn begin(output: &Path) -> io::Result<Staging> {
        if output.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
            return Err(io::Error::other(format!("{} exists and is not a folder", output.display())));
        }
        if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        leftovers::clean(output)?;
        let tmp = sibling(output, "tmp");
        fs::create_dir_all(&tmp)?;
        let old = output.is_dir().then(|| output.to_path_buf());
        let staging = Staging {
            output: output.to_path_buf(),
            tmp,
            old,
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            committed: false,
        };
        staging.put(guard::STAMP, guard::STAMP_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// The folder the new site is being written into.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }

    fn target(&self, path: &str) -> io::Result<PathBuf> {
        let target = self.tmp.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        Ok(target)
    }

    fn old_file(&self, path: &str) -> Option<PathBuf> {
        self.old.as_ref().map(|o| o.join(path))
    }

    fn count(&self, outcome: Outcome) -> Outcome {
        let counter = if outcome == Outcome::Written { &self.written } else { &self.unchanged };
        counter.fetch_add(1, Ordering::Relaxed);
        outcome
    }

    /// Links the old site's `path` into the new one; false if there is no such file.
    pub fn keep(&self, path: &str) -> io::Result<bool> {
        let Some(old) = self.old_file(path).filter(|o| o.is_file()) else { return Ok(false) };
        link_or_copy(&old, &self.target(path)?)?;
        self.count(Outcome::Unchanged);
        Ok(true)
    }

    /// Writes `bytes` as `path`, or links the old file if it holds exactly these bytes.
    pub fn put(&self, path: &str, bytes: &[u8]) -> io::Result<Outcome> {
        let target = self.target(path)?;
        if let Some(old) = self.old_file(path) {
            if same_bytes(&old, bytes) {
                link_or_copy(&old, &target)?;
                return Ok(self.count(Outcome::Unchanged));
            }
        }
        fs::write(&target, bytes)?;
        Ok(self.count(Outcome::Written))
    }

    /// Streams a large file straight to disk (so it is never whole in memory), then
    /// links the old file instead if the two turn out identical.
    pub fn put_with(&self, path: &str, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<Outcome> {
        let target = self.target(path)?;
        let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(&target)?);
        fill(&mut out)?;
        // Flushed, not synced, like every other file: the swap protects against a build
        // that is killed, not against a power cut (that would need an fsync per file).
        out.into_inner().map_err(io::IntoInnerError::into_error)?;
        if let Some(old) = self.old_file(path) {
            if same_files(&old, &target)? {
                fs::remove_file(&target)?;
                link_or_copy(&old, &target)?;
                return Ok(self.count(Outcome::Unchanged));
            }
        }
        Ok(self.count(Outcome::Written))
    }

    /// Swaps the new site in for the old one and removes the old one. An error means
    /// the old site is in place; once the new one is, a failure to remove the old copy
    /// is only reported in `WriteStats::leftover`.
    pub fn commit(mut self) -> io::Result<WriteStats> {
        let old = swap(&self.tmp, &self.output)?;
        self.committed = true;
        let leftover = old.and_then(|old| {
            let e = remove_tree(&old).err()?;
            Some(format!("the previous site could not be removed from {}: {e} (delete it by hand)", old.display()))
        });
        Ok(WriteStats { written: *self.written.get_mut(), unchanged: *self.unchanged.get_mut(), leftover })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_tree(&self.tmp);
        }
    }
}

fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        // Some file systems (FAT on a USB stick, some network shares) have no hard links.
        Err(_) => fs::copy(from, to).map(|_| ()),
    }
}

fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(old) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => fs::read(old).is_ok_and(|b| b == bytes),
        _ => false,
    }
}

fn same_files(a: &Path, b: &Path) -> io::Result<bool> {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else { return Ok(false) };
    if !ma.is_file() || ma.len() != mb.len() {
        return Ok(false);
    }
    let (mut fa, mut fb) = (fs::File::open(a)?, fs::File::open(b)?);
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = fa.read(&mut ba)?;
        if n == 0 {
            return Ok(true);
        }
        fb.read_exact(&mut bb[..n])?;
        if ba[..n] != bb[..n] {
            return Ok(false);
        }
    }
}

/// Removes a folder tree, its files in parallel (a site is thousands of small files:
/// the system calls, not the bytes, are the cost). Links are removed, never followed.
pub(crate) fn remove_tree(dir: &Path) -> io::Result<()> {
    if !fs::symlink_metadata(dir)?.is_dir() {
        return fs::remove_file(dir);
    }
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.par_iter().try_for_each(fs::remove_file)?;
    fs::remove_dir_all(dir)
}

/// Puts the folder `new` at `output`; returns where the old site now is, to be removed.
fn swap(new: &Path, output: &Path) -> io::Result<Option<PathBuf>> {
    if output.symlink_metadata().is_err() {
        return fs::rename(new, output).map(|()| None);
    }
    // Where the system can, the two folders trade places in one step, so neither a
    // reader nor a crash ever meets a moment with no site; the old site is then at `new`
    // (a crash before it is removed leaves a `.tmp-` folder, cleaned by the next run).
    if exchange(new, output).is_ok() {
        return Ok(Some(new.to_path_buf()));
    }
    // Elsewhere, two renames: between them `output` is missing for an instant, and a
    // crash there leaves the old site at `.old-`, which the next run puts back.
    let old = sibling(output, "old");
    fs::rename(output, &old)?;
    if let Err(e) = fs::rename(new, output) {
        return Err(fs::rename(&old, output).err().unwrap_or(e));
    }
    Ok(Some(old))
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
pub(crate) mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    /// Writes `files` (site path, bytes) as the complete new content of `output`.
    pub(crate) fn write_site(output: &Path, files: &[(String, Vec<u8>)]) -> io::Result<WriteStats> {
        let staging = Staging::begin(output)?;
        for (path, bytes) in files {
            staging.put(path, bytes)?;
        }
        staging.commit()
    }

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
        assert!(guard::is_site(&out), "stamped");
    }

    #[test]
    fn identical_files_keep_their_inode_and_changed_ones_are_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let files = |b: &[u8]| vec![("same.html".to_string(), b"same".to_vec()), ("x/changed.html".into(), b.to_vec())];
        write_site(&out, &files(b"one")).unwrap();
        let inode = |p: &str| fs::metadata(out.join(p)).unwrap().ino();
        let (same, changed) = (inode("same.html"), inode("x/changed.html"));
        let stats = write_site(&out, &files(b"two")).unwrap();
        assert_eq!((stats.written, stats.unchanged), (1, 2), "the stamp is unchanged too");
        assert_eq!(inode("same.html"), same, "an identical file is left as it was");
        assert_ne!(inode("x/changed.html"), changed);
        assert_eq!(fs::read(out.join("x/changed.html")).unwrap(), b"two");

        let staging = Staging::begin(&out).unwrap();
        assert_eq!(staging.put_with("same.html", |w| w.write_all(b"same")).unwrap(), Outcome::Unchanged);
        assert_eq!(staging.put_with("big.json", |w| w.write_all(b"{}")).unwrap(), Outcome::Written);
        assert!(staging.keep("x/changed.html").unwrap());
        assert!(!staging.keep("gone.html").unwrap());
        staging.commit().unwrap();
        assert_eq!(inode("same.html"), same);
        assert_eq!(fs::read(out.join("big.json")).unwrap(), b"{}");
    }

    #[test]
    fn an_abandoned_staging_leaves_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&out, &[("a.html".into(), b"1".to_vec())]).unwrap();
        {
            let staging = Staging::begin(&out).unwrap();
            staging.put("b.html", b"2").unwrap();
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("site")]);
        assert_eq!(fs::read(out.join("a.html")).unwrap(), b"1");
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
