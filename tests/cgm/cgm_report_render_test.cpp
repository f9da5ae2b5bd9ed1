// The AGP report rendered by a real browser: the CLI writes the HTML for a three-day synthetic trace, headless
// Chromium takes a screenshot, and the decoded PNG must show the charts -- the percentile bands, the median, the
// time-in-ranges bar and the daily traces in their colours, in that vertical order -- not a blank page.
// Skips when chromium is not installed (scripts/install_deps.sh installs it, so CI runs it).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "report/agp_report.hpp"
#include "browser_screenshot.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

using testing::ColourRegion;
using testing::find_colour;
using testing::Image;
using testing::parse_colour;

TEST(CgmReportRendering, ChromiumShowsTheCharts) {
  if (!testing::chromium_available()) {
    GTEST_SKIP() << "chromium is not installed (scripts/install_deps.sh installs it): skipping the rendering test";
  }
  const std::filesystem::path work =
      testing::scratch_path("isletsim_report_test");
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work / "profile");
  // Three days every 5 min: a daily cycle with a 3-h ripple, shifted by -25, 0 and +25 mg/dl on the three days, so
  // that every range band has readings and the percentile bands have some width.
  {
    std::ofstream csv(work / "trace.csv");
    csv << "time,glucose_mg_dl\n";
    for (int i = 0; i < 3 * 288; ++i) {
      const double minute = 5.0 * i;
      const int day = 1 + static_cast<int>(minute / 1440.0);
      const double glucose = 140.0 + 70.0 * std::sin(2 * M_PI * minute / 1440.0) +
                             25.0 * std::sin(2 * M_PI * minute / 180.0) + 25.0 * (day - 2);
      const int minute_of_day = static_cast<int>(minute) % 1440;
      csv << fmt::format("2023-05-{:02} {:02}:{:02}:00,{:.1f}\n", day, minute_of_day / 60, minute_of_day % 60, glucose);
    }
  }
  const std::string report = (work / "report.html").string();
  const auto cli = testing::run_command(testing::cli_path().string() + " cgm " + (work / "trace.csv").string() +
                                        " --report " + report);
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  const std::string screenshot = (work / "report.png").string();
  Image image;
  std::string browser_log;
  ASSERT_TRUE(testing::screenshot_html(report, screenshot, work / "profile", 1200, 1600, &image, &browser_log))
      << browser_log;
  ASSERT_EQ(image.width, 1200);

  const ColourRegion outer = find_colour(image, parse_colour(agp_colors::kOuterBand));
  const ColourRegion inner = find_colour(image, parse_colour(agp_colors::kInnerBand));
  const ColourRegion median = find_colour(image, parse_colour(agp_colors::kMedian), 20);
  const ColourRegion in_range = find_colour(image, parse_colour(agp_colors::kTarget));
  const ColourRegion high = find_colour(image, parse_colour(agp_colors::kHigh));
  const ColourRegion low = find_colour(image, parse_colour(agp_colors::kLow));
  const ColourRegion daily = find_colour(image, parse_colour(agp_colors::kDailyTrace), 20);
  // The bands of the percentile chart are large filled areas; the median a 3-px line across 24 h.
  EXPECT_GT(outer.count, 20000);
  EXPECT_GT(inner.count, 10000);
  EXPECT_GT(median.count, 1500);
  // The inner band and the median lie inside the outer band's rows.
  EXPECT_GE(inner.min_y, outer.min_y - 2);
  EXPECT_LE(inner.max_y, outer.max_y + 2);
  EXPECT_GE(median.min_y, outer.min_y - 2);
  // The time-in-ranges bar is above the profile: its high and low segments (and the legend squares) are there.
  EXPECT_GT(high.count, 1000);
  EXPECT_GT(low.count, 300);
  EXPECT_LT(high.max_y, outer.min_y);
  EXPECT_GT(in_range.count, 5000);
  // Daily traces come below the profile.
  EXPECT_GT(daily.count, 500);
  EXPECT_GT(daily.min_y, outer.max_y);
  if (!HasFailure()) std::filesystem::remove_all(work);
}

}  // namespace
}  // namespace isletsim
