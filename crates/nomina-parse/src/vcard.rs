//! A form saved as a vCard (`BEGIN:VCARD` … `END:VCARD`), its lines in
//! private properties (`X-FIELD;X-LABEL="Country":Ghana`), read as the
//! label and value lines the form parser knows: a property's parameters
//! are its label, its value the value.

use crate::ldif::unfold;
use crate::sqldump::ANSWER_WORDS;
use memchr::memmem;

/// The fewest private properties that make a card a form's.
const MIN_PRIVATE: usize = 5;

/// Parameters that tell a program how to read a value, never a label.
const PROGRAM_PARAMETERS: [&str; 10] =
    ["TYPE", "VALUE", "CHARSET", "ENCODING", "LANGUAGE", "PREF", "PID", "ALTID", "CALSCALE", "SORT-AS"];

/// What reading a vCard did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct VcardRead {
    /// Private properties read as the form's lines.
    pub properties: usize,
    /// Lines folded onto the line above, joined to it and left blank.
    pub unfolded: usize,
    /// Lines of the card's own properties (`BEGIN`, `VERSION`, `N`, `FN`,
    /// `ORG`, `UID`, `REV`, …) left blank.
    pub blanked: usize,
    /// Lines added to set a heading apart by a blank line.
    pub lines_added: usize,
}

/// A property of the card.
struct Property {
    /// Its name, without a group (`item1.`), in capitals.
    name: String,
    /// The values of its parameters that are no program's, in order.
    labels: Vec<String>,
    /// Its value's items (split on unescaped commas), escapes undone.
    items: Vec<String>,
}

/// A value's items: split on unescaped commas, `\,` `\;` `\:` `\\` read as
/// the mark and `\n` as a line break.
fn items(value: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let item = out.last_mut().expect("an item");
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => item.push('\n'),
                Some(e @ (',' | ';' | ':' | '\\')) => item.push(e),
                Some(e) => {
                    item.push('\\');
                    item.push(e);
                }
                None => item.push('\\'),
            },
            ',' => out.push(String::new()),
            c => item.push(c),
        }
    }
    out
}

/// A logical line as a property: `NAME;PARAM=value;PARAM="v:a;l":value`.
fn property(line: &str) -> Option<Property> {
    let mut quoted = false;
    let colon = line.char_indices().find_map(|(i, c)| {
        if c == '"' {
            quoted = !quoted;
        }
        (c == ':' && !quoted).then_some(i)
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut pieces: Vec<String> = vec![String::new()];
    let mut quoted = false;
    for c in head.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => pieces.push(String::new()),
            c => pieces.last_mut().expect("a piece").push(c),
        }
    }
    let name = pieces[0].rsplit('.').next().unwrap_or("").to_ascii_uppercase();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    let labels = pieces[1..]
        .iter()
        .filter_map(|p| {
            let (key, v) = p.split_once('=')?;
            let key = key.trim().to_ascii_uppercase();
            (!PROGRAM_PARAMETERS.contains(&key.as_str()) && !v.trim().is_empty()).then(|| v.trim().to_string())
        })
        .collect();
    Some(Property { name, labels, items: items(value) })
}

