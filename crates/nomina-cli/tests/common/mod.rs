//! What the tests of the real binary share: where the workspace is, how to
//! run `nomina`, and scratch directories.
// Each test binary uses the part of this it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root, where `fixtures/` is.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `nomina ARGS` in `dir` to the end.
pub fn nomina(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nomina")).args(args).current_dir(dir).output().expect("nomina runs")
}

/// A scratch directory that removes itself.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// A new empty directory, unique to this test binary and `name`.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("nomina-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// `rel` inside the directory, as a string for an argument.
    pub fn path(&self, rel: &str) -> String {
        self.0.join(rel).to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
