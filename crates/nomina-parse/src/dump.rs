//! Dumps of a form's fields saved as whole texts, read as the label and
//! value lines the form parser knows: an INI file (`[Section]` headers,
//! `Country = Ghana`) and a PDF form's field listing as pdftk prints it
//! (`FieldNameAlt: Country` over `FieldValue: Ghana`, among the lines that
//! describe each field's machinery). Every line keeps its number.

use memchr::memmem;

/// The fewest section headers, and the fewest `key = value` lines, that
/// make a text an INI file.
const MIN_INI_SECTIONS: usize = 3;
const MIN_INI_KEYS: usize = 5;

/// The fewest fields that make a text a pdftk listing.
const MIN_PDF_FIELDS: usize = 5;

/// Characters an editor leaves around a key that print as nothing.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Whether an INI key names a field for a program (`answer_b`, `status`):
/// one word of lower-case letters, digits and underscores. A label for a
/// person has capitals, blanks or punctuation (`Country of the institution`).
fn machine_key(key: &str) -> bool {
    key.chars().any(char::is_alphabetic)
        && key.chars().all(|c| c == '_' || c.is_numeric() || (c.is_alphabetic() && !c.is_uppercase()))
}

/// An INI section header (`[Question 3]`): where its name lies in `line`.
fn ini_section(line: &str) -> Option<(usize, usize)> {
    let body = line.trim_end_matches(is_blank);
    let inner = body.strip_prefix('[')?.strip_suffix(']')?;
    (!inner.trim_matches(is_blank).is_empty() && !inner.contains(['[', ']', '='])).then_some((1, 1 + inner.len()))
}

/// An INI entry (`Country = Ghana`, `answer_b =`): the key's end and where
/// its `=` stands. The line opens with its key (an indented line goes on
/// the entry above), and the `=` has a blank or the line's end on each side,
/// so that an address's `?a=b` is no entry.
fn ini_entry(line: &str) -> Option<(usize, usize)> {
    if line.starts_with(is_blank) || line.starts_with([';', '#', '[']) {
        return None;
    }
    let eq = line.find('=')?;
    let key = line[..eq].trim_end_matches(is_blank);
    let after = &line[eq + 1..];
    let spaced = key.len() < eq && (after.is_empty() || after.starts_with(is_blank));
    (!key.is_empty() && spaced && !key.contains(['"', '<', '>'])).then_some((key.len(), eq))
}

/// Reads an INI file (at least [`MIN_INI_SECTIONS`] `[Section]` headers and
/// [`MIN_INI_KEYS`] `key = value` lines) as titles and label and value
/// lines: a header's brackets become blanks, an entry whose key is a label
/// reads as `label: value`, and one whose key names a field for a program
/// (`answer_b = …`, see [`machine_key`]) as its value alone. Comments and
/// indented lines that go on an entry stay as they are. Says how many
/// headers and entries were read; a text that is no INI file is left as it
/// is.
pub fn read_ini(text: &mut String) -> usize {
    let b = text.as_bytes();
    if !b.contains(&b'[') || memmem::find(b, b" =").is_none() {
        return 0;
    }
    let (mut sections, mut keys) = (0, 0);
    for line in text.lines() {
        if ini_section(line).is_some() {
            sections += 1;
        } else if ini_entry(line).is_some() {
            keys += 1;
        }
    }
    if sections < MIN_INI_SECTIONS || keys < MIN_INI_KEYS {
        return 0;
    }
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive('\n') {
        let line = piece.trim_end_matches(['\n', '\r']);
        let end = &piece[line.len()..];
        if let Some((from, to)) = ini_section(line) {
            out.push(' ');
            out.push_str(&line[from..to]);
            out.push(' ');
            out.push_str(&line[to + 1..]);
        } else if let Some((key_end, eq)) = ini_entry(line) {
            let key = &line[..key_end];
            if machine_key(key) {
                out.extend(std::iter::repeat_n(' ', key.chars().count() + 1));
            } else {
                out.push_str(key);
                out.push(':');
            }
            out.extend(std::iter::repeat_n(' ', line[key_end..eq].chars().filter(|&c| c != '\u{200b}').count()));
            out.push_str(&line[eq + 1..]);
        } else {
            out.push_str(line);
        }
        out.push_str(end);
    }
    *text = out;
    sections + keys
}

/// The keys of a pdftk listing's lines that describe a field's machinery,
/// not what it shows.
const PDF_MACHINERY: [&str; 8] = [
    "FieldType:",
    "FieldName:",
    "FieldFlags:",
    "FieldJustification:",
    "FieldStateOption:",
    "FieldMaxLength:",
    "FieldValueDefault:",
    "FieldNameAltDefault:",
];

/// The keys of the lines that show a field's label and its value.
const PDF_SHOWN: [&str; 2] = ["FieldNameAlt:", "FieldValue:"];

