//! Every message exists in French and English, every key used is defined, none is left unused.

use std::collections::BTreeSet;
use std::path::Path;

use summit::domain::{
    Attendance, EventStatus, Format, RegistrationStatus, SessionKind, SpeakerRole,
};

fn keys_of(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
        .collect()
}

/// Every key of a language, across its Fluent files (one per subject, all loaded together).
fn locale_keys(lang: &str) -> BTreeSet<String> {
    let mut texts = Vec::new();
    files(
        Path::new(&format!("src/locales/{lang}")),
        ".ftl",
        &mut texts,
    );
    let mut keys = BTreeSet::new();
    for text in &texts {
        let these = keys_of(text);
        let twice: Vec<_> = keys.intersection(&these).cloned().collect();
        assert!(twice.is_empty(), "defined in two {lang} files: {twice:?}");
        keys.extend(these);
    }
    keys
}

fn files(dir: &Path, ext: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.to_string_lossy().ends_with(ext) {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The quoted keys that follow `marker` in `text`.
fn quoted_after(text: &str, marker: &str, found: &mut BTreeSet<String>) {
    for piece in text.split(marker).skip(1) {
        let key: String = piece
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !key.is_empty() {
            found.insert(key);
        }
    }
}

fn used_keys() -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let mut templates = Vec::new();
    files(Path::new("templates"), ".hbs", &mut templates);
    for t in &templates {
        quoted_after(t, "(t \"", &mut used);
        quoted_after(t, "{{t \"", &mut used);
    }
    let mut code = Vec::new();
    files(Path::new("src"), ".rs", &mut code);
    for c in &code {
        quoted_after(c, "Msg::new(\"", &mut used);
        quoted_after(c, ".t(\"", &mut used);
    }
    let families = [
        (
            "kind",
            SessionKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>(),
        ),
        (
            "role",
            SpeakerRole::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        ("format", Format::ALL.iter().map(|k| k.as_str()).collect()),
        (
            "status",
            EventStatus::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        (
            "attendance",
            Attendance::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        (
            "reg-status",
            RegistrationStatus::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        (
            "status",
            vec![
                "400", "401", "403", "404", "409", "413", "422", "429", "500",
            ],
        ),
    ];
    for (prefix, values) in families {
        for v in values {
            used.insert(format!("{prefix}-{v}"));
        }
    }
    used
}

#[test]
fn french_and_english_define_the_same_messages() {
    let fr = locale_keys("fr");
    let en = locale_keys("en");
    assert!(fr.len() > 100);
    assert_eq!(
        fr.difference(&en).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "only in French"
    );
    assert_eq!(
        en.difference(&fr).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "only in English"
    );
}

#[test]
fn every_key_used_is_defined_and_every_key_defined_is_used() {
    let defined = locale_keys("en");
    let used = used_keys();
    let missing: Vec<_> = used.difference(&defined).collect();
    assert!(missing.is_empty(), "used but not translated: {missing:?}");
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(unused.is_empty(), "translated but never used: {unused:?}");
}
