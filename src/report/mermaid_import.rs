//! `corridor import mermaid`: a Mermaid `journey` diagram as a new journey.
//! Sections become stages, tasks touchpoints, scores `actual`, actors
//! departments (the first actor owns the touchpoint). The grammar is
//! Mermaid 11's (see `mermaid_lexer`); on top of it, names get their
//! `#name;` / `#123;` entities decoded and `<br>` turned into a space.
//!
//! Scores must be whole numbers 1-5, unless a scale `1..MAX` is given,
//! which maps linearly onto 1..5 (rounded). A blank score (`Task: : Ann`,
//! which Mermaid reads as 0) leaves the touchpoint unscored.

use super::import_builder::{Builder, ImportError};
use super::mermaid_lexer::{ENTITY_CLOSE, ENTITY_OPEN, Pos, Token, lex};
use crate::model::{Journey, Score};

/// How to read a diagram.
#[derive(Debug, Clone, Default)]
pub struct MermaidOptions {
    /// Scores run 1..MAX and are mapped onto 1..5.
    pub scale: Option<u32>,
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
}

fn unexpected(token: &Token, (line, column): Pos) -> ImportError {
    let what = match token {
        Token::Journey => {
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
    match tokens.next() {
        Some((Token::Journey, _)) => {}
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

/// An HTML entity name as Mermaid's output shows it.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "colon" => ':',
        "semi" => ';',
        "num" => '#',
        "comma" => ',',
        "percnt" => '%',
        "lbrace" => '{',
        "rbrace" => '}',
        _ => return None,
    })
}

/// Decodes entities, turns `<br>` (any spelling) into a space, collapses
/// runs of space and trims.
fn clean(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(ENTITY_OPEN) {
        decoded.push_str(&rest[..open]);
        let after = &rest[open + ENTITY_OPEN.len_utf8()..];
        let Some(close) = after.find(ENTITY_CLOSE) else {
            rest = after;
            continue;
        };
        let name = &after[..close];
        let c = if name.bytes().all(|b| b.is_ascii_digit()) {
            name.parse().ok().and_then(char::from_u32)
        } else {
            named_entity(name)
        };
        match c {
            Some(c) => decoded.push(c),
            None => decoded.push_str(&format!("#{name};")),
        }
        rest = &after[close + ENTITY_CLOSE.len_utf8()..];
    }
    decoded.push_str(rest);
    let broken = replace_breaks(&decoded);
    broken.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// A score as JavaScript's `Number()` reads it; `None` for a blank one.
fn number(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let hex = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"));
    let value = match hex {
        Some(h) => i64::from_str_radix(h, 16).ok().map(|v| v as f64),
        None => t.parse::<f64>().ok().filter(|v| v.is_finite()),
    };
    value
        .map(Some)
        .ok_or_else(|| format!("score `{t}` is not a number"))
}

fn score(text: &str, scale: Option<u32>) -> Result<Option<Score>, String> {
    let Some(value) = number(text)? else {
        return Ok(None);
    };
    let shown = text.trim();
    let mapped = match scale {
        None if !(1.0..=5.0).contains(&value) => {
            return Err(format!(
                "score {shown} is outside 1-5; use --scale MAX to map scores 1..MAX onto 1..5"
            ));
        }
        None if value.fract() != 0.0 => {
            return Err(format!(
                "score {shown} is not a whole number; use --scale 5 to round scores 1..5"
            ));
        }
        None => value,
        Some(max) => {
            let max = f64::from(max);
            if !(1.0..=max).contains(&value) {
                return Err(format!("score {shown} is outside the scale 1-{max}"));
            }
            (1.0 + (value - 1.0) * 4.0 / (max - 1.0)).round()
        }
    };
    Score::new(mapped as i64)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// Reads a diagram into a journey, or every error with its line.
pub fn import(text: &str, options: &MermaidOptions) -> Result<Journey, Vec<ImportError>> {
    if options.scale.is_some_and(|max| max < 2) {
        return Err(vec![ImportError::new(
            1,
            1,
            "--scale needs a MAX of 2 or more",
        )]);
    }
    let d = parse(text).map_err(|e| vec![e])?;
    let title = [&d.title, &d.acc_title]
        .into_iter()
        .flatten()
        .map(|t| clean(t))
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| options.fallback_title.clone());
    let mut builder = Builder::new(&title);
    builder.journey_mut().description = d.acc_descr.as_deref().map(clean).filter(|t| !t.is_empty());
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
        let actual = match score(pieces[0], options.scale) {
            Ok(score) => score,
            Err(message) => {
                let lead = pieces[0].chars().take_while(|c| c.is_whitespace()).count();
                errors.push(ImportError::new(*line, column + 1 + lead, message));
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
        let t = builder.touchpoint(None, stage, &name);
        t.actual = actual;
        t.owner = owners.first().cloned();
        if actors.len() > 1 {
            t.notes = Some(format!(
                "Actors in the Mermaid diagram: {}",
                actors.join(", ")
            ));
        }
    }
    if errors.is_empty() {
        Ok(builder.finish())
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
                "x {ENTITY_OPEN}35{ENTITY_CLOSE} {ENTITY_OPEN}quot{ENTITY_CLOSE}y"
            )),
            "x # \"y"
        );
    }

    #[test]
    fn scores_and_scales() {
        assert_eq!(score(" 4 ", None), Ok(Score::new(4).ok()));
        assert_eq!(score(" ", None), Ok(None));
        assert!(score("7", None).is_err());
        assert!(score("4.5", None).is_err());
        assert!(score("x", None).is_err());
        assert_eq!(score("10", Some(10)), Ok(Score::new(5).ok()));
        assert_eq!(score("1", Some(10)), Ok(Score::new(1).ok()));
        assert_eq!(score("6", Some(10)), Ok(Score::new(3).ok()));
        assert!(score("11", Some(10)).is_err());
    }
}
