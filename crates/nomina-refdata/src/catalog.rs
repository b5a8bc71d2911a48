//! The label catalog: every known label, heading, prompt, value and page
//! chrome line of the nomination form, per language, mapped to a canonical key,
//! and the words the parser reads a form's structure by: ordinal and cardinal
//! number words (`ordinal.3`, `cardinal.3`), the word for years
//! (`unit.years`), and each language's synonyms of its label words
//! (`synonym.institution` for `organization`).

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use crate::fold::{Folded, Folder, is_cjk};
use crate::memo::Memo;
use crate::tsv;

/// The language of a catalog entry: an ISO 639-1 code, or `und` for text
/// that every language's page shows untranslated (`Basic Info`).
pub type LangCode = &'static str;

/// One catalog entry: a way some page writes a canonical key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelEntry {
    /// Canonical key, `namespace.name` (`field.member_state`, `chrome.no_items`).
    pub key: &'static str,
    /// Language of this wording.
    pub lang: LangCode,
    /// The wording as written.
    pub text: &'static str,
    /// The key cut at its first dot once, when the catalog is loaded:
    /// lookups filter their candidates by namespace.
    namespace: &'static str,
    name: &'static str,
}

impl LabelEntry {
    fn new(key: &'static str, lang: LangCode, text: &'static str) -> LabelEntry {
        let (namespace, name) = key.split_once('.').unwrap_or((key, ""));
        LabelEntry { key, lang, text, namespace, name }
    }

    /// The namespace of the key (`field` for `field.member_state`).
    pub fn namespace(&self) -> &'static str {
        self.namespace
    }

    /// The key without its namespace (`member_state`).
    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// What kind of value a basic-info field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Free text.
    Text,
    /// A member state's name.
    Country,
    /// An administrative level.
    Level,
    /// A whole number.
    Integer,
    /// A web address.
    Url,
    /// Yes or no.
    YesNo,
    /// An UNPSA category.
    Category,
    /// SDG goals, one per following line.
    Goals,
    /// SDG targets, one per following line.
    Targets,
    /// A date.
    Date,
    /// A list, one item per following line.
    List,
    /// How the nominee learned about the awards.
    Learned,
}

impl ValueKind {
    fn parse(s: &str) -> Option<ValueKind> {
        Some(match s {
            "text" => ValueKind::Text,
            "country" => ValueKind::Country,
            "level" => ValueKind::Level,
            "integer" => ValueKind::Integer,
            "url" => ValueKind::Url,
            "yes_no" => ValueKind::YesNo,
            "category" => ValueKind::Category,
            "goals" => ValueKind::Goals,
            "targets" => ValueKind::Targets,
            "date" => ValueKind::Date,
            "list" => ValueKind::List,
            "learned" => ValueKind::Learned,
            _ => return None,
        })
    }

    /// Whether a value of this kind says by itself what it is (a yes or a
    /// no, a date, a number, a web address, a country, a level), so that
    /// where it starts shows where a label ends.
    pub fn is_telling(self) -> bool {
        matches!(
            self,
            ValueKind::YesNo
                | ValueKind::Date
                | ValueKind::Integer
                | ValueKind::Url
                | ValueKind::Country
                | ValueKind::Level
        )
    }

    /// Whether the value stands on the lines after the label rather than on
    /// the label's own line.
    pub fn is_multi_line(self) -> bool {
        matches!(self, ValueKind::Goals | ValueKind::Targets | ValueKind::List)
    }
}

/// A basic-info field: where it stands and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    /// Canonical key (`field.member_state`).
    pub key: &'static str,
    /// The basic-info question it belongs to; 0 for the institution block.
    pub question: u8,
    /// Its place within that question or block, from 1.
    pub order: u8,
    /// The kind of value.
    pub value: ValueKind,
}

/// A word-limit pattern of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordLimitPattern {
    /// Language of the pattern.
    pub lang: LangCode,
    /// A regular expression with a named group `n` for the number.
    pub pattern: &'static str,
}

/// A label found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrefixMatch<'c> {
    /// The entry matched.
    pub entry: &'c LabelEntry,
    /// Source bytes the label covers, with the punctuation that closes it
    /// (`?`, `:`, `。`) and the whitespace after it.
    pub len: usize,
    /// Source bytes of the label itself, without closing punctuation.
    pub label_len: usize,
}

