// Bad trial files through the real CLI: each gives its own clear message (file, line, key) and exit code 2, and
// never destroys results already in the output folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.hpp"

namespace isletsim {
namespace {

// A valid trial; the line numbers in the cases below refer to it.
const char* kValidTrial = R"([trial]
name = "t"
duration_days = 1
participants = 2
visits = [1]
[cohort]
population = "average_adult"
run_in_days = 1
[[arm]]
name = "a"
[arm.intervention]
type = "standard_care"
[arm.intervention.controller]
type = "basal_bolus"
[[arm]]
name = "b"
[arm.intervention]
type = "standard_care"
[arm.intervention.controller]
type = "pid"
[[endpoint]]
name = "hba1c_percent"
)";

std::string with(const std::string& from, const std::string& to) {
  std::string text = kValidTrial;
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("test case: '" + from + "' not in the valid trial");
  return text.replace(at, from.size(), to);
}

// Arm b as an islet graft arm with one more key (on line 22).
std::string graft_arm_with(const std::string& key_line) {
  return with("type = \"standard_care\"\n[arm.intervention.controller]\ntype = \"pid\"",
              "type = \"islet_graft\"\ndose_cells = 0.8e9\nsite = \"portal_vein\"\n"
              "immune_protection = \"immunosuppression\"\n" +
                  key_line + "\n[arm.intervention.controller]\ntype = \"pid\"");
}

struct BadTrialCase {
  const char* name;
  std::string toml;
  int expected_line;          // line the message must name (0: not checked)
  const char* expected_key;   // key the message must name ("" when none)
  const char* expected_text;  // a phrase the message must contain
};

std::vector<BadTrialCase> bad_trials() {
  const std::string valid = kValidTrial;  // 22 lines
  return {
      {"TomlSyntaxError", with("participants = 2", "participants = = 2"), 4, "", "TOML syntax error"},
      {"UnknownTopLevelTable", valid + "[trials]\nx = 1\n", 23, "trials", "unknown key"},
      {"WrongUnitInKey", with("duration_days = 1", "duration_weeks = 1"), 3, "trial.duration_weeks", "unknown key"},
      {"NegativeParticipants", with("participants = 2", "participants = -4"), 4, "trial.participants", "must be 2.."},
      {"NanDuration", with("duration_days = 1", "duration_days = nan"), 3, "trial.duration_days", "whole number"},
      {"StringSeed", with("name = \"t\"\n", "name = \"t\"\nseed = \"one\"\n"), 3, "trial.seed", "whole number"},
      {"VisitAfterEnd", with("visits = [1]", "visits = [1, 5]"), 5, "trial.visits", "outside 0..duration_days"},
      {"VisitsOutOfOrder", with("duration_days = 1\nparticipants = 2\nvisits = [1]",
                                "duration_days = 9\nparticipants = 2\nvisits = [5, 2]"),
       5, "trial.visits", "increasing order"},
      {"MissingTrialTable", with("[trial]", "[study]"), 1, "", "unknown key"},
      {"UnknownPopulation", with("\"average_adult\"", "\"elderly\""), 7, "cohort.population", "unknown population"},
      {"FittedPopulationWithoutFiles", with("\"average_adult\"", "\"adult\""), 6, "cohort", "params_csv"},
      {"MissingParamsCsv",
       with("\"average_adult\"", "\"adult\"\nparams_csv = \"missing.csv\"\nquest_csv = \"missing_q.csv\""), 8,
       "cohort.params_csv", "does not exist"},
      {"RunInZeroDays", with("run_in_days = 1", "run_in_days = 0"), 8, "cohort.run_in_days", "must be 1..366"},
      {"HbA1cMinAboveMax", valid + "[cohort.eligibility]\nhba1c_min_percent = 9\nhba1c_max_percent = 7\n", 25,
       "cohort.eligibility.hba1c_max_percent", "must be >= hba1c_min_percent"},
      {"NegativeMealCarbs", valid + "[[meal]]\ntime = \"07:00\"\ncarbs_g = -10\n", 25, "meal[0].carbs_g", "must be > 0"},
      {"UnknownIntervention", with("type = \"standard_care\"", "type = \"gene_therapy\""), 12, "arm[0].intervention.type",
       "unknown intervention"},
      {"UnknownController", with("type = \"basal_bolus\"", "type = \"mpc\""), 14, "arm[0].intervention.controller.type",
       "unknown controller"},
      {"NegativeCarbRatio", with("type = \"basal_bolus\"", "type = \"basal_bolus\"\ncarb_ratio_g_per_u = -3"), 15,
       "arm[0].intervention.controller.carb_ratio_g_per_u", "must be > 0"},
      {"DuplicateArmName", with("name = \"b\"", "name = \"a\""), 16, "arm[1].name", "defined twice"},
      {"ZeroAllocationRatio", with("name = \"b\"\n", "name = \"b\"\nratio = 0\n"), 17, "arm[1].ratio", "must be 1..100"},
      {"OneArm", with("[[arm]]\nname = \"b\"\n[arm.intervention]\ntype = \"standard_care\"\n[arm.intervention.controller]\n"
                      "type = \"pid\"\n",
                      ""),
       1, "arm", "at least 2"},
      {"UnknownEndpoint", with("name = \"hba1c_percent\"", "name = \"hba1c_mmol_mol\""), 22, "endpoint[0].name",
       "unknown endpoint"},
      {"EndpointNoArmProvides", with("name = \"hba1c_percent\"", "name = \"homa_ir\""), 22, "endpoint[0].name",
       "not provided by arm"},
      {"EndpointVisitNotInTrial", valid + "visits = [3]\n", 23, "endpoint[0].visits", "not one of the trial's visits"},
      {"EndpointEmptyVisits", valid + "visits = []\n", 23, "endpoint[0].visits", "at least one visit day"},
      {"RescueCarbsNegative", valid + "[hypo_treatment]\ncarbs_g = -15\n", 24, "hypo_treatment.carbs_g", "must be > 0"},
      {"NoEndpoints", with("[[endpoint]]\nname = \"hba1c_percent\"\n", ""), 1, "endpoint", "at least one"},
      // The graft arm's dose reduction after a low day (trial/insulin_dose_reduction.hpp): r in [0, 1).
      {"GraftDoseReductionNegative", graft_arm_with("hypo_dose_reduction_fraction = -0.1"), 22,
       "arm[1].intervention.hypo_dose_reduction_fraction", "[0, 1)"},
      {"GraftDoseReductionOne", graft_arm_with("hypo_dose_reduction_fraction = 1.0"), 22,
       "arm[1].intervention.hypo_dose_reduction_fraction", "[0, 1)"},
      {"GraftDoseReductionNan", graft_arm_with("hypo_dose_reduction_fraction = nan"), 22,
       "arm[1].intervention.hypo_dose_reduction_fraction", "finite"},
      // The same rule in a standard-care arm (arm b's [arm.intervention] table, key on line 19).
      {"StandardCareDoseReductionNegative",
       with("name = \"b\"\n[arm.intervention]\ntype = \"standard_care\"",
            "name = \"b\"\n[arm.intervention]\ntype = \"standard_care\"\nhypo_dose_reduction_fraction = -0.2"),
       19, "arm[1].intervention.hypo_dose_reduction_fraction", "[0, 1)"},
      {"StandardCareDoseReductionOne",
       with("name = \"b\"\n[arm.intervention]\ntype = \"standard_care\"",
            "name = \"b\"\n[arm.intervention]\ntype = \"standard_care\"\nhypo_dose_reduction_fraction = 1"),
       19, "arm[1].intervention.hypo_dose_reduction_fraction", "[0, 1)"},
      // The graft arm's glucagon counter-regulation switch (trial/islet_graft_intervention.hpp): a boolean.
      {"GraftCounterRegulationString", graft_arm_with("counter_regulation = \"on\""), 22,
       "arm[1].intervention.counter_regulation", "true or false"},
      // Carbohydrate-counting error (trial/carb_counting_error.hpp): bias in [-0.9, 1], sd in [0, 1], finite.
      {"CarbCountSdNegative", with("run_in_days = 1", "run_in_days = 1\ncarb_count_error_sd_fraction = -0.1"), 9,
       "cohort.carb_count_error_sd_fraction", "must be 0..1"},
      {"CarbCountBiasBelowRange", with("run_in_days = 1", "run_in_days = 1\ncarb_count_error_bias_fraction = -1.5"), 9,
       "cohort.carb_count_error_bias_fraction", "must be -0.9..1"},
      {"CarbCountBiasNan", with("run_in_days = 1", "run_in_days = 1\ncarb_count_error_bias_fraction = nan"), 9,
       "cohort.carb_count_error_bias_fraction", "finite"},
      {"CarbCountMisspeltKey", with("run_in_days = 1", "run_in_days = 1\ncarb_count_error_sd = 0.3"), 9,
       "cohort.carb_count_error_sd", "unknown key"},
      // Eligibility on plasma level 2 episodes in the run-in: a whole number >= 0.
      {"PlasmaLevel2EligibilityNegative", valid + "[cohort.eligibility]\nmin_plasma_level2_events_run_in = -1\n", 24,
       "cohort.eligibility.min_plasma_level2_events_run_in", "must be 0..100000"},
      // The graft-recipient plausibility check (trial/standard_day.hpp): a boolean.
      {"PlausibleWithNormalIsletsNotBoolean", valid + "[cohort.eligibility]\nplausible_with_normal_islets = \"yes\"\n",
       24, "cohort.eligibility.plausible_with_normal_islets", "true or false"},
      {"PlasmaLevel2EligibilityFractional", valid + "[cohort.eligibility]\nmin_plasma_level2_events_run_in = 1.5\n",
       24, "cohort.eligibility.min_plasma_level2_events_run_in", "whole number"},
  };
}

class TrialBadInput : public ::testing::TestWithParam<BadTrialCase> {};

TEST_P(TrialBadInput, ExitsWithCode2AndNamesFileLineAndKey) {
  const BadTrialCase& c = GetParam();
  const auto dir = testing::scratch_path("isletsim_bad_trial_" + std::string(c.name));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "out");
  const auto trial = dir / "trial.toml";
  std::ofstream(trial) << c.toml;
  // A result from an earlier run must survive a failed run.
  std::ofstream(dir / "out" / "arm_results.json") << "{\"earlier\": true}\n";

