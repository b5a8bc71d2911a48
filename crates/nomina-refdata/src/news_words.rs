//! Words that tell a news page's article from its chrome, in the seven
//! languages of the archive's news pages (`catalog/news.tsv`).

use std::sync::OnceLock;

use crate::tsv;

const NEWS_TSV: &str = include_str!("../catalog/news.tsv");

/// What a word of `catalog/news.tsv` tells about the line it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NewsWordClass {
    /// Interface text of a page (share, print, comments, log in, skip to
    /// content, related articles, copyright, views...).
    Chrome,
    /// A label saying that the date after it is the publication date.
    Published,
    /// A label saying that the date after it is an update, not the
    /// publication.
    Updated,
    /// A word making a date the date of something else: an event, a
    /// deadline, a day celebrated.
    Event,
    /// A word after a name that makes a short line a byline (`김용우 기자`).
    Reporter,
    /// The word that numbers the articles of a legal text (`Article 3`,
    /// `第三条`, `제3조`): a text whose lines start so is a law, not news.
    Legal,
    /// A word that, alone on its line, ends a press release or an agency's
    /// story (`ENDS`, `FIN`, `（完）`, `<끝>`, `-انتهى-`): what follows is the
    /// page's, not the article's.
    End,
    /// A phrase that only a news publication's pages carry, alone on a
    /// short line: a related-news or same-section widget, the news of the
    /// day, the editor's line of a newspaper's masthead. It marks an
    /// article whose page shows no date.
    Newsroom,
    /// The label of a list of other stories, alone on its line (`Latest
    /// news`, `Новости`, `أخبار`): the headline-sized line under it is a
    /// teaser, not the article's headline.
    Feed,
    /// A word naming a publication (`newspaper`, `gazette`, `журнал`,
    /// `جريدة`): a short line at the top of the page holding one is the
    /// site's masthead, not the headline.
    Masthead,
    /// A word of a site's notices to its readers (cookies, the comments'
    /// rules and quotas): such a notice closing the article's run of prose
    /// after a widget is the page's, not the body's.
    Notice,
    /// A word of a copyright or reprint notice (`all rights reserved`,
    /// `不得转载`, `무단전재`): prose holding one at the end of the article
    /// is the site's notice, not the body's, widget or none.
    Rights,
    /// A word of a consent banner (`cookies`, `쿠키`): a short line holding
    /// one and more than one clause or a button (`Accept | More`) is the
    /// site's banner wherever it stands, never the headline or the body.
    Consent,
    /// A word naming a newspaper's issue (`Issue`, `العدد`, `第…期`,
    /// `제…호`): next to its number on a date line, the date is the
    /// issue's, the article's publication date, even over the navigation.
    Edition,
    /// The label of a tag's or a period's archive (`Tag:`, `Архив за день:`,
    /// `标签：`): opening a short line before the page's first paragraph, it
    /// makes the page a list of stories, not an article.
    Archive,
    /// A photo word of Korean, whose pages' credits (`사진=동대문구`) the
    /// form catalogs' six languages (`news.photo`) do not hold.
    Photo,
    /// A label before a byline's name in Korean (`작성자`, `글쓴이`), which
    /// the form catalogs' six languages (`news.byline`) do not hold.
    Byline,
    /// A phrase that only a photo's caption holds near its start, naming
    /// who stands where (`De gauche à droite`, `слева направо`, `왼쪽부터`): a
    /// short line holding it is the caption, not the article's text.
    Caption,
    /// A word opening a line before the day's date that a site shows under
    /// its name (`Today:`, `Сегодня:`, `今天`): that date is the day the
    /// page was read, never the article's. Arabic's `اليوم` is left out: it
    /// opens a newspaper's name (`اليوم السابع`).
    Today,
    /// A read-more link closing a teaser (`... Read more »`, `Читать
    /// дальше`, `阅读全文`): two teasers closed so make a page a list of
    /// stories, not an article.
    More,
    /// The heading of a table of contents (`Índice`, `Sommaire`,
    /// `Содержание`, `目录`): under a headline, it makes the page an issue's
    /// or a report's contents, not an article.
    Contents,
    /// A phrase naming a site as an institution's official one (`official
    /// website`, `официальный сайт`, `门户网站`, `الموقع الرسمي`): a line at the
    /// top of the page that opens or ends with one is the site's name, never
    /// the headline.
    Official,
    /// The label of a post's title on a board's or a table's view page
    /// (`제목`, `标题：`, `Title:`): the rest of a line it opens is the
    /// headline.
    Title,
    /// The name of a news desk or a site's section (`Politics`, `사회`,
    /// `经济`, `Культура`): a row of four or more such names and interface
    /// words is the site's menu, never the headline.
    Desk,
    /// One of the language's most frequent function words (for Korean, a
    /// particle or ending that closes a word; for Chinese, a character).
    Function,
}

