//! A document printed from a groupware database (Lotus Notes, an outline
//! view) with its sections expanded: each section title opens with the
//! twisty that expanded it (`▼ Applicant`), read as the title alone.

/// The twisties an expanded section shows.
const TWISTIES: [char; 3] = ['▼', '▾', '▽'];

/// The fewest lines opened by a twisty that make a text such a print: one
/// or two triangles in a page are bullets or arrows.
const MIN_TWISTIES: usize = 3;

/// Sets aside the twisty opening each section title of a printed document
/// (`▼ Applicant` reads as `  Applicant`, so that the title stands alone on
/// its line as a heading) where [`MIN_TWISTIES`] lines or more open with
/// one and a blank; says how many. Lines keep their numbers, whatever ends
/// them (a print may end its lines with `CR` alone).
pub fn read_twisties(text: &mut String) -> usize {
    // The three twisties are `E2 96 BC`, `E2 96 BE` and `E2 96 BD` in UTF-8.
    if memchr::memmem::find(text.as_bytes(), b"\xE2\x96").is_none() {
        return 0;
    }
    let mut opens = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive(['\n', '\r']) {
        let body = line.trim_start_matches([' ', '\t']);
        let at = start + (line.len() - body.len());
        if let Some(c) = body.chars().next()
            && TWISTIES.contains(&c)
            && body[c.len_utf8()..].starts_with(' ')
            && !body[c.len_utf8()..].trim().is_empty()
        {
            opens.push(at..at + c.len_utf8());
        }
        start += line.len();
    }
    if opens.len() < MIN_TWISTIES {
        return 0;
    }
    let n = opens.len();
    crate::decode::replace_ranges(text, opens.into_iter().map(|r| (r, " ")).collect());
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, repair_plain_text};

    const PRINT: &str = "Application AB-17 - Awards.nsf\r\
        \r\
        Application record\r\
        =================\r\
        \r\
        ▼ Applicant\r\
        \r\
        ▼ Proposing body\r\
        \r\
        Country:                          Ghana\r\
        Name of the organization:         Tamale Metropolitan Assembly\r\
        \r\
        ▼ I — Public nature\r\
        \r\
        Is the programme run by a public body?:\tYES\r\
        \r\
        ▼ II — Prize category\r\
        \r\
        Category entered:                 Fostering innovation in service delivery\r\
        \r\
        ▼ III — Goals\r\
        \r\
        Linked to one of the 17 SDGs:     YES\r\
        \r\
        ▼ IV — Dates\r\
        \r\
        Start of implementation (dd-mm-yyyy):\t03-05-2018\r\
        \r\
        ▼ V — Partners\r\
        \r\
        Were United Nations bodies involved?:\tNO\r\
        \r\
        ▼ VI — Past entries\r\
        \r\
        Entered in the three last cycles: NO\r\
        \r\
        ▼ VII — UN prize\r\
        \r\
        Earlier winner of the UN prize:   NO\r\
        \r\
        ▼ VIII — Other prizes\r\
        \r\
        Winner of other public service prizes:\tYES\r\
        \r\
        ▼ IX — Source\r\
        \r\
        How the prize became known:       Internet\r\
        \r\
        ▼ X — Consent\r\
        \r\
        Consent to contacts for checking: YES\r\
        \r\
        ▼ Narrative\r\
        \r\
        Question 1\r\
        ----------\r\
        Describe the programme. (150 words maximum)\r\
        \r\
            Clean streets.\r";

    #[test]
    fn twisties_are_set_aside() {
        let mut text = PRINT.to_string();
        assert_eq!(read_twisties(&mut text), 13);
        assert!(text.contains("\r  Applicant\r"));
        assert!(text.contains("\r  IV — Dates\r"));
        assert_eq!(text.split('\r').count(), PRINT.split('\r').count());
        let mut few = "▼ one\n▼ two\nText ▼ here\n".to_string();
        assert_eq!(read_twisties(&mut few), 0);
        assert_eq!(few, "▼ one\n▼ two\nText ▼ here\n");
    }

    #[test]
    fn a_print_with_twisties_gives_its_sections_fields() {
        let mut text = PRINT.to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.warnings().iter().any(|w| w.0 == "twisties_read"));
        let doc = parse(text);
        let field = |key: &str| crate::testgen::field_value(&doc, key);
        assert_eq!(field("field.public_sector").as_deref(), Some("YES"));
        assert_eq!(field("field.implementation_date").as_deref(), Some("03-05-2018"));
    }
}
