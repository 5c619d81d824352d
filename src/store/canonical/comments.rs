//! Comments in canonical layout: which comment belongs to which key or
//! table, how a comment paragraph is laid out, and every comment of a
//! document (to prove that formatting lost none).

use toml_edit::{Array, DocumentMut, InlineTable, Item, Key, RawString, Table, Value};

/// One line of a comment block: a comment (trimmed) or a blank line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Comment(String),
    Blank,
}

fn raw(text: Option<&RawString>) -> &str {
    text.and_then(RawString::as_str).unwrap_or("")
}

/// The comment lines of decor text, trimmed, in order.
pub fn comment_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// A comment paragraph as written above a table: blank lines between
/// comments collapse to one, leading blank lines go, and one blank line is
/// kept after the last comment when the source had one (a section heading
/// set apart from its table).
pub fn paragraphs(text: &str) -> Vec<Line> {
    let pieces: Vec<&str> = text.split('\n').map(str::trim).collect();
    let Some(last) = pieces.iter().rposition(|p| p.starts_with('#')) else {
        return Vec::new();
    };
    let mut lines: Vec<Line> = Vec::new();
    for piece in &pieces[..=last] {
        if piece.starts_with('#') {
            lines.push(Line::Comment((*piece).to_owned()));
        } else if matches!(lines.last(), Some(Line::Comment(_))) {
            lines.push(Line::Blank);
        }
    }
    // The piece after the last line break is the indentation of what
    // follows; one more piece means a blank line came in between.
    if pieces.len() - last > 2 {
        lines.push(Line::Blank);
    }
    lines
}

/// Writes a block of lines.
pub fn write_block(out: &mut String, lines: &[Line]) {
    for line in lines {
        if let Line::Comment(c) = line {
            out.push_str(c);
        }
        out.push('\n');
    }
}

/// Splits decor text above an item into the part set apart by a blank line
/// (up to and including the last blank line) and the part attached to it.
pub fn split_detached(text: &str) -> (&str, &str) {
    let mut cut = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        if line.trim().is_empty() && line.ends_with('\n') {
            cut = offset;
        }
    }
    text.split_at(cut)
}

/// A same-line comment in decor text after a value or a header (` # ...`).
pub fn trailing(text: &str) -> Option<String> {
    let first = text.split('\n').next().unwrap_or("").trim();
    first.starts_with('#').then(|| first.to_owned())
}

/// The comment lines above a key: its own prefix and any decor of its
/// dotted parts.
pub fn above_key(key: &Key) -> Vec<String> {
    let mut lines = comment_lines(raw(key.leaf_decor().prefix()));
    for text in [
        key.leaf_decor().suffix(),
        key.dotted_decor().prefix(),
        key.dotted_decor().suffix(),
    ] {
        lines.extend(comment_lines(raw(text)));
    }
    lines
}

/// Every comment inside a value, its own decor excluded.
pub fn inside_value(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(array) => inside_array(array, out),
        Value::InlineTable(table) => inside_inline(table, out),
        _ => {}
    }
}

fn of_value(value: &Value, out: &mut Vec<String>) {
    out.extend(comment_lines(raw(value.decor().prefix())));
    inside_value(value, out);
    out.extend(comment_lines(raw(value.decor().suffix())));
}

fn inside_array(array: &Array, out: &mut Vec<String>) {
    for element in array.iter() {
        of_value(element, out);
    }
    out.extend(comment_lines(array.trailing().as_str().unwrap_or("")));
}

fn inside_inline(table: &InlineTable, out: &mut Vec<String>) {
    for (name, value) in table.iter() {
        if let Some(key) = table.key(name) {
            out.extend(above_key(key));
        }
        of_value(value, out);
    }
    out.extend(comment_lines(table.trailing().as_str().unwrap_or("")));
}

/// Every comment of a table: its decor, its keys and values, and the
/// tables nested in it.
pub fn inside_table(table: &Table, out: &mut Vec<String>) {
    out.extend(comment_lines(raw(table.decor().prefix())));
    out.extend(comment_lines(raw(table.decor().suffix())));
    for (name, item) in table.iter() {
        if let Some(key) = table.key(name) {
            out.extend(above_key(key));
        }
        inside_item(item, out);
    }
}

/// Every comment of an item (a value with its decor, or tables).
pub fn inside_item(item: &Item, out: &mut Vec<String>) {
    match item {
        Item::Value(value) => of_value(value, out),
        Item::Table(table) => inside_table(table, out),
        Item::ArrayOfTables(array) => array.iter().for_each(|t| inside_table(t, out)),
        Item::None => {}
    }
}

/// Every comment of a document, sorted: two documents hold the same
/// comments when these are equal.
pub fn all(doc: &DocumentMut) -> Vec<String> {
    let mut out = Vec::new();
    inside_table(doc.as_table(), &mut out);
    out.extend(comment_lines(doc.trailing().as_str().unwrap_or("")));
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(text: &str) -> Line {
        Line::Comment(text.to_owned())
    }

    #[test]
    fn paragraphs_keep_a_heading_apart() {
        assert_eq!(
            paragraphs("\n\n# a\n\n\n# b\n\n"),
            vec![comment("# a"), Line::Blank, comment("# b"), Line::Blank]
        );
        assert_eq!(paragraphs("\n  # a\n"), vec![comment("# a")]);
        assert_eq!(paragraphs("\n\n"), vec![]);
    }

    #[test]
    fn detached_part_ends_at_the_last_blank_line() {
        assert_eq!(split_detached("# h\n\n# own\n"), ("# h\n\n", "# own\n"));
        assert_eq!(split_detached("# own\n"), ("", "# own\n"));
    }
}
