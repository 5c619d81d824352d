//! What the `update` tests share: a workbench on a copy of a bundled journey.

use crate::tui::action::Action;
use crate::tui::effects::read_entries;
use crate::tui::state::{AppState, Options};
use crate::tui::update::update;

/// The courier journey, copied into `dir` so saves are safe, open at 100x30.
pub fn courier(dir: &std::path::Path) -> AppState {
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/journeys/online-order-courier.toml");
    let path = dir.join("journey.toml");
    std::fs::copy(source, &path).expect("copy");
    let (folder, entries) = read_entries(&path).expect("read");
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
