//! The canonical layout of a journey file, for `corridor fmt` and for new
//! files: header keys first, then the `[persona]` card, `[[stages]]`, `[[departments]]`,
//! `[[partners]]`, `[[touchpoints]]`, `[[actions]]`, `[[steps]]`, keys of each table in
//! canonical order (unknown keys kept after the known ones), one blank line
//! between tables, basic double-quoted strings, every comment kept with the
//! key or table it precedes, and the file's own byte-order mark and line
//! endings. Saves write the values they change with the same writer.
//!
//! Formatting is proved safe on every call: the result must hold the same
//! TOML data and the same comments as the input, or nothing is returned.

mod comments;
mod newline;
mod value;

pub use newline::{Framing, LineEnding};
pub use value::Written;

use std::ops::Range;

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::model::{HEADER, PERSONA};
use crate::model::{Journey, Kind};
use comments::Line;

/// Why a text could not be laid out.
#[derive(Debug, thiserror::Error)]
pub enum CanonicalError {
    /// The text is not TOML.
    #[error("invalid TOML: {message}")]
    Syntax {
        message: String,
        span: Option<Range<usize>>,
    },
    /// The layout would have changed data or lost a comment (a bug: the
    /// file is left as it is).
    #[error("the canonical layout would change {0}; left as it is")]
    Unsafe(&'static str),
    /// A new journey did not read back as itself.
    #[error("the journey would not read back as written")]
    RoundTrip,
}

/// The canonical text of a journey file.
pub fn format(text: &str) -> Result<String, CanonicalError> {
    let framing = Framing::of(text);
    let mut doc: DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| CanonicalError::Syntax {
                message: e.message().trim().to_owned(),
                span: e.span(),
            })?;
    let before = comments::all(&doc);
    let header = take_file_header(&mut doc);
    let out = framing.apply(layout(&doc, &header, framing.eol));
    let formatted: DocumentMut = out
        .parse()
        .map_err(|_| CanonicalError::Unsafe("the file's syntax"))?;
    if comments::all(&formatted) != before {
        return Err(CanonicalError::Unsafe("the comments"));
    }
    let same = match (
        toml::from_str::<toml::Table>(text),
        toml::from_str::<toml::Table>(&out),
    ) {
        (Ok(a), Ok(b)) => same_table(&a, &b),
        _ => false,
    };
    if !same {
        return Err(CanonicalError::Unsafe("the data"));
    }
    Ok(out)
}

/// `value` laid out as the canonical layout writes it under the key `name`
/// in a file with `eol` line endings: what a save writes for a value it
/// changes, so that an edited file stays canonical.
pub fn value_text(name: &str, value: &Value, eol: LineEnding) -> Written {
    value::lay_out(&value::key(name), value, eol)
}

/// The canonical text of a new journey, with `comment` (one or more lines)
/// at the top. The text is checked to read back as `journey`.
pub fn render_new(journey: &Journey, comment: Option<&str>) -> Result<String, CanonicalError> {
    let body = super::edit::apply("", &Journey::default(), journey)
        .map_err(|_| CanonicalError::RoundTrip)?;
    let mut text = String::new();
    if let Some(comment) = comment {
        for line in comment.lines() {
            text.push_str(format!("# {}", crate::text::inert(line)).trim_end());
            text.push('\n');
        }
        text.push('\n');
    }
    text.push_str(&body);
    let text = format(&text)?;
    match super::parse_journey(&text).journey {
        Some(reread) if &reread == journey => Ok(text),
        _ => Err(CanonicalError::RoundTrip),
    }
}

/// Takes the file's header comment (a paragraph set apart by a blank line
/// before the first key or table) off the item that carries it.
fn take_file_header(doc: &mut DocumentMut) -> Vec<Line> {
    let first_value = doc
        .as_table()
        .iter()
        .find(|(_, item)| is_key_value(item))
        .map(|(k, _)| k.to_owned());
    let detach = |prefix: Option<&toml_edit::RawString>| {
        let text = prefix.and_then(|p| p.as_str()).unwrap_or("").to_owned();
        let (detached, attached) = comments::split_detached(&text);
        (detached.to_owned(), attached.to_owned())
    };
    let header = if let Some(name) = first_value {
        let Some(mut key) = doc.as_table_mut().key_mut(&name) else {
            return Vec::new();
        };
        let (detached, attached) = detach(key.leaf_decor().prefix());
        key.leaf_decor_mut().set_prefix(attached);
        detached
    } else {
        let mut first: Option<&mut Table> = None;
        for (_, item) in doc.as_table_mut().iter_mut() {
            let tables: Vec<&mut Table> = match item {
                Item::Table(t) => vec![t],
                Item::ArrayOfTables(a) => a.iter_mut().collect(),
                _ => Vec::new(),
            };
            for t in tables {
                if first.as_ref().is_none_or(|f| t.position() < f.position()) {
                    first = Some(t);
                }
            }
        }
        let Some(table) = first else {
            return Vec::new();
        };
        let (detached, attached) = detach(table.decor().prefix());
        table.decor_mut().set_prefix(attached);
        detached
    };
    let mut lines = comments::paragraphs(&header);
    if matches!(lines.last(), Some(Line::Blank)) {
        lines.pop();
    }
    lines
}

