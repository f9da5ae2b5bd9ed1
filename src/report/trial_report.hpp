// The report of a virtual trial as one self-contained HTML file (inline SVG and CSS, no scripts, no network):
// the arms, every endpoint's per-arm statistics and between-arm comparisons with 95 % CIs (tables), a forest plot
// of the comparisons, and the CGM traces of example participants.
//
// Input is the `arm_results.json` that `isletsim trial TRIAL.toml --out DIR` writes (the contract is in
// docs/trial_report.md). The file is machine-written, so keys the report does not use are ignored; every key it
// does use is checked (present, right type, finite, consistent arm names) and a problem is an InputError naming the
// file and the key path, e.g. `arm_results.json: key 'endpoints[1].per_arm[0].mean': ...`.
//
// A statistic may be `null` only where it is undefined for the arm sizes (nlohmann::json writes NaN as null):
// SD with n < 2; mean, median, quartiles, proportion and its CI with n = 0; a Welch comparison when either arm
// has n < 2; a Newcombe comparison when either arm has n = 0; p_value always (Newcombe gives none). A null anywhere
// else is reported as an error, so a NaN that slipped into the runner's output is caught here.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace isletsim {

// Colours of the charts (used by the report and checked by the rendering test).
namespace trial_report_colors {
inline constexpr const char* kEstimate = "#d1495b";   // forest plot: point estimate and CI whisker
inline constexpr const char* kZeroLine = "#00798c";   // forest plot: no-difference line
inline constexpr const char* kTargetBand = "#e3f2e6"; // traces: 70-180 mg/dl
// One colour per arm, in the order of `arms` (cycled after four arms).
inline constexpr const char* kArm[] = {"#2e4057", "#edae49", "#66a182", "#8d3b72"};
}  // namespace trial_report_colors

struct TrialInfo {
  std::string name;
  std::string file;
  std::string seed;  // as written (an integer)
  long participants = 0;
  double duration_days = 0;
  std::string isletsim_version;
};

struct TrialArmInfo {
  std::string name;
  long participants = 0;
  std::string description;
};

enum class EndpointKind { kContinuous, kProportion };

// NaN where the JSON holds null (statistic undefined for the arm size).
struct EndpointArmStatistics {
  std::string arm;
  long n = 0;
  // continuous
  double mean = 0, sd = 0, median = 0, q1 = 0, q3 = 0;
  // proportion
  long events = 0;
  double proportion = 0, ci_low = 0, ci_high = 0;
};

struct EndpointComparison {
  std::string arm;
  std::string reference;
  double difference = 0, ci_low = 0, ci_high = 0;  // NaN: not estimable for these arm sizes
  double p_value = 0;                              // NaN: absent or null
  std::string method;
};

struct TrialEndpoint {
  std::string name;
  std::string unit;
  double visit_day = 0;
  EndpointKind kind = EndpointKind::kContinuous;
  std::vector<EndpointArmStatistics> per_arm;
  std::vector<EndpointComparison> comparisons;
};

struct ExampleTrace {
  std::string subject_id;
  std::string arm;
  double day = 0;
  std::vector<double> t_min;
  std::vector<double> cgm_mg_dl;
};

struct TrialResults {
  TrialInfo trial;
  std::vector<TrialArmInfo> arms;
  std::vector<TrialEndpoint> endpoints;
  std::vector<ExampleTrace> example_traces;  // optional in the file
};

// Checks and converts parsed arm results; errors name `source_file` (may be empty) and the key path.
TrialResults trial_results_from_json(const nlohmann::json& arm_results, const std::string& source_file);

// Reads and checks DIR/arm_results.json (or any file of that shape). A missing file, malformed JSON (with its
// line) or a bad key is an InputError.
TrialResults read_trial_results(const std::filesystem::path& arm_results_file);

std::string render_trial_report(const TrialResults& results);
// Checks, then renders; errors name the key path only.
std::string render_trial_report(const nlohmann::json& arm_results);

}  // namespace isletsim
