//! Dumps of a form's fields saved as whole texts, read as the label and
//! value lines the form parser knows: an INI file (`[Section]` headers,
//! `Country = Ghana`) and a PDF form's field listing as pdftk prints it
//! (`FieldNameAlt: Country` over `FieldValue: Ghana`, among the lines that
//! describe each field's machinery) and a JSON document printed one member
//! a line (`"label": "Country",` over `"value": "Ghana"`). Every line keeps
//! its number.

use memchr::memmem;

/// The fewest section headers, and the fewest `key = value` lines, that
/// make a text an INI file.
const MIN_INI_SECTIONS: usize = 3;
const MIN_INI_KEYS: usize = 5;

/// The fewest fields that make a text a pdftk listing.
const MIN_PDF_FIELDS: usize = 5;

/// Characters an editor leaves around a key that print as nothing.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Whether an INI key names a field for a program (`answer_b`, `status`):
/// one word of lower-case letters, digits and underscores. A label for a
/// person has capitals, blanks or punctuation (`Country of the institution`).
pub(crate) fn machine_key(key: &str) -> bool {
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

/// The fewest `"key": value` lines that make a text a JSON document.
const MIN_JSON_MEMBERS: usize = 5;

/// A JSON string's content, its escapes undone (`\u00e1` as `á`, a pair
/// of surrogates as one character); a line break or a tab written as an
/// escape reads as a blank, so that the line stays one. `None` for a
/// broken escape.
pub(crate) fn json_unescape(s: &str) -> Option<String> {
    if !s.contains('\\') {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    let hex = |chars: &mut std::str::Chars| -> Option<u32> {
        let h: String = chars.by_ref().take(4).collect();
        (h.len() == 4).then_some(())?;
        u32::from_str_radix(&h, 16).ok()
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'u' => {
                let mut code = hex(&mut chars)?;
                if (0xD800..0xDC00).contains(&code) {
                    let rest = chars.as_str();
                    if rest.starts_with("\\u") {
                        chars.nth(1);
                        let low = hex(&mut chars)?;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low.checked_sub(0xDC00)? & 0x3FF);
                    }
                }
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            'n' | 't' | 'r' | 'b' | 'f' => out.push(' '),
            other => out.push(other),
        }
    }
    Some(out)
}

/// The JSON string that opens `s` (a quote first): its raw content and the
/// rest of `s` after its closing quote.
fn json_string(s: &str) -> Option<(&str, &str)> {
    let close = crate::decode::json_string_end(s.as_bytes(), 0)?;
    Some((&s[1..close], &s[close + 1..]))
}

/// One line of a JSON document read: `Some(text)` to write in its place,
/// `None` for a line that is no member, item or bracket of it.
fn json_line(line: &str, members: &mut usize) -> Option<String> {
    let body = line.trim();
    let indent = &line[..line.len() - line.trim_start().len()];
    let blanks = |s: &str| " ".repeat(s.chars().count());
    if !body.is_empty() && body.len() <= 3 && body.trim_end_matches(',').chars().all(|c| "{}[]".contains(c)) {
        return Some(String::new());
    }
    let (key, rest) = json_string(body)?;
    let rest_trim = rest.trim_start();
    let Some(after_colon) = rest_trim.strip_prefix(':') else {
        // An array's item: `"Goal 6",`.
        let tail = rest_trim.trim_end();
        return (tail.is_empty() || tail == ",").then(|| Some(format!("{indent} {}", json_unescape(key)?)))?;
    };
    let key = json_unescape(key)?;
    let value = after_colon.trim();
    let value = value.strip_suffix(',').unwrap_or(value).trim_end();
    let machine = machine_key(&key);
    let shown = if value.starts_with('"') {
        let (raw, after) = json_string(value)?;
        if !after.trim().is_empty() {
            return None;
        }
        let v = json_unescape(raw)?;
        // A part's letter held by a key of its own (`"part": "b"`) reads as
        // a part's marker.
        if machine && v.chars().count() == 1 && v.chars().all(char::is_alphabetic) { format!("{v})") } else { v }
    } else if matches!(value, "null" | "[]" | "{}" | "[" | "{") {
        String::new()
    } else if value == "true" || value == "false" || value.parse::<f64>().is_ok() {
        value.to_string()
    } else {
        return None;
    };
    *members += 1;
    let gap = blanks(&rest[..rest.len() - rest_trim.len()]);
    Some(if machine {
        format!("{indent}{} {gap} {shown}", blanks(&key))
    } else {
        format!("{indent}{key}:{gap}  {shown}")
    })
}

/// Reads a JSON document printed one member a line (the text opens with
/// `{` or `[` and closes with `}` or `]`, and holds at least
/// [`MIN_JSON_MEMBERS`] `"key": value` lines) as label and value lines: a
/// member whose key is a label reads as `label: value`, one whose key names
/// a field for a program (`"value": "Ghana"`, see [`machine_key`]) as its
/// value alone, so that an object of a label and a value reads as the
/// label over its value; strings are read with their escapes undone,
/// `null`, `[]` and the brackets as blanks, and a one-letter value under a
/// program's key as a part's letter (`b)`). Says how many members were
/// read; any other text is left as it is.
pub fn read_json_document(text: &mut String) -> usize {
    let body = text.trim();
    if !(body.starts_with(['{', '[']) && body.ends_with(['}', ']'])) || memmem::find(body.as_bytes(), b"\":").is_none()
    {
        return 0;
    }
    let mut members = 0;
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive('\n') {
        let line = piece.trim_end_matches(['\n', '\r']);
        let end = &piece[line.len()..];
        match json_line(line, &mut members) {
            Some(read) => out.push_str(read.trim_end()),
            None => out.push_str(line),
        }
        out.push_str(end);
    }
    if members < MIN_JSON_MEMBERS {
        return 0;
    }
    *text = out;
    members
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, parse, repair_plain_text};

    use crate::testgen::field_value as value;

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

    #[test]
    fn a_json_document_of_labels_and_values_reads_as_a_form() {
        let mut text = "{\n  \"form\": \"awards\",\n  \"title\": \"Basic information\",\n  \"fields\": [\n    {\n      \"label\": \"Member State\",\n\
                        \x20     \"value\": \"C\\u00f4te d\\u2019Ivoire\"\n    },\n    {\n      \"label\": \"Institution Name\",\n\
                        \x20     \"value\": \"Commune de Bouak\\u00e9\"\n    },\n    {\n      \"label\": \"Web site\",\n\
                        \x20     \"value\": null\n    }\n  ],\n  \"questions\": [\n    {\n      \"heading\": \"Question 1\",\n\
                        \x20     \"part\": \"a\",\n      \"prompt\": \"Please describe the initiative\",\n\
                        \x20     \"limit\": \"(300 words maximum)\",\n      \"answer\": \"Wells were dug.\"\n    },\n\
                        \x20   {\n      \"part\": \"b\",\n      \"prompt\": \"Please explain how it fits the category\",\n\
                        \x20     \"limit\": \"(100 words maximum)\",\n      \"answer\": \"It serves everyone.\"\n    }\n  ],\n\
                        \x20 \"Years\": 5\n}"
            .to_string();
        let lines = text.split('\n').count();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.json_members, 20);
        assert_eq!(repairs.warnings()[0].0, "json_document_read");
        assert_eq!(text.split('\n').count(), lines, "{text}");
        assert!(text.contains("\n             Member State\n             Côte d’Ivoire\n"), "{text}");
        assert!(text.contains("\n            a)\n"));
        assert!(text.contains("\n  Years:  5\n"));
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions.len(), 1);
        assert_eq!(form.questions[0].parts[1].letter, Some('b'));
        assert_eq!(form.questions[0].parts[1].word_limit, Some(100));
        // A JSON export's lines in prose are left to the line reader.
        let kept = "Notes\n\"a\": 1\n\"b\": 2\n\"c\": 3\n\"d\": 4\n\"e\": 5\n";
        let mut text = kept.to_string();
        assert_eq!(read_json_document(&mut text), 0);
        assert_eq!(text, kept);
    }
}
