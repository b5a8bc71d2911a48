//! A form saved as a program's data literal (a Python REPL's `pprint` of
//! dataclasses, Rust's `{:#?}`, Perl's Data::Dumper, a Go composite
//! literal, HCL, the Protocol Buffers text format, Erlang terms), read as
//! the label and value lines the form parser knows. One reader serves
//! them all: brackets, string literals (escapes undone, adjacent literals
//! joined), keys (`name:`, `name =`, `'name' =>`) and bare atoms make a
//! tree of records, and each record of strings is written as the lines a
//! form prints, on the line where it opens.

use crate::dump::machine_key;
use rustc_hash::{FxHashMap, FxHashSet};

/// The fewest records holding a label and its value that make a text a
/// program's data literal.
const MIN_PAIRS: usize = 6;

/// The fewest lines opening or closing a bracket (or ending with a comma)
/// a text needs before it is tokenized at all.
const MIN_BRACKET_LINES: usize = 10;

/// Words a key's values hold on average that make them answers, written
/// under their label rather than beside it.
const ANSWER_WORDS: usize = 15;

/// The longest marker of a question's part (`a)`, `Part 1 -`), in
/// characters.
const MAX_MARKER: usize = 12;

/// What reading a program's data literal did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LiteralRead {
    /// Records read.
    pub records: usize,
    /// Lines added to set a record's strings on lines of their own.
    pub lines_added: usize,
}

/// A piece of the literal.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open(u8),
    Close(u8),
    Str(String),
    Word(String),
    Sep,
    /// `:`, `=` or `=>`, and whether it was a colon.
    Assign(bool),
    Other,
}

#[derive(Debug)]
struct Token {
    tok: Tok,
    /// The lines it starts and ends on.
    line: usize,
    end: usize,
}

