#include "physiology/insulin_resistance.hpp"

#include <cmath>
#include <string>

#include "core/input_error.hpp"
#include "physiology/dalla_man_2007_steady_state.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"

namespace isletsim {

namespace {
void check_knob(double value, const char* name) {
  if (!std::isfinite(value) || value < 0.0 || value > 10.0) {
    throw InputError({"", 0, name}, "must be a fraction of normal between 0 and 10 (1 = as published), got " +
                                        std::to_string(value));
  }
}
// Ratios type 2 / normal of the endogenous-production parameters of the two published subjects (Dalla Man 2007
// Table 1, as built in dalla_man_2007_subjects.cpp): kp1 3.09/2.70, kp2 0.0007/0.0021, kp3 0.005/0.009,
// kp4 0.0786/0.0618.
struct HepaticRatios {
  double kp1, kp2, kp3, kp4;
};
const HepaticRatios& type2_over_normal_liver() {
  static const HepaticRatios ratios = [] {
    const MealModelParameters n = dalla_man_2007_average_normal();
    const MealModelParameters t = dalla_man_2007_average_type2();
    return HepaticRatios{t.kp1 / n.kp1, t.kp2 / n.kp2, t.kp3 / n.kp3, t.kp4 / n.kp4};
  }();
  return ratios;
}
}  // namespace

MealModelParameters with_insulin_resistance(const MealModelParameters& published, const TissueInsulinResistance& k) {
  check_knob(k.muscle_fat_insulin_sensitivity, "muscle_fat_insulin_sensitivity");
  check_knob(k.liver_insulin_sensitivity, "liver_insulin_sensitivity");
  check_knob(k.beta_cell_function, "beta_cell_function");
  check_knob(k.beta_cell_mass, "beta_cell_mass");
  check_knob(k.first_phase_secretion, "first_phase_secretion");
  check_knob(k.second_phase_secretion, "second_phase_secretion");
  if (!std::isfinite(k.hepatic_type2_fraction) || k.hepatic_type2_fraction < 0.0 || k.hepatic_type2_fraction > 1.0) {
    throw InputError({"", 0, "hepatic_type2_fraction"},
                     "must be between 0 (own liver) and 1 (the published type 2 liver), got " +
                         std::to_string(k.hepatic_type2_fraction));
  }
  MealModelParameters p = published;
  p.Vmx *= k.muscle_fat_insulin_sensitivity;  // eq. 25
  p.kp3 *= k.liver_insulin_sensitivity;       // eq. 10
  p.kp4 *= k.liver_insulin_sensitivity;       // eq. 10
  p.beta *= k.beta_cell_function * k.second_phase_secretion;  // eq. 20
  p.K *= k.beta_cell_function * k.first_phase_secretion;      // eq. 19
  if (k.hepatic_type2_fraction > 0.0) {  // eq. 10, geometric interpolation toward the type 2 fit (assumption)
    const HepaticRatios& r = type2_over_normal_liver();
    p.kp1 *= std::pow(r.kp1, k.hepatic_type2_fraction);
    p.kp2 *= std::pow(r.kp2, k.hepatic_type2_fraction);
    p.kp3 *= std::pow(r.kp3, k.hepatic_type2_fraction);
    p.kp4 *= std::pow(r.kp4, k.hepatic_type2_fraction);
  }
  p.beta_cell_mass *= k.beta_cell_mass;
  settle_to_steady_state(p);
  return p;
}

}  // namespace isletsim
