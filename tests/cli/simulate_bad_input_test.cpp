// Bad scenarios through the real CLI: each gives its own clear message (file, line, key) and exit code 2,
// never a crash, and never destroys results already in the output folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

#include "test_support.hpp"

namespace isletsim {
namespace {

const char* kValidHeader = R"([simulation]
duration_min = 120
seed = 1

[subjects]
builtin = ["average_adult"]
)";

struct BadScenarioCase {
  const char* name;
  std::string toml;
  int expected_line;         // line the message must name (0: not checked)
  const char* expected_key;  // key the message must name ("" when none)
  const char* expected_text; // a phrase the message must contain
};

// Names the case in CTest's listing instead of GoogleTest's byte dump of the struct.
void PrintTo(const BadScenarioCase& c, std::ostream* os) { *os << c.name; }

std::vector<BadScenarioCase> bad_scenarios() {
  const std::string h = kValidHeader;  // 6 lines
  return {
      {"TomlSyntaxError", h + "[[meals]]\ntime_min = = 5\n", 8, "", "TOML syntax error"},
      {"UnknownSection", h + "[meal]\ncarbs_g = 5\n", 7, "meal", "unknown key"},
      {"WrongUnitInKey", h + "[[meals]]\ntime_min = 10\ncarbs_mg = 50000\n", 9, "meals[0].carbs_mg", "did you mean 'carbs_g'"},
      {"NegativeGrams", h + "[[meals]]\ntime_min = 10\ncarbs_g = -50\n", 9, "meals[0].carbs_g", "must be > 0"},
      {"ZeroDuration", "[simulation]\nduration_min = 0\n[subjects]\nbuiltin = [\"average_adult\"]\n", 2,
       "simulation.duration_min", "must be > 0"},
      {"NanDuration", "[simulation]\nduration_min = nan\n[subjects]\nbuiltin = [\"average_adult\"]\n", 2,
       "simulation.duration_min", "finite"},
      {"InfiniteCarbs", h + "[[meals]]\ntime_min = 10\ncarbs_g = inf\n", 9, "meals[0].carbs_g", "finite"},
      {"StringWhereNumber", h + "[[meals]]\ntime_min = 10\ncarbs_g = \"fifty\"\n", 9, "meals[0].carbs_g",
       "must be a number"},
      {"BadTimeOfDay", h + "[[meals]]\ntime = \"25:00\"\ncarbs_g = 50\n", 8, "meals[0].time", "HH:MM"},
      {"BothTimeKeys", h + "[[meals]]\ntime = \"07:00\"\ntime_min = 5\ncarbs_g = 50\n", 7, "meals[0]", "exactly one"},
      {"MealAfterEnd", h + "[[meals]]\ntime_min = 500\ncarbs_g = 50\n", 8, "meals[0].time_min", "after the end"},
      {"ZeroEatingRate", h + "[[meals]]\ntime_min = 5\ncarbs_g = 50\neating_rate_g_per_min = 0\n", 10,
       "meals[0].eating_rate_g_per_min", "must be > 0"},
      {"UnknownController", h + "[controller]\ntype = \"mpc\"\n", 8, "controller.type", "unknown controller"},
      {"UnknownEngine", "[simulation]\nduration_min = 60\nengine = \"turbo\"\n[subjects]\nbuiltin = [\"average_adult\"]\n",
       3, "simulation.engine", "unknown backend \"turbo\""},
      {"EngineNotAString", "[simulation]\nduration_min = 60\nengine = 1\n[subjects]\nbuiltin = [\"average_adult\"]\n", 3,
       "simulation.engine", "must be a string"},
      {"NegativeMissedBolusProbability",
       h + "[controller]\ntype = \"basal_bolus\"\nmissed_bolus_probability = -0.1\n", 9,
       "controller.missed_bolus_probability", "between 0 and 1"},
      {"MissedBolusProbabilityAboveOne",
       h + "[controller]\ntype = \"basal_bolus\"\nmissed_bolus_probability = 1.5\n", 9,
       "controller.missed_bolus_probability", "between 0 and 1"},
      {"NanMissedBolusProbability", h + "[controller]\ntype = \"basal_bolus\"\nmissed_bolus_probability = nan\n",
       9, "controller.missed_bolus_probability", "finite"},
      {"MissedBolusProbabilityAsPercent",
       h + "[controller]\ntype = \"basal_bolus\"\nmissed_bolus_percent = 20\n", 9,
       "controller.missed_bolus_percent", "unknown key"},
      {"MissedBolusProbabilityForPid", h + "[controller]\ntype = \"pid\"\nmissed_bolus_probability = 0.2\n", 9,
       "controller.missed_bolus_probability", "unknown key"},
      {"KeyOfAnotherController", h + "[controller]\ntype = \"pid\"\ncarb_ratio_g_per_u = 10\n", 9,
       "controller.carb_ratio_g_per_u", "unknown key"},
      {"NegativeBolus", h + "[controller]\ntype = \"open_loop\"\n[[controller.boluses]]\ntime_min = 5\ninsulin_u = -2\n",
       11, "controller.boluses[0].insulin_u", "must be >= 0"},
      {"BasalScheduleWithoutMidnight",
       h + "[controller]\n[[controller.basal_schedule]]\nstart = \"06:00\"\nrate_u_per_h = 1\n", 8,
       "controller.basal_schedule[0]", "00:00"},
      {"UnknownSubject", "[simulation]\nduration_min = 60\n[subjects]\nbuiltin = [\"nobody\"]\n", 4, "subjects.builtin",
       "no built-in subject"},
      {"NoSubjects", "[simulation]\nduration_min = 60\n[subjects]\n", 3, "subjects", "no subjects"},
      {"MissingParamsCsv",
       "[simulation]\nduration_min = 60\n[subjects]\nparams_csv = \"missing.csv\"\nnames = [\"adult#001\"]\n", 4,
       "subjects.params_csv", "does not exist"},
      {"UnknownSensor", h + "[sensor]\nmodel = \"Libre9\"\n", 8, "sensor.model", "unknown sensor"},
      {"ZeroSampleTime", h + "[sensor]\nmodel = \"Dexcom\"\nsample_time_min = 0\n", 9, "sensor.sample_time_min",
       "1..60"},
      {"NegativePumpIncrement", h + "[pump]\nmodel = \"Insulet\"\nbolus_increment_u = -0.05\n", 9,
       "pump.bolus_increment_u", "must be >= 0"},
      {"NegativeSeed", "[simulation]\nduration_min = 60\nseed = -3\n[subjects]\nbuiltin = [\"average_adult\"]\n", 3,
       "simulation.seed", "must be >= 0"},
      {"MissingSimulationTable", "[subjects]\nbuiltin = [\"average_adult\"]\n", 1, "simulation", "required"},
      {"TwoDurations", "[simulation]\nduration_min = 60\nduration_h = 1\n[subjects]\nbuiltin = [\"average_adult\"]\n",
       1, "simulation", "exactly one of duration"},
  };
}

class SimulateBadInput : public ::testing::TestWithParam<BadScenarioCase> {};

TEST_P(SimulateBadInput, ExitsWithCode2AndNamesFileLineAndKey) {
  const BadScenarioCase& c = GetParam();
  const auto dir = testing::scratch_path("isletsim_bad_" + std::string(c.name));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "out");
  const auto scenario = dir / "scenario.toml";
  std::ofstream(scenario) << c.toml;
  // A result from an earlier run must survive a failed run.
  std::ofstream(dir / "out" / "summary.json") << "{\"earlier\": true}\n";

