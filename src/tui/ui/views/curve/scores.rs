//! The scores panel: expected (dotted) and actual (solid) along the
//! corridor on a 1-5 scale, a marker per touchpoint coloured by its gap,
//! moments of truth as stars and the worst gap labelled with its value.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::geometry::{Dots, Strokes, braille, score_row};
use super::{Curve, put, titled};
use crate::model::Score;

/// The panel title with its legend beside it, outside the plot.
pub(super) fn title(curve: &Curve, columns: u16) -> Line<'static> {
    let theme = curve.theme;
    let glyphs = Glyphs::of(theme.ascii);
    let expected = expected_style(theme.color);
    let actual = Style::default().add_modifier(Modifier::BOLD);
    let mut legend = Vec::new();
    if curve.slots.len > 2 * usize::from(curve.slots.width) {
        // A sample: say so, first, so that it stays when the rest is cut.
        legend.push(vec![Span::raw("(sampled)")]);
    }
    legend.extend([
        vec![
            Span::styled(glyphs.expected_key, expected),
            Span::raw(" expected"),
        ],
        vec![
            Span::styled(glyphs.actual_key, actual),
            Span::raw(" actual"),
        ],
        vec![
            Span::styled(glyphs.moment, actual),
            Span::raw(" moment of truth"),
        ],
    ]);
    titled("Scores 1-5: expected, actual", legend, theme, columns)
}

/// The characters of the panel, Unicode or ASCII.
struct Glyphs {
    expected: &'static str,
    actual: &'static str,
    moment: &'static str,
    expected_key: &'static str,
    actual_key: &'static str,
}

impl Glyphs {
    fn of(ascii: bool) -> Self {
        if ascii {
            Self {
                expected: "o",
                actual: "#",
                moment: "*",
                expected_key: ".o.",
                actual_key: "-#-",
            }
        } else {
            Self {
                expected: "○",
                actual: "●",
                moment: "★",
                expected_key: "┈○┈",
                actual_key: "─●─",
            }
        }
    }
}

fn expected_style(color: bool) -> Style {
    if color {
        Style::default().fg(Color::Cyan)
    } else {
        Style::default()
    }
}

pub(super) fn draw(curve: &Curve, buffer: &mut Buffer, area: Rect) {
    if area.height == 0 {
        return;
    }
    let theme = curve.theme;
    let rows = area.height;
    for s in 1..=5u8 {
        let y = area.y + score_row(s, rows);
        let label = format!("{s:>width$}", width = usize::from(super::MARGIN) - 2);
        buffer.set_string(area.x, y, label, Style::default());
    }
    let axis = if theme.ascii { "|" } else { "│" };
    for y in area.top()..area.bottom() {
        put(buffer, (curve.left - 1, y), axis, theme.dim());
    }
    let plot = Rect::new(curve.left, area.y, curve.slots.width, rows);
    curve.boundaries(buffer, plot);
    lines(curve, buffer, plot);
    markers(curve, buffer, plot);
    curve.mark_selected(buffer, plot);
}

/// The braille row of a score: the second dot row of its cell row.
fn dot_row(score: Score, rows: u16) -> i64 {
    i64::from(score_row(score.get(), rows)) * 4 + 1
}

/// Expected as a dotted level across each touchpoint's slot (a dotted
/// line when slots are too narrow), actual as a solid line from point to
/// point; both broken where a score is missing.
fn lines(curve: &Curve, buffer: &mut Buffer, plot: Rect) {
    let points = curve.slots.line_points();
    let roomy = curve.slots.cells_each() >= 2;
    if roomy {
        levels(curve, buffer, plot);
    }
    let mut expected = Dots::new(plot.width, plot.height);
    let mut actual = Dots::new(plot.width, plot.height);
    let mut strokes = Strokes::new(plot.width, plot.height);
    let theme = curve.theme;
    for pair in points.windows(2) {
        let (Some(a), Some(b)) = (curve.touchpoint(pair[0].0), curve.touchpoint(pair[1].0)) else {
            continue;
        };
        if let (Some(from), Some(to), false) = (a.expected, b.expected, roomy) {
            let (from, to) = (dot_row(from, plot.height), dot_row(to, plot.height));
            expected.line((pair[0].1, from), (pair[1].1, to), true);
        }
        if let (Some(from), Some(to)) = (a.actual, b.actual) {
            if theme.ascii {
                let row = |s: Score| i64::from(score_row(s.get(), plot.height));
                strokes.line((pair[0].1 / 2, row(from)), (pair[1].1 / 2, row(to)));
            } else {
                let (from, to) = (dot_row(from, plot.height), dot_row(to, plot.height));
                actual.line((pair[0].1, from), (pair[1].1, to), false);
            }
        }
    }
    let expected_style = expected_style(theme.color);
    let actual_style = Style::default();
    for y in 0..plot.height {
        for x in 0..plot.width {
            let (e, a) = (expected.at(x, y), actual.at(x, y));
            let (glyph, style) = match (strokes.at(x, y), e, a) {
                (Some(stroke), _, _) => (stroke, actual_style),
                (None, 0, 0) => continue,
                (None, _, _) if theme.ascii => ('.', expected_style),
                (None, e, 0) => (braille(e), expected_style),
                (None, e, a) => (braille(e | a), actual_style),
            };
            if let Some(cell) = buffer.cell_mut((plot.x + x, plot.y + y)) {
                cell.set_char(glyph).set_style(style);
            }
        }
    }
}

