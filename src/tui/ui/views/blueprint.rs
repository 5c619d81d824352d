//! Blueprint: the service behind each touchpoint. Stages head the columns
//! (one column per touchpoint, left to right), lanes are the rows: the
//! customer's touchpoints, frontstage, the line of visibility, backstage
//! and support; each step with its owner, fail points marked `!`. The
//! selected touchpoint's steps stand out and the step under the cursor is
//! in reverse video, so it reads without colour.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::Theme;
use crate::model::{GapClass, Journey, Lane, Step};
use crate::text::{fit, inert};
use crate::tui::state::{AppState, Opened};

/// Width of the lane titles on the left.
const LABEL: u16 = 11;
/// Narrowest touchpoint column.
const MIN_COLUMN: u16 = 20;
/// Rows of the customer lane: the touchpoint's name and its scores.
const CUSTOMER: u16 = 2;

/// The mark of a fail point.
const FAIL: &str = "!";

/// Who does a step, as short as the column needs.
fn owner(journey: &Journey, step: &Step) -> String {
    match (&step.owner, &step.partner) {
        (Some(o), _) => journey
            .department(o)
            .map_or(o.to_string(), |d| d.name.clone()),
        (None, Some(p)) => journey.partner(p).map_or(p.to_string(), |p| p.name.clone()),
        (None, None) => "no owner".into(),
    }
}

/// The first column drawn so that `selected` shows among `shown`.
fn first_column(selected: usize, shown: usize, len: usize) -> usize {
    let shown = shown.max(1);
    selected
        .saturating_sub(shown / 2)
        .min(len.saturating_sub(shown))
}

pub fn render(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let d = &opened.derived;
    // Nothing is drawn outside the view, however short the screen.
    let frame = &mut Clipped { frame, area };
    if d.corridor.is_empty() {
        frame.render_widget(
            Paragraph::new("No touchpoints yet: a in the Corridor adds one."),
            area,
        );
        return;
    }
    let j = &opened.journey;
    let len = d.corridor.len();
    let cursor = state.blueprint;
    let position = cursor.position.min(len - 1);
    let room = area.width.saturating_sub(LABEL);
    let shown = usize::from((room / MIN_COLUMN).max(1)).min(len);
    let column_w = room / shown as u16;
    let first = first_column(position, shown, len);
    let columns: Vec<usize> = (first..first + shown).collect();

    // Rows: caption, stages, customer, lanes with the line of visibility
    // between frontstage and backstage, and the selection's detail.
    let detail_h: u16 = 2;
    let fixed = 1 + 1 + CUSTOMER + 1 + detail_h;
    let lanes_h = area.height.saturating_sub(fixed);
    let depth = |lane: usize| {
        columns
            .iter()
            .map(|&p| d.lanes.get(p).map_or(0, |l| l[lane].len()))
            .max()
            .unwrap_or(0)
    };
    let depths: Vec<u16> = (0..3).map(|l| depth(l) as u16).collect();
    // Two lines a step (name, owner) when they fit, else one.
    let two = depths.iter().map(|n| n * 2).sum::<u16>() + 3 <= lanes_h;
    let per_step = if two { 2 } else { 1 };
    let heights = lane_heights(&depths, per_step, lanes_h);

    let caption = format!(
        "Service blueprint, touchpoints {}-{} of {len}  h/l touchpoint  j/k step  a e d J K",
        first + 1,
        first + shown
    );
    let mut y = area.y;
    let line = |y: u16, h: u16| Rect {
        x: area.x,
        y,
        width: area.width,
        height: h,
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&caption, usize::from(area.width), theme.ascii),
            theme.heading(),
        )),
        line(y, 1),
    );
    y += 1;
    stage_row(j, opened, &columns, (column_w, y), theme, frame, area);
    y += 1;
    let cell = |slot: usize, y: u16, h: u16| Rect {
        x: area.x + LABEL + slot as u16 * column_w,
        y,
        width: column_w.saturating_sub(1),
        height: h,
    };
    label(frame, theme, line(y, CUSTOMER), "Customer");
    for (slot, &p) in columns.iter().enumerate() {
        let index = d.corridor[p];
        let t = &j.touchpoints[index];
        let selected = p == position;
        let name_style = if selected && cursor.row == 0 {
            theme.selected()
        } else if selected {
            theme.heading()
        } else {
            Style::default()
        };
        let class = t.gap_class();
        let s = |v: Option<crate::model::Score>| v.map_or("?".to_owned(), |s| s.to_string());
        let gap = t.gap().map_or(String::new(), |g| g.to_string());
        let w = usize::from(column_w.saturating_sub(1));
        let star = if t.moment_of_truth {
            theme.moment()
        } else {
            ""
        };
        let lines = vec![
            Line::from(Span::styled(
                fit(&format!("{star}{}", inert(&t.name)), w, theme.ascii),
                name_style,
            )),
            Line::from(vec![
                Span::raw(format!("{} -> {} ", s(t.expected), s(t.actual))),
                Span::styled(format!("{} {gap}", theme.symbol(class)), theme.class(class)),
            ]),
        ];
        frame.render_widget(Paragraph::new(lines), cell(slot, y, CUSTOMER));
    }
    y += CUSTOMER;
    for (lane_at, lane) in Lane::ALL.iter().enumerate() {
        if *lane == Lane::Backstage {
            visibility(frame, theme, line(y, 1));
            y += 1;
        }
        let h = heights[lane_at];
        label(frame, theme, line(y, h.max(1)), lane.title());
        for (slot, &p) in columns.iter().enumerate() {
            let steps = d.lanes.get(p).map_or(&[][..], |l| &l[lane_at][..]);
            let rows_before: usize = d
                .lanes
                .get(p)
                .map_or(0, |l| l[..lane_at].iter().map(Vec::len).sum());
            let lines = step_lines(
                j,
                steps,
                (p == position)
                    .then(|| cursor.row.checked_sub(1 + rows_before))
                    .flatten(),
                p == position,
                (
                    usize::from(column_w.saturating_sub(1)),
                    usize::from(h),
                    per_step,
                ),
                theme,
            );
            frame.render_widget(Paragraph::new(lines), cell(slot, y, h));
        }
        y += h;
    }
    detail(
        state,
        opened,
        theme,
        frame,
        Rect {
            x: area.x,
            y,
            width: area.width,
            height: area.bottom().saturating_sub(y),
        },
    );
}

