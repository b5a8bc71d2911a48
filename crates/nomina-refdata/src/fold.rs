//! Folding text for tolerant comparison.

use std::borrow::Cow;
use std::sync::OnceLock;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Text folded for comparison, with the way back to the source.
///
/// Folding applies compatibility decomposition (NFKD, so full-width forms
/// and ligatures become plain letters), drops combining marks (accents),
/// lower-cases, maps every run of whitespace, punctuation and symbols to one
/// space, drops format characters (direction marks, zero-width joiners),
/// maps Arabic-Indic and other decimal digits to ASCII, writes traditional
/// Chinese characters as simplified ones (OpenCC's table), and trims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// For each byte of `text`, the end (exclusive) of the source character
    /// that produced it.
    src_end: Vec<usize>,
}

impl Folded {
    /// Folds `source`.
    pub fn new(source: &str) -> Folded {
        Folded::with_limit(source, usize::MAX)
    }

    /// Folds at most the first `limit_chars` source characters.
    pub fn with_limit(source: &str, limit_chars: usize) -> Folded {
        fold_into(source, limit_chars, usize::MAX, true).expect("no output limit")
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The source byte offset where the folded prefix `..folded_len` ends.
    pub fn source_end(&self, folded_len: usize) -> usize {
        if folded_len == 0 { 0 } else { self.src_end[folded_len - 1] }
    }
}

/// Letters that case folding spells out but compatibility decomposition
/// keeps whole (`œuvre` and `oeuvre` are one word).
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' | 'ẞ' => "ss",
        _ => return None,
    })
}

/// Folds one character that is neither ASCII nor a plain ideograph into
/// `out`: its compatibility decomposition without combining marks, digits
/// of any script as ASCII, ligatures spelled out, letters lower-cased.
/// Whether it gave a letter or digit (if not, it separates words, unless
/// it is a combining mark).
fn fold_char(c: char, out: &mut String) -> bool {
    let mut produced = false;
    decompose_compatible(c, |d| {
        // Hangul jamo, what a syllable decomposes to, are letters without
        // case: kept without the property lookups, which cost thousands of
        // instructions a character.
        produced |= if ('\u{1100}'..='\u{11FF}').contains(&d) {
            out.push(d);
            true
        } else {
            fold_piece(d, out)
        };
    });
    produced
}

/// Folds one character of a decomposition into `out` (see [`fold_char`]):
/// whether it gave a letter or digit.
fn fold_piece(d: char, out: &mut String) -> bool {
    if is_combining_mark(d) {
        return false;
    }
    if let Some(digit) = decimal_digit(d) {
        out.push(digit);
    } else if let Some(expansion) = ligature(d) {
        // Full case folding spells these out; NFKD leaves them.
        out.push_str(expansion);
    } else if d.is_alphanumeric() {
        out.extend(d.to_lowercase());
    } else {
        return false;
    }
    true
}

/// Characters below this one that are not ASCII are folded from a table.
const TABLE_END: u32 = 0x800;

/// Builds the folding table now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    table_fold('\u{80}');
}

/// [`fold_char`] of a character from U+0080 to [`TABLE_END`], from a table
/// built on first use (the decomposition and Unicode property lookups are
/// what folding Latin, Greek, Cyrillic and Arabic labels costs).
fn table_fold(c: char) -> Option<(&'static str, bool)> {
    static TABLE: OnceLock<Vec<(Box<str>, bool)>> = OnceLock::new();
    if !(0x80..TABLE_END).contains(&(c as u32)) {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        (0x80..TABLE_END)
            .map(|u| {
                let mut out = String::new();
                let produced = char::from_u32(u).is_some_and(|c| fold_char(c, &mut out));
                (out.into_boxed_str(), produced)
            })
            .collect()
    });
    let (piece, produced) = &table[c as usize - 0x80];
    Some((piece, *produced))
}

