//! What a phone downloads: the Bordeaux agenda travels brotli-compressed (gzip for a client
//! without brotli; under 15 KB either way) and comes back whole; a revalidation with its tag gets 304 and no body; a change to the agenda
//! changes the tag. Summit's CSS too. Personal and staff answers are never tagged or public.

use std::io::Read;

use rocket::http::{Header, Method, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use serde_json::json;

use crate::common::{self, bearer, organiser_token, send_json, BACKENDS};

/// In French, the default language: no `?lang=`, which would set a cookie.
const AGENDA: &str = "/events/bordeaux-nous-les-villes";

fn header(res: &LocalResponse<'_>, name: &str) -> String {
    res.headers().get_one(name).unwrap_or_default().to_string()
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .expect("a gzip body");
    text
}

fn unbrotli(bytes: &[u8]) -> String {
    let mut text = String::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_string(&mut text)
        .expect("a brotli body");
    text
}

/// A phone's request: gzip and brotli taken, as browsers say.
async fn phone_get<'c>(c: &'c Client, path: &str, etag: Option<&str>) -> LocalResponse<'c> {
    get_taking(c, path, etag, "gzip, deflate, br").await
}

/// A request from a client that takes `codings` (`Accept-Encoding`).
async fn get_taking<'c>(
    c: &'c Client,
    path: &str,
    etag: Option<&str>,
    codings: &str,
) -> LocalResponse<'c> {
    let mut req = c
        .get(path.to_string())
        .header(Header::new("Accept-Encoding", codings.to_string()));
    if let Some(tag) = etag {
        req = req.header(Header::new("If-None-Match", tag.to_string()));
    }
    req.dispatch().await
}

#[rocket::async_test]
async fn the_agenda_travels_compressed_and_revalidates_with_304() {
    for backend in BACKENDS {
        let c = common::client_with(backend, true).await;
        let plain = c.get(AGENDA).dispatch().await;
        assert_eq!(plain.status(), Status::Ok);
        assert_eq!(header(&plain, "Content-Encoding"), "", "{backend:?}");
        let page = plain.into_string().await.unwrap();
        assert!(
            page.contains("<h1") && page.len() > 40_000,
            "{}",
            page.len()
        );

        // Without brotli: gzip.
        let old = get_taking(&c, AGENDA, None, "gzip, deflate").await;
        assert_eq!(header(&old, "Content-Encoding"), "gzip", "{backend:?}");
        let gzipped = old.into_bytes().await.unwrap();
        assert!(
            gzipped.len() < 15_000,
            "{backend:?}: {} bytes",
            gzipped.len()
        );
        assert_eq!(gunzip(&gzipped), page, "the same page, once unpacked");

        let res = phone_get(&c, AGENDA, None).await;
        assert_eq!(res.status(), Status::Ok);
        assert_eq!(header(&res, "Content-Encoding"), "br");
        assert!(header(&res, "Vary").contains("Accept-Encoding"));
        assert_eq!(header(&res, "Cache-Control"), "public, no-cache");
        let etag = header(&res, "ETag");
        assert!(
            etag.starts_with('"') && etag.ends_with('"'),
            "a strong tag: {etag}"
        );
        let packed = res.into_bytes().await.unwrap();
        assert!(
            packed.len() < gzipped.len(),
            "{backend:?}: brotli {} bytes, gzip {}",
            packed.len(),
            gzipped.len()
        );
        assert_eq!(unbrotli(&packed), page, "the same page, once unpacked");

        let again = phone_get(&c, AGENDA, Some(&etag)).await;
        assert_eq!(again.status(), Status::NotModified, "{backend:?}");
        assert_eq!(header(&again, "ETag"), etag);
        assert!(again.into_bytes().await.unwrap_or_default().is_empty());

        // An organiser renames a session: the page changes, and so does its tag.
        let token = organiser_token(&c).await;
        let (_, sessions) = send_json(
            &c,
            Method::Get,
            "/api/v1/events/bordeaux-nous-les-villes/sessions",
            &token,
            json!({}),
        )
        .await;
        let id = sessions["sessions"][0]["id"].as_i64().expect("a session");
        let (status, body) = send_json(
            &c,
            Method::Patch,
            &format!("/api/v1/events/bordeaux-nous-les-villes/sessions/{id}"),
            &token,
            json!({"title_fr": "Atelier renommé pour le test"}),
        )
        .await;
        assert_eq!(status, Status::Ok, "{body}");
        let changed = phone_get(&c, AGENDA, Some(&etag)).await;
        assert_eq!(
            changed.status(),
            Status::Ok,
            "{backend:?}: a stale tag gets the page"
        );
        assert_ne!(header(&changed, "ETag"), etag);
        let packed = changed.into_bytes().await.unwrap();
        assert!(unbrotli(&packed).contains("Atelier renommé pour le test"));
    }
}

#[rocket::async_test]
async fn the_css_is_compressed_and_tagged_and_staff_answers_are_not() {
    let c = common::demo_client().await;
    let css = phone_get(&c, "/public/summit.css", None).await;
    assert_eq!(css.status(), Status::Ok);
    assert_eq!(css.content_type(), Some(rocket::http::ContentType::CSS));
    assert_eq!(header(&css, "Content-Encoding"), "br");
    let etag = header(&css, "ETag");
    let packed = css.into_bytes().await.unwrap();
    let on_disk = std::fs::read_to_string("public/summit.css").unwrap();
    assert_eq!(unbrotli(&packed), on_disk);
    let gzipped = get_taking(&c, "/public/summit.css", None, "gzip").await;
    assert_eq!(header(&gzipped, "Content-Encoding"), "gzip");
    assert_eq!(gunzip(&gzipped.into_bytes().await.unwrap()), on_disk);
    assert!(packed.len() * 3 < on_disk.len(), "{} bytes", packed.len());
    let again = phone_get(&c, "/public/summit.css", Some(&etag)).await;
    assert_eq!(again.status(), Status::NotModified);
    assert_eq!(
        c.get("/public/../Cargo.toml").dispatch().await.status(),
        Status::NotFound
    );
    assert_eq!(
        c.get("/public/nothing.css").dispatch().await.status(),
        Status::NotFound
    );

    // A language chosen in the address sets a cookie: browsers may keep the page, shared
    // caches may not.
    let chosen = phone_get(&c, &format!("{AGENDA}?lang=en"), None).await;
    assert!(header(&chosen, "Set-Cookie").starts_with("lang=en"));
    assert_eq!(header(&chosen, "Cache-Control"), "private, no-cache");
    assert_ne!(header(&chosen, "ETag"), "");

    // The same cached agenda, asked for with an organiser's token: not for any shared cache.
    let token = organiser_token(&c).await;
    let staff = c.get(AGENDA).header(bearer(&token)).dispatch().await;
    assert_eq!(staff.status(), Status::Ok);
    assert_eq!(header(&staff, "ETag"), "");
    assert_eq!(header(&staff, "Cache-Control"), "no-store");
}
