//! The pools trust a connection in steady use and check one that sat idle
//! (`store::pool_options`): a PostgreSQL restart or a dropped link while the pool is quiet
//! must not turn the next request into an error.

use sqlx::Connection;

use crate::common::{fresh_url, Backend, POSTGRES_ADMIN_URL};
use summit::app::organise;
use summit::domain::validate::Input;
use summit::store::{self, Db};

#[tokio::test]
async fn connections_broken_while_idle_are_replaced_before_use() {
    let name = format!("summit_pools_{}", uuid::Uuid::new_v4().simple());
    let url = format!(
        "{}&application_name={name}",
        fresh_url(Backend::Postgres).await
    );
    let db = Db::connect(&url).await.expect("database");
    let input = Input::from_pairs([
        ("slug", "idle"),
        ("title", "Idle"),
        ("timezone", "Europe/Paris"),
        ("starts_at", "2027-06-15T08:00"),
        ("ends_at", "2027-06-16T18:00"),
        ("format", "in_person"),
        ("status", "published"),
    ]);
    organise::create_event(&db, &input).await.unwrap();
    store::events::get(&db, "idle").await.expect("read");

    // The pool goes quiet, and meanwhile the server drops every one of its connections.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let admin_url =
        std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| POSTGRES_ADMIN_URL.into());
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
    let (dropped,): (i64,) = sqlx::query_as(
        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity \
         WHERE application_name = $1",
    )
    .bind(&name)
    .fetch_one(&mut admin)
    .await
    .unwrap();
    assert!(dropped > 0, "the pool's connections were found");

    let event = store::events::get(&db, "idle")
        .await
        .expect("read after the drop");
    assert_eq!(event.slug, "idle");
}
