//! Actions: the roadmap. Gaps nobody is working on first, then actions by
//! owner and status with the gap each one closes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::super::theme::Theme;
use super::super::window;
use crate::analysis::Due;
use crate::model::GapClass;
use crate::text::{inert, truncate};
use crate::tui::derived::ActionRow;
use crate::tui::state::{AppState, Opened};

pub fn render(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = &opened.derived.action_rows;
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new("No actions, and no gap below expectation that needs one."),
            area,
        );
        return;
    }
    let j = &opened.journey;
    let widths = [
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Length(5),
        Constraint::Length(9),
    ];
    // Table clips silently: cut text to the column with an ellipsis.
    let cols = super::column_widths(area, &widths);
    let cut = |n: usize, text: &str| truncate(text, cols.get(n).copied().unwrap_or(0), theme.ascii);
    let height = usize::from(area.height.saturating_sub(1));
    let first = window(state.actions.selected, state.actions.offset, height);
    let gap_cells = |index: Option<usize>| -> (Cell<'static>, Cell<'static>) {
        match index.and_then(|i| j.touchpoints.get(i)) {
            Some(t) => {
                let class = t.gap_class();
                (
                    Cell::from(cut(1, &inert(&t.name))),
                    Cell::from(Span::styled(
                        format!(
                            "{:<2} {:>2}",
                            theme.symbol(class),
                            t.gap().map_or(String::new(), |g| g.to_string())
                        ),
                        theme.class(class),
                    )),
                )
            }
            None => (Cell::from(cut(1, "(unknown touchpoint)")), Cell::from("")),
        }
    };
    let visible: Vec<Row> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(n, row)| {
            let row_widget = match row {
                ActionRow::Heading(title) => Row::new(vec![Cell::from(Span::styled(
                    cut(0, &inert(title)),
                    theme.heading(),
                ))]),
                ActionRow::Unaddressed { index, remeasure } => {
                    let (name, gap) = gap_cells(Some(*index));
                    let (word, class) = if *remeasure {
                        ("all done: measure again", GapClass::Shortfall)
                    } else {
                        ("no action", GapClass::Critical)
                    };
                    Row::new(vec![
                        Cell::from(Span::styled(cut(0, word), theme.class(class))),
                        name,
                        gap,
                        Cell::from(""),
                    ])
                }
                ActionRow::Action(a, index) => {
                    let action = &j.actions[*a];
                    let (name, gap) = gap_cells(*index);
                    let due = Due::of(action, state.options.today);
                    let due_cell = match due {
                        Due::Overdue(_) => Cell::from(Span::styled(
                            cut(3, &due.short()),
                            theme.class(GapClass::Critical),
                        )),
                        Due::Done => Cell::from(""),
                        _ => Cell::from(cut(3, &due.short())),
                    };
                    Row::new(vec![
                        Cell::from(cut(0, &format!("  {}", inert(&action.title)))),
                        name,
                        gap,
                        due_cell,
                    ])
                }
            };
            if n == state.actions.selected {
                row_widget.style(theme.selected())
            } else {
                row_widget
            }
        })
        .collect();
    let header = Row::new(
        ["Action", "Closes the gap at", "Gap", "Due"]
            .iter()
            .enumerate()
            .map(|(n, label)| cut(n, label)),
    )
    .style(theme.heading());
    frame.render_widget(Table::new(visible, widths).header(header), area);
}
