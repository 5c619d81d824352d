//! A journey over time: its figures at each revision read from history,
//! the actions that changed status, and whether each gap whose action was
//! done closed, improved, did not move or got worse since.

use std::collections::HashMap;

use super::metrics::standings;
use super::{department_figures, experience_debt};
use crate::model::{ActionStatus, GapClass, Journey};

/// A revision of a journey as read from history.
#[derive(Debug, Clone)]
pub struct Revision {
    pub info: Commit,
    /// The journey, or why that revision does not parse.
    pub journey: Result<Journey, String>,
}

/// The commit a revision was read from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Commit {
    /// The abbreviated commit id.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub subject: String,
    /// Its place among all the commits read together (a folder's journeys
    /// share one list), oldest first.
    pub at: usize,
}

/// One metric value at one revision.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricValue {
    pub touchpoint: String,
    pub metric: String,
    pub value: f64,
    pub target: Option<f64>,
    pub versus: Option<f64>,
}

/// The figures of one revision that parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Index into [`History::revisions`].
    pub revision: usize,
    pub debt: i32,
    pub critical: usize,
    pub below: usize,
    /// Each department's experience debt (by id), most indebted first.
    pub departments: Vec<(String, i32)>,
    /// Each touchpoint's gap, in corridor order.
    pub gaps: Vec<(String, Option<i8>)>,
    pub metrics: Vec<MetricValue>,
    /// Each action: id, touchpoint, status.
    pub actions: Vec<(String, String, ActionStatus)>,
}

impl Point {
    pub fn gap(&self, touchpoint: &str) -> Option<Option<i8>> {
        self.gaps
            .iter()
            .find(|(t, _)| t == touchpoint)
            .map(|(_, g)| *g)
    }
}

/// An action that appeared, changed status or went, at one revision.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionEvent {
    pub revision: usize,
    pub action: String,
    pub touchpoint: String,
    /// `None`: the action is new.
    pub from: Option<ActionStatus>,
    /// `None`: the action was removed.
    pub to: Option<ActionStatus>,
}

/// What happened to a gap after its action was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Below expectation then, 0 or more now.
    Closed,
    /// Better now, still below expectation.
    Improved,
    /// The same gap.
    NotMoved,
    Worse,
    /// Unscored now (or the touchpoint is gone).
    Unknown,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Closed => "closed",
            Verdict::Improved => "improved",
            Verdict::NotMoved => "not moved",
            Verdict::Worse => "worse",
            Verdict::Unknown => "not measured",
        }
    }
}

/// A gap whose action was done, then and now.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub action: String,
    pub touchpoint: String,
    /// The revision the action turned done in.
    pub done: usize,
    /// The gap before that revision (or at it, for the first).
    pub then: i8,
    pub now: Option<i8>,
    pub verdict: Verdict,
}

/// A journey's history, oldest first.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Every revision read.
    pub revisions: Vec<Commit>,
    /// The revisions that parsed, in order.
    pub points: Vec<Point>,
    /// Revisions that do not parse, with their first error.
    pub failed: Vec<(usize, String)>,
    pub events: Vec<ActionEvent>,
    pub outcomes: Vec<Outcome>,
}

impl History {
    /// A touchpoint's gap at each point (`None` where it was absent or
    /// unscored).
    pub fn gap_series(&self, touchpoint: &str) -> Vec<Option<i8>> {
        self.points
            .iter()
            .map(|p| p.gap(touchpoint).flatten())
            .collect()
    }

    /// A touchpoint's value of `metric` at each point.
    pub fn metric_series(&self, touchpoint: &str, metric: &str) -> Vec<Option<f64>> {
        self.points
            .iter()
            .map(|p| {
                p.metrics
                    .iter()
                    .find(|m| m.touchpoint == touchpoint && m.metric == metric)
                    .map(|m| m.value)
            })
            .collect()
    }

    /// Outcomes by verdict: (closed, not moved).
    pub fn closed_and_unmoved(&self) -> (usize, usize) {
        let count = |v| self.outcomes.iter().filter(|o| o.verdict == v).count();
        (count(Verdict::Closed), count(Verdict::NotMoved))
    }
}

