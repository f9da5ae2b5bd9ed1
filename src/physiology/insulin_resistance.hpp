// Insulin resistance by tissue and beta-cell failure as four named knobs on the Dalla Man 2007 meal model.
//
// Each knob is a fraction of the published subject's value (1 = as published, 0.4 = "40 % of normal"):
//   muscle_fat_insulin_sensitivity  scales Vmx, the insulin-dependent part of peripheral utilisation
//                                   (Vm(X) = Vm0 + Vmx X, Dalla Man 2007 eq. 25);
//   liver_insulin_sensitivity       scales kp3 and kp4, the suppression of endogenous glucose production by
//                                   delayed plasma and by portal insulin (eq. 10);
//   beta_cell_function              scales the static and dynamic responsivities beta and K (eqs. 19-20);
//   beta_cell_mass                  scales all secretion, basal included (dalla_man_2007_model.hpp).
// After the change the subject settles to its own new fasting state (settle_to_steady_state): lower liver
// sensitivity or beta-cell mass raises fasting glucose; lower muscle sensitivity acts after a load.
// This mapping of "tissue sensitivity" onto model parameters is this project's design, documented in
// docs/insulin_resistance.md.
#pragma once

#include "physiology/dalla_man_2007_parameters.hpp"

namespace isletsim {

struct TissueInsulinResistance {
  double muscle_fat_insulin_sensitivity = 1.0;
  double liver_insulin_sensitivity = 1.0;
  double beta_cell_function = 1.0;
  double beta_cell_mass = 1.0;
};

// The subject with the knobs applied and at its new resting state. Throws InputError (key = the knob's name) when a
// knob is negative, not finite, or above 10 (a tenfold change is outside anything the model was fitted to).
MealModelParameters with_insulin_resistance(const MealModelParameters& published, const TissueInsulinResistance& knobs);

}  // namespace isletsim
