//! `corridor check` run as a user runs it: the real binary, from the crate
//! root, with relative paths, against the fixtures in `tests/fixtures/check/`.
//!
//! - `valid/` holds complete journeys that must check clean (no errors, no
//!   warnings).
//! - `invalid/` holds one small journey per kind of problem, `NAME.toml`,
//!   with `NAME.expected`: the exact stdout of
//!   `corridor check tests/fixtures/check/invalid/NAME.toml`. Every LINE:COL in
//!   those files was counted by hand (columns are 1-based character counts):
//!   the value for wrong values, the key for unknown keys, the `[[` of the
//!   header for missing fields and entry-level warnings. Adding a fixture pair
//!   adds a case; a `.toml` without its `.expected` fails.

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

const VALID: &str = "tests/fixtures/check/valid";
const INVALID: &str = "tests/fixtures/check/invalid";

/// The kinds of problem that must keep a fixture in `invalid/`.
const REQUIRED_FIXTURES: &[&str] = &[
    "syntax-unterminated-string",
    "duplicate-key",
    "wrong-type-score",
    "wrong-type-text",
    "missing-touchpoint-name",
    "missing-stage-id",
    "score-zero",
    "score-six",
    "emotion-out-of-range",
    "invalid-id",
    "bad-phase",
    "bad-status",
    "bad-due-date",
    "duplicate-ids",
    "unknown-stage",
    "unknown-owner",
    "unknown-partner",
    "action-unknown-touchpoint",
    "schema-unsupported",
    "schema-missing",
    "inline-touchpoints",
    "unknown-key-top",
    "unknown-key-touchpoint",
    "touchpoint-no-owner",
    "touchpoint-unscored",
    "critical-gap-no-action",
    "stage-no-touchpoints",
    "department-owns-nothing",
    "step-unknown-references",
    "step-bad-lane",
    "step-duplicate-id",
    "step-no-owner",
    "persona-card-missing-name",
    "baseline-missing",
];

