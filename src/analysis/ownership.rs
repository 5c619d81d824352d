//! Figures per department, per partner and per channel.

use std::collections::HashMap;

use super::figures::{self, Figure, LAG_THRESHOLD, UNEVEN_SPREAD};
use crate::model::{Gap, GapClass, Id, Journey, Touchpoint};

/// Gap figures over a set of touchpoints (see `analysis::figures` for
/// what each one means and where it shows).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub count: usize,
    pub scored: usize,
    /// Sum of the negative gaps: 0 or less.
    pub debt: i32,
    pub critical: usize,
    pub shortfall: usize,
    pub met: usize,
    pub exceeded: usize,
    pub mean_gap: Option<f64>,
    pub worst_gap: Option<Gap>,
}

impl Figures {
    pub fn of<'a>(touchpoints: impl IntoIterator<Item = &'a Touchpoint>) -> Self {
        let mut figures = Figures::default();
        let mut sum = 0i64;
        for t in touchpoints {
            figures.count += 1;
            match t.gap_class() {
                GapClass::Critical => figures.critical += 1,
                GapClass::Shortfall => figures.shortfall += 1,
                GapClass::Met => figures.met += 1,
                GapClass::Exceeded => figures.exceeded += 1,
                GapClass::Unscored => {}
            }
            if let Some(gap) = t.gap() {
                figures.scored += 1;
                sum += i64::from(gap.get());
                figures.debt += i32::from(gap.get().min(0));
                figures.worst_gap = Some(figures.worst_gap.map_or(gap, |w| w.min(gap)));
            }
        }
        if figures.scored > 0 {
            figures.mean_gap = Some(sum as f64 / figures.scored as f64);
        }
        figures
    }

    /// One of the group figures (`figures::GROUP`) as a number; `None` for
    /// a mean or worst gap with nothing scored, or a figure groups lack.
    pub fn number(&self, figure: &Figure) -> Option<f64> {
        let count = |n: usize| Some(n as f64);
        match *figure {
            figures::DEBT => Some(f64::from(self.debt)),
            figures::BELOW => count(self.below_expectation()),
            figures::CRITICAL => count(self.critical),
            figures::SHORTFALL => count(self.shortfall),
            figures::TOUCHPOINTS => count(self.count),
            figures::SCORED => count(self.scored),
            figures::MEAN_GAP => self.mean_gap,
            figures::WORST_GAP => self.worst_gap.map(|g| f64::from(g.get())),
            _ => None,
        }
    }

    /// One of the group figures as every table writes it.
    pub fn text(&self, figure: &Figure) -> String {
        match *figure {
            figures::MEAN_GAP => figures::mean_text(self.mean_gap),
            figures::WORST_GAP => self.worst_gap.map_or("-".into(), |g| g.to_string()),
            _ => self
                .number(figure)
                .map_or("-".into(), |n| format!("{}", n as i64)),
        }
    }

    /// Touchpoints with a gap of -1 or worse.
    pub fn below_expectation(&self) -> usize {
        self.critical + self.shortfall
    }

    /// Touchpoints missing a score.
    pub fn unscored(&self) -> usize {
        self.count - self.scored
    }

    /// The class the group reads as: critical when any touchpoint is,
    /// shortfall when any is below expectation, never neutral while one
    /// disappoints; met or exceeded by the worst gap otherwise.
    pub fn class(&self) -> GapClass {
        if self.critical > 0 {
            GapClass::Critical
        } else if self.shortfall > 0 {
            GapClass::Shortfall
        } else {
            self.worst_gap.map_or(GapClass::Unscored, Gap::class)
        }
    }

    /// The order groups are listed in: most debt, then most critical, then
    /// most below expectation first.
    pub fn pain_order(&self) -> (i32, std::cmp::Reverse<usize>, std::cmp::Reverse<usize>) {
        (
            self.debt,
            std::cmp::Reverse(self.critical),
            std::cmp::Reverse(self.below_expectation()),
        )
    }
}

/// A department's figures, with the actions it still has open.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerFigures<'a> {
    pub id: &'a Id,
    pub name: &'a str,
    pub figures: Figures,
    /// Open or doing actions owned by the department (an action without an
    /// owner counts for the owner of its touchpoint).
    pub open_actions: usize,
    /// The touchpoints it supports from behind the line of visibility.
    pub behind: Figures,
}

/// Open actions per owning department (an action without an owner counts
/// for the owner of its touchpoint).
fn open_actions_by_owner(journey: &Journey) -> HashMap<&Id, usize> {
    let touchpoint_owner: HashMap<&Id, &Id> = journey
        .touchpoints
        .iter()
        .filter_map(|t| Some((&t.id, t.owner.as_ref()?)))
        .collect();
    let mut counts = HashMap::new();
    for action in journey.actions.iter().filter(|a| a.status.is_open()) {
        let owner = action
            .owner
            .as_ref()
            .or_else(|| touchpoint_owner.get(&action.touchpoint).copied());
        if let Some(owner) = owner {
            *counts.entry(owner).or_insert(0) += 1;
        }
    }
    counts
}

