//! What the forms show: the fields of a touchpoint or of any other entry
//! as text, the entries `E` lists, and type-ahead matches. Pure functions
//! of the journey, read by `update` (to edit) and `ui` (to draw).

use crate::model::{Journey, Kind, Target, Touchpoint};
use crate::store::{Entry, FieldValue, header_fields};

/// Everything `E` can edit, with a label: the header first, then entries.
pub fn targets(journey: &Journey) -> Vec<(Target, String)> {
    let mut out = vec![(Target::Journey, format!("journey  {}", journey.title))];
    let entry = |kind: Kind, id: &crate::model::Id, name: &str| {
        (
            Target::Entry(kind, id.clone()),
            format!("{:<11}{id}  {name}", kind.noun()),
        )
    };
    out.extend(
        journey
            .stages
            .iter()
            .map(|e| entry(Kind::Stage, &e.id, &e.name)),
    );
    out.extend(
        journey
            .departments
            .iter()
            .map(|e| entry(Kind::Department, &e.id, &e.name)),
    );
    out.extend(
        journey
            .partners
            .iter()
            .map(|e| entry(Kind::Partner, &e.id, &e.name)),
    );
    out.extend(
        journey
            .actions
            .iter()
            .map(|e| entry(Kind::Action, &e.id, &e.title)),
    );
    out
}

/// A field value as forms show it (lists joined with ` | `).
pub fn text(value: Option<FieldValue>) -> String {
    match value {
        None => String::new(),
        Some(FieldValue::Text(s)) => s,
        Some(FieldValue::Integer(i)) => i.to_string(),
        Some(FieldValue::Bool(b)) => b.to_string(),
        Some(FieldValue::Date(d)) => d.to_string(),
        Some(FieldValue::TextList(list)) => list.join(" | "),
        Some(FieldValue::Metrics(m)) => m
            .iter()
            .map(|m| format!("{}={}", m.name, m.value))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The fields of a target with their values as text (the header without
/// `schema`, which is not the user's to change).
pub fn entry_fields(journey: &Journey, target: &Target) -> Vec<(&'static str, String)> {
    let list = match target {
        Target::Journey => header_fields(journey)
            .into_iter()
            .filter(|(k, _)| *k != crate::model::Field::Schema)
            .collect(),
        Target::Entry(kind, id) => match kind {
            Kind::Stage => journey.stage(id).map(Entry::fields),
            Kind::Department => journey.department(id).map(Entry::fields),
            Kind::Partner => journey.partner(id).map(Entry::fields),
            Kind::Action => journey
                .actions
                .iter()
                .find(|a| &a.id == id)
                .map(Entry::fields),
            Kind::Touchpoint => journey.touchpoint(id.as_str()).map(Entry::fields),
        }
        .unwrap_or_default(),
    };
    list.into_iter().map(|(k, v)| (k.key(), text(v))).collect()
}

/// The form's fields: a touchpoint's fields in file order, but `metrics`
/// (numbers measured elsewhere, set with `corridor import metrics`).
pub fn touchpoint_fields(t: &Touchpoint) -> Vec<(&'static str, String)> {
    t.fields()
        .into_iter()
        .filter(|(key, _)| *key != crate::model::Field::Metrics)
        .map(|(key, value)| (key.key(), text(value)))
        .collect()
}

/// One field's value as the form shows and edits it.
pub fn value_text(t: &Touchpoint, field: &str) -> String {
    touchpoint_fields(t)
        .into_iter()
        .find(|(key, _)| *key == field)
        .map(|(_, value)| value)
        .unwrap_or_default()
}

/// The journey's choices for a reference field (id and name) that match
/// what was typed: by id or name, ignoring case. Channels are the ones the
/// journey already uses.
pub fn matches(journey: &Journey, field: &str, typed: &str) -> Vec<(String, String)> {
    let all: Vec<(String, String)> = match field {
        "stage" => journey
            .stages
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
        "owner" => journey
            .departments
            .iter()
            .map(|d| (d.id.to_string(), d.name.clone()))
            .collect(),
        "partner" => journey
            .partners
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect(),
        "channel" => {
            let mut seen: Vec<(String, String)> = Vec::new();
            for c in journey.touchpoints.iter().filter_map(|t| t.channel.clone()) {
                if !seen.iter().any(|(s, _)| *s == c) {
                    seen.push((c.clone(), c));
                }
            }
            seen
        }
        _ => return Vec::new(),
    };
    let typed = typed.trim().to_lowercase();
    all.into_iter()
        .filter(|(id, name)| {
            typed.is_empty()
                || id.to_lowercase().contains(&typed)
                || name.to_lowercase().contains(&typed)
        })
        .collect()
}
