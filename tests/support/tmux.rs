//! A tmux harness for driving the real workbench: each test its own tmux
//! server (`tmux -L corridor-e2e-PID-NAME`), its own temporary folder as
//! HOME and working directory, and a plain `sh` in a detached session of a
//! fixed size. Commands are typed into that shell with `send-keys`; the
//! screen is read with `capture-pane -p` and polled until it shows what a
//! step waits for (never a fixed sleep). Dropping the session kills its
//! server.
//!
//! Shell commands end in `echo "rc=$? @@N@@"` with `N` written as `$((...))`,
//! so the echoed line can only appear once the shell ran it, and it carries
//! the exit status.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_corridor");
pub const JOURNEYS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/samples");

/// How long a step may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(10);
/// How often the screen is read while waiting.
pub const POLL: Duration = Duration::from_millis(50);
/// The tmux session every test uses (one per server).
pub const SESSION: &str = "e2e";

pub fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// One tmux server with one shell pane, and the temporary home it runs in.
pub struct Session {
    socket: String,
    /// Where the server listens; removed with the server.
    socket_path: Option<PathBuf>,
    dir: TempDir,
    started: Instant,
    commands: Cell<u32>,
}

impl Session {
    /// Starts `sh` in a `width` x `height` pane, or `None` (with a message)
    /// when tmux is missing.
    pub fn start(name: &str, width: u16, height: u16) -> Option<Session> {
        if !tmux_available() {
            eprintln!("SKIPPED tui_e2e::{name}: tmux is not installed (CI installs it)");
            return None;
        }
        let dir = tempfile::Builder::new()
            .prefix("corridor-e2e-")
            .tempdir()
            .expect("create a temporary folder");
        let mut session = Session {
            socket: format!("corridor-e2e-{}-{name}", std::process::id()),
            socket_path: None,
            dir,
            started: Instant::now(),
            commands: Cell::new(0),
        };
        fs::create_dir_all(session.path().join("config")).expect("create config folder");
        fs::create_dir_all(session.path().join("data")).expect("create data folder");
        let home = session.path().display().to_string();
        let env = [
            format!("HOME={home}"),
            format!("XDG_CONFIG_HOME={home}/config"),
            format!("XDG_DATA_HOME={home}/data"),
            "LANG=C.UTF-8".to_owned(),
            "CORRIDOR_TODAY=2026-01-15".to_owned(),
            format!("CORRIDOR={BIN}"),
        ];
        let (w, h) = (width.to_string(), height.to_string());
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            &w,
            "-y",
            &h,
            "-c",
            &home,
        ];
        for var in &env {
            args.push("-e");
            args.push(var);
        }
        args.push("sh");
        session.tmux(&args);
        session.socket_path = Some(PathBuf::from(session.display("#{socket_path}")));
        // Keep a pane whose shell died, so a failure can say how it died.
        session.tmux(&["set-option", "-g", "remain-on-exit", "on"]);
        // The shell is ready once it runs a command.
        assert_eq!(session.run("true"), 0, "the shell runs commands");
        Some(session)
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A tmux command for this server, in a clean, known environment.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .current_dir(self.path())
            .args(["-u", "-f", "/dev/null", "-L", &self.socket]);
        cmd
    }

    /// Runs a tmux command; panics when it fails.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out: Output = self
            .command()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Presses keys, by tmux name (`Enter`, `Escape`, `BTab`, `j`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", SESSION];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", SESSION, "-l", text]);
    }

    /// Types `cmd` into the shell, followed by an echo of its exit status;
    /// returns the marker `wait_done` waits for.
    pub fn shell(&self, cmd: &str) -> String {
        let n = self.commands.get() + 1;
        self.commands.set(n);
        self.type_text(&format!("{cmd}; echo \"rc=$? @@$((1000+{n}))@@\""));
        self.keys(&["Enter"]);
        format!("@@{}@@", 1000 + n)
    }

    /// Waits for the shell to report on the command of `marker`; its status.
    /// (The line may start with a prompt when typing raced the shell.)
    pub fn wait_done(&self, marker: &str, timeout: Duration) -> i32 {
        let report = |screen: &str| -> Option<String> {
            screen
                .lines()
                .filter(|l| l.contains(marker))
                .find_map(|l| Some(l.get(l.find("rc=")? + 3..)?.to_owned()))
        };
        let screen = self.wait_until(&format!("the shell to print {marker}"), timeout, |s| {
            report(s).is_some()
        });
        let line = report(&screen).unwrap_or_default();
        line.split_whitespace()
            .next()
            .and_then(|rc| rc.parse().ok())
            .unwrap_or_else(|| panic!("no exit status in {line:?}:\n{}", framed(&screen)))
    }

    /// Runs a shell command to completion; its exit status.
    pub fn run(&self, cmd: &str) -> i32 {
        let marker = self.shell(cmd);
        self.wait_done(&marker, DEADLINE)
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", SESSION])
    }

    /// The screen with attributes and colours as escape sequences.
    pub fn styled_screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-e", "-t", SESSION])
    }

    /// A tmux format evaluated for the pane (`#{pane_title}`).
    pub fn display(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", SESSION, format])
            .trim_end_matches('\n')
            .to_owned()
    }

    pub fn resize(&self, width: u16, height: u16) {
        self.tmux(&[
            "resize-window",
            "-t",
            SESSION,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Polls the screen until `done` holds on a settled screen; that screen.
    pub fn wait_until(&self, what: &str, timeout: Duration, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout;
        let mut previous: Option<String> = None;
        loop {
            let screen = self.screen();
            // The same screen twice, POLL apart: a frame is not half drawn.
            if done(&screen) && previous.as_deref() == Some(screen.as_str()) {
                return screen;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {timeout:?} waiting for {what}; pane dead: {}; the screen:\n{}",
                    self.display("#{pane_dead} #{pane_dead_status} #{pane_dead_signal}"),
                    framed(&screen)
                );
            }
            previous = Some(screen);
            sleep(POLL);
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), DEADLINE, |s| s.contains(text))
    }

    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), DEADLINE, |s| !s.contains(text))
    }

    /// Waits until a tmux format has `value`.
    pub fn wait_display(&self, format: &str, value: &str) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let now = self.display(format);
            if now == value {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{format} stayed {now:?}, expected {value:?}; the screen:\n{}",
                framed(&self.screen())
            );
            sleep(POLL);
        }
    }

    /// The terminal's mode flags as `stty -a` prints them in the pane.
    pub fn stty_flags(&self) -> BTreeSet<String> {
        let n = self.commands.get() + 1;
        let file = format!("stty-{n}.txt");
        assert_eq!(self.run(&format!("stty -a > {file}")), 0, "stty -a runs");
        let text = fs::read_to_string(self.path().join(&file)).expect("read stty output");
        let skip = ["speed", "baud", "rows", "columns", "line", "min", "time"];
        text.split(|c: char| c.is_whitespace() || c == ';')
            .filter(|t| {
                let name = t.trim_start_matches('-');
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                    && name.starts_with(|c: char| c.is_ascii_lowercase())
                    && !skip.contains(&name)
            })
            .map(str::to_owned)
            .collect()
    }

    /// After the workbench left: the shell's terminal modes are as before
    /// (`baseline`), cooked with echo; the cursor shows; the main screen.
    pub fn assert_sane(&self, baseline: &BTreeSet<String>) {
        let screen = self.screen();
        assert_eq!(
            self.display("#{alternate_on}"),
            "0",
            "alternate screen off; the screen:\n{}",
            framed(&screen)
        );
        assert_eq!(
            self.display("#{cursor_flag}"),
            "1",
            "the cursor is visible; the screen:\n{}",
            framed(&screen)
        );
        let flags = self.stty_flags();
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(
                flags.contains(flag),
                "stty lacks {flag} after the workbench: {flags:?}"
            );
        }
        assert_eq!(&flags, baseline, "terminal modes differ from before");
    }

    /// The pid of the shell's child process named `name`.
    pub fn child(&self, name: &str) -> u32 {
        let shell: u32 = self
            .display("#{pane_pid}")
            .parse()
            .expect("pane_pid is a number");
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(pid) = child_of(shell, name) {
                return pid;
            }
            assert!(
                Instant::now() < deadline,
                "no process {name:?} under the shell {shell}"
            );
            sleep(POLL);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self
            .command()
            .arg("kill-server")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if let Some(path) = &self.socket_path {
            let _ = fs::remove_file(path);
        }
        eprintln!(
            "tui_e2e: {} took {:.1}s",
            self.socket,
            self.started.elapsed().as_secs_f64()
        );
    }
}

