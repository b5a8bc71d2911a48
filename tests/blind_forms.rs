//! Forms in wordings nobody on the project wrote, and forms of other years
//! (`fixtures-blind/` and `fixtures-blind/round2/` to `round39/`, thirty-nine sets
//! written independently, each described in its README.md): seed 001 with every
//! label, heading, prompt and yes/no value written afresh in the six
//! languages comes out as seed 001 does, and a form whose questions were
//! added, dropped or renumbered keeps each answer under its own number.

use std::path::{Path, PathBuf};

use nomina::normalize::{Nomination, Record};
use serde_json::Value;

/// The first blind set, or a later one.
fn blind_dir(round: u8) -> PathBuf {
    let first = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures-blind");
    if round == 1 { first } else { first.join(format!("round{round}")) }
}

fn convert(path: &Path) -> Record {
    let bytes = std::fs::read(path).expect("fixture is readable");
    nomina::Pipeline::new(nomina::Options::default()).convert(&bytes, &path.to_string_lossy()).expect("converts")
}

fn nomination(r: &Record) -> &Nomination {
    r.nomination.as_ref().expect("a nomination")
}

/// The renderings or the forms of other years, by name.
fn files(round: u8, prefixes: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(blind_dir(round))
        .expect("fixtures-blind is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            (name.ends_with(".txt") || name.ends_with(".html")) && prefixes.iter().any(|pre| name.starts_with(pre))
        })
        .collect();
    out.sort();
    out
}

/// The nomination's basic fields as JSON, answers aside.
fn basic(n: &Nomination) -> serde_json::Map<String, Value> {
    let mut v = serde_json::to_value(n).unwrap();
    let map = v.as_object_mut().unwrap();
    map.remove("answers");
    map.clone()
}

fn answer_facts(n: &Nomination) -> Vec<(u32, Option<String>, Option<u32>)> {
    n.answers
        .iter()
        .map(|a| {
            let part = serde_json::to_value(a.part).unwrap().as_str().map(str::to_string);
            (a.question, part, a.word_limit)
        })
        .collect()
}

/// Fields whose value is kept as the form writes it, so that a translated
/// one cannot equal the English seed's: a translated institution type is
/// free text (and, written in the label's own script, nothing tells where
/// its label ends), and a category in a translation the reference data
/// lacks is kept as written, with a warning.
const AS_WRITTEN: [&str; 2] = ["institution_type", "category"];

/// What every rendering of a set says that seed 001's record does not, as
/// `FILE: FIELD is …` lines.
fn renderings_against_seed_001(round: u8, count: usize) -> Vec<String> {
    renderings_against("001_eeae656d80b09620.txt", 22, round, &["r_", "e_"], count)
}

/// What every rendering of a seed (the files of `round` named with one of
/// `prefixes`) says that the seed's record does not.
fn renderings_against(seed: &str, answers: usize, round: u8, prefixes: &[&str], count: usize) -> Vec<String> {
    let seed = convert(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(seed));
    let want_basic = basic(nomination(&seed));
    let want_answers = answer_facts(nomination(&seed));
    assert_eq!(want_answers.len(), answers);
    let renderings = files(round, prefixes);
    assert_eq!(renderings.len(), count);
    let mut wrong = Vec::new();
    for path in &renderings {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let record = convert(path);
        assert_eq!(record.diagnostics.uncovered_chars, 0, "{name}");
        if record.kind != nomina::Kind::Nomination {
            wrong.push(format!("{name}: kind is {:?}", record.kind));
            continue;
        }
        let n = nomination(&record);
        let got = basic(n);
        for (key, want) in &want_basic {
            let have = &got[key];
            if !AS_WRITTEN.contains(&key.as_str()) && have != want {
                wrong.push(format!("{name}: {key} is {have}, not {want}"));
            }
        }
        let have = answer_facts(n);
        if have != want_answers {
            wrong.push(format!("{name}: answers {have:?}"));
        }
    }
    wrong
}

/// Fails on a difference from seed 001 that `known` does not name, and on
/// a known one that no longer shows: the list is kept true.
fn only_known_differences(wrong: &[String], known: &[&str]) {
    let mut unexplained: Vec<&String> = wrong.iter().filter(|w| !known.iter().any(|k| w.starts_with(k))).collect();
    unexplained.sort();
    assert!(unexplained.is_empty(), "{unexplained:#?}");
    let shown: Vec<&&str> = known.iter().filter(|k| wrong.iter().any(|w| w.starts_with(**k))).collect();
    assert_eq!(shown.len(), known.len(), "known limits that hold no longer: {known:?} against {wrong:#?}");
}

#[test]
fn every_rendering_of_seed_001_reads_as_seed_001() {
    // `Initiative Title Dangjin…`: the label's words, a synonym counted
    // (`title` for `name`), end before the value's capital.
    only_known_differences(&renderings_against_seed_001(1, 12), &[]);
}

#[test]
fn every_rendering_of_the_second_set_reads_as_seed_001() {
    // Known limits: those of the first set, and a goal named in a wording
    // whose words are not the data's (`السلام والعدل والمؤسسات القوية` for goal
    // 16 is read, `عقد الشراكات لتحقيق الأهداف` for 17, sharing two words of
    // four with the data's name, is not).
    only_known_differences(&renderings_against_seed_001(2, 12), &["r_ar_2.txt: sdgs"]);
}

/// The third set: every basic field and every answer as in seed 001.
#[test]
fn every_rendering_of_the_third_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(3, 7), &[]);
}

/// The fourth to seventh sets (written after the third set's round, each
/// by a writer who saw only the seeds and the earlier sets' READMEs and
/// expected facts), with their known limits.
#[test]
fn every_rendering_of_the_fourth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(4, 7), &[]);
}

/// `Южная Корея` and `南韩`, common names of the Republic of Korea, are read
/// from the project's aliases beside CLDR's and the UN's names.
#[test]
fn every_rendering_of_the_fifth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(5, 7), &[]);
}

/// e_10 answers yes/no with `O`/`X` and names the country `Korea (ROK)`.
#[test]
fn every_rendering_of_the_sixth_set_reads_as_seed_001() {
    only_known_differences(
        &renderings_against_seed_001(6, 7),
        &[
            "e_10.txt: member_state",
            "e_10.txt: submitted_previously",
            "e_10.txt: un_involved",
            "e_10.txt: validation_consent",
            "e_10.txt: won_other_awards",
            "e_10.txt: won_unpsa",
        ],
    );
}

