//! Leftovers of interrupted builds beside an output folder: `.NAME.tmp-PID` (a site
//! being written, or an old one being removed) and `.NAME.old-PID` (the old site between
//! the two renames of a swap, where the system has no atomic exchange). Only folders with
//! exactly such a name, made by a process that is no longer running, are touched: a
//! user's `.site.old-backup` or anything else is never removed, and no link is followed.
//! The caller holds the output's lock, so no other build of it is running.

use std::fs;
use std::io;
use std::path::Path;

/// The process id in `file` if it is one of this output's temporary folders of kind
/// `tag` (`.NAME.tag-PID`); any other name, such as a user's `.site.old-backup`, is not.
fn leftover_pid(file: &str, name: &str, tag: &str) -> Option<u32> {
    let digits = file.strip_prefix(&format!(".{name}.{tag}-"))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Leftovers of an interrupted earlier run: its temporary folders are removed, and if
/// the output is missing because a run stopped between its two renames, the old site is
/// put back. Only folders named by a build whose process is gone are touched, and a
/// symlink is never followed.
pub fn clean(output: &Path) -> io::Result<()> {
    let Some(parent) = output.parent() else { return Ok(()) };
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let Ok(entries) = fs::read_dir(if parent.as_os_str().is_empty() { Path::new(".") } else { parent }) else {
        return Ok(());
    };
    let mut olds = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        // This process's own are leftovers too: a session stages one build at a time.
        let dead = |pid: u32| pid == std::process::id() || !running(pid);
        if leftover_pid(&file, &name, "tmp").is_some_and(dead) {
            super::remove_tree(&entry.path())?;
        } else if leftover_pid(&file, &name, "old").is_some_and(dead) {
            olds.push(entry.path());
        }
    }
    for old in olds {
        if output.symlink_metadata().is_ok() {
            super::remove_tree(&old)?;
        } else {
            fs::rename(&old, output)?;
        }
    }
    Ok(())
}

/// Whether the process `pid` is still running (its temporary folders are then not
/// leftovers). Unsure means yes: a folder wrongly kept is harmless, one wrongly removed
/// is not.
#[cfg(unix)]
pub fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
    if pid == 0 {
        return true;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    unsafe { libc::kill(pid, 0) == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH) }
}

#[cfg(not(unix))]
pub fn running(_: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::write::tests::write_site;

    #[test]
    fn cleans_only_its_own_leftovers_of_finished_processes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let running = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let keep = [".site.old-backup", ".site.tmp-", ".site.tmp-12x", ".site.tmp-1/x"]
            .map(|n| dir.path().join(n))
            .into_iter()
            .chain([dir.path().join(format!(".site.tmp-{}", running.id()))]);
        for d in keep.clone() {
            fs::create_dir_all(&d).unwrap();
            fs::write(d.join("mine.txt"), "mine").unwrap();
        }
        // A link named like a leftover is not followed, nor removed.
        std::os::unix::fs::symlink(dir.path().join(".site.old-backup"), dir.path().join(".site.tmp-999998")).unwrap();
        write_site(&out, &[("a.html".into(), b"1".to_vec())]).unwrap();
        for d in keep {
            assert_eq!(fs::read_to_string(d.join("mine.txt")).unwrap(), "mine", "{} kept", d.display());
        }
        assert!(dir.path().join(".site.tmp-999998").symlink_metadata().is_ok());
        let mut running = running;
        running.kill().unwrap();
        running.wait().unwrap();
    }

    #[test]
    fn restores_the_old_site_after_a_crash_between_renames() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let old = dir.path().join(".site.old-12345");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "old").unwrap();
        clean(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }

    #[test]
    fn a_dead_process_is_not_running() {
        assert!(running(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!running(pid));
    }
}