/// The label catalog.
#[derive(Debug)]
pub struct Catalog {
    entries: Vec<LabelEntry>,
    by_folded: FxHashMap<String, Vec<usize>>,
    /// Where each folded wording's entries stand in `exact_entries`.
    exact_index: FxHashMap<String, (usize, usize)>,
    /// The entries of every folded wording, one run per wording.
    exact_entries: Vec<usize>,
    /// Every folded label cut at each of its word boundaries, so that a
    /// prefix search stops as soon as no label can start the way a line does.
    prefixes: FxHashSet<String>,
    /// Each entry's folded words, for loose comparison.
    tokens: Vec<Vec<String>>,
    /// Longest folded label, in chars, to bound prefix searches.
    max_chars: usize,
    /// Longest folded label, in bytes, to stop folding a text that is longer.
    max_folded_bytes: usize,
    fields: Vec<FieldSpec>,
    /// Each field's place in `fields`, by key: looked up for every labelled line.
    field_index: FxHashMap<&'static str, usize>,
    word_limits: Vec<WordLimitPattern>,
}

/// One file a language, so that each language's wording is kept apart.
const LABELS_TSV: [(&str, &str); 7] = [
    ("und", include_str!("../catalog/labels/und.tsv")),
    ("en", include_str!("../catalog/labels/en.tsv")),
    ("zh", include_str!("../catalog/labels/zh.tsv")),
    ("fr", include_str!("../catalog/labels/fr.tsv")),
    ("es", include_str!("../catalog/labels/es.tsv")),
    ("ru", include_str!("../catalog/labels/ru.tsv")),
    ("ar", include_str!("../catalog/labels/ar.tsv")),
];
const FIELDS_TSV: &str = include_str!("../catalog/fields.tsv");
const WORD_LIMITS_TSV: &str = include_str!("../catalog/word_limits.tsv");

impl Catalog {
    fn load() -> Catalog {
        let entries: Vec<LabelEntry> = LABELS_TSV
            .iter()
            .flat_map(|&(lang, data)| tsv::rows(data, 2).map(move |r| LabelEntry::new(r[0], lang, r[1])))
            .collect();
        let mut by_folded: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut prefixes: FxHashSet<String> = FxHashSet::default();
        let mut tokens = Vec::with_capacity(entries.len());
        let (mut max_chars, mut max_folded_bytes) = (0, 0);
        for (i, e) in entries.iter().enumerate() {
            let folded = crate::fold(e.text);
            max_chars = max_chars.max(folded.chars().count());
            max_folded_bytes = max_folded_bytes.max(folded.len());
            tokens.push(words(&folded).into_iter().map(|(w, _)| w.to_string()).collect());
            for end in word_ends(&folded) {
                prefixes.insert(folded[..end].to_string());
            }
            by_folded.entry(folded).or_default().push(i);
        }
        let fields: Vec<FieldSpec> = tsv::rows(FIELDS_TSV, 4)
            .map(|r| FieldSpec {
                key: r[0],
                question: r[1].parse().expect("fields.tsv: question is a number"),
                order: r[2].parse().expect("fields.tsv: order is a number"),
                value: ValueKind::parse(r[3]).expect("fields.tsv: known value kind"),
            })
            .collect();
        // The first of a key, as a search from the start would find it.
        let mut field_index = FxHashMap::default();
        for (i, f) in fields.iter().enumerate().rev() {
            field_index.insert(f.key, i);
        }
        let word_limits =
            tsv::rows(WORD_LIMITS_TSV, 2).map(|r| WordLimitPattern { lang: r[0], pattern: r[1] }).collect();
        let mut exact_index = FxHashMap::default();
        let mut exact_entries = Vec::new();
        for (folded, list) in &by_folded {
            exact_index.insert(folded.clone(), (exact_entries.len(), list.len()));
            exact_entries.extend_from_slice(list);
        }
        Catalog {
            entries,
            by_folded,
            exact_index,
            exact_entries,
            prefixes,
            tokens,
            max_chars,
            max_folded_bytes,
            fields,
            field_index,
            word_limits,
        }
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[LabelEntry] {
        &self.entries
    }

    /// Every entry with its wording's words, folded (each ideograph a word),
    /// in file order: folded once, when the catalog was built.
    pub fn entries_with_words(&self) -> impl Iterator<Item = (&LabelEntry, &[String])> {
        self.entries.iter().zip(self.tokens.iter().map(Vec::as_slice))
    }

    /// Entries of namespace `namespace` written in ideographs alone whose
    /// wording `text` holds: ideographs run on without blanks
    /// (`上网看到的`, saw it online), so a value is told by the words inside it.
    pub fn ideographic_words_in<'c>(
        &'c self,
        namespace: &'c str,
        text: &'c str,
    ) -> impl Iterator<Item = &'c LabelEntry> + 'c {
        self.entries.iter().filter(move |e| {
            e.namespace() == namespace && e.text.chars().all(crate::fold::is_cjk) && text.contains(e.text)
        })
    }

