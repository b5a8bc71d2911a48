//! News articles: title, byline, date, captions, headings, body, and the
//! boilerplate a page carries after the article.
//!
//! # Which text is a news article
//!
//! A text is taken for news when its first non-blank line reads as a
//! headline (at most 40 words, not ending like a sentence), one of the five
//! lines after it gives a byline (`by SMG News`, `Par ...`, `作者`) or a
//! publication date (a line that is a date, `Posted on ...`, `Seoul, 23 Feb
//! 2016`), and at least two lines of the rest are prose (12 words or more).
//! The words of bylines, date labels, photo credits and heading markers are
//! catalog data (`news.*` keys), in the six UN languages.
//!
//! Page chrome may stand above the headline (`Home > News > Awards`, `Menu`).
//! When the byline or date line comes a little further down, the line just
//! above it reads as a headline, and the lines above that are navigation (a
//! breadcrumb with `>`, `›`, `»`, `/` or `|` between its parts, and any
//! others at most four words and not a sentence), that line is the headline
//! and the lines above it go to the boilerplate. Without a breadcrumb the
//! first line stays the headline: a short line could be a short headline.
//!
//! # What is boilerplate
//!
//! Scraped pages end with the site's navigation: link titles, teasers of
//! other pages, addresses. Walking back from the last line, a line is
//! boilerplate while it is *navigation-like*:
//!
//! - it is short (at most 12 words) and does not end like a sentence; or
//! - it runs a link title into its teaser (`...SeoulChoose the session`, a
//!   lower-case letter directly followed by an upper-case one) and shares
//!   less than half of its topic words with the article; or
//! - it is at most 30 words long and shares less than a fifth of its topic
//!   words with the article.
//!
//! Topic words are words of five letters or more (pairs of ideographs in
//! Chinese text), and the article's are those of its prose lines that are
//! not themselves run-together link titles. The first line from the end that
//! is not navigation-like ends the boilerplate; headings and captions are
//! never boilerplate, and at least one body paragraph always stays.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use nomina_refdata::{LabelEntry, catalog, fold::is_cjk};
use regex::Regex;
use rustc_hash::FxHashSet;

use crate::date::{DateOrder, parse_date};
use crate::document::{LineRef, Span};
use crate::lines::{Line, trim};
use crate::words::word_count as words;

/// Lines after the title searched for a byline or a date.
const META_WINDOW: usize = 5;
/// Longest headline, in words.
const MAX_TITLE_WORDS: usize = 40;
/// Words that make a line prose.
const PROSE_WORDS: usize = 12;
/// Prose lines an article needs.
const MIN_PROSE_LINES: usize = 2;

/// A news article's parts, by span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct News {
    /// The headline.
    pub title: LineRef,
    /// The byline, if any: its line and the name in it.
    pub byline: Option<Byline>,
    /// The publication date, if any: its line and the date's text.
    pub published: Option<Dated>,
    /// Photo captions.
    pub captions: Vec<LineRef>,
    /// Section headings, with the text after the marker.
    pub headings: Vec<Heading>,
    /// Body paragraphs.
    pub paragraphs: Vec<LineRef>,
    /// Trailing site navigation.
    pub boilerplate: Vec<LineRef>,
}

/// A byline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Byline {
    /// The whole line.
    pub at: LineRef,
    /// The name, without `by` and without a date that follows it.
    pub name: Span,
}

/// A line that carries a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    /// The whole line.
    pub at: LineRef,
    /// The date's text.
    pub date: Span,
}

/// A section heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    /// The whole line, marker included.
    pub at: LineRef,
    /// The heading's text, without the marker.
    pub text: Span,
}

struct Patterns {
    byline: Regex,
    posted: Regex,
    /// A date label leading a byline (`Posted by`): the label, then blanks.
    posted_lead: Regex,
    caption: Regex,
    markers: Vec<&'static str>,
}

