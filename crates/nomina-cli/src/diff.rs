//! `nomina diff OLD NEW`: two outputs of `nomina convert`, compared record by record.
//!
//! Records are matched on `source.path`. For a person, in the order of the paths:
//!
//! ```text
//! added fixtures/000.txt
//! changed fixtures/001.txt
//!   diagnostics.conflicts[0]: (absent) -> {"dropped":"01 Nov 2017","field":"implementation_date","kept":"02 Nov 2017"}
//!   id: "ba149cd39f17c5fd" -> "e6aabcd63deaa0f7"
//!   nomination.answers[3].word_count: 66 -> 67
//!   nomination.implementation_date: "2017-11-01" -> "2017-11-02"
//! removed fixtures/004.txt
//! 1 changed, 1 added, 1 removed, 5 unchanged
//! ```
//!
//! - `added PATH`: a record only in NEW; `removed PATH`: a record only in OLD;
//!   `changed PATH`: a record in both that differs, followed by one indented line per
//!   differing field, `  FIELD: OLD_VALUE -> NEW_VALUE`. Unchanged records are only counted.
//! - FIELD: object keys joined with `.`, array elements as `[i]` (`nomination.answers[3].text`);
//!   a key that is empty or holds anything but letters, digits, `_` and `-` is written
//!   `["the key"]`. Keys come in sorted order. Objects are compared key by key, arrays element by
//!   element, by index: an element or key on one side only is `(absent)` on the other.
//!   Two values of different types (an object and `null`, an array and a string) are one
//!   line, each value printed whole (shortened like any long value).
//! - A value is compact JSON. A string longer than 80 characters is shortened to its first
//!   40 and last 39 characters with `…` between them; so is any other value whose JSON is longer
//!   than 80 characters. When the two shortened values would read the same (the difference is in
//!   the part left out), each shows its first 20 characters, 40 around the first difference and
//!   its last 19. Shortened values are for reading, not JSON.
//! - A PATH holding a control character is printed as a JSON string.
//! - The last line is always the total, also when nothing differs:
//!   `0 changed, 0 added, 0 removed, N unchanged`.
//!
//! Exit status: `0` the two are the same, `1` they differ, `2` an error: a file that cannot be
//! read, a line that is not a JSON object or has no string `source.path` (the message names the
//! file and the line: `new.jsonl:12: not a JSON object`), or one `source.path` on two lines of
//! one file. Blank lines are skipped. Errors are found before anything is printed, with two
//! exceptions: a number too large for an `f64` in a line that differs (only the full parse of a
//! differing line finds it), and a file that changes while it is being compared.
//!
//! How, for archives of hundreds of thousands of records: `nomina convert` writes records sorted
//! by `source.path`, so each file is first read through once, to check that every line is JSON
//! (against the grammar, without building it), to pick out its `source.path`, and to see that the
//! paths are sorted and none repeats; nothing is kept. The comparison then streams both files side
//! by side (a merge join), holding a batch of lines of each. Two lines with the same bytes are the
//! same record; only lines that differ are parsed and compared field by field, a batch at a time
//! in parallel. A file that is not sorted is indexed instead: its paths, sorted, with the byte
//! offset of each line, a line being read back from its offset when the merge reaches it.
//! A pipe (`<(nomina convert ...)`) cannot be read twice, so it is first copied to a temporary
//! file, removed at the end.

use std::cmp::Ordering;
use std::collections::VecDeque;
use std::fmt::{self, Write as _};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::DiffArgs;

/// At most this many lines are read as one batch.
const BATCH_LINES: usize = 1024;
/// A batch ends once its lines hold this many bytes.
const BATCH_BYTES: usize = 8 << 20;
/// Values whose text is longer than this many characters are shortened.
const SHORT: usize = 80;
/// What an element or key missing on one side shows.
const ABSENT: &str = "(absent)";

