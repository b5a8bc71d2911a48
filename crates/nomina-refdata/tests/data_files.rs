//! The data files are sorted and unique, and every language's catalog
//! covers the keys the English one has. That the generated tables are
//! current is checked by nomina-refgen's tests.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Rows of a TSV file after its header.
fn rows(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(text.ends_with('\n') && !text.contains('\r'), "{}: lines end with \\n only", path.display());
    text.lines().skip(1).map(str::to_string).collect()
}

const LANGS: [&str; 7] = ["und", "en", "zh", "fr", "es", "ru", "ar"];

fn labels(lang: &str) -> Vec<(String, String)> {
    rows(&crate_dir().join(format!("catalog/labels/{lang}.tsv")))
        .into_iter()
        .map(|row| {
            let (key, text) = row.split_once('\t').unwrap_or_else(|| panic!("{lang}: {row:?}"));
            assert!(!text.contains('\t'), "{lang}: {row:?} has more than two columns");
            (key.to_string(), text.to_string())
        })
        .collect()
}

#[test]
fn hand_kept_catalog_files_are_sorted_and_unique() {
    let mut files = vec![crate_dir().join("catalog/fields.tsv"), crate_dir().join("catalog/news.tsv")];
    for lang in LANGS {
        files.push(crate_dir().join(format!("catalog/labels/{lang}.tsv")));
    }
    for path in files {
        let rows = rows(&path);
        let mut sorted = rows.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(rows, sorted, "{} must be sorted (LC_ALL=C sort) with unique rows", path.display());
    }
}

#[test]
fn every_catalog_label_is_a_single_clean_line() {
    for lang in LANGS {
        for (key, text) in labels(lang) {
            assert_eq!(text.trim(), text, "{lang} {key}: surrounding spaces");
            assert!(!text.is_empty() && key.contains('.'), "{lang} {key}");
        }
    }
}

/// Every label, heading, prompt, value and chrome line the English catalog
/// knows has its wording in each of the other five languages (or is shown
/// untranslated on every page, in `und.tsv`). Synonyms are each language's
/// own: a word that stands for a word of that language's labels; so are
/// the endings that make a numeral an ordinal (`2nd`, `2e`; none in
/// Chinese or Arabic).
#[test]
fn every_language_covers_the_english_keys() {
    let und: BTreeSet<String> = labels("und").into_iter().map(|(k, _)| k).collect();
    let en: BTreeSet<String> = labels("en")
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| !und.contains(k) && !k.starts_with("synonym.") && !k.starts_with("ordinal_ending."))
        .collect();
    for lang in ["zh", "fr", "es", "ru", "ar"] {
        let have: BTreeSet<String> = labels(lang).into_iter().map(|(k, _)| k).collect();
        let missing: Vec<&String> = en.difference(&have).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
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
            assert_eq!(rows.len(), unique.len(), "{} has repeated rows", path.display());
        }
    }
}
