//! The workbench among hostile files, in a real terminal (tmux): a FIFO in
//! the folder must not hang it, and a lock file planted as a link must not
//! be followed. Each test has its own tmux server (`tmux -L NAME`) and
//! temporary home; skipped with a message when tmux is not installed.

#![cfg(target_os = "linux")]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_corridor");
const DEADLINE: Duration = Duration::from_secs(10);

const JOURNEY: &str = r#"schema = 1
title = "Small journey"

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

/// One tmux server running `sh` in a temporary home.
struct Terminal {
    socket: String,
    home: TempDir,
}

impl Terminal {
    fn start(name: &str) -> Option<Self> {
        let available = Command::new("tmux")
            .arg("-V")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !available {
            eprintln!("SKIPPED hardening_tui::{name}: tmux is not installed");
            return None;
        }
        let terminal = Self {
            socket: format!("corridor-hardening-{}-{name}", std::process::id()),
            home: tempfile::tempdir().expect("temporary home"),
        };
        for sub in ["config", "data"] {
            fs::create_dir_all(terminal.path().join(sub)).expect("home folders");
        }
        let home = terminal.path().display().to_string();
        terminal.tmux(&[
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            &home,
            "-e",
            &format!("CORRIDOR={BIN}"),
            "sh",
        ]);
        Some(terminal)
    }

    fn path(&self) -> &Path {
        self.home.path()
    }

    fn tmux(&self, args: &[&str]) -> String {
        let home = self.path();
        let out = Command::new("tmux")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .current_dir(home)
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run tmux");
        assert!(out.status.success(), "tmux {args:?} failed");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Types `command` followed by an echo of its exit status after `@@`.
    fn shell(&self, command: &str) {
        self.tmux(&["send-keys", "-l", &format!("{command}; echo \"@@rc=$?\"")]);
        self.keys(&["Enter"]);
    }

    /// Polls the screen until it shows `text`; the screen.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let screen = self.tmux(&["capture-pane", "-p"]);
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "no {text:?} on the screen after {DEADLINE:?}:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

#[test]
fn a_fifo_in_the_folder_does_not_hang_the_workbench() {
    let Some(t) = Terminal::start("fifo") else {
        return;
    };
    let folder = t.path().join("journeys");
    fs::create_dir_all(&folder).expect("journeys folder");
    fs::write(folder.join("a.toml"), JOURNEY).expect("write journey");
    let made = Command::new("mkfifo")
        .arg(folder.join("x.toml"))
        .status()
        .expect("run mkfifo");
    assert!(made.success());

    t.shell("\"$CORRIDOR\" journeys");
    t.wait_for("Small journey");
    t.keys(&["6"]);
    t.wait_for("x.toml: not a regular file");
    t.keys(&["q"]);
    t.wait_for("@@rc=0");
}

#[test]
fn the_workbench_does_not_follow_a_symlinked_lock_file() {
    let Some(t) = Terminal::start("lock") else {
        return;
    };
    let folder = t.path().join("journeys");
    fs::create_dir_all(&folder).expect("journeys folder");
    fs::write(folder.join("a.toml"), JOURNEY).expect("write journey");
    let victim = t.path().join("victim.txt");
    fs::write(&victim, "precious\n").expect("write victim");
    std::os::unix::fs::symlink(&victim, folder.join(".a.toml.lock")).expect("plant link");

    t.shell("\"$CORRIDOR\" journeys");
    t.wait_for("[read-only]");
    t.wait_for("is a symbolic link");
    t.keys(&["q"]);
    t.wait_for("@@rc=0");
    assert_eq!(
        fs::read_to_string(&victim).expect("read victim"),
        "precious\n"
    );
    assert!(
        fs::symlink_metadata(folder.join(".a.toml.lock"))
            .expect("the link stays")
            .is_symlink()
    );
}
