//! The properties the fuzz targets hold corridor to, shared by the
//! libFuzzer targets under `fuzz/fuzz_targets/` and by the stable replay of
//! the regression corpus (`tests/fuzz_replay.rs`). Each check takes the raw
//! input bytes and panics when a property fails; any input is allowed.

#![allow(dead_code)]

mod edits;

use std::path::Path;

use corridor::analysis::diff::diff as journey_diff;
use corridor::analysis::validate;
use corridor::cli::Paint;
use corridor::cli::check::check_text;
use corridor::cli::diff::{Format as DiffFormat, write as write_diff};
use corridor::model::{Journey, Severity};
use corridor::report::csv_import;
use corridor::report::import_builder::ImportError;
use corridor::report::mermaid_import::{self, MermaidOptions, Scale};
use corridor::store::{canonical_format, merge_texts, parse_journey, render_new};
use corridor::text::is_inert;

/// Separates the two parts of a two-part input (the old and new journey of
/// `diff`, the text and the edits of `save`): a byte UTF-8 never holds.
pub const SEPARATOR: u8 = 0xFF;

/// The names of the targets, as folders of the corpora.
pub const TARGETS: [&str; 7] = [
    "journey_check",
    "save_edits",
    "fmt",
    "diff",
    "merge",
    "import_mermaid",
    "import_csv",
];

/// Runs the check of `target` on `data`; `dir` is a folder the save check
/// may write its journey file into.
pub fn run(target: &str, data: &[u8], dir: &Path) {
    match target {
        "journey_check" => journey_check(data),
        "save_edits" => save_edits(data, dir),
        "fmt" => fmt(data),
        "diff" => diff(data),
        "merge" => merge(data),
        "import_mermaid" => import_mermaid(data),
        "import_csv" => import_csv(data),
        other => panic!("no fuzz target named {other}"),
    }
}

/// The input before the first [`SEPARATOR`] and what follows it, if any.
pub fn split(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    }
}

/// Journey text: parsing and validating never panic, every finding sits
/// inside the text and prints inert, and a text read as a journey is TOML
/// to the editing parser and the `toml` crate as well.
pub fn journey_check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse_journey(text);
    if let Some(journey) = &parsed.journey {
        assert_eq!(validate(journey), validate(journey), "validate is stable");
        // What check accepts, the save path and fmt can read too.
        let edited = text.parse::<toml_edit::DocumentMut>();
        assert!(
            edited.is_ok(),
            "a journey the editor cannot parse: {edited:?}"
        );
        let table = toml::from_str::<toml::Table>(text);
        assert!(table.is_ok(), "a journey that is not TOML: {table:?}");
    }
    let lines = text.split('\n').count();
    for found in check_text("fuzz.toml", text, None) {
        assert!(
            found.line >= 1 && found.line <= lines,
            "{found:?} outside the text"
        );
        assert!(found.column >= 1, "{found:?} has no column");
        let shown = found.render();
        assert!(is_inert(&shown), "finding not inert: {shown:?}");
    }
}

/// A journey text plus edits: every edit `model::assign` accepts saves to a
/// text that reads back as the edited journey, and a journey saved without
/// edits keeps every byte.
pub fn save_edits(data: &[u8], dir: &Path) {
    edits::check(data, dir);
}

/// `fmt`: a text it lays out keeps its TOML data and reads back as the same
/// journey, and laying out the result again changes nothing.
pub fn fmt(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(out) = canonical_format(text) else {
        return;
    };
    let before: toml::Table = toml::from_str(text).expect("fmt accepted text that is not TOML");
    let after: toml::Table = toml::from_str(&out).expect("fmt wrote text that is not TOML");
    assert!(
        same_table(&before, &after),
        "fmt changed the data:\n{text}\n---\n{out}"
    );
    assert_eq!(
        parse_journey(text).journey,
        parse_journey(&out).journey,
        "fmt changed the journey"
    );
    match canonical_format(&out) {
        Ok(again) => assert_eq!(again, out, "fmt is not idempotent"),
        Err(e) => panic!("fmt refuses its own output: {e}\n{out}"),
    }
}

/// Whether two TOML tables hold the same data, whatever the order of their
/// keys (NaN equal to NaN, its sign ignored).
pub fn same_table(a: &toml::Table, b: &toml::Table) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(key, va)| b.get(key).is_some_and(|vb| same_value(va, vb)))
}

fn same_value(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value::*;
    match (a, b) {
        (Float(x), Float(y)) => (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits(),
        (Array(x), Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_value(x, y))
        }
        (Table(x), Table(y)) => same_table(x, y),
        _ => a == b,
    }
}

