//! The `nomina` command: converts scraped UNPSA pages into canonical records.
//!
//! `nomina convert PATH...` writes one JSON line per document, in path
//! order (or, with `--format csv --out-dir DIR`, tidy CSV tables);
//! `nomina inspect FILE` shows one document for a person to read; `nomina
//! schema` prints the record's JSON Schema. The command-line contract is
//! `CLI.md`; the record is `RECORD.md`.

mod convert;
mod diff;
mod input;
mod inspect;

use std::path::PathBuf;
use std::process::ExitCode;

use std::io::Write;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// Every document allocates many short-lived strings on one worker thread and
/// its encoded line is freed on another; with mimalloc a two-thread run takes
/// about 15% less time than with glibc's allocator. Huge pages stay off: with
/// them, idle segments kept the resident set nearly three times larger.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns scraped UNPSA nomination forms and news pages into canonical records.
#[derive(Debug, Parser)]
#[command(name = "nomina", version, about)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert every input into one canonical record (JSON Lines).
    Convert(ConvertArgs),
    /// Show one document as a person reads it: fields, answers, diagnostics.
    Inspect(InspectArgs),
    /// Compare two JSONL outputs record by record, field by field.
    Diff(DiffArgs),
    /// Print the JSON Schema (draft 2020-12) of the record.
    Schema,
}

/// What `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// JSON Lines: one record per line, to standard output or `-o FILE`.
    Jsonl,
    /// Tidy CSV tables (documents, nominations, nomination_sdgs, answers, news, warnings) in `--out-dir DIR`.
    Csv,
}

/// How to read numeric dates whose day and month could be swapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DateOrderArg {
    /// Month first: 07/10/2013 is 10 July.
    Mdy,
    /// Day first: 07/10/2013 is 7 October.
    Dmy,
}

/// How much work language detection may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangModeArg {
    /// Decide by script or function words where they settle it; lingua on a short sample otherwise.
    Fast,
    /// lingua over every text in full.
    Full,
}

/// Options shared by every command that converts.
#[derive(Debug, clap::Args)]
struct PipelineArgs {
    /// How to read ambiguous numeric dates.
    #[arg(long, value_enum, default_value = "mdy")]
    date_order: DateOrderArg,
    /// Do not detect languages (every language is null).
    #[arg(long)]
    no_lang: bool,
    /// Languages to detect, as ISO 639-1 codes (default: en,zh,fr,es,ru,ar,ko).
    #[arg(long, value_delimiter = ',', value_parser = nomina::lang::Lang::parse)]
    languages: Vec<nomina::lang::Lang>,
    /// fast: cheap where the answer is clear; full: lingua over every text in full (the slow baseline).
    #[arg(long, value_enum, default_value = "fast")]
    lang_mode: LangModeArg,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = nomina::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
}

impl PipelineArgs {
    fn pipeline(&self) -> nomina::Pipeline {
        nomina::Pipeline::new(nomina::Options {
            date_order: match self.date_order {
                DateOrderArg::Mdy => nomina::DateOrder::MonthFirst,
                DateOrderArg::Dmy => nomina::DateOrder::DayFirst,
            },
            detect_language: !self.no_lang,
            languages: self.languages.clone(),
            lang_mode: match self.lang_mode {
                LangModeArg::Fast => nomina::lang::LangMode::Fast,
                LangModeArg::Full => nomina::lang::LangMode::Full,
            },
            max_bytes: self.max_bytes,
        })
    }
}

#[derive(Debug, clap::Args)]
struct ConvertArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Write records to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// What to write: JSON Lines, or CSV tables in --out-dir.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: FormatArg,
    /// Directory for the CSV tables of --format csv (created if missing; each table written atomically).
    #[arg(long, value_name = "DIR", conflicts_with = "output", required_if_eq("format", "csv"))]
    out_dir: Option<PathBuf>,
    /// Write error lines to FILE instead of standard error.
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Follow symbolic links when walking directories.
    #[arg(long)]
    follow_links: bool,
    /// List the directory entries passed over (symlinks, named pipes...) on standard error, one a line.
    #[arg(short, long)]
    verbose: bool,
    /// MiB of an archive's records held in memory to be sorted; past it they are sorted into
    /// temporary files (beside -o FILE, or in $TMPDIR) and merged at the end.
    #[arg(long, value_name = "MIB", default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=1 << 20))]
    sort_memory: u64,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    /// The earlier output (the baseline).
    old: PathBuf,
    /// The later output.
    new: PathBuf,
}

#[derive(Debug, clap::Args)]
struct InspectArgs {
    /// The document to show.
    file: PathBuf,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// Prints the record's JSON Schema, as `docs/record.schema.json` holds it.
fn schema() -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", serde_json::to_string_pretty(&nomina::normalize::json_schema())?)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Command::Convert(a) = &args.command
        && a.out_dir.is_some()
        && a.format != FormatArg::Csv
    {
        let mut command = Args::command();
        command.build();
        let convert = command.find_subcommand_mut("convert").expect("convert is a subcommand");
        convert
            .error(clap::error::ErrorKind::ArgumentConflict, "--out-dir is for --format csv (JSON Lines go to -o FILE)")
            .exit();
    }
    let result = match args.command {
        Command::Convert(a) => convert::run(a),
        Command::Inspect(a) => inspect::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Schema => schema(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("nomina: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Args::command().debug_assert();
    }
}
