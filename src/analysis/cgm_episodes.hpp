// Hypo- and hyperglycaemic episodes -- Battelino et al. 2023, "Continuous glucose monitoring and metrics for
// clinical trials: an international consensus statement", Lancet Diabetes Endocrinol 11:42-57 (Table 3), following
// Danne et al. 2017, Diabetes Care 40:1631-1640:
//  - an episode begins when glucose stays beyond the threshold (< 70 or < 54 mg/dl for level 1 / level 2
//    hypoglycaemia, > 180 or > 250 mg/dl for level 1 / level 2 hyperglycaemia) for at least 15 consecutive minutes;
//  - it ends when glucose stays back within the threshold for at least 15 consecutive minutes;
//  - extended hypoglycaemia: < 70 mg/dl for at least 120 consecutive minutes, ended like the others;
//  - level 1 "exclusive" episodes are level 1 episodes that hold no level 2 episode.
// Computed on the RegularGlucoseGrid (consecutive = consecutive grid points, durations rounded up to whole grid
// steps). Grid points without data (gaps) neither extend nor end an episode and are not counted in its duration
// or its mean glucose. Episodes per day divide by the days with data (valid grid points x step / 1440).
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/regular_glucose_grid.hpp"

namespace isletsim {

enum class ExcursionSide { kBelow, kAbove };

struct EpisodeRule {
  double threshold_mg_dl = 70;
  ExcursionSide side = ExcursionSide::kBelow;
  double min_duration_min = 15;  // to begin
  double end_duration_min = 15;  // back within the threshold, to end
};

struct GlucoseEpisode {
  std::size_t first_point = 0;  // grid index of the first point beyond the threshold
  std::size_t end_point = 0;    // grid index one past the episode (where the recovery run begins)
  double start_min = 0;         // wall-clock minute of first_point
  double duration_min = 0;      // grid points with data in [first_point, end_point) x step
  double mean_glucose_mg_dl = 0;
};

std::vector<GlucoseEpisode> find_glucose_episodes(const RegularGlucoseGrid& grid, const EpisodeRule& rule);

struct EpisodeSummary {
  int total_episodes = 0;
  double episodes_per_day = 0;
  double mean_duration_min = 0;     // 0 when there are none
  double mean_glucose_mg_dl = 0;    // NaN when there are none
};

struct ConsensusEpisodes {
  EpisodeSummary hypo_level1, hypo_level2, hypo_extended, hyper_level1, hyper_level2;
  EpisodeSummary hypo_level1_exclusive, hyper_level1_exclusive;
  double days_with_data = 0;
};

EpisodeSummary summarize_episodes(const std::vector<GlucoseEpisode>& episodes, double days_with_data);
ConsensusEpisodes consensus_episodes(const RegularGlucoseGrid& grid);
// Level 1 episodes that overlap no level 2 episode.
std::vector<GlucoseEpisode> exclusive_episodes(const std::vector<GlucoseEpisode>& level1,
                                               const std::vector<GlucoseEpisode>& level2);

}  // namespace isletsim
