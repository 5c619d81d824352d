//! The Markdown report: a heading, the journey's header lines, and one
//! aligned table per section; it reads well raw and renders on GitHub.

use std::fmt::Write;

use super::portfolio_sections::{headline, portfolio_sections};
use super::sections::{Section, Voice, journey_sections, voices};
use super::table::md_text;
use super::{Context, Portfolio};
use crate::model::Journey;

fn sections(out: &mut String, sections: &[Section]) {
    for s in sections {
        let _ = write!(out, "\n## {}\n\n", md_text(s.title));
        if s.table.is_empty() {
            let _ = writeln!(out, "{}", md_text(s.empty));
        } else {
            s.table.to_markdown(out);
        }
        if let Some(note) = s.note {
            let _ = write!(out, "\n{}\n", md_text(note));
        }
    }
}

/// The customer's words, touchpoint by touchpoint.
fn voice_section(out: &mut String, voices: &[Voice]) {
    if voices.is_empty() {
        return;
    }
    out.push_str("\n## What customers expected and experienced\n");
    for v in voices {
        let _ = write!(
            out,
            "\n### {}\n\n*{}*\n\n",
            md_text(&v.title),
            md_text(&v.scores)
        );
        for (label, text) in &v.lines {
            // One bullet per item; lines of a long text stay in the bullet.
            let text = text.lines().map(md_text).collect::<Vec<_>>().join("  \n  ");
            let _ = writeln!(out, "- **{label}:** {text}");
        }
    }
}

/// The report of one journey.
pub fn journey(journey: &Journey, context: &Context) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_text(&journey.title));
    let persona = journey.persona.as_ref().map(crate::model::Persona::summary);
    for (label, value) in [
        ("Persona", &persona),
        ("Promise", &journey.promise),
        ("Description", &journey.description),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "**{label}:** {}  ", md_text(value));
        }
    }
    let _ = writeln!(out, "*{}*", md_text(&context.made_line()));
    if let Some(rows) = super::blueprint_sections::persona_rows(journey) {
        out.push_str("\n## Persona\n\n");
        for (label, text) in rows {
            let text = text.lines().map(md_text).collect::<Vec<_>>().join("  \n  ");
            let _ = writeln!(out, "- **{label}:** {text}");
        }
    }
    sections(&mut out, &journey_sections(journey, context));
    voice_section(&mut out, &voices(journey));
    out
}

/// The portfolio report of a folder.
pub fn portfolio(portfolio: &Portfolio, context: &Context) -> String {
    let mut out = String::from("# Portfolio\n\n");
    let _ = writeln!(out, "{}", md_text(&headline(portfolio, context.today)));
    let _ = writeln!(out, "\n*{}*", md_text(&context.made_line()));
    sections(&mut out, &portfolio_sections(portfolio, context));
    out
}
