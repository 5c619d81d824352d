//! The Mermaid report: a `journey` diagram with the title, one `section` per
//! stage and one task per touchpoint, `Name: ACTUAL: Owner, Partner`.
//!
//! Mermaid's grammar cannot hold some characters in names, so after
//! [`inert`] they are replaced by their full-width look-alikes: `:` by `：`,
//! `#` by `＃`, `;` by `；`, the second `%` of `%%` (which starts a comment)
//! by `％`, and in actor names `,` (the actor separator) by `，`. A task
//! name whose first word Mermaid would read as a keyword (`journey`,
//! `title`, `section`, `accTitle`, `accDescr`) is prefixed with `· `.
//!
//! Mermaid requires a score for every task, and making one up would turn
//! into data on import. A touchpoint without an `actual` score is therefore
//! written as a comment in its place, `%% unscored: NAME`, which Mermaid
//! and `corridor import mermaid` skip.

use std::fmt::Write;

use super::summary::{owner_name, partner_name};
use crate::model::{Id, Journey, Touchpoint};
use crate::text::inert;

const KEYWORDS: [&str; 5] = ["journey", "title", "section", "acctitle", "accdescr"];

/// File text made safe for a Mermaid name (`actor` also replaces commas).
fn mermaid_text(text: &str, actor: bool) -> String {
    let clean = inert(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        let replaced = match c {
            ':' => '：',
            '#' => '＃',
            ';' => '；',
            ',' if actor => '，',
            '%' if out.ends_with('%') => '％',
            c => c,
        };
        out.push(replaced);
    }
    out.trim().to_owned()
}

/// Whether Mermaid's lexer would read `name` as starting with a keyword.
fn starts_with_keyword(name: &str) -> bool {
    let lower = name.to_lowercase();
    KEYWORDS.iter().any(|k| {
        lower
            .strip_prefix(k)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    })
}

fn task_name(t: &Touchpoint) -> String {
    let name = mermaid_text(&t.name, false);
    if name.is_empty() {
        t.id.to_string()
    } else if starts_with_keyword(&name) {
        format!("· {name}")
    } else {
        name
    }
}

fn task(out: &mut String, journey: &Journey, t: &Touchpoint) {
    let Some(actual) = t.actual else {
        let _ = writeln!(out, "      %% unscored: {}", inert(&t.name));
        return;
    };
    let actors: Vec<String> = [
        owner_name(journey, t.owner.as_ref()),
        partner_name(journey, t.partner.as_ref()),
    ]
    .into_iter()
    .flatten()
    .map(|a| mermaid_text(a, true))
    .filter(|a| !a.is_empty())
    .collect();
    let _ = write!(out, "      {}: {actual}", task_name(t));
    if !actors.is_empty() {
        let _ = write!(out, ": {}", actors.join(", "));
    }
    out.push('\n');
}

/// The diagram of one journey.
pub fn journey(journey: &Journey) -> String {
    let mut out = String::from("journey\n");
    let title = mermaid_text(&journey.title, false);
    let title = if title.is_empty() { "Journey" } else { &title };
    let _ = writeln!(out, "    title {title}");
    for stage in &journey.stages {
        let name = mermaid_text(&stage.name, false);
        let name = if name.is_empty() {
            stage.id.to_string()
        } else {
            name
        };
        let _ = writeln!(out, "    section {name}");
        for t in journey.touchpoints.iter().filter(|t| t.stage == stage.id) {
            task(&mut out, journey, t);
        }
    }
    // Touchpoints of unknown stages get a section named after the stage id.
    let mut unknown: Vec<&Id> = Vec::new();
    for t in &journey.touchpoints {
        if journey.stage(&t.stage).is_none() && !unknown.contains(&&t.stage) {
            unknown.push(&t.stage);
        }
    }
    for id in unknown {
        let _ = writeln!(out, "    section {id}");
        for t in journey.touchpoints.iter().filter(|t| &t.stage == id) {
            task(&mut out, journey, t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_replaced() {
        assert_eq!(mermaid_text("a: b # c; d", false), "a： b ＃ c； d");
        assert_eq!(mermaid_text("x%%y %%% z", false), "x%％y %％% z");
        assert_eq!(mermaid_text("Ops, EU", true), "Ops， EU");
        assert_eq!(mermaid_text("two\nlines\u{1b}", false), "two↵lines^[");
    }

    #[test]
    fn keywords_are_guarded() {
        assert!(starts_with_keyword("Title deeds arrive"));
        assert!(starts_with_keyword("SECTION"));
        assert!(starts_with_keyword("accDescr {"));
        assert!(!starts_with_keyword("Journeys page"));
        assert!(!starts_with_keyword("Entitled"));
    }
}
