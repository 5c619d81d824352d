//! Printing: every line a command prints passes through `text::inert`, and
//! colour is used only on a terminal without `NO_COLOR`.

use std::io::IsTerminal;

use crate::model::GapClass;
use crate::text::inert;

/// Colours for gap classes, or none.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub color: bool,
}

impl Paint {
    /// Colour when stdout is a terminal, `NO_COLOR` is unset or empty, and the
    /// user did not pass `--no-color`.
    pub fn detect(no_color_flag: bool) -> Self {
        let env_off = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            color: !no_color_flag && !env_off && std::io::stdout().is_terminal(),
        }
    }

    /// Wraps already-inert text in the colour of a gap class.
    pub fn class(&self, class: GapClass, text: &str) -> String {
        if !self.color {
            return text.to_owned();
        }
        let code = match class {
            GapClass::Critical => "1;31",
            GapClass::Shortfall => "33",
            GapClass::Met => "",
            GapClass::Exceeded => "32",
            GapClass::Unscored => "2",
        };
        if code.is_empty() {
            text.to_owned()
        } else {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        }
    }

    /// Bold headings.
    pub fn heading(&self, text: &str) -> String {
        if self.color {
            format!("\u{1b}[1m{text}\u{1b}[0m")
        } else {
            text.to_owned()
        }
    }
}

/// Prints an error message to stderr, made inert.
pub fn error(text: &str) {
    eprintln!("corridor: {}", inert(text));
}
