#include "trial/graft_insulin_secretion.hpp"

#include <algorithm>
#include <cmath>

#include "core/input_error.hpp"
#include "core/units.hpp"

namespace isletsim {

GraftInsulinSecretion::GraftInsulinSecretion(const MealModelParameters& secretion, double recipient_body_weight_kg)
    : K_(secretion.K),
      alpha_(secretion.alpha),
      beta_(secretion.beta),
      gamma_(secretion.gamma),
      h_mg_dl_(secretion.Gb),
      Sb_(secretion.Sb),
      body_weight_kg_(recipient_body_weight_kg) {
  if (!std::isfinite(body_weight_kg_) || !(body_weight_kg_ > 0)) {
    throw InputError({"", 0, "body_weight_kg"}, "the graft recipient's body weight must be positive");
  }
}

// Eq. 20: Y rests at beta (G - h) while that is >= -Sb, else at -Sb (secretion cannot go below zero).
double GraftInsulinSecretion::static_target(double glucose_mg_dl) const {
  return std::max(beta_ * (glucose_mg_dl - h_mg_dl_), -Sb_);
}

double GraftInsulinSecretion::steady_u_per_min(double plasma_glucose_mg_dl) const {
  const double S = mass_fraction_ * (static_target(plasma_glucose_mg_dl) + Sb_);
  return S * body_weight_kg_ / units::kPmolPerInsulinUnit;
}

double GraftInsulinSecretion::advance_u_per_min(double t_min, double plasma_glucose_mg_dl) {
  const double G = plasma_glucose_mg_dl;
  if (!started_) {
    started_ = true;
    Y_ = static_target(G);
    Ipo_ = mass_fraction_ * (Y_ + Sb_) / gamma_;  // eq. 18 at rest
  } else {
    const double dt = t_min - last_t_min_;
    if (dt > 0) {
      const double dG_dt = (G - last_glucose_mg_dl_) / dt;
      // Eq. 20, exact over dt with G held: Y -> target + (Y - target) e^{-alpha dt}.
      const double target = static_target(G);
      const double y_start = Y_;
      const double decay_y = std::exp(-alpha_ * dt);
      Y_ = target + (y_start - target) * decay_y;
      // Eq. 19 x F. Spo is linear in Y; the exact Ipo (eq. 18) for Y(s) = target + (y0 - target) e^{-alpha s}:
      //   Ipo(dt) = Ipo e^{-gamma dt} + F [(target + Sb + dyn)(1 - e^{-gamma dt}) / gamma
      //             + (y0 - target)(e^{-alpha dt} - e^{-gamma dt}) / (gamma - alpha)]      (alpha != gamma)
      const double dynamic = dG_dt > 0 ? K_ * dG_dt : 0.0;
      const double decay_i = std::exp(-gamma_ * dt);
      const double constant_part = (target + Sb_ + dynamic) * (1.0 - decay_i) / gamma_;
      const double transient_part = std::abs(gamma_ - alpha_) > 1e-12
                                        ? (y_start - target) * (decay_y - decay_i) / (gamma_ - alpha_)
                                        : (y_start - target) * dt * decay_i;
      Ipo_ = Ipo_ * decay_i + mass_fraction_ * std::max(0.0, constant_part + transient_part);
    }
  }
  last_t_min_ = t_min;
  last_glucose_mg_dl_ = G;
  const double S = gamma_ * Ipo_;  // eq. 17, pmol/kg/min
  return S * body_weight_kg_ / units::kPmolPerInsulinUnit;
}

}  // namespace isletsim
