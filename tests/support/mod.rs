//! Running the real `corridor` binary (and git) in a sandbox: each test its
//! own temporary folder, its own config and data folders, no colour, and a
//! git that reads no user or system configuration.

#![allow(dead_code)]

pub mod options;
pub mod screen;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

#[cfg(target_os = "linux")]
pub mod tmux;

/// The date tests run on (`CORRIDOR_TODAY`).
pub const TODAY: &str = "2026-01-15";

/// The sample journeys kept for tests (copies of the bundled ones).
pub const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/samples");

/// A small journey `check` has nothing to say about.
pub const SMALL_JOURNEY: &str = r#"schema = 1
title = "Small"

[[stages]]
id = "discover"
name = "Discover"

[[departments]]
id = "ops"
name = "Ops"

[[touchpoints]]
id = "tp"
stage = "discover"
name = "Reads the page"
owner = "ops"
expected = 3
actual = 3
"#;

/// A journey with a service blueprint, a persona card and a future-state
/// companion (copies of the bundled b2b-onboarding pair).
pub const BLUEPRINT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blueprint");

/// What a command printed and how it exited.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Self {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// A temporary working folder for one test.
pub struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        for sub in ["config", "data", "home"] {
            std::fs::create_dir_all(dir.path().join(".sandbox").join(sub))
                .expect("sandbox folders");
        }
        Self { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent folder");
        }
        std::fs::write(&path, text).expect("write file");
        path
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).expect("read file")
    }

    /// Copies a sample journey (`tests/fixtures/samples/NAME.toml`, a copy
    /// of a bundled journey kept for tests) into the sandbox.
    pub fn bundled(&self, journey: &str, name: &str) -> PathBuf {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/samples")
            .join(format!("{journey}.toml"));
        let target = self.path(name);
        std::fs::copy(source, &target).expect("copy bundled journey");
        target
    }

    /// Copies a file of `tests/fixtures/blueprint/` into the sandbox.
    pub fn blueprint(&self, file: &str, name: &str) -> PathBuf {
        let target = self.path(name);
        std::fs::copy(Path::new(BLUEPRINT).join(file), &target).expect("copy blueprint fixture");
        target
    }

    fn isolate(&self, command: &mut Command) {
        let sandbox = self.dir.path().join(".sandbox");
        command
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", sandbox.join("config"))
            .env("XDG_DATA_HOME", sandbox.join("data"))
            .env("HOME", sandbox.join("home"))
            .env("NO_COLOR", "1")
            .env("CORRIDOR_TODAY", TODAY)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_EXTERNAL_DIFF");
    }

    /// Runs `corridor ARGS` in the sandbox.
    pub fn corridor(&self, args: &[&str]) -> Run {
        self.corridor_in(".", args)
    }

    /// Runs `corridor ARGS` in a folder of the sandbox.
    pub fn corridor_in(&self, folder: &str, args: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_corridor"));
        command.args(args);
        self.isolate(&mut command);
        command.current_dir(self.dir.path().join(folder));
        command.output().expect("run corridor").into()
    }

    /// `corridor ARGS` in the sandbox, isolated as [`Sandbox::corridor`]
    /// runs it, for a caller that spawns it itself (pipes, timeouts).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_corridor"));
        command.args(args);
        self.isolate(&mut command);
        command
    }

    /// Runs `git ARGS` in the sandbox; panics when git fails.
    pub fn git(&self, args: &[&str]) -> Run {
        let run = self.git_status(args);
        assert_eq!(run.code, 0, "git {args:?} failed: {}", run.stderr);
        run
    }

    /// Runs `git ARGS` in the sandbox and returns whatever happened.
    pub fn git_status(&self, args: &[&str]) -> Run {
        let mut command = Command::new("git");
        command
            .args([
                "-c",
                "init.defaultBranch=main",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args);
        self.isolate(&mut command);
        command.output().expect("run git").into()
    }
}