/// One row per department, most indebted first (then most indebted from
/// behind the line; file order breaks ties).
pub fn department_figures(journey: &Journey) -> Vec<OwnerFigures<'_>> {
    let open = open_actions_by_owner(journey);
    let mut owned: HashMap<&Id, Vec<&Touchpoint>> = HashMap::new();
    for t in &journey.touchpoints {
        if let Some(owner) = &t.owner {
            owned.entry(owner).or_default().push(t);
        }
    }
    let mut behind = super::blueprint::behind_figures(journey, false);
    let mut rows = journey
        .departments
        .iter()
        .map(|d| OwnerFigures {
            id: &d.id,
            name: &d.name,
            figures: Figures::of(owned.get(&d.id).into_iter().flatten().copied()),
            open_actions: open.get(&d.id).copied().unwrap_or(0),
            behind: behind.remove(&d.id).unwrap_or_default(),
        })
        .collect::<Vec<_>>();
    rows.sort_by_key(|r| (r.figures.pain_order(), r.behind.pain_order()));
    rows
}

/// Touchpoints nobody (no known department) owns.
pub fn unowned_figures(journey: &Journey) -> Figures {
    Figures::of(journey.touchpoints.iter().filter(|t| {
        t.owner
            .as_ref()
            .is_none_or(|o| journey.department(o).is_none())
    }))
}

/// A partner's figures against the rest of the network.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerFigures<'a> {
    pub id: &'a Id,
    pub name: &'a str,
    pub figures: Figures,
    /// Mean gap of every scored touchpoint this partner does not deliver.
    pub rest_mean_gap: Option<f64>,
    /// The touchpoints it supports from behind the line of visibility.
    pub behind: Figures,
}

impl PartnerFigures<'_> {
    /// How much worse (negative) or better the partner does than the rest.
    pub fn versus_rest(&self) -> Option<f64> {
        versus_rest(self.figures.mean_gap, self.rest_mean_gap)
    }

    /// Worse than the rest of the network by `LAG_THRESHOLD` or more.
    pub fn lags(&self) -> bool {
        lags(self.figures.mean_gap, self.rest_mean_gap)
    }
}

/// A group's mean gap against the rest's.
pub fn versus_rest(mean: Option<f64>, rest: Option<f64>) -> Option<f64> {
    Some(mean? - rest?)
}

/// Whether a mean gap lags the rest's by `LAG_THRESHOLD` or more.
pub fn lags(mean: Option<f64>, rest: Option<f64>) -> bool {
    versus_rest(mean, rest).is_some_and(|d| d <= -LAG_THRESHOLD)
}

/// One row per partner, most indebted first (then most indebted from
/// behind the line; file order breaks ties).
pub fn partner_figures(journey: &Journey) -> Vec<PartnerFigures<'_>> {
    let mut behind = super::blueprint::behind_figures(journey, true);
    let mut rows: Vec<PartnerFigures<'_>> = journey
        .partners
        .iter()
        .map(|p| {
            let (mine, rest): (Vec<&Touchpoint>, Vec<&Touchpoint>) = journey
                .touchpoints
                .iter()
                .partition(|t| t.partner.as_ref() == Some(&p.id));
            PartnerFigures {
                id: &p.id,
                name: &p.name,
                figures: Figures::of(mine),
                rest_mean_gap: Figures::of(rest).mean_gap,
                behind: behind.remove(&p.id).unwrap_or_default(),
            }
        })
        .collect();
    rows.sort_by_key(|r| (r.figures.pain_order(), r.behind.pain_order()));
    rows
}

/// Figures of one channel, with the spread of its gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelFigures<'a> {
    /// The channel's name; `None` gathers touchpoints with no channel.
    pub channel: Option<&'a str>,
    pub figures: Figures,
    /// Population standard deviation of the scored gaps: 0 when every
    /// touchpoint of the channel lands the same way.
    pub spread: Option<f64>,
}

impl ChannelFigures<'_> {
    /// Whether the channel lands unevenly (spread of `UNEVEN_SPREAD` or more).
    pub fn uneven(&self) -> bool {
        uneven(self.spread)
    }
}

/// Whether a spread of gaps counts as uneven.
pub fn uneven(spread: Option<f64>) -> bool {
    spread.is_some_and(|s| s >= UNEVEN_SPREAD)
}

/// One row per channel in order of first appearance along the corridor.
pub fn channel_figures(journey: &Journey) -> Vec<ChannelFigures<'_>> {
    let corridor = journey.corridor();
    let mut channels: Vec<Option<&str>> = Vec::new();
    for t in &corridor {
        let channel = t.channel.as_deref();
        if !channels.contains(&channel) {
            channels.push(channel);
        }
    }
    channels
        .into_iter()
        .map(|channel| {
            let members: Vec<&Touchpoint> = corridor
                .iter()
                .copied()
                .filter(|t| t.channel.as_deref() == channel)
                .collect();
            let figures = Figures::of(members.iter().copied());
            let spread = figures.mean_gap.map(|mean| {
                let gaps: Vec<f64> = members
                    .iter()
                    .filter_map(|t| t.gap())
                    .map(|g| f64::from(g.get()))
                    .collect();
                let variance =
                    gaps.iter().map(|g| (g - mean).powi(2)).sum::<f64>() / gaps.len() as f64;
                variance.sqrt()
            });
            ChannelFigures {
                channel,
                figures,
                spread,
            }
        })
        .collect()
}
