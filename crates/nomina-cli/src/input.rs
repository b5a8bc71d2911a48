//! Finding the documents the command line names.

use std::path::Path;

use nomina_batch::{Failure, Source};
use walkdir::WalkDir;

/// What the command line names: the inputs, sorted by the path their records will show, and
/// the directory entries passed over.
#[derive(Debug, Default)]
pub struct Listing {
    /// Documents and archives to convert, and the paths that could not be listed (a
    /// [`Source::Failed`] each), sorted by path (inputs of one path, such as a file named twice,
    /// keep the order of the arguments; failures of one path are ordered by their message).
    pub inputs: Vec<Source>,
    /// Entries of the directories walked that are no files to read, sorted by path.
    pub skipped: Vec<Skipped>,
}

/// A directory entry passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its path.
    pub path: String,
    /// Why.
    pub why: SkipReason,
}

/// Why a directory entry was passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    /// A symbolic link, not followed without `--follow-links` (a dangling one or a loop too).
    Symlink,
    /// A named pipe, a socket or a device.
    NotRegular,
}

impl SkipReason {
    /// The reason as the `-v` lines give it.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Symlink => "symlink (use --follow-links)",
            SkipReason::NotRegular => "not a regular file",
        }
    }

    /// `n` entries skipped for this reason, as the summary line counts them.
    pub fn counted(self, n: usize) -> String {
        match (self, n) {
            (SkipReason::Symlink, 1) => "1 symlink (use --follow-links)".into(),
            (SkipReason::Symlink, n) => format!("{n} symlinks (use --follow-links)"),
            (SkipReason::NotRegular, 1) => "1 not a regular file".into(),
            (SkipReason::NotRegular, n) => format!("{n} not regular files"),
        }
    }
}

fn failed(path: String, code: &'static str, message: String) -> Source {
    Source::Failed(Failure::new(0, path, code, message))
}

/// The documents `args` name, with the paths that could not be listed and the entries passed
/// over (see [`Listing`]).
pub fn collect(args: &[String], follow_links: bool) -> Listing {
    let mut listing = Listing::default();
    for arg in args {
        if arg == "-" {
            listing.inputs.push(Source::Stdin);
            continue;
        }
        let root = Path::new(arg);
        match std::fs::metadata(root) {
            Err(e) => listing.inputs.push(failed(slashed(arg), "io", e.to_string())),
            Ok(m) if m.is_dir() => walk(arg, follow_links, &mut listing),
            Ok(_) => listing.inputs.push(Source::File { path: slashed(arg), fs_path: root.to_path_buf() }),
        }
    }
    fn message(i: &Source) -> Option<&str> {
        match i {
            Source::Failed(f) => Some(&f.message),
            _ => None,
        }
    }
    listing.inputs.sort_by(|a, b| a.path().cmp(b.path()).then_with(|| message(a).cmp(&message(b))));
    listing.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    listing
}

/// The files under `arg`, in the order the directories list them: the inputs are sorted by
/// their paths afterwards, and walkdir's sorting by file name took the file name out of each
/// path at every comparison (a good part of listing a large archive, while no document is
/// converted).
fn walk(arg: &str, follow_links: bool, listing: &mut Listing) {
    let base = arg.trim_end_matches(['/', '\\']);
    let shown = |p: &Path| {
        let rel = p.strip_prefix(arg).unwrap_or(p);
        let rel = slashed(&rel.to_string_lossy());
        if base.is_empty() { format!("/{rel}") } else { format!("{base}/{rel}") }
    };
    for entry in WalkDir::new(arg).follow_links(follow_links) {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                listing.inputs.push(Source::File { path: shown(e.path()), fs_path: e.path().to_path_buf() });
            }
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let why =
                    if e.path_is_symlink() && !follow_links { SkipReason::Symlink } else { SkipReason::NotRegular };
                listing.skipped.push(Skipped { path: shown(e.path()), why });
            }
            Err(e) => {
                let path = e.path().map_or_else(|| slashed(arg), |p| slashed(&p.to_string_lossy()));
                let code = if e.loop_ancestor().is_some() { "loop" } else { "io" };
                listing.inputs.push(failed(path, code, e.to_string()));
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
        let inputs = collect(&[arg.clone(), missing], false).inputs;
        let got: Vec<String> = inputs.iter().map(|i| i.path()[arg.len()..].to_string()).collect();
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(got, ["/a-b/z.txt", "/a.txt", "/a/w.txt", "/a/x.txt", "/a/y/z.txt", "/b.txt", "/missing"]);
        assert!(matches!(inputs.last(), Some(Source::Failed(f)) if f.code == "io"));
    }
}
