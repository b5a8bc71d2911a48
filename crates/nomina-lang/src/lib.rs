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
use std::sync::{Mutex, OnceLock};

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

/// A language code nomina does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}; known: {known}", known = Lang::ALL.map(Lang::code).join(", "))]
pub struct UnknownLang(pub String);

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

    /// The language a user names by its code (surrounding blanks aside), or an error that
    /// lists the codes nomina knows.
    pub fn parse(code: &str) -> Result<Lang, UnknownLang> {
        Lang::from_code(code.trim()).ok_or_else(|| UnknownLang(code.to_string()))
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
    /// Latin letters outside ASCII (`é`, `ñ`), counted in `latin` too.
    pub latin_extended: usize,
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
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most text is ASCII: a run of it is counted without branches
            // (which vectorizes), instead of decoding and tables; a chunk at
            // a time, so that a long run is found cheaply.
            let chunk = &bytes[i..bytes.len().min(i + 64)];
            let ascii = if chunk.is_ascii() { chunk.len() } else { chunk.iter().take_while(|b| b.is_ascii()).count() };
            if ascii > 0 {
                counts.latin += chunk[..ascii].iter().map(|b| u32::from(b.is_ascii_alphabetic())).sum::<u32>() as usize;
                i += ascii;
                continue;
            }
            let c = text[i..].chars().next().expect("a char starts here");
            i += c.len_utf8();
            if !c.is_alphabetic() {
                continue;
            }
            let cp = c as u32;
            match cp {
                0x41..=0x5A | 0x61..=0x7A => counts.latin += 1,
                0xC0..=0x24F | 0x1E00..=0x1EFF => {
                    counts.latin += 1;
                    counts.latin_extended += 1;
                }
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

/// How much work language detection may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LangMode {
    /// Cheap where the answer is clear (see [`Detector::detect_in`]).
    #[default]
    Fast,
    /// lingua over every text in full: the naive baseline.
    Full,
}

/// Letters of Latin text a text needs before its marker words are trusted.
const CONFIRM_MIN_LETTERS: usize = 40;
/// Distinct marker words that confirm a document's language in one text.
const CONFIRM_MIN_MARKERS: usize = 2;
/// Characters of a text lingua looks at in fast mode.
const SAMPLE_CHARS: usize = 300;
/// Characters of a document's prose lingua looks at to name the document's language.
const DOCUMENT_SAMPLE_CHARS: usize = 600;

/// Function words that, found together in a text, confirm its document's
/// language without a statistical model. Hand-kept: a handful of the most
/// frequent words of each Latin-script language nomina names.
const MARKERS_TSV: &str = include_str!("../data/markers.tsv");

/// Builds the table of marker words now rather than at its first use, as
/// `nomina_refdata::prepare` does for the reference tables.
pub fn prepare() {
    markers(Lang::En);
}

fn markers(lang: Lang) -> &'static [&'static str] {
    static TABLE: OnceLock<Vec<(Lang, Vec<&'static str>)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: Vec<(Lang, Vec<&'static str>)> = Vec::new();
        for line in MARKERS_TSV.lines().skip(1).filter(|l| !l.is_empty()) {
            let (code, word) = line.split_once('\t').expect("markers.tsv: two columns");
            let lang = Lang::from_code(code).expect("markers.tsv: a known language");
            match table.iter_mut().find(|(l, _)| *l == lang) {
                Some((_, words)) => words.push(word),
                None => table.push((lang, vec![word])),
            }
        }
        table
    });
    table.iter().find(|(l, _)| *l == lang).map_or(&[], |(_, w)| w.as_slice())
}

/// Whether `text` shows at least [`CONFIRM_MIN_MARKERS`] distinct marker
/// words of `lang` and no letter outside ASCII, which any of the other
/// Latin-script languages would show in a text this long.
fn confirms(text: &str, lang: Lang, counts: &ScriptCounts) -> bool {
    let words = markers(lang);
    if words.is_empty() || counts.latin < CONFIRM_MIN_LETTERS {
        return false;
    }
    if lang == Lang::En && counts.latin_extended > 0 {
        return false;
    }
    let mut seen = 0u32;
    for token in text.split(|c: char| !c.is_alphabetic()) {
        if token.len() <= 4
            && let Some(i) = words.iter().position(|w| w.eq_ignore_ascii_case(token))
        {
            seen |= 1 << i;
            if seen.count_ones() as usize >= CONFIRM_MIN_MARKERS {
                return true;
            }
        }
    }
    false
}

