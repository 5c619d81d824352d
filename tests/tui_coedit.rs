//! Two workbenches on one journey, each in its own terminal (its own tmux
//! server, home and recovery folder), as two people on a jump host would
//! run them: edits that do not overlap merge with no question asked, the
//! same field edited on both asks keep mine or take theirs, and in live
//! mode one sees the other's edits as they are made.

#![cfg(target_os = "linux")]

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use corridor::model::{Journey, Score};
use corridor::store::parse_journey;
use support::tmux::{DEADLINE, Session, framed};

const CORRIDOR: &str = "Detail (Enter: full screen)";
const QUESTION: &str = "Changed on both sides";
const DISK_QUESTION: &str = "Changed on disk by someone else";

/// Three stages of two touchpoints each, none scored.
const JOURNEY: &str = r#"schema = 1
title = "Shared workshop"

[[stages]]
id = "find"
name = "Find"

[[stages]]
id = "buy"
name = "Buy"

[[stages]]
id = "tell"
name = "Tell"

[[touchpoints]]
id = "ad"
stage = "find"
name = "Sees an ad"

[[touchpoints]]
id = "search"
stage = "find"
name = "Searches the shop"

[[touchpoints]]
id = "cart"
stage = "buy"
name = "Fills the cart"

[[touchpoints]]
id = "pay"
stage = "buy"
name = "Pays"

[[touchpoints]]
id = "review"
stage = "tell"
name = "Writes a review"

[[touchpoints]]
id = "refer"
stage = "tell"
name = "Tells a friend"
"#;

/// Two terminals and the journey both open (in the first one's folder).
fn two(name: &str, flags: &str) -> Option<(Session, Session, PathBuf, [String; 2])> {
    let a = Session::start(&format!("{name}-a"), 100, 30)?;
    let b = Session::start(&format!("{name}-b"), 100, 30)?;
    let folder = a.path().join("shared");
    fs::create_dir_all(&folder).expect("folder");
    let path = folder.join("journey.toml");
    fs::write(&path, JOURNEY).expect("journey");
    let command = format!("\"$CORRIDOR\" {flags} '{}'", path.display());
    let done_a = a.shell(&command);
    a.wait_for(CORRIDOR);
    let done_b = b.shell(&command);
    b.wait_for(CORRIDOR);
    Some((a, b, path, [done_a, done_b]))
}

fn journey(path: &Path) -> Journey {
    let text = fs::read_to_string(path).expect("read");
    parse_journey(&text)
        .journey
        .unwrap_or_else(|| panic!("a valid journey:\n{text}"))
}

fn scores(path: &Path, id: &str) -> (Option<u8>, Option<u8>) {
    let j = journey(path);
    let t = j.touchpoint(id).expect("touchpoint");
    (t.expected.map(Score::get), t.actual.map(Score::get))
}

/// Captures expected and actual for the next `count` touchpoints.
fn capture(t: &Session, digits: &[(char, char)]) {
    t.keys(&["x"]);
    t.wait_for("1-5 score");
    for (expected, actual) in digits {
        t.keys(&[&expected.to_string()]);
        t.wait_for(&format!("expected {expected}"));
        t.keys(&[&actual.to_string()]);
        t.wait_for(&format!("{expected} -> {actual}"));
    }
    t.keys(&["Escape"]);
    t.wait_gone("1-5 score");
}

fn no_question(t: &Session) {
    let screen = t.screen();
    assert!(
        !screen.contains(QUESTION) && !screen.contains(DISK_QUESTION),
        "{}",
        framed(&screen)
    );
}

fn quit(t: &Session, done: &str) {
    t.keys(&["q"]);
    assert_eq!(t.wait_done(done, DEADLINE), 0, "{}", framed(&t.screen()));
}

/// A scores the first stage, B the last; `first` saves, then the other:
/// the file holds both, and no question was asked.
fn first_and_last_stage(name: &str, a_first: bool) {
    let Some((a, b, path, [done_a, done_b])) = two(name, "") else {
        return;
    };
    capture(&a, &[('5', '4'), ('4', '3')]);
    b.keys(&["l"]);
    b.wait_for("Fills the cart");
    b.keys(&["l"]);
    capture(&b, &[('2', '1'), ('3', '2')]);
    let (first, second) = if a_first { (&a, &b) } else { (&b, &a) };
    first.keys(&["s"]);
    first.wait_for("saved journey.toml");
    // The other workbench merges the save in at once, its edits unsaved.
    let merged = second.wait_for("was saved elsewhere");
    assert!(merged.contains("[modified]"), "{}", framed(&merged));
    assert!(
        merged.contains("5 -> 4") && merged.contains("2 -> 1"),
        "both stages on screen: {}",
        framed(&merged)
    );
    no_question(second);
    second.keys(&["s"]);
    second.wait_for("saved journey.toml");
    no_question(second);
    assert_eq!(scores(&path, "ad"), (Some(5), Some(4)));
    assert_eq!(scores(&path, "search"), (Some(4), Some(3)));
    assert_eq!(scores(&path, "review"), (Some(2), Some(1)));
    assert_eq!(scores(&path, "refer"), (Some(3), Some(2)));
    // The first follows the second's save: nothing unsaved anywhere.
    let screen = first.wait_for("changed on disk: reloaded");
    assert!(!screen.contains("[modified]"), "{}", framed(&screen));
    no_question(first);
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_corridor"))
        .args(["fmt", "--check"])
        .arg(&path)
        .output()
        .expect("fmt --check");
    assert!(check.status.success(), "the saved journey stays canonical");
    quit(&a, &done_a);
    quit(&b, &done_b);
}

