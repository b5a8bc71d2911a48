//! Reference data for nomina.
//!
//! Everything nomina knows about the world, as data rather than code:
//!
//! - the words of news pages' interface, date labels and function words, in
//!   seven languages ([`news_words`], hand-kept in `catalog/news.tsv`);
//! - the label [`Catalog`]: each label, heading, prompt, value and page-chrome
//!   line of the nomination form, per language, mapped to a canonical key
//!   (hand-kept in `catalog/*.tsv`, since no published source has it);
//! - [`SdgGoal`] and [`SdgTarget`], [`Country`], month names
//!   ([`month_from_name`]) and UNPSA [`Category`] names, from tables in
//!   `data/*.tsv` that the `nomina-refgen` crate generates from the published
//!   sources kept in `sources/` (`scripts/refdata.sh`; see `data/NOTICE.md`).
//!
//! Every table is read once per process, on first use. Names are compared
//! [folded](fold()): after compatibility normalization, case folding, and with
//! accents, punctuation and direction marks removed.
//!
//! What it leaves out: parsing. It answers "what is this name?", not "where
//! is the name in this text?".
//!
//! ```
//! use nomina_refdata::{Country, SdgGoal, month_from_name};
//! assert_eq!(Country::from_name("韩国").unwrap().iso2, "KR");
//! assert_eq!(SdgGoal::from_name("无贫穷").unwrap().number(), 1);
//! assert_eq!(month_from_name("Nov"), Some(11));
//! ```

mod catalog;
mod category;
mod country;
pub mod fold;
mod han;
pub mod memo;
mod month;
mod news_words;
mod sdg;
mod tsv;

pub use catalog::{
    Catalog, FUZZY_MIN_WORDS, FieldSpec, LabelEntry, LangCode, PrefixMatch, ValueKind, WordLimitPattern, catalog,
};
pub use category::Category;
pub use country::Country;
pub use fold::{Folded, fold};
pub use han::{simplified, simplified_text};
pub use month::month_from_name;
pub use news_words::{NewsWord, NewsWordClass, news_words};
pub use sdg::{SdgGoal, SdgTarget, UnknownTarget};

/// Builds every reference table now rather than at its first use. A program
/// about to convert many documents calls it while it lists them, so that
/// the first documents do not wait for the tables, one thread building them
/// and the others blocked.
pub fn prepare() {
    catalog();
    fold::prepare();
    han::prepare();
    country::prepare();
    month_from_name("");
    news_words();
    category::prepare();
    sdg::prepare();
}
