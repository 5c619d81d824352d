//! What the file-system guards cost: reading a journey through
//! `store::read_text` (type and size checked before and after opening)
//! against the unguarded read it replaced, and the sweep for stale temporary files
//! that every save runs, in a folder of 1000 journeys with no leftovers
//! (the usual case) and with one stale leftover (which looks through
//! `/proc` for processes holding it).
//!
//! Run with `cargo bench --bench hardening`.

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use tempfile::TempDir;

use corridor::sample::synthetic_journey;
use corridor::store::{read_text, sweep_stale_temporaries};

fn bench_read(c: &mut Criterion) {
    let dir = TempDir::new().expect("temporary folder");
    let mut group = c.benchmark_group("read_journey");
    for touchpoints in [1_000, 10_000] {
        let path = dir.path().join(format!("journey-{touchpoints}.toml"));
        std::fs::write(&path, synthetic_journey(touchpoints)).expect("write the journey");
        // What `read_text` did before the guards: read, stat, check UTF-8.
        group.bench_function(format!("unguarded/{touchpoints}"), |b| {
            b.iter(|| {
                let bytes = std::fs::read(&path).expect("read");
                let meta = std::fs::metadata(&path).expect("stat");
                let text = String::from_utf8(bytes).expect("UTF-8");
                black_box((text.len(), meta.len()))
            });
        });
        group.bench_function(format!("read_text/{touchpoints}"), |b| {
            b.iter(|| black_box(read_text(&path).expect("read").0.len()));
        });
    }
    group.finish();
}

fn bench_sweep(c: &mut Criterion) {
    let dir = TempDir::new().expect("temporary folder");
    for n in 0..1000 {
        std::fs::write(dir.path().join(format!("journey-{n}.toml")), "schema = 1\n")
            .expect("write a journey");
    }
    let target = dir.path().join("journey-0.toml");
    let leftover = dir.path().join(".journey-0.toml.Ab12Cd");
    let mut group = c.benchmark_group("sweep_on_save");
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function("1000_files_nothing_stale", |b| {
        b.iter(|| black_box(sweep_stale_temporaries(&target).len()));
    });
    group.bench_function("1000_files_one_stale", |b| {
        b.iter_batched(
            || {
                let file = std::fs::File::create(&leftover).expect("leftover");
                file.set_modified(SystemTime::now() - Duration::from_secs(3600))
                    .expect("age the leftover");
            },
            |()| black_box(sweep_stale_temporaries(&target).len()),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench_read, bench_sweep);
criterion_main!(benches);
