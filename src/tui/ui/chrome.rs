//! The frame around every view: title, view tabs, status line and key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::text::{inert, truncate, width};
use crate::tui::keymap;
use crate::tui::state::{AppState, Mode, View};

pub fn title(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut left = String::from("corridor");
    if let (Some(opened), Some(name)) = (state.opened(), state.current_name()) {
        left.push_str(&format!(
            " {} {} {} {}",
            theme.dot(),
            inert(&opened.journey.title),
            theme.dot(),
            inert(name)
        ));
    }
    let right = match state.opened() {
        Some(opened) => {
            let t = &opened.derived.totals;
            let debt = opened.derived.debt.last().copied().unwrap_or(0);
            format!(
                "{} touchpoints {} {} critical {} debt {debt}{}",
                t.count,
                theme.dot(),
                t.critical,
                theme.dot(),
                if state.read_only().is_some() {
                    " [read-only]"
                } else if state.is_dirty() {
                    " [modified]"
                } else {
                    ""
                }
            )
        }
        None => String::new(),
    };
    let total = usize::from(area.width);
    let right_w = width(&right);
    let left = truncate(&left, total.saturating_sub(right_w + 1), theme.ascii);
    let gap = total.saturating_sub(width(&left) + right_w);
    let line = Line::from(vec![
        Span::styled(left, theme.heading()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

pub fn tabs(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    // " 1 Corridor " needs 75 columns for all seven; narrower screens drop a space.
    let roomy = area.width >= 75;
    for view in View::ALL.iter() {
        let label = if roomy {
            format!(" {} {} ", view.key(), view.title())
        } else {
            format!("{} {} ", view.key(), view.title())
        };
        if *view == state.view {
            spans.push(Span::styled(label, theme.selected()));
        } else {
            spans.push(Span::raw(label));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn status(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let line = if let Mode::Capture { index, actual } = state.mode {
        capture_line(state, theme, index, actual)
    } else if let Mode::ConfirmDelete { index } = state.mode {
        let opened = state.opened();
        let name = opened
            .and_then(|o| o.journey.touchpoints.get(index))
            .map_or(String::new(), |t| inert(&t.name));
        let linked = opened.map_or(0, |o| {
            let id = o.journey.touchpoints.get(index).map(|t| &t.id);
            o.journey
                .actions
                .iter()
                .filter(|a| Some(&a.touchpoint) == id)
                .count()
        });
        Line::from(vec![
            Span::styled("Delete ", theme.class(crate::model::GapClass::Critical)),
            Span::raw(format!(
                "{name} and {}? ",
                crate::text::plural(linked, "linked action")
            )),
            Span::styled("y", theme.key()),
            Span::raw(" delete  "),
            Span::styled("any other key", theme.key()),
            Span::raw(" keep"),
        ])
    } else if state.mode == Mode::Conflict {
        Line::from(vec![
            Span::styled(
                "Changed on disk by someone else: ",
                theme.class(crate::model::GapClass::Critical),
            ),
            Span::styled("r", theme.key()),
            Span::raw(" reload (drop mine)  "),
            Span::styled("c", theme.key()),
            Span::raw(" save mine as a copy  "),
            Span::styled("Esc", theme.key()),
            Span::raw(" cancel"),
        ])
    } else if state.mode == Mode::ConfirmQuit {
        Line::from(vec![
            Span::styled(
                "Unsaved changes: ",
                theme.class(crate::model::GapClass::Critical),
            ),
            Span::styled("s", theme.key()),
            Span::raw(" save and quit  "),
            Span::styled("d", theme.key()),
            Span::raw(" discard and quit  "),
            Span::styled("Esc", theme.key()),
            Span::raw(" cancel"),
        ])
    } else if state.mode == Mode::Search {
        Line::from(vec![
            Span::styled("/", theme.key()),
            Span::raw(inert(&state.search)),
            Span::styled("_", theme.dim()),
        ])
    } else if let Some(status) = &state.status {
        Line::from(Span::raw(inert(status)))
    } else {
        let mut parts = Vec::new();
        let f = &state.filter;
        for (name, value) in [
            ("stage", f.stage.clone()),
            (
                "department",
                f.department
                    .clone()
                    .map(|d| if d.is_empty() { "(unowned)".into() } else { d }),
            ),
            ("partner", f.partner.clone()),
            ("channel", f.channel.clone()),
            ("class", f.class.map(|c| c.name().to_owned())),
        ] {
            if let Some(value) = value {
                parts.push(format!("{name}={}", inert(&value)));
            }
        }
        if !state.search.is_empty() {
            parts.push(format!("search \"{}\"", inert(&state.search)));
        }
        if parts.is_empty() {
            Line::default()
        } else {
            Line::from(vec![
                Span::styled("filter: ", theme.key()),
                Span::raw(parts.join("  ")),
                Span::styled("  (Esc clears)", theme.dim()),
            ])
        }
    };
    frame.render_widget(Paragraph::new(line), area);
    if state.view == View::Gaps && !state.gap_rows.is_empty() {
        let info = format!("{}/{}", state.gaps.selected + 1, state.gap_rows.len());
        let w = (width(&info) as u16).min(area.width);
        let corner = Rect {
            x: area.right().saturating_sub(w),
            width: w,
            ..area
        };
        frame.render_widget(Paragraph::new(Span::styled(info, theme.dim())), corner);
    }
}

/// What score capture is waiting for, on which touchpoint.
fn capture_line<'a>(state: &AppState, theme: &Theme, index: usize, actual: bool) -> Line<'a> {
    let Some(t) = state
        .opened()
        .and_then(|o| o.journey.touchpoints.get(index))
    else {
        return Line::default();
    };
    let score = |s: Option<crate::model::Score>| s.map_or("_".to_owned(), |s| s.to_string());
    let (exp, act) = (score(t.expected), score(t.actual));
    let mark = |on: bool, text: String| {
        if on {
            Span::styled(format!("[{text}]"), theme.selected())
        } else {
            Span::raw(format!(" {text} "))
        }
    };
    Line::from(vec![
        Span::styled("capture ", theme.key()),
        Span::raw(format!("{}  expected", inert(&t.name))),
        mark(!actual, exp),
        Span::raw("actual"),
        mark(actual, act),
        Span::styled(" 1-5 score, Backspace back, Esc stop", theme.dim()),
    ])
}

pub fn hints(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in keymap::hints(&state.mode) {
        let w = width(&key) + width(label) + 3;
        if used + w > usize::from(area.width) {
            break;
        }
        used += w;
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
