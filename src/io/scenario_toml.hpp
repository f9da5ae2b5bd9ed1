// Reads a scenario from a TOML file (format documented in docs/scenario.md) and validates every value.
// Errors are InputError naming the file, the line and the key.
#pragma once

#include <filesystem>

#include "engine/scenario.hpp"

namespace isletsim {

Scenario read_scenario_toml(const std::filesystem::path& path);

}  // namespace isletsim