/// The escapes of a string literal undone: C's and Python's (`\n`, `\'`,
/// `\xNN`, octal bytes `\342`), Rust's `\u{ad}`, Go's and JSON's `\uXXXX`.
/// A line break reads as a blank, so that a value stays on its line.
/// Escaped bytes make UTF-8 (the Protocol Buffers text format escapes every
/// byte); where they make none, `\xNN` is a character, as Python prints it.
fn unescape(s: &str, x_as_char: bool) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let push = |out: &mut Vec<u8>, c: char| {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    };
    let hex = |chars: &mut std::iter::Peekable<std::str::Chars>, n: usize| {
        let mut v = 0u32;
        for _ in 0..n {
            match chars.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    chars.next();
                }
                None => break,
            }
        }
        v
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            push(&mut out, c);
            continue;
        }
        match chars.next() {
            None => push(&mut out, '\\'),
            Some('n' | 'r' | 't') => push(&mut out, ' '),
            Some('u') if chars.peek() == Some(&'{') => {
                chars.next();
                let v = hex(&mut chars, 8);
                if chars.peek() == Some(&'}') {
                    chars.next();
                }
                push(&mut out, char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            Some('u') => push(&mut out, char::from_u32(hex(&mut chars, 4)).unwrap_or('\u{fffd}')),
            Some('U') => push(&mut out, char::from_u32(hex(&mut chars, 8)).unwrap_or('\u{fffd}')),
            Some('x') => {
                let v = hex(&mut chars, 2);
                if x_as_char {
                    push(&mut out, char::from_u32(v).unwrap_or('\u{fffd}'));
                } else {
                    out.push(v as u8);
                }
            }
            Some(d @ '0'..='7') => {
                let mut v = d.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(n) => {
                            v = v * 8 + n;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            Some(e) => push(&mut out, e),
        }
    }
    match String::from_utf8(out) {
        Ok(s) => s,
        Err(_) if !x_as_char => unescape(s, true),
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// Where a quoted string that opens `b[i]` closes, on the same line (a
/// backslash escapes the next byte); `None` when it runs on past its line.
fn closing_quote(b: &[u8], i: usize, quote: u8, multiline: bool) -> Option<usize> {
    let mut k = i + 1;
    while k < b.len() {
        match b[k] {
            b'\\' if quote != b'`' => k += 2,
            b'\n' if !multiline => return None,
            c if c == quote => return Some(k),
            _ => k += 1,
        }
    }
    None
}

fn word_start(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '$' | '&' | '@')
}

/// The tokens of `text` and the count of comments set aside.
fn tokens(text: &str) -> (Vec<Token>, usize) {
    let b = text.as_bytes();
    let (mut i, mut line, mut comments) = (0, 0, 0);
    let mut out = Vec::new();
    let push = |out: &mut Vec<Token>, tok: Tok, line: usize, end: usize| out.push(Token { tok, line, end });
    while i < b.len() {
        let c = b[i];
        let after_blank = i == 0 || b[i - 1].is_ascii_whitespace();
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'#' | b'%' if after_blank => {
                comments += 1;
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
            }
            b'/' if after_blank && b.get(i + 1) == Some(&b'/') => {
                comments += 1;
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
            }
            b'"' | b'\'' | b'`' => match closing_quote(b, i, c, c == b'`') {
                Some(k) => {
                    let body = &text[i + 1..k];
                    let s = if c == b'`' { body.replace(['\n', '\r'], " ") } else { unescape(body, false) };
                    let end = line + body.bytes().filter(|&x| x == b'\n').count();
                    push(&mut out, Tok::Str(s), line, end);
                    line = end;
                    i = k + 1;
                }
                None => {
                    push(&mut out, Tok::Other, line, line);
                    i += 1;
                }
            },
            b'<' if b[i..].starts_with(b"<<\"") => {
                // An Erlang binary, `<<"…"/utf8>>`.
                let Some(k) = closing_quote(b, i + 2, b'"', false) else {
                    push(&mut out, Tok::Other, line, line);
                    i += 1;
                    continue;
                };
                let s = unescape(&text[i + 3..k], false);
                let mut j = k + 1;
                if b.get(j) == Some(&b'/') {
                    j += 1;
                    while j < b.len() && b[j].is_ascii_alphanumeric() {
                        j += 1;
                    }
                }
                if b[j..].starts_with(b">>") {
                    push(&mut out, Tok::Str(s), line, line);
                    i = j + 2;
                } else {
                    push(&mut out, Tok::Other, line, line);
                    i += 1;
                }
            }
            b'<' if b[i..].starts_with(b"<<") => {
                // A heredoc, `<<-EOT` … `EOT`: its lines joined by blanks.
                let start = i + 2 + usize::from(b.get(i + 2) == Some(&b'-'));
                let mut j = start;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                    j += 1;
                }
                let tag = &text[start..j];
                let eol = text[j..].find('\n').map(|n| j + n);
                match eol.filter(|&e| !tag.is_empty() && text[j..e].trim().is_empty()) {
                    Some(e) => {
                        let mut parts = Vec::new();
                        let mut k = e + 1;
                        let mut end_line = line + 1;
                        let mut closed = false;
                        while k < b.len() {
                            let stop = text[k..].find('\n').map_or(b.len(), |n| k + n);
                            let l = text[k..stop].trim();
                            k = (stop + 1).min(b.len());
                            if l == tag {
                                closed = true;
                                break;
                            }
                            if !l.is_empty() {
                                parts.push(l);
                            }
                            end_line += 1;
                        }
                        if closed {
                            push(&mut out, Tok::Str(parts.join(" ")), line, end_line);
                            line = end_line;
                            i = k;
                            // The terminator's line break is read by the loop.
                            if i > 0 && b[i - 1] == b'\n' {
                                i -= 1;
                            }
                        } else {
                            push(&mut out, Tok::Other, line, line);
                            i += 2;
                        }
                    }
                    None => {
                        push(&mut out, Tok::Other, line, line);
                        i += 2;
                    }
                }
            }
            b'{' | b'[' | b'(' => {
                push(&mut out, Tok::Open(c), line, line);
                i += 1;
            }
            b'}' | b']' | b')' => {
                push(&mut out, Tok::Close(c), line, line);
                i += 1;
            }
            b',' | b';' => {
                push(&mut out, Tok::Sep, line, line);
                i += 1;
            }
            b'=' if b.get(i + 1) == Some(&b'>') => {
                push(&mut out, Tok::Assign(false), line, line);
                i += 2;
            }
            b'=' | b':' => {
                push(&mut out, Tok::Assign(c == b':'), line, line);
                i += 1;
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if word_start(ch) {
                    let end = text[i..]
                        .char_indices()
                        .find(|&(_, c)| !(word_start(c) || matches!(c, '.' | '-' | '+')))
                        .map_or(text.len(), |(n, _)| i + n);
                    push(&mut out, Tok::Word(text[i..end].to_string()), line, line);
                    i = end;
                } else {
                    push(&mut out, Tok::Other, line, line);
                    i += ch.len_utf8();
                }
            }
        }
    }
    (out, comments)
}

/// A value of the literal.
#[derive(Debug)]
enum Val {
    Str(String),
    /// `None`, `nil`, `undef`, `undefined`, `null`, `none`.
    Null,
    Num(String),
    /// Any other bare word: `true`, a type's name, an atom.
    Word(String),
    Rec(Rec),
}

/// A bracketed record or list.
#[derive(Debug)]
struct Rec {
    /// The type's name before it (`Block(`, `Form{`, `field {`).
    name: Option<String>,
    /// Opened with `[` or named by a Go slice type (`[]Field{`).
    list: bool,
    /// Opened with `(`.
    paren: bool,
    entries: Vec<Entry>,
    line: usize,
}

#[derive(Debug)]
struct Entry {
    key: Option<String>,
    val: Val,
    line: usize,
    /// The tokens it was read from.
    toks: (usize, usize),
}

struct Parser<'a> {
    t: &'a [Token],
    i: usize,
    /// Keys read, and how many were quoted strings before a colon (JSON's).
    keys: usize,
    json_keys: usize,
    /// A bracket left open or closed by another.
    broken: bool,
}