  const auto result = testing::run_command(testing::cli_path().string() + " trial " + trial.string() + " --out " +
                                           (dir / "out").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  const std::string location =
      c.expected_line > 0 ? trial.string() + ":" + std::to_string(c.expected_line) + ":" : trial.string();
  EXPECT_NE(result.output.find(location), std::string::npos) << "missing '" << location << "' in: " << result.output;
  if (std::string(c.expected_key).size() > 0) {
    EXPECT_NE(result.output.find("key '" + std::string(c.expected_key) + "'"), std::string::npos) << result.output;
  }
  EXPECT_NE(result.output.find(c.expected_text), std::string::npos) << result.output;
  std::ifstream kept(dir / "out" / "arm_results.json");
  const std::string kept_text((std::istreambuf_iterator<char>(kept)), std::istreambuf_iterator<char>());
  EXPECT_EQ(kept_text, "{\"earlier\": true}\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "out" / "subject_endpoints.csv"));
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Trials, TrialBadInput, ::testing::ValuesIn(bad_trials()),
                         [](const ::testing::TestParamInfo<BadTrialCase>& param_info) { return param_info.param.name; });

TEST(TrialCli, MissingTrialFileExitsWith2) {
  const auto result = testing::run_command(testing::cli_path().string() + " trial /nonexistent/t.toml --out /tmp/x");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("/nonexistent/t.toml: trial file not found"), std::string::npos) << result.output;
}

TEST(TrialCli, HelpExitsWith0) {
  const auto result = testing::run_command(testing::cli_path().string() + " trial --help");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.output.find("--threads"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("subject_endpoints.csv"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace isletsim
