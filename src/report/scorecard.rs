//! Figures across the journeys of a portfolio: one row per journey, and
//! departments and partners scored over every journey that names them (by
//! id, so `marketing` in two files is one department).

use std::collections::HashMap;

use super::Portfolio;
use super::summary::{Summary, summary};
use crate::analysis::{Figures, RankedGap, department_figures, rank_gaps, severity, versus_rest};
use crate::model::{Date, Department, Id, Journey, Touchpoint};

/// One journey of the portfolio.
#[derive(Debug, Clone)]
pub struct JourneyRow<'a> {
    pub file: &'a str,
    pub journey: &'a Journey,
    pub summary: Summary,
    /// The department with the most experience debt, when any has debt.
    pub most_indebted: Option<&'a Department>,
}

pub fn journey_rows(portfolio: &Portfolio, today: Date) -> Vec<JourneyRow<'_>> {
    portfolio
        .journeys()
        .map(|(file, journey)| JourneyRow {
            file,
            journey,
            summary: summary(journey, today),
            most_indebted: most_indebted(journey),
        })
        .collect()
}

/// Departments come most indebted first.
fn most_indebted(journey: &Journey) -> Option<&Department> {
    department_figures(journey)
        .first()
        .filter(|d| d.figures.debt < 0)
        .and_then(|d| journey.department(d.id))
}

/// A department across the portfolio; `id` is `None` for the row of
/// touchpoints no known department owns.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentCard<'a> {
    pub id: Option<&'a Id>,
    /// The name the first journey naming the department gives it.
    pub name: &'a str,
    /// How many journeys have the department own at least one touchpoint.
    pub journeys: usize,
    pub figures: Figures,
    pub severity: u32,
    pub open_actions: usize,
}

/// Departments most indebted first (first appearance breaks ties), then
/// the unowned row.
pub fn department_cards(portfolio: &Portfolio) -> Vec<DepartmentCard<'_>> {
    let mut order: Vec<Option<&Id>> = Vec::new();
    let mut names: HashMap<Option<&Id>, &str> = HashMap::new();
    let mut members: HashMap<Option<&Id>, Vec<&Touchpoint>> = HashMap::new();
    let mut journeys: HashMap<Option<&Id>, usize> = HashMap::new();
    let mut open: HashMap<Option<&Id>, usize> = HashMap::new();
    for (_, journey) in portfolio.journeys() {
        for figures in department_figures(journey) {
            let key = Some(figures.id);
            if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(key) {
                slot.insert(figures.name);
                order.push(key);
            }
            *open.entry(key).or_default() += figures.open_actions;
        }
        let mut seen: Vec<Option<&Id>> = Vec::new();
        for t in &journey.touchpoints {
            let key = t.owner.as_ref().filter(|o| journey.department(o).is_some());
            members.entry(key).or_default().push(t);
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
        for key in seen {
            *journeys.entry(key).or_default() += 1;
        }
    }
    if members.contains_key(&None) {
        order.push(None);
        names.insert(None, "(unowned)");
    }
    let mut cards: Vec<DepartmentCard<'_>> = order
        .into_iter()
        .map(|key| {
            let owned = members.get(&key).map_or(&[][..], Vec::as_slice);
            DepartmentCard {
                id: key,
                name: names.get(&key).copied().unwrap_or_default(),
                journeys: journeys.get(&key).copied().unwrap_or_default(),
                figures: Figures::of(owned.iter().copied()),
                severity: owned.iter().map(|t| u32::from(severity(t))).sum(),
                open_actions: open.get(&key).copied().unwrap_or_default(),
            }
        })
        .collect();
    cards.sort_by_key(|c| (c.id.is_none(), c.figures.pain_order()));
    cards
}

/// A partner across the portfolio, against every other scored touchpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerCard<'a> {
    pub id: &'a Id,
    pub name: &'a str,
    /// How many journeys list the partner.
    pub journeys: usize,
    pub figures: Figures,
    /// Mean gap of every scored touchpoint of the portfolio the partner does
    /// not deliver.
    pub rest_mean_gap: Option<f64>,
}

