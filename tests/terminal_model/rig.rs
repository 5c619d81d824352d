//! The emulated terminal the model tests draw into: ratatui's crossterm
//! backend writing to a tape that a `vt100` parser plays, a workbench on a
//! generated journey, and the cell-by-cell comparison of the emulated
//! screen with a frame drawn from scratch.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::num::NonZeroU16;
use std::path::Path;
use std::rc::Rc;

use corridor::sample::synthetic_journey;
use corridor::text::width;
use corridor::tui::action::Action;
use corridor::tui::draw;
use corridor::tui::effects::read_entries;
use corridor::tui::screen::Screen;
use corridor::tui::state::{AppState, Options};
use corridor::tui::ui::render;
use corridor::tui::update::{Effect, update};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell as BufferCell};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// Everything written, kept for the emulator.
#[derive(Clone, Default)]
struct Tape(Rc<RefCell<Vec<u8>>>);

impl Write for Tape {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// ratatui's crossterm backend writing to a tape, with a size the test
/// sets (a real one asks the terminal, which a test does not have).
struct Model {
    inner: CrosstermBackend<Tape>,
    size: Rc<Cell<Size>>,
}

impl Write for Model {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl Backend for Model {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a BufferCell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> std::io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> std::io::Result<Size> {
        Ok(self.size.get())
    }
    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size.get(),
            pixels: Size::default(),
        })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// A folder with a long generated journey (wide characters in some names)
/// and a short one.
fn fixture(dir: &Path) -> std::path::PathBuf {
    let long = synthetic_journey(220)
        .replace("Customer step number 1", "顧客ステップ 1")
        .replace("Department support", "Support 支援");
    std::fs::write(dir.join("long.toml"), long).expect("write long journey");
    std::fs::write(dir.join("short.toml"), synthetic_journey(12)).expect("write short journey");
    dir.join("long.toml")
}

pub const COLOR: Options = Options {
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

/// A workbench drawing into the emulator.
pub struct Rig {
    pub state: AppState,
    screen: Screen<Model>,
    size: Rc<Cell<Size>>,
    tape: Tape,
    parser: vt100::Parser,
    _dir: tempfile::TempDir,
}

impl Rig {
    /// The workbench on `path` (`None`: the fixture's long journey; `Some`:
    /// a name in the fixture folder, or "" for the folder itself).
    pub fn new(open: Option<&str>, options: Options, size: (u16, u16), scrolling: bool) -> Rig {
        let dir = tempfile::tempdir().expect("temporary folder");
        let long = fixture(dir.path());
        let path = match open {
            None => long,
            Some("") => dir.path().to_path_buf(),
            Some(name) => dir.path().join(name),
        };
        let (folder, entries) = read_entries(&path).expect("fixture loads");
        let state = AppState::new(folder, entries, options);
        let shared = Rc::new(Cell::new(Size::new(size.0, size.1)));
        let tape = Tape::default();
        let model = Model {
            inner: CrosstermBackend::new(tape.clone()),
            size: shared.clone(),
        };
        let screen = Screen::new(Terminal::new(model).expect("terminal"), scrolling);
        let parser = vt100::Parser::new(nonzero(size.1), nonzero(size.0), 0);
        let mut rig = Rig {
            state,
            screen,
            size: shared,
            tape,
            parser,
            _dir: dir,
        };
        rig.act(Action::Resize(size.0, size.1));
        rig
    }

    /// Applies an action as the event loop does (drawing unless nothing
    /// changed) and plays what was sent into the emulator; the bytes sent.
    pub fn act(&mut self, action: Action) -> usize {
        if let Action::Resize(w, h) = action {
            self.size.set(Size::new(w, h));
            self.parser.screen_mut().set_size(nonzero(h), nonzero(w));
        }
        if update(&mut self.state, action) != Effect::None {
            draw(&self.state, &mut self.screen).expect("draw");
        }
        let bytes = std::mem::take(&mut *self.tape.0.borrow_mut());
        self.parser.process(&bytes);
        bytes.len()
    }

    /// Fails unless the emulated screen shows the frame drawn from scratch.
    pub fn check(&self, context: &str) {
        let size = self.size.get();
        let mut fresh = Terminal::new(TestBackend::new(size.width, size.height)).expect("terminal");
        fresh
            .draw(|frame| render(&self.state, frame))
            .expect("frame draws");
        if let Err(why) = compare(fresh.backend().buffer(), self.parser.screen()) {
            panic!(
                "{context}: {why}\nwanted:\n{}",
                text(fresh.backend().buffer())
            );
        }
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a size above zero")
}

fn text(buffer: &Buffer) -> String {
    let w = usize::from(buffer.area.width);
    buffer
        .content()
        .chunks(w.max(1))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The colour a terminal reports for a ratatui colour sent by crossterm.
fn emulated_color(color: Color) -> vt100::Color {
    let index = match color {
        Color::Reset => return vt100::Color::Default,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
        Color::Rgb(r, g, b) => return vt100::Color::Rgb(r, g, b),
    };
    vt100::Color::Idx(index)
}

/// Where `screen` differs from `buffer`, cell by cell: symbol, colours and
/// the attributes a terminal shows. A wide character covers the next cell.
fn compare(buffer: &Buffer, screen: &vt100::Screen) -> Result<(), String> {
    let area = buffer.area;
    let (rows, cols) = screen.size();
    if (rows.get(), cols.get()) != (area.height, area.width) {
        return Err(format!(
            "emulator is {}x{}, frame {}x{}",
            cols, rows, area.width, area.height
        ));
    }
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let want = &buffer[(x, y)];
            let got = screen
                .cell(y, x)
                .ok_or_else(|| format!("no emulated cell at {x},{y}"))?;
            let blank = |s: &str| {
                if s.is_empty() {
                    " ".to_owned()
                } else {
                    s.to_owned()
                }
            };
            let (w, g) = (blank(want.symbol()), blank(got.contents()));
            let m = want.modifier;
            let mut style_want = (
                emulated_color(want.fg),
                emulated_color(want.bg),
                m.contains(Modifier::BOLD),
                m.contains(Modifier::DIM),
                m.contains(Modifier::ITALIC),
                m.contains(Modifier::UNDERLINED),
                m.contains(Modifier::REVERSED),
            );
            let mut style_got = (
                got.fgcolor(),
                got.bgcolor(),
                got.bold(),
                got.dim(),
                got.italic(),
                got.underline(),
                got.inverse(),
            );
            if w == " " {
                // On a blank only the background, underline and reverse
                // video show (and the foreground, when reversed).
                for style in [&mut style_want, &mut style_got] {
                    if !style.6 {
                        style.0 = vt100::Color::Default;
                    }
                    (style.2, style.3, style.4) = (false, false, false);
                }
            }
            if w != g || style_want != style_got {
                let row: String = (0..area.width)
                    .filter_map(|c| screen.cell(y, c).map(|c| blank(c.contents())))
                    .collect();
                return Err(format!(
                    "cell {x},{y}: wanted {w:?} {style_want:?}, emulator shows {g:?} {style_got:?}\nemulated row {y}: {row}"
                ));
            }
            x += u16::try_from(width(want.symbol()).max(1)).unwrap_or(1);
        }
    }
    Ok(())
}
