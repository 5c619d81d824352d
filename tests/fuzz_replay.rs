//! Replays the fuzzing regression corpus on stable: every file under
//! `tests/fixtures/fuzz/<target>/` goes through the same checks as the
//! cargo-fuzz target of that name (`fuzz/checks/`), so an input that once
//! crashed, hung or lost data stays fixed without nightly.

#[path = "../fuzz/checks/mod.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs one target's checks on each file of its corpus, naming the file
/// that fails.
fn replay(target: &str) {
    for file in corpus(target) {
        let data = std::fs::read(&file).expect("a corpus file");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let outcome = std::panic::catch_unwind(|| checks::run(target, &data, dir.path()));
        assert!(outcome.is_ok(), "{target}: {} fails", file.display());
    }
}

#[test]
fn every_target_has_a_regression_folder_or_none() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(root).expect("the corpus folder") {
        let name = entry.expect("an entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            checks::TARGETS.contains(&name.as_ref()),
            "tests/fixtures/fuzz/{name} is no fuzz target"
        );
    }
}

#[test]
fn journey_check() {
    replay("journey_check");
}

#[test]
fn save_edits() {
    replay("save_edits");
}

#[test]
fn fmt() {
    replay("fmt");
}

#[test]
fn diff() {
    replay("diff");
}

#[test]
fn merge() {
    replay("merge");
}

#[test]
fn import_mermaid() {
    replay("import_mermaid");
}

#[test]
fn import_csv() {
    replay("import_csv");
}
