//! `nomina convert`: every input to one record, in path order.
//!
//! Inputs are sorted by the path their records will show and converted in
//! parallel through a sliding window: a worker takes the next file as soon
//! as it is free, the main thread writes outcomes in path order, and no more
//! than [`WINDOW`] documents are read and not yet written, so memory holds
//! only the documents in flight. An archive is converted member by member
//! in chunks; its records are written once the archive is read, sorted by
//! member path.
//!
//! Where records go is a [`Sink`]: JSON Lines ([`JsonlSink`]) or the tidy
//! CSV tables of `nomina::tables` ([`CsvSink`]). A record is encoded on
//! the worker thread that converted it and written, in order, by the sink.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use nomina::{Kind, Pipeline};
use nomina_archive::{ArchiveKind, Member, read_archive};
use rayon::prelude::*;

use crate::input::{self, Input};
use crate::{ConvertArgs, FormatArg};

/// Documents of an archive converted between two reads: enough to keep
/// every thread busy, few enough that memory holds only those in flight.
const CHUNK: usize = 64;

/// Plain files read and not yet written, at most (more on a pool of more
/// than two threads: see [`convert_window`]). Few enough that the memory of
/// the documents in flight, reused from one document to the next, is
/// still in the cache (128 ran some percent slower on two threads).
const WINDOW: usize = 64;

/// Plain files one task converts in a row: a task sent per document woke
/// the writing thread once a document, a cost of its own at thousands of
/// documents a second.
const BATCH: usize = 8;

/// What one input became: a record encoded for the sink `S`, or a JSON
/// line for the errors.
enum Outcome<S: Sink> {
    Record { encoded: S::Encoded, kind: Kind },
    Error(String),
}

/// Where records go, in order.
trait Sink {
    /// A record made ready to write, on a worker thread.
    type Encoded: Send;

    /// Encodes one record (on the worker thread that converted it).
    fn encode(record: &nomina::Record) -> Result<Self::Encoded, String>;

    /// Writes one encoded record after the ones before it.
    fn write(&mut self, encoded: Self::Encoded) -> Result<()>;

    /// Flushes everything and puts the output in place.
    fn finish(self) -> Result<()>;
}

fn error_line(path: &str, code: &str, message: &str) -> String {
    serde_json::json!({ "path": path, "error": { "code": code, "message": message } }).to_string()
}

fn record_outcome<S: Sink>(result: Result<nomina::Record, nomina::Error>, path: &str) -> Outcome<S> {
    match result {
        Ok(record) => match S::encode(&record) {
            Ok(encoded) => Outcome::Record { encoded, kind: record.kind },
            Err(e) => Outcome::Error(error_line(path, "internal", &e)),
        },
        Err(e) => Outcome::Error(error_line(path, e.code(), &e.to_string())),
    }
}

fn convert_input<S: Sink>(pipeline: &Pipeline, input: &Input) -> Outcome<S> {
    let path = input.path();
    if let Input::Failed { code, message, .. } = input {
        return Outcome::Error(error_line(path, code, message));
    }
    thread_local! {
        // A thread reads each document into the buffer it read the last one
        // into: no allocation, and memory still in the cache.
        static BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    BYTES.with_borrow_mut(|bytes| {
        let outcome = match input.read_into(pipeline.options().max_bytes, bytes) {
            Ok(len) => guarded(path, || pipeline.convert(&bytes[..len], path)),
            Err(e) => Outcome::Error(error_line(path, "io", &e.to_string())),
        };
        // A very large document's buffer is not kept for the rest of the run.
        if bytes.capacity() > KEPT_BUFFER_BYTES {
            *bytes = Vec::new();
        }
        outcome
    })
}

/// Largest read buffer a thread keeps for the next document.
const KEPT_BUFFER_BYTES: usize = 4 << 20;

/// The outcome of converting one document, or an `internal` error line if
/// converting or encoding it panicked: a bug met on one document costs no
/// other document its record (the panic message goes to standard error too).
fn guarded<S: Sink>(path: &str, convert: impl FnOnce() -> Result<nomina::Record, nomina::Error>) -> Outcome<S> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| record_outcome(convert(), path))) {
        Ok(outcome) => outcome,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            Outcome::Error(error_line(path, "internal", &format!("nomina failed on this document: {what}")))
        }
    }
}

fn convert_member<S: Sink>(pipeline: &Pipeline, path: &str, m: &Member) -> Outcome<S> {
    let input = nomina::Input {
        bytes: &m.bytes,
        path,
        url: m.url.as_deref(),
        fetched: m.fetched.as_deref(),
        charset: m.charset.as_deref(),
    };
    guarded(path, || pipeline.convert_input(input))
}