/// A frame that draws only inside `area`.
struct Clipped<'f, 'b> {
    frame: &'f mut Frame<'b>,
    area: Rect,
}

impl Clipped<'_, '_> {
    fn render_widget<W: ratatui::widgets::Widget>(&mut self, widget: W, rect: Rect) {
        let rect = rect.intersection(self.area);
        if !rect.is_empty() {
            self.frame.render_widget(widget, rect);
        }
    }
}

/// How many rows each lane gets: what its deepest column needs, shrunk
/// evenly (at least one row each) when the screen is short.
fn lane_heights(depths: &[u16], per_step: u16, room: u16) -> Vec<u16> {
    let mut heights: Vec<u16> = depths.iter().map(|&n| (n * per_step).max(1)).collect();
    while heights.iter().sum::<u16>() > room {
        let Some(tallest) = heights.iter_mut().filter(|h| **h > 1).max_by_key(|h| **h) else {
            break;
        };
        *tallest -= 1;
    }
    let spare = room.saturating_sub(heights.iter().sum());
    if let Some(last) = heights.last_mut() {
        *last += spare;
    }
    heights
}

fn label(frame: &mut Clipped<'_, '_>, theme: &Theme, area: Rect, text: &str) {
    let area = Rect {
        width: LABEL.min(area.width),
        height: area.height.min(1),
        ..area
    };
    frame.render_widget(
        Paragraph::new(Span::styled(text.to_owned(), theme.dim())),
        area,
    );
}

/// The line of visibility: what the customer sees is above it.
fn visibility(frame: &mut Clipped<'_, '_>, theme: &Theme, area: Rect) {
    let text = " line of visibility ";
    let width = usize::from(area.width);
    let dash = "┄";
    let left = 3.min(width);
    let right = width.saturating_sub(left + text.len());
    let line = format!("{}{text}{}", dash.repeat(left), dash.repeat(right));
    frame.render_widget(Paragraph::new(Span::styled(line, theme.dim())), area);
}

