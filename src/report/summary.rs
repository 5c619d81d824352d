//! What every format says about one journey beyond the analysis figures: the
//! summary line, actions grouped by owner, gaps nobody is working on, and the
//! display names of referenced entries.

use std::collections::HashMap;

use super::lookup::Lookup;
use crate::analysis::{Figures, RankedGap, experience_debt, rank_gaps, severity};
use crate::model::{Action, GapClass, Id, Journey, Touchpoint};

/// The headline figures of a journey.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub figures: Figures,
    pub met: usize,
    pub exceeded: usize,
    pub unscored: usize,
    pub moments_of_truth: usize,
    /// The experience debt at the end of the corridor.
    pub debt: i32,
    /// Sum of the severities of every touchpoint.
    pub severity: u32,
    pub actions: usize,
    pub open_actions: usize,
    /// Touchpoints below expectation with no action linked.
    pub unactioned_gaps: usize,
}

pub fn summary(journey: &Journey) -> Summary {
    let lookup = Lookup::new(journey);
    let mut s = Summary {
        figures: Figures::of(&journey.touchpoints),
        debt: experience_debt(journey).last().map_or(0, |d| d.debt),
        actions: journey.actions.len(),
        open_actions: journey
            .actions
            .iter()
            .filter(|a| a.status.is_open())
            .count(),
        ..Summary::default()
    };
    for t in &journey.touchpoints {
        match t.gap_class() {
            GapClass::Met => s.met += 1,
            GapClass::Exceeded => s.exceeded += 1,
            GapClass::Unscored => s.unscored += 1,
            GapClass::Critical | GapClass::Shortfall => {
                if lookup.actions(&t.id) == 0 {
                    s.unactioned_gaps += 1;
                }
            }
        }
        s.moments_of_truth += usize::from(t.moment_of_truth);
        s.severity += u32::from(severity(t));
    }
    s
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

/// Touchpoints below expectation that no action is linked to, most severe first.
pub fn unactioned_gaps(journey: &Journey) -> Vec<RankedGap<'_>> {
    let lookup = Lookup::new(journey);
    rank_gaps(journey)
        .into_iter()
        .filter(|r| r.severity > 0 && lookup.actions(&r.touchpoint.id) == 0)
        .collect()
}

/// The name of a department, its id when unknown, or `None` for no owner
/// (for one lookup; a writer that looks up every touchpoint uses
/// [`Lookup`]).
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

/// A mean gap with two decimals and a sign, or `-`.
pub fn mean_text(mean: Option<f64>) -> String {
    mean.map_or_else(|| "-".to_owned(), |m| format!("{m:+.2}"))
}

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
        let text = include_str!("../../journeys/online-order-courier.toml");
        let journey = parse_journey(text).journey.expect("valid journey");
        let s = summary(&journey);
        let f = &s.figures;
        assert_eq!(
            f.critical + f.shortfall + s.met + s.exceeded + s.unscored,
            f.count
        );
        let grouped: usize = actions_by_owner(&journey)
            .iter()
            .map(|g| g.actions.len())
            .sum();
        assert_eq!(grouped, journey.actions.len());
    }
}