/// Compares OLD and NEW; see the module documentation.
pub fn run(args: DiffArgs) -> Result<ExitCode> {
    let old = Input::open(&args.old)?;
    let new = Input::open(&args.new)?;
    let (old_order, new_order) = rayon::join(|| survey(&old), || survey(&new));
    let mut old_records = Cursor::new(&old, old_order?)?;
    let mut new_records = Cursor::new(&new, new_order?)?;

    let mut out = BufWriter::new(io::stdout().lock());
    let mut tally = Tally::default();
    let mut pending = Vec::new();
    let mut pending_bytes = 0;
    loop {
        let step = match (old_records.peek()?, new_records.peek()?) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(o), Some(n)) => o.path.cmp(&n.path),
        };
        let event = match step {
            Ordering::Less => Event::Removed(old_records.pop().path),
            Ordering::Greater => Event::Added(new_records.pop().path),
            Ordering::Equal => {
                let (o, n) = (old_records.pop(), new_records.pop());
                if o.line.body() == n.line.body() {
                    tally.unchanged += 1;
                    continue;
                }
                pending_bytes += o.line.bytes.len() + n.line.bytes.len();
                Event::Both(o, n)
            }
        };
        pending.push(event);
        if pending.len() >= BATCH_LINES || pending_bytes >= BATCH_BYTES {
            report(&mut out, &mut tally, &pending, (&old, &new))?;
            pending.clear();
            pending_bytes = 0;
        }
    }
    report(&mut out, &mut tally, &pending, (&old, &new))?;
    writeln!(out, "{tally}")?;
    out.flush()?;
    Ok(if tally.differs() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// What the merge found for one path.
enum Event {
    Removed(String),
    Added(String),
    /// In both files, as lines with different bytes.
    Both(Record, Record),
}

/// Writes a batch of events, in order, comparing the records of each `Both` in parallel.
fn report(out: &mut impl Write, tally: &mut Tally, events: &[Event], (old, new): (&Input, &Input)) -> Result<()> {
    let fields: Vec<Result<String>> = events
        .par_iter()
        .map(|event| match event {
            Event::Both(o, n) => {
                let (a, b) = (o.line.parse(&old.name)?, n.line.parse(&new.name)?);
                let mut fields = String::new();
                if a != b {
                    diff_value(&mut String::new(), &a, &b, &mut fields);
                }
                Ok(fields)
            }
            _ => Ok(String::new()),
        })
        .collect();
    for (event, fields) in events.iter().zip(fields) {
        match event {
            Event::Removed(path) => {
                writeln!(out, "removed {}", show_path(path))?;
                tally.removed += 1;
            }
            Event::Added(path) => {
                writeln!(out, "added {}", show_path(path))?;
                tally.added += 1;
            }
            Event::Both(o, _) => {
                let fields = fields?;
                if fields.is_empty() {
                    tally.unchanged += 1;
                } else {
                    writeln!(out, "changed {}", show_path(&o.path))?;
                    out.write_all(fields.as_bytes())?;
                    tally.changed += 1;
                }
            }
        }
    }
    Ok(())
}

/// How many records fell in each case.
#[derive(Debug, Default)]
struct Tally {
    changed: u64,
    added: u64,
    removed: u64,
    unchanged: u64,
}

impl Tally {
    fn differs(&self) -> bool {
        self.changed + self.added + self.removed > 0
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} changed, {} added, {} removed, {} unchanged",
            self.changed, self.added, self.removed, self.unchanged
        )
    }
}

// ---------------------------------------------------------------------------
// Reading

/// One of the two files compared.
struct Input {
    /// The name as given, for messages.
    name: String,
    /// Where its bytes are: the file itself, or a copy of a pipe.
    path: PathBuf,
    _spool: Option<Spool>,
}

impl Input {
    fn open(given: &Path) -> Result<Input> {
        let name = given.display().to_string();
        let meta = std::fs::metadata(given).with_context(|| format!("cannot read {name}"))?;
        if meta.is_dir() {
            bail!("cannot read {name}: it is a directory");
        }
        if meta.is_file() {
            return Ok(Input { name, path: given.to_path_buf(), _spool: None });
        }
        // A pipe or a device cannot be read twice: read it once into a file.
        let mut src = File::open(given).with_context(|| format!("cannot read {name}"))?;
        let (spool, file) = Spool::create()?;
        let mut dst = BufWriter::new(file);
        io::copy(&mut src, &mut dst)
            .and_then(|_| dst.flush())
            .with_context(|| format!("cannot copy {name} to {}", spool.0.display()))?;
        Ok(Input { name, path: spool.0.clone(), _spool: Some(spool) })
    }

    fn lines(&self) -> Result<Lines> {
        let file = File::open(&self.path).with_context(|| format!("cannot read {}", self.name))?;
        Ok(Lines { reader: BufReader::with_capacity(1 << 16, file), number: 0, offset: 0 })
    }
}

/// A temporary file, removed when dropped.
struct Spool(PathBuf);

