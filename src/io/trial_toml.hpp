// Reads a virtual trial from a TOML file (format documented in docs/trial.md) and validates every value.
// Errors are InputError naming the file, the line and the key.
#pragma once

#include <filesystem>

#include "trial/trial_definition.hpp"

namespace isletsim {

TrialDefinition read_trial_toml(const std::filesystem::path& path);

}  // namespace isletsim
