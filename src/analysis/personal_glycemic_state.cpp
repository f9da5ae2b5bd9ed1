#include "analysis/personal_glycemic_state.hpp"

#include <cmath>

#include "analysis/cgm_episodes.hpp"
#include "analysis/cgm_variability_metrics.hpp"
#include "analysis/time_in_ranges.hpp"

namespace isletsim {

PersonalGlycemicState personal_glycemic_state(std::span<const GlucoseSample> samples, const RegularGlucoseGrid& grid) {
  PersonalGlycemicState result;
  const std::vector<double> glucose = glucose_values_mg_dl(samples);
  const double gvp = glycemic_variability_percentage(grid);
  const double mean_glucose = mean_of(glucose);
  const double time_in_range_percent = 100.0 * fraction_between(glucose, 70.0, 180.0);
  const double days = static_cast<double>(grid.valid_count()) * grid.step_min / 1440.0;
  const auto per_week = [&](double threshold) {
    const auto episodes = find_glucose_episodes(grid, {threshold, ExcursionSide::kBelow, 20.0, 30.0});
    return days > 0 ? static_cast<double>(episodes.size()) / days * 7.0 : std::nan("");
  };
  result.episodes_below_54_per_week = per_week(54.0);
  result.episodes_below_70_per_week = per_week(70.0);
  // Hirsch 2017 scoring functions.
  result.f_gvp = 1.0 + 9.0 / (1.0 + std::exp(-0.049 * (gvp - 65.47)));
  result.f_mean_glucose = 1.0 + 9.0 * (1.0 / (1.0 + std::exp(0.1139 * (mean_glucose - 72.08))) +
                                       1.0 / (1.0 + std::exp(-0.09195 * (mean_glucose - 157.57))));
  result.f_time_in_range = 1.0 + 9.0 / (1.0 + std::exp(0.0833 * (time_in_range_percent - 55.04)));
  const double n54 = result.episodes_below_54_per_week;
  const double n70 = result.episodes_below_70_per_week;
  const double f54 = 0.5 + 4.5 * (1.0 - std::exp(-0.91093 * n54));
  const double f70 = n70 <= 7.65 ? 0.5714 * n70 + 0.625 : 5.0;
  result.f_hypoglycemia = f54 + f70;
  result.pgs = result.f_gvp + result.f_mean_glucose + result.f_time_in_range + result.f_hypoglycemia;
  return result;
}

}  // namespace isletsim
