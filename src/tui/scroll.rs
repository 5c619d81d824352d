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
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;

use ratatui::buffer::{Buffer, Cell};

/// The most scrolls one frame is given (a list over a second list, say).
const MAX_SCROLLS: usize = 4;
/// The most shifts tried per scroll: the ones most rows agree on.
const MAX_SHIFTS: usize = 6;
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
        let digits = |n: u16| n.to_string().len();
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
pub fn scrolls(shown: &mut Buffer, next: &Buffer) -> Vec<Scroll> {
    let mut found = Vec::new();
    if shown.area != next.area || shown.area.width == 0 || shown.area.height < 2 {
        return found;
    }
    while found.len() < MAX_SCROLLS {
        let Some(scroll) = best(shown, next) else {
            break;
        };
        scroll.apply(shown);
        found.push(scroll);
    }
    found
}

/// The rows of a buffer, each a slice of full-width cells.
fn rows(buffer: &Buffer) -> Vec<&[Cell]> {
    buffer
        .content
        .chunks(usize::from(buffer.area.width).max(1))
        .collect()
}

/// What the cell diff sends, roughly, to turn row `from` into row `to`.
fn cost(from: &[Cell], to: &[Cell]) -> u32 {
    if from == to {
        return 0;
    }
    let changed = from.iter().zip(to).filter(|(a, b)| a != b).count();
    ROW_COST + u32::try_from(changed).unwrap_or(u32::MAX)
}

fn blank_cost(to: &[Cell]) -> u32 {
    let changed = to.iter().filter(|c| **c != Cell::EMPTY).count();
    if changed == 0 {
        0
    } else {
        ROW_COST + u32::try_from(changed).unwrap_or(u32::MAX)
    }
}

fn row_hash(row: &[Cell]) -> u64 {
    let mut hasher = DefaultHasher::new();
    row.hash(&mut hasher);
    hasher.finish()
}

/// A row of one repeated cell (blank, a rule) says nothing about where a
/// band moved: it matches every other such row.
fn uniform(row: &[Cell]) -> bool {
    row.iter().all(|c| *c == row[0])
}

/// The shifts worth trying: for each changed, distinctive row of `next`,
/// where the same row stood in `shown`; the most common first.
fn shifts(shown: &[&[Cell]], next: &[&[Cell]]) -> Vec<i32> {
    let mut at: HashMap<u64, Vec<usize>> = HashMap::new();
    for (s, row) in shown.iter().enumerate() {
        if !uniform(row) {
            at.entry(row_hash(row)).or_default().push(s);
        }
    }
    let mut votes: HashMap<i32, usize> = HashMap::new();
    for (r, row) in next.iter().enumerate() {
        if shown[r] == *row || uniform(row) {
            continue;
        }
        for &s in at.get(&row_hash(row)).into_iter().flatten() {
            if shown[s] == *row {
                let shift = i32::try_from(s).unwrap_or(0) - i32::try_from(r).unwrap_or(0);
                *votes.entry(shift).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(i32, usize)> = votes.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.abs().cmp(&b.0.abs()))
            .then(a.0.cmp(&b.0))
    });
    ranked
        .into_iter()
        .take(MAX_SHIFTS)
        .map(|(s, _)| s)
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
fn best(shown: &Buffer, next: &Buffer) -> Option<Scroll> {
    let old = rows(shown);
    let new = rows(next);
    let height = new.len();
    let base = prefix(old.iter().zip(&new).map(|(a, b)| cost(a, b)));
    let blank = prefix(new.iter().map(|b| blank_cost(b)));
    let mut best: Option<(u64, Scroll)> = None;
    for shift in shifts(&old, &new) {
        let k = shift.unsigned_abs() as usize;
        if k == 0 || k + 1 >= height {
            continue;
        }
        // moved[r]: row r of `next` against the row the shift brings there.
        let moved = prefix((0..height).map(|r| {
            let from = if shift > 0 {
                r.checked_add(k).filter(|s| *s < height)
            } else {
                r.checked_sub(k)
            };
            from.map_or(u32::MAX / 4, |s| cost(old[s], new[r]))
        }));
        for top in 0..height {
            for bottom in (top + k + 1).max(top + 2)..=height {
                let without = sum(&base, top, bottom);
                let with = if shift > 0 {
                    sum(&moved, top, bottom - k) + sum(&blank, bottom - k, bottom)
                } else {
                    sum(&blank, top, top + k) + sum(&moved, top + k, bottom)
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
