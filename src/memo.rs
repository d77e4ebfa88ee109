//! What one build lends the next: results kept by id with the hash of the inputs they
//! were made from. Every stage that can reuse work takes its own `Table` (never an
//! optional one): a one-off build passes tables that are off, which answer nothing
//! and keep nothing, so a stage has one code path whether or not a session remembers.
//!
//! Invariant: `get` returns a result only for the same id *and* the same input hash, so
//! a reused result is always the result the stage would compute afresh. A stage must
//! hash every input its result depends on into the key; `tests/it/incremental.rs`
//! compares a session's rebuilds with fresh builds byte for byte after many edits.

use std::collections::HashMap;
use std::sync::Arc;

/// Results of one kind, by id.
pub struct Table<T: ?Sized> {
    on: bool,
    entries: HashMap<String, (u64, Arc<T>)>,
}

impl<T: ?Sized> Table<T> {
    /// A table that remembers (a build session).
    pub fn on() -> Self {
        Table { on: true, entries: HashMap::new() }
    }

    /// A table that answers nothing and keeps nothing (a one-off build).
    pub fn off() -> Self {
        Table { on: false, entries: HashMap::new() }
    }

    /// Whether results are kept: a stage may skip work that only serves the next build.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// The result kept for `id`, if it was made from inputs hashing to `key`.
    pub fn get(&self, id: &str, key: u64) -> Option<Arc<T>> {
        match self.entries.get(id) {
            Some((k, value)) if *k == key => Some(Arc::clone(value)),
            _ => None,
        }
    }

    /// Keeps exactly these results for the next build, forgetting the rest (ids that
    /// are gone must not be answered for later). Does nothing when the table is off.
    pub fn keep(&mut self, entries: impl IntoIterator<Item = (String, u64, Arc<T>)>) {
        if self.on {
            self.entries = entries.into_iter().map(|(id, key, value)| (id, (key, value))).collect();
        }
    }
}

impl<T: ?Sized> Default for Table<T> {
    fn default() -> Self {
        Table::off()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_only_for_the_same_inputs() {
        let mut t: Table<str> = Table::on();
        t.keep([("a".to_string(), 1, Arc::from("one"))]);
        assert_eq!(t.get("a", 1).as_deref(), Some("one"));
        assert!(t.get("a", 2).is_none(), "another input hash is another result");
        assert!(t.get("b", 1).is_none());
        t.keep([("b".to_string(), 1, Arc::from("two"))]);
        assert!(t.get("a", 1).is_none(), "keep forgets what it was not given");
    }

    #[test]
    fn an_off_table_keeps_nothing() {
        let mut t: Table<str> = Table::off();
        t.keep([("a".to_string(), 1, Arc::from("one"))]);
        assert!(t.get("a", 1).is_none());
        assert!(!t.is_on());
    }
}
