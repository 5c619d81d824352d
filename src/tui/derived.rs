//! Figures computed from a journey once per change, so that drawing a frame
//! and moving the selection never walk the whole journey.

use crate::analysis::{
    ChannelFigures, Figures, channel_figures, department_figures, experience_debt, figures, lags,
    partner_figures, rank_gaps, severity, unaddressed_gaps, unowned_figures,
};
use std::collections::HashMap;

use crate::model::{ActionStatus, GapClass, Id, Journey};

/// One department's row, owned so it can be cached beside the journey.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OwnerRow {
    pub id: String,
    pub name: String,
    pub figures: Figures,
    pub open_actions: usize,
    /// Per stage (stage order): touchpoint count and worst gap class.
    pub cells: Vec<Cell>,
    /// The touchpoints it supports from behind the line of visibility.
    pub behind: Figures,
}

/// A heatmap cell: how many touchpoints, and the worst gap among them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cell {
    pub count: usize,
    pub worst: Option<i8>,
}

impl Cell {
    pub fn class(&self) -> GapClass {
        self.worst.map_or(GapClass::Unscored, GapClass::of)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerRow {
    pub id: String,
    pub name: String,
    pub figures: Figures,
    pub rest_mean_gap: Option<f64>,
    /// The touchpoints it supports from behind the line of visibility.
    pub behind: Figures,
}

impl PartnerRow {
    /// Worse than the rest of the network (`analysis::lags`).
    pub fn lags(&self) -> bool {
        lags(self.figures.mean_gap, self.rest_mean_gap)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChannelRow {
    pub name: String,
    pub figures: Figures,
    pub spread: Option<f64>,
}

/// One row of the Actions view.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionRow {
    /// A group title.
    Heading(String),
    /// A touchpoint below expectation nobody works on: no open or doing
    /// action; `remeasure` when it has actions and all are done.
    Unaddressed { index: usize, remeasure: bool },
    /// An action, by index, with the index of its touchpoint.
    Action(usize, Option<usize>),
}

/// The Actions view: gaps nobody works on first (most severe first), then
/// actions by owner (department order) and status (open, doing, done).
fn action_rows(journey: &Journey, index_of: &HashMap<&Id, usize>) -> Vec<ActionRow> {
    let unaddressed: Vec<ActionRow> = unaddressed_gaps(journey)
        .into_iter()
        .map(|u| ActionRow::Unaddressed {
            index: u.gap.index,
            remeasure: u.needs_remeasure(),
        })
        .collect();
    let mut rows = Vec::new();
    if !unaddressed.is_empty() {
        rows.push(ActionRow::Heading(figures::UNADDRESSED.name.into()));
        rows.extend(unaddressed);
    }
    let mut owners: Vec<(Option<&Id>, String)> = journey
        .departments
        .iter()
        .map(|d| (Some(&d.id), d.name.clone()))
        .collect();
    owners.push((None, "(no owner)".into()));
    for (owner, name) in owners {
        for status in ActionStatus::ALL {
            let members: Vec<usize> = journey
                .actions
                .iter()
                .enumerate()
                .filter(|(_, a)| {
                    a.status == status
                        && match owner {
                            Some(o) => a.owner.as_ref() == Some(o),
                            None => a
                                .owner
                                .as_ref()
                                .is_none_or(|o| journey.department(o).is_none()),
                        }
                })
                .map(|(i, _)| i)
                .collect();
            if !members.is_empty() {
                rows.push(ActionRow::Heading(format!("{name} · {}", status.name())));
                rows.extend(members.into_iter().map(|a| {
                    ActionRow::Action(a, index_of.get(&journey.actions[a].touchpoint).copied())
                }));
            }
        }
    }
    rows
}

/// Everything the views draw that is not in the journey itself.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Touchpoint indices in corridor order.
    pub corridor: Vec<usize>,
    /// Per stage (stage order): touchpoint indices in corridor order.
    pub stage_members: Vec<Vec<usize>>,
    /// Touchpoint indices, most severe gap first.
    pub ranked: Vec<usize>,
    /// Severity per touchpoint index.
    pub severity: Vec<u8>,
    /// Experience debt per corridor position.
    pub debt: Vec<i32>,
    /// Lowest and highest debt, 0 included.
    pub debt_range: (i32, i32),
    /// Corridor position of the most severe gap, if any falls short.
    pub worst: Option<usize>,
    /// Open actions per touchpoint index.
    pub open_actions: Vec<usize>,
    pub owners: Vec<OwnerRow>,
    pub unowned: OwnerRow,
    pub partners: Vec<PartnerRow>,
    pub channels: Vec<ChannelRow>,
    pub action_rows: Vec<ActionRow>,
    pub totals: Figures,
    /// Per corridor position: step indices by lane (`Lane::ALL` order).
    pub lanes: Vec<[Vec<usize>; 3]>,
    /// Whether any step sits behind the line of visibility.
    pub behind_steps: bool,
}

impl Derived {
    pub fn of(journey: &Journey) -> Self {
        let corridor = journey.corridor_indices();
        let stage_rank: HashMap<&Id, usize> = journey
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        let mut stage_members: Vec<Vec<usize>> = vec![Vec::new(); journey.stages.len()];
        for &i in &corridor {
            if let Some(&s) = stage_rank.get(&journey.touchpoints[i].stage) {
                stage_members[s].push(i);
            }
        }
        let ranked: Vec<usize> = rank_gaps(journey).into_iter().map(|r| r.index).collect();

        let severity: Vec<u8> = journey.touchpoints.iter().map(severity).collect();
        let debt: Vec<i32> = experience_debt(journey)
            .into_iter()
            .map(|d| d.debt)
            .collect();
        let debt_range = (
            debt.iter().copied().min().unwrap_or(0).min(0),
            debt.iter().copied().max().unwrap_or(0).max(0),
        );
        let worst = ranked
            .first()
            .filter(|&&i| severity.get(i).is_some_and(|&s: &u8| s > 0))
            .and_then(|&i| corridor.iter().position(|&c| c == i));
        let index_of: HashMap<&Id, usize> = journey
            .touchpoints
            .iter()
            .enumerate()
            .map(|(i, t)| (&t.id, i))
            .collect();
        let action_rows = action_rows(journey, &index_of);
        let mut open_actions = vec![0; journey.touchpoints.len()];
        for action in journey.actions.iter().filter(|a| a.status.is_open()) {
            if let Some(&i) = index_of.get(&action.touchpoint) {
                open_actions[i] += 1;
            }
        }
        // Heatmap: one pass over the touchpoints; row per department, the
        // last row for touchpoints no known department owns.
        let dept_rank: HashMap<&Id, usize> = journey
            .departments
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.id, i))
            .collect();
        let unowned_row = journey.departments.len();
        let mut cells = vec![vec![Cell::default(); journey.stages.len()]; unowned_row + 1];
        for t in &journey.touchpoints {
            let Some(&s) = stage_rank.get(&t.stage) else {
                continue;
            };
            let row = t
                .owner
                .as_ref()
                .and_then(|o| dept_rank.get(o).copied())
                .unwrap_or(unowned_row);
            let cell = &mut cells[row][s];
            cell.count += 1;
            if let Some(g) = t.gap() {
                cell.worst = Some(cell.worst.map_or(g.get(), |w| w.min(g.get())));
            }
        }
        // Rows come most indebted first; cells were counted in file order.
        let owners = department_figures(journey)
            .into_iter()
            .map(|d| OwnerRow {
                id: d.id.to_string(),
                name: d.name.to_owned(),
                cells: dept_rank
                    .get(d.id)
                    .and_then(|&r| cells.get(r).cloned())
                    .unwrap_or_default(),
                figures: d.figures,
                open_actions: d.open_actions,
                behind: d.behind,
            })
            .collect();
        let unowned = OwnerRow {
            id: String::new(),
            name: "(unowned)".into(),
            figures: unowned_figures(journey),
            open_actions: 0,
            cells: cells.get(unowned_row).cloned().unwrap_or_default(),
            behind: Figures::default(),
        };
        let partners = partner_figures(journey)
            .into_iter()
            .map(|p| PartnerRow {
                id: p.id.to_string(),
                name: p.name.to_owned(),
                figures: p.figures,
                rest_mean_gap: p.rest_mean_gap,
                behind: p.behind,
            })
            .collect();
        let channels = channel_figures(journey)
            .into_iter()
            .map(|c: ChannelFigures<'_>| ChannelRow {
                name: c.channel.unwrap_or("(none)").to_owned(),
                figures: c.figures,
                spread: c.spread,
            })
            .collect();
        Self {
            corridor,
            stage_members,
            ranked,
            severity,
            debt,
            debt_range,
            worst,
            open_actions,
            owners,
            unowned,
            partners,
            channels,
            action_rows,
            totals: Figures::of(&journey.touchpoints),
            lanes: crate::analysis::blueprint::columns(journey)
                .into_iter()
                .map(|c| c.lanes)
                .collect(),
            behind_steps: journey.steps.iter().any(|s| s.lane.is_behind()),
        }
    }
}
