// The public simulate API (include/isletsim/simulate.hpp) over the engine's cohort runner (engine/simulation.hpp).
#include "isletsim/simulate.hpp"

#include <chrono>
#include <stdexcept>

#include <fmt/format.h>

#include "engine/backend.hpp"
#include "engine/simulation.hpp"
#include "io/scenario_toml.hpp"

namespace isletsim {

bool SimulateOptions::is_valid(std::string* error) const {
  if (!backend.empty()) {
    try {
      backend_named(backend);
    } catch (const std::invalid_argument& e) {
      if (error != nullptr) *error = e.what();
      return false;
    }
  }
  return true;
}

std::string SimulateSummary::brief_report() const {
  return fmt::format("{} subjects x {:g} days on backend \"{}\" in {:.3g} s ({:.0f} patient-days/s)", subjects,
                     minutes_per_subject / 1440.0, backend, wall_time_s, patient_days_per_second());
}

std::string SimulateSummary::full_report() const {
  return fmt::format(
      "backend: {}\nsubjects: {}\nsimulated per subject: {:g} min ({:g} days)\npatient-days: {:g}\n"
      "wall time: {:.3f} s\npatient-days per second: {:.0f}\n",
      backend, subjects, minutes_per_subject, minutes_per_subject / 1440.0, patient_days(), wall_time_s,
      patient_days_per_second());
}

Scenario load_scenario(const std::filesystem::path& path) { return read_scenario_toml(path); }

void simulate(const Scenario& scenario, const SimulateOptions& options,
              const std::function<void(std::size_t, const SubjectTimeSeries&)>& consume, SimulateSummary* summary) {
  std::string error;
  if (!options.is_valid(&error)) throw std::invalid_argument(error);
  CohortRunOptions run;
  run.backend = options.backend.empty() ? scenario.backend : options.backend;
  run.threads = options.threads;
  run.batch_width = options.batch_width;
  const auto start = std::chrono::steady_clock::now();
  run_cohort(scenario, run, consume);
  if (summary != nullptr) {
    summary->backend = run.backend;
    summary->subjects = scenario.subjects.size();
    summary->minutes_per_subject = scenario.duration_min;
    summary->wall_time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
}

std::vector<SubjectTimeSeries> simulate(const Scenario& scenario, const SimulateOptions& options,
                                        SimulateSummary* summary) {
  std::vector<SubjectTimeSeries> all;
  simulate(scenario, options, [&](std::size_t, const SubjectTimeSeries& series) { all.push_back(series); }, summary);
  return all;
}

SubjectTimeSeries simulate_subject(const Scenario& scenario, const UvaPadovaParameters& subject,
                                   std::uint64_t subject_index, Controller& controller,
                                   const SimulateOptions& options) {
  std::string error;
  if (!options.is_valid(&error)) throw std::invalid_argument(error);
  return simulate_subject(scenario, subject, subject_index, controller,
                          backend_named(options.backend.empty() ? scenario.backend : options.backend));
}

}  // namespace isletsim
