//! Traditional Chinese characters and their simplified forms (OpenCC).

use crate::{RefgenError, Sources, bad};

/// Rows `traditional simplified`: one character each, different, both
/// ideographs, so that folding text a character at a time reads a form in
/// traditional characters (`大韓民國`) as the simplified one the tables hold
/// (`大韩民国`).
pub fn simplified(src: &Sources) -> Result<Vec<Vec<String>>, RefgenError> {
    let mut rows = Vec::with_capacity(src.ts_characters.len());
    for (traditional, simplified) in &src.ts_characters {
        let one = |s: &str| {
            let mut chars = s.chars();
            chars.next().filter(|c| is_ideograph(*c) && chars.next().is_none())
        };
        match (one(traditional), one(simplified)) {
            (Some(t), Some(s)) if t != s => rows.push(vec![traditional.clone(), simplified.clone()]),
            _ => return Err(bad(format!("opencc/ts_characters.json: {traditional:?} -> {simplified:?}"))),
        }
    }
    if rows.len() < 2000 {
        return Err(bad(format!("opencc/ts_characters.json: only {} mappings", rows.len())));
    }
    Ok(rows)
}

/// CJK unified ideographs (the basic block, extension A and the
/// supplementary planes' extensions) and compatibility ideographs.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}
