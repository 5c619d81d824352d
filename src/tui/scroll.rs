//! The scrolling diff: finds full-width bands of rows that a new frame shows
//! shifted up or down from the frame on the terminal, so the terminal moves
//! them itself (a scroll region) instead of being sent every cell again.
//!
//! A cell-by-cell diff cannot see that a list moved by one row: every row of
//! it differs from the row that was there, so the whole list is repainted.
//! Terminals have scrolled a region of the screen cheaply since the VT100;
//! vim, less and ncurses use it. Here the band and the shift are chosen by
//! cost: the bytes the cell diff would send without the scroll, against the
//! scroll itself plus what still differs after it.

use std::collections::HashMap;
use std::io::Write;

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::Color;

/// The most scrolls one frame is given (a list over a second list, say).
const MAX_SCROLLS: usize = 4;
/// The most shifts tried per scroll: the ones most rows agree on.
const MAX_SHIFTS: usize = 6;
/// The fewest changed rows worth looking for a scroll in: moving one or two
/// rows costs about what drawing them does.
const MIN_CHANGED_ROWS: usize = 3;
/// What moving the cursor to a changed row costs, roughly, in bytes.
const ROW_COST: u32 = 8;

/// Rows `top..bottom` (0-based, full width) move by `shift` rows: up when
/// positive (row `r` then shows what row `r + shift` showed), down when
/// negative. Rows that come into the region are blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub shift: i32,
}

impl Scroll {
    fn rows(self) -> usize {
        usize::from(self.bottom - self.top)
    }

    fn amount(self) -> usize {
        self.shift.unsigned_abs() as usize
    }

    /// Writes the scroll as the terminal understands it: set the scroll
    /// region (DECSTBM), put the cursor on its bottom row and feed lines
    /// (LF) to move the rows up, or on its top row and reverse-index
    /// (ESC M) to move them down, then reset the region to the whole screen.
    ///
    /// These are the VT100's own sequences, which every terminal the
    /// workbench runs in implements: xterm and its kind (VTE, kitty,
    /// alacritty, iTerm2, Windows Terminal), tmux, GNU screen and the Linux
    /// console. The shorter `CSI n S`/`CSI n T` (which ratatui's
    /// `scroll_region_up`/`down` send) are not: the Linux console ignores
    /// them, and would be left showing the rows unmoved.
    ///
    /// Resetting the region homes the cursor, and the cell diff that follows
    /// always starts with a cursor move. The rows fed in are cleared with
    /// the current background, which is the default: every frame ends by
    /// resetting colours and attributes (see `encode::write_diff`).
    pub fn write_ansi(self, out: &mut impl Write) -> std::io::Result<()> {
        write!(out, "\x1b[{};{}r", self.top + 1, self.bottom)?;
        if self.shift > 0 {
            write!(out, "\x1b[{}H", self.bottom)?;
            out.write_all(&b"\n".repeat(self.amount()))?;
        } else {
            write!(out, "\x1b[{}H", self.top + 1)?;
            out.write_all(&b"\x1bM".repeat(self.amount()))?;
        }
        out.write_all(b"\x1b[r")
    }

    /// The bytes `write_ansi` sends.
    fn cost(self) -> u32 {
        let digits = |n: u16| n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let region = 4 + digits(self.top + 1) + digits(self.bottom);
        let (home, feed) = if self.shift > 0 {
            (3 + digits(self.bottom), 1)
        } else {
            (3 + digits(self.top + 1), 2)
        };
        u32::try_from(region + home + feed * self.amount() + 3).unwrap_or(u32::MAX)
    }

    /// Does to `buffer` what the terminal does to the screen.
    pub fn apply(self, buffer: &mut Buffer) {
        let width = usize::from(buffer.area.width);
        let (top, bottom) = (usize::from(self.top), usize::from(self.bottom));
        let rows = &mut buffer.content[top * width..bottom * width];
        let cells = self.amount().min(self.rows()) * width;
        if self.shift > 0 {
            rows.rotate_left(cells);
            let blank = rows.len() - cells;
            rows[blank..].fill(Cell::EMPTY);
        } else {
            rows.rotate_right(cells);
            rows[..cells].fill(Cell::EMPTY);
        }
    }
}