fn words_of(key: &str) -> String {
    let mut words: Vec<&str> =
        catalog().entries().iter().filter(|e: &&LabelEntry| e.key == key).map(|e| e.text).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words.iter().map(|w| regex::escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}

/// Compiles the patterns now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    patterns();
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let byline = Regex::new(&format!(r"(?i)^(?:{})(?:\s*[:：]\s*|\s+)(?P<rest>\S.*)$", words_of("news.byline")))
            .expect("byline pattern");
        let posted = Regex::new(&format!(r"(?i)^(?:{})\s*[:：]?\s*(?P<rest>\S.*)$", words_of("news.posted")))
            .expect("posted pattern");
        let photo = words_of("news.photo");
        let caption = Regex::new(&format!(r"(?i)(?:[(（]\s*(?:{photo})\b[^)）]*[)）]|^(?:{photo})\s*[:：©]|©)"))
            .expect("caption pattern");
        let mut markers: Vec<&'static str> =
            catalog().entries().iter().filter(|e| e.key == "news.marker").map(|e| e.text).collect();
        markers.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let posted_lead = Regex::new(&format!(r"(?i)^(?:{})\s+(?P<rest>\S.*)$", words_of("news.posted")))
            .expect("posted-lead pattern");
        Patterns { byline, posted, posted_lead, caption, markers }
    })
}

fn ends_like_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', '）', '」', '】', ' ']);
    s.ends_with(['.', '!', '?', '。', '！', '？', '…', '؟', ':', ';'])
}

/// A link title run into its teaser: a lower-case letter directly followed
/// by an upper-case one.
fn run_together(s: &str) -> bool {
    // ASCII text compares byte pairs, without the Unicode case tables.
    if s.is_ascii() {
        return s.as_bytes().windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    }
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev
            && p.is_lowercase()
            && c.is_uppercase()
        {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// Topic words: lower-cased words of five letters or more, and pairs of
/// ideographs, added to `out`. Words already in lower case and ideograph
/// pairs are borrowed from `s`: an article's words are gathered without a
/// copy of each.
fn topic_words<'s>(s: &'s str, out: &mut FxHashSet<Cow<'s, str>>) {
    for token in s.split(|c: char| !c.is_alphanumeric()) {
        // Most words are ASCII: no characters to collect, no case tables.
        if token.is_ascii() {
            if token.len() >= 5 {
                out.insert(if token.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(token.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(token)
                });
            }
            continue;
        }
        if token.chars().any(is_cjk) {
            let mut chars = token.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if let Some(&(j, d)) = chars.peek()
                    && is_cjk(c)
                    && is_cjk(d)
                {
                    out.insert(Cow::Borrowed(&token[i..j + d.len_utf8()]));
                }
            }
        } else if token.chars().nth(4).is_some() {
            out.insert(Cow::Owned(token.to_lowercase()));
        }
    }
}

fn overlap(words: &FxHashSet<Cow<'_, str>>, article: &FxHashSet<Cow<'_, str>>) -> f64 {
    if words.is_empty() {
        return 1.0;
    }
    words.iter().filter(|w| article.contains(*w)).count() as f64 / words.len() as f64
}

/// The date a line gives, as the span of its date text: a date after a date
/// label (`Posted on`), the whole line, or a date after a place (`Seoul, 23
/// February 2016`).
fn date_in(text: &str, at: LineRef) -> Option<Span> {
    let s = &text[at.span.range()];
    let is_date = |t: &str| parse_date(t, DateOrder::MonthFirst).is_some();
    if let Some(rest) = patterns().posted.captures(s).and_then(|c| c.name("rest"))
        && is_date(rest.as_str())
    {
        return Some(Span::new(at.span.start + rest.start(), at.span.end));
    }
    if is_date(s) {
        return Some(at.span);
    }
    // `Ministry of Public Service | 26 June 2019`: a short line whose last
    // part, after a separator, is a date.
    if words(s) <= PROSE_WORDS
        && let Some((i, c)) = s.char_indices().rev().find(|(_, c)| matches!(c, '|' | '·' | '–' | '—'))
        && is_date(s[i + c.len_utf8()..].trim())
    {
        return Some(trim(text, Span::new(at.span.start + i + c.len_utf8(), at.span.end)));
    }
    if let Some((place, rest)) = s.split_once([',', '，'])
        && words(place) <= 4
        && is_date(rest.trim())
    {
        let span = Span::new(
            at.span.start + place.len() + s[place.len()..].chars().next().map_or(1, char::len_utf8),
            at.span.end,
        );
        return Some(trim(text, span));
    }
    None
}

