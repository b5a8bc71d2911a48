//! The walk over the parsed tree that writes the lines and collects what is
//! left out.

use std::ops::Deref;

use std::sync::OnceLock;

use scraper::{ElementRef, Html, Node, Selector};

use crate::{Extracted, PageSignals, Removed, RemovedKind};

/// A node of scraper's tree. Named through `ElementRef` so that this crate
/// needs no direct dependency on `ego_tree`.
type NodeRef<'a> = <ElementRef<'a> as Deref>::Target;

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// What an element does to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Not content: its text goes to `removed`.
    Removed(RemovedKind),
    /// `<title>`: removed, unless the body turns out empty.
    Title,
    /// `<br>`.
    Break,
    /// Set off by blank lines: a paragraph, a heading, a quotation. `pre`
    /// also keeps its own line breaks.
    Paragraph { pre: bool },
    /// A generic container (`div`, `section`...): a paragraph when it holds
    /// other blocks, a plain line otherwise, so that `<div>A<br>B</div>`
    /// stays two lines of one block.
    Container,
    /// Starts and ends a line: a list item, a table row, a whole list.
    Line { pre: bool },
    /// A table cell: separated from the previous cell of its row by a tab.
    Cell,
    /// `<input>`: a saved form's answer in its `value`, or a box ticked or
    /// not.
    Control,
    /// Everything else, including unknown and foreign elements.
    Inline,
}

impl Class {
    fn is_block(self) -> bool {
        matches!(self, Class::Paragraph { .. } | Class::Container | Class::Line { .. } | Class::Cell)
    }
}

fn classify(el: &scraper::node::Element) -> Class {
    let name = el.name();
    // A role on the page's root elements would remove the whole page.
    let role_navigation = !matches!(name, "html" | "body")
        && el
            .attr("role")
            .is_some_and(|roles| roles.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("navigation")));
    if role_navigation {
        return Class::Removed(RemovedKind::Navigation);
    }
    // Scripts and styles are not content in SVG or MathML either.
    match name {
        "script" => return Class::Removed(RemovedKind::Script),
        "style" => return Class::Removed(RemovedKind::Style),
        _ => {}
    }
    if &*el.name.ns != HTML_NS {
        return Class::Inline;
    }
    match name {
        "input" => Class::Control,
        "nav" => Class::Removed(RemovedKind::Navigation),
        // `head` holds no content; `iframe` text is fallback markup.
        "noscript" | "template" | "head" | "iframe" => Class::Removed(RemovedKind::Other),
        "title" => Class::Title,
        "br" => Class::Break,
        // A table is set off as a paragraph is: two tables in a row are two
        // blocks (a form's sections), not one run of rows.
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "hr" | "figure" | "address" | "details"
        | "dialog" | "table" => Class::Paragraph { pre: false },
        "pre" | "listing" | "xmp" | "plaintext" => Class::Paragraph { pre: true },
        "html" | "body" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "form"
        | "fieldset" | "center" | "hgroup" | "search" => Class::Container,
        "li" | "dt" | "dd" | "ul" | "ol" | "dl" | "menu" | "dir" | "thead" | "tbody" | "tfoot" | "tr" | "caption"
        | "figcaption" | "summary" | "legend" | "select" | "optgroup" | "option" | "datalist" => {
            Class::Line { pre: false }
        }
        "textarea" => Class::Line { pre: true },
        "td" | "th" => Class::Cell,
        _ => Class::Inline,
    }
}

/// What a saved form's `<input>` shows: the text typed in it, or a box
/// ticked (`[x]`) or not (`[ ]`), as text browsers print them. Hidden
/// fields and buttons show no answer.
fn control_text(el: &scraper::node::Element) -> Option<&str> {
    match el.attr("type").map(str::to_ascii_lowercase).as_deref() {
        Some("checkbox" | "radio") => Some(if el.attr("checked").is_some() { "[x]" } else { "[ ]" }),
        Some("hidden" | "submit" | "button" | "reset" | "image" | "file" | "password") => None,
        _ => el.attr("value").filter(|v| !v.trim().is_empty()),
    }
}

