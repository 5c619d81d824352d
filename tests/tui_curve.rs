//! The Curve view on a fixed `TestBackend`: snapshots at 80x24 and 160x45
//! in colour, without colour and in ASCII; the styles that carry meaning
//! (gap colours, debt below and above 0, the selected column); the
//! selection moving along the curve; corridors of 0, 1, 2 and 1,500
//! touchpoints; and no panic at any size.

mod support;

use std::path::{Path, PathBuf};

use corridor::model::GapClass;
use corridor::text::width;
use corridor::tui::action::Action;
use corridor::tui::effects::read_entries;
use corridor::tui::state::{AppState, Options, View};
use corridor::tui::ui::render;
use corridor::tui::ui::theme::Theme;
use corridor::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::options::{ASCII, ASCII_NO_COLOR, COLOR, NO_COLOR};

/// The view's first row under the title and tab bars.
const TOP: u16 = 2;

fn courier() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/curve/online-order-courier.toml")
}

/// The Curve of the journey at `path`, after `moves` more actions.
fn curve(path: &Path, options: Options, size: (u16, u16), moves: &[Action]) -> AppState {
    let (folder, entries) = read_entries(path).expect("journey loads");
    let mut state = AppState::new(folder, entries, options);
    update(&mut state, Action::Resize(size.0, size.1));
    update(&mut state, Action::Show(View::Curve));
    for action in moves {
        update(&mut state, action.clone());
    }
    state
}

fn draw(state: &AppState, size: (u16, u16)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    terminal
        .draw(|frame| render(state, frame))
        .expect("frame draws");
    terminal.backend().buffer().clone()
}

