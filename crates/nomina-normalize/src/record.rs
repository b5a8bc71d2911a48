//! The canonical record, version 1 (`RECORD.md` is its contract).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use nomina_lang::Lang;
use nomina_parse::EncodingBasis;
pub use nomina_parse::IsoDate;
use nomina_refdata::{SdgGoal, SdgTarget};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The value of [`Record::schema`].
pub const SCHEMA: &str = "nomina.record/1";

/// The JSON Schema (draft 2020-12) of a record as nomina writes it,
/// generated from these types: `$id` and `title` are [`SCHEMA`].
///
/// Fields that are always written are required (a missing value is
/// `null`); only `source.url` and `source.fetched` may be absent.
pub fn json_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().for_serialize().into_generator();
    let mut schema = generator.into_root_schema_for::<Record>().to_value();
    one_line_descriptions(&mut schema);
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".into(), SCHEMA.into());
    }
    schema
}

/// Doc comments wrap; a description is one line.
fn one_line_descriptions(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(s) if key == "description" => {
                        *s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    }
                    _ => one_line_descriptions(v),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(one_line_descriptions),
        _ => {}
    }
}

/// Every `source.encoding_basis` a record may carry.
const ENCODING_BASES: [&str; EncodingBasis::ALL.len()] = {
    let mut names = [""; EncodingBasis::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = EncodingBasis::ALL[i].as_str();
        i += 1;
    }
    names
};

/// One input document, normalized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "nomina.record/1",
    extend("allOf" = [
        {
            "if": { "properties": { "kind": { "const": "nomination" } } },
            "then": { "properties": { "nomination": { "type": "object" } } },
            "else": { "properties": { "nomination": { "type": "null" } } }
        },
        {
            "if": { "properties": { "kind": { "const": "news" } } },
            "then": { "properties": { "news": { "type": "object" } } },
            "else": { "properties": { "news": { "type": "null" } } }
        },
        {
            "if": { "properties": { "kind": { "const": "unknown" } } },
            "then": { "properties": { "text": { "type": "object" } } },
            "else": { "properties": { "text": { "type": "null" } } }
        }
    ])
)]
pub struct Record {
    /// The record's version: always `nomina.record/1`.
    #[schemars(extend("const" = SCHEMA))]
    pub schema: String,
    /// First 16 hex digits of the SHA-256 of the source bytes (two copies
    /// of one document share it; `source.path` tells them apart).
    #[schemars(regex(pattern = r"^[0-9a-f]{16}$"))]
    pub id: String,
    /// Where the document came from and how it was decoded.
    pub source: Source,
    /// What the document is: `nomination`, `news` or `unknown`.
    pub kind: Kind,
    /// Languages of its labels and its prose.
    pub languages: Languages,
    /// The form's values; non-null exactly when `kind` is `nomination`.
    pub nomination: Option<Nomination>,
    /// The article; non-null exactly when `kind` is `news`.
    pub news: Option<News>,
    /// The text; non-null exactly when `kind` is `unknown`.
    pub text: Option<Text>,
    /// What happened on the way from bytes to record.
    pub diagnostics: Diagnostics,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line, `/`-separated; for an archive
    /// member `ARCHIVE/MEMBER`. Unique within one run.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the bytes, in hex.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
    /// The encoding used to decode, as encoding_rs names it (`UTF-8`,
    /// `GBK`, `UTF-16LE`, `windows-1252`).
    pub encoding: String,
    /// Why that encoding: `bom`; `declared` by an HTML meta charset or the
    /// archive; `detected` by validation or detection; `assumed` when
    /// nothing could tell.
    #[schemars(extend("enum" = ENCODING_BASES))]
    pub encoding_basis: String,
    /// For a WARC record: the URI it was fetched from (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub url: Option<String>,
    /// For a WARC record: when it was fetched, its `WARC-Date` (absent
    /// otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub fetched: Option<String>,
}

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Languages {
    /// Language of the form's labels (of most recognized labels when they
    /// are mixed); `null` for news and unknown documents.
    #[schemars(with = "Option<LabelLangSchema>")]
    pub labels: Option<String>,
    /// Language of most characters of the prose (answers, article body,
    /// paragraphs).
    #[schemars(with = "Option<LangSchema>")]
    pub content: Option<Lang>,
}

