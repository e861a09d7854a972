//! French and English: Fluent files under `src/locales/`, the `Lang` request guard
//! (`?lang=`, then the `lang` cookie, then Accept-Language) and the handlebars `t` helper.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{Cookie, SameSite};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::Data;
use rocket_dyn_templates::handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./src/locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub use crate::domain::lang::Lang;
use crate::domain::problem::Msg;

/// A badge's role line in `lang`: a known role translated, any other text as written.
pub fn badge_role_label(role: &str, lang: Lang) -> String {
    crate::domain::badge_role::label(role).map_or_else(|other| other, |m| m.render(lang))
}

impl Msg {
    pub fn render(&self, lang: Lang) -> String {
        lang.t_args(self.key, &self.args)
    }
}

impl Lang {
    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("static language tag")
    }

    /// The visitor's language: `?lang=`, then the cookie, then Accept-Language, then French.
    pub fn of_request(req: &Request<'_>) -> Lang {
        req.query_value::<&str>("lang")
            .and_then(|r| r.ok())
            .and_then(Lang::parse)
            .or_else(|| {
                req.cookies()
                    .get("lang")
                    .and_then(|c| Lang::parse(c.value()))
            })
            .or_else(|| {
                req.headers()
                    .get_one("Accept-Language")
                    .and_then(Lang::from_accept_language)
            })
            .unwrap_or(Lang::Fr)
    }

    pub fn t(self, key: &str) -> String {
        self.t_args(key, &[])
    }

    pub fn t_args(self, key: &str, args: &[(&str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                // Whole numbers go in as numbers so plural rules (`[one]`) apply.
                let value = match v.parse::<i64>() {
                    Ok(n) => FluentValue::from(n),
                    Err(_) => FluentValue::from(v.clone()),
                };
                (Cow::Owned(k.to_string()), value)
            })
            .collect();
        LOCALES
            .try_lookup_complete(&self.id(), key, Some(&map))
            .unwrap_or_else(|| {
                tracing::warn!("missing translation {key}");
                key.to_string()
            })
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Lang {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(Lang::of_request(req))
    }
}

/// Remembers an explicit `?lang=` choice in a cookie, so the next page keeps it.
pub struct LangCookie;

#[rocket::async_trait]
impl Fairing for LangCookie {
    fn info(&self) -> Info {
        Info {
            name: "language cookie",
            kind: Kind::Request,
        }
    }

    async fn on_request(&self, req: &mut Request<'_>, _: &mut Data<'_>) {
        let chosen = req
            .query_value::<&str>("lang")
            .and_then(|r| r.ok())
            .and_then(Lang::parse);
        if let Some(lang) = chosen {
            let cookie = Cookie::build(("lang", lang.code()))
                .path("/")
                .secure(crate::auth::over_https(req))
                .same_site(SameSite::Lax)
                .max_age(rocket::time::Duration::days(365));
            req.cookies().add(cookie);
        }
    }
}

/// `{{t "key" name=value}}`: the key in the page's language (`lang` at the template root).
/// It returns a value, so it also works as a subexpression: `label=(t "key")`.
struct TranslateHelper;

impl HelperDef for TranslateHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let key = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let lang = ctx
            .data()
            .get("lang")
            .and_then(|l| l.as_str())
            .and_then(Lang::parse)
            .unwrap_or(Lang::Fr);
        let args: Vec<(&str, String)> = h
            .hash()
            .iter()
            .map(|(k, v)| {
                let value = match v.value() {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (*k, value)
            })
            .collect();
        Ok(ScopedJson::Derived(serde_json::Value::String(
            lang.t_args(key, &args),
        )))
    }
}

pub fn register_helpers(hbs: &mut Handlebars<'_>) {
    hbs.register_helper("t", Box::new(TranslateHelper));
    hbs.set_strict_mode(false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality_supported() {
        assert_eq!(
            Lang::from_accept_language("de-DE,en;q=0.8,fr;q=0.9"),
            Some(Lang::Fr)
        );
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de,es"), None);
    }

    #[test]
    fn lookups_differ_by_language() {
        assert_eq!(Lang::Fr.t("nav-home"), "Accueil");
        assert_eq!(Lang::En.t("nav-home"), "Home");
    }

    #[test]
    fn pick_falls_back_to_the_other_language() {
        assert_eq!(Lang::En.pick("Bonjour", ""), "Bonjour");
        assert_eq!(Lang::En.pick("Bonjour", "Hello"), "Hello");
    }
}

/// A price as people of that language write it: "1 250,00 €" or "€1,250.00"; zero is free.
pub fn money(cents: i64, currency: &str, lang: Lang) -> String {
    if cents == 0 {
        return lang.t("price-free");
    }
    amount(cents, currency, lang)
}

/// A sum of money, zero written as such (totals: "€0.00" rather than "free").
pub fn amount(cents: i64, currency: &str, lang: Lang) -> String {
    let (units, rest) = (cents / 100, (cents % 100).abs());
    let digits = units.abs().to_string();
    let sep = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let sign = if cents < 0 { "-" } else { "" };
    let symbol = match currency {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        other => other,
    };
    match lang {
        Lang::Fr => format!("{sign}{grouped},{rest:02}\u{a0}{symbol}"),
        Lang::En => format!("{sign}{symbol}{grouped}.{rest:02}"),
    }
}

#[cfg(test)]
mod money_tests {
    use super::*;

    #[test]
    fn prices_per_locale() {
        assert_eq!(money(125000, "EUR", Lang::Fr), "1\u{202f}250,00\u{a0}€");
        assert_eq!(money(125000, "EUR", Lang::En), "€1,250.00");
        assert_eq!(money(4550, "CHF", Lang::En), "CHF45.50");
        assert_eq!(money(0, "EUR", Lang::En), "Free");
    }
}