impl PartnerCard<'_> {
    pub fn versus_rest(&self) -> Option<f64> {
        versus_rest(self.figures.mean_gap, self.rest_mean_gap)
    }
}

/// Partners most indebted first (first appearance breaks ties).
pub fn partner_cards(portfolio: &Portfolio) -> Vec<PartnerCard<'_>> {
    let mut cards: Vec<(PartnerCard<'_>, Vec<&Touchpoint>)> = Vec::new();
    let (mut total_sum, mut total_scored) = (0i64, 0usize);
    for (_, journey) in portfolio.journeys() {
        for p in &journey.partners {
            let at = match cards.iter().position(|(c, _)| c.id == &p.id) {
                Some(at) => at,
                None => {
                    let card = PartnerCard {
                        id: &p.id,
                        name: &p.name,
                        journeys: 0,
                        figures: Figures::default(),
                        rest_mean_gap: None,
                    };
                    cards.push((card, Vec::new()));
                    cards.len() - 1
                }
            };
            if let Some((card, delivered)) = cards.get_mut(at) {
                card.journeys += 1;
                delivered.extend(
                    journey
                        .touchpoints
                        .iter()
                        .filter(|t| t.partner.as_ref() == Some(&p.id)),
                );
            }
        }
        for gap in journey.touchpoints.iter().filter_map(Touchpoint::gap) {
            total_sum += i64::from(gap.get());
            total_scored += 1;
        }
    }
    let mut cards: Vec<PartnerCard<'_>> = cards
        .into_iter()
        .map(|(mut card, delivered)| {
            card.figures = Figures::of(delivered.iter().copied());
            let own: i64 = delivered
                .iter()
                .filter_map(|t| t.gap())
                .map(|g| i64::from(g.get()))
                .sum();
            let rest = total_scored - card.figures.scored;
            card.rest_mean_gap = (rest > 0).then(|| (total_sum - own) as f64 / rest as f64);
            card
        })
        .collect();
    cards.sort_by_key(|c| c.figures.pain_order());
    cards
}

/// One gap of the portfolio's worst list.
#[derive(Debug, Clone, Copy)]
pub struct PortfolioGap<'a> {
    pub file: &'a str,
    pub journey: &'a Journey,
    pub ranked: RankedGap<'a>,
}

/// The `n` most severe gaps across every journey (severity above 0 only):
/// severity first, then lower emotion, then the order of files and corridors.
pub fn worst_gaps(portfolio: &Portfolio, n: usize) -> Vec<PortfolioGap<'_>> {
    let mut all: Vec<(usize, PortfolioGap<'_>)> = portfolio
        .journeys()
        .enumerate()
        .flat_map(|(index, (file, journey))| {
            rank_gaps(journey)
                .into_iter()
                .filter(|r| r.severity > 0)
                .map(move |ranked| {
                    let gap = PortfolioGap {
                        file,
                        journey,
                        ranked,
                    };
                    (index, gap)
                })
        })
        .collect();
    all.sort_by_key(|(index, g)| {
        let emotion = g.ranked.touchpoint.emotion.map_or(0, |e| e.get());
        (
            std::cmp::Reverse(g.ranked.severity),
            emotion,
            *index,
            g.ranked.position,
        )
    });
    all.into_iter().take(n).map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_merge_by_id_across_journeys() {
        let a = crate::sample::synthetic_journey(20);
        let b = crate::sample::synthetic_journey(30);
        let portfolio = Portfolio::from_texts([("a.toml", a.as_str()), ("b.toml", b.as_str())]);
        let cards = department_cards(&portfolio);
        let owned: usize = cards.iter().map(|c| c.figures.count).sum();
        assert_eq!(owned, 50);
        assert!(cards.iter().all(|c| c.id.is_some()), "no unowned row");
        let partners = partner_cards(&portfolio);
        assert_eq!(partners.len(), 1);
        assert_eq!(partners[0].journeys, 2);
        let worst = worst_gaps(&portfolio, 5);
        assert_eq!(worst.len(), 5);
        assert!(
            worst
                .windows(2)
                .all(|w| w[0].ranked.severity >= w[1].ranked.severity)
        );
    }
}
