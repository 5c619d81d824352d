//! `corridor show FILE`: the corridor as plain text, for terminals without
//! the workbench, scripts and pull requests.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::check::locate;
use super::{FINDINGS, OK, Paint, USAGE, output};
use crate::analysis::{
    Due, Figures, department_figures, figures, overdue_actions, partner_figures, rank_gaps,
    unaddressed_gaps, unowned_figures,
};
use crate::model::{Date, GapClass, Journey, Touchpoint};
use crate::store::{StoreError, load};
use crate::text::{fit, fit_right, inert, plural, width as text_width, wrap};

/// Narrowest layout `show` lays out; every line fits in `--width` from here.
const MIN_WIDTH: usize = 60;

#[derive(Debug, Args)]
pub struct DisplayArgs {
    /// Line width (default: the terminal's width, or 100)
    #[arg(long, value_name = "N")]
    width: Option<usize>,
    /// No colour (also when NO_COLOR is set or output is not a terminal)
    #[arg(long)]
    no_color: bool,
    /// ASCII symbols only (vv v = ^ ?)
    #[arg(long)]
    ascii: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The journey file to print
    file: PathBuf,
    #[command(flatten)]
    display: DisplayArgs,
}

/// How to lay text out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub width: usize,
    pub ascii: bool,
    pub paint: Paint,
    /// The day due dates are measured against.
    pub today: Date,
}

impl Layout {
    pub(super) fn from_args(args: &DisplayArgs, today: Date) -> Self {
        let terminal = std::io::stdout()
            .is_terminal()
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w))
            .filter(|&w| w > 0);
        Self {
            width: args
                .width
                .or(terminal)
                .unwrap_or(100)
                .clamp(MIN_WIDTH, 1000),
            ascii: args.ascii,
            paint: Paint::detect(args.no_color),
            today,
        }
    }
}

pub fn run(args: &ShowArgs) -> u8 {
    let today = match crate::clock::today() {
        Ok(today) => today,
        Err(e) => {
            output::error(&e);
            return USAGE;
        }
    };
    show_files(
        std::slice::from_ref(&args.file),
        &Layout::from_args(&args.display, today),
    )
}

fn show_files(files: &[PathBuf], layout: &Layout) -> u8 {
    let mut code = OK;
    let mut out = output::stdout();
    for (n, file) in files.iter().enumerate() {
        if n > 0 {
            let _ = writeln!(out);
        }
        code = code.max(show_one(&mut out, file, layout));
    }
    code
}

fn show_one(out: &mut impl Write, file: &Path, layout: &Layout) -> u8 {
    let name = file.display().to_string();
    match load(file) {
        Ok(loaded) => match write_journey(out, &loaded.journey, layout) {
            Ok(()) => OK,
            Err(_) => USAGE,
        },
        Err(StoreError::Invalid(invalid)) => {
            for f in locate(&name, &invalid.text, &invalid.source_map, &invalid.findings) {
                eprintln!("{}", f.render());
            }
            FINDINGS
        }
        Err(e) => {
            output::error(&e.to_string());
            USAGE
        }
    }
}

fn scores(t: &Touchpoint) -> String {
    let s = |v: Option<crate::model::Score>| v.map_or("?".to_owned(), |s| s.to_string());
    format!("{} -> {}", s(t.expected), s(t.actual))
}

fn gap_text(t: &Touchpoint, ascii: bool) -> String {
    let class = t.gap_class();
    let gap = t.gap().map_or(String::new(), |g| g.to_string());
    format!("{:<2} {gap:>2}", class.symbol(ascii))
}

fn owner_text(journey: &Journey, t: &Touchpoint) -> String {
    let owner = t.owner.as_ref().map_or("(no owner)".to_owned(), |o| {
        journey
            .department(o)
            .map_or(o.to_string(), |d| d.name.clone())
    });
    match &t.partner {
        Some(p) => {
            let partner = journey.partner(p).map_or(p.to_string(), |p| p.name.clone());
            format!("{owner} / {partner}")
        }
        None => owner,
    }
}

