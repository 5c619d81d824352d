//! The Owners heatmap reads from the back of the room: each cell carries a
//! background by class in 16 colours, -2, -3 and -4 are told apart by shade
//! and by mark (so they differ without colour too), stage headers use the
//! room they have, and every stage can be reached at 80x24.

mod support;

use corridor::tui::action::Action;
use corridor::tui::effects::read_entries;
use corridor::tui::state::{AppState, Options, View};
use corridor::tui::update::update;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use support::screen::{draw, text};

/// Drawn read-only: nothing here edits.
const COLOR: Options = Options {
    read_only: true,
    ..support::options::COLOR
};

/// One department with a touchpoint at each depth of gap, one stage each.
fn journey() -> String {
    let mut text = String::from(
        "schema = 1\ntitle = \"Depths\"\n\n[[departments]]\nid = \"ops\"\nname = \"Field ops\"\n",
    );
    let gaps: [(&str, u8, u8); 7] = [
        ("met", 3, 3),
        ("better", 3, 5),
        ("short", 4, 3),
        ("two", 4, 2),
        ("three", 4, 1),
        ("four", 5, 1),
        ("unscored", 3, 0),
    ];
    for (id, _, _) in gaps {
        text.push_str(&format!(
            "\n[[stages]]\nid = \"{id}\"\nname = \"Stage {id} with a long name\"\n"
        ));
    }
    for (id, expected, actual) in gaps {
        text.push_str(&format!(
            "\n[[touchpoints]]\nid = \"t-{id}\"\nstage = \"{id}\"\nname = \"T {id}\"\nowner = \"ops\"\nexpected = {expected}\n"
        ));
        if actual > 0 {
            text.push_str(&format!("actual = {actual}\n"));
        }
    }
    text
}

fn owners(options: Options, size: (u16, u16)) -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("depths.toml");
    std::fs::write(&path, journey()).expect("write");
    let (folder, entries) = read_entries(&path).expect("read");
    let mut state = AppState::new(folder, entries, options);
    update(&mut state, Action::Resize(size.0, size.1));
    update(&mut state, Action::Show(View::Owners));
    (dir, state)
}

/// The cell of the department's row whose text starts with `mark`.
fn cell_with(buffer: &Buffer, row_text: &str, mark: &str) -> ratatui::buffer::Cell {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let line: String = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        if !line.contains(row_text) {
            continue;
        }
        let at = line
            .find(mark)
            .unwrap_or_else(|| panic!("{mark} in {line}"));
        let x = line[..at].chars().count() as u16;
        return buffer[(x, y)].clone();
    }
    panic!("no row {row_text}");
}

#[test]
fn depths_of_gap_are_told_apart_by_shade_and_mark() {
    let size = (160, 45);
    let (_dir, state) = owners(COLOR, size);
    let buffer = draw(&state, size);
    let screen = text(&buffer);
    insta::assert_snapshot!("owners_depths_160x45", screen);
    for (mark, bg) in [
        ("1 ▼-1", Color::Yellow),
        ("1 ▼▼-2", Color::LightRed),
        ("1 ▼▼▼-3", Color::Red),
        ("1 ▼▼▼▼-4", Color::Magenta),
        ("1 ▲+2", Color::Green),
    ] {
        let cell = cell_with(&buffer, "Field ops", mark);
        assert_eq!(cell.bg, bg, "{mark}");
    }
    // Stage names get the room there is at 160 columns.
    assert!(screen.contains("Stage met wit…"), "{screen}");
}

#[test]
fn every_stage_is_reached_at_80x24_and_without_colour() {
    let size = (80, 24);
    let options = Options {
        color: false,
        ..COLOR
    };
    let (_dir, mut state) = owners(options, size);
    let first = text(&draw(&state, size));
    insta::assert_snapshot!("owners_depths_80x24", first);
    assert!(first.contains("h/l scroll >"), "{first}");
    assert!(!first.contains("▼▼▼▼-4"), "the last stages are off screen");
    for _ in 0..7 {
        update(&mut state, Action::Right);
    }
    let last = text(&draw(&state, size));
    assert!(last.contains("1 ▼▼▼▼-4"), "{last}");
    assert!(last.contains("1 ?"), "the unscored cell: {last}");
    assert!(last.contains("< h/l scroll"), "{last}");
}
