//! Tests of the scrolling diff: which scrolls are chosen, and that a
//! terminal (the `vt100` emulator) does to its screen exactly what
//! `Scroll::apply` does to a buffer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use super::*;
use crate::sample::Lcg;

fn buffer(lines: &[&str]) -> Buffer {
    let width = lines.iter().map(|l| l.len()).max().unwrap_or(0);
    let padded: Vec<String> = lines.iter().map(|l| format!("{l:<width$}")).collect();
    Buffer::with_lines(padded)
}

fn lines(buffer: &Buffer) -> Vec<String> {
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect()
}

/// A list of `rows` numbered rows from `first`, between a title and a
/// status line.
fn list(first: usize, rows: usize) -> Vec<String> {
    let mut out = vec!["Title bar of the screen".to_owned()];
    out.extend((first..first + rows).map(|n| format!("{n:>3} touchpoint number {n}")));
    out.push("status: all saved".to_owned());
    out
}

fn as_buffer(lines: &[String]) -> Buffer {
    buffer(&lines.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn a_list_moved_up_one_row_is_one_scroll_of_its_rows() {
    let mut shown = as_buffer(&list(1, 10));
    let next = as_buffer(&list(2, 10));
    let found = scrolls(&mut shown, &next);
    assert_eq!(
        found,
        vec![Scroll {
            top: 1,
            bottom: 11,
            shift: 1
        }]
    );
    let after = lines(&shown);
    let want = lines(&next);
    let differ: Vec<usize> = (0..want.len()).filter(|&r| after[r] != want[r]).collect();
    assert_eq!(differ, vec![10], "only the row scrolled in is left to draw");
}

#[test]
fn a_list_moved_down_two_rows_is_one_scroll_down() {
    let mut shown = as_buffer(&list(5, 10));
    let next = as_buffer(&list(3, 10));
    let found = scrolls(&mut shown, &next);
    assert_eq!(
        found,
        vec![Scroll {
            top: 1,
            bottom: 11,
            shift: -2
        }]
    );
    let (after, want) = (lines(&shown), lines(&next));
    let differ: Vec<usize> = (0..want.len()).filter(|&r| after[r] != want[r]).collect();
    assert_eq!(differ, vec![1, 2]);
}

#[test]
fn a_moved_selection_inside_the_band_still_scrolls() {
    // The selected row is styled; after the move it is another row.
    let mut shown = as_buffer(&list(1, 10));
    let mut next = as_buffer(&list(2, 10));
    let selected = Style::default().bg(Color::Blue);
    shown.set_style(Rect::new(0, 10, 23, 1), selected);
    next.set_style(Rect::new(0, 10, 23, 1), selected);
    let found = scrolls(&mut shown, &next);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].shift, 1);
}

#[test]
fn nothing_to_scroll_when_nothing_moved() {
    let mut shown = as_buffer(&list(1, 10));
    let next = shown.clone();
    assert!(scrolls(&mut shown, &next).is_empty());
    let mut other = as_buffer(&list(1, 10));
    let changed = as_buffer(&vec!["x".repeat(23); 12]);
    assert!(scrolls(&mut other, &changed).is_empty());
}

#[test]
fn blank_and_ruled_rows_do_not_make_a_scroll() {
    let mut shown = buffer(&["top", "---", "", "", "bot"]);
    let next = buffer(&["top", "", "---", "", "bot"]);
    assert!(scrolls(&mut shown, &next).is_empty());
}

#[test]
fn a_one_row_move_is_not_worth_a_scroll() {
    // A single short row moved costs less drawn than scrolled.
    let mut shown = buffer(&["a", "b", "c"]);
    let next = buffer(&["b", "x", "y"]);
    assert!(scrolls(&mut shown, &next).is_empty());
}

#[test]
fn the_sequences_sent() {
    let mut out = Vec::new();
    let up = Scroll {
        top: 2,
        bottom: 30,
        shift: 1,
    };
    up.write_ansi(&mut out).expect("write");
    assert_eq!(out, b"\x1b[3;30r\x1b[30H\n\x1b[r");
    assert_eq!(up.cost() as usize, out.len());
    let mut out = Vec::new();
    let down = Scroll {
        top: 2,
        bottom: 30,
        shift: -3,
    };
    down.write_ansi(&mut out).expect("write");
    assert_eq!(out, b"\x1b[3;30r\x1b[3H\x1bM\x1bM\x1bM\x1b[r");
    assert_eq!(down.cost() as usize, out.len());
}

