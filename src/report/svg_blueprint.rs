//! The service blueprint as inline SVG for the HTML report: a column per
//! touchpoint in corridor order (coloured by its gap), lanes as rows
//! (frontstage, the line of visibility drawn dashed, backstage, support),
//! each step a box with its owner, fail points in red. File text is inert,
//! cut to fit and escaped, with the full text as a tooltip.

use std::fmt::Write;

use super::blueprint_sections::FAIL_MARK;
use super::svg::{colours, esc, label, two_lines};
use crate::analysis::blueprint::{Column, columns};
use crate::model::{Journey, Lane, Step};

const LABEL: usize = 120;
const COLUMN: usize = 180;
const GUTTER: usize = 8;
const HEAD: usize = 64;
const STEP: usize = 52;
const LANE_PAD: usize = 12;

/// Who does a step, by name.
fn owner(journey: &Journey, step: &Step) -> String {
    match (&step.owner, &step.partner) {
        (Some(o), _) => journey
            .department(o)
            .map_or(o.to_string(), |d| d.name.clone()),
        (None, Some(p)) => journey.partner(p).map_or(p.to_string(), |p| p.name.clone()),
        (None, None) => "no owner".into(),
    }
}

/// The blueprint of `journey`: touchpoints with at least one step.
pub fn blueprint(journey: &Journey) -> String {
    let shown: Vec<Column<'_>> = columns(journey)
        .into_iter()
        .filter(|c| c.steps().next().is_some())
        .collect();
    let depth = |lane: Lane| {
        shown
            .iter()
            .map(|c| c.depth(lane))
            .max()
            .unwrap_or(0)
            .max(1)
    };
    let heights: Vec<usize> = Lane::ALL
        .iter()
        .map(|&l| depth(l) * (STEP + GUTTER) + LANE_PAD)
        .collect();
    let width = LABEL + shown.len().max(1) * (COLUMN + GUTTER);
    let height = HEAD + heights.iter().sum::<usize>() + GUTTER;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="blueprint" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="Service blueprint">"#
    );
    // Lane bands and titles.
    let mut top = HEAD;
    for (lane, h) in Lane::ALL.iter().zip(&heights) {
        let fill = if lane.is_behind() {
            "#eef1f5"
        } else {
            "#f8f9fb"
        };
        let _ = write!(
            out,
            r##"<rect x="0" y="{top}" width="{width}" height="{h}" fill="{fill}"/><text x="8" y="{}" class="stage">{}</text>"##,
            top + 22,
            lane.title()
        );
        if *lane == Lane::Backstage {
            let _ = write!(
                out,
                r##"<line x1="0" y1="{top}" x2="{width}" y2="{top}" stroke="#1a1a1a" stroke-dasharray="6 4"/><text x="8" y="{}" class="small">line of visibility</text>"##,
                top.saturating_sub(4)
            );
        }
        top += h;
    }
    for (n, column) in shown.iter().enumerate() {
        let x = LABEL + n * (COLUMN + GUTTER);
        let t = column.touchpoint;
        let (fill, ink) = colours(t.gap_class());
        let gap = t.gap().map_or(String::new(), |g| format!(" ({g})"));
        let (first, second) = two_lines(&t.name, 24);
        let _ = write!(
            out,
            r#"<g class="tp"><title>{}</title><rect x="{x}" y="6" width="{COLUMN}" height="{}" rx="5" fill="{fill}"/><text x="{}" y="26" fill="{ink}">{}</text><text x="{}" y="44" fill="{ink}">{}{}</text></g>"#,
            esc(&t.name),
            HEAD - 12,
            x + 8,
            esc(&first),
            x + 8,
            esc(&second),
            esc(&gap)
        );
        let mut top = HEAD;
        for (lane, h) in column.lanes.iter().zip(&heights) {
            for (r, &i) in lane.iter().enumerate() {
                step_box(
                    &mut out,
                    journey,
                    &journey.steps[i],
                    x,
                    top + LANE_PAD / 2 + r * (STEP + GUTTER),
                );
            }
            top += h;
        }
    }
    out.push_str("</svg>");
    out
}

fn step_box(out: &mut String, journey: &Journey, step: &Step, x: usize, y: usize) {
    let (stroke, width) = if step.fail_point {
        ("#c62828", 3)
    } else {
        ("#9aa5b1", 1)
    };
    let mark = if step.fail_point {
        format!("{FAIL_MARK} ")
    } else {
        String::new()
    };
    let who = owner(journey, step);
    let (first, second) = two_lines(&format!("{mark}{}", step.name), 25);
    let second = if second.is_empty() {
        String::new()
    } else {
        esc(&second)
    };
    let _ = write!(
        out,
        r##"<g class="step"><title>{} ({})</title><rect x="{x}" y="{y}" width="{COLUMN}" height="{STEP}" rx="4" fill="#ffffff" stroke="{stroke}" stroke-width="{width}"/><text x="{}" y="{}">{}</text><text x="{}" y="{}">{second}</text><text x="{}" y="{}" class="small">{}</text></g>"##,
        esc(&step.name),
        esc(&who),
        x + 6,
        y + 15,
        esc(&first),
        x + 6,
        y + 30,
        x + 6,
        y + 45,
        label(&who, 28)
    );
}
