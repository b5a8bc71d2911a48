//! A form dumped as Lisp S-expressions (`(field :label "Country" :value
//! "Ghana")` inside `(section "…" …)`, `nil` for nothing), read as the
//! label and value lines the form parser knows.

use memchr::memmem;

/// The fewest keywords (`:label`) that make a text an S-expression dump.
const MIN_KEYWORDS: usize = 8;

/// Marks of writing direction an exporter puts around right-to-left text
/// inside strings (embeddings, overrides, isolates): no text.
const DIRECTION_MARKS: [char; 9] =
    ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// What reading an S-expression dump did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SexprRead {
    /// Lists read.
    pub lists: usize,
    /// Lines added to set a record's values (prompt, limit, answer) on
    /// lines of their own.
    pub lines_added: usize,
}

/// A piece of the dump.
#[derive(Debug)]
enum Node {
    /// A list, with the line its `(` stands on.
    List(Vec<Node>, usize),
    /// A string, escapes undone and marks of direction dropped.
    Str(String),
    /// A symbol or a number (`nil` stays `nil` here).
    Atom(String),
    /// A `:keyword`.
    Key,
    /// A `;` comment to the line's end, and its line.
    Comment(String, usize),
}

impl Node {
    /// The text a value prints: a string, a number; `nil`, `t` and symbols
    /// of the program print nothing; a list of values its items apart.
    fn text(&self) -> String {
        match self {
            Node::Str(s) => s.clone(),
            Node::Atom(a) if a.parse::<f64>().is_ok() => a.clone(),
            Node::List(items, _) => {
                items.iter().map(Node::text).filter(|t| !t.trim().is_empty()).collect::<Vec<_>>().join("; ")
            }
            _ => String::new(),
        }
    }
}

/// The nodes of `text` from `*i` up to the `)` that closes them (or the
/// end), and the `(` count read; `None` when a string or a list runs on
/// to the end.
fn nodes(text: &str, i: &mut usize, line: &mut usize, depth: usize) -> Option<Vec<Node>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    while *i < b.len() {
        match b[*i] {
            b'\n' => {
                *line += 1;
                *i += 1;
            }
            b';' => {
                let end = memchr::memchr(b'\n', &b[*i..]).map_or(b.len(), |n| *i + n);
                out.push(Node::Comment(text[*i..end].to_string(), *line));
                *i = end;
            }
            b'(' => {
                // A dump nests a few levels deep: deeper is no dump.
                if depth > 64 {
                    return None;
                }
                let at = *line;
                *i += 1;
                let inner = nodes(text, i, line, depth + 1)?;
                if b.get(*i) != Some(&b')') {
                    return None;
                }
                *i += 1;
                out.push(Node::List(inner, at));
            }
            b')' => return (depth > 0).then_some(out),
            b'"' => {
                let mut s = String::new();
                let mut chars = text[*i + 1..].char_indices();
                let mut closed = None;
                while let Some((k, c)) = chars.next() {
                    match c {
                        '"' => {
                            closed = Some(*i + 1 + k + 1);
                            break;
                        }
                        '\\' => match chars.next() {
                            Some((_, 'n')) => s.push(' '),
                            Some((_, 't')) => s.push('\t'),
                            Some((_, '\n')) => *line += 1,
                            Some((_, e)) => s.push(e),
                            None => return None,
                        },
                        '\n' => {
                            // A string's line break is a blank: the value
                            // stays on its line.
                            *line += 1;
                            s.push(' ');
                        }
                        c if DIRECTION_MARKS.contains(&c) => {}
                        c => s.push(c),
                    }
                }
                *i = closed?;
                out.push(Node::Str(s));
            }
            c if c.is_ascii_whitespace() => *i += 1,
            _ => {
                let end = b[*i..]
                    .iter()
                    .position(|c| c.is_ascii_whitespace() || matches!(c, b'(' | b')' | b'"' | b';'))
                    .map_or(b.len(), |n| *i + n);
                let word = &text[*i..end];
                out.push(if word.starts_with(':') && word.len() > 1 {
                    Node::Key
                } else {
                    Node::Atom(word.to_string())
                });
                *i = end;
            }
        }
    }
    (depth == 0).then_some(out)
}

/// Lines of the dump being written: each line of the text holds what the
/// lists that open on it print, and lines added after it.
struct Writer {
    lines: Vec<Vec<String>>,
    lists: usize,
}

impl Writer {
    fn put(&mut self, line: usize, depth: usize, s: String) {
        if let Some(l) = self.lines.get_mut(line) {
            l.push(format!("{}{s}", "  ".repeat(depth)));
        }
    }

