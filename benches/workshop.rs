//! Workshop benchmarks on journeys of 1k, 10k and 100k touchpoints: what a
//! facilitator's keys cost from update to a drawn frame. A capture digit in
//! the Gaps view (rows keep their order until capture ends), `J` then `K`
//! on a card, a row move under the Gaps view's search header, and a card
//! move among wide Corridor cards at 160x45. The recovery journal a real
//! edit also writes is left out: it is the store's cost, benched there.

use std::hint::black_box;
use std::io::Write;

use corridor::tui::action::Action;
use corridor::tui::screen::Screen;
use corridor::tui::state::{AppState, Mode, Options, View};
use corridor::tui::update::update;
use corridor::tui::{draw, effects};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A writer that keeps nothing.
struct Sink;

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn state_with(touchpoints: usize, dir: &std::path::Path, size: (u16, u16)) -> AppState {
    let path = dir.join(format!("j{touchpoints}.toml"));
    if !path.exists() {
        std::fs::write(&path, corridor::sample::synthetic_journey(touchpoints)).expect("write");
    }
    let (folder, entries) = effects::read_entries(&path).expect("read");
    let options = Options {
        today: corridor::model::Date {
            year: 2026,
            month: 1,
            day: 15,
        },
        color: true,
        ascii: false,
        read_only: false,
        mouse: false,
    };
    let mut state = AppState::new(folder, entries, options);
    update(&mut state, Action::Resize(size.0, size.1));
    state
}

fn terminal(size: (u16, u16)) -> Screen<CrosstermBackend<Sink>> {
    let terminal = Terminal::with_options(
        CrosstermBackend::new(Sink),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, size.0, size.1)),
        },
    )
    .expect("terminal");
    Screen::new(terminal, true)
}

/// One key: update, then draw the frame.
fn key(state: &mut AppState, term: &mut Screen<CrosstermBackend<Sink>>, action: Action) {
    black_box(update(state, action));
    draw(state, term).expect("draw");
}

fn workshop(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    for size in [1_000usize, 10_000, 100_000] {
        let mut group = c.benchmark_group(format!("workshop_{size}"));
        if size >= 100_000 {
            group.sample_size(10);
        }
        let screen = (100, 30);

        let mut state = state_with(size, dir.path(), screen);
        let mut term = terminal(screen);
        key(&mut state, &mut term, Action::Show(View::Gaps));
        let mut digit = '3';
        group.bench_function("capture_digit_in_gaps", |b| {
            b.iter(|| {
                if !matches!(state.mode, Mode::Capture { .. }) {
                    key(&mut state, &mut term, Action::Home);
                    key(&mut state, &mut term, Action::Capture);
                }
                digit = if digit == '3' { '4' } else { '3' };
                key(&mut state, &mut term, Action::Input(digit));
            })
        });

        let mut state = state_with(size, dir.path(), screen);
        let mut term = terminal(screen);
        group.bench_function("move_card_later_then_earlier", |b| {
            b.iter(|| {
                key(&mut state, &mut term, Action::MoveLater);
                key(&mut state, &mut term, Action::MoveEarlier);
            })
        });

        let mut state = state_with(size, dir.path(), screen);
        let mut term = terminal(screen);
        for action in [Action::Show(View::Gaps), Action::Search, Action::Input('1')] {
            key(&mut state, &mut term, action);
        }
        key(&mut state, &mut term, Action::Open);
        let mut down = true;
        group.bench_function("gaps_row_move_under_search_header", |b| {
            b.iter(|| {
                down = !down;
                key(
                    &mut state,
                    &mut term,
                    if down { Action::Down } else { Action::Up },
                );
            })
        });

        let wide = (160, 45);
        let mut state = state_with(size, dir.path(), wide);
        let mut term = terminal(wide);
        key(&mut state, &mut term, Action::Show(View::Corridor));
        let mut down = true;
        group.bench_function("wide_corridor_card_move_160x45", |b| {
            b.iter(|| {
                down = !down;
                key(
                    &mut state,
                    &mut term,
                    if down { Action::Down } else { Action::Up },
                );
            })
        });
        group.finish();
    }
}

criterion_group!(benches, workshop);
criterion_main!(benches);
