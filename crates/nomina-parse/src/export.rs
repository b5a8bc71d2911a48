//! Structured exports pasted as plain text, read as the label and value
//! lines the form parser knows: an accessibility tree's dump (`- textbox
//! "Country": Ghana`, as a browser's testing tools print a page) and an XML
//! export (`<field label="Country">Ghana</field>`).

use crate::decode::json_string_end;
use std::borrow::Cow;
use std::ops::Range;

/// The fewest entries of an accessibility tree, and the fewest elements of
/// an XML export, that make a text one.
const MIN_ENTRIES: usize = 5;

/// The most options of a radio group, or cells of a row, read onto one
/// line.
const MAX_JOINED: usize = 64;

/// The roles of WAI-ARIA and the one a tree's dump adds for bare text
/// (`text`), sorted: an entry's first word is one of them.
const ROLES: [&str; 85] = [
    "alert",
    "alertdialog",
    "application",
    "article",
    "banner",
    "blockquote",
    "button",
    "caption",
    "cell",
    "checkbox",
    "code",
    "columnheader",
    "combobox",
    "complementary",
    "contentinfo",
    "definition",
    "deletion",
    "dialog",
    "directory",
    "document",
    "emphasis",
    "feed",
    "figure",
    "form",
    "generic",
    "grid",
    "gridcell",
    "group",
    "heading",
    "image",
    "img",
    "insertion",
    "link",
    "list",
    "listbox",
    "listitem",
    "log",
    "main",
    "mark",
    "marquee",
    "math",
    "menu",
    "menubar",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "meter",
    "navigation",
    "none",
    "note",
    "option",
    "paragraph",
    "presentation",
    "progressbar",
    "radio",
    "radiogroup",
    "region",
    "row",
    "rowgroup",
    "rowheader",
    "scrollbar",
    "search",
    "searchbox",
    "separator",
    "slider",
    "spinbutton",
    "status",
    "strong",
    "subscript",
    "superscript",
    "switch",
    "tab",
    "table",
    "tablist",
    "tabpanel",
    "term",
    "text",
    "textbox",
    "time",
    "timer",
    "toolbar",
    "tooltip",
    "tree",
    "treegrid",
    "treeitem",
];

/// Roles whose name titles what they hold: a section's title.
const TITLE_ROLES: [&str; 19] = [
    "alertdialog",
    "article",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "document",
    "figure",
    "form",
    "grid",
    "group",
    "heading",
    "main",
    "navigation",
    "region",
    "search",
    "table",
    "tabpanel",
    "treegrid",
];

/// Roles whose name is a label and whose text (or whose options) its value.
const FIELD_ROLES: [&str; 11] = [
    "combobox",
    "list",
    "listbox",
    "meter",
    "progressbar",
    "radiogroup",
    "searchbox",
    "slider",
    "spinbutton",
    "textbox",
    "tree",
];

/// Roles of an option with a box to tick: printed `[x]` when ticked,
/// `[ ]` when not.
const BOX_ROLES: [&str; 6] = ["checkbox", "menuitemcheckbox", "menuitemradio", "option", "radio", "switch"];

/// Roles of a table's cell, read side by side on their row's line.
const CELL_ROLES: [&str; 4] = ["cell", "columnheader", "gridcell", "rowheader"];

/// One line of an accessibility tree: `- role "name" [state]: value`, or a
/// property of the entry above (`- /url: /home`).
#[derive(Debug)]
struct Entry {
    /// Blanks before the dash.
    depth: usize,
    /// The role; empty for a property.
    role: String,
    name: Option<String>,
    /// What the brackets after the name hold (`level=2`, `checked`).
    states: Vec<String>,
    /// The text after the colon, unquoted.
    value: Option<String>,
    /// A property's key (`url`), the entry's role left empty.
    property: Option<String>,
}

impl Entry {
    fn is(&self, roles: &[&str]) -> bool {
        roles.contains(&self.role.as_str())
    }

    /// Whether its box is ticked (`[checked]`, `[selected]`, `[pressed]`).
    fn ticked(&self) -> bool {
        self.states.iter().any(|s| {
            let (key, value) = s.split_once('=').unwrap_or((s, "true"));
            matches!(key, "checked" | "selected" | "pressed") && value == "true"
        })
    }

    /// Its name, else its value.
    fn text(&self) -> Option<&str> {
        self.name.as_deref().or(self.value.as_deref()).filter(|t| !t.trim().is_empty())
    }
}

