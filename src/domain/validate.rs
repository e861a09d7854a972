//! Input as people send it (form fields or JSON members, both as text) and a checker that
//! collects one message per bad field, so forms and the API validate the same way.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde_json::Value;

use super::problem::{FieldErrors, Msg, Problem};

/// Named text values; JSON arrays and objects are kept apart in `nested`.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub values: BTreeMap<String, String>,
    pub nested: BTreeMap<String, Value>,
}

impl Input {
    pub fn from_pairs<I, K, V>(pairs: I) -> Input
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Input {
            values: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            nested: BTreeMap::new(),
        }
    }

    /// A JSON object's members as text (`null` becomes empty, which clears a field).
    pub fn from_json(value: &Value) -> Result<Input, Problem> {
        let Value::Object(map) = value else {
            return Err(Problem::BadRequest(Msg::new("error-json-object")));
        };
        let mut input = Input::default();
        for (k, v) in map {
            let text = match v {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                other => {
                    input.nested.insert(k.clone(), other.clone());
                    continue;
                }
            };
            input.values.insert(k.clone(), text);
        }
        Ok(input)
    }

    /// Later values win: a PATCH laid over what is stored.
    pub fn overlay(mut self, patch: Input) -> Input {
        self.values.extend(patch.values);
        self.nested.extend(patch.nested);
        self
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    pub fn has(&self, name: &str) -> bool {
        self.values.contains_key(name) || self.nested.contains_key(name)
    }
}

#[derive(Debug, Default)]
pub struct Checker {
    pub errors: FieldErrors,
}

impl Checker {
    pub fn fail(&mut self, field: &str, msg: Msg) {
        self.errors.entry(field.to_string()).or_insert(msg);
    }

    pub fn ok(&self, field: &str) -> bool {
        !self.errors.contains_key(field)
    }

    pub fn finish(self) -> Result<(), Problem> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Problem::Unprocessable {
                fields: self.errors,
            })
        }
    }

    pub fn required(&mut self, input: &Input, field: &str, max: usize) -> String {
        match input.get(field) {
            None => {
                self.fail(field, Msg::new("field-required"));
                String::new()
            }
            Some(v) => self.length(field, v, max),
        }
    }

    pub fn optional(&mut self, input: &Input, field: &str, max: usize) -> Option<String> {
        input.get(field).map(|v| self.length(field, v, max))
    }

    fn length(&mut self, field: &str, value: &str, max: usize) -> String {
        if value.chars().count() > max {
            self.fail(
                field,
                Msg::new("field-too-long").arg("max", max.to_string()),
            );
        }
        value.to_string()
    }

    pub fn count(&mut self, input: &Input, field: &str) -> Option<i64> {
        let text = input.get(field)?;
        match text.parse::<i64>() {
            Ok(n) if (0..=1_000_000).contains(&n) => Some(n),
            _ => {
                self.fail(field, Msg::new("field-count"));
                None
            }
        }
    }

    pub fn flag(&mut self, input: &Input, field: &str) -> bool {
        match input.get(field) {
            None | Some("false" | "0" | "off" | "no") => false,
            Some("true" | "1" | "on" | "yes") => true,
            Some(_) => {
                self.fail(field, Msg::new("field-flag"));
                false
            }
        }
    }

    pub fn choice<T>(
        &mut self,
        input: &Input,
        field: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let text = input.get(field)?;
        let parsed = parse(text);
        if parsed.is_none() {
            self.fail(field, Msg::new("field-choice"));
        }
        parsed
    }

    pub fn instant(&mut self, input: &Input, field: &str, tz: Tz) -> Option<i64> {
        let text = input.get(field)?;
        let parsed = super::time::parse_instant(text, tz);
        if parsed.is_none() {
            self.fail(field, Msg::new("field-datetime"));
        }
        parsed
    }

    pub fn required_instant(&mut self, input: &Input, field: &str, tz: Tz) -> i64 {
        if input.get(field).is_none() {
            self.fail(field, Msg::new("field-required"));
        }
        self.instant(input, field, tz).unwrap_or_default()
    }

    pub fn url(&mut self, input: &Input, field: &str) -> Option<String> {
        let text = self.optional(input, field, 2000)?;
        let good = url::Url::parse(&text)
            .map(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .unwrap_or(false);
        if !good {
            self.fail(field, Msg::new("field-url"));
        }
        Some(text)
    }
}

/// A lower-case French letter without its accent (`é` → `e`); any other character as is.
pub fn unaccented(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        other => other,
    }
}

pub fn is_slug(text: &str) -> bool {
    (2..=80).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

pub fn is_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_members_become_text_and_null_clears() {
        let input = Input::from_json(&json!({"name": "A", "capacity": 40, "room_id": null,
            "speakers": [{"speaker_id": 1}]}))
        .unwrap();
        assert_eq!(input.get("capacity"), Some("40"));
        assert!(input.has("room_id"));
        assert_eq!(input.get("room_id"), None);
        assert!(input.nested.contains_key("speakers"));
        assert!(Input::from_json(&json!([1, 2])).is_err());
    }

    #[test]
    fn checker_collects_one_message_per_field() {
        let input = Input::from_pairs([
            ("capacity", "-3"),
            ("website", "ftp://x"),
            ("open", "maybe"),
        ]);
        let mut c = Checker::default();
        c.required(&input, "title", 10);
        c.count(&input, "capacity");
        c.url(&input, "website");
        c.flag(&input, "open");
        let keys: Vec<_> = c.errors.keys().cloned().collect();
        assert_eq!(keys, ["capacity", "open", "title", "website"]);
    }

    #[test]
    fn slugs_and_colours() {
        assert!(is_slug("bordeaux-2027"));
        assert!(!is_slug("Bordeaux"));
        assert!(!is_slug("-x"));
        assert!(is_colour("#1f5f8b"));
        assert!(!is_colour("blue"));
    }
}
