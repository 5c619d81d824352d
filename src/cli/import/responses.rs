//! `corridor import responses FILE.csv JOURNEY --metric ID`: one row per
//! survey response in, each touchpoint's aggregate (mean, top-2-box share
//! or NPS, with `n`) out, through the same save path as `corridor set`.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::Args;

use super::{USAGE, output, read_input, report};
use crate::analysis::new_errors;
use crate::analysis::survey::{Aggregate, Tally, refuse};
use crate::model::{Id, Journey, Metric, Scale};
use crate::report::import_builder::ImportError;
use crate::text::{inert, plural};

#[derive(Debug, Args)]
pub struct ResponsesArgs {
    /// CSV, one row per response (`-` for stdin)
    csv: PathBuf,
    /// The journey file to update
    journey: PathBuf,
    /// The metric the aggregates are written to (its [[metrics]] kind
    /// decides: nps gives the NPS, anything else the mean)
    #[arg(long, value_name = "ID")]
    metric: String,
    /// The column naming the touchpoint
    #[arg(long, value_name = "NAME", default_value = "touchpoint")]
    id_column: String,
    /// The column holding the answer
    #[arg(long, value_name = "NAME", default_value = "score")]
    score_column: String,
    /// Write the share of answers in the two best points of the scale
    /// instead of the mean
    #[arg(long)]
    top_2_box: bool,
    /// The answers' scale MIN..MAX (default: the metric's scale; 0..10 for nps)
    #[arg(long, value_name = "MIN..MAX")]
    scale: Option<String>,
    /// The period the responses cover (written as `period`)
    #[arg(long)]
    period: Option<String>,
    /// Where the responses come from (written as `source`)
    #[arg(long)]
    source: Option<String>,
    /// Leave out invalid rows (counted) instead of writing nothing
    #[arg(long)]
    skip_invalid: bool,
}

/// The answers of a CSV, tallied per touchpoint in order of first row.
pub struct Tallies {
    pub order: Vec<Id>,
    pub tallies: HashMap<Id, Tally>,
    pub rows: u64,
    pub invalid: Vec<ImportError>,
}

fn scale_arg(text: &str) -> Result<Scale, String> {
    let (min, max) = text
        .split_once("..")
        .ok_or_else(|| format!("--scale {text:?}: write it MIN..MAX (1..5)"))?;
    let number = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    match (number(min), number(max)) {
        (Some(min), Some(max)) if min < max => Ok(Scale { min, max }),
        _ => Err(format!("--scale {text:?}: write it MIN..MAX (1..5)")),
    }
}

/// Reads and tallies the responses of `text` for `journey`.
pub fn tally(
    text: &str,
    journey: &Journey,
    id_column: &str,
    score_column: &str,
    aggregate: Aggregate,
    scale: Scale,
    better: crate::model::Better,
) -> Result<Tallies, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportError::new(1, 1, format!("cannot read the header row: {e}")))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
            .ok_or_else(|| ImportError::new(1, 1, format!("no column `{name}` in the header row")))
    };
    let (id_col, score_col) = (column(id_column)?, column(score_column)?);
    let known: HashMap<&str, &Id> = journey
        .touchpoints
        .iter()
        .map(|t| (t.id.as_str(), &t.id))
        .collect();
    let mut out = Tallies {
        order: Vec::new(),
        tallies: HashMap::new(),
        rows: 0,
        invalid: Vec::new(),
    };
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() as usize);
                return Err(ImportError::new(line, 1, format!("unreadable CSV: {e}")));
            }
        }
        out.rows += 1;
        let id = record.get(id_col).unwrap_or("");
        let Some(&id) = known.get(id) else {
            out.invalid.push(ImportError::new(
                line,
                id_col + 1,
                format!("no touchpoint `{id}` in the journey"),
            ));
            continue;
        };
        let raw = record.get(score_col).unwrap_or("");
        let score = match raw.parse::<f64>().ok().filter(|v| v.is_finite()) {
            Some(score) => score,
            None => {
                out.invalid.push(ImportError::new(
                    line,
                    score_col + 1,
                    format!("score {raw:?} is not a number"),
                ));
                continue;
            }
        };
        if let Some(why) = refuse(score, aggregate, scale) {
            out.invalid.push(ImportError::new(line, score_col + 1, why));
            continue;
        }
        let tally = out.tallies.entry(id.clone()).or_insert_with(|| {
            out.order.push(id.clone());
            Tally::default()
        });
        tally.add(score, scale, better);
    }
    Ok(out)
}

