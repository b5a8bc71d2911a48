//! A parsed form to the `nomination` part of the record.

use std::collections::{BTreeMap, BTreeSet};

use nomina_lang::Lang;
use nomina_parse::{
    BasicQuestion, DateOrder, Document, Field, Form, FormQuestion, LabelMatch, LineRef, Part, Span, parse_date,
};
use nomina_refdata::{Category, Country, SdgGoal, ValueKind, catalog, fold};
use rustc_hash::FxHashMap;

use crate::record::*;
use crate::text::{clean_line, clean_lines, clean_lines_counted, is_placeholder};
use crate::{Options, Output};

/// Most words of a gloss in brackets after an institution's type
/// (`Local authority (city council)`).
const MAX_TYPE_GLOSS_WORDS: usize = 3;

/// Normalizes a form: keeps the first copy of every block, reports the
/// others, and turns each field's text into its canonical value.
pub(crate) fn normalize_form(doc: &Document, form: &Form, options: &Options, out: &mut Output) -> Nomination {
    let mut n = FormNormalizer { doc, options, out };
    n.markers(form);
    let fields = n.choose_fields(form);
    let mut nomination = Nomination::EMPTY;
    for field in fields {
        n.field(field, &mut nomination);
    }
    nomination.answers = n.answers(form);
    for stray in &form.stray {
        n.unknown_label(*stray);
    }
    if let Some(line) = form.truncated_at {
        n.out.warnings.push(Warning::new(
            "truncated",
            "the text ends inside the form, before the page's closing line: the record is partial",
            Some(line),
        ));
    }
    nomination
}

/// The blocks of a form that a scraped page may repeat.
#[derive(Clone, Copy)]
enum Block {
    Institution,
    Basic,
    Questions,
}

/// The distinct copies of each block met: a bit each for the first 64 (a
/// scraped page repeats a block two or three times), a set beyond. A set of
/// `(block, copy)` pairs cost a tree insert with string comparisons per
/// field.
#[derive(Default)]
struct Copies {
    first: [u64; 3],
    beyond: BTreeSet<(usize, usize)>,
}

impl Copies {
    fn add(&mut self, block: Block, copy: usize) {
        if copy < 64 {
            self.first[block as usize] |= 1 << copy;
        } else {
            self.beyond.insert((block as usize, copy));
        }
    }

    /// The distinct copies of every block met, beyond each block's first.
    fn beyond_the_first(&self) -> usize {
        (0..3)
            .map(|b| {
                let copies = self.first[b].count_ones() as usize + self.beyond.range((b, 0)..(b + 1, 0)).count();
                copies.saturating_sub(1)
            })
            .sum()
    }
}

struct FormNormalizer<'a> {
    doc: &'a Document,
    options: &'a Options,
    out: &'a mut Output,
}

/// The raw text of a field: its value on the label's line and the lines below.
fn raw_value(doc: &Document, f: &Field) -> String {
    raw_spans(f).map(|s| doc.slice(s)).collect::<Vec<_>>().join("\n")
}

/// The spans [`raw_value`] joins: the value's, then its items'.
fn raw_spans(f: &Field) -> impl Iterator<Item = Span> + '_ {
    f.value.into_iter().chain(f.items.iter().map(|i| i.span))
}

/// Whether two fields' raw values are the same bytes, told without joining
/// them: most copies of a repeated block are.
fn same_raw_value(doc: &Document, a: &Field, b: &Field) -> bool {
    raw_spans(a).count() == raw_spans(b).count()
        && raw_spans(a).zip(raw_spans(b)).all(|(x, y)| doc.slice(x) == doc.slice(y))
}

