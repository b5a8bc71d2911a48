//! The values RECORD.md gives for seeds 001 and 003, and the same values
//! when the inputs are varied the way scraped archives vary them.

use nomina::normalize::{Nomination, Record};

const SEED_001: &[u8] = include_bytes!("../fixtures/001_eeae656d80b09620.txt");
const SEED_003: &[u8] = include_bytes!("../fixtures/003_3d6537fba802d833.txt");

fn convert(bytes: &[u8]) -> Record {
    nomina::Pipeline::new(nomina::Options::default()).convert(bytes, "seed.txt").expect("converts")
}

fn nomination(r: &Record) -> &Nomination {
    r.nomination.as_ref().expect("a nomination")
}

/// The form's questions, one answered: what makes a text a nomination for
/// the tests that vary its basic-info block.
const ONE_QUESTION: &str = "Question 1\n\nDescribe the initiative. (300 words maximum)\nIt helps.\n";

fn codes(r: &Record) -> Vec<&str> {
    r.diagnostics.warnings.iter().map(|w| w.code.as_str()).collect()
}

/// The nomination without answers, as JSON, to compare variants.
fn values(r: &Record) -> serde_json::Value {
    let mut v = serde_json::to_value(nomination(r)).unwrap();
    v.as_object_mut().unwrap().remove("answers");
    v
}

