//! `corridor import csv` (a new journey from one row per touchpoint) and
//! `corridor import metrics` (refresh metrics and `actual` in place: only
//! those lines change).

mod support;

use corridor::store::load;
use similar::{ChangeTag, TextDiff};
use support::Sandbox;

#[test]
fn rows_become_a_journey_that_passes_check() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "rows.csv",
        "id,Stage,Name,Channel,Owner,Partner,Expected,Actual,Moment of truth,Emotion,metrics.csat,Evidence,Evidence,Notes,Gap\n\
         pricing,Discover,Reads the pricing page,web,Marketing,,4,2,yes,-1,3.1,\"Interview 3: \"\"no price\"\"\",Ticket 12,\"Two\nlines\",-2\n\
         ,Discover,Calls sales,phone,Sales,,3,3,,,,,,,0\n\
         demo,get-help,Watches a demo,in-person,Sales,Acme Demos,4,5,,,,,,,1\n",
    );
    let run = sandbox.corridor(&[
        "import",
        "csv",
        "rows.csv",
        "-o",
        "rows.toml",
        "--title",
        "From a sheet",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("rows.csv:1:15: warning: column `Gap` is not a touchpoint field; ignored"),
        "{}",
        run.stderr
    );
    let check = sandbox.corridor(&["check", "rows.toml"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    let j = load(&sandbox.path("rows.toml")).expect("loads").journey;
    assert_eq!(j.title, "From a sheet");
    let stages: Vec<(&str, &str)> = j
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        stages,
        vec![("discover", "Discover"), ("get-help", "Get help")]
    );
    let ids: Vec<&str> = j.touchpoints.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, vec!["pricing", "calls-sales", "demo"]);
    let t = &j.touchpoints[0];
    assert!(t.moment_of_truth);
    assert_eq!(t.gap().map(|g| g.get()), Some(-2));
    assert_eq!(t.evidence, vec!["Interview 3: \"no price\"", "Ticket 12"]);
    assert_eq!(t.notes.as_deref(), Some("Two\nlines"));
    assert_eq!(t.metrics[0].name, "csat");
    assert_eq!(j.partners.len(), 1);
    assert_eq!(
        j.touchpoints[2].partner.as_ref().map(|p| p.as_str()),
        Some("acme-demos")
    );
    assert!(
        sandbox
            .read("rows.toml")
            .contains("notes = \"\"\"Two\nlines\"\"\"\n")
    );
}

#[test]
fn semicolons_and_a_byte_order_mark_are_understood() {
    let sandbox = Sandbox::new();
    sandbox.write("excel.csv", "\u{FEFF}name;stage;actual\nPays;Buy;4\n");
    let run = sandbox.corridor(&["import", "csv", "excel.csv", "-o", "excel.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let j = load(&sandbox.path("excel.toml")).expect("loads").journey;
    assert_eq!(j.title, "excel");
    assert_eq!(j.touchpoints[0].actual.map(|s| s.get()), Some(4));
}

#[test]
fn bad_rows_name_their_line_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bad.csv",
        "id,name,stage,actual,emotion\nok,Fine,s,3,0\nBad Id,Name,s,3,0\nhigh,High,s,9,0\n,,s,1,0\nsad,Sad,s,1,-5\nok,Again,s,2,0\n",
    );
    let run = sandbox.corridor(&["import", "csv", "bad.csv", "-o", "bad.toml"]);
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 6, "{}", run.stderr);
    for (line, fragment) in [
        ("bad.csv:3:1", "is not a valid id"),
        ("bad.csv:4:1", "`actual`: 9 is out of range 1..5"),
        ("bad.csv:5:1", "`name` is empty"),
        ("bad.csv:6:1", "`emotion`"),
        ("bad.csv:7:1", "touchpoint id `ok` is used twice"),
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(line) && l.contains(fragment)),
            "{line} {fragment}: {}",
            run.stderr
        );
    }
    assert!(!sandbox.path("bad.toml").exists());
    sandbox.write("nostage.csv", "name,actual\nA,3\n");
    let run = sandbox.corridor(&["import", "csv", "nostage.csv", "-o", "x.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("must name a `name` and a `stage` column")
    );
}

/// Lines removed and added between two texts.
fn changed_lines(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for change in TextDiff::from_lines(old, new).iter_all_changes() {
        match change.tag() {
            ChangeTag::Delete => removed.push(change.value().trim_end().to_owned()),
            ChangeTag::Insert => added.push(change.value().trim_end().to_owned()),
            ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

#[test]
fn metrics_import_changes_only_metric_and_actual_lines() {
    let sandbox = Sandbox::new();
    sandbox.bundled("online-order-courier", "journey.toml");
    let before = sandbox.read("journey.toml");
    sandbox.write(
        "analytics.csv",
        "id,ctr,metrics.new_metric,actual,name\ninstagram-reel,0.025,7,3,ignored\nstock-badge,,0.5,,ignored\nproduct-page,0.031,,,\n",
    );
    let run = sandbox.corridor(&["import", "metrics", "analytics.csv", "journey.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("3 touchpoints updated"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("column `name` ignored"),
        "{}",
        run.stderr
    );
    let after = sandbox.read("journey.toml");
    let (removed, added) = changed_lines(&before, &after);
    assert_eq!(
        removed,
        vec![
            "actual = 4",
            "metrics = { ctr = 0.021, cost_per_visit = 0.38 }",
            "metrics = { conversion = 0.031, review_count = 312 }",
        ]
    );
    assert_eq!(
        added,
        vec![
            "actual = 3",
            "metrics = { ctr = 0.025, cost_per_visit = 0.38, new_metric = 7 }",
            "metrics = { conversion = 0.031, review_count = 312, ctr = 0.031 }",
            "metrics = { new_metric = 0.5 }",
        ]
    );
    let again = sandbox.corridor(&["import", "metrics", "analytics.csv", "journey.toml"]);
    assert_eq!(again.code, 0);
    assert!(again.stdout.contains("no change"), "{}", again.stdout);
    assert_eq!(sandbox.read("journey.toml"), after);
}

#[test]
fn metrics_import_is_all_or_nothing() {
    let sandbox = Sandbox::new();
    sandbox.bundled("online-order-courier", "journey.toml");
    let before = sandbox.read("journey.toml");
    sandbox.write(
        "analytics.csv",
        "id,csat,actual\ninstagram-reel,4.1,3\nno-such-step,3,3\nproduct-page,high,7\n",
    );
    let run = sandbox.corridor(&["import", "metrics", "analytics.csv", "journey.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("analytics.csv:3:1: error: no touchpoint `no-such-step`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("analytics.csv:4:2: error: `metrics.csat`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("analytics.csv:4:3: error: `actual`: 7 is out of range"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.read("journey.toml"), before, "nothing written");
    sandbox.write("noid.csv", "csat\n3\n");
    let run = sandbox.corridor(&["import", "metrics", "noid.csv", "journey.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("must name an `id` column"));
}
