//! Setting one field of a journey from text, as `corridor set` and forms do:
//! the value is parsed by the field's type (from `model::field`) and checked
//! against its range.

use super::field::{FieldSpec, FieldType, FieldValue, HEADER, header_field};
use super::{
    ActionStatus, ActionTarget, Better, Date, Emotion, Field, Id, Journey, Kind, Metric, MetricDef,
    MetricKind, Phase, Scale, Score, Touchpoint,
};

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
    #[error("a {0} with id `{1}` already exists")]
    Exists(&'static str, String),
    #[error("`{target}` is new: give it {fields} in the same call ({target}.{first}=...)", first = fields.split(", ").next().unwrap_or_default())]
    Missing { target: String, fields: String },
    #[error("`{field}`: {why}")]
    BadValue { field: String, why: String },
}

pub(super) fn bad(field: &str, why: impl Into<String>) -> AssignError {
    AssignError::BadValue {
        field: field.to_owned(),
        why: why.into(),
    }
}

fn integer(field: &str, value: &str) -> Result<i64, AssignError> {
    value
        .trim_start_matches('+')
        .parse()
        .map_err(|_| bad(field, format!("{value:?} is not a whole number")))
}

/// Parses `value` as the field's type; `None` clears an optional field.
/// A required field takes no blank value (only spaces or line breaks), as
/// a file holding one does not read back.
pub fn parse_value(spec: FieldSpec, value: &str) -> Result<Option<FieldValue>, AssignError> {
    let key = spec.field.key();
    if spec.required && spec.ty != FieldType::Flag && value.trim().is_empty() {
        return Err(AssignError::Required(key.to_owned()));
    }
    if value.is_empty() {
        return match (spec.required, spec.ty) {
            (_, FieldType::Flag) => Ok(None),
            (true, _) => Err(AssignError::Required(key.to_owned())),
            (false, _) => Ok(None),
        };
    }
    let text = || Ok(Some(FieldValue::Text(value.to_owned())));
    match spec.ty {
        FieldType::Schema | FieldType::Metrics | FieldType::Economics => {
            Err(bad(key, "is not set this way"))
        }
        FieldType::Count => match integer(key, value)? {
            n if n >= 0 => Ok(Some(FieldValue::Integer(n))),
            n => Err(bad(key, format!("{n} is below 0"))),
        },
        FieldType::Number => number(key, value).map(|n| Some(FieldValue::Number(n))),
        FieldType::Scale => scale(key, value).map(|s| Some(FieldValue::Scale(s))),
        FieldType::MetricKind => match MetricKind::parse(value) {
            Some(_) => text(),
            None => Err(bad(
                key,
                format!("must be one of {}", MetricKind::NAMES.join(", ")),
            )),
        },
        FieldType::Better => match Better::parse(value) {
            Some(_) => text(),
            None => Err(bad(key, "must be higher or lower")),
        },
        FieldType::Target => {
            let (metric, aim) = value
                .split_once('=')
                .ok_or_else(|| bad(key, "write it METRIC=VALUE (first_time_fix=0.9)"))?;
            Ok(Some(FieldValue::Target(ActionTarget {
                metric: metric.trim().to_owned(),
                value: number(key, aim.trim())?,
            })))
        }
        FieldType::Line | FieldType::Lines | FieldType::Channel => text(),
        FieldType::Id | FieldType::Ref(_) => Id::new(value)
            .map(|id| Some(FieldValue::Text(id.to_string())))
            .map_err(|e| bad(key, format!("{value:?} is not a valid id: {e}"))),
        FieldType::Score => Score::new(integer(key, value)?)
            .map(|s| Some(FieldValue::Integer(s.get().into())))
            .map_err(|e| bad(key, e.to_string())),
        FieldType::Emotion => Emotion::new(integer(key, value)?)
            .map(|e| Some(FieldValue::Integer(e.get().into())))
            .map_err(|e| bad(key, e.to_string())),
        FieldType::Flag => match value {
            "true" | "yes" => Ok(Some(FieldValue::Bool(true))),
            "false" | "no" => Ok(None),
            _ => Err(bad(key, "must be true or false")),
        },
        FieldType::Phase => match Phase::parse(value) {
            Some(_) => text(),
            None => Err(bad(key, "must be buy, own or advocate")),
        },
        FieldType::Status => match ActionStatus::parse(value) {
            Some(_) => text(),
            None => Err(bad(key, "must be open, doing or done")),
        },
        FieldType::Lane => match super::Lane::parse(value) {
            Some(_) => text(),
            None => Err(bad(key, "must be frontstage, backstage or support")),
        },
        FieldType::State => match super::JourneyState::parse(value) {
            Some(_) => text(),
            None => Err(bad(key, "must be current or future")),
        },
        FieldType::Date => Date::parse(value)
            .map(|d| Some(FieldValue::Date(d)))
            .ok_or_else(|| bad(key, format!("{value:?} is not a date like 2026-12-15"))),
        FieldType::TextList => Ok(Some(FieldValue::TextList(vec![value.to_owned()]))),
    }
}