/// Values and dotted tables are written as `key = value` lines.
fn is_key_value(item: &Item) -> bool {
    match item {
        Item::Value(_) => true,
        Item::Table(t) => t.is_dotted(),
        _ => false,
    }
}

fn layout(doc: &DocumentMut, header: &[Line], eol: LineEnding) -> String {
    let mut out = String::new();
    comments::write_block(&mut out, header);
    let root = doc.as_table();
    let known: Vec<&str> = HEADER.iter().map(|s| s.field.key()).collect();
    let mut keys = String::new();
    write_keys(&mut keys, root, &known, is_key_value, eol);
    // One blank line after the file's header, before its keys or, when it
    // has none, its first table (which brings its own).
    if !header.is_empty() && !keys.is_empty() {
        out.push('\n');
    }
    out.push_str(&keys);
    // Header keys written as tables follow the header: the persona card,
    // then the economics.
    let persona = super::persona::TABLE;
    if let Some(Item::Table(t)) = root.get(persona).filter(|i| !i.is_value())
        && !t.is_dotted()
    {
        let keys: Vec<&str> = PERSONA.iter().map(|s| s.field.key()).collect();
        write_table(&mut out, &format!("[{persona}]"), t, &keys, eol);
    }
    let header_table = |name: &str, item: &Item| {
        known.contains(&name) && matches!(item, Item::Table(t) if !t.is_dotted())
    };
    for name in known.iter().filter(|n| **n != persona) {
        if let Some(Item::Table(t)) = root.get(name).filter(|i| header_table(name, i)) {
            let keys = ["currency", "value_per_customer", "churn"];
            write_table(&mut out, &format!("[{}]", value::key(name)), t, &keys, eol);
        }
    }
    for kind in Kind::ALL {
        if let Some(Item::ArrayOfTables(array)) = root.get(kind.key()) {
            let keys = canonical_keys(kind);
            for table in array.iter() {
                write_table(
                    &mut out,
                    &format!("[[{}]]", value::key(kind.key())),
                    table,
                    &keys,
                    eol,
                );
            }
        }
    }
    for (name, item) in root.iter() {
        let known_kind = Kind::ALL.iter().any(|k| k.key() == name);
        match item {
            Item::Table(t) if !t.is_dotted() && !header_table(name, item) && name != persona => {
                write_table(&mut out, &format!("[{}]", value::key(name)), t, &[], eol);
            }
            Item::ArrayOfTables(array) if !known_kind => {
                for t in array.iter() {
                    write_table(&mut out, &format!("[[{}]]", value::key(name)), t, &[], eol);
                }
            }
            _ => {}
        }
    }
    let trailing = comments::paragraphs(doc.trailing().as_str().unwrap_or(""));
    if !trailing.is_empty() {
        out.push('\n');
        let end = trailing.len() - usize::from(matches!(trailing.last(), Some(Line::Blank)));
        comments::write_block(&mut out, &trailing[..end]);
    }
    let trimmed = out.trim_start_matches('\n');
    if trimmed.is_empty() {
        String::new()
    } else {
        trimmed.to_owned()
    }
}

/// Writes one table: its comment paragraph, a blank line before it, the
/// header and its keys.
fn write_table(out: &mut String, header: &str, table: &Table, known: &[&str], eol: LineEnding) {
    out.push('\n');
    let prefix = table
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("");
    comments::write_block(out, &comments::paragraphs(prefix));
    let suffix = table
        .decor()
        .suffix()
        .and_then(|s| s.as_str())
        .unwrap_or("");
    out.push_str(header);
    if let Some(comment) = comments::trailing(suffix) {
        out.push(' ');
        out.push_str(&comment);
    }
    out.push('\n');
    write_keys(out, table, known, |_| true, eol);
}

/// Writes the keys of `table` that `select` picks: known keys in canonical
/// order, then the others in file order. Nested tables become inline
/// tables, their comments above the key.
fn write_keys(
    out: &mut String,
    table: &Table,
    known: &[&str],
    select: fn(&Item) -> bool,
    eol: LineEnding,
) {
    let mut names: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| table.get(k).is_some_and(select))
        .collect();
    names.extend(
        table
            .iter()
            .filter(|(k, item)| !known.contains(k) && select(item))
            .map(|(k, _)| k),
    );
    for name in names {
        let (Some(key), Some(item)) = (table.key(name), table.get(name)) else {
            continue;
        };
        for c in comments::above_key(key) {
            out.push_str(&c);
            out.push('\n');
        }
        let key_text = value::key(name);
        match item {
            Item::Value(v) => value::write_line(out, &key_text, v, eol),
            Item::None => {}
            nested => {
                let mut above = Vec::new();
                comments::inside_item(nested, &mut above);
                for c in above {
                    out.push_str(&c);
                    out.push('\n');
                }
                value::write_nested(out, &key_text, nested);
            }
        }
    }
}

/// The keys of one kind of table in canonical order, from `model::field`.
fn canonical_keys(kind: Kind) -> Vec<&'static str> {
    kind.fields().iter().map(|s| s.field.key()).collect()
}

/// TOML data equality that ignores key order and counts NaN equal to NaN.
fn same_table(a: &toml::Table, b: &toml::Table) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| same_value(v, w)))
}

fn same_value(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value as V;
    match (a, b) {
        (V::Float(x), V::Float(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_value(v, w))
        }
        (V::Table(x), V::Table(y)) => same_table(x, y),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests;