/// Folding in steps: each [`Folder::fold_to`] folds further into the same
/// text, which ends up as folding the whole reach at once would give, and
/// nothing is folded twice.
pub(crate) struct Folder<'s> {
    source: &'s str,
    /// Byte offset of the next source character to fold.
    pos: usize,
    /// Source characters folded so far.
    chars: usize,
    /// A separator was met since the last character kept: a space goes
    /// before the next one.
    pending_space: bool,
    /// Whether `src_end` is kept.
    track: bool,
    text: String,
    /// For each byte of `text`, the end (exclusive) of the source character
    /// that produced it.
    src_end: Vec<usize>,
}

impl<'s> Folder<'s> {
    /// A folder over `source`, with room for `capacity` bytes of text.
    pub(crate) fn new(source: &'s str, capacity: usize, track: bool) -> Folder<'s> {
        Folder {
            source,
            pos: 0,
            chars: 0,
            pending_space: false,
            track,
            text: String::with_capacity(capacity),
            src_end: if track { Vec::with_capacity(capacity) } else { Vec::new() },
        }
    }

    /// Folds until `limit_chars` source characters are folded in all (or
    /// the source ends); `false` as soon as the text passes `max_out` bytes.
    pub(crate) fn fold_to(&mut self, limit_chars: usize, max_out: usize) -> bool {
        let source = self.source;
        while self.chars < limit_chars
            && let Some(&byte) = source.as_bytes().get(self.pos)
        {
            if self.text.len() > max_out {
                return false;
            }
            // Most text is ASCII: a byte at a time, no decoding, no tables.
            let end = if byte.is_ascii() {
                let end = self.pos + 1;
                if byte.is_ascii_alphanumeric() {
                    self.push_pending(end);
                    self.text.push(char::from(byte.to_ascii_lowercase()));
                    if self.track {
                        self.src_end.push(end);
                    }
                } else {
                    self.pending_space = !self.text.is_empty();
                }
                end
            } else {
                let c = source[self.pos..].chars().next().expect("a character starts here");
                let end = self.pos + c.len_utf8();
                self.fold_char_at(c, end);
                end
            };
            self.chars += 1;
            self.pos = end;
        }
        self.text.len() <= max_out
    }

    /// Whether the whole source is folded.
    pub(crate) fn is_done(&self) -> bool {
        self.pos == self.source.len()
    }

    /// The text folded so far.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    pub(crate) fn into_folded(self) -> Folded {
        Folded { text: self.text, src_end: self.src_end }
    }

    fn push_pending(&mut self, end: usize) {
        if self.pending_space {
            self.text.push(' ');
            // The space belongs to the separator before this character;
            // pointing it at this character's start would be exact, but no
            // caller ends a match on a space.
            if self.track {
                self.src_end.push(end);
            }
            self.pending_space = false;
        }
    }

    fn track(&mut self, end: usize, bytes: usize) {
        if self.track {
            self.src_end.extend(std::iter::repeat_n(end, bytes));
        }
    }

    /// Folds the source character `c` (not ASCII), which ends at byte `end`.
    fn fold_char_at(&mut self, c: char, end: usize) {
        // Ideographs have no case and, outside the compatibility block, no
        // decomposition; a traditional character is read as its simplified
        // form, which the tables hold.
        if is_cjk(c) && !matches!(c as u32, 0xF900..=0xFAFF | 0x2E80..=0x2FDF) {
            let c = crate::han::simplified(c);
            self.push_pending(end);
            self.text.push(c);
            self.track(end, c.len_utf8());
            return;
        }
        if is_format(c) {
            return;
        }
        // Latin with accents, Greek, Cyrillic and Arabic from a table built
        // once; other scripts folded here.
        let (produced, piece_len) = match table_fold(c) {
            Some((piece, produced)) => {
                if produced {
                    self.push_pending(end);
                    self.text.push_str(piece);
                }
                (produced, piece.len())
            }
            None => {
                // Folded into place; the pending space, if any, goes before it.
                let before = self.text.len();
                let produced = fold_char(c, &mut self.text);
                let piece_len = self.text.len() - before;
                if produced && self.pending_space {
                    self.text.insert(before, ' ');
                    if self.track {
                        self.src_end.push(end);
                    }
                    self.pending_space = false;
                }
                (produced, piece_len)
            }
        };
        if produced {
            self.track(end, piece_len);
        } else if !is_combining_mark(c) {
            self.pending_space = !self.text.is_empty();
        }
    }
}

