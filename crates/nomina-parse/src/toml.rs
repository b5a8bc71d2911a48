//! A form saved as a TOML document (`[table]` and `[[array.of.tables]]`
//! headers, `key = value` entries whose values are typed: quoted strings,
//! `"""` multi-line strings, arrays, numbers, dates), read as the label and
//! value lines the form parser knows. An INI file looks the same but for its
//! values, which are bare text: the types tell them apart. Every line keeps
//! its number.

use crate::dump::{is_blank, json_unescape, machine_key};
use memchr::memmem;

/// The fewest headers, and the fewest entries with a typed value, that make
/// a text a TOML document; at most one entry in [`MAX_BARE_SHARE`] may have
/// a bare value (an INI file's `Country = Ghana`).
const MIN_HEADERS: usize = 2;
const MIN_ENTRIES: usize = 5;
const MAX_BARE_SHARE: usize = 10;

/// A header (`[a.b]`, `[[a.b]]`, `["Basic information"]`): its last key,
/// quotes undone.
fn header(line: &str) -> Option<String> {
    let body = line.trim_matches(is_blank);
    let body = match body.find(" #") {
        Some(i) => body[..i].trim_end(),
        None => body,
    };
    let inner = body.strip_prefix("[[").and_then(|s| s.strip_suffix("]]"));
    let inner = inner.or_else(|| body.strip_prefix('[')?.strip_suffix(']'))?.trim();
    let last = dotted_keys(inner)?.pop()?;
    Some(last)
}

/// The keys of a dotted key (`a."b c".d`), quotes undone; `None` for text
/// that is none.
fn dotted_keys(s: &str) -> Option<Vec<String>> {
    let mut keys = Vec::new();
    let mut rest = s.trim();
    loop {
        let (key, after) = if let Some(q) = rest.strip_prefix('"') {
            let close = q.find('"')?;
            (json_unescape(&q[..close])?, &q[close + 1..])
        } else if let Some(q) = rest.strip_prefix('\'') {
            let close = q.find('\'')?;
            (q[..close].to_string(), &q[close + 1..])
        } else {
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
            (end > 0).then_some(())?;
            (rest[..end].to_string(), &rest[end..])
        };
        keys.push(key);
        let after = after.trim_start();
        if after.is_empty() {
            return Some(keys);
        }
        rest = after.strip_prefix('.')?.trim_start();
    }
}

/// An entry (`key = value`): its key and the value's text.
fn entry(line: &str) -> Option<(String, &str)> {
    let body = line.trim_start_matches(is_blank);
    if body.starts_with(['#', '[', '=']) {
        return None;
    }
    // The `=` after the key: outside the key's quotes.
    let eq = if body.starts_with(['"', '\'']) {
        let q = body.chars().next()?;
        let close = body[1..].find(q)? + 1;
        close + body[close..].find('=')?
    } else {
        body.find('=')?
    };
    let key = dotted_keys(&body[..eq])?.pop()?;
    Some((key, body[eq + 1..].trim_matches(is_blank)))
}

/// A string value that opens `s` (its quote first): its content, escapes
/// undone for a basic string, and the rest of `s`.
fn string(s: &str) -> Option<(String, &str)> {
    if let Some(q) = s.strip_prefix('\'') {
        let close = q.find('\'')?;
        return Some((q[..close].to_string(), &q[close + 1..]));
    }
    let close = crate::decode::json_string_end(s.as_bytes(), 0)?;
    Some((json_unescape(&s[1..close])?, &s[close + 1..]))
}

/// What a line of the document holds inside a multi-line value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    /// A `"""` or `'''` string, closed by the same quotes.
    Text(&'static str),
    /// An array whose items stand one a line.
    Array,
}

/// Whether a value is a TOML one: a string, an array, an inline table, a
/// number, a boolean or a date.
fn typed(value: &str) -> bool {
    let v = value.split(" #").next().unwrap_or(value).trim_end();
    v.starts_with(['"', '\'', '[', '{'])
        || v == "true"
        || v == "false"
        || v.replace('_', "").parse::<f64>().is_ok()
        || (v.len() >= 10
            && v.as_bytes()[..10]
                .iter()
                .enumerate()
                .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() }))
}

