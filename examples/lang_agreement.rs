//! Agreement of fast language detection with full-text lingua over the
//! answers (and news and page paragraphs) of a corpus.
//!
//! `cargo run --release --example lang_agreement -- CORPUS_DIR` prints one
//! line: texts compared, how many agree, the share, and the time each mode
//! took. The fast mode must agree on at least 99.5% of texts.

use std::time::Instant;

use nomina::lang::{Detector, LangMode};
use nomina::{Options, Pipeline};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: lang_agreement CORPUS_DIR");
        std::process::exit(2);
    };
    // The texts as the pipeline sees them, with detection off.
    let pipeline = Pipeline::new(Options { detect_language: false, ..Options::default() });
    let mut documents: Vec<Vec<String>> = Vec::new();
    for entry in walkdir(&dir) {
        let Ok(bytes) = std::fs::read(&entry) else { continue };
        let Ok(record) = pipeline.convert(&bytes, &entry) else { continue };
        let texts: Vec<String> = if let Some(n) = record.nomination {
            n.answers.into_iter().filter_map(|a| a.text).collect()
        } else if let Some(news) = record.news {
            news.paragraphs
        } else {
            record.text.map(|t| t.paragraphs).unwrap_or_default()
        };
        documents.push(texts);
    }
    let fast = Detector::cached(&[], LangMode::Fast);
    let full = Detector::cached(&[], LangMode::Full);
    let started = Instant::now();
    let fast_langs: Vec<Vec<_>> = documents
        .iter()
        .map(|texts| {
            let doc = fast.document_language(texts.iter().map(String::as_str));
            texts.iter().map(|t| fast.detect_in(t, doc)).collect()
        })
        .collect();
    let fast_time = started.elapsed();
    let started = Instant::now();
    let full_langs: Vec<Vec<_>> =
        documents.iter().map(|texts| texts.iter().map(|t| full.detect(t)).collect()).collect();
    let full_time = started.elapsed();
    let mut total = 0usize;
    let mut agree = 0usize;
    for (a, b) in fast_langs.iter().zip(&full_langs) {
        for (x, y) in a.iter().zip(b) {
            total += 1;
            agree += usize::from(x == y);
        }
    }
    let share = if total == 0 { 100.0 } else { 100.0 * agree as f64 / total as f64 };
    println!(
        "lang_agreement: {agree} of {total} texts agree ({share:.2}%); fast {:.2} s, full {:.2} s, over {} documents",
        fast_time.as_secs_f64(),
        full_time.as_secs_f64(),
        documents.len()
    );
    if share < 99.5 {
        std::process::exit(1);
    }
}

/// Every regular file below `dir`, sorted.
fn walkdir(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(p) = stack.pop() {
        match std::fs::read_dir(&p) {
            Ok(entries) => stack.extend(entries.filter_map(|e| e.ok().map(|e| e.path()))),
            Err(_) => out.push(p.to_string_lossy().into_owned()),
        }
    }
    out.sort();
    out
}
