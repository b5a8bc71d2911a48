//! nomina: scraped UNPSA pages to canonical records.
//!
//! This facade offers the whole pipeline in one call: bytes and a path in,
//! a [`Record`] or a typed [`Error`] out. The stages it runs are crates of
//! their own, re-exported here:
//!
//! 1. [`parse`] (`nomina-parse`): bytes to text ([`parse::decode`]), text to
//!    a span-carrying [`parse::Document`];
//! 2. [`normalize`] (`nomina-normalize`): document to [`Record`];
//! 3. [`lang`] (`nomina-lang`): the language detector the normalizer uses;
//! 4. [`refdata`] (`nomina-refdata`): labels, SDGs, countries, months and
//!    categories;
//! 5. [`html`] (`nomina-html`): a saved web page to the lines of its text,
//!    run before parsing when the decoded text is HTML.
//!
//! Beside the pipeline, [`tables`] lays out the tidy CSV tables of a record
//! and [`normalize::json_schema`] gives the record's JSON Schema.
//!
//! A [`Pipeline`] is cheap to share: build one, then call
//! [`Pipeline::convert`] from as many threads as you like.
//!
//! ```
//! let pipeline = nomina::Pipeline::new(nomina::Options::default());
//! let record = pipeline
//!     .convert(b"Member State Republic of Korea\nInstitution Name Dangjin City\nAdministrative Level Local\n", "a.txt")
//!     .unwrap();
//! assert_eq!(record.kind, nomina::Kind::Nomination);
//! assert_eq!(record.nomination.unwrap().administrative_level.as_deref(), Some("local"));
//! assert_eq!(pipeline.convert(b"", "empty.txt").unwrap_err().code(), "empty");
//! ```

use sha2::{Digest, Sha256};

pub use nomina_html as html;
pub use nomina_lang as lang;
pub use nomina_normalize as normalize;
pub use nomina_normalize::{DateOrder, Kind, Record, Warning};
pub use nomina_parse as parse;
pub use nomina_refdata as refdata;

pub mod tables;

/// Default largest document, in bytes (64 MiB, as RECORD.md says).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How a [`Pipeline`] converts.
#[derive(Debug, Clone)]
pub struct Options {
    /// How to read numeric dates whose day and month could be swapped.
    pub date_order: DateOrder,
    /// Whether to detect languages (off: every language is `null`).
    pub detect_language: bool,
    /// The languages detection chooses among (empty: all of [`lang::Lang::ALL`]).
    pub languages: Vec<lang::Lang>,
    /// How much work language detection may do.
    pub lang_mode: lang::LangMode,
    /// Largest document accepted, in bytes.
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            date_order: DateOrder::default(),
            detect_language: true,
            languages: Vec::new(),
            lang_mode: lang::LangMode::Fast,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Why a document could not become a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not a text document.
    #[error("{path}: {source}")]
    Decode {
        /// The document's path.
        path: String,
        /// What was wrong.
        source: parse::DecodeError,
    },
    /// The document is larger than [`Options::max_bytes`].
    #[error("{path}: {bytes} bytes, over the limit of {limit} (raise it with --max-bytes)")]
    TooLarge {
        /// The document's path.
        path: String,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
}

impl Error {
    /// A stable code for error lines (`empty`, `binary`, `too_large`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Decode { source, .. } => source.code(),
            Error::TooLarge { .. } => "too_large",
        }
    }
}

/// The whole pipeline, configured once and shared by every thread.
#[derive(Debug, Clone)]
pub struct Pipeline {
    options: Options,
    normalize: normalize::Options,
}

impl Pipeline {
    /// A pipeline with `options`. Builds the language detector on first use
    /// (once per process, shared).
    pub fn new(options: Options) -> Pipeline {
        let normalize = normalize::Options {
            date_order: options.date_order,
            detector: options.detect_language.then(|| lang::Detector::cached(&options.languages, options.lang_mode)),
        };
        Pipeline { options, normalize }
    }