impl FormNormalizer<'_> {
    fn slice(&self, span: Span) -> &str {
        self.doc.slice(span)
    }

    fn cover(&mut self, span: Span) {
        self.out.coverage.mark(span);
    }

    fn cover_field(&mut self, f: &Field) {
        self.cover(f.label_full);
        if let Some(v) = f.value {
            self.cover(v);
        }
        for i in &f.items {
            self.cover(i.span);
        }
    }

    /// Page chrome to `ui_text_removed`, once per wording; section headings
    /// are structure and only covered.
    fn markers(&mut self, form: &Form) {
        let mut seen = BTreeSet::new();
        for m in &form.chrome {
            self.cover(m.at.span);
            let text = self.slice(m.at.span).to_string();
            // Chrome read by its place or its shape, not its wording.
            let why = match m.key {
                nomina_parse::LOADING_CHROME => {
                    Some("a short line alone that trails off in an ellipsis, taken for the page's loading message")
                }
                nomina_parse::UNRECOGNIZED_CHROME => {
                    Some("a short line after the last answer, taken for page chrome by its place")
                }
                _ => None,
            };
            if let Some(why) = why {
                self.out.warnings.push(Warning::new("fuzzy_label", why, Some(m.at.line)).with_text(text.clone()));
            }
            if seen.insert(text.clone()) {
                self.out.ui_text_removed.push(text);
            }
        }
        for m in &form.sections {
            self.cover(m.at.span);
        }
        for &rule in &form.table_rules {
            self.cover(rule);
        }
    }

    /// Picks one occurrence of every field: the first. Later occurrences are
    /// duplicates; those that disagree are conflicts. Counts the copies of
    /// each block beyond the first as removed duplicates.
    fn choose_fields<'f>(&mut self, form: &'f Form) -> Vec<&'f Field> {
        let mut copies = Copies::default();
        let mut chosen: Vec<&Field> = Vec::new();
        let fields = form.institution.len() + form.basic.iter().map(|q| q.fields.len()).sum::<usize>();
        let mut by_key: FxHashMap<&str, usize> = FxHashMap::with_capacity_and_hasher(fields, Default::default());
        let all = form
            .institution
            .iter()
            .map(|f| (Block::Institution, f.copy, f))
            .chain(form.basic.iter().flat_map(|q| q.fields.iter().map(|f| (Block::Basic, f.copy, f))));
        for (block, copy, f) in all {
            copies.add(block, copy);
            match by_key.get(f.key) {
                None => {
                    by_key.insert(f.key, chosen.len());
                    chosen.push(f);
                }
                // A label placed by position yields to one the catalog names.
                Some(&i) if chosen[i].matched == LabelMatch::Position && f.matched != LabelMatch::Position => {
                    let placed = std::mem::replace(&mut chosen[i], f);
                    self.cover_field(placed);
                    if differ(&raw_value(self.doc, placed), &raw_value(self.doc, f)) {
                        self.unknown_label(LineRef { span: placed.label_full, line: placed.line });
                        if let Some(v) = placed.value {
                            self.out.unparsed.push(self.slice(v).to_string());
                        }
                    }
                }
                Some(&i) => {
                    self.cover_field(f);
                    if same_raw_value(self.doc, chosen[i], f) {
                        continue;
                    }
                    let kept = raw_value(self.doc, chosen[i]);
                    let dropped = raw_value(self.doc, f);
                    if differ(&kept, &dropped)
                        || kept.chars().any(char::is_alphanumeric) != dropped.chars().any(char::is_alphanumeric)
                    {
                        self.out.conflicts.push(Conflict { field: field_name(f.key).to_string(), kept, dropped });
                    }
                }
            }
        }
        // Headings and unknown lines of basic-info questions.
        for q in &form.basic {
            copies.add(Block::Basic, q.copy);
        }
        let mut unknown_seen = BTreeSet::new();
        for q in &form.basic {
            self.basic_heading(q);
            for u in &q.unknown {
                // The same unknown line in a repeated block is one oddity.
                if unknown_seen.insert(fold(self.slice(u.at.span))) {
                    self.unknown_label(u.at);
                } else {
                    self.cover(u.at.span);
                }
            }
        }
        for q in &form.questions {
            copies.add(Block::Questions, q.copy);
        }
        self.out.duplicate_blocks_removed += copies.beyond_the_first();
        chosen
    }

    fn basic_heading(&mut self, q: &BasicQuestion) {
        self.cover(q.heading.span);
        if q.title.is_some() && q.title_key.is_none() {
            let title = self.slice(q.title.unwrap_or_default()).to_string();
            self.out.warnings.push(
                Warning::new(
                    "unknown_label",
                    format!("question {} has a title the catalog does not know", q.number),
                    Some(q.heading.line),
                )
                .with_text(title),
            );
        }
    }

    fn unknown_label(&mut self, at: LineRef) {
        self.cover(at.span);
        let text = self.slice(at.span).to_string();
        self.out.warnings.push(
            Warning::new("unknown_label", "a line no label of the catalog claims; kept in unparsed", Some(at.line))
                .with_text(text.clone()),
        );
        self.out.unparsed.push(text);
    }

    /// A warning on `f`'s value, which carries the value as written (joined
    /// only when a warning needs it).
    fn warn_value(&mut self, f: &Field, code: &str, what: &str) {
        self.out.warnings.push(
            Warning::new(code, format!("{}: {what}", field_name(f.key)), Some(f.line))
                .with_text(raw_value(self.doc, f)),
        );
    }

    /// One field's text to its value in `n`.
    fn field(&mut self, f: &Field, n: &mut Nomination) {
        self.cover_field(f);
        let how = match f.matched {
            LabelMatch::Exact => None,
            LabelMatch::Loose { score } => Some(format!("matched loosely ({score}% of words in common)")),
            LabelMatch::Position => Some("matched by its place in the block and the kind of its value".to_string()),
        };
        if let Some(how) = how {
            self.out.warnings.push(
                Warning::new("fuzzy_label", format!("{}: label {how}", field_name(f.key)), Some(f.line))
                    .with_text(self.slice(f.label).to_string()),
            );
        }
        let Some(spec) = catalog().field(f.key) else {
            return;
        };
        let name = field_name(f.key);
        if spec.value.is_multi_line() {
            let items: Vec<LineRef> =
                f.value.map(|s| LineRef { span: s, line: f.line }).into_iter().chain(f.items.iter().copied()).collect();
            match spec.value {
                ValueKind::Goals => n.sdgs = self.goals(f, &items),
                ValueKind::Targets => n.sdg_targets = self.targets(f, &items),
                _ => {
                    let list: Vec<String> = items.iter().map(|i| clean_line(self.slice(i.span))).collect();
                    if name == "un_agencies" {
                        n.un_agencies = list;
                    }
                }
            }
            return;
        }
        // Cleaned line by line, as `raw_value` joined would be: no span holds
        // a line break, and a blank line is dropped either way.
        let text = clean_lines(raw_spans(f).map(|s| self.doc.slice(s)));
        if text.is_empty() {
            return;
        }
        match spec.value {
            ValueKind::Text | ValueKind::Url => {
                let slot = match name {
                    "institution_name" => &mut n.institution_name,
                    "institution_type" => &mut n.institution_type,
                    "department_type" => &mut n.department_type,
                    "initiative_name" => &mut n.initiative_name,
                    "website" => &mut n.website,
                    "un_details" => &mut n.un_involvement_details,
                    _ => return,
                };
                let text = text.replace('\n', " ");
                // A government's type and level, in any of the six languages
                // (`Gobierno (local)`, `地方政府`), is the option's English name.
                let text = match name {
                    "institution_type" => government_type(&text).unwrap_or(text),
                    _ => text,
                };
                *slot = Some(text);
            }
            ValueKind::Country => {
                n.member_state = Some(match Country::from_name(&text) {
                    Some(c) => MemberState { name: c.name.to_string(), iso2: Some(c.iso2.to_string()) },
                    None => {
                        self.warn_value(f, "unknown_country", "not a known country name; kept as written");
                        MemberState { name: text, iso2: None }
                    }
                });
            }
            ValueKind::Integer => match first_integer(&fold::ascii_digits(&text)).or_else(|| number_word(&text)) {
                Some(v) => n.operational_years = Some(v),
                None => self.warn_value(f, "unreadable_value", "no whole number in it"),
            },
            ValueKind::YesNo => {
                // The parser's reading, which knows ticks and checkboxes
                // beside the word (`Да ✓`, `Sí [X]`) and marks alone (`√`).
                let value = nomina_parse::yes_no(&text);
                if value.is_none() {
                    self.warn_value(f, "unreadable_value", "neither yes nor no");
                }
                let slot = match name {
                    "public_sector" => &mut n.public_sector,
                    "sdg_relevant" => &mut n.sdg_relevant,
                    "implemented_two_years_or_more" => &mut n.implemented_two_years_or_more,
                    "un_involved" => &mut n.un_involved,
                    "submitted_previously" => &mut n.submitted_previously,
                    "won_unpsa" => &mut n.won_unpsa,
                    "won_other_awards" => &mut n.won_other_awards,
                    "validation_consent" => &mut n.validation_consent,
                    _ => return,
                };
                *slot = value;
            }
            ValueKind::Level => {
                // A row of boxed options says its choice by the box it fills.
                let text = chosen_option(&text);
                n.administrative_level = Some(self.level(&text).map(str::to_string).unwrap_or_else(|| {
                    self.warn_value(f, "unknown_value", "not a known administrative level; kept as written");
                    text.clone()
                }));
            }
            ValueKind::Learned => {
                let text = chosen_option(&text);
                n.how_learned = Some(learned_name(&text).map(str::to_string).unwrap_or_else(|| {
                    self.warn_value(f, "unknown_value", "not a known way of learning about UNPSA; kept as written");
                    text.clone()
                }));
            }
            ValueKind::Category => {
                // A name a hard wrap cut goes on over lines: one line of text.
                let text = text.replace('\n', " ");
                // Options one a line, each after its box: the ticked one.
                let text = chosen_option(&text);
                // A category after the name of its list (`Special Category:
                // Institutional resilience ...`).
                let after_list = || {
                    let (head, rest) = text.split_once([':', '：'])?;
                    (head.split_whitespace().count() <= 3).then(|| Category::from_name(rest.trim())).flatten()
                };
                let loose = || {
                    let c = Category::from_english_words(&text)?;
                    self.warn_value(f, "fuzzy_value", "a UNPSA category's name worded with other endings");
                    Some(c)
                };
                let numbered = || category_without_number(&text);
                n.category =
                    Some(match Category::from_name(&text).or_else(after_list).or_else(numbered).or_else(loose) {
                        Some(c) => CategoryValue { name: c.name.to_string(), special: c.special },
                        None => {
                            self.warn_value(f, "unknown_category", "not a known UNPSA category; kept as written");
                            CategoryValue { name: text, special: false }
                        }
                    });
            }
            ValueKind::Date => {
                // The label's own format hint settles a numeric date; only
                // when it gives none does the configured order decide.
                // The whole label: a hint after its words may have been
                // left out of the bare label.
                let hint = date_hint(self.slice(f.label)).or_else(|| date_hint(self.slice(f.label_full)));
                // A label in a language that writes the day first (French,
                // Spanish, Russian, Arabic) reads the date so, not in the
                // configured order, which is for English labels.
                let language = language_order(f.lang, self.slice(f.label));
                let order = hint.or(language).unwrap_or(self.options.date_order);
                match parse_date(&text, order) {
                    Some(d) => {
                        if d.ambiguous && hint.is_none() {
                            let how = if language.is_some() {
                                "day and month could be swapped; read day first, as the label's language writes dates"
                            } else {
                                "day and month could be swapped; read in the configured order"
                            };
                            self.warn_value(f, "ambiguous_date", how);
                        }
                        n.implementation_date = Some(d.date);
                    }
                    None => self.warn_value(f, "unreadable_value", "not a date"),
                }
            }
            ValueKind::Goals | ValueKind::Targets | ValueKind::List => {}
        }
    }

    /// The administrative level `text` names: a level of the catalog, or,
    /// when the value says more (`Échelon local`, `地方级`), the one level
    /// its last word names, or the one an ideographic value names with one
    /// character after it.
    fn level(&self, text: &str) -> Option<&'static str> {
        if let Some(level) = catalog_name(text, "level") {
            return Some(level);
        }
        if let Some((_, last)) = text.trim().rsplit_once(char::is_whitespace)
            && let Some(level) = catalog_name(last, "level")
        {
            return Some(level);
        }
        nomina_parse::level_named(text)
    }

    fn goals(&mut self, f: &Field, items: &[LineRef]) -> Vec<Goal> {
        let mut goals = BTreeSet::new();
        for item in items {
            let raw = self.slice(item.span);
            if let Some(w) = unticked(f, item, raw) {
                self.out.warnings.push(w);
                continue;
            }
            let listed = run_together(raw, |p| goal_of(p).is_some());
            if listed.len() > 1 {
                goals.extend(listed.into_iter().filter_map(goal_of).map(Goal));
                continue;
            }
            match goal_of(raw) {
                Some(g) => {
                    goals.insert(Goal(g));
                }
                None => self.out.warnings.push(
                    Warning::new("unknown_sdg", format!("{}: not an SDG goal", field_name(f.key)), Some(item.line))
                        .with_text(raw.to_string()),
                ),
            }
        }
        goals.into_iter().collect()
    }

    fn targets(&mut self, f: &Field, items: &[LineRef]) -> Vec<Target> {
        let mut targets = BTreeSet::new();
        for item in items {
            let raw = self.slice(item.span);
            if let Some(w) = unticked(f, item, raw) {
                self.out.warnings.push(w);
                continue;
            }
            let raw = if nomina_parse::target_id(raw).is_some() { raw } else { nomina_parse::listed_item(raw) };
            let listed = run_together(raw, |p| nomina_parse::target_id(p).is_some());
            if listed.len() > 1 {
                let ids = listed.into_iter().filter_map(|p| nomina_parse::target_id(p).and_then(|id| id.parse().ok()));
                targets.extend(ids.map(Target));
                continue;
            }
            let target = nomina_parse::target_id(raw).and_then(|id| id.parse().ok());
            match target {
                Some(t) => {
                    targets.insert(Target(t));
                }
                None => self.out.warnings.push(
                    Warning::new(
                        "unknown_sdg_target",
                        format!("{}: no SDG target id", field_name(f.key)),
                        Some(item.line),
                    )
                    .with_text(raw.to_string()),
                ),
            }
        }
        targets.into_iter().collect()
    }

    /// The answers of the form, from the first copy of every question.
    fn answers(&mut self, form: &Form) -> Vec<Answer> {
        let mut kept: Vec<&FormQuestion> = Vec::new();
        let mut index: FxHashMap<u32, usize> = FxHashMap::default();
        for q in &form.questions {
            match index.get(&q.number) {
                None => {
                    index.insert(q.number, kept.len());
                    kept.push(q);
                }
                Some(&i) => self.dropped_question(kept[i], q),
            }
        }
        // A table's export prints each cell after its column's label
        // (`题目    简述…`, `答复    o. Introduction…`): the labels are the
        // table's, not the prompt's or the answer's.
        let doc = self.doc;
        let parts = || kept.iter().flat_map(|q| &q.parts);
        let columns = Columns {
            prompt: column_label(parts().map(|p| doc.slice(p.prompt))),
            answer: column_label(parts().filter_map(|p| p.answer.first()).map(|l| doc.slice(l.span))),
        };
        let mut answers = Vec::new();
        for q in kept {
            self.cover(q.heading.span);
            for part in &q.parts {
                self.prompt_known(q.number, part);
                answers.push(self.answer(q.number, part, &columns));
            }
        }
        if let Some(d) = self.options.detector {
            let document = d.document_language(answers.iter().filter_map(|a| a.text.as_deref()));
            for a in &mut answers {
                if let Some(t) = &a.text {
                    a.language = d.detect_in(t, document);
                    if let Some(lang) = a.language {
                        *self.out.content_chars.entry(lang).or_default() += t.chars().count();
                    }
                }
            }
        }
        answers
    }

    /// Says when the catalog does not know a part's prompt, or knows it
    /// under another number (a form of another year, its questions
    /// renumbered): the answer keeps the number and part its form gives.
    fn prompt_known(&mut self, question: u32, part: &Part) {
        let known = part.prompt_key.and_then(|k| k.strip_prefix("prompt."));
        // `3a`: the question's number and the part's letter, if any.
        let is_own = |k: &str| {
            let number = k.trim_end_matches(|c: char| c.is_ascii_lowercase());
            number.parse() == Ok(question) && k[number.len()..].chars().next() == part.letter
        };
        if known.is_some_and(is_own) {
            return;
        }
        let own = match part.letter {
            Some(l) => format!("{question}{l}"),
            None => question.to_string(),
        };
        let (code, message) = match known {
            None => ("unknown_prompt", format!("question {own}: a prompt the catalog does not know")),
            Some(known) => (
                "renumbered_prompt",
                format!(
                    "question {own}: the catalog knows this prompt as question {known}'s; kept as the form numbers it"
                ),
            ),
        };
        self.out.warnings.push(Warning::new(code, message, Some(part.line)));
    }

    fn dropped_question(&mut self, kept: &FormQuestion, dropped: &FormQuestion) {
        self.cover(dropped.heading.span);
        for part in &dropped.parts {
            self.cover_part(part);
            let kept_part = kept.parts.iter().find(|p| p.letter == part.letter);
            // Most copies repeat the kept one byte for byte: nothing to compare.
            let same = |k: &Part| {
                k.answer.len() == part.answer.len()
                    && k.answer.iter().zip(&part.answer).all(|(a, b)| self.slice(a.span) == self.slice(b.span))
            };
            if kept_part.is_some_and(same) {
                continue;
            }
            let answer_text = |p: &Part| clean_lines(p.answer.iter().map(|l| self.slice(l.span)));
            let dropped_text = answer_text(part);
            let kept_text = kept_part.map(answer_text).unwrap_or_default();
            if differ(&kept_text, &dropped_text) {
                let field = match part.letter {
                    Some(l) => format!("answer.{}.{}", dropped.number, l),
                    None => format!("answer.{}", dropped.number),
                };
                self.out.conflicts.push(Conflict { field, kept: kept_text, dropped: dropped_text });
            }
        }
    }

    fn cover_part(&mut self, part: &Part) {
        if let Some(m) = part.marker {
            self.cover(m);
        }
        self.cover(part.prompt);
        for l in &part.answer {
            self.cover(l.span);
        }
    }

    fn answer(&mut self, question: u32, part: &Part, columns: &Columns) -> Answer {
        self.cover_part(part);
        let doc = self.doc;
        let raw = || {
            part.answer.iter().enumerate().map(|(i, l)| match (i, columns.answer) {
                (0, Some(label)) => after_column_label(doc.slice(l.span), label),
                _ => doc.slice(l.span),
            })
        };
        let (cleaned, words) = clean_lines_counted(raw());
        // Named in warnings only.
        let name = || match part.letter {
            Some(l) => format!("question {question} {l}"),
            None => format!("question {question}"),
        };
        let line = part.answer.first().map_or(part.line, |l| l.line);
        let text = if cleaned.is_empty() {
            None
        } else if is_placeholder(&cleaned) {
            self.out.warnings.push(
                Warning::new("placeholder_answer", format!("{}: a placeholder, not an answer", name()), Some(line))
                    .with_text(raw().collect::<Vec<_>>().join("\n")),
            );
            None
        } else {
            Some(cleaned)
        };
        let word_count = if text.is_some() { words } else { 0 };
        if let Some(limit) = part.word_limit
            && word_count > limit as usize
        {
            self.out.warnings.push(Warning::new(
                "over_word_limit",
                format!("{}: {word_count} words against a limit of {limit}", name()),
                Some(line),
            ));
        }
        Answer {
            question,
            part: part.letter.and_then(PartLetter::new),
            prompt: clean_line(match columns.prompt {
                Some(label) => after_column_label(self.slice(part.prompt), label),
                None => self.slice(part.prompt),
            }),
            word_limit: part.word_limit,
            text,
            // Set once every answer's text is known (see `answers`).
            language: None,
            word_count,
        }
    }
}

