//! Bytes to text: byte-order mark, declared charset, validation, detection.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use memchr::memmem;
use regex::Regex;
use rustc_hash::FxHashSet;

use crate::error::DecodeError;

/// Why an encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EncodingBasis {
    /// A byte-order mark.
    Bom,
    /// A charset declared in an HTML `<meta>` tag.
    Declared,
    /// Validation (UTF-8) or statistical detection.
    Detected,
    /// Nothing could tell; a default was used.
    Assumed,
}

impl EncodingBasis {
    /// Every basis, in the order of the declaration.
    pub const ALL: [EncodingBasis; 4] =
        [EncodingBasis::Bom, EncodingBasis::Declared, EncodingBasis::Detected, EncodingBasis::Assumed];

    /// The name used in records (`"bom"`, `"declared"`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            EncodingBasis::Bom => "bom",
            EncodingBasis::Declared => "declared",
            EncodingBasis::Detected => "detected",
            EncodingBasis::Assumed => "assumed",
        }
    }
}

impl fmt::Display for EncodingBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text decoded from a document's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding used, as encoding_rs names it (`"UTF-8"`, `"GBK"`).
    pub encoding: &'static str,
    /// Why that encoding.
    pub basis: EncodingBasis,
    /// Malformed byte sequences replaced by U+FFFD.
    pub malformed: usize,
    /// The bytes were quoted-printable (an e-mail body, a page saved as a
    /// web archive): their `=XX` escapes and soft line breaks were undone
    /// before the charset was read.
    pub quoted_printable: bool,
}

/// Characters that print as nothing and only hint at where a line may
/// break or words join: the soft hyphen a word processor or a typesetting
/// script puts between syllables, the zero-width space, the word joiner,
/// and a byte-order mark inside the text. Left in, they cut the words they
/// stand in (`При\u{ad}над\u{ad}леж\u{ad}ность`), and no label, month or
/// country name is read.
const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// What [`repair_text`] did to a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Characters that print as nothing, removed.
    pub invisible: usize,
    /// Decomposed letters were composed (Unicode NFC).
    pub composed: bool,
    /// The 1-based lines repaired from UTF-8 read as Windows-1252.
    pub mojibake_lines: Vec<usize>,
    /// Arabic letters stored as their shaped presentation forms, written
    /// back as plain letters.
    pub arabic_forms: usize,
    /// HTML character references left in text (`Cor&eacute;e`, `&#39;`,
    /// `&nbsp;`), as a scraper that saved a page's source text writes
    /// them, written as the characters they stand for.
    pub entities: usize,
    /// Markup left in plain text, removed: HTML tags of known elements
    /// (`<br>`, `<b>`, `<span dir="rtl">`) and Markdown's strong emphasis
    /// and heading marks (`**Label:**`, `## Part A`). See
    /// [`repair_plain_text`].
    pub markup: usize,
    /// Lines that each opened with its own number, counted from the first
    /// line on (a listing's or a viewer's line numbers), the numbers
    /// removed. See [`repair_plain_text`].
    pub line_numbers: usize,
    /// Rows of cells a CSV export printed (`"Country","Ghana"`), read with
    /// their quotes as blanks and the mark between cells as a tab. See
    /// [`repair_plain_text`].
    pub csv_rows: usize,
    /// Rows of a table exported by columns (section or id, field, value)
    /// read as lines of label and value under their sections. See
    /// [`repair_plain_text`].
    pub columns: crate::columns::ColumnsRead,
    /// Lines of a JSON export (`"Country": "Ghana",`), read with their
    /// quotes, commas and brackets as blanks. See [`repair_plain_text`].
    pub json_lines: usize,
    /// Lines drawn as a tree's branches (`├── Country`, `│   └── Ghana`),
    /// the branches read as blanks. See [`repair_plain_text`].
    pub drawn_tree_lines: usize,
    /// Entries of an accessibility tree's dump (`- textbox "Country":
    /// Ghana`) read as label and value, and the blank lines set before its
    /// titles. See [`repair_plain_text`].
    pub tree: crate::export::TreeRead,
    /// Elements of an XML export (`<field label="Country">Ghana</field>`)
    /// read as label and value. See [`repair_plain_text`].
    pub xml_elements: usize,
    /// Lines of a quoted message (a forwarded or replied e-mail) read
    /// without the `>` marks that opened them. See [`repair_plain_text`].
    pub quoted_lines: usize,
    /// The 1-based line of the first of them.
    pub first_quoted_line: Option<usize>,
    /// BBCode tags a forum post or a message board's export left around
    /// the words (`[b]Country[/b]`, `[url]…[/url]`), removed. See
    /// [`repair_plain_text`].
    pub bbcode: usize,
    /// Marks of MediaWiki's markup (a table's braces, rules and cell bars,
    /// `'''` emphasis, `{{template}}`, `[[link|text]]`), removed. See
    /// [`repair_plain_text`].
    pub wiki: usize,
    /// LaTeX commands and escapes read as the text they print (`\item[Country]
    /// Ghana` as `Country: Ghana`). See [`repair_plain_text`].
    pub latex: usize,
    /// Marks of an org-mode outline read (`- Country :: Ghana` as `Country:
    /// Ghana`). See [`repair_plain_text`].
    pub org: usize,
    /// Utterances of a screen reader's speech log read as label and value.
    /// See [`repair_plain_text`].
    pub speech: crate::speech::SpeechRead,
    /// Messages of a conversation's export read without their times and
    /// senders. See [`repair_plain_text`].
    pub messages: crate::messages::MessagesRead,
    /// Section headers and entries of an INI file read as titles, labels
    /// and values. See [`repair_plain_text`].
    pub ini_entries: usize,
    /// Fields of a PDF form listed by pdftk, read as labels and values. See
    /// [`repair_plain_text`].
    pub pdf_fields: usize,
    /// Members of a JSON document read as labels and values. See
    /// [`repair_plain_text`].
    pub json_members: usize,
    /// Keys and items of a YAML document read as labels and values. See
    /// [`repair_plain_text`].
    pub yaml: crate::yaml::YamlRead,
    /// An e-mail message read as the text it shows. See [`repair_plain_text`].
    pub mail: crate::mail::MailRead,
    /// A patch read as the file it adds or changes. See [`repair_plain_text`].
    pub patch: crate::patch::PatchRead,
    /// Subtitles read as the lines their cues show. See [`repair_plain_text`].
    pub subtitles: crate::subtitles::SubtitlesRead,
    /// Items of a survey tool's printout of a response read as labels over
    /// values. See [`repair_plain_text`].
    pub survey: crate::survey::SurveyRead,
    /// Marks of a text written in AsciiDoc read. See [`repair_plain_text`].
    pub asciidoc: usize,
    /// Entries of a TOML document read as labels and values. See
    /// [`repair_plain_text`].
    pub toml_entries: usize,
    /// Rows of an SQL dump read as labels and values. See
    /// [`repair_plain_text`].
    pub sql: crate::sqldump::SqlRead,
    /// Rows of a psql table read as labels and values. See
    /// [`repair_plain_text`].
    pub psql: crate::psql::PsqlRead,
    /// Entries of a PHP `print_r()` dump read as labels and values. See
    /// [`repair_plain_text`].
    pub print_r: usize,
    /// Lists of an S-expression dump read as labels and values. See
    /// [`repair_plain_text`].
    pub sexpr: crate::sexpr::SexprRead,
    /// Records of a program's data literal read as labels and values. See
    /// [`repair_plain_text`].
    pub literal: crate::literal::LiteralRead,
    /// A telex read without its machinery. See [`repair_plain_text`].
    pub telex: crate::telex::TelexRead,
    /// Twisties (`▼`) opening a printed document's section titles, set
    /// aside. See [`repair_plain_text`].
    pub twisties: usize,
    /// A PowerShell transcript's `Format-List` output read as labels and
    /// values. See [`repair_plain_text`].
    pub transcript: crate::transcript::TranscriptRead,
    /// Entries of an LDIF listing read as labels and values. See
    /// [`repair_plain_text`].
    pub ldif: crate::ldif::LdifRead,
    /// Private properties of a vCard read as labels and values. See
    /// [`repair_plain_text`].
    pub vcard: crate::vcard::VcardRead,
    /// Parts of a multipart form request read as labels and values. See
    /// [`repair_plain_text`].
    pub form_data: crate::formdata::FormDataRead,
    /// Texinfo source read as its printed lines. See [`repair_plain_text`].
    pub texinfo: crate::texinfo::TexinfoRead,
    /// A manual page's source read as its printed lines. See
    /// [`repair_plain_text`].
    pub troff: crate::troff::TroffRead,
    /// Command lines of POD read. See [`repair_plain_text`].
    pub pod: usize,
    /// RTF source read as the text it shows. See [`repair_plain_text`].
    pub rtf: crate::rtf::RtfRead,
}

