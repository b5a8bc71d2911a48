//! Bytes to a typed, span-carrying nomina [`Document`].
//!
//! Two steps, each usable alone:
//!
//! 1. [`decode`]: bytes to text. A byte-order mark first, then a charset an
//!    HTML page declares, then UTF-8 validation, then detection with
//!    chardetng; decoding with encoding_rs. Empty and binary input are
//!    [`DecodeError`]s; malformed bytes are replaced and counted.
//! 2. [`parse`]: text to a [`Document`]. A nomination form becomes a
//!    [`Form`]: page chrome and section headings ([`Marker`]), the
//!    institution block and basic-info questions ([`BasicQuestion`] with
//!    [`Field`]s), and the form's questions ([`FormQuestion`] with
//!    [`Part`]s: prompt, word limit, answer lines). A news article becomes
//!    a [`News`]: headline, byline, date, captions, headings, paragraphs and
//!    trailing boilerplate (the rule is in the `news` module's docs, repeated
//!    on [`News`]). Anything else is kept as its lines ([`Body::Text`]).
//!
//! Every element carries the [`Span`] of the text it came from, so that a
//! later stage can tell which characters of the input it accounted for.
//! Blocks that a scraped page repeats are all kept, each marked with the copy
//! it belongs to; choosing between copies is the normalizer's job.
//!
//! What it leaves out: value normalization (dates, countries, SDGs) and
//! language detection.
//!
//! ```
//! use nomina_parse::{Body, parse};
//! let doc = parse("Basic Info\n\nMember State Republic of Korea\nInstitution Name Dangjin City\n\nQuestion 1\n\nPlease describe the initiative. (300 words maximum)\nIt helps.\n".to_string());
//! let Body::Form(form) = &doc.body else { panic!("not a form") };
//! assert_eq!(form.institution[0].key, "field.member_state");
//! assert_eq!(doc.slice(form.institution[0].value.unwrap()), "Republic of Korea");
//! assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
//! assert_eq!(doc.label_lang(), Some("en"));
//! ```

mod asciidoc;
mod columns;
mod date;
mod decode;
mod document;
mod dump;
mod error;
mod export;
mod form;
mod formdata;
mod latex;
mod ldif;
mod lines;
mod literal;
mod mail;
mod messages;
mod news;
mod notes;
mod org;
mod patch;
mod pod;
mod printr;
mod psql;
mod rtf;
mod sexpr;
mod speech;
mod sqldump;
mod subtitles;
mod survey;
mod table;
mod telex;
#[cfg(test)]
mod testgen;
mod texinfo;
mod toml;
mod transcript;
mod troff;
mod vcard;
mod words;
mod yaml;

pub use date::{DateOrder, FoundDate, IsoDate, ParsedDate, find_dates, parse_date};
pub use decode::{Decoded, EncodingBasis, Repairs, decode, decode_declared, repair_plain_text, repair_text};
pub use document::{
    BasicQuestion, Body, Document, Field, Form, FormQuestion, LabelMatch, LineRef, Marker, Part, Span, UnknownLabel,
};
pub use error::DecodeError;
pub use form::{
    LOADING_CHROME, UNRECOGNIZED_CHROME, boxed_options, bullet_len, goal_number, level_named, listed_item,
    suffixed_level, target_id, target_number, ticked_option, unticked_item, word_limit, yes_no,
};
pub use lines::{Line, lines};
pub use news::{Byline, Dated, Heading, News, PageHints};
pub use words::{ascii_prefix, is_ascii_blank, word_count};

/// Builds the reference tables and compiles the patterns now rather than
/// at their first use (see [`nomina_refdata::prepare`]).
pub fn prepare() {
    nomina_refdata::prepare();
    form::prepare();
    date::prepare();
    news::prepare();
}

/// Parses decoded text into a [`Document`]: a form when it has a form's
/// structure, else a news article when it reads as one, else plain text.
pub fn parse(text: String) -> Document {
    parse_with_hints(text, &PageHints::default())
}

/// [`parse`], with what a saved page's markup says of it (its titles, its
/// dates, where its article stands): a news article is read with these
/// stronger signals first and its text as the fallback.
pub fn parse_with_hints(text: String, hints: &PageHints) -> Document {
    let lines = lines::lines(&text);
    let not_form = match form::parse_form(&text, &lines) {
        Ok((form, label_votes, hits)) => {
            let classification = format!("nomination: {hits} form labels and question headings recognized");
            return Document { body: Body::Form(form), label_votes, classification, lines, text };
        }
        Err(hits) => format!("not a form ({hits} form labels or question headings, fewer than 3)"),
    };
    // A page in traditional Chinese is read in simplified characters, at
    // the same offsets, as the catalog's words are written.
    let simplified = nomina_refdata::simplified_text(&text);
    let simplified_hints;
    let (news_text, hints) = match &simplified {
        Some(s) => {
            simplified_hints = PageHints {
                titles: hints
                    .titles
                    .iter()
                    .map(|t| nomina_refdata::simplified_text(t).unwrap_or_else(|| t.clone()))
                    .collect(),
                ..hints.clone()
            };
            (s.as_str(), &simplified_hints)
        }
        None => (text.as_str(), hints),
    };
    let (body, classification) = match news::parse_news_with(news_text, &lines, hints) {
        Ok(article) => {
            let why = format!("news: {}", article.signals);
            (Body::News(Box::new(article)), why)
        }
        Err(not_news) => {
            let paragraphs = lines
                .iter()
                .filter(|l| !l.trimmed.is_empty())
                .map(|l| LineRef { span: l.trimmed, line: l.number })
                .collect();
            (Body::Text(paragraphs), format!("unknown: {not_form}; not news ({not_news})"))
        }
    };
    Document { body, label_votes: Default::default(), classification, lines, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_in_traditional_chinese_is_read_as_the_simplified_one() {
        // The labels `記者` and `發佈時間` are the catalog's `记者` and
        // `发布时间`; the record keeps the page's own characters.
        let text = "市府舉行年終成果發表會\n記者:林家慶 發佈時間:2023-08-27 15:57\n\
                    暑假邁入尾聲,台中市南區公所與福平里辦公處26日在福平里民興公園舉辦年度活動,吸引許多親子參加。\n\
                    吳局長說明,國防是立國、建國根本,也是培植國力的泉源,現代國防以全民國防為主軸推動。\n"
            .to_string();
        let doc = parse(text.clone());
        let Body::News(n) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(&text[n.title.span.range()], "市府舉行年終成果發表會");
        assert_eq!(n.published.as_ref().unwrap().found.month_first.to_string(), "2023-08-27");
        assert_eq!(&text[n.byline.as_ref().expect("a byline").name.range()], "林家慶");
    }
}