#[test]
fn seed_001_gives_the_values_of_record_md() {
    let r = convert(SEED_001);
    assert_eq!(r.kind, nomina::Kind::Nomination);
    assert_eq!(r.languages.labels.as_deref(), Some("en"));
    assert_eq!(r.languages.content.map(|l| l.code()), Some("en"));
    let n = nomination(&r);
    let v = values(&r);
    assert_eq!(v["member_state"], serde_json::json!({"name": "Republic of Korea", "iso2": "KR"}));
    assert_eq!(v["institution_name"], "Dangjin City");
    assert_eq!(v["institution_type"], "Government(Local)");
    assert_eq!(v["department_type"], serde_json::Value::Null);
    assert_eq!(v["administrative_level"], "local");
    assert_eq!(v["initiative_name"], "Dangjin Sustainable Development Basic and Implementation Plans");
    assert_eq!(v["operational_years"], 5);
    assert_eq!(v["website"], "http://www.dangjin.go.kr");
    assert_eq!(v["public_sector"], true);
    assert_eq!(
        v["category"],
        serde_json::json!({"name": "Promoting integrated mechanisms for sustainable development", "special": false})
    );
    assert_eq!(v["sdg_relevant"], true);
    assert_eq!(v["sdgs"], serde_json::json!([16, 17]));
    assert_eq!(v["sdg_targets"], serde_json::json!(["16.7", "16.b", "17.14", "17.17"]));
    assert_eq!(v["implemented_two_years_or_more"], true);
    assert_eq!(v["implementation_date"], "2017-11-01");
    assert_eq!(v["un_involved"], false);
    assert_eq!(v["un_agencies"], serde_json::json!([]));
    assert_eq!(v["submitted_previously"], false);
    assert_eq!(v["won_unpsa"], false);
    assert_eq!(v["won_other_awards"], false);
    assert_eq!(v["how_learned"], "internet");
    assert_eq!(v["validation_consent"], false);

    assert_eq!(n.answers.len(), 22);
    let limits: Vec<Option<u32>> = n.answers.iter().map(|a| a.word_limit).collect();
    let s = Some;
    assert_eq!(
        limits,
        [
            s(300),
            s(100),
            s(200),
            s(100),
            s(200),
            s(100),
            s(200),
            s(300),
            s(100),
            s(100),
            s(100),
            s(200),
            s(200),
            s(100),
            s(100),
            None,
            s(100),
            s(100),
            s(200),
            s(200),
            s(200),
            s(200)
        ]
    );
    let ids: Vec<String> =
        n.answers.iter().map(|a| format!("{}{}", a.question, a.part.map_or("", |p| p.as_str()))).collect();
    assert_eq!(ids.join(" "), "1 2 3a 3b 4a 4b 4c 5a 5b 6a 6b 7a 7b 8a 8b 9a 9b 9c 9d 10 11 12");
    assert_eq!(n.answers[15].text.as_deref(), Some("Yes"));
    assert!(n.answers.iter().all(|a| a.language.map(|l| l.code()) == Some("en")));

    let d = &r.diagnostics;
    assert_eq!(d.duplicate_blocks_removed, 2);
    assert!(d.conflicts.is_empty());
    assert_eq!(d.ui_text_removed, ["UNPSACriteria", "NoItems", "Return to list", "Please wait..."]);
    assert_eq!(d.uncovered_chars, 0);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn seed_003_gives_the_values_of_record_md() {
    let r = convert(SEED_003);
    assert_eq!(r.languages.labels.as_deref(), Some("zh"));
    assert_eq!(r.languages.content.map(|l| l.code()), Some("en"));
    let n = nomination(&r);
    let v = values(&r);
    assert_eq!(v["member_state"], serde_json::json!({"name": "Republic of Korea", "iso2": "KR"}));
    assert_eq!(v["institution_name"], "Ministry of Interior and safety");
    assert_eq!(v["institution_type"], serde_json::Value::Null);
    assert_eq!(v["department_type"], "内政部");
    assert_eq!(v["administrative_level"], "national");
    assert_eq!(v["initiative_name"], "Game Changing K-Innovation and K-Collaboration in Response to the COVID-19");
    assert_eq!(v["operational_years"], 1);
    assert_eq!(v["website"], serde_json::Value::Null);
    assert_eq!(v["public_sector"], serde_json::Value::Null);
    assert_eq!(
        v["category"],
        serde_json::json!({"name": "Institutional resilience and innovative responses to the COVID-19 pandemic", "special": true})
    );
    assert_eq!(v["sdg_relevant"], serde_json::Value::Null);
    assert_eq!(v["sdgs"], serde_json::json!([1, 3, 4, 10]));
    assert_eq!(v["sdg_targets"], serde_json::json!(["1.3", "1.4", "3.8", "3.9", "4.3", "4.5", "10.2", "10.3"]));
    assert_eq!(v["implementation_date"], "2020-02-01");
    assert_eq!(v["how_learned"], "government");
    for key in [
        "implemented_two_years_or_more",
        "un_involved",
        "submitted_previously",
        "won_unpsa",
        "won_other_awards",
        "validation_consent",
    ] {
        assert_eq!(v[key], serde_json::Value::Null, "{key}");
    }

    assert_eq!(n.answers.len(), 23);
    let q1 = &n.answers[0];
    assert_eq!((q1.word_limit, q1.word_count), (Some(300), 310));
    let q6c = n.answers.iter().find(|a| a.question == 6 && a.part.map(|p| p.as_str()) == Some("c")).unwrap();
    assert_eq!(q6c.word_limit, Some(100));
    let q7b = n.answers.iter().find(|a| a.question == 7 && a.part.map(|p| p.as_str()) == Some("b")).unwrap();
    assert_eq!((q7b.word_limit, q7b.text.as_deref(), q7b.word_count), (Some(200), None, 0));
    let q9a = n.answers.iter().find(|a| a.question == 9 && a.part.map(|p| p.as_str()) == Some("a")).unwrap();
    assert_eq!((q9a.text.as_deref(), q9a.language), (None, None));

    let d = &r.diagnostics;
    assert_eq!(d.duplicate_blocks_removed, 0);
    assert_eq!(d.uncovered_chars, 0);
    assert_eq!(codes(&r), ["over_word_limit", "placeholder_answer"]);
    assert_eq!(d.warnings[0].message, "question 1: 310 words against a limit of 300");
    assert_eq!(d.warnings[1].text.as_deref(), Some("."));
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn a_question_running_past_the_catalogs_wording_to_its_mark_leaves_the_answer_below() {
    // The label's tail (`ЮНПСА?`) is no answer; the line under it is.
    let text = String::from_utf8_lossy(SEED_001)
        .replace("How did you learn about UNPSA? INTERNET", "Как вы узнали о премии ЮНПСА?\nИнтернет");
    let r = convert(text.as_bytes());
    assert_eq!(nomination(&r).how_learned.as_deref(), Some("internet"));
}

#[test]
fn line_endings_do_not_matter() {
    for seed in [SEED_001, SEED_003] {
        let base = convert(seed);
        for ending in ["\r\n", "\r"] {
            let varied = convert(text(seed).replace('\n', ending).as_bytes());
            assert_eq!(nomination(&varied), nomination(&base), "line ending {ending:?}");
            assert_eq!(varied.diagnostics.uncovered_chars, 0);
        }
    }
}

#[test]
fn stray_and_non_breaking_spaces_do_not_matter() {
    for seed in [SEED_001, SEED_003] {
        let base = convert(seed);
        let varied: String = text(seed)
            .lines()
            .map(|l| format!("\u{a0}{}  \t", l.replacen(' ', " \u{a0} ", 1)))
            .collect::<Vec<_>>()
            .join("\n");
        let r = convert(varied.as_bytes());
        assert_eq!(values(&r), values(&base));
        let (a, b) = (&nomination(&r).answers, &nomination(&base).answers);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert_eq!((x.question, &x.part, x.word_limit), (y.question, &y.part, y.word_limit));
            assert_eq!(x.word_count, y.word_count, "question {} {:?}", x.question, x.part);
        }
        assert_eq!(r.diagnostics.uncovered_chars, 0);
    }
}

#[test]
fn a_copy_of_a_block_moved_elsewhere_is_a_duplicate() {
    let seed = text(SEED_003);
    let start = seed.find("问题三:可持续发展目标").unwrap();
    let end = seed.find("问题四:实施日期").unwrap();
    let block = &seed[start..end];
    // The copy goes after the form's last answer, before the page chrome.
    let at = seed.find("返回列表").unwrap();
    let moved = format!("{}{}\n{}", &seed[..at], block, &seed[at..]);
    let r = convert(moved.as_bytes());
    let base = convert(SEED_003);
    assert_eq!(values(&r), values(&base));
    assert_eq!(nomination(&r).answers, nomination(&base).answers);
    assert_eq!(r.diagnostics.duplicate_blocks_removed, 1);
    assert!(r.diagnostics.conflicts.is_empty());
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

#[test]
fn a_disagreeing_copy_is_a_conflict() {
    let seed = text(SEED_001);
    // The second copy of the basic-info block names another date.
    let first = seed.find("01 Nov 2017").unwrap();
    let second = first + 1 + seed[first + 1..].find("01 Nov 2017").unwrap();
    let varied = format!("{}02 Nov 2017{}", &seed[..second], &seed[second + "01 Nov 2017".len()..]);
    let r = convert(varied.as_bytes());
    assert_eq!(nomination(&r).implementation_date.unwrap().to_string(), "2017-11-01");
    assert_eq!(r.diagnostics.duplicate_blocks_removed, 2);
    let c = &r.diagnostics.conflicts;
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        (c[0].field.as_str(), c[0].kept.as_str(), c[0].dropped.as_str()),
        ("implementation_date", "01 Nov 2017", "02 Nov 2017")
    );
}

#[test]
fn answers_split_over_several_lines_are_joined() {
    let seed = text(SEED_001);
    let line = seed.lines().find(|l| l.starts_with("Dang City ensured")).unwrap();
    let cut = line.find(". ").unwrap() + 1;
    let split = format!("{}\n  {}", &line[..cut], &line[cut + 1..]);
    let r = convert(seed.replace(line, &split).as_bytes());
    let base = convert(SEED_001);
    let (a, b) = (&nomination(&r).answers[1], &nomination(&base).answers[1]);
    assert_eq!(a.text.as_deref().unwrap().lines().count(), 2);
    assert_eq!(a.text.as_deref().unwrap().replace('\n', " "), b.text.as_deref().unwrap());
    assert_eq!(a.word_count, b.word_count);
    assert_eq!(nomination(&r).answers.len(), 22);
}

#[test]
fn a_file_cut_off_mid_answer_gives_a_partial_record() {
    let seed = text(SEED_001);
    let line = seed.lines().find(|l| l.starts_with("Dangjin City designated the Planning")).unwrap();
    let at = seed.find(line).unwrap() + line.len() / 2;
    let at = (at..).find(|&i| seed.is_char_boundary(i)).unwrap();
    let r = convert(&seed.as_bytes()[..at]);
    let n = nomination(&r);
    // Questions 1 to 5 a are there, the last one cut.
    assert_eq!(n.answers.len(), 8);
    let last = n.answers.last().unwrap();
    assert_eq!((last.question, last.part.map(|p| p.as_str())), (5, Some("a")));
    assert!(line.starts_with(last.text.as_deref().unwrap()));
    assert_eq!(n.implementation_date.unwrap().to_string(), "2017-11-01");
    let truncated: Vec<_> = r.diagnostics.warnings.iter().filter(|w| w.code == "truncated").collect();
    assert_eq!(truncated.len(), 1);
    assert!(truncated[0].line.is_some());
    assert_eq!(r.diagnostics.uncovered_chars, 0);
    // The whole seed is not truncated.
    assert!(!codes(&convert(SEED_001)).contains(&"truncated"));
}

#[test]
fn an_unknown_label_is_kept_with_a_warning() {
    let seed = text(SEED_001);
    let varied = seed.replacen(
        "Institution Type Government(Local)",
        "Institution Type Government(Local)\nFounding Charter Article 7",
        1,
    );
    let r = convert(varied.as_bytes());
    assert_eq!(values(&r), values(&convert(SEED_001)));
    let w: Vec<_> = r.diagnostics.warnings.iter().filter(|w| w.code == "unknown_label").collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].text.as_deref(), Some("Founding Charter Article 7"));
    assert_eq!(r.diagnostics.unparsed, ["Founding Charter Article 7"]);
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

