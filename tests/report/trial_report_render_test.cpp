// The trial report rendered by a real browser: the CLI writes the HTML of the valid fixture, headless Chromium takes
// a screenshot, and the decoded PNG must show the forest plot (estimates and whiskers, zero lines, the HbA1c estimate
// left of its zero line and the time-in-range one right of it) above the example traces (each arm's colour inside
// the target band's rows) -- not a blank page. Skips when chromium is not installed (scripts/install_deps.sh
// installs it, so CI runs it).
#include <png.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "report/trial_report.hpp"
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
    const std::size_t i =
        3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
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
  double mean_x = 0;
};

// Pixels of `colour` (within `tolerance` per channel) in rows [row_from, row_to).
ColourRegion find_colour(const Image& image, Rgb colour, int tolerance = 6, int row_from = 0, int row_to = 1 << 30) {
  ColourRegion region;
  double sum_x = 0;
  for (int y = std::max(0, row_from); y < std::min(image.height, row_to); ++y) {
    for (int x = 0; x < image.width; ++x) {
      const Rgb p = image.at(x, y);
      if (std::abs(p.r - colour.r) <= tolerance && std::abs(p.g - colour.g) <= tolerance &&
          std::abs(p.b - colour.b) <= tolerance) {
        ++region.count;
        sum_x += x;
        region.min_y = std::min(region.min_y, y);
        region.max_y = std::max(region.max_y, y);
      }
    }
  }
  if (region.count > 0) region.mean_x = sum_x / static_cast<double>(region.count);
  return region;
}

TEST(TrialReportRendering, ChromiumShowsForestPlotAndTraces) {
  if (testing::run_command("command -v chromium").exit_code != 0) {
    GTEST_SKIP() << "chromium is not installed (scripts/install_deps.sh installs it): skipping the rendering test";
  }
  const std::filesystem::path work =
      std::filesystem::temp_directory_path() / fmt::format("isletsim_trial_render_test_{}", ::getpid());
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work / "profile");
  std::filesystem::copy_file(testing::source_path("tests/data/trial/valid_arm_results.json"),
                             work / "arm_results.json");
  const auto cli = testing::run_command(testing::cli_path().string() + " report trial " + work.string());
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  const std::string report = (work / "trial_report.html").string();
  const std::string screenshot = (work / "report.png").string();
  const auto browser = testing::run_command(
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars "
      "--user-data-dir=" + (work / "profile").string() + " --screenshot=" + screenshot +
      " --window-size=1200,2000 file://" + report);
  ASSERT_TRUE(std::filesystem::exists(screenshot)) << browser.output;
  Image image;
  ASSERT_TRUE(read_png(screenshot, &image));
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
