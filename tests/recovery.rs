//! The recovery journal: round trips, private files, one file per journey,
//! newer-than, discard, corrupt files and the differences shown to users.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use corridor::model::Journey;
use corridor::store::{RecoveryError, RecoveryStore, differences, parse_journey, rebase};
use tempfile::TempDir;

const MIN: &str = include_str!("fixtures/check/valid/min.toml");

fn edited() -> String {
    MIN.replace("actual = 3", "actual = 1")
}

fn journey(text: &str) -> Journey {
    parse_journey(text).journey.expect("a valid journey")
}

/// A journey folder with `journey.toml`, and a store in a fresh folder.
struct Setup {
    _journeys: TempDir,
    _data: TempDir,
    target: PathBuf,
    store: RecoveryStore,
}

fn setup() -> Setup {
    let journeys = TempDir::new().expect("journey folder");
    let data = TempDir::new().expect("data folder");
    let target = journeys.path().join("journey.toml");
    fs::write(&target, MIN).expect("journey written");
    let store = RecoveryStore::at(data.path().join("corridor").join("recovery"));
    Setup {
        _journeys: journeys,
        _data: data,
        target,
        store,
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

fn set_mtime(path: &Path, time: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .expect("open for mtime")
        .set_modified(time)
        .expect("set mtime");
}

#[test]
fn save_then_load_round_trips_the_journey() {
    let s = setup();
    let text = edited();
    let path = s.store.save(&s.target, &text).expect("saved");
    assert_eq!(path, s.store.path_for(&s.target));
    assert!(path.starts_with(s.store.dir()));
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let hash = name
        .strip_prefix("journey-")
        .and_then(|n| n.strip_suffix(&format!(".{}.toml", std::process::id())))
        .expect("journey-<hash>.<pid>.toml");
    assert_eq!(hash.len(), 16);
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));

    let on_disk = fs::read_to_string(&path).expect("recovery text");
    let canonical = fs::canonicalize(&s.target).expect("canonical");
    let first = on_disk.lines().next().expect("a first line");
    assert_eq!(
        first,
        format!("# corridor recovery for {}", canonical.display())
    );

    let recovered = s.store.load(&s.target).expect("loaded").expect("found");
    assert_eq!(recovered.path, path);
    assert_eq!(recovered.text, text);
    assert_eq!(recovered.journey, journey(&text));
    assert_ne!(recovered.journey, journey(MIN));
    // The journey itself is never touched.
    assert_eq!(fs::read_to_string(&s.target).expect("journey"), MIN);

    // Saving again replaces the recovery.
    s.store.save(&s.target, MIN).expect("saved again");
    let again = s.store.load(&s.target).expect("loaded").expect("found");
    assert_eq!(again.text, MIN);
}

/// A recovery file of the same journey written by the process `pid`.
fn written_by(own: &Path, pid: u32) -> PathBuf {
    let name = own.file_name().expect("name").to_string_lossy();
    let theirs = name.replace(
        &format!(".{}.toml", std::process::id()),
        &format!(".{pid}.toml"),
    );
    let path = own.with_file_name(theirs);
    fs::copy(own, &path).expect("copied");
    path
}

#[test]
fn a_journal_is_offered_once_its_workbench_is_gone() {
    let s = setup();
    let own = s.store.save(&s.target, &edited()).expect("saved");
    // Another workbench editing the same journey, still running (pid 1
    // always is): its journal is its own business.
    let running = written_by(&own, 1);
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let pid = child.id();
    child.wait().expect("ended");
    s.store.discard(&s.target).expect("own discarded");
    assert!(!own.exists());
    assert!(s.store.load(&s.target).expect("loaded").is_none());
    // One whose process has ended: offered.
    fs::write(&own, "x").expect("placeholder");
    let gone = written_by(&own, pid);
    fs::copy(&running, &gone).expect("copied");
    fs::remove_file(&own).expect("placeholder removed");
    let found = s.store.load(&s.target).expect("loaded").expect("found");
    assert_eq!(found.path, gone);
    assert_eq!(found.text, edited());
    s.store.discard_file(&found.path).expect("discarded");
    assert!(!gone.exists());
    assert!(
        running.exists(),
        "the running workbench's journal is left alone"
    );
}

#[test]
fn the_text_the_edits_were_made_on_is_kept_beside_them() {
    let s = setup();
    s.store.save_base(&s.target, MIN).expect("base kept");
    s.store.save(&s.target, &edited()).expect("saved");
    let found = s.store.load(&s.target).expect("loaded").expect("found");
    assert_eq!(found.base, Some(journey(MIN)));
    assert_eq!(found.journey, journey(&edited()));
    s.store.discard(&s.target).expect("discarded");
    assert_eq!(
        fs::read_dir(s.store.dir()).expect("folder").count(),
        0,
        "both files gone"
    );
}

