//! Help: every key, built from the keymap, and the formulas behind the
//! figures so nobody has to trust a black box.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::theme::Theme;
use super::centered;
use crate::analysis::figures;
use crate::model::GapClass;
use crate::tui::action::Action;
use crate::tui::keymap::{bindings, keys_label};
use crate::tui::state::{AppState, Mode};

/// Bindings that read better as one line share a group label.
fn group(action: &Action) -> Option<(&'static str, &'static str)> {
    match action {
        Action::Up | Action::Down | Action::Left | Action::Right => {
            Some(("arrows, h j k l", "move (left/right: stages)"))
        }
        Action::PageUp | Action::PageDown | Action::Home | Action::End => {
            Some(("PgUp PgDn Home End g G", "page up/down, first, last"))
        }
        Action::Show(_) => Some((
            "1-6, 8",
            "Corridor Gaps Owners Curve Actions Journeys, Blueprint",
        )),
        Action::NextView | Action::PrevView => Some(("Tab, Shift-Tab", "next, previous view")),
        Action::Quit => Some(("q, Ctrl-c", "quit")),
        Action::Undo => Some(("u, Ctrl-r", "undo, redo")),
        Action::EditOther => Some((
            "E",
            "edit the header, a stage, department, partner or action",
        )),
        Action::Edit | Action::Add | Action::Delete => Some((
            "e, a, d",
            "edit, add after, delete a touchpoint (Blueprint: a step)",
        )),
        Action::MoveLater | Action::MoveEarlier => {
            Some(("J, K", "move it (a step) later, earlier"))
        }
        _ => None,
    }
}

/// The help text, one line each.
pub fn text(theme: &Theme) -> Vec<Line<'static>> {
    let row = |keys: String, what: String| {
        Line::from(vec![
            Span::styled(format!("  {keys:<24}"), theme.key()),
            Span::raw(what),
        ])
    };
    let mut lines = vec![Line::from(Span::styled("Keys", theme.heading()))];
    let mut grouped: Vec<&str> = Vec::new();
    for binding in bindings(&Mode::Browse) {
        match group(&binding.action) {
            Some((keys, what)) if !grouped.contains(&keys) => {
                grouped.push(keys);
                lines.push(row(keys.into(), what.into()));
            }
            Some(_) => {}
            None => lines.push(row(keys_label(binding.keys), binding.help.into())),
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Figures", theme.heading())));
    let symbols = format!(
        "{} critical  {} shortfall  {} met  {} exceeded  {} unscored  {} moment of truth",
        theme.symbol(GapClass::Critical),
        theme.symbol(GapClass::Shortfall),
        theme.symbol(GapClass::Met),
        theme.symbol(GapClass::Exceeded),
        theme.symbol(GapClass::Unscored),
        theme.moment(),
    );
    lines.push(Line::from(format!("  {symbols}")));
    lines.push(Line::from("  4 -> 1 on a card: expected 4, actual 1"));
    // The formulas come from the one vocabulary every view and report uses.
    for figure in figures::ALL {
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ({})", figure.name, figure.label), theme.key()),
            Span::raw(format!(": {}", figure.formula)),
        ]));
    }
    lines
}

pub fn render(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 84, area.height);
    frame.render_widget(Clear, popup);
    let lines = text(theme);
    let visible = popup.height.saturating_sub(2);
    let last = (lines.len() as u16).saturating_sub(visible);
    let scroll = state.help_scroll.min(last);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Help (Esc closes) ");
    if scroll < last {
        block = block.title_bottom(Line::from(" more below: j ").right_aligned());
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        popup,
    );
}
