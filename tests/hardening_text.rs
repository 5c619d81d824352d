//! Hostile text and readers: spreadsheet formulas in the CSV report,
//! control characters in journeys and in `set` values, and a reader that
//! closes the pipe early.

mod support;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use support::{Run, Sandbox};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A journey with `count` touchpoints, whose names are formulas when
/// `hostile`.
fn journey(count: usize, hostile: bool) -> String {
    let mut text = String::from(
        "schema = 1\ntitle = \"Small\"\n\n[[stages]]\nid = \"discover\"\nname = \"Discover\"\n\n\
         [[departments]]\nid = \"ops\"\nname = \"Ops\"\n",
    );
    let names = [
        r#"=cmd|' /C calc'!A0"#,
        "@SUM(A1)",
        r#"+HYPERLINK(\"http://example.com\")"#,
        "-1 day",
    ];
    for n in 0..count {
        let name = if hostile {
            names[n % names.len()].to_owned()
        } else {
            format!("Touchpoint {n}")
        };
        text.push_str(&format!(
            "\n[[touchpoints]]\nid = \"tp-{n}\"\nstage = \"discover\"\nname = \"{name}\"\n\
             owner = \"ops\"\nexpected = 4\nactual = 2\n"
        ));
    }
    text
}

fn cells(csv: &str) -> Vec<Vec<String>> {
    csv.lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_reports_neutralise_formulas_and_keep_numbers() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("journeys/hostile.toml", &journey(4, true));
    let one = sandbox.corridor(&["report", "journeys/hostile.toml", "--format", "csv"]);
    let all = sandbox.corridor(&["report", "journeys", "--format", "csv"]);
    for run in [&one, &all] {
        assert_eq!(run.code, 0, "{run:?}");
        for formula in ["=cmd", "@SUM", "+HYPERLINK", "-1 day"] {
            assert!(
                run.stdout.contains(&format!("'{formula}")),
                "{formula} not neutralised: {}",
                run.stdout
            );
        }
        let rows = cells(&run.stdout);
        let header = rows.first().ok_or("a header row")?;
        let gap = header
            .iter()
            .position(|c| c == "gap")
            .ok_or("a gap column")?;
        let last = rows.last().ok_or("rows")?;
        assert_eq!(last.get(gap).map(String::as_str), Some("-2"), "{last:?}");
        for row in &rows {
            for cell in row {
                let lead = cell.trim_start_matches('"');
                assert!(
                    !lead.starts_with(['=', '+', '@']),
                    "a formula cell: {cell:?}"
                );
            }
        }
    }
    Ok(())
}

const CONTROLLED: &str = "schema = 1\ntitle = \"Hi \\u202e there\"\ndescription = \"\"\"two\nlines\tand a tab\"\"\"\n\n\
[[stages]]\nid = \"discover\"\nname = \"Discover\\u001b[2J\"\n\n\
[[departments]]\nid = \"ops\"\nname = \"Ops\"\n\n\
[[touchpoints]]\nid = \"tp\"\nstage = \"discover\"\nname = \"Reads\"\nowner = \"ops\"\n\
notes = \"\"\"fine\n\tfine\"\"\"\nevidence = [\"zero\\u200bwidth\"]\nexpected = 3\nactual = 3\n";

#[test]
fn check_warns_about_control_characters_where_they_are() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", CONTROLLED);
    let run = sandbox.corridor(&["check", "a.toml"]);
    assert_eq!(run.code, 0, "{run:?}");
    let expected = [
        "a.toml:2:9: warning: `title` holds control or invisible characters (U+202E)",
        "a.toml:8:8: warning: `name` of stage `discover` holds control or invisible characters (U+001B)",
        "a.toml:21:12: warning: `evidence` of touchpoint `tp` holds control or invisible characters (U+200B)",
    ];
    for line in expected {
        assert!(
            run.stdout.contains(line),
            "missing {line:?} in:\n{}",
            run.stdout
        );
    }
    // Line breaks and tabs in prose are no news.
    assert!(run.stdout.contains("3 warnings"), "{}", run.stdout);
    assert!(!run.stdout.contains("description"), "{}", run.stdout);
    assert!(!run.stdout.contains("notes"), "{}", run.stdout);
    let strict = sandbox.corridor(&["check", "--deny-warnings", "a.toml"]);
    assert_eq!(strict.code, 1, "{strict:?}");
    Ok(())
}

