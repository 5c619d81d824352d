//! Drawing the workbench into a test terminal and reading the screen back.

#![allow(dead_code)]

use corridor::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use corridor::tui::state::AppState;

/// One frame of `state` at `size`.
pub fn draw(state: &AppState, size: (u16, u16)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    terminal
        .draw(|frame| render(state, frame))
        .expect("frame draws");
    terminal.backend().buffer().clone()
}

/// One line per row, symbols joined, trailing spaces trimmed; the cell a
/// wide character covers is left out, as a terminal would.
pub fn text(buffer: &Buffer) -> String {
    let w = usize::from(buffer.area.width);
    let mut lines = Vec::new();
    if w > 0 {
        for row in buffer.content().chunks(w) {
            let mut line = String::new();
            let mut covered = 0usize;
            for cell in row {
                if covered == 0 {
                    line.push_str(cell.symbol());
                }
                covered = covered
                    .max(corridor::text::width(cell.symbol()))
                    .saturating_sub(1);
            }
            lines.push(line.trim_end().to_owned());
        }
    }
    lines.join("\n")
}