/// The first `max` characters of `text`, cut at a space when there is one.
fn sample(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        None => text,
        Some((end, _)) => {
            let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
            &text[..cut]
        }
    }
}

/// A language detector over [`Lang`], safe to share between threads.
pub struct Detector {
    lingua: LanguageDetector,
    languages: Vec<Lang>,
    mode: LangMode,
}

impl fmt::Debug for Detector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Detector").field("languages", &self.languages).field("mode", &self.mode).finish()
    }
}

impl Detector {
    /// Builds a fast detector for every language in [`Lang::ALL`].
    ///
    /// Prefer [`Detector::shared`] or [`Detector::cached`], which build one
    /// per configuration for the whole process.
    pub fn new() -> Detector {
        Detector::with(&Lang::ALL, LangMode::Fast)
    }

    /// Builds a detector for `languages` (all of them when empty) working in `mode`.
    pub fn with(languages: &[Lang], mode: LangMode) -> Detector {
        let languages = if languages.is_empty() { Lang::ALL.to_vec() } else { languages.to_vec() };
        let lingua_languages: Vec<Language> = languages.iter().map(|l| l.to_lingua()).collect();
        // lingua needs two languages to compare; one alone is the answer.
        let lingua = if lingua_languages.len() >= 2 {
            LanguageDetectorBuilder::from_languages(&lingua_languages).build()
        } else {
            LanguageDetectorBuilder::from_languages(&[Language::English, Language::French]).build()
        };
        Detector { lingua, languages, mode }
    }

