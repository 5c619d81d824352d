//! Service-blueprint steps: the work behind a touchpoint, in the lane where
//! it happens (frontstage, backstage, support), with the department or
//! partner that owns it.

use super::assign::{id, required, required_id, text};
use super::field::{Entry, Field, FieldValue};
use super::{AssignError, Id, Kind, Origin};

/// Where a step happens relative to the customer. The line of visibility
/// runs between the frontstage and the backstage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lane {
    /// Done in front of the customer, by someone they see.
    Frontstage,
    /// Done out of the customer's sight for this touchpoint.
    Backstage,
    /// The processes and systems the backstage relies on.
    Support,
}

impl Lane {
    pub const ALL: [Lane; 3] = [Lane::Frontstage, Lane::Backstage, Lane::Support];

    pub fn name(self) -> &'static str {
        match self {
            Lane::Frontstage => "frontstage",
            Lane::Backstage => "backstage",
            Lane::Support => "support",
        }
    }

    /// The lane's name as a row title.
    pub fn title(self) -> &'static str {
        match self {
            Lane::Frontstage => "Frontstage",
            Lane::Backstage => "Backstage",
            Lane::Support => "Support",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.name() == text)
    }

    /// Behind the line of visibility: the customer does not see it.
    pub fn is_behind(self) -> bool {
        self != Lane::Frontstage
    }
}

/// One step of the service behind a touchpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub origin: Origin,
    pub id: Id,
    /// The touchpoint it serves.
    pub touchpoint: Id,
    pub lane: Lane,
    pub name: String,
    /// The department that owns it.
    pub owner: Option<Id>,
    /// The partner that does it.
    pub partner: Option<Id>,
    /// Where the service tends to break.
    pub fail_point: bool,
    pub notes: Option<String>,
}

impl Step {
    /// A step with only its required fields set.
    pub fn new(id: Id, touchpoint: Id, lane: Lane, name: impl Into<String>) -> Self {
        Self {
            origin: Origin::NEW,
            id,
            touchpoint,
            lane,
            name: name.into(),
            owner: None,
            partner: None,
            fail_point: false,
            notes: None,
        }
    }
}

impl Entry for Step {
    const KIND: Kind = Kind::Step;

    fn origin(&self) -> Origin {
        self.origin
    }

    fn get(&self, field: Field) -> Option<FieldValue> {
        let id = |id: &Option<Id>| id.as_ref().map(|i| FieldValue::Text(i.to_string()));
        match field {
            Field::Id => Some(FieldValue::Text(self.id.to_string())),
            Field::Touchpoint => Some(FieldValue::Text(self.touchpoint.to_string())),
            Field::Lane => Some(FieldValue::Text(self.lane.name().into())),
            Field::Name => Some(FieldValue::Text(self.name.clone())),
            Field::Owner => id(&self.owner),
            Field::Partner => id(&self.partner),
            Field::FailPoint => self.fail_point.then_some(FieldValue::Bool(true)),
            Field::Notes => self.notes.clone().map(FieldValue::Text),
            _ => None,
        }
    }
}

/// Sets one field of a step from a value parsed by its type.
pub(super) fn set_step(
    step: &mut Step,
    field: Field,
    value: Option<FieldValue>,
) -> Result<(), AssignError> {
    match field {
        Field::Touchpoint => step.touchpoint = required_id(field, value)?,
        Field::Lane => {
            let name = required(field, value)?;
            step.lane = Lane::parse(&name).ok_or_else(|| {
                super::assign::bad(field.key(), "must be frontstage, backstage or support")
            })?;
        }
        Field::Name => step.name = required(field, value)?,
        Field::Owner => step.owner = id(field, value)?,
        Field::Partner => step.partner = id(field, value)?,
        Field::FailPoint => step.fail_point = value == Some(FieldValue::Bool(true)),
        Field::Notes => step.notes = text(value),
        _ => return Err(AssignError::NoSuchField("step", field.key().into())),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_by_name() {
        assert_eq!(Lane::parse("backstage"), Some(Lane::Backstage));
        assert_eq!(Lane::parse("Backstage"), None);
        assert!(Lane::Support.is_behind() && !Lane::Frontstage.is_behind());
    }
}
