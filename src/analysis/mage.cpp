#include "analysis/mage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace isletsim {

namespace {

struct TurningPoint {
  bool is_peak = false;
  double glucose_mg_dl = 0;
};

// Segments of the grid split at long gaps, shorter gaps bridged linearly.
std::vector<std::vector<double>> split_into_segments(const RegularGlucoseGrid& grid, double max_gap_min) {
  std::vector<std::vector<double>> segments;
  const auto& g = grid.glucose_mg_dl;
  std::size_t k = 0;
  while (k < g.size() && std::isnan(g[k])) ++k;
  std::vector<double> current;
  while (k < g.size()) {
    if (!std::isnan(g[k])) {
      current.push_back(g[k]);
      ++k;
      continue;
    }
    std::size_t next = k;
    while (next < g.size() && std::isnan(g[next])) ++next;
    if (next == g.size()) break;  // trailing gap
    const std::size_t missing = next - k;
    if (static_cast<double>(missing) * grid.step_min > max_gap_min) {
      segments.push_back(std::move(current));
      current.clear();
    } else {
      const double before = current.back();
      const double after = g[next];
      for (std::size_t m = 1; m <= missing; ++m) {
        current.push_back(before + (after - before) * static_cast<double>(m) / static_cast<double>(missing + 1));
      }
    }
    k = next;
  }
  if (!current.empty()) segments.push_back(std::move(current));
  return segments;
}

std::vector<double> trailing_moving_average(const std::vector<double>& values, std::size_t window) {
  std::vector<double> average(values.size(), 0.0);
  double sum = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    sum += values[i];
    if (i >= window) sum -= values[i - window];
    if (i + 1 >= window) average[i] = sum / static_cast<double>(window);
  }
  for (std::size_t i = 0; i + 1 < window && i < values.size(); ++i) average[i] = average[window - 1];
  return average;
}

void push_merging(std::vector<TurningPoint>& points, const TurningPoint& point) {
  if (!points.empty() && points.back().is_peak == point.is_peak) {
    const bool more_extreme = point.is_peak ? point.glucose_mg_dl > points.back().glucose_mg_dl
                                            : point.glucose_mg_dl < points.back().glucose_mg_dl;
    if (more_extreme) points.back() = point;
    return;
  }
  points.push_back(point);
}

std::vector<TurningPoint> merged(const std::vector<TurningPoint>& points) {
  std::vector<TurningPoint> result;
  for (const auto& p : points) push_merging(result, p);
  return result;
}

struct SegmentExcursions {
  std::vector<double> rises;
  std::vector<double> falls;
  bool first_is_rise = true;
};

SegmentExcursions segment_excursions(const std::vector<double>& glucose, const MageOptions& options) {
  SegmentExcursions result;
  const auto short_ma = trailing_moving_average(glucose, static_cast<std::size_t>(options.short_window_points));
  const auto long_ma = trailing_moving_average(glucose, static_cast<std::size_t>(options.long_window_points));
  std::vector<double> delta(glucose.size());
  for (std::size_t i = 0; i < glucose.size(); ++i) delta[i] = short_ma[i] - long_ma[i];
  std::vector<std::size_t> crossings = {0};
  for (std::size_t i = 1; i < glucose.size(); ++i) {
    if (delta[i] * delta[i - 1] < 0) crossings.push_back(i);
  }
  crossings.push_back(glucose.size() - 1);
  std::vector<TurningPoint> points;
  for (std::size_t c = 0; c + 1 < crossings.size(); ++c) {
    const std::size_t from = crossings[c];
    const std::size_t to = crossings[c + 1];
    const double side = from + 1 < delta.size() ? delta[from + 1] : delta[from];
    const auto begin = glucose.begin() + static_cast<std::ptrdiff_t>(from);
    const auto end = glucose.begin() + static_cast<std::ptrdiff_t>(to) + 1;
    if (side > 0) push_merging(points, {true, *std::max_element(begin, end)});
    else push_merging(points, {false, *std::min_element(begin, end)});
  }
  const double sd = sample_sd_of(glucose);
  // Remove excursions smaller than one SD, smallest first.
  while (points.size() >= 2) {
    std::size_t smallest = 0;
    double smallest_height = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      const double height = std::abs(points[i + 1].glucose_mg_dl - points[i].glucose_mg_dl);
      if (height < smallest_height) {
        smallest_height = height;
        smallest = i;
      }
    }
    if (smallest_height >= sd) break;
    if (smallest == 0) {
      points.erase(points.begin());
    } else if (smallest + 2 == points.size()) {
      points.pop_back();
    } else {
      points.erase(points.begin() + static_cast<std::ptrdiff_t>(smallest),
                   points.begin() + static_cast<std::ptrdiff_t>(smallest) + 2);
    }
    points = merged(points);
  }
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    const double change = points[i + 1].glucose_mg_dl - points[i].glucose_mg_dl;
    if (std::abs(change) < sd) continue;
    if (result.rises.empty() && result.falls.empty()) result.first_is_rise = change > 0;
    if (change > 0) result.rises.push_back(change);
    else result.falls.push_back(-change);
  }
  return result;
}

}  // namespace

MageResult mean_amplitude_of_glycemic_excursions(const RegularGlucoseGrid& grid, const MageOptions& options) {
  double plus_sum = 0;
  double plus_weight = 0;
  double minus_sum = 0;
  double minus_weight = 0;
  double service_sum = 0;
  double service_weight = 0;
  double max_sum = 0;
  double max_weight = 0;
  MageResult result;
  for (const auto& segment : split_into_segments(grid, options.max_gap_min)) {
    if (segment.size() < static_cast<std::size_t>(options.long_window_points)) continue;
    const SegmentExcursions excursions = segment_excursions(segment, options);
    const auto weight = static_cast<double>(segment.size());
    result.excursion_count += static_cast<int>(excursions.rises.size() + excursions.falls.size());
    const double rises = mean_of(excursions.rises);
    const double falls = mean_of(excursions.falls);
    if (!std::isnan(rises)) {
      plus_sum += weight * rises;
      plus_weight += weight;
    }
    if (!std::isnan(falls)) {
      minus_sum += weight * falls;
      minus_weight += weight;
    }
    const double larger = std::isnan(rises) ? falls : std::isnan(falls) ? rises : std::max(rises, falls);
    if (!std::isnan(larger)) {
      max_sum += weight * larger;
      max_weight += weight;
    }
    const double service = excursions.first_is_rise ? rises : falls;
    if (!std::isnan(service)) {
      service_sum += weight * service;
      service_weight += weight;
    }
  }
  const double nan = std::nan("");
  result.mage_plus_mg_dl = plus_weight > 0 ? plus_sum / plus_weight : nan;
  result.mage_minus_mg_dl = minus_weight > 0 ? minus_sum / minus_weight : nan;
  result.mage_average_mg_dl = (result.mage_plus_mg_dl + result.mage_minus_mg_dl) / 2.0;
  result.mage_max_mg_dl = max_weight > 0 ? max_sum / max_weight : nan;
  result.mage_service_mg_dl = service_weight > 0 ? service_sum / service_weight : nan;
  return result;
}

double mage_naive(std::span<const double> glucose_mg_dl) {
  const double mean = mean_of(glucose_mg_dl);
  const double sd = sample_sd_of(glucose_mg_dl);
  std::vector<double> large_deviations;
  for (const double g : glucose_mg_dl) {
    if (std::abs(g - mean) > sd) large_deviations.push_back(std::abs(g - mean));
  }
  return mean_of(large_deviations);
}

}  // namespace isletsim
