//! Property tests: the fixtures, mutated the way scraped archives mutate
//! them, still convert without panic, without losing a character, to a
//! record that survives a JSON round trip, the same record every time.
//!
//! The mutations: lines deleted, blocks of lines duplicated, lines moved,
//! the bytes truncated anywhere (inside a character too), labels swapped
//! for the same key's wording in another language (from the label catalog),
//! random Unicode inserted anywhere. Each property runs [`CASES`] cases; a
//! case found failing is kept in `tests/regressions.rs`.

use std::sync::LazyLock;

use nomina::{Kind, Pipeline, Record};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Cases per property.
const CASES: u32 = 256;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(nomina::Options::default()));

/// Every fixture: its name and bytes, in name order.
static FIXTURES: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fixtures/ is readable")
        .map(|e| {
            let path = e.expect("fixture entry").path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).expect("fixture"))
        })
        .collect();
    out.sort();
    assert!(out.len() >= 10, "expected the ten fixtures, found {}", out.len());
    out
});

/// Where a catalog wording starts a line of a fixture, and the wordings of
/// the same key in the other languages.
#[derive(Debug)]
struct LabelSite {
    at: usize,
    len: usize,
    others: Vec<&'static str>,
}

/// The label sites of each fixture, in the order of [`FIXTURES`].
static LABEL_SITES: LazyLock<Vec<Vec<LabelSite>>> = LazyLock::new(|| {
    let entries = nomina::refdata::catalog().entries();
    FIXTURES
        .iter()
        .map(|(_, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            let mut sites = Vec::new();
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                // A label starts the line, after blanks or an HTML tag.
                let body = line.trim_start_matches(|c: char| c.is_whitespace());
                let body = body.rsplit_once('>').filter(|(head, _)| head.starts_with('<')).map_or(body, |(_, t)| t);
                let start = offset + (line.len() - body.len());
                let found = entries
                    .iter()
                    .filter(|e| e.lang != "und" && !e.text.is_empty() && body.starts_with(e.text))
                    .filter(|e| !body[e.text.len()..].starts_with(char::is_alphanumeric))
                    .max_by_key(|e| e.text.len());
                if let Some(entry) = found {
                    let mut others: Vec<&'static str> = entries
                        .iter()
                        .filter(|o| o.key == entry.key && o.lang != entry.lang && o.lang != "und")
                        .map(|o| o.text)
                        .collect();
                    others.sort_unstable();
                    others.dedup();
                    if !others.is_empty() {
                        sites.push(LabelSite { at: start, len: entry.text.len(), others });
                    }
                }
                offset += line.len();
            }
            sites
        })
        .collect()
});

/// A position in a collection of any length, as a fraction of it: a
/// mutation stays meaningful whatever the edits before it did to the length
/// (proptest's own `Index` offers no way to build one for a unit test).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Index(u64);

impl Index {
    /// The position among `len` items (`len` > 0).
    fn index(self, len: usize) -> usize {
        ((u128::from(self.0) * len as u128) >> 64) as usize
    }
}

impl Arbitrary for Index {
    type Parameters = ();
    type Strategy = prop::strategy::Map<prop::num::u64::Any, fn(u64) -> Index>;

    fn arbitrary_with((): ()) -> Self::Strategy {
        any::<u64>().prop_map(Index)
    }
}

/// The [`Index`] that picks `i` among `len` items.
fn index_of(i: usize, len: usize) -> Index {
    let index = Index(((((i as u128) << 64) + (1 << 63)) / len as u128) as u64);
    assert_eq!(index.index(len), i, "index_of({i}, {len})");
    index
}

/// One way an archive damages a page.
#[derive(Debug, Clone)]
enum Edit {
    /// A line is gone.
    Delete(Index),
    /// A block of `len` lines stands `times` more times, right after itself.
    Duplicate { line: Index, len: usize, times: usize },
    /// A block of `len` lines is moved elsewhere.
    Move { from: Index, len: usize, to: Index },
    /// The bytes end early, at any byte, inside a character too.
    Truncate(Index),
    /// A label takes the wording of another language (`label` picks among
    /// the fixture's label sites, `lang` among the other wordings).
    SwapLabel { label: Index, lang: Index },
    /// Random Unicode appears at a byte (`on_char`: at a character boundary).
    Insert { at: Index, text: String, on_char: bool },
}

