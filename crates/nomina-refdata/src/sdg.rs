//! Sustainable Development Goals and their targets.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use crate::tsv;

const GOALS_TSV: &str = include_str!("../data/sdg_goals.tsv");
const TARGETS_TSV: &str = include_str!("../data/sdg_targets.tsv");

/// One of the 17 Sustainable Development Goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SdgGoal(u8);

impl SdgGoal {
    /// The goal numbered `n`, if there is one (1 to 17).
    pub fn new(n: u8) -> Option<SdgGoal> {
        (1..=17).contains(&n).then_some(SdgGoal(n))
    }

    /// The goal's number.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The goal's English short name (`Peace, justice and strong institutions`).
    pub fn short_name(self) -> &'static str {
        tables().short_en[usize::from(self.0) - 1]
    }

    /// The goal whose short name, title or known variant, in any of the six
    /// languages, is `name` (compared folded: case, accents and punctuation
    /// aside).
    pub fn from_name(name: &str) -> Option<SdgGoal> {
        SdgGoal::from_folded_name(&crate::fold(name))
    }

    /// [`SdgGoal::from_name`] of a name already folded with [`crate::fold()`].
    pub fn from_folded_name(folded: &str) -> Option<SdgGoal> {
        tables().by_name.get(folded).copied()
    }

    /// The goal whose name `folded` (folded with [`crate::fold()`]) is, or
    /// is a close variant of: goal names are worded differently from one
    /// UN page to another (`和平、正义与强大机构` on un.org, `和平、正义且强大的机构`
    /// in the published translations; `instituciones sólidas` and
    /// `instituciones fuertes`). Close means that most of the words (each
    /// ideograph counting as a word) are shared, by a Dice coefficient of
    /// at least 0.75, and that no other goal comes within 0.2 of it.
    pub fn from_folded_name_near(folded: &str) -> Option<SdgGoal> {
        if let Some(goal) = SdgGoal::from_folded_name(folded) {
            return Some(goal);
        }
        let words = name_words(folded);
        if words.is_empty() || words.len() > NEAR_NAME_MAX_WORDS {
            return None;
        }
        // Words shared with each name, counted through the index of the
        // names' words: most lines share none.
        let t = tables();
        let mut shared: HashMap<usize, usize> = HashMap::default();
        for w in &words {
            for &i in t.near_index.get(*w).map_or(&[][..], Vec::as_slice) {
                *shared.entry(i).or_default() += 1;
            }
        }
        // Each goal's best score over its names, then the best goal and the
        // one after it.
        let mut by_goal = [0.0_f64; 17];
        for (i, n) in shared {
            let (goal, name_len) = t.near_names[i];
            let score = 2.0 * n as f64 / (words.len() + name_len) as f64;
            let best = &mut by_goal[usize::from(goal.0) - 1];
            *best = best.max(score);
        }
        let mut ranked: Vec<(f64, u8)> = (1..=17).map(|n| (by_goal[usize::from(n) - 1], n)).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (score, goal) = ranked[0];
        let runner_up = ranked[1].0;
        (score >= NEAR_NAME_MIN && score - runner_up >= NEAR_NAME_MARGIN).then_some(SdgGoal(goal))
    }
}

/// The least Dice coefficient of a goal name's close variant.
const NEAR_NAME_MIN: f64 = 0.75;
/// How far the closest goal must come before any other.
const NEAR_NAME_MARGIN: f64 = 0.2;
/// Lines longer than this are no goal's name.
const NEAR_NAME_MAX_WORDS: usize = 40;

/// An Arabic word without the conjunction and the article written onto it
/// (`والمؤسسات`, `المؤسسات` and `مؤسسات` are one word), where a stem of three
/// letters or more is left.
fn arabic_stem(word: &str) -> &str {
    let mut stem = word;
    for prefix in ["و", "ال"] {
        if let Some(rest) = stem.strip_prefix(prefix)
            && rest.chars().count() >= 3
        {
            stem = rest;
        }
    }
    stem
}

/// The words of a folded name, each CJK ideograph a word of its own, as a
/// set.
fn name_words(folded: &str) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    for word in folded.split_whitespace() {
        if word.chars().any(crate::fold::is_cjk) {
            words.extend(word.char_indices().map(|(i, c)| &word[i..i + c.len_utf8()]));
        } else {
            words.push(arabic_stem(word));
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

impl fmt::Display for SdgGoal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One of the 169 SDG targets, by its id (`16.7`, `16.b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SdgTarget {
    goal: SdgGoal,
    part: TargetPart,
}

/// The part of a target id after the dot: numbered targets come before
/// lettered ones (`1.5` < `1.a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum TargetPart {
    Number(u8),
    Letter(char),
}

impl SdgTarget {
    /// The goal the target belongs to.
    pub fn goal(self) -> SdgGoal {
        self.goal
    }
}

impl fmt::Display for SdgTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            TargetPart::Number(n) => write!(f, "{}.{}", self.goal, n),
            TargetPart::Letter(c) => write!(f, "{}.{}", self.goal, c),
        }
    }
}

/// A target id that names no published target.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an SDG target id")]
pub struct UnknownTarget(pub String);

impl FromStr for SdgTarget {
    type Err = UnknownTarget;