#[test]
fn set_refuses_control_characters_unless_allowed() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", &journey(1, false));
    let before = sandbox.read("a.toml");
    for value in [
        "tp-0.name=evil\u{1b}[2J",
        "tp-0.notes=\u{202e}reversed",
        "tp-0.channel=web\tshop",
        "tp-0.evidence+=zero\u{200b}width",
        "tp-0.metrics.c\u{7}sat=3",
    ] {
        let run = sandbox.corridor(&["set", "a.toml", value]);
        assert_eq!(run.code, 2, "{value:?}: {run:?}");
        assert!(
            run.stderr.contains("--allow-control") && !run.stderr.contains('\u{1b}'),
            "{value:?}: {}",
            run.stderr
        );
        assert_eq!(sandbox.read("a.toml"), before, "{value:?}: written");
    }
    // Prose keeps its line breaks and tabs.
    let run = sandbox.corridor(&["set", "a.toml", "tp-0.notes=one\n\ttwo"]);
    assert_eq!(run.code, 0, "{run:?}");
    let run = sandbox.corridor(&["set", "--allow-control", "a.toml", "tp-0.name=evil\u{1b}"]);
    assert_eq!(run.code, 0, "{run:?}");
    let stored = corridor::store::load(&sandbox.path("a.toml"))?;
    let tp = stored.journey.touchpoint("tp-0").ok_or("tp-0")?;
    assert_eq!(tp.name, "evil\u{1b}");
    assert_eq!(tp.notes.as_deref(), Some("one\n\ttwo"));
    Ok(())
}

/// Runs `corridor ARGS` with stdout a pipe whose reader is already gone.
fn into_closed_pipe(sandbox: &Sandbox, args: &[&str]) -> Result<Run, Box<dyn std::error::Error>> {
    let (reader, writer) = std::io::pipe()?;
    drop(reader);
    let output = sandbox
        .command(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()?;
    Ok(output.into())
}

#[test]
fn a_closed_pipe_is_not_an_error() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("journeys/a.toml", &journey(3, false));
    sandbox.write("b.toml", &journey(2, false));
    // Not in the canonical layout, so `fmt --check` lists it.
    sandbox.write(
        "messy/m.toml",
        &journey(1, false).replace("id = ", "id   = "),
    );
    sandbox.write("in.csv", "name,stage\nReads the page,Discover\n");
    let commands: [&[&str]; 13] = [
        &["show", "journeys/a.toml"],
        &["report", "journeys/a.toml"],
        &["report", "journeys", "--format", "csv"],
        &["report", "journeys/a.toml", "--format", "json"],
        &["diff", "journeys/a.toml", "b.toml"],
        &["check", "journeys"],
        &["completions", "bash"],
        &["man"],
        &["new", "--list-templates"],
        &["new", "fresh.toml"],
        &["set", "b.toml", "tp-0.actual=3"],
        &["import", "csv", "in.csv", "-o", "imported.toml"],
        &["fmt", "--check", "messy"],
    ];
    for args in commands {
        let run = into_closed_pipe(&sandbox, args)?;
        let expected = if args[0] == "fmt" { 1 } else { 0 };
        assert_eq!(run.code, expected, "{args:?}: {run:?}");
        let quiet = if args[0] == "fmt" {
            run.stderr == "1 of 1 files would be reformatted\n"
        } else {
            run.stderr.is_empty()
        };
        assert!(quiet, "{args:?} said on stderr: {}", run.stderr);
    }
    Ok(())
}

#[test]
fn show_into_head_exits_cleanly() -> TestResult {
    let sandbox = Sandbox::new();
    // Output well past a pipe's buffer, so most of it is written after the
    // reader has gone.
    sandbox.write("big.toml", &journey(3000, false));
    let mut child = sandbox
        .command(&["show", "big.toml", "--width", "120"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("stdout")?;
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first)?;
    assert!(!first.is_empty(), "a first line");
    let output = child.wait_with_output()?;
    let run = Run::from(output);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr, "", "nothing on stderr");
    Ok(())
}
