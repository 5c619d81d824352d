//! `corridor show FILE`: the corridor as plain text, for terminals without
//! the workbench, scripts and pull requests.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::check::locate;
use super::{FINDINGS, OK, Paint, USAGE, output};
use crate::analysis::{
    Figures, department_figures, experience_debt, partner_figures, rank_gaps, unowned_figures,
};
use crate::model::{GapClass, Journey, Touchpoint};
use crate::store::{StoreError, load};
use crate::text::{fit, fit_right, inert};

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
}

impl Layout {
    fn from_args(args: &DisplayArgs) -> Self {
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
        }
    }
}

pub fn run(args: &ShowArgs) -> u8 {
    show_files(
        std::slice::from_ref(&args.file),
        &Layout::from_args(&args.display),
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
    } = *layout;
    let rule = if ascii { "-" } else { "─" }.repeat(width);
    writeln!(
        out,
        "{}",
        paint.heading(fit(&inert(&journey.title), width, ascii).trim_end())
    )?;
    for (label, value) in [("Persona", &journey.persona), ("Promise", &journey.promise)] {
        if let Some(value) = value {
            writeln!(
                out,
                "{}",
                fit(&format!("{label}: {}", inert(value)), width, ascii).trim_end()
            )?;
        }
    }
    let all = Figures::of(&journey.touchpoints);
    let debt = experience_debt(journey).last().map_or(0, |d| d.debt);
    let summary = format!(
        "{} touchpoints, {} scored, {} critical, {} shortfall, experience debt {debt}",
        all.count, all.scored, all.critical, all.shortfall
    );
    writeln!(out, "{}", fit(&summary, width, ascii).trim_end())?;
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
    write_departments(out, journey, layout)
}

fn write_worst(out: &mut impl Write, journey: &Journey, layout: &Layout) -> std::io::Result<()> {
    let Layout {
        width,
        ascii,
        paint,
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

fn mean(value: Option<f64>) -> String {
    value.map_or("-".into(), |v| format!("{v:+.2}"))
}

fn write_departments(
    out: &mut impl Write,
    journey: &Journey,
    layout: &Layout,
) -> std::io::Result<()> {
    let Layout {
        width,
        ascii,
        paint,
    } = *layout;
    // "  name" then seven numbers, six columns each plus a space.
    let name_w = width.saturating_sub(2 + 7 * 7).clamp(8, 30);
    let header = format!(
        "  {} {} {} {} {} {} {} {}",
        fit("Department", name_w, ascii),
        fit_right("Owned", 6, ascii),
        fit_right("Scored", 6, ascii),
        fit_right("Mean", 6, ascii),
        fit_right("Worst", 6, ascii),
        fit_right("Crit", 6, ascii),
        fit_right("Short", 6, ascii),
        fit_right("Open", 6, ascii),
    );
    writeln!(out, "{}", paint.heading("Departments"))?;
    writeln!(out, "{}", header.trim_end())?;
    let row = |name: &str, f: &Figures, open: Option<usize>| {
        let worst = f.worst_gap.map_or("-".into(), |g| g.to_string());
        format!(
            "  {} {} {} {} {} {} {} {}",
            fit(&inert(name), name_w, ascii),
            fit_right(&f.count.to_string(), 6, ascii),
            fit_right(&f.scored.to_string(), 6, ascii),
            fit_right(&mean(f.mean_gap), 6, ascii),
            fit_right(&worst, 6, ascii),
            fit_right(&f.critical.to_string(), 6, ascii),
            fit_right(&f.shortfall.to_string(), 6, ascii),
            fit_right(&open.map_or("-".into(), |o| o.to_string()), 6, ascii),
        )
    };
    for d in department_figures(journey) {
        let line = row(d.name, &d.figures, Some(d.open_actions));
        let class = d
            .figures
            .worst_gap
            .map_or(GapClass::Unscored, |g| g.class());
        let line = if d.figures.critical > 0 {
            paint.class(class, &line)
        } else {
            line
        };
        writeln!(out, "{}", line.trim_end())?;
    }
    let unowned = unowned_figures(journey);
    if unowned.count > 0 {
        writeln!(out, "{}", row("(unowned)", &unowned, None).trim_end())?;
    }
    let partners = partner_figures(journey);
    if !partners.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.heading("Partners (mean gap against the rest of the network)")
        )?;
        let header = format!(
            "  {} {} {} {} {}",
            fit("Partner", name_w, ascii),
            fit_right("Touch", 6, ascii),
            fit_right("Mean", 6, ascii),
            fit_right("Rest", 6, ascii),
            fit_right("Diff", 6, ascii),
        );
        writeln!(out, "{}", header.trim_end())?;
        for p in partners {
            let versus = p.versus_rest().map_or("-".into(), |v| format!("{v:+.2}"));
            let line = format!(
                "  {} {} {} {} {}",
                fit(&inert(p.name), name_w, ascii),
                fit_right(&p.figures.count.to_string(), 6, ascii),
                fit_right(&mean(p.figures.mean_gap), 6, ascii),
                fit_right(&mean(p.rest_mean_gap), 6, ascii),
                fit_right(&versus, 6, ascii),
            );
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}
