//! A web survey tool's printout of one response (`#1` over a question's
//! label over its indented answer, `Page 3: About you` titles, the
//! respondent's header repeated on every printed page), read as the lines
//! of a form.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// The fewest numbered items (`#12` alone on its line, a label under it)
/// that make a text a survey's printout: a lone `#3` is text.
const MIN_ITEMS: usize = 3;

/// What the survey tool prints in place of an answer left empty.
const SKIPPED: [&str; 2] = ["Respondent skipped this question", "Respondent skipped this page"];

/// What reading a survey's printout did, for the warning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SurveyRead {
    /// Items read as a label over its value.
    pub items: usize,
    /// Lines of the respondent's header, page counters and the header
    /// repeated on a new page, left blank.
    pub set_aside: usize,
}

/// Reads a survey tool's printout of one response, holding [`MIN_ITEMS`]
/// numbered items, as the lines of a form: an item's number (`#7`) leaves
/// its line blank and its label gets a colon, so that it reads as a label
/// over the indented value under it; a page's title (`Page 4: Public
/// sector`, a word and a number the same word opens several titles with)
/// reads as its title; the tool's note for an empty answer is left blank,
/// an empty value. The respondent's header (the lines above the first page
/// title), the page counters (`2 / 6`) and the header as each printed page
/// repeats it are left blank. Lines keep their numbers.
pub fn read_survey(text: &mut String) -> SurveyRead {
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"\n#").is_none() {
        return SurveyRead::default();
    }
    static ITEM: OnceLock<Regex> = OnceLock::new();
    let item = ITEM.get_or_init(|| Regex::new(r"^#[0-9]{1,4}$").expect("survey item pattern"));
    static PAGE: OnceLock<Regex> = OnceLock::new();
    let page = PAGE.get_or_init(|| Regex::new(r"^(\p{L}+) [0-9]{1,3}: +\S").expect("survey page pattern"));
    static COUNTER: OnceLock<Regex> = OnceLock::new();
    let counter = COUNTER.get_or_init(|| Regex::new(r"^[0-9]{1,3} / [0-9]{1,3}$").expect("survey counter pattern"));
    // Each line with its start in the text.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        lines.push((start, line.trim_end_matches('\r')));
        start += line.len() + 1;
    }
    let items = lines.iter().filter(|(_, l)| item.is_match(l.trim_end())).count();
    // Page titles open with the same word and count up; the most frequent
    // word counts, and a list's `Goal 16:` `Goal 17:` printed twice is none.
    let titles: Vec<(&str, u32)> = lines
        .iter()
        .filter_map(|(_, l)| {
            let c = page.captures(l)?;
            let number = l[c.get(1)?.end()..].trim_start().split(':').next()?.parse().ok()?;
            Some((c.get(1)?.as_str(), number))
        })
        .collect();
    let mut words: Vec<&str> = titles.iter().map(|t| t.0).collect();
    words.sort_unstable();
    let page_word = words
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .filter(|run| run.len() >= MIN_ITEMS)
        .map(|run| run[0]);
    let Some(page_word) = page_word.filter(|_| items >= MIN_ITEMS) else {
        return SurveyRead::default();
    };
    let numbers: Vec<u32> = titles.iter().filter(|t| t.0 == page_word).map(|t| t.1).collect();
    if numbers.windows(2).any(|w| w[1] <= w[0]) {
        return SurveyRead::default();
    }
    let is_page = |l: &str| page.captures(l).and_then(|c| c.get(1)).is_some_and(|m| m.as_str() == page_word);
    let Some(first_page) = lines.iter().position(|(_, l)| is_page(l)) else {
        return SurveyRead::default();
    };
    let header: Vec<&str> = lines[..first_page].iter().map(|(_, l)| l.trim()).filter(|l| !l.is_empty()).collect();
    let mut cuts: Vec<(Range<usize>, &str)> = Vec::new();
    let mut read = SurveyRead::default();
    let blank = |cuts: &mut Vec<(Range<usize>, &str)>, (at, line): (usize, &str)| {
        if !line.is_empty() {
            cuts.push((at..at + line.len(), ""));
        }
    };
    for &line in &lines[..first_page] {
        if !line.1.trim().is_empty() {
            read.set_aside += 1;
        }
        blank(&mut cuts, line);
    }
    // Lines left blank as furniture, which a label is looked for past.
    let mut furniture = vec![false; lines.len()];
    let mut i = first_page;
    while i < lines.len() {
        if counter.is_match(lines[i].1.trim()) {
            furniture[i] = true;
            // The header the next page repeats, after blank lines.
            let mut j = i + 1;
            while j < lines.len() && lines[j].1.trim().is_empty() {
                j += 1;
            }
            while j < lines.len() && !lines[j].1.trim().is_empty() && header.contains(&lines[j].1.trim()) {
                furniture[j] = true;
                j += 1;
            }
        }
        i += 1;
    }
    for (n, &(at, line)) in lines.iter().enumerate().skip(first_page) {
        let body = line.trim();
        if furniture[n] {
            read.set_aside += 1;
            blank(&mut cuts, (at, line));
        } else if is_page(line) {
            // `Page 4: ` goes, the title stays.
            let title = line.find(':').map_or(0, |c| c + 1);
            let title = title + line[title..].len() - line[title..].trim_start().len();
            cuts.push((at..at + title, ""));
        } else if SKIPPED.contains(&body) {
            blank(&mut cuts, (at, line));
        } else if item.is_match(line.trim_end()) {
            // An item: its label, not indented, over its indented value.
            let label = (n + 1..lines.len()).find(|&k| !furniture[k] && !lines[k].1.trim().is_empty());
            let Some(k) = label else { continue };
            let (label_at, label) = lines[k];
            let indented = |l: &str| l.starts_with([' ', '\t']) && !l.trim().is_empty();
            if indented(label) || !lines.get(k + 1).is_some_and(|l| indented(l.1)) {
                continue;
            }
            blank(&mut cuts, (at, line));
            read.items += 1;
            if !label.trim_end().ends_with(':') {
                let end = label_at + label.trim_end().len();
                cuts.push((end..end, ":"));
            }
        }
    }
    if read.items < MIN_ITEMS {
        return SurveyRead::default();
    }
    crate::decode::replace_ranges(text, cuts);
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value_below as below;
    use crate::{parse, repair_plain_text};

    const PRINTOUT: &str = "Premios 2024 – Respuestas\n#7\nCOMPLETE\nCollector:   Enlace 2\n\n\
                            Page 1: Datos de la entidad\n\n#1\nMember State\n    Ghana\n\n#2\nInstitution Name\n    \
                            Tamale Metropolitan Assembly\n\n          1 / 3\n\nPremios 2024 – Respuestas\n#7\n\
                            COMPLETE\n\n#3\nSitio web\n    Respondent skipped this question\n\n\
                            Page 2: Pregunta 1\n\nDescriba la iniciativa.\n    Una ventanilla única.\n\n\
                            Page 3: Pregunta 2\n\nExplique el alcance.\n    Toda la ciudad.\n";

    #[test]
    fn a_survey_printout_reads_as_labels_over_values() {
        let mut text = PRINTOUT.to_string();
        let read = read_survey(&mut text);
        assert_eq!(read, SurveyRead { items: 3, set_aside: 8 });
        assert_eq!(
            text,
            "\n\n\n\n\nDatos de la entidad\n\n\nMember State:\n    Ghana\n\n\nInstitution Name:\n    Tamale \
             Metropolitan Assembly\n\n\n\n\n\n\n\n\nSitio web:\n\n\nPregunta 1\n\nDescriba la iniciativa.\n    Una \
             ventanilla única.\n\nPregunta 2\n\nExplique el alcance.\n    Toda la ciudad.\n"
        );
        assert_eq!(text.lines().count(), PRINTOUT.lines().count());
        // Numbered lines without page titles, or over text not indented
        // under a label, make no printout.
        for kept in [
            "Notes\n#1\nFirst\n    a\n#2\nSecond\n    b\n#3\nThird\n    c\n",
            "Page 1: A\n#1\nSummary\nText\n#2\nWhy\nText\n#3\nHow\nText\nPage 2: B\nPage 3: C\n",
        ] {
            let mut text = kept.to_string();
            assert_eq!(read_survey(&mut text), SurveyRead::default());
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn a_survey_printout_is_parsed_as_a_form() {
        let mut text = PRINTOUT.to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.survey.items, 3);
        assert_eq!(repairs.warnings()[0].0, "survey_response_read");
        let doc = parse(text);
        assert_eq!(below(&doc, "field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(below(&doc, "field.institution_name").as_deref(), Some("Tamale Metropolitan Assembly"));
        assert_eq!(below(&doc, "field.website"), None);
    }
}
