//! Metrics against their definitions: where a touchpoint's value stands
//! against its metric's target (met or missed, and by how much), values
//! outside their scale, and metrics asked differently at different stages.

use std::collections::HashMap;

use crate::model::{Better, Finding, Journey, Kind, Locus, Metric, MetricDef, Scale, number};

/// Where one measured value stands against its metric's target.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing<'a> {
    pub metric: &'a Metric,
    /// The definition, when the journey declares one.
    pub def: Option<&'a MetricDef>,
    /// The target, when the definition gives one.
    pub target: Option<f64>,
    /// How far the value is on the good side of the target (negative: short
    /// of it), in the metric's unit: value - target when higher is better,
    /// target - value when lower is.
    pub versus: Option<f64>,
}

impl Standing<'_> {
    /// Met (`Some(true)`), missed (`Some(false)`) or no target (`None`).
    pub fn met(&self) -> Option<bool> {
        self.versus.map(|v| v >= -1e-9)
    }

    /// `met (+0.2)`, `missed by 0.24`, or empty without a target.
    pub fn verdict(&self) -> String {
        verdict(self.versus)
    }
}

/// `met (+0.2)` or `missed by 0.24` for a distance to target; empty
/// without one.
pub fn verdict(versus: Option<f64>) -> String {
    match versus {
        Some(v) if v >= -1e-9 => format!("met ({})", signed(v)),
        Some(v) => format!("missed by {}", short(-v)),
        None => String::new(),
    }
}

/// A number with at most two decimals, no trailing zeros.
pub fn short(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    number(if rounded == 0.0 { 0.0 } else { rounded })
}

fn signed(value: f64) -> String {
    let text = short(value);
    if text.starts_with('-') || text == "0" {
        text
    } else {
        format!("+{text}")
    }
}

/// `value - target` on the good side, by the metric's direction.
pub fn versus(value: f64, target: f64, better: Better) -> f64 {
    match better {
        Better::Higher => value - target,
        Better::Lower => target - value,
    }
}

/// Each metric value of a touchpoint against its target, in file order.
pub fn standings<'a>(journey: &'a Journey, metrics: &'a [Metric]) -> Vec<Standing<'a>> {
    metrics
        .iter()
        .map(|metric| {
            let def = journey.metric(&metric.name);
            let target = def.and_then(|d| d.target);
            let versus = def
                .zip(target)
                .map(|(d, t)| versus(metric.value, t, d.direction()));
            Standing {
                metric,
                def,
                target,
                versus,
            }
        })
        .collect()
}

/// The scale a value at one touchpoint is measured on: its own, else its
/// definition's.
fn scale_of(metric: &Metric, def: Option<&MetricDef>) -> Option<Scale> {
    metric
        .detail
        .as_ref()
        .and_then(|d| d.scale)
        .or_else(|| def?.effective_scale())
}

fn question_of<'a>(metric: &'a Metric, def: Option<&'a MetricDef>) -> Option<&'a str> {
    metric
        .detail
        .as_ref()
        .and_then(|d| d.question.as_deref())
        .or_else(|| def?.question.as_deref())
}

