//! News articles and documents of no known kind: classification, metadata,
//! body and boilerplate, on the seeds and on pages of the same kinds.

use nomina::normalize::{News, Record};
use nomina::{DateOrder, Kind};

fn convert_with(bytes: &[u8], order: DateOrder) -> Record {
    let options = nomina::Options { date_order: order, ..nomina::Options::default() };
    nomina::Pipeline::new(options).convert(bytes, "page.txt").expect("converts")
}

fn convert(text: &str) -> Record {
    convert_with(text.as_bytes(), DateOrder::MonthFirst)
}

fn news(r: &Record) -> &News {
    assert_eq!(r.kind, Kind::News, "{}", r.diagnostics.classification);
    r.news.as_ref().expect("news")
}

fn codes(r: &Record) -> Vec<&str> {
    r.diagnostics.warnings.iter().map(|w| w.code.as_str()).collect()
}

const SEED_002: &str = include_str!("../fixtures/002_fd03ccdba2c6da1f.txt");
const SEED_004: &str = include_str!("../fixtures/004_931d49ab24931080.txt");

#[test]
fn seed_002() {
    let r = convert(SEED_002);
    let n = news(&r);
    assert_eq!(n.title, "SMG Wins Four 2013 UN Public Service Awards");
    assert_eq!(n.byline.as_deref(), Some("SMG News"));
    assert_eq!(n.published.unwrap().to_string(), "2013-07-10");
    assert_eq!(codes(&r), ["ambiguous_date"]);
    assert_eq!(r.diagnostics.warnings[0].line, Some(3));
    assert_eq!(
        n.headings,
        [
            "Universal welfare standards enabled by and for the citizens of Seoul",
            "“Eco-Mileage System” for engaging citizens in GHG emissions reduction efforts",
            "Comprehensive initiative for women of single-person households",
            "Anti-corruption clean construction system"
        ]
    );
    assert_eq!(n.boilerplate.len(), 12);
    assert!(n.boilerplate[0].starts_with("SGVC - Online Baking Class"));
    assert_eq!(n.boilerplate[11], "Cocoonfice, Business Center, Gangnam-gu, Seoul");
    assert!(n.paragraphs.iter().all(|p| !n.boilerplate.contains(p)));
    assert!(n.paragraphs[0].starts_with("For the first time ever"));
    assert!(n.paragraphs.last().unwrap().starts_with("Most notably"));
    assert!(n.captions.is_empty());
    assert_eq!(r.languages.labels, None);
    assert_eq!(r.languages.content.map(|l| l.code()), Some("en"));
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

#[test]
fn seed_002_day_first() {
    let r = convert_with(SEED_002.as_bytes(), DateOrder::DayFirst);
    assert_eq!(news(&r).published.unwrap().to_string(), "2013-10-07");
    assert_eq!(codes(&r), ["ambiguous_date"]);
}

#[test]
fn seed_004() {
    let r = convert(SEED_004);
    let n = news(&r);
    assert_eq!(n.title, "UNDP Highlights Partnership with Seoul Metropolitan Government at Annual Networking Meeting");
    assert_eq!(n.byline, None);
    assert_eq!(n.published.unwrap().to_string(), "2016-02-23");
    assert_eq!(n.captions, ["Presentation of UNDP’s longstanding partnership with Seoul (Photo: USPC)"]);
    assert_eq!(n.paragraphs.len(), 9);
    assert!(n.boilerplate.is_empty());
    assert!(n.headings.is_empty());
    assert!(r.diagnostics.warnings.is_empty());
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

const FRENCH: &str = "La ville de Lyon reçoit le Prix des Nations Unies pour le service public\n\
\n\
Publié le 3 mars 2019\n\
\n\
La ville de Lyon a reçu ce lundi le Prix des Nations Unies pour le service public pour son programme de participation citoyenne.\n\
Le jury a salué la transparence du programme et la participation de plus de dix mille habitants aux décisions budgétaires.\n\
La cérémonie s'est tenue à New York en présence de nombreux représentants des gouvernements du monde entier.\n\
\n\
Accueil\n\
Nous contacter\n\
Plan du site\n\
Mentions légales\n";

#[test]
fn a_french_article_with_its_own_navigation() {
    let r = convert(FRENCH);
    let n = news(&r);
    assert_eq!(n.published.unwrap().to_string(), "2019-03-03");
    assert_eq!(n.paragraphs.len(), 3);
    assert_eq!(n.boilerplate, ["Accueil", "Nous contacter", "Plan du site", "Mentions légales"]);
    assert_eq!(r.languages.content.map(|l| l.code()), Some("fr"));
    assert!(codes(&r).is_empty());
}

#[test]
fn a_chinese_article() {
    let text = "首尔市政府荣获联合国公共服务奖\n\
2016年2月23日\n\
首尔市政府的清洁建设系统在二零一三年获得了联合国公共服务奖，该系统提高了公共建设领域的透明度和效率。\n\
联合国开发计划署首尔政策中心与首尔市政府合作，向其他国家分享这一系统的经验和做法。\n\
首页\n\
联系我们\n\
网站地图\n";
    let r = convert(text);
    let n = news(&r);
    assert_eq!(n.published.unwrap().to_string(), "2016-02-23");
    assert_eq!(n.paragraphs.len(), 2);
    assert_eq!(n.boilerplate, ["首页", "联系我们", "网站地图"]);
    assert_eq!(r.languages.content.map(|l| l.code()), Some("zh"));
}

#[test]
fn other_date_styles() {
    let body = "The ministry announced the winners of this year's awards at a ceremony in the capital on Monday.\n\
The jury praised the initiative for opening public data to citizens and journalists across the country.\n";
    for (line, want, ambiguous) in [
        ("Posted: 25/10/2013", "2013-10-25", false),
        ("23 February, 2016", "2016-02-23", false),
        ("2016-02-23", "2016-02-23", false),
        ("By Jane Doe | 03/04/2015", "2015-03-04", true),
        ("Geneva, 12 June 2018", "2018-06-12", false),
    ] {
        let r = convert(&format!("Ministry Announces Award Winners\n{line}\n{body}"));
        let n = news(&r);
        assert_eq!(n.published.map(|d| d.to_string()).as_deref(), Some(want), "{line}");
        assert_eq!(codes(&r).contains(&"ambiguous_date"), ambiguous, "{line}");
    }
}

#[test]
fn documents_of_no_known_kind() {
    for text in [
        "# nomina\n\nA tool that converts pages.\n\n## Usage\n\nRun the command on a folder.\n",
        "Note de politique générale sur la réforme de l'administration\n\n\
         La présente note expose les principes de la réforme de l'administration publique et ses objectifs pour les cinq prochaines années.\n\
         Elle propose de simplifier les procédures et de renforcer la transparence des décisions prises par les services de l'État.\n",
        "https://example.org/a\nhttps://example.org/b\nhttps://example.org/c\n",
    ] {
        let r = convert(text);
        assert_eq!(r.kind, Kind::Unknown, "{text}");
        assert!(r.diagnostics.classification.starts_with("unknown: "), "{}", r.diagnostics.classification);
        let paragraphs = &r.text.as_ref().unwrap().paragraphs;
        assert_eq!(paragraphs.len(), text.lines().filter(|l| !l.trim().is_empty()).count());
        assert!(r.nomination.is_none() && r.news.is_none());
        assert_eq!(r.diagnostics.uncovered_chars, 0);
    }
    let r = convert(
        "Note de politique générale\n\nLa présente note expose les principes de la réforme de l'administration publique pour les cinq prochaines années.\n",
    );
    assert_eq!(r.languages.content.map(|l| l.code()), Some("fr"));
}

#[test]
fn classification_says_why() {
    let news = convert(SEED_002).diagnostics.classification;
    assert!(news.starts_with("news: a headline on line 1 (heading the lines over the date or byline)"), "{news}");
    assert!(news.contains("a publication date on line 3") && news.contains("a byline on line 3"), "{news}");
    let form = convert(include_str!("../fixtures/001_eeae656d80b09620.txt"));
    assert!(form.diagnostics.classification.starts_with("nomination: "));
}

/// A saved page: the markup's title, date and `<article>` decide before
/// the text does.
const SAVED_PAGE: &str = r#"<!DOCTYPE html><html><head><title>Council opens library branch | Riverside Gazette</title>
<meta property="article:published_time" content="2021-03-03T09:00:00+01:00">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-04"}</script></head>
<body><div>Skip to content</div><div>Riverside Gazette</div><div>Weather 12C</div>
<main><article><h1>Council opens library branch</h1><p>By Ann Lee</p>
<p>The city council approved the new branch after a long public debate in the spring and the mayor thanked the residents.</p>
<p>Officials said the branch would lend books, tools and seeds to every resident of the city from next month.</p>
</article></main><footer><p>Share this page</p><p>Most read: the council met to discuss the budget for the coming year in the city hall.</p></footer></body></html>
"#;

#[test]
fn a_saved_page_is_read_by_its_markup_first() {
    let record = convert(SAVED_PAGE);
    assert_eq!(record.kind, Kind::News, "{}", record.diagnostics.classification);
    let news = record.news.unwrap();
    assert_eq!(news.title, "Council opens library branch");
    assert_eq!(news.byline.as_deref(), Some("Ann Lee"));
    // `article:published_time` goes before JSON-LD, and there is no date in the text.
    assert_eq!(news.published.unwrap().to_string(), "2021-03-03");
    assert_eq!(news.paragraphs.len(), 2);
    // Text outside the `<article>` is chrome, prose or not.
    assert_eq!(news.boilerplate.len(), 5, "{:?}", news.boilerplate);
    assert!(record.diagnostics.classification.contains("named by the page's markup"));
    assert_eq!(record.diagnostics.uncovered_chars, 0);
    // Without the meta tag, JSON-LD gives the date.
    let json_ld =
        SAVED_PAGE.replace(r#"<meta property="article:published_time" content="2021-03-03T09:00:00+01:00">"#, "");
    assert_eq!(convert(&json_ld).news.unwrap().published.unwrap().to_string(), "2021-03-04");
}

/// A saved article whose date the site's script was to fill in: the
/// markup's word that the page is an article stands for the date, and
/// without that word the same page is no article.
#[test]
fn a_page_the_markup_declares_an_article_is_one_without_a_date() {
    let page = r#"<!DOCTYPE html><html><head><title>Harbour ferry returns to the old timetable - Coast Radio</title>
<meta property="og:type" content="article"></head>
<body><header><a href="/">Coast Radio</a></header><main><article>
<h1>Harbour ferry returns to the old timetable</h1><div class="meta">Published <time></time></div>
<p>The harbour ferry will again leave every half hour from Monday, the port authority said after the repairs to the pier.</p>
<p>The evening crossings that were cut in the winter come back too, and the fares stay as they are for the season.</p>
</article></main><footer>Coast Radio</footer></body></html>"#;
    let record = convert(page);
    assert_eq!(record.kind, Kind::News, "{}", record.diagnostics.classification);
    assert!(record.diagnostics.classification.contains("the markup declares an article"));
    let news = record.news.unwrap();
    assert_eq!(news.title, "Harbour ferry returns to the old timetable");
    assert_eq!(news.published, None);
    assert_eq!(news.paragraphs.len(), 2);
    // JSON-LD says it as well, in a list of types.
    let json_ld = page.replace(
        r#"<meta property="og:type" content="article">"#,
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":["NewsArticle","WebPage"]}</script>"#,
    );
    assert_eq!(convert(&json_ld).kind, Kind::News);
    // A site's page (`website`) says nothing of the kind.
    let website = page.replace(r#"content="article""#, r#"content="website""#);
    assert_eq!(convert(&website).kind, Kind::Unknown, "{}", convert(&website).diagnostics.classification);
}

/// A portal's name over the headline, both over the date: the shorter line
/// over the longer one is the site, not the headline.
#[test]
fn a_site_name_over_the_headline_is_not_the_headline() {
    let page = "Skip to main content\nCity Portal of Riverside\n\
        Riverside footbridge opens to walkers and cyclists\n14.05.2022 10:30\n\n\
        The footbridge that links the old town with the park was opened on Saturday after two years of work by the city.\n\n\
        It is the first crossing in the city built for walkers and cyclists only, and it is lit at night.\n";
    let r = convert(page);
    let n = news(&r);
    assert_eq!(n.title, "Riverside footbridge opens to walkers and cyclists");
    assert_eq!(n.published.unwrap().to_string(), "2022-05-14");
    assert!(n.boilerplate.contains(&"City Portal of Riverside".to_string()), "{:?}", n.boilerplate);
    // A standfirst under the headline does not take its place.
    let with_deck = page.replace(
        "14.05.2022",
        "Two years of work on the old town's side of the river are over, the city says\n14.05.2022",
    );
    assert_eq!(news(&convert(&with_deck)).title, "Riverside footbridge opens to walkers and cyclists");
}

/// Promotion lines over a navigation bar are the page's header: the
/// headline is the line under the bar, over the date.
#[test]
fn lines_over_a_navigation_bar_are_not_the_headline() {
    let page = "Our readers keep this site free\nGet the weekly digest in your inbox\n\n\
        Home | Politics | Business | Health | World | Search\n\n\
        Health Ministry opens three rural clinics\n\nWednesday, 13 March 2024, 9:05 am\n\n\
        The ministry opened three clinics in rural districts on Tuesday, the minister said in a statement.\n\n\
        Each clinic will have a doctor and two nurses, and will be open on weekdays from next month.\n";
    let n = news(&convert(page)).clone();
    assert_eq!(n.title, "Health Ministry opens three rural clinics");
    assert_eq!(n.boilerplate[..2], ["Our readers keep this site free", "Get the weekly digest in your inbox"]);
}

/// Guillemets closing a quotation are no breadcrumb separators: a paragraph
/// with two quoted names stays in the body.
#[test]
fn closing_guillemets_are_no_breadcrumb() {
    let page = "Сквер открыт после благоустройства в Кировском районе\n25.06.2021 15:00\n\n\
        Сегодня состоялась приёмка сквера «Новогодний» после работ по благоустройству с участием депутата и \
        директора МКУ «Горзеленхоз», которые осмотрели новые дорожки, скамейки, фонари и детскую площадку, \
        построенные за весну и начало лета силами подрядчика по заказу мэрии.\n\n\
        Работы будут продолжены в соседнем сквере в следующем году.\n";
    let n = news(&convert(page)).clone();
    assert_eq!(n.paragraphs.len(), 2, "{:?}", n.paragraphs);
    assert!(n.paragraphs[0].starts_with("Сегодня состоялась приёмка"));
}

/// A masthead over a navigation bar over the date does not head the
/// article: the line under the date (its section name passed over) does.
#[test]
fn a_masthead_over_a_navigation_bar_gives_way_to_the_line_under_the_date() {
    let page = "Town Letter\nThe daily paper of local councillors\nPrint | Close\nÉdition du mardi 2 décembre 2025\n\
        Elections\nWhich population figures count for the council lists this year?\n\n\
        The question comes back before every election of the councils, and the answer changed this year for many towns.\n\n\
        The figures published by the institute on the first of January are those that count for the lists and the seats.\n";
    let n = news(&convert(page)).clone();
    assert_eq!(n.title, "Which population figures count for the council lists this year?");
    assert_eq!(n.published.unwrap().to_string(), "2025-12-02");
    assert!(n.paragraphs[0].starts_with("The question comes back"), "{:?}", n.paragraphs);
}

/// A Chinese headline may open with the date of the event it announces:
/// run into the words after it, that date makes no date line, and the
/// labelled date under the headline is the publication date.
#[test]
fn a_chinese_headline_opening_with_a_date_is_the_headline() {
    let page = "首页 | 政务公开 | 政务服务\n2020年6月8日市政府新闻发布会预告\n发布时间：2020-06-07  来源：市政府新闻办\n\n\
        各新闻单位：\n市政府新闻办公室定于6月8日上午9点30分在市政府新闻发布厅召开新闻发布会，介绍全市城区交通秩序专项整治行动的有关情况。\n\
        本次新闻发布会邀请市公安局、市城管局和市交通产业集团的负责同志到会发布有关情况，并回答记者提问，欢迎各新闻单位派记者参加。\n";
    let n = news(&convert(page)).clone();
    assert_eq!(n.title, "2020年6月8日市政府新闻发布会预告");
    assert_eq!(n.published.unwrap().to_string(), "2020-06-07");
}

/// A press release ends at its end marker: the promotion lines after it are
/// the page's, though they read as prose.
#[test]
fn the_body_ends_at_an_end_marker() {
    let page = "Health Ministry opens three rural clinics\n\nWednesday, 13 March 2024, 9:05 am\n\n\
        The ministry opened three clinics in rural districts on Tuesday, the minister said in a statement.\n\n\
        Each clinic will have a doctor and two nurses, and will be open on weekdays from next month.\n\nENDS\n\n\
        Are you getting our free weekly digest?\n\n\
        Subscribe to the digest sent to your inbox every Monday with the stories of the week from across the region.\n";
    let n = news(&convert(page)).clone();
    assert_eq!(n.paragraphs.len(), 2, "{:?}", n.paragraphs);
    assert_eq!(n.boilerplate.first().map(String::as_str), Some("ENDS"));
    assert_eq!(n.boilerplate.len(), 3);
    // The Chinese agencies' `（完）` and the Korean `<끝>` end it the same way.
    let zh = page.replace("ENDS", "（完）");
    assert_eq!(news(&convert(&zh)).paragraphs.len(), 2);
    let ko = page.replace("ENDS", "<끝>");
    assert_eq!(news(&convert(&ko)).paragraphs.len(), 2);
}

/// An event page's period (two dates and nothing else) is no publication
/// date: with nothing else dating it, the page is no article.
#[test]
fn an_event_period_is_no_publication_date() {
    let page = "Town of Riverside\nHome › Events › Census\nThe town's population census begins\n19 Jan 2023 25 Feb 2023\n\
        As every year, the town takes the census of part of its population, and the residents chosen are told by letter.\n\
        The census gives the town's official population, from which the state's grants and the number of councillors follow.\n\
        Add to my calendar\n";
    let r = convert(page);
    assert_eq!(r.kind, Kind::Unknown, "{}", r.diagnostics.classification);
    // A single date there still dates the page.
    let dated = page.replace("19 Jan 2023 25 Feb 2023", "19 Jan 2023");
    assert_eq!(news(&convert(&dated)).published.unwrap().to_string(), "2023-01-19");
}

/// A long sentence with a name in camel case that the page writes
/// elsewhere too is prose: an agency's dateline paragraph stays the first
/// paragraph.
#[test]
fn a_camel_case_name_in_a_sentence_is_prose() {
    let page = "NewsPoint\nMinister receives briefing on national programmes\nPublished August 18, 2023\n\n\
        ISLAMABAD, (NewsPoint - 18th Aug, 2023) : The federal minister for health took charge of his office on Friday and \
        received a briefing on the national health programmes from the secretary and the officials of the ministry.\n\n\
        On reaching the ministry, the secretary and other officials welcomed the minister and his staff.\n";
    let n = news(&convert(page)).clone();
    assert!(n.paragraphs[0].starts_with("ISLAMABAD, (NewsPoint"), "{:?}", n.paragraphs);
    // Written once only, it may be a link title run into its teaser.
    let once = page.replacen("NewsPoint\n", "", 1);
    assert_eq!(convert(&once).kind, Kind::Unknown);
}

/// Teasers that open with their datelines make a list of items, not an
/// article with its dateline.
#[test]
fn teasers_opening_with_datelines_are_a_list() {
    let page = "News releases\n25 April 2025\nOn World Malaria Day we remember the toll the disease still takes on the most vulnerable.\n\
        CAIRO, 24 April 2025 - On World Malaria Day the organization and its partners promote a campaign to end malaria...\n\
        CAIRO, 23 April 2025 - World Immunization Week, celebrated from 24 to 30 April, brings the health community together...\n\
        CAIRO, 15 April 2025 - Two years have passed since the conflict began, and the health system is near collapse...\n";
    let r = convert(page);
    assert_eq!(r.kind, Kind::Unknown, "{}", r.diagnostics.classification);
    assert!(r.diagnostics.classification.contains("a listing"), "{}", r.diagnostics.classification);
}

/// A subtitle between dashes under the headline is a heading, and a line
/// led by a dash is no headline.
#[test]
fn a_subtitle_between_dashes_is_a_heading() {
    let page = "Ministry budget for 2021 set at 90 trillion won\n• Registered: 2020-09-01\n\
        - Up 9.2% on the year, 16.2% of all government spending -\n\
        The ministry said its budget for next year would strengthen the response to health crises and expand public care.\n\
        The budget goes to the national assembly for approval after the cabinet meeting this week.\n";
    let n = news(&convert(page)).clone();
    assert_eq!(n.title, "Ministry budget for 2021 set at 90 trillion won");
    assert_eq!(n.headings, ["Up 9.2% on the year, 16.2% of all government spending"]);
    assert!(n.paragraphs[0].starts_with("The ministry said"), "{:?}", n.paragraphs);
}

/// A topic label in capitals under the date gives way to the headline under
/// it; a sentence that opens like an interface phrase (`Más de`) is prose.
#[test]
fn a_topic_label_in_capitals_is_no_headline_and_a_sentence_is_no_chrome() {
    let page = "Video\n18/12/2023 18:12 (UTC)\nURUGUAY DERECHOS HUMANOS\n\
        Uruguay presenta su primer Plan Nacional de Derechos Humanos hasta 2027\n\
        Más de 400 organizaciones nacionales y 17 internacionales participaron en la consulta pública que el gobierno abrió \
        para preparar el plan, según informó la secretaría en un comunicado difundido este lunes en Montevideo.\n\
        El plan reúne las medidas que los ministerios deberán tomar en los próximos cuatro años en materia de derechos.\n";
    let n = news(&convert(page)).clone();
    assert_eq!(n.title, "Uruguay presenta su primer Plan Nacional de Derechos Humanos hasta 2027");
    assert!(n.paragraphs[0].starts_with("Más de 400 organizaciones"), "{:?}", n.paragraphs);
    assert!(n.boilerplate.contains(&"URUGUAY DERECHOS HUMANOS".to_string()), "{:?}", n.boilerplate);
}

/// Dates in the places content systems print them: after a creation label
/// (the label outweighs the founding word `créé`), and as one field of a
/// bar of metadata.
#[test]
fn dates_after_a_creation_label_and_in_a_bar_of_metadata() {
    let page = "Cours en ligne gratuits : on n'a encore rien vu\n\
        Créé le mardi 6 mars 2012 | Mise à jour le dimanche 12 août 2012\n\
        Le mouvement des ressources éducatives libres a pris de l'ampleur ces dernières années, avec des cours publiés par les universités.\n\
        Car pour être célèbre et le rester dans la durée, il faut être bon, et les universités le savent bien.\n";
    assert_eq!(news(&convert(page)).published.unwrap().to_string(), "2012-03-06");
    let blog = "从各大学网站主页上能够看到什么?\n已有 4437 次阅读 2012-9-1 16:00 |系统分类:观点评述| 大学, 学术, 网站\n\
        看看中国各大学网站的主页上你能够看到什么，这是一个很有意思的问题，我们来看一看。\n\
        从大学的网站，就能够反映出中国大学的目前状态，这是我的看法和观点。\n";
    assert_eq!(news(&convert(blog)).published.unwrap().to_string(), "2012-09-01");
}

/// A wire story's dateline without a date (`PARIS (AFP) -`, `(서울=연합뉴스)`)
/// makes a page with a headline and a body news.
#[test]
fn an_agency_dateline_without_a_date_makes_news() {
    let page = "Madagascar : deux nouveaux ministres nommés\n\n\
        ANTANANARIVO (Xinhua) - Le Conseil des ministres, réuni mercredi, a nommé deux nouveaux ministres dans le gouvernement de transition.\n\n\
        Les deux ministres prendront leurs fonctions dès la semaine prochaine, selon le décret lu à la presse.\n";
    let r = convert(page);
    assert_eq!(news(&r).title, "Madagascar : deux nouveaux ministres nommés");
    assert!(r.diagnostics.classification.contains("a dateline without a year"), "{}", r.diagnostics.classification);
}

/// A saved page whose headline stands outside its `<article>`, over a
/// summary box that repeats the first paragraph: the markup's headline is
/// still the headline, and the article's first paragraph is no copy.
#[test]
fn a_headline_outside_the_article_and_a_summary_box_outside_it() {
    let page = r#"<!DOCTYPE html><html><head><title>Council opens library branch | Riverside Gazette</title></head>
<body><div>Riverside Gazette</div><h2>Council opens library branch</h2><p>By Ann Lee, published 2021-03-03</p>
<div class="summary"><p>The city council approved the new branch after a long public debate in the spring.</p></div>
<article><p>The city council approved the new branch after a long public debate in the spring.</p>
<p>Officials said the branch would lend books, tools and seeds to every resident of the city from next month.</p>
</article><footer><p>Share this page</p></footer></body></html>
"#;
    let r = convert(page);
    let n = news(&r);
    assert_eq!(n.title, "Council opens library branch");
    assert_eq!(n.paragraphs.len(), 2, "{:?}", n.paragraphs);
    assert!(n.paragraphs[0].starts_with("The city council approved"));
}

/// A photo story: a short headline, a byline, a labelled date and one
/// short paragraph is an article, and that paragraph is its body, not its
/// headline.
#[test]
fn a_photo_story_with_one_short_paragraph() {
    let page = "Top\nRiverside Daily\nPolitics | Economy | Society | Photo\nPhoto\nTired doctors\nBy Jane Lee\n\
        Published 2024-02-27 20:12\n\
        Doctors rest in the emergency room of a university hospital in the city on Tuesday, as the walkout goes on.\n\
        Photo news list\nMore\n";
    let r = convert(page);
    let n = news(&r);
    assert_eq!(n.title, "Tired doctors");
    assert_eq!(n.published.unwrap().to_string(), "2024-02-27");
    assert_eq!(n.paragraphs.len(), 1);
    assert!(n.paragraphs[0].starts_with("Doctors rest"));
    // Without the byline, one short paragraph is no article.
    let unsigned = page.replace("By Jane Lee\n", "");
    assert_eq!(convert(&unsigned).kind, Kind::Unknown);
}

/// A photo given twice in a row (its alt text, then its caption) under the
/// date: neither is the headline, though the line is repeated, and the
/// caption's credit at its end makes it a caption, not the first paragraph.
#[test]
fn a_photo_given_twice_is_a_caption_not_the_headline() {
    let page = "Valley Courier\nHome | News | Opinion | Sport\n\n\
        Footbridge reopens after the flood\n\n\
        May 04, 2021 9:00 am | Updated 11:20 am\n\n\
        Workers clear the mud from the footbridge over the river in the old town on Monday, 03 May 2021. Photo: Ann Lee\n\n\
        Workers clear the mud from the footbridge over the river in the old town on Monday, 03 May 2021. Photo: Ann Lee\n\n\
        The footbridge over the river reopened on Tuesday, a week after the flood closed it to walkers and cyclists.\n\n\
        The council said the railings would be repaired by the end of the month.\n";
    let r = convert(page);
    let n = news(&r);
    assert_eq!(n.title, "Footbridge reopens after the flood", "{}", r.diagnostics.classification);
    assert_eq!(n.published.unwrap().to_string(), "2021-05-04");
    assert_eq!(n.captions.len(), 1, "{:?}", n.captions);
    assert!(n.captions[0].ends_with("Photo: Ann Lee"));
    assert!(n.paragraphs[0].starts_with("The footbridge over the river reopened"), "{:?}", n.paragraphs);
    assert_eq!(r.diagnostics.uncovered_chars, 0);
    // Without the credit's colon and outside a sentence's end, `Photo` is a
    // word of the text: a headline in capitals may hold it.
    let titled = page.replace("Footbridge reopens after the flood", "Winners of the Photo Contest Named");
    assert_eq!(news(&convert(&titled)).title, "Winners of the Photo Contest Named");
}

/// A caption that repeats the headline and names the photographer is no
/// paragraph.
#[test]
fn the_headline_again_with_a_credit_is_a_caption() {
    let page = "Глава района проведёт приём граждан\n\n24 мая 2022 - 12:53\n\n\
        Глава района проведёт приём граждан Фото пресс-службы администрации\n\n\
        Завтра, 25 мая, глава района проведёт личный приём граждан в здании администрации.\n\n\
        Записаться на приём можно по телефону до конца дня, сообщили в пресс-службе.\n";
    let r = convert(page);
    let n = news(&r);
    assert_eq!(n.title, "Глава района проведёт приём граждан");
    assert_eq!(n.captions, ["Глава района проведёт приём граждан Фото пресс-службы администрации"]);
    assert!(n.paragraphs[0].starts_with("Завтра, 25 мая"), "{:?}", n.paragraphs);
}

/// A headline that ends with the date of what it reports (`... du 6 octobre
/// 2025`) is no date line, and links to other reports like it make no
/// listing of dated lines.
#[test]
fn a_date_a_headline_names_is_no_date_line() {
    let page = "Radio du Val\nAccueil | Actualités | Agenda | Contact\n\
        06 octobre 2025 | Articles\n\n\
        Compte rendu du Conseil municipal du 6 octobre 2025\n\n\
        Aujourd’hui s’est tenu le conseil municipal d’octobre en présence de douze élus, qui ont voté le budget de l’hiver.\n\n\
        Le maire a ensuite présenté le programme des travaux de la place du marché, qui commenceront au printemps.\n\n\
        À lire aussi\n\
        Compte rendu du Conseil municipal du 1 septembre 2025\n\
        Compte rendu du Conseil municipal du 4 août 2025\n";
    let r = convert(page);
    assert_eq!(r.kind, Kind::News, "{}", r.diagnostics.classification);
    let n = news(&r);
    assert_eq!(n.title, "Compte rendu du Conseil municipal du 6 octobre 2025");
    assert_eq!(n.published.unwrap().to_string(), "2025-10-06");
    assert_eq!(n.paragraphs.len(), 2, "{:?}", n.paragraphs);
    // A date line stays one: its place, a label, a weekday before the date.
    let dated = page.replace("06 octobre 2025 | Articles\n", "Val-d’Isère, lundi 6 octobre 2025\n");
    assert_eq!(news(&convert(&dated)).published.unwrap().to_string(), "2025-10-06");
}

/// The day's date the site shows under its name (`Сегодня: ...`, `Today:`)
/// is the day the page was read, never the article's.
#[test]
fn todays_date_in_the_header_is_not_the_publication_date() {
    let page = "Районная газета Кировского района\nСегодня: Среда 24 апреля 2024 г.\n\
        Главная | Новости | Статьи | Архив номеров | Контакты\n\n\
        Когда урожай убран, можно и отдохнуть!\n\n\
        №№112-114 23 сентября 2022 г.\n\n\
        В субботу сёла района отметили окончание уборки урожая концертами, ярмарками и играми для детей.\n\n\
        Главная сцена стояла на площади у школы, где глава района поблагодарил земледельцев за их труд.\n";
    let r = convert(page);
    let n = news(&r);
    assert_eq!(n.title, "Когда урожай убран, можно и отдохнуть!", "{}", r.diagnostics.classification);
    assert_eq!(n.published.unwrap().to_string(), "2022-09-23");
    assert!(n.boilerplate.contains(&"Сегодня: Среда 24 апреля 2024 г.".to_string()), "{:?}", n.boilerplate);
}

/// A day's archive: teasers of two stories, each closed by a read-more
/// link, under a date; no article, though each teaser reads as one.
#[test]
fn teasers_closed_by_read_more_links_make_a_listing() {
    let page = "District Library News\nHome | News | About | Contact\n\n\
        Posts of 27.09.2024\n\n\
        The village of Oakford celebrated its day last Friday with songs, games and a fair on the green.\n\n\
        The mayor thanked the families who have lived in the village for fifty years or more. ... Read more »\n\n\
        Views: 18 | Added by: editor | Date: 27.09.2024 | Comments (0)\n\n\
        World Tourism Day is marked on 27 September in many countries of the world.\n\n\
        The libraries of the district prepared book exhibitions for the day ... Read more »\n";
    let r = convert(page);
    assert_eq!(r.kind, Kind::Unknown, "{}", r.diagnostics.classification);
    assert!(r.diagnostics.classification.contains("2 teasers closed by a read-more link"));
    // One teaser of another story after an article leaves it an article.
    let article = "Village celebrates its day\n\n27.09.2024\n\n\
        The village of Oakford celebrated its day last Friday with songs, games and a fair on the green.\n\n\
        The mayor thanked the families who have lived in the village for fifty years or more.\n\n\
        Also on the site: the libraries of the district prepared book exhibitions ... Read more »\n";
    let r = convert(article);
    assert_eq!(r.kind, Kind::News, "{}", r.diagnostics.classification);
}

/// A broadcast script: every sentence broken over short lines, a blank
/// line between paragraphs. Each line alone is too short to be prose; a
/// paragraph's lines together are.
#[test]
fn a_paragraph_broken_over_short_lines_is_prose() {
    let page = "Harbour TV\nNews | Programmes | Schedule\n\n\
        Eighteen residents nominated for the city's medal\n\n\
        Ann Lee | 2019.08.16 12:40 | Views 35\n\n\
        Eighteen residents\nhave been nominated this year.\n\n\
        According to the city,\nthe medal now has nine fields,\nand eight of the nominees\n\
        were put forward for service,\nthe most of any field.\n\n\
        facebook twitter\n";
    let r = convert(page);
    assert_eq!(r.kind, Kind::News, "{}", r.diagnostics.classification);
    let n = news(&r);
    assert_eq!(n.title, "Eighteen residents nominated for the city's medal");
    assert_eq!(n.published.unwrap().to_string(), "2019-08-16");
    assert_eq!(n.paragraphs[0], "Eighteen residents");
    assert_eq!(n.paragraphs.len(), 7, "{:?}", n.paragraphs);
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

/// A regional site's article that shows no date: its search box, its
/// `Written By` and its `You may also like` widget are a newsroom's, and
/// the teasers under the widget are not the article's.
#[test]
fn an_undated_article_under_a_newsrooms_widgets() {
    let page = "Connect with us\n\nHi, what are you looking for?\n\nRegion\n\n\
        Reported case of measles in Riverside is false, says the health office\n\n\
        The report was denied in a statement to the public, which says that no such case has reached the town's hospital.\n\n\
        The health office says that it follows every report and that no case has been found in the region so far.\n\n\
        A meeting on prevention will be held on Monday in the offices of the health department.\n\n\
        Written By\n\nYou may also like\n\nCourts Local\n\n\
        This was the fourth body found in the last month in the village, high in the hills above the valley.\n\n\
        Courts Local\n\n\
        The goods seized were handed to the tax office, which will carry out the procedures that follow.\n";
    let r = convert(page);
    assert_eq!(r.kind, Kind::News, "{}", r.diagnostics.classification);
    let n = news(&r);
    assert_eq!(n.title, "Reported case of measles in Riverside is false, says the health office");
    assert_eq!(n.published, None);
    assert_eq!(n.paragraphs.len(), 3, "{:?}", n.paragraphs);
    for chrome in ["Hi, what are you looking for?", "You may also like", "Courts Local"] {
        assert!(n.boilerplate.contains(&chrome.to_string()), "{chrome}: {:?}", n.boilerplate);
    }
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

/// A Spanish dateline opening the headline itself dates the story as one
/// opening its first paragraph does.
#[test]
fn a_dateline_opening_the_headline() {
    let page = "Valle Noticias\nInicio | Comarca | Cultura | Deportes\n\n\
        VILLAVERDE.- La banda municipal cierra este sábado los conciertos de verano\n\n\
        El concierto será en el recinto ferial a las diez de la noche y la entrada es libre hasta completar el aforo.\n\n\
        La concejala de Cultura hizo un balance positivo de un programa que ha llenado las plazas del pueblo cada fin de semana.\n";
    let r = convert(page);
    assert_eq!(r.kind, Kind::News, "{}", r.diagnostics.classification);
    assert!(r.diagnostics.classification.contains("a dateline without a year"));
    assert!(news(&r).title.starts_with("VILLAVERDE.- La banda municipal"));
}

/// A breadcrumb that ends with a country's name opens no form's block: the
/// page stays the article it is.
#[test]
fn a_breadcrumb_ending_with_a_country_opens_no_form() {
    let page = "Daily Point\nHome > Pakistan\n\n\
        Health Minister Receives Briefing On National Programmes\n\n\
        Ali Khan Published August 18, 2023 | 10:10 PM\n\n\
        ISLAMABAD, (Daily Point - 18th Aug, 2023 ) :The caretaker health minister took charge of office on Friday and received a briefing on the national health programmes.\n\n\
        On reaching the ministry, the health secretary and other officials welcomed the minister.\n";
    let r = convert(page);
    assert_eq!(r.kind, Kind::News, "{}", r.diagnostics.classification);
    assert_eq!(news(&r).title, "Health Minister Receives Briefing On National Programmes");
}

/// A headline printed on two lines in a script without case, which the
/// markup names whole (`<title>` and the Chinese government-site standard's
/// `ArticleTitle` and `PubDate`), is one headline, dated by the markup.
#[test]
fn a_two_line_headline_the_markup_names_whole() {
    let page = "<html><head><title>着力推进改革攻坚 持续深化一件事一次办_某省人民政府门户网站</title>\
                <meta name=\"ArticleTitle\" content=\"着力推进改革攻坚 持续深化一件事一次办\">\
                <meta name=\"PubDate\" content=\"2021-06-07\"></head><body>\
                <p>首页 省政府 政务公开 政务服务</p><p>当前位置:首页 > 工作简报</p>\
                <p>着力推进改革攻坚</p><p>持续深化一件事一次办</p>\
                <p>2020年,某市坚持以人民为中心,全面落实有关改革的决策部署,持续深化改革攻坚,进一步优化了政务管理服务。</p>\
                <p>一、推进事项管理突破,实现政务服务智能办。坚持市级统筹,注重示范引导,推进事项精细化管理。</p>\
                <p>【打印本页】【关闭窗口】</p></body></html>";
    let r = convert(page);
    let n = news(&r);
    assert_eq!(n.title, "着力推进改革攻坚 持续深化一件事一次办");
    assert_eq!(n.published.map(|d| d.to_string()).as_deref(), Some("2021-06-07"));
    assert!(n.paragraphs[0].starts_with("2020年"), "{:?}", n.paragraphs);
}
