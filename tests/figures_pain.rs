//! Figures that never hide pain: one word per figure, a department with any
//! touchpoint below expectation never reads as neutral, overdue work and
//! work done on a gap that is still open are named everywhere.

mod support;

use corridor::model::Date;
use corridor::tui::action::Action;
use corridor::tui::effects::read_entries;
use corridor::tui::state::{AppState, Options, View};
use corridor::tui::ui::render;
use corridor::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::Sandbox;

/// Billing: two touchpoints one point short and one delight of +2, a mean
/// gap of exactly 0. Its only action is done while one gap is critical
/// elsewhere; Support's action is long overdue.
const JOURNEY: &str = r#"schema = 1
title = "Billing"

[[stages]]
id = "bill"
name = "Bill"

[[departments]]
id = "billing"
name = "Billing"

[[departments]]
id = "support"
name = "Support"

[[touchpoints]]
id = "invoice"
stage = "bill"
name = "Reads the invoice"
owner = "billing"
expected = 4
actual = 3

[[touchpoints]]
id = "direct-debit"
stage = "bill"
name = "Sets up direct debit"
owner = "billing"
expected = 4
actual = 3

[[touchpoints]]
id = "refund"
stage = "bill"
name = "Gets a refund"
owner = "billing"
expected = 2
actual = 4

[[touchpoints]]
id = "dispute"
stage = "bill"
name = "Disputes a charge"
owner = "support"
expected = 4
actual = 1

[[actions]]
id = "rewrite-invoice"
touchpoint = "invoice"
title = "Rewrite the invoice"
owner = "billing"
status = "done"

[[actions]]
id = "dispute-script"
touchpoint = "dispute"
title = "Dispute script"
owner = "support"
status = "done"

[[actions]]
id = "dispute-callback"
touchpoint = "dispute"
title = "Call back within a day"
owner = "support"
status = "done"
due = 2025-11-01

[[actions]]
id = "debit-form"
touchpoint = "direct-debit"
title = "Shorter direct debit form"
owner = "billing"
status = "doing"
due = 2025-12-01
"#;

fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("billing.toml", JOURNEY);
    sandbox
}

#[test]
fn a_department_below_expectation_never_reads_neutral() {
    let sandbox = sandbox();
    let shown = sandbox.corridor(&["show", "billing.toml", "--width", "100"]);
    let billing = shown
        .stdout
        .lines()
        .find(|l| l.contains("Billing") && l.contains("+0.00"))
        .expect("Billing's row");
    // The row leads with debt and below expectation and carries the
    // shortfall mark, even with a mean gap of +0.00.
    assert!(billing.trim_start().starts_with("▼ "), "{billing:?}");
    let numbers: Vec<&str> = billing.split_whitespace().skip(2).collect();
    assert_eq!(numbers[..3], ["-2", "2", "0"], "debt, below, critical");
    // The word `Short` means one thing: gaps of exactly -1.
    let header = shown
        .stdout
        .lines()
        .find(|l| l.starts_with(' ') && l.contains("Department"))
        .expect("header");
    assert!(
        header.contains("Debt") && header.contains("Below"),
        "{header}"
    );
    assert!(!header.contains("Short"), "{header}");

    let json = sandbox.corridor(&["report", "billing.toml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let first = &value["departments"][0];
    assert_eq!(first["id"], "support", "most indebted first");
    let billing = &value["departments"][1]["figures"];
    assert_eq!(billing["mean_gap"], 0.0);
    assert_eq!(billing["experience_debt"], -2);
    assert_eq!(billing["below_expectation"], 2);
}

#[test]
fn overdue_and_done_but_open_work_is_flagged() {
    let sandbox = sandbox();
    let check = sandbox.corridor(&["check", "billing.toml"]);
    // Today is 2026-01-15 in tests.
    assert!(
        check.stdout.contains(
            "warning: action `debit-form` for touchpoint `direct-debit` is overdue: due 2025-12-01, 45 days ago, still doing"
        ),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(
            "warning: critical gap at `dispute` (-3) is still recorded but every action on it is done"
        ),
        "{}",
        check.stdout
    );
    assert!(
        !check.stdout.contains("`dispute-callback`"),
        "done is never overdue"
    );

    let shown = sandbox.corridor(&["show", "billing.toml"]);
    assert!(
        shown.stdout.contains("Gaps nobody works on"),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains("every action done: measure again"));
    assert!(
        shown.stdout.contains("overdue by 45 days"),
        "{}",
        shown.stdout
    );

    let md = sandbox.corridor(&["report", "billing.toml"]).stdout;
    assert!(md.contains("overdue by 45 days"), "{md}");
    assert!(md.contains("every action done, gap still recorded"), "{md}");
}

#[test]
fn the_actions_view_lists_done_but_open_gaps_and_marks_late_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("billing.toml");
    std::fs::write(&path, JOURNEY).expect("write");
    let (folder, entries) = read_entries(&path).expect("read");
    let options = Options {
        color: false,
        ascii: false,
        read_only: true,
        mouse: false,
        today: Date::new(2026, 1, 15).expect("date"),
    };
    let mut state = AppState::new(folder, entries, options);
    update(&mut state, Action::Resize(80, 24));
    update(&mut state, Action::Show(View::Actions));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| render(&state, f)).expect("draw");
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    let nobody = screen.find("Gaps nobody works on").expect("heading");
    let dispute = screen
        .find("all done: measure again")
        .expect("dispute listed");
    assert!(dispute > nobody, "{screen}");
    assert!(screen.contains("45d late"), "{screen}");
}

