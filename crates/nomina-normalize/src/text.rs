//! Free text as the record keeps it.

use std::sync::LazyLock;

pub use nomina_parse::word_count;
use nomina_parse::{ascii_prefix, is_ascii_blank};
use nomina_refdata::fold::is_format;
use unicode_normalization::UnicodeNormalization;

/// One line of free text: runs of whitespace (tabs and non-breaking spaces
/// too) collapsed to one space, trimmed, format characters dropped, NFC.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    clean_line_into(s, &mut out);
    out
}

/// [`clean_line`] appended to `out`, which lines joined need no copy of
/// each line for. Gives what the scan learned of a line that was clean
/// already.
fn clean_line_into(s: &str, out: &mut String) -> Option<Clean> {
    // Most lines are clean already: one scan that vectorizes instead of the
    // walk below, character by character.
    if let Some(clean) = is_clean(s) {
        out.push_str(s);
        return Some(clean);
    }
    let start = out.len();
    if s.is_ascii() {
        for word in s.split(|c: char| is_ascii_blank(&(c as u8))).filter(|w| !w.is_empty()) {
            if out.len() > start {
                out.push(' ');
            }
            out.push_str(word);
        }
        return None;
    }
    let mut space = false;
    // Whether a character that NFC may change was kept.
    let mut unstable = false;
    // Where the run of kept characters being read started: runs are copied whole.
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let (blank, keep) = if c.is_ascii() {
            let blank = is_ascii_blank(&(c as u8));
            (blank, !blank)
        } else {
            let blank = c.is_whitespace();
            (blank, !blank && !is_format(c))
        };
        if keep {
            if run.is_none() {
                if space {
                    out.push(' ');
                    space = false;
                }
                run = Some(i);
            }
            unstable |= !c.is_ascii() && !nfc_stable(c);
        } else {
            if let Some(from) = run.take() {
                out.push_str(&s[from..i]);
            }
            if blank {
                space = out.len() > start;
            }
        }
    }
    if let Some(from) = run {
        out.push_str(&s[from..]);
    }
    // Most text is ASCII or already NFC: only the rest is rebuilt.
    if unstable && unicode_normalization::is_nfc_quick(out[start..].chars()) != unicode_normalization::IsNormalized::Yes
    {
        let normalized: String = out[start..].nfc().collect();
        out.truncate(start);
        out.push_str(&normalized);
    }
    None
}

/// Bytes [`is_clean`] checks together.
const CHUNK: usize = 64;

/// Built once: `memmem::find` builds a searcher on every call, which on a
/// line of a hundred bytes costs more than the search.
static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Builds the searcher and the table of characters kept as they are now
/// (see `nomina_refdata::prepare`).
pub(crate) fn prepare() {
    LazyLock::force(&DOUBLE_SPACE);
    kept_as_is(0);
}

/// What the scan of a line that is clean already learned of it, which
/// tells its words without another pass.
#[derive(Debug, Clone, Copy)]
struct Clean {
    spaces: usize,
    /// Its highest byte.
    top: u8,
}

/// Whether [`clean_line`] would give `s` back unchanged: single spaces
/// between words, no other whitespace, no format characters, nothing NFC
/// may change. Gives its spaces and highest byte if so.
fn is_clean(s: &str) -> Option<Clean> {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') || DOUBLE_SPACE.find(b).is_some() {
        return None;
    }
    let (mut spaces, mut top) = (0, 0);
    let mut i = 0;
    while i < b.len() {
        let end = b.len().min(i + CHUNK);
        // Branch-free within a chunk, so that it vectorizes. Spaces are
        // summed in a byte (a chunk has fewer than 256).
        let (mut controls, mut n, mut chunk_top) = (false, 0u8, 0u8);
        for &c in &b[i..end] {
            controls |= c < b' ';
            n += u8::from(c == b' ');
            chunk_top = chunk_top.max(c);
        }
        if controls {
            return None;
        }
        spaces += usize::from(n);
        top = top.max(chunk_top);
        if chunk_top < 0x80 {
            i = end;
            continue;
        }
        // Only the non-ASCII characters of the chunk are decoded (from the
        // bytes: the text is valid UTF-8); the last may run past the chunk's
        // end, and the next chunk starts after it.
        while i < end {
            let lead = b[i];
            let (code, len) = match lead {
                // The ASCII up to the next character that is not, eight
                // bytes at a time.
                0..0x80 => {
                    i += ascii_prefix(&b[i..end]);
                    continue;
                }
                0xC0..0xE0 => (u32::from(lead & 0x1F) << 6 | u32::from(b[i + 1] & 0x3F), 2),
                0xE0..0xF0 => {
                    (u32::from(lead & 0x0F) << 12 | u32::from(b[i + 1] & 0x3F) << 6 | u32::from(b[i + 2] & 0x3F), 3)
                }
                _ => (
                    u32::from(lead & 0x07) << 18
                        | u32::from(b[i + 1] & 0x3F) << 12
                        | u32::from(b[i + 2] & 0x3F) << 6
                        | u32::from(b[i + 3] & 0x3F),
                    4,
                ),
            };
            if !kept_as_is(code) {
                return None;
            }
            i += len;
        }
    }
    Some(Clean { spaces, top })
}