#[test]
fn no_recovery_file_loads_as_none() {
    let s = setup();
    assert!(s.store.load(&s.target).expect("no error").is_none());
}

#[test]
fn odd_text_and_paths_round_trip() {
    let s = setup();
    let bom = format!("\u{FEFF}{}", edited());
    s.store.save(&s.target, &bom).expect("saved");
    let recovered = s.store.load(&s.target).expect("loaded").expect("found");
    assert_eq!(recovered.text, bom);

    // A newline or escape in the path stays inside the comment line.
    let odd = s.target.with_file_name("a\nschema = 2\n\u{1b}[31m.toml");
    fs::write(&odd, MIN).expect("odd journey");
    let path = s.store.save(&odd, MIN).expect("saved");
    let text = fs::read_to_string(&path).expect("recovery text");
    assert!(!text.contains('\u{1b}'));
    assert!(text.starts_with("# corridor recovery for "));
    assert!(text.contains("\\u{000a}schema = 2\\u{000a}"));
    let recovered = s.store.load(&odd).expect("loaded").expect("found");
    assert_eq!(recovered.text, MIN);
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("a_schema___2___31m-"), "{name}");
}

#[test]
fn recovery_file_is_0600_in_a_0700_folder() {
    let s = setup();
    let path = s.store.save(&s.target, &edited()).expect("saved");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(s.store.dir()), 0o700);

    // A file or folder made readable by someone else is made private again.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod file");
    fs::set_permissions(s.store.dir(), fs::Permissions::from_mode(0o755)).expect("chmod dir");
    let path = s.store.save(&s.target, MIN).expect("saved again");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(s.store.dir()), 0o700);
}

#[test]
fn same_file_name_in_different_folders_gets_different_files() {
    let s = setup();
    let other_folder = TempDir::new().expect("other folder");
    let other = other_folder.path().join("journey.toml");
    fs::write(&other, MIN).expect("other journey");
    assert_ne!(s.store.path_for(&s.target), s.store.path_for(&other));

    s.store.save(&s.target, &edited()).expect("first");
    s.store.save(&other, MIN).expect("second");
    let first = s.store.load(&s.target).expect("loaded").expect("found");
    let second = s.store.load(&other).expect("loaded").expect("found");
    assert_eq!(first.text, edited());
    assert_eq!(second.text, MIN);

    // The same journey by another spelling of its path shares the file.
    let dotted = s
        .target
        .parent()
        .expect("folder")
        .join(".")
        .join("journey.toml");
    assert_eq!(s.store.path_for(&dotted), s.store.path_for(&s.target));
}

#[test]
fn newer_than_journey_compares_modification_times() {
    let s = setup();
    let now = SystemTime::now();
    let hour = Duration::from_secs(3600);
    set_mtime(&s.target, now - hour);
    let path = s.store.save(&s.target, &edited()).expect("saved");
    let recovered = s.store.load(&s.target).expect("loaded").expect("found");
    assert!(recovered.is_newer_than_journey(&s.target));

    // The journey saved after the recovery was written.
    set_mtime(&path, now - 2 * hour);
    let recovered = s.store.load(&s.target).expect("loaded").expect("found");
    assert!(!recovered.is_newer_than_journey(&s.target));

    // Same time: not newer.
    set_mtime(&path, now - hour);
    let recovered = s.store.load(&s.target).expect("loaded").expect("found");
    assert!(!recovered.is_newer_than_journey(&s.target));

    // A journey gone from disk leaves the recovery as the newest copy.
    fs::remove_file(&s.target).expect("journey removed");
    assert!(recovered.is_newer_than_journey(&s.target));
}

#[test]
fn discard_removes_the_file_and_tolerates_none() {
    let s = setup();
    s.store.discard(&s.target).expect("nothing to discard");
    let path = s.store.save(&s.target, &edited()).expect("saved");
    s.store.discard(&s.target).expect("discarded");
    assert!(!path.exists());
    assert!(s.store.load(&s.target).expect("loaded").is_none());
    s.store.discard(&s.target).expect("discarded twice");
}

#[test]
fn corrupt_recovery_file_is_an_error_naming_it() {
    let s = setup();
    let path = s.store.save(&s.target, MIN).expect("saved");
    fs::write(&path, "schema = 1\ntitle = \n").expect("corrupted");
    let err = s.store.load(&s.target).expect_err("corrupt");
    assert!(
        matches!(&err, RecoveryError::Corrupt { path: p, .. } if *p == path),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("2:"), "line number: {message}");

    // Valid TOML, but not a journey.
    fs::write(&path, "schema = 7\n").expect("corrupted");
    assert!(matches!(
        s.store.load(&s.target),
        Err(RecoveryError::Corrupt { .. })
    ));

    fs::write(&path, b"schema = 1\n\xff\xfe\n").expect("corrupted");
    let err = s.store.load(&s.target).expect_err("not text");
    assert!(matches!(&err, RecoveryError::NotText { path: p } if *p == path));
    assert!(err.to_string().contains(&path.display().to_string()));
}

