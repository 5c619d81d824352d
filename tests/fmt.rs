//! `corridor fmt`: the canonical layout, idempotence, comments kept with
//! what they precede, `--check` exit codes, and files left alone when they
//! cannot be formatted.

mod support;

use corridor::store::load;
use support::Sandbox;

const MESSY: &str = "\
# Header comment of the file.
# Second line.

title = 'Café: \"loyalty\"' # trailing on title
schema = 1


  [[touchpoints]]   # header trailing
  # about the name
  name = 'Fills in the form'
  stage = \"sign-up\"
  id = \"form\"
  colour = 'red'
  evidence = [ 'a',
     # before b
     'b' ]

# Stages come first once formatted.

# The sign-up stage.
[[stages]]
name = \"Sign up\"
id = \"sign-up\"
[touchpoints.metrics]
forms = 120 # per week


# End of file.
";

const CANONICAL: &str = "\
# Header comment of the file.
# Second line.

schema = 1
title = \"Café: \\\"loyalty\\\"\" # trailing on title

# Stages come first once formatted.

# The sign-up stage.
[[stages]]
id = \"sign-up\"
name = \"Sign up\"

[[touchpoints]] # header trailing
id = \"form\"
stage = \"sign-up\"
# about the name
name = \"Fills in the form\"
evidence = [
  \"a\",
  # before b
  \"b\",
]
# per week
metrics = { forms = 120 }
colour = \"red\"

# End of file.
";

#[test]
fn fmt_writes_the_canonical_layout_and_keeps_every_comment() {
    let sandbox = Sandbox::new();
    sandbox.write("j.toml", MESSY);
    let before = load(&sandbox.path("j.toml")).expect("loads").journey;
    let run = sandbox.corridor(&["fmt", "j.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "formatted j.toml\n");
    assert_eq!(sandbox.read("j.toml"), CANONICAL);
    let after = load(&sandbox.path("j.toml")).expect("loads").journey;
    assert_eq!(before, after, "the journey is the same");
    let again = sandbox.corridor(&["fmt", "j.toml"]);
    assert_eq!(again.code, 0);
    assert_eq!(again.stdout, "", "nothing left to format");
    assert_eq!(
        sandbox.read("j.toml"),
        CANONICAL,
        "byte-identical the second time"
    );
}

#[test]
fn check_lists_files_that_would_change_and_writes_nothing() {
    let sandbox = Sandbox::new();
    sandbox.write("journeys/messy.toml", MESSY);
    sandbox.write("journeys/clean.toml", CANONICAL);
    let run = sandbox.corridor(&["fmt", "--check"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "journeys/messy.toml\n");
    assert!(
        run.stderr.contains("1 of 2 files would be reformatted"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.read("journeys/messy.toml"), MESSY);
    assert_eq!(sandbox.corridor(&["fmt"]).code, 0);
    let clean = sandbox.corridor(&["fmt", "--check", "journeys"]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert_eq!(clean.stdout, "");
}

#[test]
fn sample_journeys_are_canonical() {
    let journeys = support::SAMPLES;
    let run = Sandbox::new().corridor(&["fmt", "--check", journeys]);
    assert_eq!(run.code, 0, "would change: {}", run.stdout);
}

#[test]
fn files_that_are_not_toml_are_reported_and_left_alone() {
    let sandbox = Sandbox::new();
    let broken = "schema = 1\ntitle = \"T\"\n[[stages]\nid = 'x'\n";
    sandbox.write("broken.toml", broken);
    sandbox.write("fine.toml", MESSY);
    let run = sandbox.corridor(&["fmt", "broken.toml", "fine.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("broken.toml:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("error: invalid TOML"), "{}", run.stderr);
    assert_eq!(sandbox.read("broken.toml"), broken);
    assert_eq!(
        sandbox.read("fine.toml"),
        CANONICAL,
        "other files are still formatted"
    );
    let check = sandbox.corridor(&["fmt", "--check", "broken.toml"]);
    assert_eq!(check.code, 2);
}

#[test]
fn a_locked_journey_is_not_rewritten() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("j.toml", MESSY);
    let target = std::fs::canonicalize(&path).expect("canonical path");
    let lock = corridor::store::JourneyLock::acquire(&target).expect("lock");
    let run = sandbox.corridor(&["fmt", "j.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is being edited by another corridor"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.read("j.toml"), MESSY);
    drop(lock);
    assert_eq!(sandbox.corridor(&["fmt", "j.toml"]).code, 0);
}

/// `text` with CRLF line endings and a byte-order mark.
fn windows(text: &str) -> String {
    format!("\u{FEFF}{}", text.replace('\n', "\r\n"))
}

#[test]
fn crlf_files_keep_their_line_endings_bom_and_data() {
    let sandbox = Sandbox::new();
    let with_notes =
        |text: &str, at: &str, notes: &str| text.replacen(at, &format!("{at}{notes}"), 1);
    let messy = windows(&with_notes(
        MESSY,
        "  colour = 'red'\n",
        "  notes = '''two\n\"lines\"'''\n",
    ));
    let canonical = windows(&with_notes(
        CANONICAL,
        "metrics = { forms = 120 }\n",
        "notes = \"\"\"two\n\"lines\\\"\"\"\"\n",
    ));
    sandbox.write("j.toml", &messy);
    let run = sandbox.corridor(&["fmt", "j.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let formatted = sandbox.read("j.toml");
    assert_eq!(formatted, canonical);
    assert!(!formatted.contains("\\r"), "no escaped carriage returns");
    let data = |text: &str| toml::from_str::<toml::Table>(text).expect("TOML");
    assert_eq!(
        data(&messy),
        data(&formatted),
        "a TOML reader reads the same"
    );
    let check = sandbox.corridor(&["fmt", "--check", "j.toml"]);
    assert_eq!(check.code, 0, "formatting twice changes nothing");
}

#[test]
fn crlf_copies_of_canonical_journeys_are_canonical() {
    let sandbox = Sandbox::new();
    for name in [
        "b2b-onboarding",
        "online-order-courier",
        "subscription-renewal",
    ] {
        let file = format!("{name}.toml");
        sandbox.bundled(name, &file);
        let text = windows(&sandbox.read(&file));
        sandbox.write(&file, &text);
    }
    let run = sandbox.corridor(&["fmt", "--check", "."]);
    assert_eq!(run.code, 0, "would change: {}", run.stdout);
}
