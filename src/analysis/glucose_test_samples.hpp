// Measured samples of the dynamic glucose tests (OGTT, IVGTT, clamp) as the analysis functions take them.
// Units are in the names: time from the glucose load or injection in minutes, glucose in mg/dl, insulin in uU/ml,
// glucose infusion rate in mg/kg/min.
#pragma once

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

}  // namespace isletsim
