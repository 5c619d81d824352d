//! The recovery offer: unsaved edits from an earlier session were found.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::theme::Theme;
use super::centered;
use crate::text::inert;
use crate::tui::state::AppState;

pub fn render(state: &AppState, show: bool, theme: &Theme, frame: &mut Frame, area: Rect) {
    let differences = state
        .recovery
        .as_ref()
        .map_or(&[][..], |(_, d)| d.as_slice());
    let mut lines = vec![
        Line::from("Unsaved edits to this journey were kept from an earlier session"),
        Line::from("(a crash, a dropped link, or quitting without saving)."),
        Line::default(),
        Line::from(vec![
            Span::styled("r", theme.key()),
            Span::raw(" recover them as unsaved edits   "),
            Span::styled("d", theme.key()),
            Span::raw(" discard them   "),
            Span::styled("v", theme.key()),
            Span::raw(if show { " hide" } else { " show" }),
            Span::raw(" the differences   "),
            Span::styled("Esc", theme.key()),
            Span::raw(" later"),
        ]),
    ];
    if show {
        lines.push(Line::default());
        lines.extend(differences.iter().map(|d| Line::from(inert(d))));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered(area, 88, height);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Recovery ");
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}
