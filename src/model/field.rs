//! The vocabulary of a journey file, said once: every key of every table,
//! in file order, with the type of its value. The store's key order, `set`,
//! the forms, the CSV columns and the diff all read this table.

use super::{
    Action, ActionTarget, Date, Department, Economics, Journey, Kind, Metric, MetricDef, Origin,
    Partner, Scale, Stage, Touchpoint,
};
use super::{JourneyState, Persona};

/// A key of a journey file. One variant per key name: `owner` is the same
/// key in a touchpoint and an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Schema,
    Title,
    Persona,
    Promise,
    Description,
    Id,
    Name,
    Phase,
    Lead,
    Role,
    Stage,
    Channel,
    Owner,
    Partner,
    MomentOfTruth,
    Expectation,
    Expected,
    Experience,
    Actual,
    Emotion,
    Evidence,
    Metrics,
    Notes,
    Touchpoint,
    Status,
    Due,
    // What a journey measures: metric definitions, volumes, targets and
    // economics.
    MetricKind,
    Scale,
    Unit,
    Better,
    Target,
    Question,
    Volume,
    Economics,
    // Service blueprints, personas and states.
    Lane,
    FailPoint,
    Goals,
    Needs,
    Quote,
    Context,
    State,
    Baseline,
}

impl Field {
    /// The key as written in the file.
    pub const fn key(self) -> &'static str {
        match self {
            Field::Schema => "schema",
            Field::Title => "title",
            Field::Persona => "persona",
            Field::Promise => "promise",
            Field::Description => "description",
            Field::Id => "id",
            Field::Name => "name",
            Field::Phase => "phase",
            Field::Lead => "lead",
            Field::Role => "role",
            Field::Stage => "stage",
            Field::Channel => "channel",
            Field::Owner => "owner",
            Field::Partner => "partner",
            Field::MomentOfTruth => "moment_of_truth",
            Field::Expectation => "expectation",
            Field::Expected => "expected",
            Field::Experience => "experience",
            Field::Actual => "actual",
            Field::Emotion => "emotion",
            Field::Evidence => "evidence",
            Field::Metrics => "metrics",
            Field::Notes => "notes",
            Field::Touchpoint => "touchpoint",
            Field::Status => "status",
            Field::Due => "due",
            Field::MetricKind => "kind",
            Field::Scale => "scale",
            Field::Unit => "unit",
            Field::Better => "better",
            Field::Target => "target",
            Field::Question => "question",
            Field::Volume => "volume",
            Field::Economics => "economics",
            Field::Lane => "lane",
            Field::FailPoint => "fail_point",
            Field::Goals => "goals",
            Field::Needs => "needs",
            Field::Quote => "quote",
            Field::Context => "context",
            Field::State => "state",
            Field::Baseline => "baseline",
        }
    }
}

/// What a field holds, which decides how text is parsed into it and how a
/// form edits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// The file's schema number; not the user's to change.
    Schema,
    /// One line of text.
    Line,
    /// Text that may run over several lines.
    Lines,
    /// The entry's own id, a slug.
    Id,
    /// The id of another entry of this kind.
    Ref(Kind),
    /// A channel name: free text, with the journey's and common channels
    /// offered.
    Channel,
    /// A score 1..5.
    Score,
    /// -2..2.
    Emotion,
    /// true or false (absent is false).
    Flag,
    /// buy, own or advocate.
    Phase,
    /// open, doing or done.
    Status,
    /// A calendar date.
    Date,
    /// A list of texts.
    TextList,
    /// Named numbers.
    Metrics,
    /// A whole number 0 or more (`volume`).
    Count,
    /// A number (`target` of a metric).
    Number,
    /// `[min, max]`.
    Scale,
    /// csat, ces, nps, rate, count, duration or custom.
    MetricKind,
    /// higher or lower.
    Better,
    /// `{ metric = "ID", value = N }`: what an action aims for.
    Target,
    /// The `[economics]` table.
    Economics,
    /// frontstage, backstage or support.
    Lane,
    /// current or future.
    State,
}

impl FieldType {
    /// The values a field of a fixed set can take, in the order Left/Right
    /// step through them (references come from the journey instead).
    pub fn values(self) -> Option<&'static [&'static str]> {
        match self {
            FieldType::Flag => Some(&["false", "true"]),
            FieldType::Phase => Some(&["", "buy", "own", "advocate"]),
            FieldType::Status => Some(&["open", "doing", "done"]),
            FieldType::Emotion => Some(&["", "-2", "-1", "0", "+1", "+2"]),
            FieldType::MetricKind => Some(&[
                "", "csat", "ces", "nps", "rate", "count", "duration", "custom",
            ]),
            FieldType::Better => Some(&["", "higher", "lower"]),
            FieldType::Lane => Some(&["frontstage", "backstage", "support"]),
            FieldType::State => Some(&["", "current", "future"]),
            _ => None,
        }
    }
}

