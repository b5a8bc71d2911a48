//! Finding the documents the command line names.

use std::io::Read;
use std::path::Path;

use nomina_archive::ArchiveKind;
use walkdir::WalkDir;

/// A document to convert (or an archive of documents, or an input that
/// could not even be listed, which takes its place in the output order).
#[derive(Debug)]
pub enum Input {
    /// A file on disk: its path as the record shows it, and where to read it.
    File { path: String, fs_path: std::path::PathBuf },
    /// Standard input, read once.
    Stdin,
    /// A path that could not be listed or read.
    Failed { path: String, code: &'static str, message: String },
}

impl Input {
    /// The path the record shows.
    pub fn path(&self) -> &str {
        match self {
            Input::File { path, .. } | Input::Failed { path, .. } => path,
            Input::Stdin => "-",
        }
    }

    /// Where to read the archive and its kind, when the input is an archive.
    pub fn archive(&self) -> Option<(&Path, ArchiveKind)> {
        match self {
            Input::File { fs_path, .. } => ArchiveKind::from_path(fs_path).map(|k| (fs_path.as_path(), k)),
            _ => None,
        }
    }

    /// Reads the document's bytes into the start of `buffer` and gives
    /// their length, refusing more than `limit` bytes without reading them
    /// all: one byte over the limit is read, enough to tell it is too large.
    ///
    /// `buffer` is kept initialized to its whole length from one document
    /// to the next (what lies past the length given is left from earlier
    /// documents), so that a file smaller than it is read in one call and
    /// its end found in a second, with no size asked first and no bytes
    /// zeroed; it grows, doubling, only for a larger document.
    pub fn read_into(&self, limit: u64, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
        let over = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
        match self {
            Input::File { fs_path, .. } => read_up_to(std::fs::File::open(fs_path)?, over, buffer),
            Input::Failed { message, .. } => Err(std::io::Error::other(message.clone())),
            Input::Stdin => read_up_to(std::io::stdin().lock(), over, buffer),
        }
    }
}

/// Smallest read buffer: room for most documents at once.
const FIRST_BUFFER: usize = 64 << 10;

/// Reads `source` into the start of `buffer` (see [`Input::read_into`]) up
/// to `over` bytes, and gives how many were read.
fn read_up_to(mut source: impl Read, over: usize, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut filled = 0;
    loop {
        if filled >= over {
            return Ok(filled);
        }
        if filled == buffer.len() {
            let grown = (buffer.len() * 2).max(FIRST_BUFFER).min(over);
            buffer.resize(grown, 0);
        }
        let end = buffer.len().min(over);
        match source.read(&mut buffer[filled..end]) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The documents `args` name, with the paths that could not be listed,
/// sorted by the path their records will show (inputs of one path, such as
/// a file named twice, keep the order of the arguments; failures of one
/// path are ordered by their message).
pub fn collect(args: &[String], follow_links: bool) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let root = Path::new(arg);
        match std::fs::metadata(root) {
            Err(e) => inputs.push(Input::Failed { path: slashed(arg), code: "io", message: e.to_string() }),
            Ok(m) if m.is_dir() => walk(arg, follow_links, &mut inputs),
            Ok(_) => inputs.push(Input::File { path: slashed(arg), fs_path: root.to_path_buf() }),
        }
    }
    fn message(i: &Input) -> Option<&str> {
        match i {
            Input::Failed { message, .. } => Some(message),
            _ => None,
        }
    }
    inputs.sort_by(|a, b| a.path().cmp(b.path()).then_with(|| message(a).cmp(&message(b))));
    inputs
}

/// The files under `arg`, in the order the directories list them: the
/// inputs are sorted by their paths afterwards, and walkdir's sorting by
/// file name took the file name out of each path at every comparison (a
/// good part of listing a large archive, while no document is converted).
fn walk(arg: &str, follow_links: bool, inputs: &mut Vec<Input>) {
    let base = arg.trim_end_matches(['/', '\\']);
    for entry in WalkDir::new(arg).follow_links(follow_links) {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(arg).unwrap_or(e.path());
                let rel = slashed(&rel.to_string_lossy());
                let path = if base.is_empty() { format!("/{rel}") } else { format!("{base}/{rel}") };
                inputs.push(Input::File { path, fs_path: e.path().to_path_buf() });
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map_or_else(|| slashed(arg), |p| slashed(&p.to_string_lossy()));
                let code = if e.loop_ancestor().is_some() { "loop" } else { "io" };
                inputs.push(Input::Failed { path, code, message: e.to_string() });
            }
        }
    }
}

fn slashed(p: &str) -> String {
    if std::path::MAIN_SEPARATOR == '\\' { p.replace('\\', "/") } else { p.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives a few bytes a call, as a pipe may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(7);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn documents_are_read_whole_or_one_byte_over_the_limit() {
        let mut buffer = Vec::new();
        let big: Vec<u8> = (0..FIRST_BUFFER * 3 + 5).map(|i| (i % 251) as u8).collect();
        // Larger than the buffer: it grows; then a smaller one reuses it,
        // and only its own bytes are given.
        for doc in [&big[..], b"short", b"", &big[..FIRST_BUFFER], &big[..FIRST_BUFFER + 1]] {
            let n = read_up_to(Trickle(doc), usize::MAX, &mut buffer).unwrap();
            assert_eq!(&buffer[..n], doc);
            let n = read_up_to(doc, usize::MAX, &mut buffer).unwrap();
            assert_eq!(&buffer[..n], doc);
        }
        // At the limit the document is read whole; past it, one byte over.
        for (len, over) in [(10, 11), (11, 11), (12, 11), (big.len(), FIRST_BUFFER + 3), (0, 1), (1, 1)] {
            let n = read_up_to(Trickle(&big[..len]), over, &mut buffer).unwrap();
            assert_eq!(&buffer[..n], &big[..len.min(over)], "{len} {over}");
        }
    }

    #[test]
    fn inputs_come_sorted_by_path() {
        let root = std::env::temp_dir().join(format!("nomina-input-order-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        // A walk by file name gives `a/…` before `a.txt` and `a-b/…`; the
        // paths sort `a-b/…`, `a.txt`, `a/…` (`-` < `.` < `/`).
        for file in ["a/x.txt", "a/y/z.txt", "a.txt", "a-b/z.txt", "b.txt", "a/w.txt"] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "x").unwrap();
        }
        let arg = root.to_string_lossy().into_owned();
        let missing = root.join("missing").to_string_lossy().into_owned();
        let inputs = collect(&[arg.clone(), missing], false);
        let got: Vec<String> = inputs.iter().map(|i| i.path()[arg.len()..].to_string()).collect();
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(got, ["/a-b/z.txt", "/a.txt", "/a/w.txt", "/a/x.txt", "/a/y/z.txt", "/b.txt", "/missing"]);
        assert!(matches!(inputs.last(), Some(Input::Failed { code: "io", .. })));
    }
}
