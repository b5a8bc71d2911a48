//! Language of a text, for nomina.
//!
//! nomina needs the language of free text (answers, article bodies) among a
//! small, known set: the six UN languages plus Korean. This crate wraps
//! [lingua] behind nomina's own [`Lang`] type, so a lingua upgrade touches
//! this crate alone, and builds the detector once for the whole process.
//!
//! Detection is cheap where the script settles it: a text written mostly in
//! Han, Hangul, Arabic or Cyrillic letters needs no statistical model. Latin
//! text goes to lingua, which is built with only the models of the languages
//! nomina knows (`default-features = false`).
//!
//! What it leaves out: mixed-language segmentation, and any language outside
//! [`Lang`].
//!
//! ```
//! use nomina_lang::{Detector, Lang};
//! let detector = Detector::shared();
//! assert_eq!(detector.detect("The initiative improved public services."), Some(Lang::En));
//! assert_eq!(detector.detect("无贫穷"), Some(Lang::Zh));
//! assert_eq!(detector.detect("..."), None);
//! ```

use std::fmt;
use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language nomina can name: the six UN languages and Korean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Chinese.
    Zh,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Russian.
    Ru,
    /// Arabic.
    Ar,
    /// Korean.
    Ko,
}

impl Lang {
    /// Every language, in a fixed order.
    pub const ALL: [Lang; 7] = [Lang::En, Lang::Zh, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar, Lang::Ko];

    /// The ISO 639-1 code (`"en"`, `"zh"`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
            Lang::Ko => "ko",
        }
    }

    /// The language for an ISO 639-1 code, if nomina knows it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    fn to_lingua(self) -> Language {
        match self {
            Lang::En => Language::English,
            Lang::Zh => Language::Chinese,
            Lang::Fr => Language::French,
            Lang::Es => Language::Spanish,
            Lang::Ru => Language::Russian,
            Lang::Ar => Language::Arabic,
            Lang::Ko => Language::Korean,
        }
    }

    fn from_lingua(language: Language) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.to_lingua() == language)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| serde::de::Error::custom(format!("unknown language code {code:?}")))
    }
}

/// Letters of a text counted by script.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Latin letters.
    pub latin: usize,
    /// Han ideographs (and kana, which nomina's set has no model for).
    pub han: usize,
    /// Hangul syllables and jamo.
    pub hangul: usize,
    /// Arabic letters.
    pub arabic: usize,
    /// Cyrillic letters.
    pub cyrillic: usize,
    /// Letters of any other script.
    pub other: usize,
}

impl ScriptCounts {
    /// Counts the letters of `text` by script.
    pub fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        for c in text.chars() {
            if !c.is_alphabetic() {
                continue;
            }
            let cp = c as u32;
            match cp {
                0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => counts.latin += 1,
                0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => counts.cyrillic += 1,
                0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                    counts.arabic += 1
                }
                0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xD7B0..=0xD7FF => {
                    counts.hangul += 1
                }
                0x2E80..=0x2FDF
                | 0x3040..=0x30FF
                | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF
                | 0xF900..=0xFAFF
                | 0x20000..=0x3FFFF => counts.han += 1,
                _ => counts.other += 1,
            }
        }
        counts
    }

    /// All letters counted.
    pub fn total(&self) -> usize {
        self.latin + self.han + self.hangul + self.arabic + self.cyrillic + self.other
    }

    /// The language the script alone settles, when one non-Latin script
    /// holds most letters: Han is Chinese, Hangul Korean, Arabic Arabic,
    /// Cyrillic Russian (the only Cyrillic language in the set).
    pub fn settled_lang(&self) -> Option<Lang> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let candidates =
            [(self.han, Lang::Zh), (self.hangul, Lang::Ko), (self.arabic, Lang::Ar), (self.cyrillic, Lang::Ru)];
        candidates.into_iter().find(|(n, _)| *n * 2 > total).map(|(_, lang)| lang)
    }
}

/// A language detector over [`Lang`], safe to share between threads.
pub struct Detector {
    lingua: LanguageDetector,
}

impl fmt::Debug for Detector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Detector").finish_non_exhaustive()
    }
}

impl Detector {
    /// Builds a detector for every language in [`Lang::ALL`].
    ///
    /// Building loads lingua's models lazily; prefer [`Detector::shared`],
    /// which builds one for the whole process.
    pub fn new() -> Detector {
        let languages: Vec<Language> = Lang::ALL.iter().map(|l| l.to_lingua()).collect();
        let lingua = LanguageDetectorBuilder::from_languages(&languages).build();
        Detector { lingua }
    }

    /// The process-wide detector, built on first use.
    pub fn shared() -> &'static Detector {
        static SHARED: OnceLock<Detector> = OnceLock::new();
        SHARED.get_or_init(Detector::new)
    }

    /// The language of `text`, or `None` when it has no letters or lingua
    /// cannot decide.
    pub fn detect(&self, text: &str) -> Option<Lang> {
        let counts = ScriptCounts::of(text);
        if counts.total() == 0 {
            return None;
        }
        if let Some(lang) = counts.settled_lang() {
            return Some(lang);
        }
        self.lingua.detect_language_of(text).and_then(Lang::from_lingua)
    }
}

impl Default for Detector {
    fn default() -> Self {
        Detector::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn script_settles_non_latin_text() {
        assert_eq!(ScriptCounts::of("良好健康与福祉").settled_lang(), Some(Lang::Zh));
        assert_eq!(ScriptCounts::of("대한민국 정부").settled_lang(), Some(Lang::Ko));
        assert_eq!(ScriptCounts::of("не более 300 слов").settled_lang(), Some(Lang::Ru));
        assert_eq!(ScriptCounts::of("كلمة كحد أقصى").settled_lang(), Some(Lang::Ar));
        assert_eq!(ScriptCounts::of("Quality education").settled_lang(), None);
    }

    #[test]
    fn mixed_script_goes_by_majority() {
        // Mostly English with a few ideographs: the script does not settle it.
        let text = "The Ministry (内政部) improved services for all citizens";
        assert_eq!(ScriptCounts::of(text).settled_lang(), None);
        assert_eq!(Detector::shared().detect(text), Some(Lang::En));
    }

    #[test]
    fn lingua_tells_latin_languages_apart() {
        let d = Detector::shared();
        assert_eq!(d.detect("Veuillez décrire brièvement l'initiative et ses objectifs."), Some(Lang::Fr));
        assert_eq!(d.detect("Por favor describa brevemente la iniciativa y sus objetivos."), Some(Lang::Es));
        assert_eq!(d.detect("Please describe the initiative and its objectives."), Some(Lang::En));
    }

    #[test]
    fn no_letters_no_language() {
        assert_eq!(Detector::shared().detect(". - 123"), None);
        assert_eq!(Detector::shared().detect(""), None);
    }
}
