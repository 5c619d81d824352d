//! What a journey measures: metric definitions (`[[metrics]]`) with their
//! scale and target, the details a measured value may carry, the target an
//! action aims for, and the economics (`[economics]`) that turn gaps into
//! money.

use std::fmt;

use super::{Id, Origin};

/// What a metric counts, which decides how survey answers aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetricKind {
    Csat,
    Ces,
    Nps,
    Rate,
    Count,
    Duration,
    Custom,
}

impl MetricKind {
    pub const ALL: [MetricKind; 7] = [
        MetricKind::Csat,
        MetricKind::Ces,
        MetricKind::Nps,
        MetricKind::Rate,
        MetricKind::Count,
        MetricKind::Duration,
        MetricKind::Custom,
    ];

    /// The names as written, in the order forms step through them.
    pub const NAMES: [&'static str; 7] =
        ["csat", "ces", "nps", "rate", "count", "duration", "custom"];

    pub fn name(self) -> &'static str {
        match self {
            MetricKind::Csat => "csat",
            MetricKind::Ces => "ces",
            MetricKind::Nps => "nps",
            MetricKind::Rate => "rate",
            MetricKind::Count => "count",
            MetricKind::Duration => "duration",
            MetricKind::Custom => "custom",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == text)
    }
}

/// Which way a metric improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

impl Better {
    pub fn name(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "higher" => Some(Better::Higher),
            "lower" => Some(Better::Lower),
            _ => None,
        }
    }
}

/// The range answers and values of a metric lie in: `[1, 5]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
}

impl Scale {
    /// The points an NPS is given in.
    pub const NPS: Scale = Scale {
        min: -100.0,
        max: 100.0,
    };

    pub fn contains(self, value: f64) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}, {}]", number(self.min), number(self.max))
    }
}

/// A number as people write it: no `.0` on whole numbers.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// A metric declared once (`[[metrics]]`) and used by touchpoints under
/// its id.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricDef {
    pub origin: Origin,
    pub id: Id,
    pub name: String,
    pub kind: Option<MetricKind>,
    pub scale: Option<Scale>,
    pub unit: Option<String>,
    pub better: Option<Better>,
    pub target: Option<f64>,
    /// The survey wording.
    pub question: Option<String>,
}

impl MetricDef {
    /// A definition with only its required fields set.
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Self {
            origin: Origin::NEW,
            id,
            name: name.into(),
            kind: None,
            scale: None,
            unit: None,
            better: None,
            target: None,
            question: None,
        }
    }

    /// The scale values must lie in: the declared one, else -100..100 for
    /// an NPS.
    pub fn effective_scale(&self) -> Option<Scale> {
        self.scale
            .or((self.kind == Some(MetricKind::Nps)).then_some(Scale::NPS))
    }

    /// Which way is better: as declared, else lower for effort (CES) and
    /// durations, higher for the rest.
    pub fn direction(&self) -> Better {
        self.better.unwrap_or(match self.kind {
            Some(MetricKind::Ces | MetricKind::Duration) => Better::Lower,
            _ => Better::Higher,
        })
    }
}

/// What a measured value may say about itself besides the number:
/// `{ value = 4.1, n = 212, period = "2026-Q3", source = "post-visit survey" }`.
/// A value with details is written as an inline table; one without as a
/// plain number.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MetricDetail {
    /// How many responses the value is made of.
    pub n: Option<u64>,
    pub period: Option<String>,
    pub source: Option<String>,
    /// The scale this touchpoint's survey used, when it differs from the
    /// definition's.
    pub scale: Option<Scale>,
    /// The wording this touchpoint's survey used, when it differs.
    pub question: Option<String>,
}

/// The metric an action should move, and the value it aims for.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionTarget {
    pub metric: String,
    pub value: f64,
}

impl fmt::Display for ActionTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.metric, number(self.value))
    }
}

/// The share of customers lost after a touchpoint of each class.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Churn {
    pub critical: f64,
    pub shortfall: f64,
}

/// The assumptions that turn gaps into money (`[economics]`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Economics {
    /// `EUR`, `USD`...
    pub currency: String,
    /// What one customer is worth to the company.
    pub value_per_customer: f64,
    pub churn: Churn,
}

impl fmt::Display for Economics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} per customer, churn critical {} shortfall {}",
            self.currency,
            number(self.value_per_customer),
            number(self.churn.critical),
            number(self.churn.shortfall)
        )
    }
}
