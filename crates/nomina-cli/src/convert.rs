//! `nomina convert`: every input to one record, in path order.
//!
//! Inputs are listed and sorted by the path their records will show, then converted by a
//! [`nomina_batch::Batch`]: documents in parallel through a sliding window, an archive's
//! members through the same window, their records sorted by member path in a memory budget
//! (spilled to sorted temporary files past it, merged at the end). The outcomes come back in
//! order; records go to a [`Sink`], errors to the error stream.
//!
//! Where records go is a [`Sink`]: JSON Lines ([`JsonlSink`]) or the tidy CSV tables of
//! `nomina::tables` ([`CsvSink`]). A record is encoded on the worker thread that converted it
//! (the batch's encoder) and written, in order, by the sink.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use nomina::Kind;
use nomina_batch::temp::{SORT_DIR_PREFIX, TempFile, remove_stale};
use nomina_batch::{Batch, BatchOptions, Encoder, Outcome};

use crate::input::{self, Skipped};
use crate::{ConvertArgs, FormatArg};

/// Where records go, in order.
trait Sink {
    /// How a record is made ready to write, on a worker thread.
    const ENCODER: Encoder;

    /// Writes one encoded record after the ones before it.
    fn write(&mut self, encoded: &[u8]) -> Result<()>;

    /// Flushes everything and puts the output in place.
    fn finish(self) -> Result<()>;
}

pub fn run(args: ConvertArgs) -> Result<ExitCode> {
    // Interrupted (SIGINT, SIGTERM, SIGHUP): the temporary files go, the output stays as it
    // was, and the status says so (128 + SIGINT, as a shell reports an interrupted command).
    // Installing fails only when a handler is set already, and then that one runs.
    let _ = ctrlc::set_handler(|| {
        nomina_batch::temp::remove_all();
        std::process::exit(130);
    });
    match (args.format, args.out_dir.clone()) {
        (FormatArg::Csv, Some(dir)) => convert(args, Some(dir.clone()), || CsvSink::open(&dir)),
        // `main` has refused `--format csv` without `--out-dir`.
        _ => {
            let output = args.output.clone();
            // The sorted runs of a large archive go beside the output, where there is room
            // for it; beside standard output or a device, to $TMPDIR.
            let beside = output.as_deref().filter(|p| replaceable(p)).map(parent_dir);
            convert(args, beside, || Ok(JsonlSink(Output::open(output.as_deref())?)))
        }
    }
}

