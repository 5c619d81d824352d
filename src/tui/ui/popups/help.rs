//! Help: every key, built from the keymap, and the formulas behind the
//! figures so nobody has to trust a black box.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::theme::Theme;
use super::centered;
use crate::tui::keymap::{bindings, keys_label};
use crate::tui::state::{AppState, Mode};

/// The help text, one line each.
pub fn text(theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled("Keys", theme.heading()))];
    for binding in bindings(&Mode::Browse) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<16}", keys_label(binding.keys)), theme.key()),
            Span::raw(binding.help),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<16}", "Ctrl-c"), theme.key()),
        Span::raw("quit"),
    ]));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Search and filter",
        theme.heading(),
    )));
    for (keys, what) in [
        (
            "/ text Enter",
            "keep rows whose name or text holds `text` (Esc clears)",
        ),
        (
            "f Up/Down",
            "pick stage, department, partner, channel or class",
        ),
        ("f Left/Right", "change its value; Backspace clears all"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<16}"), theme.key()),
            Span::raw(what),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Figures", theme.heading())));
    for text in [
        "gap = actual - expected (scores 1-5, so -4..+4)",
        &format!(
            "classes: {} critical (gap <= -2)  {} shortfall (-1)  {} met (0)  {} exceeded (> 0)  {} unscored",
            theme.symbol(crate::model::GapClass::Critical),
            theme.symbol(crate::model::GapClass::Shortfall),
            theme.symbol(crate::model::GapClass::Met),
            theme.symbol(crate::model::GapClass::Exceeded),
            theme.symbol(crate::model::GapClass::Unscored),
        ),
        "severity = max(0, -gap) x 2 at a moment of truth, else x 1",
        "ranking: severity, then lower emotion, then corridor order",
        "experience debt = running sum of gaps along the corridor",
        "partner lags when its mean gap is 0.5 or more below the rest",
        "channel is uneven when the spread (std. dev.) of its gaps is >= 1",
    ] {
        lines.push(Line::from(format!("  {text}")));
    }
    lines
}

pub fn render(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 84, area.height);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Help (Esc closes, j/k scroll) ");
    frame.render_widget(
        Paragraph::new(text(theme))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((state.help_scroll, 0)),
        popup,
    );
}
