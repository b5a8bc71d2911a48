//! A form written as LaTeX source (a `description` list of `\item[label]
//! value`, sections as `\subsection*{…}`, prompts in `\emph{…}`), read as
//! the lines the typeset page prints.

use memchr::memmem;

/// The fewest LaTeX commands of the kinds read here that make a text
/// LaTeX source: a lone `\item` in prose is text.
const MIN_COMMANDS: usize = 5;

/// Commands that print nothing a reader reads (the preamble, spacing,
/// page breaks, font switches), removed with their arguments.
const SILENT: [&str; 33] = [
    "bf",
    "bigskip",
    "centering",
    "clearpage",
    "documentclass",
    "em",
    "footnotesize",
    "hfill",
    "hline",
    "hspace",
    "it",
    "label",
    "large",
    "linebreak",
    "maketitle",
    "medskip",
    "newline",
    "newpage",
    "noindent",
    "normalsize",
    "pagebreak",
    "par",
    "rm",
    "setlength",
    "small",
    "smallskip",
    "tableofcontents",
    "thispagestyle",
    "tt",
    "Large",
    "usepackage",
    "vfill",
    "vspace",
];

/// Commands whose last argument is text that prints: sectioning, emphasis,
/// boxes, links.
const PRINTED: [&str; 25] = [
    "author",
    "caption",
    "chapter",
    "emph",
    "footnote",
    "hbox",
    "href",
    "mbox",
    "paragraph",
    "part",
    "section",
    "subparagraph",
    "subsection",
    "subsubsection",
    "textbf",
    "textit",
    "textmd",
    "textrm",
    "textsc",
    "textsf",
    "textsl",
    "texttt",
    "title",
    "underline",
    "url",
];

/// Reads a text written as LaTeX source (`\begin{…}` and
/// [`MIN_COMMANDS`] commands of the kinds read here) as its printed lines
/// and says how many commands and escapes were read: an item of a
/// `description` list, `\item[Country] Ghana`, reads as `Country: Ghana`
/// (`Country:` when empty); an item of another list keeps its own mark
/// (`\item[(a)] …` as `(a) …`) or reads as a dash; sectioning and emphasis
/// read as their text; the preamble, environments' braces, spacing and
/// comment lines go; escapes (`\%`, `\$`, `\&`) read as their characters
/// and a tie (`~`) as a space. Unknown commands stay as written; lines
/// keep their numbers.
pub fn read_latex(text: &mut String) -> usize {
    let b = text.as_bytes();
    if memmem::find(b, b"\\begin{").is_none() || memmem::find(b, b"\\end{").is_none() {
        return 0;
    }
    let known = memmem::find_iter(b, b"\\")
        .filter(|&i| {
            let name = command_name(&text[i + 1..]);
            name == "item" || name == "begin" || name == "end" || SILENT.contains(&name) || PRINTED.contains(&name)
        })
        .count();
    if known < MIN_COMMANDS {
        return 0;
    }
    let mut lists: Vec<String> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut read = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.trim_start().starts_with('%') {
            read += 1;
            continue;
        }
        read += latex_line(line, &mut lists, &mut out);
    }
    *text = out;
    read
}