/// The column labels of a table's export before its prompts and answers
/// (see [`column_label`]).
struct Columns<'d> {
    prompt: Option<&'d str>,
    answer: Option<&'d str>,
}

/// The most characters of a table's column label.
const MAX_COLUMN_LABEL_CHARS: usize = 16;

/// The blanks that set a column's label off from its cell: more than a
/// sentence's.
const COLUMN_GAP: &str = "   ";

/// The label that opens every one of `lines`, at least two, set off from
/// the rest by a run of blanks (`题目                    简述…`): a short head
/// of one or two words, the same on every line.
fn column_label<'d>(lines: impl Iterator<Item = &'d str>) -> Option<&'d str> {
    let mut label = None;
    let mut count = 0;
    for line in lines {
        let (head, _) = line.trim_start().split_once(COLUMN_GAP)?;
        if head.is_empty()
            || head.chars().count() > MAX_COLUMN_LABEL_CHARS
            || head.split_whitespace().count() > 2
            || label.is_some_and(|l| l != head)
        {
            return None;
        }
        label = Some(head);
        count += 1;
    }
    label.filter(|_| count >= 2)
}

/// `line` after its column's label and the blanks that follow it.
fn after_column_label<'d>(line: &'d str, label: &str) -> &'d str {
    line.trim_start().strip_prefix(label).map_or(line, str::trim_start)
}