/// The scrolls that bring `shown` (what the terminal shows) closest to
/// `next` for the fewest bytes, in the order to send them. Each is applied
/// to `shown` as it is chosen, so `shown` ends as the terminal will be once
/// they are sent, ready for the cell diff against `next`.
///
/// Estimates only decide which scrolls are sent, never what the screen
/// ends as, so cells are compared by 64-bit keys (a collision costs bytes
/// at worst).
pub fn scrolls(shown: &mut Buffer, next: &Buffer) -> Vec<Scroll> {
    let mut found = Vec::new();
    if shown.area != next.area || shown.area.width == 0 || shown.area.height < 3 {
        return found;
    }
    // Unless a few rows changed, no band can have moved.
    let width = usize::from(shown.area.width);
    let changed = shown
        .content
        .chunks(width)
        .zip(next.content.chunks(width))
        .filter(|(a, b)| a != b)
        .count();
    if changed < MIN_CHANGED_ROWS {
        return found;
    }
    let mut old = Keys::of(shown);
    let new = Keys::of(next);
    let blank = Keys::blank_costs(&new);
    while found.len() < MAX_SCROLLS {
        let Some(scroll) = best(&old, &new, &blank) else {
            break;
        };
        scroll.apply(shown);
        old.apply(scroll);
        found.push(scroll);
    }
    found
}

/// A key per cell (symbol and style), and one per row.
struct Keys {
    width: usize,
    cells: Vec<u64>,
    rows: Vec<u64>,
    /// Whether each row is one cell repeated (blank, a rule): such rows
    /// match every other one and say nothing about where a band moved.
    uniform: Vec<bool>,
}

fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

fn color_word(color: Color) -> u64 {
    match color {
        Color::Reset => 0,
        Color::Black => 1,
        Color::Red => 2,
        Color::Green => 3,
        Color::Yellow => 4,
        Color::Blue => 5,
        Color::Magenta => 6,
        Color::Cyan => 7,
        Color::Gray => 8,
        Color::DarkGray => 9,
        Color::LightRed => 10,
        Color::LightGreen => 11,
        Color::LightYellow => 12,
        Color::LightBlue => 13,
        Color::LightMagenta => 14,
        Color::LightCyan => 15,
        Color::White => 16,
        Color::Indexed(i) => 0x100 | u64::from(i),
        Color::Rgb(r, g, b) => 0x0100_0000 | u64::from(r) << 16 | u64::from(g) << 8 | u64::from(b),
    }
}

fn cell_key(cell: &Cell) -> u64 {
    let symbol = cell.symbol().as_bytes();
    let mut key = match symbol {
        [byte] => u64::from(*byte),
        bytes => bytes.iter().fold(1 << 63, |h, b| mix(h, u64::from(*b))),
    };
    let colors = color_word(cell.fg) | color_word(cell.bg) << 25;
    key = mix(key, colors ^ color_word(cell.underline_color) << 39);
    #[allow(deprecated)]
    let skip = cell.skip || cell.diff_option != CellDiffOption::None;
    mix(key, u64::from(cell.modifier.bits()) | u64::from(skip) << 32)
}

impl Keys {
    fn of(buffer: &Buffer) -> Keys {
        let width = usize::from(buffer.area.width);
        let cells: Vec<u64> = buffer.content.iter().map(cell_key).collect();
        let rows = cells
            .chunks(width)
            .map(|row| row.iter().fold(0, |h, k| mix(h, *k)))
            .collect();
        let uniform = cells
            .chunks(width)
            .map(|row| row.iter().all(|k| *k == row[0]))
            .collect();
        Keys {
            width,
            cells,
            rows,
            uniform,
        }
    }

    fn row(&self, r: usize) -> &[u64] {
        &self.cells[r * self.width..(r + 1) * self.width]
    }

    /// What the cell diff sends, roughly, to turn row `s` of `self` into
    /// row `r` of `to`.
    fn cost(&self, s: usize, to: &Keys, r: usize) -> u32 {
        if self.rows[s] == to.rows[r] {
            return 0;
        }
        let changed = self.row(s).iter().zip(to.row(r)).filter(|(a, b)| a != b);
        ROW_COST + u32::try_from(changed.count()).unwrap_or(u32::MAX)
    }

    /// What drawing each row of `new` on a blank row costs.
    fn blank_costs(new: &Keys) -> Vec<u64> {
        let blank = cell_key(&Cell::EMPTY);
        prefix((0..new.rows.len()).map(
            |r| match new.row(r).iter().filter(|k| **k != blank).count() {
                0 => 0,
                n => ROW_COST + u32::try_from(n).unwrap_or(u32::MAX),
            },
        ))
    }

