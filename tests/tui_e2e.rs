//! The workbench driven end to end: the real binary in a real terminal
//! emulator (tmux), as a person at a keyboard would use it.
//!
//! The harness (one tmux server per test, a shell in a pane, the screen
//! polled until it shows what a step waits for) is in `support/tmux.rs`.
//!
//! Tests are skipped (with a message) when `tmux` is not installed; CI
//! (`.ci/run`) installs it.

#![cfg(target_os = "linux")]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use support::tmux::*;

// Distinctive text of each view.
const CORRIDOR: &str = "Detail (Enter: full screen)";
const GAPS: &str = "# Sev Gap";
const OWNERS: &str = "Department";
const ACTIONS: &str = "Closes the gap at";
const JOURNEYS_VIEW: &str = "Most indebted";
const BLUEPRINT_VIEW: &str = "line of visibility";
const HELP: &str = "Help (Esc closes";
const FILTER: &str = "Filter gaps";
const DETAIL: &str = "Touchpoint (Esc closes";
const TREND_NOT_GIT: &str = "Not in a git work tree";

/// The Curve view: its info line starts with the cursor, `N/TOTAL`.
fn is_curve(screen: &str) -> bool {
    screen.lines().any(|l| {
        l.split_whitespace().next().is_some_and(|w| {
            w.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
            })
        })
    })
}

/// Rows of the Gaps table: lines starting with a rank and a severity.
fn gap_rows(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| {
            let mut words = l.split_whitespace();
            let mut number = || words.next().is_some_and(|w| w.parse::<u32>().is_ok());
            number() && number()
        })
        .count()
}

/// Whether any SGR sequence in a `capture-pane -e` screen sets a colour.
fn has_colour(styled: &str) -> bool {
    styled.split("\u{1b}[").skip(1).any(|seq| {
        let Some(end) = seq.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            return false;
        };
        if !seq[end..].starts_with('m') {
            return false;
        }
        seq[..end]
            .split([';', ':'])
            .filter_map(|p| p.parse::<u32>().ok())
            .any(|p| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107))
    })
}

fn non_ascii(screen: &str) -> Vec<String> {
    screen
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.is_ascii())
        .map(|(n, l)| format!("{:>3} |{l}", n + 1))
        .collect()
}