/// Writes each tally's value and `n` into metric `name` of its touchpoint.
pub fn apply(
    journey: &mut Journey,
    tallies: &Tallies,
    name: &str,
    aggregate: Aggregate,
    period: Option<&str>,
    source: Option<&str>,
) {
    for id in &tallies.order {
        let (Some(t), Some(tally)) = (journey.touchpoint_mut(id.as_str()), tallies.tallies.get(id))
        else {
            continue;
        };
        let Some(value) = tally.value(aggregate) else {
            continue;
        };
        let metric = match t.metrics.iter().position(|m| m.name == name) {
            Some(p) => &mut t.metrics[p],
            None => {
                t.metrics.push(Metric::new(name, value));
                let last = t.metrics.len() - 1;
                &mut t.metrics[last]
            }
        };
        metric.value = value;
        let detail = metric.detail.get_or_insert_with(Box::default);
        detail.n = Some(tally.n);
        if let Some(period) = period {
            detail.period = Some(period.to_owned());
        }
        if let Some(source) = source {
            detail.source = Some(source.to_owned());
        }
    }
}

pub fn run(args: &ResponsesArgs) -> u8 {
    let name = args.journey.display().to_string();
    let text = match read_input(&args.csv) {
        Ok(text) => text,
        Err(message) => {
            output::error(&message);
            return USAGE;
        }
    };
    let (_lock, mut loaded) =
        match super::super::journeys::open_for_edit(&args.journey, USAGE, "importing") {
            Ok(opened) => opened,
            Err(code) => return code,
        };
    let def = loaded.journey.metric(&args.metric).cloned();
    let aggregate = Aggregate::for_metric(def.as_ref(), args.top_2_box);
    let given = match args.scale.as_deref().map(scale_arg).transpose() {
        Ok(given) => given.or_else(|| def.as_ref()?.scale),
        Err(message) => {
            output::error(&message);
            return USAGE;
        }
    };
    let Some(scale) = aggregate.answers(given) else {
        output::error(&format!(
            "{name}: metric `{}` has no scale: declare it in [[metrics]] with `scale = [MIN, MAX]`, or give --scale MIN..MAX",
            args.metric
        ));
        return USAGE;
    };
    let better = def.as_ref().map(|d| d.direction()).unwrap_or_default();
    let tallies = match tally(
        &text,
        &loaded.journey,
        &args.id_column,
        &args.score_column,
        aggregate,
        scale,
        better,
    ) {
        Ok(t) => t,
        Err(e) => {
            report(&args.csv, &[e], "error");
            return USAGE;
        }
    };
    let skipped = tallies.invalid.len();
    if skipped > 0 {
        let severity = if args.skip_invalid {
            "warning"
        } else {
            "error"
        };
        report(&args.csv, &tallies.invalid, severity);
        if !args.skip_invalid {
            output::error(&format!(
                "{name}: nothing written ({} of {} invalid; --skip-invalid leaves them out)",
                plural(skipped, "row"),
                tallies.rows
            ));
            return USAGE;
        }
    }
    let mut journey = loaded.journey.clone();
    apply(
        &mut journey,
        &tallies,
        &args.metric,
        aggregate,
        args.period.as_deref(),
        args.source.as_deref(),
    );
    let broken = new_errors(&loaded.journey, &journey);
    if !broken.is_empty() {
        for e in &broken {
            output::error(&format!("{name}: {e}"));
        }
        output::error(&format!("{name}: nothing written"));
        return USAGE;
    }
    let summary = format!(
        "{}: {} of {} updated from {} ({} skipped)",
        inert(&name),
        args.metric,
        plural(tallies.order.len(), "touchpoint"),
        plural((tallies.rows as usize).saturating_sub(skipped), "response"),
        skipped
    );
    if journey == loaded.journey {
        return output::finish(
            output::line(&format!("{}: no change", inert(&name))),
            super::OK,
        );
    }
    match loaded.file.save(&journey) {
        Ok(_) => output::finish(output::line(&summary), super::OK),
        Err(e) => {
            output::error(&e.to_string());
            USAGE
        }
    }
}