    /// Every basic-info field.
    pub fn fields(&self) -> &[FieldSpec] {
        &self.fields
    }

    /// The field with canonical key `key`.
    pub fn field(&self, key: &str) -> Option<&FieldSpec> {
        self.field_index.get(key).map(|&i| &self.fields[i])
    }

    /// The word-limit patterns of every language.
    pub fn word_limits(&self) -> &[WordLimitPattern] {
        &self.word_limits
    }

    /// Entries whose wording, folded, equals `text` folded, and whose key
    /// passes `keep`.
    pub fn exact<'c>(&'c self, text: &str, keep: impl Fn(&LabelEntry) -> bool) -> impl Iterator<Item = &'c LabelEntry> {
        // A text far longer than the longest label cannot fold to one; long
        // answer lines skip the folding altogether.
        let found = if text.len() > self.max_chars * 8 + 64 { None } else { self.exact_cached(text) };
        found.into_iter().flatten().map(|&i| &self.entries[i]).filter(move |e| keep(e))
    }

    /// The entries of a text, remembered per thread: labels, prompts and
    /// questions repeat from page to page, and folding them is the cost.
    fn exact_cached(&self, text: &str) -> Option<&[usize]> {
        thread_local! {
            static SEEN: Memo<Option<(usize, usize)>> = Memo::default();
        }
        // Entries are kept as (first, len) into `exact_index`, so that the
        // memo holds no reference into the catalog.
        let span = SEEN.with(|seen| {
            seen.get_or_insert(text, || {
                crate::fold::fold_at_most(text, self.max_folded_bytes)
                    .and_then(|f| self.by_folded.get_key_value(&f))
                    .map(|(k, _)| self.exact_index[k])
            })
        })?;
        Some(&self.exact_entries[span.0..span.0 + span.1])
    }

    /// The longest entry passing `keep` whose folded wording is a prefix of
    /// `line` folded, ending at a word boundary.
    pub fn prefix<'c>(&'c self, line: &str, keep: impl Fn(&LabelEntry) -> bool) -> Option<PrefixMatch<'c>> {
        self.prefix_index(line, keep).map(|(i, len, label_len)| PrefixMatch { entry: &self.entries[i], len, label_len })
    }

    /// [`Catalog::prefix`] as the entry's index, `len` and `label_len`.
    fn prefix_index(&self, line: &str, keep: impl Fn(&LabelEntry) -> bool) -> Option<(usize, usize, usize)> {
        // The heads of the folded line are tried word by word, and the first
        // that starts no label ends the search: most lines end it within a
        // few words (a label, then its value), so a few characters are
        // folded first and more, after them, only while every head so far
        // starts a label.
        let longest = self.max_chars + 8;
        let mut limit = QUICK_CHARS.min(longest);
        let mut folder = Folder::new(line, line.len().min(limit * 4), true);
        let mut best = None;
        // Heads up to here were tried.
        let mut tried = 0;
        loop {
            folder.fold_to(limit, usize::MAX);
            let f = folder.as_str();
            // Folded to the end of the line, or as far as any label reaches.
            let whole = limit == longest || folder.is_done();
            let mut stopped = false;
            let from = tried;
            for end in word_ends(f).skip_while(|&end| end <= from) {
                // Where the folding stopped may be inside a word.
                if end == f.len() && !whole {
                    break;
                }
                let head = &f[..end];
                if !self.prefixes.contains(head) {
                    stopped = true;
                    break;
                }
                if let Some(&i) = self.by_folded.get(head).and_then(|c| c.iter().find(|&&i| keep(&self.entries[i]))) {
                    best = Some((i, end));
                }
                tried = end;
            }
            if stopped || whole {
                let (i, end) = best?;
                let label_len = folder.into_folded().source_end(end);
                let len = label_len + closing_len(&line[label_len..]);
                return Some((i, len, label_len));
            }
            limit = (limit * 2).min(longest);
        }
    }

    /// [`Catalog::prefix`] for the entries of one namespace, remembered per
    /// thread: the labelled lines of a form repeat within a page (its blocks
    /// stand two or three times) and from page to page.
    pub fn prefix_in(&self, line: &str, namespace: &str) -> Option<PrefixMatch<'_>> {
        /// The entry's index, `len` and `label_len` of a match.
        type Remembered = Option<(usize, usize, usize)>;
        thread_local! {
            static SEEN: Memo<Remembered> = Memo::default();
        }
        thread_local! {
            // The memo's key, `namespace NUL line`, built in one buffer kept
            // for the thread: a lookup that hits allocates nothing.
            static KEY: RefCell<String> = const { RefCell::new(String::new()) };
        }
        let found = KEY.with_borrow_mut(|key| {
            key.clear();
            key.push_str(namespace);
            key.push('\0');
            key.push_str(line);
            SEEN.with(|seen| seen.get_or_insert(key, || self.prefix_index(line, |e| e.namespace() == namespace)))
        });
        found.map(|(i, len, label_len)| PrefixMatch { entry: &self.entries[i], len, label_len })
    }

    /// The entry passing `keep` whose wording is most like the start of
    /// `line`, when they are alike enough: at least three
    /// words and a share of common words of at least `threshold` (Dice's
    /// coefficient over folded words, each ideograph a word). For labels the
    /// official translations word differently, or that a year changes
    /// (`(2017-2019)`). Returns the match and its score.
    pub fn fuzzy_prefix<'c>(
        &'c self,
        line: &str,
        threshold: f64,
        keep: impl Fn(&LabelEntry) -> bool,
    ) -> Option<(PrefixMatch<'c>, f64)> {
        self.fuzzy_prefix_of(line, threshold, FUZZY_MIN_WORDS, keep)
    }

    /// [`Catalog::fuzzy_prefix`] among labels of at least `min_words`
    /// words: shorter labels are compared where something else (the
    /// label's place in its block) already points at them.
    pub fn fuzzy_prefix_of<'c>(
        &'c self,
        line: &str,
        threshold: f64,
        min_words: usize,
        keep: impl Fn(&LabelEntry) -> bool,
    ) -> Option<(PrefixMatch<'c>, f64)> {
        let folded = Folded::with_limit(line, self.max_chars + 40);
        let line_words = words(folded.as_str());
        let present: FxHashSet<&str> = line_words.iter().map(|(w, _)| *w).collect();
        let mut best: Option<(usize, usize, f64)> = None;
        for (i, entry) in self.entries.iter().enumerate() {
            let label = &self.tokens[i];
            let n = label.len();
            if n < min_words.max(1) || !keep(entry) {
                continue;
            }
            // No window can share more words than the whole line does, nor
            // be shorter than n - 2 words: skip labels that cannot reach it.
            let shared = label.iter().filter(|w| present.contains(w.as_str())).count();
            let shortest = n.saturating_sub(2).max(1);
            if (2 * shared) as f64 / (n + shortest) as f64 + 1e-9 < threshold {
                continue;
            }
            for k in n.saturating_sub(2).max(1)..=(n + 2).min(line_words.len()) {
                let score = dice(label, &line_words[..k]);
                let better = match best {
                    None => true,
                    Some((_, bk, bs)) => score > bs || (score == bs && k.abs_diff(n) < bk.abs_diff(n)),
                };
                if score >= threshold && better {
                    best = Some((i, k, score));
                }
            }
        }
        let (i, k, score) = best?;
        Some((self.fuzzy_match(line, &folded, &line_words, i, k), score))
    }

    /// Of every key whose wordings `keep` lets through, the wording closest
    /// to the start of `line` as [`Catalog::fuzzy_prefix_of`] finds it
    /// (labels of at least `min_words(key)` words, a share of common words
    /// of at least `threshold`), in a single pass over the catalog: the
    /// line is folded once, however many keys are compared.
    pub fn fuzzy_prefix_each<'c>(
        &'c self,
        line: &str,
        threshold: f64,
        min_words: impl Fn(&LabelEntry) -> usize,
        keep: impl Fn(&LabelEntry) -> bool,
    ) -> Vec<(PrefixMatch<'c>, f64)> {
        let folded = Folded::with_limit(line, self.max_chars + 40);
        let line_words = words(folded.as_str());
        let present: FxHashSet<&str> = line_words.iter().map(|(w, _)| *w).collect();
        // Per key: (entry, words, score).
        let mut best: Vec<(&str, usize, usize, f64)> = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let label = &self.tokens[i];
            let n = label.len();
            if !keep(entry) || n < min_words(entry).max(1) {
                continue;
            }
            let shared = label.iter().filter(|w| present.contains(w.as_str())).count();
            let shortest = n.saturating_sub(2).max(1);
            if (2 * shared) as f64 / (n + shortest) as f64 + 1e-9 < threshold {
                continue;
            }
            let slot = match best.iter().position(|b| b.0 == entry.key) {
                Some(p) => p,
                None => {
                    best.push((entry.key, usize::MAX, 0, -1.0));
                    best.len() - 1
                }
            };
            for k in n.saturating_sub(2).max(1)..=(n + 2).min(line_words.len()) {
                let score = dice(label, &line_words[..k]);
                let (_, bi, bk, bs) = best[slot];
                let better = bi == usize::MAX || score > bs || (score == bs && k.abs_diff(n) < bk.abs_diff(n));
                if score >= threshold && better {
                    best[slot] = (entry.key, i, k, score);
                }
            }
        }
        best.into_iter()
            .filter(|b| b.1 != usize::MAX)
            .map(|(_, i, k, score)| (self.fuzzy_match(line, &folded, &line_words, i, k), score))
            .collect()
    }

    /// The match of entry `i` over the first `k` words of `line`.
    fn fuzzy_match(
        &self,
        line: &str,
        folded: &Folded,
        line_words: &[(&str, usize)],
        i: usize,
        k: usize,
    ) -> PrefixMatch<'_> {
        let mut label_len = folded.source_end(line_words[k - 1].1);
        // A label that asks a question ends at the question mark: words the
        // comparison left out before it (another edition's years) are label.
        if self.entries[i].text.ends_with(QUESTION_MARKS)
            && let Some(q) = line[label_len..].find(QUESTION_MARKS)
            && line[label_len..label_len + q].split_whitespace().count() <= 4
        {
            label_len += q;
        }
        let len = label_len + closing_len(&line[label_len..]);
        PrefixMatch { entry: &self.entries[i], len, label_len }
    }
}

