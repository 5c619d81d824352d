//! Tests of the cell encoder: the exact sequences for common changes, and
//! random frames played into a terminal emulator (`vt100`).

use std::num::NonZeroU16;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::*;
use crate::sample::Lcg;

fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
    Pen {
        fg,
        bg,
        underline: Color::Reset,
        modifier,
    }
}

fn sgr_text(from: Pen, to: Pen) -> String {
    let mut out = Vec::new();
    sgr(&mut out, from, to);
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn short_sequences_for_common_changes() {
    let plain = Pen::DEFAULT;
    let selected = pen(Color::White, Color::Blue, Modifier::BOLD);
    assert_eq!(sgr_text(plain, selected), "\x1b[1;97;44m");
    assert_eq!(sgr_text(selected, plain), "\x1b[m");
    let critical = pen(Color::LightRed, Color::Blue, Modifier::BOLD);
    assert_eq!(sgr_text(selected, critical), "\x1b[91m");
    assert_eq!(sgr_text(plain, plain), "");
    // Switching bold off keeps dim on.
    let both = pen(Color::Reset, Color::Reset, Modifier::BOLD | Modifier::DIM);
    let dim = pen(Color::Reset, Color::Reset, Modifier::DIM);
    assert_eq!(sgr_text(both, dim), "\x1b[0;2m");
    assert_eq!(
        sgr_text(
            plain,
            pen(Color::Indexed(208), Color::Rgb(1, 2, 3), Modifier::empty())
        ),
        "\x1b[38;5;208;48;2;1;2;3m"
    );
}

#[test]
fn moves_are_relative_along_a_row() {
    let mut shown = Buffer::with_lines(["abcdefghijklmnop", "................"]);
    let mut next = shown.clone();
    next[(2, 0)].set_symbol("X");
    next[(4, 0)].set_symbol("Y");
    next[(14, 0)].set_symbol("Z");
    next[(0, 1)].set_symbol("W");
    let mut out = Vec::new();
    write_diff(&mut out, &mut shown, &next).expect("write");
    // "d" is written again (1 byte) rather than skipped; the gap to column
    // 14 is a relative move; the next row starts with an absolute one.
    assert_eq!(
        String::from_utf8(out).expect("utf-8"),
        "\x1b[1;3HXdY\x1b[9CZ\x1b[2HW"
    );
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a size above zero")
}

const COLORS: [Color; 6] = [
    Color::Reset,
    Color::Red,
    Color::LightGreen,
    Color::Blue,
    Color::Indexed(200),
    Color::Rgb(10, 20, 30),
];
const MODIFIERS: [Modifier; 5] = [
    Modifier::BOLD,
    Modifier::DIM,
    Modifier::ITALIC,
    Modifier::UNDERLINED,
    Modifier::REVERSED,
];
const WORDS: [&str; 8] = ["a", "bc", " ", "顧客", "▼▼", "xyz", "支", "  "];

/// A frame of random words in random styles, wide characters included.
fn random_frame(rng: &mut Lcg, width: u16, height: u16) -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
    for _ in 0..rng.below(usize::from(width) * usize::from(height) / 2) {
        let x = u16::try_from(rng.below(usize::from(width))).unwrap_or(0);
        let y = u16::try_from(rng.below(usize::from(height))).unwrap_or(0);
        let mut style = Style::default()
            .fg(COLORS[rng.below(COLORS.len())])
            .bg(COLORS[rng.below(COLORS.len())]);
        for m in MODIFIERS {
            if rng.below(4) == 0 {
                style = style.add_modifier(m);
            }
        }
        buffer.set_string(x, y, WORDS[rng.below(WORDS.len())], style);
    }
    // The emulator keeps one intensity: bold or dim, not both.
    for cell in &mut buffer.content {
        if cell.modifier.contains(Modifier::BOLD) {
            cell.modifier.remove(Modifier::DIM);
        }
    }
    buffer
}

fn expected_color(color: Color) -> vt100::Color {
    match color {
        Color::Reset => vt100::Color::Default,
        Color::Red => vt100::Color::Idx(1),
        Color::LightGreen => vt100::Color::Idx(10),
        Color::Blue => vt100::Color::Idx(4),
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        other => panic!("no colour {other:?} in these frames"),
    }
}

/// Where the emulator differs from `frame` (visible differences only).
fn differences(frame: &Buffer, screen: &vt100::Screen) -> Vec<String> {
    let mut found = Vec::new();
    for y in 0..frame.area.height {
        let mut x = 0;
        while x < frame.area.width {
            let want = &frame[(x, y)];
            let Some(got) = screen.cell(y, x) else {
                found.push(format!("{x},{y}: no cell"));
                break;
            };
            let text = if got.contents().is_empty() {
                " "
            } else {
                got.contents()
            };
            let m = want.modifier;
            let mut w = (
                expected_color(want.fg),
                expected_color(want.bg),
                m.contains(Modifier::BOLD),
                m.contains(Modifier::DIM),
                m.contains(Modifier::ITALIC),
                m.contains(Modifier::UNDERLINED),
                m.contains(Modifier::REVERSED),
            );
            let mut g = (
                got.fgcolor(),
                got.bgcolor(),
                got.bold(),
                got.dim(),
                got.italic(),
                got.underline(),
                got.inverse(),
            );
            if want.symbol() == " " {
                for s in [&mut w, &mut g] {
                    if !s.6 {
                        s.0 = vt100::Color::Default;
                    }
                    (s.2, s.3, s.4) = (false, false, false);
                }
            }
            if text != want.symbol() || w != g {
                found.push(format!(
                    "{x},{y}: wanted {:?} {w:?}, got {text:?} {g:?}",
                    want.symbol()
                ));
            }
            x += width(want);
        }
    }
    found
}

#[test]
fn random_frames_reach_the_emulated_screen() {
    let mut rng = Lcg(5);
    for round in 0..150 {
        let width = 1 + u16::try_from(rng.below(30)).unwrap_or(0);
        let height = 1 + u16::try_from(rng.below(8)).unwrap_or(0);
        let mut parser = vt100::Parser::new(nonzero(height), nonzero(width), 0);
        let mut shown = Buffer::empty(Rect::new(0, 0, width, height));
        for frame in 0..6 {
            let next = random_frame(&mut rng, width, height);
            let mut out = Vec::new();
            write_diff(&mut out, &mut shown, &next).expect("write");
            parser.process(&out);
            let wrong = differences(&next, parser.screen());
            assert!(wrong.is_empty(), "round {round}, frame {frame}: {wrong:#?}");
            shown = next;
        }
    }
}
