//! What `show` prints for personas and service blueprints: the persona
//! card under the title, and each department and partner with the
//! touchpoints it faces beside the ones it supports from behind the line
//! of visibility.

use std::io::Write;

use super::show::Layout;
use crate::analysis::figures::{self, Figure};
use crate::analysis::{Figures, department_figures, partner_figures};
use crate::model::{GapClass, Journey};
use crate::text::{fit, fit_right, inert, wrap};

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
fn row(name: &str, faced: &Figures, behind: &Figures, layout: &Layout, cols: Cols) -> String {
    let ascii = layout.ascii;
    let Cols { name: name_w, cell } = cols;
    let class = behind.class();
    let mut row = format!(
        "  {:<2} {}",
        class.symbol(ascii),
        fit(&inert(name), name_w, ascii)
    );
    let mut push = |text: String| {
        row.push(' ');
        row.push_str(&fit_right(&text, cell, ascii));
    };
    push(faced.text(&figures::TOUCHPOINTS));
    for f in SIDE {
        push(faced.text(f));
    }
    push(behind.count.to_string());
    for f in SIDE {
        push(behind.text(f));
    }
    let row = row.trim_end().to_owned();
    match class {
        GapClass::Critical | GapClass::Shortfall => layout.paint.class(class, &row),
        _ => row,
    }
}

fn header(first: &str, layout: &Layout, cols: Cols) -> String {
    let ascii = layout.ascii;
    let mut header = format!("     {}", fit(first, cols.name, ascii));
    let labels = std::iter::once(figures::TOUCHPOINTS.label)
        .chain(SIDE.iter().map(|f| f.label))
        .chain(std::iter::once(figures::BEHIND.label))
        .chain(SIDE.iter().map(|f| f.label));
    for label in labels {
        header.push(' ');
        header.push_str(&fit_right(label, cols.cell, ascii));
    }
    header.trim_end().to_owned()
}

/// The name's width and each figure's: eight figures of six columns, or
/// of five (labels cut short) when the screen is too narrow for six.
#[derive(Debug, Clone, Copy)]
struct Cols {
    name: usize,
    cell: usize,
}

impl Cols {
    fn fitting(width: usize) -> Self {
        let name = |cell: usize| width.saturating_sub(5 + 8 * (cell + 1));
        let cell = if name(6) >= 10 { 6 } else { 5 };
        Cols {
            name: name(cell).clamp(7, 30),
            cell,
        }
    }
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
    let cols = Cols::fitting(layout.width);
    writeln!(out)?;
    let heading = format!(
        "Behind the line of visibility (faced, then {})",
        figures::BEHIND.name.to_lowercase()
    );
    for line in wrap(&heading, layout.width) {
        writeln!(out, "{}", layout.paint.heading(line.trim_end()))?;
    }
    let mut departments = department_figures(journey);
    departments.retain(|d| d.figures.count + d.behind.count > 0);
    departments.sort_by_key(|d| (d.behind.pain_order(), d.figures.pain_order()));
    writeln!(out, "{}", header("Department", layout, cols))?;
    for d in &departments {
        writeln!(out, "{}", row(d.name, &d.figures, &d.behind, layout, cols))?;
    }
    let mut partners = partner_figures(journey);
    partners.retain(|p| p.figures.count + p.behind.count > 0);
    partners.sort_by_key(|p| (p.behind.pain_order(), p.figures.pain_order()));
    if !partners.is_empty() {
        writeln!(out, "{}", header("Partner", layout, cols))?;
        for p in &partners {
            writeln!(out, "{}", row(p.name, &p.figures, &p.behind, layout, cols))?;
        }
    }
    Ok(())
}
