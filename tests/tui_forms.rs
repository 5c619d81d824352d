//! A workshop built from the workbench alone, end to end in tmux: a blank
//! journey from `corridor new`, then stages, departments, a partner,
//! touchpoints and actions added through the `E` list, the Corridor, the
//! Gaps and the Actions views; saved, valid for `corridor check` and laid
//! out as `corridor fmt` lays it out.

#![cfg(target_os = "linux")]

mod support;

use std::fs;

use support::tmux::{DEADLINE, Session, framed};

/// The line of the `E` list or a form that shows `text`, for asserting on.
fn has_line(screen: &str, text: &str) -> bool {
    screen.lines().any(|l| l.contains(text))
}

#[test]
fn a_blank_journey_is_filled_from_the_workbench() {
    let Some(t) = Session::start("forms-workshop", 80, 24) else {
        return;
    };
    assert_eq!(t.run("\"$CORRIDOR\" new x.toml"), 0);
    let done = t.shell("\"$CORRIDOR\" x.toml");
    t.wait_for("First contact");

    // E lists every kind, partners and actions under empty headings.
    t.keys(&["E"]);
    let list = t.wait_for("Edit what?");
    assert!(has_line(&list, "Partners (none yet"), "{}", framed(&list));
    assert!(has_line(&list, "Actions (none yet"), "{}", framed(&list));

    // The first partner: End is the Actions heading, Up Metrics, Up again
    // the Partners one.
    t.keys(&["End", "Up", "Up", "a"]);
    t.wait_for("New partner");
    t.type_text("Metrix");
    // The id the name will give shows as it is typed.
    t.wait_until("the id to follow the name", DEADLINE, |s| {
        s.lines()
            .any(|l| l.contains(" id ") && l.contains("metrix"))
    });
    t.keys(&["Enter"]); // the name applies; the role is next
    t.wait_for("Enter type");
    t.keys(&["Enter"]);
    t.wait_for("Ctrl-u clear");
    t.type_text("Survey panel");
    t.keys(&["Escape"]); // keeps what was typed
    t.wait_for("metrix  Metrix");

    // A department after the one the template has, and a last stage.
    t.keys(&["Up", "Up", "a"]);
    t.wait_for("New department");
    t.type_text("Installation");
    t.keys(&["Escape"]);
    t.wait_for("installation  Installation");
    t.keys(&["Home", "Down", "a"]);
    t.wait_for("New stage");
    t.type_text("Recommend");
    t.keys(&["Escape"]);
    t.wait_for("recommend  Recommend");
    t.keys(&["Escape"]);
    t.wait_gone("Edit what?");

    // A touchpoint with its name, channel, owner and partner: a, the name,
    // Enter, then Right through each list.
    t.keys(&["a"]);
    t.wait_for("New touchpoint");
    t.type_text("Books the installer");
    t.keys(&["Enter"]);
    t.wait_for("Enter type");
    t.keys(&["Right", "Down", "Right", "Right", "Down", "Right"]);
    let form = t.wait_until("installation and metrix picked", DEADLINE, |s| {
        has_line(s, "owner            installation") && has_line(s, "partner          metrix")
    });
    assert!(has_line(&form, "channel          web"), "{}", framed(&form));
    t.keys(&["Escape"]);
    t.wait_gone("New touchpoint");

    // Another, its name mended with Ctrl-w before Enter.
    t.keys(&["a"]);
    t.wait_for("New touchpoint");
    t.type_text("Waits for teh visit");
    t.keys(&["C-w", "C-w"]);
    t.type_text("the engineer");
    t.keys(&["Escape"]);
    t.wait_for("Waits for the engineer");

    // Scores make a gap; the Actions view adds an action for it.
    t.keys(&["x"]);
    t.wait_for("1-5 score");
    t.keys(&["4", "1"]);
    t.keys(&["Escape"]);
    t.wait_for("1 critical");
    t.keys(&["5"]);
    t.wait_for("Closes the gap at");
    t.keys(&["a"]);
    t.wait_for("New action");
    t.type_text("Fix the install booking");
    t.keys(&["Escape"]);
    t.wait_for("Fix the install booking");
    t.keys(&["Space"]);
    t.wait_for("Fix the install booking: doing");

    // From the Gaps view, A adds another for the selected gap.
    t.keys(&["2"]);
    t.wait_for("# Sev Gap");
    t.keys(&["A"]);
    t.wait_for("New action");
    t.type_text("Send the engineer's name");
    t.keys(&["Escape"]);
    t.wait_gone("New action");

    t.keys(&["s"]);
    t.wait_for("saved x.toml");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);

    let text = fs::read_to_string(t.path().join("x.toml")).expect("read");
    for expected in [
        "[[partners]]\nid = \"metrix\"\nname = \"Metrix\"\nrole = \"Survey panel\"\n",
        "[[departments]]\nid = \"installation\"\nname = \"Installation\"\n",
        "id = \"recommend\"\nname = \"Recommend\"\n",
        "id = \"books-the-installer\"\nstage = \"buy\"\nname = \"Books the installer\"\nchannel = \"web\"\nowner = \"installation\"\npartner = \"metrix\"\n",
        "id = \"waits-for-the-engineer\"",
        "id = \"fix-the-install-booking\"\ntouchpoint = \"waits-for-the-engineer\"\ntitle = \"Fix the install booking\"\nstatus = \"doing\"\n",
        "id = \"send-the-engineers-name\"\ntouchpoint = \"waits-for-the-engineer\"\n",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    // Every comment of the template is still there.
    assert!(text.contains("# Actions close gaps: one block per piece of work."));
    assert_eq!(t.run("\"$CORRIDOR\" check x.toml > check.txt 2>&1"), 0);
    assert_eq!(t.run("\"$CORRIDOR\" fmt --check x.toml > fmt.txt 2>&1"), 0);
}