/// Every view by number and by Tab, help, search, the filter panel,
/// resizing below the minimum and back, and a clean exit.
#[test]
fn tour_of_the_workbench() {
    let Some(t) = Session::start("tour", 100, 30) else {
        return;
    };
    copy_journeys(t.path());
    let baseline = t.stty_flags();
    let done = t.shell("\"$CORRIDOR\"");

    t.wait_for(CORRIDOR);
    t.wait_display("#{alternate_on}", "1");
    assert_eq!(t.display("#{cursor_flag}"), "0", "the cursor is hidden");
    let screen = t.screen();
    assert!(
        screen.contains(" 1 Corridor  2 Gaps  3 Owners  4 Curve  5 Actions  6 Journeys"),
        "view tabs:\n{}",
        framed(&screen)
    );
    let last = screen.lines().last().unwrap_or_default();
    assert!(
        last.contains("? help") && last.contains("q quit"),
        "hints: {last:?}"
    );

    // Views by number.
    t.keys(&["2"]);
    let gaps = t.wait_for(GAPS);
    let all_rows = gap_rows(&gaps);
    assert!(
        all_rows >= 10,
        "the Gaps view lists touchpoints:\n{}",
        framed(&gaps)
    );
    t.keys(&["3"]);
    t.wait_for(OWNERS);
    t.keys(&["4"]);
    t.wait_until("the Curve view", DEADLINE, is_curve);
    t.keys(&["5"]);
    t.wait_for(ACTIONS);
    t.keys(&["6"]);
    t.wait_for(JOURNEYS_VIEW);
    t.keys(&["8"]);
    t.wait_for(BLUEPRINT_VIEW);
    t.keys(&["1"]);
    t.wait_for(CORRIDOR);

    // Tab and Shift-Tab cycle, wrapping at both ends (Blueprint is last,
    // Trend before it; this folder is no git work tree).
    t.keys(&["BTab"]);
    t.wait_for(BLUEPRINT_VIEW);
    t.keys(&["BTab"]);
    t.wait_for(TREND_NOT_GIT);
    t.keys(&["BTab"]);
    t.wait_for(JOURNEYS_VIEW);
    t.keys(&["Tab"]);
    t.wait_for(TREND_NOT_GIT);
    t.keys(&["Tab"]);
    t.wait_for(BLUEPRINT_VIEW);
    t.keys(&["Tab"]);
    t.wait_for(CORRIDOR);
    t.keys(&["Tab"]);
    t.wait_for(GAPS);

    // Help: every key, and the formulas further down.
    t.keys(&["?"]);
    t.wait_for(HELP);
    let formula = "Severity (Sev): max(0, -gap)";
    for _ in 0..60 {
        if t.screen().contains(formula) {
            break;
        }
        t.keys(&["j"]);
        sleep(POLL);
    }
    t.wait_for(formula);
    t.keys(&["Escape"]);
    let screen = t.wait_gone(HELP);
    assert!(screen.contains(GAPS), "back in Gaps:\n{}", framed(&screen));

    // Search narrows the Gaps list; Esc clears it.
    t.keys(&["/"]);
    t.wait_for("/_");
    t.type_text("Sage");
    let found = t.wait_until("the search to narrow the list", DEADLINE, |s| {
        gap_rows(s) < all_rows && s.contains("/Sage_")
    });
    assert!(
        gap_rows(&found) >= 1,
        "something matches:\n{}",
        framed(&found)
    );
    assert!(
        found.contains("Payroll connector to Sage 200"),
        "the matching touchpoint is listed:\n{}",
        framed(&found)
    );
    t.keys(&["Escape"]);
    t.wait_until("the full list again", DEADLINE, |s| {
        gap_rows(s) == all_rows && !s.contains("/Sage")
    });

    // The filter panel sets a stage; the view's header says so.
    t.keys(&["f"]);
    t.wait_for(FILTER);
    t.keys(&["Right"]);
    let filtered = t.wait_for("Filter: stage Discover");
    assert!(
        gap_rows(&filtered) < all_rows,
        "the stage filter narrows the list:\n{}",
        framed(&filtered)
    );
    t.keys(&["Enter"]);
    let closed = t.wait_gone(FILTER);
    assert!(
        closed.contains("Filter: stage Discover"),
        "the filter stays after closing the panel:\n{}",
        framed(&closed)
    );
    t.keys(&["Escape"]);
    t.wait_until("Esc to clear the filter", DEADLINE, |s| {
        !s.contains("Filter:") && gap_rows(s) == all_rows
    });

    // Too small, just too small, just big enough, and back.
    t.resize(20, 5);
    t.wait_for("too small");
    // A 1x1 window shows one letter of the notice; then it still runs.
    t.resize(1, 1);
    t.wait_until("a 1x1 screen", DEADLINE, |s| s.trim() == "T");
    t.resize(20, 5);
    t.wait_for("20x5, need 60x15");
    t.resize(59, 15);
    t.wait_for("59x15, need 60x15");
    t.resize(60, 15);
    t.wait_until("the Gaps view at 60x15", DEADLINE, |s| {
        s.contains(GAPS) && !s.contains("too small")
    });
    t.resize(100, 30);
    let back = t.wait_until("the Gaps view at 100x30", DEADLINE, |s| {
        s.contains(GAPS) && gap_rows(s) == all_rows
    });
    assert!(!back.contains("too small"), "{}", framed(&back));

    // q leaves; the shell and the terminal are as they were.
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0, "q exits 0");
    t.assert_sane(&baseline);
    assert_eq!(t.run("echo done-$((40+2))"), 0);
    t.wait_until("the shell to echo", DEADLINE, |s| {
        s.lines().any(|l| l.trim() == "done-42")
    });
}

