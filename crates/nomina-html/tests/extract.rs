//! `extract` and `looks_like_html` on small pages.

use nomina_html::{Extracted, RemovedKind, extract, looks_like_html};

fn text(html: &str) -> String {
    extract(html).text
}

fn removed(out: &Extracted) -> Vec<(&str, &str)> {
    out.removed.iter().map(|r| (r.kind.as_str(), r.text.as_str())).collect()
}

#[test]
fn paragraphs_are_blocks_and_br_breaks_lines() {
    assert_eq!(text("<p>A</p><p>B</p>"), "A\n\nB");
    assert_eq!(text("<div>A<br>B</div>"), "A\nB");
    assert_eq!(text("<div>A<br/>B<br></div><div>C</div>"), "A\nB\nC");
    // Two breaks in a row leave an empty line, as on screen.
    assert_eq!(text("<div>A<br><br>B</div>"), "A\n\nB");
    assert_eq!(text("<div>A<br><br><br><br>B</div>"), "A\n\nB");
    assert_eq!(text("<h3>Question 1</h3><div>Prompt</div><div>Answer</div>"), "Question 1\n\nPrompt\nAnswer");
}

#[test]
fn inline_elements_do_not_break_lines() {
    assert_eq!(
        text(
            "<p>Member <span>State</span> <b>Korea</b><a href=x>,</a> <i>em</i><em>x</em><strong>s</strong><font>f</font></p>"
        ),
        "Member State Korea, emxsf"
    );
    assert_eq!(text("<p>a<span> b </span>c</p>"), "a b c");
}

#[test]
fn entities_are_decoded() {
    assert_eq!(
        text(
            "<p>R&amp;D &lt;Fortified stance&gt; citizens&#8217; &#x201C;Public Secretary&#x201D; &hellip; &copy; &eacute;t&eacute;</p>"
        ),
        "R&D <Fortified stance> citizens\u{2019} \u{201c}Public Secretary\u{201d} \u{2026} \u{a9} \u{e9}t\u{e9}"
    );
    // Entities missing their semicolon, as old pages write them.
    assert_eq!(text("<p>a &amp b &lt c</p>"), "a & b < c");
}

#[test]
fn whitespace_collapses_and_nbsp_becomes_a_space() {
    assert_eq!(text("<p>\n   a \t\n b&nbsp;&nbsp;c\u{a0}d  </p>"), "a b c d");
    // Other Unicode spaces are content, except at the ends of a line.
    assert_eq!(text("<p>\u{3000}中\u{3000}文\u{3000}</p>"), "中\u{3000}文");
}

#[test]
fn pre_keeps_its_line_breaks() {
    assert_eq!(
        text("<p>x</p><pre>\n line 1\n  line  2\n\n\nline 3\n</pre><p>y</p>"),
        "x\n\nline 1\nline 2\n\nline 3\n\ny"
    );
    assert_eq!(text("<textarea>one\ntwo</textarea>"), "one\ntwo");
}

#[test]
fn nested_blocks_lose_and_repeat_nothing() {
    let html = "<div><div><div>A</div>B<p>C<span>D</span></p></div>E<ul><li>F<ul><li>G</li></ul>H</li></ul></div>";
    assert_eq!(text(html), "A\nB\n\nCD\n\nE\nF\nG\nH");
    // Blocks inside inline elements (invalid, common) still break lines.
    assert_eq!(text("<a href=x><div>one</div><div>two</div></a>"), "one\ntwo");
    // An unclosed <p> is closed by the next block, as a browser does.
    assert_eq!(text("<p>one<p>two<div>three</div>"), "one\n\ntwo\n\nthree");
}

#[test]
fn containers_of_blocks_are_set_off_by_blank_lines() {
    let html = "<section><div>Member State Korea</div><div>Institution Ministry</div></section>\
                <section><div>Question 1</div></section>";
    assert_eq!(text(html), "Member State Korea\nInstitution Ministry\n\nQuestion 1");
}

#[test]
fn tables_have_a_line_per_row_and_tabs_between_cells() {
    let html = "<table><caption>Results</caption><thead><tr><th>Year</th><th>Award</th></tr></thead>\
                <tbody><tr><td>2013</td><td> UNPSA <b>winner</b> </td></tr>\
                <tr><td></td><td>empty first cell</td></tr><tr><td>only</td><td></td></tr></tbody></table><p>after</p>";
    assert_eq!(text(html), "Results\nYear\tAward\n2013\tUNPSA winner\nempty first cell\nonly\n\nafter");
}

