//! A conversation's export (a chat with a form's bot, text messages), each
//! message opened by its time and its sender, read as the lines a form
//! prints: the asking side's message is a label or a prompt, the other
//! side's reply its value or its answer.

/// The fewest messages that make a text a conversation.
const MIN_MESSAGES: usize = 5;

/// The first lines of a text among which a message must open.
const HEAD_LINES: usize = 4;

/// The longest reply, in bytes, read onto its question's line as a field's
/// value; a longer one is an answer, left under its prompt.
const MAX_VALUE_BYTES: usize = 200;

/// The longest timestamp, in bytes, between a chat's brackets.
const MAX_STAMP_BYTES: usize = 40;

/// The longest sender's name, in bytes.
const MAX_SENDER_BYTES: usize = 60;

/// What reading a conversation did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MessagesRead {
    /// Messages read without their time and sender.
    pub messages: usize,
    /// Replies read onto the line of the message they answer.
    pub replies_joined: usize,
    /// Blank lines set before the asking side's titles.
    pub set_apart: usize,
}

/// Marks of writing direction a chat sets at a message's start or before
/// a reply in another script.
fn bidi_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds a time of day (`09:14`).
fn has_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit())
        || b.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
}

/// A message's opening: where its text starts, and its sender (none for
/// the application's own notice, `[…] — field skipped —`).
///
/// A chat's `[02/12/2019, 09:14] Sender: text`, or a message list's
/// `2019-12-02 09:14:10  Sender  (3/90) text`: a date and time, blanks, the
/// sender, blanks, and a counter of the messages perhaps.
fn opening(line: &str) -> Option<(usize, Option<&str>)> {
    let body = line.trim_start_matches(bidi_mark);
    let at = line.len() - body.len();
    if let Some(rest) = body.strip_prefix('[') {
        let close = rest.find(']')?;
        let stamp = &rest[..close];
        if close > MAX_STAMP_BYTES || !stamp.starts_with(|c: char| c.is_ascii_digit()) || !has_time(stamp) {
            return None;
        }
        let after = rest[close + 1..].strip_prefix(' ')?;
        let start = line.len() - after.len();
        return match after.find(": ") {
            Some(colon) if colon <= MAX_SENDER_BYTES && !after[..colon].contains(['[', ']']) => {
                Some((start + colon + 2, Some(&after[..colon])))
            }
            _ => Some((start, None)),
        };
    }
    // `2019-12-02 09:14:10`: digits, dashes, blanks, a time.
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let stamp_end = body.find("  ")?;
    let stamp = &body[..stamp_end];
    if stamp_end > MAX_STAMP_BYTES
        || !has_time(stamp)
        || !stamp.bytes().all(|b| b.is_ascii_digit() || b" -/.:T,".contains(&b))
    {
        return None;
    }
    let rest = body[stamp_end..].trim_start_matches(' ');
    let sender_end = rest.find("  ")?;
    let sender = &rest[..sender_end];
    if sender.is_empty() || sender_end > MAX_SENDER_BYTES {
        return None;
    }
    let mut text = rest[sender_end..].trim_start_matches(' ');
    // A counter of the messages (`(3/90)`).
    if let Some(inner) = text.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && let Some((k, n)) = inner[..close].split_once('/')
        && [k, n].iter().all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
    {
        text = inner[close + 1..].strip_prefix(' ').unwrap_or(&inner[close + 1..]);
    }
    Some((at + body.len() - text.len(), Some(sender)))
}

/// A message's text: without its marks of direction, and without the
/// marks that make a whole message bold or italic (`*Part one*`).
fn message_text(s: &str) -> String {
    let s: String = s.chars().filter(|&c| !bidi_mark(c)).collect();
    let t = s.trim();
    for mark in ['*', '_'] {
        if t.len() > 2
            && let Some(inner) = t.strip_prefix(mark).and_then(|t| t.strip_suffix(mark))
            && !inner.contains(mark)
        {
            return inner.trim().to_string();
        }
    }
    t.to_string()
}

