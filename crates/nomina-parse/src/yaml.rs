//! A form saved as a YAML document (`Country: Ghana` nested under keys of
//! its own, sequences of `- title: …` items, answers in `>-` block
//! scalars), read as the label and value lines the form parser knows.

use crate::dump::{is_blank, json_unescape, machine_key};

/// The fewest `key: value` lines that make a text a YAML document.
const MIN_KEYS: usize = 8;

/// Without a `%YAML` directive, the fewest block scalars (`answer: >-`), or
/// else the fewest sequence items holding a key together with program's
/// keys over a nested block, that make a text YAML rather than a form of
/// `Label: value` lines. A `---` marker is no sign: a Markdown page's front
/// matter opens with one.
const MIN_BLOCK_SCALARS: usize = 2;
const MIN_NESTING: usize = 3;

/// What reading a YAML document did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct YamlRead {
    /// Keys and sequence items read.
    pub entries: usize,
    /// Blank lines set before a sequence item's title that followed a line
    /// of text.
    pub set_apart: usize,
}

/// A line of the document outside a block scalar, taken apart.
struct Node<'a> {
    /// Columns before the first dash or key.
    indent: usize,
    /// Sequence dashes (`- - key: value` has two).
    dashes: usize,
    /// The key, its quotes undone, if the line holds one.
    key: Option<String>,
    /// What follows the key's colon, or the item's scalar.
    value: &'a str,
}

impl Node<'_> {
    /// The column where the node's key or scalar starts: a block scalar's
    /// lines are indented deeper.
    fn column(&self) -> usize {
        self.indent + 2 * self.dashes
    }
}

/// A line taken apart as a key, a sequence item or both; `None` for a
/// blank line, a comment, a directive or a document marker.
fn node(line: &str) -> Option<Node<'_>> {
    let rest = line.trim_start_matches(' ');
    let indent = line.len() - rest.len();
    if rest.trim_matches(is_blank).is_empty() || rest.starts_with('#') {
        return None;
    }
    let mut body = rest;
    let mut dashes = 0;
    while let Some(after) = body.strip_prefix("- ").or_else(|| (body.trim_end() == "-").then_some("")) {
        dashes += 1;
        body = after.trim_start_matches(' ');
    }
    let (key, value) = match split_key(body) {
        Some((key, value)) => (Some(key), value),
        None => (None, body),
    };
    Some(Node { indent, dashes, key, value: value.trim_matches(is_blank) })
}

/// A mapping's key and what follows its colon: `Label: value`, `Label:`,
/// `"Quoted: label": value`. A colon inside a word (`http://`, `10:30`)
/// ends no key.
fn split_key(body: &str) -> Option<(String, &str)> {
    if body.starts_with(['"', '\'']) {
        let (key, after) = quoted(body)?;
        let value = after.strip_prefix(':')?;
        return (value.is_empty() || value.starts_with(' ')).then_some((key, value));
    }
    let colon = body.find(": ").or_else(|| body.trim_end().strip_suffix(':').map(str::len))?;
    let key = body[..colon].trim_end();
    (!key.is_empty() && !key.starts_with(['[', '{', '&', '*', '!', '|', '>']))
        .then(|| (key.to_string(), &body[colon + 1..]))
}

/// The quoted scalar that opens `s` (a quote first), its escapes undone
/// (`''` in single quotes, JSON's escapes in double ones), and the rest of
/// `s` after its closing quote.
fn quoted(s: &str) -> Option<(String, &str)> {
    if let Some(inner) = s.strip_prefix('\'') {
        let mut out = String::new();
        let mut chars = inner.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    return Some((out, &inner[i + 1..]));
                }
            }
            out.push(c);
        }
        return None;
    }
    let close = crate::decode::json_string_end(s.as_bytes(), 0)?;
    Some((json_unescape(&s[1..close])?, &s[close + 1..]))
}

/// Whether a value opens a block scalar (`>-`, `|`, `>+2`): the lines
/// indented under it are its text.
fn block_indicator(value: &str) -> bool {
    let mut chars = value.chars();
    matches!(chars.next(), Some('>' | '|')) && chars.all(|c| matches!(c, '-' | '+' | '1'..='9'))
}