/// A member state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MemberState {
    /// The UN English name (`Republic of Korea`), or the name as written
    /// when it is not known.
    pub name: String,
    /// ISO 3166-1 alpha-2 code (`KR`), when the name is known.
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    pub iso2: Option<String>,
}

/// An award category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CategoryValue {
    /// The official English name, or the name as written when it is not
    /// known.
    pub name: String,
    /// Whether it is a special category (such as the COVID-19 one).
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

impl JsonSchema for Target {
    fn schema_name() -> Cow<'static, str> {
        "Target".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An SDG target id: the goal's number, a dot, and the target's number or letter (`16.7`, `16.b`).",
            "type": "string",
            "pattern": r"^\d{1,2}\.(\d{1,2}|[a-z])$"
        })
    }
}

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

impl JsonSchema for Goal {
    fn schema_name() -> Cow<'static, str> {
        "Goal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An SDG goal, by its number.",
            "type": "integer",
            "minimum": 1,
            "maximum": 17
        })
    }
}

/// The schema of an [`IsoDate`] in a record: a calendar date, ISO 8601.
struct IsoDateSchema;

impl JsonSchema for IsoDateSchema {
    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar date, ISO 8601 (`2017-11-01`).",
            "type": "string",
            "format": "date",
            "pattern": r"^\d{4}-\d{2}-\d{2}$"
        })
    }
}

/// The schema of a [`Lang`] in a record: one of the codes nomina detects.
struct LangSchema;

impl JsonSchema for LangSchema {
    fn schema_name() -> Cow<'static, str> {
        "Lang".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        json_schema!({
            "description": "ISO 639-1 code of a language nomina detects.",
            "type": "string",
            "enum": codes
        })
    }
}

/// The schema of `languages.labels`: a language the label catalog has
/// labels in (the six UN languages).
struct LabelLangSchema;

impl JsonSchema for LabelLangSchema {
    fn schema_name() -> Cow<'static, str> {
        "LabelLang".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "ISO 639-1 code of a language the label catalog knows.",
            "type": "string",
            "enum": label_languages()
        })
    }
}

/// The languages of the label catalog, in the order of [`Lang::ALL`] (the
/// catalog's `und`, text no language translates, is no label language).
pub fn label_languages() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    for entry in nomina_refdata::catalog().entries() {
        if entry.lang != "und" && !codes.contains(&entry.lang) {
            codes.push(entry.lang);
        }
    }
    let rank = |code: &str| Lang::ALL.iter().position(|l| l.code() == code).unwrap_or(Lang::ALL.len());
    codes.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    codes
}

/// The values of a nomination form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Nomination {
    /// The member state, by its UN name and ISO code.
    pub member_state: Option<MemberState>,
    /// The institution's name, as written.
    pub institution_name: Option<String>,
    /// The institution's type: the form's option `Government(Local)`
    /// (`National`, `Regional`) where the form names a government and its
    /// level, or a local government, in any of the six languages (`Gobierno
    /// (local)`, `地方政府`, `Municipality`); else as written.
    pub institution_type: Option<String>,
    /// The department's type, as written.
    pub department_type: Option<String>,
    /// `local`, `regional` or `national` (as written when not recognized).
    pub administrative_level: Option<String>,
    /// The initiative's name, as written.
    pub initiative_name: Option<String>,
    /// Years in operation.
    pub operational_years: Option<u32>,
    /// The institution's website, as written.
    pub website: Option<String>,
    /// Is it a public-sector initiative?
    pub public_sector: Option<bool>,
    /// The award category, by its official English name.
    pub category: Option<CategoryValue>,
    /// Is it relevant to the SDGs?
    pub sdg_relevant: Option<bool>,
    /// The SDGs it names, by number, ascending (from their names in any of
    /// the six languages).
    #[schemars(extend("uniqueItems" = true))]
    pub sdgs: Vec<Goal>,
    /// The SDG targets it names, by id (`16.b`), ascending.
    #[schemars(extend("uniqueItems" = true))]
    pub sdg_targets: Vec<Target>,
    /// Implemented for two years or more?
    pub implemented_two_years_or_more: Option<bool>,
    /// When it was implemented, ISO 8601 (from `01 Nov 2017`, `01 2月 2020`).
    #[schemars(with = "Option<IsoDateSchema>")]
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
    /// How the nominee learned about UNPSA (`internet`, `government`, ...).
    pub how_learned: Option<String>,
    /// Consent to validation contacts.
    pub validation_consent: Option<bool>,
    /// The form's answers, in the order of the form; a sub-question shown
    /// with no answer still has its entry.
    pub answers: Vec<Answer>,
}

