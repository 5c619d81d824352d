//! Creating an entry from assignments, as `corridor set` does for an id
//! that does not exist yet: the assignments must give every field the new
//! entry cannot do without.

use super::field::FieldType;
use super::{
    Action, ActionStatus, AssignError, Department, Id, Journey, Kind, Lane, MetricDef, Origin,
    Partner, Stage, Step, Target, Touchpoint, assign,
};

/// The fields a new entry of `kind` must be given: the required ones but
/// its id (given apart) and a status (`open` unless said otherwise).
pub fn needed(kind: Kind) -> impl Iterator<Item = &'static str> {
    kind.fields()
        .iter()
        .filter(|s| s.required && !matches!(s.ty, FieldType::Id | FieldType::Status))
        .map(|s| s.field.key())
}

/// The ids of the entries of `kind`, in file order.
pub fn ids(journey: &Journey, kind: Kind) -> Box<dyn Iterator<Item = &Id> + '_> {
    match kind {
        Kind::Stage => Box::new(journey.stages.iter().map(|e| &e.id)),
        Kind::Department => Box::new(journey.departments.iter().map(|e| &e.id)),
        Kind::Partner => Box::new(journey.partners.iter().map(|e| &e.id)),
        Kind::MetricDef => Box::new(journey.metrics.iter().map(|e| &e.id)),
        Kind::Touchpoint => Box::new(journey.touchpoints.iter().map(|e| &e.id)),
        Kind::Action => Box::new(journey.actions.iter().map(|e| &e.id)),
        Kind::Step => Box::new(journey.steps.iter().map(|e| &e.id)),
    }
}

/// Whether an entry of `kind` has id `id`.
pub fn exists(journey: &Journey, kind: Kind, id: &Id) -> bool {
    ids(journey, kind).any(|e| e == id)
}

/// Inserts a new entry `id` of `kind` at `at` (clamped to the end of its
/// list), made from `given` (field, value) pairs, which must hold a value
/// for every `needed` field; then applies every pair with `assign`, so the
/// values are checked as `set` checks them. References are not checked
/// here (`analysis::new_errors` does).
pub fn create(
    journey: &mut Journey,
    kind: Kind,
    id: &Id,
    given: &[(&str, &str)],
    at: usize,
) -> Result<(), AssignError> {
    if exists(journey, kind, id) {
        return Err(AssignError::Exists(kind.noun(), id.to_string()));
    }
    let value = |field: &str| {
        given
            .iter()
            .rev()
            .find(|(f, v)| *f == field && !v.is_empty())
            .map(|(_, v)| *v)
    };
    let missing: Vec<&str> = needed(kind).filter(|f| value(f).is_none()).collect();
    if !missing.is_empty() {
        return Err(AssignError::Missing {
            target: format!("{}:{id}", kind.noun()),
            fields: missing.join(", "),
        });
    }
    let text = |field: &str| value(field).unwrap_or_default().to_owned();
    let reference = |field: &str| {
        let v = value(field).unwrap_or_default();
        Id::new(v).map_err(|e| AssignError::BadValue {
            field: field.to_owned(),
            why: format!("{v:?} is not a valid id: {e}"),
        })
    };
    let id = id.clone();
    match kind {
        Kind::Stage => insert(
            &mut journey.stages,
            at,
            Stage {
                origin: Origin::NEW,
                id: id.clone(),
                name: text("name"),
                phase: None,
            },
        ),
        Kind::Department => insert(
            &mut journey.departments,
            at,
            Department {
                origin: Origin::NEW,
                id: id.clone(),
                name: text("name"),
                lead: None,
            },
        ),
        Kind::Partner => insert(
            &mut journey.partners,
            at,
            Partner {
                origin: Origin::NEW,
                id: id.clone(),
                name: text("name"),
                role: None,
            },
        ),
        Kind::MetricDef => insert(
            &mut journey.metrics,
            at,
            MetricDef::new(id.clone(), text("name")),
        ),
        Kind::Touchpoint => insert(
            &mut journey.touchpoints,
            at,
            Touchpoint::new(id.clone(), reference("stage")?, text("name")),
        ),
        Kind::Action => insert(
            &mut journey.actions,
            at,
            Action {
                origin: Origin::NEW,
                id: id.clone(),
                touchpoint: reference("touchpoint")?,
                title: text("title"),
                owner: None,
                status: ActionStatus::Open,
                due: None,
                target: None,
            },
        ),
        Kind::Step => {
            let lane =
                value("lane")
                    .and_then(Lane::parse)
                    .ok_or_else(|| AssignError::BadValue {
                        field: "lane".into(),
                        why: "must be frontstage, backstage or support".into(),
                    })?;
            insert(
                &mut journey.steps,
                at,
                Step::new(id.clone(), reference("touchpoint")?, lane, text("name")),
            )
        }
    }
    let target = Target::Entry(kind, id);
    for (field, value) in given {
        assign(journey, &target, field, value)?;
    }
    Ok(())
}

fn insert<E>(list: &mut Vec<E>, at: usize, entry: E) {
    list.insert(at.min(list.len()), entry);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> Id {
        Id::new(text).expect("id")
    }

    #[test]
    fn a_new_entry_needs_its_required_fields() {
        let mut j = Journey::default();
        let err = create(&mut j, Kind::Partner, &id("metrix"), &[("role", "x")], 0);
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err(
                "`partner:metrix` is new: give it name in the same call (partner:metrix.name=...)"
                    .into()
            )
        );
        assert!(j.partners.is_empty());
        create(
            &mut j,
            Kind::Partner,
            &id("metrix"),
            &[("name", "Metrix"), ("role", "surveys")],
            0,
        )
        .expect("created");
        assert_eq!(j.partners[0].name, "Metrix");
        assert_eq!(j.partners[0].role.as_deref(), Some("surveys"));
        assert!(matches!(
            create(&mut j, Kind::Partner, &id("metrix"), &[("name", "M")], 0),
            Err(AssignError::Exists(..))
        ));
        let err = create(&mut j, Kind::Action, &id("fix"), &[("owner", "ops")], 0)
            .map_err(|e| e.to_string());
        assert!(err.is_err_and(|e| e.contains("touchpoint, title")));
        create(
            &mut j,
            Kind::Action,
            &id("fix"),
            &[
                ("touchpoint", "call"),
                ("title", "Fix it"),
                ("status", "doing"),
            ],
            0,
        )
        .expect("created");
        assert_eq!(j.actions[0].status, ActionStatus::Doing);
        // A bad value is refused as `set` refuses it.
        assert!(
            create(
                &mut j,
                Kind::Stage,
                &id("s"),
                &[("name", "S"), ("phase", "later")],
                0
            )
            .is_err()
        );
    }
}
