//! Colours, attributes and symbol sets: full colour (16 colours, safe over
//! SSH), no colour (selection by reverse video, gaps by symbols), and ASCII.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::model::GapClass;
use crate::tui::state::Options;

/// Box drawing with `+ - |` for terminals without Unicode.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

impl Theme {
    pub fn new(options: &Options) -> Self {
        Self {
            color: options.color,
            ascii: options.ascii,
        }
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    /// The colour a gap class carries (when colour is on).
    pub fn class_color(class: GapClass) -> Color {
        match class {
            GapClass::Critical => Color::LightRed,
            GapClass::Shortfall => Color::Yellow,
            GapClass::Met => Color::Reset,
            GapClass::Exceeded => Color::LightGreen,
            GapClass::Unscored => Color::DarkGray,
        }
    }

    pub fn class(&self, class: GapClass) -> Style {
        let base = Style::default();
        if !self.color {
            return match class {
                GapClass::Critical => base.add_modifier(Modifier::BOLD),
                _ => base,
            };
        }
        let style = base.fg(Self::class_color(class));
        if class == GapClass::Critical {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    /// The selected row or card: reverse video reads in any terminal.
    pub fn selected(&self) -> Style {
        if self.color {
            Style::default()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn heading(&self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Cyan)
        } else {
            style
        }
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn key(&self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Yellow)
        } else {
            style
        }
    }

    pub fn symbol(&self, class: GapClass) -> &'static str {
        class.symbol(self.ascii)
    }

    /// Marks a moment of truth.
    pub fn moment(&self) -> &'static str {
        if self.ascii { "*" } else { "★" }
    }

    pub fn dot(&self) -> &'static str {
        if self.ascii { "-" } else { "·" }
    }

    pub fn ellipsis_ascii(&self) -> bool {
        self.ascii
    }
}
