// Support for the report-rendering tests: a screenshot of an HTML file by headless Chromium, the PNG decoded, and
// where a colour shows up in it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace isletsim::testing {

struct Rgb {
  int r, g, b;
};

// "#rrggbb" -> its channels.
Rgb parse_colour(const char* hex);

struct Image {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;  // 3 bytes per pixel, row by row
  Rgb at(int x, int y) const;
};

// True when the chromium program is on the PATH (scripts/install_deps.sh installs it).
bool chromium_available();

// Renders `html` in headless Chromium at width x height px into `png` (profile folder: `profile_dir`) and decodes it.
// False when no screenshot was made or it cannot be read; `log` gets the browser's output.
bool screenshot_html(const std::filesystem::path& html, const std::filesystem::path& png,
                     const std::filesystem::path& profile_dir, int width, int height, Image* image, std::string* log);

struct ColourRegion {
  long count = 0;
  int min_y = 1 << 30;
  int max_y = -1;
  double mean_x = 0;
  double mean_y = 0;
};

// Pixels of `colour` (within `tolerance` per channel) in rows [row_from, row_to).
ColourRegion find_colour(const Image& image, Rgb colour, int tolerance = 6, int row_from = 0, int row_to = 1 << 30);

}  // namespace isletsim::testing
