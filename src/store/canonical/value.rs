//! Keys and values in canonical form: bare keys where TOML allows them,
//! basic double-quoted strings (`"""` when the text has line breaks),
//! integers in decimal, inline tables on one line, and arrays on one line
//! unless they are long or carry comments.

use toml_edit::{Array, InlineTable, Item, Table, Value};

use super::comments;
use super::newline::LineEnding;

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

/// Whether a top-level string is written with `"""`: when it holds a line
/// break of the file's own kind. In a CRLF file a bare `\n` is no line
/// break of the file (a raw one there reads as `\r\n`), so it is escaped.
pub fn breaks_lines(text: &str, eol: LineEnding) -> bool {
    text.contains(eol.as_str())
}

/// A multi-line basic string: the file's line breaks as written, other
/// breaks and controls escaped, quotes escaped only where they would end
/// the string.
pub fn multiline(text: &str, eol: LineEnding) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 6);
    out.push_str("\"\"\"");
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // A break right after the opening quotes would be dropped, so the
        // first one is escaped.
        match c {
            '\r' if eol == LineEnding::CrLf && chars.get(i + 1) == Some(&'\n') => {
                out.push_str(if i == 0 { "\\r\\n" } else { "\r\n" });
                i += 2;
                continue;
            }
            '\n' if eol == LineEnding::Lf => out.push_str(if i == 0 { "\\n" } else { "\n" }),
            '"' if chars.get(i + 1) == Some(&'"') || i + 1 == chars.len() => out.push_str("\\\""),
            '"' => out.push('"'),
            c => match escaped(c) {
                Some(e) => out.push_str(&e),
                None => out.push(c),
            },
        }
        i += 1;
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

/// Writes `key = TABLES` for a table or array of tables nested in an entry,
/// laid out as an array value of the same width is: a second `fmt` reads
/// it back as that value and must write the same text.
pub fn write_nested(out: &mut String, key_text: &str, item: &Item) {
    let text = inline_item(item);
    let one_line = key_text.chars().count() + 3 + text.chars().count();
    match item {
        Item::ArrayOfTables(array) if array.len() >= 2 && one_line > INLINE_WIDTH => {
            out.push_str(key_text);
            out.push_str(" = [\n");
            for table in array.iter() {
                push_line(out, &format!("  {},", table_inline(table)), None);
            }
            push_line(out, "]", None);
        }
        _ => push_line(out, &format!("{key_text} = {text}"), None),
    }
}

/// A value as the canonical layout writes it after `key = `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Comments inside the value that go on lines above its key.
    pub above: Vec<String>,
    /// The value: one line, or an array one element per line (with the
    /// comments inside it), lines broken with `\n` outside strings.
    pub text: String,
    /// The comment that ends the line.
    pub trailing: Option<String>,
}

/// Lays out `value` under `key_text`. Top-level strings with line breaks
/// use `"""`; long or commented arrays go one element per line.
pub fn lay_out(key_text: &str, value: &Value, eol: LineEnding) -> Written {
    let trailing = comments::trailing(
        value
            .decor()
            .suffix()
            .and_then(|s| s.as_str())
            .unwrap_or(""),
    );
    let mut above = Vec::new();
    if let Value::Array(array) = value {
        comments::inside_value(value, &mut above);
        let one_line = key_text.chars().count() + 3 + inline(value).chars().count();
        if !above.is_empty() || (array.len() >= 2 && one_line > INLINE_WIDTH) {
            return Written {
                above: Vec::new(),
                text: array_lines(array),
                trailing,
            };
        }
    } else {
        comments::inside_value(value, &mut above);
    }
    let text = match value {
        Value::String(s) if breaks_lines(s.value(), eol) => multiline(s.value(), eol),
        _ => inline(value),
    };
    Written {
        above,
        text,
        trailing,
    }
}

/// Writes `key = value` with the comments inside the value above it and
/// its trailing comment after it.
pub fn write_line(out: &mut String, key_text: &str, value: &Value, eol: LineEnding) {
    let written = lay_out(key_text, value, eol);
    for c in &written.above {
        out.push_str(c);
        out.push('\n');
    }
    push_line(
        out,
        &format!("{key_text} = {}", written.text),
        written.trailing.as_deref(),
    );
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

/// An array from `[` to `]`, one element per line, every comment in place.
fn array_lines(array: &Array) -> String {
    let mut out = String::from("[\n");
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
        write_indented(&mut out, &above);
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
        push_line(
            &mut out,
            &format!("  {},", inline(element)),
            after.as_deref(),
        );
    }
    let (head, below) = split_prefix(array.trailing().as_str().unwrap_or(""));
    if elements.is_empty() {
        pending.extend(head);
    }
    pending.extend(below);
    write_indented(&mut out, &pending);
    out.push(']');
    out
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
        assert_eq!(multiline("a\nb", LineEnding::Lf), "\"\"\"a\nb\"\"\"");
        assert_eq!(multiline("\nb", LineEnding::Lf), "\"\"\"\\nb\"\"\"");
        assert_eq!(
            multiline("say \"\"\"\nend\"", LineEnding::Lf),
            "\"\"\"say \\\"\\\"\"\nend\\\"\"\"\""
        );
        for text in ["x\n\"\"\"\"", "\"\n\"", "a\n\\\"", "\r\n\u{7}"] {
            let doc = format!("v = {}\n", multiline(text, LineEnding::Lf));
            let parsed: toml::Table = toml::from_str(&doc).expect("parses");
            assert_eq!(
                parsed.get("v").and_then(|v| v.as_str()),
                Some(text),
                "{doc}"
            );
        }
    }

    #[test]
    fn crlf_files_break_multiline_strings_with_crlf_only() {
        assert_eq!(
            multiline("a\r\nb\nc\r", LineEnding::CrLf),
            "\"\"\"a\r\nb\\nc\\r\"\"\""
        );
        assert_eq!(multiline("\r\nb", LineEnding::CrLf), "\"\"\"\\r\\nb\"\"\"");
        assert!(breaks_lines("a\r\nb", LineEnding::CrLf));
        assert!(!breaks_lines("a\nb", LineEnding::CrLf));
        for text in ["x\r\n\"\"\"\"", "\r\n\n\r", "a\r\n\\\"", "\"\r\n\""] {
            let doc = format!("v = {}\r\n", multiline(text, LineEnding::CrLf));
            let parsed: toml::Table = toml::from_str(&doc).expect("parses");
            assert_eq!(
                parsed.get("v").and_then(|v| v.as_str()),
                Some(text),
                "{doc:?}"
            );
            let lines = doc.matches('\n').count();
            assert_eq!(lines, doc.matches("\r\n").count(), "{doc:?}");
        }
    }
}
