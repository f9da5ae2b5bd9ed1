#include "trial/visit_endpoints.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "analysis/cgm_episodes.hpp"
#include "analysis/time_in_ranges.hpp"

namespace isletsim {

namespace {

// Samples of `series` (one per CGM interval, sample k at k * interval) with t in [first_day, last_day) days.
std::span<const double> samples_between(const std::vector<double>& series, double interval, int first_day,
                                        int last_day) {
  // Sample k is at k * interval; the first at or after day d's midnight is ceil(d * 1440 / interval).
  auto first_sample = [&](int day) {
    return std::min(series.size(),
                    static_cast<std::size_t>(std::ceil(static_cast<double>(day) * 1440.0 / interval - 1e-9)));
  };
  const std::size_t begin = first_sample(first_day);
  const std::size_t end = first_sample(last_day);
  return std::span<const double>(series).subspan(begin, end - begin);
}

std::span<const double> readings_between(const ParticipantRecord& record, int first_day, int last_day) {
  return samples_between(record.cgm_mg_dl, record.cgm_interval_min, first_day, last_day);
}

// Level 2 hypoglycaemia episodes (Battelino 2023, Table 3: < 54 mg/dl for >= 15 min, ended by >= 15 min >= 54) in
// samples taken every `interval` minutes from the midnight of `first_day`.
std::size_t level2_episodes(std::span<const double> samples, double interval, int first_day) {
  RegularGlucoseGrid grid;
  grid.step_min = interval;
  grid.first_midnight_min = static_cast<double>(first_day) * 1440.0 - grid.step_min;
  grid.days = 1;
  grid.points_per_day = static_cast<int>(samples.size());
  grid.glucose_mg_dl.assign(samples.begin(), samples.end());
  const EpisodeRule level2{54.0, ExcursionSide::kBelow, 15.0, 15.0};
  return find_glucose_episodes(grid, level2).size();
}

}  // namespace

std::vector<EndpointValue> cgm_insulin_endpoints(const ParticipantRecord& record, int visit_day,
                                                 int previous_visit_day) {
  const int window_start = std::max(0, visit_day - kCgmWindowDays);
  const auto window = readings_between(record, window_start, visit_day);
  const TimeInRanges ranges = time_in_ranges(window);
  double sum = 0;
  for (const double g : window) sum += g;
  const double mean_cgm = window.empty() ? std::nan("") : sum / static_cast<double>(window.size());

  // Level 2 hypoglycaemia episodes (Battelino 2023) among the readings since the previous visit.
  const auto since_previous = readings_between(record, previous_visit_day, visit_day);
  const std::size_t episodes = level2_episodes(since_previous, record.cgm_interval_min, previous_visit_day);
  // The same rule on plasma glucose sampled at the same instants: lows that happened, not what the sensor showed.
  const auto plasma_since_previous =
      samples_between(record.plasma_glucose_mg_dl, record.cgm_interval_min, previous_visit_day, visit_day);
  const double plasma_episodes =
      plasma_since_previous.empty()
          ? std::nan("")
          : static_cast<double>(level2_episodes(plasma_since_previous, record.cgm_interval_min, previous_visit_day));

  // Lowest plasma glucose of the days since the previous visit (model truth: what a CGM reading hides by its lag
  // and noise).
  double min_plasma = std::numeric_limits<double>::infinity();
  for (int d = previous_visit_day; d < visit_day && d < static_cast<int>(record.days.size()); ++d) {
    min_plasma = std::min(min_plasma, record.days[static_cast<std::size_t>(d)].min_plasma_glucose_mg_dl);
  }

  double insulin_u = 0;
  for (int d = window_start; d < visit_day; ++d) insulin_u += record.days[static_cast<std::size_t>(d)].exogenous_insulin_u;
  const auto window_days = static_cast<double>(visit_day - window_start);

  return {
      {"mean_glucose_mg_dl", mean_cgm},
      {"tir_70_180_percent", 100.0 * ranges.in_70_180},
      {"tbr_below_70_percent", 100.0 * ranges.below_70},
      {"tbr_below_54_percent", 100.0 * ranges.below_54},
      {"tar_above_180_percent", 100.0 * ranges.above_180},
      {"cgm_level2_hypo_events", static_cast<double>(episodes)},
      {"plasma_level2_hypo_events", plasma_episodes},
      {"min_plasma_glucose_mg_dl", std::isfinite(min_plasma) ? min_plasma : std::nan("")},
      {"insulin_u_per_day", insulin_u / window_days},
      {"insulin_independent", insulin_u == 0.0 ? 1.0 : 0.0},
  };
}

std::vector<double> hba1c_by_day(const ParticipantRecord& record, double baseline_mean_glucose_mg_dl,
                                 const HbA1cGlycationParameters& parameters) {
  HbA1cGlycation glycation(parameters, baseline_mean_glucose_mg_dl);
  std::vector<double> values{glycation.hba1c_percent()};
  for (const auto& day : record.days) {
    glycation.advance_one_day(day.mean_plasma_glucose_mg_dl);
    values.push_back(glycation.hba1c_percent());
  }
  return values;
}

double mean_plasma_glucose_mg_dl(const ParticipantRecord& record) {
  double sum = 0;
  for (const auto& day : record.days) sum += day.mean_plasma_glucose_mg_dl;
  return record.days.empty() ? std::nan("") : sum / static_cast<double>(record.days.size());
}

}  // namespace isletsim
