//! Command-line interface: clap definitions and dispatch, one file per subcommand.

mod check;
mod output;
mod set;
mod show;

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
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate journeys: errors and warnings as FILE:LINE:COL
    Check(check::CheckArgs),
    /// Edit fields from a script: ID.FIELD=VALUE (journey.title=..., tp.actual=3)
    Set(set::SetArgs),
    /// Print a journey's corridor, its worst gaps and its departments as text
    Show(show::ShowArgs),
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
        Some(Command::Set(args)) => set::run(&args),
        Some(Command::Show(args)) => show::run(&args),
        None => crate::tui::run(&crate::tui::Launch {
            path: cli.path,
            no_color: cli.no_color,
            ascii: cli.ascii,
            mouse: cli.mouse,
            read_only: cli.read_only,
        }),
    };
    ExitCode::from(code)
}
