//! What every format says about one journey beyond the analysis figures: the
//! summary line, actions grouped by owner, gaps nobody is working on, and the
//! display names of referenced entries.

use std::collections::HashMap;

use super::lookup::Lookup;
use crate::analysis::{Figures, overdue_actions, severity, unaddressed_gaps};
use crate::model::{Action, Date, Id, Journey, Touchpoint};

/// The headline figures of a journey (see `analysis::figures`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub figures: Figures,
    pub moments_of_truth: usize,
    /// Sum of the severities of every touchpoint.
    pub severity: u32,
    pub actions: usize,
    pub open_actions: usize,
    /// Open or doing actions past their due date.
    pub overdue: usize,
    /// Touchpoints below expectation nobody works on.
    pub unaddressed: usize,
    /// Of those, the ones whose actions are all done: measure again.
    pub remeasure: usize,
}

pub fn summary(journey: &Journey, today: Date) -> Summary {
    let unaddressed = unaddressed_gaps(journey);
    Summary {
        figures: Figures::of(&journey.touchpoints),
        moments_of_truth: journey
            .touchpoints
            .iter()
            .filter(|t| t.moment_of_truth)
            .count(),
        severity: journey
            .touchpoints
            .iter()
            .map(|t| u32::from(severity(t)))
            .sum(),
        actions: journey.actions.len(),
        open_actions: journey
            .actions
            .iter()
            .filter(|a| a.status.is_open())
            .count(),
        overdue: overdue_actions(journey, today).len(),
        unaddressed: unaddressed.len(),
        remeasure: unaddressed.iter().filter(|u| u.needs_remeasure()).count(),
    }
}

/// The actions one owner holds. `owner` is the department id, or `None` for
/// actions that have no owner and whose touchpoint has none either.
#[derive(Debug, Clone)]
pub struct ActionGroup<'a> {
    pub owner: Option<&'a Id>,
    /// The department's name (its id when the department is unknown).
    pub name: String,
    pub actions: Vec<(&'a Action, Option<&'a Touchpoint>)>,
}

/// Actions grouped by their owner (an action without an owner belongs to the
/// owner of its touchpoint): departments in file order, then unknown owners,
/// then actions nobody owns. Within a group, actions keep file order.
pub fn actions_by_owner(journey: &Journey) -> Vec<ActionGroup<'_>> {
    let lookup = Lookup::new(journey);
    let mut groups: Vec<ActionGroup<'_>> = journey
        .departments
        .iter()
        .map(|d| ActionGroup {
            owner: Some(&d.id),
            name: d.name.clone(),
            actions: Vec::new(),
        })
        .collect();
    // The group of each owner: the first department with that id, as the
    // groups list them.
    let mut group_of: HashMap<Option<&Id>, usize> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        group_of.entry(g.owner).or_insert(i);
    }
    for action in &journey.actions {
        let touchpoint = lookup.touchpoint(&action.touchpoint);
        let owner = action
            .owner
            .as_ref()
            .or_else(|| touchpoint.and_then(|t| t.owner.as_ref()));
        let index = match group_of.get(&owner) {
            Some(&index) => index,
            None => {
                groups.push(ActionGroup {
                    owner,
                    name: owner.map_or_else(|| "(no owner)".to_owned(), Id::to_string),
                    actions: Vec::new(),
                });
                group_of.insert(owner, groups.len() - 1);
                groups.len() - 1
            }
        };
        if let Some(group) = groups.get_mut(index) {
            group.actions.push((action, touchpoint));
        }
    }
    groups.retain(|g| !g.actions.is_empty());
    if let Some(at) = groups.iter().position(|g| g.owner.is_none()) {
        let nobody = groups.remove(at);
        groups.push(nobody);
    }
    groups
}

/// The name of a stage, or its id when the stage is unknown.
pub fn stage_name<'a>(journey: &'a Journey, id: &'a Id) -> &'a str {
    journey.stage(id).map_or(id.as_str(), |s| s.name.as_str())
}

/// The name of a department, its id when unknown, or `None` for no owner.
pub fn owner_name<'a>(journey: &'a Journey, id: Option<&'a Id>) -> Option<&'a str> {
    id.map(|id| {
        journey
            .department(id)
            .map_or(id.as_str(), |d| d.name.as_str())
    })
}

/// The name of a partner, its id when unknown, or `None` for no partner.
pub fn partner_name<'a>(journey: &'a Journey, id: Option<&'a Id>) -> Option<&'a str> {
    id.map(|id| journey.partner(id).map_or(id.as_str(), |p| p.name.as_str()))
}

/// A gap as `-2`, `+1`, `0`, or empty when unscored.
pub fn gap_text(touchpoint: &Touchpoint) -> String {
    touchpoint.gap().map_or_else(String::new, |g| g.to_string())
}

pub use crate::analysis::figures::mean_text;

/// A score, or `?` when missing.
pub fn score_text(score: Option<crate::model::Score>) -> String {
    score.map_or_else(|| "?".to_owned(), |s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_journey;

    #[test]
    fn bundled_journey_summary_adds_up() {
        let text = include_str!("../../tests/fixtures/samples/online-order-courier.toml");
        let journey = parse_journey(text).journey.expect("valid journey");
        let s = summary(&journey, Date::new(2026, 1, 15).expect("date"));
        let f = &s.figures;
        assert_eq!(
            f.critical + f.shortfall + f.met + f.exceeded + f.unscored(),
            f.count
        );
        let grouped: usize = actions_by_owner(&journey)
            .iter()
            .map(|g| g.actions.len())
            .sum();
        assert_eq!(grouped, journey.actions.len());
    }
}