impl Spool {
    fn create() -> Result<(Spool, File)> {
        let dir = std::env::temp_dir();
        for attempt in 0..1000 {
            let path = dir.join(format!("nomina-diff-{}-{attempt}.jsonl", std::process::id()));
            match File::options().write(true).create_new(true).open(&path) {
                Ok(file) => return Ok((Spool(path), file)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
            }
        }
        bail!("cannot create a temporary file in {}", dir.display())
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// One non-blank line: its number (from 1), where it starts, its bytes.
struct Line {
    number: u64,
    offset: u64,
    bytes: Vec<u8>,
}

impl Line {
    /// The JSON text: without the line end, surrounding whitespace, or a byte order mark
    /// opening the file.
    fn body(&self) -> &[u8] {
        let mut bytes = self.bytes.as_slice();
        if self.offset == 0 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        bytes.trim_ascii()
    }

    /// The record's `source.path`, the line being checked against the JSON grammar.
    fn source_path(&self, name: &str) -> Result<String> {
        let body = self.body();
        let n = self.number;
        match skim::source_path(body) {
            Ok(skim::Found::Path(path)) => Ok(path),
            Ok(skim::Found::NotObject) => bail!("{name}:{n}: not a JSON object"),
            Ok(skim::Found::NoPath) => bail!("{name}:{n}: no source.path"),
            Ok(skim::Found::PathNotString) => bail!("{name}:{n}: source.path is not a string"),
            Err(fault) => {
                let column = String::from_utf8_lossy(&body[..fault.at.min(body.len())]).chars().count() + 1;
                bail!("{name}:{n}: not valid JSON: {} (column {column})", fault.what)
            }
        }
    }

    /// The record.
    fn parse(&self, name: &str) -> Result<Value> {
        serde_json::from_slice(self.body()).map_err(|e| {
            let message = e.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
            anyhow!("{name}:{}: not valid JSON: {message} (column {})", self.number, e.column())
        })
    }
}

/// The lines of a file, a batch at a time.
struct Lines {
    reader: BufReader<File>,
    /// Lines read so far.
    number: u64,
    /// Bytes read so far.
    offset: u64,
}

impl Lines {
    /// The next non-blank lines; none at the end of the file.
    fn batch(&mut self, name: &str) -> Result<Vec<Line>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let mut buf = Vec::new();
            let n = self.reader.read_until(b'\n', &mut buf).with_context(|| format!("cannot read {name}"))?;
            if n == 0 {
                break;
            }
            let offset = self.offset;
            self.offset += n as u64;
            self.number += 1;
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            bytes += n;
            batch.push(Line { number: self.number, offset, bytes: buf });
        }
        Ok(batch)
    }
}

/// The `source.path` of every line of a batch, found in parallel, in the batch's order.
fn source_paths(name: &str, batch: &[Line]) -> Vec<Result<String>> {
    batch.par_iter().map(|line| line.source_path(name)).collect()
}

fn twice(name: &str, path: &str, first: u64, again: u64) -> anyhow::Error {
    anyhow!("{name}:{again}: source.path {} appears twice (first on line {first})", Value::from(path))
}

/// How a file's records are read in path order.
enum Order {
    /// Front to back.
    Sorted,
    /// Through its index: every record's path and line, sorted by path.
    Indexed(Vec<Entry>),
}

/// Where a record is.
struct Entry {
    path: String,
    number: u64,
    offset: u64,
}

/// Reads a file through, checking every line, to learn how to read it in path order.
fn survey(input: &Input) -> Result<Order> {
    if is_sorted(input)? {
        return Ok(Order::Sorted);
    }
    let mut index = Vec::new();
    let mut lines = input.lines()?;
    loop {
        let batch = lines.batch(&input.name)?;
        if batch.is_empty() {
            break;
        }
        for (line, path) in batch.iter().zip(source_paths(&input.name, &batch)) {
            index.push(Entry { path: path?, number: line.number, offset: line.offset });
        }
    }
    index.sort_unstable_by(|a, b| a.path.cmp(&b.path).then(a.number.cmp(&b.number)));
    if let Some(pair) = index.windows(2).filter(|w| w[0].path == w[1].path).min_by_key(|w| w[1].number) {
        return Err(twice(&input.name, &pair[0].path, pair[0].number, pair[1].number));
    }
    Ok(Order::Indexed(index))
}

/// Whether the file's paths are in order, checking each line up to the first out of order.
fn is_sorted(input: &Input) -> Result<bool> {
    let mut lines = input.lines()?;
    let mut last: Option<(String, u64)> = None;
    loop {
        let batch = lines.batch(&input.name)?;
        if batch.is_empty() {
            return Ok(true);
        }
        for (line, path) in batch.iter().zip(source_paths(&input.name, &batch)) {
            let path = path?;
            if let Some((prev, first)) = &last {
                match path.cmp(prev) {
                    Ordering::Less => return Ok(false),
                    Ordering::Equal => return Err(twice(&input.name, &path, *first, line.number)),
                    Ordering::Greater => {}
                }
            }
            last = Some((path, line.number));
        }
    }
}

/// A line read for the comparison, with its record's path.
struct Record {
    path: String,
    line: Line,
}

/// A file's records in path order, a batch at a time.
struct Cursor<'a> {
    input: &'a Input,
    feed: Feed,
    ready: VecDeque<Record>,
    last: Option<String>,
}

