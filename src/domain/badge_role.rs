//! Badge roles (attendee, speaker, press, staff): what organisers may choose, the words a
//! guest list may use for them in French or English, and the line a printed badge shows.

use super::problem::{Msg, Problem};
use super::validate::{unaccented, Input};
use super::BadgeRole;

/// The field that carries a badge role in forms, JSON bodies and guest lists.
pub const FIELD: &str = "badge_role";

/// Lower case, French accents and everything but letters and digits left out, so that
/// "Intervenant(e)", "intervenant·e" and "INTERVENANTE" read alike.
fn folded(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(unaccented)
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// A badge role as people write it in a guest list, in English or French.
pub fn from_words(text: &str) -> Option<BadgeRole> {
    Some(match folded(text).as_str() {
        "attendee" | "participant" | "participante" => BadgeRole::Attendee,
        "speaker" | "intervenant" | "intervenante" | "orateur" | "oratrice" => BadgeRole::Speaker,
        "press" | "presse" | "journalist" | "journaliste" => BadgeRole::Press,
        "staff" | "equipe" | "organisation" => BadgeRole::Staff,
        _ => return None,
    })
}

/// The role an organiser chose in a form or a JSON body (its exact value), if any.
pub fn chosen(input: &Input) -> Result<Option<BadgeRole>, Problem> {
    match input.get(FIELD) {
        None => Ok(None),
        Some(text) => BadgeRole::parse(text)
            .map(Some)
            .ok_or_else(|| Problem::field(FIELD, Msg::new("badge-role-invalid"))),
    }
}

/// The role a guest-list row asks for, if any; an unknown word is the row's rejection.
pub fn listed(input: &Input) -> Result<Option<BadgeRole>, Problem> {
    match input.get(FIELD) {
        None => Ok(None),
        Some(text) => from_words(text).map(Some).ok_or_else(|| {
            Problem::field(
                FIELD,
                Msg::new("import-badge-role-unknown").arg("value", text),
            )
        }),
    }
}

/// A role given by someone who may not choose one (an attendee registering themselves).
pub fn refuse_if_given(input: &Input) -> Result<(), Problem> {
    match input.get(FIELD) {
        None => Ok(()),
        Some(_) => Err(Problem::field(
            FIELD,
            Msg::new("badge-role-organisers-only"),
        )),
    }
}

/// The badge's role line: the message of a known role, or (`Err`) any other text as
/// organisers wrote it. `i18n::badge_role_label` translates it.
pub fn label(role: &str) -> Result<Msg, String> {
    let known = match role.trim() {
        "" | "attendee" => Msg::new("badge-role-attendee"),
        "speaker" => Msg::new("badge-role-speaker"),
        "press" => Msg::new("badge-role-press"),
        "staff" => Msg::new("badge-role-staff"),
        "organiser" => Msg::new("badge-role-organiser"),
        "volunteer" => Msg::new("badge-role-volunteer"),
        other => return Err(other.to_string()),
    };
    Ok(known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_words_whatever_the_case_and_accents() {
        for (text, role) in [
            ("attendee", BadgeRole::Attendee),
            ("Participante", BadgeRole::Attendee),
            ("SPEAKER", BadgeRole::Speaker),
            ("Intervenant(e)", BadgeRole::Speaker),
            ("intervenant·e", BadgeRole::Speaker),
            ("Oratrice", BadgeRole::Speaker),
            (" presse ", BadgeRole::Press),
            ("Journaliste", BadgeRole::Press),
            ("Équipe", BadgeRole::Staff),
            ("EQUIPE", BadgeRole::Staff),
            ("organisation", BadgeRole::Staff),
        ] {
            assert_eq!(from_words(text), Some(role), "{text}");
        }
        for text in ["vip", "bénévole", "", "speakers!!x"] {
            assert_eq!(from_words(text), None, "{text}");
        }
    }

    #[test]
    fn forms_and_the_api_take_the_exact_values_only() {
        let input = |v: &str| Input::from_pairs([(FIELD, v)]);
        assert_eq!(chosen(&input("press")).unwrap(), Some(BadgeRole::Press));
        assert_eq!(chosen(&Input::default()).unwrap(), None);
        let refused = chosen(&input("presse")).unwrap_err();
        assert_eq!(refused.fields().unwrap()[FIELD].key, "badge-role-invalid");
        let unknown = listed(&input("vip")).unwrap_err();
        assert_eq!(
            unknown.fields().unwrap()[FIELD].key,
            "import-badge-role-unknown"
        );
        assert!(refuse_if_given(&input("speaker")).is_err());
        assert!(refuse_if_given(&input("")).is_ok());
    }
}
