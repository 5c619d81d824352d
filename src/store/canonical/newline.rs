//! A file's byte-order mark and line endings: TOML parsers drop the one and
//! toml_edit writes `\n` for the other, so every write gives both back here.
//! Line breaks inside multi-line strings are data, not layout: they are
//! never rewritten, and a value written into a CRLF file breaks its lines
//! with CRLF (see `value::multiline`).

const BOM: char = '\u{FEFF}';

/// How a file ends its lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LineEnding {
    #[default]
    Lf,
    CrLf,
}

impl LineEnding {
    /// The line break itself.
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
        }
    }
}

/// What a file's text carries around its TOML: a byte-order mark or not,
/// and its line endings (those of its first line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Framing {
    pub bom: bool,
    pub eol: LineEnding,
}

impl Framing {
    /// The framing of `text` as read from a file.
    pub fn of(text: &str) -> Self {
        let eol = match text.find('\n') {
            Some(at) if text[..at].ends_with('\r') => LineEnding::CrLf,
            _ => LineEnding::Lf,
        };
        Self {
            bom: text.starts_with(BOM),
            eol,
        }
    }

    /// `text` (as toml_edit or the canonical layout write it: no BOM, `\n`
    /// outside strings) in this framing. Multi-line strings are copied as
    /// they are.
    pub fn apply(self, text: String) -> String {
        if self == Framing::default() && !text.starts_with(BOM) {
            return text;
        }
        let body = text.strip_prefix(BOM).unwrap_or(&text);
        let mut out = String::with_capacity(body.len() + body.len() / 32 + 3);
        if self.bom {
            out.push(BOM);
        }
        match self.eol {
            LineEnding::Lf => out.push_str(body),
            LineEnding::CrLf => crlf_outside_strings(body, &mut out),
        }
        out
    }
}

/// Where the scanner is: outside strings (comments included), or inside
/// one kind of string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Outside,
    Comment,
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
}

/// Copies `text` to `out`, writing every `\n` outside multi-line strings
/// that is not already part of a CRLF as CRLF.
fn crlf_outside_strings(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut state = State::Outside;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let rest = &bytes[i..];
        let mut step = 1;
        match state {
            State::Outside => match b {
                b'#' => state = State::Comment,
                b'"' if rest.starts_with(b"\"\"\"") => (state, step) = (State::MultiBasic, 3),
                b'\'' if rest.starts_with(b"'''") => (state, step) = (State::MultiLiteral, 3),
                b'"' => state = State::Basic,
                b'\'' => state = State::Literal,
                _ => {}
            },
            State::Comment if b == b'\n' => state = State::Outside,
            State::Basic | State::Literal if b == b'\n' => state = State::Outside,
            State::Basic if b == b'\\' => step = 2,
            State::Basic if b == b'"' => state = State::Outside,
            State::Literal if b == b'\'' => state = State::Outside,
            State::MultiBasic if b == b'\\' => step = 2,
            State::MultiBasic | State::MultiLiteral => {
                let quote = if state == State::MultiBasic {
                    b'"'
                } else {
                    b'\''
                };
                if rest.starts_with(&[quote; 3]) {
                    // Up to two more quotes still belong to the string.
                    step = 3 + rest[3..]
                        .iter()
                        .take(2)
                        .take_while(|&&c| c == quote)
                        .count();
                    state = State::Outside;
                }
            }
            _ => {}
        }
        let in_string = matches!(state, State::MultiBasic | State::MultiLiteral);
        if b == b'\n' && !in_string && (i == 0 || bytes[i - 1] != b'\r') {
            out.push_str(&text[copied..i]);
            out.push_str("\r\n");
            copied = i + 1;
        }
        i += step;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_is_read_from_the_first_line() {
        assert_eq!(Framing::of("a = 1\n"), Framing::default());
        let windows = Framing::of("\u{FEFF}a = 1\r\nb = 2\n");
        assert!(windows.bom);
        assert_eq!(windows.eol, LineEnding::CrLf);
        assert_eq!(Framing::of("").eol, LineEnding::Lf);
    }

    #[test]
    fn crlf_is_written_outside_multi_line_strings_only() {
        let framing = Framing {
            bom: true,
            eol: LineEnding::CrLf,
        };
        let text = "a = \"\"\"x\ny\\\"\"\"\"\"\nb = '''p\nq'''''\n# c \"\"\"\nd = [\n  \"e\\\"\", # '''\n]\nf = \"\"\"g\r\nh\"\"\"\n";
        let expected = "\u{FEFF}a = \"\"\"x\ny\\\"\"\"\"\"\r\nb = '''p\nq'''''\r\n# c \"\"\"\r\nd = [\r\n  \"e\\\"\", # '''\r\n]\r\nf = \"\"\"g\r\nh\"\"\"\r\n";
        assert_eq!(framing.apply(text.to_owned()), expected);
        assert_eq!(
            framing.apply(expected.to_owned()),
            expected,
            "applying twice"
        );
        assert_eq!(
            Framing::default().apply("\u{FEFF}a = 1\n".into()),
            "a = 1\n"
        );
    }
}
