//! Report benchmarks through the library functions the CLI calls.
//!
//! - Portfolio: 500 generated journeys x 50 touchpoints, `corridor report
//!   FOLDER --format json` (read and parse every file, render the
//!   portfolio) and `corridor check FOLDER` (list, read, parse, validate
//!   and place every finding). Target: under 400 ms each.
//! - One large journey (5,000 and 50,000 generated touchpoints, parsed
//!   once): rendering it as md, json, csv and html. Each must grow in
//!   proportion to the touchpoints (10x the touchpoints, about 10x the
//!   time).
//! - 10,000 and 100,000 metrics on one touchpoint: the CSV report, and the
//!   semantic diff against a version where every metric changed. Linear
//!   in the metrics as well.
//!
//! Run with `cargo bench --bench report`; pass a filter to run one group,
//! e.g. `cargo bench --bench report -- large_journey/html`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

use std::fmt::Write;

use corridor::analysis::diff::diff;
use corridor::model::Journey;
use corridor::report::{Context, Format, Portfolio, render_journey, render_portfolio};
use corridor::sample::synthetic_journey;
use corridor::store::parse_journey;

/// The day reports are made on in these benchmarks.
fn context() -> Context {
    Context::on(corridor::model::Date::new(2026, 1, 15).expect("date"))
}

const JOURNEYS: usize = 500;
const TOUCHPOINTS: usize = 50;

fn portfolio_json(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let text = synthetic_journey(TOUCHPOINTS);
    let files: Vec<PathBuf> = (0..JOURNEYS)
        .map(|i| {
            let path = dir.path().join(format!("journey-{i:03}.toml"));
            std::fs::write(&path, &text).expect("write a journey");
            path
        })
        .collect();

    let mut group = c.benchmark_group("report");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("json_portfolio_500x50", |b| {
        b.iter(|| {
            let portfolio = Portfolio::read(black_box(&files));
            let json = render_portfolio(&portfolio, Format::Json, &context()).expect("render");
            black_box(json.len())
        });
    });
    group.bench_function("check_portfolio_500x50", |b| {
        b.iter(|| {
            let listed =
                corridor::store::journey_files(&[dir.path().to_path_buf()]).expect("list journeys");
            let findings: usize = corridor::cli::check::check_files(
                &listed.files,
                corridor::model::Date::new(2026, 11, 30).expect("date"),
            )
            .into_iter()
            .map(|r| r.expect("readable").len())
            .sum();
            black_box(findings)
        });
    });
    group.finish();
}

fn parsed(text: &str) -> Journey {
    parse_journey(text)
        .journey
        .expect("a valid generated journey")
}

fn large_journey(c: &mut Criterion) {
    let mut group = c.benchmark_group("large_journey");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for touchpoints in [5_000, 50_000] {
        let journey = parsed(&synthetic_journey(touchpoints));
        for format in [Format::Md, Format::Json, Format::Csv, Format::Html] {
            let name = format!("{}/{touchpoints}", format.name());
            group.bench_function(name, |b| {
                b.iter(|| {
                    let text =
                        render_journey(black_box(&journey), format, &context()).expect("render");
                    black_box(text.len())
                });
            });
        }
    }
    group.finish();
}

/// A journey whose one touchpoint has `metrics` metrics; `shift` changes
/// every value.
fn many_metrics(metrics: usize, shift: usize) -> String {
    let mut text = String::from(
        "schema = 1\ntitle = \"Metrics\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n\
         [[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"T\"\nexpected = 3\nactual = 2\nmetrics = { ",
    );
    for i in 0..metrics {
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(text, "{sep}m{i} = {}.5", (i + shift) % 97);
    }
    text.push_str(" }\n");
    text
}

fn many_metrics_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("many_metrics");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for metrics in [10_000, 100_000] {
        let old = parsed(&many_metrics(metrics, 0));
        let new = parsed(&many_metrics(metrics, 1));
        group.bench_function(format!("csv/{metrics}"), |b| {
            b.iter(|| {
                let text =
                    render_journey(black_box(&old), Format::Csv, &context()).expect("render");
                black_box(text.len())
            });
        });
        group.bench_function(format!("diff/{metrics}"), |b| {
            b.iter(|| {
                let d = diff(black_box(&old), black_box(&new));
                black_box((d.touchpoints.len(), d.summary_line().len()))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, portfolio_json, large_journey, many_metrics_benches);
criterion_main!(benches);
