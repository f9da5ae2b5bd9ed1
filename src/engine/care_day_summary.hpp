// What happened to one subject on one simulated day of the care loop (engine/care_loop.hpp).
#pragma once

namespace isletsim {

struct CareDaySummary {
  int day = 0;                              // 0-based day since the start of the loop
  double mean_plasma_glucose_mg_dl = 0;     // over the day's 1440 minutes (value at each minute's start)
  double min_plasma_glucose_mg_dl = 0;
  double exogenous_insulin_u = 0;           // delivered by the controller through the pump
  double endogenous_insulin_u = 0;          // made by a therapy (an islet graft), not a dose
  double carbs_g = 0;                       // everything eaten, rescue carbohydrate included
  double rescue_carbs_g = 0;                // hypoglycaemia treatment (engine/hypo_treatment.hpp)
  // What the subject's CGM showed that day (subcutaneous glucose when no sensor is modelled): what a clinic sees,
  // unlike the plasma values above (e.g. for dose changes, trial/insulin_dose_reduction.hpp).
  double min_cgm_mg_dl = 0;
  double mean_cgm_mg_dl = 0;
};

}  // namespace isletsim
