//! Inputs converted in parallel into what `nomina convert` writes for them, in its order, in
//! bounded memory.
//!
//! A [`Batch`] holds a [`nomina::Pipeline`], a rayon thread pool and a memory budget. Given
//! inputs ([`Source`]: a file on disk, bytes in memory with the path they stand for, standard
//! input), it gives an iterator, [`Outcomes`], of what each document became, as
//! [`Outcome`]s, in the order the command writes them: the inputs in the order given, and the
//! members of an archive (zip, tar, tar.gz, WARC, WARC.gz) sorted by their path
//! (`ARCHIVE/MEMBER`), ties in archive order. A record comes as its JSON line exactly as the
//! command writes it ([`json_line`]), an error as the path, code and message of the command's
//! error line ([`Failure::line`]). The output is the same whatever the number of threads.
//!
//! How memory stays bounded:
//! - documents are read, converted on the pool and handed out through a window of at most
//!   [`WINDOW`] documents (more on pools of more than two threads: four batches of
//!   [`BATCH`] a thread) read and not yet handed out; a document read past that waits;
//! - an archive's members go through the same window, and their records, which come in archive
//!   order, are held to be sorted: up to [`BatchOptions::sort_memory`] bytes of them in memory,
//!   then sorted and written to a temporary file (a sorted run) in
//!   [`BatchOptions::temp_dir`]; once the archive has been read, the runs and what is still in
//!   memory are merged. Memory thus depends on the documents in flight and the sort budget,
//!   never on the size of an archive; the temporary files hold about the size of its records.
//!
//! Temporary files are removed when the iterator ends or is dropped, on success and on error;
//! [`temp::remove_all`] removes those of every live batch at once (for a signal handler), and a
//! later batch removes those a killed process left (see [`temp`]).
//!
//! ```
//! use nomina_batch::{Batch, BatchOptions, Outcome, Source};
//!
//! let pipeline = nomina::Pipeline::new(nomina::Options::default());
//! let batch = Batch::new(pipeline, BatchOptions { threads: 2, ..BatchOptions::default() })?;
//! let page = b"A page of plain words, not a form.".to_vec();
//! let mut lines = Vec::new();
//! for outcome in batch.convert(Source::Bytes { path: "pages/a.txt".into(), bytes: page }) {
//!     match outcome? {
//!         Outcome::Record(record) => lines.push(record.line),
//!         Outcome::Error(failure) => eprintln!("{}", failure.line()),
//!     }
//! }
//! assert_eq!(lines.len(), 1);
//! assert!(lines[0].starts_with(b"{") && lines[0].ends_with(b"\n"));
//! # Ok::<(), nomina_batch::BatchError>(())
//! ```

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, sync_channel};

use nomina::{Kind, Pipeline};

mod drive;
mod read;
mod sort;
pub mod temp;

/// Documents read and not yet handed out, at most, on pools of up to two threads: few enough
/// that the memory of the documents in flight, reused from one to the next, stays in the cache.
pub const WINDOW: usize = 64;

/// Documents one task converts in a row: a task per document woke the consuming thread once a
/// document, a cost of its own at thousands of documents a second.
pub const BATCH: usize = 8;

/// Default [`BatchOptions::sort_memory`]: 64 MiB of an archive's records held before they are
/// sorted into a temporary file.
pub const DEFAULT_SORT_MEMORY: usize = 64 << 20;

/// How a record is encoded for output: the JSON line of [`json_line`] unless the batch is
/// given another (the command's CSV tables).
pub type Encoder = fn(&nomina::Record) -> Result<Vec<u8>, String>;

/// How a [`Batch`] runs.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads of the pool [`Batch::new`] starts (0: one a core).
    pub threads: usize,
    /// Bytes of an archive's encoded records held in memory before they are sorted into a
    /// temporary file ([`DEFAULT_SORT_MEMORY`] by default). The records of an archive whose
    /// records fit are never written to disk.
    pub sort_memory: usize,
    /// Where the sorted runs of large archives go (`None`: [`std::env::temp_dir`], that is
    /// `$TMPDIR` or `/tmp`).
    pub temp_dir: Option<PathBuf>,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions { threads: 0, sort_memory: DEFAULT_SORT_MEMORY, temp_dir: None }
    }
}