/// Folding in one go: at most `limit_chars` source characters, `None` as
/// soon as the output passes `max_out` bytes, the way back to the source
/// kept only when `track` asks for it.
fn fold_into(source: &str, limit_chars: usize, max_out: usize, track: bool) -> Option<Folded> {
    let mut folder = Folder::new(source, source.len().min(limit_chars.saturating_mul(4)), track);
    folder.fold_to(limit_chars, max_out).then(|| folder.into_folded())
}

/// Folds `source` to a plain `String`.
pub fn fold(source: &str) -> String {
    fold_into(source, usize::MAX, usize::MAX, false).expect("no output limit").text
}

/// [`fold`], or `None` when the folded text would be longer than `max_bytes`
/// (a text that cannot equal anything that short is not folded to the end).
pub fn fold_at_most(source: &str, max_bytes: usize) -> Option<String> {
    fold_into(source, usize::MAX, max_bytes, false).map(|f| f.text)
}

/// Whether two folded words are one, or forms of one word: they share
/// their first five letters, and at least two thirds of the shorter
/// (`подробнее` and `подробности`, `précisions` and `préciser`).
pub fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 5 && 3 * common >= 2 * shorter
}

/// A word without the elided article or preposition joined to it by an
/// apostrophe (`d'institution`, `l’Internet`), or the word as it is.
pub fn without_elision(word: &str) -> &str {
    match word.split_once(['\'', '’']) {
        Some((head, rest)) if head.chars().count() <= 2 && !rest.is_empty() => rest,
        _ => word,
    }
}

/// Format characters that carry no text: direction marks, zero-width
/// characters, the byte-order mark, the Arabic letter mark.
pub fn is_format(c: char) -> bool {
    // None is ASCII, which most characters asked about are.
    c >= '\u{AD}'
        && matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{061C}' | '\u{00AD}')
}

/// The ASCII digit for a decimal digit of any script nomina meets
/// (ASCII, Arabic-Indic, Extended Arabic-Indic, full-width: text typed in a
/// Chinese keyboard's full-width mode).
pub fn decimal_digit(c: char) -> Option<char> {
    let v = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        '０'..='９' => c as u32 - '０' as u32,
        _ => return None,
    };
    char::from_digit(v, 10)
}

/// Whether `s` has a decimal digit of a script other than ASCII.
pub fn has_other_digits(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(|c| !c.is_ascii() && decimal_digit(c).is_some())
}