enum Feed {
    Stream(Lines),
    Index { file: BufReader<File>, entries: std::vec::IntoIter<Entry> },
}

impl<'a> Cursor<'a> {
    fn new(input: &'a Input, order: Order) -> Result<Cursor<'a>> {
        let feed = match order {
            Order::Sorted => Feed::Stream(input.lines()?),
            Order::Indexed(entries) => Feed::Index { file: input.lines()?.reader, entries: entries.into_iter() },
        };
        Ok(Cursor { input, feed, ready: VecDeque::new(), last: None })
    }

    /// The next record, left in place; `None` at the end.
    fn peek(&mut self) -> Result<Option<&Record>> {
        if self.ready.is_empty() {
            self.refill()?;
        }
        Ok(self.ready.front())
    }

    /// The record [`Cursor::peek`] showed.
    fn pop(&mut self) -> Record {
        self.ready.pop_front().expect("a record was peeked")
    }

    fn refill(&mut self) -> Result<()> {
        let name = self.input.name.as_str();
        let batch = match &mut self.feed {
            Feed::Stream(lines) => lines.batch(name)?,
            Feed::Index { file, entries } => {
                let mut batch = Vec::new();
                let mut bytes = 0;
                for entry in entries.by_ref() {
                    let mut buf = Vec::new();
                    file.seek(SeekFrom::Start(entry.offset))
                        .and_then(|_| file.read_until(b'\n', &mut buf))
                        .with_context(|| format!("cannot read {name}"))?;
                    bytes += buf.len();
                    batch.push(Line { number: entry.number, offset: entry.offset, bytes: buf });
                    if batch.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
                        break;
                    }
                }
                batch
            }
        };
        let paths = source_paths(name, &batch);
        for (line, path) in batch.into_iter().zip(paths) {
            let path = path?;
            // The survey saw every path in order and once; not so now: the file was changed.
            if self.last.as_ref().is_some_and(|last| path <= *last) {
                bail!("{name}:{}: the file changed while it was being compared", line.number);
            }
            self.last = Some(path.clone());
            self.ready.push_back(Record { path, line });
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Checking a line without building it

mod skim {
    //! A JSON text checked against the grammar of RFC 8259 and the limits of `serde_json`
    //! (nesting, surrogate pairs), with nothing built but the `source.path` of the object it holds.

    /// What the text holds.
    #[derive(Debug, PartialEq)]
    pub enum Found {
        NotObject,
        NoPath,
        PathNotString,
        Path(String),
    }

    /// Where the text breaks the grammar, and how.
    #[derive(Debug)]
    pub struct Fault {
        pub at: usize,
        pub what: &'static str,
    }

    /// As many arrays and objects as `serde_json` opens inside one another.
    const DEPTH: u32 = 127;

    pub fn source_path(text: &[u8]) -> Result<Found, Fault> {
        if let Err(e) = std::str::from_utf8(text) {
            return Err(Fault { at: e.valid_up_to(), what: "invalid UTF-8" });
        }
        let mut s = Skim { b: text, i: 0 };
        s.ws();
        let found = if s.peek() == Some(b'{') {
            // The last of repeated keys wins, as in `serde_json`.
            let mut found = Found::NoPath;
            s.object(DEPTH, &mut |s, key| {
                if !s.is(key, "source") {
                    return s.value(DEPTH - 1).map(drop);
                }
                found = Found::NoPath;
                if s.peek() != Some(b'{') {
                    return s.value(DEPTH - 1).map(drop);
                }
                s.object(DEPTH - 1, &mut |s, key| {
                    let value = s.value(DEPTH - 2)?;
                    if s.is(key, "path") {
                        found = match value {
                            Some(string) => Found::Path(s.text(string)),
                            None => Found::PathNotString,
                        };
                    }
                    Ok(())
                })
            })?;
            found
        } else {
            s.value(DEPTH)?;
            Found::NotObject
        };
        s.ws();
        if s.i < s.b.len() {
            return s.fault("trailing characters");
        }
        Ok(found)
    }

    /// Where the first quote, backslash or control character of `bytes` is: what ends a string's
    /// plain run. Eight bytes at a time; strings are most of a record.
    pub fn special(bytes: &[u8]) -> Option<usize> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let mut chunks = bytes.chunks_exact(8);
        for (i, chunk) in chunks.by_ref().enumerate() {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let quote = w ^ (ONES * u64::from(b'"'));
            let backslash = w ^ (ONES * u64::from(b'\\'));
            // The high bit of each byte that is zero (or, for the last test, below 0x20); a borrow can
            // set a byte above a match, never below, so the lowest byte set is a match.
            let hits = ((quote.wrapping_sub(ONES) & !quote)
                | (backslash.wrapping_sub(ONES) & !backslash)
                | (w.wrapping_sub(ONES * 0x20) & !w))
                & HIGHS;
            if hits != 0 {
                return Some(i * 8 + hits.trailing_zeros() as usize / 8);
            }
        }
        let rest = chunks.remainder();
        rest.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20).map(|n| bytes.len() - rest.len() + n)
    }

    /// A string's contents, between its quotes, and whether it holds an escape.
    #[derive(Clone, Copy)]
    struct Span {
        from: usize,
        to: usize,
        escaped: bool,
    }

    struct Skim<'a> {
        b: &'a [u8],
        i: usize,
    }

