//! The bytes for the cells that changed: cursor moves and colours as short
//! as the terminal allows. Over a slow link every byte of a keystroke's
//! answer is latency, so this writes what ncurses would: a relative move
//! (or the few unchanged cells again) instead of an absolute one when the
//! next change is a little further along the row, and one SGR sequence per
//! change of style, the shorter of "switch what differs" and "reset, then
//! set".

use std::fmt::Write as _;
use std::io::Write;

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};

/// The style the terminal writes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// SGR codes switching each attribute on, and the code switching it off.
const ATTRIBUTES: [(Modifier, u8, u8); 9] = [
    (Modifier::BOLD, 1, 22),
    (Modifier::DIM, 2, 22),
    (Modifier::ITALIC, 3, 23),
    (Modifier::UNDERLINED, 4, 24),
    (Modifier::SLOW_BLINK, 5, 25),
    (Modifier::RAPID_BLINK, 6, 25),
    (Modifier::REVERSED, 7, 27),
    (Modifier::HIDDEN, 8, 28),
    (Modifier::CROSSED_OUT, 9, 29),
];

/// The palette entry (0-15) of one of the sixteen named colours.
pub fn palette(color: Color) -> Option<u8> {
    Some(match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Reset | Color::Indexed(_) | Color::Rgb(..) => return None,
    })
}

/// Appends the SGR parameters for a colour: `base` 30 (text), 40
/// (background) or 50 (underline, which has no short codes).
fn color(out: &mut String, color: Color, base: u16) {
    if !out.is_empty() {
        out.push(';');
    }
    // The sixteen colours have codes of their own (30-37, 90-97 for text,
    // 40-47, 100-107 for the background), which mean what palette entries
    // 0-15 mean; underline colours are only ever palette entries.
    let _ = match (color, palette(color)) {
        (Color::Reset, _) => write!(out, "{}", base + 9),
        (Color::Indexed(i), _) => write!(out, "{};5;{i}", base + 8),
        (Color::Rgb(r, g, b), _) => write!(out, "{};2;{r};{g};{b}", base + 8),
        (_, Some(n)) if base == 50 => write!(out, "58;5;{n}"),
        (_, Some(n)) if n < 8 => write!(out, "{}", base + u16::from(n)),
        (_, Some(n)) => write!(out, "{}", base + 60 + u16::from(n - 8)),
        (_, None) => Ok(()),
    };
}

/// The parameters that turn `from` into `to`, attribute by attribute.
fn switch(out: &mut String, from: Pen, to: Pen) {
    let dropped = from.modifier - to.modifier;
    let mut on = to.modifier - from.modifier;
    let mut offs = 0u32;
    for (modifier, _, off) in ATTRIBUTES {
        if dropped.contains(modifier) && offs & (1 << (off - 20)) == 0 {
            offs |= 1 << (off - 20);
            param(out, off);
            // One code switches off both intensities, and both blinks:
            // whichever of the pair stays is switched on again.
            for (other, _, other_off) in ATTRIBUTES {
                if other_off == off && to.modifier.contains(other) {
                    on |= other;
                }
            }
        }
    }
    for (modifier, code, _) in ATTRIBUTES {
        if on.contains(modifier) {
            param(out, code);
        }
    }
    if from.fg != to.fg {
        color(out, to.fg, 30);
    }
    if from.bg != to.bg {
        color(out, to.bg, 40);
    }
    if from.underline != to.underline {
        color(out, to.underline, 50);
    }
}

fn param(out: &mut String, code: u8) {
    if !out.is_empty() {
        out.push(';');
    }
    let _ = write!(out, "{code}");
}

/// Appends the SGR sequence that turns `from` into `to` (nothing when
/// they are equal).
fn sgr(out: &mut Vec<u8>, from: Pen, to: Pen) {
    if from == to {
        return;
    }
    let mut relative = String::new();
    switch(&mut relative, from, to);
    let mut reset = String::from("0");
    switch(&mut reset, Pen::DEFAULT, to);
    let reset = if reset == "0" { "" } else { reset.as_str() };
    let shorter = if reset.len() < relative.len() {
        reset
    } else {
        relative.as_str()
    };
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(shorter.as_bytes());
    out.push(b'm');
}

fn width(cell: &Cell) -> u16 {
    match cell.symbol() {
        ascii if ascii.len() == 1 => 1,
        symbol => u16::try_from(crate::text::width(symbol).max(1)).unwrap_or(1),
    }
}

