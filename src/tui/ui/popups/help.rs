//! Help: every key, built from the keymap; how to read the screen; and the
//! formulas behind the figures (from `analysis::figures`), so nobody has to
//! trust a black box. Lines are wrapped here, each under its own text, so
//! the scroll range counts what is really drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::theme::Theme;
use super::centered;
use crate::analysis::figures;
use crate::model::GapClass;
use crate::text::width;
use crate::tui::action::Action;
use crate::tui::keymap::{bindings, keys_label};
use crate::tui::state::{AppState, Mode};

/// Widest the help box gets.
const BOX_WIDTH: u16 = 84;
/// Width of the keys column.
const LEAD: usize = 26;

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
            "1-8",
            "Corridor Gaps Owners Curve Actions Journeys Trend Blueprint",
        )),
        Action::NextView | Action::PrevView => Some(("Tab, Shift-Tab", "next, previous view")),
        Action::NextJourney | Action::PreviousJourney => Some((
            "], [",
            "next, previous journey of the folder (or pick one in 6 Journeys)",
        )),
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
        Action::MoveLater | Action::MoveEarlier => Some((
            "J, K",
            "move it later, earlier in its stage (Blueprint: a step in its lane)",
        )),
        Action::MoveToPreviousStage | Action::MoveToNextStage => {
            Some(("H, L", "move it to the previous, next stage"))
        }
        _ => None,
    }
}

/// How a line's lead is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// A section title; no text.
    Heading,
    /// Keys or a symbol, padded to the keys column.
    Key,
    /// A figure's name, followed by its formula.
    Figure,
    /// A wrapped line, indented under the text it continues.
    Continued,
}

/// One entry of the help before wrapping.
struct Entry {
    lead: String,
    kind: Lead,
    text: String,
}

fn entry(kind: Lead, lead: impl Into<String>, text: impl Into<String>) -> Entry {
    Entry {
        lead: lead.into(),
        kind,
        text: text.into(),
    }
}

/// The rule of a gap class, as the figure vocabulary states it.
fn class_rule(class: GapClass) -> String {
    let prefix = format!("{}: ", class.name());
    figures::CLASS
        .formula
        .split("; ")
        .find_map(|part| part.strip_prefix(&prefix))
        .map_or_else(
            || class.name().to_owned(),
            |rule| format!("{}, {rule}", class.name()),
        )
}

/// The help's entries: keys, how to read the screen, then the figures.
fn entries(ascii: bool) -> Vec<Entry> {
    let mut out = vec![entry(Lead::Heading, "Keys", "")];
    let mut grouped: Vec<&str> = Vec::new();
    for binding in bindings(&Mode::Browse) {
        match group(&binding.action) {
            Some((keys, what)) if !grouped.contains(&keys) => {
                grouped.push(keys);
                out.push(entry(Lead::Key, keys, what));
            }
            Some(_) => {}
            None => out.push(entry(Lead::Key, keys_label(binding.keys), binding.help)),
        }
    }
    out.push(entry(Lead::Heading, "", ""));
    out.push(entry(Lead::Heading, "Reading the screen", ""));
    out.push(entry(
        Lead::Key,
        "4 -> 1",
        "expected -> actual: the customer expected 4 and got 1 (scores 1-5); the gap is -3",
    ));
    for class in GapClass::ALL {
        out.push(entry(Lead::Key, class.symbol(ascii), class_rule(class)));
    }
    out.push(entry(
        Lead::Key,
        if ascii { "*" } else { "★" },
        "moment of truth: decides whether the customer stays; its severity counts double",
    ));
    for (lead, figure) in [("Sev", &figures::SEVERITY), ("Debt", &figures::DEBT)] {
        out.push(entry(
            Lead::Key,
            lead,
            format!("{}: {}", figure.name.to_lowercase(), figure.meaning),
        ));
    }
    out.push(entry(
        Lead::Key,
        "lags",
        format!(
            "a partner whose mean gap is {} or more below the rest of the network's (Owners)",
            figures::LAG_THRESHOLD
        ),
    ));
    out.push(entry(
        Lead::Key,
        "uneven",
        format!(
            "a channel whose gaps spread {:.1} or more: it lands differently from one touchpoint to the next (Owners)",
            figures::UNEVEN_SPREAD
        ),
    ));
    out.push(entry(Lead::Heading, "", ""));
    out.push(entry(Lead::Heading, "Figures", ""));
    // The formulas come from the one vocabulary every view and report uses.
    for figure in figures::ALL {
        out.push(entry(
            Lead::Figure,
            format!("{} ({})", figure.name, figure.label),
            figure.formula,
        ));
    }
    out
}