/// 80x24 without colour and with ASCII symbols, asked for by flags or
/// chosen because the locale is not UTF-8; the corridor scrolls by stage.
#[test]
fn ascii_and_no_colour_at_80x24() {
    let Some(t) = Session::start("ascii", 80, 24) else {
        return;
    };
    copy_journeys(t.path());

    // Flags, in a UTF-8 locale.
    let done = t.shell("\"$CORRIDOR\" --ascii --no-color");
    let screen = t.wait_for(CORRIDOR);
    check_ascii_corridor(&t, &screen);
    assert!(
        !has_colour(&t.styled_screen()),
        "--no-color draws no colour:\n{}",
        t.styled_screen().escape_debug()
    );
    // Bold and reverse video still mark headings and the selection.
    assert!(
        t.styled_screen().contains("\u{1b}[1;7m"),
        "the selection shows"
    );
    scroll_stages(&t);
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);

    // A locale that is not UTF-8 chooses ASCII by itself; colour stays.
    let done = t.shell("LANG=C \"$CORRIDOR\"");
    let screen = t.wait_for(CORRIDOR);
    check_ascii_corridor(&t, &screen);
    assert!(has_colour(&t.styled_screen()), "colour is on by default");
    scroll_stages(&t);
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);

    // NO_COLOR turns colour off; in UTF-8 the symbols are Unicode.
    let done = t.shell("NO_COLOR=1 \"$CORRIDOR\"");
    let screen = t.wait_for(CORRIDOR);
    assert!(
        screen.contains('▼') && screen.contains('│'),
        "Unicode symbols in a UTF-8 locale:\n{}",
        framed(&screen)
    );
    assert!(!has_colour(&t.styled_screen()), "NO_COLOR draws no colour");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
}

fn check_ascii_corridor(t: &Session, screen: &str) {
    let bad = non_ascii(screen);
    assert!(
        bad.is_empty(),
        "non-ASCII in ASCII mode:\n{}\nthe screen:\n{}",
        bad.join("\n"),
        framed(screen)
    );
    assert!(
        screen.contains("vv -2"),
        "critical gaps as vv:\n{}",
        framed(screen)
    );
    assert!(
        screen.contains("v -1"),
        "shortfalls as v:\n{}",
        framed(screen)
    );
    assert!(
        screen.contains(" |"),
        "columns ruled with |:\n{}",
        framed(screen)
    );
    assert!(
        screen.contains("* "),
        "moments of truth as *:\n{}",
        framed(screen)
    );
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines.len(), 24, "the pane is 24 rows");
    assert!(
        lines[23].contains("? help") && lines[23].contains("q quit"),
        "the hint bar is the last line: {:?}",
        lines[23]
    );
    assert_eq!(t.display("#{alternate_on}"), "1");
}

/// At 80 columns three stages show; `l` brings the fourth into view.
fn scroll_stages(t: &Session) {
    let screen = t.screen();
    assert!(
        screen.contains("Discover (buy)") && !screen.contains("Kickoff"),
        "the first stages show, Kickoff does not:\n{}",
        framed(&screen)
    );
    t.keys(&["l", "l", "l"]);
    let moved = t.wait_for("Kickoff (own)");
    assert!(
        moved.contains("< Evaluate"),
        "the corridor scrolled past Discover:\n{}",
        framed(&moved)
    );
}

/// ASCII mode draws nothing but ASCII anywhere: every view, help, and the
/// full detail of a touchpoint whose notes span two lines (once `↵`, the
/// Curve's `│` axes and `•` markers, and `·` in Actions headings slipped
/// through).
#[test]
fn ascii_mode_is_ascii_in_every_view() {
    let Some(t) = Session::start("ascii-all", 100, 30) else {
        return;
    };
    copy_journeys(t.path());
    let done = t.shell("LANG=C \"$CORRIDOR\"");
    t.wait_for(CORRIDOR);
    let mut bad = Vec::new();
    let mut look = |name: &str, screen: String| {
        for line in non_ascii(&screen) {
            bad.push(format!("{name}: {line}"));
        }
    };
    // The Evaluate stage's first touchpoint has notes over two lines.
    t.keys(&["l", "Enter"]);
    look("detail", t.wait_for(DETAIL));
    t.keys(&["Escape"]);
    t.wait_gone(DETAIL);
    for (key, marker) in [
        ("2", GAPS),
        ("3", OWNERS),
        ("5", ACTIONS),
        ("6", JOURNEYS_VIEW),
    ] {
        t.keys(&[key]);
        look(marker, t.wait_for(marker));
    }
    t.keys(&["4"]);
    look("curve", t.wait_until("the Curve view", DEADLINE, is_curve));
    t.keys(&["?"]);
    look("help", t.wait_for(HELP));
    t.keys(&["Escape"]);
    t.wait_gone(HELP);
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
    assert!(
        bad.is_empty(),
        "non-ASCII in ASCII mode:\n{}",
        bad.join("\n")
    );
}