    /// Parses a published id such as `16.b` (case-insensitive).
    fn from_str(s: &str) -> Result<SdgTarget, UnknownTarget> {
        let unknown = || UnknownTarget(s.to_string());
        let (g, p) = s.trim().split_once('.').ok_or_else(unknown)?;
        let goal = g.parse().ok().and_then(SdgGoal::new).ok_or_else(unknown)?;
        let part = if let Ok(n) = p.parse::<u8>() {
            TargetPart::Number(n)
        } else {
            let mut chars = p.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => TargetPart::Letter(c.to_ascii_lowercase()),
                _ => return Err(unknown()),
            }
        };
        let target = SdgTarget { goal, part };
        if tables().targets.contains(&target) { Ok(target) } else { Err(unknown()) }
    }
}

struct Tables {
    by_name: HashMap<String, SdgGoal>,
    /// Every name's goal and number of words (see [`name_words`]), for
    /// close variants.
    near_names: Vec<(SdgGoal, usize)>,
    /// The names (indexes into `near_names`) each word stands in.
    near_index: HashMap<String, Vec<usize>>,
    short_en: Vec<&'static str>,
    targets: Vec<SdgTarget>,
}

/// Builds the tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    tables();
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut by_name = HashMap::default();
        let mut short_en = vec![""; 17];
        let mut near_names: Vec<(SdgGoal, usize)> = Vec::new();
        let mut near_index: HashMap<String, Vec<usize>> = HashMap::default();
        for row in tsv::rows(GOALS_TSV, 4) {
            let goal = row[0].parse().ok().and_then(SdgGoal::new).expect("sdg_goals.tsv: goal 1-17");
            if row[1] == "en" && row[2] == "short" {
                short_en[usize::from(goal.0) - 1] = row[3];
            }
            let folded = crate::fold(row[3]);
            let words = name_words(&folded);
            for w in &words {
                near_index.entry((*w).to_string()).or_default().push(near_names.len());
            }
            near_names.push((goal, words.len()));
            by_name.entry(folded).or_insert(goal);
        }
        let targets = tsv::rows(TARGETS_TSV, 2)
            .map(|row| {
                let (g, p) = row[0].split_once('.').expect("sdg_targets.tsv: id with a dot");
                let goal = g.parse().ok().and_then(SdgGoal::new).expect("sdg_targets.tsv: goal");
                let part = p.parse().map_or_else(
                    |_| TargetPart::Letter(p.chars().next().expect("sdg_targets.tsv: part")),
                    TargetPart::Number,
                );
                SdgTarget { goal, part }
            })
            .collect();
        Tables { by_name, near_names, near_index, short_en, targets }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_by_name_in_any_language() {
        assert_eq!(SdgGoal::from_name("Peace, Justice and Strong Institutions"), SdgGoal::new(16));
        assert_eq!(SdgGoal::from_name("Partnerships for the goals"), SdgGoal::new(17));
        assert_eq!(SdgGoal::from_name("无贫穷"), SdgGoal::new(1));
        assert_eq!(SdgGoal::from_name("良好健康与福祉"), SdgGoal::new(3));
        assert_eq!(SdgGoal::from_name("优质教育"), SdgGoal::new(4));
        assert_eq!(SdgGoal::from_name("减少不平等"), SdgGoal::new(10));
        assert_eq!(SdgGoal::from_name("Something else"), None);
    }

    #[test]
    fn goals_by_a_close_variant_of_their_name() {
        let near = |s: &str| SdgGoal::from_folded_name_near(&crate::fold(s)).map(SdgGoal::number);
        // un.org's wordings beside the published translations'.
        assert_eq!(near("和平、正义与强大机构"), Some(16));
        assert_eq!(near("Paz, justicia e instituciones sólidas"), Some(16));
        assert_eq!(near("Alianzas para lograr los objetivos"), Some(17));
        assert_eq!(near("السلام والعدل والمؤسسات القوية"), Some(16));
        // Exact names still hold.
        assert_eq!(near("无贫穷"), Some(1));
        // A label, a sentence, or a place name is none.
        assert_eq!(near("若上题回答为是,请注明与此项目关系最密切的可持续发展目标"), None);
        assert_eq!(near("Which SDG is the most relevant to the initiative?"), None);
        assert_eq!(near("Dangjin City"), None);
        assert_eq!(near(""), None);
    }

    #[test]
    fn english_short_names() {
        assert_eq!(SdgGoal::new(16).unwrap().short_name(), "Peace, justice and strong institutions");
        assert_eq!(SdgGoal::new(1).unwrap().short_name(), "No poverty");
    }

    #[test]
    fn targets_by_id() {
        let t: SdgTarget = "16.b".parse().unwrap();
        assert_eq!(t.to_string(), "16.b");
        assert_eq!(t.goal().number(), 16);
        assert_eq!("17.17".parse::<SdgTarget>().unwrap().to_string(), "17.17");
        assert!("16.z".parse::<SdgTarget>().is_err());
        assert!("18.1".parse::<SdgTarget>().is_err());
        assert!("1.9".parse::<SdgTarget>().is_err());
        assert!("3.8".parse::<SdgTarget>().unwrap() < "3.a".parse::<SdgTarget>().unwrap());
    }

    #[test]
    fn there_are_169_targets() {
        assert_eq!(tables().targets.len(), 169);
    }
}