/// One row of the table: a key, its type, and whether it must be set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub field: Field,
    pub ty: FieldType,
    pub required: bool,
}

const fn spec(field: Field, ty: FieldType, required: bool) -> FieldSpec {
    FieldSpec {
        field,
        ty,
        required,
    }
}

/// The journey's top-level keys in file order.
pub const HEADER: &[FieldSpec] = &[
    spec(Field::Schema, FieldType::Schema, true),
    spec(Field::Title, FieldType::Line, true),
    spec(Field::Persona, FieldType::Line, false),
    spec(Field::Promise, FieldType::Line, false),
    spec(Field::Description, FieldType::Lines, false),
    spec(Field::Economics, FieldType::Economics, false),
    spec(Field::State, FieldType::State, false),
    spec(Field::Baseline, FieldType::Line, false),
];

const STAGE: &[FieldSpec] = &[
    spec(Field::Id, FieldType::Id, true),
    spec(Field::Name, FieldType::Line, true),
    spec(Field::Phase, FieldType::Phase, false),
];

const DEPARTMENT: &[FieldSpec] = &[
    spec(Field::Id, FieldType::Id, true),
    spec(Field::Name, FieldType::Line, true),
    spec(Field::Lead, FieldType::Line, false),
];

const PARTNER: &[FieldSpec] = &[
    spec(Field::Id, FieldType::Id, true),
    spec(Field::Name, FieldType::Line, true),
    spec(Field::Role, FieldType::Line, false),
];

const TOUCHPOINT: &[FieldSpec] = &[
    spec(Field::Id, FieldType::Id, true),
    spec(Field::Stage, FieldType::Ref(Kind::Stage), true),
    spec(Field::Name, FieldType::Line, true),
    spec(Field::Channel, FieldType::Channel, false),
    spec(Field::Owner, FieldType::Ref(Kind::Department), false),
    spec(Field::Partner, FieldType::Ref(Kind::Partner), false),
    spec(Field::MomentOfTruth, FieldType::Flag, false),
    spec(Field::Expectation, FieldType::Lines, false),
    spec(Field::Expected, FieldType::Score, false),
    spec(Field::Experience, FieldType::Lines, false),
    spec(Field::Actual, FieldType::Score, false),
    spec(Field::Emotion, FieldType::Emotion, false),
    spec(Field::Evidence, FieldType::TextList, false),
    spec(Field::Volume, FieldType::Count, false),
    spec(Field::Metrics, FieldType::Metrics, false),
    spec(Field::Notes, FieldType::Lines, false),
];

const ACTION: &[FieldSpec] = &[
    spec(Field::Id, FieldType::Id, true),
    spec(Field::Touchpoint, FieldType::Ref(Kind::Touchpoint), true),
    spec(Field::Title, FieldType::Line, true),
    spec(Field::Owner, FieldType::Ref(Kind::Department), false),
    spec(Field::Status, FieldType::Status, true),
    spec(Field::Due, FieldType::Date, false),
    spec(Field::Target, FieldType::Target, false),
];

const METRIC_DEF: &[FieldSpec] = &[
    spec(Field::Id, FieldType::Id, true),
    spec(Field::Name, FieldType::Line, true),
    spec(Field::MetricKind, FieldType::MetricKind, false),
    spec(Field::Scale, FieldType::Scale, false),
    spec(Field::Unit, FieldType::Line, false),
    spec(Field::Better, FieldType::Better, false),
    spec(Field::Target, FieldType::Number, false),
    spec(Field::Question, FieldType::Line, false),
];

const STEP: &[FieldSpec] = &[
    spec(Field::Id, FieldType::Id, true),
    spec(Field::Touchpoint, FieldType::Ref(Kind::Touchpoint), true),
    spec(Field::Lane, FieldType::Lane, true),
    spec(Field::Name, FieldType::Line, true),
    spec(Field::Owner, FieldType::Ref(Kind::Department), false),
    spec(Field::Partner, FieldType::Ref(Kind::Partner), false),
    spec(Field::FailPoint, FieldType::Flag, false),
    spec(Field::Notes, FieldType::Lines, false),
];