/// e_12 is a spreadsheet exported as quoted comma-separated rows, not a
/// page; r_es_7's `Gobierno municipal` under `TIPO DE DEPENDENCIA` is taken
/// for the department type.
#[test]
fn every_rendering_of_the_seventh_set_reads_as_seed_001() {
    only_known_differences(
        &renderings_against_seed_001(7, 7),
        &[
            "e_12.txt: answers",
            "e_12.txt: how_learned",
            "e_12.txt: implementation_date",
            "e_12.txt: implemented_two_years_or_more",
            "e_12.txt: public_sector",
            "e_12.txt: sdg_relevant",
            "e_12.txt: sdg_targets",
            "e_12.txt: sdgs",
            "e_12.txt: submitted_previously",
            "e_12.txt: un_involved",
            "e_12.txt: validation_consent",
            "e_12.txt: won_other_awards",
            "e_12.txt: won_unpsa",
            "r_es_7.txt: department_type",
        ],
    );
}

/// The eighth set asked for the likeliest wordings, with one quirk in half
/// its files; the ninth likewise, and was only measured (its totals) before
/// it joined the fixtures.
#[test]
fn every_rendering_of_the_eighth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(8, 7), &[]);
}

#[test]
fn every_rendering_of_the_ninth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(9, 7), &[]);
}

/// The tenth set, measured by its totals before its failures were read.
#[test]
fn every_rendering_of_the_tenth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(10, 7), &[]);
}

/// The eleventh set, measured by its totals before its failures were read.
/// e_20's limits are written `— 300 words max.` and `— about 300 words`.
/// The Chinese and Arabic dates run into labels the catalog lacks are read
/// by the date's kind.
#[test]
fn every_rendering_of_the_eleventh_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(11, 7), &[]);
}

/// The twelfth set, whose Arabic form puts every value on the line after
/// its label and numbers its sections by ordinal words alone (`أولاً - `).
#[test]
fn every_rendering_of_the_twelfth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(12, 7), &[]);
}

/// The thirteenth set, measured by its totals (315/841) before its failures
/// were read.
#[test]
fn every_rendering_of_the_thirteenth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(13, 7), &[]);
}

/// The fourteenth set, measured by its totals (737/837) before its failures
/// were read. r_ru_14 is hard-wrapped at 76 characters by a mail client:
/// a prompt goes on to its word limit and a free-text value over the lines
/// under it, but a list's label cut by a break, and a tick left alone at a
/// line's end with its `Нет` on the next, are not joined.
#[test]
fn every_rendering_of_the_fourteenth_set_reads_as_seed_001() {
    only_known_differences(
        &renderings_against_seed_001(14, 7),
        &["r_ru_14.txt: sdgs", "r_ru_14.txt: won_other_awards"],
    );
}

/// The fifteenth set, measured by its totals (594/829) before its failures
/// were read. r_es_15's `Tipo de dependencia` is a wording the catalog has
/// for the department type (a `dependencia` is an agency in Mexico, a
/// department elsewhere).
#[test]
fn every_rendering_of_the_fifteenth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(15, 7), &["r_es_15.txt: department_type"]);
}

/// The sixteenth set, measured by its totals (591/837) before its failures
/// were read: Russian with a soft hyphen inside every long word, Chinese in
/// traditional characters with formal numerals (`壹、`) and a date of the
/// Republic of China era, a bilingual `Yes/Oui`, a Roman month
/// (`01.XI.2017`), dates written `20171101` and `01-Nov-17`.
#[test]
fn every_rendering_of_the_sixteenth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(16, 7), &[]);
}

/// The seventeenth set, measured by its totals (644/841) before its
/// failures were read. Still wrong: r_ar_17 names the institution's type
/// `صنف الإدارة` (kind of the administration), which shares `الإدارة` with
/// the catalog's department type (`نوع الإدارة`) and no word with the
/// institution type's, so its value is taken for the department's.
#[test]
fn every_rendering_of_the_seventeenth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(17, 7), &["r_ar_17.txt: department_type"]);
}

/// The eighteenth set, measured by its totals (698/845) before its
/// failures were read: Word check boxes left as Wingdings letters (`þ Oui ¨
/// Non`), OCR misreadings in labels, footnote marks after labels, parts
/// numbered `(3.1)` and by Arabic ordinal words (`أولاً:`), sections
/// lettered before a Chinese word (`A部分：`), a weekday in brackets after a
/// date.
#[test]
fn every_rendering_of_the_eighteenth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(18, 7), &[]);
}

/// The nineteenth set, measured by its totals (465/841) before its
/// failures were read: an online form's help text under every field (`Aide
/// : …`), a word counter under every answer (`Количество слов: 276 из 300`),
/// yes/no values with their codes (`Oui (1)`), parts `«а»`, `1、` and `3.a`.
#[test]
fn every_rendering_of_the_nineteenth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(19, 7), &[]);
}

/// The twentieth set, measured by its totals (628/845) before its
/// failures were read: values printed over their captions in brackets
/// (r_ru_20), ditto marks for a repeated block's values, accents lost in
/// retyping, a heading numbered in words and figures (`QUESTION ONE (1)`),
/// sections numbered `(iv)`, yes/no words `Affirmatif`, `بالإيجاب`, `Да
/// (ҳа)`, `【是】`. Still wrong: a date written in words, year included
/// (`premier novembre deux mille dix-sept`).
#[test]
fn every_rendering_of_the_twentieth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(20, 7), &["r_fr_20.txt: implementation_date"]);
}

/// The twenty-first set, measured by its totals (668/821) before its
/// failures were read: Arabic in shaped presentation forms, as a PDF copies
/// it; parts `小题一：`; yes/no `Sí – X`; `Target-16.7`; `1ro. de noviembre`.
/// A label broken over two lines is read as one. Still wrong: r_es_21's
/// institution block copied out of a table column by column (its seven
/// labels, then its seven values); r_ru_21's labels broken over three lines
/// or more (the goals' label), and its level `Местное самоуправление`
/// (local self-government), a wording other forms give the institution's
/// type, taken for a department type.
#[test]
fn every_rendering_of_the_twenty_first_set_reads_as_seed_001() {
    only_known_differences(
        &renderings_against_seed_001(21, 7),
        &[
            "r_es_21.txt: administrative_level",
            "r_es_21.txt: initiative_name",
            "r_es_21.txt: institution_name",
            "r_es_21.txt: member_state",
            "r_es_21.txt: operational_years",
            "r_ru_21.txt: administrative_level",
            "r_ru_21.txt: department_type",
            "r_ru_21.txt: sdgs",
        ],
    );
}

