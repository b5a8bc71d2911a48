//! Counting words, the way the record and the news rules count them.

use nomina_refdata::fold::is_cjk;

/// `char::is_whitespace` on ASCII (which, unlike `u8::is_ascii_whitespace`,
/// counts the vertical tab).
pub fn is_ascii_blank(b: &u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `c.is_alphabetic()`, answered without the Unicode tables for ASCII and for
/// the blocks of the archive's text that are letters throughout (Latin-1 and
/// Latin Extended-A letters, Cyrillic, Arabic, Chinese, Hangul): the table
/// lookup costs hundreds of instructions a character.
pub(crate) fn letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x17F => true,
        0x0410..=0x044F | 0x0620..=0x064A | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => true,
        _ => c.is_alphabetic(),
    }
}

/// Whitespace-separated tokens, each CJK ideograph counting as one word.
pub fn word_count(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        // Most text is ASCII: a run of it is counted without branches (a
        // word starts where a non-blank follows a blank), which vectorizes;
        // a chunk at a time, so that a long run is found cheaply.
        let chunk = &bytes[i..bytes.len().min(i + CHUNK)];
        let ascii = ascii_prefix(chunk);
        if ascii > 0 {
            let run = &chunk[..ascii];
            // A word starts where a non-blank follows a blank. A whole chunk
            // is compared with itself one byte back, the byte before it
            // standing for whether a word is open: a fixed length that
            // vectorizes with no scalar remainder.
            let starts = if let Ok(run) = <&[u8; CHUNK]>::try_from(run) {
                let mut before = [if in_word { b'a' } else { b' ' }; CHUNK];
                before[1..].copy_from_slice(&run[..CHUNK - 1]);
                before.iter().zip(run).map(|(a, b)| u8::from(is_ascii_blank(a) & !is_ascii_blank(b))).sum::<u8>()
                    as usize
            } else {
                // Byte-wide sums (a chunk has fewer than 256 starts) keep
                // sixteen or more bytes to a vector instruction.
                let inner = run
                    .iter()
                    .zip(&run[1..])
                    .map(|(a, b)| u8::from(is_ascii_blank(a) & !is_ascii_blank(b)))
                    .sum::<u8>();
                inner as usize + usize::from(!in_word && !is_ascii_blank(&run[0]))
            };
            count += starts;
            in_word = !is_ascii_blank(&run[ascii - 1]);
            i += ascii;
            continue;
        }
        let c = s[i..].chars().next().expect("a char starts here");
        i += c.len_utf8();
        if c.is_whitespace() {
            in_word = false;
        } else if is_cjk(c) {
            count += 1;
            in_word = false;
        } else {
            count += usize::from(!in_word);
            in_word = true;
        }
    }
    count
}

/// How many bytes `chunk` starts with are ASCII, read eight at a time.
pub fn ascii_prefix(chunk: &[u8]) -> usize {
    let mut n = 0;
    for word in chunk.chunks_exact(8) {
        let high = u64::from_le_bytes(word.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080;
        if high != 0 {
            return n + high.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + chunk[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// Bytes [`word_count`] looks at together.
const CHUNK: usize = 64;
const _: () = assert!(CHUNK <= 256, "starts in a chunk are summed in a u8");

/// The first bytes of `s`, at most `n`, cut at a character's start.
pub(crate) fn head_of(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition the chunked count must agree with.
    fn reference(s: &str) -> usize {
        s.split_whitespace()
            .map(|token| {
                let (mut count, mut in_word) = (0, false);
                for c in token.chars() {
                    if is_cjk(c) {
                        count += 1;
                        in_word = false;
                    } else if !in_word {
                        count += 1;
                        in_word = true;
                    }
                }
                count
            })
            .sum()
    }

    #[test]
    fn short_texts_agree_with_the_definition() {
        // Every pair and triple of blanks of several kinds, format and
        // combining characters, ideographs and letters of several scripts.
        let alphabet = [
            ' ', '\t', '\u{b}', '\u{a0}', '\u{3000}', '\u{2000}', '\u{200b}', 'a', '.', 'é', '\u{301}', '中', 'й', 'ب',
            '한', '𠀀', '𝄞',
        ];
        for a in alphabet {
            for b in alphabet {
                let s: String = [a, b].iter().collect();
                assert_eq!(word_count(&s), reference(&s), "{s:?}");
                for c in alphabet {
                    let s: String = [a, b, c].iter().collect();
                    assert_eq!(word_count(&s), reference(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn chunks_agree_with_the_definition_across_their_borders() {
        // Words, blanks, ideographs and other non-ASCII characters falling
        // on every side of a chunk's border.
        let pieces = ["word", " ", "  ", "\t", "\u{a0}", "中文", "é", "’s", "x", "\u{3000}", "a-b", "𠀀", "𝄞"];
        let ascii = ["word", " ", "  ", "\t", "x", "a-b", "\n", "12.5"];
        let mut next = crate::testgen::numbers(7);
        let mut text =
            |len: usize, piece: &dyn Fn(usize) -> &'static str| -> String { (0..len).map(|_| piece(next())).collect() };
        for len in 0..400 {
            let s = text(len, &|r| pieces[r % pieces.len()]);
            assert_eq!(word_count(&s), reference(&s), "{s:?}");
        }
        // Mostly ASCII, so that whole chunks follow ASCII bytes (blank or
        // not) and, now and then, a non-ASCII character.
        for len in 0..400 {
            let s = text(len, &|r| {
                if r.is_multiple_of(50) { pieces[r / 50 % pieces.len()] } else { ascii[r % ascii.len()] }
            });
            assert_eq!(word_count(&s), reference(&s), "{s:?}");
        }
        assert_eq!(word_count(&"ab ".repeat(100)), 100);
        assert_eq!(word_count(&format!("{}中{}", "a".repeat(63), " b".repeat(40))), 42);
    }
}
