//! `corridor diff` in real temporary git repositories: against a revision,
//! between two files, as a git diff driver, and journeys that merge cleanly
//! when two branches edit different touchpoints.

mod support;

use corridor::store::load;
use support::Sandbox;

const JOURNEY: &str = "journeys/onboarding.toml";

/// A repository with the bundled B2B journey committed on `main`.
fn repository() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.git(&["init", "-q"]);
    std::fs::create_dir_all(sandbox.path("journeys")).expect("journeys folder");
    sandbox.bundled("b2b-onboarding", JOURNEY);
    sandbox.git(&["add", "."]);
    sandbox.git(&["commit", "-q", "-m", "Add the onboarding journey"]);
    sandbox
}

fn set(sandbox: &Sandbox, assignments: &[&str]) {
    let mut args = vec!["set", JOURNEY];
    args.extend_from_slice(assignments);
    let run = sandbox.corridor(&args);
    assert_eq!(run.code, 0, "set: {}", run.stderr);
}

#[test]
fn diff_against_head_names_the_touchpoint_and_the_gap_change() {
    let sandbox = repository();
    let clean = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD", "--exit-code"]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert!(clean.stdout.contains("no differences"), "{}", clean.stdout);

    set(&sandbox, &["kickoff-call.actual=4", "sales-demo.actual=2"]);
    let run = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.starts_with("journeys/onboarding.toml@HEAD -> journeys/onboarding.toml\n"),
        "{out}"
    );
    assert!(out.contains("  ~ kickoff-call  Kickoff call with the implementation team\n      actual: 2 -> 4\n      gap: -2 -> 0, improved (critical -> met)\n"), "{out}");
    assert!(out.contains("  ~ sales-demo  Account executive demos on site\n      actual: 5 -> 2\n      gap: +1 -> -2, worsened (exceeded -> critical)\n"), "{out}");
    assert!(
        out.contains("Professional Services: experience debt -8 -> -6, below expectation 4 -> 3, critical 3 -> 2, touchpoints 4"),
        "{out}"
    );
    assert!(out.contains("experience debt -14,"), "{out}");
    assert!(
        out.ends_with("2 touchpoints changed (1 improved, 1 worsened); experience debt -14, below expectation 9, critical 4\n"),
        "{out}"
    );

    let exit = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD", "--exit-code"]);
    assert_eq!(exit.code, 1);

    let md = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD", "--format", "md"]);
    assert_eq!(md.code, 0);
    assert!(md.stdout.contains(
        "| changed | Kickoff call with the implementation team `kickoff-call` | Kickoff | actual: 2 → 4 | -2 → 0 ▲ **improved** (critical → met) |"
    ), "{}", md.stdout);

    let json = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(value["schema"], "corridor-diff/2");
    assert_eq!(value["counts"]["improved"], 1);
    let kickoff = value["touchpoints"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == "kickoff-call"))
        .expect("kickoff-call in the JSON");
    assert_eq!(kickoff["gap"]["trend"], "improved");
    assert_eq!(kickoff["fields"][0]["old"], "2");
}

#[test]
fn a_lowered_expectation_is_named_and_never_counts_as_better_or_worse() {
    let sandbox = repository();
    // kickoff-call: expected 4, actual 2. Lowering the bar closes the gap.
    set(&sandbox, &["kickoff-call.expected=2"]);
    let run = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD", "--fail-if-worse"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("gap: -2 -> 0, expectation lowered (critical -> met)"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("improved"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("1 touchpoint changed (1 expectation lowered)"),
        "{}",
        run.stdout
    );
    let json = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(value["counts"]["improved"], 0);
    assert_eq!(value["counts"]["expectation_lowered"], 1);
    let md = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD", "--format", "md"]);
    assert!(
        md.stdout.contains("**expectation lowered**"),
        "{}",
        md.stdout
    );

    // A fallen actual score is worse, and --fail-if-worse says so.
    set(&sandbox, &["kickoff-call.actual=1"]);
    let worse = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD", "--fail-if-worse"]);
    assert_eq!(worse.code, 1, "{}", worse.stdout);
    assert!(
        worse.stdout.contains("worsened, expectation lowered"),
        "{}",
        worse.stdout
    );
}