#[test]
fn a_saved_forms_controls_show_the_answers_given() {
    let html = "<form><label>Member State</label><input type=\"text\" value=\"Republic of Korea\" readonly>\
                <input type=\"hidden\" name=\"token\" value=\"8f3a\">\
                <div>Level <select><option value=\"\">- choose -</option><option>National</option>\
                <option selected>Local</option></select></div>\
                <div>Goals <select multiple><option selected>Goal 16</option><option>Goal 1</option>\
                <option selected>Goal 17</option></select></div>\
                <div>Agencies <select multiple><option>UNDP</option><option>UNICEF</option></select></div>\
                <div><input type=\"checkbox\" checked> Yes <input type=\"checkbox\"> No</div>\
                <input type=\"submit\" value=\"Send\"></form>";
    let out = extract(html);
    assert_eq!(
        out.text,
        "Member State Republic of Korea\n\nLevel\nLocal\n\nGoals\nGoal 16\nGoal 17\n\nAgencies\n\n[x] Yes [ ] No"
    );
    // The choices offered and not given are kept aside, each once.
    let unselected: Vec<&str> =
        out.removed.iter().filter(|r| r.kind == RemovedKind::Unselected).map(|r| r.text.as_str()).collect();
    assert_eq!(unselected, ["- choose -", "National", "Goal 1", "UNDP", "UNICEF"]);
    // Options out of any list are what the page shows.
    assert_eq!(text("<datalist><option>Seoul</option></datalist>"), "Seoul");
}

#[test]
fn a_label_and_its_value_side_by_side_in_a_forms_row_are_one_line() {
    let row = |value: &str| {
        format!("<div class=\"form-group row\"><label>Country</label><div class=\"col\">{value}</div></div>")
    };
    let html = format!(
        "{}{}{}",
        row("<p class=\"form-control-static\">Republic of Korea</p>"),
        row("<p>Goal 16</p><p>Goal 17</p>"),
        row("<ul><li>UNDP</li><li>UNICEF</li></ul>")
    );
    // One value goes on the label's line; a list of them stays under it.
    assert_eq!(text(&html), "Country\tRepublic of Korea\n\nCountry\n\nGoal 16\n\nGoal 17\n\nCountry\n\nUNDP\nUNICEF");
    // A label with words of its own beside it is no caption of the block.
    assert_eq!(
        text("<div><label>Country</label> (official name)<p>Korea</p></div>"),
        "Country (official name)\n\nKorea"
    );
}

#[test]
fn two_tables_in_a_row_are_two_blocks() {
    let table =
        |caption: &str| format!("<table><caption>{caption}</caption><tr><th>Country</th><td>Korea</td></tr></table>");
    assert_eq!(
        text(&format!("{}{}", table("Step 1"), table("Step 2"))),
        "Step 1\nCountry\tKorea\n\nStep 2\nCountry\tKorea"
    );
}

#[test]
fn definition_lists() {
    assert_eq!(
        text("<dl><dt>Member State</dt><dd>Korea</dd><dt>Year</dt><dd>2020</dd></dl>"),
        "Member State\nKorea\nYear\n2020"
    );
}

#[test]
fn scripts_styles_and_navigation_are_removed_and_recorded() {
    let html = "<!DOCTYPE html><html><head><meta charset=utf-8><title> The  page </title>\
        <style>p { color: red }</style><script>var a = 1 < 2;</script></head><body>\
        <nav><ul><li><a>Home</a></li><li><a>News</a></li></ul><script>menu()</script></nav>\
        <div role=\"navigation\">Prev | Next</div><aside role=\"complementary navigation\">More</aside>\
        <p>Body<!-- a comment --> text</p><noscript>Enable JavaScript</noscript>\
        <template><p>row template</p></template><script>  </script><style></style>\
        <footer>Footer<script>track(\"x\")</script></footer></body></html>";
    let out = extract(html);
    assert_eq!(out.text, "Body text\n\nFooter");
    assert_eq!(
        removed(&out),
        [
            ("other", "The page"),
            ("style", "p { color: red }"),
            ("script", "var a = 1 < 2;"),
            ("navigation", "Home News"),
            ("script", "menu()"),
            ("navigation", "Prev | Next"),
            ("navigation", "More"),
            ("other", "Enable JavaScript"),
            ("other", "row template"),
            ("script", "track(\"x\")"),
        ]
    );
    assert_eq!(out.removed[3].kind, RemovedKind::Navigation);
}

#[test]
fn the_title_is_the_text_only_when_the_body_has_none() {
    let out = extract("<html><head><title>Only a title</title></head><body><script>x()</script></body></html>");
    assert_eq!(out.text, "Only a title");
    assert_eq!(removed(&out), [("script", "x()")]);
    assert_eq!(extract("").text, "");
    assert!(extract("").removed.is_empty());
}