/// An accessibility tree's line, if `line` is one.
fn tree_entry(line: &str) -> Option<Entry> {
    let body = line.trim_start_matches(' ');
    let depth = line.len() - body.len();
    let rest = body.strip_prefix("- ")?.trim_end();
    // A property of the entry above: `- /url: /home`.
    if let Some(p) = rest.strip_prefix('/') {
        let (key, value) = p.split_once(':')?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        return Some(Entry {
            depth,
            role: String::new(),
            name: None,
            states: Vec::new(),
            value: Some(scalar(value.trim())),
            property: Some(key.to_string()),
        });
    }
    // A key YAML quotes whole (`- 'heading "a: b"'`) is read unquoted.
    let (key, after): (Cow<'_, str>, &str) = match rest.strip_prefix('\'') {
        Some(quoted) => {
            let close = single_quoted_end(quoted)?;
            (Cow::Owned(quoted[..close].replace("''", "'")), &quoted[close + 1..])
        }
        None => (Cow::Borrowed(rest), ""),
    };
    let role_len = key.bytes().take_while(u8::is_ascii_lowercase).count();
    let role = &key[..role_len];
    if ROLES.binary_search(&role).is_err() {
        return None;
    }
    let mut s = &key[role_len..];
    let mut name = None;
    if s.starts_with(" \"") {
        let close = json_string_end(s.as_bytes(), 1)?;
        name = Some(unescape(&s[2..close]));
        s = &s[close + 1..];
    }
    let mut states = Vec::new();
    while let Some(open) = s.strip_prefix(" [") {
        let close = open.find(']')?;
        states.push(open[..close].to_string());
        s = &open[close + 1..];
    }
    // The colon, and the value, may follow the quoted key.
    let tail = if after.is_empty() {
        s
    } else if s.is_empty() {
        after
    } else {
        return None;
    };
    let value = match tail.strip_prefix(':') {
        Some("") => None,
        Some(v) if v.starts_with(' ') => Some(scalar(v.trim())),
        Some(_) => return None,
        None if tail.is_empty() => None,
        None => return None,
    };
    Some(Entry { depth, role: role.to_string(), name, states, value, property: None })
}

/// Where a single-quoted YAML string that opened before `s` closes (a
/// doubled quote is a quote inside it).
fn single_quoted_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\'' {
            if b.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A YAML scalar's text: a quoted one unquoted, a plain one as written.
fn scalar(v: &str) -> String {
    if v.len() >= 2 && v.starts_with('"') && json_string_end(v.as_bytes(), 0) == Some(v.len() - 1) {
        return unescape(&v[1..v.len() - 1]);
    }
    if v.len() >= 2 && v.starts_with('\'') && single_quoted_end(&v[1..]) == Some(v.len() - 2) {
        return v[1..v.len() - 1].replace("''", "'");
    }
    v.to_string()
}

/// A double-quoted string's escapes written as what they stand for; a
/// line break as a blank, so that the line stays one.
fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'r') => out.push(' '),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.clone().take(4).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(u) if hex.len() == 4 => {
                        out.push(u);
                        chars.nth(3);
                    }
                    _ => out.push_str("\\u"),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// What reading an accessibility tree did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TreeRead {
    /// Entries read.
    pub entries: usize,
    /// Blank lines set before titles that followed a line of text.
    pub set_apart: usize,
}

