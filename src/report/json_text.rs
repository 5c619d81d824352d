//! JSON text: pretty printing (also nested at an indent, for documents
//! assembled from parts) and escaping.
//!
//! Strings hold the file's text exactly. Characters a terminal or a text
//! viewer would act on (C0 and C1 controls, DEL, bidi and invisible format
//! characters) are written as `\u` escapes, so the output bytes stay inert
//! while a JSON reader still gets the exact text.

use std::fmt::Write;
use std::io;

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

/// A writer that applies [`escape_invisible`] to JSON text on its way to
/// `inner`, so a large document is escaped as it is written instead of
/// whole in memory. A character split across two writes waits for its
/// last bytes.
pub struct EscapeInvisible<W: io::Write> {
    inner: W,
    /// The first bytes of a character the last write ended inside.
    pending: Vec<u8>,
}

impl<W: io::Write> EscapeInvisible<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes `text`, escaping what [`escape_invisible`] escapes.
    fn text(&mut self, text: &str) -> io::Result<()> {
        let mut start = 0;
        let bytes = text.as_bytes();
        // A byte `may_need_escape` accepts is never inside a character.
        for (i, _) in bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| may_need_escape(**b))
        {
            let Some(c) = text[i..].chars().next().filter(|&c| needs_escape(c)) else {
                continue;
            };
            self.inner.write_all(&bytes[start..i])?;
            // Every such character is in the Basic Multilingual Plane.
            write!(self.inner, "\\u{:04x}", c as u32)?;
            start = i + c.len_utf8();
        }
        self.inner.write_all(&bytes[start..])
    }
}

impl<W: io::Write> io::Write for EscapeInvisible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let mut data = buf;
        if !self.pending.is_empty() {
            let mut bytes = std::mem::take(&mut self.pending);
            bytes.extend_from_slice(buf);
            joined = bytes;
            data = &joined;
        }
        while !data.is_empty() {
            match std::str::from_utf8(data) {
                Ok(text) => {
                    self.text(text)?;
                    break;
                }
                Err(e) => {
                    let (valid, rest) = data.split_at(e.valid_up_to());
                    self.text(std::str::from_utf8(valid).unwrap_or_default())?;
                    match e.error_len() {
                        // Not UTF-8 (JSON text never is): passed on as it is.
                        Some(bad) => {
                            self.inner.write_all(&rest[..bad])?;
                            data = &rest[bad..];
                        }
                        None => {
                            self.pending.extend_from_slice(rest);
                            break;
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        self.inner.write_all(&pending)?;
        self.inner.flush()
    }
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

    #[test]
    fn the_writer_escapes_as_the_function_does_in_any_pieces() -> io::Result<()> {
        let raw = serde_json::to_string(&[
            "a\u{1b}[31mé\u{9b}\u{202e}日本\u{2066}\u{7f}z",
            "ok \u{feff}",
        ])?;
        let whole = escape_invisible(raw.clone());
        for piece in [1, 2, 3, 5, raw.len()] {
            let mut out = Vec::new();
            let mut writer = EscapeInvisible::new(&mut out);
            for chunk in raw.as_bytes().chunks(piece) {
                io::Write::write_all(&mut writer, chunk)?;
            }
            io::Write::flush(&mut writer)?;
            assert_eq!(String::from_utf8_lossy(&out), whole, "pieces of {piece}");
        }
        Ok(())
    }
}
