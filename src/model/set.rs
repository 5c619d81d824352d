//! Setting one field of an entry from a typed value, the inverse of
//! `Entry::get`, and the one place that names every kind's list in a
//! journey: code that works on entries of any kind (the three-way merge,
//! undo by id) is written once, generic over `EntryList`, and reached
//! through `visit_kind`.

use super::field::{Entry, Field, FieldValue};
use super::{
    Action, ActionStatus, AssignError, Date, Department, Emotion, Id, Journey, Kind, MetricDef,
    Origin, Partner, Phase, Score, Stage, Step, Touchpoint,
};

/// An entry kind whose fields can be set from values and whose entries a
/// journey lists.
pub trait EntryList: Entry + Clone + PartialEq + std::fmt::Debug {
    /// Sets `field` to `value` (`None`: absent). Refuses a value of the
    /// wrong type or range, and clearing a required field.
    fn set(&mut self, field: Field, value: Option<FieldValue>) -> Result<(), AssignError>;
    fn set_origin(&mut self, origin: Origin);
    /// The entry's id.
    fn id(&self) -> &Id;
    /// This kind's entries in `journey`, in file order.
    fn list(journey: &Journey) -> &Vec<Self>;
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self>;
}

/// Code generic over the kind of entry, run by [`visit_kind`] for one kind.
pub trait KindVisitor {
    type Output;
    fn visit<E: EntryList>(self) -> Self::Output;
}

/// Runs `visitor` with the entry type of `kind`. A new kind adds its arm
/// here (and implements `EntryList`); everything generic follows.
pub fn visit_kind<V: KindVisitor>(kind: Kind, visitor: V) -> V::Output {
    match kind {
        Kind::Stage => visitor.visit::<Stage>(),
        Kind::Department => visitor.visit::<Department>(),
        Kind::Partner => visitor.visit::<Partner>(),
        Kind::MetricDef => visitor.visit::<MetricDef>(),
        Kind::Touchpoint => visitor.visit::<Touchpoint>(),
        Kind::Action => visitor.visit::<Action>(),
        Kind::Step => visitor.visit::<Step>(),
    }
}

fn wrong(field: Field) -> AssignError {
    AssignError::BadValue {
        field: field.key().to_owned(),
        why: "has a value of the wrong type".into(),
    }
}

fn required(field: Field) -> AssignError {
    AssignError::Required(field.key().to_owned())
}

fn text(field: Field, value: Option<FieldValue>) -> Result<Option<String>, AssignError> {
    match value {
        None => Ok(None),
        Some(FieldValue::Text(s)) => Ok(Some(s)),
        Some(_) => Err(wrong(field)),
    }
}

fn required_text(field: Field, value: Option<FieldValue>) -> Result<String, AssignError> {
    text(field, value)?.ok_or_else(|| required(field))
}

fn id(field: Field, value: Option<FieldValue>) -> Result<Option<Id>, AssignError> {
    text(field, value)?
        .map(|t| {
            Id::new(&t).map_err(|e| AssignError::BadValue {
                field: field.key().to_owned(),
                why: e.to_string(),
            })
        })
        .transpose()
}

fn required_id(field: Field, value: Option<FieldValue>) -> Result<Id, AssignError> {
    id(field, value)?.ok_or_else(|| required(field))
}

fn integer<T>(
    field: Field,
    value: Option<FieldValue>,
    make: fn(i64) -> Result<T, super::RangeError>,
) -> Result<Option<T>, AssignError> {
    match value {
        None => Ok(None),
        Some(FieldValue::Integer(i)) => make(i).map(Some).map_err(|e| AssignError::BadValue {
            field: field.key().to_owned(),
            why: e.to_string(),
        }),
        Some(_) => Err(wrong(field)),
    }
}

fn parsed<T>(
    field: Field,
    value: Option<FieldValue>,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, AssignError> {
    text(field, value)?
        .map(|t| parse(&t).ok_or_else(|| wrong(field)))
        .transpose()
}

fn unknown(kind: Kind, field: Field) -> AssignError {
    AssignError::NoSuchField(kind.noun(), field.key().to_owned())
}

/// The accessors every entry kind shares: its origin, its id, and the list
/// of `Journey` that holds its entries.
macro_rules! listed_in {
    ($list:ident) => {
        fn set_origin(&mut self, origin: Origin) {
            self.origin = origin;
        }

        fn id(&self) -> &Id {
            &self.id
        }

        fn list(journey: &Journey) -> &Vec<Self> {
            &journey.$list
        }

        fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
            &mut journey.$list
        }
    };
}

impl EntryList for Stage {
    fn set(&mut self, field: Field, value: Option<FieldValue>) -> Result<(), AssignError> {
        match field {
            Field::Id => self.id = required_id(field, value)?,
            Field::Name => self.name = required_text(field, value)?,
            Field::Phase => self.phase = parsed(field, value, Phase::parse)?,
            _ => return Err(unknown(Self::KIND, field)),
        }
        Ok(())
    }

