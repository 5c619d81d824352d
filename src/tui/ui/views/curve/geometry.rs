//! Where things go on the Curve: a slot per touchpoint along x, score rows
//! along y, and a braille canvas for the lines between the points.

/// Corridor positions along a plot `width` cells wide. Each touchpoint gets
/// an equal slot; with more touchpoints than cells a cell shows the
/// touchpoint at its middle, an even sample, so a frame costs the width of
/// the plot and never the length of the journey.
#[derive(Debug, Clone, Copy)]
pub struct Slots {
    pub len: usize,
    pub width: u16,
}

impl Slots {
    /// The corridor position drawn at cell `x`.
    pub fn at(&self, x: u16) -> usize {
        let (n, w) = (self.len as u64, u64::from(self.width.max(1)));
        let p = ((2 * u64::from(x) + 1) * n) / (2 * w);
        p.min(n.saturating_sub(1)) as usize
    }

    /// The cell in the middle of position `p`'s slot.
    pub fn center(&self, p: usize) -> u16 {
        (self.braille_x(p) / 2) as u16
    }

    /// The first cell of position `p`'s slot (`width` past the last one).
    pub fn start(&self, p: usize) -> u16 {
        let (n, w) = (self.len.max(1) as u64, u64::from(self.width));
        let from = (2 * p as u64 * w).saturating_sub(n).div_ceil(2 * n);
        from.min(w) as u16
    }

    /// Whole cells each touchpoint gets.
    pub fn cells_each(&self) -> usize {
        usize::from(self.width) / self.len.max(1)
    }

    /// The braille column (two per cell) in the middle of `p`'s slot.
    pub fn braille_x(&self, p: usize) -> i64 {
        let (n, w) = (self.len.max(1) as u64, u64::from(self.width));
        let x = ((2 * p as u64 + 1) * w) / n;
        x.min((2 * w).saturating_sub(1)) as i64
    }

    /// The positions a line passes through, with their braille columns:
    /// every touchpoint while they fit, else one per braille column.
    pub fn line_points(&self) -> Vec<(usize, i64)> {
        let columns = 2 * usize::from(self.width);
        if self.len <= columns {
            (0..self.len).map(|p| (p, self.braille_x(p))).collect()
        } else {
            (0..columns)
                .map(|bx| (((2 * bx + 1) * self.len) / (2 * columns), bx as i64))
                .collect()
        }
    }
}

/// The row (0 at the top) of a score 1-5 in a plot `rows` high: 5 on the
/// top row, 1 on the bottom one, evenly between.
pub fn score_row(score: u8, rows: u16) -> u16 {
    let from_top = u32::from(5u8.saturating_sub(score.clamp(1, 5)));
    let span = u32::from(rows.saturating_sub(1));
    ((from_top * span + 2) / 4) as u16
}

/// A grid of braille dots, two across and four down per cell.
pub struct Dots {
    width: u16,
    height: u16,
    /// Per cell: bit `column * 4 + row` for each dot.
    cells: Vec<u8>,
}

impl Dots {
    pub fn new(width: u16, height: u16) -> Self {
        Self {
            width,
            height,
            cells: vec![0; usize::from(width) * usize::from(height)],
        }
    }

    fn set(&mut self, px: i64, py: i64) {
        let (w, h) = (i64::from(self.width), i64::from(self.height));
        if px < 0 || py < 0 || px >= 2 * w || py >= 4 * h {
            return;
        }
        let cell = (py / 4 * w + px / 2) as usize;
        self.cells[cell] |= 1 << ((px % 2) * 4 + py % 4);
    }

    /// A straight line between two dots; `dotted` sets every other dot.
    pub fn line(&mut self, from: (i64, i64), to: (i64, i64), dotted: bool) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let steps = dx.abs().max(dy.abs()).max(1);
        for i in 0..=steps {
            if dotted && i % 2 == 1 {
                continue;
            }
            let x = from.0 + (dx * i + steps / 2 * dx.signum()) / steps;
            let y = from.1 + (dy * i + steps / 2 * dy.signum()) / steps;
            self.set(x, y);
        }
    }

    /// The dots of cell `(x, y)`.
    pub fn at(&self, x: u16, y: u16) -> u8 {
        if x >= self.width || y >= self.height {
            return 0;
        }
        self.cells[usize::from(y) * usize::from(self.width) + usize::from(x)]
    }
}

/// The braille character for a cell's dots.
pub fn braille(dots: u8) -> char {
    // Unicode numbers the dots down the left column (1 2 3, then 7), down
    // the right (4 5 6, then 8).
    const BIT: [u32; 8] = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80];
    let code = (0..8)
        .filter(|b| dots & (1 << b) != 0)
        .fold(0x2800, |code, b| code | BIT[b]);
    char::from_u32(code).unwrap_or(' ')
}