#[test]
fn a_narrow_show_keeps_every_figure_of_the_summary() {
    let sandbox = sandbox();
    let shown = sandbox.corridor(&["show", "billing.toml", "--width", "60", "--no-color"]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    let lines: Vec<&str> = shown.stdout.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains(" scored; "))
        .expect("the summary");
    let end = lines[start..]
        .iter()
        .position(|l| l.starts_with('─'))
        .map(|n| start + n)
        .expect("the rule under the summary");
    let summary = lines[start..end].join(" ");
    for figure in [
        "experience debt",
        "below expectation",
        "critical",
        "shortfall",
    ] {
        assert!(summary.contains(figure), "{figure} missing: {summary}");
    }
    assert!(!summary.contains('…'), "{summary}");
}

/// Every line of `show --width N` fits in N columns for the sample,
/// blueprint and measured journeys, at the narrowest width and wider.
#[test]
fn show_fits_its_width_for_every_fixture() {
    use unicode_width::UnicodeWidthStr;
    let sandbox = Sandbox::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for folder in ["samples", "blueprint", "measure"] {
        for entry in std::fs::read_dir(root.join(folder))
            .expect("fixtures")
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "toml") {
                let name = format!("{folder}-{}", entry.file_name().to_string_lossy());
                sandbox.write(&name, &std::fs::read_to_string(&path).expect("read"));
                files.push(name);
            }
        }
    }
    files.push("billing.toml".into());
    sandbox.write("billing.toml", JOURNEY);
    for file in &files {
        for width in ["60", "73", "80", "120"] {
            for ascii in [false, true] {
                let mut args = vec!["show", file.as_str(), "--width", width, "--no-color"];
                if ascii {
                    args.push("--ascii");
                }
                let shown = sandbox.corridor(&args);
                assert_eq!(shown.code, 0, "{args:?}: {}", shown.stderr);
                let columns: usize = width.parse().expect("width");
                let wide: Vec<&str> = shown
                    .stdout
                    .lines()
                    .filter(|l| UnicodeWidthStr::width(*l) > columns)
                    .collect();
                assert!(wide.is_empty(), "{args:?}:\n{}", wide.join("\n"));
            }
        }
    }
}
