//! Dates as the six languages write them, to [`IsoDate`].

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use nomina_refdata::fold::{decimal_digit, has_other_digits};
use nomina_refdata::month_from_name;
use regex::Regex;

use crate::words::letter;
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

/// The patterns with `digit` for a digit: `[0-9]` for text whose digits are
/// all ASCII (the Unicode `\d` class costs millions of instructions to
/// compile), `\d` for the rest.
fn patterns_with(digit: &str) -> Patterns {
    let pattern = |p: &str| p.replace("DIGIT", digit);
    Patterns {
        iso: Regex::new(&pattern(r"^(DIGIT{4})[-/.](DIGIT{1,2})[-/.](DIGIT{1,2})(?:$|[T\s])")).expect("iso pattern"),
        cjk: Regex::new(&pattern(r"^(DIGIT{4})\s*年\s*(DIGIT{1,2})\s*月\s*(DIGIT{1,2})\s*[日号號]?$"))
            .expect("cjk pattern"),
        numeric: Regex::new(&pattern(r"^(DIGIT{1,2})\s*[/.\-]\s*(DIGIT{1,2})\s*[/.\-]\s*(DIGIT{4}|DIGIT{2})$"))
            .expect("numeric pattern"),
    }
}

/// The patterns for `s`: on text without a numeric character beyond ASCII
/// `\d` and `[0-9]` match alike, and the cheaper ones serve.
fn patterns_for(s: &str) -> &'static Patterns {
    if s.is_ascii() || !s.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
        return patterns();
    }
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| patterns_with(r"\d"))
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| patterns_with("[0-9]"))
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
    parse_folded(s, order).or_else(|| chinese_numeral_date(s)).or_else(|| republic_era_date(s)).or_else(|| {
        // A date a clock time follows, as exports of date fields print them
        // (`01/11/2017 0:00:00`, `2017-11-01 12:00 AM`).
        let date = without_clock_time(s).or_else(|| without_bracketed_remark(s))?;
        parse_folded(date, order).or_else(|| chinese_numeral_date(date))
    })
}

/// `s` without a short remark in brackets at its end, with no digit in it
/// (`2017年11月1日（星期三）`, `1 November 2017 (Wednesday)`).
fn without_bracketed_remark(s: &str) -> Option<&str> {
    let inner = s.strip_suffix([')', '）'])?;
    let open = inner.rfind(['(', '（'])?;
    let remark = &inner[open..];
    let head = inner[..open].trim_end();
    (!head.is_empty() && remark.chars().count() <= 16 && !remark.contains(|c: char| c.is_ascii_digit())).then_some(head)
}

/// `s` without a clock time at its end (`H:MM`, `H:MM:SS`, an `AM`/`PM`
/// after it), where one stands after a space.
fn without_clock_time(s: &str) -> Option<&str> {
    let mut rest = s.trim_end();
    if let Some((head, last)) = rest.rsplit_once(' ')
        && matches!(last.to_ascii_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m.")
    {
        rest = head.trim_end();
    }
    let (head, time) = rest.rsplit_once(' ')?;
    let mut parts = time.split(':');
    let hours = parts.next()?;
    let clock = (1..=2).contains(&hours.len())
        && hours.bytes().all(|b| b.is_ascii_digit())
        && parts.clone().count() >= 1
        && parts.clone().count() <= 2
        && parts.all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()));
    clock.then(|| head.trim_end()).filter(|h| !h.is_empty())
}

/// A date of the Republic of China era, as Taiwan's offices write it
/// (`民國106年11月1日`): the era's year 1 is 1912.
fn republic_era_date(s: &str) -> Option<ParsedDate> {
    let rest = s.trim().strip_prefix("民國").or_else(|| s.trim().strip_prefix("民国"))?.trim_start();
    let (year, rest) = rest.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日').unwrap_or(rest);
    let number = |t: &str| t.trim().parse::<u16>().ok();
    let year = number(year).filter(|y| (1..=200).contains(y))? + 1911;
    let date = IsoDate::new(year, u8::try_from(number(month)?).ok()?, u8::try_from(number(day)?).ok()?)?;
    Some(ParsedDate { date, ambiguous: false })
}

/// A date written in Chinese numerals (`二〇一七年十一月一日`, the style of
/// official documents): the year digit by digit, month and day as numbers.
fn chinese_numeral_date(s: &str) -> Option<ParsedDate> {
    let (year, rest) = s.trim().split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日').unwrap_or(rest);
    // Digit by digit: `〇` and `零` are zero as `一` is one.
    let year: String = year
        .chars()
        .map(|c| crate::form::chinese_numeral(c.encode_utf8(&mut [0; 4])).and_then(|d| char::from_digit(d, 10)))
        .collect::<Option<String>>()?;
    if year.len() != 4 {
        return None;
    }
    let number = |t: &str| crate::form::chinese_numeral(t.trim()).and_then(|n| u8::try_from(n).ok());
    let date = IsoDate::new(year.parse().ok()?, number(month)?, number(day)?)?;
    Some(ParsedDate { date, ambiguous: false })
}

/// [`parse_date`] of text already in NFKC with ASCII digits, trimmed.
fn parse_folded(s: &str, order: DateOrder) -> Option<ParsedDate> {
    let p = patterns_for(s);
    let num = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u16>().ok());
    if let Some(c) = p.iso.captures(s).or_else(|| p.cjk.captures(s)) {
        let date = IsoDate::new(num(c.get(1))?, num(c.get(2))? as u8, num(c.get(3))? as u8)?;
        return Some(ParsedDate { date, ambiguous: false });
    }
    // A year word of up to three letters may follow (`01.11.2017 г.`), or
    // an era's letter be joined to the year (`01/11/2017م`).
    let numeric = p.numeric.captures(s).or_else(|| {
        let (date, word) = s.rsplit_once(char::is_whitespace).or_else(|| {
            let letters = s.len() - s.trim_end_matches(|c: char| c.is_alphabetic() || c == '.').len();
            (letters > 0 && s[..s.len() - letters].ends_with(|c: char| c.is_ascii_digit()))
                .then(|| s.split_at(s.len() - letters))
        })?;
        let letters = word.trim_end_matches('.');
        (!letters.is_empty() && letters.chars().count() <= 3 && letters.chars().all(char::is_alphabetic))
            .then(|| p.numeric.captures(date.trim_end()))
            .flatten()
    });
    if let Some(c) = numeric {
        let (a, b, year) = (num(c.get(1))? as u8, num(c.get(2))? as u8, num(c.get(3))?);
        let year = if c.get(3).is_some_and(|m| m.as_str().len() == 2) { full_year(year) } else { year };
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
    words(s).or_else(|| roman_month_date(s)).or_else(|| compact_date(s))
}

