// Virtual frequently sampled intravenous glucose tolerance test (FSIGT) on a Dalla Man 2007 meal-model subject.
//
// Protocol (Bergman et al. 1981, J Clin Invest 68:1456; insulin-modified: Yang et al. 1987, Am J Physiol 253:E595,
// insulin at 20 min): glucose 0.3 g/kg injected over 1 min at t = 0; optionally insulin (U/kg) injected over 1 min
// at 20 min; samples at the usual FSIGT times. Readouts: AIRg (mean insulin rise 2-10 min, surrogate_indices),
// the Bergman minimal-model fit of the glucose curve (S_I, S_G; analysis/minimal_model_fit) and the disposition
// index AIRg * S_I (Kahn 1993).
#pragma once

#include <optional>
#include <vector>

#include "analysis/glucose_test_samples.hpp"
#include "physiology/dalla_man_2007_parameters.hpp"

namespace isletsim {

struct IvgttOptions {
  double glucose_g_per_kg = 0.3;
  double insulin_u_per_kg = 0.0;  // 0: unmodified FSIGT; e.g. 0.03 for the insulin-modified test
  double insulin_at_min = 20.0;
  std::vector<double> sample_times_min = {0,  2,  3,  4,  5,  6,  8,  10,  12,  14,  16,  19,  22,  25,
                                          30, 40, 50, 60, 70, 80, 90, 100, 120, 140, 160, 180};
};

struct IvgttResult {
  std::vector<GlucoseInsulinSample> samples;  // insulin in uU/ml
  double acute_insulin_response_uU_ml = 0;    // AIRg
  std::optional<double> insulin_sensitivity_per_min_per_uU_ml;  // minimal-model S_I, when the fit converged
  std::optional<double> glucose_effectiveness_per_min;          // minimal-model S_G
  std::optional<double> disposition_index_per_min;              // AIRg * S_I
};

IvgttResult run_intravenous_glucose_tolerance_test(const MealModelParameters& subject, const IvgttOptions& options = {});

}  // namespace isletsim
