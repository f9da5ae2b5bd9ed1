// The `isletsim indices` and `isletsim fit minmod` commands, run as a user runs them.
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace isletsim {
namespace {

using testing::cli_path;
using testing::run_command;
using testing::source_path;

// Single-quoted for the shell. (Built with append: GCC 12 gives a false -Wrestrict on "'" + s + "'".)
std::string quoted(const std::filesystem::path& path) {
  std::string text = "'";
  text.append(path.string()).append("'");
  return text;
}

// Writes `content` to a fresh file in the temporary folder and returns its path (each test removes its file).
std::filesystem::path write_temp_csv(const std::string& name, const std::string& content) {
  auto file_name = "isletsim_cli_test_" + std::to_string(::getpid());
  file_name.append("_").append(name);
  const auto path = testing::scratch_path(file_name);
  std::ofstream(path) << content;
  return path;
}

nlohmann::json index_by_key(const nlohmann::json& output, const std::string& key) {
  for (const auto& entry : output.at("indices")) {
    if (entry.at("key") == key) return entry;
  }
  ADD_FAILURE() << "no index " << key;
  return {};
}

TEST(IndicesCommand, ComputesEveryIndexTheExampleFileAllows) {
  const auto result = run_command(quoted(cli_path()) + " indices --json " +
                                  quoted(source_path("tests/data/indices_example.csv")));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto output = nlohmann::json::parse(result.output);
  // Fasting 81.0702 mg/dl = 4.5 mmol/l (x 18.0156), 5 uU/ml: HOMA1-IR 1.0, %B 100 (Matthews 1985 reference);
  // QUICKI = 1/(log10 5 + log10 81.0702) = 1/(0.698970 + 1.908861) = 0.383460.
  EXPECT_NEAR(index_by_key(output, "homa1_ir").at("value").get<double>(), 1.0, 1e-6);
  EXPECT_NEAR(index_by_key(output, "homa1_beta_cell_percent").at("value").get<double>(), 100.0, 1e-4);
  EXPECT_NEAR(index_by_key(output, "quicki").at("value").get<double>(), 0.383460, 1e-6);
  // OGTT rows as in surrogate_indices_test.cpp: Matsuda 5, insulinogenic index 0.75, oral DIs 3.75 and 0.075.
  EXPECT_DOUBLE_EQ(index_by_key(output, "matsuda_isi").at("value").get<double>(), 5.0);
  EXPECT_DOUBLE_EQ(index_by_key(output, "insulinogenic_index").at("value").get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(index_by_key(output, "oral_disposition_index_matsuda").at("value").get<double>(), 3.75);
  EXPECT_DOUBLE_EQ(index_by_key(output, "oral_disposition_index_fasting_insulin").at("value").get<double>(), 0.075);
  // Clamp: GIR 8, 9, 10, 9 in the last 30 min -> M 9.0; glucose 90 -> 95 mg/dl: minus 5 * 1.9 / 30.
  EXPECT_DOUBLE_EQ(index_by_key(output, "clamp_m_value").at("value").get<double>(), 9.0);
  EXPECT_NEAR(index_by_key(output, "clamp_m_value_space_corrected").at("value").get<double>(), 9.0 - 5.0 * 1.9 / 30.0,
              1e-12);
}

TEST(IndicesCommand, PrintsATableByDefault) {
  const auto result = run_command(quoted(cli_path()) + " indices " +
                                  quoted(source_path("tests/data/indices_example.csv")));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("HOMA1-IR"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("Matsuda ISI"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("clamp M value"), std::string::npos) << result.output;
}

TEST(IndicesCommand, HelpDocumentsTheLayout) {
  const auto result = run_command(quoted(cli_path()) + " indices --help");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.output.find("gir_mg_kg_min"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("fasting | ogtt | ivgtt | clamp"), std::string::npos) << result.output;
}

struct BadInputCase {
  const char* name;
  const char* content;
  const char* expected_message;  // the message must name file, line and column
};

// Names the case in test listings (instead of gtest's byte dump).
void PrintTo(const BadInputCase& bad, std::ostream* os) { *os << bad.name; }

class IndicesBadInput : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(IndicesBadInput, ExitsWithCode2AndSaysWhereAndWhat) {
  const auto& bad = GetParam();
  const auto path = write_temp_csv(std::string(bad.name) + ".csv", bad.content);
  const auto result = run_command(quoted(cli_path()) + " indices " + quoted(path));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("error: " + path.string()), std::string::npos) << result.output;
  EXPECT_NE(result.output.find(bad.expected_message), std::string::npos) << result.output;
  std::filesystem::remove(path);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, IndicesBadInput,
    ::testing::Values(
        BadInputCase{"missing_column", "test,t_min,glucose_mg_dl\nogtt,0,100\n",
                     ":1: key 'insulin_uU_ml': required column is missing from the header"},
        BadInputCase{"nan", "test,t_min,glucose_mg_dl,insulin_uU_ml\nogtt,0,100,10\nogtt,30,nan,40\n",
                     ":3: key 'glucose_mg_dl': 'nan' is not a finite number"},
        BadInputCase{"negative_insulin", "test,t_min,glucose_mg_dl,insulin_uU_ml\nogtt,0,100,10\nogtt,30,140,-4\n",
                     ":3: key 'insulin_uU_ml': must be >= 0 uU/ml (got -4)"},
        BadInputCase{"truncated_row", "test,t_min,glucose_mg_dl,insulin_uU_ml\nogtt,0,100,10\nogtt,30,140\n",
                     ":3: expected 4 fields as in the header, found 3 (truncated or malformed row)"},
        BadInputCase{"unknown_test", "test,t_min,glucose_mg_dl,insulin_uU_ml\nogtt,0,100,10\nogt,30,140,40\n",
                     ":3: key 'test': unknown test type 'ogt' (expected fasting, ogtt, ivgtt or clamp)"},
        BadInputCase{"times_not_increasing",
                     "test,t_min,glucose_mg_dl,insulin_uU_ml\nogtt,0,100,10\nogtt,60,150,50\nogtt,30,140,40\n",
                     ":4: key 't_min': time 30 min is not after the previous ogtt sample (60 min)"},
        BadInputCase{"clamp_without_gir", "test,t_min,glucose_mg_dl,insulin_uU_ml\nclamp,0,90,100\n",
                     ":2: key 'gir_mg_kg_min': clamp rows need a 'gir_mg_kg_min' column"},
        BadInputCase{"no_test_column", "t_min,glucose_mg_dl,insulin_uU_ml\n0,100,10\n",
                     ":1: key 'test': the file has no 'test' column"}),
    [](const ::testing::TestParamInfo<BadInputCase>& param_info) { return std::string(param_info.param.name); });

TEST(IndicesCommand, ReportsIndicesTheDataDoNotAllow) {
  // Fasting glucose 3.3 mmol/l (59.45 mg/dl): HOMA1-%B is undefined (Matthews 1985 needs G > 3.5 mmol/l).
  const auto path = write_temp_csv("low_fasting.csv", "test,t_min,glucose_mg_dl,insulin_uU_ml\nfasting,0,59.45,3\n");
  const auto result = run_command(quoted(cli_path()) + " indices " + quoted(path));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("HOMA1-%B: HOMA1-%B is defined only for fasting glucose > 3.5 mmol/l"),
            std::string::npos)
      << result.output;
  std::filesystem::remove(path);
}

TEST(FitMinmodCommand, FitsThePaciniBergmanIvgtt) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto data = testing::reference_dir() / "physiology" / "ivgtt_pacini_bergman_1986.csv";
  const auto result = run_command(quoted(cli_path()) + " fit minmod --json --basal-glucose-mg-dl 82 "
                                  "--basal-insulin-uU-ml 8 " + quoted(data));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto output = nlohmann::json::parse(result.output);
  EXPECT_TRUE(output.at("converged").get<bool>());
  EXPECT_EQ(output.at("samples_fitted").get<int>(), 20);
  const auto& parameters = output.at("parameters");
  // CHECKS.md published ranges (late basal 82/8): S_G 0.020-0.030 /min, S_I 4e-4 to 9e-4 /min per uU/ml.
  const double sg = parameters.at("sg_per_min").at("estimate").get<double>();
  const double si = parameters.at("si_per_min_per_uU_ml").at("estimate").get<double>();
  EXPECT_GE(sg, 0.020);
  EXPECT_LE(sg, 0.030);
  EXPECT_GE(si, 4e-4);
  EXPECT_LE(si, 9e-4);
  for (const auto& [key, parameter] : parameters.items()) {
    ASSERT_TRUE(parameter.at("standard_error").is_number()) << key;
    EXPECT_GT(parameter.at("standard_error").get<double>(), 0.0) << key;
  }
}

TEST(FitMinmodCommand, PrintsATableWithStandardErrors) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto data = testing::reference_dir() / "physiology" / "ivgtt_pacini_bergman_1986.csv";
  const auto result = run_command(quoted(cli_path()) + " fit minmod " + quoted(data));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("G_b 92 mg/dl, I_b 11 uU/ml (t = 0 sample)"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("std.error"), std::string::npos) << result.output;
}

TEST(FitMinmodCommand, TooFewSamplesIsBadInput) {
  const auto path = write_temp_csv("short_ivgtt.csv",
                                   "t_min,glucose_mg_dl,insulin_uU_ml\n0,90,10\n8,250,60\n20,200,30\n60,100,12\n");
  const auto result = run_command(quoted(cli_path()) + " fit minmod " + quoted(path));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("needs at least 5 glucose samples"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find(path.string()), std::string::npos) << result.output;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace isletsim
