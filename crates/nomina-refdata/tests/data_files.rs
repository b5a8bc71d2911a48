//! The data files are sorted, unique and current.

use std::path::{Path, PathBuf};
use std::process::Command;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Rows of a TSV file after its header.
fn rows(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        text.ends_with('\n') && !text.contains('\r'),
        "{}: lines end with \\n only",
        path.display()
    );
    text.lines().skip(1).map(str::to_string).collect()
}

#[test]
fn hand_kept_catalog_files_are_sorted_and_unique() {
    for name in ["labels.tsv", "fields.tsv"] {
        let path = crate_dir().join("catalog").join(name);
        let rows = rows(&path);
        let mut sorted = rows.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            rows, sorted,
            "{name} must be sorted (LC_ALL=C sort) with unique rows"
        );
    }
}

#[test]
fn every_catalog_label_is_a_single_clean_line() {
    for row in rows(&crate_dir().join("catalog/labels.tsv")) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 3, "{row:?}");
        assert_eq!(cols[2].trim(), cols[2], "{row:?} has surrounding spaces");
        assert!(
            ["und", "en", "zh", "fr", "es", "ru", "ar"].contains(&cols[1]),
            "{row:?}"
        );
    }
}

#[test]
fn generated_files_have_unique_rows() {
    for entry in std::fs::read_dir(crate_dir().join("data")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "tsv") {
            let rows = rows(&path);
            let mut unique = rows.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                rows.len(),
                unique.len(),
                "{} has repeated rows",
                path.display()
            );
        }
    }
}

/// Regenerates every table from its published source and compares it with
/// the committed file. Fails when a source changed and the tables were not
/// regenerated (or were edited by hand).
#[test]
fn generated_files_are_current() {
    let root = crate_dir().join("../..");
    let output = Command::new("python3")
        .arg(root.join("scripts/refdata.py"))
        .arg("--check")
        .current_dir(&root)
        .output()
        .expect("python3 runs scripts/refdata.py");
    assert!(
        output.status.success(),
        "the generated reference data is stale or its sources are missing:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