/// What one run of the binary produced.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `corridor ARGS` from the crate root with colour off and a fresh,
/// empty config and data home.
fn corridor(args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("create a temporary home");
    let output = Command::new(env!("CARGO_BIN_EXE_corridor"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("CORRIDOR_TODAY", support::TODAY)
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .output()
        .expect("run the corridor binary");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A path under the crate root, for reading fixtures from the test itself.
fn in_crate(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The file stems in `folder` (relative to the crate root) ending in `.ext`,
/// in the order `check` visits a folder: sorted by file name.
fn stems(folder: &str, ext: &str) -> Vec<String> {
    let mut paths: Vec<std::path::PathBuf> = fs::read_dir(in_crate(folder))
        .expect("read a fixture folder")
        .map(|entry| entry.expect("read a fixture folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            path.file_stem()
                .expect("a fixture has a file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// `(files, errors, warnings)` from the summary line that ends text output.
fn summary(stdout: &str) -> (usize, usize, usize) {
    let last = stdout.lines().last().expect("output has a summary line");
    let rest = last
        .strip_prefix("checked ")
        .unwrap_or_else(|| panic!("summary line starts with `checked `: {last:?}"));
    let numbers: Vec<usize> = rest
        .split([' ', ':', ','])
        .filter_map(|word| word.parse().ok())
        .collect();
    match numbers.as_slice() {
        [files, errors, warnings] => (*files, *errors, *warnings),
        _ => panic!("summary line holds three counts: {last:?}"),
    }
}

/// The finding lines of text output (everything but the summary).
fn finding_lines(stdout: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = stdout.lines().collect();
    lines.pop();
    lines
}

/// `(line, column)` of a text finding `FILE:LINE:COL: severity: message`.
fn position(finding: &str) -> (u64, u64) {
    let head = finding
        .split(": ")
        .next()
        .unwrap_or_else(|| panic!("finding has `: `: {finding:?}"));
    let mut parts = head.rsplitn(3, ':');
    let column = parts.next().and_then(|c| c.parse().ok());
    let line = parts.next().and_then(|l| l.parse().ok());
    match (line, column) {
        (Some(line), Some(column)) => (line, column),
        _ => panic!("finding starts with FILE:LINE:COL: {finding:?}"),
    }
}

/// Runs one invalid fixture and compares it with its `.expected` file: stdout
/// exactly, exit code by the summary's error count, and nothing on stderr.
fn check_fixture(name: &str) -> Result<(), String> {
    let path = format!("{INVALID}/{name}.toml");
    let expected_path = in_crate(&format!("{INVALID}/{name}.expected"));
    let expected = fs::read_to_string(&expected_path)
        .map_err(|e| format!("{name}: cannot read {}: {e}", expected_path.display()))?;
    let run = corridor(&["check", &path]);
    let mut problems = Vec::new();
    if run.stdout != expected {
        problems.push(format!(
            "stdout differs\n--- expected ({name}.expected)\n{expected}--- actual\n{}",
            run.stdout
        ));
    }
    let (_, errors, _) = summary(&expected);
    let want = if errors > 0 { 1 } else { 0 };
    if run.code != Some(want) {
        problems.push(format!("exit code {:?}, expected {want}", run.code));
    }
    if !run.stderr.is_empty() {
        problems.push(format!("unexpected stderr: {}", run.stderr));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}", problems.join("\n")))
    }
}

#[test]
fn invalid_fixtures_match_expected_output() {
    let tomls = stems(INVALID, "toml");
    assert!(
        tomls.len() >= REQUIRED_FIXTURES.len(),
        "too few fixtures in {INVALID}"
    );
    let mut failures = Vec::new();
    let expected: BTreeSet<String> = stems(INVALID, "expected").into_iter().collect();
    for orphan in expected.iter().filter(|e| !tomls.contains(e)) {
        failures.push(format!("{orphan}.expected has no {orphan}.toml"));
    }
    for name in &tomls {
        if let Err(failure) = check_fixture(name) {
            failures.push(failure);
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_kind_of_problem_has_a_fixture() {
    let tomls = stems(INVALID, "toml");
    let missing: Vec<&&str> = REQUIRED_FIXTURES
        .iter()
        .filter(|name| !tomls.iter().any(|t| t == *name))
        .collect();
    assert!(missing.is_empty(), "fixtures missing: {missing:?}");
}

#[test]
fn valid_fixtures_check_clean() {
    let names = stems(VALID, "toml");
    assert!(names.len() >= 2, "at least two valid journeys");
    for name in &names {
        let path = format!("{VALID}/{name}.toml");
        for flags in [&[][..], &["--deny-warnings"][..]] {
            let mut args = vec!["check", path.as_str()];
            args.extend_from_slice(flags);
            let run = corridor(&args);
            assert_eq!(
                run.stdout, "checked 1 file: 0 errors, 0 warnings\n",
                "{path} {flags:?}"
            );
            assert_eq!(run.code, Some(0), "{path} {flags:?}");
            assert_eq!(run.stderr, "", "{path} {flags:?}");
        }
    }
    let run = corridor(&["check", VALID]);
    assert_eq!(
        run.stdout,
        format!("checked {} files: 0 errors, 0 warnings\n", names.len())
    );
    assert_eq!(run.code, Some(0));
}

#[test]
fn check_reads_the_journeys_folder_by_default() {
    let sandbox = support::Sandbox::new();
    for name in [
        "b2b-onboarding",
        "online-order-courier",
        "subscription-renewal",
    ] {
        sandbox.write(&format!("journeys/{name}.toml"), "");
        sandbox.bundled(name, &format!("journeys/{name}.toml"));
    }
    let run = sandbox.corridor(&["check", "journeys"]);
    let (files, errors, _) = summary(&run.stdout);
    assert_eq!(files, 3, "{}", run.stdout);
    assert_eq!(errors, 0, "{}", run.stdout);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for line in finding_lines(&run.stdout) {
        assert!(line.starts_with("journeys/"), "{line}");
    }
    // Without a path, check reads ./journeys.
    let default = sandbox.corridor(&["check"]);
    assert_eq!(default.stdout, run.stdout);
    assert_eq!(default.code, run.code);
}

#[test]
fn exit_codes_follow_the_findings() {
    assert_eq!(corridor(&["check", VALID]).code, Some(0));
    assert_eq!(corridor(&["check", INVALID]).code, Some(1));
    let warnings_only = format!("{INVALID}/unknown-key-top.toml");
    assert_eq!(corridor(&["check", &warnings_only]).code, Some(0));
    let errors = format!("{INVALID}/score-six.toml");
    assert_eq!(corridor(&["check", &warnings_only, &errors]).code, Some(1));
}

#[test]
fn missing_path_is_a_usage_error() {
    let missing = "tests/fixtures/check/no-such-journey.toml";
    for args in [
        vec!["check", missing],
        vec!["check", VALID, missing],
        vec!["check", "--format", "json", missing],
    ] {
        let run = corridor(&args);
        assert_eq!(run.code, Some(2), "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(run.stderr.contains(missing), "{args:?}: {}", run.stderr);
    }
    let run = corridor(&["check", "--format", "xml", VALID]);
    assert_eq!(run.code, Some(2), "unknown --format is a usage error");
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let path = format!("{INVALID}/touchpoint-unscored.toml");
    let plain = corridor(&["check", &path]);
    assert_eq!(summary(&plain.stdout), (1, 0, 1), "{}", plain.stdout);
    assert_eq!(plain.code, Some(0));
    let denied = corridor(&["check", "--deny-warnings", &path]);
    assert_eq!(denied.code, Some(1));
    assert_eq!(
        denied.stdout, plain.stdout,
        "the flag changes the exit code only"
    );
    let json = corridor(&["check", "--deny-warnings", "--format", "json", &path]);
    assert_eq!(json.code, Some(1));
}

#[test]
fn folder_findings_name_files_joined_to_the_folder() {
    let files = stems(INVALID, "toml");
    let mut per_file = String::new();
    let (mut errors, mut warnings) = (0, 0);
    for name in &files {
        let run = corridor(&["check", &format!("{INVALID}/{name}.toml")]);
        let (_, e, w) = summary(&run.stdout);
        errors += e;
        warnings += w;
        for line in finding_lines(&run.stdout) {
            per_file.push_str(line);
            per_file.push('\n');
        }
    }
    let want = format!(
        "{per_file}checked {} files: {errors} errors, {warnings} warnings\n",
        files.len()
    );
    // The folder as given, with a trailing slash, and with a leading `./`:
    // each finding names the file as the folder joined with its name.
    for (folder, prefix) in [
        (INVALID.to_owned(), ""),
        (format!("{INVALID}/"), ""),
        (format!("./{INVALID}"), "./"),
    ] {
        let run = corridor(&["check", &folder]);
        let expected: String = want
            .lines()
            .map(|line| {
                if line.starts_with("checked ") {
                    format!("{line}\n")
                } else {
                    format!("{prefix}{line}\n")
                }
            })
            .collect();
        assert_eq!(run.stdout, expected, "check {folder}");
        assert_eq!(run.code, Some(1), "check {folder}");
    }
}

#[test]
fn folder_names_keep_an_absolute_folder_and_subfolders() {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    let sub = dir.path().join("team").join("q3");
    fs::create_dir_all(&sub).expect("create a subfolder");
    fs::copy(
        in_crate(&format!("{VALID}/min.toml")),
        dir.path().join("min.toml"),
    )
    .expect("copy min.toml");
    fs::copy(
        in_crate(&format!("{INVALID}/unknown-key-top.toml")),
        sub.join("extra.toml"),
    )
    .expect("copy unknown-key-top.toml");
    fs::write(dir.path().join("notes.txt"), "not a journey").expect("write notes.txt");
    fs::write(dir.path().join(".hidden.toml"), "not = [valid").expect("write .hidden.toml");
    let folder = dir.path().to_str().expect("temporary path is UTF-8");
    let run = corridor(&["check", folder]);
    assert_eq!(
        run.stdout,
        format!(
            "{folder}/team/q3/extra.toml:3:1: warning: unknown key `author` in journey (kept on save)\n\
             checked 2 files: 0 errors, 1 warning\n"
        )
    );
    assert_eq!(run.code, Some(0));
}

#[test]
fn json_has_the_same_findings_as_text() {
    let mut targets: Vec<String> = stems(INVALID, "toml")
        .iter()
        .map(|name| format!("{INVALID}/{name}.toml"))
        .collect();
    targets.push(INVALID.to_owned());
    targets.push(VALID.to_owned());
    for target in &targets {
        let text = corridor(&["check", target]);
        let json = corridor(&["check", "--format", "json", target]);
        assert_eq!(json.code, text.code, "{target}");
        let report: serde_json::Value =
            serde_json::from_str(&json.stdout).expect("--format json prints JSON");
        let (files, errors, warnings) = summary(&text.stdout);
        let count = |key: &str| report[key].as_u64().and_then(|n| usize::try_from(n).ok());
        assert_eq!(count("files"), Some(files), "{target}");
        assert_eq!(count("errors"), Some(errors), "{target}");
        assert_eq!(count("warnings"), Some(warnings), "{target}");
        let findings = report["findings"]
            .as_array()
            .expect("`findings` is an array");
        let lines = finding_lines(&text.stdout);
        assert_eq!(findings.len(), lines.len(), "{target}");
        for (finding, line) in findings.iter().zip(lines) {
            let field = |key: &str| finding[key].as_str().unwrap_or_default().to_owned();
            let at = (
                finding["line"].as_u64().unwrap_or_default(),
                finding["column"].as_u64().unwrap_or_default(),
            );
            assert_eq!(at, position(line), "{target}: {line}");
            assert_eq!(
                format!(
                    "{}:{}:{}: {}: {}",
                    field("file"),
                    at.0,
                    at.1,
                    field("severity"),
                    field("message")
                ),
                line,
                "{target}"
            );
        }
    }
}
