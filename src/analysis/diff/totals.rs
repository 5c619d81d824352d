//! Department and journey figures before and after, and the counts and the
//! one-line summary of a diff.

use super::{JourneyDiff, Status, Trend};
use std::collections::{HashMap, HashSet};

use crate::analysis::figures::{self, Figure};
use crate::analysis::{Figures, OwnerFigures, department_figures, unowned_figures};
use crate::model::{Id, Journey};

/// A department's figures before and after (`None`: the department did
/// not exist on that side). `id` is `None` for unowned touchpoints.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerTotals {
    pub id: Option<Id>,
    pub name: String,
    pub old: Option<Figures>,
    pub new: Option<Figures>,
    pub old_open_actions: Option<usize>,
    pub new_open_actions: Option<usize>,
}

impl OwnerTotals {
    pub fn changed(&self) -> bool {
        self.old != self.new || self.old_open_actions != self.new_open_actions
    }
}

/// Journey-wide figures on one side (the experience debt is
/// `figures.debt`).
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    pub figures: Figures,
    pub open_actions: usize,
}

impl Totals {
    pub fn of(journey: &Journey) -> Self {
        Self {
            figures: Figures::of(&journey.touchpoints),
            open_actions: journey
                .actions
                .iter()
                .filter(|a| a.status.is_open())
                .count(),
        }
    }
}

/// Counts for the one-line summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub moved: usize,
    /// Touchpoints whose actual score rose.
    pub improved: usize,
    /// Touchpoints whose actual score fell.
    pub worsened: usize,
    /// Touchpoints whose expected score fell while the actual stayed.
    pub expectation_lowered: usize,
    /// Touchpoints whose expected score rose while the actual stayed.
    pub expectation_raised: usize,
    pub entries: usize,
    pub header: usize,
}

impl JourneyDiff<'_> {
    /// True when the two journeys are the same.
    pub fn is_empty(&self) -> bool {
        self.header.is_empty() && self.touchpoints.is_empty() && self.entries.is_empty()
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            entries: self.entries.len(),
            header: self.header.len(),
            ..Summary::default()
        };
        for t in &self.touchpoints {
            match t.status {
                Status::Added => s.added += 1,
                Status::Removed => s.removed += 1,
                Status::Changed if !t.fields.is_empty() => s.changed += 1,
                Status::Changed => {}
            }
            if t.moved.is_some() {
                s.moved += 1;
            }
            if t.status == Status::Changed {
                match t.gap.trend() {
                    Trend::Improved => s.improved += 1,
                    Trend::Worsened => s.worsened += 1,
                    Trend::ExpectationLowered => s.expectation_lowered += 1,
                    Trend::ExpectationRaised => s.expectation_raised += 1,
                    _ => {}
                }
            }
        }
        s
    }

    /// One line for logs and review comments.
    pub fn summary_line(&self) -> String {
        if self.is_empty() {
            return "no differences".into();
        }
        let s = self.summary();
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        let mut parts = Vec::new();
        if s.changed > 0 {
            let mut trend = Vec::new();
            if s.improved > 0 {
                trend.push(format!("{} improved", s.improved));
            }
            if s.worsened > 0 {
                trend.push(format!("{} worsened", s.worsened));
            }
            if s.expectation_lowered > 0 {
                trend.push(format!("{} expectation lowered", s.expectation_lowered));
            }
            if s.expectation_raised > 0 {
                trend.push(format!("{} expectation raised", s.expectation_raised));
            }
            let trend = if trend.is_empty() {
                String::new()
            } else {
                format!(" ({})", trend.join(", "))
            };
            parts.push(format!(
                "{} changed{trend}",
                plural(s.changed, "touchpoint")
            ));
        }
        for (n, what) in [
            (s.added, "added"),
            (s.removed, "removed"),
            (s.moved, "moved"),
        ] {
            if n > 0 {
                parts.push(format!("{} {what}", plural(n, "touchpoint")));
            }
        }
        if s.entries > 0 {
            parts.push(plural(s.entries, "other entry").replace("entrys", "entries"));
        }
        if s.header > 0 {
            parts.push(plural(s.header, "header field"));
        }
        let (a, b) = (&self.before.figures, &self.after.figures);
        let moved = |figure: &Figure| {
            let (x, y) = (a.text(figure), b.text(figure));
            let name = figure.name.to_lowercase();
            if x == y {
                format!("{name} {x}")
            } else {
                format!("{name} {x} -> {y}")
            }
        };
        format!(
            "{}; {}, {}, {}",
            parts.join(", "),
            moved(&figures::DEBT),
            moved(&figures::BELOW),
            moved(&figures::CRITICAL)
        )
    }
}

pub(super) fn owner_totals<'a>(old: &'a Journey, new: &'a Journey) -> Vec<OwnerTotals> {
    let before = department_figures(old);
    let after = department_figures(new);
    // The first department with each id on each side, as a search finds it.
    let first = |figures: &[OwnerFigures<'a>]| {
        let mut by_id: HashMap<&'a Id, usize> = HashMap::with_capacity(figures.len());
        for (i, d) in figures.iter().enumerate() {
            by_id.entry(d.id).or_insert(i);
        }
        by_id
    };
    let (old_index, new_index) = (first(&before), first(&after));
    let mut ids: Vec<(&Id, &str)> = before.iter().map(|d| (d.id, d.name)).collect();
    let mut listed: HashSet<&Id> = ids.iter().map(|(id, _)| *id).collect();
    for d in &after {
        if listed.insert(d.id) {
            ids.push((d.id, d.name));
        }
    }
    let mut rows: Vec<OwnerTotals> = ids
        .into_iter()
        .map(|(id, old_name)| {
            let a = old_index.get(id).map(|&i| &before[i]);
            let b = new_index.get(id).map(|&i| &after[i]);
            OwnerTotals {
                id: Some(id.clone()),
                name: b.map_or(old_name, |d| d.name).to_owned(),
                old: a.map(|d| d.figures.clone()),
                new: b.map(|d| d.figures.clone()),
                old_open_actions: a.map(|d| d.open_actions),
                new_open_actions: b.map(|d| d.open_actions),
            }
        })
        .collect();
    let (a, b) = (unowned_figures(old), unowned_figures(new));
    if a.count > 0 || b.count > 0 {
        rows.push(OwnerTotals {
            id: None,
            name: "(unowned)".into(),
            old: Some(a),
            new: Some(b),
            old_open_actions: None,
            new_open_actions: None,
        });
    }
    rows
}
