//! Month names in the six UN languages.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::tsv;

const MONTHS_TSV: &str = include_str!("../data/months.tsv");

/// Shortest abbreviation taken as a prefix of a month's name.
const MIN_PREFIX_CHARS: usize = 3;

/// The month (1 to 12) that `name` names in any of the six languages, wide
/// or abbreviated (`Nov`, `novembre`, `nov.`, `2月`, `نوفمبر`), compared
/// folded. Abbreviations that other systems make (`ноя` for CLDR's `нояб.`)
/// are accepted when they are the start of one month's names only.
pub fn month_from_name(name: &str) -> Option<u8> {
    static TABLE: OnceLock<(HashMap<String, u8>, Vec<char>, Prefixes)> = OnceLock::new();
    let (table, firsts, prefixes) = TABLE.get_or_init(|| {
        let mut table = HashMap::default();
        let mut firsts = Vec::new();
        for row in tsv::rows(MONTHS_TSV, 3) {
            let month: u8 = row[2].parse().expect("months.tsv: month number");
            let folded = crate::fold(row[1]);
            // The first letters a month name may start with, as written and
            // folded, in either case: most words are known to name none
            // without folding them.
            for c in row[1].chars().take(1).chain(folded.chars().take(1)) {
                firsts.extend(c.to_lowercase().chain(c.to_uppercase()));
            }
            table.entry(folded).or_insert(month);
        }
        firsts.sort_unstable();
        firsts.dedup();
        let prefixes = prefixes_of(&table);
        (table, firsts, prefixes)
    });
    let first = name.trim_start().chars().next()?;
    if first.is_alphabetic() && !first.is_ascii() && firsts.binary_search(&first).is_err() {
        // Letters outside ASCII may fold to a month's first letter (`É`):
        // only those that fold to none of them are passed over.
        if crate::fold(&first.to_string()).chars().next().is_none_or(|f| firsts.binary_search(&f).is_err()) {
            return None;
        }
    } else if first.is_ascii_alphabetic() && firsts.binary_search(&first).is_err() {
        return None;
    }
    let folded = crate::fold(name);
    if let Some(&m) = table.get(&folded) {
        return Some(m);
    }
    if folded.chars().count() < MIN_PREFIX_CHARS {
        return None;
    }
    prefixes.get(&folded).copied().flatten()
}

/// Every start of a folded name of at least [`MIN_PREFIX_CHARS`]
/// characters, with the month of the names it starts, or `None` where it
/// starts names of two months: looked up at once rather than compared with
/// every name.
type Prefixes = HashMap<String, Option<u8>>;

fn prefixes_of(table: &HashMap<String, u8>) -> Prefixes {
    let mut prefixes = Prefixes::default();
    for (full, &m) in table {
        let ends = full.char_indices().map(|(i, _)| i).skip(MIN_PREFIX_CHARS).chain([full.len()]);
        for end in ends {
            prefixes
                .entry(full[..end].to_string())
                .and_modify(|seen| {
                    if *seen != Some(m) {
                        *seen = None;
                    }
                })
                .or_insert(Some(m));
        }
    }
    prefixes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_six_languages() {
        for (name, m) in [
            ("Nov", 11),
            ("November", 11),
            ("nov.", 11),
            ("novembre", 11),
            ("noviembre", 11),
            ("ноя", 11),
            ("ноября", 11),
            ("Sep", 9),
            ("janv", 1),
            ("2月", 2),
            ("二月", 2),
            ("نوفمبر", 11),
            ("févr.", 2),
        ] {
            assert_eq!(month_from_name(name), Some(m), "{name}");
        }
        // The Levantine names (CLDR's ar-SY and its neighbours) are Arabic
        // months too; `تشرين` alone starts two of them.
        for (name, m) in [("تشرين الثاني", 11), ("كانون الثاني", 1), ("شباط", 2), ("آب", 8)]
        {
            assert_eq!(month_from_name(name), Some(m), "{name}");
        }
        assert_eq!(month_from_name("تشرين"), None);
        assert_eq!(month_from_name("Smarch"), None);
        assert_eq!(month_from_name("novem"), Some(11));
        // `ma` starts both March and May.
        assert_eq!(month_from_name("ma"), None);
    }

    #[test]
    fn prefixes_found_as_by_comparing_every_name() {
        // The definition: the one month of every name starting with the
        // word, folded.
        let mut table: HashMap<String, u8> = HashMap::default();
        for r in tsv::rows(MONTHS_TSV, 3) {
            table.entry(crate::fold(r[1])).or_insert(r[2].parse().expect("a month"));
        }
        let prefixes = prefixes_of(&table);
        let by_scan = |folded: &str| {
            let mut found = None;
            for (full, &m) in &table {
                if full.starts_with(folded) {
                    match found {
                        Some(other) if other != m => return None,
                        _ => found = Some(m),
                    }
                }
            }
            found
        };
        let mut words: Vec<String> = Vec::new();
        for full in table.keys() {
            for (i, _) in full.char_indices().chain([(full.len(), ' ')]) {
                words.push(full[..i].to_string());
                words.push(format!("{}x", &full[..i]));
            }
        }
        words.extend(["smarch", "mar", "ma", "ju", "jun", "xyz"].map(String::from));
        for w in &words {
            if w.chars().count() >= MIN_PREFIX_CHARS {
                assert_eq!(prefixes.get(w).copied().flatten(), by_scan(w), "{w:?}");
            }
        }
    }
}
