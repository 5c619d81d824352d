//! `corridor set FILE ID.FIELD=VALUE...`: scripted edits through the same
//! save path as the workbench. All assignments land, or none. A `KIND:ID`
//! that does not exist yet is created from the assignments naming it.

use std::path::PathBuf;

use clap::Args;

use super::{FINDINGS, OK, USAGE, output};
use crate::analysis::new_errors;
use crate::analysis::text_checks::{MULTILINE_FIELDS, describe, hidden_characters};
use crate::model::{Id, Journey, Kind, Target, assign, create, exists};

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The journey file to edit
    file: PathBuf,
    /// Assignments: ID.FIELD=VALUE (an empty VALUE clears an optional field),
    /// journey.FIELD=VALUE, KIND:ID.FIELD=VALUE (stage:discover.name=...;
    /// a new ID creates the entry, its required fields given alongside),
    /// ID.metrics.NAME=NUMBER, ID.evidence+=TEXT
    #[arg(required = true, value_name = "ID.FIELD=VALUE")]
    assignments: Vec<String>,
    /// Store control, bidi and invisible characters in values (line breaks
    /// and tabs are always allowed in expectation, experience, notes and
    /// description)
    #[arg(long)]
    allow_control: bool,
}

/// Finds what `target` names: `journey`, `kind:id`, or an id that is a
/// touchpoint or the id of exactly one other entry.
fn resolve(journey: &Journey, target: &str) -> Result<Target, String> {
    if target == "journey" {
        return Ok(Target::Journey);
    }
    if let Some((kind, id)) = target.split_once(':') {
        let kind = Kind::parse(kind).ok_or_else(|| {
            format!(
                "unknown kind `{kind}`: use stage, department, partner, metric, touchpoint, action or step"
            )
        })?;
        let id = entry_id(kind, id).map_err(|e| format!("`{id}` is not an id: {e}"))?;
        return Ok(Target::Entry(kind, id));
    }
    let id = Id::new(target).map_err(|e| format!("`{target}` is not an id: {e}"))?;
    if journey.touchpoint(id.as_str()).is_some() {
        return Ok(Target::Entry(Kind::Touchpoint, id));
    }
    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| *k != Kind::Touchpoint && crate::model::exists(journey, *k, &id))
        .collect();
    match kinds.as_slice() {
        [kind] => Ok(Target::Entry(*kind, id)),
        [] => Err(format!(
            "no touchpoint, stage, department, partner, action or step has id `{id}` (to create one, write KIND:{id}.FIELD=VALUE)"
        )),
        _ => Err(format!(
            "`{id}` names more than one entry: write {}",
            kinds
                .iter()
                .map(|k| format!("{}:{id}", k.noun()))
                .collect::<Vec<_>>()
                .join(" or ")
        )),
    }
}

/// `TARGET.FIELD=VALUE` split at the first `=` and the first `.`.
fn split(assignment: &str) -> Result<(&str, &str, &str), String> {
    let (lhs, value) = assignment
        .split_once('=')
        .ok_or("expected ID.FIELD=VALUE")?;
    let (target, field) = lhs.split_once('.').ok_or("expected ID.FIELD=VALUE")?;
    Ok((target, field, value))
}

fn apply_one(journey: &mut Journey, assignment: &str) -> Result<(), String> {
    let (target, field, value) = split(assignment)?;
    let target = resolve(journey, target)?;
    assign(journey, &target, field, value).map_err(|e| e.to_string())
}

/// Refuses control, bidi and invisible characters in a value (line breaks
/// and tabs are fine in multi-line fields) or in a metric's name.
fn visible(assignment: &str) -> Result<(), String> {
    let (_, field, value) = split(assignment)?;
    let multiline = MULTILINE_FIELDS.contains(&field.trim_start_matches("persona."));
    let mut hidden = hidden_characters(value, multiline);
    if let Some(metric) = field.strip_prefix("metrics.") {
        hidden.extend(hidden_characters(metric, false));
    }
    if hidden.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the value holds control or invisible characters ({}); \
             refused unless --allow-control is given",
            describe(&hidden)
        ))
    }
}

