#include "analysis/cgm_summary_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/regular_glucose_grid.hpp"
#include "core/units.hpp"

namespace isletsim {

double glucose_management_indicator_percent(double mean_glucose_mg_dl) {
  return 3.31 + 0.02392 * mean_glucose_mg_dl;  // Bergenstal 2018
}

double estimated_a1c_percent(double mean_glucose_mg_dl) {
  return (46.7 + mean_glucose_mg_dl) / 28.7;  // Nathan 2008 (ADAG)
}

double j_index(double mean_glucose_mg_dl, double sd_glucose_mg_dl) {
  const double sum = mean_glucose_mg_dl + sd_glucose_mg_dl;
  return 0.001 * sum * sum;  // Wojcicki 1995
}

CgmSummary summarize_cgm(std::span<const GlucoseSample> samples) {
  CgmSummary summary;
  const std::vector<double> glucose = glucose_values_mg_dl(samples);
  summary.reading_count = static_cast<int>(glucose.size());
  summary.mean_mg_dl = mean_of(glucose);
  summary.sd_mg_dl = sample_sd_of(glucose);
  summary.cv_percent = 100.0 * summary.sd_mg_dl / summary.mean_mg_dl;
  summary.min_mg_dl = quantile_type7(glucose, 0.0);
  summary.q25_mg_dl = quantile_type7(glucose, 0.25);
  summary.median_mg_dl = quantile_type7(glucose, 0.5);
  summary.q75_mg_dl = quantile_type7(glucose, 0.75);
  summary.max_mg_dl = quantile_type7(glucose, 1.0);
  summary.iqr_mg_dl = summary.q75_mg_dl - summary.q25_mg_dl;
  summary.range_mg_dl = summary.max_mg_dl - summary.min_mg_dl;
  std::vector<double> deviations;
  deviations.reserve(glucose.size());
  for (const double g : glucose) deviations.push_back(std::abs(g - summary.median_mg_dl));
  summary.mad_mg_dl = 1.4826 * quantile_type7(deviations, 0.5);
  summary.gmi_percent = glucose_management_indicator_percent(summary.mean_mg_dl);
  summary.ea1c_percent = estimated_a1c_percent(summary.mean_mg_dl);
  summary.j_index = j_index(summary.mean_mg_dl, summary.sd_mg_dl);
  if (!samples.empty()) {
    summary.start_min = samples.front().time_min;
    summary.end_min = samples.back().time_min;
    const double span_min = summary.end_min - summary.start_min;
    summary.span_days = span_min / units::kMinutesPerDay;
    summary.ndays_rounded = std::nearbyint(summary.span_days * 10.0) / 10.0;
    const double step_min = samples.size() >= 2 ? median_sampling_interval_min(samples) : 5.0;
    const double expected = std::nearbyint(span_min / std::max(step_min, 1.0)) + 1.0;
    summary.active_percent = std::min(100.0, 100.0 * static_cast<double>(samples.size()) / expected);
  }
  return summary;
}

}  // namespace isletsim