/// The twenty-second set, measured by its totals (1237/1270, 1234/1242
/// without the translated type and category) before its failures were
/// read: plain translations in a formal register, two independent wordings
/// in each of five languages and two English paraphrases, no layout quirk.
/// Institution labels with no mark before their value (`Name of the
/// institution Dangjin City`) are placed by their words.
#[test]
fn every_rendering_of_the_twenty_second_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(22, 12), &[]);
}

/// The twenty-third set, measured by its totals (892/1007) before its
/// failures were read: national administrations' wordings, each with one
/// scraping artefact (no-break spaces, a tab between label and value,
/// Windows line ends, smart quotes, the page chrome in Arabic, a block
/// printed twice), and boxes ticked in brackets (`Yes [✔]`, `No (✔)`).
/// Its last three differences came right later: r_ar_23b's questions
/// numbered `س1/` (the abbreviated word for a question, a slash closing
/// the number), r_es_23's targets after `Meta N.°`, and r_ru_23's label
/// qualified in brackets (`Название инициативы (проекта)`).
#[test]
fn every_rendering_of_the_twenty_third_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(23, 9), &[]);
}

/// The twenty-fourth set, measured by its totals (1267/1286, 1256/1258
/// without the translated type and category) before its failures were
/// read: plain translations by another hand, the select lists' options
/// translated too (`Online`, `網際網路`, `Pouvoirs publics (niveau local)`).
#[test]
fn every_rendering_of_the_twenty_fourth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(24, 12), &[]);
}

/// The twenty-fifth set, measured by its totals (1262/1282, 1247/1254
/// without the translated type and category) before its failures were
/// read: two wordings of five languages and two English paraphrases with
/// the noise of scraped dumps (blocks printed twice, chrome between them,
/// labels over their values, wrapped answers, trailing and no-break
/// spaces), the select lists' options translated (`Por Internet`, `公共部门
/// （地方）`), the country by its common name (`Южная Корея`).
#[test]
fn every_rendering_of_the_twenty_fifth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(25, 12), &[]);
}

/// The twenty-sixth set, measured by its totals (999/1168 with the code
/// as it stood when it came) before its failures were read: national
/// administrative wordings (Belgian, Chilean, Belarusian, Moroccan,
/// Taiwanese and Indian), one scraping artefact each, and six forms of
/// other years. Its Taiwanese rendering numbers its questions `第 1 題`.
/// `Tier of Government Local Self-Government` gives the level: a level's
/// word opens the value. Known limit: r_es_26's country label qualified in
/// brackets over its value (`País (Estado Miembro)` / `República de Corea`).
#[test]
fn every_rendering_of_the_twenty_sixth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(26, 6), &[]);
}

/// The twenty-seventh set, measured by its totals (834/1176 with the code
/// as it stood when it came) before its failures were read: a printed
/// record numbering its basic questions `A1`…`A10` and its narrative ones
/// `Q1. <prompt> (max. 300 words)`, a review sheet numbering them `1.1`…
/// `1.10` and `1)`, `3a)`, a portal giving every label in French and
/// English (`Pays / Country`) over its value, and six forms of other years.
/// The bilingual labels are all label, their values under them.
#[test]
fn every_rendering_of_the_twenty_seventh_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(27, 6), &[]);
}

/// The twenty-eighth set, measured by its totals (392/1180 with the code
/// as it stood when it came) before its failures were read: seed 001 as an
/// e-mail confirmation (`* Label: value`, `[3.i]`), a Word working copy
/// (`Section 1 — …` holding the institution, `Question 3(a)` over its
/// prompt), a mobile view (`PREGUNTA 3` / `APARTADO A`, labels in
/// capitals over their values), a printed form with checkboxes (`[x]
/// Задача 16.7 — …`, a row `[ ] электронная рассылка [x] Интернет …`), and
/// two table exports: a spreadsheet's rows (`الغاية المختارة | 16.7 …`, the
/// list's label on every item) and a two-column table whose sections are
/// titled in brackets (`〖公共部门〗`) and whose questions are rows
/// `题号 / 题目 / 答复` set off by blanks. All read as seed 001 but for
/// the level of government of the e-mail and the mobile view:
/// `Sub-national (local)` and `NIVEL DE GOBIERNO` over `Municipal` are
/// taken for the department type.
#[test]
fn every_rendering_of_the_twenty_eighth_set_reads_as_seed_001() {
    let wrong = renderings_against_seed_001(28, 6);
    only_known_differences(
        &wrong,
        &[
            "r_en_28.txt: administrative_level",
            "r_en_28.txt: department_type",
            "r_es_28.txt: administrative_level",
            "r_es_28.txt: department_type",
        ],
    );
    // The mobile view's answers keep their questions and parts, and so do
    // the spreadsheet's rows (`3 | ب | <prompt> | 100 | <answer>`), and
    // the e-mail's bracketed questions.
    for file in ["r_es_28.txt", "r_ar_28.txt", "r_en_28.txt"] {
        assert!(!wrong.iter().any(|w| w.starts_with(&format!("{file}: answers"))), "{wrong:#?}");
    }
}

/// Options printed with their boxes left empty among the ticked ones of a
/// list (round 28's printed form, two unchosen options added): reported,
/// not read as chosen.
#[test]
fn a_lists_options_left_unticked_are_reported_not_chosen() {
    let path = blind_dir(28).join("r_ru_28.txt");
    let text = std::fs::read_to_string(&path).expect("fixture is readable");
    let text = text
        .replace("[x] Цель 17.", "[ ] Цель 3. Хорошее здоровье и благополучие\n[x] Цель 17.")
        .replace("[x] Задача 16.b", "[ ] Задача 3.1 — Снизить материнскую смертность\n[x] Задача 16.b");
    let record =
        nomina::Pipeline::new(nomina::Options::default()).convert(text.as_bytes(), "r_ru_28.txt").expect("converts");
    let n = nomination(&record);
    assert_eq!(serde_json::to_value(&n.sdgs).expect("serializes"), serde_json::json!([16, 17]));
    let targets = serde_json::to_value(&n.sdg_targets).expect("serializes");
    assert_eq!(targets, serde_json::json!(["16.7", "16.b", "17.14", "17.17"]));
    let unticked: Vec<&str> = record
        .diagnostics
        .warnings
        .iter()
        .filter(|w| w.code == "unticked_option")
        .filter_map(|w| w.text.as_deref())
        .collect();
    assert_eq!(
        unticked,
        ["[ ] Цель 3. Хорошее здоровье и благополучие", "[ ] Задача 3.1 — Снизить материнскую смертность"]
    );
    assert_eq!(n.how_learned.as_deref(), Some("internet"));
}