/// A byline: the name, and the date after it if there is one.
fn byline_in(text: &str, at: LineRef) -> Option<(Byline, Option<Span>)> {
    let s = &text[at.span.range()];
    // `Posted by ...`, `Publié par ...`: a date label may lead the byline.
    let (lead, s) = match patterns().posted_lead.captures(s).and_then(|c| c.name("rest")) {
        Some(r) if patterns().byline.is_match(r.as_str()) => (r.start(), r.as_str()),
        _ => (0, s),
    };
    let rest = patterns().byline.captures(s)?.name("rest")?;
    let rest_start = at.span.start + lead + rest.start();
    let rest_text = rest.as_str();
    // `SMG News, 07/10/2013`: the date after the last separator.
    for (i, c) in rest_text.char_indices().rev() {
        if matches!(c, ',' | '，' | '|' | '–' | '—' | '-' | '·') {
            let date = trim(text, Span::new(rest_start + i + c.len_utf8(), at.span.end));
            if parse_date(&text[date.range()], DateOrder::MonthFirst).is_some() {
                let name = trim(text, Span::new(rest_start, rest_start + i));
                return Some((Byline { at, name }, Some(date)));
            }
        }
    }
    if words(rest_text) > 12 {
        return None;
    }
    Some((Byline { at, name: trim(text, Span::new(rest_start, at.span.end)) }, None))
}

/// Parses `lines` as a news article, or says why it is not one.
pub(crate) fn parse_news(text: &str, lines: &[Line]) -> Result<News, String> {
    let all: Vec<LineRef> =
        lines.iter().filter(|l| !l.trimmed.is_empty()).map(|l| LineRef { span: l.trimmed, line: l.number }).collect();
    let (leading, nb) = all.split_at(leading_chrome(text, &all));
    let slice = |l: &LineRef| &text[l.span.range()];
    let Some(&title) = nb.first() else {
        return Err("no text".into());
    };
    let title_text = slice(&title);
    if words(title_text) > MAX_TITLE_WORDS || title_text.ends_with(['.', '。']) {
        return Err("the first line is not a headline".into());
    }
    let mut byline = None;
    let mut published = None;
    let mut meta = HashSet::new();
    for (i, l) in nb.iter().enumerate().skip(1).take(META_WINDOW) {
        if byline.is_none()
            && let Some((b, date)) = byline_in(text, *l)
        {
            byline = Some(b);
            meta.insert(i);
            if published.is_none()
                && let Some(d) = date
            {
                published = Some(Dated { at: *l, date: d });
            }
            continue;
        }
        if published.is_none()
            && let Some(d) = date_in(text, *l)
        {
            published = Some(Dated { at: *l, date: d });
            meta.insert(i);
        }
    }
    if byline.is_none() && published.is_none() {
        return Err("no byline or publication date under the first line".into());
    }
    let p = patterns();
    let mut captions = Vec::new();
    let mut headings = Vec::new();
    let mut body: Vec<LineRef> = Vec::new();
    for (i, l) in nb.iter().enumerate().skip(1) {
        if meta.contains(&i) {
            continue;
        }
        let s = slice(l);
        if let Some(m) = p.markers.iter().find(|m| s.starts_with(**m)) {
            let rest = trim(text, Span::new(l.span.start + m.len(), l.span.end));
            if !rest.is_empty() && words(&text[rest.range()]) <= MAX_TITLE_WORDS {
                headings.push(Heading { at: *l, text: rest });
                continue;
            }
        }
        if words(s) <= 60 && p.caption.is_match(s) {
            captions.push(*l);
            continue;
        }
        body.push(*l);
    }
    let prose = body.iter().filter(|l| words(slice(l)) >= PROSE_WORDS).count();
    if prose < MIN_PROSE_LINES {
        return Err(format!("{prose} prose lines under the headline, fewer than {MIN_PROSE_LINES}"));
    }
    let trailing = trailing_boilerplate(text, &body);
    let paragraphs = body[..body.len() - trailing.len()].to_vec();
    let boilerplate = leading.iter().copied().chain(trailing).collect();
    Ok(News { title, byline, published, captions, headings, paragraphs, boilerplate })
}

