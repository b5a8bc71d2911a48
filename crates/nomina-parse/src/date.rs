//! Dates as the six languages write them, to [`IsoDate`].

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use nomina_refdata::fold::{decimal_digit, has_other_digits};
use nomina_refdata::month_from_name;
use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// A calendar date, written ISO 8601 (`2017-11-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoDate {
    year: u16,
    month: u8,
    day: u8,
}

impl IsoDate {
    /// The date, if it exists in the Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<IsoDate> {
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(IsoDate { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for IsoDate {
    type Err = String;

    fn from_str(s: &str) -> Result<IsoDate, String> {
        let bad = || format!("{s:?} is not a date of the form YYYY-MM-DD");
        let mut it = s.split('-');
        let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
            return Err(bad());
        };
        IsoDate::new(y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?)
            .ok_or_else(bad)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How to read a numeric date whose day and month could be swapped
/// (`07/10/2013`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Month first (`07/10/2013` is 10 July): the default, as on the
    /// English-language sites of the archive.
    #[default]
    MonthFirst,
    /// Day first (`07/10/2013` is 7 October).
    DayFirst,
}

/// A date read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    /// The date.
    pub date: IsoDate,
    /// Whether day and month could have been swapped, so that `order`
    /// decided.
    pub ambiguous: bool,
}

struct Patterns {
    iso: Regex,
    cjk: Regex,
    numeric: Regex,
}

/// Compiles the patterns now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    patterns();
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        iso: Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])").expect("iso pattern"),
        cjk: Regex::new(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$").expect("cjk pattern"),
        numeric: Regex::new(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$").expect("numeric pattern"),
    })
}

/// Reads a date in any of the forms the archive writes: `2017-11-01`,
/// `01 Nov 2017`, `01 2月 2020`, `1 nov. 2017`, `Feb 23, 2016`,
/// `23 February, 2016`, `23 de febrero de 2016`, `2016年2月23日`,
/// `07/10/2013`, with ASCII, full-width or Arabic-Indic digits.
///
/// A numeric date is read in `order` unless one of its numbers is over 12,
/// which settles it; when `order` decided, the result says it was ambiguous.
pub fn parse_date(s: &str, order: DateOrder) -> Option<ParsedDate> {
    // ASCII is its own NFKC and has only ASCII digits: most lines are
    // read as they are, without a copy.
    // Other text that NFKC leaves alone (the quick check, far cheaper than
    // normalizing a long line of prose) and that has no digits of another
    // script is read as it is too.
    let folded: String;
    let s = if s.is_ascii() || (is_nfkc_quick(s.chars()) == IsNormalized::Yes && !has_other_digits(s)) {
        s.trim()
    } else {
        folded = s.nfkc().map(|c| decimal_digit(c).unwrap_or(c)).collect();
        folded.trim()
    };
    parse_folded(s, order)
}

/// [`parse_date`] of text already in NFKC with ASCII digits, trimmed.
fn parse_folded(s: &str, order: DateOrder) -> Option<ParsedDate> {
    let p = patterns();
    let num = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u16>().ok());
    if let Some(c) = p.iso.captures(s).or_else(|| p.cjk.captures(s)) {
        let date = IsoDate::new(num(c.get(1))?, num(c.get(2))? as u8, num(c.get(3))? as u8)?;
        return Some(ParsedDate { date, ambiguous: false });
    }
    if let Some(c) = p.numeric.captures(s) {
        let (a, b, year) = (num(c.get(1))? as u8, num(c.get(2))? as u8, num(c.get(3))?);
        let month_first = IsoDate::new(year, a, b);
        let day_first = IsoDate::new(year, b, a);
        return match (month_first, day_first) {
            (Some(m), Some(d)) if m != d => {
                Some(ParsedDate { date: if order == DateOrder::MonthFirst { m } else { d }, ambiguous: true })
            }
            (Some(date), _) | (None, Some(date)) => Some(ParsedDate { date, ambiguous: false }),
            (None, None) => None,
        };
    }
    words(s)
}

