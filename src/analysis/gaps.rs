//! Gap severity, the severity ranking and experience debt along the corridor.

use crate::model::{Gap, GapClass, Journey, Touchpoint};

/// max(0, -gap) x (2 for a moment of truth, else 1). Unscored is 0.
pub fn severity(touchpoint: &Touchpoint) -> u8 {
    let shortfall = touchpoint.gap().map_or(0, |g| (-g.get()).max(0) as u8);
    if touchpoint.moment_of_truth {
        shortfall * 2
    } else {
        shortfall
    }
}

/// One touchpoint in the severity ranking.
#[derive(Debug, Clone, Copy)]
pub struct RankedGap<'a> {
    pub touchpoint: &'a Touchpoint,
    /// Index in `journey.touchpoints`.
    pub index: usize,
    /// Position in corridor order, from 0.
    pub position: usize,
    pub gap: Option<Gap>,
    pub class: GapClass,
    pub severity: u8,
}

/// Every touchpoint, most severe first; ties go to the lower emotion (no
/// emotion counts as 0), then to the earlier place in the corridor.
pub fn rank_gaps(journey: &Journey) -> Vec<RankedGap<'_>> {
    let mut ranked: Vec<RankedGap<'_>> = journey
        .corridor_indices()
        .into_iter()
        .enumerate()
        .map(|(position, index)| (position, index, &journey.touchpoints[index]))
        .map(|(position, index, touchpoint)| RankedGap {
            touchpoint,
            index,
            position,
            gap: touchpoint.gap(),
            class: touchpoint.gap_class(),
            severity: severity(touchpoint),
        })
        .collect();
    ranked.sort_by_key(|r| {
        let emotion = r.touchpoint.emotion.map_or(0, |e| e.get());
        (std::cmp::Reverse(r.severity), emotion, r.position)
    });
    ranked
}

/// Experience debt at one touchpoint of the corridor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DebtPoint<'a> {
    pub touchpoint: &'a Touchpoint,
    pub gap: Option<Gap>,
    /// Sum of the negative gaps up to and including this touchpoint (0 or
    /// less): delights further on cancel nothing.
    pub debt: i32,
}

/// Experience debt along the corridor: every shortfall adds to it and
/// nothing pays it back, because a customer remembers each disappointment.
/// Unscored touchpoints add nothing.
pub fn experience_debt(journey: &Journey) -> Vec<DebtPoint<'_>> {
    let mut debt = 0;
    journey
        .corridor()
        .into_iter()
        .map(|touchpoint| {
            let gap = touchpoint.gap();
            debt += gap.map_or(0, |g| i32::from(g.get().min(0)));
            DebtPoint {
                touchpoint,
                gap,
                debt,
            }
        })
        .collect()
}
