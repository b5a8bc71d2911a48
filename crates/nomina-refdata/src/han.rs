//! Traditional Chinese characters read as their simplified forms.

use std::sync::OnceLock;

use crate::tsv;

const HAN_SIMPLIFIED_TSV: &str = include_str!("../data/han_simplified.tsv");

/// The block most ideographs of both writings are in (extension A and the
/// unified ideographs), looked up by index; the few mapped characters
/// outside it are searched for.
const DENSE: std::ops::Range<u32> = 0x3400..0xA000;

struct Table {
    /// For each character of [`DENSE`], its simplified form, or 0 when it
    /// has none of its own.
    dense: Vec<u32>,
    /// The other mapped characters, sorted.
    sparse: Vec<(char, char)>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table { dense: vec![0; (DENSE.end - DENSE.start) as usize], sparse: Vec::new() };
        for row in tsv::rows(HAN_SIMPLIFIED_TSV, 2) {
            let one = |s: &str| s.chars().next().expect("han_simplified.tsv: an empty cell");
            let (from, to) = (one(row[0]), one(row[1]));
            if DENSE.contains(&(from as u32)) {
                t.dense[(from as u32 - DENSE.start) as usize] = to as u32;
            } else {
                t.sparse.push((from, to));
            }
        }
        t.sparse.sort_unstable();
        t
    })
}

/// Builds the table now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    table();
}

/// `c` as simplified Chinese writes it (`韓` → `韩`, `國` → `国`), from
/// OpenCC's character table; any other character as it is.
pub fn simplified(c: char) -> char {
    let t = table();
    let u = c as u32;
    if DENSE.contains(&u) {
        return match t.dense[(u - DENSE.start) as usize] {
            0 => c,
            s => char::from_u32(s).unwrap_or(c),
        };
    }
    t.sparse.binary_search_by_key(&c, |p| p.0).map_or(c, |i| t.sparse[i].1)
}

/// `text` with every traditional character whose simplified form takes as
/// many bytes written as simplified, or `None` when none is there. What is
/// found in the copy is found at the same byte offsets in `text`, so that
/// the words of the tables, which are simplified, are found in a page
/// written in traditional characters and the page is cut where they stand.
pub fn simplified_text(text: &str) -> Option<String> {
    // Ideographs of both writings are written with lead bytes 0xE3 to 0xE9
    // (U+3000 to U+9FFF); text without them has none to map. Tested a block
    // at a time without stopping early, which the compiler vectorizes.
    let lead = |b: &u8| b.wrapping_sub(0xE3) < 7;
    if !text.as_bytes().chunks(64).any(|c| c.iter().fold(false, |a, b| a | lead(b))) {
        return None;
    }
    let maps = |c: char| {
        let s = simplified(c);
        (s != c && s.len_utf8() == c.len_utf8()).then_some(s)
    };
    // Most Chinese text is simplified already: nothing is copied for it.
    let (first, _) = text.char_indices().find(|&(_, c)| maps(c).is_some())?;
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    out.extend(text[first..].chars().map(|c| maps(c).unwrap_or(c)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_read_as_simplified() {
        let read = |s: &str| s.chars().map(simplified).collect::<String>();
        assert_eq!(read("大韓民國"), "大韩民国");
        assert_eq!(read("永續發展目標"), "永续发展目标");
        // Simplified text, kana and Latin letters are left as they are.
        assert_eq!(read("大韩民国 かな Korea"), "大韩民国 かな Korea");
    }

    #[test]
    fn a_traditional_text_keeps_its_byte_offsets() {
        let text = "記者:林家慶 發佈時間:2023-08-27";
        let s = simplified_text(text).unwrap();
        assert_eq!(s, "记者:林家庆 发布时间:2023-08-27");
        assert_eq!(s.len(), text.len());
        assert_eq!(simplified_text("记者 Korea"), None);
        assert_eq!(simplified_text("plain text"), None);
    }
}
