//! The accessibility statement, and the language switch on every kind of HTML page.

use crate::common;

use common::demo_client;
use rocket::http::Status;

#[rocket::async_test]
async fn the_statement_is_in_both_languages_and_linked_from_every_footer() {
    let client = demo_client().await;
    for (lang, title, other) in [
        ("fr", "Déclaration d’accessibilité", "en"),
        ("en", "Accessibility statement", "fr"),
    ] {
        let res = client
            .get(format!("/accessibility?lang={lang}"))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Ok);
        let html = res.into_string().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{lang} title");
        assert!(html.contains("WCAG 2.1"));
        assert!(
            html.contains(&format!("href=\"/accessibility?lang={other}\"")),
            "the switch keeps the visitor on the statement"
        );
    }
    let home = common::text_of(&client, "/?lang=en").await;
    assert!(home.contains("<a href=\"/accessibility\">Accessibility</a>"));
}

#[rocket::async_test]
async fn an_error_page_keeps_the_language_switch_on_its_own_address() {
    let client = demo_client().await;
    let res = client.get("/events/no-such-event?lang=fr").dispatch().await;
    assert_eq!(res.status(), Status::NotFound);
    let html = res.into_string().await.unwrap();
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("href=\"/events/no-such-event?lang=en\" hreflang=\"en\""));
    assert!(html.contains("href=\"/accessibility\""));
}
