//! SDG goals and targets (open-sdg sdg-translations).

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use crate::text::clean;
use crate::{LANGS, RefgenError, Sources, bad};

/// open-sdg's folder for a project language: its Chinese is `zh-Hans`.
pub fn sdg_folder(lang: &str) -> &str {
    if lang == "zh" { "zh-Hans" } else { lang }
}

/// Rows `goal lang kind name`: every goal's short name and title in the six
/// languages, and the project's variant spellings as kind `alias`.
pub fn goals(src: &Sources) -> Result<Vec<Vec<String>>, RefgenError> {
    let key_re = Regex::new(r"^([0-9]+)-(short|title)$").expect("valid pattern");
    // (goal, lang) -> kind -> name
    let mut names: BTreeMap<(u32, &str), BTreeMap<&str, String>> = BTreeMap::new();
    let mut rows: BTreeSet<(u32, String, String, String)> = BTreeSet::new();
    for lang in LANGS {
        let folder = sdg_folder(lang);
        let data = src.sdg_goals.get(folder).ok_or_else(|| bad(format!("sdg/goals.json has no {folder} entry")))?;
        for (key, value) in data {
            let (Some(caps), Some(value)) = (key_re.captures(key), value.as_str()) else {
                return Err(bad(format!("{lang} global_goals.yml: unexpected key {key:?}")));
            };
            let goal: u32 = caps[1].parse().map_err(|_| bad(format!("{lang} goal key {key:?}")))?;
            let kind = if &caps[2] == "short" { "short" } else { "title" };
            let name = clean(value);
            names.entry((goal, lang)).or_default().insert(kind, name.clone());
            rows.insert((goal, lang.to_string(), kind.to_string(), name));
        }
        let goals: Vec<u32> = names.keys().filter(|(_, l)| *l == lang).map(|(g, _)| *g).collect();
        if goals != (1..=17).collect::<Vec<_>>() {
            return Err(bad(format!("{lang} global_goals.yml: goals {goals:?}, expected 1..17")));
        }
        for goal in goals {
            if names[&(goal, lang)].len() != 2 {
                return Err(bad(format!("{lang} goal {goal}: missing short or title")));
            }
        }
    }
    for alias in &src.aliases.sdg_goal_aliases {
        let have = names
            .get(&(alias.goal, alias.lang.as_str()))
            .ok_or_else(|| bad(format!("alias: no goal {} in {}", alias.goal, alias.lang)))?;
        if have["short"] != clean(&alias.published) {
            return Err(bad(format!(
                "alias check: {} goal {} short is now {:?}, not {:?}; review sources/project/aliases.json",
                alias.lang, alias.goal, have["short"], alias.published
            )));
        }
        let name = clean(&alias.alias);
        if !have.values().any(|v| *v == name) {
            rows.insert((alias.goal, alias.lang.clone(), "alias".to_string(), name));
        }
    }
    Ok(rows.into_iter().map(|(g, l, k, n)| vec![g.to_string(), l, k, n]).collect())
}

/// The part of a target id after the goal: numbers sort numerically and
/// before letters (`1.1` ... `1.5`, `1.a`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Number(u32),
    Letter(String),
}

/// Rows `target goal`: every target id, the same in all six languages.
pub fn targets(src: &Sources) -> Result<Vec<Vec<String>>, RefgenError> {
    let key_re = Regex::new(r"^([0-9]+)-([0-9]+|[a-z])-title$").expect("valid pattern");
    let mut by_lang: BTreeMap<&str, BTreeSet<(u32, String)>> = BTreeMap::new();
    for lang in LANGS {
        let folder = sdg_folder(lang);
        let keys = src
            .sdg_target_keys
            .get(folder)
            .ok_or_else(|| bad(format!("sdg/target_keys.json has no {folder} entry")))?;
        let mut ids = BTreeSet::new();
        for key in keys {
            let caps = key_re
                .captures(key)
                .ok_or_else(|| bad(format!("{lang} global_targets.yml: unexpected key {key:?}")))?;
            let goal: u32 = caps[1].parse().map_err(|_| bad(format!("{lang} target key {key:?}")))?;
            ids.insert((goal, caps[2].to_string()));
        }
        by_lang.insert(lang, ids);
    }
    let english = &by_lang["en"];
    for (lang, ids) in &by_lang {
        if ids != english {
            let show = |set: Vec<&(u32, String)>| set.iter().map(|(g, p)| format!("{g}.{p}")).collect::<Vec<_>>();
            return Err(bad(format!(
                "SDG target ids differ between en and {lang}: missing {:?}, extra {:?}",
                show(english.difference(ids).collect()),
                show(ids.difference(english).collect())
            )));
        }
    }
    if english.iter().map(|(g, _)| *g).collect::<BTreeSet<_>>() != (1..=17).collect() {
        return Err(bad("SDG targets do not cover goals 1..17"));
    }
    let mut ordered: Vec<(u32, Part, &str)> = english
        .iter()
        .map(|(g, p)| {
            let part = p.parse().map_or_else(|_| Part::Letter(p.clone()), Part::Number);
            (*g, part, p.as_str())
        })
        .collect();
    ordered.sort();
    Ok(ordered.into_iter().map(|(g, _, p)| vec![format!("{g}.{p}"), g.to_string()]).collect())
}
