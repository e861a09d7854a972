//! The accessibility statement: what Summit aims for, how it is checked, how to report a barrier.

use rocket::{get, routes, Route};
use rocket_dyn_templates::Template;

use crate::i18n::Lang;
use crate::web::page;
use crate::web::public::views::{page_data, Empty};

pub fn routes() -> Vec<Route> {
    routes![statement]
}

#[get("/accessibility")]
fn statement(lang: Lang) -> Template {
    page(
        "accessibility",
        lang,
        "/accessibility",
        page_data(&Empty {}),
    )
}
