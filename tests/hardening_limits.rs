//! Files that are not journeys to read: a FIFO named `x.toml` (reading it
//! waits forever) and files over the size limit (reading them takes
//! seconds and gigabytes). Every command must finish, saying why.

mod support;

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use corridor::store::{DEFAULT_MAX_FILE_SIZE, ReadError, RecoveryError, RecoveryStore};
use support::{Run, Sandbox};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Far more than any of these commands needs; a hang runs into it.
const DEADLINE: Duration = Duration::from_secs(30);

/// Runs `command` to its end, or kills it at the deadline and fails.
fn finish(mut command: Command, stdin: Option<&[u8]>) -> Result<Run, Box<dyn std::error::Error>> {
    let what = format!("{command:?}");
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn()?;
    if let (Some(bytes), Some(mut input)) = (stdin, child.stdin.take()) {
        // The other end may stop reading early; that is its business.
        let _ = input.write_all(bytes);
    }
    let started = Instant::now();
    while child.try_wait()?.is_none() {
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} still running after {DEADLINE:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = child.wait()?;
    let (mut stdout, mut stderr) = (String::new(), String::new());
    if let Some(mut out) = child.stdout.take() {
        out.read_to_string(&mut stdout)?;
    }
    if let Some(mut err) = child.stderr.take() {
        err.read_to_string(&mut stderr)?;
    }
    Ok(Run {
        code: status.code().unwrap_or(-1),
        stdout,
        stderr,
    })
}

fn corridor(sandbox: &Sandbox, args: &[&str]) -> Result<Run, Box<dyn std::error::Error>> {
    finish(sandbox.command(args), None)
}

fn mkfifo(path: &Path) -> TestResult {
    let made = Command::new("mkfifo").arg(path).status()?;
    assert!(made.success(), "mkfifo {}", path.display());
    Ok(())
}

#[test]
fn a_fifo_in_the_folder_is_skipped_by_every_scan() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("journeys/a.toml", support::SMALL_JOURNEY);
    mkfifo(&sandbox.path("journeys/x.toml"))?;
    let said = "journeys/x.toml: not a regular file, skipped";
    let check = corridor(&sandbox, &["check", "journeys"])?;
    assert_eq!(check.code, 0, "{check:?}");
    assert!(
        check
            .stdout
            .contains("journeys/x.toml:1:1: warning: not a regular file, skipped"),
        "{check:?}"
    );
    assert!(check.stdout.contains("checked 1 file"), "{check:?}");
    for args in [
        &["fmt", "journeys"][..],
        &["fmt", "--check", "journeys"],
        &["report", "journeys"],
        &["report", "journeys", "--format", "csv"],
    ] {
        let run = corridor(&sandbox, args)?;
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        assert!(run.stderr.contains(said), "{args:?}: {run:?}");
    }
    // Without a folder argument, `check` scans ./journeys the same way.
    let run = corridor(&sandbox, &["check"])?;
    assert_eq!(run.code, 0, "{run:?}");
    Ok(())
}

#[test]
fn a_fifo_named_on_the_command_line_is_an_error() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", support::SMALL_JOURNEY);
    mkfifo(&sandbox.path("x.toml"))?;
    mkfifo(&sandbox.path("x.csv"))?;
    for args in [
        &["check", "x.toml"][..],
        &["show", "x.toml"],
        &["report", "x.toml"],
        &["set", "x.toml", "tp.actual=4"],
        &["diff", "x.toml", "a.toml"],
        &["fmt", "x.toml"],
        &["import", "csv", "x.csv", "-o", "new.toml"],
        &["import", "metrics", "x.csv", "a.toml"],
    ] {
        let run = corridor(&sandbox, args)?;
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("not a regular file"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(!sandbox.path("new.toml").exists());
    Ok(())
}

/// A sparse file of `size` bytes: no disk used, nothing to read quickly.
fn sparse(path: &Path, size: u64) -> TestResult {
    fs::File::create(path)?.set_len(size)?;
    Ok(())
}

#[test]
fn an_oversized_file_is_refused_before_reading() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("journeys/a.toml", support::SMALL_JOURNEY);
    sparse(&sandbox.path("big.toml"), DEFAULT_MAX_FILE_SIZE + 1)?;
    for args in [
        &["check", "big.toml"][..],
        &["show", "big.toml"],
        &["report", "big.toml"],
        &["set", "big.toml", "tp.actual=4"],
        &["diff", "big.toml", "journeys/a.toml"],
        &["fmt", "big.toml"],
    ] {
        let run = corridor(&sandbox, args)?;
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("big.toml") && run.stderr.contains("over the 64 MiB limit"),
            "{args:?}: {}",
            run.stderr
        );
    }
    // A folder scan skips it and says so; the rest is checked.
    sparse(&sandbox.path("journeys/huge.toml"), 2 << 30)?;
    let run = corridor(&sandbox, &["check", "journeys"])?;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("journeys/huge.toml:1:1: warning: 2 GiB is over the 64 MiB limit"),
        "{}",
        run.stdout
    );
    let run = corridor(&sandbox, &["report", "journeys"])?;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("huge.toml: 2 GiB is over"),
        "{}",
        run.stderr
    );
    Ok(())
}

