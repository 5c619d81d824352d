//! Semantic diff of two versions of a journey: touchpoints added, removed,
//! moved and changed field by field, whether each gap improved or worsened,
//! changes to the other entries, and department and journey totals before
//! and after. Layout and comments are not part of it: two files that parse
//! to the same journey have no differences.

mod entries;
mod fields;
mod totals;

use std::collections::{HashMap, HashSet, VecDeque};

pub use entries::EntryDiff;
pub use fields::FieldChange;
pub use totals::{OwnerTotals, Summary, Totals};

use crate::model::{Gap, GapClass, Id, Journey, Score, Touchpoint};

/// Whether an entry is new, gone or different.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Added,
    Removed,
    Changed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed => "changed",
        }
    }
}

/// Where a gap went, and why: a change in what the customer got (actual)
/// improves or worsens it; a change in what they expected only moves the
/// bar, which is never counted as better or worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// The actual score rose.
    Improved,
    /// The actual score fell.
    Worsened,
    /// Only the expected score fell: the gap closed because the bar was
    /// lowered.
    ExpectationLowered,
    /// Only the expected score rose.
    ExpectationRaised,
    Unchanged,
    /// Unscored before, scored now.
    Scored,
    /// Scored before, unscored now.
    Unscored,
}

impl Trend {
    pub fn name(self) -> &'static str {
        match self {
            Trend::Improved => "improved",
            Trend::Worsened => "worsened",
            Trend::ExpectationLowered => "expectation lowered",
            Trend::ExpectationRaised => "expectation raised",
            Trend::Unchanged => "unchanged",
            Trend::Scored => "now scored",
            Trend::Unscored => "no longer scored",
        }
    }
}

/// A touchpoint's gap before and after, with the scores behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GapChange {
    pub old: Option<Gap>,
    pub new: Option<Gap>,
    /// Expected score before and after.
    pub expected: (Option<Score>, Option<Score>),
    /// Actual score before and after.
    pub actual: (Option<Score>, Option<Score>),
}

impl GapChange {
    /// The change between two versions of a touchpoint (`None`: absent on
    /// that side).
    pub fn between(old: Option<&Touchpoint>, new: Option<&Touchpoint>) -> Self {
        Self {
            old: old.and_then(Touchpoint::gap),
            new: new.and_then(Touchpoint::gap),
            expected: (old.and_then(|t| t.expected), new.and_then(|t| t.expected)),
            actual: (old.and_then(|t| t.actual), new.and_then(|t| t.actual)),
        }
    }

    /// What moved the gap. The actual score decides improved or worsened,
    /// even when the expectation moved too; a gap that moved only because
    /// the expectation did is `ExpectationLowered` or `ExpectationRaised`.
    pub fn trend(&self) -> Trend {
        match (self.old, self.new) {
            (Some(_), Some(_)) => match (self.actual, self.expected) {
                ((Some(a), Some(b)), _) if b > a => Trend::Improved,
                ((Some(a), Some(b)), _) if b < a => Trend::Worsened,
                (_, (Some(a), Some(b))) if b < a => Trend::ExpectationLowered,
                (_, (Some(a), Some(b))) if b > a => Trend::ExpectationRaised,
                _ => Trend::Unchanged,
            },
            (None, Some(_)) => Trend::Scored,
            (Some(_), None) => Trend::Unscored,
            (None, None) => Trend::Unchanged,
        }
    }

    /// How the expectation moved, when it did and both sides scored it.
    pub fn expectation(&self) -> Option<Trend> {
        match self.expected {
            (Some(a), Some(b)) if b < a => Some(Trend::ExpectationLowered),
            (Some(a), Some(b)) if b > a => Some(Trend::ExpectationRaised),
            _ => None,
        }
    }

    /// Every reason the gap moved: the experience, then the expectation.
    pub fn reasons(&self) -> Vec<Trend> {
        let trend = self.trend();
        let mut reasons = vec![trend];
        if let Some(e) = self.expectation()
            && matches!(trend, Trend::Improved | Trend::Worsened)
        {
            reasons.push(e);
        }
        reasons
    }

    pub fn old_class(&self) -> GapClass {
        self.old.map_or(GapClass::Unscored, Gap::class)
    }

    pub fn new_class(&self) -> GapClass {
        self.new.map_or(GapClass::Unscored, Gap::class)
    }
}

/// A touchpoint that changed stage or place in the corridor (positions
/// from 1, in corridor order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub old_stage: Id,
    pub new_stage: Id,
    pub old_position: usize,
    pub new_position: usize,
}

/// One touchpoint that differs.
#[derive(Debug, Clone)]
pub struct TouchpointDiff<'a> {
    pub status: Status,
    pub old: Option<&'a Touchpoint>,
    pub new: Option<&'a Touchpoint>,
    pub moved: Option<Move>,
    pub fields: Vec<FieldChange>,
    pub gap: GapChange,
}

impl<'a> TouchpointDiff<'a> {
    /// The touchpoint as it is now, or as it was when removed.
    pub fn touchpoint(&self) -> Option<&'a Touchpoint> {
        self.new.or(self.old)
    }
}

/// Everything that differs between two versions of a journey.
#[derive(Debug, Clone)]
pub struct JourneyDiff<'a> {
    pub header: Vec<FieldChange>,
    /// Changed and added touchpoints in the new corridor order, then the
    /// removed ones in the old order.
    pub touchpoints: Vec<TouchpointDiff<'a>>,
    pub entries: Vec<EntryDiff>,
    /// Every department of either side (old order, then new ones), and
    /// unowned touchpoints last when there are any.
    pub departments: Vec<OwnerTotals>,
    pub before: Totals,
    pub after: Totals,
}