/// How many of the first lines are page chrome above the headline (see the
/// module docs): 0 unless a byline or date line comes within the first
/// lines, the line just above it reads as a headline, and every line above
/// that is short navigation.
fn leading_chrome(text: &str, lines: &[LineRef]) -> usize {
    let slice = |l: &LineRef| &text[l.span.range()];
    let breadcrumb = |s: &str| [" > ", " › ", " » ", " / ", " | "].iter().any(|sep| s.contains(sep));
    // Most pages start with their headline: without a breadcrumb on top,
    // the byline and date lines are left to `parse_news` to find.
    let top = &lines[..lines.len().min(META_WINDOW + 1)];
    if !top.iter().any(|l| breadcrumb(slice(l))) {
        return 0;
    }
    let Some(meta) = (1..lines.len().min(META_WINDOW + 2))
        .find(|&i| byline_in(text, lines[i]).is_some() || date_in(text, lines[i]).is_some())
    else {
        return 0;
    };
    let title = meta.saturating_sub(1);
    let headline = |s: &str| words(s) <= MAX_TITLE_WORDS && !s.ends_with(['.', '。']);
    let chrome = |s: &str| breadcrumb(s) || (words(s) <= 4 && !ends_like_sentence(s));
    // A short line alone could be a short headline: a breadcrumb must be there.
    let above = &lines[..title];
    if title >= 1
        && headline(slice(&lines[title]))
        && above.iter().all(|l| chrome(slice(l)))
        && above.iter().any(|l| breadcrumb(slice(l)))
    {
        title
    } else {
        0
    }
}

