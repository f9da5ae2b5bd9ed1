// Type 2 virtual cohort: people sampled around the average type 2 subject of Dalla Man, Rizza & Cobelli 2007
// (IEEE TBME 54:1740, Table 1; dalla_man_2007_subjects.cpp) by lognormal spread on the four tissue knobs of
// insulin_resistance.hpp (muscle/fat and liver insulin sensitivity, beta-cell function, beta-cell mass), each with
// median 1 (the published subject) and its own coefficient of variation.
//
// Spread (assumption): CV 30 % on each knob. Population figures are wider: minimal-model S_I in type 2 diabetes is
// 0.57 +- 0.82 x 1e-4 /min per uU/ml (CV 144 %, shared/reference/physiology/CHECKS.md), but that spread contains
// the large estimation error of S_I from one IVGTT (CV 40-100 %, same file) and, applied to the knobs, would send
// some people outside the range the meal model was fitted to. No published CV of the Dalla Man 2007 parameters
// themselves is used here. A lognormal knob k = exp(sigma Z) with sigma = sqrt(ln(1 + CV^2)) has median 1 and
// coefficient of variation CV; it is clamped to [0.1, 5] (assumption: extremes beyond the model's range).
// Each person's normals come from RandomStream(seed, index, StreamPurpose::kType2Cohort), four per person in the
// order of the knobs above, so a person is the same whatever the thread count or cohort size.
#pragma once

#include <cstdint>

#include "physiology/insulin_resistance.hpp"

namespace isletsim {

struct Type2CohortSpread {
  double muscle_fat_insulin_sensitivity_cv = 0.3;  // assumption (see above)
  double liver_insulin_sensitivity_cv = 0.3;       // assumption
  double beta_cell_function_cv = 0.3;              // assumption
  double beta_cell_mass_cv = 0.3;                  // assumption
};

// Throws InputError (key = the field's name) for a negative or non-finite CV.
void validate_type2_cohort_spread(const Type2CohortSpread& spread);

// The knobs of person `index` of the cohort drawn with `seed`.
TissueInsulinResistance sample_type2_knobs(std::uint64_t seed, std::uint64_t index, const Type2CohortSpread& spread);

// sigma of a median-one lognormal with coefficient of variation cv: sqrt(ln(1 + cv^2)).
double lognormal_sigma_for_cv(double cv);

}  // namespace isletsim
