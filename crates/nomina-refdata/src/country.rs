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
        if let Some(c) = lookup(name) {
            return Some(c);
        }
        let inversions = inverted(name.trim());
        inversions
            .iter()
            .find_map(|n| lookup(n))
            .or_else(|| abbreviated(name))
            // An inverted name with an abbreviated word, as the World Bank
            // lists them (`Korea, Rep.`, `Egypt, Arab Rep.`).
            .or_else(|| inversions.iter().find_map(|n| abbreviated(n)))
            .or_else(|| long_form(name))
    }

    /// The country with ISO code `iso2` (case-insensitive).
    pub fn from_iso2(iso2: &str) -> Option<Country> {
        by_name().values().find(|c| c.iso2.eq_ignore_ascii_case(iso2)).copied()
    }
}

/// The country of a name in the table, compared folded, the English
/// article before it left out where the name has none (`the Republic of
/// Korea` from ISO 3166's `Korea (the Republic of)`, `the Gambia`).
fn lookup(name: &str) -> Option<Country> {
    let folded = crate::fold(name);
    let table = by_name();
    table.get(&folded).or_else(|| table.get(folded.strip_prefix("the ")?)).copied()
}

/// The names an inverted name stands for, as lists and registers write
/// them: `Korea, Republic of` and `Корея, Республика` for the name in its
/// usual order; `Corée (République de)` for the same, and for the name
/// before a parenthesis that qualifies it (`جمهورية كوريا (كوريا الجنوبية)`).
fn inverted(name: &str) -> Vec<String> {
    if let Some((head, tail)) = name.split_once(',') {
        let (head, tail) = (head.trim(), tail.trim());
        if !head.is_empty() && !tail.is_empty() && !tail.contains(',') {
            return vec![format!("{tail} {head}")];
        }
    }
    if let Some(inner) = name.strip_suffix([')', '）'])
        && let Some(open) = inner.rfind(['(', '（'])
    {
        let head = inner[..open].trim();
        let tail = inner[open..].trim_start_matches(['(', '（']).trim();
        if !head.is_empty() && !tail.is_empty() {
            return vec![format!("{tail} {head}"), head.to_string(), tail.to_string()];
        }
    }
    Vec::new()
}

/// The one country a name with abbreviated words names (`Rep. de Corea`,
/// `Fed. Rep. of Germany` no: every word must stand for one of the name's,
/// in order): each word ending in a full stop is the start of the name's
/// word in its place, the others the word itself.
fn abbreviated(name: &str) -> Option<Country> {
    let words: Vec<(String, bool)> = name
        .split_whitespace()
        .map(|w| (crate::fold(w.trim_end_matches('.')), w.len() > 2 && w.ends_with('.')))
        .collect();
    if !words.iter().any(|&(_, short)| short) || words.iter().any(|(w, _)| w.is_empty()) {
        return None;
    }
    let mut found: Option<Country> = None;
    for (full, country) in by_name() {
        // A particle the short form leaves out (`Rep. Korea` for `Republic
        // of Korea`) is passed over.
        let particle = |f: &&str| words.len() > 1 && PARTICLES.contains(f) && !words.iter().any(|(w, _)| w == f);
        let mut full_words = full.split_whitespace().filter(|f| !particle(f));
        let fits = words.iter().all(|(w, short)| {
            full_words.next().is_some_and(|f| if *short { f.starts_with(w.as_str()) && f != w } else { f == w })
        }) && full_words.next().is_none();
        if fits {
            match found {
                Some(c) if c != *country => return None,
                _ => found = Some(*country),
            }
        }
    }
    found
}

/// The words that open a country's long form before its short name, in
/// the six languages (`Republic of Uzbekistan`, `Республика Узбекистан`,
/// `Reino de Marruecos`), and those that close it in Chinese
/// (`乌兹别克斯坦共和国`).
const STATE_FORMS: [&str; 17] = [
    "Republic of",
    "Kingdom of",
    "République de",
    "République du",
    "Royaume de",
    "Royaume du",
    "República de",
    "República del",
    "Reino de",
    "Республика",
    "Королевство",
    "جمهورية",
    "المملكة",
    "Republic",
    "Kingdom",
    "共和国",
    "王国",
];

/// The country a long form names whose table holds only the short name
/// (`Республика Узбекистан` for `Узбекистан`): the state's form before the
/// name (after it in Chinese) left out, the rest a name of the table.
fn long_form(name: &str) -> Option<Country> {
    let folded = crate::fold(name);
    STATE_FORMS.iter().find_map(|form| {
        let form = crate::fold(form);
        let rest = folded
            .strip_prefix(form.as_str())
            .and_then(|r| r.strip_prefix(' '))
            .or_else(|| folded.strip_suffix(form.as_str()).filter(|r| !r.is_empty() && !r.ends_with(' ')))?;
        by_name().get(rest.trim()).copied()
    })
}

/// Words joining a country's name to its kind (`Republic of Korea`,
/// `República de Corea`), folded.
const PARTICLES: [&str; 6] = ["of", "the", "de", "del", "du", "la"];

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
    fn inverted_and_abbreviated_names() {
        for name in [
            "Korea, Republic of",
            "Корея, Республика",
            "Corée (République de)",
            "جمهورية كوريا (كوريا الجنوبية)",
            "Rep. de Corea",
            "Rép. de Corée",
            // The World Bank's name.
            "Korea, Rep.",
            // ISO 3166's English short name.
            "Korea (the Republic of)",
        ] {
            let c = Country::from_name(name).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!(c.iso2, "KR", "{name}");
        }
        assert_eq!(Country::from_name("Congo, Dem. Rep.").map(|c| c.iso2), Some("CD"));
        for (name, iso2) in
            [("Netherlands (the)", "NL"), ("the Gambia", "GM"), ("Bolivia (Plurinational State of)", "BO")]
        {
            assert_eq!(Country::from_name(name).map(|c| c.iso2), Some(iso2), "{name}");
        }
        // An abbreviation that fits two countries names neither.
        assert_eq!(Country::from_name("Rep."), None);
        assert_eq!(Country::from_name("Korea, of, Republic"), None);
    }

    #[test]
    fn a_long_form_names_the_country_of_its_short_name() {
        for name in ["Республика Таджикистан", "Republic of Tajikistan", "República de Tayikistán", "塔吉克斯坦共和国"]
        {
            let c = Country::from_name(name).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!(c.iso2, "TJ", "{name}");
        }
        assert_eq!(Country::from_name("Reino de Marruecos").map(|c| c.iso2), Some("MA"));
        // The form alone, or before no country's name, names none.
        assert_eq!(Country::from_name("Republic of"), None);
        assert_eq!(Country::from_name("Республика Атлантида"), None);
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