/// Writes one journey: header, corridor by stage, worst gaps, departments.
pub fn write_journey(
    out: &mut impl Write,
    journey: &Journey,
    layout: &Layout,
) -> std::io::Result<()> {
    let Layout {
        width,
        ascii,
        paint,
        ..
    } = *layout;
    let rule = if ascii { "-" } else { "─" }.repeat(width);
    writeln!(
        out,
        "{}",
        paint.heading(fit(&inert(&journey.title), width, ascii).trim_end())
    )?;
    let persona = journey.persona.as_ref().map(crate::model::Persona::summary);
    for (label, value) in [("Persona", &persona), ("Promise", &journey.promise)] {
        if let Some(value) = value {
            for line in wrap(&format!("{label}: {}", inert(value)), width) {
                writeln!(out, "{}", line.trim_end())?;
            }
        }
        if label == "Persona" {
            super::show_blueprint::write_persona(out, journey, layout)?;
        }
    }
    let all = Figures::of(&journey.touchpoints);
    let summary = format!(
        "{}, {} scored; {} {}, {} {}, {} {}, {} {}",
        plural(all.count, "touchpoint"),
        all.scored,
        figures::DEBT.name.to_lowercase(),
        all.debt,
        all.below_expectation(),
        figures::BELOW.name.to_lowercase(),
        all.critical,
        figures::CRITICAL.name.to_lowercase(),
        all.shortfall,
        figures::SHORTFALL.name.to_lowercase(),
    );
    // Every figure of the summary shows, on as many lines as it takes.
    for line in wrap(&summary, width) {
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "{rule}")?;

    // Corridor: fixed columns, the name takes what is left.
    let (channel_w, owner_w) = if width >= 90 { (10, 26) } else { (8, 16) };
    let fixed = 2 + 2 + 1 + channel_w + 1 + owner_w + 1 + 6 + 2 + 5;
    let name_w = width.saturating_sub(fixed).max(8);
    let mark = if ascii { "* " } else { "★ " };
    for stage in &journey.stages {
        let phase = stage
            .phase
            .map_or(String::new(), |p| format!(" ({})", p.name()));
        writeln!(out)?;
        let title = format!("{}{phase}", inert(&stage.name).to_uppercase());
        writeln!(
            out,
            "{}",
            paint.heading(fit(&title, width, ascii).trim_end())
        )?;
        let members: Vec<&Touchpoint> = journey
            .touchpoints
            .iter()
            .filter(|t| t.stage == stage.id)
            .collect();
        if members.is_empty() {
            writeln!(out, "  (no touchpoints)")?;
        }
        for t in members {
            let class = t.gap_class();
            let row = format!(
                "  {}{} {} {} {}  {}",
                if t.moment_of_truth { mark } else { "  " },
                fit(&inert(&t.name), name_w, ascii),
                fit(
                    &inert(t.channel.as_deref().unwrap_or("-")),
                    channel_w,
                    ascii
                ),
                fit(&inert(&owner_text(journey, t)), owner_w, ascii),
                fit(&scores(t), 6, ascii),
                paint.class(class, &gap_text(t, ascii)),
            );
            writeln!(out, "{}", row.trim_end())?;
        }
    }
    writeln!(out)?;
    write_worst(out, journey, layout)?;
    writeln!(out)?;
    write_departments(out, journey, layout)?;
    super::show_blueprint::write_behind(out, journey, layout)?;
    write_work(out, journey, layout)
}

fn write_worst(out: &mut impl Write, journey: &Journey, layout: &Layout) -> std::io::Result<()> {
    let Layout {
        width,
        ascii,
        paint,
        ..
    } = *layout;
    writeln!(
        out,
        "{}",
        paint.heading("Most severe gaps (shortfall, x2 at a moment of truth)")
    )?;
    let worst: Vec<_> = rank_gaps(journey)
        .into_iter()
        .filter(|r| r.severity > 0)
        .take(5)
        .collect();
    if worst.is_empty() {
        return writeln!(out, "  none: every scored touchpoint meets expectations");
    }
    let (stage_w, owner_w) = if width >= 90 { (14, 18) } else { (10, 12) };
    // "  NN name stage owner gap  sev NN"
    let fixed = 2 + 2 + 1 + 1 + stage_w + 1 + owner_w + 1 + 5 + 6 + 2;
    let name_w = width.saturating_sub(fixed).max(8);
    for (n, r) in worst.iter().enumerate() {
        let t = r.touchpoint;
        let stage = journey
            .stage(&t.stage)
            .map_or(t.stage.to_string(), |s| s.name.clone());
        let owner = t.owner.as_ref().map_or("(no owner)".to_owned(), |o| {
            journey
                .department(o)
                .map_or(o.to_string(), |d| d.name.clone())
        });
        let row = format!(
            "  {:>2} {} {} {} {}  sev {:>2}",
            n + 1,
            fit(&inert(&t.name), name_w, ascii),
            fit(&inert(&stage), stage_w, ascii),
            fit(&inert(&owner), owner_w, ascii),
            paint.class(r.class, &gap_text(t, ascii)),
            r.severity
        );
        writeln!(out, "{}", row.trim_end())?;
    }
    Ok(())
}

/// The columns of a group table at a width: `  ▼▼ name`, then as many of
/// the group figures (six columns each, pain first) as fit beside the
/// name, then one column of `extra` width.
#[derive(Debug, Clone, Copy)]
struct Columns {
    name: usize,
    figures: usize,
    extra: usize,
}

impl Columns {
    /// The figures always shown however narrow: debt, below, critical.
    const LEAST: usize = 3;

