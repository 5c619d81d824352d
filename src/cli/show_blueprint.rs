//! What `show` prints for personas and service blueprints: the persona
//! card under the title, and each department and partner with the
//! touchpoints it faces beside the ones it supports from behind the line
//! of visibility.

use std::io::Write;

use super::show::Layout;
use crate::analysis::figures::{self, Figure};
use crate::analysis::{Figures, department_figures, partner_figures};
use crate::model::{GapClass, Journey};
use crate::text::{fit, fit_right, inert};

/// The figures each side of the line gets, pain first.
pub const SIDE: [&Figure; 3] = [&figures::DEBT, &figures::BELOW, &figures::CRITICAL];

/// The card's goals, needs and quote under the `Persona:` line.
pub fn write_persona(
    out: &mut impl Write,
    journey: &Journey,
    layout: &Layout,
) -> std::io::Result<()> {
    let Some(card) = journey.persona.as_ref().and_then(|p| p.card()) else {
        return Ok(());
    };
    let (width, ascii) = (layout.width, layout.ascii);
    for (label, items) in [("Goals", &card.goals), ("Needs", &card.needs)] {
        if !items.is_empty() {
            let text = format!("  {label}: {}", inert(&items.join("; ")));
            writeln!(out, "{}", fit(&text, width, ascii).trim_end())?;
        }
    }
    if let Some(quote) = &card.quote {
        let (open, close) = if ascii { ("\"", "\"") } else { ("“", "”") };
        let text = format!("  {open}{}{close}", inert(quote));
        writeln!(out, "{}", fit(&text, width, ascii).trim_end())?;
    }
    Ok(())
}

/// One row: the group's name marked with the class of what it supports
/// from behind, then the faced figures, the count supported from behind
/// and its figures.
fn row(name: &str, faced: &Figures, behind: &Figures, layout: &Layout, name_w: usize) -> String {
    let ascii = layout.ascii;
    let class = behind.class();
    let mut row = format!(
        "  {:<2} {}",
        class.symbol(ascii),
        fit(&inert(name), name_w, ascii)
    );
    let mut cell = |text: String| {
        row.push(' ');
        row.push_str(&fit_right(&text, 6, ascii));
    };
    cell(faced.text(&figures::TOUCHPOINTS));
    for f in SIDE {
        cell(faced.text(f));
    }
    cell(behind.count.to_string());
    for f in SIDE {
        cell(behind.text(f));
    }
    let row = row.trim_end().to_owned();
    match class {
        GapClass::Critical | GapClass::Shortfall => layout.paint.class(class, &row),
        _ => row,
    }
}

fn header(first: &str, layout: &Layout, name_w: usize) -> String {
    let ascii = layout.ascii;
    let mut header = format!("     {}", fit(first, name_w, ascii));
    let labels = std::iter::once(figures::TOUCHPOINTS.label)
        .chain(SIDE.iter().map(|f| f.label))
        .chain(std::iter::once(figures::BEHIND.label))
        .chain(SIDE.iter().map(|f| f.label));
    for label in labels {
        header.push(' ');
        header.push_str(&fit_right(label, 6, ascii));
    }
    header.trim_end().to_owned()
}

/// Departments and partners that face or support a touchpoint, most
/// indebted from behind first; nothing when no step is behind the line.
pub fn write_behind(
    out: &mut impl Write,
    journey: &Journey,
    layout: &Layout,
) -> std::io::Result<()> {
    if !journey.steps.iter().any(|s| s.lane.is_behind()) {
        return Ok(());
    }
    let name_w = layout.width.saturating_sub(5 + 8 * 7).clamp(8, 30);
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        layout.paint.heading(&format!(
            "Behind the line of visibility (faced, then {})",
            figures::BEHIND.name.to_lowercase()
        ))
    )?;
    let mut departments = department_figures(journey);
    departments.retain(|d| d.figures.count + d.behind.count > 0);
    departments.sort_by_key(|d| (d.behind.pain_order(), d.figures.pain_order()));
    writeln!(out, "{}", header("Department", layout, name_w))?;
    for d in &departments {
        writeln!(
            out,
            "{}",
            row(d.name, &d.figures, &d.behind, layout, name_w)
        )?;
    }
    let mut partners = partner_figures(journey);
    partners.retain(|p| p.figures.count + p.behind.count > 0);
    partners.sort_by_key(|p| (p.behind.pain_order(), p.figures.pain_order()));
    if !partners.is_empty() {
        writeln!(out, "{}", header("Partner", layout, name_w))?;
        for p in &partners {
            writeln!(
                out,
                "{}",
                row(p.name, &p.figures, &p.behind, layout, name_w)
            )?;
        }
    }
    Ok(())
}
