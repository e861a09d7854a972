//! A strict reading of iCalendar (RFC 5545) and of iTIP (RFC 5546) for the files Summit
//! writes: raw text, line by line, not through a lenient parser that forgives what mail
//! systems and calendar servers refuse. [`problems`] lists what is wrong; empty is good.

use std::collections::BTreeSet;

/// RFC 5545 §3.1: a line is at most 75 octets, CRLF excluded, a continuation's space included.
pub const MAX_OCTETS: usize = 75;

/// One unfolded content line: `NAME;PARAM=VALUE:value`, with the line it starts on.
#[derive(Debug, Clone)]
pub struct ContentLine {
    pub line: usize,
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
}

impl ContentLine {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A component: its name, its own properties, its sub-components.
#[derive(Debug, Clone, Default)]
pub struct Component {
    pub name: String,
    pub line: usize,
    pub props: Vec<ContentLine>,
    pub children: Vec<Component>,
}

impl Component {
    fn all(&self, name: &str) -> Vec<&ContentLine> {
        self.props.iter().filter(|p| p.name == name).collect()
    }

    fn one(&self, name: &str) -> Option<&ContentLine> {
        self.props.iter().find(|p| p.name == name)
    }

    fn label(&self) -> String {
        match self.one("UID") {
            Some(uid) => format!("{} {} (line {})", self.name, uid.value, self.line),
            None => format!("{} at line {}", self.name, self.line),
        }
    }
}

/// What is wrong with `ics`, sent as a MIME part or HTTP body whose Content-Type has
/// `method=mime_method` (None: no such parameter).
pub fn problems(ics: impl AsRef<[u8]>, mime_method: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    let lines = physical_lines(ics.as_ref(), &mut out);
    let content = unfold(&lines, &mut out);
    let Some(root) = structure(&content, &mut out) else {
        return out;
    };
    calendar(&root, mime_method, &mut out);
    out
}

/// The longest content line before folding, in octets: a file with one over
/// [`MAX_OCTETS`] needed folding (and one of 150 or more needed two continuation lines).
pub fn longest_unfolded(ics: &str) -> usize {
    ics.replace("\r\n ", "")
        .replace("\r\n\t", "")
        .split("\r\n")
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// How many physical lines are continuations (start with a space or a tab).
pub fn continuation_lines(ics: &str) -> usize {
    ics.split("\r\n")
        .filter(|l| l.starts_with(' ') || l.starts_with('\t'))
        .count()
}

/// Splits on CRLF, checking every line ends with one, none is longer than 75 octets, and no
/// fold cuts a UTF-8 character in two.
fn physical_lines(bytes: &[u8], out: &mut Vec<String>) -> Vec<(usize, Vec<u8>)> {
    let mut lines = Vec::new();
    if bytes.is_empty() {
        out.push("empty calendar".into());
        return lines;
    }
    if !bytes.ends_with(b"\r\n") {
        out.push("the last line does not end with CRLF".into());
    }
    let mut n = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        n += 1;
        let (line, next, newline) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..], true),
            None => (rest, &rest[rest.len()..], false),
        };
        let line = match line.strip_suffix(b"\r") {
            Some(l) if newline => l,
            _ => {
                if newline {
                    out.push(format!("line {n}: ends with a bare LF, not CRLF"));
                }
                line
            }
        };
        if line.contains(&b'\r') {
            out.push(format!("line {n}: a bare CR inside the line"));
        }
        if line.len() > MAX_OCTETS {
            out.push(format!(
                "line {n}: {} octets (at most {MAX_OCTETS}, a continuation's space included): {}",
                line.len(),
                String::from_utf8_lossy(line)
            ));
        }
        if std::str::from_utf8(line).is_err() {
            out.push(format!(
                "line {n}: not UTF-8 on its own (a fold cut a character in two?)"
            ));
        }
        lines.push((n, line.to_vec()));
        rest = next;
    }
    lines
}

