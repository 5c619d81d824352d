//! Owners: departments x stages heatmap with each department's figures
//! (pain first, most indebted first), an unowned row, the partner
//! comparison and channel consistency.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::super::theme::Theme;
use super::super::window;
use crate::analysis::figures::{self, Figure, mean_text};
use crate::analysis::{Figures, versus_rest};
use crate::model::GapClass;
use crate::text::{fit, inert};
use crate::tui::derived::{self, OwnerRow};
use crate::tui::state::{AppState, Opened};

/// Narrowest heatmap cell: `2 ▼▼▼▼-4` and a space.
const CELL_MIN: u16 = 9;
/// Widest: stage names get the room there is, up to this.
const CELL_MAX: u16 = 16;
/// The department's figures after the heatmap, pain first.
const TOTALS: [&Figure; 5] = [
    &figures::DEBT,
    &figures::BELOW,
    &figures::CRITICAL,
    &figures::MEAN_GAP,
    &figures::OPEN_ACTIONS,
];
const TOTAL_W: u16 = 6;
/// With steps behind the line: what the department faces, pain first...
const FACED: [&Figure; 3] = [&figures::DEBT, &figures::BELOW, &figures::CRITICAL];
/// ...and the same for the touchpoints it supports from behind.
const BEHIND: [&Figure; 3] = FACED;

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

/// The style of a heatmap cell: a background by class so the map reads
/// from the back of the room (16 colours), deeper for deeper gaps; without
/// colour the symbols carry it.
fn cell_style(theme: &Theme, worst: Option<i8>) -> Style {
    let Some(worst) = worst else {
        return theme.class(GapClass::Unscored);
    };
    if !theme.color {
        return if worst <= -2 {
            Style::default().add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        };
    }
    let (bg, fg) = match worst {
        i8::MIN..=-4 => (Color::Magenta, Color::White),
        -3 => (Color::Red, Color::White),
        -2 => (Color::LightRed, Color::Black),
        -1 => (Color::Yellow, Color::Black),
        0 => return Style::default(),
        _ => (Color::Green, Color::Black),
    };
    Style::default().bg(bg).fg(fg).add_modifier(Modifier::BOLD)
}

/// `2 ▼▼▼-3`: count, one mark per point below expectation (so -2, -3 and -4
/// differ without colour), and the worst gap.
fn cell_text(theme: &Theme, cell: &derived::Cell) -> String {
    match (cell.count, cell.worst) {
        (0, _) => format!("{:>3}", theme.dot()),
        (c, None) => format!("{c} ?"),
        (c, Some(w)) if w < 0 => {
            let mark = if theme.ascii { "v" } else { "▼" };
            format!("{c} {}{w}", mark.repeat(usize::from(w.unsigned_abs())))
        }
        (c, Some(w)) => {
            let class = GapClass::of(w);
            let gap = if w > 0 {
                format!("+{w}")
            } else {
                w.to_string()
            };
            format!("{c} {}{gap}", theme.symbol(class))
        }
    }
}

/// A department (or partner) name with the class its figures read as, so a
/// group with any touchpoint below expectation never reads as neutral.
fn group_cell(theme: &Theme, name: &str, f: &Figures, width: usize) -> Cell<'static> {
    let class = f.class();
    let text = format!("{:<2} {}", theme.symbol(class), inert(name));
    let style = match class {
        GapClass::Critical | GapClass::Shortfall => theme.class(class),
        _ => Style::default(),
    };
    Cell::from(Span::styled(fit(&text, width, theme.ascii), style))
}