impl Repairs {
    /// What was done, in the order it was done, as warnings: each a code, a
    /// message and the first line it concerns.
    pub fn warnings(&self) -> Vec<(&'static str, String, Option<usize>)> {
        let mut out = Vec::new();
        if self.quoted_lines > 0 {
            let n = self.quoted_lines;
            let message =
                format!("{n} lines quoted with `>` (a forwarded or replied e-mail) read without their quote marks");
            out.push(("quote_marks_removed", message, self.first_quoted_line));
        }
        if self.invisible > 0 {
            let n = self.invisible;
            let message = format!(
                "{n} invisible characters (soft hyphens, zero-width spaces, word joiners) removed before parsing"
            );
            out.push(("invisible_characters", message, None));
        }
        if self.composed {
            let message = "letters written decomposed (a base letter and a combining mark) composed (Unicode NFC) \
                           before parsing";
            out.push(("composed_unicode", message.to_string(), None));
        }
        if let Some(&first) = self.mojibake_lines.first() {
            let lines = self.mojibake_lines.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            let message = format!("UTF-8 read as Windows-1252 and saved again, repaired on lines {lines}");
            out.push(("mojibake_repaired", message, Some(first)));
        }
        if self.entities > 0 {
            let n = self.entities;
            let message = format!("{n} HTML character references (`&eacute;`, `&#39;`) written as their characters");
            out.push(("html_entities", message, None));
        }
        if self.markup > 0 {
            let n = self.markup;
            let message = format!(
                "{n} HTML tags and Markdown marks left in plain text (`<br>`, `**`, `##`) removed before parsing"
            );
            out.push(("markup_removed", message, None));
        }
        if self.bbcode > 0 {
            let n = self.bbcode;
            let message = format!("{n} BBCode tags (`[b]`, `[size=120]`, `[url]`) removed before parsing");
            out.push(("bbcode_removed", message, None));
        }
        if self.wiki > 0 {
            let n = self.wiki;
            let message = format!(
                "{n} marks of MediaWiki markup (table braces, rules and cell bars, `'''`, `{{{{…}}}}`, `[[…]]`, \
                 headings' `=` signs, definition marks, comments) removed before parsing; a header cell over its \
                 data cell read as a label over its value"
            );
            out.push(("wiki_markup_removed", message, None));
        }
        if self.latex > 0 {
            let n = self.latex;
            let message = format!(
                "{n} LaTeX commands read as the text they print (`\\item[Country] Ghana` as `Country: Ghana`, \
                 `\\emph{{…}}` as its text, `\\%` as `%`)"
            );
            out.push(("latex_read", message, None));
        }
        if self.org > 0 {
            let n = self.org;
            let message = format!(
                "{n} marks of an org-mode outline read (`- Country :: Ghana` as `Country: Ghana`, heading stars, \
                 `#+` keys, drawers and link brackets set aside)"
            );
            out.push(("org_outline_read", message, None));
        }
        if self.line_numbers > 0 {
            let n = self.line_numbers;
            let message = format!("the number printed at the start of each of the {n} lines removed before parsing");
            out.push(("line_numbers_removed", message, Some(1)));
        }
        if self.ini_entries > 0 {
            let n = self.ini_entries;
            let message = format!(
                "{n} section headers and entries of an INI file read: brackets set aside, `label = value` as \
                 `label: value`, a program's key (`answer_b = …`) set aside before its value"
            );
            out.push(("ini_file_read", message, None));
        }
        if self.pdf_fields > 0 {
            let n = self.pdf_fields;
            let message = format!(
                "{n} fields of a PDF form listed by pdftk read: `FieldNameAlt` as the label, `FieldValue` as the \
                 value, the lines of each field's machinery (type, name, flags, states) and the rules left blank"
            );
            out.push(("pdf_fields_read", message, None));
        }
        if self.json_members > 0 {
            let n = self.json_members;
            let message = format!(
                "{n} members of a JSON document read: `\"label\": value` as `label: value`, a program's key \
                 (`\"value\": …`) set aside before its value, escapes undone, quotes, brackets and `null` as blanks"
            );
            out.push(("json_document_read", message, None));
        }
        if self.yaml.entries > 0 {
            let crate::yaml::YamlRead { entries: n, set_apart } = self.yaml;
            let message = format!(
                "{n} keys and items of a YAML document read: `label: value` kept, a program's key (`title: …`) set \
                 aside before its value, dashes, quotes, block indicators (`>-`), `[]` and `null` as blanks, \
                 directives and markers as blank lines; {set_apart} blank lines set above items' titles that \
                 followed text (later line numbers count them)"
            );
            out.push(("yaml_document_read", message, None));
        }
        if self.asciidoc > 0 {
            let n = self.asciidoc;
            let message = format!(
                "{n} marks of AsciiDoc read (`Country:: Ghana` as `Country: Ghana`, heading signs, attribute \
                 entries, block delimiters and attributes, preprocessor lines, `*strong*` and `_emphasis_` marks \
                 set aside, `{{nbsp}}` as a blank)"
            );
            out.push(("asciidoc_read", message, None));
        }
        if self.survey.items > 0 {
            let crate::survey::SurveyRead { items: n, set_aside } = self.survey;
            let message = format!(
                "{n} items of a survey tool's printout of a response read: `#7` over a label as the label with a \
                 colon over its value, `Page 4: ` before a page's title set aside, an empty answer's note left \
                 blank; {set_aside} lines of the respondent's header and page counters left blank"
            );
            out.push(("survey_response_read", message, None));
        }
        if self.toml_entries > 0 {
            let n = self.toml_entries;
            let message = format!(
                "{n} entries of a TOML document read: `label = value` as `label: value`, a program's key \
                 (`value = …`) and table headers set aside, quotes (escapes undone), brackets and `[]` as blanks"
            );
            out.push(("toml_document_read", message, None));
        }
        if self.sql.rows > 0 {
            let crate::sqldump::SqlRead { rows, blanked, lines_added } = self.sql;
            let message = format!(
                "{rows} rows of an SQL dump's inserts read one a line: the label's columns beside their value \
                 (or over it, for answers), ids, kinds, quotes and `NULL` set aside, escapes undone; {blanked} \
                 lines of the dump's machinery (comments, directives, the table's definition) left blank; \
                 {lines_added} lines added, which later line numbers count"
            );
            out.push(("sql_dump_read", message, Some(1)));
        }
        if self.psql.rows > 0 {
            let crate::psql::PsqlRead { rows, blanked, lines_added } = self.psql;
            let message = format!(
                "{rows} rows of a psql table read one at a time as an SQL dump's rows, wrapped cells joined \
                 (`…` by a blank, `↵` as a line break); {blanked} lines of the session (prompts, the header and \
                 its rule, the count of rows) left blank; {lines_added} lines added, which later line numbers count"
            );
            out.push(("psql_table_read", message, Some(1)));
        }
        if self.print_r > 0 {
            let n = self.print_r;
            let message = format!(
                "{n} entries of a PHP print_r() dump read: `[label] => value` as `label: value`, a key over \
                 named entries as a section's title, indexes and keys every item of a list has (`[answer] => …`) \
                 set aside before their values, `Array`, `(` and `)` lines left blank"
            );
            out.push(("print_r_read", message, None));
        }
        if self.sexpr.lists > 0 {
            let crate::sexpr::SexprRead { lists: n, lines_added } = self.sexpr;
            let message = format!(
                "{n} lists of an S-expression dump read: `(field :label \"Country\" :value \"Ghana\")` as \
                 `Country: Ghana`, head symbols, keywords, quotes, `nil` and marks of writing direction set aside; \
                 {lines_added} lines added to set a record's values (prompt, limit, answer) apart, which later line \
                 numbers count"
            );
            out.push(("s_expressions_read", message, Some(1)));
        }
        if self.literal.records > 0 {
            let crate::literal::LiteralRead { records: n, lines_added } = self.literal;
            let message = format!(
                "{n} records of a program's data literal read: a label and its value as `label: value`, a record \
                 of one string as a heading, a question's part as its marker, prompt and limit over its answer; \
                 brackets, quotes, keys, type names, atoms and program's words set aside, escapes undone; \
                 {lines_added} lines added, which later line numbers count"
            );
            out.push(("program_literal_read", message, Some(1)));
        }
        if self.xml_elements > 0 {
            let n = self.xml_elements;
            let message = format!(
                "{n} elements of an XML export read: tags set aside, a label held in an attribute or in a first \
                 child element read as the label of the element's text (`<field label=\"Country\">Ghana</field>` \
                 and `<field><name>Country</name><value>Ghana</value></field>` as `Country: Ghana`)"
            );
            out.push(("xml_export_read", message, None));
        }
        if self.tree.entries > 0 {
            let crate::export::TreeRead { entries: n, set_apart } = self.tree;
            let message = format!(
                "{n} entries of an accessibility tree read as label and value (`- textbox \"Country\": Ghana` as \
                 `Country: Ghana`): roles, quotes, states and link targets set aside, a radio group's options on its \
                 question's line; {set_apart} blank lines set before titles, which later line numbers count"
            );
            out.push(("accessibility_tree_read", message, Some(1)));
        }
        if self.columns.rows > 0 {
            let crate::columns::ColumnsRead { rows, lines_added, set_aside } = self.columns;
            let message = format!(
                "{rows} rows of a table exported by columns (section or id, field, value) read as label and value: \
                 a section where it changes on a line of its own, set apart by a blank line; {set_aside} ids and \
                 repeated sections set aside; {lines_added} lines added, which later line numbers count"
            );
            out.push(("column_export_read", message, Some(1)));
        }
        if self.speech.utterances > 0 {
            let crate::speech::SpeechRead { utterances: n, set_apart } = self.speech;
            let message = format!(
                "{n} utterances of a screen reader's speech log read as label and value (`Country  combo box  \
                 Ghana` as `Country: Ghana`): roles, states and landmarks set aside, a radio group's buttons on its \
                 question's line; {set_apart} blank lines set before headings, which later line numbers count"
            );
            out.push(("speech_log_read", message, Some(1)));
        }
        if self.messages.messages > 0 {
            let crate::messages::MessagesRead { messages: n, replies_joined, set_apart } = self.messages;
            let message = format!(
                "{n} messages of a conversation read without their times, senders and counters; {replies_joined} \
                 short replies read onto the line of the question they answer (`Country: Ghana`), their own lines \
                 left blank; {set_apart} blank lines set before questions not answered, which later line numbers \
                 count"
            );
            out.push(("message_log_read", message, Some(1)));
        }
        if self.csv_rows > 0 {
            let n = self.csv_rows;
            let message =
                format!("{n} rows of quoted cells (CSV) read as label and value: their quotes and commas set aside");
            out.push(("csv_rows_read", message, None));
        }
        if self.json_lines > 0 {
            let n = self.json_lines;
            let message = format!(
                "{n} lines of a JSON export read as label and value: their quotes, commas and brackets set aside"
            );
            out.push(("json_lines_read", message, None));
        }
        if self.drawn_tree_lines > 0 {
            let n = self.drawn_tree_lines;
            let message =
                format!("{n} lines drawn as a tree's branches (`├──`, `└──`, `│`) read with the branches as blanks");
            out.push(("tree_drawing_read", message, None));
        }
        if self.arabic_forms > 0 {
            let n = self.arabic_forms;
            let message = format!(
                "{n} Arabic letters stored as shaped presentation forms (as a PDF copies them) written back as plain \
                 letters before parsing"
            );
            out.push(("arabic_presentation_forms", message, None));
        }
        if self.mail.decoded > 0 || self.mail.set_aside > 0 {
            let crate::mail::MailRead { set_aside, decoded, joined } = self.mail;
            let message = format!(
                "an e-mail message read as the text it shows: {set_aside} lines of headers, part boundaries and \
                 parts not shown (base64, an HTML copy) left blank, the subject's encoded words decoded; {decoded} \
                 lines of quoted-printable text decoded, {joined} lines joined by soft breaks left blank in place"
            );
            out.push(("mail_message_read", message, None));
        }
        if self.patch.file_lines > 0 {
            let crate::patch::PatchRead { file_lines, set_aside } = self.patch;
            let message = format!(
                "a patch read as the file it adds or changes: {file_lines} lines read without their `+` or ` ` \
                 mark; {set_aside} lines of its machinery (headers, diffstat, `diff`, `index`, `---`/`+++`, `@@`, \
                 `\\ No newline`, signature) and removed `-` lines left blank"
            );
            out.push(("patch_read", message, None));
        }
        if self.subtitles.cues > 0 {
            let crate::subtitles::SubtitlesRead { cues, marks } = self.subtitles;
            let message = format!(
                "{cues} subtitle cues read as the lines they show: cue numbers and time ranges left blank, {marks} \
                 style tags (`<i>`, `<b>`) and overrides (`{{\\an8}}`) removed"
            );
            out.push(("subtitles_read", message, None));
        }
        if self.telex.messages > 0 {
            let crate::telex::TelexRead { messages, blanked, joined } = self.telex;
            let message = format!(
                "a telex of {messages} messages read: {blanked} lines of their headers and trailers (`ZCZC`, \
                 `NNNN`) left blank, {joined} continuation lines joined onto the line they continue and left \
                 blank, `//` around headings and an answer mark set aside"
            );
            out.push(("telex_read", message, None));
        }
        if self.twisties > 0 {
            let n = self.twisties;
            let message = format!(
                "{n} twisties (`▼`) opening the section titles of a printed document (a Notes view, an outline) \
                 set aside, each title read alone on its line"
            );
            out.push(("twisties_read", message, None));
        }
        if self.transcript.entries > 0 {
            let crate::transcript::TranscriptRead { entries, blanked, joined } = self.transcript;
            let message = format!(
                "a PowerShell transcript read: {entries} `Label : value` lines of its `Format-List` output read \
                 as `Label: value` (a record's property as its value alone), {blanked} lines of prompts, header \
                 and footer left blank, {joined} wrapped lines joined onto the line they continue and left blank"
            );
            out.push(("powershell_transcript_read", message, None));
        }
        if self.ldif.rows > 0 {
            let crate::ldif::LdifRead { rows, decoded, unfolded, blanked, lines_added } = self.ldif;
            let message = format!(
                "{rows} entries of an LDIF listing read as an SQL dump's rows, one a line of the form: attributes \
                 as columns (a repeated one's values as items), {decoded} base64 values decoded, {unfolded} folded \
                 lines joined and left blank; {blanked} lines of its machinery (comments, the search's trailer, \
                 `dn:`, object classes, an entry's naming attribute) left blank; {lines_added} lines added, which \
                 later line numbers count"
            );
            out.push(("ldif_read", message, Some(1)));
        }
        if self.vcard.properties > 0 {
            let crate::vcard::VcardRead { properties, unfolded, blanked, lines_added } = self.vcard;
            let message = format!(
                "{properties} private properties of a vCard read: a parameter as the value's label (`label: \
                 value`), a word limit after its prompt, unescaped commas as a list's items, escapes undone; \
                 {unfolded} folded lines joined and left blank; {blanked} lines of the card's own properties \
                 (`BEGIN`, `VERSION`, `N`, `FN`, `ORG`, `UID`, `REV`) left blank; {lines_added} lines added to set \
                 headings apart and lists' items on lines of their own, which later line numbers count"
            );
            out.push(("vcard_read", message, Some(1)));
        }
        if self.form_data.parts > 0 {
            let crate::formdata::FormDataRead { parts, blanked, lines_added } = self.form_data;
            let message = format!(
                "{parts} parts of a multipart/form-data request read as an SQL dump's rows: parts named alike \
                 (`f07_label`, `f07_value`) as one row, a part alone in its row as a heading; {blanked} lines of \
                 the request's machinery (request line, headers, boundaries, parts' headers, a token) left blank; \
                 {lines_added} lines added, which later line numbers count"
            );
            out.push(("form_data_read", message, Some(1)));
        }
        if self.texinfo.commands > 0 {
            let crate::texinfo::TexinfoRead { commands: n, lines_added } = self.texinfo;
            let message = format!(
                "{n} Texinfo commands read as the text they print: `@item label` over a one-line value as `label: \
                 value`, titles as their text, `@emph{{…}}` as its text, `@tie{{}}` as a blank, header, node, \
                 environment and comment lines left blank; {lines_added} blank lines set above titles that followed \
                 text, which later line numbers count"
            );
            out.push(("texinfo_read", message, Some(1)));
        }
        if self.troff.macros > 0 {
            let crate::troff::TroffRead { macros: n, lines_added } = self.troff;
            let message = format!(
                "{n} requests, macros and escapes of a manual page's source read: `.TP` over `.B label` over a \
                 one-line value as `label: value`, `.IP` tags before their text, headings as their text, `\\fI` \
                 fonts set aside, `\\-` and `\\(em` as their characters, other requests and comments left blank; \
                 {lines_added} blank lines set above headings that followed text, which later line numbers count"
            );
            out.push(("manual_page_read", message, Some(1)));
        }
        if self.pod > 0 {
            let n = self.pod;
            let message = format!(
                "{n} command lines of POD read: `=item label` over a one-line paragraph as `label: value`, a \
                 bullet list's items one a line after a dash, a short tag before its text, titles as their text, \
                 `I<…>` codes as their text, other commands left blank; verbatim paragraphs as written"
            );
            out.push(("pod_read", message, None));
        }
        if self.rtf.controls > 0 {
            let crate::rtf::RtfRead { controls: n, lines_added } = self.rtf;
            let message = format!(
                "{n} control words, symbols and groups of RTF source read: a table row `label\\cell value\\cell\\row` \
                 as `label: value`, hidden groups (fonts, colours, the document's properties) and formatting set \
                 aside, `\\'e9` and `\\u233?` escapes decoded; {lines_added} lines added to set paragraphs apart \
                 and for `\\line`, which later line numbers count"
            );
            out.push(("rtf_read", message, Some(1)));
        }
        out
    }
}

