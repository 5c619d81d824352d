//! Constant-time lookups into one journey for the report writers: stages,
//! departments, partners and touchpoints by id, and the actions linked to
//! each touchpoint. Built once per report in one pass over the journey;
//! without it every row of a report searched the journey's lists, and a
//! report of 50,000 touchpoints took minutes instead of a second.

use std::collections::HashMap;

use crate::model::{Action, Department, Id, Journey, Partner, Stage, Touchpoint};

/// The first entry with each id, as `Journey::stage` and friends find it.
fn first_by_id<E>(entries: &[E], id: fn(&E) -> &Id) -> HashMap<&str, &E> {
    let mut map = HashMap::with_capacity(entries.len());
    for e in entries {
        map.entry(id(e).as_str()).or_insert(e);
    }
    map
}

/// Lookups into one journey.
#[derive(Debug)]
pub struct Lookup<'a> {
    stages: HashMap<&'a str, &'a Stage>,
    departments: HashMap<&'a str, &'a Department>,
    partners: HashMap<&'a str, &'a Partner>,
    touchpoints: HashMap<&'a str, &'a Touchpoint>,
    /// The actions of each touchpoint id, in file order.
    actions: HashMap<&'a str, Vec<&'a Action>>,
}

impl<'a> Lookup<'a> {
    pub fn new(journey: &'a Journey) -> Self {
        let mut actions: HashMap<&str, Vec<&Action>> = HashMap::new();
        for a in &journey.actions {
            actions.entry(a.touchpoint.as_str()).or_default().push(a);
        }
        Self {
            stages: first_by_id(&journey.stages, |s| &s.id),
            departments: first_by_id(&journey.departments, |d| &d.id),
            partners: first_by_id(&journey.partners, |p| &p.id),
            touchpoints: first_by_id(&journey.touchpoints, |t| &t.id),
            actions,
        }
    }

    pub fn stage(&self, id: &Id) -> Option<&'a Stage> {
        self.stages.get(id.as_str()).copied()
    }

    pub fn department(&self, id: &Id) -> Option<&'a Department> {
        self.departments.get(id.as_str()).copied()
    }

    pub fn partner(&self, id: &Id) -> Option<&'a Partner> {
        self.partners.get(id.as_str()).copied()
    }

    pub fn touchpoint(&self, id: &Id) -> Option<&'a Touchpoint> {
        self.touchpoints.get(id.as_str()).copied()
    }

    /// How many actions are linked to the touchpoint `id`.
    pub fn actions(&self, id: &Id) -> usize {
        self.actions.get(id.as_str()).map_or(0, Vec::len)
    }

    /// The name of a stage, or its id when the stage is unknown.
    pub fn stage_name<'b>(&self, id: &'b Id) -> &'b str
    where
        'a: 'b,
    {
        self.stage(id).map_or(id.as_str(), |s| s.name.as_str())
    }

    /// The name of a department, its id when unknown, or `None` for no owner.
    pub fn owner_name<'b>(&self, id: Option<&'b Id>) -> Option<&'b str>
    where
        'a: 'b,
    {
        id.map(|id| self.department(id).map_or(id.as_str(), |d| d.name.as_str()))
    }

    /// The name of a partner, its id when unknown, or `None` for no partner.
    pub fn partner_name<'b>(&self, id: Option<&'b Id>) -> Option<&'b str>
    where
        'a: 'b,
    {
        id.map(|id| self.partner(id).map_or(id.as_str(), |p| p.name.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_journey;

    #[test]
    fn finds_what_the_journey_finds() {
        let text = "schema = 1\ntitle = \"T\"\n\
            [[stages]]\nid = \"s\"\nname = \"First\"\n\
            [[stages]]\nid = \"s2\"\nname = \"Second\"\n\
            [[departments]]\nid = \"d\"\nname = \"Dept\"\n\
            [[touchpoints]]\nid = \"a\"\nstage = \"s\"\nname = \"A\"\nowner = \"d\"\n\
            [[touchpoints]]\nid = \"b\"\nstage = \"gone\"\nname = \"B\"\nowner = \"nobody\"\n\
            [[actions]]\nid = \"x\"\ntouchpoint = \"a\"\ntitle = \"X\"\n\
            [[actions]]\nid = \"y\"\ntouchpoint = \"a\"\ntitle = \"Y\"\n";
        let parsed = parse_journey(text);
        let journey = parsed.journey.expect("a journey");
        let lookup = Lookup::new(&journey);
        for t in &journey.touchpoints {
            assert_eq!(
                lookup.stage(&t.stage).map(|s| &s.id),
                journey.stage(&t.stage).map(|s| &s.id)
            );
            assert_eq!(lookup.actions(&t.id), journey.actions_for(&t.id).count());
            assert_eq!(lookup.touchpoint(&t.id).map(|x| &x.name), Some(&t.name));
        }
        let b = &journey.touchpoints[1];
        assert_eq!(lookup.stage_name(&b.stage), "gone");
        assert_eq!(lookup.owner_name(b.owner.as_ref()), Some("nobody"));
        assert_eq!(
            lookup.owner_name(journey.touchpoints[0].owner.as_ref()),
            Some("Dept")
        );
        assert_eq!(lookup.partner_name(None), None);
    }
}