#[test]
fn differences_name_the_touchpoint_whose_score_differs() {
    let lines = differences(&journey(&edited()), &journey(MIN));
    let text = lines.join("\n");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("touchpoint checkout") && l.contains("Pays at the till")),
        "{text}"
    );
    assert!(lines.iter().any(|l| l.trim() == "actual: 3 -> 1"), "{text}");
    assert!(
        lines.iter().any(|l| l.contains("gap: 0 -> -2, worsened")),
        "{text}"
    );
    assert!(differences(&journey(MIN), &journey(MIN)).is_empty());
}

/// `RecoveryStore::new()` asks `directories` for corridor's data folder,
/// which on Linux is `$XDG_DATA_HOME/corridor` when that variable holds an
/// absolute path (else `~/.local/share/corridor`). Tests run in parallel
/// threads of one process, so this test does not set the variable (that
/// would race with every other test); it checks against whatever the
/// environment already says.
#[test]
fn new_store_lives_in_the_user_data_folder() {
    let Ok(store) = RecoveryStore::new() else {
        // No HOME at all: nothing to check.
        return;
    };
    assert!(
        store.dir().ends_with("corridor/recovery"),
        "{:?}",
        store.dir()
    );
    if cfg!(target_os = "linux")
        && let Some(xdg) = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from)
        && xdg.is_absolute()
    {
        assert_eq!(store.dir(), xdg.join("corridor").join("recovery"));
    }
}

const TWO: &str = r#"schema = 1
title = "Two touchpoints"

[[stages]]
id = "buy"
name = "Buy"

# About the first touchpoint.
[[touchpoints]]
id = "first"
stage = "buy"
name = "First"
expected = 3
actual = 3

# About the second touchpoint.
[[touchpoints]]
id = "second"
stage = "buy"
name = "Second"
expected = 4
actual = 4
"#;

#[test]
fn rebased_recovery_saves_into_the_right_tables() {
    let s = setup();
    fs::write(&s.target, TWO).expect("journey written");
    let loaded = corridor::store::load(&s.target).expect("journey loads");
    // The unsaved edits: the first touchpoint deleted, the second rescored.
    let mut edited = loaded.journey.clone();
    edited.touchpoints.remove(0);
    let text = loaded.file.render(&edited).expect("rendered");
    let text = text.replace("actual = 4", "actual = 2");
    s.store.save(loaded.file.target(), &text).expect("saved");

    let recovered = s
        .store
        .load(loaded.file.target())
        .expect("loaded")
        .expect("found");
    let journey = rebase(&recovered.journey, loaded.file.baseline());
    assert_eq!(journey, recovered.journey);
    let saved = loaded.file.render(&journey).expect("rendered");
    assert!(saved.contains("# About the second touchpoint.\n[[touchpoints]]\nid = \"second\""));
    assert!(!saved.contains("About the first"), "{saved}");
    assert!(saved.contains("actual = 2"));

    // Without rebasing, the second touchpoint would take the first's table.
    let wrong = loaded.file.render(&recovered.journey).expect("rendered");
    assert!(
        wrong.contains("# About the first touchpoint.\n[[touchpoints]]\nid = \"second\""),
        "{wrong}"
    );
}

const STEPS: &str = r#"schema = 1
title = "T"

[[stages]]
id = "buy"
name = "Buy"

[[touchpoints]]
id = "pay"
stage = "buy"
name = "Pays"

# About the first step.
[[steps]]
id = "charge"
touchpoint = "pay"
lane = "backstage"
name = "Charges the card"

# About the second step.
[[steps]]
id = "refund"
touchpoint = "pay"
lane = "support"
name = "Refunds"
"#;

#[test]
fn rebased_recovery_saves_steps_into_their_own_tables() {
    let s = setup();
    fs::write(&s.target, STEPS).expect("journey written");
    let loaded = corridor::store::load(&s.target).expect("journey loads");
    let mut edited = loaded.journey.clone();
    edited.steps.remove(0);
    edited.steps[0].name = "Refunds the card".into();
    let text = loaded.file.render(&edited).expect("rendered");
    s.store.save(loaded.file.target(), &text).expect("saved");
    let recovered = s
        .store
        .load(loaded.file.target())
        .expect("loaded")
        .expect("found");
    let journey = rebase(&recovered.journey, loaded.file.baseline());
    let saved = loaded.file.render(&journey).expect("rendered");
    assert!(
        saved.contains("# About the second step.\n[[steps]]\nid = \"refund\""),
        "{saved}"
    );
    assert!(!saved.contains("About the first step"), "{saved}");
}
