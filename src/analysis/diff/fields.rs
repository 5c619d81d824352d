//! The fields of each kind of entry as comparable text, and the changes
//! between two versions of one entry, field by field.

use std::collections::{HashMap, HashSet};

use crate::model::{Action, Department, Journey, Partner, Stage, Touchpoint};

/// One field that differs; `None` means absent on that side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

type Values = Vec<(&'static str, Option<String>)>;

fn text(value: &Option<String>) -> Option<String> {
    value.clone()
}

fn shown<T: ToString>(value: Option<T>) -> Option<String> {
    value.map(|v| v.to_string())
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
    vec![
        ("schema", Some(j.schema.to_string())),
        ("title", Some(j.title.clone())),
        ("persona", text(&j.persona)),
        ("promise", text(&j.promise)),
        ("description", text(&j.description)),
    ]
}

pub fn header_changes(old: &Journey, new: &Journey) -> Vec<FieldChange> {
    compare(header(old), header(new))
}

pub fn stage_changes(old: &Stage, new: &Stage) -> Vec<FieldChange> {
    let values = |s: &Stage| -> Values {
        vec![
            ("id", Some(s.id.to_string())),
            ("name", Some(s.name.clone())),
            ("phase", s.phase.map(|p| p.name().to_owned())),
        ]
    };
    compare(values(old), values(new))
}

pub fn department_changes(old: &Department, new: &Department) -> Vec<FieldChange> {
    let values = |d: &Department| -> Values {
        vec![
            ("id", Some(d.id.to_string())),
            ("name", Some(d.name.clone())),
            ("lead", text(&d.lead)),
        ]
    };
    compare(values(old), values(new))
}

pub fn partner_changes(old: &Partner, new: &Partner) -> Vec<FieldChange> {
    let values = |p: &Partner| -> Values {
        vec![
            ("id", Some(p.id.to_string())),
            ("name", Some(p.name.clone())),
            ("role", text(&p.role)),
        ]
    };
    compare(values(old), values(new))
}

pub fn action_changes(old: &Action, new: &Action) -> Vec<FieldChange> {
    let values = |a: &Action| -> Values {
        vec![
            ("id", Some(a.id.to_string())),
            ("touchpoint", Some(a.touchpoint.to_string())),
            ("title", Some(a.title.clone())),
            ("owner", shown(a.owner.as_ref())),
            ("status", Some(a.status.name().to_owned())),
            ("due", shown(a.due)),
        ]
    };
    compare(values(old), values(new))
}

/// Touchpoint fields except `stage`, which a move reports.
fn touchpoint_values(t: &Touchpoint) -> Values {
    vec![
        ("id", Some(t.id.to_string())),
        ("name", Some(t.name.clone())),
        ("channel", text(&t.channel)),
        ("owner", shown(t.owner.as_ref())),
        ("partner", shown(t.partner.as_ref())),
        ("moment_of_truth", Some(t.moment_of_truth.to_string())),
        ("expectation", text(&t.expectation)),
        ("expected", shown(t.expected)),
        ("experience", text(&t.experience)),
        ("actual", shown(t.actual)),
        ("emotion", shown(t.emotion)),
        ("notes", text(&t.notes)),
    ]
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
