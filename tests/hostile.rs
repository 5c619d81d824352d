//! Hostile text (design section 3, promise 7): escape sequences, C1 controls,
//! bidi overrides, tabs, CJK and emoji in every text field of a journey must
//! reach the terminal inert, and the plain-text corridor must stay aligned.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The hostile payload as TOML basic-string source (TOML escapes, so the file
/// itself is valid): clear screen, an OSC window title, C1 CSI and NEL, bidi
/// overrides and isolates, a tab, CJK, emoji and a ZWJ emoji.
const PAYLOAD: &str = concat!(
    r"\u001b[2J",
    r"\u001b]0;pwned\u0007",
    r"\u009b31m",
    r"\u0085",
    r"\u202e\u2066\u2067\u2068\u2069",
    r"\t",
    "日本語テキスト",
    "🚚📦",
    "👩\u{200d}💻",
);

/// The touchpoints of the hostile journey, in file order.
const TOUCHPOINTS: usize = 5;

/// `tag` followed by the payload, as TOML string source.
fn h(tag: &str) -> String {
    format!("\"{tag} {PAYLOAD} end\"")
}

/// A valid journey whose every text field is hostile. With `vs16`, one
/// touchpoint's name and channel are full of emoji with variation selector 16
/// (`❤️`), wide enough to be cut.
fn hostile_journey(vs16: bool) -> String {
    let mut t = String::new();
    t.push_str("# A hostile journey: every text field carries escapes.\nschema = 1\n");
    for key in ["title", "persona", "promise", "description"] {
        t.push_str(&format!("{key} = {}\n", h(key)));
    }
    // An unknown key with a weird name: `check` prints it.
    t.push_str(&format!(
        "\"weird\\u001b[31m\\u202ekey\\t🚚\\u0085\" = {}\n",
        h("unknown")
    ));
    t.push_str(&format!(
        "\n[[stages]]\nid = \"discover\"\nname = {}\nphase = \"buy\"\n",
        h("stage")
    ));
    t.push_str(
        "\n[[stages]]\nid = \"receive\"\nname = \"日本語 🚚📦 \\u202e受け取り\"\nphase = \"own\"\n",
    );
    t.push_str(&format!(
        "\n[[departments]]\nid = \"ops\"\nname = {}\nlead = {}\n",
        h("department"),
        h("lead")
    ));
    t.push_str(
        "\n[[departments]]\nid = \"cx\"\nname = \"👩\u{200d}💻 CX 日本\"\nlead = \"\\u001b[5mblink\"\n",
    );
    t.push_str(&format!(
        "\n[[partners]]\nid = \"courier\"\nname = {}\nrole = {}\n",
        h("partner"),
        h("role")
    ));
    t.push_str(&format!(
        "\n[[touchpoints]]\nid = \"tp\"\nstage = \"discover\"\nname = {}\nchannel = {}\n\
         owner = \"ops\"\npartner = \"courier\"\nmoment_of_truth = true\n\
         expectation = {}\nexpected = 5\nexperience = {}\nactual = 2\nemotion = -2\n\
         evidence = [{}, {}]\n\
         metrics = {{ \"csat\\u001b[2J\\u202e\" = 3.5, \"日本🚚\\t\\u009b\" = 1 }}\n\
         notes = {}\n\
         \"\\u001b]0;pwned\\u0007\" = \"unknown key in a touchpoint\"\n",
        h("touchpoint"),
        h("channel"),
        h("expectation"),
        h("experience"),
        h("evidence one"),
        h("evidence two"),
        h("notes"),
    ));
    t.push_str(
        "\n[[touchpoints]]\nid = \"cjk\"\nstage = \"discover\"\nname = \"日本語テキスト\"\n\
         channel = \"📦\\t箱\"\nowner = \"cx\"\nexpected = 3\nactual = 3\n",
    );
    t.push_str(
        "\n[[touchpoints]]\nid = \"emoji\"\nstage = \"receive\"\n\
         name = \"🚚📦 👩\u{200d}💻 delivery\"\nchannel = \"🚚\"\nowner = \"cx\"\n\
         partner = \"courier\"\nmoment_of_truth = true\nexpected = 5\nactual = 1\n",
    );
    t.push_str(
        "\n[[touchpoints]]\nid = \"short\"\nstage = \"receive\"\n\
         name = \"\\u001b[1mBold\\u202e txt\\t!\"\nchannel = \"\\u0085\"\nowner = \"ops\"\n\
         expected = 4\nactual = 3\n",
    );
    t.push_str(&format!(
        "\n[[touchpoints]]\nid = \"wide\"\nstage = \"receive\"\nname = \"{}\"\n\
         channel = \"日本語テキスト\"\nowner = \"cx\"\n",
        "日本語テキスト👩\u{200d}💻".repeat(6)
    ));
    if vs16 {
        t.push_str(&format!(
            "\n[[touchpoints]]\nid = \"heart\"\nstage = \"receive\"\nname = \"{} love\"\n\
             channel = \"{}\"\nowner = \"cx\"\nexpected = 2\nactual = 4\n",
            "❤\u{fe0f}".repeat(40),
            "❤\u{fe0f}".repeat(8)
        ));
    }
    t.push_str(&format!(
        "\n[[actions]]\nid = \"fix\"\ntouchpoint = \"tp\"\ntitle = {}\nowner = \"ops\"\n\
         status = \"open\"\ndue = 2026-12-15\n",
        h("action")
    ));
    t
}