#[test]
fn the_size_limit_follows_the_environment() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", support::SMALL_JOURNEY);
    sandbox.write("in.csv", "name,stage\nReads the page,Discover\n");
    let with_limit = |limit: &str, args: &[&str], stdin: Option<&[u8]>| {
        let mut command = sandbox.command(args);
        command.env("CORRIDOR_MAX_FILE_SIZE", limit);
        finish(command, stdin)
    };
    let run = with_limit("100", &["check", "a.toml"], None)?;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("a.toml") && run.stderr.contains("over the 100 bytes limit"),
        "{}",
        run.stderr
    );
    let run = with_limit("1000000", &["check", "a.toml"], None)?;
    assert_eq!(run.code, 0, "{run:?}");
    let run = with_limit("lots", &["check", "a.toml"], None)?;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("CORRIDOR_MAX_FILE_SIZE"),
        "{}",
        run.stderr
    );

    // Import inputs, from a file or stdin, are held to it too.
    let csv = fs::read(sandbox.path("in.csv"))?;
    for (args, stdin) in [
        (&["import", "csv", "in.csv", "-o", "out.toml"][..], None),
        (&["import", "csv", "-", "-o", "out.toml"], Some(&csv[..])),
    ] {
        let run = with_limit("10", args, stdin)?;
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("over the 10 bytes limit"),
            "{}",
            run.stderr
        );
        assert!(!sandbox.path("out.toml").exists());
    }
    Ok(())
}

#[test]
fn an_oversized_git_revision_is_refused() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", support::SMALL_JOURNEY);
    sandbox.git(&["init", "-q"]);
    sandbox.git(&["add", "a.toml"]);
    sandbox.git(&["commit", "-q", "-m", "a journey"]);
    let mut command = sandbox.command(&["diff", "a.toml", "--rev", "HEAD"]);
    command.env("CORRIDOR_MAX_FILE_SIZE", "100");
    let run = finish(command, None)?;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("a.toml at revision `HEAD`")
            && run.stderr.contains("over the 100 bytes limit"),
        "{}",
        run.stderr
    );
    let mut command = sandbox.command(&["diff", "a.toml", "--rev", "HEAD"]);
    command.env("CORRIDOR_MAX_FILE_SIZE", "100000");
    assert_eq!(finish(command, None)?.code, 0);
    Ok(())
}

#[test]
fn an_oversized_recovery_file_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let journey = dir.path().join("a.toml");
    fs::write(&journey, support::SMALL_JOURNEY)?;
    let store = RecoveryStore::at(dir.path().join("recovery"));
    store.save(&journey, support::SMALL_JOURNEY)?;
    assert!(store.load(&journey)?.is_some(), "a normal recovery loads");
    sparse(&store.path_for(&journey), DEFAULT_MAX_FILE_SIZE + 4096)?;
    match store.load(&journey) {
        Err(RecoveryError::Unreadable {
            source: ReadError::TooLarge { limit, .. },
            ..
        }) => assert!(limit > DEFAULT_MAX_FILE_SIZE),
        other => panic!("expected the recovery to be refused as too large: {other:?}"),
    }
    Ok(())
}