    /// Does to the keys what `scroll` does to the screen.
    fn apply(&mut self, scroll: Scroll) {
        let (top, bottom) = (usize::from(scroll.top), usize::from(scroll.bottom));
        let k = scroll.amount().min(bottom - top);
        let blank = cell_key(&Cell::EMPTY);
        let blank_row = (0..self.width).fold(0, |h, _| mix(h, blank));
        let cells = &mut self.cells[top * self.width..bottom * self.width];
        let rows = &mut self.rows[top..bottom];
        let uniform = &mut self.uniform[top..bottom];
        let n = rows.len();
        let (fresh_cells, fresh_rows) = if scroll.shift > 0 {
            cells.rotate_left(k * self.width);
            rows.rotate_left(k);
            uniform.rotate_left(k);
            ((n - k) * self.width..n * self.width, n - k..n)
        } else {
            cells.rotate_right(k * self.width);
            rows.rotate_right(k);
            uniform.rotate_right(k);
            (0..k * self.width, 0..k)
        };
        cells[fresh_cells].fill(blank);
        rows[fresh_rows.clone()].fill(blank_row);
        uniform[fresh_rows].fill(true);
    }
}

/// The shifts worth trying: for each changed, distinctive row of `new`,
/// where the same row stood in `old`; those most rows agree on first.
fn shifts(old: &Keys, new: &Keys) -> Vec<i32> {
    let mut at: HashMap<u64, Vec<usize>> = HashMap::new();
    for (s, key) in old.rows.iter().enumerate() {
        if !old.uniform[s] {
            at.entry(*key).or_default().push(s);
        }
    }
    let mut votes: HashMap<i32, usize> = HashMap::new();
    for (r, key) in new.rows.iter().enumerate() {
        if old.rows[r] == *key || new.uniform[r] {
            continue;
        }
        for &s in at.get(key).into_iter().flatten() {
            let shift = i32::try_from(s).unwrap_or(0) - i32::try_from(r).unwrap_or(0);
            *votes.entry(shift).or_default() += 1;
        }
    }
    let mut ranked: Vec<(i32, usize)> = votes.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.abs().cmp(&b.0.abs()))
            .then(a.0.cmp(&b.0))
    });
    let most = ranked.first().map_or(0, |(_, votes)| *votes);
    ranked
        .into_iter()
        .take_while(|(_, votes)| votes * 4 >= most)
        .take(MAX_SHIFTS)
        .map(|(shift, _)| shift)
        .collect()
}

/// Running sums, so the cost of any band of rows is one subtraction.
fn prefix(costs: impl Iterator<Item = u32>) -> Vec<u64> {
    let mut sums = vec![0u64];
    for c in costs {
        let last = sums.last().copied().unwrap_or(0);
        sums.push(last + u64::from(c));
    }
    sums
}

fn sum(sums: &[u64], from: usize, to: usize) -> u64 {
    sums[to] - sums[from]
}

/// The one scroll that saves the most bytes, if any saves some.
fn best(old: &Keys, new: &Keys, blank: &[u64]) -> Option<Scroll> {
    let height = new.rows.len();
    let base = prefix((0..height).map(|r| old.cost(r, new, r)));
    let mut best: Option<(u64, Scroll)> = None;
    for shift in shifts(old, new) {
        let k = shift.unsigned_abs() as usize;
        if k == 0 || k + 1 >= height {
            continue;
        }
        // moved[r]: row r of `new` against the row the shift brings there.
        let moved = prefix((0..height).map(|r| {
            let from = if shift > 0 {
                r.checked_add(k).filter(|s| *s < height)
            } else {
                r.checked_sub(k)
            };
            from.map_or(u32::MAX / 4, |s| old.cost(s, new, r))
        }));
        for top in 0..height {
            for bottom in (top + k + 1).max(top + 2)..=height {
                let without = sum(&base, top, bottom);
                let with = if shift > 0 {
                    sum(&moved, top, bottom - k) + sum(blank, bottom - k, bottom)
                } else {
                    sum(blank, top, top + k) + sum(&moved, top + k, bottom)
                };
                let scroll = Scroll {
                    top: u16::try_from(top).unwrap_or(u16::MAX),
                    bottom: u16::try_from(bottom).unwrap_or(u16::MAX),
                    shift,
                };
                let with = with + u64::from(scroll.cost());
                if with < without && best.is_none_or(|(saved, _)| without - with > saved) {
                    best = Some((without - with, scroll));
                }
            }
        }
    }
    best.map(|(_, scroll)| scroll)
}

#[cfg(test)]
#[path = "scroll_tests.rs"]
mod tests;