fn number(field: &str, value: &str) -> Result<f64, AssignError> {
    value
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| bad(field, format!("{value:?} is not a number")))
}

/// `1..5`, `1,5` or `[1, 5]`.
fn scale(field: &str, value: &str) -> Result<Scale, AssignError> {
    let inner = value.trim().trim_start_matches('[').trim_end_matches(']');
    let (min, max) = inner
        .split_once("..")
        .or_else(|| inner.split_once(','))
        .ok_or_else(|| bad(field, "write it MIN..MAX (1..5)"))?;
    let (min, max) = (number(field, min.trim())?, number(field, max.trim())?);
    if min >= max {
        return Err(bad(field, "the minimum must be below the maximum"));
    }
    Ok(Scale { min, max })
}

pub(super) fn text(value: Option<FieldValue>) -> Option<String> {
    match value {
        Some(FieldValue::Text(s)) => Some(s),
        _ => None,
    }
}

pub(super) fn required(field: Field, value: Option<FieldValue>) -> Result<String, AssignError> {
    text(value).ok_or_else(|| AssignError::Required(field.key().to_owned()))
}

pub(super) fn id(field: Field, value: Option<FieldValue>) -> Result<Option<Id>, AssignError> {
    text(value)
        .map(|t| Id::new(&t).map_err(|e| bad(field.key(), e.to_string())))
        .transpose()
}

pub(super) fn required_id(field: Field, value: Option<FieldValue>) -> Result<Id, AssignError> {
    id(field, value)?.ok_or_else(|| AssignError::Required(field.key().to_owned()))
}

fn integer_value(value: Option<FieldValue>) -> Option<i64> {
    match value {
        Some(FieldValue::Integer(i)) => Some(i),
        _ => None,
    }
}

