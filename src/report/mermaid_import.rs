//! `corridor import mermaid`: a Mermaid `journey` diagram as a new journey.
//! Sections become stages, tasks touchpoints, scores `actual`, actors
//! departments (the first actor owns the touchpoint). The grammar is
//! Mermaid 11's (see `mermaid_lexer`); on top of it, names get their
//! `#name;` / `#123;` entities decoded and `<br>` turned into a space.
//!
//! Scores are read as Mermaid reads them (see `mermaid_score`): whole
//! numbers 1-5, or any number on a given scale `MIN..MAX` mapped onto 1..5.
//! A score Mermaid reads as no number (`N/A`) leaves the touchpoint
//! unscored with a warning, and so does a blank one (`Task: : Ann`, which
//! Mermaid draws as 0), without a warning; a number off the scale is an
//! error.

use super::html_entities;
use super::import_builder::{Builder, ImportError};
use super::mermaid_lexer::{ENTITY_CLOSE, ENTITY_OPEN, Pos, Token, lex};
pub use super::mermaid_score::Scale;
use super::mermaid_score::{Reading, read_score};
use crate::model::Journey;

/// How to read a diagram.
#[derive(Debug, Clone, Default)]
pub struct MermaidOptions {
    /// The scale of the diagram's scores, mapped onto 1..5; without one,
    /// scores must be whole numbers 1-5.
    pub scale: Option<Scale>,
    /// The journey's title when the diagram has none.
    pub fallback_title: String,
}

/// What the grammar reads: title, accessibility texts, sections, tasks.
#[derive(Debug, Default)]
struct Diagram {
    title: Option<String>,
    acc_title: Option<String>,
    acc_descr: Option<String>,
    sections: Vec<String>,
    /// (section index, name, data, position of the data)
    tasks: Vec<(Option<usize>, String, String, Pos)>,
    /// What Mermaid would not draw as we read it.
    warnings: Vec<ImportError>,
}

fn unexpected(token: &Token, (line, column): Pos) -> ImportError {
    let what = match token {
        Token::Journey { .. } => {
            "`journey` again (a line starting with the word journey is read as the keyword)"
                .to_owned()
        }
        Token::TaskData(_) | Token::Colon => {
            "`:` where a task name or keyword was expected".to_owned()
        }
        Token::Invalid(c) => format!("`{c}`, which Mermaid does not allow here"),
        Token::TaskName(name) => format!("task `{}` without `: SCORE`", name.trim()),
        _ => "text".to_owned(),
    };
    ImportError::new(line, column, format!("unexpected {what}"))
}

fn parse(text: &str) -> Result<Diagram, ImportError> {
    let lexed = lex(text)?;
    let mut tokens = lexed
        .tokens
        .into_iter()
        .filter(|(t, _)| *t != Token::Newline)
        .peekable();
    let mut warnings = Vec::new();
    match tokens.next() {
        Some((Token::Journey { lower_case }, (line, column))) => {
            if !lower_case {
                warnings.push(ImportError::new(
                    line,
                    column,
                    "Mermaid only recognises a journey diagram that starts with `journey` \
                     in lower case",
                ));
            }
        }
        Some((_, (line, column))) => {
            return Err(ImportError::new(
                line,
                column,
                "a Mermaid journey diagram starts with `journey`",
            ));
        }
        None => return Err(ImportError::new(1, 1, "empty diagram: expected `journey`")),
    }
    let mut d = Diagram {
        title: lexed.front_title,
        warnings,
        ..Diagram::default()
    };
    while let Some((token, pos)) = tokens.next() {
        match token {
            Token::Title(t) => d.title = Some(t),
            Token::AccTitle(t) => d.acc_title = Some(t.trim().to_owned()),
            Token::AccDescr(t) => d.acc_descr = Some(t.trim().to_owned()),
            Token::Section(s) => d.sections.push(s),
            Token::TaskName(name) => match tokens.next() {
                Some((Token::TaskData(data), data_pos)) => {
                    let section = d.sections.len().checked_sub(1);
                    d.tasks.push((section, name, data, data_pos));
                }
                Some((Token::Colon, (line, column))) => {
                    return Err(ImportError::new(
                        line,
                        column,
                        format!("task `{}` has no score after `:`", name.trim()),
                    ));
                }
                Some((invalid @ Token::Invalid(_), at)) => return Err(unexpected(&invalid, at)),
                _ => return Err(unexpected(&Token::TaskName(name), pos)),
            },
            other => return Err(unexpected(&other, pos)),
        }
    }
    Ok(d)
}

