// Virtual hyperinsulinaemic-euglycaemic clamp on a Dalla Man 2007 meal-model subject (DeFronzo, Tobin & Andres
// 1979, Am J Physiol 237:E214).
//
// Insulin is infused at a constant 40 mU/m2/min into plasma (no priming dose: a design simplification, stated in
// docs/protocols.md); every 5 min a glucose infusion rate (GIR) is set by a proportional-integral rule on the
// plasma glucose error so that glucose is held at the subject's fasting value (the "variable glucose infusion" of
// DeFronzo 1979, here an automatic rule rather than the paper's nomogram). Readout: the M value, the mean GIR over
// the last 30 min, with the glucose-space correction (clamp_m_value, surrogate_indices).
#pragma once

#include <vector>

#include "analysis/glucose_test_samples.hpp"
#include "physiology/dalla_man_2007_parameters.hpp"

namespace isletsim {

struct ClampOptions {
  double insulin_mu_per_m2_per_min = 40.0;
  // Body surface area; 0: Mosteller's formula sqrt(height_cm * weight_kg / 3600) with height_cm (Mosteller 1987,
  // N Engl J Med 317:1098).
  double body_surface_area_m2 = 0.0;
  double height_cm = 170.0;  // design choice for the 78-kg published subjects: BSA 1.92 m2
  double duration_min = 120.0;
  double control_interval_min = 5.0;
  // PI rule on e = target - G (mg/dl): GIR_k = max(0, GIR_{k-1} + kp (e_k - e_{k-1}) + ki dt e_k).
  double proportional_gain = 0.2;     // mg/kg/min per mg/dl
  double integral_gain_per_min = 0.02;  // mg/kg/min per mg/dl per min
};

struct ClampResult {
  std::vector<ClampSample> samples;  // every control interval, GIR in force after the sample's decision
  double target_glucose_mg_dl = 0;
  double steady_insulin_pmol_l = 0;  // mean plasma insulin over the last 30 min
  double m_value_mg_kg_min = 0;
};

ClampResult run_euglycaemic_clamp(const MealModelParameters& subject, const ClampOptions& options = {});

}  // namespace isletsim