/// Each touchpoint's expected score as a dotted level across its slot,
/// a blank cell between slots when they are wide enough.
fn levels(curve: &Curve, buffer: &mut Buffer, plot: Rect) {
    let slots = curve.slots;
    let glyph = if curve.theme.ascii { "." } else { "┈" };
    let style = expected_style(curve.theme.color);
    let gaps = slots.cells_each() >= 3;
    for p in 0..slots.len {
        let Some(e) = curve.touchpoint(p).and_then(|t| t.expected) else {
            continue;
        };
        let y = plot.y + score_row(e.get(), plot.height);
        // At most three cells either side: a level, not a rule across.
        let center = slots.center(p);
        let start = slots.start(p).max(center.saturating_sub(3));
        let end = slots
            .start(p + 1)
            .saturating_sub(u16::from(gaps))
            .min(center + 4);
        for x in start..end {
            put(buffer, (plot.x + x, y), glyph, style);
        }
    }
}

/// A marker per touchpoint while each has two cells or more; otherwise
/// only the moments of truth among the sampled ones. The selected and the
/// worst touchpoint always get theirs, and the worst its gap beside it.
fn markers(curve: &Curve, buffer: &mut Buffer, plot: Rect) {
    let glyphs = Glyphs::of(curve.theme.ascii);
    let mut draw = |p: usize, all: bool| {
        let Some(t) = curve.touchpoint(p) else {
            return;
        };
        let x = plot.x + curve.slots.center(p);
        if all && let Some(e) = t.expected {
            let y = plot.y + score_row(e.get(), plot.height);
            put(
                buffer,
                (x, y),
                glyphs.expected,
                expected_style(curve.theme.color),
            );
        }
        let Some(a) = t.actual else {
            return;
        };
        if !all && !t.moment_of_truth {
            return;
        }
        let glyph = if t.moment_of_truth {
            glyphs.moment
        } else {
            glyphs.actual
        };
        let y = plot.y + score_row(a.get(), plot.height);
        let style = curve.theme.class(t.gap_class());
        put(buffer, (x, y), glyph, style.add_modifier(Modifier::BOLD));
    };
    if curve.slots.cells_each() >= 2 {
        for p in 0..curve.slots.len {
            draw(p, true);
        }
    } else {
        for x in 0..plot.width {
            draw(curve.slots.at(x), false);
        }
    }
    draw(curve.selected, true);
    if let Some(worst) = curve.worst {
        draw(worst, true);
        label_worst(curve, buffer, plot, worst);
    }
}

/// Writes the worst gap's value next to its marker, in the first place
/// where it hides no marker: right, left, below, above.
fn label_worst(curve: &Curve, buffer: &mut Buffer, plot: Rect, p: usize) {
    let Some(t) = curve.touchpoint(p) else {
        return;
    };
    let (Some(gap), Some(actual)) = (t.gap(), t.actual) else {
        return;
    };
    let text = format!("{gap} worst");
    let len = text.len() as u16;
    let x = plot.x + curve.slots.center(p);
    let y = plot.y + score_row(actual.get(), plot.height);
    let mut spots = vec![(x + 2, y), (x.saturating_sub(len + 1), y)];
    let centred = x.saturating_sub(len / 2);
    spots.extend([(centred, y + 1), (centred, y.saturating_sub(1))]);
    // Blank cells first; failing that, over the lines but no marker.
    let free = |(sx, sy): (u16, u16), blank: bool| {
        sx >= plot.x
            && sx + len <= plot.right()
            && sy >= plot.y
            && sy < plot.bottom()
            && (sx..sx + len).all(|cx| {
                buffer.cell((cx, sy)).is_some_and(|c| {
                    if blank {
                        c.symbol() == " "
                    } else {
                        !is_marker(c.symbol())
                    }
                })
            })
    };
    let spot = [true, false]
        .into_iter()
        .find_map(|blank| spots.iter().copied().find(|&spot| free(spot, blank)));
    if let Some((sx, sy)) = spot {
        let style = curve
            .theme
            .class(t.gap_class())
            .add_modifier(Modifier::BOLD);
        buffer.set_string(sx, sy, text, style);
    }
}

fn is_marker(symbol: &str) -> bool {
    matches!(symbol, "○" | "●" | "★" | "o" | "#" | "*")
}