/// The figures of one journey.
pub fn point(revision: usize, journey: &Journey) -> Point {
    let debt = experience_debt(journey).last().map_or(0, |p| p.debt);
    let classes: Vec<GapClass> = journey.touchpoints.iter().map(|t| t.gap_class()).collect();
    let critical = classes.iter().filter(|c| **c == GapClass::Critical).count();
    let shortfall = classes
        .iter()
        .filter(|c| **c == GapClass::Shortfall)
        .count();
    let corridor = journey.corridor();
    Point {
        revision,
        debt,
        critical,
        below: critical + shortfall,
        departments: department_figures(journey)
            .into_iter()
            .map(|d| (d.id.to_string(), d.figures.debt))
            .collect(),
        gaps: corridor
            .iter()
            .map(|t| (t.id.to_string(), t.gap().map(|g| g.get())))
            .collect(),
        metrics: corridor
            .iter()
            .flat_map(|t| {
                standings(journey, &t.metrics)
                    .into_iter()
                    .map(|s| MetricValue {
                        touchpoint: t.id.to_string(),
                        metric: s.metric.name.clone(),
                        value: s.metric.value,
                        target: s.target,
                        versus: s.versus,
                    })
                    .collect::<Vec<_>>()
            })
            .collect(),
        actions: journey
            .actions
            .iter()
            .map(|a| (a.id.to_string(), a.touchpoint.to_string(), a.status))
            .collect(),
    }
}

fn events(before: Option<&Point>, after: &Point, out: &mut Vec<ActionEvent>) {
    let old: HashMap<&str, ActionStatus> = before
        .map(|p| p.actions.iter().map(|(a, _, s)| (a.as_str(), *s)).collect())
        .unwrap_or_default();
    for (action, touchpoint, status) in &after.actions {
        let from = old.get(action.as_str()).copied();
        if from != Some(*status) {
            out.push(ActionEvent {
                revision: after.revision,
                action: action.clone(),
                touchpoint: touchpoint.clone(),
                from,
                to: Some(*status),
            });
        }
    }
    if let Some(before) = before {
        for (action, touchpoint, status) in &before.actions {
            if !after.actions.iter().any(|(a, _, _)| a == action) {
                out.push(ActionEvent {
                    revision: after.revision,
                    action: action.clone(),
                    touchpoint: touchpoint.clone(),
                    from: Some(*status),
                    to: None,
                });
            }
        }
    }
}

/// Reads the figures of every revision, the action events between them,
/// and the outcome of every gap whose action turned done.
pub fn history(revisions: &[Revision]) -> History {
    let mut h = History {
        revisions: revisions.iter().map(|r| r.info.clone()).collect(),
        ..History::default()
    };
    for (i, r) in revisions.iter().enumerate() {
        match &r.journey {
            Ok(journey) => {
                let p = point(i, journey);
                events(h.points.last(), &p, &mut h.events);
                h.points.push(p);
            }
            Err(e) => h.failed.push((i, e.clone())),
        }
    }
    let Some(latest) = h.points.last() else {
        return h;
    };
    for event in h.events.iter().filter(|e| {
        e.to == Some(ActionStatus::Done) && e.from.is_some_and(|f| f != ActionStatus::Done)
    }) {
        let at = h
            .points
            .iter()
            .position(|p| p.revision == event.revision)
            .unwrap_or(0);
        let before = &h.points[at.saturating_sub(1)];
        let Some(then) = before.gap(&event.touchpoint).flatten().filter(|g| *g < 0) else {
            continue;
        };
        let now = latest.gap(&event.touchpoint).flatten();
        let verdict = match now {
            None => Verdict::Unknown,
            Some(n) if n >= 0 => Verdict::Closed,
            Some(n) if n > then => Verdict::Improved,
            Some(n) if n == then => Verdict::NotMoved,
            Some(_) => Verdict::Worse,
        };
        h.outcomes.push(Outcome {
            action: event.action.clone(),
            touchpoint: event.touchpoint.clone(),
            done: event.revision,
            then,
            now,
            verdict,
        });
    }
    h
}

/// Departments across journeys at one commit: each journey as of that
/// commit (its latest revision at or before it), departments matched by
/// id.
#[derive(Debug, Clone, PartialEq)]
pub struct Across {
    /// The commit's place in the shared list.
    pub at: usize,
    /// Each department's experience debt summed over the journeys, most
    /// indebted first (ties by id).
    pub departments: Vec<(String, i32)>,
    pub debt: i32,
}

