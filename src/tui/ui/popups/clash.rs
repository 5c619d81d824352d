//! The keep-mine-or-take-theirs question: another corridor saved changes
//! to fields these edits changed too.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::theme::Theme;
use super::centered;
use crate::text::inert;
use crate::tui::keymap::{bindings, keys_label};
use crate::tui::state::{AppState, Mode};

pub fn render(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let clashes = state.clash.as_ref().map_or(&[][..], |c| c.lines.as_slice());
    let mut lines = vec![
        Line::from("Another corridor saved this journey meanwhile, changing what you changed:"),
        Line::default(),
    ];
    lines.extend(
        clashes
            .iter()
            .map(|l| Line::from(format!("  {}", inert(l)))),
    );
    lines.push(Line::default());
    lines.push(Line::from(
        "Everything else of both is kept. Whichever you pick, the other values are one undo away.",
    ));
    let mut keys = Vec::new();
    for b in bindings(&Mode::Clash) {
        keys.push(Span::styled(keys_label(b.keys), theme.key()));
        keys.push(Span::raw(format!(" {}   ", b.help)));
    }
    lines.push(Line::default());
    lines.push(Line::from(keys));
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered(area, 92, height);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Changed on both sides ");
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}
