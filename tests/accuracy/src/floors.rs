//! Floors (and ceilings, for counts of false alarms) the development set's scores must keep,
//! read from `floors.toml`. They are set at what was measured and only ever move towards
//! better: raise a floor when a change lifts a score, never lower one to let a change in.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::Scores;

#[derive(Debug, Deserialize)]
pub struct Floors {
    /// Metrics where higher is better: the lowest value allowed.
    #[serde(default)]
    pub floors: BTreeMap<String, f64>,
    /// Metrics where lower is better (false positives, fired traps, spurious hovers): the
    /// highest value allowed.
    #[serde(default)]
    pub ceilings: BTreeMap<String, f64>,
}

/// Scores are compared after rounding to this many decimals, so a floor written as the
/// measured value to three decimals holds.
const SLACK: f64 = 5e-4;

impl Floors {
    pub fn load(path: &Path) -> Result<Floors, String> {
        let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
        toml::from_str(&text).map_err(|err| format!("{}: {err}", path.display()))
    }

    /// What falls short: one line per metric below its floor or above its ceiling, and per
    /// name that is no metric or sits in the wrong table.
    pub fn check(&self, scores: &Scores) -> Vec<String> {
        let metrics: BTreeMap<String, (f64, bool)> =
            scores.metrics().into_iter().map(|(name, value, higher)| (name, (value, higher))).collect();
        let mut failures = Vec::new();
        for (table, limits, wants_higher) in [("floors", &self.floors, true), ("ceilings", &self.ceilings, false)] {
            for (name, &limit) in limits {
                match metrics.get(name) {
                    None => failures.push(format!("{table}: {name} is not a metric")),
                    Some(&(_, higher)) if higher != wants_higher => {
                        failures.push(format!("{table}: {name} belongs in the other table"))
                    }
                    Some(&(value, _)) if wants_higher && value + SLACK < limit => {
                        failures.push(format!("{name} = {value:.3}, below its floor {limit:.3}"))
                    }
                    Some(&(value, _)) if !wants_higher && value > limit + SLACK => {
                        failures.push(format!("{name} = {value:.3}, above its ceiling {limit:.3}"))
                    }
                    Some(_) => {}
                }
            }
        }
        failures
    }

    /// Metrics now better than their floor or ceiling by more than `margin`: floors to raise.
    pub fn raisable(&self, scores: &Scores, margin: f64) -> Vec<String> {
        let mut out = Vec::new();
        for (name, value, higher) in scores.metrics() {
            let limit = if higher { self.floors.get(&name) } else { self.ceilings.get(&name) };
            if let Some(&limit) = limit
                && (if higher { value > limit + margin } else { value + margin < limit })
            {
                out.push(format!("{name}: measured {value:.3}, limit {limit:.3}"));
            }
        }
        out
    }
}