/// The record's name of a catalog field key (`field.un_details` is
/// `un_involvement_details`).
fn field_name(key: &str) -> &str {
    match key.strip_prefix("field.").unwrap_or(key) {
        "un_details" => "un_involvement_details",
        other => other,
    }
}

fn first_integer(s: &str) -> Option<u32> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let digits: String = s[start..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The number a value writes in words (`Five`, `пять лет`, `cinco años`):
/// the first word that is a cardinal number in the catalog.
fn number_word(s: &str) -> Option<u32> {
    let cardinal = |w: &str| catalog().exact(w, |e| e.namespace() == "cardinal").next();
    s.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        // `五年`: the word for years joined to the number.
        .find_map(|w| cardinal(w).or_else(|| cardinal(w.strip_suffix('年')?)))
        .and_then(|e| e.name().parse().ok())
}

/// The day-month order of numeric dates in the language of a label's
/// wording, where it is not English's: the day first in French, Spanish,
/// Russian and Arabic. A label placed by its position has no language of
/// the catalog; its script tells Russian and Arabic.
fn language_order(lang: &str, label: &str) -> Option<DateOrder> {
    let day_first_script = || label.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0600}'..='\u{06FF}'));
    (matches!(lang, "fr" | "es" | "ru" | "ar") || day_first_script()).then_some(DateOrder::DayFirst)
}

