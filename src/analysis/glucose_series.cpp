#include "analysis/glucose_series.hpp"

#include <algorithm>
#include <cmath>

namespace isletsim {

std::vector<double> glucose_values_mg_dl(std::span<const GlucoseSample> samples) {
  std::vector<double> values;
  values.reserve(samples.size());
  for (const auto& sample : samples) values.push_back(sample.glucose_mg_dl);
  return values;
}

int sort_and_deduplicate(std::vector<GlucoseSample>& samples) {
  std::stable_sort(samples.begin(), samples.end(),
                   [](const GlucoseSample& a, const GlucoseSample& b) { return a.time_min < b.time_min; });
  const auto old_size = samples.size();
  const auto last = std::unique(samples.begin(), samples.end(), [](const GlucoseSample& a, const GlucoseSample& b) {
    return a.time_min == b.time_min;
  });
  samples.erase(last, samples.end());
  return static_cast<int>(old_size - samples.size());
}

double mean_of(std::span<const double> values) {
  if (values.empty()) return std::nan("");
  double sum = 0;
  for (const double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double sample_sd_of(std::span<const double> values) {
  if (values.size() < 2) return std::nan("");
  const double mean = mean_of(values);
  double sum_squares = 0;
  for (const double v : values) sum_squares += (v - mean) * (v - mean);
  return std::sqrt(sum_squares / static_cast<double>(values.size() - 1));
}

double quantile_type7(std::span<const double> values, double probability) {
  if (values.empty()) return std::nan("");
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  // Hyndman & Fan 1996, definition 7: h = (n - 1) p; Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
  const double h = static_cast<double>(sorted.size() - 1) * probability;
  const auto lower = static_cast<std::size_t>(std::floor(h));
  const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  return sorted[lower] + (h - std::floor(h)) * (sorted[upper] - sorted[lower]);
}

}  // namespace isletsim