impl Kind {
    /// The keys of this kind's tables, in file order.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Kind::Stage => STAGE,
            Kind::Department => DEPARTMENT,
            Kind::Partner => PARTNER,
            Kind::MetricDef => METRIC_DEF,
            Kind::Touchpoint => TOUCHPOINT,
            Kind::Action => ACTION,
            Kind::Step => STEP,
        }
    }

    /// The row of `key` in this kind's table.
    pub fn field(self, key: &str) -> Option<FieldSpec> {
        self.fields().iter().copied().find(|s| s.field.key() == key)
    }
}

impl FieldSpec {
    /// A value as text, the way `set` takes it back and forms and the diff
    /// show it; `None` for an absent value (an absent flag reads `false`).
    pub fn text(self, value: Option<&FieldValue>) -> Option<String> {
        let Some(value) = value else {
            return (self.ty == FieldType::Flag).then(|| "false".to_owned());
        };
        Some(match value {
            FieldValue::Text(s) => s.clone(),
            FieldValue::Integer(i) if self.ty == FieldType::Emotion && *i > 0 => format!("+{i}"),
            FieldValue::Integer(i) => i.to_string(),
            FieldValue::Bool(b) => b.to_string(),
            FieldValue::Date(d) => d.to_string(),
            FieldValue::TextList(list) => list.join(" | "),
            FieldValue::Metrics(m) => m
                .iter()
                .map(|m| format!("{}={}", m.name, m.value))
                .collect::<Vec<_>>()
                .join(", "),
            FieldValue::Number(n) => super::number(*n),
            FieldValue::Scale(s) => format!("{}..{}", super::number(s.min), super::number(s.max)),
            FieldValue::Target(t) => t.to_string(),
            FieldValue::Economics(e) => e.to_string(),
        })
    }
}

/// The row of `key` among the header keys.
pub fn header_field(key: &str) -> Option<FieldSpec> {
    HEADER.iter().copied().find(|s| s.field.key() == key)
}

/// A field's value, as it is written to the file.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    Integer(i64),
    Bool(bool),
    TextList(Vec<String>),
    Metrics(Vec<Metric>),
    Date(Date),
    Number(f64),
    Scale(Scale),
    Target(ActionTarget),
    Economics(Economics),
}

/// A key and its value; `None` means the key is absent.
pub type FieldEntry = (Field, Option<FieldValue>);

fn text(value: &Option<String>) -> Option<FieldValue> {
    value.clone().map(FieldValue::Text)
}

fn id_text(id: &Option<super::Id>) -> Option<FieldValue> {
    id.as_ref().map(|i| FieldValue::Text(i.to_string()))
}

/// Something stored as one `[[table]]`.
pub trait Entry {
    const KIND: Kind;
    fn origin(&self) -> Origin;
    /// The value of one of this kind's fields (`None`: absent).
    fn get(&self, field: Field) -> Option<FieldValue>;
    /// Every field in file order.
    fn fields(&self) -> Vec<FieldEntry> {
        Self::KIND
            .fields()
            .iter()
            .map(|s| (s.field, self.get(s.field)))
            .collect()
    }
}

/// The journey's top-level keys in file order.
pub fn header_fields(journey: &Journey) -> Vec<FieldEntry> {
    HEADER
        .iter()
        .map(|s| {
            let value = match s.field {
                Field::Schema => Some(FieldValue::Integer(journey.schema)),
                Field::Title => Some(FieldValue::Text(journey.title.clone())),
                // A `[persona]` card is a table of its own (`PersonaCard::fields`).
                Field::Persona => match &journey.persona {
                    Some(Persona::Line(line)) => Some(FieldValue::Text(line.clone())),
                    _ => None,
                },
                Field::Promise => text(&journey.promise),
                Field::Description => text(&journey.description),
                Field::Economics => journey.economics.clone().map(FieldValue::Economics),
                Field::State => journey
                    .state
                    .map(|s| FieldValue::Text(JourneyState::name(s).into())),
                Field::Baseline => text(&journey.baseline),
                _ => None,
            };
            (s.field, value)
        })
        .collect()
}

impl Entry for Stage {
    const KIND: Kind = Kind::Stage;

    fn origin(&self) -> Origin {
        self.origin
    }

    fn get(&self, field: Field) -> Option<FieldValue> {
        match field {
            Field::Id => Some(FieldValue::Text(self.id.to_string())),
            Field::Name => Some(FieldValue::Text(self.name.clone())),
            Field::Phase => self.phase.map(|p| FieldValue::Text(p.name().into())),
            _ => None,
        }
    }
}

