//! Free text as the record keeps it.

use nomina_refdata::fold::{is_cjk, is_format};
use unicode_normalization::UnicodeNormalization;

/// One line of free text: runs of whitespace (tabs and non-breaking spaces
/// too) collapsed to one space, trimmed, format characters dropped, NFC.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !is_format(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    // Most text is ASCII or already NFC: only the rest is rebuilt.
    if out.is_ascii() || unicode_normalization::is_nfc_quick(out.chars()) == unicode_normalization::IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

/// Lines of free text, each cleaned, blank ones dropped, joined with `\n`.
pub fn clean_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = clean_line(line);
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

/// Whitespace-separated tokens, each CJK ideograph counting as one word.
pub fn word_count(s: &str) -> usize {
    let mut count = 0;
    for token in s.split_whitespace() {
        let mut in_word = false;
        for c in token.chars() {
            if is_cjk(c) {
                count += 1;
                in_word = false;
            } else if !in_word {
                count += 1;
                in_word = true;
            }
        }
    }
    count
}

/// A bare placeholder: text without a single letter or digit (`.`, `-`, `N/A` is not one).
pub fn is_placeholder(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_whitespace_and_normalizes() {
        assert_eq!(clean_line("  Dangjin\u{a0}\u{a0}City\t of\r "), "Dangjin City of");
        assert_eq!(clean_line("Cafe\u{301}"), "Café");
        assert_eq!(clean_line("a\u{200e}b"), "ab");
        assert_eq!(clean_lines(["one  ", "", " two"]), "one\ntwo");
    }

    #[test]
    fn counts_words_and_ideographs() {
        assert_eq!(word_count("The MOIS oversaw 243 local governments."), 6);
        assert_eq!(word_count("无贫穷"), 3);
        assert_eq!(word_count("COVID-19疫情 response"), 4);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder("."));
        assert!(is_placeholder(" - "));
        assert!(is_placeholder("……"));
        assert!(!is_placeholder("N/A"));
        assert!(!is_placeholder("0"));
    }
}
