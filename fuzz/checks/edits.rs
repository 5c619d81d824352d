//! The save check: a journey text, then edits decoded from the bytes after
//! the separator (assignments through `model::assign` to entries and fields
//! picked from `Kind::fields()`, and entries added, removed and moved, as
//! the workbench does), then the text the store would save.

use std::path::Path;

use corridor::model::{
    Action, ActionStatus, Department, EntryList, HEADER, Id, Journey, Kind, KindVisitor, Lane,
    MetricDef, Origin, Partner, Stage, Step, Target, Touchpoint, assign, visit_kind,
};
use corridor::store::{load, parse_journey};

/// Edits read from one input at most: enough to mix several kinds.
const MAX_EDITS: usize = 24;

/// Values worth trying in any field: in and out of every range, the words
/// of fixed sets, dates real and not, and text that TOML must quote.
const VALUES: &[&str] = &[
    "",
    "0",
    "1",
    "3",
    "5",
    "6",
    "-2",
    "+2",
    "-3",
    "true",
    "false",
    "yes",
    "buy",
    "advocate",
    "open",
    "done",
    "2026-12-15",
    "2026-02-30",
    "0000-01-01",
    "3.5",
    "-0",
    "1e400",
    "nan",
    "inf",
    "new-id",
    "a",
    "x-y-z",
    " padded ",
    "\"quoted\"",
    "'single'",
    "'''",
    "\"\"\"",
    "back\\slash",
    "line one\nline two",
    "ends with a break\n",
    "\r\n",
    "lone\rreturn",
    "tab\there",
    "\u{1b}[31mred",
    "\u{202e}bidi",
    "\u{0}nul",
    "\u{7f}\u{85}",
    "e\u{301}",
    "日本語",
    "# not a comment",
    "key = \"value\"",
    "\n[[touchpoints]]\nid = \"x\"\n",
    "}{][",
];

/// One edit, kept for the message of a failing check.
#[derive(Debug)]
enum Edit {
    Assign(Target, String, String),
    Add(Kind, usize),
    Remove(Kind, usize),
    Move(Kind, usize, usize),
}

/// The edit bytes, read from the front.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn index(&mut self, len: usize) -> Option<usize> {
        (len > 0).then_some(())?;
        Some(usize::from(self.byte()?) % len)
    }

    /// A value: from [`VALUES`], an id the journey uses, or raw bytes.
    fn value(&mut self, journey: &Journey) -> Option<String> {
        Some(match self.byte()? % 4 {
            0 | 1 => VALUES[self.index(VALUES.len())?].to_owned(),
            2 => {
                let kind = Kind::ALL[self.index(Kind::ALL.len())?];
                let ids = ids(journey, kind);
                match self.index(ids.len()) {
                    Some(i) => ids[i].to_string(),
                    None => "missing".into(),
                }
            }
            _ => {
                let len = usize::from(self.byte()? % 24).min(self.0.len());
                let (raw, rest) = self.0.split_at(len);
                self.0 = rest;
                String::from_utf8_lossy(raw).into_owned()
            }
        })
    }

    fn edit(&mut self, journey: &Journey) -> Option<Edit> {
        let op = self.byte()?;
        let kind = Kind::ALL[self.index(Kind::ALL.len())?];
        let count = ids(journey, kind).len();
        match op % 8 {
            0..=3 => self.assignment(journey, kind),
            4 => Some(Edit::Add(kind, self.index(count + 1)?)),
            5 => Some(Edit::Remove(kind, self.index(count)?)),
            6 => Some(Edit::Move(kind, self.index(count)?, self.index(count)?)),
            _ => {
                let spec = HEADER[self.index(HEADER.len())?];
                let value = self.value(journey)?;
                Some(Edit::Assign(
                    Target::Journey,
                    spec.field.key().into(),
                    value,
                ))
            }
        }
    }

    fn assignment(&mut self, journey: &Journey, kind: Kind) -> Option<Edit> {
        let ids = ids(journey, kind);
        let id = ids.get(self.index(ids.len())?)?.clone();
        let fields = kind.fields();
        let extra = if kind == Kind::Touchpoint { 2 } else { 0 };
        let field = match self.index(fields.len() + extra)? {
            i if i < fields.len() => fields[i].field.key().to_owned(),
            i if i == fields.len() => "evidence+".to_owned(),
            _ => format!("metrics.{}", self.value(journey)?),
        };
        let value = self.value(journey)?;
        Some(Edit::Assign(Target::Entry(kind, id), field, value))
    }
}

fn ids(journey: &Journey, kind: Kind) -> Vec<Id> {
    struct Ids<'a>(&'a Journey);
    impl KindVisitor for Ids<'_> {
        type Output = Vec<Id>;
        fn visit<E: EntryList>(self) -> Vec<Id> {
            E::list(self.0).iter().map(|e| e.id().clone()).collect()
        }
    }
    visit_kind(kind, Ids(journey))
}

