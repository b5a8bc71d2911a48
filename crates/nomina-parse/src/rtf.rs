//! A form saved as raw RTF (a word processor's `{\rtf1 …}` source:
//! paragraphs ended by `\par`, tables of `label\cell value\cell\row`,
//! `\'e9` and `\u233?` escapes), read as the text the document shows.

use encoding_rs::{Encoding, WINDOWS_1252};

/// What reading RTF source did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RtfRead {
    /// Control words, symbols and groups read.
    pub controls: usize,
    /// Lines added: a blank line between paragraphs, a line for `\line`.
    pub lines_added: usize,
}

/// The fewest paragraphs and table rows that make a text a document: a
/// lone `{\rtf1` is text.
const MIN_PARAGRAPHS: usize = 3;

/// Destinations whose groups hold no text a reader sees: tables of fonts,
/// colours and styles, the document's properties, pictures, headers.
const HIDDEN: [&str; 24] = [
    "colortbl",
    "datastore",
    "filetbl",
    "fldinst",
    "fonttbl",
    "footer",
    "footerf",
    "footerl",
    "footerr",
    "generator",
    "header",
    "headerf",
    "headerl",
    "headerr",
    "info",
    "latentstyles",
    "listoverridetable",
    "listtable",
    "object",
    "pict",
    "revtbl",
    "rsidtbl",
    "stylesheet",
    "themedata",
];

/// The code page `\ansicpgN` names.
fn code_page(n: i32) -> &'static Encoding {
    let label = match n {
        932 => "shift_jis".to_string(),
        936 => "gbk".to_string(),
        949 => "euc-kr".to_string(),
        950 => "big5".to_string(),
        n => format!("windows-{n}"),
    };
    Encoding::for_label(label.as_bytes()).unwrap_or(WINDOWS_1252)
}

/// The reader's state, kept from one line of the source to the next.
struct Reader {
    out: Vec<String>,
    read: RtfRead,
    depth: usize,
    /// The depth of a hidden group being skipped.
    hidden: Option<usize>,
    /// A `{` was the last token: the next control word names the group.
    group_start: bool,
    encoding: &'static Encoding,
    /// Bytes of `\'hh` escapes not yet decoded.
    bytes: Vec<u8>,
    /// Characters standing in for a `\uN` to skip, and how many each takes.
    fallback: usize,
    uc: usize,
    /// A paragraph or row ended: the next text starts a paragraph.
    paragraph_ended: bool,
    cells: usize,
}

impl Reader {
    fn emit(&mut self, t: &str) {
        if t.is_empty() || self.hidden.is_some() {
            return;
        }
        if self.paragraph_ended {
            if t.trim().is_empty() {
                return;
            }
            let n = self.out.len();
            if self.out[n - 1].is_empty() {
                // A blank line above, as a page sets paragraphs apart.
                if n > 1 && !self.out[n - 2].trim().is_empty() {
                    self.out.insert(n - 1, String::new());
                    self.read.lines_added += 1;
                }
            } else {
                self.out.push(String::new());
                self.out.push(String::new());
                self.read.lines_added += 2;
            }
            self.paragraph_ended = false;
        }
        if let Some(last) = self.out.last_mut() {
            last.push_str(t);
        }
    }

    fn flush(&mut self) {
        if !self.bytes.is_empty() {
            let bytes = std::mem::take(&mut self.bytes);
            let (decoded, _, _) = self.encoding.decode(&bytes);
            self.emit(&decoded);
        }
    }

