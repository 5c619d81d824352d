//! The compare screen: two journeys lined up by touchpoint id (the current
//! and future state, or two personas). Both actual curves in one chart
//! (`o` the first, `●` the second, `◉` where they meet), then every
//! touchpoint with both gaps and the change.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::theme::Theme;
use crate::analysis::compare::{Comparison, compare};
use crate::analysis::figures;
use crate::model::{GapClass, Touchpoint};
use crate::report::compare::{Side, change_text, presence};
use crate::text::{fit, fit_right, inert};
use crate::tui::state::AppState;

/// Marks of the two curves: first, second, both at one score.
fn marks(theme: &Theme) -> (&'static str, &'static str, &'static str) {
    if theme.ascii {
        ("o", "*", "@")
    } else {
        ("o", "●", "◉")
    }
}

pub fn render(
    state: &AppState,
    (first, second, row): (usize, usize, usize),
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    frame.render_widget(Clear, area);
    let opened = |i: usize| state.entries.get(i)?.content.as_ref().ok();
    let (Some(a), Some(b)) = (opened(first), opened(second)) else {
        frame.render_widget(Paragraph::new("One of the journeys is gone: Esc"), area);
        return;
    };
    let (a_name, b_name) = (&state.entries[first].name, &state.entries[second].name);
    let mut a_side = Side::new(&a.journey, a_name, "first");
    let mut b_side = Side::new(&b.journey, b_name, "second");
    if a_side.label == b_side.label {
        a_side.label = "first";
        b_side.label = "second";
    }
    let cmp = compare(&a.journey, &b.journey);
    let width = usize::from(area.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let title = format!(
        "{} ({}) and {} ({})",
        inert(a_name),
        a_side.label,
        inert(b_name),
        b_side.label
    );
    lines.push(Line::from(Span::styled(
        fit(&title, width, theme.ascii),
        theme.heading(),
    )));
    let totals: Vec<String> = [&figures::DEBT, &figures::BELOW, &figures::CRITICAL]
        .iter()
        .map(|f| {
            format!(
                "{} {} -> {}",
                f.label,
                cmp.first.text(f),
                cmp.second.text(f)
            )
        })
        .collect();
    lines.push(Line::from(fit(&totals.join("  "), width, theme.ascii)));
    lines.extend(chart(&cmp, (&a_side, &b_side), theme, width));
    let used = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), area);
    let table_area = Rect {
        y: area.y + used.min(area.height),
        height: area.height.saturating_sub(used),
        ..area
    };
    frame.render_widget(
        Paragraph::new(table(&cmp, (&a_side, &b_side), row, theme, table_area)),
        table_area,
    );
}

/// Scores 5 to 1 as rows, a column per touchpoint (sampled when there are
/// more touchpoints than columns), then the legend.
fn chart(
    cmp: &Comparison<'_>,
    (a, b): (&Side<'_>, &Side<'_>),
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let (first_mark, second_mark, both) = marks(theme);
    let plot_w = width.saturating_sub(3).max(1);
    let n = cmp.rows.len().max(1);
    let step = n.div_ceil(plot_w).max(1);
    let sampled: Vec<_> = cmp.rows.iter().step_by(step).collect();
    let column = (plot_w / sampled.len().max(1)).clamp(1, 4);
    let actual = |t: Option<&Touchpoint>| t.and_then(|t| t.actual).map(|s| s.get());
    let mut out = Vec::new();
    for score in (1..=5u8).rev() {
        let mut spans = vec![Span::styled(format!("{score} │"), theme.dim())];
        for r in &sampled {
            let (x, y) = (actual(r.first), actual(r.second));
            let (mark, style) = match (x == Some(score), y == Some(score)) {
                (true, true) => (both, theme.heading()),
                (true, false) => (first_mark, theme.dim()),
                (false, true) => {
                    let class = r.second.map_or(GapClass::Unscored, Touchpoint::gap_class);
                    (second_mark, theme.class(class))
                }
                (false, false) => (" ", Style::default()),
            };
            spans.push(Span::styled(format!("{mark:<column$}"), style));
        }
        out.push(Line::from(spans));
    }
    let legend = format!(
        "  {first_mark} actual ({})   {second_mark} actual ({})   {both} both",
        a.label, b.label
    );
    out.push(Line::from(Span::styled(
        fit(&legend, width, theme.ascii),
        theme.dim(),
    )));
    out
}

/// `4 -> 1 -3` for one side, `-` when it lacks the touchpoint.
fn side(t: Option<&Touchpoint>) -> String {
    let Some(t) = t else {
        return "-".into();
    };
    let s = |v: Option<crate::model::Score>| v.map_or("?".to_owned(), |s| s.to_string());
    let gap = t.gap().map_or("?".to_owned(), |g| g.to_string());
    format!("{} -> {} {gap:>2}", s(t.expected), s(t.actual))
}

fn table(
    cmp: &Comparison<'_>,
    (a, b): (&Side<'_>, &Side<'_>),
    row: usize,
    theme: &Theme,
    area: Rect,
) -> Vec<Line<'static>> {
    let width = usize::from(area.width);
    let side_w = 11;
    let note_w = 6 + a.label.len().max(b.label.len());
    let name_w = width
        .saturating_sub(2 * (side_w + 1) + 7 + note_w + 1)
        .max(8);
    let mut lines = vec![Line::from(Span::styled(
        fit(
            &format!(
                "{} {} {} {}",
                fit("Touchpoint", name_w, theme.ascii),
                fit_right(a.label, side_w, theme.ascii),
                fit_right(b.label, side_w, theme.ascii),
                fit_right(figures::CHANGE.label, 6, theme.ascii)
            ),
            width,
            theme.ascii,
        ),
        theme.heading(),
    ))];
    let height = usize::from(area.height.saturating_sub(1));
    let first = row.min(cmp.rows.len().saturating_sub(height.max(1)));
    for r in cmp.rows.iter().skip(first).take(height) {
        let change = r.change();
        let change_style = match change {
            Some(c) if c > 0 => theme.class(GapClass::Exceeded),
            Some(c) if c < 0 => theme.class(GapClass::Critical),
            _ => Style::default(),
        };
        let gap_style =
            |t: Option<&Touchpoint>| t.map_or(Style::default(), |t| theme.class(t.gap_class()));
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{} ",
                fit(&inert(&r.touchpoint.name), name_w, theme.ascii)
            )),
            Span::styled(
                format!("{} ", fit_right(&side(r.first), side_w, theme.ascii)),
                gap_style(r.first),
            ),
            Span::styled(
                format!("{} ", fit_right(&side(r.second), side_w, theme.ascii)),
                gap_style(r.second),
            ),
            Span::styled(
                fit_right(&change_text(change), 6, theme.ascii),
                change_style,
            ),
            Span::styled(format!(" {}", presence(r, a, b)), theme.dim()),
        ]));
    }
    lines
}
