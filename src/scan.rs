//! The scan pipeline (stub while the engine is written).
use crate::{Report, Scanner, Stats, Verdict};

pub(crate) fn scan(_scanner: &Scanner, text: &str) -> Report {
    Report { verdict: Verdict::Allow, findings: Vec::new(), stats: Stats { bytes: text.len(), ..Stats::default() }, notes: Vec::new() }
}
