//! A parsed news article to the `news` part of the record.

use nomina_parse::{Document, LineRef, News as ParsedNews};

use crate::record::{News, Warning};
use crate::text::clean_line;
use crate::{Options, Output};

pub(crate) fn normalize_news(doc: &Document, article: &ParsedNews, options: &Options, out: &mut Output) -> News {
    let lines = |refs: &[LineRef], out: &mut Output| -> Vec<String> {
        refs.iter()
            .map(|l| {
                out.coverage.mark(l.span);
                clean_line(doc.slice(l.span))
            })
            .collect()
    };
    out.coverage.mark(article.title.span);
    let mut title = clean_line(doc.slice(article.title.span));
    // A headline printed twice over on one line (its copy run on, as a
    // scraper joins a heading and its link): the headline once, the copy
    // reported.
    if let Some(once) = undoubled(&title) {
        out.warnings.push(
            Warning::new(
                "repeated_text",
                "the headline is printed twice on its line; kept once",
                Some(article.title.line),
            )
            .with_text(title.clone()),
        );
        title = once.to_string();
    }
    // A headline printed as a list's item (`• Headline`) is the item's text.
    if let Some(item) = without_bullet(&title) {
        title = item.to_string();
    }
    let byline = article.byline.map(|b| {
        out.coverage.mark(b.at.span);
        clean_line(doc.slice(b.name))
    });
    // The page's script settles the order of an ambiguous date where it
    // writes them day first; otherwise the configured order does.
    let order = if article.day_first { nomina_parse::DateOrder::DayFirst } else { options.date_order };
    let text_date = article.published.map(|d| {
        out.coverage.mark(d.at.span);
        let parsed = d.found.read(order);
        if parsed.ambiguous {
            out.warnings.push(
                Warning::new(
                    "ambiguous_date",
                    format!("day and month could be swapped; read as {}", parsed.date),
                    Some(d.at.line),
                )
                .with_text(doc.slice(d.date)),
            );
        }
        parsed.date
    });
    // The markup's date goes before the text's (a saved page's
    // `article:published_time`, JSON-LD or `<time datetime>`).
    let published = article.markup_date.map(|d| d.read(options.date_order).date).or(text_date);
    // A date the page labels as an update is kept as a warning, never in
    // place of the publication date.
    if let Some(u) = article.updated
        && article.published.is_none_or(|p| p.at != u.at)
    {
        out.coverage.mark(u.at.span);
        let date = u.found.read(order).date;
        out.warnings.push(
            Warning::new("updated_date", format!("the page says it was updated on {date}"), Some(u.at.line))
                .with_text(doc.slice(u.at.span)),
        );
    }
    let captions = lines(&article.captions, out);
    let headings = article
        .headings
        .iter()
        .map(|h| {
            out.coverage.mark(h.at.span);
            clean_line(doc.slice(h.text))
        })
        .collect();
    let paragraphs = lines(&article.paragraphs, out);
    // Chrome is kept as the page wrote it (trimmed), so that it can be
    // matched against the page.
    let boilerplate = article
        .boilerplate
        .iter()
        .map(|l| {
            out.coverage.mark(l.span);
            doc.slice(l.span).to_string()
        })
        .collect();
    if let Some(d) = options.detector {
        crate::count_languages(d, &paragraphs, out);
    }
    News { title, byline, published, captions, headings, paragraphs, boilerplate }
}

/// `s` without the list's bullet and the blank that open it, when it
/// opens so (the parser's reading of a bullet, as for a form's lines).
fn without_bullet(s: &str) -> Option<&str> {
    nomina_parse::bullet_len(s).map(|n| &s[n..])
}

/// The fewest characters of a text whose doubling is taken for a copy run
/// on, not a word said twice.
const MIN_DOUBLED_CHARS: usize = 12;

/// `s` printed twice over (`XX`, `X X`): its first copy.
fn undoubled(s: &str) -> Option<&str> {
    let half = s.len() / 2;
    if !s.is_char_boundary(half) || s[..half].chars().count() < MIN_DOUBLED_CHARS {
        return None;
    }
    let (first, rest) = s.split_at(half);
    let rest = if s.len() % 2 == 1 { rest.strip_prefix(' ')? } else { rest };
    (first == rest).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_printed_as_a_list_item_loses_its_bullet() {
        assert_eq!(without_bullet("• Council approves budget"), Some("Council approves budget"));
        assert_eq!(without_bullet("- Совет утвердил бюджет"), Some("Совет утвердил бюджет"));
        // A sign that is part of the words stays.
        assert_eq!(without_bullet("-5 degrees tonight"), None);
        assert_eq!(without_bullet("Council approves budget"), None);
    }

    #[test]
    fn a_text_printed_twice_over_is_its_first_copy() {
        let once = "د.أحمد عزيز يكشف طريقة جديدة لرصد كورونا";
        assert_eq!(undoubled(&format!("{once}{once}")), Some(once));
        assert_eq!(undoubled("Council approves budget Council approves budget"), Some("Council approves budget"));
        // Short words said twice, or two different halves, stay.
        assert_eq!(undoubled("Bye bye"), None);
        assert_eq!(undoubled("Council approves budget Council approves budgets"), None);
    }
}
