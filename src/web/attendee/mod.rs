//! An attendee's own pages, opened with their personal token: the registration, their programme, join links, badge, receipts.

pub mod badges;
pub mod certificate;
pub mod join;
pub mod page;
pub mod payment_view;
pub mod programme;
pub mod receipts;
pub mod views;