fn delete() -> impl Strategy<Value = Edit> {
    any::<Index>().prop_map(Edit::Delete)
}

fn duplicate() -> impl Strategy<Value = Edit> {
    (any::<Index>(), 1..40usize, 1..4usize).prop_map(|(line, len, times)| Edit::Duplicate { line, len, times })
}

fn reorder() -> impl Strategy<Value = Edit> {
    (any::<Index>(), 1..30usize, any::<Index>()).prop_map(|(from, len, to)| Edit::Move { from, len, to })
}

fn truncate() -> impl Strategy<Value = Edit> {
    any::<Index>().prop_map(Edit::Truncate)
}

fn swap_label() -> impl Strategy<Value = Edit> {
    (any::<Index>(), any::<Index>()).prop_map(|(label, lang)| Edit::SwapLabel { label, lang })
}

/// Any Unicode scalar value, with the characters that matter to the parser
/// (line breaks, blanks, digits, punctuation of labels) more often.
fn unicode_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\n',
        '\r',
        '\t',
        ' ',
        '\u{a0}',
        '\u{200f}',
        '\u{feff}',
        '\u{fffd}',
        ':',
        '：',
        '.',
        '(',
        ')',
        '-',
        '1',
        '9',
        'a',
        'é',
        '题',
        '<',
        '>',
        '&',
        '\0',
        '\u{7f}',
        '\u{85}',
        '\u{2028}',
        '\u{1f600}',
    ]);
    prop::collection::vec(prop_oneof![3 => any::<char>(), 2 => special], 1..24).prop_map(|cs| cs.into_iter().collect())
}

fn insert() -> impl Strategy<Value = Edit> {
    (any::<Index>(), unicode_text(), any::<bool>()).prop_map(|(at, text, on_char)| Edit::Insert { at, text, on_char })
}

/// Splits `bytes` into lines, each with its `\n`.
fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

/// Applies `edit` to `bytes` (the text of fixture `fixture`).
fn apply(fixture: usize, bytes: &mut Vec<u8>, edit: &Edit) {
    let lines_of = |bytes: &Vec<u8>| split_lines(bytes);
    match edit {
        Edit::Delete(i) => {
            let mut lines = lines_of(bytes);
            if !lines.is_empty() {
                lines.remove(i.index(lines.len()));
                *bytes = lines.concat();
            }
        }
        Edit::Duplicate { line, len, times } => {
            let lines = lines_of(bytes);
            if !lines.is_empty() {
                let start = line.index(lines.len());
                let end = (start + len).min(lines.len());
                let mut out = lines[..end].to_vec();
                for _ in 0..*times {
                    out.extend_from_slice(&lines[start..end]);
                }
                out.extend_from_slice(&lines[end..]);
                *bytes = out.concat();
            }
        }
        Edit::Move { from, len, to } => {
            let mut lines = lines_of(bytes);
            if !lines.is_empty() {
                let start = from.index(lines.len());
                let end = (start + len).min(lines.len());
                let block: Vec<Vec<u8>> = lines.drain(start..end).collect();
                let at = to.index(lines.len() + 1);
                lines.splice(at..at, block);
                *bytes = lines.concat();
            }
        }
        Edit::Truncate(i) => bytes.truncate(i.index(bytes.len() + 1)),
        Edit::SwapLabel { label, lang } => {
            // Sites are positions in the fixture as read: swapped before any
            // other edit, from the last site to the first so that offsets hold.
            let sites = &LABEL_SITES[fixture];
            if !sites.is_empty() {
                let site = &sites[label.index(sites.len())];
                let wording = site.others[lang.index(site.others.len())];
                if site.at + site.len <= bytes.len() {
                    bytes.splice(site.at..site.at + site.len, wording.bytes());
                }
            }
        }
        Edit::Insert { at, text, on_char } => {
            let mut pos = at.index(bytes.len() + 1);
            if *on_char {
                while pos > 0 && pos < bytes.len() && (bytes[pos] & 0xC0) == 0x80 {
                    pos -= 1;
                }
            }
            bytes.splice(pos..pos, text.bytes());
        }
    }
}

