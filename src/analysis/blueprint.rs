//! Service blueprints: the steps behind each touchpoint by lane, the checks
//! on steps, and ownership behind the gap: a department (or partner) that
//! owns a backstage or support step of a touchpoint shares in that
//! touchpoint's gap, whether or not it faces the customer there.

use std::collections::{HashMap, HashSet};

use super::Figures;
use crate::model::{Finding, Id, Journey, Kind, Lane, Locus, Touchpoint};

/// The steps behind one touchpoint, lane by lane (file order within a
/// lane), as the Blueprint view and the reports draw them.
#[derive(Debug, Clone, PartialEq)]
pub struct Column<'a> {
    pub touchpoint: &'a Touchpoint,
    /// Steps per lane, in `Lane::ALL` order; indices into `journey.steps`.
    pub lanes: [Vec<usize>; 3],
}

impl Column<'_> {
    /// The indices of every step behind the touchpoint, lane by lane.
    pub fn steps(&self) -> impl Iterator<Item = usize> + '_ {
        self.lanes.iter().flatten().copied()
    }

    /// How many steps sit in the fullest lane.
    pub fn depth(&self, lane: Lane) -> usize {
        self.lanes[lane_index(lane)].len()
    }
}

/// The position of `lane` in `Lane::ALL`.
pub fn lane_index(lane: Lane) -> usize {
    Lane::ALL.iter().position(|l| *l == lane).unwrap_or(0)
}

/// One column per touchpoint in corridor order, with its steps by lane.
pub fn columns(journey: &Journey) -> Vec<Column<'_>> {
    let mut by_touchpoint: HashMap<&Id, [Vec<usize>; 3]> = HashMap::new();
    for (i, step) in journey.steps.iter().enumerate() {
        by_touchpoint.entry(&step.touchpoint).or_default()[lane_index(step.lane)].push(i);
    }
    journey
        .corridor()
        .into_iter()
        .map(|touchpoint| Column {
            lanes: by_touchpoint.remove(&touchpoint.id).unwrap_or_default(),
            touchpoint,
        })
        .collect()
}

/// The figures of the touchpoints each department (`owner` of a step) or
/// partner (`partner`) supports from behind: those with a backstage or
/// support step it owns, each touchpoint counted once.
pub fn behind_figures(journey: &Journey, partners: bool) -> HashMap<&Id, Figures> {
    if journey.steps.is_empty() {
        return HashMap::new();
    }
    let mut supported: HashMap<&Id, HashSet<&Id>> = HashMap::new();
    for s in journey.steps.iter().filter(|s| s.lane.is_behind()) {
        let who = if partners { &s.partner } else { &s.owner };
        if let Some(who) = who {
            supported.entry(who).or_default().insert(&s.touchpoint);
        }
    }
    let by_id: HashMap<&Id, &Touchpoint> = journey.touchpoints.iter().map(|t| (&t.id, t)).collect();
    // Figures do not depend on order: each owner's touchpoints by id.
    supported
        .into_iter()
        .map(|(who, ids)| {
            let touchpoints = ids.into_iter().filter_map(|id| by_id.get(id).copied());
            (who, Figures::of(touchpoints))
        })
        .collect()
}

/// Errors and warnings about steps: unknown touchpoints, departments and
/// partners; a step nobody owns.
pub fn step_findings(journey: &Journey, findings: &mut Vec<Finding>) {
    let unknown = |index: usize, field: &'static str, target: Kind, id: &Id| {
        Finding::error(
            Finding::at(Kind::Step, index, field),
            format!("{field} refers to unknown {} `{id}`", target.noun()),
        )
    };
    for (i, s) in journey.steps.iter().enumerate() {
        if journey.touchpoint(s.touchpoint.as_str()).is_none() {
            findings.push(unknown(i, "touchpoint", Kind::Touchpoint, &s.touchpoint));
        }
        if let Some(owner) = s.owner.as_ref().filter(|o| journey.department(o).is_none()) {
            findings.push(unknown(i, "owner", Kind::Department, owner));
        }
        if let Some(partner) = s.partner.as_ref().filter(|p| journey.partner(p).is_none()) {
            findings.push(unknown(i, "partner", Kind::Partner, partner));
        }
        if s.owner.is_none() && s.partner.is_none() {
            findings.push(Finding::warning(
                Locus::Entry {
                    kind: Kind::Step,
                    index: i,
                    field: None,
                },
                format!("step `{}` has no owner or partner", s.id),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_journey;

    const JOURNEY: &str = r#"schema = 1
title = "T"

[[stages]]
id = "s"
name = "S"

[[departments]]
id = "shop"
name = "Shop"

[[departments]]
id = "billing"
name = "Billing"

[[touchpoints]]
id = "pay"
stage = "s"
name = "Pays"
owner = "shop"
expected = 4
actual = 1

[[touchpoints]]
id = "invoice"
stage = "s"
name = "Invoice"
owner = "shop"
expected = 3
actual = 2

[[steps]]
id = "charge"
touchpoint = "pay"
lane = "backstage"
name = "Charges the card"
owner = "billing"

[[steps]]
id = "retry"
touchpoint = "pay"
lane = "support"
name = "Retries a failed charge"
owner = "billing"

[[steps]]
id = "greet"
touchpoint = "invoice"
lane = "frontstage"
name = "Hands over the invoice"
owner = "billing"
"#;

    #[test]
    fn an_owner_of_backstage_steps_shares_the_gap_once() {
        let j = parse_journey(JOURNEY).journey.expect("valid");
        let billing = Id::new("billing").expect("id");
        let behind = behind_figures(&j, false)
            .remove(&billing)
            .unwrap_or_default();
        // Two steps behind `pay` count it once; the frontstage step at
        // `invoice` is not behind the line.
        assert_eq!(behind.count, 1);
        assert_eq!(behind.critical, 1);
        assert_eq!(behind.debt, -3);
        let columns = columns(&j);
        assert_eq!(columns[0].depth(Lane::Backstage), 1);
        assert_eq!(columns[0].steps().count(), 2);
        assert_eq!(columns[1].lanes[0], vec![2]);
    }
}