/// Whether an `<option>` is an answer its list gives: the `<select>` holding
/// it selected it (a saved form's answer), or it stands in no `<select>` (a
/// `<datalist>`'s). An option a list did not select, or of a list that
/// selects none (its placeholder showing), is a choice offered, not given.
fn chosen(option: ElementRef<'_>) -> bool {
    option.value().attr("selected").is_some()
        || !option.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "select")
}

/// Whether a `<label>` captions the one block beside it, as a form's row
/// sets a field (`<div class="form-group"><label>Country</label><div><p>
/// Korea</p></div></div>`): the two are one line, label and value, as the
/// page shows them side by side.
fn labels_a_block(label: ElementRef<'_>) -> bool {
    let Some(parent) = label.parent().and_then(ElementRef::wrap) else {
        return false;
    };
    let mut children = parent.child_elements();
    let (Some(first), Some(second), None) = (children.next(), children.next(), children.next()) else {
        return false;
    };
    // A list of values (a multiple choice, a list, several paragraphs)
    // stays under its label, a value a line.
    let lines = second
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| match e.value().name() {
            "select" => e.value().attr("multiple").is_some(),
            "ul" | "ol" | "dl" | "table" | "br" => true,
            _ => false,
        })
        .count()
        + second
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == "p")
            .count()
            .saturating_sub(1);
    first == label
        && lines == 0
        && classify(second.value()).is_block()
        && parent.children().all(|n| n.value().as_text().is_none_or(|t| t.trim().is_empty()))
}

/// Whether `el` directly holds block-level elements.
fn has_block_child(el: ElementRef<'_>) -> bool {
    el.child_elements().any(|c| classify(c.value()).is_block())
}

/// What to do when the walk leaves an element.
#[derive(Debug, Clone, Copy)]
enum Exit {
    Nothing,
    Line,
    Paragraph,
    LeavePre(Class),
    Capture,
    /// Inside removed text: a block boundary is a word boundary.
    Space,
    /// A form field's `<label>`: its value's block goes on its line.
    Label,
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(Exit),
    /// The end of an `<article>` or `<main>` whose text starts at this line.
    RegionEnd(usize, bool),
}

/// Removed text being gathered: where its entry is, of what kind.
struct Capture {
    entry: usize,
    kind: RemovedKind,
    buf: String,
}

#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    /// The line being built, whitespace already collapsed.
    cur: String,
    pending_space: bool,
    pending_tab: bool,
    pending_blank: bool,
    /// A form field's `<label>` was just written: its value's block goes
    /// on the same line, after a tab (see [`labels_a_block`]).
    join_tab: bool,
    pre_depth: usize,
    /// Entries of `removed`, with whether each is a `<title>`.
    removed: Vec<(Removed, bool)>,
    captures: Vec<Capture>,
}

impl Writer {
    fn text(&mut self, s: &str) {
        if let Some(c) = self.captures.last_mut() {
            c.buf.push_str(s);
            return;
        }
        for (i, segment) in s.split('\n').enumerate() {
            if i > 0 {
                if self.pre_depth > 0 {
                    self.line_break();
                } else {
                    self.pending_space = true;
                }
            }
            for c in segment.chars() {
                if is_space(c) {
                    self.pending_space = true;
                    continue;
                }
                if self.join_tab {
                    self.join_tab = false;
                    self.pending_tab = !self.cur.is_empty();
                }
                if !self.cur.is_empty() {
                    if self.pending_tab {
                        self.cur.push('\t');
                    } else if self.pending_space {
                        self.cur.push(' ');
                    }
                }
                self.pending_space = false;
                self.pending_tab = false;
                self.cur.push(c);
            }
        }
    }

