//! The work on the gaps: when each action is due, which are overdue, and
//! which gaps nobody works on (no action, or every action done while the
//! gap is still recorded).

use std::collections::HashMap;

use super::{RankedGap, rank_gaps};
use crate::model::{Action, ActionStatus, Date, Id, Journey};

/// Where an action stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Done: no date matters any more.
    Done,
    /// Open or doing, with no due date.
    Undated,
    /// Open or doing, due date passed this many days ago.
    Overdue(i64),
    /// Open or doing, due today.
    Today,
    /// Open or doing, due in this many days.
    In(i64),
}

impl Due {
    pub fn of(action: &Action, today: Date) -> Self {
        match (action.status, action.due) {
            (ActionStatus::Done, _) => Due::Done,
            (_, None) => Due::Undated,
            (_, Some(due)) => match due.days() - today.days() {
                0 => Due::Today,
                d if d < 0 => Due::Overdue(-d),
                d => Due::In(d),
            },
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Due::Overdue(_))
    }

    /// `overdue by 3 days`, `due today`, `due in 1 day`; empty when done or
    /// undated.
    pub fn text(self) -> String {
        let days = |n: i64| {
            if n == 1 {
                "1 day".to_owned()
            } else {
                format!("{n} days")
            }
        };
        match self {
            Due::Done | Due::Undated => String::new(),
            Due::Overdue(n) => format!("overdue by {}", days(n)),
            Due::Today => "due today".into(),
            Due::In(n) => format!("due in {}", days(n)),
        }
    }
}

impl Due {
    /// The same, short, for narrow columns: `29d late`, `in 3d`, `today`.
    pub fn short(self) -> String {
        match self {
            Due::Done | Due::Undated => String::new(),
            Due::Overdue(n) => format!("{n}d late"),
            Due::Today => "today".into(),
            Due::In(n) => format!("in {n}d"),
        }
    }
}

/// Overdue actions: indices into `journey.actions` with the days late.
pub fn overdue_actions(journey: &Journey, today: Date) -> Vec<(usize, i64)> {
    journey
        .actions
        .iter()
        .enumerate()
        .filter_map(|(i, a)| match Due::of(a, today) {
            Due::Overdue(days) => Some((i, days)),
            _ => None,
        })
        .collect()
}

/// A gap below expectation that nobody works on.
#[derive(Debug, Clone, Copy)]
pub struct Unaddressed<'a> {
    pub gap: RankedGap<'a>,
    /// Actions on it, every one done: when above 0, the fix shipped and the
    /// gap is still recorded, so it needs measuring again (or reopening).
    pub done: usize,
}

impl Unaddressed<'_> {
    pub fn needs_remeasure(&self) -> bool {
        self.done > 0
    }
}

/// Open and done action counts per touchpoint id.
fn action_counts(journey: &Journey) -> HashMap<&Id, (usize, usize)> {
    let mut counts: HashMap<&Id, (usize, usize)> = HashMap::new();
    for a in &journey.actions {
        let entry = counts.entry(&a.touchpoint).or_default();
        if a.status.is_open() {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    counts
}

/// Touchpoints below expectation with no open or doing action, most severe
/// first.
pub fn unaddressed_gaps(journey: &Journey) -> Vec<Unaddressed<'_>> {
    let counts = action_counts(journey);
    rank_gaps(journey)
        .into_iter()
        .filter(|r| r.severity > 0)
        .filter_map(|gap| {
            let (open, done) = counts.get(&gap.touchpoint.id).copied().unwrap_or_default();
            (open == 0).then_some(Unaddressed { gap, done })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_journey;

    const JOURNEY: &str = r#"
schema = 1
title = "t"
[[stages]]
id = "s"
name = "S"
[[touchpoints]]
id = "fixed"
stage = "s"
name = "Fixed"
expected = 4
actual = 1
[[touchpoints]]
id = "working"
stage = "s"
name = "Working"
expected = 4
actual = 3
[[touchpoints]]
id = "nobody"
stage = "s"
name = "Nobody"
expected = 3
actual = 2
[[touchpoints]]
id = "fine"
stage = "s"
name = "Fine"
expected = 3
actual = 3
[[actions]]
id = "shipped"
touchpoint = "fixed"
title = "Shipped"
status = "done"
due = 2026-01-01
[[actions]]
id = "late"
touchpoint = "working"
title = "Late"
status = "doing"
due = 2026-11-01
[[actions]]
id = "soon"
touchpoint = "working"
title = "Soon"
due = 2026-12-01
"#;

    #[test]
    fn due_dates_against_today() {
        let journey = parse_journey(JOURNEY).journey.expect("valid");
        let today = Date::parse("2026-11-30").expect("date");
        let due: Vec<Due> = journey.actions.iter().map(|a| Due::of(a, today)).collect();
        assert_eq!(due, [Due::Done, Due::Overdue(29), Due::In(1)]);
        assert_eq!(due[1].text(), "overdue by 29 days");
        assert_eq!(due[2].text(), "due in 1 day");
        assert_eq!(overdue_actions(&journey, today), [(1, 29)]);
    }

    #[test]
    fn done_work_on_an_open_gap_is_nobody_working_on_it() {
        let journey = parse_journey(JOURNEY).journey.expect("valid");
        let gaps = unaddressed_gaps(&journey);
        let ids: Vec<(&str, bool)> = gaps
            .iter()
            .map(|u| (u.gap.touchpoint.id.as_str(), u.needs_remeasure()))
            .collect();
        assert_eq!(ids, [("fixed", true), ("nobody", false)]);
    }
}
