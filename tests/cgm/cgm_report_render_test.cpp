// The AGP report rendered by a real browser: the CLI writes the HTML for a three-day synthetic trace, headless
// Chromium takes a screenshot, and the decoded PNG must show the charts -- the percentile bands, the median, the
// time-in-ranges bar and the daily traces in their colours, in that vertical order -- not a blank page.
// Skips when chromium is not installed (scripts/install_deps.sh installs it, so CI runs it).
#include <png.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "report/agp_report.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

struct Rgb {
  int r, g, b;
};

Rgb parse_colour(const char* hex) {
  unsigned r = 0, g = 0, b = 0;
  std::sscanf(hex, "#%02x%02x%02x", &r, &g, &b);
  return {static_cast<int>(r), static_cast<int>(g), static_cast<int>(b)};
}

struct Image {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;  // 3 bytes per pixel
  Rgb at(int x, int y) const {
    const std::size_t i = 3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

bool read_png(const std::string& path, Image* image) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&png, path.c_str()) == 0) return false;
  png.format = PNG_FORMAT_RGB;
  image->width = static_cast<int>(png.width);
  image->height = static_cast<int>(png.height);
  image->rgb.resize(PNG_IMAGE_SIZE(png));
  return png_image_finish_read(&png, nullptr, image->rgb.data(), 0, nullptr) != 0;
}

struct ColourRegion {
  long count = 0;
  int min_y = 1 << 30;
  int max_y = -1;
  double mean_y = 0;
};

ColourRegion find_colour(const Image& image, Rgb colour, int tolerance = 6) {
  ColourRegion region;
  double sum_y = 0;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const Rgb p = image.at(x, y);
      if (std::abs(p.r - colour.r) <= tolerance && std::abs(p.g - colour.g) <= tolerance &&
          std::abs(p.b - colour.b) <= tolerance) {
        ++region.count;
        sum_y += y;
        region.min_y = std::min(region.min_y, y);
        region.max_y = std::max(region.max_y, y);
      }
    }
  }
  if (region.count > 0) region.mean_y = sum_y / static_cast<double>(region.count);
  return region;
}

TEST(CgmReportRendering, ChromiumShowsTheCharts) {
  if (testing::run_command("command -v chromium").exit_code != 0) {
    GTEST_SKIP() << "chromium is not installed (scripts/install_deps.sh installs it): skipping the rendering test";
  }
  const std::filesystem::path work =
      std::filesystem::temp_directory_path() / fmt::format("isletsim_report_test_{}", ::getpid());
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
  const auto browser = testing::run_command(
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars "
      "--user-data-dir=" + (work / "profile").string() + " --screenshot=" + screenshot +
      " --window-size=1200,1600 file://" + report);
  ASSERT_TRUE(std::filesystem::exists(screenshot)) << browser.output;
  Image image;
  ASSERT_TRUE(read_png(screenshot, &image));
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
