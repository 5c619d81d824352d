//! The diff as JSON, schema `corridor-diff/2`: every change with its old and
//! new value, gap trends, and department and journey figures on both sides.
//! Text is kept exactly, but control and bidi characters are written as
//! `\u` escapes so the output never carries a byte a terminal acts on.
//!
//! The document is serialised straight from the diff as it is written, so a
//! diff with 100,000 changes never holds them twice (as a JSON tree and as
//! text) in memory. Keys are declared in alphabetical order: the order
//! `serde_json`'s own maps write them in, which the schema's output has
//! always had.

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use crate::analysis::Figures;
use crate::analysis::diff::{EntryDiff, FieldChange, JourneyDiff, Totals, TouchpointDiff};
use crate::report::{EscapeInvisible, figures_map};

/// The `schema` value of the JSON diff.
pub const SCHEMA: &str = "corridor-diff/2";

/// A list serialised from an iterator as it is written.
struct Each<'a, T, J>(&'a [T], fn(&'a T) -> J);

impl<'a, T, J: Serialize> Serialize for Each<'a, T, J> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(self.1))
    }
}

#[derive(Serialize)]
struct FieldJson<'a> {
    field: &'a str,
    new: Option<&'a str>,
    old: Option<&'a str>,
}

fn field(f: &FieldChange) -> FieldJson<'_> {
    FieldJson {
        field: &f.field,
        new: f.new.as_deref(),
        old: f.old.as_deref(),
    }
}

fn fields(changes: &[FieldChange]) -> Each<'_, FieldChange, FieldJson<'_>> {
    Each(changes, field)
}

/// Group figures under the keys of the figure vocabulary (a sorted map, so
/// they come in the order every other object's keys do).
#[derive(Serialize)]
#[serde(transparent)]
struct FiguresJson(serde_json::Map<String, serde_json::Value>);

fn figures(f: &Figures) -> FiguresJson {
    FiguresJson(figures_map(f))
}

fn totals(t: &Totals) -> FiguresJson {
    let mut map = figures_map(&t.figures);
    map.insert("open_actions".into(), t.open_actions.into());
    FiguresJson(map)
}

#[derive(Serialize)]
struct Sides<T> {
    new: T,
    old: T,
}

#[derive(Serialize)]
struct MovedJson<'a> {
    new_position: usize,
    new_stage: &'a str,
    old_position: usize,
    old_stage: &'a str,
}

#[derive(Serialize)]
struct GapJson {
    /// How the expected score moved, when it did.
    expectation: Option<&'static str>,
    new: Option<i8>,
    new_class: &'static str,
    old: Option<i8>,
    old_class: &'static str,
    trend: &'static str,
}

#[derive(Serialize)]
struct TouchpointJson<'a> {
    fields: Each<'a, FieldChange, FieldJson<'a>>,
    gap: GapJson,
    id: Option<&'a str>,
    moved: Option<MovedJson<'a>>,
    name: Option<&'a str>,
    stage: Sides<Option<&'a str>>,
    status: &'static str,
}

fn touchpoint<'a>(t: &'a TouchpointDiff<'_>) -> TouchpointJson<'a> {
    let tp = t.touchpoint();
    TouchpointJson {
        fields: fields(&t.fields),
        gap: GapJson {
            expectation: t.gap.expectation().map(|e| e.name()),
            new: t.gap.new.map(|g| g.get()),
            new_class: t.gap.new_class().name(),
            old: t.gap.old.map(|g| g.get()),
            old_class: t.gap.old_class().name(),
            trend: t.gap.trend().name(),
        },
        id: tp.map(|t| t.id.as_str()),
        moved: t.moved.as_ref().map(|m| MovedJson {
            new_position: m.new_position,
            new_stage: m.new_stage.as_str(),
            old_position: m.old_position,
            old_stage: m.old_stage.as_str(),
        }),
        name: tp.map(|t| t.name.as_str()),
        stage: Sides {
            new: t.new.map(|t| t.stage.as_str()),
            old: t.old.map(|t| t.stage.as_str()),
        },
        status: t.status.name(),
    }
}

#[derive(Serialize)]
struct EntryJson<'a> {
    fields: Each<'a, FieldChange, FieldJson<'a>>,
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    status: &'static str,
}

fn entry(e: &EntryDiff) -> EntryJson<'_> {
    EntryJson {
        fields: fields(&e.fields),
        id: e.id.as_str(),
        kind: e.kind.noun(),
        name: &e.name,
        status: e.status.name(),
    }
}

#[derive(Serialize)]
struct DepartmentJson<'a> {
    after: Option<FiguresJson>,
    before: Option<FiguresJson>,
    changed: bool,
    id: Option<&'a str>,
    name: &'a str,
    open_actions: OpenActions,
}

#[derive(Serialize)]
struct OpenActions {
    after: Option<usize>,
    before: Option<usize>,
}

