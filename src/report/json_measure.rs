//! The JSON of what a journey measures: metric definitions, economics and
//! action targets in the model; each metric value against its target and
//! the value at stake (with its assumptions and formula) among the figures.

use serde::Serialize;

use crate::analysis::economics::value_at_stake;
use crate::analysis::figures;
use crate::analysis::metrics::standings;
use crate::model::{ActionTarget, Economics, Journey, MetricDef};

/// A number JSON can hold (TOML allows `nan` and `inf`).
fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

#[derive(Serialize)]
pub struct MetricDefJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: Option<&'static str>,
    scale: Option<[Option<f64>; 2]>,
    unit: Option<&'a str>,
    better: &'static str,
    target: Option<f64>,
    question: Option<&'a str>,
}

pub fn metric_def(m: &MetricDef) -> MetricDefJson<'_> {
    MetricDefJson {
        id: m.id.as_str(),
        name: &m.name,
        kind: m.kind.map(|k| k.name()),
        scale: m.scale.map(|s| [finite(s.min), finite(s.max)]),
        unit: m.unit.as_deref(),
        better: m.direction().name(),
        target: m.target.and_then(finite),
        question: m.question.as_deref(),
    }
}

#[derive(Serialize)]
pub struct ChurnJson {
    critical: Option<f64>,
    shortfall: Option<f64>,
}

#[derive(Serialize)]
pub struct EconomicsJson<'a> {
    currency: &'a str,
    value_per_customer: Option<f64>,
    churn: ChurnJson,
}

pub fn economics(e: &Economics) -> EconomicsJson<'_> {
    EconomicsJson {
        currency: &e.currency,
        value_per_customer: finite(e.value_per_customer),
        churn: ChurnJson {
            critical: finite(e.churn.critical),
            shortfall: finite(e.churn.shortfall),
        },
    }
}

#[derive(Serialize)]
pub struct TargetJson<'a> {
    metric: &'a str,
    value: Option<f64>,
}

pub fn target(t: &ActionTarget) -> TargetJson<'_> {
    TargetJson {
        metric: &t.metric,
        value: finite(t.value),
    }
}

#[derive(Serialize)]
pub struct StandingJson<'a> {
    touchpoint: &'a str,
    metric: &'a str,
    value: Option<f64>,
    n: Option<u64>,
    period: Option<&'a str>,
    source: Option<&'a str>,
    target: Option<f64>,
    vs_target: Option<f64>,
    met: Option<bool>,
}

/// Every metric value of every touchpoint, in corridor order.
pub fn standings_json(journey: &Journey) -> Vec<StandingJson<'_>> {
    journey
        .corridor()
        .into_iter()
        .flat_map(|t| {
            standings(journey, &t.metrics).into_iter().map(move |s| {
                let detail = s.metric.detail.as_ref();
                StandingJson {
                    touchpoint: t.id.as_str(),
                    metric: &s.metric.name,
                    value: finite(s.metric.value),
                    n: detail.and_then(|d| d.n),
                    period: detail.and_then(|d| d.period.as_deref()),
                    source: detail.and_then(|d| d.source.as_deref()),
                    target: s.target.and_then(finite),
                    vs_target: s.versus.and_then(finite),
                    met: s.met(),
                }
            })
        })
        .collect()
}

#[derive(Serialize)]
pub struct AtStakeJson<'a> {
    touchpoint: &'a str,
    class: &'static str,
    volume: u64,
    churn: Option<f64>,
    value_at_stake: Option<f64>,
}

#[derive(Serialize)]
pub struct GroupStakeJson<'a> {
    id: Option<&'a str>,
    value_at_stake: Option<f64>,
}

#[derive(Serialize)]
pub struct ValueAtStakeJson<'a> {
    formula: &'static str,
    assumptions: EconomicsJson<'a>,
    total: Option<f64>,
    without_volume: usize,
    touchpoints: Vec<AtStakeJson<'a>>,
    departments: Vec<GroupStakeJson<'a>>,
    partners: Vec<GroupStakeJson<'a>>,
}

/// The value at stake, or `None` without `[economics]`.
pub fn value_at_stake_json(journey: &Journey) -> Option<ValueAtStakeJson<'_>> {
    let v = value_at_stake(journey)?;
    Some(ValueAtStakeJson {
        formula: figures::VALUE_AT_STAKE.formula,
        assumptions: economics(v.economics),
        total: finite(v.total),
        without_volume: v.without_volume,
        touchpoints: v
            .touchpoints
            .iter()
            .map(|t| AtStakeJson {
                touchpoint: t.touchpoint.id.as_str(),
                class: t.class.name(),
                volume: t.volume,
                churn: finite(t.churn),
                value_at_stake: finite(t.value),
            })
            .collect(),
        departments: v
            .departments
            .iter()
            .map(|(d, value)| GroupStakeJson {
                id: d.map(|d| d.as_str()),
                value_at_stake: finite(*value),
            })
            .collect(),
        partners: v
            .partners
            .iter()
            .map(|(p, value)| GroupStakeJson {
                id: Some(p.as_str()),
                value_at_stake: finite(*value),
            })
            .collect(),
    })
}