/// An id no entry of `kind` has yet.
fn fresh_id(journey: &Journey, kind: Kind) -> Id {
    let taken = ids(journey, kind);
    (0..)
        .map(|n| Id::new(&format!("added-{n}")).expect("a valid id"))
        .find(|id| !taken.contains(id))
        .expect("a free id")
}

enum Shuffle {
    Remove(usize),
    Move(usize, usize),
}

fn shuffle<T>(entries: &mut Vec<T>, how: &Shuffle) {
    match *how {
        Shuffle::Remove(i) if i < entries.len() => {
            entries.remove(i);
        }
        Shuffle::Move(from, to) if from < entries.len() && to < entries.len() => {
            let entry = entries.remove(from);
            entries.insert(to, entry);
        }
        _ => {}
    }
}

fn shuffle_kind(journey: &mut Journey, kind: Kind, how: &Shuffle) {
    struct Shuffled<'a>(&'a mut Journey, &'a Shuffle);
    impl KindVisitor for Shuffled<'_> {
        type Output = ();
        fn visit<E: EntryList>(self) {
            shuffle(E::list_mut(self.0), self.1);
        }
    }
    visit_kind(kind, Shuffled(journey, how));
}

/// A new entry of `kind` with its required fields, inserted at `at`.
fn add(journey: &mut Journey, kind: Kind, at: usize) {
    let id = fresh_id(journey, kind);
    let any = |ids: Vec<Id>| ids.into_iter().next().unwrap_or_else(|| id.clone());
    let origin = Origin::NEW;
    let name = format!("Added {id}");
    match kind {
        Kind::Stage => {
            let stage = Stage {
                origin,
                id,
                name,
                phase: None,
            };
            journey.stages.insert(at.min(journey.stages.len()), stage);
        }
        Kind::Department => {
            let lead = None;
            let department = Department {
                origin,
                id,
                name,
                lead,
            };
            let at = at.min(journey.departments.len());
            journey.departments.insert(at, department);
        }
        Kind::Partner => {
            let role = None;
            let partner = Partner {
                origin,
                id,
                name,
                role,
            };
            journey
                .partners
                .insert(at.min(journey.partners.len()), partner);
        }
        Kind::Touchpoint => {
            let stage = any(ids(journey, Kind::Stage));
            let touchpoint = Touchpoint::new(id, stage, name);
            let at = at.min(journey.touchpoints.len());
            journey.touchpoints.insert(at, touchpoint);
        }
        Kind::Action => {
            let touchpoint = any(ids(journey, Kind::Touchpoint));
            let action = Action {
                origin,
                id,
                touchpoint,
                title: name,
                owner: None,
                status: ActionStatus::Open,
                due: None,
                target: None,
            };
            journey
                .actions
                .insert(at.min(journey.actions.len()), action);
        }
        Kind::MetricDef => {
            let at = at.min(journey.metrics.len());
            journey.metrics.insert(at, MetricDef::new(id, name));
        }
        Kind::Step => {
            let touchpoint = any(ids(journey, Kind::Touchpoint));
            let step = Step::new(id, touchpoint, Lane::Frontstage, name);
            journey.steps.insert(at.min(journey.steps.len()), step);
        }
    }
}

fn apply(journey: &mut Journey, edit: &Edit) -> bool {
    match edit {
        Edit::Assign(target, field, value) => assign(journey, target, field, value).is_ok(),
        Edit::Add(kind, at) => {
            add(journey, *kind, *at);
            true
        }
        Edit::Remove(kind, i) => {
            shuffle_kind(journey, *kind, &Shuffle::Remove(*i));
            true
        }
        Edit::Move(kind, from, to) => {
            shuffle_kind(journey, *kind, &Shuffle::Move(*from, *to));
            true
        }
    }
}

/// See [`super::save_edits`].
pub fn check(data: &[u8], dir: &Path) {
    let (text, edits) = super::split(data);
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    if parse_journey(text).journey.is_none() {
        return;
    }
    let path = dir.join("fuzz.toml");
    std::fs::write(&path, text).expect("writing the journey");
    let loaded = load(&path).expect("a journey that parses loads");
    let unedited = loaded.file.render(&loaded.journey);
    let unedited = unedited.expect("an unedited journey renders");
    assert_eq!(unedited, text, "saving without edits changed the text");

    let mut journey = loaded.journey.clone();
    let mut input = Input(edits.unwrap_or_default());
    let mut applied = Vec::new();
    while applied.len() < MAX_EDITS {
        let Some(edit) = input.edit(&journey) else {
            break;
        };
        if apply(&mut journey, &edit) {
            applied.push(edit);
        }
    }
    let saved = loaded.file.render(&journey);
    let saved = saved.unwrap_or_else(|e| panic!("{e}\nafter {applied:#?}\nof\n{text}"));
    let reread = parse_journey(&saved).journey;
    assert_eq!(
        reread.as_ref(),
        Some(&journey),
        "the saved text reads back as another journey after {applied:#?}:\n{saved}"
    );
}
