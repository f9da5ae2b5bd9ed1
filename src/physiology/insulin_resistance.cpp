#include "physiology/insulin_resistance.hpp"

#include <cmath>
#include <string>

#include "core/input_error.hpp"
#include "physiology/dalla_man_2007_steady_state.hpp"

namespace isletsim {

namespace {
void check_knob(double value, const char* name) {
  if (!std::isfinite(value) || value < 0.0 || value > 10.0) {
    throw InputError({"", 0, name}, "must be a fraction of normal between 0 and 10 (1 = as published), got " +
                                        std::to_string(value));
  }
}
}  // namespace

MealModelParameters with_insulin_resistance(const MealModelParameters& published, const TissueInsulinResistance& k) {
  check_knob(k.muscle_fat_insulin_sensitivity, "muscle_fat_insulin_sensitivity");
  check_knob(k.liver_insulin_sensitivity, "liver_insulin_sensitivity");
  check_knob(k.beta_cell_function, "beta_cell_function");
  check_knob(k.beta_cell_mass, "beta_cell_mass");
  MealModelParameters p = published;
  p.Vmx *= k.muscle_fat_insulin_sensitivity;  // eq. 25
  p.kp3 *= k.liver_insulin_sensitivity;       // eq. 10
  p.kp4 *= k.liver_insulin_sensitivity;       // eq. 10
  p.beta *= k.beta_cell_function;             // eq. 20
  p.K *= k.beta_cell_function;                // eq. 19
  p.beta_cell_mass *= k.beta_cell_mass;
  settle_to_steady_state(p);
  return p;
}

}  // namespace isletsim
