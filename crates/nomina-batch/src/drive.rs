//! The thread that reads the inputs, hands them to the pool and puts the outcomes in order.
//!
//! Documents go through a sliding window: a worker takes the next batch as soon as it is free,
//! this thread hands outcomes out in input order, and no more than the window's documents are
//! read and not yet handed out. An archive is read on this thread, member after member, and its
//! members go through the same window; their outcomes go to a [`Sorter`], which hands them out
//! sorted by path once the archive has been read.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::BufReader;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel};

use nomina_archive::{ArchiveError, ArchiveKind, Member, read_archive_from};

use crate::read::{KEPT_BUFFER_BYTES, read_up_to};
use crate::sort::Sorter;
use crate::{BATCH, BatchError, Encoder, Failure, Message, Outcome, RecordLine, Shared, Source, WINDOW};

/// Why the thread stopped before the end.
enum Stop {
    /// The consumer dropped the iterator: nothing more is wanted.
    Gone,
    /// A temporary file failed.
    Failed(BatchError),
}

impl From<BatchError> for Stop {
    fn from(e: BatchError) -> Stop {
        Stop::Failed(e)
    }
}

/// Outcomes handed out together, at most, from an archive's sorted outcomes.
const SEND_BATCH: usize = 16;

/// Runs the whole batch, sending what it gives to `tx`.
pub(crate) fn drive(
    shared: &Shared,
    sources: impl Iterator<Item = Source>,
    tx: &SyncSender<Message>,
    found: &AtomicU64,
) {
    let result = shared.pool.in_place_scope(|scope| Driver { shared, tx, found }.run(scope, sources));
    // A send fails only when the consumer is gone, and then nobody needs to know.
    match result {
        Ok(()) => drop(tx.send(Message::Done)),
        Err(Stop::Failed(e)) => drop(tx.send(Message::Failed(e))),
        Err(Stop::Gone) => {}
    }
}

struct Driver<'a> {
    shared: &'a Shared,
    tx: &'a SyncSender<Message>,
    found: &'a AtomicU64,
}

/// The archive kind of a source, when it is an archive.
fn archive_kind(source: &Source) -> Option<ArchiveKind> {
    match source {
        Source::File { fs_path, .. } => ArchiveKind::from_path(fs_path),
        Source::Bytes { path, .. } | Source::Held { path, .. } => ArchiveKind::from_path(Path::new(path)),
        Source::Stdin | Source::Failed(_) => None,
    }
}

impl<'a> Driver<'a> {
    /// Documents read and not yet handed out, at most: four batches a thread at least, so that
    /// a slow document holds up no thread while the ones after it wait.
    fn window(&self) -> usize {
        WINDOW.max(self.shared.pool.current_num_threads() * 4 * BATCH).max(self.shared.window)
    }

    fn send(&self, outcomes: Vec<Outcome>) -> Result<(), Stop> {
        self.tx.send(Message::Outcomes(outcomes)).map_err(|_| Stop::Gone)
    }