/// The day-month order a label's own format hint gives: `(dd/MM/yyyy)`,
/// `(jj/mm/aaaa)`, `(дд.мм.гггг)`, `(يوم/شهر/سنة)`, `(day/month/year)`,
/// `(día/mes/año)`: the catalog's words and letters for the day and the
/// month (`datepart`), whichever comes first.
fn date_hint(label: &str) -> Option<DateOrder> {
    // The hint stands in parentheses when there are any: the label's own
    // words may hold the letters (`commencement` has an `mm`).
    let (hint, bracketed) = match (label.rfind(['(', '（']), label.rfind([')', '）'])) {
        (Some(open), Some(close)) if open < close => (&label[open..close], true),
        // A label cut before its closing parenthesis.
        (Some(open), None) => (&label[open..], true),
        _ => (label, false),
    };
    let l = hint.to_lowercase();
    // Outside brackets only the doubled letters (`dd/mm/yyyy`) are a hint:
    // a label's own words may name a day or a month.
    let letters = |t: &str| t.chars().count() == 2 && t.chars().next() == t.chars().nth(1);
    let find = |key: &str| {
        catalog()
            .entries()
            .iter()
            .filter(|e| e.key == key && (bracketed || letters(e.text)))
            .filter_map(|e| l.find(&e.text.to_lowercase()))
            .min()
    };
    let (d, m) = match (find("datepart.day"), find("datepart.month")) {
        (Some(d), Some(m)) => (d, m),
        _ => return letter_pattern_order(&l),
    };
    Some(if d < m { DateOrder::DayFirst } else { DateOrder::MonthFirst })
}

/// The order a pattern of single letters gives (`D/M/YYYY`, `m.d.yyyy`):
/// three runs of one letter each joined by `/`, `.` or `-`, a day's and a
/// month's among them, their letters those of the catalog's doubled ones
/// (`dd`, `jj`, `мм`).
fn letter_pattern_order(lower: &str) -> Option<DateOrder> {
    let letter_of = |key: &str, c: char| {
        catalog().entries().iter().any(|e| {
            let mut chars = e.text.chars().flat_map(char::to_lowercase);
            e.key == key && chars.next() == Some(c) && chars.next() == Some(c) && chars.next().is_none()
        })
    };
    lower.split(|c: char| !c.is_alphabetic() && !matches!(c, '/' | '.' | '-')).find_map(|pattern| {
        let runs: Vec<&str> = pattern.split(['/', '.', '-']).collect();
        let run_letter = |r: &&str| {
            let c = r.chars().next()?;
            r.chars().all(|x| x == c).then_some(c)
        };
        let letters: Vec<char> = runs.iter().map(run_letter).collect::<Option<_>>()?;
        if letters.len() != 3 {
            return None;
        }
        let d = letters.iter().position(|&c| letter_of("datepart.day", c))?;
        let m = letters.iter().position(|&c| letter_of("datepart.month", c))?;
        Some(if d < m { DateOrder::DayFirst } else { DateOrder::MonthFirst })
    })
}

/// Whether two copies of a value say different things: case, accents,
/// punctuation and spacing aside. Most copies repeat each other byte for
/// byte, which needs no folding.
fn differ(a: &str, b: &str) -> bool {
    a != b && fold(a) != fold(b)
}

/// The goal a list line names: `Goal 16: Peace, ...`, `16. Peace ...`, or a
/// name alone in any of the six languages.
/// The items of a list a form ran together on one line, separated by
/// semicolons (`SDG 16: ...; SDG 17: ...`) or else by commas between
/// numbered items (`16.7, 16.b`, `16, 17`), when every piece is one; else
/// the line alone.
fn run_together(raw: &str, is_item: impl Fn(&str) -> bool) -> Vec<&str> {
    // Each item in its own corner brackets (`「目标16 …」「目标17 …」`).
    for (close, open) in [("」", "「"), ("』", "『")] {
        let pieces: Vec<&str> = raw
            .split(&format!("{close}{open}"))
            .map(|p| p.trim_matches(|c: char| c.is_whitespace() || matches!(c, '「' | '」' | '『' | '』')))
            .filter(|p| !p.is_empty())
            .collect();
        if pieces.len() > 1 && pieces.iter().all(|p| is_item(p)) {
            return pieces;
        }
    }
    for (separators, numbered) in [(&[';', '；'][..], false), (&[',', '，', '、', '،', '/'][..], true)] {
        let pieces: Vec<&str> = raw.split(separators).map(str::trim).filter(|p| !p.is_empty()).collect();
        // Parted by commas, every item carries its number: a goal's name
        // holds commas, and its pieces are alike to names.
        if pieces.len() > 1 && pieces.iter().all(|p| is_item(p) && (!numbered || p.chars().any(|c| c.is_numeric()))) {
            return pieces;
        }
    }
    vec![raw]
}

