//! The JSON report, schema `corridor-report/2` (see `docs/report-json.md`
//! and `docs/report.schema.json`): the model and every computed figure.
//!
//! Strings hold the file's text exactly; `json_text` writes the characters
//! a terminal or viewer would act on as `\u` escapes.

use serde::Serialize;

use super::json_model::JourneyModel;
use super::json_text::to_text;
use super::summary::{Summary, actions_by_owner, summary};
use super::{Context, JSON_SCHEMA, Portfolio, ReportError, figures_map};
use crate::analysis::matrix::ownership_matrix;
use crate::analysis::{
    Due, Figures, channel_figures, department_figures, experience_debt, lags, partner_figures,
    rank_gaps, severity, unaddressed_gaps, uneven, unowned_figures,
};
use crate::model::{Gap, Id, Journey};

pub fn generator() -> String {
    format!("corridor {}", env!("CARGO_PKG_VERSION"))
}

#[derive(Serialize)]
struct JourneyDoc<'a> {
    schema: &'static str,
    kind: &'static str,
    generator: String,
    /// The day the report was made (due dates are measured against it).
    made: String,
    /// The file and its last commit, when known.
    source: Option<SourceJson>,
    #[serde(flatten)]
    report: JourneyReport<'a>,
}

/// Everything about one journey; the portfolio nests one per journey.
#[derive(Serialize)]
pub struct JourneyReport<'a> {
    journey: JourneyModel<'a>,
    summary: SummaryJson,
    corridor: Vec<CorridorPoint<'a>>,
    ranked_gaps: Vec<RankedJson<'a>>,
    matrix: MatrixJson<'a>,
    departments: Vec<DepartmentJson<'a>>,
    unowned: FiguresJson,
    partners: Vec<PartnerJson<'a>>,
    channels: Vec<ChannelJson<'a>>,
    actions_by_owner: Vec<ActionGroupJson<'a>>,
    unaddressed: Vec<UnaddressedJson<'a>>,
    metric_standings: Vec<super::json_measure::StandingJson<'a>>,
    value_at_stake: Option<super::json_measure::ValueAtStakeJson<'a>>,
}

#[derive(Serialize)]
struct SourceJson {
    file: String,
    commit: Option<CommitJson>,
}

#[derive(Serialize)]
struct CommitJson {
    date: String,
    hash: String,
}

#[derive(Serialize)]
struct UnaddressedJson<'a> {
    touchpoint: &'a str,
    /// Every action on it is done while the gap is still recorded.
    remeasure: bool,
}

/// A group's figures under the keys of the figure vocabulary
/// (`analysis::figures`): the same keys wherever figures appear.
#[derive(Serialize)]
#[serde(transparent)]
pub struct FiguresJson(serde_json::Map<String, serde_json::Value>);

impl From<&Figures> for FiguresJson {
    fn from(f: &Figures) -> Self {
        Self(figures_map(f))
    }
}

#[derive(Serialize)]
pub struct SummaryJson {
    #[serde(flatten)]
    figures: FiguresJson,
    met: usize,
    exceeded: usize,
    unscored: usize,
    severity: u32,
    moments_of_truth: usize,
    actions: usize,
    open_actions: usize,
    overdue: usize,
    unaddressed: usize,
    remeasure: usize,
}

impl From<&Summary> for SummaryJson {
    fn from(s: &Summary) -> Self {
        let f = &s.figures;
        Self {
            figures: FiguresJson::from(f),
            met: f.met,
            exceeded: f.exceeded,
            unscored: f.unscored(),
            severity: s.severity,
            moments_of_truth: s.moments_of_truth,
            actions: s.actions,
            open_actions: s.open_actions,
            overdue: s.overdue,
            unaddressed: s.unaddressed,
            remeasure: s.remeasure,
        }
    }
}

#[derive(Serialize)]
struct CorridorPoint<'a> {
    position: usize,
    touchpoint: &'a str,
    stage: &'a str,
    expected: Option<u8>,
    actual: Option<u8>,
    gap: Option<i8>,
    class: &'static str,
    severity: u8,
    emotion: Option<i8>,
    experience_debt: i32,
}

#[derive(Serialize)]
struct RankedJson<'a> {
    rank: usize,
    touchpoint: &'a str,
    gap: Option<i8>,
    class: &'static str,
    severity: u8,
}

#[derive(Serialize)]
struct MatrixJson<'a> {
    stages: Vec<&'a str>,
    rows: Vec<MatrixRowJson<'a>>,
}

#[derive(Serialize)]
struct MatrixRowJson<'a> {
    department: Option<&'a str>,
    cells: Vec<FiguresJson>,
    total: FiguresJson,
}

#[derive(Serialize)]
struct DepartmentJson<'a> {
    id: &'a str,
    name: &'a str,
    figures: FiguresJson,
    open_actions: usize,
    /// The touchpoints it supports from behind the line of visibility
    /// (`figures::BEHIND`).
    behind: FiguresJson,
}

#[derive(Serialize)]
struct PartnerJson<'a> {
    id: &'a str,
    name: &'a str,
    figures: FiguresJson,
    rest_mean_gap: Option<f64>,
    versus_rest: Option<f64>,
    lags: bool,
    behind: FiguresJson,
}

#[derive(Serialize)]
struct ChannelJson<'a> {
    channel: Option<&'a str>,
    figures: FiguresJson,
    spread: Option<f64>,
    uneven: bool,
}

