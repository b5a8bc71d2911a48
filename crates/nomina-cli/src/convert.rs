//! `nomina convert`: every input to one record, in path order.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use nomina::{Kind, Pipeline};
use rayon::prelude::*;

use crate::ConvertArgs;
use crate::input::{self, Input};

/// Documents converted between two writes: enough to keep every thread
/// busy, few enough that memory holds only the documents in flight.
const CHUNK: usize = 64;

/// What one input became: a JSON line for the records or for the errors.
enum Outcome {
    Record { line: String, kind: Kind },
    Error(String),
}

fn error_line(path: &str, code: &str, message: &str) -> String {
    serde_json::json!({ "path": path, "error": { "code": code, "message": message } }).to_string()
}

fn convert_one(pipeline: &Pipeline, input: &Input) -> Outcome {
    let path = input.path();
    let bytes = match input.read(pipeline.options().max_bytes) {
        Ok(b) => b,
        Err(e) => return Outcome::Error(error_line(path, "io", &e.to_string())),
    };
    match pipeline.convert(&bytes, path) {
        Ok(record) => match serde_json::to_string(&record) {
            Ok(line) => Outcome::Record { line, kind: record.kind },
            Err(e) => Outcome::Error(error_line(path, "internal", &e.to_string())),
        },
        Err(e) => Outcome::Error(error_line(path, e.code(), &e.to_string())),
    }
}

pub fn run(args: ConvertArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let pipeline = args.pipeline.pipeline();
    let (mut inputs, input_errors) = input::collect(&args.paths, args.follow_links);
    inputs.sort_by(|a, b| a.path().cmp(b.path()));

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;

    let mut out = Output::open(args.output.as_deref())?;
    let mut errors: Box<dyn Write> = match &args.errors {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot write errors to {}", p.display()))?,
        )),
        None => Box::new(std::io::stderr()),
    };

    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };

    let mut counts = [0usize; 3];
    let mut failed = 0usize;
    for e in &input_errors {
        writeln!(errors, "{}", error_line(&e.path, e.code, &e.message))?;
        failed += 1;
    }
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = pool.install(|| chunk.par_iter().map(|i| convert_one(&pipeline, i)).collect());
        for outcome in outcomes {
            match outcome {
                Outcome::Record { line, kind } => {
                    out.writer.write_all(line.as_bytes())?;
                    out.writer.write_all(b"\n")?;
                    counts[kind as usize] += 1;
                }
                Outcome::Error(line) => {
                    writeln!(errors, "{line}")?;
                    failed += 1;
                }
            }
        }
        progress.inc(chunk.len() as u64);
    }
    progress.finish_and_clear();
    out.finish()?;
    errors.flush()?;

    let files = inputs.len() + input_errors.len();
    eprintln!(
        "converted {files} files: {} nomination, {} news, {} unknown; {failed} errors; {:.2} s",
        counts[Kind::Nomination as usize],
        counts[Kind::News as usize],
        counts[Kind::Unknown as usize],
        started.elapsed().as_secs_f64()
    );
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Where records go: standard output, a file written in place (a device, a
/// pipe), or a temporary file renamed over the target at the end.
struct Output {
    writer: Box<dyn Write>,
    rename: Option<(PathBuf, PathBuf)>,
}

impl Output {
    fn open(path: Option<&Path>) -> Result<Output> {
        let Some(path) = path else {
            return Ok(Output { writer: Box::new(BufWriter::new(std::io::stdout().lock())), rename: None });
        };
        let replaceable = match std::fs::metadata(path) {
            Ok(m) => m.is_file(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => return Err(e).with_context(|| format!("cannot write to {}", path.display())),
        };
        if !replaceable {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write to {}", path.display()))?;
            return Ok(Output { writer: Box::new(BufWriter::new(file)), rename: None });
        }
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&tmp).with_context(|| format!("cannot write to {}", tmp.display()))?;
        Ok(Output { writer: Box::new(BufWriter::new(file)), rename: Some((tmp, path.to_path_buf())) })
    }

    fn finish(mut self) -> Result<()> {
        self.writer.flush()?;
        drop(self.writer);
        if let Some((tmp, target)) = self.rename {
            std::fs::rename(&tmp, &target)
                .with_context(|| format!("cannot move {} to {}", tmp.display(), target.display()))?;
        }
        Ok(())
    }
}
