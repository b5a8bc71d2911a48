//! An archive's outcomes come sorted by member path, the same whatever the thread count, the
//! memory budget (in memory, or spilled to sorted runs and merged), and whether the archive is
//! read from disk or from memory; its temporary files are gone at the end, and when the
//! outcomes are dropped half-read.

use std::io::Write;
use std::path::{Path, PathBuf};

use nomina_batch::{Batch, BatchOptions, HeldBytes, Outcome, Source};

fn fixtures() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-09-01T00:00:00Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A gzipped WARC (a gzip member a record) of `n` pages in an order that is not their paths':
/// some URIs twice (a page fetched again), every 17th page empty (an error line), a request
/// record between responses, one page over `BIG` bytes.
fn warc(n: usize) -> Vec<u8> {
    let pages = fixtures();
    let mut out = Vec::new();
    for i in 0..n {
        let id = (i * 7919) % (n * 3 / 4).max(1);
        let uri = format!("https://example.org/p/{id}");
        let body = match i {
            _ if i % 17 == 5 => Vec::new(),
            _ if i == n / 2 => "A long page. ".repeat(BIG / 10).into_bytes(),
            _ => pages[i % pages.len()].clone(),
        };
        let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n", body.len())
            .into_bytes();
        http.extend_from_slice(&body);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&warc_record("request", &uri, b"GET / HTTP/1.1\r\n\r\n")).unwrap();
        out.extend(gz.finish().unwrap());
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&warc_record("response", &uri, &http)).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

/// The largest page accepted in these runs.
const BIG: usize = 200_000;

fn batch(threads: usize, sort_memory: usize, temp: &Path) -> Batch {
    let pipeline = nomina::Pipeline::new(nomina::Options { max_bytes: BIG as u64, ..nomina::Options::default() });
    Batch::new(pipeline, BatchOptions { threads, sort_memory, temp_dir: Some(temp.to_path_buf()) }).unwrap()
}

