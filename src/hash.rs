//! One content hash for every cache key, page fingerprint and edition digest: a hash
//! of a value's serialisation, fed to the hasher without building the serialised form
//! in memory. XXH3 is stable across Rust versions and machines (std's `DefaultHasher`
//! is not promised to be), so hashes may be written to disk and compared by a later
//! binary (`edition.json`).

use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

/// Feeds serialised values into a hasher without building them in memory.
struct HashWriter(Xxh3);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A hash of `value`'s serialisation.
pub fn hash_of(value: &impl Serialize) -> u64 {
    let mut h = HashWriter(Xxh3::new());
    // Writing to a hasher does no I/O, and every map here has string keys, so
    // serialisation cannot fail part-way (which would leave a weaker key).
    let _ = serde_json::to_writer(&mut h, value);
    h.0.digest()
}
