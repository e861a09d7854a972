//! Finding sessions in the Bordeaux agenda (163 sessions, 3 days, 7 rooms, 7 tracks) with the
//! address's filters, each checked against the seed file itself.

use rocket::http::{Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};

use crate::common::{self, organiser_token, send_json, text_of};

const SLUG: &str = "bordeaux-nous-les-villes";

fn seed() -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("src/demo/data/{SLUG}.json")).unwrap())
        .unwrap()
}

/// The English page's "N sessions match" count (`usize::MAX`: no count, no filter applies).
async fn shown(c: &Client, query: &str) -> (usize, String) {
    let page = text_of(c, &format!("/events/{SLUG}?lang=en&{query}")).await;
    let count = if page.contains("No session matches") {
        0
    } else {
        let Some(at) = page
            .find(" match these filters.")
            .or_else(|| page.find(" matches these filters."))
        else {
            return (usize::MAX, page);
        };
        let start = page[..at].rfind('>').unwrap() + 1;
        page[start..at]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    (count, page)
}

async fn ids(
    c: &Client,
    token: &str,
    what: &str,
    key: &str,
) -> std::collections::HashMap<String, i64> {
    let (status, list) = send_json(
        c,
        Method::Get,
        &format!("/api/v1/events/{SLUG}/{what}"),
        token,
        json!({}),
    )
    .await;
    assert_eq!(status, Status::Ok);
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[key].as_str().unwrap().to_string(),
                r["id"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[rocket::async_test]
async fn each_filter_narrows_the_bordeaux_agenda_to_the_right_sessions() {
    let c = common::demo_client().await;
    let token = organiser_token(&c).await;
    let tracks = ids(&c, &token, "tracks", "slug").await;
    let rooms = ids(&c, &token, "rooms", "name").await;
    let seed = seed();
    let sessions = seed["sessions"].as_array().unwrap();
    let count = |keep: &dyn Fn(&Value) -> bool| sessions.iter().filter(|s| keep(s)).count();

    let (n, page) = shown(&c, "day=2027-06-16").await;
    assert_eq!(
        n,
        count(&|s| s["starts_at"].as_str().unwrap().starts_with("2027-06-16"))
    );
    assert!(
        !page.contains("Open data: ten years of promises"),
        "a day-1 keynote is not shown"
    );
    let open_data = tracks["open-data"];
    let (n, _) = shown(&c, &format!("track={open_data}")).await;
    assert_eq!(n, count(&|s| s["track"] == "open-data"));
    let agora = rooms["Espace Agora"];
    let (n, _) = shown(&c, &format!("room={agora}")).await;
    assert_eq!(n, count(&|s| s["room"] == "Espace Agora"));
    let (n, _) = shown(&c, "kind=workshop").await;
    assert_eq!(n, count(&|s| s["kind"] == "workshop"));
    let (n, _) = shown(&c, "format=online").await;
    assert_eq!(
        n,
        count(&|s| s["format"].as_str().unwrap_or("in_person") != "in_person")
    );

    // The story: the open-data workshops on day 2, by filters, or by a search in either
    // language, accents and case ignored.
    for query in [
        format!("day=2027-06-16&track={open_data}&kind=workshop"),
        "day=2027-06-16&kind=workshop&q=DONNEES+ouvertes".to_string(),
        "day=2027-06-16&kind=workshop&q=open+data".to_string(),
    ] {
        let (n, page) = shown(&c, &query).await;
        assert_eq!(n, 1, "{query}");
        assert!(
            page.contains("Flash workshop: visualising open data without coding"),
            "{query}"
        );
    }
    // A speaker's name finds their sessions; the names on the agenda link there.
    let (n, page) = shown(&c, "q=Agn%C3%A8s+Pujol").await;
    assert!(n >= 1 && page.contains("Pujol-Sabat"), "{n}");
    assert!(
        page.contains("href=\"/events/bordeaux-nous-les-villes?q="),
        "speaker names link to the search"
    );
    assert!(
        page.contains(&format!("href=\"/events/{SLUG}?track={open_data}#agenda\"")),
        "track badges link to their sessions"
    );

    // Unknown values are ignored and said so; nothing breaks.
    let (n, page) = shown(
        &c,
        "day=2030-01-01&track=abc&room=999999&kind=party&format=tv",
    )
    .await;
    assert_eq!(n, usize::MAX, "no filter applies, so no count line");
    assert!(
        page.contains("Not understood, so not applied: Day, Track, Room, Kind, Attend."),
        "{page}"
    );
    assert!(
        page.contains("Opening session"),
        "the whole agenda is shown"
    );
    let long = "%3Cscript%3E".repeat(400);
    let res = c.get(format!("/events/{SLUG}?q={long}")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert!(
        !res.into_string().await.unwrap().contains("<script>"),
        "the search is escaped"
    );
}

#[rocket::async_test]
async fn a_filtered_view_is_a_link_that_keeps_its_filters_in_the_other_language() {
    let c = common::demo_client().await;
    let page = text_of(
        &c,
        &format!("/events/{SLUG}?lang=fr&kind=workshop&q=donn%C3%A9es"),
    )
    .await;
    assert!(
        page.contains("séances correspondent à ces filtres."),
        "the count, in French"
    );
    assert!(
        page.contains("role=\"status\""),
        "announced to screen readers"
    );
    assert!(
        page.contains("value=\"données\""),
        "the search box keeps the text as typed"
    );
    assert!(page.contains("<option value=\"workshop\" selected>"));
    assert!(
        page.contains("href=\"/events/bordeaux-nous-les-villes?kind=workshop&amp;q=donn%C3%A9es&amp;lang=en\" hreflang=\"en\""),
        "the language switch keeps the filters"
    );
    // The same filtered page comes from the cache the second time, the same bytes.
    let again = text_of(
        &c,
        &format!("/events/{SLUG}?lang=fr&kind=workshop&q=donn%C3%A9es"),
    )
    .await;
    assert_eq!(page, again);
}
