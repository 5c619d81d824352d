//! `corridor man [COMMAND]`: the manual page in roff, on stdout.

use clap::{Args, CommandFactory};

use super::{Cli, OK, USAGE, output};

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
    let command = match &args.command {
        None => root,
        Some(name) => {
            let Some(sub) = root.find_subcommand(name).cloned() else {
                output::error(&format!("no command `{name}`"));
                return USAGE;
            };
            sub.display_name(format!("corridor-{name}"))
                .bin_name(format!("corridor {name}"))
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut page = Vec::new();
    let written = clap_mangen::Man::new(command)
        .render(&mut page)
        .and_then(|()| {
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