/// Values outside their scale (errors), targets outside their metric's
/// scale (errors), action targets naming no metric the journey knows
/// (warnings), and a metric asked with another scale or question at
/// another stage (warnings).
pub fn findings(journey: &Journey) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, def) in journey.metrics.iter().enumerate() {
        if let (Some(scale), Some(target)) = (def.effective_scale(), def.target)
            && !scale.contains(target)
        {
            out.push(Finding::error(
                Finding::at(Kind::MetricDef, i, "target"),
                format!(
                    "target {} of metric `{}` is outside its scale {scale}",
                    number(target),
                    def.id
                ),
            ));
        }
    }
    // The first use of each metric: (stage, scale, question).
    let mut first: HashMap<&str, (&str, Option<Scale>, Option<&str>)> = HashMap::new();
    for index in journey.corridor_indices() {
        let t = &journey.touchpoints[index];
        for metric in &t.metrics {
            let def = journey.metric(&metric.name);
            let scale = scale_of(metric, def);
            if let Some(scale) = scale.filter(|s| !s.contains(metric.value)) {
                out.push(Finding::error(
                    Locus::Metric {
                        index,
                        name: metric.name.clone(),
                    },
                    format!(
                        "metric `{}` = {} at `{}` is outside its scale {scale}",
                        metric.name,
                        number(metric.value),
                        t.id
                    ),
                ));
            }
            let question = question_of(metric, def);
            let here = (t.stage.as_str(), scale, question);
            let Some(&(stage, s, q)) = first.get(metric.name.as_str()) else {
                first.insert(&metric.name, here);
                continue;
            };
            if stage == here.0 {
                continue;
            }
            let mut differs = Vec::new();
            if s != scale {
                let shown = |s: Option<Scale>| s.map_or("none".to_owned(), |s| s.to_string());
                differs.push(format!(
                    "uses scale {} where stage `{stage}` used {}",
                    shown(scale),
                    shown(s)
                ));
            }
            if q != question {
                differs.push(format!("asks another question than stage `{stage}`"));
            }
            if !differs.is_empty() {
                out.push(Finding::warning(
                    Locus::Metric {
                        index,
                        name: metric.name.clone(),
                    },
                    format!(
                        "metric `{}` at stage `{}` {}: ask the same question on the same scale at every stage",
                        metric.name,
                        t.stage,
                        differs.join(" and ")
                    ),
                ));
            }
        }
    }
    for (i, action) in journey.actions.iter().enumerate() {
        let Some(target) = &action.target else {
            continue;
        };
        let used = journey
            .touchpoints
            .iter()
            .any(|t| t.metrics.iter().any(|m| m.name == target.metric));
        match journey.metric(&target.metric) {
            None if !used => out.push(Finding::warning(
                Finding::at(Kind::Action, i, "target"),
                format!(
                    "action `{}` targets metric `{}`, which no [[metrics]] table declares and no touchpoint measures",
                    action.id, target.metric
                ),
            )),
            Some(def) => {
                if let Some(scale) = def.effective_scale().filter(|s| !s.contains(target.value)) {
                    out.push(Finding::error(
                        Finding::at(Kind::Action, i, "target"),
                        format!(
                            "action `{}` aims for {} = {}, outside its scale {scale}",
                            action.id,
                            target.metric,
                            number(target.value)
                        ),
                    ));
                }
            }
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, MetricDetail, MetricKind, Stage, Touchpoint};

    fn journey() -> Journey {
        let id = |s: &str| Id::new(s).expect("id");
        let mut csat = MetricDef::new(id("csat"), "Satisfaction");
        csat.kind = Some(MetricKind::Csat);
        csat.scale = Some(Scale { min: 1.0, max: 5.0 });
        csat.target = Some(4.0);
        let mut wait = MetricDef::new(id("wait"), "Wait");
        wait.kind = Some(MetricKind::Duration);
        wait.target = Some(10.0);
        let stage = |s: &str| Stage {
            origin: Default::default(),
            id: id(s),
            name: s.into(),
            phase: None,
        };
        let mut a = Touchpoint::new(id("a"), id("one"), "A");
        a.metrics = vec![Metric::new("csat", 4.2), Metric::new("wait", 14.0)];
        let mut b = Touchpoint::new(id("b"), id("two"), "B");
        b.metrics = vec![Metric::new("csat", 3.5)];
        Journey {
            stages: vec![stage("one"), stage("two")],
            metrics: vec![csat, wait],
            touchpoints: vec![a, b],
            ..Journey::default()
        }
    }

    #[test]
    fn standings_follow_the_direction() {
        let j = journey();
        let a = standings(&j, &j.touchpoints[0].metrics);
        assert_eq!(a[0].met(), Some(true));
        assert_eq!(a[0].verdict(), "met (+0.2)");
        // Durations are better lower: 14 against 10 misses by 4.
        assert_eq!(a[1].versus, Some(-4.0));
        assert_eq!(a[1].verdict(), "missed by 4");
        let b = standings(&j, &j.touchpoints[1].metrics);
        assert_eq!(b[0].verdict(), "missed by 0.5");
    }

    #[test]
    fn out_of_scale_and_inconsistent_uses() {
        let mut j = journey();
        assert!(findings(&j).is_empty());
        j.touchpoints[1].metrics[0].value = 6.0;
        j.touchpoints[1].metrics[0].detail = Some(Box::new(MetricDetail {
            scale: Some(Scale { min: 1.0, max: 7.0 }),
            ..MetricDetail::default()
        }));
        let found = findings(&j);
        // 6 is inside the 1..7 scale this stage used, but that scale differs.
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .contains("uses scale [1, 7] where stage `one` used [1, 5]")
        );
        j.touchpoints[1].metrics[0].detail = None;
        let found = findings(&j);
        assert_eq!(
            found[0].message,
            "metric `csat` = 6 at `b` is outside its scale [1, 5]"
        );
        assert_eq!(
            found[0].locus,
            Locus::Metric {
                index: 1,
                name: "csat".into()
            }
        );
    }
}
