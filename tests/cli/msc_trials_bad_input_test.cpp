// Bad MSC-trials files through the real CLI: each names file, line and key, exits with code 2 and leaves earlier
// results in the output folder alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace isletsim {
namespace {

// A valid file; the line numbers below refer to it.
const char* kValid = R"([meta_analysis]
name = "m"
seed = 1
[care]
titration = "3-0-3"
run_in_days = 3
[[trial]]
name = "t"
participants_per_arm = 2
follow_up_days = 3
[[trial.infusions]]
day = 0
dose_cells_per_kg = 1e6
)";

std::string with(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("test case: '" + from + "' not in the valid file");
  return text.replace(at, from.size(), to);
}

struct BadCase {
  const char* name;
  std::string toml;
  int expected_line;
  const char* expected_key;
  const char* expected_text;
};

std::vector<BadCase> bad_cases() {
  const std::string valid = kValid;  // 13 lines
  return {
      {"UnknownTopLevelKey", valid + "[arm]\nx = 1\n", 14, "arm", "unknown key"},
      {"WrongUnitInKey", with("follow_up_days = 3", "follow_up_months = 3"), 10, "trial[0].follow_up_months",
       "unknown key"},
      {"NegativeDose", with("dose_cells_per_kg = 1e6", "dose_cells_per_kg = -1e6"), 13,
       "trial[0].infusions[0].dose_cells_per_kg", "must be > 0"},
      {"NanDose", with("dose_cells_per_kg = 1e6", "dose_cells_per_kg = nan"), 13,
       "trial[0].infusions[0].dose_cells_per_kg", "finite"},
      {"NegativeInfusionDay", with("day = 0", "day = -2"), 12, "trial[0].infusions[0].day", "must be >= 0"},
      {"InfusionsOutOfOrder",
       valid + "[[trial.infusions]]\nday = 1\ndose_cells_per_kg = 1e6\n[[trial.infusions]]\n"
               "day = 5\ndose_cells_per_kg = 1e6\n[[trial.infusions]]\nday = 2\n"
               "dose_cells_per_kg = 1e6\n",
       21, "trial[0].infusions[3].day", "in order of day"},
      {"OneParticipantPerArm", with("participants_per_arm = 2", "participants_per_arm = 1"), 9,
       "trial[0].participants_per_arm", "must be 2.."},
      {"ZeroFollowUp", with("follow_up_days = 3", "follow_up_days = 0"), 10, "trial[0].follow_up_days", "must be 1.."},
      {"NoInfusions", with("[[trial.infusions]]\nday = 0\ndose_cells_per_kg = 1e6\n", ""), 7, "trial[0]",
       "at least one"},
      {"UnknownTitration", with("\"3-0-3\"", "\"weekly\""), 5, "care.titration", "unknown titration rule"},
      {"NegativePrandialDose", with("run_in_days = 3", "run_in_days = 3\nprandial_start_dose_u_per_meal = -4"), 7,
       "care.prandial_start_dose_u_per_meal", "must be >= 0"},
      {"RunInNotWholeIntervals", with("run_in_days = 3", "run_in_days = 4"), 6, "care.run_in_days",
       "titration intervals"},
      {"NegativeCohortCv", valid + "[cohort]\nbeta_cell_mass_cv = -0.2\n", 15, "cohort.beta_cell_mass_cv",
       "must be >= 0"},
      {"NegativeEffectGain", valid + "[trial.effect]\ninsulin_sensitivity_gain = -0.1\n", 15,
       "trial[0].effect.insulin_sensitivity_gain", "must be >= 0"},
      {"ZeroHalfLife", valid + "[trial.effect]\ninsulin_sensitivity_half_life_day = 0\n", 15,
       "trial[0].effect.insulin_sensitivity_half_life_day", "must be > 0"},
      {"NegativeResponseCv", with("follow_up_days = 3", "follow_up_days = 3\nresponse_cv = -1"), 11,
       "trial[0].response_cv", "must be >= 0"},
      {"NoTrials", "[meta_analysis]\nname = \"m\"\n", 1, "trial", "at least one"},
      {"NegativeSeed", with("seed = 1", "seed = -1"), 3, "meta_analysis.seed", "must be >= 0"},
  };
}

class MscTrialsBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(MscTrialsBadInput, ExitsWithCode2AndNamesFileLineAndKey) {
  const BadCase& c = GetParam();
  const auto dir = testing::scratch_path("isletsim_bad_msc_" + std::string(c.name));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "out");
  const auto file = dir / "msc.toml";
  std::ofstream(file) << c.toml;
  std::ofstream(dir / "out" / "meta_analysis.json") << "{\"earlier\": true}\n";
  const auto result = testing::run_command(testing::cli_path().string() + " msc-trials " + file.string() + " --out " +
                                           (dir / "out").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  const std::string location = file.string() + ":" + std::to_string(c.expected_line) + ":";
  EXPECT_NE(result.output.find(location), std::string::npos) << "missing '" << location << "' in: " << result.output;
  EXPECT_NE(result.output.find("key '" + std::string(c.expected_key) + "'"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find(c.expected_text), std::string::npos) << result.output;
  std::ifstream kept(dir / "out" / "meta_analysis.json");
  const std::string kept_text((std::istreambuf_iterator<char>(kept)), std::istreambuf_iterator<char>());
  EXPECT_EQ(kept_text, "{\"earlier\": true}\n");
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(MscTrials, MscTrialsBadInput, ::testing::ValuesIn(bad_cases()),
                         [](const ::testing::TestParamInfo<BadCase>& p) { return p.param.name; });

TEST(MscTrialsCli, MissingFileExitsWith2) {
  const auto result =
      testing::run_command(testing::cli_path().string() + " msc-trials /nonexistent/m.toml --out /tmp/x");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("/nonexistent/m.toml: MSC trials file not found"), std::string::npos) << result.output;
}

TEST(MscTrialsCli, SmallValidFileRunsAndWritesItsThreeFiles) {
  const auto dir = testing::scratch_path("isletsim_msc_valid");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "msc.toml") << kValid;
  const auto result = testing::run_command(testing::cli_path().string() + " msc-trials " + (dir / "msc.toml").string() +
                                           " --out " + (dir / "out").string() + " --threads 2");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "meta_analysis.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "trials.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "participants.csv"));
  EXPECT_NE(result.output.find("hba1c_percent"), std::string::npos) << result.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace isletsim
