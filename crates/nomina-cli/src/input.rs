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

    /// Reads the document's bytes into `bytes` (emptied first), refusing
    /// more than `limit` bytes without reading them all: one byte over the
    /// limit is read, enough to tell it is too large.
    pub fn read_into(&self, limit: u64, bytes: &mut Vec<u8>) -> std::io::Result<()> {
        bytes.clear();
        let over = limit.saturating_add(1);
        match self {
            Input::File { fs_path, .. } => {
                let file = std::fs::File::open(fs_path)?;
                // Sized once from the file's length (`take` hides it from
                // `read_to_end`); a file that grows meanwhile is still read
                // to the limit.
                let size = file.metadata().map_or(0, |m| m.len()).min(over);
                bytes.reserve(usize::try_from(size).unwrap_or(0).saturating_add(1));
                file.take(over).read_to_end(bytes)?;
            }
            Input::Failed { message, .. } => return Err(std::io::Error::other(message.clone())),
            Input::Stdin => {
                std::io::stdin().lock().take(over).read_to_end(bytes)?;
            }
        }
        Ok(())
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
    let message = |i: &Input| match i {
        Input::Failed { message, .. } => Some(message.clone()),
        _ => None,
    };
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
