//! Merge benchmarks: three versions of a synthetic journey (1k and 10k
//! touchpoints) where OURS rescored 5% of the touchpoints and added ten,
//! and THEIRS rewrote the notes of another 5%, moved five and added ten.
//! `merge_texts` is what `corridor merge` does (three parses, the merge,
//! the result written in OURS's layout with THEIRS's tables, re-read);
//! `merge_model` is the three-way merge of the parsed journeys alone.
//!
//! Run with `cargo bench --bench merge`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use corridor::analysis::merge::{Options, merge};
use corridor::model::{Journey, Score, Touchpoint};
use corridor::sample::synthetic_journey;
use corridor::store::{load, merge_texts, parse_journey};

const SIZES: [usize; 2] = [1_000, 10_000];

struct Versions {
    base: String,
    ours: String,
    theirs: String,
}

fn touchpoint(id: String, like: &Touchpoint) -> Touchpoint {
    Touchpoint::new(
        corridor::model::Id::new(&id).expect("id"),
        like.stage.clone(),
        format!("Added {id}"),
    )
}

fn versions(touchpoints: usize) -> Versions {
    let base = synthetic_journey(touchpoints);
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("base.toml");
    std::fs::write(&path, &base).expect("write");
    let loaded = load(&path).expect("load");
    let edit = |f: &dyn Fn(&mut Journey)| {
        let mut j = loaded.journey.clone();
        f(&mut j);
        loaded.file.render(&j).expect("render")
    };
    let ours = edit(&|j| {
        for i in (0..touchpoints).step_by(20) {
            j.touchpoints[i].actual = Score::new(1 + (i % 5) as i64).ok();
        }
        for n in 0..10 {
            let at = n * touchpoints / 10;
            let t = touchpoint(format!("ours-{n}"), &j.touchpoints[at]);
            j.touchpoints.insert(at + 1, t);
        }
    });
    let theirs = edit(&|j| {
        for i in (10..touchpoints).step_by(20) {
            j.touchpoints[i].notes = Some(format!("Rewritten in the workshop ({i})"));
        }
        for n in 0..5 {
            let from = 3 + n * touchpoints / 5;
            let t = j.touchpoints.remove(from);
            j.touchpoints.insert(from + 2, t);
        }
        for n in 0..10 {
            let at = 5 + n * touchpoints / 10;
            let t = touchpoint(format!("theirs-{n}"), &j.touchpoints[at]);
            j.touchpoints.insert(at + 1, t);
        }
    });
    Versions { base, ours, theirs }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group.sample_size(20);
    for size in SIZES {
        let v = versions(size);
        let merged = merge_texts(&v.base, &v.ours, &v.theirs).expect("merged");
        assert!(merged.conflicts.is_empty());
        group.bench_with_input(BenchmarkId::new("merge_texts", size), &v, |b, v| {
            b.iter(|| merge_texts(black_box(&v.base), &v.ours, &v.theirs).expect("merged"))
        });
        let parse = |t: &str| parse_journey(t).journey.expect("valid");
        let (base, ours, theirs) = (parse(&v.base), parse(&v.ours), parse(&v.theirs));
        group.bench_with_input(BenchmarkId::new("merge_model", size), &(), |b, _| {
            b.iter(|| merge(black_box(&base), &ours, &theirs, Options::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
