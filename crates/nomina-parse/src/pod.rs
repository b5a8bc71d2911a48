//! A form written as Perl's Plain Old Documentation (`=head2` titles,
//! `=item label` over a paragraph of its value, nested `=item *` lists,
//! `I<…>` codes, verbatim paragraphs), read as the lines a reader shows.

/// The fewest command lines of the kinds read here that make a text POD:
/// a line of prose opening with `=` is text.
const MIN_COMMANDS: usize = 5;

/// The command opening a line (`head2` in `=head2 Part A`) and its text.
fn command(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('=')?;
    let end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
    let name = &rest[..end];
    let known = matches!(name, "head1" | "head2" | "head3" | "head4" | "over" | "item" | "back")
        || matches!(name, "pod" | "cut" | "encoding" | "begin" | "end" | "for");
    let after = &rest[end..];
    if !known || !(after.is_empty() || after.starts_with([' ', '\t', '\r'])) {
        return None;
    }
    Some((name, after.trim()))
}

/// A list item's mark that is a bullet.
fn bullet(tag: &str) -> bool {
    matches!(tag, "*" | "•" | "o" | "+" | "-")
}

/// A part's mark (`(a)`, `1.`, `b)`, `II`): a few characters, holding a
/// digit or a mark, or one or two letters alone.
fn marker(tag: &str) -> bool {
    let n = tag.chars().count();
    n > 0 && n <= 5 && !tag.contains(char::is_whitespace) && (n <= 2 || tag.chars().any(|c| !c.is_alphabetic()))
}

/// Reads a text written as POD ([`MIN_COMMANDS`] command lines, a
/// `=head` or `=over` among them) as the lines it shows and says how many
/// command lines it read: titles (`=head1` … `=head4`) read as their text;
/// an item whose tag is a label reads as `label: value` when its value is
/// one line (the value's lines left blank), as `label:` over it otherwise
/// (a label closed by `?` or `:` keeps its own mark); a bullet list's
/// items (`=item *` over a paragraph) read one a line after a dash from
/// the list's `=over` on; a short tag (`(a)`, `1.`) goes before the next
/// line of text; other commands (`=over`, `=back`, `=cut`) leave their lines
/// blank; codes (`I<…>`, `B<…>`, `C<…>`, `L<text|…>`) read as their text
/// and `E<lt>`, `E<gt>` as their characters outside verbatim (indented)
/// paragraphs, which stay as written. Lines keep their numbers.
pub fn read_pod(text: &mut String) -> usize {
    let b = text.as_bytes();
    if !(b.starts_with(b"=") || memchr::memmem::find(b, b"\n=").is_some()) {
        return 0;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let (mut commands, mut framed) = (0, false);
    for l in &lines {
        if let Some((name, _)) = command(l) {
            commands += 1;
            framed |= name.starts_with("head") || name == "over";
        }
    }
    if commands < MIN_COMMANDS || !framed {
        return 0;
    }
    let bare = |l: &str| l.strip_suffix('\r').unwrap_or(l).to_string();
    let mut out: Vec<String> = lines.iter().map(|l| bare(l)).collect();
    let blank = |l: &str| l.trim().is_empty();
    // A tag waiting for the text it marks, and the line it stands on.
    let mut pending: Option<(usize, String)> = None;
    let mut read = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].strip_suffix('\r').unwrap_or(lines[i]);
        let Some((name, rest)) = command(line) else {
            if !blank(line) {
                let shown = if line.starts_with([' ', '\t']) { line.to_string() } else { codes(line) };
                out[i] = match pending.take() {
                    Some((at, tag)) => {
                        out[at].clear();
                        tag + shown.trim_start()
                    }
                    None => shown,
                };
            }
            i += 1;
            continue;
        };
        read += 1;
        out[i] = String::new();
        if name.starts_with("head") {
            pending = None;
            out[i] = codes(rest);
        } else if name == "over"
            && let Some(end) = bullet_list(&lines, i)
        {
            // The items one a line from the `=over` on, the rest blank.
            let mut at = i;
            let mut item: Option<String> = None;
            for l in &lines[i + 1..end] {
                let l = l.strip_suffix('\r').unwrap_or(l);
                if command(l).is_some() {
                    read += 1;
                    if let Some(done) = item.replace(String::new()) {
                        out[at] = format!("- {done}");
                        at += 1;
                    }
                } else if !blank(l)
                    && let Some(item) = item.as_mut()
                {
                    if !item.is_empty() {
                        item.push(' ');
                    }
                    item.push_str(codes(l).trim());
                }
            }
            if let Some(done) = item {
                out[at] = format!("- {done}");
                at += 1;
            }
            for l in &mut out[at..=end] {
                l.clear();
            }
            read += 1;
            i = end + 1;
            continue;
        } else if name == "item" {
            let tag = codes(rest);
            let tag = tag.trim();
            if tag == "-" {
                // A dash marks no part: the text after it is a prompt.
                pending = None;
            } else if bullet(tag) {
                pending = Some((i, "- ".to_string()));
            } else if marker(tag) {
                // Kept on its line until the text it marks comes.
                out[i] = tag.to_string();
                pending = Some((i, format!("{tag} ")));
            } else {
                pending = None;
                let mut label = tag.to_string();
                if !label.ends_with(['?', ':', '？', '：', '؟']) {
                    label.push(':');
                }
                // A value of one line goes on its label's line.
                let next = (i + 1..lines.len()).find(|&j| !blank(lines[j]));
                if let Some(j) = next
                    && command(lines[j]).is_none()
                    && !lines[j].starts_with([' ', '\t'])
                    && lines.get(j + 1).is_none_or(|l| blank(l))
                {
                    label.push(' ');
                    label.push_str(codes(lines[j].trim_end_matches('\r')).trim());
                    out[i] = label;
                    for l in &mut out[i + 1..=j] {
                        l.clear();
                    }
                    i = j + 1;
                    continue;
                }
                out[i] = label;
            }
        }
        i += 1;
    }
    if read == 0 {
        return 0;
    }
    let mut text_out = String::with_capacity(text.len());
    for (k, l) in out.iter().enumerate() {
        text_out.push_str(l);
        if k + 1 < out.len() {
            text_out.push_str(if lines[k].ends_with('\r') { "\r\n" } else { "\n" });
        }
    }
    *text = text_out;
    read
}

