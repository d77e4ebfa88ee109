//! One build at a time per output folder: every build and rebuild (`dossier serve`'s
//! too) holds an exclusive lock on `.NAME.lock` beside the output `NAME`, so two builds
//! never write, swap or clean up at once; the second waits for the first and then runs.
//!
//! The lock file is removed when the lock is released, so a build leaves nothing behind.
//! A file of that name the tool did not make (one with other content, or a symbolic
//! link) is never opened through, written or removed: the build stops and says so.
//! That is safe because a waiter that wins the lock on a file already removed (or
//! replaced) notices and locks the file that is there now instead.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// What a lock file holds, so one left by a killed build is known as the tool's own.
const MARKER: &[u8] = b"dossier build lock\n";

/// Held while a build writes its output; released (and the lock file removed) on drop.
pub struct BuildLock {
    path: PathBuf,
    file: Option<File>,
}

/// The lock file of the output at `target` (canonical).
pub fn path_for(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    target.with_file_name(format!(".{name}.lock"))
}

/// Takes the lock of the output at `target` (canonical; its parent must exist), calling
/// `waiting` once first if another build holds it.
pub fn acquire(target: &Path, waiting: impl FnOnce()) -> io::Result<BuildLock> {
    let path = path_for(target);
    let mut waiting = Some(waiting);
    loop {
        let file = open_own(&path)?;
        if !sys::try_lock(&file)? {
            if let Some(tell) = waiting.take() {
                tell();
            }
            sys::lock(&file)?;
        }
        // The holder before us removes the file as it lets go: a lock on that file
        // guards nothing, so start again with the file that is there now.
        if same_file(&file, &path) {
            return Ok(BuildLock { path, file: Some(file) });
        }
    }
}

/// Opens (or creates) the lock file, refusing a symbolic link or a file of the user's.
fn open_own(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    let not_ours = || {
        io::Error::other(format!(
            "{} is not a lock file of dossier's: move it away (builds use that name to take turns)",
            path.display()
        ))
    };
    let mut file = options.open(path).map_err(|e| if path.is_symlink() { not_ours() } else { e })?;
    let mut held = Vec::new();
    Read::by_ref(&mut file).take(MARKER.len() as u64 + 1).read_to_end(&mut held)?;
    match held.as_slice() {
        // Just made (by this build or another one racing it): mark it as ours.
        [] => file.write_all(MARKER)?,
        h if h == MARKER => {}
        _ => return Err(not_ours()),
    }
    Ok(file)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.is_file()
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Removed while still held, then unlocked by closing: see the module comment.
        let _ = fs::remove_file(&self.path);
        drop(self.file.take());
    }
}

#[cfg(unix)]
mod sys {
    use std::fs::File;
    use std::io;
    use std::os::unix::io::AsRawFd;

    /// True if the lock was free and is now ours.
    pub fn try_lock(file: &File) -> io::Result<bool> {
        // SAFETY: flock on a file descriptor this File owns.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(true);
        }
        let e = io::Error::last_os_error();
        if e.kind() == io::ErrorKind::WouldBlock {
            Ok(false)
        } else {
            Err(e)
        }
    }

    /// Waits for the lock.
    pub fn lock(file: &File) -> io::Result<()> {
        loop {
            // SAFETY: as above.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
                return Ok(());
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }
}

/// Elsewhere the standard library's file locks (Windows: LockFileEx) do the same
/// (they need Rust 1.89 there).
#[cfg(not(unix))]
mod sys {
    use std::fs::File;
    use std::io;

    pub fn try_lock(file: &File) -> io::Result<bool> {
        match file.try_lock() {
            Ok(()) => Ok(true),
            Err(std::fs::TryLockError::WouldBlock) => Ok(false),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }

    pub fn lock(file: &File) -> io::Result<()> {
        file.lock()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[test]
    fn builds_take_turns_and_leave_no_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("site");
        let inside = Arc::new(AtomicUsize::new(0));
        let waited = Arc::new(AtomicUsize::new(0));
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..20 {
                        let _lock = acquire(&target, || {
                            waited.fetch_add(1, Ordering::Relaxed);
                        })
                        .unwrap();
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two holders at once");
                        std::thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        assert!(!path_for(&target).exists(), "the lock file goes with the lock");
    }

    #[test]
    fn a_users_file_or_link_of_that_name_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("site");
        let lock = path_for(&target);
        std::fs::write(&lock, "my notes").unwrap();
        assert!(acquire(&target, || {}).is_err());
        assert_eq!(std::fs::read_to_string(&lock).unwrap(), "my notes");
        #[cfg(unix)]
        {
            std::fs::remove_file(&lock).unwrap();
            let mine = dir.path().join("mine.txt");
            std::fs::write(&mine, "keep").unwrap();
            std::os::unix::fs::symlink(&mine, &lock).unwrap();
            assert!(acquire(&target, || {}).is_err());
            assert!(lock.is_symlink() && std::fs::read_to_string(&mine).unwrap() == "keep");
        }
    }
}
