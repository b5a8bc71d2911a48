//! A form shown in subtitles (SubRip `.srt`, WebVTT): numbered cues with
//! time ranges, read as the lines the cues show.

use std::sync::OnceLock;

use regex::Regex;

/// What reading subtitles did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SubtitlesRead {
    /// Cues whose number and time range were left blank.
    pub cues: usize,
    /// Style tags (`<i>`, `<b>`, `<font …>`) and position overrides
    /// (`{\an8}`) removed from the cues' text.
    pub marks: usize,
}

/// The fewest cues with a time range that make a text subtitles: an arrow
/// between two times in prose is text.
const MIN_CUES: usize = 3;

/// Reads subtitles holding [`MIN_CUES`] cues or more as the text the cues
/// show: a cue's number and its time range (`00:00:01,000 --> 00:00:04,000`,
/// a WebVTT cue's settings after it) are left blank, and so is a `WEBVTT`
/// header; the style tags of a cue's text (`<i>`, `</b>`, `<u>`, `<font
/// color=…>`) and its override blocks (`{\an8}`) go. A `<` opening any other
/// word is text. Every line keeps its number, so a cue of a label over its
/// value reads as the label over the value.
pub fn read_subtitles(text: &mut String) -> SubtitlesRead {
    let none = SubtitlesRead::default();
    // An HTML comment's `-->` ends its line; a cue's arrow stands between blanks.
    if !text.contains(" --> ") {
        return none;
    }
    static TIMING: OnceLock<Regex> = OnceLock::new();
    let timing = TIMING.get_or_init(|| {
        Regex::new(
            r"^[ \t]*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}(?:[ \t].*)?$",
        )
        .expect("cue timing pattern")
    });
    static MARKS: OnceLock<Regex> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        Regex::new(r"(?i)</?(?:[ibus]|font(?:[ \t][^<>\n]*)?)>|\{\\[^{}\n]*\}").expect("cue marks pattern")
    });
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let timed: Vec<usize> = (0..lines.len()).filter(|&i| timing.is_match(content(lines[i]))).collect();
    if timed.len() < MIN_CUES {
        return none;
    }
    let mut read = SubtitlesRead { cues: timed.len(), marks: 0 };
    let mut blank = vec![false; lines.len()];
    let mut in_cue = vec![false; lines.len()];
    for &t in &timed {
        blank[t] = true;
        if let Some(n) = t.checked_sub(1)
            && content(lines[n]).trim().bytes().all(|b| b.is_ascii_digit())
        {
            blank[n] = true;
        }
        for (i, line) in lines.iter().enumerate().skip(t + 1) {
            if content(line).trim().is_empty() {
                break;
            }
            in_cue[i] = true;
        }
    }
    if let Some(first) = lines.iter().position(|l| !content(l).trim().is_empty())
        && content(lines[first]).trim_start_matches('\u{feff}').starts_with("WEBVTT")
    {
        blank[first] = true;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let body = content(line);
        let end = &line[body.len()..];
        if blank[i] {
            out.push_str(end);
        } else if in_cue[i] && marks.is_match(body) {
            read.marks += marks.find_iter(body).count();
            out.push_str(&marks.replace_all(body, ""));
            out.push_str(end);
        } else {
            out.push_str(line);
        }
    }
    *text = out;
    read
}

/// A line without its line end.
fn content(line: &str) -> &str {
    line.trim_end_matches(['\r', '\n'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, parse, repair_plain_text};

    const SRT: &str = "1\r\n00:00:00,000 --> 00:00:02,500\r\n{\\an8}<b>Nomination</b>\r\n\r\n\
        2\r\n00:00:02,600 --> 00:00:05,000\r\nMember State\r\nGhana\r\n\r\n\
        3\r\n00:00:05,100 --> 00:00:08,000\r\nInstitution Name\r\n<font color=\"#fff\">Tamale Metropolitan Assembly</font>\r\n\r\n\
        4\r\n00:00:08,100 --> 00:00:09,000\r\nProjects Operational Years\r\n4\r\n\r\n\
        5\r\n00:00:09,100 --> 00:00:10,000\r\n<b>Question 1</b>\r\n\r\n\
        6\r\n00:00:10,100 --> 00:00:12,000\r\n<i>Describe the programme (150 words maximum)</i>\r\n\r\n\
        7\r\n00:00:12,100 --> 00:00:15,000\r\n<Clean Streets> swept every ward.\r\n";

    #[test]
    fn subtitles_read_as_the_lines_their_cues_show() {
        let mut text = SRT.to_string();
        let lines = text.lines().count();
        assert_eq!(read_subtitles(&mut text), SubtitlesRead { cues: 7, marks: 9 });
        assert_eq!(text.lines().count(), lines);
        assert_eq!(
            text,
            "\r\n\r\nNomination\r\n\r\n\r\n\r\nMember State\r\nGhana\r\n\r\n\r\n\r\nInstitution Name\r\n\
             Tamale Metropolitan Assembly\r\n\r\n\r\n\r\nProjects Operational Years\r\n4\r\n\r\n\r\n\r\n\
             Question 1\r\n\r\n\r\n\r\nDescribe the programme (150 words maximum)\r\n\r\n\r\n\r\n\
             <Clean Streets> swept every ward.\r\n"
        );
        let mut vtt = "WEBVTT\n\n00:01.000 --> 00:02.000 align:start\nA\n\n00:02.000 --> 00:03.000\nB\n\n\
                       00:03.000 --> 00:04.000\n<b>C</b>\n"
            .to_string();
        assert_eq!(read_subtitles(&mut vtt), SubtitlesRead { cues: 3, marks: 2 });
        assert_eq!(vtt, "\n\n\nA\n\n\nB\n\n\nC\n");
    }

    #[test]
    fn subtitles_read_in_place_give_the_form_its_fields() {
        let mut text = SRT.to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.warnings().iter().any(|w| w.0 == "subtitles_read"));
        let doc = parse(text);
        // A label over its value holds the value as its line below.
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let below = |key: &str| -> Vec<&str> {
            let field = form.institution.iter().chain(form.basic.iter().flat_map(|b| &b.fields)).find(|f| f.key == key);
            field.map(|f| f.items.iter().map(|l| doc.slice(l.span)).collect()).unwrap_or_default()
        };
        assert_eq!(below("field.institution_name"), ["Tamale Metropolitan Assembly"]);
        assert_eq!(below("field.member_state"), ["Ghana"]);
        assert_eq!(form.questions.len(), 1);
        // The answer is the cue's text, without its number and times.
        let part = &form.questions[0].parts[0];
        assert_eq!(part.word_limit, Some(150));
        let answer: Vec<&str> = part.answer.iter().map(|l| doc.slice(l.span).trim()).collect();
        assert_eq!(answer, ["<Clean Streets> swept every ward."]);
    }

    #[test]
    fn a_few_arrows_are_no_subtitles() {
        let kept = "Timeline\n10:00.000 --> 11:00.000 setup\n<b>Country</b>: Ghana\n";
        let mut text = kept.to_string();
        assert_eq!(read_subtitles(&mut text), SubtitlesRead::default());
        assert_eq!(text, kept);
    }
}
