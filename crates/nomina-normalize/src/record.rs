//! The canonical record, version 1 (`RECORD.md` is its contract).

use std::fmt;
use std::str::FromStr;

use nomina_lang::Lang;
pub use nomina_parse::IsoDate;
use nomina_refdata::{SdgGoal, SdgTarget};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The value of [`Record::schema`].
pub const SCHEMA: &str = "nomina.record/1";

/// One input document, normalized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// First 16 hex digits of the SHA-256 of the source bytes.
    pub id: String,
    /// Where the document came from and how it was decoded.
    pub source: Source,
    /// What the document is.
    pub kind: Kind,
    /// Languages of its labels and its prose.
    pub languages: Languages,
    /// The form's values, when `kind` is `nomination`.
    pub nomination: Option<Nomination>,
    /// The article, when `kind` is `news`.
    pub news: Option<News>,
    /// The text, when `kind` is `unknown`.
    pub text: Option<Text>,
    /// What happened on the way.
    pub diagnostics: Diagnostics,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The path as given, `/`-separated.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the bytes, in hex.
    pub sha256: String,
    /// The encoding used to decode, as encoding_rs names it.
    pub encoding: String,
    /// Why that encoding: `bom`, `declared`, `detected` or `assumed`.
    pub encoding_basis: String,
    /// For a WARC record: the URI it was fetched from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// For a WARC record: when it was fetched (`WARC-Date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
}

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A UNPSA nomination form.
    Nomination,
    /// A news article.
    News,
    /// Anything else.
    Unknown,
}

impl Kind {
    /// The name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Nomination => "nomination",
            Kind::News => "news",
            Kind::Unknown => "unknown",
        }
    }
}

/// Languages of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Languages {
    /// Language of the form's labels; `None` for news and unknown documents.
    pub labels: Option<String>,
    /// Language of most characters of the prose.
    pub content: Option<Lang>,
}

/// A member state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberState {
    /// The UN English name, or the name as written when it is not known.
    pub name: String,
    /// ISO 3166-1 alpha-2, when known.
    pub iso2: Option<String>,
}

/// An award category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryValue {
    /// The official English name, or the name as written when it is not known.
    pub name: String,
    /// Whether it is a special category.
    pub special: bool,
}

/// Serializes through `Display`, deserializes through `FromStr`.
macro_rules! serde_as_string {
    ($t:ty) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// An SDG target id in a record (`"16.b"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target(pub SdgTarget);

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Target {
    type Err = nomina_refdata::UnknownTarget;
    fn from_str(s: &str) -> Result<Target, Self::Err> {
        s.parse().map(Target)
    }
}

serde_as_string!(Target);

/// An SDG goal in a record, by number (`16`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Goal(pub SdgGoal);

impl Serialize for Goal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0.number())
    }
}

impl<'de> Deserialize<'de> for Goal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        SdgGoal::new(n).map(Goal).ok_or_else(|| serde::de::Error::custom(format!("{n} is not an SDG goal")))
    }
}

/// The values of a nomination form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nomination {
    /// The member state.
    pub member_state: Option<MemberState>,
    /// The institution's name.
    pub institution_name: Option<String>,
    /// The institution's type, as written.
    pub institution_type: Option<String>,
    /// The department's type, as written.
    pub department_type: Option<String>,
    /// `local`, `regional` or `national` (as written when not recognized).
    pub administrative_level: Option<String>,
    /// The initiative's name.
    pub initiative_name: Option<String>,
    /// Years in operation.
    pub operational_years: Option<u32>,
    /// The institution's website.
    pub website: Option<String>,
    /// Is it a public-sector initiative?
    pub public_sector: Option<bool>,
    /// The award category.
    pub category: Option<CategoryValue>,
    /// Is it relevant to the SDGs?
    pub sdg_relevant: Option<bool>,
    /// The goals it names, ascending.
    pub sdgs: Vec<Goal>,
    /// The targets it names, ascending.
    pub sdg_targets: Vec<Target>,
    /// Implemented for two years or more?
    pub implemented_two_years_or_more: Option<bool>,
    /// When it was implemented.
    pub implementation_date: Option<IsoDate>,
    /// Was the UN involved?
    pub un_involved: Option<bool>,
    /// The UN agencies involved.
    pub un_agencies: Vec<String>,
    /// Details of the UN's involvement.
    pub un_involvement_details: Option<String>,
    /// Submitted in the previous years?
    pub submitted_previously: Option<bool>,
    /// Already won an UNPSA?
    pub won_unpsa: Option<bool>,
    /// Won other awards?
    pub won_other_awards: Option<bool>,
    /// How the nominee learned about UNPSA.
    pub how_learned: Option<String>,
    /// Consent to validation contacts.
    pub validation_consent: Option<bool>,
    /// The form's answers, in the order of the form.
    pub answers: Vec<Answer>,
}

