//! News articles: headline, byline, publication date, captions, headings,
//! body, and the page chrome around the article.
//!
//! Scraped news pages come in every layout: navigation, a date bar, a
//! section name or a skip link above the headline; the headline given
//! twice (page title and article heading); the date above the headline,
//! under it, in a labelled line, with the byline, or opening the first
//! paragraph; share, comment and related-article widgets after the article
//! and sometimes inside it. The model below depends on no one line's
//! place: every line is scored from general signals, the article is the
//! main run of content lines, and the headline and the date are the best
//! candidates around its start. The words it uses (interface words, date
//! labels, event words, reporter words, function words, in seven
//! languages) are data: `catalog/news.tsv` in `nomina-refdata`.
//!
//! # Lines: content, chrome, meta, neutral
//!
//! Each non-blank line is one of:
//!
//! - *meta*: a line carrying a date where a page puts its dates (see
//!   below), or a byline (a byline word first, `by`, `Par`, `Por:`, or a
//!   reporter word after a name, `김철수 기자`, or a Chinese credit of
//!   spaced names after reporter words closed by the report's word,
//!   `记者 张三 通讯员 李四 某地报道`);
//! - *chrome*: it contains a phrase of the interface lexicon (class
//!   `chrome`: share, print, comments, log in, font size, skip to content,
//!   related articles, top, copyright, views, press release...; a single
//!   word only when it opens a line of at most four words; a long line when
//!   it opens with a phrase and is no sentence), or a Chinese interface word opens it (or
//!   stands in a short line); or it has no letter (`* * *`, `1026`); or it
//!   is one phrase printed three times or more (a row of icons' labels);
//!   or it is a breadcrumb (parts of at most four words between `>`, `›`, `»`,
//!   `|`, ` / `; a `»` closing a `«` quotation is none), codes (most tokens mix letters and digits), a URL or an
//!   address alone, or a document symbol or counter (`ECOSOC/5773`, `- 2099`)
//!   (a run of Chinese characters holding a number is a clause, no code);
//! - *content*: prose. At least ten words (a Chinese character counting
//!   half a word) and a sentence's end, function words of its language at
//!   a prose rate (8%; class `function`), or 25 words; or five words or
//!   more, a sentence's end and some function words (a question under ten
//!   words and no other sentence is a headline's form). A link title run into
//!   its teaser (`...Del VisoPilar: ...`) is not content, unless the line is
//!   a sentence of 25 words or more and the page writes its camel-case words
//!   elsewhere too (a name: `UrduPoint`);
//! - *neutral*: anything else: headlines, section names, subheadings.
//!
//! A short line repeating a crumb of the breadcrumb trail over it, other
//! than the last, is chrome (the section's heading), and so are the short
//! lines opening in lower case that go on with a sentence of chrome over
//! them (a paywall's notice broken into paragraphs).
//!
//! A line equal to an earlier one (lower-cased, list numbers left out) is a
//! *copy*. On a saved HTML page, lines outside its `<article>` (else
//! `<main>`) are chrome unless they are meta or the headline its markup
//! names (`<title>`'s longer part around a site separator, `og:title`,
//! `<h1>`), and make no line of the article a copy (a summary box).
//!
//! # The body
//!
//! The body is the run of lines with the highest total weight, a content
//! line weighing 1 plus a tenth of its words (up to 40), a copy of one 0, a
//! meta line -0.5, chrome -1.5, a neutral line -1 (at most three words) or
//! -0.4: a subheading or a widget label inside the article does not cut it,
//! a block of navigation does. An end marker alone on its line (class `end`:
//! `ENDS`, `FIN`, `（完）`, `<끝>`) ends it, or closing a paragraph's last
//! sentence (`… 1부.  끝.`) after that paragraph, and so do the site's notices to
//! its readers closing it (class `notice`: a cookie banner, the comments'
//! rules or quota) where a widget stands among them, and so does a
//! newsroom's widget label alone on its line, perhaps with a word of when
//! (`Related news`, `Written By`, `Lo más leído hoy`) with at most three
//! paragraphs of teasers under it (or a dash-led list of them), their headings
//! or section names between (a `Read also` link inside a long article, a
//! paragraph right under the label, leave it whole). A paragraph of 40 words or more above the
//! headline is the body's start too where it opens the page (pages that put
//! the first paragraph first); under a site's name, date bar or masthead it
//! is a ticker of other stories run together.
//!
//! # Headline
//!
//! Candidates are the lines above the body and among its first six lines
//! that are content or neutral, have two words with letters or more (four
//! Chinese characters), at most 40 words, do not end with a full stop or a
//! colon, and are not document symbols, photo credits, captions, bracketed,
//! heading-marked or led by a dash (a list item, a subtitle). Each scores:
//!
//! - its words with letters, up to 12, a third each; one word less than
//!   three: -1;
//! - named by the page's markup (`og:title`, `<title>`, `<h1>`, whole or with
//!   a site name around it): +5;
//! - repeated on the page (page title and article heading, also as `Site -
//!   Headline`, `Headline | Site`, `Home / Headline`), not in captions and
//!   not twice in a row (a photo's alt text over its caption): +4 (+1 for
//!   a line of fewer than four words: a name given twice);
//! - heading the block of headline-sized lines over a date or byline line
//!   (chrome inside it ends it): +2.5 (+1.5 under four words); the block's
//!   top line heads it unless the line under it is longer and not prose (a
//!   site or section name over the headline); another line of the block:
//!   +0.5; the first such line under a date or byline line that has none
//!   over it, or only across chrome (a masthead over a navigation bar), a
//!   topic label in capitals of five words or fewer giving way to a longer
//!   line under it: +1.5;
//! - a standfirst (a sentence, or a long line of prose with commas) under
//!   another headline-sized line: -2.5; content inside the body: -1; a
//!   sentence between the body's paragraphs (an interview's question) is
//!   no candidate;
//! - nearness to the body: 1 for the nearest line above it, 1/2 for the
//!   next; a line over a navigation bar with headline-sized lines under it
//!   (the site's or magazine's name): -1.5.
//!
//! Under a list's label (class `feed`: `Latest news`, `Новости`, `أخبار`)
//! the top line of the block over the date is another story's teaser, and
//! a run of headline-sized lines longer than the block (three) is the list
//! itself, whose line nearest the date heads it. A photo's alt text over
//! the caption that runs on from it (`Governor Smith` / `Governor Smith at
//! the opening`) is a caption, and so is a line closed by a credit after a
//! slash, an agency's acronym first (`… the new quay. Ann Lee / AGENCY`),
//! and the headline again with a few
//! words after it (a credit), and a line that ends with a credit after a
//! photo word and a colon or a sentence's end (`... on Monday. Photo: Ann
//! Lee`). A line the markup names twice (the `<h1>`
//! and the `<title>`) is a candidate whatever its form (a bracketed series
//! title with its number, `[History ②]`). A short line among the page's
//! first four whose longer part around a site separator names a
//! publication (class `masthead`: `Riverside Gazette — daily newspaper`,
//! `ВЗГЛЯД / Деловая газета`) is the site's masthead, no candidate.
//!
//! The page's first line, a short sentence closed by a full stop right
//! over a date line and a paragraph that takes up most of its words, is a
//! candidate too (a headline printed with a full stop).
//!
//! The best candidate scoring 2 or more is the headline. Its first copy is
//! the headline; what stands between its copies is page header
//! (boilerplate); a headline wrapped over two lines (the second starting in
//! lower case) is joined.
//!
//! # Publication date
//!
//! [`find_dates`] reads the dates a line carries. A date counts where a
//! page puts its dates: in a short line that is little else (at most 14
//! words, 8 besides the date, not a sentence that mentions it), in a line
//! that opens with it (at most 20 words, no dash after it), in a field of a
//! bar of metadata that is little else (`|`-separated, 5 words besides the
//! date, at most 30 in the line; or set off by spaced dashes in a line
//! ending no sentence, 3 words besides the date: `Source - 12 sept. 2017 à
//! 05:00 - Temps de lecture :`), after a label
//! (`catalog/news.tsv` classes `published` and `updated`, at most two words
//! before the date; a publication label outweighs an event word in it,
//! `Créé le`), or opening one of the first three paragraphs as a
//! dateline (`Berne, 23.01.2008 - ...`). A Chinese date run into four
//! characters or more with no colon or space opens a headline, not a date
//! line (`2020年6月8日市政府新闻发布会预告`); two unlabelled dates and next to
//! nothing else are a period (an event's), not a date line, and so is a date
//! followed by a span of clock times (`Dimanche 3 octobre 2021 14:00 -
//! 17:00`: an event's schedule). A date after a word of the day's date
//! opening the line (class `today`: `Today:`, `Сегодня:`) is the day the
//! page was read. A date that four words or more and a
//! function word stand before, with no label or byline, ends a name or a
//! title (`Compte rendu du Conseil des ministres du 10 novembre 2022`),
//! not a date line. A line with an
//! event word (a deadline, a day celebrated, a founding, `until`) before
//! the date gives none; a date labelled as an update is kept apart
//! (`updated`) and never taken for the publication date; the last line of
//! a hard-wrapped paragraph is no date line. Candidates score: a publication label +3;
//! between the headline and the body 3 (less a quarter per line between);
//! above the headline 1.5 (less a half per line); a dateline 1; right after
//! the body 1; inside the body 0.5 (less a fifth per line). The best one
//! scoring above 0 is the publication date; a saved page's markup date
//! (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`)
//! goes before it; where neither dates the page, a date in the path of its
//! own address (`<link rel="canonical">`, `og:url`: `/news/2014/03/11/`)
//! does. Unlabelled dated lines next to each other with other days are a
//! list of other items (`Concert — 2 October 2021`), none the
//! page's date. An unlabelled date over the site's navigation bar is the
//! site's date bar (the day's date), never the article's. A numeric date
//! whose day and month could be swapped is read day first where the body's
//! first paragraph is in Arabic or Cyrillic script, or its function words
//! are more French or Spanish than English (`News::day_first`), as a form's
//! label hint settles a field's; else in the configured order.
//!
//! # Which page is a news article
//!
//! A page is news when it has a headline; a publication date, a byline
//! near the headline, a dateline without a year (`OTTAWA, le 7 déc. /Agence/
//! -`, `中新社北京10月22日电`, `PARIS (AFP) -`, `(서울=연합뉴스)`, `MADRID.- `) or a markup
//! date, or else a short line of a news publication's (class `newsroom`: a
//! related-news, same-section, most-read or read-also widget, the editor's
//! line of a masthead), or else the markup's word that the page is an
//! article (`og:type` `article`, a JSON-LD article type);
//! and a body (two content lines, or one of 30 words or more, or one under
//! a labelled date and a byline: a photo story; one of two sentences or
//! more under a date: a short post; one sentence on a page with a
//! newsroom's line: a brief; the body's only content line is no headline).
//! It is not when its meta lines and the lines opening with a dateline give
//! three different unlabelled dates or more, or five dated lines (a list of
//! items; dated lines each over one teaser, all later than the last one,
//! which heads a headline and paragraphs, are a ticker of the latest
//! stories over an older article, the page's), or two teasers are closed by a read-more link (class `more`: a
//! day's archive, a section's page), or two lines open numbered articles or chapters (`Article 1.`,
//! `第三条`, `제3조`, `第一章`: a legal text), unless they all stand under the date
//! line that closes a notice dated under its publication label (a draft it
//! puts to comment, attached).
//!
//! # What is boilerplate
//!
//! Everything that is not the headline, the byline and date lines used, a
//! caption, a heading or a body paragraph goes to the boilerplate, in page
//! order: lines above the headline, copies of the headline and what stands
//! between them, chrome, meta and neutral lines between the headline and
//! the body (a standfirst there stays in the body; a date line under it
//! that gives the publication date again ends the header), chrome inside the body,
//! dated lines not chosen, copies of earlier lines, and everything after
//! the body. Nothing is dropped.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use nomina_refdata::fold::is_cjk;
use nomina_refdata::{LabelEntry, NewsWordClass, catalog, news_words};
use regex::Regex;
use regex_automata::meta::Regex as MetaRegex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::date::{
    FoundDate, IsoDate, find_clocked_short_year_date, find_dates, find_short_year_dates, find_spaced_dates,
};
use crate::document::{LineRef, Span};
use crate::lines::{Line, trim};
use crate::words::head_of;
use crate::words::{letter, word_count};

/// Longest headline, in words.
const MAX_TITLE_WORDS: f32 = 40.0;
/// Longest meta line, in words.
const MAX_META_WORDS: f32 = 14.0;
/// Words of a content line.
const PROSE_WORDS: f32 = 10.0;

/// Most lettered words of a kicker in capitals over the headline.
const MAX_KICKER_WORDS: f32 = 10.0;

/// Fewest words of a paragraph hard-wrapped over short lines that make it
/// prose: its lines' breaks, no blank between them, say it is one already.
const WRAPPED_PROSE_WORDS: f32 = 6.0;
/// Score a headline needs (see the module docs).
const MIN_TITLE_SCORE: f32 = 2.0;
/// Bytes of a long line read for its opening words and function words.
const LONG_LINE_HEAD: usize = 160;
/// Share of function words that makes a line read as prose.
const PROSE_FUNCTION_SHARE: f32 = 0.08;

/// A news article's parts, by span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct News {
    /// The headline.
    pub title: LineRef,
    /// The byline, if any: its line and the name in it.
    pub byline: Option<Byline>,
    /// The publication date, if any: its line and the date's text.
    pub published: Option<Dated>,
    /// A date the page labels as an update, if any.
    pub updated: Option<Dated>,
    /// The publication date the page's markup gives, which goes before the
    /// text's.
    pub markup_date: Option<FoundDate>,
    /// Photo captions.
    pub captions: Vec<LineRef>,
    /// Section headings (after a heading marker, or a subtitle between
    /// dashes), with the text inside.
    pub headings: Vec<Heading>,
    /// Body paragraphs.
    pub paragraphs: Vec<LineRef>,
    /// Page chrome around the article, in page order.
    pub boilerplate: Vec<LineRef>,
    /// Whether the page writes numeric dates day first, by the language of
    /// its body (Arabic, Russian, French, Spanish): the order an ambiguous publication date
    /// is read in, as a form's label hint (`jj/mm/aaaa`) settles a field's.
    pub day_first: bool,
    /// Which signals chose the headline and the date, in words.
    pub signals: String,
}

/// What a saved page's markup says of it (see `nomina-html`'s
/// `PageSignals`): empty for plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHints {
    /// Titles the markup gives: `og:title`, `<title>`, the `<h1>`s. A line
    /// that one of them names (whole, or with a site name around it) is
    /// the headline.
    pub titles: Vec<String>,
    /// The publication date the markup gives (`2016-02-23T10:00:00Z`).
    pub published: Option<String>,
    /// The page's own address as the markup gives it (`<link
    /// rel="canonical">`, `og:url`): a date in its path
    /// (`/news/2014/03/11/slug`) dates a page that shows none.
    pub address: Option<String>,
    /// The 1-based first and last line of the page's `<article>` or
    /// `<main>`: lines outside it are chrome.
    pub content_lines: Option<(usize, usize)>,
    /// The markup declares the page an article (`og:type`, JSON-LD
    /// `@type`): for a page that shows no date, the publisher's word that
    /// it is one.
    pub article: bool,
    /// The photos' captions the markup gives (`<figcaption>`): a line that
    /// is one is a caption, neither the headline nor a paragraph.
    pub captions: Vec<String>,
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
    /// The date, in both readings when day and month could be swapped.
    pub found: FoundDate,
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
    /// A date label leading a byline (`Posted by`): the label, then blanks.
    posted_lead: Regex,
    caption: Regex,
    /// A photo credit after a separator: `... | Foto: Agency`. Built
    /// without the literal prefilter, which for the case-insensitive photo
    /// words costs more to build than the searches it would spare (it runs
    /// only on lines holding a separator).
    credit_after: MetaRegex,
    /// Heading markers, longest first, by their first byte (a marker that
    /// a line starts with shares its first byte): a line is compared with
    /// the few that start as it does.
    markers: Vec<Vec<&'static str>>,
}

/// The words of `catalog/news.tsv`, sorted for the line tests.
struct Lexicon {
    /// Chrome words and phrases of spaced scripts, tokens joined by a space.
    chrome: FxHashSet<&'static str>,
    /// Chrome words written in Chinese characters.
    chrome_han: Vec<&'static str>,
    published: Vec<&'static str>,
    updated: Vec<&'static str>,
    event: Vec<&'static str>,
    /// Event words of spaced scripts, a space on either side.
    event_padded: Vec<String>,
    reporter: Vec<&'static str>,
    legal: Vec<&'static str>,
    /// End markers, as token keys.
    end: FxHashSet<&'static str>,
    /// Phrases only a news publication's pages carry, as token keys, and
    /// those written in Chinese characters.
    newsroom: Vec<String>,
    newsroom_han: Vec<&'static str>,
    /// Labels of a list of other stories, as token keys (Chinese ones as
    /// written).
    feed: FxHashSet<String>,
    /// Names of news desks and site sections, lower-cased as written.
    desk: FxHashSet<&'static str>,
    /// Words naming a publication, as token keys between spaces (Chinese
    /// ones as written).
    masthead: Vec<String>,
    masthead_han: Vec<&'static str>,
    /// Words of a site's notices to its readers, as token keys between
    /// spaces (Chinese and Korean ones as written, found inside words).
    notice: Vec<String>,
    notice_inside: Vec<&'static str>,
    rights: Vec<String>,
    rights_inside: Vec<&'static str>,
    /// Words of a consent banner, the same way, and all of them as written,
    /// found in a line case aside, ASCII letters' at least.
    consent: Vec<String>,
    consent_inside: Vec<&'static str>,
    consent_ac: AhoCorasick,
    /// The rights words without their first letter, ASCII case aside: a
    /// prefilter that spares most lines the words' search one by one.
    rights_ac: AhoCorasick,
    /// Words naming a newspaper's issue, as tokens (Chinese and Korean ones
    /// as written, after the issue's number).
    edition: FxHashSet<&'static str>,
    edition_inside: Vec<&'static str>,
    /// Labels of an archive's heading, lower-cased as written.
    archive: Vec<&'static str>,
    /// Read-more links, as token keys (Chinese ones as written), and the
    /// last characters of the others.
    more: Vec<String>,
    more_han: Vec<&'static str>,
    more_ends: FxHashSet<char>,
    /// Words opening a line before the day's date, as token keys (Chinese
    /// ones as written).
    today: Vec<String>,
    today_han: Vec<&'static str>,
    /// Headings of a table of contents, lower-cased as written.
    contents: Vec<&'static str>,
    /// Phrases naming an institution's official site, as token keys.
    official: Vec<String>,
    /// Labels of a post's title, lower-cased as written.
    title: Vec<&'static str>,
    /// Function words of English, which writes numeric dates month first
    /// (bit 1), and of French and Spanish, which write them day first (bit
    /// 2; a word of both has both). A map, not another set of `&str`: the
    /// sets' lookup stays inlined in the line tests.
    date_order_function: FxHashMap<&'static str, u8>,
    /// The first characters of the legal words.
    legal_first: FxHashSet<char>,
    function: FxHashSet<&'static str>,
    /// Bytes of the longest function word: a longer token is none.
    longest_function: usize,
    function_suffix: Vec<&'static str>,
    function_han: FxHashSet<char>,
    /// The openings of chrome phrases, of one token or more and shorter
    /// than the phrase: a run of a line's tokens that is none of them
    /// opens no phrase, and the search for one stops there.
    chrome_openings: FxHashSet<String>,
    /// The first tokens of chrome phrases: a line's token that is none
    /// opens no phrase.
    chrome_first: FxHashSet<&'static str>,
    /// The words below, each searched in one pass over a line rather than
    /// one pass a word: `chrome_han`, the Chinese `event` words,
    /// `event_padded`, and `published` then `updated`.
    chrome_han_ac: AhoCorasick,
    event_han_ac: AhoCorasick,
    event_padded_ac: AhoCorasick,
    labels_ac: AhoCorasick,
}

fn words_of(key: &str) -> String {
    let mut words: Vec<&str> =
        catalog().entries().iter().filter(|e: &&LabelEntry| e.key == key).map(|e| e.text).collect();
    // Photo words and byline labels of the news lexicon's other languages
    // too.
    if key == "news.photo" {
        words.extend(lexicon_words(NewsWordClass::Photo));
    }
    if key == "news.byline" {
        words.extend(lexicon_words(NewsWordClass::Byline));
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words.iter().map(|w| regex::escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}

/// Compiles the patterns now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    patterns();
    lexicon();
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let byline = Regex::new(&format!(r"(?i)^(?:{})(?:\s*[:：]\s*|\s+)(?P<rest>\S.*)$", words_of("news.byline")))
            .expect("byline pattern");
        let photo = words_of("news.photo");
        let caption = Regex::new(&format!(r"(?i)(?:[(（]\s*(?:{photo})\b[^)）]*[)）]|^(?:{photo})\s*[:：©=]|©)"))
            .expect("caption pattern");
        let credit_after = unfiltered(&credit_after_pattern()).expect("credit-after pattern");
        let mut markers: Vec<&'static str> =
            catalog().entries().iter().filter(|e| e.key == "news.marker").map(|e| e.text).collect();
        markers.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let posted_lead = Regex::new(&format!(r"(?i)^(?:{})\s+(?P<rest>\S.*)$", words_of("news.posted")))
            .expect("posted-lead pattern");
        let mut by_byte = vec![Vec::new(); 256];
        for m in markers {
            match m.as_bytes().first() {
                Some(&b) => by_byte[usize::from(b)].push(m),
                // An empty marker starts every line.
                None => by_byte.iter_mut().for_each(|v| v.push(m)),
            }
        }
        Patterns { byline, posted_lead, caption, credit_after, markers: by_byte }
    })
}

/// A photo credit after a separator (`| Foto:`).
fn credit_after_pattern() -> String {
    format!(r"(?i)[|｜]\s*(?:{})\s*[:：]", words_of("news.photo"))
}

/// `pattern` compiled as `Regex::new` would, but without a literal prefilter.
fn unfiltered(pattern: &str) -> Result<MetaRegex, Box<regex_automata::meta::BuildError>> {
    MetaRegex::builder().configure(MetaRegex::config().auto_prefilter(false)).build(pattern).map_err(Box::new)
}

/// The words of photo credits (`news.photo`), lower-cased.
fn photo_words() -> &'static FxHashSet<String> {
    static W: OnceLock<FxHashSet<String>> = OnceLock::new();
    W.get_or_init(|| {
        let news = lexicon_words(NewsWordClass::Photo).map(str::to_string);
        catalog()
            .entries()
            .iter()
            .filter(|e| e.key == "news.photo")
            .map(|e| e.text.to_lowercase())
            .chain(news)
            .collect()
    })
}

/// The news lexicon's words of `class` (`photo`, `byline`: Korean's),
/// which join the catalog's `news.photo` and `news.byline`.
fn lexicon_words(class: NewsWordClass) -> impl Iterator<Item = &'static str> {
    news_words().iter().filter(move |w| w.class == class).map(|w| w.text)
}

/// The catalog's byline labels (`by`, `written by`, `编辑`), lower-cased.
fn byline_labels() -> &'static [String] {
    static W: OnceLock<Vec<String>> = OnceLock::new();
    W.get_or_init(|| {
        catalog()
            .entries()
            .iter()
            .filter(|e| e.key == "news.byline")
            .map(|e| e.text.to_lowercase())
            .chain(lexicon_words(NewsWordClass::Byline).map(str::to_string))
            .collect()
    })
}

/// The byline labels of one word (`by`, `par`, `por`).
fn byline_words() -> &'static FxHashSet<String> {
    static W: OnceLock<FxHashSet<String>> = OnceLock::new();
    W.get_or_init(|| byline_labels().iter().filter(|w| !w.contains(' ')).cloned().collect())
}

/// Whether `s` opens with a photo word as a credit does (`Фото из архива
/// …`, `Photo: Reuters`): the word alone, or before a colon.
fn photo_opening(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("").trim_end_matches([':', '：']);
    !first.is_empty() && photo_words().contains(&first.to_lowercase())
}

/// Longest credit line, in bytes (see [`credit_line`]).
const MAX_CREDIT_LINE_BYTES: usize = 80;

/// A credit alone on its line: a photo word, a byline word and a name of a
/// few words (`Photo by Daniel Smith`, `Foto por Juan Pérez`).
fn credit_line(s: &str) -> bool {
    // Six words of a name's length at most: longer lines are not split.
    if s.len() > MAX_CREDIT_LINE_BYTES || memchr::memchr_iter(b' ', s.as_bytes()).count() > 8 {
        return false;
    }
    let mut words = s.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    (1..=4).contains(&words.count())
        && photo_words().contains(&first.to_lowercase())
        && byline_words().contains(&second.to_lowercase())
}

/// Words with a letter (numbers left out), a Chinese character counting
/// half a word: `han` is the count of them in `s`.
fn lettered(s: &str, han: usize) -> f32 {
    words_with_letter(s) as f32 + han as f32 / 2.0
}

/// The words of `s` (split at whitespace) that hold a letter other than a
/// Chinese character, counted in one pass: ASCII bytes are their own
/// characters, only the others are decoded.
fn words_with_letter(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut count, mut in_word, mut counted) = (0, false, false);
    let mut i = 0;
    while i < b.len() {
        let (blank, lettered, width) = if b[i].is_ascii() {
            (crate::words::is_ascii_blank(&b[i]), b[i].is_ascii_alphabetic(), 1)
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            (c.is_whitespace(), letter(c) && !is_cjk(c), c.len_utf8())
        };
        if blank {
            in_word = false;
        } else {
            if !in_word {
                (in_word, counted) = (true, false);
            }
            if lettered && !counted {
                count += 1;
                counted = true;
            }
        }
        i += width;
    }
    count
}

/// A photo caption or credit: a photo word (`(Photo: ...)`, `Foto:`),
/// `©`, or a credit in brackets at the end (`(Jane Doe/Agency)`).
fn caption(s: &str) -> bool {
    // A caption's own marker (`▲ 사진=동대문구`) opens it.
    let s = s.strip_prefix(['▲', '△']).map_or(s, str::trim_start);
    // Each pattern needs one of these characters: most lines are spared
    // the regular expressions.
    let b = s.as_bytes();
    let open = memchr::memchr(b'(', b).is_some() || has_char(b, "（".as_bytes());
    caption_words(s, open)
        || caption_phrase(s)
        || (open && (bracketed_credit(s) || bracketed_han_credit(s)))
        || credit_at_end(s)
        || credit_after_comma(s)
        || slash_credit(s)
        || credit_line(s)
        || ((memchr::memchr(b'|', b).is_some() || has_char(b, "｜".as_bytes())) && patterns().credit_after.is_match(s))
}

/// Whether a caption's phrase of the lexicon (`De gauche à droite`, `左起`)
/// stands near the start of `s`, where a caption names who stands where.
fn caption_phrase(s: &str) -> bool {
    static PHRASES: OnceLock<Vec<String>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        news_words().iter().filter(|w| w.class == NewsWordClass::Caption).map(|w| w.text.to_lowercase()).collect()
    });
    let head = lowercase(head_of(s, CAPTION_PHRASE_BYTES));
    phrases.iter().any(|p| head.contains(p.as_str()))
}

/// Bytes at a line's start searched for a caption's phrase (after a
/// sentence or two naming the scene).
const CAPTION_PHRASE_BYTES: usize = 160;

/// A credit closing the line after its text (`... on Tuesday. Photo: Jane
/// Doe`): a photo word among the last words, with a colon or opening a
/// sentence, and a few words of a name after it, the line ending in no
/// full stop.
fn credit_at_end(s: &str) -> bool {
    let s = s.trim_end();
    // A colon, or a full stop inside the line, must stand before the photo
    // word: most lines have neither and are not split into words.
    let b = s.as_bytes();
    let marked = memchr::memchr2(b':', b'.', b).is_some() || has_char(b, "：".as_bytes());
    if !marked {
        return false;
    }
    // A full stop may close the credit itself (`… inaugurée. Photo DDM.`):
    // then the credit is a name of a word or two in capitals.
    let stopped = ends_like_sentence(s);
    if stopped && !s.ends_with('.') {
        return false;
    }
    // A credit closed by a full stop has two words after the photo word at
    // most: the line's last four words tell, and prose is not split whole.
    let words: Vec<&str> = if stopped {
        // The rest of the line before them is one piece: its end is all
        // that is read of it.
        let mut tail: Vec<&str> = s.rsplitn(5, char::is_whitespace).filter(|w| !w.is_empty()).collect();
        tail.reverse();
        tail
    } else {
        s.split_whitespace().collect()
    };
    let n = words.len();
    (n.saturating_sub(7).max(1)..n.saturating_sub(1)).any(|k| {
        let w = words[k];
        let colon = w.ends_with([':', '：']);
        let bare = w.trim_end_matches([':', '：']);
        // Without a colon, only after a sentence's end: a title in capitals
        // may hold the word (`Winners of the Photo Contest`).
        let opens = bare.chars().next().is_some_and(char::is_uppercase) && ends_like_sentence(words[k - 1]);
        let name = || n - k - 1 <= 2 && words[k + 1..].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        (colon || opens) && (!stopped || name()) && photo_words().contains(&bare.to_lowercase())
    })
}

/// A credit closing a caption after its last comma, the photo word first
/// (`Feeding time at the pond, photo courtesy of the park`, `…, фото с
/// сайта …`): a few words, and no sentence's end, as prose has.
fn credit_after_comma(s: &str) -> bool {
    let s = s.trim_end();
    let Some(comma) = memchr::memmem::rfind(s.as_bytes(), b", ") else { return false };
    if ends_like_sentence(s) {
        return false;
    }
    let mut words = s[comma + 2..].split_whitespace();
    let Some(first) = words.next() else { return false };
    (1..=4).contains(&words.count()) && photo_words().contains(&first.trim_end_matches([':', '：']).to_lowercase())
}

/// A credit closing a caption after a slash, an agency's acronym first
/// (`… at the opening. Ann Lee / AGENCY`, `… in the old port/AGENCY on
/// Site`): a few words of a caption before it, a word or two at most
/// after the acronym, and no sentence's end.
fn slash_credit(s: &str) -> bool {
    let s = s.trim_end();
    let Some(slash) = memchr::memrchr(b'/', s.as_bytes()) else { return false };
    let (before, after) = (&s[..slash], &s[slash + 1..]);
    let mut words = after.split_whitespace();
    let Some(agency) = words.next() else { return false };
    let acronym = (2..=8).contains(&agency.len()) && agency.bytes().all(|b| b.is_ascii_uppercase());
    // The word the slash joins (`London/AGENCY`) is no acronym itself
    // (`AC/DC`), nor a number.
    let joined = before.split_whitespace().next_back().unwrap_or("");
    let plain =
        before.ends_with(' ') || joined.chars().any(char::is_lowercase) && !joined.chars().any(|c| c.is_ascii_digit());
    acronym
        && plain
        && words.count() <= 2
        && before.split_whitespace().count() >= 4
        && !after.contains(['.', ':', '/'])
        && !ends_like_sentence(s)
        && !s.contains("://")
}

/// A Chinese credit in brackets ending the line, its photo word last
/// (`（记者洪瑞琴摄）`, `(新华社记者 李明 摄影)`).
fn bracketed_han_credit(s: &str) -> bool {
    let s = s.trim_end().trim_end_matches(['。', '.']);
    let Some(body) = s.strip_suffix([')', '）']) else {
        return false;
    };
    let Some(open) = body.rfind(['(', '（']) else {
        return false;
    };
    let inner = body[open..].trim_start_matches(['(', '（']).trim_end();
    inner.chars().count() <= 24 && photo_words().iter().any(|w| han(w) && inner.ends_with(w.as_str()))
}

/// A credit in brackets ending the line (`(Jane Doe/Agency)`): what the
/// pattern `[(（][^()（）/]{2,40}/[^()（）/]{2,40}[)）]\.?$` matches, read
/// backwards from the end without compiling it (its bounded repeats of a
/// class of nearly every character make a large automaton).
fn bracketed_credit(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    let Some(s) = s.strip_suffix([')', '）']) else {
        return false;
    };
    let mut chars = s.chars().rev();
    // The agency, then the name: runs of 2 to 40 characters that are no
    // bracket or slash, the agency's after a slash, the name's after an
    // opening bracket.
    for opening in [false, true] {
        let mut n = 0;
        let stop = loop {
            match chars.next() {
                Some(c) if !matches!(c, '(' | ')' | '（' | '）' | '/') => n += 1,
                other => break other,
            }
        };
        let stop_ok = if opening { matches!(stop, Some('(' | '（')) } else { stop == Some('/') };
        if !(2..=40).contains(&n) || !stop_ok {
            return false;
        }
    }
    true
}

/// `patterns().caption.is_match(s)`, `open` saying whether `s` has an
/// opening bracket.
fn caption_words(s: &str, open: bool) -> bool {
    // The pattern's last branch is `©` alone.
    if has_char(s.as_bytes(), "©".as_bytes()) {
        return true;
    }
    if open {
        return may_open_photo_word(s) && patterns().caption.is_match(s);
    }
    // Without a bracket or `©`, only the branch of a photo word opening the
    // line, then blanks and a colon, is left: that colon is the first one
    // of the line (photo words have none), so the rest is not searched.
    // Found by byte searches (the full-width colon by its lead byte).
    let b = s.as_bytes();
    let full = "：".as_bytes();
    let wide = memchr::memchr_iter(full[0], b).find(|&i| b[i..].starts_with(full));
    let colon = match (memchr::memchr2(b':', b'=', b), wide) {
        (Some(a), Some(b)) if b < a => Some(b + '：'.len_utf8()),
        (Some(a), _) => Some(a + 1),
        (None, b) => b.map(|b| b + '：'.len_utf8()),
    };
    colon.is_some_and(|end| patterns().caption.is_match(&s[..end]))
}

/// Whether a photo word may stand where the caption pattern's word
/// branches need one: at the line's start before a colon, or after an
/// opening bracket and blanks. A word's first character there, where it is
/// ASCII or has no case (Chinese, Arabic), is one of the photo words' first
/// letters (in either case); any other character leaves the pattern to tell.
fn may_open_photo_word(s: &str) -> bool {
    static FIRSTS: OnceLock<([bool; 128], FxHashSet<char>)> = OnceLock::new();
    let (ascii, caseless) = FIRSTS.get_or_init(|| {
        let (mut ascii, mut caseless) = ([false; 128], FxHashSet::default());
        for w in photo_words() {
            for c in w.chars().take(1).flat_map(|c| c.to_lowercase().chain(c.to_uppercase())) {
                if c.is_ascii() {
                    ascii[usize::from(c.to_ascii_uppercase() as u8)] = true;
                    ascii[usize::from(c.to_ascii_lowercase() as u8)] = true;
                } else {
                    caseless.insert(c);
                }
            }
        }
        (ascii, caseless)
    });
    let may_start = |rest: &str| {
        rest.chars().next().is_some_and(|c| {
            if c.is_ascii() {
                ascii[c as usize]
            } else if c.to_lowercase().eq([c]) && c.to_uppercase().eq([c]) {
                caseless.contains(&c)
            } else {
                true
            }
        })
    };
    let b = s.as_bytes();
    if may_start(s) && (memchr::memchr(b':', b).is_some() || has_char(b, "：".as_bytes())) {
        return true;
    }
    let after = |i: usize, len: usize| may_start(s[i + len..].trim_start_matches(char::is_whitespace));
    memchr::memchr_iter(b'(', b).any(|i| after(i, 1))
        || memchr::memchr_iter(0xEF, b).any(|i| b[i..].starts_with("（".as_bytes()) && after(i, "（".len()))
}

fn han(s: &str) -> bool {
    may_hold_han(s) && high_chars(s).any(is_cjk)
}

/// The Chinese characters of `s` (see [`han`]).
fn han_count(s: &str) -> usize {
    if may_hold_han(s) { high_chars(s).filter(|&c| is_cjk(c)).count() } else { 0 }
}

/// Whether `s` may hold a Chinese character (U+2E80 on): a byte of 0xE3 or
/// more, or 0xE2 before one of 0xBA or more. Typographic quotes and dashes
/// (0xE2 0x80 ...) are none: a line of them is ruled out by a pass that
/// vectorizes and a search for 0xE2.
fn may_hold_han(s: &str) -> bool {
    let b = s.as_bytes();
    b.chunks(32).any(|c| c.iter().fold(0u8, |m, &x| m.max(x)) >= 0xE3)
        || memchr::memchr_iter(0xE2, b).any(|i| b.get(i + 1).is_some_and(|&n| n >= 0xBA))
}

/// Whether `b` holds the bytes `c` of a character: its lead byte is searched
/// for, vectorized, and the rest compared where it occurs.
fn has_char(b: &[u8], c: &[u8]) -> bool {
    memchr::memchr_iter(c[0], b).any(|i| b[i..].starts_with(c))
}

/// The characters of `s` from U+2000 on: those written with a lead byte of
/// 0xE2 or more (no continuation byte is that high), each decoded where it
/// starts. A Chinese character is one of them: the other bytes, most of a
/// line even where it has typographic quotes, are passed over undecoded.
fn high_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.bytes()
        .enumerate()
        .filter(|&(_, b)| b >= 0xE2)
        .map(move |(i, _)| s[i..].chars().next().expect("a character starts at a lead byte"))
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        // A contiguous NFA: built in a fraction of a DFA's time, searched
        // nearly as fast on lines this short.
        let automaton = |words: Vec<&str>| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(words)
                .expect("news lexicon automaton")
        };
        let mut l = Lexicon {
            chrome: FxHashSet::default(),
            chrome_han: Vec::new(),
            published: Vec::new(),
            updated: Vec::new(),
            event: Vec::new(),
            event_padded: Vec::new(),
            reporter: Vec::new(),
            legal: Vec::new(),
            end: FxHashSet::default(),
            newsroom: Vec::new(),
            newsroom_han: Vec::new(),
            feed: FxHashSet::default(),
            desk: FxHashSet::default(),
            masthead: Vec::new(),
            masthead_han: Vec::new(),
            notice: Vec::new(),
            notice_inside: Vec::new(),
            rights: Vec::new(),
            rights_inside: Vec::new(),
            consent: Vec::new(),
            consent_inside: Vec::new(),
            consent_ac: automaton(Vec::new()),
            rights_ac: automaton(Vec::new()),
            edition: FxHashSet::default(),
            edition_inside: Vec::new(),
            archive: Vec::new(),
            more: Vec::new(),
            more_han: Vec::new(),
            more_ends: FxHashSet::default(),
            today: Vec::new(),
            today_han: Vec::new(),
            contents: Vec::new(),
            official: Vec::new(),
            title: Vec::new(),
            date_order_function: FxHashMap::default(),
            legal_first: FxHashSet::default(),
            function: FxHashSet::default(),
            longest_function: 0,
            function_suffix: Vec::new(),
            function_han: FxHashSet::default(),
            chrome_openings: FxHashSet::default(),
            chrome_first: FxHashSet::default(),
            chrome_han_ac: automaton(Vec::new()),
            event_han_ac: automaton(Vec::new()),
            event_padded_ac: automaton(Vec::new()),
            labels_ac: automaton(Vec::new()),
        };
        for w in news_words() {
            match w.class {
                NewsWordClass::Chrome if han(w.text) => l.chrome_han.push(w.text),
                NewsWordClass::Chrome => {
                    // Stored as the tokens a line is split into, joined by a space.
                    let leaked: &'static str = Box::leak(token_key(w.text).into_boxed_str());
                    let parts: Vec<&'static str> = leaked.split(' ').collect();
                    l.chrome_first.insert(parts[0]);
                    for n in 1..parts.len() {
                        l.chrome_openings.insert(parts[..n].join(" "));
                    }
                    l.chrome.insert(leaked);
                }
                NewsWordClass::Published => l.published.push(w.text),
                NewsWordClass::Updated => l.updated.push(w.text),
                NewsWordClass::Event => {
                    l.event.push(w.text);
                    if !han(w.text) {
                        l.event_padded.push(format!(" {} ", token_key(w.text)));
                    }
                }
                NewsWordClass::Reporter => l.reporter.push(w.text),
                NewsWordClass::Legal => {
                    l.legal.push(w.text);
                    l.legal_first.extend(w.text.chars().next());
                }
                NewsWordClass::Newsroom if han(w.text) => l.newsroom_han.push(w.text),
                NewsWordClass::Newsroom => l.newsroom.push(token_key(w.text)),
                NewsWordClass::Masthead if han(w.text) => l.masthead_han.push(w.text),
                NewsWordClass::Masthead => l.masthead.push(format!(" {} ", token_key(w.text))),
                NewsWordClass::Notice if han(w.text) || may_hold_hangul(w.text) => l.notice_inside.push(w.text),
                NewsWordClass::Notice => l.notice.push(format!(" {} ", token_key(w.text))),
                NewsWordClass::Rights if han(w.text) || may_hold_hangul(w.text) => l.rights_inside.push(w.text),
                NewsWordClass::Rights => l.rights.push(format!(" {} ", token_key(w.text))),
                NewsWordClass::Consent if han(w.text) || may_hold_hangul(w.text) => l.consent_inside.push(w.text),
                NewsWordClass::Consent => l.consent.push(format!(" {} ", token_key(w.text))),
                NewsWordClass::Edition if han(w.text) || may_hold_hangul(w.text) => l.edition_inside.push(w.text),
                NewsWordClass::Edition => {
                    l.edition.insert(w.text);
                }
                NewsWordClass::Archive => l.archive.push(w.text),
                // Read with the catalog's photo words and byline labels (see
                // `photo_words`, `byline_labels`), and on their own (see
                // `caption_phrase`).
                NewsWordClass::Photo | NewsWordClass::Caption | NewsWordClass::Byline => {}
                NewsWordClass::More if han(w.text) => l.more_han.push(w.text),
                NewsWordClass::More => {
                    l.more_ends.extend(w.text.chars().next_back());
                    l.more.push(token_key(w.text));
                }
                NewsWordClass::Today if han(w.text) => l.today_han.push(w.text),
                NewsWordClass::Today => l.today.push(token_key(w.text)),
                NewsWordClass::Contents => l.contents.push(w.text),
                NewsWordClass::Official => l.official.push(token_key(w.text)),
                NewsWordClass::Title => l.title.push(w.text),
                NewsWordClass::Desk => {
                    l.desk.insert(w.text);
                }
                NewsWordClass::Feed if han(w.text) => {
                    l.feed.insert(w.text.to_string());
                }
                NewsWordClass::Feed => {
                    l.feed.insert(token_key(w.text));
                }
                NewsWordClass::End => {
                    l.end.insert(Box::leak(token_key(w.text).into_boxed_str()));
                }
                NewsWordClass::Function if w.lang == "zh" => l.function_han.extend(w.text.chars()),
                NewsWordClass::Function if w.lang == "ko" => l.function_suffix.push(w.text),
                NewsWordClass::Function => {
                    if matches!(w.lang, "en" | "fr" | "es") {
                        *l.date_order_function.entry(w.text).or_insert(0) |= if w.lang == "en" { 1 } else { 2 };
                    }
                    l.function.insert(w.text);
                    l.longest_function = l.longest_function.max(w.text.len());
                }
            }
        }
        l.chrome_han.sort_by_key(|w| std::cmp::Reverse(w.len()));
        l.chrome_han_ac = automaton(l.chrome_han.clone());
        l.event_han_ac = automaton(l.event.iter().copied().filter(|w| han(w)).collect());
        l.event_padded_ac = automaton(l.event_padded.iter().map(String::as_str).collect());
        l.labels_ac = automaton(l.published.iter().chain(&l.updated).copied().collect());
        // Searched for as written: an ASCII word without its first letter
        // (`ookies` finds `Cookies` and `cookies`) and in capitals; a word
        // that holds another is found by it. A few needles, searched for
        // together by the automaton's vector prefilter.
        let mut needles: Vec<String> = Vec::new();
        for w in news_words().iter().filter(|w| w.class == NewsWordClass::Consent) {
            if w.text.is_ascii() {
                needles.extend([w.text[1..].to_string(), w.text.to_uppercase()]);
            } else {
                needles.push(w.text.to_string());
            }
        }
        needles.sort_by_key(String::len);
        let mut kept: Vec<String> = Vec::new();
        for n in needles {
            if !kept.iter().any(|k| n.contains(k.as_str())) {
                kept.push(n);
            }
        }
        l.consent_ac = AhoCorasick::new(kept).expect("consent automaton");
        let rights = news_words().iter().filter(|w| w.class == NewsWordClass::Rights).map(|w| {
            let first = w.text.chars().next().map_or(0, char::len_utf8);
            if w.text.len() > first { w.text[first..].to_string() } else { w.text.to_string() }
        });
        l.rights_ac = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(rights)
            .expect("rights automaton");
        l
    })
}

/// The lower-cased tokens of a line (runs of letters and digits, apostrophes
/// and hyphens inside a word kept: see [`split_tokens`]), joined by a space.
fn token_key(s: &str) -> String {
    split_tokens(&lower_of(s)).join(" ")
}

/// How many tokens `s` has (see [`token_key`]).
fn token_count(s: &str) -> usize {
    split_tokens(&lower_of(s)).len()
}

/// Whether `s` is a short line ending with an exclamation mark (`По
/// эффективности мы - лучшие!`): a headline's as often as a sentence's.
fn short_exclamation(s: &str, units: f32) -> bool {
    units < 8.0 && s.trim_end().ends_with(['!', '！'])
}

/// The length of a title label opening `s` with its separator (`제목 `,
/// `标题：`, `Title: `), when a title of some words follows it: a board's
/// view page gives its post's headline so.
fn title_label_len(s: &str) -> Option<usize> {
    let lex = lexicon();
    let head = head_of(s, 24);
    let lower = lowercase(head);
    lex.title
        .iter()
        .find_map(|w| {
            let rest = lower.strip_prefix(w)?;
            // A colon after the label, or (Korean boards) a blank alone.
            let sep = rest.len() - rest.trim_start_matches([':', '：', ' ', '\t']).len();
            let colon = rest.trim_start().starts_with([':', '：']);
            // Offsets in the lower-cased head are the line's where case kept
            // every length.
            (sep > 0 && (colon || may_hold_hangul(w)) && lower.len() == head.len()).then_some(w.len() + sep)
        })
        .filter(|&n| s.get(n..).is_some_and(|r| units(r) >= 2.0))
}

/// Whether a line's token key opens with the phrase `p` naming an official
/// site, as whole words, or ends with it in Chinese and Korean, which name
/// the institution first (`某某市人民政府门户网站`, `군청 공식 홈페이지`). A
/// headline may end with the words (`Council Launches Its Official Website`).
fn names_official_site(key: &str, p: &str) -> bool {
    key.strip_prefix(p).is_some_and(|r| r.is_empty() || r.starts_with(' '))
        || (han(p) || may_hold_hangul(p))
            && key.strip_suffix(p).is_some_and(|r| r.is_empty() || r.ends_with(' ') || han(p))
}

/// `s` lower-cased, with typographic apostrophes as plain ones.
fn lower_of(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    lowercase_with(s, true)
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII
/// and for the blocks of news text that are letters throughout (see
/// [`letter`]): the table lookup costs hundreds of instructions a character.
fn word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { letter(c) || numeric(c) }
}

/// `c.is_numeric()`, with the shortcuts of [`letter`] (those letters are
/// no numbers).
fn numeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_digit(),
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x17F => false,
        0x0410..=0x044F | 0x0620..=0x064A | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => false,
        _ => c.is_numeric(),
    }
}

/// Whether `s` may hold a Hangul syllable: they are written with a lead
/// byte from 0xEA to 0xED.
fn may_hold_hangul(s: &str) -> bool {
    s.bytes().any(|b| (0xEA..=0xED).contains(&b))
}

/// `s.to_lowercase()`, with the characters of the scripts that have no case
/// (Arabic, Chinese, Japanese kana, Hangul) copied without the case tables.
fn lowercase(s: &str) -> String {
    lowercase_with(s, false)
}

/// [`lowercase`], with typographic apostrophes written as plain ones when
/// `apostrophes` says so (in the same pass).
fn lowercase_with(s: &str, apostrophes: bool) -> String {
    // A capital sigma's lower case depends on its neighbours.
    if has_char(s.as_bytes(), "Σ".as_bytes()) {
        let lower = s.to_lowercase();
        return if apostrophes && lower.contains('’') { lower.replace('’', "'") } else { lower };
    }
    let mut out = String::with_capacity(s.len());
    // Text its lower case leaves as it is (caseless scripts, small letters,
    // ASCII without capitals) is copied a span at a time, not a character
    // at a time; `from` is where the span not yet copied starts.
    let b = s.as_bytes();
    let (mut from, mut i) = (0, 0);
    while i < b.len() {
        // A run of ASCII (most of a line, even of other scripts' text):
        // left in the span when it has no capital, else copied and
        // lower-cased at once.
        let ascii = crate::words::ascii_prefix(&b[i..]);
        if ascii > 0 {
            let end = i + ascii;
            if b[i..end].iter().any(u8::is_ascii_uppercase) {
                out.push_str(&s[from..i]);
                let at = out.len();
                out.push_str(&s[i..end]);
                out[at..].make_ascii_lowercase();
                from = end;
            }
            i = end;
            continue;
        }
        let c = s[i..].chars().next().expect("a character starts here");
        let next = i + c.len_utf8();
        // ASCII was taken as a run above.
        let changed = match c as u32 {
            // Latin-1 and Cyrillic capitals are their small letters less 0x20.
            0xC0..=0xD6 | 0xD8..=0xDE | 0x0410..=0x042F => Some(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            0xDF..=0xFF | 0x0430..=0x044F => None,
            0x2019 if apostrophes => Some('\''),
            // General punctuation (quotes, dashes) has no case either.
            0x0600..=0x06FF | 0x2000..=0x206F | 0x3000..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => None,
            _ => {
                out.push_str(&s[from..i]);
                out.extend(c.to_lowercase());
                from = next;
                i = next;
                continue;
            }
        };
        if let Some(lower) = changed {
            out.push_str(&s[from..i]);
            out.push(lower);
            from = next;
        }
        i = next;
    }
    out.push_str(&s[from..]);
    out
}

/// The tokens of a lower-cased line (see [`token_key`]), borrowed.
fn split_tokens(lower: &str) -> Vec<&str> {
    // The runs of word characters, found in one pass into a vector sized
    // for the line's words (a split, map and filter chain grew it a token
    // at a time).
    let mut out = Vec::with_capacity(lower.len() / 5 + 1);
    /// The run without apostrophes and hyphens at its ends: ASCII bytes,
    /// so the cuts fall between characters.
    fn push<'a>(out: &mut Vec<&'a str>, run: &'a str) {
        let b = run.as_bytes();
        let edge = |b: &u8| *b != b'\'' && *b != b'-';
        if let (Some(a), Some(z)) = (b.iter().position(edge), b.iter().rposition(edge)) {
            out.push(&run[a..z + 1]);
        }
    }
    let bytes = lower.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    // Runs of word characters: ASCII bytes are characters, looked up in a
    // table; only the others are decoded.
    loop {
        // Up to the next word character.
        while i < n {
            let b = bytes[i];
            if b.is_ascii() {
                if ASCII_WORD[usize::from(b)] {
                    break;
                }
                i += 1;
            } else {
                let c = lower[i..].chars().next().expect("a character starts here");
                if word_char(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
        if i == n {
            return out;
        }
        // Up to the end of its run.
        let from = i;
        while i < n {
            let b = bytes[i];
            if b.is_ascii() {
                if !ASCII_WORD[usize::from(b)] {
                    break;
                }
                i += 1;
            } else {
                let c = lower[i..].chars().next().expect("a character starts here");
                if !word_char(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
        push(&mut out, &lower[from..i]);
    }
}

/// The ASCII characters of tokens: letters, digits, apostrophes and hyphens.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'\'' || b as u8 == b'-';
        b += 1;
    }
    t
};

fn ends_like_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', '）', '」', '】', ' ', '“']);
    s.ends_with(['.', '!', '?', '。', '！', '？', '…', '؟', ';'])
}

/// Ends with a full stop (not an ellipsis, a question or an exclamation).
fn ends_with_full_stop(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', '）', ' ']);
    (s.ends_with('.') && !s.ends_with("..")) || s.ends_with('。')
}

/// A link title run into its teaser: a lower-case letter directly followed
/// by an upper-case one.
fn run_together(s: &str) -> bool {
    // Runs of ASCII compare byte pairs, without the Unicode case tables and
    // a chunk at a time (which vectorizes); only the other characters are
    // decoded, and the pairs across a run's edges compared one by one.
    let b = s.as_bytes();
    let (mut prev_lower, mut i) = (false, 0);
    while i < b.len() {
        let ascii = crate::words::ascii_prefix(&b[i..]);
        if ascii > 0 {
            let run = &b[i..i + ascii];
            if (prev_lower && run[0].is_ascii_uppercase()) || ascii_run_together(run) {
                return true;
            }
            prev_lower = run[ascii - 1].is_ascii_lowercase();
            i += ascii;
            continue;
        }
        let c = s[i..].chars().next().expect("a character starts here");
        let (lower, upper) = case_of(c);
        if prev_lower && upper {
            return true;
        }
        prev_lower = lower;
        i += c.len_utf8();
    }
    false
}

/// Whether a capital after a lower-case letter in `s` opens a word glued
/// on (`статьиЧитайте`), rather than closing one by a slip of the shift key
/// (`БабиЧ.`): a letter follows it (`MinistersPDF`).
fn opens_glued_word(s: &str) -> bool {
    let mut chars = s.chars().peekable();
    let mut prev_lower = false;
    while let Some(c) = chars.next() {
        if prev_lower && c.is_uppercase() && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// Whether the one glued word of `s` is its first, opened in lower case
/// (`автобусЖители микрорайона…`): an image's alt text run into the
/// paragraph under it, not a link's title run into its teaser.
fn alt_text_glued_on(s: &str) -> bool {
    let s = s.trim_start();
    let first_end = s.find(char::is_whitespace).unwrap_or(s.len());
    s.starts_with(char::is_lowercase) && opens_glued_word(&s[..first_end]) && !run_together(&s[first_end..])
}

/// The words of `s` in which a lower-case letter runs into a capital.
fn camel_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| run_together(w))
}

/// [`run_together`] within a run of ASCII bytes: a lower-case letter
/// directly before an upper-case one, looked for 64 pairs at a time.
fn ascii_run_together(b: &[u8]) -> bool {
    let pairs = b.len().saturating_sub(1);
    (0..pairs).step_by(64).any(|k| {
        let end = (k + 64).min(pairs);
        b[k..end]
            .iter()
            .zip(&b[k + 1..end + 1])
            .fold(false, |hit, (a, c)| hit | (a.is_ascii_lowercase() & c.is_ascii_uppercase()))
    })
}

/// `(c.is_lowercase(), c.is_uppercase())`, answered without the Unicode
/// tables for ASCII, Latin-1 and basic Cyrillic letters and for the
/// caseless blocks of [`crate::words::letter`].
fn case_of(c: char) -> (bool, bool) {
    match c as u32 {
        0..=0x7F => (c.is_ascii_lowercase(), c.is_ascii_uppercase()),
        0xC0..=0xD6 | 0xD8..=0xDE | 0x0410..=0x042F => (false, true),
        0xDF..=0xF6 | 0xF8..=0xFF | 0x0430..=0x044F => (true, false),
        0x0620..=0x064A | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => (false, false),
        _ => (c.is_lowercase(), c.is_uppercase()),
    }
}

/// What the line model knows of one line.
#[derive(Debug, Clone)]
struct LineInfo {
    at: LineRef,
    /// Words, a Chinese character counting half a word.
    units: f32,
    kind: LineKind,
    /// A date the line carries, where it is meta (see the module docs).
    date: Option<DateHit>,
    /// The line is a byline: its name.
    byline: Option<Span>,
    /// Lower-cased tokens joined by a space, list markers left out: equal
    /// keys are copies.
    key: String,
    /// The line repeats an earlier line.
    copy: bool,
    /// Reads as prose: function words at a prose rate.
    prose_share: f32,
    sentence: bool,
    /// Words with a letter, a Chinese character counting half a word.
    lettered: f32,
    /// A caption or a photo credit.
    caption: bool,
    /// Prose but for a lower-case letter run into a capital (a link title
    /// run into its teaser, or a name in camel case).
    glued: bool,
    /// May be a headline by its form (see `headline_form`).
    headline_form: bool,
    /// Keys of the parts around a site separator (`Site - Headline`).
    affixes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Chrome,
    Meta,
    Content,
    Neutral,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Published,
    Updated,
    None,
}

#[derive(Debug, Clone, Copy)]
struct DateHit {
    found: FoundDate,
    label: Label,
    /// Opens the line's text as a dateline (`Berne, 23.01.2008 - ...`).
    dateline: bool,
}

/// Words of `s`, a Chinese character counting half a word.
fn units(s: &str) -> f32 {
    units_with(s, han_count(s))
}

/// [`units`], with the count of Chinese characters of `s`.
fn units_with(s: &str, han: usize) -> f32 {
    word_count(s) as f32 - han as f32 / 2.0
}

fn function_share(s: &str, toks: &[&str], has_han: bool) -> f32 {
    let lex = lexicon();
    let (mut han, mut hits) = (0usize, 0usize);
    if has_han {
        for c in high_chars(s).filter(|&c| is_cjk(c)) {
            han += 1;
            hits += usize::from(lex.function_han.contains(&c));
        }
    }
    if han >= toks.len() && han > 0 {
        return hits as f32 / han as f32;
    }
    if toks.is_empty() {
        return 0.0;
    }
    let hits = toks
        .iter()
        .filter(|t| {
            (t.len() <= lex.longest_function && lex.function.contains(*t))
                || (may_hold_hangul(t)
                    && t.chars().any(|c| ('가'..='힣').contains(&c))
                    && lex.function_suffix.iter().any(|x| t.ends_with(x) && t.len() > x.len()))
        })
        .count();
    hits as f32 / toks.len() as f32
}

/// Whether a line is page interface by the lexicon.
fn lexicon_chrome(s: &str, toks: &[&str], has_han: bool) -> bool {
    let lex = lexicon();
    let trimmed = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    if has_han {
        let chars = s.chars().count();
        // A word at the start of `trimmed`, or anywhere in a short line:
        // every occurrence of every word is reported.
        let start = s.len() - trimmed.len();
        if lex.chrome_han_ac.find_overlapping_iter(s).any(|m| m.start() == start || chars <= 12) {
            return true;
        }
    }
    // Sized for every token at once, not grown a few tokens at a time.
    let mut words: Vec<&str> = Vec::with_capacity(toks.len());
    words.extend(toks.iter().copied().filter(|t| !t.bytes().all(|b| b.is_ascii_digit())));
    if words.is_empty() {
        return false;
    }
    if words.len() > 12 {
        // A long line is chrome when it opens with a phrase of the lexicon
        // (`Sautez à la barre de navigation...`), unless it is a sentence:
        // prose may open so too (`Más de 400 organizaciones ... .`).
        return !ends_like_sentence(s)
            && opens_chrome_phrase(lex, &words, |n| n > 0 && !titles_with(lex, &words, 0, n));
    }
    // A phrase of the lexicon that the line contains; a single word only
    // when it opens a line of at most four words, or stands in a line of
    // at most two.
    if (0..words.len()).any(|i| {
        lex.chrome_first.contains(words[i])
            && opens_chrome_phrase(lex, &words[i..], |n| {
                (n > 0 || (i == 0 && words.len() <= 4) || words.len() <= 2) && !titles_with(lex, &words, i, n)
            })
    }) {
        return true;
    }
    // A row of buttons or of the site's sections: four words or more,
    // nearly every one a word of the lexicon alone (`RSS 페이스북 공유하기
    // 트위터 공유하기 …`, `홈 사회 정치 경제 국제 문화 IT 포토 랭킹`).
    words.len() >= 4
        && words.iter().filter(|w| lex.chrome.contains(**w) || lex.desk.contains(**w)).count() * 5 >= words.len() * 4
}

/// Whether the chrome phrase of `n + 1` tokens at `i` is the subject of a
/// title: it opens the line, a function word follows it and four words or
/// more the phrase (`Press release on the Council's meeting of 21
/// February`), where a link or a label stands alone or before a name.
fn titles_with(lex: &Lexicon, words: &[&str], i: usize, n: usize) -> bool {
    i == 0 && words.len() >= n + 6 && words.get(n + 1).is_some_and(|w| lex.function.contains(*w))
}

/// Whether `words` open with a chrome phrase of `n + 1` tokens for which
/// `counts(n)` holds. The phrases are tried shortest first, as long as the
/// tokens read so far open some phrase.
fn opens_chrome_phrase(lex: &Lexicon, words: &[&str], counts: impl Fn(usize) -> bool) -> bool {
    let mut phrase = String::new();
    // A whole phrase of the most tokens opens none, so the loop ends there.
    for (n, w) in words.iter().enumerate() {
        if n > 0 {
            phrase.push(' ');
        }
        phrase.push_str(w);
        if counts(n) && lex.chrome.contains(phrase.as_str()) {
            return true;
        }
        if !lex.chrome_openings.contains(phrase.as_str()) {
            return false;
        }
    }
    false
}

/// Whether a line is page interface by its form: no letter, a breadcrumb,
/// a URL or an address alone.
fn structural_chrome(s: &str, toks: &[&str], units: f32) -> bool {
    if !s.chars().any(letter) {
        return true;
    }
    // Codes: most tokens mix letters and digits (`#EDF0F5 #F3FFE1`).
    // An ASCII token's digits are its bytes.
    let has_digit = |t: &str| if t.is_ascii() { t.bytes().any(|b| b.is_ascii_digit()) } else { t.chars().any(numeric) };
    // A Chinese clause with a number (`新华社北京5月12日电`) is one token
    // of prose, no code.
    let mixed =
        toks.iter().filter(|t| has_digit(t) && t.chars().any(letter) && t.chars().count() <= 12 && !han(t)).count();
    if toks.len() >= 3 && mixed * 2 >= toks.len() {
        return true;
    }
    // A link to the previous or next story (`←Подозреваемые в смерти…`,
    // `Next article →`): the page's pager.
    if s.starts_with(['←', '⟵', '⇐']) || s.trim_end().ends_with(['→', '⟶', '⇒']) {
        return true;
    }
    let crumbs = crumbs(s);
    if crumbs >= 2 && (toks.len() as f32) / (crumbs as f32 + 1.0) <= 4.0 {
        return true;
    }
    if crumbs >= 1 && s.trim_end().ends_with(['»', '>', '›']) && toks.len() <= 4 {
        return true;
    }
    // A bar of labelled fields set apart by blanks, no clause of prose
    // (`主办：中共某县委宣传部  承办：某县融媒体中心`, `Source: City  Views: 12`).
    if fields_bar(s) {
        return true;
    }
    // A URL or an address alone; a document symbol, a counter or a number
    // with its label (`ECOSOC/5773`, `NLIS 8`, `- 2099`, `Views 1026`).
    toks.len() <= 2
        && (s.contains("://")
            || s.contains('@')
            || s.starts_with("www.")
            || (units <= 2.5 && toks.iter().any(|t| t.chars().any(numeric)) && !ends_like_sentence(s)))
}

/// Whether `s` is two or more fields, each a short label, a colon and a
/// short value, set apart by runs of blanks, with no comma or full stop of
/// a sentence: a page's metadata or footer, not prose.
fn fields_bar(s: &str) -> bool {
    let b = s.as_bytes();
    if memchr::memchr(b':', b).is_none() && !has_char(b, "：".as_bytes()) {
        return false;
    }
    if s.contains(['，', '。', '；']) || ends_like_sentence(s) {
        return false;
    }
    // A ticker of three or more labels and their short values, one blank
    // between them (`Dólar Oficial: - Dólar Blue: - Riesgo País: 1.500`):
    // a few words between one colon and the next.
    let pieces: Vec<&str> = s.split([':', '：']).collect();
    if pieces.len() >= 4 && pieces[1..pieces.len() - 1].iter().all(|p| p.split_whitespace().count() <= 4) {
        return true;
    }
    let fields: Vec<&str> =
        s.split("  ").flat_map(|f| f.split('\u{3000}')).map(str::trim).filter(|f| !f.is_empty()).collect();
    fields.len() >= 2
        && fields.iter().all(|f| {
            f.split_once([':', '：']).is_some_and(|(label, value)| {
                let label = label.trim();
                !label.is_empty() && label.chars().count() <= 12 && value.trim().chars().count() <= 40
            })
        })
}

/// The most breadcrumb separators of one kind in `s`: each kind counted
/// where its character occurs at all, which a vectorized search tells.
fn crumbs(s: &str) -> usize {
    let seps = [(">", '>'), ("›", '›'), ("»", '»'), ("|", '|'), (" / ", '/'), (">>", '>')];
    let b = s.as_bytes();
    // Most lines have none of the characters: three searches tell.
    if memchr::memchr3(b'>', b'|', b'/', b).is_none() && !has_char(b, "›".as_bytes()) && !has_char(b, "»".as_bytes())
    {
        return 0;
    }
    let occurs = |c: char| {
        let mut buf = [0; 4];
        has_char(b, c.encode_utf8(&mut buf).as_bytes())
    };
    seps.iter()
        .map(|&(sep, c)| {
            if !occurs(c) {
                return 0;
            }
            // A `»` or `›` that closes a quote (`«Новогодний»`) is no
            // separator.
            let opening = match c {
                '»' => s.matches('«').count(),
                '›' => s.matches('‹').count(),
                _ => 0,
            };
            s.matches(sep).count().saturating_sub(opening)
        })
        .max()
        .unwrap_or(0)
}

/// Where a site's address ends a headline after a site separator
/// (`… en mutation - example.com`, `Headline | www.example.org`): the
/// separator's start. An address is one word of letters, digits and
/// hyphens with a dot, its last part two to six letters.
fn trailing_domain(s: &str) -> Option<usize> {
    let s = s.trim_end();
    SITE_SEPARATORS.iter().find_map(|sep| {
        let (head, tail) = s.rsplit_once(sep)?;
        let (name, top) = tail.trim().rsplit_once('.')?;
        let domain = !name.is_empty()
            && name.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '-'))
            && (2..=6).contains(&top.chars().count())
            && top.chars().all(|c| c.is_ascii_lowercase());
        (domain && token_count(head) >= 3).then_some(head.len() + sep.len() - sep.trim_start().len())
    })
}

/// Where a publication label the lexicon knows ends `s` after a blank,
/// three words or more before it (`… dans le nouveau collège Publié le`):
/// the label's start.
fn trailing_date_label(s: &str) -> Option<usize> {
    let t = s.trim_end();
    let lower = lowercase(t);
    // Lower-casing keeps the byte length of every letter a label uses.
    if lower.len() != t.len() {
        return None;
    }
    lexicon()
        .published
        .iter()
        .filter(|w| !han(w) && w.contains(' '))
        .filter_map(|w| {
            let start = lower.len().checked_sub(w.len())?;
            (lower.ends_with(*w) && lower[..start].ends_with(' ') && units(&t[..start]) >= 3.0).then_some(start)
        })
        .min()
}

/// Where a reporter's byline that ends `s` starts (`… 교육 진행 윤규진 기자
/// kor741@hanmail.net`, `… 开幕 记者 林家庆`): a name of two to four letters
/// and a reporter word of the lexicon, either way round, perhaps an e-mail
/// address after them, three words or more before them.
fn trailing_reporter(s: &str) -> Option<usize> {
    let mut words: Vec<(usize, &str)> =
        s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    if words.last().is_some_and(|(_, w)| w.contains('@')) {
        words.pop();
    }
    let [.., (start, a), (_, b)] = words[..] else { return None };
    let reporter = |w: &str| lexicon().reporter.contains(&w);
    let name = |w: &str| (2..=4).contains(&w.chars().count()) && w.chars().all(char::is_alphabetic);
    (((name(a) && reporter(b)) || (reporter(a) && name(b))) && units(&s[..start]) >= 3.0).then_some(start)
}

/// The label nearest before `at` in `s` (lower-cased): a publication or an
/// update label, at most two words before the date.
fn label_before(lower: &str, at: usize) -> Label {
    let lex = lexicon();
    let before = &lower[..at.min(lower.len())];
    // Only the words that occur are searched word by word.
    let mut present = vec![false; lex.published.len() + lex.updated.len()];
    for m in lex.labels_ac.find_overlapping_iter(before) {
        present[m.pattern().as_usize()] = true;
    }
    let mut best: Option<(usize, usize, Label)> = None;
    let mut updated_end = None;
    for (base, words, label) in
        [(0, &lex.published, Label::Published), (lex.published.len(), &lex.updated, Label::Updated)]
    {
        for (k, w) in words.iter().enumerate() {
            if !present[base + k] {
                continue;
            }
            let spaced = !han(w) && !w.chars().any(|c| ('가'..='힣').contains(&c));
            for (i, _) in before.match_indices(*w) {
                let end = i + w.len();
                if spaced {
                    // The Arabic article joined to the word is no other word
                    // (`التحديث`, the update).
                    let head = before[..i].strip_suffix("ال").unwrap_or(&before[..i]);
                    let prev = head.chars().next_back();
                    let next = before[end..].chars().next();
                    if prev.is_some_and(char::is_alphanumeric) || next.is_some_and(char::is_alphanumeric) {
                        continue;
                    }
                }
                if label == Label::Updated && updated_end.is_none_or(|e| end > e) {
                    updated_end = Some(end);
                }
                // The label ending nearest the date wins, the longer on a tie.
                let key = (end, w.len(), label);
                if best.is_none_or(|(e, l, _)| (end, w.len()) > (e, l)) {
                    best = Some(key);
                }
            }
        }
    }
    // A word of the published labels right after an updated label is that
    // label's particle (`التحديث الاخير بتاريخ`, last updated on).
    if let Some((end, len, label @ Label::Published)) = best.as_mut()
        && updated_end.is_some_and(|e| e <= *end - *len && token_count(&before[e..*end - *len]) <= 2)
    {
        *label = Label::Updated;
    }
    match best {
        Some((end, _, label)) if token_count(&before[end..]) <= 2 => label,
        // `This entry was posted in Press Releases on February 19, 2016`
        // (a blog's entry line): the label, the category it was posted in,
        // then the particle a date takes.
        Some((end, _, label))
            if token_count(&before[end..]) <= 7
                && before[end..].split_whitespace().next().is_some_and(|w| CATEGORY_PARTICLES.contains(&w))
                && before.split_whitespace().next_back().is_some_and(|w| DATE_PARTICLES.contains(&w)) =>
        {
            label
        }
        _ => Label::None,
    }
}

/// Words set right before a date in a sentence that gives it (`on`, `le`).
const DATE_PARTICLES: [&str; 6] = ["on", "le", "el", "am", "в", "في"];

/// Words set before the category a post was filed in (`posted in`,
/// `publiée dans`).
const CATEGORY_PARTICLES: [&str; 5] = ["in", "dans", "en", "в", "في"];

fn has_event_word(lower: &str) -> bool {
    // Digits glued to a word (`Formed1 July`) do not hide it.
    let spaced: String = lower.chars().map(|c| if numeric(c) { ' ' } else { c }).collect();
    let padded = format!(" {} ", token_key(&spaced));
    let lex = lexicon();
    lex.event_han_ac.is_match(lower) || lex.event_padded_ac.is_match(padded.as_str())
}

/// The byline a short line gives: a byline word first (`by`, `par`,
/// `Por:`), or a reporter word after a name (`김남균 기자`).
fn byline_in(text: &str, at: LineRef, toks: &[&str], units: f32) -> Option<Span> {
    let s = &text[at.span.range()];
    let p = patterns();
    let (lead, s2) = match p.posted_lead.captures(s).and_then(|c| c.name("rest")) {
        Some(r) if p.byline.is_match(r.as_str()) => (r.start(), r.as_str()),
        _ => (0, s),
    };
    if let Some(rest) = p.byline.captures(s2).and_then(|c| c.name("rest")) {
        let rest_start = at.span.start + lead + rest.start();
        let rest_text = rest.as_str();
        // The name ends where a date or a separator before it begins.
        let mut end = at.span.end;
        if let Some(d) = find_dates(rest_text).first() {
            let before = rest_text[..d.start].trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | '，' | '|' | '–' | '—' | '-' | '·' | ':')
            });
            let before = before.trim_end_matches(|c: char| c.is_alphabetic() && !before.contains(' ')).trim_end();
            end = rest_start + without_date_label(before).len();
        }
        // Or where another label of the line begins (`作者:张三编辑:李四来源:新华社`).
        if let Some(next) = next_byline_label(&text[rest_start..end]) {
            end = rest_start + next;
        }
        let name = trim(text, Span::new(rest_start, end.max(rest_start)));
        if word_count(&text[name.range()]) <= 8 && !name.is_empty() {
            return Some(name);
        }
        return None;
    }
    let lex = lexicon();
    // A Chinese credit line (`本报记者 张三 通讯员 李四 某地报道`): names after
    // reporter words, spaced, the report's own word closing the line.
    if units <= 16.0 && may_hold_han(s) && !ends_like_sentence(s) && s.matches(' ').count() >= 2 {
        let end = s.trim_end();
        let han_words = || lex.reporter.iter().filter(|r| han(r));
        if han_words().any(|r| end.ends_with(*r)) && han_words().any(|r| !end.ends_with(*r) && end.contains(*r)) {
            return Some(at.span);
        }
    }
    if toks.len() <= 6
        && units <= 8.0
        && let Some(i) = toks.iter().position(|t| lex.reporter.iter().any(|r| t == r || t.ends_with(r)))
        && i <= 3
        // A byline's reporter word closes the name: nothing after it but
        // an address, a date or its label (`기자 입력 2022-07-04`), not a
        // noun it qualifies (`시민기자 간담회`, a meeting of citizen reporters).
        && (s.contains('@')
            || toks.get(i + 1).is_none_or(|next| {
                !next.chars().next().is_some_and(char::is_alphabetic)
                    || date_labels().iter().any(|w| next.to_lowercase().starts_with(w.as_str()))
            }))
    {
        return Some(at.span);
    }
    None
}

/// Whether a paragraph opens with an outlet's and a reporter's name, the
/// reporter word and a separator (`지이코노미 이수준 기자 | “…”`, `아주경제
/// 박재천 기자 =경기도`): an article's byline run into its first line.
fn reporter_opening(s: &str) -> bool {
    let head = head_of(s, 64);
    lexicon().reporter.iter().any(|r| {
        head.find(r).is_some_and(|at| {
            let names = head[..at].split_whitespace().count();
            (1..=3).contains(&names) && head[at + r.len()..].trim_start().starts_with(['=', '|', '｜', ']', '】'])
        })
    })
}

/// `s` without a date's label at its end (`林家庆 发布时间`, `Ann Lee
/// Published`): the name before a date's label.
fn without_date_label(s: &str) -> &str {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return s;
    }
    date_labels()
        .iter()
        .filter(|w| {
            lower.ends_with(w.as_str())
                && w.len() < s.len()
                && (!w.is_ascii() || s[..s.len() - w.len()].ends_with(char::is_whitespace))
        })
        .max_by_key(|w| w.len())
        .map_or(s, |w| s[..s.len() - w.len()].trim_end())
}

/// The labels of publication and update dates, lower-cased.
fn date_labels() -> &'static [String] {
    static L: OnceLock<Vec<String>> = OnceLock::new();
    L.get_or_init(|| {
        let lex = lexicon();
        lex.published.iter().chain(&lex.updated).map(|w| w.to_lowercase()).collect()
    })
}

/// Where a byline label or a date's label with its colon (`编辑:`,
/// `Source:`, `发布时间:`) begins in `s`, the rest of a byline line after its
/// first name.
fn next_byline_label(s: &str) -> Option<usize> {
    let colon = s.find([':', '：'])?;
    let head = &s[..colon];
    let lower = head.to_lowercase();
    byline_labels()
        .iter()
        .chain(date_labels())
        .filter_map(|w| lower.strip_suffix(w.as_str()).map(|before| before.len()))
        .filter(|&at| at > 0)
        .min()
        .map(|at| head.len() - (lower.len() - at))
}

/// The line model of one non-blank line.
fn line_info(text: &str, at: LineRef) -> LineInfo {
    let s = &text[at.span.range()];
    // The line's Chinese characters, counted once for every test that asks.
    let han_n = han_count(s);
    let units = units_with(s, han_n);
    // A long line is prose, or navigation run together: its opening words
    // tell which, and its function words are read there too.
    let long = units > MAX_TITLE_WORDS;
    let head = if long { head_of(s, LONG_LINE_HEAD) } else { s };
    let lower_t = lower_of(head);
    let toks = split_tokens(&lower_t);
    // A date is meta in a short line, or after a label.
    let mut date = None;
    let sentence = ends_like_sentence(s);
    let byline = if units <= 16.0 { byline_in(text, at, &toks, units) } else { None };
    if units <= 40.0 || has_digit_date_prefix(s) {
        let found = find_dates(s);
        let lower = if found.is_empty() { String::new() } else { lowercase(s) };
        for f in &found {
            let label = label_before(&lower, lower_index(s, &lower, f.start));
            // A labelled publication date then a dash and a short source
            // (`Publié le 18 septembre 2015 - Direction de l'information…`)
            // is the header's date line; a dateline opens a paragraph.
            let dateline = dateline(s, f) && !(label == Label::Published && !sentence && units <= 20.0);
            // Meta: a short line that is little besides its date (a weekday,
            // a clock time, a place, a name), or a date after a label.
            let date_units = self::units(&s[f.start..f.end]);
            let rest = units - date_units;
            let opens = token_count(&s[..f.start]) <= 2;
            // A sentence that mentions a date is prose (`The meeting took
            // place on 23 February, 2016.`).
            let told = sentence && !opens;
            // A Chinese date run into the words after it opens a headline
            // (`2020年6月8日市政府新闻发布会预告`), not a date line (`2020年6月7日
            // 星期日`, `2020年6月7日 来源：…`).
            let after = &s[f.end..];
            let titled = after.chars().next().is_some_and(is_cjk)
                && han_count(after) >= 4
                && !after.contains([':', '：', ' ', '\u{3000}']);
            // A field of a bar of metadata, little besides the date
            // (`已有 4437 次阅读 2012-9-1 16:00 | 系统分类: … | …`).
            // Set off by spaced dashes in a line that ends no sentence, too
            // (`Le Bien Public - 12 sept. 2017 à 05:00 - Temps de lecture :`).
            let field = units <= 30.0 && {
                let bars = ['|', '｜'];
                let from = s[..f.start].rfind(bars).map_or(0, |i| i + 1);
                let to = s[f.end..].find(bars).map_or(s.len(), |i| f.end + i);
                let barred = (from > 0 || to < s.len()) && self::units(&s[from..to]) - date_units <= 5.0;
                let dashed = || {
                    let dashes = [" - ", " – ", " — "];
                    let from = dashes.iter().filter_map(|d| s[..f.start].rfind(d).map(|i| i + d.len())).max()?;
                    let to = dashes.iter().filter_map(|d| s[f.end..].find(d).map(|i| f.end + i)).min()?;
                    Some(self::units(&s[from..to]) - date_units <= 3.0)
                };
                // A field whose value a label's brackets hold (`발표시간: [
                // 2020-03-23 13:44:27 ] 클릭: [ ]`).
                let bracketed = || {
                    let before = s[..f.start].trim_end();
                    before.strip_suffix(['[', '【']).is_some_and(|b| b.trim_end().ends_with([':', '：']))
                        && s[f.end..]
                            .find([']', '】'])
                            .is_some_and(|close| self::units(&s[f.end..f.end + close]) <= 2.0)
                };
                barred || (!sentence && dashed() == Some(true)) || bracketed()
            };
            let short = !titled
                && ((units <= MAX_META_WORDS && rest <= 8.0 && !told)
                    || (opens && units <= 20.0 && !dateline)
                    || field);
            // A label counts near the line's start: within 48 bytes, or twelve
            // words (a Chinese line's label after the site's name and the
            // reporter's takes more bytes than words).
            // A bar of labelled fields ends with it too (`浏览次数:3037 作者: … 信息来源:
            // … 发布时间:2019-03-22`): the label stands right before the date.
            // So does a publication label whose date closes the line, a
            // clock time at most after it (a deck ending `… dimanche matin.
            // Par N.P - Publié le Dimanche 23 Juillet 2023 à 09:01`).
            let closing = || label == Label::Published && self::units(&s[f.end..]) <= 3.0 && !ends_like_sentence(s);
            let label = if short
                || f.start <= 48
                || self::units(&s[..f.start]) <= 12.0
                || (!sentence && units <= 30.0)
                || closing()
            {
                label
            } else {
                Label::None
            };
            // The day's date under the site's name (`Сегодня: Среда 24
            // апреля 2024 г.`): the day the page was read.
            if label == Label::None && opens_with_today(&s[..f.start]) {
                continue;
            }
            // A date that a name or title ends with (`Compte rendu du Conseil
            // des ministres du 10 novembre 2022`, `Report of the meeting of
            // 3 May`): four words or more, then a function word, before it.
            if label == Label::None && byline.is_none() && named_date(&s[..f.start]) {
                continue;
            }
            // A publication label outweighs an event word in it (`Créé le`).
            if (short || label != Label::None || dateline)
                && (label == Label::Published || !has_event_word(&lower[..lower_index(s, &lower, f.start)]))
            {
                date = Some(DateHit { found: *f, label, dateline: dateline && !short });
                if label != Label::Updated {
                    break;
                }
            }
        }
        if date.is_some_and(|d| d.label != Label::Published) && has_event_word(&lower) && units <= MAX_META_WORDS {
            date = None;
        }
        // A newspaper's issue line (`Friday 11/10/2013 Issue 14988`): the
        // issue's date is the article's.
        if let Some(d) = &mut date
            && d.label == Label::None
            && !d.dateline
            && names_issue(s)
        {
            d.label = Label::Published;
        }
        // Two dates and next to nothing else, no label: a period (an
        // event's `19 Jan 2023 – 25 Fév 2023`), not a publication.
        if found.len() == 2
            && date.is_some_and(|d| d.label == Label::None)
            && units - found.iter().map(|f| self::units(&s[f.start..f.end])).sum::<f32>() <= 1.0
        {
            date = None;
        }
        // A date and a span of clock times after it, no label: an event's
        // schedule (`Dimanche 3 octobre 2021 14:00 - 17:00`), not a
        // publication, which gives one time.
        if date.is_some_and(|d| d.label == Label::None && clock_span(&s[d.found.end..])) {
            date = None;
        }
    }
    // A board's date with a two-digit year (`작성일 25-04-22 09:10`), taken
    // only after a publication label of the scripts that write it year first.
    if date.is_none() && units <= 20.0 && (han_n > 0 || may_hold_hangul(s)) {
        date = labelled_short_year(s);
    }
    // A time stamp with a two-digit year, the day first, on a short line
    // (`Le 05/08/22 à 11:03`, `modifié 05/08/22 à 11:03`).
    // Korean and Chinese boards write the year first (above).
    if date.is_none()
        && units <= 8.0
        && han_n == 0
        && !may_hold_hangul(s)
        && let Some(found) = find_clocked_short_year_date(s)
    {
        let lower = lowercase(s);
        date =
            Some(DateHit { found, label: label_before(&lower, lower_index(s, &lower, found.start)), dateline: false });
    }
    let prose_share = function_share(s, &toks, han_n > 0);
    let chrome = lexicon_chrome(s, &toks, han_n > 0)
        || structural_chrome(s, &toks, units)
        || consent_banner(s, units)
        // A widget's label leading into its links (`Sur le même sujet, vous
        // pouvez également consulter nos articles:`).
        || (units <= 20.0 && s.trim_end().ends_with([':', '：']) && opens_with_newsroom_phrase(&token_key(s)))
        // A row of icons' labels, one label over and over.
        || repeated_phrase(s);
    let mut glued = false;
    let kind = if date.is_some_and(|d| !d.dateline) || byline.is_some() {
        LineKind::Meta
    } else if chrome {
        LineKind::Chrome
    } else if ((units >= PROSE_WORDS && (sentence || prose_share >= PROSE_FUNCTION_SHARE || units >= 25.0))
        || (units >= 5.0 && sentence && prose_share > 0.0 && !short_question(s) && !short_exclamation(s, units))
        // A clause leading into what follows (`As of 8:15 a.m., the
        // following remains in effect:`).
        || (units >= 6.0 && prose_share >= PROSE_FUNCTION_SHARE && s.trim_end().ends_with([':', '：'])))
        // A headline set in capitals is no paragraph, whatever its words.
        && (sentence || units > 25.0 || !set_in_capitals(s))
        // Nor is a list of tags.
        && (sentence || !dashed_tags(s))
    {
        // Last: it reads every character, and most lines are settled before.
        glued = run_together(s) && opens_glued_word(s) && !alt_text_glued_on(s);
        if glued { LineKind::Neutral } else { LineKind::Content }
    } else {
        LineKind::Neutral
    };
    // A long line's copy is the same line; a short one's may differ in
    // case, punctuation and list numbers.
    let key = if long {
        s.to_string()
    } else {
        // Joined straight into one string, without a vector of the tokens.
        let mut key = String::with_capacity(s.len());
        for t in toks.iter().skip_while(|t| t.bytes().all(|b| b.is_ascii_digit()) && toks.len() > 2) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(t);
        }
        // A line that prints its text twice over (a headline and its copy
        // run together) is that text.
        let half = key.len() / 2;
        if key.len() % 2 == 1
            && key.len() > 24
            && key.is_char_boundary(half)
            && key.as_bytes()[half] == b' '
            && key[..half] == key[half + 1..]
        {
            key.truncate(half);
        }
        key
    };
    let lettered = if long { units } else { lettered(s, han_n) };
    let caption = units <= 60.0 && caption(s);
    let headline_form = !long && headline_form(s, &toks, units, caption, han_n > 0);
    let affixes = if units <= MAX_TITLE_WORDS { affix_keys(s) } else { Vec::new() };
    LineInfo {
        at,
        units,
        kind,
        date,
        byline,
        key,
        copy: false,
        prose_share,
        sentence,
        lettered,
        caption,
        glued,
        headline_form,
        affixes,
    }
}

/// Whether `s` is one phrase printed three times or more, run together or
/// spaced (`Share on networksShare on networksShare on networks`): the
/// labels of a row of icons, the page's.
fn repeated_phrase(s: &str) -> bool {
    let t = s.trim();
    let b = t.as_bytes();
    // Most lines' first bytes never come again: a byte search tells.
    if !(12..=600).contains(&b.len()) || memchr::memmem::find(&b[1..], &b[..4]).is_none() {
        return false;
    }
    let spaced = format!("{t} ");
    [t, spaced.as_str()].into_iter().any(|u| {
        let doubled = format!("{u}{u}");
        memchr::memmem::find(&doubled.as_bytes()[1..], u.as_bytes()).is_some_and(|i| {
            let period = i + 1;
            period < u.len() && u.len() % period == 0 && u.len() / period >= 3 && lettered(&u[..period], 0) >= 1.0
        })
    })
}

/// Whether lines read as prose together: their text joined, function words
/// at a prose rate.
fn reads_as_prose(text: &str, run: &[LineInfo]) -> bool {
    let joined = run.iter().map(|l| &text[l.at.span.range()]).collect::<Vec<_>>().join(" ");
    let lower = lower_of(&joined);
    function_share(&joined, &split_tokens(&lower), han_count(&joined) > 0) >= PROSE_FUNCTION_SHARE
}

/// Dates set as a tile, their parts on lines of their own (`24` / `МАР` /
/// `2017`, `Mar 24` / `2017`): two or three short lines in a row, close
/// together, that read as one date and nothing else. The first line carries
/// the date, spanning the tile; the others are meta beside it.
fn date_tiles(text: &str, info: &mut [LineInfo]) {
    // A part is a word or two, and no date of its own.
    let part = |l: &LineInfo| {
        l.units <= 2.0 && l.date.is_none() && l.byline.is_none() && l.at.span.end - l.at.span.start <= 24
    };
    let mut i = 0;
    while i + 1 < info.len() {
        if !part(&info[i]) || !text[info[i].at.span.range()].bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80) {
            i += 1;
            continue;
        }
        // A dash may set the parts off (`- 30` / `-` / `Enero` / `2026`).
        let mut joined = tile_word(&text[info[i].at.span.range()]).to_string();
        let mut tile = None;
        for j in i + 1..(i + 4).min(info.len()) {
            // Blank lines may stand between the parts; other lines may not.
            if !part(&info[j]) || info[j].at.line > info[j - 1].at.line + 2 {
                break;
            }
            let next = tile_word(&text[info[j].at.span.range()]);
            if next.is_empty() {
                continue;
            }
            joined.push(' ');
            joined.push_str(next);
            if let [f] = find_dates(&joined)[..]
                && f.start == 0
                && f.end == joined.len()
            {
                tile = Some((j, f));
                break;
            }
        }
        let Some((last, f)) = tile else {
            i += 1;
            continue;
        };
        let first = info[i].at.span.start;
        let found = FoundDate { start: 0, end: info[last].at.span.end - first, ..f };
        info[i].date = Some(DateHit { found, label: Label::None, dateline: false });
        for l in &mut info[i..=last] {
            l.kind = LineKind::Meta;
        }
        i = last + 1;
    }
}

/// Most words of a copyright notice on a line of its own.
const MAX_RIGHTS_LINE_UNITS: f32 = 15.0;

/// Copies of a short line that make it a slideshow's caption.
const MIN_SLIDESHOW_COPIES: usize = 3;

/// Words (a Chinese character half a word) from which a paragraph is a
/// long one, as an article's body runs, not a notice's line.
const LONG_PARAGRAPH_UNITS: f32 = 20.0;

/// Most lines of the names that sign a notice, between its body and its
/// date.
const MAX_SIGNATURE_LINES: usize = 3;

/// A tile's part without the dashes or bars that set it off.
fn tile_word(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|'))
}

/// Whether `s` is an archive's heading: a label of class `archive`, a colon,
/// and a few words (`Tag: budget`, `标签：广场`).
fn archive_heading(s: &str) -> bool {
    let Some((label, name)) = s.split_once([':', '：']) else { return false };
    let label = lowercase(label.trim());
    !name.trim().is_empty() && units(name) <= 6.0 && lexicon().archive.iter().any(|w| *w == label)
}

/// Whether `s` is an archive's word of the lexicon alone (`Archives`), an
/// article of up to three letters perhaps before it (`Les archives`).
fn archive_title(s: &str) -> bool {
    let lower = lowercase(s.trim().trim_end_matches([':', '：']).trim_end());
    let word = match lower.split_once(' ') {
        Some((article, word)) if article.chars().count() <= 3 && !word.contains(' ') => word,
        Some(_) => return false,
        None => lower.as_str(),
    };
    lexicon().archive.contains(&word)
}

/// Whether `s` is the heading of a table of contents alone (`ÍNDICE`,
/// `Sommaire :`): a word of class `contents`, case and a colon aside.
fn contents_heading(s: &str) -> bool {
    let s = s.trim().trim_end_matches([':', '：']).trim_end();
    s.chars().count() <= 24 && lexicon().contents.iter().any(|w| *w == lowercase(s))
}

/// Whether `s` names a newspaper's issue by a word of class `edition` next
/// to a number (`Issue 14988`, `العدد 14988`, `第14988期`, `제123호`).
fn names_issue(s: &str) -> bool {
    let lex = lexicon();
    let number = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let lower = lowercase(s);
    let toks = split_tokens(&lower);
    let spaced = toks.iter().enumerate().any(|(i, t)| {
        lex.edition.contains(t)
            && (toks.get(i + 1).is_some_and(|n| number(n)) || i.checked_sub(1).is_some_and(|k| number(toks[k])))
    });
    spaced
        || lex
            .edition_inside
            .iter()
            .any(|w| s.match_indices(w).any(|(i, _)| s[..i].chars().next_back().is_some_and(|c| c.is_ascii_digit())))
}

/// A board's time stamp alone on its line, a two-digit year first and a
/// clock time after it (`21-11-25 13:49`), on a page whose prose is Korean
/// or Chinese, whose boards write the year first: the post's date. On a
/// line of its own the form tells nothing of its order, so the page's
/// script decides.
fn board_time_stamps(text: &str, info: &mut [LineInfo]) {
    let alone = |l: &LineInfo| l.date.is_none() && l.units <= 3.0 && l.kind != LineKind::Content;
    if !info.iter().any(alone) {
        return;
    }
    let east_asian = |l: &LineInfo| text[l.at.span.range()].chars().take(40).any(east_asian_char);
    let prose = info.iter().filter(|l| l.kind == LineKind::Content);
    let (asian, all) = prose.fold((0, 0), |(a, n), l| (a + usize::from(east_asian(l)), n + 1));
    if all == 0 || asian * 2 < all {
        return;
    }
    for l in info.iter_mut().filter(|l| alone(l)) {
        let s = &text[l.at.span.range()];
        let Some(found) = find_short_year_dates(s).into_iter().next() else { continue };
        // The date and a clock time, nothing else.
        let rest = s[found.end..].trim();
        let clock = rest.len() >= 4
            && rest.len() <= 8
            && rest.contains(':')
            && rest.bytes().all(|b| b.is_ascii_digit() || b == b':');
        if found.start == 0 && clock {
            l.date = Some(DateHit { found, label: Label::None, dateline: false });
            l.kind = LineKind::Meta;
        }
    }
}

/// Whether `c` is a Han character or a Hangul syllable: the scripts whose
/// boards write a two-digit year first.
fn east_asian_char(c: char) -> bool {
    is_cjk(c) || ('가'..='힣').contains(&c)
}

/// The first date with a two-digit year, or with blanks alone between its
/// parts, in `s` that a Korean or Chinese publication label stands before.
fn labelled_short_year(s: &str) -> Option<DateHit> {
    // Or a date whose parts only blanks set apart (`입력 2022 11 20 20:28`).
    let mut found = find_short_year_dates(s);
    found.extend(find_spaced_dates(s));
    if found.is_empty() {
        return None;
    }
    let lower = lowercase(s);
    found
        .into_iter()
        .find(|f| {
            s[..f.start].chars().any(east_asian_char)
                && label_before(&lower, lower_index(s, &lower, f.start)) == Label::Published
        })
        .map(|found| DateHit { found, label: Label::Published, dateline: false })
}

/// Whether the text before a date opens with a word of the day's date
/// (class `today`: `Today:`, `Сегодня`, `今天`) and holds at most two
/// words more (a weekday).
fn opens_with_today(before: &str) -> bool {
    let lex = lexicon();
    let before = before.trim_start();
    if lex.today_han.iter().any(|w| before.starts_with(w)) {
        return true;
    }
    let key = token_key(before);
    lex.today.iter().any(|w| after_phrase(&key, w).is_some_and(|r| r.split(' ').filter(|t| !t.is_empty()).count() <= 2))
}

/// What follows `phrase` in a token key that opens with it, whole tokens
/// (`related news more` after `related news`: ` more`); `None` when the key
/// does not open with it.
fn after_phrase<'k>(key: &'k str, phrase: &str) -> Option<&'k str> {
    key.strip_prefix(phrase).filter(|r| r.is_empty() || r.starts_with(' '))
}

/// The last bytes of `s`, at most `n`, cut at a character's start.
fn tail_of(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Whether the text before a date makes the date part of a name or title:
/// four words or more, the last of them a function word (`du`, `of`,
/// `del`, `от`), as no date line's label or place is.
fn named_date(before: &str) -> bool {
    let lower = lower_of(before);
    let toks = split_tokens(&lower);
    let lex = lexicon();
    toks.len() >= 5
        && toks.last().is_some_and(|t| t.len() <= lex.longest_function && lex.function.contains(*t))
        && toks[..toks.len() - 1].iter().filter(|t| t.chars().any(char::is_alphabetic)).count() >= 4
}

/// A question of a few words and no other sentence (`Qui sera le prochain
/// maire?`): a headline's form, not a paragraph's. Only lines under ten
/// words are asked.
fn short_question(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', '）', ' ']);
    s.ends_with(['?', '？', '؟']) && sentence_breaks(s) == 0
}

/// Whether `s` holds two clock times joined by a dash or a tilde (`14:00 -
/// 17:00`, `9 h – 12 h 30`, `9:30~12:00`).
fn clock_span(s: &str) -> bool {
    // A clock time at byte `i`: one or two digits not after a digit, then
    // `:` and two digits, or `h` (a space may come before it) not followed
    // by a letter. Returns where it ends.
    let b = s.as_bytes();
    let time = |i: usize| -> Option<usize> {
        if i > 0 && b[i - 1].is_ascii_digit() {
            return None;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() && j - i < 3 {
            j += 1;
        }
        if j == i || j - i > 2 {
            return None;
        }
        if b.get(j) == Some(&b':') && b.get(j + 1..j + 3).is_some_and(|d| d.iter().all(u8::is_ascii_digit)) {
            return Some(j + 3);
        }
        let k = if b.get(j) == Some(&b' ') { j + 1 } else { j };
        if b.get(k) == Some(&b'h') && !s[k + 1..].chars().next().is_some_and(char::is_alphabetic) {
            let mut e = k + 1;
            let digits = s[e..].trim_start_matches(' ');
            if digits.bytes().take_while(u8::is_ascii_digit).count() == 2 {
                e = s.len() - digits.len() + 2;
            }
            return Some(e);
        }
        None
    };
    let mut i = 0;
    while i < b.len() {
        if let Some(end) = time(i) {
            let rest = s[end..].trim_start();
            let joined = ['-', '–', '—', '~', '〜'].iter().find_map(|c| rest.strip_prefix(*c));
            if let Some(after) = joined {
                let at = s.len() - after.trim_start().len();
                if at < b.len() && time(at).is_some() {
                    return true;
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    false
}

/// A long line is only searched for a dateline: a date in its first bytes.
fn has_digit_date_prefix(s: &str) -> bool {
    s.char_indices().take_while(|(i, _)| *i < 48).any(|(_, c)| numeric(c))
}

/// Whether `f` opens `s` as a dateline: near the start, a dash after it.
fn dateline(s: &str, f: &FoundDate) -> bool {
    let after = s[f.end..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    // A clock time may stand between the date and the dash.
    let after = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c.is_whitespace());
    // So may the bracket that holds the date and a full stop, as Spanish
    // wires write them (`GUADALAJARA, JALISCO (05/ENE/2015).- …`), the
    // stop maybe set off from the dash (`Lomé, le 3 mars 2021. - …`).
    let after = after.trim_start_matches([')', '）', ']']).trim_start_matches('.').trim_start();
    f.start <= 40 && (after.starts_with(['-', '–', '—', '/']) || after.starts_with("--"))
}

/// `i`, a byte offset of `s`, as an offset of `lower` (its lower case, which
/// may differ in length).
fn lower_index(s: &str, lower: &str, i: usize) -> usize {
    if s.len() == lower.len() { i } else { lowercase(&s[..i]).len().min(lower.len()) }
}

/// Separators between a headline and a site name or a breadcrumb.
const SITE_SEPARATORS: [&str; 10] = [" - ", " | ", " – ", " — ", " :: ", ":: ", " · ", " / ", " > ", " » "];

/// The keys of the parts of `line` around a site separator, first and last.
fn affix_keys(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Every separator has one of these characters; most lines have none.
    if !may_hold_separator(line) {
        return out;
    }
    for sep in SITE_SEPARATORS {
        if !holds_separator(line, sep) {
            continue;
        }
        for (a, b) in line.split_once(sep).into_iter().chain(line.rsplit_once(sep)) {
            for part in [a, b] {
                let k = token_key(part);
                if !k.is_empty() && !out.contains(&k) {
                    out.push(k);
                }
            }
        }
    }
    out
}

/// Whether `line` has one of the characters of [`SITE_SEPARATORS`] (`-`,
/// `|`, `–`, `—`, `:`, `·`, `/`, `>`, `»`), told by their bytes in vectorized
/// searches rather than by decoding every character.
fn may_hold_separator(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr3(b'-', b'|', b':', b).is_some()
        || memchr::memchr2(b'/', b'>', b).is_some()
        || ["–", "—", "·", "»"].iter().any(|c| has_char(b, c.as_bytes()))
}

/// The longest heading marker `s` starts with.
fn heading_marker(s: &str) -> Option<&'static str> {
    let first = usize::from(*s.as_bytes().first().unwrap_or(&0));
    patterns().markers[first].iter().copied().find(|m| s.starts_with(*m))
}

/// Whether `line` holds `sep`, one of [`SITE_SEPARATORS`] (a blank, then
/// the separator's own character): searched for by that character, which
/// most lines lack, rather than by the blank.
fn holds_separator(line: &str, sep: &str) -> bool {
    let (b, p) = (line.as_bytes(), sep.as_bytes());
    memchr::memchr_iter(p[1], b).any(|i| i >= 1 && b[i - 1..].starts_with(p))
}

/// The bytes of the dashes around a line written between them (`- text -`,
/// `– text –`, after a bullet or not): a subtitle.
fn dash_wrapped(s: &str) -> Option<(usize, usize)> {
    let body = after_bullet(s);
    let lead = s.len() - body.len();
    let rest = body.strip_prefix(DASHES)?;
    let dash = body.len() - rest.len();
    let inner = rest.strip_suffix(DASHES)?;
    (inner.starts_with(' ') && inner.ends_with(' ') && inner.trim().chars().any(letter))
        .then(|| (lead + dash, s.len() - lead - dash - inner.len()))
}

/// Whether every cased letter of `s` is a capital, and it has three.
/// Whether `s` is written in capitals: [`capitals`], and most of its letters
/// have a case (an Arabic line naming `UNDP` is not).
fn set_in_capitals(s: &str) -> bool {
    capitals(s) && {
        let (cased, letters) =
            s.chars().filter(|&c| letter(c)).fold((0, 0), |(u, n), c| (u + usize::from(case_of(c).1), n + 1));
        cased * 2 > letters
    }
}

fn capitals(s: &str) -> bool {
    let mut upper = 0;
    for c in s.chars() {
        let (lower, up) = case_of(c);
        if lower {
            return false;
        }
        upper += usize::from(up);
    }
    upper >= 3
}

/// Whether a line opens with a dash after its bullet: a list item or a
/// subtitle, no headline.
fn dash_led(s: &str) -> bool {
    after_bullet(s).strip_prefix(DASHES).is_some_and(|r| r.starts_with(' '))
}

/// The dashes that lead a list item or wrap a subtitle.
const DASHES: [char; 3] = ['-', '–', '—'];

/// `s` after the bullet and blanks that may open it.
fn after_bullet(s: &str) -> &str {
    s.trim_start_matches(['•', '·', '▪', ' '])
}

/// Whether a line may be a headline by its form alone: no full stop or
/// colon at its end, two words with letters or more (four Chinese
/// characters), at most 40 words, not a document symbol, a photo credit, a
/// caption, bracketed, marked as a heading or led by a dash.
fn headline_form(s: &str, toks: &[&str], units: f32, caption: bool, has_han: bool) -> bool {
    let symbol = units <= 2.5 && toks.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()));
    let credit = units <= 3.0 && toks.iter().any(|t| photo_words().contains(*t));
    let bracketed = (s.starts_with('(') && s.ends_with(')')) || (s.starts_with('[') && s.ends_with(']'));
    // A headline never ends in an address (`To read this online: https://…`).
    let last = memchr::memrchr(b' ', s.as_bytes()).map_or(s, |i| &s[i + 1..]);
    let address = last.contains("://") || last.starts_with("www.");
    !ends_with_full_stop(s)
        && !s.ends_with([':', '：'])
        && !address
        && (units >= 2.0 || (has_han && s.chars().count() >= 4))
        && units <= MAX_TITLE_WORDS
        && !symbol
        && !credit
        && !bracketed
        && !caption
        && heading_marker(s).is_none()
        && !dash_led(s)
        && !keyword_list(s)
}

/// Whether `s` is a list of keywords (`город, общество, люди, весна`):
/// four items or more between commas, none longer than two words.
fn keyword_list(s: &str) -> bool {
    // Three separators at least, counted by bytes: most lines have none.
    let b = s.as_bytes();
    let ideographic = "、".as_bytes();
    let commas = memchr::memchr_iter(b',', b).count()
        + memchr::memchr_iter(ideographic[0], b).filter(|&i| b[i..].starts_with(ideographic)).count();
    if commas >= 3 {
        let items: Vec<&str> = s.split([',', '、']).map(str::trim).collect();
        return items.len() >= 4 && items.iter().all(|i| !i.is_empty() && i.split_whitespace().count() <= 2);
    }
    dashed_tags(s)
}

/// Whether `s` is a tag line parted by spaced hyphens (`ambassadeur -
/// reine - protocole - …`): six items or more, none longer than three
/// words, none a sentence.
fn dashed_tags(s: &str) -> bool {
    let b = s.as_bytes();
    let dashes =
        memchr::memchr_iter(b'-', b).filter(|&i| i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ')).count();
    dashes >= 5 && {
        let items: Vec<&str> = s.split(" - ").map(str::trim).collect();
        items.iter().all(|i| !i.is_empty() && i.split_whitespace().count() <= 3 && !ends_like_sentence(i))
    }
}

/// Whether `key` is the longer part of a title around a site separator
/// (`Headline | Site`): the headline, not the site's name.
fn title_part(line: &str, key: &str) -> bool {
    !key.is_empty()
        && around_separators(line).any(|(a, b)| {
            let (a, b) = (token_key(a), token_key(b));
            (if a.len() >= b.len() { a } else { b }) == key
        })
}

/// The two sides of `line` around its first and its last site separator.
fn around_separators(line: &str) -> impl Iterator<Item = (&str, &str)> {
    SITE_SEPARATORS.iter().flat_map(move |sep| line.split_once(sep).into_iter().chain(line.rsplit_once(sep)))
}

/// Whether `key`, a part of a title around a site separator, is named
/// again inside two lines or more of the page (`More Northern Ireland News`,
/// a footer's `© Site - Name | About`): the site's or section's name, which
/// its pages print around their chrome, not a headline, which a page gives
/// whole (as a page title and a heading) but not inside other lines.
fn site_name_in_chrome(info: &[LineInfo], key: &str) -> bool {
    info.iter()
        .filter(|l| {
            l.key.len() > key.len()
                && !l.affixes.iter().any(|a| a == key)
                && l.key.match_indices(key).any(|(at, _)| {
                    let (before, after) = (&l.key[..at], &l.key[at + key.len()..]);
                    (before.is_empty() || before.ends_with(' ')) && (after.is_empty() || after.starts_with(' '))
                })
        })
        .nth(1)
        .is_some()
}

/// Whether `line` is `key`'s text with a site name or a breadcrumb before
/// or after it: `Site - Headline`, `Headline | Site`, `Home / Headline`.
fn site_affix(line: &str, key: &str) -> bool {
    !key.is_empty() && around_separators(line).any(|(a, b)| token_key(a) == key || token_key(b) == key)
}

/// Parses `lines` as a news article, or says why it is not one.
#[cfg(test)]
pub(crate) fn parse_news(text: &str, lines: &[Line]) -> Result<News, String> {
    parse_news_with(text, lines, &PageHints::default())
}

/// [`parse_news`] with what the page's markup says.
pub(crate) fn parse_news_with(text: &str, lines: &[Line], hints: &PageHints) -> Result<News, String> {
    let mut info: Vec<LineInfo> = lines
        .iter()
        .filter(|l| !l.trimmed.is_empty())
        .map(|l| line_info(text, LineRef { span: l.trimmed, line: l.number }))
        .collect();
    date_tiles(text, &mut info);
    board_time_stamps(text, &mut info);
    crumb_echoes(text, &mut info);
    chrome_run_ons(text, &mut info);
    bulleted_teasers(text, &mut info);
    outlet_bylines(text, &mut info);
    // Outside the page's `<article>` or `<main>`, only dates and bylines
    // are more than chrome.
    // The headline the markup names stays a candidate, inside or not.
    let hint_keys: Vec<String> = hints.titles.iter().map(|t| token_key(t)).filter(|k| !k.is_empty()).collect();
    let outside = |l: &LineInfo| hints.content_lines.is_some_and(|(first, last)| l.at.line < first || l.at.line > last);
    let named = |key: &str| hint_keys.iter().any(|k| k == key) || hints.titles.iter().any(|h| site_affix(h, key));
    for l in &mut info {
        let headline = hint_keys.contains(&l.key) || hints.titles.iter().any(|h| title_part(h, &l.key));
        if outside(l) && l.kind != LineKind::Meta && !headline {
            l.kind = LineKind::Chrome;
        }
        // A line the markup names twice (the `<h1>` and the `<title>`, whole
        // or beside the site's name) is a headline whatever its form: a
        // series title in brackets with its number (`[History ②]`) is one,
        // and so is a headline that ends with a full stop.
        if headline
            && (l.kind == LineKind::Chrome
                || (matches!(l.kind, LineKind::Neutral | LineKind::Content) && !l.headline_form))
            && l.units <= MAX_TITLE_WORDS
            && hint_keys.iter().filter(|k| **k == l.key).count()
                + hints.titles.iter().filter(|h| title_part(h, &l.key)).count()
                >= 2
        {
            l.kind = LineKind::Neutral;
            l.headline_form = true;
        }
    }
    if !hints.captions.is_empty() {
        // A caption that repeats the headline the markup names (an image
        // captioned with its article's title) leaves the headline be.
        let keys: Vec<String> = hints
            .captions
            .iter()
            .map(|c| token_key(c))
            .filter(|k| !k.is_empty() && !hint_keys.contains(k) && !hints.titles.iter().any(|h| title_part(h, k)))
            .collect();
        for l in info.iter_mut().filter(|l| keys.contains(&l.key)) {
            l.caption = true;
            l.headline_form = false;
            if l.kind == LineKind::Content {
                l.kind = LineKind::Neutral;
            }
        }
    }
    let markup_date = hints.published.as_deref().and_then(|d| find_dates(d).first().copied());
    if info.is_empty() {
        return Err("no text".into());
    }
    // A hard-wrapped paragraph's last line is no date line, though it ends
    // with a date (`... à sa séance du` / `5 décembre 2007.`).
    for i in 1..info.len() {
        let (prev, cur) = (&info[i - 1], &info[i]);
        if cur.kind == LineKind::Meta
            && cur.date.is_some_and(|d| d.label == Label::None)
            && cur.byline.is_none()
            && prev.kind == LineKind::Content
            && !prev.sentence
            && ends_with_full_stop(&text[cur.at.span.range()])
        {
            info[i].kind = LineKind::Content;
            info[i].date = None;
        }
    }
    // A headline printed with a full stop: the page's first line besides
    // chrome, one short sentence, right over a date line with prose under
    // it that takes up most of its words (a lead tells what its headline
    // says), is the headline, not the body's first paragraph.
    if let Some(i) = info.iter().position(|l| l.kind != LineKind::Chrome)
        && let [l, date, next, ..] = &info[i..]
        && matches!(l.kind, LineKind::Content | LineKind::Neutral)
        && !l.headline_form
        && !l.caption
        && (3.0..=16.0).contains(&l.lettered)
        && l.units <= 16.0
        && ends_with_full_stop(&text[l.at.span.range()])
        && sentence_breaks(&text[l.at.span.range()]) == 0
        && text[l.at.span.range()].chars().next().is_some_and(|c| !c.is_lowercase())
        && date.kind == LineKind::Meta
        && date.date.is_some()
        && next.kind == LineKind::Content
    {
        let s = &text[l.at.span.range()];
        let bare = s.trim_end().trim_end_matches(['.', '。']);
        let lower = lower_of(bare);
        let toks = split_tokens(&lower);
        let lead = lower_of(&text[next.at.span.range()]);
        let lead: FxHashSet<&str> = split_tokens(&lead).into_iter().collect();
        let long: Vec<&&str> = toks.iter().filter(|t| t.chars().count() >= 4).collect();
        let echoed = long.iter().filter(|t| lead.contains(**t)).count();
        if echoed >= 2
            && 3 * echoed >= 2 * long.len()
            && headline_form(bare, &toks, l.units, false, han_count(bare) > 0)
        {
            info[i].kind = LineKind::Neutral;
            info[i].headline_form = true;
        }
    }
    // A paragraph hard-wrapped into short lines (a broadcast script, a
    // text dump of `<br>`-broken prose): lines with no blank between them,
    // each but the last too short to be content alone and none chrome or
    // meta, the first ending no sentence and the last ending one, that
    // read as prose together are content. A line of prose before the last
    // (a standfirst under its headline) or a question in a headline's form
    // says the lines are not one paragraph broken up.
    let mut i = 0;
    while i < info.len() {
        let mut j = i + 1;
        while j < info.len() && info[j].at.line == info[j - 1].at.line + 1 {
            j += 1;
        }
        let run = &info[i..j];
        if run.len() >= 2
            && run[..run.len() - 1].iter().all(|l| l.kind == LineKind::Neutral && !(l.sentence && l.headline_form))
            && matches!(run[run.len() - 1].kind, LineKind::Neutral | LineKind::Content)
            && run.iter().all(|l| !l.glued && !l.caption)
            && run[run.len() - 1].sentence
            && !run[0].sentence
            // The lines' words add up to the paragraph's.
            && run.iter().map(|l| l.units).sum::<f32>() >= WRAPPED_PROSE_WORDS
            && reads_as_prose(text, run)
        {
            for l in &mut info[i..j] {
                l.kind = LineKind::Content;
                l.headline_form = false;
            }
        }
        i = j;
    }
    // A broadcast script dumped one phrase to a line, its lines with no
    // blank or one blank between them (a `<br>` each): its paragraphs are
    // told by their sentence ends. Short lines up to one ending a sentence,
    // after a line ending one or after a date, byline or chrome line, are
    // a paragraph broken up where the page holds two such runs or more (a
    // headline over its standfirst is one).
    let mut runs = Vec::new();
    let mut a = 0;
    for b in 0..info.len() {
        let l = &info[b];
        // The last line, ending the sentence, may be content alone.
        let part = (l.kind == LineKind::Neutral || (l.kind == LineKind::Content && l.sentence))
            && l.units <= 8.0
            && !l.glued
            && !l.caption;
        if !part {
            a = b + 1;
            continue;
        }
        // Two blanks or more end the run.
        if b > a && l.at.line > info[b - 1].at.line + 2 {
            a = b;
        }
        if l.sentence {
            let run = &info[a..=b];
            if run.len() >= 2
                && run[..run.len() - 1].iter().all(|l| !l.sentence)
                && run.iter().map(|l| l.units).sum::<f32>() >= WRAPPED_PROSE_WORDS
                && reads_as_prose(text, run)
            {
                runs.push(a..b + 1);
            }
            a = b + 1;
        }
    }
    if runs.len() >= 2 {
        for r in runs {
            for l in &mut info[r] {
                l.kind = LineKind::Content;
                l.headline_form = false;
            }
        }
    }
    // Prose set one phrase to a line, a sentence running on over lines that
    // open in lower case (`Le prochain rendez-vous a eu lieu` / `le samedi
    // 2 septembre` / `à l'aire de jeux`): three lines or more (a headline
    // wraps over two), and no date or byline under them.
    let mut i = 0;
    while i < info.len() {
        let mut j = i + 1;
        while j < info.len()
            && info[j].at.line == info[j - 1].at.line + 1
            && !info[j - 1].sentence
            && text[info[j].at.span.range()].chars().next().is_some_and(char::is_lowercase)
        {
            j += 1;
        }
        let run = &info[i..j];
        let words = run.iter().map(|l| l.units).sum::<f32>();
        if run.len() >= 3
            && run.iter().all(|l| matches!(l.kind, LineKind::Neutral | LineKind::Content) && !l.glued && !l.caption)
            && run.iter().any(|l| l.kind == LineKind::Neutral)
            && info.get(j).is_none_or(|l| l.kind != LineKind::Meta)
            && words >= WRAPPED_PROSE_WORDS
            && reads_as_prose(text, run)
        {
            for l in &mut info[i..j] {
                l.kind = LineKind::Content;
                l.headline_form = false;
            }
        }
        i = j;
    }
    // A photo's caption over its credit line (`Diane Smith, professor of
    // linguistics, …` / `Photo by Daniel Buttrey`), no prose over it.
    for i in 0..info.len().saturating_sub(1) {
        let (cur, next) = (&info[i], &info[i + 1]);
        if cur.kind == LineKind::Content
            && cur.units <= 40.0
            && next.caption
            && next.units <= 6.0
            && next.at.line <= cur.at.line + 2
            && (i == 0 || info[i - 1].kind != LineKind::Content)
            && credit_line(&text[next.at.span.range()])
        {
            info[i].caption = true;
        }
    }
    // Under the date line, over the first paragraph: a photo's alt text
    // and caption of a word or two over its credit (`Bus` / `Bus` /
    // `Crédit : © …`), or a credit opening with a photo word (`Фото из
    // архива …`). The photo's lines, not the article's.
    for i in 1..info.len() {
        if info[i - 1].kind != LineKind::Meta || info[i].kind == LineKind::Content {
            continue;
        }
        let short = |l: &LineInfo| l.kind == LineKind::Neutral && l.units <= 3.0 && !l.sentence;
        let mut k = i;
        while k < info.len() && k < i + 2 && short(&info[k]) && !info[k].caption {
            k += 1;
        }
        let over_credit = k > i && info.get(k).is_some_and(|l| l.caption && l.kind != LineKind::Content);
        let credit =
            k == i && info[i].units <= 6.0 && !info[i].sentence && photo_opening(&text[info[i].at.span.range()]);
        let paragraph_next = info.get(i + 1).is_some_and(|l| l.kind == LineKind::Content);
        if over_credit || (credit && paragraph_next) {
            for l in &mut info[i..k.max(i + 1)] {
                l.caption = true;
                l.headline_form = false;
            }
        }
    }
    // A long sentence whose camel-case words the page writes elsewhere too
    // names something (`UrduPoint`, `YouTube`): prose after all.
    for l in info.iter_mut().filter(|l| l.glued && l.sentence && l.units >= 25.0) {
        let s = &text[l.at.span.range()];
        if camel_words(s).all(|w| text.matches(w).nth(1).is_some()) {
            l.kind = LineKind::Content;
        }
    }
    // The site's masthead at the top of the page: a short line of parts
    // between site separators whose longer part names a publication
    // (`Riverside Gazette — independent daily newspaper`, `ВЗГЛЯД /
    // Деловая газета`) heads no article. A page title (`Council opens a
    // library | Riverside Gazette`) names it in its shorter part.
    let lex = lexicon();
    let names_publication = |part: &str| {
        let padded = format!(" {} ", token_key(part));
        lex.masthead.iter().any(|w| padded.contains(w.as_str())) || lex.masthead_han.iter().any(|w| part.contains(w))
    };
    // The site's tagline under its name, naming the publication and the
    // name again (`HOY Chivilcoy` / `El diario digital de Chivilcoy`).
    for i in 1..info.len().min(4) {
        let l = &info[i];
        if !(l.kind == LineKind::Neutral && l.units <= 12.0 && l.headline_form) {
            continue;
        }
        let s = &text[l.at.span.range()];
        let words: FxHashSet<&str> = l.key.split(' ').collect();
        let names_site = info[..i]
            .iter()
            .filter(|n| n.units <= 4.0 && n.kind != LineKind::Meta)
            .any(|n| n.key.split(' ').any(|w| w.chars().count() >= 4 && words.contains(w)));
        if names_site && names_publication(s) {
            info[i].headline_form = false;
        }
    }
    // A government site's name at the top of the page (`Официальный сайт
    // администрации района`, `某某市人民政府门户网站`).
    for l in info.iter_mut().take(3).filter(|l| l.kind == LineKind::Neutral && l.units <= 14.0 && l.headline_form) {
        if lex.official.iter().any(|p| names_official_site(&l.key, p)) {
            l.headline_form = false;
        }
    }
    for l in info.iter_mut().take(4).filter(|l| l.kind == LineKind::Neutral && l.units <= 12.0 && l.headline_form) {
        let s = &text[l.at.span.range()];
        // Most lines hold no separator's character: a byte search tells.
        if may_hold_separator(s)
            && SITE_SEPARATORS
                .iter()
                .filter(|sep| holds_separator(s, sep))
                .flat_map(|sep| s.split_once(sep).into_iter().chain(s.rsplit_once(sep)))
                .any(|(a, b)| names_publication(if a.chars().count() >= b.chars().count() { a } else { b }))
        {
            l.headline_form = false;
        }
    }
    // A photo's alt text over its caption, which runs on from it
    // (`Governor Smith` / `Governor Smith at the opening`): neither heads
    // the article. A name over a headline goes on after a separator
    // (`City of Riverside: Council ...`), which is no caption.
    // An alt text of a sentence over its caption with the credit after it
    // (`… de Pamiers.` / `… de Pamiers. Photo DDM`) is no paragraph.
    for i in 1..info.len() {
        let (a, b) = (&info[i - 1], &info[i]);
        let runs_on = a.lettered >= 2.0
            && (a.kind == LineKind::Neutral || (a.kind == LineKind::Content && b.caption))
            && (b.kind == LineKind::Neutral || (b.kind == LineKind::Content && b.caption))
            && b.key.strip_prefix(a.key.as_str()).is_some_and(|r| r.starts_with(' '))
            && {
                let (sa, sb) = (&text[a.at.span.range()], &text[b.at.span.range()]);
                sb.strip_prefix(sa)
                    .is_some_and(|r| r.starts_with(' ') && r.trim_start().chars().next().is_some_and(letter))
            };
        if runs_on {
            for l in &mut info[i - 1..=i] {
                l.caption = true;
                l.headline_form = false;
                if l.kind == LineKind::Content {
                    l.kind = LineKind::Neutral;
                }
            }
        }
    }
    // A consent banner's buttons on the line under it (`Aceptar | Más
    // información`) are the banner's.
    for i in 1..info.len() {
        let (prev, cur) = (&info[i - 1], &info[i]);
        if prev.kind == LineKind::Chrome
            && cur.kind == LineKind::Neutral
            && cur.units <= 5.0
            && text[cur.at.span.range()].contains(['|', '｜'])
            && consent_banner(&text[prev.at.span.range()], prev.units)
        {
            info[i].kind = LineKind::Chrome;
            info[i].headline_form = false;
        }
    }
    // A line is a copy when an earlier line has its key: the keys are
    // borrowed, not copied, into a set sized for them. A line outside the
    // article (a summary box, a teaser) makes no line of the article a copy.
    let copies: Vec<bool> = {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        seen.reserve(info.len());
        info.iter()
            .map(|l| {
                let earlier = if outside(l) { seen.contains(l.key.as_str()) } else { !seen.insert(l.key.as_str()) };
                earlier && !l.key.is_empty()
            })
            .collect()
    };
    for (l, copy) in info.iter_mut().zip(copies) {
        l.copy = copy;
    }
    let slice = |l: &LineInfo| &text[l.at.span.range()];

    // A listing: many dated lines, or a legal text: numbered articles.
    // Labelled dates (published, updated) belong to one article.
    // Teasers opening with their dates (`24 April 2025, Cairo - ...`) count
    // as dated lines too: an article has one dateline.
    let mut dated: Vec<&LineInfo> = info
        .iter()
        .filter(|l| l.date.is_some_and(|d| d.label == Label::None && (l.kind == LineKind::Meta || d.dateline)))
        .collect();
    // An article's body between the first two dated lines (three prose
    // lines, sixty words, none opening with a date as a teaser does): the
    // dates after it are a sidebar's (an agenda, other stories), not a
    // listing's items.
    if let [first, second, ..] = dated[..] {
        let body: Vec<&LineInfo> = info
            .iter()
            .filter(|l| l.at.line > first.at.line && l.at.line < second.at.line && l.kind == LineKind::Content)
            .filter(|l| find_dates(&text[l.at.span.range()]).first().is_none_or(|f| f.start > 0))
            .collect();
        if body.len() >= 3 && body.iter().map(|l| l.units).sum::<f32>() >= 60.0 {
            dated.truncate(1);
        }
    }
    // An article dated by a label (`Published: …`), its body under that
    // date and over the first dated line (a paragraph of forty words or
    // more): the dated lines under it are a sidebar's (other stories in the
    // same section), not a listing's items.
    if let Some(first) = dated.first()
        && let Some(labelled) =
            info.iter().position(|l| l.at.line < first.at.line && l.date.is_some_and(|d| d.label == Label::Published))
        && info[labelled + 1..]
            .iter()
            .take_while(|l| l.at.line < first.at.line)
            .any(|l| l.kind == LineKind::Content && l.sentence && l.units >= 40.0)
    {
        dated.clear();
    }
    // A ticker of the latest stories over an older article: dated lines
    // each over one teaser of prose (chrome aside), later than the last
    // dated line, which stands over the article's headline and two
    // paragraphs or more. Those dates are other stories', not a listing's.
    let mut ticker = None;
    if let [first, .., last] = dated[..]
        && dated.len() >= 3
    {
        let teasers = |a: usize, b: usize| {
            let between: Vec<&LineInfo> =
                info.iter().filter(|l| l.at.line > a && l.at.line < b && l.kind != LineKind::Chrome).collect();
            between.len() == 1 && between[0].kind == LineKind::Content
        };
        let later =
            |l: &LineInfo| l.date.is_some_and(|d| last.date.is_some_and(|e| d.found.month_first > e.found.month_first));
        let under = info.iter().position(|l| l.at.line == last.at.line).map_or(&[][..], |k| &info[k + 1..]);
        if under.first().is_some_and(|l| l.kind == LineKind::Neutral && l.headline_form)
            && under.iter().filter(|l| l.kind == LineKind::Content).count() >= 2
            && dated.windows(2).all(|w| teasers(w[0].at.line, w[1].at.line))
            && dated[..dated.len() - 1].iter().all(|l| later(l))
        {
            ticker = Some((first.at.line, last.at.line));
            dated = vec![last];
        }
    }
    let mut distinct: Vec<_> = dated.iter().filter_map(|l| l.date.map(|d| d.found.month_first)).collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() >= 3 || dated.len() >= 5 {
        return Err(format!("a listing: {} dated lines, {} dates", dated.len(), distinct.len()));
    }
    // The ticker is the page's, none of it the article's.
    if let Some((first, last)) = ticker {
        for l in info.iter_mut().filter(|l| l.at.line >= first && l.at.line < last) {
            l.kind = LineKind::Chrome;
            l.date = None;
            l.headline_form = false;
        }
    }
    let legal = info.iter().filter(|l| legal_article(slice(l))).count();
    // A notice dated under its publication label, its prose closed by a
    // date line (its signature's), with the numbered articles only under
    // that date: the text it publishes for comment, attached. The notice is
    // the article.
    let first_legal = info.iter().position(|l| legal_article(slice(l))).unwrap_or(0);
    let attached = (1..first_legal).any(|d| {
        info[d].kind == LineKind::Meta
            && info[d].date.is_some_and(|x| x.label == Label::None && !x.dateline)
            && info[..d].iter().any(|l| l.date.is_some_and(|x| x.label == Label::Published))
            && info[..d].iter().any(|l| l.kind == LineKind::Content && l.sentence && l.units >= 30.0)
            && info[d + 1..first_legal].iter().all(|l| l.kind != LineKind::Content)
    });
    if legal >= 2 && !attached {
        return Err(format!("a legal text: {legal} numbered articles"));
    }
    // Teasers of other stories, each closed by a read-more link, in the
    // paragraph or on the line after it: a list of stories (a day's
    // archive, a section's page), not an article.
    let teasers = (0..info.len())
        .filter(|&i| {
            let l = &info[i];
            let s = slice(l);
            // The link's words may make the paragraph chrome by the lexicon.
            (l.units >= 8.0 && l.kind != LineKind::Meta && ends_with_more(s))
                || (i > 0 && info[i - 1].kind == LineKind::Content && l.units <= 4.0 && ends_with_more(s))
        })
        .count();
    if teasers >= 2 {
        return Err(format!("a listing: {teasers} teasers closed by a read-more link"));
    }
    // An archive's heading (`Tag: budget`, `Архив за день: 22.01.2019`)
    // over the page's first paragraph: the page lists stories.
    if let Some(first) = info.iter().position(|l| l.kind == LineKind::Content)
        && let Some(l) = info[..first].iter().find(|l| l.kind != LineKind::Chrome && archive_heading(slice(l)))
    {
        return Err(format!("a listing: the archive heading on line {}", l.at.line));
    }
    // The page titled by an archive's word alone (`Les archives`, `Архив`),
    // an article aside, on its first line.
    if let Some(l) = info.first()
        && archive_title(slice(l))
    {
        return Err(format!("a listing: the archive's title on line {}", l.at.line));
    }

    // The main run of content lines.
    let weight = |l: &LineInfo| -> f32 {
        match l.kind {
            LineKind::Content if l.copy => 0.0,
            LineKind::Content => 1.0 + l.units.min(40.0) / 10.0,
            LineKind::Meta => -0.5,
            LineKind::Chrome => -1.5,
            LineKind::Neutral if l.copy => -0.2,
            LineKind::Neutral if l.units <= 3.0 => -1.0,
            LineKind::Neutral => -0.4,
        }
    };
    let (mut best, mut best_span, mut sum, mut start) = (f32::MIN, None, 0.0f32, 0usize);
    for (i, l) in info.iter().enumerate() {
        let w = weight(l);
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w;
        if w > 0.0 && sum > best {
            best = sum;
            best_span = Some((start, i));
        }
    }
    let Some((mut bs, mut be)) = best_span else {
        return Err("no prose".into());
    };
    // The run starts at a content line.
    while bs < be && info[bs].kind != LineKind::Content {
        bs += 1;
    }
    // and ends before an end marker (`ENDS`, `（完）`): what follows is the
    // page's.
    let lex = lexicon();
    if let Some(e) = (bs + 1..=be).find(|&i| lex.end.contains(info[i].key.as_str())) {
        be = e - 1;
    }
    // or after the paragraph an end marker closes (`… 1부.  끝.`, `… said.
    // ENDS`), as official notices end.
    if let Some(e) =
        (bs..be).find(|&i| info[i].kind == LineKind::Content && ends_with_end_mark(&text[info[i].at.span.range()]))
    {
        be = e;
    }
    // and before a newsroom's widget label (`Related news`, `Te puede
    // interesar`) with no more than a few teasers of content after it: a
    // `Read also` link inside a long article leaves the article whole.
    if let Some(e) = (bs + 1..=be).find(|&i| {
        info[i].units <= 6.0
            // The label alone, or with a word of when (`Lo más leído hoy`).
            && lex.newsroom.iter().any(|k| after_phrase(&info[i].key, k).is_some_and(|r| token_count(r) <= 1))
            && {
                // A few teasers, or more that hold less than half the words
                // of the article over the label.
                let units = |r: std::ops::RangeInclusive<usize>| {
                    r.filter(|&k| info[k].kind == LineKind::Content).map(|k| info[k].units).sum::<f32>()
                };
                (i + 1..=be).filter(|&k| info[k].kind == LineKind::Content).count() <= 3
                    || 2.0 * units(i + 1..=be) < units(bs..=i)
            }
            && (bs..i).filter(|&k| info[k].kind == LineKind::Content).count() >= 2
            // The teasers' own headings or section names under the label,
            // or a list of them (`- Al menos doce muertos…`); a paragraph
            // right under it may be the article's own.
            && ((i + 1..=be)
                .take_while(|&k| info[k].kind != LineKind::Content)
                .any(|k| info[k].kind == LineKind::Neutral)
                || (i + 1..=be).all(|k| info[k].kind != LineKind::Content || dash_led(slice(&info[k]))))
    }) {
        be = e - 1;
    }
    // and before the site's notices to its readers that close it (a cookie
    // banner, the comments' rules, a comment quota) with the widgets among
    // them (`Comments`, `Views: 1204`): a notice right after a paragraph,
    // with no widget, may be the article's own last word.
    // A copyright or reprint notice closing it is the site's, widget or none.
    // The last line of the run, from `be` back, that is content and not
    // what `closing` tells.
    let last_before = |be: usize, closing: &dyn Fn(&LineInfo) -> bool| {
        let mut e = be;
        while e > bs && (info[e].kind != LineKind::Content || closing(&info[e])) {
            e -= 1;
        }
        e
    };
    let rights = |l: &LineInfo| {
        l.kind == LineKind::Content && l.units <= 60.0 && holds_word(slice(l), &lex.rights, &lex.rights_inside)
    };
    let e = last_before(be, &rights);
    if e < be && (e + 1..=be).any(|k| rights(&info[k])) {
        be = e;
    }
    // A short notice standing alone after the article's paragraphs
    // (`[저작권자ⓒ 뉴스스텝. 무단전재-재배포 금지]`) closes it, whatever
    // widgets and teasers follow.
    if let Some(k) = (bs + 1..=be).find(|&k| {
        matches!(info[k].kind, LineKind::Content | LineKind::Neutral | LineKind::Chrome)
            && info[k].units <= MAX_RIGHTS_LINE_UNITS
            && lex.rights_ac.is_match(slice(&info[k]))
            && holds_word(slice(&info[k]), &lex.rights, &lex.rights_inside)
            && (bs..k).filter(|&j| info[j].kind == LineKind::Content).count() >= 2
    }) {
        be = last_before(k - 1, &rights);
    }
    let notice = |l: &LineInfo| l.kind == LineKind::Content && l.units <= 40.0 && reader_notice(slice(l));
    let e = last_before(be, &notice);
    if e < be
        && info[e].kind == LineKind::Content
        && !notice(&info[e])
        && (e + 1..=be).any(|k| info[k].kind != LineKind::Content)
    {
        be = e;
    }

    // The headline.
    // A standfirst: a sentence, or a long line of prose with commas.
    let deck_like = |l: &LineInfo| {
        let s = slice(l);
        l.units > 12.0
            && l.prose_share >= 0.2
            && (l.sentence || (l.units > 20.0 && s.contains([',', '，', '、', '،']) && l.prose_share >= 0.25))
    };
    // Candidates stand above the body, or among its first lines when the
    // headline reads as prose (a long one, or Chinese).
    let limit = (bs + 6).min(info.len());
    let eligible = |l: &LineInfo| matches!(l.kind, LineKind::Neutral | LineKind::Content) && l.headline_form;
    // A headline wrapped over two lines: the second starts in lower case.
    // A headline printed on two lines that the markup names whole: in a
    // script without case, the only sign that the lines are one.
    let named_pair = |i: usize, next: &LineInfo| {
        !hints.titles.is_empty()
            && info[i].units <= MAX_TITLE_WORDS
            && next.units <= MAX_TITLE_WORDS
            && !matches!(next.kind, LineKind::Content | LineKind::Meta)
            && !next.caption
            // The first line alone beside the site's name is the headline
            // (`Headline - Site` over a credit line `©Site`).
            && !hints.titles.iter().any(|h| site_affix(h, &info[i].key))
            && {
                let joined = format!("{} {}", info[i].key, next.key);
                hint_keys.contains(&joined) || hints.titles.iter().any(|h| title_part(h, &joined))
            }
    };
    let wrapped = |i: usize| -> bool {
        let Some(next) = info.get(i + 1) else { return false };
        if named_pair(i, next) {
            return true;
        }
        let s = slice(next);
        next.kind == LineKind::Neutral
            && next.units <= 8.0
            && s.chars().next().is_some_and(char::is_lowercase)
            && !ends_like_sentence(slice(&info[i]))
            && !keyword_list(s)
            // A headline in another script than ASCII goes on in it, not in
            // an ASCII word left by a script (`undefined`).
            && (slice(&info[i]).is_ascii() || !s.is_ascii())
            // A headline in title case goes on in title case: a line of
            // small words under it is another thing (a stray caption).
            && (!title_case(slice(&info[i])) || s.split_whitespace().any(|w| w.starts_with(char::is_uppercase)))
    };
    let key_of = |i: usize| -> String {
        if wrapped(i) { format!("{} {}", info[i].key, info[i + 1].key) } else { info[i].key.clone() }
    };
    let titled = |l: &LineInfo| l.lettered >= 3.0;
    // A line that may head the lines over a date: a short one too, unless
    // it carries a number (`texte n° 176`).
    let heading = |l: &LineInfo| titled(l) || (l.lettered >= 2.0 && !slice(l).chars().any(|c| c.is_numeric()));
    // Lines heading the block over a date or byline line, and the first
    // line under one.
    let mut heads: FxHashSet<usize> = FxHashSet::default();
    let mut in_block: FxHashSet<usize> = FxHashSet::default();
    let mut under: FxHashSet<usize> = FxHashSet::default();
    for m in (0..info.len()).filter(|&m| info[m].kind == LineKind::Meta) {
        let mut block = Vec::new();
        let mut across_chrome = false;
        let mut j = m;
        while j > 0 && block.len() < 3 {
            j -= 1;
            let l = &info[j];
            // Headline-sized lines that are not copies; a short one only
            // right over the date.
            // A page title given again as the heading over the date
            // (`Service changes` twice) stands right over it too.
            let over_date = j + 1 == m || (j + 2 == m && info[j + 1].copy && info[j + 1].key == l.key);
            if eligible(l) && !l.copy && (titled(l) || (over_date && heading(l))) {
                block.push(j);
            } else if l.copy && block.is_empty() && j > 0 && info[j - 1].key == l.key {
                // The heading that repeats the page title: the title heads.
            } else if l.copy && !block.is_empty() && eligible(l) && titled(l) && !info[j + 1].copy {
                // The headline given again (a page title over the article's
                // heading) over a line or two of subtitles: it heads them.
                block.push(j);
                break;
            } else if l.copy && l.units <= 4.0 && j > 0 && info[j - 1].key == l.key {
                // A name printed twice (a portrait's alt text and the
                // name) over a line or two: the author's name and title
                // over the date, no headline.
                block.clear();
                break;
            } else if l.kind == LineKind::Chrome && block.is_empty() {
                across_chrome = true;
            } else if l.kind == LineKind::Chrome {
                // Chrome between the lines ends the block: what stands
                // over it belongs to the page's header.
                break;
            } else if !(matches!(l.kind, LineKind::Chrome | LineKind::Meta)
                || l.caption
                || (l.units < 2.0 && block.is_empty())
                // A field's label left empty (`Источник материала:`) is
                // passed over as the page's.
                || (block.is_empty() && l.units <= 4.0 && slice(l).trim_end().ends_with([':', '：'])))
            {
                break;
            }
        }
        // A list of other stories over the headline: under a list's label
        // (`Latest news`) the block's top line is a teaser, and a run of
        // headline-sized lines longer than the block is the list itself,
        // whose line nearest the date is the article's headline.
        if let Some(&top) = block.last()
            && let Some(over) = top.checked_sub(1)
        {
            let o = &info[over];
            // A lone line under the label is the article's headline (a
            // section named `News`).
            if block.len() >= 2
                && o.units <= 4.0
                && (lex.feed.contains(o.key.as_str()) || lex.feed.contains(slice(o).trim()))
            {
                block.pop();
            } else if block.len() == 3 && eligible(o) && titled(o) && !o.copy {
                // Right under the site's navigation the run's top line is
                // the headline, its decks under it (three subtitles).
                if over.checked_sub(1).is_some_and(|k| info[k].kind == LineKind::Chrome && crumbs(slice(&info[k])) >= 2)
                {
                    in_block.extend(block);
                    heads.insert(over);
                    continue;
                }
                block.truncate(1);
            }
        }
        if let Some(&top) = block.last() {
            // The block's top line heads it, unless the line under it is
            // the longer one and no sentence: a site or section name (or a
            // kicker) over the headline is shorter than it, a standfirst
            // under it is a sentence.
            let mut k = block.len() - 1;
            // A top line that carries a date (an issue's bar: `No. 2026 -
            // Sunday 23 March 2008`) is the page's, over the headline.
            if k > 0 && !find_dates(slice(&info[block[k]])).is_empty() {
                k -= 1;
            }
            // A call to the reader over a title (`Watch for new posts each
            // month!`) is the site's tagline, not the headline.
            while k > 0 && {
                let (below, over) = (&info[block[k - 1]], &info[block[k]]);
                let tagline = slice(over).trim_end().ends_with(['!', '！']) && titled(below) && !below.sentence;
                (below.lettered > over.lettered || tagline) && below.kind != LineKind::Content && !deck_like(below)
            } {
                k -= 1;
            }
            let top = if k == block.len() - 1 { top } else { block[k] };
            in_block.extend(block);
            // A block over the date across chrome (a masthead over a
            // navigation bar) heads nothing: the line under the date may.
            if !across_chrome {
                heads.insert(top);
                continue;
            }
        }
        if let Some(mut k) = (m + 1..info.len().min(m + 4))
            .find(|&k| eligible(&info[k]) && heading(&info[k]) && info[k].kind != LineKind::Meta)
        {
            // A topic label in capitals over the headline (`URUGUAY DERECHOS
            // HUMANOS`) gives way to the longer line under it; a longer
            // kicker (`CENTRE DE SANTÉ DE SANKAL, À LOUGA`) to a longer line
            // that ends no sentence, no standfirst.
            if let Some(next) = info.get(k + 1)
                && (info[k].lettered <= 5.0
                    || (info[k].lettered <= MAX_KICKER_WORDS && !next.sentence && !deck_like(next)))
                && capitals(slice(&info[k]))
                && eligible(next)
                && titled(next)
                && next.lettered > info[k].lettered
                && !capitals(slice(next))
            {
                k += 1;
            }
            under.insert(k);
        }
    }
    // Lines that are not captions, by key, and the parts around site
    // separators: what makes a headline repeated.
    let mut repeats: FxHashMap<&str, usize> = FxHashMap::default();
    let mut affixed: FxHashSet<&str> = FxHashSet::default();
    // The body's first paragraph of some length: a standfirst may open the
    // run over a title bar (`Noticias:: Headline`).
    let first_paragraph =
        (bs..info.len()).find(|&k| info[k].kind == LineKind::Content && info[k].units >= 15.0).unwrap_or(bs);
    for (i, l) in info.iter().enumerate().filter(|(_, l)| !l.caption) {
        *repeats.entry(l.key.as_str()).or_insert(0) += 1;
        // A page title stands over the body; the site's name beside the
        // footer's links (`Site | Legal notice`) is no title.
        if i < first_paragraph {
            affixed.extend(l.affixes.iter().map(String::as_str));
        }
    }
    // A line given twice in a row is a photo's alt text over its caption,
    // not a page title over an article heading, which the site's header
    // or the article's own lines stand between; but a headline-shaped
    // line twice over the page's first date is the title and the heading
    // with nothing between them (a text dump of both), unless another
    // headline-shaped line and a paragraph stand between them and the date
    // (a widget's line printed twice over the article's own headline and
    // standfirst).
    let first_meta = info.iter().position(|l| l.kind == LineKind::Meta).unwrap_or(0);
    let headline_shaped = |l: &LineInfo| l.headline_form && !l.sentence;
    let own_headline = |between: &[LineInfo]| {
        between
            .iter()
            .position(|l| headline_shaped(l) && l.kind != LineKind::Content)
            .is_some_and(|j| between[j + 1..].iter().any(|l| l.kind == LineKind::Content))
    };
    for (k, w) in info.windows(2).enumerate() {
        if w[0].key == w[1].key
            && !(headline_shaped(&w[0])
                && k + 1 < first_meta
                && first_meta <= k + 4
                && !own_headline(&info[k + 2..first_meta]))
            && let Some(n) = repeats.get_mut(w[0].key.as_str())
        {
            *n = n.saturating_sub(1);
        }
    }
    let mut candidates: Vec<(usize, f32, Vec<&'static str>)> = Vec::new();
    // A line heading a date's block further down, with no long paragraph
    // between the body's start and it, is a candidate too: what was taken
    // for the body's start is lists of links (`Dans la même rubrique`) over
    // the article.
    let prose_over =
        |i: usize| (bs..i).any(|k| info[k].kind == LineKind::Content && info[k].units >= LONG_PARAGRAPH_UNITS);
    let eligible_idx: Vec<usize> = (0..info.len())
        .filter(|&i| (i < limit || (heads.contains(&i) && !prose_over(i))) && eligible(&info[i]))
        .collect();
    let above_body = eligible_idx.iter().filter(|&&i| i < bs).count();
    // Whether the body is written in another script than Latin: a line of
    // Latin letters alone over it is a widget's or a link's (`Weather Data
    // Source: ...` on an Arabic page), not the headline.
    let latin_only = |s: &str| s.is_ascii() && s.bytes().any(|b| b.is_ascii_alphabetic());
    let body_other_script = info.get(bs).is_some_and(|l| {
        let (latin, other) = slice(l)
            .chars()
            .filter(|c| c.is_alphabetic())
            .fold((0, 0), |(latin, other), c| if c.is_ascii() { (latin + 1, other) } else { (latin, other + 1) });
        other > 2 * latin
    });
    for (n, &i) in eligible_idx.iter().enumerate() {
        let l = &info[i];
        // A newsroom's link or widget label (`← Back to the news list`) is
        // the page's.
        if l.units <= 6.0 && opens_with_newsroom_phrase(&l.key) {
            continue;
        }
        // A section's path (`Noticias · Comunidades Autónomas`) is the page's.
        if l.units <= 6.0 && section_path(slice(l)) {
            continue;
        }
        // A copyright or a photo's credit (`ⓒ 한빛신문`, `© Reuters`).
        if slice(l).trim_start().starts_with(['©', 'ⓒ']) {
            continue;
        }
        let key = key_of(i);
        let mut why = Vec::new();
        // An earlier line with a word or two added (an image's alt text,
        // `Headline_QRCODE`): a copy of that line, not a headline of its own.
        if eligible_idx[..n].iter().any(|&k| {
            let short = &info[k].key;
            short.len() >= 12
                && key.strip_prefix(short.as_str()).is_some_and(|r| r.starts_with(' ') && token_count(r) <= 2)
        }) {
            continue;
        }
        let mut score = l.lettered.min(12.0) / 3.0;
        if !titled(l) {
            score -= 1.0;
        }
        if body_other_script && latin_only(slice(l)) {
            score -= 3.0;
        }
        if title_label_len(slice(l)).is_some() {
            score += 3.0;
            why.push("after a title label");
        }
        // The last crumb of the breadcrumb right over it (`Главная » 2017
        // Апрель 17 » Аппаратное совещание`): the page's own name.
        if i > 0
            && heading(l)
            && crumbs(slice(&info[i - 1])) >= 2
            && last_crumb(slice(&info[i - 1])).is_some_and(|last| token_key(last) == l.key)
        {
            score += 2.0;
            why.push("the breadcrumb's last crumb");
        }
        // Repeated: as a page title and an article heading, not as a
        // caption.
        let whole_twice = repeats.get(key.as_str()).copied().unwrap_or(0) >= 2;
        let affix = !key.is_empty() && !whole_twice && affixed.contains(key.as_str());
        // The site's name, printed around the page's chrome as well.
        let site_name = affix && site_name_in_chrome(&info, &key);
        let repeated = !key.is_empty() && (whole_twice || affix) && !site_name;
        if site_name {
            score -= 2.0;
        }
        // A short title counts as repeated where it heads the date's block
        // (a page title and its heading, `Service changes` twice).
        if repeated && (titled(l) || heads.contains(&i)) {
            score += if l.lettered >= 4.0 { 4.0 } else { 1.0 };
            why.push("repeated");
        }
        if named(&key) {
            score += 5.0;
            why.push("named by the page's markup");
            // The shorter side of the page title (`Headline | Site`) whose
            // longer side the page gives as a line too: the site's name.
            if hints.titles.iter().any(|h| {
                around_separators(h).any(|(a, b)| {
                    let (a, b) = (token_key(a), token_key(b));
                    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                    short == key && eligible_idx.iter().any(|&k| info[k].key == long)
                })
            }) {
                score -= 4.0;
            }
        }
        // Right under the site's news or blog section label (`Blog`,
        // `Новости`), on a page whose dates head no line: the post's
        // headline. Where a date heads one, the line under the label may be
        // the first of a list of other stories.
        if heads.is_empty()
            && i > 0
            && info[i - 1].kind != LineKind::Content
            && info[i - 1].units <= 3.0
            && section_label(slice(&info[i - 1]), &info[i - 1])
        {
            score += 1.5;
            why.push("under the section's label");
        }
        if heads.contains(&i) {
            score += if l.lettered >= 4.0 { 2.5 } else { 1.5 };
            why.push("heading the lines over the date or byline");
        } else if in_block.contains(&i) {
            score += 0.5;
        } else if under.contains(&i) {
            score += 1.5;
            why.push("under the date or byline");
        }
        // A standfirst under a headline.
        if deck_like(l)
            && (0..i)
                .rev()
                .find(|&k| info[k].kind != LineKind::Chrome)
                .is_some_and(|k| eligible(&info[k]) && titled(&info[k]))
        {
            score -= 2.5;
        }
        if i >= bs && l.kind == LineKind::Content {
            // A question between the body's paragraphs is an interview's,
            // not the headline.
            if i > bs && l.sentence {
                continue;
            }
            score -= 1.0;
            // The body's one content line is no headline: nothing would
            // be left of the body.
            if (bs..=be).filter(|&k| info[k].kind == LineKind::Content).count() <= 1 {
                continue;
            }
        }
        // Under two of the body's paragraphs: below the body, a widget's
        // line (a newsletter's offer, a teaser); inside it, under two long
        // ones, a line of it (the last one of a page cut off mid-sentence).
        // Neither is the article's headline.
        let paragraphs_over = if i > be {
            (bs..=be).filter(|&k| info[k].kind == LineKind::Content).count()
        } else {
            (bs..i).filter(|&k| info[k].kind == LineKind::Content && info[k].units >= LONG_PARAGRAPH_UNITS).count()
        };
        if paragraphs_over >= 2 {
            score -= 1.5;
        }
        if n < above_body {
            score += 1.0 / (above_body - n) as f32;
            // Over a navigation bar with headline-sized lines under it:
            // the site's header (a magazine's name), not the article's.
            if let Some(nav) = (i + 1..bs).find(|&k| info[k].kind == LineKind::Chrome && crumbs(slice(&info[k])) >= 2)
                && eligible_idx[n + 1..].iter().any(|&k| k > nav && k < bs && titled(&info[k]))
            {
                score -= 1.5;
            }
        }
        candidates.push((i, score, why));
    }
    let Some((t, _, why)) = candidates
        .iter()
        .filter(|c| c.1 >= MIN_TITLE_SCORE)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .cloned()
    else {
        return Err("no headline above the body".into());
    };
    // A line that is the next one's text with a crumb or the site's name
    // beside it (`Home > Headline` over `Headline`): the bare line is the
    // headline, the other its copy.
    let t = (t + 1..info.len().min(t + 3))
        .find(|&k| {
            eligible(&info[k]) && info[k].key.len() * 2 > info[t].key.len() && info[t].affixes.contains(&info[k].key)
        })
        .unwrap_or(t);
    // Of a repeated headline, the first copy is the headline and the
    // others are copies; whatever stands between the first and the last
    // copy is the page's header.
    let title_key = key_of(t);
    let t = (0..=t).find(|&i| key_of(i) == title_key && eligible(&info[i])).unwrap_or(t);
    let title_lines = if wrapped(t) { 2 } else { 1 };
    let is_copy = |i: usize| {
        i != t && (info[i].key == title_key || key_of(i) == title_key || info[i].affixes.contains(&title_key))
    };
    // A copy with no prose under it (the headline printed again at the
    // article's foot, over the share row) closes no header.
    let last_prose = info.iter().rposition(|l| l.kind == LineKind::Content && l.sentence).unwrap_or(0);
    let t_last = (t..info.len().min(t + 12)).filter(|&i| i == t || (is_copy(i) && i < last_prose)).max().unwrap_or(t);
    // The body starts at the first content line under the headline and
    // its copies.
    let bs = bs.max(t_last + 1).max(t + title_lines);
    let bs = (bs..info.len()).find(|&i| info[i].kind == LineKind::Content).unwrap_or(bs);
    if bs >= info.len() {
        return Err("no body under the headline".into());
    }
    let be = be.max(bs);
    // A table of contents' heading between the headline and the body (a
    // gazette's issue, a report's first page): no article.
    if (t + 1..bs).any(|k| contents_heading(slice(&info[k]))) {
        return Err("a table of contents under the headline".into());
    }

    // The publication date.
    let first_content: Vec<usize> =
        (t + title_lines..info.len()).filter(|&i| info[i].kind == LineKind::Content).take(3).collect();
    let mut updated = None;
    // The line `k` under a credit (`©JN`) under a paragraph, the first
    // under the headline: the paragraph is a photo's caption.
    let photo_caption_over = |k: usize| {
        k >= 2
            && info[k - 1].caption
            && info[k - 1].units <= 3.0
            && info[k - 2].kind == LineKind::Content
            && (t + 1..k - 2).all(|j| info[j].kind != LineKind::Content)
    };
    // The line `k` under the first paragraph under the headline, only
    // chrome between them, and over more paragraphs: the paragraph is the
    // standfirst, `k` the header's last line.
    let standfirst_over = |k: usize| {
        k > bs
            // The headline's copy (a page title over the article's heading)
            // is no paragraph.
            && (t + title_lines..bs).all(|j| info[j].kind != LineKind::Content || is_copy(j))
            && (bs + 1..k).all(|j| info[j].kind != LineKind::Content)
            && info[k + 1..].iter().find(|l| l.kind != LineKind::Chrome).is_some_and(|l| l.kind == LineKind::Content)
    };
    // The page title over the article: the headline, a site separator, the
    // site's name and the date (`Headline - Agency, 30.09.2019`).
    // The headline itself may be read from that title, the heading that
    // repeats it standing under it.
    let header = bs.min(info.len());
    let title_date = (0..header).find_map(|k| {
        let heading = (k + 1..header).find_map(|j| page_title_date(slice(&info[k]), slice(&info[j])))?;
        Some((k, heading))
    });
    let mut best_date: Option<(usize, f32, DateHit)> = None;
    for (i, l) in info.iter().enumerate() {
        let Some(d) = l.date.or_else(|| title_date.filter(|&(k, _)| k == i).map(|(_, d)| d)) else { continue };
        if d.label == Label::Updated {
            updated.get_or_insert((i, d));
            continue;
        }
        if d.dateline && !first_content.contains(&i) {
            continue;
        }
        // Dated lines next to each other, each with another day: a list of
        // other items (events, stories), none of them the page's date. A
        // longer item ends with its date (`Concert in the old market hall — 2
        // October 2021`).
        // A bare date over a line ending with another (`2 juillet 2013` over
        // `Allocution … – lundi 1er juillet 2013`) is the page's date over
        // its standfirst, not an item of a list, unless a third dated line
        // makes the list.
        let bare = l.units <= 4.0;
        // How a neighbour lists another day: a date line of its own
        // (`Some(true)`), a line ending with one (`Some(false)`), or not.
        let listed = |k: usize| {
            let x = info.get(k)?;
            match x.date {
                Some(o) => (o.label == Label::None && !o.dateline && o.found.month_first != d.found.month_first)
                    .then_some(true),
                None => {
                    let s = slice(x).trim_end();
                    (x.units <= 20.0
                        && !x.sentence
                        && find_dates(s)
                            .last()
                            .is_some_and(|f| f.end == s.len() && f.month_first != d.found.month_first))
                    .then_some(false)
                }
            }
        };
        let (above, below) = (i.checked_sub(1).and_then(listed), listed(i + 1));
        let in_list = match (above, below) {
            (Some(_), Some(_)) => true,
            (Some(own), None) | (None, Some(own)) => own || !bare,
            (None, None) => false,
        };
        if d.label == Label::None && !d.dateline && in_list {
            continue;
        }
        let gap = |a: usize, b: usize| {
            (a.min(b) + 1..a.max(b)).filter(|&k| !matches!(info[k].kind, LineKind::Chrome | LineKind::Meta)).count()
                as f32
        };
        let mut score = if d.label == Label::Published { 3.0 } else { 0.0 };
        score += if d.dateline {
            1.0
        } else if i > t && i < bs {
            3.0 - 0.25 * gap(i, t)
        } else if i < t {
            // A date over the site's navigation bar is the site's date bar
            // (the day's date), not the article's.
            if d.label != Label::Published
                && (i + 1..t).any(|k| info[k].kind == LineKind::Chrome && crumbs(slice(&info[k])) >= 2)
            {
                continue;
            }
            // A date beside the line that names the site a government's
            // official one, at the top of the page: the site's date bar.
            let official = |k: usize| {
                k < 3 && info.get(k).is_some_and(|o| lexicon().official.iter().any(|p| names_official_site(&o.key, p)))
            };
            if d.label != Label::Published && (official(i + 1) || i.checked_sub(1).is_some_and(official)) {
                continue;
            }
            // The site's name beside the date (`Comisiones Obreras de Aragón
            // | 28 marzo 2024.`), printed again in the page's chrome: the
            // site's date bar too.
            if d.label != Label::Published
                && info[i].affixes.iter().any(|a| {
                    // The headline beside the date is a page title's, no
                    // site name.
                    a.len() >= 6
                        && *a != info[t].key
                        && info.iter().enumerate().any(|(k, o)| k != i && o.kind != LineKind::Content && o.key == *a)
                })
            {
                continue;
            }
            1.5 - 0.5 * gap(i, t)
        } else if i > be {
            // Under the body, or under the names that sign a notice
            // (`西城街道办事处` / `…交警二大队` / `2021年4月2日`).
            // The date closes the text: no paragraph follows it.
            let signed = gap(i, be) <= MAX_SIGNATURE_LINES as f32
                && (be + 1..i).all(|k| info[k].kind != LineKind::Content && !info[k].sentence && info[k].units <= 10.0)
                && info[i + 1..].iter().all(|l| l.kind != LineKind::Content);
            if gap(i, be) <= 1.0 || signed { 1.0 } else { -1.0 }
        } else if photo_caption_over(i) {
            // Under a photo's caption and its credit, themselves under the
            // headline: the article's date line.
            2.5
        } else if standfirst_over(i) {
            // Under the standfirst, over the body: the header's date line,
            // less sure than one above the headline.
            1.0 - 0.1 * gap(i, t)
        } else {
            0.5 - 0.2 * gap(i, t)
        };
        if best_date.as_ref().is_none_or(|(_, s, _)| score > *s) {
            best_date = Some((i, score, d));
        }
    }
    let best_date = best_date.filter(|(_, s, _)| *s > 0.0);
    // The publication date under the body's paragraphs, a widget under it
    // (`Publicado el viernes, 28 de abril de 2023` / `Compartir: …`): the
    // article's footer. What follows is the page's (a newsletter's offer).
    let be = match best_date {
        Some((d, _, hit))
            if !hit.dateline
                && d > bs
                && d <= be
                && (bs..d).filter(|&k| info[k].kind == LineKind::Content).count() >= 2
                && info.get(d + 1).is_some_and(|l| l.kind == LineKind::Chrome) =>
        {
            d - 1
        }
        _ => be,
    };
    let published = best_date.map(|(i, _, d)| dated_of(&info[i], d));
    // The date in the page's address, only where neither its markup nor
    // its text dates it: a page moved or reposted keeps an older address.
    let markup_date =
        markup_date.or_else(|| published.is_none().then(|| hints.address.as_deref().and_then(address_date)).flatten());
    let updated = updated.map(|(i, d)| dated_of(&info[i], d));
    let byline_at = (0..info.len())
        .filter(|&i| info[i].byline.is_some() && i + 4 >= t && i <= bs + 2)
        .min_by_key(|&i| i.abs_diff(t));
    let byline = byline_at.map(|i| Byline { at: info[i].at, name: info[i].byline.expect("a byline line") });
    // The dateline may open the headline itself (`CALATAYUD.- La banda ...`).
    let agency = first_content
        .iter()
        .take(2)
        .any(|&i| dateline_without_year(slice(&info[i])) || reporter_opening(slice(&info[i])))
        || place_and_stop_dash(slice(&info[t]));
    // A page that shows no date is still an article where its widgets or
    // masthead are a news publication's (related news, the editor's line).
    let dated = published.is_some() || byline.is_some() || agency || markup_date.is_some();
    // So is a page whose headline stands under or over the site's news or
    // blog section label (`News`, `Новости района`, `Blog`).
    let newsroom = !dated
        && (newsroom_cue(text, &info)
            || (t.saturating_sub(2)..(t + 2).min(info.len()))
                .filter(|&k| k != t)
                .any(|k| info[k].kind != LineKind::Content && section_label(slice(&info[k]), &info[k]))
            // A breadcrumb a few lines over it whose last crumb is the news
            // section (`首页 > 热门公告 > 市政新闻`), the print and back links
            // between.
            || (t.saturating_sub(5)..t).any(|k| {
                info[k].kind == LineKind::Chrome
                    && crumbs(slice(&info[k])) >= 2
                    && section_label(slice(&info[k]), &info[k])
                    && (k + 1..t).all(|j| info[j].kind != LineKind::Content && info[j].units <= 4.0)
            }));
    let declared = !dated && !newsroom && hints.article;
    if !dated && !newsroom && !declared {
        return Err("no publication date, byline or dateline near the headline".into());
    }

    // The parts, in page order. The header ends with the last date or
    // byline line the article uses.
    let mut captions = Vec::new();
    let mut headings = Vec::new();
    // Where each paragraph stands in `info`.
    let mut paragraph_lines = Vec::new();
    let mut boilerplate = Vec::new();
    let dateline_used = best_date.is_some_and(|(_, _, d)| d.dateline);
    let used: FxHashSet<usize> =
        [best_date.filter(|_| !dateline_used).map(|b| b.0), byline_at, updated.map(|_| usize::MAX)]
            .into_iter()
            .flatten()
            .collect();
    // A date or byline under two paragraphs or more is the body's footer
    // (`Posted on July 24, 2023` closing a post), no header's line.
    let under_one_paragraph = |k: usize| (bs..k).filter(|&j| info[j].kind == LineKind::Content).count() <= 1;
    let header_end = used
        .iter()
        .copied()
        .filter(|&u| u < bs + 3 && u != usize::MAX && under_one_paragraph(u))
        .max()
        .unwrap_or(t)
        .max(t);
    // A date line under the standfirst that gives the publication date
    // again ends the header too: the author's name and title over it are
    // the header's, not the body's.
    let header_end = best_date
        .and_then(|(_, _, d)| {
            (bs..(bs + 8).min(be + 1)).rev().find(|&k| {
                info[k].kind == LineKind::Meta
                    && info[k].date.is_some_and(|x| x.found.month_first == d.found.month_first)
                    && under_one_paragraph(k)
            })
        })
        .map_or(header_end, |k| header_end.max(k));
    let updated_line = updated.map(|u| u.at.line);
    let body_under_header = header_end > t
        && (header_end + 1..=be.min(info.len().saturating_sub(1))).any(|k| info[k].kind == LineKind::Content);
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut key_counts: FxHashMap<&str, usize> = FxHashMap::default();
    for l in info.iter().filter(|l| !l.key.is_empty()) {
        *key_counts.entry(l.key.as_str()).or_insert(0) += 1;
    }
    for (i, l) in info.iter().enumerate() {
        if i >= t && i < t + title_lines || used.contains(&i) || Some(l.at.line) == updated_line {
            continue;
        }
        let s = slice(l);
        // Lines outside the article are not seen first (see the copies).
        let first =
            (if outside(l) { !seen.contains(l.key.as_str()) } else { seen.insert(l.key.as_str()) }) || l.key.is_empty();
        // A long paragraph above the headline: the article's body when the
        // page puts it first. Under the site's name, date bar or masthead
        // it is a ticker of other stories run together.
        if i < t
            && l.kind == LineKind::Content
            && l.units >= 40.0
            && first
            && info[..i].iter().all(|k| k.kind == LineKind::Chrome)
        {
            paragraph_lines.push(i);
            continue;
        }
        if i < t || matches!(l.kind, LineKind::Chrome | LineKind::Meta) || is_copy(i) || !first {
            boilerplate.push(l.at);
            continue;
        }
        let place = if i < t_last {
            // Between the copies of the headline: the page's header.
            None
        } else if i < bs || i <= header_end {
            // Under the headline, before the body: a deck stays, and so does
            // an item of the list of decks the body opens with (`• - …`).
            let listed = || {
                let lead = |k: usize| {
                    let s = slice(&info[k]);
                    let n = s.len() - s.trim_start_matches(['•', '·', '-', '–', ' ']).len();
                    (n > 0).then(|| &s[..n])
                };
                lead(i).is_some_and(|a| info.get(i + 1).is_some() && lead(i + 1) == Some(a) && i + 1 == bs)
            };
            (l.kind == LineKind::Content || deck_like(l) || listed()).then_some(())
        } else if i <= be {
            Some(())
        } else {
            None
        };
        // A heading: after a heading marker (`■`), or between dashes
        // (`- the budget grows by 9.2% -`, a press release's subtitle).
        let inner = heading_marker(s).map(|m| (m.len(), 0)).or_else(|| dash_wrapped(s));
        if let Some((lead, tail)) = inner
            && i > t
            && i <= be
        {
            let rest = trim(text, Span::new(l.at.span.start + lead, l.at.span.end - tail));
            // A sentence after the marker is a paragraph set off by a bullet
            // (`□ 인사혁신처는 … 밝혔다.`, as Korean press releases write them).
            if !rest.is_empty()
                && (word_count(&text[rest.range()]) as f32) <= MAX_TITLE_WORDS
                && !(l.kind == LineKind::Content && ends_like_sentence(&text[rest.range()]))
            {
                headings.push(Heading { at: l.at, text: rest });
                continue;
            }
        }
        // The headline again with a few words after it, no sentence: a
        // photo's caption that repeats it and names the photographer.
        let headline_caption = || {
            l.key.strip_prefix(title_key.as_str()).is_some_and(|r| {
                r.starts_with(' ') && (1..=8).contains(&r.split(' ').filter(|w| !w.is_empty()).count())
            }) && !ends_like_sentence(s)
        };
        // A photo's caption over its credit and the date line.
        let over_credit_and_date = || best_date.is_some_and(|(d, _, _)| d == i + 2 && photo_caption_over(d));
        // A slideshow's caption, printed with each of its photos: a line
        // shorter than a paragraph that the page gives three times or more,
        // alone (the line after it is no copy: a block the scrape repeats
        // is repeated whole).
        let count = |key: &str| key_counts.get(key).copied().unwrap_or(0);
        let slideshow_caption = || {
            l.units < LONG_PARAGRAPH_UNITS
                && count(&l.key) >= MIN_SLIDESHOW_COPIES
                && info[i + 1..].iter().find(|n| n.key != l.key).is_none_or(|n| count(&n.key) <= 1)
        };
        if i > t
            && i <= be
            && ((l.caption && word_count(s) <= 60)
                || headline_caption()
                || over_credit_and_date()
                || slideshow_caption())
        {
            captions.push(l.at);
            continue;
        }
        // A standfirst between the headline and the byline or date that
        // closes the header, the body under them: the article's subtitle,
        // not its first paragraph.
        if place.is_some() && i > t && i < header_end && body_under_header {
            headings.push(Heading { at: l.at, text: l.at.span });
            continue;
        }
        match place {
            Some(()) => paragraph_lines.push(i),
            None => boilerplate.push(l.at),
        }
    }
    let paragraphs: Vec<_> = paragraph_lines.iter().map(|&i| info[i].at).collect();
    let good = paragraph_lines.iter().map(|&i| &info[i]).filter(|l| l.kind == LineKind::Content).collect::<Vec<_>>();
    // One short paragraph is a body where a labelled date and a byline
    // show an article (a photo story).
    let captioned =
        good.len() == 1 && byline.is_some() && best_date.is_some_and(|(_, _, d)| d.label == Label::Published);
    // One paragraph of a sentence or more is a brief on a page that a
    // newsroom's widgets or masthead show to be a news publication's.
    let brief = || good.len() == 1 && good[0].sentence && newsroom_cue(text, &info);
    // A paragraph of two sentences or more under a date is a short post's
    // body; one sentence may be a teaser or a caption.
    let sentences =
        || good.len() == 1 && good[0].units >= 20.0 && best_date.is_some() && sentence_breaks(slice(good[0])) >= 1;
    if good.len() < 2 && !good.iter().any(|l| l.units >= 30.0) && !captioned && !brief() && !sentences() {
        return Err(format!("{} prose lines under the headline, fewer than 2", good.len()));
    }
    // Undated (a section's label or a newsroom's widgets made it a
    // candidate), with not one sentence under the headline: a section's
    // list of headlines, not an article.
    if !dated && !good.iter().any(|l| l.sentence) {
        return Err("no sentence under the headline of an undated page: a list of titles".into());
    }
    let mut title = info[t].at;
    // A piece cut off the headline line: boilerplate, in its place.
    let set_aside = |boilerplate: &mut Vec<LineRef>, piece: LineRef| {
        let at = boilerplate.partition_point(|b: &LineRef| b.span.start < piece.span.start);
        boilerplate.insert(at, piece);
    };
    // The headline's end from `n` on, set aside; the headline ends before
    // the blanks that part them.
    let cut_end = |boilerplate: &mut Vec<LineRef>, title: &mut LineRef, n: usize| {
        set_aside(boilerplate, LineRef { span: Span::new(title.span.start + n, title.span.end), line: title.line });
        let kept = text[title.span.start..title.span.start + n].trim_end().len();
        title.span = Span::new(title.span.start, title.span.start + kept);
    };
    if title_lines == 2 {
        title.span = Span::new(title.span.start, info[t + 1].at.span.end);
    }
    // A table's cell bar after the title (`… 신청 |`): the table's.
    let bare = text[title.span.range()].trim_end_matches([' ', '|', '｜']);
    if bare.len() < text[title.span.range()].len() && text[title.span.range()][bare.len()..].contains(['|', '｜']) {
        cut_end(&mut boilerplate, &mut title, bare.len());
    }
    // A reporter's byline run onto the headline's end (`… 진행 윤규진 기자
    // kor741@hanmail.net`): the page's.
    if let Some(n) = trailing_reporter(&text[title.span.range()]) {
        cut_end(&mut boilerplate, &mut title, n);
    }
    // The site's address after the headline (`… - example.com`, a page
    // title printed as the heading): the page's.
    if let Some(n) = trailing_domain(&text[title.span.range()]) {
        cut_end(&mut boilerplate, &mut title, n);
    }
    // A publication label run onto the headline's end, its date on a line
    // below (`… dans le nouveau collège Publié le`): the page's.
    if let Some(n) = trailing_date_label(&text[title.span.range()]) {
        cut_end(&mut boilerplate, &mut title, n);
    }
    // The label before a board's title is the page's: boilerplate, in its
    // place among the lines.
    if let Some(n) = title_label_len(slice(&info[t])) {
        let label = LineRef {
            span: Span::new(title.span.start, title.span.start + slice(&info[t])[..n].trim_end().len()),
            line: title.line,
        };
        set_aside(&mut boilerplate, label);
        title.span = Span::new(title.span.start + n, title.span.end);
    }
    let mut signals = format!("a headline on line {}", info[t].at.line);
    if !why.is_empty() {
        signals += &format!(" ({})", why.join(", "));
    }
    if let Some((i, _, d)) = best_date {
        signals += &format!(
            ", a publication date on line {}{}",
            info[i].at.line,
            match (d.label, d.dateline) {
                (Label::Published, _) => " (labelled)",
                (_, true) => " (dateline)",
                _ if i > t => " (under the headline)",
                _ if i < t => " (above the headline)",
                _ => "",
            }
        );
    } else if agency {
        signals += ", a dateline without a year";
    } else if newsroom {
        signals += ", no date but a news publication's widgets";
    } else if declared {
        signals += ", no date but the markup declares an article";
    }
    if let Some(b) = &byline {
        signals += &format!(", a byline on line {}", b.at.line);
    }
    if markup_date.is_some() {
        signals += ", a publication date in the page's markup";
    }
    signals += &format!(", {} body paragraphs", paragraphs.len());
    // Read only where a date's day and month could be swapped.
    let day_first = [published, updated].iter().flatten().any(|d| d.found.day_first.is_some())
        && good.first().is_some_and(|l| day_first_writing(slice(l)));
    Ok(News {
        title,
        byline,
        published,
        updated,
        markup_date,
        captions,
        headings,
        paragraphs,
        boilerplate,
        day_first,
        signals,
    })
}

/// The date a page's address gives in its path: year, month and day as
/// segments of their own (`/2014/03/11/`, `/2024/5/9/`) or one segment
/// (`/2018-06-02/`). The host and the query are not read.
fn address_date(address: &str) -> Option<FoundDate> {
    // Where the path starts: after the host, or at once for a bare path.
    let base = address.find("://").map_or(0, |i| address[i + 3..].find('/').map_or(address.len(), |j| i + 3 + j));
    let path = &address[base..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let date = |y: &str, m: &str, d: &str| {
        let (y, m, d) = (number(y)?, number(m)?, number(d)?);
        if !(1990..=2100).contains(&y) || m > 12 || d > 31 {
            return None;
        }
        IsoDate::new(y, m as u8, d as u8)
    };
    let segments: Vec<(usize, &str)> = path
        .split('/')
        .scan(0usize, |at, seg| {
            let start = *at;
            *at += seg.len() + 1;
            Some((start, seg))
        })
        .collect();
    let found = |start: usize, end: usize, d: IsoDate| FoundDate {
        start: base + start,
        end: base + end,
        month_first: d,
        day_first: None,
    };
    for (k, &(start, seg)) in segments.iter().enumerate() {
        if let Some(&[(_, m), (dstart, d)]) = segments.get(k + 1..k + 3)
            && let Some(iso) = date(seg, m, d)
        {
            return Some(found(start, dstart + d.len(), iso));
        }
        let mut parts = seg.splitn(3, '-');
        if let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next())
            && let Some(iso) = date(y, m, d)
        {
            return Some(found(start, start + seg.len(), iso));
        }
    }
    None
}

/// Whether `s` holds a word of a site's notices to its readers (class
/// `notice`: `cookies`, `commentaires`).
fn reader_notice(s: &str) -> bool {
    let lex = lexicon();
    holds_word(s, &lex.notice, &lex.notice_inside) || holds_word(s, &lex.consent, &lex.consent_inside)
}

/// Whether `s` holds one of `padded` (token keys between spaces) as whole
/// tokens, or one of `inside` (Chinese and Korean words) anywhere.
fn holds_word(s: &str, padded: &[String], inside: &[&str]) -> bool {
    if inside.iter().any(|w| s.contains(w)) {
        return true;
    }
    let key = format!(" {} ", token_key(s));
    padded.iter().any(|w| key.contains(w.as_str()))
}

/// Whether `s` is a consent banner (class `consent`): a consent word, and
/// more than a headline holds: two clauses, or buttons set apart by a bar
/// or by a run of spaces (`… cookies. OK   En savoir plus`).
fn consent_banner(s: &str, units: f32) -> bool {
    let lex = lexicon();
    // The word first: one search of the automaton spares most lines the rest.
    units <= 40.0
        && lex.consent_ac.is_match(s)
        && (sentence_breaks(s) >= 1 || s.contains('|') || s.contains("   "))
        && holds_word(s, &lex.consent, &lex.consent_inside)
}

/// Whether a line ends with a read-more link (class `more`: `... Read more
/// »`, `Читать дальше »`, `阅读全文>>`), marks after it passed over.
fn ends_with_more(s: &str) -> bool {
    let s =
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '›' | '>' | '…' | '.' | ']' | ')' | '→'));
    let lex = lexicon();
    if lex.more_han.iter().any(|w| s.ends_with(w)) {
        return true;
    }
    // The line's last letter must end some link: most lines end otherwise,
    // and are not lower-cased.
    if !s.chars().next_back().is_some_and(|c| c.to_lowercase().any(|c| lex.more_ends.contains(&c))) {
        return false;
    }
    let key = token_key(tail_of(s, 48));
    lex.more.iter().any(|m| key == *m || key.strip_suffix(m.as_str()).is_some_and(|r| r.ends_with(' ')))
}

/// How many sentences end inside `s` (not at its end): a full stop, a
/// question or exclamation mark followed by a space, or a Chinese one.
fn sentence_breaks(s: &str) -> usize {
    let s = s.trim_end();
    let b = s.as_bytes();
    let spaced = (1..b.len()).filter(|&i| b[i] == b' ' && matches!(b[i - 1], b'.' | b'!' | b'?')).count();
    let cjk = s.match_indices(['。', '！', '？']).filter(|(i, m)| i + m.len() < s.len()).count();
    spaced + cjk
}

/// Whether a short line of the page (a widget's label, a masthead line)
/// opens with a phrase only news publications carry (class `newsroom`).
fn newsroom_cue(text: &str, info: &[LineInfo]) -> bool {
    let lex = lexicon();
    info.iter().filter(|l| l.units <= 10.0 && l.kind != LineKind::Content).any(|l| {
        // The phrase opens the line or closes it (`Follow Site 24 on Google
        // News`).
        opens_with_newsroom_phrase(&l.key)
            || lex.newsroom.iter().any(|k| l.key.strip_suffix(k.as_str()).is_some_and(|r| r.ends_with(' ')))
            || lex.newsroom_han.iter().any(|w| text[l.at.span.range()].contains(w))
    })
}

/// Whether a line's token key opens with a newsroom phrase (`Related news`,
/// `Назад к списку новостей`), as whole words.
fn opens_with_newsroom_phrase(key: &str) -> bool {
    lexicon().newsroom.iter().any(|k| after_phrase(key, k).is_some())
}

/// Whether `l` names a news or blog section (`News`, `Новости района`,
/// `Blog`): a feed label of the catalog, alone or before the section's
/// own words, or as a breadcrumb trail's last crumb (`Accueil » Actualités`).
fn section_label(s: &str, l: &LineInfo) -> bool {
    let lex = lexicon();
    let is_feed = |text: &str, key: &str| {
        lex.feed
            .iter()
            // A Chinese section's name ends with its kind as often as it
            // opens with it (`新闻动态`, `部门动态`).
            .any(|f| {
                if han(f) {
                    let t = text.trim();
                    t.starts_with(f.as_str()) || t.ends_with(f.as_str())
                } else {
                    after_phrase(key, f).is_some()
                }
            })
    };
    if l.units <= 3.0 && is_feed(s, &l.key) {
        return true;
    }
    if l.units > 12.0 {
        return false;
    }
    last_crumb(s).is_some_and(|last| !last.is_empty() && token_count(last) <= 3 && is_feed(last, &token_key(last)))
}

/// Whether a paragraph ends with an end marker of the catalog after its
/// last sentence (`… 1부.  끝.`, `… the Minister said. ENDS`, `…。（完）`).
fn ends_with_end_mark(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['.', '。', '-', '—', '–', ' ']);
    let t = t.strip_suffix([')', '）']).unwrap_or(t);
    let Some(at) = t.rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '（' | '-' | '—' | '–' | '.' | '。'))
    else {
        return false;
    };
    let word = t[at..].trim_start_matches(|c: char| !c.is_alphanumeric());
    let before = t[..at].trim_end_matches(['(', '（', '-', '—', '–', ' ']);
    !word.is_empty()
        && before.ends_with(['.', '。', '!', '?', '»', '"', '”', '’'])
        && lexicon().end.contains(word.to_lowercase().as_str())
}

/// Most words of a line that goes on with a sentence of page chrome.
const MAX_CHROME_RUN_ON_WORDS: f32 = 20.0;

/// Marks as chrome the short lines that go on with a sentence of chrome
/// over them, which ends no sentence, each opening in lower case (a
/// paywall's `...pour lire la suite, rejoignez notre communauté d'abonnés`
/// / `et accédez à l'intégralité de nos articles…` / `à partir de 1 € le
/// 1er mois…`). A button (three words or fewer) opens no sentence.
fn chrome_run_ons(text: &str, info: &mut [LineInfo]) {
    for i in 1..info.len() {
        let (prev, cur) = (&info[i - 1], &info[i]);
        if prev.kind == LineKind::Chrome
            && prev.units > 3.0
            && cur.kind != LineKind::Meta
            && cur.units <= MAX_CHROME_RUN_ON_WORDS
            && !ends_like_sentence(&text[prev.at.span.range()])
            && text[cur.at.span.range()].chars().next().is_some_and(char::is_lowercase)
        {
            info[i].kind = LineKind::Chrome;
        }
    }
}

/// Fewest bulleted lines in a row that make a list of links.
const MIN_BULLETED_TEASERS: usize = 3;

/// Marks as chrome a run of lines above the page's first sentence of
/// prose, each opening with the same bullet and ending no sentence (`•
/// Headline one` / `• Headline two` / …): a ticker or a list of other
/// articles' headlines, not the article. Under the first sentence such a
/// list may be the body's own, and is left alone.
fn bulleted_teasers(text: &str, info: &mut [LineInfo]) {
    let first_prose = info.iter().position(|l| l.kind == LineKind::Content && l.sentence).unwrap_or(info.len());
    let bullet = |l: &LineInfo| {
        let s = &text[l.at.span.range()];
        let c = s.chars().next().filter(|c| matches!(c, '•' | '·' | '▪' | '►' | '▸' | '●'))?;
        (s[c.len_utf8()..].starts_with(' ') && !ends_like_sentence(s) && l.units <= MAX_TITLE_WORDS).then_some(c)
    };
    let mut i = 0;
    while i < first_prose {
        let Some(c) = bullet(&info[i]) else {
            i += 1;
            continue;
        };
        let end = (i..first_prose).find(|&k| bullet(&info[k]) != Some(c)).unwrap_or(first_prose);
        if end - i >= MIN_BULLETED_TEASERS {
            // A byline or a date among them is the article's details set
            // out as a list (`• Ann Lee` / `• Published 3 March 2021` / `•
            // Comments 0`), not a teaser: it keeps its kind.
            for l in info[i..end].iter_mut().filter(|l| l.kind != LineKind::Meta) {
                l.kind = LineKind::Chrome;
            }
        }
        i = end;
    }
}

/// Most people a byline after its outlet's name lists.
const MAX_OUTLET_BYLINE_NAMES: usize = 3;

/// Marks as a byline a line right over a date line that gives an outlet's
/// or a city's name, a dash and one to three people's names, each of two
/// or three words, set apart by commas (`Gazette - Ann Lee, Tom Ray`, the
/// way Arabic dailies credit their reporters), under a longer line of the
/// article: no function word, no figure, no sentence. Such a line over the
/// date is no headline.
fn outlet_bylines(text: &str, info: &mut [LineInfo]) {
    for i in 0..info.len().saturating_sub(1) {
        let next = &info[i + 1];
        let l = &info[i];
        // A longer line of the article stands over it (its headline or
        // standfirst): a headline of that shape (`Brexit - Theresa May,
        // Boris Johnson`) under a site's name stays one.
        let above = i.checked_sub(1).map(|k| &info[k]);
        if above.is_none_or(|a| matches!(a.kind, LineKind::Chrome | LineKind::Meta) || a.lettered <= l.lettered)
            || next.kind != LineKind::Meta
            || next.date.is_none()
            || next.byline.is_some()
            || l.byline.is_some()
            || l.kind == LineKind::Chrome
            || l.sentence
            || l.prose_share > 0.0
        {
            continue;
        }
        let s = &text[l.at.span.range()];
        let Some((head, names)) = [" - ", " – ", " — "].iter().find_map(|d| s.split_once(d)) else {
            continue;
        };
        let words_only = |t: &str| t.split_whitespace().all(|w| w.chars().all(char::is_alphabetic));
        let head_words = head.split_whitespace().count();
        let people: Vec<&str> = names.split([',', '،']).map(str::trim).collect();
        if (1..=2).contains(&head_words)
            && words_only(head)
            && people.len() <= MAX_OUTLET_BYLINE_NAMES
            && people.iter().all(|p| (2..=3).contains(&p.split_whitespace().count()) && words_only(p))
        {
            let start = l.at.span.start + head.len();
            let name = trim(text, Span::new(start, l.at.span.end));
            let name =
                trim(text, Span::new(name.start + text[name.range()].find(char::is_alphabetic).unwrap_or(0), name.end));
            info[i].byline = Some(name);
            info[i].kind = LineKind::Meta;
            info[i].headline_form = false;
        }
    }
}

/// Most lines under a breadcrumb trail that may repeat one of its crumbs
/// as the section's heading.
const CRUMB_ECHO_LINES: usize = 4;

/// Marks as chrome a short line that repeats a crumb of the breadcrumb
/// trail over it, other than the last (`Home > News, Events and Culture >
/// Archived News` over `News, Events and Culture`): the section's heading,
/// not the article's. The last crumb is often the headline itself.
fn crumb_echoes(text: &str, info: &mut [LineInfo]) {
    for i in 0..info.len() {
        if info[i].kind != LineKind::Chrome || crumbs(&text[info[i].at.span.range()]) == 0 {
            continue;
        }
        let s = &text[info[i].at.span.range()];
        let Some(sep) = ['»', '›', '>'].into_iter().find(|c| s.contains(*c)) else {
            continue;
        };
        let mut crumbs: Vec<String> = s.split(sep).map(token_key).filter(|k| !k.is_empty()).collect();
        crumbs.pop();
        for l in info.iter_mut().skip(i + 1).take(CRUMB_ECHO_LINES) {
            if l.kind != LineKind::Meta && l.units <= 6.0 && crumbs.contains(&l.key) {
                l.kind = LineKind::Chrome;
                l.headline_form = false;
            }
        }
    }
}

/// The text after a breadcrumb's last separator (`»`, `>`, `›`, or a
/// slash set off by blanks: `Главная / Новости`), trimmed.
fn last_crumb(s: &str) -> Option<&str> {
    let at = s
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '»' | '>' | '›'))
        .map(|(i, c)| i + c.len_utf8())
        .or_else(|| s.rfind(" / ").map(|i| i + 3))?;
    Some(s[at..].trim())
}

/// Whether `s` is a section's path: a news or blog feed label of the
/// catalog, a site separator, and a subsection of up to three words
/// (`Noticias · Comunidades Autónomas`, `News | Local`).
fn section_path(s: &str) -> bool {
    let lex = lexicon();
    SITE_SEPARATORS.iter().any(|sep| {
        s.split_once(sep).is_some_and(|(head, rest)| {
            let head = token_key(head);
            token_count(rest) <= 3 && lex.feed.contains(&head)
        })
    }) || SITE_SEPARATORS.iter().chain(&[". "]).any(|sep| {
        // Or the topic first, the kind of section last (`Хоккей
        // (КХЛ). Статьи`).
        s.rsplit_once(sep).is_some_and(|(head, last)| token_count(head) <= 3 && lex.feed.contains(&token_key(last)))
    })
}

/// Whether a paragraph is written in a language whose writers put the day
/// before the month in numeric dates: Arabic or Cyrillic letters outnumber
/// Latin ones in its first characters, or its function words are more
/// French or Spanish than English (class `function`).
fn day_first_writing(s: &str) -> bool {
    let (mut day_first, mut latin) = (0usize, 0usize);
    let mut end = 0;
    for (i, c) in s.char_indices().take(200) {
        match c {
            '\u{0600}'..='\u{06FF}' | '\u{0400}'..='\u{04FF}' => day_first += 1,
            c if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
        end = i + c.len_utf8();
    }
    if day_first > latin {
        return true;
    }
    let lower = lowercase(&s[..end]);
    let lex = lexicon();
    let (mut day_first, mut month_first) = (0usize, 0usize);
    for t in split_tokens(&lower) {
        let order = lex.date_order_function.get(t).copied().unwrap_or(0);
        month_first += usize::from(order & 1);
        day_first += usize::from(order >> 1);
    }
    day_first > month_first
}

/// A dateline without a year opening a paragraph: a place in capitals, a
/// day and a month, then an agency or a dash (`OTTAWA, 7 déc. /Agence/ -`,
/// `МОСКВА, 15 декабря. /ТАСС/.`), or a Chinese agency's `10月22日电`; or
/// an agency's dateline without a date: a place in capitals, the agency in
/// brackets and a dash (`PARIS (AFP) -`), or both in brackets
/// (`(서울=연합뉴스)`).
fn dateline_without_year(s: &str) -> bool {
    let s = s.trim_start();
    // `中新社北京10月22日电`: a month and a day, then the agency's `电`.
    // Only a `电` starting in the first 48 bytes counts, so the search
    // stops there rather than reading a long paragraph to its end.
    if let Some((at, _)) = s.char_indices().take_while(|&(i, _)| i <= 48).find(|&(_, c)| matches!(c, '电' | '電'))
        && let Some(month) = s[..at].find('月')
    {
        return month_and_day_before(s, month, at);
    }
    // `OTTAWA, le 7 déc. /Agence/ -`: a place in capitals, a comma or a
    // full stop, maybe a short particle, a day and a month.
    // One pass up to the comma or full stop, given up at the first
    // character that rules the place out (a lower-case letter, a digit, a
    // 31st letter): a paragraph is not read to its first comma.
    // `(서울=연합뉴스)`: a place and an agency in brackets.
    if let Some(inner) = s.strip_prefix(['(', '（'])
        && let Some(close) = inner.char_indices().take_while(|&(i, _)| i <= 40).find(|&(_, c)| matches!(c, ')' | '）'))
        && let Some((place, agency)) = inner[..close.0].split_once('=')
    {
        return !place.trim().is_empty() && !agency.trim().is_empty();
    }
    if place_and_stop_dash(s) || arabic_source_dateline(s) {
        return true;
    }
    let mut cut = None;
    let mut letters = 0;
    for (i, c) in s.char_indices() {
        if c == ',' || c == '.' {
            cut = Some(i);
            break;
        }
        // `PARIS (AFP) -`: a place in capitals, an agency in brackets and
        // a dash.
        if c == '(' {
            let Some(close) = s[i..].char_indices().take_while(|&(j, _)| j <= 40).find(|&(_, c)| c == ')') else {
                return false;
            };
            let after = s[i + close.0 + 1..].trim_start();
            return letters >= 3 && close.0 > 2 && after.starts_with(['-', '–', '—']);
        }
        if case_of(c).0 || numeric(c) {
            return false;
        }
        if letter(c) {
            letters += 1;
            if letters > 30 {
                return false;
            }
        }
    }
    let Some(cut) = cut else { return false };
    letters >= 3 && day_and_month(&s[cut + 1..])
}

/// `MADRID.- `, `Préfecture, Perpignan.- `: the place of a Spanish or
/// French dateline, up to four capitalized words, closed by a full stop
/// and a dash.
fn place_and_stop_dash(s: &str) -> bool {
    let head = head_of(s, 64);
    let Some(at) = [".- ", ".– ", ".— "].iter().filter_map(|m| head.find(m)).min() else {
        return false;
    };
    let place = &s[..at];
    let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    (1..=4).contains(&words.len())
        && place.chars().filter(|&c| letter(c)).count() >= 3
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| case_of(c).1) && w.chars().all(|c| letter(c) || c == '-' || c == '\'')
        })
}

/// Whether `s` is written in title case: three words or more, and most of
/// its words of four letters or more capitalized (`Suspect Captured After
/// Robbery`).
fn title_case(s: &str) -> bool {
    let long: Vec<&str> =
        s.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    long.len() >= 3 && long.iter().filter(|w| w.starts_with(char::is_uppercase)).count() * 4 >= long.len() * 3
}

/// `الرياض – واس:`, `صراحة - واس:`: the Arabic press's dateline, a place or
/// the paper's name, a dash and the agency's name, then a colon, opening
/// the first paragraph.
fn arabic_source_dateline(s: &str) -> bool {
    let head = head_of(s, 64);
    let Some(colon) = head.find(':') else {
        return false;
    };
    let Some((place, agency)) = head[..colon].split_once(" – ").or_else(|| head[..colon].split_once(" - ")) else {
        return false;
    };
    let arabic_words = |t: &str, most: usize| {
        let words: Vec<&str> = t.split_whitespace().collect();
        (1..=most).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().all(|c| nomina_refdata::fold::is_arabic_letter(c) || c == '(' || c == ')'))
    };
    arabic_words(place, 3) && arabic_words(agency, 3)
}

/// `10月22日` ending where the agency's sign stands at `at`, its `月` at
/// `month`: one or two digits before the month, digits and `日` after it.
fn month_and_day_before(s: &str, month: usize, at: usize) -> bool {
    let day = &s[month + '月'.len_utf8()..at];
    let before = s[..month].chars().rev().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&before) && day.ends_with('日') && day.trim_end_matches('日').chars().all(|c| c.is_ascii_digit())
}

/// What follows a dateline's place: maybe a short particle, a day of one or
/// two digits and a month's name (` le 7 déc.`, ` 15 декабря.`).
fn day_and_month(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    let mut word = words.next();
    if word.is_some_and(|w| w.chars().count() <= 3 && w.chars().all(char::is_lowercase)) {
        word = words.next();
    }
    let day = word.map(|w| w.trim_end_matches(['.', ',']));
    if !day.is_some_and(|d| (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    words.next().is_some_and(|m| nomina_refdata::month_from_name(m.trim_end_matches(['.', ','])).is_some())
}

/// The date closing a page title that gives the headline, then after a
/// site separator the site's name and the date, little else (`Headline -
/// Agency, 30.09.2019`).
fn page_title_date(line: &str, headline: &str) -> Option<DateHit> {
    let headline = headline.trim();
    let rest = line.trim_end().strip_prefix(headline)?;
    let sep = SITE_SEPARATORS.iter().find(|sep| rest.starts_with(**sep))?;
    let after = &rest[sep.len()..];
    let found = *find_dates(after).last()?;
    let tail = after[found.end..].trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')'));
    if !tail.is_empty() || word_count(&after[..found.start]) > 3 {
        return None;
    }
    let offset = line.len() - line.trim_start().len() + headline.len() + sep.len();
    let found = FoundDate { start: found.start + offset, end: found.end + offset, ..found };
    Some(DateHit { found, label: Label::None, dateline: false })
}

fn dated_of(l: &LineInfo, d: DateHit) -> Dated {
    let start = l.at.span.start;
    Dated { at: l.at, date: Span::new(start + d.found.start, start + d.found.end), found: d.found }
}

/// A line opening a numbered article of a legal text: `Article 3.`,
/// `Статья 12`, `第三条`, `제3조(목적)`.
fn legal_article(s: &str) -> bool {
    let lex = lexicon();
    // The article word and its number open the line.
    let head = s.trim_start();
    // A legal word opens the lower case of the line, which opens with the
    // lower case of its first character (but for a capital sigma, whose
    // lower case depends on what follows): a line whose first character
    // opens no legal word in lower case is none.
    if let Some(first) = head.chars().next()
        && first != 'Σ'
        && !first.to_lowercase().next().is_some_and(|c| lex.legal_first.contains(&c))
    {
        return false;
    }
    let head = &head[..head.char_indices().nth(64).map_or(head.len(), |(i, _)| i)];
    legal_article_lower(&lowercase(head))
}

/// [`legal_article`] of the lower case of a line's first 64 characters.
fn legal_article_lower(lower: &str) -> bool {
    let lex = lexicon();
    for w in &lex.legal {
        if let Some(rest) = lower.strip_prefix(w) {
            let rest = rest.trim_start();
            let digits =
                rest.chars().take_while(|c| c.is_numeric() || "一二三四五六七八九十百零〇".contains(*c)).count();
            if digits == 0 {
                continue;
            }
            let after: String = rest.chars().skip(digits).take(1).collect();
            // `第三条`, `제3조`, or a chapter's `第一章`, `제1장`: the sign
            // after the number; else a full stop, a bracket or the line's
            // end.
            if han(w) || w.chars().any(|c| ('가'..='힣').contains(&c)) {
                if matches!(after.as_str(), "条" | "條" | "조" | "章" | "장") {
                    return true;
                }
            } else if after.is_empty() || matches!(after.as_str(), "." | "(" | " " | "-" | "º" | "°") {
                return rest.len() < 40 || after == "." || after == "(";
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_closed_by_a_stop_and_a_dash_opens_a_dateline() {
        for s in [
            "MADRID.- El Gobierno aprobó ayer",
            "Préfecture, Perpignan.- Mise en œuvre de mesures",
            "Saint-Étienne.– Le maire",
        ] {
            assert!(dateline_without_year(s), "{s}");
        }
        for s in ["El Gobierno aprobó.- ayer", "See the report.- It says", "Ver más.- ", "1990.- El año"] {
            assert!(!dateline_without_year(s), "{s}");
        }
        // A line whose 64th byte falls inside a character is read, not cut there.
        let long = format!("{}.- texto", "Ñ".repeat(40));
        assert!(!place_and_stop_dash(&long));
    }

    #[test]
    fn a_bar_of_labelled_fields_is_no_prose() {
        assert!(fields_bar("主办：中共舞阳县委宣传部  承办：舞阳县融媒体中心"));
        assert!(fields_bar("Source: City Hall    Views: 12"));
        assert!(fields_bar("来源：新华网\u{3000}作者：张三"));
        assert!(fields_bar("Dolar Oficial: - Dolar Blue:- Dolar CCL:- Dolar Bolsa: - Dolar Mayorista: -"));
        assert!(!fields_bar("Note: the council met on Monday: it approved the plan: all voted for it"));
        // One field, a sentence, prose with a colon: none.
        assert!(!fields_bar("主办：中共舞阳县委宣传部"));
        assert!(!fields_bar("He said: the plan works.  She said: it does not."));
        assert!(!fields_bar("会议指出：要加快建设，确保完成任务"));
        assert!(!fields_bar("The mayor said  the plan works"));
    }

    #[test]
    fn capitals_are_lines_without_a_small_letter() {
        assert!(capitals("URUGUAY DERECHOS HUMANOS"));
        assert!(capitals("МОСКВА, 15 ДЕКАБРЯ"));
        assert!(!capitals("Uruguay presenta su plan"));
        assert!(!capitals("EU"));
        assert!(!capitals("中国 2023"));
    }

    #[test]
    fn a_subtitle_between_dashes_is_read_inside_them() {
        let inner = |s: &'static str| dash_wrapped(s).map(|(lead, tail)| &s[lead..s.len() - tail]);
        assert_eq!(inner("- 전년 대비 9.2% 증가 -"), Some(" 전년 대비 9.2% 증가 "));
        assert_eq!(inner("• – budget up 9.2% –"), Some(" budget up 9.2% "));
        assert_eq!(inner("- budget up 9.2%"), None);
        assert_eq!(inner("-- -"), None);
        assert_eq!(inner("Budget - 2021 - Ministry"), None);
        assert!(dash_led("• - 보도자료 게시판 개편"));
        assert!(dash_led("- a list item"));
        assert!(!dash_led("-5 degrees in the north"));
        assert!(!dash_led("Health - Ministry opens clinics"));
    }

    #[test]
    fn word_char_is_is_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn letter_and_numeric_are_the_unicode_properties() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(numeric(c), c.is_numeric(), "{c:?}");
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            if ('가'..='힣').contains(&c) {
                assert!(may_hold_hangul(s), "{c:?}");
            }
        }
    }

    #[test]
    fn caption_words_as_by_the_whole_pattern() {
        let mut pieces: Vec<String> = catalog()
            .entries()
            .iter()
            .filter(|e| e.key == "news.photo")
            .flat_map(|e| [e.text.to_string(), e.text.to_uppercase()])
            .collect();
        for w in &pieces {
            assert!(!w.contains([':', '：', '(', '（', '©']), "{w:?}");
        }
        for p in [
            "(", "（", ")", "）", ":", "：", "©", " ", "  ", "\t", "Jane", "agency", "/", "|", "x:", "2024",
            "\u{3000}", "Ｐ", "ſ", "\u{212a}", "oto", "新闻", "图", "Ф", "ф", "صورة", "ص",
        ] {
            pieces.push(p.to_string());
        }
        let mut next = crate::testgen::numbers(29);
        let mut hits = 0;
        for _ in 0..20_000 {
            let n = 1 + next() % 8;
            let line: String = (0..n).map(|_| pieces[next() % pieces.len()].as_str()).collect();
            let want = patterns().caption.is_match(&line);
            hits += usize::from(want);
            assert_eq!(caption_words(&line, line.contains(['(', '（'])), want, "{line:?}");
        }
        assert!(hits > 1_000, "{hits}");
    }

    /// `dateline_without_year` as first written: every line searched to
    /// its end for the agency's character and to its first comma.
    fn dateline_without_year_in_full(s: &str) -> bool {
        let s = s.trim_start();
        if let Some(at) = s.find(['电', '電'])
            && at <= 48
            && let Some(month) = s[..at].find('月')
        {
            return month_and_day_before(s, month, at);
        }
        if let Some(inner) = s.strip_prefix(['(', '（'])
            && let Some(close) = inner.find([')', '）'])
            && close <= 40
            && let Some((place, agency)) = inner[..close].split_once('=')
        {
            return !place.trim().is_empty() && !agency.trim().is_empty();
        }
        // `MADRID.- `: up to four capitalized words (letters, hyphens,
        // apostrophes) and commas, three letters or more, a stop and a dash
        // with a blank, within the first 64 bytes; read by a pattern here,
        // by hand in the function under test.
        static STOP_DASH: OnceLock<Regex> = OnceLock::new();
        let stop_dash = STOP_DASH.get_or_init(|| {
            Regex::new(r"^(\p{Lu}[\p{L}'-]*(?:[ ,]+\p{Lu}[\p{L}'-]*){0,3})\.[-–—] ").expect("stop-dash pattern")
        });
        if let Some(c) = stop_dash.captures(s)
            && c.get(0).is_some_and(|m| m.end() <= 64)
            && c[1].chars().filter(|c| c.is_alphabetic()).count() >= 3
        {
            return true;
        }
        let Some(cut) = s.find([',', '.', '(']) else { return false };
        let place = &s[..cut];
        let letters = place.chars().filter(|c| c.is_alphabetic()).count();
        if !(3..=30).contains(&letters) || place.chars().any(|c| c.is_lowercase() || c.is_numeric()) {
            return false;
        }
        if s[cut..].starts_with('(') {
            return s[cut..].find(')').is_some_and(|close| {
                close > 2 && close <= 40 && s[cut + close + 1..].trim_start().starts_with(['-', '–', '—'])
            });
        }
        day_and_month(&s[cut + 1..])
    }

    #[test]
    fn dateline_without_year_as_read_in_full() {
        let long = "OTTAWA ".repeat(5);
        let pieces = [
            "OTTAWA",
            "GENÈVE",
            "МОСКВА",
            "Berne",
            "le",
            "de",
            " ",
            "  ",
            ",",
            ".",
            "7",
            "12",
            "123",
            "déc.",
            "Dec",
            "mars",
            "января",
            "中新社北京",
            "10",
            "月",
            "22",
            "日",
            "电",
            "電",
            "名",
            "-",
            "/Agence/",
            "²",
            "٣",
            &long,
            "ÉÉÉÉÉÉÉÉÉÉ",
            "X",
            "(",
            ")",
            "（",
            "=",
            "(AFP)",
            "(서울=연합뉴스)",
            "서울",
            "—",
        ];
        let mut next = crate::testgen::numbers(37);
        let mut hits = 0;
        for _ in 0..60_000 {
            let n = 1 + next() % 14;
            let line: String = (0..n).map(|_| pieces[next() % pieces.len()]).collect();
            let want = dateline_without_year_in_full(&line);
            hits += usize::from(want);
            assert_eq!(dateline_without_year(&line), want, "{line:?}");
        }
        // Lines shaped as datelines, with pieces that may spoil them.
        let places = ["OTTAWA", "GENÈVE", "МОСКВА", "Berne", "NEW YORK", &long, "X1", "中新社北京", "", "(서울"];
        let seps =
            [",", ".", " ", ", le", ". de", ",  ", "10月22日电", " (AFP) -", " (Reuters) —", "=연합뉴스)", " (x) -"];
        let days = ["7", "12", "123", "x", "", "07."];
        let months = ["déc.", "Dec", "mars", "января", "月", "foo", ""];
        for _ in 0..20_000 {
            let line = format!(
                "{}{} {} {}{}",
                places[next() % places.len()],
                seps[next() % seps.len()],
                days[next() % days.len()],
                months[next() % months.len()],
                pieces[next() % pieces.len()]
            );
            let want = dateline_without_year_in_full(&line);
            hits += usize::from(want);
            assert_eq!(dateline_without_year(&line), want, "{line:?}");
        }
        for line in [
            "中新社北京10月22日电 (记者)",
            "OTTAWA, le 7 déc. /Agence/ -",
            "GENÈVE, 12 mars -",
            "BERNE. 3 Dec",
            "ANTANANARIVO (Xinhua) - Le Conseil des ministres",
            "(서울=연합뉴스) 김철수 기자 = 정부는",
        ] {
            assert!(dateline_without_year(line), "{line:?}");
        }
        // The agency's sign starting at byte 48 counts, at byte 49 not.
        let at_48 = format!("{}10月22日电", "X".repeat(38));
        assert!(dateline_without_year(&at_48) && dateline_without_year_in_full(&at_48));
        let at_49 = format!("X{at_48}");
        assert!(!dateline_without_year(&at_49) && !dateline_without_year_in_full(&at_49));
        assert!(hits > 1_000, "{hits}");
    }

    #[test]
    fn credit_pattern_without_prefilter_matches_as_with_it() {
        let credit_after = Regex::new(&credit_after_pattern()).expect("credit-after pattern");
        let mut pieces: Vec<String> = catalog()
            .entries()
            .iter()
            .filter(|e| e.key == "news.photo")
            .flat_map(|e| [e.text.to_string(), e.text.to_uppercase()])
            .collect();
        for p in ["(", "（", ")", "）", ":", "：", "©", " ", "\t", "|", "｜", "Jane", "é", "名", "x:", "2024", "s"]
        {
            pieces.push(p.to_string());
        }
        let mut next = crate::testgen::numbers(43);
        let mut credits = 0;
        for _ in 0..30_000 {
            let n = 1 + next() % 8;
            let line: String = (0..n).map(|_| pieces[next() % pieces.len()].as_str()).collect();
            let want_credit = credit_after.is_match(&line);
            credits += usize::from(want_credit);
            assert_eq!(patterns().credit_after.is_match(&line), want_credit, "{line:?}");
        }
        assert!(credits > 30, "{credits}");
    }

    #[test]
    fn case_of_is_the_unicode_case() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(case_of(c), (c.is_lowercase(), c.is_uppercase()), "{c:?}");
        }
        assert!(run_together("Награды победителямМинистерство"));
        assert!(opens_glued_word("Награды победителямМинистерство"));
        assert!(!opens_glued_word("профессор Анатолий Васильевич БабиЧ, начальник"));
        assert!(opens_glued_word("Previous MinistersPDF printable version"));
        assert!(!run_together("Министерство внутренних дел"));
    }

    #[test]
    fn bracketed_credit_is_the_pattern() {
        let credit = Regex::new(r"[(（][^()（）/]{2,40}/[^()（）/]{2,40}[)）]\.?$").expect("credit pattern");
        let long = "x".repeat(19);
        let pieces = ["(", "（", ")", "）", "/", ".", "a", "ab", "Jane Doe", &long, "é", "名", " ", ".."];
        let mut next = crate::testgen::numbers(31);
        let mut hits = 0;
        for _ in 0..50_000 {
            // Pieces in any order, and credits of names and agencies of
            // every length around the bounds, with pieces about them.
            fn pick(next: &mut impl FnMut() -> usize, from: &[&str], n: usize) -> String {
                (0..n).map(|_| from[next() % from.len()]).collect()
            }
            let line = if next().is_multiple_of(2) {
                let n = 1 + next() % 9;
                pick(&mut next, &pieces, n)
            } else {
                let segments = ["ab", "Jane Doe", long.as_str(), "a", "é名", "/", ")"];
                let (n, a, p) = (1 + next() % 3, 1 + next() % 3, next() % 3);
                let (name, agency, before) =
                    (pick(&mut next, &segments, n), pick(&mut next, &segments, a), pick(&mut next, &pieces, p));
                let (open, close) = (["(", "（", ""][next() % 3], [")", "）", ""][next() % 3]);
                let end = ["", ".", "..", " x"][next() % 4];
                format!("{before}{open}{name}/{agency}{close}{end}")
            };
            let want = credit.is_match(&line);
            hits += usize::from(want);
            assert_eq!(bracketed_credit(&line), want, "{line:?}");
        }
        assert!(hits > 500, "{hits}");
        assert!(bracketed_credit("A flooded street (Jane Doe/Agency)."));
    }

    #[test]
    fn legal_articles_found_as_without_the_first_character_check() {
        let mut pieces: Vec<String> =
            lexicon().legal.iter().flat_map(|w| [w.to_string(), w.to_uppercase(), format!(" {w}")]).collect();
        for p in ["3", "12.", "三", "条", "조", "(", " ", "Σ", "İ", "x", "the ", "º"] {
            pieces.push(p.to_string());
        }
        let mut next = crate::testgen::numbers(37);
        let mut hits = 0;
        for _ in 0..20_000 {
            let n = 1 + next() % 5;
            let line: String = (0..n).map(|_| pieces[next() % pieces.len()].as_str()).collect();
            let head = line.trim_start();
            let head = &head[..head.char_indices().nth(64).map_or(head.len(), |(i, _)| i)];
            let want = legal_article_lower(&head.to_lowercase());
            hits += usize::from(want);
            assert_eq!(legal_article(&line), want, "{line:?}");
        }
        assert!(hits > 200, "{hits}");
    }

    #[test]
    fn lowercase_is_to_lowercase() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("A{c}b");
            assert_eq!(lowercase(&s), s.to_lowercase(), "{c:?}");
        }
        assert_eq!(lowercase("ΟΔΟΣ Σ"), "ΟΔΟΣ Σ".to_lowercase());
        // Spans of every kind one after another: caseless, small, capital,
        // ASCII with and without capitals, apostrophes.
        let pieces =
            ["新闻", "Жк", "жк", "ÉCOLE", "école", "abc ", "ABC", "’", "ß", "İ", "한국", "مرحبا", " 2024 ", "Ǆ"];
        let mut next = crate::testgen::numbers(31);
        for _ in 0..20_000 {
            let n = next() % 9;
            let line: String = (0..n).map(|_| pieces[next() % pieces.len()]).collect();
            assert_eq!(lowercase(&line), line.to_lowercase(), "{line:?}");
            assert_eq!(lower_of(&line), line.to_lowercase().replace('’', "'"), "{line:?}");
            let c: Vec<char> = line.chars().collect();
            let by_chars = c.windows(2).any(|w| w[0].is_lowercase() && w[1].is_uppercase());
            assert_eq!(run_together(&line), by_chars, "{line:?}");
        }
    }

    #[test]
    fn split_tokens_are_the_runs_of_word_characters() {
        let split = |lower: &str| -> Vec<String> {
            lower
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                .map(|t| t.trim_matches(['\'', '-']).to_string())
                .filter(|t| !t.is_empty())
                .collect()
        };
        for line in [
            "",
            "-- ' -",
            "by jane doe | 12 march 2024, 10:05",
            "l'économie -- du 'pays'-",
            "서울시, 2025년 12월 23일 발표했다.",
            "新华社北京3月5日电（记者 张三）",
            "вчера в 10:00 по москве—сообщили",
            "أعلنت الوزارة، يوم ٢٤ أكتوبر",
            "x",
            "'é-",
            "-'ж'- '-' 中-'",
            "’x’ -a- 'b",
            "é'",
            "'",
        ] {
            assert_eq!(split_tokens(line), split(line), "{line:?}");
        }
        // Every ASCII character, alone and between others.
        for b in 0u8..128 {
            for line in [format!("{}", b as char), format!("ab{}c-d", b as char), format!("'{}' x", b as char)] {
                assert_eq!(split_tokens(&line), split(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn han_reads_the_characters_of_lines_that_may_hold_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}");
            assert_eq!(han(&s), is_cjk(c), "{c:?}");
        }
    }

    /// `lexicon_chrome` as it was before the search stopped at tokens that
    /// open no phrase: every run of tokens looked up.
    fn lexicon_chrome_everywhere(s: &str, toks: &[&str]) -> bool {
        let lex = lexicon();
        let trimmed = s.trim_start_matches(|c: char| !c.is_alphanumeric());
        if s.chars().any(is_cjk) {
            let chars = s.chars().count();
            let start = s.len() - trimmed.len();
            if lex.chrome_han_ac.find_overlapping_iter(s).any(|m| m.start() == start || chars <= 12) {
                return true;
            }
        }
        let words: Vec<&str> = toks.iter().copied().filter(|t| !t.chars().all(|c| c.is_ascii_digit())).collect();
        let longest = lex.chrome.iter().map(|p| p.split(' ').count()).max().unwrap_or(1);
        if words.is_empty() {
            return false;
        }
        if words.len() > 12 {
            return (2..=longest.min(words.len()))
                .any(|n| lex.chrome.contains(words[..n].join(" ").as_str()) && !titles_with(lex, &words, 0, n - 1));
        }
        let mut phrase = String::new();
        for i in 0..words.len() {
            phrase.clear();
            for (n, w) in words[i..].iter().take(longest).enumerate() {
                if n > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(w);
                if lex.chrome.contains(phrase.as_str())
                    && (n > 0 || (i == 0 && words.len() <= 4) || words.len() <= 2)
                    && !titles_with(lex, &words, i, n)
                {
                    return true;
                }
            }
        }
        // A row of buttons or sections, every word looked up alone.
        let alone = words.iter().filter(|w| lex.chrome.contains(**w) || lex.desk.contains(**w)).count();
        words.len() >= 4 && alone * 5 >= words.len() * 4
    }

    #[test]
    fn chrome_phrases_found_as_by_every_lookup() {
        // Lines of the lexicon's own tokens (so that phrases and their
        // openings occur), numbers and other words, short and long.
        let lex = lexicon();
        let mut pieces: Vec<&str> = lex.chrome.iter().flat_map(|p| p.split(' ')).collect();
        pieces.sort_unstable();
        pieces.dedup();
        pieces.extend(["2024", "the", "council", "approved", "a", "|", "·", "新闻", "分享"]);
        let mut next = crate::testgen::numbers(23);
        let mut chrome = 0;
        for _ in 0..20_000 {
            let n = 1 + next() % 20;
            let line = (0..n).map(|_| pieces[next() % pieces.len()]).collect::<Vec<_>>().join(" ");
            let lower = lower_of(&line);
            let toks = split_tokens(&lower);
            let want = lexicon_chrome_everywhere(&line, &toks);
            chrome += usize::from(want);
            assert_eq!(lexicon_chrome(&line, &toks, han(&line)), want, "{line:?}");
        }
        assert!(chrome > 1_000 && chrome < 19_000, "{chrome}");
    }

    /// Strings around every character: alone, between ASCII letters and
    /// blanks, beside typographic quotes and letters of other scripts.
    fn around_every_character(mut check: impl FnMut(&str)) {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("a{c}B c"), format!("’{c} {c}x"), format!("é{c}Ж 中{c}")] {
                check(&s);
            }
        }
    }

    #[test]
    fn one_pass_line_facts_agree_with_the_general_ones() {
        around_every_character(|s| {
            let cjk = s.chars().filter(|&c| is_cjk(c)).count();
            assert_eq!(han_count(s), cjk, "{s:?}");
            assert_eq!(han(s), cjk > 0, "{s:?}");
            let words = s.split_whitespace().filter(|w| w.chars().any(|c| letter(c) && !is_cjk(c))).count();
            assert_eq!(words_with_letter(s), words, "{s:?}");
            assert_eq!(may_hold_separator(s), s.contains(['-', '|', '–', '—', ':', '·', '/', '>', '»']), "{s:?}");
            assert_eq!(lower_of(s), lowercase(s).replace('’', "'"), "{s:?}");
            let c: Vec<char> = s.chars().collect();
            assert_eq!(run_together(s), c.windows(2).any(|w| w[0].is_lowercase() && w[1].is_uppercase()), "{s:?}");
        });
        assert_eq!(lower_of("ΟΔΟΣ’Σ"), lowercase("ΟΔΟΣ’Σ").replace('’', "'"));
        // ASCII lines of every length, a pair on either side of a chunk's border.
        for len in 0..200 {
            for at in 0..len {
                let mut line = vec![b'x'; len];
                line[at] = b'Y';
                let line = String::from_utf8(line).expect("ASCII");
                let by_pairs =
                    line.as_bytes().windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
                assert_eq!(run_together(&line), by_pairs, "{line:?}");
            }
        }
    }

    #[test]
    fn heading_markers_found_by_their_first_byte() {
        let mut all: Vec<&str> =
            catalog().entries().iter().filter(|e| e.key == "news.marker").map(|e| e.text).collect();
        all.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let mut lines: Vec<String> = vec![String::new(), "x".into(), "Title".into(), "中文".into()];
        for m in &all {
            lines.extend([m.to_string(), format!("{m} Heading"), format!("x{m}"), m.to_uppercase()]);
            lines.extend(m.char_indices().map(|(i, _)| m[..i].to_string()));
        }
        let mut found = 0;
        for s in &lines {
            let want = all.iter().copied().find(|m| s.starts_with(*m));
            assert_eq!(heading_marker(s), want, "{s:?}");
            found += usize::from(want.is_some());
        }
        assert!(found >= all.len(), "{found}");
    }

    #[test]
    fn crumbs_counted_where_their_character_occurs() {
        let before = |s: &str| {
            let seps = [(">", '>'), ("›", '›'), ("»", '»'), ("|", '|'), (" / ", '/'), (">>", '>')];
            let opening = |c: char| match c {
                '»' => s.matches('«').count(),
                '›' => s.matches('‹').count(),
                _ => 0,
            };
            seps.iter().map(|&(sep, c)| s.matches(sep).count().saturating_sub(opening(c))).max().unwrap_or(0)
        };
        let pieces = [
            "Home", " > ", ">>", " › ", "»", " | ", " / ", "/", "’", "x", "—", "新闻", " ", " - ", "-", " :: ", ":",
            " · ", " – ", " » ", "«", "‹", "›",
        ];
        let mut next = crate::testgen::numbers(5);
        for _ in 0..20_000 {
            let n = next() % 9;
            let line: String = (0..n).map(|_| pieces[next() % pieces.len()]).collect();
            assert_eq!(crumbs(&line), before(&line), "{line:?}");
            for sep in SITE_SEPARATORS {
                assert_eq!(holds_separator(&line, sep), line.contains(sep), "{line:?} {sep:?}");
            }
        }
    }

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
        assert!(alt_text_glued_on("автобусЖители микрорайона не раз обращались в администрацию"));
        assert!(!alt_text_glued_on("Award winnersMinistry of Interior"));
        assert!(!alt_text_glued_on("photoThe museum opens. Read moreNext story"));
        assert!(run_together("Award winnersMinistry of Interior"));
        assert!(!run_together("Ministry of Interior and Safety"));
    }

    fn news(text: &str) -> Result<News, String> {
        parse_news(text, &crate::lines::lines(text))
    }

    /// Not news, or news with no publication date.
    trait ErrOrUndated {
        fn is_err_or_undated(&self) -> bool;
    }

    impl ErrOrUndated for Result<News, String> {
        fn is_err_or_undated(&self) -> bool {
            self.as_ref().map_or(true, |n| n.published.is_none())
        }
    }

    fn parts(text: &str) -> (String, Option<String>, Vec<String>, Vec<String>) {
        let n = news(text).unwrap_or_else(|e| panic!("not news: {e}\n{text}"));
        let s = |l: &LineRef| text[l.span.range()].to_string();
        (
            s(&n.title),
            n.published.map(|d| d.found.month_first.to_string()),
            n.paragraphs.iter().map(s).collect(),
            n.boilerplate.iter().map(s).collect(),
        )
    }

    const PROSE_LINE: &str = "The museum opened three new rooms this spring";

    const PROSE: &str = "The city council approved the new transparency programme after a long public debate in the spring.\n\
        Officials said the programme would publish every contract online within a week of its signature.";

    #[test]
    fn the_date_line_under_a_standfirst_and_a_link_bar() {
        let text = format!(
            "Hospital Funding Boost Starts to Pay Dividends\n\
             The Government's boost to hospital funding in 2008 is starting to pay dividends according to a new report.\n\
             View by date:\nPrevious Ministers\n29 April 2011\n{PROSE}\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Hospital Funding Boost Starts to Pay Dividends");
        assert_eq!(published.as_deref(), Some("2011-04-29"));
        assert!(!paragraphs.iter().any(|p| p.contains("29 April 2011")));
        // A date above the headline outweighs it.
        let text = format!(
            "12 March 2011\nHospital Funding Boost Starts to Pay Dividends\n\
             The Government's boost to hospital funding in 2008 is starting to pay dividends according to a new report.\n\
             View by date:\n29 April 2011\n{PROSE}\n"
        );
        assert_eq!(parts(&text).1.as_deref(), Some("2011-03-12"));
    }

    #[test]
    fn a_headline_closed_by_a_full_stop_over_the_date() {
        let text = "The harbour board in its spring session.\n\n4 March 2019\n\n\
                    On Monday the harbour board met in its spring session to examine the budget for the year and the new quay.\n\
                    Other subjects were many, among them the ferry timetable and the cost of dredging the channel.\n\n\
                    Spring session of the harbour board\nMonday 4 March 2019 - 10 h\n\nContents\n1 – Budget\n2 – Quay\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "The harbour board in its spring session.");
        assert_eq!(published.as_deref(), Some("2019-03-04"));
        assert!(paragraphs[0].starts_with("On Monday the harbour board"));
    }

    #[test]
    fn a_ticker_of_newer_stories_over_the_article() {
        let text = format!(
            "14.02.2024 08:10\nThe river ferry will stop running for a week The ferry across the river stops on Monday for repairs to its engine\n\
             13.02.2024 17:45\nVolunteers plant a thousand trees along the old canal Volunteers from three schools planted trees on the banks\n\
             12.02.2024 09:30\nThe market square reopens after its long renovation The square was closed for most of the year\n\
             03.09.2023 11:00\n\nCity council opens its new transparency portal\n\nCity Desk\n\n{PROSE}\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "City council opens its new transparency portal");
        assert_eq!(published.as_deref(), Some("2023-09-03"));
        assert!(paragraphs[0].starts_with("The city council approved"));
        // Dates in their order over the last one are a listing's items.
        let list = format!(
            "12.02.2024 09:30\nThe market square reopens after its long renovation The square was closed for most of the year\n\
             13.02.2024 17:45\nVolunteers plant a thousand trees along the old canal Volunteers from three schools planted trees on the banks\n\
             14.02.2024 08:10\n\nCity council opens its new transparency portal\n\nCity Desk\n\n{PROSE}\n"
        );
        assert!(news(&list).is_err_or_undated());
    }

    #[test]
    fn a_notice_with_the_draft_it_puts_to_comment_attached() {
        let text = "市政府关于公园管理办法草案征集公众意见的通知\n\n发布日期:2022-05-10 09:30\n\n\
                    《公园管理办法(草案)》已经市政府常务会议初步讨论。为了使办法更加符合实际,听取市民意见,现将草案全文公布,欢迎各界人士于六月十日前通过信函或电子邮件提出修改意见和建议。\n\n\
                    通信地址:市政府法制办公室\n\n市政府办公室\n\n2022年5月10日\n\n公园管理办法\n\n\
                    第一章 总则\n\n第二章 管理职责\n\n第三章 游园规范\n\n第四章 设施维护\n\n第五章 附则\n\n\
                    第一条 为了加强公园管理,保护公园环境,制定本办法。\n\n第二条 本办法适用于本市行政区域内公园的管理。\n";
        // Chapters numbered in a wording no form uses make no form.
        let lines = crate::lines::lines(text);
        assert!(crate::form::parse_form(text, &lines).is_err());
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "市政府关于公园管理办法草案征集公众意见的通知");
        assert_eq!(published.as_deref(), Some("2022-05-10"));
        assert!(paragraphs[0].starts_with("《公园管理办法(草案)》"));
        // Without the notice's closing date the articles make a legal text.
        let bare = text.replace("2022年5月10日\n\n", "");
        assert!(news(&bare).unwrap_err().contains("legal text"));
    }

    #[test]
    fn a_credit_after_a_slash_closes_a_caption() {
        assert!(slash_credit("The mayor greets the crew after the launch of the ship. Ann Lee / AGENCY"));
        assert!(slash_credit("A view of the crowd from the old town hall in Riverside/WIRE on Site"));
        for s in [
            "Home / News / World",
            "Tickets for the concert of AC/DC",
            "The report covers the years 2019/2020",
            "Inicio / ONU",
            "She said the plan works / WIRE.",
        ] {
            assert!(!slash_credit(s), "{s}");
        }
        // Its photo's caption over a headline printed twice is neither the
        // headline nor the body's first paragraph.
        let text = format!(
            "Close\nThe mayor greets the crew after the launch of the new ferry. Ann Lee / AGENCY\n\
             Council rescues the harbour plans that lapsed with the last election in spring\n\n\
             Council rescues the harbour plans that lapsed with the last election in spring\n\n\
             The mayor and the opposition will meet again on Wednesday for the first session after the failed talks\n\n\
             Jane Roe\n\nRiverside\n\nTuesday, 10 September 2019, 21:00\n\n{PROSE}\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Council rescues the harbour plans that lapsed with the last election in spring");
        assert_eq!(published.as_deref(), Some("2019-09-10"));
        assert!(!paragraphs.iter().any(|p| p.contains("AGENCY")));
    }

    #[test]
    fn a_label_printed_over_and_over_is_chrome() {
        assert!(repeated_phrase("Send to a friendSend to a friendSend to a friendSend to a friend"));
        assert!(repeated_phrase("Print page Print page Print page"));
        assert!(!repeated_phrase("Send to a friendSend to a friend"));
        assert!(!repeated_phrase("The council met, and the council voted, and the council rose."));
        // Under the date, over the caption: no headline.
        let text = format!(
            "CULTURE\n\n'We survived a very hard season'\n\nAnn Lee R.\n\nRiverside (11 December 2020) .-21:42 hrs\n\n\
             Send to a friendSend to a friendSend to a friendSend to a friend\n\n{PROSE}\n"
        );
        let (title, published, _, boilerplate) = parts(&text);
        assert_eq!(title, "'We survived a very hard season'");
        assert_eq!(published.as_deref(), Some("2020-12-11"));
        assert!(boilerplate.iter().any(|b| b.starts_with("Send to a friend")));
    }

    #[test]
    fn a_chinese_credit_of_reporter_and_correspondent_is_a_byline() {
        let text = "综合新闻\n\n某县图书馆开展读书月系列活动\n\n来源:城市公共卫生健康周刊杂志 【我要在线投稿】\n\n栏目:综合新闻 时间:2021-04-23\n\n\
                    城市日报·融媒体中心记者 王明明 通讯员 李华华 某县报道\n\n\
                    为营造全民阅读的良好氛围,某县图书馆在读书月期间开展了形式多样的阅读推广活动,吸引了大批读者参加。\n\n\
                    活动期间,图书馆还组织志愿者走进社区和学校,为居民和学生送去新书,并举办了读书分享会。\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "某县图书馆开展读书月系列活动");
        assert_eq!(published.as_deref(), Some("2021-04-23"));
        assert!(paragraphs[0].starts_with("为营造全民阅读"));
    }

    #[test]
    fn a_notice_dated_under_the_names_that_sign_it() {
        let text = "城市论坛\n论坛 › 公告 › 道路封闭施工通告\n\n道路封闭施工通告\n\
                    因公园的改造项目需要,为了确保期间车辆和行人的安全以及工程的进度,我们决定对下列的路段实行全封闭施工。现将有关的事宜通告如下:\n\
                    在封闭施工的期间,请过往的车辆和行人按照施工区的相关交通标志通行,并服从现场的民警和管理人员的指挥,对于给您带来的不便,敬请多多谅解与支持。\n\
                    西城街道办事处\n市公安局交通警察局直属二大队\n2021年4月2日\n查看完整版本\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "道路封闭施工通告");
        assert_eq!(published.as_deref(), Some("2021-04-02"));
        assert!(paragraphs[0].starts_with("因公园的改造项目需要"));
    }

    #[test]
    fn a_row_of_the_sites_sections_is_no_headline() {
        let text = format!(
            "Daum 뉴스\n홈 사회 정치 경제 국제 문화 IT 포토 랭킹\n\n강남구 “민원상담, 사전 예약하고 빠르게 처리하세요”\n\
             이성희 기자 2023. 12. 18. 21:06\n{PROSE}\n"
        );
        let (title, published, _, boilerplate) = parts(&text);
        assert_eq!(title, "강남구 “민원상담, 사전 예약하고 빠르게 처리하세요”");
        assert_eq!(published.as_deref(), Some("2023-12-18"));
        assert!(boilerplate.iter().any(|b| b.starts_with("홈 사회")));
    }

    #[test]
    fn a_copyright_line_alone_closes_the_article_before_the_next_teaser() {
        let text = format!(
            "Health survey begins in the county\nBy Kim, published 2023-05-15 11:30\n{PROSE}\n\
             [Copyright News Step. All rights reserved]\nComments >\nLatest news\n\
             Dance concert at the arts centre\n\
             The arts centre offers a special afternoon to its audience every third Wednesday of the month with a \
             concert, and this month the dance company led by a young choreographer brings scenes from famous films \
             to the stage with music played live by the orchestra of the city and a choir.\n"
        );
        let (_, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(boilerplate.iter().any(|b| b.starts_with("The arts centre")));
    }

    #[test]
    fn the_last_line_of_a_page_cut_off_mid_sentence_is_no_headline() {
        let text = String::from(
            "Friday, 26 April 2024\n\nHome\n\nActivities\n\nWeekly meeting\n30.05.2011 15:21\n\
             On 30 May the district administration held its weekly meeting, chaired by the head of the administration, \
             with the heads of the rural settlements.\n\
             The meeting also reviewed the spring field works and the measures taken to prevent fires in the district \
             in the coming weeks.\n\
             In closing, the head of the district stressed the important role of the rural settlements in the work of",
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Weekly meeting");
        assert_eq!(published.as_deref(), Some("2011-05-30"));
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
    }

    #[test]
    fn bulleted_headlines_over_the_article_are_a_ticker() {
        let text = format!(
            "• From Abidjan, the coach says football unites the nation and its youth\n\
             • Cup final between the two clubs of the east on Sunday evening\n\
             • Two ministers praise the kingdom efforts in Istanbul\n\
             • Amid interest from two clubs, the defender extends his contract\n\
             • The sheikh says he stands with his country until the end (video)\n\
             Breaking\nSaturday 21 August 2021 at 21:32\n\
             Will the school year start later? The ministry breaks its silence\n\
             Will the school year start later? The ministry breaks its silence\n{PROSE}\n"
        );
        let (title, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "Will the school year start later? The ministry breaks its silence");
        assert!(paragraphs[0].starts_with("The city council"), "{paragraphs:?}");
        assert!(boilerplate.iter().any(|b| b.starts_with("• From Abidjan")));
    }

    #[test]
    fn a_headline_printed_twice_on_one_line_is_a_copy_of_it() {
        let text = format!(
            "Dollar: - Euro:- Real:- Peso: -\n\nTHE COURIER . Santiago\n\n\
             The health minister arrived in the province today\n\n27/07/2020 10:52 Santiago\nListen:\n\n\
             The health minister arrived in the province today The health minister arrived in the province today\n\
             {PROSE}\n"
        );
        let (title, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "The health minister arrived in the province today");
        assert!(paragraphs[0].starts_with("The city council"), "{paragraphs:?}");
        assert!(boilerplate.iter().any(|b| b.starts_with("Dollar:")));
    }

    #[test]
    fn an_empty_field_label_between_the_headline_and_its_date_is_passed_over() {
        let text = format!(
            "21.BY\nГлавная | Политика | Экономика | Общество\n\n\
             В районе открыли новую больницу в здании старой школы\n\nИсточник материала:\n\
             13.10.2014 12:42 — Новости Общества\n{PROSE}\n\
             ←Подозреваемые в краже дали признательные показания следователям\n"
        );
        let (title, published, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "В районе открыли новую больницу в здании старой школы");
        assert_eq!(published.as_deref(), Some("2014-10-13"));
        // The link to the previous story is the page's pager.
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(boilerplate.iter().any(|b| b.starts_with('←')));
    }

    #[test]
    fn a_publication_label_run_onto_the_headline_is_the_pages() {
        assert_eq!(trailing_date_label("Escalquens : visite officielle dans le collège Publié le"), Some(48));
        assert_eq!(trailing_date_label("Publié le"), None);
        assert_eq!(trailing_date_label("Le collège a publié"), None);
        let text = format!(
            "Haute-Garonne - Le Département\nLe Département | Actualités | Agenda\n\n\
             Escalquens : première visite officielle dans le nouveau collège Publié le\n\
             Date de publication\n22 janvier 2021\n\n{PROSE}\n"
        );
        let (title, published, _, boilerplate) = parts(&text);
        assert_eq!(title, "Escalquens : première visite officielle dans le nouveau collège");
        assert_eq!(published.as_deref(), Some("2021-01-22"));
        assert!(boilerplate.iter().any(|b| b == "Publié le"), "{boilerplate:?}");
    }

    #[test]
    fn a_long_kicker_in_capitals_gives_way_to_the_headline_under_it() {
        let text = format!(
            "Publié le 23 Oct 2023 - 23:55\nCENTRE DE SANTÉ DE SANKAL, À LOUGA\n\n\
             Le PM inaugure un bijou de 13 postes de santé\n\n{PROSE}\n"
        );
        let (title, published, _, boilerplate) = parts(&text);
        assert_eq!(title, "Le PM inaugure un bijou de 13 postes de santé");
        assert_eq!(published.as_deref(), Some("2023-10-23"));
        assert!(boilerplate.iter().any(|b| b.starts_with("CENTRE DE SANTÉ")), "{boilerplate:?}");
        // A headline in capitals keeps its standfirst under it.
        let text = format!(
            "Publié le 23 Oct 2023 - 23:55\nLE CONSEIL VOTE LE BUDGET DE LA VILLE\n\n\
             Le conseil municipal a adopté mardi soir le budget de la ville pour l'année prochaine.\n\n{PROSE}\n"
        );
        let (title, _, _, _) = parts(&text);
        assert_eq!(title, "LE CONSEIL VOTE LE BUDGET DE LA VILLE");
    }

    #[test]
    fn a_date_in_a_labels_brackets_is_a_field_of_the_meta_bar() {
        let text = format!(
            "창닫기\n\n연변대학부속병원 첫 분원 룡정시에 건설된다\n\n\
             편집/기자: [ 김가혜 ] 원고래원: [ 길림신문 ] 발표시간: [ 2020-03-23 13:44:27 ] 클릭: [ ]\n\n{PROSE}\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "연변대학부속병원 첫 분원 룡정시에 건설된다");
        assert_eq!(published.as_deref(), Some("2020-03-23"));
    }

    #[test]
    fn a_caption_naming_who_stands_where_is_no_paragraph() {
        for caption in [
            "Remise des prix. De gauche à droite : la maire, le proviseur et les lauréats",
            "The new wing, opened on Monday. From left to right: the mayor and the head nurse",
            "Открытие выставки. Слева направо: директор музея и автор проекта",
        ] {
            let text = format!(
                "Le musée rouvre ses portes
Publié le 12/03/2024

{caption}

{PROSE}
"
            );
            let (_, _, paragraphs, _) = parts(&text);
            assert!(!paragraphs.iter().any(|p| p == caption), "{caption}: {paragraphs:?}");
        }
        assert!(caption_phrase("Inauguration. De gauche à droite : Anne, Paul"));
        assert!(!caption_phrase("The council turned left at the crossroads of two budgets."));
    }

    #[test]
    fn a_reporters_byline_run_onto_the_headline_is_the_pages() {
        for (line, byline) in [
            ("군립도서관 새 단장 마치고 다시 문 열어 김민수 기자 kms@example.kr", "김민수"),
            ("市图书馆新馆今日开馆 迎来首批读者 本周 记者 林家庆", "记者"),
        ] {
            assert_eq!(trailing_reporter(line), line.find(byline), "{line}");
        }
        // A reporter word inside the headline, or a name alone, is the
        // headline's.
        assert_eq!(trailing_reporter("기자 간담회 열려"), None);
        assert_eq!(trailing_reporter("도서관 다시 문 열어 김민수"), None);
        let text = format!(
            "군립도서관 새 단장 마치고 다시 문 열어 김민수 기자 kms@example.kr |
2024년 03월 11일(월) 09:12 |
{PROSE}
"
        );
        let (title, published, _, boilerplate) = parts(&text);
        assert_eq!(title, "군립도서관 새 단장 마치고 다시 문 열어");
        assert_eq!(published.as_deref(), Some("2024-03-11"));
        assert!(boilerplate.iter().any(|b| b.starts_with("김민수 기자")), "{boilerplate:?}");
    }

    #[test]
    fn a_tables_cell_bar_after_the_title_is_the_tables() {
        let text = format!(
            "학교소식 | 학부모마당\n\n2026년 학부모 학교급식 정책모니터단 신청 |\n| 작성자 | *** | 등록일 | 2026.03.18 |\n{PROSE}\n"
        );
        let (title, _, _, boilerplate) = parts(&text);
        assert_eq!(title, "2026년 학부모 학교급식 정책모니터단 신청");
        assert!(boilerplate.iter().any(|b| b.trim() == "|"), "{boilerplate:?}");
    }

    #[test]
    fn a_title_bar_under_the_standfirst_repeats_the_headline() {
        let text = format!(
            "Ayuntamiento de Pinto\nInicio  Ayuntamiento  Actualidad  Agenda\n\nActualidad\n\n\
             Cultura Vecinal Cultura Abierta: propuestas de diciembre\n\n\
             Prosiguen las actividades lúdicas y culturales de este programa municipal\n\n05/12/2023\n\
             Noticias:: Cultura Vecinal Cultura Abierta: propuestas de diciembre\n\n{PROSE}\n"
        );
        assert_eq!(parts(&text).0, "Cultura Vecinal Cultura Abierta: propuestas de diciembre");
    }

    #[test]
    fn a_clause_leading_into_the_body_is_its_first_paragraph() {
        let text = format!(
            "Update on University Hospital safety precautions\n\nOctober 28th, 2010\n\nStory Contact: ,\n\n\
             As of 8:15 a.m., the following remains in effect:\n\n{PROSE}\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Update on University Hospital safety precautions");
        assert_eq!(published.as_deref(), Some("2010-10-28"));
        assert_eq!(paragraphs[0], "As of 8:15 a.m., the following remains in effect:");
    }

    #[test]
    fn a_widgets_label_leading_into_its_links_is_chrome() {
        let text = format!(
            "Le pôle femme-enfant au cœur des vœux de l'hôpital\nPublié le 10/01/2012\n{PROSE}\n\
             Sur le même sujet, vous pouvez également consulter nos articles:\n"
        );
        let (_, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(boilerplate.iter().any(|b| b.starts_with("Sur le même sujet")));
    }

    #[test]
    fn a_date_set_as_a_tile_of_four_lines() {
        let text = format!(
            "Entrega el alcalde la remodelación de la plaza principal\n- 30\n-\nEnero\n2026\n\
             Compartir: Facebook | X | WhatsApp\n{PROSE}\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "Entrega el alcalde la remodelación de la plaza principal");
        assert_eq!(published.as_deref(), Some("2026-01-30"));
    }

    #[test]
    fn a_labelled_date_and_its_source_after_a_dash_is_no_dateline() {
        let text = format!(
            "Service Public 2016 : une nouvelle ambition autour de trois projets\n\
             Publié le 18 septembre 2015 - Direction de l'information légale et administrative (Premier ministre)\n{PROSE}\n"
        );
        let (_, published, paragraphs, _) = parts(&text);
        assert_eq!(published.as_deref(), Some("2015-09-18"));
        assert!(paragraphs[0].starts_with("The city council"), "{paragraphs:?}");
    }

    #[test]
    fn a_date_beside_the_government_sites_banner_is_the_date_bar() {
        let text = format!(
            "06 February 2026\nAn official website of the Kingdom government\nServices\n\
             Reporting Corruption Online\n{PROSE}\n"
        );
        assert!(news(&text).is_err_or_undated());
    }

    #[test]
    fn a_labelled_date_closing_a_bar_of_fields() {
        let text = "网站首页\n新闻中心\n顺应民意,公交1路线暂不调整\n\
                    浏览次数:3037作者: 许宸   信息来源: 市公交总公司发布时间:2019-03-22\n\
                    为进一步优化公交线网,提升市民出行效率,2019年3月15日,市公交总公司公布了1路线调整方案,广泛征求市民意见,市民反响热烈。\n\
                    今后,阜阳公交将一如既往地按照全心全意为市民服务的宗旨,就公交发展中的问题广泛听取市民意见和建议。\n友情链接\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "顺应民意,公交1路线暂不调整");
        assert_eq!(published.as_deref(), Some("2019-03-22"));
        assert!(!paragraphs.iter().any(|p| p.contains("发布时间")));
    }

    #[test]
    fn a_line_under_the_body_heads_no_article() {
        // A newsletter's offer under the article outweighed the headline
        // before: it is longer, and nothing held it to its place.
        let text = format!(
            "Vértice TV\nInicio\nNoticias\nPor Marcelo Vera , 5 de abril de 2022 | 20:45\n\
             Inician gestiones para dotar a Los Muermos de un Hospital\n{PROSE}\n{PROSE}\n\
             Si te interesa recibir noticias publicadas en Vértice TV, inscribe tu correo aquí abajo\nCOMENTA AQUÍ\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "Inician gestiones para dotar a Los Muermos de un Hospital");
        assert_eq!(published.as_deref(), Some("2022-04-05"));
    }

    #[test]
    fn a_top_stories_list_after_the_article_is_the_pages() {
        let teaser = "News The region has missed out on drought relief funding this year";
        let text = format!(
            "144 New Teachers for Local Schools\nStaff writers\n30th Jan 2020 10:00 AM\n{PROSE}\n{PROSE}\n{PROSE}\n\
             Top Stories\nGladstone misses out on relief\n{teaser}\nWorry over donation tins\n{teaser}\n\
             Plane washes up on beach\n{teaser}\nCouncil meets on Friday\n{teaser}\n"
        );
        let (_, _, paragraphs, boilerplate) = parts(&text);
        assert!(!paragraphs.iter().any(|p| p.contains("drought")), "{paragraphs:?}");
        assert!(boilerplate.contains(&"Top Stories".to_string()));
    }

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
        let (title, date, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "City Wins Award");
        assert_eq!(date.as_deref(), Some("2018-06-23"));
        assert_eq!(boilerplate, ["Home > News > Awards", "Menu", "Share this"]);
        assert_eq!(paragraphs.len(), 2);
    }

    #[test]
    fn the_headline_need_not_be_the_first_line() {
        // A skip link, a site name and a section name above; the headline
        // repeated under the date; a deck between headline and date.
        let text = format!(
            "Skip to main content\nRiverside Gazette\nPolitics\nCouncil Opens New Library Branch\n\
             March 3, 2021\nCouncil Opens New Library Branch\n{PROSE}\n"
        );
        let (title, date, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(date.as_deref(), Some("2021-03-03"));
        assert!(paragraphs[0].starts_with("The city council"), "{paragraphs:?}");
        assert_eq!(boilerplate[0], "Skip to main content");
        assert!(boilerplate.contains(&"Council Opens New Library Branch".to_string()));

        let text = format!(
            "Council Opens New Library Branch\nThe branch, the city's fifth, will lend books, tools and seeds to residents\n\
             March 3, 2021\n{PROSE}\n"
        );
        let (title, date, _, _) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(date.as_deref(), Some("2021-03-03"));

        // The date above the headline, after a section name.
        let text = format!("Новости\n5 марта 2021\nГородская библиотека открыла новый филиал\n{}\n", russian_prose());
        let (title, date, _, _) = parts(&text);
        assert_eq!(title, "Городская библиотека открыла новый филиал");
        assert_eq!(date.as_deref(), Some("2021-03-05"));
    }

    fn russian_prose() -> &'static str {
        "В городе открылся новый филиал библиотеки, и жители уже записываются на курсы и встречи с авторами.\n\
         По словам директора, в филиале будут работать читальный зал и детская комната для занятий."
    }

    #[test]
    fn a_site_name_around_the_headline_is_a_copy() {
        let text = format!(
            "Council Opens New Library Branch - Riverside Gazette\nCouncil Opens New Library Branch\nBy Ann Lee\n{PROSE}\n"
        );
        let (title, _, _, boilerplate) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(boilerplate, ["Council Opens New Library Branch - Riverside Gazette"]);
    }

    #[test]
    fn a_site_name_printed_around_the_chrome_is_no_headline() {
        // The site's name after its short name on the first line, as the
        // section's heading over the date, and again in the teasers' label
        // and the footer; the headline under the date.
        let text = format!(
            "RG - Riverside Gazette News\nHome | News | Sport | Contact\nRiverside Gazette News\n02/04/2021\n\
             Council Opens New Library Branch\n{PROSE}\nMore Riverside Gazette News\nBridge repairs start in May\n\
             © rg.example - Riverside Gazette News | About | Privacy\n"
        );
        let (title, _, _, _) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
    }

    #[test]
    fn labels_say_which_date_is_the_publication() {
        // An update line before the publication line; a current-date bar
        // above the headline.
        let text = format!(
            "Friday 9 April 2021\nCouncil Opens New Library Branch\nUpdated: 8 April 2021\nPublished: 2 April 2021\n{PROSE}\n"
        );
        let n = news(&text).unwrap();
        assert_eq!(n.published.unwrap().found.month_first.to_string(), "2021-04-02");
        assert_eq!(n.updated.unwrap().found.month_first.to_string(), "2021-04-08");
        // Korean labels glued to a section name, both dates on one line.
        let ko = "정치\n도서관 새 분관 개관\n사회입력 :2021/04/02 10:00    수정: 2021/04/08 09:00\n\
                  시는 새 분관을 열었으며 주민들은 책과 공구를 빌릴 수 있다.\n분관은 매일 문을 열고 어린이 방도 운영한다고 밝혔다.\n";
        let n = news(ko).unwrap();
        assert_eq!(n.published.unwrap().found.month_first.to_string(), "2021-04-02");
        assert_eq!(&ko[n.title.span.range()], "도서관 새 분관 개관");
        // A board's two-digit year after its label; the same date with no
        // label is no publication date.
        let board = "도서관 새 분관 개관\n작성자 김민수 작성일 21-04-02 10:00 |\n\
                     시는 새 분관을 열었으며 주민들은 책과 공구를 빌릴 수 있다.\n분관은 매일 문을 열고 어린이 방도 운영한다고 밝혔다.\n";
        let n = news(board).unwrap();
        assert_eq!(n.published.unwrap().found.month_first.to_string(), "2021-04-02");
        let unlabelled = board.replace("작성일 ", "");
        assert!(news(&unlabelled).ok().and_then(|n| n.published).is_none());
    }

    #[test]
    fn an_event_date_is_not_the_publication() {
        let text = format!("Library Week Announced\nApplications close: deadline 30 June 2021\n{PROSE}\n");
        assert!(news(&text).is_err(), "only an event date");
        let text = format!("Library Week Announced\nBy Ann Lee\nDeadline: 30 June 2021\n{PROSE}\n");
        assert!(news(&text).unwrap().published.is_none());
    }

    #[test]
    fn a_dateline_opens_the_first_paragraph() {
        let text = "Council Opens New Library Branch\n\
                    Riverside, 03.03.2021 - The city council approved the new branch after a long public debate in the spring.\n\
                    Officials said the branch would lend books, tools and seeds to every resident of the city.\n";
        let (_, date, paragraphs, _) = parts(text);
        assert_eq!(date.as_deref(), Some("2021-03-03"));
        assert!(paragraphs[0].starts_with("Riverside, 03.03.2021"));
        // The date in brackets, closed by a stop before the dash.
        let text = "Abre la nueva biblioteca del barrio

                    MONTERREY, NUEVO LEÓN (14/MAR/2019).- El ayuntamiento abrió la biblioteca tras dos años de obras en el barrio.

                    La biblioteca prestará libros, herramientas y semillas a todos los vecinos de la ciudad.
";
        let (_, date, paragraphs, _) = parts(text);
        assert_eq!(date.as_deref(), Some("2019-03-14"));
        assert!(paragraphs[0].starts_with("MONTERREY, NUEVO LEÓN"));
        // A full stop after the date, set off from the dash by a blank.
        let text = "Le conseil ouvre la nouvelle médiathèque du quartier

                    Lomé, le 3 mars 2021. - Le conseil a ouvert la médiathèque après deux années de travaux dans le quartier.

                    La médiathèque prêtera des livres, des outils et des semences à tous les habitants.
";
        let (_, date, paragraphs, _) = parts(text);
        assert_eq!(date.as_deref(), Some("2021-03-03"));
        assert!(paragraphs[0].starts_with("Lomé, le 3 mars 2021. - Le conseil"));
    }

    #[test]
    fn dated_stories_under_an_article_dated_by_its_label_are_a_sidebar() {
        let mut text = "Riverside library reopens its doors\n\nPublished: 3 March 2021\n\n\
                        The city library reopened on Wednesday after two years of works, with a new reading room for \
                        children, a workshop where residents can borrow tools and seeds, and longer opening hours on \
                        weekends, the council said in a statement welcoming the first visitors of the morning.\n\n\
                        More from this section\n\n"
            .to_string();
        for (n, day) in (20..25).enumerate() {
            text += &format!("Another story of the section, number {n}, told in a teaser\n09:{n}0 - 2026/02/{day}\n");
        }
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Riverside library reopens its doors");
        assert_eq!(published.as_deref(), Some("2021-03-03"));
        assert!(paragraphs[0].starts_with("The city library reopened"));
        // Without the label, the dated lines make the page a listing.
        let unlabelled = text.replace("Published: 3 March 2021", "");
        let doc = crate::parse(unlabelled);
        assert!(doc.classification.contains("a listing"), "{}", doc.classification);
    }

    #[test]
    fn a_section_with_its_print_version_link_heads_no_article() {
        let text = "Journal Sciences Version imprimable\n\n13.02.2024 18:37:00\n\n\
                    Awa Diallo : « La bibliométrie seule donne une vue bien étroite »\n\n\
                    La chercheuse dirige depuis trois ans le centre d'études des sciences de l'université de Dakar, \
                    où elle a fondé le premier classement ouvert des laboratoires de la région.\n\n\
                    Elle répond à nos questions sur l'évaluation de la recherche et sur les données ouvertes.\n";
        let (title, published, paragraphs, boilerplate) = parts(text);
        assert_eq!(title, "Awa Diallo : « La bibliométrie seule donne une vue bien étroite »");
        assert_eq!(published.as_deref(), Some("2024-02-13"));
        assert!(paragraphs[0].starts_with("La chercheuse dirige"));
        assert_eq!(boilerplate, ["Journal Sciences Version imprimable"]);
    }

    #[test]
    fn a_korean_byline_label_makes_its_line_the_byline() {
        let text = "한빛대학교\n\n학교소식\n\n신입생 대상 캠퍼스 투어 프로그램 성황리에 마쳐\n\n조회수 512\n\n작성자 홍보팀\n\n\
                    등록일 2021-03-03\n\n\
                    한빛대학교는 지난 주말 신입생 300여 명을 대상으로 캠퍼스 투어 프로그램을 열었다고 밝혔다.\n\n\
                    참가자들은 도서관과 기숙사, 실험실을 둘러보며 선배들과 이야기를 나누었다.\n";
        let doc = crate::parse(text.to_string());
        let crate::Body::News(news) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(doc.slice(news.title.span), "신입생 대상 캠퍼스 투어 프로그램 성황리에 마쳐");
        assert_eq!(news.byline.as_ref().map(|b| doc.slice(b.name)), Some("홍보팀"));
        let (_, published, paragraphs, _) = parts(text);
        assert_eq!(published.as_deref(), Some("2021-03-03"));
        assert!(paragraphs[0].starts_with("한빛대학교는 지난 주말"));
    }

    #[test]
    fn an_articles_details_set_out_as_a_bulleted_list_date_it() {
        let body = "The city library reopened on Wednesday after two years of works, with a new reading room for \
                    children and longer opening hours.\n\n\
                    Residents can now borrow tools and seeds as well as books, the council said on Wednesday.\n";
        let text = format!(
            "Riverside library reopens its doors\nRiverside library reopens its doors\n  • Ann Lee\n  \
             • Published 3 March 2021 10:15\n  • Comments 0\nShare this article\n\n\
             Mayor: \"the reading room was the residents' first wish\"\n\n{body}"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Riverside library reopens its doors");
        assert_eq!(published.as_deref(), Some("2021-03-03"));
        assert!(paragraphs.iter().any(|p| p.starts_with("The city library reopened")), "{paragraphs:?}");
        // The headline given again over its subtitle heads the details.
        let text = format!(
            "Riverside library reopens its doors\n  • Region\n  • Riverside\nRiverside library reopens its doors\n\
             Works over two years end with a reading room for children and longer hours on weekends\n  \
             • Published 3 March 2021 10:15\n  • Updated 4 March 2021 08:00\n  • Ann Lee\n\n{body}"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "Riverside library reopens its doors");
        assert_eq!(published.as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn a_headline_opening_with_a_chrome_phrase_stays_the_headline() {
        let text = "Press release on the Monetary Board's meeting of 3 March 2021\n\n3 March 2021\n\n\
                    At its meeting on 3 March 2021, the Board reviewed the latest economic developments and decided \
                    to lower the policy rate by 50 basis points.\n\n\
                    The Board is releasing a separate statement on its decision, with the quarterly report on \
                    inflation that it also discussed.\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "Press release on the Monetary Board's meeting of 3 March 2021");
        assert_eq!(published.as_deref(), Some("2021-03-03"));
        assert!(paragraphs[0].starts_with("At its meeting"));
        // The phrase alone, or before a name, is the page's.
        for chrome in ["Press release", "Press release: Central Bank of Ghana", "Communiqué de presse"] {
            let lower = chrome.to_lowercase();
            assert!(lexicon_chrome(&lower, &split_tokens(&lower), false), "{chrome}");
        }
    }

    #[test]
    fn a_sites_address_after_the_headline_is_the_pages() {
        let text = "Le conseil ouvre la nouvelle médiathèque du quartier - togo-infos.tg\n\n\
                    Lomé, le 3 mars 2021 - Le conseil a ouvert la médiathèque après deux années de travaux dans le quartier.\n\n\
                    La médiathèque prêtera des livres, des outils et des semences à tous les habitants.\n";
        let (title, _, _, boilerplate) = parts(text);
        assert_eq!(title, "Le conseil ouvre la nouvelle médiathèque du quartier");
        assert_eq!(boilerplate, ["- togo-infos.tg"]);
        for kept in ["Notes on version 2.0 - release 3.1", "Why we moved - a story", "Ghana - Accra.Gh"] {
            assert_eq!(trailing_domain(kept), None, "{kept}");
        }
        assert_eq!(trailing_domain("City opens a new library | www.city.gov.gh"), Some(25));
    }

    #[test]
    fn chrome_inside_and_after_the_article() {
        let text = format!(
            "Council Opens New Library Branch\n3 March 2021\n{PROSE}\nRelated articles\n\
             The branch will also host a weekly reading club for children and their parents.\n\
             Share this page\nAdd new comment\nLog in\n© 2021 Riverside Gazette\n"
        );
        let (_, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
        assert_eq!(
            boilerplate,
            ["Related articles", "Share this page", "Add new comment", "Log in", "© 2021 Riverside Gazette"]
        );
    }

    #[test]
    fn content_and_chrome_in_other_languages() {
        let lines = |s: &str| {
            let text = format!("{s}\n");
            let l = crate::lines::lines(&text)[0];
            line_info(&text, LineRef { span: l.trimmed, line: 1 }).kind
        };
        for chrome in [
            "Partager",
            "COMPARTIR:",
            "Поделиться",
            "مشاركة",
            "分享",
            "이 기사를 공유합니다",
            "本页位置: 首页>新闻",
            "* * *",
            "1026",
        ] {
            assert_eq!(lines(chrome), LineKind::Chrome, "{chrome}");
        }
        for prose in [
            "Le conseil municipal a approuvé le nouveau programme de transparence après un long débat public.",
            "El consejo municipal aprobó el nuevo programa de transparencia después de un largo debate público.",
            "Городской совет утвердил новую программу прозрачности после долгого публичного обсуждения в парламенте.",
            "وافق المجلس البلدي على برنامج الشفافية الجديد بعد نقاش عام طويل في الربيع الماضي.",
            "市议会在春季经过长时间的公开辩论后批准了新的透明度计划，所有合同将在签署后一周内在网上公布。",
            "시의회는 봄철 긴 공개 토론 끝에 새로운 투명성 계획을 승인했다.",
        ] {
            assert_eq!(lines(prose), LineKind::Content, "{prose}");
        }
        for meta in
            ["입력 2021.03.03 10:00", "김철수 기자", "时间:2021-03-03 10:00:00", "Por: Redacción", "16 сентября 2021"]
        {
            assert_eq!(lines(meta), LineKind::Meta, "{meta}");
        }
    }

    #[test]
    fn datelines_without_a_year() {
        for line in [
            "OTTAWA, le 7 déc. /Agence/ - Le conseil a décidé",
            "МОСКВА, 15 декабря. /Агентство/. Правительство решило",
            "NEW YORK, 3 March (Agency) -- The council said",
            "新华社北京3月5日电 市议会今天批准了新计划",
        ] {
            assert!(dateline_without_year(line), "{line}");
        }
        for line in ["Ottawa, le 7 déc.", "THE COUNCIL, which met today", "OTTAWA, 2021 budget", "市议会3月5日批准"]
        {
            assert!(!dateline_without_year(line), "{line}");
        }
    }

    #[test]
    fn not_news() {
        assert!(news(&format!("A Policy Note\n{PROSE}\n")).is_err(), "no byline or date");
        assert!(news("# README\n\nRun `make`.\n").is_err());
        assert!(news(&format!("This first line is a sentence.\nFeb 23, 2016\n{PROSE}\n")).is_err());
        // A list of dated items.
        let list = format!(
            "News\n3 March 2021\nLibrary opens\n4 March 2021\nPool closes\n5 March 2021\nPark reopens\n{PROSE}\n"
        );
        assert!(news(&list).unwrap_err().contains("listing"));
        // Numbered articles of a regulation.
        let law = format!("Library Rules\n3 March 2021\nArticle 1. Scope\n{PROSE}\nArticle 2. Loans\n");
        assert!(news(&law).unwrap_err().contains("legal"));
        // Chapters of a regulation.
        let rules =
            format!("县政府工作规则\n2024年04月06日\n第一章总则\n{PROSE}\n第二章 组成人员和政府职能\n{PROSE}\n");
        assert!(news(&rules).unwrap_err().contains("legal"));
    }

    #[test]
    fn headings_and_captions() {
        let text = format!(
            "Headline Here\nFeb 23, 2016\nThe mayor at the ceremony (Photo: City Hall)\n▶ A first section\n{PROSE}\n"
        );
        let n = news(&text).unwrap();
        assert_eq!(n.captions.len(), 1);
        assert_eq!(&text[n.headings[0].text.range()], "A first section");
        assert_eq!(n.paragraphs.len(), 2);
        // A credit closed by a full stop, a name in capitals after the word.
        for (line, credit) in [
            ("Today the hall opens. Photo DDM.", true),
            ("The mayor at the ceremony. Photo Jane Smith.", true),
            ("We saw it. Photo opportunities abound.", false),
            ("The mayor took a photo of the hall.", false),
        ] {
            assert_eq!(credit_at_end(line), credit, "{line}");
        }
        // A caption over its credit line is no paragraph; nor is the
        // photo's alt text under the date.
        let text = format!(
            "Headline Here\nFeb 23, 2016\nPhoto of the mayor\n\
             Jane Smith, mayor of Riverside, opens the new branch with the head librarian.\n\nPhoto by Daniel Smith\n{PROSE}\n"
        );
        let n = news(&text).unwrap();
        let captions: Vec<&str> = n.captions.iter().map(|c| &text[c.span.range()]).collect();
        assert_eq!(
            captions,
            [
                "Photo of the mayor",
                "Jane Smith, mayor of Riverside, opens the new branch with the head librarian.",
                "Photo by Daniel Smith"
            ]
        );
        assert_eq!(n.paragraphs.len(), 2);
        assert!(
            credit_line("Foto por Juan Pérez")
                && !credit_line("Photo by")
                && !credit_line("Photos by the dozen were taken there")
        );
    }

    #[test]
    fn a_last_sentence_of_the_article_stays() {
        let text = format!(
            "Headline Here\nFeb 23, 2016\n{PROSE}\nThe council will publish the first contracts online in the spring.\n"
        );
        let n = news(&text).unwrap();
        assert!(n.boilerplate.is_empty(), "{:?}", n.boilerplate);
        assert_eq!(n.paragraphs.len(), 3);
    }

    #[test]
    fn a_dateless_article_of_a_news_publication() {
        // No date or byline: a page with a headline and a body is still a
        // policy note unless its widgets are a newsroom's.
        assert!(news(&format!("A Policy Note\n{PROSE}\n")).is_err());
        for widget in [
            "Related news",
            "Dans la même rubrique",
            "Новости дня",
            "أخبار ذات صلة",
            "相关新闻",
            "관련기사",
            "Most read",
            "À lire aussi",
            "الأكثر قراءة",
        ] {
            let text = format!("City Wins Award\n{PROSE}\n{widget}\n");
            let (title, date, paragraphs, boilerplate) = parts(&text);
            assert_eq!((title.as_str(), date), ("City Wins Award", None), "{widget}");
            assert_eq!(paragraphs.len(), 2, "{widget}");
            assert_eq!(boilerplate, [widget], "{widget}");
        }
        // A newsroom word inside a paragraph is no widget.
        let text = format!("A Policy Note\n{PROSE} The editor-in-chief of the bulletin agreed.\n");
        assert!(news(&text).is_err());
    }

    #[test]
    fn the_address_dates_a_page_that_shows_no_date() {
        let date = |a: &str| address_date(a).map(|d| d.month_first.to_string());
        assert_eq!(date("https://example.org/news/2014/03/11/council-budget").as_deref(), Some("2014-03-11"));
        assert_eq!(date("https://example.org/details/2024/5/9/12345/slug").as_deref(), Some("2024-05-09"));
        assert_eq!(date("http://example.org/focus/2018-06-02/1001.html").as_deref(), Some("2018-06-02"));
        // Not a date: an article number, a month past 12, the host or the query.
        assert_eq!(date("https://example.org/news/20140311"), None);
        assert_eq!(date("https://example.org/2013/13/25/x"), None);
        assert_eq!(date("https://2013.example.org/x?d=2014/03/11"), None);
        for odd in [
            "",
            "://",
            "https://",
            "https://example.org",
            "/2013/07",
            "https://example.org/2013/07",
            "https://x.org/2013/0/25",
        ] {
            assert_eq!(date(odd), None, "{odd}");
        }
        let a = "https://example.org/news/2014/03/11/x?page=2";
        let f = address_date(a).unwrap();
        assert_eq!(&a[f.start..f.end], "2014/03/11");
        let text = format!("Council Approves the New Budget\n{PROSE}\nRelated news\n");
        let lines = crate::lines::lines(&text);
        let hints =
            PageHints { address: Some("https://example.org/news/2014/03/11/council".into()), ..Default::default() };
        let n = parse_news_with(&text, &lines, &hints).unwrap();
        assert_eq!(n.markup_date.map(|d| d.month_first.to_string()).as_deref(), Some("2014-03-11"));
        // A date the page shows goes first: the address may be a repost's.
        let text = format!("Council Approves the New Budget\n2014-03-10 16:21\n{PROSE}\n");
        let lines = crate::lines::lines(&text);
        let n = parse_news_with(&text, &lines, &hints).unwrap();
        assert_eq!(n.markup_date, None);
        assert_eq!(n.published.map(|d| d.found.month_first.to_string()).as_deref(), Some("2014-03-10"));
    }

    #[test]
    fn a_date_with_a_span_of_hours_is_an_event() {
        assert!(clock_span(" 14:00 - 17:00"));
        assert!(clock_span(", 9 h – 12 h 30"));
        assert!(clock_span(" 9:30~12:00"));
        assert!(!clock_span(" - 12:53"));
        assert!(!clock_span(" 16:21:02"));
        assert!(!clock_span(" 14 hommes - 15 femmes"));
        // An event page: its date and hours, a place, a description.
        let text = format!("Open Day at the Water Works\nSunday 3 October 2021 14:00 - 17:00\n{PROSE}\n");
        assert!(news(&text).is_err());
        let text = format!("Open Day at the Water Works\nSunday 3 October 2021 14:00\n{PROSE}\n");
        assert_eq!(parts(&text).1.as_deref(), Some("2021-10-03"));
    }

    #[test]
    fn the_sites_notices_after_the_body_are_boilerplate() {
        let notice = "By staying on the site you agree to our use of cookies and to the terms of the site.";
        let text = format!("City Wins Award\n07/10/2013\n{PROSE}\nViews: 1204\n{notice}\n");
        let (_, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(boilerplate, ["Views: 1204", notice]);
        let quota = "Les commentaires sont limités à 5 par jour pour les lecteurs non abonnés.";
        let text = format!("City Wins Award\n07/10/2013\n{PROSE}\nAfficher les commentaires\nCommenter\n{quota}\n");
        let (_, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(boilerplate, ["Afficher les commentaires", "Commenter", quota]);
        // Right after a paragraph, with no widget, the article's own words.
        let last = "The mayor declined to answer the comments of the opposition about the cost of the programme.";
        let text = format!("City Wins Award\n07/10/2013\n{PROSE}\n{last}\n");
        assert_eq!(parts(&text).2.len(), 3);
    }

    #[test]
    fn a_short_question_is_a_headline_not_a_paragraph() {
        assert!(short_question("Qui sera le prochain maire?"));
        assert!(!short_question("He left. Who will follow him?"));
        let text = format!("Local news\nWho will run the new library?\n{PROSE}\nRelated news\n");
        let (title, _, paragraphs, _) = parts(&text);
        assert_eq!(title, "Who will run the new library?");
        assert_eq!(paragraphs.len(), 2);
    }

    #[test]
    fn a_list_of_dated_items_gives_no_publication_date() {
        let list = "Other events nearby\nConcert of the brass band in the old market hall of the harbour district — 2 October 2021\n\
                    Photo exhibition of the port — 1 October 2021\n";
        assert!(news(&format!("Open Day at the Water Works\n{PROSE}\n{list}")).is_err());
        let text = format!("Open Day at the Water Works\n17 September 2021\n{PROSE}\n{list}");
        assert_eq!(parts(&text).1.as_deref(), Some("2021-09-17"));
    }

    #[test]
    fn a_chinese_clause_with_numbers_is_no_code() {
        let at = |text: &str| LineRef { span: Span::new(0, text.len()), line: 1 };
        let s = "新华社北京5月12日电(记者王明)本市12日公布,3月份新建公园8座。";
        assert_eq!(line_info(s, at(s)).kind, LineKind::Content);
        let codes = "#EDF0F5 #F3FFE1 #A0B1C2";
        assert_eq!(line_info(codes, at(codes)).kind, LineKind::Chrome);
    }

    #[test]
    fn a_date_bar_over_the_navigation_is_not_the_article_date() {
        let text = format!(
            "Monday, January 13, 2025\nRiverside Gazette\nPolitics | Economy | Sports | Culture\n\
             Council Opens New Library Branch\n{PROSE}\nRelated news\n"
        );
        let (title, date, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(date, None);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(boilerplate[0], "Monday, January 13, 2025");
        // A labelled one is the article's.
        let text = text.replacen("Monday", "Published Monday", 1);
        assert_eq!(parts(&text).1.as_deref(), Some("2025-01-13"));
    }

    #[test]
    fn the_site_header_over_the_navigation_is_no_headline() {
        let text = format!(
            "Riverside University\nThe Campus Magazine of Riverside University and its Partners\n\
             Home | Research | Teaching | Campus | Agenda\nYou are here: Home > Research\nResearch\n\
             Building a Culture of Evaluation\n{PROSE}\nRelated news\n"
        );
        let (title, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "Building a Culture of Evaluation");
        assert_eq!(paragraphs.len(), 2);
        assert!(boilerplate.contains(&"You are here: Home > Research".to_string()), "{boilerplate:?}");
    }

    #[test]
    fn an_interview_question_is_no_headline() {
        let text = format!(
            "Building a Culture of Evaluation\nFeb 23, 2016\n{PROSE}\n\
             Could you remind us briefly what this quality approach consists of?\n{PROSE}\n"
        );
        assert_eq!(parts(&text).0, "Building a Culture of Evaluation");
    }

    #[test]
    fn the_script_of_the_body_orders_an_ambiguous_date() {
        let arabic = "أكد رئيس الجامعة على وجود ثلاث براءات اختراع في مرحلة التسجيل، وذلك في إطار تشجيع الجامعة للباحثين على العمل.\n\
            وفي زيارة للمؤسسة، تحدث رئيس الجامعة عن دور الجامعة في ظل الجائحة وكيفية ربط البحث العلمي بالمجتمع.";
        let text = format!("رئيس الجامعة يكشف طريقة جديدة\n10-1-2021 | 16:29\n{arabic}\n");
        let n = news(&text).unwrap();
        assert!(n.day_first);
        assert_eq!(n.published.unwrap().found.day_first.map(|d| d.to_string()).as_deref(), Some("2021-01-10"));
        let text = format!("City Wins Award\n10-1-2021\n{PROSE}\n");
        assert!(!news(&text).unwrap().day_first);
        let french = "Le conseil municipal a approuvé le nouveau programme de transparence après un long débat public.\n\
            Les élus ont indiqué que le programme publiera chaque contrat en ligne dans la semaine de sa signature.";
        let text = format!("La ville primée\n10/01/2021\n{french}\n");
        assert!(news(&text).unwrap().day_first);
    }

    #[test]
    fn a_ticker_over_the_headline_is_no_paragraph() {
        let ticker = "Council approves budget Mayor opens bridge Floods close the coast road Prices of bread rise again \
            Schools reopen next week Team wins the cup Museum gets new wing Strike ends at the port Rail line to close \
            Hospital hires nurses Storm warning for the weekend";
        // Under the site's name: a ticker of other stories.
        let text = format!("Riverside Gazette\n{ticker}\nCouncil Opens New Library Branch\nFeb 23, 2016\n{PROSE}\n");
        let (title, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(boilerplate, ["Riverside Gazette", ticker]);
        // First on the page: the article's first paragraph.
        let text = format!("{ticker}\nCouncil Opens New Library Branch\nFeb 23, 2016\n{PROSE}\n");
        assert_eq!(parts(&text).2.len(), 3);
    }

    #[test]
    fn a_brief_on_a_news_publications_page() {
        let one = "The city council approved the new transparency programme after a long public debate in the spring.";
        let text = format!("Council Approves Programme\n{one}\nRelated news\n");
        assert_eq!(parts(&text).2, [one]);
        assert!(news(&format!("Council Approves Programme\n{one}\n")).is_err());
    }

    #[test]
    fn an_alt_text_over_its_caption_heads_nothing() {
        let text = format!(
            "Governor Opens Five Projects in the North\nGovernor Smith\nGovernor Smith at the opening ceremony\n\
             Related news\n{PROSE}\n"
        );
        assert_eq!(parts(&text).0, "Governor Opens Five Projects in the North");
    }

    #[test]
    fn a_bracketed_series_title_the_markup_names_twice() {
        let text = format!("Campus TV\n[Our University History 2]\nFeb 23, 2016\n{PROSE}\n");
        let hints = |titles: &[&str]| PageHints {
            titles: titles.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        };
        let lines = crate::lines::lines(&text);
        let titles = ["Campus TV - [Our University History 2]", "[Our University History 2]"];
        let n = parse_news_with(&text, &lines, &hints(&titles)).unwrap();
        assert_eq!(&text[n.title.span.range()], "[Our University History 2]");
        // Named once, a bracketed line is a label, not the headline.
        let once = parse_news_with(&text, &lines, &hints(&titles[1..]));
        if let Ok(n) = &once {
            assert_ne!(&text[n.title.span.range()], titles[1]);
        }
    }

    #[test]
    fn a_figcaption_is_no_paragraph_unless_it_repeats_the_headline() {
        let caption = "Residents at the opening of the branch.";
        let text = format!("Council Opens New Library Branch\nFeb 23, 2016\n{caption}\n{PROSE}\n");
        let lines = crate::lines::lines(&text);
        let hints = |captions: &[&str]| PageHints {
            titles: vec!["Council Opens New Library Branch".into()],
            captions: captions.iter().map(|c| c.to_string()).collect(),
            ..Default::default()
        };
        let n = parse_news_with(&text, &lines, &hints(&[caption])).unwrap();
        let first = n.paragraphs.first().expect("a paragraph");
        assert!(!text[first.span.range()].starts_with("Residents"), "{}", &text[first.span.range()]);
        // An image captioned with its article's title: the headline stays.
        let n = parse_news_with(&text, &lines, &hints(&["Council Opens New Library Branch"])).unwrap();
        assert_eq!(&text[n.title.span.range()], "Council Opens New Library Branch");
    }

    #[test]
    fn a_short_post_of_two_sentences_under_a_date() {
        let post =
            "The second story is about the hall of the old society on the hill. Let us look at its history together!";
        let text = format!("The Old Society Hall\nFeb 23, 2016\n{post}\n");
        assert_eq!(parts(&text).2, [post]);
        // One sentence under a date: a teaser.
        let one = "The second story is about the hall of the old society on the hill and its long history.";
        assert!(news(&format!("The Old Society Hall\nFeb 23, 2016\n{one}\n")).is_err());
    }

    #[test]
    fn the_date_given_again_under_the_standfirst_ends_the_header() {
        let deck = "The council said the library would open its doors to every resident of the north within a year.";
        let text = format!(
            "Council Opens New Library Branch\nPublished 6 October 2025\n{deck}\nJane Doe\nJane Doe\n\
             Reporter Riverside\n6 October 2025, 9:46\n{PROSE}\n"
        );
        let (_, date, paragraphs, boilerplate) = parts(&text);
        assert_eq!(date.as_deref(), Some("2025-10-06"));
        // The standfirst over the header's date is the article's subtitle.
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[0].starts_with("The city council approved"), "{paragraphs:?}");
        assert!(boilerplate.contains(&"Reporter Riverside".to_string()), "{boilerplate:?}");
        let n = news(&text).unwrap();
        assert_eq!(n.headings.iter().map(|h| &text[h.text.range()]).collect::<Vec<_>>(), [deck]);
    }

    #[test]
    fn a_standfirst_over_the_byline_is_the_subtitle_not_the_first_paragraph() {
        let deck = "The council said the library would open its doors to every resident of the north within a year.";
        let text = format!("Council Opens New Library Branch\n{deck}\nBy Jane Doe - 6 Oct. 2025 at 09:46\n{PROSE}\n");
        let (title, date, paragraphs, _) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(date.as_deref(), Some("2025-10-06"));
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(paragraphs[0].starts_with("The city council approved"), "{paragraphs:?}");
        let n = news(&text).unwrap();
        assert_eq!(n.headings.iter().map(|h| &text[h.text.range()]).collect::<Vec<_>>(), [deck]);
        // Under the byline, the same line opens the body.
        let text = format!("Council Opens New Library Branch\nBy Jane Doe - 6 Oct. 2025 at 09:46\n{deck}\n{PROSE}\n");
        assert_eq!(parts(&text).2[0], deck);
    }

    #[test]
    fn reporters_named_after_their_outlet_over_the_date_are_a_byline() {
        let text = format!(
            "العدد 1234 - الأحد 23 مارس 2008م\nالمجلس البلدي يقر خطة الطرق الجديدة\n\
             الجريدة - سلمى الراشد، خالد النمر\n23 مارس 2008\n{PROSE}\n"
        );
        let n = news(&text).unwrap();
        assert_eq!(&text[n.title.span.range()], "المجلس البلدي يقر خطة الطرق الجديدة");
        assert_eq!(n.byline.map(|b| &text[b.name.range()]), Some("سلمى الراشد، خالد النمر"));
        // A headline of that shape under a site's name stays the headline.
        let text = format!("Riverside Gazette\nBrexit - Theresa May, Boris Johnson\nMarch 3, 2021\n{PROSE}\n");
        let n = news(&text).unwrap();
        assert_eq!(&text[n.title.span.range()], "Brexit - Theresa May, Boris Johnson");
        assert!(n.byline.is_none());
    }

    #[test]
    fn a_list_of_other_stories_over_the_headline() {
        let headline = "Council Opens New Library Branch in the North of Riverside";
        let teasers = "Floods close the coast road for a second day\nMayor opens the new bridge over the river\n\
            Prices of bread rise again in the north";
        // Under a list's label, one teaser over the headline.
        for label in ["News", "Новости", "أخبار", "Latest news"] {
            let text = format!(
                "Riverside Gazette\nPolitics | Economy | World\n{label}\nFloods close the coast road for a second day\n\
                 {headline}\nMarch 3, 2021\n{PROSE}\n"
            );
            assert_eq!(parts(&text).0, headline, "{label}");
        }
        // A run of them longer than the block over the date.
        let text = format!("Riverside Gazette\nLatest news\n{teasers}\n{headline}\nMarch 3, 2021\n{PROSE}\n");
        assert_eq!(parts(&text).0, headline);
        // A list's label over the headline alone is a section's name.
        let text = format!("Riverside Council\nNews\nCouncil Opens Library\nMarch 3, 2021\n{PROSE}\n");
        let n = news(&text).unwrap();
        assert_eq!(&text[n.title.span.range()], "Council Opens Library");
        assert!(n.signals.contains("heading the lines over the date"), "{}", n.signals);
        // A section name over the headline and its subtitle is no list.
        let text = format!(
            "Politics\nFirst Mission Abroad for the Minister\nThe priorities of the government put forward in Paris and in Brussels\n\
             Published on 13 December 2018\n{PROSE}\n"
        );
        assert_eq!(parts(&text).0, "First Mission Abroad for the Minister");
    }

    #[test]
    fn a_masthead_over_the_headline_heads_nothing() {
        for masthead in ["The Riverside Gazette — Independent daily newspaper since 1901", "ВЗГЛЯД / Деловая газета"]
        {
            let text = format!("{masthead}\nCouncil Opens New Library\nMarch 3, 2021\n{PROSE}\n");
            let (title, _, _, boilerplate) = parts(&text);
            assert_eq!(title, "Council Opens New Library", "{masthead}");
            assert_eq!(boilerplate, [masthead]);
        }
        // A page title names the publication beside the headline.
        let text = format!("Council Opens New Library | Riverside Gazette\nMarch 3, 2021\n{PROSE}\n");
        assert_eq!(parts(&text).0, "Council Opens New Library | Riverside Gazette");
    }

    #[test]
    fn a_date_set_as_a_tile_over_the_headline() {
        for tile in ["24\nMAR\n\n2021", "24\n\nМАР\n\n2021", "Mar 24\n2021"] {
            let text = format!("Riverside University\n{tile}\n\nCouncil Opens New Library Branch\n{PROSE}\n");
            let (title, published, paragraphs, _) = parts(&text);
            assert_eq!(
                (title.as_str(), published.as_deref()),
                ("Council Opens New Library Branch", Some("2021-03-24")),
                "{tile}"
            );
            assert_eq!(paragraphs.len(), 2, "{tile}");
        }
        // Numbers and words on lines of their own that read as no one date
        // are no tile.
        let text = format!("Riverside University\n24\nMAR\n\nCouncil Opens New Library Branch\n{PROSE}\n");
        assert!(news(&text).ok().and_then(|n| n.published).is_none());
    }

    #[test]
    fn a_consent_banner_is_chrome_wherever_it_stands() {
        let banner = "We use cookies to improve your experience. By browsing you accept them. Accept | More";
        let text = format!("{banner}\nCouncil Opens New Library Branch\nMarch 3, 2021\n{PROSE}\n");
        let (title, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(boilerplate, [banner]);
        assert_eq!(paragraphs.len(), 2);
        // Its buttons on the line under it, the banner set between two
        // paragraphs of the body.
        let third = "The council will report on the programme to residents at the end of the year, with the number of \
                     contracts published, the time each took to appear online and the questions residents asked about \
                     them, and it will ask the residents' associations of every district what they would change in it.";
        let text = format!(
            "Council Opens New Library Branch\nMarch 3, 2021\n{PROSE}\n\
             We use cookies to improve your experience. By browsing you accept them.\nAccept | More\n{third}\n"
        );
        let (_, _, paragraphs, boilerplate) = parts(&text);
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
        assert_eq!(paragraphs[2], third);
        assert!(boilerplate.iter().any(|b| b == "Accept | More"), "{boilerplate:?}");
        // A headline about cookies is a headline.
        let text = format!("Regulator Fines Sites Over Tracking Cookies\nMarch 3, 2021\n{PROSE}\n");
        assert_eq!(parts(&text).0, "Regulator Fines Sites Over Tracking Cookies");
    }

    #[test]
    fn a_headline_in_capitals_is_no_paragraph() {
        // The date under the body, a site's motto over the headline.
        let text = format!(
            "Riverside Today\nThe digital daily of Riverside\nLocal\n\nTHE MAYOR WILL MEET RESIDENTS IN THE SQUARE OF THE TOWN\n{PROSE}\nPublished on Friday, April 28, 2023\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "THE MAYOR WILL MEET RESIDENTS IN THE SQUARE OF THE TOWN");
        assert_eq!(published.as_deref(), Some("2023-04-28"));
        assert_eq!(paragraphs.len(), 2);
    }

    #[test]
    fn a_sites_tagline_under_its_name_heads_nothing() {
        // The date under the body; the tagline names the publication and
        // the site's name again.
        let text = format!(
            "Riverside Today\nThe digital newspaper of Riverside\nHome | Local | Sports | Contact\nLocal\n\
             Council Opens New Library Branch\n{PROSE}\nPublished on March 3, 2021\n"
        );
        assert_eq!(parts(&text).0, "Council Opens New Library Branch");
    }

    #[test]
    fn a_newspapers_issue_line_dates_the_article_over_the_navigation() {
        let page = |issue: &str| {
            format!(
                "Riverside Gazette\n{issue}\nHome | Local | Opinion | Sports\nOpinion\nThe Library We Deserve\n{PROSE}\n"
            )
        };
        let (title, published, _, _) = parts(&page("Friday 25/10/2013 Issue 14988"));
        assert_eq!((title.as_str(), published.as_deref()), ("The Library We Deserve", Some("2013-10-25")));
        // The day's date over the navigation, no issue named: the day the
        // page was read.
        assert!(news(&page("Friday 25/10/2013")).is_err());
        // `第14988期` names an issue; a number alone does not.
        assert!(names_issue("2013年10月11日 第14988期"));
        assert!(!names_issue("2013年10月11日 14988"));
    }

    #[test]
    fn a_page_titled_by_an_archives_word_is_a_listing() {
        for title in ["Les archives", "Archives", "Архив"] {
            let text = format!("{title}\nMardi l 27-02-2018\nCouncil Opens New Library Branch\n{PROSE}\n");
            let e = news(&text).unwrap_err();
            assert!(e.starts_with("a listing: the archive's title"), "{title}: {e}");
        }
        // A headline that opens with the word is no archive's title.
        let text = format!("Archives reopen after the flood\nMarch 3, 2021\n{PROSE}\n");
        assert_eq!(parts(&text).0, "Archives reopen after the flood");
    }

    #[test]
    fn a_widgets_line_twice_over_the_headline_and_its_standfirst_is_no_headline() {
        let text = "El clima por Pronostico.net\nEl clima por Pronostico.net\n\n\
                    Entrada libre al museo de la ciudad este domingo\n\n\
                    Con motivo del Día de los Museos, hoy se podrá visitar el museo de la ciudad sin costo alguno.\n\n\
                    Por: Redacción 18 Mayo 2022 11:25\n\n\
                    La dirección del museo informó que vecinos y turistas podrán entrar de manera gratuita todo el día.\n\n\
                    El horario de visitas será de diez de la mañana a cinco de la tarde y habrá un obsequio a la entrada.\n";
        let (title, published, _, _) = parts(text);
        assert_eq!(title, "Entrada libre al museo de la ciudad este domingo");
        assert_eq!(published.as_deref(), Some("2022-05-18"));
    }

    #[test]
    fn a_copyright_or_a_photos_credit_is_no_headline() {
        let text =
            format!("뉴스 > 전체\n\n한빛신문 시민기자 간담회\n\n입력 : 2020년 11월 10일\nⓒ 한빛신문\n\n{PROSE}\n");
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "한빛신문 시민기자 간담회");
        assert_eq!(published.as_deref(), Some("2020-11-10"));
    }

    #[test]
    fn a_reporter_word_qualifying_a_noun_makes_no_byline() {
        let line = |s: &str| {
            let toks = split_tokens(s);
            byline_in(s, LineRef { line: 1, span: Span::new(0, s.len()) }, &toks, units(s))
        };
        // A meeting of citizen reporters: a headline.
        assert!(line("한빛신문 시민기자 간담회").is_none());
        assert!(line("김철수 기자").is_some());
        assert!(line("홍길동 객원기자").is_some());
        assert!(line("이성희 기자 hong@news.kr").is_some());
    }

    #[test]
    fn a_topic_over_its_sections_kind_is_no_headline() {
        let text = format!(
            "Хоккей (КХЛ). Статьи\n\nИнтервью\n\n22 августа 2019, 15:00\n\n\
             «Мы готовы к сезону». Тренер клуба — о новичках и планах\n\n{PROSE}\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "«Мы готовы к сезону». Тренер клуба — о новичках и планах");
        assert_eq!(published.as_deref(), Some("2019-08-22"));
    }

    #[test]
    fn an_archive_heading_makes_a_listing() {
        for heading in ["Tag: budget", "Архив за день: 22.01.2019", "标签：广场"] {
            let text =
                format!("Riverside Schools\n{heading}\nCouncil Opens New Library Branch\nMarch 3, 2021\n{PROSE}\n");
            let e = news(&text).unwrap_err();
            assert!(e.starts_with("a listing: the archive heading"), "{heading}: {e}");
        }
        // Tags under the article are the article's.
        let text = format!("Council Opens New Library Branch\nMarch 3, 2021\n{PROSE}\nTags: budget\n");
        assert_eq!(parts(&text).0, "Council Opens New Library Branch");
    }

    #[test]
    fn a_headline_with_its_decks_under_the_navigation() {
        let text = format!(
            "Riverside Gazette\nHome | News | Local | Opinion | Photo\nCouncil Opens New Library Branch in the North\n\
             Second branch in ten years\nOpening hours are longer than those of the old branch\n\
             Residents asked for a reading room and a workshop\nBy Jane Doe / March 3, 2021\n{PROSE}\n"
        );
        assert_eq!(parts(&text).0, "Council Opens New Library Branch in the North");
    }

    #[test]
    fn the_date_under_the_body_closes_the_article() {
        let text = format!(
            "Council Opens New Library Branch\n{PROSE}\nPublished on March 3, 2021\nShare: Facebook Twitter\n\
             Get the news of Riverside free in your mailbox every morning, straight from the newsroom!\n"
        );
        let (_, published, paragraphs, boilerplate) = parts(&text);
        assert_eq!(published.as_deref(), Some("2021-03-03"));
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(
            boilerplate.last().map(String::as_str),
            Some("Get the news of Riverside free in your mailbox every morning, straight from the newsroom!")
        );
    }

    #[test]
    fn prose_set_one_phrase_to_a_line_is_the_body() {
        let text = "30/08/2023\nFestival in the Park\nThe next meeting with the neighbours took place\non Saturday 2 September\n\
                    at the playground of the park at two\nEvery association that wants to take part will be there to plan the day.\n\
                    Print Share\n";
        let (title, _, paragraphs, _) = parts(text);
        assert_eq!(title, "Festival in the Park");
        assert_eq!(paragraphs[0], "The next meeting with the neighbours took place");
    }

    #[test]
    fn an_undated_page_with_a_newsrooms_links_is_an_article() {
        for cue in ["Back to news", "Retour aux actualités", "上一篇:学校召开会议", "مدة القراءة: 1'"]
        {
            let text = format!("Riverside Town\nCouncil Opens New Library Branch\n{PROSE}\n{cue}\n");
            assert_eq!(parts(&text).0, "Council Opens New Library Branch", "{cue}");
        }
        let text = format!("Riverside Town\nCouncil Opens New Library Branch\n{PROSE}\n");
        assert!(news(&text).is_err());
        // A comment form under the post.
        let text = format!("Riverside Town\nCouncil Opens New Library Branch\n{PROSE}\nLeave a Reply\nName *\n");
        assert_eq!(parts(&text).0, "Council Opens New Library Branch");
    }

    #[test]
    fn an_undated_page_under_a_news_or_blog_section_is_an_article() {
        for section in ["News", "Новости района", "Blog", "新闻", "当前位置: 首页 > 综合动态 > 部门动态"]
        {
            let text = format!(
                "Riverside Town\nHome | About | Contact\n{section}\nCouncil Opens New Library Branch\n{PROSE}\n"
            );
            assert_eq!(parts(&text).0, "Council Opens New Library Branch", "{section}");
        }
        // The label under the headline, or a breadcrumb trail ending in it.
        let text =
            format!("Riverside Town\nHome | About | Contact\nCouncil Opens New Library Branch\nLatest news\n{PROSE}\n");
        assert_eq!(parts(&text).0, "Council Opens New Library Branch");
        let text = format!("Riverside Town\nAccueil » Actualités\nCouncil Opens New Library Branch\n{PROSE}\n");
        assert_eq!(parts(&text).0, "Council Opens New Library Branch");
        // Not under it: no article.
        let text = format!(
            "Riverside Town\nNews\nHome | About | Contact\nLibrary\nCouncil Opens New Library Branch\n{PROSE}\n"
        );
        assert!(news(&text).is_err());
    }

    #[test]
    fn more_cues_of_an_undated_article() {
        // A breadcrumb parted by slashes; a WordPress post's default category.
        for top in ["Главная / Новости", "Sin categoría"] {
            let text =
                format!("Riverside Town\nHome | About | Contact\n{top}\nCouncil Opens New Library Branch\n{PROSE}\n");
            assert_eq!(parts(&text).0, "Council Opens New Library Branch", "{top}");
        }
        // A short headline right under the section's label wins over the
        // site's tagline above.
        let text = format!(
            "Inside Riverside\nNews and updates from the Riverside Town Council\nHome | About\nPress Releases\n\
             Council Opens Library Branch\n{PROSE}\n"
        );
        assert_eq!(parts(&text).0, "Council Opens Library Branch");
        // The Arabic press's dateline opening the first paragraph.
        let text = "أمانة المدينة تنفذ أعمال الصيانة في مختلف الأحياء\n\
                    صراحة – واس: تواصل الفرق الميدانية لأمانة المنطقة أعمالها البلدية في مختلف الأحياء والطرق الرئيسية والفرعية في المدينة.\n\
                    الجدير بالذكر أن الأمانة تواصل جهودها لتحسين المشهد الحضري ورفع جودة الحياة في جميع أحياء المدينة.\n";
        assert_eq!(parts(text).0, "أمانة المدينة تنفذ أعمال الصيانة في مختلف الأحياء");
        // Under the label, titles and no sentence: the section's list.
        let text = "Press Releases\nMinistry Partners with Telecom Company to Increase Public Education\n\
                    Persons at High Risk for Severe Complications from Flu Urged to be Extra Vigilant\n\
                    Health Sector Being Prepared to Deal with Increase in Influenza Cases\n";
        assert!(news(text).is_err());
    }

    #[test]
    fn a_government_sites_name_and_its_date_bar_head_nothing() {
        for site in ["Official website of the Riverside County Administration", "Официальный сайт администрации района"]
        {
            let text = format!(
                "{site}\nFriday, 26 April 2024\nHome\nActivities\nCouncil Meeting Held\n30.05.2011 15:21\n{PROSE}\n"
            );
            let (title, published, _, boilerplate) = parts(&text);
            assert_eq!((title.as_str(), published.as_deref()), ("Council Meeting Held", Some("2011-05-30")), "{site}");
            assert!(boilerplate.contains(&site.to_string()), "{site}");
        }
        // Lower down, the words are a headline's.
        let text =
            format!("Riverside Town\nHome | About\nCouncil Launches Its Official Website\n3 March 2021\n{PROSE}\n");
        assert_eq!(parts(&text).0, "Council Launches Its Official Website");
        assert!(names_official_site("某某市人民政府门户网站", "门户网站"));
        assert!(!names_official_site("official websites", "official website"));
        assert!(names_official_site("봉화군청 공식 홈페이지", "공식 홈페이지"));
    }

    #[test]
    fn a_broadcast_script_with_no_blank_line_is_the_body() {
        let text = "광주MBC\n뉴스 | 시사 | 교양\n시정\n\"의회 원구성 마무리 되는대로 본청 대대적인 조직개편\"\n\
                    송정근 기자 입력 2022-07-04 15:48:30 조회수 1\n민선 8기 닻을 올린 강기정 광주시장이\n\
                    대대적인 조직개편을 예고했습니다.\n강 시장은\n광주시의회 브리핑룸에서 기자들과 만나\n\
                    의회 원구성이 마무리되는대로\n가장 먼저 해야 할 일이 조직개편이라면서\n\
                    본청 조직을 전면 개편하겠다고 밝혔습니다.\n# 조직개편\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "\"의회 원구성 마무리 되는대로 본청 대대적인 조직개편\"");
        assert_eq!(published.as_deref(), Some("2022-07-04"));
        assert_eq!(paragraphs.first().map(String::as_str), Some("민선 8기 닻을 올린 강기정 광주시장이"));
    }

    #[test]
    fn a_byline_run_into_the_first_line_makes_an_undated_page_an_article() {
        assert!(reporter_opening("지이코노미 이수준 기자 | “친절도 능력, 말 한마디로 군민을 감동시킵니다”"));
        assert!(reporter_opening("아주경제 박재천 기자 =경기도 광주시가 9일"));
        assert!(!reporter_opening("기자 | 회견"));
        assert!(!reporter_opening("정부는 오늘 기자회견을 열고 새 정책을 발표했다."));
    }

    #[test]
    fn a_time_stamp_with_a_two_digit_year_dates_the_article() {
        let text = format!(
            "Riverside Gazette\nHome | News\nCouncil Opens New Library Branch\nLe 05/08/22 à 11:03\n\
             modifié 06/08/22 à 09:15\n{PROSE}\nLire aussi\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!((title.as_str(), published.as_deref()), ("Council Opens New Library Branch", Some("2022-08-05")));
    }

    #[test]
    fn a_boards_title_label_and_bulleted_paragraphs() {
        let text = "인사혁신처\n인사혁신처 소개 | 정책정보 | 새소식\nHome > 새소식 > 보도자료\n\
                    보도자료의 조회 테이블로 제목,담당자,작성일,조회수로 구성\n\
                    제목 (인사혁신기획과) 대한민국 공무원상 시상\n담당자 작성일 2018-04-13 조회수 3235\n\
                    □ 인사혁신처는 국민에게 헌신하며 탁월한 성과를 낸 공무원 10명에게 대한민국 공무원상을 시상했다고 밝혔다.\n\
                    □ 13일 열린 시상식에는 수상자뿐만 아니라 수상자 가족을 함께 초청해 의미를 더했다.\n목록\n";
        let (title, published, paragraphs, boilerplate) = parts(text);
        assert_eq!(title, "(인사혁신기획과) 대한민국 공무원상 시상");
        assert_eq!(published.as_deref(), Some("2018-04-13"));
        assert_eq!(paragraphs.len(), 2);
        // The label cut from the headline is kept, in its place.
        let label = boilerplate.iter().position(|b| b == "제목").expect("the title label in the boilerplate");
        assert!(boilerplate[label - 1].starts_with("보도자료의 조회 테이블로"), "{boilerplate:?}");
        assert_eq!(title_label_len("Title: Council Opens New Library"), Some(7));
        assert_eq!(title_label_len("Title"), None);
        assert_eq!(title_label_len("Titles of the week"), None);
    }

    #[test]
    fn a_bare_date_over_a_standfirst_ending_with_another_is_the_pages() {
        let text = format!(
            "Menu\nAccueil > Archives > Interventions du Ministre\nToutes les préfectures obtiennent le label qualité\n2 juillet 2013\n\
             Allocution du ministre de l’Intérieur - Préfecture du Val-de-Marne – lundi 1er juillet 2013\n{PROSE}\n\
             Partager : Facebook Twitter Imprimer\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(
            (title.as_str(), published.as_deref()),
            ("Toutes les préfectures obtiennent le label qualité", Some("2013-07-02"))
        );
    }

    #[test]
    fn a_headline_printed_again_at_the_articles_foot_closes_no_header() {
        let text = format!(
            "Rostov Woman\nHome | News | Health | Contacts\nCentres Named Best in the Country Again\n\
             02.10.2022 Views: 1779\nCentres Named Best in the Country Again\n{PROSE}\n\
             Centres Named Best in the Country Again\nShare: VK | Telegram\n"
        );
        let (title, published, paragraphs, boilerplate) = parts(&text);
        assert_eq!(
            (title.as_str(), published.as_deref()),
            ("Centres Named Best in the Country Again", Some("2022-10-02"))
        );
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(boilerplate.iter().filter(|b| b.as_str() == title).count(), 2);
    }

    #[test]
    fn a_crumb_before_the_next_lines_text_makes_that_line_the_headline() {
        let text = format!(
            "Published on PublicTechnology.net (https://www.publictechnology.net)\nHome > Wigan bags digital council of the year award\n\
             Wigan bags digital council of the year award\nWritten by Rebecca Hill on 17 June 2016 in News\n{PROSE}\n"
        );
        let (title, _, _, boilerplate) = parts(&text);
        assert_eq!(title, "Wigan bags digital council of the year award");
        assert!(boilerplate.iter().any(|b| b.starts_with("Home > ")), "{boilerplate:?}");
    }

    #[test]
    fn a_sections_path_is_no_headline() {
        let text = format!(
            "INAP - Instituto Nacional de Administración Pública\nLa Administración al Día\n\
             Inicio | Noticias | Opinión | Agenda\nNoticias · Comunidades Autónomas\n\
             Premios Alfons Ortuño de la Escuela de Administración Pública de Cataluña\n16/02/2018\nCompartir:\n{PROSE}\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "Premios Alfons Ortuño de la Escuela de Administración Pública de Cataluña");
        assert_eq!(published.as_deref(), Some("2018-02-16"));
        assert!(section_path("News | Local"));
        assert!(!section_path("News from the council chamber on Monday"));
    }

    #[test]
    fn a_disclaimer_closing_the_body_and_a_reposts_original_title_are_the_sites() {
        let text = "资讯网\n首页 | 新闻 | 快讯\n无锡市机关事务管理局获评全国先进集体\n2022-06-28 来源:中国江苏网\n\
                    6月27日,全国机关事务工作先进集体和先进个人表彰大会在北京举行。无锡市机关事务管理局获评先进集体。\n\
                    原标题:无锡市机关事务管理局获评全国机关事务工作先进集体\n\
                    近年来先后获评全国文明单位等国家级和省级荣誉22项,多个项目被列为示范点。\n\
                    免责声明:本文不构成任何商业建议,内容仅供参考。\n关于我们 | 联系我们\n";
        let (_, _, paragraphs, boilerplate) = parts(text);
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(boilerplate.iter().any(|b| b.starts_with("免责声明")));
        // A repost's note of the original headline is the page's too.
        assert!(boilerplate.iter().any(|b| b.starts_with("原标题")), "{boilerplate:?}");
    }

    #[test]
    fn a_korean_date_with_blanks_alone_between_its_parts_after_its_label() {
        let text = "구청 소식지 명예기자단 출범\n김민지 기자\n입력 2022 11 20 20:28\n\
                    구청은 지난 17일 소식지 명예기자 위촉식을 열고 주민 기자 17명에게 위촉장을 전달했다고 밝혔다.\n\
                    명예기자들은 앞으로 한 해 동안 동네의 소식을 취재해 소식지에 싣게 된다고 구청은 설명했다.\n";
        let (_, date, _, _) = parts(text);
        assert_eq!(date.as_deref(), Some("2022-11-20"));
        // Without the label, figures so set apart are no date.
        assert_eq!(parts(&text.replace("입력 ", "")).1, None);
    }

    #[test]
    fn a_boards_time_stamp_alone_is_read_year_first_on_a_korean_page() {
        let text = "뉴스홈\n경제 | 문화 | 사회\n금천구, 국민행복민원실 국무총리 표창 수상!\n21-11-25 13:49\n본문\n\
                    서울 금천구가 11월 24일 금천구청에서 개최된 제12회 민원공무원의 날 행사에서 우수기관 표창을 받았다.\n\
                    민원공무원의 날은 민원업무 담당 공무원을 격려하고 사기를 진작하기 위해 제정된 날이다.\n목록\n";
        let (title, published, _, _) = parts(text);
        assert_eq!(title, "금천구, 국민행복민원실 국무총리 표창 수상!");
        assert_eq!(published.as_deref(), Some("2021-11-25"));
        // On an English page the same stamp says nothing of its order.
        let text =
            format!("City News\nHome | News\nCouncil Wins Award for Service\nby City News\n21-11-25 13:49\n{PROSE}\n");
        let (title, published, _, _) = parts(&text);
        assert_eq!((title.as_str(), published), ("Council Wins Award for Service", None));
    }

    #[test]
    fn a_crumb_of_the_trail_repeated_under_it_is_the_sections_heading() {
        let text = format!(
            "Riverside District Council\nSkip to main content\nHome > Community and Leisure > Archived News > 2014\n\n\
             Community and Leisure\n\nSwimming pool to reopen after a summer of repairs\n\nTuesday June 3 2014\n\n{PROSE}\n"
        );
        let (title, published, paragraphs, boilerplate) = parts(&text);
        assert_eq!(title, "Swimming pool to reopen after a summer of repairs");
        assert_eq!(published.as_deref(), Some("2014-06-03"));
        assert_eq!(paragraphs.len(), 2);
        assert!(boilerplate.contains(&"Community and Leisure".to_string()));
    }

    #[test]
    fn a_date_set_off_by_dashes_between_the_source_and_a_reading_time() {
        let text = format!(
            "Le Courrier du Val\nAccueil | Région | Sports | Loisirs\n\nLa piscine rouvre après l’été\n\n\
             Le Courrier du Val - 3 juin 2014 à 06:00 - Temps de lecture :\n\n{PROSE}\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!((title.as_str(), published.as_deref()), ("La piscine rouvre après l’été", Some("2014-06-03")));
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
    }

    #[test]
    fn a_deck_closed_by_its_byline_and_labelled_date_dates_the_article() {
        let text = format!(
            "Le Courrier du Val\nAccueil | Région | Sports | Loisirs\n\nLa piscine rouvre après l’été\n\n\
             Après des travaux qui ont duré tout l’été, la piscine municipale rouvre ses portes aux nageurs ce \
             lundi matin. Par J.D - Publié le Lundi 2 Juin 2014 à 08:30\n\n{PROSE}\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!((title.as_str(), published.as_deref()), ("La piscine rouvre après l’été", Some("2014-06-02")));
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(!paragraphs.iter().any(|p| p.contains("Publié le")), "{paragraphs:?}");
    }

    #[test]
    fn an_image_alt_text_run_into_the_only_paragraph_leaves_it_prose() {
        let text = "Городской портал\nГлавная\nНовости\nКонтакты\n\nАвтобус пойдёт в новый микрорайон\n\n\
                    Дата публикации : 16/11/2016 09:10\n\n\
                    автобусЖители микрорайона не раз обращались в администрацию города с вопросом об организации \
                    автобусного сообщения. Сообщаем, что принято постановление о продлении маршрута до микрорайона, \
                    и автобусы будут ходить туда два раза в час.\n\nВсе новости\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!((title.as_str(), published.as_deref()), ("Автобус пойдёт в новый микрорайон", Some("2016-11-16")));
        assert_eq!(paragraphs.len(), 1, "{paragraphs:?}");
    }

    #[test]
    fn a_notice_closed_by_its_end_mark_ends_there() {
        let text = "군산시 보건소\n보건소소개 | 건강증진 | 감염병관리 | 보건소식\n\n예방접종 기준 개정 알림\n작성일 2022.03.14\n\n\
                    1. 관련: 감염병의 예방 및 관리에 관한 법률 제32조에 따라 예방접종 기준을 개정하였습니다.\n\
                    2. 개정된 기준을 붙임과 같이 알려 드리니 업무에 참고하시기 바랍니다. 붙임 1부.  끝.\n\
                    공공누리 공공저작물 자유이용허락 제4유형 출처표시 상업적 이용금지 변경금지 조건에 따라 이용할 수 있습니다\n\
                    열람하신 정보에 대해 만족하십니까?\n";
        let (_, published, paragraphs, _) = parts(text);
        assert_eq!(published.as_deref(), Some("2022-03-14"));
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(paragraphs[1].ends_with("끝."));
    }

    #[test]
    fn a_most_read_label_of_the_day_over_a_list_of_teasers_ends_the_article() {
        let text = "Hoy en la Comarca\nInicio | Comarca | Sucesos | Deportes\n\n\
             El nuevo hospital recibirá a sus primeros pacientes en agosto\n\nPublicado 18 Jun 2025 13:38\n\n\
             El consejero de Sanidad no pone fecha exacta para la llegada de los primeros pacientes al nuevo hospital de la ciudad.\n\n\
             Los primeros pacientes irán al área de radioterapia, según ha explicado el consejero a los medios de comunicación.\n\n\
             Lo más leído hoy\n\n- Un incendio obliga a desalojar un edificio de viviendas en el centro de la capital\n";
        let (_, _, paragraphs, boilerplate) = parts(text);
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(boilerplate.iter().any(|b| b.starts_with("- Un incendio")));
    }

    #[test]
    fn a_paywalls_sentence_goes_on_over_lines_opening_in_lower_case() {
        let text = format!(
            "Le Courrier du Val\nAccueil | Région | Sports | Loisirs\n\nLa piscine rouvre après l’été\n\n3 juin 2014\n\n{PROSE}\n\n\
             ...pour lire la suite, rejoignez notre communauté d'abonnés\n\n\
             et accédez à tous nos articles sur le site et l'application\n\nà partir de 1 € le premier mois, sans engagement\n\n\
             Necesitas ser suscriptor para acceder a esta funcionalidad.\n"
        );
        let (_, _, paragraphs, _) = parts(&text);
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
    }

    #[test]
    fn a_photos_alt_text_of_a_sentence_over_its_credited_caption_is_no_paragraph() {
        let text = "Le Courrier du Val\nAccueil\nRégion\n\nLes élèves de retour à l'école\n\n\
                    Le maire a fait sa tournée de rentrée, ici à l'école maternelle du centre.\n\n\
                    Le maire a fait sa tournée de rentrée, ici à l'école maternelle du centre. Photo DDM\n\n\
                    Publié le 22/09/2015\n\n\
                    Une rentrée calme et plutôt positive, avec des effectifs stables dans la plupart des écoles du département.\n\n\
                    Les syndicats espèrent pourtant deux ouvertures de classes dans les communes qui grandissent le plus vite.\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!((title.as_str(), published.as_deref()), ("Les élèves de retour à l'école", Some("2015-09-22")));
        assert!(paragraphs[0].starts_with("Une rentrée calme"), "{paragraphs:?}");
    }

    #[test]
    fn a_date_glued_to_the_clock_time_over_it_dates_the_article() {
        let text = format!(
            "Новый город\nГлавная | Новости | Общество\n\nОчередь в детские сады сократится\n\n10:3529.08.2012г.\n\n{PROSE}\n"
        );
        let (_, published, _, _) = parts(&text);
        assert_eq!(published.as_deref(), Some("2012-08-29"));
    }

    #[test]
    fn the_breadcrumbs_last_crumb_names_a_short_headline() {
        let text = "Тяжинский муниципальный район\nГлавная | Новости | Администрация | Документы\n\
                    Главная » 2017 Апрель 17 » Аппаратное совещание\n\nАппаратное совещание\n\n\
                    В администрации района прошло аппаратное совещание.\n\n\
                    Совещание началось с торжественного открытия акции, посвящённой Дню Победы, в которой приняли участие сотрудники администрации.\n\n\
                    Категория: Новости района | Добавил: admin | Дата: 17.04.2017\nВсего комментариев: 0\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!((title.as_str(), published.as_deref()), ("Аппаратное совещание", Some("2017-04-17")));
        assert_eq!(paragraphs.len(), 2);
    }

    #[test]
    fn a_headline_given_twice_in_a_row_over_the_date_is_the_headline() {
        let text = format!(
            "Первый Тульский\nНовости | Общество | Экономика | Спорт\n\
             МФЦ Тульской области стал лучшим на конкурсе многофункциональных центров России\n\
             МФЦ Тульской области стал лучшим на конкурсе многофункциональных центров России\n\
             В конкурсе принимали участие 77 регионов страны, где собралось более 186 заявок\n17:46 | 29.10.2025\n{PROSE}\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "МФЦ Тульской области стал лучшим на конкурсе многофункциональных центров России");
        assert_eq!(published.as_deref(), Some("2025-10-29"));
    }

    #[test]
    fn an_undated_page_under_a_breadcrumb_ending_in_the_news_section_is_news() {
        let text = "台中市政府全球资讯网\n认识台中\n市政资讯\n现在位置 首页 > 热门公告 > 市政新闻\n友善列印\n回上一页\n\
                    为梨山居民拉近户政服务距离 中市府勇夺政府服务奖\n\
                    行政院国家发展委员会第6届政府服务奖公布得奖结果,台中市政府以梨山户政服务获奖,为民服务获得肯定。\n\
                    研考会说明,政府服务奖素有政府机关为民服务的奥斯卡奖之称,今年共有多个机关参赛,竞争激烈。\n\
                    台中市政府 版权所有\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!((title.as_str(), published), ("为梨山居民拉近户政服务距离 中市府勇夺政府服务奖", None));
        assert_eq!(paragraphs.len(), 2);
    }

    #[test]
    fn a_short_exclamation_is_a_headline_and_a_back_link_none() {
        let text = format!(
            "Riverside County Administration\nHome | News | Documents\nHome / News\nWe Are the Best Again!\n\
             {PROSE}\n19 October 2018\nShare: Facebook | Twitter\n← Back to the news list\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!((title.as_str(), published.as_deref()), ("We Are the Best Again!", Some("2018-10-19")));
        assert!(short_exclamation("По эффективности мы - лучшие!", 5.0));
        assert!(!short_exclamation("The council approved the programme after a long public debate!", 10.0));
    }

    #[test]
    fn a_latin_line_over_a_body_in_another_script_is_no_headline() {
        let body = "جو 24 : رجحت مصادر مطلعة تعيين وزير السياحة الأسبق أمينا للعاصمة، خلفا لرئيس لجنة إدارة الأمانة في المدينة.\n\
                    وكان آخر أمين للعاصمة هو المهندس الذي أقيل من منصبه في العام الماضي، قبل أن تشكل الحكومة لجنة إدارة مؤقتة.\n";
        let text = format!(
            "2024-07-30 - الثلاثاء\nWeather Data Source: het weer vandaag Amman per uur\n\
             الرئيسية | محليات | اقتصاد\nترجيح تعيين وزير سابق أمينا للعاصمة\nترجيح تعيين وزير سابق أمينا للعاصمة\n{body}\
             تابعو الموقع على google news\n"
        );
        assert_eq!(parts(&text).0, "ترجيح تعيين وزير سابق أمينا للعاصمة");
    }

    #[test]
    fn a_table_of_contents_under_the_headline_is_no_article() {
        let text = format!("Official Gazette of the Council\n14 March 2023\nContents\n{PROSE}\n");
        assert!(news(&text).is_err());
        let text = format!("Official Gazette of the Council\n14 March 2023\n{PROSE}\n");
        assert!(news(&text).is_ok());
    }

    #[test]
    fn a_row_of_share_buttons_is_chrome() {
        let text = format!(
            "RSS 페이스북 공유하기 트위터 공유하기 프린트하기\nCouncil Opens New Library Branch\nPublished 3 March 2021\n{PROSE}\n"
        );
        assert_eq!(parts(&text).0, "Council Opens New Library Branch");
    }

    #[test]
    fn a_blog_entry_line_after_the_body_dates_the_post() {
        let text = format!(
            "Inside Riverside\nPress Releases\nCouncil Opens New Library Branch\n{PROSE}\n\
             This entry was posted in Press Releases on February 19, 2016. Bookmark the permalink.\nLeave a Reply\n"
        );
        assert_eq!(parts(&text).1.as_deref(), Some("2016-02-19"));
        // A date a release was issued on, in a list of them, is no label's.
        assert_eq!(label_before("the press release issued by the foreign office on ", 50), Label::None);
    }

    #[test]
    fn a_published_word_after_an_updated_label_is_its_particle() {
        // Last updated on: the article joined to the label's word, and the
        // word for `dated` after it.
        let before = "التحديث الاخير بتاريخ|";
        assert_eq!(label_before(before, before.len()), Label::Updated);
        let before = "آخر تحديث: ";
        assert_eq!(label_before(before, before.len()), Label::Updated);
        let before = "نشر بتاريخ ";
        assert_eq!(label_before(before, before.len()), Label::Published);
    }

    #[test]
    fn a_date_under_a_photos_caption_and_credit() {
        let caption = "The director, on the right of the photo, and the programme's head met the press on Tuesday \
                       to present the year's priorities for the digital services of the state.";
        let text = format!("Digital Government: The New Priorities\n{caption}\n©JN\nOn 20 September 2021\n{PROSE}\n");
        let (_, date, paragraphs, _) = parts(&text);
        assert_eq!(date.as_deref(), Some("2021-09-20"));
        assert_ne!(paragraphs[0], caption);
    }

    #[test]
    fn the_sites_name_beside_a_date_makes_it_the_date_bar() {
        let text = format!(
            "Riverside Workers Union | 28 March 2024.\nCouncil Opens New Library Branch\n{PROSE}\n17/07/2019.\n{PROSE}\n\
             Riverside Workers Union\nLegal notice | Privacy | Accessibility\n"
        );
        assert_eq!(parts(&text).1.as_deref(), Some("2019-07-17"));
    }

    #[test]
    fn a_reprint_notice_and_a_chinese_photo_credit_are_no_body() {
        let text = "十三届全国人大五次会议首场新闻发布会3月4日举行\n2022年03月02日 星期三\n\
                    会议新闻中心主任在发布会前与部分代表交流。（记者王明摄）\n\
                    据十三届全国人大五次会议新闻中心消息,会议将于2022年3月4日12时在人民大会堂新闻发布厅举行新闻发布会。\n\
                    为有效防控疫情,新闻发布会将采用网络视频形式进行。届时中央广播电视总台进行现场直播。\n\
                    1、凡注有“新天水讯”的稿件,均为本报版权稿件,未经许可不得转载或镜像。\n";
        let (_, _, paragraphs, boilerplate) = parts(text);
        assert!(paragraphs[0].starts_with("据十三届"), "{paragraphs:?}");
        assert!(!paragraphs.iter().any(|p| p.contains("不得转载") || p.contains("摄）")), "{paragraphs:?}");
        assert!(boilerplate.iter().any(|b| b.contains("不得转载")), "{boilerplate:?}");
    }

    #[test]
    fn an_agenda_after_the_body_makes_no_listing() {
        let text = format!(
            "Council Opens New Library Branch\nThursday, 14 February 2019\n{PROSE}\n\
             The branch has a reading room, a children's corner and a workshop with tools to borrow for a week.\n\
             Residents asked for it at two meetings last year, and the council found the money in its budget.\n\
             Agenda\nSaturday, 17 January 2026\nSaturday, 24 January 2026\nSaturday, 28 February 2026\n\
             Saturday, 7 March 2026\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(published.as_deref(), Some("2019-02-14"));
        // Dated teasers with their summaries stay a listing.
        let listing = "News\n14 February 2019\nLibrary opens\n15 February 2019\nBridge closes\n\
                       16 February 2019\nMarket returns\n17 February 2019\nPark reopens\n18 February 2019\nPool opens\n";
        assert!(news(listing).unwrap_err().starts_with("a listing"));
    }

    #[test]
    fn a_chinese_label_after_the_site_and_the_reporter_dates_the_article() {
        let text = "全民国防消暑一夏 南区民兴公园亲子打水仗嗨翻天\n\
                    里报.tw 记者:林家庆 / 台中市 报导 发布时间:2023-08-27 15:57:43\n\
                    全民国防消暑一夏 南区民兴公园亲子打水仗嗨翻天_QRCODE码\n\
                    暑假迈入尾声,台中市南区公所与福平里办公处26日在福平里民兴公园举办年度活动,吸引许多亲子参加,现场气氛热烈。\n\
                    吴局长说明,国防是立国、建国根本,也是培植国力的泉源,现代国防以全民国防为主轴推动。\n";
        let (title, published, _, _) = parts(text);
        assert_eq!(title, "全民国防消暑一夏 南区民兴公园亲子打水仗嗨翻天");
        assert_eq!(published.as_deref(), Some("2023-08-27"));
    }

    #[test]
    fn a_list_of_keywords_under_the_headline_is_no_headline() {
        let text = format!(
            "Home | News | Contact\nNews\nCouncil Opens New Library Branch\nlibrary, town, people, books, spring\n{PROSE}\n"
        );
        assert_eq!(parts(&text).0, "Council Opens New Library Branch");
        assert!(keyword_list("город, общество, люди, весна, любовь"));
        assert!(keyword_list(
            "ambassadeur - reine - buckingham palace - lettres de créances - protocole - garde royale"
        ));
        assert!(!keyword_list("Paris - Lyon - Marseille - the trains ran late all day - strikes - what next."));
        assert!(!keyword_list("Bread, milk, eggs and butter: prices rise again"));
    }

    #[test]
    fn a_byline_of_several_labels_names_the_first_one() {
        let text = "天大校庆系列微视频\n作者:包庆龄 胡震泽编辑:梁绍楠 殷琪来源:新华社\n\
                    1895年10月2日,天津大学的前身北洋大学诞生,这是中国近代高等教育史上的第一所现代大学。\n\
                    校园里,学生、老师以及从五湖四海赶来的校友们汇聚一堂,为在130载岁月后依然朝气蓬勃的母校庆生。\n";
        let n = news(text).unwrap();
        assert_eq!(&text[n.byline.unwrap().name.range()], "包庆龄 胡震泽");
        assert_eq!(next_byline_label("John Smith, Source: Reuters"), None);
    }

    #[test]
    fn a_korean_photo_credit_and_the_decks_before_the_body() {
        let text = "동대문구, 언론홍보 강화 위해 구 누리집 일부 개편\n등록 2025-03-17 12:39:23\n\
                    • - 보도자료 게시판 개편 및 언론보도 게시판 신설\n• - 보도자료 작성법 담은 책자도 발간 및 교육을 준비하고 있다고 구는 밝혔다\n\
                    ▲ 사진=동대문구\n\
                    서울 동대문구는 보다 효과적인 언론홍보가 이뤄질 수 있도록 구 누리집 알림마당 코너를 일부 개편했다고 14일 밝혔다.\n\
                    구는 구정 소식을 전하는 알림마당 코너의 보도자료 게시판을 개편하고 언론보도 게시판을 새로 만들었다.\n";
        let (_, published, paragraphs, _) = parts(text);
        assert_eq!(published.as_deref(), Some("2025-03-17"));
        assert_eq!(paragraphs[0], "• - 보도자료 게시판 개편 및 언론보도 게시판 신설");
        assert!(!paragraphs.iter().any(|p| p.contains("사진=")), "{paragraphs:?}");
    }

    #[test]
    fn a_line_ending_in_an_address_heads_nothing() {
        let text = format!(
            "To read this story online go to: https://example.org/a/1\nCouncil Opens New Library Branch\nMarch 3, 2021\n{PROSE}\n"
        );
        let (title, _, _, boilerplate) = parts(&text);
        assert_eq!(title, "Council Opens New Library Branch");
        assert_eq!(boilerplate, ["To read this story online go to: https://example.org/a/1"]);
    }

    #[test]
    fn a_reading_time_line_is_chrome_in_every_language() {
        const ES: &str = "El ayuntamiento aprobó el nuevo programa de transparencia después de un largo debate público durante la primavera.\n\
            Los concejales dijeron que el programa publicará todos los contratos en la red una semana después de su firma.";
        const STANDFIRST: &str = "Un programa nuevo para publicar los contratos.";
        for (headline, line, body) in [
            ("El concejo respalda los contratos abiertos", "Tiempo de lectura: 4 minutos", ES),
            ("El concejo respalda los contratos abiertos", "Lectura de 3 min", ES),
            (
                "Le conseil soutient les contrats ouverts",
                "6 min de lecture",
                "Le conseil municipal a approuvé le nouveau programme de transparence après un long débat public au printemps.\n\
                 Les élus ont indiqué que le programme publiera chaque contrat en ligne dans la semaine de sa signature.",
            ),
            (
                "Совет поддержал открытые контракты",
                "Время чтения: 2 минуты",
                "Городской совет утвердил новую программу прозрачности после долгого общественного обсуждения весной.\n\
                 Депутаты сообщили, что программа будет публиковать каждый контракт в сети в течение недели после его подписания.",
            ),
        ] {
            // A standfirst and a byline line between the headline and the
            // reading time, as blog themes print them.
            let text = format!("{headline}\n\n{STANDFIRST}\npor 12 marzo, 2021\n{line}\n\n{body}\n");
            let (title, _, paragraphs, boilerplate) = parts(&text);
            assert_eq!(title, headline, "{line}");
            assert!(!paragraphs.iter().any(|p| p == line), "{line}: {paragraphs:?}");
            assert!(boilerplate.iter().any(|b| b == line), "{line}: {boilerplate:?}");
        }
    }

    #[test]
    fn a_korean_row_of_page_buttons_is_no_headline() {
        for buttons in [
            "이 기자의 다른기사 보기 인쇄하기 메일로 보내기 글자 크게 글자 작게",
            "크게 작게 위로 아래로 댓글로 가기 인쇄",
        ] {
            let text = format!(
                "지역 > 사회\n{buttons}\n시청, 공공 계약 전면 공개 추진\n\n김민수 기자 2021/03/12 [09:30]\n\n\
                 시청은 모든 공공 계약을 서명 후 일주일 안에 누리집에 공개하는 새 투명성 계획을 확정했다고 밝혔다.\n\
                 시의회는 봄 내내 이어진 공개 토론 끝에 이 계획을 승인했으며 다음 달부터 시행한다.\n"
            );
            let (title, published, _, boilerplate) = parts(&text);
            assert_eq!(title, "시청, 공공 계약 전면 공개 추진", "{buttons}");
            assert_eq!(published.as_deref(), Some("2021-03-12"));
            assert!(boilerplate.iter().any(|b| b == buttons), "{boilerplate:?}");
        }
    }

    #[test]
    fn a_call_to_the_reader_over_the_title_is_the_blogs_tagline() {
        let text = format!(
            "Principal's Corner\n\n\nCheck back every Friday for news!\n\nLibrary Reopens After Repairs\n\nMar 3, 2021\n\n{PROSE}\n"
        );
        let (title, published, _, boilerplate) = parts(&text);
        assert_eq!(title, "Library Reopens After Repairs");
        assert_eq!(published.as_deref(), Some("2021-03-03"));
        assert!(boilerplate.iter().any(|b| b == "Check back every Friday for news!"), "{boilerplate:?}");
        // A headline that exclaims, right over the date, stays the headline.
        let text = format!("City Hall\n\nThe Library Is Open Again!\n\nMar 3, 2021\n\n{PROSE}\n");
        assert_eq!(parts(&text).0, "The Library Is Open Again!");
    }

    #[test]
    fn a_short_title_given_twice_over_the_date_is_the_headline() {
        let text = format!("Opening hours\n\nOpening hours\n3 March 2021\n\n{PROSE}\n\nJane Doe\nChief Librarian\n");
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Opening hours");
        assert_eq!(published.as_deref(), Some("2021-03-03"));
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
    }

    #[test]
    fn a_page_title_with_the_site_and_the_date_dates_the_article() {
        let text = format!(
            "Council backs open contracts - City Wire, 12.03.2021\nSign in\n\nCouncil backs open contracts\n\n{PROSE}\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Council backs open contracts");
        assert_eq!(published.as_deref(), Some("2021-03-12"));
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        // Another title with a date after the site's name and more words is
        // no page title of this headline.
        let text = format!(
            "Other story - City Wire, archive of 12.03.2021 and more\n\nCouncil backs open contracts\n\n{PROSE}\n"
        );
        assert!(news(&text).is_err());
    }

    #[test]
    fn a_photos_lines_under_the_date_are_no_paragraphs() {
        for photo in ["Tram\nTram\nCrédit : © Jeanne Martin - Ville de Lyon", "Фото из архива редакции"]
        {
            let text = format!(
                "Le conseil soutient les contrats ouverts\n\nLes élus veulent publier chaque contrat.\n\nPublié : 5 mars 2021 à 10h12\n\n{photo}\n\n\
                 Le conseil municipal a approuvé le nouveau programme de transparence après un long débat public au printemps.\n\
                 Les élus ont indiqué que le programme publiera chaque contrat en ligne dans la semaine de sa signature.\n"
            );
            let (_, published, paragraphs, _) = parts(&text);
            assert_eq!(published.as_deref(), Some("2021-03-05"));
            assert!(paragraphs[0].starts_with("Le conseil municipal a approuvé"), "{photo}: {paragraphs:?}");
        }
    }

    #[test]
    fn a_posts_date_under_its_paragraphs_closes_it() {
        let text = "Restoration Update, March 5, 3:30pm\n\n\
            As we near the end of the third day of repairs, fewer than two thousand homes remain without power across forty separate sites. The count has dropped from twenty thousand at the height of the storm, and crews have made steady progress.\n\n\
            Most of the remaining outages affect fewer than ten homes each, which means the total falls slowly as each one is repaired. The same number of crews is still at work, and the goal has not changed since the beginning.\n\n\
            Thank you for your patience during this difficult time. We ask for your continued support as we work to bring the lights back on for everyone.\n\n\
            Posted on March 5, 2021\n\nYour browser is out of date!\n\nUpdate your browser to view this website correctly. Update my browser now\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "Restoration Update, March 5, 3:30pm");
        assert_eq!(published.as_deref(), Some("2021-03-05"));
        assert!(paragraphs[0].starts_with("As we near the end"), "{paragraphs:?}");
    }

    #[test]
    fn an_authors_name_printed_twice_and_title_over_the_date_are_no_headline() {
        let text = format!(
            "Opinion\nFifty years of the island's tourist board\n\
             The board that shaped how the island presents itself to visitors turns fifty this month, and its story is the island's.\n\
             Jane Doe\nJane Doe\nHistorian of the city of Riverside\nThursday, 20 November 2025, 23:54\n{PROSE}\n"
        );
        let (title, published, _, _) = parts(&text);
        assert_eq!(title, "Fifty years of the island's tourist board");
        assert_eq!(published.as_deref(), Some("2025-11-20"));
    }

    #[test]
    fn a_dated_headline_under_lists_of_links_is_the_articles() {
        let text = "Youth Resources\n\nLibraries and reading\n\nSport and leisure clubs\n\nVolunteering and civic engagement\n\n\
            In the same section:\n\n\
            Volunteers from the nursing school run a winter clinic for the homeless\n\
            A week of open workshops for teenagers across the northern districts in April\n\
            The student radio station of Lakeside College\n\n\
            On the same themes:\n\n\
            > testimonies\n\
            Apprentices and their mentors in the building trades\n\
            Young people and local elections: what the surveys showed over ten years\n\
            Teenagers design the new skate park with the town planners\n\n\
            At the university of Northfield\n\n\
            The story of the Night Owl newsletter\n\n\
            Posted on Tuesday 14 March 2006.\n\
            For the dean of students, the new student centre will give the newsletter a home where its volunteers can meet, write and print each week of the term.\n\n\
            The newsletter was founded by three first-year students who wanted to tell the campus what its clubs and societies were doing, and it has grown every year since.\n";
        let (title, published, paragraphs, _) = parts(text);
        assert_eq!(title, "The story of the Night Owl newsletter");
        assert_eq!(published.as_deref(), Some("2006-03-14"));
        assert!(paragraphs[0].starts_with("For the dean of students"), "{paragraphs:?}");
    }

    #[test]
    fn a_slideshows_caption_and_a_credit_after_a_comma_are_no_paragraphs() {
        let caption = "Two otters at play in the new pool on Tuesday morning.";
        let text = format!(
            "Otters move into their new home at the park\n\n2021-06-02 10:15\n\n{caption}\n{caption}\n\n\
             The park's two otters moved into a new enclosure with a deep pool and a bank of reeds on Tuesday morning.\n\n\
             Feeding time at the new pool, photo courtesy of the park\n\n\
             Keepers said the otters explored every corner of the pool within an hour and were diving for fish by noon.\n\n\
             {caption}\n{caption}\n"
        );
        let (title, published, paragraphs, _) = parts(&text);
        assert_eq!(title, "Otters move into their new home at the park");
        assert_eq!(published.as_deref(), Some("2021-06-02"));
        assert!(paragraphs[0].starts_with("The park's two otters"), "{paragraphs:?}");
        assert!(
            !paragraphs.iter().any(|p| p.contains("photo courtesy") || p.contains("otters at play")),
            "{paragraphs:?}"
        );
        // A sentence whose last clause opens with the word is prose.
        assert!(!super::caption(&format!("{PROSE_LINE}, photo exhibitions included.")));
    }
}
