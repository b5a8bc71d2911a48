//! A form shown in a Windows PowerShell transcript: `Format-List` output
//! (`Label : value`, labels padded to the longest of their group, long
//! values hard-wrapped under the value's column) between prompt lines,
//! read as the label and value lines the form parser knows.

/// What reading a PowerShell transcript did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TranscriptRead {
    /// `Label : value` lines read.
    pub entries: usize,
    /// Lines of the session (prompts, the transcript's header and footer)
    /// left blank.
    pub blanked: usize,
    /// Wrapped lines joined onto the line they continue, left blank.
    pub joined: usize,
}

/// The fewest prompt lines (`PS C:\…>`) that make a text a transcript.
const MIN_PROMPTS: usize = 3;
/// The fewest `Label : value` lines.
const MIN_ENTRIES: usize = 5;
/// The fewest lines a property's name opens to be taken for a program's
/// key (`Reply : …` in every record) rather than a form's label.
const MIN_KEY_LINES: usize = 3;

/// Whether a line is a prompt (`PS C:\Users\me> command`).
fn is_prompt(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("PS ") else { return false };
    let b = rest.as_bytes();
    b.len() > 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\' && rest.contains('>')
}

/// A `Format-List` line taken apart: the label's end, where the value
/// starts (its column, for wrapped lines), the label.
fn entry(line: &str) -> Option<(usize, usize)> {
    if line.starts_with([' ', '\t']) {
        return None;
    }
    let colon = line.find(" :").filter(|&c| line[c + 2..].is_empty() || line[c + 2..].starts_with(' '))?;
    let label = line[..colon].trim_end();
    (!label.is_empty() && !label.contains(": ")).then_some((label.len(), colon + 3))
}