fn null_word(w: &str) -> bool {
    matches!(w, "None" | "nil" | "undef" | "undefined" | "null" | "none" | "NULL" | "Nil")
}

impl Parser<'_> {
    fn peek(&self, k: usize) -> Option<&Tok> {
        self.t.get(self.i + k).map(|t| &t.tok)
    }

    /// Entries up to a closing bracket (left unread) or the end.
    fn items(&mut self, depth: usize) -> Vec<Entry> {
        let mut out = Vec::new();
        while let Some(tok) = self.peek(0) {
            match tok {
                Tok::Close(_) => break,
                Tok::Sep | Tok::Other | Tok::Assign(_) => self.i += 1,
                _ => {
                    let (line, first) = (self.t[self.i].line, self.i);
                    let key = match (self.peek(0), self.peek(1)) {
                        (Some(Tok::Word(w)), Some(Tok::Assign(colon))) => Some((w.clone(), *colon, false)),
                        (Some(Tok::Str(s)), Some(Tok::Assign(colon))) => Some((s.clone(), *colon, true)),
                        _ => None,
                    };
                    let key = key.map(|(k, colon, quoted)| {
                        self.i += 2;
                        self.keys += 1;
                        if colon && quoted {
                            self.json_keys += 1;
                        }
                        k
                    });
                    let val = match self.peek(0) {
                        None | Some(Tok::Close(_) | Tok::Sep) => Val::Null,
                        _ => self.value(depth),
                    };
                    if self.broken {
                        return out;
                    }
                    out.push(Entry { key, val, line, toks: (first, self.i) });
                }
            }
        }
        out
    }

    /// A bracket's contents, its opening bracket next.
    fn container(&mut self, name: Option<String>, list: bool, pre: Vec<Entry>, depth: usize) -> Val {
        let Some(Tok::Open(open)) = self.peek(0).cloned() else {
            self.broken = true;
            return Val::Null;
        };
        if depth > 64 {
            self.broken = true;
            return Val::Null;
        }
        let line = self.t[self.i].line;
        self.i += 1;
        let mut entries = pre;
        entries.extend(self.items(depth + 1));
        let want = match open {
            b'{' => b'}',
            b'[' => b']',
            _ => b')',
        };
        if self.peek(0) != Some(&Tok::Close(want)) {
            self.broken = true;
            return Val::Null;
        }
        self.i += 1;
        Val::Rec(Rec { name, list: list || open == b'[', paren: open == b'(', entries, line })
    }

    fn value(&mut self, depth: usize) -> Val {
        match self.peek(0).cloned() {
            Some(Tok::Str(s)) => {
                // Adjacent literals make one string.
                let mut s = s;
                self.i += 1;
                while let Some(Tok::Str(next)) = self.peek(0) {
                    s.push_str(next);
                    self.i += 1;
                }
                Val::Str(s)
            }
            Some(Tok::Open(b'[')) if self.peek(1) == Some(&Tok::Close(b']')) => {
                // A Go slice type, `[]Field{`.
                if let (Some(Tok::Word(w)), Some(Tok::Open(b'{'))) = (self.peek(2).cloned(), self.peek(3)) {
                    self.i += 3;
                    return self.container(Some(w), true, Vec::new(), depth);
                }
                self.i += 2;
                Val::Word(String::new())
            }
            Some(Tok::Open(_)) => self.container(None, false, Vec::new(), depth),
            Some(Tok::Word(w)) => {
                self.i += 1;
                if let Some(Tok::Open(_)) = self.peek(0) {
                    return self.container(Some(w), false, Vec::new(), depth);
                }
                // HCL's labelled block, `block "Heading" {`.
                let mut k = 0;
                while let Some(Tok::Str(_)) = self.peek(k) {
                    k += 1;
                }
                if k > 0 && self.peek(k) == Some(&Tok::Open(b'{')) {
                    let mut pre = Vec::new();
                    for _ in 0..k {
                        if let Some(Token { tok: Tok::Str(s), line, .. }) = self.t.get(self.i) {
                            pre.push(Entry {
                                key: None,
                                val: Val::Str(s.clone()),
                                line: *line,
                                toks: (self.i, self.i + 1),
                            });
                        }
                        self.i += 1;
                    }
                    return self.container(Some(w), false, pre, depth);
                }
                if null_word(&w) {
                    Val::Null
                } else if w.trim_start_matches(['-', '+']).parse::<f64>().is_ok() {
                    Val::Num(w)
                } else {
                    Val::Word(w)
                }
            }
            _ => {
                self.i += 1;
                Val::Word(String::new())
            }
        }
    }
}

