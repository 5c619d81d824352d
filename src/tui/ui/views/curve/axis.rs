//! The rows under the panels, on the same x axis: how the customer felt at
//! each touchpoint, and the stage bands with their names.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use super::{Curve, put};
use crate::text::{inert, truncate, width};

/// A stage's stretch of the x axis, in plot cells.
pub(super) struct StageSpan {
    pub stage: usize,
    pub start: u16,
    pub end: u16,
    /// Corridor positions of its first and last touchpoints.
    pub first: usize,
    pub last: usize,
}

/// The stages with touchpoints, left to right. The corridor lists stages
/// in order, so each is one run of positions.
pub(super) fn stage_spans(curve: &Curve) -> Vec<StageSpan> {
    let mut spans = Vec::new();
    let mut seen = 0;
    for (stage, members) in curve.opened.derived.stage_members.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let first = seen;
        seen += members.len();
        let (start, end) = (curve.slots.start(first), curve.slots.start(seen));
        if end > start {
            spans.push(StageSpan {
                stage,
                start,
                end,
                first,
                last: seen - 1,
            });
        }
    }
    spans
}

/// The row label in the margin.
fn label(curve: &Curve, buffer: &mut Buffer, row: Rect, text: &str) {
    let text = truncate(text, usize::from(super::MARGIN) - 1, curve.theme.ascii);
    buffer.set_string(row.x, row.y, text, Style::default());
}

fn emotion_style(color: bool, emotion: i8) -> Style {
    let fg = match emotion {
        i8::MIN..=-2 => Color::LightRed,
        -1 => Color::Yellow,
        0 => Color::Gray,
        _ => Color::LightGreen,
    };
    if color {
        Style::default().fg(fg)
    } else {
        Style::default()
    }
}

/// Emotion -2..+2 as a bar per touchpoint (its value in ASCII where there
/// is room), a blank cell between touchpoints when they are wide enough.
pub(super) fn emotion(curve: &Curve, buffer: &mut Buffer, row: Rect) {
    if row.height == 0 {
        return;
    }
    label(curve, buffer, row, "Emotion");
    let slots = curve.slots;
    let plot = curve.plot_row(row.y);
    let roomy = slots.cells_each() >= 3;
    if curve.theme.ascii && roomy {
        for p in 0..slots.len {
            let Some(e) = curve.touchpoint(p).and_then(|t| t.emotion) else {
                continue;
            };
            let text = format!("{:>2}", e.to_string());
            let x = slots.center(p).saturating_sub(1).max(slots.start(p));
            buffer.set_string(
                plot.x + x,
                plot.y,
                text,
                emotion_style(curve.theme.color, e.get()),
            );
        }
    } else {
        let glyphs: [&str; 5] = if curve.theme.ascii {
            ["v", "-", "0", "+", "^"]
        } else {
            ["▁", "▂", "▄", "▆", "█"]
        };
        let gaps = slots.cells_each() >= 3;
        for x in 0..plot.width {
            let p = slots.at(x);
            // A blank between touchpoints, and at most seven cells each.
            let center = slots.center(p);
            if gaps && x + 1 == slots.start(p + 1) || x + 3 < center || x > center + 3 {
                continue;
            }
            let Some(e) = curve.touchpoint(p).and_then(|t| t.emotion) else {
                continue;
            };
            let glyph = glyphs[usize::from((e.get() + 2).clamp(0, 4) as u8)];
            let style = emotion_style(curve.theme.color, e.get());
            put(buffer, (plot.x + x, plot.y), glyph, style);
        }
    }
    curve.mark_selected(buffer, plot);
}

/// Stage names centred under their stretch, a bar where each begins; the
/// selected touchpoint's stage in the heading style.
pub(super) fn stages(curve: &Curve, buffer: &mut Buffer, row: Rect) {
    if row.height == 0 {
        return;
    }
    label(curve, buffer, row, "Stage");
    let theme = curve.theme;
    let plot = curve.plot_row(row.y);
    let bar = if theme.ascii { "|" } else { "│" };
    for span in stage_spans(curve) {
        put(buffer, (plot.x + span.start, plot.y), bar, theme.dim());
        let room = usize::from(span.end - span.start - 1);
        let Some(stage) = curve.opened.journey.stages.get(span.stage) else {
            continue;
        };
        let name = truncate(&inert(&stage.name), room, theme.ascii);
        let pad = (room - width(&name).min(room)) / 2;
        let style = if (span.first..=span.last).contains(&curve.selected) {
            theme.heading()
        } else {
            Style::default()
        };
        let x = plot.x + span.start + 1 + pad as u16;
        buffer.set_stringn(x, plot.y, name, room - pad, style);
    }
}
