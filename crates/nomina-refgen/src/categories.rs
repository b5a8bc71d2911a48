//! UNPSA award categories by year (`unpsa/unpsa-categories.md`).
//!
//! The file is a Markdown list, one bullet a year (or years):
//! `- 2011, 2012: 1 Name; 2 Name.`, `- 2022: 1 to 3 as in 2021, and a special
//! category: Name (Chinese, as the form shows it: 名称).` Prose after the list
//! is not data.

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use crate::text::{clean, strip};
use crate::{RefgenError, bad};

/// One category name of a year: (number or `S`, special, lang, name).
type Entry = (String, &'static str, &'static str, String);

const SPECIAL_CLAUSE: &str = "and a special category:";

/// The bullets of the list, each joined with its indented continuation lines.
fn bullets(text: &str) -> Vec<String> {
    let mut bullets: Vec<Option<String>> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("- ") {
            bullets.push(Some(rest.to_string()));
        } else if !bullets.is_empty() && line.starts_with([' ', '\t']) && !strip(line).is_empty() {
            if let Some(Some(last)) = bullets.last_mut() {
                last.push(' ');
                last.push_str(strip(line));
            }
        } else if strip(line).is_empty() || bullets.is_empty() {
            continue;
        } else {
            bullets.push(None); // the end of the list: later prose is not data
        }
    }
    bullets.into_iter().flatten().filter(|b| !b.is_empty()).collect()
}

/// Splits a bullet's body into clauses: at `;`, and at the `,` before
/// `and a special category:`.
fn clauses(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != ';' && c != ',' {
            continue;
        }
        let after = i + 1;
        let rest = &body[after..];
        let next = after + (rest.len() - rest.trim_start_matches(char::is_whitespace).len());
        if c == ';' || body[next..].starts_with(SPECIAL_CLAUSE) {
            out.push(&body[start..i]);
            start = next;
            while chars.peek().is_some_and(|(j, _)| *j < next) {
                chars.next();
            }
        }
    }
    out.push(&body[start..]);
    out
}

/// The English name and, when the file notes it, the Chinese name a form
/// shows: `Name (Chinese, as the form shows it: 名称)`.
fn split_zh<'a>(re: &Regex, text: &'a str) -> (&'a str, Option<&'a str>) {
    match re.captures(text) {
        Some(caps) => (caps.name("en").map_or("", |m| m.as_str()), caps.name("zh").map(|m| m.as_str())),
        None => (text, None),
    }
}

