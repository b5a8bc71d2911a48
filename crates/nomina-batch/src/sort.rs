//! An archive's outcomes, sorted by path (ties by their order in the archive) in bounded memory.
//!
//! Outcomes are encoded as they come into one buffer (an arena) with an index of where each
//! starts and what its path is. When the next would take the buffer over the budget, the index
//! is sorted and the outcomes written in its order to a file (a sorted run) in a temporary
//! directory, and the buffer starts again. At the end the runs and the buffer, sorted, are
//! merged: each step hands out the least of their heads. The order is a total one (path, then
//! the outcome's number in the archive), so how the outcomes fell into runs, which depends on
//! when each conversion finished, changes nothing in the result.
//!
//! An outcome in a run or in the buffer (integers little-endian):
//! `seq: u64, tag: u8` then, for a record (tag 0), `kind: u8, path, line`, for an error
//! (tag 1), `path, code, message`, each of these a `u64` length and that many bytes.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

use nomina::Kind;

use crate::temp::{SORT_DIR_PREFIX, TempDir, remove_stale};
use crate::{BatchError, Failure, Outcome, RecordLine};

/// Runs merged at once, at most: past this many, the runs are merged into one first (a file
/// descriptor and a read buffer each).
const MAX_RUNS: usize = 64;

/// Read buffer of each run while merging.
const RUN_BUFFER: usize = 128 << 10;

/// Where one outcome lies in the arena, and its key.
#[derive(Debug, Clone, Copy)]
struct Entry {
    seq: u64,
    path_start: usize,
    path_len: usize,
    start: usize,
    end: usize,
}

/// A sorted run on disk.
struct Run {
    file: File,
    path: PathBuf,
}

/// Outcomes of one archive, to be handed out sorted by path.
pub(crate) struct Sorter {
    input: usize,
    budget: usize,
    root: PathBuf,
    arena: Vec<u8>,
    index: Vec<Entry>,
    dir: Option<TempDir>,
    runs: Vec<Run>,
    spilled: usize,
}

fn temp_error(path: &Path) -> impl FnOnce(io::Error) -> BatchError + '_ {
    move |source| BatchError::Temp { path: path.to_path_buf(), source }
}

impl Sorter {
    /// A sorter of the outcomes of input `input`, holding up to `budget` bytes of them before
    /// writing a sorted run to a directory it makes in `root`.
    pub(crate) fn new(input: usize, budget: usize, root: PathBuf) -> Sorter {
        Sorter { input, budget, root, arena: Vec::new(), index: Vec::new(), dir: None, runs: Vec::new(), spilled: 0 }
    }

    /// Takes the outcome numbered `seq` in the archive.
    pub(crate) fn push(&mut self, seq: u64, outcome: &Outcome) -> Result<(), BatchError> {
        let size = frame_size(outcome);
        if !self.index.is_empty() && self.held() + size > self.budget {
            self.spill()?;
        }
        let start = self.arena.len();
        encode(seq, outcome, &mut self.arena);
        // The path is the first field after the head (and the kind, for a record).
        let path_start = start + 9 + usize::from(matches!(outcome, Outcome::Record(_))) + 8;
        self.index.push(Entry { seq, path_start, path_len: outcome.path().len(), start, end: self.arena.len() });
        Ok(())
    }

    /// Bytes held in memory.
    fn held(&self) -> usize {
        self.arena.len() + self.index.len() * std::mem::size_of::<Entry>()
    }

    /// Sorts the index by path, then by number in the archive.
    fn sort(&mut self) {
        let arena = &self.arena;
        let key = |e: &Entry| (&arena[e.path_start..e.path_start + e.path_len], e.seq);
        self.index.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
    }

    /// Writes what is held, sorted, as a new run.
    fn spill(&mut self) -> Result<(), BatchError> {
        self.sort();
        let dir = match &self.dir {
            Some(dir) => dir,
            None => {
                // A run killed outright left its directory: this one is the next run.
                remove_stale(&self.root, SORT_DIR_PREFIX);
                self.dir.insert(TempDir::create(&self.root).map_err(temp_error(&self.root))?)
            }
        };
        let path = dir.path().join(format!("run-{}", self.spilled));
        self.spilled += 1;
        let file = File::options().read(true).write(true).create_new(true).open(&path).map_err(temp_error(&path))?;
        let mut w = BufWriter::with_capacity(RUN_BUFFER, &file);
        for e in &self.index {
            w.write_all(&self.arena[e.start..e.end]).map_err(temp_error(&path))?;
        }
        w.flush().map_err(temp_error(&path))?;
        drop(w);
        self.runs.push(Run { file, path });
        self.arena.clear();
        self.index.clear();
        if self.runs.len() >= MAX_RUNS {
            self.compact()?;
        }
        Ok(())
    }

