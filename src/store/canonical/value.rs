//! Keys and values in canonical form: bare keys where TOML allows them,
//! basic double-quoted strings (`"""` when the text has line breaks),
//! integers in decimal, inline tables on one line, and arrays on one line
//! unless they are long or carry comments.

use toml_edit::{Array, InlineTable, Item, Table, Value};

use super::comments;

/// Widest `key = [...]` line an array of two or more elements keeps on one
/// line (a lone element always stays on the line of its key).
pub const INLINE_WIDTH: usize = 120;

/// A key, bare when it can be.
pub fn key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare { name.to_owned() } else { basic(name) }
}

/// Characters written as escapes: controls, and the invisible marks that
/// reorder text, so a file shows what it holds in any editor.
fn escaped(c: char) -> Option<String> {
    let short = match c {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\t' => "\\t",
        '\r' => "\\r",
        '\u{8}' => "\\b",
        '\u{c}' => "\\f",
        _ => "",
    };
    if !short.is_empty() {
        return Some(short.to_owned());
    }
    let invisible = matches!(c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    (c.is_control() || invisible).then(|| format!("\\u{:04X}", c as u32))
}

/// A one-line basic string.
pub fn basic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match escaped(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A multi-line basic string: line breaks as written, quotes escaped only
/// where they would end the string.
pub fn multiline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 6);
    out.push_str("\"\"\"");
    for (i, &c) in chars.iter().enumerate() {
        match c {
            // A break right after the opening quotes would be dropped.
            '\n' if i == 0 => out.push_str("\\n"),
            '\n' => out.push('\n'),
            '"' if chars.get(i + 1) == Some(&'"') || i + 1 == chars.len() => out.push_str("\\\""),
            '"' => out.push('"'),
            c => match escaped(c) {
                Some(e) => out.push_str(&e),
                None => out.push(c),
            },
        }
    }
    out.push_str("\"\"\"");
    out
}

