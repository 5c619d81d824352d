//! The filter panel of the Gaps view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::theme::Theme;
use super::centered;
use crate::text::inert;
use crate::tui::state::{AppState, GapFilter};

pub fn render(state: &AppState, row: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 50, 9);
    frame.render_widget(Clear, popup);
    let f = &state.filter;
    let values = [
        f.stage.clone(),
        f.department.clone(),
        f.partner.clone(),
        f.channel.clone(),
        f.class.map(|c| c.name().to_owned()),
    ];
    let mut lines = Vec::new();
    for (n, (name, value)) in GapFilter::DIMENSIONS.iter().zip(values).enumerate() {
        let value = value.map_or("all".to_owned(), |v| inert(&v));
        // The box less its borders and ` name        <  >`.
        let room = usize::from(popup.width.saturating_sub(2 + 17));
        let value = crate::text::truncate(&value, room, theme.ascii);
        let text = format!(" {name:<11} < {value} >");
        if n == row {
            lines.push(Line::from(Span::styled(text, theme.selected())));
        } else {
            lines.push(Line::from(text));
        }
    }
    lines.push(Line::from(Span::styled(
        format!(
            " {} match",
            crate::text::plural(state.gap_rows.len(), "row")
        ),
        theme.dim(),
    )));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Filter gaps (Left/Right change, Enter closes) ");
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
