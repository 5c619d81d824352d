//! Reading a journey file into the model, with a finding (and its span) for
//! everything that is not valid schema 1.

use std::collections::HashSet;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

mod metrics;

use super::source::{EntrySpans, SourceMap};
use crate::model::{
    Action, ActionStatus, Date, Department, Emotion, Id, Journey, Kind, MetricDef, Origin, Partner,
    Phase, Score, Stage, Touchpoint,
};
use crate::model::{Finding, Locus};

/// The outcome of parsing one file: the journey when its structure is valid,
/// the findings of parsing, and where everything sits.
#[derive(Debug)]
pub struct Parsed {
    pub journey: Option<Journey>,
    pub findings: Vec<Finding>,
    pub source_map: SourceMap,
}

/// Parses a journey; structural errors (syntax, types, ranges, missing
/// fields, schema) leave `journey` empty. Unknown keys are warnings.
pub fn parse_journey(text: &str) -> Parsed {
    let mut findings = Vec::new();
    let mut source_map = SourceMap::default();
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        // Git's conflict markers: say where each conflict is, not how the
        // markers break the TOML.
        let conflicts = super::merge::markers::found(text);
        if !conflicts.is_empty() {
            return Parsed {
                journey: None,
                findings: conflicts,
                source_map,
            };
        }
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            findings.push(Finding::error(
                Locus::Span(span),
                format!("invalid TOML: {}", error.message().trim()),
            ));
        }
        return Parsed {
            journey: None,
            findings,
            source_map,
        };
    }
    let root = root.into_inner();
    findings = super::numbers::check(&root);
    if !findings.is_empty() {
        return Parsed {
            journey: None,
            findings,
            source_map,
        };
    }
    let mut header = Reader::new(&root, 0..0, "journey", &mut findings);
    let schema = header.integer("schema");
    let title = header.required_text("title");
    let persona = header.get("persona");
    let promise = header.text("promise");
    let description = header.text("description");
    let economics = header.economics();
    let state = header.journey_state();
    let baseline = header.text("baseline");
    source_map.header = std::mem::take(&mut header.spans.fields);
    header.used.extend(Kind::ALL.map(Kind::key));
    header.finish();
    let persona = persona
        .and_then(|value| super::parse_blueprint::persona(value, &mut findings, &mut source_map));

    match schema {
        Some(Journey::SCHEMA) => {}
        Some(other) => findings.push(Finding::error(
            Locus::Span(source_map.header.get("schema").cloned().unwrap_or(0..0)),
            format!(
                "unsupported schema {other}: this version of corridor reads schema {}",
                Journey::SCHEMA
            ),
        )),
        None if !root.contains_key("schema") => findings.push(Finding::error(
            Locus::Span(0..0),
            format!(
                "missing `schema = {}` at the top of the file",
                Journey::SCHEMA
            ),
        )),
        None => {}
    }

    let mut entries = Entries::default();
    for kind in Kind::ALL {
        let spans = read_kind(text, &root, kind, &mut entries, &mut findings);
        source_map.entries.insert(kind, spans);
    }
    findings.sort_by_key(|f| match &f.locus {
        Locus::Span(s) => s.start,
        _ => 0,
    });
    let has_errors = findings
        .iter()
        .any(|f| f.severity == crate::model::Severity::Error);
    let journey = match (has_errors, title) {
        (false, Some(title)) => Some(Journey {
            schema: schema.unwrap_or(Journey::SCHEMA),
            title,
            persona,
            promise,
            description,
            economics,
            state,
            baseline,
            stages: entries.stages,
            departments: entries.departments,
            partners: entries.partners,
            metrics: entries.metrics,
            touchpoints: entries.touchpoints,
            actions: entries.actions,
            steps: entries.steps,
        }),
        _ => None,
    };
    Parsed {
        journey,
        findings,
        source_map,
    }
}

#[derive(Default)]
struct Entries {
    stages: Vec<Stage>,
    departments: Vec<Department>,
    partners: Vec<Partner>,
    metrics: Vec<MetricDef>,
    touchpoints: Vec<Touchpoint>,
    actions: Vec<Action>,
    steps: Vec<crate::model::Step>,
}

