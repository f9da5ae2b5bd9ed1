#include "analysis/regular_glucose_grid.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace isletsim {

std::size_t RegularGlucoseGrid::valid_count() const {
  return static_cast<std::size_t>(
      std::count_if(glucose_mg_dl.begin(), glucose_mg_dl.end(), [](double g) { return !std::isnan(g); }));
}

double median_sampling_interval_min(std::span<const GlucoseSample> samples) {
  if (samples.size() < 2) return std::nan("");
  std::vector<double> intervals;
  intervals.reserve(samples.size() - 1);
  for (std::size_t i = 1; i < samples.size(); ++i) intervals.push_back(samples[i].time_min - samples[i - 1].time_min);
  const double median = quantile_type7(intervals, 0.5);
  return std::nearbyint(median);  // default rounding mode: half to even, as R's round()
}

RegularGlucoseGrid make_regular_glucose_grid(std::span<const GlucoseSample> samples,
                                             const RegularGridOptions& options) {
  RegularGlucoseGrid grid;
  if (samples.size() < 2) return grid;
  double step = options.step_min > 0 ? options.step_min : median_sampling_interval_min(samples);
  if (!(step >= 1.0)) step = 1.0;  // readings closer than 30 s apart: use a 1-minute grid
  step = std::min(step, units::kMinutesPerDay);  // readings days apart: one point a day
  // A grid step must divide the day; otherwise use the nearest divisor below (5 min CGM: unchanged).
  while (std::fmod(units::kMinutesPerDay, step) != 0.0) step -= 1.0;
  grid.step_min = step;
  const double first = samples.front().time_min;
  const double last = samples.back().time_min;
  const double days = std::ceil((last - first) / units::kMinutesPerDay + 1.0);
  if (days > kMaxGridDays) return grid;  // not a CGM trace: grid metrics are left undefined
  grid.days = static_cast<int>(days);
  grid.points_per_day = static_cast<int>(units::kMinutesPerDay / step);
  grid.first_midnight_min = std::floor(first / units::kMinutesPerDay) * units::kMinutesPerDay;
  const std::size_t count = static_cast<std::size_t>(grid.days) * static_cast<std::size_t>(grid.points_per_day);
  grid.glucose_mg_dl.assign(count, std::nan(""));
  std::size_t right = 0;  // first sample with time >= t
  for (std::size_t k = 0; k < count; ++k) {
    const double t = grid.time_of(k);
    if (t < first || t > last) continue;
    while (right < samples.size() && samples[right].time_min < t) ++right;
    if (right >= samples.size()) break;
    if (samples[right].time_min == t) {
      grid.glucose_mg_dl[k] = samples[right].glucose_mg_dl;
      continue;
    }
    const GlucoseSample& a = samples[right - 1];
    const GlucoseSample& b = samples[right];
    if (b.time_min - a.time_min > options.max_gap_min) continue;  // inside a long gap: no data
    const double weight = (t - a.time_min) / (b.time_min - a.time_min);
    grid.glucose_mg_dl[k] = a.glucose_mg_dl + weight * (b.glucose_mg_dl - a.glucose_mg_dl);
  }
  return grid;
}

}  // namespace isletsim
