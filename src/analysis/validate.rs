//! Checks over a well-formed journey: duplicate ids, references to unknown
//! entries, and the warnings a workshop should look at.

use std::collections::{HashMap, HashSet};

use super::work::{overdue_actions, unaddressed_gaps};
use crate::model::{Date, GapClass, Id, Journey, Kind};
use crate::model::{Finding, Locus};

/// Every semantic finding of a journey whose structure parsed, in entry
/// order, but those that depend on the date (see `validate_on`).
pub fn validate(journey: &Journey) -> Vec<Finding> {
    let mut findings = Vec::new();
    duplicates(journey, &mut findings);
    references(journey, &mut findings);
    super::blueprint::step_findings(journey, &mut findings);
    workshop_warnings(journey, &mut findings);
    findings.extend(super::text_checks::hidden_character_warnings(journey));
    findings.extend(super::metrics::findings(journey));
    findings
}

/// `validate`, and the actions overdue on `today`.
pub fn validate_on(journey: &Journey, today: Date) -> Vec<Finding> {
    let mut findings = validate(journey);
    for (index, days) in overdue_actions(journey, today) {
        let action = &journey.actions[index];
        findings.push(Finding::warning(
            Finding::at(Kind::Action, index, "due"),
            format!(
                "action `{}` for touchpoint `{}` is overdue: due {}, {} ago, still {}",
                action.id,
                action.touchpoint,
                action.due.map(|d| d.to_string()).unwrap_or_default(),
                crate::text::plural(usize::try_from(days).unwrap_or(usize::MAX), "day"),
                action.status.name()
            ),
        ));
    }
    findings
}

/// The error messages `after` has that `before` did not: what an edit
/// would break.
pub fn new_errors(before: &Journey, after: &Journey) -> Vec<String> {
    let errors = |j: &Journey| -> Vec<String> {
        validate(j)
            .into_iter()
            .filter(|f| f.severity == crate::model::Severity::Error)
            .map(|f| f.message)
            .collect()
    };
    let known = errors(before);
    errors(after)
        .into_iter()
        .filter(|e| !known.contains(e))
        .collect()
}

fn duplicates(journey: &Journey, findings: &mut Vec<Finding>) {
    let lists = Kind::ALL.map(|kind| (kind, crate::model::ids(journey, kind).collect::<Vec<_>>()));
    for (kind, ids) in lists {
        let mut first: HashMap<&Id, usize> = HashMap::new();
        for (index, id) in ids.into_iter().enumerate() {
            if let Some(&earlier) = first.get(id) {
                findings.push(Finding::error(
                    Finding::at(kind, index, "id"),
                    format!(
                        "duplicate {} id `{id}` (first used by {} {} of the file)",
                        kind.noun(),
                        kind.noun(),
                        earlier + 1
                    ),
                ));
            } else {
                first.insert(id, index);
            }
        }
    }
}

fn unknown(kind: Kind, index: usize, field: &'static str, target: Kind, id: &Id) -> Finding {
    Finding::error(
        Finding::at(kind, index, field),
        format!("{field} refers to unknown {} `{id}`", target.noun()),
    )
}

fn references(journey: &Journey, findings: &mut Vec<Finding>) {
    let touchpoints: HashSet<&Id> = journey.touchpoints.iter().map(|t| &t.id).collect();
    for (i, t) in journey.touchpoints.iter().enumerate() {
        if journey.stage(&t.stage).is_none() {
            findings.push(unknown(Kind::Touchpoint, i, "stage", Kind::Stage, &t.stage));
        }
        if let Some(owner) = t.owner.as_ref().filter(|o| journey.department(o).is_none()) {
            findings.push(unknown(
                Kind::Touchpoint,
                i,
                "owner",
                Kind::Department,
                owner,
            ));
        }
        if let Some(partner) = t.partner.as_ref().filter(|p| journey.partner(p).is_none()) {
            findings.push(unknown(
                Kind::Touchpoint,
                i,
                "partner",
                Kind::Partner,
                partner,
            ));
        }
    }
    for (i, a) in journey.actions.iter().enumerate() {
        if !touchpoints.contains(&a.touchpoint) {
            findings.push(unknown(
                Kind::Action,
                i,
                "touchpoint",
                Kind::Touchpoint,
                &a.touchpoint,
            ));
        }
        if let Some(owner) = a.owner.as_ref().filter(|o| journey.department(o).is_none()) {
            findings.push(unknown(Kind::Action, i, "owner", Kind::Department, owner));
        }
    }
}

fn workshop_warnings(journey: &Journey, findings: &mut Vec<Finding>) {
    let with_action: HashSet<&Id> = journey.actions.iter().map(|a| &a.touchpoint).collect();
    let done_only: HashSet<&Id> = unaddressed_gaps(journey)
        .into_iter()
        .filter(|u| u.needs_remeasure())
        .map(|u| &u.gap.touchpoint.id)
        .collect();
    let used_stages: HashSet<&Id> = journey.touchpoints.iter().map(|t| &t.stage).collect();
    let owners: HashSet<&Id> = journey
        .touchpoints
        .iter()
        .filter_map(|t| t.owner.as_ref())
        .chain(journey.steps.iter().filter_map(|s| s.owner.as_ref()))
        .collect();
    let entry = |kind, index| Locus::Entry {
        kind,
        index,
        field: None,
    };
    for (i, s) in journey.stages.iter().enumerate() {
        if !used_stages.contains(&s.id) {
            findings.push(Finding::warning(
                entry(Kind::Stage, i),
                format!("stage `{}` has no touchpoints", s.id),
            ));
        }
    }
    for (i, d) in journey.departments.iter().enumerate() {
        if !owners.contains(&d.id) {
            findings.push(Finding::warning(
                entry(Kind::Department, i),
                format!("department `{}` owns no touchpoint", d.id),
            ));
        }
    }
    for (i, t) in journey.touchpoints.iter().enumerate() {
        if t.owner.is_none() {
            findings.push(Finding::warning(
                entry(Kind::Touchpoint, i),
                format!("touchpoint `{}` has no owner", t.id),
            ));
        }
        match t.gap_class() {
            GapClass::Unscored => {
                let missing = match (t.expected, t.actual) {
                    (None, None) => "expected and actual",
                    (None, Some(_)) => "expected",
                    _ => "actual",
                };
                findings.push(Finding::warning(
                    entry(Kind::Touchpoint, i),
                    format!("touchpoint `{}` is unscored (no {missing})", t.id),
                ));
            }
            GapClass::Critical if done_only.contains(&t.id) => {
                findings.push(Finding::warning(
                    Finding::at(Kind::Touchpoint, i, "actual"),
                    format!(
                        "critical gap at `{}` ({}) is still recorded but every action on it is done: measure it again or reopen an action",
                        t.id,
                        t.gap().map(|g| g.to_string()).unwrap_or_default()
                    ),
                ));
            }
            GapClass::Critical if !with_action.contains(&t.id) => {
                findings.push(Finding::warning(
                    Finding::at(Kind::Touchpoint, i, "actual"),
                    format!(
                        "critical gap at `{}` ({}) has no action",
                        t.id,
                        t.gap().map(|g| g.to_string()).unwrap_or_default()
                    ),
                ));
            }
            _ => {}
        }
    }
}