/// Repairs decoded text before it is parsed: removes the characters that
/// print as nothing (soft hyphens, zero-width spaces, word joiners, a
/// byte-order mark inside the text), composes decomposed letters, repairs
/// lines of UTF-8 read as Windows-1252, and writes Arabic presentation forms
/// as plain letters. Says what it did, for the record's warnings; text that
/// needs none of it is left as it is.
pub fn repair_text(text: &mut String) -> Repairs {
    Repairs {
        invisible: remove_invisible(text),
        composed: compose(text),
        mojibake_lines: repair_mojibake(text),
        arabic_forms: unshape_arabic(text),
        entities: decode_entities(text),
        markup: 0,
        line_numbers: 0,
        csv_rows: 0,
        columns: crate::columns::ColumnsRead::default(),
        json_lines: 0,
        drawn_tree_lines: 0,
        tree: crate::export::TreeRead::default(),
        xml_elements: 0,
        quoted_lines: 0,
        first_quoted_line: None,
        bbcode: 0,
        wiki: 0,
        latex: 0,
        org: 0,
        speech: crate::speech::SpeechRead::default(),
        messages: crate::messages::MessagesRead::default(),
        ini_entries: 0,
        pdf_fields: 0,
        json_members: 0,
        yaml: crate::yaml::YamlRead::default(),
        mail: crate::mail::MailRead::default(),
        patch: crate::patch::PatchRead::default(),
        subtitles: crate::subtitles::SubtitlesRead::default(),
        survey: crate::survey::SurveyRead::default(),
        asciidoc: 0,
        toml_entries: 0,
        sql: crate::sqldump::SqlRead::default(),
        psql: crate::psql::PsqlRead::default(),
        print_r: 0,
        sexpr: crate::sexpr::SexprRead::default(),
        literal: crate::literal::LiteralRead::default(),
        telex: crate::telex::TelexRead::default(),
        twisties: 0,
        transcript: crate::transcript::TranscriptRead::default(),
        ldif: crate::ldif::LdifRead::default(),
        vcard: crate::vcard::VcardRead::default(),
        form_data: crate::formdata::FormDataRead::default(),
        texinfo: crate::texinfo::TexinfoRead::default(),
        troff: crate::troff::TroffRead::default(),
        pod: 0,
        rtf: crate::rtf::RtfRead::default(),
    }
}

/// [`repair_text`] of a text that was not read as HTML: markup left in it
/// (a page's source copied as text, a Markdown export) is removed first, so
/// that `**Country:** Korea` reads as `Country: Korea`.
///
/// So are line numbers a listing or a viewer printed before every line
/// (`0012  Country: Korea`): they are no part of the text.
///
/// So are the marks of a structured export: an XML export's tags, its
/// labels held in attributes read as labels, and an accessibility tree's
/// roles and quotes (see the `export` module).
/// A message quoted in an e-mail (`> Country`) is read without its quote
/// marks, before anything else: the form is inside them.
pub fn repair_plain_text(text: &mut String) -> Repairs {
    // A message, a patch or subtitles hold the form's text: read first.
    let (mail, patch) = (crate::mail::read_mail(text), crate::patch::read_patch(text));
    let subtitles = crate::subtitles::read_subtitles(text);
    let telex = crate::telex::read_telex(text);
    let twisties = crate::notes::read_twisties(text);
    let transcript = crate::transcript::read_transcript(text);
    let (quoted_lines, first_quoted_line) = unquote_email(text);
    let line_numbers = remove_line_numbers(text);
    let (texinfo, troff) = (crate::texinfo::read_texinfo(text), crate::troff::read_troff(text));
    let (pod, rtf) = (crate::pod::read_pod(text), crate::rtf::read_rtf(text));
    let toml_entries = crate::toml::read_toml(text);
    let sql = crate::sqldump::read_sql_dump(text);
    let (ldif, vcard) = (crate::ldif::read_ldif(text), crate::vcard::read_vcard(text));
    let form_data = crate::formdata::read_form_data(text);
    let psql = crate::psql::read_psql_table(text);
    let (ini_entries, pdf_fields) = (crate::dump::read_ini(text), crate::dump::read_pdf_fields(text));
    let json_members = crate::dump::read_json_document(text);
    let print_r = crate::printr::read_print_r(text);
    let sexpr = crate::sexpr::read_sexpr(text);
    let xml_elements = crate::export::read_xml_export(text);
    let tree = crate::export::read_accessibility_tree(text);
    // An accessibility tree's dump is YAML too, with roles of its own.
    let yaml = if tree.entries > 0 { crate::yaml::YamlRead::default() } else { crate::yaml::read_yaml(text) };
    // A text another reader of data read is no program's literal.
    let read = toml_entries + sql.rows + json_members + print_r + sexpr.lists + xml_elements + tree.entries;
    let literal = if read + yaml.entries > 0 { Default::default() } else { crate::literal::read_literal(text) };
    let latex = crate::latex::read_latex(text);
    let org = crate::org::read_org(text);
    let speech = crate::speech::read_speech_log(text);
    let messages = crate::messages::read_message_log(text);
    let survey = crate::survey::read_survey(text);
    let asciidoc = crate::asciidoc::read_asciidoc(text);
    let markup = remove_markup(text);
    let bbcode = remove_bbcode(text);
    let wiki = remove_wiki_markup(text);
    let columns = crate::columns::read_column_export(text);
    let csv_rows = unquote_csv_rows(text);
    let json_lines = unquote_json_lines(text);
    let drawn_tree_lines = read_tree_drawing(text);
    Repairs {
        markup,
        line_numbers,
        csv_rows,
        columns,
        json_lines,
        drawn_tree_lines,
        tree,
        xml_elements,
        quoted_lines,
        first_quoted_line,
        bbcode,
        wiki,
        latex,
        org,
        speech,
        messages,
        ini_entries,
        pdf_fields,
        json_members,
        yaml,
        mail,
        patch,
        subtitles,
        survey,
        asciidoc,
        toml_entries,
        sql,
        psql,
        print_r,
        sexpr,
        literal,
        telex,
        twisties,
        transcript,
        ldif,
        vcard,
        form_data,
        texinfo,
        troff,
        pod,
        rtf,
        ..repair_text(text)
    }
}

/// The fewest lines drawn as branches that make a text a tree.
const MIN_TREE_LINES: usize = 3;

/// Reads a text drawn as a tree (`├── Country` over `│   └── Ghana`, as a
/// tree view or the `tree` command prints nested items) with its branches
/// as blanks, so that each item stands indented as deep as it was drawn.
/// Says how many lines had branches; a text with fewer than
/// [`MIN_TREE_LINES`] branches, or a table drawn with box lines (`├──┼──┤`,
/// a branch not followed by a blank and a word), is left as it is.
fn read_tree_drawing(text: &mut String) -> usize {
    const BRANCHES: [char; 7] = ['├', '└', '┣', '┗', '╠', '╚', '╰'];
    // Box-drawing characters are U+2500 to U+257F, `E2 94 ..` and `E2 95
    // ..` in UTF-8: their lead bytes spare most texts a search by character.
    let b = text.as_bytes();
    if !memchr::memchr_iter(0xE2, b).any(|i| matches!(b.get(i + 1), Some(0x94 | 0x95))) || !text.contains(BRANCHES) {
        return 0;
    }
    static TREE: OnceLock<Regex> = OnceLock::new();
    let tree = TREE.get_or_init(|| {
        // Trunks going on beside the item (`│   `), then its branch and a
        // blank, or trunks alone on their line.
        Regex::new(r"(?m)^[ \t]*(?:[│┃║][ \t]*)*(?:[├└┣┗╠╚╰][─━═]*[ \t]+|$)").expect("tree pattern")
    });
    let drawn: Vec<Range<usize>> = tree
        .find_iter(text)
        .filter(|m| m.as_str().contains(['│', '┃', '║', '├', '└', '┣', '┗', '╠', '╚', '╰']))
        .map(|m| m.range())
        .collect();
    let branches = drawn.iter().filter(|&r| text[r.clone()].contains(BRANCHES)).count();
    if branches < MIN_TREE_LINES {
        return 0;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in &drawn {
        out.push_str(&text[last..r.start]);
        out.extend(text[r.clone()].chars().map(|c| if c == '\t' { c } else { ' ' }));
        last = r.end;
    }
    out.push_str(&text[last..]);
    *text = out;
    drawn.len()
}

/// Rewrites `text` with each range given replaced by its string; a range
/// that starts inside one already replaced goes with it.
pub(crate) fn replace_ranges(text: &mut String, mut cuts: Vec<(Range<usize>, &str)>) {
    cuts.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, with) in cuts {
        if range.start < last {
            continue;
        }
        out.push_str(&text[last..range.start]);
        out.push_str(with);
        last = range.end;
    }
    out.push_str(&text[last..]);
    *text = out;
}

/// The fewest marks of MediaWiki markup, of three kinds or more, that make
/// a text without a table wiki text: a quotation's `''` is text.
const MIN_WIKI_MARKS: usize = 5;