    /// The options it was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Converts one document: `path` is recorded as `source.path`.
    pub fn convert(&self, bytes: &[u8], path: &str) -> Result<Record, Error> {
        self.convert_input(Input::new(bytes, path))
    }

    /// Converts one document with everything known of where it came from.
    pub fn convert_input(&self, input: Input<'_>) -> Result<Record, Error> {
        let Input { bytes, path, url, fetched, charset } = input;
        let size = bytes.len() as u64;
        if size > self.options.max_bytes {
            return Err(Error::TooLarge { path: path.to_string(), bytes: size, limit: self.options.max_bytes });
        }
        let decoded = parse::decode_declared(bytes, charset)
            .map_err(|source| Error::Decode { path: path.to_string(), source })?;
        let sha256 = hex(&Sha256::digest(bytes));
        let source = normalize::Source {
            path: path.to_string(),
            bytes: size,
            sha256: sha256.clone(),
            encoding: decoded.encoding.to_string(),
            encoding_basis: decoded.basis.as_str().to_string(),
            url: url.map(str::to_string),
            fetched: fetched.map(str::to_string),
        };
        let malformed = decoded.malformed;
        let quoted_printable = decoded.quoted_printable;
        // A saved web page: its text, laid out as lines, goes through the same
        // parser; what the page held besides its content is reported.
        let page = html::looks_like_html(&decoded.text);
        let (text, removed, hints) = if page {
            let extracted = html::extract(&decoded.text);
            let signals = extracted.signals;
            let hints = parse::PageHints {
                titles: signals.og_title.into_iter().chain(signals.title).chain(signals.headings).collect(),
                captions: signals.captions,
                published: signals.published,
                address: signals.address,
                content_lines: signals.content_lines,
                article: signals.article,
            };
            (extracted.text, extracted.removed, hints)
        } else {
            (decoded.text, Vec::new(), parse::PageHints::default())
        };
        let mut text = text;
        // Markup in plain text is left over from a page's source or a
        // Markdown export; a page's own text keeps what it shows.
        let repairs = if page { parse::repair_text(&mut text) } else { parse::repair_plain_text(&mut text) };
        let doc = parse::parse_with_hints(text, &hints);
        let mut record = normalize::normalize(&doc, source, sha256[..16].to_string(), &self.normalize);
        if !removed.is_empty() {
            let ui = &mut record.diagnostics.ui_text_removed;
            ui.splice(0..0, removed.into_iter().map(|r| r.text));
        }
        // What decoding and repairing did to the text, in the order it was
        // done, before the parser's own warnings.
        let mut done = Vec::new();
        if malformed > 0 {
            done.push(Warning::new(
                "lossy_decode",
                format!("{malformed} malformed byte sequences replaced by U+FFFD"),
                None,
            ));
        }
        if quoted_printable {
            done.push(Warning::new(
                "quoted_printable",
                "the bytes were quoted-printable: escapes and soft line breaks undone before decoding",
                None,
            ));
        }
        done.extend(repairs.warnings().into_iter().map(|(code, message, line)| Warning::new(code, message, line)));
        record.diagnostics.warnings.splice(0..0, done);
        Ok(record)
    }
}

/// Builds every table and compiles every pattern a [`Pipeline`] uses now,
/// rather than while it converts the first documents (one thread building
/// each and the others waiting): a batch converter starts it on a thread of
/// its own while it lists its inputs. Converting does not need it.
pub fn prepare() {
    normalize::prepare();
    lang::prepare();
}

/// One document to convert: its bytes and what is known of where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The document's bytes.
    pub bytes: &'a [u8],
    /// Its path, as the record will show it.
    pub path: &'a str,
    /// The URI it was fetched from (WARC records).
    pub url: Option<&'a str>,
    /// When it was fetched (WARC records).
    pub fetched: Option<&'a str>,
    /// A charset declared outside the bytes (an HTTP `Content-Type` header).
    pub charset: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// A document known by its bytes and path alone.
    pub fn new(bytes: &'a [u8], path: &'a str) -> Input<'a> {
        Input { bytes, path, url: None, fetched: None, charset: None }
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}
