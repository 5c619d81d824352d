//! Trend: the open journey over its git history. Experience debt at every
//! commit as a sparkline; for the selected touchpoint (j/k) its gap and
//! metric values along the commits, its actions' status changes and what
//! became of its gap after they were done. Outside a git work tree it says
//! so and shows nothing else.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline, Wrap};

use super::super::theme::Theme;
use crate::analysis::figures;
use crate::analysis::history::History;
use crate::analysis::metrics::verdict;
use crate::model::{GapClass, number};
use crate::text::{inert, plural};
use crate::tui::state::{AppState, Opened};
use crate::tui::trend::Trend;

/// ASCII bars for the debt sparkline.
const ASCII_BARS: symbols::bar::Set = symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "=",
    half: "=",
    three_eighths: "-",
    one_quarter: "-",
    one_eighth: ".",
    empty: " ",
};

pub fn render(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let history = match &state.trend {
        Trend::Read { history, .. } => history,
        Trend::NotGit { .. } => {
            let text = "Not in a git work tree: the Trend view reads the journey's commits. \
                        Commit the journey to git to follow its gaps over time.";
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
            return;
        }
        Trend::Failed { why, .. } => {
            let text = format!("Could not read the history: {}", inert(why));
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
            return;
        }
        Trend::Unread | Trend::Reading { .. } => {
            frame.render_widget(Paragraph::new("Reading the history..."), area);
            return;
        }
    };
    if history.points.is_empty() {
        let text = if history.revisions.is_empty() {
            "No commit has this journey yet: commit it to start its history.".to_owned()
        } else {
            format!(
                "None of the {} commits of this journey parses.",
                history.revisions.len()
            )
        };
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let [head, debt, touchpoint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(7),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(summary(history)), head);
    render_debt(history, theme, frame, debt);
    render_touchpoint(state, opened, history, theme, frame, touchpoint);
}

/// One line: commits, dates, debt first and last, gaps closed and not
/// moved after their actions, revisions that do not parse.
fn summary(history: &History) -> String {
    let (closed, unmoved) = history.closed_and_unmoved();
    let span = match (history.revisions.first(), history.revisions.last()) {
        (Some(a), Some(b)) => format!(", {} to {}", a.date, b.date),
        _ => String::new(),
    };
    let debt = match (history.points.first(), history.points.last()) {
        (Some(a), Some(b)) => format!("{} {} -> {}", figures::DEBT.label, a.debt, b.debt),
        _ => String::new(),
    };
    let mut line = format!(
        "{}{span} · {debt} · {} {closed} · {} {unmoved}",
        plural(history.revisions.len(), "commit"),
        figures::CLOSED_AFTER_ACTION.label,
        figures::NOT_MOVED.label,
    );
    if !history.failed.is_empty() {
        line.push_str(&format!(" · {} unreadable", history.failed.len()));
    }
    line
}

/// Indices of `len` points to draw in `width` columns: all of them when
/// they fit, else evenly spread, the first and the last included.
fn sample(len: usize, width: usize) -> Vec<usize> {
    if len <= width || width < 2 {
        return (0..len.min(width.max(1))).collect();
    }
    (0..width).map(|i| i * (len - 1) / (width - 1)).collect()
}

fn render_debt(history: &History, theme: &Theme, frame: &mut Frame, area: Rect) {
    let first = &history.revisions[history.points[0].revision];
    let last_point = &history.points[history.points.len() - 1];
    let last = &history.revisions[last_point.revision];
    let title = format!(
        " {} per commit: {} -> {} (bars: how deep) ",
        figures::DEBT.name,
        history.points[0].debt,
        last_point.debt
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [bars, axis] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let picked = sample(history.points.len(), usize::from(bars.width));
    // Few commits get wider bars (up to 4 columns each) so they read.
    let repeat = (usize::from(bars.width) / picked.len().max(1)).clamp(1, 4);
    let data: Vec<u64> = picked
        .iter()
        .flat_map(|&i| {
            std::iter::repeat_n(u64::from(history.points[i].debt.unsigned_abs()), repeat)
        })
        .collect();
    let mut sparkline = Sparkline::default()
        .data(&data)
        .max(data.iter().copied().max().unwrap_or(0).max(1))
        .style(theme.class(GapClass::Critical));
    if theme.ellipsis_ascii() {
        sparkline = sparkline.bar_set(ASCII_BARS);
    }
    frame.render_widget(sparkline, bars);
    let left = format!("{} {}", first.date, inert(&first.id));
    let right = format!("{} {}", last.date, inert(&last.id));
    let gap = usize::from(axis.width).saturating_sub(left.len() + right.len());
    let line = Line::from(vec![
        Span::styled(left, theme.dim()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), axis);
}

const BARS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// One cell per commit for a gap: a bar as high as the gap in Unicode, a
/// letter of its class in ASCII, a dot (`?`) where it was unscored.
fn gap_cell(gap: Option<i8>, ascii: bool) -> &'static str {
    match gap {
        None if ascii => "?",
        None => "·",
        Some(g) if ascii => match GapClass::of(g) {
            GapClass::Critical => "v",
            GapClass::Shortfall => "-",
            GapClass::Met => "=",
            _ => "^",
        },
        Some(g) => BARS[usize::try_from(i16::from(g) + 4).unwrap_or(0).min(7)],
    }
}

/// One cell per commit for a metric value: a bar as high as the value
/// between the lowest and highest seen (`*` in ASCII).
fn value_cell(value: Option<f64>, (lo, hi): (f64, f64), ascii: bool) -> &'static str {
    match value {
        None if ascii => "?",
        None => "·",
        Some(_) if ascii => "*",
        Some(v) => {
            let level = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
            BARS[((level * 7.0).round() as usize).min(7)]
        }
    }
}

fn render_touchpoint(
    state: &AppState,
    opened: &Opened,
    history: &History,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let j = &opened.journey;
    let Some(t) = opened
        .derived
        .corridor
        .get(state.trend_cursor)
        .and_then(|&i| j.touchpoints.get(i))
    else {
        return;
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(format!(
            " {} ({}/{}, j/k) ",
            inert(&t.name),
            state.trend_cursor + 1,
            opened.derived.corridor.len()
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label_width = 16usize;
    let strip_width = usize::from(inner.width).saturating_sub(label_width + 16);
    let picked = sample(history.points.len(), strip_width.max(1));
    // As wide per commit as the debt bars above, when they fit.
    let repeat = (strip_width / picked.len().max(1)).clamp(1, 4);
    let picked: Vec<usize> = picked
        .into_iter()
        .flat_map(|i| std::iter::repeat_n(i, repeat))
        .collect();
    let ascii = theme.ellipsis_ascii();
    let mut lines = Vec::new();
    let gaps = history.gap_series(t.id.as_str());
    let mut strip = vec![Span::styled(
        format!("{:<label_width$}", "Gap"),
        theme.heading(),
    )];
    for &i in &picked {
        let gap = gaps[i];
        let class = gap.map_or(GapClass::Unscored, GapClass::of);
        strip.push(Span::styled(gap_cell(gap, ascii), theme.class(class)));
    }
    let shown = |g: Option<i8>| g.map_or("-".to_owned(), |g| format!("{g:+}").replace("+0", "0"));
    strip.push(Span::raw(format!(
        "  {} -> {}",
        shown(gaps.iter().flatten().next().copied()),
        shown(*gaps.last().unwrap_or(&None))
    )));
    lines.push(Line::from(strip));
    for metric in &t.metrics {
        let series = history.metric_series(t.id.as_str(), &metric.name);
        let values: Vec<f64> = series.iter().flatten().copied().collect();
        let latest = history.points.last().and_then(|p| {
            p.metrics
                .iter()
                .find(|m| m.touchpoint == t.id.as_str() && m.metric == metric.name)
        });
        let (lo, hi) = values
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        let mut row = vec![Span::styled(
            format!("{:<label_width$}", inert(&metric.name)),
            theme.heading(),
        )];
        for &i in &picked {
            row.push(Span::raw(value_cell(series[i], (lo, hi), ascii)));
        }
        let first = values.first().map_or("-".to_owned(), |v| number(*v));
        let last = values.last().map_or("-".to_owned(), |v| number(*v));
        let against = latest.map_or(String::new(), |m| {
            let v = verdict(m.versus);
            if v.is_empty() { v } else { format!(", {v}") }
        });
        row.push(Span::raw(format!("  {first} -> {last}{against}")));
        lines.push(Line::from(row));
    }
    for e in history
        .events
        .iter()
        .filter(|e| e.touchpoint == t.id.as_str())
    {
        let c = &history.revisions[e.revision];
        let change = match (e.from, e.to) {
            (None, Some(to)) => format!("added, {}", to.name()),
            (Some(from), Some(to)) => format!("{} -> {}", from.name(), to.name()),
            (Some(from), None) => format!("removed ({})", from.name()),
            (None, None) => String::new(),
        };
        lines.push(Line::from(format!(
            "{} {}  action {}: {change}",
            c.date,
            inert(&c.id),
            inert(&e.action)
        )));
    }
    for o in history
        .outcomes
        .iter()
        .filter(|o| o.touchpoint == t.id.as_str())
    {
        let class = match o.verdict {
            crate::analysis::history::Verdict::Closed => GapClass::Met,
            _ => GapClass::Shortfall,
        };
        lines.push(Line::from(vec![
            Span::raw(format!(
                "After {} was done: gap {} -> {} ",
                inert(&o.action),
                o.then,
                o.now.map_or("-".to_owned(), |n| n.to_string())
            )),
            Span::styled(o.verdict.name().to_owned(), theme.class(class)),
        ]));
    }
    if !history.failed.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "{} not parse (`corridor history` shows the errors)",
                if history.failed.len() == 1 {
                    "1 revision does".to_owned()
                } else {
                    format!("{} revisions do", history.failed.len())
                }
            ),
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
