// The `isletsim cgm` command end to end: outputs, units, exit codes and messages for bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace isletsim {
namespace {

std::string cli() { return testing::cli_path().string(); }
std::string sample(const std::string& name) { return testing::source_path("tests/data/cgm/" + name).string(); }

TEST(CgmCommand, PrintsJsonMetricsInMmolPerLitre) {
  const auto result = testing::run_command(cli() + " cgm " + sample("libreview_eu_mmol.csv") +
                                           " --output json --units mmol/l 2>/dev/null");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto json = nlohmann::json::parse(result.output);
  EXPECT_EQ(json["format"], "libre");
  EXPECT_EQ(json["units"], "mmol/l");
  EXPECT_EQ(json["readings"], 4);
  // Mean of 5.5, 5.8, 6.1, 6.6 mmol/l = 6.0 mmol/l (converted to mg/dl on import and back).
  EXPECT_NEAR(json["metrics"]["mean_glucose"]["value"].get<double>(), 6.0, 1e-12);
  EXPECT_EQ(json["metrics"]["mean_glucose"]["unit"], "mmol/l");
  EXPECT_EQ(json["metrics"]["time_in_range_70_180"]["value"].get<double>(), 100.0);
}

TEST(CgmCommand, PrintsCsvAndTable) {
  const auto csv = testing::run_command(cli() + " cgm " + sample("dexcom_clarity_g6_mgdl.csv") + " --output csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_EQ(csv.output.rfind("key,value,unit,source\n", 0), 0u);
  EXPECT_NE(csv.output.find("\ngri,"), std::string::npos);
  const auto table = testing::run_command(cli() + " cgm " + sample("nightscout_entries.json") + " --tz -05:00");
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("Time in range 70-180 mg/dl"), std::string::npos);
  EXPECT_NE(table.output.find("2023-03-15 03:00:00"), std::string::npos);  // local time at UTC-5
}

TEST(CgmCommand, BadInputExitsWithTwoAndNamesFileLineAndKey) {
  const auto bad_value = testing::run_command(cli() + " cgm " + sample("dexcom_bad_value.csv"));
  EXPECT_EQ(bad_value.exit_code, 2);
  EXPECT_NE(bad_value.output.find("dexcom_bad_value.csv:3: key 'Glucose Value (mg/dL)'"), std::string::npos)
      << bad_value.output;
  const auto bad_json = testing::run_command(cli() + " cgm " + sample("nightscout_bad_sgv.json"));
  EXPECT_EQ(bad_json.exit_code, 2);
  EXPECT_NE(bad_json.output.find("nightscout_bad_sgv.json:3: key '[1].sgv'"), std::string::npos) << bad_json.output;
  const auto missing = testing::run_command(cli() + " cgm " + sample("no_such_file.csv"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("cannot open"), std::string::npos);
  const auto bad_offset = testing::run_command(cli() + " cgm " + sample("plain_mmol_unsorted.csv") + " --utc-offset EST");
  EXPECT_EQ(bad_offset.exit_code, 2);
  EXPECT_NE(bad_offset.output.find("--utc-offset"), std::string::npos);
  const auto bad_format = testing::run_command(cli() + " cgm " + sample("plain_mmol_unsorted.csv") + " --format xls");
  EXPECT_EQ(bad_format.exit_code, 2);
  const auto wrong_format = testing::run_command(cli() + " cgm " + sample("plain_mmol_unsorted.csv") +
                                                 " --format dexcom");
  EXPECT_EQ(wrong_format.exit_code, 2);
  EXPECT_NE(wrong_format.output.find("plain_mmol_unsorted.csv:1"), std::string::npos);
}

}  // namespace
}  // namespace isletsim
