//! Badge roles (attendee, speaker, press, staff): what organisers may choose, the words a
//! guest list may use for them in French or English, and the line a printed badge shows.

use super::validate::{unaccented, Input};
use super::BadgeRole;
use crate::error::{Error, Msg};
use crate::i18n::Lang;

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
pub fn chosen(input: &Input) -> Result<Option<BadgeRole>, Error> {
    match input.get(FIELD) {
        None => Ok(None),
        Some(text) => BadgeRole::parse(text)
            .map(Some)
            .ok_or_else(|| Error::field(FIELD, Msg::new("badge-role-invalid"))),
    }
}

/// The role a guest-list row asks for, if any; an unknown word is the row's rejection.
pub fn listed(input: &Input) -> Result<Option<BadgeRole>, Error> {
    match input.get(FIELD) {
        None => Ok(None),
        Some(text) => from_words(text).map(Some).ok_or_else(|| {
            Error::field(
                FIELD,
                Msg::new("import-badge-role-unknown").arg("value", text),
            )
        }),
    }
}

/// A role given by someone who may not choose one (an attendee registering themselves).
pub fn refuse_if_given(input: &Input) -> Result<(), Error> {
    match input.get(FIELD) {
        None => Ok(()),
        Some(_) => Err(Error::field(FIELD, Msg::new("badge-role-organisers-only"))),
    }
}

/// The badge's role line: the known roles translated, any other text as organisers wrote it.
pub fn label(role: &str, lang: Lang) -> String {
    let known = match role.trim() {
        "" | "attendee" => Msg::new("badge-role-attendee"),
        "speaker" => Msg::new("badge-role-speaker"),
        "press" => Msg::new("badge-role-press"),
        "staff" => Msg::new("badge-role-staff"),
        "organiser" => Msg::new("badge-role-organiser"),
        "volunteer" => Msg::new("badge-role-volunteer"),
        other => return other.to_string(),
    };
    known.render(lang)
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
