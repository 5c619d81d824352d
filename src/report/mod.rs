//! Reports: one journey, or a folder of journeys as a portfolio, written as
//! Markdown, CSV, JSON, HTML or a Mermaid `journey` diagram.
//!
//! Every writer is a pure function from the model (and `analysis`) to text;
//! [`Portfolio::read`] reads the files of a folder for them. File text never reaches the output raw: Markdown, CSV, HTML and
//! Mermaid pass it through [`crate::text::inert`] and then escape what their
//! own syntax needs; JSON keeps the text exactly but writes every control or
//! bidi character as a `\u` escape, so no output holds a byte a terminal or
//! a browser would act on.

mod blueprint_sections;
mod cells;
pub mod compare;
mod context;
mod csv;
pub mod csv_import;
mod figures_json;
pub mod history;
mod history_data;
mod html;
mod html_entities;
pub mod import_builder;
mod json;
mod json_measure;
mod json_model;
mod json_portfolio;
mod json_text;
mod lookup;
mod md;
mod measure_sections;
mod mermaid;
pub mod mermaid_import;
mod mermaid_lexer;
mod mermaid_preprocess;
mod mermaid_score;
mod portfolio;
mod portfolio_sections;
mod scorecard;
mod sections;
mod summary;
mod svg;
mod svg_blueprint;
mod table;

pub use context::{Context, Provenance};
pub use figures_json::{figures_map, figures_value};
pub(crate) use json_text::{EscapeInvisible, escape_invisible};
pub use portfolio::{Entry, FileError, Outcome, Portfolio};
pub use scorecard::{
    DepartmentCard, JourneyRow, PartnerCard, PortfolioGap, department_cards, journey_rows,
    partner_cards, worst_gaps,
};
pub use summary::{ActionGroup, Summary, actions_by_owner, summary};
pub(crate) use table::md_text;

/// The `schema` value of the JSON report; documented in `docs/report-json.md`.
pub const JSON_SCHEMA: &str = "corridor-report/2";

/// How many gaps the portfolio's "worst gaps" list holds.
pub const PORTFOLIO_WORST: usize = 20;

/// An output format of `corridor report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Csv,
    Json,
    Html,
    Mermaid,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Csv,
        Format::Json,
        Format::Html,
        Format::Mermaid,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
            Format::Mermaid => "mermaid",
        }
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("writing CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("a Mermaid diagram holds one journey: report a journey file, not a folder")]
    MermaidPortfolio,
}

/// The report of one journey.
pub fn render_journey(
    journey: &crate::model::Journey,
    format: Format,
    context: &Context,
) -> Result<String, ReportError> {
    Ok(match format {
        Format::Md => md::journey(journey, context),
        Format::Csv => csv::journey(journey)?,
        Format::Json => json::journey(journey, context)?,
        Format::Html => html::journey(journey, context),
        Format::Mermaid => mermaid::journey(journey),
    })
}

/// The report of a folder: the portfolio across its journeys, with the
/// files that did not parse listed (CSV, one row per touchpoint, has no
/// place for them).
pub fn render_portfolio(
    portfolio: &Portfolio,
    format: Format,
    context: &Context,
) -> Result<String, ReportError> {
    Ok(match format {
        Format::Md => md::portfolio(portfolio, context),
        Format::Csv => csv::portfolio(portfolio)?,
        Format::Json => json::portfolio(portfolio, context)?,
        Format::Html => html::portfolio(portfolio, context),
        Format::Mermaid => return Err(ReportError::MermaidPortfolio),
    })
}