/// The twenty-ninth set, measured by its totals (1173/1184 with the code
/// as it stood when it came): seed 001 in the seed's own layout with every
/// label, heading, prompt and chrome line worded afresh, and six forms of
/// other years. Its categories are free translations the reference data
/// lacks, kept as written.
#[test]
fn every_rendering_of_the_twenty_ninth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(29, 6), &[]);
}

/// The thirtieth set, measured by its totals (942/1184 with the code as it
/// stood when it came): seed 001 and six forms of other years saved as
/// HTML pages, each language in another markup (a table of `<th>`/`<td>`
/// rows, a `<dl>`, Bootstrap form groups, read-only controls, a list of
/// `<strong>` labels, headings and paragraphs). Its categories are free
/// translations the reference data lacks, kept as written. The Chinese
/// date runs into its label's bracketed format (`（日/月/年）2017年11月1日`).
#[test]
fn every_rendering_of_the_thirtieth_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(30, 6), &[]);
}

#[test]
fn forms_of_other_years_of_the_thirtieth_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(30, 6), &[]);
}

/// The thirty-first set, measured by its totals (1505/1718 with the code as
/// it stood when it came): seed 001 in two independent wordings in each of
/// five languages and two English paraphrases, in the seed's own layout,
/// half with their labels over their values, and six forms of other years.
/// Word limits closing the prompt after a dash (`— no more than 300
/// words`, `Límite: 300 palabras`) and labels the catalog lacks over their
/// values (`Country` / `South Korea`) are read. Its categories are free
/// translations the reference data lacks, kept as written.
#[test]
fn every_rendering_of_the_thirty_first_set_reads_as_seed_001() {
    only_known_differences(&renderings_against_seed_001(31, 12), &[]);
}

#[test]
fn forms_of_other_years_of_the_thirty_first_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(31, 6), &[]);
}

/// The thirty-second set, measured by its totals (1477/1504 for seed 001's
/// renderings and the forms of other years, 262/276 for seed 003's, with
/// the code as it stood when it came): seed 001 in two independent wordings
/// in each of five languages and two English paraphrases, in the seed's own
/// layout, seed 003 (its empty fields printed as labels alone) worded
/// afresh in English, French and Arabic, and four forms of other years.
/// Sections titled without a number were not in it; a date format hint in
/// words (`(day/month/year)`), a one-word label the catalog knows by a
/// synonym (`Organization Dangjin City`), a yes/no question left
/// unanswered over the next label, a loading line of its own
/// (`正在载入……`) after the institution block and an inflected way of
/// learning (`Из интернета`) are read. Its categories are free
/// translations the reference data lacks, kept as written.
#[test]
fn every_rendering_of_the_thirty_second_set_reads_as_its_seed() {
    only_known_differences(&renderings_against_seed_001(32, 12), &[]);
    // Seed 003's sector type (`内政部`) is printed in translation
    // (`Interior`, `Intérieur`), and the Arabic one is taken for the
    // institution type, whose label the seed prints empty.
    only_known_differences(
        &renderings_against("003_3d6537fba802d833.txt", 23, 32, &["s_"], 3),
        &["s_ar_32.txt: department_type", "s_en_32.txt: department_type", "s_fr_32.txt: department_type"],
    );
}

#[test]
fn forms_of_other_years_of_the_thirty_second_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(32, 4), &[]);
}

/// The thirty-third set, measured by its totals (1002/1068 for seed 001's
/// renderings, 264/276 for seed 003's and 404/432 for the forms of other
/// years, with the code as it stood when it came): the same kinds as the
/// thirty-second by a new hand. Yes/no written as a box's state
/// (`Checked`), true or false (`Верно`, `صح`), initials (`O`/`N`) or a mark
/// after a blank (`…吗 √`), single-letter date patterns (`D/M/YYYY`),
/// institution types the catalog names under labels alike to other
/// fields', section titles opening with `¿`, `1.º de noviembre` and seed
/// 003's empty labels in new wordings are read. Its categories are free
/// translations the reference data lacks, kept as written.
#[test]
fn every_rendering_of_the_thirty_third_set_reads_as_its_seed() {
    only_known_differences(&renderings_against_seed_001(33, 12), &[]);
    // Seed 003's sector type (`内政部`) is printed in translation, or
    // under a label alike to no field's (`Sector Interior`).
    only_known_differences(
        &renderings_against("003_3d6537fba802d833.txt", 23, 33, &["s_"], 3),
        &["s_es_33.txt: department_type", "s_ru_33.txt: department_type"],
    );
}

#[test]
fn forms_of_other_years_of_the_thirty_third_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(33, 4), &[]);
}

/// The thirty-fourth set, measured by its totals (1026/1068 for seed 001's
/// renderings, 271/276 for seed 003's and 424/436 for the forms of other
/// years, with the code as it stood when it came): the same kinds as the
/// thirty-third by a new hand. Yes/no written as a box's state negated
/// (`Not ticked`, `No seleccionado`, `Sin marcar`) or in another word
/// (`أجل`, `كلا`), how one learned of the awards as `On the web` or
/// `上网看到的`, a category's name shortened by its first word
/// (`Integrated mechanisms for sustainable development`), and an
/// institution type after a word for a body (`Entidad de gobierno local`)
/// are read. Its categories are otherwise free translations the reference
/// data lacks, kept as written. Known limit: an institution's name under a
/// label of one word, both capitalized (`Entidad Dangjin City`).
#[test]
fn every_rendering_of_the_thirty_fourth_set_reads_as_its_seed() {
    only_known_differences(&renderings_against_seed_001(34, 12), &["r_es_34b.txt: institution_name"]);
    // Seed 003's sector type (`内政部`) is printed in translation, under
    // labels alike to no field's (`Rama`, `Secteur`).
    only_known_differences(
        &renderings_against("003_3d6537fba802d833.txt", 23, 34, &["s_"], 3),
        &["s_en_34.txt: department_type", "s_es_34.txt: department_type", "s_fr_34.txt: department_type"],
    );
}

