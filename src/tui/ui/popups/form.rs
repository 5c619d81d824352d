//! The edit form of a touchpoint: every field with its value; Enter edits
//! the field in focus, Left/Right pick stage, owner, partner and moment of
//! truth from the journey's lists, refused values say why in place.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::theme::Theme;
use super::centered;
use crate::model::GapClass;
use crate::text::{inert, truncate};
use crate::tui::state::Opened;
use crate::tui::update::edit::{FIELDS, value_text};

/// What the form shows: which touchpoint, the field in focus, the text
/// being typed and the reason the last value was refused.
pub struct Form<'a> {
    pub index: usize,
    pub row: usize,
    pub input: Option<&'a str>,
    pub error: Option<&'a str>,
}

pub fn render(opened: &Opened, form: &Form<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(t) = opened.journey.touchpoints.get(form.index) else {
        return;
    };
    let popup = centered(area, 90, FIELDS.len() as u16 + 5);
    frame.render_widget(Clear, popup);
    let value_width = usize::from(popup.width.saturating_sub(20));
    let mut lines: Vec<Line> = FIELDS
        .iter()
        .enumerate()
        .map(|(n, field)| {
            let focused = n == form.row;
            let value = match (focused, form.input) {
                (true, Some(text)) => format!("{}_", inert(text)),
                _ => inert(&value_text(t, field)),
            };
            let label = format!(" {field:<16}");
            let value = truncate(&value, value_width, theme.ascii);
            if focused {
                Line::from(vec![
                    Span::styled(label, theme.selected()),
                    Span::raw(" "),
                    Span::styled(
                        value,
                        if form.input.is_some() {
                            theme.key()
                        } else {
                            theme.selected()
                        },
                    ),
                ])
            } else {
                Line::from(vec![
                    Span::styled(label, theme.heading()),
                    Span::raw(format!(" {value}")),
                ])
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(match form.error {
        Some(why) => Line::from(Span::styled(
            format!(" refused: {}", inert(why)),
            theme.class(GapClass::Critical),
        )),
        None => Line::from(Span::styled(
            " Enter edit/apply  Left/Right pick  Esc cancel/close  (evidence: a | b)",
            theme.dim(),
        )),
    });
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(format!(" Edit {} ", inert(&t.id.to_string())));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
