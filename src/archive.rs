//! `dossier build --zip FILE`: the built site as one zip archive for offline readers.
//! Every file sits under one top-level folder (named after the archive), entries are
//! sorted and carry a fixed time and mode, so the same site always gives the same bytes.
//! The archive is written beside its destination and renamed into place, so a failed
//! build never leaves half an archive.

use std::collections::BTreeSet;
use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The name of the folder inside the archive: the archive's file stem, or "site".
pub fn folder_name(zip_path: &Path) -> String {
    zip_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && !s.starts_with('.'))
        .unwrap_or_else(|| "site".into())
}

/// The archive of `files` (site path, bytes) under `folder/`, in memory.
pub fn zip_bytes(folder: &str, files: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut sorted: Vec<&(String, Vec<u8>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut dirs = BTreeSet::new();
    for (path, _) in &sorted {
        let mut p = Path::new(path.as_str());
        while let Some(parent) = p.parent().filter(|p| !p.as_os_str().is_empty()) {
            dirs.insert(parent.to_string_lossy().replace('\\', "/"));
            p = parent;
        }
    }
    let base = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.add_directory(format!("{folder}/"), base.unix_permissions(0o755))?;
    for dir in &dirs {
        zip.add_directory(format!("{folder}/{dir}/"), base.unix_permissions(0o755))?;
    }
    for (path, bytes) in sorted {
        zip.start_file(format!("{folder}/{path}"), base.unix_permissions(0o644))?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// A finished archive waiting beside its destination for the build to succeed.
pub struct Pending {
    temp: PathBuf,
    dest: PathBuf,
}

impl Pending {
    /// Moves the archive into place.
    pub fn commit(self) -> std::io::Result<()> {
        fs::rename(&self.temp, &self.dest)
    }

    /// Removes the temporary archive (the build failed).
    pub fn discard(self) {
        let _ = fs::remove_file(&self.temp);
    }
}

/// Writes the archive of `files` to a temporary file beside `dest`.
pub fn prepare(dest: &Path, files: &[(String, Vec<u8>)]) -> Result<Pending, String> {
    if dest.is_dir() {
        return Err(format!("{} is a folder: give a file name such as site.zip", dest.display()));
    }
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let bytes = zip_bytes(&folder_name(dest), files).map_err(|e| format!("cannot make {}: {e}", dest.display()))?;
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site.zip".into());
    let temp = dest.with_file_name(format!(".{name}.partial"));
    fs::write(&temp, bytes).map_err(|e| {
        let _ = fs::remove_file(&temp);
        format!("cannot write {}: {e}", temp.display())
    })?;
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
    fn folder_is_named_after_the_archive() {
        assert_eq!(folder_name(Path::new("/tmp/water-2026.zip")), "water-2026");
        assert_eq!(folder_name(Path::new(".zip")), "site");
    }
}