/// Where the outcomes go, with the counts for the summary line.
struct Writer<S: Sink> {
    sink: S,
    errors: Box<dyn Write>,
    counts: [usize; 3],
    failed: usize,
    progress: ProgressBar,
    /// Whether `progress` is drawn: a hidden bar still costs some hundred
    /// instructions a step, on the thread that keeps the order.
    shown: bool,
}

impl<S: Sink> Writer<S> {
    fn write(&mut self, outcome: Outcome<S>) -> Result<()> {
        match outcome {
            Outcome::Record { encoded, kind } => {
                self.sink.write(encoded)?;
                self.counts[kind as usize] += 1;
            }
            Outcome::Error(line) => {
                writeln!(self.errors, "{line}")?;
                self.failed += 1;
            }
        }
        if self.shown {
            self.progress.inc(1);
        }
        Ok(())
    }
}

pub fn run(args: ConvertArgs) -> Result<ExitCode> {
    match (args.format, args.out_dir.clone()) {
        (FormatArg::Csv, Some(dir)) => convert(args, || CsvSink::open(&dir)),
        // `main` has refused `--format csv` without `--out-dir`.
        _ => {
            let output = args.output.clone();
            convert(args, || Ok(JsonlSink(Output::open(output.as_deref())?)))
        }
    }
}

/// Converts every input into the sink `open` gives, opened once the inputs
/// are listed (so that its temporary files are not taken for inputs).
fn convert<S: Sink>(args: ConvertArgs, open: impl FnOnce() -> Result<S>) -> Result<ExitCode> {
    let started = Instant::now();
    let pipeline = args.pipeline.pipeline();
    // The tables are built while the inputs are listed, on another core,
    // and nothing waits for that thread: a document needing a table still
    // being built waits for that table alone, and one that failed to build
    // (a bug) fails again on each document that needs it, which `guarded`
    // turns into that document's error line.
    std::thread::spawn(nomina::prepare);
    let inputs = input::collect(&args.paths, args.follow_links);

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;

    let sink = open()?;
    let errors: Box<dyn Write> = match &args.errors {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot write errors to {}", p.display()))?,
        )),
        None => Box::new(std::io::stderr()),
    };
    let shown = std::io::stderr().is_terminal();
    let progress = if shown {
        let bar = ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut w = Writer { sink, errors, counts: [0; 3], failed: 0, progress, shown };

    // Runs of plain files go through a sliding window; an archive is read
    // in its place in the order.
    let mut run: Vec<&Input> = Vec::new();
    for input in &inputs {
        if let Some((fs_path, kind)) = input.archive() {
            convert_window(&pipeline, &pool, &run, &mut w)?;
            run.clear();
            convert_archive(&pipeline, &pool, input.path(), fs_path, kind, &mut w)?;
            continue;
        }
        run.push(input);
    }
    convert_window(&pipeline, &pool, &run, &mut w)?;
    w.progress.finish_and_clear();
    w.sink.finish()?;
    w.errors.flush()?;

    let documents = w.counts.iter().sum::<usize>() + w.failed;
    eprintln!(
        "converted {documents} files: {} nomination, {} news, {} unknown; {} errors; {:.2} s",
        w.counts[Kind::Nomination as usize],
        w.counts[Kind::News as usize],
        w.counts[Kind::Unknown as usize],
        w.failed,
        started.elapsed().as_secs_f64()
    );
    Ok(if w.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Converts `inputs` on the pool and writes their outcomes in order, with
/// at most a window of documents read and not yet written: no thread waits
/// for a chunk's slowest document, and memory holds only the window.
fn convert_window<S: Sink>(
    pipeline: &Pipeline,
    pool: &rayon::ThreadPool,
    inputs: &[&Input],
    w: &mut Writer<S>,
) -> Result<()> {
    // Four tasks a thread at least, so that a slow document holds up no
    // thread while the ones after it wait to be written.
    let window = WINDOW.max(pool.current_num_threads() * 4 * BATCH);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Vec<Outcome<S>>)>();
    pool.in_place_scope(|scope| {
        // Outcomes of batches done out of order, by the index of their first input.
        let mut waiting: BTreeMap<usize, Vec<Outcome<S>>> = BTreeMap::new();
        let (mut next_spawn, mut next_write) = (0, 0);
        while next_write < inputs.len() {
            while next_spawn < inputs.len() && next_spawn - next_write < window {
                let batch = &inputs[next_spawn..inputs.len().min(next_spawn + BATCH)];
                let (tx, first) = (tx.clone(), next_spawn);
                // The receiver outlives the scope; a send cannot fail.
                scope.spawn(move |_| {
                    drop(tx.send((first, batch.iter().map(|input| convert_input(pipeline, input)).collect())))
                });
                next_spawn += batch.len();
            }
            let (first, outcomes) = rx.recv().context("a worker thread stopped")?;
            waiting.insert(first, outcomes);
            while let Some(outcomes) = waiting.remove(&next_write) {
                next_write += outcomes.len();
                for outcome in outcomes {
                    w.write(outcome)?;
                }
            }
        }
        Ok(())
    })
}

/// Converts every member of an archive, then writes their outcomes sorted
/// by member path (archives keep their members in any order).
fn convert_archive<S: Sink>(
    pipeline: &Pipeline,
    pool: &rayon::ThreadPool,
    path: &str,
    fs_path: &Path,
    kind: ArchiveKind,
    w: &mut Writer<S>,
) -> Result<()> {
    let mut done: Vec<(String, Outcome<S>)> = Vec::new();
    let mut pending: Vec<(String, Member)> = Vec::with_capacity(CHUNK);
    let convert = |pending: &mut Vec<(String, Member)>, done: &mut Vec<(String, Outcome<S>)>| {
        let outcomes: Vec<(String, Outcome<S>)> = pool
            .install(|| pending.par_drain(..).map(|(p, m)| (p.clone(), convert_member(pipeline, &p, &m))).collect());
        done.extend(outcomes);
    };
    read_archive(fs_path, kind, pipeline.options().max_bytes, |member| {
        w.progress.inc_length(1);
        match member {
            Ok(m) => {
                let member_path = format!("{path}/{}", m.name);
                pending.push((member_path, m));
                if pending.len() == CHUNK {
                    convert(&mut pending, &mut done);
                }
            }
            Err(e) => {
                let error_path = e.member_name().map_or_else(|| path.to_string(), |n| format!("{path}/{n}"));
                done.push((error_path.clone(), Outcome::Error(error_line(&error_path, e.code(), &e.to_string()))));
            }
        }
    });
    convert(&mut pending, &mut done);
    // The archive itself was counted as one input before its members were.
    w.progress.dec_length(1);
    done.sort_by(|a, b| a.0.cmp(&b.0));
    done.into_iter().try_for_each(|(_, o)| w.write(o))
}

/// JSON Lines: one record a line, to standard output or `-o FILE`.
struct JsonlSink(Output);

impl Sink for JsonlSink {
    type Encoded = Vec<u8>;

    /// sonic-rs writes what serde_json would, byte for byte (a test holds it
    /// to that), but looks for characters to escape many bytes at a time,
    /// where serde_json looks at each byte: escaping was most of the cost of
    /// encoding.
    fn encode(record: &nomina::Record) -> Result<Vec<u8>, String> {
        // A record is about as long as its document, but sonic-rs reserves
        // room for a string's every character escaped (six bytes each) before
        // writing it: twice the document leaves room for an answer of a
        // sixth of it without regrowing (and copying) the line.
        let mut line = Vec::with_capacity(
            usize::try_from(record.source.bytes).unwrap_or(0).saturating_mul(2).saturating_add(4096),
        );
        sonic_rs::to_writer(&mut line, record).map_err(|e| e.to_string())?;
        line.push(b'\n');
        Ok(line)
    }

    fn write(&mut self, line: Vec<u8>) -> Result<()> {
        Ok(self.0.writer.write_all(&line)?)
    }

    fn finish(self) -> Result<()> {
        self.0.finish()
    }
}

/// The tidy tables of [`nomina::tables::TABLES`]: one CSV file each in a
/// directory, each written to a temporary file and renamed at the end.
struct CsvSink {
    files: Vec<Output>,
}

/// A CSV writer into memory: RFC 4180 (quotes where needed, `\r\n`
/// between rows), for one record's rows of one table or a header.
fn csv_buffer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).buffer_capacity(1024).from_writer(Vec::new())
}