/// The real binary, with its config and data folders inside `home`, no colour.
fn corridor(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_corridor"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    cmd
}

fn run<I, S>(home: &Path, args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    corridor(home)
        .args(args)
        .output()
        .expect("the corridor binary runs")
}

/// A temp folder holding the hostile journey as `hostile.toml`.
fn setup(vs16: bool) -> Result<(TempDir, PathBuf), std::io::Error> {
    let dir = TempDir::new()?;
    let path = dir.path().join("hostile.toml");
    fs::write(&path, hostile_journey(vs16))?;
    Ok((dir, path))
}

fn is_forbidden(c: char) -> bool {
    (c < ' ' && c != '\n')
        || c == '\u{7f}'
        || ('\u{80}'..='\u{9f}').contains(&c)
        || matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        )
}

/// Output is UTF-8 and holds nothing a terminal would act on: no C0 control
/// but the newline, no DEL, no C1, no bidi control.
fn assert_inert(what: &str, bytes: &[u8]) -> TestResult {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("{what}: not UTF-8: {e}"))?;
    for (n, line) in text.split('\n').enumerate() {
        if let Some(c) = line.chars().find(|&c| is_forbidden(c)) {
            panic!(
                "{what}: line {} holds U+{:04X}: {line:?}",
                n + 1,
                u32::from(c)
            );
        }
    }
    Ok(())
}