fn goal_of(raw: &str) -> Option<SdgGoal> {
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”'));
    let folded = fold(trimmed);
    if let Some(g) = SdgGoal::from_folded_name(&folded) {
        return Some(g);
    }
    // A goal word and a number (`Goal 16:`, `目标 16`, `目标16`), or a
    // number alone.
    let Some((number, rest)) = nomina_parse::goal_number(&folded) else {
        // A name alone, perhaps in another page's wording of it.
        return SdgGoal::from_folded_name_near(&folded);
    };
    let goal = SdgGoal::new(number)?;
    // Whatever follows the number must not name another goal: a name the
    // data lacks (another translation's wording) leaves the number to tell.
    match SdgGoal::from_folded_name_near(rest) {
        Some(named) if named != goal => None,
        _ => Some(goal),
    }
}

/// Languages an answer can be counted in (for `languages.content`).
pub(crate) type ContentChars = BTreeMap<Lang, usize>;

/// The catalog name of `text` in namespace `ns` (`level.local` gives `local`).
fn catalog_name(text: &str, ns: &str) -> Option<&'static str> {
    catalog().exact(text, |e| e.namespace() == ns).next().map(|e| e.name())
}

/// The most words a how-learned answer may have for the option to be
/// read from a phrase inside it.
const MAX_LEARNED_WORDS: usize = 4;

/// A value printed as a row of boxed options: the ticked option; any
/// other value as it is.
fn chosen_option(text: &str) -> String {
    nomina_parse::ticked_option(text).unwrap_or(text).to_string()
}

/// The how-learned option an answer names: the whole answer, or a run of
/// its words that names one option and no other (`Por Internet`, `Site
/// Internet`, `عبر الإنترنت`), in a short answer.
fn learned_name(text: &str) -> Option<&'static str> {
    if let Some(name) = catalog_name(text, "learned") {
        return Some(name);
    }
    // Ideographs run on without blanks (`上网看到的`, saw it online): the
    // option whose word the answer holds, when one option's words alone are
    // there.
    let t = text.trim();
    if t.chars().any(fold::is_cjk) && !t.contains(char::is_whitespace) {
        let mut named = catalog().ideographic_words_in("learned", t).map(|e| e.name());
        let first = named.next()?;
        return named.all(|n| n == first).then_some(first);
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | '،' | '(' | ')' | '（' | '）'))
        .filter(|w| !w.is_empty())
        // An elided article is no part of the word (`l’Internet`).
        .map(nomina_refdata::fold::without_elision)
        .collect();
    if words.len() < 2 || words.len() > MAX_LEARNED_WORDS {
        return None;
    }
    let mut found = None;
    for len in 1..words.len() {
        for run in words.windows(len) {
            if let Some(name) = catalog_name(&run.join(" "), "learned") {
                if found.is_some_and(|f| f != name) {
                    return None;
                }
                found = Some(name);
            }
        }
    }
    found.or_else(|| inflected_learned(&words))
}

/// The how-learned option a word of a short answer names in an inflected
/// form (`Из интернета`, `Интернет` in the genitive): a one-word option of
/// the catalog of five letters or more that opens the word, perhaps but for
/// its last letter (`От правительства`), with at most
/// [`MAX_INFLECTION_CHARS`] letters after it, and no other option.
fn inflected_learned(words: &[&str]) -> Option<&'static str> {
    let mut found = None;
    for w in words {
        let w = fold(w);
        for e in catalog().entries().iter().filter(|e| e.namespace() == "learned" && !e.text.contains(' ')) {
            let option = fold(e.text);
            let (n, m) = (option.chars().count(), w.chars().count());
            // The option's last letter may be an ending the word changes
            // (`правительств-о`, `правительств-а`).
            let stem = option.char_indices().last().map_or(option.as_str(), |(i, _)| &option[..i]);
            let whole = m > n && m - n <= MAX_INFLECTION_CHARS && w.starts_with(&option);
            let changed = m >= n && m - (n - 1) <= MAX_INFLECTION_CHARS && w != option && w.starts_with(stem);
            if n >= 5 && (whole || changed) {
                if found.is_some_and(|f| f != e.name()) {
                    return None;
                }
                found = Some(e.name());
            }
        }
    }
    found
}

/// The report of a list's item printed with its box left empty (`[ ] Goal
/// 3`): an option the form did not choose, reported and not read.
fn unticked(f: &Field, item: &LineRef, raw: &str) -> Option<Warning> {
    nomina_parse::unticked_item(raw).then(|| {
        Warning::new("unticked_option", format!("{}: an option left unchosen", field_name(f.key)), Some(item.line))
            .with_text(raw.to_string())
    })
}

/// The most letters an inflection adds to a word (`интернет-а`, `интернет-ом`).
const MAX_INFLECTION_CHARS: usize = 2;