    fn fitting(width: usize, extra: usize) -> Self {
        let room = |figures: usize| width.saturating_sub(5 + 7 * figures + 1 + extra);
        let mut figures = figures::GROUP.len();
        while figures > Self::LEAST && room(figures) < 12 {
            figures -= 1;
        }
        Columns {
            name: room(figures).clamp(8, 30),
            figures,
            extra,
        }
    }
}

/// A group's figures: its name marked with the class it reads as (so a
/// group with any touchpoint below expectation never reads as neutral),
/// then the group figures, pain first.
fn group_row(
    name: &str,
    f: &Figures,
    extra: &[String],
    layout: &Layout,
    columns: Columns,
) -> String {
    let Layout { ascii, paint, .. } = *layout;
    let class = f.class();
    let mut row = format!(
        "  {:<2} {}",
        class.symbol(ascii),
        fit(&inert(name), columns.name, ascii)
    );
    for figure in &figures::GROUP[..columns.figures] {
        row.push(' ');
        row.push_str(&fit_right(&f.text(figure), 6, ascii));
    }
    for cell in extra {
        row.push(' ');
        row.push_str(&fit_right(cell, columns.extra, ascii));
    }
    let row = row.trim_end().to_owned();
    match class {
        GapClass::Critical | GapClass::Shortfall => paint.class(class, &row),
        _ => row,
    }
}

fn group_header(first: &str, extra: &[&str], layout: &Layout, columns: Columns) -> String {
    let ascii = layout.ascii;
    let mut header = format!("     {}", fit(first, columns.name, ascii));
    for figure in &figures::GROUP[..columns.figures] {
        header.push(' ');
        header.push_str(&fit_right(figure.label, 6, ascii));
    }
    for label in extra {
        header.push(' ');
        header.push_str(&fit_right(label, columns.extra, ascii));
    }
    header.trim_end().to_owned()
}

fn write_departments(
    out: &mut impl Write,
    journey: &Journey,
    layout: &Layout,
) -> std::io::Result<()> {
    let paint = layout.paint;
    let departments = Columns::fitting(layout.width, 7);
    let partner_cols = Columns::fitting(layout.width, 10);
    writeln!(
        out,
        "{}",
        paint.heading("Departments (most indebted first)")
    )?;
    let open = figures::OPEN_ACTIONS.label;
    writeln!(
        out,
        "{}",
        group_header("Department", &[open], layout, departments)
    )?;
    for d in department_figures(journey) {
        let line = group_row(
            d.name,
            &d.figures,
            &[d.open_actions.to_string()],
            layout,
            departments,
        );
        writeln!(out, "{line}")?;
    }
    let unowned = unowned_figures(journey);
    if unowned.count > 0 {
        let line = group_row("(unowned)", &unowned, &["-".into()], layout, departments);
        writeln!(out, "{line}")?;
    }
    let partners = partner_figures(journey);
    if !partners.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.heading("Partners (mean gap against the rest of the network)")
        )?;
        let label = figures::VERSUS_REST.label;
        writeln!(
            out,
            "{}",
            group_header("Partner", &[label], layout, partner_cols)
        )?;
        for p in partners {
            let versus = figures::mean_text(p.versus_rest());
            let versus = if p.lags() {
                format!("{versus} lags")
            } else {
                versus
            };
            let line = group_row(p.name, &p.figures, &[versus], layout, partner_cols);
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// Gaps nobody works on, then overdue actions.
fn write_work(out: &mut impl Write, journey: &Journey, layout: &Layout) -> std::io::Result<()> {
    let Layout {
        width,
        ascii,
        paint,
        today,
    } = *layout;
    let unaddressed = unaddressed_gaps(journey);
    writeln!(out)?;
    writeln!(out, "{}", paint.heading(figures::UNADDRESSED.name))?;
    if unaddressed.is_empty() {
        writeln!(out, "  none: every gap below expectation has open work")?;
    }
    for u in &unaddressed {
        let t = u.gap.touchpoint;
        let why = if u.needs_remeasure() {
            "every action done: measure again"
        } else {
            "no action"
        };
        let gap = gap_text(t, ascii);
        let used = 2 + text_width(&gap) + 1 + 1 + why.len();
        let name_w = width.saturating_sub(used).max(8);
        let row = format!(
            "  {} {} {}",
            paint.class(u.gap.class, &gap),
            fit(&inert(&t.name), name_w, ascii),
            why
        );
        writeln!(out, "{}", row.trim_end())?;
    }
    let overdue = overdue_actions(journey, today);
    if !overdue.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.heading(&format!(
                "{} actions (today {today})",
                figures::OVERDUE.name
            ))
        )?;
        for (index, days) in overdue {
            let action = &journey.actions[index];
            let late = Due::Overdue(days).text();
            let title_w = width.saturating_sub(2 + 1 + late.len()).max(8);
            let row = format!(
                "  {} {}",
                fit(&inert(&action.title), title_w, ascii),
                paint.class(GapClass::Critical, &late)
            );
            writeln!(out, "{}", row.trim_end())?;
        }
    }
    Ok(())
}
