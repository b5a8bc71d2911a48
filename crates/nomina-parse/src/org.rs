//! A form kept as an Emacs org-mode outline (`* Heading`, `- label ::
//! value`, `#+TITLE:` keywords, `[[links]]`), read as the lines it shows.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// The fewest `- label :: value` items that make a text an org outline: a
/// lone ` :: ` in prose is text.
const MIN_ITEMS: usize = 3;

/// Reads an org-mode outline holding [`MIN_ITEMS`] description items as
/// the lines it shows and says how many marks it read: an item
/// `- Country :: Ghana` reads as `Country: Ghana` (`Country:` when empty),
/// a heading's stars and a `#+KEY:` keyword line's key go (the keyword's
/// value stays), a drawer's opening and closing lines (`:PROPERTIES:`,
/// `:END:`) are left empty, and a link reads as its text (`[[https://…]]` as the
/// address, `[[target][text]]` as `text`). Lines keep their numbers.
pub fn read_org(text: &mut String) -> usize {
    if !text.contains(" ::") {
        return 0;
    }
    static ITEM: OnceLock<Regex> = OnceLock::new();
    let item = ITEM.get_or_init(|| Regex::new(r"(?m)^[ \t]*([-+] +)\S[^\n]*?( ::)(?: |$)").expect("org item pattern"));
    let items: Vec<(Range<usize>, Range<usize>)> =
        item.captures_iter(text).filter_map(|c| Some((c.get(1)?.range(), c.get(2)?.range()))).collect();
    if items.len() < MIN_ITEMS {
        return 0;
    }
    static MARKS: OnceLock<Regex> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        Regex::new(r"(?m)^(?:\*+ +|#\+[A-Za-z_]+:[ \t]*|[ \t]*:[A-Za-z_]+:[ \t]*$)|\[\[[^\]\n]*\](?:\[[^\]\n]*\])?\]")
            .expect("org marks pattern")
    });
    let mut cuts: Vec<(Range<usize>, String)> = Vec::new();
    for (dash, colons) in items {
        cuts.push((dash, String::new()));
        cuts.push((colons, ":".to_string()));
    }
    let mut drawer = false;
    for m in marks.find_iter(text) {
        let s = m.as_str();
        if s.starts_with('*') || s.starts_with('#') {
            cuts.push((m.range(), String::new()));
        } else if s.starts_with("[[") {
            // `[[target]]` shows the target, `[[target][text]]` the text.
            let inner = &s[2..s.len() - 2];
            let shown = inner.split_once("][").map_or(inner, |(_, t)| t);
            cuts.push((m.range(), shown.to_string()));
        } else {
            // A drawer's opening and closing lines, and what lies between.
            let name = s.trim();
            if !drawer && name != ":END:" {
                drawer = true;
                cuts.push((m.range(), String::new()));
            } else if drawer && name == ":END:" {
                drawer = false;
                cuts.push((m.range(), String::new()));
            }
        }
    }
    let n = cuts.len();
    let cuts = cuts.iter().map(|(range, with)| (range.clone(), with.as_str())).collect();
    crate::decode::replace_ranges(text, cuts);
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_org_outline_reads_as_labels_and_values() {
        let mut text = "#+TITLE: Ficha\n\n* Datos\n** Institución\n- País :: Ghana\n- Sitio :: [[https://tamale.gov.gh]]\n\
                        - Detalles ::\n- Enlace :: [[https://x.gh][Portal]]\n:PROPERTIES:\n:ID: 12\n:END:\n*** Pregunta 1\n"
            .to_string();
        assert!(read_org(&mut text) > 0);
        assert_eq!(
            text,
            "Ficha\n\nDatos\nInstitución\nPaís: Ghana\nSitio: https://tamale.gov.gh\nDetalles:\nEnlace: Portal\n\n\
             :ID: 12\n\nPregunta 1\n"
        );
        let kept = "Note :: one\nA list:\n- a :: b\n";
        let mut text = kept.to_string();
        assert_eq!(read_org(&mut text), 0);
        assert_eq!(text, kept);
    }
}