#[test]
fn forms_of_other_years_of_the_thirty_fourth_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(34, 4), &[]);
}

/// The thirty-fifth set, measured by its totals (949/1068 for seed 001's
/// renderings, 262/276 for seed 003's and 425/436 for the forms of other
/// years, with the code as it stood when it came): new layouts by a new
/// hand. Sections lettered `A.`
/// with labels alone over their values, word limits on the line under each
/// prompt, `3.a)` numbering, character references left in the text
/// (`Cor&eacute;e`), empty table cells (`Site web |`), rows of unticked
/// boxes, and lists run together with commas are read.
#[test]
fn every_rendering_of_the_thirty_fifth_set_reads_as_its_seed() {
    only_known_differences(&renderings_against_seed_001(35, 12), &[]);
    // Seed 003's values under labels in three languages. Known limit: the
    // English one's goals question (`Is the initiative relevant to … the 17
    // SDGs?:`, its answer left empty) is loosely alike to the category's
    // label, the goals' label under it taken for the category, and the
    // goals' names lost.
    only_known_differences(&renderings_against("003_3d6537fba802d833.txt", 23, 35, &["s_"], 3), &["s_en_35.txt: sdgs"]);
}

#[test]
fn forms_of_other_years_of_the_thirty_fifth_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(35, 4), &[]);
}

/// The thirty-sixth set, measured by its totals (1412/1784 with the code as
/// it stood when it came: 879/1068 for seed 001's renderings, 195/276 for
/// seed 003's and 338/440 for the forms of other years, by its own
/// figures): a new hand's layouts. Labels set off by dotted and middle-dot
/// leaders, chevrons, arrows, `=` and blanks padding a column, values in
/// corner brackets, Markdown (`**Label:**`, `## Part A`) and HTML tags left
/// in the text, question numbers alone on their line (`4)`), Spanish
/// ordinals (`1.ª pregunta`), limits in tortoise-shell brackets
/// (`〔不超过300字〕`) and sections titled after a symbol (`◆ 所属类别`).
///
/// Known limits: r_ar_36b's sections ruled with hyphens (`- البدء -`) lose
/// their place after the third, and the fields from the two-year question
/// on are read in the wrong places; r_en_36a prints all the institution's
/// labels, then all their values; r_es_36b's numbered fields (`(6) Años de actividad`)
/// and an initiative name broken over two lines; targets on the line under
/// the goals of a list printed inline (`Основные ЦУР = ЦУР-16; ЦУР-17` over
/// `Задачи ЦУР = 16.7 / 16.b / …`) are read as one more goal line.
#[test]
fn every_rendering_of_the_thirty_sixth_set_reads_as_its_seed() {
    only_known_differences(
        &renderings_against_seed_001(36, 12),
        &[
            "r_en_36a.txt: department_type",
            "r_en_36a.txt: institution_name",
            "r_en_36a.txt: member_state",
            "r_en_36a.txt: operational_years",
            "r_es_36b.txt: initiative_name",
            "r_es_36b.txt: operational_years",
            "r_es_36b.txt: sdg_targets",
            "r_es_36b.txt: sdgs",
        ],
    );
    // Known limit: s_ar_36's numbered goals label (`(١٣) …`) over its goals
    // in Chinese is taken for a label the block does not expect.
    only_known_differences(
        &renderings_against("003_3d6537fba802d833.txt", 23, 36, &["s_"], 3),
        &["s_ar_36.txt: sdg_targets", "s_ar_36.txt: sdgs"],
    );
}

#[test]
fn forms_of_other_years_of_the_thirty_sixth_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(36, 4), &[]);
}

/// Round 37: exports pasted as text (line numbers, CSV rows, JSON), tables
/// drawn with box lines, YAML-like and reStructuredText field lists, titles
/// underlined or framed by chevrons, limits in braces.
#[test]
fn every_rendering_of_the_thirty_seventh_set_reads_as_its_seed() {
    // Known limits: a level's word with a qualifier (`地方一级`) and a date
    // with its weekday after it (r_zh_37a); targets set off from their
    // label by their own line's marks (r_ar_37b, r_ru_37a).
    only_known_differences(
        &renderings_against_seed_001(37, 12),
        &[
            "r_ar_37b.txt: sdg_targets",
            "r_ar_37b.txt: website",
            "r_ru_37a.txt: sdg_targets",
            "r_zh_37a.txt: administrative_level",
            "r_zh_37a.txt: implementation_date",
        ],
    );
    // Known limits: seed 003's goals and targets under labels set off by a
    // bar that continues on the lines below (`¦ 良好健康与福祉`), by `:=`
    // over indented items, or in a JSON array; an empty value after a
    // right-aligned label.
    only_known_differences(
        &renderings_against("003_3d6537fba802d833.txt", 23, 37, &["s_"], 3),
        &[
            "s_en_37.txt: how_learned",
            "s_en_37.txt: sdg_targets",
            "s_en_37.txt: sdgs",
            "s_fr_37.txt: sdg_targets",
            "s_fr_37.txt: sdgs",
            "s_fr_37.txt: website",
            "s_ru_37.txt: how_learned",
            "s_ru_37.txt: sdg_targets",
            "s_ru_37.txt: sdgs",
            "s_ru_37.txt: website",
        ],
    );
}

#[test]
fn forms_of_other_years_of_the_thirty_seventh_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(37, 4), &[]);
}