/// One drawn line: the lead (padded, or blank on a continuation) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub lead: String,
    pub kind: Lead,
    pub text: String,
}

/// The help as drawn `columns` wide: continuation lines start under the
/// text they continue, never at column 0.
pub fn rows(columns: usize, ascii: bool) -> Vec<Row> {
    let mut out = Vec::new();
    for e in entries(ascii) {
        let (lead, indent) = match e.kind {
            Lead::Heading | Lead::Continued => {
                out.push(Row {
                    lead: e.lead,
                    kind: e.kind,
                    text: String::new(),
                });
                continue;
            }
            Lead::Key => {
                let lead = format!("  {}", e.lead);
                let pad = LEAD.max(width(&lead) + 2);
                let padded = format!("{lead}{}", " ".repeat(pad - width(&lead)));
                (padded, pad)
            }
            Lead::Figure => {
                let lead = format!("  {}: ", e.lead);
                let w = width(&lead);
                (lead, w)
            }
        };
        // A lead taking most of the line: the text goes on below it.
        let (first_lead, indent) = if indent + 20 > columns {
            out.push(Row {
                lead: lead.trim_end().to_owned(),
                kind: e.kind,
                text: String::new(),
            });
            (" ".repeat(6), 6)
        } else {
            (lead, indent)
        };
        for (n, line) in crate::text::wrap(&e.text, columns.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            out.push(Row {
                lead: if n == 0 {
                    first_lead.clone()
                } else {
                    " ".repeat(indent)
                },
                kind: if n == 0 { e.kind } else { Lead::Continued },
                text: line,
            });
        }
    }
    out
}

/// The help box in a terminal of `size`.
fn popup(size: Rect) -> Rect {
    centered(size, BOX_WIDTH, size.height)
}

/// The last first line the help can scroll to in a terminal of `size`:
/// the one that shows the end of the help at the bottom of the box.
pub fn last_scroll(size: (u16, u16), ascii: bool) -> u16 {
    let area = popup(Rect::new(0, 0, size.0, size.1));
    let inner_w = usize::from(area.width.saturating_sub(2));
    let visible = area.height.saturating_sub(2);
    let total = u16::try_from(rows(inner_w, ascii).len()).unwrap_or(u16::MAX);
    total.saturating_sub(visible)
}

pub fn render(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = popup(area);
    frame.render_widget(Clear, popup);
    let inner_w = usize::from(popup.width.saturating_sub(2));
    let visible = popup.height.saturating_sub(2);
    let rows = rows(inner_w, theme.ascii);
    let last = u16::try_from(rows.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(visible);
    let scroll = state.help_scroll.min(last);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(visible))
        .map(|row| {
            let style = match row.kind {
                Lead::Heading => theme.heading(),
                Lead::Continued => Style::default(),
                Lead::Key | Lead::Figure => theme.key(),
            };
            Line::from(vec![Span::styled(row.lead, style), Span::raw(row.text)])
        })
        .collect();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Help (Esc closes) ");
    if scroll < last {
        block = block.title_bottom(Line::from(" more below: j, PgDn, End ").right_aligned());
    }
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_lines_start_under_their_text() {
        let rows = rows(60, false);
        let severity = rows
            .iter()
            .position(|r| r.lead.starts_with("  Severity (Sev): "))
            .expect("severity listed");
        let indent = width(&rows[severity].lead);
        let next = &rows[severity + 1];
        assert_eq!(next.lead, " ".repeat(indent), "{rows:#?}");
        assert!(!next.text.starts_with(' '));
        for row in &rows {
            assert!(
                width(&row.lead) + width(&row.text) <= 60,
                "{row:?} is wider than the box"
            );
        }
    }

    #[test]
    fn the_scroll_range_counts_wrapped_lines() {
        let narrow = last_scroll((80, 24), false);
        let wide = last_scroll((200, 24), false);
        // 84 columns of box at most: wider terminals change nothing.
        assert_eq!(wide, last_scroll((84, 24), false));
        assert!(narrow >= wide);
        let inner = usize::from(BOX_WIDTH - 2);
        let unwrapped = entries(false).len() as u16;
        assert!(
            usize::from(wide) + 22 > rows(inner, false).len() - 1,
            "the last scroll shows the last row"
        );
        assert!(rows(78, false).len() as u16 > unwrapped, "some lines wrap");
    }
}
