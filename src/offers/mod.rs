//! Offers checked against pay bands: where an offer sits in its band (compa-ratio, range
//! penetration), whether it needs an approval, and the decisions on it.

pub mod approval;
pub mod check;
pub mod warnings;

pub use approval::{OfferReview, review};
pub use check::{BandCheck, Checked, Conversion, Position, Unchecked};