/// A fixture with `edits` applied; label swaps first (they address the
/// fixture as read), the others in order.
fn mutated(fixture: usize, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = FIXTURES[fixture].1.clone();
    let mut swaps: Vec<&Edit> = edits.iter().filter(|e| matches!(e, Edit::SwapLabel { .. })).collect();
    // From the last site to the first: an earlier swap never moves a later site.
    let sites = &LABEL_SITES[fixture];
    swaps.sort_by_key(|e| match e {
        Edit::SwapLabel { label, .. } if !sites.is_empty() => std::cmp::Reverse(sites[label.index(sites.len())].at),
        _ => std::cmp::Reverse(0),
    });
    let mut done = std::collections::BTreeSet::new();
    for e in swaps {
        if let Edit::SwapLabel { label, .. } = e
            && !sites.is_empty()
            && !done.insert(label.index(sites.len()))
        {
            continue;
        }
        apply(fixture, &mut bytes, e);
    }
    for e in edits.iter().filter(|e| !matches!(e, Edit::SwapLabel { .. })) {
        apply(fixture, &mut bytes, e);
    }
    bytes
}

fn fixture_index() -> impl Strategy<Value = usize> {
    0..FIXTURES.len()
}

/// What must hold of every input: a record or a typed error, no panic; the
/// same outcome twice; a record loses no character and survives JSON.
fn check(bytes: &[u8]) -> Result<Option<Record>, TestCaseError> {
    let first = PIPELINE.convert(bytes, "archive/mutated.txt");
    let second = PIPELINE.convert(bytes, "archive/mutated.txt");
    prop_assert_eq!(&first, &second, "converting the same bytes twice gave different results");
    match first {
        Ok(record) => {
            prop_assert_eq!(
                record.diagnostics.uncovered_chars,
                0,
                "lost text; unparsed: {:?}",
                record.diagnostics.unparsed
            );
            prop_assert_eq!(record.source.bytes, bytes.len() as u64);
            prop_assert_eq!(record.source.path.as_str(), "archive/mutated.txt");
            let json = serde_json::to_string(&record).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(!json.contains('\n'), "a record is one line");
            let back: Record = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&back, &record, "the JSON round trip changed the record");
            Ok(Some(record))
        }
        Err(e) => {
            // Only inputs that hold no text may fail.
            let blank = bytes.iter().all(|b| b.is_ascii_whitespace());
            match e.code() {
                "empty" => prop_assert!(blank || bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "not empty: {e}"),
                "binary" => {}
                other => prop_assert!(false, "unexpected error {other}: {e}"),
            }
            prop_assert!(!e.to_string().contains('\n'), "an error message is one line: {e}");
            Ok(None)
        }
    }
}

/// Whether fixture `i` is a nomination form.
fn is_form(i: usize) -> bool {
    static KINDS: LazyLock<Vec<Kind>> = LazyLock::new(|| {
        FIXTURES.iter().map(|(name, bytes)| PIPELINE.convert(bytes, name).expect("fixture converts").kind).collect()
    });
    KINDS[i] == Kind::Nomination
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn lines_deleted(fixture in fixture_index(), edits in prop::collection::vec(delete(), 1..12)) {
        check(&mutated(fixture, &edits))?;
    }

    #[test]
    fn lines_duplicated(fixture in fixture_index(), edits in prop::collection::vec(duplicate(), 1..4)) {
        let bytes = mutated(fixture, &edits);
        if let Some(record) = check(&bytes)? {
            // Duplicating lines never turns a plain-text form into something
            // else. (In HTML it may: a repeated `<nav>` left unclosed holds the
            // rest of the page, which then goes to `ui_text_removed`.)
            if is_form(fixture) && !FIXTURES[fixture].0.ends_with(".html") {
                prop_assert_eq!(record.kind, Kind::Nomination);
            }
        }
    }

    #[test]
    fn lines_reordered(fixture in fixture_index(), edits in prop::collection::vec(reorder(), 1..5)) {
        check(&mutated(fixture, &edits))?;
    }

    #[test]
    fn truncated_at_any_byte(fixture in fixture_index(), at in any::<Index>()) {
        let bytes = mutated(fixture, &[Edit::Truncate(at)]);
        let outcome = check(&bytes)?;
        if bytes.iter().any(|b| !b.is_ascii_whitespace()) {
            prop_assert!(outcome.is_some(), "{} bytes of text gave no record", bytes.len());
        }
    }

    #[test]
    fn labels_swapped_between_languages(fixture in fixture_index(), edits in prop::collection::vec(swap_label(), 1..8)) {
        let bytes = mutated(fixture, &edits);
        let record = check(&bytes)?;
        prop_assert!(record.is_some(), "a fixture with swapped labels gave no record");
        let record = record.unwrap();
        // The labels of every language are known: a form stays a form.
        if is_form(fixture) {
            prop_assert_eq!(record.kind, Kind::Nomination);
            prop_assert!(record.nomination.is_some());
        }
    }

    #[test]
    fn random_unicode_inserted(fixture in fixture_index(), edits in prop::collection::vec(insert(), 1..6)) {
        check(&mutated(fixture, &edits))?;
    }

    #[test]
    fn every_mutation_mixed(
        fixture in fixture_index(),
        edits in prop::collection::vec(prop_oneof![delete(), duplicate(), reorder(), truncate(), swap_label(), insert()], 1..8),
    ) {
        check(&mutated(fixture, &edits))?;
    }
}