/// Reads a vCard that holds a form (a `BEGIN:VCARD` line and
/// [`MIN_PRIVATE`] or more private `X-` properties, more than the
/// standard's) as the form's lines,
/// each property in place: a property with a parameter that is its label
/// reads as `label: value` (the label over the items of a list, over a
/// value that breaks over lines, or over the values of a kind that holds
/// answers), one whose parameters are a marker and a word limit as the
/// marker, the value and the limit on one line (`a) Describe … (300
/// words)`), one without parameters as its value alone, set apart by a
/// blank line when its kind's values are all short (a heading, the page's
/// chrome). Folded lines are joined without their blank, escapes undone,
/// lists split on unescaped commas; the card's own properties (`BEGIN`,
/// `VERSION`, `N`, `FN`, `ORG`, `UID`, `REV`, …) and program's parameters
/// (`TYPE`, `CHARSET`, …) set aside. A text that is no such card is left
/// as it is.
pub fn read_vcard(text: &mut String) -> VcardRead {
    let none = VcardRead::default();
    let b = text.as_bytes();
    let Some(begin) = memmem::find(b, b"BEGIN:VCARD").or_else(|| memmem::find(b, b"begin:vcard")) else {
        return none;
    };
    if memmem::find(&b[begin..], b"\nX-").is_none() && memmem::find(&b[begin..], b"\nx-").is_none() {
        return none;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let logical = unfold(&lines, false);
    // The card's properties: from a BEGIN line to its END line.
    let mut props: Vec<(usize, Property)> = Vec::new();
    let mut inside = false;
    for (i, l) in logical.iter().enumerate() {
        let upper = l.text.trim_end().to_ascii_uppercase();
        if upper == "BEGIN:VCARD" {
            inside = true;
        }
        if inside && !l.text.trim().is_empty() {
            let Some(p) = property(&l.text) else { return none };
            props.push((i, p));
        }
        if upper == "END:VCARD" {
            inside = false;
        }
    }
    let private = |p: &Property| p.name.starts_with("X-");
    // A contact's card has private properties too (`X-ABUID`), among more
    // of the standard's.
    let count = props.iter().filter(|(_, p)| private(p)).count();
    if count < MIN_PRIVATE || count * 2 <= props.len() {
        return none;
    }
    // Kinds (the properties' names) with no label anywhere and short
    // values head what follows; those whose values are long are answers.
    let words = |p: &Property| p.items.iter().map(|i| i.split_whitespace().count()).sum::<usize>();
    let kind_words = |name: &str| {
        let of: Vec<&Property> = props.iter().map(|x| &x.1).filter(|p| p.name == name).collect();
        (of.iter().map(|p| words(p)).sum::<usize>(), of.len(), of.iter().any(|p| !p.labels.is_empty()))
    };
    let mut read = VcardRead::default();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for (i, p) in &props {
        let l = &logical[*i];
        read.unfolded += l.end - l.first - 1;
        for line in out.iter_mut().take(l.end).skip(l.first) {
            line.clear();
        }
        if !private(p) {
            read.blanked += 1;
            continue;
        }
        read.properties += 1;
        let (total, count, labelled) = kind_words(&p.name);
        let answers = total >= ANSWER_WORDS * count;
        let value_lines: Vec<&str> =
            p.items.iter().flat_map(|i| i.lines()).map(str::trim).filter(|v| !v.is_empty()).collect();
        let (limits, before): (Vec<&String>, Vec<&String>) =
            p.labels.iter().partition(|l| crate::form::word_limit(l).is_some());
        let mut written: Vec<String> = Vec::new();
        if p.labels.is_empty() {
            if !labelled && !answers {
                written.push(String::new());
                written.push(value_lines.join(", "));
            } else {
                written.extend(value_lines.iter().map(|v| v.to_string()));
            }
        } else if limits.is_empty() && before.len() == 1 {
            let label = before[0];
            match value_lines.as_slice() {
                [] => written.push(label.clone()),
                [v] if !answers => written.push(format!("{label}: {v}")),
                _ => {
                    written.push(label.clone());
                    written.extend(value_lines.iter().map(|v| v.to_string()));
                }
            }
        } else {
            let value = p.items.join(", ");
            let mut value_lines = value.lines().map(str::trim).filter(|v| !v.is_empty());
            let first = value_lines.next().unwrap_or("");
            let line: Vec<&str> = before
                .iter()
                .map(|s| s.as_str())
                .chain(Some(first))
                .chain(limits.iter().map(|s| s.as_str()))
                .filter(|s| !s.is_empty())
                .collect();
            written.push(line.join(" "));
            written.extend(value_lines.map(str::to_string));
        }
        let room = l.end - l.first;
        for (k, line) in written.iter().enumerate().take(room - 1) {
            out[l.first + k] = line.clone();
        }
        if written.len() >= room {
            out[l.end - 1] = written[room - 1..].join("\n");
            read.lines_added += written.len() - room;
        }
    }
    *text = out.join("\n");
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{Body, parse, repair_plain_text};

    /// A property's line folded at 30 octets, as RFC 6350 folds at 75.
    fn folded(line: &str) -> String {
        let mut out = String::new();
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 30 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
        out + "\r\n"
    }

    #[test]
    fn a_vcard_of_private_properties_reads_as_a_form() {
        let answer = "Las brigadas recorrieron cada barrio del municipio durante dos años seguidos\\, \
                      y registraron a todas las familias que aún no tenían agua potable.";
        let mut text = String::new();
        for line in [
            "BEGIN:VCARD",
            "VERSION:3.0",
            "FN:Municipio de Cuenca",
            "ORG:Municipio de Cuenca",
            "X-FORM-TITLE:Ficha de la candidatura",
            "X-FORM-ITEM;X-CAPTION=\"Estado Miembro\":Ecuador",
            "X-FORM-ITEM;X-CAPTION=\"Nombre de la institución\":Municipio de Cuenca",
            "X-FORM-ITEM;X-CAPTION=\"Organismos de la ONU\":",
            "X-FORM-ITEM;X-CAPTION=\"Nombre de la iniciativa\":Agua para todos",
            "X-FORM-ITEM;X-CAPTION=\"Objetivos\":ODS 6\\, agua limpia,ODS 11",
            "X-FORM-TITLE:Pregunta 1",
            "X-FORM-ASK;X-MARK=\"a)\";X-CAP=\"(300 palabras como máximo)\":Describa la iniciativa",
            &format!("X-FORM-REPLY:{answer}"),
            "X-FORM-ASK;X-MARK=\"b)\";X-CAP=\"(100 palabras como máximo)\":Indique los socios",
            "X-FORM-REPLY:Los vecinos del barrio y la empresa municipal de agua\\, con los colegios.",
            "X-FORM-TITLE:Pregunta 2",
            "X-FORM-ASK;X-CAP=\"(200 palabras como máximo)\":Explique los resultados",
            "X-FORM-REPLY:Cada familia del barrio recibe hoy agua potable en su casa\\, sin cortes.",
            "REV:2021-03-02T10:00:00Z",
            "END:VCARD",
        ] {
            text.push_str(&folded(line));
        }
        let lines = text.lines().count();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.vcard.properties, 14);
        assert_eq!(repairs.vcard.blanked, 6);
        // A heading's blank line and a list's items on lines of their own.
        assert_eq!(text.lines().count(), lines + repairs.vcard.lines_added);
        assert!(repairs.vcard.lines_added > 0);
        assert!(repairs.warnings().iter().any(|w| w.0 == "vcard_read"));
        assert!(text.contains("\nEstado Miembro: Ecuador\n"), "{text}");
        assert!(text.contains("\nObjetivos\nODS 6, agua limpia\nODS 11\n"), "{text}");
        assert!(text.contains("\nOrganismos de la ONU\n"), "{text}");
        assert!(text.contains("\n\nPregunta 1\n"), "{text}");
        assert!(text.contains("\na) Describa la iniciativa (300 palabras como máximo)\n"), "{text}");
        assert!(text.contains("\nExplique los resultados (200 palabras como máximo)\n"), "{text}");
        assert!(text.contains("\nLas brigadas recorrieron cada barrio del municipio durante dos años seguidos, y"));
        for word in ["VCARD", "X-FORM", "X-CAPTION", "REV", "\\,"] {
            assert!(!text.contains(word), "{word} in {text}");
        }
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ecuador"));
        assert_eq!(value(&doc, "field.institution_name").as_deref(), Some("Municipio de Cuenca"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions.len(), 2);
        let limits: Vec<Option<u32>> = form.questions[0].parts.iter().map(|p| p.word_limit).collect();
        assert_eq!(limits, [Some(300), Some(100)]);
        assert_eq!(form.questions[0].parts[1].letter, Some('b'));
        // A prompt without a marker reads with its limit after it.
        assert_eq!(form.questions[1].parts[0].word_limit, Some(200));
        assert_eq!(form.questions[1].parts[0].letter, None);
    }

    #[test]
    fn a_contact_card_is_left_as_it_is() {
        let kept = "Regards,\nAna\n\nBEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nTEL;TYPE=work:+593 7 000\n\
                    X-SKYPE:ana.ruiz\nEND:VCARD\n";
        let mut text = kept.to_string();
        assert_eq!(read_vcard(&mut text), VcardRead::default());
        assert_eq!(text, kept);
        // An address book's card has private properties among more of the
        // standard's.
        let kept = "BEGIN:VCARD\nVERSION:3.0\nN:Ruiz;Ana;;;\nFN:Ana Ruiz\nORG:Agua Viva\nTEL;TYPE=cell:+593 9 000\n\
                    EMAIL;TYPE=work:ana@example.org\nADR;TYPE=work:;;Calle 5;Loja;;;Ecuador\n\
                    item1.URL:https://example.org\nitem1.X-ABLabel:_$!<HomePage>!$_\nX-ABUID:5C1E:ABPerson\n\
                    X-SOCIALPROFILE;TYPE=x:x.com/ana\nX-IMAGETYPE:JPEG\nX-ABShowAs:PERSON\nEND:VCARD\n";
        let mut text = kept.to_string();
        assert_eq!(read_vcard(&mut text), VcardRead::default());
        assert_eq!(text, kept);
    }

    #[test]
    fn a_value_splits_on_its_unescaped_commas() {
        assert_eq!(items("a\\, b,c\\nd,\\\\x"), ["a, b", "c\nd", "\\x"]);
        let p = property("item2.X-A;TYPE=home;X-L=\"a:b;c\":v").expect("a property");
        assert_eq!((p.name.as_str(), p.labels.as_slice()), ("X-A", ["a:b;c".to_string()].as_slice()));
    }
}
