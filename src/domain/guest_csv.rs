//! Guest lists as CSV: reading an organiser's file (French or English column names, comma or
//! semicolon as spreadsheets write them); writing is `spreadsheet::write`.

use super::problem::Msg;
use super::validate::Input;

/// Most rows one import takes.
pub const MAX_ROWS: usize = 20_000;

/// The field a column feeds, by its header in either language.
fn field_of(header: &str) -> Option<&'static str> {
    let h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    Some(match h.as_str() {
        "name" | "nom" | "full name" | "nom complet" => "name",
        "email" | "e-mail" | "courriel" | "adresse e-mail" | "email address" => "email",
        "organisation" | "organization" | "organisme" => "organisation",
        "role" | "rôle" | "fonction" | "title" => "role",
        "attendance" | "participation" | "mode" => "attendance",
        "language" | "langue" => "language",
        "ticket" | "billet" => "ticket",
        "sessions" | "ateliers" | "workshops" => "sessions",
        "accessibility" | "accessibility_needs" | "accessibilité" => "accessibility_needs",
        // The badge role; `role`/`rôle` alone is the person's job title (fonction).
        "badge"
        | "badge_role"
        | "badge role"
        | "badge type"
        | "type de badge"
        | "badge (rôle)"
        | "badge (role)"
        | "rôle sur le badge"
        | "rôle du badge"
        | "catégorie de badge" => "badge_role",
        _ => return None,
    })
}

/// The rows of a guest list as form input, each with its line number in the file.
pub fn read(text: &str) -> Result<Vec<(usize, Input)>, Msg> {
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| Msg::new("import-unreadable"))?
        .clone();
    let fields: Vec<Option<&str>> = headers.iter().map(field_of).collect();
    if !fields.contains(&Some("name")) || !fields.contains(&Some("email")) {
        return Err(Msg::new("import-missing-columns"));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|_| Msg::new("import-unreadable"))?;
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(Msg::new("import-too-many").arg("max", MAX_ROWS.to_string()));
        }
        let pairs = fields
            .iter()
            .zip(record.iter())
            .filter_map(|(f, v)| f.map(|f| (f, v.to_string())));
        rows.push((i + 2, Input::from_pairs(pairs)));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_headers_semicolons_and_quotes() {
        let text = "\u{feff}Nom;Courriel;Organisme;Inconnu\n\"Durand, Ana\";ana@example.org;Ville de Pessac;x\n;;;\nBen;ben@example.org;;\n";
        let rows = read(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1.get("name"), Some("Durand, Ana"));
        assert_eq!(rows[0].1.get("organisation"), Some("Ville de Pessac"));
        assert_eq!(rows[1].0, 4, "line numbers count the skipped blank row");
        assert!(!rows[0].1.has("Inconnu"));
    }

    #[test]
    fn a_badge_column_is_not_the_job_title() {
        let rows =
            read("Nom;Courriel;Rôle;Type de badge\nAna;a@b.fr;Maire;Intervenante\n").unwrap();
        assert_eq!(rows[0].1.get("role"), Some("Maire"));
        assert_eq!(rows[0].1.get("badge_role"), Some("Intervenante"));
        let rows = read("name,email,Badge (rôle)\nBen,ben@example.org,press\n");
        assert_eq!(rows.unwrap()[0].1.get("badge_role"), Some("press"));
    }

    #[test]
    fn a_list_without_names_or_addresses_is_refused() {
        assert_eq!(
            read("organisation\nX\n").unwrap_err().key,
            "import-missing-columns"
        );
    }

    #[test]
    fn export_quotes_what_needs_quoting() {
        let rows: [Vec<String>; 1] = [vec!["Ana".into(), "Ville, \"centre\"".into()]];
        let csv = crate::domain::spreadsheet::write(&["name", "org"], &rows);
        assert_eq!(csv, "name,org\nAna,\"Ville, \"\"centre\"\"\"\n");
    }
}