#[test]
fn plain_text_comes_back_as_one_paragraph() {
    assert_eq!(text("line one\nline two"), "line one line two");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    // html5ever itself takes time quadratic in the depth, so not too deep.
    let html = format!("{}deep{}", "<div><span>".repeat(3_000), "</span></div>".repeat(3_000));
    let handle = std::thread::Builder::new().stack_size(256 * 1024).spawn(move || extract(&html).text).unwrap();
    assert_eq!(handle.join().unwrap(), "deep");
}

/// Every text node outside the removed elements ends up in the text.
#[test]
fn no_body_text_is_lost() {
    for html in [
        include_str!("../../../fixtures/201_html_from_003.html"),
        include_str!("../../../fixtures/202_html_news_from_004.html"),
    ] {
        let got = extract(html).text.split_whitespace().collect::<Vec<_>>().join(" ");
        let doc = scraper::Html::parse_document(html);
        let mut checked = 0;
        for node in doc.root_element().descendants() {
            let Some(t) = node.value().as_text() else { continue };
            let skipped = node.ancestors().filter_map(scraper::ElementRef::wrap).any(|a| {
                matches!(a.value().name(), "head" | "script" | "style" | "nav" | "noscript" | "template")
                    || a.value().attr("role") == Some("navigation")
            });
            let want = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !skipped && !want.is_empty() {
                assert!(got.contains(&want), "lost {want:?}");
                checked += 1;
            }
        }
        assert!(checked > 10);
    }
}

#[test]
fn looks_like_html_for_pages_and_fragments() {
    assert!(looks_like_html("<p>a</p><p>b</p>"));
    assert!(looks_like_html("<!doctype html>\n<title>x</title>"));
    assert!(looks_like_html("\u{feff}  <HTML><BODY>x</BODY></HTML>"));
    assert!(looks_like_html("<!-- saved page -->\n<html lang=\"en\">"));
    assert!(looks_like_html("first<br>second<br>third"));
    assert!(looks_like_html("<div class=\"q\">Question 1</div>\n<div class=\"a\">Answer</div>\n"));
}

#[test]
fn looks_like_html_not_for_text() {
    assert!(!looks_like_html(""));
    assert!(!looks_like_html("   \n "));
    assert!(!looks_like_html("a < b and c > d"));
    assert!(!looks_like_html("<Innovative response to COVID-19> Drive-through screening </Innovative>"));
    assert!(!looks_like_html("Choose <a> or <b>."));
    assert!(!looks_like_html("< CDSCH operation > The CDSCH was formed."));
    // One quoted snippet in a long text does not make it a page.
    let text = format!(
        "{}The form said <p>yes</p> and <p>no</p>.\n{}",
        "A line of prose.\n".repeat(10),
        "More prose.\n".repeat(10)
    );
    assert!(!looks_like_html(&text));
}

#[test]
fn the_markups_signals_name_the_headline_and_the_captions() {
    let page = "<html><head><title>Library opens | Gazette</title>\
                <meta property=\"og:type\" content=\"article\"></head><body>\
                <h1>Library opens</h1><figure><img src=\"a.jpg\"><figcaption>Residents at the opening</figcaption></figure>\
                <p>The council opened a new branch of the library on Monday.</p></body></html>";
    let signals = nomina_html::extract(page).signals;
    assert_eq!(signals.headings, ["Library opens"]);
    assert_eq!(signals.captions, ["Residents at the opening"]);
    assert!(signals.article);
}

#[test]
fn publication_meta_tags_are_read_in_any_case() {
    // The Chinese government-site standard names its tags `PubDate` and
    // `ArticleTitle`; others write `pubdate`, `DC.date.issued`, `dcterms.date`.
    let page = "<html><head><meta name=\"ArticleTitle\" content=\"常德市深化改革\">\
                <meta name=\"PubDate\" content=\"2021-06-07\"></head><body><p>正文。</p></body></html>";
    let signals = nomina_html::extract(page).signals;
    assert_eq!(signals.published.as_deref(), Some("2021-06-07"));
    assert_eq!(signals.og_title.as_deref(), Some("常德市深化改革"));
    for tag in ["pubdate", "DC.date.issued", "dcterms.date", "publish-date"] {
        let page =
            format!("<html><head><meta name=\"{tag}\" content=\"2019-03-12\"></head><body><p>Text.</p></body></html>");
        assert_eq!(nomina_html::extract(&page).signals.published.as_deref(), Some("2019-03-12"), "{tag}");
    }
    let page = "<html><head><meta name=\"keywords\" content=\"2019-03-12\"></head><body><p>Text.</p></body></html>";
    assert_eq!(nomina_html::extract(page).signals.published, None);
}
