//! A screen reader's speech log of a form page (as a speech viewer
//! prints it: one utterance a line, its chunks two blanks apart, `Country
//! combo box  collapsed  Ghana`), read as the label and value lines the
//! form parser knows.

/// The fewest utterances naming a field's role that make a text a log.
const MIN_FIELDS: usize = 5;

/// The most buttons of a radio group read onto its question's line.
const MAX_BUTTONS: usize = 16;

/// Roles after which a field's value is spoken.
const FIELD_ROLES: [&str; 6] = ["combo box", "edit", "list", "list box", "spin button", "text area"];

/// Roles and states spoken about a control, not by the page.
const SPOKEN: [&str; 28] = [
    "button",
    "check box",
    "checked",
    "clickable",
    "collapsed",
    "combo box",
    "document",
    "edit",
    "expanded",
    "focused",
    "grouping",
    "has auto complete",
    "invalid entry",
    "link",
    "list",
    "list box",
    "multi line",
    "multi select",
    "not checked",
    "not selected",
    "read only",
    "required",
    "selected",
    "separator",
    "spin button",
    "status",
    "unavailable",
    "visited",
];

/// What reading a speech log did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpeechRead {
    /// Utterances read.
    pub utterances: usize,
    /// Blank lines set before headings that followed a line of text.
    pub set_apart: usize,
}

/// Whether a chunk is the screen reader's own words: a role, a state, a
/// landmark (`main landmark`, `out of list`), a place (`level 2`, `1 of 2`,
/// `with 4 items`, `2 selected`).
fn spoken(chunk: &str) -> bool {
    if SPOKEN.contains(&chunk) || chunk.ends_with(" landmark") || chunk.starts_with("out of ") {
        return true;
    }
    let words: Vec<&str> = chunk.split(' ').collect();
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        ["level", n] | [n, "selected"] => number(n),
        [a, "of", b] => number(a) && number(b),
        ["with", n, "items" | "item"] => number(n),
        _ => false,
    }
}

/// An utterance's chunks.
fn chunks(line: &str) -> Vec<&str> {
    line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()
}

/// A radio button's utterance (`radio button  checked  Yes  1 of 2`): whether
/// it is checked, and its word.
fn radio(line: &str) -> Option<(bool, String)> {
    let c = chunks(line);
    if c.first() != Some(&"radio button") {
        return None;
    }
    let checked = c.contains(&"checked");
    let words: Vec<&str> = c[1..].iter().copied().filter(|c| !spoken(c)).collect();
    Some((checked, words.join(" ")))
}

