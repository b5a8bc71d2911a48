//! A form saved as the HTTP request that sent it (`POST … HTTP/1.1`, its
//! headers, a `multipart/form-data` body of one part a field, each part's
//! body its value), read as the label and value lines the form parser
//! knows: parts whose names differ by their last word (`f07_label`,
//! `f07_value`) are one row, read as an SQL dump's rows are (see
//! [`rows_as_lines`]).

use crate::sqldump::{Cell, rows_as_lines, write_in_place};
use memchr::memmem;

/// The fewest named parts that make a text a form's request.
const MIN_PARTS: usize = 5;

/// The shortest value that may be a program's token (a CSRF token, a
/// session's key) rather than a word.
const MIN_TOKEN: usize = 16;

/// What reading a multipart request did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FormDataRead {
    /// Parts read as the form's rows.
    pub parts: usize,
    /// Lines of the request's machinery (the request line, headers,
    /// boundaries, the parts' headers, a token's value) left blank.
    pub blanked: usize,
    /// Lines added where a row needed more lines than its parts had.
    pub lines_added: usize,
}

/// A part of the body: its name, where it stands, its value.
struct Part {
    name: String,
    /// A file's part (`filename="…"`): its body is the file, no value.
    file: bool,
    /// Its lines, from its boundary up to the next one.
    lines: std::ops::Range<usize>,
    /// The lines its headers took, boundary included.
    header_lines: usize,
    body: String,
}

