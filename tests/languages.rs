//! Forms in all six UN languages give the same record as the English one,
//! apart from the label language and the answers' prompts.

use nomina::normalize::Record;

fn convert(path: &str) -> Record {
    let bytes = std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    nomina::Pipeline::new(nomina::Options::default()).convert(&bytes, path).expect("converts")
}

/// The nomination with every prompt blanked.
fn without_prompts(r: &Record) -> serde_json::Value {
    let mut v = serde_json::to_value(r.nomination.as_ref().expect("a nomination")).unwrap();
    for a in v["answers"].as_array_mut().unwrap() {
        a["prompt"] = serde_json::Value::Null;
    }
    v
}

#[test]
fn renderings_of_seed_001_give_its_values() {
    let english = convert("fixtures/001_eeae656d80b09620.txt");
    let want = without_prompts(&english);
    for (path, lang) in [
        ("fixtures/101_fr_from_001.txt", "fr"),
        ("fixtures/102_es_from_001.txt", "es"),
        ("fixtures/103_ru_from_001.txt", "ru"),
        ("fixtures/104_ar_from_001.txt", "ar"),
    ] {
        let r = convert(path);
        assert_eq!(r.languages.labels.as_deref(), Some(lang), "{path}");
        assert_eq!(r.languages.content.map(|l| l.code()), Some("en"), "{path}");
        assert_eq!(without_prompts(&r), want, "{path}");
        let d = &r.diagnostics;
        assert_eq!(d.duplicate_blocks_removed, 2, "{path}");
        assert!(d.conflicts.is_empty() && d.unparsed.is_empty(), "{path}: {d:?}");
        assert!(d.warnings.is_empty(), "{path}: {:?}", d.warnings);
        assert_eq!(d.uncovered_chars, 0, "{path}");
        // The prompts are the page's own, in its language.
        let prompts: Vec<&str> = r.nomination.as_ref().unwrap().answers.iter().map(|a| a.prompt.as_str()).collect();
        assert!(prompts.iter().all(|p| !p.starts_with("Please")), "{path}");
    }
}

#[test]
fn a_reworded_french_page_still_gives_the_values() {
    // Wordings an official translation might use, none of them in the catalog.
    let text = std::fs::read_to_string(format!("{}/fixtures/101_fr_from_001.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut varied = text.clone();
    for (from, to) in [
        ("État Membre République de Corée", "Pays République de Corée"),
        (
            "S’agit-il d’une initiative du secteur public ? Oui",
            "Cette initiative relève-t-elle du secteur public ? Oui",
        ),
        (
            "L’initiative est-elle mise en œuvre depuis deux ans ou plus ? Oui",
            "L’initiative existe-t-elle depuis au moins deux années ? Oui",
        ),
        (
            "Veuillez indiquer la date de mise en œuvre (jj/mm/aaaa) 01 nov. 2017",
            "Date de lancement (jj/mm/aaaa) 01/11/2017",
        ),
        ("Comment avez-vous entendu parler de l’UNPSA ? INTERNET", "Par quel moyen avez-vous connu le Prix ? INTERNET"),
    ] {
        assert!(varied.contains(from), "{from}");
        varied = varied.replace(from, to);
    }
    let english = convert("fixtures/001_eeae656d80b09620.txt");
    let r = nomina::Pipeline::new(nomina::Options::default()).convert(varied.as_bytes(), "fr.txt").unwrap();
    assert_eq!(without_prompts(&r), without_prompts(&english));
    let fuzzy: Vec<&str> =
        r.diagnostics.warnings.iter().filter(|w| w.code == "fuzzy_label").map(|w| w.text.as_deref().unwrap()).collect();
    assert_eq!(
        fuzzy,
        [
            "Pays",
            "Cette initiative relève-t-elle du secteur public",
            "L’initiative existe-t-elle depuis au moins deux années",
            "Date de lancement (jj/mm/aaaa)",
            "Par quel moyen avez-vous connu le Prix"
        ]
    );
    // The label's own hint settles the numeric date: no ambiguity.
    assert!(r.diagnostics.warnings.iter().all(|w| w.code == "fuzzy_label"), "{:?}", r.diagnostics.warnings);
    assert_eq!(r.diagnostics.uncovered_chars, 0);
    assert_eq!(r.languages.labels.as_deref(), Some("fr"));
}