/// Reads a screen reader's speech log of a form page as the lines a form
/// prints: a field's label and spoken value as `Country: Ghana` (`blank`,
/// an empty field, as `Country:`), a radio group's buttons on its
/// question's line after their boxes (`Public? [x] Yes [ ] No`, their own
/// lines left blank), a heading's words alone, set apart by a blank line
/// above as a page sets it apart, a selected item's words; the reader's
/// roles, states and landmarks are set aside. A text that is not such a log
/// ([`MIN_FIELDS`] utterances naming a field's role) is left as it is.
pub fn read_speech_log(text: &mut String) -> SpeechRead {
    // A log speaks of its controls' roles, two blanks apart from the words.
    let b = text.as_bytes();
    let hint = |n: &[u8]| memchr::memmem::find(b, n).is_some();
    if !hint(b"  edit") && !hint(b"  combo box") && !hint(b"  radio button") && !text.contains("\nradio button  ") {
        return SpeechRead::default();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<&str> = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let fields = lines
        .iter()
        .filter(|l| {
            let c = chunks(l);
            c.first() == Some(&"radio button") || c.iter().skip(1).any(|c| FIELD_ROLES.contains(c))
        })
        .count();
    if fields < MIN_FIELDS {
        return SpeechRead::default();
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + 16);
    let mut set_apart = 0;
    let mut utterances = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let c = chunks(line);
        i += 1;
        let Some(&first) = c.first() else {
            out.push(line.to_string());
            continue;
        };
        utterances += 1;
        // A group of radio buttons: the checked one is the answer.
        if c.len() >= 2 && c.last() == Some(&"grouping") {
            let label = c[..c.len() - 1].join(" ");
            let mut row = format!("{label}:");
            let mut buttons = 0;
            while buttons < MAX_BUTTONS
                && let Some(&next) = lines.get(i)
                && let Some((checked, word)) = radio(next)
            {
                row.push_str(if checked { " [x] " } else { " [ ] " });
                row.push_str(&word);
                buttons += 1;
                i += 1;
            }
            out.push(if buttons == 0 { label } else { row });
            out.extend(std::iter::repeat_n(String::new(), buttons));
            utterances += buttons;
            continue;
        }
        if let Some((checked, word)) = radio(line) {
            out.push(format!("{} {word}", if checked { "[x]" } else { "[ ]" }));
            continue;
        }
        if first == "heading" {
            let title: Vec<&str> = c[1..].iter().copied().filter(|c| !spoken(c)).collect();
            if out.last().is_some_and(|l| !l.trim().is_empty()) {
                out.push(String::new());
                set_apart += 1;
            }
            out.push(title.join(" "));
            continue;
        }
        // A field: its label, its role, states, then its value.
        if let Some(role) = c.iter().skip(1).position(|c| FIELD_ROLES.contains(c)).map(|p| p + 1)
            && !spoken(c[0])
        {
            let label = c[..role].join(" ");
            let value: Vec<&str> = c[role + 1..].iter().copied().filter(|c| !spoken(c)).collect();
            let value = value.join(" ");
            out.push(match value.as_str() {
                // A long text's box, its text on the lines under it.
                "" if c[role + 1..].contains(&"multi line") => label,
                "" | "blank" => format!("{label}:"),
                _ => format!("{label}: {value}"),
            });
            continue;
        }
        let words: Vec<&str> = c.iter().copied().filter(|c| !spoken(c)).collect();
        out.push(if words.len() == c.len() { line.to_string() } else { words.join(" ") });
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    *text = joined;
    SpeechRead { utterances, set_apart }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, parse, repair_plain_text};

    const LOG: &str = "Awards Portal  Chromium\n\
        heading  level 2  Applicant\n\
        Country of the applicant  combo box  collapsed  Ghana\n\
        Organisation  edit  read only  Accra Metropolitan Assembly\n\
        Web site  edit  read only  blank\n\
        Is it a public body?  grouping\n\
        radio button  not checked  Yes  1 of 2\n\
        radio button  checked  No  2 of 2\n\
        out of grouping\n\
        Goals chosen  list box  multi select  1 selected\n\
        list  with 1 items\n\
        Goal 6: Clean water and sanitation  selected  1 of 1\n\
        out of list\n\
        heading  level 3  Question 1\n\
        Describe the project (200 words at most)  edit  multi line  read only\n\
        Wells were dug in every district.";

    #[test]
    fn a_speech_log_reads_as_labels_values_and_titles() {
        let mut text = LOG.to_string();
        let read = read_speech_log(&mut text);
        assert_eq!(read, SpeechRead { utterances: 16, set_apart: 1 });
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "");
        assert_eq!(lines[2], "Applicant");
        assert_eq!(lines[3], "Country of the applicant: Ghana");
        assert_eq!(lines[4], "Organisation: Accra Metropolitan Assembly");
        assert_eq!(lines[5], "Web site:");
        assert_eq!(lines[6], "Is it a public body?: [ ] Yes [x] No");
        assert_eq!(lines[7], "");
        assert_eq!(lines[12], "Goal 6: Clean water and sanitation");
        // `out of list` leaves its line blank: the heading needs no other.
        assert_eq!(lines[13], "");
        assert_eq!(lines[14], "Question 1");
        assert_eq!(lines[15], "Describe the project (200 words at most)");
        assert_eq!(lines[16], "Wells were dug in every district.");
    }

    #[test]
    fn prose_with_double_blanks_is_no_speech_log() {
        let mut text = "Country  edit  Ghana\nA note  edit  later\nNothing else here.".to_string();
        assert_eq!(read_speech_log(&mut text), SpeechRead::default());
        assert!(text.starts_with("Country  edit"));
    }

    #[test]
    fn a_form_spoken_by_a_screen_reader_is_read_as_a_form() {
        let mut text = "heading  level 1  Basic information\n\
                        Member State  combo box  collapsed  Ghana\n\
                        Institution Name  edit  read only  Tamale Assembly\n\
                        Initiative name  edit  read only  Clean Water for All\n\
                        Is the initiative public sector?  grouping\n\
                        radio button  checked  Yes  1 of 2\n\
                        radio button  not checked  No  2 of 2\n\
                        out of grouping\n\
                        heading  level 3  Question 1\n\
                        Please describe the initiative (300 words maximum)  edit  multi line  read only\n\
                        Wells were dug.\n\
                        heading  level 3  Question 2\n\
                        Please explain how it fits the category (100 words maximum)  edit  multi line  read only\n\
                        It serves everyone.\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.warnings()[0].0, "speech_log_read");
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let value = |key: &str| crate::testgen::field_value(&doc, key);
        assert_eq!(value("field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(value("field.initiative_name").as_deref(), Some("Clean Water for All"));
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[1].number, 2);
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
    }
}
