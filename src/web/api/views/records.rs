//! Rooms, tracks, speakers and ticket types as organisers read and change them: the stored
//! record, field for field.

use serde::Serialize;
use utoipa::ToSchema;

use crate::app::tickets::TicketType;
use crate::app::{Room, Speaker, Track};

#[derive(Serialize, ToSchema)]
#[schema(as = Room)]
pub struct RoomView {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub capacity: Option<i64>,
}

impl From<&Room> for RoomView {
    fn from(r: &Room) -> Self {
        RoomView {
            id: r.id,
            event_id: r.event_id,
            name: r.name.clone(),
            capacity: r.capacity,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = Track)]
pub struct TrackView {
    pub id: i64,
    pub event_id: i64,
    pub slug: String,
    pub name_fr: String,
    pub name_en: String,
    #[schema(examples("#1f5f8b"))]
    pub color: String,
}

impl From<&Track> for TrackView {
    fn from(t: &Track) -> Self {
        TrackView {
            id: t.id,
            event_id: t.event_id,
            slug: t.slug.clone(),
            name_fr: t.name_fr.clone(),
            name_en: t.name_en.clone(),
            color: t.color.clone(),
        }
    }
}

/// A speaker as stored.
#[derive(Serialize, ToSchema)]
#[schema(as = SpeakerRecord)]
pub struct SpeakerRecordView {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub affiliation_fr: String,
    pub affiliation_en: String,
    pub bio_fr: String,
    pub bio_en: String,
    pub photo_content_type: Option<String>,
}

impl From<&Speaker> for SpeakerRecordView {
    fn from(s: &Speaker) -> Self {
        SpeakerRecordView {
            id: s.id,
            event_id: s.event_id,
            name: s.name.clone(),
            affiliation_fr: s.affiliation_fr.clone(),
            affiliation_en: s.affiliation_en.clone(),
            bio_fr: s.bio_fr.clone(),
            bio_en: s.bio_en.clone(),
            photo_content_type: s.photo_content_type.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = TicketType)]
pub struct TicketTypeView {
    pub id: i64,
    pub event_id: i64,
    /// The French name, or the only one.
    pub name: String,
    /// The English name; empty: the same as `name`.
    pub name_en: String,
    pub price_cents: i64,
    #[schema(pattern = "^[A-Z]{3}$")]
    pub currency: String,
    pub quota: Option<i64>,
    pub attendance: Option<crate::domain::Attendance>,
    /// UTC seconds.
    pub sales_start: Option<i64>,
    /// UTC seconds.
    pub sales_end: Option<i64>,
    /// Its place on the registration form (smallest first).
    pub position: i64,
}

impl From<&TicketType> for TicketTypeView {
    fn from(t: &TicketType) -> Self {
        TicketTypeView {
            id: t.id,
            event_id: t.event_id,
            name: t.name.clone(),
            name_en: t.name_en.clone(),
            price_cents: t.price_cents,
            currency: t.currency.clone(),
            quota: t.quota,
            attendance: t
                .attendance
                .as_deref()
                .and_then(crate::domain::Attendance::parse),
            sales_start: t.sales_start,
            sales_end: t.sales_end,
            position: t.position,
        }
    }
}
