//! Characters a reader cannot see in a journey's text: control, bidi and
//! invisible format characters (what `text::inert` turns into
//! placeholders). They are shown inert everywhere, but a reviewer should
//! hear of them: a bidi override can make a diff read differently from what
//! the file holds.

use crate::model::{Finding, Locus};
use crate::model::{Journey, Kind};
use crate::text::is_invisible_control;

/// Fields that hold prose, where line breaks and tabs are expected.
pub const MULTILINE_FIELDS: [&str; 5] = [
    "expectation",
    "experience",
    "notes",
    "description",
    "context",
];

/// How many distinct characters a message names before it stops.
const NAMED: usize = 4;

/// Whether `c` is a character to warn about: a control character (line
/// breaks, tabs and CRLF's CR allowed in prose), or a bidi or invisible
/// format character.
fn is_hidden(c: char, multiline: bool) -> bool {
    if multiline && matches!(c, '\n' | '\t' | '\r') {
        return false;
    }
    c.is_control() || is_invisible_control(c)
}

/// The distinct hidden characters of `text`, in order of first appearance.
/// In prose (`multiline`), a CR counts unless it ends a line (CRLF).
pub fn hidden_characters(text: &str, multiline: bool) -> Vec<char> {
    let mut found = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let lone_cr = multiline && c == '\r' && chars.peek() != Some(&'\n');
        if (lone_cr || is_hidden(c, multiline)) && !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// `U+001B, U+202E`, and how many more.
pub fn describe(chars: &[char]) -> String {
    let mut named: Vec<String> = chars
        .iter()
        .take(NAMED)
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect();
    if chars.len() > NAMED {
        named.push(format!("{} more", chars.len() - NAMED));
    }
    named.join(", ")
}

/// A warning for each text field of `journey` holding hidden characters,
/// placed at the field's value.
pub fn hidden_character_warnings(journey: &Journey) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut check = |locus: Locus, what: String, field: &str, texts: &[&str]| {
        let multiline = MULTILINE_FIELDS.contains(&field);
        let mut chars: Vec<char> = Vec::new();
        for c in texts.iter().flat_map(|t| hidden_characters(t, multiline)) {
            if !chars.contains(&c) {
                chars.push(c);
            }
        }
        if !chars.is_empty() {
            findings.push(Finding::warning(
                locus,
                format!(
                    "{what} holds control or invisible characters ({}), shown as placeholders",
                    describe(&chars)
                ),
            ));
        }
    };
    let line = match &journey.persona {
        Some(crate::model::Persona::Line(line)) => Some(line.as_str()),
        _ => None,
    };
    let header: [(&'static str, Option<&str>); 5] = [
        ("title", Some(journey.title.as_str())),
        ("persona", line),
        ("promise", journey.promise.as_deref()),
        ("description", journey.description.as_deref()),
        ("baseline", journey.baseline.as_deref()),
    ];
    for (key, value) in header {
        if let Some(value) = value {
            check(Locus::Header(key), format!("`{key}`"), key, &[value]);
        }
    }
    if let Some(card) = journey.persona.as_ref().and_then(|p| p.card()) {
        let card_texts: [(&'static str, &str, Vec<&str>); 6] = [
            ("persona.name", "name", vec![card.name.as_str()]),
            ("persona.role", "role", opt(&card.role)),
            ("persona.goals", "goals", strs(&card.goals)),
            ("persona.needs", "needs", strs(&card.needs)),
            ("persona.quote", "quote", opt(&card.quote)),
            ("persona.context", "context", opt(&card.context)),
        ];
        for (key, field, texts) in card_texts {
            if !texts.is_empty() {
                check(Locus::Header(key), format!("`{key}`"), field, &texts);
            }
        }
    }
    let mut entry = |kind: Kind, index: usize, id: &str, field: &'static str, texts: &[&str]| {
        let what = format!("`{field}` of {} `{id}`", kind.noun());
        check(Finding::at(kind, index, field), what, field, texts);
    };
    for (i, s) in journey.stages.iter().enumerate() {
        entry(Kind::Stage, i, s.id.as_str(), "name", &[&s.name]);
    }
    for (i, d) in journey.departments.iter().enumerate() {
        entry(Kind::Department, i, d.id.as_str(), "name", &[&d.name]);
        entry(Kind::Department, i, d.id.as_str(), "lead", &opt(&d.lead));
    }
    for (i, p) in journey.partners.iter().enumerate() {
        entry(Kind::Partner, i, p.id.as_str(), "name", &[&p.name]);
        entry(Kind::Partner, i, p.id.as_str(), "role", &opt(&p.role));
    }
    for (i, t) in journey.touchpoints.iter().enumerate() {
        let id = t.id.as_str();
        entry(Kind::Touchpoint, i, id, "name", &[&t.name]);
        entry(Kind::Touchpoint, i, id, "channel", &opt(&t.channel));
        entry(Kind::Touchpoint, i, id, "expectation", &opt(&t.expectation));
        entry(Kind::Touchpoint, i, id, "experience", &opt(&t.experience));
        let evidence: Vec<&str> = t.evidence.iter().map(String::as_str).collect();
        entry(Kind::Touchpoint, i, id, "evidence", &evidence);
        let metrics: Vec<&str> = t.metrics.iter().map(|m| m.name.as_str()).collect();
        entry(Kind::Touchpoint, i, id, "metrics", &metrics);
        entry(Kind::Touchpoint, i, id, "notes", &opt(&t.notes));
    }
    for (i, a) in journey.actions.iter().enumerate() {
        entry(Kind::Action, i, a.id.as_str(), "title", &[&a.title]);
    }
    for (i, s) in journey.steps.iter().enumerate() {
        entry(Kind::Step, i, s.id.as_str(), "name", &[&s.name]);
        entry(Kind::Step, i, s.id.as_str(), "notes", &opt(&s.notes));
    }
    findings
}

fn strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

fn opt(value: &Option<String>) -> Vec<&str> {
    value.as_deref().into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_may_break_lines_and_tab() {
        assert!(hidden_characters("two\nlines\tand\r\nmore", true).is_empty());
        assert_eq!(hidden_characters("a\nb\tc", false), ['\n', '\t']);
        assert_eq!(hidden_characters("over\rwrite", true), ['\r']);
    }

    #[test]
    fn controls_bidi_and_invisibles_are_named_once() {
        let found = hidden_characters("\u{1b}[2J \u{202e}x\u{1b} \u{200b}\u{9b}", false);
        assert_eq!(found, ['\u{1b}', '\u{202e}', '\u{200b}', '\u{9b}']);
        assert_eq!(describe(&found), "U+001B, U+202E, U+200B, U+009B");
        let more = hidden_characters("\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}", false);
        assert_eq!(describe(&more), "U+0001, U+0002, U+0003, U+0004, 2 more");
    }

    #[test]
    fn emoji_joiners_and_accents_are_fine() {
        assert!(hidden_characters("👩\u{200d}💻 ❤\u{fe0f} e\u{301} 日本", false).is_empty());
    }
}
