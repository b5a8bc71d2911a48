//! A form saved as LDIF, as ldapsearch prints a directory's entries (`dn:
//! …` over `attribute: value` lines, entries apart by a blank line, one
//! entry a line of the form), read as the label and value lines the form
//! parser knows: the entries are the rows of a table, their attributes its
//! columns, read as an SQL dump's rows are (see [`rows_as_lines`]).

use crate::sqldump::{Cell, rows_as_lines, write_in_place};
use memchr::memmem;

/// The fewest entries of one class that make a text a form's LDIF.
const MIN_ENTRIES: usize = 5;

/// What reading an LDIF listing did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LdifRead {
    /// Entries read as the form's rows.
    pub rows: usize,
    /// Values written in base64 (`attribute:: …`), decoded.
    pub decoded: usize,
    /// Lines folded onto the line above, joined to it and left blank.
    pub unfolded: usize,
    /// Lines of the listing's machinery (comments, the search's trailer,
    /// distinguished names, object classes) left blank.
    pub blanked: usize,
    /// Lines added where a row needed more lines than its entry had.
    pub lines_added: usize,
}

/// A line as RFC folding writes it: the lines that one logical line covers
/// (`first..end`) and its text, each continuation (a line opened by one
/// blank) joined without that blank.
pub(crate) struct Logical {
    pub first: usize,
    pub end: usize,
    pub text: String,
}

/// The logical lines of `lines` (their `\r` trimmed), folded lines joined;
/// a blank line or a comment (`#`, when `comments`) stands alone.
pub(crate) fn unfold(lines: &[&str], comments: bool) -> Vec<Logical> {
    let mut out: Vec<Logical> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim_end_matches('\r');
        let folded = line.starts_with([' ', '\t'])
            && out.last().is_some_and(|l| l.end == i && !l.text.is_empty() && !(comments && l.text.starts_with('#')));
        match out.last_mut() {
            Some(last) if folded => {
                last.text.push_str(&line[1..]);
                last.end = i + 1;
            }
            _ => out.push(Logical { first: i, end: i + 1, text: line.to_string() }),
        }
    }
    out
}

/// An attribute's line (`cn: r001`, `caption:: 2YPZ…`, `photo:< file:…`):
/// its name (options such as `;lang-ar` kept) and its value, base64
/// decoded (the flag says so). `None` for a line that is none.
fn attribute(line: &str) -> Option<(&str, String, bool)> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    let mut chars = name.chars();
    let named = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ';' | '.'));
    if !named {
        return None;
    }
    let rest = &line[colon + 1..];
    if let Some(b64) = rest.strip_prefix(':') {
        let bytes = crate::mail::unbase64(b64.trim())?;
        return Some((name, String::from_utf8_lossy(&bytes).into_owned(), true));
    }
    let value = rest.strip_prefix('<').unwrap_or(rest);
    Some((name, value.trim_start_matches(' ').to_string(), false))
}

/// An entry: its attributes (name, value, the logical line).
struct Entry {
    attributes: Vec<(String, String, usize)>,
}

impl Entry {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.attributes.iter().filter(move |a| a.0.eq_ignore_ascii_case(name)).map(|a| a.1.as_str())
    }

    /// The entry's class: its object classes, in order of their names.
    fn class(&self) -> Vec<String> {
        let mut c: Vec<String> = self.values("objectClass").map(str::to_ascii_lowercase).collect();
        c.sort_unstable();
        c
    }

    /// Whether an attribute is the entry's name, or its machinery: the
    /// distinguished name, an object class, the attribute its name is made
    /// of (`cn=r001,…` names it by `cn: r001`).
    fn machinery(&self, name: &str, value: &str) -> bool {
        let dn = self.values("dn").next().unwrap_or("");
        let rdn = dn.split(',').next().unwrap_or("");
        name.eq_ignore_ascii_case("dn")
            || name.eq_ignore_ascii_case("objectClass")
            || rdn
                .split('+')
                .any(|p| p.split_once('=').is_some_and(|(n, v)| n.eq_ignore_ascii_case(name) && v == value))
    }
}

/// The columns of a table's rows, each attribute placed after the one each
/// row writes before it, so that the order the rows write them in holds.
fn column_order(rows: &[&Entry]) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for e in rows {
        let mut previous: Option<usize> = None;
        for (name, value, _) in &e.attributes {
            if e.machinery(name, value) {
                continue;
            }
            let key = name.to_ascii_lowercase();
            let at = match columns.iter().position(|c| *c == key) {
                Some(at) => at,
                None => {
                    let at = previous.map_or(0, |p| p + 1);
                    columns.insert(at, key);
                    at
                }
            };
            previous = Some(at);
        }
    }
    columns
}

