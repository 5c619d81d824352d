//! Applying a changed journey to the document it was loaded from, touching
//! only what changed: edited values keep their decor, untouched tables keep
//! their bytes, moved tables carry their own comments. What is written new
//! (values, keys, tables) is in the canonical layout, and the file keeps its
//! byte-order mark and line endings.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Key, Table, Value};

use super::canonical::{Framing, LineEnding};
use super::values;
use crate::model::{Entry, FieldEntry, FieldValue, header_fields};
use crate::model::{Journey, Kind};

/// The document could not be edited as asked.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("the original text no longer parses: {0}")]
    Parse(String),
    #[error("`{0}` is not written as [[{0}]] tables")]
    NotTables(&'static str),
}

/// Applies the difference between `baseline` (what `source` holds) and
/// `journey` to `source`, and returns the new text.
pub fn apply(source: &str, baseline: &Journey, journey: &Journey) -> Result<String, EditError> {
    let framing = Framing::of(source);
    let eol = framing.eol;
    let mut doc: DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Parse(e.message().to_owned()))?;
    super::order::spread_positions(&mut doc);
    let headings = super::order::detach_headings(&mut doc);
    let header = (header_fields(baseline), header_fields(journey));
    sync_fields(doc.as_table_mut(), &header.0, &header.1, eol);
    sync_kind(
        &mut doc,
        Kind::Stage,
        &baseline.stages,
        &journey.stages,
        eol,
    )?;
    sync_kind(
        &mut doc,
        Kind::Department,
        &baseline.departments,
        &journey.departments,
        eol,
    )?;
    sync_kind(
        &mut doc,
        Kind::Partner,
        &baseline.partners,
        &journey.partners,
        eol,
    )?;
    sync_kind(
        &mut doc,
        Kind::MetricDef,
        &baseline.metrics,
        &journey.metrics,
        eol,
    )?;
    sync_kind(
        &mut doc,
        Kind::Touchpoint,
        &baseline.touchpoints,
        &journey.touchpoints,
        eol,
    )?;
    sync_kind(
        &mut doc,
        Kind::Action,
        &baseline.actions,
        &journey.actions,
        eol,
    )?;
    sync_kind(&mut doc, Kind::Step, &baseline.steps, &journey.steps, eol)?;
    super::persona::sync(&mut doc, baseline, journey, eol);
    super::order::reattach_headings(&mut doc, headings);
    super::order::renumber(&mut doc);
    Ok(framing.apply(doc.to_string()))
}

/// Rebuilds the `[[kind]]` array: tables of kept entries are edited in place,
/// new entries get new tables, removed ones go. Sort keys in each table's
/// position record where it must land; see `order::renumber`.
fn sync_kind<E: Entry + PartialEq>(
    doc: &mut DocumentMut,
    kind: Kind,
    baseline: &[E],
    entries: &[E],
    eol: LineEnding,
) -> Result<(), EditError> {
    let key = kind.key();
    // Take the tables out (no copies: a large journey is large).
    let mut old: Vec<Option<Table>> = match doc.remove(key) {
        None => Vec::new(),
        Some(Item::ArrayOfTables(array)) => array.into_iter().map(Some).collect(),
        Some(_) => return Err(EditError::NotTables(key)),
    };
    let old_positions: Vec<isize> = old
        .iter()
        .map(|t| t.as_ref().and_then(Table::position).unwrap_or(0))
        .collect();

    // Which loaded tables are reused, in new order.
    let mut claimed = vec![false; old.len()];
    let sources: Vec<Option<usize>> = entries
        .iter()
        .map(|e| {
            let i = e
                .origin()
                .index()
                .filter(|&i| i < old.len() && !claimed[i])?;
            claimed[i] = true;
            Some(i)
        })
        .collect();
    let staying = super::order::longest_increasing(&sources);

    let mut tables = Vec::with_capacity(entries.len());
    for (n, entry) in entries.iter().enumerate() {
        let table = match sources[n] {
            Some(i) => {
                let mut table = old[i].take().unwrap_or_default();
                // Unchanged entries are left alone: no field lists built.
                if let Some(before) = baseline.get(i).filter(|b| *b != entry) {
                    sync_fields(&mut table, &before.fields(), &entry.fields(), eol);
                }
                if !staying[n] {
                    table.set_position(None);
                }
                table
            }
            None => new_table(&entry.fields(), eol),
        };
        tables.push(table);
    }
    // A kind's first tables go where the canonical layout puts them: before
    // the tables of the kinds after it, else at the end.
    let next = old_positions
        .first()
        .copied()
        .or_else(|| super::order::first_after(doc, kind))
        .unwrap_or_else(|| super::order::end_position(doc));
    super::order::place_new(&mut tables, next);
    if tables.is_empty() {
        doc.remove(key);
    } else {
        let mut array = ArrayOfTables::new();
        for table in tables {
            array.push(table);
        }
        doc.insert(key, Item::ArrayOfTables(array));
    }
    Ok(())
}

