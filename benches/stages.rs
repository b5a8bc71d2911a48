//! Each stage of the pipeline over the fixtures: decode, parse, normalize
//! (without and with language detection), and language detection alone.
//!
//! `cargo bench --bench stages`; throughput is per byte of fixture.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nomina::lang::{Detector, LangMode};
use nomina::{normalize, parse};

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| {
            let p = e.expect("entry").path();
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).expect("fixture"))
        })
        .collect();
    out.sort();
    out
}

fn source() -> normalize::Source {
    normalize::Source {
        path: "bench".into(),
        bytes: 0,
        sha256: String::new(),
        encoding: "UTF-8".into(),
        encoding_basis: "detected".into(),
        url: None,
        fetched: None,
    }
}

fn stages(c: &mut Criterion) {
    let docs = fixtures();
    let total: usize = docs.iter().map(|(_, b)| b.len()).sum();
    // The text the parser sees: a saved web page's text, not its markup.
    let texts: Vec<String> = docs
        .iter()
        .map(|(_, b)| {
            let text = parse::decode(b).expect("decodes").text;
            if nomina::html::looks_like_html(&text) { nomina::html::extract(&text).text } else { text }
        })
        .collect();
    let parsed: Vec<parse::Document> = texts.iter().map(|t| parse::parse(t.clone())).collect();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(total as u64));

    group.bench_function("decode", |b| {
        b.iter(|| {
            for (_, bytes) in &docs {
                black_box(parse::decode(black_box(bytes)).expect("decodes"));
            }
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(parse::parse(black_box(t.clone())));
            }
        })
    });
    let no_lang = normalize::Options::default();
    group.bench_function("normalize", |b| {
        b.iter(|| {
            for d in &parsed {
                black_box(normalize::normalize(d, source(), String::new(), &no_lang));
            }
        })
    });
    for (name, mode) in [("normalize+lang fast", LangMode::Fast), ("normalize+lang full", LangMode::Full)] {
        let options = normalize::Options { detector: Some(Detector::cached(&[], mode)), ..Default::default() };
        group.bench_function(name, |b| {
            b.iter(|| {
                for d in &parsed {
                    black_box(normalize::normalize(d, source(), String::new(), &options));
                }
            })
        });
    }
    group.finish();

    // Language detection alone, over the answers of the fixtures.
    let answers: Vec<String> = parsed
        .iter()
        .filter_map(|d| normalize::normalize(d, source(), String::new(), &no_lang).nomination)
        .flat_map(|n| n.answers.into_iter().filter_map(|a| a.text))
        .collect();
    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Bytes(answers.iter().map(String::len).sum::<usize>() as u64));
    for (name, mode) in [("fast", LangMode::Fast), ("full", LangMode::Full)] {
        let d = Detector::cached(&[], mode);
        group.bench_function(name, |b| {
            b.iter(|| {
                let doc = d.document_language(answers.iter().map(String::as_str));
                for a in &answers {
                    black_box(d.detect_in(black_box(a), doc));
                }
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = stages
}
criterion_main!(benches);