/// A journey whose every text field holds terminal escape sequences and
/// bidi controls, written as TOML escapes.
const HOSTILE: &str = r#"schema = 1
title = "Hostile \u001b]0;PWNED\u0007 journey \u202e reversed"
persona = "Persona \u001b[2J\u001b[H cleared"
promise = "Promise \u001b]2;PWNED\u001b\\ kept"
description = "Description \u009b2J \u2066 isolated"

[[stages]]
id = "first"
name = "First \u001b]2;PWNED\u001b\\ stage"
phase = "buy"

[[stages]]
id = "second"
name = "Second \u009b2J \u2066 stage"
phase = "own"

[[departments]]
id = "ops"
name = "Ops \u001b[?1049l dept"
lead = "Lead \u001b]0;PWNED\u0007"

[[partners]]
id = "courier"
name = "Courier \u001b]0;PWNED\u0007 ltd"
role = "Role \u202e"

[[touchpoints]]
id = "door"
stage = "first"
name = "Door \u001b]0;PWNED\u0007 step"
channel = "web \u001b[2J"
owner = "ops"
partner = "courier"
moment_of_truth = true
expectation = "Expectation \u001b]2;PWNED\u001b\\ \u202e"
expected = 4
experience = "Experience \u001b[2J\u001b[H \u009b2J"
actual = 1
emotion = -2
evidence = ["Evidence \u001b[?1049l", "More \u2066 \u001b]0;PWNED\u0007"]
metrics = { "m\u001b[2J" = 1 }
notes = "Notes \u001b]0;PWNED\u0007\nsecond line \u001b[?1049l"

[[touchpoints]]
id = "invoice"
stage = "second"
name = "Invoice \u009b2J \u2066 \u001b[?1049l"
channel = "email"
owner = "ops"
expectation = "Plain"
expected = 3
experience = "Plain \u001b[2J"
actual = 2
emotion = 0

[[actions]]
id = "fix"
touchpoint = "door"
title = "Fix \u001b]0;PWNED\u0007 \u001b[2J now \u202e"
owner = "ops"
status = "open"
due = 2026-01-01
"#;

/// Characters a terminal would act on, which must never reach the screen.
const LIVE: [char; 6] = ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{0}'];