fn csv_bytes(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, String> {
    w.into_inner().map_err(|e| e.to_string())
}

impl CsvSink {
    fn open(dir: &Path) -> Result<CsvSink> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut files = Vec::with_capacity(nomina::tables::TABLES.len());
        for table in &nomina::tables::TABLES {
            let mut out = Output::open(Some(&dir.join(table.file_name())))?;
            let mut header = csv_buffer();
            header.write_record(table.columns.iter().map(|c| c.name))?;
            out.writer.write_all(&csv_bytes(header).map_err(anyhow::Error::msg)?)?;
            files.push(out);
        }
        Ok(CsvSink { files })
    }
}

impl Sink for CsvSink {
    /// Each table's rows, CSV-encoded, in the order of the tables.
    type Encoded = Vec<Vec<u8>>;

    fn encode(record: &nomina::Record) -> Result<Vec<Vec<u8>>, String> {
        nomina::tables::TABLES
            .iter()
            .map(|table| {
                let mut w = csv_buffer();
                for row in 0..table.rows(record) {
                    let cells: Vec<_> = table.columns.iter().map(|c| c.value(record, row)).collect();
                    let rendered: Vec<_> = cells.iter().map(|c| c.render()).collect();
                    w.write_record(rendered.iter().map(|c| c.as_bytes())).map_err(|e| e.to_string())?;
                }
                csv_bytes(w)
            })
            .collect()
    }