/// Removes MediaWiki's markup from a text written in it (a table opened by
/// `{|` and closed by `|}`, or [`MIN_WIKI_MARKS`] marks of three kinds)
/// and says how many marks: a table's braces and row rules (`|-`) leave
/// their lines empty, a cell's bar (`| value`, `! label`, a caption's `|+`)
/// and its attributes (`| style="…" |`) go, the bars between cells on one
/// line (`||`, `!!`) become a tab, so that `| Country || Ghana` reads as a
/// label and its value; `'''` and `''` emphasis go, a template that is one
/// word (`{{yes}}`) reads as the word, and a link as its text (`[[Page|text]]`
/// as `text`, `[http://… text]` without its brackets). Headings (`== Part A
/// ==`) stay: the form's parser reads them. Lines keep their numbers.
fn remove_wiki_markup(text: &mut String) -> usize {
    let b = text.as_bytes();
    if memmem::find(b, b"{|").is_none()
        && memmem::find(b, b"''").is_none()
        && memmem::find(b, b"{{").is_none()
        && memmem::find(b, b"[[").is_none()
    {
        return 0;
    }
    static INLINE: OnceLock<Regex> = OnceLock::new();
    let inline = INLINE.get_or_init(|| {
        Regex::new(concat!(
            r"\{\{[A-Z]+:[^{}\n]{1,200}\}\}|\{\{[^{}|\n]{1,40}\}\}",
            r"|<!--.*?-->|</?nowiki\s*/?>",
            r"|\[\[[^\[\]\n]+\]\]",
            r"|\[https?://[^\s\[\]]+(?: [^\[\]\n]*)?\]",
            r"|'{5}|'{2,3}",
        ))
        .expect("wiki inline pattern")
    });
    let mut cuts: Vec<(Range<usize>, &str)> = Vec::new();
    // Marks of each kind: headings, emphasis, templates, links.
    let mut kinds = [0usize; 4];
    let (mut opened, mut closed, mut depth) = (0, 0, 0usize);
    let mut start = 0;
    while start < b.len() {
        let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |n| start + n);
        let line = &text[start..end];
        let body = line.trim_start();
        let at = start + (line.len() - body.len());
        let content = body.trim_end().len();
        if body.starts_with("{|") {
            cuts.push((at..at + content, ""));
            opened += 1;
            depth += 1;
        } else if depth > 0 && body.starts_with("|}") {
            cuts.push((at..at + content, ""));
            closed += 1;
            depth -= 1;
        } else if depth > 0 && body.starts_with("|-") {
            cuts.push((at..at + content, ""));
        } else if depth > 0 && (body.starts_with('|') || body.starts_with('!')) {
            wiki_cells(body, at, &mut cuts);
            // A header cell over its data cell reads as a label over its value.
            let next = text.get(end + 1..).unwrap_or("").lines().next().unwrap_or("").trim_start();
            let single = !body.contains("!!") && !body.contains("||");
            let data = next.starts_with('|') && !["|-", "|}", "|+"].iter().any(|m| next.starts_with(m));
            if body.starts_with('!') && single && data && !body.trim_end().ends_with(':') {
                cuts.push((at + content..at + content, ":"));
            }
        } else if let Some((open, close)) = wiki_heading(body) {
            kinds[0] += 1;
            cuts.push((at..at + open, ""));
            cuts.push((at + close..at + content, ""));
        } else if depth == 0 && (body.starts_with("; ") || body.starts_with(": ")) {
            // A definition list's term (`; term`) and definition (`: text`).
            cuts.push((at..at + 2, ""));
        }
        for m in inline.find_iter(line) {
            let (from, to) = (start + m.start(), start + m.end());
            let mark = m.as_str();
            if mark.starts_with('\'') {
                kinds[1] += 1;
                cuts.push((from..to, ""));
            } else if mark.starts_with('<') {
                // A comment, and `<nowiki>` around text read as written.
                kinds[2] += 1;
                cuts.push((from..to, ""));
            } else if matches!(mark, "{{nbsp}}" | "{{space}}" | "{{spaces}}" | "{{thinsp}}") {
                kinds[2] += 1;
                cuts.push((from..to, " "));
            } else if let Some(colon) = mark
                .find(':')
                .filter(|_| mark.starts_with("{{") && mark.as_bytes().get(2).is_some_and(u8::is_ascii_uppercase))
            {
                // A magic word (`{{DISPLAYTITLE:Title}}`) reads as its value.
                kinds[2] += 1;
                cuts.push((from..from + colon + 1, ""));
                cuts.push((to - 2..to, ""));
            } else if mark.starts_with("{{") {
                kinds[2] += 1;
                cuts.push((from..from + 2, ""));
                cuts.push((to - 2..to, ""));
            } else if mark.starts_with("[[") {
                kinds[3] += 1;
                // `[[Page|text]]` reads as its text, `[[Page]]` as the page.
                let shown = mark.find('|').map_or(from + 2, |bar| from + bar + 1);
                cuts.push((from..shown, ""));
                cuts.push((to - 2..to, ""));
            } else {
                kinds[3] += 1;
                cuts.push((from..from + 1, ""));
                cuts.push((to - 1..to, ""));
            }
        }
        start = end + 1;
    }
    let table = opened > 0 && closed > 0;
    let marks: usize = kinds.iter().sum();
    let several = kinds.iter().filter(|&&n| n > 0).count() >= 3 && marks >= MIN_WIKI_MARKS;
    if !table && !several {
        return 0;
    }
    let n = cuts.len();
    replace_ranges(text, cuts);
    n
}

/// Where a MediaWiki heading's title opens and ends in its line
/// (`== Part A ==`): the same number of `=` on both sides, one to six.
fn wiki_heading(body: &str) -> Option<(usize, usize)> {
    let line = body.trim_end();
    let level = line.bytes().take_while(|&c| c == b'=').count();
    let trailing = line.bytes().rev().take_while(|&c| c == b'=').count();
    if !(1..=6).contains(&level) || trailing != level || line.len() <= 2 * level {
        return None;
    }
    let title = &line[level..line.len() - level];
    if title.trim().is_empty() {
        return None;
    }
    let open = level + title.len() - title.trim_start().len();
    Some((open, level + title.trim_end().len()))
}

/// The marks of a table row's cells on one line (`| a || b`, `! a !! b`)
/// that opens at byte `at` of the text: the bar that opens the row and the
/// blanks after it, each cell's attributes (`style="…" |`), and the bars
/// between cells with the blanks around them, which become a tab.
fn wiki_cells(body: &str, at: usize, cuts: &mut Vec<(Range<usize>, &str)>) {
    let header = body.starts_with('!');
    let mut from = if body.starts_with("|+") { 2 } else { 1 };
    let mut first = true;
    loop {
        let rest = &body[from..];
        let sep = [rest.find("||"), if header { rest.find("!!") } else { None }].into_iter().flatten().min();
        let cell_end = sep.map_or(body.len(), |i| from + i);
        let cell = &body[from..cell_end];
        let blanks = cell.len() - cell.trim_start().len();
        let mut opens = from + blanks;
        if let Some(n) = wiki_attributes(&body[opens..cell_end]) {
            let after = &body[opens + n..cell_end];
            opens += n + after.len() - after.trim_start().len();
        }
        if first {
            cuts.push((at..at + opens, ""));
        } else if opens > from {
            cuts.push((at + from..at + opens, ""));
        }
        first = false;
        if cell_end >= body.len() {
            break;
        }
        let closes = from + cell.trim_end().len();
        let after = &body[cell_end + 2..];
        let next = cell_end + 2 + after.len() - after.trim_start().len();
        cuts.push((at + closes..at + next, "\t"));
        from = next;
    }
}

/// The length of a cell's attributes and the bar after them
/// (`style="text-align:left" |`), when the cell opens with them.
fn wiki_attributes(cell: &str) -> Option<usize> {
    static ATTRIBUTES: OnceLock<Regex> = OnceLock::new();
    let attributes = ATTRIBUTES.get_or_init(|| {
        Regex::new(r#"^(?:[A-Za-z-]+\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s|"']+)\s*)+\|"#).expect("wiki attributes")
    });
    let m = attributes.find(cell)?;
    (!cell[m.end()..].starts_with('|')).then_some(m.end())
}

/// BBCode's common tags, the way forums and message boards write them
/// (`[b]`, `[/b]`, `[size=150]`, `[url=http://…]`, `[*]`), in any case.
const BBCODE_TAG: &str = r"(?i)\[(?:\*|/?(?:b|i|u|s|strike|sup|sub|size|colou?r|font|url|email|quote|code|list|center|centre|left|right|justify|indent|img|h[1-6]|spoiler|noparse|hr)(?:=[^\[\]\n]*)?)\]";

/// The fewest BBCode tags, closing ones among them, that make a text a
/// BBCode post: a lone `[b]` or `[i]` in prose is text.
const MIN_BBCODE_TAGS: usize = 4;

/// Removes the BBCode tags of [`BBCODE_TAG`] from a text that holds
/// [`MIN_BBCODE_TAGS`] or more of them, closing tags among them, and says
/// how many: the words they mark stay (a link's address between `[url]`
/// and `[/url]` too), and a list item's `[*]` is read as the bullet it
/// prints. Lines keep their numbers.
fn remove_bbcode(text: &mut String) -> usize {
    let b = text.as_bytes();
    if memmem::find(b, b"[/").is_none() {
        return 0;
    }
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| Regex::new(BBCODE_TAG).expect("BBCode tag pattern"));
    let mut cuts = Vec::new();
    let mut closing = 0;
    for m in tag.find_iter(text) {
        let with = if m.as_str() == "[*]" {
            if text[m.end()..].starts_with(char::is_whitespace) { "*" } else { "* " }
        } else {
            closing += usize::from(m.as_str().starts_with("[/"));
            ""
        };
        cuts.push((m.range(), with));
    }
    if cuts.len() < MIN_BBCODE_TAGS || closing == 0 {
        return 0;
    }
    let n = cuts.len();
    replace_ranges(text, cuts);
    n
}

/// The fewest quoted lines in a row (blank lines between them aside) that
/// make a quoted message: fewer could be a comparison or an arrow.
const MIN_QUOTED_LINES: usize = 5;

/// Removes the marks that open the lines of a message quoted in an e-mail
/// (`> `, `>`, nested `> > ` or `>> `) where [`MIN_QUOTED_LINES`] or more
/// lines in a row carry them; blank lines between them do not end the run.
/// Text before and after the quote (a covering message, a signature) is
/// left as written, and every line keeps its number. Gives the number of
/// lines read and the 1-based number of the first.
fn unquote_email(text: &mut String) -> (usize, Option<usize>) {
    let b = text.as_bytes();
    if b.first() != Some(&b'>') && memmem::find(b, b"\n>").is_none() {
        return (0, None);
    }
    // The marks of one line: `>` signs, each with the blank after it.
    let marks = |line: &[u8]| {
        let mut i = 0;
        while line.get(i) == Some(&b'>') {
            i += 1;
            if line.get(i) == Some(&b' ') {
                i += 1;
            }
        }
        i
    };
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut run: Vec<Range<usize>> = Vec::new();
    let (mut lines, mut first, mut run_first) = (0, None, 0);
    let mut take = |run: &mut Vec<Range<usize>>, run_first: usize, cuts: &mut Vec<Range<usize>>| {
        if run.len() >= MIN_QUOTED_LINES {
            lines += run.len();
            first.get_or_insert(run_first);
            cuts.append(run);
        }
        run.clear();
    };
    let (mut start, mut number) = (0, 1);
    while start <= b.len() {
        let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |n| start + n);
        let line = &b[start..end];
        let n = marks(line);
        if n > 0 {
            if run.is_empty() {
                run_first = number;
            }
            run.push(start..start + n);
        } else if !line.iter().all(u8::is_ascii_whitespace) {
            take(&mut run, run_first, &mut cuts);
        }
        start = end + 1;
        number += 1;
    }
    take(&mut run, run_first, &mut cuts);
    if cuts.is_empty() {
        return (0, None);
    }
    replace_ranges(text, cuts.into_iter().map(|cut| (cut, "")).collect());
    (lines, first)
}

/// The fewest `"key": value` lines that make a text a JSON export.
const MIN_JSON_FIELDS: usize = 5;