/// One input: a document or an archive of documents. An archive is told by its name
/// (`.zip`, `.tar`, `.tar.gz`, `.tgz`, `.warc`, `.warc.gz`, as
/// [`nomina_archive::ArchiveKind::from_path`] says); anything else is one document.
#[derive(Debug)]
pub enum Source {
    /// A file on disk: `path` is what the records show (`source.path`, and the prefix of an
    /// archive's members), `fs_path` where to read it.
    File {
        /// The path the records show.
        path: String,
        /// Where the file is.
        fs_path: PathBuf,
    },
    /// Bytes in memory, standing for the file at `path` (also what tells an archive).
    Bytes {
        /// The path the records show.
        path: String,
        /// The document's or the archive's bytes.
        bytes: Vec<u8>,
    },
    /// Bytes held by someone else (a Python `bytes` object, say), standing for the file at
    /// `path`, converted where they are: no copy of a large archive. Of a document, as of a
    /// file, one byte past the size limit is read.
    Held {
        /// The path the records show.
        path: String,
        /// The document's or the archive's bytes.
        bytes: HeldBytes,
    },
    /// Standard input, read once, as one document with the path `-`.
    Stdin,
    /// An input that could not even be listed: it gives this error in its place.
    Failed(Failure),
}

impl Source {
    /// The path the input's records show.
    pub fn path(&self) -> &str {
        match self {
            Source::File { path, .. } | Source::Bytes { path, .. } | Source::Held { path, .. } => path,
            Source::Stdin => "-",
            Source::Failed(failure) => &failure.path,
        }
    }
}

/// Bytes of a [`Source::Held`]: anything that gives a byte slice and may go to another thread.
pub struct HeldBytes(Box<dyn AsRef<[u8]> + Send>);

impl HeldBytes {
    /// Holds `bytes` until the input has been converted.
    pub fn new(bytes: impl AsRef<[u8]> + Send + 'static) -> HeldBytes {
        HeldBytes(Box::new(bytes))
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

impl std::fmt::Debug for HeldBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HeldBytes({} bytes)", self.as_slice().len())
    }
}

/// What one document became.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A record.
    Record(RecordLine),
    /// A document (or an archive, or an input) that gave no record.
    Error(Failure),
}

impl Outcome {
    /// The index, among the sources given, of the input the document came from.
    pub fn input(&self) -> usize {
        match self {
            Outcome::Record(r) => r.input,
            Outcome::Error(f) => f.input,
        }
    }

    /// The document's path (`source.path`, or the error line's `path`).
    pub fn path(&self) -> &str {
        match self {
            Outcome::Record(r) => &r.path,
            Outcome::Error(f) => &f.path,
        }
    }
}

/// A record, encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordLine {
    /// The index of the input it came from (see [`Outcome::input`]).
    pub input: usize,
    /// Its `source.path`.
    pub path: String,
    /// Its `kind`.
    pub kind: Kind,
    /// The record as the command writes it: its JSON line with the final `\n` ([`json_line`]),
    /// or what the batch's [`Encoder`] made of it.
    pub line: Vec<u8>,
}

/// A document that gave no record: the command's error line, in parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The index of the input it came from (see [`Outcome::input`]).
    pub input: usize,
    /// The document's path (an archive member's `ARCHIVE/MEMBER`, or the archive's own path
    /// when the archive itself is broken).
    pub path: String,
    /// A stable code: `io`, `loop`, `empty`, `binary`, `too_large`, `archive`,
    /// `archive_member`, `internal`.
    pub code: Cow<'static, str>,
    /// What went wrong, for a person.
    pub message: String,
}

