//! Journeys and what they are made of: stages, departments, partners, touchpoints, actions.

use std::fmt;

use super::{
    ActionTarget, Economics, Emotion, Gap, GapClass, Id, JourneyState, MetricDef, MetricDetail,
    Persona, Score, Step,
};

/// Where an entry came from: the index of the `[[table]]` it was loaded from, or
/// nothing for an entry created since. The store uses it to edit that table in
/// place, so an entry keeps its comments through renames and moves.
///
/// It is identity, not content: two origins always compare equal, so a journey
/// equals its own reloaded copy.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin(Option<usize>);

impl Origin {
    pub const NEW: Origin = Origin(None);

    pub fn loaded(index: usize) -> Self {
        Self(Some(index))
    }

    pub fn index(self) -> Option<usize> {
        self.0
    }
}

impl PartialEq for Origin {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// One customer corridor for one persona.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journey {
    pub schema: i64,
    pub title: String,
    pub persona: Option<Persona>,
    pub promise: Option<String>,
    pub description: Option<String>,
    /// Value-at-stake assumptions; without them no money figures.
    pub economics: Option<Economics>,
    /// Whether the journey maps the corridor as it is or as it will be.
    pub state: Option<JourneyState>,
    /// The journey this one is compared against, as a path relative to it.
    pub baseline: Option<String>,
    pub stages: Vec<Stage>,
    pub departments: Vec<Department>,
    pub partners: Vec<Partner>,
    /// Metric definitions (`[[metrics]]`).
    pub metrics: Vec<MetricDef>,
    pub touchpoints: Vec<Touchpoint>,
    pub actions: Vec<Action>,
    /// Service-blueprint steps behind the touchpoints.
    pub steps: Vec<Step>,
}

impl Journey {
    pub const SCHEMA: i64 = 1;

    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    pub fn department(&self, id: &Id) -> Option<&Department> {
        self.departments.iter().find(|d| &d.id == id)
    }

    pub fn partner(&self, id: &Id) -> Option<&Partner> {
        self.partners.iter().find(|p| &p.id == id)
    }

    /// The definition of metric `id`.
    pub fn metric(&self, id: &str) -> Option<&MetricDef> {
        self.metrics.iter().find(|m| m.id.as_str() == id)
    }

    pub fn touchpoint(&self, id: &str) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id.as_str() == id)
    }

    pub fn touchpoint_mut(&mut self, id: &str) -> Option<&mut Touchpoint> {
        self.touchpoints.iter_mut().find(|t| t.id.as_str() == id)
    }

    /// Touchpoints in corridor order: by stage order, then by file order within
    /// a stage. Touchpoints of unknown stages come last.
    pub fn corridor(&self) -> Vec<&Touchpoint> {
        self.corridor_indices()
            .into_iter()
            .map(|i| &self.touchpoints[i])
            .collect()
    }

    /// Indices into `touchpoints`, in corridor order.
    pub fn corridor_indices(&self) -> Vec<usize> {
        let stage_rank: std::collections::HashMap<&Id, usize> = self
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        let mut order: Vec<(usize, usize)> = self
            .touchpoints
            .iter()
            .enumerate()
            .map(|(i, t)| (stage_rank.get(&t.stage).copied().unwrap_or(usize::MAX), i))
            .collect();
        order.sort_unstable();
        order.into_iter().map(|(_, i)| i).collect()
    }

    /// The blueprint steps behind a touchpoint, in file order.
    pub fn steps_for<'a>(&'a self, touchpoint: &'a Id) -> impl Iterator<Item = &'a Step> {
        self.steps
            .iter()
            .filter(move |s| &s.touchpoint == touchpoint)
    }

    /// The actions linked to a touchpoint.
    pub fn actions_for<'a>(&'a self, touchpoint: &'a Id) -> impl Iterator<Item = &'a Action> {
        self.actions
            .iter()
            .filter(move |a| &a.touchpoint == touchpoint)
    }
}

/// A phase of the buying cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    Buy,
    Own,
    Advocate,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Buy, Phase::Own, Phase::Advocate];

    pub fn name(self) -> &'static str {
        match self {
            Phase::Buy => "buy",
            Phase::Own => "own",
            Phase::Advocate => "advocate",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == text)
    }
}

/// An ordered phase of the corridor.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub origin: Origin,
    pub id: Id,
    pub name: String,
    pub phase: Option<Phase>,
}

/// A department accountable for touchpoints.
#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    pub origin: Origin,
    pub id: Id,
    pub name: String,
    pub lead: Option<String>,
}

/// A third party that delivers touchpoints on the company's behalf.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    pub origin: Origin,
    pub id: Id,
    pub name: String,
    pub role: Option<String>,
}

/// One named number measured at a touchpoint: `csat = 3.1`, or with its
/// details `csat = { value = 3.1, n = 212 }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub name: String,
    pub value: f64,
    /// `Some` when written as an inline table (kept in that form).
    pub detail: Option<Box<MetricDetail>>,
}