#[derive(Serialize)]
struct Counts {
    added: usize,
    changed: usize,
    expectation_lowered: usize,
    expectation_raised: usize,
    header_fields: usize,
    improved: usize,
    moved: usize,
    other_entries: usize,
    removed: usize,
    worsened: usize,
}

#[derive(Serialize)]
struct BeforeAfter<T> {
    after: T,
    before: T,
}

#[derive(Serialize)]
struct Document<'a> {
    changed: bool,
    counts: Counts,
    departments: Vec<DepartmentJson<'a>>,
    entries: Each<'a, EntryDiff, EntryJson<'a>>,
    header: Each<'a, FieldChange, FieldJson<'a>>,
    new: &'a str,
    old: &'a str,
    schema: &'static str,
    summary: String,
    totals: BeforeAfter<FiguresJson>,
    touchpoints: Each<'a, TouchpointDiff<'a>, TouchpointJson<'a>>,
}

fn document<'a>(d: &'a JourneyDiff<'a>, (old, new): (&'a str, &'a str)) -> Document<'a> {
    let s = d.summary();
    Document {
        changed: !d.is_empty(),
        counts: Counts {
            added: s.added,
            changed: s.changed,
            expectation_lowered: s.expectation_lowered,
            expectation_raised: s.expectation_raised,
            header_fields: s.header,
            improved: s.improved,
            moved: s.moved,
            other_entries: s.entries,
            removed: s.removed,
            worsened: s.worsened,
        },
        departments: d
            .departments
            .iter()
            .map(|o| DepartmentJson {
                after: o.new.as_ref().map(figures),
                before: o.old.as_ref().map(figures),
                changed: o.changed(),
                id: o.id.as_ref().map(|i| i.as_str()),
                name: &o.name,
                open_actions: OpenActions {
                    after: o.new_open_actions,
                    before: o.old_open_actions,
                },
            })
            .collect(),
        entries: Each(&d.entries, entry),
        header: fields(&d.header),
        new,
        old,
        schema: SCHEMA,
        summary: d.summary_line(),
        totals: BeforeAfter {
            after: totals(&d.after),
            before: totals(&d.before),
        },
        touchpoints: Each(&d.touchpoints, touchpoint),
    }
}

/// Writes the diff as pretty-printed JSON and a line break to `out`.
pub fn write(d: &JourneyDiff<'_>, names: (&str, &str), out: impl Write) -> io::Result<()> {
    let mut out = EscapeInvisible::new(out);
    serde_json::to_writer_pretty(&mut out, &document(d, names)).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diff::diff;
    use crate::store::parse_journey;

    #[test]
    fn keys_come_in_the_order_json_maps_keep_them() -> Result<(), serde_json::Error> {
        let old = "schema = 1\ntitle = \"T\"\n\
            [[stages]]\nid = \"s\"\nname = \"S\"\n\
            [[stages]]\nid = \"u\"\nname = \"U\"\n\
            [[departments]]\nid = \"d\"\nname = \"D\"\n\
            [[touchpoints]]\nid = \"a\"\nstage = \"s\"\nname = \"A\"\nowner = \"d\"\nexpected = 4\nactual = 2\n\
            [[touchpoints]]\nid = \"b\"\nstage = \"s\"\nname = \"B\"\nmetrics = { m = 1 }\n\
            [[actions]]\nid = \"x\"\ntouchpoint = \"a\"\ntitle = \"X\"\n";
        let new = "schema = 1\ntitle = \"T \u{202e}\"\n\
            [[stages]]\nid = \"s\"\nname = \"S\"\n\
            [[stages]]\nid = \"u\"\nname = \"U\"\n\
            [[departments]]\nid = \"e\"\nname = \"E\"\n\
            [[touchpoints]]\nid = \"b\"\nstage = \"u\"\nname = \"B\"\nmetrics = { m = 2 }\n\
            [[touchpoints]]\nid = \"c\"\nstage = \"s\"\nname = \"C\"\nowner = \"e\"\nexpected = 3\nactual = 3\n";
        let (old, new) = (parse_journey(old), parse_journey(new));
        let (Some(old), Some(new)) = (old.journey, new.journey) else {
            panic!("both parse");
        };
        let d = diff(&old, &new);
        let doc = document(&d, ("old.toml", "new.toml"));
        // A JSON value keeps its keys sorted: the same text means the
        // document declares every key in that order.
        let sorted = serde_json::to_string_pretty(&serde_json::to_value(&doc)?)?;
        assert_eq!(serde_json::to_string_pretty(&doc)?, sorted);
        let mut written = Vec::new();
        write(&d, ("old.toml", "new.toml"), &mut written).map_err(serde_json::Error::io)?;
        let text = String::from_utf8(written).expect("UTF-8");
        assert_eq!(text, format!("{}\n", sorted.replace('\u{202e}', "\\u202e")));
        for key in ["\"moved\"", "\"metrics.m\"", "\"removed\"", "\"added\""] {
            assert!(text.contains(key), "{key}");
        }
        Ok(())
    }
}
