//! Cleaning names and writing tables.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use crate::{RefgenError, bad};

/// Whitespace as the tables count it: Unicode White_Space and the four
/// information separators (U+001C..U+001F), which a source may carry as
/// line breaks.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Trims [`is_space`] characters from both ends.
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// NFC-normalizes, collapses whitespace runs (tabs and line breaks too) to one
/// space, and trims.
pub fn clean(value: &str) -> String {
    let nfc: String = value.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut space = false;
    for c in nfc.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// NFC form of `s`.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// A header and rows as UTF-8 TSV with `\n` endings. A cell that is empty or
/// holds a tab or line break, or a repeated row, is refused: the table could
/// not be read back as written.
pub fn tsv(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, RefgenError> {
    let mut out = header.join("\t");
    out.push('\n');
    let mut seen = HashSet::new();
    for row in rows {
        if let Some(cell) = row.iter().find(|c| c.is_empty() || c.contains(['\t', '\n', '\r'])) {
            return Err(bad(format!("bad cell {cell:?} in row {row:?}")));
        }
        let line = row.join("\t");
        if !seen.insert(line.clone()) {
            return Err(bad(format!("duplicate row {row:?}")));
        }
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_and_trims_every_kind_of_space() {
        assert_eq!(clean("  a\t b\n\u{a0}c \u{1f}"), "a b c");
        assert_eq!(clean("e\u{301}"), "\u{e9}");
        assert_eq!(clean(" \n "), "");
    }

    #[test]
    fn tsv_refuses_empty_cells_tabs_and_repeats() {
        let row = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
        assert_eq!(tsv(&["x", "y"], &[row("1", "a"), row("2", "b")]).unwrap(), b"x\ty\n1\ta\n2\tb\n");
        assert!(tsv(&["x", "y"], &[row("1", "")]).is_err());
        assert!(tsv(&["x", "y"], &[row("1", "a\tb")]).is_err());
        assert!(tsv(&["x", "y"], &[row("1", "a"), row("1", "a")]).is_err());
    }
}