/// One message: its sender, its text's lines.
struct Message {
    sender: Option<String>,
    lines: Vec<String>,
}

/// Reads a conversation's export (at least [`MIN_MESSAGES`] lines, most of
/// them opened by a time and a sender) as the lines of the form it was
/// filled in by: times, senders and counters set aside. When two sides
/// talk, the side that speaks first asks: its message followed by a short
/// reply of one line reads as `Question: reply`, the reply's line left
/// blank; a notice that a field was skipped leaves it empty (`Question:`);
/// an asked line not answered is a title, set apart by a blank line above
/// it. A longer reply stays under its question, as an answer under its
/// prompt. A text that is no such export is left as it is.
pub fn read_message_log(text: &mut String) -> MessagesRead {
    // An export opens with its messages (a title line or two before them
    // perhaps): a text whose first lines are none is left at once.
    let mut heads = text.lines().filter(|l| !l.trim().is_empty()).take(HEAD_LINES);
    if !heads.any(|l| opening(l).is_some()) {
        return MessagesRead::default();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<&str> = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let openings: Vec<Option<(usize, Option<&str>)>> = lines.iter().map(|l| opening(l)).collect();
    let count = openings.iter().flatten().count();
    let other = lines.iter().zip(&openings).filter(|(l, o)| o.is_none() && !l.trim().is_empty()).count();
    if count < MIN_MESSAGES || other > count || openings.iter().find_map(|o| *o).is_none() {
        return MessagesRead::default();
    }
    // Lines before the first message are kept as they are.
    let mut head: Vec<String> = Vec::new();
    let mut messages: Vec<Message> = Vec::new();
    for (line, open) in lines.iter().zip(&openings) {
        match (open, messages.last_mut()) {
            (Some((start, sender)), _) => messages
                .push(Message { sender: sender.map(str::to_string), lines: vec![message_text(&line[*start..])] }),
            (None, Some(m)) => m.lines.push(line.trim_end().to_string()),
            (None, None) => head.push((*line).to_string()),
        }
    }
    let senders: Vec<&str> = messages.iter().filter_map(|m| m.sender.as_deref()).collect();
    let asker = senders.first().copied().filter(|&a| senders.iter().any(|s| *s != a)).map(str::to_string);
    let mut read = MessagesRead { messages: messages.len(), ..MessagesRead::default() };
    let mut out = head;
    let mut i = 0;
    while i < messages.len() {
        let m = &messages[i];
        let next = messages.get(i + 1);
        i += 1;
        let Some(asker) = asker.as_deref() else {
            out.extend(m.lines.iter().cloned());
            continue;
        };
        let asks = m.sender.as_deref() == Some(asker) && m.lines.len() == 1;
        match next {
            Some(n) if asks && n.sender.is_none() => {
                // The application's notice that the field was skipped.
                out.push(format!("{}:", m.lines[0]));
                out.extend(std::iter::repeat_n(String::new(), n.lines.len()));
                i += 1;
            }
            Some(n)
                if asks
                    && n.sender.as_deref().is_some_and(|s| s != asker)
                    && n.lines.len() == 1
                    && !n.lines[0].is_empty()
                    && n.lines[0].len() <= MAX_VALUE_BYTES =>
            {
                out.push(format!("{}: {}", m.lines[0], n.lines[0]));
                out.push(String::new());
                read.replies_joined += 1;
                i += 1;
            }
            _ if m.sender.is_none() => out.extend(m.lines.iter().map(|_| String::new())),
            _ => {
                // A line asked and not answered: a title over what follows.
                let titled = asks && next.is_none_or(|n| n.sender.as_deref() == Some(asker));
                if titled && out.last().is_some_and(|l| !l.trim().is_empty()) {
                    out.push(String::new());
                    read.set_apart += 1;
                }
                out.extend(m.lines.iter().cloned());
            }
        }
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    *text = joined;
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, parse, repair_plain_text};

    #[test]
    fn a_chat_reads_its_questions_with_their_replies() {
        let mut text = "[3/5/2021, 10:00:01] FormBot: *Your organisation*\n\
                        [3/5/2021, 10:00:05] FormBot: Country\n\
                        [3/5/2021, 10:00:20] Ama: \u{200e}Ghana\n\
                        [3/5/2021, 10:00:31] FormBot: Partner agencies\n\
                        [3/5/2021, 10:00:40] — skipped —\n\
                        [3/5/2021, 10:00:52] FormBot: Goals\n\
                        [3/5/2021, 10:01:10] Ama: Goal 6\n\
                        Goal 7\n\
                        [3/5/2021, 10:01:15] FormBot: _Thank you_"
            .to_string();
        let read = read_message_log(&mut text);
        assert_eq!(read, MessagesRead { messages: 8, replies_joined: 1, set_apart: 1 });
        assert_eq!(
            text,
            "Your organisation\nCountry: Ghana\n\nPartner agencies:\n\nGoals\nGoal 6\nGoal 7\n\nThank you"
        );
    }

    #[test]
    fn text_messages_read_without_times_senders_and_counters() {
        let mut text = "2015-06-01 08:00:00  +233200000  (1/5) Country: Ghana\n\
                        2015-06-01 08:00:04  +233200000  (2/5) Organisation: Tamale Assembly\n\
                        2015-06-01 08:00:09  +233200000  (3/5) Details: the agency trained\n\
                        2015-06-01 08:00:13  +233200000  (4/5) twelve clerks.\n\
                        2015-06-01 08:00:17  +233200000  (5/5) Goodbye"
            .to_string();
        let read = read_message_log(&mut text);
        assert_eq!(read, MessagesRead { messages: 5, replies_joined: 0, set_apart: 0 });
        assert_eq!(
            text,
            "Country: Ghana\nOrganisation: Tamale Assembly\nDetails: the agency trained\ntwelve clerks.\nGoodbye"
        );
    }

    #[test]
    fn prose_opening_with_a_date_is_no_conversation() {
        let kept = "2015-06-01 was a Monday.\nThe office opened at 08:00.\n";
        let mut text = kept.to_string();
        assert_eq!(read_message_log(&mut text), MessagesRead::default());
        assert_eq!(text, kept);
    }

    #[test]
    fn a_form_filled_in_by_chat_is_read_as_a_form() {
        let mut text = "[1/2/2020, 09:00] Bot: Member State\n\
                        [1/2/2020, 09:01] Kofi: Ghana\n\
                        [1/2/2020, 09:02] Bot: Institution Name\n\
                        [1/2/2020, 09:03] Kofi: Tamale Assembly\n\
                        [1/2/2020, 09:04] Bot: Initiative name\n\
                        [1/2/2020, 09:05] Kofi: Clean Water for All\n\
                        [1/2/2020, 09:06] Bot: Question 1\n\
                        [1/2/2020, 09:07] Bot: Please describe the initiative (300 words maximum)\n\
                        [1/2/2020, 09:08] Kofi: Wells were dug in every district of the region over the years, and the \
                        water committees of the villages keep them working with the fees the households pay every \
                        month to the committee's treasurer, who reports to the assembly.\n\
                        [1/2/2020, 09:09] Bot: Question 2\n\
                        [1/2/2020, 09:10] Bot: Please explain how it fits the category (100 words maximum)\n\
                        [1/2/2020, 09:11] Kofi: It serves everyone in the district, the poorest households first, \
                        as the category asks of an initiative that delivers public services to all of the people \
                        of a country or a region.\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.warnings()[0].0, "message_log_read");
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let value = |key: &str| crate::testgen::field_value(&doc, key);
        assert_eq!(value("field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(value("field.initiative_name").as_deref(), Some("Clean Water for All"));
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[1].number, 2);
        assert_eq!(form.questions[1].parts[0].word_limit, Some(100));
    }
}
