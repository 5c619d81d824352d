//! `corridor set` creating entries: a `KIND:ID` that does not exist yet is
//! created from the assignments naming it, when they give its required
//! fields and the result passes `check`; otherwise nothing is written.

mod support;

use support::Sandbox;

/// A journey as `corridor new` starts it: stages and a department, one
/// touchpoint, no partner and no action.
fn started(sandbox: &Sandbox) -> String {
    let run = sandbox.corridor(&["new", "x.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    sandbox.read("x.toml")
}

#[test]
fn a_new_partner_is_created_and_used_in_one_call() {
    let sandbox = Sandbox::new();
    let before = started(&sandbox);
    let run = sandbox.corridor(&[
        "set",
        "x.toml",
        "partner:metrix.name=Metrix",
        "partner:metrix.role=survey panel",
        "first-contact.partner=metrix",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = sandbox.read("x.toml");
    assert!(
        after.contains(
            "[[partners]]\nid = \"metrix\"\nname = \"Metrix\"\nrole = \"survey panel\"\n"
        ),
        "{after}"
    );
    assert!(after.contains("partner = \"metrix\""));
    // Everything that was there stays, comments included.
    for line in before.lines().filter(|l| l.starts_with('#')) {
        assert!(after.contains(line), "lost {line:?}");
    }
    let check = sandbox.corridor(&["check", "x.toml"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

#[test]
fn every_kind_can_be_created() {
    let sandbox = Sandbox::new();
    started(&sandbox);
    let run = sandbox.corridor(&[
        "set",
        "x.toml",
        "stage:evaluate.name=Evaluate",
        "stage:evaluate.phase=buy",
        "department:installation.name=Installation",
        "touchpoint:install-visit.stage=own",
        "touchpoint:install-visit.name=The engineer visits",
        "touchpoint:install-visit.owner=installation",
        "touchpoint:install-visit.evidence+=Interview 2: nobody came",
        "action:fix-the-install-booking.touchpoint=install-visit",
        "action:fix-the-install-booking.title=Fix the install booking",
        "action:fix-the-install-booking.due=2026-12-15",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = sandbox.read("x.toml");
    let journey = corridor::store::parse_journey(&text)
        .journey
        .expect("still parses");
    assert!(journey.stages.iter().any(|s| s.id.as_str() == "evaluate"));
    let action = journey.actions.first().expect("an action");
    assert_eq!(action.title, "Fix the install booking");
    assert_eq!(action.status.name(), "open", "status defaults to open");
    let t = journey.touchpoint("install-visit").expect("touchpoint");
    assert_eq!(t.owner.as_ref().map(|o| o.as_str()), Some("installation"));
    assert_eq!(t.evidence, ["Interview 2: nobody came"], "applied once");
    assert_eq!(sandbox.corridor(&["check", "x.toml"]).code, 0);
}

#[test]
fn a_new_entry_without_its_required_fields_is_refused_and_nothing_written() {
    let sandbox = Sandbox::new();
    let before = started(&sandbox);
    for (args, says) in [
        (
            vec!["partner:metrix.role=survey panel"],
            "`partner:metrix` is new: give it name in the same call (partner:metrix.name=...)",
        ),
        (
            vec!["action:call-back.title=Call back"],
            "`action:call-back` is new: give it touchpoint in the same call",
        ),
        (
            vec!["touchpoint:visit.name=Visit"],
            "`touchpoint:visit` is new: give it stage in the same call",
        ),
        // Created, but `check` would find an error: a stage nobody has.
        (
            vec![
                "touchpoint:visit.name=Visit",
                "touchpoint:visit.stage=nowhere",
            ],
            "unknown stage `nowhere`",
        ),
        // A new entry's values are checked for hidden characters too.
        (
            vec!["partner:evil.name=Bad\u{1b}[31m red"],
            "control or invisible characters",
        ),
        // A bare id cannot say which kind to create.
        (
            vec!["metrix.name=Metrix"],
            "to create one, write KIND:metrix",
        ),
    ] {
        let mut all = vec!["set", "x.toml"];
        all.extend(args.iter().copied());
        let run = sandbox.corridor(&all);
        assert_ne!(run.code, 0, "{args:?} was refused");
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("nothing written"), "{}", run.stderr);
        assert_eq!(sandbox.read("x.toml"), before, "{args:?} wrote nothing");
    }
}
