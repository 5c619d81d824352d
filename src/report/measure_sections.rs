//! The report sections of what a journey measures: each touchpoint's
//! metrics against their targets and, with `[economics]`, the value at
//! stake (its assumptions first, then by touchpoint, department, partner,
//! and the open roadmap ranked by it).

use super::sections::Section;
use super::summary::{owner_name, partner_name};
use super::table::{Align, Table};
use crate::analysis::economics::{ValueAtStake, money, value_at_stake};
use crate::analysis::figures;
use crate::analysis::metrics::{short, standings};
use crate::model::{Journey, number};

const L: Align = Align::Left;
const R: Align = Align::Right;

fn section(title: &'static str, table: Table, empty: &'static str) -> Section {
    Section {
        title,
        table,
        empty,
        note: None,
    }
}

/// The metrics section, and the value-at-stake sections when the journey
/// declares `[economics]`; nothing for a journey that measures nothing.
pub fn sections(journey: &Journey) -> Vec<Section> {
    let mut out = Vec::new();
    let table = metrics(journey);
    if !table.is_empty() || !journey.metrics.is_empty() {
        out.push(Section {
            note: Some(figures::VS_TARGET.formula),
            ..section(
                "Metrics against targets",
                table,
                "No touchpoint has measured values yet.",
            )
        });
    }
    if let Some(v) = value_at_stake(journey) {
        out.extend(value_sections(journey, &v));
    }
    out
}

fn metrics(journey: &Journey) -> Table {
    let mut table = Table::new(&[
        ("Touchpoint", L),
        ("Metric", L),
        ("Value", R),
        ("n", R),
        ("Period", L),
        ("Target", R),
        (figures::VS_TARGET.label, L),
    ]);
    for t in journey.corridor() {
        for s in standings(journey, &t.metrics) {
            let detail = s.metric.detail.as_ref();
            let unit = s.def.and_then(|d| d.unit.as_deref()).unwrap_or("");
            let value = format!("{} {unit}", number(s.metric.value));
            table.row(vec![
                t.name.clone(),
                s.def.map_or(s.metric.name.clone(), |d| d.name.clone()),
                value.trim_end().to_owned(),
                detail
                    .and_then(|d| d.n)
                    .map_or(String::new(), |n| n.to_string()),
                detail.and_then(|d| d.period.clone()).unwrap_or_default(),
                s.target.map_or(String::new(), short),
                s.verdict(),
            ]);
            if let Some(met) = s.met() {
                let class = if met {
                    crate::model::GapClass::Met
                } else {
                    crate::model::GapClass::Shortfall
                };
                table.tone(6, class);
            }
        }
    }
    table
}

fn value_sections(journey: &Journey, v: &ValueAtStake<'_>) -> Vec<Section> {
    let e = v.economics;
    let cur = e.currency.as_str();
    let mut assumptions = Table::new(&[("Assumption", L), ("Value", R)]);
    for (label, value) in [
        ("Value per customer", money(cur, e.value_per_customer)),
        (
            "Share lost after a critical touchpoint",
            number(e.churn.critical),
        ),
        (
            "Share lost after a shortfall touchpoint",
            number(e.churn.shortfall),
        ),
        (
            "Below expectation without a volume (not counted)",
            v.without_volume.to_string(),
        ),
        ("Journey total", money(cur, v.total)),
    ] {
        assumptions.row(vec![label.to_owned(), value]);
    }
    let mut by_touchpoint = Table::new(&[
        ("Touchpoint", L),
        ("Class", L),
        ("Volume", R),
        ("Churn", R),
        (figures::VALUE_AT_STAKE.label, R),
    ]);
    for t in &v.touchpoints {
        by_touchpoint.row(vec![
            t.touchpoint.name.clone(),
            t.class.name().to_owned(),
            t.volume.to_string(),
            number(t.churn),
            money(cur, t.value),
        ]);
        by_touchpoint.tone(1, t.class);
    }
    let mut groups = Table::new(&[
        ("Group", L),
        ("Name", L),
        (figures::VALUE_AT_STAKE.label, R),
    ]);
    for (d, value) in &v.departments {
        groups.row(vec![
            "department".into(),
            owner_name(journey, *d).unwrap_or("unowned").to_owned(),
            money(cur, *value),
        ]);
    }
    for (p, value) in &v.partners {
        groups.row(vec![
            "partner".into(),
            partner_name(journey, Some(p))
                .unwrap_or_default()
                .to_owned(),
            money(cur, *value),
        ]);
    }
    let mut roadmap = Table::new(&[
        ("Action", L),
        ("Status", L),
        ("Closes gap at", L),
        (figures::VALUE_AT_STAKE.label, R),
        ("Aims for", L),
    ]);
    let mut actions: Vec<(&crate::model::Action, f64, &str)> = journey
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .filter_map(|a| {
            let at = v
                .touchpoints
                .iter()
                .find(|t| t.touchpoint.id == a.touchpoint)?;
            Some((a, at.value, at.touchpoint.name.as_str()))
        })
        .collect();
    actions.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (a, value, name) in actions {
        roadmap.row(vec![
            a.title.clone(),
            a.status.name().to_owned(),
            name.to_owned(),
            money(cur, value),
            a.target.as_ref().map_or(String::new(), |t| t.to_string()),
        ]);
    }
    vec![
        Section {
            note: Some(figures::VALUE_AT_STAKE.formula),
            ..section("Value at stake: assumptions", assumptions, "")
        },
        section(
            "Value at stake by touchpoint",
            by_touchpoint,
            "No touchpoint below expectation has a volume.",
        ),
        section(
            "Value at stake by department and partner",
            groups,
            "Nothing at stake.",
        ),
        section(
            "Roadmap by value at stake",
            roadmap,
            "No open action closes a gap with value at stake.",
        ),
    ]
}
