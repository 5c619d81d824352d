//! Saves write what `corridor fmt` writes: starting from canonical journeys,
//! every value and table a save writes is in the canonical layout, so the
//! saved file passes `fmt --check`, and it re-reads as the journey saved.

mod support;

use corridor::model::{
    Action, ActionStatus, Department, Id, Journey, Kind, Origin, Partner, Target, Touchpoint,
    assign,
};
use corridor::sample::Lcg;
use corridor::store::{canonical_format, load, parse_journey};
use support::Sandbox;

const JOURNEYS: [&str; 3] = [
    "b2b-onboarding",
    "online-order-courier",
    "subscription-renewal",
];

fn id(text: &str) -> Id {
    Id::new(text).expect("id")
}

/// Loads a fixture copy, applies `edit`, saves, and returns the old and
/// new text after checking that the new text re-reads as the journey.
fn edit_fixture(journey: &str, edit: impl FnOnce(&mut Journey)) -> (String, String) {
    let sandbox = Sandbox::new();
    let path = sandbox.bundled(journey, "j.toml");
    let old = sandbox.read("j.toml");
    let loaded = load(&path).expect("load");
    let mut file = loaded.file;
    let mut model = loaded.journey;
    edit(&mut model);
    let saved = file.save(&model).expect("save");
    assert_eq!(saved, model, "the saved journey is the edited one");
    let new = sandbox.read("j.toml");
    assert_eq!(parse_journey(&new).journey, Some(model), "re-reads equal");
    (old, new)
}

fn assert_canonical(text: &str, context: &str) {
    let formatted = canonical_format(text).expect("formats");
    if formatted != text {
        let diff = similar::TextDiff::from_lines(text, &formatted);
        panic!(
            "{context}: not canonical; fmt would change:\n{}",
            diff.unified_diff().context_radius(1)
        );
    }
}

fn set(journey: &mut Journey, target: &Target, field: &str, value: &str) {
    assign(journey, target, field, value).expect("assign");
}

fn touchpoint(name: &str) -> Target {
    Target::Entry(Kind::Touchpoint, id(name))
}

#[test]
fn fixture_journeys_start_canonical() {
    for name in JOURNEYS {
        let sandbox = Sandbox::new();
        sandbox.bundled(name, "j.toml");
        assert_canonical(&sandbox.read("j.toml"), name);
    }
}

#[test]
fn appended_evidence_that_no_longer_fits_goes_one_per_line() {
    let long = "Call-centre log 2026-03: customer rang twice to ask where the courier was";
    let (old, new) = edit_fixture("online-order-courier", |j| {
        set(j, &touchpoint("courier-eta"), "evidence+", long);
        set(j, &touchpoint("courier-eta"), "evidence+", long);
    });
    assert_canonical(&new, "evidence+=");
    assert!(new.contains(&format!("evidence = [\n  \"{long}\",\n  \"{long}\",\n]\n")));
    assert_eq!(old.lines().count() + 4, new.lines().count(), "{new}");
}

#[test]
fn appended_evidence_has_a_space_after_the_comma() {
    let (old, new) = edit_fixture("online-order-courier", |j| {
        set(j, &touchpoint("guest-checkout"), "evidence+", "Survey");
    });
    let (removed, added) = line_changes(&old, &new);
    assert_eq!(removed.len(), 1);
    assert_eq!(
        added,
        vec![
            "evidence = [\"Hotjar session 8841: three attempts at the password rules\", \"Survey\"]\n"
        ]
    );
    assert_canonical(&new, "evidence+=");
}

#[test]
fn multi_line_notes_are_written_as_fmt_writes_them() {
    let notes = "Line one \"quoted\"\nline two ends in a quote\"";
    let (old, new) = edit_fixture("online-order-courier", |j| {
        set(j, &touchpoint("courier-eta"), "notes", notes);
        set(j, &touchpoint("product-page"), "notes", notes);
        set(j, &Target::Journey, "description", "One line\n\nthree");
    });
    assert_canonical(&new, "notes");
    let written = "notes = \"\"\"Line one \"quoted\"\nline two ends in a quote\\\"\"\"\"\n";
    assert_eq!(new.matches(written).count(), 2, "{new}");
    let (removed, added) = line_changes(&old, &new);
    assert_eq!(removed.len(), 1, "the description line: {removed:?}");
    assert_eq!(added.len(), 7, "{added:?}");
}

