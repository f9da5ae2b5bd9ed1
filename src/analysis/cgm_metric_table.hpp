// CgmMetricTable: every CGM metric of this project computed from one trace, as named rows (key, label, value,
// unit, source) for the CLI's table/JSON/CSV output and the AGP report. The definitions and citations live in the
// files of each metric family; this file only gathers them in the order of the consensus reports (Battelino 2019,
// Table 1; Battelino 2023, Table 2): data sufficiency, glucose exposure, ranges, variability, episodes, risk.
// Works the same for real exports and for simulated sensor traces.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "analysis/glucose_series.hpp"

namespace isletsim {

enum class MetricScale {
  kNone,     // unit-free or percent: shown as is
  kGlucose,  // a glucose concentration or a difference of two (mg/dl); converted when mmol/l is asked for
  kGlucoseRate,  // mg/dl per minute or per hour; converted likewise
};

struct CgmMetric {
  std::string key;     // stable machine name, e.g. "time_in_range_70_180_percent"
  std::string label;   // for people, e.g. "Time in range 70-180 mg/dl"
  double value = 0;    // in mg/dl based units; NaN when undefined for this trace
  std::string unit;    // unit of `value` ("mg/dl", "%", "episodes/day", "" ...)
  MetricScale scale = MetricScale::kNone;
  std::string source;  // short citation
};

struct CgmMetricTable {
  std::vector<CgmMetric> metrics;
  const CgmMetric* find(const std::string& key) const;
};

// Samples must be sorted by time without duplicate times (as importers return them); at least one sample.
CgmMetricTable compute_cgm_metrics(std::span<const GlucoseSample> samples);

// The value and unit of a metric in the units asked for (mg/dl or mmol/l).
double metric_value_in(const CgmMetric& metric, bool mmol_per_litre);
std::string metric_unit_in(const CgmMetric& metric, bool mmol_per_litre);

}  // namespace isletsim