/// Compares `old` with `new`.
pub fn diff<'a>(old: &'a Journey, new: &'a Journey) -> JourneyDiff<'a> {
    JourneyDiff {
        header: fields::header_changes(old, new),
        touchpoints: touchpoint_diffs(old, new),
        entries: entries::entry_diffs(old, new),
        departments: totals::owner_totals(old, new),
        before: Totals::of(old),
        after: Totals::of(new),
    }
}

/// For each new entry, the old entry with its id that it continues: the
/// k-th entry with an id in `new` pairs with the k-th with that id in
/// `old`, so a file that repeats an id (an error `check` reports) still
/// has no differences with itself.
fn pair_by_id<'a>(
    old: impl Iterator<Item = &'a Id>,
    new: impl Iterator<Item = &'a Id>,
) -> Vec<Option<usize>> {
    let mut olds: HashMap<&Id, VecDeque<usize>> = HashMap::new();
    for (i, id) in old.enumerate() {
        olds.entry(id).or_default().push_back(i);
    }
    new.map(|id| olds.get_mut(id).and_then(VecDeque::pop_front))
        .collect()
}

/// Pairs old and new touchpoints: by id, then a touchpoint whose id alone
/// changed (same name and stage) counts as renamed, not removed and added.
fn pair_touchpoints(old: &Journey, new: &Journey) -> HashMap<usize, usize> {
    let by_id = pair_by_id(
        old.touchpoints.iter().map(|t| &t.id),
        new.touchpoints.iter().map(|t| &t.id),
    );
    let mut pairs: HashMap<usize, usize> = by_id
        .into_iter()
        .enumerate()
        .filter_map(|(n, o)| Some((n, o?)))
        .collect();
    // Old touchpoints that could have been renamed (unpaired, their id gone
    // from the new side), queued in file order by name and stage: each new
    // touchpoint takes the first of its queue.
    let paired_old: HashSet<usize> = pairs.values().copied().collect();
    let new_ids: HashSet<&Id> = new.touchpoints.iter().map(|t| &t.id).collect();
    let mut renamable: HashMap<(&str, &Id), VecDeque<usize>> = HashMap::new();
    for (o, before) in old.touchpoints.iter().enumerate() {
        if !paired_old.contains(&o) && !new_ids.contains(&before.id) {
            renamable
                .entry((before.name.as_str(), &before.stage))
                .or_default()
                .push_back(o);
        }
    }
    for (n, t) in new.touchpoints.iter().enumerate() {
        if pairs.contains_key(&n) {
            continue;
        }
        let queue = renamable.get_mut(&(t.name.as_str(), &t.stage));
        if let Some(o) = queue.and_then(VecDeque::pop_front) {
            pairs.insert(n, o);
        }
    }
    pairs
}

fn touchpoint_diffs<'a>(old: &'a Journey, new: &'a Journey) -> Vec<TouchpointDiff<'a>> {
    let pairs = pair_touchpoints(old, new);
    let old_order = old.corridor_indices();
    let new_order = new.corridor_indices();
    let old_position: HashMap<usize, usize> =
        old_order.iter().enumerate().map(|(p, &i)| (i, p)).collect();
    // Touchpoints kept in the same relative order stay; the rest moved.
    let kept_sequence: Vec<usize> = new_order
        .iter()
        .filter_map(|n| pairs.get(n).and_then(|o| old_position.get(o)).copied())
        .collect();
    let staying = longest_increasing(&kept_sequence);
    let mut kept = 0;
    let mut diffs = Vec::new();
    for (position, &n) in new_order.iter().enumerate() {
        let now = &new.touchpoints[n];
        let Some(&o) = pairs.get(&n) else {
            diffs.push(TouchpointDiff {
                status: Status::Added,
                old: None,
                new: Some(now),
                moved: None,
                fields: Vec::new(),
                gap: GapChange::between(None, Some(now)),
            });
            continue;
        };
        let before = &old.touchpoints[o];
        let stays = staying.get(kept).copied().unwrap_or(true);
        kept += 1;
        let moved = (!stays || before.stage != now.stage).then(|| Move {
            old_stage: before.stage.clone(),
            new_stage: now.stage.clone(),
            old_position: old_position.get(&o).map_or(0, |p| p + 1),
            new_position: position + 1,
        });
        let fields = fields::touchpoint_changes(before, now);
        if moved.is_some() || !fields.is_empty() {
            diffs.push(TouchpointDiff {
                status: Status::Changed,
                old: Some(before),
                new: Some(now),
                moved,
                fields,
                gap: GapChange::between(Some(before), Some(now)),
            });
        }
    }
    let paired_old: HashSet<usize> = pairs.values().copied().collect();
    for &o in &old_order {
        if !paired_old.contains(&o) {
            let before = &old.touchpoints[o];
            diffs.push(TouchpointDiff {
                status: Status::Removed,
                old: Some(before),
                new: None,
                moved: None,
                fields: Vec::new(),
                gap: GapChange::between(Some(before), None),
            });
        }
    }
    diffs
}

/// Marks the elements of a longest strictly increasing subsequence.
pub(crate) fn longest_increasing(values: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; values.len()];
    for (k, &value) in values.iter().enumerate() {
        let at = tails.partition_point(|&t| values[t] < value);
        back[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut keep = vec![false; values.len()];
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        keep[k] = true;
        cursor = back[k];
    }
    keep
}

#[cfg(test)]
mod tests;
