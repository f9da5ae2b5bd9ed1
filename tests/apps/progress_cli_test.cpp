// `isletsim progress` and its TOML reader: every table read into the options, one CSV row per day, and bad files
// (exit code 2, with file, line and key in the message).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/progression_toml.hpp"
#include "progression/multiscale_course.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

std::string quoted(const std::filesystem::path& path) {
  std::string text = "'";
  text.append(path.string()).append("'");
  return text;
}

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  std::string file_name = "isletsim_progress_" + std::to_string(::getpid());
  file_name.append("_").append(name).append(".toml");
  const auto path = testing::scratch_path(file_name);
  std::ofstream(path) << text;
  return path;
}

constexpr const char* kFullFile = R"(subject = "dalla_man_normal"
[progression]
duration_day = 20
coupling_interval_min = 720
[progression.sensitivity]
muscle_target = 0.5
liver_target = 0.8
rate_per_day = 0.01
start_day = 2
[progression.initial_beta_cells]
relative_mass = 0.9
relative_function = 0.8
[[progression.meals]]
time = "08:00"
carbs_g = 60
[[progression.meals]]
time = "18:30"
carbs_g = 90
duration_min = 20
[[progression.exercise]]
day = 3
time = "17:00"
duration_min = 45
net_uptake_mg_per_kg_per_min = 0.8
[[progression.sleep]]
day = 5
hours = 4.5
[[progression.weight]]
day = 10
percent_of_start = -5
[progression.basal_insulin]
start_day = 1
rate_pmol_per_kg_per_min = 0.5
adherence = 0.8
seed = 7
subject_index = 2
)";

TEST(ProgressionToml, ReadsEveryTableIntoTheOptions) {
  const auto path = write_temp("full", kFullFile);
  const auto r = read_progression_toml(path);
  std::filesystem::remove(path);
  const auto& o = r.options;
  EXPECT_EQ(r.subject_name, "dalla_man_normal");
  EXPECT_EQ(o.duration_day, 20);
  EXPECT_EQ(o.coupling_interval_min, 720);
  EXPECT_EQ(o.sensitivity.muscle_target, 0.5);
  EXPECT_EQ(o.sensitivity.liver_target, 0.8);
  EXPECT_EQ(o.sensitivity.rate_per_day, 0.01);
  EXPECT_EQ(o.sensitivity.start_day, 2);
  EXPECT_EQ(o.initial_beta_cells.relative_mass, 0.9);
  EXPECT_EQ(o.initial_beta_cells.relative_function, 0.8);
  ASSERT_EQ(o.routine.meals.size(), 2U);
  EXPECT_EQ(o.routine.meals[0].start_min_of_day, 480);
  EXPECT_EQ(o.routine.meals[0].duration_min, 15);  // default
  EXPECT_EQ(o.routine.meals[1].start_min_of_day, 1110);
  EXPECT_EQ(o.routine.meals[1].carbs_g, 90);
  ASSERT_EQ(o.exercise.size(), 1U);
  EXPECT_EQ(o.exercise[0].start_min_of_day, 1020);
  EXPECT_EQ(o.exercise[0].net_uptake_mg_per_kg_per_min, 0.8);
  ASSERT_EQ(o.sleep.size(), 1U);
  EXPECT_EQ(o.sleep[0].hours, 4.5);
  ASSERT_EQ(o.weight.size(), 1U);
  EXPECT_EQ(o.weight[0].percent_of_start, -5);
  ASSERT_TRUE(o.basal_insulin.has_value());
  EXPECT_EQ(o.basal_insulin->adherence, 0.8);
  EXPECT_EQ(o.basal_insulin->seed, 7U);
  EXPECT_EQ(o.basal_insulin->subject_index, 2U);
}

