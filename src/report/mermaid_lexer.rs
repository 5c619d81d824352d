//! The lexer of Mermaid's `journey` grammar, rule for rule as mermaid 11
//! has it (`diagrams/user-journey/parser/journey.jison`), run on the text
//! `mermaid_preprocess` leaves, so that what Mermaid accepts reads the same
//! here. Every token keeps the line and column it had in the input, for
//! error messages.
//!
//! The jison lexer is case-insensitive and takes the first rule that
//! matches, in this order (as compiled into Mermaid's bundle): a `%` not
//! followed by `{` to the end of the line (a comment, though the grammar
//! writes `%%`), a character followed by `%%` to the end of the line, line
//! breaks, whitespace, `#` comments, `journey` as a whole word (jison adds
//! `\b` to a rule that ends in a letter), `title TEXT`, `accTitle:`,
//! `accDescr:`, `accDescr {...}`, `section NAME`, a task name `[^#:\n;]+`,
//! task data `:[^#\n;]+`, `:`, anything else (invalid). Comments only start
//! where a token would: `50% off` inside a name is text, and so is a `%%`
//! after a task's score.

use super::import_builder::ImportError;
use super::mermaid_preprocess::{
    comment_lines, directives, entities, front_matter, is_space, is_word, positioned,
};

/// A line and column, both from 1.
pub type Pos = (usize, usize);

/// Stand-ins for `#name;` entities while lexing (Mermaid uses `ﬂ°`/`¶ß`).
pub const ENTITY_OPEN: char = '\u{E000}';
pub const ENTITY_CLOSE: char = '\u{E001}';

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// The keyword; Mermaid only recognises a diagram whose first keyword
    /// is written `journey`, in lower case.
    Journey {
        lower_case: bool,
    },
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

    /// The end of the value of `accTitle:` or `accDescr:` that starts at
    /// `k`, after any space and line breaks. Mermaid refuses a diagram
    /// that ends before the value.
    fn value_end(
        &self,
        k: usize,
        (line, column): Pos,
        keyword: &str,
    ) -> Result<usize, ImportError> {
        if k >= self.chars.len() {
            return Err(ImportError::new(
                line,
                column,
                format!("`{keyword}` with no text after it"),
            ));
        }
        Ok(self.line_end(k))
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
        if c == '%' && self.at(start + 1) != Some('{') {
            // jison compiles the rule `\%%(?!\{)` to `%(?!\{)`: one `%`.
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
        } else if self.keyword("journey") && !self.at(start + 7).is_some_and(is_word) {
            // jison ends a rule that ends in a letter with `\b`.
            self.i = start + 7;
            let lower_case = self.text(start, self.i) == "journey";
            token = Some(Token::Journey { lower_case });
        } else if self.keyword("title")
            && self.at(start + 5).is_some_and(is_space)
            && self.at(start + 6).is_some_and(data)
        {
            self.i = self.run(start + 6, data);
            token = Some(Token::Title(self.text(start + 6, self.i)));
        } else if let Some(k) = self.keyword_sep("acctitle", ':') {
            self.i = self.value_end(k, pos, "accTitle:")?;
            token = Some(Token::AccTitle(self.text(k, self.i)));
        } else if let Some(k) = self.keyword_sep("accdescr", ':') {
            self.i = self.value_end(k, pos, "accDescr:")?;
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
                Token::Journey { lower_case: false },
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
    fn comments_start_only_where_a_token_would() {
        assert_eq!(
            kinds("journey\n%weird: 3\n50% off: 3: Me %% not a comment\n"),
            vec![
                Token::Journey { lower_case: true },
                Token::TaskName("50% off".into()),
                Token::TaskData(": 3: Me %% not a comment".into()),
            ]
        );
        assert_eq!(
            kinds("journey\njourneyman: 3\n")[1],
            Token::TaskName("journeyman".into())
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
