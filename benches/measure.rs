//! Benchmarks of measuring and tracking: `corridor import responses` of
//! 100,000 survey responses into a 50-touchpoint journey (the real binary,
//! read to save), and reading the history of a 50-touchpoint journey over
//! 1,000 commits (one `git log`, one `git cat-file --batch`, parsing on
//! all cores, the figures of every revision).
//!
//! Run with `cargo bench --bench measure`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use tempfile::TempDir;

use corridor::analysis::history::history;
use corridor::sample::synthetic_journey;
use corridor::store::{file_history, revisions};

const TOUCHPOINTS: usize = 50;
const RESPONSES: usize = 100_000;
const COMMITS: usize = 1_000;

/// A 50-touchpoint journey that declares a 1-5 CSAT metric.
fn measured_journey() -> String {
    let mut text = synthetic_journey(TOUCHPOINTS);
    text.push_str(
        "\n[[metrics]]\nid = \"csat\"\nname = \"Satisfaction\"\nkind = \"csat\"\nscale = [1, 5]\ntarget = 4.0\n",
    );
    text
}

fn responses() -> String {
    let mut csv = String::with_capacity(RESPONSES * 16);
    csv.push_str("respondent,touchpoint,score\n");
    for i in 0..RESPONSES {
        let _ = writeln!(csv, "{i},tp-{},{}", (i * 7) % TOUCHPOINTS, 1 + (i * 13) % 5);
    }
    csv
}

fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(["-c", "init.defaultBranch=main"]);
    command
}

/// The journey at commit `k`: one touchpoint's actual score changed.
fn revision(base: &str, k: usize) -> String {
    let id = format!("id = \"tp-{}\"\n", k % TOUCHPOINTS);
    let Some(at) = base.find(&id) else {
        return base.to_owned();
    };
    let Some(offset) = base[at..].find("actual = ") else {
        return base.to_owned();
    };
    let digit = at + offset + "actual = ".len();
    let mut text = base.to_owned();
    text.replace_range(digit..digit + 1, &(1 + k % 5).to_string());
    text
}

/// A repository with `COMMITS` commits of one journey, made with one
/// `git fast-import`.
fn repository() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temporary folder");
    let ok = git(dir.path())
        .args(["init", "-q"])
        .status()
        .expect("git init");
    assert!(ok.success());
    let base = synthetic_journey(TOUCHPOINTS);
    let mut stream = Vec::new();
    for k in 0..COMMITS {
        let text = revision(&base, k);
        let _ = write!(
            stream,
            "blob\nmark :{}\ndata {}\n{text}\n",
            2 * k + 1,
            text.len()
        );
        let message = format!("Remeasure {k}");
        let when = 1_767_225_600 + k as u64 * 86_400;
        let _ = write!(
            stream,
            "commit refs/heads/main\nmark :{}\nauthor T <t@example.com> {when} +0000\ncommitter T <t@example.com> {when} +0000\ndata {}\n{message}\n",
            2 * k + 2,
            message.len()
        );
        if k > 0 {
            let _ = writeln!(stream, "from :{}", 2 * k);
        }
        let _ = writeln!(stream, "M 100644 :{} journeys/journey.toml\n", 2 * k + 1);
    }
    let mut child = git(dir.path())
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&stream)
        .expect("stream");
    assert!(child.wait().expect("fast-import").success());
    let ok = git(dir.path())
        .args(["reset", "-q", "--hard", "main"])
        .status()
        .expect("git reset");
    assert!(ok.success());
    let file = dir.path().join("journeys/journey.toml");
    (dir, file)
}

fn import_responses(c: &mut Criterion) {
    let dir = TempDir::new().expect("temporary folder");
    let journey = dir.path().join("journey.toml");
    let csv = dir.path().join("responses.csv");
    let original = measured_journey();
    std::fs::write(&csv, responses()).expect("write responses");
    let mut group = c.benchmark_group("import_responses");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("100000_responses_50_touchpoints", |b| {
        b.iter_batched(
            || std::fs::write(&journey, &original).expect("write journey"),
            |()| {
                let out = Command::new(env!("CARGO_BIN_EXE_corridor"))
                    .args(["import", "responses"])
                    .arg(&csv)
                    .arg(&journey)
                    .args(["--metric", "csat"])
                    .env("XDG_DATA_HOME", dir.path())
                    .env("XDG_CONFIG_HOME", dir.path())
                    .output()
                    .expect("run corridor");
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                black_box(out.stdout)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn read_history(c: &mut Criterion) {
    let (_dir, file) = repository();
    let mut group = c.benchmark_group("history");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("1000_commits_50_touchpoints", |b| {
        b.iter(|| {
            let log = file_history(&file, None).expect("history");
            assert_eq!(log.commits.len(), COMMITS);
            let journeys = revisions(&log);
            let h = history(&journeys[0].1);
            assert_eq!(h.points.len(), COMMITS);
            black_box(h.points.len())
        });
    });
    group.finish();
}

criterion_group!(benches, import_responses, read_history);
criterion_main!(benches);
