//! Journeys: every file of the folder with its figures, or its first error.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::super::theme::Theme;
use super::super::window;
use crate::model::GapClass;
use crate::text::inert;
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
                    let worst = d
                        .owners
                        .iter()
                        .filter(|o| o.figures.mean_gap.is_some())
                        .max_by(|a, b| {
                            // Most critical gaps first, then the lowest mean gap.
                            let key = |o: &crate::tui::derived::OwnerRow| {
                                (o.figures.critical, -o.figures.mean_gap.unwrap_or(0.0))
                            };
                            key(a)
                                .partial_cmp(&key(b))
                                .unwrap_or(std::cmp::Ordering::Equal)
                        })
                        .map_or("-".to_owned(), |o| inert(&o.name));
                    let open_actions: usize = d.owners.iter().map(|o| o.open_actions).sum();
                    Row::new(vec![
                        Cell::from(format!("{open} {}", inert(&entry.name))),
                        Cell::from(inert(&opened.journey.title)),
                        Cell::from(format!("{:>5}", d.totals.count)),
                        Cell::from(Span::styled(
                            format!("{:>5}", d.totals.critical),
                            if d.totals.critical > 0 {
                                theme.class(GapClass::Critical)
                            } else {
                                theme.dim()
                            },
                        )),
                        Cell::from(worst),
                        Cell::from(format!("{open_actions:>5}")),
                    ])
                }
                Err(error) => Row::new(vec![
                    Cell::from(format!("{open} {}", inert(&entry.name))),
                    Cell::from(Span::styled(inert(error), theme.class(GapClass::Critical))),
                ]),
            };
            if n == state.journeys.selected {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(vec![
        "File",
        "Title",
        "Touch",
        " Crit",
        "Worst department",
        " Open",
    ])
    .style(theme.heading());
    let widths = [
        Constraint::Fill(2),
        Constraint::Fill(3),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Fill(2),
        Constraint::Length(5),
    ];
    frame.render_widget(Table::new(rows, widths).header(header), area);
}
