//! Scraped HTML pages to the lines of text nomina parses.
//!
//! The archive holds the same pages twice over: as plain-text dumps, one
//! block of lines per paragraph, and as the HTML they were scraped from.
//! This crate turns the HTML into the text form, so that the one parser in
//! `nomina-parse` reads both.
//!
//! - [`looks_like_html`] says whether decoded text is an HTML page at all.
//! - [`extract`] parses the page with `scraper` (html5ever, the parsing
//!   algorithm browsers use, so broken markup is repaired the way a browser
//!   would) and writes its body as lines: [`Extracted::text`].
//!
//! The text follows the dumps' layout: every block element (`p`, `div`,
//! `li`, `h1`–`h6`, `tr`...) is a line, a `<br>` breaks a line, inline
//! elements (`span`, `a`, `b`...) do not; paragraphs, headings and
//! containers of other blocks are set off by one blank line; table cells are
//! joined by a tab; `<pre>` keeps its line breaks. Entities are decoded,
//! runs of whitespace (the no-break space included) become one space, lines
//! are trimmed.
//!
//! What it leaves out, and reports in [`Extracted::removed`] as
//! [`Removed`] entries: scripts, styles, `<noscript>`, `<template>`,
//! `<iframe>` fallback text, navigation (`<nav>` and anything with
//! `role="navigation"`), the `<head>`, and the `<title>` (which becomes the
//! text only when the body has none). Comments, attributes (`alt`, `value`,
//! `title`...) and images are dropped without a record. Every other text
//! node of the page ends up in the text.
//!
//! ```
//! use nomina_html::{RemovedKind, extract, looks_like_html};
//!
//! let page = "<!DOCTYPE html><html><head><title>UNPSA</title></head><body>\
//!     <nav><a href=\"/\">Home</a></nav>\
//!     <h3>Question 1</h3>\
//!     <div>Member State <b>Republic&nbsp;of Korea</b><br>Institution Name Dangjin City</div>\
//!     <p>It helps &amp; it lasts.</p>\
//!     <script>track()</script></body></html>";
//! assert!(looks_like_html(page));
//! let out = extract(page);
//! assert_eq!(
//!     out.text,
//!     "Question 1\n\nMember State Republic of Korea\nInstitution Name Dangjin City\n\nIt helps & it lasts."
//! );
//! let removed: Vec<(&str, &str)> = out.removed.iter().map(|r| (r.kind.as_str(), r.text.as_str())).collect();
//! assert_eq!(removed, [("other", "UNPSA"), ("navigation", "Home"), ("script", "track()")]);
//! assert_eq!(out.removed[1].kind, RemovedKind::Navigation);
//! ```

mod detect;
mod render;

/// Whether decoded text is an HTML page rather than plain text: a doctype,
/// an `<html>`, `<head>` or `<body>` tag near the start, or markup throughout
/// (several tags of known HTML elements, at least one end tag or two void
/// tags such as `<br>`, on at least a third of the non-blank lines). Plain
/// text that mentions `<Innovative response>` in an answer is not HTML:
/// `Innovative` is no element name.
pub fn looks_like_html(text: &str) -> bool {
    detect::looks_like_html(text)
}

/// What an HTML page says, as lines, and what was left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The page's text: one line per block element, a blank line between
    /// paragraphs, headings and containers of blocks, entities decoded,
    /// whitespace collapsed, no leading, trailing or doubled blank lines.
    /// The `<title>` is not part of it unless the body has no text.
    pub text: String,
    /// Text dropped because it is not content, in document order, empty ones
    /// omitted.
    pub removed: Vec<Removed>,
    /// What the markup says of the page: its titles and dates.
    pub signals: PageSignals,
}

/// What a page's markup says of it, beside its text: the signals that news
/// extraction trusts over the text (the way htmldate and trafilatura do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageSignals {
    /// The `<title>`, whitespace collapsed.
    pub title: Option<String>,
    /// `og:title` (or `twitter:title`).
    pub og_title: Option<String>,
    /// The text of each `<h1>`.
    pub headings: Vec<String>,
    /// The text of each `<figcaption>`: a photo's caption, not the
    /// article's prose.
    pub captions: Vec<String>,
    /// The publication date as the markup gives it: `article:published_time`
    /// and like meta tags, else JSON-LD `datePublished`, else a `<time
    /// datetime>` (one in an `<article>` or marked `datePublished` first).
    pub published: Option<String>,
    /// The update date: `article:modified_time`, JSON-LD `dateModified`.
    pub modified: Option<String>,
    /// The page's own address as the markup gives it: `<link
    /// rel="canonical">`, else `og:url`.
    pub address: Option<String>,
    /// Whether the markup declares the page an article: `og:type` is
    /// `article`, or a JSON-LD `@type` is an article type (`NewsArticle`,
    /// `BlogPosting`, `Article` ...). The publisher's word, for a page that
    /// shows no date.
    pub article: bool,
    /// The 1-based numbers of the first and last line of [`Extracted::text`]
    /// inside the first `<article>` (else the first `<main>`), when there is
    /// one.
    pub content_lines: Option<(usize, usize)>,
}

/// One stretch of text left out of [`Extracted::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Why it was left out.
    pub kind: RemovedKind,
    /// All the text of the element, whitespace collapsed to single spaces.
    /// Removed elements of another kind nested inside it (a `<script>` in a
    /// `<nav>`) are entries of their own, after it.
    pub text: String,
}

/// Why text was left out of [`Extracted::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RemovedKind {
    /// A `<script>`.
    Script,
    /// A `<style>`.
    Style,
    /// Site navigation: a `<nav>`, or an element with `role="navigation"`.
    Navigation,
    /// An `<option>` of a list that a saved form did not select: one of the
    /// choices offered, not the answer given.
    Unselected,
    /// Anything else: the `<title>`, other `<head>` text, `<noscript>`,
    /// `<template>`, `<iframe>` fallback.
    Other,
}

impl RemovedKind {
    /// The kind as a lowercase word: `script`, `style`, `navigation`,
    /// `unselected` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovedKind::Script => "script",
            RemovedKind::Style => "style",
            RemovedKind::Navigation => "navigation",
            RemovedKind::Unselected => "unselected",
            RemovedKind::Other => "other",
        }
    }
}

/// Parses `html` as a page and returns its text as lines, and what was left
/// out. Never fails: html5ever repairs any markup, and text that is not HTML
/// at all comes back as one paragraph.
pub fn extract(html: &str) -> Extracted {
    render::extract(html)
}