/// A scalar as it reads: quotes undone, an empty collection, `null` or
/// `~` as nothing, a flow sequence's items as a list (`[a, b]` as `a, b`).
fn scalar(value: &str) -> String {
    if value.starts_with(['"', '\''])
        && let Some((text, after)) = quoted(value)
        && after.trim().is_empty()
    {
        return text;
    }
    match value {
        "[]" | "{}" | "~" | "null" => String::new(),
        _ => match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            Some(items) => items.split(',').map(|i| scalar(i.trim())).collect::<Vec<_>>().join(", "),
            None => value.to_string(),
        },
    }
}

/// Whether a text is a YAML document (see [`MIN_KEYS`]).
fn is_yaml(lines: &[&str]) -> bool {
    let (mut keys, mut blocks, mut items, mut nests) = (0, 0, 0, 0);
    let nodes: Vec<Option<Node>> = lines.iter().map(|l| node(l)).collect();
    for (i, n) in nodes.iter().enumerate() {
        let Some(n) = n else { continue };
        let Some(key) = &n.key else { continue };
        keys += 1;
        if block_indicator(n.value) {
            blocks += 1;
        }
        if n.dashes > 0 {
            items += 1;
        }
        let deeper = nodes[i + 1..].iter().flatten().next().is_some_and(|next| next.column() > n.column());
        if n.value.is_empty() && machine_key(key) && deeper {
            nests += 1;
        }
    }
    keys >= MIN_KEYS
        && (blocks >= MIN_BLOCK_SCALARS
            || (items >= MIN_NESTING && nests >= MIN_NESTING)
            || lines.iter().any(|l| l.trim_start_matches('\u{feff}').starts_with("%YAML")))
}

