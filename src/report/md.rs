//! The Markdown report: a heading, the journey's header lines, and one
//! aligned table per section; it reads well raw and renders on GitHub.

use std::fmt::Write;

use super::Portfolio;
use super::portfolio_sections::{headline, portfolio_sections};
use super::sections::{Section, journey_sections};
use super::table::md_text;
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

/// The report of one journey.
pub fn journey(journey: &Journey) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_text(&journey.title));
    for (label, value) in [
        ("Persona", &journey.persona),
        ("Promise", &journey.promise),
        ("Description", &journey.description),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "**{label}:** {}  ", md_text(value));
        }
    }
    sections(&mut out, &journey_sections(journey));
    out
}

/// The portfolio report of a folder.
pub fn portfolio(portfolio: &Portfolio) -> String {
    let mut out = String::from("# Portfolio\n\n");
    let _ = writeln!(out, "{}", md_text(&headline(portfolio)));
    sections(&mut out, &portfolio_sections(portfolio));
    out
}
