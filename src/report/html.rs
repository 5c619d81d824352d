//! The HTML report: one self-contained file with inline CSS and inline SVG,
//! no scripts and nothing fetched from the network (a Content-Security-Policy
//! says so to the browser too). All file text is inert and escaped.

use std::fmt::Write;

use super::portfolio_sections::{headline, portfolio_sections};
use super::sections::{Section, Voice, journey_sections, voices};
use super::svg::{self, colours, esc};
use super::table::{Align, Table};
use super::{Context, Portfolio};
use crate::model::{GapClass, Journey};

const CSS: &str = "
body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1a1a1a;
  margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
p.meta { margin: .1rem 0; color: #444; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .55rem; vertical-align: top; }
th { background: #f6f8fa; text-align: left; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
svg text { font: 13px system-ui, sans-serif; }
svg text.stage { font-weight: 600; }
svg text.small { font-size: 11px; }
.legend span { display: inline-block; padding: .1rem .5rem; margin-right: .4rem; border-radius: 4px; }
.tiles { display: flex; flex-wrap: wrap; gap: .5rem; }
.tile { border: 1px solid #d0d7de; border-radius: 6px; padding: .4rem .8rem; min-width: 7rem; }
.tile .v { display: block; font-size: 1.4rem; font-weight: 600; }
.tile .l { color: #555; font-size: .85rem; }
details { margin: 1rem 0; } summary { font-weight: 600; cursor: pointer; }
td.d { white-space: nowrap; }
.voice { border-left: 4px solid #d0d7de; padding: .1rem .9rem; margin: .8rem 0; }
.voice h4 { margin: .2rem 0; } .voice dl { margin: .3rem 0; }
.voice dt { font-weight: 600; float: left; clear: left; width: 7.5rem; }
.voice dd { margin: 0 0 .25rem 7.5rem; }
";

fn class_css() -> String {
    let mut css = String::new();
    for class in GapClass::ALL {
        let (fill, ink) = colours(class);
        let _ = writeln!(
            css,
            "td.{0}, .legend .{0} {{ background: {fill}; color: {ink}; white-space: nowrap; }}",
            class.name()
        );
    }
    css
}

pub(super) fn document(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{}</title>\n<style>{CSS}{}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        esc(title),
        class_css()
    )
}

pub(super) fn table(out: &mut String, table: &Table) {
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
    for (h, a) in table.header.iter().zip(&table.align) {
        let class = if *a == Align::Right {
            " class=\"r\""
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in table.rows.iter().enumerate() {
        out.push_str("<tr>");
        for (c, (cell, a)) in row.iter().zip(&table.align).enumerate() {
            let mut classes: Vec<&str> = Vec::new();
            if *a == Align::Right {
                classes.push("r");
            }
            if let Some(class) = table.class_of(r, c) {
                classes.push(class.name());
            }
            // A date never wraps at its hyphens.
            if crate::model::Date::parse(cell).is_some() {
                classes.push("d");
            }
            if classes.is_empty() {
                let _ = write!(out, "<td>{}</td>", esc(cell));
            } else {
                let _ = write!(
                    out,
                    "<td class=\"{}\">{}</td>",
                    classes.join(" "),
                    esc(cell)
                );
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

/// A two-column table (label, value) as a row of figure tiles.
fn tiles(out: &mut String, table: &Table) {
    out.push_str("<div class=\"tiles\">");
    for row in &table.rows {
        if let [label, value] = row.as_slice() {
            let _ = write!(
                out,
                "<div class=\"tile\"><span class=\"v\">{}</span><span class=\"l\">{}</span></div>",
                esc(value),
                esc(label)
            );
        }
    }
    out.push_str("</div>\n");
}

fn sections(out: &mut String, sections: &[Section], level: u8) {
    for s in sections {
        let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(s.title));
        if s.table.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(s.empty));
        } else {
            table(out, &s.table);
        }
        if let Some(note) = s.note {
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(note));
        }
    }
}

fn legend() -> String {
    let mut out = String::from("<p class=\"legend\">");
    for class in GapClass::ALL {
        let _ = write!(
            out,
            "<span class=\"{}\">{} {}</span>",
            class.name(),
            class.symbol(false),
            class.name()
        );
    }
    out.push_str(" A thick border marks a moment of truth.</p>\n");
    out
}

/// The customer's words, touchpoint by touchpoint, after the tables.
fn voice_section(out: &mut String, voices: &[Voice], level: u8) {
    if voices.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h{level}>What customers expected and experienced</h{level}>"
    );
    for v in voices {
        let _ = writeln!(
            out,
            "<div class=\"voice\" style=\"border-left-color: {}\"><h4>{}</h4><p class=\"meta\">{}</p><dl>",
            colours(v.class).0,
            esc(&v.title),
            esc(&v.scores)
        );
        for (label, text) in &v.lines {
            let lines: Vec<String> = text.lines().map(esc).collect();
            let _ = writeln!(out, "<dt>{label}</dt><dd>{}</dd>", lines.join("<br>"));
        }
        out.push_str("</dl></div>\n");
    }
}

/// The body of one journey's report; `level` is the heading level of its
/// sections (2 on its own page, 3 inside a portfolio).
fn journey_body(out: &mut String, journey: &Journey, context: &Context, level: u8) {
    let persona = journey.persona.as_ref().map(crate::model::Persona::summary);
    for (label, value) in [
        ("Persona", &persona),
        ("Promise", &journey.promise),
        ("Description", &journey.description),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "<p class=\"meta\"><b>{label}:</b> {}</p>", esc(value));
        }
    }
    if let Some(rows) = super::blueprint_sections::persona_rows(journey) {
        out.push_str("<div class=\"voice persona\"><h4>Persona</h4><dl>");
        for (label, text) in rows {
            let lines: Vec<String> = text.lines().map(esc).collect();
            let _ = write!(out, "<dt>{label}</dt><dd>{}</dd>", lines.join("<br>"));
        }
        out.push_str("</dl></div>\n");
    }
    let mut all = journey_sections(journey, context);
    // The blueprint is drawn, not tabled.
    all.retain(|s| s.title != super::blueprint_sections::BLUEPRINT);
    let rest = all.split_off(1.min(all.len()));
    for s in &all {
        let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(s.title));
        tiles(out, &s.table);
    }
    let _ = writeln!(out, "<h{level}>Corridor map</h{level}>");
    out.push_str(&legend());
    let _ = writeln!(
        out,
        "<div class=\"scroll\">{}</div>",
        svg::corridor(journey)
    );
    let _ = writeln!(
        out,
        "<h{level}>Expected and actual along the corridor</h{level}>"
    );
    let _ = writeln!(
        out,
        "<p class=\"meta\">Dashed: expected. Solid: actual. Bars: experience debt (the running sum of negative gaps).</p>"
    );
    let _ = writeln!(out, "<div class=\"scroll\">{}</div>", svg::curve(journey));
    if !journey.steps.is_empty() {
        let _ = writeln!(out, "<h{level}>Service blueprint</h{level}>");
        let _ = writeln!(
            out,
            "<p class=\"meta\">Steps behind each touchpoint by lane, owner in brackets; ⚠ and a red border mark a fail point. The dashed line is the line of visibility.</p>"
        );
        let _ = writeln!(
            out,
            "<div class=\"scroll\">{}</div>",
            super::svg_blueprint::blueprint(journey)
        );
    }
    sections(out, &rest, level);
    voice_section(out, &voices(journey), level);
}

/// The report of one journey.
pub fn journey(journey: &Journey, context: &Context) -> String {
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>", esc(&journey.title));
    let _ = writeln!(body, "<p class=\"meta\">{}</p>", esc(&context.made_line()));
    journey_body(&mut body, journey, context, 2);
    document(&journey.title, &body)
}

/// The portfolio report of a folder, each journey's full report folded
/// beneath it.
pub fn portfolio(portfolio: &Portfolio, context: &Context) -> String {
    let mut body = String::from("<h1>Portfolio</h1>\n");
    let _ = writeln!(body, "<p>{}</p>", esc(&headline(portfolio, context.today)));
    let _ = writeln!(body, "<p class=\"meta\">{}</p>", esc(&context.made_line()));
    sections(&mut body, &portfolio_sections(portfolio, context), 2);
    body.push_str("<h2>Journeys in full</h2>\n");
    for (file, journey) in portfolio.journeys() {
        let _ = writeln!(
            body,
            "<details><summary>{} <span class=\"meta\">({})</span></summary>",
            esc(&journey.title),
            esc(file)
        );
        journey_body(&mut body, journey, context, 3);
        body.push_str("</details>\n");
    }
    document("Portfolio", &body)
}