    impl Skim<'_> {
        fn fault<T>(&self, what: &'static str) -> Result<T, Fault> {
            Err(Fault { at: self.i, what })
        }

        fn peek(&self) -> Option<u8> {
            self.b.get(self.i).copied()
        }

        fn ws(&mut self) {
            while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
                self.i += 1;
            }
        }

        fn text(&self, s: Span) -> String {
            if s.escaped {
                serde_json::from_slice(&self.b[s.from - 1..=s.to]).unwrap_or_default()
            } else {
                String::from_utf8_lossy(&self.b[s.from..s.to]).into_owned()
            }
        }

        fn is(&self, s: Span, word: &str) -> bool {
            if s.escaped { self.text(s) == word } else { &self.b[s.from..s.to] == word.as_bytes() }
        }

        /// A value, with `depth` arrays and objects yet allowed inside one another; a string's span.
        fn value(&mut self, depth: u32) -> Result<Option<Span>, Fault> {
            self.ws();
            match self.peek() {
                Some(b'{') => self.object(depth, &mut |s, _| s.value(depth - 1).map(drop))?,
                Some(b'[') => self.array(depth)?,
                Some(b'"') => return self.string().map(Some),
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.word(b"true")?,
                Some(b'f') => self.word(b"false")?,
                Some(b'n') => self.word(b"null")?,
                None => return self.fault("EOF while parsing a value"),
                Some(_) => return self.fault("expected value"),
            }
            Ok(None)
        }

        /// An object, `member` reading each member's value after its key.
        fn object(
            &mut self,
            depth: u32,
            member: &mut dyn FnMut(&mut Self, Span) -> Result<(), Fault>,
        ) -> Result<(), Fault> {
            if depth == 0 {
                return self.fault("recursion limit exceeded");
            }
            self.i += 1;
            self.ws();
            if self.peek() == Some(b'}') {
                self.i += 1;
                return Ok(());
            }
            loop {
                self.ws();
                match self.peek() {
                    Some(b'"') => {}
                    None => return self.fault("EOF while parsing an object"),
                    Some(_) => return self.fault("key must be a string"),
                }
                let key = self.string()?;
                self.ws();
                match self.peek() {
                    Some(b':') => self.i += 1,
                    None => return self.fault("EOF while parsing an object"),
                    Some(_) => return self.fault("expected `:`"),
                }
                self.ws();
                member(self, key)?;
                self.ws();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(b'}') => {
                        self.i += 1;
                        return Ok(());
                    }
                    None => return self.fault("EOF while parsing an object"),
                    Some(_) => return self.fault("expected `,` or `}`"),
                }
            }
        }

        fn array(&mut self, depth: u32) -> Result<(), Fault> {
            if depth == 0 {
                return self.fault("recursion limit exceeded");
            }
            self.i += 1;
            self.ws();
            if self.peek() == Some(b']') {
                self.i += 1;
                return Ok(());
            }
            loop {
                self.value(depth - 1)?;
                self.ws();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(b']') => {
                        self.i += 1;
                        return Ok(());
                    }
                    None => return self.fault("EOF while parsing a list"),
                    Some(_) => return self.fault("expected `,` or `]`"),
                }
            }
        }

        fn string(&mut self) -> Result<Span, Fault> {
            self.i += 1;
            let from = self.i;
            let mut escaped = false;
            loop {
                let Some(n) = special(&self.b[self.i..]) else {
                    self.i = self.b.len();
                    return self.fault("EOF while parsing a string");
                };
                self.i += n;
                match self.b[self.i] {
                    b'"' => {
                        self.i += 1;
                        return Ok(Span { from, to: self.i - 1, escaped });
                    }
                    b'\\' => {
                        escaped = true;
                        self.escape()?;
                    }
                    _ => return self.fault("control character (\\u0000-\\u001F) found while parsing a string"),
                }
            }
        }

        /// An escape, from its backslash.
        fn escape(&mut self) -> Result<(), Fault> {
            self.i += 1;
            match self.peek() {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                    self.i += 1;
                    Ok(())
                }
                Some(b'u') => {
                    self.i += 1;
                    match self.hex()? {
                        0xD800..=0xDBFF => {
                            if self.b[self.i..].starts_with(b"\\u") {
                                self.i += 2;
                                if (0xDC00..=0xDFFF).contains(&self.hex()?) {
                                    return Ok(());
                                }
                            }
                            self.fault("lone leading surrogate in hex escape")
                        }
                        0xDC00..=0xDFFF => self.fault("lone trailing surrogate in hex escape"),
                        _ => Ok(()),
                    }
                }
                None => self.fault("EOF while parsing a string"),
                Some(_) => self.fault("invalid escape"),
            }
        }

        fn hex(&mut self) -> Result<u32, Fault> {
            let mut code = 0;
            for _ in 0..4 {
                let digit = self.peek().and_then(|c| (c as char).to_digit(16));
                let Some(digit) = digit else { return self.fault("invalid escape") };
                code = code * 16 + digit;
                self.i += 1;
            }
            Ok(code)
        }

        fn digits(&mut self) -> usize {
            let n = self.b[self.i..].iter().take_while(|c| c.is_ascii_digit()).count();
            self.i += n;
            n
        }

        fn number(&mut self) -> Result<(), Fault> {
            if self.peek() == Some(b'-') {
                self.i += 1;
            }
            match self.peek() {
                Some(b'0') => {
                    self.i += 1;
                    if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        return self.fault("invalid number");
                    }
                }
                Some(b'1'..=b'9') => {
                    self.digits();
                }
                _ => return self.fault("invalid number"),
            }
            if self.peek() == Some(b'.') {
                self.i += 1;
                if self.digits() == 0 {
                    return self.fault("invalid number");
                }
            }
            if let Some(b'e' | b'E') = self.peek() {
                self.i += 1;
                if let Some(b'+' | b'-') = self.peek() {
                    self.i += 1;
                }
                if self.digits() == 0 {
                    return self.fault("invalid number");
                }
            }
            Ok(())
        }

        fn word(&mut self, word: &[u8]) -> Result<(), Fault> {
            if self.b[self.i..].starts_with(word) {
                self.i += word.len();
                Ok(())
            } else {
                self.fault("expected ident")
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Comparing

/// Appends a line `  FIELD: OLD -> NEW` to `out` for every difference between `old` and `new`,
/// found at `path`.
fn diff_value(path: &mut String, old: &Value, new: &Value, out: &mut String) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => diff_object(path, a, b, out),
        (Value::Array(a), Value::Array(b)) => {
            for i in 0..a.len().max(b.len()) {
                let len = path.len();
                let _ = write!(path, "[{i}]");
                diff_member(path, a.get(i), b.get(i), out);
                path.truncate(len);
            }
        }
        _ => diff_member(path, Some(old), Some(new), out),
    }
}

