//! A form written in AsciiDoc (`== Heading`, `label:: value` description
//! lists, `:name: value` attribute entries, `____` quote blocks), read as
//! the lines it shows.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// The fewest description items (`label:: value`) or attribute entries
/// (`:name: value`) that make a text AsciiDoc: a lone `::` is text.
const MIN_ENTRIES: usize = 3;

/// The fewest kinds of AsciiDoc marks (entries, items, headings, block
/// delimiters, block attributes, preprocessor lines) that make a text
/// AsciiDoc.
const MIN_KINDS: usize = 3;

/// Reads a text written in AsciiDoc, holding [`MIN_ENTRIES`] description
/// items or attribute entries among [`MIN_KINDS`] kinds of marks, as the
/// lines it shows and says how many marks it read: a description item
/// `Country:: Ghana` reads as `Country: Ghana` (`Country:` when empty), a
/// heading's `=` signs and an admonition's `NOTE: ` go, attribute entries
/// (`:lang: es`), comments, preprocessor lines (`ifdef::…[]`), block
/// attribute lines (`[horizontal]`), delimiters (`____`, `====`) and page
/// breaks (`<<<`) leave their lines empty, `*strong*`, `_emphasis_` and
/// `` `code` `` marks go, `{nbsp}` reads as a blank, and a link or a role
/// as its text (`link:…[Back]` as `Back`). Lines keep their numbers.
pub fn read_asciidoc(text: &mut String) -> usize {
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"::").is_none() || memchr::memmem::find(b, b"= ").is_none() {
        return 0;
    }
    static LINE: OnceLock<Regex> = OnceLock::new();
    let line_mark = LINE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:(?P<attr>:!?[\w-]+!?:(?:[ \t].*)?)",
            r"|(?P<item>[^\s:;][^\n]*?)(?P<colons>:{2,4}|;;)(?:[ \t]+\S.*)?",
            r"|(?P<head>={1,6}[ \t]+)\S.*",
            r"|(?P<delim>_{4,}|={4,}|-{4,}|\*{4,}|\.{4,}|\+{4,}|/{4,}|--|<<<|'{3,})",
            r"|(?P<comment>//(?:[^/].*)?)",
            r"|(?P<pre>(?:ifdef|ifndef|ifeval|endif|include)::[^\[\s]*\[.*\])",
            r"|(?P<block>\[[\w.#%,=' -]*\])",
            r"|(?P<admonition>(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+)\S.*",
            r")[ \t]*$",
        ))
        .expect("asciidoc line pattern")
    });
    let mut cuts: Vec<(Range<usize>, &str)> = Vec::new();
    let mut kinds = [0usize; 6];
    let mut entries = 0;
    let mut comment_block = false;
    let mut start = 0;
    for line in text.split('\n') {
        let at = start;
        start += line.len() + 1;
        let line = line.trim_end_matches('\r');
        let whole = at..at + line.len();
        if comment_block {
            // A comment block's lines, up to its closing `////`.
            comment_block = !line.starts_with("////");
            cuts.push((whole, ""));
            continue;
        }
        let Some(c) = line_mark.captures(line) else { continue };
        if c.name("attr").is_some() {
            kinds[0] += 1;
            entries += 1;
            cuts.push((whole, ""));
        } else if let Some(colons) = c.name("colons") {
            kinds[1] += 1;
            entries += 1;
            cuts.push((at + colons.start()..at + colons.end(), ":"));
        } else if let Some(head) = c.name("head") {
            kinds[2] += 1;
            cuts.push((at..at + head.end(), ""));
        } else if let Some(delim) = c.name("delim") {
            kinds[3] += 1;
            comment_block = delim.as_str().starts_with("////");
            cuts.push((whole, ""));
        } else if c.name("comment").is_some() || c.name("pre").is_some() {
            kinds[4] += 1;
            cuts.push((whole, ""));
        } else if c.name("block").is_some() {
            kinds[5] += 1;
            cuts.push((whole, ""));
        } else if let Some(label) = c.name("admonition") {
            cuts.push((at..at + label.end(), ""));
        }
    }
    if entries < MIN_ENTRIES || kinds.iter().filter(|&&n| n > 0).count() < MIN_KINDS {
        return 0;
    }
    static INLINE: OnceLock<[Regex; 3]> = OnceLock::new();
    let inline = INLINE.get_or_init(|| {
        [
            r"(?P<nbsp>\{nbsp\}|\{sp\})|(?P<empty>\{empty\}|\{zwsp\})",
            r"(?P<macro>\b(?:link|mailto|xref):[^\s\[]*\[)(?P<shown>[^\]\n]+)\]|(?P<role>\[[\w.-]*\]#)[^#\n]+#",
            r"(?m)(?:^|[^\w*`])(?P<open>[*_`])[^\s*_`](?:[^\n]*?[^\s*_`])?(?P<close>[*_`])(?:[^\w*`]|$)",
        ]
        .map(|p| Regex::new(p).expect("asciidoc inline pattern"))
    });
    // Each kind apart: a reference may stand inside an emphasis.
    for pattern in inline {
        for m in pattern.captures_iter(text) {
            let whole = m.get(0).expect("group 0 is the match");
            if m.name("nbsp").is_some() {
                cuts.push((whole.range(), " "));
            } else if m.name("empty").is_some() {
                cuts.push((whole.range(), ""));
            } else if let (Some(open), Some(shown)) = (m.name("macro"), m.name("shown")) {
                cuts.push((open.range(), ""));
                cuts.push((shown.end()..whole.end(), ""));
            } else if let Some(role) = m.name("role") {
                cuts.push((role.range(), ""));
                cuts.push((whole.end() - 1..whole.end(), ""));
            } else if let (Some(open), Some(close)) = (m.name("open"), m.name("close")) {
                // A pair of the same mark only: `*strong*`, `_emphasis_`.
                if open.as_str() == close.as_str() {
                    cuts.push((open.range(), ""));
                    cuts.push((close.range(), ""));
                }
            }
        }
    }
    let n = cuts.len();
    crate::decode::replace_ranges(text, cuts);
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{Body, parse, repair_plain_text};

    const FORM: &str = "= Nomination\n:lang: en\n:toc!:\n// exported from the portal\n\n== Applicant\n\n[horizontal]\n\
                        Member State:: Ghana\nInstitution Name:: Tamale{nbsp}Metropolitan Assembly\nPartners::\n\
                        * UNDP\n\nifdef::backend-pdf[]\n<<<\nendif::[]\n\nNOTE: Answers as they came in.\n\n\
                        == Question 1\n\n*a)* Describe the initiative. _(300{nbsp}words at most)_\n____\nWells in every \
                        ward.\n____\n\nlink:../list/[Back]\n";

    #[test]
    fn an_asciidoc_form_reads_as_the_lines_it_shows() {
        let mut text = FORM.to_string();
        assert!(read_asciidoc(&mut text) > 0);
        assert_eq!(
            text,
            "Nomination\n\n\n\n\nApplicant\n\n\nMember State: Ghana\nInstitution Name: Tamale Metropolitan \
             Assembly\nPartners:\n* UNDP\n\n\n\n\n\nAnswers as they came in.\n\nQuestion 1\n\na) Describe the \
             initiative. (300 words at most)\n\nWells in every ward.\n\n\nBack\n"
        );
        assert_eq!(text.lines().count(), FORM.lines().count());
        // Prose with a `::` and a heading-like line is no AsciiDoc.
        let kept = "= Notes\nSee std::mem for details.\nA *strong* word.\n";
        let mut text = kept.to_string();
        assert_eq!(read_asciidoc(&mut text), 0);
        assert_eq!(text, kept);
    }

    #[test]
    fn an_asciidoc_form_is_parsed_with_its_fields_and_answers() {
        let mut text = FORM.to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.asciidoc > 0);
        assert!(repairs.warnings().iter().any(|w| w.0 == "asciidoc_read"));
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        let Body::Form(form) = &doc.body else { unreachable!() };
        assert_eq!(form.questions.len(), 1);
        assert_eq!(form.questions[0].parts[0].letter, Some('a'));
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
    }
}
