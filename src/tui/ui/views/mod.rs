//! One file per view.

pub mod actions;
pub mod corridor;
pub mod curve;
pub mod gaps;
pub mod journeys;
pub mod owners;
