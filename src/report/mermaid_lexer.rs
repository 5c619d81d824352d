//! Mermaid's preprocessing and the lexer of its `journey` grammar, rule for
//! rule as mermaid 11 has them (`preprocess.ts`, `utils.ts`
//! `encodeEntities`, `diagrams/user-journey/parser/journey.jison`), so that
//! what Mermaid accepts reads the same here. Every character keeps the line
//! and column it had in the input, for error messages.
//!
//! The jison lexer is case-insensitive and takes the first rule that
//! matches, in this order: `%%` comments, a character followed by `%%`,
//! line breaks, whitespace, `#` comments, `journey`, `title TEXT`,
//! `accTitle:`, `accDescr:`, `accDescr {...}`, `section NAME`, a task name
//! `[^#:\n;]+`, task data `:[^#\n;]+`, `:`, anything else (invalid).

use super::import_builder::ImportError;

/// A line and column, both from 1.
pub type Pos = (usize, usize);

/// Stand-ins for `#name;` entities while lexing (Mermaid uses `ﬂ°`/`¶ß`).
pub const ENTITY_OPEN: char = '\u{E000}';
pub const ENTITY_CLOSE: char = '\u{E001}';

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Journey,
    Newline,
    /// `title TEXT`: the text after `title` and one space.
    Title(String),
    AccTitle(String),
    AccDescr(String),
    Section(String),
    TaskName(String),
    /// `:SCORE[:ACTORS]`, the colon included.
    TaskData(String),
    Colon,
    Invalid(char),
}

/// The tokens of a diagram and the title of its front matter.
#[derive(Debug)]
pub struct Lexed {
    pub tokens: Vec<(Token, Pos)>,
    pub front_title: Option<String>,
}

type Text = Vec<(char, Pos)>;