fn diff_object(path: &mut String, a: &Map<String, Value>, b: &Map<String, Value>, out: &mut String) {
    let mut keys: Vec<&String> = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))).collect();
    keys.sort_unstable();
    for key in keys {
        let len = path.len();
        push_key(path, key);
        diff_member(path, a.get(key), b.get(key), out);
        path.truncate(len);
    }
}

/// One member on either side, or both.
fn diff_member(path: &mut String, old: Option<&Value>, new: Option<&Value>, out: &mut String) {
    match (old, new) {
        (Some(a), Some(b)) if a == b => {}
        (Some(a @ Value::Object(_)), Some(b @ Value::Object(_)))
        | (Some(a @ Value::Array(_)), Some(b @ Value::Array(_))) => diff_value(path, a, b, out),
        _ => {
            let (a, b) = show_pair(old, new);
            let _ = writeln!(out, "  {path}: {a} -> {b}");
        }
    }
}

fn push_key(path: &mut String, key: &str) {
    if !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-') {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        let _ = write!(path, "[{}]", Value::from(key));
    }
}

/// A record's path for a header line: as it is, unless a control character would garble the line.
fn show_path(path: &str) -> String {
    if path.chars().any(char::is_control) { Value::from(path).to_string() } else { path.to_string() }
}

// ---------------------------------------------------------------------------
// Showing values

