//! Merging three journey files (a git merge driver's BASE, OURS, THEIRS):
//! the journeys merge by meaning (`analysis::merge`), and the result is
//! written in OURS's layout the way a save writes an edit: OURS's untouched
//! lines stay byte for byte, THEIRS's changes arrive in the canonical
//! layout, tables THEIRS added come with their comments, and keys corridor
//! does not know are merged as they are written. Conflicts are left in the
//! file between git's markers, where `check` points at each of them.

mod extras;
pub mod markers;

use crate::analysis::merge::{Conflict, Options, Side, merge};
use crate::model::{Finding, Journey, Severity};

use super::{EditError, Rendered, SourceMap, parse_journey, render_onto};

/// One of the three files of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Base,
    Ours,
    Theirs,
}

impl Input {
    pub fn name(self) -> &'static str {
        match self {
            Input::Base => "BASE",
            Input::Ours => "OURS",
            Input::Theirs => "THEIRS",
        }
    }
}

/// Why no merged file could be made.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("{} is not a valid journey", .input.name())]
    Invalid {
        input: Input,
        findings: Vec<Finding>,
        source_map: SourceMap,
    },
    #[error("the merge could not be written in OURS's layout: {0}")]
    Edit(EditError),
    #[error("the merged file would not read back as the merged journey")]
    RoundTrip,
}

/// A merged file: its text, and the conflicts marked in it (none when it
/// is a valid journey).
#[derive(Debug)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
    /// The merged journey (conflicts settled OURS's way, entries removed on
    /// one side and changed on the other kept).
    pub journey: Journey,
}

fn parsed(text: &str, input: Input) -> Result<(Journey, SourceMap, bool), MergeError> {
    // Git gives an empty BASE when both sides added the file.
    if input == Input::Base && text.trim().is_empty() {
        let empty = Journey {
            schema: Journey::SCHEMA,
            ..Journey::default()
        };
        return Ok((empty, SourceMap::default(), false));
    }
    let parsed = parse_journey(text);
    let unknown = parsed
        .findings
        .iter()
        .any(|f| f.severity == Severity::Warning && f.message.starts_with("unknown key"));
    match parsed.journey {
        Some(journey) => Ok((journey, parsed.source_map, unknown)),
        None => Err(MergeError::Invalid {
            input,
            findings: parsed.findings,
            source_map: parsed.source_map,
        }),
    }
}

/// Merges THEIRS into OURS, both made from BASE.
pub fn merge_texts(base: &str, ours: &str, theirs: &str) -> Result<Merged, MergeError> {
    let (base_j, _, base_unknown) = parsed(base, Input::Base)?;
    let (ours_j, ours_spans, ours_unknown) = parsed(ours, Input::Ours)?;
    let (theirs_j, theirs_spans, theirs_unknown) = parsed(theirs, Input::Theirs)?;
    let merged = merge(
        &base_j,
        &ours_j,
        &theirs_j,
        Options {
            prefer: Side::Ours,
            keep_changed: true,
        },
    );
    let mut conflicts = merged.conflicts;
    let journey = merged.journey;
    let (mut text, _, _) =
        render_onto(ours, &ours_spans, &ours_j, &journey).map_err(|e| match e {
            Rendered::Edit(e) => MergeError::Edit(e),
            Rendered::RoundTrip => MergeError::RoundTrip,
        })?;
    let sides = extras::Sides {
        base,
        theirs,
        theirs_journey: &theirs_j,
        theirs_spans: &theirs_spans,
    };
    let unknown = base_unknown || ours_unknown || theirs_unknown;
    if let Some(with) = extras::apply(&text, &journey, &sides, unknown, &mut conflicts) {
        text = with;
    }
    if !conflicts.is_empty() {
        text = markers::mark(&text, &conflicts, &sides);
    }
    Ok(Merged {
        text,
        conflicts,
        journey,
    })
}

#[cfg(test)]
mod tests;