/// One line per row, trailing spaces trimmed, a wide character's second
/// cell left out as a terminal would.
fn text(buffer: &Buffer) -> String {
    let w = usize::from(buffer.area.width).max(1);
    let mut lines = Vec::new();
    for row in buffer.content().chunks(w) {
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

/// The screen row whose text starts with `prefix`.
fn row_starting(buffer: &Buffer, prefix: &str) -> u16 {
    let screen = text(buffer);
    let at = screen.lines().position(|l| l.starts_with(prefix));
    at.unwrap_or_else(|| panic!("no row starts with {prefix:?}:\n{screen}")) as u16
}

/// The rows of the scores plot: under its title, down to the debt title.
fn score_rows(buffer: &Buffer) -> std::ops::Range<u16> {
    row_starting(buffer, "Scores 1-5") + 1..row_starting(buffer, "Experience debt")
}

/// The rows of the debt plot: under its title, down to the emotion row.
fn debt_rows(buffer: &Buffer) -> std::ops::Range<u16> {
    row_starting(buffer, "Experience debt") + 1..row_starting(buffer, "Emotion")
}

fn cells(
    buffer: &Buffer,
    rows: std::ops::Range<u16>,
) -> impl Iterator<Item = (u16, u16, &ratatui::buffer::Cell)> {
    let w = buffer.area.width;
    rows.flat_map(move |y| (0..w).map(move |x| (x, y, &buffer[(x, y)])))
}

#[test]
fn snapshots_at_80x24_and_160x45() {
    // At the start, then with the selection moved onto the worst gap (the
    // tenth touchpoint, a moment of truth).
    let worst: Vec<Action> = std::iter::repeat_n(Action::Right, 9).collect();
    for size in [(80, 24), (160, 45)] {
        for (name, moves) in [("start", &[][..]), ("worst", &worst[..])] {
            let suffix = format!("{name}_{}x{}", size.0, size.1);
            let colour = text(&draw(&curve(&courier(), COLOR, size, moves), size));
            insta::assert_snapshot!(format!("curve_{suffix}"), colour);
            let plain = text(&draw(&curve(&courier(), NO_COLOR, size, moves), size));
            assert_eq!(plain, colour, "{suffix}: no colour draws the same text");

            let buffer = draw(&curve(&courier(), ASCII, size, moves), size);
            let ascii = text(&buffer);
            insta::assert_snapshot!(format!("curve_ascii_{suffix}"), ascii);
            let non_ascii: Vec<&str> = buffer
                .content()
                .iter()
                .map(|c| c.symbol())
                .filter(|s| !s.is_ascii())
                .collect();
            assert!(non_ascii.is_empty(), "{suffix}: non-ASCII {non_ascii:?}");
            let plain = text(&draw(&curve(&courier(), ASCII_NO_COLOR, size, moves), size));
            assert_eq!(plain, ascii, "{suffix}: ASCII without colour is the same");
        }
    }
}

#[test]
fn panels_legends_and_rows_are_labelled() {
    for size in [(80, 24), (160, 45)] {
        for options in [COLOR, ASCII] {
            let buffer = draw(&curve(&courier(), options, size, &[]), size);
            let screen = text(&buffer);
            for label in [
                "Scores 1-5: expected, actual",
                "expected",
                "actual",
                "moment of truth",
                "Experience debt (running sum of negative gaps)",
                "Emotion",
                "Stage",
                "Receive",
                "Worst gap -3",
            ] {
                assert!(screen.contains(label), "{size:?}: {label:?} in\n{screen}");
            }
            // The 0 line of the debt is labelled and runs across the plot.
            let zero = debt_rows(&buffer)
                .find(|&y| {
                    text(&buffer)
                        .lines()
                        .nth(usize::from(y))
                        .is_some_and(|l| l.trim_start().starts_with("0 "))
                })
                .expect("a 0 row in the debt panel");
            let line = if options.ascii { "-" } else { "─" };
            let drawn = (8..size.0)
                .filter(|&x| buffer[(x, zero)].symbol() == line)
                .count();
            assert!(
                drawn > usize::from(size.0) / 2,
                "{size:?}: the 0 line is drawn"
            );
        }
    }
}

#[test]
fn gap_colours_mark_the_points() {
    let size = (160, 45);
    let state = curve(&courier(), COLOR, size, &[]);
    let buffer = draw(&state, size);
    let journey = &state.opened().expect("journey open").journey;
    let count = |class: GapClass| {
        journey
            .touchpoints
            .iter()
            .filter(|t| t.gap_class() == class)
            .count()
    };
    // Every scored touchpoint has an actual marker (● or ★ at a moment of
    // truth) in the colour of its gap class; the critical ones bold.
    let markers: Vec<_> = cells(&buffer, score_rows(&buffer))
        .filter(|(_, _, c)| matches!(c.symbol(), "●" | "★"))
        .map(|(_, _, c)| c.clone())
        .collect();
    for class in [GapClass::Critical, GapClass::Shortfall, GapClass::Exceeded] {
        let coloured = markers
            .iter()
            .filter(|c| c.fg == Theme::class_color(class))
            .count();
        assert_eq!(coloured, count(class), "{class:?} markers");
    }
    assert!(count(GapClass::Critical) > 0);
    for marker in markers
        .iter()
        .filter(|c| c.fg == Theme::class_color(GapClass::Critical))
    {
        assert!(marker.modifier.contains(Modifier::BOLD), "critical is bold");
    }
    // The worst gap's label is red too.
    let screen = text(&buffer);
    let y = screen
        .lines()
        .position(|l| l.contains("-3 worst"))
        .expect("worst labelled") as u16;
    let x = (0..size.0)
        .find(|&x| buffer[(x, y)].symbol() == "-" && buffer[(x + 1, y)].symbol() == "3")
        .expect("label cells");
    assert_eq!(buffer[(x, y)].fg, Theme::class_color(GapClass::Critical));
    assert!(
        score_rows(&buffer).contains(&y),
        "labelled in the scores panel"
    );
}

/// Experience debt sums the disappointments only, so it never rises above
/// the 0 line: every bar hangs below it, in the critical colour.
#[test]
fn debt_hangs_below_zero_in_red() {
    let size = (160, 45);
    let buffer = draw(&curve(&courier(), COLOR, size, &[]), size);
    let rows = debt_rows(&buffer);
    let zero = rows
        .clone()
        .find(|&y| buffer[(7, y)].symbol() == "├")
        .expect("the 0 row");
    let (mut below, mut above) = (0, 0);
    for (_, y, cell) in cells(&buffer, rows) {
        if !matches!(cell.symbol(), "█" | "▀" | "▄") {
            continue;
        }
        if y > zero {
            below += 1;
            assert_eq!(cell.fg, Color::LightRed, "debt below 0 at row {y}");
        } else {
            above += 1;
        }
    }
    assert!(below > 100 && above == 0, "below only: {below} {above}");
}

/// The plot columns marked as selected: a blue background in colour,
/// reverse video without.
fn selected_columns(buffer: &Buffer, color: bool) -> Vec<u16> {
    let mut columns: Vec<u16> = cells(buffer, score_rows(buffer))
        .filter(|(x, _, c)| {
            *x >= 8
                && if color {
                    c.bg == Color::Blue
                } else {
                    c.modifier.contains(Modifier::REVERSED)
                }
        })
        .map(|(x, _, _)| x)
        .collect();
    columns.dedup();
    columns
}

#[test]
fn left_and_right_move_the_marked_touchpoint() {
    let size = (80, 24);
    for options in [COLOR, NO_COLOR] {
        let mut state = curve(&courier(), options, size, &[]);
        let first = draw(&state, size);
        assert!(
            text(&first)
                .lines()
                .nth(usize::from(TOP))
                .is_some_and(|l| l.starts_with("1/19 Sees a reel"))
        );
        let start = selected_columns(&first, options.color);
        assert_eq!(start.len(), 1, "one column marked: {start:?}");
        // The whole height of the scores panel is marked.
        let height = score_rows(&first).len();
        let marked = cells(&first, score_rows(&first))
            .filter(|(x, _, _)| *x == start[0])
            .filter(|(_, _, c)| c.bg == Color::Blue || c.modifier.contains(Modifier::REVERSED))
            .count();
        assert_eq!(marked, height);

        for _ in 0..9 {
            update(&mut state, Action::Right);
        }
        let moved = draw(&state, size);
        let info = text(&moved)
            .lines()
            .nth(usize::from(TOP))
            .unwrap_or_default()
            .to_owned();
        assert!(info.starts_with("10/19 Parcel delivered"), "{info}");
        for figure in ["expected 4", "actual 1", "gap -3", "emotion -2", "debt -10"] {
            assert!(info.contains(figure), "{figure} in {info}");
        }
        let later = selected_columns(&moved, options.color);
        assert_eq!(later.len(), 1);
        assert!(
            later[0] > start[0] + 20,
            "moved right: {start:?} -> {later:?}"
        );

        update(&mut state, Action::Left);
        let back = text(&draw(&state, size));
        assert!(
            back.lines()
                .nth(usize::from(TOP))
                .is_some_and(|l| l.starts_with("9/19 "))
        );
    }
}

fn journey_of(dir: &Path, touchpoints: usize) -> PathBuf {
    let path = dir.join(format!("j{touchpoints}.toml"));
    std::fs::write(&path, corridor::sample::synthetic_journey(touchpoints))
        .expect("journey written");
    path
}

#[test]
fn short_and_long_corridors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let size = (80, 24);
    for len in [0, 1, 2, 1500] {
        let state = curve(&journey_of(dir.path(), len), COLOR, size, &[Action::End]);
        let screen = text(&draw(&state, size));
        insta::assert_snapshot!(format!("curve_{len}_touchpoints_80x24"), screen);
    }
    // A long corridor is sampled, and says so; the selection still shows.
    let state = curve(&journey_of(dir.path(), 1500), COLOR, size, &[Action::End]);
    let buffer = draw(&state, size);
    assert!(text(&buffer).contains("(sampled)"));
    assert_eq!(selected_columns(&buffer, true), vec![size.0 - 1]);
}

#[test]
fn no_panic_at_any_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let widths = [0, 1, 8, 12, 59, 60, 61, 79, 80, 81, 120, 160, 301];
    let heights = [0, 1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 23, 24, 25, 45, 90];
    for len in [0, 1, 2, 3, 1500] {
        let path = journey_of(dir.path(), len);
        for options in [COLOR, NO_COLOR, ASCII, ASCII_NO_COLOR] {
            let mut state = curve(&path, options, (80, 24), &[Action::Right, Action::End]);
            for w in widths {
                for h in heights {
                    update(&mut state, Action::Resize(w, h));
                    draw(&state, (w, h));
                }
            }
        }
    }
}

#[test]
fn the_smallest_screen_keeps_a_row_per_score() {
    let size = (60, 15);
    for options in [COLOR, ASCII] {
        let buffer = draw(&curve(&courier(), options, size, &[]), size);
        let screen = text(&buffer);
        let labels: Vec<String> = score_rows(&buffer)
            .filter_map(|y| screen.lines().nth(usize::from(y)))
            .map(|l| l.chars().take(6).collect::<String>().trim().to_owned())
            .collect();
        assert_eq!(labels, ["5", "4", "3", "2", "1"], "\n{screen}");
        assert!(screen.contains("Experience debt"));
        if !options.ascii {
            insta::assert_snapshot!("curve_start_60x15", screen);
        }
    }
}