impl Nomination {
    /// A form with no value found yet.
    pub const EMPTY: Nomination = Nomination {
        member_state: None,
        institution_name: None,
        institution_type: None,
        department_type: None,
        administrative_level: None,
        initiative_name: None,
        operational_years: None,
        website: None,
        public_sector: None,
        category: None,
        sdg_relevant: None,
        sdgs: Vec::new(),
        sdg_targets: Vec::new(),
        implemented_two_years_or_more: None,
        implementation_date: None,
        un_involved: None,
        un_agencies: Vec::new(),
        un_involvement_details: None,
        submitted_previously: None,
        won_unpsa: None,
        won_other_awards: None,
        how_learned: None,
        validation_consent: None,
        answers: Vec::new(),
    };
}

/// One answer of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Answer {
    /// The question's number.
    #[schemars(range(min = 1))]
    pub question: u32,
    /// The part's letter (`a`, `b`, ...), `null` for a question without
    /// parts.
    #[schemars(with = "Option<String>", regex(pattern = r"^[a-z]$"))]
    pub part: Option<PartLetter>,
    /// The question's text as written in the source's label language, word
    /// limit included, part marker (`a. `) excluded.
    pub prompt: String,
    /// The word limit the prompt states (`(300 words maximum)`,
    /// `(最多300字)`), if any.
    pub word_limit: Option<u32>,
    /// The answer as written, lines joined with `\n`; `null` when empty or
    /// a bare placeholder (`.`, `-`).
    pub text: Option<String>,
    /// Language of `text`; `null` when `text` is `null`.
    #[schemars(with = "Option<LangSchema>")]
    pub language: Option<Lang>,
    /// Whitespace-separated words of `text`, each CJK ideograph counting as
    /// one; 0 when `text` is `null`.
    pub word_count: usize,
}

/// The letter of a part of a form question (`a`, `b`, ...), written in
/// the record as a one-letter string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartLetter(char);

impl PartLetter {
    /// The part lettered `letter`, a Latin lower-case letter.
    pub fn new(letter: char) -> Option<PartLetter> {
        letter.is_ascii_lowercase().then_some(PartLetter(letter))
    }

    /// The letter.
    pub fn letter(self) -> char {
        self.0
    }

    /// The letter as a string.
    pub fn as_str(self) -> &'static str {
        const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
        let i = usize::from(self.0 as u8 - b'a');
        &LETTERS[i..=i]
    }
}

impl fmt::Display for PartLetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for PartLetter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for PartLetter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(deserializer)?;
        let mut chars = s.chars();
        match (chars.next().and_then(PartLetter::new), chars.next()) {
            (Some(letter), None) => Ok(letter),
            _ => Err(serde::de::Error::custom(format!("a part letter is one of a to z, not {s:?}"))),
        }
    }
}

