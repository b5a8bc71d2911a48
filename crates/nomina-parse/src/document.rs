//! The parsed document: what each part of the text is, with its span.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::lines::Line;

/// A byte range of the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Whether the span holds no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a range, to index the text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A text line, by span and 1-based number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRef {
    /// The line's text, trimmed.
    pub span: Span,
    /// 1-based line number.
    pub line: usize,
}

/// A decoded text and what the parser made of it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The decoded text every span points into.
    pub text: String,
    /// Its lines.
    pub lines: Vec<Line>,
    /// What the text is.
    pub body: Body,
    /// Recognized labels per language (ISO 639-1), to tell the language of
    /// the form's labels.
    pub label_votes: BTreeMap<&'static str, usize>,
    /// Why the text was taken for what it is, for a person.
    pub classification: String,
}

impl Document {
    /// The text of `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The language most recognized labels are in, if any were recognized.
    pub fn label_lang(&self) -> Option<&'static str> {
        // Ties go to the first language in code order, so that the answer
        // never depends on map iteration.
        let mut best: Option<(&'static str, usize)> = None;
        for (&lang, &n) in &self.label_votes {
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((lang, n));
            }
        }
        best.map(|(lang, _)| lang)
    }
}

/// What a document is.
#[derive(Debug, Clone)]
pub enum Body {
    /// A nomination form.
    Form(Form),
    /// A news article.
    News(Box<crate::news::News>),
    /// Text of no known structure: its non-blank lines.
    Text(Vec<LineRef>),
}

/// A recognized line that is structure, not content: a section heading
/// (`Nomination form`) or page chrome (`Return to list`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Catalog key (`section.nomination_form`, `chrome.return_to_list`).
    pub key: &'static str,
    /// The whole line.
    pub at: LineRef,
}

/// A nomination form, every occurrence of every block kept in the order of
/// the text (duplicates are the normalizer's business).
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Section headings.
    pub sections: Vec<Marker>,
    /// Page chrome lines.
    pub chrome: Vec<Marker>,
    /// Fields of the institution block, before any basic-info question.
    pub institution: Vec<Field>,
    /// Basic-info questions (`Question 3: Sustainable Development Goals`).
    pub basic: Vec<BasicQuestion>,
    /// The form's numbered questions and their answers.
    pub questions: Vec<FormQuestion>,
    /// Lines outside any block that no rule claimed.
    pub stray: Vec<LineRef>,
    /// The rules between a questions' table's cells, its word-limit cells
    /// and the number on a later part's row: structure, read into the
    /// answers and not carried further.
    pub table_rules: Vec<Span>,
    /// Set when the text ends where more was due (no closing page chrome
    /// after the last question): the line it ends on.
    pub truncated_at: Option<usize>,
}

/// A labelled value of the basic-info part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Catalog key (`field.member_state`).
    pub key: &'static str,
    /// Language of the label's wording.
    pub lang: &'static str,
    /// The label as written, without its closing punctuation.
    pub label: Span,
    /// The label with its closing punctuation (what the label covers).
    pub label_full: Span,
    /// The value on the label's line, if any.
    pub value: Option<Span>,
    /// Values on the lines below the label (lists; a value moved to the next
    /// line).
    pub items: Vec<LineRef>,
    /// 1-based line of the label.
    pub line: usize,
    /// Which copy of its block this occurrence is in, from 0.
    pub copy: usize,
    /// How the label was recognized.
    pub matched: LabelMatch,
}

/// How a field's label was recognized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelMatch {
    /// The catalog's wording, folded.
    Exact,
    /// Close to a catalog wording: the share of common words, in percent.
    Loose {
        /// Dice's coefficient over folded words, in percent.
        score: u8,
    },
    /// By its place in its block and the kind of value it ends with.
    Position,
}

/// A line inside a basic-info block that no label claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLabel {
    /// The line.
    pub at: LineRef,
}

/// A basic-info question with its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasicQuestion {
    /// Its number.
    pub number: u32,
    /// The heading line.
    pub heading: LineRef,
    /// The title after the number, if any.
    pub title: Option<Span>,
    /// The catalog key of the title, if recognized (`heading.3`).
    pub title_key: Option<&'static str>,
    /// The fields under it.
    pub fields: Vec<Field>,
    /// Lines under it no label claimed.
    pub unknown: Vec<UnknownLabel>,
    /// Which copy of the basic-info block this is in, from 0.
    pub copy: usize,
}

/// A question of the nomination form proper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormQuestion {
    /// Its number.
    pub number: u32,
    /// The heading line (`Question 3`, `题 3`).
    pub heading: LineRef,
    /// Its parts; one part with `letter: None` for a question without parts.
    pub parts: Vec<Part>,
    /// Which copy of the form this is in, from 0.
    pub copy: usize,
}

/// A prompt and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// `a`, `b`, ... or `None` for a question without parts.
    pub letter: Option<char>,
    /// The part marker (`a.`), if any.
    pub marker: Option<Span>,
    /// The prompt's text, without the marker.
    pub prompt: Span,
    /// 1-based line of the prompt.
    pub line: usize,
    /// The word limit the prompt states.
    pub word_limit: Option<u32>,
    /// The catalog key of the prompt, if recognized (`prompt.3a`).
    pub prompt_key: Option<&'static str>,
    /// The answer's lines.
    pub answer: Vec<LineRef>,
}