    /// Writes a list's contents: a list of two keywords whose first value
    /// is text (`(field :label "Country" :value "Ghana")`) as `Country:
    /// Ghana`; a list of more keywords as a record, each value on a line
    /// of its own; the head symbol and keywords set aside; strings and
    /// numbers side by side.
    fn list(&mut self, items: &[Node], line: usize, depth: usize) {
        self.lists += 1;
        let keys = items.iter().filter(|n| matches!(n, Node::Key)).count();
        let head = usize::from(matches!(items.first(), Some(Node::Atom(_))));
        if keys == 2
            && items.len() == head + 4
            && matches!(items[head], Node::Key)
            && matches!(items[head + 1], Node::Str(_))
            && matches!(items[head + 2], Node::Key)
            && !matches!(items[head + 3], Node::List(ref l, _) if l.iter().any(|n| matches!(n, Node::List(..))))
        {
            let (label, value) = (items[head + 1].text(), items[head + 3].text());
            let colon = if label.trim_end().ends_with([':', '：']) { "" } else { ":" };
            let s = if value.is_empty() { format!("{label}{colon}") } else { format!("{label}{colon} {value}") };
            self.put(line, depth, s);
            return;
        }
        let record = keys > 2;
        let mut words: Vec<String> = Vec::new();
        for (k, node) in items.iter().enumerate() {
            match node {
                Node::List(inner, at) => {
                    if !words.is_empty() {
                        self.put(line, depth, words.join("; "));
                        words.clear();
                    }
                    self.list(inner, *at, depth + 1);
                }
                Node::Comment(c, at) => self.put(*at, depth, c.clone()),
                Node::Key => {}
                _ if k == 0 && head == 1 => {}
                n => {
                    let t = n.text();
                    if t.is_empty() {
                        continue;
                    }
                    let after_key = k > 0 && matches!(items[k - 1], Node::Key);
                    // A record's values of text stand on lines of their own.
                    if record && after_key && matches!(n, Node::Str(_)) {
                        self.put(line, depth, t);
                    } else {
                        words.push(t);
                    }
                }
            }
        }
        if !words.is_empty() {
            self.put(line, depth, words.join("; "));
        }
    }
}

/// Reads a dump of Lisp S-expressions (the text opens with `(` or a `;`
/// comment, its parentheses balance, and it holds [`MIN_KEYWORDS`] or
/// more `:keywords`) as the lines a form prints: a list of two keywords
/// whose first value is text reads as `label: value` (`nil` or an empty
/// list as nothing, a list of strings as its items apart); a list of more
/// keywords (a question's part: marker, prompt, limit, answer) as a
/// record, each value of text on a line of its own after the first, the
/// lines so added counted; the head symbols (`field`, `section`) and the
/// keywords set aside; strings unquoted, their escapes undone and marks of
/// writing direction dropped; comments kept. Any other text is left as it
/// is.
pub fn read_sexpr(text: &mut String) -> SexprRead {
    let start = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    if !start.starts_with(['(', ';']) || memmem::find(text.as_bytes(), b" :").is_none() {
        return SexprRead::default();
    }
    let (mut i, mut line) = (0, 0);
    let Some(top) = nodes(text, &mut i, &mut line, 0) else {
        return SexprRead::default();
    };
    let keywords = memchr::memchr_iter(b':', text.as_bytes())
        .filter(|&k| k > 0 && matches!(text.as_bytes()[k - 1], b' ' | b'\t' | b'\n' | b'('))
        .count();
    let lists = top.iter().filter(|n| matches!(n, Node::List(..))).count();
    if keywords < MIN_KEYWORDS || lists == 0 || top.iter().any(|n| matches!(n, Node::Str(_) | Node::Atom(_))) {
        return SexprRead::default();
    }
    let count = text.split('\n').count();
    let mut w = Writer { lines: vec![Vec::new(); count], lists: 0 };
    for n in &top {
        match n {
            Node::List(inner, at) => w.list(inner, *at, 0),
            Node::Comment(c, at) => w.put(*at, 0, c.clone()),
            _ => {}
        }
    }
    let added = w.lines.iter().map(|l| l.len().saturating_sub(1)).sum();
    let ends: Vec<&str> = text.split('\n').map(|l| if l.ends_with('\r') { "\r\n" } else { "\n" }).collect();
    let mut out = String::with_capacity(text.len());
    for (k, l) in w.lines.iter().enumerate() {
        out.push_str(&l.join(ends[k]));
        if k + 1 < count {
            out.push_str(ends[k]);
        }
    }
    *text = out;
    SexprRead { lists: w.lists, lines_added: added }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair_plain_text;
    use crate::testgen::assert_first_question;

    #[test]
    fn a_form_dumped_as_s_expressions_reads_as_its_fields_and_questions() {
        let mut text = ";; export v2\n(form :year 2021 :id \"GH-7\"\n (title \"Basic information\")\n \
                        (group \"\u{202b}Institution\u{202c}\"\n  (item :name \"Member State\" :val \"Ghana\")\n  \
                        (item :name \"Institution Name\" :val \"Tamale \\\"Metro\\\" Assembly\")\n  \
                        (item :name \"Website\" :val nil)\n  (item :name \"Goals\" :val (\"Goal 6\" \"Goal 11\")))\n \
                        (quiz (q :title \"Question 1\"\n   (p :mark \"a)\" :text \"Please describe the initiative\" \
                        :cap \"(300 words maximum)\" :reply \"Wells were dug.\"))))"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.sexpr, SexprRead { lists: 10, lines_added: 3 });
        assert!(repairs.warnings().iter().any(|w| w.0 == "s_expressions_read"));
        assert_eq!(
            text,
            ";; export v2\n2021; GH-7\n  Basic information\n  Institution\n    Member State: Ghana\n    \
             Institution Name: Tamale \"Metro\" Assembly\n    Website:\n    Goals: Goal 6; Goal 11\n    \
             Question 1\n      a)\n      Please describe the initiative\n      (300 words maximum)\n      Wells were dug."
        );
        assert_first_question(text, "Ghana", (1, 'a', 300));
    }

    #[test]
    fn prose_in_parentheses_is_no_s_expression_dump() {
        for kept in ["(Note: see :a :b :c :d :e :f :g :h) and more", "(a :b \"unclosed"] {
            let mut text = kept.to_string();
            assert_eq!(read_sexpr(&mut text), SexprRead::default());
            assert_eq!(text, kept);
        }
    }
}
