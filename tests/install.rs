//! `corridor completions SHELL` and `corridor man`: what a package needs to
//! install corridor like any other command-line tool.

mod support;

use support::Sandbox;

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = sandbox.corridor(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for word in ["corridor", "check", "diff", "fmt", "import", "exit-code"] {
            assert!(run.stdout.contains(word), "{shell} completion lacks {word}");
        }
    }
    let unknown = sandbox.corridor(&["completions", "cmd.exe"]);
    assert_eq!(unknown.code, 2);
}

#[test]
fn man_pages_for_corridor_and_each_command() {
    let sandbox = Sandbox::new();
    let main = sandbox.corridor(&["man"]);
    assert_eq!(main.code, 0, "{}", main.stderr);
    assert!(main.stdout.contains(".TH corridor 1"), "{}", main.stdout);
    assert!(main.stdout.contains(".SH SUBCOMMANDS"));
    assert!(main.stdout.contains("corridor\\-diff(1)"));
    // What --help cannot hold: keys, exit codes, the file in short, the
    // environment and examples.
    for section in [
        ".SH \"WORKBENCH KEYS\"",
        ".SH \"EXIT STATUS\"",
        ".SH \"JOURNEY FILE\"",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
    ] {
        assert!(
            main.stdout.contains(section),
            "{section} in {}",
            main.stdout
        );
    }
    for words in [
        "capture scores",
        "CORRIDOR_TODAY",
        "[[touchpoints]]",
        "fmt \\-\\-check",
    ] {
        assert!(main.stdout.contains(words), "{words} in the main page");
    }
    let diff = sandbox.corridor(&["man", "diff"]);
    assert_eq!(diff.code, 0);
    assert!(
        diff.stdout.contains(".TH corridor-diff 1"),
        "{}",
        diff.stdout
    );
    assert!(diff.stdout.contains("\\-\\-exit\\-code"));
    let unknown = sandbox.corridor(&["man", "nope"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("no command `nope`"));
}
