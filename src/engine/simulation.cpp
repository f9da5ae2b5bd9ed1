#include "engine/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "engine/care_loop.hpp"
#include "engine/ordered_executor.hpp"
#include "engine/time_series_recorder.hpp"

namespace isletsim {

namespace {

CareLane scenario_lane(const Scenario& scenario, std::uint64_t subject_index) {
  CareLane lane;
  lane.meals = scenario.meals;
  lane.sensor = scenario.sensor;
  lane.seed = scenario.seed;
  lane.subject_index = subject_index;
  lane.pump = scenario.pump;
  return lane;
}

// Subjects [first, first + count) of the scenario through one care loop.
std::vector<SubjectTimeSeries> simulate_batch(const Scenario& scenario, const Backend& backend, std::size_t first,
                                              std::size_t count) {
  const long minutes = std::lround(scenario.duration_min);
  std::vector<VirtualSubject> subjects;
  std::vector<std::unique_ptr<Controller>> controllers;
  std::vector<ControllerTherapy> therapies;
  std::vector<SubjectTimeSeries> series(count);
  std::vector<TimeSeriesRecorder> recorders;
  therapies.reserve(count);
  recorders.reserve(count);
  std::vector<CareLane> lanes;
  for (std::size_t k = 0; k < count; ++k) {
    const UvaPadovaParameters& subject = scenario.subjects[first + k];
    subjects.emplace_back(subject);
    controllers.push_back(make_controller(scenario.controller, subject, scenario.seed, first + k));
    therapies.emplace_back(*controllers.back(), scenario.controller.control_interval_min);
    series[k].subject = subject.name;
    series[k].reserve(static_cast<std::size_t>(std::max(0L, minutes)));
    recorders.emplace_back(series[k]);
    CareLane lane = scenario_lane(scenario, first + k);
    lane.therapy = &therapies.back();
    lane.recorder = &recorders.back();
    lanes.push_back(std::move(lane));
  }
  CareLoop loop(backend, subjects, std::move(lanes), {scenario.start_time_of_day_min});
  loop.run(minutes);
  return series;
}

}  // namespace

SubjectTimeSeries simulate_subject(const Scenario& scenario, const UvaPadovaParameters& subject,
                                   std::uint64_t subject_index, Controller& controller, const Backend& backend) {
  const long minutes = std::lround(scenario.duration_min);
  SubjectTimeSeries series;
  series.subject = subject.name;
  series.reserve(static_cast<std::size_t>(std::max(0L, minutes)));
  TimeSeriesRecorder recorder(series);
  ControllerTherapy therapy(controller, scenario.controller.control_interval_min);
  CareLane lane = scenario_lane(scenario, subject_index);
  lane.therapy = &therapy;
  lane.recorder = &recorder;
  const VirtualSubject subjects[] = {subject};
  std::vector<CareLane> lanes;
  lanes.push_back(std::move(lane));
  CareLoop loop(backend, subjects, std::move(lanes), {scenario.start_time_of_day_min});
  loop.run(minutes);
  return series;
}

SubjectTimeSeries simulate_subject(const Scenario& scenario, const UvaPadovaParameters& subject,
                                   std::uint64_t subject_index) {
  auto controller = make_controller(scenario.controller, subject, scenario.seed, subject_index);
  return simulate_subject(scenario, subject, subject_index, *controller, backend_named(scenario.backend));
}

std::size_t batch_width_for(std::size_t subjects, unsigned threads) {
  const std::size_t per_thread = (subjects + executor_threads(threads) - 1) / executor_threads(threads);
  return std::clamp<std::size_t>(per_thread, 1, 64);
}

void run_cohort(const Scenario& scenario, const CohortRunOptions& options,
                const std::function<void(std::size_t, const SubjectTimeSeries&)>& consume) {
  const Backend& backend = backend_named(options.backend.empty() ? scenario.backend : options.backend);
  const std::size_t count = scenario.subjects.size();
  const std::size_t width = options.batch_width > 0 ? options.batch_width : batch_width_for(count, options.threads);
  const std::size_t batches = (count + width - 1) / width;
  run_ordered<std::vector<SubjectTimeSeries>>(
      batches, options.threads,
      [&](std::size_t b) { return simulate_batch(scenario, backend, b * width, std::min(width, count - b * width)); },
      [&](std::size_t b, std::vector<SubjectTimeSeries>&& series) {
        for (std::size_t k = 0; k < series.size(); ++k) consume(b * width + k, series[k]);
      });
}

}  // namespace isletsim
