//! Findings: what `check` reports, and where in the journey each one points.

use std::ops::Range;

use super::Kind;

/// How serious a finding is: an error makes a journey invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Where a finding points. Parsing knows byte spans; checks over the model
/// know entries and fields, which the store's source map turns into spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locus {
    /// A byte range of the file.
    Span(Range<usize>),
    /// A key of the journey header (`title`, `schema`...).
    Header(&'static str),
    /// An entry, or one field of it.
    Entry {
        kind: Kind,
        index: usize,
        field: Option<&'static str>,
    },
    /// One metric value of a touchpoint (index in `journey.touchpoints`).
    Metric { index: usize, name: String },
    /// The file as a whole.
    File,
}

/// One error or warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub message: String,
    pub locus: Locus,
}

impl Finding {
    pub fn error(locus: Locus, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            locus,
        }
    }

    pub fn warning(locus: Locus, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            message: message.into(),
            locus,
        }
    }

    /// An entry's field.
    pub fn at(kind: Kind, index: usize, field: &'static str) -> Locus {
        Locus::Entry {
            kind,
            index,
            field: Some(field),
        }
    }
}