fn score(field: Field, value: Option<FieldValue>) -> Result<Option<Score>, AssignError> {
    integer_value(value)
        .map(|i| Score::new(i).map_err(|e| bad(field.key(), e.to_string())))
        .transpose()
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
    let (kind, entry) = match target {
        Target::Journey if field.starts_with("persona.") => {
            return super::header::assign_persona(journey, field, value);
        }
        Target::Journey => {
            let spec = header_field(field)
                .filter(|s| s.ty != FieldType::Schema)
                .ok_or_else(|| AssignError::NoSuchField("journey", field.into()))?;
            return set_header(journey, spec.field, parse_value(spec, value)?);
        }
        Target::Entry(kind, entry) => (*kind, entry),
    };
    if kind == Kind::Touchpoint {
        let t = journey.touchpoint_mut(entry.as_str());
        let t = t.ok_or_else(|| missing(kind, entry))?;
        if let Some(name) = field.strip_prefix("metrics.") {
            return set_metric(t, field, name, value);
        }
        if field == "evidence+" {
            let item = parse_value(
                FieldSpec {
                    required: true,
                    ..TOUCHPOINT_EVIDENCE
                },
                value,
            )?;
            let Some(FieldValue::TextList(items)) = item else {
                return Err(AssignError::Required(field.into()));
            };
            t.evidence.extend(items);
            return Ok(());
        }
    }
    let spec = kind
        .field(field)
        .filter(|s| s.ty != FieldType::Metrics)
        .ok_or_else(|| AssignError::NoSuchField(kind.noun(), field.into()))?;
    if spec.field == Field::Id {
        let new = required_id(Field::Id, parse_value(spec, value)?)?;
        return rename(journey, kind, entry, new);
    }
    let value = parse_value(spec, value)?;
    let not_found = || missing(kind, entry);
    let f = spec.field;
    match kind {
        Kind::Stage => {
            let s = journey.stages.iter_mut().find(|s| &s.id == entry);
            let s = s.ok_or_else(not_found)?;
            match f {
                Field::Name => s.name = required(f, value)?,
                Field::Phase => s.phase = text(value).and_then(|p| Phase::parse(&p)),
                _ => return Err(AssignError::NoSuchField("stage", field.into())),
            }
        }
        Kind::Department => {
            let d = journey.departments.iter_mut().find(|d| &d.id == entry);
            let d = d.ok_or_else(not_found)?;
            match f {
                Field::Name => d.name = required(f, value)?,
                Field::Lead => d.lead = text(value),
                _ => return Err(AssignError::NoSuchField("department", field.into())),
            }
        }
        Kind::Partner => {
            let p = journey.partners.iter_mut().find(|p| &p.id == entry);
            let p = p.ok_or_else(not_found)?;
            match f {
                Field::Name => p.name = required(f, value)?,
                Field::Role => p.role = text(value),
                _ => return Err(AssignError::NoSuchField("partner", field.into())),
            }
        }
        Kind::MetricDef => {
            let m = journey.metrics.iter_mut().find(|m| &m.id == entry);
            set_metric_def(m.ok_or_else(not_found)?, f, value)?;
        }
        Kind::Touchpoint => {
            let t = journey.touchpoint_mut(entry.as_str());
            set_touchpoint(t.ok_or_else(not_found)?, f, value)?;
        }
        Kind::Action => {
            let a = journey.actions.iter_mut().find(|a| &a.id == entry);
            let a = a.ok_or_else(not_found)?;
            match f {
                Field::Touchpoint => a.touchpoint = required_id(f, value)?,
                Field::Title => a.title = required(f, value)?,
                Field::Owner => a.owner = id(f, value)?,
                Field::Status => {
                    a.status = text(value)
                        .and_then(|s| ActionStatus::parse(&s))
                        .unwrap_or_default()
                }
                Field::Due => {
                    a.due = match value {
                        Some(FieldValue::Date(d)) => Some(d),
                        _ => None,
                    }
                }
                Field::Target => {
                    a.target = match value {
                        Some(FieldValue::Target(t)) => Some(t),
                        _ => None,
                    }
                }
                _ => return Err(AssignError::NoSuchField("action", field.into())),
            }
        }
        Kind::Step => {
            let s = journey.steps.iter_mut().find(|s| &s.id == entry);
            super::blueprint::set_step(s.ok_or_else(not_found)?, f, value)?;
        }
    }
    Ok(())
}

const TOUCHPOINT_EVIDENCE: FieldSpec = FieldSpec {
    field: Field::Evidence,
    ty: FieldType::TextList,
    required: false,
};

fn missing(kind: Kind, id: &Id) -> AssignError {
    AssignError::NoSuchEntry(kind.noun(), id.to_string())
}

/// Sets a header field from a value (`None`: absent).
pub fn set_header(
    journey: &mut Journey,
    field: Field,
    value: Option<FieldValue>,
) -> Result<(), AssignError> {
    match field {
        Field::Title => journey.title = required(field, value)?,
        Field::Persona => super::header::set_persona_line(journey, text(value)),
        Field::Promise => journey.promise = text(value),
        Field::Description => journey.description = text(value),
        Field::State => {
            journey.state = text(value).and_then(|s| super::JourneyState::parse(&s));
        }
        Field::Baseline => journey.baseline = text(value),
        _ => {
            debug_assert!(HEADER.iter().any(|s| s.field == field));
            return Err(AssignError::NoSuchField("journey", field.key().into()));
        }
    }
    Ok(())
}

fn set_metric(t: &mut Touchpoint, field: &str, name: &str, value: &str) -> Result<(), AssignError> {
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
    let number = number(field, value)?;
    match position {
        Some(p) => t.metrics[p].value = number,
        None => t.metrics.push(Metric::new(name, number)),
    }
    Ok(())
}

pub(super) fn set_metric_def(
    m: &mut MetricDef,
    field: Field,
    value: Option<FieldValue>,
) -> Result<(), AssignError> {
    match (field, value) {
        (Field::Name, value) => m.name = required(field, value)?,
        (Field::MetricKind, value) => m.kind = text(value).and_then(|k| MetricKind::parse(&k)),
        (Field::Scale, Some(FieldValue::Scale(s))) => m.scale = Some(s),
        (Field::Scale, _) => m.scale = None,
        (Field::Unit, value) => m.unit = text(value),
        (Field::Better, value) => m.better = text(value).and_then(|b| Better::parse(&b)),
        (Field::Target, Some(FieldValue::Number(n))) => m.target = Some(n),
        (Field::Target, _) => m.target = None,
        (Field::Question, value) => m.question = text(value),
        _ => return Err(AssignError::NoSuchField("metric", field.key().into())),
    }
    Ok(())
}

