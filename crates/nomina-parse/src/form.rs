//! The nomination-form parser: lines to sections, blocks, fields, questions
//! and answers.
//!
//! Structure comes first, wording second. Question headings are recognized
//! by a question word and a number (`Question 3`, `题 3`, `问题三`), or by
//! their numbering alone, a run of lines of one shape numbered from 1
//! (`1) Title`, `IV. Title`, `PART C`, `Question No. 3 of 12`; see
//! [`heading_schemes`]), with a title for the basic-info questions and
//! without one for the form's own questions; parts by the next expected
//! letter or number, marked as the first part was (`a.`, `(ii)`, `3b.`);
//! word limits by pattern. A line splits into label and value at the mark
//! between them or where a value of the field's kind starts; the block's
//! template (its fields in their usual order, each with its kind of value)
//! places a line whose label the catalog cannot name. The label catalog
//! names what it can; a line nothing claims is kept as an unknown label,
//! never dropped.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use std::ops::Range;

use nomina_refdata::fold::{ascii_digits, decimal_digit, same_stem, without_elision};
use nomina_refdata::memo::Memo;
use nomina_refdata::{Country, FieldSpec, LabelEntry, PrefixMatch, SdgGoal, ValueKind, catalog};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::date::{DateOrder, parse_date};
use crate::document::*;
use crate::lines::{Line, trim};
use crate::words::head_of;

/// Structural hits (field labels, question headings) below which a text is
/// not taken for a form.
const MIN_FORM_HITS: usize = 3;

/// Longest title a basic-info question heading may have; a longer line that
/// happens to start with `Question 3:` is prose.
const MAX_TITLE_BYTES: usize = 200;
/// How far from a prompt's end a word limit closing it may start.
const TRAILING_LIMIT_BYTES: usize = 80;
/// The stems of the word for "word" in the catalog's trailing limits, in
/// the cases a prompt writes them: a cheap test before the patterns run.
const TRAILING_LIMIT_UNITS: [&str; 12] =
    ["word", "Word", "WORD", "palabra", "PALABRA", "mot", "MOT", "слов", "СЛОВ", "كلم", "字", "词"];

/// What skipping one field of a block's template costs a loose match's
/// score when the line is aligned to the template.
const SKIP_PENALTY: f64 = 0.05;

/// Share of common words that makes a line below a list the label of the
/// field after the list.
const NEXT_LABEL_THRESHOLD: f64 = 0.5;

/// Fewest words the label of a block's next field needs to be matched
/// loosely.
const NEXT_FIELD_MIN_WORDS: usize = 2;

/// Share of common words for a loose label match.
const FUZZY_THRESHOLD: f64 = 0.75;

/// Longest line, in bytes, that may be page chrome or a section heading.
const MAX_MARKER_BYTES: usize = 240;

/// Longest line, in words, compared loosely with the labels.
const MAX_LOOSE_LABEL_WORDS: usize = 60;
/// Most words of an institution label no mark sets off from its value
/// (see `unseparated_by_words`).
const MAX_UNSEPARATED_LABEL_WORDS: usize = 12;
/// Most characters of a label's tail past the catalog's wording in a
/// script without Latin letters, before a web address.
const MAX_LABEL_TAIL_CHARS: usize = 12;

/// The same while a list is open below a label, whose items are not labels.
const FUZZY_STRICT: f64 = 0.85;

/// Longest line taken for a part's prompt when the catalog does not know it
/// and it states no word limit; longer lines are answer text.
const MAX_UNKNOWN_PROMPT_BYTES: usize = 600;

/// Longest word naming a part before its marker (`Inciso a)`).
const MAX_PART_WORD_BYTES: usize = 16;

/// Most words of a line taken for the label after a list by its words.
const MAX_LIST_END_WORDS: usize = 3;

struct Patterns {
    /// The question words, lower-cased, each with its first letter, to
    /// pass over lines that cannot be headings without running the pattern.
    heading_words: Vec<(char, String)>,
    /// How page chrome and section headings open.
    markers: Openings,
    /// How field labels open: most lines before a form's first block (every
    /// line of a news page) open none, and are not folded to find out.
    fields: Openings,
    heading: Regex,
    nested: Regex,
    word_limits: Vec<Regex>,
    /// Word limits that open a prompt (`In no more than 300 words, …`).
    leading_limits: Vec<Regex>,
    trailing_limits: Vec<Regex>,
}

/// Compiles the patterns now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    patterns();
    looks_like_target("");
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut words: Vec<&str> =
            catalog().entries().iter().filter(|e| e.key == "structure.question").map(|e| e.text).collect();
        // Longest first, so that `问题` wins over `题`.
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let words = words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
        let number = r"[0-9０-９٠-٩۰-۹]+|[一二三四五六七八九十两〇零]+";
        // Heading and part patterns match the line's head only; the rest of
        // the line is the title or prompt (no `.*$` to run over long lines).
        let heading =
            Regex::new(&format!(r"(?i)^(?P<word>{words})\s*(?P<num>{number})\s*(?:(?P<sep>[:：.．、\-–—])\s*)?"))
                .expect("heading pattern");
        let nested = Regex::new(&format!(r"(?i)^(?:{words})\s*(?:{number})\s*[:：.．、]\s*(?P<rest>.+)$"))
            .expect("nested heading pattern");
        let limit = |w: &nomina_refdata::WordLimitPattern| {
            Regex::new(&format!("(?i){}", w.pattern)).expect("word-limit pattern in catalog")
        };
        let of_kind = |kind: LimitPlace| {
            catalog().word_limits().iter().filter(|w| LimitPlace::of(w.pattern) == kind).map(limit).collect()
        };
        let (word_limits, leading_limits, trailing_limits) =
            (of_kind(LimitPlace::Bracketed), of_kind(LimitPlace::Leading), of_kind(LimitPlace::Trailing));
        let heading_words: Vec<(char, String)> = catalog()
            .entries()
            .iter()
            .filter(|e| e.key == "structure.question")
            .filter_map(|e| {
                let word = e.text.to_lowercase();
                Some((word.chars().next()?, word))
            })
            .collect();
        Patterns {
            heading_words,
            markers: Openings::of(is_marker),
            fields: Openings::of(is_ns("field")),
            heading,
            nested,
            word_limits,
            leading_limits,
            trailing_limits,
        }
    })
}

/// The number a heading writes, in any digits or in Chinese numerals.
fn parse_number(s: &str) -> Option<u32> {
    if let Some(n) = s.chars().map(|c| decimal_digit(nfkc_digit(c))).collect::<Option<String>>() {
        return n.parse().ok();
    }
    chinese_numeral(s)
}

fn nfkc_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// A Chinese numeral character in its everyday form: the formal numerals
/// of cheques and official documents (`壹`, `貳`, `參`, `拾`), traditional or
/// simplified, as the everyday ones (`一`, `二`, `三`, `十`).
fn everyday_numeral(c: char) -> char {
    match c {
        '壹' => '一',
        '貳' | '贰' => '二',
        '參' | '叁' => '三',
        '肆' => '四',
        '伍' => '五',
        '陸' | '陆' => '六',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        _ => c,
    }
}

/// Whether `c` is a Chinese numeral from one to ten, everyday or formal.
fn chinese_numeral_char(c: char) -> bool {
    matches!(everyday_numeral(c), '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Chinese numerals up to 99 (`三`, `十`, `十二`, `二十一`), everyday or
/// formal (`參`, `拾貳`).
pub(crate) fn chinese_numeral(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().map(everyday_numeral).collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// Whether `s` starts with `word` (lower-case), case aside.
fn starts_with_caseless(s: &str, word: &str) -> bool {
    // An ASCII word against an ASCII head compares byte for byte, without
    // lower-casing character by character.
    if word.is_ascii()
        && let Some(head) = s.as_bytes().get(..word.len())
        && head.is_ascii()
    {
        return head.eq_ignore_ascii_case(word.as_bytes());
    }
    let mut chars = s.chars().flat_map(char::to_lowercase);
    word.chars().all(|w| chars.next() == Some(w))
}

/// How the entries of a kind open, folded: their first words (as bytes: a
/// line's first ASCII word is looked up without a UTF-8 check) and their
/// first characters.
struct Openings {
    /// The first words that are ASCII.
    words: FxHashSet<Vec<u8>>,
    /// The longest of `words`, in bytes.
    word_max: usize,
    chars: FxHashSet<char>,
}

impl Openings {
    /// The openings of the catalog's entries that `keep` takes.
    fn of(keep: impl Fn(&LabelEntry) -> bool) -> Openings {
        // The first of an entry's folded words: its folded wording up to the
        // first space, or an ideograph before it (then not ASCII).
        let firsts: Vec<&str> = catalog()
            .entries_with_words()
            .filter(|(e, _)| keep(e))
            .filter_map(|(_, words)| words.first().map(String::as_str))
            .collect();
        // Only an ASCII word can be a line's first ASCII run.
        let words: FxHashSet<Vec<u8>> = firsts.iter().filter(|w| w.is_ascii()).map(|w| w.as_bytes().to_vec()).collect();
        let word_max = words.iter().map(Vec::len).max().unwrap_or(0);
        let chars = firsts.iter().filter_map(|w| w.chars().next()).collect();
        Openings { words, word_max, chars }
    }

    /// Whether `s`, folded, may start with one of the entries, told without
    /// folding it where it starts with ASCII letters and digits followed by
    /// ASCII that is neither (or nothing): folded, that run is its first
    /// word, lower-cased, and an entry starting with another first word is
    /// no match. A line that starts with a character outside ASCII is passed
    /// over when that character, folded alone, starts no entry (`starts`,
    /// which remembers the answer): a folded line starts with its first
    /// character folded, unless folding drops that character.
    fn may_open(&self, s: &str, starts: impl Fn(char) -> bool) -> bool {
        const MAX_RUN: usize = 32;
        let b = s.as_bytes();
        if b.first().is_some_and(|c| !c.is_ascii()) {
            return s.chars().next().is_some_and(starts);
        }
        let run = b.iter().take(MAX_RUN + 1).take_while(|c| c.is_ascii_alphanumeric()).count();
        if run == 0 || b.get(run).is_some_and(|c| !c.is_ascii()) || self.word_max > MAX_RUN {
            // Folding must tell.
            return true;
        }
        if run > self.word_max {
            return false;
        }
        let mut word = [0u8; MAX_RUN];
        for (to, from) in word.iter_mut().zip(&b[..run]) {
            *to = from.to_ascii_lowercase();
        }
        self.words.contains(&word[..run])
    }

    /// Whether a line starting with `c` (not ASCII) may open an entry: `c`
    /// folds to nothing (folding must tell), or to an entry's first
    /// character.
    fn may_start(&self, c: char) -> bool {
        let mut buf = [0; 4];
        nomina_refdata::fold(c.encode_utf8(&mut buf)).chars().next().is_none_or(|f| self.chars.contains(&f))
    }
}

/// Whether `s` may be page chrome or a section heading (see
/// [`Openings::may_open`]). Most answer lines are passed over so, without a
/// catalog lookup.
fn may_be_marker(s: &str) -> bool {
    thread_local! {
        static SEEN: Memo<bool> = Memo::default();
    }
    let p = patterns();
    p.markers.may_open(s, |c| {
        let mut buf = [0; 4];
        SEEN.with(|seen| seen.get_or_insert(c.encode_utf8(&mut buf), || p.markers.may_start(c)))
    })
}

/// Whether `s` may start with a field's label (see [`Openings::may_open`]):
/// the lines of a news page, asked before any form block opens, mostly do
/// not, and are not folded nor remembered.
fn may_be_field(s: &str) -> bool {
    thread_local! {
        static SEEN: Memo<bool> = Memo::default();
    }
    let p = patterns();
    p.fields.may_open(s, |c| {
        let mut buf = [0; 4];
        SEEN.with(|seen| seen.get_or_insert(c.encode_utf8(&mut buf), || p.fields.may_start(c)))
    })
}

/// A question heading (`Question 3:`, `问题 三`, `السؤال ٣ -`), with what
/// the catalog says of its words: all of it told by the line alone, and
/// remembered for the line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HeadingMatch {
    /// The question's number.
    number: u32,
    /// The language of the question word, when the catalog knows it.
    word_lang: Option<&'static str>,
    /// The title after the head, if any.
    title: Option<Title>,
}

/// A question heading's title, within the heading's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Title {
    /// Longer than a title: the line is prose that starts like a heading,
    /// or a question's prompt after its number (the span: the rest of the
    /// line).
    TooLong(Span),
    /// The title's span within the line (without the head of a heading the
    /// scraper joined before it), and the catalog's heading of that
    /// wording: its key and language.
    Found { span: Span, known: Option<(&'static str, &'static str)> },
}

/// The heading `s` starts with, if it is one; a number without a
/// separator must end the line.
fn heading_match(s: &str) -> Option<HeadingMatch> {
    let p = patterns();
    let initial = s.chars().next().and_then(|c| c.to_lowercase().next())?;
    // Most lines start with a letter no question word starts with, and only
    // the words that start as the line does are compared.
    if !p.heading_words.iter().any(|(first, w)| *first == initial && starts_with_caseless(s, w)) {
        return None;
    }
    // Headings repeat within a page (its blocks stand two or three times)
    // and from page to page: what the pattern and the catalog find is
    // remembered.
    thread_local! {
        static SEEN: Memo<Option<HeadingMatch>> = Memo::default();
    }
    SEEN.with(|seen| {
        seen.get_or_insert(s, || {
            let c = p.heading.captures(s)?;
            let head = c.get(0).expect("group 0 is the match");
            let mut head_end = head.end();
            let num = c.name("num").expect("the pattern names the number");
            if let Some(len) = glued_ordinal_ending(&s[num.end()..]) {
                head_end = head_end_after(s, num.end() + len, false).unwrap_or(num.end() + len);
            } else if c.name("sep").is_none() && head_end < s.len() {
                // `Question 1 of 12`: the count of questions closes the head.
                head_end = head_end_after(s, head_end + count_after(&s[head_end..])?, false)?;
            }
            let number = parse_number(num.as_str())?;
            let word = c.name("word").expect("the pattern names the word").as_str();
            let word_lang = catalog().exact(word, |e| e.key == "structure.question").next().map(|e| e.lang);
            Some(HeadingMatch { number, word_lang, title: heading_title(s, head_end) })
        })
    })
}

/// Whether `tail`, after a heading's number, is one to three words of
/// letters the first of which is in lower case (`of the form`, `анкеты`).
fn lower_case_tail(tail: &str) -> bool {
    let words: Vec<&str> = tail.split_whitespace().collect();
    tail.starts_with(char::is_whitespace)
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| w.chars().all(char::is_alphabetic))
        && words[0].starts_with(char::is_lowercase)
}

/// The title of the heading `s` whose head ends at `head_end`.
fn heading_title(s: &str, head_end: usize) -> Option<Title> {
    // A scheme's head was measured on the whole line, which a mark cut off
    // its end may have shortened.
    let rest = s.get(head_end..)?;
    if rest.trim().is_empty() {
        return None;
    }
    if rest.len() > MAX_TITLE_BYTES {
        return Some(Title::TooLong(trim(s, Span::new(head_end, s.len()))));
    }
    // `题 10: 问题九:确认同意`: the scraper joined two headings; the outer
    // number counts, the inner title names it. Told apart without captures
    // first: few headings are joined.
    let nested = &patterns().nested;
    let mut start = head_end;
    if nested.is_match(rest)
        && let Some(n) = nested.captures(rest).and_then(|n| n.name("rest"))
    {
        start = head_end + n.start();
    }
    let span = trim(s, Span::new(start, s.len()));
    let known = catalog().exact(&s[span.range()], is_ns("heading")).next().map(|e| (e.key, e.lang));
    Some(Title::Found { span, known })
}

/// The part marker `s` starts with (`a.`, `b)`, `(c)`, `а.`, `بـ -`): the
/// Latin letter it stands for and where the prompt after it (and the
/// whitespace before the prompt) starts. By hand rather than with a pattern:
/// it is asked of every line of an answer.
fn part_marker(s: &str) -> Option<(char, usize)> {
    let first = s.chars().next()?;
    if let Some(found) = numbered_part_marker(s) {
        return Some(found);
    }
    let (letter, end) = if matches!(first, '(' | '（' | '[' | '«' | '‹' | '〔' | '［' | '【') {
        // `(c)`, `（一）`, `[c]`, `«в»`, `〔二〕`
        let mut rest = s[first.len_utf8()..].chars();
        let (letter, close) = (rest.next()?, rest.next()?);
        let closes = match first {
            '[' => close == ']',
            '«' => close == '»',
            '‹' => close == '›',
            '〔' => close == '〕',
            '［' => close == '］',
            '【' => close == '】',
            _ => matches!(close, ')' | '）'),
        };
        closes.then_some((letter, first.len_utf8() + letter.len_utf8() + close.len_utf8()))?
    } else {
        // `c.`, `c)`, `c -`, `甲、`; an Arabic letter may be drawn out by a
        // tatweel.
        let mut at = first.len_utf8();
        if s[at..].starts_with('ـ') {
            at += 'ـ'.len_utf8();
        }
        at += s[at..].len() - s[at..].trim_start().len();
        let mark = s[at..].chars().next()?;
        let mut end = at + mark.len_utf8();
        // `a.-`: a dash may follow the mark; `a]` closes a bracket never
        // opened, as `a)` does.
        if matches!(mark, '.' | ')') && s[end..].starts_with(['-', '–', '—']) {
            end += s[end..].chars().next()?.len_utf8();
        }
        // `أ/ `, `a/ `: a slash with a blank after it.
        let slash = mark == '/' && s[end..].starts_with(char::is_whitespace);
        (matches!(mark, '.' | ')' | '．' | '-' | '–' | '—' | '、' | '）' | ':' | ']') || slash)
            .then_some((first, end))?
    };
    let letter = part_letter(letter)?;
    Some((letter, past_blanks(s, end)))
}

/// A part numbered rather than lettered: a small Roman numeral (`(ii)`,
/// `iv.`, `III)`) or a digit in parentheses (`(2)`, `（3）`; a bare `2.`
/// opens items of an answer's own list more often than parts). Gives the
/// Latin letter of the same place and where the prompt starts.
fn numbered_part_marker(s: &str) -> Option<(char, usize)> {
    // `①`: a circled digit delimits itself.
    let first = s.chars().next()?;
    // `1°`, `2º`: a digit with the ordinal sign (primo, secundo).
    if let Some(d) = first.to_digit(10).filter(|&d| d > 0)
        && let Some(sign) = s[1..].chars().next().filter(|c| matches!(c, '°' | 'º'))
    {
        let end = 1 + sign.len_utf8();
        let letter = place_letter(d)?;
        return Some((letter, past_blanks(s, end)));
    }
    if let Some(place) = "①②③④⑤⑥⑦⑧⑨".chars().position(|c| c == first) {
        let end = first.len_utf8();
        let letter = place_letter(place as u32 + 1)?;
        return Some((letter, past_blanks(s, end)));
    }
    let open = s.starts_with(['(', '（']);
    let start = if open { s.chars().next()?.len_utf8() } else { 0 };
    let body_len = s[start..].find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(s.len() - start);
    let body = &s[start..start + body_len];
    let rest = &s[start + body_len..];
    let close = rest.chars().next()?;
    let closes = if open { matches!(close, ')' | '）') } else { matches!(close, '.' | ')' | '．' | '）') };
    if body.is_empty() || !closes {
        return None;
    }
    // A digit in parentheses, or before a parenthesis (`2)`); `2.` opens
    // the items of an answer's own list more often than a part.
    let digit_closed = open || matches!(close, ')' | '）');
    let place = match small_roman(body) {
        Some(n) => n,
        None if digit_closed && body.len() == 1 => body.chars().next()?.to_digit(10).filter(|&d| d > 0)?,
        None => return None,
    };
    let letter = place_letter(place)?;
    let end = start + body_len + close.len_utf8();
    Some((letter, past_blanks(s, end)))
}

/// The Latin letter of a part's place, counted from 1 (`a` for 1, `c` for
/// 3), up to `z`.
fn place_letter(place: u32) -> Option<char> {
    char::from_u32(('a' as u32 - 1).checked_add(place)?).filter(|c| place > 0 && c.is_ascii_lowercase())
}

/// Where the text of `s` resumes after byte `end`, past the blanks there.
fn past_blanks(s: &str, end: usize) -> usize {
    end + s[end..].len() - s[end..].trim_start().len()
}

/// What follows a question's number in a part's marker that carries it
/// (`3a.`, `3.a)`, `3-أ)`, `3(a)`): the letter's marker, past a full stop or
/// hyphen joining the two.
fn past_question_number(rest: &str) -> Option<&str> {
    let opens = |r: &str| r.starts_with(|c: char| c.is_alphabetic() || c == '(');
    let joined = rest.strip_prefix(['.', '-']).filter(|r| opens(r)).unwrap_or(rest);
    opens(joined).then_some(joined)
}

/// How a part marker counts: 0 by letters, 1 by Roman numerals, 2 by digits.
fn part_style(marker: &str) -> u8 {
    match numbered_part_marker(marker) {
        None => 0,
        Some(_) if marker.chars().any(|c| c.is_ascii_digit()) => 2,
        Some(_) => 1,
    }
}

/// The letter of a part whose heading is alone on its line: its marker
/// (`(b)`, `b)`), or a word and its letter (`APARTADO B`, `Part b:`).
fn part_heading_alone(s: &str) -> Option<char> {
    let s = s.trim_end();
    if let Some((letter, end)) = part_marker(s) {
        return (end == s.len()).then_some(letter);
    }
    let (word, rest) = s.split_once(' ')?;
    let rest = rest.trim_start().trim_end_matches(|c: char| c == ')' || c == '）' || is_heading_sep(c));
    let mut letters = rest.chars();
    let letter = letters.next()?;
    let named = (2..=MAX_PART_WORD_BYTES).contains(&word.len()) && word.chars().all(char::is_alphabetic);
    (named && letters.next().is_none()).then(|| part_letter(letter)).flatten()
}

/// A Roman numeral from 1 to 12 in one case (`iv`, `XII`).
pub(crate) fn small_roman(s: &str) -> Option<u32> {
    const NUMERALS: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    let lower = s.to_ascii_lowercase();
    if s != lower && s != s.to_ascii_uppercase() {
        return None;
    }
    NUMERALS.iter().position(|n| *n == lower).map(|i| i as u32 + 1)
}

/// A question's number in square brackets or parentheses opening its
/// prompt, with the part's letter or small Roman numeral after a full stop
/// or at once (`[1] Summarize… (limit: 300 words)`, `[3.ii] What makes…`,
/// `(4b) Who…`): a questionnaire's numbering when the prompt states its
/// word limit or asks a question. Gives the shape, the number, where the head ends and the
/// part, if any.
fn bracketed_prompt_head(s: &str) -> Option<((String, u32, usize), Option<char>)> {
    let open = s.chars().next().filter(|c| matches!(c, '[' | '('))?;
    let close = if open == '[' { ']' } else { ')' };
    let inner_end = s.find(close)?;
    let inner = &s[1..inner_end];
    let digits = inner.find(|c: char| !c.is_ascii_digit()).unwrap_or(inner.len());
    if digits == 0 || digits > 2 {
        return None;
    }
    let number: u32 = inner[..digits].parse().ok()?;
    let rest = &inner[digits..];
    let mark = rest.strip_prefix('.').unwrap_or(rest);
    // A small Roman numeral before a letter: `i` is far more often the
    // first part than the ninth.
    let part = match mark {
        "" if rest.is_empty() => None,
        m => match small_roman(m) {
            Some(n) => Some(place_letter(n)?),
            None if m.len() == 1 => Some(part_letter(m.chars().next()?).filter(char::is_ascii_lowercase)?),
            None => return None,
        },
    };
    let head_end = inner_end + close.len_utf8();
    let prompt = s[head_end..].strip_prefix(' ')?;
    if word_limit(prompt).is_none() && !prompt.trim_end().ends_with(QUESTION_MARKS) {
        return None;
    }
    Some(((format!("{open}#{close}"), number, head_end), part))
}

/// The Latin letter of a part marker written in Latin or Cyrillic letters
/// of either case (`a`, `B`, `а`, `Б`), Arabic letters (`أ`, `ب`, `ج`, in
/// abjad order), Chinese numerals (`一`, `二`) or the celestial stems that
/// Chinese documents count parts with (`甲`, `乙`, `丙`).
pub(crate) fn part_letter(c: char) -> Option<char> {
    const ORDERS: [&str; 5] = ["абвгдеж", "АБВГДЕЖ", "أبجدهوز", "一二三四五六七", "甲乙丙丁戊己庚"];
    if c.is_ascii_alphabetic() {
        return Some(c.to_ascii_lowercase());
    }
    // A full-width letter (`ａ）`), typed in a Chinese keyboard's full-width
    // mode.
    if let 'ａ'..='ｚ' | 'Ａ'..='Ｚ' = c {
        return char::from_u32(c as u32 - 0xFEE0).map(|l| l.to_ascii_lowercase());
    }
    let index = ORDERS.iter().find_map(|order| order.chars().position(|l| l == c))?;
    char::from_u32('a' as u32 + index as u32)
}

const QUESTION_MARKS: [char; 3] = ['?', '？', '؟'];

/// Whether `s` can be an item of an open field holding values of `kind`:
/// a goal under the goals label, a target under the targets label;
/// anything under others.
fn item_fits(kind: Option<ValueKind>, s: &str) -> bool {
    match kind {
        // A target's line (`相关具体目标 16.7 确保…`) names its goal too, but
        // is no item of the goals' list: the targets' label was missed.
        // So is a label and targets after it (`具体目标: 16.7, 16.b`).
        Some(ValueKind::Goals) => looks_like_goal(s) && !numbered_target(s) && !numbered_target(listed_item(s)),
        Some(ValueKind::Targets) => looks_like_target(s) || looks_like_target(listed_item(s)),
        _ => true,
    }
}

/// A list's item as a table row prints it, after the list's label and a
/// mark (`الغاية المختارة | 16.b تعزيز…`): the part after the mark when it is
/// a target; the whole line otherwise.
pub fn listed_item(s: &str) -> &str {
    match separator_split(s) {
        Some((_, value)) if !looks_like_target(s) && looks_like_target(&s[value.clone()]) => &s[value],
        _ => s,
    }
}

/// Whether `s` names an SDG goal (`Goal 16: Peace, Justice and Strong
/// Institutions`, `16`, `无贫穷`), remembered per thread: the same goals are
/// listed on page after page, and each line was folded whole to tell.
fn looks_like_goal(s: &str) -> bool {
    thread_local! {
        static SEEN: Memo<bool> = Memo::default();
    }
    SEEN.with(|seen| seen.get_or_insert(s, || names_a_goal(s)))
}

fn names_a_goal(s: &str) -> bool {
    let folded = nomina_refdata::fold(s);
    goal_number(&folded).is_some_and(|(n, _)| SdgGoal::new(n).is_some())
        || SdgGoal::from_folded_name_near(&folded).is_some()
}

/// The goal number a folded line starts with (`goal 16 peace`, `16 peace`,
/// `目标16 和平`: a goal word of the catalog, written with or without a
/// space before the number, may come first), and the words after it.
pub fn goal_number(folded: &str) -> Option<(u8, &str)> {
    leading_goal_number(folded).or_else(|| trailing_goal_number(folded))
}

fn is_goal_word(w: &str) -> bool {
    catalog().exact(w, |e| e.key == "structure.goal").next().is_some()
}

/// The catalog's goal words outside ASCII, which may end a longer word
/// (`可持续发展目标`).
fn ideographic_goal_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let goal_words = catalog().entries().iter().filter(|e| e.key == "structure.goal" && !e.text.is_ascii());
        goal_words.map(|e| e.text.to_string()).collect()
    })
}

/// Words written between a goal word and its number (`ODS n.º 16`, `Цель №
/// 16`, `الهدف رقم 16`), folded.
fn is_number_sign(w: &str) -> bool {
    matches!(w, "n" | "no" | "nº" | "o" | "num" | "numero" | "nr" | "رقم")
}

/// A goal's number written in digits, in Chinese numerals (`十六`) or in
/// ordinal or cardinal words of one or two words (`السادس عشر`, `sixteen`),
/// at the start of `s` (folded): the number and the words after it.
fn goal_number_word(s: &str) -> Option<(u8, &str)> {
    let (first, rest) = s.split_once(' ').unwrap_or((s, ""));
    if let Ok(n) = first.parse() {
        return Some((n, rest));
    }
    if let Some(n) = chinese_numeral(first) {
        return Some((u8::try_from(n).ok()?, rest));
    }
    if let Some((second, after)) = rest.split_once(' ').or((!rest.is_empty()).then_some((rest, "")))
        && let Some(&n) = ordinals().0.get(format!("{first} {second}").as_str())
    {
        return Some((u8::try_from(n).ok()?, after));
    }
    ordinals().0.get(first).and_then(|&n| Some((u8::try_from(n).ok()?, rest)))
}

/// Most words of a goal's name before its number (`Sustainable
/// Development Goal 16`, `Objectif de développement durable 16`).
const MAX_GOAL_PHRASE_WORDS: usize = 5;

/// [`goal_number`] of a line that opens with the goal.
fn leading_goal_number(folded: &str) -> Option<(u8, &str)> {
    let (first, rest) = folded.split_once(' ').unwrap_or((folded, ""));
    // `可持续发展目标第16项`: the number between the ordinal sign and the
    // counter word, after a goal word.
    if let Some(w) = first.strip_suffix(['项', '項'])
        && let (word, number) = w.split_at(w.trim_end_matches(|c: char| c.is_ascii_digit()).len())
        && let Some(word) = word.strip_suffix('第')
        && (is_goal_word(word) || ideographic_goal_words().iter().any(|g| word.ends_with(g.as_str())))
    {
        return Some((number.parse().ok()?, rest));
    }
    // `16号目标：…`: the number and its sign before the goal word.
    if let Some(sign) = first.find(['号', '號'])
        && sign > 0
        && first[..sign].bytes().all(|b| b.is_ascii_digit())
        && let after = &first[sign + '号'.len_utf8()..]
        && (is_goal_word(after) || ideographic_goal_words().iter().any(|g| after.ends_with(g.as_str())))
    {
        return Some((first[..sign].parse().ok()?, rest));
    }
    // `第16项可持续发展目标：…`: the ordinal sign, the number and the counter
    // word before the goal word.
    if let Some(w) = first.strip_prefix('第')
        && let digits = w.len() - w.trim_start_matches(|c: char| c.is_ascii_digit()).len()
        && digits > 0
        && let after = w[digits..].trim_start_matches(['项', '項', '个', '個'])
        && (is_goal_word(after) || ideographic_goal_words().iter().any(|g| after.ends_with(g.as_str())))
    {
        return Some((w[..digits].parse().ok()?, rest));
    }
    if let Some(found) = goal_phrase_number(folded) {
        return Some(found);
    }
    if is_goal_word(first) {
        let mut rest = rest;
        // `ods n o 16`, `الهدف رقم 16`
        for _ in 0..2 {
            match rest.split_once(' ') {
                Some((w, after)) if is_number_sign(w) => rest = after,
                _ => break,
            }
        }
        return goal_number_word(rest);
    }
    // `目标16`, `目标十六`: the number that ends the first word, after a goal
    // word.
    let digits = first.len() - first.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (word, number) = first.split_at(first.len() - digits);
    if word.is_empty() || is_goal_word(word) {
        return Some((number.parse().ok()?, rest));
    }
    let numeral = first.len() - first.trim_end_matches(|c: char| chinese_numeral(&c.to_string()).is_some()).len();
    let (word, number) = first.split_at(first.len() - numeral);
    if numeral > 0 && is_goal_word(word) {
        return Some((u8::try_from(chinese_numeral(number)?).ok()?, rest));
    }
    None
}

/// The number after a goal's name of a few words, one of them a goal word
/// (`sustainable development goal 16`, `هدف التنمية المستدامة 16`,
/// `可持续发展目标16`: a word that ends with one).
fn goal_phrase_number(folded: &str) -> Option<(u8, &str)> {
    let mut named = false;
    let mut rest = folded;
    let mut words = 0;
    while words < MAX_GOAL_PHRASE_WORDS {
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        // A number sign before the number is no word of the name
        // (`objectif de développement durable n° 16`).
        words += usize::from(!is_number_sign(word));
        let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let letters = &word[..word.len() - digits];
        if !letters.chars().all(char::is_alphabetic) {
            return None;
        }
        let goal_word = is_goal_word(letters) || ideographic_goal_words().iter().any(|w| letters.ends_with(w));
        named |= goal_word;
        if digits > 0 {
            // `可持续发展目标16`, or a number of its own after the name.
            return (named && (letters.is_empty() || goal_word))
                .then(|| Some((word[letters.len()..].parse().ok()?, after)))
                .flatten();
        }
        if after.is_empty() {
            return None;
        }
        rest = after;
    }
    None
}

/// A goal named after its name, at the end of the line (`Paix, justice et
/// institutions efficaces (ODD 16)`): its number and the words before it.
fn trailing_goal_number(folded: &str) -> Option<(u8, &str)> {
    let (head, last) = folded.rsplit_once(' ')?;
    let number: u8 = last.parse().ok()?;
    let (mut head, mut word) = head.rsplit_once(' ').unwrap_or(("", head));
    // A number sign between the goal word and the number (`odd n 16`).
    if is_number_sign(word) {
        (head, word) = head.rsplit_once(' ').unwrap_or(("", head));
    }
    is_goal_word(word).then_some((number, head))
}

/// Whether `s` opens with a target's id numbered within its goal (`16.7`,
/// `16.b`), not a goal's number before its name (`16. Peace`).
fn numbered_target(s: &str) -> bool {
    // Most goals' lines hold no digit, a stop and a digit or a letter in a
    // row: spared the patterns.
    let mut digit = false;
    let dotted = s.chars().any(|c| {
        let stop = digit && matches!(c, '.' | '．' | '-');
        if !c.is_whitespace() {
            digit = c.is_numeric();
        }
        stop
    });
    dotted
        && target_id(s).is_some_and(|id| {
            id.split_once('.').is_some_and(|(_, t)| {
                t.bytes().all(|b| b.is_ascii_digit()) || t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase())
            })
        })
}

fn looks_like_target(s: &str) -> bool {
    target_number(s).is_some()
}

/// A target's number at the start of a line (`16.6`, `“5.a`), as group 1.
fn target_pattern() -> &'static Regex {
    static TARGET: OnceLock<Regex> = OnceLock::new();
    TARGET.get_or_init(|| {
        Regex::new(
            r#"^[\s"'“”„«»「」(\[（【]*(\d{1,2}\s*\.\s*(?:\d{1,2}|[a-zA-Zа-зА-Зأبجدهوزحطي]))(?:$|[^\w.]|\.-?(?:\s|$)|[号號])"#,
        )
        .expect("target pattern")
    })
}

/// The quotes and brackets a target line may open with (`“5.a`, `(16.7)`,
/// `[16.7]`), which [`target_pattern`] skips.
const TARGET_QUOTES: [char; 13] = ['"', '\'', '“', '”', '„', '«', '»', '「', '」', '(', '[', '（', '【'];

/// The SDG target number a line starts with, as written (`16.6`, `5 . a`),
/// perhaps after the word for a target (`Meta 16.7`, `Задача 16.7`,
/// `具体目标16.7`).
pub fn target_number(s: &str) -> Option<&str> {
    // A box or a bullet before the item (`[x] Задача 16.7`, `▸16.7`) is
    // the list's, not the target's.
    let s = strip_box_start(s.trim_start());
    let s = s.trim_start_matches(['•', '▪', '▸', '►', '‣', '◦']).trim_start();
    leading_target_number(s).or_else(|| arabic_target_number(s)).or_else(|| named_target_number(s)).or_else(|| {
        // The target's id after its text, in parentheses (`… (meta 16.7)`).
        let inner = s.trim_end().strip_suffix([')', '）'])?;
        let open = inner.rfind(['(', '（'])?;
        let reference = &inner[open..];
        let number = leading_target_number(reference).or_else(|| named_target_number(reference))?;
        // Nothing but the number after it.
        let end = number.as_ptr() as usize - reference.as_ptr() as usize + number.len();
        reference[end..].trim().is_empty().then_some(number)
    })
}

/// The SDG target number after the word for a target (`Meta 16.7`,
/// `Задача 16.7`, `具体目标16.7`) at the start of a line.
fn named_target_number(s: &str) -> Option<&str> {
    let first = s.trim_start_matches(|c: char| c.is_whitespace() || TARGET_QUOTES.contains(&c)).chars().next()?;
    // A word or two (`Target`, `Sous-objectif`), perhaps an acronym or a
    // number sign after them (`Задача ЦУР №`), then the number, within the
    // line's head.
    if !first.is_alphabetic() || !s.chars().take(24).any(|c| decimal_digit(nfkc_digit(c)).is_some()) {
        return None;
    }
    static NAMED: OnceLock<Regex> = OnceLock::new();
    // The word may end with a stop (`Target No. 16.7`), the number be
    // written in full-width characters and closed by a counter word
    // (`具体目标第１６．７项`).
    let named = NAMED.get_or_init(|| {
        Regex::new(r#"^[\s"'“”„«»「」(\[（【]*\p{L}+(?:-\p{L}+)?(?:\s+(?:[nN]\.?[°º]|\p{L}+\.?|№|#))?(?:\s+(?:\p{Lu}{2,5}|[nN]\.?[°º]|№|#|[nN][oO]\.))?\s*[-–]?[(\[（]?(\d{1,2}\s*[.．]\s*(?:\d{1,2}|[a-zA-Zａ-ｚа-зА-Зأبجدهوزحطي]))(?:$|[^\w.．]|[.．]-?(?:\s|$)|[项項])"#)
            .expect("named target pattern")
    });
    named.captures(s).and_then(|c| c.get(1)).filter(|m| m.start() <= 48).map(|m| m.as_str())
}

/// A target id in the style of Arabic documents, a hyphen between the
/// goal and the target, and an Arabic letter for a lettered target
/// (`١٦-٧`, `16-ب`), at the start of a line.
fn arabic_target_number(s: &str) -> Option<&str> {
    if !s.bytes().take(48).any(|b| b == b'-') {
        return None;
    }
    static ARABIC: OnceLock<Regex> = OnceLock::new();
    let pattern = ARABIC.get_or_init(|| {
        Regex::new(
            r#"^[\s"'“”«»(\[（【]*(?:\p{L}+\s+){0,2}[(\[（]?(\d{1,2}\s*-\s*(?:\d{1,2}|[أبجدهوزحطي]))(?:$|[^\w.\-])"#,
        )
        .expect("arabic target pattern")
    });
    pattern.captures(s).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// The SDG target id a line starts with, written as published (`16.7`,
/// `16.b`), whatever its digits, separator and letter (`１６.７`, `١٦-ب`).
pub fn target_id(s: &str) -> Option<String> {
    let number = target_number(s)?;
    let mut id = String::with_capacity(number.len());
    for c in number.chars().filter(|c| !c.is_whitespace()) {
        match decimal_digit(nfkc_digit(c)) {
            Some(d) => id.push(d),
            None if matches!(c, '.' | '-' | '．') => id.push('.'),
            None => id.push(part_letter(c)?),
        }
    }
    Some(id)
}

/// The SDG target number a line starts with, [`target_pattern`]'s group 1.
fn leading_target_number(s: &str) -> Option<&str> {
    match ascii_target_number(s) {
        Ascii::Told(found) => found,
        // Unicode digits, spaces or word characters: the pattern tells.
        Ascii::Untold => target_pattern().captures(s).and_then(|c| c.get(1)).map(|m| m.as_str()),
    }
}

/// What reading a target number in ASCII told.
enum Ascii<T> {
    Told(T),
    /// A character outside ASCII stands where the pattern's Unicode classes
    /// (`\d`, `\s`, `\w`) decide.
    Untold,
}

/// [`target_pattern`]'s group 1, read by hand where the characters that
/// decide are ASCII (its classes are then `[0-9]`, `[\t\n\v\f\r ]` and
/// `[0-9A-Za-z_]`): the pattern's captures, asked of every line listed
/// under the targets label, ran its backtracking engine each time.
fn ascii_target_number(s: &str) -> Ascii<Option<&str>> {
    use Ascii::*;
    let start = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || TARGET_QUOTES.contains(&c)).len();
    let b = s.as_bytes();
    // The length of the run of ASCII digits at `at`, or Untold where a
    // character outside ASCII may go on with it.
    let digits = |at: usize| {
        let n = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if b.get(at + n).is_some_and(|c| !c.is_ascii()) { Untold } else { Told(n) }
    };
    let blanks = |at: usize| {
        let n = b[at..].iter().take_while(|c| matches!(c, b'\t'..=b'\r' | b' ')).count();
        if b.get(at + n).is_some_and(|c| !c.is_ascii()) { Untold } else { Told(at + n) }
    };
    // Whether the pattern's end, `(?:$|[^\w.]|\.(?:\s|$))`, holds at `at`:
    // a full stop may close the number (`16.7. Ensure`).
    let ends = |at: usize| match b.get(at) {
        None => Told(true),
        Some(c) if !c.is_ascii() => Untold,
        Some(b'.') => match b.get(at + 1) {
            None => Told(true),
            Some(n) if !n.is_ascii() => Untold,
            // `16.7.- Garantizar…`: a full stop and a dash close it.
            Some(b'-') => match b.get(at + 2) {
                None => Told(true),
                Some(n) if !n.is_ascii() => Untold,
                Some(n) => Told(matches!(n, b'\t'..=b'\r' | b' ')),
            },
            Some(n) => Told(matches!(n, b'\t'..=b'\r' | b' ')),
        },
        Some(c) => Told(!(c.is_ascii_alphanumeric() || *c == b'_')),
    };
    macro_rules! told {
        ($e:expr) => {
            match $e {
                Told(v) => v,
                Untold => return Untold,
            }
        };
    }
    if b.get(start).is_some_and(|c| !c.is_ascii()) {
        return Untold;
    }
    // One or two digits: a third would stand where `\s*\.` must.
    let n = told!(digits(start));
    if !(1..=2).contains(&n) {
        return Told(None);
    }
    let at = told!(blanks(start + n));
    if b.get(at) != Some(&b'.') {
        return Told(None);
    }
    let at = told!(blanks(at + 1));
    let end = match b.get(at) {
        Some(c) if !c.is_ascii() => return Untold,
        Some(c) if c.is_ascii_digit() => {
            let m = told!(digits(at));
            // Three or more digits leave a digit where the end must be.
            if m > 2 {
                return Told(None);
            }
            at + m
        }
        Some(c) if c.is_ascii_alphabetic() => at + 1,
        _ => return Told(None),
    };
    Told(told!(ends(end)).then(|| &s[start..end]))
}

/// Whether the rest of a line after a label's catalog wording is a second
/// wording of the label after a slash (`/ Organization name`), perhaps
/// after a word or two in lower case that end the first one (`visée /
/// Award category`).
fn second_wording(rest: &str) -> bool {
    let Some((before, after)) =
        rest.split_once(" / ").or_else(|| rest.trim_start().strip_prefix("/ ").map(|a| ("", a)))
    else {
        return false;
    };
    let before = before.trim();
    let after = after.trim();
    before.split_whitespace().count() <= MAX_FIRST_WORDING_TAIL
        && before.split_whitespace().all(|w| w.starts_with(char::is_lowercase))
        && after.starts_with(char::is_alphabetic)
        && !after.contains(['/', '／'])
        && after.split_whitespace().take(MAX_SEPARATED_LABEL_WORDS + 1).count() <= MAX_SEPARATED_LABEL_WORDS
}

/// Whether a value found at `value_start` in `s` opens at the second
/// wording of a label in two languages (`Intitulé du projet / | Project
/// title`): it is the label's, not a value.
fn value_opens_second_wording(s: &str, value_start: usize) -> bool {
    s.find(" / ").is_some_and(|at| value_start <= at + " / ".len() && second_wording(&s[at..]))
}

/// Most words of a first wording left after the catalog's, before a second
/// wording (see [`second_wording`]).
const MAX_FIRST_WORDING_TAIL: usize = 2;

/// Blanks that pad a label to the column of its value.
const COLUMN_PADDING: &str = "   ";

/// Most words of a label before a separator (see [`separator_split`]).
const MAX_SEPARATED_LABEL_WORDS: usize = 24;

/// Characters a mark between a label and its value is made of (`:`, `—`,
/// `--`, `»`, `·`, `|`, `=`, `::`, a dot leader).
fn is_separator_char(c: char) -> bool {
    matches!(
        c,
        ':' | '：'
            | '-'
            | '–'
            | '—'
            | '|'
            | '='
            | '»'
            | '«'
            | '›'
            | '>'
            | '→'
            | '~'
            | '│'
            | '┃'
            | '║'
            | '¦'
            | '⇒'
            | '▸'
    ) || is_leader_char(c)
}

/// A bar that parts a table's cells, drawn (`│`) or typed (`|`).
fn is_cell_bar(c: char) -> bool {
    matches!(c, '|' | '│' | '┃' | '║')
}

/// A row of a two-column table framed by its bars (`| Country | Ghana |`,
/// `│ País │ Corea │`): where its opening bar ends and where its closing
/// bar starts. One bar parts the cells.
fn framed_row(s: &str) -> Option<(usize, usize)> {
    let open = s.chars().next().filter(|&c| is_cell_bar(c))?;
    let inner = s[open.len_utf8()..].strip_suffix(open)?;
    // One bar parts label and value; none, a title boxed alone (`| I. Sector |`).
    let bars = inner.chars().filter(|&c| c == open).count();
    (bars == 1 || bars == 0 && inner.starts_with(' ') && inner.ends_with(' ') && !inner.trim().is_empty())
        .then(|| (open.len_utf8(), open.len_utf8() + inner.len()))
}

/// Characters a leader from a label to its value is made of (`Pays .....
/// Corée`, `País ····· Corea`).
fn is_leader_char(c: char) -> bool {
    matches!(c, '.' | '…' | '·' | '・' | '‧' | '∙')
}

/// Where a leader of at least [`MIN_LEADER_CHARS`], or an arrow, that ends a
/// line after a blank starts (`Website ········`, `网址 →`), when a label
/// with a letter is before it.
fn trailing_leader(s: &str) -> Option<usize> {
    let label = s.trim_end_matches(|c: char| is_separator_char(c) && c != '|');
    let leader = &s[label.len()..];
    // A leader, or an arrow, chevron or em dash that points at nothing
    // (`Website →`); not a colon, a hyphen or a full stop, which close
    // labels and sentences.
    let points = matches!(leader, "→" | "»" | "›" | "=" | ">" | "=>" | "->" | "—");
    // A title ruled on both sides (`— Question 1 —`) keeps its rules.
    let ruled = s.starts_with(leader);
    ((leader.chars().count() >= MIN_LEADER_CHARS && leader.chars().all(is_leader_char) || points && !ruled)
        && label.ends_with(char::is_whitespace)
        && label.chars().any(char::is_alphabetic))
    .then_some(label.len())
}

/// Most characters of a short label (`国家`, `Country`), which says little
/// by its words.
const MAX_SHORT_LABEL_CHARS: usize = 8;

/// Fewest characters of a leader alone at a line's end (`....`): fewer
/// close a sentence or trail off (`…`, `...`).
const MIN_LEADER_CHARS: usize = 4;

/// Where a mark set between a label and its value splits a line: a tab or
/// an ideographic space; a colon closing a word (`Country: Korea`,
/// `所在会员国：韩国`; not a clock's nor a web address's); a word of marks
/// alone set off by blanks (`Имя — Dangjin City`, `Pays » Corée`, `Org --
/// Dangjin`, `Pays ..... Corée`); the bracket closing a bracketed label
/// (`【会员国】大韩民国`, `[الدولة] كوريا`). The first such mark counts; the
/// label before it has a letter and not too many words. The label's length
/// and the value's range.
fn separator_split(s: &str) -> Option<(usize, Range<usize>)> {
    let bracketed = s.chars().next().filter(|c| matches!(c, '【' | '[')).and_then(|open| {
        let inner = &s[open.len_utf8()..];
        let close = inner.find(['】', ']'])?;
        Some(open.len_utf8() + close + inner[close..].chars().next()?.len_utf8())
    });
    let (label_end, value_start) = match bracketed {
        Some(end) => (end, end),
        None => unbracketed_separator(s)?,
    };
    let label = s[..label_end].trim_start_matches(['【', '[']).trim();
    if !label.chars().any(char::is_alphabetic)
        || label.split_whitespace().take(MAX_SEPARATED_LABEL_WORDS + 1).count() > MAX_SEPARATED_LABEL_WORDS
    {
        return None;
    }
    let value = trim_range(s, value_start..s.len());
    (!value.is_empty()).then(|| (s[..label_end].trim_end().len(), value))
}

/// [`separator_split`] of a line without a bracketed label: where the label
/// ends and where its value starts.
fn unbracketed_separator(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        let after = i + c.len_utf8();
        let next = s[after..].chars().next();
        match c {
            '\t' | '\u{3000}' if i > 0 => {
                let end = s[after..].find(|d: char| !d.is_whitespace()).map_or(s.len(), |n| after + n);
                return Some((i, end));
            }
            // A label padded to a column (`Country      Ghana`): blanks
            // enough that no sentence holds them.
            ' ' if i > 0 && s[i..].starts_with(COLUMN_PADDING) => {
                let end = s[i..].find(|d: char| d != ' ').map_or(s.len(), |n| i + n);
                return (end < s.len()).then_some((i, end));
            }
            // A corner bracket opening the value (`国家「韩国`, its closing
            // bracket cut off the line before), or the first of a list's
            // items each in its own (`目标「目标16 …」「目标17 …`).
            '「' | '『'
                if i > 0
                    && s[after..]
                        .trim_end_matches(['」', '』'])
                        .split("」「")
                        .flat_map(|item| item.split("』『"))
                        .all(|item| !item.contains(['「', '『', '」', '』'])) =>
            {
                return Some((i, after));
            }
            // A guillemet opening the value after a blank (`Pays « Ghana`,
            // its closing one cut off the line before).
            '«' if i > 0 && s[..i].ends_with(char::is_whitespace) && !s[after..].contains(['«', '»']) => {
                return Some((i, after));
            }
            // An input box opening the value (`Pays [ Corée`, its closing
            // bracket cut off the line before; see `input_box`).
            '[' if i > 0
                && s[..i].ends_with(char::is_whitespace)
                && next.is_some_and(char::is_whitespace)
                && !s[after..].contains(['[', ']']) =>
            {
                return Some((i, after));
            }
            // An equals sign before a quoted value (`Country="Ghana`, its
            // closing quote cut off the line before; see `quoted_assignment`).
            '=' if i > 0 && next == Some('"') && !s[after + 1..].contains('"') => {
                return Some((i, after + 1));
            }
            // A colon closing a word (`Country:`, `会员国：韩国`), not a web
            // address's nor a clock's.
            ':' | '：' if i > 0 && next != Some('/') => {
                let clock = c == ':' && bytes[i - 1].is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
                let closes = c == '：' || next.is_none_or(char::is_whitespace);
                if !clock && closes && !bytes[i - 1].is_ascii_whitespace() {
                    return Some((i, after));
                }
            }
            _ => {}
        }
        // A word of marks alone between blanks.
        if i > 0 && bytes[i - 1].is_ascii_whitespace() && is_separator_char(c) {
            let word_len = s[i..].find(char::is_whitespace).unwrap_or(s.len() - i);
            let word = &s[i..i + word_len];
            let dots = word.chars().all(is_leader_char);
            if word.chars().all(is_separator_char) && i + word_len < s.len() && (dots || word.chars().count() <= 3) {
                return Some((i, i + word_len));
            }
        }
    }
    None
}

/// Whether a line opens with a label of the catalog, or one alike to it
/// (`مستوى الإدارة محلي`): no value alone under a label.
fn opens_with_label(s: &str) -> bool {
    (may_be_field(s) && catalog().prefix_in(s, "field").is_some())
        || catalog().fuzzy_prefix(s, FUZZY_THRESHOLD, is_ns("field")).is_some()
}

/// Whether the whole of `value` is a value of `kind`.
fn is_whole_value(kind: ValueKind, value: &str) -> bool {
    match kind {
        ValueKind::Text | ValueKind::Category | ValueKind::Learned => true,
        ValueKind::Goals | ValueKind::List => false,
        // The first of a table's rows of targets, each after the list's
        // label (`الغاية المختارة | 16.7 كفالة…`).
        ValueKind::Targets => numbered_target(value),
        ValueKind::YesNo => yes_no(value).is_some(),
        ValueKind::Date => parse_date(value, DateOrder::DayFirst).is_some(),
        ValueKind::Country => Country::from_name(value).is_some(),
        ValueKind::Level => level_named(value).is_some(),
        ValueKind::Integer => is_number_of_years(value),
        ValueKind::Url => value.starts_with("http://") || value.starts_with("https://") || value.starts_with("www."),
    }
}

/// Whether a value is a number of years, in digits or in words, with or
/// without the word for years (`5`, `5 ans`, `cinq (5) ans`, `5(years)`,
/// `Five`, `满5年`): one number, and no other word than the word for years.
fn is_number_of_years(value: &str) -> bool {
    let is_cardinal = |w: &str| catalog().exact(w, |e| e.namespace() == "cardinal").next().is_some();
    let mut numbers = 0;
    for token in
        value.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '（' | '）')).filter(|t| !t.is_empty())
    {
        let digits = token.chars().filter(|c| decimal_digit(*c).is_some()).count();
        // Digits within a word of ideographs (`满5年`, `5年`).
        let ideographic_rest = token.chars().filter(|c| decimal_digit(*c).is_none()).all(nomina_refdata::fold::is_cjk);
        let number = digits > 0 && (digits == token.chars().count() || ideographic_rest);
        // `五年`: a number in ideographs with the word for years joined to it.
        let joined = token.strip_suffix('年').is_some_and(|n| chinese_numeral(n).is_some());
        if number || joined || is_cardinal(token) {
            numbers += 1;
        } else if !crate::date::is_year_word(token) {
            return false;
        }
    }
    (1..=2).contains(&numbers)
}

/// The start of a value after a label, past a mark left before it (`: `,
/// ` — `, ` » `, `--`, a tab): `at` itself when there is none.
fn past_separator(s: &str, at: usize) -> usize {
    let rest = &s[at.min(s.len())..];
    let trimmed = rest.trim_start();
    if trimmed.starts_with("://") {
        return at;
    }
    // An equals sign and the quote opening the value (`Name="Dangjin`).
    if let Some(value) = trimmed.strip_prefix("=\"")
        && !value.trim().is_empty()
    {
        return s.len() - value.trim_start().len();
    }
    let marks = trimmed.find(|c: char| !is_separator_char(c)).unwrap_or(trimmed.len());
    let mark = &trimmed[..marks];
    // A colon may close the label without a blank (`Pays: Corée`); any other
    // mark stands alone (`-5`, `...and` are values).
    let closes = trimmed[marks..].starts_with(char::is_whitespace) || mark.ends_with([':', '：']);
    if marks == 0 || !closes || mark.chars().count() > 3 && !mark.chars().all(is_leader_char) {
        return at;
    }
    let value = trimmed[marks..].trim_start();
    if value.is_empty() {
        return at;
    }
    s.len() - value.len()
}

/// Splits a line into label and value by the kind of value its field
/// holds: the label's length, and the value's byte range, if any. A mark
/// between label and value (see [`separator_split`]) is taken first, when
/// what follows it is a value of the kind.
fn split_by_kind(kind: ValueKind, s: &str) -> Option<(usize, Option<Range<usize>>)> {
    if let Some((label, value)) = separator_split(s) {
        let v = &s[value.clone()];
        // A list's items run together in the value's cell (`ODS 16 (…);
        // ODS 17 (…)`), its first one opening it.
        let first_item = || match kind {
            ValueKind::Goals => goal_number(&nomina_refdata::fold(v)).is_some(),
            ValueKind::Targets => target_number(v).is_some(),
            _ => false,
        };
        if is_whole_value(kind, v) || first_item() {
            return Some((label, Some(value)));
        }
    }
    split_by_kind_unseparated(kind, s)
}

/// [`split_by_kind`] by the value's kind alone.
fn split_by_kind_unseparated(kind: ValueKind, s: &str) -> Option<(usize, Option<Range<usize>>)> {
    let ends_as_question = s.trim_end().ends_with(QUESTION_MARKS);
    let after_question = || {
        let q = s.rfind(QUESTION_MARKS)?;
        let q_end = q + s[q..].chars().next()?.len_utf8();
        let v = trim_range(s, q_end..s.len());
        (!v.is_empty()).then_some((q, Some(v)))
    };
    let last_words = |n: usize| -> Option<Range<usize>> {
        let starts: Vec<usize> =
            s.char_indices().filter(|&(i, c)| c.is_whitespace() && i > 0).map(|(i, _)| i).collect();
        let start = *starts.iter().rev().nth(n.checked_sub(1)?)?;
        Some(trim_range(s, start..s.len()))
    };
    let keyword = |ns: &str, r: &Range<usize>| catalog().exact(&s[r.clone()], |e| e.namespace() == ns).next().is_some();
    match kind {
        ValueKind::YesNo => {
            if let Some(r) = ending_keyword(s, "value") {
                // The word after an empty box is an option of a row of boxes
                // (`… ? [ ] Oui [ ] Non`): the row is the value.
                if BOX_EMPTY.iter().any(|b| s[..r.start].trim_end().ends_with(b))
                    && let Some(row) = BOX_FILLED.iter().chain(&BOX_EMPTY).filter_map(|b| s.find(b)).min()
                {
                    return Some((row, Some(trim_range(s, row..s.len()))));
                }
                return Some((r.start, Some(r)));
            }
            ends_as_question.then_some((s.len(), None))
        }
        ValueKind::Learned => after_question()
            .or_else(|| ending_keyword(s, "learned").map(|r| (r.start, Some(r))))
            // Ideographs after a blank that hold an option's word
            // (`… 上网看到的`, saw it online).
            .or_else(|| {
                let (at, last) = word_spans(s.trim_end()).last()?;
                (at > 0 && last.chars().all(nomina_refdata::fold::is_cjk) && holds_learned_word(last))
                    .then(|| (at, Some(at..s.trim_end().len())))
            })
            .or_else(|| ends_as_question.then_some((s.len(), None))),
        ValueKind::Text => after_question().or_else(|| ends_as_question.then_some((s.len(), None))),
        // A category's name after a label with no mark between them
        // (`Category of UNPSA … relevant Transparent and accountable …`):
        // the data's names tell where the value starts.
        ValueKind::Category => after_question()
            .or_else(|| ends_as_question.then_some((s.len(), None)))
            .or_else(|| category_suffix(s).map(|r| (r.start, Some(r)))),
        ValueKind::Date => {
            // Up to six words: `1 de noviembre de 2017`.
            for n in (1..=6).rev() {
                if let Some(r) = last_words(n)
                    && parse_date(&s[r.clone()], DateOrder::DayFirst).is_some()
                {
                    return Some((r.start, Some(r)));
                }
            }
            // A date run into its label, no blank between (`实施开始日期
            // （日/月/年）2017年11月1日`).
            if let Some(f) = crate::date::find_dates(s).last()
                && f.start > 0
                && s[f.end..].trim().is_empty()
            {
                let r = trim_range(s, f.start..s.len());
                return Some((r.start, Some(r)));
            }
            (ends_as_question || s.trim_end().ends_with([')', ':', '：'])).then_some((s.len(), None))
        }
        ValueKind::Goals | ValueKind::Targets | ValueKind::List => {
            if !looks_like_goal(s) && !looks_like_target(s) {
                return Some((s.len(), None));
            }
            // A label, then an item after a blank (`相关具体目标  16.7 确保…`):
            // the label's words name no goal, the rest is one.
            let item = |r: &str| match kind {
                ValueKind::Goals => goal_number(&nomina_refdata::fold(r)).is_some(),
                ValueKind::Targets => target_number(r).is_some(),
                _ => false,
            };
            let at = s
                .char_indices()
                .filter(|&(i, c)| c.is_whitespace() && i > 0)
                .take(MAX_LOOSE_LABEL_WORDS)
                .find(|&(i, _)| item(s[i..].trim_start()))?
                .0;
            let head = &s[..at];
            let r = trim_range(s, at..s.len());
            (!looks_like_goal(head) && !looks_like_target(head)).then_some((at, Some(r)))
        }
        ValueKind::Country => (1..=5).rev().find_map(|n| {
            let r = last_words(n)?;
            Country::from_name(&s[r.clone()]).map(|_| (r.start, Some(r)))
        }),
        // A level in parentheses qualifies another value (`Government(Local)`,
        // `حكومية (محلية)`): no level of its own.
        ValueKind::Level => (1..=2)
            .rev()
            .find_map(|n| {
                let r = last_words(n)?;
                (keyword("level", &r) && !s[r.clone()].starts_with(['(', '（'])).then_some((r.start, Some(r)))
            })
            .or_else(|| {
                let r = last_words(1)?;
                suffixed_level(&s[r.clone()]).map(|_| (r.start, Some(r)))
            })
            // A level's word opening a few words that name it (`Local
            // Self-Government`, `Local authority level`).
            .or_else(|| {
                (2..=MAX_LEVEL_VALUE_WORDS).rev().find_map(|n| {
                    let r = last_words(n)?;
                    let v = &s[r.clone()];
                    let first = v.split_whitespace().next()?;
                    // Inside a label's brackets (`Nivel (central, provincial o
                    // local)`) is a hint, no value.
                    let balanced = v.matches(['(', '（']).count() == v.matches([')', '）']).count();
                    (!first.starts_with(['(', '（'])
                        && balanced
                        && keyword("level", &(r.start..r.start + first.len()))
                        && level_named(v).is_some())
                    .then_some((r.start, Some(r)))
                })
            }),
        // A number of years, with or without the word for years (`5`,
        // `5 ans`, `5年`).
        ValueKind::Integer => {
            let digits = |t: &str| !t.is_empty() && t.chars().all(|c| decimal_digit(c).is_some());
            let r = last_words(1)?;
            let last = &s[r.clone()];
            let number_end = last.find(|c: char| decimal_digit(c).is_none()).unwrap_or(last.len());
            if digits(last) || (number_end > 0 && keyword("unit", &(r.start + number_end..r.end))) {
                return Some((r.start, Some(r)));
            }
            let r2 = last_words(2)?;
            (keyword("unit", &r) && digits(s[r2.start..r.start].trim())).then_some((r2.start, Some(r2)))
        }
        ValueKind::Url => {
            let r = last_words(1)?;
            let v = &s[r.clone()];
            let url = v.starts_with("http://") || v.starts_with("https://") || v.starts_with("www.");
            url.then_some((r.start, Some(r)))
        }
    }
}

/// Longest line searched for a category's name at its end.
const MAX_CATEGORY_LINE_BYTES: usize = 400;

/// The range of `s` from a word's start to its end that is an award
/// category's name (English or a known translation), the longest such.
fn category_suffix(s: &str) -> Option<Range<usize>> {
    let s_end = s.trim_end().len();
    if s_end > MAX_CATEGORY_LINE_BYTES {
        return None;
    }
    s.char_indices()
        .filter(|&(i, c)| i > 0 && c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&i| i < s_end && !s[i..].starts_with(char::is_whitespace))
        .find(|&i| nomina_refdata::Category::from_name(&s[i..s_end]).is_some())
        .map(|i| i..s_end)
}

/// Most words of a value that names a level among other words (`Local
/// authority level`).
const MAX_LEVEL_VALUE_WORDS: usize = 4;

/// The administrative level a value names: as a whole (`Local`), by one
/// of its few words (`Local authority level`, `Local government level`),
/// or, written in ideographs, by the levels its characters hold (`基层地方`,
/// two wordings of the local level), when they all name one level.
pub fn level_named(value: &str) -> Option<&'static str> {
    let exact = |v: &str| catalog().exact(v, |e| e.namespace() == "level").next().map(|e| e.name());
    let value = value.trim();
    if let Some(level) = exact(value).or_else(|| suffixed_level(value)) {
        return Some(level);
    }
    let mut named: Vec<&'static str> = Vec::new();
    if value.chars().all(nomina_refdata::fold::is_cjk) {
        // Wordings of levels, one after another, and nothing else.
        let mut rest = value;
        while !rest.is_empty() {
            let e = catalog()
                .entries()
                .iter()
                .filter(|e| e.namespace() == "level" && e.text.chars().all(nomina_refdata::fold::is_cjk))
                .filter(|e| rest.starts_with(e.text))
                .max_by_key(|e| e.text.len())?;
            named.push(e.name());
            rest = &rest[e.text.len()..];
        }
    } else {
        // A level in parentheses qualifies another value (`Government(Local)`);
        // one before them is qualified (`Местный (ОМСУ)`).
        if let Some(open) = value.find(['(', '（']) {
            return exact(value[..open].trim());
        }
        let words: Vec<&str> = value.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
        if words.len() > MAX_LEVEL_VALUE_WORDS {
            return None;
        }
        named.extend(words.iter().filter_map(|w| exact(w)));
    }
    let first = *named.first()?;
    named.iter().all(|n| *n == first).then_some(first)
}

/// Whether a value is an administrative level and nothing else: every
/// word of it a level's wording (`Local`, `Regional, State`).
fn level_alone(value: &str) -> bool {
    let exact = |v: &str| catalog().exact(v, |e| e.namespace() == "level").next().is_some();
    let value = value.trim();
    if value.chars().all(nomina_refdata::fold::is_cjk) {
        return level_named(value).is_some();
    }
    exact(value)
        || value.split(|c: char| c.is_whitespace() || c == ',' || c == '/').filter(|w| !w.is_empty()).all(exact)
}

/// The administrative level an ideographic value names by a level's
/// wording with one character after it (`地方级`, not `地方政府`, a local
/// government): the level's catalog name, when one level alone fits.
pub fn suffixed_level(value: &str) -> Option<&'static str> {
    let cjk = |t: &str| t.chars().all(nomina_refdata::fold::is_cjk);
    let value = value.trim();
    if value.is_empty() || !cjk(value) {
        return None;
    }
    let mut named = catalog()
        .entries()
        .iter()
        .filter(|e| e.namespace() == "level" && cjk(e.text))
        .filter(|e| value.strip_prefix(e.text).is_some_and(|rest| rest.chars().count() == 1))
        .map(|e| e.name());
    let first = named.next()?;
    named.all(|n| n == first).then_some(first)
}

/// The catalog word of namespace `ns` (a yes or a no, a way of learning
/// about the awards, in any of the six languages) that ends `s`, set off
/// from what goes before by a blank or punctuation: its byte range.
/// Compared from the end, so that a value written without a blank after
/// an ideographic question mark (`…部门？是`) is found too.
fn ending_keyword(s: &str, ns: &str) -> Option<Range<usize>> {
    let full = s.trim_end();
    // A yes and a no with their boxes (`Oui ☒ Non ☐`), or a bracketed word
    // (`[Yes]`, `Y (Yes)`), set off from the label.
    if ns == "value" {
        let set_off =
            |at: usize| at > 0 && full[..at].chars().next_back().is_some_and(|c| c.is_whitespace() || is_label_end(c));
        for read in [box_choice, bracketed_yes_no, paired_yes_no] {
            if let Some((at, _)) = read(full)
                && set_off(at)
            {
                return Some(at..full.len());
            }
        }
    }
    // A tick or a checkbox after the value (`Да ✓`, `Sí [X]`) is the value's.
    let ticked = strip_tick_end(full);
    if ticked.len() < full.len() {
        return ending_keyword(ticked, ns).map(|r| r.start..full.len()).or_else(|| {
            // A mark alone after the question (`…实施？ √`) is the answer.
            let at = ticked.len() + (full.len() - ticked.len() - full[ticked.len()..].trim_start().len());
            // Set off from the question by a blank or a question's mark
            // (`跟…有关吗 √`, `…实施？√`).
            (ns == "value"
                && !ticked.is_empty()
                && (at > ticked.len() || ticked.chars().next_back().is_some_and(is_label_end))
                && strip_tick(&full[at..]).1.is_some())
            .then_some(at..full.len())
        });
    }
    // A full stop may close the value (`Non.`, `是。`); it is the value's.
    let t = full.strip_suffix(['.', '。', '．']).unwrap_or(full);
    if t.is_empty() {
        return None;
    }
    // A gloss in brackets after the value that says the same (`Online
    // (Internet)`): the value runs from the word before it.
    if ns != "value"
        && let Some(inner) = t.strip_suffix([')', '）'])
        && let Some(open) = inner.rfind(['(', '（'])
        && let gloss = inner[open..].trim_start_matches(['(', '（']).trim()
        && catalog().exact(gloss, |e| e.namespace() == ns).next().is_some()
        && let Some(before) = ending_keyword(inner[..open].trim_end(), ns)
    {
        return Some(before.start..full.len());
    }
    let set_off =
        |at: usize| at > 0 && t[..at].chars().next_back().is_some_and(|c| c.is_whitespace() || is_label_end(c));
    let found = keywords(ns).iter().filter_map(|w| ends_with_caseless(t, w)).max_by_key(|r| r.len());
    // A yes word a negation turns into a no (`Not ticked`, `未勾选`): the
    // value is both words.
    if ns == "value"
        && (found.is_some() || t.chars().next_back().is_some_and(nomina_refdata::fold::is_cjk))
        && let Some(at) = negated_yes(t)
        && set_off(at)
    {
        return Some(at..full.len());
    }
    // The whole line is a value, not a label and a value.
    found.filter(|r| set_off(r.start)).map(|r| r.start..full.len())
}

/// Marks that tick a yes, and marks that say no, beside or instead of a
/// yes/no value's word; radio buttons; checkboxes written with brackets.
const TICK_YES: [char; 6] = ['✓', '✔', '√', '☑', '☒', '◉'];
const TICK_NO: [char; 4] = ['✗', '✘', '×', '☐'];
const RADIO: [char; 2] = ['○', '●'];
/// Marks printed beside a yes/no word other than a box in brackets (see
/// [`box_mark`]): the option's code an export adds (`Oui (1)`, `Non (0)`),
/// a selection's word, a cross after a dash (`Sí – X`).
const CHECKBOXES: [&str; 5] = ["(selected)", "(1)", "(0)", "– X", "- X"];

/// Brackets that frame a section's title alone on its line.
const TITLE_FRAMES: [(char, char); 4] = [('[', ']'), ('【', '】'), ('〖', '〗'), ('〔', '〕')];
/// Brackets a box is printed in, opening and closing.
const BOX_BRACKETS: [(char, char); 4] = [('[', ']'), ('(', ')'), ('（', '）'), ('【', '】')];

/// Whether `inner`, a bracket's content, is a box's mark: blank, a cross,
/// a tick or a plus (`[✔]`, `( X )`, `（√）`, `[ ]`).
fn box_mark(inner: &str) -> bool {
    let t = inner.trim();
    t.chars().count() <= 1 && t.chars().all(|c| matches!(c, 'X' | 'x' | '+') || is_tick(c))
}

/// `t` without a box in brackets at its start (see [`box_mark`]).
fn strip_box_start(t: &str) -> &str {
    for (open, close) in BOX_BRACKETS {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && end <= 8
            && box_mark(&rest[..end])
        {
            return rest[end + close.len_utf8()..].trim_start();
        }
    }
    t
}

/// `t` without a box in brackets at its end (see [`box_mark`]).
fn strip_box_end(t: &str) -> &str {
    for (open, close) in BOX_BRACKETS {
        if let Some(rest) = t.strip_suffix(close)
            && let Some(start) = rest.rfind(open)
            && rest.len() - start <= 8
            && box_mark(&rest[start + open.len_utf8()..])
        {
            return rest[..start].trim_end();
        }
    }
    t
}

fn is_tick(c: char) -> bool {
    TICK_YES.contains(&c) || TICK_NO.contains(&c) || RADIO.contains(&c)
}

/// Tick marks and checkboxes around a yes/no value (`Да ✓`, `☑ نعم`,
/// `Sí [X]`), set aside; and, for a value that is a mark alone, what the
/// mark says (`√` yes, `×` no).
fn strip_tick(s: &str) -> (&str, Option<bool>) {
    // Most values hold no mark: ASCII without a bracket has none.
    if s.is_ascii() && !s.contains(['[', '(']) {
        return (s.trim(), None);
    }
    let mut t = s.trim();
    loop {
        let before = t;
        t = t.trim_matches(is_tick).trim();
        for bx in CHECKBOXES {
            t = t.strip_prefix(bx).unwrap_or(t).strip_suffix(bx).unwrap_or(t).trim();
        }
        t = strip_box_end(strip_box_start(t));
        if t == before {
            break;
        }
    }
    let alone = s.trim();
    let all = |marks: &[char]| !alone.is_empty() && alone.chars().all(|c| marks.contains(&c) || c.is_whitespace());
    let meaning = if !t.is_empty() {
        None
    } else if all(&TICK_YES) {
        Some(true)
    } else if all(&TICK_NO) {
        Some(false)
    } else {
        None
    };
    (t, meaning)
}

/// Boxes that mark the option chosen among those printed, and boxes left
/// empty (`Oui ☒ Non ☐`, `■是 □否`, `(•) Sí ( ) No`). Word's Wingdings
/// boxes come out as the Latin-1 letters of their codes when a conversion
/// drops the font: `þ` and `ý` for a ticked box, `¨` for an empty one.
const BOX_FILLED: [&str; 20] = [
    "■", "☒", "☑", "✔", "✓", "●", "◉", "▣", "⊠", "[X]", "[x]", "(X)", "(x)", "(•)", "[+]", "(+)", "_X_", "_x_", "þ",
    "ý",
];
const BOX_EMPTY: [&str; 10] = ["□", "☐", "○", "◯", "▢", "[ ]", "( )", "___", "__", "¨"];

/// The box `s` opens with, if any: whether it is ticked, and the box as
/// written.
fn box_at(s: &str) -> Option<(bool, &'static str)> {
    BOX_FILLED.iter().map(|b| (true, *b)).chain(BOX_EMPTY.iter().map(|b| (false, *b))).find(|(_, b)| s.starts_with(b))
}

/// The box `s` opens with, a blank after it (`☑ `, `( ) `, `[x] `): whether
/// it is ticked, and where the text after it starts.
fn leading_box(s: &str) -> Option<(bool, usize)> {
    let (filled, b) = box_at(s)?;
    let rest = &s[b.len()..];
    let text = rest.trim_start();
    (text.len() < rest.len() && !text.is_empty()).then(|| (filled, s.len() - text.len()))
}

/// A yes and a no printed side by side at the end of `s`, each with its box,
/// one box filled (`Oui ☒ Non ☐`, `■是 □否`): where the choice starts and
/// what the filled box says.
fn box_choice(s: &str) -> Option<(usize, bool)> {
    let t = s.trim_end();
    // Every box is a bracket, an underscore or a character of U+2xxx (lead byte 0xE2): a
    // line whose end has neither is spared the pieces.
    let tail = &t.as_bytes()[t.len().saturating_sub(64)..];
    // `þ`, `ý` and `¨` end in 0xBE, 0xBD and 0xA8 after a lead byte.
    if !tail.iter().any(|&b| matches!(b, 0xE2 | b'[' | b'(' | b'_' | 0xBE | 0xBD | 0xA8)) {
        return None;
    }
    let is_box = |piece: &str| BOX_FILLED.iter().chain(&BOX_EMPTY).find(|b| piece.ends_with(**b)).copied();
    // The pieces from the end: boxes, and the words between them.
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut end = t.len();
    while pieces.len() < 4 {
        let rest = t[..end].trim_end();
        if rest.is_empty() {
            return None;
        }
        if let Some(b) = is_box(rest) {
            end = rest.len() - b.len();
            pieces.push((end, b));
            continue;
        }
        // A word runs back to a blank or a box.
        let start = rest
            .char_indices()
            .rev()
            .find(|&(i, c)| c.is_whitespace() || is_box(&rest[..i + c.len_utf8()]).is_some())
            .map_or(0, |(i, c)| i + c.len_utf8());
        pieces.push((start, &rest[start..]));
        end = start;
    }
    pieces.reverse();
    let filled = |p: &str| BOX_FILLED.contains(&p);
    let boxed = |p: &str| filled(p) || BOX_EMPTY.contains(&p);
    // Box before its word, or word before its box.
    let (a, b) = match pieces[..] {
        [(_, m1), (_, w1), (_, m2), (_, w2)] if boxed(m1) && boxed(m2) => {
            ((m1, yes_no_word(w1)?), (m2, yes_no_word(w2)?))
        }
        [(_, w1), (_, m1), (_, w2), (_, m2)] if boxed(m1) && boxed(m2) => {
            ((m1, yes_no_word(w1)?), (m2, yes_no_word(w2)?))
        }
        _ => return None,
    };
    let chosen = match (filled(a.0), filled(b.0)) {
        (true, false) => a.1,
        (false, true) => b.1,
        _ => return None,
    };
    (a.1 != b.1).then_some((pieces[0].0, chosen))
}

/// A row of options, each after its box (`[ ] e-mail [x] Internet [ ] other`,
/// `☐ National ☒ Local`): the options in order, each with whether its box
/// is filled. `None` unless the line opens with a box and holds two.
pub fn boxed_options(s: &str) -> Option<Vec<(bool, &str)>> {
    let t = s.trim();
    box_at(t)?;
    let mut options: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    let mut open: Option<(bool, usize)> = None;
    while at < t.len() {
        // A box opens the line or follows a blank.
        let boundary = at == 0 || t[..at].ends_with(char::is_whitespace);
        if boundary && let Some((filled, b)) = box_at(&t[at..]) {
            if let Some((f, start)) = open.take() {
                options.push((f, t[start..at].trim()));
            }
            at += b.len();
            open = Some((filled, at));
            continue;
        }
        at += t[at..].chars().next().map_or(1, char::len_utf8);
    }
    if let Some((f, start)) = open {
        options.push((f, t[start..].trim()));
    }
    (options.len() >= 2 && options.iter().all(|(_, o)| !o.is_empty())).then_some(options)
}

/// The one option whose box is filled in a row of boxed options (see
/// [`boxed_options`]).
pub fn ticked_option(s: &str) -> Option<&str> {
    let options = boxed_options(s)?;
    let mut ticked = options.iter().filter(|(filled, _)| *filled);
    let (_, one) = ticked.next()?;
    ticked.next().is_none().then_some(*one)
}

/// Whether a list's item opens with an empty box (`[ ] Goal 3`): an option
/// printed and left unchosen.
pub fn unticked_item(s: &str) -> bool {
    let t = s.trim_start();
    BOX_EMPTY.iter().filter(|b| !b.starts_with('_')).any(|b| t.starts_with(b))
}

/// Whether ideographs hold a how-learned option's word of the catalog
/// (`上网看到的` holds `上网`).
fn holds_learned_word(s: &str) -> bool {
    catalog().ideographic_words_in("learned", s).next().is_some()
}

/// A yes/no word of the catalog, alone.
fn yes_no_word(w: &str) -> Option<bool> {
    catalog().exact(w, is_ns("value")).next().and_then(|e| match e.name() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    })
}

/// A yes/no word in brackets at the end of `s`, perhaps after its initial or
/// a yes/no word saying the same (`[Yes]`, `(No)`, `Y (Yes)`, `N (No)`):
/// where it starts and what it says.
fn bracketed_yes_no(s: &str) -> Option<(usize, bool)> {
    let t = s.trim_end();
    let (open, close) =
        [('[', ']'), ('(', ')'), ('（', '）'), ('【', '】')].into_iter().find(|(_, c)| t.ends_with(*c))?;
    let at = t.rfind(open)?;
    let word = t[at + open.len_utf8()..t.len() - close.len_utf8()].trim();
    let meaning = yes_no_word(word)?;
    let before = t[..at].trim_end();
    let head_start = word_spans(before).last().map_or(0, |(at, _)| at);
    let head = &before[head_start..];
    let initial = head.chars().count() == 1
        && head.chars().all(char::is_alphabetic)
        && word.chars().next().is_some_and(|c| c.to_lowercase().eq(head.chars().flat_map(char::to_lowercase)));
    let start = if !head.is_empty() && (initial || yes_no_word(head) == Some(meaning)) { head_start } else { at };
    Some((start, meaning))
}

/// A yes/no word given in two languages at the end of `s`, as bilingual
/// forms print it (`Yes/Oui`, `No / Non`): where it starts and what it says,
/// when both words say the same.
fn paired_yes_no(s: &str) -> Option<(usize, bool)> {
    let t = s.trim_end();
    let slash = t.rfind('/')?;
    let after = t[slash + 1..].trim_start();
    if after.is_empty() || after.contains(char::is_whitespace) {
        return None;
    }
    let before = t[..slash].trim_end();
    let start = word_spans(before).last().map_or(0, |(at, _)| at);
    let meaning = yes_no_word(&before[start..])?;
    (yes_no_word(after)? == meaning).then_some((start, meaning))
}

/// Whether a value says yes or no: a yes/no word of the catalog in any of
/// the six languages, perhaps closed by a full stop or beside a tick
/// (`Non.`, `是。`, `Да ✓`), or a mark alone (`√`, `×`).
pub fn yes_no(value: &str) -> Option<bool> {
    for read in [box_choice, bracketed_yes_no, paired_yes_no] {
        if let Some((0, meaning)) = read(value.trim_start()) {
            return Some(meaning);
        }
    }
    let (core, mark) = strip_tick(value);
    let word = core.strip_suffix(['.', '。', '．']).unwrap_or(core);
    // The word of another language after it in brackets (`Да (ҳа)`).
    let glossed = core
        .strip_suffix([')', '）'])
        .and_then(|c| c.rfind(['(', '（']).map(|open| c[..open].trim_end()))
        .filter(|head| !head.is_empty());
    [Some(core), Some(word), glossed]
        .into_iter()
        .flatten()
        .find(|v| catalog().exact(v, is_ns("value")).next().is_some())
        .and_then(yes_no_word)
        .or_else(|| negated_yes(word).map(|_| false))
        .or(mark)
}

/// A yes word after a word that negates it (`Not ticked`, `Sin marcar`,
/// `Не выбрано`, `未勾选`): where the negation starts. An ideographic
/// negation is written against the word.
fn negated_yes(s: &str) -> Option<usize> {
    let t = s.trim_end();
    let negation = |w: &str| catalog().exact(w, |e| e.key == "structure.negation").next().is_some();
    let yes = |w: &str| yes_no_word(w) == Some(true);
    // The word before the last, a blank between them.
    if let Some((head, last)) = t.rsplit_once(char::is_whitespace)
        && yes(last)
    {
        let head = head.trim_end();
        let start = word_spans(head).last().map_or(0, |(at, _)| at);
        if negation(&head[start..]) {
            return Some(start);
        }
    }
    // Ideographs: a negation of one or two characters against the word.
    let last_start = word_spans(t).last().map_or(0, |(at, _)| at);
    let word = &t[last_start..];
    word.char_indices().skip(1).take(2).find_map(|(i, _)| {
        (word[..i].chars().all(nomina_refdata::fold::is_cjk) && negation(&word[..i]) && yes(&word[i..]))
            .then_some(last_start)
    })
}

/// `s` without the ticks and checkboxes that end it.
fn strip_tick_end(s: &str) -> &str {
    let mut t = s.trim_end();
    loop {
        let before = t;
        // Radio buttons close no value: only ticks and crosses.
        t = t.trim_end_matches(|c| TICK_YES.contains(&c) || TICK_NO.contains(&c)).trim_end();
        for bx in CHECKBOXES {
            t = t.strip_suffix(bx).unwrap_or(t).trim_end();
        }
        t = strip_box_end(t);
        if t == before {
            return t;
        }
    }
}

/// The most words a question's label may run on past the catalog's
/// wording to its question mark at the line's end.
const MAX_QUESTION_TAIL_WORDS: usize = 4;

/// Characters that may close a label before its value.
fn is_label_end(c: char) -> bool {
    matches!(c, '?' | '？' | '؟' | ':' | '：' | '.' | '。' | ')' | '）' | '-' | '–' | '—' | '،' | ',' | '，')
        // A ticked box before the value (`☑是`, `✔ نعم`).
        || matches!(c, '☑' | '☒' | '✔' | '✓' | '✘' | '✗' | ']')
        || c == '\u{200f}'
        || c == '\u{200e}'
}

/// The catalog's wordings of namespace `ns`, lower-cased, longest first.
fn keywords(ns: &str) -> &'static [String] {
    static VALUE: OnceLock<Vec<String>> = OnceLock::new();
    static LEARNED: OnceLock<Vec<String>> = OnceLock::new();
    static LEVEL: OnceLock<Vec<String>> = OnceLock::new();
    static TYPE: OnceLock<Vec<String>> = OnceLock::new();
    let cell = match ns {
        "value" => &VALUE,
        "learned" => &LEARNED,
        "level" => &LEVEL,
        "type" => &TYPE,
        _ => return &[],
    };
    cell.get_or_init(|| {
        let mut words: Vec<String> =
            catalog().entries().iter().filter(|e| e.namespace() == ns).map(|e| e.text.to_lowercase()).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        words
    })
}

/// Where `word` (lower-case) ends `t`, case aside: its byte range in `t`.
fn ends_with_caseless(t: &str, word: &str) -> Option<Range<usize>> {
    let n = word.chars().count();
    let start = t.char_indices().rev().nth(n.checked_sub(1)?)?.0;
    let tail = &t[start..];
    let same = tail.chars().flat_map(char::to_lowercase).eq(word.chars());
    same.then_some(start..t.len())
}

/// Where a label written in a script without Latin letters (Chinese,
/// Cyrillic, Arabic) gives way to a value in Latin letters or digits: the
/// label's length and the value's range. Every word before the value has
/// no ASCII letter or digit.
fn script_split(s: &str) -> Option<(usize, Range<usize>)> {
    let latin = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let mut label_end = None;
    for (start, word) in word_spans(s) {
        if latin(word) {
            let end = label_end?;
            return Some((end, trim_range(s, start..s.len())));
        }
        if word.chars().any(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        label_end = Some(start + word.len());
    }
    None
}

/// Where a label gives way to a free-text value written in the label's own
/// script, when nothing but the words tell: a label of ideographs ends at
/// the first blank (`机构性质 地方政府`: ideographic labels are written without
/// one); in other scripts the label runs on while its words start in lower
/// case or are words of the institution block's labels in the catalog,
/// and the first word that is neither, a capital (`Kind of institution
/// Government(Local)`, `Вид организации Государственный орган`) or a word
/// no label uses, starts the value, when the label's case or its words show
/// that it ends there. The label's length and the value's range.
fn same_script_split(s: &str) -> Option<(usize, Range<usize>)> {
    let mut words = word_spans(s).peekable();
    let (_, first) = words.next()?;
    let &(second, _) = words.peek()?;
    if first.chars().all(|c| nomina_refdata::fold::is_cjk(c) || ('\u{AC00}'..='\u{D7A3}').contains(&c)) {
        return Some((first.len(), trim_range(s, second..s.len())));
    }
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let known = |w: &str| institution_label_words().contains(nomina_refdata::fold(w).as_str());
    let (mut label_end, mut label_words, mut all_known, mut any_lower) = (first.len(), 1, known(first), false);
    for (start, word) in words {
        let (is_lower, is_known) = (lower(word), known(word));
        if !is_lower && !is_known {
            // The label must show where it ends: it has words in lower case
            // (`Kind of institution | Government(Local)`, `Title of the
            // Initiative | Dangjin…`), or every word of it is a word of the
            // catalog's labels. Capitalized words alone (`Initiative Title
            // Dangjin…`) tell nothing.
            // Nor does a label end with a particle (`Ministry of | Interior
            // and safety` is a name).
            let shown = label_words >= 2 && (any_lower || all_known) && !particle(&s[..label_end]);
            return shown.then(|| (label_end, trim_range(s, start..s.len())));
        }
        label_end = start + word.len();
        label_words += 1;
        all_known &= is_known;
        any_lower |= is_lower;
    }
    None
}

/// Whether `label` ends with a particle: a word of up to three letters in
/// lower case (`of`, `de`, `du`, `la`), which closes no label.
fn particle(label: &str) -> bool {
    word_spans(label).last().is_some_and(|(_, w)| {
        w.chars().count() <= 3 && w.chars().all(|c| c.is_lowercase() && !nomina_refdata::fold::is_arabic_letter(c))
    })
}

/// Where a label every word of which is a word of the catalog's field
/// labels (in any of the six languages, of any field) gives way to a value
/// in the same script and case, when the label's case and its words alone
/// do not show it (`Institution | Dangjin City`, `Organisme | Dangjin City`):
/// the value starts at the first word no field label uses. Nothing is split
/// when every word is such a word (`Public Sector Institution Type`, a
/// label alone). The label's length and the value's range.
fn vocabulary_split(s: &str) -> Option<(usize, Range<usize>)> {
    let words = field_label_words();
    let mut label_end = None;
    for (start, word) in word_spans(s) {
        let folded = nomina_refdata::fold(word);
        // A word of punctuation alone (`–`) neither ends nor starts anything.
        if folded.is_empty() {
            continue;
        }
        // A synonym of a label's word is one too (`Organization` for
        // `Institution`).
        if !folded.split_whitespace().all(|w| words.contains(w) || words.contains(&canonical_word(w))) {
            let end = label_end?;
            // A label ends with no particle (`Ministry of | Interior`): the
            // words run on as a name.
            if particle(&s[..end]) {
                return None;
            }
            return Some((end, trim_range(s, start..s.len())));
        }
        label_end = Some(start + word.len());
    }
    None
}

/// The folded words of a label that carry its meaning (four letters or
/// more, or ideographs), each as the word of the catalog's labels it
/// stands for.
fn content_words(label: &str) -> Vec<String> {
    nomina_refdata::fold(label)
        .split_whitespace()
        // An elided article or preposition is no part of the word
        // (`d'institution`, `l'initiative`).
        .map(without_elision)
        // Arabic writes its content words in three letters as often as not
        // (`اسم`, `نوع`); Latin and Cyrillic words that short are mostly
        // function words.
        .filter(|w| {
            let n = w.chars().count();
            n >= 4
                || (n == 3 && w.chars().all(nomina_refdata::fold::is_arabic_letter))
                || w.chars().any(nomina_refdata::fold::is_cjk)
        })
        .map(canonical_word)
        .collect()
}

/// A country's code of two or three capitals (`PA`, `USA`): a form's
/// answer names its country; an agency's or a unit's initials look the same.
fn is_country_code(value: &str) -> bool {
    (2..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_uppercase())
}

/// The word of the catalog's labels a folded word stands for (`organization`
/// for `institution`, `country` for `state`), or the word itself.
fn canonical_word(word: &str) -> String {
    // The Arabic article is part of the word as written (`المستوى`,
    // `مستوى`).
    fn bare(word: &str) -> &str {
        match word.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 3 => rest,
            _ => word,
        }
    }
    let word = bare(word);
    static SYNONYMS: OnceLock<FxHashMap<String, String>> = OnceLock::new();
    let synonyms = SYNONYMS.get_or_init(|| {
        catalog()
            .entries()
            .iter()
            .filter(|e| e.namespace() == "synonym")
            .map(|e| {
                let (text, name) = (nomina_refdata::fold(e.text), nomina_refdata::fold(e.name()));
                (bare(&text).to_string(), bare(&name).to_string())
            })
            .collect()
    });
    synonyms.get(word).cloned().unwrap_or_else(|| word.to_string())
}

/// [`wording_words`] of `key` as [`canonical_word`] gives them, a set a
/// wording, built once for every key.
fn canonical_wordings(key: &str) -> &'static [FxHashSet<String>] {
    static WORDS: OnceLock<FxHashMap<&'static str, Vec<FxHashSet<String>>>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        catalog()
            .fields()
            .iter()
            .map(|f| {
                (f.key, wording_words(f.key).iter().map(|w| w.iter().map(|x| canonical_word(x)).collect()).collect())
            })
            .collect()
    });
    words.get(key).map_or(&[], Vec::as_slice)
}

/// The folded words of every wording, in every language, of every field's
/// label.
fn field_label_words() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| catalog().fields().iter().flat_map(|f| wording_words(f.key)).flatten().cloned().collect())
}

/// The folded words of every wording, in every language, of the
/// institution block's labels.
fn institution_label_words() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let institution = catalog().fields().iter().filter(|f| f.question == 0);
        institution.flat_map(|f| wording_words(f.key)).flatten().cloned().collect()
    })
}

/// The folded words of each of the catalog's wordings of `key`, in every
/// language, built once for every key.
fn wording_words(key: &str) -> &'static [Vec<String>] {
    static WORDS: OnceLock<FxHashMap<&'static str, Vec<Vec<String>>>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut words: FxHashMap<&'static str, Vec<Vec<String>>> = FxHashMap::default();
        for e in catalog().entries() {
            let folded = nomina_refdata::fold(e.text);
            words.entry(e.key).or_default().push(folded.split_whitespace().map(str::to_string).collect());
        }
        words
    });
    words.get(key).map_or(&[], Vec::as_slice)
}

/// The whitespace-separated words of `s` with their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace().map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// The length of `s` without the whitespace and the question mark or
/// colon that close it.
/// Where a label cut at `at`, inside a word (a letter on either side, no
/// blank between), really ends when a colon closes that word within four
/// characters: the label's length and where the value starts (after the
/// colon and the blanks after it).
fn colon_closing_word(s: &str, at: usize) -> Option<(usize, usize)> {
    let (before, after) = (s.get(..at)?, s.get(at..)?);
    if !(before.chars().next_back().is_some_and(char::is_alphanumeric)
        && after.chars().next().is_some_and(char::is_alphanumeric))
    {
        return None;
    }
    let (i, c) = after.char_indices().take(5).find(|&(_, c)| !c.is_alphanumeric())?;
    if !matches!(c, ':' | '：') {
        return None;
    }
    let colon = at + i;
    let rest = &s[colon + c.len_utf8()..];
    Some((colon, s.len() - rest.trim_start().len()))
}

fn bare_label_len(s: &str) -> usize {
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '?' | '？' | '؟' | ':' | '：')).len()
}

/// A label's span without the whitespace and the question mark or colon
/// that close it.
fn bare_label(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let bare = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '?' | '？' | '؟' | ':' | '：'));
    trim(text, Span::new(span.start, span.start + bare.len()))
}

fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let t = &s[r.clone()];
    let start = r.start + (t.len() - t.trim_start().len());
    start..start + t.trim().len()
}

/// What the catalog says of a part's prompt and the word limit it states.
#[derive(Debug, Clone, Copy)]
struct PromptFacts {
    /// The catalog's prompt of that wording: its key and language.
    known: Option<(&'static str, &'static str)>,
    /// The word limit the prompt states.
    limit: Option<u32>,
}

/// [`PromptFacts`] of `text`, remembered per thread: prompts repeat in
/// every copy of every page, and each was looked up in two memos.
fn prompt(text: &str) -> PromptFacts {
    thread_local! {
        static SEEN: Memo<PromptFacts> = Memo::default();
    }
    SEEN.with(|seen| {
        seen.get_or_insert(text, || PromptFacts {
            known: catalog().exact(text, is_ns("prompt")).next().map(|e| (e.key, e.lang)),
            limit: word_limit(text),
        })
    })
}

/// The word limit a prompt states: the last match of any language's pattern.
pub fn word_limit(prompt: &str) -> Option<u32> {
    bracketed_word_limit(prompt).or_else(|| leading_word_limit(prompt)).or_else(|| trailing_word_limit(prompt))
}

/// Where a catalog pattern finds a prompt's word limit: in its last
/// parenthesis, opening it (`^…`), or closing it after a dash or a stop
/// (`…$`: `… objectives. — no more than 300 words`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum LimitPlace {
    Bracketed,
    Leading,
    Trailing,
}

impl LimitPlace {
    fn of(pattern: &str) -> Self {
        if pattern.starts_with('^') {
            Self::Leading
        } else if pattern.ends_with('$') {
            Self::Trailing
        } else {
            Self::Bracketed
        }
    }
}

/// A word limit that closes the prompt, set off by a dash, a colon or a
/// full stop (`… what it is meant to achieve. — no more than 300 words`,
/// `… sus objetivos. Límite: 300 palabras`): the catalog's patterns
/// anchored at the end, over the prompt's last words.
fn trailing_word_limit(prompt: &str) -> Option<u32> {
    let prompt = prompt.trim_end();
    let mut from = prompt.len().saturating_sub(TRAILING_LIMIT_BYTES);
    while !prompt.is_char_boundary(from) {
        from += 1;
    }
    let tail = &prompt[from..];
    // The unit's word first (most lines with a figure near their end count
    // no words), then a figure.
    if !TRAILING_LIMIT_UNITS.iter().any(|unit| tail.contains(unit))
        || !tail.chars().any(|c| decimal_digit(nfkc_digit(c)).is_some())
    {
        return None;
    }
    let digits = ascii_digits(tail);
    patterns().trailing_limits.iter().find_map(|re| re.captures(&digits)?.name("n")?.as_str().parse().ok())
}

/// A word limit that opens the prompt (`In no more than 300 words,
/// describe…`): the catalog's patterns anchored at the start, over the
/// prompt's first words.
fn leading_word_limit(prompt: &str) -> Option<u32> {
    let head = head_of(prompt, 80);
    if !head.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    patterns().leading_limits.iter().find_map(|re| re.captures(head)?.name("n")?.as_str().parse().ok())
}

/// A word limit in the prompt's last parenthesis.
fn bracketed_word_limit(prompt: &str) -> Option<u32> {
    // The limit stands in the last parenthesis (every pattern of the catalog
    // but the leading ones opens one; a test holds them to it); the rest of
    // a long prompt need not be searched, and a line without one not at all.
    // Other brackets (`〔不超过300字〕`, `【…】`, `{max 300 words}`) are read
    // as parentheses.
    let other = last_other_bracket(prompt).max(memchr::memrchr(b'{', prompt.as_bytes()));
    let from = last_open_paren(prompt).max(other)?;
    let tail = &prompt[from..];
    // Full-width digits (`（不超过３００字）`) are read as ASCII ones.
    let wide: String;
    let tail = if other.is_some() || tail.contains(|c: char| ('０'..='９').contains(&c)) {
        wide = tail
            .chars()
            .map(|c| match c {
                c if OTHER_OPEN_BRACKETS.contains(&c) || c == '{' => '(',
                c if OTHER_CLOSE_BRACKETS.contains(&c) || c == '}' => ')',
                c => nfkc_digit(c),
            })
            .collect();
        &wide
    } else {
        tail
    };
    let digits = ascii_digits(tail);
    // Every pattern needs a number: most answer lines stop here.
    if !digits.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Prompts repeat from page to page: their limits are remembered.
    thread_local! {
        static SEEN: Memo<Option<u32>> = Memo::default();
    }
    SEEN.with(|seen| {
        seen.get_or_insert(&digits, || {
            patterns()
                .word_limits
                .iter()
                .filter_map(|re| re.captures_iter(&digits).last().map(|c| (c.get(0).map_or(0, |m| m.start()), c)))
                .max_by_key(|(start, _)| *start)
                .and_then(|(_, c)| c.name("n")?.as_str().parse().ok())
        })
    })
}

/// Bytes at a prompt's end searched for [`OTHER_OPEN_BRACKETS`]: some 30
/// ideographs, more than `〔不超过300字〕` takes.
const OTHER_BRACKET_TAIL_BYTES: usize = 96;

/// Brackets a word limit may stand in besides `(`, `[` and `（`, and the
/// brackets that close them.
const OTHER_OPEN_BRACKETS: [char; 5] = ['〔', '【', '［', '〈', '《'];
const OTHER_CLOSE_BRACKETS: [char; 5] = ['〕', '】', '］', '〉', '》'];

/// Where the last of [`OTHER_OPEN_BRACKETS`] in the end of `s` starts,
/// found from the end by the first bytes of their UTF-8 (E3 or EF): such a
/// bracket holds a limit only at a prompt's end, and answers are long.
fn last_other_bracket(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let from = b.len().saturating_sub(OTHER_BRACKET_TAIL_BYTES);
    let mut end = b.len();
    while let Some(i) = memchr::memrchr2(0xE3, 0xEF, &b[from..end]).map(|i| from + i) {
        if let Some(c) = s.get(i..).and_then(|t| t.chars().next())
            && OTHER_OPEN_BRACKETS.contains(&c)
        {
            return Some(i);
        }
        end = i;
    }
    None
}

/// Where the last `(`, `[` or `（` of `s` starts, found from the end with memchr
/// (`（` is EF BC 88 in UTF-8, and 88 is no other character's last byte
/// after EF BC).
fn last_open_paren(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(i) = memchr::memrchr3(b'(', b'[', 0x88, &b[..end]) {
        if b[i] == b'(' || b[i] == b'[' {
            return Some(i);
        }
        if i >= 2 && b[i - 2..i] == [0xEF, 0xBC] {
            return Some(i - 2);
        }
        end = i;
    }
    None
}

fn is_ns(ns: &'static str) -> impl Fn(&LabelEntry) -> bool {
    move |e| e.namespace() == ns
}

/// Page chrome or a section heading: the whole-line markers.
fn is_marker(e: &LabelEntry) -> bool {
    matches!(e.namespace(), "chrome" | "section")
}

/// Where the parser stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Before any block.
    Start,
    /// In the institution block.
    Institution,
    /// In basic-info question `index` of `Form::basic`.
    Basic(usize),
    /// In form question `index` of `Form::questions`.
    Question(usize),
}

struct Parser<'t> {
    text: &'t str,
    form: Form,
    /// Votes by language: a few languages at most, looked up a hundred
    /// times a page, which a list does without a tree's comparisons.
    votes: Vec<(&'static str, usize)>,
    context: Context,
    /// The multi-line field collecting the lines below it:
    /// (context it belongs to, index of the field there).
    open_field: Option<(Context, usize)>,
    /// The field whose value may stand on the next line.
    awaiting_value: Option<(Context, usize)>,
    /// A value printed over its caption (`Республика Корея` over
    /// `(государство – член ООН)`), kept until the caption is read.
    value_above: Option<LineRef>,
    /// The first line of a label broken over two, kept until the second is
    /// read (see [`label_goes_on`]).
    label_head: Option<LineRef>,
    basic_copy: usize,
    /// Whether the form's own questions have begun (their section heading,
    /// or a question heading without a title, was met): a heading with a
    /// title then opens one of them unless the catalog knows the title
    /// for a basic-info question's.
    in_questions: bool,
    /// The unclaimed lines of the paragraph being read before any block.
    start_run: Vec<LineRef>,
    /// Whether a blank line closed that paragraph.
    start_run_closed: bool,
    /// Question headings in a wording the catalog lacks, found by their
    /// numbering (see [`heading_schemes`]): line number to the question's
    /// number and where the heading's head ends.
    schemes: FxHashMap<usize, SchemeHeading>,
    /// Lines of the page furniture (see [`page_furniture`]).
    furniture: FxHashSet<usize>,
    question_copy: usize,
    institution_copy: usize,
    hits: usize,
    /// Of the hits, headings found by their numbering alone, in a wording
    /// and with a title the catalog lacks (`第二章 …`): a numbered text's
    /// chapters as much as a form's questions.
    numbered_hits: usize,
    /// The line right under the one being read, when no blank line
    /// separates them: a label alone on its line may have its value there.
    next: Option<&'t str>,
    /// Whether a label of a telling kind's field was read over its value
    /// on the next line: the form is laid out so, and a free-text field's
    /// label alone on its line may be too.
    values_below: bool,
    /// The width a mail client hard-wrapped the text at, where it was (see
    /// [`wrap_width`]).
    wrap: Option<usize>,
    /// A free-text field whose value ends the line read last, that line's
    /// number and its length in characters: a value the wrap cut goes on
    /// below it.
    wrapped_value: Option<((Context, usize), usize, usize)>,
    /// A part named by a line of its own (`Question 3(b)`, `Apartado B`),
    /// its prompt to come on the next line: its letter and the line that
    /// named it, when no question heading did.
    pending_part: Option<(char, Option<LineRef>)>,
    /// The number of the section that holds the institution's fields, when
    /// the form numbers it with the basic-info questions (`Section 1 —
    /// Institution`): the questions after it are numbered one or more
    /// higher than the template's.
    institution_section: Option<u32>,
    /// The form's questions printed as a table (see [`crate::table`]).
    table: crate::table::Table,
    /// Whether a blank line (or the start of the text) stands above the
    /// line being read.
    blank_above: bool,
    /// Whether the line being read opened with a bullet, set aside.
    bulleted: bool,
    /// Whether the line being read is a label underlined, its value under
    /// the rule (`Country` over `-------` over `Ghana`): all of it is label.
    underlined_label: bool,
    /// Whether that bullet was a heading's bar (`▌ Catégorie`), which marks
    /// a title as rules around it do.
    barred: bool,
    /// Whether the line right above ends in a colon, a label with its
    /// value to come (`Country:` over `  - Korea`).
    under_colon: bool,
    /// Whether the lines before the institution block's first field are
    /// being read again as its own (see [`Parser::replay_institution`]).
    replaying: bool,
    /// Whether the line being read is a table's row whose last cell is
    /// empty (`Site web |`), its bar set aside.
    empty_cell: bool,
    /// The basic-info blocks opened by a title without a number (see
    /// [`Parser::untitled_section`]).
    untitled: FxHashSet<usize>,
}

impl<'t> Parser<'t> {
    fn vote(&mut self, lang: &'static str) {
        if lang != "und" {
            match self.votes.iter_mut().find(|(l, _)| *l == lang) {
                Some((_, n)) => *n += 1,
                None => self.votes.push((lang, 1)),
            }
        }
    }

    fn slice(&self, span: Span) -> &'t str {
        &self.text[span.range()]
    }

    /// The fields read so far in `context`'s block (none outside one).
    fn fields_in(&self, context: Context) -> &[Field] {
        match context {
            Context::Institution => &self.form.institution,
            Context::Basic(i) => self.form.basic.get(i).map_or(&[], |q| q.fields.as_slice()),
            _ => &[],
        }
    }

    fn field_ref(&self, at: (Context, usize)) -> Option<&Field> {
        self.fields_in(at.0).get(at.1)
    }

    fn field_mut(&mut self, at: (Context, usize)) -> Option<&mut Field> {
        match at.0 {
            Context::Institution => self.form.institution.get_mut(at.1),
            Context::Basic(i) => self.form.basic.get_mut(i)?.fields.get_mut(at.1),
            _ => None,
        }
    }

    fn line(&mut self, line: &Line) {
        let span = line.trimmed;
        if span.is_empty() {
            self.awaiting_value = None;
            self.start_run_closed = true;
            self.label_head = None;
            return;
        }
        let Some(at) = self.whole_label(LineRef { span, line: line.number }) else {
            return;
        };
        let span = at.span;
        // A value held for its caption: read with it, or as it stands when
        // the caption did not come.
        if let Some(value) = self.value_above.take() {
            if self.read_caption(value, at) {
                return;
            }
            self.cell(value);
        }
        let wrapped = self.wrapped_value.take();
        // A free-text value the mail client's wrap cut (`…Basic and` /
        // `Implementation Plans`): the line goes on with it when its first
        // word would not have fitted on the line above, and it opens no label.
        if let (Some(width), Some((target, above, above_chars))) = (self.wrap, wrapped)
            && above + 1 == line.number
        {
            let s = self.slice(span);
            let first = s.split_whitespace().next().map_or(0, |w| w.chars().count());
            if above_chars + 1 + first > width
                && !opens_with_label(s)
                && let Some(field) = self.field_mut(target)
            {
                field.items.push(at);
                return;
            }
        }
        // Page furniture breaks nothing: an answer, a list or a value awaited
        // goes on after it.
        if self.furniture.contains(&line.number) {
            self.form.chrome.push(Marker { key: PAGE_FURNITURE, at });
            return;
        }
        if let Some(row) = self.table.rows.remove(&line.number) {
            return self.table_row(row, at);
        }
        if self.table.header.contains(&line.number) {
            self.form.chrome.push(Marker { key: TABLE_HEADER, at });
            return;
        }
        if !matches!(self.context, Context::Question(_)) {
            if self.over_caption(self.slice(span)) {
                self.value_above = Some(at);
                return;
            }
            // Two fields side by side, as a two-column grid is flattened
            // (`Страна: Корея            Организация: Dangjin City`): each is
            // read as a line of its own.
            if let Some((left_end, right_start)) = two_columns(self.slice(span)) {
                self.cell(LineRef { span: Span::new(span.start, span.start + left_end), line: at.line });
                self.cell(LineRef { span: Span::new(span.start + right_start, span.end), line: at.line });
                return;
            }
        }
        self.cell(at);
    }

    /// The line `at`, or the label a narrow column broke over it and the
    /// line above (`Государство – член ООН, в котором зарегис-` /
    /// `трирована организация: Республика Корея`) as one; `None` while the
    /// first line of such a label is held for the second (see
    /// [`label_goes_on`]).
    fn whole_label(&mut self, at: LineRef) -> Option<LineRef> {
        if let Some(head) = self.label_head.take()
            && head.line + 1 == at.line
        {
            return Some(LineRef { span: Span::new(head.span.start, at.span.end), line: head.line });
        }
        if !matches!(self.context, Context::Question(_))
            && !self.schemes.contains_key(&at.line)
            && self.next.is_some_and(|n| label_goes_on(self.slice(at.span), n))
            && heading_match(self.slice(at.span)).is_none()
        {
            self.label_head = Some(at);
            return None;
        }
        Some(at)
    }

    /// Whether `s` is a value printed over its caption in brackets, as
    /// printed forms set them (`Республика Корея` over `(государство – член
    /// ООН)`): the next line is such a caption, and `s` is no line the
    /// catalog knows (`UNPSA Criteria` over `(no criteria)`).
    fn over_caption(&self, s: &str) -> bool {
        // The next line is trimmed: its first and last characters tell first.
        self.next
            .is_some_and(|n| n.ends_with([')', '）']) && n.starts_with(['(', '（']) && bracketed_caption(n).is_some())
            && bracketed_caption(s).is_none()
            && s.len() <= MAX_MARKER_BYTES
            && catalog().exact(s, |e| is_marker(e) || e.namespace() == "field").next().is_none()
            && catalog().prefix_in(s, "field").is_none()
    }

    /// Reads the line `at` as the caption of `value`, the line above it,
    /// when it is one: the caption is the label, the value its field's.
    /// Says whether it was.
    fn read_caption(&mut self, value: LineRef, at: LineRef) -> bool {
        let (span, number) = (at.span, at.line);
        let Some(caption) = bracketed_caption(self.slice(span)) else {
            return false;
        };
        let inner = Span::new(span.start + caption.start, span.start + caption.end);
        // The value is read as if it stood under its label, which places a
        // label the catalog lacks by the value's kind.
        let value_text = self.slice(value.span);
        let below = self.next.replace(value_text);
        self.cell(LineRef { span: inner, line: number });
        self.next = below;
        // The brackets are the caption's: a line kept unread keeps them.
        let unread = match self.context {
            Context::Basic(b) => self.form.basic[b].unknown.last_mut().map(|u| &mut u.at),
            _ => self.form.stray.last_mut(),
        };
        if let Some(last) = unread.filter(|l| l.span == inner) {
            last.span = span;
        }
        let fields = match self.context {
            Context::Basic(b) => &mut self.form.basic[b].fields,
            _ => &mut self.form.institution,
        };
        // So does a line read as a list's item (`(16 …)` under the goals).
        if let Some(item) = fields.iter_mut().rev().find_map(|f| f.items.iter_mut().rev().find(|l| l.span == inner)) {
            item.span = span;
        }
        // The whole caption is the label; the value is the line above.
        let field = fields.last_mut().filter(|f| f.line == number);
        match field {
            Some(field) => {
                field.value = None;
                field.label_full = span;
                field.items.push(value);
                self.awaiting_value = None;
            }
            // Kept unread in page order, before its caption.
            None => {
                let at = self.form.stray.iter().rposition(|l| l.line == number).unwrap_or(self.form.stray.len());
                self.form.stray.insert(at, value);
            }
        }
        true
    }

    /// Cuts a mark off the end of the line `at` from `kept` on (a table's
    /// bar, a leader, a closing bracket): the mark is a rule between cells,
    /// and what is left of the line is read.
    fn cut_mark_off_end(&mut self, at: &mut LineRef, kept: usize) -> &'t str {
        self.form.table_rules.push(trim(self.text, Span::new(at.span.start + kept, at.span.end)));
        at.span = Span::new(at.span.start, at.span.start + kept);
        self.slice(at.span)
    }

    /// A line, or one field of a line that holds two (see [`two_columns`]).
    fn cell(&mut self, mut at: LineRef) {
        let span = at.span;
        let mut s = self.slice(span);
        self.bulleted = false;
        self.barred = false;
        // A bullet before a label or a heading (`• Country — Korea`) is the
        // page's decoration, set aside as chrome; an answer keeps its own.
        if !matches!(self.context, Context::Question(_))
            && let Some(n) = bullet_len(s)
        {
            self.bulleted = true;
            self.barred = s.starts_with(HEADING_BARS);
            let bullet = trim(self.text, Span::new(span.start, span.start + n));
            self.form.chrome.push(Marker { key: BULLET, at: LineRef { span: bullet, line: at.line } });
            at.span = Span::new(span.start + n, span.end);
            s = self.slice(at.span);
        }
        // A field list's opening colon (`:Country: Ghana`, as reStructuredText
        // prints fields): a mark, as a bullet is.
        if !matches!(self.context, Context::Question(_)) && field_list_mark(s) {
            let mark = trim(self.text, Span::new(at.span.start, at.span.start + 1));
            self.form.chrome.push(Marker { key: BULLET, at: LineRef { span: mark, line: at.line } });
            at.span = Span::new(at.span.start + 1, at.span.end);
            s = self.slice(at.span);
        }
        // A rule alone on its line (`==========` under a title, `-----`
        // between blocks, a table's `├────┼────┤`): structure, with nothing
        // to read.
        // So is a question's heading's underline (`Question 2` over `====`).
        let under_heading = matches!(self.context, Context::Question(q)
            if self.form.questions[q].parts.is_empty() && self.form.questions[q].heading.line + 1 == at.line);
        if (!matches!(self.context, Context::Question(_)) || under_heading) && rule_line(s) {
            self.form.table_rules.push(at.span);
            return;
        }
        // A table's row framed by its bars: the outer bars are rules, the
        // inner one parts label and value; a row whose first cell is empty
        // goes on with the list above (`│      │ Goal 17 … │`).
        if !matches!(self.context, Context::Question(_))
            && let Some((open, close)) = framed_row(s)
        {
            self.form.table_rules.push(Span::new(at.span.start, at.span.start + open));
            s = self.cut_mark_off_end(&mut at, close);
            let rest = s[open..].trim_start();
            let mut from = s.len() - rest.len();
            if rest.starts_with(is_cell_bar) {
                let bar = rest.chars().next().map_or(1, char::len_utf8);
                self.form.table_rules.push(Span::new(at.span.start + from, at.span.start + from + bar));
                from += bar + (rest[bar..].len() - rest[bar..].trim_start().len());
            }
            at.span = trim(self.text, Span::new(at.span.start + from, at.span.end));
            s = self.slice(at.span);
        }
        // A table's row whose last cell is empty (`Site web |`): the bar is
        // the table's, and the label stands alone, its value left empty; so
        // does a label underlined.
        self.empty_cell = self.underlined_label && !matches!(self.context, Context::Question(_));
        if !matches!(self.context, Context::Question(_))
            && let Some(before) = s.strip_suffix(['|', '｜', '│'])
            && before.ends_with(char::is_whitespace)
            // One bar in the row: a bar that closes a row of cells (`| Pays
            // | Corée |`) leaves the cells full.
            && !before.contains(['|', '｜', '│'])
            && before.trim_end().chars().any(char::is_alphabetic)
        {
            s = self.cut_mark_off_end(&mut at, before.trim_end().len());
            self.empty_cell = true;
        }
        // A value in corner brackets or guillemets after its label
        // (`国家「韩国」`, `Pays « Ghana »`): the closing bracket is a mark, as
        // the opening one is (see `unbracketed_separator`).
        if !matches!(self.context, Context::Question(_))
            && let Some(kept) = bracketed_value_end(s)
        {
            s = self.cut_mark_off_end(&mut at, kept);
        }
        // A value typed into an input box (`Pays [ Corée ]`, `[ 16 – Paix ]`
        // alone under its label): the box's brackets are marks, and a box
        // left empty (`Précisions [  ]`) leaves the label's value empty.
        if !matches!(self.context, Context::Question(_))
            && let Some(open) = input_box(s)
        {
            if s[open + 1..s.len() - 1].trim().is_empty() {
                s = self.cut_mark_off_end(&mut at, s[..open].trim_end().len());
                self.empty_cell = true;
            } else {
                s = self.cut_mark_off_end(&mut at, s[..s.len() - 1].trim_end().len());
                if open == 0 {
                    self.form.table_rules.push(Span::new(at.span.start, at.span.start + 1));
                    at.span = trim(self.text, Span::new(at.span.start + 1, at.span.end));
                    s = self.slice(at.span);
                }
            }
        }
        // A value quoted after an equals sign (`Country="Ghana"`, as a
        // form's fields are dumped as attributes): the quotes are marks, and
        // empty ones (`Details=""`) leave the label's value empty.
        if !matches!(self.context, Context::Question(_))
            && let Some(eq) = quoted_assignment(s)
        {
            if s[eq + 2..s.len() - 1].trim().is_empty() {
                s = self.cut_mark_off_end(&mut at, eq);
                self.empty_cell = true;
            } else {
                s = self.cut_mark_off_end(&mut at, s.len() - 1);
            }
        }
        // A help text in brackets after a value, set off by blanks
        // (`Name: Tamale  （official name）`): the site's, not the value's.
        if !matches!(self.context, Context::Question(_))
            && let Some(help) = trailing_help(s)
        {
            let kept = s[..help].trim_end().len();
            let span = trim(self.text, Span::new(at.span.start + help, at.span.end));
            self.form.chrome.push(Marker { key: HELP_TEXT, at: LineRef { span, line: at.line } });
            at.span = Span::new(at.span.start, at.span.start + kept);
            s = self.slice(at.span);
        }
        // A leader that ends the line (`Website ········`, `Main goals
        // ····` over the goals): it leads to no value on the line, and is
        // no part of the label.
        if !matches!(self.context, Context::Question(_))
            && let Some(leader) = trailing_leader(s)
        {
            s = self.cut_mark_off_end(&mut at, s[..leader].trim_end().len());
        }
        // A short line alone in its paragraph that trails off in an
        // ellipsis (`正在载入……`, `Chargement…`) is the page's loading
        // message in a wording the catalog lacks: chrome, where a value
        // awaited or a list goes on after it.
        if !matches!(self.context, Context::Question(_))
            && self.blank_above
            && self.next.is_none()
            && loading_message(s)
        {
            self.form.chrome.push(Marker { key: LOADING_CHROME, at });
            return;
        }
        let awaiting = self.awaiting_value.take();

        // A help text the online form printed under a field (`Aide : Nom
        // officiel complet…`): the site's, not the form's.
        if help_text(s) {
            self.form.chrome.push(Marker { key: HELP_TEXT, at });
            return;
        }
        // Whole-line markers: page chrome and section headings.
        // Chrome and section headings are short lines; answers are not
        // folded to find out.
        // One lookup for both: chrome wins over a section heading of the
        // same wording.
        let (mut chrome, mut section) = (None, None);
        if s.len() <= MAX_MARKER_BYTES && may_be_marker(s) {
            for e in catalog().exact(s, is_marker) {
                let slot = if e.namespace() == "chrome" { &mut chrome } else { &mut section };
                slot.get_or_insert(e);
            }
        }
        if let Some(e) = chrome {
            self.vote(e.lang);
            self.form.chrome.push(Marker { key: e.key, at });
            return;
        }
        if let Some(e) = section {
            self.vote(e.lang);
            self.open_field = None;
            if e.key == "section.institution_info" {
                self.enter_institution(true);
            } else if matches!(e.key, "section.nomination_form" | "section.questions_answers") {
                self.context = Context::Start;
                self.in_questions = true;
            } else {
                self.in_questions = false;
            }
            self.form.sections.push(Marker { key: e.key, at });
            return;
        }
        if self.heading(s, at) {
            return;
        }
        match self.context {
            Context::Question(q) => self.question_line(q, s, at),
            _ => self.basic_line(s, at, awaiting),
        }
    }

    /// A question heading: titled ones open basic-info questions, bare ones
    /// the form's questions.
    fn heading(&mut self, s: &str, at: LineRef) -> bool {
        let found = heading_match(s).map(|h| (h, false, None)).or_else(|| {
            let &SchemeHeading { number, head_end, bare, part } = self.schemes.get(&at.line)?;
            Some((HeadingMatch { number, word_lang: None, title: heading_title(s, head_end) }, bare, part))
        });
        let Some((HeadingMatch { number, word_lang, title }, bare, part)) = found else {
            return false;
        };
        self.shelve_pending_part();
        // A later part of the question just read (`Question 3(b)` after
        // `Question 3(a)`) goes on with it.
        if let Some(letter) = part
            && self.in_questions
            && let Some(q) = self.form.questions.len().checked_sub(1)
            && let question = &self.form.questions[q]
            && question.number == number
            && question.copy == self.question_copy
            && question.parts.last().and_then(|p| p.letter).is_some_and(|l| l < letter)
        {
            self.open_field = None;
            self.context = Context::Question(q);
            // The part's prompt on its heading's line (`[3.ii] What
            // makes…`), else on the next.
            match title {
                Some(Title::Found { span, .. } | Title::TooLong(span))
                    if prompt(&s[span.range()]).limit.is_some() || s.trim_end().ends_with(QUESTION_MARKS) =>
                {
                    let head = Span::new(at.span.start, at.span.start + span.start);
                    self.pending_part = Some((letter, Some(LineRef { span: trim(self.text, head), line: at.line })));
                    let span = Span::new(at.span.start + span.start, at.span.start + span.end);
                    self.question_line(q, &self.text[span.range()], LineRef { span, line: at.line });
                }
                _ => self.pending_part = Some((letter, Some(at))),
            }
            return true;
        }
        // A prompt that states its word limit after the number (`Q1. Give a
        // short account… (max. 300 words)`) is no title: the line opens a
        // narrative question and is its first prompt.
        // So is a part's marker before it (`3a) Has the initiative…?`).
        // So is a question asked after a number that names its part too
        // (`[8.i] Has the initiative been evaluated?`).
        let reads_as_prompt = |span: Span| {
            let p = &s[span.range()];
            prompt(p).limit.is_some()
                || part_marker(p).is_some()
                || (bare && part.is_some() && p.trim_end().ends_with(QUESTION_MARKS))
        };
        let (title, prompt_span) = match title {
            Some(Title::TooLong(span)) if reads_as_prompt(span) => (None, Some(span)),
            Some(Title::TooLong(_)) => return false,
            Some(Title::Found { span, known: None }) if reads_as_prompt(span) => (None, Some(span)),
            Some(Title::Found { span, known }) => (Some((span, known)), None),
            None => (None, None),
        };
        if let Some(lang) = word_lang {
            self.vote(lang);
        }
        self.open_field = None;
        // A numbered prompt that states its word limit (`[1] Summarize the
        // initiative… (limit: 300 words)`) is a form's question however it
        // is numbered: prose numbers its paragraphs, not their lengths.
        let limited = word_limit(s).is_some();
        if !bare || limited {
            self.hits += 1;
            if word_lang.is_none() && !limited && title.is_none_or(|(_, known)| known.is_none()) {
                self.numbered_hits += 1;
            }
        }
        // A form of another year may title its own questions
        // (`Question 3: Innovation`).
        let title =
            title.filter(|(_, known)| !self.in_questions || known.is_some_and(|(k, _)| k.starts_with("heading.")));
        match title {
            Some((span, known)) => {
                self.in_questions = false;
                if self.context == Context::Start {
                    self.replay_institution();
                }
                let title = Span::new(at.span.start + span.start, at.span.start + span.end);
                let title_key = known.map(|(key, lang)| {
                    self.vote(lang);
                    key
                });
                if self.form.basic.last().is_some_and(|b| b.copy == self.basic_copy && b.number >= number) {
                    self.basic_copy += 1;
                }
                self.form.basic.push(BasicQuestion {
                    number,
                    heading: at,
                    title: Some(title),
                    title_key,
                    fields: Vec::new(),
                    unknown: Vec::new(),
                    copy: self.basic_copy,
                });
                self.context = Context::Basic(self.form.basic.len() - 1);
            }
            None => {
                self.in_questions = true;
                if self.form.questions.last().is_some_and(|q| q.copy == self.question_copy && q.number >= number) {
                    self.question_copy += 1;
                }
                self.form.questions.push(FormQuestion {
                    number,
                    heading: at,
                    parts: Vec::new(),
                    copy: self.question_copy,
                });
                let q = self.form.questions.len() - 1;
                self.context = Context::Question(q);
                self.pending_part = part.map(|letter| (letter, None));
                if let Some(span) = prompt_span {
                    let span = Span::new(at.span.start + span.start, at.span.start + span.end);
                    self.question_line(q, &self.text[span.range()], LineRef { span, line: at.line });
                }
            }
        }
        true
    }

    /// A part's own heading whose prompt never came (`Question 6` / `a.`,
    /// the text cut off there or another heading next): kept as a line no
    /// rule read.
    fn shelve_pending_part(&mut self) {
        if let Some((_, Some(marker))) = self.pending_part.take() {
            self.form.stray.push(marker);
        }
    }

    fn enter_institution(&mut self, new_copy: bool) {
        if new_copy && !self.form.institution.is_empty() {
            self.institution_copy += 1;
        }
        self.context = Context::Institution;
    }

    fn basic_line(&mut self, s: &'t str, at: LineRef, awaiting: Option<(Context, usize)>) {
        // A title ruled on both sides (`-- Award category --`) is no field's
        // line, whatever the block still expects.
        if self.untitled_section(s, at, true) {
            return;
        }
        let collecting = awaiting.or(self.open_field);
        let exact = if may_be_field(s) { catalog().prefix_in(s, "field") } else { None };
        // A list's label printed again with each of its values, right under
        // the line above (`Goals="16 …"` over `Goals="17 …"`, as a dump of
        // a form's fields prints a list): the same field again.
        if exact.is_none()
            && let Some((label_len, value)) = separator_split(s)
            && self.list_label_above(&s[..label_len], at.line)
            && let Some(field) = self.last_field_mut()
        {
            field.items.push(LineRef {
                span: Span::new(at.span.start + value.start, at.span.start + value.end),
                line: at.line,
            });
            self.form.table_rules.push(Span::new(at.span.start, at.span.start + value.start));
            return;
        }
        // A goal under the goals label, a target under the targets label:
        // items, whatever a loose comparison with the labels would say.
        if let Some(open) = self.open_field
            && exact.is_none()
            && let Some(field) = self.field_mut(open)
            && let kind = catalog().field(field.key).map(|f| f.value)
            && matches!(kind, Some(ValueKind::Goals | ValueKind::Targets))
            && item_fits(kind, s)
        {
            field.items.push(at);
            return;
        }
        // Exact wording first; then a loose match, stricter while a list is
        // open, since its items are not labels.
        let threshold = if collecting.is_some() { FUZZY_STRICT } else { FUZZY_THRESHOLD };
        // Loose matching is for lines inside a form's blocks that could be a
        // label and its value; prose before any block (a news article) and
        // long lines are not compared with every label.
        // Counted only when the exact lookup fails, and no further than the bound.
        let loose = || {
            matches!(self.context, Context::Institution | Context::Basic(_))
                && s.split_whitespace().take(MAX_LOOSE_LABEL_WORDS + 1).count() <= MAX_LOOSE_LABEL_WORDS
        };
        // An institution line whose label a mark sets off (`Name of your
        // organization: Dangjin City`) goes to the field the label's words
        // name, before any loose comparison of the whole line.
        if exact.is_none()
            && self.context == Context::Institution
            && let Some((spec, label_len, value)) = self.separated_by_words(s)
        {
            return self.add_placed(spec, at, label_len, Some(value));
        }
        // An institution label alone on its line, its value on the next one
        // (a table's cells one per line): the field its words name.
        if exact.is_none()
            && self.context == Context::Institution
            && let Some(next) = self.next
            && !opens_with_label(next)
            && separator_split(s).is_none()
            && s.split_whitespace().count() <= MAX_SEPARATED_LABEL_WORDS
            // No capitalized word after the first, where a value would
            // open (`Institution name Dangjin City`).
            && s.split_whitespace().skip(1).all(|w| !w.starts_with(char::is_uppercase))
            && !self.inline_layout()
            && self.unseparated_by_words(next).is_none()
            && let Some(spec) = self.named_by_words(s, next.trim())
        {
            self.values_below = true;
            return self.add_placed(spec, at, s.trim_end().len(), None);
        }
        let unseparated =
            (exact.is_none() && self.context == Context::Institution).then(|| self.unseparated_by_words(s)).flatten();
        let found = exact.map(|m| (m, LabelMatch::Exact)).or_else(|| {
            loose()
                .then(|| {
                    self.aligned_loose(s, threshold).or_else(|| catalog().fuzzy_prefix(s, threshold, is_ns("field")))
                })
                .flatten()
                .map(|(m, score)| (m, LabelMatch::Loose { score: (score * 100.0).round() as u8 }))
        });
        // A label whose words name another field than a loose comparison
        // finds (`Name of the institution` is alike to `Name of initiative`)
        // names the line's field; where both agree, the loose match knows
        // better where the label ends.
        if let Some((spec, label_len, value)) = unseparated
            && found.as_ref().is_none_or(|(m, _)| m.entry.key != spec.key)
        {
            return self.add_placed(spec, at, label_len, Some(value));
        }
        // Below a list's label any line may be an item; the label of the
        // field that follows the list in the template ends it, when it
        // shares words with a wording of that label at all (`Details`).
        let found = found.or_else(|| {
            let open = self.open_field.and_then(|at| self.field_ref(at))?;
            (catalog().field(open.key)?.value == ValueKind::List && loose())
                .then(|| self.next_field_loose(s))
                .flatten()
                .map(|(m, score)| (m, LabelMatch::Loose { score: (score * 100.0).round() as u8 }))
        });
        let found = match found {
            Some((m, LabelMatch::Loose { .. })) if self.loose_match_yields(m.entry.key, s) => None,
            // A line loosely alike to the label of the field waiting for its
            // value on it (`Учреждение` over `Ministry of Interior and
            // safety`) is that value.
            Some((m, LabelMatch::Loose { .. }))
                if awaiting.and_then(|a| self.field_ref(a)).is_some_and(|f| f.key == m.entry.key) =>
            {
                None
            }
            other => other,
        };
        if let Some((mut m, how)) = found
            && let Some(spec) = catalog().field(m.entry.key)
        {
            self.vote(m.entry.lang);
            self.hits += 1;
            // A loose match may stop short of the label (`Página web de la |
            // entidad http://...`, `¿Ha ganado ya la | iniciativa un premio? No`):
            // the kind of value the field holds shows where the label
            // really ends.
            // An exact match may be a shorter wording's, a hint in
            // parentheses left after it (`…تاريخ التنفيذ | (يوم/شهر/سنة) 01
            // Nov 2017`): a value of a telling kind, or a list label's hint,
            // shows the same.
            let loose = matches!(how, LabelMatch::Loose { .. });
            let hint_follows = || s[m.len.min(s.len())..].starts_with(['(', '（']);
            // A country after a longer label than the catalog's wording
            // (`Member state | of the United Nations Republic of Korea`).
            let no_country =
                || spec.value == ValueKind::Country && Country::from_name(s[m.len.min(s.len())..].trim()).is_none();
            // A yes/no after a longer question than the catalog's wording
            // (`…won other public service awards | & prizes? No`).
            let no_yes_no = || {
                let rest = s[m.len.min(s.len())..].trim();
                spec.value == ValueKind::YesNo && !rest.is_empty() && !is_whole_value(ValueKind::YesNo, rest)
            };
            if (loose
                || ((spec.value.is_telling() || spec.value.is_multi_line()) && hint_follows())
                || no_country()
                || no_yes_no())
                && let Some((label_len, value)) = split_by_kind(spec.value, s)
            {
                match value {
                    Some(v) if v.start > m.len || (v.start < m.len && spec.value.is_telling()) => {
                        m.label_len = label_len;
                        m.len = v.start;
                    }
                    // The whole line is label (a list's label and its hint
                    // `(hold Ctrl to select multiple)`, a question asked
                    // with its answer on the next line).
                    None if label_len > m.len && label_len == s.len() => {
                        m.label_len = bare_label_len(s);
                        m.len = s.len();
                    }
                    _ => {}
                }
            }
            // A label alone on its line, its value on the next one (a table's
            // cells one per line), whose head the catalog knows as a shorter
            // wording (`الدولة العضو | التي تتبع لها المؤسسة` over `جمهورية
            // كوريا`): the rest of the line is no value of the field's kind,
            // and the next line is one.
            if spec.value.is_telling()
                && let rest = s[m.len.min(s.len())..].trim()
                && !rest.is_empty()
                && !is_whole_value(spec.value, rest)
                && self.next.is_some_and(|n| is_whole_value(spec.value, n) && !opens_with_label(n))
            {
                m.label_len = bare_label_len(s);
                m.len = s.len();
                self.values_below = true;
            }
            // A free-text value after a loose match may keep the end of
            // its label (`Nombre de la | entidad Dangjin City`): where the
            // label's words give way to the value's, the label ends.
            if loose
                && spec.value == ValueKind::Text
                && let Some((label_len, v)) = same_script_split(s)
                && v.start > m.len
            {
                m.label_len = label_len;
                m.len = v.start;
            }
            // A remark in brackets after the catalog's wording, then the mark
            // that sets off the value (`Название инициативы | (проекта)⇥
            // Dangjin…`): the remark qualifies the label.
            if let Some(rest) = s.get(m.len..)
                && rest.trim_start().starts_with(['(', '（'])
                && let Some((label_len, value)) = separator_split(s)
                && label_len > m.len
                && s[m.len..label_len].trim().ends_with([')', '）'])
            {
                m.label_len = label_len;
                m.len = value.start;
            }
            // A label given in a second language after a slash (`Nom de
            // l’organisation | / Organization name` over `Dangjin City`),
            // perhaps after a word or two of the first wording the catalog
            // lacks (`Catégorie du prix | visée / Award category`): no value
            // opens so, so the line is all label, its value set off by a mark
            // on it or else the line under it.
            if let Some(rest) = s.get(m.len..)
                && second_wording(rest)
            {
                match separator_split(s) {
                    Some((label_len, value)) if label_len > m.len => {
                        m.label_len = label_len;
                        m.len = value.start;
                    }
                    _ if self.next.is_some_and(|n| !opens_with_label(n)) => {
                        m.label_len = bare_label_len(s);
                        m.len = s.len();
                        self.values_below |= !(self.context == Context::Institution && self.inline_layout());
                    }
                    _ => {}
                }
            }
            // A free-text label running on in lower case past the catalog's
            // wording, alone on its line (`Tipo de | organismo` over
            // `Administración local`): the whole line is the label, its value
            // the line under it, when that is no label.
            if spec.value == ValueKind::Text
                && let Some(rest) = s.get(m.len..).map(str::trim)
                && !rest.is_empty()
                && rest.split_whitespace().all(|w| w.starts_with(char::is_lowercase))
                && self.next.is_some_and(|n| !opens_with_label(n))
            {
                m.label_len = bare_label_len(s);
                m.len = s.len();
                // On a form that prints values beside their labels, the
                // label alone is an empty field's (see `add_field`).
                self.values_below |= !(self.context == Context::Institution && self.inline_layout());
            }
            // A label running on past the catalog's wording in a script
            // without Latin letters (`机构网站 | 地址 http://…`): the web
            // address starts the value.
            if spec.value == ValueKind::Url
                && let Some(rest) = s.get(m.len..)
                && !is_whole_value(spec.value, rest.trim_start())
                && let Some(url) = rest.find("http").or_else(|| rest.find("www."))
                && !rest[..url].contains(|c: char| c.is_ascii_alphanumeric())
                && rest[..url].trim().chars().count() <= MAX_LABEL_TAIL_CHARS
            {
                m.label_len = m.len + rest[..url].trim_end().len();
                m.len += url;
            }
            // Nor is a tail without a Latin letter or digit a web address
            // (`机构网 | 址`, the catalog's `机构网站` loosely): the line is
            // all label, the field empty or its value below.
            if spec.value == ValueKind::Url
                && loose
                && let Some(rest) = s.get(m.len..).map(str::trim)
                && !rest.is_empty()
                && !rest.contains(|c: char| c.is_ascii_alphanumeric())
                && rest.chars().count() <= MAX_LABEL_TAIL_CHARS
            {
                m.label_len = bare_label_len(s);
                m.len = s.len();
            }
            // A question's label running on past the catalog's wording to
            // the line's end at its question mark (`Как вы узнали о премии |
            // ЮНПСА?`): the whole line is the label, the answer below.
            if matches!(spec.value, ValueKind::Learned | ValueKind::YesNo)
                && let Some(rest) = s.get(m.len..).map(str::trim)
                && rest.ends_with(QUESTION_MARKS)
                && rest.split_whitespace().count() <= MAX_QUESTION_TAIL_WORDS
            {
                m.label_len = bare_label_len(s);
                m.len = s.len();
            }
            // A question's label running on past the catalog's wording to
            // its question mark, a short answer after it (`Как Вы узнали о
            // Премии … службы? INTERNET`).
            if matches!(spec.value, ValueKind::Learned | ValueKind::YesNo)
                && let Some(rest) = s.get(m.len..)
                && let Some(mark) = rest.rfind(QUESTION_MARKS)
                && let after = rest[mark..].trim_start_matches(QUESTION_MARKS).trim()
                && !after.is_empty()
                && after.split_whitespace().count() <= 3
                && (spec.value != ValueKind::YesNo || is_whole_value(spec.value, after))
            {
                m.label_len = m.len + mark + rest[mark..].chars().next().map_or(0, char::len_utf8);
                m.len = m.label_len;
            }
            // A label that ends inside a word, a colon closing that word
            // (`行政级 | 别：地方` against the catalog's `行政级`): the label
            // runs to its colon.
            if let Some((label_len, len)) = colon_closing_word(s, m.len) {
                m.label_len = label_len;
                m.len = len;
            }
            // A label longer than the catalog's wording by up to four words,
            // its colon after them (`Nom de l’organisme | candidat : Dangjin
            // City`, `اسم المبادرة | كما ورد في الترشيح:`): the label runs to
            // the colon.
            if let Some(rest) = s.get(m.len..)
                && !rest.trim_start().starts_with([':', '：', '='])
                // A question's mark closes its label already.
                && !s[..m.len].trim_end().ends_with(QUESTION_MARKS)
                && let Some(colon) = rest.find([':', '：']).into_iter().chain(rest.find("=\"")).min()
                // A colon that ends a word, a blank after it (not `http://`,
                // `10:30`), or an equals sign before a quoted value.
                && (rest[colon..].starts_with('：')
                    || rest[colon + 1..].starts_with(char::is_whitespace)
                    || rest[colon..].starts_with("=\""))
                && rest[..colon].split_whitespace().count() <= 4
                // A slash right after the wording joins another name to it
                // (`Name of Initiative/Programme:`); elsewhere it is a value's.
                && !rest[..colon].trim_start_matches('/').contains(|c: char| c.is_ascii_digit() || matches!(c, '/' | '.'))
                && !rest[colon..].trim_start_matches([':', '：', '=', '"']).trim().is_empty()
            {
                let before = rest[..colon].trim_end().len();
                m.label_len = m.len + before;
                m.len += colon;
            }
            // A row whose value's cell is empty: the line is all label
            // (`Type d’institution | publique`, past the catalog's wording).
            if self.empty_cell {
                m.label_len = bare_label_len(s);
                m.len = s.len();
            }
            // A mark left between the label and its value (`— Dangjin
            // City`) is the label's.
            m.len = past_separator(s, m.len.min(s.len()));
            let value = trim(self.text, Span::new(at.span.start + m.len.min(s.len()), at.span.end));
            let field = Field {
                key: m.entry.key,
                lang: m.entry.lang,
                label: bare_label(self.text, Span::new(at.span.start, at.span.start + m.label_len)),
                label_full: Span::new(at.span.start, at.span.start + m.len.min(s.len())),
                value: (!value.is_empty()).then_some(value),
                items: Vec::new(),
                line: at.line,
                copy: 0,
                matched: how,
            };
            return self.add_field(spec, field);
        }
        // A short line under a list, every word of which a wording of the
        // next field's label holds (`Précisions` and `Veuillez fournir des
        // précisions`), is that label, not an item.
        if let Some(spec) = self.next_field_by_words(s) {
            return self.add_placed(spec, at, s.len(), None);
        }
        // A list that follows a yes/no question answered no has no items: a
        // line below it is the next field's (`详情`, a details label sharing
        // no word with the catalog's, below an empty list of UN agencies).
        if let Some(open) = self.open_field
            && !s.trim_start().starts_with(['(', '（'])
            // So is a table's row with its value's cell empty: a label.
            && (self.list_answered_off(open) || self.empty_cell)
            && let Some((question, fields)) = self.expected_fields()
            && let Some(next) = fields.first().copied()
            // A label with no value says nothing of its kind: it takes no
            // field of the question after its section's.
            && !(self.empty_cell
                && matches!(self.context, Context::Basic(b) if u32::from(question) > self.form.basic[b].number))
        {
            let (label_len, value) = match self.empty_cell {
                true => (s.len(), None),
                false => split_by_kind(next.value, s).unwrap_or((s.len(), None)),
            };
            return self.add_placed(next, at, label_len.min(s.len()), value);
        }
        // A value moved to the line below its label, or a list's item. A
        // yes/no, a date, a number or a web address is short: a longer line
        // that is none, or one a label opens or a later field's label and
        // value fill, is the next label, its own field's left empty (`Is
        // the initiative relevant to the SDGs?` over `If your answer…`).
        let unlike_value = |kind: Option<ValueKind>| {
            kind.is_some_and(|k| {
                let later_field = || self.by_position(s).is_some_and(|(_, label, value)| label > 0 && value.is_some());
                match k {
                    ValueKind::YesNo | ValueKind::Date | ValueKind::Integer | ValueKind::Url => {
                        // Ideographs are written without blanks: two
                        // stand for a word.
                        let ideographs = || s.chars().filter(|&c| nomina_refdata::fold::is_cjk(c)).count();
                        // Or a label the catalog lacks over a later
                        // field's value (`Дата внедрения` over a date).
                        !is_whole_value(k, s)
                            && (s.split_whitespace().nth(MAX_SHORT_VALUE_WORDS).is_some()
                                || ideographs() > 2 * MAX_SHORT_VALUE_WORDS
                                || opens_with_label(s)
                                || later_field()
                                || self.label_over_value(s).is_some_and(|f| f.value.is_telling() && f.value != k))
                    }
                    _ => false,
                }
            })
        };
        if let Some(target) = collecting
            && let Some(field) = self.field_ref(target)
            && let kind = catalog().field(field.key).map(|f| f.value)
            && item_fits(kind, s)
            && !unlike_value(kind)
            && let Some(field) = self.field_mut(target)
        {
            field.items.push(at);
            // A value read from under its label: the form prints them so.
            self.values_below |= awaiting.is_some();
            // A category's options one a line, each after its box (`( ) …`
            // over `(•) …`): the next box's line is the options' too.
            if kind == Some(ValueKind::Category)
                && leading_box(s).is_some()
                && self.next.is_some_and(|n| leading_box(n).is_some())
            {
                self.awaiting_value = Some(target);
            }
            return;
        }
        if let Some((spec, label_len, value)) = self.by_position(s) {
            return self.add_placed(spec, at, label_len, value);
        }
        // Before any block, a label the catalog lacks set off from a
        // country's name (`Name of UN Member State: Republic of Korea`): the
        // institution block's first field, which opens the block.
        if self.context == Context::Start
            && s.len() <= MAX_MARKER_BYTES
            && let Some((label_len, value)) = separator_split(s)
            // A label of words and its mark, not a breadcrumb (`Home >
            // Pakistan`, `Home » Countries » Pakistan`): blanks, a colon, or
            // a mark the line holds once (`Country (UN member) » Korea, Rep.`).
            && let mark = s[label_len..value.start].trim()
            && (mark.is_empty()
                || mark.starts_with([':', '：'])
                || (!mark.starts_with(['>', '›']) && s.matches(mark).count() == 1))
            // A label naming the country, or any short one over a line
            // of a label and its value too (`国家「韩国」` over `单位名称「…」`):
            // a block of fields opens.
            && (names_the_country_field(&s[..label_len])
                || (s[..label_len].chars().count() <= MAX_SHORT_LABEL_CHARS
                    && self.next.is_some_and(|n| separator_split(n).is_some())))
            // A label, not the end of a sentence (`… press briefing.
            // Picture: PA`, a photo credit's agency read as Panama's code).
            && !s[..label_len].contains(". ")
            && !is_country_code(s[value.clone()].trim())
            && Country::from_name(s[value.clone()].trim()).is_some()
            && let Some(spec) = catalog().fields().iter().find(|f| f.question == 0 && f.value == ValueKind::Country)
        {
            return self.add_placed(spec, at, label_len, Some(value));
        }
        // So does such a label alone on its line, closed by its colon, over
        // the country's name (`会员国：` over `　　大韩民国`).
        if self.context == Context::Start
            && s.len() <= MAX_MARKER_BYTES
            && let Some(label) = s.trim_end().strip_suffix([':', '：'])
            && (names_the_country_field(label) || label.chars().count() <= MAX_SHORT_LABEL_CHARS)
            && let Some(next) = self.next.map(str::trim)
            && !is_country_code(next)
            && Country::from_name(next).is_some()
            && let Some(spec) = catalog().fields().iter().find(|f| f.question == 0 && f.value == ValueKind::Country)
        {
            return self.add_placed(spec, at, s.len(), None);
        }
        // A label the catalog lacks alone on its line, the next field's
        // value on the line under it: the label of the field the block
        // expects next.
        if let Some(spec) = self.label_over_value(s) {
            self.values_below |= spec.value.is_telling();
            return self.add_placed(spec, at, s.len(), None);
        }
        if self.untitled_section(s, at, false) {
            return;
        }
        if let Some(spec) = self.empty_label(s) {
            self.add_placed(spec, at, s.len(), None);
            // The line under is a label and a value of its own.
            self.awaiting_value = None;
            return;
        }
        self.unknown(at);
    }

    /// Whether a loose match of `s` with the field `key` yields to the
    /// line's place in its block's template (see [`Self::by_position`]),
    /// which is asked once.
    fn loose_match_yields(&self, key: &str, s: &str) -> bool {
        let Some((spec, label, value)) = self.by_position(s) else { return false };
        let Some(matched) = catalog().field(key) else { return false };
        // A field further on in the same question than the line's place.
        let further = matched.question == spec.question && matched.order > spec.order;
        // A field of another question than the block's, when the line's
        // value fits a field the block still expects (`Has the initiative
        // won a UN Public Service Award before? No` under question 7 is
        // alike to question 8's label).
        (matches!(self.context, Context::Basic(_))
            && self.template().is_some_and(|(question, _)| matched.question != question))
            // A field further on, when the line's value tells that it is an
            // earlier field's (`Name of the Member State … Republic of
            // Korea`, alike to `Name of initiative`): the value's kind
            // places it.
            || (value.is_some() && spec.value.is_telling() && further && matched.value != spec.value)
            // An institution field read already, when the line has a label
            // and a value in the place of a field still to come
            // (`Naturaleza de la institución | Administración local`, alike
            // to `Nombre de la institución`): a copy of the block would
            // start at its first field, not in its middle.
            || (self.context == Context::Institution
                && self.current_institution().any(|f| f.key == key)
                && spec.key != key
                && label > 0
                && value.is_some())
            // A later field of free text, when the value is an institution
            // type the catalog names (`Type de structure | Administration
            // territoriale`, alike to `Type de service`, a department's).
            || (further
                && matched.value == ValueKind::Text
                && value.is_some_and(|v| catalog().exact(s[v].trim(), is_ns("type")).next().is_some()))
    }

    /// An institution field the form printed with its label alone (seed
    /// 003's empty institution type) in a wording the catalog lacks: a
    /// short line no split divides, the next line a label and a value of
    /// its own, and the line's words nearer the field the block expects
    /// next than the one after it, the field the next line would then go
    /// to (`Public-sector institution type` over `Sector type Interior`).
    /// Left unplaced, the next line would take its place.
    fn empty_label(&self, s: &str) -> Option<&'static FieldSpec> {
        if self.context != Context::Institution || s.split_whitespace().count() > MAX_LOOSE_LABEL_WORDS {
            return None;
        }
        let next = self.next?;
        let (_, candidates) = self.expected_fields()?;
        let first = *candidates.first().filter(|f| f.value == ValueKind::Text)?;
        let second = candidates.get(1)?;
        let (below, _, value) = self.by_position(next)?;
        if below.key != first.key || value.is_none() {
            return None;
        }
        let words = content_words(s);
        // Ideographs are written without blanks: pairs of them stand for
        // words (`公共机构分类` and `公共部门机构类型` share `公共`, `机构`).
        let pairs = |t: &str| -> Vec<(char, char)> {
            let chars: Vec<char> = t.chars().filter(|&c| nomina_refdata::fold::is_cjk(c)).collect();
            chars.windows(2).map(|w| (w[0], w[1])).collect()
        };
        let own_pairs = pairs(s);
        let shared = |key: &str| {
            let held = |wording: &Vec<String>| {
                if own_pairs.is_empty() {
                    words.iter().filter(|w| wording.iter().any(|x| same_stem(&canonical_word(x), w))).count()
                } else {
                    let theirs = pairs(&wording.concat());
                    own_pairs.iter().filter(|p| theirs.contains(p)).count()
                }
            };
            wording_words(key).iter().map(held).max().unwrap_or(0)
        };
        let own = shared(first.key);
        (own > 0 && own > shared(second.key)).then_some(first)
    }

    /// A basic-info section the form titles without numbering it (`■
    /// Sector público`, `-- Award category --`, a mobile view's or an
    /// e-mail's): a short line no label claims, set apart by a bullet, by
    /// rules around it or by a blank line above it, with a line right
    /// under it, read inside the basic-info part. It opens the question
    /// its title names when the catalog knows the title, else the one
    /// after the last question read: the form keeps the template's order.
    fn untitled_section(&mut self, s: &str, at: LineRef, ruled_only: bool) -> bool {
        // A form that numbers its sections numbers them all: a short line
        // there is a label wrapped, or chrome.
        if self.in_questions
            || !matches!(self.context, Context::Institution | Context::Basic(_))
            || (0..self.form.basic.len()).any(|b| !self.untitled.contains(&b))
        {
            return false;
        }
        // Chevrons frame a title too (`>>> Category <<<`).
        let rule =
            |c: char| matches!(c, '-' | '–' | '—' | '=' | '#' | '*' | '~' | '_' | '>' | '<') || c.is_whitespace();
        // A title framed by a pair of brackets alone on its line
        // (`【公共部门】`, `[Public sector]`) is set off as a ruled one is.
        let framed = TITLE_FRAMES.iter().find_map(|&(open, close)| {
            let inner = s.trim().strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains([open, close])).then_some(inner)
        });
        let title = framed.unwrap_or(s).trim_matches(rule);
        // Ruled on both sides, or underlined (`Public sector` over `=====`).
        let ruled = framed.is_some()
            || self.barred
            || title.len() + 2 <= s.len() && s.ends_with(rule) && s.starts_with(rule)
            || self.next.is_some_and(underline);
        if ruled_only && !ruled {
            return false;
        }
        let words = title.split_whitespace().count();
        // An item under a label that ends in a colon is the label's value
        // (`Years running:` over `  - five`).
        if self.bulleted && self.under_colon && !ruled {
            return false;
        }
        // A title unruled heads the lines right under it; a ruled one may
        // stand apart from them, but for the institution block's own title
        // read again with its lines.
        if !(self.bulleted || ruled || self.blank_above)
            || (self.next.is_none() && (!ruled || self.replaying))
            || title.is_empty()
            || words > MAX_SECTION_TITLE_WORDS
            || title.chars().count() > MAX_SECTION_TITLE_CHARS
            // A number is an item's (`• Goal 16`), but for a heading's bar.
            || (!self.barred && title.contains(|c: char| c.is_ascii_digit()))
            // A title is words alone: brackets, quotes and list marks are a
            // label's or a value's (`"Relevant to any SDG (Y/N)",TRUE`).
            || title.contains(['(', ')', '[', ']', '"', '“', '”', '«', '»', ',', ';', '/', '|'])
            // A label wrapped onto the next line goes on in lower case.
            || self.next.is_some_and(|n| n.starts_with(char::is_lowercase))
            // A question ruled as a title (`=== Entered before? ===`) is one.
            || title.ends_with([':', '：', '.', '。', '!', ')', '）'])
            || (!ruled && title.ends_with(['?', '？', '؟']))
            || !title.chars().any(char::is_alphabetic)
        {
            return false;
        }
        let known = catalog().exact(title, is_ns("heading")).next().map(|e| (e.key, e.lang));
        let read = self
            .form
            .basic
            .iter()
            .rev()
            .filter(|b| b.copy == self.basic_copy)
            .flat_map(|b| {
                b.fields.iter().filter_map(|f| catalog().field(f.key)).map(|f| u32::from(f.question)).chain([b.number])
            })
            .max()
            .unwrap_or(0);
        let number = known.and_then(|(k, _)| k.strip_prefix("heading.")?.parse().ok()).unwrap_or(read + 1);
        if let Some((_, lang)) = known {
            self.vote(lang);
        }
        if self.form.basic.last().is_some_and(|b| b.copy == self.basic_copy && b.number >= number) {
            self.basic_copy += 1;
        }
        let start = at.span.start + (title.as_ptr() as usize - s.as_ptr() as usize);
        self.form.basic.push(BasicQuestion {
            number,
            heading: at,
            title: Some(Span::new(start, start + title.len())),
            title_key: known.map(|(k, _)| k),
            fields: Vec::new(),
            unknown: Vec::new(),
            copy: self.basic_copy,
        });
        self.open_field = None;
        self.context = Context::Basic(self.form.basic.len() - 1);
        self.untitled.insert(self.form.basic.len() - 1);
        true
    }

    /// The field the block expects next, when `s` reads as its label alone
    /// and the line under it as its value: a value of the field's kind, or
    /// for free text a short line that no label of the catalog opens.
    fn label_over_value(&self, s: &str) -> Option<&'static FieldSpec> {
        // Cheap tests first: outside a block (every line of a news page)
        // no field is expected.
        self.next?;
        let (_, candidates) = self.expected_fields()?;
        if s.split_whitespace().count() > MAX_LOOSE_LABEL_WORDS {
            return None;
        }
        let next = self.next.filter(|n| !opens_with_label(n) && self.aligned_loose(n, FUZZY_THRESHOLD).is_none())?;
        // A value set as a list's item under its label (`  - yes`).
        let next = &next[bullet_len(next).unwrap_or(0)..];
        // A value of a telling kind places the label in its field's place,
        // up to two fields on (an optional field the form left out); a free
        // text only in the next field's.
        // The whole line, not a label and a value (`مستوى الإدارة محلي`).
        let value_alone = |kind: ValueKind| {
            is_whole_value(kind, next) && split_by_kind(kind, next).is_none_or(|(_, v)| v.is_none_or(|v| v.start == 0))
        };
        // A level in a longer value (`Local government`) only one field on,
        // as in `by_position`: two fields on, it is more likely the type.
        let telling = candidates.iter().take(3).enumerate().find_map(|(i, f)| {
            let level_far = f.value == ValueKind::Level && i > 1 && !level_alone(next);
            (f.value.is_telling() && !f.value.is_multi_line() && !level_far && value_alone(f.value)).then_some(f)
        });
        telling.copied().or_else(|| {
            let spec = *candidates.first()?;
            // Free text says nothing of its own place: only on a form that
            // has put a value under its label already.
            let fits = self.values_below
                && !spec.value.is_telling()
                && !spec.value.is_multi_line()
                && next.split_whitespace().count() <= 12
                && catalog().prefix_in(next, "field").is_none()
                // The line under is no label and value of its own, but for
                // a level's word closing it with no mark before it, two
                // fields before the level's place (`جهة حكومية محلية`, a
                // local government: the type's value).
                && self.by_position(next).is_none_or(|(f, label, _)| {
                    let level_far = candidates.iter().position(|c| c.key == f.key).is_some_and(|i| i > 1);
                    label == 0 || (f.value == ValueKind::Level && level_far && separator_split(next).is_none())
                });
            fits.then_some(spec)
        })
    }

    /// Whether the open field `open` is a list asked after a yes/no
    /// question (the field before it in its question's template) that its
    /// block's copy answered no or left unanswered.
    fn list_answered_off(&self, open: (Context, usize)) -> bool {
        let Some(list) = self.field_ref(open) else { return false };
        let Some(spec) = catalog().field(list.key).filter(|f| f.value == ValueKind::List) else { return false };
        self.fields_in(open.0).iter().filter(|f| f.copy == list.copy).any(|f| {
            catalog().field(f.key).is_some_and(|g| {
                g.question == spec.question && g.order + 1 == spec.order && g.value == ValueKind::YesNo
            }) && f
                .value
                .or_else(|| f.items.first().map(|i| i.span))
                // Left unanswered (seed 003's): nothing involved to list.
                .is_none_or(|v| yes_no(&self.text[v.range()]) == Some(false))
        })
    }

    /// Whether the institution block's current copy has printed its values
    /// beside their labels so far: two of them, none under its label.
    fn inline_layout(&self) -> bool {
        !self.values_below && self.current_institution().filter(|f| f.value.is_some()).nth(1).is_some()
    }

    /// The fields of the institution block's current copy, last first.
    fn current_institution(&self) -> impl Iterator<Item = &Field> {
        self.form.institution.iter().rev().take_while(|f| f.copy == self.institution_copy)
    }

    /// Adds the field placed by its place in the block, not by its label:
    /// the line `at` with its label's length and its value's range in it.
    /// The list field of the line right above `line` when its label reads
    /// as `label` (marks and blanks around them aside), and how that label
    /// was matched.
    fn list_label_above(&self, label: &str, line: usize) -> bool {
        let last = match self.context {
            Context::Basic(b) => self.form.basic[b].fields.last(),
            Context::Institution => self.form.institution.last(),
            _ => None,
        };
        let Some(last) = last else { return false };
        fn bare(s: &str) -> &str {
            s.trim_matches(|c: char| c.is_whitespace() || is_separator_char(c) || c == '"')
        }
        last.items.last().map_or(last.line, |item| item.line) + 1 == line
            && catalog()
                .field(last.key)
                .is_some_and(|spec| matches!(spec.value, ValueKind::Goals | ValueKind::Targets | ValueKind::List))
            && bare(self.slice(last.label_full)) == bare(label)
    }

    fn last_field_mut(&mut self) -> Option<&mut Field> {
        match self.context {
            Context::Basic(b) => self.form.basic[b].fields.last_mut(),
            _ => self.form.institution.last_mut(),
        }
    }

    fn add_placed(&mut self, spec: &FieldSpec, at: LineRef, label_len: usize, value: Option<Range<usize>>) {
        self.hits += 1;
        let s = self.slice(at.span);
        // What follows a label's first wording may be its second, after a
        // slash (`Intitulé du projet | / Project title`): the line is all
        // label, its value on the line under it.
        let (label_len, value) = match value {
            Some(v) if value_opens_second_wording(s, v.start) && self.next.is_some_and(|n| !opens_with_label(n)) => {
                self.values_below = true;
                (bare_label_len(s), None)
            }
            other => (label_len, other),
        };
        let value =
            value.map(|v| Span::new(at.span.start + past_separator(s, v.start).min(v.end), at.span.start + v.end));
        let field = Field {
            key: spec.key,
            lang: "und",
            label: bare_label(self.text, Span::new(at.span.start, at.span.start + label_len)),
            label_full: Span::new(at.span.start, value.map_or(at.span.end, |v| v.start)),
            value,
            items: Vec::new(),
            line: at.line,
            copy: 0,
            matched: LabelMatch::Position,
        };
        self.add_field(spec, field);
    }

    fn add_field(&mut self, spec: &FieldSpec, mut field: Field) {
        // A value that is only the label's closing mark (`Heard of us?:`,
        // the label matched up to its question mark): the label's, its
        // value still to come.
        if let Some(value) = field.value
            && self
                .slice(value)
                .chars()
                .all(|c| matches!(c, ':' | '：' | '?' | '？' | '؟' | '.' | '-' | '–' | '—' | '=') || c.is_whitespace())
        {
            field.label_full = Span::new(field.label_full.start, value.end);
            field.value = None;
        }
        // A value that is only a gloss in brackets (`（地方）`) is the gloss of
        // the word before it: a label that took that word (`单位类型 公共部门`,
        // its words alike to the catalog's `公共部门机构类型`) gives it back
        // from its last blank on.
        if spec.value == ValueKind::Text
            && let Some(value) = field.value
            && let Some(inner) = self.slice(value).strip_prefix(['(', '（'])
            && inner.trim_end().ends_with([')', '）'])
            && !inner.contains(['(', '（'])
            && let label = self.slice(Span::new(field.label_full.start, value.start)).trim_end()
            // A label closed by its mark (`Type:`) took no word of the value.
            && !label.ends_with(is_label_end)
            && let Some(blank) = label.rfind(char::is_whitespace)
            && blank > 0
        {
            let start = field.label_full.start + blank + label[blank..].chars().next().map_or(1, char::len_utf8);
            field.value = Some(Span::new(start, value.end));
            field.label_full = Span::new(field.label_full.start, start);
            field.label = bare_label(self.text, Span::new(field.label.start, field.label.end.min(start)));
        }
        // The first institution field met outside any block: the unclaimed
        // lines of its paragraph above it are the block's first lines, under
        // a section heading in a wording the catalog lacks (`联合国会员国 韩国`
        // above `行政层级 地方的`).
        if self.context == Context::Start && spec.question == 0 && !self.start_run_closed {
            self.replay_institution();
        }
        if spec.question == 0
            && self.institution_section.is_none()
            && let Context::Basic(b) = self.context
            && let block = &self.form.basic[b]
            && block.fields.is_empty()
            && block.title_key.is_none()
        {
            self.institution_section = Some(block.number);
        }
        let empty = field.value.is_none();
        if matches!(self.context, Context::Start)
            || (spec.question == 0 && !matches!(self.context, Context::Institution))
        {
            self.enter_institution(false);
        }
        let context = self.context;
        let index = match context {
            Context::Basic(b) => {
                let copy = self.form.basic[b].copy;
                self.form.basic[b].fields.push(Field { copy, ..field });
                self.form.basic[b].fields.len() - 1
            }
            // Fields before any question heading, and the institution's.
            _ => {
                // The current copy's fields end the list (copies only grow):
                // looking at them alone keeps a page of repeated labels linear.
                if self.current_institution().any(|f| f.key == field.key) {
                    self.institution_copy += 1;
                }
                self.form.institution.push(Field { copy: self.institution_copy, ..field });
                self.form.institution.len() - 1
            }
        };
        self.open_field = spec.value.is_multi_line().then_some((context, index));
        // A free-text institution field printed with its label alone on a
        // form that prints values beside their labels is empty (seed 003's
        // institution type): the line under it is the next field's.
        let empty_inline = context == Context::Institution && spec.value == ValueKind::Text && self.inline_layout();
        if !spec.value.is_multi_line() && empty && !empty_inline {
            self.awaiting_value = Some((context, index));
        }
        if self.wrap.is_some()
            && matches!(spec.value, ValueKind::Text | ValueKind::Category)
            && let Some(value) = field.value
        {
            // The line's length, from its label's start to its value's end.
            let chars = self.slice(Span::new(field.label_full.start, value.end)).chars().count();
            self.wrapped_value = Some(((context, index), field.line, chars));
        }
    }

    /// The template of the current block: the basic-info question whose
    /// fields it holds (0 for the institution block), and the catalog
    /// orders of the fields already read in this copy of it.
    fn template(&self) -> Option<(u8, Vec<(&'static str, u8)>)> {
        let order = |f: &Field| catalog().field(f.key).map_or(0, |s| s.order);
        match self.context {
            Context::Basic(b) => {
                let q = &self.form.basic[b];
                // The title names the question when the catalog knows it; a
                // form whose questions are numbered otherwise keeps its
                // fields under their own question.
                let number = q.title_key.and_then(|k| k.strip_prefix("heading.")).and_then(|n| n.parse().ok());
                // Numbered after a numbered institution section, the block
                // is the template's question that many places before.
                let own = match self.institution_section {
                    Some(i) if q.number > i => q.number - i,
                    _ => q.number,
                };
                // A block after one that held two questions' fields (`Awards`
                // with both award questions) is past them both.
                let read = self.form.basic[..b]
                    .iter()
                    .rev()
                    .filter(|p| p.copy == q.copy)
                    .flat_map(|p| &p.fields)
                    .filter_map(|f| catalog().field(f.key))
                    .map(|f| u32::from(f.question))
                    .max();
                let own = read.map_or(own, |r| own.max(r + 1));
                let question = number.or_else(|| u8::try_from(own).ok())?;
                Some((question, q.fields.iter().map(|f| (f.key, order(f))).collect()))
            }
            Context::Institution => Some((0, self.current_institution().map(|f| (f.key, order(f))).collect())),
            _ => None,
        }
    }

    /// The fields the current block's template still expects, in their
    /// order: those of its question after the last one read in this copy,
    /// and the question's number.
    fn expected_fields(&self) -> Option<(u8, Vec<&'static FieldSpec>)> {
        let (question, present) = self.template()?;
        let last = present.iter().map(|(_, o)| *o).max().unwrap_or(0);
        let in_order = |question: u8, last: u8| {
            let mut fields: Vec<&'static FieldSpec> = catalog()
                .fields()
                .iter()
                .filter(|f| f.question == question && f.order > last && !present.iter().any(|(k, _)| *k == f.key))
                .collect();
            fields.sort_by_key(|f| f.order);
            fields
        };
        let fields = in_order(question, last);
        // A section the form titles without a number may hold two of the
        // template's questions (`Awards already received`, both award
        // questions): its question read, the next one's fields follow.
        if fields.is_empty()
            && question > 0
            && let Context::Basic(b) = self.context
            && self.untitled.contains(&b)
        {
            return Some((question + 1, in_order(question + 1, 0)));
        }
        Some((question, fields))
    }

    /// The loose label match of `s` among the fields its block's template
    /// still expects, each field's best score less a penalty for every
    /// field it skips: of two wordings alike (`Name of Institution` is as
    /// close to `Institution Name` as to `Name of initiative`), the one
    /// whose field comes next wins.
    fn aligned_loose(&self, s: &str, threshold: f64) -> Option<(PrefixMatch<'static>, f64)> {
        let (_, candidates) = self.expected_fields()?;
        let place = |key: &str| candidates.iter().position(|f| f.key == key);
        // The next field's label may be short (`Institution Name`): its
        // place stands for the words it lacks.
        let min_words = |e: &LabelEntry| {
            if place(e.key) == Some(0) { NEXT_FIELD_MIN_WORDS } else { nomina_refdata::FUZZY_MIN_WORDS }
        };
        let mut best: Option<(PrefixMatch<'static>, f64, f64)> = None;
        for (m, score) in catalog().fuzzy_prefix_each(s, threshold, min_words, |e| place(e.key).is_some()) {
            let skipped = place(m.entry.key).unwrap_or(0);
            let aligned = score - SKIP_PENALTY * skipped as f64;
            // Ties go to the field that comes first.
            let better = best
                .as_ref()
                .is_none_or(|(b, _, a)| aligned > *a || (aligned == *a && place(m.entry.key) < place(b.entry.key)));
            if better {
                best = Some((m, score, aligned));
            }
        }
        best.map(|(m, score, _)| (m, score))
    }

    /// The field an institution line's label names by its words, when a
    /// mark sets the label off (see [`separator_split`]): of the fields the
    /// block still expects whose kind the value is, the one a wording of
    /// which shares the most of the label's words (synonyms counted as the
    /// word they stand for: `organization` as `institution`), when no other
    /// shares as many. Gives the field, the label's length and the value's
    /// range.
    fn separated_by_words(&self, s: &str) -> Option<(&'static FieldSpec, usize, Range<usize>)> {
        let (label_len, value) = separator_split(s)?;
        self.named_by_words(&s[..label_len], &s[value.clone()]).map(|f| (f, label_len, value))
    }

    /// The field of the block still expected whose wordings share the most
    /// content words with `label`, `value` being a whole value of its kind
    /// (see [`Parser::separated_by_words`]).
    fn named_by_words(&self, label: &str, value: &str) -> Option<&'static FieldSpec> {
        let words = content_words(label);
        if words.is_empty() {
            return None;
        }
        let (_, candidates) = self.expected_fields()?;
        // The best field, and whether another shares as many words. Of two
        // sharing as many, one whose value tells its kind (a level, a date)
        // is surer than free text (`مستوى الإدارة: محلي`).
        let mut best: Option<(&'static FieldSpec, (usize, bool), bool)> = None;
        for &f in &candidates {
            if !is_whole_value(f.value, value) {
                continue;
            }
            let shared = canonical_wordings(f.key)
                .iter()
                .map(|wording| words.iter().filter(|x| wording.contains(*x)).count())
                .max()
                .unwrap_or(0);
            let score = (shared, f.value.is_telling());
            match best {
                Some((_, n, ref mut tied)) if score == n && shared > 0 => *tied = true,
                _ if shared > 0 && best.is_none_or(|b| score > b.1) => best = Some((f, score, false)),
                _ => {}
            }
        }
        // Two fields alike to the label: the next one in the template takes
        // the line (a form prints every field, so its line is more likely
        // there than missing); else the other signals decide.
        let next = candidates.first().map(|f| f.key);
        best.filter(|b| !b.2 || Some(b.0.key) == next).map(|(f, _, _)| f)
    }

    /// The field an institution line's label names by its words where no
    /// mark sets the label off (`Name of the institution Dangjin City`): of
    /// the line's heads of up to [`MAX_UNSEPARATED_LABEL_WORDS`] words before a
    /// word that is not in lower case, the longest two or more of whose
    /// content words, and all but one in lower case, stand in one wording
    /// of a field the block still expects (synonyms and stems counted), the
    /// rest of the line a value of that field's kind.
    /// Of two such fields the earlier in the template wins. Gives the
    /// field, the label's length and the value's range.
    fn unseparated_by_words(&self, s: &str) -> Option<(&'static FieldSpec, usize, Range<usize>)> {
        let (_, candidates) = self.expected_fields()?;
        let words: Vec<(usize, &str)> = word_spans(s).take(MAX_UNSEPARATED_LABEL_WORDS + 1).collect();
        let mut best = None;
        let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
        // A label in a script without case (Arabic, Chinese) over a value
        // in Latin letters ends where the script changes, and any word of
        // its own may qualify it.
        let script_value = script_split(s).map(|(_, v)| v.start);
        let qualifier = |w: &str| lower(w) || script_value.is_some();
        // Each word's content words, each with whether it may qualify the
        // label (written in lower case): one such word the wording lacks may
        // (`Intitulé du projet présenté`).
        let content: Vec<Vec<(String, bool)>> =
            words.iter().map(|(_, w)| content_words(w).into_iter().map(|c| (c, qualifier(w))).collect()).collect();
        for k in 2..words.len() {
            // A value opens in capitals or digits (`Dangjin City`, `5`); a
            // word in lower case goes on with the label.
            if script_value.map_or(lower(words[k].1), |v| words[k].0 != v) {
                continue;
            }
            let label_len = words[k - 1].0 + words[k - 1].1.len();
            let label = || content[..k].iter().flatten();
            if label().count() < 2 {
                continue;
            }
            let value = words[k].0..s.trim_end().len();
            let names = |f: &&&'static FieldSpec| {
                is_whole_value(f.value, &s[value.clone()])
                    && canonical_wordings(f.key).iter().any(|wording| {
                        let held = |x: &String| wording.iter().any(|y| same_stem(x, y));
                        let mut lacked = label().filter(|(x, _)| !held(x));
                        let fits = match (lacked.next(), lacked.next()) {
                            (None, _) => true,
                            (Some(&(_, qualifies)), None) => qualifies,
                            _ => false,
                        };
                        fits && label().filter(|(x, _)| held(x)).count() >= 2
                    })
            };
            if let Some(&f) = candidates.iter().find(names) {
                best = Some((f, label_len, value));
            }
        }
        best
    }

    /// The loose match of `s` with the labels of the next field its block's
    /// template expects, at [`NEXT_LABEL_THRESHOLD`].
    fn next_field_loose(&self, s: &str) -> Option<(PrefixMatch<'static>, f64)> {
        let next = *self.expected_fields()?.1.first()?;
        catalog().fuzzy_prefix_of(s, NEXT_LABEL_THRESHOLD, 1, |e| e.key == next.key)
    }

    /// The field after an open list in its block's template, when `s` is
    /// a short line (at most [`MAX_LIST_END_WORDS`] words, one of them not
    /// short) every word of which stands in one of that field's wordings:
    /// the next label shortened, in a wording the catalog lacks.
    fn next_field_by_words(&self, s: &str) -> Option<&'static FieldSpec> {
        let open = self.open_field.and_then(|at| self.field_ref(at))?;
        if catalog().field(open.key)?.value != ValueKind::List || s.len() > MAX_MARKER_BYTES {
            return None;
        }
        let folded = nomina_refdata::fold(s);
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty()
            || words.len() > MAX_LIST_END_WORDS
            || !words.iter().any(|w| w.chars().count() >= 4)
            || folded.chars().any(nomina_refdata::fold::is_cjk)
        {
            return None;
        }
        let next = *self.expected_fields()?.1.first()?;
        let holds = |wording: &Vec<String>| words.iter().all(|w| wording.iter().any(|x| same_stem(x, w)));
        wording_words(next.key).iter().any(holds).then_some(next)
    }

    /// A line no label matched, aligned to its block's template: the
    /// fields of the block's question in their usual order, each with the
    /// kind of value it holds. The line goes to the first field after the
    /// last one read whose kind its value fits: a value that tells what it
    /// is (a yes or a no, a date, a web address, a country, a level) may
    /// skip fields whose lines are missing; any other only fills the next
    /// field. Gives the field, the label's length and the value's span
    /// within `s`.
    fn by_position(&self, s: &str) -> Option<(&'static FieldSpec, usize, Option<Range<usize>>)> {
        let (question, candidates) = self.expected_fields()?;
        // A line that is all label holds no value: what reads as one is the
        // label's end (`Category of the award`).
        if self.empty_cell {
            let (spec, _, _) = self.placed_by_position(s, question, &candidates)?;
            return Some((spec, s.len(), None));
        }
        // A label in two languages (`Ordre de gouvernement / Level of
        // government`): no value starts at its slash.
        let placed = self.placed_by_position(s, question, &candidates)?;
        let (_, _, value) = &placed;
        let bilingual = |v: &Range<usize>| {
            separator_split(s).is_none()
                && s.find(" / ").is_some_and(|at| s[..at].chars().any(char::is_alphabetic))
                && value_opens_second_wording(s, v.start)
        };
        value.as_ref().is_none_or(|v| !bilingual(v)).then_some(placed)
    }

    /// [`Parser::by_position`] once a label in two languages is told apart.
    fn placed_by_position(
        &self,
        s: &str,
        question: u8,
        candidates: &[&'static FieldSpec],
    ) -> Option<(&'static FieldSpec, usize, Option<Range<usize>>)> {
        // The category's options printed one a line, each after its box
        // (`( ) 1. …`, `(•) 2. …`): the ticked one is the category, the
        // others are no field's.
        if let Some((filled, start)) = leading_box(s)
            && let Some(&category) = candidates.iter().take(2).find(|f| f.value == ValueKind::Category)
        {
            return filled.then(|| (category, start, Some(trim_range(s, start..s.len()))));
        }
        let free_text = |f: &FieldSpec| question == 0 && f.value == ValueKind::Text;
        let telling = candidates.iter().enumerate().filter(|(_, f)| !free_text(f)).find_map(|(i, &f)| {
            let next = i == 0;
            // A category's name the data lacks (a paraphrase, a
            // translation) in the next field's place: where the label's
            // words give way to the value's, as for free text.
            let unknown_category = || {
                (next && f.value == ValueKind::Category)
                    .then(|| script_split(s).or_else(|| same_script_split(s)))
                    .flatten()
                    .map(|(label, value)| (label, Some(value)))
            };
            let (label, value) = split_by_kind(f.value, s).or_else(unknown_category)?;
            let fits = if question == 0 {
                // The institution block's labels are short: only a value of
                // a telling kind places a line, and a bare number only in
                // the next field's place or the one after (a free-text line
                // before it may have stayed unplaced).
                label > 0
                    && value.is_some()
                    && match f.value {
                        ValueKind::Country | ValueKind::Url => true,
                        // A level in a longer value (`Local government`)
                        // only one field on: two fields on, it is more
                        // likely the institution's type.
                        // A level's word closing an institution type the
                        // catalog names (`Administración local`) two fields
                        // on is the type's.
                        ValueKind::Level => {
                            i <= 1
                                || value.clone().is_some_and(|v| {
                                    level_alone(&s[v.clone()])
                                        && ending_keyword(s, "type").is_none_or(|t| t.start >= v.start)
                                })
                        }
                        ValueKind::Integer => i <= 1,
                        _ => false,
                    }
            } else if f.value.is_telling() {
                label > 0 && value.is_some() || next
            } else {
                next
            };
            fits.then_some((f, label, value))
        });
        // The block's first field, the member state, under a label of one
        // word its wordings hold (`Страна`, `País`, synonyms counted) before
        // a capitalized value: the country, even one the data does not know
        // (`Страна Южная Кореяя`), which the normalizer then reports. Left
        // unplaced, it would leave the block's other lines unplaced too.
        let member_state = || {
            let first = candidates.first().filter(|f| question == 0 && f.value == ValueKind::Country)?;
            let mut words = word_spans(s);
            let (_, label) = words.next()?;
            let (value_at, value) = words.next()?;
            let label_words = content_words(label);
            let held =
                |wording: &FxHashSet<String>| label_words.iter().all(|x| wording.iter().any(|y| same_stem(x, y)));
            (!label_words.is_empty()
                && value.starts_with(char::is_uppercase)
                && canonical_wordings(first.key).iter().any(held))
            .then(|| (*first, label.len(), Some(value_at..s.trim_end().len())))
        };
        // A free-text value says little of where the label ends: the label
        // is written in another script than the value (`倡议名称 Dangjin
        // Sustainable…`), or the words show it (see `same_script_split`);
        // and only the next field's place is taken so, when no value of a
        // telling kind places the line further on.
        telling.or_else(member_state).or_else(|| {
            let first = candidates.first().filter(|f| free_text(f))?;
            let (label, value, by_vocabulary) = separator_split(s)
                .or_else(|| script_split(s))
                .or_else(|| same_script_split(s))
                // An institution type the catalog names closing the line
                // (`Naturaleza de la institución | Administración local`),
                // not in lower case as a label's word (`Nivel de la
                // administración`).
                .or_else(|| {
                    ending_keyword(s, "type")
                        .filter(|r| !s[r.clone()].starts_with(char::is_lowercase))
                        .map(|r| (r.start, r))
                })
                .map(|(l, v)| (l, v, false))
                // A label told by its words alone before a value that opens
                // in capitals: in a script without case, words of a label's
                // vocabulary may qualify it (`الاسم | الرسمي للمؤسسة`).
                .or_else(|| {
                    vocabulary_split(s)
                        .filter(|(_, v)| s[v.clone()].starts_with(char::is_uppercase))
                        .map(|(l, v)| (l, v, true))
                })?;
            // A free-text field whose line is missing leaves the next one
            // in its place: of the free-text fields that come next, the one
            // one of whose wordings shares the most words with the label
            // takes the line (`Type of institution` when the name's line is
            // missing); the next one when none shares any; none when two
            // share as many (but see below).
            let folded = nomina_refdata::fold(&s[..label]);
            let words: Vec<&str> = folded.split_whitespace().collect();
            let shared = |f: &FieldSpec| {
                // Particles (`de`, `of`) say nothing of the field.
                let common = |wording: &Vec<String>| {
                    wording
                        .iter()
                        .filter(|w| {
                            (w.chars().count() > 2 || w.chars().any(nomina_refdata::fold::is_cjk))
                                && words.contains(&w.as_str())
                        })
                        .count()
                };
                wording_words(f.key).iter().map(common).max().unwrap_or(0)
            };
            let mut best = (*first, shared(first), false);
            for f in candidates.iter().skip(1).take_while(|f| free_text(f)) {
                let n = shared(f);
                if n > best.1 {
                    best = (*f, n, false);
                } else if n == best.1 && n > 0 {
                    best.2 = true;
                }
            }
            // Two fields alike to the label: neither is sure, unless the next
            // field is one of them (`Nominating institution`, alike to
            // `Institution Name` and `Institution Type`): a form prints every
            // field, so its line is more likely there than missing.
            let covers = |f: &FieldSpec| {
                canonical_wordings(f.key).iter().any(|w| words.iter().all(|x| w.contains(&canonical_word(x))))
            };
            if best.2 && best.0.key == first.key {
                best.2 = false;
            }
            // A label found by its words alone must be a shortening of the
            // label of the field it fills.
            (!best.2 && (!by_vocabulary || covers(best.0))).then_some((best.0, label, Some(value)))
        })
    }
    fn unknown(&mut self, at: LineRef) {
        match self.context {
            Context::Basic(b) => self.form.basic[b].unknown.push(UnknownLabel { at }),
            Context::Institution => {
                // The institution block's unknown lines belong to no question;
                // they are kept as stray lines with the same warning.
                self.form.stray.push(at);
            }
            _ => {
                if self.context == Context::Start {
                    if std::mem::take(&mut self.start_run_closed) {
                        self.start_run.clear();
                    }
                    self.start_run.push(at);
                }
                self.form.stray.push(at)
            }
        }
    }

    /// The paragraph of unclaimed lines before the first basic-info
    /// question, read again as the institution block: its section heading
    /// in a wording the catalog lacks left them outside any block, where
    /// labels are not matched loosely nor placed by position.
    fn replay_institution(&mut self) {
        let run = std::mem::take(&mut self.start_run);
        if run.is_empty() || !self.form.institution.is_empty() || !self.form.basic.is_empty() {
            return;
        }
        // The run's lines are the last stray ones.
        let keep = self.form.stray.len().saturating_sub(run.len());
        if self.form.stray[keep..] != run[..] {
            return;
        }
        self.form.stray.truncate(keep);
        self.context = Context::Institution;
        // Each line is read as the main pass reads it, with the line under
        // it as its next: a label alone there waits for its value below.
        let (next, blank_above, bulleted, underlined) =
            (self.next, self.blank_above, self.bulleted, self.underlined_label);
        // The run's lines are read as they stand, none underlined.
        self.underlined_label = false;
        self.replaying = true;
        for (i, &at) in run.iter().enumerate() {
            self.next = run
                .get(i + 1)
                .filter(|below| below.line == at.line + 1)
                .map(|below| &self.text[below.span.range()])
                .filter(|n| !n.is_empty());
            self.blank_above = i == 0 || run[i - 1].line + 1 != at.line;
            self.bulleted = false;
            self.barred = false;
            let s = self.slice(at.span);
            let awaiting = self.awaiting_value.take();
            self.basic_line(s, at, awaiting);
        }
        (self.next, self.blank_above, self.bulleted, self.underlined_label) = (next, blank_above, bulleted, underlined);
        self.replaying = false;
        self.awaiting_value = None;
        self.open_field = None;
    }

    fn question_line(&mut self, q: usize, s: &'t str, at: LineRef) {
        // A prompt and its answer in two cells of a table's row (`<th>` and
        // `<td>`, joined by a tab): the prompt read first, its answer after.
        if let Some(tab) = s.find('\t')
            && let (left, right) = (s[..tab].trim_end(), s[tab + 1..].trim_start())
            && !left.is_empty()
            && !right.is_empty()
            && (self.form.questions[q].parts.is_empty() || part_marker(left).is_some() || {
                let facts = prompt(left);
                facts.limit.is_some() || facts.known.is_some()
            })
        {
            let right_start = at.span.end - right.len();
            self.question_line(
                q,
                left,
                LineRef { span: Span::new(at.span.start, at.span.start + left.len()), line: at.line },
            );
            return self.question_line(q, right, LineRef { span: Span::new(right_start, at.span.end), line: at.line });
        }
        // The line under a part's own heading is the part's prompt, unless
        // it marks the part itself (`a) Describe…`).
        if let Some((letter, marker)) = self.pending_part
            && part_marker(s).is_none_or(|(l, _)| l != letter)
        {
            self.pending_part = None;
            return self.open_part(q, Some(letter), marker.map(|m| m.span), s, at);
        }
        self.shelve_pending_part();
        let question = &self.form.questions[q];
        let expected = match question.parts.last() {
            None => Some('a'),
            Some(Part { letter: Some(l), .. }) => char::from_u32(*l as u32 + 1),
            Some(Part { letter: None, .. }) => None,
        };
        // A part's heading alone on its line (`APARTADO B`, `(b)`): the
        // part's prompt comes under it.
        if expected.is_some() && part_heading_alone(s) == expected {
            self.pending_part = expected.map(|letter| (letter, Some(at)));
            return;
        }
        // A marker of another letter (an answer's own list) is no part: its
        // prompt is not looked up.
        // Parts after the first are marked as it is (`(ii)` after `(i)`):
        // a numbered list inside an answer to lettered parts stays answer.
        let same_style = |prompt_start: usize| {
            question
                .parts
                .last()
                .and_then(|p| p.marker)
                .is_none_or(|m| part_style(&self.text[m.range()]) == part_style(&s[..prompt_start]))
        };
        // A part marked with its question's number too (`3a.`, `3.b)`).
        let number = question.number.to_string();
        let numbered = || {
            // The question's number, perhaps after the letter or two of its
            // heading's word (`Q3a.`, `P3.a)`).
            let rest = s.strip_prefix(number.as_str()).or_else(|| {
                let bare = s.trim_start_matches(char::is_alphabetic);
                (s.len() > bare.len() && s.len() - bare.len() <= 3).then_some(bare)?.strip_prefix(number.as_str())
            })?;
            // `3.2 Why…`, `3.2. Why…`: the part's number after the question's.
            if let Some(sub) = rest.strip_prefix('.')
                && let Some(d) = sub.chars().next().and_then(|c| c.to_digit(10)).filter(|&d| d > 0)
                && let after = sub[1..].strip_prefix(['.', ')']).unwrap_or(&sub[1..])
                && after.starts_with(char::is_whitespace)
            {
                let end = s.len() - after.len();
                return Some((place_letter(d)?, past_blanks(s, end)));
            }
            // `3.a Merci…`: after the question's number and a full stop, a
            // letter alone then a blank is the part's.
            if let Some(sub) = rest.strip_prefix('.')
                && let Some(c) = sub.chars().next()
                && sub[c.len_utf8()..].starts_with(char::is_whitespace)
                && let Some(letter) = part_letter(c)
            {
                let end = s.len() - sub.len() + c.len_utf8();
                return Some((letter, past_blanks(s, end)));
            }
            let rest = past_question_number(rest)?;
            let (letter, end) = part_marker(rest)?;
            Some((letter, s.len() - rest.len() + end))
        };
        // The question's number and the part's letter or number in brackets
        // (`(3a)`, `(3.1)`).
        let bracketed = || {
            let inner = s.strip_prefix(['(', '（'])?;
            let rest = inner.strip_prefix(number.as_str())?;
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            let c = rest.chars().next()?;
            let letter = match c.to_digit(10) {
                Some(d @ 1..=9) => place_letter(d)?,
                Some(_) => return None,
                None => part_letter(c)?,
            };
            let after = rest[c.len_utf8()..].strip_prefix([')', '）'])?;
            if !after.starts_with(char::is_whitespace) {
                return None;
            }
            let end = s.len() - after.len();
            Some((letter, past_blanks(s, end)))
        };
        // A part named by a word before its marker (`Inciso a)`,
        // `Sub-question b.`), perhaps with the question's number between
        // them (`Criterion 3(a)`).
        let worded = || {
            let word_end = s.find(char::is_whitespace)?;
            let word = &s[..word_end];
            // A word of one letter names no part (`Y a-t-il eu…`).
            // An abbreviation keeps its full stop (`пп. а)`).
            let bare = word.strip_suffix('.').unwrap_or(word);
            if word.len() > MAX_PART_WORD_BYTES
                || bare.chars().nth(1).is_none()
                || !bare.chars().all(|c| c.is_alphabetic() || c == '-')
            {
                return None;
            }
            let rest = s[word_end..].trim_start();
            let rest = rest.strip_prefix(number.as_str()).and_then(past_question_number).unwrap_or(rest);
            // A digit after the word (`Part 2 -`, `Inciso 1:`), as an
            // answer's own steps are numbered too (`Phase 2: …`): a part
            // only before a prompt that states its word limit, but for the
            // first under the heading.
            let digit = || {
                let d = rest.chars().next()?.to_digit(10).filter(|&d| d > 0)?;
                let after = rest[1..].trim_start();
                let sep = after.chars().next().filter(|c| matches!(c, '.' | ')' | '-' | '–' | '—' | ':'))?;
                let start = rest.len() - after.len() + sep.len_utf8();
                if !(question.parts.is_empty() && d == 1) {
                    prompt(&rest[start..]).limit?;
                }
                Some((place_letter(d)?, past_blanks(rest, start)))
            };
            let (letter, end) = part_marker(rest).or_else(digit)?;
            Some((letter, s.len() - rest.len() + end))
        };
        // A part numbered as an answer's own list may be (`1.`, `أولاً:`,
        // `小题一：`): a part only before a prompt that states its word
        // limit, but for the first right under the heading, which is the
        // question's prompt, limit or none.
        let first_of_question = question.parts.is_empty();
        let counted = |n: u32, prompt_start: usize| {
            if !(first_of_question && n == 1) {
                prompt(&s[prompt_start..]).limit?;
            }
            Some((place_letter(n)?, prompt_start))
        };
        // A digit and a full stop or a hyphen (`1. 倡议所支持的…（不多于200字）`,
        // `1- يُطلب…`).
        let dotted = || {
            let d = s.chars().next()?.to_digit(10).filter(|&d| d > 0)?;
            let rest = s[1..].strip_prefix(".-").or_else(|| s[1..].strip_prefix(['.', '．', '-', '–', '、']))?;
            // A full-width mark closes the number without a blank (`1、申报…`).
            if !rest.starts_with(char::is_whitespace) && !s[1..].starts_with(['．', '、']) {
                return None;
            }
            counted(d, s.len() - rest.trim_start().len())
        };
        // A Chinese word or two, then a numeral and a colon (`小题一：…`).
        let han_worded = || {
            let word_end = s.char_indices().take(3).find(|&(_, c)| chinese_numeral_char(c)).map(|(i, _)| i)?;
            if word_end == 0 || !s[..word_end].chars().all(nomina_refdata::fold::is_cjk) {
                return None;
            }
            let rest = &s[word_end..];
            let numeral = rest.chars().next()?;
            let n = chinese_numeral(numeral.encode_utf8(&mut [0; 4]))?;
            let after = rest[numeral.len_utf8()..].strip_prefix(['：', '、', ':'])?;
            counted(n, s.len() - after.trim_start().len())
        };
        // An ordinal word (`أولاً: …`, `ثانياً: …`).
        let ordinal = || {
            let (n, head_end) = ordinal_head(s)?;
            counted(n, past_blanks(s, head_end))
        };
        if let Some(expected) = expected
            && let Some((letter, prompt_start)) = part_marker(s)
                .or_else(numbered)
                .or_else(bracketed)
                .or_else(worded)
                .or_else(dotted)
                .or_else(ordinal)
                .or_else(han_worded)
            && letter == expected
            && same_style(prompt_start)
        {
            let prompt_text = &s[prompt_start..];
            let PromptFacts { known, limit } = prompt(prompt_text);
            let looks_like_prompt = known.is_some() || limit.is_some() || prompt_text.len() <= MAX_UNKNOWN_PROMPT_BYTES;
            if looks_like_prompt && !prompt_text.is_empty() {
                if let Some((_, lang)) = known {
                    self.vote(lang);
                }
                let start = at.span.start;
                self.form.questions[q].parts.push(Part {
                    letter: Some(letter),
                    marker: Some(Span::new(start, start + prompt_start)),
                    prompt: Span::new(start + prompt_start, at.span.end),
                    line: at.line,
                    word_limit: limit,
                    prompt_key: known.map(|(key, _)| key),
                    answer: Vec::new(),
                });
                return;
            }
        }
        // A counter of the answer's words against its limit, printed under
        // the answer by the online form.
        if let Some(limit) = self.form.questions[q].parts.last().and_then(|p| p.word_limit)
            && word_counter(s, limit)
        {
            self.form.chrome.push(Marker { key: WORD_COUNTER, at });
            return;
        }
        let text = self.text;
        let question = &mut self.form.questions[q];
        match question.parts.last_mut() {
            Some(part)
                if part.word_limit.is_none()
                    && part.answer.len() < MAX_WRAPPED_PROMPT_LINES
                    && part.line + part.answer.len() + 1 == at.line
                    && part.answer.iter().enumerate().all(|(i, l)| l.line == part.line + i + 1) =>
            {
                // A prompt hard-wrapped over lines of its own: its word
                // limit, whole or cut across a break (`(no more than 200` /
                // `words)`), closes the last of them, right under it.
                let short = |l: &str| l.split_whitespace().count() <= MAX_WRAPPED_PROMPT_WORDS;
                // Or the limit alone on the line under the prompt (`Limite :
                // 300 mots`).
                let limit = if part.answer.is_empty() && s.split_whitespace().count() <= MAX_LIMIT_LINE_WORDS {
                    word_limit(s)
                } else {
                    None
                };
                let limit = if limit.is_some() {
                    limit
                } else if s.trim_end().ends_with([')', ']', '）'])
                    && short(s)
                    && part.answer.iter().all(|l| short(&text[l.span.range()]))
                {
                    let mut joined = text[part.prompt.range()].to_string();
                    for l in part.answer.iter().chain([&at]) {
                        joined.push(' ');
                        joined.push_str(&text[l.span.range()]);
                    }
                    word_limit(&joined)
                } else {
                    None
                };
                match limit {
                    Some(n) => {
                        part.word_limit = Some(n);
                        part.prompt = Span::new(part.prompt.start, at.span.end);
                        part.answer.clear();
                    }
                    None => part.answer.push(at),
                }
            }
            Some(part) => part.answer.push(at),
            None => self.open_part(q, None, None, s, at),
        }
    }

    /// A row of the questions' table: a part of its question, the question
    /// opened unless the row before was an earlier part of it.
    fn table_row(&mut self, row: crate::table::Row, at: LineRef) {
        let (number, number_cell) = row.number;
        let letter = row.part.and_then(|(letter, _)| letter);
        self.in_questions = true;
        self.open_field = None;
        self.shelve_pending_part();
        let goes_on = self.form.questions.last().is_some_and(|q| {
            q.number == number
                && q.copy == self.question_copy
                && q.parts.last().and_then(|p| p.letter).zip(letter).is_some_and(|(last, this)| last < this)
        });
        if goes_on {
            // The number repeated on a later part's row is the table's.
            self.form.table_rules.push(number_cell);
        } else {
            if self.form.questions.last().is_some_and(|q| q.copy == self.question_copy && q.number >= number) {
                self.question_copy += 1;
            }
            let heading = LineRef { span: number_cell, line: at.line };
            self.form.questions.push(FormQuestion { number, heading, parts: Vec::new(), copy: self.question_copy });
        }
        let q = self.form.questions.len() - 1;
        self.context = Context::Question(q);
        // A table without a prompt column: the prompt is empty, before the answer.
        let prompt_span = row.prompt.unwrap_or(Span::new(row.answer.start, row.answer.start));
        let at_prompt = LineRef { span: prompt_span, line: at.line };
        self.open_part(q, letter, row.part.map(|(_, cell)| cell), self.slice(prompt_span), at_prompt);
        let part = self.form.questions[q].parts.last_mut().expect("the part just opened");
        // The limit's column says it, else the prompt (see `table::rows`).
        part.word_limit = row.limit;
        part.answer.push(LineRef { span: row.answer, line: at.line });
        self.form.table_rules.extend(row.rules);
    }

    /// Opens a part of question `q` whose prompt is the whole line `s`:
    /// its word limit and the catalog's key read from it.
    fn open_part(&mut self, q: usize, letter: Option<char>, marker: Option<Span>, s: &str, at: LineRef) {
        let PromptFacts { known, limit } = prompt(s);
        if let Some((_, lang)) = known {
            self.vote(lang);
        }
        self.form.questions[q].parts.push(Part {
            letter,
            marker,
            prompt: at.span,
            line: at.line,
            word_limit: limit,
            prompt_key: known.map(|(key, _)| key),
            answer: Vec::new(),
        });
    }
}

/// Most words of each line a hard-wrapped prompt goes on over, to its word
/// limit: an answer's first lines are longer, or close no limit.
const MAX_WRAPPED_PROMPT_WORDS: usize = 16;

/// Most lines a hard-wrapped prompt goes on over after its first.
const MAX_WRAPPED_PROMPT_LINES: usize = 4;

/// Narrowest and widest width, in characters, a mail client hard-wraps text
/// at (`format=flowed` writes 66 to 78).
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 60..=80;

/// Fewest lines that reach within a few characters of the width, for a text
/// to be taken for hard-wrapped.
const MIN_WRAPPED_LINES: usize = 10;

/// The width `text` was hard-wrapped at: its longest line, when that is a
/// mail client's width and many lines come close to it (prose filled to the
/// margin). A form page's answers run on for hundreds of characters.
/// A label before a country's name that reads as the institution block's
/// first field: three words or more (`Name of UN Member State`), or two of
/// which one is a word of that field's wordings (`Nominating country`).
fn names_the_country_field(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let mut country_fields = catalog().fields().iter().filter(|f| f.question == 0 && f.value == ValueKind::Country);
    // Ideographs run on without blanks: a label holding a whole wording of
    // the field (`所属联合国成员国` holds `联合国成员国`).
    if label.chars().any(nomina_refdata::fold::is_cjk) {
        return country_fields.any(|f| {
            catalog().ideographic_words_in("field", label).any(|e| e.key == f.key && e.text.chars().count() >= 3)
        });
    }
    words.len() >= 3
        || (words.len() == 2
            && country_fields.any(|f| {
                let wordings = canonical_wordings(f.key);
                words.iter().any(|w| {
                    let w = canonical_word(&nomina_refdata::fold(w));
                    wordings.iter().any(|set| set.contains(&w))
                })
            }))
}

fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    // Any line longer than the widest wrap settles it at once.
    let mut lengths = Vec::with_capacity(lines.len());
    for l in lines {
        let s = &text[l.trimmed.range()];
        if s.len() > WRAP_WIDTHS.end() * 4 {
            return None;
        }
        // A line of fewer bytes than the narrowest width less the slack is
        // neither the longest nor near it: its characters are not counted.
        if s.len() + 10 < *WRAP_WIDTHS.start() {
            continue;
        }
        let n = if s.is_ascii() { s.len() } else { s.chars().count() };
        if n > *WRAP_WIDTHS.end() {
            return None;
        }
        lengths.push(n);
    }
    let width = lengths.iter().copied().max()?;
    let near = lengths.iter().filter(|&&n| n + 10 >= width).count();
    (WRAP_WIDTHS.contains(&width) && near >= MIN_WRAPPED_LINES).then_some(width)
}

/// Most words of a line that gives a prompt's word limit alone, under
/// the prompt (`Limite : 300 mots`, `Maximum 200 words`).
const MAX_LIMIT_LINE_WORDS: usize = 5;

/// Fewest consecutive numbers, from 1, that make lines of one shape a
/// question numbering.
const MIN_SCHEME_RUN: u32 = 5;

/// Longest text before a heading's number (`Вопрос №`, `Section`, `第`,
/// `Вопрос анкеты №`).
const MAX_SCHEME_PREFIX_BYTES: usize = 32;

/// A line that may head a question by its shape: some words, a number,
/// perhaps a mark that closes the number (`第1题`), then the end of the
/// line or a separator and a title. Gives the shape (the words before the
/// number, folded, and the closing mark), the number, and where the head
/// ends.
fn heading_shape(s: &str) -> Option<(String, u32, usize)> {
    // A long line is prose, but for a question's prompt after its number
    // (`Q11. The 2030 Agenda… (max. 200 words)`).
    if s.len() > MAX_TITLE_BYTES + MAX_SCHEME_PREFIX_BYTES + 16 && word_limit(s).is_none() {
        return None;
    }
    let decimal = |c: char| decimal_digit(nfkc_digit(c)).is_some();
    let chinese = |c: char| chinese_numeral_char(c) || matches!(c, '两' | '〇' | '零');
    let Some((start, first)) =
        s.char_indices().take_while(|&(i, _)| i <= MAX_SCHEME_PREFIX_BYTES).find(|&(_, c)| decimal(c) || chinese(c))
    else {
        return ordinal_heading_shape(s).or_else(|| lettered_heading_shape(s));
    };
    // The number is written in one kind of numeral (`第1题`, `第十二题`).
    let digit = |c: char| if decimal(first) { decimal(c) } else { chinese(c) };
    let prefix = s[..start].trim_end();
    // A numbered list item (`1. Has the initiative…`) has no words before
    // its number; a date or a sum has no letters before it. A number sign
    // alone (`#3`, `№ 3`) heads a number as a word does.
    if !prefix.chars().any(char::is_alphabetic) && !matches!(prefix, "#" | "№" | "§") {
        return None;
    }
    let digits_end = s[start..].find(|c: char| !digit(c)).map_or(s.len(), |n| start + n);
    let number = parse_number(&s[start..digits_end])?;
    let mut rest = &s[digits_end..];
    // `السؤال (1)`: the number in parentheses after the word; `Вопрос 1)`:
    // a parenthesis closes the number.
    let mut closed = false;
    if prefix.ends_with(['(', '（']) {
        rest = rest.strip_prefix([')', '）'])?;
    } else if let Some(r) = rest.strip_prefix([')', '）']) {
        rest = r;
        closed = true;
    }
    // `Вопрос 1-й`, `Pregunta 1.ª`: an ordinal's ending belongs to its
    // number, and leaves no title behind.
    if !closed && let Some(len) = glued_ordinal_ending(rest) {
        rest = &rest[len..];
    }
    let mut prefix = prefix.trim_end_matches(['(', '（']).trim_end();
    // `QUESTION ONE (1)`: the number in words before its figures is the
    // number again, not the heading's word.
    if let Some((head, word)) = prefix.rsplit_once(' ')
        && ordinals().0.get(nomina_refdata::fold(word).as_str()) == Some(&number)
    {
        prefix = head.trim_end();
    }
    // `第 1 題`: the number set off by blanks between the ordinal sign and
    // its Chinese counter.
    if prefix.chars().next_back().is_some_and(nomina_refdata::fold::is_cjk)
        && let trimmed = rest.trim_start_matches([' ', '\u{3000}'])
        && trimmed.len() < rest.len()
        && trimmed.chars().next().is_some_and(nomina_refdata::fold::is_cjk)
    {
        rest = trimmed;
    }
    // A closing mark: up to three characters that are neither blank, nor a
    // separator, nor a letter or digit of a Latin word (`题`).
    let mark_len: usize = rest
        .chars()
        .take_while(|c| {
            !c.is_whitespace() && !is_heading_sep(*c) && !c.is_ascii_alphanumeric() && !c.is_ascii_punctuation()
        })
        .take(3)
        .map(char::len_utf8)
        .sum();
    let mark = &rest[..mark_len];
    let after = &rest[mark_len..];
    let trimmed = after.trim_start();
    let head_end = if let Some(end) = head_end_after(s, s.len() - after.len(), closed && mark.is_empty()) {
        end
    } else if mark.is_empty() && optional_remark(trimmed) {
        // `Вопрос #7 (необязательный)`: a remark on the question, no title.
        s.len()
    } else if !mark.is_empty() && after.len() > trimmed.len() {
        // A closing mark then a blank before the title (`第一部分 关于本倡议`).
        s.len() - trimmed.len()
    } else if mark.is_empty()
        && start == 1
        && prefix.len() == 1
        && prefix.starts_with(|c: char| c.is_ascii_uppercase())
        && after.starts_with(' ')
        && trimmed.starts_with(char::is_uppercase)
    {
        // A part's letter glued to the item's number, a blank before the
        // title (`A1 Public sector status`, `B3 Partners`).
        digits_end
    } else {
        // `Question No. 1 of 12`: the count of questions closes the head, and
        // so does a short tail in lower case (`Item 3 of the form`).
        match count_after(trimmed) {
            Some(len) => head_end_after(s, s.len() - trimmed.len() + len, false)?,
            // A year in a sentence (`In 2016 the city began`) is no number of a question.
            None if mark.is_empty() && number < 100 && lower_case_tail(after) => s.len(),
            None => return None,
        }
    };
    Some((format!("{}#{mark}", nomina_refdata::fold(prefix)), number, head_end))
}

/// A heading numbered by a capital letter alone, a full stop or a
/// parenthesis closing it, then a short title (`A. Public character`, `D)
/// Start of implementation`): the letter's place in the alphabet is the
/// number. Bare, as [`bare_heading_shape`]'s are: only a run from `A`
/// makes them headings.
fn bare_letter_heading_shape(s: &str) -> Option<(String, u32, usize)> {
    let b = s.as_bytes();
    let (&letter, &mark) = (b.first()?, b.get(1)?);
    if !letter.is_ascii_uppercase() || !matches!(mark, b'.' | b')') || b.get(2) != Some(&b' ') {
        return None;
    }
    let title = s[2..].trim();
    let reads_as_title = title.starts_with(char::is_uppercase)
        && title.split_whitespace().count() <= MAX_BARE_TITLE_WORDS
        && !title.trim_end_matches(QUESTION_MARKS).contains(QUESTION_MARKS)
        && !title.ends_with(['.', '。', '!', '！', ';']);
    reads_as_title.then(|| (format!("#letter{}", mark as char), u32::from(letter - b'A') + 1, 2))
}

/// A heading numbered by a capital letter after a word (`PART C – SDGs`,
/// `Section B`): the letter's place in the alphabet is the number.
fn lettered_heading_shape(s: &str) -> Option<(String, u32, usize)> {
    let letter = |w: &str| {
        let mut chars = w.chars();
        let l = chars.next().filter(char::is_ascii_uppercase)?;
        chars.next().is_none().then(|| u32::from(l as u8 - b'A') + 1)
    };
    word_then_marker(s, letter, "letter")
}

/// A heading numbered by a Roman numeral after a word (`Раздел IV.
/// Партнёры`, `Section II – Categories`).
fn roman_heading_shape(s: &str) -> Option<(String, u32, usize)> {
    // The second word must open with a numeral's letter: a byte test spares
    // most lines the words.
    let space = s.find(' ')?;
    if !s.as_bytes().get(space + 1).is_some_and(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let numeral = |w: &str| w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')).then(|| small_roman(w)).flatten();
    word_then_marker(s, numeral, "roman")
}

/// A heading of a word and a marker that `number` reads (a letter, a Roman
/// numeral), separators perhaps closing the marker: the shape, tagged, the
/// number and where the head ends.
fn word_then_marker(s: &str, number: impl Fn(&str) -> Option<u32>, tag: &str) -> Option<(String, u32, usize)> {
    let mut words = word_spans(s);
    let (_, word) = words.next()?;
    let (marker_start, marker) = words.next()?;
    let written = marker.trim_end_matches(is_heading_sep);
    if !word.chars().all(char::is_alphabetic) || written.is_empty() {
        return None;
    }
    let number = number(written)?;
    let head_end = head_end_after(s, marker_start + marker.len(), written.len() < marker.len())?;
    Some((format!("{}#{tag}", nomina_refdata::fold(word)), number, head_end))
}

/// Where a heading's head ends after its last word, which ends at `end`:
/// the line's end when nothing follows; `end` itself when the word carried
/// its own separator (`closed`: `Pregunta primera:`); just past a separator
/// after blanks; no head when anything else follows.
fn head_end_after(s: &str, end: usize, closed: bool) -> Option<usize> {
    let after = s[end..].trim_start();
    match after.chars().next() {
        None => Some(s.len()),
        Some(_) if closed => Some(end),
        Some(sep) if is_heading_sep(sep) => Some(s.len() - after.len() + sep.len_utf8()),
        // `س1/` (question 1, as Arabic forms abbreviate it): a slash closes
        // the number when the line ends or a blank follows; `1/12` is a
        // fraction, not a head.
        Some('/') if after[1..].chars().next().is_none_or(char::is_whitespace) => Some(s.len() - after.len() + 1),
        Some(_) => None,
    }
}

/// Whether `s` is a short remark in brackets and nothing else (`(optional)`,
/// `(необязательный)`), as a question's heading may carry.
fn optional_remark(s: &str) -> bool {
    s.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])).is_some_and(|inner| {
        !inner.is_empty()
            && inner.split_whitespace().count() <= 2
            && inner.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-')
    })
}

/// Most sections a form numbers its items within (`1.1`, `2.3`); a
/// target of the goals from 10 on (`16.7`) is none.
const MAX_SECTION_NUMBER: u32 = 9;

/// The end of a count after a question's number (`of 12`, `из 12`, `sur
/// 12`): one short word and a number.
fn count_after(s: &str) -> Option<usize> {
    // `(of 12)`, `(из 12)`: the count in brackets.
    if let Some(inner) = s.strip_prefix(['(', '（']) {
        let len = count_after(inner)?;
        let close = inner[len..].chars().next().filter(|c| matches!(c, ')' | '）'))?;
        return Some(s.len() - inner.len() + len + close.len_utf8());
    }
    // `1/10`
    if let Some(rest) = s.strip_prefix('/') {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        return (digits > 0).then_some(1 + digits);
    }
    let word_end = s.find(char::is_whitespace)?;
    let word = &s[..word_end];
    if word.is_empty() || word.len() > 12 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let rest = s[word_end..].trim_start();
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    (digits > 0).then(|| s.len() - rest.len() + digits)
}

/// The endings that make a numeral an ordinal, of the catalog (`st`, `-й`,
/// `e`, `.ª`).
fn ordinal_endings() -> &'static [String] {
    static ENDINGS: OnceLock<Vec<String>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let mut endings: Vec<String> = catalog()
            .entries()
            .iter()
            .filter(|e| e.namespace() == "ordinal_ending")
            .map(|e| e.text.to_string())
            .collect();
        endings.sort_unstable();
        endings.dedup();
        endings
    })
}

/// The length of an ordinal's ending glued to the number before `rest`
/// (`-й` of `Вопрос 1-й`, `.ª` of `Pregunta 1.ª`), where the head ends after
/// it.
fn glued_ordinal_ending(rest: &str) -> Option<usize> {
    let ends_head = |r: &str| r.chars().next().is_none_or(|c| c.is_whitespace() || is_heading_sep(c));
    ordinal_endings().iter().filter(|e| rest.strip_prefix(e.as_str()).is_some_and(ends_head)).map(String::len).max()
}

/// A heading whose number, written as an ordinal in digits, comes before
/// its question word (`2nd Question`, `1-й вопрос`, `3e question : …`,
/// `1.ª pregunta`).
fn numeric_ordinal_heading_shape(s: &str) -> Option<(String, u32, usize)> {
    let digits = s.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 2 {
        return None;
    }
    let number: u32 = s[..digits].parse().ok()?;
    let suffix_len = ordinal_endings().iter().filter(|x| s[digits..].starts_with(x.as_str())).map(String::len).max()?;
    let rest = &s[digits + suffix_len..];
    let word = rest.strip_prefix(char::is_whitespace)?.trim_start();
    let word_len = word.find(|c: char| !c.is_alphabetic()).unwrap_or(word.len());
    if word_len == 0 {
        return None;
    }
    let head_end = head_end_after(s, s.len() - word.len() + word_len, false)?;
    // The suffix changes with the number (`1st`, `2nd`): not the shape's.
    let shape = format!("#ordinal {}", nomina_refdata::fold(&word[..word_len]));
    Some((shape, number, head_end))
}

/// A heading numbered by a Heavenly Stem, the Chinese forms' letter (`甲部：
/// 計劃性質`, `乙、參選組別`), or by a Latin capital before a Chinese word
/// (`A部分：`): the stem's place in the catalog's sequence, or the letter's
/// in the alphabet, is the number; a word or two of one kind may follow it
/// (`部`, `節`, `部分`) before the separator.
fn stem_heading_shape(s: &str) -> Option<(String, u32, usize)> {
    static STEMS: OnceLock<FxHashMap<char, u32>> = OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        let stem = catalog().entries().iter().filter(|e| e.namespace() == "stem");
        stem.filter_map(|e| Some((e.text.chars().next()?, e.name().parse().ok()?))).collect()
    });
    let first = s.chars().next()?;
    let latin = first.is_ascii_uppercase();
    let number = if latin { u32::from(first as u8 - b'A') + 1 } else { *stems.get(&first)? };
    let rest = &s[first.len_utf8()..];
    if latin && !rest.starts_with(nomina_refdata::fold::is_cjk) {
        return None;
    }
    let mark_len: usize = rest
        .chars()
        .take_while(|&c| nomina_refdata::fold::is_cjk(c) && !stems.contains_key(&c))
        .take(2)
        .map(char::len_utf8)
        .sum();
    let head_end = head_end_after(s, first.len_utf8() + mark_len, false)?;
    // The head alone, or a separator then a title.
    let head = first.len_utf8() + mark_len;
    (head_end > head || (head_end == s.len() && mark_len > 0))
        .then(|| (format!("#stem{}", nomina_refdata::fold(&rest[..mark_len])), number, head_end))
}

/// Most words in the title of a heading numbered without a word before its
/// number.
const MAX_BARE_TITLE_WORDS: usize = 8;

/// A heading numbered without a word before its number, then a closing
/// mark and a short title (`1) Initiative`, `IV. Партнёры`, `三、可持续发展目标`,
/// `2 – Category`). Many lines open so (a numbered list, a target's id, a
/// date): only one of a run numbered from 1 (see [`heading_schemes`]) is a
/// heading, and only when its title reads as a title, short, asking
/// nothing and not ending a sentence. Gives the shape, the number and where
/// the head ends.
fn bare_heading_shape(s: &str) -> Option<(String, u32, usize)> {
    // A long line is prose, but for a question's prompt after its number.
    if s.len() > MAX_TITLE_BYTES && !(s.starts_with(|c: char| c.is_ascii_digit()) && word_limit(s).is_some()) {
        return None;
    }
    // `(iv) DATE OF IMPLEMENTATION`: a small Roman numeral in lower case,
    // inside the parenthesis only (`i.` opens a sentence's list too).
    if let Some(inner) = s.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && close <= 4
        && inner[..close].bytes().all(|b| b.is_ascii_lowercase())
        && let Some(number) = small_roman(&inner[..close])
        && let title = &inner[close + 1..]
        && title.starts_with(' ')
        && title.trim().chars().next().is_some_and(char::is_alphabetic)
        && title.split_whitespace().count() <= MAX_BARE_TITLE_WORDS
    {
        return Some(("(#roman)".to_string(), number, 1 + close + 1));
    }
    // `(1) Initiative`: the parenthesis closes the number.
    if let Some(inner) = s.strip_prefix(['(', '（', '[', '【', '〔']) {
        let (shape, number, head_end) = bare_heading_shape(inner)?;
        let closed = inner[..head_end].trim_end().ends_with([')', '）', ']', '】', '〕']);
        return closed.then(|| (format!("({shape}"), number, s.len() - inner.len() + head_end));
    }
    let first = s.chars().next()?;
    let chinese = chinese_numeral_char;
    let (kind, number_end) = if decimal_digit(nfkc_digit(first)).is_some() {
        ("digits", s.find(|c: char| decimal_digit(nfkc_digit(c)).is_none()).unwrap_or(s.len()))
    } else if chinese(first) {
        ("chinese", s.find(|c: char| !chinese(c)).unwrap_or(s.len()))
    } else if matches!(first, 'I' | 'V' | 'X') {
        ("roman", s.find(|c: char| !matches!(c, 'I' | 'V' | 'X')).unwrap_or(s.len()))
    } else {
        return None;
    };
    let written = &s[..number_end];
    let number = if kind == "roman" { small_roman(written)? } else { parse_number(written)? };
    // `1.0 Initiative`: a section numbered with a decimal point and a zero,
    // a blank before its title.
    if kind == "digits"
        && let Some(title) = s[number_end..].strip_prefix(".0")
        && title.starts_with(char::is_whitespace)
    {
        let title = title.trim();
        let words = title.split_whitespace().count();
        let reads_as_title = title.chars().next().is_some_and(char::is_alphabetic)
            && words <= MAX_BARE_TITLE_WORDS
            && !title.trim_end_matches(QUESTION_MARKS).contains(QUESTION_MARKS)
            && !title.ends_with(['.', '。', '!', '！', ';']);
        return reads_as_title.then(|| ("#digits.0".to_string(), number, number_end + 2));
    }
    // `1.1 Public character`: an item numbered within its section, a
    // blank before its title; the section's number is part of the shape,
    // so that one section's items make a run.
    if kind == "digits"
        && number <= MAX_SECTION_NUMBER
        && let Some(sub) = s[number_end..].strip_prefix('.')
        && let sub_end = sub.find(|c: char| !c.is_ascii_digit()).unwrap_or(sub.len())
        && let Some(item) = (1..=2).contains(&sub_end).then(|| sub[..sub_end].parse::<u32>().ok()).flatten()
        && let title = &sub[sub_end..]
        && title.starts_with(' ')
    {
        let title = title.trim();
        let reads_as_title = title.chars().next().is_some_and(char::is_uppercase)
            && title.split_whitespace().count() <= MAX_BARE_TITLE_WORDS
            && !title.trim_end_matches(QUESTION_MARKS).contains(QUESTION_MARKS)
            && !title.ends_with(['.', '。', '!', '！', ';']);
        return reads_as_title.then(|| (format!("#{number}.#"), item, number_end + 1 + sub_end));
    }
    let rest = &s[number_end..];
    // `3a) Identify the SDGs… (max. 200 words)`, `3.a) …`: the question's number and
    // its first part's letter before a prompt that states its word limit;
    // the head ends at the number, the part's marker opens the prompt.
    if kind == "digits"
        && let Some(after_letter) = rest.strip_prefix('a').or_else(|| rest.strip_prefix(".a"))
        && let Some(mark) = after_letter.chars().next().filter(|c| matches!(c, ')' | '.'))
        && after_letter[1..].starts_with(' ')
        && (word_limit(after_letter).is_some() || after_letter.trim_end().ends_with(QUESTION_MARKS))
    {
        // A full stop joining the number and the letter is the head's.
        let joined = usize::from(rest.starts_with('.'));
        return Some((format!("#{kind}{mark}"), number, number_end + joined));
    }
    let after_blank = rest.trim_start();
    let mark = after_blank.chars().next()?;
    // A dash or a bullet is set off by spaces (`2 – Category`, `2 ▪
    // Category`); other marks close the number (`2)`, `2.`, `二、`, `2/
    // Catégorie`; `1/12` is a fraction, no blank after its slash).
    let dash = matches!(mark, '-' | '–' | '—' | '▪' | '•' | '·');
    let closing = matches!(mark, ')' | '）' | ']' | '】' | '〕' | '.' | '．' | '、' | ':' | '：' | '/');
    if !(closing && after_blank.len() == rest.len() || dash) {
        return None;
    }
    let head_end = s.len() - after_blank.len() + mark.len_utf8();
    let title = &s[head_end..];
    let spaced = title.starts_with(char::is_whitespace);
    let title = title.trim();
    // `1) Summarize the initiative… (max. 300 words)`: a question's prompt
    // after its number, as a questionnaire numbers its questions.
    if kind == "digits" && spaced && matches!(mark, ')' | '.') && word_limit(title).is_some() {
        return Some((format!("#{kind}{mark}"), number, head_end));
    }
    // The number and its mark alone on the line (`4)` over the question's
    // parts): a heading without a title, when a run of them makes a scheme.
    if title.is_empty() && kind != "roman" {
        return Some((format!("#{kind}{mark}"), number, head_end));
    }
    // A Spanish question or exclamation opens with its mark (`6) ¿Se
    // presentó antes?`).
    let opens_word = title.trim_start_matches(['¿', '¡', '«']).chars().next().is_some_and(char::is_alphabetic);
    // `16.7 Ensure…`, `1.6 billion`: a closing mark is followed by a space,
    // but for the full-width ones (`一、`, `一．`).
    if !opens_word || !(spaced || matches!(mark, '、' | '．' | '：' | '）' | '】' | '〕')) {
        return None;
    }
    let words = title.split_whitespace().take(MAX_BARE_TITLE_WORDS + 1).count();
    if words > MAX_BARE_TITLE_WORDS
        || title.trim_end_matches(QUESTION_MARKS).contains(QUESTION_MARKS)
        || title.ends_with(['.', '。', '!', '！', ';'])
        || title.chars().filter(|c| nomina_refdata::fold::is_cjk(*c)).count() > 3 * MAX_BARE_TITLE_WORDS
    {
        return None;
    }
    Some((format!("#{kind}{mark}"), number, head_end))
}

/// [`heading_shape`] of a heading whose number is an ordinal word of the
/// catalog after a word or two (`السؤال الأول`, `السؤال الحادي عشر: …`,
/// `Question first`): its shape, number and where its head ends.
fn ordinal_heading_shape(s: &str) -> Option<(String, u32, usize)> {
    // Asked of every line after a blank line without a digit near its
    // start (every short paragraph of a news page): only a line whose second
    // or third word starts as an ordinal does is read further.
    let mut heads = word_spans(s).take(3);
    if !heads.any(|(_, w)| ordinals().1.contains(&head_key(w))) {
        return None;
    }
    // The first four words, kept without an allocation.
    let mut words = [(0, ""); 4];
    let mut count = 0;
    for (slot, word) in words.iter_mut().zip(word_spans(s)) {
        *slot = word;
        count += 1;
    }
    let words = &words[..count];
    if let Some(found) = ordinal_first_heading_shape(s, words) {
        return Some(found);
    }
    for prefix_words in 1..=2 {
        let Some(&(ord_start, _)) = words.get(prefix_words) else { break };
        if ord_start > MAX_SCHEME_PREFIX_BYTES + 1 {
            break;
        }
        let prefix = s[..ord_start].trim_end();
        if !prefix.chars().any(char::is_alphabetic) || prefix.ends_with(is_heading_sep) {
            continue;
        }
        // Two-word ordinals (`الحادي عشر`) before one-word ones.
        for ord_words in (1..=2).rev() {
            let Some(&(last_start, last)) = words.get(prefix_words + ord_words - 1) else { continue };
            let end = last_start + last.len();
            let written = s[ord_start..end].trim_end_matches(is_heading_sep);
            let Some(&number) = ordinals().0.get(nomina_refdata::fold(written).as_str()) else { continue };
            let Some(head_end) = head_end_after(s, end, s[ord_start..end].len() > written.len()) else { continue };
            return Some((format!("{}#ordinal", nomina_refdata::fold(prefix)), number, head_end));
        }
    }
    None
}

/// A heading whose ordinal comes before its question word (`Primera
/// pregunta — Categorías`, `Sixth question`): one or two words of the
/// ordinal, one word, then the end of the line or a separator. `words` are
/// the line's first four words.
fn ordinal_first_heading_shape(s: &str, words: &[(usize, &str)]) -> Option<(String, u32, usize)> {
    for ord_words in (1..=2).rev() {
        let Some(&(noun_start, noun)) = words.get(ord_words) else { continue };
        let written = s[..noun_start].trim_end();
        // `أولاً - المبادرة` is an ordinal alone, then its title: a noun
        // follows an ordinal with no mark between (`Primera pregunta`).
        if written.ends_with(is_heading_sep) {
            continue;
        }
        let Some(&number) = ordinals().0.get(nomina_refdata::fold(written).as_str()) else { continue };
        let noun_word = noun.trim_end_matches(is_heading_sep);
        if noun_word.is_empty() || !noun_word.chars().all(char::is_alphabetic) {
            continue;
        }
        let Some(head_end) = head_end_after(s, noun_start + noun.len(), noun_word.len() < noun.len()) else {
            continue;
        };
        return Some((format!("ordinal#{}", nomina_refdata::fold(noun_word)), number, head_end));
    }
    None
}

/// A heading numbered by an ordinal word alone, then a separator and its
/// title (`أولاً - المبادرة`, `ثانياً: فئات الجائزة`): as bare as a number
/// alone (see [`bare_heading_shape`]).
fn bare_ordinal_heading_shape(s: &str) -> Option<(String, u32, usize)> {
    if s.len() > MAX_TITLE_BYTES {
        return None;
    }
    ordinal_head(s).map(|(number, head_end)| ("ordinal#".to_string(), number, head_end))
}

/// The number of the ordinal word or two that open `s` and where the
/// separator after them ends (`أولاً: …`, `Second - …`), when text follows.
fn ordinal_head(s: &str) -> Option<(u32, usize)> {
    let mut words = word_spans(s);
    let (_, first) = words.next()?;
    if !ordinals().1.contains(&head_key(first)) {
        return None;
    }
    let second = words.next();
    for ord_words in [2, 1] {
        let end = match (ord_words, second) {
            (2, Some((start, w))) => start + w.len(),
            (2, None) => continue,
            _ => first.len(),
        };
        let written = s[..end].trim_end_matches(is_heading_sep);
        let Some(&number) = ordinals().0.get(nomina_refdata::fold(written).as_str()) else { continue };
        let closed = written.len() < end;
        // A separator must follow, then a title: `First, the city ...` is
        // prose.
        let head_end = head_end_after(s, end, closed)?;
        if head_end == end && !closed || head_end >= s.len() {
            return None;
        }
        return Some((number, head_end));
    }
    None
}

/// The catalog's ordinal words (`first`, `الأول`, `вторая`), folded, with
/// their numbers; and their first three letters, lower-cased (see
/// [`head_key`]), which most words after a question word do not start with.
fn ordinals() -> &'static Ordinals {
    static ORDINALS: OnceLock<Ordinals> = OnceLock::new();
    ORDINALS.get_or_init(|| {
        // Cardinal words number headings too (`Question One`).
        let entries = || catalog().entries().iter().filter(|e| matches!(e.namespace(), "ordinal" | "cardinal"));
        let words = entries().filter_map(|e| Some((nomina_refdata::fold(e.text), e.name().parse().ok()?))).collect();
        let heads = entries().map(|e| head_key(e.text)).collect();
        (words, heads)
    })
}

/// Ordinal words with their numbers, and their heads (see [`ordinals`]).
type Ordinals = (FxHashMap<String, u32>, FxHashSet<[char; 3]>);

/// The first three characters of `s`, lower-cased (blanks where `s` is
/// shorter).
fn head_key(s: &str) -> [char; 3] {
    let b = s.as_bytes();
    if b.len() >= 3 && b[..3].is_ascii() {
        return [0, 1, 2].map(|i| char::from(b[i].to_ascii_lowercase()));
    }
    let mut key = [' '; 3];
    for (slot, c) in key.iter_mut().zip(s.chars().flat_map(char::to_lowercase)) {
        *slot = c;
    }
    key
}

fn is_heading_sep(c: char) -> bool {
    matches!(c, ':' | '：' | '.' | '．' | '、' | '-' | '–' | '—' | '|' | '｜' | '·' | '»' | '›' | '→' | '=' | '▪' | '•')
}

/// Question headings found by their numbering rather than their words: lines
/// of one shape ([`heading_shape`]), each after a blank line, whose numbers
/// run from 1 through at least [`MIN_SCHEME_RUN`] (`Q1` … `Q12`, `第1题` …,
/// `Вопрос № 1` …). A list inside an answer is not set off by blank lines,
/// and goals listed under their label do not run from 1.
fn heading_schemes(text: &str, lines: &[Line], furniture: &FxHashSet<usize>) -> FxHashMap<usize, SchemeHeading> {
    let mut shapes: FxHashMap<(String, bool), Vec<SchemeLine>> = FxHashMap::default();
    let mut after_blank = true;
    for line in lines {
        let s = &text[line.trimmed.range()];
        if s.is_empty() {
            after_blank = true;
            continue;
        }
        // Page numbers count pages, not questions; a rule is drawn around a
        // heading, not over the text (`+----+` over `| I. Sector |`).
        if furniture.contains(&line.number) || rule_line(s) {
            continue;
        }
        // A title boxed alone is read inside its box, as the parser reads it.
        let s = framed_row(s)
            .filter(|&(open, close)| !s[open..close].contains(is_cell_bar))
            .map_or(s, |(open, close)| s[open..close].trim());
        if !std::mem::replace(&mut after_blank, false) {
            continue;
        }
        // A stem first: the stems' line goes on with words a numeral opens
        // (`乙部：參選組別`, `參` the formal three).
        // `Question 3(b)`: the head of a question's part is its question's
        // head, in the same run.
        let part_head = part_suffix(s).and_then(|(cut, letter)| {
            let (shape, number, head_end) = heading_shape(&s[..cut])?;
            (head_end == cut).then_some(((shape, number, s.len()), Some(letter)))
        });
        if let Some((((shape, number, head_end), bare), part)) = part_head
            .map(|(h, part)| ((h, false), part))
            .or_else(|| bracketed_prompt_head(s).map(|(h, part)| ((h, true), part)))
            .or_else(|| {
                stem_heading_shape(s)
                    .or_else(|| heading_shape(s))
                    .or_else(|| numeric_ordinal_heading_shape(s))
                    .map(|h| (h, false))
                    .or_else(|| bare_heading_shape(s).or_else(|| bare_ordinal_heading_shape(s)).map(|h| (h, true)))
                    .map(|h| (h, None))
            })
        {
            shapes.entry((shape, bare)).or_default().push((line.number, number, head_end, part));
        }
        // `Раздел I.`, `Section V`: a capital letter that is also a Roman
        // numeral counts either way; the run from 1 tells which.
        if let Some((shape, number, head_end)) = roman_heading_shape(s) {
            shapes.entry((shape, false)).or_default().push((line.number, number, head_end, None));
        }
        // `A. Public character`, `I. Consent`: so for a capital letter
        // alone.
        if let Some((shape, number, head_end)) = bare_letter_heading_shape(s) {
            shapes.entry((shape, true)).or_default().push((line.number, number, head_end, None));
        }
    }
    let mut found = FxHashMap::default();
    // In the order of the shapes' keys, the first run claims a line.
    let mut shapes: Vec<_> = shapes.into_iter().collect();
    shapes.sort_by(|a, b| a.0.cmp(&b.0));
    for ((_, bare), heads) in shapes {
        let numbers: FxHashSet<u32> = heads.iter().map(|&(_, n, _, _)| n).collect();
        if (1..=MIN_SCHEME_RUN).all(|n| numbers.contains(&n)) {
            for (line, number, head_end, part) in heads {
                found.entry(line).or_insert(SchemeHeading { number, head_end, bare, part });
            }
        }
    }
    // Sections titled after a symbol alone, unnumbered (`◆ 所属类别`), before
    // the questions: numbered in their order.
    let questions = found.iter().filter(|(_, h)| h.bare && h.part.is_none()).map(|(&line, _)| line).min();
    let mut symbols: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    for (i, line) in lines.iter().enumerate() {
        // The symbols are outside ASCII: most lines are passed over at
        // their first byte.
        if text.as_bytes().get(line.trimmed.start).is_none_or(u8::is_ascii)
            || questions.is_some_and(|q| line.number >= q)
        {
            continue;
        }
        let alone = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_none_or(|l| l.trimmed.is_empty());
        if !alone(i.checked_sub(1)) || !alone(Some(i + 1)) || found.contains_key(&line.number) {
            continue;
        }
        if let Some((symbol, _)) = symbol_title(&text[line.trimmed.range()]) {
            symbols.entry(symbol).or_default().push(line.number);
        }
    }
    for heads in symbols.into_values().filter(|h| h.len() >= MIN_SCHEME_RUN as usize) {
        for (number, line) in (1..).zip(heads) {
            // The symbol is set aside as a bullet before the heading is read.
            found.insert(line, SchemeHeading { number, head_end: 0, bare: true, part: None });
        }
    }
    found
}

/// Whether `s` is a rule alone on its line: three or more of one rule
/// character (`=====`, `-----`, `───`).
fn rule_line(s: &str) -> bool {
    // Most lines open with a letter: passed over at their first character.
    if !s.starts_with(|c: char| matches!(c, '=' | '-' | '_' | '~' | '*' | '+' | '|' | ':' | '\u{2500}'..='\u{257f}')) {
        return false;
    }
    let s = s.trim_end();
    // A table's rule, drawn (`├──────┼──────┤`) or typed (`+------+`,
    // `|---|---|`): lines and corners alone.
    let drawn = |c: char| ('\u{2500}'..='\u{257f}').contains(&c);
    underline(s)
        || s.chars().count() >= 3
            && s.contains(['─', '━', '═', '-'])
            && s.contains(|c: char| drawn(c) || c == '+' || c == '|')
            && s.chars().all(|c| drawn(c) || matches!(c, '-' | '+' | '|' | ':' | ' '))
}

/// Whether `s` is a rule of one character repeated (`=====`, `-----`),
/// as a title is underlined.
fn underline(s: &str) -> bool {
    let s = s.trim_end();
    let mut chars = s.chars();
    chars.next().is_some_and(|c| {
        matches!(c, '=' | '-' | '_' | '~' | '*' | '─' | '━' | '═') && s.chars().count() >= 3 && chars.all(|d| d == c)
    })
}

/// Where a value in brackets that closes a line after its label ends, its
/// closing bracket cut off: corner brackets (`国家「韩国」`), or guillemets
/// after a blank (`Pays « Ghana »`).
fn bracketed_value_end(s: &str) -> Option<usize> {
    [(&['「', '『'][..], &['」', '』'][..], false), (&['«'][..], &['»'][..], true)].into_iter().find_map(
        |(opens, closes, spaced)| {
            let inner = s.strip_suffix(closes)?.trim_end();
            let open = inner.rfind(opens)?;
            let label = &inner[..open];
            (open > 0
                && (!spaced || label.ends_with(char::is_whitespace))
                && !inner[open..].contains(closes)
                && label.chars().any(char::is_alphabetic))
            .then_some(inner.len())
        },
    )
}

/// Where the input box that closes a line opens: a value typed between
/// spaced square brackets after its label (`Pays [ Corée ]`, `Précisions
/// [  ]`), or alone on its line (`[ 16 – Paix ]`). A checkbox's brackets
/// hold no blank on both sides of a mark (`[x]`), and a row of checkboxes
/// (`Oui [x] Non [ ]`) has brackets in its label.
fn input_box(s: &str) -> Option<usize> {
    let body = s.strip_suffix(']')?;
    let open = body.rfind('[')?;
    let inner = &body[open + 1..];
    let label = &s[..open];
    let spaced = inner.starts_with(char::is_whitespace) && inner.ends_with(char::is_whitespace);
    let placed = if open == 0 {
        !inner.trim().is_empty()
    } else {
        label.ends_with(char::is_whitespace) && label.chars().any(char::is_alphabetic) && !label.contains(['[', ']'])
    };
    (spaced && placed).then_some(open)
}

/// Where the equals sign of a label and its quoted value stands
/// (`Country="Ghana"`, `Details=""`): the line closes with the quote, and
/// no other quote stands between the two.
fn quoted_assignment(s: &str) -> Option<usize> {
    let body = s.strip_suffix('"')?;
    let eq = body.rfind("=\"")?;
    (eq > 0 && !body[eq + 2..].contains('"') && s[..eq].chars().any(char::is_alphabetic)).then_some(eq)
}

/// Where a help text in brackets that closes a line starts, when two
/// blanks or an ideographic one set it off from a label and its value
/// (`Name: Tamale  （official name）`, `层级：地方  （单选）`).
fn trailing_help(s: &str) -> Option<usize> {
    let inner = s.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let before = &s[..open];
    let spaced = before.ends_with("  ") || before.ends_with('\u{3000}');
    (spaced && !inner[open..].contains([')', '）']) && separator_split(before.trim_end()).is_some()).then_some(open)
}

/// Whether `s` opens with a field list's colon (`:Country: Ghana`,
/// `:Website:`): a name with no blank after the colon, closed by a second
/// colon at a blank or the line's end.
fn field_list_mark(s: &str) -> bool {
    let Some(rest) = s.strip_prefix(':') else { return false };
    if rest.starts_with(|c: char| c.is_whitespace() || c == ':') {
        return false;
    }
    rest.find(':').is_some_and(|i| rest[i + 1..].is_empty() || rest[i + 1..].starts_with(char::is_whitespace))
}

/// A section's title after a symbol that marks it (`◆ 所属类别`, `■ Award
/// category`): the symbol and where the title starts. The title is short,
/// and no label and value nor a sentence.
fn symbol_title(s: &str) -> Option<(char, usize)> {
    // The symbol is a bullet the line's reading sets aside (see
    // `Parser::cell`), the title what follows it.
    let start = bullet_len(s)?;
    let symbol = s.chars().next().filter(|c| matches!(c, '◆' | '◇' | '♦' | '■' | '□' | '▶' | '►' | '★' | '☆'))?;
    let title = &s[start..];
    let short = title.split_whitespace().count() <= MAX_BARE_TITLE_WORDS
        && title.chars().filter(|&c| nomina_refdata::fold::is_cjk(c)).count() <= 3 * MAX_BARE_TITLE_WORDS;
    (title.chars().next().is_some_and(char::is_alphabetic)
        && short
        && !title.ends_with(['.', '。', '!', '！', ';', '?', '？', ':', '：'])
        && separator_split(title).is_none())
    .then_some((symbol, start))
}

/// A line of a numbering scheme: its line number, its number, where its
/// head ends and the part it opens.
type SchemeLine = (usize, u32, usize, Option<char>);

/// Where a heading's part ends it (`Question 3(a)`, `Вопрос 4 (б)`,
/// `Question 5b`): the end of the question's number, and the part's
/// letter. The part closes the line, but for a separator.
fn part_suffix(s: &str) -> Option<(usize, char)> {
    let s = s.trim_end_matches(|c: char| c.is_whitespace() || is_heading_sep(c));
    let (body, bracketed) = match s.strip_suffix([')', '）']) {
        Some(b) => (b, true),
        None => (s, false),
    };
    let letter = body.chars().next_back()?;
    let before = &body[..body.len() - letter.len_utf8()];
    let before =
        if bracketed { before.strip_suffix(['(', '（']).map(str::trim_end).unwrap_or(before) } else { before };
    // The letter follows the number at once, or in brackets after a blank.
    if !before.ends_with(|c: char| c.is_ascii_digit()) || (!bracketed && !letter.is_lowercase()) {
        return None;
    }
    Some((before.len(), part_letter(letter)?))
}

/// A question heading found by its numbering (see [`heading_schemes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SchemeHeading {
    number: u32,
    /// Where the heading's head ends in its line.
    head_end: usize,
    /// Numbered without a word before the number (see
    /// [`bare_heading_shape`]): many texts number their paragraphs so, and
    /// such a heading does not count towards a form.
    bare: bool,
    /// The part the heading opens with its question (`Question 3(b)`): the
    /// prompt under it is that part's.
    part: Option<char>,
}

/// A form, the label votes, and the structural hits that made it a form.
pub(crate) type ParsedForm = (Form, BTreeMap<&'static str, usize>, usize);

/// Parses a decoded text as a nomination form, or gives the structural hits
/// found when they are too few for a form.
/// The most words a yes/no, a date, a number of years or a web address
/// printed under its label is read in, when it is none of them.
const MAX_SHORT_VALUE_WORDS: usize = 5;

/// The longest title of a basic-info section the form does not number, in
/// words and in characters (see [`Parser::untitled_section`]).
const MAX_SECTION_TITLE_WORDS: usize = 6;
const MAX_SECTION_TITLE_CHARS: usize = 60;

pub(crate) fn parse_form(text: &str, lines: &[Line]) -> Result<ParsedForm, usize> {
    let furniture = page_furniture(text, lines);
    let mut parser = Parser {
        text,
        form: Form::default(),
        votes: Vec::new(),
        context: Context::Start,
        open_field: None,
        awaiting_value: None,
        value_above: None,
        label_head: None,
        basic_copy: 0,
        in_questions: false,
        start_run: Vec::new(),
        start_run_closed: false,
        schemes: heading_schemes(text, lines, &furniture),
        furniture,
        question_copy: 0,
        institution_copy: 0,
        hits: 0,
        numbered_hits: 0,
        next: None,
        values_below: false,
        wrap: wrap_width(text, lines),
        wrapped_value: None,
        pending_part: None,
        institution_section: None,
        table: crate::table::rows(text, lines),
        blank_above: true,
        bulleted: false,
        barred: false,
        underlined_label: false,
        under_colon: false,
        replaying: false,
        empty_cell: false,
        untitled: FxHashSet::default(),
    };
    for (i, line) in lines.iter().enumerate() {
        parser.blank_above = i == 0 || lines[i - 1].number + 1 != line.number || lines[i - 1].trimmed.is_empty();
        parser.under_colon = !parser.blank_above && text[lines[i - 1].trimmed.range()].ends_with([':', '：']);
        let below = |k: usize, above: &Line| {
            lines.get(k).filter(|n| n.number == above.number + 1).map(|n| (n, &text[n.trimmed.range()]))
        };
        parser.next = below(i + 1, line).map(|(_, n)| n).filter(|n| !n.is_empty());
        parser.underlined_label = false;
        // A label underlined with its value right under the rule (`Country`
        // over `-------` over `Ghana`): the rule is the label's decoration,
        // and the value is the line that follows it.
        if let Some((rule, n)) = below(i + 1, line)
            && underline(n)
            && let Some((_, value)) = below(i + 2, rule)
            && !value.is_empty()
            && !underline(value)
            && !rule_line(value)
        {
            parser.next = Some(value);
            parser.underlined_label = true;
        }
        // So is a line with no mark in it over a line indented deeper (`Name
        // of the institution` over `    Dangjin City`, as trees, quoted
        // mails and outlines print a label over its value).
        let indent = |l: &Line| text[l.span.start..l.trimmed.start].chars().count();
        if let Some((n, next)) = below(i + 1, line)
            && !next.is_empty()
            && indent(n) > indent(line) + 1
            && let label = &text[line.trimmed.range()]
            && separator_split(label).is_none()
            && !label.ends_with([':', '：'])
        {
            parser.underlined_label = true;
        }
        parser.line(line);
    }
    if parser.hits < MIN_FORM_HITS {
        return Err(parser.hits);
    }
    // Numbered headings alone, no label and no title the catalog knows, and
    // no prompt under them that states a word limit: a numbered text (a
    // regulation's chapters), not a form.
    if parser.numbered_hits == parser.hits
        && !parser.form.questions.iter().flat_map(|q| &q.parts).any(|p| p.word_limit.is_some())
    {
        return Err(0);
    }
    // A part's own heading the text ends on, its prompt never come
    // (`Question 6` / `a.` cut off there): kept as a line no rule read.
    parser.shelve_pending_part();
    let mut form = parser.form;
    trailing_chrome(&mut form, text);
    form.truncated_at = truncation(&form, lines);
    Ok((form, parser.votes.into_iter().collect(), parser.hits))
}

/// Whether `s` is the first line of a label that `next` ends: `s` sets off
/// no value and ends no sentence or question, and `next` opens in the
/// middle of a sentence (a lower-case letter) and closes the label with its
/// colon or question mark.
fn label_goes_on(s: &str, next: &str) -> bool {
    // The next line's first letter first: most lines are settled there.
    next.chars().next().is_some_and(char::is_lowercase)
        && s.len() <= MAX_MARKER_BYTES
        && !s.contains([':', '：'])
        && !s.ends_with(['.', '。', '?', '？', '!', ')', '）'])
        && !next.starts_with("http")
        && next.find([':', '：', '?', '？']).is_some_and(|at| at <= 160)
        && bracketed_caption(next).is_none()
}

/// The inside of a line that is a caption in brackets and nothing else,
/// of two words or more (`(полное наименование органа)`): the label of
/// the value printed over it.
fn bracketed_caption(s: &str) -> Option<Range<usize>> {
    let t = s.trim();
    let inner = t.strip_prefix(['(', '（'])?.strip_suffix([')', '）'])?;
    // One pair of brackets around the whole line, not two (`(a) … (b)`).
    if (inner.contains(['(', '（']) && !inner.contains([')', '）'])) || inner.split_whitespace().count() < 2 {
        return None;
    }
    let start = s.len() - s.trim_start().len() + t.len() - t.trim_start_matches(['(', '（']).len();
    Some(start..start + inner.len())
}

/// Where the left field of a line holding two `label: value` fields side
/// by side ends and the right one starts: a run of three blanks or more
/// after a value, then a label of a few words and its colon and a value.
/// A label padded away from its own value (`Country:      Korea`) is one
/// field.
fn two_columns(s: &str) -> Option<(usize, usize)> {
    if s.len() > MAX_MARKER_BYTES * 2 {
        return None;
    }
    static GAP: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let gap = GAP.get_or_init(|| memchr::memmem::Finder::new(b"   ")).find(s.as_bytes())?;
    let right_start = gap + s[gap..].len() - s[gap..].trim_start().len();
    let (left, right) = (&s[..gap], &s[right_start..]);
    let has_field = |part: &str, most_words: usize| {
        let colon = part.find([':', '：'])?;
        let label = part[..colon].trim();
        let value = part[colon..].trim_start_matches([':', '：']).trim();
        (!label.is_empty()
            && !value.is_empty()
            && label.split_whitespace().count() <= most_words
            && label.chars().next().is_some_and(char::is_alphabetic))
        .then_some(())
    };
    // The right part opens with its label; the left one holds a whole field.
    has_field(left, MAX_LOOSE_LABEL_WORDS)?;
    has_field(right, 6)?;
    (!right.contains("   ")).then_some((gap, right_start))
}

/// The key of a help text an online form printed under a field (see
/// [`help_text`]).
pub const HELP_TEXT: &str = "chrome.help_text";

/// Whether `s` is a help text: a word of the catalog for help (`Help`,
/// `Aide`, `Подсказка`), its colon and the text.
fn help_text(s: &str) -> bool {
    // The help word's colon within the line's first bytes.
    let Some(colon) = head_of(s, 34).find([':', '：']).filter(|&at| at <= 32) else {
        return false;
    };
    let rest = s[colon..].trim_start_matches([':', '：']).trim();
    !rest.is_empty() && catalog().exact(s[..colon].trim(), |e| e.key == "help.label").next().is_some()
}

/// The key of a word counter an online form printed under an answer (see
/// [`word_counter`]).
pub const WORD_COUNTER: &str = "chrome.word_counter";

/// Whether `s` counts an answer's words against its limit (`Количество
/// слов: 276 из 300`, `Words: 276/300`): a few words, then two numbers,
/// the second the limit, joined by a short word or a slash.
fn word_counter(s: &str, limit: u32) -> bool {
    if s.len() > 80 {
        return false;
    }
    let t = s.trim_end();
    let last_start = t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if t[last_start..].parse::<u32>().ok() != Some(limit) {
        return false;
    }
    // The word between the numbers: `из`, `of`, `sur`, `/`.
    let head = t[..last_start].trim_end();
    let between = head.len() - head.trim_end_matches(|c: char| !c.is_whitespace() && !c.is_ascii_digit()).len();
    if between > 8 {
        return false;
    }
    let head = head[..head.len() - between].trim_end();
    let first_start = head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let Ok(count) = head[first_start..].parse::<u32>() else {
        return false;
    };
    let words = head[..first_start].split_whitespace().count();
    count <= limit && (1..=4).contains(&words)
}

/// The key of a bullet set before a label (see [`bullet_len`]).
pub const BULLET: &str = "chrome.bullet";

/// The length of a bullet and the blank after it that open `s`, if any.
pub fn bullet_len(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    if !matches!(
        c,
        '•' | '·'
            | '▪'
            | '◦'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▸'
            | '➢'
            | '→'
            | '*'
            | '-'
            | '–'
            | '◆'
            | '◇'
            | '♦'
            | '▶'
            | '★'
            | '☆'
            | '▌'
            | '▍'
            | '▎'
            | '┃'
    ) {
        return None;
    }
    let rest = &s[c.len_utf8()..];
    let body = rest.trim_start();
    // A title ruled on both sides by the same mark (`- Catégorie -`) is no
    // item of a list: its rules are read with it.
    if matches!(c, '-' | '–' | '*') && body.strip_suffix(c).is_some_and(|b| b.ends_with(char::is_whitespace)) {
        return None;
    }
    (body.len() < rest.len() && !body.is_empty()).then(|| s.len() - body.len())
}

/// The bars some sites set before a heading (`▌ Catégorie`, `┃ 基本信息`):
/// bullets that mark a title, as rules around it do.
const HEADING_BARS: [char; 4] = ['▌', '▍', '▎', '┃'];

/// The key of page chrome recognized by its place, not its wording.
pub const UNRECOGNIZED_CHROME: &str = "chrome.unrecognized";

/// The key of a paginated document's page furniture: its page numbers and
/// the running header or footer printed with each of them.
pub const PAGE_FURNITURE: &str = "chrome.page";

/// The key of a line of the questions' table that holds no part: its
/// header row, a rule under it (see [`crate::table`]).
pub const TABLE_HEADER: &str = "chrome.table_header";

/// Whether `s` is a page number: a page word of the catalog
/// (`structure.page`) and a number, perhaps the count of pages after it
/// (`Page 2 of 9`, `Página 2 de 9`, `Стр. 2`, `第2页 共9页`).
fn page_number(s: &str) -> bool {
    // A short line with a digit (ASCII, or the lead byte of an Arabic-Indic
    // or a full-width one): most lines are spared the words.
    if s.len() > 48 || !s.bytes().any(|b| b.is_ascii_digit() || matches!(b, 0xD9 | 0xDB | 0xEF)) {
        return false;
    }
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| decimal_digit(nfkc_digit(c)).is_some());
    // `第2页`, `第 2 页`, `第2页 共9页`, `第2页/共9页`.
    if s.starts_with('第') {
        let joined: String = s.split_whitespace().collect();
        let (first, count) = joined.split_once(['共', '/']).map_or((joined.as_str(), None), |(a, b)| (a, Some(b)));
        let page = first.strip_prefix('第').and_then(|r| r.strip_suffix('页')).is_some_and(number);
        return page && count.is_none_or(|c| c.strip_suffix('页').is_some_and(number));
    }
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else { return false };
    // The first letter first: most short lines open with another.
    let initial = first.chars().next().map(|c| c.to_lowercase().next().unwrap_or(c));
    if !initial.is_some_and(|c| page_words().iter().any(|w| w.starts_with(c)))
        || !page_words().contains(&first.to_lowercase())
    {
        return false;
    }
    match (words.next(), words.next(), words.next(), words.next()) {
        // `Page 2`, `Page 2/9`
        (Some(n), None, None, None) => number(n) || n.split_once('/').is_some_and(|(n, m)| number(n) && number(m)),
        (Some(n), Some(of), Some(m), None) => number(n) && number(m) && of.chars().all(char::is_alphabetic),
        _ => false,
    }
}

/// The page words of the catalog (`structure.page`), lower-cased.
fn page_words() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        catalog().entries().iter().filter(|e| e.key == "structure.page").map(|e| e.text.to_lowercase()).collect()
    })
}

/// The lines (by number) of a paginated text's page furniture: page numbers
/// on two pages or more, and a line printed next to each of them, the same
/// on every page (the document's running title).
fn page_furniture(text: &str, lines: &[Line]) -> FxHashSet<usize> {
    // Most texts have no page number at all: nothing more is built.
    let mut out: FxHashSet<usize> =
        lines.iter().filter(|l| page_number(&text[l.trimmed.range()])).map(|l| l.number).collect();
    if out.len() < 2 {
        return FxHashSet::default();
    }
    let texts: Vec<(usize, &str)> =
        lines.iter().filter(|l| !l.trimmed.is_empty()).map(|l| (l.number, &text[l.trimmed.range()])).collect();
    let numbered: Vec<usize> = (0..texts.len()).filter(|&i| out.contains(&texts[i].0)).collect();
    // Lines next to a page number, counted by their text.
    let mut beside: FxHashMap<&str, usize> = FxHashMap::default();
    for &i in &numbered {
        let mut near: Vec<&str> = Vec::new();
        near.extend(i.checked_sub(1).map(|k| texts[k].1));
        near.extend(texts.get(i + 1).map(|t| t.1));
        near.dedup();
        for t in near {
            *beside.entry(t).or_insert(0) += 1;
        }
    }
    let running: FxHashSet<&str> = beside
        .into_iter()
        .filter(|&(t, n)| n * 2 >= numbered.len() && n >= 2 && !page_number(t))
        .map(|(t, _)| t)
        .collect();
    for &i in &numbered {
        for k in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            if let Some(&(line, t)) = texts.get(k)
                && running.contains(t)
            {
                out.insert(line);
            }
        }
    }
    out
}

/// The key of a loading message recognized by its ellipsis, not its
/// wording (a few words trailing off in an ellipsis).
pub const LOADING_CHROME: &str = "chrome.loading";

/// Whether `s` reads as a loading message: a few words (or ideographs)
/// trailing off in an ellipsis, with no digit and no other punctuation.
fn loading_message(s: &str) -> bool {
    let Some(body) = ["……", "…", "..."].iter().find_map(|e| s.strip_suffix(e)) else {
        return false;
    };
    let body = body.trim_end_matches(['.', '…']).trim();
    !body.is_empty()
        && body.chars().count() <= MAX_LOADING_CHARS
        && body.split_whitespace().count() <= MAX_CHROME_WORDS
        && body.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == ',' || c == '،')
}

/// The longest loading message, in characters.
const MAX_LOADING_CHARS: usize = 40;

/// Most words of a line taken for page chrome by its place.
const MAX_CHROME_WORDS: usize = 6;

/// Short lines after the last answer, set off from it by a blank line and
/// not ending like a sentence, are the page's closing chrome in a wording
/// the catalog lacks (`Retourner à la liste`), not the end of the answer.
fn trailing_chrome(form: &mut Form, text: &str) {
    let Some(part) = form.questions.last_mut().and_then(|q| q.parts.last_mut()) else {
        return;
    };
    let mut keep = part.answer.len();
    while keep > 1 {
        let line = part.answer[keep - 1];
        let s = &text[line.span.range()];
        // `Please wait...` ends with an ellipsis, not a full stop.
        let sentence = !s.ends_with("...") && !s.ends_with('…') && s.ends_with(['.', '!', '?', '。', '！', '？', '؟']);
        let short = s.split_whitespace().take(MAX_CHROME_WORDS + 1).count() <= MAX_CHROME_WORDS && !sentence;
        let set_off = line.line > part.answer[keep - 2].line + 1;
        if !(short && set_off) {
            break;
        }
        keep -= 1;
    }
    let taken: Vec<LineRef> = part.answer.drain(keep..).collect();
    form.chrome.extend(taken.into_iter().map(|at| Marker { key: UNRECOGNIZED_CHROME, at }));
    form.chrome.sort_by_key(|m| m.at.line);
}

/// A form page ends with page chrome (`Return to list`, `Please wait...`)
/// after its last question; a text that stops inside a question was cut off.
fn truncation(form: &Form, lines: &[Line]) -> Option<usize> {
    let last_question = form.questions.last()?.heading.line;
    let closed = form.chrome.iter().any(|c| {
        c.at.line > last_question
            && matches!(c.key, "chrome.return_to_list" | "chrome.please_wait" | UNRECOGNIZED_CHROME)
    });
    if closed {
        return None;
    }
    lines.iter().rev().find(|l| !l.trimmed.is_empty()).map(|l| l.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_any_script() {
        assert_eq!(parse_number("12"), Some(12));
        assert_eq!(parse_number("١٢"), Some(12));
        assert_eq!(parse_number("１２"), Some(12));
        assert_eq!(parse_number("三"), Some(3));
        assert_eq!(parse_number("十"), Some(10));
        assert_eq!(parse_number("十二"), Some(12));
        assert_eq!(parse_number("二十一"), Some(21));
        assert_eq!(parse_number("三三三"), None);
    }

    #[test]
    fn ideographic_levels_with_a_character_after_them() {
        assert_eq!(suffixed_level("地方级"), Some("local"));
        assert_eq!(suffixed_level(" 地方级 "), Some("local"));
        assert_eq!(suffixed_level("地方政府"), None);
        assert_eq!(suffixed_level("地方"), None);
        assert_eq!(suffixed_level("Local level"), None);
        assert_eq!(suffixed_level(""), None);
    }

    #[test]
    fn words_of_one_stem() {
        assert!(same_stem("подробнее", "подробности"));
        assert!(same_stem("precisions", "preciser"));
        assert!(same_stem("details", "details"));
        assert!(!same_stem("detalles", "details"));
        assert!(same_stem("agency", "agencies"));
        assert!(!same_stem("inst", "institution"));
        assert!(!same_stem("institution", "instance"));
    }

    #[test]
    fn a_row_of_boxed_options_chooses_by_its_filled_box() {
        let row = "[ ] электронная рассылка [x] Интернет [ ] коллеги [ ] другое";
        assert_eq!(
            boxed_options(row),
            Some(vec![(false, "электронная рассылка"), (true, "Интернет"), (false, "коллеги"), (false, "другое")])
        );
        assert_eq!(ticked_option(row), Some("Интернет"));
        assert_eq!(ticked_option("☐ National ☒ Local"), Some("Local"));
        // Two boxes filled, none, or a single box: no choice.
        assert_eq!(ticked_option("[x] National [x] Local"), None);
        assert_eq!(ticked_option("[ ] National [ ] Local"), None);
        assert_eq!(ticked_option("[x] Internet"), None);
        assert_eq!(boxed_options("Internet"), None);
        // A list's item left unchosen, and one chosen.
        assert!(unticked_item("[ ] Goal 3: Good health"));
        assert!(!unticked_item("[x] Goal 16: Peace"));
        assert!(!unticked_item("Goal 16: Peace"));
    }

    #[test]
    fn a_target_after_a_box_or_a_tables_label() {
        assert_eq!(target_id("[x] Задача 16.7 — Обеспечить").as_deref(), Some("16.7"));
        assert_eq!(listed_item("الغاية المختارة | 16.b تعزيز القوانين"), "16.b تعزيز القوانين");
        assert_eq!(listed_item("16.b Promote"), "16.b Promote");
        // A goal's number before its name is no target's id.
        assert!(numbered_target("相关具体目标 16.7 确保各级的决策"));
        assert!(numbered_target("16.b Promote"));
        assert!(!numbered_target("16. Peace, justice and strong institutions"));
        assert!(!numbered_target("目标16 和平、正义且强大的机构"));
    }

    #[test]
    fn target_ids_in_any_digits_and_style() {
        assert_eq!(target_id("16.7 Ensure responsive").as_deref(), Some("16.7"));
        assert_eq!(target_id("１６.６").as_deref(), Some("16.6"));
        assert_eq!(target_id("١٦-٧ ضمان اتخاذ القرارات").as_deref(), Some("16.7"));
        assert_eq!(target_id("١٦-ب تعزيز القوانين").as_deref(), Some("16.b"));
        assert_eq!(target_id("17 - 14 text").as_deref(), Some("17.14"));
        assert_eq!(target_id("Задача ЦУР № 16.b – Поощрять").as_deref(), Some("16.b"));
        assert_eq!(target_id("Meta ODS N° 17.14: Mejorar").as_deref(), Some("17.14"));
        assert_eq!(target_id("SDG Target No. 16.7 – Ensure").as_deref(), Some("16.7"));
        assert_eq!(target_id("غاية #16.7: كفالة").as_deref(), Some("16.7"));
        assert_eq!(target_id("16.7号具体目标：确保").as_deref(), Some("16.7"));
        assert_eq!(target_id("Target-16.7: Ensure").as_deref(), Some("16.7"));
        assert_eq!(target_id("Meta 16.7.- Garantizar").as_deref(), Some("16.7"));
        assert_eq!(target_id("Meta 16.7").as_deref(), Some("16.7"));
        assert_eq!(target_id("Target No. 16.b: Promote").as_deref(), Some("16.b"));
        assert_eq!(target_id("Cible n° 17.14 – Renforcer").as_deref(), Some("17.14"));
        assert_eq!(target_id("具体目标第１６．ｂ项：推动").as_deref(), Some("16.b"));
        assert_eq!(target_id("具体目标第17.14项：加强").as_deref(), Some("17.14"));
        assert_eq!(target_id("2016-2017 budget"), None);
        assert_eq!(target_id("no target"), None);
    }

    #[test]
    fn target_numbers_after_the_word_for_a_target() {
        assert_eq!(target_number("Meta 16.7 Garantizar la adopción"), Some("16.7"));
        assert_eq!(target_number("Задача 16.b Поощрять"), Some("16.b"));
        assert_eq!(target_number("具体目标17.14 加强可持续发展政策的一致性"), Some("17.14"));
        assert_eq!(target_number("Cible 17.17 : Encourager"), Some("17.17"));
        // The Spanish number sign with its stop (`N.°`).
        assert_eq!(target_number("Meta N.° 16.b: Promover"), Some("16.b"));
        // A word and a number that is no target's, or a sentence.
        assert_eq!(target_number("Section 3 of the form"), None);
        assert_eq!(target_number("Revenue grew by 16.7 percent"), None);
        assert_eq!(target_number("Version 2.0.1"), None);
    }

    #[test]
    fn target_ids_in_brackets_and_after_their_text() {
        for (line, id) in [
            ("[16.7] Garantizar la adopción", "16.7"),
            ("(16.7) Обеспечить", "16.7"),
            ("(16-7) ضمان اتخاذ القرارات", "16.7"),
            ("16.б Поощрять", "16.b"),
            ("16.7. Обеспечивать", "16.7"),
            ("Meta 16.b. Promover", "16.b"),
            ("الغاية 16-ب: تعزيز", "16.b"),
            ("الغاية رقم 16.ب: تعزيز", "16.b"),
            ("Promover el estado de derecho (meta 16.3)", "16.3"),
            ("Promover (16.b)", "16.b"),
            ("▸16.7 确保各级的决策", "16.7"),
        ] {
            assert_eq!(target_id(line).as_deref(), Some(id), "{line}");
        }
        for line in ["Promover el estado (16.b) de derecho", "(2017) Dangjin", "Goal 16 (Peace)"] {
            assert_eq!(target_id(line), None, "{line}");
        }
    }

    #[test]
    fn goal_numbers_however_written() {
        for (line, number) in [
            ("ODS n.º 16 (Paz, justicia e instituciones sólidas)", 16),
            ("Цель № 16", 16),
            ("الهدف رقم 16 (السلام والعدل)", 16),
            ("الهدف السادس عشر: السلام", 16),
            ("目标十六：和平", 16),
            ("[ODS-16] Paz", 16),
            ("Paix, justice et institutions efficaces (ODD 16)", 16),
            ("SDG #17 - Partnerships", 17),
            ("Sustainable Development Goal 16 : Peace", 16),
            ("Objectif de développement durable 16 — Paix", 16),
            ("هدف التنمية المستدامة 16 - السلام", 16),
            ("可持续发展目标16：和平", 16),
            ("Objectif de développement durable n° 16 : Paix", 16),
            ("第16项可持续发展目标：和平、正义且强大的机构", 16),
            ("16号目标：和平、正义且强大的机构", 16),
            ("الهدف رقم (16): السلام والعدالة", 16),
        ] {
            let folded = nomina_refdata::fold(line);
            assert_eq!(goal_number(&folded).map(|g| g.0), Some(number), "{line}");
        }
        for line in ["Dangjin City 16", "In 2016 the city", "Goal of the city", "Is it relevant to any of the 17 SDGs"]
        {
            assert_eq!(goal_number(&nomina_refdata::fold(line)), None, "{line}");
        }
    }

    #[test]
    fn target_numbers_as_the_pattern_reads_them() {
        fn reference(s: &str) -> Option<&str> {
            target_pattern().captures(s).and_then(|c| c.get(1)).map(|m| m.as_str())
        }
        // ASCII and Unicode digits, blanks and word characters, the quotes
        // the pattern skips, and what ends a number or does not.
        let pieces = [
            "1", "6", "0", "１", "٦", ".", " ", "\t", "\u{a0}", "\u{3000}", "a", "Z", "_", "é", "\u{301}", "“", "\"",
            ")", "(", "-", "",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        for e in ["", "1", ".", "a", " ", "١", "x y"] {
                            let s = format!("{a}{b}{c}{d}{e}");
                            assert_eq!(leading_target_number(&s), reference(&s), "{s:?}");
                            n += 1;
                        }
                    }
                }
            }
        }
        assert!(n > 1_000_000);
        for s in ["16.6", "“5.a”", " 16 . 10 Develop", "3.c)", "123.4", "1.234", "16.6.1", "１６.６", "16.6_", "17"]
        {
            assert_eq!(leading_target_number(s), reference(s), "{s:?}");
            assert_eq!(target_number(s), reference(s), "{s:?}");
        }
        assert_eq!(target_number(" 16 . 10 Develop"), Some("16 . 10"));
        assert_eq!(target_number("“5.a”"), Some("5.a"));
        assert_eq!(target_number("16.6.1"), None);
        // A full stop and a dash close a number (`16.7.- Garantizar…`).
        for s in ["16.7.- Garantizar", "16.7.-", "16.7.-x"] {
            assert_eq!(leading_target_number(s), reference(s), "{s:?}");
        }
        assert_eq!(target_number("16.7.- Garantizar"), Some("16.7"));
    }

    #[test]
    fn part_markers_as_the_pattern_reads_them() {
        let letters = "a-zA-Zа-жА-Жأبجدهوز一二三四五六七甲乙丙丁戊己庚";
        let pattern = Regex::new(&format!(
            r"^(?:[(（](?P<l1>[{letters}])[)）]|(?P<l2>[{letters}])ـ?\s*(?:[.)][\-–—]|[.)．\-–—、）:\]]|/\s))\s*"
        ))
        .unwrap();
        let reference = |s: &str| {
            if let Some(found) = numbered_part_marker(s) {
                return Some(found);
            }
            let c = pattern.captures(s)?;
            let letter = c.name("l1").or(c.name("l2"))?.as_str().chars().next().and_then(part_letter)?;
            Some((letter, c.get(0)?.end()))
        };
        let pieces = [
            "(", ")", "（", "）", "–", "a", "z", "A", "б", "Ж", "з", "ب", "ـ", "一", "乙", "八", "、", " ", "\u{3000}",
            ".", "．", "-", "x", "", "\t", "/", "]",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", " ", "ـ", ".", "Prompt"] {
                        let s = format!("{a}{b}{c}{d}");
                        assert_eq!(part_marker(&s), reference(&s), "{s:?}");
                    }
                }
            }
        }
        assert_eq!(part_marker("b) Please describe"), Some(('b', 3)));
        assert_eq!(part_marker("(c)Why"), Some(('c', 3)));
        assert_eq!(part_marker("بـ - نص"), Some(('b', 7)));
        assert_eq!(part_marker("ab. no"), None);
        assert_eq!(part_marker("(ii) Kindly set out"), Some(('b', 5)));
        assert_eq!(part_marker("iv. Why"), Some(('d', 4)));
        assert_eq!(part_marker("(i)Why"), Some(('a', 3)));
        assert_eq!(part_marker("(3)本举措"), Some(('c', 3)));
        assert_eq!(part_marker("（2）本举措"), Some(('b', 7)));
        assert_eq!(part_marker("2. An item"), None);
        assert_eq!(part_marker("2) Что обеспечивает"), Some(('b', 3)));
        assert_eq!(part_marker("(0) no"), None);
        assert_eq!(part_marker("(Iv) no"), None);
        // Full-width brackets of other shapes (`〔二〕`, `［c］`).
        assert_eq!(part_marker("〔二〕项目"), Some(('b', 9)));
        assert_eq!(part_marker("［c］Why"), Some(('c', 7)));
        assert_eq!(part_marker("〔二）no"), None);
        assert_eq!(part_marker("b] Why"), Some(('b', 3)));
        assert_eq!(part_marker("‹c› Why"), Some(('c', 8)));
        assert_eq!(part_marker("(xiii) no"), None);
    }

    #[test]
    fn a_yes_or_a_no_of_any_language_ends_a_label() {
        fn split(s: &str) -> Option<(&str, Option<&str>)> {
            split_by_kind(ValueKind::YesNo, s).map(|(l, v)| (&s[..l], v.map(|v| &s[v])))
        }
        assert_eq!(
            split("Is this a public sector initiative? Yes"),
            Some(("Is this a public sector initiative? ", Some("Yes")))
        );
        assert_eq!(
            split("L’initiative a-t-elle déjà reçu un prix ? Non"),
            Some(("L’initiative a-t-elle déjà reçu un prix ? ", Some("Non")))
        );
        assert_eq!(split("这是一项公共部门倡议吗？是"), Some(("这是一项公共部门倡议吗？", Some("是"))));
        assert_eq!(
            split("Инициатива уже получала премию? Нет"),
            Some(("Инициатива уже получала премию? ", Some("Нет")))
        );
        assert_eq!(split("هل فازت المبادرة بجائزة؟ لا"), Some(("هل فازت المبادرة بجائزة؟ ", Some("لا"))));
        // A word that only ends another word is no value; a question alone
        // waits for its value on the next line.
        assert_eq!(split("此项目是否"), None);
        assert_eq!(split("Was it evaluated?"), Some(("Was it evaluated?", None)));
        // A line that is a value alone has no label.
        assert_eq!(split("Yes"), None);
    }

    #[test]
    fn a_date_ends_a_label_whatever_its_hint() {
        fn split(s: &str) -> Option<(&str, Option<&str>)> {
            split_by_kind(ValueKind::Date, s).map(|(l, v)| (&s[..l], v.map(|v| &s[v])))
        }
        assert_eq!(
            split("يرجى ذكر تاريخ التنفيذ (يوم/شهر/سنة) 01 Nov 2017"),
            Some(("يرجى ذكر تاريخ التنفيذ (يوم/شهر/سنة) ", Some("01 Nov 2017")))
        );
        assert_eq!(split("Fecha de inicio 01/11/2017"), Some(("Fecha de inicio ", Some("01/11/2017"))));
    }

    #[test]
    fn a_label_gives_way_to_a_value_in_its_own_script_where_its_words_show_it() {
        fn split(s: &str) -> Option<(&str, &str)> {
            same_script_split(s).map(|(l, v)| (&s[..l], &s[v]))
        }
        assert_eq!(split("机构性质 地方政府"), Some(("机构性质", "地方政府")));
        assert_eq!(split("Kind of institution Government(Local)"), Some(("Kind of institution", "Government(Local)")));
        assert_eq!(
            split("Вид организации Государственный орган (местный)"),
            Some(("Вид организации", "Государственный орган (местный)"))
        );
        assert_eq!(split("Institution Name Dangjin City"), Some(("Institution Name", "Dangjin City")));
        assert_eq!(
            split("Title of the Initiative Dangjin Sustainable Development"),
            Some(("Title of the Initiative", "Dangjin Sustainable Development"))
        );
        // One capitalized word before another, or a label alone: no split.
        assert_eq!(split("Initiative Title Dangjin Sustainable Development"), None);
        // Nor a particle closing the words before a capital: a name.
        assert_eq!(split("Ministry of Interior and Safety"), None);
        assert_eq!(split("Public Sector Institution Type"), None);
        assert_eq!(split("Institution"), None);
    }

    #[test]
    fn a_label_cut_inside_a_word_runs_to_the_colon_closing_it() {
        let end = |s: &'static str, at: usize| colon_closing_word(s, at).map(|(l, v)| (&s[..l], &s[v..]));
        assert_eq!(end("行政级别：地方", "行政级".len()), Some(("行政级别", "地方")));
        assert_eq!(end("机构网址： http://x.kr", "机构网".len()), Some(("机构网址", "http://x.kr")));
        assert_eq!(end("Websites: http://x.kr", 7), Some(("Websites", "http://x.kr")));
        // At a word's edge, or no colon closing the word: the cut stands.
        assert_eq!(end("Website: http://x.kr", 9), None);
        assert_eq!(end("Website http://x.kr", 7), None);
        assert_eq!(end("行政级别 地方", "行政级".len()), None);
        assert_eq!(end("Administrative level: local", 5), None);
    }

    #[test]
    fn a_label_of_label_words_gives_way_to_the_first_other_word() {
        fn split(s: &str) -> Option<(&str, &str)> {
            vocabulary_split(s).map(|(l, v)| (&s[..l], &s[v]))
        }
        assert_eq!(split("Institution Dangjin City"), Some(("Institution", "Dangjin City")));
        assert_eq!(split("Organisme Dangjin City"), Some(("Organisme", "Dangjin City")));
        assert_eq!(split("Institución Dangjin City"), Some(("Institución", "Dangjin City")));
        assert_eq!(split("Institution Name – Dangjin City"), Some(("Institution Name", "Dangjin City")));
        // Every word a label's, or none: no split.
        assert_eq!(split("Public Sector Institution Type"), None);
        assert_eq!(split("Dangjin City"), None);
        assert_eq!(split("Institution"), None);
    }

    #[test]
    fn a_one_word_label_before_its_value_fills_the_next_field() {
        let text = "Institution Details\n\nMember State Republic of Korea\nInstitution Dangjin City\n\
                    Kind of Institution Government(Local)\nAdministrative Level Local\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes";
        let form = parsed(text);
        let fields: Vec<(&str, &str)> =
            form.institution.iter().map(|f| (f.key, f.value.map_or("", |v| &text[v.range()]))).collect();
        assert_eq!(
            fields,
            [
                ("field.member_state", "Republic of Korea"),
                ("field.institution_name", "Dangjin City"),
                ("field.institution_type", "Government(Local)"),
                ("field.administrative_level", "Local")
            ]
        );
    }

    #[test]
    fn an_institution_type_the_catalog_names_places_its_line_whatever_the_label_is_alike_to() {
        let institution = |text: &str| -> Vec<(&'static str, String)> {
            parsed(text)
                .institution
                .iter()
                .map(|f| (f.key, f.value.map_or(String::new(), |v| text[v.range()].to_string())))
                .collect()
        };
        // Alike to the institution name's label, read already.
        let text = "Datos de la institución\n\nEstado Miembro proponente República de Corea\n\
                    Denominación de la institución Dangjin City\n\
                    Naturaleza de la institución Administración local\nÁmbito administrativo Local\n\n\
                    Pregunta 1: Sobre la iniciativa\n\n¿Es una iniciativa del sector público? Sí";
        assert_eq!(
            institution(text)[2..],
            [
                ("field.institution_type", "Administración local".to_string()),
                ("field.administrative_level", "Local".to_string())
            ]
        );
        // Alike to a department's label (`Type de service`), the particle
        // `de` counting for neither.
        let text = "Institution\n\nPays membre Corée du Sud\nNom de la structure Dangjin City\n\
                    Type de structure Administration territoriale\nNiveau d’administration Niveau local\n\n\
                    Question 1 : Le projet\n\nProjet du secteur public ? Oui";
        assert_eq!(institution(text)[2], ("field.institution_type", "Administration territoriale".to_string()));
    }

    #[test]
    fn a_category_the_data_lacks_in_its_place_ends_its_label_where_the_words_show() {
        let text = "Member State Republic of Korea\nInstitution Dangjin City\n\n\
                    Question 2: Category\n\n\
                    Category chosen Promotion of integrated mechanisms for sustainable development\n\
                    UNPSACriteria\nNone listed\n";
        let form = parsed(text);
        let category = &form.basic[0].fields[0];
        assert_eq!(category.key, "field.category");
        assert_eq!(
            category.value.map(|v| &text[v.range()]),
            Some("Promotion of integrated mechanisms for sustainable development")
        );
    }

    #[test]
    fn a_how_learned_option_glossed_in_brackets_is_one_value() {
        let value = |s: &'static str| split_by_kind(ValueKind::Learned, s).and_then(|(_, v)| v.map(|v| &s[v]));
        assert_eq!(
            value("Means by which the institution learned of the Awards Online (Internet)"),
            Some("Online (Internet)")
        );
        assert_eq!(value("了解途径 网络（互联网）"), Some("网络（互联网）"));
        assert_eq!(value("了解途径（可多选）"), None);
    }

    #[test]
    fn a_mark_set_off_from_a_question_by_a_blank_answers_it() {
        let value = |s: &'static str| split_by_kind(ValueKind::YesNo, s).and_then(|(_, v)| v.map(|v| &s[v]));
        assert_eq!(value("跟17个可持续发展目标有关吗 √"), Some("√"));
        assert_eq!(value("有联合国或其机构参与吗 ×"), Some("×"));
        // A mark run into the question's last word is no answer.
        assert_eq!(split_by_kind(ValueKind::YesNo, "有联合国或其机构参与吗×"), None);
    }

    #[test]
    fn an_institution_label_printed_alone_keeps_its_place_and_leaves_the_next_line_its_own() {
        let text = "Nominee\n\nMember State Republic of Korea\nResponsible body Ministry of Interior and safety\n\
                    Public-sector institution type\nSector type Interior\nAdministrative tier National\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes";
        let form = parsed(text);
        let fields: Vec<(&str, Option<&str>)> =
            form.institution.iter().map(|f| (f.key, f.value.map(|v| &text[v.range()]))).collect();
        assert_eq!(
            fields,
            [
                ("field.member_state", Some("Republic of Korea")),
                ("field.institution_name", Some("Ministry of Interior and safety")),
                ("field.institution_type", None),
                ("field.department_type", Some("Interior")),
                ("field.administrative_level", Some("National"))
            ]
        );
    }

    #[test]
    fn sections_titled_without_a_number_open_the_templates_questions_in_turn() {
        // An e-mail: rules around each title, a bullet before each label;
        // the awards section holds both award questions.
        let text = "-- Nominee institution --\n* Nominating country: Republic of Korea\n\
                    * Name of the nominated institution: Dangjin City\n\n\
                    -- Public-sector status --\n* Public-sector initiative? YES\n\n\
                    -- Award category --\n* Award category selected: Promoting integrated mechanisms\n\n\
                    -- Sustainable Development Goals --\n* Linked to the Sustainable Development Goals? YES\n\n\
                    -- Implementation --\n* In operation for at least two years? YES\n\
                    * Start of implementation (DD/MM/YYYY): 01/11/2017\n\n\
                    -- United Nations involvement --\n* Involvement of the UN or a UN agency? NO\n\n\
                    -- Earlier nominations --\n* Put forward during the previous 3 years (2017-2019)? NO\n\n\
                    -- Awards already received --\n* Previous UNPSA winner? NO\n\
                    * Winner of other public service awards? NO\n\n\
                    -- How you heard about us --\n* Where did you hear about the awards: Internet search\n\n\
                    [1] Summarize the initiative. (limit: 300 words)\nAn answer.\n";
        let form = parsed(text);
        let keys = |b: &BasicQuestion| b.fields.iter().map(|f| f.key).collect::<Vec<_>>();
        let blocks: Vec<(u32, Vec<&str>)> = form.basic.iter().map(|b| (b.number, keys(b))).collect();
        assert_eq!(
            blocks,
            [
                (1, vec!["field.public_sector"]),
                (2, vec!["field.category"]),
                (3, vec!["field.sdg_relevant"]),
                (4, vec!["field.implemented_two_years_or_more", "field.implementation_date"]),
                (5, vec!["field.un_involved"]),
                (6, vec!["field.submitted_previously"]),
                (7, vec!["field.won_unpsa", "field.won_other_awards"]),
                (9, vec!["field.how_learned"]),
            ]
        );
        let titles: Vec<&str> = form.basic.iter().filter_map(|b| b.title).map(|t| &text[t.range()]).collect();
        assert_eq!(titles[0], "Public-sector status");
        // A form that numbers its sections: a short line after a blank
        // one is a label wrapped over two lines, not a section.
        let text = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\n\
                    Question 5: Partners\n\nHas the United Nations\nbeen involved? No\n";
        let form = parsed(text);
        assert_eq!(form.basic.iter().map(|b| b.number).collect::<Vec<_>>(), [1, 5]);
    }

    #[test]
    fn a_loading_line_alone_is_chrome_and_keeps_the_block_above_it() {
        assert!(loading_message("正在载入……"));
        assert!(loading_message("Chargement en cours..."));
        assert!(!loading_message("Dangjin City"));
        assert!(!loading_message("Implemented since 2017..."));
        let text = "申报单位\n\n国家 韩国\n单位名称 Dangjin City\n\n正在载入……\n\n\
                    问题1：关于项目\n\n是否为公共部门项目 是\n";
        let form = parsed(text);
        assert!(form.chrome.iter().any(|m| m.key == LOADING_CHROME && &text[m.at.span.range()] == "正在载入……"));
        let keys: Vec<&str> = form.institution.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["field.member_state", "field.institution_name"]);
    }

    #[test]
    fn a_question_left_unanswered_does_not_take_the_next_label_for_its_answer() {
        let text = "Question 4: Implementation Date\n\n\
                    Has the initiative a history of more than two years?\n\
                    Implementation date 1 Feb 2020\n";
        let form = parsed(text);
        let fields: Vec<(&str, Option<&str>)> =
            form.basic[0].fields.iter().map(|f| (f.key, f.value.map(|v| &text[v.range()]))).collect();
        assert_eq!(
            fields,
            [("field.implemented_two_years_or_more", None), ("field.implementation_date", Some("1 Feb 2020"))]
        );
        assert!(form.basic[0].fields[0].items.is_empty());
        // Ideographs without blanks: the next label is long all the same.
        let text = "联合国成员国 韩国\n机构名称 Ministry of Interior and safety\n\n问题三:可持续发展目标\n\n\
                    本项目是否与可持续发展目标（共17项）中的某一项有关？\n\
                    若上题回答“是”，请注明与本项目关系最密切的可持续发展目标\n无贫穷\n";
        let form = parsed(text);
        let keys: Vec<&str> = form.basic[0].fields.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["field.sdg_relevant", "field.sdgs"]);
        let goals = &form.basic[0].fields[1];
        assert_eq!(goals.items.iter().map(|i| &text[i.span.range()]).collect::<Vec<_>>(), ["无贫穷"]);
    }

    #[test]
    fn a_one_word_label_the_catalog_knows_by_a_synonym_gives_way_to_its_value() {
        assert_eq!(vocabulary_split("Organization Dangjin City"), Some((12, 13..25)));
    }

    #[test]
    fn under_the_empty_type_label_the_sector_line_is_the_departments() {
        // Seed 003's label of the institution's type printed empty: the
        // `Sector Type` line under it, alike to both types, is the
        // department's, the type's place being taken.
        let text = "Institution Details\n\nMember State Republic of Korea\nInstitution Name Ministry of Interior\n\
                    Public Sector Institution Type\nSector Type Interior\nAdministrative Level National\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes";
        let form = parsed(text);
        let fields: Vec<(&str, Option<&str>)> =
            form.institution.iter().map(|f| (f.key, f.value.map(|v| &text[v.range()]))).collect();
        assert_eq!(
            fields,
            [
                ("field.member_state", Some("Republic of Korea")),
                ("field.institution_name", Some("Ministry of Interior")),
                ("field.institution_type", None),
                ("field.department_type", Some("Interior")),
                ("field.administrative_level", Some("National")),
            ]
        );
    }

    #[test]
    fn a_line_below_a_list_answered_off_is_the_next_field() {
        // The fields read, the lines below each, and the last one's label.
        let fields = |answer: &str| -> (Vec<(&'static str, usize)>, String) {
            let text = format!(
                "Question 5: Partners\n\nHas the United Nations or any UN agencies been involved in this initiative? \
                 {answer}\nWhich UN agency was involved? (hold Ctrl to select multiple)\nMore on this\n\n\
                 Question 6: Previous Participation\n\n1. Has the initiative submitted an application for \
                 consideration in the past 3 years (2017-2019)? No"
            );
            let form = parsed(&text);
            let fields = &form.basic[0].fields;
            let last = fields.last().map_or(String::new(), |f| text[f.label.range()].to_string());
            (fields.iter().map(|f| (f.key, f.items.len())).collect(), last)
        };
        assert_eq!(
            fields("No"),
            (
                vec![("field.un_involved", 0), ("field.un_agencies", 0), ("field.un_details", 0)],
                "More on this".to_string()
            )
        );
        // Answered yes, the list's lines are its items.
        assert_eq!(fields("Yes").0, [("field.un_involved", 0), ("field.un_agencies", 1)]);
    }

    #[test]
    fn a_label_in_another_script_gives_way_to_a_latin_value() {
        fn split(s: &str) -> Option<(&str, &str)> {
            script_split(s).map(|(l, v)| (&s[..l], &s[v]))
        }
        assert_eq!(
            split("倡议名称 Dangjin Sustainable Development"),
            Some(("倡议名称", "Dangjin Sustainable Development"))
        );
        assert_eq!(split("Название инициативы Dangjin"), Some(("Название инициативы", "Dangjin")));
        assert_eq!(split("Initiative Title Dangjin"), None);
        assert_eq!(split("机构类型 政府（地方）"), None);
        assert_eq!(split("Dangjin"), None);
    }

    #[test]
    fn goal_numbers_with_or_without_a_space() {
        let g = |s: &str| goal_number(&nomina_refdata::fold(s)).map(|(n, _)| n);
        assert_eq!(g("Goal 16: Peace, Justice and Strong Institutions"), Some(16));
        assert_eq!(g("目标16：和平、正义与强大机构"), Some(16));
        assert_eq!(g("16 Peace"), Some(16));
        assert_eq!(g("Objective16 x"), None);
        assert_eq!(g("Peace"), None);
    }

    #[test]
    fn head_keys_of_ascii_as_of_any_text() {
        let general = |s: &str| {
            let mut key = [' '; 3];
            for (slot, c) in key.iter_mut().zip(s.chars().flat_map(char::to_lowercase)) {
                *slot = c;
            }
            key
        };
        for s in ["First", "SECOND", "th", "", "a1b", "Über", "Première", "الأول", "ВТОРОЙ", "abc def", "x"]
        {
            assert_eq!(head_key(s), general(s), "{s:?}");
        }
    }

    #[test]
    fn headings_numbered_by_ordinal_words() {
        let shape = |s: &str| ordinal_heading_shape(s).map(|(_, n, end)| (n, end));
        assert_eq!(shape("السؤال الأول"), Some((1, "السؤال الأول".len())));
        assert_eq!(shape("السؤال الحادي عشر"), Some((11, "السؤال الحادي عشر".len())));
        assert_eq!(shape("Вопрос первый: О проекте"), Some((1, "Вопрос первый:".len())));
        assert_eq!(shape("Pregunta segunda - Categoría"), Some((2, "Pregunta segunda -".len())));
        // An ordinal word inside a sentence heads nothing.
        assert_eq!(shape("The first step was taken in 2017"), None);
        assert_eq!(shape("Was this the first time"), None);
        // Lines of one shape run from the first ordinal on.
        let text =
            "السؤال الأول\n\nنص\n\nالسؤال الثاني\n\nنص\n\nالسؤال الثالث\n\nنص\n\nالسؤال الرابع\n\nنص\n\nالسؤال الخامس\n";
        let lines = crate::lines::lines(text);
        let found = heading_schemes(text, &lines, &FxHashSet::default());
        let mut numbers: Vec<u32> = found.values().map(|h| h.number).collect();
        numbers.sort();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
    }

    #[test]
    fn headings_found_by_their_numbering() {
        fn shape(s: &str) -> Option<(String, u32, &str)> {
            heading_shape(s).map(|(k, n, end)| (k, n, &s[end..]))
        }
        assert_eq!(shape("Q3"), Some(("q#".to_string(), 3, "")));
        assert_eq!(shape("第12题"), Some(("第#题".to_string(), 12, "")));
        // The number set off by blanks (`第 1 題`, Traditional characters).
        assert_eq!(shape("第 1 題"), Some(("第#題".to_string(), 1, "")));
        assert_eq!(shape("Вопрос № 4"), Some(("вопрос no#".to_string(), 4, "")));
        assert_eq!(shape("Section 2: Award Category"), Some(("section#".to_string(), 2, " Award Category")));
        // A numbered list item, a target, a date, prose: no heading.
        for s in ["1. Has the initiative submitted", "16.7 Ensure responsive", "01 Nov 2017", "In 2016 the city began"]
        {
            assert_eq!(heading_shape(s), None, "{s}");
        }
        // Lines of one shape after blank lines, numbered 1 through 5 or more.
        let text = "Q1\nfirst\n\nQ2\nsecond\n\nQ3\n\nQ4\n\nQ5\n\nQ7\nStep 1: a\nStep 2: b\n\nGoal 1\n\nGoal 3";
        let lines = crate::lines(text);
        let found = heading_schemes(text, &lines, &FxHashSet::default());
        let mut numbers: Vec<(usize, u32)> = found.iter().map(|(&line, h)| (line, h.number)).collect();
        numbers.sort();
        assert_eq!(numbers, [(1, 1), (4, 2), (7, 3), (9, 4), (11, 5), (13, 7)]);
    }

    #[test]
    fn a_gloss_alone_after_a_label_gives_the_word_before_it_back_to_the_value() {
        let text = "机构概况\n\n联合国会员国 韩国\n单位名称 Dangjin City\n单位类型 公共部门（地方）\n行政级别 地方的\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n";
        let form = parsed(text);
        let kind = form.institution.iter().find(|f| f.key == "field.institution_type").and_then(|f| f.value);
        assert_eq!(kind.map(|v| &text[v.range()]), Some("公共部门（地方）"));
        // A label closed by its mark keeps its words.
        let text = "General Information\n\nUnited Nations Member State Republic of Korea\n\
                    Type of institution: (local)\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n";
        let form = parsed(text);
        let kind = form.institution.iter().find(|f| f.key == "field.institution_type").and_then(|f| f.value);
        assert_eq!(kind.map(|v| &text[v.range()]), Some("(local)"));
    }

    #[test]
    fn institution_labels_with_no_mark_are_placed_by_their_words() {
        let text = "General Information\n\nUnited Nations Member State Republic of Korea\n\
                    Name of the institution Dangjin City\nType of institution Government (local)\n\
                    Level of administration Local\nTitle of the initiative Dangjin Plan\n\
                    Intitulé du projet présenté Dangjin Plan\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n";
        let form = parsed(text);
        let fields: Vec<(&str, &str)> =
            form.institution.iter().map(|f| (f.key, f.value.map_or("", |v| &text[v.range()]))).collect();
        assert_eq!(
            fields[1..5],
            [
                ("field.institution_name", "Dangjin City"),
                ("field.institution_type", "Government (local)"),
                ("field.administrative_level", "Local"),
                ("field.initiative_name", "Dangjin Plan"),
            ]
        );
        // A word in lower case the wording lacks qualifies the label; a
        // capitalized one is the value's.
        let text = "General Information\n\nÉtat Membre République de Corée\n\
                    Intitulé du projet présenté Dangjin Plan\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n";
        let form = parsed(text);
        let name = form.institution.iter().find(|f| f.key == "field.initiative_name").and_then(|f| f.value);
        assert_eq!(name.map(|v| &text[v.range()]), Some("Dangjin Plan"));
    }

    #[test]
    fn a_remark_in_brackets_after_a_label_stays_with_it() {
        for line in ["Название инициативы (проекта)\tDangjin Plan", "Title of the initiative (project): Dangjin Plan"]
        {
            let text = format!(
                "General Information\n\nCountry: Republic of Korea\n{line}\n\n\
                 Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n"
            );
            let form = parsed(&text);
            let name = form.institution.iter().find(|f| f.key == "field.initiative_name").and_then(|f| f.value);
            assert_eq!(name.map(|v| &text[v.range()]), Some("Dangjin Plan"), "{line}");
        }
    }

    #[test]
    fn a_chevron_sets_off_labels_and_numbers_alone_head_the_questions() {
        let mut text = String::from(
            "Summary of your entry\n\n\
             Home country (as listed by the UN) » Ghana\n\
             Organisation » Tamale Metropolitan Assembly\n\
             Website » https://tama.gov.gh\n\n\
             Section A » Public sector\n\n\
             Public-sector project? » Yes\n\n",
        );
        for n in 1..=5 {
            text.push_str(&format!(
                "{n})\n\nWhat did step {n} of the project change for residents? – 150 words max\n\
                 Step {n} moved the waste collection rota onto a shared calendar that wards can edit.\n\n"
            ));
        }
        let form = parsed(&text);
        let country = form.institution.iter().find(|f| f.key == "field.member_state").and_then(|f| f.value);
        assert_eq!(country.map(|v| &text[v.range()]), Some("Ghana"));
        let numbers: Vec<u32> = form.questions.iter().map(|q| q.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        // A breadcrumb is no label and its value.
        let crumbs = "Home » Countries » Ghana\n\nNews of the week\n";
        assert!(parse_form(crumbs, &crate::lines(crumbs)).is_err());
    }

    #[test]
    fn sections_ruled_with_single_hyphens_apart_from_their_fields_are_read() {
        // `- Title -`: its opening hyphen is a rule, not a list's bullet, and
        // the blank line under it does not keep it from heading its fields;
        // chevrons frame a title as well (`>>> Title <<<`).
        let text = "Entry summary\n\n\
                    Home country: Ghana\n\
                    Organisation: Tamale Metropolitan Assembly\n\n\
                    >>> Character of the project <<<\n\n\
                    Run by a public body?   Yes\n\n\
                    - Entry group -\n\n\
                    Group entered:   Promoting integrated mechanisms for sustainable development\n\n\
                    - Time frame -\n\n\
                    Launch date:   14/03/2019\n";
        let form = parsed(text);
        let numbers: Vec<u32> = form.basic.iter().map(|q| q.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        let value =
            |key: &str| form.basic.iter().flat_map(|q| q.fields.iter()).find(|f| f.key == key).and_then(|f| f.value);
        assert_eq!(value("field.public_sector").map(|v| &text[v.range()]), Some("Yes"));
        assert_eq!(
            value("field.category").map(|v| &text[v.range()]),
            Some("Promoting integrated mechanisms for sustainable development")
        );
        // Only the page's title is left unread.
        assert!(form.stray.iter().all(|l| l.line == 1), "{:?}", form.stray);
    }

    #[test]
    fn values_set_as_items_under_labels_ending_in_a_colon() {
        // `Label:` over `  - value`, as a YAML-like export prints a form:
        // the item is the label's value, not the title of a section, and a
        // title ruled on both sides may ask a question.
        let mut text = String::from(
            "Institutional Information\n\n\
             Country:\n  - Ghana\n\
             Organisation:\n  - Tamale Metropolitan Assembly\n\n\
             == Character of the project ==\n\n\
             Run by a public body?:\n  - yes\n\n\
             == Entry group ==\n\n\
             Group entered:\n  - Promoting integrated mechanisms for sustainable development\n\n\
             == Global goals? ==\n\n\
             Linked to the global goals?:\n  - yes\n",
        );
        for n in 1..=5 {
            text.push_str(&format!(
                "\nQuestion {n}\n\nWhat did step {n} change for residents? (150 words max)\n\
                 Step {n} moved the waste collection rota onto a shared calendar.\n"
            ));
        }
        let form = parsed(&text);
        let value = |key: &str| {
            form.institution
                .iter()
                .chain(form.basic.iter().flat_map(|q| q.fields.iter()))
                .find(|f| f.key == key)
                .and_then(|f| f.value.or_else(|| f.items.first().map(|i| i.span)))
                .map(|v| text[v.range()].trim_start_matches(['-', ' ']))
        };
        assert_eq!(value("field.member_state"), Some("Ghana"));
        assert_eq!(value("field.public_sector"), Some("yes"));
        assert_eq!(value("field.category"), Some("Promoting integrated mechanisms for sustainable development"));
        assert_eq!(value("field.sdg_relevant"), Some("yes"));
        assert_eq!(form.basic.iter().map(|q| q.number).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn numbered_questions_whose_prompts_state_limits_make_a_form_without_labels() {
        // No label the catalog knows, but each numbered heading over a
        // prompt that states its word limit: a questionnaire, not a
        // numbered text.
        let mut text = String::from("Your entry\n\n");
        for n in 1..=5 {
            text.push_str(&format!(
                "Item {n}\n\nWhat did step {n} change for residents? [120 words at most]\nThe rota moved online.\n\n"
            ));
        }
        let form = parsed(&text);
        assert_eq!(form.questions.len(), 5);
        assert!(form.questions.iter().all(|q| q.parts[0].word_limit == Some(120)));
    }

    #[test]
    fn a_part_named_by_a_word_and_a_digit() {
        let mut text = String::from("Your entry\n\n");
        for n in 1..=5 {
            text.push_str(&format!(
                "Item {n}\n\nSection 1 - Who took part in step {n}? [120 words at most]\nThe wardens.\n\
                 Section 2: How was step {n} paid for? [80 words at most]\nPhase 1: a grant.\nPhase 2: a levy.\n\n"
            ));
        }
        let form = parsed(&text);
        assert_eq!(form.questions.len(), 5);
        for q in &form.questions {
            let parts: Vec<_> = q.parts.iter().map(|p| (p.letter, p.word_limit)).collect();
            // The answer's own steps, stating no limit, stay answer text.
            assert_eq!(parts, [(Some('a'), Some(120)), (Some('b'), Some(80))], "question {}", q.number);
        }
    }

    #[test]
    fn a_leader_ending_a_line_leads_to_no_value_on_it() {
        let text = "Institutional Information\n\n\
                    Member State ·················· Ghana\n\
                    Institution Name ······· Tamale Metropolitan Assembly\n\
                    Website of Institution ·········\n\n\
                    Question 1: About the Initiative\n\n\
                    Is this a public sector initiative? ······ Yes\n\n\
                    Question 3: Sustainable Development Goals\n\n\
                    Is the initiative relevant to any of the 17 SDG(s)? ······ Yes\n\
                    Which SDGs matter most to the initiative? ·····\n\
                    Goal 6: Clean Water and Sanitation\n\
                    Goal 11: Sustainable Cities and Communities\n";
        let form = parsed(text);
        let field = |key: &str| field_of(&form, key);
        let value = |key: &str| field(key).and_then(|f| f.value).map(|v| &text[v.range()]);
        assert_eq!(value("field.member_state"), Some("Ghana"));
        assert_eq!(value("field.institution_name"), Some("Tamale Metropolitan Assembly"));
        assert!(field("field.website").is_some_and(|f| f.value.is_none() && f.items.is_empty()));
        let goals = field("field.sdgs").map(|f| f.items.iter().map(|i| &text[i.span.range()]).collect::<Vec<_>>());
        assert_eq!(
            goals,
            Some(vec!["Goal 6: Clean Water and Sanitation", "Goal 11: Sustainable Cities and Communities"])
        );
    }

    #[test]
    fn an_arrow_to_nothing_leaves_the_field_empty() {
        let text = "单位资料\n\n本单位所在的联合国成员国 → 加纳\n机构名称 → Tamale Metropolitan Assembly\n机构网址 →\n";
        let form = parsed(text);
        let field = |key: &str| form.institution.iter().find(|f| f.key == key);
        assert_eq!(
            field("field.institution_name").and_then(|f| f.value).map(|v| &text[v.range()]),
            Some("Tamale Metropolitan Assembly")
        );
        // The catalog's `机构网站` is alike to `机构网址`: its tail is no web
        // address, and the arrow points at nothing.
        assert!(field("field.website").is_some_and(|f| f.value.is_none() && f.items.is_empty()));
        // A label in ideographs names the country's field when it holds a
        // whole wording of it.
        assert!(names_the_country_field("所属联合国成员国"));
        assert!(!names_the_country_field("所属单位"));
    }

    #[test]
    fn a_value_in_corner_brackets_after_its_label() {
        let text = "申报概要\n\n国家「加纳」\n单位名称「Tamale Metropolitan Assembly」\n网址「https://tama.gov.gh」\n";
        let form = parsed(text);
        let value =
            |key: &str| form.institution.iter().find(|f| f.key == key).and_then(|f| f.value).map(|v| &text[v.range()]);
        assert_eq!(value("field.member_state"), Some("加纳"));
        assert_eq!(value("field.institution_name"), Some("Tamale Metropolitan Assembly"));
        assert_eq!(value("field.website"), Some("https://tama.gov.gh"));
    }

    #[test]
    fn a_field_list_under_underlined_titles() {
        // `:Label: value` fields under titles underlined with `=`; targets
        // given inline under the goals' list.
        let text = "Institutional Information\n\n\
                    :Country: Ghana\n:Organisation: Tamale Metropolitan Assembly\n\n\
                    Character of the project\n========================\n\n\
                    :Run by a public body: Yes\n\n\
                    Entry group\n===========\n\n\
                    :Group entered: Promoting integrated mechanisms for sustainable development\n\n\
                    Global goals\n============\n\n\
                    :Linked to the global goals: Yes\n\
                    :Goals served:\n   - 6 Clean Water and Sanitation\n\
                    :目标编号: 6.1, 6.b\n";
        let form = parsed(text);
        let field = |key: &str| field_of(&form, key);
        let value = |key: &str| field(key).and_then(|f| f.value).map(|v| &text[v.range()]);
        assert_eq!(value("field.member_state"), Some("Ghana"));
        assert_eq!(value("field.public_sector"), Some("Yes"));
        assert_eq!(value("field.category"), Some("Promoting integrated mechanisms for sustainable development"));
        assert_eq!(form.basic.iter().map(|q| q.number).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(value("field.sdg_targets"), Some("6.1, 6.b"));
        // The underlines and the fields' colons are marks, not lines unread.
        assert!(form.stray.is_empty() && form.basic.iter().all(|q| q.unknown.is_empty()), "{:?}", form.stray);
        // Every bracketed goal is a value, from the first bracket on.
        assert_eq!(unbracketed_separator("主要目标「目标3 健康」「目标4 教育"), Some((12, 15)));
    }

    #[test]
    fn a_table_drawn_with_box_lines() {
        let text = "Institutional Information\n\n\
                    ┌──────────────┬──────────────────────────────┐\n\
                    │ Country      │ Ghana                        │\n\
                    ├──────────────┼──────────────────────────────┤\n\
                    │ Organisation │ Tamale Metropolitan Assembly │\n\
                    │ Website of Institution │                    │\n\
                    └──────────────┴──────────────────────────────┘\n\n\
                    Question 3: Sustainable Development Goals\n\n\
                    +--------------+------------------------------+\n\
                    | Relevant to any of the 17 SDG(s)? | Yes     |\n\
                    | Goals served | Goal 6: Clean Water          |\n\
                    |              | Goal 11: Sustainable Cities  |\n\
                    +--------------+------------------------------+\n";
        let form = parsed(text);
        let field = |key: &str| field_of(&form, key);
        let value = |key: &str| field(key).and_then(|f| f.value).map(|v| &text[v.range()]);
        assert_eq!(value("field.member_state"), Some("Ghana"));
        assert_eq!(value("field.institution_name"), Some("Tamale Metropolitan Assembly"));
        assert_eq!(value("field.website"), None);
        let goals = field("field.sdgs").map(|f| {
            f.value.into_iter().chain(f.items.iter().map(|i| i.span)).map(|v| &text[v.range()]).collect::<Vec<_>>()
        });
        assert_eq!(goals, Some(vec!["Goal 6: Clean Water", "Goal 11: Sustainable Cities"]));
        assert!(form.stray.is_empty() && form.basic.iter().all(|q| q.unknown.is_empty()), "{:?}", form.stray);
        assert!(!rule_line("| a | b |") && rule_line("|---|:--:|") && rule_line("├──┼──┤"));
    }

    #[test]
    fn values_in_guillemets_and_help_texts_after_values() {
        let text = "Institutional Information\n\n\
                    Pays d’accueil « Ghana »\n\
                    Nom complet de l’organisme « Tamale Metropolitan Assembly »\n\
                    机构官方网址：https://tama.gov.gh  （以https://开头）\n";
        let form = parsed(text);
        let value =
            |key: &str| form.institution.iter().find(|f| f.key == key).and_then(|f| f.value).map(|v| &text[v.range()]);
        assert_eq!(value("field.member_state"), Some("Ghana"));
        assert_eq!(value("field.institution_name"), Some("Tamale Metropolitan Assembly"));
        assert_eq!(value("field.website"), Some("https://tama.gov.gh"));
        assert!(form.chrome.iter().any(|m| m.key == HELP_TEXT && &text[m.at.span.range()] == "（以https://开头）"));
        // A bracket that is the value's own, or not set off, stays.
        assert_eq!(trailing_help("Type: Government (Local)"), None);
        assert_eq!(trailing_help("Category  (one only)"), None);
        assert_eq!(trailing_help("Type: Local  (one only)"), Some(13));
    }

    #[test]
    fn values_typed_into_input_boxes_under_barred_titles() {
        // A filled web form printed as text: each value in a spaced box,
        // list items in boxes of their own, an empty box for a field left
        // blank, and each section's title after a heading's bar.
        let text = "Datos de la entidad\n\n\
                    País sede [ Ghana ]\n\
                    Entidad [ Tamale Metropolitan Assembly ]\n\n\
                    ▍ Carácter\n\n\
                    ¿Lo gestiona un organismo público? (•) sí ( ) no\n\n\
                    ▍ Premio\n\n\
                    Categoría elegida [ Promoting integrated mechanisms for sustainable development ]\n\n\
                    ▍ Agenda 2030\n\n\
                    ¿Guarda relación con la Agenda 2030? (•) sí ( ) no\n\
                    Metas a las que apunta\n\
                    [ 11 – Ciudades y comunidades sostenibles ]\n\
                    [ 6 – Agua limpia y saneamiento ]\n\
                    Metas concretas [  ]\n\
                    Comentario [  ]\n\n\
                    ▍ Puesta en marcha\n\n\
                    ¿Lleva dos años o más? (•) sí ( ) no\n\
                    Fecha de inicio [ 2019-03-01 ]\n";
        let form = parsed(text);
        let value = |key: &str| field_of(&form, key).and_then(|f| f.value).map(|v| &text[v.range()]);
        assert_eq!(value("field.member_state"), Some("Ghana"));
        assert_eq!(value("field.institution_name"), Some("Tamale Metropolitan Assembly"));
        let titles: Vec<&str> = form.basic.iter().filter_map(|q| q.title).map(|t| &text[t.range()]).collect();
        assert_eq!(titles, ["Carácter", "Premio", "Agenda 2030", "Puesta en marcha"]);
        assert_eq!(value("field.public_sector"), Some("(•) sí ( ) no"));
        assert_eq!(value("field.category"), Some("Promoting integrated mechanisms for sustainable development"));
        let goals = field_of(&form, "field.sdgs").expect("the goals");
        let items: Vec<&str> = goals.items.iter().map(|l| &text[l.span.range()]).collect();
        assert_eq!(items, ["11 – Ciudades y comunidades sostenibles", "6 – Agua limpia y saneamiento"]);
        // An empty box leaves its field empty; the next label is no value.
        let targets = field_of(&form, "field.sdg_targets").expect("the targets");
        assert_eq!((targets.value, targets.items.len()), (None, 0));
        assert_eq!(value("field.implemented_two_years_or_more"), Some("(•) sí ( ) no"));
        assert_eq!(value("field.implementation_date"), Some("2019-03-01"));
        // Boxes of a row of checkboxes, and a checkbox's brackets, are no
        // input box.
        assert_eq!(input_box("Entidad [ Tamale ]"), Some("Entidad ".len()));
        assert_eq!(input_box("[ 6 – Agua ]"), Some(0));
        assert_eq!(input_box("Sí [x] No [ ]"), None);
        assert_eq!(input_box("Sí [x]"), None);
        assert_eq!(input_box("[ ]"), None);
    }

    #[test]
    fn values_quoted_after_an_equals_sign() {
        // A form's fields dumped as attributes: each value quoted after an
        // equals sign, a list's label printed again with each of its items,
        // and empty quotes for a field left blank.
        let text = "Profil\n\n\
                    Land des Sitzes=\"Ghana\"\n\
                    Entidad=\"Tamale Metropolitan Assembly\"\n\n\
                    ■ Objetivos de Desarrollo Sostenible\n\
                    ¿Vinculada a los ODS?=\"sí\"\n\
                    Objetivos elegidos=\"6 – Agua limpia y saneamiento\"\n\
                    Objetivos elegidos=\"11 – Ciudades y comunidades sostenibles\"\n\
                    Metas=\"\"\n";
        let form = parsed(text);
        let value = |key: &str| field_of(&form, key).and_then(|f| f.value).map(|v| &text[v.range()]);
        assert_eq!(value("field.member_state"), Some("Ghana"));
        assert_eq!(value("field.institution_name"), Some("Tamale Metropolitan Assembly"));
        assert_eq!(value("field.sdg_relevant"), Some("sí"));
        let goals = field_of(&form, "field.sdgs").expect("the goals");
        let items: Vec<&str> = goals.items.iter().map(|l| &text[l.span.range()]).collect();
        assert_eq!(goals.value.map(|v| &text[v.range()]), Some("6 – Agua limpia y saneamiento"));
        assert_eq!(items, ["11 – Ciudades y comunidades sostenibles"]);
        let targets = field_of(&form, "field.sdg_targets").expect("the targets");
        assert_eq!((targets.value, targets.items.len()), (None, 0));
        assert_eq!(quoted_assignment("Name=\"x\""), Some(4));
        assert_eq!(quoted_assignment("He said \"x\""), None);
    }

    #[test]
    fn labels_underlined_over_their_values_under_boxed_titles() {
        // Each label underlined with its value under the rule, sections
        // boxed and numbered in Roman numerals, questions underlined.
        let text = "Nomination record\n\n\
                    Member State\n------------\nKenya\n\n\
                    Institution Name\n----------------\nNairobi City County\n\n\
                    Institution Type as registered\n------------------------------\nCounty government\n\n\
                    +------------------------+\n| I. Public character |\n+------------------------+\n\n\
                    Run by the public sector\n------------------------\nyes\n\n\
                    +------------------------+\n| II. Award sought |\n+------------------------+\n\n\
                    Category entered for the award\n------------------------------\n\
                    Promoting integrated mechanisms for sustainable development\n\n\
                    +------------------------+\n| III. Global goals |\n+------------------------+\n\n\
                    Bears on the SDGs\n-----------------\nyes\n\n\
                    +------------------------+\n| IV. Start |\n+------------------------+\n\n\
                    In place two years or more\n--------------------------\nyes\n\n\
                    +------------------------+\n| V. Partners |\n+------------------------+\n\n\
                    A UN body took part\n-------------------\nno\n\n\
                    Question 1\n==========\n\n\
                    Describe the project. (300 words at most)\nThe county opened six service desks.\n";
        let form = parsed(text);
        // Each value stands under its label.
        let value = |key: &str| {
            field_of(&form, key)
                .and_then(|f| f.value.or_else(|| f.items.first().map(|i| i.span)))
                .map(|v| &text[v.range()])
        };
        assert_eq!(value("field.member_state"), Some("Kenya"));
        assert_eq!(value("field.institution_name"), Some("Nairobi City County"));
        // The label runs past the catalog's `Institution Type` to its rule.
        let kind = field_of(&form, "field.institution_type").expect("the institution type");
        assert_eq!(&text[kind.label_full.range()], "Institution Type as registered");
        assert_eq!(value("field.institution_type"), Some("County government"));
        let numbers: Vec<u32> = form.basic.iter().map(|q| q.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        assert_eq!(value("field.public_sector"), Some("yes"));
        assert_eq!(value("field.category"), Some("Promoting integrated mechanisms for sustainable development"));
        assert_eq!(value("field.sdg_relevant"), Some("yes"));
        assert_eq!(value("field.un_involved"), Some("no"));
        // The question's underline is no prompt.
        let part = &form.questions[0].parts[0];
        assert_eq!(&text[part.prompt.range()], "Describe the project. (300 words at most)");
        assert_eq!(part.word_limit, Some(300));
    }

    #[test]
    fn a_short_label_closed_by_its_colon_over_a_country_opens_the_form() {
        // No heading the catalog knows above it: a short label alone,
        // closed by its colon, over a country's name is the member state,
        // and the labels under it are the institution's.
        let text = "受理信息\n\n国别：\n　　肯尼亚\n\n机构名称：\n　　Nairobi City County\n\n\
                    机构网站：\n　　https://nairobi.go.ke\n";
        let form = parsed(text);
        let value = |key: &str| {
            field_of(&form, key)
                .and_then(|f| f.value.or_else(|| f.items.first().map(|i| i.span)))
                .map(|v| &text[v.range()])
        };
        assert_eq!(value("field.member_state"), Some("肯尼亚"));
        assert_eq!(value("field.institution_name"), Some("Nairobi City County"));
        assert_eq!(value("field.website"), Some("https://nairobi.go.ke"));
    }

    #[test]
    fn a_label_over_its_value_indented_deeper_is_all_label() {
        // An outline prints each label over its value indented deeper: the
        // words after a wording the catalog knows are the label's, not a
        // value.
        let text = "Сведения\n\n  Государство-член\n      Кения\n  Название учреждения\n      Nairobi City County\n\n\
                    Вопрос 1: Об инициативе\n\n  Инициатива государственного сектора\n      да\n\n\
                    Вопрос 2: Категории\n\n  Категория UNPSA, выбранная заявителем\n\
                    \x20     Promoting integrated mechanisms for sustainable development\n";
        let form = parsed(text);
        let category = field_of(&form, "field.category").expect("the category");
        assert_eq!(&text[category.label_full.range()], "Категория UNPSA, выбранная заявителем");
        let value = category.value.or_else(|| category.items.first().map(|i| i.span)).map(|v| &text[v.range()]);
        assert_eq!(value, Some("Promoting integrated mechanisms for sustainable development"));
    }

    #[test]
    fn a_label_padded_to_its_value_s_column() {
        let text = "عن الجهة\n\nالبلد                    غانا\nاسم الجهة                Tamale Metropolitan Assembly\n\
                    الموقع الإلكتروني        https://tama.gov.gh\n";
        let form = parsed(text);
        let value =
            |key: &str| form.institution.iter().find(|f| f.key == key).and_then(|f| f.value).map(|v| &text[v.range()]);
        assert_eq!(value("field.member_state"), Some("غانا"));
        assert_eq!(value("field.institution_name"), Some("Tamale Metropolitan Assembly"));
        // Two blanks are a typing slip, not a column.
        assert_eq!(separator_split("Dangjin  City"), None);
        assert_eq!(
            separator_split("Country    Ghana"),
            Some(("Country".len(), "Country    ".len().."Country    Ghana".len()))
        );
    }

    #[test]
    fn sections_titled_after_a_symbol_are_numbered_in_their_order() {
        let text = "Institutional Information\n\nMember State: Ghana\nInstitution Name: Tamale Assembly\n\n\
                    ◆ Public character\n\nIs this a public sector initiative? Yes\n\n\
                    ◆ Award category\n\nIs the initiative relevant to one of the UNPSA categories? \
                    Promoting integrated mechanisms for sustainable development\n\n\
                    ◆ Goals\n\nIs the initiative relevant to any of the 17 SDG(s)? Yes\n\n\
                    ◆ Start\n\nHas the initiative been implemented for two or more years? Yes\n\n\
                    ◆ Partners\n\nHas the United Nations or any UN agencies been involved in this initiative? No\n";
        let form = parsed(text);
        let numbers: Vec<u32> = form.basic.iter().map(|q| q.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        let title = form.basic[1].title.map(|t| &text[t.range()]);
        assert_eq!(title, Some("Award category"));
        // A bulleted list's items are no sections: they share a paragraph,
        // or say more than a title does.
        assert_eq!(symbol_title("◆ Award category"), Some(('◆', "◆ ".len())));
        assert_eq!(symbol_title("◆ Country: Ghana"), None);
        assert_eq!(symbol_title("■ The council met twice a year."), None);
    }

    #[test]
    fn a_label_in_two_languages_over_its_value_is_all_label() {
        let text = "Informations générales / General information\n\n\
                    Pays / Country\nRépublique de Corée\n\
                    Nom de l’entité / Entity name\nSejong City\n\
                    Nature de l’entité / Kind of entity\nAdministration municipale\n\
                    Échelon administratif / Tier of administration\nMunicipal\n\
                    Intitulé du projet / Project title\nSejong Open Data Portal\n\n\
                    Question 1 : L’initiative\n\nS’agit-il d’une initiative du secteur public ? Oui\n";
        let form = parsed(text);
        let value = |key: &str| {
            let field = form.institution.iter().find(|f| f.key == key)?;
            field.value.or_else(|| field.items.first().map(|i| i.span)).map(|v| &text[v.range()])
        };
        assert_eq!(value("field.institution_name"), Some("Sejong City"));
        assert_eq!(value("field.institution_type"), Some("Administration municipale"));
        assert_eq!(value("field.administrative_level"), Some("Municipal"));
        assert_eq!(value("field.initiative_name"), Some("Sejong Open Data Portal"));
        assert_eq!(value("field.department_type"), None);
        // A value of a telling kind after the slash's second wording stays
        // the line's value (`UN / UN agency involvement? No`).
        assert!(second_wording(" / Level of government"));
        assert!(second_wording("visée / Award category"));
        assert!(!second_wording("Dangjin City / 당진시"));
    }

    #[test]
    fn yes_and_no_as_words_ticks_and_marks() {
        for (v, want) in [
            ("Yes [✔]", Some(true)),
            ("No (✔)", Some(false)),
            ("Sí （√）", Some(true)),
            ("[ ✔ ] Да", Some(true)),
            ("Maybe [✔]", None),
            ("Yes", Some(true)),
            ("Non.", Some(false)),
            ("是。", Some(true)),
            ("Да ✓", Some(true)),
            ("Нет ✓", Some(false)),
            ("Sí [X]", Some(true)),
            ("☑ لا", Some(false)),
            ("√", Some(true)),
            ("×", Some(false)),
            ("Maybe", None),
            ("[X]", None),
            // Both options printed, the filled box says which.
            ("Oui ☒ Non ☐", Some(true)),
            ("Oui ☐ Non ☒", Some(false)),
            ("■是 □否", Some(true)),
            ("□是 ■否", Some(false)),
            ("(•) Sí ( ) No", Some(true)),
            ("Oui ☒ Non ☒", None),
            ("Oui ☐ Non ☐", None),
            // A bracketed word, alone or after its initial.
            ("[Yes]", Some(true)),
            ("(No)", Some(false)),
            ("Y (Yes)", Some(true)),
            ("N (No)", Some(false)),
            ("X (Yes)", None),
            // A tick in brackets after the word; the word in two languages.
            ("Да [+]", Some(true)),
            ("Yes/Oui", Some(true)),
            ("No / Non", Some(false)),
            ("Yes/Non", None),
            // Codes, spaced boxes, Chinese brackets, a word glossed in
            // another language, Wingdings boxes left as letters.
            ("Oui (1)", Some(true)),
            ("Non (0)", Some(false)),
            ("Sí ( X )", Some(true)),
            ("【否】", Some(false)),
            ("Да (ҳа)", Some(true)),
            ("Sí – X", Some(true)),
            ("þ Oui ¨ Non", Some(true)),
            ("¨ Oui þ Non", Some(false)),
            // A box's state, a statement judged true or false, a language's
            // initials (`O`/`N` in French, `Д`/`Н` in Russian).
            ("Checked", Some(true)),
            ("Unchecked", Some(false)),
            ("Верно", Some(true)),
            ("Неверно", Some(false)),
            ("صح", Some(true)),
            ("错", Some(false)),
            ("O", Some(true)),
            ("Н", Some(false)),
        ] {
            assert_eq!(yes_no(v), want, "{v}");
        }
        // The label ends where the choice starts (`Réponse` reads as the
        // label's).
        for (line, value) in [
            ("L’initiative a-t-elle reçu d’autres prix ? Réponse négative", "négative"),
            ("CARACTÈRE PUBLIC : Oui ☒ Non ☐", "Oui ☒ Non ☐"),
            ("本项目是否属于公共部门项目？ ■是 □否", "■是 □否"),
            ("Is the initiative public? [Yes]", "[Yes]"),
            ("The initiative is public: Y (Yes)", "Y (Yes)"),
            ("Public sector initiative?\u{3000}Yes/Oui", "Yes/Oui"),
            ("Réponse\u{a0}Y\u{3000}(Yes)", "Y\u{3000}(Yes)"),
        ] {
            let r = ending_keyword(line, "value").unwrap_or_else(|| panic!("{line}"));
            assert_eq!(&line[r], value);
        }
    }

    #[test]
    fn page_numbers_and_the_running_title_are_page_furniture() {
        for (line, page) in [
            ("Page 2 of 9", true),
            ("Página 2 de 9", true),
            ("Стр. 3", true),
            ("صفحة 4 من 9", true),
            ("第2页 共9页", true),
            ("Page 2/9", true),
            ("Page 2 of the report", false),
            ("Question 2 of 12", false),
            ("2 of 9", false),
        ] {
            assert_eq!(page_number(line), page, "{line}");
        }
        let text = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\nPage 1 of 3\n\
                    Nomination Form of the Awards\n\nNomination form\n\nQuestion 1\n\nPlease describe it. (150 words maximum)\n\
                    Page 2 of 3\nNomination Form of the Awards\n\nIt is new.\n\nQuestion 2\n\nPlease explain. (100 words maximum)\n\
                    Because.\n\nPage 3 of 3\nNomination Form of the Awards";
        let lines = crate::lines(text);
        let furniture: Vec<usize> = {
            let mut v: Vec<usize> = page_furniture(text, &lines).into_iter().collect();
            v.sort_unstable();
            v
        };
        assert_eq!(furniture, [5, 6, 13, 14, 23, 24]);
        let form = parsed(text);
        let parts: Vec<(u32, Option<u32>, usize)> = form
            .questions
            .iter()
            .flat_map(|q| q.parts.iter().map(move |p| (q.number, p.word_limit, p.answer.len())))
            .collect();
        assert_eq!(parts, [(1, Some(150), 1), (2, Some(100), 1)]);
        assert_eq!(form.chrome.iter().filter(|c| c.key == PAGE_FURNITURE).count(), 6);
    }

    #[test]
    fn a_value_cut_by_a_mail_clients_wrap_goes_on_below() {
        // Prose filled to 69 characters, as a mail client wraps it.
        let filler = "The city council approved the new transparency programme after a long\n".repeat(12);
        let text = format!(
            "Institution Information\n\nMember State Republic of Korea\nInstitution Name Dangjin City\n\
             Name of initiative Dangjin Sustainable Development Basic and\nImplementation Plans\n\
             Website of Institution http://www.dangjin.go.kr\n\nQuestion 1: About the Initiative\n\n\
             Is this a public sector initiative? Yes\n\n{filler}"
        );
        let lines = crate::lines(&text);
        assert_eq!(wrap_width(&text, &lines), Some(69));
        let form = parsed(&text);
        let name = form.institution.iter().find(|f| f.key == "field.initiative_name").expect("the initiative's name");
        let words: Vec<&str> =
            name.value.iter().chain(name.items.iter().map(|i| &i.span)).map(|s| &text[s.range()]).collect();
        assert_eq!(words, ["Dangjin Sustainable Development Basic and", "Implementation Plans"]);
        // Not wrapped: a line longer than any mail client's width.
        let long = format!("{text}{}\n", "word ".repeat(30));
        assert_eq!(wrap_width(&long, &crate::lines(&long)), None);
    }

    #[test]
    fn parts_numbered_by_a_digit_and_a_full_stop_or_after_the_questions_number() {
        // `1.` opens a part right under its heading, or before a prompt with
        // its word limit; an answer's own list stays the answer.
        let text = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\nNomination form\n\n\
                    问题九\n\n1. 倡议是否经过正式评估\n是（√）\n2. 评估方式（不多于100字）\nIt was.\n1. First step\n2. Second step";
        let parts = |form: &Form| -> Vec<(u32, Option<char>, usize)> {
            form.questions
                .iter()
                .flat_map(|q| q.parts.iter().map(move |p| (q.number, p.letter, p.answer.len())))
                .collect()
        };
        assert_eq!(parts(&parsed(text)), [(9, Some('a'), 1), (9, Some('b'), 3)]);
        // `Q3a.`: the part's letter after the heading's letter and number.
        let questions: String = (1..=5)
            .map(|n| {
                format!(
                    "Q{n}/5\n\nQ{n}a. Which ones? (200 words at most)\nThese.\nQ{n}b. How? (100 words at most)\nSo.\n\n"
                )
            })
            .collect();
        let text = format!(
            "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\nNomination form\n\n{questions}"
        );
        let want: Vec<(u32, Option<char>, usize)> =
            (1..=5).flat_map(|n| [(n, Some('a'), 1), (n, Some('b'), 1)]).collect();
        assert_eq!(parts(&parsed(&text)), want);
    }

    #[test]
    fn a_goal_numbered_between_the_ordinal_sign_and_the_counter() {
        assert_eq!(
            goal_number(&nomina_refdata::fold("可持续发展目标第16项：和平、正义且强大的机构")).map(|g| g.0),
            Some(16)
        );
        assert_eq!(yes_no("否（√）"), Some(false));
    }

    #[test]
    fn a_prompt_hard_wrapped_keeps_its_word_limit() {
        // The limit cut across the break, and a prompt over three lines.
        let text = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\nNomination form\n\n\
                    Question 1\n\nPlease describe the initiative and the problem it addresses in the (no more than\n\
                    300 words)\nIt is new.\nIt works.\n\nQuestion 2\n\na) Please explain how the initiative relates to\n\
                    the category and to the goals it serves in the country or\nregion. (100 words maximum)\nBecause.";
        let form = parsed(text);
        let parts: Vec<(Option<u32>, usize)> =
            form.questions.iter().flat_map(|q| &q.parts).map(|p| (p.word_limit, p.answer.len())).collect();
        assert_eq!(parts, [(Some(300), 2), (Some(100), 1)]);
        // An answer whose first lines close no limit stays the answer.
        let text = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\nNomination form\n\n\
                    Question 1\n\nPlease describe the initiative.\nIt is new.\nIt works (see the 2019 report)";
        let form = parsed(text);
        assert_eq!((form.questions[0].parts[0].word_limit, form.questions[0].parts[0].answer.len()), (None, 2));
    }

    #[test]
    fn parts_numbered_by_a_digit_and_the_ordinal_sign() {
        assert_eq!(numbered_part_marker("1° Pour quels ODD"), Some(('a', 4)));
        assert_eq!(numbered_part_marker("2º Qu’est-ce qui"), Some(('b', 4)));
        assert_eq!(numbered_part_marker("0° Nothing"), None);
        assert_eq!(numbered_part_marker("30° Celsius"), None);
    }

    #[test]
    fn headings_numbered_by_an_ordinal_word_alone() {
        let found = |s: &str| bare_ordinal_heading_shape(s).map(|(k, n, end)| (k, n, s[end..].trim().to_string()));
        assert_eq!(found("أولاً - المبادرة"), Some(("ordinal#".into(), 1, "المبادرة".into())));
        assert_eq!(found("ثانياً: فئات الجائزة"), Some(("ordinal#".into(), 2, "فئات الجائزة".into())));
        assert_eq!(found("حادي عشر - الموافقة"), Some(("ordinal#".into(), 11, "الموافقة".into())));
        for line in ["First, the city built a plant", "أولاً", "Second place went to the city", "ثانياً -"] {
            assert_eq!(found(line), None, "{line}");
        }
    }

    #[test]
    fn headings_numbered_by_a_heavenly_stem() {
        let found = |s: &str| stem_heading_shape(s).map(|(k, n, end)| (k, n, s[end..].trim().to_string()));
        assert_eq!(found("甲部：計劃性質"), Some(("#stem部".into(), 1, "計劃性質".into())));
        assert_eq!(found("癸部：同意核實"), Some(("#stem部".into(), 10, "同意核實".into())));
        assert_eq!(found("丙、可持续发展目标"), Some(("#stem".into(), 3, "可持续发展目标".into())));
        assert_eq!(found("乙部"), Some(("#stem部".into(), 2, String::new())));
        assert_eq!(found("C部分：可持续发展目标"), Some(("#stem部分".into(), 3, "可持续发展目标".into())));
        for line in ["甲醛超标问题严重", "甲", "Part A", "A: yes", "ABC公司"] {
            assert_eq!(found(line), None, "{line}");
        }
    }

    #[test]
    fn headings_numbered_by_a_roman_numeral_after_a_word() {
        let found = |s: &str| roman_heading_shape(s).map(|(k, n, end)| (k, n, s[end..].trim().to_string()));
        assert_eq!(found("Раздел IV. Партнеры"), Some(("раздел#roman".into(), 4, "Партнеры".into())));
        assert_eq!(found("Section II – Categories"), Some(("section#roman".into(), 2, "Categories".into())));
        assert_eq!(found("Part I"), Some(("part#roman".into(), 1, String::new())));
        for line in ["Раздел IIII. x", "Section IVa", "Part iv", "World War II ended", "Section 2"] {
            assert_eq!(found(line), None, "{line}");
        }
        // A letter that is also a numeral counts either way; the run from 1
        // decides: `Раздел I.` ... `Раздел V.` are the first five questions.
        let text = (1..=6)
            .map(|n| {
                format!("Раздел {}. Title {n}\n\nBody of section {n}.\n", ["I", "II", "III", "IV", "V", "VI"][n - 1])
            })
            .collect::<String>();
        let lines = crate::lines::lines(&text);
        let schemes = heading_schemes(&text, &lines, &FxHashSet::default());
        let mut numbers: Vec<u32> = schemes.values().map(|h| h.number).collect();
        numbers.sort_unstable();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn a_question_number_may_end_in_a_short_tail_in_lower_case() {
        for (line, number, end) in [("Punto 4 del formulario", 4, 22), ("Раздел 2 анкеты", 2, 27)] {
            assert_eq!(heading_shape(line).map(|(_, n, end)| (n, end)), Some((number, end)), "{line}");
        }
        for line in ["Punto 4 Datos de la entidad", "Punto 4 fue omitido por la entidad este año"] {
            assert!(heading_shape(line).is_none(), "{line}");
        }
    }

    #[test]
    fn an_ordinal_ending_glued_to_a_heading_number_belongs_to_the_number() {
        // Shapes found by their numbering.
        for (line, number, title) in [("Punto 3.º", 3, ""), ("Rubrique 2e : Partenaires", 2, "Partenaires")] {
            let (_, n, end) = heading_shape(line).expect(line);
            assert_eq!((n, line[end..].trim()), (number, title), "{line}");
        }
        // Headings the catalog's question word opens.
        for (line, number, expected) in
            [("Вопрос 4-й", 4, None), ("Pregunta 2.ª: Socios del proyecto", 2, Some("Socios del proyecto"))]
        {
            let found = heading_match(line).expect(line);
            let title = found.title.map(|t| match t {
                Title::Found { span, .. } | Title::TooLong(span) => line[span.range()].to_string(),
            });
            assert_eq!((found.number, title.as_deref()), (number, expected), "{line}");
        }
    }

    #[test]
    fn headings_numbered_in_other_ways() {
        fn shape(s: &str) -> Option<(String, u32, &str)> {
            heading_shape(s)
                .or_else(|| numeric_ordinal_heading_shape(s))
                .or_else(|| bare_heading_shape(s))
                .map(|(k, n, end)| (k, n, &s[end..]))
        }
        let found = |s: &str| shape(s).map(|(_, n, rest)| (n, rest.trim().to_string()));
        for (line, number, title) in [
            ("1) Initiative", 1, "Initiative"),
            ("10.0 Consent for verification", 10, "Consent for verification"),
            ("Вопрос анкеты № 3", 3, ""),
            ("Вопрос #7 (необязательный)", 7, ""),
            ("Question 2 (of 12)", 2, ""),
            ("Section 1 · Initiative overview", 1, "Initiative overview"),
            ("IV. Партнёры", 4, "Партнёры"),
            ("三、可持续发展目标", 3, "可持续发展目标"),
            ("一．倡议简介", 1, "倡议简介"),
            ("2 - Which category?", 2, "Which category?"),
            ("(3) SDGs", 3, "SDGs"),
            ("【4】实施日期", 4, "实施日期"),
            ("#7", 7, ""),
            ("§ 2", 2, ""),
            ("السؤال (3)", 3, ""),
            ("Question No. 3 of 12", 3, ""),
            ("Partie 9/10 – Comment avez-vous connu le Prix ?", 9, "Comment avez-vous connu le Prix ?"),
            ("Шаг 2 из 10: Категория", 2, "Категория"),
            ("2nd Question", 2, ""),
            ("1-й вопрос", 1, ""),
            // A slash closing the number before a blank.
            ("2/ Catégorie", 2, "Catégorie"),
            // A full-width bar after the number.
            ("板块1｜关于本倡议", 1, "关于本倡议"),
            // The Spanish ordinal indicator after a full stop.
            ("4.ª pregunta", 4, ""),
            ("2.º apartado: Socios", 2, "Socios"),
            ("第一部分 关于本倡议", 1, "关于本倡议"),
            ("第3个问题", 3, ""),
            ("Part 2 | Award category", 2, "Award category"),
            ("PART C – SDGs", 3, "SDGs"),
            ("Primera pregunta — Categorías", 1, "Categorías"),
            ("Question Ten: Consent", 10, "Consent"),
            // The abbreviated word for a question, a slash closing its number.
            ("س1/", 1, ""),
            ("Q4/ Partners", 4, "Partners"),
            // A full stop between the number and its first part's letter.
            ("3.a) ¿Con qué ODS colabora? (máx. 200 palabras)", 3, "a) ¿Con qué ODS colabora? (máx. 200 palabras)"),
        ] {
            assert_eq!(found(line), Some((number, title.to_string())), "{line}");
        }
        // A numbered item that asks and answers, a target, sums and dates,
        // a sentence: no heading.
        for line in [
            "1. Has the initiative submitted an application? No",
            "16.7 Ensure responsive",
            "1.6 billion",
            "2017-11-01",
            "3) The city built a new plant in the north.",
            "1.0 billion dollars were spent.",
            "ص12/3 ملحق",
        ] {
            assert_eq!(found(line), None, "{line}");
        }
        // The suffix of a numeric ordinal is not the shape's.
        assert_eq!(shape("1st Question").map(|x| x.0), shape("2nd Question").map(|x| x.0));
    }

    #[test]
    fn bare_numbers_head_questions_only_in_a_run_and_count_for_no_form() {
        let text = "1) Basics\n\n2) Category\n\n3) SDGs\n\n4) Date\n\n5) Partners\n\n1) Elsewhere";
        let lines = crate::lines(text);
        let found = heading_schemes(text, &lines, &FxHashSet::default());
        assert_eq!(found.len(), 6);
        assert!(found.values().all(|h| h.bare));
        // Four of them make no run.
        let short = "1) Basics\n\n2) Category\n\n3) SDGs\n\n4) Date";
        assert!(heading_schemes(short, &crate::lines(short), &FxHashSet::default()).is_empty());
        // A page of numbered paragraphs is no form for its numbering alone.
        assert_eq!(parse_form(text, &lines).err(), Some(0));
    }

    #[test]
    fn marks_between_a_label_and_its_value() {
        fn split(s: &str) -> Option<(&str, &str)> {
            separator_split(s).map(|(l, v)| (&s[..l], &s[v]))
        }
        for (line, label, value) in [
            ("Country: Republic of Korea", "Country", "Republic of Korea"),
            ("所在会员国：韩国", "所在会员国", "韩国"),
            ("Which country?\tSouth Korea", "Which country?", "South Korea"),
            ("Имя — Dangjin City", "Имя", "Dangjin City"),
            ("Pays ..... Corée du Sud", "Pays", "Corée du Sud"),
            ("Nation (UN member) -- Korea (ROK)", "Nation (UN member)", "Korea (ROK)"),
            ("Nombre · Dangjin City", "Nombre", "Dangjin City"),
            ("【会员国】大韩民国", "【会员国】", "大韩民国"),
            ("单位名称\u{3000}Dangjin City", "单位名称", "Dangjin City"),
            ("Website: http://www.dangjin.go.kr", "Website", "http://www.dangjin.go.kr"),
        ] {
            assert_eq!(split(line), Some((label, value)), "{line}");
        }
        for line in ["http://www.dangjin.go.kr", "Opened at 10:30 today", "Member State Republic of Korea", "-5"] {
            assert_eq!(split(line), None, "{line}");
        }
        assert_eq!(&"Name — Dangjin"[past_separator("Name — Dangjin", 4)..], "Dangjin");
        assert_eq!(&"Pays: Corée"[past_separator("Pays: Corée", 4)..], "Corée");
        assert_eq!(past_separator("Website http://x", 7), 7);
    }

    #[test]
    fn numbers_of_years_as_forms_write_them() {
        for value in ["5", "5 ans", "cinq (5) ans", "5(years)", "Five", "满5年", "5 yrs", "пять лет", "五年"]
        {
            assert!(is_number_of_years(value), "{value}");
        }
        for value in ["Dangjin City", "5 cities", "", "2017-11-01"] {
            assert!(!is_number_of_years(value), "{value}");
        }
    }

    #[test]
    fn institution_labels_set_off_by_a_mark_are_placed_by_their_words() {
        let text = "Basics\n\nWhich country?\tSouth Korea\nName of your organization\tDangjin City\n\
                    Kind of organization\tLocal government\nLevel of government\tLocal\n\
                    Name of the project\tDangjin Plan\nHow many years has it run?\t5\n\
                    Your organization's website\thttp://www.dangjin.go.kr\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n";
        let form = parsed(text);
        let fields: Vec<(&str, &str)> =
            form.institution.iter().map(|f| (f.key, f.value.map_or("", |v| &text[v.range()]))).collect();
        assert_eq!(
            fields,
            [
                ("field.member_state", "South Korea"),
                ("field.institution_name", "Dangjin City"),
                ("field.institution_type", "Local government"),
                ("field.administrative_level", "Local"),
                ("field.initiative_name", "Dangjin Plan"),
                ("field.operational_years", "5"),
                ("field.website", "http://www.dangjin.go.kr"),
            ]
        );
    }

    #[test]
    fn levels_named_among_other_words() {
        for (value, level) in [
            ("Local", "local"),
            ("Local authority level", "local"),
            ("Local government level", "local"),
            ("Municipal", "local"),
            ("Local level", "local"),
            ("基层地方", "local"),
            ("Национальный уровень", "national"),
        ] {
            assert_eq!(level_named(value), Some(level), "{value}");
        }
        for value in [
            "Local and national",
            "Dangjin City",
            "地方政府部门",
            "Government(Local)",
            "Government of the north region",
        ] {
            assert_eq!(level_named(value), None, "{value}");
        }
    }

    #[test]
    fn a_bracketed_number_opens_a_prompt_that_states_its_limit_or_asks() {
        fn head(s: &str) -> Option<(String, u32, &str, Option<char>)> {
            bracketed_prompt_head(s).map(|((shape, n, end), part)| (shape, n, &s[..end], part))
        }
        assert_eq!(head("[1] Summarize the initiative. (limit: 300 words)"), Some(("[#]".to_string(), 1, "[1]", None)));
        assert_eq!(
            head("[3.ii] What makes it sustainable? (limit: 100 words)"),
            Some(("[#]".to_string(), 3, "[3.ii]", Some('b')))
        );
        assert_eq!(head("[9.i] Has the initiative been evaluated?"), Some(("[#]".to_string(), 9, "[9.i]", Some('a'))));
        assert_eq!(head("(4c) Who benefited? (100 words)"), Some(("(#)".to_string(), 4, "(4c)", Some('c'))));
        // A reference or a footnote mark before prose is no question.
        assert_eq!(head("[2] Smith, J. (2019). Public service reform."), None);
        assert_eq!(head("[12] See the annex."), None);
    }

    #[test]
    fn a_bullet_before_a_label_is_set_aside() {
        assert_eq!(bullet_len("• Country — Korea"), Some("• ".len()));
        assert_eq!(bullet_len("- Goal 16"), Some(2));
        assert_eq!(bullet_len("-5 degrees"), None);
        assert_eq!(bullet_len("•"), None);
    }

    #[test]
    fn part_letters_in_four_scripts() {
        assert_eq!(part_letter('c'), Some('c'));
        assert_eq!(part_letter('в'), Some('c'));
        assert_eq!(part_letter('ج'), Some('c'));
        assert_eq!(part_letter('د'), Some('d'));
        assert_eq!(part_letter('Q'), Some('q'));
        assert_eq!(part_letter('Б'), Some('b'));
        assert_eq!(part_letter('二'), Some('b'));
        assert_eq!(part_letter('丙'), Some('c'));
        assert_eq!(part_letter('з'), None);
        assert_eq!(part_letter('八'), None);
    }

    fn parsed(text: &str) -> Form {
        parse_form(text, &crate::lines(text)).expect("a form").0
    }

    /// The first field of `key` in the institution block or a basic-info
    /// question.
    fn field_of<'f>(form: &'f Form, key: &str) -> Option<&'f Field> {
        form.institution.iter().chain(form.basic.iter().flat_map(|q| q.fields.iter())).find(|f| f.key == key)
    }

    #[test]
    fn a_parts_heading_the_text_ends_on_is_kept() {
        let text = "Member State Republic of Korea\nInstitution Name Dangjin City\nWebsite of Institution http://x.kr\n\n\
                    Question 1\n\nPlease describe it. (300 words maximum)\nIt helps.\n\nQuestion 2\n\na.";
        let form = parsed(text);
        let stray: Vec<&str> = form.stray.iter().map(|l| &text[l.span.range()]).collect();
        assert_eq!(stray, ["a."]);
    }

    #[test]
    fn a_box_opening_a_line_says_whether_it_is_ticked() {
        assert_eq!(leading_box("(•) 2. Favoriser"), Some((true, "(•) ".len())));
        assert_eq!(leading_box("☐ Охват"), Some((false, "☐ ".len())));
        assert_eq!(leading_box("( )"), None);
        assert_eq!(leading_box("Category"), None);
    }

    #[test]
    fn a_capital_letter_alone_heads_a_section_before_a_short_title() {
        assert_eq!(bare_letter_heading_shape("A. Public character"), Some(("#letter.".to_string(), 1, 2)));
        assert_eq!(bare_letter_heading_shape("D) Start of implementation"), Some(("#letter)".to_string(), 4, 2)));
        assert_eq!(bare_letter_heading_shape("A. This line ends a sentence."), None);
        assert_eq!(bare_letter_heading_shape("A.B. Smith"), None);
        assert_eq!(bare_letter_heading_shape("a. public character"), None);
    }

    #[test]
    fn a_word_limit_alone_under_its_prompt_is_the_prompts() {
        let text = "Member State Republic of Korea\nInstitution Name Dangjin City\nWebsite of Institution http://x.kr\n\n\
                    Question 1\n\nPrésentez le projet en quelques lignes.\nLimite : 300 mots\nIt helps.\n";
        let form = parsed(text);
        let part = &form.questions[0].parts[0];
        assert_eq!(part.word_limit, Some(300));
        let answer: Vec<&str> = part.answer.iter().map(|l| &text[l.span.range()]).collect();
        assert_eq!(answer, ["It helps."]);
    }

    #[test]
    fn a_lists_items_in_the_cell_beside_its_label_are_its_value() {
        let s = "ODS elegidos (Ctrl para varios)\tODS 16 (Paz); ODS 17 (Alianzas)";
        let (label, value) = split_by_kind(ValueKind::Goals, s).expect("a split");
        assert_eq!(&s[..label], "ODS elegidos (Ctrl para varios)");
        assert_eq!(&s[value.expect("a value")], "ODS 16 (Paz); ODS 17 (Alianzas)");
        let s = "Задачи: 16.7, 16.b";
        assert_eq!(split_by_kind(ValueKind::Targets, s).and_then(|(_, v)| v).map(|v| &s[v]), Some("16.7, 16.b"));
        // A cell of other words is no item.
        let s = "ODS elegidos\tVer abajo";
        assert_ne!(split_by_kind(ValueKind::Goals, s).and_then(|(_, v)| v).map(|v| &s[v]), Some("Ver abajo"));
    }

    #[test]
    fn a_date_run_into_its_label_splits_before_the_date() {
        let s = "实施开始日期（日/月/年）2017年11月1日";
        let (label_end, value) = split_by_kind_unseparated(ValueKind::Date, s).expect("a split");
        assert_eq!(&s[..label_end], "实施开始日期（日/月/年）");
        assert_eq!(&s[value.expect("a value")], "2017年11月1日");
    }

    #[test]
    fn a_saved_pages_table_gives_the_prompt_and_its_answer_one_row() {
        // `<th>` and `<td>` rendered with a tab between; the heading counts
        // the questions (`of 12`) and no blank line sets it off.
        let text = "Member State\tRepublic of Korea\nInstitution Name\tDangjin City\nWebsite of Institution\thttp://x.kr\n\n\
                    Nomination form\n\nQuestion 1 of 12\nSummarize the initiative. (up to 300 words)\tIt is an answer.\n\
                    Question 2 of 12\na. Which goals does it serve? (up to 200 words)\tGoal 16.\n\
                    b. What makes it sustainable? (up to 100 words)\tIts council.\n";
        let form = parsed(text);
        // Number, letter, limit, prompt and answer lines of each part.
        type Read<'a> = (u32, Option<char>, Option<u32>, &'a str, Vec<&'a str>);
        let parts: Vec<Read> = form
            .questions
            .iter()
            .flat_map(|q| {
                q.parts.iter().map(move |p| {
                    let answer = p.answer.iter().map(|l| &text[l.span.range()]).collect();
                    (q.number, p.letter, p.word_limit, &text[p.prompt.range()], answer)
                })
            })
            .collect();
        assert_eq!(
            parts,
            [
                (1, None, Some(300), "Summarize the initiative. (up to 300 words)", vec!["It is an answer."]),
                (2, Some('a'), Some(200), "Which goals does it serve? (up to 200 words)", vec!["Goal 16."]),
                (2, Some('b'), Some(100), "What makes it sustainable? (up to 100 words)", vec!["Its council."]),
            ]
        );
    }

    #[test]
    fn a_spreadsheet_of_the_questions_gives_a_part_a_row() {
        let answer = "The council of residents and officials meets every month to review the plan and its indicators.";
        let text = format!(
            "Member State | Republic of Korea\nInstitution Name | Dangjin City\nWebsite of Institution | http://www.dangjin.go.kr\n\n\
             No. | Part | Question | Words | Answer\n\
             1 | - | Briefly describe the initiative. | 300 | {answer}\n\
             3 | a | Which goals does it serve? | 200 | {answer}\n\
             3 | b | What makes it sustainable? | 100 | {answer}\n\
             4 | a | Which gap did it fill? | 200 | {answer}\nIt goes on here.\n"
        );
        let form = parsed(&text);
        let text = text.as_str();
        let parts: Vec<(u32, Option<char>, Option<u32>, &str)> = form
            .questions
            .iter()
            .flat_map(|q| q.parts.iter().map(move |p| (q.number, p.letter, p.word_limit, &text[p.prompt.range()])))
            .collect();
        assert_eq!(
            parts,
            [
                (1, None, Some(300), "Briefly describe the initiative."),
                (3, Some('a'), Some(200), "Which goals does it serve?"),
                (3, Some('b'), Some(100), "What makes it sustainable?"),
                (4, Some('a'), Some(200), "Which gap did it fill?"),
            ]
        );
        let last = &form.questions[2].parts[0].answer;
        let lines: Vec<&str> = last.iter().map(|l| &text[l.span.range()]).collect();
        assert_eq!(lines, [answer, "It goes on here."]);
        // The header row is the table's, not the form's.
        assert!(form.chrome.iter().any(|c| c.key == TABLE_HEADER && c.at.line == 5));
        assert!(form.stray.is_empty(), "{:?}", form.stray);
    }

    #[test]
    fn a_titled_heading_among_the_forms_questions_opens_one_of_them() {
        let text = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\n\
                    Nomination form\n\nQuestion 1: Innovation\n\nPlease describe it. (150 words maximum)\nIt is new.\n\n\
                    Question 2\n\nPlease explain. (100 words maximum)\nBecause.";
        let form = parsed(text);
        assert_eq!(form.basic.len(), 1);
        let numbers: Vec<u32> = form.questions.iter().map(|q| q.number).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(form.questions[0].parts[0].word_limit, Some(150));
        assert_eq!(form.questions[0].parts[0].answer.len(), 1);
    }

    /// Each question's number, and each part's letter, word limit and
    /// count of answer lines.
    fn outline(form: &Form) -> Vec<(u32, Option<char>, Option<u32>, usize)> {
        form.questions
            .iter()
            .flat_map(|q| q.parts.iter().map(move |p| (q.number, p.letter, p.word_limit, p.answer.len())))
            .collect()
    }

    #[test]
    fn a_parts_own_heading_opens_the_part_of_its_question() {
        // `Question 3(b)` on a line of its own, the prompt under it: part b
        // of question 3, not a second copy of question 3.
        let basic = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\n";
        let text = format!(
            "{basic}Question 1\nDescribe it. (limit: 300 words)\nIt began.\n\n\
             Question 2\nHow does it fit? (limit: 100 words)\nWell.\n\n\
             Question 3(a)\nWhich goals? (limit: 200 words)\nGoal 16.\n\n\
             Question 3(b)\nWhy is it sustainable? (limit: 100 words)\nIts budget.\n\n\
             Question 4\nWhat gap? (limit: 200 words)\nA gap.\n\n\
             Question 5\nAPARTADO A\nWhat steps? (limit: 300 words)\nSteps.\n\n\
             APARTADO B\nWhat obstacles? (limit: 100 words)\nNone.\n\n\
             Question 6\nWhat is new? (limit: 100 words)\nAll."
        );
        let form = parsed(&text);
        assert_eq!(
            outline(&form),
            [
                (1, None, Some(300), 1),
                (2, None, Some(100), 1),
                (3, Some('a'), Some(200), 1),
                (3, Some('b'), Some(100), 1),
                (4, None, Some(200), 1),
                (5, Some('a'), Some(300), 1),
                (5, Some('b'), Some(100), 1),
                (6, None, Some(100), 1)
            ]
        );
        assert_eq!(part_suffix("Question 3(a)"), Some(("Question 3".len(), 'a')));
        assert_eq!(part_suffix("Вопрос 4 (б):"), Some(("Вопрос 4".len(), 'b')));
        assert_eq!(part_suffix("Q5b"), Some(("Q5".len(), 'b')));
        // A capital glued to a number is a code, not a part (`Form 3B`).
        assert_eq!(part_suffix("Form 3B"), None);
        assert_eq!(part_heading_alone("APARTADO B"), Some('b'));
        assert_eq!(part_heading_alone("(c)"), Some('c'));
        assert_eq!(part_heading_alone("Plan B was adopted"), None);
        assert_eq!(part_heading_alone("a) What steps?"), None);
    }

    #[test]
    fn a_numbered_institution_section_moves_the_template_one_place() {
        // `Section 1` holds the institution: `Section 5` is the template's
        // fourth question (the implementation date), not its fifth.
        let text = "Section 1 — Nominee\nMember State: Republic of Korea\nInstitution Name: Dangjin City\n\n\
                    Section 2 — Public\nIs this a public sector initiative? Yes\n\n\
                    Section 3 — Category\n\nSection 4 — Goals\n\n\
                    Section 5 — Start\nHas it been running for two years or more? Yes\n\
                    Start date: 01 Nov 2017\n";
        let form = parsed(text);
        let keys: Vec<&str> = form.basic.iter().flat_map(|b| b.fields.iter().map(|f| f.key)).collect();
        assert_eq!(keys, ["field.public_sector", "field.implemented_two_years_or_more", "field.implementation_date"]);
    }

    #[test]
    fn a_questions_prompt_on_its_headings_line() {
        // `Q1. <prompt> (max. N words)`: the prompt is no title, the line
        // opens a narrative question, the answer is under it.
        let basic = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\n";
        let text = format!(
            "{basic}Q1. Give a short account of the initiative. (max. 300 words)\nIt began in 2017.\n\n\
             Q2. Set out how it fits the category. (max. 100 words)\nIt fits.\n\n\
             Q3.\n(a) State the goals it supports. (max. 200 words)\nGoal 16.\n\
             (b) Explain what keeps it going. (max. 100 words)\nIts budget.\n\n\
             Q4. Describe the lessons learned. (max. 200 words)\nMany.\n\n\
             Q5. Name the partners. (max. 100 words)\nThe council."
        );
        let form = parsed(&text);
        assert_eq!(form.basic.len(), 1);
        assert_eq!(
            outline(&form),
            [
                (1, None, Some(300), 1),
                (2, None, Some(100), 1),
                (3, Some('a'), Some(200), 1),
                (3, Some('b'), Some(100), 1),
                (4, None, Some(200), 1),
                (5, None, Some(100), 1)
            ]
        );
    }

    #[test]
    fn a_questionnaire_numbers_its_questions_and_their_parts_alone() {
        // `1) <prompt>`, `3a) <prompt>`: no word before the number, the
        // prompt states its limit or asks a question.
        let text = "Question 1: About the Initiative\n\nIs this a public sector initiative? Yes\n\n\
                    Question 2: Categories\n\nIs the initiative relevant to one of the UNPSA categories? \
                    Promoting integrated mechanisms for sustainable development\n\n\
                    1) Summarize the initiative. (max. 300 words)\nIt began.\n\n\
                    2) Explain the category. (max. 100 words)\nIt fits.\n\n\
                    3a) Has the initiative been evaluated?\nYes\n\
                    3b) Describe the evaluation. (max. 100 words)\nBy experts.\n\n\
                    4) Describe the lessons. (max. 200 words)\nMany.\n\n\
                    5) Name the partners. (max. 100 words)\nThe council.";
        assert_eq!(
            outline(&parsed(text)),
            [
                (1, None, Some(300), 1),
                (2, None, Some(100), 1),
                (3, Some('a'), None, 1),
                (3, Some('b'), Some(100), 1),
                (4, None, Some(200), 1),
                (5, None, Some(100), 1)
            ]
        );
    }

    #[test]
    fn items_numbered_within_a_section_or_after_a_parts_letter_head_the_basic_questions() {
        for (a, b, c, d, e) in [
            ("A1 Public sector status", "A2 Award category", "A3 Goals", "A4 Start", "A5 United Nations"),
            ("1.1 Carácter público", "1.2 Categoría", "1.3 Objetivos", "1.4 Fecha de inicio", "1.5 Colaboración"),
            // A bullet set off by blanks after the number, as a dash is.
            ("1 ▪ Public body", "2 ▪ Entry group", "3 ▪ Global goals", "4 ▪ Launch", "5 ▪ Partners"),
        ] {
            let text = format!(
                "{a}\n\nIs this a public sector initiative? Yes\n\n{b}\n\n\
                 Is the initiative relevant to one of the UNPSA categories? Promoting integrated mechanisms for \
                 sustainable development\n\n{c}\n\nIs the initiative relevant to any of the 17 SDG(s)? Yes\n\n\
                 {d}\n\nHas the initiative been implemented for two or more years? Yes\n\n{e}\n\n\
                 Has the United Nations or any UN agencies been involved in this initiative? No"
            );
            let form = parsed(&text);
            let numbers: Vec<u32> = form.basic.iter().map(|b| b.number).collect();
            assert_eq!(numbers, [1, 2, 3, 4, 5], "{a}");
            assert!(form.basic.iter().all(|b| b.fields.len() == 1), "{a}");
        }
        // A target's number is no section's item: the run needs five.
        assert_eq!(bare_heading_shape("1.7 Partners"), Some(("#1.#".to_string(), 7, 3)));
        assert_eq!(bare_heading_shape("16.7 Ensure responsive decision-making"), None);
        assert_eq!(bare_heading_shape("1.6 billion dollars were spent."), None);
    }

    #[test]
    fn a_level_or_a_category_after_its_label_with_no_mark_between() {
        let s = "Tier of Government Local Self-Government";
        let (_, value) = split_by_kind_unseparated(ValueKind::Level, s).expect("a level");
        assert_eq!(&s[value.expect("a value")], "Local Self-Government");
        assert!(
            split_by_kind_unseparated(ValueKind::Level, "Категория Государственное управление (местный уровень)")
                .is_none()
        );
        let s = "Category of UNPSA to which the initiative is relevant Transparent and accountable public \
                 institutions to achieve the SDGs";
        let (_, value) = split_by_kind_unseparated(ValueKind::Category, s).expect("a category");
        assert_eq!(&s[value.expect("a value")], "Transparent and accountable public institutions to achieve the SDGs");
        assert_eq!(category_suffix("Category of the award Innovation"), None);
    }

    #[test]
    fn fields_side_by_side_help_texts_and_word_counters() {
        // Values over their captions are checked on the twentieth blind set
        // (tests/blind_forms.rs), whose r_ru_20 is laid out so.
        // A label broken over two lines; a label over its value is not.
        assert!(label_goes_on("Государство – член ООН, в котором зарегис-", "трирована организация: Республика Корея"));
        assert!(!label_goes_on("Website of Institution", "http://www.dangjin.go.kr"));
        assert!(!label_goes_on("Nivel de gobierno", "local"));
        assert!(!label_goes_on("Country: Korea", "and more: text"));
        // A flattened two-column grid.
        assert_eq!(two_columns("Страна: Корея            Организация: Dangjin City"), Some((24, 36)));
        assert_eq!(two_columns("Country:            Republic of Korea"), None);
        // An online form's help text and word counter.
        assert!(help_text("Aide : Nom officiel complet, sans sigle."));
        assert!(!help_text("Aide sociale : 5"));
        assert!(word_counter("Количество слов: 276 из 300", 300));
        assert!(word_counter("Words: 80/100", 100));
        assert!(!word_counter("Количество слов: 276 из 300", 200));
    }

    #[test]
    fn an_unknown_institution_heading_leaves_its_block_read() {
        // The block's section heading is a wording the catalog lacks: the
        // paragraph before the first question heading is the institution
        // block all the same.
        let text = "Institution Particulars\n\nMember State Republic of Korea\nInstitution Name Dangjin City\n\
                    Website of Institution http://www.dangjin.go.kr\n\n\
                    Question 1: About the Initiative\n\nIs this a public sector initiative? Yes";
        let form = parsed(text);
        let keys: Vec<&str> = form.institution.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["field.member_state", "field.institution_name", "field.website"]);
        assert_eq!(form.stray.len(), 1);
    }

    #[test]
    fn a_line_no_label_names_is_placed_by_its_block_and_its_value() {
        let text = "Question 4: Implementation Date\n\nHas the initiative been implemented for two or more years Yes\n\
                    Date on which the work began 01 Nov 2017";
        let form = parsed(text);
        let fields: Vec<(&str, LabelMatch)> = form.basic[0].fields.iter().map(|f| (f.key, f.matched)).collect();
        assert_eq!(
            fields,
            [
                ("field.implemented_two_years_or_more", LabelMatch::Exact),
                ("field.implementation_date", LabelMatch::Position)
            ]
        );
        let date = &form.basic[0].fields[1];
        assert_eq!(&text[date.value.unwrap().range()], "01 Nov 2017");
    }

    #[test]
    fn institution_lines_under_an_unknown_heading_are_placed_by_their_words() {
        // The section heading is a wording the catalog lacks; the lines
        // above the first label it knows are read as the block's.
        let text = "Details on the body\n\nMember State Republic of Korea\nType of the institution Government(Local)\n\
                    Administrative Level Local\n\nQuestion 1: About the Initiative\n\n\
                    Is this a public sector initiative? Yes";
        let form = parsed(text);
        let fields: Vec<(&str, &str)> =
            form.institution.iter().map(|f| (f.key, f.value.map_or("", |v| &text[v.range()]))).collect();
        // The institution's name is missing: its type's line, whose label
        // shares words with the type's wordings, goes to the type.
        assert_eq!(
            fields,
            [
                ("field.member_state", "Republic of Korea"),
                ("field.institution_type", "Government(Local)"),
                ("field.administrative_level", "Local")
            ]
        );
    }

    #[test]
    fn every_word_limit_pattern_opens_a_parenthesis_or_a_bracket_or_is_anchored() {
        // Or the prompt itself.
        for w in catalog().word_limits() {
            assert!(
                w.pattern.starts_with(r"[(（\[") || w.pattern.starts_with('^') || w.pattern.ends_with('$'),
                "{}: {}",
                w.lang,
                w.pattern
            );
        }
        // The cheap test before the trailing patterns knows each one's unit.
        for w in catalog().word_limits().iter().filter(|w| w.pattern.ends_with('$')) {
            assert!(TRAILING_LIMIT_UNITS.iter().any(|u| w.pattern.contains(u)), "{}: {}", w.lang, w.pattern);
        }
        assert_eq!(word_limit("Tell us what it is meant to achieve. — no more than 300 words"), Some(300));
        // An approximate limit after a dash.
        assert_eq!(word_limit("What got in the way? – around 100 words"), Some(100));
        assert_eq!(word_limit("Как внедряли проект? — примерно 300 слов"), Some(300));
        assert_eq!(word_limit("What changed for residents? {max 150 words}"), Some(150));
        // Counted in words (`词`) rather than characters, after a double dash.
        assert_eq!(word_limit("项目带来了哪些改变？——不超过150个单词"), Some(150));
        assert_eq!(word_limit("项目遇到了哪些困难？——80个词左右"), Some(80));
        // In brackets other than parentheses, after a parenthesis or not.
        assert_eq!(word_limit("请说明该项目的成效。〔不超过250字〕"), Some(250));
        assert_eq!(word_limit("请说明（如有）合作伙伴。【最多１５０字】"), Some(150));
        assert_eq!(word_limit("Name the partners 《max. 120 words》"), Some(120));
        assert_eq!(word_limit("Cuáles son sus objetivos. Límite: 300 palabras"), Some(300));
        assert_eq!(word_limit("Ses objectifs. – 300 mots au plus"), Some(300));
        assert_eq!(word_limit("Каких целей хочет достичь. — до 300 слов"), Some(300));
        assert_eq!(word_limit("وما أهدافه. - الحد الأقصى: 300 كلمة"), Some(300));
        // A sentence that counts words is no limit.
        assert_eq!(word_limit("The summary was written in 300 words."), None);
        assert_eq!(word_limit("In no more than 300 words, describe the initiative."), Some(300));
        assert_eq!(word_limit("En 200 mots au plus, présentez l'initiative."), Some(200));
        assert_eq!(word_limit("Describe the 300 words of the initiative."), None);
    }

    #[test]
    fn every_marker_may_be_one_and_answers_are_not() {
        for e in catalog().entries().iter().filter(|e| is_marker(e)) {
            for s in [e.text.to_string(), e.text.to_uppercase(), format!("{} !", e.text), format!("{}:", e.text)] {
                assert!(may_be_marker(&s), "{s:?}");
                // The lookup it guards finds it.
                assert!(catalog().exact(&s, |x| x.key == e.key).next().is_some(), "{s:?}");
            }
        }
        for s in ["The city council approved it.", "Our programme, in 2016", "x", "Supercalifragilistic words"] {
            assert!(!may_be_marker(s), "{s:?}");
        }
        // Runs that folding alone can tell about.
        for s in ["Café opens", "“Return to list”", "ReturnЖ to list", "2016年"] {
            assert!(may_be_marker(s), "{s:?}");
        }
        // A first character outside ASCII: folded alone, it starts a marker,
        // or folds to nothing (a mark, a direction mark, a quote), or the
        // line is passed over.
        for s in ["返回列表", "ＲＥＴＵＲＮ to list", "\u{200f}لا توجد عناصر", "\u{301}x", "«x»", "Ｎo items"]
        {
            assert!(may_be_marker(s), "{s:?}");
        }
        for s in ["我们的项目于2016年启动。", "Öffentlich", "ЖКХ", "中文"] {
            assert!(!may_be_marker(s), "{s:?}");
        }
    }

    #[test]
    fn openings_are_the_folded_wordings_openings() {
        // As folding each wording again gives them: its first ASCII word up
        // to a space, and its first character.
        for keep in [is_marker as fn(&LabelEntry) -> bool, |e: &LabelEntry| e.namespace() == "field"] {
            let folded: Vec<String> =
                catalog().entries().iter().filter(|e| keep(e)).map(|e| nomina_refdata::fold(e.text)).collect();
            let o = Openings::of(keep);
            for f in &folded {
                if let Some(w) = f.split(' ').next().filter(|w| w.is_ascii() && !w.is_empty()) {
                    assert!(o.words.contains(w.as_bytes()), "{f:?}");
                }
            }
            let chars: FxHashSet<char> = folded.iter().filter_map(|f| f.chars().next()).collect();
            assert_eq!(o.chars, chars);
        }
    }

    #[test]
    fn a_line_passed_over_for_fields_starts_with_no_label() {
        // The lookup the check guards finds nothing in a line it passes over:
        // every label in every case and with a value after it, every other
        // entry, and every line of the fixtures.
        let mut lines: Vec<String> = Vec::new();
        for e in catalog().entries() {
            for s in [
                e.text.to_string(),
                e.text.to_uppercase(),
                format!("{} Republic of Korea", e.text),
                format!("{}: 01 Nov 2017", e.text),
                format!("{}? Yes", e.text),
                format!("{}： 内政部", e.text),
                format!("x {}", e.text),
                format!("  {}", e.text),
            ] {
                lines.push(s);
            }
        }
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        for dir in ["fixtures", "fixtures-blind", "fixtures-blind/round2"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).expect("fixtures") {
                let path = entry.expect("an entry").path();
                if !path.is_file() {
                    continue;
                }
                let bytes = std::fs::read(path).expect("a fixture");
                let text = String::from_utf8_lossy(&bytes);
                lines.extend(text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()));
            }
        }
        let mut matched = 0;
        for s in &lines {
            let found = catalog().prefix_in(s, "field").is_some();
            assert!(!found || may_be_field(s), "{s:?}");
            matched += usize::from(found);
        }
        assert!(matched > 1000, "{matched} of {} lines start with a label", lines.len());
        // And it passes over prose in several scripts.
        for s in ["Yesterday the council met.", "Our programme, in 2016", "昨天，市议会开会。", "ЖКХ"] {
            assert!(!may_be_field(s), "{s:?}");
        }
    }

    #[test]
    fn caseless_starts() {
        // The byte comparison and the character one agree.
        let by_chars = |s: &str, w: &str| {
            let mut chars = s.chars().flat_map(char::to_lowercase);
            w.chars().all(|c| chars.next() == Some(c))
        };
        for s in
            ["Question 3", "QUESTION3", "questio", "Quéstion", "Pregunta 1", "\u{212a}ey", "Вопрос 2", "问题 1", ""]
        {
            for w in ["question", "pregunta", "вопрос", "问题", "key", ""] {
                assert_eq!(starts_with_caseless(s, w), by_chars(s, w), "{s:?} {w:?}");
            }
        }
    }

    #[test]
    fn the_last_parenthesis_is_found_from_the_end() {
        for s in ["", "no parenthesis", "a (b) c （d） e", "（only", "(only", "x（y(z", "x(y（z", "ĈĈ（", "꬈ (", "(꬈"]
        {
            assert_eq!(last_open_paren(s), s.rfind(['(', '（']), "{s:?}");
        }
    }

    #[test]
    fn word_limits_of_every_shape() {
        for (prompt, limit) in [
            ("Please describe. (300 words maximum)", Some(300)),
            ("Please describe. (300 words)", Some(300)),
            ("Please describe. (200 words maxim", Some(200)),
            ("Please describe. (max. 250 words)", Some(250)),
            ("Describe it. (300 wds)", Some(300)),
            // A bound written as a comparison after the prompt.
            ("Explain who took part. <= 250 words", Some(250)),
            ("Explain who took part. ≤ 150 words", Some(150)),
            ("Compare the costs: 300 < 500 words", None),
            ("Give an overview. (word limit: 300)", Some(300)),
            ("Give an overview. [maximum words 200]", Some(200)),
            ("请简述。（字数不超过300）", Some(300)),
            ("请简述。（不超过200个词）", Some(200)),
            ("Describe the 3 steps. (see annex 2)", None),
            ("Describe it. (200 wd)", None),
            ("请说明。(最多300字)", Some(300)),
            ("请说明。(限制100个字)", Some(100)),
            ("请说明。(最多200字", Some(200)),
            ("请说明。 (300字)", Some(300)),
            ("请说明。（不超过３００字）", Some(300)),
            ("Has it been submitted in the past 3 years (2017-2019)?", None),
            ("Was the initiative formally evaluated?", None),
            ("Veuillez décrire l'initiative. (300 mots maximum)", Some(300)),
            ("Veuillez décrire l'initiative. (maximum 300 mots)", Some(300)),
            ("Describa la iniciativa. (máximo 300 palabras)", Some(300)),
            ("Опишите инициативу. (не более 300 слов)", Some(300)),
            ("يرجى وصف المبادرة. (300 كلمة كحد أقصى)", Some(300)),
            ("يرجى وصف المبادرة. (بحد أقصى ٣٠٠ كلمة)", Some(300)),
        ] {
            assert_eq!(word_limit(prompt), limit, "{prompt}");
        }
    }
}