/// Reads a PDF form's fields listed as pdftk's `dump_data_fields` prints
/// them (at least [`MIN_PDF_FIELDS`] records of `FieldType:` and
/// `FieldName:` lines between `---` rules): the label a field shows
/// (`FieldNameAlt:`) and its values (`FieldValue:`, a list's one per line)
/// are read without their keys, and the lines of the field's machinery
/// (type, name path, flags, justification, the states a button may take)
/// and the rules are left blank. A read-only field's value is the form's
/// static text (a heading). Says how many fields were read.
pub fn read_pdf_fields(text: &mut String) -> usize {
    let b = text.as_bytes();
    let Some(first) = memmem::find(b, b"FieldType:") else {
        return 0;
    };
    let fields = memmem::find_iter(&b[first..], b"FieldType:").count();
    if fields < MIN_PDF_FIELDS || memmem::find_iter(b, b"FieldName:").count() < MIN_PDF_FIELDS {
        return 0;
    }
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive('\n') {
        let line = piece.trim_end_matches(['\n', '\r']);
        let end = &piece[line.len()..];
        if line.trim_end() == "---" || PDF_MACHINERY.iter().any(|k| line.starts_with(k)) {
            // Left blank.
        } else if let Some(key) = PDF_SHOWN.iter().find(|k| line.starts_with(*k)) {
            out.extend(std::iter::repeat_n(' ', key.len()));
            out.push_str(&line[key.len()..]);
        } else {
            out.push_str(line);
        }
        out.push_str(end);
    }
    *text = out;
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, Document, parse, repair_plain_text};

    fn value(doc: &Document, key: &str) -> Option<String> {
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        form.institution
            .iter()
            .chain(form.basic.iter().flat_map(|b| &b.fields))
            .find(|f| f.key == key)
            .and_then(|f| f.value)
            .map(|v| doc.slice(v).to_string())
    }

    #[test]
    fn an_ini_file_reads_as_titles_labels_and_values() {
        let mut text = "; saved by the portal\n[Applicant]\nMember State\u{200b} = Ghana\n\
                        Institution Name = Tamale Assembly\nInitiative name = Clean Water for All\n\
                        Partners =\n\n[Question 1]\nprompt = Please describe the initiative (300 words maximum)\n\
                        answer = Wells were dug.\n\n[Question 2]\n\
                        prompt_a = a) Please explain how it fits the category (100 words maximum)\n\
                        answer_a = It serves everyone.\n  and more\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.ini_entries, 11);
        assert_eq!(repairs.warnings()[0].0, "ini_file_read");
        assert!(text.starts_with("; saved by the portal\n Applicant \nMember State:  Ghana\n"), "{text}");
        assert!(text.contains("\nPartners: \n"));
        assert!(text.contains("\n         Wells were dug.\n"));
        assert_eq!(text.lines().count(), 15);
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(value(&doc, "field.initiative_name").as_deref(), Some("Clean Water for All"));
        let Body::Form(form) = &doc.body else { unreachable!() };
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        assert_eq!(form.questions[1].parts[0].letter, Some('a'));
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
        // Equations in prose are no INI file.
        let kept = "[1] Smith\nx = 2\ny = 3\n[2] Jones\nz = 4\n[3] Lee\nw = 5\nv = 6\n";
        let mut text = kept.to_string();
        assert_eq!(read_ini(&mut text), 0);
        assert_eq!(text, kept);
    }

    #[test]
    fn a_pdf_field_listing_reads_as_labels_and_values() {
        let field = |alt: Option<&str>, values: &[&str]| {
            let mut s = "---\nFieldType: Text\nFieldName: f[0].p[0].x[0]\n".to_string();
            if let Some(alt) = alt {
                s += &format!("FieldNameAlt: {alt}\n");
            }
            s += "FieldFlags: 0\n";
            for v in values {
                s += &format!("FieldValue: {v}\n");
            }
            s + "FieldJustification: Left\n"
        };
        let mut text = [
            field(None, &["Basic information"]),
            field(Some("Member State"), &["Ghana"]),
            field(Some("Institution Name"), &["Tamale Assembly"]),
            field(Some("Web site"), &[]),
            field(None, &["Question 1"]),
            field(Some("Please describe the initiative (300 words maximum)"), &["Wells were dug."]),
            field(None, &["Question 2"]),
            field(Some("Please explain how it fits the category (100 words maximum)"), &["It serves everyone."]),
        ]
        .concat();
        let lines = text.lines().count();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.pdf_fields, 8);
        assert_eq!(repairs.warnings()[0].0, "pdf_fields_read");
        assert_eq!(text.lines().count(), lines);
        assert!(text.starts_with("\n\n\n\n            Basic information\n\n"), "{text:?}");
        assert!(text.contains("\n              Member State\n\n            Ghana\n"));
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
        assert_eq!(doc.slice(form.questions[0].parts[0].answer[0].span), "Wells were dug.");
    }
}