fn set_touchpoint(
    t: &mut Touchpoint,
    field: Field,
    value: Option<FieldValue>,
) -> Result<(), AssignError> {
    match field {
        Field::Stage => t.stage = required_id(field, value)?,
        Field::Name => t.name = required(field, value)?,
        Field::Channel => t.channel = text(value),
        Field::Owner => t.owner = id(field, value)?,
        Field::Partner => t.partner = id(field, value)?,
        Field::MomentOfTruth => t.moment_of_truth = value == Some(FieldValue::Bool(true)),
        Field::Expectation => t.expectation = text(value),
        Field::Expected => t.expected = score(field, value)?,
        Field::Experience => t.experience = text(value),
        Field::Actual => t.actual = score(field, value)?,
        Field::Emotion => {
            t.emotion = integer_value(value)
                .map(|i| Emotion::new(i).map_err(|e| bad(field.key(), e.to_string())))
                .transpose()?
        }
        Field::Evidence => {
            t.evidence = match value {
                Some(FieldValue::TextList(items)) => items,
                _ => Vec::new(),
            }
        }
        Field::Notes => t.notes = text(value),
        Field::Volume => t.volume = integer_value(value).and_then(|v| u64::try_from(v).ok()),
        _ => return Err(AssignError::NoSuchField("touchpoint", field.key().into())),
    }
    Ok(())
}

/// Renames an entry and every reference to it.
pub fn rename(journey: &mut Journey, kind: Kind, old: &Id, new: Id) -> Result<(), AssignError> {
    let exists = |j: &Journey, id: &Id| super::exists(j, kind, id);
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
            journey
                .steps
                .iter_mut()
                .for_each(|s| swap_opt(&mut s.owner));
        }
        Kind::Partner => {
            journey.partners.iter_mut().for_each(|e| swap(&mut e.id));
            journey
                .touchpoints
                .iter_mut()
                .for_each(|t| swap_opt(&mut t.partner));
            journey
                .steps
                .iter_mut()
                .for_each(|s| swap_opt(&mut s.partner));
        }
        Kind::Touchpoint => {
            journey.touchpoints.iter_mut().for_each(|e| swap(&mut e.id));
            journey
                .actions
                .iter_mut()
                .for_each(|a| swap(&mut a.touchpoint));
            journey
                .steps
                .iter_mut()
                .for_each(|s| swap(&mut s.touchpoint));
        }
        Kind::MetricDef => {
            journey.metrics.iter_mut().for_each(|e| swap(&mut e.id));
            for m in journey.touchpoints.iter_mut().flat_map(|t| &mut t.metrics) {
                if m.name == old.as_str() {
                    m.name = new.to_string();
                }
            }
            for t in journey.actions.iter_mut().filter_map(|a| a.target.as_mut()) {
                if t.metric == old.as_str() {
                    t.metric = new.to_string();
                }
            }
        }
        Kind::Action => journey.actions.iter_mut().for_each(|e| swap(&mut e.id)),
        Kind::Step => journey.steps.iter_mut().for_each(|e| swap(&mut e.id)),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(field: &str, value: &str) -> Result<Id, AssignError> {
        Id::new(value).map_err(|e| bad(field, e.to_string()))
    }

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
    fn required_text_is_never_blank() -> Result<(), AssignError> {
        let mut j = journey()?;
        let tp = Target::Entry(Kind::Touchpoint, id("id", "tp")?);
        for blank in [" ", "\u{c}", "\n\t"] {
            let refused = Err(AssignError::Required("name".into()));
            assert_eq!(assign(&mut j, &tp, "name", blank), refused);
            let refused = Err(AssignError::Required("title".into()));
            assert_eq!(assign(&mut j, &Target::Journey, "title", blank), refused);
        }
        assert_eq!(j.touchpoints[0].name, "TP");
        assign(&mut j, &tp, "notes", " ")?;
        assert_eq!(j.touchpoints[0].notes.as_deref(), Some(" "));
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