#[test]
fn a_replaced_string_is_written_double_quoted() {
    let (_, new) = edit_fixture("online-order-courier", |j| {
        set(j, &Target::Journey, "title", "Order 'online' \"now\"");
    });
    assert!(
        new.contains("title = \"Order 'online' \\\"now\\\"\"\n"),
        "{new}"
    );
    assert_canonical(&new, "title");
}

#[test]
fn the_first_entry_of_a_kind_goes_where_fmt_puts_it() {
    let (_, new) = edit_fixture("online-order-courier", |j| {
        j.partners.clear();
        for t in &mut j.touchpoints {
            t.partner = None;
        }
    });
    assert_canonical(&new, "all partners removed");
    let sandbox = Sandbox::new();
    sandbox.write("j.toml", &new);
    let loaded = load(&sandbox.path("j.toml")).expect("load");
    let (mut file, mut journey) = (loaded.file, loaded.journey);
    journey.partners.push(Partner {
        origin: Origin::NEW,
        id: id("late-courier"),
        name: "Late couriers".into(),
        role: Some("logistics".into()),
    });
    file.save(&journey).expect("save");
    let text = sandbox.read("j.toml");
    assert_canonical(&text, "first partner added");
    let partner = text.find("[[partners]]").expect("partner");
    let heading = text
        .find("# Touchpoints, in corridor order")
        .expect("heading");
    let first = text.find("[[touchpoints]]").expect("touchpoints");
    assert!(
        partner < heading && heading < first,
        "{}",
        &text[partner..first]
    );
}

