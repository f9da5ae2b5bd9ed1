// The public trial API (include/isletsim/trial.hpp) over the trial runner (trial/trial_runner.hpp).
#include "isletsim/trial.hpp"

#include <chrono>
#include <stdexcept>

#include <fmt/format.h>

#include "engine/backend.hpp"
#include "io/trial_toml.hpp"

namespace isletsim {

bool TrialOptions::is_valid(std::string* error) const {
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

std::string TrialSummary::brief_report() const {
  return fmt::format("screened {}, enrolled {}; {:.0f} patient-days on backend \"{}\" in {:.3g} s ({:.0f} "
                     "patient-days/s)",
                     screening.screened, screening.enrolled, patient_days(), backend, wall_time_s,
                     patient_days_per_second());
}

std::string TrialSummary::full_report() const {
  std::string text = fmt::format("backend: {}\nscreened: {}\neligible: {}\nenrolled: {}\n", backend,
                                 screening.screened, screening.eligible, screening.enrolled);
  for (const auto& [criterion, count] : screening.exclusions) text += fmt::format("excluded ({}): {}\n", criterion, count);
  text += fmt::format("patient-days simulated: {:.0f} in screening, {:.0f} in the trial\nwall time: {:.3f} s\n"
                      "patient-days per second: {:.0f}\n",
                      run_in_patient_days, trial_patient_days, wall_time_s, patient_days_per_second());
  return text;
}

TrialDefinition load_trial(const std::filesystem::path& path) { return read_trial_toml(path); }

void run_trial(const TrialDefinition& trial, const TrialOptions& options,
               const std::function<void(const ParticipantResult&)>& consume, TrialSummary* summary) {
  std::string error;
  if (!options.is_valid(&error)) throw std::invalid_argument(error);
  TrialRunOptions run;
  run.backend = options.backend.empty() ? trial.backend : options.backend;
  run.threads = options.threads;
  run.batch_width = options.batch_width;
  run.progress = options.progress;
  double trial_days = 0;
  const auto start = std::chrono::steady_clock::now();
  const ScreeningLog log = run_trial(trial, run, [&](const ParticipantResult& result) {
    trial_days += result.withdrawn_on_day ? *result.withdrawn_on_day + 1 : trial.duration_days;
    consume(result);
  });
  if (summary != nullptr) {
    summary->backend = run.backend;
    summary->screening = log;
    summary->run_in_patient_days = log.simulated_screening_days;
    summary->trial_patient_days = trial_days;
    summary->wall_time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
}

}  // namespace isletsim