    fn word(&mut self, name: &str, param: Option<i32>) {
        self.read.controls += 1;
        let start = std::mem::take(&mut self.group_start);
        if self.hidden.is_some() {
            return;
        }
        if start && HIDDEN.contains(&name) {
            self.hidden = Some(self.depth);
            return;
        }
        match name {
            "ansicpg" => self.encoding = code_page(param.unwrap_or(1252)),
            "uc" => self.uc = param.unwrap_or(1).max(0) as usize,
            "u" => {
                let n = param.unwrap_or(0);
                let n = if n < 0 { n + 65536 } else { n };
                if let Some(c) = u32::try_from(n).ok().and_then(char::from_u32) {
                    self.emit(c.encode_utf8(&mut [0; 4]));
                }
                self.fallback = self.uc;
            }
            "par" | "sect" | "page" => self.paragraph_ended = true,
            "row" => {
                self.paragraph_ended = true;
                self.cells = 0;
            }
            "cell" => {
                self.cells += 1;
                if self.cells == 1 {
                    self.emit(": ");
                } else {
                    self.emit("\t");
                }
            }
            "line" => {
                self.out.push(String::new());
                self.read.lines_added += 1;
            }
            "tab" => self.emit("\t"),
            "emdash" => self.emit("—"),
            "endash" => self.emit("–"),
            "lquote" => self.emit("‘"),
            "rquote" => self.emit("’"),
            "ldblquote" => self.emit("“"),
            "rdblquote" => self.emit("”"),
            "bullet" => self.emit("•"),
            "emspace" | "enspace" | "qmspace" => self.emit(" "),
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        self.group_start = false;
        let mut t = t;
        while self.fallback > 0 && !t.is_empty() {
            let c = t.chars().next().map_or(1, char::len_utf8);
            t = &t[c..];
            self.fallback -= 1;
        }
        self.emit(t);
    }

    fn line(&mut self, line: &str) {
        self.out.push(String::new());
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\\' if b.get(i + 1) == Some(&b'\'') => {
                    let hex = line.get(i + 2..i + 4).and_then(|h| u8::from_str_radix(h, 16).ok());
                    i += 4;
                    self.read.controls += 1;
                    self.group_start = false;
                    if self.fallback > 0 {
                        self.fallback -= 1;
                    } else if let Some(byte) = hex
                        && self.hidden.is_none()
                    {
                        self.bytes.push(byte);
                    }
                    continue;
                }
                b'\\' => {
                    self.flush();
                    let Some(&c) = b.get(i + 1) else {
                        // A backslash ending a line is a paragraph's end.
                        self.word("par", None);
                        i += 1;
                        continue;
                    };
                    if c.is_ascii_alphabetic() {
                        let name_end =
                            b[i + 1..].iter().position(|c| !c.is_ascii_alphabetic()).map_or(b.len(), |p| i + 1 + p);
                        let mut end = name_end;
                        if b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
                            end += 1;
                        }
                        let digits_end = b[end..].iter().position(|c| !c.is_ascii_digit()).map_or(b.len(), |p| end + p);
                        let param = line[name_end..digits_end].parse::<i32>().ok();
                        let name = &line[i + 1..name_end];
                        i = if b.get(digits_end) == Some(&b' ') { digits_end + 1 } else { digits_end };
                        self.word(name, param);
                        continue;
                    }
                    i += 1 + line[i + 1..].chars().next().map_or(1, char::len_utf8);
                    self.read.controls += 1;
                    let start = std::mem::take(&mut self.group_start);
                    match c {
                        b'*' if start && self.hidden.is_none() => self.hidden = Some(self.depth),
                        b'\\' => self.text("\\"),
                        b'{' => self.text("{"),
                        b'}' => self.text("}"),
                        b'~' => self.text("\u{a0}"),
                        b'_' => self.text("-"),
                        _ => {}
                    }
                }
                b'{' => {
                    self.flush();
                    self.read.controls += 1;
                    self.depth += 1;
                    self.group_start = true;
                    i += 1;
                }
                b'}' => {
                    self.flush();
                    if self.hidden == Some(self.depth) {
                        self.hidden = None;
                    }
                    self.depth = self.depth.saturating_sub(1);
                    self.group_start = false;
                    i += 1;
                }
                _ => {
                    self.flush();
                    let end = b[i..].iter().position(|&c| matches!(c, b'\\' | b'{' | b'}')).map_or(b.len(), |p| i + p);
                    let run = &line[i..end];
                    if self.hidden.is_none() {
                        self.text(run);
                    }
                    i = end;
                }
            }
        }
        self.flush();
    }
}

