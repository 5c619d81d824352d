//! `corridor import mermaid`: every construct Mermaid 11's journey grammar
//! accepts, scores and scales, errors with their lines, and what the file
//! written looks like. CSV and metrics imports are in `import_csv.rs`.

mod support;

use corridor::model::{Journey, Score};
use corridor::store::load;
use support::Sandbox;

fn imported(sandbox: &Sandbox, out: &str) -> Journey {
    let loaded = load(&sandbox.path(out)).expect("the imported file loads");
    assert!(
        loaded
            .warnings
            .iter()
            .all(|w| w.severity != corridor::model::Severity::Error),
        "no errors"
    );
    let check = sandbox.corridor(&["check", out]);
    assert_eq!(
        check.code, 0,
        "check passes: {}{}",
        check.stdout, check.stderr
    );
    loaded.journey
}

fn names(journey: &Journey) -> Vec<&str> {
    journey
        .touchpoints
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

fn scores(journey: &Journey) -> Vec<Option<u8>> {
    journey
        .touchpoints
        .iter()
        .map(|t| t.actual.map(Score::get))
        .collect()
}

#[test]
fn every_mermaid_construct_is_read() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "day.mmd",
        "---\ntitle: Ignored front-matter title\n---\n\
         %%{init: {\"theme\": \"forest\"}}%%\n\
         %% a comment line before the keyword\n\
         \n\
         JOURNEY\n\
         \tTitle My working day\n\
         accTitle: An accessible title\n\
         \x20 accDescr {\n\
         \x20   A day at work,\n\
         \x20   in two sections\n\
         \x20 }\n\
         # a hash comment\n\
         SECTION Go to work\n\
         Make tea: 5: Me\n\
         \x20       Go upstairs: 3: Me, Cat   # trailing comment\n\
         \t\tDo work<br>really<BR/>hard: 1: Me,Cat\n\
         \x20   %% an indented comment\n\
         section Go home\n\
         \x20 Go downstairs: 5:\n\
         \x20 Sit down: 5\n\
         \x20 Rest #38; relax #35;1: 4: Me\n\
         \x20 Read the paper: : Me\n",
    );
    let run = sandbox.corridor(&["import", "mermaid", "day.mmd", "-o", "day.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("2 stages, 7 touchpoints"),
        "{}",
        run.stdout
    );
    let j = imported(&sandbox, "day.toml");
    assert_eq!(j.title, "My working day");
    assert_eq!(
        j.description.as_deref(),
        Some("A day at work, in two sections")
    );
    let stages: Vec<(&str, &str)> = j
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        stages,
        vec![("go-to-work", "Go to work"), ("go-home", "Go home")]
    );
    assert_eq!(
        names(&j),
        vec![
            "Make tea",
            "Go upstairs",
            "Do work really hard",
            "Go downstairs",
            "Sit down",
            "Rest & relax #1",
            "Read the paper"
        ]
    );
    assert_eq!(
        scores(&j),
        vec![Some(5), Some(3), Some(1), Some(5), Some(5), Some(4), None],
        "a blank score leaves the touchpoint unscored"
    );
    let departments: Vec<(&str, &str)> = j
        .departments
        .iter()
        .map(|d| (d.id.as_str(), d.name.as_str()))
        .collect();
    assert_eq!(departments, vec![("me", "Me"), ("cat", "Cat")]);
    let owners: Vec<Option<&str>> = j
        .touchpoints
        .iter()
        .map(|t| t.owner.as_ref().map(|o| o.as_str()))
        .collect();
    assert_eq!(
        owners,
        vec![
            Some("me"),
            Some("me"),
            Some("me"),
            None,
            None,
            Some("me"),
            Some("me")
        ],
        "the first actor owns; no actors or an empty list leaves no owner"
    );
    assert_eq!(
        j.touchpoints[1].notes.as_deref(),
        Some("Actors in the Mermaid diagram: Me, Cat")
    );
    let text = sandbox.read("day.toml");
    assert!(
        text.starts_with("# Imported from day.mmd by `corridor import mermaid`.\n\nschema = 1\n")
    );
    let fmt = sandbox.corridor(&["fmt", "--check", "day.toml"]);
    assert_eq!(
        fmt.code, 0,
        "new files are already canonical: {}",
        fmt.stdout
    );
}

#[test]
fn titles_fall_back_to_accessibility_title_front_matter_and_file_name() {
    let sandbox = Sandbox::new();
    sandbox.write("a.mmd", "journey\naccTitle: Accessible\nsection S\nT: 3\n");
    sandbox.write(
        "b.mmd",
        "---\ntitle: From front matter\n---\njourney\nsection S\nT: 3\n",
    );
    sandbox.write("c.mmd", "journey\nsection S\nT: 3\n");
    for (input, out, title) in [
        ("a.mmd", "a.toml", "Accessible"),
        ("b.mmd", "b.toml", "From front matter"),
        ("c.mmd", "onboarding_flow.toml", "onboarding flow"),
    ] {
        let run = sandbox.corridor(&["import", "mermaid", input, "-o", out]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(imported(&sandbox, out).title, title);
    }
    let run = sandbox.corridor(&[
        "import", "mermaid", "c.mmd", "-o", "d.toml", "--title", "Given",
    ]);
    assert_eq!(run.code, 0);
    assert_eq!(imported(&sandbox, "d.toml").title, "Given");
}

#[test]
fn tasks_before_any_section_get_a_stage() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "loose.mmd",
        "journey\n  Wake up: 2\nsection Day\n  Work: 3\n",
    );
    let run = sandbox.corridor(&["import", "mermaid", "loose.mmd", "-o", "loose.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let j = imported(&sandbox, "loose.toml");
    let stages: Vec<&str> = j.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, vec!["(no section)", "Day"]);
}

