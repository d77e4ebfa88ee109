//! `dossier build --zip FILE`: the built site as one zip archive for offline readers.
//! Every file sits under one top-level folder (named after the archive), entries are
//! sorted and carry a fixed time and mode, so the same site always gives the same bytes.
//! The archive is written beside its destination and renamed into place, so a failed
//! build never leaves half an archive. Its zip comment, [`MARKER`], tells a later build
//! the file is one it may replace; the site's stamp file is left out.

use std::collections::BTreeSet;
use std::fs;
use std::io::{Cursor, Seek, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The zip comment of every archive a build writes (the last bytes of the file).
pub const MARKER: &str = "Site archive written by dossier build";

/// Whether the file at `path` is an archive a build wrote: it ends with the marker, or
/// (written before the marker) it is a zip whose entries are all under the folder named
/// after it, home page and dossier.json included.
pub fn is_ours(path: &Path) -> bool {
    use std::io::{Read, SeekFrom};
    let Ok(mut file) = fs::File::open(path) else { return false };
    let mut tail = vec![0; MARKER.len()];
    let ends_with_marker = file.seek(SeekFrom::End(-(MARKER.len() as i64))).is_ok()
        && file.read_exact(&mut tail).is_ok()
        && tail == MARKER.as_bytes();
    if ends_with_marker {
        return true;
    }
    let Ok(archive) = file.rewind().map_err(zip::result::ZipError::Io).and_then(|()| zip::ZipArchive::new(file)) else {
        return false;
    };
    let folder = format!("{}/", folder_name(path));
    let names: BTreeSet<&str> = archive.file_names().collect();
    names.iter().all(|n| n.starts_with(&folder))
        && names.contains(format!("{folder}index.html").as_str())
        && names.contains(format!("{folder}dossier.json").as_str())
}

/// The name of the folder inside the archive: the archive's file stem, or "site".
pub fn folder_name(zip_path: &Path) -> String {
    zip_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && !s.starts_with('.'))
        .unwrap_or_else(|| "site".into())
}

/// Writes the archive of the files at `paths` (site paths, read with `read`) under
/// `folder/`; entries are sorted so the order of `paths` does not matter.
fn zip_files<W: Write + Seek>(
    out: W,
    folder: &str,
    paths: &[String],
    read: impl Fn(&str) -> std::io::Result<Vec<u8>>,
) -> zip::result::ZipResult<W> {
    let mut sorted: Vec<&String> = paths.iter().collect();
    sorted.sort();
    let mut dirs = BTreeSet::new();
    for path in &sorted {
        let mut p = Path::new(path.as_str());
        while let Some(parent) = p.parent().filter(|p| !p.as_os_str().is_empty()) {
            dirs.insert(parent.to_string_lossy().replace('\\', "/"));
            p = parent;
        }
    }
    let base = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(out);
    zip.set_comment(MARKER);
    zip.add_directory(format!("{folder}/"), base.unix_permissions(0o755))?;
    for dir in &dirs {
        zip.add_directory(format!("{folder}/{dir}/"), base.unix_permissions(0o755))?;
    }
    for path in sorted {
        zip.start_file(format!("{folder}/{path}"), base.unix_permissions(0o644))?;
        zip.write_all(&read(path)?)?;
    }
    zip.finish()
}

/// The archive of `files` (site path, bytes) under `folder/`, in memory.
pub fn zip_bytes(folder: &str, files: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let paths: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let read = |p: &str| {
        let found = files.iter().find(|(q, _)| q == p).map(|(_, b)| b.clone());
        found.ok_or_else(|| std::io::Error::other(format!("no file {p}")))
    };
    Ok(zip_files(Cursor::new(Vec::new()), folder, &paths, read)?.into_inner())
}

/// A finished archive waiting beside its destination for the build to succeed.
pub struct Pending {
    temp: PathBuf,
    dest: PathBuf,
}

impl Pending {
    /// Moves the archive into place; if it cannot, says where the finished one is.
    pub fn commit(self) -> Result<(), String> {
        fs::rename(&self.temp, &self.dest).map_err(|e| {
            format!(
                "the archive could not be moved to {}: {e}; it is complete at {}",
                self.dest.display(),
                self.temp.display()
            )
        })
    }

    /// Removes the temporary archive (the build failed).
    pub fn discard(self) {
        let _ = fs::remove_file(&self.temp);
    }
}

/// Writes the archive of the site in folder `site` to a temporary file beside `dest`,
/// one file at a time (a large site is never whole in memory), leaving out the files
/// named in `leave_out` (the build's own bookkeeping, such as its stamp).
pub fn prepare(dest: &Path, site: &Path, leave_out: &[&str]) -> Result<Pending, String> {
    if dest.is_dir() {
        return Err(format!("{} is a folder: give a file name such as site.zip", dest.display()));
    }
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let paths: Vec<String> = walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| Some(e.path().strip_prefix(site).ok()?.to_string_lossy().replace('\\', "/")))
        .filter(|p| !leave_out.contains(&p.as_str()))
        .collect();
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site.zip".into());
    // Named for this process: another build writing the same archive has its own.
    let temp = dest.with_file_name(format!(".{name}.partial-{}", std::process::id()));
    // `create_new`: a file of that name that is not ours is never overwritten (nor removed).
    let file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|e| format!("cannot write {}: {e}", temp.display()))?;
    let written = zip_files(std::io::BufWriter::new(file), &folder_name(dest), &paths, |p| fs::read(site.join(p)))
        .and_then(|w| w.into_inner().map_err(|e| zip::result::ZipError::Io(e.into_error())));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(format!("cannot write {}: {e}", temp.display()));
    }
    Ok(Pending { temp, dest: dest.to_path_buf() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_files_same_bytes_whatever_their_order() {
        let a = vec![("index.html".to_string(), b"<p>hi</p>".to_vec()), ("static/s.css".to_string(), b"p{}".to_vec())];
        let mut b = a.clone();
        b.reverse();
        assert_eq!(zip_bytes("x", &a).unwrap(), zip_bytes("x", &b).unwrap());
        let mut archive = zip::ZipArchive::new(Cursor::new(zip_bytes("x", &a).unwrap())).unwrap();
        let names: Vec<String> = (0..archive.len()).map(|i| archive.by_index(i).unwrap().name().to_string()).collect();
        assert_eq!(names, ["x/", "x/static/", "x/index.html", "x/static/s.css"]);
    }

    #[test]
    fn recognises_its_own_archives_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("water.zip");
        let files = [("index.html".to_string(), b"x".to_vec()), ("dossier.json".to_string(), b"{}".to_vec())];
        fs::write(&path, zip_bytes("water", &files).unwrap()).unwrap();
        assert!(is_ours(&path));
        // One from before the marker: recognised by its layout.
        let mut old = zip_bytes("water", &files).unwrap();
        old.truncate(old.len() - MARKER.len());
        let n = old.len();
        old[n - 2..].copy_from_slice(&[0, 0]);
        fs::write(&path, &old).unwrap();
        assert!(is_ours(&path));
        fs::write(&path, &zip_bytes("other", &files).unwrap()[..10]).unwrap();
        assert!(!is_ours(&path));
        fs::write(&path, "notes").unwrap();
        assert!(!is_ours(&path));
    }

    #[test]
    fn folder_is_named_after_the_archive() {
        assert_eq!(folder_name(Path::new("/tmp/water-2026.zip")), "water-2026");
        assert_eq!(folder_name(Path::new(".zip")), "site");
    }
}