    fn write(&mut self, tables: Vec<Vec<u8>>) -> Result<()> {
        for (out, rows) in self.files.iter_mut().zip(tables) {
            out.writer.write_all(&rows)?;
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        self.files.into_iter().try_for_each(Output::finish)
    }
}

/// Where records go: standard output, a file written in place (a device, a
/// pipe), or a temporary file renamed over the target at the end.
struct Output {
    writer: Box<dyn Write>,
    replace: Option<Replace>,
}

/// A temporary file beside the target, renamed over it once complete.
struct Replace {
    file: File,
    tmp: PathBuf,
    target: PathBuf,
}

impl Output {
    fn open(path: Option<&Path>) -> Result<Output> {
        let Some(path) = path else {
            return Ok(Output { writer: Box::new(BufWriter::new(std::io::stdout().lock())), replace: None });
        };
        let replaceable = match std::fs::metadata(path) {
            Ok(m) => m.is_file(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => return Err(e).with_context(|| format!("cannot write to {}", path.display())),
        };
        if !replaceable {
            // A device, a pipe, a terminal: written to, never renamed over.
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write to {}", path.display()))?;
            return Ok(Output { writer: Box::new(BufWriter::new(file)), replace: None });
        }
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&tmp).with_context(|| format!("cannot write to {}", tmp.display()))?;
        let writer = Box::new(BufWriter::new(file.try_clone()?));
        Ok(Output { writer, replace: Some(Replace { file, tmp, target: path.to_path_buf() }) })
    }

    fn finish(mut self) -> Result<()> {
        self.writer.flush()?;
        drop(self.writer);
        if let Some(r) = self.replace {
            // On disk before it takes the target's name: a crash after the
            // rename must not leave a file that is shorter than it claims.
            r.file.sync_all()?;
            std::fs::rename(&r.tmp, &r.target)
                .with_context(|| format!("cannot move {} to {}", r.tmp.display(), r.target.display()))?;
        }
        Ok(())
    }
}

impl Drop for Replace {
    fn drop(&mut self) {
        // Gone already when the rename succeeded; left over after an error.
        let _ = std::fs::remove_file(&self.tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_json_line(record: &nomina::Record) -> Vec<u8> {
        let mut line = serde_json::to_vec(record).expect("a record serializes");
        line.push(b'\n');
        line
    }

    #[test]
    fn a_panic_costs_only_its_own_document() {
        let outcome: Outcome<JsonlSink> = guarded("pages/bug.txt", || panic!("a parser bug"));
        let Outcome::Error(line) = outcome else { panic!("a record from a panicking conversion") };
        let line: serde_json::Value = serde_json::from_str(&line).expect("an error line is JSON");
        assert_eq!(line["path"], "pages/bug.txt");
        assert_eq!(line["error"]["code"], "internal");
        assert_eq!(line["error"]["message"], "nomina failed on this document: a parser bug");
        // The next document converts as ever.
        let pipeline = Pipeline::new(nomina::Options::default());
        let outcome: Outcome<JsonlSink> = guarded("ok.txt", || pipeline.convert(b"A page of plain words.", "ok.txt"));
        assert!(matches!(outcome, Outcome::Record { kind: Kind::Unknown, .. }));
    }

    #[test]
    fn json_lines_are_what_serde_json_writes() {
        let pipeline = Pipeline::new(nomina::Options::default());
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut records = Vec::new();
        for entry in std::fs::read_dir(&fixtures).expect("the fixtures") {
            let path = entry.expect("a fixture").path();
            let bytes = std::fs::read(&path).expect("a fixture's bytes");
            records.push(pipeline.convert(&bytes, &path.to_string_lossy()).expect("a fixture converts"));
        }
        assert!(records.len() >= 10, "{} fixtures", records.len());
        // Every character JSON escapes or might: controls, quotes,
        // backslashes, DEL, the line and paragraph separators, non-BMP.
        let odd: String =
            (1u8..0x20).map(char::from).chain("\"\\/\u{7f}\u{80}\u{2028}\u{2029}\u{fffd}é中🎉 ".chars()).collect();
        // Few enough control characters among the words not to be binary.
        let text = format!("Unrelated page.\n{odd}\n{}\n", "Words of an unrelated page. ".repeat(20));
        let mut record = pipeline.convert(text.as_bytes(), "odd.txt").expect("text converts");
        assert!(record.text.is_some(), "kept as an unknown page's text");
        record.source.path = format!("odd/{odd}");
        records.push(record);
        for record in &records {
            let ours = JsonlSink::encode(record).expect("a record encodes");
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&serde_json_line(record)),
                "{}",
                record.source.path
            );
        }
    }
}
