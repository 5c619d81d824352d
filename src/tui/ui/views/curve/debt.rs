//! The experience-debt panel: the running sum of negative gaps as bars from a 0
//! line, down (red) where shortfalls have piled up, up (green) where the
//! corridor is ahead of expectations.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use super::{Curve, MARGIN, put, titled};

pub(super) fn title(curve: &Curve, columns: u16) -> Line<'static> {
    let derived = &curve.opened.derived;
    let now = derived.debt.last().copied().unwrap_or(0);
    let legend = vec![
        vec![Span::raw(format!("now {now}"))],
        vec![Span::raw(format!("lowest {}", derived.debt_range.0))],
    ];
    titled(
        "Experience debt (running sum of negative gaps)",
        legend,
        curve.theme,
        columns,
    )
}

/// Rows above and below the 0 line, shared in proportion to the highest
/// and lowest debt.
#[derive(Debug, PartialEq)]
struct Scale {
    /// The row of the 0 line.
    zero: u16,
    above: u16,
    below: u16,
}

impl Scale {
    fn of((low, high): (i32, i32), rows: u16) -> Self {
        let spare = rows.saturating_sub(1);
        let above = match (low < 0, high > 0) {
            (false, false) => spare / 2,
            (true, false) => 0,
            (false, true) => spare,
            // Too few rows for both: the larger side.
            (true, true) if spare < 2 => spare * u16::from(high > -low),
            (true, true) => {
                let share = f64::from(spare) * f64::from(high) / f64::from(high - low);
                (share.round() as u16).clamp(1, spare - 1)
            }
        };
        Self {
            zero: above,
            above,
            below: spare - above,
        }
    }
}

/// How long a bar for `value` is, in half rows, on `rows` rows that reach
/// `extreme`: never zero for a debt that is not.
fn halves(value: i32, extreme: i32, rows: u16) -> u16 {
    if value == 0 || extreme == 0 || rows == 0 {
        return 0;
    }
    let share = f64::from(value.unsigned_abs()) / f64::from(extreme.unsigned_abs());
    ((share * f64::from(rows) * 2.0).round() as u16).clamp(1, rows * 2)
}

pub(super) fn draw(curve: &Curve, buffer: &mut Buffer, area: Rect) {
    if area.height == 0 {
        return;
    }
    let theme = curve.theme;
    let (low, high) = curve.opened.derived.debt_range;
    let scale = Scale::of((low, high), area.height);
    let label_width = usize::from(MARGIN) - 2;
    let mut label = |row: u16, value: i32| {
        let text = format!("{value:>label_width$}");
        buffer.set_string(area.x, area.y + row, text, Style::default());
    };
    if scale.above > 0 {
        label(0, high);
    }
    if scale.below > 0 {
        label(area.height - 1, low);
    }
    label(scale.zero, 0);
    let (axis, tee, line) = if theme.ascii {
        ("|", "+", "-")
    } else {
        ("│", "├", "─")
    };
    for y in 0..area.height {
        let glyph = if y == scale.zero { tee } else { axis };
        put(buffer, (curve.left - 1, area.y + y), glyph, theme.dim());
    }
    let plot = Rect::new(curve.left, area.y, curve.slots.width, area.height);
    let zero_y = plot.y + scale.zero;
    for x in plot.left()..plot.right() {
        put(buffer, (x, zero_y), line, Style::default());
    }
    for x in 0..plot.width {
        let p = curve.slots.at(x);
        let Some(&debt) = curve.opened.derived.debt.get(p) else {
            continue;
        };
        bar(
            curve,
            buffer,
            (plot.x + x, zero_y),
            debt,
            &scale,
            (low, high),
        );
    }
    curve.boundaries(buffer, plot);
    // The worst gap is where the debt takes its worst step: point at it on
    // the 0 line, under the one labelled in the scores.
    if let Some(worst) = curve.worst {
        let glyph = if theme.ascii { "v" } else { "▼" };
        let style = theme.class(crate::model::GapClass::Critical);
        put(
            buffer,
            (plot.x + curve.slots.center(worst), zero_y),
            glyph,
            style,
        );
    }
    curve.mark_selected(buffer, plot);
}

/// One column's bar, hanging from the 0 line (debt) or standing on it.
fn bar(
    curve: &Curve,
    buffer: &mut Buffer,
    (x, zero_y): (u16, u16),
    debt: i32,
    scale: &Scale,
    (low, high): (i32, i32),
) {
    let theme = curve.theme;
    let owed = debt < 0;
    let (rows, extreme) = if owed {
        (scale.below, low)
    } else {
        (scale.above, high)
    };
    let mut length = halves(debt, extreme, rows);
    if theme.ascii {
        // Whole cells only: round half cells up.
        length = length.div_ceil(2) * 2;
    }
    let style = match (theme.color, owed) {
        (false, _) => Style::default(),
        (true, true) => Style::default().fg(Color::LightRed),
        (true, false) => Style::default().fg(Color::LightGreen),
    };
    let (full, half, ascii) = if owed {
        ("█", "▀", "#")
    } else {
        ("█", "▄", "+")
    };
    for step in 0..length.div_ceil(2) {
        let y = if owed {
            zero_y + 1 + step
        } else {
            zero_y.saturating_sub(1 + step)
        };
        let glyph = match (theme.ascii, (step + 1) * 2 > length) {
            (true, _) => ascii,
            (false, true) => half,
            (false, false) => full,
        };
        put(buffer, (x, y), glyph, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zero_line_splits_the_rows_by_the_range() {
        assert_eq!(
            Scale::of((-9, 2), 5),
            Scale {
                zero: 1,
                above: 1,
                below: 3
            }
        );
        // Only debt: the 0 line on top; only credit: at the bottom.
        assert_eq!(Scale::of((-9, 0), 5).zero, 0);
        assert_eq!(Scale::of((0, 4), 5).zero, 4);
        // A tiny credit still gets a row above the line.
        assert_eq!(Scale::of((-100, 1), 14).above, 1);
        for rows in 0..20 {
            for range in [(-9, 2), (0, 0), (-1, 100), (-5, 0), (0, 5)] {
                let s = Scale::of(range, rows);
                assert_eq!(
                    s.above + s.below,
                    rows.saturating_sub(1),
                    "{range:?} {rows}"
                );
                assert!(s.zero < rows.max(1));
            }
        }
    }

    #[test]
    fn bars_are_proportional_and_never_vanish() {
        assert_eq!(halves(-9, -9, 3), 6);
        assert_eq!(halves(-3, -9, 3), 2);
        assert_eq!(halves(-1, -100, 3), 1);
        assert_eq!(halves(0, -9, 3), 0);
        assert_eq!(halves(5, 0, 3), 0);
    }
}