/// Reads an LDIF listing of a form's lines (every line a comment, an
/// attribute, a folded line or blank, and [`MIN_ENTRIES`] or more entries
/// of one class) as the form's lines: each entry of that class a row of a
/// table whose columns are its attributes (a repeated one's values its
/// items, an absent one empty), read as an SQL dump's rows (a column of a
/// few program's words is the kind, set aside; numbers are ids, set aside;
/// of the text columns the last is the value). Folded lines are joined and
/// base64 values decoded; distinguished names, object classes, an entry's
/// naming attribute, a column that holds the same value in every row,
/// comments and the search's trailer are set aside; an entry of another
/// class reads as its values. A text that is no such listing is left as it
/// is.
pub fn read_ldif(text: &mut String) -> LdifRead {
    let none = LdifRead::default();
    let opening = text.trim_start();
    if !(opening.starts_with('#') || opening.starts_with("dn:") || opening.starts_with("version:"))
        || memmem::find(text.as_bytes(), b"\ndn:").is_none()
    {
        return none;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let logical = unfold(&lines, true);
    // Records: runs of attribute lines between blank lines.
    let mut records: Vec<Vec<(String, String, usize)>> = Vec::new();
    let mut open = false;
    let mut decoded = 0;
    for (i, l) in logical.iter().enumerate() {
        if l.text.trim().is_empty() {
            open = false;
            continue;
        }
        if l.text.starts_with('#') {
            continue;
        }
        let Some((name, value, base64)) = attribute(&l.text) else { return none };
        decoded += usize::from(base64);
        if !open {
            records.push(Vec::new());
            open = true;
        }
        if let Some(r) = records.last_mut() {
            r.push((name.to_string(), value, i));
        }
    }
    let mut machinery = 0;
    let entries: Vec<Entry> = records
        .into_iter()
        .filter_map(|mut r| {
            // A listing's `version: 1` may open the first entry.
            if r.first().is_some_and(|a| a.0.eq_ignore_ascii_case("version")) {
                r.remove(0);
                machinery += 1;
            }
            let entry = r.first().is_some_and(|a| a.0.eq_ignore_ascii_case("dn"));
            if !entry {
                // The search's trailer (`search: 2`, `result: 0 Success`).
                machinery += r.len();
            }
            entry.then_some(Entry { attributes: r })
        })
        .collect();
    let mut classes: Vec<(Vec<String>, usize)> = Vec::new();
    for e in &entries {
        let c = e.class();
        match classes.iter_mut().find(|x| x.0 == c) {
            Some(x) => x.1 += 1,
            None => classes.push((c, 1)),
        }
    }
    let Some((class, count)) = classes.into_iter().max_by_key(|x| x.1) else { return none };
    if count < MIN_ENTRIES {
        return none;
    }
    let rows: Vec<&Entry> = entries.iter().filter(|e| e.class() == class).collect();
    let mut columns = column_order(&rows);
    let cell = |e: &Entry, column: &str| -> Cell {
        let values: Vec<&str> =
            e.attributes.iter().filter(|a| a.0.eq_ignore_ascii_case(column)).map(|a| a.1.as_str()).collect();
        match values.as_slice() {
            [] => Cell::Null,
            [v] if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => Cell::Bare(v.to_string()),
            _ => Cell::Text(values.join("\n")),
        }
    };
    // A column of one value in every row names the table, not its rows.
    columns.retain(|c| {
        let first = cell(rows[0], c);
        !rows.iter().all(|e| cell(e, c) == first)
    });
    let table: Vec<Vec<Cell>> = rows.iter().map(|e| columns.iter().map(|c| cell(e, c)).collect()).collect();
    let Some(written) = rows_as_lines(&table) else { return none };

    let mut read = LdifRead { rows: rows.len(), decoded, blanked: machinery, ..LdifRead::default() };
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    // Every line left blank, then each entry's lines set in from its first
    // line on.
    for l in &logical {
        read.unfolded += l.end - l.first - 1;
        read.blanked += usize::from(l.text.starts_with('#'));
        for line in out.iter_mut().take(l.end).skip(l.first) {
            line.clear();
        }
    }
    let mut written = written.into_iter();
    for e in &entries {
        read.blanked += e.attributes.iter().filter(|a| e.machinery(&a.0, &a.1)).count();
        let lines: Vec<String> = if e.class() == class {
            written.next().unwrap_or_default()
        } else {
            e.attributes
                .iter()
                .filter(|a| !e.machinery(&a.0, &a.1) && !a.1.trim().is_empty())
                .map(|a| a.1.trim().to_string())
                .collect()
        };
        // The lines the entry's attributes stood on, in order.
        let slots: Vec<usize> = e.attributes.iter().flat_map(|a| logical[a.2].first..logical[a.2].end).collect();
        read.lines_added += write_in_place(&mut out, &slots, &lines);
    }
    *text = out.join("\n");
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{Body, parse, repair_plain_text};

    fn b64(s: &str) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in s.as_bytes().chunks(3) {
            let n = c.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..4 {
                out.push(if i <= c.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
            }
        }
        out
    }

    /// An entry of the listing; `(attribute, value)` pairs, a value of
    /// other than ASCII in base64, a long one folded.
    fn entry(n: usize, attributes: &[(&str, &str)]) -> String {
        let mut out = format!("# e{n:02}, forms, example.org\ndn: cn=e{n:02},ou=forms,dc=example,dc=org\n");
        out.push_str("objectClass: top\nobjectClass: formLine\n");
        out.push_str(&format!("cn: e{n:02}\nlineNo: {n}\n"));
        for (name, v) in attributes {
            let line = if v.is_ascii() { format!("{name}: {v}") } else { format!("{name}:: {}", b64(v)) };
            // Folded at 40 bytes, as ldapsearch folds at 76.
            let bytes = line.as_bytes();
            for (i, piece) in bytes.chunks(40).enumerate() {
                out.push_str(if i > 0 { " " } else { "" });
                out.push_str(std::str::from_utf8(piece).unwrap());
                out.push('\n');
            }
        }
        out.push('\n');
        out
    }

    #[test]
    fn an_ldif_listing_of_form_lines_reads_as_a_form() {
        let answer = "Los promotores visitaron cada comunidad del cantón durante dos años y \
                      registraron a las familias sin acceso al agua potable, con ayuda de los vecinos.";
        let rows: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("banner", vec![("lineText", "Formulario de postulación")]),
            ("title", vec![("lineText", "Datos de la institución")]),
            ("item", vec![("lineText", "Estado Miembro"), ("lineValue", "Perú")]),
            ("item", vec![("lineText", "Nombre de la institución"), ("lineValue", "Municipalidad de Huancayo")]),
            ("item", vec![("lineText", "Organismos de la ONU")]),
            ("item", vec![("lineText", "Nombre de la iniciativa"), ("lineValue", "Agua para todos")]),
            ("item", vec![("lineText", "Objetivos"), ("lineValue", "ODS 6"), ("lineValue", "ODS 11")]),
            ("title", vec![("lineText", "Pregunta 1")]),
            (
                "ask",
                vec![
                    ("lineMark", "a)"),
                    ("lineText", "Describa la iniciativa y sus objetivos"),
                    ("lineCap", "(300 palabras como máximo)"),
                    ("lineValue", answer),
                ],
            ),
        ];
        let mut text = "# extended LDIF\n#\n# LDAPv3\n\n# forms, example.org\ndn: ou=forms,dc=example,dc=org\n\
                        objectClass: organizationalUnit\nou: forms\n\n"
            .to_string();
        for (n, (kind, attributes)) in rows.iter().enumerate() {
            let mut a = vec![("lineKind", *kind)];
            a.extend(attributes.iter().copied());
            text.push_str(&entry(n + 1, &a));
        }
        text.push_str("# search result\nsearch: 2\nresult: 0 Success\n\n# numResponses: 10\n");
        let lines = text.lines().count();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.ldif.rows, 9);
        assert_eq!(repairs.ldif.decoded, 6);
        assert_eq!(repairs.ldif.lines_added, 0);
        assert_eq!(text.lines().count(), lines);
        assert!(repairs.warnings().iter().any(|w| w.0 == "ldif_read"));
        assert!(text.contains("\nEstado Miembro: Perú\n"), "{text}");
        assert!(text.contains("\nObjetivos\nODS 6\nODS 11\n"), "{text}");
        assert!(text.contains("\nOrganismos de la ONU\n"), "{text}");
        assert!(text.contains("\n\nPregunta 1\n"), "{text}");
        assert!(
            text.contains("\na) Describa la iniciativa y sus objetivos (300 palabras como máximo)\nLos promotores"),
            "{text}"
        );
        for word in ["dn:", "objectClass", "lineKind", "e03", "Success", "#"] {
            assert!(!text.contains(word), "{word} in {text}");
        }
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Perú"));
        assert_eq!(value(&doc, "field.institution_name").as_deref(), Some("Municipalidad de Huancayo"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions.len(), 1);
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        assert_eq!(form.questions[0].parts[0].letter, Some('a'));
    }

    #[test]
    fn text_that_is_no_listing_of_entries_is_left_as_it_is() {
        for kept in [
            "dn: cn=a,dc=example,dc=org\ncn: a\n\nSee the notes below.\ndn: cn=b\n",
            "# Notes\nCountry: Ghana\nCity: Tamale\ndn: x\n",
            // Entries too few to be a table of lines.
            entry(1, &[("lineText", "Estado Miembro")]).repeat(3).as_str(),
        ] {
            let mut text = kept.to_string();
            assert_eq!(read_ldif(&mut text), LdifRead::default());
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn folded_lines_join_without_their_blank() {
        let lines = ["a: one", " two", "  three", "#c", " x", "", " y"];
        let l = unfold(&lines, true);
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["a: onetwo three", "#c", " x", "", " y"]);
        assert_eq!((l[0].first, l[0].end), (0, 3));
    }
}
