//! A form written as a manual page's source (groff's man macros: `.SH`,
//! `.SS`, `.TP` over a `.B label` over its value, `.IP` items, `\fI…\fP`
//! fonts, `\-` and `\(em` escapes), read as the lines the page shows.

/// What reading a manual page's source did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TroffRead {
    /// Requests, macros and escapes read.
    pub macros: usize,
    /// Blank lines set above headings that followed text.
    pub lines_added: usize,
}

/// The fewest macro lines of the kinds read here that make a text a
/// manual page's source: a line of prose opening with a dot is text.
const MIN_MACROS: usize = 8;

/// Requests and macros that print nothing a reader reads: the title line,
/// paragraph breaks, indents, fill modes, spacing, fonts alone.
const SILENT: [&str; 26] = [
    "ad", "bp", "br", "EE", "EX", "fi", "ft", "hy", "HP", "IX", "in", "LP", "na", "ne", "nf", "nh", "P", "PD", "PP",
    "RE", "RS", "sp", "TH", "ti", "UC", "ll",
];

/// Macros that set their arguments in one font, joined by blanks.
const ONE_FONT: [&str; 4] = ["B", "I", "SB", "SM"];

/// Macros that set their arguments in alternating fonts, joined without
/// blanks.
const ALTERNATING: [&str; 6] = ["BI", "BR", "IB", "IR", "RB", "RI"];

/// The request or macro opening a line (`.SH` in `.SH "Part A"`) and what
/// follows it.
fn request(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(['.', '\''])?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let end = rest.find([' ', '\t']).unwrap_or(rest.len());
    let name = &rest[..end];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) || name.len() > 3 {
        return None;
    }
    Some((name, rest[end..].trim()))
}

fn known(name: &str) -> bool {
    matches!(name, "SH" | "SS" | "TP" | "IP" | "TQ")
        || SILENT.contains(&name)
        || ONE_FONT.contains(&name)
        || ALTERNATING.contains(&name)
}

fn comment(line: &str) -> bool {
    line.starts_with(".\\\"") || line.starts_with("'\\\"") || line.starts_with(".\\#") || line.trim_end() == "."
}

/// A macro's arguments: words apart, or quoted (`"Part A"`).
fn arguments(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if let Some(q) = rest.strip_prefix('"') {
            let end = q.find('"').unwrap_or(q.len());
            out.push(&q[..end]);
            rest = q.get(end + 1..).unwrap_or("").trim_start();
        } else {
            let end = rest.find([' ', '\t']).unwrap_or(rest.len());
            out.push(&rest[..end]);
            rest = rest[end..].trim_start();
        }
    }
    out
}

