//! `corridor completions SHELL`: the shell completion script, on stdout.

use std::io::Write;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, OK, output};

#[derive(Debug, Args)]
#[command(after_help = "\
Install, for example:
  corridor completions bash > ~/.local/share/bash-completion/completions/corridor
  corridor completions zsh > ~/.zfunc/_corridor
  corridor completions fish > ~/.config/fish/completions/corridor.fish")]
pub struct CompletionsArgs {
    /// The shell to complete for
    shell: Shell,
}

pub fn run(args: &CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    // Generated in memory: clap_complete panics when its writer fails.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "corridor", &mut script);
    let mut out = output::stdout();
    output::finish(out.write_all(&script).and_then(|()| out.flush()), OK)
}
