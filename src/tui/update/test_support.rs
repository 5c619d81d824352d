//! What the `update` tests share: a workbench on a copy of a bundled
//! journey, or on a journey with nothing in it yet, and ways to drive forms.

use crate::model::Journey;
use crate::tui::action::Action;
use crate::tui::effects::read_entries;
use crate::tui::forms::fields;
use crate::tui::state::{AppState, Form, Mode, Options};
use crate::tui::update::update;

fn open(path: &std::path::Path) -> AppState {
    let (folder, entries) = read_entries(path).expect("read");
    let options = Options {
        today: crate::model::Date {
            year: 2026,
            month: 1,
            day: 15,
        },
        color: false,
        ascii: false,
        read_only: false,
        mouse: false,
    };
    let mut state = AppState::new(folder, entries, options);
    update(&mut state, Action::Resize(100, 30));
    state
}

/// The courier journey, copied into `dir` so saves are safe, open at 100x30.
pub fn courier(dir: &std::path::Path) -> AppState {
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/samples/online-order-courier.toml");
    let path = dir.join("journey.toml");
    std::fs::copy(source, &path).expect("copy");
    open(&path)
}

/// A journey with a title and nothing else (no stage, department, partner,
/// touchpoint or action), in `dir/journey.toml`, open at 100x30.
pub fn bare(dir: &std::path::Path) -> AppState {
    let path = dir.join("journey.toml");
    std::fs::write(&path, "schema = 1\ntitle = \"Workshop\"\n").expect("write");
    open(&path)
}

pub fn journey(state: &AppState) -> &Journey {
    &state.opened().expect("open").journey
}

pub fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        update(state, Action::Input(c));
    }
}

/// The open form; panics when there is none.
pub fn form(state: &AppState) -> &Form {
    match &state.mode {
        Mode::Form(form) => form,
        other => panic!("not in a form: {other:?}"),
    }
}

/// The row of `key` in the open form.
pub fn row_of(state: &AppState, key: &str) -> usize {
    fields(&form(state).target)
        .iter()
        .position(|s| s.field.key() == key)
        .unwrap_or_else(|| panic!("no field {key}"))
}

/// Moves the open form's focus to `key` (not typing).
pub fn go_to(state: &mut AppState, key: &str) {
    let row = row_of(state, key);
    while form(state).row > row {
        update(state, Action::Up);
    }
    while form(state).row < row {
        update(state, Action::Down);
    }
}

/// Types `text` over the value of `key` in the open form and presses Enter.
pub fn set_field(state: &mut AppState, key: &str, text: &str) {
    go_to(state, key);
    update(state, Action::Open);
    update(state, Action::EraseToStart);
    update(state, Action::EraseToEnd);
    type_text(state, text);
    update(state, Action::Open);
}