impl Failure {
    /// A failure of the input `input`.
    pub fn new(
        input: usize,
        path: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Failure {
        Failure { input, path: path.into(), code: code.into(), message: message.into() }
    }

    /// The error line the command writes (without its `\n`):
    /// `{"path":…,"error":{"code":…,"message":…}}` (see [`error_line`]).
    pub fn line(&self) -> String {
        error_line(&self.path, &self.code, &self.message)
    }
}

/// The command's error line for a document (without its `\n`).
pub fn error_line(path: &str, code: &str, message: &str) -> String {
    serde_json::json!({ "path": path, "error": { "code": code, "message": message } }).to_string()
}

/// Converts one document as the command does, outside a batch: of a document over the size
/// limit it reads one byte past the limit, as the command does, and a bug met on it (a panic)
/// becomes its `internal` error, never the caller's crash. Its record is encoded by `encoder`.
pub fn convert_document(pipeline: &Pipeline, encoder: Encoder, path: &str, bytes: &[u8]) -> Outcome {
    let bytes = &bytes[..bytes.len().min(read_limit(pipeline))];
    drive::guarded(encoder, 0, path, || pipeline.convert(bytes, path))
}

/// How much of a document the command reads: one byte past the size limit, so that a
/// document over it is told from one just at it.
fn read_limit(pipeline: &Pipeline) -> usize {
    usize::try_from(pipeline.options().max_bytes.saturating_add(1)).unwrap_or(usize::MAX)
}

/// A record's JSON line as the command writes it, `\n` included.
///
/// sonic-rs writes what serde_json would, byte for byte (a test holds it to that), but looks
/// for characters to escape many bytes at a time, where serde_json looks at each byte:
/// escaping was most of the cost of encoding.
pub fn json_line(record: &nomina::Record) -> Result<Vec<u8>, String> {
    // A record is about as long as its document, but sonic-rs reserves room for a string's every
    // character escaped (six bytes each) before writing it: twice the document leaves room for
    // an answer of a sixth of it without regrowing (and copying) the line.
    let mut line =
        Vec::with_capacity(usize::try_from(record.source.bytes).unwrap_or(0).saturating_mul(2).saturating_add(4096));
    sonic_rs::to_writer(&mut line, record).map_err(|e| e.to_string())?;
    line.push(b'\n');
    Ok(line)
}

/// Why a batch could not go on: nothing about one document (those are [`Failure`]s), but the
/// temporary files of the sort, or the threads.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// The worker threads could not be started.
    #[error("cannot start worker threads: {0}")]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// A temporary file of the sort could not be made, written or read back.
    #[error("temporary file {}: {source}", path.display())]
    Temp {
        /// The file (or directory).
        path: PathBuf,
        /// What the file system said.
        #[source]
        source: std::io::Error,
    },
    /// The thread that reads and orders the inputs stopped (a bug).
    #[error("the conversion stopped: {0}")]
    Stopped(String),
}

/// What the threads of a batch share.
#[derive(Clone)]
struct Shared {
    pipeline: Pipeline,
    pool: Arc<rayon::ThreadPool>,
    options: BatchOptions,
    encoder: Encoder,
    /// Documents read and not yet handed out, at most (0: the default, see [`WINDOW`]).
    window: usize,
}

/// Converts inputs in parallel into [`Outcome`]s in the command's order (see the crate
/// documentation). Cloning is cheap: clones share the pipeline and the pool.
#[derive(Clone)]
pub struct Batch {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Batch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch")
            .field("threads", &self.shared.pool.current_num_threads())
            .field("options", &self.shared.options)
            .finish_non_exhaustive()
    }
}

impl Batch {
    /// A batch converting with `pipeline` on a pool of its own of `options.threads` threads.
    pub fn new(pipeline: Pipeline, options: BatchOptions) -> Result<Batch, BatchError> {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(options.threads).build()?;
        Ok(Batch::with_pool(pipeline, Arc::new(pool), options))
    }

    /// A batch converting with `pipeline` on `pool` (`options.threads` is not used).
    pub fn with_pool(pipeline: Pipeline, pool: Arc<rayon::ThreadPool>, options: BatchOptions) -> Batch {
        Batch { shared: Arc::new(Shared { pipeline, pool, options, encoder: json_line, window: 0 }) }
    }

    /// The same batch encoding records with `encoder` instead of [`json_line`].
    pub fn with_encoder(mut self, encoder: Encoder) -> Batch {
        Arc::make_mut(&mut self.shared).encoder = encoder;
        self
    }

    /// The same batch holding up to `documents` documents read and not yet handed out (at
    /// least its default, [`WINDOW`] or four batches a thread): for a consumer that may fall
    /// behind for a while (a thread sharing its core with others), at the price of the memory
    /// of those documents.
    pub fn with_window(mut self, documents: usize) -> Batch {
        Arc::make_mut(&mut self.shared).window = documents;
        self
    }

