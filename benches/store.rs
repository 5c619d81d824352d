//! Store benchmarks on synthetic journeys of 1k, 10k and 100k touchpoints
//! (about 600 bytes each): load, load + check, check of in-memory text,
//! saving one changed score, and saving an appended piece of evidence (a
//! structural edit) in a file with LF and one with CRLF line endings.
//!
//! Run with `cargo bench --bench store`; pass a filter to run one group, e.g.
//! `cargo bench --bench store -- load_check/10000`, or skip the slow 100k
//! size with `cargo bench --bench store -- '/1?0000?$'`. The full run takes
//! about six minutes on a 2-core machine, most of it in the 100k cases.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{
    BatchSize, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main, measurement::WallTime,
};
use tempfile::TempDir;

use corridor::analysis::validate;
use corridor::model::{Id, Kind, Target, assign};
use corridor::sample::synthetic_journey;
use corridor::store::{load, parse_journey};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// One generated journey: its text, and a file on disk holding it.
struct Fixture {
    touchpoints: usize,
    text: String,
    path: PathBuf,
    _dir: TempDir,
}

impl Fixture {
    fn new(touchpoints: usize) -> Self {
        let text = synthetic_journey(touchpoints);
        let dir = TempDir::new().expect("temporary folder");
        let path = dir.path().join(format!("journey-{touchpoints}.toml"));
        std::fs::write(&path, &text).expect("write the journey");
        Self {
            touchpoints,
            text,
            path,
            _dir: dir,
        }
    }

    /// Puts the original text back (a save benchmark rewrites the file).
    fn reset(&self) {
        std::fs::write(&self.path, &self.text).expect("rewrite the journey");
    }
}

fn fixtures() -> Vec<Fixture> {
    SIZES.into_iter().map(Fixture::new).collect()
}

/// Sampling sized to the expected cost of one iteration (`per_touchpoint`
/// times the journey size), so the whole run stays within a few minutes on a
/// small machine: many samples for quick iterations, ten flat samples (one
/// iteration each) for the multi-second ones.
fn configure(
    group: &mut BenchmarkGroup<'_, WallTime>,
    fixture: &Fixture,
    per_touchpoint: Duration,
) {
    group.throughput(Throughput::Bytes(fixture.text.len() as u64));
    group.warm_up_time(Duration::from_secs(1));
    let estimate = per_touchpoint * fixture.touchpoints as u32;
    if estimate < Duration::from_millis(20) {
        group
            .sample_size(50)
            .sampling_mode(SamplingMode::Auto)
            .measurement_time(Duration::from_secs(3));
    } else if estimate < Duration::from_millis(400) {
        group
            .sample_size(20)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time((estimate * 24).max(Duration::from_secs(3)));
    } else {
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(estimate * 12);
    }
}

/// Rough cost per touchpoint of reading (+ checking) a journey, and of saving.
const READ_COST: Duration = Duration::from_micros(18);
const SAVE_COST: Duration = Duration::from_micros(80);

fn load_file(path: &Path) -> corridor::store::Loaded {
    load(path).expect("the synthetic journey loads")
}

fn bench_load(c: &mut Criterion, fixtures: &[Fixture]) {
    let mut group = c.benchmark_group("load");
    for f in fixtures {
        configure(&mut group, f, READ_COST);
        group.bench_with_input(BenchmarkId::from_parameter(f.touchpoints), f, |b, f| {
            b.iter(|| load_file(black_box(&f.path)));
        });
    }
    group.finish();
}

fn bench_load_check(c: &mut Criterion, fixtures: &[Fixture]) {
    let mut group = c.benchmark_group("load_check");
    for f in fixtures {
        configure(&mut group, f, READ_COST);
        group.bench_with_input(BenchmarkId::from_parameter(f.touchpoints), f, |b, f| {
            b.iter(|| {
                let loaded = load_file(black_box(&f.path));
                let findings = validate(&loaded.journey);
                (loaded, findings)
            });
        });
    }
    group.finish();
}

fn bench_check_text(c: &mut Criterion, fixtures: &[Fixture]) {
    let mut group = c.benchmark_group("check_text");
    for f in fixtures {
        configure(&mut group, f, READ_COST);
        group.bench_with_input(BenchmarkId::from_parameter(f.touchpoints), f, |b, f| {
            b.iter(|| {
                let parsed = parse_journey(black_box(&f.text));
                let findings = parsed.journey.as_ref().map(validate);
                (parsed, findings)
            });
        });
    }
    group.finish();
}

fn bench_save_one_score(c: &mut Criterion, fixtures: &[Fixture]) {
    let target = Target::Entry(Kind::Touchpoint, Id::new("tp-0").expect("valid id"));
    let mut group = c.benchmark_group("save_one_score");
    for f in fixtures {
        configure(&mut group, f, SAVE_COST);
        group.bench_with_input(BenchmarkId::from_parameter(f.touchpoints), f, |b, f| {
            // Setup (untimed): the original file, freshly loaded. Routine
            // (timed): one score changed and saved, which renders the edit,
            // re-parses it to verify, and writes atomically. The loaded
            // journey is dropped outside the timing.
            b.iter_batched_ref(
                || {
                    f.reset();
                    load_file(&f.path)
                },
                |loaded| {
                    assign(&mut loaded.journey, &target, "actual", "5").expect("score 5 is valid");
                    loaded
                        .file
                        .save(&loaded.journey)
                        .expect("the edited journey saves")
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
    fixtures.iter().for_each(Fixture::reset);
}

fn bench_save_evidence(c: &mut Criterion, fixtures: &[Fixture]) {
    let target = Target::Entry(Kind::Touchpoint, Id::new("tp-0").expect("valid id"));
    let mut group = c.benchmark_group("save_evidence");
    for f in fixtures {
        let crlf = format!("\u{FEFF}{}", f.text.replace('\n', "\r\n"));
        for (endings, text) in [("lf", &f.text), ("crlf", &crlf)] {
            configure(&mut group, f, SAVE_COST);
            let id = BenchmarkId::new(endings, f.touchpoints);
            group.bench_with_input(id, text, |b, text| {
                // Setup (untimed): the file in these line endings, freshly
                // loaded. Routine (timed): one piece of evidence appended and
                // saved through the full editor, re-parsed and written.
                b.iter_batched_ref(
                    || {
                        std::fs::write(&f.path, text).expect("write the journey");
                        load_file(&f.path)
                    },
                    |loaded| {
                        assign(&mut loaded.journey, &target, "evidence+", "Call log 7")
                            .expect("evidence is valid");
                        loaded
                            .file
                            .save(&loaded.journey)
                            .expect("the edited journey saves")
                    },
                    BatchSize::PerIteration,
                );
            });
        }
    }
    group.finish();
    fixtures.iter().for_each(Fixture::reset);
}

fn store(c: &mut Criterion) {
    let fixtures = fixtures();
    bench_load(c, &fixtures);
    bench_load_check(c, &fixtures);
    bench_check_text(c, &fixtures);
    bench_save_one_score(c, &fixtures);
    bench_save_evidence(c, &fixtures);
}

criterion_group!(benches, store);
criterion_main!(benches);
