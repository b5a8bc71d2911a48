//! Lines of a text, with their byte spans.

use crate::Span;

/// One line of the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// The line without its line break.
    pub span: Span,
    /// The line without leading and trailing whitespace (empty span for a
    /// blank line).
    pub trimmed: Span,
}

/// Splits `text` into lines at `\n`, `\r\n` and lone `\r`.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    loop {
        let Some(offset) = memchr::memchr2(b'\n', b'\r', &bytes[start..]) else {
            let span = Span::new(start, bytes.len());
            out.push(Line { number: out.len() + 1, span, trimmed: trim(text, span) });
            break;
        };
        let end = start + offset;
        let span = Span::new(start, end);
        out.push(Line { number: out.len() + 1, span, trimmed: trim(text, span) });
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
    }
    // A final line break does not open another line.
    if out.len() > 1 && out.last().is_some_and(|l| l.span.is_empty()) {
        out.pop();
    }
    out
}

/// `span` of `text` without leading and trailing whitespace, including
/// non-breaking spaces and format characters.
pub fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    // Most lines start and end with a printable ASCII character, which is
    // neither whitespace nor a format character: nothing to trim.
    if let (Some(&first), Some(&last)) = (s.as_bytes().first(), s.as_bytes().last())
        && (b'!'..=b'~').contains(&first)
        && (b'!'..=b'~').contains(&last)
    {
        return span;
    }
    let is_blank = |c: char| c.is_whitespace() || nomina_refdata::fold::is_format(c);
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let rest = &s[lead..];
    let body = rest.trim_end_matches(is_blank).len();
    if body == 0 { Span::new(span.end, span.end) } else { Span::new(span.start + lead, span.start + lead + body) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_break_style() {
        let text = "a\r\nb\rc\n\nd\n";
        let ls = lines(text);
        let got: Vec<&str> = ls.iter().map(|l| &text[l.span.start..l.span.end]).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        assert_eq!(ls[4].number, 5);
        // Every mix of breaks, as the plain definition splits them.
        for text in ["", "\n", "\r", "\r\n", "\n\r", "\r\r\n\n", "a\r\n\r\nb", "a\n\rb\r", "x\r\n"] {
            let mut expected: Vec<&str> = text.split("\r\n").flat_map(|p| p.split(['\r', '\n'])).collect();
            if expected.len() > 1 && expected.last() == Some(&"") {
                expected.pop();
            }
            let got: Vec<&str> = lines(text).iter().map(|l| &text[l.span.range()]).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn trims_nbsp_and_direction_marks() {
        let text = "\u{a0} Member State\u{200f} \t";
        let t = trim(text, Span::new(0, text.len()));
        assert_eq!(&text[t.start..t.end], "Member State");
        let blank = "\u{a0}  ";
        assert!(trim(blank, Span::new(0, blank.len())).is_empty());
        // Every ASCII character at either end, and some that are not.
        let ends: Vec<String> = (0u8..128)
            .map(|b| char::from(b).to_string())
            .chain(["\u{a0}", "é", "\u{200b}", "中"].map(String::from))
            .collect();
        for a in &ends {
            for b in &ends {
                let text = format!("{a}x y{b}");
                let is_blank = |c: char| c.is_whitespace() || nomina_refdata::fold::is_format(c);
                let expected = text.trim_matches(is_blank);
                let t = trim(&text, Span::new(0, text.len()));
                assert_eq!(&text[t.start..t.end], expected, "{text:?}");
            }
        }
    }
}