/// The kind and id of a `KIND:ID` target.
fn explicit(target: &str) -> Option<(Kind, Id)> {
    let (kind, id) = target.split_once(':')?;
    let kind = Kind::parse(kind)?;
    Some((kind, entry_id(kind, id).ok()?))
}

/// An id of `kind`: a metric's may hold `_`, as touchpoint metric names do.
fn entry_id(kind: Kind, id: &str) -> Result<Id, crate::model::IdError> {
    if kind == Kind::MetricDef {
        Id::metric(id)
    } else {
        Id::new(id)
    }
}

/// A new entry's kind and id, and the (field, value) pairs naming it.
type NewEntry<'a> = (Kind, Id, Vec<(&'a str, &'a str)>);

/// Creates every `KIND:ID` the assignments name that does not exist yet,
/// from all the assignments naming it (which `create` applies); returns
/// each with why it could not be created, if it could not.
fn create_new(journey: &mut Journey, assignments: &[String]) -> Vec<(Kind, Id, Option<String>)> {
    let mut new: Vec<NewEntry> = Vec::new();
    for (target, field, value) in assignments.iter().filter_map(|a| split(a).ok()) {
        let Some((kind, id)) = explicit(target).filter(|(k, i)| !exists(journey, *k, i)) else {
            continue;
        };
        match new.iter_mut().find(|(k, i, _)| *k == kind && *i == id) {
            Some((_, _, given)) => given.push((field, value)),
            None => new.push((kind, id, vec![(field, value)])),
        }
    }
    new.into_iter()
        .map(|(kind, id, given)| {
            let why = create(journey, kind, &id, &given, usize::MAX).err();
            (kind, id, why.map(|e| e.to_string()))
        })
        .collect()
}

pub fn run(args: &SetArgs) -> u8 {
    let name = args.file.display().to_string();
    let (_lock, loaded) = match super::journeys::open_for_edit(&args.file, FINDINGS, "editing") {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    // Only the file handle and the journey are needed from here on.
    let (mut file, mut journey) = (loaded.file, loaded.journey);
    let created = create_new(&mut journey, &args.assignments);
    let mut refused = 0;
    for why in created.iter().filter_map(|(_, _, why)| why.as_ref()) {
        output::error(why);
        refused += 1;
    }
    for assignment in &args.assignments {
        // Assignments to a new entry were applied when it was created.
        let target = split(assignment).ok().and_then(|(t, _, _)| explicit(t));
        let new =
            target.is_some_and(|(k, i)| created.iter().any(|(ck, ci, _)| *ck == k && *ci == i));
        // Checked once the assignment is known to be well-formed, so a bad
        // number is still called a bad number.
        let mut result = match new {
            true => Ok(()),
            false => apply_one(&mut journey, assignment),
        };
        if result.is_ok() && !args.allow_control {
            result = visible(assignment);
        }
        if let Err(why) = result {
            output::error(&format!("{assignment}: {why}"));
            refused += 1;
        }
    }
    if refused > 0 {
        output::error(&format!("{name}: nothing written"));
        return USAGE;
    }
    let introduced = new_errors(file.baseline(), &journey);
    if !introduced.is_empty() {
        for e in &introduced {
            output::error(&format!("{name}: {e}"));
        }
        output::error(&format!("{name}: nothing written"));
        return FINDINGS;
    }
    if journey == *file.baseline() {
        let said = output::line(&format!("{}: no change", crate::text::inert(&name)));
        return output::finish(said, OK);
    }
    match file.save(&journey) {
        Ok(_) => output::finish(
            output::line(&format!(
                "{}: {} set",
                crate::text::inert(&name),
                args.assignments.len()
            )),
            OK,
        ),
        Err(e) => {
            output::error(&e.to_string());
            USAGE
        }
    }
}
