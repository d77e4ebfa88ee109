//! The one memo a build session owns: everything a build can lend the next, stage by
//! stage. A one-off build (and `check`) uses `Memo::off()`, whose tables answer nothing
//! and keep nothing, so every stage has one entry point and no optional cache.
//!
//! Invariant: `pages` describes the site at the session's output exactly as the last
//! successful build left it; a failed build leaves the memo as the last success left it
//! for pages (file parses and per-source work stay valid whatever failed, being keyed by
//! their own inputs).

use std::collections::HashMap;

use serde_json::value::RawValue;

use crate::memo::Table;
use crate::outputs::{concept_map, search};
use crate::pipeline::load::Raw;
use crate::pipeline::resolve;

pub struct Memo {
    on: bool,
    /// The files of the last load, reused while their size and time are unchanged.
    files: Raw,
    /// Per-source work of the last resolution.
    pub(crate) resolved: resolve::Cache,
    /// The last drawing of the map, and a hash of what it drew.
    pub(crate) map: Option<(u64, concept_map::Map)>,
    /// Fingerprint of every page at the output, by path (see `plan::Page::fingerprint`).
    pub(crate) pages: HashMap<String, u64>,
    /// Source entries of the search index.
    pub(crate) search: search::SearchCache,
    /// Serialised sources of dossier.json.
    pub(crate) export: Table<RawValue>,
    /// Which folder the last build swapped in: if another process has built into the
    /// output since, `pages` no longer describes it.
    pub(crate) swapped_in: Option<(u64, u64)>,
}

impl Memo {
    /// Remembers nothing: a one-off build or a check.
    pub fn off() -> Memo {
        Memo {
            on: false,
            files: Raw::default(),
            resolved: resolve::Cache::default(),
            map: None,
            pages: HashMap::new(),
            search: search::SearchCache::default(),
            export: Table::off(),
            swapped_in: None,
        }
    }

    /// Remembers what each build computed, at the price of the memory it keeps.
    pub fn on() -> Memo {
        Memo { on: true, resolved: resolve::Cache::on(), export: Table::on(), ..Memo::off() }
    }

    pub fn is_on(&self) -> bool {
        self.on
    }

    /// The files the last load kept (none when off), for the next load to reuse.
    pub(crate) fn take_files(&mut self) -> Raw {
        std::mem::take(&mut self.files)
    }

    /// Keeps the files of this load for the next one; when off, drops them now (a one-off
    /// build frees the files' text before rendering, which is when memory peaks).
    pub(crate) fn keep_files(&mut self, raw: Raw) {
        if self.on {
            self.files = raw;
        }
    }

    /// The search index's cache, or `None` when off.
    pub(crate) fn search(&mut self) -> Option<&mut search::SearchCache> {
        self.on.then_some(&mut self.search)
    }
}