#[test]
fn first_and_last_stage_scored_in_two_workbenches_first_saves_first() {
    first_and_last_stage("stages-ab", true);
}

#[test]
fn first_and_last_stage_scored_in_two_workbenches_last_saves_first() {
    first_and_last_stage("stages-ba", false);
}

#[test]
fn the_same_field_in_two_workbenches_asks_keep_mine_or_take_theirs() {
    let Some((a, b, path, [done_a, done_b])) = two("clash", "") else {
        return;
    };
    capture(&a, &[('4', '4')]);
    capture(&b, &[('2', '4')]);
    a.keys(&["s"]);
    a.wait_for("saved journey.toml");
    b.wait_for("s asks what to keep");
    b.keys(&["s"]);
    let asked = b.wait_for(QUESTION);
    assert!(
        asked.contains("touchpoint ad: expected: mine 2, theirs 4"),
        "{}",
        framed(&asked)
    );
    assert_eq!(
        scores(&path, "ad"),
        (Some(4), Some(4)),
        "nothing written yet"
    );
    b.keys(&["m"]);
    b.wait_gone(QUESTION);
    b.wait_for("saved journey.toml");
    assert_eq!(scores(&path, "ad"), (Some(2), Some(4)));
    // Theirs is one undo away.
    b.keys(&["u"]);
    let undone = b.wait_for("undone");
    assert!(undone.contains("4 -> 4"), "{}", framed(&undone));
    assert!(undone.contains("[modified]"), "{}", framed(&undone));
    b.keys(&["s"]);
    b.wait_for("saved journey.toml");
    assert_eq!(scores(&path, "ad"), (Some(4), Some(4)));
    quit(&a, &done_a);
    quit(&b, &done_b);
}

#[test]
fn in_live_mode_each_edit_appears_in_the_other_workbench() {
    let Some((a, b, path, [done_a, done_b])) = two("live", "--live") else {
        return;
    };
    capture(&a, &[('3', '2')]);
    // Saved by itself, and merged into B without a key pressed there.
    let seen = b.wait_for("3 -> 2");
    assert!(!seen.contains("[modified]"), "{}", framed(&seen));
    assert_eq!(scores(&path, "ad"), (Some(3), Some(2)));
    b.keys(&["l"]);
    b.wait_for("Fills the cart");
    capture(&b, &[('5', '1')]);
    a.keys(&["l"]);
    let seen = a.wait_for("5 -> 1");
    assert!(!seen.contains("[modified]"), "{}", framed(&seen));
    assert_eq!(scores(&path, "cart"), (Some(5), Some(1)));
    assert_eq!(scores(&path, "ad"), (Some(3), Some(2)));
    quit(&a, &done_a);
    quit(&b, &done_b);
}

#[test]
fn a_crash_while_another_workbench_saves_loses_neither() {
    let Some(t) = Session::start("crash", 100, 30) else {
        return;
    };
    let path = t.path().join("journey.toml");
    fs::write(&path, JOURNEY).expect("journey");
    let done = t.shell("\"$CORRIDOR\" journey.toml");
    t.wait_for(CORRIDOR);
    capture(&t, &[('5', '1')]);
    // Another workbench saves, and this one's link drops at that moment.
    let theirs = JOURNEY.replacen(
        "name = \"Writes a review\"\n",
        "name = \"Writes a review\"\nexpected = 4\n",
        1,
    );
    fs::write(&path, &theirs).expect("their save");
    let pid = t.child("corridor");
    let killed = std::process::Command::new("kill")
        .args(["-s", "HUP", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    assert_eq!(t.wait_done(&done, DEADLINE), 129);
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        theirs,
        "never written by a recovery"
    );

    let again = t.shell("\"$CORRIDOR\" journey.toml");
    t.wait_for("Recovery");
    t.keys(&["r"]);
    t.wait_for("recovered unsaved edits");
    t.keys(&["s"]);
    t.wait_for("saved journey.toml");
    quit(&t, &again);
    assert_eq!(scores(&path, "ad"), (Some(5), Some(1)), "mine recovered");
    assert_eq!(scores(&path, "review"), (Some(4), None), "theirs kept");
}