impl Entry for Department {
    const KIND: Kind = Kind::Department;

    fn origin(&self) -> Origin {
        self.origin
    }

    fn get(&self, field: Field) -> Option<FieldValue> {
        match field {
            Field::Id => Some(FieldValue::Text(self.id.to_string())),
            Field::Name => Some(FieldValue::Text(self.name.clone())),
            Field::Lead => text(&self.lead),
            _ => None,
        }
    }
}

impl Entry for Partner {
    const KIND: Kind = Kind::Partner;

    fn origin(&self) -> Origin {
        self.origin
    }

    fn get(&self, field: Field) -> Option<FieldValue> {
        match field {
            Field::Id => Some(FieldValue::Text(self.id.to_string())),
            Field::Name => Some(FieldValue::Text(self.name.clone())),
            Field::Role => text(&self.role),
            _ => None,
        }
    }
}

impl Entry for Touchpoint {
    const KIND: Kind = Kind::Touchpoint;

    fn origin(&self) -> Origin {
        self.origin
    }

    fn get(&self, field: Field) -> Option<FieldValue> {
        let score = |s: Option<super::Score>| s.map(|s| FieldValue::Integer(s.get().into()));
        match field {
            Field::Id => Some(FieldValue::Text(self.id.to_string())),
            Field::Stage => Some(FieldValue::Text(self.stage.to_string())),
            Field::Name => Some(FieldValue::Text(self.name.clone())),
            Field::Channel => text(&self.channel),
            Field::Owner => id_text(&self.owner),
            Field::Partner => id_text(&self.partner),
            Field::MomentOfTruth => self.moment_of_truth.then_some(FieldValue::Bool(true)),
            Field::Expectation => text(&self.expectation),
            Field::Expected => score(self.expected),
            Field::Experience => text(&self.experience),
            Field::Actual => score(self.actual),
            Field::Emotion => self.emotion.map(|e| FieldValue::Integer(e.get().into())),
            Field::Evidence => {
                (!self.evidence.is_empty()).then(|| FieldValue::TextList(self.evidence.clone()))
            }
            Field::Metrics => {
                (!self.metrics.is_empty()).then(|| FieldValue::Metrics(self.metrics.clone()))
            }
            Field::Notes => text(&self.notes),
            Field::Volume => self
                .volume
                .map(|v| FieldValue::Integer(i64::try_from(v).unwrap_or(i64::MAX))),
            _ => None,
        }
    }
}

impl Entry for Action {
    const KIND: Kind = Kind::Action;

    fn origin(&self) -> Origin {
        self.origin
    }

    fn get(&self, field: Field) -> Option<FieldValue> {
        match field {
            Field::Id => Some(FieldValue::Text(self.id.to_string())),
            Field::Touchpoint => Some(FieldValue::Text(self.touchpoint.to_string())),
            Field::Title => Some(FieldValue::Text(self.title.clone())),
            Field::Owner => id_text(&self.owner),
            Field::Status => Some(FieldValue::Text(self.status.name().into())),
            Field::Due => self.due.map(FieldValue::Date),
            Field::Target => self.target.clone().map(FieldValue::Target),
            _ => None,
        }
    }
}

impl Entry for MetricDef {
    const KIND: Kind = Kind::MetricDef;

    fn origin(&self) -> Origin {
        self.origin
    }

    fn get(&self, field: Field) -> Option<FieldValue> {
        match field {
            Field::Id => Some(FieldValue::Text(self.id.to_string())),
            Field::Name => Some(FieldValue::Text(self.name.clone())),
            Field::MetricKind => self.kind.map(|k| FieldValue::Text(k.name().into())),
            Field::Scale => self.scale.map(FieldValue::Scale),
            Field::Unit => text(&self.unit),
            Field::Better => self.better.map(|b| FieldValue::Text(b.name().into())),
            Field::Target => self.target.map(FieldValue::Number),
            Field::Question => text(&self.question),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_named_once_per_table() {
        for table in Kind::ALL
            .iter()
            .map(|k| k.fields())
            .chain([HEADER, crate::model::PERSONA])
        {
            let mut keys: Vec<&str> = table.iter().map(|s| s.field.key()).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), table.len());
        }
        assert_eq!(
            Kind::Touchpoint.field("moment_of_truth").map(|s| s.ty),
            Some(FieldType::Flag)
        );
        assert_eq!(Kind::Stage.field("owner"), None);
    }
}