fn read_kind(
    text: &str,
    root: &DeTable<'_>,
    kind: Kind,
    entries: &mut Entries,
    findings: &mut Vec<Finding>,
) -> Vec<EntrySpans> {
    let Some(value) = root.get(kind.key()) else {
        return Vec::new();
    };
    let not_tables = || {
        Finding::error(
            Locus::Span(value.span()),
            format!(
                "`{}` must be written as [[{}]] tables",
                kind.key(),
                kind.key()
            ),
        )
    };
    let DeValue::Array(items) = value.get_ref() else {
        findings.push(not_tables());
        return Vec::new();
    };
    let mut spans = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let is_header = text.get(item.span()).is_some_and(|s| s.starts_with("[["));
        let DeValue::Table(table) = item.get_ref() else {
            findings.push(not_tables());
            return spans;
        };
        if !is_header {
            findings.push(not_tables());
            return spans;
        }
        let origin = Origin::loaded(index);
        let mut r = Reader::new(table, item.span(), kind.noun(), findings);
        match kind {
            Kind::Stage => {
                let (id, name, phase) = (r.id("id", true), r.required_text("name"), r.phase());
                if let (Some(id), Some(name)) = (id, name) {
                    entries.stages.push(Stage {
                        origin,
                        id,
                        name,
                        phase,
                    });
                }
            }
            Kind::Department => {
                let (id, name, lead) = (r.id("id", true), r.required_text("name"), r.text("lead"));
                if let (Some(id), Some(name)) = (id, name) {
                    entries.departments.push(Department {
                        origin,
                        id,
                        name,
                        lead,
                    });
                }
            }
            Kind::Partner => {
                let (id, name, role) = (r.id("id", true), r.required_text("name"), r.text("role"));
                if let (Some(id), Some(name)) = (id, name) {
                    entries.partners.push(Partner {
                        origin,
                        id,
                        name,
                        role,
                    });
                }
            }
            Kind::MetricDef => {
                if let Some(m) = metrics::read_metric_def(&mut r, origin) {
                    entries.metrics.push(m);
                }
            }
            Kind::Touchpoint => {
                if let Some(t) = read_touchpoint(&mut r, origin) {
                    entries.touchpoints.push(t);
                }
            }
            Kind::Action => {
                let id = r.id("id", true);
                let touchpoint = r.id("touchpoint", true);
                let title = r.required_text("title");
                let owner = r.id("owner", false);
                let status = r.status();
                let due = r.date("due");
                let target = r.action_target();
                if let (Some(id), Some(touchpoint), Some(title)) = (id, touchpoint, title) {
                    entries.actions.push(Action {
                        origin,
                        id,
                        touchpoint,
                        title,
                        owner,
                        status,
                        due,
                        target,
                    });
                }
            }
            Kind::Step => {
                if let Some(step) = super::parse_blueprint::step(&mut r, origin) {
                    entries.steps.push(step);
                }
            }
        }
        spans.push(r.finish());
    }
    spans
}

fn read_touchpoint(r: &mut Reader<'_, '_>, origin: Origin) -> Option<Touchpoint> {
    let id = r.id("id", true);
    let stage = r.id("stage", true);
    let name = r.required_text("name");
    let mut touchpoint = Touchpoint {
        origin,
        channel: r.text("channel"),
        owner: r.id("owner", false),
        partner: r.id("partner", false),
        moment_of_truth: r.boolean("moment_of_truth").unwrap_or(false),
        expectation: r.text("expectation"),
        expected: r.score("expected"),
        experience: r.text("experience"),
        actual: r.score("actual"),
        emotion: r.emotion(),
        evidence: r.text_list("evidence"),
        volume: r.count("volume"),
        metrics: r.metrics(),
        notes: r.text("notes"),
        ..Touchpoint::new(id.clone()?, stage.clone()?, name.clone()?)
    };
    touchpoint.origin = origin;
    Some(touchpoint)
}

/// Reads typed fields from one table, recording spans, type errors and which
/// keys were understood.
pub(super) struct Reader<'t, 'f> {
    table: &'t DeTable<'t>,
    noun: &'static str,
    pub(super) spans: EntrySpans,
    used: HashSet<&'static str>,
    findings: &'f mut Vec<Finding>,
}

impl<'t, 'f> Reader<'t, 'f> {
    pub(super) fn new(
        table: &'t DeTable<'t>,
        span: Range<usize>,
        noun: &'static str,
        findings: &'f mut Vec<Finding>,
    ) -> Self {
        Self {
            table,
            noun,
            spans: EntrySpans {
                table: span,
                ..EntrySpans::default()
            },
            used: HashSet::new(),
            findings,
        }
    }