    /// Merges every run into one.
    fn compact(&mut self) -> Result<(), BatchError> {
        let runs = std::mem::take(&mut self.runs);
        let dir = self.dir.as_ref().expect("runs have a directory");
        let path = dir.path().join(format!("run-{}", self.spilled));
        self.spilled += 1;
        let file = File::options().read(true).write(true).create_new(true).open(&path).map_err(temp_error(&path))?;
        let mut merge = Merge::new(self.input, runs, Vec::new(), Vec::new())?;
        let mut w = BufWriter::with_capacity(RUN_BUFFER, &file);
        let mut frame = Vec::new();
        while let Some((seq, outcome)) = merge.next_outcome()? {
            frame.clear();
            encode(seq, &outcome, &mut frame);
            w.write_all(&frame).map_err(temp_error(&path))?;
        }
        w.flush().map_err(temp_error(&path))?;
        drop(w);
        // The merged runs' files are removed now, not with the directory.
        for run in merge.runs() {
            let _ = std::fs::remove_file(&run.path);
        }
        self.runs.push(Run { file, path });
        Ok(())
    }

    /// Whether any run was written to disk.
    #[cfg(test)]
    pub(crate) fn spilled(&self) -> usize {
        self.spilled
    }

    /// Every outcome taken, sorted: an iterator over the runs and what is held, merged. The
    /// temporary directory goes when the iterator does.
    pub(crate) fn finish(mut self) -> Result<Merge, BatchError> {
        self.sort();
        let mut merge = Merge::new(self.input, std::mem::take(&mut self.runs), self.arena, self.index)?;
        merge.dir = self.dir.take();
        Ok(merge)
    }
}

/// Where one source of the merge is.
enum Head {
    /// A run on disk.
    Run(usize, BufReader<File>),
    /// The outcomes held in memory, from this index on.
    Memory(usize),
}

/// The outcomes of the runs and of memory, merged in order.
pub(crate) struct Merge {
    input: usize,
    runs: Vec<Run>,
    arena: Vec<u8>,
    index: Vec<Entry>,
    sources: Vec<(Head, Option<(u64, Outcome)>)>,
    dir: Option<TempDir>,
}

impl Merge {
    fn new(input: usize, runs: Vec<Run>, arena: Vec<u8>, index: Vec<Entry>) -> Result<Merge, BatchError> {
        let mut merge = Merge { input, runs, arena, index, sources: Vec::new(), dir: None };
        for at in 0..merge.runs.len() {
            let run = &merge.runs[at];
            let mut file = run.file.try_clone().map_err(temp_error(&run.path))?;
            file.rewind().map_err(temp_error(&run.path))?;
            merge.sources.push((Head::Run(at, BufReader::with_capacity(RUN_BUFFER, file)), None));
        }
        if !merge.index.is_empty() {
            merge.sources.push((Head::Memory(0), None));
        }
        for i in 0..merge.sources.len() {
            merge.advance(i)?;
        }
        Ok(merge)
    }

    fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// Reads the next outcome of source `i` into its head.
    fn advance(&mut self, i: usize) -> Result<(), BatchError> {
        let input = self.input;
        let (head, slot) = &mut self.sources[i];
        *slot = match head {
            Head::Run(at, reader) => decode(reader, input)
                .map_err(|source| BatchError::Temp { path: self.runs[*at].path.clone(), source })?,
            Head::Memory(next) => match self.index.get(*next) {
                Some(e) => {
                    *next += 1;
                    let mut bytes = &self.arena[e.start..e.end];
                    decode(&mut bytes, input).map_err(|source| BatchError::Temp { path: "memory".into(), source })?
                }
                None => None,
            },
        };
        Ok(())
    }

    /// The least outcome of the heads, and the next of its source in its place.
    pub(crate) fn next_outcome(&mut self) -> Result<Option<(u64, Outcome)>, BatchError> {
        let mut least: Option<usize> = None;
        for (i, (_, head)) in self.sources.iter().enumerate() {
            let Some((seq, outcome)) = head else { continue };
            let better = match least.and_then(|l| self.sources[l].1.as_ref()) {
                None => true,
                Some((lseq, l)) => (outcome.path().as_bytes(), *seq) < (l.path().as_bytes(), *lseq),
            };
            if better {
                least = Some(i);
            }
        }
        let Some(i) = least else { return Ok(None) };
        let taken = self.sources[i].1.take();
        self.advance(i)?;
        Ok(taken)
    }
}

impl Drop for Merge {
    fn drop(&mut self) {
        // The runs' files close before their directory is removed.
        self.sources.clear();
        self.runs.clear();
        self.dir.take();
    }
}

fn frame_size(outcome: &Outcome) -> usize {
    9 + match outcome {
        Outcome::Record(r) => 1 + 16 + r.path.len() + r.line.len(),
        Outcome::Error(f) => 24 + f.path.len() + f.code.len() + f.message.len(),
    }
}