/// Two journeys (split at [`SEPARATOR`]; one alone is compared with no
/// journey, as git's `/dev/null`): a journey has no difference with itself,
/// and every rendering of the diff works and prints inert.
pub fn diff(data: &[u8]) {
    let (old, new) = split(data);
    let journey = |bytes: &[u8]| {
        let text = std::str::from_utf8(bytes).ok()?;
        parse_journey(text).journey
    };
    let Some(old) = journey(old) else {
        return;
    };
    let new = match new {
        Some(bytes) => match journey(bytes) {
            Some(new) => new,
            None => return,
        },
        None => Journey::default(),
    };
    assert!(
        journey_diff(&old, &old).is_empty(),
        "a journey differs from itself"
    );
    let d = journey_diff(&old, &new);
    if old == new {
        assert!(d.is_empty(), "equal journeys differ");
    }
    let back = journey_diff(&new, &old);
    assert_eq!(d.is_empty(), back.is_empty(), "diff is not symmetric");
    let names = ("old \u{1b}[2J.toml", "new\u{202e}.toml");
    for format in [DiffFormat::Text, DiffFormat::Md, DiffFormat::Json] {
        let paint = Paint { color: false };
        let mut bytes = Vec::new();
        write_diff(
            &d,
            format,
            (names.0, &old),
            (names.1, &new),
            paint,
            &mut bytes,
        )
        .expect("the diff renders");
        let shown = String::from_utf8(bytes).expect("the diff is UTF-8");
        assert!(is_inert(&shown), "{format:?} diff not inert:\n{shown}");
        if let DiffFormat::Json = format {
            serde_json::from_str::<serde_json::Value>(&shown).expect("the JSON diff is JSON");
        }
    }
}

/// Three journeys split at [`SEPARATOR`], BASE, OURS and THEIRS (a part
/// left out is the one before it), merged as git's merge driver would: a
/// journey merged with itself is itself, byte for byte; a merge without
/// conflicts reads back as the merged journey; one with conflicts is
/// marked so that it does not read as a journey.
pub fn merge(data: &[u8]) {
    let mut parts = data.split(|&b| b == SEPARATOR);
    let Some(Ok(base)) = parts.next().map(std::str::from_utf8) else {
        return;
    };
    let ours = match parts.next().map(std::str::from_utf8) {
        Some(Ok(text)) => text,
        Some(Err(_)) => return,
        None => base,
    };
    let theirs = match parts.next().map(std::str::from_utf8) {
        Some(Ok(text)) => text,
        Some(Err(_)) => return,
        None => ours,
    };
    if parse_journey(ours).journey.is_some() {
        let same = merge_texts(ours, ours, ours).expect("a journey merges with itself");
        assert!(same.conflicts.is_empty(), "conflicts with itself");
        assert_eq!(same.text, ours, "merging a journey with itself changed it");
    }
    let Ok(merged) = merge_texts(base, ours, theirs) else {
        return;
    };
    let reread = parse_journey(&merged.text).journey;
    if merged.conflicts.is_empty() {
        assert_eq!(
            reread.as_ref(),
            Some(&merged.journey),
            "the merged file does not read back as the merged journey"
        );
    } else {
        assert!(
            reread.is_none(),
            "a file with conflict markers reads as a journey"
        );
    }
}

/// What an importer hands back: a journey that must save as a valid file.
fn imported(journey: &Journey, what: &str) {
    let errors: Vec<String> = validate(journey)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message)
        .collect();
    assert!(
        errors.is_empty(),
        "{what} made an invalid journey: {errors:?}"
    );
    let comment = format!("Imported by `corridor import {what}`.");
    let text = render_new(journey, Some(&comment))
        .unwrap_or_else(|e| panic!("{what}: the imported journey does not render: {e}"));
    let parsed = parse_journey(&text);
    assert_eq!(
        parsed.journey.as_ref(),
        Some(journey),
        "{what}: not read back"
    );
    let errors: Vec<_> = check_text("imported.toml", &text, None)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: the file fails check: {errors:?}"
    );
}

/// The `--scale MIN-MAX` tried on a Mermaid input besides none, chosen by
/// its length: common ones and edges, some of them refused by `Scale::new`.
const SCALES: [(u32, u32); 7] = [
    (1, 5),
    (0, 5),
    (0, 10),
    (1, 1),
    (5, 1),
    (1, 7),
    (0, u32::MAX),
];

/// `import mermaid`: any diagram is imported or refused with errors at
/// lines of the input, and what is imported saves as a valid journey.
pub fn import_mermaid(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (min, max) = SCALES[data.len() % SCALES.len()];
    for scale in [None, Scale::new(min, max).ok()] {
        let options = MermaidOptions {
            scale,
            fallback_title: "Imported diagram".into(),
        };
        match mermaid_import::import(text, &options) {
            Ok((journey, warnings)) => {
                within(text, &warnings, "mermaid");
                imported(&journey, "mermaid");
            }
            Err(errors) => refused(text, &errors, "mermaid"),
        }
    }
}

/// `import csv`: any table is imported or refused with errors at lines of
/// the input, and what is imported saves as a valid journey.
pub fn import_csv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match csv_import::import(text, "Imported table") {
        Ok((journey, warnings)) => {
            within(text, &warnings, "csv");
            imported(&journey, "csv");
        }
        Err(errors) => refused(text, &errors, "csv"),
    }
}

/// A refused import says why.
fn refused(text: &str, errors: &[ImportError], what: &str) {
    assert!(!errors.is_empty(), "{what}: refused without an error");
    within(text, errors, what);
}

/// Problems of an import name a line of the input (from 1). Like Mermaid
/// and the CSV reader, a lone carriage return ends a line too.
fn within(text: &str, errors: &[ImportError], what: &str) {
    let lines = 1 + text.replace("\r\n", "\n").matches(['\n', '\r']).count();
    for e in errors {
        assert!(
            e.line >= 1 && e.line <= lines && e.column >= 1,
            "{what}: error outside the input: {e}"
        );
    }
}