#[test]
fn hostile_text_is_shown_inert() {
    let Some(t) = Session::start("hostile", 100, 30) else {
        return;
    };
    fs::write(t.path().join("hostile.toml"), HOSTILE).expect("write the journey");

    // tmux does honour title changes from the pane, so the check below can fail.
    assert_eq!(t.run("printf '\\033]2;probe\\033\\\\'"), 0);
    t.wait_display("#{pane_title}", "probe");
    t.tmux(&["select-pane", "-t", SESSION, "-T", "original-title"]);
    t.wait_display("#{pane_title}", "original-title");
    assert_eq!(t.run("echo MARKER-BEFORE"), 0);

    let done = t.shell("\"$CORRIDOR\" hostile.toml");
    let check = |what: &str, screen: &str| {
        assert_eq!(
            t.display("#{pane_title}"),
            "original-title",
            "{what}: the pane title changed; the screen:\n{}",
            framed(screen)
        );
        assert_eq!(
            t.display("#{alternate_on}"),
            "1",
            "{what}: left the alternate screen; the screen:\n{}",
            framed(screen)
        );
        // Popups may cover the title bar; help shows no file text.
        assert!(
            what == "help" || (screen.contains("^[]0;PWNED^G") && screen.contains("<U+202E>")),
            "{what}: placeholders in the title bar:\n{}",
            framed(screen)
        );
        assert!(
            !screen.contains(LIVE),
            "{what}: a live control character reached the screen:\n{}",
            framed(screen).escape_debug()
        );
    };

    let screen = t.wait_for(CORRIDOR);
    check("corridor", &screen);
    for text in [
        "First ^[]2;PWNED^[\\ stage",
        "<U+009B>2J",
        "<U+2066>",
        "Ops ^[[?1049l dept",
    ] {
        assert!(
            screen.contains(text),
            "{text:?} shown:\n{}",
            framed(&screen)
        );
    }
    t.keys(&["Enter"]);
    let detail = t.wait_for(DETAIL);
    check("detail", &detail);
    for text in [
        "Expected: Expectation ^[]2;PWNED^[\\ <U+202E>",
        "Experience: Experience ^[[2J^[[H <U+009B>2J",
        "Evidence ^[[?1049l",
        "Notes: Notes ^[]0;PWNED^G",
        "Fix ^[]0;PWNED^G ^[[2J now <U+202E>",
    ] {
        assert!(
            detail.contains(text),
            "{text:?} shown:\n{}",
            framed(&detail)
        );
    }
    t.keys(&["j"]);
    check("next detail", &t.wait_for("Invoice <U+009B>2J"));
    t.keys(&["Escape"]);
    check("corridor again", &t.wait_gone(DETAIL));

    t.keys(&["2"]);
    check("gaps", &t.wait_for(GAPS));
    t.keys(&["Enter"]);
    check("gaps detail", &t.wait_for(DETAIL));
    t.keys(&["Escape"]);
    t.wait_gone(DETAIL);
    t.keys(&["3"]);
    check("owners", &t.wait_for(OWNERS));
    t.keys(&["4"]);
    check("curve", &t.wait_until("the Curve view", DEADLINE, is_curve));
    t.keys(&["5"]);
    check("actions", &t.wait_for(ACTIONS));
    t.keys(&["j", "Enter"]);
    check("action detail", &t.wait_for(DETAIL));
    t.keys(&["Escape"]);
    t.wait_gone(DETAIL);
    t.keys(&["6"]);
    check("journeys", &t.wait_for(JOURNEYS_VIEW));
    t.keys(&["?"]);
    check("help", &t.wait_for(HELP));
    t.keys(&["Escape"]);
    t.wait_gone(HELP);

    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
    let after = t.screen();
    assert!(
        after.lines().any(|l| l.trim_end() == "MARKER-BEFORE"),
        "the shell's screen was kept:\n{}",
        framed(&after)
    );
    assert!(
        !after.contains("PWNED"),
        "nothing leaked to the shell:\n{}",
        framed(&after)
    );
    assert_eq!(t.display("#{pane_title}"), "original-title");
}

/// SIGTERM and SIGHUP end the workbench with 128+signal and a sane terminal.
#[test]
fn signals_restore_the_terminal() {
    let Some(t) = Session::start("signals", 100, 30) else {
        return;
    };
    copy_journeys(t.path());
    let baseline = t.stty_flags();
    for (sig, code) in [("TERM", 143), ("HUP", 129)] {
        let done = t.shell("\"$CORRIDOR\"");
        t.wait_for(CORRIDOR);
        let pid = t.child("corridor");
        let sent = Instant::now();
        signal(pid, sig);
        let rc = t.wait_done(&done, Duration::from_secs(2));
        let took = sent.elapsed();
        assert_eq!(rc, code, "SIG{sig} exit status");
        assert!(
            took < Duration::from_secs(2),
            "SIG{sig}: prompt after {took:?}"
        );
        assert!(!alive(pid), "SIG{sig}: the process is gone");
        t.assert_sane(&baseline);
    }
}