/// A screen with a frame and row numbers, for failure messages.
pub fn framed(screen: &str) -> String {
    let mut out = String::from("    +--------\n");
    for (n, line) in screen.lines().enumerate() {
        out.push_str(&format!("{:>3} |{line}\n", n + 1));
    }
    out.push_str("    +--------");
    out
}

/// The child of `parent` whose command name is `name`, from /proc.
pub fn child_of(parent: u32, name: &str) -> Option<u32> {
    for entry in fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid ...`; comm may hold spaces and parentheses.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let comm = stat.get(open + 1..close).unwrap_or_default();
        let mut rest = stat.get(close + 1..).unwrap_or_default().split_whitespace();
        let state = rest.next();
        let ppid = rest.next().and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(parent) && comm == name && state != Some("Z") {
            return Some(pid);
        }
    }
    None
}

pub fn alive(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rfind(')')
            .and_then(|close| stat.get(close + 1..))
            .and_then(|rest| rest.split_whitespace().next())
            != Some("Z")
    })
}

pub fn signal(pid: u32, name: &str) {
    let status = Command::new("sh")
        .args(["-c", "kill -s \"$1\" \"$2\"", "sh", name, &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -s {name} {pid} failed");
}

/// Copies the bundled journeys into `dest/journeys`.
pub fn copy_journeys(dest: &Path) -> PathBuf {
    let to = dest.join("journeys");
    fs::create_dir_all(&to).expect("create journeys folder");
    for entry in fs::read_dir(JOURNEYS)
        .expect("read bundled journeys")
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") {
            fs::copy(&path, to.join(entry.file_name())).expect("copy a journey");
        }
    }
    to
}

/// The courier journey alone in `one/journey.toml` of the session's
/// folder: (folder, file, its text).
pub fn one_journey(t: &Session) -> (PathBuf, PathBuf, String) {
    let folder = t.path().join("one");
    fs::create_dir_all(&folder).expect("create folder");
    let path = folder.join("journey.toml");
    fs::copy(Path::new(JOURNEYS).join("online-order-courier.toml"), &path).expect("copy");
    let text = fs::read_to_string(&path).expect("read");
    (folder, path, text)
}