    /// Ends the current line, if it has any text.
    fn end_line(&mut self) {
        let line = self.cur.trim();
        if !line.is_empty() {
            if self.pending_blank && !self.lines.is_empty() {
                self.lines.push(String::new());
            }
            self.pending_blank = false;
            self.lines.push(line.to_string());
        }
        self.cur.clear();
        self.pending_space = false;
        self.pending_tab = false;
        self.join_tab = false;
    }

    /// Ends the current block and asks for a blank line before the next.
    fn end_paragraph(&mut self) {
        self.end_line();
        self.pending_blank = true;
    }

    /// A `<br>`, or a line break inside `<pre>`: a second break in a row
    /// makes an empty line, as it does on screen.
    fn line_break(&mut self) {
        if self.cur.trim().is_empty() {
            self.pending_blank = true;
        }
        self.end_line();
    }

    fn start_capture(&mut self, kind: RemovedKind, title: bool) {
        self.removed.push((Removed { kind, text: String::new() }, title));
        self.captures.push(Capture { entry: self.removed.len() - 1, kind, buf: String::new() });
    }

    fn end_capture(&mut self) {
        let capture = self.captures.pop().expect("a capture for every Exit::Capture");
        self.removed[capture.entry].0.text = collapse(&capture.buf);
    }

    /// What entering `el` does; returns what leaving it must do.
    fn enter(&mut self, el: ElementRef<'_>) -> Exit {
        let class = classify(el.value());
        if let Some(capture) = self.captures.last_mut() {
            return match class {
                // Nested removed text of another kind gets its own entry.
                Class::Removed(kind) if kind != capture.kind => {
                    self.start_capture(kind, false);
                    Exit::Capture
                }
                Class::Title => {
                    self.start_capture(RemovedKind::Other, true);
                    Exit::Capture
                }
                Class::Inline | Class::Control => Exit::Nothing,
                _ => {
                    capture.buf.push(' ');
                    Exit::Space
                }
            };
        }
        if el.value().name() == "option" && !chosen(el) {
            self.start_capture(RemovedKind::Unselected, false);
            return Exit::Capture;
        }
        // The block holding a label's value starts no line of its own.
        // Preformatted text keeps its own lines.
        if self.join_tab
            && class.is_block()
            && !matches!(class, Class::Paragraph { pre: true } | Class::Line { pre: true })
        {
            return if matches!(class, Class::Paragraph { .. } | Class::Container) {
                Exit::Paragraph
            } else {
                Exit::Line
            };
        }
        match class {
            Class::Removed(kind) => {
                self.start_capture(kind, false);
                Exit::Capture
            }
            Class::Control => {
                if let Some(value) = control_text(el.value()) {
                    self.pending_space = true;
                    self.text(value);
                    self.pending_space = true;
                }
                Exit::Nothing
            }
            Class::Title => {
                self.start_capture(RemovedKind::Other, true);
                Exit::Capture
            }
            Class::Break => {
                self.line_break();
                Exit::Nothing
            }
            Class::Paragraph { pre } => {
                self.end_paragraph();
                if pre {
                    self.pre_depth += 1;
                    return Exit::LeavePre(class);
                }
                Exit::Paragraph
            }
            Class::Container if has_block_child(el) => {
                self.end_paragraph();
                Exit::Paragraph
            }
            Class::Container => {
                self.end_line();
                Exit::Line
            }
            Class::Line { pre } => {
                self.end_line();
                if pre {
                    self.pre_depth += 1;
                    return Exit::LeavePre(class);
                }
                Exit::Line
            }
            Class::Cell => {
                if !self.cur.is_empty() {
                    self.pending_tab = true;
                }
                Exit::Nothing
            }
            Class::Inline if el.value().name() == "label" && labels_a_block(el) => Exit::Label,
            Class::Inline => Exit::Nothing,
        }
    }