/// Reads the lines of a JSON export in plain text as label and value
/// (`"Country": "Ghana",` as `Country: Ghana`; an array's `"item",` as the
/// item; `{`, `],` and the like as nothing): the quotes around keys and
/// strings, the commas after them, the brackets that open and close
/// objects and arrays and the backslash of an escaped quote become blanks,
/// so that every byte keeps its place. Says how many lines were read; a
/// text with fewer than [`MIN_JSON_FIELDS`] keys is left as it is.
fn unquote_json_lines(text: &mut String) -> usize {
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"\": ").is_none() {
        return 0;
    }
    let mut blanks = Vec::new();
    let (mut keys, mut lines) = (0, 0);
    let mut start = 0;
    while start < b.len() {
        let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |n| start + n);
        let line = &b[start..end];
        let first = line.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(line.len());
        let last = line.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(first, |i| i + 1);
        let body = &line[first..last];
        let at = start + first;
        // The structure alone: `{`, `}`, `[`, `],`, `},`.
        if !body.is_empty()
            && body.len() <= 2
            && matches!(body[0], b'{' | b'}' | b'[' | b']')
            && body[1..].iter().all(|&c| c == b',')
        {
            blanks.extend(at..at + body.len());
            lines += 1;
        } else if body.first() == Some(&b'"')
            && let Some(key_end) = json_string_end(body, 0)
        {
            let mut marks = vec![at, at + key_end];
            let rest_at = key_end + 1;
            let rest = &body[rest_at..];
            let colon = rest.iter().position(|c| !c.is_ascii_whitespace());
            let mut ok = true;
            let value_from = match colon {
                // An array's item: `"item",`.
                None => None,
                Some(i) if rest[i] == b',' && rest[i + 1..].iter().all(u8::is_ascii_whitespace) => {
                    marks.push(at + rest_at + i);
                    None
                }
                Some(i) if rest[i] == b':' => {
                    keys += 1;
                    Some(rest_at + i + 1)
                }
                Some(_) => {
                    ok = false;
                    None
                }
            };
            if let Some(from) = value_from {
                let v = &body[from..];
                let v_first = v.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(v.len());
                let value = &v[v_first..];
                let value_at = from + v_first;
                let (value, comma) = match value.strip_suffix(b",") {
                    Some(v) => (v, true),
                    None => (value, false),
                };
                if comma {
                    marks.push(at + value_at + value.len());
                }
                if matches!(value, b"{" | b"[") {
                    marks.push(at + value_at);
                } else if value.first() == Some(&b'"') {
                    match json_string_end(value, 0) {
                        Some(close) if close + 1 == value.len() => {
                            marks.push(at + value_at);
                            marks.push(at + value_at + close);
                            marks.extend(escaped_quotes(&value[..close]).map(|i| at + value_at + i));
                        }
                        _ => ok = false,
                    }
                }
            } else if ok {
                marks.extend(escaped_quotes(&body[..key_end]).map(|i| at + i));
            }
            if ok {
                blanks.extend(marks);
                lines += 1;
            }
        }
        start = end + 1;
    }
    if keys < MIN_JSON_FIELDS {
        return 0;
    }
    replace_ascii(text, blanks.into_iter().map(|i| (i, b' ')));
    lines
}

/// Writes each ASCII byte given at its position of `text`, over an ASCII
/// byte (a quote, a comma, a bracket): the text stays UTF-8 and every other
/// byte keeps its place.
fn replace_ascii(text: &mut String, bytes: impl IntoIterator<Item = (usize, u8)>) {
    let mut out = std::mem::take(text).into_bytes();
    for (at, byte) in bytes {
        debug_assert!(out[at].is_ascii() && byte.is_ascii());
        out[at] = byte;
    }
    *text = String::from_utf8(out).expect("ASCII replaced by ASCII keeps UTF-8");
}

/// Where the JSON string that opens at `open` in `s` closes: its closing
/// quote, an escaped quote (`\"`) passed over.
pub(crate) fn json_string_end(s: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    while i < s.len() {
        match s[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The backslashes of the escaped quotes (`\"`) in a JSON string.
fn escaped_quotes(s: &[u8]) -> impl Iterator<Item = usize> + '_ {
    s.windows(2).enumerate().filter(|(_, w)| w == b"\\\"").map(|(i, _)| i)
}

/// The fewest rows of two or more cells that make a text a CSV export.
const MIN_CSV_ROWS: usize = 5;

/// Reads the rows of a CSV export in plain text (`"Country","Ghana"`,
/// `"País";"Corea"`, `"Years",5`, a quoted cell going on over several
/// lines) as label and value: each quote that opens or closes a cell
/// becomes a blank and the mark between two cells a tab, so that every
/// byte keeps its place. Says how many rows of two or more cells there
/// were; a text with fewer than [`MIN_CSV_ROWS`] is left as it is, and so
/// is a line that is no row (a quotation, `"Yes," she said`).
fn unquote_csv_rows(text: &mut String) -> usize {
    let b = text.as_bytes();
    if memchr::memchr(b'"', b).is_none() {
        return 0;
    }
    let commas = memchr::memmem::find_iter(b, "\",\"").count();
    let semicolons = memchr::memmem::find_iter(b, "\";\"").count();
    let sep = if semicolons > commas { b';' } else { b',' };
    let mut quotes = Vec::new();
    let mut seps = Vec::new();
    let mut rows = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"'
            && let Some((end, row_quotes, row_seps)) = csv_row(b, i, sep)
        {
            rows += usize::from(!row_seps.is_empty());
            quotes.extend(row_quotes);
            seps.extend(row_seps);
            i = end;
        }
        // On to the next line.
        i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n + 1);
    }
    if rows < MIN_CSV_ROWS {
        return 0;
    }
    replace_ascii(text, quotes.into_iter().map(|q| (q, b' ')).chain(seps.into_iter().map(|s| (s, b'\t'))));
    rows
}

/// A row of cells from `start`, a line's first byte: where it ends (its
/// line break or the text's end), the quotes that open and close its
/// cells and the marks between them. `None` when the line is no row.
fn csv_row(b: &[u8], start: usize, sep: u8) -> Option<(usize, Vec<usize>, Vec<usize>)> {
    let (mut quotes, mut seps) = (Vec::new(), Vec::new());
    let mut j = start;
    loop {
        if b.get(j) == Some(&b'"') {
            quotes.push(j);
            j += 1;
            // The closing quote; a doubled one is a quote inside the cell.
            loop {
                let k = j + memchr::memchr(b'"', &b[j..])?;
                if b.get(k + 1) == Some(&b'"') {
                    j = k + 2;
                    continue;
                }
                quotes.push(k);
                j = k + 1;
                break;
            }
        } else {
            while j < b.len() && !matches!(b[j], b'\n' | b'\r') && b[j] != sep {
                if b[j] == b'"' {
                    return None;
                }
                j += 1;
            }
        }
        match b.get(j) {
            Some(&c) if c == sep => {
                seps.push(j);
                j += 1;
            }
            None | Some(b'\n' | b'\r') => return Some((j, quotes, seps)),
            Some(_) => return None,
        }
    }
}

/// The fewest lines a text numbers line by line for its numbers to be
/// taken for a listing's: fewer could be a short numbered list.
const MIN_NUMBERED_LINES: usize = 8;

/// Removes the line numbers printed before every line of `text` and says
/// how many lines had one. Every line opens with its own number, counted on
/// by one from the first, and then a blank, a tab, a bar or a colon, or
/// ends there (an empty line's bare number): a list numbered in the text
/// skips its blank lines and the lines between its items. The blanks after
/// the numbers that every line shares go with them, so the lines keep their
/// indents relative to each other.
fn remove_line_numbers(text: &mut String) -> usize {
    let b = text.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return 0;
    }
    let mut cuts = Vec::new();
    let mut expected = None;
    let mut shared_blanks = usize::MAX;
    // A final line break ends the last line; it opens none.
    let body = text.strip_suffix('\n').unwrap_or(text);
    for line in body.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 {
            return 0;
        }
        let Ok(number) = line[..digits].parse::<u64>() else { return 0 };
        if expected.is_some_and(|e| e != number) {
            return 0;
        }
        expected = Some(number + 1);
        let rest = &line[digits..];
        let mark = usize::from(rest.starts_with(['|', ':', '\t']));
        let blanks = rest[mark..].bytes().take_while(|&c| c == b' ').count();
        let body = &rest[mark + blanks..];
        if !body.is_empty() {
            if mark == 0 && blanks == 0 {
                return 0;
            }
            shared_blanks = shared_blanks.min(blanks);
        }
        cuts.push(digits + mark);
    }
    if cuts.len() < MIN_NUMBERED_LINES {
        return 0;
    }
    let shared_blanks = if shared_blanks == usize::MAX { 0 } else { shared_blanks };
    let mut out = String::with_capacity(text.len());
    for (line, cut) in body.split('\n').zip(&cuts) {
        let rest = &line[*cut..];
        let blanks = rest.bytes().take(shared_blanks).take_while(|&c| c == b' ').count();
        out.push_str(&rest[blanks..]);
        out.push('\n');
    }
    if !text.ends_with('\n') {
        out.pop();
    }
    *text = out;
    cuts.len()
}

/// Elements whose tags a page's source copied as text leaves around its
/// words. A `<` before any other word (`a < b`, `<3`) is text.
const MARKUP_TAG: &str = r"(?i)</?(?:a|abbr|b|big|blockquote|br|center|cite|code|dd|div|dl|dt|em|font|h[1-6]|hr|i|img|li|ol|p|pre|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul|section|article|header|footer|nav|main|label)(?:\s[^<>\n]*)?/?>";

/// Removes markup left in plain text and says how much: HTML tags of the
/// elements of [`MARKUP_TAG`], Markdown's strong emphasis when a line holds
/// its marks in pairs (`**Label:** value`), and a Markdown heading's hashes
/// before a blank at a line's start (`## Part A`). Lines stay where they
/// were: a tag between two words leaves a blank, never a line break, so
/// that every line keeps its number.
fn remove_markup(text: &mut String) -> usize {
    // Where the markup is, found by the bytes that open it (most texts
    // hold none, and are left untouched): the ranges to remove, each with
    // whether a blank takes its place.
    let mut cuts: Vec<(Range<usize>, bool)> = Vec::new();
    let b = text.as_bytes();
    if memchr::memchr(b'<', b).is_some() {
        static TAG: OnceLock<Regex> = OnceLock::new();
        let tag = TAG.get_or_init(|| Regex::new(MARKUP_TAG).expect("markup tag pattern"));
        for m in tag.find_iter(text) {
            // A tag between two words stands for the break it makes.
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let joins = before.is_some_and(|c| !c.is_whitespace() && c != '>')
                && after.is_some_and(|c| !c.is_whitespace() && c != '<');
            cuts.push((m.range(), joins));
        }
    }
    // `## Part A`: a heading's hashes at a line's start and the blanks after
    // them; `# 3` is a number sign before a number, not a heading's mark.
    for at in memchr::memchr_iter(b'#', b) {
        let line_start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |n| n + 1);
        if (at > line_start && b[at - 1] == b'#') || !b[line_start..at].iter().all(|c| matches!(c, b' ' | b'\t')) {
            continue;
        }
        let hashes = b[at..].iter().take_while(|&&c| c == b'#').count();
        let blanks = b[at + hashes..].iter().take_while(|&&c| matches!(c, b' ' | b'\t')).count();
        let title = at + hashes + blanks;
        let number_sign = hashes == 1 && b.get(title).is_some_and(u8::is_ascii_digit);
        if (1..=6).contains(&hashes) && blanks > 0 && !number_sign && b.get(title).is_some_and(|&c| c != b'\n') {
            cuts.push((at..title, false));
            // `## Part A ##`: the closing hashes after a blank go too.
            let line_end = memchr::memchr(b'\n', &b[title..]).map_or(b.len(), |n| title + n);
            let line = &b[title..line_end];
            let end = line.len() - line.iter().rev().take_while(|c| matches!(c, b' ' | b'\t' | b'\r')).count();
            let closing = line[..end].iter().rev().take_while(|&&c| c == b'#').count();
            let space = line[..end - closing].iter().rev().take_while(|c| matches!(c, b' ' | b'\t')).count();
            if closing > 0 && space > 0 && end > closing + space {
                cuts.push((title + end - closing - space..title + end, false));
            }
        }
    }
    // Strong emphasis, its marks in pairs on their line.
    for mark in ["**", "__"] {
        let mut marks = memchr::memmem::find_iter(b, mark).peekable();
        while let Some(first) = marks.next() {
            let line_end = memchr::memchr(b'\n', &b[first..]).map_or(b.len(), |n| first + n);
            let mut on_line = vec![first];
            while let Some(&next) = marks.peek().filter(|&&n| n < line_end) {
                on_line.push(next);
                marks.next();
            }
            if on_line.len() % 2 == 0 {
                cuts.extend(on_line.into_iter().map(|at| (at..at + mark.len(), false)));
            }
        }
    }
    if cuts.is_empty() {
        return 0;
    }
    cuts.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let (mut last, mut removed) = (0, 0);
    for (range, joins) in cuts {
        // A mark inside a tag already cut goes with it.
        if range.start < last {
            continue;
        }
        out.push_str(&text[last..range.start]);
        if joins {
            out.push(' ');
        }
        last = range.end;
        removed += 1;
    }
    out.push_str(&text[last..]);
    *text = out;
    removed
}