/// What a record's entry holds for the page: a string, nothing, a list of
/// strings; `None` for records nested in it.
enum Own<'a> {
    Text(&'a str),
    Nothing,
    Items(Vec<&'a str>),
}

fn own(v: &Val) -> Option<Own<'_>> {
    match v {
        Val::Str(s) => Some(Own::Text(s)),
        Val::Num(n) => Some(Own::Text(n)),
        Val::Null | Val::Word(_) => Some(Own::Nothing),
        Val::Rec(r) if wrapper(r) => own(&r.entries[0].val),
        Val::Rec(r) if r.list && r.entries.iter().all(|e| matches!(e.val, Val::Str(_) | Val::Null)) => {
            Some(Own::Items(
                r.entries
                    .iter()
                    .filter_map(|e| if let Val::Str(s) = &e.val { Some(s.as_str()) } else { None })
                    .collect(),
            ))
        }
        Val::Rec(_) => None,
    }
}

/// A value wrapped in a type's name (`Some("…")`, `Texto("…")`).
fn wrapper(r: &Rec) -> bool {
    r.paren && r.name.is_some() && r.entries.len() == 1 && r.entries[0].key.is_none()
}

/// A count of the words a string holds, a CJK character counting as one.
fn weight(s: &str) -> usize {
    s.split_whitespace().count() + s.chars().filter(|c| ('\u{3000}'..='\u{9fff}').contains(c)).count()
}

