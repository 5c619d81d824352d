//! Service-blueprint steps and persona cards through the format-preserving
//! save: a one-field step edit is a one-line diff with every comment kept,
//! new steps are one block each, a persona becomes a card in place, and
//! `diff` reports steps like every other entry.

mod support;

use similar::{ChangeTag, TextDiff};
use support::Sandbox;

const FILE: &str = "b2b-onboarding.toml";

/// Lines removed and added, in order.
fn changes(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for change in TextDiff::from_lines(old, new).iter_all_changes() {
        match change.tag() {
            ChangeTag::Delete => removed.push(change.value().to_owned()),
            ChangeTag::Insert => added.push(change.value().to_owned()),
            ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

fn comments(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.contains('#')).collect()
}

#[test]
fn a_one_field_step_edit_is_a_one_line_diff_and_comments_stay() {
    let sandbox = Sandbox::new();
    sandbox.blueprint(FILE, FILE);
    let old = sandbox.read(FILE);
    let run = sandbox.corridor(&[
        "set",
        FILE,
        "step:payroll-bench.name=Keeps four consultants certified on Sage 200",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = sandbox.read(FILE);
    let (removed, added) = changes(&old, &new);
    assert_eq!(
        removed,
        vec!["name = \"Keeps consultants certified on Sage 200 on the bench\"\n"]
    );
    assert_eq!(
        added,
        vec!["name = \"Keeps four consultants certified on Sage 200\"\n"]
    );
    assert_eq!(comments(&old), comments(&new));
    let fmt = sandbox.corridor(&["fmt", "--check", FILE]);
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
}

#[test]
fn a_new_step_is_one_block_after_the_last_step_and_stays_canonical() {
    let sandbox = Sandbox::new();
    sandbox.blueprint(FILE, FILE);
    let old = sandbox.read(FILE);
    let run = sandbox.corridor(&[
        "set",
        FILE,
        "step:po-check.touchpoint=supplier-setup",
        "step:po-check.lane=support",
        "step:po-check.name=Checks every invoice for a PO number",
        "step:po-check.owner=finance",
        "step:po-check.fail_point=true",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = sandbox.read(FILE);
    let (removed, added) = changes(&old, &new);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(
        added.concat(),
        "\n[[steps]]\nid = \"po-check\"\ntouchpoint = \"supplier-setup\"\nlane = \"support\"\n\
         name = \"Checks every invoice for a PO number\"\nowner = \"finance\"\nfail_point = true\n"
    );
    assert!(new.ends_with("fail_point = true\n"), "appended at the end");
    assert_eq!(sandbox.corridor(&["fmt", "--check", FILE]).code, 0);
    let check = sandbox.corridor(&["check", FILE]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn a_step_must_name_a_lane_and_a_known_touchpoint() {
    let sandbox = Sandbox::new();
    sandbox.blueprint(FILE, FILE);
    let old = sandbox.read(FILE);
    let bad_lane = sandbox.corridor(&["set", FILE, "step:payroll-bench.lane=back-office"]);
    assert_eq!(bad_lane.code, 2, "a value the field cannot take");
    assert!(
        bad_lane
            .stderr
            .contains("must be frontstage, backstage or support"),
        "{}",
        bad_lane.stderr
    );
    let dangling = sandbox.corridor(&["set", FILE, "step:payroll-bench.touchpoint=payroll"]);
    assert_eq!(dangling.code, 1, "{}", dangling.stderr);
    assert!(dangling.stderr.contains("unknown touchpoint `payroll`"));
    assert_eq!(sandbox.read(FILE), old, "nothing written");
}

#[test]
fn renaming_a_touchpoint_renames_it_in_its_steps() {
    let sandbox = Sandbox::new();
    sandbox.blueprint(FILE, FILE);
    let run = sandbox.corridor(&["set", FILE, "kickoff-call.id=kickoff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = sandbox.read(FILE);
    assert!(!new.contains("\"kickoff-call\""));
    assert_eq!(
        new.matches("touchpoint = \"kickoff\"").count(),
        4,
        "three steps and an action"
    );
}

#[test]
fn a_persona_card_edits_in_place_and_a_one_line_persona_stays_one_line() {
    let sandbox = Sandbox::new();
    sandbox.blueprint(FILE, FILE);
    let old = sandbox.read(FILE);
    let run = sandbox.corridor(&["set", FILE, "journey.persona.quote=One contact, please."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (removed, added) = changes(&old, &sandbox.read(FILE));
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert_eq!(added, vec!["quote = \"One contact, please.\"\n"]);

    // A one-line persona elsewhere in the file format is untouched by an
    // unrelated save, and `persona.role` turns it into a card.
    let line = "schema = 1\ntitle = \"T\"\npersona = \"Home worker\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n";
    sandbox.write("line.toml", line);
    assert_eq!(
        sandbox
            .corridor(&["set", "line.toml", "stage:s.name=Stage"])
            .code,
        0
    );
    assert!(
        sandbox
            .read("line.toml")
            .contains("persona = \"Home worker\"\n")
    );
    let run = sandbox.corridor(&["set", "line.toml", "journey.persona.role=Designer"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        sandbox.read("line.toml"),
        "schema = 1\ntitle = \"T\"\n\n[persona]\nname = \"Home worker\"\nrole = \"Designer\"\n\n[[stages]]\nid = \"s\"\nname = \"Stage\"\n"
    );
    assert_eq!(sandbox.corridor(&["fmt", "--check", "line.toml"]).code, 0);
}

#[test]
fn diff_reports_steps_added_removed_and_changed() {
    let sandbox = Sandbox::new();
    sandbox.blueprint(FILE, "old.toml");
    sandbox.blueprint(FILE, "new.toml");
    let run = sandbox.corridor(&[
        "set",
        "new.toml",
        "step:payroll-bench.owner=professional-services",
        "step:po-check.touchpoint=supplier-setup",
        "step:po-check.lane=support",
        "step:po-check.name=Checks every invoice for a PO number",
        "step:po-check.owner=finance",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = sandbox.corridor(&["diff", "old.toml", "new.toml", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let steps: Vec<&serde_json::Value> = value["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["kind"] == "step")
        .collect();
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert_eq!(steps[0]["id"], "payroll-bench");
    assert_eq!(steps[0]["status"], "changed");
    assert_eq!(steps[0]["fields"][0]["field"], "owner");
    assert_eq!(steps[0]["fields"][0]["old"], "resourcing");
    assert_eq!(steps[1]["id"], "po-check");
    assert_eq!(steps[1]["status"], "added");
    let text = sandbox.corridor(&["diff", "old.toml", "new.toml"]);
    assert!(text.stdout.contains("po-check"), "{}", text.stdout);
}

#[test]
fn fmt_puts_the_persona_card_first_and_steps_last() {
    let sandbox = Sandbox::new();
    let text = "schema = 1\ntitle = \"T\"\n\n[[steps]]\nname = \"Packs\"\nid = \"pack\"\nlane = \"backstage\"\ntouchpoint = \"t\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n# who\n[persona]\nquote = \"q\"\nname = \"N\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"T\"\n";
    sandbox.write("j.toml", text);
    let run = sandbox.corridor(&["fmt", "j.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        sandbox.read("j.toml"),
        "schema = 1\ntitle = \"T\"\n\n# who\n[persona]\nname = \"N\"\nquote = \"q\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"T\"\n\n[[steps]]\nid = \"pack\"\ntouchpoint = \"t\"\nlane = \"backstage\"\nname = \"Packs\"\n"
    );
}