/// Writes the HTML character references in `text` as the characters they
/// stand for and says how many there were. A reference is an ampersand, a
/// name of HTML's table or a number, and a semicolon: `AT&T` and `&c.` are
/// left as they are.
fn decode_entities(text: &mut String) -> usize {
    let Some(first) = memchr::memchr(b'&', text.as_bytes()) else { return 0 };
    let rest = &text[first..];
    let bytes = rest.as_bytes();
    // The references HTML's table knows (`&foo;` is kept as written).
    let known = memchr::memchr_iter(b'&', bytes)
        .filter(|&i| {
            let body = bytes[i + 1..]
                .iter()
                .take(MAX_REFERENCE_BYTES + 1)
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
                .count();
            body > 0
                && body <= MAX_REFERENCE_BYTES
                && bytes.get(i + 1 + body) == Some(&b';')
                && matches!(html_escape::decode_html_entities(&rest[i..i + body + 2]), Cow::Owned(_))
        })
        .count();
    if known > 0 {
        let decoded = html_escape::decode_html_entities(rest).into_owned();
        text.truncate(first);
        text.push_str(&decoded);
    }
    known
}

/// Longest name or number of a character reference (`&CounterClockwiseContourIntegral;`).
const MAX_REFERENCE_BYTES: usize = 32;

/// Whether `c` is an Arabic presentation form: a letter shaped for its place
/// in a word (initial, medial, final, isolated) or a ligature (`ﻻ`), as text
/// copied out of a PDF holds them.
fn arabic_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Writes Arabic presentation forms back as the plain letters they shape
/// (their compatibility decomposition, NFKC), and says how many there were:
/// the catalog's words, month and country names are written in plain
/// letters.
fn unshape_arabic(text: &mut String) -> usize {
    use unicode_normalization::UnicodeNormalization;
    // Every form is written with the lead byte 0xEF: text without it is left
    // unread.
    let Some(first) = memchr::memchr(0xEF, text.as_bytes()) else { return 0 };
    let Some(at) = text[first..].char_indices().find(|&(_, c)| arabic_presentation_form(c)).map(|(i, _)| first + i)
    else {
        return 0;
    };
    rewrite_from(text, at, |c, out| {
        let form = arabic_presentation_form(c);
        if form {
            out.extend(std::iter::once(c).nfkc());
        }
        form
    })
}

/// Rewrites `text` from byte `from` on, a character at a time: `rewrite`
/// writes what stands for the character and says whether it changed it,
/// or writes nothing and says no, and the character is kept. Gives the
/// number of characters changed.
fn rewrite_from(text: &mut String, from: usize, mut rewrite: impl FnMut(char, &mut String) -> bool) -> usize {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..from]);
    let mut n = 0;
    for c in text[from..].chars() {
        if rewrite(c, &mut out) {
            n += 1;
        } else {
            out.push(c);
        }
    }
    *text = out;
    n
}

/// Removes the [`INVISIBLE`] characters from `text` and says how many there
/// were.
fn remove_invisible(text: &mut String) -> usize {
    // One vectorized search a character: most texts hold none, and a
    // search for the three lead bytes at once would stop at every `’`.
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        INVISIBLE
            .iter()
            .map(|c| memchr::memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned())
            .collect()
    });
    let Some(first) = finders.iter().filter_map(|f| f.find(text.as_bytes())).min() else { return 0 };
    // Removed: nothing is written for them.
    rewrite_from(text, first, |c, _| INVISIBLE.contains(&c))
}

/// Composes `text` into Unicode NFC where it holds combining marks that
/// compose (`e` and U+0301 as `é`, as macOS file names and some exports
/// write letters), and says whether it did: the catalog's words, month and
/// country names are composed, and a decomposed letter would cut them.
fn compose(text: &mut String) -> bool {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // The combining diacritical marks (U+0300 to U+036F) are written with
    // lead bytes 0xCC and 0xCD: text without them is left unread.
    if memchr::memchr2(0xCC, 0xCD, text.as_bytes()).is_none() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return false;
    }
    let composed: String = text.nfc().collect();
    if composed == *text {
        return false;
    }
    *text = composed;
    true
}

/// Repairs the lines of `text` that were UTF-8 read as Windows-1252 and
/// saved again (`RÃ©publique` for `République`, `Ð ÐµÑ` for Cyrillic), as a
/// copy through an editor or a database with the wrong charset leaves one
/// paragraph of a page: such a line, written back in Windows-1252, is valid
/// UTF-8 and says the letters it stood for. Gives the 1-based numbers of the
/// lines repaired.
fn repair_mojibake(text: &mut String) -> Vec<usize> {
    // UTF-8's lead bytes C2, C3, D0 and D1 read as Windows-1252 are `Â`, `Ã`,
    // `Ð` and `Ñ`, which UTF-8 writes C3 82, C3 83, C3 90 and C3 91.
    let marked = |b: &[u8]| {
        memchr::memchr_iter(0xC3, b).any(|i| b.get(i + 1).is_some_and(|n| matches!(n, 0x82 | 0x83 | 0x90 | 0x91)))
    };
    if !marked(text.as_bytes()) {
        return Vec::new();
    }
    let mut repaired = Vec::new();
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let fixed = marked(line.as_bytes())
            .then(|| {
                let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(line);
                if unmappable {
                    return None;
                }
                std::str::from_utf8(&bytes).ok().filter(|s| *s != line).map(str::to_string)
            })
            .flatten();
        match fixed {
            Some(f) => {
                out.push_str(&f);
                repaired.push(n + 1);
            }
            None => out.push_str(line),
        }
    }
    if !repaired.is_empty() {
        *text = out;
    }
    repaired
}

/// Bytes of distinct non-ASCII words chardetng is shown. chardetng costs
/// about 1,700 instructions a byte, and a legacy page's labels alone come
/// to a few kilobytes; a kilobyte of them (some 500 ideographs, or 500
/// Cyrillic or Arabic letters) tells as much as the whole page: over 5,197
/// pieces of the fixtures in 16 legacy encodings, the guess from a kilobyte
/// differed from the guess from everything in 9 (Chinese written in
/// EUC-JP, where either guess is a toss-up) and was right as often.
const DETECTION_SAMPLE_BYTES: usize = 1024;

/// Share of control bytes (other than whitespace) above which a document
/// is taken for binary data rather than text.
const BINARY_CONTROL_SHARE: f64 = 0.10;

/// Decodes `bytes`: a byte-order mark first, then a charset declared in
/// HTML, then UTF-8 validation, then detection with chardetng.
///
/// Empty input and binary data are errors; malformed sequences are not (they
/// are replaced and counted in [`Decoded::malformed`]).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_declared(bytes, None)
}

/// Decodes `bytes` as [`decode`] does, with `charset` declared outside them
/// (an HTTP `Content-Type` header) taking the place of a charset the page
/// declares. A byte-order mark still wins; an unknown label is ignored.
pub fn decode_declared(bytes: &[u8], charset: Option<&str>) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(finish(encoding, &bytes[bom_len..], EncodingBasis::Bom));
    }
    if let Some(encoding) = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        && !is_binary(bytes)
    {
        return Ok(finish(encoding, bytes, EncodingBasis::Declared));
    }
    if looks_like_utf16(bytes) {
        let encoding =
            if bytes.iter().step_by(2).filter(|&&b| b == 0).count() > bytes.len() / 4 { UTF_16BE } else { UTF_16LE };
        return Ok(finish(encoding, bytes, EncodingBasis::Detected));
    }
    if is_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if quoted_printable(bytes) {
        let decoded = decode_declared(&unquote(bytes), charset)?;
        return Ok(Decoded { quoted_printable: true, ..decoded });
    }
    if let Some(encoding) = declared_charset(bytes) {
        return Ok(finish(encoding, bytes, EncodingBasis::Declared));
    }
    // simdutf8 checks 32 or 64 bytes at a time where the processor can; the
    // standard library's check takes a word at a time.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        // Valid already: one copy, no second validation.
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            basis: EncodingBasis::Detected,
            malformed: 0,
            quoted_printable: false,
        });
    }
    if mostly_utf8(bytes) {
        return Ok(finish(UTF_8, bytes, EncodingBasis::Detected));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&detection_sample(bytes), true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let decoded = finish(encoding, bytes, EncodingBasis::Detected);
    // chardetng always names an encoding; when even its best guess leaves
    // malformed bytes, nothing really told, and the record says so.
    if decoded.malformed > 0 {
        return Ok(Decoded { basis: EncodingBasis::Assumed, ..decoded });
    }
    Ok(decoded)
}

/// What chardetng is shown: the words (runs between spaces) that hold a
/// non-ASCII byte, which is where encodings differ, each once, a line of
/// them per line, up to [`DETECTION_SAMPLE_BYTES`]. A legacy page is mostly
/// ASCII (English answers under translated labels) and may have its few
/// telling characters far down; the ASCII words would only cost time, and so
/// would the same labels again in a block the scraper repeated. No legacy
/// encoding uses the space or newline byte inside a character, so no
/// character is split.
fn detection_sample(bytes: &[u8]) -> Vec<u8> {
    let mut sample = Vec::new();
    let mut seen: FxHashSet<&[u8]> = FxHashSet::default();
    // Lines found with memchr and checked a word at a time: most are ASCII.
    let mut start = 0;
    let lines = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())).map(|end| {
        let line = &bytes[start..end];
        start = end + 1;
        line
    });
    for line in lines.filter(|l| !l.is_ascii()) {
        let before = sample.len();
        for word in line.split(|b| *b == b' ').filter(|w| !w.is_ascii()) {
            if !seen.insert(word) {
                continue;
            }
            if sample.len() + word.len() + 1 > DETECTION_SAMPLE_BYTES {
                return sample;
            }
            sample.extend_from_slice(word);
            sample.push(b' ');
        }
        if sample.len() > before {
            sample.push(b'\n');
        }
    }
    sample
}

fn finish(encoding: &'static Encoding, bytes: &[u8], basis: EncodingBasis) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let malformed = if had_errors {
        text.chars().filter(|&c| c == '\u{FFFD}').count() - count_replacement_chars_in_source(encoding, bytes)
    } else {
        0
    };
    Decoded { text: text.into_owned(), encoding: encoding.name(), basis, malformed, quoted_printable: false }
}

/// U+FFFD characters written in the source itself, which are text, not
/// decoding errors. Only UTF-8 can carry them in a way cheap to count.
fn count_replacement_chars_in_source(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    if encoding == UTF_8 { bytes.windows(3).filter(|w| w == b"\xEF\xBF\xBD").count() } else { 0 }
}

/// Fewest soft line breaks (a line ending in `=`) that make ASCII bytes
/// quoted-printable: one may end a line of ordinary text.
const QP_SOFT_BREAKS: usize = 2;

/// Whether `bytes` are quoted-printable: ASCII, every `=` opening an escape
/// of two capital hexadecimal digits or a soft line break, and at least
/// [`QP_SOFT_BREAKS`] soft line breaks. Ordinary text (`a = b`, a URL's
/// `?id=7`, an HTML attribute) has an `=` that is neither.
fn quoted_printable(bytes: &[u8]) -> bool {
    // No soft line break, no quoted-printable: one search settles most texts.
    let crlf = || memchr::memchr(b'\r', bytes).is_some() && memchr::memmem::find(bytes, b"=\r\n").is_some();
    if memchr::memmem::find(bytes, b"=\n").is_none() && !crlf() {
        return false;
    }
    let hex = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b));
    let mut soft = 0;
    for at in memchr::memchr_iter(b'=', bytes) {
        match bytes.get(at + 1) {
            None | Some(b'\n') => soft += 1,
            Some(b'\r') if bytes.get(at + 2) == Some(&b'\n') => soft += 1,
            next if hex(next) && hex(bytes.get(at + 2)) => {}
            _ => return false,
        }
    }
    soft >= QP_SOFT_BREAKS && bytes.is_ascii()
}