#[test]
fn labels_worded_differently_still_give_the_values() {
    let seed = text(SEED_001);
    let varied = seed
        .replace("Member State Republic of Korea", "Country Republic of Korea")
        .replace("Is this a public sector initiative?", "Is this initiative from the public sector?")
        .replace(
            "Has the United Nations or any UN agencies been involved in this initiative?",
            "Have the United Nations or UN agencies been involved in the initiative?",
        )
        .replace("Please provide date of implemenation (dd/MM/yyyy)", "Date the initiative started (dd/MM/yyyy)")
        .replace("How did you learn about UNPSA? INTERNET", "Where did you hear of the awards? INTERNET")
        .replace("(2017-2019)", "(2018-2020)");
    let r = convert(varied.as_bytes());
    assert_eq!(values(&r), values(&convert(SEED_001)));
    assert_eq!(nomination(&r).answers.len(), 22);
    let fuzzy: Vec<&str> =
        r.diagnostics.warnings.iter().filter(|w| w.code == "fuzzy_label").map(|w| w.text.as_deref().unwrap()).collect();
    assert_eq!(
        fuzzy,
        [
            "Country",
            "Is this initiative from the public sector",
            "Date the initiative started (dd/MM/yyyy)",
            "Have the United Nations or UN agencies been involved in the initiative",
            "1. Has the initiative submitted an application for consideration in the past 3 years (2018-2020)",
            "Where did you hear of the awards"
        ]
    );
    assert!(r.diagnostics.unparsed.is_empty(), "{:?}", r.diagnostics.unparsed);
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

#[test]
fn a_loose_label_ends_where_a_value_of_its_kind_begins() {
    // `Página web de la entidad` is most like `Sitio web de la institución`
    // without its last word; the web address, not `entidad ...`, is the value.
    let seed =
        String::from_utf8(std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/102_es_from_001.txt")).unwrap())
            .unwrap();
    let varied = seed.replace("Sitio web de la institución http", "Página web de la entidad http");
    assert_ne!(varied, seed);
    let r = convert(varied.as_bytes());
    assert_eq!(nomination(&r).website.as_deref(), Some("http://www.dangjin.go.kr"));
    let fuzzy = r.diagnostics.warnings.iter().find(|w| w.code == "fuzzy_label" && w.message.starts_with("website"));
    assert_eq!(fuzzy.and_then(|w| w.text.as_deref()), Some("Página web de la entidad"));
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

#[test]
fn closing_chrome_in_unknown_wording_is_not_an_answer() {
    let seed = text(SEED_001)
        .replace("Return to list", "Retourner à la liste des candidatures")
        .replace("Please wait...", "Chargement…");
    let r = convert(seed.as_bytes());
    let base = convert(SEED_001);
    let last = |r: &Record| nomination(r).answers.last().unwrap().text.clone().unwrap();
    assert!(last(&r) == last(&base), "the last answer keeps no chrome: {:?}", last(&r).lines().last());
    let d = &r.diagnostics;
    assert!(
        d.ui_text_removed.ends_with(&["Retourner à la liste des candidatures".to_string(), "Chargement…".to_string()])
    );
    assert_eq!(codes(&r), ["fuzzy_label", "fuzzy_label"]);
    assert_eq!(d.uncovered_chars, 0);
}

/// A form copied from a table, each label alone on its line and its value
/// on the next, in wordings the catalog lacks: each label is the field the
/// block expects next, its value the line under it.
#[test]
fn labels_alone_on_their_lines_over_their_values() {
    let seed = text(SEED_001);
    let mut form = seed.clone();
    for (line, label, value) in [
        ("Member State Republic of Korea", "Country of the nominating body", "Republic of Korea"),
        ("Institution Name Dangjin City", "Full title of the nominating body", "Dangjin City"),
        ("Administrative Level Local", "Tier of government", "Local"),
        ("Projects Operational Years 5", "Running for how many years", "5"),
        ("Website of Institution http://www.dangjin.go.kr", "Web address of the body", "http://www.dangjin.go.kr"),
    ] {
        assert!(form.contains(line), "{line}");
        form = form.replacen(line, &format!("{label}\n{value}"), 3);
    }
    let r = convert(form.as_bytes());
    let want = values(&convert(SEED_001));
    let got = values(&r);
    for key in ["member_state", "institution_name", "administrative_level", "operational_years", "website"] {
        assert_eq!(got[key], want[key], "{key}");
    }
    assert_eq!(r.diagnostics.uncovered_chars, 0);
    // A value of the wrong kind under a label leaves the label unknown.
    let wrong = seed.replacen("Member State Republic of Korea", "Country of the nominating body\nSee attached", 3);
    assert!(values(&convert(wrong.as_bytes()))["member_state"].is_null());
}

/// A form of another layout: sections lettered from `A.`, and each label of
/// the institution block alone on its line over its value, in wordings the
/// catalog lacks.
#[test]
fn sections_lettered_from_a_and_labels_over_their_values_are_read() {
    let text = "Overview\n\nAbout the institution\n\nUN Member State concerned\nRepublic of Korea\n\
                Name of the nominated institution\nDangjin City\nTier of administration\nLocal\n\
                Title of the initiative\nDangjin Plan\n\n\
                A. Public character\n\nDoes the initiative belong to the public sector?\nYES\n\n\
                B. Award category\n\nCategory the initiative falls under\nGender-responsive public services\n\n\
                C. Global Goals\n\nDoes it relate to the Goals?\nYES\n\n\
                D. Start of implementation\n\nImplementation start date\n01/11/2017\n\n\
                E. United Nations\n\nWere UN agencies part of it?\nNO\n\n";
    let r = convert(format!("{text}{ONE_QUESTION}").as_bytes());
    let v = values(&r);
    assert_eq!(v["member_state"], serde_json::json!({"name": "Republic of Korea", "iso2": "KR"}));
    assert_eq!(v["institution_name"], "Dangjin City");
    assert_eq!(v["administrative_level"], "local");
    assert_eq!(v["initiative_name"], "Dangjin Plan");
    assert_eq!(v["public_sector"], true);
    assert_eq!(v["un_involved"], false);
    assert_eq!(nomination(&r).answers.len(), 1);
}

/// A table export whose empty answers leave their cells empty (`Website
/// |`) and whose yes/no rows tick neither box: every such field stays
/// empty, and an empty row under a list is the next label, not an item.
#[test]
fn empty_cells_and_unticked_boxes_leave_their_fields_empty() {
    let text = "Basic information\n\
                \n\
                Institution information\n\
                \n\
                Field | Answer\n\
                Member State | Republic of Korea\n\
                Institution Name | Ministry of Interior and Safety\n\
                Kind of public institution |\n\
                Website |\n\
                \n\
                Question 1: About the Initiative\n\
                \n\
                Is this a public sector initiative? | [ ] Yes [ ] No\n\
                \n\
                Question 5: Partners\n\
                \n\
                Did a UN agency take part? | [ ] Yes [ ] No\n\
                UN agencies involved |\n\
                Further details |\n\
                \n\
                ";
    let r = convert(format!("{text}{ONE_QUESTION}").as_bytes());
    let v = values(&r);
    assert_eq!(v["institution_name"], "Ministry of Interior and Safety");
    for field in ["institution_type", "website", "public_sector", "un_involved", "un_involvement_details"] {
        assert_eq!(v[field], serde_json::Value::Null, "{field}");
    }
    assert_eq!(v["un_agencies"], serde_json::json!([]));
    assert!(codes(&r).contains(&"unreadable_value"));
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}

/// Labels alone over their values in wordings the catalog lacks: a value
/// alike to a label (`Ministry of …`) under the label waiting for it is the
/// value, and a date's label under an unanswered yes/no question is no
/// yes/no answer.
#[test]
fn a_value_under_its_label_stays_a_value() {
    let text = "Сведения об учреждении\n\
                \n\
                Страна\n\
                Республика Корея\n\
                Учреждение\n\
                Ministry of Interior and Safety\n\
                Сайт\n\
                http://x.kr\n\
                \n\
                Вопрос 1: Об инициативе\n\
                \n\
                Относится ли инициатива к государственному сектору?\n\
                Да\n\
                \n\
                Вопрос 4: Дата начала реализации\n\
                \n\
                Длится ли инициатива два года или дольше?\n\
                Дата начала\n\
                01 2月 2020\n\
                \n\
                Вопрос 1\n\
                \n\
                Опишите инициативу. (не более 300 слов)\n\
                It helps.\n\
                ";
    let r = convert(text.as_bytes());
    let v = values(&r);
    assert_eq!(v["institution_name"], "Ministry of Interior and Safety");
    assert_eq!(v["website"], "http://x.kr");
    assert_eq!(v["implemented_two_years_or_more"], serde_json::Value::Null);
    assert_eq!(v["implementation_date"], "2020-02-01");
}

/// The categories printed one a line, each after its box, the ticked one
/// chosen: the category is the ticked option, not the first line.
#[test]
fn a_category_chosen_among_options_one_a_line_is_the_ticked_one() {
    let text = "Institutional Information\n\
                \n\
                Member State Republic of Korea\n\
                Institution Name Dangjin City\n\
                \n\
                Question 1: About the Initiative\n\
                \n\
                Is this a public sector initiative? Yes\n\
                \n\
                Question 2: Categories\n\
                \n\
                Which award category does the initiative enter?\n\
                ( ) Delivering inclusive and equitable services for all\n\
                (•) Promoting integrated mechanisms for sustainable development\n\
                ( ) Developing transparent and accountable public institutions\n\
                UNPSACriteria\n\
                NoItems\n\
                \n\
                Question 3: Sustainable Development Goals\n\
                \n\
                Is the initiative relevant to the SDGs? Yes\n\
                \n\
                ";
    let r = convert(format!("{text}{ONE_QUESTION}").as_bytes());
    let v = values(&r);
    assert_eq!(v["category"]["name"], "Promoting integrated mechanisms for sustainable development");
    assert_eq!(v["sdg_relevant"], true);
    assert_eq!(r.diagnostics.uncovered_chars, 0);
}