#[test]
fn every_rendering_of_the_thirty_eighth_set_reads_as_its_seed() {
    // Known limits: a data frame's print, its labels in a column of their
    // own (r_zh_38b); two columns wrapped apart (r_es_38b); the basic block
    // of a quoted mail whose block titles the catalog lacks (r_en_38b);
    // Markdown's italic labels with a backslash's break (r_en_38a); a
    // country written `كوريا، جمهورية` and a text browser's link numbers
    // (r_ar_38b); a PDF's page furniture inside lists (r_fr_38b).
    only_known_differences(
        &renderings_against_seed_001(38, 12),
        &[
            "r_ar_38b.txt: member_state",
            "r_ar_38b.txt: website",
            "r_en_38a.txt: sdg_targets",
            "r_en_38a.txt: website",
            "r_en_38b.txt: administrative_level",
            "r_en_38b.txt: initiative_name",
            "r_en_38b.txt: institution_name",
            "r_en_38b.txt: member_state",
            "r_en_38b.txt: operational_years",
            "r_en_38b.txt: website",
            "r_es_38b.txt: administrative_level",
            "r_es_38b.txt: implementation_date",
            "r_es_38b.txt: institution_name",
            "r_es_38b.txt: sdgs",
            "r_fr_38b.txt: answers",
            "r_fr_38b.txt: sdgs",
            "r_zh_38b.txt: administrative_level",
            "r_zh_38b.txt: answers",
            "r_zh_38b.txt: how_learned",
            "r_zh_38b.txt: implementation_date",
            "r_zh_38b.txt: implemented_two_years_or_more",
            "r_zh_38b.txt: initiative_name",
            "r_zh_38b.txt: institution_name",
            "r_zh_38b.txt: member_state",
            "r_zh_38b.txt: operational_years",
            "r_zh_38b.txt: public_sector",
            "r_zh_38b.txt: sdg_relevant",
            "r_zh_38b.txt: sdg_targets",
            "r_zh_38b.txt: sdgs",
            "r_zh_38b.txt: submitted_previously",
            "r_zh_38b.txt: un_involved",
            "r_zh_38b.txt: validation_consent",
            "r_zh_38b.txt: website",
            "r_zh_38b.txt: won_other_awards",
            "r_zh_38b.txt: won_unpsa",
        ],
    );
    // Known limits: seed 003 with each label a Markdown heading over its
    // value (s_ar_38); a tree's empty website under its label (s_es_38); a
    // goal's name the data spells otherwise (s_zh_38).
    only_known_differences(
        &renderings_against("003_3d6537fba802d833.txt", 23, 38, &["s_"], 3),
        &[
            "s_ar_38.txt: how_learned",
            "s_ar_38.txt: institution_name",
            "s_ar_38.txt: member_state",
            "s_es_38.txt: website",
            "s_zh_38.txt: sdgs",
        ],
    );
}

#[test]
fn forms_of_other_years_of_the_thirty_eighth_set_keep_every_answer_under_its_own_number() {
    // Known limit: a Word form of 2011 whose fields are lettered `A.` to
    // `S.`: the letters are read as numbered headings of the basic block,
    // and its questions as another copy of them (y_2011_fr).
    only_known_differences(&forms_of_other_years_against_expected(38, 4), &["y_2011_fr: answers"]);
}

#[test]
fn every_rendering_of_the_thirty_ninth_set_reads_as_its_seed() {
    // Known limits: a YAML document's label split where the catalog's
    // shorter wording ends (r_ru_39a); an org-mode outline's
    // ordinal question headings and bracketed limits (r_fr_39b); a
    // numbered outline with check boxes and full-width markers (r_zh_39b,
    // not read as a form); a label
    // split where the catalog's shorter wording ends, not at its tab
    // (r_ar_39a).
    only_known_differences(
        &renderings_against_seed_001(39, 12),
        &[
            "r_ar_39a.txt: institution_name",
            "r_fr_39b.txt: answers",
            "r_fr_39b.txt: how_learned",
            "r_fr_39b.txt: implemented_two_years_or_more",
            "r_fr_39b.txt: public_sector",
            "r_fr_39b.txt: sdg_targets",
            "r_fr_39b.txt: sdgs",
            "r_fr_39b.txt: submitted_previously",
            "r_fr_39b.txt: un_involved",
            "r_fr_39b.txt: validation_consent",
            "r_fr_39b.txt: won_other_awards",
            "r_fr_39b.txt: won_unpsa",
            "r_ru_39a.txt: institution_name",
            "r_zh_39b.txt: kind",
        ],
    );
    // Known limits: a PDF's field listing whose flags line stands between
    // each label and its value (s_en_39); Jira's wiki markup (s_ru_39); an
    // OCR'd scan's goals and dot leaders (s_fr_39).
    only_known_differences(
        &renderings_against("003_3d6537fba802d833.txt", 23, 39, &["s_"], 3),
        &[
            "s_en_39.txt: administrative_level",
            "s_en_39.txt: department_type",
            "s_en_39.txt: how_learned",
            "s_en_39.txt: implementation_date",
            "s_en_39.txt: initiative_name",
            "s_en_39.txt: institution_name",
            "s_en_39.txt: member_state",
            "s_en_39.txt: operational_years",
            "s_fr_39.txt: answers",
            "s_fr_39.txt: how_learned",
            "s_fr_39.txt: sdg_targets",
            "s_fr_39.txt: sdgs",
            "s_ru_39.txt: administrative_level",
            "s_ru_39.txt: answers",
            "s_ru_39.txt: department_type",
            "s_ru_39.txt: how_learned",
            "s_ru_39.txt: implementation_date",
            "s_ru_39.txt: initiative_name",
            "s_ru_39.txt: institution_name",
            "s_ru_39.txt: operational_years",
            "s_ru_39.txt: sdg_targets",
            "s_ru_39.txt: sdgs",
            "s_ru_39.txt: website",
        ],
    );
}

#[test]
fn forms_of_other_years_of_the_thirty_ninth_set_keep_every_answer_under_its_own_number() {
    // Known limits: a Word form's leaked field codes and Wingdings boxes
    // (y_2012_es); Chinese `第N题` headings inside text messages (y_2014_zh).
    only_known_differences(
        &forms_of_other_years_against_expected(39, 4),
        &["y_2012_es: answers", "y_2014_zh: answers"],
    );
}

