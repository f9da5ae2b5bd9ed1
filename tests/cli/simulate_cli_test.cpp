// The simulate command end to end: outputs, header, and identical results whatever the thread count.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "io/simulation_output.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream input(path);
  std::stringstream buffer;
  buffer << input.rdbuf();
  return buffer.str();
}

const char* kCohortScenario = R"([simulation]
duration_h = 12
seed = 7
[subjects]
builtin = ["average_adult", "average_adult", "average_adult", "average_adult", "average_adult"]
[[meals]]
time = "07:00"
carbs_g = 60
[controller]
type = "basal_bolus"
[sensor]
model = "Dexcom"
[pump]
model = "Insulet"
)";

TEST(SimulateCli, OneAndTwoThreadsGiveIdenticalFiles) {
  const auto dir = testing::scratch_path("isletsim_threads_test");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "cohort.toml") << kCohortScenario;
  for (const std::string threads : {"1", "2"}) {
    const auto result = testing::run_command(testing::cli_path().string() + " simulate " + (dir / "cohort.toml").string() +
                                             " --quiet --threads " + threads + " --out " + (dir / ("t" + threads)).string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  const std::string one = read_text(dir / "t1" / "timeseries.csv");
  EXPECT_EQ(one, read_text(dir / "t2" / "timeseries.csv"));
  EXPECT_EQ(read_text(dir / "t1" / "summary.json"), read_text(dir / "t2" / "summary.json"));
  // 5 subjects x 720 minutes + header, in subject order; subjects differ only by their sensor noise streams.
  EXPECT_EQ(std::count(one.begin(), one.end(), '\n'), 5 * 720 + 1);
  EXPECT_EQ(one.substr(0, one.find('\n')), kTimeSeriesHeader);
  const auto summary = nlohmann::json::parse(read_text(dir / "t1" / "summary.json"));
  ASSERT_EQ(summary["subjects"].size(), 5U);
  EXPECT_NE(summary["subjects"][0]["cgm"]["mean_glucose_mg_dl"], summary["subjects"][1]["cgm"]["mean_glucose_mg_dl"]);
  EXPECT_DOUBLE_EQ(summary["subjects"][0]["total_carbs_g"].get<double>(), 60.0);
  std::filesystem::remove_all(dir);
}

// [simulation] engine = "fast" through the CLI: same output format (header, one row per subject-minute).
// The other side of the exit-code rule (apps/isletsim/command_errors.hpp): a valid scenario whose output cannot be
// written (the --out folder would sit under a regular file) is not bad input -- exit 1 with "error:", not 2.
TEST(SimulateCli, AnOutputFolderThatCannotBeCreatedExitsWith1) {
  const auto dir = testing::scratch_path("isletsim_unwritable");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "cohort.toml") << kCohortScenario;
  std::ofstream(dir / "a_file") << "not a folder\n";
  const auto result = testing::run_command(testing::cli_path().string() + " simulate " + (dir / "cohort.toml").string() +
                                           " --quiet --out " + (dir / "a_file" / "out").string());
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("error: "), std::string::npos) << result.output;
  std::filesystem::remove_all(dir);
}

TEST(SimulateCli, FastEngineWritesTheSameFormat) {
  const auto dir = testing::scratch_path("isletsim_fast_engine_cli_test");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string fast_scenario = kCohortScenario;
  fast_scenario.replace(fast_scenario.find("seed = 7"), 8, "seed = 7\nengine = \"fast\"");
  std::ofstream(dir / "reference.toml") << kCohortScenario;
  std::ofstream(dir / "fast.toml") << fast_scenario;
  for (const std::string name : {"reference", "fast"}) {
    const auto result = testing::run_command(testing::cli_path().string() + " simulate " +
                                             (dir / (name + ".toml")).string() + " --quiet --out " +
                                             (dir / name).string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  const std::string reference = read_text(dir / "reference" / "timeseries.csv");
  const std::string fast = read_text(dir / "fast" / "timeseries.csv");
  EXPECT_EQ(fast.substr(0, fast.find('\n')), kTimeSeriesHeader);
  EXPECT_EQ(std::count(fast.begin(), fast.end(), '\n'), std::count(reference.begin(), reference.end(), '\n'));
  std::filesystem::remove_all(dir);
}

TEST(SimulateCli, DemoScenarioRunsAndReportsEverySummaryField) {
  const auto dir = testing::scratch_path("isletsim_demo_test");
  std::filesystem::remove_all(dir);
  const auto result = testing::run_command(testing::cli_path().string() + " simulate " +
                                           testing::source_path("scenarios/demo_basal_bolus_two_weeks.toml").string() +
                                           " --quiet --report --out " + dir.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto summary = nlohmann::json::parse(read_text(dir / "summary.json"));
  const auto& subject = summary["subjects"][0];
  EXPECT_EQ(subject["minutes"], 14 * 1440);
  // The CGM report of the simulated trace: 14 days of 3-minute Dexcom readings, with the AGP chart.
  const std::string report = read_text(dir / "reports" / "000_average_adult.html");
  EXPECT_NE(report.find("<svg"), std::string::npos);
  EXPECT_NE(report.find("6720 readings"), std::string::npos);  // 14 * 1440 / 3
  for (const char* key : {"mean_glucose_mg_dl", "time_in_70_180_percent", "time_below_70_percent", "time_below_54_percent",
                          "time_above_180_percent", "time_above_250_percent", "lbgi", "hbgi"}) {
    EXPECT_TRUE(subject["plasma_glucose"].contains(key)) << key;
    EXPECT_TRUE(subject["cgm"].contains(key)) << key;
  }
  const double in_range = subject["plasma_glucose"]["time_in_70_180_percent"];
  const double below = subject["plasma_glucose"]["time_below_70_percent"];
  const double above = subject["plasma_glucose"]["time_above_180_percent"];
  EXPECT_NEAR(in_range + below + above, 100.0, 1e-9);  // the three ranges partition the day
  EXPECT_GT(subject["total_insulin_u"].get<double>(), 0.0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace isletsim

namespace isletsim {
namespace {

// The documented way to plug in a controller (examples/custom_controller.cpp) builds and runs.
TEST(CustomControllerExample, BuildsAndSimulatesADay) {
  const auto example = testing::cli_path().parent_path().parent_path() / "examples" / "custom_controller_example";
  const auto result = testing::run_command(example.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("mean glucose"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace isletsim