/// The mutations do what they say, on a text small enough to read.
#[test]
fn mutations_do_what_they_say() {
    let lines = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let mut b = b"a\nb\nc\n".to_vec();
    apply(0, &mut b, &Edit::Delete(index_of(1, 3)));
    assert_eq!(lines(&b), "a\nc\n");
    let mut b = b"a\nb\nc\n".to_vec();
    apply(0, &mut b, &Edit::Duplicate { line: index_of(1, 3), len: 1, times: 2 });
    assert_eq!(lines(&b), "a\nb\nb\nb\nc\n");
    let mut b = b"a\nb\nc\n".to_vec();
    apply(0, &mut b, &Edit::Move { from: index_of(0, 3), len: 1, to: index_of(2, 3) });
    assert_eq!(lines(&b), "b\nc\na\n");
    let mut b = "é\n".as_bytes().to_vec();
    apply(0, &mut b, &Edit::Truncate(index_of(1, 4)));
    assert_eq!(b, [0xC3]);
    let mut b = "éé".as_bytes().to_vec();
    apply(0, &mut b, &Edit::Insert { at: index_of(1, 5), text: "x".into(), on_char: true });
    assert_eq!(lines(&b), "xéé");
    // Fixture 001 writes `Member State` in English; a swap gives another language's wording.
    let (name, _) = &FIXTURES[0];
    assert!(name.starts_with("001_"), "{name}");
    let sites = &LABEL_SITES[0];
    assert!(sites.len() > 20, "only {} label sites in {name}", sites.len());
    let bytes =
        mutated(0, &[Edit::SwapLabel { label: index_of(0, sites.len()), lang: index_of(0, sites[0].others.len()) }]);
    assert_ne!(bytes, FIXTURES[0].1);
    let text = String::from_utf8(bytes).expect("a swap keeps UTF-8");
    assert!(text.contains(sites[0].others[0]), "{}", sites[0].others[0]);
}

/// A case the random search found: a stray line under the goals label, then
/// a line in brackets that reads as a goal (`(1 old Ctrl …)`), kept its
/// brackets out of every field.
#[test]
fn a_bracketed_line_read_as_a_caption_keeps_its_brackets() {
    let (_, seed) = &FIXTURES[0];
    let text = String::from_utf8(seed.clone()).expect("seed 001 is UTF-8");
    let at = text.find("initiative. (hold Ctrl").expect("seed 001's goals label") + "initiative. (h".len();
    let mutated = format!("{}\na\n(1\t{}", &text[..at], &text[at..]);
    let record = check(mutated.as_bytes()).expect("nothing lost").expect("a record");
    assert_eq!(record.diagnostics.uncovered_chars, 0);
}

/// A case the random search found: a part's marker alone on its line
/// (`أ.`) under a question heading, a copy of an earlier question's heading
/// next, lost the marker; it is kept as a line no rule read.
#[test]
fn a_duplicated_and_truncated_arabic_form_loses_nothing() {
    let edits = [
        Edit::Duplicate { line: Index(8026445894667514826), len: 9, times: 3 },
        Edit::Truncate(Index(14613809275875151636)),
        Edit::Duplicate { line: Index(17675207249333866948), len: 11, times: 1 },
    ];
    let bytes = mutated(7, &edits);
    check(&bytes).expect("nothing lost");
}