fn heatmap(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let stages = &opened.journey.stages;
    let name_w: u16 = if area.width >= 120 { 22 } else { 16 };
    // With steps behind the line of visibility, the department's figures
    // come in two groups, faced and behind; narrow screens leave the mean
    // and open actions to the wider ones.
    let behind = opened.derived.behind_steps;
    let faced: &[&Figure] = if behind && area.width < 120 {
        &FACED
    } else {
        &TOTALS
    };
    let extra: &[&Figure] = if behind { &BEHIND } else { &[] };
    let totals_w = TOTAL_W * (faced.len() + extra.len()) as u16;
    let room = area.width.saturating_sub(name_w + totals_w + 1);
    let fits = usize::from(room / CELL_MIN).max(1);
    let shown = fits.min(stages.len());
    let cell_w = if shown == 0 {
        CELL_MIN
    } else {
        (room / shown as u16).clamp(CELL_MIN, CELL_MAX)
    };
    let focus = state.corridor.stage.min(stages.len().saturating_sub(1));
    let first = window(focus, 0, shown.max(1)).min(stages.len().saturating_sub(shown));
    let [caption, groups, table_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(behind)),
        Constraint::Min(1),
    ])
    .areas(area);
    if behind {
        let x = name_w + 1 + shown as u16 * cell_w;
        group_labels(theme, frame, groups, x, faced.len() as u16);
    }
    let more_left = first > 0;
    let more_right = first + shown < stages.len();
    let caption_text = if more_left || more_right {
        format!(
            "stages {}-{} of {}  {}h/l scroll{}",
            first + 1,
            first + shown,
            stages.len(),
            if more_left { "< " } else { "" },
            if more_right { " >" } else { "" }
        )
    } else {
        format!("stages 1-{} of {}", stages.len(), stages.len())
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Departments by stage, most indebted first", theme.heading()),
            Span::styled(format!("   {caption_text}"), theme.dim()),
        ])),
        caption,
    );
    let mut header: Vec<Cell> = vec![Cell::from("Department")];
    for (n, s) in stages.iter().enumerate().skip(first).take(shown) {
        let label = fit(&inert(&s.name), usize::from(cell_w - 1), theme.ascii);
        let style = if n == focus {
            theme.heading().add_modifier(Modifier::UNDERLINED)
        } else {
            theme.heading()
        };
        header.push(Cell::from(Span::styled(label, style)));
    }
    for f in faced.iter().chain(extra) {
        header.push(Cell::from(format!("{:>5}", f.label)));
    }
    let all: Vec<&OwnerRow> = opened
        .derived
        .owners
        .iter()
        .chain(std::iter::once(&opened.derived.unowned))
        .collect();
    let height = usize::from(table_area.height.saturating_sub(1));
    let top = window(state.owners.selected, state.owners.offset, height);
    let rows: Vec<Row> = all
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(n, o)| {
            let f = &o.figures;
            let mut cells = vec![group_cell(theme, &o.name, f, usize::from(name_w))];
            for cell in o.cells.iter().skip(first).take(shown) {
                let style = if cell.count == 0 {
                    theme.dim()
                } else {
                    cell_style(theme, cell.worst)
                };
                cells.push(Cell::from(Span::styled(cell_text(theme, cell), style)));
            }
            for &figure in faced {
                let text = match *figure {
                    figures::OPEN_ACTIONS if o.id.is_empty() => "-".to_owned(),
                    figures::OPEN_ACTIONS => o.open_actions.to_string(),
                    _ => f.text(figure),
                };
                let pain = matches!(*figure, figures::DEBT | figures::BELOW | figures::CRITICAL)
                    && f.below_expectation() > 0;
                let style = if pain {
                    theme.class(f.class())
                } else {
                    Style::default()
                };
                cells.push(Cell::from(Span::styled(format!("{text:>5}"), style)));
            }
            let b = &o.behind;
            for figure in extra {
                let style = if b.below_expectation() > 0 {
                    theme.class(b.class())
                } else {
                    Style::default()
                };
                let text = if o.id.is_empty() {
                    "-".into()
                } else {
                    b.text(figure)
                };
                cells.push(Cell::from(Span::styled(format!("{text:>5}"), style)));
            }
            let row = Row::new(cells);
            if n == state.owners.selected {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![Constraint::Length(name_w)];
    widths.extend(std::iter::repeat_n(Constraint::Length(cell_w - 1), shown));
    widths.extend(std::iter::repeat_n(
        Constraint::Length(TOTAL_W - 1),
        faced.len() + extra.len(),
    ));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.heading()))
        .column_spacing(1);
    frame.render_widget(table, table_area);
}

/// `── faced ──── ── behind ────` over the two groups of figures,
/// starting `x` columns into `area`.
fn group_labels(theme: &Theme, frame: &mut Frame, area: Rect, x: u16, faced: u16) {
    let block = |label: &str, columns: u16| {
        let w = usize::from(columns * TOTAL_W - 1);
        let text: String = format!("── {label} {}", "─".repeat(w))
            .chars()
            .take(w)
            .collect();
        format!("{text} ")
    };
    let line = Line::from(vec![
        Span::raw(" ".repeat(usize::from(x))),
        Span::styled(block("faced", faced), theme.dim()),
        Span::styled(block("behind", BEHIND.len() as u16), theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn partner_table(opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let name_w = usize::from(area.width.saturating_sub(4 + 5 + 13 + 3));
    let rows: Vec<Row> = opened
        .derived
        .partners
        .iter()
        .map(|p| {
            let f = &p.figures;
            let diff = mean_text(versus_rest(f.mean_gap, p.rest_mean_gap));
            let (flag, style) = if p.lags() {
                (" lags", theme.class(GapClass::Critical))
            } else {
                ("", Style::default())
            };
            Row::new(vec![
                group_cell(theme, &p.name, f, name_w),
                Cell::from(format!("{:>4}", f.text(&figures::DEBT))),
                Cell::from(format!("{:>5}", f.text(&figures::BELOW))),
                Cell::from(Span::styled(format!("{diff}{flag}"), style)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        "Partner".to_owned(),
        format!("{:>4}", figures::DEBT.label),
        format!("{:>5}", figures::BELOW.label),
        format!("{} vs rest", figures::MEAN_GAP.label),
    ])
    .style(theme.heading());
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(4),
        Constraint::Length(5),
        Constraint::Length(13),
    ];
    frame.render_widget(Table::new(rows, widths).header(header), area);
}

fn channel_table(opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let name_w = usize::from(area.width.saturating_sub(3 + 4 + 5 + 11 + 4));
    let rows: Vec<Row> = opened
        .derived
        .channels
        .iter()
        .map(|c| {
            let uneven = crate::analysis::uneven(c.spread);
            let spread = c.spread.map_or("-".into(), |s| format!("{s:.2}"));
            let style = if uneven {
                theme.class(GapClass::Shortfall)
            } else {
                Style::default()
            };
            Row::new(vec![
                Cell::from(fit(&inert(&c.name), name_w, theme.ascii)),
                Cell::from(format!("{:>3}", c.figures.count)),
                Cell::from(format!("{:>4}", c.figures.text(&figures::DEBT))),
                Cell::from(c.figures.text(&figures::MEAN_GAP)),
                Cell::from(Span::styled(
                    format!("{spread}{}", if uneven { " uneven" } else { "" }),
                    style,
                )),
            ])
        })
        .collect();
    let header = Row::new(vec![
        "Channel".to_owned(),
        "  #".to_owned(),
        format!("{:>4}", figures::DEBT.label),
        format!("{:>5}", figures::MEAN_GAP.label),
        figures::SPREAD.label.to_owned(),
    ])
    .style(theme.heading());
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Length(4),
        Constraint::Length(5),
        Constraint::Length(11),
    ];
    frame.render_widget(Table::new(rows, widths).header(header), area);
}
