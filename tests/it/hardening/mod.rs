//! Input no editor means to write, and conditions no build hopes for: hostile markup,
//! hostile file systems, builds killed mid-way, and generated inputs (property tests).

mod content;
mod crash;
mod files;
mod markup;
mod properties;