/// Reads an accessibility tree's dump (`- textbox "Country": Ghana`, as a
/// browser's testing tools print a page's roles and names) as the lines a
/// form prints: a field's name and value as `Country: Ghana`; a heading's
/// or a group's name as a title, set apart by a blank line above it as a
/// page sets it apart; a radio group's options on its question's line, each
/// after its box (`Public? [x] Yes [ ] No`), their own lines left blank; an
/// option of a list after its box; a list's item after its dash; a table
/// row's cells side by side; roles, quotes and states (`[level=2]`) set
/// aside, and so are properties (a link's `- /url: /home`), the page's
/// workings. Every other line keeps its place, and the name and the text
/// of every entry are kept. A text that is not
/// such a dump, [`MIN_ENTRIES`] entries or more and little else, is left as
/// it is.
pub fn read_accessibility_tree(text: &mut String) -> TreeRead {
    // A dump opens with its first entry's dash.
    if !text.trim_start().starts_with("- ") {
        return TreeRead::default();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<&str> = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let entries: Vec<Option<Entry>> = lines.iter().map(|l| tree_entry(l)).collect();
    let read = entries.iter().flatten().count();
    let named = entries.iter().flatten().filter(|e| e.name.is_some()).count();
    let other = lines.iter().zip(&entries).filter(|(l, e)| e.is_none() && !l.trim().is_empty()).count();
    if read < MIN_ENTRIES || named < 2 || other * 10 > read {
        return TreeRead::default();
    }
    // Where each entry's children end: at the next entry no deeper.
    let mut ends = vec![entries.len(); entries.len()];
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (j, e) in entries.iter().enumerate() {
        let Some(e) = e else { continue };
        while let Some(&(k, depth)) = open.last()
            && depth >= e.depth
        {
            ends[k] = j;
            open.pop();
        }
        open.push((j, e.depth));
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut taken = vec![false; lines.len()];
    let mut set_apart = 0;
    for (i, (line, entry)) in lines.iter().zip(&entries).enumerate() {
        let Some(e) = entry else {
            out.push((*line).to_string());
            continue;
        };
        if taken[i] {
            out.push(String::new());
            continue;
        }
        let indent = " ".repeat(e.depth);
        // Only a short run of options or cells is read onto one line.
        let children: Vec<usize> = if ends[i] - i <= MAX_JOINED {
            (i + 1..ends[i]).filter(|&j| entries[j].is_some()).collect()
        } else {
            Vec::new()
        };
        let child = |j: usize| entries[j].as_ref().expect("children are entries");
        let leaves = !children.is_empty() && children.iter().all(|&j| child(j).depth == child(children[0]).depth);
        let rendered = if e.property.is_some() {
            // A link's target, a box's placeholder: the page's workings,
            // not its text.
            String::new()
        } else if e.name.is_some()
            && (e.role == "radiogroup" || e.is(&TITLE_ROLES) || e.is(&FIELD_ROLES))
            && leaves
            && children.iter().all(|&j| matches!(child(j).role.as_str(), "radio" | "menuitemradio"))
        {
            // One choice among options: the options on the question's line.
            let mut s = format!("{indent}{}:", e.name.as_deref().unwrap_or_default());
            for &j in &children {
                let o = child(j);
                s.push_str(if o.ticked() { " [x] " } else { " [ ] " });
                s.push_str(o.text().unwrap_or_default());
                taken[j] = true;
            }
            s
        } else if e.role == "row" && leaves && children.iter().all(|&j| child(j).is(&CELL_ROLES)) {
            let cells: Vec<&str> = children.iter().map(|&j| child(j).text().unwrap_or_default()).collect();
            for &j in &children {
                taken[j] = true;
            }
            format!("{indent}{}", cells.join("\t"))
        } else if e.is(&TITLE_ROLES) {
            match e.text() {
                Some(title) => {
                    // A title heads the lines under it, apart from those above.
                    if out.last().is_some_and(|l| !l.trim().is_empty()) {
                        out.push(String::new());
                        set_apart += 1;
                    }
                    format!("{indent}{title}")
                }
                None => String::new(),
            }
        } else if e.is(&FIELD_ROLES) {
            match (&e.name, &e.value) {
                (Some(label), Some(value)) => format!("{indent}{label}: {value}"),
                (Some(label), None) => format!("{indent}{label}:"),
                (None, Some(value)) => format!("{indent}{value}"),
                (None, None) => String::new(),
            }
        } else if e.is(&BOX_ROLES) {
            let mark = if e.ticked() { "[x]" } else { "[ ]" };
            match (&e.name, &e.value) {
                (Some(name), Some(value)) => format!("{indent}{mark} {name}: {value}"),
                _ => e.text().map(|t| format!("{indent}{mark} {t}")).unwrap_or_default(),
            }
        } else {
            let t = match (&e.name, &e.value) {
                (Some(name), Some(value)) => Some(format!("{name}: {value}")),
                _ => e.text().map(str::to_string),
            };
            match t {
                Some(t) if e.role == "listitem" => format!("{indent}- {t}"),
                Some(t) => format!("{indent}{t}"),
                None => String::new(),
            }
        };
        out.push(rendered);
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    *text = joined;
    TreeRead { entries: read, set_apart }
}

/// HTML's element names, sorted: an XML export's are mostly others.
const HTML_ELEMENTS: [&str; 64] = [
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "fieldset",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "img",
    "input",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "meta",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "script",
    "section",
    "select",
    "small",
    "span",
    "strong",
    "style",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "textarea",
    "th",
    "thead",
    "title",
    "tr",
    "u",
    "ul",
];

/// Attributes that hold no label: an element's identity, its look, where
/// it links to.
const TECHNICAL_ATTRIBUTES: [&str; 25] = [
    "class", "code", "dir", "encoding", "for", "format", "height", "href", "id", "lang", "langue", "language", "ref",
    "rel", "role", "src", "style", "target", "type", "unit", "url", "value", "version", "width", "xmlns",
];

/// Attributes that name what their element holds, in the order one is
/// chosen when an element has several.
const LABEL_ATTRIBUTES: [&str; 16] = [
    "label",
    "aria-label",
    "libelle",
    "libellé",
    "etiqueta",
    "caption",
    "legend",
    "question",
    "prompt",
    "title",
    "titre",
    "titulo",
    "título",
    "name",
    "nom",
    "nombre",
];

/// A piece of markup in an XML export.
#[derive(Debug)]
enum Markup {
    /// `<name …>` or `<name …/>`: its label attribute's value, whether it
    /// closes itself.
    Start {
        name: Range<usize>,
        label: Option<Range<usize>>,
        value: Option<Range<usize>>,
        empty: bool,
    },
    End {
        name: Range<usize>,
    },
    /// `<![CDATA[…]]>`, `<!--…-->`: the text they hold is kept.
    Wrapped {
        inner: Range<usize>,
    },
    /// A declaration or an instruction (`<?xml …?>`, `<!DOCTYPE …>`).
    Other,
}

/// The markup of an XML text, each piece with its byte range.
fn xml_markup(text: &str) -> Vec<(Range<usize>, Markup)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut missing = [false; CLOSERS.len()];
    while let Some(n) = memchr::memchr(b'<', &b[i..]) {
        let at = i + n;
        match xml_piece(text, at, &mut missing) {
            Some((end, m)) => {
                out.push((at..end, m));
                i = end;
            }
            None => i = at + 1,
        }
    }
    out
}

/// The marks that open a declaration, a comment or a CDATA section, each
/// with the mark that closes it, most specific first.
const CLOSERS: [(&str, &str); 4] = [("<?", "?>"), ("<!--", "-->"), ("<![CDATA[", "]]>"), ("<!", ">")];

/// The longest tag read, attributes and all: a `<` whose tag would run on
/// is text.
const MAX_TAG_BYTES: usize = 4096;

/// The most elements left open inside one that an end tag closes with them.
const MAX_UNCLOSED: usize = 64;

/// The piece of markup that opens at `at` (a `<`): where it ends and what
/// it is; `None` for a `<` of text. A closing mark found missing once is
/// not looked for again (`missing`): the rest of the text lacks it too.
fn xml_piece(text: &str, at: usize, missing: &mut [bool; CLOSERS.len()]) -> Option<(usize, Markup)> {
    let rest = &text[at..];
    if let Some(k) = CLOSERS.iter().position(|(open, _)| rest.starts_with(open)) {
        let (open, close) = CLOSERS[k];
        let from = at + open.len();
        let Some(n) = (!missing[k]).then(|| memchr::memmem::find(&text.as_bytes()[from..], close.as_bytes())).flatten()
        else {
            missing[k] = true;
            return None;
        };
        let (inner, end) = (from..from + n, from + n + close.len());
        return Some((end, if k == 1 || k == 2 { Markup::Wrapped { inner } } else { Markup::Other }));
    }
    let closing = rest.starts_with("</");
    let name_at = at + if closing { 2 } else { 1 };
    let name_len = xml_name_len(&text[name_at..]);
    if name_len == 0 {
        return None;
    }
    let name = name_at..name_at + name_len;
    let mut i = name.end;
    let b = text.as_bytes();
    let blanks = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_whitespace()).count();
    if closing {
        i = blanks(i);
        return (b.get(i) == Some(&b'>')).then_some((i + 1, Markup::End { name }));
    }
    let mut attributes: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    loop {
        let after = blanks(i);
        if after > at + MAX_TAG_BYTES {
            return None;
        }
        match b.get(after)? {
            b'>' | b'/' => {
                let empty = b[after] == b'/';
                if empty && b.get(after + 1) != Some(&b'>') {
                    return None;
                }
                let label = label_attribute(text, &attributes);
                let value = attributes.iter().find(|(k, _)| &text[k.clone()] == "value").map(|(_, v)| v.clone());
                let end = after + 1 + usize::from(empty);
                return Some((end, Markup::Start { name, label, value, empty }));
            }
            _ if after > i => {
                let key_len = xml_name_len(&text[after..]);
                if key_len == 0 {
                    return None;
                }
                let key = after..after + key_len;
                let eq = blanks(key.end);
                if b.get(eq) != Some(&b'=') {
                    return None;
                }
                let open = blanks(eq + 1);
                let quote = *b.get(open)?;
                if quote != b'"' && quote != b'\'' {
                    return None;
                }
                let window = &b[open + 1..b.len().min(at + MAX_TAG_BYTES).max(open + 1)];
                let close = open + 1 + memchr::memchr(quote, window)?;
                attributes.push((key, open + 1..close));
                i = close + 1;
            }
            _ => return None,
        }
    }
}

/// The length of the XML name `s` opens with (`champ`, `xml:lang`,
/// `questions-reponses`); 0 when it opens with none.
fn xml_name_len(s: &str) -> usize {
    let mut len = 0;
    for (i, c) in s.char_indices() {
        let ok = if i == 0 {
            c.is_alphabetic() || c == '_'
        } else {
            c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')
        };
        if !ok {
            break;
        }
        len = i + c.len_utf8();
    }
    len
}

/// The attribute that holds an element's label: the only one whose value
/// is words (not a link, a number or an element's identity), or among
/// several the first of [`LABEL_ATTRIBUTES`].
fn label_attribute(text: &str, attributes: &[(Range<usize>, Range<usize>)]) -> Option<Range<usize>> {
    let words: Vec<(&str, Range<usize>)> = attributes
        .iter()
        .filter_map(|(key, value)| {
            let key = &text[key.clone()];
            let local = key.rsplit(':').next().unwrap_or(key).to_lowercase();
            let v = text[value.clone()].trim();
            let technical = TECHNICAL_ATTRIBUTES.contains(&local.as_str())
                || key.starts_with("xmlns")
                || local.starts_with("data-")
                || v.contains("://")
                || v.starts_with(['/', '#', '.'])
                // A code (`F01`, `KOR-2020-0193`) or a language's tag
                // (`pt`, `pt-BR`) names no field for a person.
                || (!v.contains(char::is_whitespace) && v.contains(|c: char| c.is_ascii_digit()))
                || language_tag(v);
            (!technical && v.chars().any(char::is_alphabetic)).then(|| (local_static(&local), value.clone()))
        })
        .collect();
    if let [(_, only)] = &words[..] {
        return Some(only.clone());
    }
    LABEL_ATTRIBUTES.iter().find_map(|name| words.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
}

/// Whether `v` is a language's tag: two or three lower-case letters, a
/// region after a hyphen (`fr`, `pt-BR`).
fn language_tag(v: &str) -> bool {
    let (lang, region) = v.split_once('-').unwrap_or((v, "xx"));
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && (2..=4).contains(&region.len())
        && region.bytes().all(|b| b.is_ascii_alphabetic())
}

/// `key` as one of [`LABEL_ATTRIBUTES`] when it is one (else empty): the
/// names compared without keeping the lowered copy.
fn local_static(key: &str) -> &'static str {
    LABEL_ATTRIBUTES.iter().find(|n| **n == key).copied().unwrap_or("")
}

/// The fewest elements of one name holding a label and a value, and the
/// longest label, that make them fields (`<field><name>Country</name>
/// <value>Ghana</value></field>`).
const MIN_PAIRS: usize = 3;
const MAX_LABEL_BYTES: usize = 400;

/// The elements that hold a field as two child elements, its label and its
/// value, each with the two: told by structure, whatever their names. The
/// first child is text alone, short and on one line; the second is text,
/// empty, or a list of items of one name; and every element of the
/// field's name, [`MIN_PAIRS`] or more, is so built (a question holding a
/// prompt and an answer alone is one of many records of other shapes).
fn label_value_pairs(
    text: &str,
    markup: &[(Range<usize>, Markup)],
    kids: &[Vec<usize>],
    closer: &[Option<usize>],
    has_text: &[bool],
) -> Vec<(usize, usize, usize)> {
    let name = |k: usize| match &markup[k].1 {
        Markup::Start { name, .. } => &text[name.clone()],
        _ => "",
    };
    let leaf = |k: usize| kids[k].is_empty() && matches!(markup[k].1, Markup::Start { label: None, .. });
    let pair = |k: usize| -> Option<(usize, usize, usize)> {
        let (&[label, value], Markup::Start { label: None, empty: false, .. }) = (&kids[k][..], &markup[k].1) else {
            return None;
        };
        let words = text[markup[label].0.end..markup[(*closer.get(label)?)?].0.start].trim();
        let short = !words.is_empty() && words.len() <= MAX_LABEL_BYTES && !words.contains('\n');
        let list = !kids[value].is_empty()
            && !has_text[value]
            && kids[value].iter().all(|&i| leaf(i) && name(i) == name(kids[value][0]));
        (leaf(label) && short && !has_text[k] && (leaf(value) || list)).then_some((k, label, value))
    };
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut shapes: rustc_hash::FxHashMap<&str, (usize, usize)> = rustc_hash::FxHashMap::default();
    for (k, (_, m)) in markup.iter().enumerate() {
        if !matches!(m, Markup::Start { .. }) {
            continue;
        }
        let entry = shapes.entry(name(k)).or_default();
        entry.0 += 1;
        if let Some(p) = pair(k) {
            entry.1 += 1;
            found.push(p);
        }
    }
    found.retain(|&(k, _, _)| shapes.get(name(k)).is_some_and(|&(all, pairs)| pairs == all && pairs >= MIN_PAIRS));
    found
}

/// Reads an XML export (`<?xml …?>`, elements of its own names) as the
/// lines a form prints, and says how many elements it held: tags are set
/// aside; an element whose label an attribute holds (`<field
/// label="Country">Ghana</field>`, whichever the attribute's name, see
/// [`label_attribute`]) reads as `Country: Ghana`, as `Country:` when it
/// holds nothing or a list of values, and as a title when it holds
/// labelled elements, sections or a record's parts of different names
/// (`<section title="Partners">`); an element that holds its label and its
/// value as two child elements (see [`label_value_pairs`]) reads as
/// `Country: Ghana`, its list's items on one line apart (`a; b`). The
/// text of CDATA sections and comments is kept, a tag between two words
/// leaves a blank, and lines keep their numbers (a tag's own line breaks
/// are kept). Character references are left for [`crate::decode`]'s repairs
/// to write. A text that opens with no tag, or holds fewer than
/// [`MIN_ENTRIES`] elements mostly of HTML's names and no XML declaration,
/// is left as it is.
pub fn read_xml_export(text: &mut String) -> usize {
    let trimmed = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    if !trimmed.starts_with('<') {
        return 0;
    }
    let declared = trimmed.starts_with("<?xml");
    let markup = xml_markup(text);
    let starts: Vec<&Range<usize>> =
        markup.iter().filter_map(|(_, m)| if let Markup::Start { name, .. } = m { Some(name) } else { None }).collect();
    let html = starts.iter().filter(|n| HTML_ELEMENTS.binary_search(&&text[(**n).clone()]).is_ok()).count();
    if starts.len() < MIN_ENTRIES || !(declared || html * 2 < starts.len()) {
        return 0;
    }
    // Each element's parent, its children, whether text stands right in
    // it; then whether it holds labelled elements or elements with
    // children of their own (a section, not a list of values).
    let n = markup.len();
    let mut parent: Vec<Option<usize>> = vec![None; n];
    let mut children = vec![0usize; n];
    // Each element's child elements, and the end tag that closes it.
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut closer: Vec<Option<usize>> = vec![None; n];
    let mut has_text = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut last = 0;
    let mark_text = |stack: &[usize], from: usize, to: usize, has_text: &mut [bool]| {
        if let Some(&top) = stack.last()
            && text[from..to].chars().any(|c| !c.is_whitespace())
        {
            has_text[top] = true;
        }
    };
    for (k, (range, m)) in markup.iter().enumerate() {
        mark_text(&stack, last, range.start, &mut has_text);
        last = range.end;
        match m {
            Markup::Start { empty, .. } => {
                parent[k] = stack.last().copied();
                if let Some(&p) = stack.last() {
                    children[p] += 1;
                    kids[p].push(k);
                }
                if !empty {
                    stack.push(k);
                }
            }
            Markup::End { name } => {
                let name = &text[name.clone()];
                // The element it closes is near the top: a stray end tag
                // costs no walk down a deep stack.
                let near = stack.len().saturating_sub(MAX_UNCLOSED);
                let open = stack[near..].iter().rposition(|&s| match &markup[s].1 {
                    Markup::Start { name: n, .. } => &text[n.clone()] == name,
                    _ => false,
                });
                if let Some(at) = open {
                    closer[stack[near + at]] = Some(k);
                    stack.truncate(near + at);
                }
            }
            Markup::Wrapped { inner } => mark_text(&stack, inner.start, inner.end, &mut has_text),
            Markup::Other => {}
        }
    }
    let element_name = |k: usize| match &markup[k].1 {
        Markup::Start { name, .. } => &text[name.clone()],
        _ => "",
    };
    let pairs = label_value_pairs(text, &markup, &kids, &closer, &has_text);
    let mut in_pair = vec![false; n];
    let mut is_pair = vec![false; n];
    for &(k, label, value) in &pairs {
        is_pair[k] = true;
        for e in [k, label, value] {
            in_pair[e] = true;
        }
    }
    // What a tag prints instead of nothing: a pair's label closed by its
    // colon, a list's items apart.
    let mut printed: Vec<Option<&str>> = vec![None; n];
    for &(k, label, value) in &pairs {
        let label_text = closer[label].map_or("", |end| text[markup[label].0.end..markup[end].0.start].trim());
        let filled = has_text[value] || !kids[value].is_empty();
        printed[closer[label].unwrap_or(k)] = Some(match (label_text.ends_with([':', '：']), filled) {
            (true, true) => " ",
            (true, false) => "",
            (false, true) => ": ",
            (false, false) => ":",
        });
        // Items of a list on one line read apart, as a list's items print.
        for w in kids[value].windows(2) {
            let from = closer[w[0]].map_or(markup[w[0]].0.end, |end| markup[end].0.end);
            if !text[from..markup[w[1]].0.start].contains('\n') {
                printed[w[1]] = Some("; ");
            }
        }
    }
    let mut sectioning = vec![false; n];
    for k in (0..n).rev() {
        if let Some(p) = parent[k] {
            let labelled = matches!(markup[k].1, Markup::Start { label: Some(_), .. }) || is_pair[k];
            sectioning[p] |= labelled || children[k] > 0 || sectioning[k];
        }
        // Elements of different names (a prompt, a limit, an answer) are a
        // record's parts, not a list of values: their label titles them.
        if kids[k].len() > 1 && kids[k].iter().any(|&c| element_name(c) != element_name(kids[k][0])) {
            sectioning[k] = true;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (k, (range, m)) in markup.iter().enumerate() {
        out.push_str(&text[last..range.start]);
        last = range.end;
        match m {
            Markup::Start { label: Some(label), value, empty, .. } => {
                out.push_str(text[label.clone()].trim());
                if *empty || !sectioning[k] || has_text[k] {
                    out.push(':');
                    if let Some(value) = value.clone().filter(|_| *empty) {
                        out.push(' ');
                        out.push_str(&text[value]);
                    } else if text[range.end..].starts_with(|c: char| !c.is_whitespace() && c != '<') {
                        out.push(' ');
                    }
                }
                // The line breaks between the tag's attributes.
                let breaks = text[range.clone()].matches('\n').count() - text[label.clone()].matches('\n').count();
                out.extend(std::iter::repeat_n('\n', breaks));
            }
            Markup::Wrapped { inner } => out.push_str(&text[inner.clone()]),
            // A value held in an attribute alone is the element's text.
            Markup::Start { label: None, value: Some(value), empty: true, .. } => {
                out.push_str(&text[value.clone()]);
                out.extend(std::iter::repeat_n('\n', text[range.clone()].matches('\n').count()));
            }
            _ if printed[k].is_some() || in_pair[k] => {
                out.push_str(printed[k].unwrap_or_default());
                out.extend(std::iter::repeat_n('\n', text[range.clone()].matches('\n').count()));
            }
            _ => {
                out.extend(std::iter::repeat_n('\n', text[range.clone()].matches('\n').count()));
                // A tag between two words stands for the break it makes.
                let before = text[..range.start].chars().next_back();
                let after = text[range.end..].chars().next();
                if before.is_some_and(|c| !c.is_whitespace() && c != '>')
                    && after.is_some_and(|c| !c.is_whitespace() && c != '<')
                {
                    out.push(' ');
                }
            }
        }
    }
    out.push_str(&text[last..]);
    *text = out;
    starts.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, parse, repair_plain_text};

    #[test]
    fn role_lists_are_sorted_where_searched() {
        assert!(HTML_ELEMENTS.windows(2).all(|w| w[0] < w[1]));
        assert!(ROLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_accessibility_tree_reads_as_labels_values_and_titles() {
        let mut text = "- main:\n  - heading \"Datos básicos\" [level=2]\n  - group \"La entidad\":\n\
                        \x20   - textbox \"País\": Ghana\n    - textbox \"Sitio web\"\n\
                        \x20   - radiogroup \"¿Es pública?\":\n      - radio \"Sí\"\n      - radio \"No\" [checked]\n\
                        \x20   - listbox \"Objetivos\":\n      - option \"Objetivo 6\" [selected]\n      - option \"Objetivo 7\"\n\
                        \x20   - list \"Premios\":\n      - listitem: \"Mejor ciudad: 2019\"\n\
                        \x20 - paragraph: Una respuesta con \\\"comillas\\\".\n  - link \"Volver\":\n    - /url: /lista\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.tree, TreeRead { entries: 16, set_apart: 1 });
        assert_eq!(
            text,
            "\n  Datos básicos\n\n  La entidad\n    País: Ghana\n    Sitio web:\n    ¿Es pública?: [ ] Sí [x] No\n\n\n\
             \x20   Objetivos:\n      [x] Objetivo 6\n      [ ] Objetivo 7\n    Premios:\n      - Mejor ciudad: 2019\n\
             \x20 Una respuesta con \\\"comillas\\\".\n  Volver\n\n"
        );
        assert_eq!(repairs.warnings()[0].0, "accessibility_tree_read");
        // A Markdown list of labels and values is no tree.
        let kept = "- País: Ghana\n- Sitio: x\n- Fecha: 2019\n- Nivel: local\n- Tipo: municipio\n- text: a\n";
        let mut text = kept.to_string();
        assert_eq!(read_accessibility_tree(&mut text), TreeRead::default());
        assert_eq!(text, kept);
    }

    #[test]
    fn a_form_dumped_as_an_accessibility_tree_is_read_as_a_form() {
        let mut text = "- main:\n  - heading \"Basic information\" [level=1]\n\
                        \x20 - textbox \"Member State\": Ghana\n  - textbox \"Institution Name\": Tamale Assembly\n\
                        \x20 - textbox \"Initiative name\": Clean Water for All\n\
                        \x20 - radiogroup \"Is the initiative public sector?\":\n    - radio \"Yes\" [checked]\n    - radio \"No\"\n\
                        \x20 - heading \"Question 1\" [level=3]\n  - paragraph: Please describe the initiative (300 words maximum)\n\
                        \x20 - paragraph: Wells were dug.\n  - heading \"Question 2\" [level=3]\n\
                        \x20 - paragraph: Please explain how it fits the category (100 words maximum)\n\
                        \x20 - paragraph: It serves everyone.\n"
            .to_string();
        repair_plain_text(&mut text);
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let value = |key: &str| crate::testgen::field_value(&doc, key);
        assert_eq!(value("field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(value("field.initiative_name").as_deref(), Some("Clean Water for All"));
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
    }

    #[test]
    fn an_xml_export_reads_labels_held_in_child_elements() {
        let mut text = "<?xml version=\"1.0\"?>\n<dossier lingua=\"pt\" numero=\"GH-2021-7\">\n\
                        \x20 <bloco titulo=\"Basic information\">\n\
                        \x20   <item n=\"I1\"><nome>Member State</nome><dado>Ghana</dado></item>\n\
                        \x20   <item n=\"I2\"><nome>Institution Name</nome><dado>Tamale Assembly</dado></item>\n\
                        \x20   <item n=\"I3\"><nome>Website:</nome><dado/></item>\n\
                        \x20   <item n=\"I4\"><nome>Goals</nome><dado><op>Goal 6</op><op>Goal 11</op></dado></item>\n\
                        \x20 </bloco>\n  <pergunta n=\"P1\">\n    <cabeca>Question 1</cabeca>\n\
                        \x20   <parte marca=\"a)\">\n      <texto>Please describe the initiative</texto>\n\
                        \x20     <teto>(300 words maximum)</teto>\n      <resposta>Wells were dug.</resposta>\n\
                        \x20   </parte>\n  </pergunta>\n</dossier>\n"
            .to_string();
        read_xml_export(&mut text);
        assert_eq!(
            text,
            "\n\n  Basic information\n    Member State: Ghana\n    Institution Name: Tamale Assembly\n\
             \x20   Website:\n    Goals: Goal 6; Goal 11\n  \n  \n    Question 1\n    a)\n\
             \x20     Please describe the initiative\n      (300 words maximum)\n      Wells were dug.\n    \n  \n\n"
        );
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(crate::testgen::field_value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(crate::testgen::field_value(&doc, "field.institution_name").as_deref(), Some("Tamale Assembly"));
        assert_eq!(form.questions[0].number, 1);
        assert_eq!(form.questions[0].parts[0].letter, Some('a'));
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        // Two elements of a label and a value are no export's fields.
        let mut text = "<?xml version=\"1.0\"?>\n<r><q><p>Why?</p><a>Because.</a></q><q><p>How?</p><a>So.</a></q>\
                        <x>1</x></r>\n"
            .to_string();
        assert_eq!(read_xml_export(&mut text), 8);
        assert!(!text.contains(':'), "{text}");
    }

    #[test]
    fn an_xml_export_reads_its_labels_from_attributes() {
        let mut text = "<?xml version=\"1.0\"?>\n<expediente>\n  <seccion titulo=\"Datos básicos\">\n\
                        \x20   <campo etiqueta=\"País\">Ghana</campo>\n    <campo etiqueta=\"Objetivos\">\n\
                        \x20     <opcion>Objetivo 6</opcion>\n      <opcion>Objetivo 7</opcion>\n    </campo>\n\
                        \x20   <campo etiqueta=\"Detalles\"/>\n    <campo id=\"c4\" etiqueta=\"Sitio\" type=\"url\">https://tamale.gov.gh</campo>\n\
                        \x20   <campo etiqueta=\"Personal\" value=\"40\"/>\n  </seccion>\n\
                        \x20 <respuesta>Agua &amp; saneamiento<br/>para todos</respuesta>\n\
                        \x20 <nota><![CDATA[Dato <libre>]]></nota>\n  <enlace href=\"/lista\">Volver</enlace>\n</expediente>\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.xml_elements, 13);
        assert_eq!(
            text,
            "\n\n  Datos básicos\n    País: Ghana\n    Objetivos:\n      Objetivo 6\n      Objetivo 7\n    \n\
             \x20   Detalles:\n    Sitio: https://tamale.gov.gh\n    Personal: 40\n  \n  Agua & saneamiento para todos\n\
             \x20 Dato <libre>\n  Volver\n\n"
        );
        // Markup of HTML's elements in plain text is left to be removed as such.
        let kept = "<b>País:</b> Ghana\n<b>Sitio:</b> x\n<b>Tipo:</b> y\n<b>Nivel:</b> z\n<p>Fin</p>\n";
        let mut text = kept.to_string();
        assert_eq!(read_xml_export(&mut text), 0);
        assert_eq!(text, kept);
    }
}