/// Quoted-printable bytes that [`quoted_printable`] accepted, unescaped: an
/// escape is its byte, a soft line break nothing; the text's own line
/// breaks stay as they were written.
fn unquote(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map_or(0, |d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'=', None) => i += 1,
            (b'=', Some(b'\n')) => i += 2,
            (b'=', Some(b'\r')) => i += 3,
            (b'=', Some(&h)) => {
                out.push(hex(h) << 4 | bytes.get(i + 2).copied().map_or(0, hex));
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// UTF-16 without a byte-order mark shows as text with a zero byte in every
/// other place.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    // Text in any other encoding has no zero byte: one fast scan tells.
    if memchr::memchr(0, sample).is_none() {
        return false;
    }
    let even_zeros = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zeros = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    (even_zeros * 10 > half * 7 && odd_zeros * 10 < half) || (odd_zeros * 10 > half * 7 && even_zeros * 10 < half)
}

/// UTF-8 with a few damaged sequences: decoding it as anything else would
/// garble every good character to save a handful of bad ones. "A few" is at
/// most one damaged sequence for ten good non-ASCII characters, and eight
/// good ones at least.
fn mostly_utf8(bytes: &[u8]) -> bool {
    // Every good non-ASCII character has one lead byte (0xC2 to 0xF4): their
    // count bounds the good ones, so that a page in a legacy encoding, where
    // nearly every non-ASCII byte is an error, is given up after its first
    // few errors instead of being walked to the end.
    let bound = lead_bytes(bytes);
    if bound < 8 {
        return false;
    }
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match simdutf8::compat::from_utf8(rest) {
            Ok(valid) => {
                good += lead_bytes(valid.as_bytes());
                break;
            }
            Err(e) => {
                good += lead_bytes(&rest[..e.valid_up_to()]);
                bad += 1;
                if bad * 10 > bound {
                    return false;
                }
                match e.error_len() {
                    Some(len) => rest = &rest[e.valid_up_to() + len..],
                    // Cut off inside a character at the end.
                    None => break,
                }
            }
        }
    }
    good >= 8 && bad * 10 <= good
}

/// Bytes of 0xC0 and above: in valid UTF-8, one for each non-ASCII
/// character.
fn lead_bytes(bytes: &[u8]) -> usize {
    count_bytes(bytes, |b| b >= 0xC0)
}

/// The bytes `pick` picks, counted branch-free in byte-wide sums (255 at
/// most a chunk), so that it vectorizes sixteen or more bytes to an
/// instruction.
#[inline(always)]
fn count_bytes(bytes: &[u8], pick: impl Fn(u8) -> bool) -> usize {
    bytes.chunks(255).map(|c| c.iter().map(|&b| u8::from(pick(b))).sum::<u8>() as usize).sum()
}

fn is_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if memchr::memchr(0, sample).is_some() {
        return true;
    }
    // All bytes below 0x20 first, one comparison a byte: text has few (its
    // line breaks and tabs), and when they are under the share, so are the
    // controls among them.
    let limit = sample.len() as f64 * BINARY_CONTROL_SHARE;
    if count_bytes(sample, |b| b < 0x20) as f64 <= limit {
        return false;
    }
    let controls = count_bytes(sample, |b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B));
    controls as f64 > limit
}

