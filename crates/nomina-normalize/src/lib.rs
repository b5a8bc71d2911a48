//! A parsed nomina [`Document`] to the canonical [`Record`].
//!
//! The normalizer decides what the parser leaves open:
//!
//! - repeated blocks: the first copy of every field and question is kept,
//!   the others are counted in `diagnostics.duplicate_blocks_removed`, and a
//!   copy that disagrees with the kept one is reported as a [`Conflict`];
//! - canonical keys: catalog keys become the record's field names;
//! - values: member states to the UN name and ISO code, dates to ISO 8601
//!   ([`parse_date`]), yes and no to booleans, SDG names to goal numbers,
//!   target lines to target ids, categories to their official English name,
//!   administrative levels and how-learned answers to canonical words;
//! - free text: whitespace collapsed, NFC ([`clean_line`]), words counted,
//!   placeholders (`.`) set to null with a warning, the language detected;
//! - accounting: every span it puts somewhere is marked, and the
//!   non-whitespace characters of the input left unmarked are counted in
//!   `diagnostics.uncovered_chars`.
//!
//! What it leaves out: decoding and parsing (see `nomina-parse`), hashing
//! the source (the caller fills [`Source`]).
//!
//! ```
//! use nomina_normalize::{Options, Source, normalize};
//! let doc = nomina_parse::parse("Member State 韩国\nInstitution Name MOIS\nQuestion 4: Implementation Date\nPlease provide date of implemenation (dd/MM/yyyy) 01 2月 2020\n".to_string());
//! let source = Source { path: "a.txt".into(), bytes: 0, sha256: String::new(), encoding: "UTF-8".into(), encoding_basis: "detected".into(), url: None, fetched: None };
//! let record = normalize(&doc, source, "0000000000000000".into(), &Options::default());
//! let n = record.nomination.unwrap();
//! assert_eq!(n.member_state.unwrap().iso2.as_deref(), Some("KR"));
//! assert_eq!(n.implementation_date.unwrap().to_string(), "2020-02-01");
//! ```

mod coverage;
mod form;
mod news;
mod record;
mod text;

use nomina_lang::{Detector, Lang};
use nomina_parse::{Body, Document};

pub use coverage::Coverage;
pub use nomina_parse::{DateOrder, ParsedDate, parse_date};
pub use record::*;
pub use text::{clean_line, clean_lines, is_placeholder, word_count};

/// How to normalize.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// How to read numeric dates whose day and month could be swapped, when
    /// the label gives no hint.
    pub date_order: DateOrder,
    /// The language detector; `None` leaves every language `null`.
    pub detector: Option<&'static Detector>,
}

/// What the normalizer gathers besides the values.
#[derive(Default)]
pub(crate) struct Output {
    coverage: Coverage,
    warnings: Vec<Warning>,
    unparsed: Vec<String>,
    ui_text_removed: Vec<String>,
    conflicts: Vec<Conflict>,
    duplicate_blocks_removed: usize,
    content_chars: form::ContentChars,
}

/// Builds the tables and compiles the patterns of every stage up to here
/// now rather than at their first use (see [`nomina_refdata::prepare`]).
pub fn prepare() {
    nomina_parse::prepare();
    text::prepare();
}

/// Normalizes `doc` into a record for `source`, with `id` as its id.
pub fn normalize(doc: &Document, source: Source, id: String, options: &Options) -> Record {
    let mut out = Output { coverage: Coverage::for_text(&doc.text), ..Output::default() };
    let (kind, nomination, news, text, labels) = match &doc.body {
        Body::Form(f) => {
            let n = form::normalize_form(doc, f, options, &mut out);
            let labels = doc.label_lang().map(str::to_string);
            (Kind::Nomination, Some(n), None, None, labels)
        }
        Body::News(article) => {
            let n = news::normalize_news(doc, article, options, &mut out);
            (Kind::News, None, Some(n), None, None)
        }
        Body::Text(lines) => {
            let paragraphs: Vec<String> = lines.iter().map(|l| clean_line(doc.slice(l.span))).collect();
            for l in lines {
                out.coverage.mark(l.span);
            }
            if let Some(d) = options.detector {
                count_languages(d, &paragraphs, &mut out);
            }
            (Kind::Unknown, None, None, Some(Text { paragraphs }), None)
        }
    };
    let content = majority(&out.content_chars);
    let uncovered_chars = std::mem::take(&mut out.coverage).uncovered(&doc.text);
    Record {
        schema: SCHEMA.to_string(),
        id,
        source,
        kind,
        languages: Languages { labels, content },
        nomination,
        news,
        text,
        diagnostics: Diagnostics {
            duplicate_blocks_removed: out.duplicate_blocks_removed,
            conflicts: out.conflicts,
            ui_text_removed: out.ui_text_removed,
            warnings: out.warnings,
            unparsed: out.unparsed,
            uncovered_chars,
            classification: doc.classification.clone(),
        },
    }
}

/// Counts the characters of each paragraph under its language.
pub(crate) fn count_languages(d: &Detector, paragraphs: &[String], out: &mut Output) {
    let document = d.document_language(paragraphs.iter().map(String::as_str));
    for p in paragraphs {
        if let Some(lang) = d.detect_in(p, document) {
            *out.content_chars.entry(lang).or_default() += p.chars().count();
        }
    }
}

/// The language with the most characters; ties to the first in [`Lang::ALL`].
fn majority(chars: &form::ContentChars) -> Option<Lang> {
    let mut best: Option<(Lang, usize)> = None;
    for (&lang, &n) in chars {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((lang, n));
        }
    }
    best.map(|(l, _)| l)
}