/// A date written as eight digits, year, month and day (`20171101`), as
/// databases and file names write it.
fn compact_date(s: &str) -> Option<ParsedDate> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = IsoDate::new(s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..].parse().ok()?)?;
    (1900..=2100).contains(&date.year()).then_some(ParsedDate { date, ambiguous: false })
}

/// The year a year of two digits means (`1/11/17`, `01-Nov-17`): this
/// century's up to 69, the last one's from 70, as forms' short dates mean
/// them.
fn full_year(two_digits: u16) -> u16 {
    if two_digits < 70 { 2000 + two_digits } else { 1900 + two_digits }
}

/// A date whose month is a Roman numeral between the day and the year
/// (`01.XI.2017`, `1 XI 2017`), as Russian, Polish and Italian offices
/// write it.
fn roman_month_date(s: &str) -> Option<ParsedDate> {
    let mut parts = s.split(['.', ' ', '/', '-']).filter(|p| !p.is_empty());
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let year = year.strip_suffix(['г', 'r']).unwrap_or(year);
    if parts.any(|p| p != "г" && p != "r") || !(1..=2).contains(&day.len()) || year.len() != 4 {
        return None;
    }
    // In capitals: `xi` in lower case is a word.
    if month.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let month = u8::try_from(crate::form::small_roman(month)?).ok()?;
    let date = IsoDate::new(year.parse().ok()?, month, day.parse().ok()?)?;
    Some(ParsedDate { date, ambiguous: false })
}

/// A date of a day, a month written as a word (`Nov`, `2月`, `ноября`) and
/// a year, in any order; particles of up to three letters (`de`, `le`) are
/// passed over.
fn words(s: &str) -> Option<ParsedDate> {
    let (mut day, mut month, mut year) = (None, None, None);
    // `01-nov-2017` is split at its hyphens as `01 nov 2017` is at its
    // blanks (and `31·MAYO·2017` at its middle dots), and `01/NOV/2017` at its slashes (a slash between words
    // pairs two names of a month: `تشرين الثاني/نوفمبر`).
    let slashes = !s.contains(char::is_whitespace);
    let mut tokens = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '-' | '·') || (slashes && c == '/'))
        .filter(|t| !t.is_empty())
        .peekable();
    while let Some(token) = tokens.next() {
        // A day in guillemets (`«01» ноября 2017 г.`), as Russian forms write it.
        let token = token.trim_matches(['«', '»']);
        let token = without_year_letters(token);
        let digits = without_ordinal_suffix(token.trim_end_matches(['.', '日']));
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let n: u32 = digits.parse().ok()?;
            match digits.len() {
                4 if year.is_none() => year = Some(n as u16),
                1 | 2 if day.is_none() => day = Some(n as u8),
                // A year of two digits after the day (`01-Nov-17`).
                2 if year.is_none() => year = Some(full_year(n as u16)),
                _ => return None,
            }
        } else if day.is_none() && is_first_day_word(token) {
            // The first of the month in words (`فاتح نونبر 2017`, `primero
            // de noviembre`).
            day = Some(1);
        } else if let Some(m) = month_words(token).or_else(|| {
            // A month name of two words (`تشرين الثاني`), perhaps paired
            // with another (`تشرين الثاني/نوفمبر`).
            let next = tokens.peek()?;
            let m = month_words(&format!("{token} {next}"))?;
            tokens.next();
            Some(m)
        }) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if token.chars().any(|c| c.is_ascii_digit()) || (token.chars().count() > 3 && !is_year_word(token)) {
            // A number inside an unknown word, or a word longer than the
            // particles dates carry (`de`, `le`, `of`, `г.`) and the word
            // for a year (`1 ноября 2017 года`): not a date.
            return None;
        }
    }
    let date = IsoDate::new(year?, month?, day?)?;
    Some(ParsedDate { date, ambiguous: false })
}

/// A year without the letters joined to it, as the numeric dates' year
/// may carry them: the era's (`2017م`) or the word for a year (`2017г.`),
/// up to three letters and a full stop; any other token as it is.
fn without_year_letters(token: &str) -> &str {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    let letters = token[digits..].trim_end_matches('.');
    let joined = digits == 4 && (1..=3).contains(&letters.chars().count()) && letters.chars().all(char::is_alphabetic);
    if joined { &token[..4] } else { token }
}

/// The suffixes written after a day's number to make it an ordinal, lower
/// case: French, Spanish, Portuguese and Italian signs and endings, English
/// endings, Russian endings after a hyphen.
const ORDINAL_SUFFIXES: [&str; 20] = [
    "er", "re", "ère", "e", "º", "ª", "°", "o", "st", "nd", "rd", "th", "-го", "-е", "ro", "do", "to", "mo", "vo", "no",
];

/// A day's number without the ordinal suffix written after it (`1er`,
/// `1re`, `1º`, `1.º`, `1st`, `2nd`, `3rd`, `4th`, `2e`, `1-го`): the digits, or `s` as it
/// is.
fn without_ordinal_suffix(s: &str) -> &str {
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if digits == 0 || digits > 2 {
        return s;
    }
    let suffix = s[digits..].to_lowercase();
    // Spanish puts a full stop before the sign (`1.º`, `1.o` once NFKC
    // has folded the sign).
    let suffix = suffix.strip_prefix('.').filter(|r| matches!(*r, "º" | "ª" | "°" | "o" | "a")).unwrap_or(&suffix);
    let ordinal = ORDINAL_SUFFIXES.contains(&suffix);
    if ordinal { &s[..digits] } else { s }
}

/// Whether `w` is a word of the catalog for the first day of a month
/// (`فاتح`, `premier`); longer than the particles a date carries.
fn is_first_day_word(w: &str) -> bool {
    w.chars().count() > 3 && unit_word(w, "unit.first_day")
}

/// Whether `w` is a word for a year in the catalog (`года`, `años`).
pub(crate) fn is_year_word(w: &str) -> bool {
    unit_word(w, "unit.years")
}

/// Whether `w` is one of the catalog's words under `key`.
fn unit_word(w: &str, key: &str) -> bool {
    nomina_refdata::catalog().exact(w, |e| e.key == key).next().is_some()
}

/// The month `s` names, or the one month that each of its names joined by
/// slashes names: regions that use two sets of month names often write one
/// beside the other (`تشرين الثاني/نوفمبر`, the Levantine name and the
/// Egyptian one).
fn month_words(s: &str) -> Option<u8> {
    if !s.contains('/') {
        return month_from_name(s);
    }
    let mut names = s.split('/');
    let first = month_from_name(names.next()?)?;
    names.all(|n| month_from_name(n) == Some(first)).then_some(first)
}