/// The line of the `=back` closing the list opened by `=over` on line
/// `at`, when each of its items is a bullet (`=item *`) over text and it
/// holds no list of its own.
fn bullet_list(lines: &[&str], at: usize) -> Option<usize> {
    // Items, and the paragraphs of the last one: an item of two paragraphs
    // or of verbatim text (a prompt over its answer) is no list's item.
    let (mut items, mut paragraphs, mut in_paragraph) = (0, 0, false);
    for (j, l) in lines.iter().enumerate().skip(at + 1) {
        match command(l) {
            Some(("back", _)) => return (items > 0).then_some(j),
            Some(("item", tag)) if bullet(tag) => {
                items += 1;
                (paragraphs, in_paragraph) = (0, false);
            }
            Some(_) => return None,
            None if l.trim().is_empty() => in_paragraph = false,
            None if items == 0 || l.starts_with([' ', '\t']) => return None,
            None => {
                if !in_paragraph {
                    paragraphs += 1;
                    in_paragraph = true;
                }
                if paragraphs > 1 {
                    return None;
                }
            }
        }
    }
    None
}

/// `line` with its formatting codes read: `I<…>`, `B<…>`, `C<…>`, `F<…>`,
/// `S<…>` as their text, `L<text|target>` as its text, `E<lt>`, `E<gt>`,
/// `E<verbar>`, `E<sol>` as their characters, `X<…>` and `Z<>` as
/// nothing; `I<< … >>` too. A code left open stays as written.
fn codes(line: &str) -> String {
    if !line.contains('<') {
        return line.to_string();
    }
    // Open codes: letter, count of `<`, where its text starts in `out`, and
    // where its opener starts.
    let mut open: Vec<(char, usize, usize, usize)> = Vec::new();
    let mut out = String::with_capacity(line.len());
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let c = line[i..].chars().next().unwrap_or(' ');
        let prev_word = i > 0 && line[..i].chars().next_back().is_some_and(char::is_alphanumeric);
        if matches!(c, 'I' | 'B' | 'C' | 'F' | 'S' | 'L' | 'E' | 'X' | 'Z')
            && !prev_word
            && bytes.get(i + 1) == Some(&b'<')
        {
            let n = bytes[i + 1..].iter().take_while(|&&b| b == b'<').count();
            let spaced = n == 1 || bytes.get(i + 1 + n) == Some(&b' ');
            if spaced {
                let skip = if n == 1 { 2 } else { 2 + n };
                open.push((c, n, out.len(), i));
                i = (i + skip).min(line.len());
                continue;
            }
        }
        if c == '>'
            && let Some(&(code, n, start, _)) = open.last()
        {
            let closes = if n == 1 {
                Some(1)
            } else if out.ends_with(' ') && bytes[i..].iter().take_while(|&&b| b == b'>').count() >= n {
                out.pop();
                Some(n)
            } else {
                None
            };
            if let Some(used) = closes {
                open.pop();
                let inner = out.split_off(start);
                out.push_str(&match code {
                    'X' | 'Z' => String::new(),
                    'L' => inner.split_once('|').map_or(inner.as_str(), |(t, _)| t).to_string(),
                    'E' => match inner.as_str() {
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "verbar" => "|".to_string(),
                        "sol" => "/".to_string(),
                        "nbsp" => "\u{a0}".to_string(),
                        _ => format!("E<{inner}>"),
                    },
                    _ => inner,
                });
                i += used;
                continue;
            }
        }
        out.push(c);
        i += c.len_utf8();
    }
    if open.is_empty() {
        out
    } else {
        // A code left open: the line was no POD of codes.
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{Body, parse, repair_plain_text};

    #[test]
    fn a_pod_form_reads_as_labels_values_lists_and_prompts() {
        let mut text = "=encoding utf8\n\n=head1 Application form\n\n=head2 Institution\n\n=over 4\n\n\
                        =item Member State\n\nGhana\n\n=item Website\n\n=item Are you public?\n\nYes\n\n\
                        =item Goals\n\n=over 2\n\n=item *\n\nGoal 6\n\n=item *\n\nGoal 11\n\n=back\n\n=back\n\n\
                        =head2 Question 1\n\n=over 4\n\n=item (a)\n\nI<Please describe the initiative.> (300 words \
                        maximum)\n\n  Wells were dug in <twelve> villages\n  at low cost.\n\n=back\n\n=head2 Question 2\n\n\
                        =over 4\n\n=item -\n\nI<Please explain.> (100 words maximum)\n\n  It works.\n\n=back\n\n=cut\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.pod > 10);
        assert!(repairs.warnings().iter().any(|w| w.0 == "pod_read"));
        assert!(text.contains("\nMember State: Ghana\n\n\n\n"), "{text}");
        assert!(text.contains("\nWebsite:\n"));
        assert!(text.contains("\nAre you public? Yes\n"));
        assert!(text.contains("\nGoals:\n\n- Goal 6\n- Goal 11\n\n"), "{text}");
        assert!(text.contains("\n(a) Please describe the initiative. (300 words maximum)\n"));
        assert!(text.contains("\n  Wells were dug in <twelve> villages\n  at low cost.\n"));
        assert!(text.contains("\n\nPlease explain. (100 words maximum)\n"));
        assert_eq!(text.split('\n').count(), 61);
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions[0].number, 1);
        assert_eq!(form.questions[0].parts[0].letter, Some('a'));
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
    }

    #[test]
    fn prose_with_equal_signs_is_left_alone() {
        let kept = "=over the top\nx\n=item one\n=head is no command\n== a rule ==\n";
        let mut text = kept.to_string();
        assert_eq!(read_pod(&mut text), 0);
        assert_eq!(text, kept);
        assert_eq!(
            codes("I<a> B<< b > c >> L<Page|https://x> E<lt>x E<gt> 2<3 I<open"),
            "I<a> B<< b > c >> L<Page|https://x> E<lt>x E<gt> 2<3 I<open"
        );
        assert_eq!(codes("I<a> B<< b > c >> L<Page|https://x> E<lt>x E<gt> 2<3"), "a b > c Page <x > 2<3");
    }
}