/// Rows `year number special lang name`, sorted by year, then number (the
/// special category last), then the rest.
pub fn categories(text: &str) -> Result<Vec<Vec<String>>, RefgenError> {
    let where_ = "unpsa/unpsa-categories.md";
    let bullet_re = Regex::new(r"^(\d{4}(?:\s*,\s*\d{4})*):\s*(.+?)\.?$").expect("valid pattern");
    let year_re = Regex::new(r"\d{4}").expect("valid pattern");
    let copy_re = Regex::new(r"^(\d+) to (\d+) as in (\d{4})$").expect("valid pattern");
    let special_re = Regex::new(r"^(?:and )?a special category:\s*(.+)$").expect("valid pattern");
    let numbered_re = Regex::new(r"^(\d+) (.+)$").expect("valid pattern");
    let zh_re =
        Regex::new(r"^(?P<en>.*?)\s*\(Chinese, as the form shows it:\s*(?P<zh>[^()]+)\)$").expect("valid pattern");

    let bullets = bullets(text);
    if bullets.is_empty() {
        return Err(bad(format!("{where_}: no category bullets found")));
    }
    let number =
        |s: &str| -> Result<u32, RefgenError> { s.parse().map_err(|_| bad(format!("{where_}: number {s:?}"))) };

    let mut by_year: BTreeMap<u32, Vec<Entry>> = BTreeMap::new();
    // (year, first, last, from year), resolved after every year is read
    let mut pending_copies: Vec<(u32, u32, u32, u32)> = Vec::new();
    for bullet in bullets {
        let bullet = clean(&bullet);
        let caps =
            bullet_re.captures(&bullet).ok_or_else(|| bad(format!("{where_}: cannot read bullet {bullet:?}")))?;
        let years = year_re.find_iter(&caps[1]).map(|m| number(m.as_str())).collect::<Result<Vec<_>, _>>()?;
        let mut entries: Vec<Entry> = Vec::new();
        let mut copies = Vec::new();
        for clause in clauses(&caps[2]) {
            let clause = strip(clause);
            if let Some(c) = copy_re.captures(clause) {
                copies.push((number(&c[1])?, number(&c[2])?, number(&c[3])?));
            } else if let Some(c) = special_re.captures(clause) {
                let (en, zh) = split_zh(&zh_re, c.get(1).map_or("", |m| m.as_str()));
                entries.push(("S".to_string(), "true", "en", clean(en)));
                if let Some(zh) = zh {
                    entries.push(("S".to_string(), "true", "zh", clean(zh)));
                }
            } else if let Some(c) = numbered_re.captures(clause) {
                let (en, zh) = split_zh(&zh_re, c.get(2).map_or("", |m| m.as_str()));
                entries.push((c[1].to_string(), "false", "en", clean(en)));
                if let Some(zh) = zh {
                    entries.push((c[1].to_string(), "false", "zh", clean(zh)));
                }
            } else {
                return Err(bad(format!("{where_}: cannot read clause {clause:?} in {bullet:?}")));
            }
        }
        for year in years {
            if by_year.insert(year, entries.clone()).is_some() {
                return Err(bad(format!("{where_}: year {year} listed twice")));
            }
            pending_copies.extend(copies.iter().map(|&(first, last, from)| (year, first, last, from)));
        }
    }
    for (year, first, last, from) in pending_copies {
        let wanted: BTreeSet<String> = (first..=last).map(|n| n.to_string()).collect();
        let copied: Vec<Entry> =
            by_year.get(&from).into_iter().flatten().filter(|e| wanted.contains(&e.0)).cloned().collect();
        if copied.iter().map(|e| e.0.clone()).collect::<BTreeSet<_>>() != wanted {
            return Err(bad(format!("{where_}: {year} copies {first}-{last} from {from}, which lacks some")));
        }
        by_year.entry(year).or_default().extend(copied);
    }

    let mut rows = BTreeSet::new();
    for (year, entries) in &by_year {
        let mut numbers: Vec<u32> =
            entries.iter().filter(|e| e.0 != "S" && e.2 == "en").map(|e| number(&e.0)).collect::<Result<_, _>>()?;
        numbers.sort_unstable();
        if numbers != (1..=numbers.len() as u32).collect::<Vec<_>>() {
            return Err(bad(format!("{where_}: {year} category numbers {numbers:?} are not 1..n")));
        }
        for (number, special, lang, name) in entries {
            // The special category sorts after the numbered ones.
            let order = if number == "S" { (1, 0) } else { (0, number.parse::<u32>().unwrap_or(0)) };
            rows.insert((*year, order, *special, *lang, name.clone(), number.clone()));
        }
    }
    Ok(rows
        .into_iter()
        .map(|(year, _, special, lang, name, number)| {
            vec![year.to_string(), number, special.to_string(), lang.to_string(), name]
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_at_semicolons_and_before_the_special_category() {
        assert_eq!(clauses("1 A; 2 B, C;  3 D"), ["1 A", "2 B, C", "3 D"]);
        assert_eq!(
            clauses("1 to 3 as in 2021, and a special category: X"),
            ["1 to 3 as in 2021", "and a special category: X"]
        );
    }

    #[test]
    fn a_year_copies_categories_of_another_and_adds_a_special_one() {
        let text = "# t\n\n- 2021: 1 One; 2 Two\n  continued; 3 Three.\n- 2022: 1 to 2 as in 2021, and a special \
                    category: Sp (Chinese, as the form shows it: 特).\n\nProse.\n";
        let rows: Vec<String> = categories(text).unwrap().into_iter().map(|r| r.join("|")).collect();
        assert_eq!(
            rows,
            [
                "2021|1|false|en|One",
                "2021|2|false|en|Two continued",
                "2021|3|false|en|Three",
                "2022|1|false|en|One",
                "2022|2|false|en|Two continued",
                "2022|S|true|en|Sp",
                "2022|S|true|zh|特",
            ]
        );
    }

    #[test]
    fn numbers_must_run_from_one() {
        let err = categories("- 2021: 1 One; 3 Three.\n").unwrap_err();
        assert!(err.to_string().contains("2021 category numbers [1, 3] are not 1..n"), "{err}");
    }
}
