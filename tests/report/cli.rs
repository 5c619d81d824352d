//! The `corridor report` binary: formats, `-o`, folders and exit codes.

use std::process::{Command, Output};

use super::{HOSTILE, assert_inert, root};

fn corridor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corridor"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run corridor")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn report_defaults_to_markdown_on_stdout() {
    let out = corridor(&["report", "tests/fixtures/samples/online-order-courier.toml"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("# Online order"), "{text}");
    assert!(text.contains("## Departments x stages"));
}

#[test]
fn report_writes_the_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("report.json");
    let target_arg = target.to_str().expect("UTF-8 path");
    let out = corridor(&[
        "report",
        "tests/fixtures/samples",
        "--format",
        "json",
        "-o",
        target_arg,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    let text = std::fs::read_to_string(&target).expect("report written");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["kind"], "portfolio");
}

#[test]
fn report_of_a_hostile_file_is_inert_in_every_format() {
    for format in ["md", "csv", "json", "html", "mermaid"] {
        let out = corridor(&["report", HOSTILE, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_inert(format, &stdout(&out));
    }
}

#[test]
fn report_of_a_folder_lists_files_that_do_not_parse() {
    let out = corridor(&["report", "tests/fixtures/report"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("## Files that did not parse"), "{text}");
    assert!(text.contains("broken.toml"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.toml"), "warned on stderr: {stderr}");
    assert_inert("stderr", &stderr);
}

#[test]
fn report_exit_codes() {
    let missing = corridor(&["report", "no/such/journey.toml"]);
    assert_eq!(missing.status.code(), Some(2), "missing file");
    let folder_as_mermaid = corridor(&["report", "tests/fixtures/samples", "--format", "mermaid"]);
    assert_eq!(
        folder_as_mermaid.status.code(),
        Some(2),
        "one diagram, one journey"
    );
    assert!(String::from_utf8_lossy(&folder_as_mermaid.stderr).contains("Mermaid"));
    let bad_format = corridor(&["report", "tests/fixtures/samples", "--format", "pdf"]);
    assert_eq!(bad_format.status.code(), Some(2), "unknown format");
    let invalid = corridor(&["report", "tests/fixtures/report/broken.toml"]);
    assert_eq!(invalid.status.code(), Some(1), "invalid journey: findings");
    assert!(String::from_utf8_lossy(&invalid.stderr).contains("broken.toml:"));
    let dir = tempfile::tempdir().expect("tempdir");
    let unwritable = dir.path().join("no-folder/out.md");
    let out = corridor(&[
        "report",
        "tests/fixtures/samples",
        "-o",
        unwritable.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(2), "unwritable output");
}
