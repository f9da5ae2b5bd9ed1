// GraftInsulinSecretion: minute-by-minute insulin secretion of an islet graft with functional mass F (fraction of a
// normal adult pancreas, islet_graft.hpp), driven by the recipient's plasma glucose.
//
// The secretion submodel of Dalla Man, Rizza & Cobelli 2007 (IEEE TBME 54:1740, eqs. 17-20) with the parameters of
// its average normal subject (Table 1 as built in dalla_man_2007_subjects.cpp: K, alpha, beta, gamma; h = Gb and
// Sb from its basal state), every pre-hepatic secretion multiplied by F as in graft_recipient.hpp:
//   Spo = F (Y + K dG/dt + Sb) if dG/dt > 0, else F (Y + Sb)                           (eq. 19, x F)
//   dY/dt = -alpha (Y - beta (G - h))   if beta (G - h) >= -Sb, else -alpha (Y + Sb)      (eq. 20)
//   dIpo/dt = -gamma Ipo + Spo;   S = gamma Ipo  (pmol/kg/min)                             (eqs. 17-18)
// Insulin out: S x body weight / 6000 pmol/U (core/units.hpp) in U/min.
//
// Between calls, glucose is held at the value of the current call and dG/dt is the difference quotient of the last
// two calls; Y and Ipo then follow their linear equations exactly (exponentials), so the result does not depend on
// a step size. At the first call the state starts at the steady state of that glucose (dG/dt = 0).
//
// Limitation (trial/arm_intervention.hpp): the trial's UVA/Padova T1D model has only the subcutaneous insulin
// route, so this portal secretion enters there; first-pass hepatic extraction of the portal route is not modelled.
#pragma once

#include "physiology/dalla_man_2007_parameters.hpp"

namespace isletsim {

class GraftInsulinSecretion {
 public:
  // `secretion` supplies K, alpha, beta, gamma, Gb (= h) and Sb; body weight is the recipient's.
  GraftInsulinSecretion(const MealModelParameters& secretion, double recipient_body_weight_kg);

  // Functional mass F >= 0 from now on (changes once a day from the graft course).
  void set_functional_mass_fraction(double fraction) { mass_fraction_ = fraction; }
  double functional_mass_fraction() const { return mass_fraction_; }

  // Advances to t_min with plasma glucose G (mg/dl) and returns the insulin secretion S at t_min, U/min.
  double advance_u_per_min(double t_min, double plasma_glucose_mg_dl);

  // Steady secretion at constant glucose (dG/dt = 0, eqs. 17-20 at rest): F max(beta (G - h) + Sb, 0) x BW / 6000.
  double steady_u_per_min(double plasma_glucose_mg_dl) const;

 private:
  double static_target(double glucose_mg_dl) const;  // the rest value of Y (eq. 20)

  double K_, alpha_, beta_, gamma_, h_mg_dl_, Sb_;
  double body_weight_kg_;
  double mass_fraction_ = 0;
  bool started_ = false;
  double last_t_min_ = 0;
  double last_glucose_mg_dl_ = 0;
  double Y_ = 0;    // pmol/kg/min
  double Ipo_ = 0;  // pmol/kg
};

}  // namespace isletsim