/// The two sides of a difference as a person reads them.
fn show_pair(old: Option<&Value>, new: Option<&Value>) -> (String, String) {
    let (old_text, new_text) = (old.map(Text::of), new.map(Text::of));
    let show = |t: &Option<Text>| t.as_ref().map_or_else(|| ABSENT.to_string(), Text::short);
    let (a, b) = (show(&old_text), show(&new_text));
    if a != b {
        return (a, b);
    }
    // Shortened alike: the difference is in the part left out; show it.
    let (Some(x), Some(y)) = (old_text, new_text) else { return (a, b) };
    let at = x.chars.iter().zip(&y.chars).take_while(|(c, d)| c == d).count();
    (x.around(at), y.around(at))
}

/// A value's text: a string's characters (shown quoted), or any other value's compact JSON.
struct Text {
    chars: Vec<char>,
    quoted: bool,
}

impl Text {
    fn of(value: &Value) -> Text {
        match value {
            Value::String(s) => Text { chars: s.chars().collect(), quoted: true },
            other => Text { chars: other.to_string().chars().collect(), quoted: false },
        }
    }

    /// Whole when short; else the start and the end.
    fn short(&self) -> String {
        let n = self.chars.len();
        if n <= SHORT { self.show(&[(0, n)]) } else { self.show(&[(0, SHORT / 2), (n - (SHORT / 2 - 1), n)]) }
    }

    /// The start, the characters around `at`, and the end.
    fn around(&self, at: usize) -> String {
        let n = self.chars.len();
        let quarter = SHORT / 4;
        self.show(&[
            (0, quarter.min(n)),
            (at.saturating_sub(quarter), (at + quarter).min(n)),
            (n.saturating_sub(quarter - 1), n),
        ])
    }