/// A date of a day, a month written as a word (`Nov`, `2月`, `ноября`) and
/// a year, in any order; particles of up to three letters (`de`, `le`) are
/// passed over.
fn words(s: &str) -> Option<ParsedDate> {
    let (mut day, mut month, mut year) = (None, None, None);
    for token in s.split(|c: char| c.is_whitespace() || c == ',' || c == '،').filter(|t| !t.is_empty()) {
        let digits = token.trim_end_matches(['.', '日']);
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let n: u32 = digits.parse().ok()?;
            match digits.len() {
                4 if year.is_none() => year = Some(n as u16),
                1 | 2 if day.is_none() => day = Some(n as u8),
                _ => return None,
            }
        } else if let Some(m) = month_from_name(token) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if token.chars().any(|c| c.is_ascii_digit()) || token.chars().count() > 3 {
            // A number inside an unknown word, or a word longer than the
            // particles dates carry (`de`, `le`, `of`, `г.`): not a date.
            return None;
        }
    }
    let date = IsoDate::new(year?, month?, day?)?;
    Some(ParsedDate { date, ambiguous: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s, DateOrder::MonthFirst).map(|d| d.date.to_string())
    }

    #[test]
    fn every_written_form() {
        for (text, want) in [
            ("01 Nov 2017", "2017-11-01"),
            ("01 2月 2020", "2020-02-01"),
            ("1 nov. 2017", "2017-11-01"),
            ("01 ноя 2017", "2017-11-01"),
            ("01 noviembre 2017", "2017-11-01"),
            ("01 نوفمبر 2017", "2017-11-01"),
            ("٠١ نوفمبر ٢٠١٧", "2017-11-01"),
            ("０１ Nov ２０１７", "2017-11-01"),
            ("Feb 23, 2016", "2016-02-23"),
            ("23 February, 2016", "2016-02-23"),
            ("23 février 2016", "2016-02-23"),
            ("23 de febrero de 2016", "2016-02-23"),
            ("2016-02-23", "2016-02-23"),
            ("2016年2月23日", "2016-02-23"),
            ("25/10/2013", "2013-10-25"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn ambiguous_numeric_dates_follow_the_order() {
        let m = parse_date("07/10/2013", DateOrder::MonthFirst).unwrap();
        assert_eq!((m.date.to_string().as_str(), m.ambiguous), ("2013-07-10", true));
        let d = parse_date("07/10/2013", DateOrder::DayFirst).unwrap();
        assert_eq!((d.date.to_string().as_str(), d.ambiguous), ("2013-10-07", true));
        // One number over 12 settles it, whatever the order.
        let u = parse_date("25/10/2013", DateOrder::MonthFirst).unwrap();
        assert!(!u.ambiguous);
        // The same number twice is no ambiguity.
        assert!(!parse_date("05/05/2013", DateOrder::MonthFirst).unwrap().ambiguous);
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(IsoDate::new(2017, 11, 1).unwrap().to_string(), "2017-11-01");
        assert!(IsoDate::new(2019, 2, 29).is_none());
        assert!(IsoDate::new(2020, 2, 29).is_some());
        assert!(IsoDate::new(2020, 13, 1).is_none());
        assert_eq!("2016-02-23".parse::<IsoDate>().unwrap(), IsoDate::new(2016, 2, 23).unwrap());
        assert!("2016-02-30".parse::<IsoDate>().is_err());
    }

    #[test]
    fn text_read_as_it_is_reads_as_normalized() {
        // The definition: NFKC, digits of every script as ASCII, trimmed.
        let reference = |s: &str| {
            let folded: String = s.nfkc().map(|c| decimal_digit(c).unwrap_or(c)).collect();
            parse_folded(folded.trim(), DateOrder::MonthFirst)
        };
        let texts = [
            "23 février 2016",
            "23 fe\u{301}vrier 2016",
            "٠١ نوفمبر ٢٠١٧",
            "۰۱ نوفمبر ۲۰۱۷",
            "０１ Nov ２０１７",
            "ＦＥＢ 23, 2016",
            "2016年2月23日",
            "２０１６年２月２３日",
            "01 ноя 2017",
            "\u{3000}01 2月 2020\u{a0}",
            "Seoul’s 23 February 2016",
            "ﬁve 2016",
            "The city’s council met on 23 February 2016 to decide on the programme’s next steps.",
        ];
        for text in texts {
            assert_eq!(parse_date(text, DateOrder::MonthFirst), reference(text), "{text}");
        }
        let found = texts.iter().filter(|t| parse_date(t, DateOrder::MonthFirst).is_some()).count();
        assert_eq!(found, 10);
    }

    #[test]
    fn not_dates() {
        for text in ["", "soon", "31 Feb 2017", "13/13/2013", "2017", "Nov 2017", "Question 3 2017"] {
            assert_eq!(iso(text), None, "{text}");
        }
    }
}
