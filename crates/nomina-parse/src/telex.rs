//! A form sent as a telex (`ZCZC` … `NNNN` messages, often in several
//! parts), read without the transmission's machinery: headers and trailers
//! left blank, lines the teleprinter continued joined, `//heading//` marks
//! and an answer mark (`ANS: `) set aside.

/// What reading a telex did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TelexRead {
    /// Messages (`ZCZC` … `NNNN`) read.
    pub messages: usize,
    /// Lines of headers and trailers left blank.
    pub blanked: usize,
    /// Continuation lines joined onto the line they continue, their own
    /// lines left blank.
    pub joined: usize,
}

/// Most lines of a message's header (`ZCZC`, priority and address, origin
/// and date, `ATTN:`, part counter) before the first blank line.
const MAX_HEADER_LINES: usize = 8;
/// Most lines of a trailer (`+++ END`, `COL …`) before `NNNN`.
const MAX_TRAILER_LINES: usize = 4;
/// The fewest lines an answer mark opens to be taken for one.
const MIN_ANSWER_MARKS: usize = 3;

/// Reads a telex: a text with a line opening `ZCZC` and a later line
/// `NNNN`. Each message's header (from `ZCZC` to the first blank line) and
/// trailer (from a line opening `+++` to `NNNN`) are left blank; a line
/// indented under the line before it is joined onto that line with one
/// space and left blank; `//Heading//` reads as the heading; a short word
/// in capitals with a colon that opens three lines or more (`ANS: `) is set
/// aside. Lines ended by `CR CR LF` (as a teleprinter ends them) end with
/// one line break, the other `CR` read as a blank. Lines keep their
/// numbers.
pub fn read_telex(text: &mut String) -> TelexRead {
    let none = TelexRead::default();
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"ZCZC").is_none() || memchr::memmem::find(b, b"NNNN").is_none() {
        return none;
    }
    let normalized = text.replace("\r\r\n", " \r\n");
    let mut lines: Vec<(String, &str)> = normalized
        .split_inclusive('\n')
        .map(|l| {
            let body = l.trim_end_matches(['\r', '\n']);
            (body.to_string(), &l[body.len()..])
        })
        .collect();
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].0.starts_with("ZCZC")).collect();
    let ends: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].0.trim() == "NNNN").collect();
    let (Some(&first), Some(&last)) = (starts.first(), ends.last()) else { return none };
    if last < first {
        return none;
    }
    let mut read = TelexRead { messages: starts.len().min(ends.len()), ..none };
    let mut blank = vec![false; lines.len()];
    for &s in &starts {
        for (i, (line, _)) in lines.iter().enumerate().skip(s).take(MAX_HEADER_LINES) {
            if line.trim().is_empty() {
                break;
            }
            blank[i] = true;
        }
    }
    for &e in &ends {
        blank[e] = true;
        let mut from = e;
        for i in (e.saturating_sub(MAX_TRAILER_LINES)..e).rev() {
            let line = lines[i].0.trim();
            if line.is_empty() {
                break;
            }
            if line.starts_with("+++") {
                from = i;
            }
        }
        blank[from..e].iter_mut().for_each(|x| *x = true);
    }
    for (i, (line, _)) in lines.iter_mut().enumerate() {
        if blank[i] && !line.trim().is_empty() {
            read.blanked += 1;
            line.clear();
        }
    }
    // Continuations, onto the line they continue.
    let mut target: Option<usize> = None;
    for i in 0..lines.len() {
        let line = &lines[i].0;
        if line.trim().is_empty() {
            target = None;
            continue;
        }
        if line.starts_with("  ")
            && let Some(t) = target
        {
            let rest = line.trim().to_string();
            let joined = &mut lines[t].0;
            joined.truncate(joined.trim_end().len());
            joined.push(' ');
            joined.push_str(&rest);
            lines[i].0.clear();
            read.joined += 1;
            continue;
        }
        target = Some(i);
    }
    for (line, _) in &mut lines {
        let body = line.trim();
        if let Some(inner) = body.strip_prefix("//").and_then(|r| r.strip_suffix("//"))
            && !inner.trim().is_empty()
            && !inner.contains("//")
        {
            *line = format!("  {inner}  ");
        }
    }
    if let Some(mark) = answer_mark(&lines) {
        for (line, _) in &mut lines {
            if line.starts_with(&mark) {
                line.replace_range(..mark.len(), &" ".repeat(mark.chars().count()));
            }
        }
    }
    let mut out = String::with_capacity(normalized.len());
    for (line, end) in &lines {
        out.push_str(line);
        out.push_str(end);
    }
    *text = out;
    read
}

