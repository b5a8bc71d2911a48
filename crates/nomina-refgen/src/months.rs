//! Month names (CLDR Gregorian calendar).

use std::collections::BTreeMap;

use crate::text::{clean, nfc};
use crate::{LANGS, RefgenError, Sources, bad};

/// Rows `lang name month`: the abbreviated and wide month names, format and
/// stand-alone, lower-cased; an abbreviation ending in a period also without
/// it, as forms often write it (`nov.` and `nov`).
pub fn months(src: &Sources) -> Result<Vec<Vec<String>>, RefgenError> {
    let mut month_of: BTreeMap<(&str, String), u32> = BTreeMap::new();
    let mut add = |lang: &'static str, name: String, month: u32| -> Result<(), RefgenError> {
        let have = *month_of.entry((lang, name.clone())).or_insert(month);
        if have != month {
            return Err(bad(format!("{lang} month name {name:?} means both {have} and {month}")));
        }
        Ok(())
    };
    for lang in LANGS {
        if !src.months.contains_key(lang) {
            return Err(bad(format!("cldr/months.json has no {lang} entry")));
        }
    }
    for (locale, calendar) in &src.months {
        let base = locale.split('-').next().unwrap_or(locale);
        let lang = *LANGS
            .iter()
            .find(|l| **l == base)
            .ok_or_else(|| bad(format!("cldr/months.json: locale {locale:?} of no language kept")))?;
        for context in ["format", "stand-alone"] {
            for width in ["abbreviated", "wide"] {
                let table = calendar
                    .get(context)
                    .and_then(|c| c.get(width))
                    .ok_or_else(|| bad(format!("{locale} {context} {width}: missing")))?;
                let mut numbers: Vec<u32> = Vec::with_capacity(12);
                for (key, value) in table {
                    let month: u32 =
                        key.parse().map_err(|_| bad(format!("{locale} {context} {width}: month {key:?}")))?;
                    numbers.push(month);
                    let name = nfc(&clean(value).to_lowercase());
                    let bare = (width == "abbreviated" && name.chars().count() > 1 && name.ends_with('.'))
                        .then(|| name[..name.len() - 1].to_string());
                    add(lang, name, month)?;
                    if let Some(bare) = bare {
                        add(lang, bare, month)?;
                    }
                }
                numbers.sort_unstable();
                if numbers != (1..=12).collect::<Vec<_>>() {
                    return Err(bad(format!("{locale} {context} {width}: not 12 months")));
                }
            }
        }
    }
    Ok(month_of.into_iter().map(|((lang, name), month)| vec![lang.to_string(), name, month.to_string()]).collect())
}