/// Without an interactive terminal the workbench refuses, pointing at
/// `corridor show`, and writes nothing to stdout.
#[test]
fn needs_an_interactive_terminal() {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    copy_journeys(dir.path());
    for term in ["xterm-256color", "dumb"] {
        let out = Command::new(BIN)
            .current_dir(dir.path())
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("TERM", term)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("run corridor");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "TERM={term}: {stderr}");
        assert!(stderr.contains("corridor show"), "TERM={term}: {stderr}");
        assert!(out.stdout.is_empty(), "TERM={term}: nothing on stdout");
    }

    // In a real terminal: TERM=dumb, and stdout redirected to a file.
    let Some(t) = Session::start("no-tty", 160, 30) else {
        return;
    };
    copy_journeys(t.path());
    assert_eq!(t.run("TERM=dumb \"$CORRIDOR\""), 2, "TERM=dumb");
    assert_eq!(t.run("\"$CORRIDOR\" > out.txt"), 2, "stdout to a file");
    let screen = t.screen();
    assert_eq!(
        screen
            .matches("for text output use `corridor show FILE`")
            .count(),
        2,
        "both explain why:\n{}",
        framed(&screen)
    );
    let written = fs::read(t.path().join("out.txt")).expect("read out.txt");
    assert!(
        written.is_empty(),
        "stdout got {:?}",
        String::from_utf8_lossy(&written)
    );
    assert_eq!(t.display("#{alternate_on}"), "0");
}

/// A broken journey beside a valid one: listed with its error, the
/// workbench carries on, the valid one opens; fixing and `r` reloads.
#[test]
fn broken_journey_beside_a_valid_one() {
    let Some(t) = Session::start("broken", 100, 30) else {
        return;
    };
    let folder = t.path().join("journeys");
    fs::create_dir_all(&folder).expect("create journeys folder");
    fs::copy(
        Path::new(JOURNEYS).join("online-order-courier.toml"),
        folder.join("online-order-courier.toml"),
    )
    .expect("copy a journey");
    fs::write(
        folder.join("broken.toml"),
        "schema = 1\ntitle = \"Broken\"\nthis is = not toml\n",
    )
    .expect("write the broken journey");

    let done = t.shell("\"$CORRIDOR\"");
    let screen = t.wait_for(CORRIDOR);
    assert!(
        screen.contains("Online order with courier"),
        "{}",
        framed(&screen)
    );
    t.keys(&["6"]);
    let list = t.wait_for(JOURNEYS_VIEW);
    let broken = list
        .lines()
        .find(|l| l.contains("broken.toml"))
        .unwrap_or_else(|| panic!("broken.toml listed:\n{}", framed(&list)));
    assert!(
        broken.contains("broken.toml:3:"),
        "the error names FILE:LINE:COL: {broken:?}"
    );
    assert!(list.contains("online-order-co"), "{}", framed(&list));

    // Enter on the broken file explains and stays.
    let rows: Vec<&str> = list
        .lines()
        .skip_while(|l| !l.contains(JOURNEYS_VIEW))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 2, "two rows:\n{}", framed(&list));
    let broken_row = rows
        .iter()
        .position(|l| l.contains("broken.toml"))
        .expect("a row for broken.toml");
    // The selection starts on the open journey, the valid one.
    let (to_broken, to_valid) = if broken_row == 0 {
        ("Up", "Down")
    } else {
        ("Down", "Up")
    };
    t.keys(&[to_broken, "Enter"]);
    // The status line carries the file's first error.
    let said = t.wait_for("(fix it, then press r)");
    assert!(said.contains("broken.toml:"), "{}", framed(&said));
    assert!(
        said.contains(JOURNEYS_VIEW),
        "still in Journeys:\n{}",
        framed(&said)
    );
    assert_eq!(t.display("#{alternate_on}"), "1", "still running");

    // Enter on the valid one opens its corridor.
    t.keys(&[to_valid, "Enter"]);
    let opened = t.wait_for(CORRIDOR);
    assert!(
        opened.contains("Online order with courier") && opened.contains("19 touchpoints"),
        "{}",
        framed(&opened)
    );

    // Fix the file; r reads it again.
    fs::write(
        folder.join("broken.toml"),
        fs::read_to_string(Path::new(JOURNEYS).join("subscription-renewal.toml"))
            .expect("read a journey"),
    )
    .expect("fix the broken journey");
    t.keys(&["r"]);
    t.wait_for("reloaded 2 journeys");
    t.keys(&["6"]);
    let list = t.wait_for(JOURNEYS_VIEW);
    assert!(!list.contains("broken.toml:3:"), "{}", framed(&list));
    assert!(list.contains("Subscription renewal"), "{}", framed(&list));

    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
}