fn assert_output_inert(what: &str, out: &Output) -> TestResult {
    assert_inert(&format!("{what} (stdout)"), &out.stdout)?;
    assert_inert(&format!("{what} (stderr)"), &out.stderr)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

// ---------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------

#[test]
fn check_prints_hostile_text_inert() -> TestResult {
    let (dir, path) = setup(false)?;
    let out = run(dir.path(), [Path::new("check"), &path]);
    assert_output_inert("check", &out)?;
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings only; stdout: {text}\nstderr: {}",
        stderr(&out)
    );
    // The weird unknown keys are named, with visible placeholders.
    assert!(
        text.contains("unknown key `weird^[[31m<U+202E>key"),
        "unknown top-level key not shown inert: {text}"
    );
    assert!(
        text.contains("unknown key `^[]0;pwned^G`"),
        "unknown touchpoint key not shown inert: {text}"
    );

    let out = run(
        dir.path(),
        [
            Path::new("check"),
            Path::new("--format"),
            Path::new("json"),
            &path,
        ],
    );
    assert_output_inert("check --format json", &out)?;
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    // JSON escapes would hide raw controls from the byte check: look inside.
    for finding in report["findings"]
        .as_array()
        .ok_or("findings is not an array")?
    {
        let message = finding["message"].as_str().ok_or("message")?;
        assert_inert("check --format json message", message.as_bytes())?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// show
// ---------------------------------------------------------------------------

fn show(home: &Path, path: &Path, width: &str, ascii: bool) -> Output {
    let mut args = vec![
        "show".into(),
        path.as_os_str().to_owned(),
        "--width".into(),
        width.into(),
    ];
    if ascii {
        args.push("--ascii".into());
    }
    run(home, args)
}

#[test]
fn show_prints_hostile_text_inert() -> TestResult {
    let (dir, path) = setup(false)?;
    for (width, ascii) in [("100", false), ("80", false), ("80", true)] {
        let what = format!(
            "show --width {width}{}",
            if ascii { " --ascii" } else { "" }
        );
        let out = show(dir.path(), &path, width, ascii);
        assert_output_inert(&what, &out)?;
        let text = stdout(&out);
        assert!(out.status.success(), "{what} failed: {}", stderr(&out));
        // The text is shown, made visible, not dropped.
        let title = text.lines().next().unwrap_or_default();
        assert!(
            title.starts_with("title ^[[2J^[]0;pwned^G<U+009B>31m<U+0085><U+202E>"),
            "{what}: title line {title:?}"
        );
        assert!(text.contains("日本語テキスト"), "{what}: CJK missing");
        assert!(text.contains("🚚📦"), "{what}: emoji missing");
    }
    Ok(())
}

/// The display column of the score arrow in each corridor row: rows start
/// with two spaces and hold `E -> A`.
fn arrow_columns(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .filter(|line| line.starts_with("  "))
        .filter_map(|line| {
            line.rfind("->")
                .and_then(|at| line.get(..at))
                .map(|before| (UnicodeWidthStr::width(before), line))
        })
        .collect()
}

fn assert_aligned(vs16: bool) -> TestResult {
    let (dir, path) = setup(vs16)?;
    let touchpoints = TOUCHPOINTS + usize::from(vs16);
    for (width, ascii) in [("100", false), ("100", true), ("80", false), ("80", true)] {
        let what = format!(
            "show --width {width}{}",
            if ascii { " --ascii" } else { "" }
        );
        let out = show(dir.path(), &path, width, ascii);
        assert!(out.status.success(), "{what} failed: {}", stderr(&out));
        let text = stdout(&out);
        let rows = arrow_columns(&text);
        assert_eq!(
            rows.len(),
            touchpoints,
            "{what}: expected one corridor row per touchpoint:\n{text}"
        );
        let first = rows.first().map(|(c, _)| *c).ok_or("no rows")?;
        let misaligned: Vec<String> = rows
            .iter()
            .filter(|(c, _)| *c != first)
            .map(|(c, line)| format!("  `->` at column {c}: {line}"))
            .collect();
        assert!(
            misaligned.is_empty(),
            "{what}: score arrows not in one column (first row: {first}):\n{}\n\n{text}",
            misaligned.join("\n")
        );
    }
    Ok(())
}

#[test]
fn show_corridor_rows_stay_aligned_with_cjk_and_emoji() -> TestResult {
    assert_aligned(false)
}

#[test]
fn show_corridor_rows_stay_aligned_with_variation_selector_emoji() -> TestResult {
    assert_aligned(true)
}

/// No line of `show --width N` (with and without `--ascii`) is wider than N.
fn assert_fits(columns: usize) -> TestResult {
    let (dir, path) = setup(false)?;
    for ascii in [false, true] {
        let what = format!(
            "show --width {columns}{}",
            if ascii { " --ascii" } else { "" }
        );
        let out = show(dir.path(), &path, &columns.to_string(), ascii);
        assert!(out.status.success(), "{what} failed: {}", stderr(&out));
        let text = stdout(&out);
        let wide: Vec<String> = text
            .lines()
            .filter(|line| UnicodeWidthStr::width(*line) > columns)
            .map(|line| format!("  {} columns: {line}", UnicodeWidthStr::width(line)))
            .collect();
        assert!(
            wide.is_empty(),
            "{what}: lines wider than {columns} columns:\n{}",
            wide.join("\n")
        );
    }
    Ok(())
}

#[test]
fn show_at_width_80_fits_in_80_columns() -> TestResult {
    assert_fits(80)
}

#[test]
fn show_at_width_100_fits_in_100_columns() -> TestResult {
    assert_fits(100)
}

// ---------------------------------------------------------------------------
// set
// ---------------------------------------------------------------------------

#[test]
fn set_messages_are_inert_and_hostile_values_round_trip() -> TestResult {
    let (dir, path) = setup(false)?;
    let home = dir.path();

    // A hostile note is stored exactly (when asked for) and the
    // confirmation is inert.
    let note = "\u{1b}]0;pwned\u{7} \u{202e}note\u{9b}31m\t日本語 👩\u{200d}💻";
    let out = run(
        home,
        [
            "set".into(),
            "--allow-control".into(),
            path.as_os_str().to_owned(),
            format!("tp.notes={note}").into(),
        ],
    );
    assert_output_inert("set tp.notes", &out)?;
    assert!(out.status.success(), "set failed: {}", stderr(&out));
    let loaded = corridor::store::load(&path)?;
    let stored = loaded
        .journey
        .touchpoint("tp")
        .and_then(|t| t.notes.clone());
    assert_eq!(stored.as_deref(), Some(note));
    drop(loaded);
    let saved = fs::read(&path)?;
    assert!(
        !saved.contains(&0x1b),
        "a raw ESC was written into the TOML file"
    );

    // Refused assignments quote the user's text, inert, and write nothing.
    let cases: [(&str, &[&str]); 3] = [
        ("tp.actual=9", &["tp.actual=9", "out of range"]),
        (
            "tp.actual=\u{1b}[2J9\u{202e}",
            &["tp.actual=^[[2J9<U+202E>", "not a whole number"],
        ),
        (
            "\u{1b}]0;pwned\u{7}\u{2066}.actual=3",
            &["^[]0;pwned^G<U+2066>", "not an id"],
        ),
    ];
    for (assignment, expected) in cases {
        let what = format!("set {assignment:?}");
        let out = run(
            home,
            [
                "set".into(),
                path.as_os_str().to_owned(),
                std::ffi::OsString::from(assignment),
            ],
        );
        assert_output_inert(&what, &out)?;
        assert_eq!(out.status.code(), Some(2), "{what}: {}", stderr(&out));
        let err = stderr(&out);
        for part in expected {
            assert!(err.contains(part), "{what}: stderr lacks {part:?}: {err}");
        }
        assert_eq!(fs::read(&path)?, saved, "{what}: the file changed");
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Syntax errors on hostile lines
// ---------------------------------------------------------------------------

#[test]
fn syntax_error_on_a_hostile_line_is_not_echoed() -> TestResult {
    let dir = TempDir::new()?;
    let path = dir.path().join("broken.toml");
    // Raw ESC, BEL, C1 and bidi characters on the lines with the errors; a
    // raw ESC is itself invalid TOML.
    let text = "schema = 1\n\
                title = \"fine\"\n\
                persona = \"\u{1b}]0;pwned\u{7}\u{1b}[2J \u{202e}evil\u{9b}31m\" junk\n\
                \u{2066}promise\u{2069} = \u{85}\u{202e}oops\t\u{1b}[5m\n";
    fs::write(&path, text)?;
    let home = dir.path();

    let out = run(home, [Path::new("check"), &path]);
    assert_output_inert("check broken", &out)?;
    assert_eq!(out.status.code(), Some(1), "check: {}", stdout(&out));
    let report = stdout(&out);
    assert!(
        report.contains("broken.toml:3:"),
        "the error is not placed on line 3: {report}"
    );

    let out = run(
        home,
        [
            Path::new("check"),
            Path::new("--format"),
            Path::new("json"),
            &path,
        ],
    );
    assert_output_inert("check --format json broken", &out)?;
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    for finding in json["findings"].as_array().ok_or("findings")? {
        let message = finding["message"].as_str().ok_or("message")?;
        assert_inert("check --format json broken message", message.as_bytes())?;
    }

    let out = run(home, [Path::new("show"), &path]);
    assert_output_inert("show broken", &out)?;
    assert_ne!(out.status.code(), Some(0));

    let before = fs::read(&path)?;
    let out = run(
        home,
        [Path::new("set"), &path, Path::new("journey.title=x")],
    );
    assert_output_inert("set broken", &out)?;
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(fs::read(&path)?, before, "an invalid file was written");
    Ok(())
}

// ---------------------------------------------------------------------------
// Hostile file names
// ---------------------------------------------------------------------------

#[test]
fn hostile_file_names_are_printed_inert() -> TestResult {
    let dir = TempDir::new()?;
    let path = dir
        .path()
        .join("j\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}\u{9b}.toml");
    fs::write(&path, hostile_journey(false))?;
    let home = dir.path();

    let out = run(home, [Path::new("check"), &path]);
    assert_output_inert("check hostile name", &out)?;
    let out = run(home, [Path::new("check"), dir.path()]);
    assert_output_inert("check folder with hostile name", &out)?;
    let out = run(home, [Path::new("show"), &path]);
    assert_output_inert("show hostile name", &out)?;
    let out = run(home, [Path::new("set"), &path, Path::new("tp.actual=3")]);
    assert_output_inert("set hostile name", &out)?;
    assert!(out.status.success(), "set failed: {}", stderr(&out));

    // The lock message names the file too.
    let canonical = fs::canonicalize(&path)?;
    let lock = corridor::store::JourneyLock::acquire(&canonical)?;
    let out = run(home, [Path::new("set"), &path, Path::new("tp.actual=4")]);
    drop(lock);
    assert_output_inert("set on a locked hostile name", &out)?;
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    Ok(())
}
