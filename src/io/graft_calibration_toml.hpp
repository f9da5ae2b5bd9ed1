// Reads an islet-graft calibration (trial/graft_calibration.hpp) from a TOML file; format in docs/calibration.md:
//   [calibration] name;  [design] dose_cells, site, immune_protection, infusion_days, [design.parameters];
//   [[free]] parameter, lower, upper;  [[target]] quantity, day, observed, standard_deviation, source;
//   [[prior]] parameter, mean, standard_deviation, reason;  [[prediction]] quantity, day, published, source.
// Every key is validated; errors are InputError naming the file, the line and the key.
#pragma once

#include <filesystem>
#include <string>

#include "trial/graft_calibration.hpp"

namespace isletsim {

struct GraftCalibrationFile {
  std::string name;
  GraftCalibrationSetup setup;
};

GraftCalibrationFile read_graft_calibration_toml(const std::filesystem::path& path);

}  // namespace isletsim
