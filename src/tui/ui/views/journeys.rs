//! Journeys: every file of the folder with its figures, or its first error.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::super::theme::Theme;
use super::super::window;
use crate::analysis::figures;
use crate::model::GapClass;
use crate::text::{inert, truncate};
use crate::tui::state::AppState;

pub fn render(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    if state.entries.is_empty() {
        let text = format!(
            "No journey files (*.toml) in {}.",
            inert(&state.folder.display().to_string())
        );
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let widths = [
        Constraint::Fill(2),
        Constraint::Fill(3),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Fill(2),
        Constraint::Length(5),
    ];
    // Table clips silently: cut text to the column with an ellipsis.
    let cols = super::column_widths(area, &widths);
    let cut = |n: usize, text: &str| truncate(text, cols.get(n).copied().unwrap_or(0), theme.ascii);
    let height = usize::from(area.height.saturating_sub(1));
    let first = window(state.journeys.selected, state.journeys.offset, height);
    let rows: Vec<Row> = state
        .entries
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(n, entry)| {
            let open = if state.current == Some(n) { ">" } else { " " };
            let row = match &entry.content {
                Ok(opened) => {
                    let d = &opened.derived;
                    // Departments come most indebted first.
                    let worst = d
                        .owners
                        .first()
                        .filter(|o| o.figures.debt < 0)
                        .map_or("-".to_owned(), |o| cut(6, &inert(&o.name)));
                    let open_actions: usize = d.owners.iter().map(|o| o.open_actions).sum();
                    let t = &d.totals;
                    let pain = |text: String, hurts: bool| {
                        let style = if hurts {
                            theme.class(t.class())
                        } else {
                            theme.dim()
                        };
                        Cell::from(Span::styled(text, style))
                    };
                    Row::new(vec![
                        Cell::from(cut(0, &format!("{open} {}", inert(&entry.name)))),
                        Cell::from(cut(1, &inert(&opened.journey.title))),
                        Cell::from(format!("{:>5}", t.count)),
                        pain(format!("{:>5}", t.debt), t.debt < 0),
                        pain(format!("{:>5}", t.below_expectation()), t.debt < 0),
                        pain(format!("{:>5}", t.critical), t.critical > 0),
                        Cell::from(worst),
                        Cell::from(format!("{open_actions:>5}")),
                    ])
                }
                // The error is drawn over the figures' columns below.
                Err(_) => Row::new(vec![Cell::from(cut(
                    0,
                    &format!("{open} {}", inert(&entry.name)),
                ))]),
            };
            if n == state.journeys.selected {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(
        [
            "File".to_owned(),
            "Title".to_owned(),
            "Touch".to_owned(),
            format!("{:>5}", figures::DEBT.label),
            format!("{:>5}", figures::BELOW.label),
            format!("{:>5}", figures::CRITICAL.label),
            "Most indebted".to_owned(),
            format!("{:>5}", figures::OPEN_ACTIONS.label),
        ]
        .iter()
        .enumerate()
        .map(|(n, label)| cut(n, label)),
    )
    .style(theme.heading());
    frame.render_widget(Table::new(rows, widths).header(header), area);
    // A file's error takes every column after the file's name, cut to fit.
    let left = cols.first().map_or(0, |w| *w as u16 + 1);
    for (row, (n, entry)) in state
        .entries
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .enumerate()
    {
        let Err(error) = &entry.content else {
            continue;
        };
        let cell = Rect {
            x: area.x + left,
            y: area.y + 1 + row as u16,
            width: area.width.saturating_sub(left),
            height: 1,
        };
        let mut style = theme.class(GapClass::Critical);
        if n == state.journeys.selected {
            style = theme.selected().patch(style);
        }
        let text = truncate(&inert(error), usize::from(cell.width), theme.ascii);
        frame.render_widget(Paragraph::new(Span::styled(text, style)), cell);
    }
}