fn positioned(text: &str) -> Text {
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

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `---\n...\n---` at the very start: removed; its `title:` returned.
fn front_matter(text: &mut Text) -> Option<String> {
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

fn yaml_title(yaml: &str) -> Option<String> {
    let line = yaml.lines().find_map(|l| l.strip_prefix("title:"))?.trim();
    let unquoted = line
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .or_else(|| line.strip_prefix('\'').and_then(|l| l.strip_suffix('\'')))
        .unwrap_or(line);
    Some(unquoted.to_owned())
}

/// Removes `%%{init: ...}%%` directives.
fn directives(text: &mut Text) {
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
fn comment_lines(text: &mut Text) {
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
fn entities(text: &mut Text) {
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

struct Lexer {
    chars: Vec<char>,
    pos: Vec<Pos>,
    i: usize,
}

impl Lexer {
    fn at(&self, k: usize) -> Option<char> {
        self.chars.get(k).copied()
    }

    fn keyword(&self, word: &str) -> bool {
        word.chars().enumerate().all(|(k, w)| {
            self.at(self.i + k)
                .is_some_and(|c| c.to_ascii_lowercase() == w)
        })
    }

    /// The end of a run from `k` of characters `keep` accepts.
    fn run(&self, mut k: usize, keep: fn(char) -> bool) -> usize {
        while self.at(k).is_some_and(keep) {
            k += 1;
        }
        k
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }

    fn line_end(&self, k: usize) -> usize {
        self.run(k, |c| c != '\n')
    }

    /// `KEYWORD \s* SEP \s*` from here: the index after it.
    fn keyword_sep(&self, word: &str, sep: char) -> Option<usize> {
        if !self.keyword(word) {
            return None;
        }
        let k = self.run(self.i + word.len(), is_space);
        (self.at(k) == Some(sep)).then(|| self.run(k + 1, is_space))
    }

    /// The next token, or `None` at the end. Skipped input yields `Some(None)`.
    fn next(&mut self) -> Result<Option<Option<(Token, Pos)>>, ImportError> {
        let Some(c) = self.at(self.i) else {
            return Ok(None);
        };
        let start = self.i;
        let pos = self.pos[start];
        let name = |c: char| !matches!(c, '#' | ':' | '\n' | ';');
        let data = |c: char| !matches!(c, '#' | '\n' | ';');
        let mut token = None;
        if c == '%' && self.at(start + 1) == Some('%') && self.at(start + 2) != Some('{') {
            self.i = self.line_end(start);
        } else if c != '}' && self.at(start + 1) == Some('%') && self.at(start + 2) == Some('%') {
            self.i = self.line_end(start + 1);
        } else if c == '\n' {
            self.i = self.run(start, |c| c == '\n');
            token = Some(Token::Newline);
        } else if is_space(c) {
            self.i = self.run(start, is_space);
        } else if c == '#' {
            self.i = self.line_end(start);
        } else if self.keyword("journey") {
            self.i = start + 7;
            token = Some(Token::Journey);
        } else if self.keyword("title")
            && self.at(start + 5).is_some_and(is_space)
            && self.at(start + 6).is_some_and(data)
        {
            self.i = self.run(start + 6, data);
            token = Some(Token::Title(self.text(start + 6, self.i)));
        } else if let Some(k) = self.keyword_sep("acctitle", ':') {
            self.i = self.line_end(k);
            token = Some(Token::AccTitle(self.text(k, self.i)));
        } else if let Some(k) = self.keyword_sep("accdescr", ':') {
            self.i = self.line_end(k);
            token = Some(Token::AccDescr(self.text(k, self.i)));
        } else if let Some(k) = self.keyword_sep("accdescr", '{') {
            let end = self.run(k, |c| c != '}');
            if self.at(end).is_none() {
                return Err(ImportError::new(
                    pos.0,
                    pos.1,
                    "`accDescr {` is never closed with `}`",
                ));
            }
            self.i = end + 1;
            token = (end > k).then(|| Token::AccDescr(self.text(k, end)));
        } else if self.keyword("section")
            && self.at(start + 7).is_some_and(is_space)
            && self.at(start + 8).is_some_and(name)
        {
            self.i = self.run(start + 8, name);
            token = Some(Token::Section(self.text(start + 8, self.i)));
        } else if name(c) {
            self.i = self.run(start, name);
            token = Some(Token::TaskName(self.text(start, self.i)));
        } else if c == ':' && self.at(start + 1).is_some_and(data) {
            self.i = self.run(start + 1, data);
            token = Some(Token::TaskData(self.text(start, self.i)));
        } else if c == ':' {
            self.i = start + 1;
            token = Some(Token::Colon);
        } else {
            self.i = start + 1;
            token = Some(Token::Invalid(c));
        }
        Ok(Some(token.map(|t| (t, pos))))
    }
}

/// Preprocesses `text` as Mermaid does and splits it into tokens.
pub fn lex(text: &str) -> Result<Lexed, ImportError> {
    let mut chars = positioned(text);
    let front_title = front_matter(&mut chars);
    directives(&mut chars);
    comment_lines(&mut chars);
    entities(&mut chars);
    let end = chars.last().map_or((1, 1), |(_, (l, c))| (*l, c + 1));
    chars.push(('\n', end));
    let mut lexer = Lexer {
        chars: chars.iter().map(|(c, _)| *c).collect(),
        pos: chars.iter().map(|(_, p)| *p).collect(),
        i: 0,
    };
    let mut tokens = Vec::new();
    while let Some(token) = lexer.next()? {
        tokens.extend(token);
    }
    Ok(Lexed {
        tokens,
        front_title,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Token> {
        lex(text)
            .expect("lexes")
            .tokens
            .into_iter()
            .map(|(t, _)| t)
            .filter(|t| *t != Token::Newline)
            .collect()
    }

    #[test]
    fn rules_in_mermaid_order() {
        assert_eq!(
            kinds("%% c\n  JOURNEY\n Title My day\nSECTION Go\n Task: 5: A # c\n"),
            vec![
                Token::Journey,
                Token::Title("My day".into()),
                Token::Section("Go".into()),
                Token::TaskName("Task".into()),
                Token::TaskData(": 5: A ".into()),
            ]
        );
        assert_eq!(kinds("journey\nx: 1; y")[3], Token::Invalid(';'));
        assert_eq!(
            kinds("journey\naccDescr {\n a\n b }\n")[1],
            Token::AccDescr("a\n b ".into())
        );
    }

    #[test]
    fn positions_survive_preprocessing() {
        let lexed = lex("---\ntitle: Front\n---\n%% gone\njourney\n  section S\n").expect("lexes");
        assert_eq!(lexed.front_title.as_deref(), Some("Front"));
        let section = lexed
            .tokens
            .iter()
            .find(|(t, _)| matches!(t, Token::Section(_)));
        assert_eq!(section.map(|(_, p)| *p), Some((6, 3)));
    }
}