    listed_in!(stages);
}

impl EntryList for Department {
    fn set(&mut self, field: Field, value: Option<FieldValue>) -> Result<(), AssignError> {
        match field {
            Field::Id => self.id = required_id(field, value)?,
            Field::Name => self.name = required_text(field, value)?,
            Field::Lead => self.lead = text(field, value)?,
            _ => return Err(unknown(Self::KIND, field)),
        }
        Ok(())
    }

    listed_in!(departments);
}

impl EntryList for Partner {
    fn set(&mut self, field: Field, value: Option<FieldValue>) -> Result<(), AssignError> {
        match field {
            Field::Id => self.id = required_id(field, value)?,
            Field::Name => self.name = required_text(field, value)?,
            Field::Role => self.role = text(field, value)?,
            _ => return Err(unknown(Self::KIND, field)),
        }
        Ok(())
    }

    listed_in!(partners);
}

impl EntryList for Touchpoint {
    fn set(&mut self, field: Field, value: Option<FieldValue>) -> Result<(), AssignError> {
        match field {
            Field::Id => self.id = required_id(field, value)?,
            Field::Stage => self.stage = required_id(field, value)?,
            Field::Name => self.name = required_text(field, value)?,
            Field::Channel => self.channel = text(field, value)?,
            Field::Owner => self.owner = id(field, value)?,
            Field::Partner => self.partner = id(field, value)?,
            Field::MomentOfTruth => {
                self.moment_of_truth = match value {
                    None => false,
                    Some(FieldValue::Bool(b)) => b,
                    Some(_) => return Err(wrong(field)),
                }
            }
            Field::Expectation => self.expectation = text(field, value)?,
            Field::Expected => self.expected = integer(field, value, Score::new)?,
            Field::Experience => self.experience = text(field, value)?,
            Field::Actual => self.actual = integer(field, value, Score::new)?,
            Field::Emotion => self.emotion = integer(field, value, Emotion::new)?,
            Field::Evidence => {
                self.evidence = match value {
                    None => Vec::new(),
                    Some(FieldValue::TextList(items)) => items,
                    Some(_) => return Err(wrong(field)),
                }
            }
            Field::Metrics => {
                self.metrics = match value {
                    None => Vec::new(),
                    Some(FieldValue::Metrics(metrics)) => metrics,
                    Some(_) => return Err(wrong(field)),
                }
            }
            Field::Notes => self.notes = text(field, value)?,
            Field::Volume => {
                self.volume = match value {
                    None => None,
                    Some(FieldValue::Integer(i)) => {
                        Some(u64::try_from(i).map_err(|_| wrong(field))?)
                    }
                    Some(_) => return Err(wrong(field)),
                }
            }
            _ => return Err(unknown(Self::KIND, field)),
        }
        Ok(())
    }

    listed_in!(touchpoints);
}

impl EntryList for Action {
    fn set(&mut self, field: Field, value: Option<FieldValue>) -> Result<(), AssignError> {
        match field {
            Field::Id => self.id = required_id(field, value)?,
            Field::Touchpoint => self.touchpoint = required_id(field, value)?,
            Field::Title => self.title = required_text(field, value)?,
            Field::Owner => self.owner = id(field, value)?,
            Field::Status => {
                self.status = parsed(field, value, ActionStatus::parse)?.unwrap_or_default()
            }
            Field::Due => {
                self.due = match value {
                    None => None,
                    Some(FieldValue::Date(d)) => Some(d),
                    Some(FieldValue::Text(t)) => Some(Date::parse(&t).ok_or_else(|| wrong(field))?),
                    Some(_) => return Err(wrong(field)),
                }
            }
            Field::Target => {
                self.target = match value {
                    None => None,
                    Some(FieldValue::Target(t)) => Some(t),
                    Some(_) => return Err(wrong(field)),
                }
            }
            _ => return Err(unknown(Self::KIND, field)),
        }
        Ok(())
    }

    listed_in!(actions);
}

impl EntryList for MetricDef {
    fn set(&mut self, field: Field, value: Option<FieldValue>) -> Result<(), AssignError> {
        match field {
            Field::Id => self.id = required_id(field, value)?,
            _ => super::assign::set_metric_def(self, field, value)?,
        }
        Ok(())
    }

    listed_in!(metrics);
}

impl EntryList for Step {
    fn set(&mut self, field: Field, value: Option<FieldValue>) -> Result<(), AssignError> {
        match field {
            Field::Id => self.id = required_id(field, value)?,
            _ => super::blueprint::set_step(self, field, value)?,
        }
        Ok(())
    }

