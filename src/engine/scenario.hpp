// Scenario: everything one simulation needs, independent of how it was written down (TOML, code, a trial).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "control/controller_config.hpp"
#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
#include "engine/meal_intake.hpp"
#include "physiology/uva_padova_parameters.hpp"

namespace isletsim {

struct Scenario {
  std::string source_file;
  double duration_min = 1440;
  double start_time_of_day_min = 0;  // wall-clock time of day at t = 0
  std::uint64_t seed = 1;
  // The backend that integrates the subjects (engine/backend.hpp: "reference", "fast", ...).
  std::string backend = "reference";
  std::vector<UvaPadovaParameters> subjects;
  std::vector<Meal> meals;           // absolute times, sorted
  ControllerConfig controller;
  std::optional<CgmSensorParameters> sensor;  // none: the controller sees subcutaneous glucose
  InsulinPumpParameters pump = *published_insulin_pump("ideal");
};

}  // namespace isletsim