fn put(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn encode(seq: u64, outcome: &Outcome, out: &mut Vec<u8>) {
    out.extend_from_slice(&seq.to_le_bytes());
    match outcome {
        Outcome::Record(r) => {
            out.push(0);
            out.push(match r.kind {
                Kind::Nomination => 0,
                Kind::News => 1,
                Kind::Unknown => 2,
            });
            put(out, r.path.as_bytes());
            put(out, &r.line);
        }
        Outcome::Error(f) => {
            out.push(1);
            put(out, f.path.as_bytes());
            put(out, f.code.as_bytes());
            put(out, f.message.as_bytes());
        }
    }
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("a sorted run is damaged: {what}"))
}

fn take(r: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut len = [0; 8];
    r.read_exact(&mut len)?;
    let len = usize::try_from(u64::from_le_bytes(len)).map_err(|_| bad("a length"))?;
    // Room for the whole field at once (a record's line is tens of kilobytes, and growing
    // the buffer while reading copied it several times); a damaged length is an error here,
    // not an allocation that fails.
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(len).map_err(|_| bad("a length"))?;
    let got = r.take(len as u64).read_to_end(&mut bytes)?;
    if got < len {
        return Err(bad("it ends inside an outcome"));
    }
    Ok(bytes)
}

fn text(r: &mut impl Read) -> io::Result<String> {
    String::from_utf8(take(r)?).map_err(|_| bad("a path or message that is not UTF-8"))
}

/// The next outcome of a run, or `None` at its end.
fn decode(r: &mut impl Read, input: usize) -> io::Result<Option<(u64, Outcome)>> {
    let mut head = [0; 9];
    // The end of the run comes exactly between two outcomes.
    let mut got = 0;
    while got < head.len() {
        match r.read(&mut head[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(bad("it ends inside an outcome")),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let seq = u64::from_le_bytes(head[..8].try_into().expect("eight bytes"));
    let outcome = match head[8] {
        0 => {
            let mut kind = [0];
            r.read_exact(&mut kind)?;
            let kind = match kind[0] {
                0 => Kind::Nomination,
                1 => Kind::News,
                2 => Kind::Unknown,
                _ => return Err(bad("a kind")),
            };
            let path = text(r)?;
            let line = take(r)?;
            Outcome::Record(RecordLine { input, path, kind, line })
        }
        1 => {
            let path = text(r)?;
            let code = text(r)?;
            let message = text(r)?;
            Outcome::Error(Failure::new(input, path, code, message))
        }
        _ => return Err(bad("a tag")),
    };
    Ok(Some((seq, outcome)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(path: &str, line: &str) -> Outcome {
        Outcome::Record(RecordLine { input: 3, path: path.into(), kind: Kind::News, line: line.as_bytes().to_vec() })
    }

    fn drain(mut merge: Merge) -> Vec<(u64, Outcome)> {
        let mut out = Vec::new();
        while let Some(x) = merge.next_outcome().unwrap() {
            out.push(x);
        }
        out
    }

    /// Outcomes in a scrambled order, with repeated paths and errors among them.
    fn outcomes() -> Vec<(u64, Outcome)> {
        (0..500u64)
            .map(|i| {
                let n = (i * 7919) % 211;
                let path = format!("a.warc/https://example.org/{n}");
                let outcome = if i % 13 == 0 {
                    Outcome::Error(Failure::new(3, path, "too_large", format!("member {i} is big")))
                } else {
                    record(&path, &format!("{{\"n\":{i}}}\n").repeat((i % 5) as usize + 1))
                };
                (i, outcome)
            })
            .collect()
    }

    #[test]
    fn runs_on_disk_merge_to_the_order_of_a_sort_in_memory() {
        let root = std::env::temp_dir().join(format!("nomina-sort-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        let mut want = outcomes();
        want.sort_by(|(sa, a), (sb, b)| (a.path(), sa).cmp(&(b.path(), sb)));

        // All in memory; a run every few outcomes; more runs than are merged at once.
        for budget in [usize::MAX, 2000, 200] {
            let mut sorter = Sorter::new(3, budget, root.clone());
            for (seq, outcome) in outcomes() {
                sorter.push(seq, &outcome).unwrap();
            }
            let spilled = sorter.spilled();
            assert_eq!(spilled == 0, budget == usize::MAX, "{budget}: {spilled} runs");
            if budget == 200 {
                assert!(spilled > MAX_RUNS, "{spilled} runs");
            }
            let merge = sorter.finish().unwrap();
            let dir = merge.dir.as_ref().map(|d| d.path().to_path_buf());
            assert_eq!(drain(merge), want, "budget {budget}");
            // The runs' directory goes with the merge.
            if let Some(dir) = dir {
                assert!(!dir.exists());
            }
        }
        assert_eq!(std::fs::read_dir(&root).unwrap().count(), 0, "a temporary file left behind");
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_damaged_run_is_an_error() {
        let mut bytes = Vec::new();
        encode(5, &record("p", "line\n"), &mut bytes);
        assert_eq!(decode(&mut &bytes[..], 3).unwrap(), Some((5, record("p", "line\n"))));
        for cut in 1..bytes.len() {
            assert!(decode(&mut &bytes[..cut], 3).is_err(), "cut at {cut}");
        }
        assert_eq!(decode(&mut &b""[..], 3).unwrap(), None);
    }
}
