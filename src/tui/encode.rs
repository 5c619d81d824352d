//! The bytes for the cells that changed: cursor moves and colours as short
//! as the terminal allows. Over a slow link every byte of a keystroke's
//! answer is latency, so this writes what ncurses would: a relative move
//! (or the few unchanged cells again) instead of an absolute one when the
//! next change is a little further along the row, and one SGR sequence per
//! change of style, the shorter of "switch what differs" and "reset, then
//! set".

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

/// The SGR parameters for a colour: `base` 30 (text), 40 (background) or
/// 50 (underline, which has no short codes).
fn color(out: &mut Vec<String>, color: Color, base: u8) {
    let named = match color {
        Color::Reset => {
            out.push((base + 9).to_string());
            return;
        }
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
        Color::Indexed(i) => {
            out.push(format!("{};5;{i}", base + 8));
            return;
        }
        Color::Rgb(r, g, b) => {
            out.push(format!("{};2;{r};{g};{b}", base + 8));
            return;
        }
    };
    // The sixteen colours have codes of their own (30-37, 90-97 for text,
    // 40-47, 100-107 for the background), which mean what palette entries
    // 0-15 mean; underline colours are only ever palette entries.
    out.push(match (base, named) {
        (50, n) => format!("58;5;{n}"),
        (b, n) if n < 8 => (b + n).to_string(),
        (b, n) => (u16::from(b) + 60 + u16::from(n - 8)).to_string(),
    });
}

/// The parameters that turn `from` into `to`, attribute by attribute.
fn switch(from: Pen, to: Pen) -> Vec<String> {
    let mut params = Vec::new();
    let dropped = from.modifier - to.modifier;
    let mut on = to.modifier - from.modifier;
    let mut offs: Vec<u8> = Vec::new();
    for (modifier, _, off) in ATTRIBUTES {
        if dropped.contains(modifier) && !offs.contains(&off) {
            offs.push(off);
            // One code switches off both intensities, and both blinks:
            // whichever of the pair stays is switched on again.
            for (other, _, other_off) in ATTRIBUTES {
                if other_off == off && to.modifier.contains(other) {
                    on |= other;
                }
            }
        }
    }
    params.extend(offs.iter().map(u8::to_string));
    for (modifier, code, _) in ATTRIBUTES {
        if on.contains(modifier) {
            params.push(code.to_string());
        }
    }
    if from.fg != to.fg {
        color(&mut params, to.fg, 30);
    }
    if from.bg != to.bg {
        color(&mut params, to.bg, 40);
    }
    if from.underline != to.underline {
        color(&mut params, to.underline, 50);
    }
    params
}

/// The SGR sequence that turns `from` into `to` (empty when equal).
fn sgr(from: Pen, to: Pen) -> String {
    if from == to {
        return String::new();
    }
    let relative = format!("\x1b[{}m", switch(from, to).join(";"));
    let reset = match switch(Pen::DEFAULT, to) {
        set if set.is_empty() => "\x1b[m".to_owned(),
        set => format!("\x1b[0;{}m", set.join(";")),
    };
    if reset.len() < relative.len() {
        reset
    } else {
        relative
    }
}

fn width(cell: &Cell) -> u16 {
    u16::try_from(crate::text::width(cell.symbol()).max(1)).unwrap_or(1)
}

/// Whether `cells` can be written again instead of skipped over: plain,
/// one column each, in the pen's style, for fewer bytes than `instead`.
fn rewritable(cells: &[Cell], pen: Pen, instead: usize) -> bool {
    #[allow(deprecated)]
    let plain = |c: &Cell| {
        Pen::of(c) == pen && c.diff_option == CellDiffOption::None && !c.skip && width(c) == 1
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
    for (x, y, cell) in shown.diff(next) {
        match cursor {
            Some(at) if at == (x, y) => {}
            Some((cx, cy)) if cy == y && cx < x => {
                let forward = if x - cx == 1 {
                    "\x1b[C".to_owned()
                } else {
                    format!("\x1b[{}C", x - cx)
                };
                let start = usize::from(y) * row_width;
                let skipped = &next.content[start + usize::from(cx)..start + usize::from(x)];
                if rewritable(skipped, pen, forward.len()) {
                    for c in skipped {
                        bytes.extend_from_slice(c.symbol().as_bytes());
                    }
                } else {
                    bytes.extend_from_slice(forward.as_bytes());
                }
            }
            _ if x == 0 => bytes.extend_from_slice(format!("\x1b[{}H", y + 1).as_bytes()),
            _ => bytes.extend_from_slice(format!("\x1b[{};{}H", y + 1, x + 1).as_bytes()),
        }
        let to = Pen::of(cell);
        bytes.extend_from_slice(sgr(pen, to).as_bytes());
        pen = to;
        bytes.extend_from_slice(cell.symbol().as_bytes());
        let end = x.saturating_add(width(cell));
        cursor = (end < columns).then_some((end, y));
    }
    bytes.extend_from_slice(sgr(pen, Pen::DEFAULT).as_bytes());
    out.write_all(&bytes)
}

#[cfg(test)]
#[path = "encode_tests.rs"]
mod tests;
