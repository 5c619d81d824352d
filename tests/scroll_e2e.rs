//! Scrolling in a real terminal emulator: the workbench runs in tmux (its
//! own server, `tmux -L NAME`, its own temporary home) on a journey long
//! enough to scroll, keys walk the Gaps and Actions views down past the
//! bottom and back up past the top, and after each walk the pane must show
//! exactly the rows the library draws for the same keys. tmux takes the
//! scroll regions the workbench sends, so a wrong region or count shows up
//! as rows out of place.
//!
//! Skipped (with a message) when tmux is not installed; CI installs it.

#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use corridor::sample::synthetic_journey;
use corridor::text::width;
use corridor::tui::action::Action;
use corridor::tui::effects::read_entries;
use corridor::tui::keymap::action_for;
use corridor::tui::state::{AppState, Options};
use corridor::tui::ui::render;
use corridor::tui::update::update;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BIN: &str = env!("CARGO_BIN_EXE_corridor");
const SIZE: (u16, u16) = (120, 40);
const DEADLINE: Duration = Duration::from_secs(15);

/// A tmux server running the workbench; killed when dropped.
struct Pane {
    socket: String,
    dir: tempfile::TempDir,
}

impl Pane {
    fn start(name: &str, journey: &Path, dir: tempfile::TempDir) -> Option<Pane> {
        let available = Command::new("tmux")
            .arg("-V")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !available {
            eprintln!("SKIPPED scroll_e2e::{name}: tmux is not installed (CI installs it)");
            return None;
        }
        let pane = Pane {
            socket: format!("corridor-scroll-{}-{name}", std::process::id()),
            dir,
        };
        let home = pane.dir.path().display().to_string();
        let (w, h) = (SIZE.0.to_string(), SIZE.1.to_string());
        let env = [
            format!("HOME={home}"),
            format!("XDG_CONFIG_HOME={home}/config"),
            format!("XDG_DATA_HOME={home}/data"),
            "LANG=C.UTF-8".to_owned(),
            "CORRIDOR_TODAY=2026-01-15".to_owned(),
        ];
        let mut args = vec!["new-session", "-d", "-x", &w, "-y", &h, "-c", &home];
        for var in &env {
            args.extend(["-e", var.as_str()]);
        }
        let journey = journey.display().to_string();
        args.extend([BIN, journey.as_str()]);
        pane.tmux(&args);
        Some(pane)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let home = self.dir.path();
        let out = Command::new("tmux")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .current_dir(home)
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
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

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Waits until the pane shows `want`; fails with both screens.
    fn wait_for_screen(&self, want: &str, what: &str) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let got = self.screen();
            if got.trim_end() == want.trim_end() {
                return;
            }
            if Instant::now() >= deadline {
                let diff: Vec<String> = want
                    .lines()
                    .zip(got.lines())
                    .enumerate()
                    .filter(|(_, (w, g))| w.trim_end() != g.trim_end())
                    .map(|(n, (w, g))| format!("row {n}\n  wanted |{w}\n  shown  |{g}"))
                    .collect();
                panic!(
                    "{what}: the pane never showed the expected rows\n{}\nthe pane:\n{got}",
                    diff.join("\n")
                );
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// The same workbench in the library, to know what the pane should show.
struct Expected {
    state: AppState,
}

impl Expected {
    fn new(journey: &Path) -> Expected {
        let (folder, entries) = read_entries(journey).expect("journey loads");
        let options = Options {
            color: true,
            ascii: false,
            read_only: false,
            mouse: false,
            today: corridor::model::Date {
                year: 2026,
                month: 1,
                day: 15,
            },
        };
        let mut state = AppState::new(folder, entries, options);
        update(&mut state, Action::Resize(SIZE.0, SIZE.1));
        Expected { state }
    }

    fn press(&mut self, code: KeyCode, times: usize) {
        for _ in 0..times {
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            if let Some(action) = action_for(&self.state.mode, &key) {
                update(&mut self.state, action);
            }
        }
    }

    /// The screen as `capture-pane -p` prints it: trailing blanks trimmed,
    /// a wide character's second column left out.
    fn screen(&self) -> String {
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
        terminal
            .draw(|frame| render(&self.state, frame))
            .expect("frame draws");
        let buffer = terminal.backend().buffer();
        let mut lines = Vec::new();
        for row in buffer.content().chunks(usize::from(SIZE.0)) {
            let mut line = String::new();
            let mut covered = 0usize;
            for cell in row {
                if covered == 0 {
                    line.push_str(cell.symbol());
                }
                covered = covered.max(width(cell.symbol())).saturating_sub(1);
            }
            lines.push(line.trim_end().to_owned());
        }
        lines.join("\n")
    }
}

/// A journey long enough to scroll, some names in wide characters.
fn journey(dir: &Path) -> PathBuf {
    let path = dir.join("long.toml");
    let text = synthetic_journey(160).replace("Customer step number 1", "顧客ステップ 1");
    std::fs::write(&path, text).expect("write journey");
    path
}

/// Presses `code` `times` times in the pane (one key per `send-keys`, as
/// typed) and in the library.
fn press(pane: &Pane, expected: &mut Expected, key: &str, code: KeyCode, times: usize) {
    for _ in 0..times {
        pane.keys(&[key]);
    }
    expected.press(code, times);
}

#[test]
fn walking_lists_past_their_edges_in_tmux_shows_the_right_rows() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = journey(dir.path());
    let Some(pane) = Pane::start("walk", &path, dir) else {
        return;
    };
    let mut expected = Expected::new(&path);
    pane.wait_for_screen(&expected.screen(), "the first frame");
    for (view_key, view_code) in [("2", KeyCode::Char('2')), ("5", KeyCode::Char('5'))] {
        press(&pane, &mut expected, view_key, view_code, 1);
        pane.wait_for_screen(&expected.screen(), &format!("view {view_key}"));
        press(&pane, &mut expected, "j", KeyCode::Char('j'), 70);
        pane.wait_for_screen(
            &expected.screen(),
            &format!("view {view_key}, 70 rows down"),
        );
        press(&pane, &mut expected, "PageDown", KeyCode::PageDown, 2);
        press(&pane, &mut expected, "j", KeyCode::Char('j'), 3);
        pane.wait_for_screen(&expected.screen(), &format!("view {view_key}, paged down"));
        press(&pane, &mut expected, "k", KeyCode::Char('k'), 90);
        pane.wait_for_screen(&expected.screen(), &format!("view {view_key}, 90 rows up"));
        press(&pane, &mut expected, "End", KeyCode::End, 1);
        press(&pane, &mut expected, "k", KeyCode::Char('k'), 45);
        pane.wait_for_screen(
            &expected.screen(),
            &format!("view {view_key}, up from the end"),
        );
    }
    pane.keys(&["q"]);
}