/// Joins continuation lines (RFC 5545 §3.1) and parses each content line.
fn unfold(lines: &[(usize, Vec<u8>)], out: &mut Vec<String>) -> Vec<ContentLine> {
    let mut logical: Vec<(usize, Vec<u8>)> = Vec::new();
    for (n, line) in lines {
        match line.first() {
            Some(b' ' | b'\t') => match logical.last_mut() {
                Some((_, l)) => l.extend_from_slice(&line[1..]),
                None => out.push(format!("line {n}: a continuation with nothing to continue")),
            },
            None => out.push(format!("line {n}: empty line")),
            Some(_) => logical.push((*n, line.clone())),
        }
    }
    logical
        .into_iter()
        .filter_map(|(n, bytes)| match String::from_utf8(bytes) {
            Ok(text) => parse_line(n, &text, out),
            Err(_) => {
                out.push(format!("line {n}: not UTF-8"));
                None
            }
        })
        .collect()
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// RFC 5545 §3.1: no control character but HTAB in a parameter or a value.
fn has_control(s: &str) -> bool {
    s.chars()
        .any(|c| (c.is_control() && c != '\t') || c == '\u{7f}')
}

/// `name *(";" param) ":" value`, a parameter value quoted when it holds `:`, `;` or `,`.
fn parse_line(n: usize, text: &str, out: &mut Vec<String>) -> Option<ContentLine> {
    let name_end = text.find([';', ':']).unwrap_or(text.len());
    let name = &text[..name_end];
    if !is_name(name) {
        out.push(format!("line {n}: bad property name {name:?}"));
        return None;
    }
    let mut params = Vec::new();
    let mut rest = &text[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let Some(eq) = after.find('=') else {
            out.push(format!("line {n}: parameter without '=' in {name}"));
            return None;
        };
        let pname = &after[..eq];
        if !is_name(pname) {
            out.push(format!("line {n}: bad parameter name {pname:?} in {name}"));
        }
        let mut value_part = &after[eq + 1..];
        let value;
        if let Some(quoted) = value_part.strip_prefix('"') {
            let Some(close) = quoted.find('"') else {
                out.push(format!("line {n}: unclosed quote in {name};{pname}"));
                return None;
            };
            value = quoted[..close].to_string();
            value_part = &quoted[close + 1..];
        } else {
            let end = value_part.find([';', ':', ',']).unwrap_or(value_part.len());
            value = value_part[..end].to_string();
            if value.contains('"') {
                out.push(format!("line {n}: a quote inside {name};{pname}"));
            }
            value_part = &value_part[end..];
        }
        if value_part.starts_with(',') {
            // Several values for one parameter: keep the first, check the rest parse.
            let end = value_part.find([';', ':']).unwrap_or(value_part.len());
            value_part = &value_part[end..];
        }
        if has_control(&value) {
            out.push(format!("line {n}: control character in {name};{pname}"));
        }
        params.push((pname.to_ascii_uppercase(), value));
        rest = value_part;
    }
    let Some(value) = rest.strip_prefix(':') else {
        out.push(format!("line {n}: no ':' after {name}: {text}"));
        return None;
    };
    if has_control(value) {
        out.push(format!(
            "line {n}: control character in the value of {name}"
        ));
    }
    Some(ContentLine {
        line: n,
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_string(),
    })
}

/// BEGIN/END balanced, exactly one VCALENDAR holding everything.
fn structure(lines: &[ContentLine], out: &mut Vec<String>) -> Option<Component> {
    let mut stack: Vec<Component> = Vec::new();
    let mut done: Vec<Component> = Vec::new();
    for l in lines {
        match l.name.as_str() {
            "BEGIN" => stack.push(Component {
                name: l.value.to_ascii_uppercase(),
                line: l.line,
                ..Component::default()
            }),
            "END" => match stack.pop() {
                Some(c) if c.name.eq_ignore_ascii_case(&l.value) => match stack.last_mut() {
                    Some(parent) => parent.children.push(c),
                    None => done.push(c),
                },
                Some(c) => {
                    out.push(format!(
                        "line {}: END:{} closes BEGIN:{} of line {}",
                        l.line, l.value, c.name, c.line
                    ));
                    return None;
                }
                None => {
                    out.push(format!("line {}: END:{} without BEGIN", l.line, l.value));
                    return None;
                }
            },
            _ => match stack.last_mut() {
                Some(c) => c.props.push(l.clone()),
                None => out.push(format!("line {}: {} outside any component", l.line, l.name)),
            },
        }
    }
    for c in &stack {
        out.push(format!("BEGIN:{} of line {} never ends", c.name, c.line));
    }
    if !stack.is_empty() {
        return None;
    }
    if done.len() != 1 || done[0].name != "VCALENDAR" {
        let names: Vec<_> = done.iter().map(|c| c.name.as_str()).collect();
        out.push(format!("want one VCALENDAR, found {names:?}"));
        return None;
    }
    done.pop()
}

fn count(c: &Component, name: &str, want: std::ops::RangeInclusive<usize>, out: &mut Vec<String>) {
    let n = c.all(name).len();
    if !want.contains(&n) {
        let want = if want.start() == want.end() {
            format!("exactly {}", want.start())
        } else if *want.end() == usize::MAX {
            format!("at least {}", want.start())
        } else {
            format!("{} to {}", want.start(), want.end())
        };
        out.push(format!("{}: {n} {name}, want {want}", c.label()));
    }
}

fn is_utc_datetime(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 16
        && b[8] == b'T'
        && b[15] == b'Z'
        && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit)
}

