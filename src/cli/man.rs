//! `corridor man [COMMAND]`: the manual page in roff, on stdout. The main
//! page adds what `--help` cannot hold: the workbench keys (from the same
//! keymap that draws the help screen), exit status, the journey file in
//! short, the environment and examples.

use clap::{Args, CommandFactory};
use roff::{Roff, bold, italic, roman};

use super::{Cli, OK, USAGE, output};
use crate::tui::keymap::{bindings, keys_label};
use crate::tui::state::Mode;

#[derive(Debug, Args)]
#[command(after_help = "\
Install, for example:
  corridor man > ~/.local/share/man/man1/corridor.1
  corridor man diff > ~/.local/share/man/man1/corridor-diff.1")]
pub struct ManArgs {
    /// A subcommand whose page to print (default: the main page)
    command: Option<String>,
}

pub fn run(args: &ManArgs) -> u8 {
    let root = Cli::command();
    let (command, main) = match &args.command {
        None => (root, true),
        Some(name) => {
            let Some(sub) = root.find_subcommand(name).cloned() else {
                output::error(&format!("no command `{name}`"));
                return USAGE;
            };
            let sub = sub
                .display_name(format!("corridor-{name}"))
                .bin_name(format!("corridor {name}"))
                .version(env!("CARGO_PKG_VERSION"));
            (sub, false)
        }
    };
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(command);
    let mut rendered = man.render(&mut page);
    if main && rendered.is_ok() {
        rendered = main_sections().to_writer(&mut page);
    }
    let written = rendered.and_then(|()| {
        let mut out = output::stdout();
        std::io::Write::write_all(&mut out, &page)?;
        std::io::Write::flush(&mut out)
    });
    match written {
        Ok(()) => OK,
        Err(e) => {
            output::error(&format!("writing the manual page: {e}"));
            USAGE
        }
    }
}

/// A tagged paragraph: the term in bold, then its text.
fn item(roff: &mut Roff, term: &str, text: &str) {
    roff.control("TP", [])
        .text([bold(term)])
        .text([roman(text)]);
}

fn paragraph(roff: &mut Roff, text: &str) {
    roff.control("PP", []).text([roman(text)]);
}

/// The workbench keys of the modes a user meets, from the keymap.
fn keys(roff: &mut Roff) {
    roff.control("SH", ["WORKBENCH KEYS"]);
    paragraph(
        roff,
        "corridor with no command (or a folder or file) opens the workbench. \
         The keys below are the ones the help screen (?) lists.",
    );
    let modes: [(&str, Mode); 3] = [
        ("Browsing", Mode::Browse),
        (
            "Score capture (x)",
            Mode::Capture {
                index: 0,
                actual: false,
            },
        ),
        ("Filter panel (f)", Mode::Filter { row: 0 }),
    ];
    for (title, mode) in modes {
        roff.control("SS", [title]);
        for binding in bindings(&mode) {
            item(roff, &keys_label(binding.keys), binding.help);
        }
        if mode == Mode::Browse {
            item(roff, "Ctrl-r", "redo");
            item(roff, "Ctrl-c", "quit");
        }
    }
    roff.control("SS", ["Forms"]);
    paragraph(
        roff,
        "In a form, Up and Down pick a field and Enter edits it; a field with a fixed set \
         of values (stage, owner, partner, channel, phase, status, emotion, moment of truth) \
         steps through them with Left and Right. Multi-line text opens a text area (Ctrl-s \
         applies). Every value is checked as corridor check checks it.",
    );
}

fn main_sections() -> Roff {
    let mut roff = Roff::default();
    keys(&mut roff);

    roff.control("SH", ["EXIT STATUS"]);
    item(
        &mut roff,
        "0",
        "Success: no errors, no differences asked about.",
    );
    item(
        &mut roff,
        "1",
        "Findings: check found errors (or warnings with --deny-warnings), fmt --check \
         found files to format, diff --exit-code found differences or --fail-if-worse a \
         fallen score, a single journey given to report or show is invalid.",
    );
    item(
        &mut roff,
        "2",
        "Usage, I/O or input errors: a bad argument, an unreadable, too large or invalid \
         file where a valid one is needed, a failed write.",
    );

    roff.control("SH", ["JOURNEY FILE"]);
    paragraph(
        &mut roff,
        "One journey per TOML file: schema = 1, title, optional persona (one line, or a \
         [persona] table: name, role, goals, needs, quote, context), promise, description, \
         state (current/future) and baseline (the journey it is compared against), then \
         [[stages]] (id, name, phase buy/own/advocate), [[departments]] \
         (id, name, lead), [[partners]] (id, name, role), [[touchpoints]] (id, stage, name, \
         channel, owner, partner, moment_of_truth, expectation, expected 1-5, experience, \
         actual 1-5, emotion -2..2, evidence, metrics, notes), [[actions]] (id, touchpoint, \
         title, owner, status open/doing/done, due YYYY-MM-DD) and [[steps]] (id, touchpoint, \
         lane frontstage/backstage/support, name, owner or partner, fail_point, notes). Ids are \
         slugs [a-z0-9-]+, unique per kind; references use ids. Unknown keys are kept on save \
         and warned about.",
    );
    paragraph(
        &mut roff,
        "Gap = actual - expected: critical (-2 or worse), shortfall (-1), met (0), exceeded \
         (above 0), unscored. Experience debt = the sum of the negative gaps. Severity = \
         max(0, -gap), doubled at a moment of truth. Every figure is defined in docs/figures.md.",
    );

    roff.control("SH", ["ENVIRONMENT"]);
    item(
        &mut roff,
        crate::clock::TODAY_VAR,
        "The day due dates are measured against (YYYY-MM-DD); the system clock otherwise.",
    );
    item(
        &mut roff,
        "NO_COLOR",
        "Any non-empty value turns colour off.",
    );
    item(
        &mut roff,
        "CORRIDOR_MAX_FILE_SIZE",
        "The largest journey file read, in bytes (default 64 MiB).",
    );
    item(
        &mut roff,
        "XDG_CONFIG_HOME, XDG_DATA_HOME",
        "Where config.toml (folder, ascii, mouse, no_color) and the recovery journal live.",
    );

    roff.control("SH", ["EXAMPLES"]);
    for (what, example) in [
        (
            "Start a journey and open it:",
            "corridor new journeys/move-home.toml && corridor journeys/move-home.toml",
        ),
        (
            "Score a touchpoint from a script:",
            "corridor set journeys/move-home.toml meter-reading.actual=2",
        ),
        (
            "Check every journey, as a pre-commit hook would:",
            "corridor check journeys/ && corridor fmt --check journeys/",
        ),
        (
            "Review a change:",
            "corridor diff journeys/move-home.toml --rev main --format md",
        ),
        (
            "The executive report:",
            "corridor report journeys/move-home.toml --format html -o move-home.html",
        ),
    ] {
        roff.control("PP", []).text([roman(what)]);
        roff.control("RS", [])
            .text([italic(example)])
            .control("RE", []);
    }
    roff
}
