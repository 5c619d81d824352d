//! Import benchmarks: a CSV table and a Mermaid diagram of 4,000
//! touchpoints that all have the same name (`t`), through the library
//! functions `corridor import csv|mermaid` call. Every row needs an id
//! counted up from the last one (`t`, `t-2`, ... `t-4000`). Target: well
//! under 100 ms each.
//!
//! Run with `cargo bench --bench import`.

use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use corridor::report::{csv_import, mermaid_import};

const ROWS: usize = 4_000;

fn repeated_names(c: &mut Criterion) {
    let mut csv = String::from("name,stage\n");
    let mut diagram = String::from("journey\n  section s\n");
    for _ in 0..ROWS {
        csv.push_str("t,s\n");
        let _ = writeln!(diagram, "    t: 3");
    }
    let options = mermaid_import::MermaidOptions::default();

    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("csv_4000_repeated_names", |b| {
        b.iter(|| {
            let (journey, _) = csv_import::import(black_box(&csv), "T").expect("imports");
            black_box(journey.touchpoints.len())
        });
    });
    group.bench_function("mermaid_4000_repeated_names", |b| {
        b.iter(|| {
            let (journey, _) =
                mermaid_import::import(black_box(&diagram), &options).expect("imports");
            black_box(journey.touchpoints.len())
        });
    });
    group.finish();
}

criterion_group!(benches, repeated_names);
criterion_main!(benches);
