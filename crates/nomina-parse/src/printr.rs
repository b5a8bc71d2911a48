//! A form's data printed by PHP's `print_r()` (`[Country] => Ghana` under
//! `Array (` … `)`, nested arrays for lists and sections, often inside a
//! page's `<pre>`), read as the label and value lines the form parser
//! knows. Every line keeps its number.

use memchr::memmem;
use rustc_hash::FxHashMap;

/// The fewest `[key] => value` lines that make a text a `print_r()` dump.
const MIN_ENTRIES: usize = 5;

/// An entry's line taken apart: where its bracket opens, its key, what
/// follows the arrow.
struct Entry<'a> {
    indent: &'a str,
    key: &'a str,
    value: &'a str,
}

impl Entry<'_> {
    /// Whether its value is a nested array (or an object), printed from the
    /// next line on between parentheses.
    fn opens(&self) -> bool {
        opener(self.value)
    }

    /// Whether its key is an array's index (`[0]`), no label.
    fn indexed(&self) -> bool {
        !self.key.is_empty() && self.key.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Whether a value, or a line of its own, opens a nested array or object
/// (`Array`, `stdClass Object`).
fn opener(value: &str) -> bool {
    let v = value.trim();
    v == "Array" || v.strip_suffix(" Object").is_some_and(|c| !c.is_empty() && !c.contains(char::is_whitespace))
}

/// A `[key] => value` line; `print_r()` writes `[key] => ` with a blank
/// after the arrow when the value is empty.
fn entry(line: &str) -> Option<Entry<'_>> {
    let body = line.trim_start();
    let rest = body.strip_prefix('[')?;
    let close = rest.find("] =>")?;
    let after = &rest[close + 4..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let indent = &line[..line.len() - body.len()];
    Some(Entry { indent, key: &rest[..close], value: after.strip_prefix(' ').unwrap_or(after) })
}

/// Reads a `print_r()` dump ([`MIN_ENTRIES`] or more `[key] => value`
/// lines and a nested `Array (` … `)`) as the lines a form prints: an
/// entry whose key is a label reads as `label: value` (`label:` when empty
/// or over a list of values), a key over a nested array of named entries
/// as the title of the section it holds, an index (`[0]`) as nothing
/// before its item, and a key that names a member of two or more items of
/// lists (`[answer] => …` in every question) as a program's key, set aside
/// before its value. `Array`, `(` and `)` lines are left blank; other lines
/// (a PHP notice, a value going on over lines) stay as they are. Says how
/// many entries were read; any other text is left as it is.
pub fn read_print_r(text: &mut String) -> usize {
    let b = text.as_bytes();
    if memmem::find(b, b"] =>").is_none() || memmem::find(b, b"Array").is_none() {
        return 0;
    }
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let entries: Vec<Option<Entry>> = lines.iter().map(|l| entry(l)).collect();
    let read = entries.iter().flatten().count();
    if read < MIN_ENTRIES || !lines.iter().any(|l| l.trim() == "(") {
        return 0;
    }
    // Each array's keys and whether it is an item of a list; which array
    // each entry's line opens.
    struct Array<'a> {
        item: bool,
        keys: Vec<&'a str>,
    }
    let mut arrays: Vec<Array> = Vec::new();
    let mut opened: Vec<Option<usize>> = vec![None; lines.len()];
    let mut stack: Vec<usize> = Vec::new();
    // The entry line (or none, for a bare `Array`) whose array opens next.
    let mut pending: Option<Option<usize>> = None;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t == "(" {
            let by = pending.take().flatten();
            let item = by.and_then(|j| entries[j].as_ref()).is_some_and(Entry::indexed);
            if let Some(j) = by {
                opened[j] = Some(arrays.len());
            }
            stack.push(arrays.len());
            arrays.push(Array { item, keys: Vec::new() });
        } else if t == ")" {
            stack.pop();
        } else if opener(t) {
            pending = Some(None);
        } else if let Some(e) = &entries[i] {
            if let Some(&top) = stack.last() {
                arrays[top].keys.push(e.key);
            }
            if e.opens() {
                pending = Some(Some(i));
            }
        }
    }
    // Keys that name a member of two or more items of lists.
    let mut members: FxHashMap<&str, usize> = FxHashMap::default();
    for a in arrays.iter().filter(|a| a.item) {
        let mut keys = a.keys.clone();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            *members.entry(k).or_default() += 1;
        }
    }
    let program = |e: &Entry| e.indexed() || members.get(e.key).is_some_and(|&n| n >= 2);
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split_inclusive('\n').enumerate() {
        let body = piece.trim_end_matches(['\n', '\r']);
        let end = &piece[body.len()..];
        let t = body.trim();
        match &entries[i] {
            _ if t == "(" || t == ")" || opener(t) => {}
            Some(e) if program(e) => {
                out.push_str(e.indent);
                if !e.opens() {
                    out.push_str(e.value);
                }
            }
            Some(e) => {
                out.push_str(e.indent);
                out.push_str(e.key);
                // A nested array of named entries is a section its key titles.
                let section = opened[i]
                    .is_some_and(|a| arrays[a].keys.first().is_some_and(|k| !k.bytes().all(|b| b.is_ascii_digit())));
                if !section && !e.key.trim_end().ends_with([':', '：']) {
                    out.push(':');
                }
                if !e.opens() && !e.value.trim().is_empty() {
                    out.push(' ');
                    out.push_str(e.value);
                }
            }
            None => out.push_str(body),
        }
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
    fn a_print_r_dump_reads_as_its_fields_and_questions() {
        let mut text = "<pre>\nWarning: Undefined array key \"site\" in /srv/form.php on line 9\nArray\n(\n    \
                        [Basic information] => Array\n        (\n            [Member State] => Ghana\n            \
                        [Institution Name] => Tamale Assembly\n            [Website] => \n            \
                        [UN agencies] => Array\n                (\n                )\n\n        )\n\n    \
                        [questions] => Array\n        (\n            [0] => Array\n                (\n                    \
                        [heading] => Question 1\n                    [prompt] => a) Please describe the initiative\n\
                        \x20                   [cap] => (300 words maximum)\n                    \
                        [reply] => Wells were dug\nin every ward.\n                )\n\n            \
                        [1] => Array\n                (\n                    [heading] => Question 2\n\
                        \x20                   [prompt] => Please explain how it fits the category\n\
                        \x20                   [cap] => (100 words maximum)\n                    \
                        [reply] => It serves everyone.\n                )\n\n        )\n\n)\n</pre>"
            .to_string();
        let before = text.matches('\n').count();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.print_r, 16);
        assert!(repairs.warnings().iter().any(|w| w.0 == "print_r_read"));
        assert_eq!(text.matches('\n').count(), before);
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines[1..],
            [
                "Basic information",
                "Member State: Ghana",
                "Institution Name: Tamale Assembly",
                "Website:",
                "UN agencies:",
                "questions:",
                "Question 1",
                "a) Please describe the initiative",
                "(300 words maximum)",
                "Wells were dug",
                "in every ward.",
                "Question 2",
                "Please explain how it fits the category",
                "(100 words maximum)",
                "It serves everyone."
            ]
        );
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(value(&doc, "field.institution_name").as_deref(), Some("Tamale Assembly"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[0].parts[0].letter, Some('a'));
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
    }

    #[test]
    fn text_with_a_few_arrows_is_no_print_r_dump() {
        let kept = "The log said [a] => 1 and [b] => 2.\nArray\n(\n)\n";
        let mut text = kept.to_string();
        assert_eq!(read_print_r(&mut text), 0);
        assert_eq!(text, kept);
    }
}