/// A date found inside a line of text by [`find_dates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte offsets of the date's text in the line searched.
    pub start: usize,
    /// End of the date's text (exclusive).
    pub end: usize,
    /// The date, read month first when day and month could be swapped.
    pub month_first: IsoDate,
    /// The date read day first, when it differs from `month_first` (a
    /// numeric date such as `07/10/2013` whose order nothing settles).
    pub day_first: Option<IsoDate>,
}

impl FoundDate {
    /// The date read in `order`.
    pub fn read(&self, order: DateOrder) -> ParsedDate {
        match (self.day_first, order) {
            (Some(d), DateOrder::DayFirst) => ParsedDate { date: d, ambiguous: true },
            (Some(_), DateOrder::MonthFirst) => ParsedDate { date: self.month_first, ambiguous: true },
            (None, _) => ParsedDate { date: self.month_first, ambiguous: false },
        }
    }
}

/// A piece of a line, for [`find_dates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'s> {
    /// A run of digits of any script: its value and how many digits.
    Num(u32, u8),
    /// A run of letters.
    Word(&'s str),
    /// A year, month or day sign of Chinese or Korean (`年`, `월`).
    Sign(char),
    /// Punctuation a date may carry between its parts.
    Sep(char),
    /// Anything else: ends a date.
    Other,
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => decimal_digit(c).and_then(|d| d.to_digit(10)),
    }
}

/// The pieces of `s` with their byte ranges; blanks separate pieces and are
/// not pieces themselves.
fn date_tokens(s: &str) -> Vec<(Tok<'_>, usize, usize)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if let Some(d) = digit_value(c) {
            let (mut value, mut digits, mut end) = (d, 1u8, i + c.len_utf8());
            while let Some(&(j, n)) = it.peek() {
                let Some(d) = digit_value(n) else { break };
                value = value.saturating_mul(10).saturating_add(d);
                digits = digits.saturating_add(1);
                end = j + n.len_utf8();
                it.next();
            }
            // A clock time glued to the day (`2026-02-0419:47:55`): the run's
            // last two digits are the hour, after a month and a separator.
            let glued_time = digits == 4
                && it.peek().is_some_and(|&(_, n)| n == ':')
                && matches!(out.last(), Some((Tok::Sep(_), _, _)))
                && matches!(out.len().checked_sub(2).map(|k| &out[k]), Some((Tok::Num(_, 1..=2), _, _)));
            if glued_time && s.is_char_boundary(end - 2) {
                out.push((Tok::Num(value / 100, 2), i, end - 2));
                out.push((Tok::Other, end - 2, end - 2));
                out.push((Tok::Num(value % 100, 2), end - 2, end));
                continue;
            }
            // A day glued to the clock time before it (`10:3529.08.2012`):
            // after an hour and its colon, the run's first two digits are
            // the minutes.
            let glued_day = matches!(digits, 3..=4)
                && it.peek().is_some_and(|&(_, n)| matches!(n, '.' | '/' | '-'))
                && s[..i].strip_suffix(':').is_some_and(|hour| hour.ends_with(|c: char| c.is_ascii_digit()))
                && c.is_ascii_digit()
                && s.is_char_boundary(i + 2);
            if glued_day {
                let split = 10u32.pow(u32::from(digits) - 2);
                out.push((Tok::Num(value / split, 2), i, i + 2));
                out.push((Tok::Other, i + 2, i + 2));
                out.push((Tok::Num(value % split, digits - 2), i + 2, end));
                continue;
            }
            out.push((Tok::Num(value, digits), i, end));
        } else if date_sign(c) {
            out.push((Tok::Sign(c), i, i + c.len_utf8()));
        } else if letter(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = it.peek() {
                // A letter goes on the word (no digit is one), a date's
                // sign does not.
                if !letter(n) || date_sign(n) {
                    break;
                }
                end = j + n.len_utf8();
                it.next();
            }
            out.push((Tok::Word(&s[i..end]), i, end));
        } else if c.is_whitespace() || nomina_refdata::fold::is_format(c) || matches!(c, '«' | '»' | '·') {
            // Guillemets around the day are a Russian form's (`«01» ноября
            // 2017 г.`); a middle dot sets the parts apart as a blank does
            // (`31·MAYO·2017`).
            continue;
        } else if matches!(c, '-' | '/' | '.' | ',' | '،' | '．' | '／' | '－' | '，') {
            let ascii = match c {
                '．' => '.',
                '，' => ',',
                '／' => '/',
                '－' => '-',
                _ => c,
            };
            out.push((Tok::Sep(ascii), i, i + c.len_utf8()));
        } else {
            out.push((Tok::Other, i, i + c.len_utf8()));
        }
    }
    out
}

/// Particles a date may carry between its parts (`de`, `of`, `le`) and the
/// year words after it (`г`, `года`): short words that are no month.
fn particle(w: &str) -> bool {
    w.chars().count() <= 2 || matches!(w, "del" | "года" | "год")
}

fn year(n: u32, digits: u8) -> Option<u16> {
    (digits == 4 && (1900..=2100).contains(&n)).then_some(n as u16)
}

fn small(n: u32, digits: u8) -> Option<u8> {
    (digits <= 2 && n <= 31).then_some(n as u8)
}

/// Dates written inside `s`, in order, the way news pages and press
/// releases write them in the seven languages of the archive's news:
///
/// - numeric, year first: `2025-09-16`, `2018/07/22`, `2023.11.28`,
///   `2023. 11. 28.` (Korean, spaced and with a final dot);
/// - numeric, year last: `23.01.2008` (dotted: always day first),
///   `17-09-2023`, `02/03/2020` (day and month as `order` reads them, both
///   readings kept when nothing settles which);
/// - Chinese and Korean signs: `2016年2月23日`, `2025년 12월 23일`;
/// - a month written as a word, in any of the six UN languages, day first
///   or month first, with particles and year words: `19 June, 2017`,
///   `December. 30, 2009`, `6 de octubre de 2025`, `22 Январь 2009`,
///   `16 сентября 2021 г.`, `28.jun.2024`, `24 أكتوبر 2018`;
/// - eight digits alone (`19980713`), when `s` is nothing else;
///
/// with ASCII, full-width or Arabic-Indic digits. Weekdays, clock times and
/// labels around the date are left to the caller.
pub fn find_dates(s: &str) -> Vec<FoundDate> {
    // Most lines have no digit at all, and most numbers are no year.
    if !may_hold_date(s) {
        return Vec::new();
    }
    find_dates_in(s)
}

