// Writes a trial's results into an output folder, per the trial output contract (docs/trial.md):
//   subject_endpoints.csv  subject_id,arm,visit_day,endpoint,value,unit  (one row per subject, visit and endpoint)
//   arm_results.json       per endpoint and visit: per-arm summaries and comparisons with the first arm
//   screening_log.json     screened / eligible / enrolled counts, exclusions by criterion, parameter redraws
// Files are written under a temporary name and renamed when complete, so an earlier complete result is never
// replaced by a partial one; participants are appended as they finish.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trial/trial_definition.hpp"
#include "trial/trial_runner.hpp"

namespace isletsim {

inline constexpr const char* kSubjectEndpointsHeader = "subject_id,arm,visit_day,endpoint,value,unit";
inline constexpr const char* kIsletsimVersion = "0.1.0";  // keep in step with project() in CMakeLists.txt

class TrialOutputWriter {
 public:
  // Creates the folder if needed. Throws std::runtime_error naming the path when it cannot be written.
  TrialOutputWriter(const std::filesystem::path& out_dir, const TrialDefinition& trial);
  ~TrialOutputWriter();
  TrialOutputWriter(const TrialOutputWriter&) = delete;
  TrialOutputWriter& operator=(const TrialOutputWriter&) = delete;

  void add_participant(const ParticipantResult& result);
  // Computes the statistics, writes the JSON files and moves every file to its final name.
  void finish(const ScreeningLog& log);

 private:
  std::filesystem::path out_dir_;
  std::filesystem::path csv_partial_;
  std::ofstream csv_;
  const TrialDefinition& trial_;
  std::vector<ParticipantResult> results_;  // endpoint values and example traces (small: no minute series)
  bool finished_ = false;
};

// arm_results.json of a finished trial (exposed for tests).
nlohmann::json arm_results_json(const TrialDefinition& trial, const std::vector<ParticipantResult>& results);

}  // namespace isletsim
