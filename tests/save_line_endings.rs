//! A journey written with CRLF line endings and a byte-order mark keeps
//! both through every kind of save: each edit changes the same lines it
//! changes in the LF copy of the file, and nothing else.

mod support;

use corridor::model::{Id, Journey, Kind, Target, Touchpoint, assign};
use corridor::store::{canonical_format, load, parse_journey};
use similar::{ChangeTag, TextDiff};
use support::Sandbox;

const BOM: &str = "\u{FEFF}";
const JOURNEY: &str = "online-order-courier";

fn id(text: &str) -> Id {
    Id::new(text).expect("id")
}

fn touchpoint(name: &str) -> Target {
    Target::Entry(Kind::Touchpoint, id(name))
}

/// The file's text with CRLF line endings and a BOM.
fn crlf(text: &str) -> String {
    format!("{BOM}{}", text.replace('\n', "\r\n"))
}

/// Saves an edited copy of `text`; `newline` is the file's line break, for
/// edits that write text over several lines.
fn save_edit(text: &str, newline: &str, edit: &dyn Fn(&mut Journey, &str)) -> String {
    let sandbox = Sandbox::new();
    let path = sandbox.write("j.toml", text);
    let loaded = load(&path).expect("load");
    let (mut file, mut journey) = (loaded.file, loaded.journey);
    edit(&mut journey, newline);
    let saved = file.save(&journey).expect("save");
    assert_eq!(saved, journey);
    let new = sandbox.read("j.toml");
    assert_eq!(parse_journey(&new).journey, Some(journey), "re-reads equal");
    new
}

/// Lines removed and added, in order.
fn changes(old: &str, new: &str) -> Vec<(ChangeTag, String)> {
    TextDiff::from_lines(old, new)
        .iter_all_changes()
        .filter(|c| c.tag() != ChangeTag::Equal)
        .map(|c| (c.tag(), c.value().to_owned()))
        .collect()
}

type Edit = (&'static str, Box<dyn Fn(&mut Journey, &str)>);

fn edits() -> Vec<Edit> {
    let set = |target: Target, field: &'static str, value: &'static str| {
        Box::new(move |j: &mut Journey, _: &str| {
            assign(j, &target, field, value).expect("assign");
        }) as Box<dyn Fn(&mut Journey, &str)>
    };
    vec![
        ("score", set(touchpoint("courier-eta"), "actual", "3")),
        (
            "clear a field",
            set(touchpoint("courier-eta"), "partner", ""),
        ),
        (
            "evidence+=",
            set(touchpoint("product-page"), "evidence+", "More"),
        ),
        (
            "new metric",
            set(touchpoint("courier-eta"), "metrics.calls", "12"),
        ),
        (
            "new key",
            set(touchpoint("product-page"), "notes", "Checked"),
        ),
        (
            "multi-line notes",
            Box::new(|j: &mut Journey, newline: &str| {
                let notes = format!("First line{newline}second line");
                assign(j, &touchpoint("courier-eta"), "notes", &notes).expect("assign");
            }),
        ),
        (
            "move (J)",
            Box::new(|j: &mut Journey, _: &str| {
                let at = j
                    .touchpoints
                    .iter()
                    .position(|t| t.id.as_str() == "courier-eta");
                let at = at.expect("touchpoint");
                j.touchpoints.swap(at, at + 1);
            }),
        ),
        (
            "add an entry",
            Box::new(|j: &mut Journey, _: &str| {
                let mut t = Touchpoint::new(id("added"), id("wait"), "Added");
                t.evidence = vec!["a".into(), "b".into()];
                j.touchpoints.insert(3, t);
            }),
        ),
        (
            "delete an entry",
            Box::new(|j: &mut Journey, _: &str| {
                j.touchpoints.retain(|t| t.id.as_str() != "product-page");
                j.actions
                    .retain(|a| a.touchpoint.as_str() != "product-page");
            }),
        ),
    ]
}

#[test]
fn every_kind_of_save_keeps_crlf_and_the_bom() {
    let sandbox = Sandbox::new();
    sandbox.bundled(JOURNEY, "lf.toml");
    let lf = sandbox.read("lf.toml");
    let windows = crlf(&lf);
    let mut saves = Vec::new();
    for (name, edit) in edits() {
        let lf_saved = save_edit(&lf, "\n", edit.as_ref());
        let saved = save_edit(&windows, "\r\n", edit.as_ref());
        assert!(saved.starts_with(BOM), "{name}: the BOM stays");
        assert_eq!(
            saved.matches('\n').count(),
            saved.matches("\r\n").count(),
            "{name}: every line ends in CRLF"
        );
        let lf_changes = changes(&lf, &lf_saved);
        assert!(!lf_changes.is_empty() && lf_changes.len() < 40, "{name}");
        let expected: Vec<(ChangeTag, String)> = lf_changes
            .iter()
            .map(|(tag, line)| (*tag, line.replace('\n', "\r\n")))
            .collect();
        let body = |text: &str| text.trim_start_matches(BOM).to_owned();
        assert_eq!(
            changes(&body(&windows), &body(&saved)),
            expected,
            "{name}: only the edited lines differ"
        );
        assert!(saved == crlf(&lf_saved), "{name}: the LF save, in CRLF");
        saves.push((name, saved));
    }
    for (name, saved) in saves {
        let formatted = canonical_format(&saved).expect("formats");
        assert!(formatted == saved, "{name}: fmt --check passes");
    }
}
