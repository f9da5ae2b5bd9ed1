// Reads a scenario from a TOML file (format documented in docs/scenario.md) and validates every value.
// Errors are InputError naming the file, the line and the key.
#pragma once

#include <filesystem>

#include "engine/scenario.hpp"
#include "io/toml_table_reader.hpp"

namespace isletsim {

Scenario read_scenario_toml(const std::filesystem::path& path);

// The readers of the scenario's [controller], [sensor] and [pump] tables (same keys, same checks), for other
// files that embed them (the trial reader). `scenario.duration_min` must be set first (daily bolus times).
void read_controller_table(TomlTableReader& table, Scenario& scenario);
void read_sensor_table(TomlTableReader& table, Scenario& scenario);
void read_pump_table(TomlTableReader& table, Scenario& scenario);

}  // namespace isletsim