/// The name of the command whose backslash precedes `s`: its letters.
fn command_name(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

/// The end of a group opened at `s[0]` (`{` or `[`), past its closer,
/// groups inside it counted; `None` when it is not closed on the line.
fn group_end(s: &str) -> Option<usize> {
    let open = *s.as_bytes().first()?;
    let close = match open {
        b'{' => b'}',
        b'[' => b']',
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, &c) in s.as_bytes().iter().enumerate() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Writes one line of LaTeX as it prints to `out`; says how many commands
/// and escapes it read. `lists` holds the list environments open.
fn latex_line(line: &str, lists: &mut Vec<String>, out: &mut String) -> usize {
    let mut read = 0;
    let mut rest = line;
    // Nothing printed yet but the line's indent: a command that prints
    // nothing there takes the blanks after it along.
    let mut at_start = true;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            let after = &rest[1..];
            let name = command_name(after);
            if name.is_empty() {
                match after.chars().next() {
                    Some(e @ ('%' | '$' | '&' | '#' | '_' | '{' | '}')) => {
                        out.push(e);
                        rest = &after[1..];
                    }
                    Some(e @ ('\\' | ',' | ' ')) => {
                        out.push(' ');
                        rest = &after[e.len_utf8()..];
                    }
                    _ => {
                        out.push('\\');
                        rest = after;
                        continue;
                    }
                }
                read += 1;
                at_start = false;
                continue;
            }
            let mut tail = after[name.len()..].strip_prefix('*').unwrap_or(&after[name.len()..]);
            if name == "item" {
                let label = if tail.starts_with('[') {
                    group_end(tail).map(|end| {
                        let l = &tail[1..end - 1];
                        tail = &tail[end..];
                        l
                    })
                } else {
                    None
                };
                tail = tail.trim_start();
                match (label, lists.last().map(String::as_str)) {
                    (Some(l), Some("description")) => {
                        latex_line(l, lists, out);
                        if !l.trim_end().ends_with(':') {
                            out.push(':');
                        }
                        if !tail.is_empty() {
                            out.push(' ');
                        }
                    }
                    (Some(l), _) => {
                        latex_line(l, lists, out);
                        out.push(' ');
                    }
                    (None, _) => out.push_str("- "),
                }
                read += 1;
                at_start = false;
                rest = tail;
                continue;
            }
            if name == "begin" || name == "end" {
                if let Some(end) = group_end(tail) {
                    let env = tail[1..end - 1].trim();
                    if name == "begin" {
                        lists.push(env.to_string());
                    } else if lists.last().is_some_and(|e| e == env) {
                        lists.pop();
                    }
                    tail = &tail[end..];
                    // A list's or a table's options.
                    while let Some(e) = tail.starts_with(['[', '{']).then(|| group_end(tail)).flatten() {
                        tail = &tail[e..];
                    }
                }
                read += 1;
                rest = if at_start { tail.trim_start() } else { tail };
                continue;
            }
            if SILENT.contains(&name) {
                while let Some(e) = tail.starts_with(['[', '{']).then(|| group_end(tail)).flatten() {
                    tail = &tail[e..];
                }
                read += 1;
                rest = if at_start { tail.trim_start() } else { tail };
                continue;
            }
            if PRINTED.contains(&name) {
                if tail.starts_with('[')
                    && let Some(e) = group_end(tail)
                {
                    tail = &tail[e..];
                }
                // `\href{address}{text}` prints its text; other commands
                // have one argument.
                let mut argument = None;
                while let Some(e) = tail.starts_with('{').then(|| group_end(tail)).flatten() {
                    argument = Some(&tail[1..e - 1]);
                    tail = &tail[e..];
                    if name != "href" {
                        break;
                    }
                }
                match argument {
                    Some(a) => {
                        latex_line(a, lists, out);
                        at_start = at_start && a.trim().is_empty();
                    }
                    // An argument not closed on its line: its brace goes.
                    None if tail.starts_with('{') => tail = &tail[1..],
                    None => {}
                }
                read += 1;
                rest = if at_start { tail.trim_start() } else { tail };
                continue;
            }
            out.push('\\');
            rest = after;
            at_start = false;
            continue;
        }
        match c {
            '~' => out.push(' '),
            // A group's braces (`{\bf Country}`) print nothing.
            '{' | '}' => {}
            _ => {
                out.push(c);
                if !c.is_whitespace() {
                    at_start = false;
                }
            }
        }
        rest = &rest[c.len_utf8()..];
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::repair_plain_text;
    use crate::{Body, parse};

    #[test]
    fn latex_source_reads_as_its_printed_lines() {
        let mut text = "\\documentclass{article}\n% a comment\n\\begin{document}\n\\section*{Datos~básicos}\n\
                        \\begin{description}\n  \\item[País] Ghana\n  \\item[Sitio web] \\url{https://tamale.gov.gh}\n\
                        \x20 \\item[Detalles]\n  \\item[¿Nivel?:] Local\n\\end{description}\n\
                        \\begin{enumerate}\n  \\item[(a)] \\emph{Describa la iniciativa (máximo 100~palabras)}\n\
                        \x20 Subió un 40\\% en \\textbf{dos} años \\& más.\n  \\item Uno\n\\end{enumerate}\n\
                        \\noindent Fin\n\\end{document}"
            .to_string();
        assert_eq!(read_latex(&mut text), 21);
        assert_eq!(
            text,
            "\n\n\nDatos básicos\n\n  País: Ghana\n  Sitio web: https://tamale.gov.gh\n  Detalles:\n  ¿Nivel?: Local\n\
             \n\n  (a) Describa la iniciativa (máximo 100 palabras)\n  Subió un 40% en dos años & más.\n  - Uno\n\nFin\n"
        );
        // A backslash or an item in prose is no LaTeX.
        let kept = "Path C:\\begin{x} \\end{y}\n\\item one\n";
        let mut text = kept.to_string();
        assert_eq!(read_latex(&mut text), 0);
        assert_eq!(text, kept);
    }

    #[test]
    fn a_form_written_in_latex_is_read_as_a_form() {
        let mut text = "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\begin{document}\n\
                        \\section*{Basic information}\n\\begin{description}\n  \\item[Member State] Ghana\n\
                        \x20 \\item[Institution Name] Tamale Assembly\n  \\item[Initiative name] Clean Water for All\n\
                        \\end{description}\n\\subsection*{Question~1}\n\
                        \\noindent\\emph{Please describe the initiative (300~words maximum)}\n\n\
                        \\noindent Wells were dug for 20\\% of homes.\n\\subsection*{Question~2}\n\
                        \\noindent\\emph{Please explain how it fits the category (100~words maximum)}\n\n\
                        \\noindent It serves everyone.\n\\end{document}\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.warnings().iter().any(|w| w.0 == "latex_read"));
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let value = |key: &str| crate::testgen::field_value(&doc, key);
        assert_eq!(value("field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(value("field.initiative_name").as_deref(), Some("Clean Water for All"));
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
    }
}
