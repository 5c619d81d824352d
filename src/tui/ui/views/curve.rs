//! Curve: expected and actual along the corridor, experience debt and
//! emotion beneath, stage boundaries labelled.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition, Paragraph};

use super::super::theme::Theme;
use crate::text::{inert, truncate, width};
use crate::tui::state::{AppState, Opened};

/// Corridor positions to plot: all of them, or an even sample when there
/// are more than the chart has columns (so a frame never walks the journey).
fn sample(len: usize, columns: usize) -> Vec<usize> {
    let columns = columns.max(1);
    if len <= columns * 2 {
        (0..len).collect()
    } else {
        (0..columns * 2).map(|c| c * len / (columns * 2)).collect()
    }
}

pub fn render(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let corridor = &opened.derived.corridor;
    if corridor.is_empty() {
        frame.render_widget(Paragraph::new("This journey has no touchpoints yet."), area);
        return;
    }
    let [scores, debt, emotion, labels, info] = Layout::vertical([
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let ts = &opened.journey.touchpoints;
    let debts = &opened.derived.debt;
    let (low, high) = opened.derived.debt_range;
    // Every row shares one left margin (labels, then the axis line) so that
    // a touchpoint sits at the same column in all of them.
    let margin = [low.to_string().len(), high.to_string().len(), 1]
        .into_iter()
        .max()
        .unwrap_or(1);
    let label = |text: String| Span::raw(format!("{text:>margin$}"));
    let plot = |row: Rect| Rect {
        x: row.x + margin as u16 + 1,
        width: row.width.saturating_sub(margin as u16 + 1),
        ..row
    };

    let points = sample(corridor.len(), usize::from(area.width));
    let series = |f: &dyn Fn(usize) -> Option<f64>| -> Vec<(f64, f64)> {
        points
            .iter()
            .filter_map(|&p| Some((p as f64, f(corridor[p])?)))
            .collect()
    };
    let expected = series(&|i| ts[i].expected.map(|s| f64::from(s.get())));
    let actual = series(&|i| ts[i].actual.map(|s| f64::from(s.get())));
    let cursor = state.curve.min(corridor.len() - 1);
    let at = ts[corridor[cursor]]
        .actual
        .or(ts[corridor[cursor]].expected);
    let cursor_point = [(cursor as f64, at.map_or(3.0, |s| f64::from(s.get())))];
    let x_max = (corridor.len().saturating_sub(1)).max(1) as f64;
    // The lines differ by marker as well as colour; in ASCII the markers
    // become `*` and `#`.
    let (expected_name, actual_name) = if theme.ascii {
        ("expected (*)", "actual (#)")
    } else {
        ("expected (dots)", "actual (solid)")
    };
    let (exp_style, act_style) = if theme.color {
        (
            Style::default().fg(Color::Cyan),
            Style::default().fg(Color::LightMagenta),
        )
    } else {
        (Style::default(), Style::default())
    };
    let line = if theme.ascii {
        Marker::Dot
    } else {
        Marker::Braille
    };
    let datasets = vec![
        Dataset::default()
            .name(expected_name)
            .marker(line)
            .graph_type(GraphType::Line)
            .style(exp_style)
            .data(&expected),
        Dataset::default()
            .name(actual_name)
            .marker(Marker::Block)
            .graph_type(GraphType::Line)
            .style(act_style)
            .data(&actual),
        Dataset::default()
            .marker(Marker::Block)
            .graph_type(GraphType::Scatter)
            .style(theme.selected())
            .data(&cursor_point),
    ];
    let legend = (Constraint::Ratio(1, 2), Constraint::Ratio(1, 1));
    let chart = Chart::new(datasets)
        .hidden_legend_constraints(legend)
        .legend_position(Some(LegendPosition::TopRight))
        .x_axis(Axis::default().bounds([0.0, x_max]))
        .y_axis(Axis::default().bounds([1.0, 5.0]).labels(vec![
            label("1".into()),
            label("3".into()),
            label("5".into()),
        ]));
    frame.render_widget(chart, scores);

    let debt_points: Vec<(f64, f64)> = points
        .iter()
        .map(|&p| (p as f64, f64::from(debts[p])))
        .collect();
    let debt_chart = Chart::new(vec![
        Dataset::default()
            .name("experience debt")
            .marker(line)
            .graph_type(GraphType::Line)
            .style(theme.class(crate::model::GapClass::Critical))
            .data(&debt_points),
    ])
    .hidden_legend_constraints(legend)
    .legend_position(Some(LegendPosition::BottomLeft))
    .x_axis(Axis::default().bounds([0.0, x_max]))
    .y_axis(
        Axis::default()
            .bounds([f64::from(low), f64::from(high.max(low + 1))])
            .labels(vec![label(low.to_string()), label(high.to_string())]),
    );
    frame.render_widget(debt_chart, debt);

    let row_label = |row: Rect, text: &str| {
        let area = Rect {
            width: (margin as u16 + 1).min(row.width),
            ..row
        };
        Paragraph::new(Span::styled(
            truncate(text, usize::from(area.width), theme.ascii),
            theme.dim(),
        ))
    };
    frame.render_widget(row_label(emotion, "emotion"), emotion);
    let emotion_plot = plot(emotion);
    frame.render_widget(
        Paragraph::new(emotion_line(opened, theme, emotion_plot.width)),
        emotion_plot,
    );
    let labels_plot = plot(labels);
    frame.render_widget(
        Paragraph::new(stage_labels(opened, theme, labels_plot.width)),
        labels_plot,
    );

    let t = &ts[corridor[cursor]];
    let s = |v: Option<crate::model::Score>| v.map_or("?".to_owned(), |v| v.to_string());
    let text = format!(
        "{}/{} {}  expected {} actual {}  gap {}  emotion {}  debt {}",
        cursor + 1,
        corridor.len(),
        inert(&t.name),
        s(t.expected),
        s(t.actual),
        t.gap().map_or("?".into(), |g| g.to_string()),
        t.emotion.map_or("-".into(), |e| e.to_string()),
        debts[cursor]
    );
    let text = truncate(&text, usize::from(info.width), theme.ascii);
    frame.render_widget(Paragraph::new(Span::styled(text, theme.heading())), info);
}

/// One character per column, placed as the chart places x: how the
/// customer felt at the touchpoint under that column.
fn emotion_line<'a>(opened: &Opened, theme: &Theme, columns: u16) -> Line<'a> {
    let corridor = &opened.derived.corridor;
    let columns = usize::from(columns).max(1);
    let last = corridor.len().saturating_sub(1).max(1);
    let glyphs: [&str; 5] = if theme.ascii {
        ["v", "-", ".", "+", "^"]
    } else {
        ["▁", "▂", "▄", "▆", "█"]
    };
    let mut text = String::with_capacity(columns * 3);
    for c in 0..columns {
        let p = (c * last + (columns - 1) / 2) / (columns - 1).max(1);
        let e = corridor
            .get(p.min(last))
            .and_then(|&i| opened.journey.touchpoints[i].emotion);
        text.push_str(e.map_or(" ", |e| glyphs[(e.get() + 2) as usize]));
    }
    Line::from(Span::styled(text, theme.dim()))
}

/// Stage names placed where each stage starts along the x axis.
fn stage_labels<'a>(opened: &Opened, theme: &Theme, columns: u16) -> Line<'a> {
    let last = opened.derived.corridor.len().saturating_sub(1).max(1);
    let columns = usize::from(columns);
    let mut starts = Vec::new();
    let mut seen = 0;
    for (s, members) in opened.derived.stage_members.iter().enumerate() {
        if !members.is_empty() {
            starts.push((seen * columns.saturating_sub(1) / last, s));
        }
        seen += members.len();
    }
    let mut line = String::new();
    for (n, &(col, s)) in starts.iter().enumerate() {
        let next = starts.get(n + 1).map_or(columns, |&(c, _)| c);
        while width(&line) < col {
            line.push(' ');
        }
        let room = next.saturating_sub(width(&line));
        let bar = if theme.ascii { "|" } else { "│" };
        let name = inert(&opened.journey.stages[s].name);
        line.push_str(&truncate(&format!("{bar}{name}"), room, theme.ascii));
    }
    Line::from(Span::styled(line, theme.dim()))
}
