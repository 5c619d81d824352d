//! Making file text inert and fitting it into columns.
//!
//! Every piece of text that came from a journey file passes through [`inert`]
//! before it reaches a terminal: control characters, escape sequences and
//! bidi controls become visible placeholders, tabs become spaces, and the text
//! is normalised to NFC so that width computations hold.

use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const TAB_STOP: usize = 4;

/// Whether a character changes text direction or is otherwise invisible but
/// able to reorder or hide what follows it.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// One line of text, safe to print: C0 controls and DEL in caret notation
/// (`^[` for ESC), C1, bidi and invisible format characters as `<U+202E>`,
/// line breaks as `↵`, tabs expanded to spaces.
pub fn inert(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0usize;
    for c in text.nfc() {
        let before = out.len();
        match c {
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
            }
            '\n' => out.push('↵'),
            '\r' => {}
            '\u{0}'..='\u{1F}' => {
                out.push('^');
                out.push(char::from(c as u8 + 0x40));
            }
            '\u{7F}' => out.push_str("^?"),
            '\u{80}'..='\u{9F}' => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c if is_invisible_control(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
        column += out.get(before..).map_or(0, UnicodeWidthStr::width);
    }
    out
}

/// `1 touchpoint`, `2 touchpoints`.
pub fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("{count} {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// True when `text` holds nothing a terminal would act on.
pub fn is_inert(text: &str) -> bool {
    !text
        .chars()
        .any(|c| (c.is_control() && c != '\n') || is_invisible_control(c))
}

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` columns, ending in an ellipsis (`~` in ASCII
/// mode) when something was cut. Never splits a wide character.
pub fn truncate(text: &str, max: usize, ascii: bool) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let ellipsis = if ascii { "~" } else { "…" };
    let room = max.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0;
    // Width is measured per cluster (a base character with the zero-width
    // characters after it), since a variation selector or ZWJ can widen
    // what comes before it.
    let mut base = 0;
    let mut base_width = 0;
    let mut joined = false;
    for c in text.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if (w == 0 || joined) && !out.is_empty() {
            let cluster = UnicodeWidthStr::width(format!("{}{c}", &out[base..]).as_str());
            let grown = cluster.saturating_sub(base_width);
            if used + grown > room {
                out.truncate(base);
                break;
            }
            out.push(c);
            used += grown;
            base_width = cluster;
        } else {
            if used + w > room {
                break;
            }
            base = out.len();
            out.push(c);
            used += w;
            base_width = w;
        }
        joined = c == '\u{200D}';
    }
    if max > 0 {
        out.push_str(ellipsis);
    }
    out
}

/// Splits `text` into lines of at most `columns` columns, breaking at
/// spaces where it can; a word longer than a line is cut across lines.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let used = lines.last().map_or(0, |l| width(l));
        if used > 0 && used + 1 + width(word) <= columns {
            if let Some(line) = lines.last_mut() {
                line.push(' ');
                line.push_str(word);
            }
            continue;
        }
        if used > 0 {
            lines.push(String::new());
        }
        for c in word.chars() {
            let used = lines.last().map_or(0, |l| width(l));
            if used > 0 && used + UnicodeWidthChar::width(c).unwrap_or(0) > columns {
                lines.push(String::new());
            }
            if let Some(line) = lines.last_mut() {
                line.push(c);
            }
        }
    }
    lines
}

/// Truncates and pads `text` to exactly `columns` columns.
pub fn fit(text: &str, columns: usize, ascii: bool) -> String {
    let mut out = truncate(text, columns, ascii);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(w)));
    out
}

/// Pads `text` on the left to `columns` columns (for numbers).
pub fn fit_right(text: &str, columns: usize, ascii: bool) -> String {
    let cut = truncate(text, columns, ascii);
    let pad = columns.saturating_sub(width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(inert("a\u{1b}[2Jb"), "a^[[2Jb");
        assert_eq!(inert("x\u{9b}31m"), "x<U+009B>31m");
        assert_eq!(inert("\u{202E}evil"), "<U+202E>evil");
        assert_eq!(inert("bell\u{7}"), "bell^G");
        assert_eq!(inert("two\nlines"), "two↵lines");
        assert!(is_inert(&inert("\u{1b}]0;title\u{7}\u{2066}")));
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(inert("a\tb"), "a   b");
        assert_eq!(inert("abcd\te"), "abcd    e");
    }

    #[test]
    fn nfc_normalises() {
        assert_eq!(inert("e\u{301}"), "é");
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(
            wrap("Gets the courier ETA text", 12),
            ["Gets the", "courier ETA", "text"]
        );
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("日本語の名前", 5), ["日本", "語の", "名前"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("日本語テキスト", 5, false), "日本…");
        assert_eq!(width(&fit("日本語", 5, false)), 5);
        assert_eq!(fit("abcdef", 4, true), "abc~");
        assert_eq!(fit_right("7", 3, false), "  7");
        // A heart with variation selector 16 is two columns wide.
        let hearts = "❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}";
        assert!(width(&truncate(hearts, 5, false)) <= 5);
        assert_eq!(width(&fit(hearts, 5, false)), 5);
    }
}