/// The charset an HTML document declares in its first kilobytes
/// (`<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    // Most documents are not HTML: no tag, nothing to lower-case.
    memchr::memchr(b'<', head)?;
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = memmem::find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = memmem::find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cs) = memmem::find(tag, b"charset") {
            let rest = &tag[cs + b"charset".len()..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    // A page saved to disk is no longer UTF-16 whatever it
                    // declares (the HTML standard says the same).
                    return Some(if enc == UTF_16LE || enc == UTF_16BE { UTF_8 } else { enc });
                }
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_bytes_are_unescaped_before_the_charset_is_read() {
        let qp = b"Designation of the initiative: Sustainable Development Basic and Im=\nplementation Plans\n\
                   Section A =E2=80=93 The initiative\nThe initiative is public-sector: Y (Yes=\n)\n";
        let d = decode(qp).unwrap();
        assert!(d.quoted_printable);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.text,
            "Designation of the initiative: Sustainable Development Basic and Implementation Plans\n\
             Section A \u{2013} The initiative\nThe initiative is public-sector: Y (Yes)\n"
        );
        // An `=` that opens no escape (`a = b`, a query string, an attribute),
        // or a single soft break, makes the text ordinary.
        for text in [
            "x = 1 and y =\nz =\n".as_bytes(),
            b"See page?id=7&x =\nand =\n",
            b"One soft break =\nand an escape =E2=80=93\n",
        ] {
            assert!(!decode(text).unwrap().quoted_printable, "{:?}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn a_heading_closed_by_hashes_reads_without_them() {
        let mut text = "## Sección 2 ##\r\n### Pregunta 7 ###   \n#5 a #\nC# #\n".to_string();
        assert_eq!(remove_markup(&mut text), 4);
        assert_eq!(text, "Sección 2\r\nPregunta 7   \n#5 a #\nC# #\n");
    }

    #[test]
    fn markup_left_in_plain_text_is_removed_and_lines_keep_their_numbers() {
        let mut text = "**Pays d’accueil :** Ghana\n## Section B » Thème\n<b>2) Thème</b>\n\
                        Ville = Tamale<br>\nUn<br/>Deux\n<span dir=\"rtl\">المدينة</span>\n<hr/>\n__Note__ et __suite__\n"
            .to_string();
        assert_eq!(remove_markup(&mut text), 14);
        assert_eq!(
            text,
            "Pays d’accueil : Ghana\nSection B » Thème\n2) Thème\nVille = Tamale\nUn Deux\nالمدينة\n\nNote et suite\n"
        );
        // Text that only looks like markup stays as written: a comparison,
        // a number sign, marks that do not pair, a tag of no known element.
        for kept in [
            "a < b and c > d\n",
            "# 3\nQuestion text\n",
            "Note** one\n",
            "Press <Enter> to go on\n",
            "#hashtag and ## no blank\n",
        ] {
            let mut text = kept.to_string();
            assert_eq!(remove_markup(&mut text), 0, "{kept:?}");
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn a_tree_s_branches_are_read_as_blanks() {
        let mut text = String::from(
            "Entity\n├── Country\n│   └── Kenya\n├── Goals\n│   ├── 6 Clean water\n│   └── 11 Cities\n└── Site\n    └── https://nairobi.go.ke\n",
        );
        assert_eq!(read_tree_drawing(&mut text), 7);
        assert_eq!(
            text,
            "Entity\n    Country\n        Kenya\n    Goals\n        6 Clean water\n        11 Cities\n    Site\n        https://nairobi.go.ke\n"
        );
        // A table drawn with box lines, and a branch or two, are no tree.
        for kept in ["┌──┬──┐\n├──┼──┤\n├──┼──┤\n├──┼──┤\n└──┴──┘\n", "├── a\n└── b\n"]
        {
            let mut text = kept.to_string();
            assert_eq!(read_tree_drawing(&mut text), 0, "{kept:?}");
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn a_message_quoted_in_an_e_mail_is_read_without_its_quote_marks() {
        let mut text =
            "Bonjour,\nvoir ci-dessous.\n\nLe 3 mars, le portail a écrit :\n> FICHE\n>\n> PAYS HÔTE\n>     Ghana\n\
                        > > VILLE\n>>     Tamale\n> SECTEUR\n>     public\n-- \nA > B\n"
                .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(
            text,
            "Bonjour,\nvoir ci-dessous.\n\nLe 3 mars, le portail a écrit :\nFICHE\n\nPAYS HÔTE\n    Ghana\nVILLE\n\
             \x20   Tamale\nSECTEUR\n    public\n-- \nA > B\n"
        );
        assert_eq!((repairs.quoted_lines, repairs.first_quoted_line), (8, Some(5)));
        assert_eq!(repairs.warnings()[0].0, "quote_marks_removed");
        // A few lines opening with `>` are no quoted message.
        let kept = "Scores\n> 10: good\n> 20: better\n\n> 30: best\nEnd\n";
        let mut text = kept.to_string();
        assert_eq!(repair_plain_text(&mut text).quoted_lines, 0);
        assert_eq!(text, kept);
    }

    #[test]
    fn bbcode_tags_are_removed_and_their_words_kept() {
        let mut text = "[SIZE=140][B]Datos[/B][/SIZE]\n[b]País anfitrión[/b]\nGhana\n[b]Sitio[/b]\n\
                        [url]https://tamale.gov.gh[/url] y [url=https://x.gh]otro[/url]\n[list]\n[*]Meta 6.1\n\
                        [*] Meta 6.2\n[/list]\n[color=red][i]Nota[/i][/color] [x] [b ] [/z]\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(
            text,
            "Datos\nPaís anfitrión\nGhana\nSitio\nhttps://tamale.gov.gh y otro\n\n* Meta 6.1\n* Meta 6.2\n\n\
             Nota [x] [b ] [/z]\n"
        );
        assert_eq!(repairs.bbcode, 20);
        assert!(repairs.warnings().iter().any(|w| w.0 == "bbcode_removed"));
        // A bracketed letter or two in prose is text.
        for kept in ["Press [b] then [i] to start.\n", "Options [a], [b], [i] and [u]; see [1] [/x].\n"] {
            let mut text = kept.to_string();
            assert_eq!(repair_plain_text(&mut text).bbcode, 0, "{kept:?}");
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn mediawiki_tables_and_marks_are_read_as_labels_and_values() {
        let mut text = "== Part A ==\n{| class=\"wikitable\" style=\"width:80%\"\n|+ Host body\n|-\n! Home country\n\
                        | Ghana\n|-\n| Staff || 40\n|-\n! scope=\"row\" | Public body? || {{Yes}}\n|-\n| Goals\n|\n\
                        * Goal 6\n|}\n'''Item 2''' ''(at most 50 words)''\nSee [[Help:Forms|the guide]] or \
                        [https://tamale.gov.gh the site].\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(
            text,
            "Part A\n\nHost body\n\nHome country:\nGhana\n\nStaff\t40\n\nPublic body?\tYes\n\nGoals\n\n\
             * Goal 6\n\nItem 2 (at most 50 words)\nSee the guide or https://tamale.gov.gh the site.\n"
        );
        assert_eq!(repairs.wiki, 28);
        assert!(repairs.warnings().iter().any(|w| w.0 == "wiki_markup_removed"));
        // Without a table, a quotation's marks or a lone template are text.
        for kept in ["He said ''no'' twice.\n== Notes ==\n", "Use {{name}} here; a | b\n! Note\n"] {
            let mut text = kept.to_string();
            assert_eq!(repair_plain_text(&mut text).wiki, 0, "{kept:?}");
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn mediawiki_rows_of_cells_on_two_lines_and_definitions_read_as_a_form() {
        let mut text = "{{DISPLAYTITLE:Fiche de candidature}}\n= Fiche =\n=== Organisme ===\n{| class=\"wikitable\"\n\
                        |-\n! scope=\"row\" | Pays membre<!-- champ 1 -->\n| Ghana\n|-\n! Site web\n| https://tamale.gov.gh\n\
                        |}\n==== Question 1 ====\n; a: Décrivez l'initiative <small>(max.{{nbsp}}300{{nbsp}}mots)</small>\n\
                        : <nowiki>Les puits d'eau.</nowiki>\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(
            text,
            "Fiche de candidature\nFiche\nOrganisme\n\n\nPays membre:\nGhana\n\nSite web:\nhttps://tamale.gov.gh\n\n\
             Question 1\na: Décrivez l'initiative (max. 300 mots)\nLes puits d'eau.\n"
        );
        assert!(repairs.wiki > 0);
        let doc = crate::parse(text);
        let below = |key: &str| crate::testgen::field_value_below(&doc, key);
        assert_eq!(below("field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(below("field.website").as_deref(), Some("https://tamale.gov.gh"));
    }

    #[test]
    fn line_numbers_before_every_line_are_removed_and_indents_kept() {
        let mut text = "007  Entry\n008\n009  Home town:\n010    - Tamale\n011  Sector:\n012    - public\n013\n\
                        014  Q1\n015  Why?\n"
            .to_string();
        assert_eq!(remove_line_numbers(&mut text), 9);
        assert_eq!(text, "Entry\n\nHome town:\n  - Tamale\nSector:\n  - public\n\nQ1\nWhy?\n");
        // A numbered list is no listing: its numbers skip, or stop.
        for kept in [
            "1 one\n2 two\n3 three\n4 four\n5 five\n6 six\n7 seven\n9 nine\n",
            "1 one\n2 two\n3 three\n4 four\n5 five\n6 six\n7 seven\n8 eight\nThe end\n",
            "1 one\n2 two\n3 three\n",
            "2019 was a good year\n",
        ] {
            let mut text = kept.to_string();
            assert_eq!(remove_line_numbers(&mut text), 0, "{kept:?}");
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn rows_of_a_csv_export_read_as_label_and_value() {
        let mut text = "Entry\n\n\"Item\",\"Answer\"\n\"Home country\",\"Ghana\"\n\"Staff\",40\n\
                        \"Public body?\",\"Yes\"\n\"Goals\",\"Goal 6: Clean Water\nGoal 11: Cities\"\n\
                        \"Motto\",\"Say \"\"hello\"\"\"\n\"Heading only\",\n\"Yes,\" she said.\n"
            .to_string();
        let before = text.len();
        assert_eq!(unquote_csv_rows(&mut text), 7);
        assert_eq!(text.len(), before);
        assert_eq!(
            text,
            "Entry\n\n Item \t Answer \n Home country \t Ghana \n Staff \t40\n Public body? \t Yes \n\
             \x20Goals \t Goal 6: Clean Water\nGoal 11: Cities \n Motto \t Say \"\"hello\"\" \n Heading only \t\n\
             \"Yes,\" she said.\n"
        );
        // Semicolons part the cells where they do.
        let mut text = "\"a\";\"1\"\n\"b\";\"2\"\n\"c\";\"3\"\n\"d\";\"4\"\n\"e\";\"5\"\n".to_string();
        assert_eq!(unquote_csv_rows(&mut text), 5);
        assert_eq!(text, " a \t 1 \n b \t 2 \n c \t 3 \n d \t 4 \n e \t 5 \n");
        // Too few rows, or quotations: left as written.
        for kept in ["\"a\",\"1\"\n\"b\",\"2\"\n", "\"Yes,\" she said, \"no.\"\n\"Go\", he said.\n"] {
            let mut text = kept.to_string();
            assert_eq!(unquote_csv_rows(&mut text), 0, "{kept:?}");
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn lines_of_a_json_export_read_as_label_and_value() {
        let mut text = "Entry\n{\n  \"Home country\": \"Ghana\",\n  \"Staff\": 40,\n  \"Motto\": \"Say \\\"hi\\\"\",\n\
                        \x20 \"Part one\": {\n    \"Public body?\": \"Yes\",\n    \"Goals\": [\n      \"Goal 6\",\n\
                        \x20     \"Goal 11\"\n    ]\n  }\n}\nAn answer with \"quotes\": kept.\n"
            .to_string();
        let before = text.len();
        assert_eq!(unquote_json_lines(&mut text), 12);
        assert_eq!(text.len(), before);
        assert_eq!(
            text,
            "Entry\n \n   Home country :  Ghana  \n   Staff : 40 \n   Motto :  Say  \"hi \"  \n\
             \x20  Part one :  \n     Public body? :  Yes  \n     Goals :  \n       Goal 6  \n\
             \x20      Goal 11 \n     \n   \n \nAn answer with \"quotes\": kept.\n"
        );
        // Too few keys: left as written.
        let kept = "{\n  \"a\": \"1\",\n  \"b\": \"2\"\n}\n";
        let mut text = kept.to_string();
        assert_eq!(unquote_json_lines(&mut text), 0);
        assert_eq!(text, kept);
    }

    #[test]
    fn html_character_references_left_in_text_are_written_as_characters() {
        let mut text =
            "Pays membre | Cor&eacute;e du Sud\nNom de l&#39;organisme&nbsp;: Dangjin &amp; Co\n".to_string();
        assert_eq!(decode_entities(&mut text), 4);
        assert_eq!(text, "Pays membre | Corée du Sud\nNom de l'organisme\u{a0}: Dangjin & Co\n");
        // An ampersand that opens no reference the table knows stays, and so
        // does a legacy name without its semicolon (a web address's query).
        for plain in ["AT&T and R&D", "&foo; bar", "see x.kr/?a=1&copy=2 &c."] {
            let mut text = plain.to_string();
            assert_eq!(decode_entities(&mut text), 0);
            assert_eq!(text, plain);
        }
        let mut text = "x.kr/?a=1&copy=2 &eacute;".to_string();
        assert_eq!(decode_entities(&mut text), 1);
        assert_eq!(text, "x.kr/?a=1&copy=2 é");
    }

    #[test]
    fn a_line_of_utf8_read_as_windows_1252_is_repaired() {
        let mut text = "Pays : RÃ©publique de CorÃ©e\nNom : Dangjin City\nÉtat : République\n".to_string();
        assert_eq!(repair_mojibake(&mut text), [1]);
        assert_eq!(text, "Pays : République de Corée\nNom : Dangjin City\nÉtat : République\n");
        // Latin-1 letters that are no mojibake stay.
        let mut plain = "SÃO PAULO Ã vista".to_string();
        assert!(repair_mojibake(&mut plain).is_empty());
        assert_eq!(plain, "SÃO PAULO Ã vista");
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let mut text = "Rep\u{fa}blica de Corea, Pai\u{301}s, 2017".replace('\u{fa}', "u\u{301}");
        assert!(compose(&mut text));
        assert_eq!(text, "República de Corea, País, 2017");
        let mut plain = "República".to_string();
        assert!(!compose(&mut plain));
    }

    #[test]
    fn invisible_characters_are_removed_and_counted() {
        let mut text = "При\u{ad}над\u{ad}леж\u{ad}ность, www.\u{200b}example\u{2060}.org\u{feff}".to_string();
        assert_eq!(remove_invisible(&mut text), 6);
        assert_eq!(text, "Принадлежность, www.example.org");
        let mut plain = "Принадлежность".to_string();
        assert_eq!(remove_invisible(&mut plain), 0);
        assert_eq!(plain, "Принадлежность");
    }

    #[test]
    fn arabic_presentation_forms_are_written_as_letters() {
        // `بلدية` shaped, and the lam-alef ligature; full-width forms and
        // plain letters are left alone.
        let mut text = "ﺑﻠﺪﻳﺔ ﻻ ＡＢ بلدية".to_string();
        assert_eq!(unshape_arabic(&mut text), 6);
        assert_eq!(text, "بلدية لا ＡＢ بلدية");
        let mut plain = "بلدية ＡＢ".to_string();
        assert_eq!(unshape_arabic(&mut plain), 0);
    }

    #[test]
    fn utf8_without_bom_is_detected() {
        let d = decode("Member State 韩国".as_bytes()).unwrap();
        assert_eq!((d.encoding, d.basis, d.malformed), ("UTF-8", EncodingBasis::Detected, 0));
        assert_eq!(d.text, "Member State 韩国");
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Basic Info".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.basis), ("UTF-16LE", EncodingBasis::Bom));
        assert_eq!(d.text, "Basic Info");
    }

    #[test]
    fn utf16_without_bom() {
        let mut bytes = vec![];
        for u in "Basic Info\nQuestion 1".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, "Basic Info\nQuestion 1");
    }

    #[test]
    fn mostly_utf8_agrees_with_the_definition() {
        // The definition: split into valid runs and damaged sequences as the
        // standard library does, count the good non-ASCII characters.
        fn reference(bytes: &[u8]) -> bool {
            let (mut good, mut bad) = (0, 0);
            for chunk in bytes.utf8_chunks() {
                good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
                bad += usize::from(!chunk.invalid().is_empty());
            }
            good >= 8 && bad * 10 <= good
        }
        let pieces: [&[u8]; 12] = [
            "é".as_bytes(),
            "中文".as_bytes(),
            "𝄞".as_bytes(),
            b"ascii words ",
            b"\n",
            b"\xff",
            b"\xc3",
            b"\xe4\xb8",
            b"\xf0\x9d\x84",
            b"\x80\x80",
            &encoding_rs::GBK.encode("韩国").0,
            &encoding_rs::WINDOWS_1252.encode("café").0,
        ];
        let mut next = crate::testgen::numbers(11);
        let (mut yes, mut no) = (0, 0);
        for len in 0..600 {
            // Pages mostly good with now and then a damaged piece, and pages
            // where damage is common, so that both answers come up often.
            let damage = [3, 30, 100][len % 3];
            let bytes: Vec<u8> = (0..len)
                .flat_map(|_| {
                    let r = next();
                    let piece =
                        if r.is_multiple_of(damage) { pieces[5 + r / damage % 7] } else { pieces[r / damage % 5] };
                    piece.iter().copied()
                })
                .collect();
            let expected = reference(&bytes);
            assert_eq!(mostly_utf8(&bytes), expected, "{bytes:?}");
            if expected { yes += 1 } else { no += 1 }
        }
        assert!(yes > 100 && no > 100, "{yes} pages mostly UTF-8, {no} not");
    }

    #[test]
    fn legacy_chinese_is_detected() {
        let text = "联合国成员国 韩国\n机构名称 Ministry of Interior and safety\n行政层级 国家的\n项目运行年份 1\n";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.basis, EncodingBasis::Detected);
    }

    #[test]
    fn detection_sees_the_non_ascii_words_only_and_splits_no_character() {
        let (gbk, _, _) =
            encoding_rs::GBK.encode("Member State 韩国\nPlain English answer line.\n问题 3: 可持续发展目标 Goal\n");
        let (words, _, _) = encoding_rs::GBK.encode("韩国 \n问题 可持续发展目标 \n");
        assert_eq!(detection_sample(&gbk), &words[..]);
        // A block the scraper repeated shows its words once.
        assert_eq!(detection_sample(&gbk.repeat(3)), &words[..]);
        // A telling character far down a page of ASCII still decides.
        let mut page = "An answer in plain English, line after line.\n".repeat(20_000).into_bytes();
        page.extend_from_slice(&encoding_rs::WINDOWS_1252.encode("The city’s café résumé programme.\n").0);
        let d = decode(&page).unwrap();
        assert_eq!((d.encoding, d.malformed), ("windows-1252", 0));
        assert!(d.text.ends_with("The city’s café résumé programme.\n"));
        let text = "Member State 大韓民國\nInstitution Name 臺北市政府\n".repeat(5);
        let (big5, _, _) = encoding_rs::BIG5.encode(&text);
        assert_eq!(decode(&big5).unwrap().encoding, "Big5");
    }

    #[test]
    fn declared_charset_is_used() {
        let (body, _, _) = encoding_rs::WINDOWS_1252
            .encode("<html><head><meta charset=\"windows-1252\"></head><body>café</body></html>");
        let d = decode(&body).unwrap();
        assert_eq!((d.encoding, d.basis), ("windows-1252", EncodingBasis::Declared));
        assert!(d.text.contains("café"));
    }

    #[test]
    fn a_charset_declared_outside_the_bytes() {
        let (bytes, _, _) = encoding_rs::GBK.encode("联合国成员国 韩国");
        let d = decode_declared(&bytes, Some("gbk")).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.basis), ("联合国成员国 韩国", "GBK", EncodingBasis::Declared));
        assert_eq!(decode_declared(b"plain", Some("no-such-charset")).unwrap().basis, EncodingBasis::Detected);
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t "), Err(DecodeError::Empty));
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00"), Err(DecodeError::Binary));
        // Control bytes over a tenth of the text make it binary; line
        // breaks, tabs, form feeds and escapes are not counted.
        let with = |controls: usize, other: &[u8]| {
            let mut bytes = vec![b'a'; 100 - controls];
            bytes.extend(std::iter::repeat_n(b'\x01', controls));
            bytes.extend_from_slice(other);
            decode(&bytes).map(|d| d.text.len())
        };
        assert_eq!(with(10, b""), Ok(100));
        assert_eq!(with(11, b""), Err(DecodeError::Binary));
        assert_eq!(with(10, &[b'\n', b'\r', b'\t', 0x0C, 0x1B].repeat(40)), Ok(300));
        assert_eq!(with(31, &[b'\n', b'\r', b'\t', 0x0C, 0x1B].repeat(40)), Err(DecodeError::Binary));
    }

    #[test]
    fn malformed_bytes_are_counted() {
        let mut bytes = "联合国成员国 韩国\n机构名称 内政部\n".repeat(4).into_bytes();
        bytes.extend_from_slice(b"\xff\xfe broken\n");
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.malformed), ("UTF-8", 2), "{d:?}");
        assert!(d.text.starts_with("联合国成员国 韩国"));
    }

    #[test]
    fn replacement_char_in_valid_utf8_is_not_malformed() {
        let d = decode("其他\u{FFFD}".as_bytes()).unwrap();
        assert_eq!(d.malformed, 0);
    }
}