/// One answer of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The question's number.
    pub question: u32,
    /// The part's letter, if the question has parts.
    pub part: Option<String>,
    /// The prompt as written, word limit included, part marker excluded.
    pub prompt: String,
    /// The word limit the prompt states.
    pub word_limit: Option<u32>,
    /// The answer; `None` when empty or a bare placeholder.
    pub text: Option<String>,
    /// Language of `text`.
    pub language: Option<Lang>,
    /// Words of `text`, each CJK ideograph counting as one.
    pub word_count: usize,
}

/// A news article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct News {
    /// The headline.
    pub title: String,
    /// Who wrote or published it.
    pub byline: Option<String>,
    /// When it was published.
    pub published: Option<IsoDate>,
    /// Photo captions.
    pub captions: Vec<String>,
    /// Section headings, markers removed.
    pub headings: Vec<String>,
    /// Body paragraphs.
    pub paragraphs: Vec<String>,
    /// Site navigation and other text that is not the article.
    pub boilerplate: Vec<String>,
}

/// The text of a document of no known kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// One entry per non-empty source line.
    pub paragraphs: Vec<String>,
}

/// What happened on the way from bytes to record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Diagnostics {
    /// Repeated blocks dropped.
    pub duplicate_blocks_removed: usize,
    /// Fields whose dropped copy disagreed with the kept one.
    pub conflicts: Vec<Conflict>,
    /// Page chrome dropped.
    pub ui_text_removed: Vec<String>,
    /// Oddities, each with a code.
    pub warnings: Vec<Warning>,
    /// Text no rule claimed, verbatim.
    pub unparsed: Vec<String>,
    /// Non-whitespace characters accounted for nowhere (0 unless a rule
    /// loses text).
    pub uncovered_chars: usize,
    /// Why the document was taken for its kind, for a person.
    pub classification: String,
}

/// A field whose copies disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// Canonical key (`member_state`, `answer.3.a`).
    pub field: String,
    /// Raw text of the kept copy.
    pub kept: String,
    /// Raw text of the dropped copy.
    pub dropped: String,
}

/// An oddity met on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable code (`unknown_label`, `truncated`, ...).
    pub code: String,
    /// What happened, for a person.
    pub message: String,
    /// 1-based line of the decoded text, when it has one.
    pub line: Option<usize>,
    /// The source text the warning is about, verbatim, when it carries some.
    pub text: Option<String>,
}

impl Warning {
    /// A warning with a code, a message and a line.
    pub fn new(code: &str, message: impl Into<String>, line: Option<usize>) -> Warning {
        Warning { code: code.to_string(), message: message.into(), line, text: None }
    }

    /// The same warning, carrying `text`.
    pub fn with_text(mut self, text: impl Into<String>) -> Warning {
        self.text = Some(text.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn goals_and_targets_serialize_as_the_contract_says() {
        let g = Goal(SdgGoal::new(16).unwrap());
        assert_eq!(serde_json::to_string(&g).unwrap(), "16");
        let t: Target = "16.b".parse().unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"16.b\"");
        assert_eq!(serde_json::from_str::<Target>("\"16.b\"").unwrap(), t);
        assert!(serde_json::from_str::<Goal>("18").is_err());
    }
}
