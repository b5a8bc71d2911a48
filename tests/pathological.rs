//! Pathological inputs: each converts to a whole record, with nothing lost,
//! or fails with a clear, typed error. How their time grows with their size
//! is measured by `scripts/bench_pathological.sh`, not asserted here.

use std::sync::LazyLock;

use nomina::{Kind, Options, Pipeline, Record};

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Options::default()));

fn fixture_001() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/001_eeae656d80b09620.txt")).expect("fixture 001")
}

/// Converts `bytes`, which must give a record that accounts for every character.
fn convert(bytes: &[u8]) -> Record {
    let record = PIPELINE.convert(bytes, "pathological.txt").unwrap_or_else(|e| panic!("no record: {e}"));
    assert_eq!(
        record.diagnostics.uncovered_chars,
        0,
        "lost text: {} unparsed pieces",
        record.diagnostics.unparsed.len()
    );
    assert_eq!(record.source.bytes, bytes.len() as u64);
    record
}

#[test]
fn a_multi_megabyte_line_is_one_paragraph() {
    // Fixture 001's words with its line breaks made spaces, to 3 MB.
    let words: Vec<u8> = fixture_001().into_iter().map(|b| if b == b'\n' || b == b'\r' { b' ' } else { b }).collect();
    let bytes: Vec<u8> = words.iter().copied().cycle().take(3_000_000).collect();
    let record = convert(&bytes);
    // One line holds no form structure: it is text, and all of it is there.
    assert_eq!(record.kind, Kind::Unknown);
    let paragraphs = &record.text.as_ref().expect("text").paragraphs;
    assert_eq!(paragraphs.len(), 1);
    // Runs of blanks become one; every other byte is kept.
    let solid = |b: &[u8]| b.iter().filter(|b| !b.is_ascii_whitespace()).count();
    assert_eq!(solid(paragraphs[0].as_bytes()), solid(&bytes));
}

#[test]
fn a_million_empty_lines_inside_a_form_change_nothing() {
    let form = String::from_utf8(fixture_001()).unwrap();
    let (head, tail) = form.split_at(form.find("Institution Name").expect("a label of 001"));
    let padded = format!("{head}{}{tail}", "\n".repeat(1_000_000));
    let plain = convert(form.as_bytes());
    let record = convert(padded.as_bytes());
    assert_eq!(record.kind, Kind::Nomination);
    assert_eq!(record.nomination, plain.nomination, "empty lines changed the form");
}

#[test]
fn deeply_repeated_blocks_are_one_block_counted() {
    let form = String::from_utf8(fixture_001()).unwrap();
    let lines: Vec<&str> = form.split_inclusive('\n').collect();
    let start = lines.iter().position(|l| l.starts_with("Question 1")).expect("question 1 heading");
    let head: String = lines[..start].concat();
    let block: String = lines[start..].concat();
    let once = convert(form.as_bytes());
    let repeated = format!("{head}{}", block.repeat(500));
    let record = convert(repeated.as_bytes());
    assert_eq!(record.kind, Kind::Nomination);
    let (a, b) = (once.nomination.as_ref().unwrap(), record.nomination.as_ref().unwrap());
    assert_eq!(a.sdgs, b.sdgs);
    assert_eq!(a.answers.len(), b.answers.len(), "repeated questions gave extra answers");
    assert!(
        record.diagnostics.duplicate_blocks_removed >= once.diagnostics.duplicate_blocks_removed + 499,
        "{} duplicate blocks counted for 499 extra copies",
        record.diagnostics.duplicate_blocks_removed
    );
}

#[test]
fn a_file_of_one_repeated_label_keeps_every_line() {
    let bytes = b"Member State\n".repeat(50_000);
    let record = convert(&bytes);
    // Every copy is a field without a value; none of the 50,000 lines is lost.
    assert_eq!(record.kind, Kind::Nomination);
    let nomination = record.nomination.as_ref().unwrap();
    assert_eq!(nomination.member_state, None);
    assert_eq!(record.diagnostics.duplicate_blocks_removed, 49_999);
}

#[test]
fn an_input_over_the_size_limit_is_a_clear_error() {
    let pipeline = Pipeline::new(Options { max_bytes: 1_000, ..Options::default() });
    let err = pipeline.convert(&[b'a'; 1_001], "big.txt").expect_err("over the limit");
    assert_eq!(err.code(), "too_large");
    assert_eq!(err.to_string(), "big.txt: 1001 bytes, over the limit of 1000 (raise it with --max-bytes)");
    // At the limit it converts.
    assert!(pipeline.convert(&[b'a'; 1_000], "at.txt").is_ok());
}

#[test]
fn a_deep_html_tree_converts() {
    // Ten thousand nested elements: a tree builder that recursed per level would overflow its stack.
    let mut html = String::from("<!DOCTYPE html><html><body>");
    html.push_str(&"<div><span>Member State Republic of Korea</span>".repeat(10_000));
    html.push_str(&"</div>".repeat(10_000));
    html.push_str("</body></html>");
    let record = convert(html.as_bytes());
    let seen: usize = serde_json::to_string(&record).unwrap().matches("Republic of Korea").count();
    assert!(seen >= 1, "the page's text is gone");
}
