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

// A stretch of the grid between gaps longer than max_gap; points inside shorter gaps stay missing (NaN): they are
// not bridged, so no excursion is made up where there is no data.
struct Segment {
  std::vector<double> glucose_mg_dl;  // starts and ends with a reading
  double duration_min = 0;            // first to last point: the segment's weight
};

// The grid from its first to its last reading, cut wherever two consecutive readings are more than max_gap apart.
std::vector<Segment> split_into_segments(const RegularGlucoseGrid& grid, double max_gap_min) {
  std::vector<Segment> segments;
  const auto& g = grid.glucose_mg_dl;
  Segment current;
  std::size_t last_valid = g.size();
  for (std::size_t k = 0; k < g.size(); ++k) {
    if (std::isnan(g[k])) continue;
    if (last_valid != g.size()) {
      if (static_cast<double>(k - last_valid) * grid.step_min > max_gap_min) {
        segments.push_back(std::move(current));
        current = Segment{};
      } else {
        current.glucose_mg_dl.insert(current.glucose_mg_dl.end(), k - last_valid - 1, std::nan(""));
      }
    }
    current.glucose_mg_dl.push_back(g[k]);
    last_valid = k;
  }
  if (!current.glucose_mg_dl.empty()) segments.push_back(std::move(current));
  for (auto& segment : segments) {
    segment.duration_min = static_cast<double>(segment.glucose_mg_dl.size() - 1) * grid.step_min;
  }
  return segments;
}

// Trailing moving average over `window` grid points, of the readings present in the window (NaN when none). The
// first points, before a window is full, take the first full window's average (the whole segment's when it is
// shorter than the window).
std::vector<double> trailing_moving_average(const std::vector<double>& values, std::size_t window) {
  std::vector<double> average(values.size(), std::nan(""));
  // Each window summed afresh, in index order: when the short and the long window hold the same readings (after a
  // gap) their averages are then exactly equal, as they should be, instead of differing by a running sum's
  // rounding -- which would make up a crossing.
  for (std::size_t i = 0; i < values.size(); ++i) {
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t k = i + 1 > window ? i + 1 - window : 0; k <= i; ++k) {
      if (std::isnan(values[k])) continue;
      sum += values[k];
      ++count;
    }
    if (count > 0) average[i] = sum / static_cast<double>(count);
  }
  const std::size_t first_full = std::min(window, values.size()) - 1;
  for (std::size_t i = 0; i < first_full; ++i) average[i] = average[first_full];
  return average;
}

double sample_sd_of_present(const std::vector<double>& values) {
  std::vector<double> present;
  for (const double v : values) {
    if (!std::isnan(v)) present.push_back(v);
  }
  return sample_sd_of(present);
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
  for (std::size_t i = 0; i < glucose.size(); ++i) {
    delta[i] = short_ma[i] - long_ma[i];
  }
  // Crossings of the two averages. Each one opens an interval whose turning point is a peak (short above long
  // after it) or a nadir; the first point opens the first interval, the last point closes the last.
  struct Crossing {
    std::size_t index;
    bool opens_peak;
  };
  std::vector<Crossing> crossings = {{0, delta[0] > 0}};
  for (double& d : delta) {
    if (d == 0) d = std::nan("");  // exactly equal averages: neither side, like a missing value
  }
  for (std::size_t i = 1; i < glucose.size(); ++i) {
    if (std::isnan(delta[i])) continue;
    const bool neighbours_present = !std::isnan(glucose[i]) && !std::isnan(glucose[i - 1]) && !std::isnan(delta[i - 1]);
    // Across missing readings, the sign is compared with the one at the last crossing instead.
    const double before = neighbours_present ? delta[i - 1] : delta[crossings.back().index];
    if (delta[i] * before < 0) crossings.push_back({i, delta[i] > before});
  }
  crossings.push_back({glucose.size() - 1, delta.back() > 0});
  // The turning point of each interval: the highest (peak) or lowest (nadir) reading from the previous turning point
  // (the first point for the first interval) to the crossing that closes it, the earliest of equal readings.
  std::vector<TurningPoint> points;
  std::size_t search_from = 0;
  for (std::size_t c = 0; c + 1 < crossings.size(); ++c) {
    const bool peak = crossings[c].opens_peak;
    std::size_t best = search_from;
    for (std::size_t i = search_from; i <= crossings[c + 1].index; ++i) {
      if (std::isnan(glucose[i])) continue;
      if (std::isnan(glucose[best]) || (peak ? glucose[i] > glucose[best] : glucose[i] < glucose[best])) best = i;
    }
    push_merging(points, {peak, glucose[best]});
    search_from = best;
  }
  const double sd = sample_sd_of_present(glucose);
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
    const auto& glucose = segment.glucose_mg_dl;
    // Too short or too flat for excursions (at least 7 points and one short window, SD >= 1 mg/dl).
    if (glucose.size() < 7 || glucose.size() < static_cast<std::size_t>(options.short_window_points) ||
        !(sample_sd_of_present(glucose) >= 1.0)) {
      continue;
    }
    const SegmentExcursions excursions = segment_excursions(glucose, options);
    const double weight = segment.duration_min;
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
  // Each segment's MAGE+ and MAGE- enter the average with the segment's duration as weight (the same as the mean of
  // MAGE+ and MAGE- when every segment has both).
  result.mage_average_mg_dl =
      plus_weight + minus_weight > 0 ? (plus_sum + minus_sum) / (plus_weight + minus_weight) : nan;
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