/// Whether [`clean_line`] keeps the character `code` as it is wherever it
/// stands: not whitespace, not a format character, stable under NFC. Read
/// from a bitmap of the Basic Multilingual Plane built once from those
/// tests: answers written in Chinese, Russian or Arabic are nearly all such
/// characters.
fn kept_as_is(code: u32) -> bool {
    fn test(c: char) -> bool {
        !c.is_whitespace() && !is_format(c) && nfc_stable(c)
    }
    static BMP: LazyLock<Box<[u64]>> = LazyLock::new(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        // Only the characters of the stable blocks can pass: the others are
        // not tested one by one.
        for &(first, last) in &NFC_STABLE_BLOCKS {
            for c in (first..=last).filter(|&c| test(c)) {
                bits[c as usize / 64] |= 1 << (c as usize % 64);
            }
        }
        bits.into_boxed_slice()
    });
    match BMP.get(code as usize / 64) {
        Some(word) => word >> (code % 64) & 1 == 1,
        None => char::from_u32(code).is_some_and(test),
    }
}

/// The blocks of [`nfc_stable`], every one in the Basic Multilingual Plane.
const NFC_STABLE_BLOCKS: [(char, char); 14] = [
    ('\u{0}', '\u{2FF}'),
    ('\u{400}', '\u{482}'),
    ('\u{48A}', '\u{52F}'),
    ('\u{600}', '\u{60F}'),
    ('\u{61B}', '\u{64A}'),
    ('\u{660}', '\u{66F}'),
    ('\u{671}', '\u{6D5}'),
    ('\u{2010}', '\u{205F}'),
    ('\u{20A0}', '\u{20C0}'),
    ('\u{3000}', '\u{3029}'),
    ('\u{3030}', '\u{303F}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{AC00}', '\u{D7A3}'),
    ('\u{FF01}', '\u{FFEF}'),
];

/// Characters that NFC leaves alone wherever they stand (quick check Yes,
/// combining class 0), in the blocks answers are written in: a line of them
/// needs no NFC check. A test holds this to the Unicode tables.
fn nfc_stable(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{2FF}'
        | '\u{400}'..='\u{482}'
        | '\u{48A}'..='\u{52F}'
        | '\u{600}'..='\u{60F}'
        | '\u{61B}'..='\u{64A}'
        | '\u{660}'..='\u{66F}'
        | '\u{671}'..='\u{6D5}'
        | '\u{2010}'..='\u{205F}'
        | '\u{20A0}'..='\u{20C0}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{FF01}'..='\u{FFEF}')
}

/// Lines of free text, each cleaned, blank ones dropped, joined with `\n`.
pub fn clean_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    join_cleaned(lines, String::new(), |_, _| {})
}

/// [`clean_lines`] and the [`word_count`] of what it gives, each line's
/// words counted as it is cleaned, while it is still in the cache: a
/// cleaned line has its words one space apart, so that, without CJK, the
/// spaces the cleaning scan counted tell them.
pub fn clean_lines_counted<'a, I>(lines: I) -> (String, usize)
where
    I: IntoIterator<Item = &'a str>,
    I::IntoIter: Clone,
{
    let lines = lines.into_iter();
    // Sized once: cleaning a line seldom lengthens it.
    let out = String::with_capacity(lines.clone().map(|l| l.len() + 1).sum());
    let mut words = 0;
    let out = join_cleaned(lines, out, |line, clean| {
        words += match clean {
            Some(clean) => words_of_clean(line, clean),
            None => cleaned_word_count(line),
        };
    });
    (out, words)
}

/// [`clean_lines`] into `out`, with `each` shown every line kept, cleaned,
/// and what the scan learned of it if it was clean already.
fn join_cleaned<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    mut out: String,
    mut each: impl FnMut(&str, Option<Clean>),
) -> String {
    for line in lines {
        let before = out.len();
        if before > 0 {
            out.push('\n');
        }
        let start = out.len();
        let clean = clean_line_into(line, &mut out);
        if out.len() == start {
            // A blank line: neither it nor its separator stays.
            out.truncate(before);
        } else {
            each(&out[start..], clean);
        }
    }
    out
}

/// [`word_count`] of a non-empty line as [`clean_line`] gives it.
fn cleaned_word_count(line: &str) -> usize {
    let (mut spaces, mut top) = (0, 0);
    for chunk in line.as_bytes().chunks(CHUNK) {
        // Byte-wide sums (a chunk has fewer than 256 spaces) keep many bytes
        // to a vector instruction.
        let mut n = 0u8;
        for &c in chunk {
            n += u8::from(c == b' ');
            top = top.max(c);
        }
        spaces += usize::from(n);
    }
    words_of_clean(line, Clean { spaces, top })
}

