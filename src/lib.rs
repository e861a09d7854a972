//! Summit: an event system for city summits. The binary in `main.rs` is a thin CLI over this
//! library; tests build their own app with [`rocket`] and their own [`Settings`].

pub mod app;
pub mod auth;
pub mod calendar;
pub mod config;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod open_data;
pub mod payments;
pub mod pdf;
pub mod qr;
pub mod store;
pub mod web;

pub use config::Settings;
pub use error::{Error, Result};

use rocket::fairing::AdHoc;
use rocket::{Build, Rocket};
use rocket_dyn_templates::Template;

/// Builds the web app: connects to the database and runs its migrations at ignition
/// (and loads the demo events when `settings.demo` is set and the database has none).
pub fn rocket(settings: Settings) -> Rocket<Build> {
    let figment = rocket::Config::figment();
    rocket_with(figment, settings)
}

/// Like [`rocket`], with an explicit Rocket configuration (tests pass their own).
pub fn rocket_with(figment: rocket::figment::Figment, settings: Settings) -> Rocket<Build> {
    let demo = settings.demo;
    let database_url = settings.database_url.clone();
    let hold_minutes = settings.payment_hold_minutes;
    if hold_minutes < store::MIN_PAYMENT_HOLD_MINUTES {
        tracing::warn!(
            "payment_hold_minutes = {hold_minutes} is under Stripe's shortest Checkout Session: 30 is used"
        );
    }
    web::public::statement::warn_about_settings(&settings);
    let stripe = payments::Stripe::from_settings(&settings);
    let seats = app::seats_board::SeatsBoard::new(settings.agenda_seats_seconds);
    let app = rocket::custom(figment)
        .manage(stripe)
        .manage(seats)
        .manage(settings)
        .attach(AdHoc::try_on_ignite("database", move |rocket| async move {
            match store::Db::connect(&database_url).await {
                Ok(db) => {
                    let db = db.with_payment_hold(hold_minutes);
                    if demo {
                        if let Err(e) = demo::load_if_empty(&db).await {
                            tracing::error!("loading the demo events failed: {e}");
                            return Err(rocket);
                        }
                    }
                    Ok(rocket.manage(db))
                }
                Err(e) => {
                    tracing::error!("cannot open the database: {e}");
                    Err(rocket)
                }
            }
        }))
        .attach(Template::custom(|engines| {
            i18n::register_helpers(&mut engines.handlebars);
        }))
        .attach(i18n::LangCookie)
        .attach(AdHoc::on_liftoff("outbox worker", |rocket| {
            Box::pin(async move {
                let (Some(settings), Some(db)) =
                    (rocket.state::<Settings>(), rocket.state::<store::Db>())
                else {
                    return;
                };
                if !settings.mail_worker {
                    return;
                }
                match jobs::outbox::Worker::new(settings) {
                    Ok(worker) => {
                        rocket::tokio::spawn(worker.run(db.clone()));
                    }
                    Err(e) => tracing::error!("mail is not configured: {e}"),
                }
            })
        }));
    web::mount(app)
}
