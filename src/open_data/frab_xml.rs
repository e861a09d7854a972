//! frab schedule XML, in the element set of the c3voc validator's schema
//! (`tests/schemas/frab-schedule.xsd`): that schema allows no other elements, so the licence
//! goes into a comment and session addresses into `links`.

use super::{Schedule, Talk};
use crate::i18n::Lang;

/// A small indenting writer; every text and attribute value goes through [`escape`].
#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn indent(&mut self) {
        self.out.push('\n');
        self.out.push_str(&"  ".repeat(self.depth));
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out
                .push_str(&format!(" {key}=\"{}\"", escape(value, true)));
        }
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push('>');
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.indent();
        self.out.push_str(&format!("</{name}>"));
    }

    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        self.out
            .push_str(&format!(">{}</{name}>", escape(text, false)));
    }

    fn text(&mut self, name: &str, text: &str) {
        self.leaf(name, &[], text);
    }
}

/// Text for an element, or for a quoted attribute (`attr`). Characters XML 1.0 cannot carry
/// at all (most control characters) are dropped. Parsers turn a literal carriage return into
/// a line feed, and in attributes any line break or tab into a space: those become references.
pub fn escape(text: &str, attr: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            '\n' | '\t' => out.push(ch),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

fn allowed(c: char) -> bool {
    !(c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// A comment's text: it may not contain `--` nor end with `-`.
fn comment_text(text: &str) -> String {
    let mut clean: String = text.chars().filter(|c| allowed(*c)).collect();
    while clean.contains("--") {
        clean = clean.replace("--", "- -");
    }
    clean
}

pub fn render(s: &Schedule, lang: Lang) -> String {
    let mut x = Xml::default();
    x.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let license = lang.t_args("open-data-license", &[("license", s.license.clone())]);
    let mut notice = format!("{} · {} · {license}", s.title, s.url);
    if !s.attribution.is_empty() {
        notice = format!("{notice} · {}", s.attribution);
    }
    x.out
        .push_str(&format!("\n<!-- {} -->", comment_text(&notice).trim()));
    x.open("schedule", &[]);
    x.text("version", &s.version);
    x.open("conference", &[]);
    x.text("acronym", &s.acronym);
    x.text("title", &s.title);
    x.text("start", &s.start.to_string());
    x.text("end", &s.end.to_string());
    x.text("days", &s.days.len().to_string());
    x.text("timeslot_duration", &s.timeslot_duration);
    x.close("conference");
    for day in &s.days {
        let (index, date) = (day.index.to_string(), day.date.to_string());
        let attrs = [
            ("index", index.as_str()),
            ("date", date.as_str()),
            ("start", day.start.as_str()),
            ("end", day.end.as_str()),
        ];
        if day.rooms.is_empty() {
            x.start("day", &attrs);
            x.out.push_str("/>");
            continue;
        }
        x.open("day", &attrs);
        for (room, talks) in &day.rooms {
            x.open("room", &[("name", room)]);
            for talk in talks {
                write_talk(&mut x, talk, lang);
            }
            x.close("room");
        }
        x.close("day");
    }
    x.close("schedule");
    x.out.push('\n');
    x.out
}

fn write_talk(x: &mut Xml, t: &Talk, lang: Lang) {
    let (guid, id) = (t.guid.to_string(), t.id.to_string());
    x.open("event", &[("guid", &guid), ("id", &id)]);
    x.text("date", &t.date);
    x.text("start", &t.start);
    x.text("duration", &t.duration);
    x.text("room", &t.room);
    x.text("slug", &t.slug);
    x.text("title", &t.title);
    x.text("subtitle", "");
    x.text("track", &t.track);
    x.text("type", t.kind);
    x.text("language", t.language);
    x.text("abstract", &t.abstract_text);
    if !t.description.is_empty() {
        x.text("description", &t.description);
    }
    x.open("persons", &[]);
    for (id, name, _) in &t.persons {
        x.leaf("person", &[("id", &id.to_string())], name);
    }
    // frab has no word for roles and its schema no room for one: a comment carries them, so a
    // programme import of this file (`domain::programme_frab`) gives people back their roles.
    let roles: Vec<String> = t
        .persons
        .iter()
        .filter(|(_, _, role)| *role != "speaker")
        .map(|(id, _, role)| format!("{id}={role}"))
        .collect();
    if !roles.is_empty() {
        x.indent();
        x.out
            .push_str(&format!("<!-- roles: {} -->", roles.join(" ")));
    }
    x.close("persons");
    x.open("links", &[]);
    x.leaf(
        "link",
        &[("href", &t.url)],
        &lang.t("schedule-link-session"),
    );
    x.close("links");
    x.close("event");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("R&D <b>\"x\" l'an\u{1}\n", false),
            "R&amp;D &lt;b&gt;&quot;x&quot; l'an\n"
        );
        assert_eq!(escape("a\nb\tc\r", true), "a&#10;b&#9;c&#13;");
    }

    #[test]
    fn comments_cannot_be_closed_early() {
        assert_eq!(comment_text("a---b-->c"), "a- - -b- ->c");
    }
}