fn all(batch: &Batch, source: Source) -> Vec<Outcome> {
    batch.convert(source).collect::<Result<_, _>>().unwrap()
}

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("nomina-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

fn entries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

#[test]
fn an_archive_comes_sorted_whatever_the_threads_and_the_budget() {
    let scratch = scratch("sorted");
    let temp = scratch.0.join("temp");
    std::fs::create_dir_all(&temp).unwrap();
    let bytes = warc(120);
    let file = scratch.0.join("crawl.warc.gz");
    std::fs::write(&file, &bytes).unwrap();
    let path = "crawl/crawl.warc.gz".to_string();

    let want = all(&batch(1, usize::MAX, &temp), Source::Bytes { path: path.clone(), bytes: bytes.clone() });
    // Records and errors, every one of the archive's, in path order, ties in archive order.
    let records = want.iter().filter(|o| matches!(o, Outcome::Record(_))).count();
    let errors: Vec<&str> = want
        .iter()
        .filter_map(|o| match o {
            Outcome::Error(f) => Some(f.code.as_ref()),
            Outcome::Record(_) => None,
        })
        .collect();
    assert_eq!(records + errors.len(), 120);
    assert_eq!(errors.iter().filter(|c| **c == "empty").count(), 7, "{errors:?}");
    assert_eq!(errors.iter().filter(|c| **c == "too_large").count(), 1, "{errors:?}");
    let paths: Vec<&str> = want.iter().map(Outcome::path).collect();
    assert!(paths.windows(2).all(|w| w[0] <= w[1]), "not sorted");
    assert!(paths.windows(2).any(|w| w[0] == w[1]), "no page fetched twice");
    assert!(paths.iter().all(|p| p.starts_with("crawl/crawl.warc.gz/https://example.org/p/")));
    assert!(want.iter().all(|o| o.input() == 0));
    for o in &want {
        if let Outcome::Record(r) = o {
            let v: serde_json::Value = serde_json::from_slice(&r.line).unwrap();
            assert_eq!(v["source"]["path"], r.path.as_str());
            assert!(r.line.ends_with(b"\n"));
        }
    }

    for (threads, budget) in [(2, usize::MAX), (1, 64 << 10), (2, 64 << 10), (3, 1)] {
        let b = batch(threads, budget, &temp);
        let from_memory = all(&b, Source::Bytes { path: path.clone(), bytes: bytes.clone() });
        assert!(from_memory == want, "{threads} threads, {budget} bytes: not the same outcomes");
        let from_disk = all(&b, Source::File { path: path.clone(), fs_path: file.clone() });
        assert!(from_disk == want, "{threads} threads, {budget} bytes, from disk: not the same outcomes");
        let held = all(&b, Source::Held { path: path.clone(), bytes: HeldBytes::new(bytes.clone()) });
        assert!(held == want, "{threads} threads, {budget} bytes, held: not the same outcomes");
        assert!(entries(&temp).is_empty(), "left behind: {:?}", entries(&temp));
    }
}

#[test]
fn held_documents_are_read_as_files_are() {
    let scratch = scratch("held");
    let b = batch(2, usize::MAX, &scratch.0);
    let page = fixtures().swap_remove(0);
    // Over the size limit: the command reads one byte past it, and says so.
    let big = "A long page. ".repeat(BIG / 10).into_bytes();
    let (page_file, big_file) = (scratch.0.join("page.txt"), scratch.0.join("big.txt"));
    std::fs::write(&page_file, &page).unwrap();
    std::fs::write(&big_file, &big).unwrap();
    let held = vec![
        Source::Held { path: "page.txt".into(), bytes: HeldBytes::new(page) },
        Source::Held { path: "big.txt".into(), bytes: HeldBytes::new(big) },
    ];
    let files = vec![
        Source::File { path: "page.txt".into(), fs_path: page_file },
        Source::File { path: "big.txt".into(), fs_path: big_file },
    ];
    let want: Vec<Outcome> = b.convert_all(files).collect::<Result<_, _>>().unwrap();
    assert!(matches!(&want[0], Outcome::Record(r) if r.path == "page.txt"));
    assert!(matches!(&want[1], Outcome::Error(f) if f.code == "too_large"), "{:?}", want[1]);
    // Taken as they come ready, then waited for: the same outcomes.
    let mut outcomes = b.convert_all(held);
    let mut got = Vec::new();
    while got.len() < want.len() {
        match outcomes.next_ready() {
            Some(outcome) => got.push(outcome),
            None => got.push(outcomes.next().unwrap().unwrap()),
        }
    }
    assert!(outcomes.next_ready().is_none() && outcomes.next().is_none());
    assert_eq!(got, want);
}

#[test]
fn dropping_the_outcomes_half_read_removes_the_sorted_runs() {
    let scratch = scratch("dropped");
    // More members than the hand-over holds (the consumer's batch, the
    // channel's batches and one being sent: 96 outcomes), so that the
    // merge is still under way, its runs open, however slow the consumer.
    let bytes = warc(400);
    let b = batch(2, 16 << 10, &scratch.0);
    let mut outcomes = b.convert(Source::Bytes { path: "a.warc.gz".into(), bytes });
    let first = outcomes.next().unwrap().unwrap();
    assert!(first.path().starts_with("a.warc.gz/"));
    // The archive has been read whole: its runs are on disk now.
    assert_eq!(entries(&scratch.0).len(), 1, "one directory of sorted runs");
    drop(outcomes);
    // The thread that merges sees the consumer gone at its next hand-over, and then stops.
    let gone = (0..200).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(10));
        entries(&scratch.0).is_empty()
    });
    assert!(gone, "left behind: {:?}", entries(&scratch.0));
}

#[test]
fn many_inputs_come_in_the_order_given_each_with_its_own() {
    let scratch = scratch("many");
    let pages = fixtures();
    let b = batch(2, 32 << 10, &scratch.0);
    let mut sources = vec![Source::Bytes { path: "z.txt".into(), bytes: pages[0].clone() }];
    sources.push(Source::Bytes { path: "m/crawl.warc.gz".into(), bytes: warc(30) });
    sources.push(Source::File { path: "missing.txt".into(), fs_path: scratch.0.join("missing.txt") });
    sources.push(Source::Bytes { path: "a.txt".into(), bytes: pages[1].clone() });
    let outcomes: Vec<Outcome> = b.convert_all(sources).collect::<Result<_, _>>().unwrap();
    let inputs: Vec<usize> = outcomes.iter().map(Outcome::input).collect();
    assert_eq!(outcomes.len(), 33);
    assert_eq!(inputs[0], 0);
    assert!(inputs[1..31].iter().all(|&i| i == 1));
    assert_eq!(&inputs[31..], [2, 3]);
    assert_eq!(outcomes[0].path(), "z.txt");
    match &outcomes[31] {
        Outcome::Error(f) => {
            assert_eq!((f.path.as_str(), f.code.as_ref()), ("missing.txt", "io"));
            // The command's error line: serde_json's object, keys sorted.
            let line = f.line();
            assert!(line.starts_with(r#"{"error":{"code":"io","message":""#), "{line}");
            assert!(line.ends_with(r#""},"path":"missing.txt"}"#), "{line}");
        }
        Outcome::Record(_) => panic!("a record for a missing file"),
    }
}
