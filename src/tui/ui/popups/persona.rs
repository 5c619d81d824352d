//! The persona card: who walks the corridor, their goals and needs, in
//! their own words. A popup from any view (`p`), and a strip at the top of
//! the Corridor when the screen is tall enough.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::theme::Theme;
use super::centered;
use crate::model::Persona;
use crate::text::inert;
use crate::tui::state::Opened;

/// The card's lines: name and role, goals, needs, the quote, the context.
pub fn lines(persona: &Persona, theme: &Theme) -> Vec<Line<'static>> {
    let card = match persona {
        Persona::Line(text) => return vec![Line::from(inert(text))],
        Persona::Card(card) => card,
    };
    let mut out = vec![Line::from(vec![
        Span::styled(inert(&card.name), theme.heading()),
        Span::raw(
            card.role
                .as_deref()
                .map_or(String::new(), |r| format!(", {}", inert(r))),
        ),
    ])];
    for (label, items) in [("Goals", &card.goals), ("Needs", &card.needs)] {
        if !items.is_empty() {
            out.push(Line::from(vec![
                Span::styled(format!("{label}: "), theme.key()),
                Span::raw(inert(&items.join("; "))),
            ]));
        }
    }
    if let Some(quote) = &card.quote {
        let (open, close) = if theme.ascii {
            ("\"", "\"")
        } else {
            ("“", "”")
        };
        out.push(Line::from(Span::styled(
            format!("{open}{}{close}", inert(quote)),
            theme.dim(),
        )));
    }
    if let Some(context) = &card.context {
        out.extend(context.lines().map(|l| Line::from(inert(l))));
    }
    out
}

pub fn render(opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(persona) = &opened.journey.persona else {
        return;
    };
    let text = lines(persona, theme);
    let width = area.width.saturating_sub(4).min(72);
    let height = (text.len() as u16 + 6).min(area.height);
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(Span::styled(" Persona (Esc closes) ", theme.heading()));
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: false }).block(block),
        popup,
    );
}