/// The stage of each column, written once over the run of its columns.
fn stage_row(
    j: &Journey,
    opened: &Opened,
    columns: &[usize],
    (column_w, y): (u16, u16),
    theme: &Theme,
    frame: &mut Clipped<'_, '_>,
    area: Rect,
) {
    let mut slot = 0;
    while slot < columns.len() {
        let t = &j.touchpoints[opened.derived.corridor[columns[slot]]];
        let run = columns[slot..]
            .iter()
            .take_while(|&&p| j.touchpoints[opened.derived.corridor[p]].stage == t.stage)
            .count()
            .max(1);
        let name = j
            .stage(&t.stage)
            .map_or(t.stage.to_string(), |s| s.name.clone());
        let w = column_w * run as u16;
        let rect = Rect {
            x: area.x + LABEL + slot as u16 * column_w,
            y,
            width: w.saturating_sub(1),
            height: 1,
        };
        let text = fit(&inert(&name), usize::from(rect.width), theme.ascii);
        let style = theme.heading().add_modifier(Modifier::UNDERLINED);
        frame.render_widget(Paragraph::new(Span::styled(text, style)), rect);
        slot += run;
    }
}

/// The lines of one lane of one column: each step's name (fail points
/// marked) and, with room, its owner; the cursor's step reversed.
fn step_lines(
    j: &Journey,
    steps: &[usize],
    cursor: Option<usize>,
    in_focus: bool,
    (width, height, per_step): (usize, usize, u16),
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let fit_w = |text: &str| fit(text, width, theme.ascii);
    let capacity = height / usize::from(per_step.max(1));
    let shown = if steps.len() > capacity {
        capacity.saturating_sub(1)
    } else {
        steps.len()
    };
    for (n, &i) in steps.iter().take(shown).enumerate() {
        let step = &j.steps[i];
        let mark = if step.fail_point { FAIL } else { " " };
        let base = if cursor == Some(n) {
            theme.selected()
        } else if in_focus {
            theme.heading()
        } else {
            Style::default()
        };
        let name_style = if step.fail_point && cursor != Some(n) {
            base.patch(theme.class(GapClass::Critical))
        } else {
            base
        };
        let who = owner(j, step);
        if per_step == 2 {
            lines.push(Line::from(Span::styled(
                fit_w(&format!("{mark}{}", inert(&step.name))),
                name_style,
            )));
            lines.push(Line::from(Span::styled(
                fit_w(&format!("  {}", inert(&who))),
                if cursor == Some(n) { base } else { theme.dim() },
            )));
        } else {
            lines.push(Line::from(Span::styled(
                fit_w(&format!("{mark}{} · {}", inert(&step.name), inert(&who))),
                name_style,
            )));
        }
    }
    if shown < steps.len() {
        let more = format!(" +{} more", steps.len() - shown);
        let style = if cursor.is_some_and(|c| c >= shown) {
            theme.selected()
        } else {
            theme.dim()
        };
        lines.push(Line::from(Span::styled(fit_w(&more), style)));
    }
    lines
}

/// The selected step (or touchpoint) in full at the bottom.
fn detail(
    state: &AppState,
    opened: &Opened,
    theme: &Theme,
    frame: &mut Clipped<'_, '_>,
    area: Rect,
) {
    if area.height == 0 {
        return;
    }
    let j = &opened.journey;
    let width = usize::from(area.width);
    let text = match super::super::super::update::blueprint::selected_step(state) {
        Some(i) => {
            let s = &j.steps[i];
            let fail = if s.fail_point { ", fail point" } else { "" };
            let notes = s
                .notes
                .as_deref()
                .map_or(String::new(), |n| format!(": {}", inert(n)));
            format!(
                "{} {} · {} ({}{fail}){notes}",
                if s.fail_point { FAIL } else { ">" },
                inert(&s.name),
                inert(&owner(j, s)),
                s.lane.name()
            )
        }
        None => {
            let index = opened.derived.corridor.get(state.blueprint.position);
            let t = index.and_then(|&i| j.touchpoints.get(i));
            let steps = t.map_or(0, |t| j.steps_for(&t.id).count());
            match t {
                Some(t) => format!(
                    "> {} · {} behind it · a adds one, j/k walks them",
                    inert(&t.name),
                    crate::text::plural(steps, "step")
                ),
                None => String::new(),
            }
        }
    };
    let rule = "─".repeat(width);
    let lines = vec![
        Line::from(Span::styled(rule, theme.dim())),
        Line::from(fit(&text, width, theme.ascii)),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_shrink_evenly_and_spare_rows_go_last() {
        assert_eq!(lane_heights(&[1, 2, 1], 2, 12), vec![2, 4, 6]);
        assert_eq!(lane_heights(&[1, 4, 1], 2, 6), vec![2, 2, 2]);
        assert_eq!(lane_heights(&[0, 0, 0], 2, 2), vec![1, 1, 1]);
        assert_eq!(first_column(5, 3, 21), 4);
        assert_eq!(first_column(20, 3, 21), 18);
    }
}
