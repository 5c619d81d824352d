//! The journey model as JSON: every field of schema 1 under the file's own
//! key names, absent optional values as `null`, metrics as an object in file
//! order. Text is the file's text, unchanged.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::json_measure::{
    EconomicsJson, MetricDefJson, TargetJson, economics, metric_def, target,
};
use crate::model::{
    Action, Department, Id, Journey, Metric, Partner, Persona, PersonaCard, Stage, Step, Touchpoint,
};

fn id(id: &Id) -> &str {
    id.as_str()
}

fn opt_id(value: Option<&Id>) -> Option<&str> {
    value.map(Id::as_str)
}

#[derive(Serialize)]
pub struct JourneyModel<'a> {
    schema: i64,
    title: &'a str,
    /// The persona in one line (a card's name and role).
    persona: Option<String>,
    persona_card: Option<PersonaCardModel<'a>>,
    promise: Option<&'a str>,
    description: Option<&'a str>,
    economics: Option<EconomicsJson<'a>>,
    state: Option<&'static str>,
    baseline: Option<&'a str>,
    stages: Vec<StageModel<'a>>,
    departments: Vec<DepartmentModel<'a>>,
    partners: Vec<PartnerModel<'a>>,
    metrics: Vec<MetricDefJson<'a>>,
    touchpoints: Vec<TouchpointModel<'a>>,
    actions: Vec<ActionModel<'a>>,
    steps: Vec<StepModel<'a>>,
}

#[derive(Serialize)]
struct StageModel<'a> {
    id: &'a str,
    name: &'a str,
    phase: Option<&'static str>,
}

#[derive(Serialize)]
struct DepartmentModel<'a> {
    id: &'a str,
    name: &'a str,
    lead: Option<&'a str>,
}

#[derive(Serialize)]
struct PartnerModel<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct TouchpointModel<'a> {
    id: &'a str,
    stage: &'a str,
    name: &'a str,
    channel: Option<&'a str>,
    owner: Option<&'a str>,
    partner: Option<&'a str>,
    moment_of_truth: bool,
    expectation: Option<&'a str>,
    expected: Option<u8>,
    experience: Option<&'a str>,
    actual: Option<u8>,
    emotion: Option<i8>,
    evidence: &'a [String],
    volume: Option<u64>,
    metrics: Metrics<'a>,
    notes: Option<&'a str>,
}

/// Metrics as a JSON object that keeps file order; a value that is not a
/// finite number (TOML allows `nan` and `inf`) is written as `null`.
struct Metrics<'a>(&'a [Metric]);

impl Serialize for Metrics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for m in self.0 {
            map.serialize_entry(&m.name, &m.value.is_finite().then_some(m.value))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct ActionModel<'a> {
    id: &'a str,
    touchpoint: &'a str,
    title: &'a str,
    owner: Option<&'a str>,
    status: &'static str,
    due: Option<String>,
    target: Option<TargetJson<'a>>,
}

impl<'a> JourneyModel<'a> {
    pub fn of(journey: &'a Journey) -> Self {
        Self {
            schema: journey.schema,
            title: &journey.title,
            persona: journey.persona.as_ref().map(Persona::summary),
            persona_card: journey
                .persona
                .as_ref()
                .and_then(Persona::card)
                .map(persona_card),
            promise: journey.promise.as_deref(),
            description: journey.description.as_deref(),
            economics: journey.economics.as_ref().map(economics),
            metrics: journey.metrics.iter().map(metric_def).collect(),
            state: journey.state.map(|s| s.name()),
            baseline: journey.baseline.as_deref(),
            stages: journey.stages.iter().map(stage).collect(),
            departments: journey.departments.iter().map(department).collect(),
            partners: journey.partners.iter().map(partner).collect(),
            touchpoints: journey.touchpoints.iter().map(touchpoint).collect(),
            actions: journey.actions.iter().map(action).collect(),
            steps: journey.steps.iter().map(step).collect(),
        }
    }
}

fn stage(s: &Stage) -> StageModel<'_> {
    StageModel {
        id: id(&s.id),
        name: &s.name,
        phase: s.phase.map(|p| p.name()),
    }
}

fn department(d: &Department) -> DepartmentModel<'_> {
    DepartmentModel {
        id: id(&d.id),
        name: &d.name,
        lead: d.lead.as_deref(),
    }
}

fn partner(p: &Partner) -> PartnerModel<'_> {
    PartnerModel {
        id: id(&p.id),
        name: &p.name,
        role: p.role.as_deref(),
    }
}

fn touchpoint(t: &Touchpoint) -> TouchpointModel<'_> {
    TouchpointModel {
        id: id(&t.id),
        stage: id(&t.stage),
        name: &t.name,
        channel: t.channel.as_deref(),
        owner: opt_id(t.owner.as_ref()),
        partner: opt_id(t.partner.as_ref()),
        moment_of_truth: t.moment_of_truth,
        expectation: t.expectation.as_deref(),
        expected: t.expected.map(|s| s.get()),
        experience: t.experience.as_deref(),
        actual: t.actual.map(|s| s.get()),
        emotion: t.emotion.map(|e| e.get()),
        evidence: &t.evidence,
        volume: t.volume,
        metrics: Metrics(&t.metrics),
        notes: t.notes.as_deref(),
    }
}

fn action(a: &Action) -> ActionModel<'_> {
    ActionModel {
        id: id(&a.id),
        touchpoint: id(&a.touchpoint),
        title: &a.title,
        owner: opt_id(a.owner.as_ref()),
        status: a.status.name(),
        due: a.due.map(|d| d.to_string()),
        target: a.target.as_ref().map(target),
    }
}

#[derive(Serialize)]
struct PersonaCardModel<'a> {
    name: &'a str,
    role: Option<&'a str>,
    goals: &'a [String],
    needs: &'a [String],
    quote: Option<&'a str>,
    context: Option<&'a str>,
}

fn persona_card(p: &PersonaCard) -> PersonaCardModel<'_> {
    PersonaCardModel {
        name: &p.name,
        role: p.role.as_deref(),
        goals: &p.goals,
        needs: &p.needs,
        quote: p.quote.as_deref(),
        context: p.context.as_deref(),
    }
}

#[derive(Serialize)]
struct StepModel<'a> {
    id: &'a str,
    touchpoint: &'a str,
    lane: &'static str,
    name: &'a str,
    owner: Option<&'a str>,
    partner: Option<&'a str>,
    fail_point: bool,
    notes: Option<&'a str>,
}

fn step(s: &Step) -> StepModel<'_> {
    StepModel {
        id: id(&s.id),
        touchpoint: id(&s.touchpoint),
        lane: s.lane.name(),
        name: &s.name,
        owner: opt_id(s.owner.as_ref()),
        partner: opt_id(s.partner.as_ref()),
        fail_point: s.fail_point,
        notes: s.notes.as_deref(),
    }
}
