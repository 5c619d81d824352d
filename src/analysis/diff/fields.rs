//! The fields of each kind of entry as comparable text, and the changes
//! between two versions of one entry, field by field.

use std::collections::{HashMap, HashSet};

use crate::model::{Entry, Field, FieldType, HEADER, Journey, PERSONA, Touchpoint, header_fields};

/// One field that differs; `None` means absent on that side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

type Values = Vec<(&'static str, Option<String>)>;

/// An entry's fields as text, in file order, from the one field table;
/// lists and metrics (compared item by item) and `skip` left out.
fn values<E: Entry>(entry: &E, skip: &[Field]) -> Values {
    E::KIND
        .fields()
        .iter()
        .filter(|s| !matches!(s.ty, FieldType::TextList | FieldType::Metrics))
        .filter(|s| !skip.contains(&s.field))
        .map(|s| (s.field.key(), s.text(entry.get(s.field).as_ref())))
        .collect()
}

/// Fields in both lists that differ, in list order.
fn compare(old: Values, new: Values) -> Vec<FieldChange> {
    old.into_iter()
        .zip(new)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, old), (_, new))| FieldChange {
            field: field.to_owned(),
            old,
            new,
        })
        .collect()
}

fn header(j: &Journey) -> Values {
    header_fields(j)
        .into_iter()
        .zip(HEADER)
        .map(|((field, value), spec)| (field.key(), spec.text(value.as_ref())))
        .collect()
}

pub fn header_changes(old: &Journey, new: &Journey) -> Vec<FieldChange> {
    let mut changes = compare(header(old), header(new));
    changes.extend(persona_changes(old, new));
    changes
}

/// The keys of a `[persona]` card as `persona.KEY` (lists joined with
/// ` | `); nothing for a one-line persona, which is a header key.
fn persona_values(j: &Journey) -> Vec<(&'static str, Option<String>)> {
    let card = j.persona.as_ref().and_then(|p| p.card());
    PERSONA
        .iter()
        .map(|spec| {
            let key = crate::model::persona_key(spec.field.key()).unwrap_or("persona");
            let value = card.and_then(|c| spec.text(c.get(spec.field).as_ref()));
            (key, value)
        })
        .collect()
}

fn persona_changes(old: &Journey, new: &Journey) -> Vec<FieldChange> {
    compare(persona_values(old), persona_values(new))
}

/// The fields of a stage, department, partner or action that differ.
pub fn entry_changes<E: Entry>(old: &E, new: &E) -> Vec<FieldChange> {
    compare(values(old, &[]), values(new, &[]))
}

/// Touchpoint fields except `stage`, which a move reports.
fn touchpoint_values(t: &Touchpoint) -> Values {
    values(t, &[Field::Stage])
}

/// The first value of each metric name, as a search from the front finds it.
fn metric_values(t: &Touchpoint) -> HashMap<&str, f64> {
    let mut values = HashMap::with_capacity(t.metrics.len());
    for m in &t.metrics {
        values.entry(m.name.as_str()).or_insert(m.value);
    }
    values
}

/// Field changes of a touchpoint; evidence item by item (`evidence` with
/// only an old or only a new side), metrics one by one (`metrics.NAME`).
pub fn touchpoint_changes(old: &Touchpoint, new: &Touchpoint) -> Vec<FieldChange> {
    let mut changes = compare(touchpoint_values(old), touchpoint_values(new));
    let (old_evidence, new_evidence): (HashSet<&String>, HashSet<&String>) =
        (old.evidence.iter().collect(), new.evidence.iter().collect());
    let removed = old.evidence.iter().filter(|e| !new_evidence.contains(e));
    let added = new.evidence.iter().filter(|e| !old_evidence.contains(e));
    let evidence = |old: Option<&String>, new: Option<&String>| FieldChange {
        field: "evidence".into(),
        old: old.cloned(),
        new: new.cloned(),
    };
    changes.extend(removed.map(|e| evidence(Some(e), None)));
    changes.extend(added.map(|e| evidence(None, Some(e))));
    let mut names: Vec<&str> = old.metrics.iter().map(|m| m.name.as_str()).collect();
    let mut seen: HashSet<&str> = names.iter().copied().collect();
    for m in &new.metrics {
        if seen.insert(&m.name) {
            names.push(&m.name);
        }
    }
    let (old_values, new_values) = (metric_values(old), metric_values(new));
    for name in names {
        let a = old_values.get(name).map(f64::to_string);
        let b = new_values.get(name).map(f64::to_string);
        if a != b {
            changes.push(FieldChange {
                field: format!("metrics.{name}"),
                old: a,
                new: b,
            });
        }
    }
    changes
}