/// [`word_count`] of a non-empty cleaned line from its spaces and highest
/// byte: its only whitespace is single spaces between words, so without
/// CJK (each ideograph a word of its own) it has one word more than spaces.
fn words_of_clean(line: &str, clean: Clean) -> usize {
    let b = line.as_bytes();
    // CJK starts at U+2E80 (`E2 BA 80`): below `E2`, or with `E2` leading
    // only punctuation and symbols (curly quotes, dashes), there is none.
    let no_cjk = clean.top < 0xE2 || (clean.top == 0xE2 && memchr::memchr_iter(0xE2, b).all(|i| b[i + 1] < 0xBA));
    if no_cjk { clean.spaces + 1 } else { word_count(line) }
}

const _: () = assert!(CHUNK < 256, "spaces in a chunk are summed in a u8");

/// A bare placeholder: text without a single letter or digit (`.`, `-`, `N/A` is not one).
pub fn is_placeholder(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition the fast one must agree with.
    fn clean_line_reference(s: &str) -> String {
        let words: Vec<String> =
            s.split(char::is_whitespace).map(|w| w.chars().filter(|c| !is_format(*c)).collect::<String>()).collect();
        let joined = words.iter().filter(|w| !w.is_empty()).cloned().collect::<Vec<_>>().join(" ");
        joined.nfc().collect()
    }

    #[test]
    fn nfc_stable_characters_are_stable() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| nfc_stable(*c)) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
        }
    }

    #[test]
    fn the_bitmap_answers_as_the_tests_do() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(kept_as_is(c as u32), !c.is_whitespace() && !is_format(c) && nfc_stable(c), "{c:?}");
            let in_blocks = NFC_STABLE_BLOCKS.iter().any(|&(first, last)| (first..=last).contains(&c));
            assert_eq!(in_blocks, nfc_stable(c), "{c:?}");
        }
    }

    #[test]
    fn clean_line_agrees_with_the_definition() {
        assert!((0u8..128).all(|b| is_ascii_blank(&b) == char::from(b).is_whitespace()));
        // Every pair and triple of a mix of blanks, format characters,
        // combining marks, CJK and letters of several scripts.
        let alphabet = [
            ' ', '\t', '\u{b}', '\u{a0}', '\u{3000}', '\u{200b}', '\u{ad}', 'a', 'Z', '.', 'e', '\u{301}', '\u{327}',
            'é', '’', '中', '文', 'й', 'и', '\u{306}', 'ب', '\u{64e}', '한', '\u{1100}', '\u{1161}', '\u{212b}',
            '\u{2000}', '𝄞', '𠀀',
        ];
        let mut cases = vec![String::new()];
        for a in alphabet {
            for b in alphabet {
                cases.push([a, b].iter().collect());
                for c in alphabet {
                    cases.push([a, b, c].iter().collect());
                }
            }
        }
        cases.push("  Dangjin\u{a0}\u{a0}City\t of\r  “quoted” 中文 text, Cafe\u{301} ".into());
        // Long lines, clean but for one character placed anywhere, so that
        // the scans meet it on every side of their chunks' borders.
        let clean = "Dangjin City opened its budget to every resident; ".repeat(4);
        for odd in ["\t", "  ", "\u{a0}", "\u{200b}", "e\u{301}", "\u{212b}", "中", "’", "\u{1}", "й", "\u{20000}"]
        {
            for at in (0..clean.len()).filter(|i| clean.is_char_boundary(*i)) {
                cases.push(format!("{}{odd}{}", &clean[..at], &clean[at..]));
            }
        }
        cases.push(clean.trim_end().to_string());
        for s in &cases {
            assert_eq!(clean_line(s), clean_line_reference(s), "{s:?}");
        }
    }

    #[test]
    fn clean_lines_agrees_with_the_definition() {
        // Lines cleaned in place after others: blank ones, ones that clean to
        // nothing, ones NFC rebuilds, in every order of three.
        let lines = ["", "  ", "\u{200b}", "one  two", "Cafe\u{301}", "\u{212b}x", "\t中文 ", "plain"];
        for a in lines {
            for b in lines {
                for c in lines {
                    let expected = [a, b, c]
                        .iter()
                        .map(|l| clean_line_reference(l))
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n");
                    assert_eq!(clean_lines([a, b, c]), expected, "{:?}", [a, b, c]);
                }
            }
        }
    }

    #[test]
    fn words_counted_while_cleaning_agree_with_the_count_of_the_text() {
        let lines = [
            "",
            "  ",
            "“quoted” — and ⺀ radical",
            "Пример «текст» ⿰",
            "one  two",
            "\tthree four five ",
            "Cafe\u{301} au lait",
            "中文 text",
            "无贫穷",
            "a\u{200b}b",
            "x",
            "COVID-19疫情 response",
        ];
        let long = "Dangjin City opened its budget to every resident; ".repeat(9);
        for a in lines.iter().copied().chain([long.as_str()]) {
            for b in lines {
                for c in lines {
                    let (text, words) = clean_lines_counted([a, b, c]);
                    assert_eq!(text, clean_lines([a, b, c]));
                    assert_eq!(words, word_count(&text), "{:?}", [a, b, c]);
                }
            }
        }
        assert_eq!(clean_lines_counted([long.as_str()]).1, 9 * 8);
    }

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