#[test]
fn every_rendering_of_the_fortieth_set_reads_as_its_seed() {
    // Known limits: a SharePoint print view in windows-1256 whose tab rows'
    // Arabic labels are not the catalog's (r_ar_40b); a survey printout's
    // sections as unnumbered page titles in capitals (r_en_40b); a Markdown
    // cell's list joined by `<br>` (r_es_40a); a two-column PDF page read
    // as text, labels and values side by side over wrapped lines
    // (r_ru_40a); a text browser's dump with underscores padding its inputs and unselected
    // boxes (r_zh_40a); a forum thread's BBCode table (r_zh_40b).
    only_known_differences(
        &renderings_against_seed_001(40, 12),
        &[
            "r_ar_40b.txt: administrative_level",
            "r_ar_40b.txt: how_learned",
            "r_ar_40b.txt: implementation_date",
            "r_ar_40b.txt: implemented_two_years_or_more",
            "r_ar_40b.txt: initiative_name",
            "r_ar_40b.txt: institution_name",
            "r_ar_40b.txt: member_state",
            "r_ar_40b.txt: operational_years",
            "r_ar_40b.txt: sdg_targets",
            "r_ar_40b.txt: sdgs",
            "r_ar_40b.txt: validation_consent",
            "r_ar_40b.txt: won_other_awards",
            "r_en_40b.txt: how_learned",
            "r_en_40b.txt: implementation_date",
            "r_en_40b.txt: implemented_two_years_or_more",
            "r_en_40b.txt: public_sector",
            "r_en_40b.txt: sdg_relevant",
            "r_en_40b.txt: sdg_targets",
            "r_en_40b.txt: sdgs",
            "r_en_40b.txt: submitted_previously",
            "r_en_40b.txt: un_involved",
            "r_en_40b.txt: validation_consent",
            "r_en_40b.txt: won_other_awards",
            "r_en_40b.txt: won_unpsa",
            "r_es_40a.txt: sdg_targets",
            "r_es_40a.txt: sdgs",
            "r_ru_40a.txt: answers",
            "r_ru_40a.txt: public_sector",
            "r_ru_40a.txt: sdgs",
            "r_ru_40a.txt: submitted_previously",
            "r_ru_40a.txt: won_other_awards",
            "r_zh_40a.txt: administrative_level",
            "r_zh_40a.txt: implemented_two_years_or_more",
            "r_zh_40a.txt: initiative_name",
            "r_zh_40a.txt: institution_name",
            "r_zh_40a.txt: public_sector",
            "r_zh_40a.txt: sdg_relevant",
            "r_zh_40a.txt: website",
            "r_zh_40b.txt: administrative_level",
            "r_zh_40b.txt: how_learned",
            "r_zh_40b.txt: implementation_date",
            "r_zh_40b.txt: implemented_two_years_or_more",
            "r_zh_40b.txt: initiative_name",
            "r_zh_40b.txt: institution_name",
            "r_zh_40b.txt: member_state",
            "r_zh_40b.txt: operational_years",
            "r_zh_40b.txt: public_sector",
            "r_zh_40b.txt: sdg_relevant",
            "r_zh_40b.txt: sdg_targets",
            "r_zh_40b.txt: sdgs",
            "r_zh_40b.txt: submitted_previously",
            "r_zh_40b.txt: un_involved",
            "r_zh_40b.txt: validation_consent",
            "r_zh_40b.txt: website",
            "r_zh_40b.txt: won_other_awards",
            "r_zh_40b.txt: won_unpsa",
        ],
    );
    // Known limits: goals given by their Chinese names under Arabic labels,
    // and quoted targets (s_ar_40); subtitles' first cue (s_es_40); a
    // patch's file whose empty field ends in a tab, read as an item of the
    // list above it (s_zh_40).
    only_known_differences(
        &renderings_against("003_3d6537fba802d833.txt", 23, 40, &["s_"], 3),
        &[
            "s_ar_40.txt: sdg_targets",
            "s_ar_40.txt: sdgs",
            "s_es_40.txt: institution_name",
            "s_es_40.txt: member_state",
            "s_zh_40.txt: answers",
            "s_zh_40.txt: how_learned",
            "s_zh_40.txt: implementation_date",
            "s_zh_40.txt: sdg_targets",
            "s_zh_40.txt: sdgs",
            "s_zh_40.txt: un_agencies",
        ],
    );
}

#[test]
fn forms_of_other_years_of_the_fortieth_set_keep_every_answer_under_its_own_number() {
    // Known limits: a line printer's listing with carriage-control
    // characters and labels padded to a column (y_2010_en); Lisp
    // S-expressions read, but their Arabic labels and `سؤال رقم N`
    // headings are not the catalog's, so the form reads as news (y_2025_ar).
    only_known_differences(&forms_of_other_years_against_expected(40, 4), &["y_2010_en: answers", "y_2025_ar: kind"]);
}

#[test]
fn every_rendering_of_the_forty_first_set_reads_as_its_seed() {
    // Known limits: a Data::Dumper dump's level under its type's word
    // (r_ar_41b); a PowerShell transcript whose records print marker,
    // prompt and limit as properties on lines of their own and lists as
    // `{a, b}` (r_en_41a); a Notes print's `Punto N del
    // cuestionario` and `Inciso 1:` (r_es_41b); lettered sections (`A/ …`)
    // whose fields no label claims, and limits written `@tie{}` apart
    // (r_fr_41b); a DokuWiki page's `^ label | value |` table (r_zh_41a);
    // targets in brackets (`〔16.7〕`, r_zh_41b); goals by their Chinese
    // names under Russian labels (s_ru_41).
    only_known_differences(
        &renderings_against_seed_001(41, 12),
        &[
            "r_ar_41b.txt: administrative_level",
            "r_ar_41b.txt: department_type",
            "r_en_41a.txt: answers",
            "r_en_41a.txt: sdg_targets",
            "r_en_41a.txt: sdgs",
            "r_es_41b.txt: answers",
            "r_fr_41b.txt: answers",
            "r_fr_41b.txt: how_learned",
            "r_fr_41b.txt: implemented_two_years_or_more",
            "r_fr_41b.txt: public_sector",
            "r_fr_41b.txt: sdg_relevant",
            "r_fr_41b.txt: sdg_targets",
            "r_fr_41b.txt: sdgs",
            "r_fr_41b.txt: submitted_previously",
            "r_fr_41b.txt: un_involved",
            "r_fr_41b.txt: validation_consent",
            "r_fr_41b.txt: won_other_awards",
            "r_fr_41b.txt: won_unpsa",
            "r_zh_41a.txt: administrative_level",
            "r_zh_41a.txt: how_learned",
            "r_zh_41a.txt: implementation_date",
            "r_zh_41a.txt: implemented_two_years_or_more",
            "r_zh_41a.txt: initiative_name",
            "r_zh_41a.txt: institution_name",
            "r_zh_41a.txt: member_state",
            "r_zh_41a.txt: operational_years",
            "r_zh_41a.txt: public_sector",
            "r_zh_41a.txt: sdg_relevant",
            "r_zh_41a.txt: sdg_targets",
            "r_zh_41a.txt: sdgs",
            "r_zh_41a.txt: submitted_previously",
            "r_zh_41a.txt: un_involved",
            "r_zh_41a.txt: validation_consent",
            "r_zh_41a.txt: website",
            "r_zh_41a.txt: won_other_awards",
            "r_zh_41a.txt: won_unpsa",
            "r_zh_41b.txt: sdg_targets",
        ],
    );
    only_known_differences(&renderings_against("003_3d6537fba802d833.txt", 23, 41, &["s_"], 3), &["s_ru_41.txt: sdgs"]);
}