TEST(ProgressionToml, ShippedT2DCourseFileIsTheTestedCourse) {
  const auto r = read_progression_toml(testing::source_path("scenarios/progression/t2d_course.toml"));
  EXPECT_EQ(r.options.duration_day, 1825);
  EXPECT_EQ(r.options.sensitivity.muscle_target, 0.225);  // HSS 2016: 0.18 / 0.8
  EXPECT_EQ(r.options.sensitivity.liver_target, 0.225);
  EXPECT_EQ(r.options.sensitivity.rate_per_day, 0.00756);
  EXPECT_EQ(r.options.routine.meals.size(), 3U);  // the default routine
}

TEST(ProgressCommand, PrintsOneCsvRowPerDay) {
  const auto path = write_temp("run", kFullFile);
  const auto result = testing::run_command(quoted(testing::cli_path()) + " progress " + quoted(path));
  std::filesystem::remove(path);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::istringstream lines(result.output);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("day,mean_glucose_mg_dl,", 0), 0U) << line;
  int rows = 0;
  while (std::getline(lines, line)) ++rows;
  EXPECT_EQ(rows, 20);
}

struct BadProgressionCase {
  const char* name;
  const char* toml;
  int expected_line;
  const char* expected_key;
  const char* expected_text;
};

class ProgressBadInput : public ::testing::TestWithParam<BadProgressionCase> {};

TEST_P(ProgressBadInput, ExitsWithCode2AndNamesFileLineAndKey) {
  const BadProgressionCase& c = GetParam();
  const auto path = write_temp(c.name, c.toml);
  const auto result = testing::run_command(quoted(testing::cli_path()) + " progress " + quoted(path));
  std::filesystem::remove(path);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  const std::string location = path.string() + ":" + std::to_string(c.expected_line) + ":";
  EXPECT_NE(result.output.find(location), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("key '" + std::string(c.expected_key) + "'"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find(c.expected_text), std::string::npos) << result.output;
}

std::vector<BadProgressionCase> bad_files() {
  const std::string head = "subject = \"dalla_man_normal\"\n[progression]\nduration_day = 10\n";
  static std::vector<std::string> texts;  // keep the strings alive for the const char* cases
  texts = {
      head + "coupling_interval_min = 1000\n",
      head + "duration_days = 10\n",
      head + "[[progression.meals]]\ntime = \"07:00\"\ncarbs_g = -5\n",
      head + "[[progression.meals]]\ntime = \"25:00\"\ncarbs_g = 50\n",
      head + "[progression.basal_insulin]\nrate_pmol_per_kg_per_min = 0.5\nadherence = 1.5\n",
      head + "[[progression.sleep]]\nday = 2\nhours = nan\n",
      head + "[[progression.weight]]\nday = 2\npercent_of_start = 20\n",
      head + "[[progression.exercise]]\nday = 2.5\ntime = \"17:00\"\nduration_min = 30\n",
      "subject = \"dalla_man_normal\"\n[progression]\nduration_day = -3\n",
  };
  return {
      {"CouplingInterval", texts[0].c_str(), 4, "progression.coupling_interval_min", "divide 1440"},
      {"MisspeltKey", texts[1].c_str(), 4, "progression.duration_days", "unknown key"},
      {"NegativeCarbs", texts[2].c_str(), 6, "progression.meals[0].carbs_g", "between 0 and 500"},
      {"BadTime", texts[3].c_str(), 5, "progression.meals[0].time", "not a time of day"},
      {"Adherence", texts[4].c_str(), 6, "progression.basal_insulin.adherence", "between 0 and 1"},
      {"NanSleep", texts[5].c_str(), 6, "progression.sleep[0].hours", ""},
      {"WeightGain", texts[6].c_str(), 6, "progression.weight[0].percent_of_start", "between -15 and 15"},
      {"FractionalDay", texts[7].c_str(), 5, "progression.exercise[0].day", "whole number"},
      {"NegativeDuration", texts[8].c_str(), 3, "progression.duration_day", "between 0 and 36500"},
  };
}

INSTANTIATE_TEST_SUITE_P(Files, ProgressBadInput, ::testing::ValuesIn(bad_files()),
                         [](const ::testing::TestParamInfo<BadProgressionCase>& p) { return p.param.name; });

}  // namespace
}  // namespace isletsim
