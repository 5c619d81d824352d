//! The terminal as the workbench drew it: ratatui's `Terminal` and a copy of
//! the frame on screen, so each new frame goes out as the scrolls that move
//! what moved (see `scroll`) and then the cells that still differ (see
//! `encode`). A frame equal to the one on screen sends nothing at all.

use std::io::Write;

use crossterm::{queue, terminal};
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::{Frame, Terminal};

use super::{encode, scroll};

/// A terminal and what it shows.
pub struct Screen<B: Backend> {
    terminal: Terminal<B>,
    /// What the terminal shows: the last frame drawn, or blank after a
    /// resize cleared it.
    shown: Buffer,
    /// A blank buffer of the screen's size, to swap in for the next frame
    /// to render into (saves allocating one per frame).
    spare: Buffer,
    /// Whether the terminal takes scroll regions (see `scroll_regions`).
    scrolling: bool,
}

/// Whether a terminal of type `term` (`$TERM`) moves rows with a scroll
/// region (DECSTBM with IND and RI, see `scroll::Scroll::write_ansi`).
/// The families listed all do; any other terminal gets only cell diffs,
/// which work everywhere, at more bytes per scroll.
pub fn scroll_regions(term: Option<&str>) -> bool {
    const FAMILIES: [&str; 17] = [
        "xterm",
        "screen",
        "tmux",
        "linux",
        "rxvt",
        "vt100",
        "vt102",
        "vt220",
        "vt320",
        "alacritty",
        "kitty",
        "foot",
        "wezterm",
        "st",
        "putty",
        "konsole",
        "gnome",
    ];
    term.and_then(|t| t.split(['-', '.']).next())
        .is_some_and(|family| FAMILIES.contains(&family))
}

impl<B: Backend<Error = std::io::Error> + Write> Screen<B> {
    /// Takes over a terminal whose screen is blank (a fresh alternate
    /// screen, or a fresh test backend); `scrolling` says whether the
    /// terminal takes scroll regions.
    pub fn new(mut terminal: Terminal<B>, scrolling: bool) -> Self {
        let area = terminal.get_frame().area();
        Self {
            terminal,
            shown: Buffer::empty(area),
            spare: Buffer::empty(area),
            scrolling,
        }
    }

    /// Follows a change of the terminal's size: ratatui then clears the
    /// screen and forgets what it showed, and so does this copy.
    pub fn autoresize(&mut self) -> std::io::Result<()> {
        let before = self.terminal.get_frame().area();
        self.terminal.autoresize()?;
        let after = self.terminal.get_frame().area();
        if after != before {
            self.shown = Buffer::empty(after);
        }
        Ok(())
    }

    /// Draws a frame: renders it, and when it differs from the screen sends
    /// the scrolls and then the changed cells, inside a synchronized update
    /// so that terminals that support it (and tmux) never show half a frame
    /// over a slow link. The terminal's cursor stays hidden.
    ///
    /// ratatui's `Terminal` gives the frame its size and clears the screen
    /// on a resize; the diff and the bytes are this module's (ratatui's own
    /// previous buffer cannot be read or scrolled, so it stays unused).
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> std::io::Result<()> {
        self.autoresize()?;
        let mut frame = self.terminal.get_frame();
        render(&mut frame);
        let area = frame.area();
        if self.spare.area != area {
            self.spare = Buffer::empty(area);
        }
        // Leaves ratatui's buffer blank for the next frame to render into.
        let next = std::mem::replace(
            self.terminal.current_buffer_mut(),
            std::mem::take(&mut self.spare),
        );
        if next == self.shown {
            self.spare = next;
            self.spare.reset();
            return Ok(());
        }
        let out = self.terminal.backend_mut();
        queue!(out, terminal::BeginSynchronizedUpdate)?;
        if self.scrolling {
            for scroll in scroll::scrolls(&mut self.shown, &next) {
                scroll.write_ansi(out)?;
            }
        }
        encode::write_diff(out, &mut self.shown, &next)?;
        queue!(out, terminal::EndSynchronizedUpdate)?;
        Write::flush(out)?;
        self.spare = std::mem::replace(&mut self.shown, next);
        self.spare.reset();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_regions_for_known_families_only() {
        for term in [
            "xterm-256color",
            "screen.xterm-256color",
            "tmux-256color",
            "linux",
            "rxvt-unicode-256color",
            "vt220",
            "xterm-kitty",
        ] {
            assert!(scroll_regions(Some(term)), "{term}");
        }
        for term in ["dumb", "vt52", "", "unknown-terminal", "emacs"] {
            assert!(!scroll_regions(Some(term)), "{term}");
        }
        assert!(!scroll_regions(None));
    }
}