    /// The characters in `keep` (sorted ranges, which may overlap), `…` for each gap.
    fn show(&self, keep: &[(usize, usize)]) -> String {
        let mut out = String::new();
        if self.quoted {
            out.push('"');
        }
        let mut end = 0;
        for &(from, to) in keep {
            let from = from.max(end);
            if from >= to {
                continue;
            }
            if from > end {
                out.push('…');
            }
            let piece: String = self.chars[from..to].iter().collect();
            if self.quoted {
                let json = Value::from(piece).to_string();
                out.push_str(&json[1..json.len() - 1]);
            } else {
                out.push_str(&piece);
            }
            end = to;
        }
        if end < self.chars.len() {
            out.push('…');
        }
        if self.quoted {
            out.push('"');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn diff(old: Value, new: Value) -> String {
        let mut out = String::new();
        diff_value(&mut String::new(), &old, &new, &mut out);
        out
    }

    #[test]
    fn fields_are_named_by_their_path() {
        let old = json!({"a": {"b": [1, {"c": "x"}]}, "gone": null, "odd key": 1, "": 2});
        let new = json!({"a": {"b": [1, {"c": "y"}, true]}, "new": [], "odd key": 2, "": 3});
        assert_eq!(
            diff(old, new),
            concat!(
                "  [\"\"]: 2 -> 3\n",
                "  a.b[1].c: \"x\" -> \"y\"\n",
                "  a.b[2]: (absent) -> true\n",
                "  gone: null -> (absent)\n",
                "  new: (absent) -> []\n",
                "  [\"odd key\"]: 1 -> 2\n",
            )
        );
    }

    #[test]
    fn a_change_of_type_shows_both_values_whole() {
        assert_eq!(diff(json!({"n": null}), json!({"n": {"k": [1]}})), "  n: null -> {\"k\":[1]}\n");
        assert_eq!(diff(json!({"n": [1, 2]}), json!({"n": "1, 2"})), "  n: [1,2] -> \"1, 2\"\n");
    }

    #[test]
    fn long_values_are_shortened_in_the_middle() {
        let long: String = ('a'..='z').cycle().take(100).collect();
        let shown = Text::of(&Value::from(long.clone())).short();
        assert_eq!(shown, format!("\"{}…{}\"", &long[..40], &long[61..]));
        assert_eq!(shown.chars().count(), 82);
        let exactly: String = "é".repeat(80);
        assert_eq!(Text::of(&Value::from(exactly.clone())).short(), format!("\"{exactly}\""));
        let array = Value::from(vec![1234567; 20]);
        let shown = Text::of(&array).short();
        assert!(shown.starts_with("[1234567,1234567,") && shown.ends_with(",1234567]") && shown.contains('…'));
    }

    #[test]
    fn escapes_are_kept_whole_when_shortening() {
        let s = format!("{}\n{}", "x".repeat(39), "y".repeat(60));
        assert_eq!(Text::of(&Value::from(s)).short(), format!("\"{}\\n…{}\"", "x".repeat(39), "y".repeat(39)));
    }

    #[test]
    fn a_difference_in_the_middle_of_long_strings_is_shown() {
        let old = format!("{} 2017 {}", "a".repeat(60), "z".repeat(60));
        let new = format!("{} 2018 {}", "a".repeat(60), "z".repeat(60));
        let (a, b) = show_pair(Some(&Value::from(old)), Some(&Value::from(new)));
        assert_eq!(a, format!("\"{}…{} 2017 {}…{}\"", "a".repeat(20), "a".repeat(16), "z".repeat(18), "z".repeat(19)));
        assert_eq!(b, a.replace("2017", "2018"));
    }

    #[test]
    fn keys_and_paths_are_readable() {
        let mut path = String::new();
        push_key(&mut path, "nomination");
        push_key(&mut path, "a.b");
        assert_eq!(path, "nomination[\"a.b\"]");
        assert_eq!(show_path("fixtures/a b.txt"), "fixtures/a b.txt");
        assert_eq!(show_path("a\nb"), "\"a\\nb\"");
    }
    #[test]
    fn the_plain_run_of_a_string_ends_where_it_should() {
        for len in 0..20 {
            for at in 0..len {
                for special in [b'"', b'\\', 0, 0x1f] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    // A borrow from a lower match must not hide it; bytes above 0x7f are plain.
                    if at + 1 < len {
                        bytes[at + 1] = 0xc3;
                    }
                    if at > 0 {
                        bytes[at - 1] = 0x21;
                    }
                    assert_eq!(skim::special(&bytes), Some(at), "{bytes:?}");
                }
            }
            assert_eq!(skim::special(&vec![0xe9; len]), None);
            assert_eq!(skim::special(&vec![b' '; len]), None);
        }
    }

    #[test]
    fn the_skimmer_accepts_what_serde_json_accepts() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let deep_in_source = |n: usize| format!("{{\"source\":{{\"path\":\"p\",\"x\":{}}}}}", deep(n));
        let mut texts: Vec<String> = [
            "{}",
            "[]",
            "1",
            "\"s\"",
            "true",
            "nul",
            "{\"a\":1,}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1}x",
            "-",
            "-0",
            "01",
            "1.",
            "1.5",
            "1e",
            "1e+5",
            "-1.5E-3",
            ".5",
            "+1",
            "\"\\u00e9\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83d\\u0041\"",
            "\"a\tb\"",
            "\"\\t\"",
            "[\"a\"",
            "{\"a\":",
            "{\"a\"",
            "{",
            "\"",
            " { } ",
            "\u{a0}{}",
            "\"\u{7f}\"",
            "{\"a\":[{\"b\":null}],\"c\":false}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend([deep(127), deep(128), deep_in_source(125), deep_in_source(126)]);
        for text in &texts {
            let skimmed = skim::source_path(text.as_bytes());
            let parsed = serde_json::from_str::<Value>(text);
            assert_eq!(skimmed.is_ok(), parsed.is_ok(), "{text}: {skimmed:?} {parsed:?}");
        }
        assert!(skim::source_path(b"{\"a\":\"\xff\"}").is_err());
    }

    #[test]
    fn the_skimmer_finds_source_path_as_serde_json_does() {
        let cases = [
            (r#"{"source":{"path":"a/b.txt","bytes":3},"kind":"news"}"#, skim::Found::Path("a/b.txt".into())),
            (r#"{"nomination":{"source":{"path":"x"}},"source":{"path":"y"}}"#, skim::Found::Path("y".into())),
            (r#"{"sour\u0063e":{"p\u0061th":"caf\u00e9\n"}}"#, skim::Found::Path("café\n".into())),
            (r#"{"source":{"path":"x"},"source":{"path":"y"}}"#, skim::Found::Path("y".into())),
            (r#"{"source":{"path":"x"},"source":null}"#, skim::Found::NoPath),
            (r#"{"source":{"bytes":1}}"#, skim::Found::NoPath),
            (r#"{"text":"\"source\":{\"path\":\"x\"}"}"#, skim::Found::NoPath),
            (r#"{"source":{"path":7}}"#, skim::Found::PathNotString),
            (r#"{"source":{"path":null}}"#, skim::Found::PathNotString),
            (r#"[{"source":{"path":"x"}}]"#, skim::Found::NotObject),
        ];
        for (text, want) in cases {
            assert_eq!(skim::source_path(text.as_bytes()).unwrap(), want, "{text}");
            let value: Value = serde_json::from_str(text).unwrap();
            let path = value.get("source").and_then(|s| s.get("path"));
            match want {
                skim::Found::Path(p) => assert_eq!(path, Some(&Value::from(p))),
                skim::Found::NoPath => assert!(value.is_object() && path.is_none()),
                skim::Found::PathNotString => assert!(path.is_some_and(|p| !p.is_string())),
                skim::Found::NotObject => assert!(!value.is_object()),
            }
        }
    }
}