impl NewsWordClass {
    fn parse(s: &str) -> Option<NewsWordClass> {
        Some(match s {
            "chrome" => NewsWordClass::Chrome,
            "published" => NewsWordClass::Published,
            "updated" => NewsWordClass::Updated,
            "event" => NewsWordClass::Event,
            "reporter" => NewsWordClass::Reporter,
            "function" => NewsWordClass::Function,
            "legal" => NewsWordClass::Legal,
            "end" => NewsWordClass::End,
            "newsroom" => NewsWordClass::Newsroom,
            "feed" => NewsWordClass::Feed,
            "masthead" => NewsWordClass::Masthead,
            "notice" => NewsWordClass::Notice,
            "rights" => NewsWordClass::Rights,
            "consent" => NewsWordClass::Consent,
            "edition" => NewsWordClass::Edition,
            "archive" => NewsWordClass::Archive,
            "photo" => NewsWordClass::Photo,
            "byline" => NewsWordClass::Byline,
            "caption" => NewsWordClass::Caption,
            "more" => NewsWordClass::More,
            "today" => NewsWordClass::Today,
            "contents" => NewsWordClass::Contents,
            "official" => NewsWordClass::Official,
            "title" => NewsWordClass::Title,
            "desk" => NewsWordClass::Desk,
            _ => return None,
        })
    }
}

/// One row of `catalog/news.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewsWord {
    /// ISO 639-1 code of the word's language (`ko` included).
    pub lang: &'static str,
    /// What the word tells.
    pub class: NewsWordClass,
    /// The word or phrase, in lower case.
    pub text: &'static str,
}

/// Every row of `catalog/news.tsv`, in file order.
pub fn news_words() -> &'static [NewsWord] {
    static WORDS: OnceLock<Vec<NewsWord>> = OnceLock::new();
    WORDS.get_or_init(|| {
        tsv::rows(NEWS_TSV, 3)
            .map(|r| NewsWord {
                lang: r[0],
                class: NewsWordClass::parse(r[1]).unwrap_or_else(|| panic!("news.tsv: unknown class {:?}", r[1])),
                text: r[2],
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_kind_of_word() {
        let words = news_words();
        for lang in ["en", "fr", "es", "ru", "ar", "zh", "ko"] {
            for class in [
                NewsWordClass::Chrome,
                NewsWordClass::Published,
                NewsWordClass::Updated,
                NewsWordClass::Function,
                NewsWordClass::Newsroom,
                NewsWordClass::Notice,
                NewsWordClass::Rights,
                NewsWordClass::Consent,
                NewsWordClass::Archive,
                NewsWordClass::More,
                NewsWordClass::Official,
            ] {
                assert!(words.iter().any(|w| w.lang == lang && w.class == class), "{lang} {class:?}");
            }
        }
        // Kept in lower case: lines are compared lower-cased.
        for w in words {
            assert_eq!(w.text, w.text.to_lowercase(), "{w:?}");
            assert_eq!(w.text, w.text.trim(), "{w:?}");
        }
    }
}
