//! Gaps: every touchpoint ranked by severity, filtered and searched.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::super::chrome;
use super::super::theme::Theme;
use super::super::window;
use crate::text::{inert, truncate};
use crate::tui::state::{AppState, Opened};

pub fn render(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = &state.gap_rows;
    let header = chrome::narrowing(state, opened, theme, rows.len(), usize::from(area.width));
    let area = match header {
        Some(line) => {
            let [top, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
            frame.render_widget(Paragraph::new(line), top);
            rest
        }
        None => area,
    };
    if rows.is_empty() {
        let text = if opened.journey.touchpoints.is_empty() {
            "This journey has no touchpoints yet."
        } else {
            "No touchpoint matches the filter or search (Esc clears)."
        };
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let widths = [
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Fill(3),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(9),
        Constraint::Length(3),
    ];
    let cols = super::column_widths(area, &widths);
    let cut = |n: usize, text: &str| truncate(text, cols.get(n).copied().unwrap_or(0), theme.ascii);
    let height = usize::from(area.height.saturating_sub(1));
    let first = window(state.gaps.selected, state.gaps.offset, height);
    let j = &opened.journey;
    let name_of_stage =
        |id: &crate::model::Id| j.stage(id).map_or(id.to_string(), |s| s.name.clone());
    let visible: Vec<Row> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(n, &i)| {
            let t = &j.touchpoints[i];
            let class = t.gap_class();
            let gap = t.gap().map_or(String::new(), |g| g.to_string());
            let mark = if t.moment_of_truth {
                theme.moment()
            } else {
                " "
            };
            let owner = t.owner.as_ref().map_or("-".to_owned(), |o| {
                j.department(o).map_or(o.to_string(), |d| d.name.clone())
            });
            let partner = t.partner.as_ref().map_or(String::new(), |p| {
                j.partner(p).map_or(p.to_string(), |p| p.name.clone())
            });
            // The selection covers the text of each cell, not the padding
            // between columns: a move then redraws only what it must.
            let sel = if n == state.gaps.selected {
                theme.selected()
            } else {
                Style::default()
            };
            let text = |s: String| Cell::from(Span::styled(s, sel));
            let class_style = sel.patch(theme.class(class));
            Row::new(vec![
                text(format!("{:>3}", n + 1)),
                text(format!("{:>3}", opened.derived.severity[i])),
                Cell::from(Span::styled(
                    format!("{:<2} {gap:>2}", theme.symbol(class)),
                    class_style,
                )),
                text(cut(3, &format!("{mark} {}", inert(&t.name)))),
                text(cut(4, &inert(&name_of_stage(&t.stage)))),
                text(cut(5, &inert(&owner))),
                text(cut(6, &inert(&partner))),
                Cell::from(Span::styled(class.name(), class_style)),
                text(format!("{:>3}", opened.derived.open_actions[i])),
            ])
        })
        .collect();
    let header = Row::new(
        [
            "  #",
            "Sev",
            "Gap",
            "Touchpoint",
            "Stage",
            "Owner",
            "Partner",
            "Class",
            "Act",
        ]
        .iter()
        .enumerate()
        .map(|(n, label)| cut(n, label)),
    )
    .style(theme.heading());

    let table = Table::new(visible, widths)
        .header(header)
        .column_spacing(1)
        .style(Style::default());
    frame.render_widget(table, area);
}