#[test]
fn any_revision_works_and_errors_are_clear() {
    let sandbox = repository();
    set(&sandbox, &["webinar.actual=1"]);
    sandbox.git(&["commit", "-q", "-am", "Webinar fell flat"]);
    set(&sandbox, &["webinar.actual=2"]);
    let run = sandbox.corridor(&["diff", JOURNEY, "--rev", "HEAD~1"]);
    assert!(run.stdout.contains("actual: 3 -> 2"), "{}", run.stdout);
    // From a subfolder, the path is relative to it, not to the repository.
    let sub = sandbox.corridor_in("journeys", &["diff", "onboarding.toml", "--rev", "HEAD"]);
    assert!(
        sub.stdout.contains("actual: 1 -> 2"),
        "{}{}",
        sub.stdout,
        sub.stderr
    );

    let unknown = sandbox.corridor(&["diff", JOURNEY, "--rev", "no-such-branch"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("unknown revision `no-such-branch`"),
        "{}",
        unknown.stderr
    );

    sandbox.write("journeys/new.toml", "schema = 1\ntitle = \"New\"\n");
    let absent = sandbox.corridor(&["diff", "journeys/new.toml", "--rev", "HEAD"]);
    assert_eq!(absent.code, 2);
    assert!(
        absent
            .stderr
            .contains("journeys/new.toml does not exist at revision `HEAD`"),
        "{}",
        absent.stderr
    );

    let outside = Sandbox::new();
    outside.bundled("b2b-onboarding", "j.toml");
    let no_repo = outside.corridor(&["diff", "j.toml", "--rev", "HEAD"]);
    assert_eq!(no_repo.code, 2);
    assert!(
        no_repo
            .stderr
            .contains("j.toml: not inside a git repository"),
        "{}",
        no_repo.stderr
    );

    let usage = sandbox.corridor(&["diff", JOURNEY]);
    assert_eq!(usage.code, 2);
    assert!(usage.stderr.contains("needs --rev"), "{}", usage.stderr);
}

#[test]
fn two_files_added_removed_and_invalid() {
    let sandbox = Sandbox::new();
    sandbox.bundled("subscription-renewal", "old.toml");
    sandbox.bundled("subscription-renewal", "new.toml");
    let old = load(&sandbox.path("old.toml")).expect("loads");
    let mut file = load(&sandbox.path("new.toml")).expect("loads");
    let mut journey = file.journey.clone();
    let removed = journey.touchpoints.remove(0);
    journey.actions.retain(|a| a.touchpoint != removed.id);
    let mut added = journey.touchpoints[0].clone();
    added.id = corridor::model::Id::new("brand-new").expect("id");
    added.origin = corridor::model::Origin::NEW;
    journey.touchpoints.push(added);
    file.file.save(&journey).expect("saved");
    let run = sandbox.corridor(&["diff", "old.toml", "new.toml", "--exit-code"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("  - {}  ", removed.id)),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("  + brand-new  "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("1 touchpoint added, 1 touchpoint removed"),
        "{}",
        run.stdout
    );
    assert_eq!(old.journey.touchpoints.len(), journey.touchpoints.len());

    sandbox.write(
        "broken.toml",
        "schema = 1\ntitle = \"B\"\n\n[[touchpoints]]\nid = \"x\"\nactual = 9\n",
    );
    let invalid = sandbox.corridor(&["diff", "old.toml", "broken.toml"]);
    assert_eq!(invalid.code, 2);
    assert!(
        invalid
            .stderr
            .contains("broken.toml:4:1: error: touchpoint is missing required field `stage`"),
        "{}",
        invalid.stderr
    );
    assert!(
        invalid
            .stderr
            .contains("broken.toml:6:10: error: `actual` = 9 is out of range 1..5"),
        "{}",
        invalid.stderr
    );
}

#[test]
fn branches_editing_different_touchpoints_merge_without_conflict() {
    let sandbox = repository();
    sandbox.git(&["checkout", "-q", "-b", "sales"]);
    set(
        &sandbox,
        &[
            "sales-demo.actual=3",
            "sales-demo.evidence+=Call notes, March",
        ],
    );
    sandbox.git(&["commit", "-q", "-am", "Rescore the demo"]);
    sandbox.git(&["checkout", "-q", "main"]);
    sandbox.git(&["checkout", "-q", "-b", "delivery"]);
    set(
        &sandbox,
        &[
            "payroll-connector.actual=3",
            "payroll-connector.metrics.days_late=9",
        ],
    );
    sandbox.git(&["commit", "-q", "-am", "Payroll connector improved"]);
    let merge = sandbox.git_status(&["merge", "-q", "--no-edit", "sales"]);
    assert_eq!(
        merge.code, 0,
        "merged without conflict: {}{}",
        merge.stdout, merge.stderr
    );
    let check = sandbox.corridor(&["check", JOURNEY]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    let merged = load(&sandbox.path(JOURNEY))
        .expect("merged journey loads")
        .journey;
    let actual = |id: &str| {
        merged
            .touchpoint(id)
            .and_then(|t| t.actual)
            .map(|s| s.get())
    };
    assert_eq!(
        (actual("sales-demo"), actual("payroll-connector")),
        (Some(3), Some(3))
    );
    let run = sandbox.corridor(&["diff", JOURNEY, "--rev", "main"]);
    assert!(run.stdout.contains("~ sales-demo"), "{}", run.stdout);
    assert!(run.stdout.contains("~ payroll-connector"), "{}", run.stdout);
    assert!(
        run.stdout.contains("metrics.days_late: 23 -> 9"),
        "{}",
        run.stdout
    );
}

#[test]
fn works_as_a_git_diff_driver() {
    let sandbox = repository();
    sandbox.write(".gitattributes", "*.toml diff=corridor\n");
    set(&sandbox, &["kickoff-call.actual=4"]);
    let corridor = env!("CARGO_BIN_EXE_corridor");
    let command = format!("diff.corridor.command={corridor} diff");
    let driver = sandbox.git(&["-c", &command, "diff"]);
    assert!(
        driver
            .stdout
            .contains("journeys/onboarding.toml (old) -> journeys/onboarding.toml"),
        "{}",
        driver.stdout
    );
    assert!(
        driver
            .stdout
            .contains("gap: -2 -> 0, improved (critical -> met)"),
        "{}",
        driver.stdout
    );
    let textconv = format!("diff.corridor.textconv={corridor} show --no-color");
    let text = sandbox.git(&["-c", &textconv, "diff"]);
    assert!(
        text.stdout
            .contains("+  ★ Kickoff call with the implementation team"),
        "{}",
        text.stdout
    );
}

#[test]
fn file_text_in_every_format_is_inert() {
    let sandbox = Sandbox::new();
    let journey = |actual: u8, notes: &str| {
        format!(
            "schema = 1\ntitle = \"Evil \\u001B]0;pwned\\u0007\"\n\n[[stages]]\nid = \"s\"\nname = \"S\\u202E\"\n\n\
             [[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"Name \\u001B[2J\"\nexpected = 3\nactual = {actual}\n\
             notes = \"{notes}\"\nmetrics = {{ \"m\\u009B1\" = {actual} }}\n"
        )
    };
    sandbox.write("old.toml", &journey(2, "calm"));
    sandbox.write("new.toml", &journey(4, "\\u001B[31mred\\u202Egnp.exe"));
    for format in ["text", "md", "json"] {
        let run = sandbox.corridor(&["diff", "old.toml", "new.toml", "--format", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202E}'] {
            assert!(
                !run.stdout.contains(c),
                "{format} output holds {c:?}: {}",
                run.stdout
            );
        }
        assert!(run.stdout.contains("red"), "{format}: {}", run.stdout);
    }
    let json = sandbox.corridor(&["diff", "old.toml", "new.toml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    let notes = value["touchpoints"][0]["fields"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["field"] == "notes"))
        .expect("notes changed");
    assert_eq!(
        notes["new"], "\u{1b}[31mred\u{202E}gnp.exe",
        "JSON keeps the exact text"
    );
}

/// Two branches that each add a touchpoint with the same id merge cleanly
/// in git and leave a journey `check` rejects; `diff` says where it is
/// wrong (exit 2, FILE:LINE:COL) rather than comparing by an id that two
/// touchpoints share.
#[test]
fn diff_refuses_a_journey_with_a_duplicated_id() {
    let sandbox = repository();
    sandbox.git(&["checkout", "-q", "-b", "ours"]);
    let block = |name: &str| {
        format!(
            "[[touchpoints]]\nid = \"exit-survey\"\nstage = \"recommend\"\nname = \"{name}\"\n\n"
        )
    };
    // Ours adds it before the actions, main at the end: different lines.
    let text = sandbox.read(JOURNEY);
    let at = text.find("[[actions]]").expect("actions");
    let ours = format!(
        "{}{}{}",
        &text[..at],
        block("Exit survey by email"),
        &text[at..]
    );
    sandbox.write(JOURNEY, &ours);
    sandbox.git(&["commit", "-q", "-am", "Ours adds an exit survey"]);
    sandbox.git(&["checkout", "-q", "main"]);
    let theirs = format!("{text}\n{}", block("Exit survey by phone"));
    sandbox.write(JOURNEY, &theirs);
    sandbox.git(&["commit", "-q", "-am", "Main adds an exit survey too"]);
    let merge = sandbox.git_status(&["merge", "-q", "ours", "-m", "Merge"]);
    assert_eq!(merge.code, 0, "git merges cleanly: {}", merge.stderr);
    let merged = sandbox.read(JOURNEY);
    assert_eq!(
        merged.matches("id = \"exit-survey\"").count(),
        2,
        "{merged}"
    );
    for args in [
        vec!["diff", JOURNEY, "--rev", "HEAD~1", "--exit-code"],
        vec!["diff", JOURNEY, JOURNEY, "--exit-code"],
    ] {
        let run = sandbox.corridor(&args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains("journeys/onboarding.toml:")
                && run
                    .stderr
                    .contains(": error: duplicate touchpoint id `exit-survey`"),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
}
