#include "browser_screenshot.hpp"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "test_support.hpp"

namespace isletsim::testing {

Rgb parse_colour(const char* hex) {
  unsigned r = 0, g = 0, b = 0;
  std::sscanf(hex, "#%02x%02x%02x", &r, &g, &b);
  return {static_cast<int>(r), static_cast<int>(g), static_cast<int>(b)};
}

Rgb Image::at(int x, int y) const {
  const std::size_t i = 3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
  return {rgb[i], rgb[i + 1], rgb[i + 2]};
}

bool chromium_available() { return run_command("command -v chromium").exit_code == 0; }

namespace {

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

}  // namespace

bool screenshot_html(const std::filesystem::path& html, const std::filesystem::path& png,
                     const std::filesystem::path& profile_dir, int width, int height, Image* image, std::string* log) {
  // No network, no first-run or background work: the page is a self-contained local file.
  const auto browser = run_command(
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars "
      "--user-data-dir=" + profile_dir.string() + " --screenshot=" + png.string() + " --window-size=" +
      std::to_string(width) + "," + std::to_string(height) + " file://" + html.string());
  *log = browser.output;
  return std::filesystem::exists(png) && read_png(png.string(), image);
}

ColourRegion find_colour(const Image& image, Rgb colour, int tolerance, int row_from, int row_to) {
  ColourRegion region;
  double sum_x = 0, sum_y = 0;
  for (int y = std::max(0, row_from); y < std::min(image.height, row_to); ++y) {
    for (int x = 0; x < image.width; ++x) {
      const Rgb p = image.at(x, y);
      if (std::abs(p.r - colour.r) <= tolerance && std::abs(p.g - colour.g) <= tolerance &&
          std::abs(p.b - colour.b) <= tolerance) {
        ++region.count;
        sum_x += x;
        sum_y += y;
        region.min_y = std::min(region.min_y, y);
        region.max_y = std::max(region.max_y, y);
      }
    }
  }
  if (region.count > 0) {
    region.mean_x = sum_x / static_cast<double>(region.count);
    region.mean_y = sum_y / static_cast<double>(region.count);
  }
  return region;
}

}  // namespace isletsim::testing
