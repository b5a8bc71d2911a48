//! Temporary files that never outlive the run that made them, or not for long.
//!
//! Every temporary file or directory of this crate (the sorted runs of a large archive), and the
//! command's `-o FILE` stand-in made through [`TempFile`], is listed here while it exists:
//! - dropping it removes it (on success it is renamed or removed, on an error dropped);
//! - [`remove_all`] removes every one listed at once, for a handler of SIGINT or SIGTERM that
//!   then ends the process; after it no new one can be made, so none is left behind by a thread
//!   still running;
//! - each holds an exclusive lock ([`std::fs::File::try_lock`]) on a file of its own while its
//!   process lives; a process killed outright (SIGKILL, a power cut) leaves its files unlocked,
//!   and [`remove_stale`] (which the command runs on the directories it writes to) removes
//!   those, and only those.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The temporary paths of this process that exist now.
struct Registry {
    paths: Vec<PathBuf>,
    /// Set by [`remove_all`]: the process is ending, nothing new may be made.
    closed: bool,
}

static LIVE: Mutex<Registry> = Mutex::new(Registry { paths: Vec::new(), closed: false });

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    // A panic while the lock was held leaves the list as it was: still right.
    LIVE.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn closed() -> io::Error {
    io::Error::other("the process is ending: no new temporary file")
}

/// Removes every temporary file and directory of this process that exists now, and refuses to
/// make any more: for a signal handler, just before the process ends.
pub fn remove_all() {
    let mut live = registry();
    live.closed = true;
    for path in live.paths.drain(..) {
        remove(&path);
    }
}

/// Times a directory is removed again when a thread still writing into it (a sorted run)
/// made a file in it while it was being emptied.
const REMOVE_DIR_ATTEMPTS: u32 = 50;