/// Converts every input into the sink `open` gives, opened once the inputs are listed (so that
/// its temporary files are not taken for inputs); sorted runs go to `temp_dir` (or $TMPDIR).
fn convert<S: Sink>(
    args: ConvertArgs,
    temp_dir: Option<PathBuf>,
    open: impl FnOnce() -> Result<S>,
) -> Result<ExitCode> {
    let started = Instant::now();
    let pipeline = args.pipeline.pipeline();
    // The tables are built while the inputs are listed, on another core, and nothing waits
    // for that thread: a document needing a table still being built waits for that table
    // alone, and one that failed to build (a bug) fails again on each document that needs
    // it, which the batch turns into that document's error line.
    std::thread::spawn(nomina::prepare);
    let listing = input::collect(&args.paths, args.follow_links);
    let inputs = listing.inputs;

    let sort_root = temp_dir.clone().unwrap_or_else(std::env::temp_dir);
    // What a run killed outright (SIGKILL) left: this is the next run.
    remove_stale(&sort_root, SORT_DIR_PREFIX);
    let options = BatchOptions {
        threads: args.jobs.unwrap_or(0),
        sort_memory: usize::try_from(args.sort_memory.saturating_mul(1 << 20)).unwrap_or(usize::MAX),
        temp_dir,
    };
    let batch = Batch::new(pipeline, options).context("cannot start worker threads")?.with_encoder(S::ENCODER);

    let mut sink = open()?;
    let mut errors: Box<dyn Write> = match &args.errors {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot write errors to {}", p.display()))?,
        )),
        None => Box::new(std::io::stderr()),
    };
    let shown = std::io::stderr().is_terminal();
    let total = inputs.len() as u64;
    let progress = if shown {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };

    let (mut counts, mut failed) = ([0usize; 3], 0usize);
    let mut outcomes = batch.convert_all(inputs);
    while let Some(outcome) = outcomes.next() {
        match outcome? {
            Outcome::Record(record) => {
                sink.write(&record.line)?;
                counts[record.kind as usize] += 1;
            }
            Outcome::Error(failure) => {
                writeln!(errors, "{}", failure.line())?;
                failed += 1;
            }
        }
        // A hidden bar is not stepped: each step costs some hundred instructions, on the
        // thread that keeps the order.
        if shown {
            // Archives add their members as they are read.
            progress.set_length(total.max(outcomes.found()));
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    sink.finish()?;
    errors.flush()?;
    if args.verbose {
        // On standard error, for a person: `--errors FILE` keeps one JSON line a failed input.
        let mut stderr = std::io::stderr().lock();
        for skipped in &listing.skipped {
            writeln!(stderr, "skipped {}: {}", skipped.path, skipped.why.as_str())?;
        }
    }

    let documents = counts.iter().sum::<usize>() + failed;
    eprintln!(
        "converted {documents} files: {} nomination, {} news, {} unknown; {failed} errors{}; {:.2} s",
        counts[Kind::Nomination as usize],
        counts[Kind::News as usize],
        counts[Kind::Unknown as usize],
        skipped_summary(&listing.skipped),
        started.elapsed().as_secs_f64()
    );
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `; 3 skipped: 2 symlinks (use --follow-links), 1 not a regular file` for the summary line,
/// nothing when nothing was skipped.
fn skipped_summary(skipped: &[Skipped]) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let mut reasons: Vec<(input::SkipReason, usize)> = Vec::new();
    for s in skipped {
        match reasons.iter_mut().find(|(why, _)| *why == s.why) {
            Some((_, n)) => *n += 1,
            None => reasons.push((s.why, 1)),
        }
    }
    reasons.sort();
    let parts: Vec<String> = reasons.iter().map(|(why, n)| why.counted(*n)).collect();
    format!("; {} skipped: {}", skipped.len(), parts.join(", "))
}

/// Whether `-o path` is written to a temporary file and renamed (a regular file, or nothing yet).
fn replaceable(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Ok(m) => m.is_file(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// The directory a file is in (`.` for a bare name).
fn parent_dir(path: &Path) -> PathBuf {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf()
}

/// JSON Lines: one record a line, to standard output or `-o FILE`.
struct JsonlSink(Output);

impl Sink for JsonlSink {
    const ENCODER: Encoder = nomina_batch::json_line;

    fn write(&mut self, line: &[u8]) -> Result<()> {
        Ok(self.0.writer.write_all(line)?)
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
    const ENCODER: Encoder = csv_rows;

    fn write(&mut self, mut tables: &[u8]) -> Result<()> {
        for out in &mut self.files {
            let (len, rest) = tables.split_at_checked(8).context("a record's CSV rows are cut short")?;
            let len = usize::try_from(u64::from_le_bytes(len.try_into()?))?;
            let (rows, rest) = rest.split_at_checked(len).context("a record's CSV rows are cut short")?;
            out.writer.write_all(rows)?;
            tables = rest;
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        self.files.into_iter().try_for_each(Output::finish)
    }
}

/// A record's rows of each table, CSV-encoded, in the order of the tables, each after its
/// length (eight bytes, little-endian): one buffer, as the batch holds and sorts records.
fn csv_rows(record: &nomina::Record) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for table in &nomina::tables::TABLES {
        let mut w = csv_buffer();
        for row in 0..table.rows(record) {
            let cells: Vec<_> = table.columns.iter().map(|c| c.value(record, row)).collect();
            let rendered: Vec<_> = cells.iter().map(|c| c.render()).collect();
            w.write_record(rendered.iter().map(|c| c.as_bytes())).map_err(|e| e.to_string())?;
        }
        let rows = csv_bytes(w)?;
        out.extend_from_slice(&(rows.len() as u64).to_le_bytes());
        out.extend_from_slice(&rows);
    }
    Ok(out)
}

/// Where records go: standard output, a file written in place (a device, a pipe), or a
/// temporary file renamed over the target at the end.
struct Output {
    writer: Box<dyn Write>,
    replace: Option<Replace>,
}

/// A temporary file beside the target, renamed over it once complete. It is removed if the
/// run fails or is interrupted (see [`nomina_batch::temp`]).
struct Replace {
    tmp: TempFile,
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
        let dir = parent_dir(path);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // What a run killed outright left beside the same target.
        remove_stale(&dir, &format!(".{name}."));
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let tmp = TempFile::create(tmp.clone()).with_context(|| format!("cannot write to {}", tmp.display()))?;
        let writer = Box::new(BufWriter::new(tmp.file().try_clone()?));
        Ok(Output { writer, replace: Some(Replace { tmp, target: path.to_path_buf() }) })
    }

    fn finish(mut self) -> Result<()> {
        self.writer.flush()?;
        drop(self.writer);
        if let Some(r) = self.replace {
            // On disk before it takes the target's name: a crash after the rename must not
            // leave a file that is shorter than it claims.
            r.tmp.file().sync_all()?;
            let tmp = r.tmp.path().to_path_buf();
            r.tmp
                .persist(&r.target)
                .with_context(|| format!("cannot move {} to {}", tmp.display(), r.target.display()))?;
        }
        Ok(())
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
    fn json_lines_are_what_serde_json_writes() {
        let pipeline = nomina::Pipeline::new(nomina::Options::default());
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
            let ours = JsonlSink::ENCODER(record).expect("a record encodes");
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&serde_json_line(record)),
                "{}",
                record.source.path
            );
        }
    }

    #[test]
    fn skipped_entries_are_counted_by_reason() {
        use input::SkipReason::{NotRegular, Symlink};
        let skipped = |why| Skipped { path: "d/x".into(), why };
        assert_eq!(skipped_summary(&[]), "");
        assert_eq!(
            skipped_summary(&[skipped(NotRegular), skipped(Symlink), skipped(Symlink)]),
            "; 3 skipped: 2 symlinks (use --follow-links), 1 not a regular file"
        );
        assert_eq!(skipped_summary(&[skipped(Symlink)]), "; 1 skipped: 1 symlink (use --follow-links)");
        assert_eq!(skipped_summary(&[skipped(NotRegular), skipped(NotRegular)]), "; 2 skipped: 2 not regular files");
    }
}
