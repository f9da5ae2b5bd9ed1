#include "analysis/cgm_variability_metrics.hpp"

#include <cmath>
#include <vector>

namespace isletsim {

namespace {

// G(t) - G(t - lag_points) for every pair with data at both ends.
std::vector<double> lagged_differences(const RegularGlucoseGrid& grid, std::size_t lag_points) {
  std::vector<double> differences;
  const auto& g = grid.glucose_mg_dl;
  for (std::size_t k = lag_points; k < g.size(); ++k) {
    if (!std::isnan(g[k]) && !std::isnan(g[k - lag_points])) differences.push_back(g[k] - g[k - lag_points]);
  }
  return differences;
}

std::size_t points_for(const RegularGlucoseGrid& grid, double minutes) {
  const double points = std::nearbyint(minutes / grid.step_min);
  return points < 1 ? 1 : static_cast<std::size_t>(points);
}

// Every n-th grid value, starting with the first grid point.
std::vector<double> every_nth(const RegularGlucoseGrid& grid, std::size_t stride) {
  std::vector<double> values;
  for (std::size_t k = 0; k < grid.glucose_mg_dl.size(); k += stride) values.push_back(grid.glucose_mg_dl[k]);
  return values;
}

}  // namespace

double conga(const RegularGlucoseGrid& grid, double lag_hours) {
  return sample_sd_of(lagged_differences(grid, points_for(grid, lag_hours * 60.0)));
}

double mean_of_daily_differences(const RegularGlucoseGrid& grid, double lag_days) {
  std::vector<double> differences = lagged_differences(grid, points_for(grid, lag_days * 1440.0));
  for (double& d : differences) d = std::abs(d);
  return mean_of(differences);
}

double mean_absolute_glucose_change(const RegularGlucoseGrid& grid, double every_n_min) {
  const std::size_t stride = points_for(grid, every_n_min > 0 ? every_n_min : grid.step_min);
  const std::vector<double> sampled = every_nth(grid, stride);
  double total_change = 0;
  int difference_count = 0;
  for (std::size_t k = 1; k < sampled.size(); ++k) {
    if (std::isnan(sampled[k]) || std::isnan(sampled[k - 1])) continue;
    total_change += std::abs(sampled[k] - sampled[k - 1]);
    ++difference_count;
  }
  if (difference_count == 0) return std::nan("");
  const double hours = difference_count * static_cast<double>(stride) * grid.step_min / 60.0;
  return total_change / hours;
}

double mean_absolute_glucose_change_per_reading(const RegularGlucoseGrid& grid, double every_n_min) {
  const std::size_t stride = points_for(grid, every_n_min);
  const std::vector<double> sampled = every_nth(grid, stride);
  double total_change = 0;
  int reading_count = 0;
  for (std::size_t k = 0; k < sampled.size(); ++k) {
    if (std::isnan(sampled[k])) continue;
    ++reading_count;
    if (k > 0 && !std::isnan(sampled[k - 1])) total_change += std::abs(sampled[k] - sampled[k - 1]);
  }
  if (reading_count == 0) return std::nan("");
  return total_change / (reading_count * static_cast<double>(stride) * grid.step_min / 60.0);
}

double glycemic_variability_percentage(const RegularGlucoseGrid& grid) {
  const std::vector<double> differences = lagged_differences(grid, 1);
  if (differences.empty()) return std::nan("");
  double trace_length = 0;
  for (const double d : differences) trace_length += std::sqrt(grid.step_min * grid.step_min + d * d);
  const double flat_length = static_cast<double>(differences.size()) * grid.step_min;
  return (trace_length / flat_length - 1.0) * 100.0;
}

double sd_of_rate_of_change(const RegularGlucoseGrid& grid, double lag_min) {
  const std::size_t lag_points = points_for(grid, lag_min);
  std::vector<double> rates = lagged_differences(grid, lag_points);
  for (double& r : rates) r /= static_cast<double>(lag_points) * grid.step_min;
  return sample_sd_of(rates);
}

}  // namespace isletsim
