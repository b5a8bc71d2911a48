//! UNPSA award categories by year.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::tsv;

const CATEGORIES_TSV: &str = include_str!("../data/categories.tsv");

/// An UNPSA award category, by its official English name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The official English name.
    pub name: &'static str,
    /// Whether it is a special category (the 2022 COVID-19 one).
    pub special: bool,
    /// The award years that had it, ascending.
    pub years: Vec<u16>,
}

impl Category {
    /// The category any of whose names (English, or a known translation) is
    /// `name`, compared folded.
    pub fn from_name(name: &str) -> Option<&'static Category> {
        let t = tables();
        t.by_name.get(&crate::fold(name)).map(|&i| &t.categories[i])
    }

    /// The one category whose English name `name` words differently but
    /// for endings (`Promotion of integrated mechanism for sustainable
    /// development`): every word of four letters or more of each is a form
    /// of one of the other's ([`crate::fold::same_stem`]); or a shortening
    /// of at least four such words that leaves out one
    /// (`Integrated mechanisms for sustainable development`).
    pub fn from_english_words(name: &str) -> Option<&'static Category> {
        let words = |s: &str| -> Vec<String> {
            crate::fold(s)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .map(str::to_string)
                .collect()
        };
        let covers = |xs: &[String], ys: &[String]| xs.iter().all(|x| ys.iter().any(|y| crate::fold::same_stem(x, y)));
        let mine = words(name);
        if mine.len() < 2 {
            return None;
        }
        let mut found = tables().categories.iter().filter(|c| {
            let theirs = words(c.name);
            let missing = theirs.iter().filter(|y| !mine.iter().any(|x| crate::fold::same_stem(x, y))).count();
            covers(&mine, &theirs) && (missing == 0 || missing == 1 && mine.len() >= MIN_SHORTENED_WORDS)
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }
}

/// The fewest words of four letters or more a shortened category name
/// keeps (see [`Category::from_english_words`]).
const MIN_SHORTENED_WORDS: usize = 4;

struct Tables {
    categories: Vec<Category>,
    by_name: HashMap<String, usize>,
}

/// Builds the tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    tables();
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let rows: Vec<_> = tsv::rows(CATEGORIES_TSV, 5).collect();
        let mut categories: Vec<Category> = Vec::new();
        let mut by_name = HashMap::default();
        // (year, number) of each row to its category, so that translations
        // join the English name of the same year and number.
        let mut by_slot: HashMap<(&str, &str), usize> = HashMap::default();
        for row in rows.iter().filter(|r| r[3] == "en") {
            let year: u16 = row[0].parse().expect("categories.tsv: year");
            let index = match by_name.get(&crate::fold(row[4])) {
                Some(&i) => i,
                None => {
                    categories.push(Category { name: row[4], special: row[2] == "true", years: vec![] });
                    by_name.insert(crate::fold(row[4]), categories.len() - 1);
                    categories.len() - 1
                }
            };
            categories[index].years.push(year);
            by_slot.insert((row[0], row[1]), index);
        }
        for row in rows.iter().filter(|r| r[3] != "en") {
            if let Some(&i) = by_slot.get(&(row[0], row[1])) {
                by_name.entry(crate::fold(row[4])).or_insert(i);
            }
        }
        for c in &mut categories {
            c.years.sort_unstable();
            c.years.dedup();
        }
        Tables { categories, by_name }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_name() {
        let c = Category::from_name("Promoting integrated mechanisms for sustainable development").unwrap();
        assert!(!c.special);
        assert_eq!(c.years, [2020]);
    }

    #[test]
    fn chinese_name_of_the_special_category() {
        let c = Category::from_name("特殊类别:针对2019冠状病毒病的恢复机制和创新应对").unwrap();
        assert_eq!(c.name, "Institutional resilience and innovative responses to the COVID-19 pandemic");
        assert!(c.special);
    }

    #[test]
    fn an_english_name_worded_with_other_endings() {
        let c = Category::from_english_words("Promotion of integrated mechanism for sustainable development").unwrap();
        assert_eq!(c.name, "Promoting integrated mechanisms for sustainable development");
        // One word left out of four or more kept: a shortening.
        let c = Category::from_english_words("Integrated mechanisms for sustainable development").unwrap();
        assert_eq!(c.name, "Promoting integrated mechanisms for sustainable development");
        // More words missing, or one added: no category.
        assert!(Category::from_english_words("Promoting integrated mechanisms").is_none());
        assert!(Category::from_english_words("Integrated mechanisms for development").is_none());
        assert!(
            Category::from_english_words("Promoting integrated mechanisms for sustainable rural development").is_none()
        );
        assert!(Category::from_english_words("Promover mecanismos integrados para el desarrollo sostenible").is_none());
    }

    #[test]
    fn a_category_of_several_years() {
        let c = Category::from_name("Improving the delivery of public services").unwrap();
        assert_eq!(c.years, [2011, 2012, 2013, 2015]);
    }
}