#[test]
fn forms_of_other_years_of_the_forty_first_set_keep_every_answer_under_its_own_number() {
    // Known limits: a spreadsheet saved as fixed-width text, ids, labels
    // and values in columns, reads as news (y_2008_ar).
    only_known_differences(&forms_of_other_years_against_expected(41, 4), &["y_2008_ar: kind"]);
}

/// The plain translations' institution type (`Gobierno (local)`, `政府（地方）`,
/// `حكومة محلية`, `Pouvoirs publics (niveau local)`) is the form's option, as
/// in seed 001; their category is kept as written.
#[test]
fn the_plain_translations_give_the_institution_type_as_the_forms_option() {
    for (round, count) in [(22, 12), (24, 12), (25, 12)] {
        let renderings = files(round, &["r_", "e_"]);
        assert_eq!(renderings.len(), count);
        for path in &renderings {
            let record = convert(path);
            assert_eq!(
                nomination(&record).institution_type.as_deref(),
                Some("Government(Local)"),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn forms_of_other_years_of_the_fourth_to_twenty_fifth_sets_keep_every_answer_under_its_own_number() {
    for round in 4..=25 {
        only_known_differences(&forms_of_other_years_against_expected(round, 2), &[]);
    }
}

#[test]
fn forms_of_other_years_of_the_twenty_sixth_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(26, 6), &[]);
}

#[test]
fn forms_of_other_years_of_the_twenty_seventh_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(27, 6), &[]);
}

#[test]
fn forms_of_other_years_of_the_twenty_eighth_and_ninth_sets_keep_every_answer_under_its_own_number() {
    // Round 28's two-column table (`题目    <prompt>`, `答复    <answer>`)
    // keeps its column labels out of the prompts and answers.
    only_known_differences(&forms_of_other_years_against_expected(28, 6), &[]);
    only_known_differences(&forms_of_other_years_against_expected(29, 6), &[]);
}

#[test]
fn forms_of_other_years_of_the_third_set_keep_every_answer_under_its_own_number() {
    only_known_differences(&forms_of_other_years_against_expected(3, 2), &[]);
}

#[test]
fn forms_of_other_years_keep_every_answer_under_its_own_number() {
    years_keep_every_answer_under_its_own_number(1, 6);
}

#[test]
fn forms_of_other_years_of_the_second_set_keep_every_answer_under_its_own_number() {
    years_keep_every_answer_under_its_own_number(2, 6);
}

fn years_keep_every_answer_under_its_own_number(round: u8, count: usize) {
    let wrong = forms_of_other_years_against_expected(round, count);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The forms of other years of a set whose answers do not come out as
/// expected.json says (numbers, parts, limits, prompts), as `FILE: …`.
fn forms_of_other_years_against_expected(round: u8, count: usize) -> Vec<String> {
    let mut wrong = Vec::new();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(blind_dir(round).join("expected.json")).unwrap()).unwrap();
    let forms = files(round, &["y_"]);
    assert_eq!(forms.len(), count);
    for path in &forms {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let record = convert(path);
        assert_eq!(record.diagnostics.uncovered_chars, 0, "{name}");
        if record.kind != nomina::Kind::Nomination {
            wrong.push(format!("{name}: kind is {:?}", record.kind));
            continue;
        }
        let n = nomination(&record);
        let want = expected[&name]["questions"].as_array().expect("questions in expected.json");
        let got: Vec<(u64, Option<String>, Option<u64>, bool)> = n
            .answers
            .iter()
            .zip(want)
            .map(|(a, w)| {
                let start = w["prompt_starts"].as_str().unwrap();
                let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                (
                    u64::from(a.question),
                    serde_json::to_value(a.part).unwrap().as_str().map(str::to_string),
                    a.word_limit.map(u64::from),
                    words(&a.prompt).starts_with(&words(start)),
                )
            })
            .collect();
        let want: Vec<(u64, Option<String>, Option<u64>, bool)> = want
            .iter()
            .map(|w| {
                (w["number"].as_u64().unwrap(), w["part"].as_str().map(str::to_string), w["word_limit"].as_u64(), true)
            })
            .collect();
        if n.answers.len() != want.len() || got != want {
            wrong.push(format!("{name}: answers {got:?}"));
        }
    }
    wrong
}

#[test]
fn questions_the_catalog_does_not_know_are_named() {
    // y_added adds a question 7 and prints seed questions 7 to 12 as 8 to 13.
    let record = convert(&blind_dir(1).join("y_added.txt"));
    let codes: Vec<(&str, &str)> = record
        .diagnostics
        .warnings
        .iter()
        .filter(|w| w.code.ends_with("_prompt"))
        .map(|w| (w.code.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(codes.first().map(|c| c.0), Some("unknown_prompt"));
    assert!(codes[0].1.starts_with("question 7:"), "{codes:?}");
    assert!(codes[1..].iter().all(|c| c.0 == "renumbered_prompt"), "{codes:?}");
    assert_eq!(codes.len(), 12);
}

/// A member state the country data does not know, under a one-word label
/// of an unheaded institution block (`Страна Южная Кореяя`), is kept as
/// written with a warning, and the block's other lines are still read.
#[test]
fn an_unknown_country_leaves_the_rest_of_its_block_readable() {
    let text = std::fs::read_to_string(blind_dir(25).join("r_ru_25b.txt")).unwrap();
    assert!(text.contains("Страна Южная Корея\n"));
    let text = text.replace("Страна Южная Корея\n", "Страна Южная Кореяя\n");
    let record = nomina::Pipeline::new(nomina::Options::default()).convert(text.as_bytes(), "r.txt").unwrap();
    let n = nomination(&record);
    let state = n.member_state.as_ref().expect("the member state as written");
    assert_eq!((state.name.as_str(), state.iso2.as_deref()), ("Южная Кореяя", None));
    assert_eq!(n.institution_name.as_deref(), Some("Dangjin City"));
    assert_eq!(n.institution_type.as_deref(), Some("Government(Local)"));
    assert!(record.diagnostics.warnings.iter().any(|w| w.text.as_deref() == Some("Южная Кореяя")));
}