/// Department debt across `journeys` after each commit that changed any
/// of them.
pub fn across(journeys: &[&History]) -> Vec<Across> {
    let mut ats: Vec<usize> = journeys
        .iter()
        .flat_map(|h| h.points.iter().map(|p| h.revisions[p.revision].at))
        .collect();
    ats.sort_unstable();
    ats.dedup();
    ats.into_iter()
        .map(|at| {
            let mut sums: HashMap<&str, i32> = HashMap::new();
            let mut debt = 0;
            for h in journeys {
                let Some(p) = h
                    .points
                    .iter()
                    .rev()
                    .find(|p| h.revisions[p.revision].at <= at)
                else {
                    continue;
                };
                debt += p.debt;
                for (d, v) in &p.departments {
                    *sums.entry(d.as_str()).or_insert(0) += v;
                }
            }
            let mut departments: Vec<(String, i32)> =
                sums.into_iter().map(|(d, v)| (d.to_owned(), v)).collect();
            departments.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
            Across {
                at,
                departments,
                debt,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_journey;

    fn journey(actual_a: u8, actual_b: u8, fix_a: &str, fix_b: &str) -> Journey {
        let text = format!(
            "schema = 1\ntitle = \"T\"\n[[stages]]\nid = \"s\"\nname = \"S\"\n\
[[departments]]\nid = \"ops\"\nname = \"Ops\"\n\
[[touchpoints]]\nid = \"a\"\nstage = \"s\"\nname = \"A\"\nowner = \"ops\"\nexpected = 4\nactual = {actual_a}\n\
[[touchpoints]]\nid = \"b\"\nstage = \"s\"\nname = \"B\"\nowner = \"ops\"\nexpected = 4\nactual = {actual_b}\n\
[[actions]]\nid = \"fix-a\"\ntouchpoint = \"a\"\ntitle = \"Fix A\"\nstatus = \"{fix_a}\"\n\
[[actions]]\nid = \"fix-b\"\ntouchpoint = \"b\"\ntitle = \"Fix B\"\nstatus = \"{fix_b}\"\n"
        );
        parse_journey(&text).journey.expect("parses")
    }

    fn revision(n: usize, journey: Result<Journey, String>) -> Revision {
        Revision {
            info: Commit {
                id: format!("c{n}"),
                date: format!("2026-01-0{n}"),
                subject: String::new(),
                at: n,
            },
            journey,
        }
    }

    #[test]
    fn gaps_closed_and_unmoved_after_their_actions() {
        let h = history(&[
            revision(1, Ok(journey(2, 3, "open", "open"))),
            revision(2, Ok(journey(2, 3, "done", "doing"))),
            revision(3, Err("3:1: invalid TOML".into())),
            revision(4, Ok(journey(4, 3, "done", "done"))),
            revision(5, Ok(journey(4, 3, "done", "done"))),
        ]);
        assert_eq!(h.points.len(), 4);
        assert_eq!(h.failed, [(2, "3:1: invalid TOML".to_owned())]);
        let debts: Vec<i32> = h.points.iter().map(|p| p.debt).collect();
        assert_eq!(debts, [-3, -3, -1, -1]);
        assert_eq!(h.points[0].departments, [("ops".to_owned(), -3)]);
        assert_eq!(h.gap_series("a"), [Some(-2), Some(-2), Some(0), Some(0)]);
        let outcomes: Vec<(&str, i8, Option<i8>, Verdict)> = h
            .outcomes
            .iter()
            .map(|o| (o.action.as_str(), o.then, o.now, o.verdict))
            .collect();
        assert_eq!(
            outcomes,
            [
                ("fix-a", -2, Some(0), Verdict::Closed),
                ("fix-b", -1, Some(-1), Verdict::NotMoved)
            ]
        );
        assert_eq!(h.closed_and_unmoved(), (1, 1));
        // Two actions added, fix-a done, fix-b doing, then done.
        assert_eq!(h.events.len(), 5);
        let twice = across(&[&h, &h]);
        assert_eq!(twice.len(), 4);
        assert_eq!(twice[0].departments, [("ops".to_owned(), -6)]);
        assert_eq!(twice[3].debt, -2);
    }
}
