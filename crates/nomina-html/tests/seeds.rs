//! The HTML form of a seed gives the same lines as the seed's text form.

use nomina_html::{RemovedKind, extract, looks_like_html};

const SEED_003: &str = include_str!("../../../fixtures/003_3d6537fba802d833.txt");
const SEED_004: &str = include_str!("../../../fixtures/004_931d49ab24931080.txt");
const HTML_201: &str = include_str!("../../../fixtures/201_html_from_003.html");
const HTML_202: &str = include_str!("../../../fixtures/202_html_news_from_004.html");

/// Every line with runs of whitespace (the no-break space included) as one
/// space and trimmed: a `&nbsp;` may become a plain space.
fn normalized(text: &str) -> Vec<String> {
    text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

fn non_blank(text: &str) -> Vec<String> {
    normalized(text).into_iter().filter(|l| !l.is_empty()).collect()
}

/// Lines, with runs of blank lines as one and none at either end.
fn blocks(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in normalized(text) {
        if !(line.is_empty() && out.last().is_none_or(String::is_empty)) {
            out.push(line);
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// Asserts line by line so that a failure names the first line that differs.
fn assert_same_lines(got: &[String], want: &[String]) {
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "line {} differs", i + 1);
    }
    assert_eq!(got.len(), want.len(), "number of lines");
}

#[test]
fn form_page_has_the_lines_of_its_text_seed() {
    assert_same_lines(&non_blank(&extract(HTML_201).text), &non_blank(SEED_003));
}

#[test]
fn news_page_has_the_lines_of_its_text_seed() {
    assert_same_lines(&non_blank(&extract(HTML_202).text), &non_blank(SEED_004));
}

/// The blank lines fall where the seeds have them too, so that the parser
/// sees the same blocks.
#[test]
fn pages_have_the_blocks_of_their_text_seeds() {
    assert_same_lines(&blocks(&extract(HTML_201).text), &blocks(SEED_003));
    assert_same_lines(&blocks(&extract(HTML_202).text), &blocks(SEED_004));
}

#[test]
fn text_is_trimmed_with_single_blank_lines() {
    for html in [HTML_201, HTML_202] {
        let text = extract(html).text;
        assert!(!text.starts_with('\n') && !text.ends_with('\n'));
        assert!(!text.contains("\n\n\n"));
        assert!(text.lines().all(|l| l == l.trim()));
    }
}

#[test]
fn form_page_removed_chrome() {
    let out = extract(HTML_201);
    let kinds: Vec<&str> = out.removed.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["other", "style", "script", "navigation", "script"]);
    assert_eq!(out.removed[0].text, "提名表 - 联合国公共服务奖 | UNPSA");
    assert!(out.removed[1].text.starts_with("body { font-family:"));
    assert!(out.removed[2].text.contains("dataLayer.length < 2"));
    assert_eq!(out.removed[3].text, "首页 提名 获奖者 English");
    assert!(out.removed[4].text.contains("'<div class=\"toast\">ok</div>'"));
    // Neither the title nor any chrome leaks into the text.
    for r in &out.removed {
        assert!(!out.text.contains(&r.text), "{:?} in the text", r.kind);
    }
}

#[test]
fn news_page_removed_chrome() {
    let out = extract(HTML_202);
    let removed: Vec<(RemovedKind, &str)> = out.removed.iter().map(|r| (r.kind, r.text.as_str())).collect();
    assert_eq!(removed[0].0, RemovedKind::Other);
    assert!(removed[0].1.ends_with("| UNDP Seoul Policy Centre"));
    assert_eq!(removed[1].0, RemovedKind::Style);
    // The external script has no text and is not listed.
    assert_eq!(removed[2], (RemovedKind::Script, "var _gaq = _gaq || []; _gaq.push(['_trackPageview']);"));
    assert_eq!(removed[3], (RemovedKind::Navigation, "Home About Us News & Events Publications"));
    assert_eq!(
        removed[4],
        (
            RemovedKind::Navigation,
            "Related News USPC Shares Seoul\u{2019}s Clean Construction System Anti-Corruption DSP Kicks Off"
        )
    );
    assert_eq!(removed[5].0, RemovedKind::Script);
    assert_eq!(removed.len(), 6);
}

#[test]
fn detects_the_html_fixtures_and_not_the_text_seeds() {
    assert!(looks_like_html(HTML_201));
    assert!(looks_like_html(HTML_202));
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
    let mut seeds = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('0') && name.ends_with(".txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!looks_like_html(&text), "{name} taken for HTML");
            seeds += 1;
        }
    }
    assert_eq!(seeds, 4);
}
