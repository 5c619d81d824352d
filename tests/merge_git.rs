//! `corridor merge` as git's merge driver, in real temporary repositories:
//! each case conflicts with git's own line merge and merges cleanly (or
//! with a clear conflict) with the driver.

mod support;

use corridor::model::Journey;
use corridor::store::parse_journey;
use support::{Run, Sandbox};

const FILE: &str = "journey.toml";

/// A small canonical journey: two stages, one department, three touchpoints.
const BASE: &str = r#"# The checkout corridor.
schema = 1
title = "Checkout"

[[stages]]
id = "find"
name = "Find"

[[stages]]
id = "buy"
name = "Buy"

[[departments]]
id = "sales"
name = "Sales"

# Where most people start.
[[touchpoints]]
id = "ad"
stage = "find"
name = "Sees an ad"
owner = "sales"
expected = 3
actual = 3

[[touchpoints]]
id = "page"
stage = "find"
name = "Reads the pricing page"
owner = "sales"
expected = 4
actual = 2

[[touchpoints]]
id = "pay"
stage = "buy"
name = "Pays"
owner = "sales"
"#;

/// A repository with BASE committed on `main` and a branch `theirs` made
/// from it; `ours` and `theirs` edit the text on each branch.
fn repository(ours: impl Fn(&str) -> String, theirs: impl Fn(&str) -> String) -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.git(&["init", "-q"]);
    sandbox.write(FILE, BASE);
    sandbox.git(&["add", "."]);
    sandbox.git(&["commit", "-q", "-m", "Base"]);
    sandbox.git(&["checkout", "-q", "-b", "theirs"]);
    sandbox.write(FILE, &theirs(BASE));
    sandbox.git(&["commit", "-q", "-am", "Theirs"]);
    sandbox.git(&["checkout", "-q", "main"]);
    sandbox.write(FILE, &ours(BASE));
    sandbox.git(&["commit", "-q", "-am", "Ours"]);
    sandbox
}

/// Git's own merge conflicts; after `--abort` the driver is set up.
fn plain_git_conflicts(sandbox: &Sandbox) {
    let run = sandbox.git_status(&["merge", "-q", "--no-edit", "theirs"]);
    assert_ne!(run.code, 0, "git merged it alone: {}", sandbox.read(FILE));
    assert!(
        sandbox.read(FILE).contains("<<<<<<<"),
        "{}",
        sandbox.read(FILE)
    );
    sandbox.git(&["merge", "--abort"]);
    sandbox.write(".gitattributes", "*.toml merge=corridor\n");
    let driver = format!("'{}' merge %O %A %B -o %A", env!("CARGO_BIN_EXE_corridor"));
    sandbox.git(&["config", "merge.corridor.driver", &driver]);
}

fn merge_with_driver(sandbox: &Sandbox) -> Run {
    sandbox.git_status(&["merge", "-q", "--no-edit", "theirs"])
}

