//! A form written as GNU Texinfo source (`@section …`, a `@table` of
//! `@item label` over its value, `@itemize` lists, `@emph{…}` prompts,
//! `@quotation` answers), read as the lines the printed manual shows.

/// What reading Texinfo source did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TexinfoRead {
    /// Commands read (line commands, inline commands and escapes).
    pub commands: usize,
    /// Blank lines set above headings that followed text.
    pub lines_added: usize,
}

/// The fewest lines opened by a command of the kinds read here that make a
/// text Texinfo source: an address (`me@example.org`) or a lone `@end` is
/// text.
const MIN_LINES: usize = 8;

/// Line commands that print nothing a reader reads: the header, node
/// pointers, environments' opening and closing lines, spacing.
const SILENT: [&str; 36] = [
    "bye",
    "c",
    "cartouche",
    "comment",
    "contents",
    "copying",
    "dircategory",
    "direntry",
    "display",
    "documentencoding",
    "documentlanguage",
    "end",
    "enumerate",
    "example",
    "finalout",
    "format",
    "ftable",
    "group",
    "headings",
    "indent",
    "insertcopying",
    "itemize",
    "menu",
    "multitable",
    "node",
    "noindent",
    "page",
    "paragraphindent",
    "quotation",
    "setfilename",
    "smallexample",
    "sp",
    "summarycontents",
    "table",
    "titlepage",
    "vtable",
];

/// Line commands whose rest of the line is a title that prints.
const TITLES: [&str; 22] = [
    "appendix",
    "appendixsec",
    "author",
    "center",
    "chapheading",
    "chapter",
    "heading",
    "majorheading",
    "section",
    "settitle",
    "subheading",
    "subsection",
    "subsubheading",
    "subsubsection",
    "subtitle",
    "title",
    "top",
    "unnumbered",
    "unnumberedsec",
    "unnumberedsubsec",
    "subtitle",
    "shorttitlepage",
];

