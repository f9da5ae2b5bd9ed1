// Type 2 virtual cohort: see type2_cohort.hpp.
#include "trial/type2_cohort.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/input_error.hpp"
#include "core/random_stream.hpp"

namespace isletsim {

namespace {
void check_cv(double cv, const char* key) {
  if (!std::isfinite(cv) || cv < 0.0) {
    throw InputError({"", 0, key}, "must be a coefficient of variation >= 0, got " + std::to_string(cv));
  }
}
double draw_knob(RandomStream& stream, double cv) {
  constexpr double kLowest = 0.1;  // assumption: clamp (type2_cohort.hpp)
  constexpr double kHighest = 5.0;
  const double z = stream.standard_normal();  // drawn even when cv = 0, so streams stay aligned
  return std::clamp(std::exp(lognormal_sigma_for_cv(cv) * z), kLowest, kHighest);
}
}  // namespace

double lognormal_sigma_for_cv(double cv) { return std::sqrt(std::log1p(cv * cv)); }

void validate_type2_cohort_spread(const Type2CohortSpread& s) {
  check_cv(s.muscle_fat_insulin_sensitivity_cv, "muscle_fat_insulin_sensitivity_cv");
  check_cv(s.liver_insulin_sensitivity_cv, "liver_insulin_sensitivity_cv");
  check_cv(s.beta_cell_function_cv, "beta_cell_function_cv");
  check_cv(s.beta_cell_mass_cv, "beta_cell_mass_cv");
}

TissueInsulinResistance sample_type2_knobs(std::uint64_t seed, std::uint64_t index, const Type2CohortSpread& s) {
  validate_type2_cohort_spread(s);
  RandomStream stream(seed, index, StreamPurpose::kType2Cohort);
  TissueInsulinResistance knobs;
  knobs.muscle_fat_insulin_sensitivity = draw_knob(stream, s.muscle_fat_insulin_sensitivity_cv);
  knobs.liver_insulin_sensitivity = draw_knob(stream, s.liver_insulin_sensitivity_cv);
  knobs.beta_cell_function = draw_knob(stream, s.beta_cell_function_cv);
  knobs.beta_cell_mass = draw_knob(stream, s.beta_cell_mass_cv);
  return knobs;
}

}  // namespace isletsim
