// Measured samples of the dynamic glucose tests (OGTT, IVGTT, clamp) as the analysis functions take them.
// Units are in the names: time from the glucose load or injection in minutes, glucose in mg/dl, insulin in uU/ml,
// glucose infusion rate in mg/kg/min.
#pragma once

#include <vector>

namespace isletsim {

// One timed sample of an OGTT or IVGTT. Time is from the glucose load or injection (basal samples at t <= 0).
struct GlucoseInsulinSample {
  double t_min = 0;
  double glucose_mg_dl = 0;
  double insulin_uU_ml = 0;
};

// One timed sample of a clamp: the glucose infusion rate in force and the plasma glucose at that time.
struct ClampSample {
  double t_min = 0;
  double glucose_infusion_mg_kg_min = 0;
  double glucose_mg_dl = 0;
};

// The measurements of one person, grouped by test, as read from a file (io/glucose_test_csv.hpp).
struct GlucoseTestSet {
  std::vector<GlucoseInsulinSample> fasting;  // fasting samples (their times are not used)
  std::vector<GlucoseInsulinSample> ogtt;     // times strictly increasing
  std::vector<GlucoseInsulinSample> ivgtt;    // times strictly increasing
  std::vector<ClampSample> clamp;             // times strictly increasing
};

}  // namespace isletsim