/// The form's option `Government(Local)` (or `National`, `Regional`)
/// that an institution type names in any of the six languages: a
/// government word of the catalog (`type.government`) and a level, the
/// level in brackets after it (`Gobierno (local)`, `政府（地方）`) or
/// beside it (`Local government`, `Gouvernement local`, `地方政府`), or a
/// local government by its own name (`Municipality`, catalog
/// `type.local_government`); either perhaps with a gloss of up to
/// [`MAX_TYPE_GLOSS_WORDS`] words in brackets, and nothing else.
fn government_type(text: &str) -> Option<String> {
    let t = text.trim();
    // A local government's own name (`Municipality`, `Collectivité
    // territoriale`, `Орган местного самоуправления`, `بلدية`); with a gloss
    // in brackets (`Local authority (city council)`) it is read below.
    if catalog_name(t, "type") == Some("local_government") {
        return Some("Government(Local)".to_string());
    }
    // A local government's name after a word for a body and its particle
    // (`Entidad de gobierno local`, `Organe de pouvoir local`).
    let words: Vec<&str> = t.split_whitespace().collect();
    if (3..=6).contains(&words.len())
        && let [_, particle, rest @ ..] = &words[..]
        && particle.chars().count() <= 3
        && particle.chars().all(char::is_lowercase)
        && catalog_name(&rest.join(" "), "type") == Some("local_government")
    {
        return Some("Government(Local)".to_string());
    }
    let government = |s: &str| catalog_name(s.trim(), "type") == Some("government");
    // A level alone, or as the last word (`niveau local`, `местный
    // уровень`) or the first of two (`local level`), the Arabic article
    // aside (`المحلية`).
    let level = |s: &str| {
        let s = s.trim();
        let bare = |w: &str| {
            let w = w.trim();
            catalog_name(w, "level").or_else(|| w.strip_prefix("ال").and_then(|r| catalog_name(r, "level")))
        };
        if s.is_empty() {
            return None;
        }
        bare(s)
            .or_else(|| s.rsplit_once(char::is_whitespace).and_then(|(_, last)| bare(last)))
            // Or as the first of two words (`local level`).
            .or_else(|| {
                let (first, rest) = s.split_once(char::is_whitespace)?;
                (!rest.trim().contains(char::is_whitespace)).then(|| bare(first)).flatten()
            })
    };
    let found = if let Some(open) = t.find(['(', '（']) {
        let inner = t[open..].trim_start_matches(['(', '（']);
        let inner = inner.strip_suffix([')', '）'])?;
        // `Local government (municipal)`, `Local authority (city council)`:
        // the type whole before its gloss.
        if let Some(whole) = government_type(&t[..open])
            && inner.split_whitespace().count() <= MAX_TYPE_GLOSS_WORDS
        {
            return Some(whole);
        }
        government(&t[..open]).then(|| level(inner)).flatten()
    } else if t.chars().any(char::is_whitespace) {
        // The level on either side of the government word.
        let (a, b) = t.split_once(char::is_whitespace)?;
        let (c, d) = t.rsplit_once(char::is_whitespace)?;
        (government(b).then(|| level(a)).flatten()).or_else(|| government(c).then(|| level(d)).flatten())
    } else {
        // Written without spaces (Chinese): the level, then the word; a
        // qualifier may open the level (`基层地方政府`, grassroots local).
        let (i, _) = t.char_indices().skip(1).find(|&(i, _)| government(&t[i..]))?;
        let prefix = &t[..i];
        prefix.char_indices().find_map(|(j, _)| level(&prefix[j..]))
    }?;
    let mut name = found.chars();
    let first = name.next()?.to_uppercase().collect::<String>();
    Some(format!("Government({first}{})", name.as_str()))
}

/// Most words of a category's number printed beside its name (`Category
/// 2`, `Catégorie n° 2`).
const MAX_CATEGORY_NUMBER_WORDS: usize = 3;