/// The emulator's screen as lines, blanks as spaces.
fn emulated(parser: &vt100::Parser) -> Vec<String> {
    let (rows, cols) = parser.screen().size();
    let (rows, cols) = (rows.get(), cols.get());
    (0..rows)
        .map(|r| {
            (0..cols)
                .map(|c| {
                    let text = parser
                        .screen()
                        .cell(r, c)
                        .map_or(String::new(), |cell| cell.contents().to_owned());
                    if text.is_empty() {
                        " ".to_owned()
                    } else {
                        text
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_terminal_scrolls_as_apply_says() {
    let mut rng = Lcg(7);
    for round in 0..300 {
        let width = 1 + rng.below(12);
        let height = 2 + rng.below(14);
        let text: Vec<String> = (0..height)
            .map(|_| {
                (0..width)
                    .map(|_| char::from(b'a' + u8::try_from(rng.below(26)).unwrap_or(0)))
                    .collect()
            })
            .collect();
        let mut shown = as_buffer(&text);
        let mut parser = vt100::Parser::new(
            u16::try_from(height)
                .ok()
                .and_then(std::num::NonZeroU16::new)
                .expect("height"),
            u16::try_from(width)
                .ok()
                .and_then(std::num::NonZeroU16::new)
                .expect("width"),
            0,
        );
        for (r, line) in text.iter().enumerate() {
            parser.process(format!("\x1b[{};1H{line}", r + 1).as_bytes());
        }
        let top = rng.below(height - 1);
        let bottom = top + 2 + rng.below(height - top - 1);
        let rows = bottom - top;
        let amount = i32::try_from(1 + rng.below(rows - 1)).expect("amount");
        let shift = if rng.below(2) == 0 { amount } else { -amount };
        let scroll = Scroll {
            top: u16::try_from(top).expect("top"),
            bottom: u16::try_from(bottom).expect("bottom"),
            shift,
        };
        let mut bytes = Vec::new();
        scroll.write_ansi(&mut bytes).expect("write");
        parser.process(&bytes);
        scroll.apply(&mut shown);
        assert_eq!(
            emulated(&parser),
            lines(&shown),
            "round {round}: {scroll:?} on {width}x{height}"
        );
    }
}

#[test]
fn scrolls_then_the_rest_reach_the_next_frame() {
    // Random bands of a random screen moved by random amounts, with some
    // rows edited: whatever scrolls are chosen, applying them leaves a
    // buffer the cell diff turns into the next frame, and never costs more
    // rows to draw than not scrolling.
    let mut rng = Lcg(11);
    for round in 0..200 {
        let width = 4 + rng.below(30);
        let height = 3 + rng.below(30);
        let row = |rng: &mut Lcg| -> String {
            (0..width)
                .map(|_| char::from(b'a' + u8::try_from(rng.below(26)).unwrap_or(0)))
                .collect()
        };
        let old: Vec<String> = (0..height).map(|_| row(&mut rng)).collect();
        let mut new = old.clone();
        let top = rng.below(height - 1);
        let bottom = top + 2 + rng.below(height - top - 1);
        let k = 1 + rng.below(bottom - top - 1);
        if rng.below(2) == 0 {
            new[top..bottom].rotate_left(k);
        } else {
            new[top..bottom].rotate_right(k);
        }
        for _ in 0..rng.below(4) {
            let r = rng.below(height);
            new[r] = row(&mut rng);
        }
        let mut shown = as_buffer(&old);
        let next = as_buffer(&new);
        let before = shown.diff(&next).len();
        let found = scrolls(&mut shown, &next);
        let after = shown.diff(&next).len();
        assert!(
            found.is_empty() || after < before,
            "round {round}: {found:?} left {after} cells, {before} without"
        );
        for scroll in &found {
            assert!(scroll.bottom - scroll.top >= 2, "round {round}: {scroll:?}");
            assert!(
                scroll.shift.unsigned_abs() < u32::from(scroll.bottom - scroll.top),
                "round {round}: {scroll:?}"
            );
        }
    }
}