/// The answer mark of a telex: a word of two to five capitals with a colon
/// and a blank (`ANS: `) that opens [`MIN_ANSWER_MARKS`] lines or more, the
/// most often.
fn answer_mark(lines: &[(String, &str)]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (line, _) in lines {
        let Some(colon) = line.find(": ") else { continue };
        let word = &line[..colon];
        let n = word.chars().count();
        if !(2..=5).contains(&n) || !word.chars().all(char::is_uppercase) {
            continue;
        }
        let mark = &line[..colon + 2];
        match counts.iter_mut().find(|(m, _)| m == mark) {
            Some((_, c)) => *c += 1,
            None => counts.push((mark.to_string(), 1)),
        }
    }
    counts.into_iter().filter(|&(_, c)| c >= MIN_ANSWER_MARKS).max_by_key(|&(_, c)| c).map(|(m, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, parse, repair_plain_text};

    const TELEX: &str = "ZCZC ACC101 0203 1015\r\r\nGG UNHQ NYK\r\r\n.ACCRA 02/03/2021 10:15\r\r\n\
        ATTN: AWARDS DESK\r\r\nPART 1 OF 2 +++\r\r\n\r\r\n\
        //Applicant//\r\r\nCountry : Ghana\r\r\nName of the organization : Tamale\r\r\n    Metropolitan Assembly\r\r\n\
        Projects Operational\r\r\n    Years : 4\r\r\n\r\r\n\
        //Question 1//\r\r\nDescribe the programme. (150 words maximum)\r\r\n\
        ANS: Clean streets in\r\r\nevery ward.\r\r\n\r\r\n\
        +++ TO FOLLOW\r\r\nCOL 2021 02/03 1015\r\r\nNNNN\r\r\n\r\r\n\
        ZCZC ACC102 0203 1016\r\r\nGG UNHQ NYK\r\r\nPART 2 OF 2 +++\r\r\n\r\r\n\
        //Question 2//\r\r\nDescribe the partners. (100 words maximum)\r\r\n\
        ANS: The chiefs.\r\r\n\r\r\n//Question 3//\r\r\nWhat was learned? (100 words maximum)\r\r\n\
        ANS: Patience.\r\r\n+++ END\r\r\nNNNN\r\r\n";

    #[test]
    fn a_telex_reads_without_its_machinery() {
        let mut text = TELEX.to_string();
        let read = read_telex(&mut text);
        assert_eq!(read, TelexRead { messages: 2, blanked: 13, joined: 2 });
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        assert_eq!(lines.len(), TELEX.matches("\r\r\n").count());
        assert_eq!(lines[..5], ["", "", "", "", ""]);
        assert_eq!(lines[6], "  Applicant");
        assert_eq!(lines[8], "Name of the organization : Tamale Metropolitan Assembly");
        assert_eq!(lines[9], "");
        assert_eq!(lines[10], "Projects Operational Years : 4");
        assert_eq!(lines[15], "     Clean streets in");
        assert_eq!(lines[16], "every ward.");
    }

    #[test]
    fn a_telex_read_in_place_gives_the_form() {
        let mut text = TELEX.to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.warnings().iter().any(|w| w.0 == "telex_read"));
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let name = form.institution.iter().find(|f| f.key == "field.institution_name").expect("a name");
        assert_eq!(doc.slice(name.value.expect("a value")), "Tamale Metropolitan Assembly");
        assert_eq!(form.questions.len(), 3);
        let answer: Vec<&str> = form.questions[0].parts[0].answer.iter().map(|l| doc.slice(l.span).trim()).collect();
        assert_eq!(answer, ["Clean streets in", "every ward."]);
        assert_eq!(form.questions[2].parts[0].word_limit, Some(100));
    }

    #[test]
    fn prose_naming_the_marks_is_no_telex() {
        let kept = "Telex messages opened with ZCZC and closed with NNNN.\n  Country : Ghana\n";
        let mut text = kept.to_string();
        assert_eq!(read_telex(&mut text), TelexRead::default());
        assert_eq!(text, kept);
    }
}
