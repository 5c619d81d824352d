//! The frame around every view: title, view tabs, status line and key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::text::{fit, inert, plural, truncate, width};
use crate::tui::keymap;
use crate::tui::state::Opened;
use crate::tui::state::{AppState, Mode, View};

/// The title line: which journey of how many and how to switch, its
/// title and file, and its figures. What does not fit goes, least needed
/// first: the stage count, the file, the program's name; then the title is
/// cut.
pub fn title(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let total = usize::from(area.width);
    let dot = format!(" {} ", theme.dot());
    let Some((opened, name)) = state.opened().zip(state.current_name()) else {
        let line = Line::from(Span::styled(
            truncate("corridor", total, theme.ascii),
            theme.heading(),
        ));
        frame.render_widget(Paragraph::new(line), area);
        return;
    };
    let openable: Vec<usize> = state
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.content.is_ok())
        .map(|(i, _)| i)
        .collect();
    let position = state
        .current
        .and_then(|c| openable.iter().position(|&i| i == c))
        .filter(|_| openable.len() > 1)
        .map(|at| format!("{}/{} ([ ] or 6)", at + 1, openable.len()));
    let t = &opened.derived.totals;
    let debt = opened.derived.debt.last().copied().unwrap_or(0);
    let flag = if state.read_only().is_some() {
        " [read-only]"
    } else if state.is_dirty() {
        " [modified]"
    } else {
        ""
    };
    let figures = |stages: bool| {
        let mut parts = vec![plural(t.count, "touchpoint")];
        if stages {
            parts.push(plural(opened.journey.stages.len(), "stage"));
        }
        parts.push(format!("{} critical", t.critical));
        parts.push(format!("debt {debt}{flag}"));
        parts.join(&dot)
    };
    let journey = inert(&opened.journey.title);
    let file = inert(name);
    // (brand, stages, file), most to least complete.
    let layouts = [
        (true, true, true),
        (true, false, true),
        (true, false, false),
        (false, false, false),
    ];
    // Each layout as (program name, position, title and file, figures).
    let compose = |(brand, stages, with_file): (bool, bool, bool)| {
        let brand = if brand {
            format!("corridor{dot}")
        } else {
            String::new()
        };
        let position = position
            .as_ref()
            .map_or(String::new(), |p| format!("{p}{dot}"));
        let tail = if with_file {
            format!("{journey}{dot}{file}")
        } else {
            journey.clone()
        };
        [brand, position, tail, figures(stages)]
    };
    let fits = |parts: &[String; 4]| parts.iter().map(|p| width(p)).sum::<usize>() < total;
    let [brand, position, tail, right] = layouts
        .into_iter()
        .map(compose)
        .find(fits)
        .unwrap_or_else(|| compose((false, false, false)));
    let position = truncate(&position, total, theme.ascii);
    let room = total.saturating_sub(width(&brand) + width(&position) + width(&right) + 1);
    let tail = truncate(&tail, room, theme.ascii);
    let used = width(&brand) + width(&position) + width(&tail);
    let right = truncate(&right, total.saturating_sub(used), theme.ascii);
    let gap = total.saturating_sub(used + width(&right));
    let line = Line::from(vec![
        Span::styled(brand, theme.heading()),
        Span::styled(position, theme.key()),
        Span::styled(tail, theme.heading()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

pub fn tabs(state: &AppState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    // " 1 Corridor " needs 84 columns for all eight; narrower screens drop
    // a space, then another.
    for view in View::ALL.iter() {
        let label = match area.width {
            84.. => format!(" {} {} ", view.key(), view.title()),
            76.. => format!("{} {} ", view.key(), view.title()),
            _ => format!("{}{} ", view.key(), view.title()),
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
        capture_line(state, theme, index, actual, usize::from(area.width))
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
        let rest = format!(" and {}? ", crate::text::plural(linked, "linked action"));
        let keys = "y delete  any other key keep";
        let room = usize::from(area.width).saturating_sub(width(&rest) + width(keys) + 7);
        Line::from(vec![
            Span::styled("Delete ", theme.class(crate::model::GapClass::Critical)),
            Span::raw(format!("{}{rest}", truncate(&name, room, theme.ascii))),
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
        Line::from(Span::raw(fit(
            &inert(status),
            usize::from(area.width),
            theme.ascii,
        )))
    } else {
        Line::default()
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
/// What score capture is waiting for, on which touchpoint. On a short
/// line the key reminder gives way first (the hint bar has the keys too),
/// then the name is cut.
fn capture_line<'a>(
    state: &AppState,
    theme: &Theme,
    index: usize,
    actual: bool,
    columns: usize,
) -> Line<'a> {
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
    let name = inert(&t.name);
    // "capture ", "  expected", "[5]", "actual", " _ ".
    let fixed = 8 + 10 + 3 + 6 + 3;
    // The whole name first, then as much of the reminder as fits.
    let tail = [
        " 1-5 score, Backspace back, s save, Esc stop",
        " 1-5 score",
        "",
    ]
    .into_iter()
    .find(|tail| fixed + width(&name) + width(tail) <= columns)
    .unwrap_or("");
    let room = columns.saturating_sub(fixed + width(tail));
    Line::from(vec![
        Span::styled("capture ", theme.key()),
        Span::raw(format!("{}  expected", truncate(&name, room, theme.ascii))),
        mark(!actual, exp),
        Span::raw("actual"),
        mark(actual, act),
        Span::styled(tail, theme.dim()),
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

/// What the filter and the search hold, in words: `department Billing,
/// class critical` and `"parcel"`; `None` when they hold nothing.
fn narrowing_parts(state: &AppState, opened: &Opened) -> (Option<String>, Option<String>) {
    let j = &opened.journey;
    let f = &state.filter;
    let named = |id: &String, name: Option<&str>| inert(name.unwrap_or(id));
    let mut parts = Vec::new();
    if let Some(id) = &f.stage {
        let name = j.stages.iter().find(|s| s.id.as_str() == id);
        parts.push(format!(
            "stage {}",
            named(id, name.map(|s| s.name.as_str()))
        ));
    }
    if let Some(id) = &f.department {
        let name = if id.is_empty() {
            "(unowned)".to_owned()
        } else {
            let d = j.departments.iter().find(|d| d.id.as_str() == id);
            named(id, d.map(|d| d.name.as_str()))
        };
        parts.push(format!("department {name}"));
    }
    if let Some(id) = &f.partner {
        let p = j.partners.iter().find(|p| p.id.as_str() == id);
        parts.push(format!("partner {}", named(id, p.map(|p| p.name.as_str()))));
    }
    if let Some(channel) = &f.channel {
        parts.push(format!("channel {}", inert(channel)));
    }
    if let Some(class) = f.class {
        parts.push(format!("class {}", class.name()));
    }
    let filter = (!parts.is_empty()).then(|| parts.join(", "));
    let search = (!state.search.is_empty()).then(|| format!("\"{}\"", inert(&state.search)));
    (filter, search)
}

/// The header line of a view the filter or the search narrows: what is
/// narrowed and how many of how many remain, e.g. `Filter: department
/// Billing, class critical  3 of 19 touchpoints`. The count always shows;
/// the words are cut to fit.
pub fn narrowing<'a>(
    state: &AppState,
    opened: &Opened,
    theme: &Theme,
    shown: usize,
    columns: usize,
) -> Option<Line<'a>> {
    let (filter, search) = narrowing_parts(state, opened);
    if filter.is_none() && search.is_none() {
        return None;
    }
    let mut words = Vec::new();
    if let Some(filter) = filter {
        words.push(format!("Filter: {filter}"));
    }
    if let Some(search) = search {
        words.push(format!("Search: {search}"));
    }
    let count = format!(
        "{shown} of {}",
        crate::text::plural(opened.journey.touchpoints.len(), "touchpoint")
    );
    let clear = "  (Esc clears)";
    let room = columns.saturating_sub(width(&count) + 2);
    let words = truncate(&words.join("  "), room, theme.ascii);
    let tail = if width(&words) + 2 + width(&count) + width(clear) <= columns {
        clear
    } else {
        ""
    };
    Some(Line::from(vec![
        Span::styled(words, theme.key()),
        Span::raw("  "),
        Span::styled(count, theme.heading()),
        Span::styled(tail, theme.dim()),
    ]))
}