    listed_in!(steps);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldType, Metric};

    fn metrics(pairs: &[(&str, f64)]) -> FieldValue {
        FieldValue::Metrics(
            pairs
                .iter()
                .map(|(name, value)| Metric::new(*name, *value))
                .collect(),
        )
    }

    /// A value of the field's type that differs from the entry's.
    fn other_value(ty: FieldType, now: Option<&FieldValue>) -> Option<FieldValue> {
        let pick = |a: FieldValue, b: FieldValue| Some(if now == Some(&a) { b } else { a });
        match ty {
            FieldType::Schema => None,
            FieldType::Line | FieldType::Lines | FieldType::Channel => pick(
                FieldValue::Text("one".into()),
                FieldValue::Text("two".into()),
            ),
            FieldType::Id | FieldType::Ref(_) => pick(
                FieldValue::Text("one".into()),
                FieldValue::Text("two".into()),
            ),
            FieldType::Score => pick(FieldValue::Integer(2), FieldValue::Integer(3)),
            FieldType::Emotion => pick(FieldValue::Integer(-1), FieldValue::Integer(1)),
            FieldType::Flag => pick(FieldValue::Bool(true), FieldValue::Bool(false)),
            FieldType::Phase => pick(
                FieldValue::Text("own".into()),
                FieldValue::Text("buy".into()),
            ),
            FieldType::Status => pick(
                FieldValue::Text("done".into()),
                FieldValue::Text("doing".into()),
            ),
            FieldType::Date => pick(
                FieldValue::Date(Date::new(2026, 1, 2)?),
                FieldValue::Date(Date::new(2026, 1, 3)?),
            ),
            FieldType::TextList => pick(
                FieldValue::TextList(vec!["a".into()]),
                FieldValue::TextList(vec!["b".into()]),
            ),
            FieldType::Metrics => pick(metrics(&[("csat", 3.5)]), metrics(&[("nps", 1.0)])),
            FieldType::Count => pick(FieldValue::Integer(100), FieldValue::Integer(200)),
            FieldType::Number => pick(FieldValue::Number(4.0), FieldValue::Number(4.5)),
            FieldType::Scale => pick(
                FieldValue::Scale(crate::model::Scale { min: 1.0, max: 5.0 }),
                FieldValue::Scale(crate::model::Scale {
                    min: 0.0,
                    max: 10.0,
                }),
            ),
            FieldType::MetricKind => pick(
                FieldValue::Text("csat".into()),
                FieldValue::Text("nps".into()),
            ),
            FieldType::Better => pick(
                FieldValue::Text("higher".into()),
                FieldValue::Text("lower".into()),
            ),
            FieldType::Target => pick(
                FieldValue::Target(crate::model::ActionTarget {
                    metric: "csat".into(),
                    value: 4.0,
                }),
                FieldValue::Target(crate::model::ActionTarget {
                    metric: "csat".into(),
                    value: 4.5,
                }),
            ),
            FieldType::Lane => pick(
                FieldValue::Text("backstage".into()),
                FieldValue::Text("support".into()),
            ),
            // Header tables, not entry fields.
            FieldType::Economics | FieldType::State => None,
        }
    }

    struct EveryField;

    impl KindVisitor for EveryField {
        type Output = ();

        fn visit<E: EntryList>(self) {
            // Every kind: the synthetic journey has no metric definitions
            // or steps of its own.
            let text = crate::sample::synthetic_journey(3)
                + "\n[[metrics]]\nid = \"csat\"\nname = \"Satisfaction\"\n\
                   \n[[steps]]\nid = \"s\"\ntouchpoint = \"tp-0\"\nlane = \"backstage\"\nname = \"S\"\n";
            let mut journey = crate::store::parse_journey(&text).journey.expect("valid");
            let Some(mut entry) = E::list(&journey).first().cloned() else {
                panic!("the sample has a {}", E::KIND.noun());
            };
            for spec in E::KIND.fields() {
                let now = entry.get(spec.field);
                let Some(value) = other_value(spec.ty, now.as_ref()) else {
                    continue;
                };
                entry
                    .set(spec.field, Some(value.clone()))
                    .unwrap_or_else(|e| panic!("{}.{}: {e}", E::KIND.noun(), spec.field.key()));
                let read = entry.get(spec.field);
                // An absent flag reads as false.
                let expected = match value {
                    FieldValue::Bool(false) => None,
                    v => Some(v),
                };
                assert_eq!(read, expected, "{}.{}", E::KIND.noun(), spec.field.key());
                if !spec.required {
                    entry.set(spec.field, None).expect("cleared");
                    assert_eq!(entry.get(spec.field), None);
                }
            }
            E::list_mut(&mut journey)[0] = entry.clone();
            assert_eq!(E::list(&journey)[0], entry);
        }
    }

    /// Every field of the table can be set back from the value `get`
    /// reads: a field added to the table needs its arm in `set`.
    #[test]
    fn every_field_of_every_kind_sets_what_get_reads() {
        for kind in Kind::ALL {
            visit_kind(kind, EveryField);
        }
    }
}