fn is_datetime(v: &str) -> bool {
    let b = v.as_bytes();
    is_utc_datetime(v)
        || (b.len() == 15 && b[8] == b'T' && b[..8].iter().chain(&b[9..]).all(u8::is_ascii_digit))
}

fn is_mailto(v: &str) -> bool {
    v.len() > 7 && v[..7].eq_ignore_ascii_case("mailto:") && v[7..].contains('@')
}

fn calendar(cal: &Component, mime_method: Option<&str>, out: &mut Vec<String>) {
    count(cal, "VERSION", 1..=1, out);
    count(cal, "PRODID", 1..=1, out);
    count(cal, "METHOD", 0..=1, out);
    count(cal, "CALSCALE", 0..=1, out);
    if let Some(v) = cal.one("VERSION") {
        if v.value != "2.0" {
            out.push(format!("VERSION:{}, want 2.0", v.value));
        }
    }
    if cal.one("PRODID").is_some_and(|p| p.value.is_empty()) {
        out.push("an empty PRODID".into());
    }
    if cal.children.is_empty() {
        out.push("a VCALENDAR with no component".into());
    }
    let method = cal.one("METHOD").map(|m| m.value.as_str());
    // RFC 5545 §3.7.2: in a MIME entity both or neither, and the same.
    match (method, mime_method) {
        (Some(inside), Some(outside)) if inside != outside => out.push(format!(
            "METHOD:{inside} inside, method={outside} in the Content-Type"
        )),
        (Some(inside), None) => out.push(format!(
            "METHOD:{inside} inside, no method= in the Content-Type"
        )),
        (None, Some(outside)) => out.push(format!(
            "method={outside} in the Content-Type, no METHOD inside"
        )),
        _ => {}
    }
    let events: Vec<&Component> = cal.children.iter().filter(|c| c.name == "VEVENT").collect();
    let mut uids = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for ev in &events {
        event(ev, out);
        if let Some(uid) = ev.one("UID") {
            uids.insert(uid.value.clone());
            let instance = (
                uid.value.clone(),
                ev.one("RECURRENCE-ID").map(|r| r.value.clone()),
            );
            if !seen.insert(instance) {
                out.push(format!("{}: the same UID twice", ev.label()));
            }
        }
    }
    match method {
        Some(m @ ("REQUEST" | "CANCEL")) => {
            // RFC 5546 §3.2.2 and §3.2.5: one UID, an organiser and the attendees.
            if uids.len() != 1 {
                out.push(format!(
                    "METHOD:{m} with {} UIDs (iTIP allows one): {uids:?}",
                    uids.len()
                ));
            }
            for ev in &events {
                itip_people(ev, true, out);
                count(
                    ev,
                    "SUMMARY",
                    if m == "REQUEST" { 1..=1 } else { 0..=1 },
                    out,
                );
                if m == "CANCEL" {
                    count(ev, "SEQUENCE", 1..=1, out);
                    if ev.one("STATUS").map(|s| s.value.as_str()) != Some("CANCELLED") {
                        out.push(format!("{}: a CANCEL without STATUS:CANCELLED", ev.label()));
                    }
                }
                if m == "REQUEST" {
                    for a in ev.all("ATTENDEE") {
                        if a.param("RSVP") != Some("FALSE") {
                            out.push(format!(
                                "{}: ATTENDEE {} without RSVP=FALSE",
                                ev.label(),
                                a.value
                            ));
                        }
                    }
                }
            }
        }
        Some("PUBLISH") => {
            // RFC 5546 §3.2.1: an organiser, no attendee.
            for ev in &events {
                itip_people(ev, false, out);
                count(ev, "SUMMARY", 1..=1, out);
            }
        }
        Some(other) => out.push(format!("METHOD:{other}: not one Summit sends")),
        None => {}
    }
}