#[derive(Serialize)]
struct ActionGroupJson<'a> {
    owner: Option<&'a str>,
    name: String,
    actions: Vec<ActionJson<'a>>,
}

#[derive(Serialize)]
struct ActionJson<'a> {
    action: &'a str,
    touchpoint: &'a str,
    status: &'static str,
    due: Option<String>,
    /// `overdue by 3 days`, `due in 5 days`, `due today`; empty when done or
    /// undated.
    when: String,
    overdue: bool,
    gap: Option<i8>,
    class: Option<&'static str>,
    severity: Option<u8>,
}

impl<'a> JourneyReport<'a> {
    pub fn of(journey: &'a Journey, context: &Context) -> Self {
        let matrix = ownership_matrix(journey);
        Self {
            journey: JourneyModel::of(journey),
            summary: SummaryJson::from(&summary(journey, context.today)),
            corridor: experience_debt(journey)
                .into_iter()
                .enumerate()
                .map(|(n, p)| {
                    let t = p.touchpoint;
                    CorridorPoint {
                        position: n + 1,
                        touchpoint: t.id.as_str(),
                        stage: t.stage.as_str(),
                        expected: t.expected.map(|s| s.get()),
                        actual: t.actual.map(|s| s.get()),
                        gap: p.gap.map(Gap::get),
                        class: t.gap_class().name(),
                        severity: severity(t),
                        emotion: t.emotion.map(|e| e.get()),
                        experience_debt: p.debt,
                    }
                })
                .collect(),
            ranked_gaps: rank_gaps(journey)
                .into_iter()
                .enumerate()
                .map(|(n, r)| RankedJson {
                    rank: n + 1,
                    touchpoint: r.touchpoint.id.as_str(),
                    gap: r.gap.map(Gap::get),
                    class: r.class.name(),
                    severity: r.severity,
                })
                .collect(),
            matrix: MatrixJson {
                stages: matrix.stages.iter().map(|s| s.id.as_str()).collect(),
                rows: matrix
                    .rows
                    .iter()
                    .map(|r| MatrixRowJson {
                        department: r.department.map(|d| d.id.as_str()),
                        cells: r.cells.iter().map(FiguresJson::from).collect(),
                        total: FiguresJson::from(&r.total),
                    })
                    .collect(),
            },
            departments: department_figures(journey)
                .into_iter()
                .map(|d| DepartmentJson {
                    id: d.id.as_str(),
                    name: d.name,
                    figures: FiguresJson::from(&d.figures),
                    open_actions: d.open_actions,
                    behind: FiguresJson::from(&d.behind),
                })
                .collect(),
            unowned: FiguresJson::from(&unowned_figures(journey)),
            partners: partner_figures(journey)
                .into_iter()
                .map(|p| PartnerJson {
                    id: p.id.as_str(),
                    name: p.name,
                    figures: FiguresJson::from(&p.figures),
                    rest_mean_gap: p.rest_mean_gap,
                    versus_rest: p.versus_rest(),
                    lags: lags(p.figures.mean_gap, p.rest_mean_gap),
                    behind: FiguresJson::from(&p.behind),
                })
                .collect(),
            channels: channel_figures(journey)
                .into_iter()
                .map(|c| ChannelJson {
                    channel: c.channel,
                    figures: FiguresJson::from(&c.figures),
                    spread: c.spread,
                    uneven: uneven(c.spread),
                })
                .collect(),
            actions_by_owner: actions_by_owner(journey)
                .into_iter()
                .map(|g| ActionGroupJson {
                    owner: g.owner.map(Id::as_str),
                    name: g.name,
                    actions: g
                        .actions
                        .into_iter()
                        .map(|(a, t)| ActionJson {
                            action: a.id.as_str(),
                            touchpoint: a.touchpoint.as_str(),
                            status: a.status.name(),
                            due: a.due.map(|d| d.to_string()),
                            when: Due::of(a, context.today).text(),
                            overdue: Due::of(a, context.today).is_overdue(),
                            gap: t.and_then(|t| t.gap()).map(Gap::get),
                            class: t.map(|t| t.gap_class().name()),
                            severity: t.map(severity),
                        })
                        .collect(),
                })
                .collect(),
            unaddressed: unaddressed_gaps(journey)
                .into_iter()
                .map(|u| UnaddressedJson {
                    touchpoint: u.gap.touchpoint.id.as_str(),
                    remeasure: u.needs_remeasure(),
                })
                .collect(),
            metric_standings: super::json_measure::standings_json(journey),
            value_at_stake: super::json_measure::value_at_stake_json(journey),
        }
    }
}

pub fn journey(journey: &Journey, context: &Context) -> Result<String, ReportError> {
    to_text(&JourneyDoc {
        schema: JSON_SCHEMA,
        kind: "journey",
        generator: generator(),
        made: context.today.to_string(),
        source: context.source.as_ref().map(|s| SourceJson {
            file: s.file.clone(),
            commit: s.commit.as_ref().map(|(date, hash)| CommitJson {
                date: date.clone(),
                hash: hash.clone(),
            }),
        }),
        report: JourneyReport::of(journey, context),
    })
}

pub fn portfolio(portfolio: &Portfolio, context: &Context) -> Result<String, ReportError> {
    super::json_portfolio::render(portfolio, context)
}
