//! `corridor history` on a real temporary git repository: a journey
//! committed, renamed, broken in one commit, remeasured; its figures per
//! commit, an unparsable revision listed with its error, actions whose
//! gaps closed or did not move, `--since`, the folder form and the JSON
//! and CSV outputs.

mod support;

use support::Sandbox;

const MEASURED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/measure/measured.toml"
);

fn commit(sandbox: &Sandbox, message: &str, date: &str) {
    sandbox.git(&["add", "-A"]);
    let stamp = format!("{date}T12:00:00+00:00");
    let run = sandbox.git_status(&["commit", "-q", "-m", message, "--date", &stamp]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn set(sandbox: &Sandbox, file: &str, assignments: &[&str]) {
    let mut args = vec!["set", file];
    args.extend_from_slice(assignments);
    let run = sandbox.corridor(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A repository whose journey goes through a workshop, two actions (one
/// done and closed, one done that moved nothing), a rename, a broken
/// commit and a remeasure, each commit with a fixed author date.
fn repository() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.git(&["init", "-q"]);
    let text = std::fs::read_to_string(MEASURED).expect("fixture");
    let text = text.replace(
        "[[actions]]\nid = \"fix-kit\"",
        "[[actions]]\nid = \"clear-bill\"\ntouchpoint = \"first-bill\"\ntitle = \"Explain the first bill\"\nstatus = \"open\"\n\n[[actions]]\nid = \"fix-kit\"",
    );
    sandbox.write("journeys/install.toml", &text);
    commit(&sandbox, "Workshop", "2026-01-05");
    set(
        &sandbox,
        "journeys/install.toml",
        &["fix-kit.status=done", "clear-bill.status=done"],
    );
    commit(&sandbox, "Both actions done", "2026-02-02");
    sandbox.git(&["mv", "journeys/install.toml", "journeys/broadband.toml"]);
    commit(&sandbox, "Rename", "2026-02-10");
    let good = sandbox.read("journeys/broadband.toml");
    sandbox.write("journeys/broadband.toml", &format!("{good}\nbroken = [\n"));
    commit(&sandbox, "Half a merge", "2026-03-01");
    sandbox.write("journeys/broadband.toml", &good);
    set(
        &sandbox,
        "journeys/broadband.toml",
        &[
            "engineer-visit.actual=5",
            "engineer-visit.metrics.first_time_fix=0.92",
        ],
    );
    commit(&sandbox, "Remeasured", "2026-04-01");
    sandbox
}

#[test]
fn history_follows_renames_and_tells_which_gaps_closed() {
    let sandbox = repository();
    let run = sandbox.corridor(&["history", "journeys/broadband.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains("5 commits from 2026-01-05 to 2026-04-01; experience debt -4 -> -1; closed after action: 1, not moved after action: 1; 1 that do not parse"),
        "{out}"
    );
    // Every commit that parsed, with its figures and per-department debt.
    for line in [
        "Workshop             -4     1      2     -3     -1",
        "Rename               -4     1      2     -3     -1",
        "Remeasured           -1     0      1      0     -1",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    assert!(out.contains("engineer-visit  -3 -> 0"), "{out}");
    assert!(
        out.contains("first_time_fix  0.61 -> 0.92    0.85  met (+0.07)"),
        "{out}"
    );
    assert!(
        out.contains("fix-kit     engineer-visit  doing -> done"),
        "{out}"
    );
    assert!(
        out.contains("clear-bill  first-bill      open -> done"),
        "{out}"
    );
    // fix-kit closed its gap; clear-bill's gap did not move.
    assert!(out.contains("engineer-visit  2026-02-02"), "{out}");
    let outcome = |action: &str| {
        out.lines()
            .find(|l| l.starts_with(action) && l.contains("2026-02-02"))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    assert!(outcome("fix-kit").ends_with("-3 0 closed"), "{out}");
    assert!(outcome("clear-bill").ends_with("-1 -1 not moved"), "{out}");
    // The broken revision is listed with its error, not fatal.
    let broken = out
        .lines()
        .find(|l| l.starts_with("2026-03-01"))
        .unwrap_or_default();
    assert!(broken.contains("invalid TOML"), "{out}");
}

#[test]
fn since_json_csv_and_folders() {
    let sandbox = repository();
    let run = sandbox.corridor(&[
        "history",
        "journeys/broadband.toml",
        "--since",
        "2026-02-05",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["schema"], "corridor-history/1");
    let commits = value["commits"].as_array().expect("commits");
    // Rename and Remeasured parse; Half a merge does not.
    assert_eq!(commits.len(), 2);
    assert_eq!(commits[1]["experience_debt"], -1);
    assert_eq!(value["failed"].as_array().map(Vec::len), Some(1));
    assert_eq!(value["file"], "journeys/broadband.toml");

    let run = sandbox.corridor(&["history", "journeys/broadband.toml", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let header = run.stdout.lines().next().unwrap_or_default();
    assert_eq!(
        header,
        "file,commit,date,touchpoint,gap,experience_debt,critical,below_expectation,metric.csat,metric.first_time_fix,metric.nps"
    );
    // 4 revisions that parse x 3 touchpoints.
    assert_eq!(run.stdout.lines().count(), 1 + 4 * 3);

    sandbox.write(
        "journeys/other.toml",
        "schema = 1\ntitle = \"Other\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[departments]]\nid = \"field\"\nname = \"Field\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"T\"\nowner = \"field\"\nexpected = 5\nactual = 3\n",
    );
    commit(&sandbox, "Another journey", "2026-05-01");
    let run = sandbox.corridor(&["history", "journeys", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("# History of journeys/broadband.toml"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("# History of journeys/other.toml"),
        "{}",
        run.stdout
    );
    // Departments matched by id across journeys: at the last commit field
    // owes 0 in broadband and -2 in other, sales -1: debt -3.
    assert!(
        run.stdout.contains("# Departments across journeys"),
        "{}",
        run.stdout
    );
    let last = run.stdout.lines().last().unwrap_or_default();
    assert!(last.contains("|   -3 |    -2 |    -1 |"), "{}", run.stdout);
}

#[test]
fn outside_a_git_work_tree_history_says_so() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "j.toml",
        &std::fs::read_to_string(MEASURED).expect("fixture"),
    );
    let run = sandbox.corridor(&["history", "j.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not inside a git work tree"),
        "{}",
        run.stderr
    );
}
