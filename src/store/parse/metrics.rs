//! Reading what a journey measures: `[[metrics]]` definitions, metric
//! values as plain numbers or `{ value, n, period, source }` tables,
//! touchpoint `volume`, an action's `target` and the `[economics]` table.

use toml::Spanned;
use toml::de::DeValue;

use super::Reader;
use crate::model::{
    ActionTarget, Better, Churn, Economics, Id, Metric, MetricDef, MetricDetail, MetricKind,
    Origin, Scale,
};

/// A TOML integer or float as a finite number.
fn finite(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|v| v as f64),
        DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

impl<'t> Reader<'t, '_> {
    /// A number (integer or float).
    pub(super) fn number(&mut self, key: &'static str) -> Option<f64> {
        let value = self.get(key)?;
        let number = finite(value.get_ref());
        if number.is_none() {
            self.wrong_type(key, value, "a number");
        }
        number
    }

    fn required_number(&mut self, key: &'static str) -> Option<f64> {
        if !self.table.contains_key(key) {
            self.missing(key);
        }
        self.number(key)
    }

    /// A whole number 0 or more.
    pub(super) fn count(&mut self, key: &'static str) -> Option<u64> {
        let value = self.integer(key)?;
        match u64::try_from(value) {
            Ok(n) => Some(n),
            Err(_) => {
                let span = self.spans.fields.get(key).cloned().unwrap_or_default();
                self.error(span, format!("`{key}` = {value} must be 0 or more"));
                None
            }
        }
    }

    /// `[min, max]`, two numbers with min below max.
    pub(super) fn scale(&mut self, key: &'static str) -> Option<Scale> {
        let value = self.get(key)?;
        let pair = match value.get_ref() {
            DeValue::Array(items) if items.len() == 2 => {
                let mut it = items.iter().map(|v| finite(v.get_ref()));
                it.next().flatten().zip(it.next().flatten())
            }
            _ => None,
        };
        match pair {
            Some((min, max)) if min < max => Some(Scale { min, max }),
            Some(_) => {
                self.error(
                    value.span(),
                    format!("`{key}` must be [min, max] with min below max"),
                );
                None
            }
            None => {
                self.wrong_type(key, value, "[min, max] (two numbers)");
                None
            }
        }
    }

    fn one_of<T>(
        &mut self,
        key: &'static str,
        parse: fn(&str) -> Option<T>,
        names: &str,
    ) -> Option<T> {
        let text = self.text(key)?;
        let parsed = parse(&text);
        if parsed.is_none() {
            let span = self.spans.fields.get(key).cloned().unwrap_or_default();
            self.error(span, format!("`{key}` {text:?} must be {names}"));
        }
        parsed
    }

    /// A sub-table `key` read by `read` with its own reader (spans and
    /// unknown keys of its own).
    fn nested<T>(
        &mut self,
        key: &'static str,
        noun: &'static str,
        read: impl FnOnce(&mut Reader<'t, '_>) -> Option<T>,
    ) -> Option<T> {
        let value = self.get(key)?;
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type(key, value, "a table");
            return None;
        };
        let mut inner = Reader::new(table, value.span(), noun, self.findings);
        let read = read(&mut inner);
        inner.finish();
        read
    }

    /// An action's `target = { metric = "ID", value = N }`.
    pub(super) fn action_target(&mut self) -> Option<ActionTarget> {
        self.nested("target", "target", |r| {
            let metric = r.required_text("metric");
            let value = r.required_number("value");
            Some(ActionTarget {
                metric: metric?,
                value: value?,
            })
        })
    }

    /// A touchpoint's `metrics`: each a number, or a table with `value` and
    /// its details. Records each value's span for findings about it.
    pub(super) fn metrics(&mut self) -> Vec<Metric> {
        let Some(value) = self.get("metrics") else {
            return Vec::new();
        };
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type("metrics", value, "a table of numbers");
            return Vec::new();
        };
        let mut metrics = Vec::with_capacity(table.len());
        for (name, item) in table.iter() {
            let name = name.get_ref().to_string();
            if let Some(metric) = self.metric(&name, item) {
                metrics.push(metric);
            }
        }
        metrics
    }

    fn metric(&mut self, name: &str, item: &'t Spanned<DeValue<'t>>) -> Option<Metric> {
        if let DeValue::Table(table) = item.get_ref() {
            let mut r = Reader::new(table, item.span(), "metric value", self.findings);
            if !table.contains_key("value") {
                r.error(
                    item.span(),
                    format!("metric `{name}` must give its `value`"),
                );
            }
            let value = r.number("value");
            let detail = MetricDetail {
                n: r.count("n"),
                period: r.text("period"),
                source: r.text("source"),
                scale: r.scale("scale"),
                question: r.text("question"),
            };
            let span = r.spans.fields.get("value").cloned();
            r.finish();
            self.spans
                .metrics
                .insert(name.to_owned(), span.unwrap_or(item.span()));
            return Some(Metric {
                name: name.to_owned(),
                value: value?,
                detail: Some(Box::new(detail)),
            });
        }
        self.spans.metrics.insert(name.to_owned(), item.span());
        match finite(item.get_ref()) {
            Some(value) => Some(Metric::new(name, value)),
            None => {
                let message = format!(
                    "metric `{name}` must be a finite number or {{ value = N, ... }}, found {}",
                    item.get_ref().type_str()
                );
                self.error(item.span(), message);
                None
            }
        }
    }

    /// The journey's `[economics]`.
    pub(super) fn economics(&mut self) -> Option<Economics> {
        self.nested("economics", "economics", |r| {
            let currency = r.required_text("currency");
            let value = r.required_number("value_per_customer");
            if let Some(v) = value.filter(|v| *v < 0.0) {
                let span = r.spans.fields.get("value_per_customer").cloned();
                r.error(
                    span.unwrap_or_default(),
                    format!("`value_per_customer` = {v} must be 0 or more"),
                );
            }
            if !r.table.contains_key("churn") {
                r.missing("churn");
            }
            let churn = r.nested("churn", "churn", |c| {
                let critical = c.share("critical");
                let shortfall = c.share("shortfall");
                Some(Churn {
                    critical: critical?,
                    shortfall: shortfall?,
                })
            });
            Some(Economics {
                currency: currency?,
                value_per_customer: value.filter(|v| *v >= 0.0)?,
                churn: churn?,
            })
        })
    }

    /// A required share 0..1.
    fn share(&mut self, key: &'static str) -> Option<f64> {
        let share = self.required_number(key)?;
        if (0.0..=1.0).contains(&share) {
            return Some(share);
        }
        let span = self.spans.fields.get(key).cloned().unwrap_or_default();
        self.error(
            span,
            format!("`{key}` = {share} must be a share from 0 to 1"),
        );
        None
    }
}

/// One `[[metrics]]` table.
pub(super) fn read_metric_def(r: &mut Reader<'_, '_>, origin: Origin) -> Option<MetricDef> {
    let id = r
        .required_text("id")
        .and_then(|text| match Id::metric(&text) {
            Ok(id) => Some(id),
            Err(why) => {
                let span = r.spans.fields.get("id").cloned().unwrap_or_default();
                r.error(
                    span,
                    format!("`id` {text:?} is not a valid metric id: {why}"),
                );
                None
            }
        });
    let name = r.required_text("name");
    let kind = r.one_of(
        "kind",
        MetricKind::parse,
        "csat, ces, nps, rate, count, duration or custom",
    );
    let scale = r.scale("scale");
    let unit = r.text("unit");
    let better = r.one_of("better", Better::parse, "higher or lower");
    let target = r.number("target");
    let question = r.text("question");
    Some(MetricDef {
        origin,
        kind,
        scale,
        unit,
        better,
        target,
        question,
        ..MetricDef::new(id?, name?)
    })
}