#[test]
fn capture_scores_then_save_changes_only_those_lines() {
    let Some(t) = Session::start("capture", 100, 30) else {
        return;
    };
    let repo = t.path().join("repo");
    fs::create_dir_all(&repo).expect("create repo");
    fs::copy(
        Path::new(JOURNEYS).join("online-order-courier.toml"),
        repo.join("journey.toml"),
    )
    .expect("copy a journey");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args([
                "-c",
                "user.name=e2e",
                "-c",
                "user.email=e2e@example.invalid",
            ])
            .args(args)
            .current_dir(&repo)
            .status()
            .expect("run git");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "journey.toml"]);
    git(&["commit", "-q", "-m", "start"]);

    let done = t.shell("cd repo && \"$CORRIDOR\" journey.toml");
    t.wait_for(CORRIDOR);
    // The first touchpoint of the corridor is selected: x, expected, actual.
    t.keys(&["x"]);
    t.wait_for("1-5 score");
    t.keys(&["5"]);
    t.wait_for("expected 5");
    t.keys(&["1"]);
    let screen = t.wait_for("5 -> 1");
    assert!(screen.contains("[modified]"), "{}", framed(&screen));
    t.keys(&["Escape"]);
    t.wait_gone("1-5 score");
    t.keys(&["s"]);
    let saved = t.wait_for("saved journey.toml");
    assert!(!saved.contains("[modified]"), "{}", framed(&saved));
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0, "q exits 0");

    let numstat = Command::new("git")
        .args(["diff", "--numstat"])
        .current_dir(&repo)
        .output()
        .expect("git diff");
    let numstat = String::from_utf8_lossy(&numstat.stdout).into_owned();
    assert_eq!(
        numstat.trim(),
        "2\t2\tjourney.toml",
        "two score lines changed"
    );
    let text = fs::read_to_string(repo.join("journey.toml")).expect("read");
    assert!(
        text.contains("# Touchpoints, in corridor order"),
        "comments kept"
    );
}

#[test]
fn quitting_with_unsaved_scores_asks_first() {
    let Some(t) = Session::start("unsaved", 100, 30) else {
        return;
    };
    let folder = copy_journeys(t.path());
    let before = fs::read_to_string(folder.join("b2b-onboarding.toml")).expect("read");
    let done = t.shell("\"$CORRIDOR\"");
    t.wait_for(CORRIDOR);
    t.keys(&["x"]);
    t.wait_for("1-5 score");
    t.keys(&["2"]);
    t.wait_for("expected 2");
    t.keys(&["Escape"]);
    t.wait_gone("1-5 score");
    t.keys(&["q"]);
    t.wait_for("Unsaved changes");
    t.keys(&["Escape"]);
    t.wait_gone("Unsaved changes");
    t.keys(&["u"]);
    t.wait_for("undone");
    t.keys(&["q"]);
    assert_eq!(
        t.wait_done(&done, DEADLINE),
        0,
        "nothing unsaved after undo"
    );
    let after = fs::read_to_string(folder.join("b2b-onboarding.toml")).expect("read");
    assert_eq!(before, after, "nothing was written");
}

#[test]
fn editing_a_field_keeps_the_comments_of_the_file() {
    let Some(t) = Session::start("form", 100, 30) else {
        return;
    };
    let (_, path, before) = one_journey(&t);
    let done = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for(CORRIDOR);
    t.keys(&["e"]);
    t.wait_for("Edit touchpoint instagram-reel");
    // id, stage, name, channel: channel is the fourth field.
    t.keys(&["Down", "Down", "Down", "Enter"]);
    t.wait_for("Ctrl-u clear");
    for _ in 0.."social".len() {
        t.keys(&["BSpace"]);
    }
    t.type_text("tiktok");
    t.keys(&["Enter"]);
    t.wait_for("tiktok");
    t.keys(&["Escape"]);
    t.wait_gone("Edit touchpoint instagram-reel");
    t.keys(&["s"]);
    t.wait_for("saved journey.toml");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
    let after = fs::read_to_string(&path).expect("read");
    assert_eq!(
        after,
        before.replacen("channel = \"social\"", "channel = \"tiktok\"", 1),
        "one line changed, every comment kept"
    );
}