/// The command opening a line (`@section` in `@section Part A`) and the
/// rest of the line after one blank.
fn line_command(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix('@')?;
    let end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    if end == 0 || rest[end..].starts_with('{') {
        return None;
    }
    let after = &rest[end..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    Some((&rest[..end], after.strip_prefix([' ', '\t']).unwrap_or(after).trim_end()))
}

fn known(name: &str) -> bool {
    name == "item" || name == "itemx" || SILENT.contains(&name) || TITLES.contains(&name)
}

/// Reads a text written as Texinfo source ([`MIN_LINES`] lines opened by
/// commands of the kinds read here, an `@end` among them) as its printed
/// lines: a `@table` item reads as `label: value` when its value is one
/// line under it (the value's line left blank), as `label:` over its
/// value otherwise; an item of another list as a dash before its text;
/// titles (`@chapter`, `@section`, `@center`, `@settitle`) as their text,
/// set off by a blank line above; header, node, environment and comment
/// lines are left blank; inline commands (`@emph{…}`, `@strong{…}`,
/// `@w{…}`) read as their text, `@tie{}` as a blank and `@@`, `@{`, `@}`
/// as their characters. Any other text is left as it is.
pub fn read_texinfo(text: &mut String) -> TexinfoRead {
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"@end ").is_none() {
        return TexinfoRead::default();
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let opened = lines.iter().filter(|l| line_command(l).is_some_and(|(name, _)| known(name))).count();
    if opened < MIN_LINES {
        return TexinfoRead::default();
    }
    let mut read = TexinfoRead::default();
    // Environments open, innermost last: a table's items are labels.
    let mut open: Vec<&str> = Vec::new();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut ends: Vec<&str> = Vec::with_capacity(lines.len());
    let mut k = 0;
    while k < lines.len() {
        let (line, end) = match lines[k].strip_suffix('\r') {
            Some(l) => (l, "\r\n"),
            None => (lines[k], "\n"),
        };
        k += 1;
        if k == 1 && line.starts_with("\\input texinfo") {
            read.commands += 1;
            out.push(String::new());
            ends.push(end);
            continue;
        }
        let Some((name, rest)) = line_command(line).filter(|(name, _)| known(name)) else {
            out.push(inline(line, &mut read.commands));
            ends.push(end);
            continue;
        };
        read.commands += 1;
        if name == "end" {
            if matches!(rest, "table" | "vtable" | "ftable" | "itemize" | "enumerate" | "multitable") {
                open.pop();
            }
        } else if matches!(name, "table" | "vtable" | "ftable" | "itemize" | "enumerate" | "multitable") {
            open.push(name);
        }
        if SILENT.contains(&name) {
            out.push(String::new());
        } else if TITLES.contains(&name) {
            if out.last().is_some_and(|l| !l.trim().is_empty()) {
                out.push(String::new());
                ends.push(end);
                read.lines_added += 1;
            }
            out.push(inline(rest, &mut read.commands));
        } else if open.last().is_some_and(|e| e.ends_with("table")) {
            let mut label = inline(rest, &mut read.commands);
            label.push(':');
            // A value of one line under its label goes on the label's line.
            let next = lines.get(k).map(|l| l.trim_end_matches('\r'));
            let after = lines.get(k + 1).map(|l| l.trim_end_matches('\r'));
            if let Some(value) = next.filter(|v| !v.trim().is_empty() && line_command(v).is_none())
                && after.is_none_or(|a| a.trim().is_empty() || line_command(a).is_some())
            {
                label.push(' ');
                label.push_str(inline(value, &mut read.commands).trim());
                out.push(label);
                ends.push(end);
                out.push(String::new());
                ends.push(lines[k].strip_suffix('\r').map_or("\n", |_| "\r\n"));
                k += 1;
                continue;
            }
            out.push(label);
        } else {
            let item = inline(rest, &mut read.commands);
            out.push(if item.trim().is_empty() { String::new() } else { format!("- {item}") });
        }
        ends.push(end);
    }
    let mut text_out = String::with_capacity(text.len() + read.lines_added);
    for (i, l) in out.iter().enumerate() {
        text_out.push_str(l);
        if i + 1 < out.len() {
            text_out.push_str(ends[i]);
        }
    }
    *text = text_out;
    read
}

/// `line` with its inline commands read: `@name{…}` as what its braces
/// hold, `@tie{}` as a blank, `@dots{}` as `...`, `@@`, `@{` and `@}` as
/// their characters, `@*` (a forced break) as nothing. An `@` inside a word
/// (an address) stays as written.
fn inline(line: &str, commands: &mut usize) -> String {
    if !line.contains('@') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    // For each brace open: whether it belongs to a command.
    let mut braces: Vec<bool> = Vec::new();
    let mut chars = line.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        match c {
            '@' => {
                let rest = &line[i + 1..];
                let name_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
                // `@` inside a word (an address) opens no escape.
                if name_len == 0 && prev.is_some_and(char::is_alphanumeric) {
                    out.push(c);
                } else if name_len == 0 {
                    let Some(&(_, e)) = chars.peek() else {
                        out.push('@');
                        break;
                    };
                    chars.next();
                    *commands += 1;
                    match e {
                        '@' | '{' | '}' | '.' | '!' | '?' | ',' => out.push(e),
                        ' ' | '\t' => out.push(' '),
                        '*' | ':' | '-' | '/' => {}
                        other => {
                            out.push('@');
                            out.push(other);
                            *commands -= 1;
                        }
                    }
                    prev = Some(e);
                    continue;
                } else if rest[name_len..].starts_with('{') {
                    let name = &rest[..name_len];
                    *commands += 1;
                    let after = &rest[name_len + 1..];
                    let shown = match name {
                        "tie" | "space" => Some(" "),
                        "dots" | "enddots" => Some("..."),
                        "comma" => Some(","),
                        "minus" => Some("-"),
                        "bullet" => Some("•"),
                        "copyright" => Some("©"),
                        "registeredsymbol" => Some("®"),
                        "euro" => Some("€"),
                        "TeX" | "LaTeX" | "result" | "expansion" | "equiv" | "error" | "point" | "print" => Some(""),
                        _ => None,
                    };
                    // `@tie{}`: a symbol; `@emph{…}`: its braces' text.
                    let skip = 1 + name_len;
                    for _ in 0..skip {
                        chars.next();
                    }
                    match shown {
                        Some(s) if after.starts_with('}') => {
                            chars.next();
                            out.push_str(s);
                        }
                        _ => braces.push(true),
                    }
                    prev = Some('{');
                    continue;
                } else {
                    out.push(c);
                }
            }
            '{' => {
                braces.push(false);
                out.push(c);
            }
            '}' => match braces.pop() {
                Some(true) => {}
                _ => out.push(c),
            },
            _ => out.push(c),
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair_plain_text;
    use crate::testgen::assert_first_question;

    #[test]
    fn a_texinfo_form_reads_as_labels_values_and_prompts() {
        let mut text = "\\input texinfo\n@c generated\n@setfilename gh.info\n@settitle Application form\n\n\
                        @chapter Basic information\n\n@section Institution\n\n@table @asis\n@item Member State\nGhana\n\n\
                        @item Institution Name\nTamale Metropolitan Assembly\n\n@item Website\n\n@item Goals\n\
                        @itemize @bullet\n@item Goal 6\n@item Goal 11\n@end itemize\n\n@end table\n\n\
                        @section Question 1\n\n@noindent\n@strong{(a)} @emph{Please describe the initiative.} \
                        @w{(300@tie{}words@tie{}maximum)}\n\n@quotation\nWells were dug in 12 villages @@ low cost.\n\
                        @end quotation\n\n@bye"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.texinfo.commands > 20);
        assert!(repairs.warnings().iter().any(|w| w.0 == "texinfo_read"));
        assert!(text.contains("\nMember State: Ghana\n\n"));
        assert!(text.contains("\nWebsite:\n"));
        assert!(text.contains("\nGoals:\n\n- Goal 6\n- Goal 11\n"));
        assert!(text.contains("\n(a) Please describe the initiative. (300 words maximum)\n"));
        assert!(text.contains("\nWells were dug in 12 villages @ low cost.\n"));
        assert_first_question(text, "Ghana", (1, 'a', 300));
    }

    #[test]
    fn lines_keep_their_places_and_prose_is_left_alone() {
        let mut text = "@node Top\n@top Form\n@table @asis\n@item Country\nGhana\n@item Notes\nfirst\nsecond\n\
                        @end table\n@c end\n@bye\n@page\n@contents"
            .to_string();
        let read = read_texinfo(&mut text);
        assert_eq!(read.lines_added, 0);
        assert_eq!(text, "\nForm\n\nCountry: Ghana\n\nNotes:\nfirst\nsecond\n\n\n\n\n");
        let kept = "Write to me@example.org; @end of the list\n@c is no comment here\n";
        let mut text = kept.to_string();
        assert_eq!(read_texinfo(&mut text), TexinfoRead::default());
        assert_eq!(text, kept);
    }
}
