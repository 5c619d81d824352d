//! Hostile file systems: a lock file planted as a link, report output onto a
//! link, symlink loops, and the temporary files a killed save leaves.

mod support;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::time::{Duration, SystemTime};

use support::Sandbox;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn mode(path: &Path) -> Result<u32, std::io::Error> {
    Ok(fs::metadata(path)?.permissions().mode() & 0o7777)
}

/// The mode a new file gets under this process's umask (which the binary
/// inherits), from /proc; None where that cannot be read.
fn default_file_mode() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let umask = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())?;
    Some(0o666 & !umask)
}

fn assert_new_file_mode(path: &Path) -> TestResult {
    let got = mode(path)?;
    assert_eq!(
        got & 0o111,
        0,
        "{}: mode {got:o} is executable",
        path.display()
    );
    if let Some(expected) = default_file_mode() {
        assert_eq!(got, expected, "{}: mode {got:o}", path.display());
    }
    Ok(())
}

#[test]
fn set_does_not_follow_a_symlinked_lock_file() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", support::SMALL_JOURNEY);
    let victim = sandbox.write("victim.txt", "precious\n");
    symlink(&victim, sandbox.path(".a.toml.lock"))?;

    let run = sandbox.corridor(&["set", "a.toml", "tp.actual=4"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(".a.toml.lock") && run.stderr.contains("symbolic link"),
        "the error names the lock file: {}",
        run.stderr
    );
    assert_eq!(sandbox.read("victim.txt"), "precious\n");
    assert_eq!(
        sandbox.read("a.toml"),
        support::SMALL_JOURNEY,
        "nothing written"
    );
    assert!(fs::symlink_metadata(sandbox.path(".a.toml.lock"))?.is_symlink());
    Ok(())
}

#[test]
fn report_output_through_a_symlink_writes_the_target() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", support::SMALL_JOURNEY);
    let target = sandbox.write("reports/target.md", "old report\n");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640))?;
    symlink("reports/target.md", sandbox.path("out.md"))?;

    let run = sandbox.corridor(&["report", "a.toml", "-o", "out.md"]);
    assert_eq!(run.code, 0, "{run:?}");
    let expected = sandbox.corridor(&["report", "a.toml"]).stdout;
    assert!(fs::symlink_metadata(sandbox.path("out.md"))?.is_symlink());
    assert_eq!(sandbox.read("reports/target.md"), expected);
    assert_eq!(mode(&target)?, 0o640, "the target keeps its mode");

    // A link to nothing is refused, not replaced.
    symlink("reports/absent.md", sandbox.path("dangling.md"))?;
    let run = sandbox.corridor(&["report", "a.toml", "-o", "dangling.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(fs::symlink_metadata(sandbox.path("dangling.md"))?.is_symlink());
    assert!(!sandbox.path("reports/absent.md").exists());
    Ok(())
}

#[test]
fn new_output_files_get_the_umask_mode() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", support::SMALL_JOURNEY);
    sandbox.write("in.csv", "name,stage\nReads the page,Discover\n");
    let runs = [
        sandbox.corridor(&["report", "a.toml", "-o", "out.md"]),
        sandbox.corridor(&["import", "csv", "in.csv", "-o", "imported.toml"]),
        sandbox.corridor(&["new", "fresh.toml"]),
    ];
    for run in &runs {
        assert_eq!(run.code, 0, "{run:?}");
    }
    for name in ["out.md", "imported.toml", "fresh.toml"] {
        assert_new_file_mode(&sandbox.path(name))?;
    }
    Ok(())
}

#[test]
fn new_and_import_refuse_a_symlinked_output() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("in.csv", "name,stage\nReads the page,Discover\n");
    let victim = sandbox.write("victim.toml", "precious\n");
    symlink(&victim, sandbox.path("link.toml"))?;
    symlink("absent.toml", sandbox.path("dangling.toml"))?;
    for out in ["link.toml", "dangling.toml"] {
        let runs = [
            sandbox.corridor(&["import", "csv", "in.csv", "-o", out]),
            sandbox.corridor(&["new", out]),
        ];
        for run in runs {
            assert_eq!(run.code, 2, "{out}: {run:?}");
            assert!(run.stderr.contains("exists"), "{out}: {}", run.stderr);
        }
        assert!(fs::symlink_metadata(sandbox.path(out))?.is_symlink());
    }
    assert_eq!(sandbox.read("victim.toml"), "precious\n");
    assert!(!sandbox.path("absent.toml").exists());
    Ok(())
}

#[test]
fn check_names_a_symlink_loop() -> TestResult {
    let sandbox = Sandbox::new();
    symlink("loop.toml", sandbox.path("loop.toml"))?;
    let run = sandbox.corridor(&["check", "loop.toml"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("loop.toml") && run.stderr.contains("symbolic link loop"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("no such file"), "{}", run.stderr);

    // In a folder, the loop is skipped and said; the rest is checked.
    sandbox.write("folder/a.toml", support::SMALL_JOURNEY);
    symlink("loop.toml", sandbox.path("folder/loop.toml"))?;
    let run = sandbox.corridor(&["check", "folder"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("folder/loop.toml:1:1: warning: symbolic link loop, skipped"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("checked 1 file"), "{}", run.stdout);
    Ok(())
}

/// Makes a file look last written `age` ago.
fn age(path: &Path, age: Duration) -> TestResult {
    let file = fs::File::options().write(true).open(path)?;
    file.set_modified(SystemTime::now() - age)?;
    Ok(())
}

#[test]
fn a_save_removes_only_stale_temporary_files_of_its_journey() -> TestResult {
    let sandbox = Sandbox::new();
    sandbox.write("a.toml", support::SMALL_JOURNEY);
    let hour = Duration::from_secs(3600);
    let stale = [".a.toml.Ab12Cd", ".a.toml.zz9ZZ9"];
    // Too fresh, another journey's, not the pattern, a folder, a link.
    let kept = [
        ".a.toml.Fresh1",
        ".b.toml.Ab12Cd",
        ".a.toml.Ab12Cd7",
        ".a.toml.ab-2cd",
        "a.toml.Ab12Cd",
        ".a.toml.backup.toml",
    ];
    for name in stale.iter().chain(&kept) {
        sandbox.write(name, "partial journey\n");
        if *name != ".a.toml.Fresh1" {
            age(&sandbox.path(name), hour)?;
        }
    }
    fs::create_dir(sandbox.path(".a.toml.Dir123"))?;
    let victim = sandbox.write("victim.txt", "precious\n");
    age(&victim, hour)?;
    symlink(&victim, sandbox.path(".a.toml.Link12"))?;

    let run = sandbox.corridor(&["set", "a.toml", "tp.actual=4"]);
    assert_eq!(run.code, 0, "{run:?}");
    for name in stale {
        assert!(!sandbox.path(name).exists(), "{name} was not removed");
    }
    for name in kept.iter().chain(&[".a.toml.Dir123", "victim.txt"]) {
        assert!(sandbox.path(name).exists(), "{name} was removed");
    }
    assert!(fs::symlink_metadata(sandbox.path(".a.toml.Link12"))?.is_symlink());
    assert_eq!(sandbox.read("victim.txt"), "precious\n");
    Ok(())
}