/// A category named with its number beside it, in brackets after the name
/// (`Promoting … (Category 2)`) or before it and a dash (`Category 2 –
/// Promoting …`): the category of the name alone.
fn category_without_number(text: &str) -> Option<&'static Category> {
    let t = text.trim();
    let number =
        |s: &str| s.chars().any(|c| c.is_ascii_digit()) && s.split_whitespace().count() <= MAX_CATEGORY_NUMBER_WORDS;
    if let Some(inner_end) = t.strip_suffix([')', '）'])
        && let Some(open) = inner_end.rfind(['(', '（'])
        && number(&inner_end[open..])
        && let Some(c) = Category::from_name(inner_end[..open].trim())
    {
        return Some(c);
    }
    [" – ", " — ", " - "].iter().find_map(|sep| {
        let (head, rest) = t.split_once(sep)?;
        number(head).then(|| Category::from_name(rest.trim())).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_named_with_its_number_is_the_category_of_its_name() {
        let want = Category::from_name("Promoting integrated mechanisms for sustainable development").map(|c| c.name);
        assert!(want.is_some());
        for text in [
            "Promoting integrated mechanisms for sustainable development (Category 2)",
            "Category 2 – Promoting integrated mechanisms for sustainable development",
            "Cat. 2 - Promoting integrated mechanisms for sustainable development",
        ] {
            assert_eq!(category_without_number(text).map(|c| c.name), want, "{text}");
        }
        // Words in brackets that are no number, or a long head, name nothing.
        assert!(
            category_without_number("Promoting integrated mechanisms for sustainable development (draft)").is_none()
        );
        assert!(category_without_number("One of the 2 best – Promoting integrated mechanisms").is_none());
    }

    #[test]
    fn a_list_run_together_on_one_line_is_split_where_every_piece_is_an_item() {
        let goal = |p: &str| goal_of(p).is_some();
        assert_eq!(
            run_together("SDG 16: Peace, justice and strong institutions; SDG 17: Partnerships for the goals", goal),
            ["SDG 16: Peace, justice and strong institutions", "SDG 17: Partnerships for the goals"]
        );
        let target = |p: &str| nomina_parse::target_id(p).is_some();
        assert_eq!(
            run_together("16.7 Ensure decisions；16.b Promote laws", target),
            ["16.7 Ensure decisions", "16.b Promote laws"]
        );
        // A semicolon inside one item's text leaves the line whole.
        let one = "16.7 Ensure responsive; inclusive decision-making";
        assert_eq!(run_together(one, target), [one]);
        assert_eq!(run_together("Goal 16: Peace", goal), ["Goal 16: Peace"]);
        // Commas where no semicolon parts the items.
        assert_eq!(run_together("16.7, 16.b, 17.14", target), ["16.7", "16.b", "17.14"]);
        assert_eq!(run_together("16, 17", goal), ["16", "17"]);
        assert_eq!(
            run_together("目标3 良好健康与福祉」「目标4 优质教育", goal),
            ["目标3 良好健康与福祉", "目标4 优质教育"]
        );
        assert_eq!(run_together("16.7 / 16.b / 17.14", target), ["16.7", "16.b", "17.14"]);
        let named = "SDG 16: Peace, justice and strong institutions";
        assert_eq!(run_together(named, goal), [named]);
        assert_eq!(run_together("Peace, justice and strong institutions", goal).len(), 1);
    }

    #[test]
    fn a_how_learned_answer_names_its_option_by_a_phrase_inside_it() {
        for (answer, option) in [
            ("Internet", Some("internet")),
            ("Por Internet", Some("internet")),
            ("Site Internet", Some("internet")),
            ("Через Интернет", Some("internet")),
            ("عبر الإنترنت", Some("internet")),
            ("Par l’Internet", Some("internet")),
            ("От правительства", Some("government")),
            ("С интернетом", Some("internet")),
            ("Online (Internet)", Some("internet")),
            ("On the web", Some("internet")),
            ("上网看到的", Some("internet")),
            ("同事告诉的", Some("colleague")),
            ("From a colleague", Some("colleague")),
            // Two options named: neither.
            ("Internet and newspaper", None),
            // A long answer is a story, not an option.
            ("A colleague told me about it at a meeting", None),
            ("Radio", None),
        ] {
            assert_eq!(learned_name(answer), option, "{answer}");
        }
    }

    #[test]
    fn a_government_and_its_level_in_six_languages_is_the_forms_option() {
        for (written, option) in [
            ("Government(Local)", Some("Government(Local)")),
            ("Gobierno (local)", Some("Government(Local)")),
            ("Government (local level)", Some("Government(Local)")),
            ("Administration publique (locale)", Some("Government(Local)")),
            ("政府（地方）", Some("Government(Local)")),
            ("地方政府", Some("Government(Local)")),
            ("基层地方政府", Some("Government(Local)")),
            ("Entidad de gobierno local", Some("Government(Local)")),
            ("حكومة (محلية)", Some("Government(Local)")),
            ("Local government (municipal)", Some("Government(Local)")),
            ("Gouvernement national", Some("Government(National)")),
            ("Pouvoirs publics (niveau local)", Some("Government(Local)")),
            ("الحكومة (المحلية)", Some("Government(Local)")),
            ("Municipality", Some("Government(Local)")),
            ("Local authority (city council)", Some("Government(Local)")),
            // Not a government, or more than a gloss after it.
            ("Non-governmental organization", None),
            ("Gobierno (local) y sociedad civil", None),
            ("Local authority (a city council of the northern region)", None),
        ] {
            assert_eq!(government_type(written).as_deref(), option, "{written}");
        }
    }

    #[test]
    fn goals_from_list_lines() {
        let g = |s: &str| goal_of(s).map(SdgGoal::number);
        assert_eq!(g("Goal 16: Peace, Justice and Strong Institutions"), Some(16));
        assert_eq!(g("Goal 17: Partnerships for the goals"), Some(17));
        assert_eq!(g("无贫穷"), Some(1));
        assert_eq!(g("16"), Some(16));
        // A name in another page's wording.
        assert_eq!(g("和平、正义与强大机构"), Some(16));
        assert_eq!(g("Goal 3: Peace, justice and solid institutions"), None);
        assert_eq!(g("Goal 18: Nothing"), None);
        // A number that disagrees with the name is not trusted.
        assert_eq!(g("Goal 3: Quality education"), None);
        // A name the data lacks leaves the number to tell.
        assert_eq!(g("Objetivo 16: Paz, justicia e instituciones sólidas"), Some(16));
        assert_eq!(g("目标16：和平、正义与强大机构"), Some(16));
        assert_eq!(g("目标 3：优质教育"), None);
    }

    #[test]
    fn numbers_of_years_in_words() {
        assert_eq!(number_word("Five"), Some(5));
        assert_eq!(number_word("пять лет"), Some(5));
        assert_eq!(number_word("cinco años"), Some(5));
        assert_eq!(number_word("many years"), None);
        assert_eq!(number_word("五年"), Some(5));
    }

    #[test]
    fn label_hints_give_the_order() {
        assert_eq!(date_hint("Please provide date of implemenation (dd/MM/yyyy)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Date (MM/dd/yyyy)"), Some(DateOrder::MonthFirst));
        assert_eq!(date_hint("Program commencement date (DD-MM-YYYY)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Date of commencement (dd-mm-yyyy"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("请提供实施日期。"), None);
        assert_eq!(date_hint("Date de mise en œuvre (jj/mm/aaaa)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Дата (дд.мм.гггг)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("التاريخ (يوم/شهر/سنة)"), Some(DateOrder::DayFirst));
        // The words for day and month, in brackets only.
        assert_eq!(date_hint("Start date (day/month/year)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Started on (D/M/YYYY)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Started on (M/D/YYYY)"), Some(DateOrder::MonthFirst));
        assert_eq!(date_hint("Lancé le (j.m.aaaa)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Дата старта (д.м.гггг)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Date (a/b/c)"), None);
        assert_eq!(date_hint("Fecha de arranque (día/mes/año)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Date de démarrage (jour/mois/année)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Date (month/day/year)"), Some(DateOrder::MonthFirst));
        assert_eq!(date_hint("Дата начала (число, месяц, год)"), Some(DateOrder::DayFirst));
        assert_eq!(date_hint("Month and day the initiative started"), None);
    }

    #[test]
    fn integers() {
        assert_eq!(first_integer("5"), Some(5));
        assert_eq!(first_integer("about 12 years"), Some(12));
        assert_eq!(first_integer("none"), None);
    }

    #[test]
    fn copies_beyond_each_blocks_first() {
        let mut c = Copies::default();
        for (block, copy) in [(Block::Institution, 0), (Block::Institution, 2), (Block::Institution, 2)] {
            c.add(block, copy);
        }
        c.add(Block::Basic, 5);
        // Copies past the bitmap count the same.
        for copy in [0, 63, 64, 64, 100] {
            c.add(Block::Questions, copy);
        }
        // One beyond the institution's first, none of the basic info's, three of the questions'.
        assert_eq!(c.beyond_the_first(), 4);
        assert_eq!(Copies::default().beyond_the_first(), 0);
    }
}