    fn run<'s>(&self, scope: &rayon::Scope<'s>, sources: impl Iterator<Item = Source>) -> Result<(), Stop>
    where
        'a: 's,
    {
        let shared = self.shared;
        let window = self.window();
        let mut sources = sources.enumerate().peekable();
        let (tx, rx): (Sender<(usize, Vec<Outcome>)>, Receiver<_>) = channel();
        // Outcomes of batches done out of order, by the number of their first document.
        let mut waiting: BTreeMap<usize, Vec<Outcome>> = BTreeMap::new();
        let (mut next_spawn, mut next_write) = (0, 0);
        loop {
            let mut batch = Vec::with_capacity(BATCH);
            while next_spawn + batch.len() - next_write < window {
                let Some((input, source)) = sources.next_if(|(_, s)| archive_kind(s).is_none()) else { break };
                self.found.fetch_add(1, Ordering::Relaxed);
                batch.push((input, source));
                if batch.len() == BATCH {
                    let (tx, first) = (tx.clone(), next_spawn);
                    next_spawn += batch.len();
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    scope.spawn(move |_| drop(tx.send((first, convert_batch(shared, full)))));
                }
            }
            if !batch.is_empty() {
                let (tx, first) = (tx.clone(), next_spawn);
                next_spawn += batch.len();
                scope.spawn(move |_| drop(tx.send((first, convert_batch(shared, batch)))));
            }
            if next_write == next_spawn {
                // Nothing in flight: the next input, if any, is an archive.
                match sources.next() {
                    None => return Ok(()),
                    Some((input, source)) => {
                        let kind = archive_kind(&source).expect("documents are taken above");
                        self.archive(scope, input, source, kind)?;
                        continue;
                    }
                }
            }
            let (first, outcomes) =
                rx.recv().map_err(|_| Stop::Failed(BatchError::Stopped("a worker thread stopped".into())))?;
            waiting.insert(first, outcomes);
            while let Some(outcomes) = waiting.remove(&next_write) {
                next_write += outcomes.len();
                self.send(outcomes)?;
            }
        }
    }

    /// Converts the members of an archive through the window and hands their outcomes out
    /// sorted by path.
    fn archive<'s>(&self, scope: &rayon::Scope<'s>, input: usize, source: Source, kind: ArchiveKind) -> Result<(), Stop>
    where
        'a: 's,
    {
        let shared = self.shared;
        let window = self.window();
        let root = shared.options.temp_dir.clone().unwrap_or_else(std::env::temp_dir);
        let mut sorter = Sorter::new(input, shared.options.sort_memory, root);
        let archive_path = source.path().to_string();
        // The tasks may outlive this call in the type system's eyes (the scope is wider).
        let prefix: Arc<str> = Arc::from(archive_path.as_str());
        let (tx, rx) = channel::<Vec<(u64, Outcome)>>();
        let mut in_flight = 0;
        let mut pending: Vec<(u64, Member)> = Vec::with_capacity(BATCH);
        let mut seq = 0u64;
        let mut failed: Option<BatchError> = None;
        let take = |sorter: &mut Sorter, done: Vec<(u64, Outcome)>| -> Result<(), BatchError> {
            done.iter().try_for_each(|(seq, outcome)| sorter.push(*seq, outcome))
        };
        let spawn = |pending: Vec<(u64, Member)>| {
            let tx = tx.clone();
            let prefix = Arc::clone(&prefix);
            let shared = self.shared;
            scope.spawn(move |_| {
                let done =
                    pending.into_iter().map(|(seq, m)| (seq, convert_member(shared, input, &prefix, &m))).collect();
                drop(tx.send(done));
            });
        };
        let mut each = |member: Result<Member, ArchiveError>| -> ControlFlow<()> {
            seq += 1;
            self.found.fetch_add(1, Ordering::Relaxed);
            let step = (|| {
                match member {
                    Ok(m) => {
                        pending.push((seq, m));
                        if pending.len() == BATCH {
                            in_flight += pending.len();
                            spawn(std::mem::replace(&mut pending, Vec::with_capacity(BATCH)));
                        }
                    }
                    Err(e) => {
                        let path =
                            e.member_name().map_or_else(|| archive_path.clone(), |n| format!("{archive_path}/{n}"));
                        sorter.push(seq, &Outcome::Error(Failure::new(input, path, e.code(), e.to_string())))?;
                    }
                }
                while let Ok(done) = rx.try_recv() {
                    in_flight -= done.len();
                    take(&mut sorter, done)?;
                }
                while in_flight >= window {
                    let done = rx.recv().map_err(|_| BatchError::Stopped("a worker thread stopped".into()))?;
                    in_flight -= done.len();
                    take(&mut sorter, done)?;
                }
                Ok(())
            })();
            match step {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    failed = Some(e);
                    ControlFlow::Break(())
                }
            }
        };
        let max = shared.pipeline.options().max_bytes;
        match &source {
            Source::File { fs_path, .. } => match std::fs::File::open(fs_path) {
                // Large buffers: tar and WARC are read front to back, zip seeks per member.
                Ok(file) => read_archive_from(BufReader::with_capacity(64 << 10, file), fs_path, kind, max, &mut each),
                Err(source) => drop(each(Err(ArchiveError::Io { path: fs_path.clone(), source }))),
            },
            Source::Bytes { bytes, path } => {
                read_archive_from(std::io::Cursor::new(&bytes[..]), Path::new(path), kind, max, &mut each);
            }
            Source::Held { bytes, path } => {
                read_archive_from(std::io::Cursor::new(bytes.as_slice()), Path::new(path), kind, max, &mut each);
            }
            Source::Stdin | Source::Failed(_) => unreachable!("not archives"),
        }
        // The bytes of an archive given in memory are not needed any more.
        drop(source);
        if !pending.is_empty() {
            in_flight += pending.len();
            spawn(std::mem::take(&mut pending));
        }
        while in_flight > 0 {
            let done = rx.recv().map_err(|_| Stop::Failed(BatchError::Stopped("a worker thread stopped".into())))?;
            in_flight -= done.len();
            if failed.is_none()
                && let Err(e) = take(&mut sorter, done)
            {
                failed = Some(e);
            }
        }
        if let Some(e) = failed {
            return Err(Stop::Failed(e));
        }
        let mut merge = sorter.finish()?;
        let mut out = Vec::with_capacity(SEND_BATCH);
        while let Some((_, outcome)) = merge.next_outcome()? {
            out.push(outcome);
            if out.len() == SEND_BATCH {
                self.send(std::mem::replace(&mut out, Vec::with_capacity(SEND_BATCH)))?;
            }
        }
        if !out.is_empty() {
            self.send(out)?;
        }
        Ok(())
    }
}

