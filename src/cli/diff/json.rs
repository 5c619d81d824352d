//! The diff as JSON, schema `corridor-diff/2`: every change with its old and
//! new value, gap trends, and department and journey figures on both sides.
//! Text is kept exactly, but control and bidi characters are written as
//! `\u` escapes so the output never carries a byte a terminal acts on.

use serde_json::{Value, json};

use crate::analysis::Figures;
use crate::analysis::diff::{EntryDiff, FieldChange, JourneyDiff, Totals, TouchpointDiff};
use crate::report::{escape_invisible, figures_map, figures_value};

/// The `schema` value of the JSON diff.
pub const SCHEMA: &str = "corridor-diff/2";

fn fields(changes: &[FieldChange]) -> Value {
    changes
        .iter()
        .map(|f| json!({ "field": f.field, "old": f.old, "new": f.new }))
        .collect()
}

fn figures(f: Option<&Figures>) -> Value {
    f.map_or(Value::Null, figures_value)
}

fn totals(t: &Totals) -> Value {
    let mut map = figures_map(&t.figures);
    map.insert("open_actions".into(), json!(t.open_actions));
    Value::Object(map)
}

fn touchpoint(t: &TouchpointDiff<'_>) -> Value {
    let tp = t.touchpoint();
    json!({
        "id": tp.map(|t| t.id.as_str()),
        "name": tp.map(|t| t.name.as_str()),
        "status": t.status.name(),
        "stage": { "old": t.old.map(|t| t.stage.as_str()), "new": t.new.map(|t| t.stage.as_str()) },
        "moved": t.moved.as_ref().map(|m| json!({
            "old_stage": m.old_stage.as_str(),
            "new_stage": m.new_stage.as_str(),
            "old_position": m.old_position,
            "new_position": m.new_position,
        })),
        "fields": fields(&t.fields),
        "gap": {
            "old": t.gap.old.map(|g| g.get()),
            "new": t.gap.new.map(|g| g.get()),
            "old_class": t.gap.old_class().name(),
            "new_class": t.gap.new_class().name(),
            "trend": t.gap.trend().name(),
            "expectation": t.gap.expectation().map(|e| e.name()),
        },
    })
}

fn entry(e: &EntryDiff) -> Value {
    json!({
        "kind": e.kind.noun(),
        "id": e.id.as_str(),
        "name": e.name,
        "status": e.status.name(),
        "fields": fields(&e.fields),
    })
}

pub fn render(d: &JourneyDiff<'_>, (old, new): (&str, &str)) -> Result<String, serde_json::Error> {
    let s = d.summary();
    let value = json!({
        "schema": SCHEMA,
        "old": old,
        "new": new,
        "changed": !d.is_empty(),
        "summary": d.summary_line(),
        "counts": {
            "added": s.added,
            "removed": s.removed,
            "changed": s.changed,
            "moved": s.moved,
            "improved": s.improved,
            "worsened": s.worsened,
            "expectation_lowered": s.expectation_lowered,
            "expectation_raised": s.expectation_raised,
            "other_entries": s.entries,
            "header_fields": s.header,
        },
        "header": fields(&d.header),
        "touchpoints": d.touchpoints.iter().map(touchpoint).collect::<Vec<_>>(),
        "entries": d.entries.iter().map(entry).collect::<Vec<_>>(),
        "departments": d.departments.iter().map(|o| json!({
            "id": o.id.as_ref().map(|i| i.as_str()),
            "name": o.name,
            "before": figures(o.old.as_ref()),
            "after": figures(o.new.as_ref()),
            "open_actions": { "before": o.old_open_actions, "after": o.new_open_actions },
            "changed": o.changed(),
        })).collect::<Vec<_>>(),
        "totals": { "before": totals(&d.before), "after": totals(&d.after) },
    });
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(escape_invisible(text))
}