/// A grid of ASCII strokes (`- / \\ |`), a line a character per cell, for
/// terminals without braille.
pub struct Strokes {
    width: u16,
    height: u16,
    cells: Vec<u8>,
}

impl Strokes {
    pub fn new(width: u16, height: u16) -> Self {
        Self {
            width,
            height,
            cells: vec![0; usize::from(width) * usize::from(height)],
        }
    }

    fn set(&mut self, x: i64, y: i64, stroke: u8) {
        if (0..i64::from(self.width)).contains(&x) && (0..i64::from(self.height)).contains(&y) {
            self.cells[(y * i64::from(self.width) + x) as usize] = stroke;
        }
    }

    /// A line between two cells, stepping along its longer axis.
    pub fn line(&mut self, from: (i64, i64), to: (i64, i64)) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let slope = if dx == 0 {
            f64::INFINITY
        } else {
            dy as f64 / dx as f64
        };
        let stroke = match slope {
            s if s.abs() > 2.5 => b'|',
            s if s.abs() < 0.4 => b'-',
            s if s > 0.0 => b'\\',
            _ => b'/',
        };
        let steps = dx.abs().max(dy.abs());
        for i in 0..=steps {
            let at = |d: i64| (d * i * 2 + steps * d.signum()) / (2 * steps.max(1));
            self.set(from.0 + at(dx), from.1 + at(dy), stroke);
        }
    }

    pub fn at(&self, x: u16, y: u16) -> Option<char> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let stroke = self.cells[usize::from(y) * usize::from(self.width) + usize::from(x)];
        (stroke != 0).then_some(char::from(stroke))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_cover_the_width_in_order() {
        for len in 1..60 {
            for width in 1..50u16 {
                let slots = Slots { len, width };
                let mut last = 0;
                for x in 0..width {
                    let p = slots.at(x);
                    assert!(p < len && p >= last, "len {len} width {width} x {x}");
                    last = p;
                    assert!(slots.start(p) <= x, "slot of {p} starts by {x}");
                    assert!(slots.start(p + 1) > x, "slot of {} starts after {x}", p + 1);
                }
                assert_eq!(slots.start(0), 0);
                assert_eq!(slots.start(len), width);
                for p in 0..len {
                    assert!(slots.center(p) < width);
                    if len <= usize::from(width) {
                        assert_eq!(slots.at(slots.center(p)), p, "len {len} width {width}");
                    }
                }
            }
        }
    }

    #[test]
    fn line_points_sample_long_corridors() {
        let few = Slots { len: 5, width: 40 }.line_points();
        assert_eq!(few.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        let many = Slots {
            len: 100_000,
            width: 40,
        };
        let points = many.line_points();
        assert_eq!(points.len(), 80);
        assert!(
            points
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1)
        );
        assert!(points.last().is_some_and(|p| p.0 < 100_000 && p.0 > 98_000));
    }

    #[test]
    fn scores_spread_over_the_rows() {
        assert_eq!(
            (1..=5).map(|s| score_row(s, 9)).collect::<Vec<_>>(),
            [8, 6, 4, 2, 0]
        );
        assert_eq!(
            (1..=5).map(|s| score_row(s, 5)).collect::<Vec<_>>(),
            [4, 3, 2, 1, 0]
        );
        assert_eq!(score_row(3, 1), 0);
        assert_eq!(score_row(1, 0), 0);
    }

    #[test]
    fn dots_draw_lines_and_strokes() {
        let mut dots = Dots::new(3, 2);
        dots.line((0, 1), (5, 1), false);
        assert_eq!(braille(dots.at(0, 0)), '⠒');
        assert_eq!(braille(dots.at(2, 0)), '⠒');
        let mut rising = Dots::new(2, 2);
        rising.line((0, 7), (3, 0), false);
        assert_eq!(braille(rising.at(0, 1)), '⡜');
        let mut dotted = Dots::new(2, 1);
        dotted.line((0, 0), (3, 0), true);
        assert_eq!(braille(dotted.at(0, 0)), '⠁');
        let mut strokes = Strokes::new(6, 5);
        strokes.line((0, 0), (4, 0));
        assert_eq!(strokes.at(2, 0), Some('-'));
        strokes.line((0, 4), (4, 0));
        assert_eq!(
            (0..5).map(|x| strokes.at(x, 4 - x)).collect::<Vec<_>>(),
            [Some('/'); 5]
        );
        strokes.line((5, 0), (5, 4));
        assert_eq!(strokes.at(5, 2), Some('|'));
        strokes.line((-3, -3), (40, 40));
        assert_eq!(strokes.at(9, 9), None);
        // Off the canvas is ignored.
        dots.line((-5, -5), (100, 100), true);
        assert_eq!(dots.at(9, 9), 0);
    }
}
