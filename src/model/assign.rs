//! Setting one field of a journey from text, as `corridor set` and forms do:
//! the value is parsed and checked against the field's type and range.

use super::{ActionStatus, Date, Emotion, Id, Journey, Kind, Metric, Phase, Score, Touchpoint};

/// What an assignment addresses: the journey header or one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Journey,
    Entry(Kind, Id),
}

/// Why an assignment was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssignError {
    #[error("no {0} with id `{1}`")]
    NoSuchEntry(&'static str, String),
    #[error("{0} has no field `{1}`")]
    NoSuchField(&'static str, String),
    #[error("`{0}` is required and cannot be empty")]
    Required(String),
    #[error("`{field}`: {why}")]
    BadValue { field: String, why: String },
}

fn bad(field: &str, why: impl Into<String>) -> AssignError {
    AssignError::BadValue {
        field: field.to_owned(),
        why: why.into(),
    }
}

fn optional(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn required(field: &str, value: &str) -> Result<String, AssignError> {
    optional(value).ok_or_else(|| AssignError::Required(field.to_owned()))
}

fn id(field: &str, value: &str) -> Result<Id, AssignError> {
    Id::new(value).map_err(|e| bad(field, format!("{value:?} is not a valid id: {e}")))
}

fn optional_id(field: &str, value: &str) -> Result<Option<Id>, AssignError> {
    optional(value).map(|v| id(field, &v)).transpose()
}

fn integer(field: &str, value: &str) -> Result<i64, AssignError> {
    value
        .trim_start_matches('+')
        .parse()
        .map_err(|_| bad(field, format!("{value:?} is not a whole number")))
}

fn score(field: &str, value: &str) -> Result<Option<Score>, AssignError> {
    if value.is_empty() {
        return Ok(None);
    }
    Score::new(integer(field, value)?)
        .map(Some)
        .map_err(|e| bad(field, e.to_string()))
}

/// Sets `field` of `target` to `value`. An empty value clears an optional
/// field. For touchpoints, `metrics.NAME` sets one metric and `evidence+`
/// appends one piece of evidence. Renaming an id renames every reference.
pub fn assign(
    journey: &mut Journey,
    target: &Target,
    field: &str,
    value: &str,
) -> Result<(), AssignError> {
    match target {
        Target::Journey => assign_header(journey, field, value),
        Target::Entry(kind, entry) => {
            if field == "id" {
                let new = id(field, value)?;
                return rename(journey, *kind, entry, new);
            }
            match kind {
                Kind::Stage => {
                    let stage = journey.stages.iter_mut().find(|s| &s.id == entry);
                    let stage = stage.ok_or_else(|| missing(*kind, entry))?;
                    match field {
                        "name" => stage.name = required(field, value)?,
                        "phase" => {
                            stage.phase =
                                match value {
                                    "" => None,
                                    v => Some(Phase::parse(v).ok_or_else(|| {
                                        bad(field, "must be buy, own or advocate")
                                    })?),
                                }
                        }
                        _ => return Err(AssignError::NoSuchField("stage", field.into())),
                    }
                }
                Kind::Department => {
                    let d = journey.departments.iter_mut().find(|d| &d.id == entry);
                    let d = d.ok_or_else(|| missing(*kind, entry))?;
                    match field {
                        "name" => d.name = required(field, value)?,
                        "lead" => d.lead = optional(value),
                        _ => return Err(AssignError::NoSuchField("department", field.into())),
                    }
                }
                Kind::Partner => {
                    let p = journey.partners.iter_mut().find(|p| &p.id == entry);
                    let p = p.ok_or_else(|| missing(*kind, entry))?;
                    match field {
                        "name" => p.name = required(field, value)?,
                        "role" => p.role = optional(value),
                        _ => return Err(AssignError::NoSuchField("partner", field.into())),
                    }
                }
                Kind::Touchpoint => {
                    let t = journey.touchpoint_mut(entry.as_str());
                    assign_touchpoint(t.ok_or_else(|| missing(*kind, entry))?, field, value)?;
                }
                Kind::Action => {
                    let a = journey.actions.iter_mut().find(|a| &a.id == entry);
                    let a = a.ok_or_else(|| missing(*kind, entry))?;
                    match field {
                        "touchpoint" => a.touchpoint = id(field, value)?,
                        "title" => a.title = required(field, value)?,
                        "owner" => a.owner = optional_id(field, value)?,
                        "status" => {
                            a.status = ActionStatus::parse(value)
                                .ok_or_else(|| bad(field, "must be open, doing or done"))?
                        }
                        "due" => {
                            a.due = match value {
                                "" => None,
                                v => Some(Date::parse(v).ok_or_else(|| {
                                    bad(field, format!("{v:?} is not a date like 2026-12-15"))
                                })?),
                            }
                        }
                        _ => return Err(AssignError::NoSuchField("action", field.into())),
                    }
                }
            }
            Ok(())
        }
    }
}

fn missing(kind: Kind, id: &Id) -> AssignError {
    AssignError::NoSuchEntry(kind.noun(), id.to_string())
}

fn assign_header(journey: &mut Journey, field: &str, value: &str) -> Result<(), AssignError> {
    match field {
        "title" => journey.title = required(field, value)?,
        "persona" => journey.persona = optional(value),
        "promise" => journey.promise = optional(value),
        "description" => journey.description = optional(value),
        _ => return Err(AssignError::NoSuchField("journey", field.into())),
    }
    Ok(())
}

fn assign_touchpoint(t: &mut Touchpoint, field: &str, value: &str) -> Result<(), AssignError> {
    if let Some(name) = field.strip_prefix("metrics.") {
        if name.is_empty() {
            return Err(bad(field, "name the metric: metrics.NAME"));
        }
        let position = t.metrics.iter().position(|m| m.name == name);
        if value.is_empty() {
            if let Some(p) = position {
                t.metrics.remove(p);
            }
            return Ok(());
        }
        let number: f64 = value
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| bad(field, format!("{value:?} is not a number")))?;
        match position {
            Some(p) => t.metrics[p].value = number,
            None => t.metrics.push(Metric {
                name: name.to_owned(),
                value: number,
            }),
        }
        return Ok(());
    }
    match field {
        "stage" => t.stage = id(field, value)?,
        "name" => t.name = required(field, value)?,
        "channel" => t.channel = optional(value),
        "owner" => t.owner = optional_id(field, value)?,
        "partner" => t.partner = optional_id(field, value)?,
        "moment_of_truth" => {
            t.moment_of_truth = match value {
                "true" | "yes" => true,
                "false" | "no" | "" => false,
                _ => return Err(bad(field, "must be true or false")),
            }
        }
        "expectation" => t.expectation = optional(value),
        "expected" => t.expected = score(field, value)?,
        "experience" => t.experience = optional(value),
        "actual" => t.actual = score(field, value)?,
        "emotion" => {
            t.emotion = match value {
                "" => None,
                v => Some(Emotion::new(integer(field, v)?).map_err(|e| bad(field, e.to_string()))?),
            }
        }
        "evidence" => t.evidence = optional(value).into_iter().collect(),
        "evidence+" => t.evidence.push(required(field, value)?),
        "notes" => t.notes = optional(value),
        _ => return Err(AssignError::NoSuchField("touchpoint", field.into())),
    }
    Ok(())
}

/// Renames an entry and every reference to it.
pub fn rename(journey: &mut Journey, kind: Kind, old: &Id, new: Id) -> Result<(), AssignError> {
    let exists = |j: &Journey, id: &Id| match kind {
        Kind::Stage => j.stages.iter().any(|e| &e.id == id),
        Kind::Department => j.departments.iter().any(|e| &e.id == id),
        Kind::Partner => j.partners.iter().any(|e| &e.id == id),
        Kind::Touchpoint => j.touchpoints.iter().any(|e| &e.id == id),
        Kind::Action => j.actions.iter().any(|e| &e.id == id),
    };
    if !exists(journey, old) {
        return Err(missing(kind, old));
    }
    if old == &new {
        return Ok(());
    }
    if exists(journey, &new) {
        return Err(bad(
            "id",
            format!("another {} already has id `{new}`", kind.noun()),
        ));
    }
    let swap = |slot: &mut Id| {
        if slot == old {
            *slot = new.clone();
        }
    };
    let swap_opt = |slot: &mut Option<Id>| {
        if slot.as_ref() == Some(old) {
            *slot = Some(new.clone());
        }
    };
    match kind {
        Kind::Stage => {
            journey.stages.iter_mut().for_each(|e| swap(&mut e.id));
            journey
                .touchpoints
                .iter_mut()
                .for_each(|t| swap(&mut t.stage));
        }
        Kind::Department => {
            journey.departments.iter_mut().for_each(|e| swap(&mut e.id));
            journey
                .touchpoints
                .iter_mut()
                .for_each(|t| swap_opt(&mut t.owner));
            journey
                .actions
                .iter_mut()
                .for_each(|a| swap_opt(&mut a.owner));
        }
        Kind::Partner => {
            journey.partners.iter_mut().for_each(|e| swap(&mut e.id));
            journey
                .touchpoints
                .iter_mut()
                .for_each(|t| swap_opt(&mut t.partner));
        }
        Kind::Touchpoint => {
            journey.touchpoints.iter_mut().for_each(|e| swap(&mut e.id));
            journey
                .actions
                .iter_mut()
                .for_each(|a| swap(&mut a.touchpoint));
        }
        Kind::Action => journey.actions.iter_mut().for_each(|e| swap(&mut e.id)),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journey() -> Result<Journey, AssignError> {
        let mut j = Journey {
            schema: 1,
            title: "T".into(),
            ..Journey::default()
        };
        j.touchpoints
            .push(Touchpoint::new(id("id", "tp")?, id("id", "s")?, "TP"));
        Ok(j)
    }

    #[test]
    fn scores_are_checked() -> Result<(), AssignError> {
        let mut j = journey()?;
        let tp = Target::Entry(Kind::Touchpoint, id("id", "tp")?);
        assign(&mut j, &tp, "actual", "3")?;
        assert_eq!(j.touchpoints[0].actual.map(Score::get), Some(3));
        assert!(assign(&mut j, &tp, "actual", "6").is_err());
        assert!(assign(&mut j, &tp, "actual", "x").is_err());
        assign(&mut j, &tp, "actual", "")?;
        assert_eq!(j.touchpoints[0].actual, None);
        assign(&mut j, &tp, "metrics.csat", "3.5")?;
        assert_eq!(j.touchpoints[0].metrics[0].value, 3.5);
        assert!(assign(&mut j, &tp, "colour", "red").is_err());
        Ok(())
    }

    #[test]
    fn renaming_follows_references() -> Result<(), AssignError> {
        let mut j = journey()?;
        let s = Target::Entry(Kind::Stage, id("id", "s")?);
        j.stages.push(super::super::Stage {
            origin: super::super::Origin::NEW,
            id: id("id", "s")?,
            name: "S".into(),
            phase: None,
        });
        assign(&mut j, &s, "id", "renamed")?;
        assert_eq!(j.touchpoints[0].stage.as_str(), "renamed");
        Ok(())
    }
}
