//! Owners: departments x stages heatmap with totals, an unowned row, the
//! partner comparison and channel consistency.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

use super::super::theme::Theme;
use super::super::window;
use crate::model::GapClass;
use crate::text::{fit, inert};
use crate::tui::derived::OwnerRow;
use crate::tui::state::{AppState, Opened};

const CELL_W: u16 = 8;
const TOTALS_W: u16 = 5 * 6;

/// `+1`, `0`, `-2`: a gap as the other views write it.
fn signed(gap: i8) -> String {
    if gap > 0 {
        format!("+{gap}")
    } else {
        gap.to_string()
    }
}

fn mean(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| format!("{v:+.2}"))
}

pub fn render(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let partners = opened.derived.partners.len();
    let channels = opened.derived.channels.len();
    let lower = (partners.max(channels) as u16 + 1).min(area.height / 2);
    let [heat, below] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(lower)]).areas(area);
    heatmap(state, opened, theme, frame, heat);
    let [left, _, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(below);
    partner_table(opened, theme, frame, left);
    channel_table(opened, theme, frame, right);
}

fn heatmap(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let stages = &opened.journey.stages;
    let name_w: u16 = 16;
    let room = area.width.saturating_sub(name_w + TOTALS_W + 1);
    let shown = usize::from(room / CELL_W).min(stages.len());
    let first =
        window(state.corridor.stage, 0, shown.max(1)).min(stages.len().saturating_sub(shown));
    let hidden = stages.len() - shown;
    let first_label = if hidden > 0 {
        format!(
            "Department  {} {}",
            if first > 0 { "<" } else { " " },
            if first + shown < stages.len() {
                ">"
            } else {
                " "
            }
        )
    } else {
        "Department".to_owned()
    };
    let mut header: Vec<Cell> = vec![Cell::from(first_label)];
    for s in stages.iter().skip(first).take(shown) {
        header.push(Cell::from(fit(
            &inert(&s.name),
            usize::from(CELL_W - 1),
            theme.ascii,
        )));
    }
    for h in ["Owned", "Short", " Crit", " Mean", " Open"] {
        header.push(Cell::from(h));
    }
    let all: Vec<&OwnerRow> = opened
        .derived
        .owners
        .iter()
        .chain(std::iter::once(&opened.derived.unowned))
        .collect();
    let height = usize::from(area.height.saturating_sub(1));
    let top = window(state.owners.selected, state.owners.offset, height);
    let rows: Vec<Row> = all
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(n, o)| {
            let mut cells = vec![Cell::from(inert(&o.name))];
            for cell in o.cells.iter().skip(first).take(shown) {
                let class = cell.class();
                let text = match (cell.count, cell.worst) {
                    (0, _) => format!("{:>3}", theme.dot()),
                    (c, Some(w)) => format!("{c} {:<2}{}", theme.symbol(class), signed(w)),
                    (c, None) => format!("{c} ?"),
                };
                let style = if theme.color && cell.count > 0 {
                    Style::default().fg(Theme::class_color(class))
                } else {
                    theme.class(class)
                };
                cells.push(Cell::from(Span::styled(text, style)));
            }
            let f = &o.figures;
            let crit_style = if f.critical > 0 {
                theme.class(GapClass::Critical)
            } else {
                Style::default()
            };
            cells.push(Cell::from(format!("{:>5}", f.count)));
            cells.push(Cell::from(format!("{:>5}", f.below_expectation())));
            cells.push(Cell::from(Span::styled(
                format!("{:>5}", f.critical),
                crit_style,
            )));
            cells.push(Cell::from(format!("{:>5}", mean(f.mean_gap))));
            let open = if o.id.is_empty() {
                "-".to_owned()
            } else {
                o.open_actions.to_string()
            };
            cells.push(Cell::from(format!("{open:>5}")));
            let row = Row::new(cells);
            if n == state.owners.selected {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![Constraint::Length(name_w)];
    widths.extend(std::iter::repeat_n(Constraint::Length(CELL_W - 1), shown));
    widths.extend(std::iter::repeat_n(Constraint::Length(5), 5));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.heading()))
        .column_spacing(1);
    frame.render_widget(table, area);
}

fn partner_table(opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows: Vec<Row> = opened
        .derived
        .partners
        .iter()
        .map(|p| {
            let diff = match (p.figures.mean_gap, p.rest_mean_gap) {
                (Some(m), Some(r)) => format!("{:+.2}", m - r),
                _ => "-".into(),
            };
            let style = if p.is_laggard() {
                theme.class(GapClass::Critical)
            } else {
                Style::default()
            };
            let flag = if p.is_laggard() { " lags" } else { "" };
            Row::new(vec![
                Cell::from(inert(&p.name)),
                Cell::from(format!("{:>3}", p.figures.count)),
                Cell::from(mean(p.figures.mean_gap)),
                Cell::from(mean(p.rest_mean_gap)),
                Cell::from(Span::styled(format!("{diff}{flag}"), style)),
            ])
        })
        .collect();
    let header = Row::new(vec!["Partner", "  #", " Mean", " Rest", "Diff"]).style(theme.heading());
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(10),
    ];
    frame.render_widget(Table::new(rows, widths).header(header), area);
}

fn channel_table(opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows: Vec<Row> = opened
        .derived
        .channels
        .iter()
        .map(|c| {
            let uneven = c.spread.is_some_and(|s| s >= 1.0);
            let spread = c.spread.map_or("-".into(), |s| format!("{s:.2}"));
            let style = if uneven {
                theme.class(GapClass::Shortfall)
            } else {
                Style::default()
            };
            Row::new(vec![
                Cell::from(inert(&c.name)),
                Cell::from(format!("{:>3}", c.figures.count)),
                Cell::from(mean(c.figures.mean_gap)),
                Cell::from(Span::styled(
                    format!("{spread}{}", if uneven { " uneven" } else { "" }),
                    style,
                )),
            ])
        })
        .collect();
    let header = Row::new(vec!["Channel", "  #", " Mean", "Spread"]).style(theme.heading());
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Length(11),
    ];
    frame.render_widget(Table::new(rows, widths).header(header), area);
}