/// Converts a batch of documents, in order.
fn convert_batch(shared: &Shared, batch: Vec<(usize, Source)>) -> Vec<Outcome> {
    batch.into_iter().map(|(input, source)| convert_source(shared, input, source)).collect()
}

/// Converts one document (not an archive).
fn convert_source(shared: &Shared, input: usize, source: Source) -> Outcome {
    thread_local! {
        // A thread reads each document into the buffer it read the last one into: no
        // allocation, and memory still in the cache.
        static BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    let path = source.path();
    let over = crate::read_limit(&shared.pipeline);
    let read = |buffer: &mut Vec<u8>| match &source {
        Source::File { fs_path, .. } => read_up_to(std::fs::File::open(fs_path)?, over, buffer),
        _ => read_up_to(std::io::stdin().lock(), over, buffer),
    };
    match &source {
        Source::Failed(failure) => Outcome::Error(Failure { input, ..failure.clone() }),
        Source::Bytes { bytes, .. } => guarded(shared.encoder, input, path, || shared.pipeline.convert(bytes, path)),
        Source::Held { bytes, .. } => {
            let bytes = bytes.as_slice();
            let bytes = &bytes[..bytes.len().min(over)];
            guarded(shared.encoder, input, path, || shared.pipeline.convert(bytes, path))
        }
        Source::File { .. } | Source::Stdin => BYTES.with_borrow_mut(|bytes| {
            let outcome = match read(bytes) {
                Ok(len) => guarded(shared.encoder, input, path, || shared.pipeline.convert(&bytes[..len], path)),
                Err(e) => Outcome::Error(Failure::new(input, path, "io", e.to_string())),
            };
            // A very large document's buffer is not kept for the rest of the run.
            if bytes.capacity() > KEPT_BUFFER_BYTES {
                *bytes = Vec::new();
            }
            outcome
        }),
    }
}

/// Converts one member of an archive whose path (as the records show it) is `prefix`.
fn convert_member(shared: &Shared, input: usize, prefix: &str, m: &Member) -> Outcome {
    let path = format!("{prefix}/{}", m.name);
    let doc = nomina::Input {
        bytes: &m.bytes,
        path: &path,
        url: m.url.as_deref(),
        fetched: m.fetched.as_deref(),
        charset: m.charset.as_deref(),
    };
    guarded(shared.encoder, input, &path, || shared.pipeline.convert_input(doc))
}

/// The outcome of converting one document, or an `internal` failure if converting or encoding
/// it panicked: a bug met on one document costs no other document its record (the panic's
/// message goes to standard error too, through the panic hook).
pub(crate) fn guarded(
    encoder: Encoder,
    input: usize,
    path: &str,
    convert: impl FnOnce() -> Result<nomina::Record, nomina::Error>,
) -> Outcome {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match convert() {
        Ok(record) => match encoder(&record) {
            Ok(line) => Outcome::Record(RecordLine { input, path: path.to_string(), kind: record.kind, line }),
            Err(e) => Outcome::Error(Failure::new(input, path, "internal", e)),
        },
        Err(e) => Outcome::Error(Failure::new(input, path, e.code(), e.to_string())),
    }));
    outcome.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        Outcome::Error(Failure::new(input, path, "internal", format!("nomina failed on this document: {what}")))
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn a_panic_costs_only_its_own_document() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let shared = Shared {
            pipeline: nomina::Pipeline::new(nomina::Options::default()),
            pool: Arc::new(pool),
            options: crate::BatchOptions::default(),
            encoder: crate::json_line,
            window: 0,
        };
        let outcome = guarded(shared.encoder, 4, "pages/bug.txt", || panic!("a parser bug"));
        let Outcome::Error(failure) = outcome else { panic!("a record from a panicking conversion") };
        assert_eq!(
            failure,
            Failure::new(4, "pages/bug.txt", "internal", "nomina failed on this document: a parser bug")
        );
        let line: serde_json::Value = serde_json::from_str(&failure.line()).expect("an error line is JSON");
        assert_eq!(line["error"]["message"], "nomina failed on this document: a parser bug");
        // The next document converts as ever.
        let outcome =
            guarded(shared.encoder, 5, "ok.txt", || shared.pipeline.convert(b"A page of plain words.", "ok.txt"));
        assert!(matches!(outcome, Outcome::Record(RecordLine { input: 5, kind: nomina::Kind::Unknown, .. })));
    }
}
