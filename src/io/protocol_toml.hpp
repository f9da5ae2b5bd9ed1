// Protocol files (TOML) for `isletsim protocol`: one published meal-model subject, optional tissue insulin-resistance
// knobs, and one clinical protocol with its options. Every key is validated; errors name file, line and key.
//
//   subject = "dalla_man_normal"        # or "dalla_man_type2"
//   [insulin_resistance]                # optional; fractions of normal (docs/insulin_resistance.md)
//   muscle_fat_insulin_sensitivity = 0.4
//   liver_insulin_sensitivity = 1.0
//   beta_cell_function = 1.0
//   beta_cell_mass = 0.5
//   [protocol]
//   type = "ogtt"                       # "ogtt" | "mixed_meal" | "ivgtt" | "clamp" (docs/protocols.md)
//   glucose_g = 75                      # type-specific options, see docs/protocols.md
#pragma once

#include <filesystem>
#include <string>

#include "physiology/dalla_man_2007_parameters.hpp"
#include "physiology/insulin_resistance.hpp"
#include "protocols/euglycaemic_clamp.hpp"
#include "protocols/intravenous_glucose_tolerance_test.hpp"
#include "protocols/oral_glucose_tolerance_test.hpp"

namespace isletsim {

enum class ProtocolType { kOgtt, kMixedMeal, kIvgtt, kClamp };

struct ProtocolRequest {
  std::string source_file;
  std::string subject_name;
  TissueInsulinResistance insulin_resistance;
  MealModelParameters subject;  // published subject with the knobs applied, at its resting state
  ProtocolType type = ProtocolType::kOgtt;
  OgttOptions ogtt;
  MixedMealOptions mixed_meal;
  IvgttOptions ivgtt;
  ClampOptions clamp;
};

ProtocolRequest read_protocol_toml(const std::filesystem::path& path);

}  // namespace isletsim