/// A value on one line.
pub fn inline(value: &Value) -> String {
    match value {
        Value::String(s) => basic(s.value()),
        Value::Integer(i) => i.value().to_string(),
        Value::Float(f) => f.display_repr().trim().to_owned(),
        Value::Boolean(b) => b.value().to_string(),
        Value::Datetime(d) => d.display_repr().trim().to_owned(),
        Value::Array(array) => {
            let items: Vec<String> = array.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Value::InlineTable(table) => inline_table(table),
    }
}

fn inline_table(table: &InlineTable) -> String {
    if table.is_empty() {
        return "{}".into();
    }
    let pairs: Vec<String> = table
        .iter()
        .map(|(k, v)| format!("{} = {}", key(k), inline(v)))
        .collect();
    format!("{{ {} }}", pairs.join(", "))
}

/// A table or an array of tables nested in an entry, as an inline value.
pub fn inline_item(item: &Item) -> String {
    match item {
        Item::Value(value) => inline(value),
        Item::Table(table) => table_inline(table),
        Item::ArrayOfTables(array) => {
            let items: Vec<String> = array.iter().map(table_inline).collect();
            format!("[{}]", items.join(", "))
        }
        Item::None => String::new(),
    }
}

fn table_inline(table: &Table) -> String {
    if table.is_empty() {
        return "{}".into();
    }
    let pairs: Vec<String> = table
        .iter()
        .map(|(k, item)| format!("{} = {}", key(k), inline_item(item)))
        .collect();
    format!("{{ {} }}", pairs.join(", "))
}

/// Writes `key = value` with the comments inside the value above it and
/// its trailing comment after it. Top-level strings with line breaks use
/// `"""`; long or commented arrays go one element per line.
pub fn write_line(out: &mut String, key_text: &str, value: &Value) {
    let trailing = comments::trailing(
        value
            .decor()
            .suffix()
            .and_then(|s| s.as_str())
            .unwrap_or(""),
    );
    if let Value::Array(array) = value {
        let mut inner = Vec::new();
        comments::inside_value(value, &mut inner);
        let one_line = key_text.chars().count() + 3 + inline(value).chars().count();
        if !inner.is_empty() || (array.len() >= 2 && one_line > INLINE_WIDTH) {
            write_array(out, key_text, array, trailing);
            return;
        }
    }
    let mut above = Vec::new();
    comments::inside_value(value, &mut above);
    for c in above {
        out.push_str(&c);
        out.push('\n');
    }
    let text = match value {
        Value::String(s) if s.value().contains('\n') => multiline(s.value()),
        _ => inline(value),
    };
    push_line(out, &format!("{key_text} = {text}"), trailing.as_deref());
}

fn push_line(out: &mut String, line: &str, trailing: Option<&str>) {
    out.push_str(line);
    if let Some(comment) = trailing {
        out.push(' ');
        out.push_str(comment);
    }
    out.push('\n');
}

/// Splits the decor before an element into the comment that ends the line
/// before it and the comment lines above it.
fn split_prefix(text: &str) -> (Option<String>, Vec<String>) {
    match text.split_once('\n') {
        Some((head, rest)) => (comments::trailing(head), comments::comment_lines(rest)),
        None => (comments::trailing(text), Vec::new()),
    }
}

fn write_indented(out: &mut String, lines: &[String]) {
    for line in lines {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
}

fn write_array(out: &mut String, key_text: &str, array: &Array, trailing: Option<String>) {
    out.push_str(key_text);
    out.push_str(" = [\n");
    let decor =
        |t: Option<&toml_edit::RawString>| t.and_then(|s| s.as_str()).unwrap_or("").to_owned();
    let elements: Vec<&Value> = array.iter().collect();
    // Comments on lines after an element's value but before its comma
    // belong above whatever comes next.
    let mut pending: Vec<String> = Vec::new();
    for (i, element) in elements.iter().enumerate() {
        let (head, own) = split_prefix(&decor(element.decor().prefix()));
        let mut above = std::mem::take(&mut pending);
        if i == 0 {
            above.extend(head);
        }
        above.extend(own);
        comments::inside_value(element, &mut above);
        write_indented(out, &above);
        let (mut after, rest) = split_prefix(&decor(element.decor().suffix()));
        pending = rest;
        let next = match elements.get(i + 1) {
            Some(next) => decor(next.decor().prefix()),
            None => array.trailing().as_str().unwrap_or("").to_owned(),
        };
        // The comment after the comma ends this element's line when the
        // line has none yet; otherwise it goes above what comes next.
        if let Some(late) = split_prefix(&next).0 {
            if after.is_none() && pending.is_empty() {
                after = Some(late);
            } else {
                pending.push(late);
            }
        }
        push_line(out, &format!("  {},", inline(element)), after.as_deref());
    }
    let (head, below) = split_prefix(array.trailing().as_str().unwrap_or(""));
    if elements.is_empty() {
        pending.extend(head);
    }
    pending.extend(below);
    write_indented(out, &pending);
    push_line(out, "]", trailing.as_deref());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_basic_and_escaped() {
        assert_eq!(basic("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(basic("tab\there\u{1b}[2J"), r#""tab\there\u001B[2J""#);
        assert_eq!(basic("\u{202E}x"), r#""\u202Ex""#);
        assert_eq!(key("csat"), "csat");
        assert_eq!(key("drop off"), "\"drop off\"");
    }

    #[test]
    fn multiline_strings_never_close_early() {
        assert_eq!(multiline("a\nb"), "\"\"\"a\nb\"\"\"");
        assert_eq!(multiline("\nb"), "\"\"\"\\nb\"\"\"");
        assert_eq!(
            multiline("say \"\"\"\nend\""),
            "\"\"\"say \\\"\\\"\"\nend\\\"\"\"\""
        );
        for text in ["x\n\"\"\"\"", "\"\n\"", "a\n\\\"", "\r\n\u{7}"] {
            let doc = format!("v = {}\n", multiline(text));
            let parsed: toml::Table = toml::from_str(&doc).expect("parses");
            assert_eq!(
                parsed.get("v").and_then(|v| v.as_str()),
                Some(text),
                "{doc}"
            );
        }
    }
}