/// The navigation-like lines at the end of `body` (see the module docs).
fn trailing_boilerplate<'t>(text: &'t str, body: &[LineRef]) -> Vec<LineRef> {
    let slice = |l: &LineRef| &text[l.span.range()];
    // The article's topic words, gathered only when a line's words must be
    // compared with them: an article that ends in a long sentence needs none.
    let mut article: Option<FxHashSet<Cow<'t, str>>> = None;
    // One set for the words of each line in turn, cleared between them.
    let mut line_words = FxHashSet::default();
    let mut shared_with_article = |s: &'t str| {
        let article = article.get_or_insert_with(|| {
            let mut article = FxHashSet::default();
            for l in body {
                let s = slice(l);
                if words(s) >= PROSE_WORDS && !run_together(s) {
                    topic_words(s, &mut article);
                }
            }
            article
        });
        line_words.clear();
        topic_words(s, &mut line_words);
        overlap(&line_words, article)
    };
    let mut start = body.len();
    while start > 1 {
        let s = slice(&body[start - 1]);
        let n = words(s);
        // Computed at most once a line, and only when a rule below needs it.
        let mut line_shared = None;
        let mut shared = || *line_shared.get_or_insert_with(|| shared_with_article(s));
        let nav = (n <= PROSE_WORDS && !ends_like_sentence(s))
            || (run_together(s) && shared() < 0.5)
            || (n <= 30 && shared() < 0.2);
        if !nav {
            break;
        }
        start -= 1;
    }
    body[start..].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_together_on_ascii_as_on_any_text() {
        let unicode = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            c.windows(2).any(|w| w[0].is_lowercase() && w[1].is_uppercase())
        };
        for a in 0u8..128 {
            for b in 0u8..128 {
                let s = format!("x {}{} y", a as char, b as char);
                assert_eq!(run_together(&s), unicode(&s), "{s:?}");
            }
        }
        assert!(run_together("Award winnersMinistry of Interior"));
        assert!(run_together("éÉ"));
        assert!(!run_together("Ministry of Interior and Safety"));
    }

    fn news(text: &str) -> Result<News, String> {
        parse_news(text, &crate::lines::lines(text))
    }

    const PROSE: &str = "The city council approved the new transparency programme after a long public debate in the spring.\n\
        Officials said the programme would publish every contract online within a week of its signature.";

    #[test]
    fn headline_byline_and_date() {
        let text = format!("City Wins Award\n\nby City News, 07/10/2013\n\n{PROSE}\n");
        let n = news(&text).unwrap();
        assert_eq!(&text[n.title.span.range()], "City Wins Award");
        let b = n.byline.unwrap();
        assert_eq!(&text[b.name.range()], "City News");
        assert_eq!(&text[n.published.unwrap().date.range()], "07/10/2013");
        assert_eq!(n.paragraphs.len(), 2);
        assert!(n.boilerplate.is_empty());
    }

    #[test]
    fn dates_in_their_usual_places() {
        for (line, date) in [
            ("Feb 23, 2016", "Feb 23, 2016"),
            ("Posted on 23 February 2016", "23 February 2016"),
            ("Publié le 23 février 2016", "23 février 2016"),
            ("Seoul, 23 February 2016", "23 February 2016"),
            ("2016年2月23日", "2016年2月23日"),
            ("Ministry of Public Service | 26 June 2019", "26 June 2019"),
            ("News desk — 07 Oct 2013", "07 Oct 2013"),
        ] {
            let text = format!("Headline Here\n{line}\n{PROSE}\n");
            let n = news(&text).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(&text[n.published.unwrap().date.range()], date, "{line}");
        }
    }

    #[test]
    fn a_date_label_may_lead_the_byline() {
        for (line, name, date) in [
            ("Posted by Ministry of Public Service | 26 June 2019", "Ministry of Public Service", Some("26 June 2019")),
            ("Publié par la Mairie, 23 février 2016", "la Mairie", Some("23 février 2016")),
            ("Posted by the editors", "the editors", None),
        ] {
            let text = format!("Headline Here\n{line}\n{PROSE}\n");
            let n = news(&text).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(&text[n.byline.unwrap().name.range()], name, "{line}");
            assert_eq!(n.published.map(|d| &text[d.date.range()]), date, "{line}");
        }
    }

    #[test]
    fn chrome_above_the_headline_is_boilerplate() {
        let text = format!("Home > News > Awards\nMenu\nCity Wins Award\nJune 23, 2018\n{PROSE}\nShare this\n");
        let n = news(&text).unwrap();
        assert_eq!(&text[n.title.span.range()], "City Wins Award");
        let boilerplate: Vec<&str> = n.boilerplate.iter().map(|l| &text[l.span.range()]).collect();
        assert_eq!(boilerplate, ["Home > News > Awards", "Menu", "Share this"]);
        assert_eq!(n.paragraphs.len(), 2);
        // A deck line between headline and date stays in the article; so
        // does a short line above a headline when no breadcrumb shows chrome.
        for top in ["City Wins Award\nThe council's transparency programme is honoured", "Menu\nCity Wins Award"] {
            let text = format!("{top}\nJune 23, 2018\n{PROSE}\n");
            let n = news(&text).unwrap();
            assert_eq!(&text[n.title.span.range()], top.lines().next().unwrap());
            assert_eq!(n.paragraphs.len(), 3);
        }
    }

    #[test]
    fn not_news() {
        assert!(news(&format!("A Policy Note\n{PROSE}\n")).is_err(), "no byline or date");
        assert!(news("# README\n\nRun `make`.\n").is_err());
        assert!(news(&format!("This first line is a sentence.\nFeb 23, 2016\n{PROSE}\n")).is_err());
    }

    #[test]
    fn headings_and_captions() {
        let text = format!(
            "Headline\nFeb 23, 2016\nThe mayor at the ceremony (Photo: City Hall)\n▶ A first section\n{PROSE}\n"
        );
        let n = news(&text).unwrap();
        assert_eq!(n.captions.len(), 1);
        assert_eq!(&text[n.headings[0].text.range()], "A first section");
        assert_eq!(n.paragraphs.len(), 2);
    }

    #[test]
    fn trailing_navigation_is_boilerplate() {
        let text = format!(
            "Headline\nFeb 23, 2016\n{PROSE}\n\n\
             Online Cooking Class for Kids, 8 Sept 2021, SeoulChoose the session in which your children want to participate.\n\
             International School, K-12 English, Seoul\n\
             Business Center, Gangnam-gu\n"
        );
        let n = news(&text).unwrap();
        assert_eq!(n.boilerplate.len(), 3);
        assert_eq!(n.paragraphs.len(), 2);
    }

    #[test]
    fn a_last_sentence_of_the_article_stays() {
        let text = format!(
            "Headline\nFeb 23, 2016\n{PROSE}\nThe council will publish the first contracts online in the spring.\n"
        );
        let n = news(&text).unwrap();
        assert!(n.boilerplate.is_empty(), "{:?}", n.boilerplate);
        assert_eq!(n.paragraphs.len(), 3);
    }
}