/// `s` with every [`decimal_digit`] written in ASCII: `s` itself when it has
/// no other digits (most text), a copy otherwise.
pub fn ascii_digits(s: &str) -> Cow<'_, str> {
    if has_other_digits(s) {
        Cow::Owned(s.chars().map(|c| decimal_digit(c).unwrap_or(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether `c` is a letter of the Arabic alphabet (U+0621 to U+064A), no
/// mark, digit or punctuation.
pub fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// Whether `c` is a CJK ideograph or kana, which are written without spaces
/// between words.
pub fn is_cjk(c: char) -> bool {
    // Most characters asked about are ASCII: one comparison settles them.
    c >= '\u{2E80}'
        && matches!(c as u32,
        0x2E80..=0x2FDF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_jamo_fold_to_themselves() {
        for d in ('\u{1100}'..='\u{11FF}').chain(['가', '힣']) {
            let mut slow = String::new();
            decompose_compatible(d, |p| {
                fold_piece(p, &mut slow);
            });
            let mut fast = String::new();
            assert!(fold_char(d, &mut fast), "{d:?}");
            assert_eq!(fast, slow, "{d:?}");
        }
        let mut jamo = String::new();
        fold_char('한', &mut jamo);
        assert_eq!(jamo, "\u{1112}\u{1161}\u{11AB}");
    }

    #[test]
    fn characters_past_the_table_fold_in_place() {
        // Full-width, a ligature and a unit sign: folded outside the table,
        // each after the space its separator left pending.
        assert_eq!(fold("Ａ, ﬁ ㎞"), "a fi km");
        let folded = Folded::new("x ﬁ");
        assert_eq!(folded.as_str(), "x fi");
        assert_eq!(folded.source_end(1), 1);
        assert_eq!(folded.source_end(2), "x ﬁ".len());
        assert_eq!(folded.source_end(4), "x ﬁ".len());
    }

    #[test]
    fn folding_stops_past_the_limit() {
        assert_eq!(fold_at_most("  Member   State: ", 12).as_deref(), Some("member state"));
        assert_eq!(fold_at_most("Member State", 11), None);
        assert_eq!(fold_at_most("Ｍember Ｓtate", 12), Some(fold("Ｍember Ｓtate")));
        assert_eq!(fold_at_most("", 0).as_deref(), Some(""));
    }

    #[test]
    fn digits_of_other_scripts_written_in_ascii() {
        assert_eq!(ascii_digits("(٢٥٠ كلمة)"), "(250 كلمة)");
        assert_eq!(ascii_digits("۱۲ and 3"), "12 and 3");
        for s in ["(250 words)", "（限500字）", "", "é 12"] {
            assert!(!has_other_digits(s), "{s:?}");
            assert!(matches!(ascii_digits(s), Cow::Borrowed(b) if b == s), "{s:?}");
        }
        assert!(has_other_digits("x ٣"));
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("  Réunion:  Île-de-France!! "), "reunion ile de france");
        assert_eq!(fold("Goal 16: Peace, Justice"), "goal 16 peace justice");
        assert_eq!(fold("ＡＢＣ１２３"), "abc123");
        assert_eq!(fold("Mise en Œuvre"), fold("mise en oeuvre"));
        assert_eq!(fold("请提供实施日期。 01 2月 2020"), "请提供实施日期 01 2月 2020");
    }

    #[test]
    fn drops_direction_marks_and_maps_digits() {
        // The hamza is a combining mark after decomposition and goes like an
        // accent, on both sides of every comparison.
        assert_eq!(fold("\u{200F}السؤال ٣\u{200E}"), "السوال 3");
        assert_eq!(fold("۱۲"), "12");
    }

    #[test]
    fn maps_back_to_source() {
        let src = "Member State: Republic of Korea";
        let f = Folded::new(src);
        let label = "member state";
        assert!(f.as_str().starts_with(label));
        assert_eq!(&src[..f.source_end(label.len())], "Member State");
    }

    #[test]
    fn the_table_holds_each_characters_folding() {
        for c in (0x80..TABLE_END + 16).filter_map(char::from_u32) {
            let mut want = String::new();
            let produced = fold_char(c, &mut want);
            match table_fold(c) {
                Some(got) => assert_eq!(got, (want.as_str(), produced), "{c:?}"),
                None => assert!(c as u32 >= TABLE_END, "{c:?}"),
            }
        }
        assert_eq!(table_fold('a'), None);
        assert_eq!(table_fold('É'), Some(("e", true)));
        assert_eq!(table_fold('й'), Some(("и", true)));
        assert_eq!(table_fold('\u{301}'), Some(("", false)));
    }

    #[test]
    fn limit_stops_early() {
        assert_eq!(Folded::with_limit("abc def", 3).as_str(), "abc");
    }
}
