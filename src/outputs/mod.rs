//! What a build writes besides the pages: the search index, `dossier.json`, the concept
//! map's layout, the edition record and the zip archive. Each reads the resolved `Dossier` only.

pub mod archive;
pub mod concept_map;
pub mod edition;
pub mod export;
pub mod neighbours;
pub mod previews;
pub mod search;
