//! The journey model: plain data and the invariants of its value types. No I/O.

mod assign;
mod blueprint;
mod create;
mod entities;
mod field;
mod finding;
mod header;
mod ids;
mod measure;
mod score;
mod set;

pub use assign::{AssignError, Target, assign, parse_value, rename, set_header};
pub use blueprint::{Lane, Step};
pub use create::{create, exists, ids, needed};
pub use entities::{
    Action, ActionStatus, Date, Department, Journey, Kind, Metric, Origin, Partner, Phase, Stage,
    Touchpoint,
};
pub use field::{
    Entry, Field, FieldEntry, FieldSpec, FieldType, FieldValue, HEADER, header_field, header_fields,
};
pub use finding::{Finding, Locus, Severity};
pub use header::{JourneyState, PERSONA, Persona, PersonaCard, persona_field, persona_key};
pub use ids::{Id, IdError, slug};
pub use measure::{
    ActionTarget, Better, Churn, Economics, MetricDef, MetricDetail, MetricKind, Scale, number,
};
pub use score::{Emotion, Gap, GapClass, RangeError, Score};
pub use set::{EntryList, KindVisitor, visit_kind};
