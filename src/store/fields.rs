//! The fields of each table in file order, as values the editor can compare
//! and write. This is the one place that knows the canonical key order.

use crate::model::{Action, Date, Department, Journey, Metric, Origin, Partner, Stage, Touchpoint};

/// A field's value, as it is written to the file.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    Integer(i64),
    Bool(bool),
    TextList(Vec<String>),
    Metrics(Vec<Metric>),
    Date(Date),
}

/// A key and its value; `None` means the key is absent.
pub type Field = (&'static str, Option<FieldValue>);

fn text(value: &Option<String>) -> Option<FieldValue> {
    value.clone().map(FieldValue::Text)
}

/// Something stored as one `[[table]]`.
pub trait Entry {
    fn origin(&self) -> Origin;
    /// Every field in canonical order.
    fn fields(&self) -> Vec<Field>;
}

/// The journey's top-level keys in canonical order.
pub fn header_fields(journey: &Journey) -> Vec<Field> {
    vec![
        ("schema", Some(FieldValue::Integer(journey.schema))),
        ("title", Some(FieldValue::Text(journey.title.clone()))),
        ("persona", text(&journey.persona)),
        ("promise", text(&journey.promise)),
        ("description", text(&journey.description)),
    ]
}

impl Entry for Stage {
    fn origin(&self) -> Origin {
        self.origin
    }

    fn fields(&self) -> Vec<Field> {
        vec![
            ("id", Some(FieldValue::Text(self.id.to_string()))),
            ("name", Some(FieldValue::Text(self.name.clone()))),
            (
                "phase",
                self.phase.map(|p| FieldValue::Text(p.name().into())),
            ),
        ]
    }
}

impl Entry for Department {
    fn origin(&self) -> Origin {
        self.origin
    }

    fn fields(&self) -> Vec<Field> {
        vec![
            ("id", Some(FieldValue::Text(self.id.to_string()))),
            ("name", Some(FieldValue::Text(self.name.clone()))),
            ("lead", text(&self.lead)),
        ]
    }
}

impl Entry for Partner {
    fn origin(&self) -> Origin {
        self.origin
    }

    fn fields(&self) -> Vec<Field> {
        vec![
            ("id", Some(FieldValue::Text(self.id.to_string()))),
            ("name", Some(FieldValue::Text(self.name.clone()))),
            ("role", text(&self.role)),
        ]
    }
}

impl Entry for Touchpoint {
    fn origin(&self) -> Origin {
        self.origin
    }

    fn fields(&self) -> Vec<Field> {
        let id_text =
            |id: &Option<crate::model::Id>| id.as_ref().map(|i| FieldValue::Text(i.to_string()));
        let score = |s: Option<crate::model::Score>| s.map(|s| FieldValue::Integer(s.get().into()));
        vec![
            ("id", Some(FieldValue::Text(self.id.to_string()))),
            ("stage", Some(FieldValue::Text(self.stage.to_string()))),
            ("name", Some(FieldValue::Text(self.name.clone()))),
            ("channel", text(&self.channel)),
            ("owner", id_text(&self.owner)),
            ("partner", id_text(&self.partner)),
            (
                "moment_of_truth",
                self.moment_of_truth.then_some(FieldValue::Bool(true)),
            ),
            ("expectation", text(&self.expectation)),
            ("expected", score(self.expected)),
            ("experience", text(&self.experience)),
            ("actual", score(self.actual)),
            (
                "emotion",
                self.emotion.map(|e| FieldValue::Integer(e.get().into())),
            ),
            (
                "evidence",
                (!self.evidence.is_empty()).then(|| FieldValue::TextList(self.evidence.clone())),
            ),
            (
                "metrics",
                (!self.metrics.is_empty()).then(|| FieldValue::Metrics(self.metrics.clone())),
            ),
            ("notes", text(&self.notes)),
        ]
    }
}

impl Entry for Action {
    fn origin(&self) -> Origin {
        self.origin
    }

    fn fields(&self) -> Vec<Field> {
        vec![
            ("id", Some(FieldValue::Text(self.id.to_string()))),
            (
                "touchpoint",
                Some(FieldValue::Text(self.touchpoint.to_string())),
            ),
            ("title", Some(FieldValue::Text(self.title.clone()))),
            (
                "owner",
                self.owner.as_ref().map(|o| FieldValue::Text(o.to_string())),
            ),
            ("status", Some(FieldValue::Text(self.status.name().into()))),
            ("due", self.due.map(FieldValue::Date)),
        ]
    }
}