/// The merged file passes `check` and `fmt --check`; its journey.
fn clean(sandbox: &Sandbox) -> Journey {
    let check = sandbox.corridor(&["check", FILE]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let fmt = sandbox.corridor(&["fmt", "--check", FILE]);
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
    let text = sandbox.read(FILE);
    parse_journey(&text).journey.expect("a valid journey")
}

fn ids(journey: &Journey) -> Vec<&str> {
    journey.touchpoints.iter().map(|t| t.id.as_str()).collect()
}

fn add_touchpoint(text: &str, id: &str, comment: &str) -> String {
    format!(
        "{text}\n{comment}[[touchpoints]]\nid = \"{id}\"\nstage = \"buy\"\nname = \"Touchpoint {id}\"\nowner = \"sales\"\n"
    )
}

#[test]
fn both_branches_add_a_touchpoint_at_the_end_of_the_same_stage() {
    let sandbox = repository(
        |t| add_touchpoint(t, "receipt", ""),
        |t| add_touchpoint(t, "survey", "# Asked after a week.\n"),
    );
    plain_git_conflicts(&sandbox);
    let run = merge_with_driver(&sandbox);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let journey = clean(&sandbox);
    assert_eq!(ids(&journey), ["ad", "page", "pay", "receipt", "survey"]);
    let text = sandbox.read(FILE);
    assert!(
        text.starts_with(&add_touchpoint(BASE, "receipt", "")),
        "ours byte for byte:\n{text}"
    );
    assert!(
        text.contains("\n# Asked after a week.\n[[touchpoints]]\nid = \"survey\""),
        "their comment came along:\n{text}"
    );
}

#[test]
fn one_edits_actual_and_the_other_notes_of_the_same_touchpoint() {
    let sandbox = repository(
        |t| t.replace("actual = 2\n", "actual = 3\n"),
        |t| {
            t.replace(
                "actual = 2\n",
                "actual = 2\nnotes = \"Prices hidden behind a form\"\n",
            )
        },
    );
    plain_git_conflicts(&sandbox);
    let run = merge_with_driver(&sandbox);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let journey = clean(&sandbox);
    let page = journey.touchpoint("page").expect("page");
    assert_eq!(page.actual.map(|s| s.get()), Some(3));
    assert_eq!(page.notes.as_deref(), Some("Prices hidden behind a form"));
    assert_eq!(
        sandbox.read(FILE),
        BASE.replace(
            "actual = 2\n",
            "actual = 3\nnotes = \"Prices hidden behind a form\"\n"
        )
    );
}

#[test]
fn a_renamed_department_and_a_touchpoint_owned_by_its_old_id() {
    let sandbox = repository(
        |t| {
            t.replace("id = \"sales\"", "id = \"revenue\"")
                .replace("owner = \"sales\"", "owner = \"revenue\"")
        },
        |t| add_touchpoint(t, "invoice", ""),
    );
    plain_git_conflicts(&sandbox);
    let run = merge_with_driver(&sandbox);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let journey = clean(&sandbox);
    assert_eq!(journey.departments[0].id.as_str(), "revenue");
    let invoice = journey.touchpoint("invoice").expect("invoice");
    assert_eq!(
        invoice.owner.as_ref().map(|o| o.as_str()),
        Some("revenue"),
        "the new touchpoint refers to the new id"
    );
    assert!(!sandbox.read(FILE).contains("\"sales\""));
}

#[test]
fn one_moves_a_touchpoint_and_the_other_edits_it() {
    let page_block = "[[touchpoints]]\nid = \"page\"\nstage = \"find\"\nname = \"Reads the pricing page\"\nowner = \"sales\"\nexpected = 4\nactual = 2\n\n";
    let sandbox = repository(
        |t| {
            // The page moves before the ad (as `K` in the workbench does).
            let without = t.replacen(page_block, "", 1);
            without.replacen(
                "# Where most people start.\n",
                &format!("{page_block}# Where most people start.\n"),
                1,
            )
        },
        |t| t.replace("actual = 2\n", "actual = 4\n"),
    );
    plain_git_conflicts(&sandbox);
    let run = merge_with_driver(&sandbox);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let journey = clean(&sandbox);
    assert_eq!(ids(&journey), ["page", "ad", "pay"]);
    assert_eq!(
        journey
            .touchpoint("page")
            .and_then(|p| p.actual)
            .map(|s| s.get()),
        Some(4)
    );
    assert!(
        sandbox
            .read(FILE)
            .contains("# Where most people start.\n[[touchpoints]]\nid = \"ad\""),
        "the comment stays with its table"
    );
}

#[test]
fn the_same_field_to_two_values_is_a_conflict_check_rejects() {
    let sandbox = repository(
        |t| t.replace("actual = 2\n", "actual = 1\n"),
        |t| t.replace("actual = 2\n", "actual = 5\n"),
    );
    plain_git_conflicts(&sandbox);
    let run = merge_with_driver(&sandbox);
    assert_ne!(run.code, 0, "git reports the conflict");
    let text = sandbox.read(FILE);
    let marker = text
        .lines()
        .position(|l| l.starts_with("<<<<<<< "))
        .expect("a conflict marker")
        + 1;
    assert!(
        text.contains(
            "<<<<<<< ours (touchpoint page: actual)\nactual = 1\n||||||| base\nactual = 2\n=======\nactual = 5\n>>>>>>> theirs\n"
        ),
        "{text}"
    );
    let check = sandbox.corridor(&["check", FILE]);
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.contains(&format!(
            "journey.toml:{marker}:1: error: unresolved merge conflict (touchpoint page: actual)"
        )),
        "{}{}",
        check.stdout,
        check.stderr
    );

    // The driver itself: exit 1, each conflict named with its line.
    let base = sandbox.write("base.toml", BASE);
    let ours = sandbox.write("ours.toml", &BASE.replace("actual = 2\n", "actual = 1\n"));
    let theirs = sandbox.write("theirs.toml", &BASE.replace("actual = 2\n", "actual = 5\n"));
    let out = sandbox.path("out.toml");
    let run = sandbox.corridor(&[
        "merge",
        &base.display().to_string(),
        &ours.display().to_string(),
        &theirs.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "out.toml:{marker}:1: conflict: touchpoint page: `actual` changed on both sides: base 2, ours 1, theirs 5"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn an_invalid_input_exits_2_and_writes_nothing() {
    let sandbox = Sandbox::new();
    let base = sandbox.write("base.toml", BASE);
    let ours = sandbox.write("ours.toml", BASE);
    let theirs = sandbox.write("theirs.toml", &BASE.replace("actual = 2\n", "actual = 9\n"));
    let run = sandbox.corridor(&[
        "merge",
        "base.toml",
        "ours.toml",
        "theirs.toml",
        "-o",
        "ours.toml",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("theirs.toml:32:10: error: `actual` = 9 is out of range 1..5"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.read("ours.toml"), BASE, "nothing written over OURS");
    let missing = sandbox.corridor(&["merge", "base.toml", "ours.toml", "gone.toml"]);
    assert_eq!(missing.code, 2);
    let _ = (base, ours, theirs);
}