/// A table for an entry created since load, in the canonical key order and
/// set apart from the table above by one blank line.
pub(super) fn new_table(fields: &[FieldEntry], eol: LineEnding) -> Table {
    let mut table = Table::new();
    for (field, value) in fields {
        if let Some(value) = value {
            let (value, _) = values::value(field.key(), value, None, eol);
            table.insert(field.key(), Item::Value(value));
        }
    }
    table.decor_mut().set_prefix("\n");
    table
}

/// Edits `table` so its fields go from `before` to `after`: unchanged keys
/// are not touched, changed values keep their decor (spacing and trailing
/// comments), new keys go after the previous key in canonical order.
pub fn sync_fields(
    table: &mut Table,
    before: &[FieldEntry],
    after: &[FieldEntry],
    eol: LineEnding,
) {
    for (n, (field, new)) in after.iter().enumerate() {
        let key = field.key();
        let old = before
            .iter()
            .find(|(k, _)| k == field)
            .and_then(|(_, v)| v.as_ref());
        if old == new.as_ref() {
            continue;
        }
        match new {
            None => {
                table.remove(key);
            }
            Some(value) => {
                if let Some((mut name, item)) = table.get_key_value_mut(key) {
                    let above = replace_value(key, item, value, eol);
                    put_above(&mut name, &above);
                } else {
                    let anchor = after[..n]
                        .iter()
                        .rev()
                        .map(|(k, _)| k.key())
                        .find(|k| table.contains_key(k));
                    let (value, _) = values::value(key, value, None, eol);
                    insert_after(table, anchor, key, value);
                }
            }
        }
    }
}

/// Writes `value` over `item`, keeping the old value's decor and the
/// comments inside it; returns comments the layout moves above the key.
fn replace_value(key: &str, item: &mut Item, value: &FieldValue, eol: LineEnding) -> Vec<String> {
    match (item, value) {
        (Item::Value(old), _) => {
            let (mut new, above) = values::value(key, value, Some(old), eol);
            *new.decor_mut() = old.decor().clone();
            *old = new;
            above
        }
        (Item::Table(table), FieldValue::Metrics(metrics)) => {
            table.retain(|k, _| metrics.iter().any(|m| m.name == k));
            for m in metrics {
                match table.get_mut(&m.name) {
                    Some(Item::Value(v)) => {
                        let decor = v.decor().clone();
                        *v = values::metric(m);
                        *v.decor_mut() = decor;
                    }
                    _ => {
                        table.insert(&m.name, Item::Value(values::metric(m)));
                    }
                }
            }
            Vec::new()
        }
        (Item::Table(table), FieldValue::Economics(economics)) => {
            let new = values::economics(economics);
            table.retain(|k, _| new.contains_key(k));
            for (k, v) in new.iter() {
                match table.get_mut(k) {
                    Some(Item::Value(old)) => {
                        let decor = old.decor().clone();
                        *old = v.clone();
                        *old.decor_mut() = decor;
                    }
                    _ => {
                        table.insert(k, Item::Value(v.clone()));
                    }
                }
            }
            Vec::new()
        }
        (item, _) => {
            let (new, above) = values::value(key, value, None, eol);
            *item = Item::Value(new);
            above
        }
    }
}

/// Adds comment lines right above a key, after any it already has.
fn put_above(key: &mut toml_edit::KeyMut<'_>, comments: &[String]) {
    if comments.is_empty() {
        return;
    }
    let decor = key.leaf_decor_mut();
    let mut prefix = decor
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_owned();
    for comment in comments {
        prefix.push_str(comment);
        prefix.push('\n');
    }
    decor.set_prefix(prefix);
}

/// Inserts `key = value` right after `anchor` (or first when there is none),
/// keeping every other key's formatting.
fn insert_after(table: &mut Table, anchor: Option<&str>, key: &str, value: Value) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    let start = anchor
        .and_then(|a| keys.iter().position(|k| k == a))
        .map_or(0, |p| p + 1);
    let tail: Vec<(Key, Item)> = keys[start..]
        .iter()
        .filter_map(|k| table.remove_entry(k))
        .collect();
    table.insert(key, Item::Value(value));
    for (k, item) in tail {
        table.insert_formatted(&k, item);
    }
}
