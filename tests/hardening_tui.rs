//! The workbench among hostile files, in a real terminal (tmux): a FIFO in
//! the folder must not hang it, and a lock file planted as a link must not
//! be followed. Each test has its own tmux server (`tmux -L NAME`) and
//! temporary home; skipped with a message when tmux is not installed.

#![cfg(target_os = "linux")]

mod support;

use std::fs;
use std::process::Command;

use support::tmux::{DEADLINE, Session};

#[test]
fn a_fifo_in_the_folder_does_not_hang_the_workbench() {
    let Some(t) = Session::start("hardening-fifo", 100, 30) else {
        return;
    };
    let folder = t.path().join("journeys");
    fs::create_dir_all(&folder).expect("journeys folder");
    fs::write(folder.join("a.toml"), support::SMALL_JOURNEY).expect("write journey");
    let made = Command::new("mkfifo")
        .arg(folder.join("x.toml"))
        .status()
        .expect("run mkfifo");
    assert!(made.success());

    let done = t.shell("\"$CORRIDOR\" journeys");
    t.wait_for("Small");
    t.keys(&["6"]);
    t.wait_for("x.toml: not a regular file");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
}

#[test]
fn the_workbench_does_not_follow_a_symlinked_lock_file() {
    let Some(t) = Session::start("hardening-lock", 100, 30) else {
        return;
    };
    let folder = t.path().join("journeys");
    fs::create_dir_all(&folder).expect("journeys folder");
    fs::write(folder.join("a.toml"), support::SMALL_JOURNEY).expect("write journey");
    let victim = t.path().join("victim.txt");
    fs::write(&victim, "precious\n").expect("write victim");
    std::os::unix::fs::symlink(&victim, folder.join(".a.toml.lock")).expect("plant link");

    let done = t.shell("\"$CORRIDOR\" journeys");
    t.wait_for("[read-only]");
    t.wait_for("is a symbolic link");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
    assert_eq!(
        fs::read_to_string(&victim).expect("read victim"),
        "precious\n"
    );
    assert!(
        fs::symlink_metadata(folder.join(".a.toml.lock"))
            .expect("the link stays")
            .is_symlink()
    );
}
