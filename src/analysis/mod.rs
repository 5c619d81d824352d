//! Pure functions over the model: the vocabulary of figures, gaps and
//! severity, experience debt,
//! ownership figures, channel consistency, validation findings and the
//! semantic diff and the three-way merge of versions of a journey.

pub mod blueprint;
pub mod compare;
pub mod diff;
pub mod economics;
pub mod figures;
mod gaps;
pub mod history;
pub mod matrix;
pub mod merge;
pub mod metrics;
mod ownership;
pub mod survey;
pub mod text_checks;
mod validate;
mod work;

pub use gaps::{DebtPoint, RankedGap, experience_debt, rank_gaps, severity};
pub use ownership::{
    ChannelFigures, Figures, OwnerFigures, PartnerFigures, channel_figures, department_figures,
    lags, partner_figures, uneven, unowned_figures, versus_rest,
};
pub use validate::{new_errors, validate, validate_on};
pub use work::{Due, Unaddressed, overdue_actions, unaddressed_gaps};