/// The parameter `name` of a header's value (`name="f07_label"`).
fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (key, v) = p.split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// A header line (`Host: example.org`) or a request line (`POST /save HTTP/1.1`).
fn request_header(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    let request = words.len() == 3
        && words[0].len() >= 3
        && words[0].bytes().all(|b| b.is_ascii_uppercase())
        && words[2].starts_with("HTTP/");
    request
        || line
            .split_once(':')
            .is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// A part's name taken apart: the row it belongs to, its role in the row
/// (the name's last word), and whether it is an item of a list (`[]`).
/// `f07_label` is row `f07`, role `label`; `banner[2]` is row `banner[2]`,
/// role `banner`; `form[f07][value]` is row `form[f07]`, role `value`.
fn name_parts(name: &str) -> (&str, &str, bool) {
    let (base, list) = match name.strip_suffix("[]") {
        Some(b) => (b, true),
        None => (name, false),
    };
    if let Some(open) = base.rfind('[').filter(|_| base.ends_with(']')) {
        let inner = &base[open + 1..base.len() - 1];
        if inner.bytes().all(|b| b.is_ascii_digit()) {
            let head = base.find('[').map_or(base, |i| &base[..i]);
            return (base, head, list);
        }
        return (&base[..open], inner, list);
    }
    match base.rfind(['_', '-', '.']) {
        Some(at) if at > 0 && at + 1 < base.len() => (&base[..at], &base[at + 1..], list),
        _ => (base, base, list),
    }
}

/// A role as a program's word for a row's kind (see [`rows_as_lines`]).
fn kind(role: &str) -> String {
    let k: String = role.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    if k.chars().any(|c| c.is_alphabetic() && !c.is_uppercase()) { k } else { format!("part_{k}") }
}

/// A value that is a program's token: one word of letters and digits
/// mixed, [`MIN_TOKEN`] characters or more.
fn token(value: &str) -> bool {
    let v = value.trim();
    v.len() >= MIN_TOKEN
        && v.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'=' | b'+' | b'/'))
        && v.bytes().any(|b| b.is_ascii_digit())
        && v.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Reads a `multipart/form-data` body (a form's request as a browser's
/// tools or a proxy captured it: [`MIN_PARTS`] or more parts named by
/// `Content-Disposition: form-data; name="…"`) as the form's lines. Parts
/// in a row whose names differ by their last word (`f07_label`,
/// `f07_value`; `q3a_marker`, `q3a_prompt`, `q3a_limit`, `q3a_answer`) are
/// one row: the last part's body its value (repeated `f07_value[]` parts
/// its items, an empty body an empty value), the bodies before it its label,
/// read as an SQL dump's rows are; a part alone in its row (`banner[2]`,
/// `sec04_title`), or of a role that mostly stands alone, is a heading,
/// set apart by a blank line. The request line, its headers, boundaries,
/// the parts' headers and a token's value (one word of letters and digits,
/// a CSRF token) are set aside; a file's part keeps its body as it is. A
/// text that is no such request is left as it is.
pub fn read_form_data(text: &mut String) -> FormDataRead {
    let none = FormDataRead::default();
    if memmem::find(text.as_bytes(), b"form-data").is_none() {
        return none;
    }
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    // The boundary: a `--…` line over a part's disposition.
    let is_disposition = |l: &str| {
        l.get(..20).is_some_and(|h| h.eq_ignore_ascii_case("content-disposition:"))
            && l.to_ascii_lowercase().contains("form-data")
    };
    let Some(boundary) = lines
        .windows(2)
        .find(|w| w[0].starts_with("--") && w[0].len() > 2 && is_disposition(w[1]))
        .map(|w| w[0].trim_end())
    else {
        return none;
    };
    let closing = format!("{boundary}--");
    let mut parts: Vec<Part> = Vec::new();
    let mut preamble = 0;
    let mut epilogue = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        if line == closing {
            epilogue = Some(i);
            break;
        }
        if line != boundary {
            if parts.is_empty() {
                preamble = i + 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let (mut name, mut file) = (None, false);
        while i < lines.len() && !lines[i].is_empty() {
            if is_disposition(lines[i]) {
                name = parameter(lines[i], "name");
                file = parameter(lines[i], "filename").is_some();
            }
            i += 1;
        }
        // The blank line that ends the headers is theirs.
        let body_start = (i + 1).min(lines.len());
        let header_lines = body_start - start;
        i = body_start;
        while i < lines.len() && lines[i].trim_end() != boundary && lines[i].trim_end() != closing {
            i += 1;
        }
        let body = lines[body_start..i].join("\n");
        let Some(name) = name else { return none };
        parts.push(Part { name, file, lines: start..i, header_lines, body });
    }
    if parts.len() < MIN_PARTS {
        return none;
    }
    // Runs of parts of one row, files and tokens aside.
    let fields: Vec<&Part> = parts.iter().filter(|p| !p.file).collect();
    let mut runs: Vec<Vec<&Part>> = Vec::new();
    for p in &fields {
        let (row, _, _) = name_parts(&p.name);
        match runs.last_mut() {
            Some(run) if name_parts(&run[0].name).0 == row => run.push(p),
            _ => runs.push(vec![p]),
        }
    }
    // A role that mostly stands alone in its row heads what follows, even
    // where it opens a row of other parts (a question's title over its
    // prompt).
    let mut alone: Vec<(&str, usize, usize)> = Vec::new();
    for run in &runs {
        for p in run {
            let role = name_parts(&p.name).1;
            let single = run.iter().all(|q| name_parts(&q.name).1 == role);
            match alone.iter_mut().find(|a| a.0 == role) {
                Some(a) => (a.1, a.2) = (a.1 + usize::from(single), a.2 + usize::from(!single)),
                None => alone.push((role, usize::from(single), usize::from(!single))),
            }
        }
    }
    let heads = |p: &Part| alone.iter().any(|a| a.0 == name_parts(&p.name).1 && a.1 > a.2);
    let mut rows: Vec<Vec<&Part>> = Vec::new();
    for run in runs {
        let mut rest: Vec<&Part> = Vec::new();
        for p in run {
            if heads(p) && !name_parts(&p.name).2 {
                if !rest.is_empty() {
                    rows.push(std::mem::take(&mut rest));
                }
                rows.push(vec![p]);
            } else {
                rest.push(p);
            }
        }
        if !rest.is_empty() {
            rows.push(rest);
        }
    }
    let tokens: Vec<bool> = rows.iter().map(|r| r.len() == 1 && token(&r[0].body)).collect();
    // Each row as a table's: its kind, its label's bodies, its value.
    let value_role = |r: &[&Part]| r.last().map_or("", |p| name_parts(&p.name).1).to_string();
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let table: Vec<Vec<Cell>> = rows
        .iter()
        .zip(&tokens)
        .filter(|(_, t)| !**t)
        .map(|(r, _)| {
            let mut row = Vec::with_capacity(width + 1);
            let single = r.len() == 1 && !name_parts(&r[0].name).2;
            if single {
                row.push(Cell::Text(kind(name_parts(&r[0].name).1)));
                row.push(Cell::Text(r[0].body.clone()));
                row.resize(width + 1, Cell::Null);
                return row;
            }
            let role = value_role(r);
            let (values, labels): (Vec<&&Part>, Vec<&&Part>) = r.iter().partition(|p| name_parts(&p.name).1 == role);
            // Rows of a label of more parts than one (a marker, a prompt, a
            // limit) are another kind than a field's.
            row.push(Cell::Text(kind(&role) + if labels.len() > 1 { "_labelled" } else { "" }));
            row.extend(labels.iter().map(|p| Cell::Text(p.body.clone())));
            row.resize(width, Cell::Null);
            let items: Vec<&str> = values.iter().map(|p| p.body.as_str()).filter(|b| !b.trim().is_empty()).collect();
            row.push(Cell::Text(items.join("\n")));
            row
        })
        .collect();
    let Some(written) = rows_as_lines(&table) else { return none };

    let mut read = FormDataRead::default();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for line in out.iter_mut().take(preamble) {
        if !line.is_empty() && request_header(line) {
            read.blanked += 1;
            line.clear();
        }
    }
    for p in &parts {
        read.blanked += p.header_lines - 1;
        let end = if p.file { p.lines.start + p.header_lines.min(p.lines.len()) } else { p.lines.end };
        for line in out.iter_mut().take(end).skip(p.lines.start) {
            line.clear();
        }
    }
    if let Some(e) = epilogue {
        read.blanked += 1;
        out[e].clear();
    }
    let mut written = written.into_iter();
    for (row, is_token) in rows.iter().zip(tokens) {
        if is_token {
            read.blanked += 1;
            continue;
        }
        read.parts += row.len();
        let lines = written.next().unwrap_or_default();
        let slots: Vec<usize> = row.iter().flat_map(|p| p.lines.clone()).collect();
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

    const BOUNDARY: &str = "--------------------------7b2c9e41d0a3f5";

    fn request(parts: &[(&str, &str)]) -> String {
        let mut out = "PUT /forms/2023/entry/17 HTTP/2\r\nhost: awards.example.net\r\n\
                       content-type: multipart/form-data; boundary=------------------------7b2c9e41d0a3f5\r\n\
                       accept: */*\r\n\r\n"
            .to_string();
        for (name, body) in parts {
            out.push_str(&format!("{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{body}\r\n"));
        }
        out.push_str(&format!(
            "{BOUNDARY}\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n\r\n{BOUNDARY}--\r\n"
        ));
        out
    }

    #[test]
    fn a_multipart_request_of_form_lines_reads_as_a_form() {
        let answer = "Los promotores visitaron cada comunidad del cantón durante dos años y \
                      registraron a las familias sin acceso al agua potable, con ayuda de los vecinos.";
        let mut text = request(&[
            ("_token", "9f2e0c7a41b86d35e0aa17c4"),
            ("head-1", "Ficha de la candidatura"),
            ("part1.heading", "Datos de la institución"),
            ("form[c1][caption]", "Estado Miembro"),
            ("form[c1][answer]", "Bolivia"),
            ("form[c2][caption]", "Nombre de la institución"),
            ("form[c2][answer]", "Gobierno Autónomo Municipal de Sucre"),
            ("form[c3][caption]", "Objetivos"),
            ("form[c3][answer][]", "ODS 6"),
            ("form[c3][answer][]", "ODS 11"),
            ("form[c4][caption]", "Organismos de la ONU"),
            ("form[c4][answer]", ""),
            ("form[c5][caption]", "Nombre de la iniciativa"),
            ("form[c5][answer]", "Agua para todos"),
            ("part2.heading", "Cuestionario"),
            ("ask1.heading", "Pregunta 1"),
            ("ask1.mark", "a)"),
            ("ask1.text", "Describa la iniciativa y sus objetivos"),
            ("ask1.cap", "(300 palabras como máximo)"),
            ("ask1.answer", answer),
        ]);
        let lines = text.lines().count();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.warnings().iter().any(|w| w.0 == "form_data_read"));
        assert_eq!(repairs.form_data.parts, 19);
        assert_eq!(text.lines().count(), lines + repairs.form_data.lines_added);
        assert!(text.contains("\nEstado Miembro: Bolivia\n"), "{text}");
        assert!(text.contains("\nObjetivos\nODS 6\nODS 11\n"), "{text}");
        assert!(text.contains("\nOrganismos de la ONU\n"), "{text}");
        assert!(text.contains("\n\nPregunta 1\n"), "{text}");
        assert!(
            text.contains("\na) Describa la iniciativa y sus objetivos (300 palabras como máximo)\nLos promotores"),
            "{text}"
        );
        for word in ["form-data", "HTTP", "host", "7b2c9e41", "9f2e0c7a", "caption", "heading", "answer"] {
            assert!(!text.contains(word), "{word} in {text}");
        }
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Bolivia"));
        assert_eq!(value(&doc, "field.institution_name").as_deref(), Some("Gobierno Autónomo Municipal de Sucre"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let last = form.questions.last().expect("a question");
        assert_eq!(last.number, 1);
        assert_eq!(last.parts[0].word_limit, Some(300));
        assert_eq!(last.parts[0].letter, Some('a'));
    }

    #[test]
    fn text_that_is_no_form_request_is_left_as_it_is() {
        for kept in [
            "Upload the form as multipart/form-data; see the notes.\n--\nContent-Disposition: form-data\n",
            request(&[("a_label", "Estado Miembro"), ("a_value", "Chile")]).as_str(),
        ] {
            let mut text = kept.to_string();
            assert_eq!(read_form_data(&mut text), FormDataRead::default());
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn a_request_cut_inside_a_part_reads_what_it_holds() {
        let mut text = request(&[("a_label", "Estado Miembro"), ("a_value", "Chile"), ("b_label", "Ciudad")]);
        text.push_str(&format!("{BOUNDARY}\r\nContent-Disposition: form-data; name=\"b_value\"\r\n"));
        text = text.replace(&format!("{BOUNDARY}--\r\n"), "");
        let read = read_form_data(&mut text);
        assert_eq!(read.parts, 4);
        assert!(text.contains("\nEstado Miembro: Chile\n"), "{text}");
        assert!(text.contains("\nCiudad"), "{text}");
    }

    #[test]
    fn names_part_as_rows_and_roles() {
        assert_eq!(name_parts("f07_label"), ("f07", "label", false));
        assert_eq!(name_parts("f07_value[]"), ("f07", "value", true));
        assert_eq!(name_parts("banner[2]"), ("banner[2]", "banner", false));
        assert_eq!(name_parts("form[c1][answer][]"), ("form[c1]", "answer", true));
        assert_eq!(name_parts("title"), ("title", "title", false));
        assert!(token("a3f9c1e07b5d4e2f") && !token("Ministry of Health") && !token("internationalization"));
    }
}