/// Characters folded first to find where a line's labels end.
const QUICK_CHARS: usize = 32;

/// Where folded text may be cut between words, ascending: every space,
/// every boundary next to an ideograph, and the end.
fn word_ends(f: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev: Option<char> = None;
    f.char_indices()
        .filter_map(move |(i, c)| {
            let cut = c == ' ' || prev.is_some_and(|p| p != ' ' && (is_cjk(p) || is_cjk(c) || script_change(p, c)));
            prev = Some(c);
            (cut && i > 0).then_some(i)
        })
        .chain((!f.is_empty()).then_some(f.len()))
}

/// Whether a Latin letter meets a letter of another alphabet (`اسم
/// المؤسسةDangjin`): a label run into its value ends there.
fn script_change(p: char, c: char) -> bool {
    let other = |x: char| x as u32 >= 0x0370 && x.is_alphabetic();
    (c.is_ascii_alphabetic() && other(p)) || (p.is_ascii_alphabetic() && other(c))
}

/// Question marks of the six languages.
const QUESTION_MARKS: [char; 3] = ['?', '？', '؟'];

/// Fewest words a label needs to be matched loosely; shorter ones would
/// match too much.
pub const FUZZY_MIN_WORDS: usize = 3;

/// Words of folded text with the folded offset where each ends: runs
/// between spaces, and each ideograph alone.
fn words(folded: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        if c == ' ' || is_cjk(c) {
            if let Some(s) = start.take() {
                out.push((&folded[s..i], i));
            }
            if c != ' ' {
                out.push((&folded[i..i + c.len_utf8()], i + c.len_utf8()));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((&folded[s..], folded.len()));
    }
    out
}

/// Dice's coefficient of two bags of words.
fn dice(a: &[String], b: &[(&str, usize)]) -> f64 {
    let mut rest: Vec<&str> = b.iter().map(|(w, _)| *w).collect();
    let mut common = 0;
    for w in a {
        if let Some(p) = rest.iter().position(|r| r == w) {
            rest.swap_remove(p);
            common += 1;
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Bytes of punctuation closing a label, and whitespace, at the start of `rest`.
/// Closing brackets count (`(hold Ctrl to select multiple)`); an opening
/// bracket or a straight quote may start the value, so they do not.
fn closing_len(rest: &str) -> usize {
    let mut len = 0;
    for c in rest.chars() {
        if c.is_whitespace()
            || crate::fold::is_format(c)
            || matches!(
                c,
                '?' | '？'
                    | ':'
                    | '：'
                    | '.'
                    | '。'
                    | '…'
                    | ','
                    | '，'
                    | '、'
                    | '!'
                    | '！'
                    | '؟'
                    | '؛'
                    | '*'
                    | ')'
                    | '）'
                    | ']'
                    | '】'
                    | '」'
                    | '》'
                    | '”'
            )
        {
            len += c.len_utf8();
        } else {
            break;
        }
    }
    len
}

/// The catalog, loaded once per process.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_field(e: &LabelEntry) -> bool {
        e.namespace() == "field"
    }

    #[test]
    fn a_key_is_cut_at_its_first_dot() {
        let e = LabelEntry::new("field.member_state", "en", "Member State");
        assert_eq!((e.namespace(), e.name()), ("field", "member_state"));
        let e = LabelEntry::new("value.level.national", "en", "National");
        assert_eq!((e.namespace(), e.name()), ("value", "level.national"));
        let e = LabelEntry::new("bare", "und", "Bare");
        assert_eq!((e.namespace(), e.name()), ("bare", ""));
        for e in catalog().entries() {
            assert_eq!(e.key, format!("{}.{}", e.namespace(), e.name()), "{}", e.key);
        }
    }

    #[test]
    fn finds_longest_label_prefix() {
        let line = "Member State Republic of Korea";
        let m = catalog().prefix(line, is_field).unwrap();
        assert_eq!(m.entry.key, "field.member_state");
        assert_eq!(&line[m.len..], "Republic of Korea");
    }

    #[test]
    fn question_label_keeps_its_value() {
        let line = "Is this a public sector initiative? Yes";
        let m = catalog().prefix(line, is_field).unwrap();
        assert_eq!(m.entry.key, "field.public_sector");
        assert_eq!(&line[..m.label_len], "Is this a public sector initiative");
        assert_eq!(&line[m.len..], "Yes");
    }

    #[test]
    fn chinese_labels_end_inside_a_run_of_ideographs() {
        let line = "部门类型 内政部";
        let m = catalog().prefix(line, is_field).unwrap();
        assert_eq!(m.entry.key, "field.department_type");
        assert_eq!(&line[m.len..], "内政部");
        // The longer label wins over its suffix.
        let m = catalog().prefix("公共部门机构类型", is_field).unwrap();
        assert_eq!(m.entry.key, "field.institution_type");
        assert_eq!(m.len, "公共部门机构类型".len());
    }

    #[test]
    fn a_label_run_into_a_value_in_another_alphabet_ends_there() {
        let line = "Государство-членKorea";
        let m = catalog().prefix("Member StateРеспублика Корея", is_field).unwrap();
        assert_eq!(m.entry.key, "field.member_state");
        assert_eq!(m.label_len, "Member State".len());
        assert!(catalog().prefix(line, is_field).is_some_and(|m| &line[m.len..] == "Korea"));
        // Within one alphabet a word is still not cut.
        assert!(catalog().prefix("Member StateXYZ", is_field).is_none());
    }

    #[test]
    fn a_word_is_not_cut() {
        // "Member Statement" must not match "Member State".
        assert!(catalog().prefix("Member Statement of intent", is_field).is_none());
    }

    #[test]
    fn loose_matches_of_reworded_labels() {
        // Another edition's years.
        let line =
            "1. Has the initiative submitted an application for consideration in the past 3 years (2018-2020)? No";
        assert!(catalog().prefix(line, is_field).is_none());
        let (m, score) = catalog().fuzzy_prefix(line, 0.75, is_field).unwrap();
        assert_eq!(m.entry.key, "field.submitted_previously");
        assert!(score > 0.8, "{score}");
        assert_eq!(&line[m.len..], "No");
        // A reworded question.
        let line = "Has the initiative been in place for two or more years? Yes";
        let (m, _) = catalog().fuzzy_prefix(line, 0.75, is_field).unwrap();
        assert_eq!(m.entry.key, "field.implemented_two_years_or_more");
        assert_eq!(&line[m.len..], "Yes");
        // Prose is not a label.
        let prose = "The city administration provides funds annually to the council for its operating costs.";
        assert!(catalog().fuzzy_prefix(prose, 0.75, is_field).is_none());
    }

    #[test]
    fn exact_lookup_is_tolerant() {
        let keys: Vec<_> = catalog().exact("  YES ", |e| e.namespace() == "value").map(|e| e.key).collect();
        assert_eq!(keys, ["value.yes"]);
    }

    #[test]
    fn every_field_has_labels_in_english_and_chinese() {
        for f in catalog().fields() {
            for lang in ["en", "zh"] {
                assert!(
                    catalog().entries().iter().any(|e| e.key == f.key && e.lang == lang),
                    "{} has no {lang} label",
                    f.key
                );
            }
        }
    }

    #[test]
    fn prefix_agrees_with_folding_the_whole_line() {
        // The definition: fold as far as the longest label reaches, take the
        // longest head that is a label, stop at the first that starts none.
        fn reference(c: &Catalog, line: &str, keep: impl Fn(&LabelEntry) -> bool) -> Option<(usize, usize, usize)> {
            let folded = Folded::with_limit(line, c.max_chars + 8);
            let f = folded.as_str();
            let mut best = None;
            for end in word_ends(f) {
                if !c.prefixes.contains(&f[..end]) {
                    break;
                }
                if let Some(&i) = c.by_folded.get(&f[..end]).and_then(|l| l.iter().find(|&&i| keep(&c.entries[i]))) {
                    best = Some((i, end));
                }
            }
            let (i, end) = best?;
            let label_len = folded.source_end(end);
            Some((i, label_len + closing_len(&line[label_len..]), label_len))
        }
        let c = catalog();
        let entries = c.entries();
        let mut matched = 0;
        for (n, e) in entries.iter().enumerate() {
            let next = entries[(n * 7 + 3) % entries.len()].text;
            let chars: Vec<(usize, char)> = e.text.char_indices().collect();
            let mut lines = vec![
                e.text.to_string(),
                format!("{} Republic of Korea", e.text),
                format!("{}? Yes", e.text),
                format!("{}： 内政部", e.text),
                format!("{} {next}", e.text),
                format!("{}{next}", e.text),
                format!("x {}", e.text),
                format!("  {}  ", e.text.to_uppercase()),
            ];
            // Cut inside and between words, at and around the first fold's reach.
            for k in [1, 5, 31, 32, 33, chars.len() / 2, chars.len().saturating_sub(1)] {
                if let Some(&(at, _)) = chars.get(k) {
                    lines.push(e.text[..at].to_string());
                    lines.push(format!("{} value", &e.text[..at]));
                }
            }
            lines.push(format!("{} {}", next.split(' ').next().unwrap_or(""), e.text));
            for line in &lines {
                let same_ns = |x: &LabelEntry| x.namespace() == e.namespace();
                let got = c.prefix_index(line, same_ns);
                assert_eq!(got, reference(c, line, same_ns), "{line:?}");
                // The lookups through the memos.
                let index = |m: &LabelEntry| entries.iter().position(|x| std::ptr::eq(x, m)).expect("an entry");
                let found = c.prefix_in(line, e.namespace()).map(|m| (index(m.entry), m.len, m.label_len));
                assert_eq!(found, got, "{line:?}");
                let exact: Vec<usize> = c.exact(line, |_| true).map(index).collect();
                let folded = crate::fold(line);
                assert_eq!(exact, c.by_folded.get(&folded).cloned().unwrap_or_default(), "{line:?}");
                assert_eq!(c.prefix_index(line, is_field), reference(c, line, is_field), "{line:?}");
                matched += usize::from(got.is_some());
            }
        }
        assert!(matched > entries.len(), "{matched} lines matched a label");
    }
}