/// Reads a text written as a manual page's source ([`MIN_MACROS`] macro
/// lines of the kinds read here, a `.SH` or `.TH` among them) as the lines
/// the page shows: a tagged paragraph's tag (`.TP` over `.B Country`)
/// reads as `Country: Ghana` when its value is one line under it (the
/// value's line left blank), as `Country:` over its value otherwise; an
/// indented paragraph's tag (`.IP "(a)" 4`, `.IP \(bu 2`) goes before the
/// next line of text (a bullet as a dash); headings (`.SH`, `.SS`) read as
/// their text, set off by a blank line above; other requests and comments
/// leave their lines blank; font escapes (`\fI…\fP`) go and character
/// escapes (`\-`, `\(em`, `\(bu`, `\e`) read as their characters. Any
/// other text is left as it is.
pub fn read_troff(text: &mut String) -> TroffRead {
    let b = text.as_bytes();
    if !(b.starts_with(b".")
        || memchr::memmem::find(b, b"\n.SH").is_some()
        || memchr::memmem::find(b, b"\n.TH").is_some())
    {
        return TroffRead::default();
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut macros = 0;
    let mut titled = false;
    for l in &lines {
        if let Some((name, _)) = request(l).filter(|(name, _)| known(name)) {
            macros += 1;
            titled |= name == "SH" || name == "TH";
        }
    }
    if macros < MIN_MACROS || !titled {
        return TroffRead::default();
    }
    let mut read = TroffRead::default();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut ends: Vec<&str> = Vec::with_capacity(lines.len());
    // A `.TP` waits for its tag; an `.IP`'s tag waits for its text.
    let mut tagged = false;
    let mut pending: Option<String> = None;
    let mut k = 0;
    while k < lines.len() {
        let (line, end) = match lines[k].strip_suffix('\r') {
            Some(l) => (l, "\r\n"),
            None => (lines[k], "\n"),
        };
        k += 1;
        if comment(line) {
            read.macros += 1;
            out.push(String::new());
            ends.push(end);
            continue;
        }
        let shown = match request(line).filter(|(name, _)| known(name)) {
            None if line.starts_with(['.', '\'']) => {
                // An unknown request stays as written.
                out.push(line.to_string());
                ends.push(end);
                continue;
            }
            None => escapes(line, &mut read.macros),
            Some((name, rest)) => {
                read.macros += 1;
                if name == "TP" || name == "TQ" {
                    tagged = true;
                    pending = None;
                    out.push(String::new());
                    ends.push(end);
                    continue;
                }
                if name == "SH" || name == "SS" {
                    tagged = false;
                    pending = None;
                    if out.last().is_some_and(|l| !l.trim().is_empty()) {
                        out.push(String::new());
                        ends.push(end);
                        read.lines_added += 1;
                    }
                    out.push(escapes(&arguments(rest).join(" "), &mut read.macros));
                    ends.push(end);
                    continue;
                }
                if name == "IP" {
                    tagged = false;
                    pending = arguments(rest).first().map(|tag| {
                        let tag = escapes(tag, &mut read.macros);
                        if matches!(tag.as_str(), "•" | "·" | "-" | "*" | "o" | "+") {
                            "- ".to_string()
                        } else {
                            tag + " "
                        }
                    });
                    out.push(String::new());
                    ends.push(end);
                    continue;
                }
                if ONE_FONT.contains(&name) {
                    escapes(&arguments(rest).join(" "), &mut read.macros)
                } else if ALTERNATING.contains(&name) {
                    escapes(&arguments(rest).concat(), &mut read.macros)
                } else {
                    out.push(String::new());
                    ends.push(end);
                    continue;
                }
            }
        };
        let mut shown = match pending.take() {
            Some(tag) if !shown.trim().is_empty() => tag + &shown,
            Some(tag) => {
                pending = Some(tag);
                shown
            }
            None => shown,
        };
        if std::mem::take(&mut tagged) {
            shown.push(':');
            // A value of one line under its tag goes on the tag's line.
            let next = lines.get(k).map(|l| l.trim_end_matches('\r'));
            let after = lines.get(k + 1).map(|l| l.trim_end_matches('\r'));
            if let Some(value) = next.filter(|v| !v.trim().is_empty() && !v.starts_with(['.', '\'']))
                && after.is_none_or(|a| a.trim().is_empty() || a.starts_with(['.', '\'']))
            {
                shown.push(' ');
                shown.push_str(escapes(value, &mut read.macros).trim());
                out.push(shown);
                ends.push(end);
                out.push(String::new());
                ends.push(lines[k].strip_suffix('\r').map_or("\n", |_| "\r\n"));
                k += 1;
                continue;
            }
        }
        out.push(shown);
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

/// A special character's name (`em` in `\(em`, `\[em]`) as the character.
fn special(name: &str) -> Option<&'static str> {
    Some(match name {
        "em" => "—",
        "en" => "–",
        "hy" => "-",
        "bu" => "•",
        "aq" => "'",
        "dq" => "\"",
        "lq" => "“",
        "rq" => "”",
        "oq" => "‘",
        "cq" => "’",
        "Fo" => "«",
        "Fc" => "»",
        "co" => "©",
        "rg" => "®",
        "tm" => "™",
        "de" => "°",
        "mu" => "×",
        "ti" => "~",
        "ha" => "^",
        "rs" => "\\",
        "sl" => "/",
        "at" => "@",
        "Eu" | "eu" => "€",
        ">=" => "≥",
        "<=" => "≤",
        _ => return None,
    })
}

/// `line` with its escapes read: fonts (`\fI`, `\fP`, `\f[B]`) and sizes
/// (`\s-1`) go, `\-` reads as a hyphen, `\(em` and `\[em]` as their
/// characters, `\e` as a backslash, `\&`, `\|`, `\^` and `\%` as nothing,
/// `\ ` and `\~` as a blank. An escape not known stays as written.
fn escapes(line: &str, count: &mut usize) -> String {
    if !line.contains('\\') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let mut chars = after.chars();
        let Some(e) = chars.next() else {
            out.push('\\');
            rest = "";
            break;
        };
        let (shown, used): (Option<&str>, usize) = match e {
            '-' => (Some("-"), 1),
            'e' | '\\' => (Some("\\"), 1),
            '&' | '|' | '^' | '%' | ':' | 'c' => (Some(""), 1),
            ' ' | '~' | '0' => (Some(" "), 1),
            '(' => match after.get(1..3) {
                Some(name) => (special(name), 3),
                None => (None, 0),
            },
            '[' => match after.find(']') {
                Some(close) => (special(&after[1..close]), close + 1),
                None => (None, 0),
            },
            'f' => match chars.next() {
                Some('(') => (Some(""), after.get(1..4).map_or(0, |_| 4)),
                Some('[') => after.find(']').map_or((None, 0), |close| (Some(""), close + 1)),
                Some(c) if c.is_ascii_alphanumeric() => (Some(""), 2),
                _ => (None, 0),
            },
            's' => {
                let digits = after[1..].trim_start_matches(['+', '-']);
                let sign = after.len() - 1 - digits.len();
                let n = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
                if n > 0 { (Some(""), 1 + sign + n) } else { (None, 0) }
            }
            _ => (None, 0),
        };
        match shown {
            Some(s) if used > 0 => {
                *count += 1;
                out.push_str(s);
                rest = &after[used..];
            }
            _ => {
                out.push('\\');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair_plain_text;
    use crate::testgen::assert_first_question;

    #[test]
    fn a_manual_page_form_reads_as_labels_values_and_prompts() {
        let mut text = ".\\\" made by hand\n.TH GH\\-2021 7 \"2021\"\n.SH \"Application form\"\n.PP\n.B \"Check twice\"\n\
                        .SS \"Institution\"\n.TP\n.B Member State\nGhana\n.TP\n.B Website\n.\\\" none\n.TP\n.B Goals\n.RS\n\
                        .IP \\(bu 2\nGoal 6 \\(em Clean water\n.IP \\(bu 2\nGoal 11\n.RE\n.SS \"Question 1\"\n.IP \"(a)\" 4\n\
                        \\fIPlease describe the initiative.\\fP \\(em 300 words maximum\n.RS 4\n.PP\n\
                        Wells were dug in twelve villages at low\\-cost.\n.RE\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.troff.lines_added, 1);
        assert!(repairs.warnings().iter().any(|w| w.0 == "manual_page_read"));
        assert!(text.contains("\nMember State: Ghana\n\n"), "{text}");
        assert!(text.contains("\nWebsite:\n\n"));
        assert!(text.contains("\nGoals:\n\n\n- Goal 6 — Clean water\n\n- Goal 11\n"));
        assert!(text.contains("Check twice\n\nInstitution\n"));
        assert!(text.contains("\n(a) Please describe the initiative. — 300 words maximum\n"));
        assert!(text.contains("\nWells were dug in twelve villages at low-cost.\n"));
        assert_first_question(text, "Ghana", (1, 'a', 300));
    }

    #[test]
    fn prose_opening_lines_with_dots_is_left_alone() {
        let kept = "...and then\n.SH is a word here\n.B. Smith wrote\n. . .\nThe end.\n";
        let mut text = kept.to_string();
        assert_eq!(read_troff(&mut text), TroffRead::default());
        assert_eq!(text, kept);
        assert_eq!(escapes("a \\fBbold\\fR \\(em \\[en] \\s-1small\\s0 \\q", &mut 0), "a bold — – small \\q");
    }
}
