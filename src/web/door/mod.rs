//! Door staff: the scanner page.

pub mod scan;
pub mod views;
pub mod walk_in;
