//! The badge sizes Summit prints for: A6 and A7 cards, 4 × 3 in badge cards (the common size
//! of badge printers and plastic holders) and 62 × 100 mm labels (Brother and Zebra label
//! rolls). One badge per page, at the printer's size.

use crate::domain::problem::{Msg, Problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BadgeSize {
    #[default]
    A6,
    A7,
    FourByThree,
    Label62x100,
}

impl BadgeSize {
    pub const ALL: [BadgeSize; 4] = [
        BadgeSize::A6,
        BadgeSize::A7,
        BadgeSize::FourByThree,
        BadgeSize::Label62x100,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BadgeSize::A6 => "a6",
            BadgeSize::A7 => "a7",
            BadgeSize::FourByThree => "4x3",
            BadgeSize::Label62x100 => "62x100",
        }
    }

    /// The page's width and height in millimetres (4 × 3 in lies landscape, as printed).
    pub fn millimetres(self) -> (f32, f32) {
        match self {
            BadgeSize::A6 => (105.0, 148.0),
            BadgeSize::A7 => (74.0, 105.0),
            BadgeSize::FourByThree => (101.6, 76.2),
            BadgeSize::Label62x100 => (62.0, 100.0),
        }
    }

    /// The size a query names (`size=`); none: A6; anything else is refused naming `size`.
    pub fn parse(text: Option<&str>) -> Result<BadgeSize, Problem> {
        let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(BadgeSize::default());
        };
        BadgeSize::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| Problem::field("size", Msg::new("badge-pdf-size-invalid")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_written_and_others_are_refused() {
        assert_eq!(BadgeSize::parse(None).unwrap(), BadgeSize::A6);
        assert_eq!(
            BadgeSize::parse(Some("4X3")).unwrap(),
            BadgeSize::FourByThree
        );
        assert_eq!(
            BadgeSize::parse(Some("62x100")).unwrap(),
            BadgeSize::Label62x100
        );
        assert!(BadgeSize::parse(Some("a4")).is_err());
        for s in BadgeSize::ALL {
            assert_eq!(BadgeSize::parse(Some(s.as_str())).unwrap(), s);
        }
    }
}
