//! Inline SVG for the HTML report: the corridor (stages as columns,
//! touchpoints as boxes coloured by gap class) and the expected/actual curve
//! with experience debt beneath. File text is made inert, cut to fit and
//! escaped; the full text goes in a `<title>` tooltip.

use std::collections::HashMap;
use std::fmt::Write;

use super::lookup::Lookup;
use crate::analysis::{DebtPoint, experience_debt};
use crate::model::{GapClass, Id, Journey, Touchpoint};
use unicode_width::UnicodeWidthChar;

use crate::text::{inert, truncate, width};

/// Fill and text colour of each gap class; the HTML legend uses the same.
pub fn colours(class: GapClass) -> (&'static str, &'static str) {
    match class {
        GapClass::Critical => ("#c62828", "#ffffff"),
        GapClass::Shortfall => ("#f29d38", "#1a1a1a"),
        GapClass::Met => ("#b0bec5", "#1a1a1a"),
        GapClass::Exceeded => ("#2e7d32", "#ffffff"),
        GapClass::Unscored => ("#eeeeee", "#555555"),
    }
}

/// Text for HTML and SVG: inert, then `& < > " '` as entities.
pub fn esc(text: &str) -> String {
    let clean = inert(text);
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` cut to `columns` display columns, escaped.
pub(super) fn label(text: &str, columns: usize) -> String {
    esc(&truncate(&inert(text), columns, false))
}

/// `text` over two lines of `columns` display columns, broken at a space
/// where there is one, the second line cut with an ellipsis. Not escaped.
pub(super) fn two_lines(text: &str, columns: usize) -> (String, String) {
    let clean = inert(text);
    if width(&clean) <= columns {
        return (clean, String::new());
    }
    let (mut used, mut space, mut hard) = (0, None, clean.len());
    for (i, c) in clean.char_indices() {
        used += UnicodeWidthChar::width(c).unwrap_or(0);
        if used > columns {
            hard = i;
            break;
        }
        if c == ' ' {
            space = Some(i);
        }
    }
    let cut = space.filter(|&s| s > 0).unwrap_or(hard);
    let (first, rest) = clean.split_at(cut);
    (
        first.trim_end().to_owned(),
        truncate(rest.trim_start(), columns, false),
    )
}

const COLUMN: usize = 190;
const GUTTER: usize = 10;
const BOX: usize = 74;
const HEAD: usize = 44;

/// The corridor: one column per stage (plus one per unknown stage id), one
/// box per touchpoint in corridor order.
pub fn corridor(journey: &Journey) -> String {
    let lookup = Lookup::new(journey);
    let mut by_stage: HashMap<&Id, Vec<&Touchpoint>> = HashMap::new();
    let mut unknown: Vec<&Id> = Vec::new();
    for t in journey.corridor() {
        if lookup.stage(&t.stage).is_none() && !by_stage.contains_key(&t.stage) {
            unknown.push(&t.stage);
        }
        by_stage.entry(&t.stage).or_default().push(t);
    }
    let members = |id: &Id| by_stage.get(id).cloned().unwrap_or_default();
    let mut columns: Vec<(String, Vec<&Touchpoint>)> = journey
        .stages
        .iter()
        .map(|s| (s.name.clone(), members(&s.id)))
        .collect();
    columns.extend(unknown.into_iter().map(|id| (id.to_string(), members(id))));
    let deepest = columns.iter().map(|(_, m)| m.len()).max().unwrap_or(0);
    let width = (columns.len().max(1) * (COLUMN + GUTTER)).max(200);
    let height = HEAD + deepest.max(1) * (BOX + GUTTER) + GUTTER;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="corridor" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="Corridor">"#
    );
    for (c, (name, members)) in columns.iter().enumerate() {
        let x = c * (COLUMN + GUTTER) + GUTTER / 2;
        let _ = write!(
            out,
            r##"<rect x="{x}" y="0" width="{COLUMN}" height="{height}" rx="6" fill="#f5f7fa"/><text x="{}" y="26" class="stage">{}<title>{}</title></text>"##,
            x + 10,
            label(name, 21),
            esc(name)
        );
        for (r, t) in members.iter().enumerate() {
            let y = HEAD + r * (BOX + GUTTER);
            touchpoint_box(&mut out, t, x + 6, y);
        }
    }
    out.push_str("</svg>");
    out
}

fn touchpoint_box(out: &mut String, t: &Touchpoint, x: usize, y: usize) {
    let class = t.gap_class();
    let (fill, ink) = colours(class);
    let stroke = if t.moment_of_truth {
        r##" stroke="#1a1a1a" stroke-width="3""##
    } else {
        ""
    };
    let star = if t.moment_of_truth { "★ " } else { "" };
    let score = |s: Option<crate::model::Score>| s.map_or("?".to_owned(), |s| s.to_string());
    let gap = t.gap().map_or(String::new(), |g| format!(" ({g})"));
    let (first, second) = two_lines(&format!("{star}{}", t.name), 22);
    let _ = write!(
        out,
        r#"<g class="tp {}"><title>{}</title><rect x="{x}" y="{y}" width="{}" height="{BOX}" rx="5" fill="{fill}"{stroke}/><text x="{}" y="{}" fill="{ink}">{}</text><text x="{}" y="{}" fill="{ink}">{}</text><text x="{}" y="{}" fill="{ink}" class="small">{} {} → {}{gap}</text></g>"#,
        class.name(),
        esc(&t.name),
        COLUMN - 12,
        x + 8,
        y + 20,
        esc(&first),
        x + 8,
        y + 38,
        esc(&second),
        x + 8,
        y + 62,
        class.symbol(false),
        score(t.expected),
        score(t.actual),
    );
}

const STEP: usize = 36;
const LEFT: usize = 40;
const SCORE_TOP: usize = 34;
const SCORE_H: usize = 160;
const DEBT_H: usize = 90;

/// Expected (dashed) and actual scores along the corridor, points coloured
/// by gap class, and experience debt as bars beneath.
pub fn curve(journey: &Journey) -> String {
    let points = experience_debt(journey);
    let n = points.len().max(1);
    let width = LEFT + n * STEP + 20;
    let debt_top = SCORE_TOP + SCORE_H + 40;
    let height = debt_top + DEBT_H + 20;
    let y_of = |score: u8| SCORE_TOP + SCORE_H - (usize::from(score) - 1) * SCORE_H / 4;
    let x_of = |i: usize| LEFT + i * STEP + STEP / 2;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="curve" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="Expected and actual scores">"#
    );
    for score in 1..=5u8 {
        let y = y_of(score);
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" y1="{y}" x2="{}" y2="{y}" stroke="#dddddd"/><text x="{}" y="{}" class="small">{score}</text>"##,
            width - 10,
            LEFT - 16,
            y + 4
        );
    }
    stage_bands(&mut out, &Lookup::new(journey), &points, height);
    let line = |pick: &dyn Fn(&Touchpoint) -> Option<u8>| {
        let mut d = String::new();
        let mut pen_down = false;
        for (i, p) in points.iter().enumerate() {
            match pick(p.touchpoint) {
                Some(s) => {
                    let _ = write!(
                        d,
                        "{}{} {} ",
                        if pen_down { "L" } else { "M" },
                        x_of(i),
                        y_of(s)
                    );
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        d
    };
    let expected = line(&|t| t.expected.map(|s| s.get()));
    let actual = line(&|t| t.actual.map(|s| s.get()));
    let _ = write!(
        out,
        r##"<path d="{expected}" fill="none" stroke="#607d8b" stroke-width="2" stroke-dasharray="6 4"/><path d="{actual}" fill="none" stroke="#1565c0" stroke-width="3"/>"##
    );
    let max_debt = points
        .iter()
        .map(|p| p.debt.unsigned_abs())
        .max()
        .unwrap_or(0)
        .max(1) as usize;
    let zero = debt_top + DEBT_H / 2;
    let _ = write!(
        out,
        r##"<line x1="{LEFT}" y1="{zero}" x2="{}" y2="{zero}" stroke="#999999"/><text x="4" y="{}" class="small">debt</text>"##,
        width - 10,
        zero + 4
    );
    for (i, p) in points.iter().enumerate() {
        let t = p.touchpoint;
        let (fill, _) = colours(t.gap_class());
        if let Some(a) = t.actual {
            let _ = write!(
                out,
                r##"<circle cx="{}" cy="{}" r="6" fill="{fill}" stroke="#1a1a1a"><title>{}</title></circle>"##,
                x_of(i),
                y_of(a.get()),
                esc(&t.name)
            );
        }
        let h = p.debt.unsigned_abs() as usize * (DEBT_H / 2) / max_debt;
        let (y, colour) = if p.debt < 0 {
            (zero, "#c62828")
        } else {
            (zero - h, "#2e7d32")
        };
        let _ = write!(
            out,
            r#"<rect x="{}" y="{y}" width="{}" height="{h}" fill="{colour}" opacity="0.6"><title>debt {}</title></rect>"#,
            x_of(i) - STEP / 3,
            STEP * 2 / 3,
            p.debt
        );
    }
    out.push_str("</svg>");
    out
}

/// A separator before each stage along the curve, with the stage's name cut
/// to the room its touchpoints take.
fn stage_bands(out: &mut String, lookup: &Lookup<'_>, points: &[DebtPoint<'_>], height: usize) {
    let mut start = 0;
    while let Some(first) = points.get(start) {
        let stage = &first.touchpoint.stage;
        let len = points[start..]
            .iter()
            .take_while(|p| &p.touchpoint.stage == stage)
            .count();
        let x = LEFT + start * STEP;
        let _ = write!(
            out,
            r##"<line x1="{x}" y1="0" x2="{x}" y2="{height}" stroke="#cfd8dc" stroke-dasharray="2 3"/><text x="{}" y="14" class="small">{}</text>"##,
            x + 3,
            label(lookup.stage_name(stage), (len * STEP).saturating_sub(6) / 7)
        );
        start += len.max(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            esc("<script>&\"'\u{1b}"),
            "&lt;script&gt;&amp;&quot;&#39;^["
        );
    }
}