#[test]
fn a_dropped_link_loses_no_edit() {
    let Some(t) = Session::start("recover", 100, 30) else {
        return;
    };
    let (_, path, before) = one_journey(&t);

    let done = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for(CORRIDOR);
    t.keys(&["x"]);
    t.wait_for("1-5 score");
    t.keys(&["5"]);
    t.wait_for("expected 5");
    t.keys(&["1"]);
    t.wait_for("5 -> 1");
    signal(t.child("corridor"), "HUP");
    assert_eq!(t.wait_done(&done, DEADLINE), 129, "SIGHUP exits 129");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        before,
        "recovery never writes the journey itself"
    );

    let again = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for("Recovery");
    t.keys(&["v"]);
    let offer = t.wait_for("expected: 2 -> 5");
    assert!(offer.contains("actual: 4 -> 1"), "{}", framed(&offer));
    t.keys(&["r"]);
    let recovered = t.wait_for("recovered unsaved edits");
    assert!(recovered.contains("5 -> 1"), "{}", framed(&recovered));
    t.keys(&["s"]);
    t.wait_for("saved journey.toml");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&again, DEADLINE), 0);
    let after = fs::read_to_string(&path).expect("read");
    assert_eq!(
        after,
        before
            .replacen(
                "expected = 2\nexperience = \"A styled reel",
                "expected = 5\nexperience = \"A styled reel",
                1
            )
            .replacen(
                "actual = 4\nemotion = 1\nmetrics = { ctr",
                "actual = 1\nemotion = 1\nmetrics = { ctr",
                1
            ),
    );
}

#[test]
fn another_writers_change_is_never_overwritten() {
    let Some(t) = Session::start("writers", 100, 30) else {
        return;
    };
    let (folder, path, original) = one_journey(&t);
    let done = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for(CORRIDOR);

    // With nothing unsaved, a change on disk is reloaded in place.
    let pulled = original.replacen("expected = 2\n", "expected = 3\n", 1);
    fs::write(&path, &pulled).expect("other writer");
    let screen = t.wait_for("changed on disk: reloaded");
    assert!(screen.contains("3 -> 4"), "{}", framed(&screen));

    // With unsaved edits, the other writer's change is merged in at once
    // and the save writes both.
    t.keys(&["x"]);
    t.wait_for("1-5 score");
    t.keys(&["5"]);
    t.wait_for("expected 5");
    t.keys(&["Escape"]);
    t.wait_gone("1-5 score");
    let theirs = pulled.replacen("channel = \"social\"", "channel = \"tiktok\"", 1);
    fs::write(&path, &theirs).expect("other writer");
    let merged = t.wait_for("was saved elsewhere: merged in");
    assert!(merged.contains("tiktok"), "{}", framed(&merged));
    t.keys(&["s"]);
    t.wait_for("saved journey.toml");
    let both = theirs.replacen(
        "expected = 3\nexperience = \"A styled reel",
        "expected = 5\nexperience = \"A styled reel",
        1,
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), both);

    // A file that no longer reads as a journey is never overwritten: the
    // edits can go to a copy beside it.
    t.keys(&["x"]);
    t.wait_for("1-5 score");
    t.keys(&["4"]);
    t.wait_for("expected 4");
    t.keys(&["Escape"]);
    t.wait_gone("1-5 score");
    let broken = format!("{both}\n[[touchpoints]]\nid = \"half-written\n");
    fs::write(&path, &broken).expect("other writer");
    t.wait_for("cannot be read as a journey");
    t.keys(&["s"]);
    t.wait_for("Changed on disk by someone else");
    t.keys(&["c"]);
    t.wait_for("journey.mine.toml");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        broken,
        "theirs kept"
    );
    let mine = fs::read_to_string(folder.join("journey.mine.toml")).expect("copy");
    assert!(mine.contains("expected = 4"), "{mine}");
    t.keys(&["q"]);
    t.wait_for("Unsaved changes");
    t.keys(&["d"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
    assert_eq!(fs::read_to_string(&path).expect("read"), broken);
}