fn remove(path: &Path) {
    if path.is_dir() {
        for _ in 0..REMOVE_DIR_ATTEMPTS {
            let _ = std::fs::remove_dir_all(path);
            if !path.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    } else {
        let _ = std::fs::remove_file(path);
    }
}

fn unregister(live: &mut Registry, path: &Path) {
    if let Some(at) = live.paths.iter().position(|p| p == path) {
        live.paths.swap_remove(at);
    }
}

/// Locks `file` for as long as it stays open, so that [`remove_stale`] sees it is in use.
fn hold(file: &File) {
    // A file system without locks leaves the file unlocked: a later sweep could take it for
    // stale only on such a file system, where nothing else can be known either.
    let _ = file.try_lock();
}

/// A temporary file, listed while it exists (see the module documentation), removed when
/// dropped unless [`TempFile::persist`] renamed it.
#[derive(Debug)]
pub struct TempFile {
    file: File,
    path: PathBuf,
    /// Renamed into place: nothing to remove.
    persisted: bool,
}

impl TempFile {
    /// Creates the file at `path` (which must not exist), locked and listed.
    pub fn create(path: PathBuf) -> io::Result<TempFile> {
        let mut live = registry();
        if live.closed {
            return Err(closed());
        }
        let file = File::options().read(true).write(true).create_new(true).open(&path)?;
        hold(&file);
        live.paths.push(path.clone());
        Ok(TempFile { file, path, persisted: false })
    }

    /// The open file.
    pub fn file(&self) -> &File {
        &self.file
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the file to `target`, which then is no temporary file any more. Done under the
    /// list's lock: a [`remove_all`] comes wholly before (the file is removed, `target` left as
    /// it was) or wholly after (`target` is complete).
    pub fn persist(mut self, target: &Path) -> io::Result<()> {
        let mut live = registry();
        if live.closed {
            return Err(closed());
        }
        std::fs::rename(&self.path, target)?;
        unregister(&mut live, &self.path);
        self.persisted = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.persisted {
            return;
        }
        let mut live = registry();
        unregister(&mut live, &self.path);
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A temporary directory for the sorted runs of one archive, named
/// `nomina-sort-PID-N.tmp`, listed and locked through a `lock` file inside; removed, with
/// everything in it, when dropped.
#[derive(Debug)]
pub(crate) struct TempDir {
    path: PathBuf,
    _lock: File,
}

/// What the sorted-run directories' names start with.
pub const SORT_DIR_PREFIX: &str = "nomina-sort-";
/// What temporary names end with.
pub const TEMP_SUFFIX: &str = ".tmp";

impl TempDir {
    /// A new directory in `root`.
    pub(crate) fn create(root: &Path) -> io::Result<TempDir> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let mut live = registry();
        if live.closed {
            return Err(closed());
        }
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = root.join(format!("{SORT_DIR_PREFIX}{}-{n}{TEMP_SUFFIX}", std::process::id()));
        std::fs::create_dir(&path)?;
        live.paths.push(path.clone());
        let lock = match File::options().read(true).write(true).create_new(true).open(path.join("lock")) {
            Ok(lock) => lock,
            Err(e) => {
                unregister(&mut live, &path);
                let _ = std::fs::remove_dir_all(&path);
                return Err(e);
            }
        };
        hold(&lock);
        Ok(TempDir { path, _lock: lock })
    }

    /// Where it is.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let mut live = registry();
        unregister(&mut live, &self.path);
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A directory without its `lock` file this old is taken for one whose process died between
/// making it and locking it.
const UNLOCKED_GRACE: Duration = Duration::from_secs(60);

/// Removes, in `dir`, the temporary files and directories whose names start with `prefix` and
/// end with [`TEMP_SUFFIX`] that no live process holds (see the module documentation): those
/// a killed run left. Gives how many were removed. A file still locked, or one that cannot be
/// opened, is left alone.
pub fn remove_stale(dir: &Path, prefix: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with(prefix) || !name.ends_with(TEMP_SUFFIX) {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        let stale = if kind.is_dir() {
            match File::open(path.join("lock")) {
                Ok(lock) => lock.try_lock().is_ok(),
                Err(e) if e.kind() == io::ErrorKind::NotFound => entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > UNLOCKED_GRACE)),
                Err(_) => false,
            }
        } else if kind.is_file() {
            File::open(&path).is_ok_and(|f| f.try_lock().is_ok())
        } else {
            false
        };
        if stale {
            remove(&path);
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("nomina-batch-temp-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn live_files_are_kept_and_dead_ones_removed() {
        let dir = scratch("stale");
        let live_file = TempFile::create(dir.join(".out.jsonl.1.tmp")).unwrap();
        let live_dir = TempDir::create(&dir).unwrap();
        // What a killed process leaves: files and a directory nobody locks.
        std::fs::write(dir.join(".out.jsonl.2.tmp"), b"partial").unwrap();
        let dead = dir.join(format!("{SORT_DIR_PREFIX}999-0{TEMP_SUFFIX}"));
        std::fs::create_dir(&dead).unwrap();
        std::fs::write(dead.join("lock"), b"").unwrap();
        std::fs::write(dead.join("run-0"), b"records").unwrap();
        // Not ours, whatever the name says.
        std::fs::write(dir.join(".out.jsonl"), b"x").unwrap();
        std::fs::write(dir.join("out.jsonl"), b"x").unwrap();

        assert_eq!(remove_stale(&dir, ".out.jsonl."), 1);
        assert_eq!(remove_stale(&dir, SORT_DIR_PREFIX), 1);
        assert!(live_file.path().exists());
        assert!(live_dir.path().exists());
        assert!(!dead.exists());
        assert!(!dir.join(".out.jsonl.2.tmp").exists());
        assert!(dir.join(".out.jsonl").exists() && dir.join("out.jsonl").exists());

        // Dropped: gone; persisted: renamed.
        let live_path = live_dir.path().to_path_buf();
        drop(live_dir);
        assert!(!live_path.exists());
        live_file.persist(&dir.join("done.jsonl")).unwrap();
        assert!(dir.join("done.jsonl").exists());
        assert!(!dir.join(".out.jsonl.1.tmp").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
