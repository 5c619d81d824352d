//! Applying a changed journey to the document it was loaded from, touching
//! only what changed: edited values keep their decor, untouched tables keep
//! their bytes, moved tables carry their own comments.

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Key, Table, Value};

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
    let mut doc: DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Parse(e.message().to_owned()))?;
    super::order::spread_positions(&mut doc);
    let headings = super::order::detach_headings(&mut doc);
    let header = (header_fields(baseline), header_fields(journey));
    sync_fields(doc.as_table_mut(), &header.0, &header.1);
    sync_kind(&mut doc, Kind::Stage, &baseline.stages, &journey.stages)?;
    sync_kind(
        &mut doc,
        Kind::Department,
        &baseline.departments,
        &journey.departments,
    )?;
    sync_kind(
        &mut doc,
        Kind::Partner,
        &baseline.partners,
        &journey.partners,
    )?;
    sync_kind(
        &mut doc,
        Kind::Touchpoint,
        &baseline.touchpoints,
        &journey.touchpoints,
    )?;
    sync_kind(&mut doc, Kind::Action, &baseline.actions, &journey.actions)?;
    super::order::reattach_headings(&mut doc, headings);
    super::order::renumber(&mut doc);
    Ok(doc.to_string())
}

/// Rebuilds the `[[kind]]` array: tables of kept entries are edited in place,
/// new entries get new tables, removed ones go. Sort keys in each table's
/// position record where it must land; see `order::renumber`.
fn sync_kind<E: Entry + PartialEq>(
    doc: &mut DocumentMut,
    kind: Kind,
    baseline: &[E],
    entries: &[E],
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
                    sync_fields(&mut table, &before.fields(), &entry.fields());
                }
                if !staying[n] {
                    table.set_position(None);
                }
                table
            }
            None => new_table(&entry.fields()),
        };
        tables.push(table);
    }
    let end = super::order::end_position(doc);
    super::order::place_new(&mut tables, old_positions.first().copied(), end);
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
fn new_table(fields: &[FieldEntry]) -> Table {
    let mut table = Table::new();
    for (field, value) in fields {
        if let Some(value) = value {
            table.insert(field.key(), Item::Value(to_value(value, None)));
        }
    }
    table.decor_mut().set_prefix("\n");
    table
}

/// Edits `table` so its fields go from `before` to `after`: unchanged keys
/// are not touched, changed values keep their decor (spacing and trailing
/// comments), new keys go after the previous key in canonical order.
pub fn sync_fields(table: &mut Table, before: &[FieldEntry], after: &[FieldEntry]) {
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
                if let Some(item) = table.get_mut(key) {
                    replace_value(item, value);
                } else {
                    let anchor = after[..n]
                        .iter()
                        .rev()
                        .map(|(k, _)| k.key())
                        .find(|k| table.contains_key(k));
                    insert_after(table, anchor, key, to_value(value, None));
                }
            }
        }
    }
}

/// Writes `value` over `item`, keeping the old value's decor and, for lists
/// and metrics, the layout of elements that remain.
fn replace_value(item: &mut Item, value: &FieldValue) {
    match (item, value) {
        (Item::Value(old), _) => {
            let mut new = to_value(value, Some(old));
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        (Item::Table(table), FieldValue::Metrics(metrics)) => {
            table.retain(|k, _| metrics.iter().any(|m| m.name == k));
            for m in metrics {
                match table.get_mut(&m.name) {
                    Some(Item::Value(v)) => {
                        let decor = v.decor().clone();
                        *v = number(m.value);
                        *v.decor_mut() = decor;
                    }
                    _ => {
                        table.insert(&m.name, Item::Value(number(m.value)));
                    }
                }
            }
        }
        (item, _) => *item = Item::Value(to_value(value, None)),
    }
}

/// A TOML value for a field; with `like`, reuse the formatting of the value
/// being replaced where the shapes agree.
pub(super) fn to_value(value: &FieldValue, like: Option<&Value>) -> Value {
    match value {
        FieldValue::Text(s) => Value::from(s.as_str()),
        FieldValue::Integer(i) => Value::from(*i),
        FieldValue::Bool(b) => Value::from(*b),
        FieldValue::Date(d) => Value::from(toml_edit::Datetime {
            date: Some(toml_edit::Date {
                year: d.year,
                month: d.month,
                day: d.day,
            }),
            time: None,
            offset: None,
        }),
        FieldValue::TextList(items) => {
            Value::Array(text_array(items, like.and_then(Value::as_array)))
        }
        FieldValue::Metrics(metrics) => {
            let mut table = like
                .and_then(Value::as_inline_table)
                .cloned()
                .unwrap_or_else(InlineTable::new);
            table.retain(|k, _| metrics.iter().any(|m| m.name == k));
            for m in metrics {
                match table.get_mut(&m.name) {
                    Some(v) => {
                        let decor = v.decor().clone();
                        *v = number(m.value);
                        *v.decor_mut() = decor;
                    }
                    None => {
                        table.insert(m.name.as_str(), number(m.value));
                    }
                }
            }
            close_inline(&mut table, like.and_then(Value::as_inline_table));
            Value::InlineTable(table)
        }
    }
}

/// Keeps the space before `}` of an edited inline table after its last
/// value: `{ a = 1 }` plus `b` is `{ a = 1, b = 2 }`, not `{ a = 1 , b = 2 }`.
fn close_inline(table: &mut InlineTable, like: Option<&InlineTable>) {
    let Some((old_last, value)) = like.and_then(|t| t.iter().last()) else {
        return;
    };
    let closing = value.decor().suffix().cloned();
    let last = table.iter().last().map(|(k, _)| k.to_owned());
    if last.as_deref() == Some(old_last) {
        return;
    }
    if let Some(v) = table.get_mut(old_last) {
        v.decor_mut().set_suffix("");
    }
    if let (Some(last), Some(closing)) = (last, closing)
        && let Some(v) = table.get_mut(&last)
    {
        v.decor_mut().set_suffix(closing);
    }
}

/// Metrics are numbers; whole numbers are written without a fraction.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}

/// An array of strings laid out like `like`: unchanged elements keep their
/// decor, new ones copy the decor of the last old element (so a one-per-line
/// list stays one per line).
fn text_array(items: &[String], like: Option<&Array>) -> Array {
    let mut array = Array::new();
    let template = like
        .and_then(|a| a.iter().last())
        .map(|v| v.decor().clone());
    for (i, item) in items.iter().enumerate() {
        let old = like.and_then(|a| a.get(i));
        let value = match old {
            Some(v) if v.as_str() == Some(item.as_str()) => v.clone(),
            _ => {
                let mut v = Value::from(item.as_str());
                if let Some(decor) = old.map(|v| v.decor().clone()).or_else(|| template.clone()) {
                    *v.decor_mut() = decor;
                } else if i > 0 {
                    v.decor_mut().set_prefix(" ");
                }
                v
            }
        };
        array.push_formatted(value);
    }
    if let Some(like) = like {
        array.set_trailing(like.trailing().clone());
        array.set_trailing_comma(like.trailing_comma());
        *array.decor_mut() = like.decor().clone();
    }
    array
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