  const auto result = testing::run_command(testing::cli_path().string() + " simulate " + scenario.string() +
                                           " --out " + (dir / "out").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  const std::string location =
      c.expected_line > 0 ? scenario.string() + ":" + std::to_string(c.expected_line) + ":" : scenario.string();
  EXPECT_NE(result.output.find(location), std::string::npos) << "missing '" << location << "' in: " << result.output;
  if (std::string(c.expected_key).size() > 0) {
    EXPECT_NE(result.output.find("key '" + std::string(c.expected_key) + "'"), std::string::npos) << result.output;
  }
  EXPECT_NE(result.output.find(c.expected_text), std::string::npos) << result.output;
  std::ifstream kept(dir / "out" / "summary.json");
  std::string kept_text((std::istreambuf_iterator<char>(kept)), std::istreambuf_iterator<char>());
  EXPECT_EQ(kept_text, "{\"earlier\": true}\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "out" / "timeseries.csv"));
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, SimulateBadInput, ::testing::ValuesIn(bad_scenarios()),
                         [](const ::testing::TestParamInfo<BadScenarioCase>& param_info) { return param_info.param.name; });

TEST(SimulateCli, MissingScenarioFileExitsWith2) {
  const auto result = testing::run_command(testing::cli_path().string() + " simulate /nonexistent/s.toml --out /tmp/x");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("/nonexistent/s.toml: scenario file not found"), std::string::npos) << result.output;
}

TEST(SimulateCli, MissingOutOptionExitsWith2) {
  const auto result = testing::run_command(testing::cli_path().string() + " simulate x.toml");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("--out"), std::string::npos) << result.output;
}

TEST(SimulateCli, HelpOnEveryCommandExitsWith0) {
  for (const std::string command : {"--help", "simulate --help", "cgm --help", "indices --help", "fit --help",
                                    "fit minmod --help"}) {
    const auto result = testing::run_command(testing::cli_path().string() + " " + command);
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.output.find("Usage"), std::string::npos) << command << ": " << result.output;
  }
}

}  // namespace
}  // namespace isletsim