    fn leave(&mut self, exit: Exit) {
        match exit {
            Exit::Nothing => {}
            Exit::Line => self.end_line(),
            Exit::Paragraph => self.end_paragraph(),
            Exit::LeavePre(class) => {
                self.pre_depth -= 1;
                if matches!(class, Class::Paragraph { .. }) { self.end_paragraph() } else { self.end_line() }
            }
            Exit::Capture => self.end_capture(),
            Exit::Space => {
                if let Some(c) = self.captures.last_mut() {
                    c.buf.push(' ');
                }
            }
            Exit::Label => self.join_tab = !self.cur.trim().is_empty(),
        }
    }
}

/// HTML's collapsible whitespace, and the no-break space, which the text
/// dumps write as a plain space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{a0}')
}

/// `s` with runs of whitespace as one space, trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

pub(crate) fn extract(html: &str) -> Extracted {
    let doc = Html::parse_document(html);
    let mut w = Writer::default();
    // An explicit stack rather than recursion: scraped pages can nest
    // unclosed elements thousands deep.
    let mut stack = vec![Step::Enter(*doc.root_element())];
    // The first `<article>`'s lines, else the first `<main>`'s.
    let mut article: Option<(usize, usize)> = None;
    let mut main: Option<(usize, usize)> = None;
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(exit) => {
                w.leave(exit);
                continue;
            }
            Step::RegionEnd(start, is_article) => {
                w.end_line();
                let region = if is_article { &mut article } else { &mut main };
                if region.is_none() && w.lines.len() > start {
                    *region = Some((start, w.lines.len()));
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => w.text(&t.text),
            Node::Element(_) => {
                let el = ElementRef::wrap(node).expect("an element node");
                let exit = w.enter(el);
                let name = el.value().name();
                if matches!(name, "article" | "main") && w.captures.is_empty() {
                    w.end_line();
                    stack.push(Step::RegionEnd(w.lines.len(), name == "article"));
                }
                stack.push(Step::Leave(exit));
                stack.extend(node.children().rev().map(Step::Enter));
            }
            // A template's contents hang under it as a fragment.
            Node::Fragment => stack.extend(node.children().rev().map(Step::Enter)),
            // Comments, doctypes and processing instructions are not text.
            _ => {}
        }
    }
    w.end_line();
    let mut signals = signals(&doc);
    signals.title = w.removed.iter().find(|(r, title)| *title && !r.text.is_empty()).map(|(r, _)| r.text.clone());
    // Blank lines the region starts with are not its text.
    signals.content_lines = article.or(main).map(|(mut start, end)| {
        while start < end && w.lines[start].is_empty() {
            start += 1;
        }
        (start + 1, end)
    });
    let mut text = w.lines.join("\n");
    let mut removed = w.removed;
    if text.is_empty() {
        // A page with no body text is known by its title.
        text = removed
            .iter()
            .filter(|(r, title)| *title && !r.text.is_empty())
            .map(|(r, _)| r.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        removed.retain(|(_, title)| !title);
    }
    let removed = removed.into_iter().map(|(r, _)| r).filter(|r| !r.text.is_empty()).collect();
    if text.is_empty() {
        signals.content_lines = None;
    }
    Extracted { text, removed, signals }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css:?}: {e}"))
}

/// The longest text taken for a photo's caption or credit.
const MAX_CAPTION_BYTES: usize = 600;

