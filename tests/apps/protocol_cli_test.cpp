// `isletsim protocol`, run as a user runs it: the shipped example files and bad protocol files (exit code 2, with
// file, line and key in the message).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace isletsim {
namespace {

std::string quoted(const std::filesystem::path& path) {
  std::string text = "'";
  text.append(path.string()).append("'");
  return text;
}

TEST(ProtocolCommand, OgttWithMuscleResistanceIsImpairedGlucoseTolerance) {
  // Same subject as the muscle sweep of tests/protocols/clinical_protocols_test.cpp (40 % of normal: IGT).
  const auto result = testing::run_command(quoted(testing::cli_path()) + " protocol --json " +
                                           quoted(testing::source_path("scenarios/protocols/ogtt_muscle_resistance.toml")));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto out = nlohmann::json::parse(result.output);
  EXPECT_EQ(out.at("ada_class"), "IGT");
  EXPECT_EQ(out.at("samples").size(), 5U);
  EXPECT_GE(out.at("two_hour_glucose_mg_dl").get<double>(), 140.0);
}

TEST(ProtocolCommand, OgttWithTheType2LiverIsImpairedFastingGlucose) {
  // Same subject as ImpairedFastingGlucose.TheType2LiverMovesTheNormalSubjectIntoIsolatedIfg (fraction 1).
  const auto result = testing::run_command(quoted(testing::cli_path()) + " protocol --json " +
                                           quoted(testing::source_path("scenarios/protocols/ogtt_type2_liver.toml")));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto out = nlohmann::json::parse(result.output);
  EXPECT_EQ(out.at("ada_class"), "IFG");
  EXPECT_LT(out.at("two_hour_glucose_mg_dl").get<double>(), 140.0);
}

TEST(ProtocolCommand, ClampOfTheType2SubjectGivesAnMValue) {
  const auto result = testing::run_command(quoted(testing::cli_path()) + " protocol --json " +
                                           quoted(testing::source_path("scenarios/protocols/clamp_type2.toml")));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto out = nlohmann::json::parse(result.output);
  EXPECT_EQ(out.at("protocol"), "clamp");
  EXPECT_GT(out.at("m_value_mg_kg_min").get<double>(), 0.0);
}

struct BadProtocolCase {
  const char* name;
  const char* toml;
  int expected_line;
  const char* expected_key;
  const char* expected_text;
};

class ProtocolBadInput : public ::testing::TestWithParam<BadProtocolCase> {};

TEST_P(ProtocolBadInput, ExitsWithCode2AndNamesFileLineAndKey) {
  const BadProtocolCase& c = GetParam();
  std::string file_name = "isletsim_protocol_bad_" + std::to_string(::getpid());
  file_name.append("_").append(c.name).append(".toml");
  const auto path = testing::scratch_path(file_name);
  std::ofstream(path) << c.toml;
  const auto result = testing::run_command(quoted(testing::cli_path()) + " protocol " + quoted(path));
  std::filesystem::remove(path);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  const std::string location = path.string() + ":" + std::to_string(c.expected_line) + ":";
  EXPECT_NE(result.output.find(location), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("key '" + std::string(c.expected_key) + "'"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find(c.expected_text), std::string::npos) << result.output;
}

std::vector<BadProtocolCase> bad_protocols() {
  return {
      {"UnknownSubject", "subject = \"nobody\"\n[protocol]\ntype = \"ogtt\"\n", 1, "subject", "unknown subject"},
      {"NegativeBetaCellMass",
       "subject = \"dalla_man_normal\"\n[insulin_resistance]\nbeta_cell_mass = -0.5\n[protocol]\ntype = \"ogtt\"\n", 3,
       "insulin_resistance.beta_cell_mass", "between 0 and 10"},
      {"MisspeltKnob",
       "subject = \"dalla_man_normal\"\n[insulin_resistance]\nmuscle_sensitivity = 0.4\n[protocol]\ntype = \"ogtt\"\n",
       3, "insulin_resistance.muscle_sensitivity", "unknown key"},
      {"UnknownProtocol", "subject = \"dalla_man_normal\"\n[protocol]\ntype = \"ogtt2\"\n", 3, "protocol.type",
       "is not a protocol"},
      {"ClampKeyOnOgtt", "subject = \"dalla_man_normal\"\n[protocol]\ntype = \"ogtt\"\nheight_cm = 170\n", 4,
       "protocol.height_cm", "unknown key"},
      {"HepaticFractionAboveOne",
       "subject = \"dalla_man_normal\"\n[insulin_resistance]\nhepatic_type2_fraction = 1.5\n[protocol]\ntype = \"ogtt\"\n",
       3, "insulin_resistance.hepatic_type2_fraction", "between 0 and 1"},
      {"NanFirstPhase",
       "subject = \"dalla_man_normal\"\n[insulin_resistance]\nfirst_phase_secretion = nan\n[protocol]\ntype = \"ogtt\"\n",
       3, "insulin_resistance.first_phase_secretion", "finite"},
      {"NegativeSecondPhase",
       "subject = \"dalla_man_normal\"\n[insulin_resistance]\nsecond_phase_secretion = -1\n[protocol]\ntype = \"ogtt\"\n",
       3, "insulin_resistance.second_phase_secretion", "between 0 and 10"},
      {"HugeGlucoseLoad", "subject = \"dalla_man_normal\"\n[protocol]\ntype = \"ogtt\"\nglucose_g = 75000\n", 4,
       "protocol.glucose_g", "between 1 and 300"},
  };
}

INSTANTIATE_TEST_SUITE_P(Files, ProtocolBadInput, ::testing::ValuesIn(bad_protocols()),
                         [](const ::testing::TestParamInfo<BadProtocolCase>& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace isletsim
