//! `nomina inspect`: one document, for a person to read.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result};
use nomina::Record;
use nomina::normalize::Nomination;

use crate::InspectArgs;

pub fn run(args: InspectArgs) -> Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let path = args.file.to_string_lossy().replace('\\', "/");
    match args.pipeline.pipeline().convert(&bytes, &path) {
        Ok(record) => {
            print!("{}", render(&record));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("nomina: {e} [{}]", e.code());
            Ok(ExitCode::from(1))
        }
    }
}

/// Aligned `label: value` lines.
struct Table {
    rows: Vec<(String, String)>,
}

impl Table {
    fn new() -> Table {
        Table { rows: Vec::new() }
    }

    fn row(&mut self, label: &str, value: impl ToString) {
        self.rows.push((label.to_string(), value.to_string()));
    }

    fn opt<T: ToString>(&mut self, label: &str, value: Option<T>) {
        self.row(label, value.map_or_else(|| "-".to_string(), |v| v.to_string()));
    }

    fn render(&self, out: &mut String) {
        let width = self.rows.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
        for (label, value) in &self.rows {
            let _ = writeln!(out, "  {label:>width$}: {value}");
        }
    }
}

fn yes_no(v: Option<bool>) -> Option<&'static str> {
    v.map(|b| if b { "yes" } else { "no" })
}

fn list<T: ToString>(items: &[T]) -> String {
    if items.is_empty() { "-".to_string() } else { items.iter().map(T::to_string).collect::<Vec<_>>().join(", ") }
}

pub fn render(r: &Record) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", r.source.path);
    let mut t = Table::new();
    t.row("kind", r.kind.as_str());
    t.row("classified", &r.diagnostics.classification);
    t.opt("label language", r.languages.labels.as_deref());
    t.opt("content language", r.languages.content);
    t.row("encoding", format!("{} ({})", r.source.encoding, r.source.encoding_basis));
    t.row("bytes", r.source.bytes);
    t.row("id", &r.id);
    t.render(&mut out);
    if let Some(n) = &r.nomination {
        nomination(n, &mut out);
    }
    if let Some(news) = &r.news {
        let _ = writeln!(out, "\nnews");
        let mut t = Table::new();
        t.row("title", &news.title);
        t.opt("byline", news.byline.as_deref());
        t.opt("published", news.published);
        t.row("headings", list(&news.headings));
        t.row("captions", list(&news.captions));
        t.row("paragraphs", news.paragraphs.len());
        t.row("boilerplate", news.boilerplate.len());
        t.render(&mut out);
    }
    if let Some(text) = &r.text {
        let _ = writeln!(out, "\ntext: {} paragraphs", text.paragraphs.len());
        for p in &text.paragraphs {
            let _ = writeln!(out, "  | {}", shorten(p, 100));
        }
    }
    let d = &r.diagnostics;
    let _ = writeln!(out, "\ndiagnostics");
    let mut t = Table::new();
    t.row("duplicate blocks removed", d.duplicate_blocks_removed);
    t.row("uncovered chars", d.uncovered_chars);
    t.row("ui text removed", list(&d.ui_text_removed));
    t.render(&mut out);
    for c in &d.conflicts {
        let _ = writeln!(
            out,
            "  conflict {}: kept {:?}, dropped {:?}",
            c.field,
            shorten(&c.kept, 60),
            shorten(&c.dropped, 60)
        );
    }
    for w in &d.warnings {
        let line = w.line.map_or_else(String::new, |l| format!(" (line {l})"));
        let text = w.text.as_deref().map_or_else(String::new, |t| format!(": {:?}", shorten(t, 60)));
        let _ = writeln!(out, "  warning {}{line}: {}{text}", w.code, w.message);
    }
    for u in &d.unparsed {
        let _ = writeln!(out, "  unparsed: {:?}", shorten(u, 80));
    }
    out
}

fn nomination(n: &Nomination, out: &mut String) {
    let _ = writeln!(out, "\nnomination");
    let mut t = Table::new();
    t.opt(
        "member state",
        n.member_state.as_ref().map(|m| format!("{} ({})", m.name, m.iso2.as_deref().unwrap_or("?"))),
    );
    t.opt("institution", n.institution_name.as_deref());
    t.opt("institution type", n.institution_type.as_deref());
    t.opt("department type", n.department_type.as_deref());
    t.opt("administrative level", n.administrative_level.as_deref());
    t.opt("initiative", n.initiative_name.as_deref());
    t.opt("operational years", n.operational_years);
    t.opt("website", n.website.as_deref());
    t.opt("public sector", yes_no(n.public_sector));
    t.opt(
        "category",
        n.category.as_ref().map(|c| if c.special { format!("{} (special)", c.name) } else { c.name.clone() }),
    );
    t.opt("SDG relevant", yes_no(n.sdg_relevant));
    t.row("SDGs", list(&n.sdgs.iter().map(|g| g.0.number()).collect::<Vec<_>>()));
    t.row("SDG targets", list(&n.sdg_targets));
    t.opt("two years or more", yes_no(n.implemented_two_years_or_more));
    t.opt("implementation date", n.implementation_date);
    t.opt("UN involved", yes_no(n.un_involved));
    t.row("UN agencies", list(&n.un_agencies));
    t.opt("submitted previously", yes_no(n.submitted_previously));
    t.opt("won UNPSA", yes_no(n.won_unpsa));
    t.opt("won other awards", yes_no(n.won_other_awards));
    t.opt("how learned", n.how_learned.as_deref());
    t.opt("validation consent", yes_no(n.validation_consent));
    t.render(out);
    let _ = writeln!(out, "\nanswers: {}", n.answers.len());
    for a in &n.answers {
        let id = format!("{}{}", a.question, a.part.map_or("", |p| p.as_str()));
        let limit = a.word_limit.map_or_else(|| "no limit".to_string(), |l| format!("limit {l}"));
        let lang = a.language.map_or_else(|| "-".to_string(), |l| l.to_string());
        let _ = writeln!(out, "  {id:>4}  {:>4} words, {limit:<10} {lang:<3} {}", a.word_count, shorten(&a.prompt, 60));
        match &a.text {
            Some(text) => {
                let _ = writeln!(out, "        | {}", shorten(text, 90));
            }
            None => {
                let _ = writeln!(out, "        | (no answer)");
            }
        }
    }
}

fn shorten(s: &str, max: usize) -> String {
    let s = s.replace('\n', " / ");
    if s.chars().count() <= max {
        s
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
