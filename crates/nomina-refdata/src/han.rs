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
}
