// The trial report rendered by a real browser: the CLI writes the HTML of the valid fixture, headless Chromium takes
// a screenshot, and the decoded PNG must show the forest plot (estimates and whiskers, zero lines, the HbA1c estimate
// left of its zero line and the time-in-range one right of it) above the example traces (each arm's colour inside
// the target band's rows) -- not a blank page. Skips when chromium is not installed (scripts/install_deps.sh
// installs it, so CI runs it).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "report/trial_report.hpp"
#include "browser_screenshot.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

using testing::ColourRegion;
using testing::find_colour;
using testing::Image;
using testing::parse_colour;
using testing::Rgb;

TEST(TrialReportRendering, ChromiumShowsForestPlotAndTraces) {
  if (!testing::chromium_available()) {
    GTEST_SKIP() << "chromium is not installed (scripts/install_deps.sh installs it): skipping the rendering test";
  }
  const std::filesystem::path work =
      testing::scratch_path("isletsim_trial_render_test");
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work / "profile");
  std::filesystem::copy_file(testing::source_path("tests/data/trial/valid_arm_results.json"),
                             work / "arm_results.json");
  const auto cli = testing::run_command(testing::cli_path().string() + " report trial " + work.string());
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  const std::string report = (work / "trial_report.html").string();
  const std::string screenshot = (work / "report.png").string();
  Image image;
  std::string browser_log;
  ASSERT_TRUE(testing::screenshot_html(report, screenshot, work / "profile", 1200, 2000, &image, &browser_log))
      << browser_log;
  ASSERT_EQ(image.width, 1200);

  const Rgb estimate_colour = parse_colour(trial_report_colors::kEstimate);
  const Rgb zero_colour = parse_colour(trial_report_colors::kZeroLine);
  const ColourRegion estimates = find_colour(image, estimate_colour);
  const ColourRegion zeros = find_colour(image, zero_colour);
  // Three 12x12 squares and three 3-px whiskers with end ticks; three 2-px zero lines, one 26-px row each.
  EXPECT_GT(estimates.count, 3 * 144);
  EXPECT_GT(zeros.count, 3 * 2 * 20);
  // Rows of the forest plot: HbA1c (-1.2 %) is the first, time in range (+24 %) the second, 26 px apart.
  const int first_row = estimates.min_y;
  const ColourRegion hba1c = find_colour(image, estimate_colour, 6, first_row, first_row + 20);
  const ColourRegion hba1c_zero = find_colour(image, zero_colour, 6, first_row, first_row + 20);
  ASSERT_GT(hba1c.count, 0);
  ASSERT_GT(hba1c_zero.count, 0);
  EXPECT_LT(hba1c.mean_x, hba1c_zero.mean_x);
  const ColourRegion tir = find_colour(image, estimate_colour, 6, first_row + 48, first_row + 68);
  const ColourRegion tir_zero = find_colour(image, zero_colour, 6, first_row + 48, first_row + 68);
  ASSERT_GT(tir.count, 0);
  ASSERT_GT(tir_zero.count, 0);
  EXPECT_GT(tir.mean_x, tir_zero.mean_x);

  // The traces: the target band of two 466 x 52 px charts, and each arm's line (288 points across 466 px, 2 px
  // wide) below the forest plot and within the band's rows.
  const ColourRegion band = find_colour(image, parse_colour(trial_report_colors::kTargetBand), 3);
  EXPECT_GT(band.count, 2 * 400 * 40);
  EXPECT_GT(band.min_y, estimates.max_y);
  for (const char* arm_colour : {trial_report_colors::kArm[0], trial_report_colors::kArm[1]}) {
    const ColourRegion line = find_colour(image, parse_colour(arm_colour), 20, band.min_y - 80, band.max_y + 80);
    EXPECT_GT(line.count, 600) << arm_colour;
    EXPECT_GT(line.min_y, estimates.max_y) << arm_colour;
  }
  if (!HasFailure()) std::filesystem::remove_all(work);
}

}  // namespace
}  // namespace isletsim
