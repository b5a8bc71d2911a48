//! Counting words, the way the record and the news rules count them.

use nomina_refdata::fold::is_cjk;

/// `char::is_whitespace` on ASCII (which, unlike `u8::is_ascii_whitespace`,
/// counts the vertical tab).
pub fn is_ascii_blank(b: &u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whitespace-separated tokens, each CJK ideograph counting as one word.
pub fn word_count(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Most text is ASCII: a byte test instead of decoding.
        if b < 0x80 {
            let blank = is_ascii_blank(&b);
            count += usize::from(!blank && !in_word);
            in_word = !blank;
            i += 1;
        } else {
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
    }
    count
}
