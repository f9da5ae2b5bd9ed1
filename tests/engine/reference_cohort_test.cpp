// All 30 reference subjects through the CLI: a day of basal-bolus therapy with their own carb ratios and
// correction factors (Quest.csv), a Dexcom sensor and an Insulet pump -- every value finite and physiological.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace isletsim {
namespace {

TEST(ReferenceCohort, All30SubjectsSimulateADayOfBasalBolusTherapy) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto dir = testing::scratch_path("isletsim_reference_cohort");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto simglucose = testing::reference_dir() / "simglucose";
  std::ofstream(dir / "cohort.toml") << "[simulation]\nduration_days = 1\nseed = 3\n[subjects]\nparams_csv = \""
                                     << (simglucose / "vpatient_params.csv").string() << "\"\nquest_csv = \""
                                     << (simglucose / "Quest.csv").string()
                                     << "\"\nnames = \"all\"\n"
                                        "[[meals]]\ntime = \"07:00\"\ncarbs_g = 50\n"
                                        "[[meals]]\ntime = \"12:00\"\ncarbs_g = 70\n"
                                        "[[meals]]\ntime = \"18:00\"\ncarbs_g = 80\n"
                                        "[controller]\ntype = \"basal_bolus\"\n[sensor]\nmodel = \"Dexcom\"\n"
                                        "[pump]\nmodel = \"Insulet\"\n";
  const auto result = testing::run_command(testing::cli_path().string() + " simulate " + (dir / "cohort.toml").string() +
                                           " --quiet --threads 2 --out " + (dir / "out").string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::ifstream input(dir / "out" / "summary.json");
  std::stringstream text;
  text << input.rdbuf();
  const auto summary = nlohmann::json::parse(text.str());
  ASSERT_EQ(summary["subjects"].size(), 30U);
  for (const auto& subject : summary["subjects"]) {
    const double mean = subject["plasma_glucose"]["mean_glucose_mg_dl"];
    EXPECT_GT(mean, 40.0) << subject["subject"];
    EXPECT_LT(mean, 400.0) << subject["subject"];
    EXPECT_GT(subject["total_insulin_u"].get<double>(), 0.0) << subject["subject"];
    EXPECT_DOUBLE_EQ(subject["total_carbs_g"].get<double>(), 200.0) << subject["subject"];
  }
  EXPECT_EQ(summary["subjects"][0]["subject"], "adolescent#001");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace isletsim
