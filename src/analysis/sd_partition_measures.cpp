#include "analysis/sd_partition_measures.hpp"

#include <cmath>
#include <vector>

namespace isletsim {

namespace {

std::vector<double> day_values(const RegularGlucoseGrid& grid, int day) {
  std::vector<double> values;
  for (int point = 0; point < grid.points_per_day; ++point) {
    const double g = grid.at(day, point);
    if (!std::isnan(g)) values.push_back(g);
  }
  return values;
}

std::vector<double> time_of_day_values(const RegularGlucoseGrid& grid, int point, const std::vector<double>* shift) {
  std::vector<double> values;
  for (int day = 0; day < grid.days; ++day) {
    const double g = grid.at(day, point);
    if (!std::isnan(g)) values.push_back(shift != nullptr ? g - (*shift)[static_cast<std::size_t>(day)] : g);
  }
  return values;
}

double mean_of_finite(const std::vector<double>& values) {
  std::vector<double> finite;
  for (const double v : values) {
    if (!std::isnan(v)) finite.push_back(v);
  }
  return mean_of(finite);
}

double sd_of_finite(const std::vector<double>& values) {
  std::vector<double> finite;
  for (const double v : values) {
    if (!std::isnan(v)) finite.push_back(v);
  }
  return sample_sd_of(finite);
}

}  // namespace

SdPartition sd_partition_measures(const RegularGlucoseGrid& grid) {
  SdPartition result;
  std::vector<double> within_day_sds;
  std::vector<double> daily_means;
  for (int day = 0; day < grid.days; ++day) {
    const std::vector<double> values = day_values(grid, day);
    within_day_sds.push_back(sample_sd_of(values));
    daily_means.push_back(mean_of(values));
  }
  result.sd_within_days = mean_of_finite(within_day_sds);
  result.sd_daily_means = sd_of_finite(daily_means);

  std::vector<double> time_of_day_means;
  std::vector<double> between_day_sds;
  std::vector<double> corrected_between_day_sds;
  for (int point = 0; point < grid.points_per_day; ++point) {
    const std::vector<double> values = time_of_day_values(grid, point, nullptr);
    time_of_day_means.push_back(mean_of(values));
    between_day_sds.push_back(sample_sd_of(values));
    corrected_between_day_sds.push_back(sample_sd_of(time_of_day_values(grid, point, &daily_means)));
  }
  result.sd_time_of_day_means = sd_of_finite(time_of_day_means);
  result.sd_between_days = mean_of_finite(between_day_sds);
  result.sd_between_days_corrected = mean_of_finite(corrected_between_day_sds);

  const auto window = static_cast<std::size_t>(std::nearbyint(60.0 / grid.step_min));
  std::vector<double> window_sds;
  const auto& g = grid.glucose_mg_dl;
  for (std::size_t start = 0; window >= 1 && start + window <= g.size(); ++start) {
    std::vector<double> values;
    for (std::size_t k = start; k < start + window; ++k) {
      if (!std::isnan(g[k])) values.push_back(g[k]);
    }
    window_sds.push_back(sample_sd_of(values));
  }
  result.sd_within_hour_series = mean_of_finite(window_sds);
  return result;
}

DailyCv daily_cv_measures(const RegularGlucoseGrid& grid) {
  std::vector<double> daily_cvs;
  for (int day = 0; day < grid.days; ++day) {
    const std::vector<double> values = day_values(grid, day);
    if (values.size() < 2) continue;
    daily_cvs.push_back(100.0 * sample_sd_of(values) / mean_of(values));
  }
  return {mean_of(daily_cvs), sample_sd_of(daily_cvs)};
}

}  // namespace isletsim
