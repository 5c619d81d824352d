//! Value at stake: what the customers lost after each disappointing
//! touchpoint are worth, from the journey's own `[economics]` assumptions
//! and each touchpoint's `volume`. Without `[economics]` there is none.

use std::collections::HashMap;

use crate::model::{Economics, GapClass, Id, Journey, Touchpoint};

/// One touchpoint's value at stake.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AtStake<'a> {
    pub touchpoint: &'a Touchpoint,
    /// Index in `journey.touchpoints`.
    pub index: usize,
    pub class: GapClass,
    pub volume: u64,
    /// The churn share of its class (0 for met, exceeded and unscored).
    pub churn: f64,
    /// volume x churn x value per customer.
    pub value: f64,
}

/// The value at stake of a journey, ranked and grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAtStake<'a> {
    pub economics: &'a Economics,
    /// Touchpoints with a volume and a value above 0, highest first (ties
    /// in corridor order).
    pub touchpoints: Vec<AtStake<'a>>,
    /// Departments (`None`: unowned), highest first.
    pub departments: Vec<(Option<&'a Id>, f64)>,
    /// Partners, highest first.
    pub partners: Vec<(&'a Id, f64)>,
    pub total: f64,
    /// Touchpoints below expectation without a volume: their value is not
    /// counted, and the total is a floor.
    pub without_volume: usize,
}

/// The churn share for a gap class.
pub fn churn(economics: &Economics, class: GapClass) -> f64 {
    match class {
        GapClass::Critical => economics.churn.critical,
        GapClass::Shortfall => economics.churn.shortfall,
        _ => 0.0,
    }
}

/// volume x churn share of its class x value per customer; `None` without
/// `[economics]` or a volume.
pub fn at_stake(economics: &Economics, touchpoint: &Touchpoint) -> Option<f64> {
    let volume = touchpoint.volume? as f64;
    Some(volume * churn(economics, touchpoint.gap_class()) * economics.value_per_customer)
}

fn ranked<K: Clone + Eq + std::hash::Hash>(order: Vec<K>, sums: &HashMap<K, f64>) -> Vec<(K, f64)> {
    let mut out: Vec<(K, f64)> = order
        .into_iter()
        .map(|k| {
            let v = sums.get(&k).copied().unwrap_or(0.0);
            (k, v)
        })
        .collect();
    // Stable: equal values keep corridor order.
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// The journey's value at stake, or `None` without `[economics]`.
pub fn value_at_stake(journey: &Journey) -> Option<ValueAtStake<'_>> {
    let economics = journey.economics.as_ref()?;
    let mut touchpoints = Vec::new();
    let mut without_volume = 0;
    let (mut departments, mut partners) = (HashMap::new(), HashMap::new());
    let (mut department_order, mut partner_order) = (Vec::new(), Vec::new());
    for index in journey.corridor_indices() {
        let t = &journey.touchpoints[index];
        let class = t.gap_class();
        let share = churn(economics, class);
        let Some(volume) = t.volume else {
            without_volume += usize::from(share > 0.0);
            continue;
        };
        let value = volume as f64 * share * economics.value_per_customer;
        if value <= 0.0 {
            continue;
        }
        touchpoints.push(AtStake {
            touchpoint: t,
            index,
            class,
            volume,
            churn: share,
            value,
        });
        let owner = t.owner.as_ref();
        if !departments.contains_key(&owner) {
            department_order.push(owner);
        }
        *departments.entry(owner).or_insert(0.0) += value;
        if let Some(p) = &t.partner {
            if !partners.contains_key(p) {
                partner_order.push(p);
            }
            *partners.entry(p).or_insert(0.0) += value;
        }
    }
    touchpoints.sort_by(|a, b| b.value.total_cmp(&a.value));
    let total = touchpoints.iter().map(|t| t.value).sum();
    Some(ValueAtStake {
        economics,
        departments: ranked(department_order, &departments),
        partners: ranked(partner_order, &partners),
        touchpoints,
        total,
        without_volume,
    })
}

/// An amount in a currency, whole units with thousands separated:
/// `EUR 24,000`.
pub fn money(currency: &str, value: f64) -> String {
    let whole = value.round().abs() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    let sign = if value.round() < 0.0 { "-" } else { "" };
    format!("{currency} {sign}{out}")
}

/// The assumptions behind every value-at-stake figure, in one line.
pub fn basis(economics: &Economics) -> String {
    format!(
        "value at stake = volume x churn share of the touchpoint's class x value per customer; \
         assumed: {} per customer, {}% of customers lost after a critical touchpoint, {}% after a shortfall",
        money(&economics.currency, economics.value_per_customer),
        crate::model::number((economics.churn.critical * 1000.0).round() / 10.0),
        crate::model::number((economics.churn.shortfall * 1000.0).round() / 10.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Churn, Score};

    fn tp(id: &str, owner: &str, expected: i64, actual: i64, volume: Option<u64>) -> Touchpoint {
        let new = |s: &str| Id::new(s).expect("id");
        let mut t = Touchpoint::new(new(id), new("s"), id);
        t.owner = Some(new(owner));
        t.expected = Score::new(expected).ok();
        t.actual = Score::new(actual).ok();
        t.volume = volume;
        t
    }

    #[test]
    fn volume_times_churn_times_value_per_customer() {
        let mut j = Journey {
            touchpoints: vec![
                // critical: 800 x 0.3 x 1000 = 240,000
                tp("visit", "field", 5, 2, Some(800)),
                // shortfall: 780 x 0.1 x 1000 = 78,000
                tp("bill", "sales", 4, 3, Some(780)),
                // met: nothing at stake
                tp("order", "sales", 4, 4, Some(1200)),
                // critical without a volume: not counted, but noted
                tp("call", "sales", 4, 1, None),
            ],
            ..Journey::default()
        };
        assert_eq!(value_at_stake(&j), None);
        j.economics = Some(Economics {
            currency: "EUR".into(),
            value_per_customer: 1000.0,
            churn: Churn {
                critical: 0.3,
                shortfall: 0.1,
            },
        });
        let v = value_at_stake(&j).expect("economics");
        let values: Vec<(&str, f64)> = v
            .touchpoints
            .iter()
            .map(|t| (t.touchpoint.id.as_str(), t.value.round()))
            .collect();
        assert_eq!(values, [("visit", 240_000.0), ("bill", 78_000.0)]);
        assert_eq!(v.total.round(), 318_000.0);
        let departments: Vec<(Option<&str>, f64)> = v
            .departments
            .iter()
            .map(|(d, value)| (d.map(Id::as_str), value.round()))
            .collect();
        assert_eq!(
            departments,
            [(Some("field"), 240_000.0), (Some("sales"), 78_000.0)]
        );
        assert_eq!(v.without_volume, 1);
        assert_eq!(money("EUR", 318_000.0), "EUR 318,000");
        assert!(basis(v.economics).contains("30% of customers lost after a critical"));
    }
}