/// Reads a text that is RTF source (it opens with `{\rtf` and holds
/// [`MIN_PARAGRAPHS`] paragraphs or table rows) as the text the document
/// shows: a table row of a label and a value (`label\cell value\cell\row`)
/// reads as `label: value` (more cells a tab apart), paragraphs are set
/// apart by a blank line, `\line` breaks the line; hidden groups (fonts,
/// colours, styles, the document's properties) and control words read as
/// nothing; `\'e9` escapes are decoded in the code page `\ansicpg` names,
/// `\u233?` as its character without its stand-in. The source's lines keep
/// their places; the lines added are counted.
pub fn read_rtf(text: &mut String) -> RtfRead {
    if !text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).starts_with("{\\rtf") {
        return RtfRead::default();
    }
    let b = text.as_bytes();
    let paragraphs = memchr::memmem::find_iter(b, b"\\par")
        .chain(memchr::memmem::find_iter(b, b"\\row"))
        .filter(|&i| !b.get(i + 4).is_some_and(u8::is_ascii_alphabetic))
        .count();
    if paragraphs < MIN_PARAGRAPHS {
        return RtfRead::default();
    }
    let mut r = Reader {
        out: Vec::new(),
        read: RtfRead::default(),
        depth: 0,
        hidden: None,
        group_start: false,
        encoding: WINDOWS_1252,
        bytes: Vec::new(),
        fallback: 0,
        uc: 1,
        paragraph_ended: false,
        cells: 0,
    };
    let crlf = text.contains("\r\n");
    for line in text.split('\n') {
        r.line(line.strip_suffix('\r').unwrap_or(line));
    }
    let end = if crlf { "\r\n" } else { "\n" };
    let lines: Vec<&str> = r.out.iter().map(|l| l.trim_end()).collect();
    *text = lines.join(end);
    r.read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair_plain_text;
    use crate::testgen::assert_first_question;

    #[test]
    fn an_rtf_form_reads_as_labels_values_and_prompts() {
        let mut text = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}{\\info{\\title Hidden}}\r\n\
                        {\\pard\\b Basic information\\par}\r\n\
                        \\trowd\\cellx4500\\pard\\intbl Member State\\cell Ghana\\cell\\row\r\n\
                        \\trowd\\cellx4500\\pard\\intbl Institution\\cell Tamale Assembl\\'e9e \\u8212? M\\u233?tro\\cell\\row\r\n\
                        \\trowd\\cellx4500\\pard\\intbl Website\\cell \\cell\\row\r\n\
                        {\\pard\\b Question 1\\par}\r\n\
                        {\\pard {\\b (a)} {\\i Please describe the initiative.} (300 words maximum)\\par}\r\n\
                        {\\pard Wells were dug\\line in twelve villages.\\par}\r\n}"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.rtf.controls > 20);
        assert!(repairs.warnings().iter().any(|w| w.0 == "rtf_read"));
        assert_eq!(
            text,
            "\r\nBasic information\r\n\r\nMember State: Ghana\r\n\r\nInstitution: Tamale Assemblée — Métro\r\n\r\n\
             Website:\r\n\r\nQuestion 1\r\n\r\n(a) Please describe the initiative. (300 words maximum)\r\n\r\n\
             Wells were dug\r\nin twelve villages.\r\n"
        );
        assert_first_question(text, "Ghana", (1, 'a', 300));
    }

    #[test]
    fn text_naming_rtf_is_left_alone() {
        let kept = "The {\\rtf1 header opens a file; \\par ends a paragraph.";
        let mut text = kept.to_string();
        assert_eq!(read_rtf(&mut text), RtfRead::default());
        assert_eq!(text, kept);
    }
}
