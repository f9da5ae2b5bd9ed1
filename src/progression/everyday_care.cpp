#include "progression/everyday_care.hpp"

#include <cmath>
#include <string>

#include "core/input_error.hpp"

namespace isletsim {

SensitivityMultipliers weight_change_sensitivity(double weight_change_percent) {
  if (!std::isfinite(weight_change_percent) || weight_change_percent < -15.0 || weight_change_percent > 15.0) {
    throw InputError({"", 0, "weight_change_percent"}, "must be between -15 and 15 percent of starting weight, got " +
                                                           std::to_string(weight_change_percent));
  }
  const double loss_in_vitola_units = -weight_change_percent / 8.2;                     // Vitola 2009: 8.2 % loss
  return {std::pow(1.97, loss_in_vitola_units), std::pow(1.56, loss_in_vitola_units)};  // +97 % muscle, +56 % liver
}

double sleep_restriction_sensitivity(double sleep_hours) {
  if (!std::isfinite(sleep_hours) || sleep_hours < 0.0 || sleep_hours > 24.0) {
    throw InputError({"", 0, "sleep_hours"}, "must be between 0 and 24 hours, got " + std::to_string(sleep_hours));
  }
  if (sleep_hours >= 7.0) return 1.0;
  if (sleep_hours >= 5.0) return 0.89 + (1.0 - 0.89) * (sleep_hours - 5.0) / 2.0;  // Buxton 2010: -11 % at 5 h
  if (sleep_hours >= 4.0) return 0.75 + (0.89 - 0.75) * (sleep_hours - 4.0);       // Donga 2010: ~-25 % at 4 h
  return 0.75;
}

double post_exercise_muscle_sensitivity(double hours_since_bout_end) {
  if (hours_since_bout_end < 0.0 || hours_since_bout_end >= kPostExerciseEffectDurationHours) return 1.0;
  return 1.0 + kPostExerciseSensitivityGain * (1.0 - hours_since_bout_end / kPostExerciseEffectDurationHours);
}

}  // namespace isletsim