/// Dates whose year has two digits, written year first with `-`, `.` or `/`
/// between the parts (`25-04-22`, `25.04.22 09:10`): how Korean and Chinese
/// boards print a post's date. Read as years 2000 to 2099. Alone the form is
/// no date ([`find_dates`] leaves it: `25-04-22` may be day first too); the
/// caller takes it only where a label says what it is.
pub(crate) fn find_short_year_dates(s: &str) -> Vec<FoundDate> {
    let b = s.as_bytes();
    number_triples(s, 1..=2, |x| matches!(x, b'-' | b'.' | b'/'))
        .filter_map(|([(start, n), (m_at, m), (d_at, d)], sep)| {
            let end = d_at + d;
            // A fourth part (`25.04.22.1`) makes it something else.
            if n != 2 || (b.get(end) == Some(&sep) && b.get(end + 1).is_some_and(u8::is_ascii_digit)) {
                return None;
            }
            let date = short_year_date(s, (start, n), (m_at, m), (d_at, d))?;
            Some(FoundDate { start, end, month_first: date, day_first: None })
        })
        .collect()
}

/// Dates written year first with one blank alone between the parts (`2022
/// 11 20`), as a Korean or Chinese board's time stamp reads once a scraper
/// has dropped its dots. Alone the form is no date (a row of figures looks
/// the same); the caller takes it only where a label says what it is.
pub(crate) fn find_spaced_dates(s: &str) -> Vec<FoundDate> {
    number_triples(s, 4..=4, |x| x == b' ')
        .filter_map(|([(start, _), (m_at, m), (d_at, d)], _)| {
            let num = |at: usize, len: usize| s[at..at + len].parse::<u8>().ok();
            let year = s[start..start + 4].parse::<u16>().ok().filter(|y| (1900..=2100).contains(y))?;
            let date = IsoDate::new(year, num(m_at, m)?, num(d_at, d)?)?;
            Some(FoundDate { start, end: d_at + d, month_first: date, day_first: None })
        })
        .collect()
}

/// A date written day first with a two-digit year and a clock time after it
/// and slashes (`05/08/22 à 11:03`, `05/08/22, 11:03`): how French and
/// Spanish news sites print a story's time stamp. The time tells it for a
/// date; the parts alone may be anything. Read as years 2000 to 2099.
pub(crate) fn find_clocked_short_year_date(s: &str) -> Option<FoundDate> {
    // Slashes only: `21-11-25` and `17.03.02` are as often year first
    // (Korean boards).
    memchr::memchr(b'/', s.as_bytes())?;
    let b = s.as_bytes();
    number_triples(s, 1..=2, |x| x == b'/').find_map(|([day, month, (y_at, y)], sep)| {
        let end = y_at + y;
        // Not a time's minutes (`11:05/08/22`), nor a fourth part.
        if y != 2 || (day.0 > 0 && b[day.0 - 1] == b':') || b.get(end) == Some(&sep) {
            return None;
        }
        // A clock time after a blank, a comma or up to two short words
        // (`à`, `a las`, `в`).
        let mut rest = s[end..].trim_start_matches([' ', ',', '-', '|']);
        for _ in 0..2 {
            if let Some((w, r)) = rest.split_once(' ')
                && w.chars().count() <= 3
                && !w.starts_with(|c: char| c.is_ascii_digit())
            {
                rest = r.trim_start();
            }
        }
        let hh = rest.bytes().take_while(u8::is_ascii_digit).count();
        let clock = (1..=2).contains(&hh)
            && rest.as_bytes().get(hh) == Some(&b':')
            && rest.as_bytes()[hh + 1..].iter().take_while(|x| x.is_ascii_digit()).count() == 2;
        let date = short_year_date(s, (y_at, y), month, day).filter(|_| clock)?;
        Some(FoundDate { start: day.0, end, month_first: date, day_first: None })
    })
}

/// Runs of three numbers joined by one separator that `sep` accepts, twice
/// the same (`25-04-22`, `5/8/22`, `2022 11 20`), the first of as many
/// digits as `first` allows and glued to no digit or date separator before
/// it, the others of one or two: each number's start and length, and the
/// separator. No digit follows the last.
fn number_triples(
    s: &str,
    first: std::ops::RangeInclusive<usize>,
    sep: impl Fn(u8) -> bool,
) -> impl Iterator<Item = ([(usize, usize); 3], u8)> {
    let b = s.as_bytes();
    let digits_at = move |i: usize| b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let n = digits_at(i);
            if n == 0 {
                i += 1;
                continue;
            }
            let start = i;
            let glued = i > 0 && matches!(b[i - 1], b'-' | b'.' | b'/' | b'0'..=b'9');
            i += n;
            if glued || !first.contains(&n) {
                continue;
            }
            let Some(&x) = b.get(i).filter(|&&x| sep(x)) else { continue };
            let m = digits_at(i + 1);
            if !(1..=2).contains(&m) || b.get(i + 1 + m) != Some(&x) {
                continue;
            }
            let d = digits_at(i + 2 + m);
            if (1..=2).contains(&d) {
                return Some(([(start, n), (i + 1, m), (i + 2 + m, d)], x));
            }
        }
        None
    })
}

/// The date of a two-digit year (read as 2000 to 2099), a month and a day,
/// each given by its start and length in `s`.
fn short_year_date(s: &str, year: (usize, usize), month: (usize, usize), day: (usize, usize)) -> Option<IsoDate> {
    let num = |(from, len): (usize, usize)| s[from..from + len].parse::<u16>().ok();
    IsoDate::new(2000 + num(year)?, u8::try_from(num(month)?).ok()?, u8::try_from(num(day)?).ok()?)
}

/// Whether `s` has a run of digits [`find_dates`] could take for a year: four
/// digits from 1900 to 2100, or eight digits (a date alone). Every date it
/// reads has one, so a line without is spared the pieces and the search.
fn may_hold_date(s: &str) -> bool {
    let b = s.as_bytes();
    // A year has four digits: an ASCII one is its byte, another a character
    // whose lead byte is 0xD9 or 0xDB (Arabic-Indic) or 0xEF (full-width).
    // Counting them vectorizes, and passes over most lines at once.
    let digits: usize = b
        .chunks(255)
        .map(|c| c.iter().map(|&x| u8::from(x.is_ascii_digit() | matches!(x, 0xD9 | 0xDB | 0xEF))).sum::<u8>())
        .map(usize::from)
        .sum();
    if digits < 4 {
        return false;
    }
    // ASCII bytes are read as they are: only other characters are decoded.
    let mut i = 0;
    year_run(std::iter::from_fn(|| {
        let &x = b.get(i)?;
        if x.is_ascii() {
            i += 1;
            return Some(x.is_ascii_digit().then(|| u32::from(x - b'0')));
        }
        let c = s[i..].chars().next()?;
        i += c.len_utf8();
        Some(digit_value(c))
    }))
}

