//! Workbench benchmarks: the per-keystroke path (update, draw, diff, encode)
//! for each view on journeys of 1k, 10k and 100k touchpoints, and the bytes
//! sent to the terminal for a selection move, for a key that changes
//! nothing, and for a 150-row walk down the Gaps view (rows that move are
//! scrolled by the terminal, not repainted); in a form, a value stepped with
//! Left/Right (applied, checked, recorded) and a character typed (drawn); an
//! id made from a name among many that share its slug.

use std::cell::Cell;
use std::hint::black_box;
use std::io::Write;
use std::rc::Rc;

use corridor::model::Id;
use corridor::tui::action::Action;
use corridor::tui::screen::Screen;
use corridor::tui::state::{AppState, Options, View};
use corridor::tui::ui::render;
use corridor::tui::update::update;
use corridor::tui::{apply, effects};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A writer that counts bytes and keeps none.
#[derive(Default, Clone)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn state_with(touchpoints: usize, dir: &std::path::Path) -> AppState {
    let path = dir.join(format!("j{touchpoints}.toml"));
    std::fs::write(&path, corridor::sample::synthetic_journey(touchpoints)).expect("write");
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
    AppState::new(folder, entries, options)
}

fn terminal(width: u16, height: u16, counter: Counter) -> Screen<CrosstermBackend<Counter>> {
    let terminal = Terminal::with_options(
        CrosstermBackend::new(counter),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
    .expect("terminal");
    Screen::new(terminal, true)
}

fn keystrokes(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    for size in [1_000usize, 10_000, 100_000] {
        let mut state = state_with(size, dir.path());
        let mut group = c.benchmark_group(format!("keystroke_{size}"));
        if size >= 100_000 {
            group.sample_size(20);
        }
        for view in View::ALL {
            let mut term = terminal(100, 30, Counter::default());
            apply(&mut state, &mut term, Action::Resize(100, 30)).expect("draw");
            apply(&mut state, &mut term, Action::Show(view)).expect("draw");
            let mut down = true;
            group.bench_function(view.title(), |b| {
                b.iter(|| {
                    let action = match (view, down) {
                        (View::Curve, true) => Action::Right,
                        (View::Curve, false) => Action::Left,
                        (_, true) => Action::Down,
                        (_, false) => Action::Up,
                    };
                    down = !down;
                    black_box(apply(&mut state, &mut term, action).expect("draw"))
                })
            });
        }
        group.finish();
    }
}

/// Not timed: prints the bytes a move and a no-op send in a 200x60 Gaps view.
fn bytes(_: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    for size in [1_000usize, 100_000] {
        let mut state = state_with(size, dir.path());
        let counter = Counter::default();
        let mut term = terminal(200, 60, counter.clone());
        apply(&mut state, &mut term, Action::Resize(200, 60)).expect("draw");
        apply(&mut state, &mut term, Action::Show(View::Gaps)).expect("draw");
        apply(&mut state, &mut term, Action::Down).expect("draw");
        let before = counter.0.get();
        apply(&mut state, &mut term, Action::Down).expect("draw");
        let moved = counter.0.get() - before;
        let before = counter.0.get();
        apply(&mut state, &mut term, Action::Left).expect("draw");
        let noop = counter.0.get() - before;
        println!(
            "bytes_{size}: one-row move in 200x60 Gaps = {moved} bytes; no-op key = {noop} bytes"
        );
    }
}

/// Not timed: prints the bytes of walking 150 rows down the Gaps view at
/// 120x40 (the figure to hold against vim with `cursorline` walking 150
/// lines), the largest single move in that walk, and a redraw of an
/// unchanged screen.
fn walk(_: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = state_with(1_000, dir.path());
    let counter = Counter::default();
    let mut term = terminal(120, 40, counter.clone());
    apply(&mut state, &mut term, Action::Resize(120, 40)).expect("draw");
    apply(&mut state, &mut term, Action::Show(View::Gaps)).expect("draw");
    let start = counter.0.get();
    let mut largest = 0;
    for _ in 0..150 {
        let before = counter.0.get();
        apply(&mut state, &mut term, Action::Down).expect("draw");
        largest = largest.max(counter.0.get() - before);
    }
    let walked = counter.0.get() - start;
    let before = counter.0.get();
    apply(&mut state, &mut term, Action::Resize(120, 40)).expect("draw");
    let unchanged = counter.0.get() - before;
    println!(
        "walk: 150 rows down 120x40 Gaps = {walked} bytes ({} per row, largest {largest}); redraw of an unchanged screen = {unchanged} bytes",
        walked / 150
    );
}

/// The draw path alone, on two frames of the Gaps view at 120x40 that
/// differ by a one-row scroll, drawn in turn: ratatui's own diff and
/// encoder, against the workbench's screen with and without scrolls.
fn draw_path(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = state_with(1_000, dir.path());
    let mut screen = terminal(120, 40, Counter::default());
    apply(&mut state, &mut screen, Action::Resize(120, 40)).expect("draw");
    apply(&mut state, &mut screen, Action::Show(View::Gaps)).expect("draw");
    for _ in 0..36 {
        apply(&mut state, &mut screen, Action::Down).expect("draw");
    }
    let mut frames = Vec::new();
    for _ in 0..2 {
        apply(&mut state, &mut screen, Action::Down).expect("draw");
        let mut test = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        test.draw(|frame| render(&state, frame)).expect("draw");
        frames.push(test.backend().buffer().clone());
    }
    let copy = |frame: &mut ratatui::Frame, from: &Buffer| {
        frame.buffer_mut().content.clone_from(&from.content);
    };
    let fixed = || TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
    };
    let mut group = c.benchmark_group("draw_path_120x40");
    let mut plain = Terminal::with_options(CrosstermBackend::new(Counter::default()), fixed())
        .expect("terminal");
    let mut n = 0usize;
    group.bench_function("ratatui", |b| {
        b.iter(|| {
            n += 1;
            plain
                .draw(|f| copy(f, &frames[n % 2]))
                .map(|_| ())
                .expect("draw")
        })
    });
    for (name, scrolling) in [("scrolls", true), ("cells_only", false)] {
        let terminal = Terminal::with_options(CrosstermBackend::new(Counter::default()), fixed())
            .expect("terminal");
        let mut screen = Screen::new(terminal, scrolling);
        group.bench_function(name, |b| {
            b.iter(|| {
                n += 1;
                screen.draw(|f| copy(f, &frames[n % 2])).expect("draw")
            })
        });
    }
    group.finish();
}

