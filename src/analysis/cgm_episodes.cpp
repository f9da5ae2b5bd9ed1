#include "analysis/cgm_episodes.hpp"

#include <cmath>

namespace isletsim {

namespace {

std::size_t points_covering(double minutes, double step_min) {
  const double points = std::ceil(minutes / step_min - 1e-9);
  return points < 1 ? 1 : static_cast<std::size_t>(points);
}

GlucoseEpisode close_episode(const RegularGlucoseGrid& grid, std::size_t first, std::size_t end) {
  GlucoseEpisode episode;
  episode.first_point = first;
  episode.end_point = end;
  episode.start_min = grid.time_of(first);
  double sum = 0;
  int count = 0;
  for (std::size_t k = first; k < end; ++k) {
    const double g = grid.glucose_mg_dl[k];
    if (std::isnan(g)) continue;
    sum += g;
    ++count;
  }
  episode.duration_min = count * grid.step_min;
  episode.mean_glucose_mg_dl = count > 0 ? sum / count : std::nan("");
  return episode;
}

}  // namespace

std::vector<GlucoseEpisode> find_glucose_episodes(const RegularGlucoseGrid& grid, const EpisodeRule& rule) {
  std::vector<GlucoseEpisode> episodes;
  const std::size_t begin_points = points_covering(rule.min_duration_min, grid.step_min);
  const std::size_t end_points = points_covering(rule.end_duration_min, grid.step_min);
  const auto& g = grid.glucose_mg_dl;
  bool in_episode = false;
  std::size_t run_beyond = 0;  // consecutive points beyond the threshold (outside an episode)
  std::size_t run_within = 0;  // consecutive points back within it (inside an episode)
  std::size_t episode_first = 0;
  for (std::size_t k = 0; k < g.size(); ++k) {
    if (std::isnan(g[k])) {
      // A gap interrupts a run: neither the beginning nor the recovery is "consecutive" across it.
      run_beyond = 0;
      run_within = 0;
      continue;
    }
    const bool beyond = rule.side == ExcursionSide::kBelow ? g[k] < rule.threshold_mg_dl : g[k] > rule.threshold_mg_dl;
    if (!in_episode) {
      run_beyond = beyond ? run_beyond + 1 : 0;
      if (run_beyond >= begin_points) {
        in_episode = true;
        episode_first = k + 1 - begin_points;
        run_within = 0;
      }
    } else {
      run_within = beyond ? 0 : run_within + 1;
      if (run_within >= end_points) {
        episodes.push_back(close_episode(grid, episode_first, k + 1 - end_points));
        in_episode = false;
        run_beyond = 0;
      }
    }
  }
  if (in_episode) episodes.push_back(close_episode(grid, episode_first, g.size()));
  return episodes;
}

EpisodeSummary summarize_episodes(const std::vector<GlucoseEpisode>& episodes, double days_with_data) {
  EpisodeSummary summary;
  summary.total_episodes = static_cast<int>(episodes.size());
  summary.episodes_per_day = days_with_data > 0 ? summary.total_episodes / days_with_data : std::nan("");
  if (episodes.empty()) {
    summary.mean_glucose_mg_dl = std::nan("");
    return summary;
  }
  double duration_sum = 0;
  double glucose_sum = 0;
  for (const auto& episode : episodes) {
    duration_sum += episode.duration_min;
    glucose_sum += episode.mean_glucose_mg_dl;
  }
  summary.mean_duration_min = duration_sum / static_cast<double>(episodes.size());
  summary.mean_glucose_mg_dl = glucose_sum / static_cast<double>(episodes.size());
  return summary;
}

std::vector<GlucoseEpisode> exclusive_episodes(const std::vector<GlucoseEpisode>& level1,
                                               const std::vector<GlucoseEpisode>& level2) {
  std::vector<GlucoseEpisode> exclusive;
  for (const auto& outer : level1) {
    bool holds_level2 = false;
    for (const auto& inner : level2) {
      if (inner.first_point < outer.end_point && outer.first_point < inner.end_point) holds_level2 = true;
    }
    if (!holds_level2) exclusive.push_back(outer);
  }
  return exclusive;
}

ConsensusEpisodes consensus_episodes(const RegularGlucoseGrid& grid) {
  ConsensusEpisodes result;
  result.days_with_data = static_cast<double>(grid.valid_count()) * grid.step_min / 1440.0;
  // Battelino 2023, Table 3 thresholds and durations.
  const auto hypo1 = find_glucose_episodes(grid, {70, ExcursionSide::kBelow, 15, 15});
  const auto hypo2 = find_glucose_episodes(grid, {54, ExcursionSide::kBelow, 15, 15});
  const auto hypo_extended = find_glucose_episodes(grid, {70, ExcursionSide::kBelow, 120, 15});
  const auto hyper1 = find_glucose_episodes(grid, {180, ExcursionSide::kAbove, 15, 15});
  const auto hyper2 = find_glucose_episodes(grid, {250, ExcursionSide::kAbove, 15, 15});
  const double days = result.days_with_data;
  result.hypo_level1 = summarize_episodes(hypo1, days);
  result.hypo_level2 = summarize_episodes(hypo2, days);
  result.hypo_extended = summarize_episodes(hypo_extended, days);
  result.hyper_level1 = summarize_episodes(hyper1, days);
  result.hyper_level2 = summarize_episodes(hyper2, days);
  result.hypo_level1_exclusive = summarize_episodes(exclusive_episodes(hypo1, hypo2), days);
  result.hyper_level1_exclusive = summarize_episodes(exclusive_episodes(hyper1, hyper2), days);
  return result;
}

}  // namespace isletsim
