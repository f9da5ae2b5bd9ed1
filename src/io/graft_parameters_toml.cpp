#include "io/graft_parameters_toml.hpp"

#include <cmath>

#include <fmt/format.h>

namespace isletsim {

void read_graft_parameters_table(TomlTableReader& table, IsletGraftParameters& p) {
  struct Key {
    const char* name;
    double* value;
    bool positive;  // > 0 required (else >= 0)
  };
  const Key keys[] = {
      {"potency", &p.potency, true},
      {"maturation_lag_day", &p.maturation_lag_day, false},
      {"maturation_time_constant_day", &p.maturation_time_constant_day, true},
      {"engraftment_log_sd", &p.engraftment_log_sd, false},
      {"attrition_rate_per_year", &p.attrition_rate_per_year, false},
      {"insulin_independence_mass_fraction", &p.insulin_independence_mass_fraction, true},
  };
  std::vector<std::string> allowed;
  for (const Key& key : keys) allowed.emplace_back(key.name);
  table.reject_unknown_keys(allowed);
  for (const Key& key : keys) {
    const auto value = table.optional_number(key.name);
    if (!value) continue;
    if (key.positive ? !(*value > 0) : !(*value >= 0)) {
      table.fail(key.name, fmt::format("must be {} 0 (got {})", key.positive ? ">" : ">=", *value));
    }
    *key.value = *value;
  }
}

}  // namespace isletsim
