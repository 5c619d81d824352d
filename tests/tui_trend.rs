//! The Trend view: an insta snapshot of a journey's debt over its commits
//! and one touchpoint's gap, metric values and action events; the same
//! outside a git work tree (it says so and shows nothing else); and the
//! real binary in tmux on a temporary git repository.

mod support;

use std::path::Path;
use std::time::Duration;

use corridor::analysis::history::{Commit, Revision, history};
use corridor::store::parse_journey;
use corridor::tui::action::Action;
use corridor::tui::effects::read_entries;
use corridor::tui::state::{AppState, Options, View};
use corridor::tui::trend::Trend;
use corridor::tui::ui::render;
use corridor::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::tmux::{Session, framed};

const MEASURED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/measure/measured.toml"
);

const OPTIONS: Options = Options {
    today: corridor::model::Date {
        year: 2026,
        month: 1,
        day: 15,
    },
    color: false,
    ascii: false,
    read_only: false,
    mouse: false,
};

/// The measured journey as it was at four commits: the workshop, the kit
/// action done, a broken commit, and the engineer visit remeasured.
fn revisions() -> Vec<Revision> {
    let text = std::fs::read_to_string(MEASURED).expect("fixture");
    let done = text.replace("status = \"doing\"", "status = \"done\"");
    let remeasured = done
        .replace("expected = 5\nactual = 2", "expected = 5\nactual = 4")
        .replace("first_time_fix = 0.61", "first_time_fix = 0.88");
    let versions = [
        ("a1b2c3d", "2026-01-05", "Workshop", text.as_str()),
        ("b2c3d4e", "2026-02-02", "Kit fixed", done.as_str()),
        ("c3d4e5f", "2026-03-01", "Half a merge", "broken = ["),
        ("d4e5f60", "2026-04-01", "Remeasured", remeasured.as_str()),
    ];
    versions
        .iter()
        .enumerate()
        .map(|(at, (id, date, subject, text))| Revision {
            info: Commit {
                id: (*id).into(),
                date: (*date).into(),
                subject: (*subject).into(),
                at,
            },
            journey: parse_journey(text)
                .journey
                .ok_or_else(|| "1:9: invalid TOML".to_owned()),
        })
        .collect()
}

fn screen(state: &AppState, size: (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
    terminal.draw(|f| render(state, f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn trend_state(trend: impl FnOnce(&Path) -> Trend) -> AppState {
    let (folder, entries) = read_entries(Path::new(MEASURED)).expect("journey");
    let mut state = AppState::new(folder, entries, OPTIONS);
    update(&mut state, Action::Resize(100, 30));
    state.trend = trend(&state.entries[0].path.clone());
    update(&mut state, Action::Show(View::Trend));
    state
}

#[test]
fn trend_view_snapshot() {
    let mut state = trend_state(|path| Trend::Read {
        path: path.to_path_buf(),
        history: Box::new(history(&revisions())),
    });
    // The engineer visit, second in the corridor.
    update(&mut state, Action::Down);
    insta::assert_snapshot!("trend", screen(&state, (100, 30)));
}

#[test]
fn outside_git_the_trend_view_says_so() {
    let state = trend_state(|path| Trend::NotGit {
        path: path.to_path_buf(),
    });
    let text = screen(&state, (80, 24));
    assert!(text.contains("Not in a git work tree"), "{text}");
    insta::assert_snapshot!("trend_not_git", text);
}

/// The binary in a terminal: outside git the view says so; after two
/// commits it draws the debt and the selected touchpoint's gap going from
/// -3 to -1.
#[test]
fn trend_view_in_tmux() {
    let Some(t) = Session::start("trend", 100, 30) else {
        return;
    };
    let journeys = t.path().join("journeys");
    std::fs::create_dir_all(&journeys).expect("folder");
    std::fs::copy(MEASURED, journeys.join("install.toml")).expect("copy");
    let done = t.shell("\"$CORRIDOR\" journeys/install.toml");
    t.wait_for("Detail (Enter: full screen)");
    t.keys(&["7"]);
    t.wait_for("Not in a git work tree");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, Duration::from_secs(10)), 0);

    let git = "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git -c user.name=T -c user.email=t@example.com -c init.defaultBranch=main -c commit.gpgsign=false";
    assert_eq!(t.run(&format!("{git} init -q")), 0);
    assert_eq!(
        t.run(&format!(
            "{git} add -A && {git} commit -q -m Workshop --date 2026-01-05T12:00:00"
        )),
        0
    );
    assert_eq!(
        t.run(
            "\"$CORRIDOR\" set journeys/install.toml engineer-visit.actual=4 fix-kit.status=done"
        ),
        0
    );
    assert_eq!(
        t.run(&format!(
            "{git} commit -q -a -m Remeasured --date 2026-02-05T12:00:00"
        )),
        0
    );
    let done = t.shell("\"$CORRIDOR\" journeys/install.toml");
    t.wait_for("Detail (Enter: full screen)");
    t.keys(&["7"]);
    let screen = t.wait_for("Experience debt per commit: -4 -> -2");
    assert!(screen.contains(" 7 Trend"), "tab bar:\n{}", framed(&screen));
    assert!(
        screen.contains("2 commits, 2026-01-05 to 2026-02-05 · Debt -4 -> -2"),
        "{}",
        framed(&screen)
    );
    t.keys(&["j"]);
    let screen = t.wait_for("Engineer visit (2/3, j/k)");
    assert!(screen.contains("-3 -> -1"), "{}", framed(&screen));
    assert!(
        screen.contains("action fix-kit: doing -> done"),
        "{}",
        framed(&screen)
    );
    assert!(
        screen.contains("After fix-kit was done: gap -3 -> -1 improved"),
        "{}",
        framed(&screen)
    );
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, Duration::from_secs(10)), 0);
}
