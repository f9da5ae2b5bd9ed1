// The trial command end to end: the example trial's outputs follow the trial output contract (docs/trial.md),
// and are byte-identical with 1 and 2 threads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace isletsim {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(TrialCli, ExampleTrialFollowsTheOutputContractAndIsThreadIndependent) {
  const auto dir = testing::scratch_path("isletsim_trial_cli");
  std::filesystem::remove_all(dir);
  const auto trial = testing::source_path("trials/basal_bolus_vs_pid.toml");
  const auto one = testing::run_command(testing::cli_path().string() + " trial " + trial.string() + " --out " +
                                        (dir / "one").string() + " --threads 1 --quiet");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  const auto two = testing::run_command(testing::cli_path().string() + " trial " + trial.string() + " --out " +
                                        (dir / "two").string() + " --threads 2 --progress");
  ASSERT_EQ(two.exit_code, 0) << two.output;
  EXPECT_NE(two.output.find("12/12 participants"), std::string::npos) << two.output;

  const std::string csv = read_text(dir / "one" / "subject_endpoints.csv");
  EXPECT_EQ(csv, read_text(dir / "two" / "subject_endpoints.csv"));
  EXPECT_EQ(read_text(dir / "one" / "arm_results.json"), read_text(dir / "two" / "arm_results.json"));
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "subject_id,arm,visit_day,endpoint,value,unit");
  EXPECT_NE(csv.find("\ns0001,"), std::string::npos);
  EXPECT_NE(csv.find(",hba1c_percent,"), std::string::npos);
  EXPECT_NE(csv.find(",U/day\n"), std::string::npos);
  // 12 participants x (hba1c, tir, tbr54, insulin at 3 visits + severe hypo at 2 + independence at 1) + header.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 12 * (4 * 3 + 2 + 1));
  EXPECT_FALSE(std::filesystem::exists(dir / "one" / "subject_endpoints.csv.partial"));

  const auto results = nlohmann::json::parse(read_text(dir / "one" / "arm_results.json"));
  EXPECT_EQ(results["trial"]["name"], "basal-bolus vs PID, 14 days");
  EXPECT_EQ(results["trial"]["participants"], 12);
  EXPECT_EQ(results["trial"]["duration_days"], 14);
  ASSERT_EQ(results["arms"].size(), 2U);
  EXPECT_EQ(results["arms"][0]["name"], "basal_bolus");
  EXPECT_EQ(results["arms"][0]["participants"].get<int>() + results["arms"][1]["participants"].get<int>(), 12);
  bool saw_proportion = false;
  for (const auto& endpoint : results["endpoints"]) {
    ASSERT_EQ(endpoint["per_arm"].size(), 2U) << endpoint.dump();
    ASSERT_EQ(endpoint["comparisons"].size(), 1U) << endpoint.dump();
    EXPECT_EQ(endpoint["comparisons"][0]["reference"], "basal_bolus");
    if (endpoint["kind"] == "proportion") {
      saw_proportion = true;
      EXPECT_EQ(endpoint["comparisons"][0]["method"], "Newcombe");
      EXPECT_EQ(endpoint["per_arm"][0]["events"], 0);  // nobody on insulin therapy is insulin independent
    } else {
      EXPECT_EQ(endpoint["comparisons"][0]["method"], "Welch");
      EXPECT_TRUE(endpoint["per_arm"][0].contains("q1"));
    }
  }
  EXPECT_TRUE(saw_proportion);
  ASSERT_EQ(results["example_traces"].size(), 2U);
  // Dexcom samples every 3 minutes: 480 readings in the last day.
  EXPECT_EQ(results["example_traces"][0]["cgm_mg_dl"].size(), 480U);
  const auto screening = nlohmann::json::parse(read_text(dir / "one" / "screening_log.json"));
  EXPECT_EQ(screening["enrolled"], 12);

  // The trial's own output renders as the HTML trial report (the contract between the two commands).
  const auto report = testing::run_command(testing::cli_path().string() + " report trial " + (dir / "one").string());
  ASSERT_EQ(report.exit_code, 0) << report.output;
  const std::string html = read_text(dir / "one" / "trial_report.html");
  EXPECT_NE(html.find("basal-bolus vs PID, 14 days"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  std::filesystem::remove_all(dir);
}


// An unknown --backend is a usage error: exit 2, the option named, the known backends listed, nothing written.
TEST(BackendOptionCli, UnknownBackendExitsWithCode2AndListsTheKnownOnes) {
  const auto dir = testing::scratch_path("isletsim_unknown_backend_cli");
  std::filesystem::remove_all(dir);
  const auto trial = testing::source_path("trials/basal_bolus_vs_pid.toml");
  const auto scenario = testing::source_path("scenarios/demo_basal_bolus_two_weeks.toml");
  for (const std::string& command :
       {testing::cli_path().string() + " trial " + trial.string() + " --out " + dir.string() + " --backend gpu",
        testing::cli_path().string() + " simulate " + scenario.string() + " --out " + dir.string() +
            " --backend gpu"}) {
    const auto result = testing::run_command(command);
    EXPECT_EQ(result.exit_code, 2) << result.output;
    EXPECT_NE(result.output.find("--backend"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("unknown backend \"gpu\" (known: reference, fast, batched)"), std::string::npos)
        << result.output;
    EXPECT_FALSE(std::filesystem::exists(dir)) << command;
  }
}

}  // namespace
}  // namespace isletsim
