//! Portfolio benchmarks over 500 generated journeys x 50 touchpoints, through
//! the library functions the CLI calls: `corridor report FOLDER --format
//! json` (read and parse every file, render the portfolio) and `corridor
//! check FOLDER` (list, read, parse, validate and place every finding).
//! Target: under 400 ms each.
//!
//! Run with `cargo bench --bench report`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

use corridor::report::{Context, Format, Portfolio, render_portfolio};
use corridor::sample::synthetic_journey;

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
            let json = render_portfolio(
                &portfolio,
                Format::Json,
                &Context::on(corridor::model::Date::new(2026, 1, 15).expect("date")),
            )
            .expect("render");
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

criterion_group!(benches, portfolio_json);
criterion_main!(benches);
