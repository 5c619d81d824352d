//! Command-line interface: clap definitions and dispatch, one file per subcommand.
//!
//! Commands print through `output::stdout()`, never `println!`, which
//! panics when the reader has closed the pipe.
#![deny(clippy::print_stdout)]

pub mod check;
mod compare;
mod completions;
pub mod diff;
mod fmt;
mod history;
mod import;
mod journeys;
mod man;
mod merge;
mod new;
mod output;
mod report;
mod set;
mod show;
mod show_blueprint;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use output::Paint;

/// Exit code for success.
pub const OK: u8 = 0;
/// Exit code when findings were reported (check errors, invalid input).
pub const FINDINGS: u8 = 1;
/// Exit code for usage and I/O errors.
pub const USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "corridor",
    version,
    about = "Customer-journey mapping in the terminal: touchpoints, gaps, ownership",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A folder of journeys or one journey file (default: ./journeys)
    path: Option<PathBuf>,
    /// No colour: selection by reverse video, gaps by symbols (also NO_COLOR)
    #[arg(long)]
    no_color: bool,
    /// ASCII borders and symbols (chosen by itself when the locale is not UTF-8)
    #[arg(long)]
    ascii: bool,
    /// Capture the mouse (off by default so terminal copy and paste work)
    #[arg(long)]
    mouse: bool,
    /// Never write to any file
    #[arg(long)]
    read_only: bool,
    /// Live mode: save every edit within a second, so that other
    /// workbenches on the same journey see it as it is made
    #[arg(long)]
    live: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate journeys: errors and warnings as FILE:LINE:COL
    Check(check::CheckArgs),
    /// Edit fields from a script: ID.FIELD=VALUE (journey.title=..., tp.actual=3)
    Set(set::SetArgs),
    /// Report a journey, or a folder as a portfolio: md, csv, json, html or mermaid
    Report(report::ReportArgs),
    /// Print a journey's corridor, its worst gaps and its departments as text
    Show(show::ShowArgs),
    /// Semantic diff of two journeys, or of a journey and a git revision of it
    Diff(diff::DiffArgs),
    /// Two journeys side by side by touchpoint id: current and future state,
    /// or one corridor for two personas
    Compare(compare::CompareArgs),
    /// Three-way merge of journey files by meaning (a git merge driver)
    Merge(merge::MergeArgs),
    /// Rewrite journeys in the canonical layout (--check lists what would change)
    Fmt(fmt::FmtArgs),
    /// Start a journey: blank, or a template drawn from a sample journey
    New(new::NewArgs),
    /// Create a journey from a Mermaid diagram or a CSV table; refresh metrics
    /// or aggregate survey responses
    Import(import::ImportArgs),
    /// A journey's figures at every commit that changed it, and whether
    /// its gaps closed after their actions were done (a folder: per journey
    /// and department)
    History(history::HistoryArgs),
    /// Print the shell completion script for bash, zsh, fish, elvish or powershell
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff) of corridor or of one command
    Man(man::ManArgs),
}

/// Parses the arguments and runs the command; returns the exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { USAGE } else { OK });
        }
    };
    let code = match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Report(args)) => report::run(&args),
        Some(Command::Set(args)) => set::run(&args),
        Some(Command::Show(args)) => show::run(&args),
        Some(Command::Diff(args)) => diff::run(&args),
        Some(Command::Compare(args)) => compare::run(&args),
        Some(Command::Merge(args)) => merge::run(&args),
        Some(Command::Fmt(args)) => fmt::run(&args),
        Some(Command::New(args)) => new::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::History(args)) => history::run(&args),
        Some(Command::Completions(args)) => completions::run(&args),
        Some(Command::Man(args)) => man::run(&args),
        None => crate::tui::run(&crate::tui::Launch {
            path: cli.path,
            no_color: cli.no_color,
            ascii: cli.ascii,
            mouse: cli.mouse,
            read_only: cli.read_only,
            live: cli.live,
        }),
    };
    ExitCode::from(code)
}
