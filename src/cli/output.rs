//! Printing: every line a command prints passes through `text::inert`,
//! colour is used only on a terminal without `NO_COLOR`, and a reader that
//! goes away (`corridor show FILE | head -1`) is not an error.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

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

/// Set once stdout's reader has gone away: what follows is dropped.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Standard output for commands. When the reader closes the pipe (`head`,
/// a pager that quits), writing it is a broken pipe: the rest of the output
/// is dropped and the command carries on to its normal exit status, with
/// nothing said on stderr, as `cat` or `grep` behave. Every other write
/// error (a full disk behind `> file`) is reported as before.
pub struct Stdout {
    inner: std::io::StdoutLock<'static>,
}

/// The commands' standard output; see [`Stdout`].
pub fn stdout() -> Stdout {
    Stdout {
        inner: std::io::stdout().lock(),
    }
}

fn quiet<T>(result: std::io::Result<T>, dropped: T) -> std::io::Result<T> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            CLOSED.store(true, Ordering::Relaxed);
            Ok(dropped)
        }
        other => other,
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if CLOSED.load(Ordering::Relaxed) {
            return Ok(buf.len());
        }
        quiet(self.inner.write(buf), buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if CLOSED.load(Ordering::Relaxed) {
            return Ok(());
        }
        quiet(self.inner.flush(), ())
    }
}

/// Prints one line (already inert) on stdout.
pub fn line(text: &str) -> std::io::Result<()> {
    let mut out = stdout();
    writeln!(out, "{text}")?;
    out.flush()
}

/// `code` when `written` worked; else says why and gives the exit code for
/// I/O errors.
pub fn finish(written: std::io::Result<()>, code: u8) -> u8 {
    match written {
        Ok(()) => code,
        Err(e) => {
            error(&format!("writing to stdout: {e}"));
            super::USAGE
        }
    }
}

/// Writes a rendered `text` to the file `out` (through a symlink to its
/// target, as `store::write_through` does) or, without one, to stdout.
/// `what` names the text in an error. `OK`, or `USAGE` having said why.
pub fn deliver(text: &str, out: Option<&std::path::Path>, what: &str) -> u8 {
    let written = match out {
        Some(out) => crate::store::write_through(out, text.as_bytes())
            .map_err(|e| format!("{}: {e}", out.display())),
        None => {
            let mut stdout = stdout();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|e| format!("writing {what}: {e}"))
        }
    };
    match written {
        Ok(()) => super::OK,
        Err(message) => {
            error(&message);
            super::USAGE
        }
    }
}