fn itip_people(ev: &Component, attendees: bool, out: &mut Vec<String>) {
    count(ev, "ORGANIZER", 1..=1, out);
    for o in ev.all("ORGANIZER") {
        if !is_mailto(&o.value) {
            out.push(format!(
                "{}: ORGANIZER {:?} is no mailto:",
                ev.label(),
                o.value
            ));
        }
    }
    if attendees {
        count(ev, "ATTENDEE", 1..=usize::MAX, out);
        for a in ev.all("ATTENDEE") {
            if !is_mailto(&a.value) {
                out.push(format!(
                    "{}: ATTENDEE {:?} is no mailto:",
                    ev.label(),
                    a.value
                ));
            }
        }
    } else {
        count(ev, "ATTENDEE", 0..=0, out);
    }
}

/// RFC 5545 §3.6.1: what a VEVENT must and may hold once.
fn event(ev: &Component, out: &mut Vec<String>) {
    for name in ["UID", "DTSTAMP", "DTSTART"] {
        count(ev, name, 1..=1, out);
    }
    for name in [
        "CLASS",
        "CREATED",
        "DESCRIPTION",
        "GEO",
        "LAST-MODIFIED",
        "LOCATION",
        "ORGANIZER",
        "PRIORITY",
        "SEQUENCE",
        "STATUS",
        "SUMMARY",
        "TRANSP",
        "URL",
        "RECURRENCE-ID",
        "DTEND",
        "DURATION",
    ] {
        count(ev, name, 0..=1, out);
    }
    if ev.one("DTEND").is_some() && ev.one("DURATION").is_some() {
        out.push(format!("{}: both DTEND and DURATION", ev.label()));
    }
    if let Some(stamp) = ev.one("DTSTAMP") {
        if !is_utc_datetime(&stamp.value) {
            out.push(format!(
                "{}: DTSTAMP {} is not UTC",
                ev.label(),
                stamp.value
            ));
        }
    }
    for name in ["DTSTART", "DTEND"] {
        if let Some(p) = ev.one(name) {
            let date = p.param("VALUE") == Some("DATE");
            let ok = if date {
                p.value.len() == 8 && p.value.bytes().all(|b| b.is_ascii_digit())
            } else {
                is_datetime(&p.value)
            };
            if !ok {
                out.push(format!(
                    "{}: {name}:{} is no date-time",
                    ev.label(),
                    p.value
                ));
            }
        }
    }
    if let (Some(start), Some(end)) = (ev.one("DTSTART"), ev.one("DTEND")) {
        if is_utc_datetime(&start.value) && is_utc_datetime(&end.value) && end.value <= start.value
        {
            out.push(format!("{}: DTEND is not after DTSTART", ev.label()));
        }
    }
    if let Some(s) = ev.one("STATUS") {
        if !["TENTATIVE", "CONFIRMED", "CANCELLED"].contains(&s.value.as_str()) {
            out.push(format!(
                "{}: STATUS:{} is not one of an event's",
                ev.label(),
                s.value
            ));
        }
    }
    if let Some(s) = ev.one("SEQUENCE") {
        if s.value.parse::<u32>().is_err() {
            out.push(format!(
                "{}: SEQUENCE:{} is no integer",
                ev.label(),
                s.value
            ));
        }
    }
}

/// Panics with every problem found (`what` says which file).
pub fn assert_strict(what: &str, ics: impl AsRef<[u8]>, mime_method: Option<&str>) {
    let found = problems(&ics, mime_method);
    assert!(
        found.is_empty(),
        "{what}: {} problem(s):\n  {}\n--- the file ---\n{}",
        found.len(),
        found.join("\n  "),
        String::from_utf8_lossy(ics.as_ref())
    );
}

/// The calendar as components, whatever is wrong with it (for tests that look inside).
pub fn parse(ics: &str) -> Option<Component> {
    let mut ignored = Vec::new();
    let lines = physical_lines(ics.as_bytes(), &mut ignored);
    let content = unfold(&lines, &mut ignored);
    structure(&content, &mut ignored)
}

/// A property of the VEVENTs (`UID`, `ORGANIZER`, …), unfolded, with its parameters.
pub fn event_lines(ics: &str, name: &str) -> Vec<ContentLine> {
    parse(ics)
        .map(|root| {
            root.children
                .iter()
                .filter(|c| c.name == "VEVENT")
                .flat_map(|c| c.all(name).into_iter().cloned())
                .collect()
        })
        .unwrap_or_default()
}

/// The values of a property of the VEVENTs.
pub fn event_values(ics: &str, name: &str) -> Vec<String> {
    event_lines(ics, name)
        .into_iter()
        .map(|l| l.value)
        .collect()
}

/// The `METHOD` of a calendar, if any.
pub fn method_of(ics: &str) -> Option<String> {
    parse(ics)?.one("METHOD").map(|m| m.value.clone())
}
