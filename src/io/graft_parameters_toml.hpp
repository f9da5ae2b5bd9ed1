// Reads the settable parameters of an islet graft's course (therapy/islet_graft_design.hpp) from a TOML table, e.g.
// [arm.intervention.parameters] of a trial or [design.parameters] of a graft calibration. Keys (all optional, the
// defaults are those of IsletGraftParameters): potency, maturation_lag_day, maturation_time_constant_day,
// engraftment_log_sd, attrition_rate_per_year, insulin_independence_mass_fraction. Unknown keys, non-finite or
// negative values are InputErrors naming file, line and key.
#pragma once

#include "io/toml_table_reader.hpp"
#include "therapy/islet_graft_design.hpp"

namespace isletsim {

void read_graft_parameters_table(TomlTableReader& table, IsletGraftParameters& parameters);

}  // namespace isletsim