/// Reads a PowerShell transcript (see [`MIN_PROMPTS`], [`MIN_ENTRIES`]):
/// prompt lines and the header and footer between lines of `*` are left
/// blank; a group's heading (`   Heading: Part I`) reads as its title; a
/// `Label   : value` line as `Label: value`, or as its value alone when the
/// label opens [`MIN_KEY_LINES`] lines or more (a record's property); a
/// line indented to the value's column is joined onto the line it
/// continues without a blank (the wrap cut a word) and left blank; an
/// array's braces (`{a, b}`) read as blanks. Lines keep their numbers.
pub fn read_transcript(text: &mut String) -> TranscriptRead {
    let none = TranscriptRead::default();
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"PS ").is_none() || memchr::memmem::find(b, b" : ").is_none() {
        return none;
    }
    let mut lines: Vec<(String, &str)> = text
        .split_inclusive('\n')
        .map(|l| {
            let body = l.trim_end_matches(['\r', '\n']);
            (body.to_string(), &l[body.len()..])
        })
        .collect();
    let prompts = lines.iter().filter(|(l, _)| is_prompt(l)).count();
    let entries = lines.iter().filter(|(l, _)| entry(l).is_some()).count();
    if prompts < MIN_PROMPTS || entries < MIN_ENTRIES {
        return none;
    }
    let mut read = TranscriptRead::default();
    // The header and footer, each between two lines of stars.
    let stars: Vec<usize> =
        (0..lines.len()).filter(|&i| lines[i].0.len() >= 10 && lines[i].0.bytes().all(|c| c == b'*')).collect();
    for pair in stars.chunks_exact(2) {
        for line in &mut lines[pair[0]..=pair[1]] {
            if !line.0.trim().is_empty() {
                read.blanked += 1;
                line.0.clear();
            }
        }
    }
    for (line, _) in &mut lines {
        if is_prompt(line) {
            read.blanked += 1;
            line.clear();
        }
    }
    // Wrapped values, onto their entry's line.
    let mut open: Option<(usize, usize)> = None;
    for i in 0..lines.len() {
        let line = &lines[i].0;
        if let Some((_, column)) = entry(line) {
            open = Some((i, column));
            continue;
        }
        match open {
            Some((at, column))
                if line.len() > column
                    && line.is_char_boundary(column)
                    && line[..column].bytes().all(|c| c == b' ') =>
            {
                let rest = line[column..].to_string();
                lines[at].0.push_str(&rest);
                lines[i].0.clear();
                read.joined += 1;
            }
            _ => open = None,
        }
    }
    let mut counts: rustc_hash::FxHashMap<String, usize> = Default::default();
    for (line, _) in &lines {
        if let Some((end, _)) = entry(line) {
            *counts.entry(line[..end].to_string()).or_default() += 1;
        }
    }
    for (line, _) in &mut lines {
        if let Some((end, column)) = entry(line) {
            read.entries += 1;
            let label = line[..end].to_string();
            let value = line.get(column..).unwrap_or("").trim();
            let value = match value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                Some(items) => format!(" {items} "),
                None => value.to_string(),
            };
            *line = if counts.get(&label).copied().unwrap_or(0) >= MIN_KEY_LINES {
                format!("{}{value}", " ".repeat(column))
            } else {
                format!("{label}: {value}")
            };
            continue;
        }
        // A group's heading: `   Heading: title`.
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        if (2..=4).contains(&indent)
            && let Some(colon) = body.find(": ")
            && colon > 0
            && body[..colon].chars().all(char::is_alphanumeric)
        {
            line.replace_range(..indent + colon + 2, &" ".repeat(indent + colon + 2));
        }
    }
    let mut out = String::with_capacity(text.len());
    for (line, end) in &lines {
        out.push_str(line);
        out.push_str(end);
    }
    *text = out;
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, parse, repair_plain_text};

    const TRANSCRIPT: &str = "**********************\nWindows PowerShell transcript start\nStart time: 20210302101500\n\
        **********************\nPS C:\\Users\\clerk> $n = Import-Clixml .\\GH-2021.clixml\n\
        PS C:\\Users\\clerk> $n | Format-List\n\n   Heading: Applicant\n\n\
        Country                  : Ghana\nName of the organization : Tamale Metropolitan Assembly\n\
        Projects Operational Years : 4\n\
        Goals served             : {Goal 6: Clean water and sanitation, Goal 11: Sustainable cit\n\
        \x20                          ies and communities}\n\
        Partners                 :\n\n\
        PS C:\\Users\\clerk> $n.Answers | Format-List Heading, Reply\n\n\
        Heading : Question 1\nReply   : Describe the programme. (150 words maximum)\n\n\
        Heading : Question 2\nReply   : Describe the partners. (100 words maximum)\n\n\
        Heading : Question 3\nReply   : What was learned? (100 words maximum)\n\n\
        **********************\nWindows PowerShell transcript end\n**********************\n";

    #[test]
    fn a_transcript_reads_as_labels_and_values() {
        let mut text = TRANSCRIPT.to_string();
        let read = read_transcript(&mut text);
        assert_eq!(read, TranscriptRead { entries: 11, blanked: 10, joined: 1 });
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        assert_eq!(lines.len(), TRANSCRIPT.lines().count());
        assert_eq!(lines[7].trim(), "Applicant");
        assert_eq!(lines[9], "Country: Ghana");
        assert_eq!(
            lines[12],
            "Goals served:  Goal 6: Clean water and sanitation, Goal 11: Sustainable cities and communities"
        );
        assert_eq!(lines[13], "");
        assert_eq!(lines[14], "Partners:");
        assert_eq!(lines[18].trim(), "Question 1");
    }

    #[test]
    fn a_transcript_read_in_place_gives_the_form() {
        let mut text = TRANSCRIPT.to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.warnings().iter().any(|w| w.0 == "powershell_transcript_read"));
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let name = form.institution.iter().find(|f| f.key == "field.institution_name").expect("a name");
        assert_eq!(doc.slice(name.value.expect("a value")), "Tamale Metropolitan Assembly");
        assert_eq!(form.questions.len(), 3);
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
    }

    #[test]
    fn prose_with_a_prompt_is_no_transcript() {
        let kept = "PS C:\\> dir\nThe answer : yes\nPS C:\\> exit\n";
        let mut text = kept.to_string();
        assert_eq!(read_transcript(&mut text), TranscriptRead::default());
        assert_eq!(text, kept);
    }
}
