//! What a metric measures, and where it stands.

use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    Throughput,
    Latency,
    Reliability,
    Cost,
    Scale,
}

impl MetricKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MetricKind::Throughput => "throughput",
            MetricKind::Latency => "latency",
            MetricKind::Reliability => "reliability",
            MetricKind::Cost => "cost",
            MetricKind::Scale => "scale",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metric {
    pub block: usize,
    /// Range in the source.
    pub span: Range<usize>,
    pub kind: MetricKind,
}
