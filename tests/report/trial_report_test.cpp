// The trial report renderer and `isletsim report trial DIR` on the fixtures in tests/data/trial/: the page holds
// every arm, endpoint and comparison, escapes the strings of the JSON, places each forest-plot estimate on the right
// side of its zero line; bad files (missing key, NaN, null where a statistic is defined, no arms) are InputErrors
// naming the file and the key, and exit code 2 from the CLI.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "report/trial_report.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

std::filesystem::path fixture(const std::string& name) {
  return testing::source_path("tests/data/trial/" + name + "_arm_results.json");
}

nlohmann::json load(const std::string& name) {
  std::ifstream stream(fixture(name));
  return nlohmann::json::parse(stream);
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
  return count;
}

// The InputError thrown by `call`, or a failure.
template <typename Call>
InputError error_of(Call call) {
  try {
    call();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError thrown";
  return InputError({}, "none");
}

TEST(TrialReport, ValidFixtureRendersArmsEndpointsComparisonsAndTraces) {
  const TrialResults results = read_trial_results(fixture("valid"));
  ASSERT_EQ(results.arms.size(), 2U);
  ASSERT_EQ(results.endpoints.size(), 3U);
  ASSERT_EQ(results.example_traces.size(), 2U);
  EXPECT_EQ(results.example_traces[0].t_min.size(), 288U);
  EXPECT_EQ(results.endpoints[2].kind, EndpointKind::kProportion);
  EXPECT_TRUE(std::isnan(results.endpoints[2].comparisons[0].p_value));  // Newcombe: no p-value in the file

  const std::string html = render_trial_report(results);
  for (const char* text : {"hba1c_percent", "tir_70_180_percent", "insulin_independent", "Welch", "Newcombe",
                           "control (reference)", "s0001", "s0013"}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  // Numbers from the fixture, as the tables print them ({:.4g}).
  EXPECT_NE(html.find("<td class=\"num\">-1.2</td><td class=\"num\">-1.5 to -0.9</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">10</td><td class=\"num\">0.833</td><td class=\"num\">0.552 to 0.953</td>"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;0.001"), std::string::npos);  // p = 1.2e-6
  // One estimate square per comparison, one zero line per endpoint, one chart per example trace.
  EXPECT_EQ(count_of(html, fmt::format("height=\"12\" fill=\"{}\"", trial_report_colors::kEstimate)), 3U);
  EXPECT_EQ(count_of(html, fmt::format("stroke=\"{}\" stroke-width=\"2\"", trial_report_colors::kZeroLine)), 3U);
  EXPECT_EQ(count_of(html, "<svg class=\"trace\""), 2U);
  EXPECT_EQ(count_of(html, fmt::format("stroke=\"{}\" stroke-width=\"2\"/>", trial_report_colors::kArm[0])), 1U);
  EXPECT_EQ(count_of(html, fmt::format("stroke=\"{}\" stroke-width=\"2\"/>", trial_report_colors::kArm[1])), 1U);
}

// The first coordinate (plus `offset`) of every SVG element that starts with `element_start` and carries `marker`,
// in document order. A plain scan rather than std::regex: GCC 12's std::regex trips -Wmaybe-uninitialized (a false
// positive inside libstdc++) in the sanitizer build, where warnings are errors.
std::vector<double> leading_coordinates(const std::string& html, const std::string& element_start,
                                        const std::string& marker, double offset) {
  std::vector<double> values;
  for (std::size_t at = html.find(marker); at != std::string::npos; at = html.find(marker, at + marker.size())) {
    const std::size_t tag = html.rfind('<', at);
    if (tag == std::string::npos || html.compare(tag, element_start.size(), element_start) != 0) continue;
    values.push_back(std::stod(html.substr(tag + element_start.size())) + offset);
  }
  return values;
}

TEST(TrialReport, ForestEstimatesLieOnTheSideOfZeroTheirSignSays) {
  const std::string html = render_trial_report(load("valid"));
  // Estimate squares (x is the centre minus 6) and zero lines, in document order: endpoint by endpoint.
  const std::string square_marker =
      fmt::format("width=\"12\" height=\"12\" fill=\"{}\"", trial_report_colors::kEstimate);
  const std::vector<double> squares = leading_coordinates(html, "<rect x=\"", square_marker, 6.0);
  const std::vector<double> zeros =
      leading_coordinates(html, "<line x1=\"", fmt::format("stroke=\"{}\"", trial_report_colors::kZeroLine), 0.0);
  ASSERT_EQ(squares.size(), 3U);
  ASSERT_EQ(zeros.size(), 3U);
  EXPECT_LT(squares[0], zeros[0]);  // HbA1c -1.2 %: left of zero
  EXPECT_GT(squares[1], zeros[1]);  // TIR +24 %: right of zero
  EXPECT_GT(squares[2], zeros[2]);  // insulin independence +0.833
}

TEST(TrialReport, EscapesEveryStringFromTheJson) {
  const std::string html = render_trial_report(load("valid"));
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>only</b>"), std::string::npos);
  EXPECT_EQ(html.find("<fixture>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Islet graft vs insulin &lt;fixture&gt; &amp; co"), std::string::npos);
  // An arm name with markup is escaped in the tables, the forest plot and the trace captions.
  nlohmann::json json = load("valid");
  const std::string evil = "<img src=x onerror=alert(1)>";
  json["arms"][1]["name"] = evil;
  for (auto& endpoint : json["endpoints"]) {
    endpoint["per_arm"][1]["arm"] = evil;
    endpoint["comparisons"][0]["arm"] = evil;
  }
  json["example_traces"][1]["arm"] = evil;
  const std::string escaped = render_trial_report(json);
  EXPECT_EQ(escaped.find("<img"), std::string::npos);
  EXPECT_EQ(count_of(escaped, "&lt;img src=x onerror=alert(1)&gt;"), 1U + 3U + 3U + 3U + 1U);  // arm table,
  // per-arm rows, forest rows, comparison rows, trace caption
}

TEST(TrialReport, MissingKeyNamesFileAndKeyPath) {
  const auto error = error_of([] { read_trial_results(fixture("missing_key")); });
  EXPECT_EQ(error.location().key, "endpoints[0].per_arm[1].mean");
  EXPECT_NE(error.location().file.find("missing_key_arm_results.json"), std::string::npos);
  EXPECT_NE(std::string(error.what()).find("is missing"), std::string::npos);
}

TEST(TrialReport, NanLiteralIsMalformedJsonWithItsLine) {
  const auto error = error_of([] { read_trial_results(fixture("nan_literal")); });
  EXPECT_EQ(error.location().line, 70);  // "sd": NaN is on line 70 of the fixture
  EXPECT_NE(std::string(error.what()).find("NaN"), std::string::npos);
}

TEST(TrialReport, NullWhereTheStatisticIsDefinedIsAnError) {
  // nlohmann::json writes NaN as null: a null CI of a Welch comparison of two arms of 12 is a NaN that leaked.
  const auto error = error_of([] { read_trial_results(fixture("null_statistic")); });
  EXPECT_EQ(error.location().key, "endpoints[0].comparisons[0].ci_high");
  EXPECT_NE(std::string(error.what()).find("n >= 2"), std::string::npos);
}

TEST(TrialReport, NullWhereTheStatisticIsUndefinedRendersNA) {
  nlohmann::json json = load("valid");
  // One participant in the graft arm: its SD and the Welch interval are undefined.
  auto& graft = json["endpoints"][0]["per_arm"][1];
  graft["n"] = 1;
  graft["sd"] = nullptr;
  auto& comparison = json["endpoints"][0]["comparisons"][0];
  for (const char* key : {"difference", "ci_low", "ci_high", "p_value"}) comparison[key] = nullptr;
  const std::string html = render_trial_report(json);
  EXPECT_NE(html.find("<td class=\"num\">6.4</td><td class=\"num\">NA</td>"), std::string::npos);
  EXPECT_NE(html.find("not estimable"), std::string::npos);
  EXPECT_EQ(count_of(html, fmt::format("height=\"12\" fill=\"{}\"", trial_report_colors::kEstimate)), 2U);
  // But a null mean with n = 1 is a leaked NaN.
  graft["mean"] = nullptr;
  EXPECT_EQ(error_of([&] { render_trial_report(json); }).location().key, "endpoints[0].per_arm[1].mean");
}

TEST(TrialReport, EmptyArmsIsAnError) {
  const auto error = error_of([] { read_trial_results(fixture("empty_arms")); });
  EXPECT_EQ(error.location().key, "arms");
  EXPECT_NE(std::string(error.what()).find("empty"), std::string::npos);
}

TEST(TrialReport, InconsistentContentIsAnError) {
  const nlohmann::json valid = load("valid");
  {
    nlohmann::json json = valid;
    json["endpoints"][0]["comparisons"][0]["reference"] = "placebo";
    EXPECT_EQ(error_of([&] { render_trial_report(json); }).location().key, "endpoints[0].comparisons[0].reference");
  }
  {
    nlohmann::json json = valid;
    json["endpoints"][0]["comparisons"][0]["ci_low"] = -1.0;  // CI [-1.0, -0.9] misses the estimate -1.2
    EXPECT_EQ(error_of([&] { render_trial_report(json); }).location().key, "endpoints[0].comparisons[0]");
  }
  {
    nlohmann::json json = valid;
    json["endpoints"][2]["per_arm"][1]["events"] = 13;  // more events than participants
    EXPECT_EQ(error_of([&] { render_trial_report(json); }).location().key, "endpoints[2].per_arm[1].events");
  }
  {
    nlohmann::json json = valid;
    json["endpoints"][1]["kind"] = "ordinal";
    EXPECT_EQ(error_of([&] { render_trial_report(json); }).location().key, "endpoints[1].kind");
  }
  {
    nlohmann::json json = valid;
    json["example_traces"][0]["cgm_mg_dl"][5] = "high";
    EXPECT_EQ(error_of([&] { render_trial_report(json); }).location().key, "example_traces[0].cgm_mg_dl[5]");
  }
  {
    nlohmann::json json = valid;
    json["example_traces"][1]["t_min"].erase(json["example_traces"][1]["t_min"].begin());
    EXPECT_EQ(error_of([&] { render_trial_report(json); }).location().key, "example_traces[1]");
  }
  {
    nlohmann::json json = valid;
    json["trial"]["participants"] = -3;
    EXPECT_EQ(error_of([&] { render_trial_report(json); }).location().key, "trial.participants");
  }
}

// --- the CLI ---------------------------------------------------------------------------------------------------

// Built with append: GCC 12's -Wrestrict misfires on "'" + std::string + "'".
std::string quoted(const std::filesystem::path& path) {
  std::string text = "'";
  text.append(path.string()).append("'");
  return text;
}

std::filesystem::path trial_dir_with(const std::string& fixture_name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("isletsim_trial_report_{}_{}", ::getpid(), fixture_name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(fixture(fixture_name), dir / "arm_results.json");
  return dir;
}

TEST(TrialReportCommand, WritesTrialReportHtmlIntoTheDirectory) {
  const auto dir = trial_dir_with("valid");
  const auto result = testing::run_command(quoted(testing::cli_path()) + " report trial " + quoted(dir));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::ifstream stream(dir / "trial_report.html");
  const std::string html((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  EXPECT_EQ(html, render_trial_report(read_trial_results(dir / "arm_results.json")));
  EXPECT_FALSE(std::filesystem::exists(dir / "trial_report.html.partial"));
  std::filesystem::remove_all(dir);
}

TEST(TrialReportCommand, BadFilesExitWithCodeTwoNamingFileAndKey) {
  struct Case {
    const char* fixture;
    const char* expected;  // in the message, after the file name
  };
  for (const Case& c : {Case{"missing_key", "key 'endpoints[0].per_arm[1].mean': is missing"},
                        Case{"nan_literal", "arm_results.json:70: malformed JSON"},
                        Case{"null_statistic", "key 'endpoints[0].comparisons[0].ci_high': is null"},
                        Case{"empty_arms", "key 'arms': is empty"}}) {
    const auto dir = trial_dir_with(c.fixture);
    const auto result = testing::run_command(quoted(testing::cli_path()) + " report trial " + quoted(dir));
    EXPECT_EQ(result.exit_code, 2) << c.fixture << ": " << result.output;
    EXPECT_NE(result.output.find((dir / "arm_results.json").string()), std::string::npos) << result.output;
    EXPECT_NE(result.output.find(c.expected), std::string::npos) << result.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "trial_report.html"));
    std::filesystem::remove_all(dir);
  }
}

TEST(TrialReportCommand, MissingDirectoryOrFileExitsWithCodeTwo) {
  const auto missing = testing::run_command(quoted(testing::cli_path()) + " report trial /nonexistent/trial_out");
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("/nonexistent/trial_out"), std::string::npos);
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("isletsim_trial_report_{}_empty", ::getpid());
  std::filesystem::create_directories(dir);
  const auto no_file = testing::run_command(quoted(testing::cli_path()) + " report trial " + quoted(dir));
  EXPECT_EQ(no_file.exit_code, 2) << no_file.output;
  EXPECT_NE(no_file.output.find("arm_results.json: cannot open"), std::string::npos) << no_file.output;
  std::filesystem::remove_all(dir);
}

TEST(TrialReportCommand, HelpDescribesTheCommand) {
  const auto result = testing::run_command(quoted(testing::cli_path()) + " report trial --help");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("arm_results.json"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("--out"), std::string::npos);
  const auto bare = testing::run_command(quoted(testing::cli_path()) + " report");
  EXPECT_EQ(bare.exit_code, 2) << bare.output;  // a subcommand (trial) is required
}

}  // namespace
}  // namespace isletsim
