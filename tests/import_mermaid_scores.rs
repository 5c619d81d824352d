//! `corridor import mermaid` scores as Mermaid reads them: scales that
//! start at 0, scores that are not numbers (unscored, with a warning naming
//! the line; `--strict` refuses them), numbers off the stated scale.

mod support;

use corridor::model::Score;
use corridor::store::load;
use support::Sandbox;

fn scores(sandbox: &Sandbox, out: &str) -> Vec<Option<u8>> {
    load(&sandbox.path(out))
        .expect("the imported file loads")
        .journey
        .touchpoints
        .iter()
        .map(|t| t.actual.map(Score::get))
        .collect()
}

#[test]
fn a_scale_from_zero_maps_onto_one_to_five() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "zero.mmd",
        "journey\nsection S\n  A: 0\n  B: 1\n  C: 2\n  D: 3\n  E: 4\n  F: 5\n",
    );
    let run = sandbox.corridor(&[
        "import",
        "mermaid",
        "zero.mmd",
        "-o",
        "zero.toml",
        "--scale",
        "0-5",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 1 + s x 4/5 rounded half up: 1, 1.8, 2.6, 3.4, 4.2, 5.
    assert_eq!(
        scores(&sandbox, "zero.toml"),
        [1, 2, 3, 3, 4, 5].map(Some).to_vec()
    );
    sandbox.write(
        "ten.mmd",
        "journey\nsection S\n  A: 0\n  B: 5\n  C: 10\n  D: 1\n",
    );
    let run = sandbox.corridor(&[
        "import", "mermaid", "ten.mmd", "-o", "ten.toml", "--scale", "0-10",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        scores(&sandbox, "ten.toml"),
        [1, 3, 5, 1].map(Some).to_vec()
    );
}

#[test]
fn numbers_off_the_stated_scale_are_errors_naming_the_line() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "off.mmd",
        "journey\nsection S\n  A: 0\n  B: 11: Me\n  C: -1\n  D: Infinity\n",
    );
    let run = sandbox.corridor(&[
        "import", "mermaid", "off.mmd", "-o", "off.toml", "--scale", "0-10",
    ]);
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        &lines[..3],
        &[
            "off.mmd:4:6: error: score 11 is outside the scale 0-10",
            "off.mmd:5:6: error: score -1 is outside the scale 0-10",
            "off.mmd:6:6: error: score Infinity is outside the scale 0-10",
        ]
    );
    assert!(!sandbox.path("off.toml").exists());
}

#[test]
fn empty_or_unreadable_scales_are_usage_errors() {
    let sandbox = Sandbox::new();
    sandbox.write("s.mmd", "journey\nsection S\n  A: 3\n");
    for scale in ["1", "5-5", "10-0", "0..10", "-5"] {
        let option = format!("--scale={scale}");
        let run = sandbox.corridor(&["import", "mermaid", "s.mmd", "-o", "s.toml", &option]);
        assert_eq!(run.code, 2, "{scale}");
        assert!(run.stderr.contains("--scale"), "{scale}: {}", run.stderr);
        assert!(!sandbox.path("s.toml").exists());
    }
}

#[test]
fn scores_that_are_not_numbers_leave_the_touchpoint_unscored() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "na.mmd",
        "journey\nsection S\n  Known: 4: Ann\n  Upload: N/A: Ann\n  Discover the tool -> 3: User\n",
    );
    let run = sandbox.corridor(&["import", "mermaid", "na.mmd", "-o", "na.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            "na.mmd:4:11: warning: score `N/A` is not a number, so Mermaid draws no score: `Upload` is left unscored",
            "na.mmd:5:27: warning: score `User` is not a number, so Mermaid draws no score: `Discover the tool -> 3` is left unscored",
        ]
    );
    let j = load(&sandbox.path("na.toml")).expect("loads").journey;
    let read: Vec<(&str, Option<u8>, Option<&str>)> = j
        .touchpoints
        .iter()
        .map(|t| {
            let owner = t.owner.as_ref().map(|o| o.as_str());
            (t.name.as_str(), t.actual.map(Score::get), owner)
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Known", Some(4), Some("ann")),
            ("Upload", None, Some("ann")),
            ("Discover the tool -> 3", None, None),
        ],
        "Mermaid reads `User` as the score of the task `Discover the tool -> 3`, with no actors"
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let sandbox = Sandbox::new();
    sandbox.write("na.mmd", "journey\nsection S\n  Upload: N/A: Ann\n");
    sandbox.write("upper.mmd", "JOURNEY\nsection S\n  Upload: 3: Ann\n");
    let run = sandbox.corridor(&["import", "mermaid", "upper.mmd", "-o", "upper.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "upper.mmd:1:1: warning: Mermaid only recognises a journey diagram that starts with `journey` in lower case"
        ),
        "{}",
        run.stderr
    );
    for (input, message) in [
        ("na.mmd", "na.mmd:3:11: error: score `N/A` is not a number"),
        ("upper.mmd", "upper.mmd:1:1: error: Mermaid only recognises"),
    ] {
        let run = sandbox.corridor(&["import", "mermaid", input, "-o", "strict.toml", "--strict"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.starts_with(message), "{}", run.stderr);
        assert!(
            run.stderr
                .contains("strict.toml: nothing written (--strict)"),
            "{}",
            run.stderr
        );
        assert!(!sandbox.path("strict.toml").exists(), "nothing written");
    }
}

#[test]
fn strict_also_refuses_csv_warnings() {
    let sandbox = Sandbox::new();
    sandbox.write("t.csv", "name,stage,colour\nA,s,red\n");
    let run = sandbox.corridor(&["import", "csv", "t.csv", "-o", "t.toml", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("t.csv:1:3: error: column `colour`"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.path("t.toml").exists());
    let run = sandbox.corridor(&["import", "csv", "t.csv", "-o", "t.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