/// Whether the digits of a text, each character's value or `None` for a
/// character that is no digit, hold a run that could be a year.
fn year_run(digits: impl Iterator<Item = Option<u32>>) -> bool {
    let is_year = |value: u32, count: u32| (count == 4 && (1900..=2100).contains(&value)) || count == 8;
    let (mut value, mut count) = (0u32, 0u32);
    for d in digits {
        match d {
            Some(d) => {
                value = value.saturating_mul(10).saturating_add(d);
                count += 1;
            }
            None if is_year(value, count) => return true,
            None => (value, count) = (0, 0),
        }
    }
    is_year(value, count)
}

/// The signs that follow a CJK date's numbers (`年`, `월`).
fn date_sign(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '년' | '월' | '일')
}

/// [`find_dates`] without the check for a year.
fn find_dates_in(s: &str) -> Vec<FoundDate> {
    let toks = date_tokens(s);
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((date, day_first, last)) = date_at(s, &toks, i) {
            found.push(FoundDate { start: toks[i].1, end: toks[last].2, month_first: date, day_first });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if found.is_empty()
        && let [(Tok::Num(n, 8), start, end)] = toks[..]
        && let Some(date) = year(n / 10_000, 4).and_then(|y| IsoDate::new(y, (n / 100 % 100) as u8, (n % 100) as u8))
    {
        found.push(FoundDate { start, end, month_first: date, day_first: None });
    }
    found
}

/// The date starting at token `i`: the date, its day-first reading when it
/// differs, and the index of its last token.
fn date_at(s: &str, t: &[(Tok<'_>, usize, usize)], i: usize) -> Option<(IsoDate, Option<IsoDate>, usize)> {
    let tok = |k: usize| t.get(k).map(|x| x.0);
    let month_word = |k: usize| match tok(k) {
        Some(Tok::Word(w)) if w.chars().count() >= 3 || w.chars().any(|c| !c.is_alphabetic()) => {
            month_from_name(w.trim_end_matches('.'))
        }
        _ => None,
    };
    // A month named in two words (`كانون الأول`, the Levantine December):
    // the month and the index of its second word.
    let month_words = |k: usize| match month_word(k) {
        Some(m) => Some((m, k)),
        None => match (t.get(k), t.get(k + 1)) {
            (Some(&(Tok::Word(_), start, _)), Some(&(Tok::Word(_), _, end))) => {
                month_from_name(&s[start..end]).map(|m| (m, k + 1))
            }
            _ => None,
        },
    };
    match tok(i)? {
        Tok::Num(n, d) if year(n, d).is_some() => {
            let y = year(n, d)?;
            // 2025-09-16, 2018/07/22, 2023.11.28, 2023. 11. 28.
            if let (Some(Tok::Sep(a)), Some(Tok::Num(m, md)), Some(Tok::Sep(b)), Some(Tok::Num(dd, dd_digits))) =
                (tok(i + 1), tok(i + 2), tok(i + 3), tok(i + 4))
                && a == b
                && matches!(a, '-' | '/' | '.')
            {
                let date = IsoDate::new(y, small(m, md)?, small(dd, dd_digits)?)?;
                let last = if a == '.' && tok(i + 5) == Some(Tok::Sep('.')) { i + 5 } else { i + 4 };
                return Some((date, None, last));
            }
            // 2016年2月23日, 2025년 12월 23일
            if let (
                Some(Tok::Sign('年' | '년')),
                Some(Tok::Num(m, md)),
                Some(Tok::Sign('月' | '월')),
                Some(Tok::Num(dd, ddd)),
            ) = (tok(i + 1), tok(i + 2), tok(i + 3), tok(i + 4))
            {
                let date = IsoDate::new(y, small(m, md)?, small(dd, ddd)?)?;
                let last = if matches!(tok(i + 5), Some(Tok::Sign('日' | '일'))) { i + 5 } else { i + 4 };
                return Some((date, None, last));
            }
            None
        }
        Tok::Num(n, d) if small(n, d).is_some() => {
            let day = small(n, d)?;
            // 09日 11月 2015年: the day first, each number with its sign, as
            // a blog platform's Chinese date format writes it.
            if let (Some(Tok::Sign('日')), Some(Tok::Num(m, md)), Some(Tok::Sign('月')), Some(Tok::Num(y, yd))) =
                (tok(i + 1), tok(i + 2), tok(i + 3), tok(i + 4))
            {
                let date = IsoDate::new(year(y, yd)?, small(m, md)?, day)?;
                let last = if matches!(tok(i + 5), Some(Tok::Sign('年'))) { i + 5 } else { i + 4 };
                return Some((date, None, last));
            }
            // 23.01.2008, 17-09-2023, 02/03/2020
            if let (Some(Tok::Sep(a)), Some(Tok::Num(m, md)), Some(Tok::Sep(b)), Some(Tok::Num(y, yd))) =
                (tok(i + 1), tok(i + 2), tok(i + 3), tok(i + 4))
                && a == b
                && matches!(a, '-' | '/' | '.')
            {
                let (m, y) = (small(m, md)?, year(y, yd)?);
                let day_first = IsoDate::new(y, m, day);
                if a == '.' {
                    return Some((day_first?, None, i + 4));
                }
                let month_first = IsoDate::new(y, day, m);
                return match (month_first, day_first) {
                    (Some(mf), Some(df)) if mf != df => Some((mf, Some(df), i + 4)),
                    (Some(date), _) | (None, Some(date)) => Some((date, None, i + 4)),
                    (None, None) => None,
                };
            }
            // 19 June, 2017; 6 de octubre de 2025; 28.jun.2024; 22 Январь 2009;
            // 30/أغسطس/2017; 14 كانون الأول / ديسمبر 2013
            let mut k = i + 1;
            while matches!(tok(k), Some(Tok::Sep('.' | ',' | '/' | '-')))
                || matches!(tok(k), Some(Tok::Word(w)) if particle(w) && month_word(k).is_none())
            {
                k += 1;
            }
            let (month, last) = month_words(k)?;
            k = last + 1;
            while matches!(tok(k), Some(Tok::Sep('.' | ',' | '،' | '/' | '-')))
                || matches!(tok(k), Some(Tok::Word(w)) if particle(w))
                // `25 نيسان/ أبريل 2025`: a month named twice.
                || month_word(k) == Some(month)
            {
                k += 1;
            }
            let Some(Tok::Num(y, yd)) = tok(k) else { return None };
            let date = IsoDate::new(year(y, yd)?, month, day)?;
            Some((date, None, year_word(t, k)))
        }
        Tok::Word(_) => {
            // December. 30, 2009; Feb 23, 2016: a number follows the month.
            if !matches!(tok(i + 1), Some(Tok::Num(..))) && !matches!(tok(i + 2), Some(Tok::Num(..))) {
                return None;
            }
            let month = month_word(i)?;
            let mut k = i + 1;
            while matches!(tok(k), Some(Tok::Sep('.'))) {
                k += 1;
            }
            let Some(Tok::Num(dn, dd)) = tok(k) else { return None };
            let day = small(dn, dd)?;
            k += 1;
            // `October 28th, 2010`: the day an ordinal.
            if let Some(Tok::Word(w)) = tok(k)
                && ORDINAL_SUFFIXES.contains(&w)
            {
                k += 1;
            }
            while matches!(tok(k), Some(Tok::Sep(',' | '.'))) {
                k += 1;
            }
            let Some(Tok::Num(y, yd)) = tok(k) else { return None };
            let date = IsoDate::new(year(y, yd)?, month, day)?;
            Some((date, None, year_word(t, k)))
        }
        _ => None,
    }
}

/// The last token of a date whose year is token `k`: a year word after it
/// (`г.`, `года`, `م`, `年`) included.
fn year_word(t: &[(Tok<'_>, usize, usize)], k: usize) -> usize {
    match t.get(k + 1).map(|x| x.0) {
        Some(Tok::Word("г" | "года" | "год" | "م")) => {
            if matches!(t.get(k + 2).map(|x| x.0), Some(Tok::Sep('.'))) { k + 2 } else { k + 1 }
        }
        _ => k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spanish_of_peru_and_uruguay_writes_setiembre() {
        assert_eq!(iso("15 de setiembre, 2008"), Some("2008-09-15".to_string()));
        assert_eq!(iso("15 set. 2008"), Some("2008-09-15".to_string()));
    }

    #[test]
    fn a_date_of_the_republic_of_china_era() {
        assert_eq!(iso("民國106年11月1日"), Some("2017-11-01".to_string()));
        assert_eq!(iso("民国 106年11月01日"), Some("2017-11-01".to_string()));
    }

    #[test]
    fn compact_dates_and_short_years_after_a_month_word() {
        assert_eq!(iso("20171101"), Some("2017-11-01".to_string()));
        assert_eq!(iso("20171301"), None);
        assert_eq!(iso("12345678"), None);
        assert_eq!(iso("01-Nov-17"), Some("2017-11-01".to_string()));
        assert_eq!(iso("1 Nov 98"), Some("1998-11-01".to_string()));
    }

    #[test]
    fn middle_dots_between_the_parts_of_a_date() {
        assert_eq!(iso("4·avril·2021"), Some("2021-04-04".to_string()));
        let found = find_dates("Publicado 12·OCTUBRE·2019 | Noticias");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].month_first.to_string(), "2019-10-12");
    }

    #[test]
    fn a_month_in_roman_numerals() {
        assert_eq!(iso("01.XI.2017"), Some("2017-11-01".to_string()));
        assert_eq!(iso("1 XI 2017 г."), Some("2017-11-01".to_string()));
        assert_eq!(iso("01.XIII.2017"), None);
        assert_eq!(iso("01.xi.2017"), None);
    }

    #[test]
    fn days_and_years_as_forms_of_many_countries_write_them() {
        for (written, want) in [
            // A weekday in brackets after the date; the era's letter or the
            // word for a year joined to the year; the day's sign; ordinals.
            ("2017年11月1日（星期三）", Some("2017-11-01")),
            ("1 November 2017 (Wednesday)", Some("2017-11-01")),
            ("1 نوفمبر 2017م", Some("2017-11-01")),
            ("1 ноября 2017г.", Some("2017-11-01")),
            ("2017年11月1号", Some("2017-11-01")),
            ("09日 11月 2015年", Some("2015-11-09")),
            ("1-го ноября 2017 г.", Some("2017-11-01")),
            ("1ro. de noviembre de 2017", Some("2017-11-01")),
            ("1.º de noviembre de 2017", Some("2017-11-01")),
            // Month first, the day an ordinal (`October 28th, 2010`).
            ("October 28th, 2010", Some("2010-10-28")),
            ("Nov. 1st 2017", Some("2017-11-01")),
            ("1 November 2017 (2 copies)", None),
            // The first of the month in words, with Maghreb month names
            // (CLDR ar-MA, ar-TN).
            ("فاتح نونبر 2017", Some("2017-11-01")),
            ("الفاتح من جوان 2019", Some("2019-06-01")),
            ("الأول من نوفمبر 2017م", Some("2017-11-01")),
            ("primero de noviembre de 2017", Some("2017-11-01")),
            ("premier novembre 2017", Some("2017-11-01")),
            ("premier 3 novembre 2017", None),
        ] {
            assert_eq!(iso(written).as_deref(), want, "{written}");
        }
    }

    #[test]
    fn an_ordinal_day_after_its_month_in_running_text() {
        let found = find_dates("Posted October 28th, 2010 by the desk");
        assert_eq!(found.iter().map(|f| f.month_first.to_string()).collect::<Vec<_>>(), ["2010-10-28"]);
    }

    #[test]
    fn a_day_glued_to_the_clock_time_before_it() {
        let found = find_dates("10:3529.08.2012г.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].month_first.to_string(), "2012-08-29");
        assert_eq!(&"10:3529.08.2012г."[found[0].start..found[0].start + 2], "29");
    }

    #[test]
    fn a_clock_time_glued_to_the_day() {
        let found = find_dates("发布日期: 2026-02-0419:47:55 浏览次数");
        assert_eq!(found.iter().map(|f| f.month_first.to_string()).collect::<Vec<_>>(), ["2026-02-04"]);
    }

    #[test]
    fn a_day_in_guillemets() {
        assert_eq!(iso("«01» ноября 2017 г."), Some("2017-11-01".to_string()));
        let found = find_dates("Дата: «01» ноября 2017 г.");
        assert_eq!(found.iter().map(|f| f.month_first.to_string()).collect::<Vec<_>>(), ["2017-11-01"]);
    }

    #[test]
    fn dates_whose_parts_only_blanks_set_apart() {
        fn read(s: &str) -> Vec<(&str, String)> {
            find_spaced_dates(s).iter().map(|f| (&s[f.start..f.end], f.month_first.to_string())).collect()
        }
        assert_eq!(read("입력 2022 11 20 20:28"), [("2022 11 20", "2022-11-20".to_string())]);
        // Other figures, an impossible month or a year out of range: none.
        for s in ["12022 11 20", "2022 13 20", "3000 1 2", "2022 111 2", "2022  11 20", "2022 11"] {
            assert!(read(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn two_digit_years_read_year_first_where_the_form_is_whole() {
        fn read(s: &str) -> Vec<(&str, String)> {
            find_short_year_dates(s).iter().map(|f| (&s[f.start..f.end], f.month_first.to_string())).collect()
        }
        assert_eq!(read("작성일 25-04-22 09:10"), [("25-04-22", "2025-04-22".to_string())]);
        assert_eq!(read("日期：09.11.3"), [("09.11.3", "2009-11-03".to_string())]);
        assert_eq!(
            read("25/4/22 and 26/12/31"),
            [("25/4/22", "2025-04-22".to_string()), ("26/12/31", "2026-12-31".to_string())]
        );
        // Mixed separators, a fourth part, three-digit runs, an impossible
        // month and a four-digit year are not this form.
        for s in ["25-04.22", "25.04.22.1", "125-04-22", "25-04-221", "25-13-01", "2025-04-22", "1.25-04-22"] {
            assert!(read(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn two_digit_years_read_day_first_before_a_clock_time() {
        fn read(s: &str) -> Option<(&str, String)> {
            find_clocked_short_year_date(s).map(|f| (&s[f.start..f.end], f.month_first.to_string()))
        }
        assert_eq!(read("Le 05/08/22 à 11:03"), Some(("05/08/22", "2022-08-05".to_string())));
        assert_eq!(read("modifié 5/8/22, 11:03"), Some(("5/8/22", "2022-08-05".to_string())));
        assert_eq!(read("Publicado 05/08/22 a las 11:03"), Some(("05/08/22", "2022-08-05".to_string())));
        // No clock time, other separators, a four-digit year, an impossible
        // month: not this form.
        for s in [
            "Le 05/08/22",
            "05.08.22 11:03",
            "21-11-25 13:49",
            "05/08/2022 11:03",
            "05/13/22 11:03",
            "1/05/08/22 11:03",
        ] {
            assert!(read(s).is_none(), "{s}");
        }
    }

    fn iso(s: &str) -> Option<String> {
        parse_date(s, DateOrder::MonthFirst).map(|d| d.date.to_string())
    }

    /// Lines built from the pieces dates are made of, and of the numbers
    /// near them that are no year.
    fn date_like_lines() -> Vec<String> {
        let pieces = [
            "1899",
            "1900",
            "2016",
            "2100",
            "2101",
            "19980713",
            "1998071",
            "199807133",
            "23",
            "7",
            "07",
            "123",
            "12345",
            "٢٠١٧",
            "٢٤",
            "２０１６",
            "０１",
            "-",
            "/",
            ".",
            ",",
            " ",
            " ",
            "年",
            "月",
            "日",
            "년",
            "월",
            "일",
            "Feb",
            "February",
            "de",
            "ноября",
            "г.",
            "أكتوبر",
            "Nov.",
            "on",
            "10:05",
            "x2016",
            "2016x",
            "１９",
        ];
        let mut next = crate::testgen::numbers(19);
        (0..20_000)
            .map(|_| {
                let n = 1 + next() % 9;
                (0..n).map(|_| pieces[next() % pieces.len()]).collect()
            })
            .collect()
    }

    #[test]
    fn the_year_check_passes_every_date() {
        let mut dated = 0;
        for line in date_like_lines() {
            let all = find_dates_in(&line);
            dated += usize::from(!all.is_empty());
            assert_eq!(find_dates(&line), all, "{line:?}");
        }
        // The lines hold dates, not only numbers that are none.
        assert!(dated > 100, "{dated}");
    }

    #[test]
    fn the_year_check_reads_bytes_as_characters() {
        let by_chars = |s: &str| year_run(s.chars().map(digit_value));
        for line in date_like_lines() {
            assert_eq!(may_hold_date(&line), by_chars(&line), "{line:?}");
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [format!("{c}2016"), format!("201{c}6 ١٩٩٩{c}"), format!("x{c}19980713")] {
                assert_eq!(may_hold_date(&s), by_chars(&s), "{s:?}");
            }
        }
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
            ("1er nov. 2017", "2017-11-01"),
            ("1º de noviembre de 2017", "2017-11-01"),
            ("1st Nov 2017", "2017-11-01"),
            ("22nd November 2017", "2017-11-22"),
            ("01-nov-2017", "2017-11-01"),
            ("01/NOV/2017", "2017-11-01"),
            ("25/11/17", "2017-11-25"),
            ("25.11.98", "1998-11-25"),
            ("二〇一七年十一月一日", "2017-11-01"),
            ("二零二零年二月二十三日", "2020-02-23"),
            ("1 ноября 2017 года", "2017-11-01"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(want), "{text}");
        }
        // A number with a suffix that is no ordinal's, a range of years.
        for text in ["1xy nov 2017", "2017-2019", "1 nov 2017 2018"] {
            assert_eq!(iso(text), None, "{text}");
        }
    }

    #[test]
    fn levantine_month_names_alone_or_beside_the_egyptian_ones() {
        for (text, want) in [
            ("1 تشرين الثاني 2017", "2017-11-01"),
            ("1 تشرين الثاني/نوفمبر 2017", "2017-11-01"),
            ("15 كانون الثاني/يناير 2020", "2020-01-15"),
            ("3 شباط 2019", "2019-02-03"),
            ("3 آب/أغسطس 2019", "2019-08-03"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(want), "{text}");
        }
        // Two names of different months are no month; `تشرين` alone is
        // either of two.
        assert_eq!(iso("1 تشرين الثاني/أكتوبر 2017"), None);
        assert_eq!(iso("1 تشرين 2017"), None);
    }

    #[test]
    fn a_month_word_between_slashes_or_named_in_two_words_on_a_page() {
        let found = |s: &str| find_dates(s).iter().map(|f| f.month_first.to_string()).collect::<Vec<_>>();
        assert_eq!(found("30/أغسطس/2017 04:20 م"), ["2017-08-30"]);
        assert_eq!(found("28-jun-2024"), ["2024-06-28"]);
        assert_eq!(found("تم نشره السبت 14 كانون الأوّل / ديسمبر 2013"), ["2013-12-14"]);
        assert_eq!(found("الأحد 3 تشرين الثاني 2019"), ["2019-11-03"]);
        // Two names of different months are no month.
        assert!(found("14 كانون الأول / يناير 2013").is_empty());
        assert!(found("pages 30-40 of 2017").is_empty());
    }

    #[test]
    fn a_year_word_may_follow_a_numeric_date() {
        let d = parse_date("01.11.2017 г.", DateOrder::DayFirst).unwrap();
        assert_eq!(d.date.to_string(), "2017-11-01");
        let d = parse_date("01/11/2017م", DateOrder::DayFirst).unwrap();
        assert_eq!(d.date.to_string(), "2017-11-01");
        assert!(parse_date("01.11.2017 years ago", DateOrder::DayFirst).is_none());
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
    fn ascii_digit_patterns_read_as_the_unicode_ones() {
        let unicode = patterns_with(r"\d");
        let pieces =
            ["2016", "1", "12", "123", "٢", "२०२०", "५", "０", "-", "/", ".", " ", "年", "月", "日", "T", "x", "Nov"];
        let mut next = crate::testgen::numbers(41);
        let mut hits = 0;
        let nums = ["2016", "1", "12", "123", "٢", "२०२०", "५", "०१", "20१६", "０"];
        let seps = ["-", "/", ".", " ", "年", "月", "日", " 年 ", ""];
        for round in 0..40_000 {
            // Loose pieces, and dates of three numbers with separators.
            let s: String = if round % 2 == 0 {
                let n = 1 + next() % 9;
                (0..n).map(|_| pieces[next() % pieces.len()]).collect()
            } else {
                (0..6).map(|i| if i % 2 == 0 { nums[next() % nums.len()] } else { seps[next() % seps.len()] }).collect()
            };
            let spans = |p: &Patterns| {
                [&p.iso, &p.cjk, &p.numeric]
                    .map(|r| r.captures(&s).map(|c| (1..=3).map(|i| c.get(i).map(|m| m.range())).collect::<Vec<_>>()))
            };
            let want = spans(&unicode);
            hits += want.iter().filter(|w| w.is_some()).count();
            assert_eq!(spans(patterns_for(&s)), want, "{s:?}");
        }
        assert!(hits > 100, "{hits}");
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

    fn found(s: &str) -> Vec<String> {
        find_dates(s)
            .iter()
            .map(|d| {
                let mut out = format!("{}={}", &s[d.start..d.end], d.month_first);
                if let Some(df) = d.day_first {
                    out += &format!("|{df}");
                }
                out
            })
            .collect()
    }

    #[test]
    fn dates_as_news_pages_write_them() {
        for (line, want) in [
            // English: weekday and clock time around the date, month first.
            ("Published Tuesday, 4 March, 2014 at 09:15 AM", "4 March, 2014=2014-03-04"),
            ("Posted November. 3, 2011 08:20,", "November. 3, 2011=2011-11-03"),
            ("By the desk · May 2, 2019", "May 2, 2019=2019-05-02"),
            ("20011105", "20011105=2001-11-05"),
            // French: weekday, `le`, clock time after `à`.
            ("publié le mercredi 3 mars 2021 à 7h10", "3 mars 2021=2021-03-03"),
            ("Berne, 14.05.2012 - Le Conseil a décidé", "14.05.2012=2012-05-14"),
            ("5 Novembre 2013, 10:02am", "5 Novembre 2013=2013-11-05"),
            // Spanish: `de` particles, abbreviated weekday, dotted abbreviation.
            ("jueves, 3 de abril de 2014", "3 de abril de 2014=2014-04-03"),
            ("10:15 h - Mié, 7 Ene 2015", "7 Ene 2015=2015-01-07"),
            ("(Lima, 7.feb.2022 / Agencia)", "7.feb.2022=2022-02-07"),
            // Russian: genitive and nominative months, year word, dotted.
            ("9 марта 2016 г.", "9 марта 2016 г.=2016-03-09"),
            ("10:12, 03 Февраль 2010 | GMT +6", "03 Февраль 2010=2010-02-03"),
            ("12:40 05.03.2016 |", "05.03.2016=2016-03-05"),
            // Arabic: month names, Arabic-Indic digits, day-month-year with dashes.
            ("الاثنين ٠٣ مارس ٢٠١٤", "٠٣ مارس ٢٠١٤=2014-03-03"),
            ("الأربعاء، 19-03-2014 10:12 ص", "19-03-2014=2014-03-19"),
            ("5 مايو 2017", "5 مايو 2017=2017-05-05"),
            // Chinese: signs, slashes and dashes, no era, full-width digits.
            ("发布时间:2013年5月6日 10:11", "2013年5月6日=2013-05-06"),
            ("2012/3/7 9:05:01 次浏览", "2012/3/7=2012-03-07"),
            ("［日期：２０１１－０４－０２］", "２０１１－０４－０２=2011-04-02"),
            // Korean: dotted with spaces and a final dot, signs, dashes.
            ("입력 2019. 4. 3. 오후 2:10", "2019. 4. 3.=2019-04-03"),
            ("2021년 6월 30일 (수)", "2021년 6월 30일=2021-06-30"),
            ("승인 2016.08.09 11:20", "2016.08.09=2016-08-09"),
        ] {
            assert_eq!(found(line), [want], "{line}");
        }
        // Both readings of a date whose order nothing settles.
        assert_eq!(found("Por redacción | Mar, 04/05/2021 - 10:00"), ["04/05/2021=2021-04-05|2021-05-04"]);
        // Two dates on one line, in order.
        assert_eq!(
            found("입력 :2017/05/02 10:00    수정: 2017/05/03 09:00"),
            ["2017/05/02=2017-05-02", "2017/05/03=2017-05-03"]
        );
    }

    #[test]
    fn no_date_where_none_is_written() {
        for line in [
            "Sep 14-15",
            "Hora: 06:58",
            "The budget grew by 12.5 per cent in 2019",
            "2017-18 budget",
            "call 041-350-4900",
            "31 Feb 2017",
            "19980713 items",
            "room 12 of 2019",
        ] {
            assert_eq!(found(line), Vec::<String>::new(), "{line}");
        }
    }

    #[test]
    fn found_dates_read_in_the_order_asked() {
        let d = find_dates("07/10/2013")[0];
        assert_eq!(
            d.read(DateOrder::MonthFirst),
            ParsedDate { date: IsoDate::new(2013, 7, 10).unwrap(), ambiguous: true }
        );
        assert_eq!(
            d.read(DateOrder::DayFirst),
            ParsedDate { date: IsoDate::new(2013, 10, 7).unwrap(), ambiguous: true }
        );
        let u = find_dates("25/10/2013")[0];
        assert_eq!(
            u.read(DateOrder::MonthFirst),
            ParsedDate { date: IsoDate::new(2013, 10, 25).unwrap(), ambiguous: false }
        );
    }

    #[test]
    fn a_clock_time_after_a_date_is_passed_over() {
        assert_eq!(iso("01/11/2017 0:00:00").as_deref(), Some("2017-01-11"));
        assert_eq!(parse_date("01/11/2017 0:00:00", DateOrder::DayFirst).unwrap().date.to_string(), "2017-11-01");
        assert_eq!(iso("2017-11-01 12:00 AM").as_deref(), Some("2017-11-01"));
        assert_eq!(iso("1 Nov 2017 09:30").as_deref(), Some("2017-11-01"));
        // A time alone, or one that is no clock's, is no date.
        for text in ["0:00:00", "2017 10:05", "01/11/2017 123:00", "01/11/2017 1:0"] {
            assert_eq!(iso(text), None, "{text}");
        }
    }

    #[test]
    fn not_dates() {
        for text in ["", "soon", "31 Feb 2017", "13/13/2013", "2017", "Nov 2017", "Question 3 2017"] {
            assert_eq!(iso(text), None, "{text}");
        }
    }
}
