//! Arbitrary text through the text parser alone: `nomina::parse::parse`.
//!
//! Checks, besides "no panic": every span the document carries lies inside
//! the text, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nomina::parse::{Body, Document, LineRef, Span, parse};

fn check(doc: &Document, span: Span) {
    assert!(span.start <= span.end && span.end <= doc.text.len(), "span {span:?} outside the text");
    assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end), "span {span:?} splits a char");
}

fn check_line(doc: &Document, at: &LineRef) {
    check(doc, at.span);
    assert!(at.line >= 1 && at.line <= doc.lines.len(), "line {} of {}", at.line, doc.lines.len());
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = parse(text);
    for line in &doc.lines {
        check(&doc, line.span);
        check(&doc, line.trimmed);
    }
    match &doc.body {
        Body::Form(form) => {
            for m in form.sections.iter().chain(&form.chrome) {
                check_line(&doc, &m.at);
            }
            let fields = form.institution.iter().chain(form.basic.iter().flat_map(|b| &b.fields));
            for f in fields {
                check(&doc, f.label);
                check(&doc, f.label_full);
                if let Some(v) = f.value {
                    check(&doc, v);
                }
                f.items.iter().for_each(|l| check_line(&doc, l));
            }
            for b in &form.basic {
                check_line(&doc, &b.heading);
                if let Some(t) = b.title {
                    check(&doc, t);
                }
                b.unknown.iter().for_each(|u| check_line(&doc, &u.at));
            }
            for q in &form.questions {
                check_line(&doc, &q.heading);
                for p in &q.parts {
                    check(&doc, p.prompt);
                    if let Some(m) = p.marker {
                        check(&doc, m);
                    }
                    p.answer.iter().for_each(|l| check_line(&doc, l));
                }
            }
            form.stray.iter().for_each(|l| check_line(&doc, l));
        }
        Body::News(news) => {
            check_line(&doc, &news.title);
            if let Some(b) = &news.byline {
                check_line(&doc, &b.at);
                check(&doc, b.name);
            }
            if let Some(d) = &news.published {
                check_line(&doc, &d.at);
                check(&doc, d.date);
            }
            for h in &news.headings {
                check_line(&doc, &h.at);
                check(&doc, h.text);
            }
            news.captions.iter().chain(&news.paragraphs).chain(&news.boilerplate).for_each(|l| check_line(&doc, l));
        }
        Body::Text(lines) => lines.iter().for_each(|l| check_line(&doc, l)),
    }
});