    /// The process-wide fast detector of every language, built on first use.
    pub fn shared() -> &'static Detector {
        Detector::cached(&Lang::ALL, LangMode::Fast)
    }

    /// The process-wide detector of this configuration, built on first use
    /// and kept for the life of the process.
    pub fn cached(languages: &[Lang], mode: LangMode) -> &'static Detector {
        static BUILT: Mutex<Vec<&'static Detector>> = Mutex::new(Vec::new());
        let mut wanted = if languages.is_empty() { Lang::ALL.to_vec() } else { languages.to_vec() };
        wanted.sort();
        wanted.dedup();
        let mut built = BUILT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(d) = built.iter().find(|d| d.mode == mode && d.languages == wanted) {
            return d;
        }
        let detector: &'static Detector = Box::leak(Box::new(Detector::with(&wanted, mode)));
        built.push(detector);
        detector
    }

    /// The languages it names.
    pub fn languages(&self) -> &[Lang] {
        &self.languages
    }

    /// How it works.
    pub fn mode(&self) -> LangMode {
        self.mode
    }

    fn lingua(&self, text: &str) -> Option<Lang> {
        if let [only] = self.languages[..] {
            return Some(only);
        }
        self.lingua.detect_language_of(text).and_then(Lang::from_lingua).filter(|l| self.languages.contains(l))
    }

    /// The language of `text`, or `None` when it has no letters or nothing
    /// can decide.
    pub fn detect(&self, text: &str) -> Option<Lang> {
        self.detect_in(text, None)
    }

    /// The language of a document's prose as a whole, from a sample of its
    /// longest texts; `None` in full mode, which decides every text alone.
    pub fn document_language<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        if self.mode == LangMode::Full {
            return None;
        }
        let mut texts: Vec<&str> = texts.into_iter().collect();
        texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let mut joined = String::new();
        for t in texts {
            if joined.chars().count() >= DOCUMENT_SAMPLE_CHARS {
                break;
            }
            joined.push_str(sample(t, DOCUMENT_SAMPLE_CHARS));
            joined.push('\n');
        }
        let counts = ScriptCounts::of(&joined);
        if counts.total() == 0 {
            return None;
        }
        if let Some(lang) = counts.settled_lang().filter(|l| self.languages.contains(l)) {
            return Some(lang);
        }
        // Most of the archive's prose is English, which its function words
        // and the absence of accents tell without a model.
        if self.languages.contains(&Lang::En) && confirms(&joined, Lang::En, &counts) {
            return Some(Lang::En);
        }
        self.lingua(&joined)
    }

    /// The language of one text of a document whose prose is mostly in
    /// `document` (see [`Detector::document_language`]).
    ///
    /// Full mode runs lingua over the whole text. Fast mode decides by the
    /// script where it settles the question (Han, Hangul, Arabic, Cyrillic);
    /// takes the document's language when the text confirms it by its
    /// function words (and, for English, has no accented letters); and
    /// otherwise runs lingua over the first few hundred characters only.
    pub fn detect_in(&self, text: &str, document: Option<Lang>) -> Option<Lang> {
        if self.mode == LangMode::Full {
            return if text.chars().any(char::is_alphabetic) { self.lingua(text) } else { None };
        }
        let counts = ScriptCounts::of(text);
        if counts.total() == 0 {
            return None;
        }
        if let Some(lang) = counts.settled_lang().filter(|l| self.languages.contains(l)) {
            return Some(lang);
        }
        if let Some(doc) = document
            && confirms(text, doc, &counts)
        {
            return Some(doc);
        }
        self.lingua(sample(text, SAMPLE_CHARS))
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
    fn chunked_counts_agree_with_counting_letter_by_letter() {
        let pieces = ["Quality ", "education", "é", "中文", "слов", "كلمة", "정부", "42, ", "\t", "ß", "Ω"];
        let mut state = 11u64;
        for len in 0..300 {
            let mut text = String::new();
            for _ in 0..len {
                // A small linear congruential generator: the same cases every run.
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            // Letter by letter: the counts of each character alone, summed.
            let mut want = ScriptCounts::default();
            for c in text.chars() {
                let one = ScriptCounts::of(c.encode_utf8(&mut [0; 4]));
                want.latin += one.latin;
                want.latin_extended += one.latin_extended;
                want.han += one.han;
                want.hangul += one.hangul;
                want.arabic += one.arabic;
                want.cyrillic += one.cyrillic;
                want.other += one.other;
            }
            assert_eq!(ScriptCounts::of(&text), want, "{text:?}");
        }
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
    fn fast_mode_agrees_with_full_mode() {
        let fast = Detector::cached(&Lang::ALL, LangMode::Fast);
        let full = Detector::cached(&Lang::ALL, LangMode::Full);
        for text in [
            "The city administration provides funds to the council for operating costs and the empowerment of its members.",
            "La ville a reçu le prix pour son programme de participation des citoyens aux décisions publiques.",
            "La ciudad recibió el premio por su programa de participación de los ciudadanos en las decisiones.",
            "Город получил премию за программу участия граждан в принятии решений.",
            "Yes",
        ] {
            let doc = fast.document_language([text]);
            assert_eq!(fast.detect_in(text, doc), full.detect(text), "{text}");
        }
    }

    #[test]
    fn a_document_language_is_confirmed_not_imposed() {
        let fast = Detector::shared();
        let spanish =
            "La ciudad recibió el premio por su programa de participación de los ciudadanos en las decisiones.";
        assert_eq!(fast.detect_in(spanish, Some(Lang::En)), Some(Lang::Es));
        let english =
            "The council reviewed the plan and approved it for the coming year with the support of all members.";
        assert_eq!(fast.detect_in(english, Some(Lang::En)), Some(Lang::En));
    }

    #[test]
    fn a_restricted_set_of_languages() {
        let d = Detector::cached(&[Lang::En, Lang::Fr], LangMode::Fast);
        assert_eq!(d.languages(), [Lang::En, Lang::Fr]);
        // Chinese is outside the set: the script does not settle it.
        assert_ne!(d.detect("无贫穷"), Some(Lang::Zh));
        assert_eq!(d.detect("Veuillez décrire brièvement l'initiative et ses objectifs."), Some(Lang::Fr));
        assert!(std::ptr::eq(d, Detector::cached(&[Lang::Fr, Lang::En], LangMode::Fast)));
    }

    #[test]
    fn samples_cut_at_spaces() {
        assert_eq!(sample("one two three", 9), "one two");
        assert_eq!(sample("short", 100), "short");
    }

    #[test]
    fn no_letters_no_language() {
        assert_eq!(Detector::shared().detect(". - 123"), None);
        assert_eq!(Detector::shared().detect(""), None);
    }
}