/// What the page's markup says of it: its `og:title` and `<h1>`s, and its
/// publication and update dates (meta tags, `<time>`, JSON-LD).
fn signals(doc: &Html) -> PageSignals {
    struct Selectors {
        og_title: Selector,
        h1: Selector,
        figcaption: Selector,
        published: Selector,
        modified: Selector,
        time: Selector,
        json_ld: Selector,
        canonical: Selector,
        og_url: Selector,
        og_type: Selector,
    }
    static S: OnceLock<Selectors> = OnceLock::new();
    let s = S.get_or_init(|| Selectors {
        og_title: selector(r#"meta[property="og:title"], meta[name="twitter:title"], meta[name="ArticleTitle" i]"#),
        h1: selector("h1"),
        // A photo's caption or credit, in `<figcaption>` or in an element
        // its class names so (`wp-caption-text`, `photo-credit`).
        figcaption: selector(r#"figcaption, [class*="caption"], [class*="credit"], [itemprop="caption"]"#),
        published: selector(
            // Names as publishers spell them, in any case (`PubDate` is the
            // Chinese government-site standard's).
            r#"meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="pubdate" i], meta[name="publishdate" i], meta[name="publish-date" i], meta[name="publication_date" i], meta[name="citation_publication_date" i], meta[name="date" i], meta[name="dc.date" i], meta[name="dc.date.issued" i], meta[name="dcterms.date" i], meta[name="dcterms.issued" i]"#,
        ),
        modified: selector(r#"meta[property="article:modified_time"], meta[itemprop="dateModified"]"#),
        time: selector(r#"time[itemprop="datePublished"], article time[datetime], time[pubdate], time[datetime]"#),
        json_ld: selector(r#"script[type="application/ld+json"]"#),
        canonical: selector(r#"link[rel="canonical"]"#),
        og_url: selector(r#"meta[property="og:url"]"#),
        og_type: selector(r#"meta[property="og:type"]"#),
    });
    let content = |sel: &Selector| {
        doc.select(sel)
            .find_map(|e| e.value().attr("content").map(str::trim).filter(|c| !c.is_empty()).map(String::from))
    };
    let text = |e: ElementRef<'_>| collapse(&e.text().collect::<String>());
    let json = |key: &str| doc.select(&s.json_ld).find_map(|e| json_string(&e.text().collect::<String>(), key));
    let published = content(&s.published).or_else(|| json("datePublished")).or_else(|| {
        doc.select(&s.time)
            .find_map(|e| e.value().attr("datetime").map(str::trim).filter(|d| !d.is_empty()).map(String::from))
    });
    PageSignals {
        title: None,
        og_title: content(&s.og_title),
        headings: doc.select(&s.h1).map(text).filter(|t| !t.is_empty()).collect(),
        // A container whose class merely holds the word (`captioned-story`)
        // holds more than a caption's words.
        captions: doc
            .select(&s.figcaption)
            .map(text)
            .filter(|t| !t.is_empty() && t.len() <= MAX_CAPTION_BYTES)
            .collect(),
        published,
        modified: content(&s.modified).or_else(|| json("dateModified")),
        address: doc
            .select(&s.canonical)
            .find_map(|e| e.value().attr("href").map(str::trim).filter(|h| !h.is_empty()).map(String::from))
            .or_else(|| content(&s.og_url)),
        article: content(&s.og_type).is_some_and(|t| t.eq_ignore_ascii_case("article"))
            || doc.select(&s.json_ld).any(|e| json_article(&e.text().collect::<String>())),
        content_lines: None,
    }
}

/// Whether JSON-LD text names an article type as an `@type`: schema.org's
/// `Article` and the types under it that a publisher gives a story
/// (`NewsArticle`, `ReportageNewsArticle`, `BlogPosting`, ...).
fn json_article(script: &str) -> bool {
    script.match_indices("\"@type\"").any(|(at, key)| {
        let rest = script[at + key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else { return false };
        let rest = rest.trim_start();
        // A list of types (`["NewsArticle", "WebPage"]`) or one.
        let types = match rest.strip_prefix('[') {
            Some(list) => &list[..list.find(']').unwrap_or(list.len())],
            None => &rest[..rest.find([',', '}']).unwrap_or(rest.len())],
        };
        types.split(',').map(|t| t.trim().trim_matches('"')).any(|t| {
            t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report" | "SocialMediaPosting")
        })
    })
}

/// The string value of `"key": "..."` in JSON-LD text, found without
/// parsing the whole script (pages often carry broken JSON).
fn json_string(script: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\"");
    let at = script.find(&quoted)? + quoted.len();
    let rest = script[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].trim().to_string()).filter(|v| !v.is_empty())
}
