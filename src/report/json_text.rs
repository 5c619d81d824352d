//! JSON text: pretty printing (also nested at an indent, for documents
//! assembled from parts) and escaping.
//!
//! Strings hold the file's text exactly. Characters a terminal or a text
//! viewer would act on (C0 and C1 controls, DEL, bidi and invisible format
//! characters) are written as `\u` escapes, so the output bytes stay inert
//! while a JSON reader still gets the exact text.

use std::fmt::Write;

use serde::Serialize;

use super::ReportError;

/// Serialises with two-space indents and a final newline, then escapes what
/// must not appear raw.
pub fn to_text(value: &impl Serialize) -> Result<String, ReportError> {
    let mut text = pretty(value)?;
    text.push('\n');
    Ok(text)
}

/// One value with two-space indents, escaped, without a final newline.
pub fn pretty(value: &impl Serialize) -> Result<String, ReportError> {
    nested(value, 0, 0)
}

/// One value as [`pretty`] writes it, with every line after the first
/// indented by `by` more spaces so it can be placed inside another value.
/// `capacity` is a hint of the size.
pub fn nested(value: &impl Serialize, by: usize, capacity: usize) -> Result<String, ReportError> {
    let mut out = Vec::with_capacity(capacity);
    let pad = " ".repeat(by);
    serde_json::to_writer_pretty(
        Indented {
            out: &mut out,
            pad: pad.as_bytes(),
        },
        value,
    )?;
    let text = String::from_utf8(out)
        .map_err(|e| ReportError::Json(serde::ser::Error::custom(format!("not UTF-8: {e}"))))?;
    Ok(escape_invisible(text))
}

/// A writer that indents every new line. The pretty printer writes each
/// line break on its own (`\n` or `,\n`) and JSON strings hold none raw, so
/// a line break is a short write that ends in one.
struct Indented<'a> {
    out: &'a mut Vec<u8>,
    pad: &'a [u8],
}

impl Indented<'_> {
    #[inline]
    fn put(&mut self, buf: &[u8]) {
        self.out.extend_from_slice(buf);
        if buf.len() <= 2 && buf.last() == Some(&b'\n') {
            self.out.extend_from_slice(self.pad);
        }
    }
}

impl std::io::Write for Indented<'_> {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.put(buf);
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.put(buf);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control() && c != '\n' || crate::text::is_invisible_control(c)
}

/// Whether a byte can start a character [`needs_escape`] accepts: ASCII
/// controls, DEL, and the lead bytes of C1 (`C2`), U+061C (`D8`), the
/// U+2000 block (`E2`) and U+FEFF/U+FFF9.. (`EF`).
fn may_need_escape(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2 | 0xEF)
}

/// Writes characters serde_json leaves raw (DEL, C1, bidi and invisible
/// format characters) as `\uXXXX`. They can only occur inside strings, since
/// JSON's own syntax is ASCII, so the result is the same JSON value. A byte
/// scan skips text that cannot hold any.
pub(crate) fn escape_invisible(text: String) -> String {
    let Some(first) = text.bytes().position(may_need_escape) else {
        return text;
    };
    let (head, tail) = text.split_at(first);
    if !tail.chars().any(needs_escape) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(head);
    for c in tail.chars() {
        if needs_escape(c) {
            // Every such character is in the Basic Multilingual Plane.
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with every line after the first indented by `by` spaces, to nest
/// a pretty-printed value inside another.
pub fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            out.push_str(&pad);
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_become_escapes_of_the_same_value() -> Result<(), serde_json::Error> {
        let raw = "a\u{1b}[31m\u{9b}\u{202e}\u{2066}\u{7f}z";
        let text = escape_invisible(serde_json::to_string(raw)?);
        assert!(text.is_ascii(), "{text}");
        let back: String = serde_json::from_str(&text)?;
        assert_eq!(back, raw);
        Ok(())
    }
}
