//! Fuzz target `save_edits`: see `checks::save_edits`. The journey file is
//! written into one temporary folder per process.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

use std::sync::OnceLock;

use tempfile::TempDir;

static DIR: OnceLock<TempDir> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"));
    checks::save_edits(data, dir.path());
});
