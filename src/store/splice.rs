//! The quick save: when an edit only changes values of keys that are
//! already in the file (a score, a name, a status), the new values are
//! spliced into the text at their spans; nothing else is parsed into an
//! editable document (the spans come from the parse that loaded the text).
//! Anything else (keys added or removed, entries added,
//! removed or moved, lists and metrics) goes through `edit::apply`. New
//! values are written as the canonical layout writes them, in the file's
//! line endings; every other byte stays.

use super::canonical::Framing;
use super::source::SourceMap;
use super::values;
use crate::model::Locus;
use crate::model::{Entry, FieldEntry, FieldValue, header_fields};
use crate::model::{Journey, Kind};

/// One value to replace.
struct Change {
    key: &'static str,
    locus: Locus,
    value: FieldValue,
}

/// The new text, or `None` when the edit needs the full editor.
pub fn apply(
    source: &str,
    map: &SourceMap,
    baseline: &Journey,
    journey: &Journey,
) -> Option<String> {
    let mut changes = Vec::new();
    diff_fields(
        &header_fields(baseline),
        &header_fields(journey),
        &mut changes,
        Locus::Header,
    )?;
    diff_kind(Kind::Stage, &baseline.stages, &journey.stages, &mut changes)?;
    diff_kind(
        Kind::Department,
        &baseline.departments,
        &journey.departments,
        &mut changes,
    )?;
    diff_kind(
        Kind::Partner,
        &baseline.partners,
        &journey.partners,
        &mut changes,
    )?;
    diff_kind(
        Kind::MetricDef,
        &baseline.metrics,
        &journey.metrics,
        &mut changes,
    )?;
    diff_kind(
        Kind::Touchpoint,
        &baseline.touchpoints,
        &journey.touchpoints,
        &mut changes,
    )?;
    diff_kind(
        Kind::Action,
        &baseline.actions,
        &journey.actions,
        &mut changes,
    )?;
    diff_kind(Kind::Step, &baseline.steps, &journey.steps, &mut changes)?;
    let cards = |j: &Journey| j.persona.as_ref().and_then(|p| p.card()).cloned();
    if let (Some(before), Some(after)) = (cards(baseline), cards(journey)) {
        diff_fields(&before.fields(), &after.fields(), &mut changes, |key| {
            Locus::Header(crate::model::persona_key(key).unwrap_or(key))
        })?;
    }
    if changes.is_empty() {
        return Some(source.to_owned());
    }
    let eol = Framing::of(source).eol;
    let mut splices: Vec<(std::ops::Range<usize>, String)> = changes
        .into_iter()
        .map(|c| {
            let text = values::text(c.key, &c.value, eol);
            Some((exact_span(map, &c.locus)?, text))
        })
        .collect::<Option<_>>()?;
    splices.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut text = source.to_owned();
    for (span, value) in splices {
        text.get(span.clone())?;
        text.replace_range(span, &value);
    }
    Some(text)
}

/// Entries must be the loaded ones, in their loaded order.
fn diff_kind<E: Entry + PartialEq>(
    kind: Kind,
    baseline: &[E],
    entries: &[E],
    changes: &mut Vec<Change>,
) -> Option<()> {
    if baseline.len() != entries.len() {
        return None;
    }
    for (index, (before, after)) in baseline.iter().zip(entries).enumerate() {
        if after.origin().index() != Some(index) {
            return None;
        }
        if before != after {
            diff_fields(&before.fields(), &after.fields(), changes, |key| {
                Locus::Entry {
                    kind,
                    index,
                    field: Some(key),
                }
            })?;
        }
    }
    Some(())
}

/// Records changed scalar values; `None` when a key would appear or go, or
/// a list or table changed.
fn diff_fields(
    before: &[FieldEntry],
    after: &[FieldEntry],
    changes: &mut Vec<Change>,
    locus: impl Fn(&'static str) -> Locus,
) -> Option<()> {
    for ((key, old), (_, new)) in before.iter().zip(after) {
        match (old, new) {
            (Some(a), Some(b)) if a == b => {}
            (None, None) => {}
            (Some(_), Some(value)) => match value {
                FieldValue::TextList(_)
                | FieldValue::Metrics(_)
                | FieldValue::Scale(_)
                | FieldValue::Target(_)
                | FieldValue::Economics(_) => return None,
                value => changes.push(Change {
                    key: key.key(),
                    locus: locus(key.key()),
                    value: value.clone(),
                }),
            },
            _ => return None,
        }
    }
    Some(())
}

/// The span of the value itself: no falling back to the table header when a
/// key is not written (as a default status is not).
fn exact_span(map: &SourceMap, locus: &Locus) -> Option<std::ops::Range<usize>> {
    match locus {
        Locus::Header(key) => map.header.get(key).cloned(),
        Locus::Entry {
            kind,
            index,
            field: Some(field),
        } => map
            .entries
            .get(kind)?
            .get(*index)?
            .fields
            .get(field)
            .cloned(),
        _ => None,
    }
}