/// A number of two digits or more (`300` in `<= 300 words`): a limit, no
/// part's marker.
fn holds_limit(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

#[derive(Default)]
struct KeyStats {
    values: usize,
    weight: usize,
    short: bool,
    limit: bool,
    machine: bool,
    distinct: FxHashSet<String>,
}

/// An entry's own strings, as the record writes them: its key (or its
/// position under the record's type) and what it holds.
fn own_entries<'a>(
    r: &'a Rec,
    ty: &str,
    program: &FxHashSet<String>,
) -> (Vec<(String, Own<'a>, usize)>, Vec<&'a Entry>) {
    let mut owned: Vec<(String, Own, usize)> = Vec::new();
    let mut nested = Vec::new();
    for (k, e) in r.entries.iter().enumerate() {
        let key = e.key.clone().unwrap_or_else(|| format!("{ty}#{k}"));
        if program.contains(&key) {
            continue;
        }
        // A bare word or number in a position is the program's (a tuple's
        // tag, an id).
        if e.key.is_none() && matches!(e.val, Val::Word(_) | Val::Num(_)) {
            continue;
        }
        match own(&e.val) {
            Some(o) => {
                // A key repeated makes a list (the Protocol Buffers text format).
                if let Some(prev) = owned.iter_mut().find(|p| p.0 == key && e.key.is_some()) {
                    let mut items = match std::mem::replace(&mut prev.1, Own::Nothing) {
                        Own::Text(s) => vec![s],
                        Own::Items(v) => v,
                        Own::Nothing => Vec::new(),
                    };
                    match o {
                        Own::Text(s) => items.push(s),
                        Own::Items(v) => items.extend(v),
                        Own::Nothing => {}
                    }
                    prev.1 = Own::Items(items);
                } else {
                    owned.push((key, o, e.line));
                }
            }
            None => nested.push(e),
        }
    }
    (owned, nested)
}

/// The type of a record: its name, the tag a tuple opens with (Erlang's
/// `{field, …}`), its program's words, or its list's.
fn type_of(r: &Rec, inherited: &str, program: &FxHashSet<String>) -> String {
    if let Some(n) = &r.name {
        return n.clone();
    }
    if let Some(Entry { key: None, val: Val::Word(w), .. }) = r.entries.first() {
        return w.clone();
    }
    let words: Vec<&str> = r
        .entries
        .iter()
        .filter(|e| e.key.as_ref().is_some_and(|k| program.contains(k)))
        .filter_map(|e| if let Val::Str(s) = &e.val { Some(s.as_str()) } else { None })
        .collect();
    if words.is_empty() { inherited.to_string() } else { words.join(" ") }
}

struct Writer {
    lines: Vec<Vec<String>>,
    program: FxHashSet<String>,
    stats: FxHashMap<String, KeyStats>,
    /// Types some record of which holds a label and its value.
    valued: FxHashSet<String>,
    records: usize,
    pairs: usize,
}

impl Writer {
    fn put(&mut self, line: usize, s: String) {
        if let Some(l) = self.lines.get_mut(line) {
            l.push(s);
        }
    }

    /// Gathers what the keys hold, and which types hold values.
    fn survey(&mut self, r: &Rec, inherited: &str) {
        let ty = type_of(r, inherited, &self.program);
        let (owned, nested) = own_entries(r, &ty, &self.program);
        if nested.is_empty() && owned.len() >= 2 {
            self.valued.insert(ty.clone());
            self.pairs += 1;
        }
        for (key, o, _) in &owned {
            let st = self.stats.entry(key.clone()).or_insert_with(|| KeyStats {
                short: true,
                limit: true,
                ..Default::default()
            });
            if let Own::Text(s) = o {
                st.values += 1;
                st.weight += weight(s);
                st.short &= s.chars().count() <= MAX_MARKER;
                st.limit &= holds_limit(s) && weight(s) <= 8;
            }
        }
        let child = r.name.clone().unwrap_or(ty);
        for e in &r.entries {
            if let Val::Rec(inner) = &e.val {
                self.survey(inner, &child);
            }
        }
    }

    fn answer_like(&self, key: &str) -> bool {
        self.stats.get(key).is_some_and(|s| s.values > 0 && s.weight >= ANSWER_WORDS * s.values)
    }

    fn write(&mut self, r: &Rec, inherited: &str) {
        self.records += usize::from(!r.list);
        let ty = type_of(r, inherited, &self.program);
        let child = r.name.clone().unwrap_or_else(|| ty.clone());
        let (owned, nested) = own_entries(r, &ty, &self.program);
        if !nested.is_empty() {
            // A heading first (sorted keys may put it after its records),
            // then lists and records in their order.
            let texts = owned.iter().filter(|o| matches!(o.1, Own::Text(_))).count();
            let hoist = texts == 1;
            if hoist && let Some((_, Own::Text(s), _)) = owned.iter().find(|o| matches!(o.1, Own::Text(_))) {
                self.put(r.line, String::new());
                self.put(r.line, s.to_string());
            }
            for e in &r.entries {
                match &e.val {
                    Val::Rec(inner) if own(&e.val).is_none() => self.write(inner, &child),
                    _ => match own(&e.val) {
                        Some(Own::Text(s)) if !hoist && matches!(e.val, Val::Str(_)) => {
                            self.put(e.line, String::new());
                            self.put(e.line, s.to_string());
                        }
                        Some(Own::Items(items)) if !e.key.as_ref().is_some_and(|k| self.program.contains(k)) => {
                            self.put(e.line, String::new());
                            for s in items {
                                self.put(e.line, s.to_string());
                            }
                        }
                        _ => {}
                    },
                }
            }
            return;
        }
        let line = r.line;
        match owned.as_slice() {
            [] => {}
            [(_, Own::Text(s), _)] => {
                if self.valued.contains(&ty) {
                    self.put(line, label_line(s, ""));
                } else {
                    self.put(line, String::new());
                    self.put(line, s.to_string());
                }
            }
            [(_, Own::Items(items), _)] => {
                self.put(line, String::new());
                for s in items {
                    self.put(line, s.to_string());
                }
            }
            [_] => {}
            [a, b] => {
                let (label, value) = if self.answer_like(&a.0) && !self.answer_like(&b.0) { (b, a) } else { (a, b) };
                let Own::Text(l) = label.1 else {
                    // No label: the strings one a line.
                    for o in [a, b] {
                        if let Own::Text(s) = o.1 {
                            self.put(line, s.to_string());
                        }
                    }
                    return;
                };
                match &value.1 {
                    Own::Nothing => self.put(line, label_line(l, "")),
                    Own::Items(items) if items.is_empty() => self.put(line, label_line(l, "")),
                    Own::Items(items) => {
                        self.put(line, l.to_string());
                        for s in items {
                            self.put(line, s.to_string());
                        }
                    }
                    Own::Text(v) if self.answer_like(&value.0) => {
                        self.put(line, l.to_string());
                        self.put(line, v.to_string());
                    }
                    Own::Text(v) => self.put(line, label_line(l, v)),
                }
            }
            _ => {
                // A question's part: its marker, prompt and limit on a line,
                // by what their keys hold, its answer under them.
                let texts: Vec<&(String, Own, usize)> = owned.iter().collect();
                let role = |key: &str| {
                    let st = self.stats.get(key);
                    (st.is_some_and(|s| s.values > 0 && s.limit), st.is_some_and(|s| s.values > 0 && s.short))
                };
                // A tuple's answer comes last; keys may be sorted, and the
                // answer is then the key holding the most words.
                let mut free = texts.iter().filter(|o| role(&o.0) == (false, false));
                let answer = if r.entries.iter().all(|e| e.key.is_none()) {
                    free.next_back().map(|o| o.0.clone())
                } else {
                    free.max_by_key(|o| self.stats.get(&o.0).map_or(0, |s| s.weight * 1000 / s.values.max(1)))
                        .map(|o| o.0.clone())
                };
                let pick = |want: &dyn Fn(&str) -> bool| -> Vec<String> {
                    texts
                        .iter()
                        .filter(|o| want(&o.0))
                        .flat_map(|o| match &o.1 {
                            Own::Text(s) => vec![s.to_string()],
                            Own::Items(v) => v.iter().map(|s| s.to_string()).collect(),
                            Own::Nothing => Vec::new(),
                        })
                        .collect()
                };
                let mut head = pick(&|k| role(k) == (false, true));
                head.extend(pick(&|k| role(k) == (false, false) && Some(k) != answer.as_deref()));
                head.extend(pick(&|k| role(k).0));
                self.put(line, head.join(" "));
                for s in pick(&|k| Some(k) == answer.as_deref()) {
                    self.put(line, s);
                }
            }
        }
    }
}

/// `label: value`, no second colon after a label that ends with one.
fn label_line(label: &str, value: &str) -> String {
    let colon = if label.trim_end().ends_with([':', '：']) { "" } else { ":" };
    if value.is_empty() { format!("{label}{colon}") } else { format!("{label}{colon} {value}") }
}

/// Whether a value holds a string, itself or in a record.
fn holds_text(v: &Val) -> bool {
    match v {
        Val::Str(_) => true,
        Val::Rec(r) => r.entries.iter().any(|e| holds_text(&e.val)),
        _ => false,
    }
}

/// Keys whose values are a few program's words repeated (`'kind' =>
/// 'field'`): set aside.
fn program_keys(top: &[Entry]) -> FxHashSet<String> {
    fn walk(entries: &[Entry], stats: &mut FxHashMap<String, KeyStats>) {
        for e in entries {
            match &e.val {
                Val::Str(s) => {
                    if let Some(k) = &e.key {
                        let st =
                            stats.entry(k.clone()).or_insert_with(|| KeyStats { machine: true, ..Default::default() });
                        st.values += 1;
                        st.machine &= machine_key(s);
                        st.distinct.insert(s.clone());
                    }
                }
                Val::Rec(r) => walk(&r.entries, stats),
                _ => {}
            }
        }
    }
    let mut stats = FxHashMap::default();
    walk(top, &mut stats);
    stats
        .into_iter()
        .filter(|(_, s)| s.machine && s.values >= 5 && s.distinct.len() <= 12 && s.distinct.len() * 2 <= s.values)
        .map(|(k, _)| k)
        .collect()
}

/// Whether a top-level entry is the literal's: a record holding strings, or
/// a keyed string (the Protocol Buffers text format's `banner: "…"`); a
/// session's command (`pprint(nom, width=100)`) is none.
fn written(e: &Entry) -> bool {
    (matches!(e.val, Val::Rec(_)) || (e.key.is_some() && matches!(e.val, Val::Str(_)))) && holds_text(&e.val)
}

/// Whether a text is worth tokenizing: lines that open or close a bracket,
/// or go on after a comma, as a literal printed over lines has.
fn looks_like_literal(text: &str) -> bool {
    let mut n = 0;
    for l in text.lines() {
        let t = l.trim();
        if t.starts_with(['}', ']', ')']) || t.ends_with(['{', '[', '(', ',']) {
            n += 1;
            if n >= MIN_BRACKET_LINES {
                return true;
            }
        }
    }
    false
}

/// Reads a program's data literal (a Python `pprint` of dataclasses, Rust's
/// `{:#?}`, Perl's Data::Dumper, a Go composite literal, HCL, the Protocol
/// Buffers text format, Erlang terms) as the lines a form prints. Its
/// brackets balance, it holds [`MIN_PAIRS`] records of a label and a value,
/// no JSON, and the lines it is read from are half the text's lines or
/// more. Each record is written on the line where it opens: its own
/// strings first (a record of one string is a heading or a chrome line, set
/// off by a blank line; a label and its value read as `label: value`, the
/// value under its label when its key holds answers, a list one item a
/// line under its label, nothing as `label:`), the records nested in it
/// after; a question's part as its marker, prompt and limit on a line,
/// told apart by what their keys hold, its answer under them. Keys whose
/// values are a few repeated program's words, type names, atoms, numbers
/// in a tuple and comments beside values are set aside. Lines the literal
/// does not stand on are left as they are; any other text too.
pub fn read_literal(text: &mut String) -> LiteralRead {
    if !looks_like_literal(text) {
        return LiteralRead::default();
    }
    let (toks, _) = tokens(text);
    let mut p = Parser { t: &toks, i: 0, keys: 0, json_keys: 0, broken: false };
    let top = p.items(0);
    if p.broken || p.i < toks.len() || p.json_keys * 2 > p.keys {
        return LiteralRead::default();
    }
    let program = program_keys(&top);
    let count = text.split('\n').count();
    let mut w = Writer {
        lines: vec![Vec::new(); count],
        program,
        stats: FxHashMap::default(),
        valued: FxHashSet::default(),
        records: 0,
        pairs: 0,
    };
    let root = Rec { name: None, list: false, paren: false, entries: top, line: 0 };
    w.survey(&root, "");
    if w.pairs < MIN_PAIRS {
        return LiteralRead::default();
    }
    // The lines the literal stands on: those of its records' and its keyed
    // strings' tokens.
    let mut covered = vec![false; count];
    for e in &root.entries {
        if written(e) {
            for t in toks.get(e.toks.0..e.toks.1).unwrap_or_default() {
                for c in covered.iter_mut().take(t.end.min(count - 1) + 1).skip(t.line) {
                    *c = true;
                }
            }
        }
    }
    let lines_used = covered.iter().filter(|&&c| c).count();
    let nonblank = text.split('\n').filter(|l| !l.trim().is_empty()).count();
    if lines_used * 2 < nonblank {
        return LiteralRead::default();
    }
    for e in root.entries.iter().filter(|e| written(e)) {
        match &e.val {
            Val::Rec(r) => w.write(r, ""),
            Val::Str(s) if e.key.is_some() => {
                w.put(e.line, String::new());
                w.put(e.line, s.clone());
            }
            _ => {}
        }
    }
    let mut added = 0;
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let end = if line.ends_with('\r') { "\r\n" } else { "\n" };
        if covered[k] {
            let written = &w.lines[k];
            added += written.len().saturating_sub(1);
            out.push_str(&written.join(end));
            if line.ends_with('\r') {
                out.push('\r');
            }
        } else {
            out.push_str(line);
        }
    }
    *text = out;
    LiteralRead { records: w.records, lines_added: added }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::{assert_first_question, field_value as value};
    use crate::{Body, parse, repair_plain_text};

    const REPLY: &str = "Wells were dug in every village of the district and they still run today, serving more \
                         than forty thousand people with safe water every day of the year.";

    #[test]
    fn a_repl_print_of_dataclasses_reads_as_a_form() {
        let mut text = format!(
            ">>> pprint.pprint(entry, width=60)\n\
             Entry(ref='GH-2021-0042',\n      chrome=['Award application', 'Read before sending'],\n      \
             groups=[Group(title='Basic details',\n                    \
             items=[Item(name='Country of the institution', val='Ghana'),\n                           \
             Item(name='Name of the institution', val='Tamale '\n                                \
             'Metropolitan Assembly'),\n                           Item(name='Partners', val=None),\n                           \
             Item(name='Goals', val=['Goal 6', 'Goal 11']),\n                           \
             Item(name='Website', val='https://tamale.gov.gh'),\n                           \
             Item(name='Level of government', val='Local')])],\n      \
             asks=[Ask(title='Question 1',\n                \
             bits=[Bit(mark='a)', text='Please describe the initiative', cap='(300 words maximum)',\n                          \
             reply='{REPLY}')])])\n>>> "
        );
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.literal, LiteralRead { records: 10, lines_added: 8 });
        assert!(repairs.warnings().iter().any(|w| w.0 == "program_literal_read"));
        assert!(
            text.starts_with(">>> pprint.pprint(entry, width=60)\n\nGH-2021-0042\n\nAward application\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "\nCountry of the institution: Ghana\nName of the institution: Tamale Metropolitan Assembly\n\n\
                 Partners:\nGoals\nGoal 6\nGoal 11\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("\n\nQuestion 1\na) Please describe the initiative (300 words maximum)\nWells were"),
            "{text}"
        );
        assert!(text.ends_with("every day of the year.\n\n>>> "), "{text}");
        assert_first_question(text, "Ghana", (1, 'a', 300));
    }

    #[test]
    fn sorted_keys_put_a_record_s_strings_before_its_records_and_a_part_in_its_order() {
        let mut rows = vec!["    { 'kind' => 'head', 'text' => 'Institution' },".to_string()];
        for (l, v) in [
            ("Member State", "Kenya"),
            ("Institution Name", "Kisumu County"),
            ("Website", "undef"),
            ("Level of government", "Regional"),
            ("Years of operation", "4"),
        ] {
            let v = if v == "undef" { v.to_string() } else { format!("'{v}'") };
            rows.push(format!("    {{ 'kind' => 'item', 'text' => '{l}', 'value' => {v} }},"));
        }
        let mut text = format!(
            "$VAR1 = {{\n  'rows' => [\n{}\n    {{\n      'items' => [\n        {{\n          'answer' => '{REPLY}',\n          \
             'limit' => '(250 words maximum)',\n          'marker' => 'a)',\n          \
             'prompt' => 'Please explain the county\\'s results'\n        }},\n        {{\n          'answer' => 'Yes',\n          \
             'limit' => undef,\n          'marker' => 'b)',\n          'prompt' => 'Was it evaluated?'\n        }}\n      ],\n      \
             'kind' => 'ask',\n      'text' => 'Question 2'\n    }}\n  ]\n}};\n",
            rows.join("\n")
        );
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.literal.records, 10);
        assert!(text.contains("\nb) Was it evaluated?\nYes\n"), "{text}");
        assert!(
            text.contains("\n\nInstitution\nMember State: Kenya\nInstitution Name: Kisumu County\nWebsite:\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "\n\nQuestion 2\n\na) Please explain the county's results (250 words maximum)\nWells were dug"
            ),
            "{text}"
        );
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Kenya"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions[0].number, 2);
        assert_eq!(form.questions[0].parts[0].word_limit, Some(250));
        assert_eq!(form.questions[0].parts[1].letter, Some('b'));
        assert_eq!(form.questions[0].parts[1].word_limit, None);
    }

    #[test]
    fn each_language_s_strings_are_unquoted() {
        let (toks, comments) = tokens(
            "a: \"x\\342\\200\\224y\" # note\nb = <<-EOT\n  one\n  two\n  EOT\nc: `raw\\n`\n\
             {f, <<\"caf\u{e9}\"/utf8>>}. % tag\nd: \"soft\\u{ad}ly\", e: 'no\\xa0break', f: \"wide\\u3000gap\"",
        );
        let strings: Vec<(&str, usize, usize)> = toks
            .iter()
            .filter_map(|t| if let Tok::Str(s) = &t.tok { Some((s.as_str(), t.line, t.end)) } else { None })
            .collect();
        assert_eq!(
            strings,
            [
                ("x\u{2014}y", 0, 0),
                ("one two", 1, 4),
                ("raw\\n", 5, 5),
                ("caf\u{e9}", 6, 6),
                ("soft\u{ad}ly", 7, 7),
                ("no\u{a0}break", 7, 7),
                ("wide\u{3000}gap", 7, 7)
            ]
        );
        assert_eq!(comments, 2);
    }

    #[test]
    fn prose_json_and_code_quoted_in_a_page_are_no_literal() {
        let prose =
            "The council met on Monday (as it does every week),\nand the mayor said the wells were dug,\n".repeat(12);
        let json = format!("[\n{}\n]\n", "  {\"label\": \"Country\", \"value\": \"Ghana\"},\n".repeat(12));
        let code = format!(
            "{}\nThe function reads:\nfunc main() {{\n    fmt.Println(\"Hello\", \"world\")\n}}\n{}",
            "Officials said the new portal would open next month, and that the forms,\n".repeat(12),
            "Residents welcomed the change.\n".repeat(6)
        );
        for kept in [prose, json, code] {
            let mut text = kept.clone();
            assert_eq!(read_literal(&mut text), LiteralRead::default());
            assert_eq!(text, kept);
        }
    }
}
