// isletsim public API: virtual clinical trials.
//
//   isletsim::TrialDefinition trial = isletsim::load_trial("trials/basal_bolus_vs_pid.toml");
//   isletsim::TrialOptions options;
//   options.backend = "fast";
//   isletsim::TrialSummary summary;
//   isletsim::run_trial(trial, options, [](const isletsim::ParticipantResult& p) { /* endpoints of p */ }, &summary);
//   std::puts(summary.full_report().c_str());
//
// Screening (sampled candidates, a run-in on usual care, eligibility), permuted-block allocation, every participant
// through the care loop in its arm, endpoints at each visit (docs/trial.md). The same trial gives the same numbers for
// every thread count and batch width. Research software: it never gives dosing advice.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "trial/trial_definition.hpp"
#include "trial/trial_runner.hpp"

namespace isletsim {

struct TrialOptions {
  // The backend that integrates the participants (backend_names()); empty (the default): the trial's [trial] backend.
  std::string backend;
  // Worker threads; 0 (the default) = one per hardware thread. Results do not depend on it.
  unsigned threads = 0;
  // Participants handed to the backend at once; 0 (the default) = automatic. Results do not depend on it.
  std::size_t batch_width = 0;
  // Called after each participant is consumed (done, total), e.g. for a progress bar. Optional.
  std::function<void(std::size_t done, std::size_t total)> progress;

  // False, with the reason in *error, when a field is unusable (an unknown backend).
  bool is_valid(std::string* error) const;
};

struct TrialSummary {
  std::string backend;
  ScreeningLog screening;            // screened, eligible, enrolled, exclusions by criterion
  double run_in_patient_days = 0;    // simulated in screening (candidates that reached the run-in)
  double trial_patient_days = 0;     // simulated in the trial (withdrawn participants count to their last day)
  double wall_time_s = 0;
  double patient_days() const { return run_in_patient_days + trial_patient_days; }
  double patient_days_per_second() const { return wall_time_s > 0 ? patient_days() / wall_time_s : 0.0; }
  std::string brief_report() const;
  std::string full_report() const;
};

// Reads a trial file (TOML, docs/trial.md). Throws InputError (file, line, key) for bad input; warnings about
// deprecated keys are in the result's `warnings`.
TrialDefinition load_trial(const std::filesystem::path& path);

// Screens, randomises and runs the trial; hands each participant to `consume` in enrolment order. Throws
// std::invalid_argument for invalid options, std::runtime_error when screening finds too few eligible candidates.
void run_trial(const TrialDefinition& trial, const TrialOptions& options,
               const std::function<void(const ParticipantResult&)>& consume, TrialSummary* summary = nullptr);

}  // namespace isletsim