    /// The pipeline documents are converted with.
    pub fn pipeline(&self) -> &Pipeline {
        &self.shared.pipeline
    }

    /// The threads of the pool.
    pub fn threads(&self) -> usize {
        self.shared.pool.current_num_threads()
    }

    /// What one input gives: its records and errors in the command's order (all of
    /// [`Outcome::input`] 0).
    pub fn convert(&self, source: Source) -> Outcomes {
        self.convert_all(std::iter::once(source))
    }

    /// What the inputs give, input after input in the order given (each archive's members
    /// sorted by path), [`Outcome::input`] telling which input each came from. Inputs are taken
    /// from `sources` as the window has room for them, so an iterator that makes them (reading
    /// bytes, say) holds only those in flight. The command gives its inputs sorted by path.
    pub fn convert_all<I>(&self, sources: I) -> Outcomes
    where
        I: IntoIterator<Item = Source>,
        I::IntoIter: Send + 'static,
    {
        let (tx, rx) = sync_channel(CHANNEL_BATCHES);
        let found = Arc::new(AtomicU64::new(0));
        let shared = Arc::clone(&self.shared);
        let sources = sources.into_iter();
        let counter = Arc::clone(&found);
        let spawned = std::thread::Builder::new().name("nomina-batch".into()).spawn(move || {
            drive::drive(&shared, sources, &tx, &counter);
        });
        let failed = spawned.err().map(|e| BatchError::Stopped(format!("cannot start a thread: {e}")));
        Outcomes { rx, pending: Vec::new().into_iter(), found, done: false, failed }
    }
}

/// Batches of outcomes waiting between the thread that orders them and the consumer.
const CHANNEL_BATCHES: usize = 4;

/// What the ordering thread sends.
enum Message {
    Outcomes(Vec<Outcome>),
    Failed(BatchError),
    Done,
}

/// The outcomes of [`Batch::convert_all`], in the command's order. Dropping it stops the
/// conversion and removes its temporary files.
pub struct Outcomes {
    rx: Receiver<Message>,
    pending: std::vec::IntoIter<Outcome>,
    found: Arc<AtomicU64>,
    done: bool,
    failed: Option<BatchError>,
}

impl Outcomes {
    /// Documents found so far: documents given as inputs and archive members read (including
    /// those whose outcome is still to come), for a progress bar.
    pub fn found(&self) -> u64 {
        self.found.load(Ordering::Relaxed)
    }

    /// The next outcome if it is at hand without waiting; `None` when it is not (yet), or at
    /// the end or an error, which [`Iterator::next`] then gives. A consumer that hands
    /// outcomes on to another thread takes what is ready at once, waking that thread once
    /// for many.
    pub fn next_ready(&mut self) -> Option<Outcome> {
        loop {
            if let Some(outcome) = self.pending.next() {
                return Some(outcome);
            }
            if self.done || self.failed.is_some() {
                return None;
            }
            match self.rx.try_recv() {
                Err(TryRecvError::Empty) => return None,
                received => self.receive(received.ok()),
            }
        }
    }

    /// Takes in a message of the ordering thread; `None` when that thread is gone.
    fn receive(&mut self, message: Option<Message>) {
        match message {
            Some(Message::Outcomes(batch)) => self.pending = batch.into_iter(),
            Some(Message::Failed(err)) => self.failed = Some(err),
            Some(Message::Done) => self.done = true,
            None => self.failed = Some(BatchError::Stopped("the thread that orders the records ended early".into())),
        }
    }
}

impl Iterator for Outcomes {
    type Item = Result<Outcome, BatchError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(outcome) = self.pending.next() {
                return Some(Ok(outcome));
            }
            if let Some(err) = self.failed.take() {
                self.done = true;
                return Some(Err(err));
            }
            if self.done {
                return None;
            }
            let message = self.rx.recv().ok();
            self.receive(message);
        }
    }
}

impl std::fmt::Debug for Outcomes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outcomes").field("found", &self.found()).field("done", &self.done).finish_non_exhaustive()
    }
}
