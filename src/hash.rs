//! One content hash for every cache key and page fingerprint: a hash of a value's
//! serialisation, fed to the hasher without building the serialised form in memory.

use std::hash::Hasher;

use serde::Serialize;

/// Feeds serialised values into a hasher without building them in memory.
struct HashWriter(std::hash::DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A hash of `value`'s serialisation.
pub fn hash_of(value: &impl Serialize) -> u64 {
    let mut h = HashWriter(std::hash::DefaultHasher::new());
    // Writing to a hasher does no I/O, and every map here has string keys, so
    // serialisation cannot fail part-way (which would leave a weaker key).
    let _ = serde_json::to_writer(&mut h, value);
    h.0.finish()
}