impl Metric {
    /// A plain number.
    pub fn new(name: impl Into<String>, value: f64) -> Self {
        Self {
            name: name.into(),
            value,
            detail: None,
        }
    }
}

/// One interaction at one stage through one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Touchpoint {
    pub origin: Origin,
    pub id: Id,
    pub stage: Id,
    pub name: String,
    pub channel: Option<String>,
    pub owner: Option<Id>,
    pub partner: Option<Id>,
    pub moment_of_truth: bool,
    pub expectation: Option<String>,
    pub expected: Option<Score>,
    pub experience: Option<String>,
    pub actual: Option<Score>,
    pub emotion: Option<Emotion>,
    pub evidence: Vec<String>,
    pub metrics: Vec<Metric>,
    pub notes: Option<String>,
    /// Customers passing per period.
    pub volume: Option<u64>,
}

impl Touchpoint {
    /// A touchpoint with only its required fields set.
    pub fn new(id: Id, stage: Id, name: impl Into<String>) -> Self {
        Self {
            origin: Origin::NEW,
            id,
            stage,
            name: name.into(),
            channel: None,
            owner: None,
            partner: None,
            moment_of_truth: false,
            expectation: None,
            expected: None,
            experience: None,
            actual: None,
            emotion: None,
            evidence: Vec::new(),
            metrics: Vec::new(),
            notes: None,
            volume: None,
        }
    }

    /// actual - expected, when both are scored.
    pub fn gap(&self) -> Option<Gap> {
        Some(Gap::between(self.expected?, self.actual?))
    }

    pub fn gap_class(&self) -> GapClass {
        self.gap().map_or(GapClass::Unscored, Gap::class)
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ActionStatus {
    #[default]
    Open,
    Doing,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] =
        [ActionStatus::Open, ActionStatus::Doing, ActionStatus::Done];

    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Doing => "doing",
            ActionStatus::Done => "done",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == text)
    }

    /// Open and doing actions still have work left.
    pub fn is_open(self) -> bool {
        self != ActionStatus::Done
    }
}

/// A calendar date (`due = 2026-12-15`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date when the day exists in that month.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        if text.len() != 10
            || !text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            })
        {
            return None;
        }
        let mut parts = text.splitn(3, '-');
        let year = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
        let month = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        let day = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        Self::new(year, month, day)
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian
    /// calendar.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, when its year fits (0..=9999).
    pub fn from_days(days: i64) -> Option<Self> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        if !(0..=9999).contains(&year) {
            return None;
        }
        Self::new(year as u16, month as u8, day as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A piece of work that closes a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub origin: Origin,
    pub id: Id,
    pub touchpoint: Id,
    pub title: String,
    pub owner: Option<Id>,
    pub status: ActionStatus,
    pub due: Option<Date>,
    /// The metric it should move and the value it aims for.
    pub target: Option<ActionTarget>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse("2026-12-15").map(|d| d.to_string()),
            Some("2026-12-15".into())
        );
        assert_eq!(Date::parse("2026-02-29"), None);
        assert!(Date::parse("2028-02-29").is_some());
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("26-1-1"), None);
        assert_eq!(Date::parse("+026-02-03"), None);
        assert_eq!(Date::parse("2026-+1-+5"), None);
    }

    #[test]
    fn days_round_trip() {
        let day = |s| Date::parse(s).expect("date");
        assert_eq!(day("1970-01-01").days(), 0);
        assert_eq!(day("2026-11-30").days(), 20_787);
        assert_eq!(day("2026-12-15").days() - day("2026-11-30").days(), 15);
        assert_eq!(day("2028-03-01").days() - day("2028-02-28").days(), 2);
        for n in [-1000, 0, 59, 60, 11_016, 20_787, 2_932_896] {
            let date = Date::from_days(n).expect("in range");
            assert_eq!(date.days(), n, "{date}");
        }
        assert_eq!(
            Date::from_days(0).map(|d| d.to_string()),
            Some("1970-01-01".into())
        );
    }
}

/// The kinds of entries a journey lists, in the order the file format names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Stage,
    Department,
    Partner,
    /// A metric definition (`[[metrics]]`; not a touchpoint's `metrics`).
    MetricDef,
    Touchpoint,
    Action,
    Step,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Stage,
        Kind::Department,
        Kind::Partner,
        Kind::MetricDef,
        Kind::Touchpoint,
        Kind::Action,
        Kind::Step,
    ];

    /// The array-of-tables key in the file: `stages`, `touchpoints`...
    pub fn key(self) -> &'static str {
        match self {
            Kind::Stage => "stages",
            Kind::Department => "departments",
            Kind::Partner => "partners",
            Kind::MetricDef => "metrics",
            Kind::Touchpoint => "touchpoints",
            Kind::Action => "actions",
            Kind::Step => "steps",
        }
    }

    /// The word for one entry: `stage`, `touchpoint`...
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Stage => "stage",
            Kind::Department => "department",
            Kind::Partner => "partner",
            Kind::MetricDef => "metric",
            Kind::Touchpoint => "touchpoint",
            Kind::Action => "action",
            Kind::Step => "step",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.noun() == text || k.key() == text)
    }
}
