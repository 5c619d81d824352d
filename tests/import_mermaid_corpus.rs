//! Every diagram under tests/fixtures/mermaid/ imported through the binary
//! and compared with what Mermaid's own parser reads from it: the
//! `NAME.expected.json` beside each `NAME.mmd` was written by
//! `expected.mjs` running Mermaid 11 (sections, tasks, the number Mermaid
//! makes of each score, actors). A diagram names the options it is
//! imported with in a `%% import: ...` comment line, which Mermaid ignores.

mod support;

use std::path::{Path, PathBuf};

use corridor::model::{Journey, Touchpoint};
use corridor::store::load;
use serde_json::Value;
use support::Sandbox;

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mermaid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "mmd"))
        .collect();
    files.sort();
    files
}

/// The options in the diagram's `%% import:` line.
fn options(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("%% import:"))
        .flat_map(|rest| rest.split_whitespace().map(str::to_owned))
        .collect()
}

/// The scale the options state: (MIN, MAX), 1-5 without `--scale`.
fn scale(options: &[String]) -> Option<(i64, i64)> {
    let at = options.iter().position(|o| o == "--scale")?;
    let value = options.get(at + 1)?;
    Some(match value.split_once('-') {
        Some((min, max)) => (min.parse().ok()?, max.parse().ok()?),
        None => (1, value.parse().ok()?),
    })
}

/// What a Mermaid score becomes in corridor: `1 + (s - MIN) x 4 / (MAX -
/// MIN)` rounded half up (in exact integer arithmetic here, for whole
/// scores), nothing for a blank score or one that is not a number.
fn expected_actual(task: &Value, scale: Option<(i64, i64)>) -> Option<u8> {
    let text = task["score_text"].as_str().expect("score_text");
    let score = task["score"].as_f64()?;
    if text.is_empty() {
        return None;
    }
    let Some((min, max)) = scale else {
        assert!(score.fract() == 0.0 && (1.0..=5.0).contains(&score));
        return Some(score as u8);
    };
    if score.fract() != 0.0 {
        let mapped = 1.0 + (score - min as f64) * 4.0 / (max - min) as f64;
        return Some((mapped + 0.5).floor() as u8);
    }
    let (num, den) = ((score as i64 - min) * 4, max - min);
    Some((1 + (2 * num + den) / (2 * den)) as u8)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

fn stage_name<'a>(journey: &'a Journey, t: &Touchpoint) -> &'a str {
    journey
        .stages
        .iter()
        .find(|s| s.id == t.stage)
        .map_or("", |s| s.name.as_str())
}

/// The touchpoint's actors as corridor keeps them: the owner first, all of
/// them in the notes when there are several.
fn check_actors(journey: &Journey, t: &Touchpoint, actors: &[&str], at: &str) {
    match (actors.first(), &t.owner) {
        (None, None) => {}
        (Some(first), Some(owner)) => {
            let department = journey
                .departments
                .iter()
                .find(|d| &d.id == owner)
                .expect("the owner is a department");
            assert!(
                department.name == *first || department.id.as_str() == *first,
                "{at}: owner {department:?}, first actor {first}"
            );
        }
        (first, owner) => panic!("{at}: first actor {first:?}, owner {owner:?}"),
    }
    let noted =
        (actors.len() > 1).then(|| format!("Actors in the Mermaid diagram: {}", actors.join(", ")));
    assert_eq!(t.notes, noted, "{at}: actors");
}

/// Warnings on stderr: (line, message) of each `FILE:LINE:COL: warning:`.
fn warnings(stderr: &str, file: &str) -> Vec<(usize, String)> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{file}:")))
        .filter_map(|rest| {
            let (line, rest) = rest.split_once(':')?;
            let (_, message) = rest.split_once(": warning: ")?;
            Some((line.parse().ok()?, message.to_owned()))
        })
        .collect()
}

fn compare(path: &Path) {
    let name = path.file_name().expect("a file name").to_string_lossy();
    let source = std::fs::read_to_string(path).expect("the diagram");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(path.with_extension("expected.json")).expect("its expected file"),
    )
    .expect("expected JSON");
    let sandbox = Sandbox::new();
    sandbox.write(&name, &source);
    let options = options(&source);
    let mut args = vec!["import", "mermaid", &name, "-o", "out.toml"];
    args.extend(options.iter().map(String::as_str));
    let run = sandbox.corridor(&args);
    assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    let check = sandbox.corridor(&["check", "out.toml"]);
    assert_eq!(check.code, 0, "{name}: {}{}", check.stdout, check.stderr);
    let j = load(&sandbox.path("out.toml")).expect("loads").journey;

    let title = [text(&expected, "title"), text(&expected, "acc_title")]
        .into_iter()
        .find(|t| !t.is_empty())
        .unwrap_or("out");
    assert_eq!(j.title, title, "{name}: title");
    let descr = Some(text(&expected, "acc_descr")).filter(|d| !d.is_empty());
    assert_eq!(j.description.as_deref(), descr, "{name}: description");

    let tasks = expected["tasks"].as_array().expect("tasks");
    let mut sections = strings(&expected["sections"]);
    if tasks.iter().any(|t| text(t, "section").is_empty()) {
        sections.insert(0, "(no section)");
    }
    let stages: Vec<&str> = j.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, sections, "{name}: sections");
    assert_eq!(j.touchpoints.len(), tasks.len(), "{name}: tasks");

    let scale = scale(&options);
    let lines: Vec<&str> = source.lines().collect();
    let warned = warnings(&run.stderr, &name);
    let mut unscored = 0;
    for (t, task) in j.touchpoints.iter().zip(tasks) {
        let at = format!("{name}: {}", text(task, "task"));
        let section = Some(text(task, "section")).filter(|s| !s.is_empty());
        assert_eq!(stage_name(&j, t), section.unwrap_or("(no section)"), "{at}");
        assert_eq!(t.name, text(task, "task"), "{at}");
        let actual = t.actual.map(|s| s.get());
        assert_eq!(actual, expected_actual(task, scale), "{at}: score");
        check_actors(&j, t, &strings(&task["actors"]), &at);
        if task["score"] == "NaN" {
            let score = text(task, "score_text");
            let named = warned.iter().any(|(line, message)| {
                lines.get(line - 1).is_some_and(|l| l.contains(score)) && message.contains(score)
            });
            assert!(
                named,
                "{at}: a warning names the line of `{score}`: {}",
                run.stderr
            );
            unscored += 1;
        }
    }
    assert_eq!(
        warned.len(),
        unscored,
        "{name}: one warning per score that is not a number"
    );
}

#[test]
fn every_diagram_imports_as_mermaid_reads_it() {
    let files = corpus();
    assert!(files.len() >= 20, "the corpus is there");
    for path in files {
        compare(&path);
    }
}

#[test]
fn strict_refuses_scores_that_are_not_numbers() {
    let sandbox = Sandbox::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mermaid");
    let text = std::fs::read_to_string(dir.join("na-scores.mmd")).expect("the diagram");
    sandbox.write("na.mmd", &text);
    let run = sandbox.corridor(&["import", "mermaid", "na.mmd", "-o", "na.toml", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("na.mmd:5:25: error: score `N/A` is not a number"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.path("na.toml").exists(), "nothing written");
}