/// A touchpoint form: Right on the owner applies a value (clone, assign,
/// new-errors check, undo record); a typed character only redraws.
fn form_keystrokes(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    for size in [1_000usize, 10_000, 100_000] {
        let mut state = state_with(size, dir.path());
        let mut group = c.benchmark_group(format!("form_{size}"));
        if size >= 10_000 {
            group.sample_size(10);
        }
        let mut term = terminal(100, 30, Counter::default());
        apply(&mut state, &mut term, Action::Resize(100, 30)).expect("draw");
        apply(&mut state, &mut term, Action::Edit).expect("draw");
        for _ in 0..4 {
            apply(&mut state, &mut term, Action::Down).expect("draw");
        }
        group.bench_function("owner Right (update only)", |b| {
            b.iter(|| black_box(update(&mut state, Action::Right)))
        });
        apply(&mut state, &mut term, Action::Up).expect("draw");
        apply(&mut state, &mut term, Action::Open).expect("draw");
        group.bench_function("type a character (update and draw)", |b| {
            b.iter(|| {
                apply(&mut state, &mut term, Action::Input('x')).expect("draw");
                black_box(apply(&mut state, &mut term, Action::Erase).expect("draw"))
            })
        });
        group.finish();
    }
}

/// `Id::from_name` among `n` ids that all share the slug (the worst case
/// for the `-2`, `-3`... counter): one pass, so it grows linearly.
fn ids_from_names(c: &mut Criterion) {
    let mut group = c.benchmark_group("id_from_name");
    for n in [1_000usize, 10_000, 100_000] {
        let taken: Vec<Id> = (1..=n)
            .map(|k| {
                let text = if k == 1 {
                    "call".to_owned()
                } else {
                    format!("call-{k}")
                };
                Id::new(&text).expect("id")
            })
            .collect();
        group.bench_function(format!("{n} taken"), |b| {
            b.iter(|| black_box(Id::from_name("Call", "touchpoint", &taken)))
        });
    }
    group.finish();
}

/// The Blueprint on journeys with three steps behind every touchpoint:
/// the figures cached per change (lanes and ownership behind the line
/// included) against the same journey without steps, and a keystroke (a
/// move to the next touchpoint, drawn). 100k touchpoints with steps are
/// past the file size limit.
fn blueprint(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    for size in [1_000usize, 10_000] {
        let path = dir.path().join(format!("b{size}.toml"));
        let mut text = corridor::sample::synthetic_journey(size);
        text.push_str(&corridor::sample::synthetic_steps(size, 3));
        std::fs::write(&path, &text).expect("write");
        let (folder, entries) = effects::read_entries(&path).expect("read");
        let mut state = AppState::new(
            folder,
            entries,
            Options {
                today: corridor::model::Date {
                    year: 2026,
                    month: 1,
                    day: 15,
                },
                color: true,
                ascii: false,
                read_only: false,
                mouse: false,
            },
        );
        let journey = state.opened().expect("parsed").journey.clone();
        let mut group = c.benchmark_group(format!("blueprint_{size}"));
        if size >= 100_000 {
            group.sample_size(10);
        }
        group.bench_function("derived", |b| {
            b.iter(|| black_box(corridor::tui::derived::Derived::of(&journey)))
        });
        let mut bare = journey.clone();
        bare.steps.clear();
        group.bench_function("derived without steps", |b| {
            b.iter(|| black_box(corridor::tui::derived::Derived::of(&bare)))
        });
        let mut term = terminal(100, 30, Counter::default());
        apply(&mut state, &mut term, Action::Resize(100, 30)).expect("draw");
        apply(&mut state, &mut term, Action::Show(View::Blueprint)).expect("draw");
        let mut right = true;
        group.bench_function("keystroke", |b| {
            b.iter(|| {
                let action = if right { Action::Right } else { Action::Left };
                right = !right;
                black_box(apply(&mut state, &mut term, action).expect("draw"))
            })
        });
        group.finish();
    }
}

criterion_group!(
    benches,
    blueprint,
    keystrokes,
    bytes,
    walk,
    draw_path,
    form_keystrokes,
    ids_from_names
);
criterion_main!(benches);
