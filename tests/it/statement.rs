//! The accessibility statement in the RGAA's shape: it names the organisation and the barrier
//! contact from the settings, in both languages, and without settings says honestly that no
//! audit was made (hence "non conforme") and that no contact was given.

use chrono::{Duration, Locale, Utc};
use rocket::http::Status;
use rocket::local::asynchronous::Client;

use crate::common::{self, client_with_settings, fresh_url, Backend};

async fn statement(c: &Client, lang: &str) -> String {
    let res = c
        .get(format!("/accessibility?lang={lang}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    res.into_string().await.unwrap()
}

/// What both languages always carry: the recourse by post, and the state's section.
fn assert_recourse(html: &str) {
    assert!(html.contains("href=\"https://formulaire.defenseurdesdroits.fr/\""));
    assert!(
        html.contains("Défenseur des droits<br>Libre réponse 71120<br>75342 Paris CEDEX 07"),
        "{html}"
    );
}

#[rocket::async_test]
async fn the_statement_names_the_organisation_and_its_contact_in_both_languages() {
    let mut s = common::settings(&fresh_url(Backend::Postgres).await, false);
    let audited = Utc::now().date_naive() - Duration::days(40);
    s.public_url = "https://evenements.bordeaux-metropole.fr".into();
    s.accessibility_organisation = Some("Bordeaux Métropole".into());
    s.accessibility_contact = Some("accessibilite@bordeaux-metropole.fr".into());
    s.accessibility_audit_date = Some(audited.format("%Y-%m-%d").to_string());
    s.accessibility_compliance = Some("partial".into());
    let c = client_with_settings(s).await;

    let fr = statement(&c, "fr").await;
    assert!(fr.contains("<h1>Déclaration d’accessibilité</h1>"));
    assert!(fr.contains("Bordeaux Métropole s’engage à rendre ses services numériques accessibles"));
    assert!(fr.contains(
        "https://evenements.bordeaux-metropole.fr est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1."
    ), "{fr}");
    let day_fr = audited
        .format_localized("%-d %B %Y", Locale::fr_FR)
        .to_string();
    assert!(
        fr.contains("a été réalisé le") && fr.contains(&day_fr),
        "{day_fr}"
    );
    assert!(fr.contains("vous pouvez contacter Bordeaux Métropole pour être orienté·e"));
    assert!(fr.contains(
        "<a href=\"mailto:accessibilite@bordeaux-metropole.fr\">accessibilite@bordeaux-metropole.fr</a>"
    ));
    assert!(!fr.contains("Aucun contact n’a encore été indiqué"));
    assert_recourse(&fr);

    let en = statement(&c, "en").await;
    assert!(en.contains("<h1>Accessibility statement</h1>"));
    assert!(
        en.contains("Bordeaux Métropole is committed to making its digital services accessible")
    );
    assert!(en.contains("https://evenements.bordeaux-metropole.fr is partially compliant with"));
    let day_en = audited
        .format_localized("%-d %B %Y", Locale::en_GB)
        .to_string();
    assert!(en.contains("This statement was prepared on") && en.contains(&day_en));
    assert!(en.contains("you can contact Bordeaux Métropole to be directed"));
    assert!(en.contains("href=\"mailto:accessibilite@bordeaux-metropole.fr\""));
    assert_recourse(&en);
}

#[rocket::async_test]
async fn without_settings_the_statement_says_not_audited_and_no_contact() {
    let mut s = common::settings(&fresh_url(Backend::Sqlite).await, false);
    // A claim with no audit behind it is not shown: the RGAA's state then is "non conforme".
    s.accessibility_compliance = Some("full".into());
    let c = client_with_settings(s).await;

    let fr = statement(&c, "fr").await;
    assert!(fr.contains("L’organisme qui exploite ce service s’engage"));
    assert!(
        fr.contains("https://summit.test est non conforme avec le référentiel"),
        "{fr}"
    );
    assert!(fr.contains("Aucun audit de conformité n’a encore été réalisé"));
    assert!(fr.contains("Cette déclaration n’a pas encore été établie à la suite d’un audit"));
    assert!(fr.contains("Aucun contact n’a encore été indiqué pour ce service"));
    assert!(!fr.contains("totalement conforme") && !fr.contains("mailto:"));
    assert_recourse(&fr);

    let en = statement(&c, "en").await;
    assert!(en.contains("The organisation that runs this service is committed"));
    assert!(en.contains("https://summit.test is not compliant with"));
    assert!(en.contains("No compliance audit has been carried out yet"));
    assert!(en.contains("No contact has been given for this service yet"));
    assert!(!en.contains("fully compliant"));
    assert_recourse(&en);
}
