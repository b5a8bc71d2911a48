//! Telling an HTML page from plain text.

/// How far into the text a document-level tag still counts as "at the start".
const START_WINDOW: usize = 1024;

/// How far a tag may run before its `>`; longer means it is not a tag.
const MAX_TAG_LEN: usize = 2048;

/// Element names that count as markup. A name outside this list (`<Innovative
/// response>`, `<CDSCH>`) is prose in angle brackets, not a tag.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
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
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Elements that never have an end tag, so that `a<br>b<br>c` counts as
/// markup even without one.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// See the crate-level [`looks_like_html`](crate::looks_like_html).
pub fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    if starts_like_a_page(text) {
        return true;
    }
    // Most documents hold fewer than two tags (a `<` in prose is rarely
    // one): a search for `<` settles them without splitting lines.
    let bytes = text.as_bytes();
    if memchr::memchr_iter(b'<', bytes).filter(|&at| tag_at(&bytes[at..]).is_some()).take(2).count() < 2 {
        return false;
    }
    let scan = scan(text);
    // Markup throughout: several real tags, at least one of which closes
    // something (prose rarely writes `</p>`), on a good share of the lines,
    // so that a text quoting one snippet of HTML stays text.
    scan.tags >= 2 && (scan.closing >= 1 || scan.void >= 2) && scan.lines_with_tags * 3 >= scan.lines.max(1)
}

/// A doctype, or an `<html>`, `<head>` or `<body>` tag, near the start.
fn starts_like_a_page(text: &str) -> bool {
    let window = &text.as_bytes()[..text.len().min(START_WINDOW)];
    memchr::memchr_iter(b'<', window).any(|i| {
        let rest = &window[i + 1..];
        if let Some(after) = strip_prefix_ignore_case(rest, b"!doctype") {
            let after = trim_ascii_start(after);
            return strip_prefix_ignore_case(after, b"html").is_some_and(ends_name);
        }
        [&b"html"[..], b"head", b"body"].iter().any(|name| strip_prefix_ignore_case(rest, name).is_some_and(ends_name))
    })
}

/// What a pass over the text found.
#[derive(Debug, Default)]
struct Scan {
    tags: usize,
    closing: usize,
    void: usize,
    lines: usize,
    lines_with_tags: usize,
}

fn scan(text: &str) -> Scan {
    let mut scan = Scan::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        scan.lines += 1;
        let bytes = line.as_bytes();
        let mut found = false;
        let mut i = 0;
        while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
            let start = i + at;
            i = start + 1;
            // A tag's attributes may continue on later lines; its name may not.
            let Some(tag) = tag_at(&text.as_bytes()[offset(text, line) + start..]) else { continue };
            found = true;
            scan.tags += 1;
            if tag.closing {
                scan.closing += 1;
            } else if VOID.contains(&tag.name) {
                scan.void += 1;
            }
        }
        scan.lines_with_tags += usize::from(found);
    }
    scan
}

/// Byte offset of `part` (a subslice of `whole`) in `whole`.
fn offset(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

struct Tag {
    name: &'static str,
    closing: bool,
}

/// The tag starting at `s[0] == b'<'`, if it is one: a known element name,
/// all lower or all upper case, then `>`, `/>` or attributes up to a `>`.
fn tag_at(s: &[u8]) -> Option<Tag> {
    let mut i = 1;
    let closing = s.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_len = s[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let name = std::str::from_utf8(&s[i..i + name_len]).ok()?;
    let one_case = name.bytes().all(|b| !b.is_ascii_uppercase()) || name.bytes().all(|b| !b.is_ascii_lowercase());
    if name.is_empty() || !one_case {
        return None;
    }
    // Compared case-blind, without a lower-cased copy: every `<` of a page is asked.
    let name = *ELEMENTS.iter().find(|e| e.eq_ignore_ascii_case(name))?;
    i += name_len;
    match s.get(i)? {
        b'>' => {}
        b'/' if !closing && s.get(i + 1) == Some(&b'>') => {}
        b if b.is_ascii_whitespace() => {
            // Attributes (or, for an end tag, spaces) up to the `>`, with no
            // other `<` in between.
            let rest = &s[i..s.len().min(i + MAX_TAG_LEN)];
            let end = rest.iter().position(|&b| b == b'>' || b == b'<')?;
            if rest[end] != b'>' || (closing && !rest[..end].iter().all(u8::is_ascii_whitespace)) {
                return None;
            }
        }
        _ => return None,
    }
    Some(Tag { name, closing })
}

fn strip_prefix_ignore_case<'a>(s: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    (s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)).then(|| &s[prefix.len()..])
}

fn trim_ascii_start(s: &[u8]) -> &[u8] {
    &s[s.iter().take_while(|b| b.is_ascii_whitespace()).count()..]
}

/// Whether a tag name ends here: `<html>`, `<html lang=..>`, `<body/>`, but
/// not `<htmlish>`.
fn ends_name(rest: &[u8]) -> bool {
    rest.first().is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
}
