//! Mermaid's preprocessing of a diagram before its lexer runs, step for
//! step as mermaid 11 has it (`preprocess.ts`, `utils.ts`
//! `encodeEntities`): front matter (its title kept), `%%{...}%%`
//! directives, `%%` comment lines and leading space removed, `#name;`
//! entities replaced by stand-ins. Every character keeps its line and
//! column.

use super::mermaid_lexer::{ENTITY_CLOSE, ENTITY_OPEN, Pos};

pub(super) type Text = Vec<(char, Pos)>;

pub(super) fn positioned(text: &str) -> Text {
    let mut out = Vec::with_capacity(text.len());
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\r' => '\n',
            c => c,
        };
        out.push((c, (line, column)));
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    out
}

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

pub(super) fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `---\n...\n---` at the very start: removed; its `title:` returned.
pub(super) fn front_matter(text: &mut Text) -> Option<String> {
    let chars: Vec<char> = text.iter().map(|(c, _)| *c).collect();
    if !chars.starts_with(&['-', '-', '-']) {
        return None;
    }
    // `---\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+`: the greedy `\s*` tries the
    // last line break of the space after `---` first.
    let mut i = 3;
    let mut breaks = Vec::new();
    while i < chars.len() && is_space(chars[i]) {
        if chars[i] == '\n' {
            breaks.push(i + 1);
        }
        i += 1;
    }
    for &body in breaks.iter().rev() {
        for j in body..chars.len().saturating_sub(3) {
            if chars[j] != '\n' || chars[j + 1..j + 4] != ['-', '-', '-'] {
                continue;
            }
            let mut k = j + 4;
            let mut end = None;
            while k < chars.len() && is_space(chars[k]) {
                if chars[k] == '\n' {
                    end = Some(k + 1);
                }
                k += 1;
            }
            if let Some(end) = end {
                let yaml: String = chars[body..j].iter().collect();
                text.drain(..end);
                return yaml_title(&yaml).filter(|t| !t.is_empty());
            }
        }
    }
    None
}

/// The top-level `title:` of the front matter, as YAML reads the common
/// forms: plain (up to a ` #` comment), `'single'` (`''` is a quote) or
/// `"double"` quoted (with backslash escapes).
fn yaml_title(yaml: &str) -> Option<String> {
    let value = yaml.lines().find_map(|l| l.strip_prefix("title:"))?.trim();
    if let Some(rest) = value.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => break,
                },
                c => out.push(c),
            }
        }
        return Some(out);
    }
    if let Some(rest) = value.strip_prefix('\'') {
        let mut out = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' && chars.next_if_eq(&'\'').is_none() {
                break;
            }
            out.push(c);
        }
        return Some(out);
    }
    let comment = value
        .char_indices()
        .find(|&(i, c)| c == '#' && value[..i].ends_with([' ', '\t']))
        .map_or(value.len(), |(i, _)| i);
    Some(value[..comment].trim_end().to_owned())
}

/// Removes `%%{init: ...}%%` directives.
pub(super) fn directives(text: &mut Text) {
    let mut i = 0;
    while i + 3 <= text.len() {
        let at = |k: usize| text.get(k).map(|(c, _)| *c);
        if at(i) == Some('%') && at(i + 1) == Some('%') && at(i + 2) == Some('{') {
            let mut j = i + 3;
            while at(j).is_some_and(is_space) {
                j += 1;
            }
            if at(j).is_some_and(is_word) {
                let close = (j..text.len().saturating_sub(2)).find(|&k| {
                    at(k) == Some('}') && at(k + 1) == Some('%') && at(k + 2) == Some('%')
                });
                let end = close.map_or(text.len(), |k| k + 3);
                text.drain(i..end);
                continue;
            }
        }
        i += 1;
    }
}

/// Removes lines that are `%%` comments (not `%%{`), then leading space.
pub(super) fn comment_lines(text: &mut Text) {
    let mut out: Text = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if i == 0 || text[i - 1].0 == '\n' {
            let mut j = i;
            while j < text.len() && is_space(text[j].0) {
                j += 1;
            }
            let at = |k: usize| text.get(k).map(|(c, _)| *c);
            if at(j) == Some('%')
                && at(j + 1) == Some('%')
                && at(j + 2).is_some_and(|c| c != '{' && c != '\n')
            {
                let mut k = j + 2;
                while k < text.len() && text[k].0 != '\n' {
                    k += 1;
                }
                i = (k + 1).min(text.len());
                continue;
            }
        }
        out.push(text[i]);
        i += 1;
    }
    let start = out
        .iter()
        .position(|(c, _)| !is_space(*c))
        .unwrap_or(out.len());
    out.drain(..start);
    *text = out;
}

/// `#name;` and `#123;` become stand-ins that no lexer rule splits.
pub(super) fn entities(text: &mut Text) {
    let mut i = 0;
    while i < text.len() {
        if text[i].0 == '#' {
            let mut j = i + 1;
            while j < text.len() && is_word(text[j].0) {
                j += 1;
            }
            if j > i + 1 && text.get(j).is_some_and(|(c, _)| *c == ';') {
                text[i].0 = ENTITY_OPEN;
                text[j].0 = ENTITY_CLOSE;
                i = j;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_titles_as_yaml_reads_them() {
        for (yaml, title) in [
            ("title: Plain # a comment", "Plain"),
            ("title: 50#off", "50#off"),
            ("title: \"Quoted: \\\"x\\\"\" # c", "Quoted: \"x\""),
            ("title: 'It''s' # c", "It's"),
            ("config:\n  title: nested\ntitle: Top", "Top"),
        ] {
            assert_eq!(yaml_title(yaml).as_deref(), Some(title), "{yaml}");
        }
    }
}