    pub(super) fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'t>>> {
        self.used.insert(key);
        let value = self.table.get(key)?;
        self.spans.fields.insert(key, value.span());
        Some(value)
    }

    pub(super) fn error(&mut self, span: Range<usize>, message: String) {
        self.findings
            .push(Finding::error(Locus::Span(span), message));
    }

    pub(super) fn wrong_type(&mut self, key: &str, value: &Spanned<DeValue<'_>>, wanted: &str) {
        let message = format!(
            "`{key}` must be {wanted}, found {}",
            value.get_ref().type_str()
        );
        self.error(value.span(), message);
    }

    fn missing(&mut self, key: &str) {
        let message = format!("{} is missing required field `{key}`", self.noun);
        let span = self.spans.table.clone();
        self.error(span, message);
    }

    pub(super) fn text(&mut self, key: &'static str) -> Option<String> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(key, value, "a string");
                None
            }
        }
    }

    pub(super) fn required_text(&mut self, key: &'static str) -> Option<String> {
        if !self.table.contains_key(key) {
            self.missing(key);
        }
        let text = self.text(key)?;
        if text.trim().is_empty() {
            let span = self.spans.fields.get(key).cloned().unwrap_or_default();
            self.error(span, format!("`{key}` must not be empty"));
            return None;
        }
        Some(text)
    }

    pub(super) fn id(&mut self, key: &'static str, required: bool) -> Option<Id> {
        let text = if required {
            self.required_text(key)?
        } else {
            self.text(key)?
        };
        match Id::new(&text) {
            Ok(id) => Some(id),
            Err(why) => {
                let span = self.spans.fields.get(key).cloned().unwrap_or_default();
                self.error(span, format!("`{key}` {text:?} is not a valid id: {why}"));
                None
            }
        }
    }

    fn integer(&mut self, key: &'static str) -> Option<i64> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok().or_else(|| {
                self.wrong_type(key, value, "a small integer");
                None
            }),
            _ => {
                self.wrong_type(key, value, "an integer");
                None
            }
        }
    }

    fn ranged<T>(
        &mut self,
        key: &'static str,
        make: fn(i64) -> Result<T, crate::model::RangeError>,
        range: &str,
    ) -> Option<T> {
        let value = self.integer(key)?;
        match make(value) {
            Ok(v) => Some(v),
            Err(_) => {
                let span = self.spans.fields.get(key).cloned().unwrap_or_default();
                self.error(span, format!("`{key}` = {value} is out of range {range}"));
                None
            }
        }
    }

    fn score(&mut self, key: &'static str) -> Option<Score> {
        self.ranged(key, Score::new, "1..5")
    }

    fn emotion(&mut self) -> Option<Emotion> {
        self.ranged("emotion", Emotion::new, "-2..2")
    }

    pub(super) fn boolean(&mut self, key: &'static str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, value, "true or false");
                None
            }
        }
    }

    fn phase(&mut self) -> Option<Phase> {
        let text = self.text("phase")?;
        let phase = Phase::parse(&text);
        if phase.is_none() {
            let span = self.spans.fields.get("phase").cloned().unwrap_or_default();
            self.error(
                span,
                format!("`phase` {text:?} must be buy, own or advocate"),
            );
        }
        phase
    }

    fn status(&mut self) -> ActionStatus {
        let Some(text) = self.text("status") else {
            return ActionStatus::default();
        };
        ActionStatus::parse(&text).unwrap_or_else(|| {
            let span = self.spans.fields.get("status").cloned().unwrap_or_default();
            self.error(
                span,
                format!("`status` {text:?} must be open, doing or done"),
            );
            ActionStatus::default()
        })
    }

    fn date(&mut self, key: &'static str) -> Option<Date> {
        let value = self.get(key)?;
        let date = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                dt.date.and_then(|d| Date::new(d.year, d.month, d.day))
            }
            DeValue::String(s) => Date::parse(s),
            _ => None,
        };
        if date.is_none() {
            self.wrong_type(key, value, "a date like 2026-12-15");
        }
        date
    }

    pub(super) fn text_list(&mut self, key: &'static str) -> Vec<String> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, "an array of strings");
            return Vec::new();
        };
        let mut list = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => list.push(s.to_string()),
                _ => self.wrong_type(key, item, "an array of strings"),
            }
        }
        list
    }

    /// Reports unknown keys and hands back the spans.
    pub(super) fn finish(self) -> EntrySpans {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref().as_ref();
            if !self.used.contains(name) {
                let hint = Kind::ALL
                    .into_iter()
                    .find(|k| k.noun() == name || k.key().eq_ignore_ascii_case(name))
                    .map_or(String::new(), |k| format!("; did you mean `{}`?", k.key()));
                self.findings.push(Finding::warning(
                    Locus::Span(key.span()),
                    format!("unknown key `{name}` in {} (kept on save){hint}", self.noun),
                ));
            }
        }
        self.spans
    }
}
