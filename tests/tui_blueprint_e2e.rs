//! A backstage step added from the Blueprint view in the real binary
//! (tmux), saved, and found in the file as one new block: the rest of the
//! file unchanged, valid for `check` and laid out as `fmt` lays it out.

#![cfg(target_os = "linux")]

mod support;

use std::fs;

use support::tmux::{DEADLINE, Session, framed};

#[test]
fn a_backstage_step_is_added_from_the_workbench_and_saved() {
    let Some(t) = Session::start("blueprint-add-step", 80, 24) else {
        return;
    };
    let file = t.path().join("journey.toml");
    let source = std::path::Path::new(support::BLUEPRINT).join("b2b-onboarding.toml");
    fs::copy(&source, &file).expect("copy the fixture");
    let before = fs::read_to_string(&file).expect("read");
    let done = t.shell("\"$CORRIDOR\" journey.toml");
    t.wait_for("Corridor");

    // 8 shows the blueprint on the first touchpoint; a adds a step in the
    // backstage lane, typing its name.
    t.keys(&["8"]);
    let screen = t.wait_for("line of visibility");
    assert!(screen.contains("Finds Rotawise"), "{}", framed(&screen));
    t.keys(&["a"]);
    t.wait_for("New step");
    t.type_text("Monitors review sites daily");
    t.keys(&["Escape"]);
    let screen = t.wait_until("the step in the blueprint", DEADLINE, |s| {
        s.contains("Monitors review sites") && !s.contains("New step")
    });
    assert!(screen.contains("[modified]"), "{}", framed(&screen));

    t.keys(&["s"]);
    t.wait_for("saved journey.toml");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);

    let after = fs::read_to_string(&file).expect("read");
    let block = "\n[[steps]]\nid = \"monitors-review-sites-daily\"\ntouchpoint = \"peer-review-site\"\nlane = \"backstage\"\nname = \"Monitors review sites daily\"\nowner = \"marketing\"\n";
    assert_eq!(
        after,
        format!("{before}{block}"),
        "one block appended, nothing else"
    );
    assert_eq!(
        t.run("\"$CORRIDOR\" check journey.toml > check.txt 2>&1"),
        0
    );
    assert_eq!(
        t.run("\"$CORRIDOR\" fmt --check journey.toml > fmt.txt 2>&1"),
        0
    );
}
