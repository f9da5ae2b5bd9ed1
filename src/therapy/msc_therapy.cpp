// MSC therapy effects: see msc_therapy.hpp.
#include "therapy/msc_therapy.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/input_error.hpp"

namespace isletsim {

namespace {
[[noreturn]] void fail(const std::string& key, const std::string& problem) { throw InputError({"", 0, key}, problem); }
void check_positive(double value, const std::string& key) {
  if (!std::isfinite(value) || !(value > 0)) fail(key, "must be a positive number, got " + std::to_string(value));
}
void check_non_negative(double value, const std::string& key) {
  if (!std::isfinite(value) || value < 0) fail(key, "must be zero or positive, got " + std::to_string(value));
}
double decayed(double gain, double dose_ratio, double elapsed_day, double half_life_day) {
  return gain * dose_ratio * std::exp(-std::log(2.0) * elapsed_day / half_life_day);
}
}  // namespace

void validate_msc_therapy(const MscTherapyDesign& design) {
  double previous_day = 0;
  for (std::size_t i = 0; i < design.infusions.size(); ++i) {
    const std::string key = "infusions[" + std::to_string(i) + "]";
    check_non_negative(design.infusions[i].day, key + ".day");
    if (design.infusions[i].day < previous_day) fail(key + ".day", "infusions must be listed in order of day");
    previous_day = design.infusions[i].day;
    check_positive(design.infusions[i].dose_cells_per_kg, key + ".dose_cells_per_kg");
  }
  const MscEffectParameters& p = design.parameters;
  check_positive(p.reference_dose_cells_per_kg, "parameters.reference_dose_cells_per_kg");
  check_non_negative(p.insulin_sensitivity_gain, "parameters.insulin_sensitivity_gain");
  check_positive(p.insulin_sensitivity_half_life_day, "parameters.insulin_sensitivity_half_life_day");
  check_non_negative(p.beta_cell_function_gain, "parameters.beta_cell_function_gain");
  check_positive(p.beta_cell_function_half_life_day, "parameters.beta_cell_function_half_life_day");
  check_non_negative(p.apoptosis_reduction_gain, "parameters.apoptosis_reduction_gain");
  check_positive(p.apoptosis_reduction_half_life_day, "parameters.apoptosis_reduction_half_life_day");
}

MscDailyEffect msc_effect_on_day(const MscTherapyDesign& design, double t_day) {
  validate_msc_therapy(design);
  const MscEffectParameters& p = design.parameters;
  double sensitivity = 0;
  double function = 0;
  double apoptosis = 0;
  for (const MscInfusion& infusion : design.infusions) {
    const double elapsed = t_day - infusion.day;
    if (elapsed < 0) break;  // in order of day
    const double ratio = infusion.dose_cells_per_kg / p.reference_dose_cells_per_kg;
    sensitivity += decayed(p.insulin_sensitivity_gain, ratio, elapsed, p.insulin_sensitivity_half_life_day);
    function += decayed(p.beta_cell_function_gain, ratio, elapsed, p.beta_cell_function_half_life_day);
    apoptosis += decayed(p.apoptosis_reduction_gain, ratio, elapsed, p.apoptosis_reduction_half_life_day);
  }
  MscDailyEffect effect;
  effect.day = t_day;
  effect.insulin_sensitivity_multiplier = 1 + sensitivity;
  effect.beta_cell_function_multiplier = 1 + function;
  effect.apoptosis_rate_multiplier = std::max(0.0, 1 - apoptosis);  // a death rate cannot be negative
  return effect;
}

std::vector<MscDailyEffect> msc_daily_effects(const MscTherapyDesign& design, int days) {
  std::vector<MscDailyEffect> effects;
  effects.reserve(static_cast<std::size_t>(std::max(days, 0)));
  for (int day = 1; day <= days; ++day) effects.push_back(msc_effect_on_day(design, day));
  return effects;
}

TissueInsulinResistance with_msc_effect(const TissueInsulinResistance& knobs, const MscDailyEffect& effect) {
  TissueInsulinResistance out = knobs;
  out.muscle_fat_insulin_sensitivity *= effect.insulin_sensitivity_multiplier;
  out.liver_insulin_sensitivity *= effect.insulin_sensitivity_multiplier;
  out.beta_cell_function *= effect.beta_cell_function_multiplier;
  return out;
}

Topp2000Parameters with_msc_effect(const Topp2000Parameters& parameters, const MscDailyEffect& effect) {
  Topp2000Parameters out = parameters;
  out.insulin_sensitivity_ml_per_uU_day *= effect.insulin_sensitivity_multiplier;
  out.beta_death_per_day *= effect.apoptosis_rate_multiplier;
  return out;
}

}  // namespace isletsim