/// Whether a cell holds one character one column wide.
fn single(cell: &Cell) -> bool {
    let symbol = cell.symbol();
    if symbol.len() == 1 {
        return true;
    }
    let mut chars = symbol.chars();
    chars.next().is_some() && chars.next().is_none() && width(cell) == 1
}

/// Whether `cells` can be written again instead of skipped over: plain,
/// one column each, in the pen's style, for fewer bytes than `instead`.
fn rewritable(cells: &[Cell], pen: Pen, instead: usize) -> bool {
    #[allow(deprecated)]
    let plain = |c: &Cell| {
        Pen::of(c) == pen && c.diff_option == CellDiffOption::None && !c.skip && single(c)
    };
    cells.iter().all(plain) && cells.iter().map(|c| c.symbol().len()).sum::<usize>() < instead
}

/// Where `next` writes over the first column of a wide character on
/// screen, terminals erase its other columns, some (the `vt100` model among
/// them) in the colours of what was just written. ratatui's diff sees those
/// columns unchanged and would leave them so: a stray coloured blank. They
/// are marked here as unknown, so the diff writes them.
fn split_wide(shown: &mut Buffer, next: &Buffer) {
    let columns = usize::from(shown.area.width);
    if shown.area != next.area || columns == 0 {
        return;
    }
    for (old, new) in shown
        .content
        .chunks_mut(columns)
        .zip(next.content.chunks(columns))
    {
        let mut x = 0;
        while x < columns {
            let covers = usize::from(width(&old[x]));
            if covers > 1 && old[x] != new[x] {
                for cell in old.iter_mut().skip(x + 1).take(covers - 1) {
                    cell.set_symbol(UNKNOWN);
                }
            }
            x += covers;
        }
    }
}

/// A symbol no frame draws: a cell holding it always differs from the next.
const UNKNOWN: &str = "\u{fffe}";

/// Writes what turns the terminal from showing `shown` into showing
/// `next`: the cells ratatui's diff finds changed (it knows how wide
/// characters cover their neighbours). Ends with the default style, so
/// lines a later scroll brings in are blank in the default background.
/// `shown` is left with the cells the terminal may have erased marked.
pub fn write_diff(out: &mut impl Write, shown: &mut Buffer, next: &Buffer) -> std::io::Result<()> {
    split_wide(shown, next);
    let columns = next.area.width;
    let row_width = usize::from(columns);
    let mut pen = Pen::DEFAULT;
    // Where the cursor is, when known: after the last column it waits to
    // wrap, which terminals treat differently, so it is then unknown.
    let mut cursor: Option<(u16, u16)> = None;
    let mut bytes = Vec::with_capacity(4096);
    for (x, y, cell) in shown.diff_iter(next) {
        match cursor {
            Some(at) if at == (x, y) => {}
            Some((cx, cy)) if cy == y && cx < x => {
                let gap = x - cx;
                let forward = if gap == 1 { 3 } else { 3 + digits(gap) };
                let start = usize::from(y) * row_width;
                let skipped = &next.content[start + usize::from(cx)..start + usize::from(x)];
                if rewritable(skipped, pen, forward) {
                    for c in skipped {
                        bytes.extend_from_slice(c.symbol().as_bytes());
                    }
                } else if gap == 1 {
                    bytes.extend_from_slice(b"\x1b[C");
                } else {
                    let _ = write!(bytes, "\x1b[{gap}C");
                }
            }
            _ if x == 0 => {
                let _ = write!(bytes, "\x1b[{}H", y + 1);
            }
            _ => {
                let _ = write!(bytes, "\x1b[{};{}H", y + 1, x + 1);
            }
        }
        let to = Pen::of(cell);
        sgr(&mut bytes, pen, to);
        pen = to;
        bytes.extend_from_slice(cell.symbol().as_bytes());
        // After a wide or composed character the terminal's idea of where
        // the cursor went may differ from ours: the next move is absolute.
        let end = x.saturating_add(1);
        cursor = (single(cell) && end < columns).then_some((end, y));
    }
    sgr(&mut bytes, pen, Pen::DEFAULT);
    out.write_all(&bytes)
}

fn digits(n: u16) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

#[cfg(test)]
#[path = "encode_tests.rs"]
mod tests;