/// An array's items written on one line (`["a", "b"]`), joined by commas;
/// `None` for an array that is not all strings and scalars.
fn inline_array(s: &str) -> Option<(String, &str)> {
    let mut rest = s.strip_prefix('[')?.trim_start();
    let mut items = Vec::new();
    loop {
        if let Some(after) = rest.strip_prefix(']') {
            return Some((items.join(", "), after));
        }
        if rest.starts_with(['"', '\'']) {
            let (item, after) = string(rest)?;
            items.push(item);
            rest = after.trim_start();
        } else {
            let end = rest.find([',', ']'])?;
            items.push(rest[..end].trim().to_string());
            rest = &rest[end..];
        }
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
}

/// What a line of the document is, for the pairing of a label's entry with
/// its value's.
#[derive(Clone, PartialEq, Eq)]
enum Kind {
    Other,
    Header,
    /// An entry: whether under a program's key, its indent and value shown,
    /// and whether the value stands on this line alone.
    Entry {
        machine: bool,
        indent: String,
        shown: String,
        one_line: bool,
    },
}

/// One line read: what to write in its place.
fn read_line(line: &str, open: &mut Open, entries: &mut usize, kind: &mut Kind) -> String {
    *kind = Kind::Other;
    let indent = &line[..line.len() - line.trim_start_matches(is_blank).len()];
    let blanks = |n: usize| " ".repeat(n);
    match *open {
        Open::Text(quotes) => {
            let Some(close) = line.find(quotes) else {
                return line.to_string();
            };
            *open = Open::None;
            return format!("{}{}{}", &line[..close], blanks(3), &line[close + 3..]);
        }
        Open::Array => {
            let body = line.trim_matches(is_blank);
            if body.starts_with(']') {
                *open = Open::None;
                return format!("{indent}{}", blanks(body.chars().count()));
            }
            if body.starts_with(['"', '\''])
                && let Some((item, after)) = string(body)
            {
                let after = after.trim_start().trim_start_matches(',').trim_start();
                let after = if after.starts_with('#') { after } else { "" };
                return format!("{indent} {item} {after}").trim_end().to_string();
            }
            return line.to_string();
        }
        Open::None => {}
    }
    if let Some(name) = header(line) {
        *kind = Kind::Header;
        // A table's name written for people is its title; a program's is
        // left blank.
        return if machine_key(&name) { String::new() } else { format!("{indent}{name}") };
    }
    let Some((key, value)) = entry(line) else {
        return line.to_string();
    };
    *entries += 1;
    let shown = if let Some(q) = ["\"\"\"", "'''"].into_iter().find(|q| value.starts_with(q)) {
        let after = &value[3..];
        match after.find(q) {
            Some(close) => after[..close].to_string(),
            None => {
                *open = Open::Text(q);
                after.to_string()
            }
        }
    } else if value.starts_with(['"', '\'']) {
        match string(value) {
            Some((s, _)) => s,
            None => value.to_string(),
        }
    } else if value.starts_with('[') {
        match inline_array(value) {
            Some((s, _)) => s,
            None if value.trim_end() == "[" => {
                *open = Open::Array;
                String::new()
            }
            None => value.to_string(),
        }
    } else {
        value.to_string()
    };
    let machine = machine_key(&key);
    *kind = Kind::Entry { machine, indent: indent.to_string(), shown: shown.clone(), one_line: *open == Open::None };
    // A part's letter held by a key of its own reads as a part's marker.
    let shown = if machine && shown.chars().count() == 1 && shown.chars().all(char::is_alphabetic) {
        format!("{shown})")
    } else {
        shown
    };
    if machine {
        format!("{indent}{shown}").trim_end().to_string()
    } else {
        format!("{indent}{key}: {shown}").trim_end().to_string()
    }
}

/// Reads a TOML document (at least [`MIN_HEADERS`] headers and
/// [`MIN_ENTRIES`] entries, their values typed) as titles and label and
/// value lines: a header whose name is a program's (`[[fields]]`) reads as
/// a blank line, one written for people as its name; an entry whose key is
/// a label reads as `label: value`, one whose key names a field for a
/// program (`value = "Ghana"`) as its value alone, so that a table of a
/// label and a value reads as the label over its value; quotes (escapes
/// undone), `[]`, `""` and brackets read as blanks, an array's items one a
/// line as they stood (or joined by commas on one line), a multi-line
/// string's lines as they are, and a one-letter value under a program's key
/// as a part's letter. Comments stay. Says how many entries were read; a
/// text that is no TOML document is left as it is.
pub fn read_toml(text: &mut String) -> usize {
    let b = text.as_bytes();
    if !b.contains(&b'[') || memmem::find(b, b" = ").is_none() {
        return 0;
    }
    let (mut headers, mut typed_entries, mut bare) = (0, 0, 0);
    let mut open = Open::None;
    for line in text.lines() {
        if let Open::Text(q) = open {
            if line.contains(q) {
                open = Open::None;
            }
            continue;
        }
        if header(line).is_some() {
            headers += 1;
        } else if let Some((_, value)) = entry(line) {
            if !typed(value) {
                bare += 1;
            } else {
                typed_entries += 1;
                for q in ["\"\"\"", "'''"] {
                    if value.starts_with(q) && !value[3..].contains(q) {
                        open = Open::Text(q);
                    }
                }
            }
        }
    }
    if headers < MIN_HEADERS || typed_entries < MIN_ENTRIES || bare * MAX_BARE_SHARE > typed_entries {
        return 0;
    }
    let mut entries = 0;
    let mut open = Open::None;
    let pieces: Vec<&str> = text.split_inclusive('\n').collect();
    let mut read = Vec::with_capacity(pieces.len());
    let mut kinds = Vec::with_capacity(pieces.len());
    for piece in &pieces {
        let line = piece.trim_end_matches(['\n', '\r']);
        let mut kind = Kind::Other;
        read.push(read_line(line, &mut open, &mut entries, &mut kind));
        kinds.push(kind);
    }
    pair_labels(&mut read, &kinds);
    let mut out = String::with_capacity(text.len());
    for (piece, line) in pieces.iter().zip(read) {
        out.push_str(&line);
        out.push_str(&piece[piece.trim_end_matches(['\n', '\r']).len()..]);
    }
    *text = out;
    entries
}

/// A table that holds two entries under program's keys, each on one line
/// (`label = "Country"` over `value = "Ghana"`), is a label and its value:
/// they read as `Country: Ghana` on the first entry's line, the second's
/// left blank, since a label the catalog does not know is found beside its
/// value but not over it. A value that goes on over lines (a list, an
/// answer) stays under its label.
fn pair_labels(read: &mut [String], kinds: &[Kind]) {
    let mut table: Vec<usize> = Vec::new();
    let flush = |table: &mut Vec<usize>, read: &mut [String]| {
        if let [first, second] = table[..]
            && let (
                Kind::Entry { machine: true, indent, shown: label, one_line: true },
                Kind::Entry { machine: true, shown: value, one_line: true, .. },
            ) = (&kinds[first], &kinds[second])
            && !label.is_empty()
        {
            read[first] = format!("{indent}{label}: {value}").trim_end().to_string();
            read[second] = String::new();
        }
        table.clear();
    };
    for (i, kind) in kinds.iter().enumerate() {
        match kind {
            Kind::Header => flush(&mut table, read),
            Kind::Entry { .. } => table.push(i),
            Kind::Other => {}
        }
    }
    flush(&mut table, read);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{Body, parse, repair_plain_text};

    #[test]
    fn a_toml_document_reads_as_labels_values_and_answers() {
        let mut text = "# exported\n[meta]\ntitle = \"Basic information\"\n\n[[entries]]\n  caption = 'Member State'\n  data = \"Ghana\"\n\n\
                        [[entries]]\n  caption = \"Institution Name\"\n  data = \"Tamale \\\"North\\\" Assembly\"\n\n\
                        [[entries]]\n  caption = 'Partners'\n  data = []\n\n[[entries]]\n  caption = 'Goals'\n  data = [\n    \
                        \"6. Clean water\",\n    \"3. Good health\",\n  ]\n\n[[qs]]\nheading = \"Question 1\"\n  [[qs.parts]]\n  \
                        letter = \"a\"\n  prompt = \"Please describe the initiative\"\n  limit = \"(300 words maximum)\"\n  \
                        answer = \"\"\"\nWells were dug in every village.\nThey still run.\"\"\"\n\n  [[qs.parts]]\n  letter = \"b\"\n  \
                        prompt = \"Please explain how it fits the category\"\n  limit = \"(100 words maximum)\"\n  \
                        answer = \"\"\"\nIt serves everyone.\n\"\"\"\n"
            .to_string();
        let lines = text.lines().count();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.toml_entries, 18);
        assert_eq!(repairs.ini_entries, 0);
        assert!(repairs.warnings().iter().any(|w| w.0 == "toml_document_read"));
        assert_eq!(text.lines().count(), lines);
        assert!(text.contains("\n  Member State: Ghana\n\n"), "{text}");
        assert!(text.contains("\n  Institution Name: Tamale \"North\" Assembly\n"), "{text}");
        assert!(text.contains("\n     6. Clean water\n"), "{text}");
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions.len(), 1);
        assert_eq!(form.questions[0].parts[1].letter, Some('b'));
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        assert_eq!(doc.slice(form.questions[0].parts[1].answer[0].span), "It serves everyone.");
        // An INI file's bare values are no TOML.
        let kept = "[A]\nCountry = Ghana\nName = Tamale\n[B]\nx = 1\ny = 2\nz = 3\nw = 4\n";
        let mut text = kept.to_string();
        assert_eq!(read_toml(&mut text), 0);
        assert_eq!(text, kept);
    }
}
