//! Pure functions over the model: gaps and severity, experience debt,
//! ownership figures, channel consistency, validation findings and the
//! semantic diff of two versions of a journey.

pub mod diff;
mod findings;
mod gaps;
pub mod matrix;
mod ownership;
pub mod text_checks;
mod validate;

pub use findings::{Finding, Locus, Severity};
pub use gaps::{DebtPoint, RankedGap, experience_debt, rank_gaps, severity};
pub use ownership::{
    ChannelFigures, Figures, OwnerFigures, PartnerFigures, channel_figures, department_figures,
    partner_figures, unowned_figures,
};
pub use validate::{new_errors, validate};