/// A news article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct News {
    /// The headline.
    pub title: String,
    /// Who wrote or published it.
    pub byline: Option<String>,
    /// When it was published, ISO 8601.
    #[schemars(with = "Option<IsoDateSchema>")]
    pub published: Option<IsoDate>,
    /// Photo captions.
    pub captions: Vec<String>,
    /// Section headings, markers removed.
    pub headings: Vec<String>,
    /// Body paragraphs, one per non-empty source line, headings and captions
    /// excluded.
    pub paragraphs: Vec<String>,
    /// Site navigation and other text that is not the article.
    pub boilerplate: Vec<String>,
}

/// The text of a document of no known kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Text {
    /// One entry per non-empty source line.
    pub paragraphs: Vec<String>,
}

/// What happened on the way from bytes to record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostics {
    /// Repeated blocks dropped (identical, differing in whitespace, or
    /// disagreeing).
    pub duplicate_blocks_removed: usize,
    /// Fields whose dropped copy disagreed with the kept one.
    pub conflicts: Vec<Conflict>,
    /// Page chrome dropped (`Return to list`, `Please wait...`; for HTML
    /// the text of scripts, styles and navigation).
    pub ui_text_removed: Vec<String>,
    /// Oddities met on the way, each with a code and its line.
    pub warnings: Vec<Warning>,
    /// Text no rule claimed, verbatim.
    pub unparsed: Vec<String>,
    /// Non-whitespace characters of the decoded input accounted for nowhere
    /// (0 unless a rule loses text).
    pub uncovered_chars: usize,
    /// Why the document was taken for its kind, for a person.
    pub classification: String,
}

/// A field whose copies disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Conflict {
    /// Canonical key (`member_state`, `answer.3.a`).
    pub field: String,
    /// Raw text of the kept copy.
    pub kept: String,
    /// Raw text of the dropped copy.
    pub dropped: String,
}

/// An oddity met on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// Stable code (`unknown_label`, `truncated`, `ambiguous_date`,
    /// `over_word_limit`, `lossy_decode`, `placeholder_answer`, ...).
    pub code: String,
    /// What happened, for a person.
    pub message: String,
    /// 1-based line of the decoded text, when it has one.
    #[schemars(range(min = 1))]
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
    fn part_letters_are_one_latin_lower_case_letter() {
        for c in 'a'..='z' {
            let p = PartLetter::new(c).unwrap();
            assert_eq!((p.letter(), p.as_str(), p.to_string()), (c, c.to_string().as_str(), c.to_string()));
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{c}\""));
            assert_eq!(serde_json::from_str::<PartLetter>(&json).unwrap(), p);
        }
        for c in ['A', '{', '`', 'б', '1'] {
            assert_eq!(PartLetter::new(c), None, "{c:?}");
        }
        for bad in ["\"\"", "\"ab\"", "\"A\"", "\"б\"", "1"] {
            assert!(serde_json::from_str::<PartLetter>(bad).is_err(), "{bad}");
        }
    }

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
    fn the_schema_is_generated_from_these_types() {
        let schema = json_schema();
        assert_eq!(schema["$id"], SCHEMA);
        assert_eq!(schema["title"], SCHEMA);
        assert_eq!(label_languages(), ["en", "zh", "fr", "es", "ru", "ar"]);
        let bases = &schema["$defs"]["Source"]["properties"]["encoding_basis"]["enum"];
        assert_eq!(bases, &serde_json::json!(["bom", "declared", "detected", "assumed"]));
        for basis in [EncodingBasis::Bom, EncodingBasis::Declared, EncodingBasis::Detected, EncodingBasis::Assumed] {
            assert!(ENCODING_BASES.contains(&basis.as_str()), "{basis:?}");
        }
        // Doc comments wrap; descriptions do not.
        assert_eq!(
            schema["$defs"]["Diagnostics"]["properties"]["uncovered_chars"]["description"],
            "Non-whitespace characters of the decoded input accounted for nowhere (0 unless a rule loses text)."
        );
        let answer = &schema["$defs"]["Answer"];
        assert_eq!(answer["properties"]["question"]["minimum"], 1);
        assert_eq!(answer["properties"]["part"]["pattern"], "^[a-z]$");
        assert_eq!(answer["required"].as_array().unwrap().len(), 7);
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