#[test]
fn scores_outside_one_to_five_are_errors_naming_the_line() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bad.mmd",
        "journey\ntitle T\nsection S\n  Fine: 3\n  Too high: 7: Me\n  Zero: 0\n  Word: five\n  Half: 2.5\n",
    );
    let run = sandbox.corridor(&["import", "mermaid", "bad.mmd", "-o", "bad.toml"]);
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let hint = "give the diagram's scale with --scale MAX (1 to MAX) or --scale MIN-MAX (such as 0-5 or 0-10)";
    assert_eq!(
        &lines[..3],
        &[
            format!("bad.mmd:5:13: error: score 7 is outside 1-5; {hint}"),
            format!("bad.mmd:6:9: error: score 0 is outside 1-5; {hint}"),
            "bad.mmd:8:9: error: score 2.5 is not a whole number; use --scale 5 to round scores 1..5".to_owned(),
        ]
    );
    assert!(!sandbox.path("bad.toml").exists(), "nothing written");
}

#[test]
fn scale_maps_one_to_max_onto_one_to_five() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "ten.mmd",
        "journey\nsection S\n  A: 1\n  B: 4\n  C: 6\n  D: 9.5\n  E: 10\n",
    );
    let run = sandbox.corridor(&[
        "import", "mermaid", "ten.mmd", "-o", "ten.toml", "--scale", "10",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let j = imported(&sandbox, "ten.toml");
    assert_eq!(
        scores(&j),
        vec![Some(1), Some(2), Some(3), Some(5), Some(5)]
    );
    sandbox.write("over.mmd", "journey\nsection S\n  A: 11\n");
    let run = sandbox.corridor(&[
        "import",
        "mermaid",
        "over.mmd",
        "-o",
        "over.toml",
        "--scale",
        "10",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("over.mmd:3:6: error: score 11 is outside the scale 1-10"),
        "{}",
        run.stderr
    );
}

#[test]
fn grammar_errors_name_the_line() {
    let sandbox = Sandbox::new();
    for (text, expected) in [
        (
            "flowchart LR\n  A --> B\n",
            ":1:1: error: a Mermaid journey diagram starts with `journey`",
        ),
        (
            "journey\nsection S\n  A; 3\n",
            ":3:4: error: unexpected `;`, which Mermaid does not allow here",
        ),
        (
            "journey\nsection S\n  No score\n",
            ":3:3: error: unexpected task `No score` without `: SCORE`",
        ),
        (
            "journey\nsection S\n  Empty:\n",
            ":3:8: error: task `Empty` has no score after `:`",
        ),
        (
            "journey\nsection S\n  Journey planner: 3\n",
            ":3:3: error: unexpected `journey` again",
        ),
        (
            "journey\naccDescr {\n  never closed\n",
            ":2:1: error: `accDescr {` is never closed with `}`",
        ),
        (
            "journey\nsection S\n  A: 3\naccTitle: \n\n",
            ":4:1: error: `accTitle:` with no text after it",
        ),
    ] {
        sandbox.write("e.mmd", text);
        let run = sandbox.corridor(&["import", "mermaid", "e.mmd", "-o", "e.toml"]);
        assert_eq!(run.code, 2, "{text}");
        assert!(
            run.stderr.starts_with(&format!("e.mmd{expected}")),
            "{text}: {}",
            run.stderr
        );
        assert!(!sandbox.path("e.toml").exists());
    }
}

#[test]
fn an_existing_output_is_never_overwritten() {
    let sandbox = Sandbox::new();
    sandbox.write("d.mmd", "journey\nsection S\n  A: 3\n");
    sandbox.write("taken.toml", "keep me\n");
    let run = sandbox.corridor(&["import", "mermaid", "d.mmd", "-o", "taken.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("file exists"), "{}", run.stderr);
    assert_eq!(sandbox.read("taken.toml"), "keep me\n");
}

#[test]
fn mermaid_reports_read_back_to_the_same_stages_and_scores() {
    let sandbox = Sandbox::new();
    for name in [
        "b2b-onboarding",
        "online-order-courier",
        "subscription-renewal",
    ] {
        let path = sandbox.bundled(name, &format!("{name}.toml"));
        let original = load(&path).expect("bundled journey loads").journey;
        let report = sandbox.corridor(&["report", &format!("{name}.toml"), "--format", "mermaid"]);
        assert_eq!(report.code, 0, "{}", report.stderr);
        sandbox.write(&format!("{name}.mmd"), &report.stdout);
        let out = format!("{name}-back.toml");
        let run = sandbox.corridor(&["import", "mermaid", &format!("{name}.mmd"), "-o", &out]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let back = imported(&sandbox, &out);
        let stage_names = |j: &Journey| j.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(stage_names(&back), stage_names(&original), "{name}");
        let scored: Vec<Option<u8>> = original
            .corridor()
            .iter()
            .filter(|t| t.actual.is_some())
            .map(|t| t.actual.map(Score::get))
            .collect();
        assert_eq!(scores(&back), scored, "{name}");
    }
}