/// Reads a YAML document (see [`MIN_KEYS`]) as label and value lines: a
/// key that is a label reads as `label: value` (`label:` over a nested
/// list), one that names a field for a program (`title: …`, `answer: …`,
/// see [`machine_key`]) as its value alone, a sequence's dashes as blanks,
/// quoted scalars with their escapes undone, `[]`, `''` and `null` as
/// nothing, a block scalar's indicator (`>-`) as nothing over its text,
/// and directives and document markers as blank lines. A sequence item's
/// title that follows a line of text gets a blank line above it, so that
/// it reads as a heading. Comments stay. Says what was read; any other
/// text is left as it is.
pub fn read_yaml(text: &mut String) -> YamlRead {
    let b = text.as_bytes();
    if memchr::memmem::find(b, b": ").is_none() || memchr::memmem::find(b, b"\n ").is_none() {
        return YamlRead::default();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<&str> = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    if !is_yaml(&lines) {
        return YamlRead::default();
    }
    let mut read = YamlRead::default();
    let mut out = String::with_capacity(text.len());
    // The column a block scalar's key stands at, while its lines are read.
    let mut block: Option<usize> = None;
    let mut last_blank = true;
    for (i, piece) in text.split_inclusive('\n').enumerate() {
        let end = &piece[piece.trim_end_matches(['\n', '\r']).len()..];
        let line = lines.get(i).copied().unwrap_or("");
        let depth = line.len() - line.trim_start_matches(' ').len();
        let shown = if block.is_some_and(|c| line.trim().is_empty() || depth > c) {
            line.to_string()
        } else {
            block = None;
            let trimmed = line.trim_end();
            if trimmed == "---" || trimmed == "..." || trimmed.starts_with("%YAML") || trimmed.starts_with("%TAG ") {
                String::new()
            } else if let Some(n) = node(line) {
                read.entries += 1;
                let pad = " ".repeat(n.column());
                if block_indicator(n.value) {
                    block = Some(n.column());
                }
                let value = if block_indicator(n.value) { String::new() } else { scalar(n.value) };
                match &n.key {
                    Some(key) if machine_key(key) => {
                        // A part's letter held by a key of its own (`part: b`)
                        // reads as a part's marker.
                        let value = if value.chars().count() == 1 && value.chars().all(char::is_alphabetic) {
                            format!("{value})")
                        } else {
                            value
                        };
                        if n.dashes > 0 && !value.is_empty() && !last_blank {
                            out.push_str(end);
                            read.set_apart += 1;
                        }
                        if value.is_empty() { String::new() } else { format!("{pad}{value}") }
                    }
                    Some(key) if value.is_empty() => format!("{pad}{key}:"),
                    Some(key) => format!("{pad}{key}: {value}"),
                    None => format!("{pad}{value}"),
                }
            } else {
                line.to_string()
            }
        };
        last_blank = shown.trim().is_empty();
        out.push_str(&shown);
        out.push_str(end);
    }
    *text = out;
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{Body, parse, repair_plain_text};

    #[test]
    fn a_form_saved_as_yaml_reads_as_its_fields_and_questions() {
        let mut text = "%YAML 1.1\n---\nform:\n  title: Applicant\n  fields:\n    Member State: Ghana\n    \
                        Institution Name: Tamale Metropolitan Assembly\n    Initiative name: \"Clean Water: for All\"\n    \
                        Partners: []\n  questions:\n    - title: Question 1\n      parts:\n        - prompt: >-\n            \
                        Please describe the initiative\n            (300 words maximum)\n          answer: >-\n            \
                        Wells were dug in\n            every ward.\n    - title: Question 2\n      parts:\n        \
                        - prompt: a) Please explain how it fits the category (100 words maximum)\n          \
                        answer: It serves everyone.\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.yaml, YamlRead { entries: 16, set_apart: 1 });
        assert_eq!(repairs.warnings()[0].0, "yaml_document_read");
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(value(&doc, "field.initiative_name").as_deref(), Some("Clean Water: for All"));
        let Body::Form(form) = &doc.body else { unreachable!() };
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        let answer: Vec<&str> = form.questions[0].parts[0].answer.iter().map(|l| doc.slice(l.span).trim()).collect();
        assert_eq!(answer, ["Wells were dug in", "every ward."]);
        assert_eq!(doc.slice(form.questions[1].parts[0].answer[0].span), "It serves everyone.");
        assert_eq!(form.questions[1].parts[0].letter, Some('a'));
    }

    #[test]
    fn a_yaml_document_reads_as_labels_and_values() {
        let mut text = "%YAML 1.2\n---\n# Ficha de Tamale\nficha:\n  titulo: Datos generales\n  institucion:\n    \
                        País: Ghana\n    Sitio web: 'https://tamale.gov.gh'\n    Años: 4\n    Detalles: ''\n    \
                        Metas: [\"11.3\", 11.b]\n  secciones:\n    - titulo: Parte 1\n      ¿Sector público?: Sí\n    \
                        - titulo: Parte 2\n      Criterios: []\n  preguntas:\n    - titulo: Pregunta 1\n      \
                        partes:\n        - parte: a\n          texto: >-\n            Describa la iniciativa\n            \
                        en breve.\n          respuesta: |\n            Tamale \"limpia\".\n\n            Segunda línea.\n    \
                        - titulo: Pregunta 2\n...\n"
            .to_string();
        let read = read_yaml(&mut text);
        assert_eq!(read.set_apart, 2);
        assert_eq!(
            text,
            "\n\n# Ficha de Tamale\n\n  Datos generales\n\n    País: Ghana\n    Sitio web: https://tamale.gov.gh\n    \
             Años: 4\n    Detalles:\n    Metas: 11.3, 11.b\n\n      Parte 1\n      ¿Sector público?: Sí\n\n      \
             Parte 2\n      Criterios:\n\n      Pregunta 1\n\n          a)\n\n            Describa la iniciativa\n            \
             en breve.\n\n            Tamale \"limpia\".\n\n            Segunda línea.\n\n      Pregunta 2\n\n"
        );
    }

    #[test]
    fn a_form_of_labels_and_values_is_no_yaml_document() {
        let kept = "Country: Ghana\nCity: Tamale\nYears: 4\nWebsite: https://tamale.gov.gh\nLevel: Local\n\
                    Category: Delivering services\n- Goal 11: Sustainable cities\n- Goal 6: Clean water\n\
                    Question 1: Describe it\n  The initiative cleans streets.\nQuestion 2: Who\n  Citizens.\n";
        let mut text = kept.to_string();
        assert_eq!(read_yaml(&mut text), YamlRead::default());
        assert_eq!(text, kept);
    }
}