/// Turns `<br>` (any spelling) into a space, decodes entities (after the
/// breaks, as Mermaid draws them: `#60;br#62;` shows as `<br>`), collapses
/// runs of space and trims.
fn clean(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(ENTITY_OPEN) {
        decoded.push_str(&replace_breaks(&rest[..open]));
        let after = &rest[open + ENTITY_OPEN.len_utf8()..];
        let Some(close) = after.find(ENTITY_CLOSE) else {
            rest = after;
            continue;
        };
        let name = &after[..close];
        // Mermaid draws `#name;` as `&name;` and `#123;` as `&#123;`; the
        // browser shows a name it does not know as it is.
        if name.bytes().all(|b| b.is_ascii_digit()) {
            let code = name.parse().ok().and_then(char::from_u32);
            decoded.push(code.filter(|&c| c != '\0').unwrap_or('\u{FFFD}'));
        } else {
            match html_entities::named(name) {
                Some(c) => decoded.push(c),
                None => decoded.push_str(&format!("&{name};")),
            }
        }
        rest = &after[close + ENTITY_CLOSE.len_utf8()..];
    }
    decoded.push_str(&replace_breaks(rest));
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The length of a line-break tag at the start of `text`: `<br>`,
/// `<br/>`, `<br />`, `</br>`, in any case.
fn break_tag(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let mut chars = rest.chars();
    let (b, r) = (chars.next()?, chars.next()?);
    if !b.eq_ignore_ascii_case(&'b') || !r.eq_ignore_ascii_case(&'r') {
        return None;
    }
    let rest = chars.as_str().trim_start();
    let rest = rest.strip_prefix('/').unwrap_or(rest).trim_start();
    rest.starts_with('>').then(|| text.len() - rest.len() + 1)
}

/// Every line-break tag as a space.
fn replace_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match break_tag(rest) {
            Some(len) => {
                out.push(' ');
                rest = &rest[len..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads a diagram into a journey and warnings about what Mermaid would
/// read otherwise (each at its line), or every error with its line.
pub fn import(
    text: &str,
    options: &MermaidOptions,
) -> Result<(Journey, Vec<ImportError>), Vec<ImportError>> {
    let mut d = parse(text).map_err(|e| vec![e])?;
    let title = [&d.title, &d.acc_title]
        .into_iter()
        .flatten()
        .map(|t| clean(t))
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| options.fallback_title.clone());
    let mut builder = Builder::new(&title);
    builder.describe(d.acc_descr.as_deref().map(clean).filter(|t| !t.is_empty()));
    let mut loose = None;
    if d.tasks.iter().any(|(s, ..)| s.is_none()) {
        loose = Some(builder.new_stage("(no section)"));
    }
    let stages: Vec<_> = d
        .sections
        .iter()
        .map(|s| builder.new_stage(&clean(s)))
        .collect();
    let mut errors = Vec::new();
    for (section, name, data, (line, column)) in &d.tasks {
        let pieces: Vec<&str> = data[1..].split(':').collect();
        let lead = pieces[0].chars().take_while(|c| c.is_whitespace()).count();
        let at = |message| ImportError::new(*line, column + 1 + lead, message);
        let actual = match read_score(pieces[0], options.scale) {
            Ok(Reading::Score(score)) => Some(score),
            Ok(Reading::Blank) => None,
            Ok(Reading::NotANumber) => {
                d.warnings.push(at(format!(
                    "score `{}` is not a number, so Mermaid draws no score: `{}` is left unscored",
                    pieces[0].trim(),
                    clean(name)
                )));
                None
            }
            Err(message) => {
                errors.push(at(message));
                continue;
            }
        };
        let actors: Vec<String> = pieces
            .get(1)
            .map(|list| {
                list.split(',')
                    .map(clean)
                    .filter(|a| !a.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let owners: Vec<_> = actors.iter().map(|a| builder.department(a)).collect();
        let stage = match section {
            Some(i) => stages[*i].clone(),
            None => loose.clone().unwrap_or_else(|| stages[0].clone()),
        };
        let name = clean(name);
        let name = if name.is_empty() {
            "Untitled task".to_owned()
        } else {
            name
        };
        let mut t = builder.new_touchpoint(None, stage, &name);
        t.actual = actual;
        t.owner = owners.first().cloned();
        if actors.len() > 1 {
            t.notes = Some(format!(
                "Actors in the Mermaid diagram: {}",
                actors.join(", ")
            ));
        }
        builder.add_touchpoint(t);
    }
    if errors.is_empty() {
        Ok((builder.finish(), d.warnings))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned() {
        assert_eq!(
            replace_breaks("a<br>b<BR/>c<br />d</br >e<b>f<é"),
            "a b c d e<b>f<é"
        );
        assert_eq!(
            clean(&format!(
                "x {ENTITY_OPEN}35{ENTITY_CLOSE} {ENTITY_OPEN}quot{ENTITY_CLOSE}y \
                 caf{ENTITY_OPEN}eacute{ENTITY_CLOSE} {ENTITY_OPEN}nosuch{ENTITY_CLOSE}"
            )),
            "x # \"y café &nosuch;"
        );
        assert_eq!(
            clean(&format!(
                "a{ENTITY_OPEN}60{ENTITY_CLOSE}br{ENTITY_OPEN}62{ENTITY_CLOSE}b<br>c"
            )),
            "a<br>b c",
            "an escaped tag is text, not a break"
        );
    }
}