/// Lines removed and added between two texts.
fn line_changes(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for change in diff.iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Delete => removed.push(change.value().to_owned()),
            similar::ChangeTag::Insert => added.push(change.value().to_owned()),
            similar::ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

/// Text of varied shape: short or long, with or without line breaks, with
/// characters that need escapes in one kind of string or another.
fn text(rng: &mut Lcg) -> String {
    const WORDS: [&str; 12] = [
        "courier",
        "\"quoted\"",
        "it's",
        "back\\slash",
        "#hash",
        "café",
        "tab\there",
        "'''",
        "\"\"\"",
        "ETA",
        "window",
        "order",
    ];
    let most = if rng.below(2) == 0 { 4 } else { 30 };
    let words = 1 + rng.below(most);
    let mut out = String::new();
    if rng.below(8) == 0 {
        out.push('\n');
    }
    for n in 0..words {
        if n > 0 {
            out.push(if rng.below(6) == 0 { '\n' } else { ' ' });
        }
        out.push_str(WORDS[rng.below(WORDS.len())]);
    }
    if rng.below(6) == 0 {
        out.push('"');
    }
    out
}

fn pick<'a>(rng: &mut Lcg, items: &'a [&'a str]) -> &'a str {
    items[rng.below(items.len())]
}

/// One random edit, as the workbench, `set` and `import metrics` make them.
fn random_edit(journey: &mut Journey, rng: &mut Lcg, step: usize) {
    let n = journey.touchpoints.len();
    let any_touchpoint = |rng: &mut Lcg, j: &Journey| {
        (!j.touchpoints.is_empty()).then(|| touchpoint(j.touchpoints[rng.below(n)].id.as_str()))
    };
    match rng.below(16) {
        0 | 1 => {
            if let Some(t) = any_touchpoint(rng, journey) {
                let field = pick(rng, &["expected", "actual", "emotion"]);
                let value = match (field, rng.below(6)) {
                    (_, 0) => String::new(),
                    ("emotion", v) => (v as i64 - 3).to_string(),
                    (_, v) => v.to_string(),
                };
                let _ = assign(journey, &t, field, &value);
            }
        }
        2 | 3 => {
            if let Some(t) = any_touchpoint(rng, journey) {
                let field = pick(rng, &["expectation", "experience", "notes", "name"]);
                let value = text(rng);
                set(journey, &t, field, &value);
            }
        }
        4 => {
            let field = pick(rng, &["title", "persona", "promise", "description"]);
            let value = text(rng);
            set(journey, &Target::Journey, field, &value);
        }
        5 | 6 => {
            if let Some(t) = any_touchpoint(rng, journey) {
                let value = text(rng).replace('\n', " ");
                set(journey, &t, "evidence+", &value);
            }
        }
        7 => {
            if let Some(t) = any_touchpoint(rng, journey) {
                let field = pick(rng, &["evidence", "notes", "channel", "partner", "owner"]);
                set(journey, &t, field, "");
            }
        }
        8 | 9 => {
            if let Some(t) = any_touchpoint(rng, journey) {
                let name = pick(rng, &["csat", "nps", "wait time", "drop_off", "calls"]);
                let value = match rng.below(4) {
                    0 => String::new(),
                    1 => (rng.below(500) as f64 / 7.0).to_string(),
                    _ => rng.below(100).to_string(),
                };
                set(journey, &t, &format!("metrics.{name}"), &value);
            }
        }
        10 if n > 1 => {
            let at = rng.below(n - 1);
            journey.touchpoints.swap(at, at + 1);
        }
        11 if n > 1 => {
            let gone = journey.touchpoints.remove(rng.below(n));
            journey.actions.retain(|a| a.touchpoint != gone.id);
        }
        12 => {
            let stage = journey.stages[rng.below(journey.stages.len())].id.clone();
            let mut t = Touchpoint::new(id(&format!("added-{step}")), stage, text(rng));
            t.notes = Some(text(rng));
            t.evidence = vec![text(rng).replace('\n', " "), text(rng).replace('\n', " ")];
            journey.touchpoints.insert(rng.below(n + 1), t);
        }
        13 => {
            if let Some(t) = journey.touchpoints.get(rng.below(n)) {
                let action = Action {
                    origin: Origin::NEW,
                    id: id(&format!("act-{step}")),
                    touchpoint: t.id.clone(),
                    title: text(rng),
                    owner: None,
                    status: ActionStatus::Doing,
                    due: None,
                    target: None,
                };
                let at = rng.below(journey.actions.len() + 1);
                journey.actions.insert(at, action);
                let target = Target::Entry(Kind::Action, id(&format!("act-{step}")));
                set(journey, &target, "due", "2027-03-01");
            }
        }
        14 => {
            if rng.below(3) == 0 {
                journey.departments.retain(|d| d.lead.is_some());
            }
            journey.departments.push(Department {
                origin: Origin::NEW,
                id: id(&format!("dept-{step}")),
                name: text(rng),
                lead: Some(text(rng)),
            });
        }
        _ => {
            let count = journey.stages.len();
            let stage = journey.stages.remove(rng.below(count));
            journey.stages.insert(rng.below(count), stage);
        }
    }
}

#[test]
fn random_edits_save_canonical_text() {
    for name in JOURNEYS {
        for seed in 1..=4u64 {
            let sandbox = Sandbox::new();
            let path = sandbox.bundled(name, "j.toml");
            let loaded = load(&path).expect("load");
            let (mut file, mut journey) = (loaded.file, loaded.journey);
            let mut rng = Lcg(seed * 7919);
            for step in 0..30 {
                random_edit(&mut journey, &mut rng, step);
                if rng.below(3) == 0 || step == 29 {
                    journey = file.save(&journey).expect("save");
                    let text = sandbox.read("j.toml");
                    let context = format!("{name} seed {seed} step {step}");
                    assert_eq!(
                        parse_journey(&text).journey.as_ref(),
                        Some(&journey),
                        "{context}"
                    );
                    assert_canonical(&text, &context);
                }
            }
        }
    }
}

#[test]
fn set_and_import_metrics_leave_files_that_pass_fmt_check() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path("journeys")).expect("folder");
    sandbox.bundled("online-order-courier", "journeys/lf.toml");
    sandbox.bundled("online-order-courier", "journeys/windows.toml");
    let windows = sandbox.read("journeys/windows.toml").replace('\n', "\r\n");
    sandbox.write("journeys/windows.toml", &format!("\u{FEFF}{windows}"));
    sandbox.write(
        "analytics.csv",
        "id,csat,returns_rate,actual\ncourier-eta,3.25,,3\nreturn-start,,0.12,\n",
    );
    let long = "Call-centre log 2026-03: customer rang twice to ask where the courier was";
    for file in ["journeys/lf.toml", "journeys/windows.toml"] {
        let set = sandbox.corridor(&[
            "set",
            file,
            &format!("guest-checkout.evidence+={long}"),
            "courier-eta.notes=First line\nsecond line",
            "store-refund.notes=",
            "journey.description=One\nTwo",
        ]);
        assert_eq!(set.code, 0, "{}", set.stderr);
        let import = sandbox.corridor(&["import", "metrics", "analytics.csv", file]);
        assert_eq!(import.code, 0, "{}", import.stderr);
    }
    let check = sandbox.corridor(&["fmt", "--check", "journeys"]);
    assert_eq!(check.code, 0, "would change: {}", check.stdout);
    let saved = sandbox.read("journeys/windows.toml");
    assert!(saved.starts_with('\u{FEFF}'));
    assert_eq!(saved.matches('\n').count(), saved.matches("\r\n").count());
}
